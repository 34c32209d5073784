"""The root Typer application; each command lives in a module of its own."""

from __future__ import annotations

import typer

from classifier import __version__
from classifier.cli import batch as batch_cmd
from classifier.cli import classify as classify_cmd
from classifier.cli import data as data_cmd
from classifier.cli import evaluate as evaluate_cmd
from classifier.cli import labels as labels_cmd
from classifier.cli import models as models_cmd
from classifier.cli import normalize as normalize_cmd
from classifier.cli import report as report_cmd
from classifier.cli import retrain as retrain_cmd
from classifier.cli import serve as serve_cmd
from classifier.cli import train as train_cmd

app = typer.Typer(
    name="paradip",
    help="Classify the foreign activity of sub-state governments in Arabic, Persian "
    "and English news: complementary, parallel, constituent or none.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"paradip {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Classify the foreign activity of sub-state governments in news."""


app.command("normalize")(normalize_cmd.normalize_command)
app.add_typer(data_cmd.app, name="data")
app.command("train")(train_cmd.train_command)
app.command("evaluate")(evaluate_cmd.evaluate_command)
app.command("classify")(classify_cmd.classify_command)
app.command("serve")(serve_cmd.serve_command)
app.command("batch")(batch_cmd.batch_command)
app.command("report")(report_cmd.report_command)
app.command("retrain")(retrain_cmd.retrain_command)
app.command("suggest")(retrain_cmd.suggest_command)
app.add_typer(labels_cmd.app, name="labels")
app.add_typer(models_cmd.app, name="models")
