"""The entity-disjoint split."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from classifier.cli import app
from classifier.data.schema import CorpusItem
from classifier.data.split import assign_splits

runner = CliRunner(env={"COLUMNS": "250", "TERMINAL_WIDTH": "250"})


def item(
    n: int, entity: str, label: str = "parallel", lang: str = "en", split: str = ""
) -> CorpusItem:
    return CorpusItem(
        id=f"x{n}",
        lang=lang,
        text=f"text {n}",
        label=label,
        entity=entity,
        country="c",
        partner="",
        rule="R4" if label == "parallel" else "R1-other",
        provenance="authored",
        split=split,
    )


def test_entities_never_straddle_and_share_is_near_target() -> None:
    items = [item(i, f"E{i % 40}", label=("parallel", "none")[i % 2]) for i in range(400)]
    items += [item(1000 + i, "", label="none") for i in range(100)]
    result = assign_splits(items, test_share=0.2, seed=1)
    sides: dict[str, set[str]] = {}
    for it in result:
        if it.entity:
            sides.setdefault(it.entity, set()).add(it.split)
    assert all(len(s) == 1 for s in sides.values())
    share = Counter(it.split for it in result)["test"] / len(result)
    assert 0.15 <= share <= 0.25


def test_existing_splits_are_kept_and_entities_follow_them() -> None:
    old = [item(1, "Quebec", split="test"), item(2, "Scotland", split="train")]
    new = [item(3, "Quebec"), item(4, "Scotland")]
    result = assign_splits(old + new)
    assert [it.split for it in result] == ["test", "train", "test", "train"]


def test_bad_share_and_straddling_entity_are_errors() -> None:
    with pytest.raises(ValueError, match="test_share must be between 0 and 1"):
        assign_splits([item(1, "A")], test_share=1.5)
    with pytest.raises(ValueError, match="entity 'A' is already in both splits"):
        assign_splits([item(1, "A", split="train"), item(2, "A", split="test")])


def test_cli_split_rewrites_files(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    items = [replace(item(i, f"E{i % 10}"), text=f"distinct text number {i}") for i in range(50)]
    path.write_text("".join(json.dumps(i.to_json()) + "\n" for i in items), encoding="utf-8")
    result = runner.invoke(app, ["data", "split", str(path), "--seed", "3"])
    assert result.exit_code == 0, result.output
    splits = [json.loads(line)["split"] for line in path.read_text().splitlines()]
    assert set(splits) == {"train", "test"}
    assert f"train: {splits.count('train')}, test: {splits.count('test')}" in result.output
