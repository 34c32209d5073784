"""``paradip train``: choose, fit, evaluate and register a model from the corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from classifier.cli.common import ModelDirOption, registry
from classifier.cli.evaluate import print_report
from classifier.model.pipeline import ModelParams
from classifier.model.registry import ModelLoadError
from classifier.model.train import train
from classifier.settings import get_settings


def train_command(
    corpus: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Corpus files or folders (default PARADIP_CORPUS_DIR).", show_default=False
        ),
    ] = None,
    model_dir: ModelDirOption = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of every random choice.")] = 0,
    activate: Annotated[
        bool, typer.Option("--activate/--no-activate", help="Make the new version active.")
    ] = True,
    params_from: Annotated[
        str | None,
        typer.Option(
            "--params-from",
            help="Skip model selection and reuse the parameters on this version's card "
            "('active' for the active one).",
        ),
    ] = None,
) -> None:
    """Train a model from the labelled corpus and register it as a new version.

    Features, model and the uncertainty threshold are chosen by entity-grouped
    cross-validation on the train split; the test split is only used to report.
    The same corpus and seed give the same model and the same metrics.
    """
    reg = registry(model_dir)
    params = None
    if params_from is not None:
        try:
            version = reg.active_version() if params_from == "active" else params_from
            if version is None:
                raise ModelLoadError("no active model to take parameters from")
            params = ModelParams.from_json(reg.card(version)["params"])
        except ModelLoadError as exc:
            raise typer.BadParameter(str(exc), param_hint="--params-from") from exc
    try:
        result = train(
            corpus or [get_settings().corpus_dir],
            reg,
            seed=seed,
            activate=activate,
            params=params,
            progress=lambda message: typer.echo(message, err=True),
        )
    except (FileNotFoundError, ValueError) as exc:
        typer.echo(f"paradip train: {exc}", err=True)
        raise typer.Exit(1) from exc
    if result.card.get("metrics"):
        print_report(
            {
                "n_test": result.card["data"]["n_test"],
                "model": result.card["metrics"],
                "baselines": result.card["baselines"],
            }
        )
    typer.echo(
        f"model {result.version} registered in {reg.root}"
        + (" (active)" if result.activated else "")
    )
