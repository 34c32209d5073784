"""A TestClient over the app, built with a copy of the session's small model."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.main import create_app
from classifier.model.registry import Registry
from classifier.settings import Settings
from tests.conftest import two_versions

KEY = "test-key-123"


@pytest.fixture
def models(tmp_path: Path, small_registry: Registry) -> Registry:
    return two_versions(small_registry, tmp_path / "models")


@pytest.fixture
def settings(models: Registry, tmp_path: Path) -> Settings:
    return Settings(
        model_dir=models.root,
        data_dir=tmp_path / "data",
        max_text_chars=5000,
        max_batch_items=3,
        api_keys=[SecretStr(KEY)],
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client
