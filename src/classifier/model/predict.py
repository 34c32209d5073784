"""Classify news items with a registered model: label, scores, evidence, version.

This is the one place that turns a model's output into the result users see,
shared by ``paradip classify``, ``paradip batch`` and the API.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from classifier.data.schema import LABELS
from classifier.model.evidence import Evidence, Explainer
from classifier.model.preprocess import join_title
from classifier.model.registry import RegisteredModel

__all__ = ["Prediction", "Predictor"]

NO_LETTERS = "no Arabic, Persian or English letters to classify"
WARM_UP = (
    "Quebec opens a trade office in Tokyo",
    "زار محافظ البصرة الكويت لبحث المنافذ الحدودية",
    "استاندار خراسان رضوی به هرات سفر کرد",
)


@dataclass(frozen=True)
class Prediction:
    """What the tool says of one news item."""

    label: str
    confidence: float
    scores: dict[str, float]
    lang: str
    uncertain: bool
    model_version: str
    evidence: list[Evidence] = field(default_factory=list)
    note: str | None = None

    def to_json(self, *, with_evidence: bool = True) -> dict[str, Any]:
        """The JSON object the CLI prints and the API returns."""
        result: dict[str, Any] = {
            "label": self.label,
            "confidence": round(self.confidence, 4),
            "scores": {label: round(value, 4) for label, value in self.scores.items()},
            "lang": self.lang,
            "uncertain": self.uncertain,
        }
        if with_evidence:
            result["evidence"] = [e.to_json() for e in self.evidence]
        result["model_version"] = self.model_version
        if self.note:
            result["note"] = self.note
        return result


class Predictor:
    """A loaded model ready to classify; build once, call many times.

    Parameters
    ----------
    model : RegisteredModel
        What ``Registry.load`` returns.
    """

    def __init__(self, model: RegisteredModel) -> None:
        self.model = model
        self.version = model.version
        self.threshold = model.threshold
        steps = model.pipeline.named_steps
        self._preprocess = steps["preprocess"]
        self._features = steps["features"]
        self._classify = steps["classify"]
        self._classes = [str(c) for c in self._classify.classes_]
        self._explainer = Explainer(model.pipeline)

    def predict(
        self,
        texts: Sequence[str],
        titles: Sequence[str | None] | None = None,
        *,
        evidence: bool = True,
    ) -> list[Prediction]:
        """Classify a batch of texts (each with an optional title).

        Parameters
        ----------
        texts : sequence of str
            The news items' bodies (or whole items).
        titles : sequence of str or None, optional
            Headlines, classified together with their body.
        evidence : bool
            Trace each label back to spans of the original text; costs time.

        Returns
        -------
        list of Prediction
            In input order. A text with no letters in the three scripts gets
            ``label="none"``, uniform scores, ``uncertain=True`` and a note.
        """
        if titles is None:
            titles = [None] * len(texts)
        if len(titles) != len(texts):
            raise ValueError(f"got {len(texts)} texts but {len(titles)} titles")
        full = [join_title(title, text) for title, text in zip(titles, texts, strict=True)]
        normalised, langs = self._preprocess.transform_with_lang(full)
        if not full:
            return []
        matrix = self._features.transform(normalised)
        probabilities = self._classify.predict_proba(matrix)
        results = []
        for i, text in enumerate(full):
            if langs[i] == "und" or not normalised[i]:
                results.append(self._no_letters(langs[i]))
                continue
            row = probabilities[i]
            top = int(np.argmax(row))
            label = self._classes[top]
            scores = {name: float(row[self._classes.index(name)]) for name in LABELS}
            spans = self._explainer.explain(text, langs[i], matrix[i], label) if evidence else []
            results.append(
                Prediction(
                    label=label,
                    confidence=float(row[top]),
                    scores=scores,
                    lang=langs[i],
                    uncertain=bool(row[top] < self.threshold),
                    model_version=self.version,
                    evidence=spans,
                )
            )
        return results

    def warm_up(self) -> None:
        """Build the language tools (hazm, lingua, camel-tools) before the first real item.

        They are built lazily and cost seconds; a service or a pool of
        workers builds them once, up front, instead of inside the first
        requests.
        """
        self.predict(list(WARM_UP))

    def _no_letters(self, lang: str) -> Prediction:
        uniform = 1.0 / len(LABELS)
        return Prediction(
            label="none",
            confidence=uniform,
            scores=dict.fromkeys(LABELS, uniform),
            lang=lang,
            uncertain=True,
            model_version=self.version,
            note=NO_LETTERS,
        )
