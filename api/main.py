"""The paradip HTTP service: the FastAPI application and its lifespan.

The model is loaded once, in the lifespan handler, into ``app.state``; every
request reads it from there through ``api.deps``.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from api.batcher import MicroBatcher
from api.jobs import Jobs
from api.metrics import Metrics
from api.recent import RecentItems
from api.routes import classify, feedback, health, labels, models, recent, retrain
from api.state import ModelHolder
from classifier import __version__
from classifier.labels.store import LabelStore
from classifier.model.predict import Predictor
from classifier.model.registry import Registry
from classifier.settings import Settings, get_settings

WEB = Path(__file__).resolve().parent / "web"


def _content_type_problem(request: Request) -> str | None:
    """Why a request body cannot be read as JSON, or ``None`` when it can.

    Every body the API takes is JSON. Without this check a form or plain
    text body reached validation and came back as a 422 about missing
    fields, which hides the real mistake.
    """
    if request.method not in ("POST", "PUT", "PATCH"):
        return None
    has_body = request.headers.get("content-length", "0") != "0" or (
        "transfer-encoding" in request.headers
    )
    if not has_body:
        return None
    content_type = request.headers.get("content-type", "")
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type == "application/json" or media_type.endswith("+json"):
        return None
    sent = repr(content_type) if content_type else "no Content-Type"
    return f"the body must be JSON: send Content-Type: application/json (got {sent})"


def _add_offline_docs(app: FastAPI) -> None:
    """Serve ``/docs`` and ``/redoc`` with their scripts from this server, not a CDN.

    FastAPI's own pages load Swagger UI and ReDoc from cdn.jsdelivr.net; on a
    closed network (this project's machines, many ministries') they stay
    blank. The files come from the ``fastapi-offline`` package.
    """
    assets = Path(str(files("fastapi_offline") / "static"))
    app.mount("/static-docs", StaticFiles(directory=assets), name="static-docs")
    openapi_url = app.openapi_url or "/openapi.json"

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{app.title}: API",
            swagger_js_url="/static-docs/swagger-ui-bundle.js",
            swagger_css_url="/static-docs/swagger-ui.css",
            swagger_favicon_url="/static-docs/favicon.png",
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url=openapi_url,
            title=f"{app.title}: API",
            redoc_js_url="/static-docs/redoc.standalone.js",
            redoc_favicon_url="/static-docs/favicon.png",
            with_google_fonts=False,
        )


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
        app.state.recent = RecentItems(settings.recent_items)
        predictor = Predictor(registry.load())
        predictor.warm_up()
        app.state.model = ModelHolder(predictor)
        app.state.batcher = MicroBatcher()
        await app.state.batcher.start()
        try:
            yield
        finally:
            await app.state.batcher.stop()

    app = FastAPI(
        docs_url=None,
        redoc_url=None,
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
    async def json_bodies_only(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        problem = _content_type_problem(request)
        if problem is not None:
            return JSONResponse({"detail": problem}, status_code=415)
        return await call_next(request)

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

    for module in (health, classify, feedback, labels, recent, models, retrain):
        app.include_router(module.router, prefix="/v1")

    @app.get("/", include_in_schema=False)
    def web_page() -> FileResponse:
        """The analysts' web page (static files, no build step)."""
        return FileResponse(WEB / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=WEB), name="static")
    _add_offline_docs(app)
    return app


app = create_app()
