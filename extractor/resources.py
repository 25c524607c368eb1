"""Where the data lives: ``models/`` lexicons, gazetteers and trained models.

Everything the taggers know is reviewable data under ``models/`` (YAML and
TSV), loaded once per process. ``EXTRACTOR_MODELS`` points elsewhere, e.g. to
a reviewed copy of the lexicons.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ._compat import models_dir
from .normalize import normalize

__all__ = ["lexicon_path", "load_tsv", "load_yaml", "models_dir"]


def lexicon_path(relative: str) -> Path:
    return models_dir() / relative


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ten times faster to load


def parse_yaml(text: str) -> Any:
    """``yaml.safe_load`` through libyaml when PyYAML has it (the lexicons are large)."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 (a safe loader)


@cache
def load_yaml(relative: str) -> Any:
    """Parse a YAML file under ``models/`` (cached); missing files read as empty."""
    path = lexicon_path(relative)
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        return parse_yaml(handle.read()) or {}


@cache
def load_tsv(relative: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV file under ``models/`` as dicts (cached); missing files read as empty."""
    path = lexicon_path(relative)
    if not path.exists():
        return ()
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle, delimiter="\t"))


@cache
def word_set(relative: str, key: str | None = None) -> frozenset[str]:
    """Normalized words of a YAML list (or of ``data[key]``) for fast membership tests."""
    data = load_yaml(relative)
    if key is not None:
        data = data.get(key, []) if isinstance(data, dict) else []
    return frozenset(normalize(str(word)) for word in data or [])


@cache
def load_word_list(relative: str) -> tuple[str, ...]:
    """Normalized words of a text file under ``models/``, one a line, ``#`` comments skipped."""
    path = lexicon_path(relative)
    if not path.exists():
        return ()
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(normalize(line.strip()) for line in lines if line.strip() and not line.startswith("#"))
