"""Active learning suggestions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classifier.labels.suggest import suggest
from classifier.model.predict import Predictor
from classifier.model.registry import Registry
from tests.batch.conftest import corpus_records


def test_suggestions_are_least_sure_spread_and_not_duplicated(
    tmp_path: Path, small_registry: Registry
) -> None:
    records = corpus_records(90)
    records += [dict(records[0], id=f"dup-{i}") for i in range(5)]
    path = tmp_path / "a.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    predictor = Predictor(small_registry.load())
    picked = suggest(predictor, path, 12)
    assert len(picked) == 12
    assert {s.lang for s in picked} == {"ar", "fa", "en"}
    texts = [s.text for s in picked]
    assert len(set(texts)) == len(texts)
    all_margins = sorted(
        sorted(p.scores.values(), reverse=True)[0] - sorted(p.scores.values(), reverse=True)[1]
        for p in predictor.predict([r["text"] for r in records], evidence=False)
    )
    assert max(s.margin for s in picked) <= all_margins[len(all_margins) // 2]
    assert picked[0].to_json()["label"] == ""
    with pytest.raises(ValueError, match="k must be at least 1, got 0"):
        suggest(predictor, path, 0)
