"""Score extractor output against the annotated corpus.

``evaluate(gold, pred)`` returns a :class:`Report` of pandas DataFrames:
P/R/F1 per label with micro and macro averages, value accuracy for QUANTITY
and TIME, a label confusion table, event and per-role argument P/R/F1, and
every false positive and negative with its sentence. Matching follows the
contract (``docs/EXTRACTION.md``): ``lenient`` (core and extent, the default)
or ``strict`` (exact offsets). Importing this package loads no model.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..corpus import EVENT_TYPES, LABELS, ROLES, load_corpus
from .matching import Mode, spans_match, zone
from .report import Report
from .scoring import Counts, score_all

__all__ = ["Counts", "Mode", "Report", "evaluate", "predict", "spans_match", "zone"]

Articles = str | Path | Iterable[dict[str, Any]]


def _articles(source: Articles) -> list[dict[str, Any]]:
    return load_corpus(source) if isinstance(source, (str, Path)) else list(source)


def evaluate(gold: Articles, pred: Articles, mode: Mode = "lenient",
             labels: Iterable[str] = LABELS) -> Report:
    """Score predictions (paths to JSONL or lists of article dicts) against gold, by article id.

    Only ``labels`` are scored (the contract's five by default), so the
    statistical tagger's extra ORG and PERSON mentions are not counted as errors.
    """
    if mode not in ("strict", "lenient"):
        raise ValueError(f"mode must be 'strict' or 'lenient', not {mode!r}")
    gold_articles = _articles(gold)
    by_id = {article.get("id"): article for article in _articles(pred)}
    tally = score_all(gold_articles, by_id, mode, labels)
    return Report.from_tally(tally, mode, LABELS, EVENT_TYPES, ROLES)


def predict(gold: Articles, extractor: Any = None) -> list[dict[str, Any]]:
    """Run the extractor over the gold articles' texts and dates (keeping their ids)."""
    if extractor is None:
        from ..api import Extractor

        extractor = Extractor()
    return [extractor.extract(a["text"], date=a.get("date"), doc_id=a.get("id")).to_dict()
            for a in _articles(gold)]
