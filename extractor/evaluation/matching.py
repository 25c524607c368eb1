"""When a predicted mention counts as the gold one: strict and lenient matching.

The contract (EXTRACTION.md) scores "lenient on boundaries and strict on
type": a prediction is right when it has the gold label, covers the gold
mention's *core* (the name, the number) and stays inside its *widest
acceptable extent*. Both are computed here from the gold span and the words
around it, using the word lists in ``boundaries.yaml``: what may be dropped
from the edges of a gold span (the core) and what may be added around it (the
extent). Strict matching is exact offsets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import yaml

from ..normalize import normalize

__all__ = ["Boundaries", "Mode", "Zone", "align", "boundaries", "same_entity", "spans_match", "zone"]

Mode = Literal["strict", "lenient"]
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Boundaries:
    """The scorer's word lists, normalized once."""

    leading: dict[str, frozenset[str]]
    trailing: dict[str, frozenset[str]]
    proclitics: frozenset[str]
    quotes: str
    max_words: int


@lru_cache(maxsize=1)
def boundaries() -> Boundaries:
    """Load ``boundaries.yaml`` (shipped inside the package, beside this module)."""
    data = yaml.safe_load(resources.files(__package__).joinpath("boundaries.yaml").read_text("utf-8"))

    def table(key: str) -> dict[str, frozenset[str]]:
        return {label: frozenset(normalize(w) for w in words) for label, words in data[key].items()}

    return Boundaries(table("leading"), table("trailing"), frozenset(data["proclitics"]),
                      data["quotes"], int(data["max_words"]))


@dataclass(frozen=True)
class Zone:
    """The core a prediction must cover and the extent it must stay inside."""

    core: tuple[int, int]
    extent: tuple[int, int]

    def accepts(self, start: int, end: int) -> bool:
        return (self.extent[0] <= start <= self.core[0]) and (self.core[1] <= end <= self.extent[1])


def _bare(word: str, quotes: str) -> str:
    return normalize(word.strip(quotes + "،,.:;()"))


def _forms(word: str, b: Boundaries) -> set[str]:
    """The word as written and with up to two glued proclitic letters removed (وب، فل)."""
    return {word[cut:] for cut in range(min(2, len(word) - 2) + 1)
            if all(ch in b.proclitics for ch in word[:cut])}


def _droppable(word: str, words: frozenset[str], b: Boundaries) -> bool:
    bare = _bare(word, b.quotes)
    return not bare or bool(_forms(bare, b) & words)


def _core(text: str, start: int, end: int, label: str, b: Boundaries) -> tuple[int, int]:
    words = [(m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])]
    if not words:
        return start, end
    first, last = 0, len(words) - 1
    while first < last and _droppable(text[slice(*words[first])], b.leading.get(label, frozenset()), b):
        first += 1
    while last > first and _droppable(text[slice(*words[last])], b.trailing.get(label, frozenset()), b):
        last -= 1
    if label == "QUANTITY" and last > first and not any(ch.isdigit() for ch in text[slice(*words[last])]):
        last -= 1  # the counted noun: «1000 جندي» → the number
    core_start, core_end = words[first][0], words[last][1]
    while core_start < core_end - 1 and text[core_start] in b.quotes:
        core_start += 1
    while core_end > core_start + 1 and text[core_end - 1] in b.quotes:
        core_end -= 1
    return core_start, core_end


def _word_before(text: str, left: int) -> tuple[int, int] | None:
    """The last whitespace-free run ending at or before ``left``: what the last match of
    ``_WORD.finditer(text, 0, left)`` is, without scanning the text from its start."""
    end = left
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return (start, end) if end > start else None


def _extent(text: str, start: int, end: int, label: str, b: Boundaries) -> tuple[int, int]:
    left = start
    while left > 0 and (text[left - 1] in b.proclitics or text[left - 1] in b.quotes or text[left - 1] == "ـ"):
        left -= 1  # «بالحسكة», «لـ"قسد"», «للقوات»
    if left > 0 and not text[left - 1].isspace():
        left = start  # the letters belong to a longer word
    for _ in range(b.max_words):
        before = _word_before(text, left)
        if not before or not _droppable(text[slice(*before)], b.leading.get(label, frozenset()), b):
            break
        left = before[0]
    right = end
    while right < len(text) and text[right] in b.quotes:
        right += 1
    for _ in range(b.max_words):
        after = _WORD.search(text, right)
        if not after or not _droppable(after.group(), b.trailing.get(label, frozenset()), b):
            break
        right = after.end()
    return left, right


@lru_cache(maxsize=4096)
def zone(text: str, start: int, end: int, label: str) -> Zone:
    """Core and widest acceptable extent of the gold mention ``text[start:end]`` (cached: one gold
    mention is compared with every prediction, by the entity, confusion and argument scores of
    its article; a small cache, since its keys keep the article texts alive)."""
    b = boundaries()
    return Zone(_core(text, start, end, label, b), _extent(text, start, end, label, b))


def spans_match(text: str, gold: dict[str, Any], pred: dict[str, Any], mode: Mode,
                check_label: bool = True) -> bool:
    """Whether ``pred`` counts as ``gold`` (labels compared unless ``check_label`` is off)."""
    if check_label and gold["label"] != pred["label"]:
        return False
    if mode == "strict":
        return gold["start"] == pred["start"] and gold["end"] == pred["end"]
    return zone(text, gold["start"], gold["end"], gold["label"]).accepts(pred["start"], pred["end"])


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def align(text: str, gold: Sequence[dict[str, Any]], pred: Sequence[dict[str, Any]], mode: Mode,
          check_label: bool = True) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) of matching mentions.

    Gold mentions are taken in text order and each gets the unused matching
    prediction that overlaps it most, so a prediction is counted once.
    """
    used: set[int] = set()
    pairs = []
    for gi in sorted(range(len(gold)), key=lambda i: gold[i]["start"]):
        g = gold[gi]
        candidates = [pi for pi, p in enumerate(pred)  # only a prediction touching the gold can match
                      if pi not in used and p["end"] >= g["start"] and p["start"] <= g["end"]
                      and spans_match(text, g, p, mode, check_label)]
        if candidates:
            best = max(candidates, key=lambda pi: (_overlap(gold[gi], pred[pi]), -pi))
            used.add(best)
            pairs.append((gi, best))
    return pairs


def _key(mention: dict[str, Any], text: str) -> str:
    surface = text[mention["start"]:mention["end"]]
    bare = _bare(surface, boundaries().quotes)
    return " ".join(bare.replace("«", " ").replace("»", " ").replace('"', " ").split())


def same_entity(text: str, gold: dict[str, Any], pred: dict[str, Any], mode: Mode) -> bool:
    """An argument filler matches: the same mention, or the same name repeated elsewhere.

    Event arguments point at mentions, and a name is often repeated («قسد» in
    the lead and again in the body); pointing at another mention of the same
    name is the same argument.
    """
    if gold["label"] != pred["label"]:
        return False
    return spans_match(text, gold, pred, mode) or _key(gold, text) == _key(pred, text)
