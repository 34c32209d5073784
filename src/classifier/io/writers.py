"""Writing classified records: JSONL, CSV or Parquet, always via a temporary file.

The final file appears only when it is complete (written beside it, then
renamed), so a reader never sees half an output.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Final

__all__ = ["OUTPUT_FORMATS", "output_format", "write_atomic"]

OUTPUT_FORMATS: Final = ("jsonl", "csv", "parquet")


def output_format(path: Path, fmt: str | None = None) -> str:
    """The output format: given, or named by the extension (JSONL by default)."""
    if fmt:
        if fmt not in OUTPUT_FORMATS:
            raise ValueError(
                f"unknown output format {fmt!r}; use one of {', '.join(OUTPUT_FORMATS)}"
            )
        return fmt
    suffix = path.suffix.lower()
    return {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}.get(suffix, "jsonl")


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def write_atomic(path: Path, fmt: str, records: Callable[[], Iterator[dict[str, Any]]]) -> int:
    """Write ``records()`` to ``path`` in ``fmt`` through a temporary file; return the count.

    ``records`` is a callable because CSV and Parquet read the records twice:
    once to learn every column (records may differ), once to write.
    """
    temporary = _temporary(path)
    try:
        if fmt == "jsonl":
            count = _write_jsonl(temporary, records())
        elif fmt == "csv":
            count = _write_csv(temporary, records)
        else:
            count = _write_parquet(temporary, records)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
    return count


def _write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def _cell(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _write_csv(path: Path, records: Callable[[], Iterator[dict[str, Any]]]) -> int:
    columns: dict[str, None] = {}
    for record in records():
        columns.update(dict.fromkeys(record))
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(columns))
        writer.writeheader()
        for record in records():
            writer.writerow({key: _cell(value) for key, value in record.items()})
            count += 1
    return count


def _write_parquet(
    path: Path, records: Callable[[], Iterator[dict[str, Any]]], batch: int = 2000
) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    def batches() -> Iterator[list[dict[str, Any]]]:
        rows: list[dict[str, Any]] = []
        for record in records():
            rows.append(record)
            if len(rows) >= batch:
                yield rows
                rows = []
        if rows:
            yield rows

    schemas = [pa.Table.from_pylist(rows).schema for rows in batches()]
    if not schemas:
        pq.write_table(pa.table({}), path)
        return 0
    try:
        schema = pa.unify_schemas(schemas, promote_options="permissive")
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise ValueError(
            f"the records' fields do not have one type each, so they cannot go in one Parquet "
            f"file ({exc}); write JSONL or CSV instead"
        ) from exc
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for rows in batches():
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(rows)
    return count
