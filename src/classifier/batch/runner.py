"""``paradip batch``: classify an archive in checkpointed chunks, losing nothing.

The archive is read as a stream and cut into chunks of consecutive records.
Each classified chunk is written to its own checkpoint file in
``OUTPUT.parts/`` (via a temporary name, so a checkpoint exists only when it
is complete). A run killed at any point -- SIGKILL included -- and started
again with ``resume=True`` skips the chunks that have a checkpoint. When all
chunks are done the checkpoints are joined into the output (again through a
temporary file and a rename) and the folder is removed. So the output is
never half-written, and it holds every good input record exactly once.

Records that cannot be classified (invalid JSON, missing or non-string text,
undecodable bytes) go to ``OUTPUT.rejects.jsonl`` with their line number and
the reason; with ``strict=True`` the first one stops the run instead.
"""

from __future__ import annotations

import json
import shutil
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Final

from classifier.batch.engines import Chunk, ModelRef, dask_results, local_results
from classifier.batch.progress import Progress, make_progress
from classifier.io.items import BadRecord, Item
from classifier.io.readers import count_records, detect_format, read_records
from classifier.io.writers import output_format, write_atomic
from classifier.model.registry import Registry

__all__ = ["BatchConfig", "BatchError", "BatchSummary", "run_batch"]

MANIFEST: Final = "manifest.json"


class BatchError(RuntimeError):
    """A run that cannot start or go on; the message says what to do."""


@dataclass(frozen=True)
class BatchConfig:
    """Everything a batch run needs; the command line builds it from options and settings."""

    input: Path
    output: Path
    model_dir: Path
    model_version: str | None = None
    input_format: str | None = None
    output_format: str | None = None
    id_field: str = "id"
    text_field: str = "text"
    title_field: str = "title"
    evidence: bool = False
    strict: bool = False
    resume: bool = False
    workers: int = 1
    chunk_size: int = 500
    engine: str = "local"
    scheduler: str | None = None
    quiet: bool = False


@dataclass
class BatchSummary:
    """What a run did: counts per label x language, rejects, time."""

    output: Path
    rejects: Path | None
    model_version: str
    items: int = 0
    rejected: int = 0
    seconds: float = 0.0
    resumed_chunks: int = 0
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def rate(self) -> float:
        """Items classified per second over the whole run."""
        return self.items / self.seconds if self.seconds else 0.0


def parts_dir(output: Path) -> Path:
    """The checkpoint folder of ``output``."""
    return output.with_name(output.name + ".parts")


def rejects_path(output: Path) -> Path:
    """Where the records that could not be classified go."""
    return output.with_name(output.name + ".rejects.jsonl")


def _manifest(config: BatchConfig, version: str) -> dict[str, Any]:
    stat = config.input.stat()
    return {
        "input": str(config.input.resolve()),
        "input_size": stat.st_size,
        "input_mtime_ns": stat.st_mtime_ns,
        "input_format": config.input_format or detect_format(config.input),
        "fields": [config.id_field, config.text_field, config.title_field],
        "chunk_size": config.chunk_size,
        "evidence": config.evidence,
        "model_version": version,
    }


def _prepare_parts(config: BatchConfig, manifest: dict[str, Any]) -> tuple[Path, set[int]]:
    """Create or check the checkpoint folder; return it and the chunks already done."""
    folder = parts_dir(config.output)
    if folder.exists() and not config.resume:
        raise BatchError(
            f"{folder} holds checkpoints of an interrupted run: add --resume to continue it, "
            "or delete the folder to start over"
        )
    if config.resume and folder.exists():
        saved = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        changed = sorted(key for key in manifest if saved.get(key) != manifest[key])
        if changed:
            raise BatchError(
                f"cannot resume: {', '.join(changed)} differ(s) from the interrupted run "
                f"({folder / MANIFEST}); run with the same input, options and model, or delete "
                f"{folder} to start over"
            )
        done = {
            int(p.stem.split("-")[1])
            for p in folder.glob("part-*.jsonl")
            if ".rejects" not in p.name
        }
        return folder, done
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return folder, set()


def _write_part(path: Path, lines: list[str]) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text("".join(lines), encoding="utf-8")
    temporary.replace(path)


def _output_record(item: Item, result: dict[str, Any], id_field: str) -> dict[str, Any]:
    record = (
        dict(item.record) if item.record is not None else {id_field: item.line, "text": item.text}
    )
    if record.get(id_field) is None:
        record[id_field] = item.line
    record.update(result)
    return record


