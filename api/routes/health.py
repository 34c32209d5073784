"""``GET /v1/health`` (alive), ``GET /v1/ready`` (model loaded) and ``GET /v1/metrics``."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse

from api.deps import MetricsDep, PredictorDep
from api.schemas import HealthResponse, ReadyResponse

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthResponse)
def health(predictor: PredictorDep) -> HealthResponse:
    """Report that the service is alive and the version of the active model."""
    return HealthResponse(status="ok", model_version=predictor.version)


@router.get("/ready", response_model=ReadyResponse)
def ready(request: Request, predictor: PredictorDep) -> ReadyResponse:
    """Report that the model is loaded and answers a prediction."""
    predictor.predict(["readiness check"], evidence=False)
    return ReadyResponse(status="ready", model_version=predictor.version)


@router.get("/metrics", response_class=PlainTextResponse)
def metrics(predictor: PredictorDep, counters: MetricsDep) -> str:
    """Requests, latency, predictions per label and the active model, in Prometheus format."""
    return counters.render(predictor.version)
