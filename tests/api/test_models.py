"""``/v1/models``, ``/v1/ready`` and ``/v1/metrics``."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import KEY


def test_list_and_show(client: TestClient) -> None:
    listed = client.get("/v1/models").json()
    assert [(m["version"], m["active"]) for m in listed] == [("v001", True), ("v002", False)]
    assert client.get("/v1/models/v002").json()["version"] == "v002"
    missing = client.get("/v1/models/v404")
    assert missing.status_code == 404
    assert "no model version 'v404'" in missing.json()["detail"]


def test_activate_swaps_the_model_and_rollback_returns(client: TestClient) -> None:
    assert client.post("/v1/models/v002/activate").status_code == 401
    response = client.post("/v1/models/v002/activate", headers={"X-API-Key": KEY})
    assert response.status_code == 200 and response.json() == {"active": "v002"}
    assert (
        client.post("/v1/classify", json={"text": "Quebec office"}).json()["model_version"]
        == "v002"
    )
    assert client.get("/v1/health").json()["model_version"] == "v002"
    response = client.post("/v1/models/rollback", headers={"X-API-Key": KEY})
    assert response.json() == {"active": "v001"}
    assert (
        client.post("/v1/classify", json={"text": "Quebec office"}).json()["model_version"]
        == "v001"
    )
    nothing = client.post("/v1/models/rollback", headers={"X-API-Key": KEY})
    assert nothing.status_code == 409
    assert nothing.json()["detail"] == "no earlier active version to roll back to"


def test_ready_and_metrics(client: TestClient) -> None:
    assert client.get("/v1/ready").json() == {"status": "ready", "model_version": "v001"}
    client.post("/v1/classify", json={"text": "Quebec office"})
    text = client.get("/v1/metrics").text
    assert 'paradip_requests_total{method="POST",route="/classify",status="200"} 1' in text
    assert "paradip_request_seconds_count" in text
    assert 'paradip_model_info{version="v001"} 1' in text
    assert "paradip_predictions_total{label=" in text
