"""Where chunks are classified: this process, a pool of processes, or a Dask cluster.

Every engine runs the same function on the same chunks with the same model,
so their results are identical record for record; they differ only in where
the work happens. Each worker process loads the model once.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from classifier.model.predict import Predictor
from classifier.model.registry import load_model_bytes

__all__ = ["Chunk", "ModelRef", "classify_payload", "dask_results", "local_results"]

Payload = list[tuple[str, str | None]]
Results = list[dict[str, Any]]


@dataclass(frozen=True)
class ModelRef:
    """The model as bytes and card, so any process or machine can load it."""

    data: bytes
    card: dict[str, Any]

    @property
    def version(self) -> str:
        """The model's version."""
        return str(self.card["version"])


@dataclass
class Chunk:
    """A run of consecutive input records; its index names its checkpoint file."""

    index: int
    payload: Payload


_PREDICTORS: dict[str, Predictor] = {}


def _predictor(model: ModelRef) -> Predictor:
    """The predictor of ``model`` in this process, loaded on first use only."""
    predictor = _PREDICTORS.get(model.version)
    if predictor is None:
        predictor = Predictor(load_model_bytes(model.data, model.card, source=model.version))
        _PREDICTORS[model.version] = predictor
    return predictor


def classify_payload(model: ModelRef, payload: Payload, evidence: bool) -> Results:
    """Classify one chunk's (text, title) pairs; runs in whichever process holds it."""
    predictor = _predictor(model)
    texts = [text for text, _ in payload]
    titles = [title for _, title in payload]
    return [
        p.to_json(with_evidence=evidence)
        for p in predictor.predict(texts, titles, evidence=evidence)
    ]


_WORKER_MODEL: ModelRef | None = None


def _init_worker(model: ModelRef) -> None:
    global _WORKER_MODEL
    _WORKER_MODEL = model
    _predictor(model)


def _classify_in_worker(payload: Payload, evidence: bool) -> Results:
    assert _WORKER_MODEL is not None
    return classify_payload(_WORKER_MODEL, payload, evidence)


def local_results(
    chunks: Iterable[Chunk], model: ModelRef, *, workers: int, evidence: bool
) -> Iterator[tuple[Chunk, Results]]:
    """Classify chunks in this process (one worker) or a process pool, in input order.

    At most ``2 * workers`` chunks are in flight, so memory stays flat however
    long the archive is.
    """
    if workers <= 1:
        for chunk in chunks:
            yield chunk, classify_payload(model, chunk.payload, evidence)
        return
    # Load the model and the language tools here, before forking: the workers
    # then share those pages with this process instead of each building its
    # own copy (hazm's word lists and lingua's models are ~250 MB).
    _predictor(model).warm_up()
    gc.freeze()  # keep the collector from writing to (and so copying) the shared pages
    context = multiprocessing.get_context("fork")
    try:
        yield from _pooled(chunks, model, workers=workers, evidence=evidence, context=context)
    finally:
        gc.unfreeze()


def _pooled(
    chunks: Iterable[Chunk],
    model: ModelRef,
    *,
    workers: int,
    evidence: bool,
    context: multiprocessing.context.BaseContext,
) -> Iterator[tuple[Chunk, Results]]:
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(model,)
    ) as pool:
        pending: deque[tuple[Chunk, Future[Results]]] = deque()
        for chunk in chunks:
            pending.append((chunk, pool.submit(_classify_in_worker, chunk.payload, evidence)))
            if len(pending) >= 2 * workers:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()


def dask_results(
    chunks: Iterable[Chunk],
    model: ModelRef,
    *,
    scheduler: str | None,
    workers: int,
    evidence: bool,
) -> Iterator[tuple[Chunk, Results]]:
    """Classify chunks on a Dask cluster (``scheduler`` address, or a local cluster).

    The model's bytes are scattered to every worker once; each worker process
    loads them on its first chunk and keeps the model. At most two chunks per
    worker are in flight.
    """
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        shared = client.scatter(model, broadcast=True)
        pending: deque[tuple[Chunk, Any]] = deque()
        for chunk in chunks:
            pending.append(
                (
                    chunk,
                    client.submit(classify_payload, shared, chunk.payload, evidence, pure=False),
                )
            )
            if len(pending) >= 2 * n_workers:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
