"""``POST /v1/retrain`` and ``GET /v1/jobs/{id}``: retraining in the background."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request, status
from pydantic import BaseModel, ConfigDict, Field

from api.deps import ApiKeyDep
from api.jobs import JobBusyError, Jobs
from classifier.model.predict import Predictor
from classifier.model.retrain import RetrainResult, retrain

router = APIRouter(tags=["models"])


class RetrainRequest(BaseModel):
    """Options of a retrain (all optional)."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"tolerance": 0.01, "force": False}]}
    )

    tolerance: float = Field(0.01, ge=0, le=1, description="Largest test macro-F1 drop allowed.")
    force: bool = Field(False, description="Promote even if the candidate is worse.")


class JobStarted(BaseModel):
    """The id to poll at ``GET /v1/jobs/{id}``."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"job_id": "3f9c2a61b0d4", "state": "running"}]}
    )

    job_id: str
    state: str


@router.post(
    "/retrain",
    response_model=JobStarted,
    status_code=status.HTTP_202_ACCEPTED,
    responses={
        401: {"description": "Missing or wrong API key."},
        409: {"description": "A retrain is running."},
    },
)
def start_retrain(
    request: Request, _key: ApiKeyDep, body: RetrainRequest | None = None
) -> JobStarted:
    """Start a retrain on the corpus plus the label store; returns a job id at once."""
    options = body or RetrainRequest()
    state = request.app.state
    jobs: Jobs = state.jobs

    def work(progress: Any) -> RetrainResult:
        return retrain(
            [state.settings.corpus_dir],
            state.registry,
            state.store,
            tolerance=options.tolerance,
            force=options.force,
            progress=progress,
        )

    def swap(result: RetrainResult) -> None:
        if result.promoted:
            state.model.swap(Predictor(state.registry.load(result.candidate)))

    try:
        job = jobs.start(work, swap)
    except JobBusyError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=str(exc)) from exc
    return JobStarted(job_id=job.id, state=job.state)


_JOB_EXAMPLE = {
    "id": "3f9c2a61b0d4",
    "state": "succeeded",
    "log": ["reading the corpus and 12 labels from the label store", "training v003"],
    "result": {
        "candidate": "v003",
        "active_before": "v002",
        "promoted": True,
        "forced": False,
        "reason": "candidate macro-F1 0.925 >= active 0.922 - 0.010",
        "comparison": {"active": {"macro_f1": 0.922}, "candidate": {"macro_f1": 0.925}},
    },
    "error": None,
}


@router.get(
    "/jobs/{job_id}",
    responses={
        200: {"content": {"application/json": {"example": _JOB_EXAMPLE}}},
        404: {"description": "Unknown job."},
    },
)
def get_job(job_id: str, request: Request) -> dict[str, Any]:
    """A job's state, log, and when done the comparison and the decision."""
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no job {job_id!r}")
    result: dict[str, Any] = job.to_json()
    return result
