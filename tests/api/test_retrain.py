"""``POST /v1/retrain`` and ``GET /v1/jobs/{id}``."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from classifier.settings import Settings
from tests.api.conftest import KEY


@pytest.fixture
def retrain_client(settings: Settings, small_corpus_path: Path) -> TestClient:
    return TestClient(create_app(settings.model_copy(update={"corpus_dir": small_corpus_path})))


def wait(client: TestClient, job_id: str) -> dict[str, object]:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job = client.get(f"/v1/jobs/{job_id}").json()
        if job["state"] != "running":
            return job
        time.sleep(0.2)
    raise AssertionError("the retrain job did not finish")


def test_retrain_runs_in_the_background_one_at_a_time(retrain_client: TestClient) -> None:
    with retrain_client as client:
        assert client.post("/v1/retrain").status_code == 401
        empty = client.post("/v1/retrain", headers={"X-API-Key": KEY})
        assert empty.status_code == 202
        failed = wait(client, empty.json()["job_id"])
        assert failed["state"] == "failed"
        assert "holds no reviewed or corrected label" in str(failed["error"])
        for text, label in [
            ("Quebec opens its own trade office in Tokyo", "parallel"),
            ("Basra governor in Kuwait with the Iraqi delegation", "complementary"),
        ] * 3:
            client.post(
                "/v1/feedback",
                json={"text": text + " " + label, "label": label},
                headers={"X-API-Key": KEY},
            )
        started = client.post("/v1/retrain", headers={"X-API-Key": KEY})
        busy = client.post("/v1/retrain", headers={"X-API-Key": KEY})
        assert busy.status_code == 409
        assert "is still running" in busy.json()["detail"]
        done = wait(client, started.json()["job_id"])
        assert done["state"] == "succeeded", done
        result = done["result"]
        assert isinstance(result, dict) and result["candidate"] == "v003"
        assert set(result["comparison"]) == {"test", "new_labels", "tolerance"}
        assert client.get("/v1/jobs/nope").status_code == 404
