"""The paradip HTTP service: the FastAPI application and its lifespan.

The model is loaded once, in the lifespan handler, into ``app.state``; every
request reads it from there through ``api.deps``.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware

from api.jobs import Jobs
from api.metrics import Metrics
from api.routes import classify, feedback, health, labels, models, retrain
from api.state import ModelHolder
from classifier import __version__
from classifier.labels.store import LabelStore
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
        app.state.store = LabelStore(settings.data_dir)
        app.state.metrics = Metrics()
        app.state.jobs = Jobs()
        predictor = Predictor(registry.load())
        predictor.warm_up()
        app.state.model = ModelHolder(predictor)
        yield

    app = FastAPI(
        title="paradip",
        version=__version__,
        summary="Classify the foreign activity of sub-state governments in Arabic, Persian "
        "and English news: complementary, parallel, constituent or none.",
        lifespan=lifespan,
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "X-API-Key"],
        )

    @app.middleware("http")
    async def count_requests(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        start = time.perf_counter()
        response = await call_next(request)
        route = request.scope.get("route")
        path = getattr(route, "path", "unmatched")
        metrics: Metrics | None = getattr(request.app.state, "metrics", None)
        if metrics is not None:
            metrics.observe_request(
                request.method, path, response.status_code, time.perf_counter() - start
            )
        return response

    for module in (health, classify, feedback, labels, models, retrain):
        app.include_router(module.router, prefix="/v1")
    return app


app = create_app()
