"""Reading the corpus: JSONL files, streamed, each line kept with its number."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from classifier.data.schema import CorpusItem, ItemError, parse_item

__all__ = ["DEFAULT_CORPUS", "CorpusLine", "corpus_files", "load_corpus", "read_corpus"]

#: Where the shipped corpus lives, relative to the project root.
DEFAULT_CORPUS = Path("training_data") / "corpus"


@dataclass(frozen=True)
class CorpusLine:
    """One line of a corpus file: the item, or the reason it could not be read."""

    path: Path
    line: int
    item: CorpusItem | None
    error: str | None = None

    @property
    def where(self) -> str:
        """``file:line``, the way editors and compilers name a place."""
        return f"{self.path}:{self.line}"


def corpus_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into the ``*.jsonl`` files they hold, sorted.

    Raises
    ------
    FileNotFoundError
        When a path does not exist, or a folder holds no ``.jsonl`` file.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.rglob("*.jsonl"))
            if not found:
                raise FileNotFoundError(f"{path} holds no .jsonl file")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"{path} does not exist")
    return files


def read_corpus(paths: Iterable[Path]) -> Iterator[CorpusLine]:
    """Yield every non-blank line of the corpus files, parsed or with its error."""
    for path in corpus_files(paths):
        with path.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                try:
                    record = json.loads(raw.decode("utf-8"))
                    yield CorpusLine(path, number, parse_item(record))
                except UnicodeDecodeError as exc:
                    yield CorpusLine(path, number, None, f"not valid UTF-8: {exc.reason}")
                except json.JSONDecodeError as exc:
                    yield CorpusLine(
                        path, number, None, f"invalid JSON: {exc.msg} at column {exc.colno}"
                    )
                except ItemError as exc:
                    yield CorpusLine(path, number, None, str(exc))


def load_corpus(paths: Iterable[Path]) -> list[CorpusItem]:
    """Read every item, failing on the first bad line with its place and reason.

    Raises
    ------
    ItemError
        Naming ``file:line`` and the problem; ``paradip data check`` lists them all.
    """
    items: list[CorpusItem] = []
    for line in read_corpus(paths):
        if line.item is None:
            raise ItemError(
                f"{line.where}: {line.error} (run 'paradip data check' for all problems)"
            )
        items.append(line.item)
    return items
