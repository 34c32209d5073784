"""``POST /v1/classify``."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_classify_returns_the_cli_json(client: TestClient) -> None:
    response = client.post(
        "/v1/classify",
        json={
            "title": "Quebec opens trade office in Tokyo",
            "text": "The province signed its own memorandum.",
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "label",
        "confidence",
        "scores",
        "lang",
        "uncertain",
        "evidence",
        "model_version",
        "note",
    }
    assert body["model_version"] == "v001"
    assert body["lang"] == "en"
    joined = "Quebec opens trade office in Tokyo\nThe province signed its own memorandum."
    for span in body["evidence"]:
        assert joined[span["start"] : span["end"]] == span["text"]


def test_text_over_the_limit_is_413_with_the_limit(client: TestClient) -> None:
    response = client.post("/v1/classify", json={"text": "x" * 5001})
    assert response.status_code == 413
    assert (
        response.json()["detail"]
        == "text is 5001 characters; the limit is 5000 (PARADIP_MAX_TEXT_CHARS)"
    )


def test_missing_text_and_extra_fields_are_422(client: TestClient) -> None:
    response = client.post("/v1/classify", json={"title": "only a title"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "text"]
    response = client.post("/v1/classify", json={"text": "a", "colour": "red"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "extra_forbidden"


def test_text_without_letters_is_a_clear_none(client: TestClient) -> None:
    response = client.post("/v1/classify", json={"text": "   "})
    assert response.status_code == 200
    body = response.json()
    assert (body["label"], body["uncertain"], body["lang"]) == ("none", True, "und")
    assert body["note"] == "no Arabic, Persian or English letters to classify"


def test_evidence_can_be_left_out(client: TestClient) -> None:
    response = client.post(
        "/v1/classify", json={"text": "Quebec opens a trade office in Tokyo", "evidence": False}
    )
    assert response.status_code == 200
    assert response.json()["evidence"] is None
    assert response.json()["model_version"] == "v001"


def test_a_body_that_is_not_json_is_415_with_what_to_send(client: TestClient) -> None:
    response = client.post(
        "/v1/classify", content=b"text=Quebec", headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 415
    assert response.json()["detail"] == (
        "the body must be JSON: send Content-Type: application/json (got 'text/plain')"
    )
    bare = client.post("/v1/classify", content=b'{"text": "Quebec"}', headers={"Content-Type": ""})
    assert bare.status_code == 415
    assert "got no Content-Type" in bare.json()["detail"]


def test_json_with_a_charset_or_a_json_suffix_is_accepted(client: TestClient) -> None:
    for content_type in ("application/json; charset=utf-8", "application/merged-patch+json"):
        response = client.post(
            "/v1/classify", content=b'{"text": "Quebec"}', headers={"Content-Type": content_type}
        )
        assert response.status_code == 200, content_type
