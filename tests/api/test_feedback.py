"""``POST /v1/feedback`` and ``GET /v1/labels``."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import KEY

TEXT = "Quebec opens its own trade office in Tokyo"


def test_feedback_needs_the_api_key(client: TestClient) -> None:
    response = client.post("/v1/feedback", json={"text": TEXT, "label": "parallel"})
    assert response.status_code == 401
    assert response.json()["detail"] == "missing API key: send it in the X-API-Key header"
    response = client.post(
        "/v1/feedback", json={"text": TEXT, "label": "parallel"}, headers={"X-API-Key": "nope"}
    )
    assert response.status_code == 401
    assert response.json()["detail"] == "wrong API key"


def test_unknown_label_is_422_listing_the_labels(client: TestClient) -> None:
    response = client.post(
        "/v1/feedback", json={"text": TEXT, "label": "separatist"}, headers={"X-API-Key": KEY}
    )
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "label"]
    assert error["msg"] == "Input should be 'complementary', 'parallel', 'constituent' or 'none'"


def test_feedback_is_stored_as_corrected_and_exported(client: TestClient) -> None:
    response = client.post(
        "/v1/feedback",
        json={"text": TEXT, "label": "parallel", "note": "own office", "who": "ana"},
        headers={"X-API-Key": KEY},
    )
    assert response.status_code == 201
    stored = response.json()
    assert (stored["state"], stored["origin"], stored["who"], stored["lang"]) == (
        "corrected",
        "api",
        "ana",
        "en",
    )
    client.post(
        "/v1/feedback",
        json={"text": "Basra governor visits Kuwait", "label": "none"},
        headers={"X-API-Key": KEY},
    )
    page = client.get("/v1/labels", params={"limit": 1})
    assert page.status_code == 200
    assert [item["text"] for item in page.json()["items"]] == [TEXT]
    assert page.json()["next_offset"] == 1
    only_none = client.get("/v1/labels", params={"label": "none"}).json()
    assert [item["label"] for item in only_none["items"]] == ["none"] and only_none[
        "next_offset"
    ] is None


def test_feedback_by_unknown_item_id_is_404(client: TestClient) -> None:
    response = client.post(
        "/v1/feedback", json={"item_id": "x-1", "label": "none"}, headers={"X-API-Key": KEY}
    )
    assert response.status_code == 404
    assert "no item 'x-1' in the label store" in response.json()["detail"]


def test_feedback_by_a_stored_item_id_reuses_its_text(client: TestClient) -> None:
    from classifier.labels.store import NewLabel

    store = client.app.state.store  # type: ignore[attr-defined]
    store.add(
        [NewLabel(text=TEXT, label="none", who="m", origin="batch", state="machine", item_id="a-7")]
    )
    response = client.post(
        "/v1/feedback", json={"item_id": "a-7", "label": "parallel"}, headers={"X-API-Key": KEY}
    )
    assert response.status_code == 201
    assert (response.json()["text"], response.json()["state"]) == (TEXT, "corrected")
