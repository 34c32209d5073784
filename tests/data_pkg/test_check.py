"""``paradip data check`` and the checks behind it, on small corpora made here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from classifier.cli import app
from classifier.data.check import check_corpus
from classifier.data.corpus import load_corpus
from classifier.data.schema import ItemError, parse_item

runner = CliRunner(env={"COLUMNS": "250", "TERMINAL_WIDTH": "250"})

GOOD = [
    {
        "id": "en-1",
        "lang": "en",
        "text": "Quebec opens its own trade office in Tokyo to court investors in batteries",
        "label": "parallel",
        "entity": "Quebec",
        "country": "Canada",
        "partner": "Japan",
        "rule": "R4",
        "provenance": "authored",
        "split": "train",
    },
    {
        "id": "ar-1",
        "lang": "ar",
        "text": "بحث وزير الخارجية العراقي مع نظيره التركي ملف المياه في أنقرة",
        "label": "none",
        "entity": "",
        "country": "Iraq",
        "partner": "Turkey",
        "rule": "R1-national",
        "provenance": "authored",
        "split": "test",
    },
    {
        "id": "fa-1",
        "lang": "fa",
        "text": (
            "استاندار خراسان رضوی با هماهنگی وزارت امور خارجه در نشست مرزی با مقام‌های هرات شرکت کرد"
        ),
        "label": "complementary",
        "entity": "Khorasan Razavi",
        "country": "Iran",
        "partner": "Afghanistan",
        "rule": "R3",
        "provenance": "authored",
        "split": "test",
    },
]


def write(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def test_good_corpus_passes_and_is_counted(tmp_path: Path) -> None:
    report = check_corpus([write(tmp_path / "c.jsonl", GOOD)])
    assert report.errors == []
    assert report.counts[("en", "parallel", "train")] == 1
    assert report.counts[("fa", "complementary", "test")] == 1
    assert report.table()[-1] == ["all", "all", "1", "2", "3"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"label": "secessionist"}, r"label must be one of \['complementary'"),
        ({"lang": "de"}, r"lang must be one of \['ar', 'fa', 'en'\], got 'de'"),
        ({"rule": "R3"}, r"rule 'R3' decides \['complementary'\], not label 'parallel'"),
        ({"text": "  "}, r"field 'text' is missing or empty"),
        ({"text": 5}, r"field 'text' must be a string, got int"),
        ({"entity": ""}, r"label 'parallel' needs the sub-state actor in 'entity'"),
        ({"provenance": "copied"}, r"provenance must be 'authored' or the address"),
        ({"extra": "x"}, r"unknown field\(s\) \['extra'\]"),
    ],
)
def test_schema_errors_say_what_was_expected(change: dict[str, object], message: str) -> None:
    with pytest.raises(ItemError, match=message):
        parse_item({**GOOD[0], **change})


def test_each_problem_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    lines = [
        json.dumps(GOOD[0], ensure_ascii=False),
        "{not json",
        json.dumps({**GOOD[1], "lang": "fa"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = check_corpus([path])
    assert f"{path}:2: invalid JSON" in report.errors[0]
    assert report.errors[1] == f"{path}:3: lang is 'fa' but the text reads as 'ar'"


def test_duplicates_near_duplicates_and_leakage(tmp_path: Path) -> None:
    near = {
        **GOOD[0],
        "id": "en-2",
        "text": GOOD[0]["text"].replace("Tokyo", "Tokio"),
        "split": "test",
    }
    path = write(tmp_path / "c.jsonl", [GOOD[0], {**GOOD[1], "id": "en-1"}, near])
    errors = check_corpus([path]).errors
    assert any("duplicate id 'en-1'" in e for e in errors)
    assert any(f"{path}:3: near-duplicate of {path}:1" in e for e in errors)
    assert any("entity 'Quebec' is in both splits" in e for e in errors)


def test_load_corpus_fails_on_first_bad_line(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", [GOOD[0], {**GOOD[1], "label": "bad"}])
    with pytest.raises(ItemError, match=rf"{path}:2: label must be one of"):
        load_corpus([path])


def test_cli_prints_table_and_fails_with_errors(tmp_path: Path) -> None:
    good = write(tmp_path / "good.jsonl", GOOD)
    result = runner.invoke(app, ["data", "check", str(good)])
    assert result.exit_code == 0, result.output
    assert "ok: 3 items" in result.output
    assert "complementary" in result.output
    bad = write(tmp_path / "bad.jsonl", [{**GOOD[0], "label": "bad"}])
    result = runner.invoke(app, ["data", "check", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:1: label must be one of" in result.output.replace("\n", "")


def test_cli_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["data", "check", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "does not exist" in result.output
