"""Background retraining jobs: one at a time, their state kept in memory.

A retrain takes minutes, so ``POST /v1/retrain`` starts it in a thread and
returns a job id at once; ``GET /v1/jobs/{id}`` reports its state and, when
done, the comparison. A second retrain while one runs is refused (409).
When a retrain promotes its candidate, the service swaps to it.
"""

from __future__ import annotations

import threading
import traceback
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from classifier.model.retrain import RetrainResult

__all__ = ["Job", "JobBusyError", "Jobs"]

State = Literal["running", "succeeded", "failed"]


class JobBusyError(RuntimeError):
    """A retrain is already running."""


@dataclass
class Job:
    """One retrain job."""

    id: str
    state: State = "running"
    log: list[str] = field(default_factory=list)
    result: dict[str, Any] | None = None
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The job as ``GET /v1/jobs/{id}`` returns it."""
        return asdict(self)


class Jobs:
    """The service's retrain jobs."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs: dict[str, Job] = {}
        self._running: str | None = None

    def get(self, job_id: str) -> Job | None:
        """The job with this id, if any."""
        return self._jobs.get(job_id)

    def start(
        self,
        work: Callable[[Callable[[str], None]], RetrainResult],
        on_success: Callable[[RetrainResult], None],
    ) -> Job:
        """Run ``work`` in a thread; refuse when a job is running.

        Raises
        ------
        JobBusyError
            When a retrain is already running.
        """
        with self._lock:
            if self._running is not None:
                raise JobBusyError(f"retrain job {self._running} is still running")
            job = Job(id=uuid.uuid4().hex[:12])
            self._jobs[job.id] = job
            self._running = job.id

        def run() -> None:
            try:
                result = work(job.log.append)
                on_success(result)
                job.result = asdict(result)
                job.state = "succeeded"
            except Exception as exc:  # a failed job is reported, not raised into the server
                job.error = f"{type(exc).__name__}: {exc}"
                job.log.append(traceback.format_exc(limit=3))
                job.state = "failed"
            finally:
                with self._lock:
                    self._running = None

        threading.Thread(target=run, name=f"retrain-{job.id}", daemon=True).start()
        return job
