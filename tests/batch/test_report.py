"""``paradip report`` over a classified archive."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from classifier.batch.report import render_html, summarise_archive
from classifier.cli import app

runner = CliRunner(env={"COLUMNS": "200"})

ROWS = [
    {
        "id": 1,
        "label": "parallel",
        "lang": "en",
        "uncertain": False,
        "date": "2024-01-05",
        "entity": "Quebec",
    },
    {
        "id": 2,
        "label": "constituent",
        "lang": "ar",
        "uncertain": True,
        "date": "2024-01-20T08:00:00Z",
        "entity": "Kurdistan Region",
    },
    {
        "id": 3,
        "label": "none",
        "lang": "fa",
        "uncertain": False,
        "date": "2024/02/11",
        "entity": "",
    },
    {
        "id": 4,
        "label": "parallel",
        "lang": "en",
        "uncertain": False,
        "date": "yesterday",
        "entity": "Quebec",
    },
]


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_counts_per_label_language_month_and_entity(tmp_path: Path) -> None:
    report = summarise_archive(write_jsonl(tmp_path / "o.jsonl", ROWS), date_field="date")
    assert report.items == 4 and report.uncertain == 1
    assert report.labels["parallel"] == 2
    assert report.by_lang[("constituent", "ar")] == 1
    assert report.months() == ["2024-01", "2024-02", "undated"]
    assert report.by_month[("2024-01", "parallel")] == 1
    assert report.entities.most_common(1) == [("Quebec", 2)]


def test_parquet_dates_and_html_is_self_contained(tmp_path: Path) -> None:
    rows = [{**r, "date": dt.date(2023, 5 + i, 1)} for i, r in enumerate(ROWS)]
    path = tmp_path / "o.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    report = summarise_archive(path, date_field="date")
    assert report.months() == ["2023-05", "2023-06", "2023-07", "2023-08"]
    page = render_html(report)
    assert page.count("<svg") == 2
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "Most frequent entities" in page


def test_cli_writes_html_and_prints_tables(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "out.jsonl", ROWS)
    result = runner.invoke(app, ["report", str(path), "--date-field", "date"])
    assert result.exit_code == 0, result.output
    assert "per month (date)" in result.output
    assert (tmp_path / "out.report.html").read_text().startswith("<!doctype html>")


def test_file_without_labels_is_a_clear_error(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "raw.jsonl", [{"id": 1, "text": "x"}])
    with pytest.raises(ValueError, match="holds no classified record"):
        summarise_archive(path)
    result = runner.invoke(app, ["report", str(path)])
    assert result.exit_code == 1
    assert "give it the output of 'paradip batch'" in result.output
