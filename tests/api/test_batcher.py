"""The model lane: concurrent requests share one model call, in order, per predictor."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from typing import cast

import pytest

from api.batcher import MicroBatcher
from classifier.model.predict import Prediction, Predictor


class FakePredictor:
    """Records each call; the first call waits until released, so others queue up."""

    def __init__(self, name: str, fail: bool = False) -> None:
        self.name = name
        self.fail = fail
        self.calls: list[list[str]] = []
        self.release = threading.Event()

    def predict(
        self, texts: Sequence[str], titles: Sequence[str | None], *, evidence: bool = True
    ) -> list[Prediction]:
        self.calls.append(list(texts))
        self.release.wait(timeout=5)
        if self.fail:
            raise ValueError("model broke")
        return [
            Prediction(
                label="none",
                confidence=1.0,
                scores={},
                lang="en",
                uncertain=False,
                model_version=self.name,
                note=text,
            )
            for text in texts
        ]


def _as_predictor(fake: FakePredictor) -> Predictor:
    return cast(Predictor, fake)


async def _gather_with(
    batcher: MicroBatcher, calls: list[tuple[FakePredictor, list[str]]]
) -> list[list[Prediction]]:
    await batcher.start()
    try:
        tasks = []
        for p, texts in calls:
            tasks.append(
                asyncio.create_task(
                    batcher.predict(_as_predictor(p), texts, [None] * len(texts), evidence=False)
                )
            )
            if len(tasks) == 1:
                await asyncio.sleep(0.05)  # the first request is in the model; the rest queue
        await asyncio.sleep(0.05)
        for p, _ in calls:
            p.release.set()
        return list(await asyncio.gather(*tasks))
    finally:
        await batcher.stop()


def test_requests_waiting_together_share_one_call_and_keep_their_order() -> None:
    model = FakePredictor("v001")
    calls = [(model, [f"t{i}"]) for i in range(6)]
    results = asyncio.run(_gather_with(MicroBatcher(max_items=64), calls))
    assert [[p.note for p in r] for r in results] == [[f"t{i}"] for i in range(6)]
    assert model.calls == [["t0"], ["t1", "t2", "t3", "t4", "t5"]]


def test_a_call_takes_at_most_max_items_unless_one_request_is_larger() -> None:
    model = FakePredictor("v001")
    calls = [(model, ["a"]), (model, ["b", "c"]), (model, ["d", "e", "f", "g"]), (model, ["h"])]
    asyncio.run(_gather_with(MicroBatcher(max_items=2), calls))
    assert model.calls == [["a"], ["b", "c"], ["d", "e", "f", "g"], ["h"]]


def test_a_request_that_would_overflow_the_call_waits_for_the_next() -> None:
    model = FakePredictor("v001")
    calls = [(model, ["a"]), (model, ["b"]), (model, ["c", "d"]), (model, ["e"])]
    asyncio.run(_gather_with(MicroBatcher(max_items=2), calls))
    assert model.calls == [["a"], ["b"], ["c", "d"], ["e"]]


def test_requests_are_never_mixed_across_models() -> None:
    old, new = FakePredictor("v001"), FakePredictor("v002")
    calls = [(old, ["a"]), (old, ["b"]), (new, ["c"]), (old, ["d"])]
    results = asyncio.run(_gather_with(MicroBatcher(), calls))
    assert [r[0].model_version for r in results] == ["v001", "v001", "v002", "v001"]
    assert old.calls == [["a"], ["b"], ["d"]]
    assert new.calls == [["c"]]


def test_a_failed_call_fails_every_request_in_it_and_the_lane_goes_on() -> None:
    broken, good = FakePredictor("v001", fail=True), FakePredictor("v002")

    async def run() -> tuple[list[object], list[Prediction]]:
        batcher = MicroBatcher()
        await batcher.start()
        try:
            broken.release.set()
            good.release.set()
            failed = await asyncio.gather(
                batcher.predict(_as_predictor(broken), ["a"], [None], evidence=False),
                batcher.predict(_as_predictor(broken), ["b"], [None], evidence=False),
                return_exceptions=True,
            )
            after = await batcher.predict(_as_predictor(good), ["c"], [None], evidence=False)
            return list(failed), after
        finally:
            await batcher.stop()

    failed, after = asyncio.run(run())
    assert all(isinstance(e, ValueError) and str(e) == "model broke" for e in failed)
    assert after[0].note == "c"


def test_a_lane_that_was_not_started_says_so() -> None:
    async def run() -> None:
        await MicroBatcher().predict(
            _as_predictor(FakePredictor("v")), ["a"], [None], evidence=True
        )

    with pytest.raises(RuntimeError, match="model lane is not running"):
        asyncio.run(run())


def test_max_items_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="max_items must be at least 1, got 0"):
        MicroBatcher(max_items=0)
