"""Benchmark: the HTTP service under load, on loopback only.

Starts ``paradip serve`` (uvicorn) on 127.0.0.1 with 1 and then 2 workers and
sends single ~300-word items from 32 concurrent clients for 30 s (bounded in
time and count), then measures the batch endpoint's items/s. Prints requests/s,
p50 and p99 latency and errors. Not a test. The load generator runs on the
same machine and takes CPU from the server: figures are a floor.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import httpx
from archive import items

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    """Start the service and wait until it answers /v1/ready."""
    env = {
        **os.environ,
        "PARADIP_MODEL_DIR": str(ROOT / "models"),
        "PARADIP_MAX_BATCH_ITEMS": "1000",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "classifier",
            "serve",
            "--host",
            HOST,
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}/v1/ready", timeout=30).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("the server did not become ready")


async def load(
    port: int, texts: list[str], clients: int, seconds: float, max_requests: int
) -> tuple[list[float], int]:
    """Send single items from ``clients`` concurrent clients; return latencies and errors."""
    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + seconds
    counter = 0

    async def client(index: int) -> None:
        nonlocal errors, counter
        async with httpx.AsyncClient(base_url=f"http://{HOST}:{port}", timeout=30) as http:
            i = index
            while time.monotonic() < stop and counter < max_requests:
                counter += 1
                start = time.perf_counter()
                try:
                    response = await http.post("/v1/classify", json={"text": texts[i % len(texts)]})
                    if response.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - start)
                i += clients

    await asyncio.gather(*(client(i) for i in range(clients)))
    return latencies, errors


def batch_rate(port: int, texts: list[str], evidence: bool, clients: int) -> float:
    """Items/s of the batch endpoint, 100 items a request, ``clients`` requests at a time.

    One request at a time would leave all but one server worker idle. The
    workers share one listening socket and a busy worker still accepts
    connections, so two clients may both land on one worker: twice as many
    clients as workers, with small requests, keeps every worker busy.
    """
    chunks = [texts[offset : offset + 100] for offset in range(0, len(texts), 100)]

    def send(chunk: list[str]) -> int:
        body = {"items": [{"text": t} for t in chunk], "evidence": evidence}
        with httpx.Client(base_url=f"http://{HOST}:{port}", timeout=600) as http:
            http.post("/v1/classify/batch", json=body).raise_for_status()
        return len(chunk)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        done = sum(pool.map(send, chunks))
    return done / (time.perf_counter() - start)


def paradip_batch_rate(texts: list[str], workers: int, evidence: bool) -> float:
    """Items/s of ``paradip batch`` on the same texts, its language tools already warm.

    Run in process after a small warm-up run, so that neither side counts
    start-up: the server was warm too.
    """
    from classifier.batch.runner import BatchConfig, run_batch

    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "items.jsonl"
        archive.write_text(
            "".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts)),
            encoding="utf-8",
        )
        config = BatchConfig(
            input=archive,
            output=Path(tmp) / "out.jsonl",
            model_dir=ROOT / "models",
            workers=workers,
            evidence=evidence,
            chunk_size=200,
            quiet=True,
        )
        warm = Path(tmp) / "warm.jsonl"
        lines = archive.read_text(encoding="utf-8").splitlines(keepends=True)
        warm.write_text("".join(lines[:30]), encoding="utf-8")
        run_batch(replace(config, input=warm, output=Path(tmp) / "warm-out.jsonl"))
        start = time.perf_counter()
        run_batch(config)
        return len(texts) / (time.perf_counter() - start)


def latency_line(latencies: list[float], errors: int, seconds: float) -> str:
    """Requests/s, p50 and p99 in milliseconds, errors."""
    p50 = statistics.median(latencies) * 1000
    p99 = statistics.quantiles(latencies, n=100)[98] * 1000
    rate = len(latencies) / seconds
    return f"{rate:,.1f} req/s, p50 {p50:,.0f} ms, p99 {p99:,.0f} ms, errors {errors}"


def main() -> None:
    """Print the figures for 1 and 2 workers."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--batch-items", type=int, default=1200)
    args = parser.parse_args()
    texts = [record["text"] for record in items(600, 300)]
    batch_texts = [record["text"] for record in items(args.batch_items, 300, seed=7)]
    for workers, port in ((1, 8731), (2, 8732)):
        server = start_server(port, workers)
        try:
            for clients in (args.clients, 1):
                latencies, errors = asyncio.run(load(port, texts, clients, args.seconds, 100_000))
                line = latency_line(latencies, errors, args.seconds)
                print(
                    f"{workers} worker(s), {clients} client(s), single ~300-word items with "
                    f"evidence, {args.seconds:.0f} s: {line}",
                    flush=True,
                )
            for evidence in (False, True):
                endpoint = batch_rate(port, batch_texts, evidence, clients=2 * workers)
                print(
                    f"{workers} worker(s), batch endpoint, evidence {evidence}: "
                    f"{endpoint:,.1f} items/s",
                    flush=True,
                )
        finally:
            server.terminate()
            server.wait(timeout=30)
        for evidence in (False, True):
            command = paradip_batch_rate(batch_texts, workers, evidence)
            print(
                f"{workers} worker(s), paradip batch, evidence {evidence}: {command:,.1f} items/s",
                flush=True,
            )


if __name__ == "__main__":
    main()
