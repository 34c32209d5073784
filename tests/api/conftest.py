"""A TestClient over the app, built with a copy of the session's small model."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.main import create_app
from classifier.model.registry import Registry
from classifier.settings import Settings

KEY = "test-key-123"


@pytest.fixture
def models(tmp_path: Path, small_registry: Registry) -> Registry:
    root = tmp_path / "models"
    shutil.copytree(small_registry.root, root)
    shutil.copytree(root / "v001", root / "v002")
    card = json.loads((root / "v002" / "card.json").read_text())
    (root / "v002" / "card.json").write_text(json.dumps({**card, "version": "v002"}))
    return Registry(root)


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
