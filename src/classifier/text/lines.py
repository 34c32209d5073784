"""Normalise a stream of text lines, as ``paradip normalize`` does.

Kept apart from the command so that tests and other tools call it directly.
A line that is not UTF-8 is reported with its number and skipped; the other
lines go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from classifier.text.langid import detect_language
from classifier.text.normalize import normalize

__all__ = ["LineError", "NormalizedLine", "normalize_lines"]

AUTO = "auto"


@dataclass(frozen=True)
class NormalizedLine:
    """One input line, normalised, with the language its chain was chosen for."""

    number: int
    lang: str
    text: str


@dataclass(frozen=True)
class LineError:
    """One input line that could not be read, and why."""

    number: int
    reason: str


def normalize_lines(
    lines: Iterable[bytes], lang: str = AUTO
) -> Iterator[NormalizedLine | LineError]:
    """Decode, identify and normalise each line of a byte stream.

    Parameters
    ----------
    lines : iterable of bytes
        Raw lines, as read from a file opened in binary mode; the line ending
        is dropped.
    lang : str
        ``"auto"`` to detect each line's language, or ``"ar"``, ``"fa"``,
        ``"en"`` to force one chain for all lines.

    Yields
    ------
    NormalizedLine or LineError
        In input order, one per line; a :class:`LineError` for a line that is
        not valid UTF-8, naming the byte offset that failed.
    """
    for number, raw in enumerate(lines, start=1):
        try:
            text = raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError as exc:
            yield LineError(
                number,
                f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
                "re-encode the input as UTF-8, e.g. iconv -f windows-1256 -t utf-8",
            )
            continue
        text = text.removeprefix("\ufeff") if number == 1 else text
        line_lang = detect_language(text) if lang == AUTO else lang
        yield NormalizedLine(number, line_lang, normalize(text, line_lang))
