"""``paradip data check``: everything that must hold of a labelled corpus.

Errors (the corpus is not fit to train on): a line that breaks the schema, a
duplicate id, a text whose language is not its ``lang``, duplicate or
near-duplicate texts, an entity in both splits, an item without a split.
Warnings (worth a look, not fatal): six-word runs shared between items
(templates), an entity holding more than 4 % of the items, or an entity seen
under one label only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from classifier.data.corpus import CorpusLine, read_corpus
from classifier.data.near_duplicates import near_duplicate_pairs
from classifier.data.schema import LABELS, LANGS, SPLITS, CorpusItem
from classifier.text.langid import detect_language
from classifier.text.normalize import normalize

__all__ = ["CheckReport", "check_corpus"]

NEAR_DUPLICATE_JACCARD = 0.7
MAX_ENTITY_SHARE = 0.04
TEMPLATE_RUN_WORDS = 6


@dataclass
class CheckReport:
    """What ``check_corpus`` found: problems by place, and the counts table."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    counts: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    n_items: int = 0

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not self.errors

    def table(self) -> list[list[str]]:
        """Rows of the language x label x split counts table, with totals."""
        rows = [["lang", "label", *SPLITS, "total"]]
        for lang in LANGS:
            for label in LABELS:
                per_split = [self.counts[(lang, label, split)] for split in SPLITS]
                rows.append([lang, label, *map(str, per_split), str(sum(per_split))])
            per_split = [
                sum(self.counts[(lang, label, split)] for label in LABELS) for split in SPLITS
            ]
            rows.append([lang, "all", *map(str, per_split), str(sum(per_split))])
        per_split = [sum(v for k, v in self.counts.items() if k[2] == split) for split in SPLITS]
        rows.append(["all", "all", *map(str, per_split), str(sum(per_split))])
        return rows


def _where(line: CorpusLine) -> str:
    return line.where


def _template_runs(lines: list[CorpusLine], normalised: list[str]) -> list[str]:
    """Pairs of items that share a run of six or more words, longest run first."""
    seen: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, text in enumerate(normalised):
        words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
        for start in range(len(words) - TEMPLATE_RUN_WORDS + 1):
            members = seen[tuple(words[start : start + TEMPLATE_RUN_WORDS])]
            if not members or members[-1] != index:
                members.append(index)
    shared_windows: Counter[tuple[int, int]] = Counter()
    example: dict[tuple[int, int], tuple[str, ...]] = {}
    for run, members in seen.items():
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                shared_windows[(first, second)] += 1
                example.setdefault((first, second), run)
    return [
        f"{lines[second].where}: shares a run of {windows + TEMPLATE_RUN_WORDS - 1}+ words "
        f"with {lines[first].where}, e.g. {' '.join(example[(first, second)])!r}"
        for (first, second), windows in shared_windows.most_common()
    ]


def check_corpus(paths: Iterable[Path], *, detect_lang: bool = True) -> CheckReport:
    """Check corpus files and count them.

    Parameters
    ----------
    paths : iterable of Path
        Files or folders of ``*.jsonl``.
    detect_lang : bool
        Check each text's language with the project's detector.

    Returns
    -------
    CheckReport
        Every problem, each naming ``file:line``.
    """
    report = CheckReport()
    lines: list[CorpusLine] = []
    for line in read_corpus(paths):
        if line.item is None:
            report.errors.append(f"{line.where}: {line.error}")
        else:
            lines.append(line)
    items: list[CorpusItem] = [line.item for line in lines if line.item is not None]
    report.n_items = len(items)

    first_seen: dict[str, str] = {}
    for line, item in zip(lines, items, strict=True):
        if item.id in first_seen:
            report.errors.append(
                f"{line.where}: duplicate id {item.id!r} (first at {first_seen[item.id]})"
            )
        else:
            first_seen[item.id] = line.where
        if not item.split:
            report.errors.append(
                f"{line.where}: no split; set 'train' or 'test', "
                "or run 'paradip data split' to place new entities"
            )
        if detect_lang:
            detected = detect_language(item.text)
            if detected != item.lang:
                report.errors.append(
                    f"{line.where}: lang is {item.lang!r} but the text reads as {detected!r}"
                )
        report.counts[(item.lang, item.label, item.split)] += 1

    normalised = [normalize(item.text, item.lang) for item in items]
    for first, second, similarity in near_duplicate_pairs(normalised, NEAR_DUPLICATE_JACCARD):
        kind = "duplicate" if normalised[first] == normalised[second] else "near-duplicate"
        report.errors.append(
            f"{lines[second].where}: {kind} of {lines[first].where} "
            f"(character 5-gram Jaccard {similarity:.2f} > {NEAR_DUPLICATE_JACCARD})"
        )

    entity_splits: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    entity_labels: dict[str, set[str]] = defaultdict(set)
    for line, item in zip(lines, items, strict=True):
        if item.entity and item.split:
            entity_splits[item.entity][item.split].append(line.where)
            entity_labels[item.entity].add(item.label)
    for entity, splits in sorted(entity_splits.items()):
        if len(splits) > 1:
            places = "; ".join(
                f"{split}: {', '.join(where[:2])}" for split, where in splits.items()
            )
            report.errors.append(
                f"entity {entity!r} is in both splits ({places}); the test split must hold "
                "only entities training never sees"
            )
        total = sum(len(where) for where in splits.values())
        if items and total / len(items) > MAX_ENTITY_SHARE:
            report.warnings.append(
                f"entity {entity!r} holds {total} items ({total / len(items):.1%} > "
                f"{MAX_ENTITY_SHARE:.0%}): the model may learn the name, not the codebook"
            )
        if len(entity_labels[entity]) == 1:
            report.warnings.append(
                f"entity {entity!r} appears under one label only "
                f"({next(iter(entity_labels[entity]))})"
            )
    report.warnings.extend(_template_runs(lines, normalised))
    return report
