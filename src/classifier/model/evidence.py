"""Evidence: the spans of the original text that pushed hardest toward a label.

The classifier is linear, so each feature's push toward label ``k`` is its
value times ``W[k] - mean(W[j != k])``. The features are word n-grams, cue
phrases and character n-grams of the *normalised* text; each is traced back
to the words of the text as the user gave it (character offsets into the
original string), and adjacent words that push the same way are joined into
one span.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

import numpy as np
import regex
import scipy.sparse as sp
from sklearn.pipeline import Pipeline

from classifier.text.normalize import normalize

__all__ = ["Evidence", "Explainer"]

_WORD_RE: Final = regex.compile(r"[^\s\p{P}\p{S}]+(?:['’][^\s\p{P}\p{S}]+)*")
MAX_SPANS: Final = 5
MAX_SPAN_WORDS: Final = 6


@dataclass(frozen=True)
class Evidence:
    """One span of the original text and how hard it pushed toward ``label``."""

    text: str
    start: int
    end: int
    label: str
    weight: float

    def to_json(self) -> dict[str, Any]:
        """The span as the JSON the CLI and the API return."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "weight": round(self.weight, 4),
        }


_PIECES_CACHE: dict[tuple[str, str], tuple[str, ...]] = {}
_PIECES_CACHE_SIZE: Final = 200_000
_SEPARATOR: Final = "|"


def _pieces(words: list[str], lang: str) -> list[tuple[str, ...]]:
    """Each word's normalised pieces, normalising the unseen words in one call.

    A word is normalised on its own, so that its pieces can be traced back
    to it; calling a chain once per word cost more than classifying the
    text (hazm alone rebuilds a translation table on every call). The words
    not yet seen are joined with a separator that every chain keeps as one
    token and normalised together; if the separator count does not come
    back intact, each word is normalised on its own. On the corpus's
    vocabulary the two give identical pieces.
    """
    found = {word: _PIECES_CACHE.get((word, lang)) for word in words}
    unseen = [word for word, pieces in found.items() if pieces is None]
    if unseen:
        joined = normalize(f" {_SEPARATOR} ".join(unseen), lang)
        parts = joined.split(f" {_SEPARATOR} ") if joined else [""]
        if len(parts) != len(unseen) or any(_SEPARATOR in part for part in parts):
            parts = [normalize(word, lang) for word in unseen]
        if len(_PIECES_CACHE) + len(unseen) > _PIECES_CACHE_SIZE:
            _PIECES_CACHE.clear()
        for word, part in zip(unseen, parts, strict=True):
            found[word] = _PIECES_CACHE[(word, lang)] = tuple(part.split())
    return [found[word] or () for word in words]


