"""The issue's acceptance test: 200 labels for a region the corpus never saw.

Bermuda is in no corpus item. 200 labelled items about it (English, Arabic,
Persian; ``tests/data/new_region_*.jsonl``, written to the codebook) are
imported through the command line, a candidate is retrained from the shipped
model's parameters on the full corpus, and it must be better than the active
model on the held-out Bermuda labels and not worse on the fixed test split;
it is promoted, and rolled back.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from classifier.cli import app
from classifier.model.registry import Registry
from classifier.settings import get_settings
from tests.conftest import CORPUS, DATA, ROOT


def test_bermuda_is_not_in_the_corpus() -> None:
    for path in CORPUS.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert row["entity"] != "Bermuda"
            assert "bermuda" not in row["text"].lower() and "برمودا" not in row["text"]


@pytest.mark.slow
def test_labels_for_a_new_region_make_a_better_model_then_roll_back(tmp_path: Path) -> None:
    models = tmp_path / "models"
    shutil.copytree(ROOT / "models", models)
    labels = tmp_path / "bermuda.jsonl"
    labels.write_text(
        "".join((DATA / f"new_region_{part}.jsonl").read_text(encoding="utf-8") for part in "ab"),
        encoding="utf-8",
    )
    env = {
        "COLUMNS": "200",
        "PARADIP_MODEL_DIR": str(models),
        "PARADIP_DATA_DIR": str(tmp_path / "data"),
        "PARADIP_CORPUS_DIR": str(CORPUS),
    }
    shipped = Registry(models)
    before = shipped.active_version()
    candidate = f"v{int(shipped.versions()[-1][1:]) + 1:03d}"
    runner = CliRunner(env=env)
    get_settings.cache_clear()
    try:
        imported = runner.invoke(app, ["labels", "import", str(labels), "--who", "analyst"])
        assert imported.exit_code == 0, imported.output
        assert imported.stdout.strip() == "imported 200 label(s)"
        result = runner.invoke(app, ["retrain"])
        assert result.exit_code == 0, result.output
        assert f"{candidate} promoted" in result.stdout
        card = Registry(models).card(candidate)["retrain"]
        new, test = card["comparison"]["new_labels"], card["comparison"]["test"]
        assert new["candidate"]["n"] == 40
        assert new["candidate"]["macro_f1"] > new["active"]["macro_f1"]
        assert test["candidate"]["macro_f1"] >= test["active"]["macro_f1"] - 0.01
        assert Registry(models).active_version() == candidate
        rolled = runner.invoke(app, ["models", "rollback"])
        assert rolled.stdout == f"active: {before}\n"
        assert Registry(models).active_version() == before
    finally:
        get_settings.cache_clear()
