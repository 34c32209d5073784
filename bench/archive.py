"""Generated archives for the benchmarks: real corpus sentences, mixed languages.

Items are built from the corpus's own texts, joined until they reach the
wanted length, so the text pipeline sees real Arabic, Persian and English
rather than random words. Seeded, so runs compare.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "training_data" / "corpus"


def _texts() -> dict[str, list[str]]:
    return {
        lang: [
            json.loads(line)["text"]
            for line in (CORPUS / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
        ]
        for lang in ("ar", "fa", "en")
    }


def items(n: int, words: int, seed: int = 20261122) -> Iterator[dict[str, str]]:
    """Yield ``n`` records of about ``words`` words, languages in turn."""
    rng = random.Random(seed)
    pools = _texts()
    langs = list(pools)
    for i in range(n):
        pool = pools[langs[i % 3]]
        parts: list[str] = []
        count = 0
        while count < words:
            text = rng.choice(pool)
            parts.append(text)
            count += len(text.split())
        body = " ".join(" ".join(parts).split()[:words])
        yield {"id": f"item-{i}", "date": f"2025-{1 + i % 12:02d}-01", "text": body}


def write_archive(path: Path, n: int, words: int) -> Path:
    """Write ``n`` generated records to a JSONL file, streaming."""
    with path.open("w", encoding="utf-8") as out:
        for record in items(n, words):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
