"""Archives made for the batch tests: real corpus texts with bad records mixed in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CORPUS


def corpus_records(n: int) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    files = [
        (CORPUS / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
        for lang in ("ar", "fa", "en")
    ]
    for i in range(n):
        rows.append(json.loads(files[i % 3][i // 3]))
    return [
        {"id": r["id"], "title": "", "text": r["text"], "outlet": f"outlet-{i % 7}"}
        for i, r in enumerate(rows)
    ]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """120 good records (every third without id) and three bad lines."""
    lines = []
    for i, record in enumerate(corpus_records(120)):
        if i % 3 == 2:
            del record["id"]
        lines.append(json.dumps(record, ensure_ascii=False).encode())
        if i == 10:
            lines.append(b"{not json")
        if i == 20:
            lines.append(json.dumps({"id": "no-text", "body": "x"}).encode())
        if i == 30:
            lines.append(b'{"id": "latin1", "text": "caf\xe9"}')
    path = tmp_path / "archive.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path
