"""Metrics of a labelled evaluation: the figures cards and reports carry."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_recall_fscore_support,
)

from classifier.data.schema import LABELS

__all__ = ["expected_calibration_error", "label_metrics", "summarise"]

ECE_BINS = 15


def expected_calibration_error(
    confidence: np.ndarray, correct: np.ndarray, n_bins: int = ECE_BINS
) -> float:
    """Top-label expected calibration error with equal-width bins.

    The weighted mean gap between how sure the model said it was and how often
    it was right, bin by bin: 0.03 means a stated 0.80 is right about 77-83 %
    of the time.
    """
    if len(confidence) == 0:
        return 0.0
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    bins = np.clip(np.digitize(confidence, edges[1:-1], right=True), 0, n_bins - 1)
    total = 0.0
    for b in range(n_bins):
        mask = bins == b
        if mask.any():
            total += mask.mean() * abs(confidence[mask].mean() - correct[mask].mean())
    return float(total)


def label_metrics(y_true: Sequence[str], y_pred: Sequence[str]) -> dict[str, Any]:
    """Accuracy, macro-F1, per-label precision/recall/F1/support and the confusion matrix."""
    precision, recall, f1, support = precision_recall_fscore_support(
        y_true, y_pred, labels=list(LABELS), zero_division=0
    )
    return {
        "n": len(y_true),
        "accuracy": float(accuracy_score(y_true, y_pred)) if len(y_true) else 0.0,
        "macro_f1": float(
            f1_score(y_true, y_pred, labels=list(LABELS), average="macro", zero_division=0)
        ),
        "per_label": {
            label: {
                "precision": float(precision[i]),
                "recall": float(recall[i]),
                "f1": float(f1[i]),
                "support": int(support[i]),
            }
            for i, label in enumerate(LABELS)
        },
        "confusion": {
            "labels": list(LABELS),
            "matrix": confusion_matrix(y_true, y_pred, labels=list(LABELS)).tolist(),
        },
    }


def summarise(
    y_true: Sequence[str],
    y_pred: Sequence[str],
    langs: Sequence[str],
    confidence: np.ndarray | None = None,
) -> dict[str, Any]:
    """All metrics overall and per language; ECE when confidences are given."""
    y_true_a, y_pred_a, langs_a = np.asarray(y_true), np.asarray(y_pred), np.asarray(langs)
    result = label_metrics(list(y_true_a), list(y_pred_a))
    if confidence is not None:
        result["ece"] = expected_calibration_error(confidence, y_true_a == y_pred_a)
    result["per_language"] = {}
    for lang in sorted(set(langs_a.tolist())):
        mask = langs_a == lang
        per_lang = label_metrics(list(y_true_a[mask]), list(y_pred_a[mask]))
        if confidence is not None:
            per_lang["ece"] = expected_calibration_error(
                confidence[mask], y_true_a[mask] == y_pred_a[mask]
            )
        result["per_language"][lang] = per_lang
    return result
