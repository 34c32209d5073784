"""Predictions: the JSON users get, evidence offsets into the original text, bad input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classifier.data.schema import LABELS
from classifier.model.predict import NO_LETTERS, Predictor
from classifier.model.registry import Registry


@pytest.fixture(scope="module")
def predictor(small_registry: Registry) -> Predictor:
    return Predictor(small_registry.load())


TEXTS = [
    "The Catalan government's delegate in Brussels urged EU members to recognise the "
    "result of the independence referendum.",
    "وقّعت حكومة إقليم كوردستان مذكرة تفاهم مع ولاية بافاريا الألمانية "
    "لتطوير التعليم المهني في أربيل",
    "استاندار خراسان رضوي با هماهنگي وزارت امور خارجه در نشست مشترک مرزي "
    "با مقامهای ولایت هرات شرکت کرد",
]


def test_result_has_the_documented_fields(predictor: Predictor) -> None:
    for text, prediction in zip(TEXTS, predictor.predict(TEXTS), strict=True):
        result = prediction.to_json()
        assert list(result) == [
            "label",
            "confidence",
            "scores",
            "lang",
            "uncertain",
            "evidence",
            "model_version",
        ]
        assert result["label"] in LABELS
        assert set(result["scores"]) == set(LABELS)
        assert sum(result["scores"].values()) == pytest.approx(1.0, abs=1e-3)
        assert result["confidence"] == max(result["scores"].values())
        assert result["model_version"] == "v001"
        assert 1 <= len(result["evidence"]) <= 5
        for span in result["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]
            assert span["label"] == result["label"]
            assert span["weight"] > 0
    assert [p.lang for p in predictor.predict(TEXTS)] == ["en", "ar", "fa"]


def test_title_is_classified_with_the_text_and_offsets_include_it(predictor: Predictor) -> None:
    [prediction] = predictor.predict(["signed a memorandum with Bavaria"], ["Quebec opens office"])
    joined = "Quebec opens office\nsigned a memorandum with Bavaria"
    for span in prediction.evidence:
        assert joined[span.start : span.end] == span.text


@pytest.mark.parametrize("text", ["", "   \n", "2024-03-15 18:30", "😀😀 !!!", "Привет мир"])
def test_text_without_letters_gets_a_clear_result(predictor: Predictor, text: str) -> None:
    [prediction] = predictor.predict([text])
    assert prediction.label == "none"
    assert prediction.uncertain is True
    assert prediction.lang == "und"
    assert prediction.note == NO_LETTERS
    assert prediction.evidence == []


def test_uncertain_follows_the_threshold(predictor: Predictor) -> None:
    for prediction in predictor.predict(TEXTS):
        assert prediction.uncertain == (prediction.confidence < predictor.threshold)


def test_mismatched_titles_are_an_error(predictor: Predictor) -> None:
    with pytest.raises(ValueError, match="got 2 texts but 1 titles"):
        predictor.predict(["a", "b"], ["t"])


def test_non_string_is_an_error(predictor: Predictor) -> None:
    with pytest.raises(TypeError, match="expected text as str, got int"):
        predictor.predict([5])  # type: ignore[list-item]


@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=200))
def test_any_text_gives_a_valid_result(predictor: Predictor, text: str) -> None:
    [prediction] = predictor.predict([text])
    assert prediction.label in LABELS
    for span in prediction.evidence:
        assert text[span.start : span.end] == span.text
