"""The one Pipeline: normalise, featurise, classify.

Training, the command line and the API all run this object, so the
preprocessing cannot drift between them. Retraining is
``clone(pipeline).fit(texts, labels)``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from classifier.model.cues import CueVectorizer
from classifier.model.preprocess import TextPreprocessor
from classifier.model.vectorizers import CompactTfidfVectorizer

__all__ = ["ModelParams", "build_features", "build_pipeline"]

#: Tokens of the normalised text: runs of letters and digits (punctuation
#: stands apart after normalisation and carries no label signal).
TOKEN_PATTERN = r"(?u)\b\w+\b"


@dataclass(frozen=True)
class ModelParams:
    """The choices model selection makes; recorded on the model card."""

    word_ngrams: int = 2
    char_ngrams: tuple[int, int] | None = (2, 5)
    cues: bool = True
    classifier: Literal["logreg", "linearsvc"] = "logreg"
    C: float = 10.0
    calibration: Literal["sigmoid", "isotonic"] = "sigmoid"
    min_df: int = 2

    def to_json(self) -> dict[str, Any]:
        """Return the parameters as JSON-ready values."""
        values = asdict(self)
        values["char_ngrams"] = list(self.char_ngrams) if self.char_ngrams else None
        return values

    @classmethod
    def from_json(cls, values: dict[str, Any]) -> ModelParams:
        """Rebuild parameters from their JSON form (the card's ``params``)."""
        values = dict(values)
        if values.get("char_ngrams") is not None:
            values["char_ngrams"] = tuple(values["char_ngrams"])
        return cls(**values)


def build_features(params: ModelParams) -> FeatureUnion:
    """Word n-grams, optional character n-grams and the codebook's cue phrases."""
    parts: list[tuple[str, Any]] = [
        (
            "words",
            CompactTfidfVectorizer(
                analyzer="word",
                ngram_range=(1, params.word_ngrams),
                token_pattern=TOKEN_PATTERN,
                lowercase=False,
                min_df=params.min_df,
                sublinear_tf=True,
            ),
        )
    ]
    if params.char_ngrams:
        parts.append(
            (
                "chars",
                CompactTfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=params.char_ngrams,
                    lowercase=False,
                    min_df=params.min_df,
                    sublinear_tf=True,
                ),
            )
        )
    if params.cues:
        parts.append(("cues", CueVectorizer()))
    return FeatureUnion(parts)


def _classifier(params: ModelParams, seed: int) -> Any:
    if params.classifier == "logreg":
        return LogisticRegression(C=params.C, max_iter=5000, random_state=seed)
    return LinearSVC(C=params.C, random_state=seed)


def build_pipeline(params: ModelParams | None = None, seed: int = 0) -> Pipeline:
    """Return the unfitted pipeline for ``params``.

    The classifier is wrapped in ``CalibratedClassifierCV`` (``ensemble=False``:
    one linear model fitted on all data, whose coefficients explain each
    prediction, and a calibration map learned from cross-validated scores).
    """
    params = params or ModelParams()
    classify = CalibratedClassifierCV(
        _classifier(params, seed), method=params.calibration, cv=5, ensemble=False
    )
    return Pipeline(
        [
            ("preprocess", TextPreprocessor()),
            ("features", build_features(params)),
            ("classify", classify),
        ]
    )
