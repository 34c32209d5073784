"""``paradip classify`` through CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from classifier.cli import app
from classifier.model.registry import Registry

runner = CliRunner(env={"COLUMNS": "250", "TERMINAL_WIDTH": "250"})


def test_text_argument(small_registry: Registry) -> None:
    result = runner.invoke(
        app,
        ["classify", "--model-dir", str(small_registry.root), "Quebec opens trade office in Tokyo"],
    )
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["model_version"] == "v001"
    assert "id" not in body


def test_jsonl_file_keeps_ids_and_order_and_reports_bad_lines(
    small_registry: Registry, tmp_path: Path
) -> None:
    path = tmp_path / "items.jsonl"
    path.write_text(
        json.dumps({"id": "a1", "text": "Quebec opens trade office in Tokyo"})
        + "\n"
        + "{broken\n"
        + json.dumps(
            {"id": 7, "title": "زار محافظ البصرة الكويت", "text": "لبحث المنافذ"},
            ensure_ascii=False,
        )
        + "\n"
        + json.dumps({"id": "x", "text": 5})
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["classify", "--model-dir", str(small_registry.root), "--file", str(path)]
    )
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a1", "7"]
    assert lines[1]["lang"] == "ar"
    assert "line 2: invalid JSON" in result.stderr
    assert "line 4: text field 'text' must be a string, got int" in result.stderr


def test_stdin_lines(small_registry: Registry) -> None:
    result = runner.invoke(
        app,
        ["classify", "--model-dir", str(small_registry.root), "--no-evidence"],
        input="first item about Quebec\n\nsecond item about Erbil\n",
    )
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2
    assert all("evidence" not in line for line in lines)


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["classify", "--model-dir", str(tmp_path), "text"])
    assert result.exit_code == 1
    assert "no active model in" in result.stderr
    assert "Traceback" not in result.output
