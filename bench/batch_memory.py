"""Benchmark: peak memory of ``paradip batch`` on a 1,000,000-item archive, streamed.

Not a test. Runs the real command in a subprocess and samples the resident
memory of it and its worker processes twice a second; prints the peak of the
sum. Items are short (about 30 words) so that the run fits in minutes; memory
does not depend on item length beyond one chunk's worth.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from archive import write_archive

ROOT = Path(__file__).resolve().parent.parent


def tree_rss(process: psutil.Process) -> int:
    """Resident bytes of a process and all its descendants."""
    total = 0
    for proc in [process, *process.children(recursive=True)]:
        try:
            total += proc.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def main() -> None:
    """Print peak memory and throughput of one run."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--words", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        archive = write_archive(folder / "archive.jsonl", args.items, args.words)
        size = archive.stat().st_size
        command = [
            sys.executable,
            "-m",
            "classifier",
            "batch",
            str(archive),
            "-o",
            str(folder / "out.jsonl"),
            "--workers",
            str(args.workers),
            "--quiet",
            "--model-dir",
            str(ROOT / "models"),
        ]
        start = time.monotonic()
        process = subprocess.Popen(command)
        watched = psutil.Process(process.pid)
        peak = 0
        while process.poll() is None:
            try:
                peak = max(peak, tree_rss(watched))
            except psutil.NoSuchProcess:
                break
            time.sleep(0.5)
        seconds = time.monotonic() - start
        if process.returncode != 0:
            raise SystemExit(f"paradip batch failed with exit code {process.returncode}")
        lines = sum(1 for _ in (folder / "out.jsonl").open(encoding="utf-8"))
        print(
            f"archive: {args.items:,} items of ~{args.words} words ({size / 1e6:,.0f} MB), "
            f"{args.workers} workers"
        )
        print(f"output records: {lines:,}; {seconds:,.0f} s, {lines / seconds:,.0f} items/s")
        print(f"peak resident memory, main process + workers: {peak / 1e6:,.0f} MB")


if __name__ == "__main__":
    main()
