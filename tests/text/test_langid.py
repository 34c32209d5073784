"""Language identification on the team's labelled set and on the edge cases."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from classifier.text.langid import SNIFF_CHARS, detect_language

LANGID_SET = [
    json.loads(line)
    for line in (Path(__file__).parent.parent / "data" / "langid_set.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
]


def test_labelled_set_is_large_enough() -> None:
    per_lang = Counter(item["lang"] for item in LANGID_SET)
    headlines = Counter(item["lang"] for item in LANGID_SET if item["kind"] == "headline")
    for lang in ("ar", "fa", "en"):
        assert per_lang[lang] >= 50
        assert headlines[lang] >= per_lang[lang] / 3


def test_accuracy_on_labelled_set_is_at_least_98_percent() -> None:
    misses = [
        (item["lang"], detect_language(item["text"]), item["text"])
        for item in LANGID_SET
        if detect_language(item["text"]) != item["lang"]
    ]
    accuracy = 1 - len(misses) / len(LANGID_SET)
    assert accuracy >= 0.98, misses


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("اين كتاب مي خواهم", "fa"),  # Persian typed with Arabic yeh and kaf
        ("استاندار كرمانشاه به عراق رفت", "fa"),
        ("دولت میخواهد همه پرسی برگزار کند", "fa"),  # no ZWNJ
        ("رئيس اقليم كوردستان يزور طهران", "ar"),  # five-word Arabic headline
        ("وقع محافظ خراسان رضوی اتفاقية", "ar"),  # Arabic quoting a Persian name
        ("KRG signs oil deal with Ankara", "en"),
        ("حكومة الإقليم توقع اتفاقية مع شركة Exxon عام 2024", "ar"),
        ("سفر هیئت تجاری به Dubai در سال ۱۴۰۳", "fa"),
        ("Erbil and Mashhad sign sister-city deal 2024", "en"),
    ],
)
def test_hard_cases(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    "text", ["", "   ", "2024-03-15", "٢٠٢٤", "😀 !!!", "+98 21 5555", "Привет"]
)
def test_no_latin_or_arabic_letters_is_und(text: str) -> None:
    assert detect_language(text) == "und"


def test_only_the_opening_of_a_long_text_is_read() -> None:
    text = "This is an English sentence about Quebec. " * (SNIFF_CHARS // 10)
    assert detect_language(text + "هذا نص عربي " * 5000) == "en"


def test_non_string_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="expects text as str, got int"):
        detect_language(42)  # type: ignore[arg-type]
