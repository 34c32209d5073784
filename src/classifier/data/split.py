"""Entity-disjoint train/test split, stratified by language x label.

The test split must measure the model on regions it has never seen, so whole
entities go to one split. Which entities go to test is chosen greedily so that
every language x label cell holds about the test share. Items that already
have a split keep it, and an entity already placed keeps its side: adding
labelled items never moves old ones, so the test split stays untouched.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from classifier.data.corpus import corpus_files, load_corpus
from classifier.data.schema import CorpusItem

__all__ = ["assign_splits", "split_files"]


def _cell(item: CorpusItem) -> tuple[str, str]:
    return (item.lang, item.label)


def assign_splits(
    items: Sequence[CorpusItem], test_share: float = 0.2, seed: int = 0
) -> list[CorpusItem]:
    """Return ``items`` with every empty ``split`` set, entity-disjoint.

    Parameters
    ----------
    items : sequence of CorpusItem
        The whole corpus; items that have a split keep it.
    test_share : float
        Share of each language x label cell to aim for in the test split.
    seed : int
        Seed of the order in which tied entities are considered.

    Raises
    ------
    ValueError
        When ``test_share`` is not strictly between 0 and 1, or an entity
        already sits in both splits.
    """
    if not 0 < test_share < 1:
        raise ValueError(f"test_share must be between 0 and 1 (exclusive), got {test_share}")
    rng = random.Random(seed)
    placed: dict[str, str] = {}
    for item in items:
        if item.entity and item.split and placed.setdefault(item.entity, item.split) != item.split:
            raise ValueError(f"entity {item.entity!r} is already in both splits")
    cells_total = Counter(_cell(item) for item in items)
    target = {cell: total * test_share for cell, total in cells_total.items()}
    current: Counter[tuple[str, str]] = Counter(
        _cell(item)
        for item in items
        if item.split == "test" or (not item.split and placed.get(item.entity) == "test")
    )

    new_entities: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for item in items:
        if not item.split and item.entity and item.entity not in placed:
            new_entities[item.entity][_cell(item)] += 1

    def cost(counts: Counter[tuple[str, str]]) -> float:
        return sum(((counts[c] - t) / max(t, 1.0)) ** 2 for c, t in target.items())

    # Greedy pass, largest entities first, then local search: move single
    # entities across while that brings every cell closer to its target.
    order = sorted(new_entities, key=lambda e: (-sum(new_entities[e].values()), rng.random()))
    in_test: set[str] = set()
    for entity in order:
        with_it = current + new_entities[entity]
        if cost(with_it) < cost(current):
            in_test.add(entity)
            current = with_it
    improved = True
    while improved:
        improved = False
        for entity in order:
            if entity in in_test:
                moved = current.copy()
                moved.subtract(new_entities[entity])
            else:
                moved = current + new_entities[entity]
            if cost(moved) < cost(current) - 1e-9:
                in_test ^= {entity}
                current = moved
                improved = True
    for entity in order:
        placed[entity] = "test" if entity in in_test else "train"

    # Items with no entity (``none`` items without a sub-state actor) fill
    # each cell up to its target, in a seeded random order.
    loose = [i for i, item in enumerate(items) if not item.split and not item.entity]
    rng.shuffle(loose)
    loose_split: dict[int, str] = {}
    for index in loose:
        cell = _cell(items[index])
        if current[cell] < target[cell]:
            loose_split[index] = "test"
            current[cell] += 1
        else:
            loose_split[index] = "train"

    result = []
    for index, item in enumerate(items):
        if item.split:
            result.append(item)
        elif item.entity:
            result.append(replace(item, split=placed[item.entity]))
        else:
            result.append(replace(item, split=loose_split[index]))
    return result


def _write_atomic(path: Path, items: Sequence[CorpusItem]) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
    Path(temporary).replace(path)


def split_files(paths: Sequence[Path], test_share: float = 0.2, seed: int = 0) -> Counter[str]:
    """Assign missing splits in corpus files, rewriting each file atomically.

    Returns
    -------
    Counter
        How many items each split holds afterwards.
    """
    files = corpus_files(paths)
    per_file = {path: load_corpus([path]) for path in files}
    everything = [item for items in per_file.values() for item in items]
    assigned = iter(assign_splits(everything, test_share=test_share, seed=seed))
    totals: Counter[str] = Counter()
    for path, items in per_file.items():
        updated = [next(assigned) for _ in items]
        if updated != items:
            _write_atomic(path, updated)
        totals.update(item.split for item in updated)
    return totals
