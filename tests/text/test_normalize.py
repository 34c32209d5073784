"""Normalisation: golden examples, the cross-script canonical form, and properties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from classifier.text.normalize import (
    normalize,
    normalize_ar,
    normalize_en,
    normalize_fa,
)

GOLDEN = [
    json.loads(line)
    for line in (Path(__file__).parent.parent / "data" / "normalize_golden.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
]
CHAINS = {"ar": normalize_ar, "fa": normalize_fa, "en": normalize_en}


def test_golden_set_has_twenty_items_per_language() -> None:
    for lang in CHAINS:
        assert sum(1 for row in GOLDEN if row["lang"] == lang) >= 20


@pytest.mark.parametrize("row", GOLDEN, ids=[f"{r['lang']}-{r['why']}" for r in GOLDEN])
def test_golden(row: dict[str, str]) -> None:
    assert normalize(row["input"], row["lang"]) == row["expected"]


@pytest.mark.parametrize(
    ("forms", "langs"),
    [
        (["كردستان", "کردستان", "كوردستان"[:0] + "كردستان"], ["ar", "fa"]),
        (["أربيل", "اربیل", "إربيل", "اربيل"], ["ar", "fa"]),
        (["همه\u200cپرسی", "همه پرسی", "همهپرسی", "همه پرسي"], ["fa"]),
        (["استقلال", "اسـتقلال", "اِستِقلال"], ["ar", "fa"]),
        (["الاعتراف الدولي", "الاعتراف الدولى", "الإعتراف الدولي"], ["ar"]),
        (["سرمایه گذاری", "سرمایه\u200cگذاری", "سرمايه گذاري"], ["fa"]),
        (["می\u200cکند", "می کند", "میکند", "مي كند"], ["fa"]),
        (["2017", "٢٠١٧", "۲۰۱۷"], ["ar", "fa", "en"]),
    ],
)
def test_shared_word_meets_across_letters_and_languages(forms: list[str], langs: list[str]) -> None:
    outputs = {normalize(form, lang) for form in forms for lang in langs}
    assert len(outputs) == 1, outputs


def test_unknown_language_gets_script_neutral_steps() -> None:
    assert normalize("  Erbil\u200f ٢٠٢٤ ", "und") == "erbil 2024"


def test_non_string_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="expects text as str, got bytes"):
        normalize(b"abc", "en")  # type: ignore[arg-type]


# Arbitrary Unicode, weighted toward what news text really carries: Arabic
# script, marks, bidi and zero-width characters, emoji, digits of every system.
_TRICKY = st.sampled_from(
    list("\u200c\u200d\u200e\u200f\u202b\u202c\u2066\u2069\ufeff\u0640\u064b\u0651\u0654\u0301")
    + list("يكىةأإآیکۀەھہئؤ٠١۲۳٬٫،؛؟«»“”—")
    + ["😀", "🇮🇶", "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"]
)
_TEXT = st.lists(
    st.one_of(
        st.text(max_size=8),
        st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=8),
        _TRICKY,
        st.sampled_from([" ", "\n", "\t", "می ", " ها", "همه پرسی ", "COP29", "İ", "ß"]),
    ),
    max_size=30,
).map("".join)


@pytest.mark.parametrize("lang", ["ar", "fa", "en", "und"])
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT)
def test_never_raises_returns_str_and_is_idempotent(lang: str, text: str) -> None:
    once = normalize(text, lang)
    assert isinstance(once, str)
    assert normalize(once, lang) == once


@pytest.mark.parametrize("lang", ["ar", "fa", "en"])
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unit=st.text(min_size=1, max_size=40))
def test_one_megabyte_input(lang: str, unit: str) -> None:
    text = (unit + " ") * (1_000_000 // (len(unit) + 1))
    once = normalize(text, lang)
    assert isinstance(once, str)
    assert normalize(once, lang) == once


@settings(max_examples=300, deadline=None)
@given(text=_TEXT)
def test_compiled_arclean_maps_exactly_like_camel_tools(text: str) -> None:
    from camel_tools.utils.charmap import CharMapper

    from classifier.text.normalize import CompiledCharMap

    mapper = CharMapper.builtin_mapper("arclean")
    assert CompiledCharMap(mapper)(text) == mapper(text)


def test_compiling_a_map_with_another_default_is_refused() -> None:
    from camel_tools.utils.charmap import CharMapper

    from classifier.text.normalize import CompiledCharMap

    with pytest.raises(ValueError, match="only a deleting or identity default compiles, got 'x'"):
        CompiledCharMap(CharMapper({"a": "b"}, default="x"))
