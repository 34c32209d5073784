"""What the service holds between requests: the active model, swappable atomically."""

from __future__ import annotations

import threading

from classifier.model.predict import Predictor


class ModelHolder:
    """The active predictor; a request takes it once and keeps it to the end.

    Swapping replaces one reference under a lock, so a request in flight
    finishes on the model it started with, and every response names the
    version that produced it.
    """

    def __init__(self, predictor: Predictor) -> None:
        self._predictor = predictor
        self._lock = threading.Lock()

    def get(self) -> Predictor:
        """The predictor to use for one request."""
        return self._predictor

    def swap(self, predictor: Predictor) -> None:
        """Make ``predictor`` the one new requests get."""
        with self._lock:
            self._predictor = predictor
