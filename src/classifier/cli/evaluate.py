"""``paradip evaluate``: the model and three baselines on a labelled split."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from classifier.cli.common import ModelDirOption, registry
from classifier.data.corpus import load_corpus
from classifier.data.schema import LABELS, ItemError
from classifier.model.evaluate import evaluate, macro_f1_table, render_markdown
from classifier.model.registry import ModelLoadError
from classifier.settings import get_settings


def print_report(report: dict[str, Any]) -> None:
    """Print the comparison and the model's per-label figures as terminal tables."""
    console = Console(highlight=False)
    rows = macro_f1_table(report)
    table = Table(title=f"{report['n_test']} items: macro-F1 overall and per language")
    for header in rows[0]:
        table.add_column(header, justify="left" if header == "system" else "right")
    for row in rows[1:]:
        table.add_row(*row)
    console.print(table)
    per_label = Table(title="paradip per label")
    for header in ("label", "precision", "recall", "F1", "support"):
        per_label.add_column(header, justify="left" if header == "label" else "right")
    for label in LABELS:
        m = report["model"]["per_label"][label]
        per_label.add_row(
            label,
            f"{m['precision']:.3f}",
            f"{m['recall']:.3f}",
            f"{m['f1']:.3f}",
            str(m["support"]),
        )
    console.print(per_label)
    confusion = Table(title="confusion (rows true, columns predicted)")
    confusion.add_column("")
    for label in LABELS:
        confusion.add_column(label, justify="right")
    for label, row in zip(LABELS, report["model"]["confusion"]["matrix"], strict=True):
        confusion.add_row(label, *map(str, row))
    console.print(confusion)


def evaluate_command(
    data: Annotated[
        Path | None,
        typer.Option(
            "--data", help="A labelled JSONL file or folder (default: the corpus's test split)."
        ),
    ] = None,
    model_dir: ModelDirOption = None,
    version: Annotated[
        str | None, typer.Option("--model-version", help="Version to evaluate (default: active).")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the fastText baseline.")] = 0,
) -> None:
    """Report accuracy, macro-F1, per-label and per-language figures, confusion and ECE.

    The majority class, the codebook's keyword rules and fastText (trained on
    the corpus's train split) are reported side by side on the same items.
    The report is also written as evaluation.json and evaluation.md (or
    evaluation-<name>.* for --data) in the model's folder.
    """
    reg = registry(model_dir)
    settings = get_settings()
    try:
        model = reg.load(version)
        corpus = load_corpus([settings.corpus_dir])
        items = (
            load_corpus([data]) if data is not None else [i for i in corpus if i.split == "test"]
        )
    except (ModelLoadError, ItemError, FileNotFoundError) as exc:
        typer.echo(f"paradip evaluate: {exc}", err=True)
        raise typer.Exit(1) from exc
    train_items = [item for item in corpus if item.split == "train"]
    try:
        report = evaluate(model.pipeline, train_items, items, seed=seed)
    except ValueError as exc:
        typer.echo(f"paradip evaluate: {exc}", err=True)
        raise typer.Exit(1) from exc
    report["model_version"] = model.version
    print_report(report)
    stem = "evaluation" if data is None else f"evaluation-{data.stem}"
    folder = reg.root / model.version
    (folder / f"{stem}.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (folder / f"{stem}.md").write_text(
        render_markdown(report, f"Evaluation of {model.version} on {data or 'the test split'}"),
        encoding="utf-8",
    )
    typer.echo(f"written {folder / stem}.json and .md")