def _chunks(
    config: BatchConfig,
    done: set[int],
    bad_sink: dict[int, list[BadRecord]],
    items_sink: dict[int, list[Item]],
) -> Iterator[Chunk]:
    """Cut the stream into chunks; chunks already checkpointed are skipped, not classified."""
    records = read_records(
        config.input,
        config.input_format,
        id_field=config.id_field,
        text_field=config.text_field,
        title_field=config.title_field,
    )
    index = 0
    while block := list(islice(records, config.chunk_size)):
        if index not in done:
            good = [r for r in block if isinstance(r, Item)]
            bad = [r for r in block if isinstance(r, BadRecord)]
            if bad and config.strict:
                raise BatchError(
                    f"{config.input}: line {bad[0].line}: {bad[0].reason} (--strict stops at the "
                    "first bad record; without it, bad records go to the rejects file)"
                )
            bad_sink[index] = bad
            items_sink[index] = good
            yield Chunk(index, [(item.text, item.title) for item in good])
        index += 1


def _assemble(config: BatchConfig, folder: Path, summary: BatchSummary) -> None:
    """Join the checkpoints into the output and the rejects file; count what they hold."""
    parts = sorted(p for p in folder.glob("part-*.jsonl") if ".rejects" not in p.name)
    reject_parts = sorted(folder.glob("part-*.rejects.jsonl"))

    def records() -> Iterator[dict[str, Any]]:
        for part in parts:
            with part.open(encoding="utf-8") as handle:
                for line in handle:
                    yield json.loads(line)

    summary.counts.clear()
    for record in records():
        summary.counts[(record["label"], record["lang"])] += 1
    summary.items = sum(summary.counts.values())
    write_atomic(config.output, output_format(config.output, config.output_format), records)

    def rejects() -> Iterator[dict[str, Any]]:
        for part in reject_parts:
            with part.open(encoding="utf-8") as handle:
                for line in handle:
                    yield json.loads(line)

    summary.rejected = sum(1 for _ in rejects())
    target = rejects_path(config.output)
    if summary.rejected:
        write_atomic(target, "jsonl", rejects)
        summary.rejects = target
    else:
        target.unlink(missing_ok=True)
        summary.rejects = None
    shutil.rmtree(folder)


def run_batch(config: BatchConfig, progress: Progress | None = None) -> BatchSummary:
    """Classify ``config.input`` into ``config.output``; see the module docstring.

    Raises
    ------
    BatchError
        When the run cannot start (checkpoints of another run, a resume that
        does not match, ``--strict`` and a bad record).
    classifier.model.registry.ModelLoadError
        When the model cannot be loaded.
    ValueError
        For an unknown format or a missing text column.
    """
    start = time.monotonic()
    if not config.input.is_file():
        raise BatchError(f"no such input file: {config.input}")
    if config.engine not in ("local", "dask"):
        raise BatchError(f"unknown engine {config.engine!r}; use 'local' or 'dask'")
    data, card = Registry(config.model_dir).model_bytes(config.model_version)
    model = ModelRef(data, card)
    manifest = _manifest(config, model.version)
    folder, done = _prepare_parts(config, manifest)
    summary = BatchSummary(output=config.output, rejects=None, model_version=model.version)
    summary.resumed_chunks = len(done)
    progress = progress or make_progress(
        count_records(config.input, config.input_format), quiet=config.quiet
    )
    bad: dict[int, list[BadRecord]] = {}
    items: dict[int, list[Item]] = {}
    try:
        chunks = _chunks(config, done, bad, items)
        if config.engine == "dask":
            results = dask_results(
                chunks,
                model,
                scheduler=config.scheduler,
                workers=config.workers,
                evidence=config.evidence,
            )
        else:
            results = local_results(chunks, model, workers=config.workers, evidence=config.evidence)
        for chunk, predictions in results:
            good = items.pop(chunk.index)
            rejected = bad.pop(chunk.index)
            _write_part(
                folder / f"part-{chunk.index:08d}.rejects.jsonl",
                [
                    json.dumps(
                        {"line": r.line, "reason": r.reason, "raw": r.raw}, ensure_ascii=False
                    )
                    + "\n"
                    for r in rejected
                ],
            )
            _write_part(
                folder / f"part-{chunk.index:08d}.jsonl",
                [
                    json.dumps(_output_record(item, result, config.id_field), ensure_ascii=False)
                    + "\n"
                    for item, result in zip(good, predictions, strict=True)
                ],
            )
            progress.advance(len(good) + len(rejected))
    except BatchError:
        if config.strict:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        progress.close()
    _assemble(config, folder, summary)
    summary.seconds = time.monotonic() - start
    return summary


def summary_json(summary: BatchSummary) -> dict[str, Any]:
    """The summary as JSON (for logs and tests)."""
    values = asdict(summary)
    values["counts"] = {f"{label}/{lang}": n for (label, lang), n in summary.counts.items()}
    values["output"] = str(summary.output)
    values["rejects"] = str(summary.rejects) if summary.rejects else None
    values["rate"] = summary.rate
    return values
