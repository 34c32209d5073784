"""Progress of a long run: a bar on a terminal, plain lines in a log, or nothing."""

from __future__ import annotations

import sys
import time
from typing import Protocol

__all__ = ["Progress", "make_progress"]


class Progress(Protocol):
    """What the batch runner reports progress to."""

    def advance(self, items: int) -> None:
        """Count ``items`` more records done."""

    def close(self) -> None:
        """Finish the display."""


class _Silent:
    def advance(self, items: int) -> None:
        pass

    def close(self) -> None:
        pass


class _Lines:
    """A plain line every ``every`` seconds, for logs and pipes."""

    def __init__(self, total: int | None, every: float = 10.0) -> None:
        self.total = total
        self.every = every
        self.done = 0
        self.start = self.last = time.monotonic()

    def advance(self, items: int) -> None:
        self.done += items
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self._print(now)

    def _print(self, now: float) -> None:
        rate = self.done / max(now - self.start, 1e-9)
        line = f"paradip batch: {self.done:,} items, {rate:,.0f} items/s"
        if self.total:
            eta = max(self.total - self.done, 0) / max(rate, 1e-9)
            line += f", {self.done / self.total:.0%} of {self.total:,}, ETA {eta:,.0f} s"
        print(line, file=sys.stderr, flush=True)

    def close(self) -> None:
        self._print(time.monotonic())


class _Bar:
    """A rich progress bar with items/s and ETA, for terminals."""

    def __init__(self, total: int | None) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            TextColumn("classifying"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            transient=False,
        )
        self.task = self.progress.add_task("batch", total=total, rate="")
        self.start = time.monotonic()
        self.done = 0
        self.progress.start()

    def advance(self, items: int) -> None:
        self.done += items
        rate = self.done / max(time.monotonic() - self.start, 1e-9)
        self.progress.update(self.task, advance=items, rate=f"{rate:,.0f} items/s")

    def close(self) -> None:
        self.progress.stop()


def make_progress(total: int | None, *, quiet: bool) -> Progress:
    """A bar on a terminal, periodic lines otherwise, nothing when ``quiet``."""
    if quiet:
        return _Silent()
    if sys.stderr.isatty():
        return _Bar(total)
    return _Lines(total)
