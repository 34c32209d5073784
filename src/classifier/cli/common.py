"""Helpers the commands share: loading the model with a clear error."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from classifier.model.predict import Predictor
from classifier.model.registry import ModelLoadError, Registry
from classifier.settings import get_settings

#: Options several commands share, declared once.
ModelDirOption = Annotated[
    Path | None, typer.Option("--model-dir", help="Models folder (default PARADIP_MODEL_DIR).")
]
ModelVersionOption = Annotated[
    str | None,
    typer.Option("--model-version", help="A registered version instead of the active one."),
]
DataDirOption = Annotated[
    Path | None, typer.Option("--data-dir", help="Data folder (default PARADIP_DATA_DIR).")
]


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
