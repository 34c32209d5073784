"""Settling a conflict between people's labels: in the store and from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from classifier.cli import app
from classifier.labels.store import LabelStore, NewLabel

runner = CliRunner(env={"COLUMNS": "200"})


def _conflicted(tmp_path: Path) -> tuple[LabelStore, list[int]]:
    store = LabelStore(tmp_path)
    ids = store.add(
        [
            NewLabel(text="Quebec opens office", label="parallel", who="ana", origin="test"),
            NewLabel(text="Quebec opens office", label="complementary", who="bo", origin="test"),
            NewLabel(text="Erbil signs deal", label="none", who="ana", origin="test"),
        ]
    )
    return store, ids


def test_a_settlement_ends_the_conflict_and_decides_the_training_label(tmp_path: Path) -> None:
    store, ids = _conflicted(tmp_path)
    assert len(store.conflicts()) == 1
    assert [row.text for row in store.human_labels()] == ["Erbil signs deal"]

    new_id = store.settle(ids[1], "parallel", who="lead", note="own office, no mandate")
    assert store.conflicts() == []
    settled = store.get(new_id)
    assert settled is not None
    assert (settled.origin, settled.state, settled.label) == ("settle", "corrected", "parallel")
    assert {(row.text, row.label) for row in store.human_labels()} == {
        ("Quebec opens office", "parallel"),
        ("Erbil signs deal", "none"),
    }
    assert store.count() == 4  # nothing overwritten


def test_a_later_disagreement_is_a_new_conflict_with_the_settlement(tmp_path: Path) -> None:
    store, ids = _conflicted(tmp_path)
    store.settle(ids[0], "parallel", who="lead")
    store.add([NewLabel(text="Quebec opens office", label="none", who="cy", origin="test")])
    [group] = store.conflicts()
    assert [(row.origin, row.label) for row in group] == [("settle", "parallel"), ("test", "none")]


def test_settling_an_unknown_row_or_with_an_unknown_label_is_refused(tmp_path: Path) -> None:
    store, ids = _conflicted(tmp_path)
    with pytest.raises(KeyError, match="no label with id 99"):
        store.settle(99, "parallel", who="lead")
    with pytest.raises(ValueError, match="unknown label 'secession'"):
        store.settle(ids[0], "secession", who="lead")
    assert store.count() == 3


def test_settle_command(tmp_path: Path) -> None:
    _, ids = _conflicted(tmp_path)
    data = ["--data-dir", str(tmp_path)]
    listed = runner.invoke(app, ["labels", "list", "--conflicts", *data])
    assert listed.exit_code == 0
    assert "1 text(s) with conflicting labels" in listed.stdout

    done = runner.invoke(
        app, ["labels", "settle", str(ids[0]), "--label", "parallel", "--who", "lead", *data]
    )
    assert done.exit_code == 0, done.output
    assert done.stdout == f"settled: label 4 says 'parallel' for the text of label {ids[0]}\n"
    after = runner.invoke(app, ["labels", "list", "--conflicts", *data])
    assert "0 text(s) with conflicting labels" in after.stdout

    missing = runner.invoke(app, ["labels", "settle", "42", "--label", "none", *data])
    assert missing.exit_code == 1
    assert "no label with id 42; `paradip labels list --conflicts` shows them" in missing.stderr
    wrong = runner.invoke(app, ["labels", "settle", str(ids[0]), "--label", "secession", *data])
    assert wrong.exit_code == 1
    assert "unknown label 'secession'; the labels are" in wrong.stderr
