"""One lane to the model per worker: requests that arrive together share a model call.

Classifying is CPU-bound. When each request ran its own model call in the
thread pool, 32 concurrent requests shared one core through the GIL: each
took as long as all of them, and each paid the fixed cost of a model call
(input checks, the feature union, four calibrators), which for a single
300-word item is about as much as the item itself. Here the requests wait
in a queue and one task takes everything waiting, up to ``max_items``, into
one call: the first request is served as soon as the model is free, the
others in order, and a burst costs one call's overhead instead of one per
item.

A request keeps the predictor it started with: items are grouped only with
items of the same predictor, so a model swap never splits a request, and
each response names the version that made it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from classifier.model.predict import Prediction, Predictor

__all__ = ["MicroBatcher"]


@dataclass
class _Request:
    predictor: Predictor
    texts: list[str]
    titles: list[str | None]
    evidence: bool
    future: asyncio.Future[list[Prediction]] = field(repr=False)


class MicroBatcher:
    """Queue of classification requests served one model call at a time.

    Parameters
    ----------
    max_items : int
        Most items joined into one call. A single request larger than this
        (a batch) still goes in one call, on its own.
    """

    def __init__(self, max_items: int = 64) -> None:
        if max_items < 1:
            raise ValueError(f"max_items must be at least 1, got {max_items}")
        self.max_items = max_items
        self._queue: asyncio.Queue[_Request] | None = None
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Start serving the queue (in the lifespan, on the service's event loop)."""
        self._queue = asyncio.Queue()
        self._task = asyncio.create_task(self._serve(), name="paradip-model-lane")

    async def stop(self) -> None:
        """Stop serving; requests still queued are cancelled."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._task = None

    async def predict(
        self,
        predictor: Predictor,
        texts: Sequence[str],
        titles: Sequence[str | None],
        *,
        evidence: bool,
    ) -> list[Prediction]:
        """Classify ``texts`` with ``predictor`` when the model's turn comes.

        Raises
        ------
        RuntimeError
            If the lane was not started (the app's lifespan did not run).
        """
        if self._queue is None or self._task is None or self._task.done():
            raise RuntimeError("the model lane is not running: start the app with its lifespan")
        future: asyncio.Future[list[Prediction]] = asyncio.get_running_loop().create_future()
        await self._queue.put(_Request(predictor, list(texts), list(titles), evidence, future))
        return await future

    async def _serve(self) -> None:
        assert self._queue is not None
        held: _Request | None = None
        while True:
            first = held if held is not None else await self._queue.get()
            held = None
            group = [first]
            size = len(first.texts)
            while size < self.max_items and not self._queue.empty():
                nxt = self._queue.get_nowait()
                if (
                    nxt.predictor is not first.predictor
                    or nxt.evidence != first.evidence
                    or size + len(nxt.texts) > self.max_items
                ):
                    held = nxt
                    break
                group.append(nxt)
                size += len(nxt.texts)
            group = [request for request in group if not request.future.done()]
            if group:
                await self._run(group)

    @staticmethod
    async def _run(group: list[_Request]) -> None:
        first = group[0]
        texts = [text for request in group for text in request.texts]
        titles = [title for request in group for title in request.titles]
        try:
            predictions = await asyncio.to_thread(
                first.predictor.predict, texts, titles, evidence=first.evidence
            )
        except Exception as error:
            for request in group:
                if not request.future.done():
                    request.future.set_exception(error)
            return
        start = 0
        for request in group:
            end = start + len(request.texts)
            if not request.future.done():
                request.future.set_result(predictions[start:end])
            start = end
