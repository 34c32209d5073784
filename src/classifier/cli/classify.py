"""``paradip classify``: label news items and print one JSON object per item."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from itertools import islice
from pathlib import Path
from typing import Annotated

import typer

from classifier.cli.common import ModelDirOption, ModelVersionOption, load_predictor
from classifier.io.items import BadRecord, Item, read_jsonl_items, read_text_items
from classifier.model.predict import Predictor

CHUNK = 256


def _chunks(items: Iterable[Item | BadRecord]) -> Iterator[list[Item | BadRecord]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def classify_stream(
    predictor: Predictor, items: Iterable[Item | BadRecord], *, evidence: bool = True
) -> Iterator[dict[str, object] | BadRecord]:
    """Classify items in input order; bad records pass through to be reported."""
    for chunk in _chunks(items):
        good = [item for item in chunk if isinstance(item, Item)]
        predictions = iter(
            predictor.predict(
                [item.text for item in good], [item.title for item in good], evidence=evidence
            )
        )
        for item in chunk:
            if isinstance(item, BadRecord):
                yield item
                continue
            result = next(predictions).to_json(with_evidence=evidence)
            yield {"id": item.id, **result} if item.id is not None else result


def classify_command(
    text: Annotated[
        str | None,
        typer.Argument(help="Text to classify. Omit it to read items from --file or stdin."),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            "-f",
            help="A .jsonl file (one record per line with 'text', optional 'id' and 'title') "
            "or a text file (one item per line).",
        ),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="Headline of TEXT.")] = None,
    evidence: Annotated[
        bool, typer.Option("--evidence/--no-evidence", help="Include evidence spans.")
    ] = True,
    model_dir: ModelDirOption = None,
    version: ModelVersionOption = None,
) -> None:
    """Classify news items; print one JSON object per item, in input order.

    Each object holds label, confidence, the four scores, lang, uncertain,
    evidence (spans of the original text with character offsets) and
    model_version, and the id when the input gave one. A bad input line is
    reported on stderr with its number and skipped; the exit code is then 1.
    """
    if text is not None and file is not None:
        raise typer.BadParameter("give TEXT or --file, not both")
    if file is not None and not file.is_file():
        raise typer.BadParameter(f"no such file: {file}", param_hint="--file")
    predictor = load_predictor(model_dir, version)
    bad = 0
    with ExitStack() as stack:
        if text is not None:
            items: Iterable[Item | BadRecord] = [Item(line=1, id=None, text=text, title=title)]
        elif file is not None:
            handle = stack.enter_context(file.open("rb"))
            items = read_jsonl_items(handle) if file.suffix == ".jsonl" else read_text_items(handle)
        else:
            items = read_text_items(sys.stdin.buffer)
        for result in classify_stream(predictor, items, evidence=evidence):
            if isinstance(result, BadRecord):
                bad += 1
                typer.echo(f"paradip classify: line {result.line}: {result.reason}", err=True)
            else:
                typer.echo(json.dumps(result, ensure_ascii=False))
    if bad:
        typer.echo(f"paradip classify: {bad} line(s) skipped, see above", err=True)
        raise typer.Exit(1)
