"""Retraining from stored labels: comparison, promotion, refusal, rollback, failure."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from classifier.cli import app
from classifier.data.schema import LABELS
from classifier.labels.store import LabelStore, NewLabel
from classifier.model.registry import Registry
from classifier.model.retrain import retrain
from tests.conftest import CORPUS

runner = CliRunner(env={"COLUMNS": "200"})


@pytest.fixture
def registry(tmp_path: Path, small_registry: Registry) -> Registry:
    root = tmp_path / "models"
    shutil.copytree(small_registry.root, root)
    return Registry(root)


def corpus_rows(small_corpus: Path, n: int) -> list[dict[str, str]]:
    """Train-split corpus items that the small corpus does not hold."""
    used = {
        json.loads(line)["id"] for line in small_corpus.read_text(encoding="utf-8").splitlines()
    }
    rows = []
    for lang in ("ar", "fa", "en"):
        for line in (CORPUS / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row["split"] == "train" and row["id"] not in used:
                rows.append(row)
    return rows[::7][:n]


def store_with(tmp_path: Path, rows: list[dict[str, str]], *, corrupt: bool = False) -> LabelStore:
    store = LabelStore(tmp_path / "data")
    shift = {label: LABELS[(i + 1) % 4] for i, label in enumerate(LABELS)}
    store.add(
        [
            NewLabel(
                text=r["text"],
                label=shift[r["label"]] if corrupt else r["label"],
                who="t",
                origin="test",
                lang=r["lang"],
            )
            for r in rows
        ]
    )
    return store


def test_candidate_from_good_labels_is_compared_and_promoted(
    tmp_path: Path, registry: Registry, small_corpus_path: Path
) -> None:
    store = store_with(tmp_path, corpus_rows(small_corpus_path, 150))
    result = retrain([small_corpus_path], registry, store, seed=0)
    assert result.active_before == "v001" and result.candidate == "v002"
    for part in ("test", "new_labels"):
        for side in ("active", "candidate"):
            assert {"macro_f1", "per_language", "per_label"} <= set(result.comparison[part][side])
    card = registry.card("v002")
    held = card["retrain"]["n_new_labels_held_out"]
    assert result.comparison["new_labels"]["active"]["n"] == held
    assert 25 <= held <= 35
    assert card["retrain"]["n_new_labels"] == 150 and card["data"]["n_extra_train"] == 150 - held
    assert result.promoted, result.reason
    assert registry.active_version() == "v002"
    assert registry.rollback() == "v001"


def test_candidate_from_corrupted_labels_is_refused(
    tmp_path: Path, registry: Registry, small_corpus_path: Path
) -> None:
    store = store_with(tmp_path, corpus_rows(small_corpus_path, 150), corrupt=True)
    result = retrain([small_corpus_path], registry, store, seed=0)
    assert not result.promoted
    assert "test-split macro-F1 falls by" in result.reason
    assert registry.active_version() == "v001"
    assert registry.card("v002")["retrain"]["promoted"] is False
    forced = retrain([small_corpus_path], registry, store, seed=0, force=True)
    assert forced.promoted and forced.forced
    assert registry.active_version() == "v003"
    assert registry.card("v003")["retrain"]["forced"] is True


def test_failed_retrain_leaves_model_and_store_untouched(
    tmp_path: Path, registry: Registry, small_corpus_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = store_with(tmp_path, corpus_rows(small_corpus_path, 20))

    def out_of_memory(*args: object, **kwargs: object) -> None:
        raise MemoryError("simulated")

    monkeypatch.setattr("classifier.model.retrain.train", out_of_memory)
    with pytest.raises(MemoryError):
        retrain([small_corpus_path], registry, store)
    assert registry.active_version() == "v001" and registry.versions() == ["v001"]
    assert store.count() == 20


def test_no_human_labels_is_a_clear_error(
    tmp_path: Path, registry: Registry, small_corpus_path: Path
) -> None:
    store = LabelStore(tmp_path / "data")
    store.add(
        [NewLabel(text="Quebec office", label="parallel", who="m", origin="batch", state="machine")]
    )
    with pytest.raises(ValueError, match="holds no reviewed or corrected label"):
        retrain([small_corpus_path], registry, store)


def test_models_commands(registry: Registry) -> None:
    shutil.copytree(registry.root / "v001", registry.root / "v002")
    card = json.loads((registry.root / "v002" / "card.json").read_text())
    (registry.root / "v002" / "card.json").write_text(json.dumps({**card, "version": "v002"}))
    root = str(registry.root)
    listed = runner.invoke(app, ["models", "list", "--json", "--model-dir", root])
    assert listed.exit_code == 0
    summary = json.loads(listed.stdout)
    assert [(m["version"], m["active"]) for m in summary] == [("v001", True), ("v002", False)]
    assert set(summary[0]) == {"version", "active", "created", "metrics"}
    assert (
        runner.invoke(app, ["models", "activate", "v002", "--model-dir", root]).stdout
        == "active: v002\n"
    )
    assert (
        runner.invoke(app, ["models", "rollback", "--model-dir", root]).stdout == "active: v001\n"
    )
    missing = runner.invoke(app, ["models", "activate", "v009", "--model-dir", root])
    assert missing.exit_code == 1 and "no model version 'v009'" in missing.stderr
    shown = runner.invoke(app, ["models", "show", "v001", "--model-dir", root])
    assert shown.stdout.startswith("# paradip model v001")
