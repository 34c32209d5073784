"""The label store: every label that arrives, from any path, in one SQLite file.

Each row is one label given to one text: who gave it, when, where from
(``file:NAME``, ``api``, ``review``) and its state -- ``machine`` (a model's
prediction, kept for reference), ``reviewed`` (a person confirmed it) or
``corrected`` (a person changed it) -- so machine labels are never mistaken
for human ones. Labels are only ever added: two different labels for the
same text are both kept and shown as a conflict, never silently overwritten.
A person settles a conflict by adding one more label with origin ``settle``:
it decides the text, and only labels given after it can disagree again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from classifier.data.schema import LABELS

__all__ = [
    "HUMAN_STATES",
    "SETTLE_ORIGIN",
    "STATES",
    "LabelRow",
    "LabelStore",
    "NewLabel",
    "text_hash",
]

STATES: Final = ("machine", "reviewed", "corrected")
HUMAN_STATES: Final = ("reviewed", "corrected")
STORE_FILE: Final = "labels.sqlite"
SETTLE_ORIGIN: Final = "settle"

_SCHEMA: Final = f"""
CREATE TABLE IF NOT EXISTS labels (
    id INTEGER PRIMARY KEY,
    item_id TEXT,
    text TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    label TEXT NOT NULL CHECK (label IN ({", ".join(repr(label) for label in LABELS)})),
    lang TEXT,
    entity TEXT,
    who TEXT NOT NULL,
    created_at TEXT NOT NULL,
    origin TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ({", ".join(repr(state) for state in STATES)})),
    note TEXT
);
CREATE INDEX IF NOT EXISTS labels_text ON labels (text_sha256);
CREATE INDEX IF NOT EXISTS labels_state ON labels (state, created_at);
CREATE INDEX IF NOT EXISTS labels_item ON labels (item_id);
"""


def text_hash(text: str) -> str:
    """The key that ties labels of the same text together (SHA-256 of its stripped text)."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class NewLabel:
    """A label about to be stored."""

    text: str
    label: str
    who: str
    origin: str
    state: str = "reviewed"
    item_id: str | None = None
    lang: str | None = None
    entity: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class LabelRow:
    """A stored label."""

    id: int
    item_id: str | None
    text: str
    text_sha256: str
    label: str
    lang: str | None
    entity: str | None
    who: str
    created_at: str
    origin: str
    state: str
    note: str | None

    def to_json(self) -> dict[str, Any]:
        """The row as exported (``paradip labels export``, ``GET /v1/labels``)."""
        return {
            "id": self.id,
            "item_id": self.item_id,
            "text": self.text,
            "label": self.label,
            "lang": self.lang,
            "entity": self.entity,
            "who": self.who,
            "created_at": self.created_at,
            "origin": self.origin,
            "state": self.state,
            "note": self.note,
        }


