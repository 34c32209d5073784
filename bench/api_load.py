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
import os
import statistics
import subprocess
import sys
import time
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


def batch_rate(port: int, texts: list[str]) -> float:
    """Items/s of the batch endpoint, 200 items a request, one client."""
    start = time.perf_counter()
    done = 0
    with httpx.Client(base_url=f"http://{HOST}:{port}", timeout=300) as http:
        for offset in range(0, len(texts), 200):
            chunk = [{"text": t} for t in texts[offset : offset + 200]]
            http.post("/v1/classify/batch", json={"items": chunk}).raise_for_status()
            done += len(chunk)
    return done / (time.perf_counter() - start)


def main() -> None:
    """Print the figures for 1 and 2 workers."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=32)
    args = parser.parse_args()
    texts = [record["text"] for record in items(600, 300)]
    for workers, port in ((1, 8731), (2, 8732)):
        server = start_server(port, workers)
        try:
            latencies, errors = asyncio.run(load(port, texts, args.clients, args.seconds, 100_000))
            p50 = statistics.median(latencies) * 1000
            p99 = statistics.quantiles(latencies, n=100)[98] * 1000
            rate = len(latencies) / args.seconds
            batch = batch_rate(port, texts)
            print(
                f"{workers} worker(s): {len(latencies):,} requests in {args.seconds:.0f} s "
                f"= {rate:,.0f} req/s, p50 {p50:,.0f} ms, p99 {p99:,.0f} ms, errors {errors}; "
                f"batch endpoint {batch:,.0f} items/s"
            )
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
