"""A TestClient over the app built with the session's small model."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from classifier.model.registry import Registry
from classifier.settings import Settings


@pytest.fixture
def settings(small_registry: Registry, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(
        model_dir=small_registry.root,
        data_dir=tmp_path_factory.mktemp("data"),
        max_text_chars=5000,
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client
