"""Checking and preparing one article's text before extraction.

Bad input never raises: each problem becomes a clear message in the
article's ``errors``. Problems that still allow extraction (HTML tags,
invisible bidi marks, little Arabic) are prefixed ``warning:``; the others
(empty, too large) stop extraction for that article only. HTML tags are blanked
with spaces of equal length so offsets keep pointing into the original text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .normalize import BIDI_AND_CONTROL

__all__ = ["BATCH_SIZE", "MAX_CHARS", "Prepared", "parse_date", "prepare"]

MAX_CHARS = 1_000_000
#: Articles that go through the pipeline together. The statistical tagger is cheaper per article
#: on a batch, but every doc of a batch lives until the batch ends: 16 keeps 97% of the
#: throughput of 32 with a peak RSS of about 335 MB instead of 415 (benchmarks/throughput.py).
BATCH_SIZE = 16
_HEADER = re.compile(r"\A\s*date\s*[:=]?\s*(\d{4}-\d{2}-\d{2})[^\n]*?(?:\s-\s|\n|$)", re.IGNORECASE)
_TAG = re.compile(r"<(?:script|style)\b[^>]*>.*?</(?:script|style)>|<!--.*?-->|</?[A-Za-z][^<>]{0,500}>",
                  re.DOTALL | re.IGNORECASE)
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class Prepared:
    """The text the recognizers see (same length as the original) and what was found."""

    text: str
    matching_text: str
    date: dt.date | None
    header_end: int = 0
    errors: list[str] = field(default_factory=list)
    skip: bool = False


def parse_date(value: object) -> dt.date | None:
    """A ``date``, ``datetime`` or ISO string as a date; anything else is None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def prepare(text: object, date: object = None, max_chars: int = MAX_CHARS) -> Prepared:
    """Validate ``text`` and derive the article date (caller's, else a ``date`` header)."""
    if not isinstance(text, str):
        kind = type(text).__name__
        return Prepared("", "", None, errors=[f"invalid input: text must be a string, got {kind}"],
                        skip=True)
    errors: list[str] = []
    article_date = parse_date(date)
    if date not in (None, "") and article_date is None:
        errors.append(f"warning: date {date!r} is not an ISO date (YYYY-MM-DD); relative dates unresolved")
    if not text.strip():
        return Prepared(text, text, article_date, errors=["empty text: nothing to extract"], skip=True)
    if len(text) > max_chars:
        return Prepared(text, text, article_date, skip=True, errors=[
            f"text too large: {len(text):,} characters (limit {max_chars:,}); split the article"])
    header = _HEADER.match(text)
    header_end = 0
    if header:
        header_end = header.end()
        if article_date is None:
            article_date = parse_date(header.group(1))
    matching = text
    if _TAG.search(text):
        matching = _TAG.sub(lambda m: " " * len(m.group()), text)
        errors.append("warning: HTML markup found; tags were ignored (offsets unchanged)")
    invisible = len(BIDI_AND_CONTROL.findall(text))
    if invisible:
        errors.append(f"warning: {invisible} control or bidi character(s) ignored for matching")
    if "\ufffd" in text:
        errors.append("warning: text contains U+FFFD replacement characters (undecodable bytes)")
    letters = len(_LETTER.findall(matching))
    arabic = len(_ARABIC_LETTER.findall(matching))
    if letters and arabic / letters < 0.2:
        errors.append(f"warning: little Arabic text ({arabic} of {letters} letters); "
                      "the extractor handles Arabic only")
    elif not letters:
        errors.append("warning: no letters in text")
    return Prepared(text, matching, article_date, header_end, errors)
