"""``/v1/models``: versions, cards, activation and rollback without downtime."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request, status

from api.deps import ApiKeyDep, RegistryDep
from api.schemas import ActiveModel, ModelSummary
from classifier.model.predict import Predictor
from classifier.model.registry import ModelLoadError

router = APIRouter(tags=["models"])


@router.get("/models", response_model=list[ModelSummary])
def list_models(registry: RegistryDep) -> list[ModelSummary]:
    """Every version with its test metrics; the active one is marked."""
    return [ModelSummary.model_validate(s) for s in registry.summaries()]


_CARD_EXAMPLE = {
    "version": "v001",
    "created": "2026-11-22T03:01:25+00:00",
    "params": {"C": 1.0, "char_ngrams": [2, 5], "word_ngrams": [1, 2], "cues": False},
    "calibration": "isotonic",
    "threshold": 0.674,
    "test": {"macro_f1": 0.922, "accuracy": 0.923, "ece": 0.036},
}


@router.get(
    "/models/{version}",
    responses={
        200: {
            "description": "The card: training data, parameters, cross-validation, "
            "test metrics, threshold (abridged in this example).",
            "content": {"application/json": {"example": _CARD_EXAMPLE}},
        },
        404: {"description": "Unknown version."},
    },
)
def show_model(version: str, registry: RegistryDep) -> dict[str, Any]:
    """A version's card."""
    try:
        return registry.card(version)
    except ModelLoadError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=str(exc)) from exc


def _swap(request: Request, version: str) -> None:
    """Load ``version`` fully, then swap it in: requests in flight keep the old model."""
    registry = request.app.state.registry
    predictor = Predictor(registry.load(version))
    predictor.warm_up()
    request.app.state.model.swap(predictor)


@router.post(
    "/models/{version}/activate",
    response_model=ActiveModel,
    responses={
        401: {"description": "Missing or wrong API key."},
        404: {"description": "Unknown version."},
    },
)
def activate(version: str, request: Request, registry: RegistryDep, _key: ApiKeyDep) -> ActiveModel:
    """Make ``version`` the active model, for this service and on disk."""
    try:
        registry.card(version)
    except ModelLoadError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=str(exc)) from exc
    try:
        _swap(request, version)
    except ModelLoadError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=str(exc)) from exc
    registry.activate(version)
    return ActiveModel(active=version)


@router.post(
    "/models/rollback",
    response_model=ActiveModel,
    responses={
        401: {"description": "Missing or wrong API key."},
        409: {"description": "Nothing to roll back to."},
    },
)
def rollback(request: Request, registry: RegistryDep, _key: ApiKeyDep) -> ActiveModel:
    """Return to the version active before the current one."""
    try:
        version = registry.rollback()
        _swap(request, version)
    except ModelLoadError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=str(exc)) from exc
    return ActiveModel(active=version)
