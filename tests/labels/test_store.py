"""The label store and importing labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classifier.labels.importing import ImportRejectedError, import_labels
from classifier.labels.store import LabelStore, NewLabel


def label(text: str, value: str, state: str = "reviewed", who: str = "ana") -> NewLabel:
    return NewLabel(text=text, label=value, who=who, origin="test", state=state)


def test_labels_are_added_never_overwritten_and_conflicts_shown(tmp_path: Path) -> None:
    store = LabelStore(tmp_path)
    assert store.path == tmp_path / "labels.sqlite"
    store.add(
        [
            label("Quebec opens office", "parallel"),
            label("Quebec opens office ", "complementary", who="bo"),
        ]
    )
    store.add(
        [label("Erbil signs deal", "parallel", state="machine"), label("Erbil signs deal", "none")]
    )
    assert store.count() == 4
    [group] = store.conflicts()
    assert {row.label for row in group} == {"parallel", "complementary"}
    assert {row.who for row in group} == {"ana", "bo"}
    human = store.human_labels()
    assert [(row.text, row.label) for row in human] == [("Erbil signs deal", "none")]
    assert [row.state for row in store.rows(state="machine")] == ["machine"]


def test_bad_label_or_state_stores_nothing(tmp_path: Path) -> None:
    store = LabelStore(tmp_path)
    with pytest.raises(
        ValueError, match=r"unknown label 'secession'; the labels are \['complementary'"
    ):
        store.add([label("a", "parallel"), label("b", "secession")])
    with pytest.raises(ValueError, match="unknown state 'guessed'"):
        store.add([label("a", "parallel", state="guessed")])
    assert store.count() == 0


def write(path: Path, rows: list[object]) -> Path:
    path.write_text(
        "".join(
            (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows
        ),
        encoding="utf-8",
    )
    return path


def test_import_is_all_or_nothing_with_line_and_reason(tmp_path: Path) -> None:
    store = LabelStore(tmp_path / "data")
    path = write(
        tmp_path / "l.jsonl",
        [
            {"id": "1", "text": "Quebec opens its own trade office in Tokyo", "label": "parallel"},
            {"id": "2", "text": "Quebec opens office", "label": "separatist"},
            {"id": "3", "text": "   ", "label": "none"},
            {"id": "4", "text": "Basra governor visits Kuwait", "label": "none", "lang": "ar"},
            "{oops",
        ],
    )
    with pytest.raises(
        ImportRejectedError, match="4 line\\(s\\) cannot be imported, so nothing was stored"
    ) as info:
        import_labels(path, store, who="ana")
    assert [(r.line, r.reason.split(";")[0]) for r in info.value.rejections] == [
        (2, "unknown label 'separatist'"),
        (3, "empty text"),
        (4, "lang is 'ar' but the text reads as 'en'"),
        (5, "invalid JSON: Expecting property name enclosed in double quotes at column 2"),
    ]
    assert store.count() == 0
    count, skipped = import_labels(path, store, who="ana", skip_invalid=True)
    assert (count, len(skipped)) == (1, 4)
    [row] = store.rows()
    assert (row.item_id, row.lang, row.state, row.origin) == ("1", "en", "reviewed", "file:l.jsonl")


def test_import_csv(tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    path.write_text(
        "text,label,entity\nزار محافظ البصرة الكويت,none,Basra Governorate\n", encoding="utf-8"
    )
    store = LabelStore(tmp_path)
    assert import_labels(path, store, who="ana") == (1, [])
    assert store.rows()[0].lang == "ar"
    assert store.rows()[0].entity == "Basra Governorate"
