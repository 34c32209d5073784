"""The last predictions a worker made, kept in memory for the review queue.

The web page's review queue offers "the API's uncertain recent items": the
service keeps the last ``PARADIP_RECENT_ITEMS`` single-item predictions
(text, title and what the model said) in a bounded deque. Nothing is
written to disk: a restart forgets them, and each worker process keeps its
own. Set the limit to 0 to keep no texts at all.
"""

from __future__ import annotations

import threading
import uuid
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from classifier.model.predict import Prediction

__all__ = ["RecentItem", "RecentItems"]


@dataclass(frozen=True)
class RecentItem:
    """One classified item as the review queue shows it."""

    id: str
    text: str
    title: str | None
    lang: str
    suggested: str
    confidence: float
    uncertain: bool
    scores: dict[str, float]
    model_version: str
    at: str

    def to_json(self) -> dict[str, Any]:
        """The item in the shape of a ``paradip suggest`` row, plus when and which model."""
        return {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "lang": self.lang,
            "suggested": self.suggested,
            "confidence": round(self.confidence, 4),
            "uncertain": self.uncertain,
            "scores": {k: round(v, 4) for k, v in self.scores.items()},
            "model_version": self.model_version,
            "at": self.at,
        }


class RecentItems:
    """A bounded, thread-safe memory of recent predictions.

    Parameters
    ----------
    size : int
        How many to keep; 0 keeps none.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: deque[RecentItem] = deque(maxlen=max(size, 1))
        self._lock = threading.Lock()

    def add(self, text: str, title: str | None, prediction: Prediction) -> None:
        """Remember one prediction (not those of texts with no letters)."""
        if self.size == 0 or prediction.lang == "und":
            return
        item = RecentItem(
            id=f"recent-{uuid.uuid4().hex[:12]}",
            text=text,
            title=title,
            lang=prediction.lang,
            suggested=prediction.label,
            confidence=prediction.confidence,
            uncertain=prediction.uncertain,
            scores=dict(prediction.scores),
            model_version=prediction.model_version,
            at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        with self._lock:
            self._items.append(item)

    def latest(self, limit: int, *, uncertain_only: bool) -> list[RecentItem]:
        """Newest first, at most ``limit``; only the uncertain ones if asked."""
        with self._lock:
            items = list(self._items)
        items.reverse()
        if uncertain_only:
            items = [item for item in items if item.uncertain]
        return items[:limit]
