"""The app served by uvicorn on 127.0.0.1, and Debian's Chromium driven by Playwright.

Chromium comes from the system (``make test`` installs Debian's ``chromium``
when it is absent); Playwright's own browser download is never used. The
browser starts with the flags that keep it off the network: on this closed
network its background connections are refused and slow every start.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from playwright.sync_api import Browser, Page, Playwright, sync_playwright
from pydantic import SecretStr

from api.main import create_app
from classifier.model.registry import Registry
from classifier.settings import Settings
from tests.conftest import free_port, two_versions

KEY = "web-test-key-456"
ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@dataclass(frozen=True)
class LiveServer:
    """Where the app answers, and the settings it runs with."""

    url: str
    settings: Settings


@pytest.fixture(scope="module")
def live(
    tmp_path_factory: pytest.TempPathFactory, small_registry: Registry
) -> Iterator[LiveServer]:
    tmp = tmp_path_factory.mktemp("web")
    root = two_versions(small_registry, tmp / "models").root
    settings = Settings(model_dir=root, data_dir=tmp / "data", api_keys=[SecretStr(KEY)])
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the app did not start on 127.0.0.1")
        time.sleep(0.1)
    httpx.get(f"{url}/v1/ready", timeout=60).raise_for_status()
    yield LiveServer(url=url, settings=settings)
    server.should_exit = True
    thread.join(timeout=30)


def _chromium() -> str:
    path = os.environ.get("PARADIP_CHROMIUM") or shutil.which("chromium")
    if path is None:
        raise RuntimeError(
            "no Chromium: `make test` installs Debian's chromium package; "
            "or set PARADIP_CHROMIUM to a Chromium binary"
        )
    return path


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    launched = playwright.chromium.launch(executable_path=_chromium(), args=CHROMIUM_FLAGS)
    yield launched
    launched.close()


@pytest.fixture
def page(browser: Browser, live: LiveServer) -> Iterator[Page]:
    context = browser.new_context(base_url=live.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert errors == [], f"JavaScript errors in the page: {errors}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go (not committed): PARADIP_ARTIFACTS or build/screenshots."""
    folder = Path(os.environ.get("PARADIP_ARTIFACTS", ROOT / "build" / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
