"""The mention record every recognizer returns, and overlap resolution.

Like Presidio's ``RecognizerResult``, every mention carries its offsets in the
original text, a score, where it came from and why it matched, so a reviewer
can trace each output back to a lexicon entry or a pattern.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["LABEL_PRIORITY", "Mention", "in_brackets_after", "resolve_overlaps"]

#: Higher wins when two mentions overlap: a BASE beats the PLACE inside its name,
#: a QUANTITY beats a FORCE unit number («الفرقة 82» is handled by FORCE first).
LABEL_PRIORITY: dict[str, int] = {
    "FORCE": 60,
    "BASE": 50,
    "TIME": 40,
    "QUANTITY": 30,
    "PLACE": 20,
    "ORG": 10,
    "PERSON": 10,
    "MISC": 5,
}


@dataclass(slots=True)
class Mention:
    """One entity mention: ``text == article[start:end]``."""

    label: str
    start: int
    end: int
    text: str
    score: float = 1.0
    source: str = "rules"
    reason: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end


def _rank(mention: Mention) -> tuple[bool, int, int, float, int]:
    # Rules before the statistical model (it only fills gaps), then longer spans,
    # then label priority, then score; an earlier start breaks ties.
    return (mention.source != "model", mention.length, LABEL_PRIORITY.get(mention.label, 0),
            mention.score, -mention.start)


def resolve_overlaps(mentions: Iterable[Mention], keep_labels: Iterable[str] = ()) -> list[Mention]:
    """Greedy non-overlapping selection: rules first, longest span, label priority, score.

    ``keep_labels`` are kept even when they overlap a chosen mention (their
    overlap is resolved only among themselves).
    """
    keep = set(keep_labels)
    chosen, extra = _Disjoint(), _Disjoint()
    for mention in sorted(mentions, key=_rank, reverse=True):
        pool = extra if mention.label in keep else chosen
        if not pool.overlapped(mention):
            pool.add(mention)
    return sorted(chosen.mentions + extra.mentions, key=lambda m: (m.start, -m.end))


class _Disjoint:
    """Chosen mentions kept in start order, so that an overlap is found by bisecting: only
    the chosen ones from the last start before a candidate's to its end can touch it (an
    article has a few hundred candidates; testing each against all chosen was quadratic)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.mentions: list[Mention] = []

    def overlapped(self, mention: Mention) -> bool:
        first = max(bisect_left(self.starts, mention.start) - 1, 0)
        last = bisect_left(self.starts, mention.end)
        return any(mention.overlaps(other) for other in self.mentions[first:last])

    def add(self, mention: Mention) -> None:
        at = bisect_right(self.starts, mention.start)
        self.starts.insert(at, mention.start)
        self.mentions.insert(at, mention)


def in_brackets_after(text: str, named_end: int, start: int, end: int) -> bool:
    """The span ``start:end`` stands alone in brackets right after a name ending at ``named_end``:
    its other name («قوات سوريا الديمقراطية (قسد)», «عين العرب (كوباني)»). One test for the
    extractor's arguments (``events``) and the corpus validator (guidelines §8.4)."""
    return start >= named_end and text[named_end:start].strip() == "(" \
        and text[end:end + 2].lstrip().startswith(")")
