"""``paradip batch``: classify a news archive (JSONL, CSV, Parquet) into an output file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from classifier.batch.runner import BatchConfig, BatchError, BatchSummary, run_batch
from classifier.cli.common import ModelDirOption, ModelVersionOption
from classifier.data.schema import LABELS
from classifier.model.registry import ModelLoadError
from classifier.settings import get_settings


def print_summary(summary: BatchSummary) -> None:
    """The closing table: counts per label x language, rejects, throughput."""
    console = Console(stderr=True, highlight=False)
    langs = sorted({lang for _, lang in summary.counts})
    table = Table(title=f"{summary.items:,} items classified by model {summary.model_version}")
    table.add_column("label")
    for lang in langs:
        table.add_column(lang, justify="right")
    table.add_column("all", justify="right")
    for label in LABELS:
        row = [summary.counts[(label, lang)] for lang in langs]
        table.add_row(label, *map(str, row), str(sum(row)))
    table.add_row(
        "all",
        *(str(sum(summary.counts[(label, lang)] for label in LABELS)) for lang in langs),
        str(summary.items),
        style="bold",
    )
    console.print(table)
    console.print(
        f"rejected: {summary.rejected}"
        + (f" (see {summary.rejects})" if summary.rejects else "")
        + f"; {summary.seconds:,.1f} s, {summary.rate:,.0f} items/s"
        + (
            f"; {summary.resumed_chunks} chunk(s) resumed from checkpoints"
            if summary.resumed_chunks
            else ""
        )
    )
    console.print(f"output: {summary.output}")


def batch_command(
    input_path: Annotated[
        Path,
        typer.Argument(metavar="INPUT", help="Archive: .jsonl, .jsonl.gz, .csv, .parquet or .txt."),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Output file (.jsonl, .csv, .parquet); default INPUT-stem.classified.jsonl.",
        ),
    ] = None,
    input_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="Input format, when the extension does not say: jsonl, csv, parquet, txt.",
        ),
    ] = None,
    id_field: Annotated[
        str, typer.Option("--id-field", help="Field holding the record id.")
    ] = "id",
    text_field: Annotated[
        str, typer.Option("--text-field", help="Field holding the text.")
    ] = "text",
    title_field: Annotated[
        str,
        typer.Option(
            "--title-field", help="Field holding the headline (classified with the text)."
        ),
    ] = "title",
    evidence: Annotated[
        bool, typer.Option("--evidence", help="Add the evidence spans to each record.")
    ] = False,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Stop at the first bad record instead of setting it aside."),
    ] = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue an interrupted run from its checkpoints.")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", min=1, help="Processes (default PARADIP_BATCH_WORKERS, else one per core)."
        ),
    ] = None,
    chunk_size: Annotated[
        int | None,
        typer.Option(
            "--chunk-size",
            min=1,
            help="Records per checkpoint (default PARADIP_BATCH_CHUNK_SIZE, 500).",
        ),
    ] = None,
    engine: Annotated[
        str, typer.Option("--engine", help="local (processes on this machine) or dask.")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Dask scheduler address (default PARADIP_DASK_SCHEDULER; none: a local cluster).",
        ),
    ] = None,
    model_dir: ModelDirOption = None,
    version: ModelVersionOption = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress and no summary.")
    ] = False,
) -> None:
    """Classify every record of an archive, streaming, with checkpoints and a rejects file.

    The output keeps every input field and adds label, confidence, scores,
    lang, uncertain and model_version (and evidence with --evidence); records
    without an id get their line number. Bad records go to
    OUTPUT.rejects.jsonl with their line and the reason. Killed, the run
    continues with --resume.
    """
    settings = get_settings()
    config = BatchConfig(
        input=input_path,
        output=output or input_path.with_name(input_path.name.split(".")[0] + ".classified.jsonl"),
        model_dir=model_dir or settings.model_dir,
        model_version=version,
        input_format=input_format,
        id_field=id_field,
        text_field=text_field,
        title_field=title_field,
        evidence=evidence,
        strict=strict,
        resume=resume,
        workers=workers or settings.batch_workers or os.cpu_count() or 1,
        chunk_size=chunk_size or settings.batch_chunk_size,
        engine=engine,
        scheduler=scheduler or settings.dask_scheduler,
        quiet=quiet,
    )
    try:
        summary = run_batch(config)
    except (BatchError, ModelLoadError, ValueError) as exc:
        typer.echo(f"paradip batch: {exc}", err=True)
        raise typer.Exit(1) from exc
    if not quiet:
        print_summary(summary)
