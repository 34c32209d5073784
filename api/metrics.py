"""Counters for ``GET /v1/metrics``, written in Prometheus' text format.

Kept in process (one set per worker process), with a lock: requests by
route and status, a latency histogram, predictions per label, and the active
model version as an info gauge.
"""

from __future__ import annotations

import threading
from collections import Counter
from typing import Final

BUCKETS: Final = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    """The service's counters."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: Counter[tuple[str, str, int]] = Counter()
        self.latency_buckets: Counter[float] = Counter()
        self.latency_sum = 0.0
        self.latency_count = 0
        self.predictions: Counter[str] = Counter()

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        """Count one request and its latency."""
        with self._lock:
            self.requests[(method, route, status)] += 1
            self.latency_sum += seconds
            self.latency_count += 1
            for bound in BUCKETS:
                if seconds <= bound:
                    self.latency_buckets[bound] += 1

    def observe_predictions(self, labels: list[str]) -> None:
        """Count predictions per label."""
        with self._lock:
            self.predictions.update(labels)

    def render(self, model_version: str) -> str:
        """All counters in Prometheus' text exposition format."""
        with self._lock:
            lines = [
                "# HELP paradip_requests_total HTTP requests by method, route and status.",
                "# TYPE paradip_requests_total counter",
                *(
                    f'paradip_requests_total{{method="{m}",route="{r}",status="{s}"}} {n}'
                    for (m, r, s), n in sorted(self.requests.items())
                ),
                "# HELP paradip_request_seconds Request latency.",
                "# TYPE paradip_request_seconds histogram",
                *(
                    f'paradip_request_seconds_bucket{{le="{bound}"}} {self.latency_buckets[bound]}'
                    for bound in BUCKETS
                ),
                f'paradip_request_seconds_bucket{{le="+Inf"}} {self.latency_count}',
                f"paradip_request_seconds_sum {self.latency_sum:.6f}",
                f"paradip_request_seconds_count {self.latency_count}",
                "# HELP paradip_predictions_total Predictions by label.",
                "# TYPE paradip_predictions_total counter",
                *(
                    f'paradip_predictions_total{{label="{label}"}} {n}'
                    for label, n in sorted(self.predictions.items())
                ),
                "# HELP paradip_model_info The active model version.",
                "# TYPE paradip_model_info gauge",
                f'paradip_model_info{{version="{model_version}"}} 1',
            ]
        return "\n".join(lines) + "\n"
