"""``GET /v1/health`` (alive), ``GET /v1/ready`` (model loaded) and ``GET /v1/metrics``."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import PlainTextResponse

from api.deps import BatcherDep, MetricsDep, PredictorDep
from api.schemas import HealthResponse, ReadyResponse

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthResponse)
def health(predictor: PredictorDep) -> HealthResponse:
    """Report that the service is alive and the version of the active model."""
    return HealthResponse(status="ok", model_version=predictor.version)


@router.get("/ready", response_model=ReadyResponse)
async def ready(predictor: PredictorDep, batcher: BatcherDep) -> ReadyResponse:
    """Report that the model is loaded and answers a prediction through the model lane."""
    await batcher.predict(predictor, ["readiness check"], [None], evidence=False)
    return ReadyResponse(status="ready", model_version=predictor.version)


_METRICS_EXAMPLE = """\
# HELP paradip_requests_total HTTP requests by method, route and status.
# TYPE paradip_requests_total counter
paradip_requests_total{method="POST",route="/v1/classify",status="200"} 1204
# HELP paradip_request_seconds Request latency.
# TYPE paradip_request_seconds histogram
paradip_request_seconds_bucket{le="0.05"} 1180
paradip_request_seconds_bucket{le="+Inf"} 1204
paradip_request_seconds_sum 21.48
paradip_request_seconds_count 1204
# HELP paradip_predictions_total Predictions by label.
# TYPE paradip_predictions_total counter
paradip_predictions_total{label="parallel"} 311
# HELP paradip_model_info The active model version.
# TYPE paradip_model_info gauge
paradip_model_info{version="v001"} 1
"""


@router.get(
    "/metrics",
    response_class=PlainTextResponse,
    responses={200: {"content": {"text/plain": {"example": _METRICS_EXAMPLE}}}},
)
def metrics(predictor: PredictorDep, counters: MetricsDep) -> str:
    """Requests, latency, predictions per label and the active model, in Prometheus format."""
    return counters.render(predictor.version)
