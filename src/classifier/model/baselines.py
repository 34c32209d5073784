"""The baselines every evaluation reports beside the model.

- majority: always the most frequent training label;
- keyword rules: the codebook's cue phrases applied in its rule order;
- fastText: a supervised fastText model on the same normalised train split.

Each is a small class with ``fit(texts, labels)`` and ``predict(texts)`` on
normalised texts, so that the evaluation treats them alike.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from classifier.model.cues import cue_groups

__all__ = ["FastTextBaseline", "KeywordRules", "MajorityBaseline"]


class MajorityBaseline:
    """Predict the most frequent training label for every item."""

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> MajorityBaseline:
        """Remember the most frequent label."""
        self.label_ = Counter(labels).most_common(1)[0][0]
        return self

    def predict(self, texts: Sequence[str]) -> list[str]:
        """Return the majority label for each text."""
        return [self.label_] * len(texts)


class KeywordRules:
    """The codebook's decision rules with its cue words as the only evidence.

    Statehood cues -> ``constituent`` (rule 2); coordination cues ->
    ``complementary`` (rule 3); a sub-state actor with an own-track cue ->
    ``parallel`` (rule 4); otherwise ``none`` (rule 1).
    """

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> KeywordRules:
        """Load the normalised cue lists; the rules learn nothing from data."""
        self.groups_ = cue_groups()
        return self

    def _has(self, text: str, group: str) -> bool:
        padded = f" {text} "
        return any(f" {phrase} " in padded for phrase in self.groups_[group])

    def predict(self, texts: Sequence[str]) -> list[str]:
        """Apply the rules in the codebook's order."""
        labels = []
        for text in texts:
            if self._has(text, "statehood"):
                labels.append("constituent")
            elif self._has(text, "coordination"):
                labels.append("complementary")
            elif self._has(text, "substate_actor") or self._has(text, "own_track"):
                labels.append("parallel")
            else:
                labels.append("none")
        return labels


class FastTextBaseline:
    """Supervised fastText (word bigrams, one thread so that it is deterministic)."""

    def __init__(self, epoch: int = 25, seed: int = 0) -> None:
        self.epoch = epoch
        self.seed = seed

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> FastTextBaseline:
        """Train on a temporary file in fastText's ``__label__`` format."""
        import fasttext

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "train.txt"
            path.write_text(
                "".join(
                    f"__label__{label} {text}\n" for text, label in zip(texts, labels, strict=True)
                ),
                encoding="utf-8",
            )
            self.model_ = fasttext.train_supervised(
                str(path), epoch=self.epoch, wordNgrams=2, thread=1, seed=self.seed, verbose=0
            )
        return self

    def predict(self, texts: Sequence[str]) -> list[str]:
        """Return the top label of each text."""
        labels, _ = self.model_.predict([t.replace("\n", " ") for t in texts], k=1)
        return [label[0].removeprefix("__label__") for label in labels]
