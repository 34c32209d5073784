"""Active learning: the items the model is least sure of, worth labelling next.

Uncertainty is the margin between the two top probabilities. The archive is
streamed; each language keeps its least-sure candidates in a bounded heap,
and the final pick takes languages in turn and skips near-duplicates of
items already picked (character 5-gram Jaccard above 0.7), so a batch of
suggestions is spread and not twenty copies of one wire story.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from classifier.data.near_duplicates import jaccard, shingles
from classifier.io.items import Item
from classifier.io.readers import read_records
from classifier.model.predict import Predictor
from classifier.text.normalize import normalize

__all__ = ["Suggestion", "suggest"]

NEAR_DUPLICATE = 0.7


@dataclass(frozen=True)
class Suggestion:
    """An item to label, with what the model thinks of it."""

    id: str
    text: str
    title: str | None
    lang: str
    suggested: str
    margin: float
    scores: dict[str, float]

    def to_json(self) -> dict[str, Any]:
        """A row ready to label (fill ``label``) and import with ``paradip labels import``."""
        return {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "lang": self.lang,
            "suggested": self.suggested,
            "margin": round(self.margin, 4),
            "scores": self.scores,
            "label": "",
        }


def _predicted(
    predictor: Predictor, items: Iterator[Item], chunk: int = 256
) -> Iterator[Suggestion]:
    while block := list(islice(items, chunk)):
        for item, prediction in zip(
            block,
            predictor.predict([i.text for i in block], [i.title for i in block], evidence=False),
            strict=True,
        ):
            if prediction.lang == "und":
                continue
            top, second = sorted(prediction.scores.values(), reverse=True)[:2]
            yield Suggestion(
                id=item.id if item.id is not None else str(item.line),
                text=item.text,
                title=item.title,
                lang=prediction.lang,
                suggested=prediction.label,
                margin=top - second,
                scores=prediction.scores,
            )


def suggest(
    predictor: Predictor, archive: Path, k: int, fmt: str | None = None
) -> list[Suggestion]:
    """Pick ``k`` items of ``archive`` to label next; see the module docstring."""
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    keep = 4 * k
    heaps: dict[str, list[tuple[float, int, Suggestion]]] = {}
    records = (r for r in read_records(archive, fmt) if isinstance(r, Item))
    for counter, suggestion in enumerate(_predicted(predictor, records)):
        heap = heaps.setdefault(suggestion.lang, [])
        entry = (-suggestion.margin, counter, suggestion)
        if len(heap) < keep:
            heapq.heappush(heap, entry)
        elif entry > heap[0]:
            heapq.heapreplace(heap, entry)
    queues = {
        lang: sorted((e[2] for e in heap), key=lambda s: s.margin) for lang, heap in heaps.items()
    }
    chosen: list[Suggestion] = []
    seen: list[frozenset[int]] = []
    while len(chosen) < k and any(queues.values()):
        for lang in sorted(queues):
            while queues[lang]:
                candidate = queues[lang].pop(0)
                sig = shingles(normalize(candidate.text, candidate.lang))
                if all(jaccard(sig, other) <= NEAR_DUPLICATE for other in seen):
                    chosen.append(candidate)
                    seen.append(sig)
                    break
            if len(chosen) >= k:
                break
    return chosen
