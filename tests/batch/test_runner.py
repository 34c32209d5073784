"""Batch runs: formats, rejects, strict, checkpoints and resume, engines."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from classifier.batch.runner import BatchConfig, BatchError, parts_dir, run_batch
from classifier.model.registry import Registry
from tests.batch.conftest import corpus_records

OUTPUT_FIELDS = {"label", "confidence", "scores", "lang", "uncertain", "model_version"}


def config(archive: Path, output: Path, registry: Registry, **changes: object) -> BatchConfig:
    values: dict[str, object] = {
        "input": archive,
        "output": output,
        "model_dir": registry.root,
        "quiet": True,
        "chunk_size": 25,
    }
    values.update(changes)
    return BatchConfig(**values)  # type: ignore[arg-type]


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_keeps_fields_adds_results_and_sets_rejects_aside(
    archive: Path, tmp_path: Path, small_registry: Registry
) -> None:
    output = tmp_path / "out.jsonl"
    summary = run_batch(config(archive, output, small_registry))
    records = read_jsonl(output)
    assert summary.items == len(records) == 120
    assert all(set(r) >= OUTPUT_FIELDS and "outlet" in r and "evidence" not in r for r in records)
    # records without an id get their line number
    assert records[2]["id"] == 3
    assert records[0]["id"] == "ar-0001"
    rejects = read_jsonl(output.with_name("out.jsonl.rejects.jsonl"))
    assert [(r["line"], r["reason"][:24]) for r in rejects] == [
        (12, "invalid JSON: Expecting "),
        (23, "missing text field 'text"),
        (34, "not valid UTF-8 (byte 0x"),
    ]
    assert rejects[1]["raw"] == '{"id": "no-text", "body": "x"}'
    assert summary.rejected == 3
    assert not parts_dir(output).exists()
    assert sum(summary.counts.values()) == 120


def test_strict_stops_at_the_first_bad_record(
    archive: Path, tmp_path: Path, small_registry: Registry
) -> None:
    output = tmp_path / "out.jsonl"
    with pytest.raises(
        BatchError, match=r"line 12: invalid JSON.*--strict stops at the first bad record"
    ):
        run_batch(config(archive, output, small_registry, strict=True))
    assert not output.exists()
    assert not parts_dir(output).exists()


@pytest.mark.parametrize("suffix", ["csv", "parquet", "jsonl.gz"])
def test_other_formats_in_and_out(tmp_path: Path, small_registry: Registry, suffix: str) -> None:
    import pyarrow as pa

    records = corpus_records(30)
    source = tmp_path / f"in.{suffix}"
    if suffix == "csv":
        import csv

        with source.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(records[0]))
            writer.writeheader()
            writer.writerows(records)
    elif suffix == "parquet":
        pq.write_table(pa.Table.from_pylist(records), source)
    else:
        with gzip.open(source, "wt", encoding="utf-8") as handle:
            handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    out = tmp_path / ("out.parquet" if suffix == "csv" else "out.csv")
    summary = run_batch(config(source, out, small_registry))
    assert summary.items == 30
    if out.suffix == ".parquet":
        table = pq.read_table(out).to_pylist()
        assert [r["id"] for r in table] == [r["id"] for r in records]
        assert set(table[0]["scores"]) == {"complementary", "parallel", "constituent", "none"}
    else:
        import csv

        with out.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert [r["id"] for r in rows] == [r["id"] for r in records]
        assert set(json.loads(rows[0]["scores"])) == {
            "complementary",
            "parallel",
            "constituent",
            "none",
        }


def test_missing_text_column_is_a_clear_error(tmp_path: Path, small_registry: Registry) -> None:
    source = tmp_path / "in.csv"
    source.write_text("id,body\n1,hello\n", encoding="utf-8")
    with pytest.raises(
        ValueError, match=r"CSV header has no column 'text' \(columns: \['id', 'body'\]\)"
    ):
        run_batch(config(source, tmp_path / "o.jsonl", small_registry))


def test_leftover_checkpoints_need_resume_and_a_matching_run(
    archive: Path, tmp_path: Path, small_registry: Registry
) -> None:
    output = tmp_path / "out.jsonl"
    folder = parts_dir(output)
    folder.mkdir()
    (folder / "manifest.json").write_text(json.dumps({"chunk_size": 10}))
    with pytest.raises(BatchError, match="holds checkpoints of an interrupted run: add --resume"):
        run_batch(config(archive, output, small_registry))
    with pytest.raises(BatchError, match=r"cannot resume: .*chunk_size.* differ"):
        run_batch(config(archive, output, small_registry, resume=True))


def test_killed_run_resumes_to_every_record_exactly_once(
    archive: Path, tmp_path: Path, small_registry: Registry
) -> None:
    big = tmp_path / "big.jsonl"
    big.write_bytes(archive.read_bytes() * 8)  # 960 good records, 24 bad
    clean = tmp_path / "clean.jsonl"
    run_batch(config(big, clean, small_registry, chunk_size=20))

    output = tmp_path / "out.jsonl"
    command = [
        sys.executable,
        "-m",
        "classifier",
        "batch",
        str(big),
        "-o",
        str(output),
        "--quiet",
        "--chunk-size",
        "20",
        "--workers",
        "1",
        "--model-dir",
        str(small_registry.root),
    ]
    process = subprocess.Popen(command, env={**os.environ, "PYTHONHASHSEED": "0"})
    folder = parts_dir(output)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(folder.glob("part-*[0-9].jsonl"))) < 5:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    done_before = len(list(folder.glob("part-*[0-9].jsonl")))
    assert 5 <= done_before < 50, "the run was not killed midway"
    assert not output.exists()

    result = subprocess.run([*command, "--resume"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    resumed, expected = read_jsonl(output), read_jsonl(clean)
    assert len(resumed) == 960
    assert resumed == expected
    assert read_jsonl(output.with_name("out.jsonl.rejects.jsonl")) == read_jsonl(
        clean.with_name("clean.jsonl.rejects.jsonl")
    )


def test_two_workers_and_dask_give_identical_results(
    archive: Path, tmp_path: Path, small_registry: Registry
) -> None:
    one = tmp_path / "one.jsonl"
    run_batch(config(archive, one, small_registry, workers=1))
    two = tmp_path / "two.jsonl"
    run_batch(config(archive, two, small_registry, workers=2))
    dask = tmp_path / "dask.jsonl"
    run_batch(config(archive, dask, small_registry, engine="dask", workers=2))
    assert read_jsonl(one) == read_jsonl(two) == read_jsonl(dask)
