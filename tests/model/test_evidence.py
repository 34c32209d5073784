"""Evidence tracing: words normalised together give the pieces they give alone."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classifier.model.evidence import _WORD_RE, _pieces
from classifier.text.normalize import normalize

CORPUS = Path(__file__).resolve().parents[2] / "training_data" / "corpus"


@pytest.mark.parametrize("lang", ["ar", "fa", "en"])
def test_words_normalised_together_match_each_word_alone(lang: str) -> None:
    lines = (CORPUS / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in random.Random(7).sample(lines, 40)]
    words = [m.group() for text in texts for m in _WORD_RE.finditer(text)]
    alone = [tuple(normalize(word, lang).split()) for word in words]
    assert _pieces(words, lang) == alone


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(st.text(min_size=1, max_size=12), max_size=12),
    lang=st.sampled_from(["ar", "fa", "en", "und"]),
)
def test_any_words_get_the_pieces_they_get_alone(words: list[str], lang: str) -> None:
    # The separator may be mangled by odd input; the fallback must still agree.
    assert _pieces(words, lang) == [tuple(normalize(w, lang).split()) for w in words]
