"""Shared fixtures: paths, and a small model trained once per session on a slice of the corpus."""

from __future__ import annotations

import json
import random
import shutil
import socket
from pathlib import Path

import pytest

from classifier.model.pipeline import ModelParams
from classifier.model.registry import Registry
from classifier.model.train import train

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CORPUS = ROOT / "training_data" / "corpus"
SMALL_PARAMS = ModelParams(classifier="linearsvc", C=0.3, char_ngrams=(3, 4), cues=True)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


def small_corpus(folder: Path, per_cell: int = 18, seed: int = 0) -> Path:
    """Write a stratified slice of the corpus (both splits kept) to ``folder``."""
    rng = random.Random(seed)
    rows = [
        json.loads(line)
        for path in sorted(CORPUS.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    chosen = []
    for split in ("train", "test"):
        for lang in ("ar", "fa", "en"):
            for label in ("complementary", "parallel", "constituent", "none"):
                cell = [
                    r for r in rows if (r["split"], r["lang"], r["label"]) == (split, lang, label)
                ]
                chosen += rng.sample(
                    cell, min(len(cell), per_cell if split == "train" else per_cell // 3)
                )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "small.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen), encoding="utf-8"
    )
    return path


@pytest.fixture(scope="session")
def small_corpus_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def small_registry(tmp_path_factory: pytest.TempPathFactory, small_corpus_path: Path) -> Registry:
    registry = Registry(tmp_path_factory.mktemp("models"))
    train([small_corpus_path], registry, params=SMALL_PARAMS, seed=0)
    return registry


def two_versions(source: Registry, root: Path) -> Registry:
    """A copy of ``source`` with its v001 also registered as v002 (v001 stays active).

    The service and web tests swap between two versions without training a
    second model.
    """
    shutil.copytree(source.root, root)
    shutil.copytree(root / "v001", root / "v002")
    card = json.loads((root / "v002" / "card.json").read_text())
    (root / "v002" / "card.json").write_text(json.dumps({**card, "version": "v002"}))
    return Registry(root)


def free_port() -> int:
    """A TCP port nobody listens on now, on 127.0.0.1, for a server under test."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port
