"""Training: determinism, the threshold rule, metrics, and the shipped model's reproduction."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from classifier.model.metrics import expected_calibration_error
from classifier.model.pipeline import ModelParams
from classifier.model.registry import Registry
from classifier.model.train import choose_threshold, train
from tests.conftest import SMALL_PARAMS

ROOT = Path(__file__).resolve().parents[2]


def test_same_data_and_seed_give_the_same_model(
    tmp_path: Path, small_corpus_path: Path, small_registry: Registry
) -> None:
    again = Registry(tmp_path)
    train([small_corpus_path], again, params=SMALL_PARAMS, seed=0)
    first, second = small_registry.card("v001"), again.card("v001")
    assert first["metrics"] == second["metrics"]
    assert first["uncertainty_threshold"] == second["uncertainty_threshold"]
    texts = ["Quebec opens a trade office in Tokyo", "زار محافظ البصرة الكويت"]
    a = small_registry.load().pipeline.predict_proba(texts)
    b = again.load().pipeline.predict_proba(texts)
    np.testing.assert_array_equal(a, b)


def test_threshold_flags_the_errors() -> None:
    confidence = np.array([0.95, 0.9, 0.85, 0.5, 0.45, 0.4])
    correct = np.array([True, True, True, False, False, True])
    assert choose_threshold(confidence, correct) == pytest.approx(0.85)
    assert choose_threshold(confidence, np.ones(6, dtype=bool)) == 0.0


def test_ece_of_perfect_and_overconfident_models() -> None:
    assert expected_calibration_error(np.array([1.0, 1.0]), np.array([True, True])) == 0.0
    assert expected_calibration_error(
        np.array([0.9] * 10), np.array([True] * 5 + [False] * 5)
    ) == pytest.approx(0.4)


def test_empty_train_split_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    row = {
        "id": "x",
        "lang": "en",
        "text": "Quebec office",
        "label": "parallel",
        "entity": "Quebec",
        "country": "Canada",
        "partner": "",
        "rule": "R4",
        "provenance": "authored",
        "split": "test",
    }
    path.write_text(json.dumps(row) + "\n")
    with pytest.raises(ValueError, match="the corpus has no train items"):
        train([path], Registry(tmp_path / "m"))


@pytest.mark.slow
def test_shipped_model_is_reproduced_from_the_committed_corpus(tmp_path: Path) -> None:
    shipped = Registry(ROOT / "models")
    card = shipped.card(shipped.active_version() or "")
    result = train(
        [ROOT / "training_data" / "corpus"],
        Registry(tmp_path),
        params=ModelParams.from_json(card["params"]),
        seed=card["seed"],
    )
    assert result.card["data"]["sha256"] == card["data"]["sha256"]
    for key in ("accuracy", "macro_f1", "ece"):
        assert result.card["metrics"][key] == pytest.approx(card["metrics"][key], abs=0.01)
    for lang, metrics in card["metrics"]["per_language"].items():
        assert result.card["metrics"]["per_language"][lang]["macro_f1"] == pytest.approx(
            metrics["macro_f1"], abs=0.01
        )
