"""Dependencies of the routes, as ``Annotated`` types."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request, status

from api.batcher import MicroBatcher
from api.metrics import Metrics
from api.recent import RecentItems
from classifier.labels.store import LabelStore
from classifier.model.predict import Predictor
from classifier.model.registry import Registry
from classifier.settings import Settings


def get_predictor(request: Request) -> Predictor:
    """The model for this request, taken once so that a swap cannot split it."""
    predictor: Predictor = request.app.state.model.get()
    return predictor


def get_batcher(request: Request) -> MicroBatcher:
    """The worker's one lane to the model."""
    batcher: MicroBatcher = request.app.state.batcher
    return batcher


def get_recent(request: Request) -> RecentItems:
    """The worker's recent predictions."""
    recent: RecentItems = request.app.state.recent
    return recent


def get_app_settings(request: Request) -> Settings:
    """The settings the application was built with."""
    settings: Settings = request.app.state.settings
    return settings


def get_registry(request: Request) -> Registry:
    """The model registry of the service."""
    registry: Registry = request.app.state.registry
    return registry


def get_store(request: Request) -> LabelStore:
    """The label store of the service."""
    store: LabelStore = request.app.state.store
    return store


def get_metrics(request: Request) -> Metrics:
    """The service's counters."""
    metrics: Metrics = request.app.state.metrics
    return metrics


def require_api_key(
    request: Request,
    x_api_key: Annotated[str | None, Header(description="A key from PARADIP_API_KEYS.")] = None,
) -> str:
    """Let the request through only with a configured API key (compared in constant time).

    Raises
    ------
    HTTPException
        401 when the key is missing or wrong, or when the server has no keys.
    """
    settings: Settings = request.app.state.settings
    keys = [key.get_secret_value() for key in settings.api_keys]
    if not keys:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="this endpoint changes state and the server has no API keys; "
            "start it with PARADIP_API_KEYS set",
        )
    if x_api_key is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, detail="missing API key: send it in the X-API-Key header"
        )
    supplied = x_api_key.encode()
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(supplied, key.encode())
    if not matched:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="wrong API key")
    return x_api_key


PredictorDep = Annotated[Predictor, Depends(get_predictor)]
BatcherDep = Annotated[MicroBatcher, Depends(get_batcher)]
RecentDep = Annotated[RecentItems, Depends(get_recent)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
RegistryDep = Annotated[Registry, Depends(get_registry)]
StoreDep = Annotated[LabelStore, Depends(get_store)]
MetricsDep = Annotated[Metrics, Depends(get_metrics)]
ApiKeyDep = Annotated[str, Depends(require_api_key)]
