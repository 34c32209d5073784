"""``paradip labels``: import, export and inspect the label store."""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from classifier.cli.common import DataDirOption
from classifier.labels.importing import ImportRejectedError, import_labels
from classifier.labels.store import LabelStore
from classifier.settings import get_settings

app = typer.Typer(help="Import, export and inspect the label store.", no_args_is_help=True)


def store(data_dir: Path | None) -> LabelStore:
    """The label store under ``data_dir`` or ``PARADIP_DATA_DIR``."""
    return LabelStore(data_dir or get_settings().data_dir)


@app.command("import")
def import_command(
    file: Annotated[
        Path,
        typer.Argument(help="JSONL or CSV with text and label; optional id, lang, entity, note."),
    ],
    who: Annotated[
        str | None, typer.Option("--who", help="Who gave the labels (default: the login name).")
    ] = None,
    state: Annotated[
        str, typer.Option("--state", help="reviewed (people's labels) or corrected.")
    ] = "reviewed",
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Store the good lines even if some are bad.")
    ] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Check every line, then store the labels in one transaction (all or nothing).

    Bad lines (unknown label, empty text, text not in its lang...) are listed
    with their line number; then nothing is stored unless --skip-invalid.
    """
    if not file.is_file():
        raise typer.BadParameter(f"no such file: {file}", param_hint="FILE")
    try:
        count, rejected = import_labels(
            file,
            store(data_dir),
            who=who or getpass.getuser(),
            state=state,
            skip_invalid=skip_invalid,
        )
    except ImportRejectedError as exc:
        for rejection in exc.rejections:
            typer.echo(f"{file}:{rejection.line}: {rejection.reason}", err=True)
        typer.echo(f"paradip labels import: {exc}", err=True)
        raise typer.Exit(1) from exc
    except ValueError as exc:
        typer.echo(f"paradip labels import: {exc}", err=True)
        raise typer.Exit(1) from exc
    for rejection in rejected:
        typer.echo(f"{file}:{rejection.line}: skipped: {rejection.reason}", err=True)
    typer.echo(f"imported {count} label(s)" + (f", skipped {len(rejected)}" if rejected else ""))


@app.command("export")
def export_command(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="JSONL file (default: standard output).")
    ] = None,
    state: Annotated[str | None, typer.Option("--state", help="Only labels in this state.")] = None,
    label: Annotated[str | None, typer.Option("--label", help="Only this label.")] = None,
    data_dir: DataDirOption = None,
) -> None:
    """Write stored labels as JSONL, oldest first."""
    rows = store(data_dir).rows(state=state, label=label)
    lines = "".join(json.dumps(row.to_json(), ensure_ascii=False) + "\n" for row in rows)
    if output is None:
        sys.stdout.write(lines)
    else:
        output.write_text(lines, encoding="utf-8")
        typer.echo(f"exported {len(rows)} label(s) to {output}", err=True)


@app.command("list")
def list_command(
    conflicts: Annotated[
        bool, typer.Option("--conflicts", help="Only texts whose human labels disagree.")
    ] = False,
    limit: Annotated[int, typer.Option("--limit", help="Most rows to show.")] = 50,
    data_dir: DataDirOption = None,
) -> None:
    """Show stored labels, or the conflicts between people's labels."""
    label_store = store(data_dir)
    table = Table(
        title="conflicting labels" if conflicts else f"labels ({label_store.count()} stored)"
    )
    for header in ("id", "item", "label", "state", "who", "origin", "created", "text"):
        table.add_column(header)
    groups = (
        label_store.conflicts() if conflicts else [[row] for row in label_store.rows(limit=limit)]
    )
    for group in groups[:limit]:
        for row in group:
            table.add_row(
                str(row.id),
                row.item_id or "",
                row.label,
                row.state,
                row.who,
                row.origin,
                row.created_at,
                row.text[:60].replace("\n", " "),
            )
        if conflicts:
            table.add_section()
    Console(highlight=False).print(table)
    if conflicts:
        typer.echo(f"{len(groups)} text(s) with conflicting labels")


@app.command("settle")
def settle_command(
    row_id: Annotated[
        int, typer.Argument(help="The id of any label of the text (see `labels list --conflicts`).")
    ],
    label: Annotated[
        str, typer.Option("--label", help="The label that decides: one of the four labels.")
    ],
    who: Annotated[str | None, typer.Option("--who", help="Who decides (default: you).")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Why, for the record.")] = None,
    data_dir: DataDirOption = None,
) -> None:
    """Settle a conflict: decide a text's label; later labels are compared with this one."""
    try:
        new_id = store(data_dir).settle(row_id, label, who or getpass.getuser(), note)
    except KeyError as exc:
        typer.echo(f"paradip labels settle: {exc.args[0]}", err=True)
        raise typer.Exit(1) from exc
    except ValueError as exc:
        typer.echo(f"paradip labels settle: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"settled: label {new_id} says {label!r} for the text of label {row_id}")
