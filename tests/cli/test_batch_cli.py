"""``paradip batch`` through CliRunner: summary, settings from the environment, errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from classifier.cli import app
from classifier.model.registry import Registry
from classifier.settings import get_settings


def test_batch_prints_summary_and_reads_settings_from_env(
    tmp_path: Path, small_registry: Registry, monkeypatch: object
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": "Quebec opens its own trade office in Tokyo"})
        + "\n"
        + "{bad\n",
        encoding="utf-8",
    )
    get_settings.cache_clear()
    runner = CliRunner(
        env={
            "COLUMNS": "200",
            "PARADIP_MODEL_DIR": str(small_registry.root),
            "PARADIP_BATCH_WORKERS": "1",
        }
    )
    try:
        result = runner.invoke(app, ["batch", str(source), "-o", str(tmp_path / "out.jsonl")])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert "1 items classified by model v001" in " ".join(result.stderr.split())
    assert "rejected: 1" in result.stderr
    assert json.loads((tmp_path / "out.jsonl").read_text())["id"] == "a"


def test_missing_input_and_unknown_format_are_clear_errors(
    tmp_path: Path, small_registry: Registry
) -> None:
    runner = CliRunner(env={"COLUMNS": "200"})
    result = runner.invoke(
        app, ["batch", str(tmp_path / "nope.jsonl"), "--model-dir", str(small_registry.root)]
    )
    assert result.exit_code == 1
    assert "no such input file" in result.stderr
    odd = tmp_path / "in.xml"
    odd.write_text("<a/>")
    result = runner.invoke(app, ["batch", str(odd), "--model-dir", str(small_registry.root)])
    assert result.exit_code == 1
    assert "cannot tell the format of 'in.xml'" in result.stderr
