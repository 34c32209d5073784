"""``paradip normalize``: print the canonical form the model sees of each line."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from classifier.text.lines import LineError, normalize_lines


class LangOption(StrEnum):
    """Languages a user may force; ``auto`` detects each line's own."""

    auto = "auto"
    ar = "ar"
    fa = "fa"
    en = "en"


def normalize_command(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="Text file, one item per line (UTF-8). Reads standard input when omitted or '-'.",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        LangOption,
        typer.Option("--lang", help="Language of every line, or auto to detect each one."),
    ] = LangOption.auto,
    show_lang: Annotated[
        bool,
        typer.Option("--show-lang", help="Prefix each output line with its language and a tab."),
    ] = False,
) -> None:
    """Normalise text line by line and write it to standard output.

    A line that is not valid UTF-8 is reported on standard error with its
    number and left out; the exit code is then 1.
    """
    from_stdin = path is None or str(path) == "-"
    if not from_stdin and path is not None and not path.is_file():
        raise typer.BadParameter(f"no such file: {path}", param_hint="PATH")
    stream = sys.stdin.buffer if from_stdin or path is None else path.open("rb")
    errors = 0
    try:
        for result in normalize_lines(stream, lang.value):
            if isinstance(result, LineError):
                errors += 1
                typer.echo(f"paradip normalize: line {result.number}: {result.reason}", err=True)
            elif show_lang:
                typer.echo(f"{result.lang}\t{result.text}")
            else:
                typer.echo(result.text)
    finally:
        if not from_stdin:
            stream.close()
    if errors:
        typer.echo(f"paradip normalize: {errors} line(s) left out, see above", err=True)
        raise typer.Exit(1)
