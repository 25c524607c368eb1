"""Score extractor output against the annotated corpus.

``evaluate(gold, pred)`` returns a :class:`Report` of pandas DataFrames:
P/R/F1 per label with micro and macro averages, value accuracy for QUANTITY
and TIME, a label confusion table, event and per-role argument P/R/F1, and
every false positive and negative with its sentence. Matching follows the
contract (``docs/EXTRACTION.md``): ``lenient`` (core and extent, the default)
or ``strict`` (exact offsets). Importing this package loads no model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from ..corpus import EVENT_TYPES, LABELS, ROLES, load_corpus
from .matching import Mode, spans_match, zone
from .report import Report
from .scoring import Counts, score_all

__all__ = ["Counts", "Mode", "Report", "compare_errors", "evaluate", "predict", "spans_match", "zone"]

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


#: What identifies one error across two runs.
_ERROR_KEY = ["article", "kind", "cause", "label", "start", "end", "text"]


def compare_errors(gold: Articles, baseline: Articles, pred: Articles, mode: Mode = "lenient") -> pd.DataFrame:
    """The errors a run fixed and made against a baseline run, both scored on ``gold``: the error
    diff every rule change is checked by. One row per error, ``change`` = ``fixed`` (only the
    baseline has it) or ``made`` (only the new run has it); an error both have is left out."""
    gold_articles = _articles(gold)
    before, after = (evaluate(gold_articles, run, mode).errors for run in (baseline, pred))
    count = {name: Counter(map(tuple, frame[_ERROR_KEY].itertuples(index=False)))
             for name, frame in (("before", before), ("after", after))}
    rows = [(*key, change) for change, diff in (("fixed", count["before"] - count["after"]),
                                                ("made", count["after"] - count["before"]))
            for key in sorted(diff.elements(), key=str)]
    return pd.DataFrame(rows, columns=[*_ERROR_KEY, "change"])
