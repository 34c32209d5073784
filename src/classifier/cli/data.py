"""``paradip data``: check and split the labelled corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from classifier.data.check import check_corpus
from classifier.data.corpus import DEFAULT_CORPUS

app = typer.Typer(help="Check and split the labelled corpus.", no_args_is_help=True)


@app.command("check")
def check_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Corpus files or folders of .jsonl.", show_default=False),
    ] = None,
    show_warnings: Annotated[
        int, typer.Option("--warnings", help="How many warnings to print (0 for none).")
    ] = 20,
    skip_lang: Annotated[
        bool, typer.Option("--skip-lang", help="Do not check each text's language.")
    ] = False,
) -> None:
    """Check the corpus (schema, labels, language, duplicates, split leakage); print counts.

    Exits 1 when any error is found; every error names the file and line.
    """
    console = Console(highlight=False)
    targets = paths or [DEFAULT_CORPUS]
    try:
        report = check_corpus(targets, detect_lang=not skip_lang)
    except FileNotFoundError as exc:
        raise typer.BadParameter(str(exc), param_hint="PATHS") from exc
    rows = report.table()
    table = Table(title=f"{report.n_items} items", show_lines=False)
    for header in rows[0]:
        table.add_column(header, justify="left" if header in {"lang", "label"} else "right")
    for row in rows[1:]:
        table.add_row(*row, style="bold" if "all" in row[:2] else None)
    console.print(table)
    for warning in report.warnings[:show_warnings]:
        console.print(f"warning: {warning}", markup=False)
    if len(report.warnings) > show_warnings:
        console.print(f"... and {len(report.warnings) - show_warnings} more warnings")
    for error in report.errors:
        console.print(f"error: {error}", markup=False, style="red")
    if report.errors:
        console.print(f"{len(report.errors)} error(s)", style="red")
        raise typer.Exit(1)
    console.print(f"ok: {report.n_items} items, {len(report.warnings)} warning(s)")


@app.command("split")
def split_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Corpus files or folders of .jsonl.", show_default=False),
    ] = None,
    test_share: Annotated[
        float, typer.Option("--test-share", min=0.01, max=0.99, help="Share for the test split.")
    ] = 0.2,
    seed: Annotated[int, typer.Option("--seed", help="Seed for tie-breaking.")] = 0,
) -> None:
    """Give every item without a split one, keeping entities on one side.

    Items that have a split keep it, so adding labelled items never moves old
    ones. Files are rewritten atomically.
    """
    from classifier.data.schema import ItemError
    from classifier.data.split import split_files

    try:
        totals = split_files(paths or [DEFAULT_CORPUS], test_share=test_share, seed=seed)
    except (FileNotFoundError, ItemError, ValueError) as exc:
        typer.echo(f"paradip data split: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"train: {totals['train']}, test: {totals['test']}")
