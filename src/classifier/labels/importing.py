"""``paradip labels import``: check a file of labels, then store all of it or none."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from classifier.data.schema import LABELS, LANGS
from classifier.io.items import BadRecord, Item
from classifier.io.readers import read_records
from classifier.labels.store import STATES, LabelStore, NewLabel
from classifier.text.langid import detect_language

__all__ = ["ImportRejectedError", "Rejection", "check_labels", "import_labels"]


@dataclass(frozen=True)
class Rejection:
    """A line that cannot be imported, and why."""

    line: int
    reason: str


class ImportRejectedError(ValueError):
    """The file has lines that cannot be imported; nothing was stored."""

    def __init__(self, rejections: list[Rejection]) -> None:
        self.rejections = rejections
        super().__init__(
            f"{len(rejections)} line(s) cannot be imported, so nothing was stored; first: "
            f"line {rejections[0].line}: {rejections[0].reason}"
        )


def check_labels(
    path: Path, *, who: str, state: str = "reviewed", fmt: str | None = None
) -> tuple[list[NewLabel], list[Rejection]]:
    """Validate every line of a JSONL or CSV file of labels, as the corpus is validated."""
    if state not in STATES:
        raise ValueError(f"unknown state {state!r}; the states are {list(STATES)}")
    good: list[NewLabel] = []
    bad: list[Rejection] = []
    for record in read_records(path, fmt):
        if isinstance(record, BadRecord):
            bad.append(Rejection(record.line, record.reason))
            continue
        reason = _problem(record)
        if reason:
            bad.append(Rejection(record.line, reason))
            continue
        fields = record.record or {}
        lang = str(fields.get("lang") or "") or detect_language(record.text)
        good.append(
            NewLabel(
                text=record.text,
                label=str(fields["label"]).strip(),
                who=who,
                origin=f"file:{path.name}",
                state=state,
                item_id=record.id,
                lang=lang,
                entity=str(fields.get("entity") or "") or None,
                note=str(fields.get("note") or "") or None,
            )
        )
    return good, bad


def _problem(item: Item) -> str | None:
    fields = item.record or {}
    label = fields.get("label")
    if label is None or str(label).strip() == "":
        return "missing label"
    if str(label).strip() not in LABELS:
        return f"unknown label {label!r}; the labels are {list(LABELS)}"
    if not item.text.strip():
        return "empty text"
    lang = fields.get("lang")
    if lang:
        if lang not in LANGS:
            return f"lang must be one of {list(LANGS)}, got {lang!r}"
        detected = detect_language(item.text)
        if detected != lang:
            return f"lang is {lang!r} but the text reads as {detected!r}"
    elif detect_language(item.text) == "und":
        return "the text has no Arabic, Persian or English letters"
    return None


def import_labels(
    path: Path,
    store: LabelStore,
    *,
    who: str,
    state: str = "reviewed",
    fmt: str | None = None,
    skip_invalid: bool = False,
) -> tuple[int, list[Rejection]]:
    """Check the file, then store its labels in one transaction.

    Raises
    ------
    ImportRejectedError
        When a line is bad and ``skip_invalid`` is false: nothing is stored.
    """
    good, bad = check_labels(path, who=who, state=state, fmt=fmt)
    if bad and not skip_invalid:
        raise ImportRejectedError(bad)
    store.add(good)
    return len(good), bad
