"""Read and write any supported annotation format: the engine of ``extractor convert``.

A format is named by the user or guessed from the path: a folder is brat, a
``.jsonl`` file is the corpus format (gold or ``extractor run`` output), a
``.json`` file is a Label Studio export, ``.conll``/``.bio``/``.tsv`` are
CoNLL. Everything goes through corpus articles, so any pair converts.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import (
    from_conll,
    from_labelstudio,
    read_brat,
    to_conll,
    to_labelstudio,
    write_brat,
)

__all__ = ["FORMATS", "guess_format", "read_articles_as", "write_articles_as"]

FORMATS = ("corpus", "brat", "conll", "labelstudio")
_SUFFIXES = {".jsonl": "corpus", ".json": "labelstudio", ".conll": "conll", ".bio": "conll", ".tsv": "conll"}

Articles = list[dict[str, Any]]


def guess_format(path: str | Path) -> str:
    """The format a path most likely holds; ValueError when the name says nothing."""
    path = Path(path)
    if path.is_dir() or not path.suffix:
        return "brat"
    try:
        return _SUFFIXES[path.suffix.lower()]
    except KeyError:
        raise ValueError(f"cannot tell the format of {path}; name it with --from/--to") from None


def _read_jsonl(path: Path) -> Articles:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _write_jsonl(articles: Articles, path: Path) -> None:
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")


def _write_conll(articles: Articles, path: Path) -> None:
    # Gold export: tokens are cut at mention edges so that no mention is lost.
    path.write_text("\n".join(to_conll(a, split_at_mentions=True) for a in articles), encoding="utf-8")


def _write_labelstudio(articles: Articles, path: Path) -> None:
    path.write_text(json.dumps(to_labelstudio(articles), ensure_ascii=False, indent=1), encoding="utf-8")


_READERS: dict[str, Callable[[Path], Articles]] = {
    "corpus": _read_jsonl,
    "brat": read_brat,
    "conll": lambda path: from_conll(path.read_text(encoding="utf-8")),
    "labelstudio": lambda path: from_labelstudio(json.loads(path.read_text(encoding="utf-8"))),
}
_WRITERS: dict[str, Callable[[Articles, Path], Any]] = {
    "corpus": _write_jsonl,
    "brat": lambda articles, path: write_brat(articles, path),
    "conll": _write_conll,
    "labelstudio": _write_labelstudio,
}


def read_articles_as(path: str | Path, fmt: str | None = None) -> Articles:
    """Corpus articles from ``path`` in ``fmt`` (guessed when None)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no such file or folder: {path}")
    return _READERS[fmt or guess_format(path)](path)


def write_articles_as(articles: Articles, path: str | Path, fmt: str | None = None) -> None:
    """Write ``articles`` to ``path`` in ``fmt`` (guessed when None); brat makes a folder."""
    path = Path(path)
    fmt = fmt or guess_format(path)
    if fmt != "brat":
        path.parent.mkdir(parents=True, exist_ok=True)
    _WRITERS[fmt](list(articles), path)
