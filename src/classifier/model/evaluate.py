"""Evaluation on a labelled split: the model and the three baselines side by side."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.pipeline import Pipeline

from classifier.data.schema import LABELS, CorpusItem
from classifier.model.baselines import FastTextBaseline, KeywordRules, MajorityBaseline
from classifier.model.metrics import summarise
from classifier.model.preprocess import TextPreprocessor

__all__ = ["evaluate", "render_markdown"]


def evaluate(
    pipeline: Pipeline,
    train: Sequence[CorpusItem],
    test: Sequence[CorpusItem],
    *,
    seed: int = 0,
    baselines: bool = True,
) -> dict[str, Any]:
    """Score ``pipeline`` on ``test``; train and score the baselines on the same split.

    Returns
    -------
    dict
        ``{"n_test", "model": metrics, "baselines": {name: metrics}}``, where
        metrics come from :func:`classifier.model.metrics.summarise`.
    """
    if not test:
        raise ValueError("the evaluation set is empty: nothing to evaluate")
    texts = [item.text for item in test]
    y_true = [item.label for item in test]
    langs = [item.lang for item in test]
    probabilities = pipeline.predict_proba(texts)
    classes = [str(c) for c in pipeline.classes_]
    y_pred = [classes[i] for i in probabilities.argmax(axis=1)]
    report: dict[str, Any] = {
        "n_test": len(test),
        "model": summarise(y_true, y_pred, langs, probabilities.max(axis=1)),
        "baselines": {},
    }
    if baselines and train:
        preprocess = TextPreprocessor()
        train_norm = preprocess.transform([item.text for item in train])
        test_norm = preprocess.transform(texts)
        train_labels = [item.label for item in train]
        for name, baseline in (
            ("majority", MajorityBaseline()),
            ("keyword_rules", KeywordRules()),
            ("fasttext", FastTextBaseline(seed=seed)),
        ):
            baseline.fit(train_norm, train_labels)
            report["baselines"][name] = summarise(y_true, baseline.predict(test_norm), langs)
    return report


def _row(name: str, metrics: dict[str, Any]) -> str:
    langs = metrics["per_language"]
    per_lang = " | ".join(
        f"{langs[lang]['macro_f1']:.3f}" if lang in langs else "-" for lang in ("ar", "fa", "en")
    )
    ece = f"{metrics['ece']:.3f}" if "ece" in metrics else "-"
    return (
        f"| {name} | {metrics['accuracy']:.3f} | {metrics['macro_f1']:.3f} | {per_lang} | {ece} |"
    )


def render_markdown(report: dict[str, Any], title: str) -> str:
    """The evaluation as Markdown: comparison table, per-label figures, confusion matrix."""
    model = report["model"]
    lines = [
        f"# {title}",
        "",
        f"{report['n_test']} items.",
        "",
        "| system | accuracy | macro-F1 | ar | fa | en | ECE |",
        "|---|---|---|---|---|---|---|",
        _row("paradip", model),
        *(_row(name, metrics) for name, metrics in report["baselines"].items()),
        "",
        "## paradip per label",
        "",
        "| label | precision | recall | F1 | support |",
        "|---|---|---|---|---|",
    ]
    for label in LABELS:
        m = model["per_label"][label]
        lines.append(
            f"| {label} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} "
            f"| {m['support']} |"
        )
    lines += ["", "## Confusion matrix (rows: true, columns: predicted)", ""]
    lines.append("| | " + " | ".join(LABELS) + " |")
    lines.append("|---" * (len(LABELS) + 1) + "|")
    for label, row in zip(LABELS, model["confusion"]["matrix"], strict=True):
        lines.append(f"| {label} | " + " | ".join(str(v) for v in row) + " |")
    lines += [
        "",
        "## paradip per language",
        "",
        "| lang | n | accuracy | macro-F1 | ECE |",
        "|---|---|---|---|---|",
    ]
    for lang, m in model["per_language"].items():
        lines.append(
            f"| {lang} | {m['n']} | {m['accuracy']:.3f} | {m['macro_f1']:.3f} "
            f"| {m.get('ece', float('nan')):.3f} |"
        )
    return "\n".join(lines) + "\n"


def macro_f1_table(report: dict[str, Any]) -> list[list[str]]:
    """Rows for a terminal table: system, accuracy, macro-F1 overall and per language, ECE."""
    rows = [["system", "accuracy", "macro-F1", "ar", "fa", "en", "ECE"]]
    systems = [("paradip", report["model"]), *report["baselines"].items()]
    for name, metrics in systems:
        langs = metrics["per_language"]
        rows.append(
            [
                name,
                f"{metrics['accuracy']:.3f}",
                f"{metrics['macro_f1']:.3f}",
                *(
                    f"{langs[lang]['macro_f1']:.3f}" if lang in langs else "-"
                    for lang in ("ar", "fa", "en")
                ),
                f"{metrics['ece']:.3f}" if "ece" in metrics else "-",
            ]
        )
    return rows


def confidence_correct(
    probabilities: np.ndarray, y_true: Sequence[str], classes: Sequence[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Top probability and whether the top label was right, per item."""
    top = probabilities.argmax(axis=1)
    correct = np.asarray([classes[i] == y for i, y in zip(top, y_true, strict=True)])
    return probabilities.max(axis=1), correct
