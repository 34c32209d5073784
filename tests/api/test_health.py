"""``GET /v1/health``."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_health_names_the_model(client: TestClient) -> None:
    response = client.get("/v1/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "model_version": "v001"}


def test_docs_are_served(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    schema = client.get("/openapi.json").json()
    assert "/v1/classify" in schema["paths"]