class LabelStore:
    """The SQLite label store under the data directory.

    Parameters
    ----------
    path : Path
        The database file, or a folder (``PARADIP_DATA_DIR``) to hold
        ``labels.sqlite``.
    """

    def __init__(self, path: Path) -> None:
        path = Path(path)
        self.path = path / STORE_FILE if path.suffix != ".sqlite" else path
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.executescript(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30)
        db.row_factory = sqlite3.Row
        try:
            db.execute("PRAGMA journal_mode=WAL")
            yield db
            db.commit()
        except BaseException:
            db.rollback()
            raise
        finally:
            db.close()

    def add(self, labels: Sequence[NewLabel]) -> list[int]:
        """Store labels in one transaction (all or none); return their row ids.

        Raises
        ------
        ValueError
            For an unknown label or state, naming the value and the choices.
        """
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        for new in labels:
            if new.label not in LABELS:
                raise ValueError(f"unknown label {new.label!r}; the labels are {list(LABELS)}")
            if new.state not in STATES:
                raise ValueError(f"unknown state {new.state!r}; the states are {list(STATES)}")
        ids: list[int] = []
        with self._connect() as db:
            for new in labels:
                cursor = db.execute(
                    "INSERT INTO labels (item_id, text, text_sha256, label, lang, entity, who, "
                    "created_at, origin, state, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        new.item_id,
                        new.text,
                        text_hash(new.text),
                        new.label,
                        new.lang,
                        new.entity,
                        new.who,
                        now,
                        new.origin,
                        new.state,
                        new.note,
                    ),
                )
                ids.append(int(cursor.lastrowid or 0))
        return ids

    def rows(
        self,
        *,
        state: str | None = None,
        label: str | None = None,
        item_id: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[LabelRow]:
        """Stored labels, oldest first, filtered by state, label, item id and creation date."""
        where: list[str] = []
        args: list[object] = []
        for column, value in (("state", state), ("label", label), ("item_id", item_id)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        if since is not None:
            where.append("created_at >= ?")
            args.append(since)
        if until is not None:
            where.append("created_at < ?")
            args.append(until)
        query = "SELECT * FROM labels" + (" WHERE " + " AND ".join(where) if where else "")
        query += " ORDER BY id LIMIT ? OFFSET ?"
        args += [limit if limit is not None else -1, offset]
        with self._connect() as db:
            return [LabelRow(**dict(row)) for row in db.execute(query, args)]

    def get(self, row_id: int) -> LabelRow | None:
        """The label with this row id, if any."""
        with self._connect() as db:
            row = db.execute("SELECT * FROM labels WHERE id = ?", (row_id,)).fetchone()
        return LabelRow(**dict(row)) if row is not None else None

    def count(self) -> int:
        """How many labels are stored."""
        with self._connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM labels").fetchone()[0])

    def conflicts(self) -> list[list[LabelRow]]:
        """Groups of human labels that disagree about the same text, since its last settlement.

        Each group starts at the text's latest ``settle`` label, if any: a
        settlement ends the disagreements before it.
        """
        with self._connect() as db:
            hashes = [
                row[0]
                for row in db.execute(
                    "SELECT text_sha256 FROM labels WHERE state IN ('reviewed', 'corrected') "
                    "GROUP BY text_sha256 HAVING COUNT(DISTINCT label) > 1"
                )
            ]
            groups = [
                _since_settlement(
                    [
                        LabelRow(**dict(row))
                        for row in db.execute(
                            "SELECT * FROM labels WHERE text_sha256 = ? AND state IN "
                            "('reviewed', 'corrected') ORDER BY id",
                            (digest,),
                        )
                    ]
                )
                for digest in hashes
            ]
        return [group for group in groups if len({row.label for row in group}) > 1]

    def settle(self, row_id: int, label: str, who: str, note: str | None = None) -> int:
        """Decide the label of the text of label ``row_id``; return the new row's id.

        Raises
        ------
        KeyError
            When no label has this row id.
        ValueError
            For an unknown label.
        """
        row = self.get(row_id)
        if row is None:
            raise KeyError(
                f"no label with id {row_id}; `paradip labels list --conflicts` shows them"
            )
        [new_id] = self.add(
            [
                NewLabel(
                    text=row.text,
                    label=label,
                    who=who,
                    origin=SETTLE_ORIGIN,
                    state="corrected",
                    item_id=row.item_id,
                    lang=row.lang,
                    entity=row.entity,
                    note=note,
                )
            ]
        )
        return new_id

    def human_labels(self) -> list[LabelRow]:
        """One human label per text, for training: texts in conflict are left out.

        When people agree on a text, the latest row stands for it.
        """
        conflicted = {group[0].text_sha256 for group in self.conflicts()}
        latest: dict[str, LabelRow] = {}
        for state in HUMAN_STATES:
            for row in self.rows(state=state):
                if row.text_sha256 not in conflicted:
                    current = latest.get(row.text_sha256)
                    if current is None or row.id > current.id:
                        latest[row.text_sha256] = row
        return sorted(latest.values(), key=lambda row: row.id)


def _since_settlement(rows: list[LabelRow]) -> list[LabelRow]:
    """One text's human labels from its latest settlement on (all of them if never settled)."""
    start = max((i for i, row in enumerate(rows) if row.origin == SETTLE_ORIGIN), default=0)
    return rows[start:]
