"""``GET /v1/recent``: the worker's recent predictions for the review queue."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.recent import RecentItems
from classifier.model.predict import Prediction


def _prediction(uncertain: bool, lang: str = "en") -> Prediction:
    return Prediction(
        label="parallel",
        confidence=0.5,
        scores={"complementary": 0.2, "parallel": 0.5, "constituent": 0.1, "none": 0.2},
        lang=lang,
        uncertain=uncertain,
        model_version="v001",
    )


def test_classified_items_come_back_newest_first(client: TestClient) -> None:
    texts = ["Quebec opens a trade office in Tokyo", "Basra governor visits Kuwait"]
    said = [client.post("/v1/classify", json={"text": text}).json() for text in texts]
    response = client.get("/v1/recent", params={"uncertain": False})
    assert response.status_code == 200
    body = response.json()
    assert [item["text"] for item in body] == texts[::-1]
    assert [item["suggested"] for item in body] == [s["label"] for s in said[::-1]]
    assert all(item["model_version"] == "v001" for item in body)

    uncertain = client.get("/v1/recent").json()
    assert [item["text"] for item in uncertain] == [
        text for text, s in zip(texts[::-1], said[::-1], strict=True) if s["uncertain"]
    ]


def test_limit_out_of_range_is_422(client: TestClient) -> None:
    response = client.get("/v1/recent", params={"limit": 0})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "limit"]


def test_memory_is_bounded_and_can_be_switched_off() -> None:
    recent = RecentItems(2)
    for i in range(3):
        recent.add(f"text {i}", None, _prediction(uncertain=i != 1))
    assert [item.text for item in recent.latest(10, uncertain_only=False)] == ["text 2", "text 1"]
    assert [item.text for item in recent.latest(10, uncertain_only=True)] == ["text 2"]
    off = RecentItems(0)
    off.add("text", None, _prediction(uncertain=True))
    assert off.latest(10, uncertain_only=False) == []


def test_texts_without_letters_are_not_kept() -> None:
    recent = RecentItems(5)
    recent.add("12345", None, _prediction(uncertain=True, lang="und"))
    assert recent.latest(5, uncertain_only=False) == []
