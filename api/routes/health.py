"""``GET /v1/health``: the service is up, and which model it uses."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import PredictorDep
from api.schemas import HealthResponse

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthResponse)
def health(predictor: PredictorDep) -> HealthResponse:
    """Report that the service is alive and the version of the active model."""
    return HealthResponse(status="ok", model_version=predictor.version)
