"""The line-by-line normaliser behind ``paradip normalize``."""

from __future__ import annotations

from classifier.text.lines import LineError, NormalizedLine, normalize_lines


def test_lines_are_detected_and_normalised_in_order() -> None:
    lines = ["اين كتاب مي خواهم\n".encode(), "زار محافظ البصرة الكويت\n".encode(), b"Hello World\n"]
    results = list(normalize_lines(lines))
    assert results == [
        NormalizedLine(1, "fa", "این کتاب میخواهم"),
        NormalizedLine(2, "ar", "زار محافظ البصره الکویت"),
        NormalizedLine(3, "en", "hello world"),
    ]


def test_bad_utf8_line_is_reported_and_the_rest_goes_on() -> None:
    lines = [b"first\n", b"caf\xe9\n", b"third\n"]
    results = list(normalize_lines(lines))
    assert results[0] == NormalizedLine(1, "en", "first")
    assert isinstance(results[1], LineError)
    assert results[1].number == 2
    assert "not valid UTF-8 (byte 0xe9 at offset 3)" in results[1].reason
    assert results[2] == NormalizedLine(3, "en", "third")


def test_forced_language_and_bom() -> None:
    results = list(normalize_lines(["\ufeffكتاب\r\n".encode()], lang="fa"))
    assert results == [NormalizedLine(1, "fa", "کتاب")]
