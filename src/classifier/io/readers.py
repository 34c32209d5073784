"""One streaming reader per archive format: JSONL (also gzipped), CSV, Parquet, text.

Every reader yields :class:`~classifier.io.items.Item` or
:class:`~classifier.io.items.BadRecord` one record at a time, with the
record's line (or row) number, so memory stays flat whatever the archive's
size and a bad record is set aside without stopping the rest.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, Final, cast

from classifier.io.items import BadRecord, Item, read_jsonl_items, read_text_items, record_to_item

__all__ = ["FORMATS", "count_records", "detect_format", "read_records", "read_rows"]

FORMATS: Final = ("jsonl", "csv", "parquet", "txt")
_SUFFIXES: Final = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".txt": "txt",
}


def detect_format(path: Path) -> str:
    """The format a file's extension names (``.gz`` is looked through).

    Raises
    ------
    ValueError
        When the extension is not one of the known ones.
    """
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if suffixes and suffixes[-1] in _SUFFIXES:
        return _SUFFIXES[suffixes[-1]]
    raise ValueError(
        f"cannot tell the format of {path.name!r} from its extension; use .jsonl, .jsonl.gz, "
        f".csv, .parquet or .txt, or give --format ({', '.join(FORMATS)})"
    )


def _open_binary(path: Path) -> BinaryIO:
    if path.suffix.lower() == ".gz":
        return cast(BinaryIO, gzip.open(path, "rb"))
    return path.open("rb")


def _read_csv(
    path: Path, *, id_field: str, text_field: str, title_field: str
) -> Iterator[Item | BadRecord]:
    with _open_binary(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="")
        reader = csv.DictReader(text)
        number = 1  # the header
        try:
            if reader.fieldnames is None:
                return
            if text_field not in reader.fieldnames:
                raise ValueError(
                    f"CSV header has no column {text_field!r} (columns: {reader.fieldnames}); "
                    "name the text column with --text-field"
                )
            for row in reader:
                number += 1
                line = reader.line_num
                if None in row:
                    fields = len(row) - 1 + len(row[None])
                    yield BadRecord(
                        line,
                        f"row has {fields} fields, the header {len(reader.fieldnames)}",
                        json.dumps(row, ensure_ascii=False, default=str),
                    )
                    continue
                yield record_to_item(
                    dict(row),
                    line,
                    json.dumps(row, ensure_ascii=False),
                    id_field=id_field,
                    text_field=text_field,
                    title_field=title_field,
                )
        except UnicodeDecodeError as exc:
            yield BadRecord(
                reader.line_num + 1,
                f"not valid UTF-8 ({exc.reason}); re-encode the file as UTF-8 - "
                "the rest of a CSV cannot be read past undecodable bytes",
                "",
            )


def _read_parquet(
    path: Path, *, id_field: str, text_field: str, title_field: str, batch_size: int = 1024
) -> Iterator[Item | BadRecord]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    if text_field not in parquet.schema_arrow.names:
        raise ValueError(
            f"Parquet file has no column {text_field!r} (columns: {parquet.schema_arrow.names}); "
            "name the text column with --text-field"
        )
    number = 0
    for batch in parquet.iter_batches(batch_size=batch_size):
        for row in batch.to_pylist():
            number += 1
            yield record_to_item(
                row,
                number,
                json.dumps(row, ensure_ascii=False, default=str),
                id_field=id_field,
                text_field=text_field,
                title_field=title_field,
            )


def read_records(
    path: Path,
    fmt: str | None = None,
    *,
    id_field: str = "id",
    text_field: str = "text",
    title_field: str = "title",
) -> Iterator[Item | BadRecord]:
    """Stream the records of an archive, in order, as items or bad records.

    Parameters
    ----------
    path : Path
        The archive (``.jsonl``, ``.jsonl.gz``, ``.csv``, ``.csv.gz``,
        ``.parquet``, ``.txt``).
    fmt : str, optional
        Overrides the format the extension names.
    id_field, text_field, title_field : str
        Names of the fields holding the id, the text and the headline.

    Raises
    ------
    ValueError
        For an unknown format, or a CSV/Parquet without the text column.
    """
    fmt = fmt or detect_format(path)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        yield from _read_parquet(
            path, id_field=id_field, text_field=text_field, title_field=title_field
        )
    elif fmt == "csv":
        yield from _read_csv(
            path, id_field=id_field, text_field=text_field, title_field=title_field
        )
    else:
        with _open_binary(path) as handle:
            if fmt == "txt":
                yield from read_text_items(handle)
            else:
                yield from read_jsonl_items(
                    handle, id_field=id_field, text_field=text_field, title_field=title_field
                )


def count_records(path: Path, fmt: str | None = None) -> int | None:
    """How many records the archive holds, when that is cheap to know (for an ETA).

    Parquet keeps the count in its footer; uncompressed JSONL and text are
    counted by newlines. Compressed files and CSV (whose fields may hold
    newlines) return None.
    """
    fmt = fmt or detect_format(path)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(path).metadata.num_rows)
    if fmt in ("jsonl", "txt") and path.suffix.lower() != ".gz":
        count = 0
        last = b"\n"
        with path.open("rb") as handle:
            while block := handle.read(1 << 20):
                count += block.count(b"\n")
                last = block[-1:]
        return count + (last != b"\n")
    return None


def read_rows(path: Path, fmt: str | None = None) -> Iterator[dict[str, Any]]:
    """Stream the records of a JSONL, CSV or Parquet file as plain dicts.

    For reading classified outputs back (``paradip report``); lines that are
    not JSON objects are skipped.
    """
    fmt = fmt or detect_format(path)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches(batch_size=4096):
            yield from batch.to_pylist()
    elif fmt == "csv":
        with _open_binary(path) as raw:
            yield from csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
    else:
        with _open_binary(path) as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                except (json.JSONDecodeError, UnicodeDecodeError):
                    continue
                if isinstance(record, dict):
                    yield record
