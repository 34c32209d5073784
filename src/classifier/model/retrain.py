"""``paradip retrain``: learn from stored labels, prove the candidate is not worse, promote.

A candidate is trained on the corpus's train split plus the people's labels
from the label store (machine labels are never trained on; texts whose human
labels conflict are left out), with the active model's parameters. A share
of the new labels is held out. The candidate and the active model are then
scored on the same two sets: the fixed test split and the held-out new
labels. The candidate is promoted only when it is not worse on the test
split by more than ``tolerance`` macro-F1 and at least as good on the new
labels; otherwise it is registered but left inactive, and the result says
why. Nothing is written to the label store, and the active pointer moves
only after the candidate is fully registered, so a failed or killed retrain
leaves both as they were.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from classifier.data.corpus import load_corpus
from classifier.data.schema import CorpusItem
from classifier.labels.store import LabelRow, LabelStore
from classifier.model.metrics import summarise
from classifier.model.pipeline import ModelParams
from classifier.model.registry import Registry
from classifier.model.train import train

__all__ = ["RetrainResult", "retrain", "split_new_labels"]

Progress = Callable[[str], None]


@dataclass(frozen=True)
class RetrainResult:
    """What a retrain did and why."""

    candidate: str
    active_before: str
    promoted: bool
    forced: bool
    reason: str
    comparison: dict[str, Any]


def _as_item(row: LabelRow, split: str) -> CorpusItem:
    return CorpusItem(
        id=f"label-{row.id}",
        lang=row.lang or "und",
        text=row.text,
        label=row.label,
        entity=row.entity or "",
        country="",
        partner="",
        rule="R5",
        provenance="authored",
        split=split,
    )


def split_new_labels(
    rows: Sequence[LabelRow], holdout: float, seed: int
) -> tuple[list[LabelRow], list[LabelRow]]:
    """Hold out ``holdout`` of each label's new rows (seeded); return (fit, held_out)."""
    by_label: dict[str, list[LabelRow]] = defaultdict(list)
    for row in rows:
        by_label[row.label].append(row)
    rng = random.Random(seed)
    fit: list[LabelRow] = []
    held: list[LabelRow] = []
    for label in sorted(by_label):
        group = sorted(by_label[label], key=lambda r: r.id)
        rng.shuffle(group)
        cut = round(len(group) * holdout)
        held += group[:cut]
        fit += group[cut:]
    return sorted(fit, key=lambda r: r.id), sorted(held, key=lambda r: r.id)


def _scores(pipeline: Any, items: Sequence[CorpusItem]) -> dict[str, Any]:
    if not items:
        return {}
    predicted = [str(label) for label in pipeline.predict([item.text for item in items])]
    metrics = summarise([i.label for i in items], predicted, [i.lang for i in items])
    return {
        "n": metrics["n"],
        "macro_f1": metrics["macro_f1"],
        "accuracy": metrics["accuracy"],
        "per_language": {lang: m["macro_f1"] for lang, m in metrics["per_language"].items()},
        "per_label": {label: m["f1"] for label, m in metrics["per_label"].items()},
    }


def retrain(
    corpus: Sequence[Path],
    registry: Registry,
    store: LabelStore,
    *,
    tolerance: float = 0.01,
    holdout: float = 0.2,
    seed: int = 0,
    force: bool = False,
    progress: Progress = lambda message: None,
) -> RetrainResult:
    """Train, compare and maybe promote a candidate; see the module docstring.

    Raises
    ------
    ValueError
        When the store holds no human label to learn from.
    classifier.model.registry.ModelLoadError
        When there is no active model to compare with.
    """
    active = registry.load()
    rows = store.human_labels()
    if not rows:
        raise ValueError(
            "the label store holds no reviewed or corrected label to learn from; "
            "add some with 'paradip labels import' or POST /v1/feedback"
        )
    fit_rows, held_rows = split_new_labels(rows, holdout, seed)
    progress(f"{len(rows)} human labels: {len(fit_rows)} to train on, {len(held_rows)} held out")
    params = ModelParams.from_json(active.card["params"])
    result = train(
        corpus,
        registry,
        seed=seed,
        activate=False,
        params=params,
        extra_train=[_as_item(row, "train") for row in fit_rows],
        progress=progress,
    )
    candidate = registry.load(result.version)
    test_items = [item for item in load_corpus(corpus) if item.split == "test"]
    held_items = [_as_item(row, "test") for row in held_rows]
    comparison: dict[str, Any] = {
        "test": {
            "active": _scores(active.pipeline, test_items),
            "candidate": _scores(candidate.pipeline, test_items),
        },
        "new_labels": {
            "active": _scores(active.pipeline, held_items),
            "candidate": _scores(candidate.pipeline, held_items),
        },
        "tolerance": tolerance,
    }
    test_drop = (
        comparison["test"]["active"]["macro_f1"] - comparison["test"]["candidate"]["macro_f1"]
    )
    reasons = []
    if test_drop > tolerance:
        reasons.append(
            f"test-split macro-F1 falls by {test_drop:.4f}, more than the tolerance {tolerance}"
        )
    if held_items and (
        comparison["new_labels"]["candidate"]["macro_f1"]
        < comparison["new_labels"]["active"]["macro_f1"]
    ):
        reasons.append("it is worse than the active model on the held-out new labels")
    promoted = not reasons or force
    reason = (
        "not worse on the test split (within tolerance) and at least as good on the new labels"
        if not reasons
        else "; ".join(reasons) + (" (promoted anyway: --force)" if force else "")
    )
    registry.update_card(
        result.version,
        {
            "retrain": {
                "base_version": active.version,
                "n_new_labels": len(rows),
                "n_new_labels_trained": len(fit_rows),
                "n_new_labels_held_out": len(held_rows),
                "comparison": comparison,
                "promoted": promoted,
                "forced": force and bool(reasons),
                "reason": reason,
            }
        },
    )
    if promoted:
        registry.activate(result.version)
    return RetrainResult(
        candidate=result.version,
        active_before=active.version,
        promoted=promoted,
        forced=force and bool(reasons),
        reason=reason,
        comparison=comparison,
    )
