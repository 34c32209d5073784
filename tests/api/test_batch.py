"""``POST /v1/classify/batch``."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_batch_gives_per_item_results_and_errors(client: TestClient) -> None:
    response = client.post(
        "/v1/classify/batch",
        json={
            "items": [{"text": "Quebec opens a trade office"}, {"text": "x" * 5001}, {"text": "  "}]
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert body["model_version"] == "v001"
    first, second, third = body["results"]
    assert first["model_version"] == "v001" and first["lang"] == "en"
    assert second == {
        "error": "text is 5001 characters; the limit is 5000 (PARADIP_MAX_TEXT_CHARS)"
    }
    assert third["lang"] == "und" and third["uncertain"] is True


def test_batch_over_the_limit_is_413(client: TestClient) -> None:
    response = client.post("/v1/classify/batch", json={"items": [{"text": "a"}] * 4})
    assert response.status_code == 413
    assert (
        response.json()["detail"]
        == "4 items; the limit is 3 (PARADIP_MAX_BATCH_ITEMS): split the batch"
    )
