"""Items to classify, read one at a time from text or JSONL input.

A bad record never stops the stream: it comes out as a :class:`BadRecord`
with its line number and the reason, and the reader goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["BadRecord", "Item", "read_jsonl_items", "read_text_items"]


@dataclass(frozen=True)
class Item:
    """One news item to classify; ``record`` keeps every input field."""

    line: int
    id: str | None
    text: str
    title: str | None = None
    record: dict[str, Any] | None = None


@dataclass(frozen=True)
class BadRecord:
    """A record that could not be read, with where and why."""

    line: int
    reason: str
    raw: str


def _decode(raw: bytes, line: int) -> str | BadRecord:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return BadRecord(
            line,
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "re-encode the file as UTF-8",
            raw.decode("utf-8", errors="replace"),
        )


def read_text_items(lines: Iterable[bytes]) -> Iterator[Item | BadRecord]:
    """One item per non-blank line of plain text; the line number is the id."""
    for number, raw in enumerate(lines, start=1):
        text = _decode(raw, number)
        if isinstance(text, BadRecord):
            yield text
            continue
        text = text.rstrip("\r\n").removeprefix("\ufeff")
        if text.strip():
            yield Item(line=number, id=None, text=text)


def record_to_item(
    record: Any,
    line: int,
    raw: str,
    *,
    id_field: str = "id",
    text_field: str = "text",
    title_field: str = "title",
) -> Item | BadRecord:
    """Check one decoded record and turn it into an :class:`Item`."""
    if not isinstance(record, dict):
        return BadRecord(line, f"expected a JSON object, got {type(record).__name__}", raw)
    text = record.get(text_field)
    if text is None:
        return BadRecord(line, f"missing text field {text_field!r}", raw)
    if not isinstance(text, str):
        return BadRecord(
            line, f"text field {text_field!r} must be a string, got {type(text).__name__}", raw
        )
    title = record.get(title_field)
    if title is not None and not isinstance(title, str):
        return BadRecord(
            line, f"title field {title_field!r} must be a string, got {type(title).__name__}", raw
        )
    identifier = record.get(id_field)
    return Item(
        line=line,
        id=None if identifier is None else str(identifier),
        text=text,
        title=title,
        record=record,
    )


def read_jsonl_items(
    lines: Iterable[bytes],
    *,
    id_field: str = "id",
    text_field: str = "text",
    title_field: str = "title",
) -> Iterator[Item | BadRecord]:
    """One item per non-blank JSONL line; bad lines come out as :class:`BadRecord`."""
    for number, raw in enumerate(lines, start=1):
        decoded = _decode(raw, number)
        if isinstance(decoded, BadRecord):
            yield decoded
            continue
        decoded = decoded.removeprefix("\ufeff")
        if not decoded.strip():
            continue
        try:
            record = json.loads(decoded)
        except json.JSONDecodeError as exc:
            yield BadRecord(
                number, f"invalid JSON: {exc.msg} at column {exc.colno}", decoded.rstrip("\r\n")
            )
            continue
        yield record_to_item(
            record,
            number,
            decoded.rstrip("\r\n"),
            id_field=id_field,
            text_field=text_field,
            title_field=title_field,
        )
