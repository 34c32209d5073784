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


def tree_memory(process: psutil.Process) -> tuple[int, int]:
    """Resident and proportional (PSS) bytes of a process and all its descendants.

    Worker processes are forked, so they share pages with the main process;
    the sum of RSS counts those pages once per process, PSS splits them.
    """
    rss = pss = 0
    for proc in [process, *process.children(recursive=True)]:
        try:
            info = proc.memory_full_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        rss += info.rss
        pss += getattr(info, "pss", info.rss)
    return rss, pss


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
        peak_rss = peak_pss = 0
        while process.poll() is None:
            try:
                rss, pss = tree_memory(watched)
            except psutil.NoSuchProcess:
                break
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
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
        print(
            f"peak memory, main process + workers: {peak_pss / 1e6:,.0f} MB PSS "
            f"({peak_rss / 1e6:,.0f} MB summed RSS, shared pages counted per process)"
        )


if __name__ == "__main__":
    main()
