"""The paradip HTTP service: the FastAPI application and its lifespan.

The model is loaded once, in the lifespan handler, into ``app.state``; every
request reads it from there through ``api.deps``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api.routes import classify, health
from api.state import ModelHolder
from classifier import __version__
from classifier.model.predict import Predictor
from classifier.model.registry import Registry
from classifier.settings import Settings, get_settings


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application; tests pass their own settings."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        registry = Registry(settings.model_dir)
        app.state.settings = settings
        app.state.registry = registry
        app.state.model = ModelHolder(Predictor(registry.load()))
        yield

    app = FastAPI(
        title="paradip",
        version=__version__,
        summary="Classify the foreign activity of sub-state governments in Arabic, Persian "
        "and English news: complementary, parallel, constituent or none.",
        lifespan=lifespan,
    )
    app.include_router(health.router, prefix="/v1")
    app.include_router(classify.router, prefix="/v1")
    return app


app = create_app()