class Explainer:
    """Traces a fitted pipeline's linear scores back to words of the input.

    Parameters
    ----------
    pipeline : Pipeline
        A fitted paradip pipeline (preprocess, features, classify).
    """

    def __init__(self, pipeline: Pipeline) -> None:
        features = pipeline.named_steps["features"]
        classify = pipeline.named_steps["classify"]
        base = classify.calibrated_classifiers_[0].estimator
        self.classes_: list[str] = [str(c) for c in classify.classes_]
        self.coef_ = np.asarray(base.coef_, dtype=np.float64)
        self.offsets_: dict[str, int] = {}
        self.word_vocab_: dict[str, int] = {}
        self.char_vocab_: dict[str, int] = {}
        self.cue_vocab_: dict[str, int] = {}
        self.char_analyzer_: Any = None
        self.max_cue_words_ = 0
        self.directions_: dict[str, np.ndarray] = {}
        self._char_columns = lru_cache(maxsize=65536)(self._char_columns_of)
        offset = 0
        for name, transformer in features.transformer_list:
            self.offsets_[name] = offset
            if name == "words":
                self.word_vocab_ = {t: offset + i for t, i in transformer.vocabulary_.items()}
                size = len(transformer.vocabulary_)
            elif name == "chars":
                self.char_vocab_ = {t: offset + i for t, i in transformer.vocabulary_.items()}
                self.char_analyzer_ = transformer.build_analyzer()
                size = len(transformer.vocabulary_)
            else:
                self.cue_vocab_ = {p: offset + i for i, p in enumerate(transformer.phrases_)}
                self.max_cue_words_ = transformer.max_words_
                size = len(transformer.phrases_)
            offset += size

    def direction(self, label: str) -> np.ndarray:
        """The weights that separate ``label`` from the mean of the other labels."""
        if label not in self.directions_:
            k = self.classes_.index(label)
            others = np.delete(self.coef_, k, axis=0).mean(axis=0)
            self.directions_[label] = self.coef_[k] - others
        return self.directions_[label]

    def push(self, row: sp.csr_matrix, label: str) -> dict[int, float]:
        """Each present feature's push toward ``label`` against the other labels."""
        direction = self.direction(label)
        row = row.tocsr()
        return {int(j): float(v * direction[j]) for j, v in zip(row.indices, row.data, strict=True)}

    def explain(self, text: str, lang: str, row: sp.csr_matrix, label: str) -> list[Evidence]:
        """Return up to five spans of ``text`` that pushed hardest toward ``label``."""
        push = self.push(row, label)
        matches = list(_WORD_RE.finditer(text))
        pieces = _pieces([m.group() for m in matches], lang)
        words = [(m.start(), m.end(), p) for m, p in zip(matches, pieces, strict=True)]
        # Sequence of normalised pieces, each remembering its original word.
        seq: list[tuple[str, int]] = [
            (piece, index) for index, (_, _, pieces) in enumerate(words) for piece in pieces
        ]
        scores = np.zeros(len(words))
        self._spread_ngrams(seq, push, scores)
        self._spread_joined(words, push, scores)
        self._spread_chars(seq, push, scores)
        return self._spans(text, words, scores, label)

    def _spread_ngrams(
        self, seq: list[tuple[str, int]], push: dict[int, float], scores: np.ndarray
    ) -> None:
        """Word unigrams and bigrams, and cue phrases, shared among their occurrences."""
        occurrences: dict[int, list[set[int]]] = defaultdict(list)
        longest = max(2, self.max_cue_words_)
        tokens = [piece for piece, _ in seq]
        for start in range(len(seq)):
            for size in range(1, longest + 1):
                if start + size > len(seq):
                    break
                gram = " ".join(tokens[start : start + size])
                owners = {seq[i][1] for i in range(start, start + size)}
                if size <= 2 and gram in self.word_vocab_:
                    occurrences[self.word_vocab_[gram]].append(owners)
                if gram in self.cue_vocab_:
                    occurrences[self.cue_vocab_[gram]].append(owners)
        for column, places in occurrences.items():
            value = push.get(column)
            if not value:
                continue
            share = value / len(places)
            for owners in places:
                for owner in owners:
                    scores[owner] += share / len(owners)

    def _spread_joined(
        self,
        words: list[tuple[int, int, tuple[str, ...]]],
        push: dict[int, float],
        scores: np.ndarray,
    ) -> None:
        """Words the normaliser joins (``می خواهم`` -> ``میخواهم``) count for both parts."""
        for index in range(len(words) - 1):
            joined = "".join(words[index][2]) + "".join(words[index + 1][2])
            column = self.word_vocab_.get(joined)
            if column is not None and column in push:
                scores[index] += push[column] / 2
                scores[index + 1] += push[column] / 2

    def _char_columns_of(self, piece: str) -> np.ndarray:
        """Columns of the character n-grams of one piece that the model knows, with repeats."""
        grams = self.char_analyzer_(piece)
        return np.fromiter(
            (self.char_vocab_[g] for g in grams if g in self.char_vocab_), dtype=np.int64
        )

    def _spread_chars(
        self, seq: list[tuple[str, int]], push: dict[int, float], scores: np.ndarray
    ) -> None:
        """Character n-grams, shared among the occurrences of each n-gram.

        An n-gram's push is split evenly among all its occurrences in the
        text, and each occurrence adds its share to the word it lies in.
        """
        if self.char_analyzer_ is None or not seq:
            return
        per_piece = [self._char_columns(piece) for piece, _ in seq]
        columns = np.concatenate(per_piece)
        if columns.size == 0:
            return
        owners = np.repeat([owner for _, owner in seq], [len(c) for c in per_piece])
        unique, inverse, counts = np.unique(columns, return_inverse=True, return_counts=True)
        values = np.array([push.get(int(c), 0.0) for c in unique])
        shares = (values / counts)[inverse]
        scores += np.bincount(owners, weights=shares, minlength=len(scores))

    @staticmethod
    def _spans(
        text: str, words: list[tuple[int, int, tuple[str, ...]]], scores: np.ndarray, label: str
    ) -> list[Evidence]:
        """Join adjacent positive words into spans; keep the five strongest."""
        spans: list[tuple[float, int, int]] = []
        run: list[int] = []
        for index in [*range(len(words)), -1]:
            if index >= 0 and scores[index] > 0:
                run.append(index)
                continue
            if run:
                if len(run) > MAX_SPAN_WORDS:
                    best = max(
                        range(len(run) - MAX_SPAN_WORDS + 1),
                        key=lambda s: scores[run[s : s + MAX_SPAN_WORDS]].sum(),
                    )
                    run = run[best : best + MAX_SPAN_WORDS]
                spans.append((float(scores[run].sum()), run[0], run[-1]))
                run = []
        spans.sort(key=lambda span: -span[0])
        return [
            Evidence(
                text=text[words[first][0] : words[last][1]],
                start=words[first][0],
                end=words[last][1],
                label=label,
                weight=weight,
            )
            for weight, first, last in spans[:MAX_SPANS]
        ]
