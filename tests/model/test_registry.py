"""The registry: versions, activation, rollback, and refusing bad model files."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from classifier.model.registry import ModelLoadError, Registry


@pytest.fixture
def registry(tmp_path: Path, small_registry: Registry) -> Registry:
    root = tmp_path / "models"
    shutil.copytree(small_registry.root, root)
    return Registry(root)


def test_card_holds_what_reproduction_needs(registry: Registry) -> None:
    card = registry.card("v001")
    assert card["version"] == "v001"
    assert len(card["data"]["sha256"]) == 64
    assert card["params"]["classifier"] == "linearsvc"
    assert set(card["library_versions"]) >= {"scikit-learn", "numpy", "skops", "paradip"}
    assert 0 <= card["uncertainty_threshold"] <= 1
    assert {"macro_f1", "ece", "per_language", "confusion"} <= set(card["metrics"])
    assert set(card["baselines"]) == {"majority", "keyword_rules", "fasttext"}
    assert (registry.root / "v001" / "card.md").read_text().startswith("# paradip model v001")


def test_activate_and_rollback(registry: Registry) -> None:
    shutil.copytree(registry.root / "v001", registry.root / "v002")
    card = json.loads((registry.root / "v002" / "card.json").read_text())
    (registry.root / "v002" / "card.json").write_text(json.dumps({**card, "version": "v002"}))
    assert registry.versions() == ["v001", "v002"]
    assert registry.next_version() == "v003"
    registry.activate("v002")
    assert registry.active_version() == "v002"
    assert registry.load().version == "v002"
    assert registry.rollback() == "v001"
    assert registry.active_version() == "v001"
    with pytest.raises(ModelLoadError, match="no earlier active version"):
        registry.rollback()


def test_unknown_version_lists_known_ones(registry: Registry) -> None:
    with pytest.raises(ModelLoadError, match=r"no model version 'v042' .* \(known: v001\)"):
        registry.activate("v042")


def test_no_active_model_says_how_to_get_one(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match=r"no active model in .*: run 'paradip train'"):
        Registry(tmp_path).load()


def test_corrupt_file_is_refused_with_a_clear_message(registry: Registry) -> None:
    (registry.root / "v001" / "model.skops").write_bytes(b"not a zip at all")
    with pytest.raises(ModelLoadError, match="is corrupt or not a skops file"):
        registry.load()


def test_other_scikit_learn_version_is_refused(registry: Registry) -> None:
    path = registry.root / "v001" / "card.json"
    card = json.loads(path.read_text())
    card["library_versions"]["scikit-learn"] = "0.24.2"
    path.write_text(json.dumps(card))
    with pytest.raises(ModelLoadError, match=r"scikit-learn 0\.24\.2, but .* is installed"):
        registry.load()


def test_untrusted_type_in_file_is_refused(registry: Registry) -> None:
    path = registry.root / "v001" / "model.skops"
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    schema = members["schema.json"].decode()
    members["schema.json"] = (
        schema.replace('"__module__": "classifier.model.preprocess"', '"__module__": "os.path"', 1)
        .replace('"__class__": "TextPreprocessor"', '"__class__": "join"', 1)
        .encode()
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(
        ModelLoadError, match=r"holds types paradip does not trust: \['os.path.join'\]"
    ):
        registry.load()
