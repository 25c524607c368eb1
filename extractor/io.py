"""Reading articles from .txt files, folders, JSONL and CSV; writing JSONL.

Readers stream: one article at a time, in input order, so memory does not
grow with the batch. A line or file that cannot be read still yields an
article carrying an ``errors`` entry, so every input gives one output line.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

__all__ = ["SUPPORTED_SUFFIXES", "JsonlWriter", "decode", "read_articles", "read_path"]

SUPPORTED_SUFFIXES = (".txt", ".jsonl", ".csv")
Article = dict[str, Any]


def decode(data: bytes) -> tuple[str, list[str]]:
    """UTF-8 text (BOM dropped); undecodable bytes become U+FFFD with a message."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        text = data.decode("utf-8-sig", errors="replace")
        return text, [f"invalid UTF-8 at byte {error.start}: undecodable bytes replaced with U+FFFD"]


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article]:
    """Articles from each path in order; folders are walked in sorted order.

    A missing path raises ``FileNotFoundError`` before anything is read.
    """
    resolved = [Path(p) for p in paths]
    missing = [str(p) for p in resolved if not p.exists() and str(p) != "-"]
    if missing:
        raise FileNotFoundError(f"no such file or folder: {', '.join(missing)}")
    for path in resolved:
        if str(path) == "-":
            yield from _read_jsonl_lines(sys.stdin, "stdin")
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.suffix in SUPPORTED_SUFFIXES):
                yield from read_path(child)
        else:
            yield from read_path(path)


def read_path(path: Path) -> Iterator[Article]:
    """Articles of one file: a .txt is one article; .jsonl and .csv hold many."""
    if path.suffix == ".jsonl":
        with path.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                line, problems = decode(raw)
                yield from _parse_jsonl_line(line, f"{path.stem}:{number}", problems)
    elif path.suffix == ".csv":
        yield from _read_csv(path)
    else:
        text, problems = decode(path.read_bytes())
        yield {"id": path.stem, "text": text, "date": None, "errors": problems}


def _read_jsonl_lines(handle: TextIO, name: str) -> Iterator[Article]:
    for number, line in enumerate(handle, start=1):
        yield from _parse_jsonl_line(line, f"{name}:{number}", [])


def _parse_jsonl_line(line: str, fallback_id: str, problems: list[str]) -> Iterator[Article]:
    if not line.strip():
        return
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        yield {"id": fallback_id, "text": None, "date": None,
               "errors": problems + [f"invalid JSON line: {error.msg} at column {error.colno}"]}
        return
    if not isinstance(record, dict):
        yield {"id": fallback_id, "text": None, "date": None,
               "errors": problems + ["invalid JSON line: expected an object with a 'text' field"]}
        return
    article = {"id": str(record.get("id", fallback_id)), "text": record.get("text"),
               "date": record.get("date"), "errors": problems}
    if not isinstance(article["text"], str):
        article["errors"] = problems + ["missing 'text' field (a string) in JSON line"]
    yield article


def _read_csv(path: Path) -> Iterator[Article]:
    text, problems = decode(path.read_bytes())
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(text.splitlines(keepends=True))
    if reader.fieldnames is None or "text" not in reader.fieldnames:
        yield {"id": path.stem, "text": None, "date": None,
               "errors": problems + [f"CSV file has no 'text' column (columns: {reader.fieldnames})"]}
        return
    for number, row in enumerate(reader, start=1):
        yield {"id": row.get("id") or f"{path.stem}:{number}", "text": row.get("text") or "",
               "date": row.get("date") or None, "errors": list(problems)}


class JsonlWriter:
    """Writes one JSON object per line and flushes it, so a killed run leaves whole lines."""

    def __init__(self, handle: TextIO) -> None:
        self.handle = handle

    def write(self, obj: dict[str, Any]) -> None:
        self.handle.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self.handle.flush()
