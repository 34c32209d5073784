"""``paradip models``: list, show, activate and roll back model versions."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from classifier.cli.common import ModelDirOption, registry
from classifier.model.registry import ModelLoadError

app = typer.Typer(help="List, show, activate and roll back model versions.", no_args_is_help=True)


@app.command("list")
def list_command(
    model_dir: ModelDirOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """List versions with their test metrics; the active one is marked."""
    summaries = registry(model_dir).summaries()
    if as_json:
        typer.echo(json.dumps(summaries, indent=2))
        return
    table = Table(title="model versions")
    for header in ("version", "active", "created", "macro-F1", "ar", "fa", "en", "ECE"):
        table.add_column(header)
    for s in summaries:
        m = s["metrics"]

        def fmt(value: float | None) -> str:
            return f"{value:.3f}" if isinstance(value, float) else "-"

        langs = m["per_language"]
        table.add_row(
            s["version"],
            "*" if s["active"] else "",
            str(s["created"]),
            fmt(m["macro_f1"]),
            fmt(langs.get("ar")),
            fmt(langs.get("fa")),
            fmt(langs.get("en")),
            fmt(m["ece"]),
        )
    Console(highlight=False).print(table)


@app.command("show")
def show_command(
    version: Annotated[str, typer.Argument(help="The version, e.g. v001.")],
    model_dir: ModelDirOption = None,
) -> None:
    """Print a version's card (card.md)."""
    reg = registry(model_dir)
    try:
        reg.card(version)
    except ModelLoadError as exc:
        typer.echo(f"paradip models show: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo((reg.root / version / "card.md").read_text(encoding="utf-8"))


@app.command("activate")
def activate_command(
    version: Annotated[str, typer.Argument(help="The version to make active.")],
    model_dir: ModelDirOption = None,
) -> None:
    """Make a version the active one (atomically; the previous one is remembered for rollback)."""
    reg = registry(model_dir)
    try:
        reg.load(version)
        reg.activate(version)
    except ModelLoadError as exc:
        typer.echo(f"paradip models activate: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"active: {version}")


@app.command("rollback")
def rollback_command(model_dir: ModelDirOption = None) -> None:
    """Return to the version that was active before the current one."""
    try:
        version = registry(model_dir).rollback()
    except ModelLoadError as exc:
        typer.echo(f"paradip models rollback: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"active: {version}")
