"""Agreement of the blind second reading with the corpus labels (Cohen's kappa).

``training_data/second_reading/`` holds the items read blind (``blind_*.jsonl``),
the second reader's labels (``labels_*.jsonl``) and the adjudication of every
disagreement (``adjudication.jsonl``: original, second and final label, and
why). Kappa compares the *first* reading with the second: for an item the
adjudication changed, the first reading is its ``original`` label.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

from classifier.data.schema import CorpusItem

__all__ = ["Agreement", "second_reading_agreement"]


@dataclass(frozen=True)
class Agreement:
    """Agreement in one language."""

    lang: str
    n: int
    agreed: int
    kappa: float
    disagreements: list[str]


def _read(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def second_reading_agreement(folder: Path, corpus: Sequence[CorpusItem]) -> dict[str, Agreement]:
    """Cohen's kappa per language between the first and the second reading."""
    by_id = {item.id: item for item in corpus}
    adjudication_path = folder / "adjudication.jsonl"
    adjudicated = (
        {row["id"]: row for row in _read(adjudication_path)} if adjudication_path.is_file() else {}
    )
    result = {}
    for path in sorted(folder.glob("labels_*.jsonl")):
        lang = path.stem.removeprefix("labels_")
        rows = _read(path)
        first = [
            adjudicated[row["id"]]["original"]
            if row["id"] in adjudicated
            else by_id[row["id"]].label
            for row in rows
        ]
        second = [row["label"] for row in rows]
        result[lang] = Agreement(
            lang=lang,
            n=len(rows),
            agreed=sum(a == b for a, b in zip(first, second, strict=True)),
            kappa=float(cohen_kappa_score(first, second)),
            disagreements=[
                row["id"] for row, a in zip(rows, first, strict=True) if a != row["label"]
            ],
        )
    return result
