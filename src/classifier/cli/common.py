"""Helpers the commands share: loading the model with a clear error."""

from __future__ import annotations

from pathlib import Path

import typer

from classifier.model.predict import Predictor
from classifier.model.registry import ModelLoadError, Registry
from classifier.settings import get_settings


def registry(model_dir: Path | None) -> Registry:
    """The registry under ``model_dir``, or under ``PARADIP_MODEL_DIR``."""
    return Registry(model_dir or get_settings().model_dir)


def load_predictor(model_dir: Path | None, version: str | None = None) -> Predictor:
    """Load a model for classification, or exit with the loader's message."""
    try:
        return Predictor(registry(model_dir).load(version))
    except ModelLoadError as exc:
        typer.echo(f"paradip: {exc}", err=True)
        raise typer.Exit(1) from exc
