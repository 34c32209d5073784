"""``paradip report``: summarise a classified archive on the terminal and as HTML."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from classifier.batch.report import render_html, summarise_archive
from classifier.data.schema import LABELS


def report_command(
    output: Annotated[
        Path, typer.Argument(metavar="OUTPUT", help="A file written by 'paradip batch'.")
    ],
    date_field: Annotated[
        str | None,
        typer.Option("--date-field", help="Field with each item's date, for the monthly view."),
    ] = None,
    entity_field: Annotated[
        str,
        typer.Option("--entity-field", help="Field naming the entity, when the archive has one."),
    ] = "entity",
    html_path: Annotated[
        Path | None,
        typer.Option(
            "--html", help="Where to write the HTML report (default OUTPUT-stem.report.html)."
        ),
    ] = None,
) -> None:
    """Count labels and shares per language, month and entity; write an HTML page with charts."""
    if not output.is_file():
        raise typer.BadParameter(f"no such file: {output}", param_hint="OUTPUT")
    try:
        report = summarise_archive(output, date_field=date_field, entity_field=entity_field)
    except ValueError as exc:
        typer.echo(f"paradip report: {exc}", err=True)
        raise typer.Exit(1) from exc
    console = Console(highlight=False)
    langs = report.langs()
    table = Table(title=f"{report.items:,} items ({report.uncertain:,} uncertain)")
    table.add_column("label")
    for lang in langs:
        table.add_column(lang, justify="right")
    table.add_column("all", justify="right")
    table.add_column("share", justify="right")
    for label in LABELS:
        table.add_row(
            label,
            *(f"{report.by_lang[(label, lang)]:,}" for lang in langs),
            f"{report.labels[label]:,}",
            f"{report.labels[label] / report.items:.1%}",
        )
    console.print(table)
    if date_field:
        months = Table(title=f"per month ({date_field})")
        months.add_column("month")
        for label in LABELS:
            months.add_column(label, justify="right")
        for month in report.months():
            months.add_row(month, *(f"{report.by_month[(month, label)]:,}" for label in LABELS))
        console.print(months)
    if report.entities:
        entities = Table(title="most frequent entities")
        entities.add_column("entity")
        entities.add_column("items", justify="right")
        for entity, count in report.entities.most_common(10):
            entities.add_row(entity, f"{count:,}")
        console.print(entities)
    target = html_path or output.with_name(output.name.split(".")[0] + ".report.html")
    target.write_text(render_html(report), encoding="utf-8")
    console.print(f"HTML report: {target}")
