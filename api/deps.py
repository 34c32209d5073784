"""Dependencies of the routes, as ``Annotated`` types."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from classifier.model.predict import Predictor
from classifier.settings import Settings


def get_predictor(request: Request) -> Predictor:
    """The model for this request, taken once so that a swap cannot split it."""
    predictor: Predictor = request.app.state.model.get()
    return predictor


def get_app_settings(request: Request) -> Settings:
    """The settings the application was built with."""
    settings: Settings = request.app.state.settings
    return settings


PredictorDep = Annotated[Predictor, Depends(get_predictor)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
