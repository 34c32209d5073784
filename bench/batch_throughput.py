"""Benchmark: batch throughput on 1 and 2 workers, fastText beside it, where time goes.

Not a test: it prints figures. ``make bench`` runs it. Figures depend on the
machine; run it on an otherwise idle one.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from archive import write_archive

from classifier.batch.runner import BatchConfig, run_batch
from classifier.data.corpus import load_corpus
from classifier.model.baselines import FastTextBaseline
from classifier.model.registry import Registry
from classifier.text.langid import detect_language
from classifier.text.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent


def batch_rate(archive: Path, folder: Path, workers: int) -> float:
    """Items/s of a whole ``paradip batch`` run (read, classify, checkpoint, write)."""
    output = folder / f"out-{workers}.jsonl"
    config = BatchConfig(
        input=archive, output=output, model_dir=ROOT / "models", workers=workers, quiet=True
    )
    summary = run_batch(config)
    return summary.items / summary.seconds


def profile(texts: list[str]) -> dict[str, float]:
    """Seconds per 1,000 items spent in each stage, on one core."""
    model = Registry(ROOT / "models").load()
    steps = model.pipeline.named_steps
    timings: dict[str, float] = {}
    start = time.perf_counter()
    encoded = [json.dumps({"text": t}, ensure_ascii=False) for t in texts]
    decoded = [json.loads(line)["text"] for line in encoded]
    timings["json read+write"] = time.perf_counter() - start
    start = time.perf_counter()
    langs = [detect_language(t) for t in decoded]
    timings["language identification"] = time.perf_counter() - start
    start = time.perf_counter()
    normalised = [normalize(t, lang) for t, lang in zip(decoded, langs, strict=True)]
    timings["normalisation"] = time.perf_counter() - start
    start = time.perf_counter()
    matrix = steps["features"].transform(normalised)
    timings["features (tf-idf)"] = time.perf_counter() - start
    start = time.perf_counter()
    steps["classify"].predict_proba(matrix)
    timings["model (svm + calibration)"] = time.perf_counter() - start
    return {name: seconds * 1000 / len(texts) for name, seconds in timings.items()}


def fasttext_rate(texts: list[str]) -> float:
    """fastText's prediction items/s on the same texts (trained on the corpus's train split)."""
    train = [i for i in load_corpus([ROOT / "training_data" / "corpus"]) if i.split == "train"]
    model = FastTextBaseline().fit(
        [normalize(i.text, i.lang) for i in train], [i.label for i in train]
    )
    start = time.perf_counter()
    model.predict(texts)
    return len(texts) / (time.perf_counter() - start)


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--words", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        archive = write_archive(folder / "archive.jsonl", args.items, args.words)
        texts = [
            json.loads(line)["text"] for line in archive.read_text(encoding="utf-8").splitlines()
        ]
        print(f"archive: {args.items:,} items of {args.words} words, ar/fa/en in turn")
        one = batch_rate(archive, folder, 1)
        two = batch_rate(archive, folder, 2)
        print(f"paradip batch, 1 worker : {one:8,.0f} items/s")
        print(f"paradip batch, 2 workers: {two:8,.0f} items/s   (scaling {two / one:.2f}x)")
        fast = fasttext_rate(texts)
        print(
            f"fastText predict, 1 thread: {fast:8,.0f} items/s   "
            f"(paradip 1 worker / fastText = {one / fast:.3f})"
        )
        print("where the time goes, one core, ms per item:")
        shares = profile(texts[:2000])
        total = sum(shares.values())
        for name, ms in sorted(shares.items(), key=lambda kv: -kv[1]):
            print(f"  {name:<28}{ms:7.2f} ms  {ms / total:6.1%}")


if __name__ == "__main__":
    main()
