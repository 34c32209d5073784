"""``paradip serve``: start the HTTP service with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from classifier.model.registry import ModelLoadError, Registry
from classifier.settings import get_settings


def serve_command(
    host: Annotated[
        str | None, typer.Option("--host", help="Address (default PARADIP_HOST, 127.0.0.1).")
    ] = None,
    port: Annotated[
        int | None, typer.Option("--port", help="Port (default PARADIP_PORT, 8000).")
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", help="Worker processes (default PARADIP_WORKERS, 1).")
    ] = None,
) -> None:
    """Start the API (docs at /docs) with the settings from PARADIP_* variables."""
    from api.server import serve

    settings = get_settings()
    try:
        Registry(settings.model_dir).load()
    except ModelLoadError as exc:
        typer.echo(f"paradip serve: {exc}", err=True)
        raise typer.Exit(1) from exc
    address = f"{host or settings.host}:{port or settings.port}"
    try:
        serve(host or settings.host, port or settings.port, workers or settings.workers)
    except OSError as exc:
        typer.echo(f"paradip serve: cannot listen on {address}: {exc.strerror or exc}", err=True)
        raise typer.Exit(1) from exc
