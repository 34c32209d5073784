"""The first step of the pipeline: language identification, then normalisation.

Being a pipeline step is what guarantees that training, the command line and
the API see text through exactly the same preprocessing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sklearn.base import BaseEstimator, TransformerMixin

from classifier.text.langid import detect_language
from classifier.text.normalize import normalize

__all__ = ["TextPreprocessor", "join_title"]


def join_title(title: str | None, text: str) -> str:
    """Join a headline and a body the way the corpus stores them (a newline between)."""
    if title and title.strip():
        return f"{title.strip()}\n{text}"
    return text


class TextPreprocessor(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Detect each text's language and apply that language's normalisation chain.

    It learns nothing: ``fit`` only records that it was called, as scikit-learn
    estimators do, so that the pipeline can be cloned and refitted.
    """

    def fit(self, X: Iterable[str], y: Any = None) -> TextPreprocessor:  # noqa: N803
        """Return ``self``; there is nothing to learn."""
        self.fitted_ = True
        return self

    def transform(self, X: Iterable[str]) -> list[str]:  # noqa: N803
        """Return the canonical form of each text."""
        return self.transform_with_lang(X)[0]

    def transform_with_lang(self, X: Iterable[str]) -> tuple[list[str], list[str]]:  # noqa: N803
        """Return the canonical forms and the detected languages, in one pass.

        Predictions report each item's language; detecting it once here saves
        a second detection.
        """
        texts: list[str] = []
        langs: list[str] = []
        for text in X:
            if not isinstance(text, str):
                raise TypeError(f"expected text as str, got {type(text).__name__}")
            lang = detect_language(text)
            langs.append(lang)
            texts.append(normalize(text, lang))
        return texts, langs

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.requires_fit = False
        return tags
