"""``paradip retrain`` and ``paradip suggest``: learn from people's labels, and ask for more."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from classifier.cli.common import DataDirOption, ModelDirOption, load_predictor, registry
from classifier.data.schema import LABELS
from classifier.io.writers import output_format, write_atomic
from classifier.labels.store import LabelStore
from classifier.labels.suggest import suggest
from classifier.model.registry import ModelLoadError
from classifier.model.retrain import RetrainResult, retrain
from classifier.settings import get_settings


def print_comparison(result: RetrainResult) -> None:
    """Active against candidate: macro-F1 overall, per language and per label, on both sets."""
    console = Console(highlight=False)
    for name, title in (("test", "fixed test split"), ("new_labels", "held-out new labels")):
        active, candidate = result.comparison[name]["active"], result.comparison[name]["candidate"]
        if not active:
            console.print(f"{title}: none held out")
            continue
        table = Table(title=f"{title} ({active['n']} items): macro-F1 / F1")
        table.add_column("")
        table.add_column(result.active_before + " (active)", justify="right")
        table.add_column(result.candidate + " (candidate)", justify="right")
        table.add_row(
            "overall", f"{active['macro_f1']:.3f}", f"{candidate['macro_f1']:.3f}", style="bold"
        )
        for lang in sorted(active["per_language"]):
            table.add_row(
                lang,
                f"{active['per_language'][lang]:.3f}",
                f"{candidate['per_language'].get(lang, 0):.3f}",
            )
        for label in LABELS:
            table.add_row(
                label, f"{active['per_label'][label]:.3f}", f"{candidate['per_label'][label]:.3f}"
            )
        console.print(table)
    verdict = "promoted" if result.promoted else "registered, not activated"
    console.print(f"{result.candidate} {verdict}: {result.reason}")


def retrain_command(
    tolerance: Annotated[
        float, typer.Option("--tolerance", help="Largest test macro-F1 drop allowed.")
    ] = 0.01,
    holdout: Annotated[
        float, typer.Option("--holdout", min=0.0, max=0.9, help="Share of new labels held out.")
    ] = 0.2,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Promote even if the candidate is worse (recorded on its card)."
        ),
    ] = False,
    seed: Annotated[int, typer.Option("--seed")] = 0,
    model_dir: ModelDirOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """Train a candidate on the corpus plus people's labels; promote it only if it is not worse."""
    settings = get_settings()
    try:
        result = retrain(
            [settings.corpus_dir],
            registry(model_dir),
            LabelStore(data_dir or settings.data_dir),
            tolerance=tolerance,
            holdout=holdout,
            seed=seed,
            force=force,
            progress=lambda message: typer.echo(message, err=True),
        )
    except (ModelLoadError, ValueError, FileNotFoundError) as exc:
        typer.echo(f"paradip retrain: {exc}", err=True)
        raise typer.Exit(1) from exc
    print_comparison(result)
    if not result.promoted:
        raise typer.Exit(2)


def suggest_command(
    archive: Annotated[
        Path, typer.Argument(help="Archive to pick from (.jsonl, .csv, .parquet, .txt).")
    ],
    n: Annotated[int, typer.Option("-n", min=1, help="How many items to suggest.")] = 50,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="CSV or JSONL to write (default: suggestions.jsonl)."),
    ] = None,
    model_dir: ModelDirOption = None,
) -> None:
    """Pick the items the model is least sure of, spread over languages, for people to label."""
    if not archive.is_file():
        raise typer.BadParameter(f"no such file: {archive}", param_hint="ARCHIVE")
    predictor = load_predictor(model_dir)
    try:
        picked = suggest(predictor, archive, n)
    except ValueError as exc:
        typer.echo(f"paradip suggest: {exc}", err=True)
        raise typer.Exit(1) from exc
    target = output or Path("suggestions.jsonl")
    rows = [s.to_json() for s in picked]
    write_atomic(target, output_format(target), lambda: iter(rows))
    typer.echo(
        f"{len(rows)} suggestion(s) written to {target}; "
        f"fill 'label' and run 'paradip labels import {target}'"
    )
