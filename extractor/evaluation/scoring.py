"""Counting: true and false positives per label, value accuracy, events and their arguments.

Everything here works on plain dicts in the corpus/output JSON shape, one gold
and one predicted article at a time; ``report.py`` turns the counts into
tables. Matching rules are the contract's (EXTRACTION.md, "Scoring" and
"Events"); ``matching.py`` says when two spans count as the same mention.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..corpus import CORE_ROLES
from ..normalize import normalize
from .matching import Mode, align, same_entity

__all__ = ["MISSED", "SPURIOUS", "VALUE_FIELDS", "Counts", "Tally", "score_all", "score_article"]

MISSED, SPURIOUS = "(missed)", "(spurious)"
#: The value fields compared on matched mentions, per label.
VALUE_FIELDS: dict[str, tuple[str, ...]] = {
    "QUANTITY": ("value", "unit", "qualifier"),
    "TIME": ("value", "mod"),
}
_SENTENCE_END = re.compile(r"[.!؟?\n]")


@dataclass
class Counts:
    """True positives, false positives, false negatives, and the rates they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else math.nan

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else math.nan

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        if math.isnan(p) or math.isnan(r):
            return math.nan
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Tally:
    """All counts of one evaluation, filled article by article."""

    entities: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    #: (label, field) -> [correct, compared] over matched mentions.
    values: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    confusion: Counter = field(default_factory=Counter)
    events: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    roles: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    status: list[int] = field(default_factory=lambda: [0, 0])
    errors: list[dict[str, Any]] = field(default_factory=list)
    articles: int = 0
    #: The labels scored; predicted mentions of other labels (ORG, PERSON…) are left out.
    labels: frozenset[str] | None = None
    missing_predictions: list[str] = field(default_factory=list)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around a span, for error listings."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = _SENTENCE_END.search(text, end)
    return text[left:right.end() if right else len(text)].strip()


def _same_value(gold: Any, pred: Any) -> bool:
    if isinstance(gold, (int, float)) and isinstance(pred, (int, float)):
        return math.isclose(gold, pred)
    if isinstance(gold, str) and isinstance(pred, str):
        return normalize(gold) == normalize(pred)  # an Arabic lemma unit: دولة = دوله
    return gold == pred


def _value_correct(gold: dict[str, Any], pred: dict[str, Any], name: str) -> bool:
    if name == "value" and gold.get("qualifier") == "range":
        return all(_same_value(gold.get(k), pred.get(k)) for k in ("min", "max"))
    return _same_value(gold.get(name), pred.get(name))


def _error(kind: str, cause: str, article: dict[str, Any], mention: dict[str, Any],
           near: dict[str, Any] | None = None) -> dict[str, Any]:
    text = article["text"]
    return {"article": article.get("id"), "kind": kind, "cause": cause, "label": mention["label"],
            "start": mention["start"], "end": mention["end"], "text": text[mention["start"]:mention["end"]],
            "near_label": near["label"] if near else None,
            "near_text": text[near["start"]:near["end"]] if near else None,
            "sentence": _sentence(text, mention["start"], mention["end"])}


def _cause(mention: dict[str, Any], others: list[dict[str, Any]],
           alone: str) -> tuple[str, dict[str, Any] | None]:
    """Why a mention went unmatched: a neighbour of another label, or wrong edges, or nothing."""
    overlapping = [o for o in others if min(o["end"], mention["end"]) > max(o["start"], mention["start"])]
    for other in overlapping:
        if other["label"] != mention["label"]:
            return "label", other
    return ("boundary", overlapping[0]) if overlapping else (alone, None)


def _score_entities(gold: dict[str, Any], pred: dict[str, Any], mode: Mode, tally: Tally) -> None:
    text = gold["text"]
    g_ents, p_ents = gold.get("entities", []), pred.get("entities", [])
    if tally.labels is not None:
        p_ents = [e for e in p_ents if e["label"] in tally.labels]
    pairs = align(text, g_ents, p_ents, mode)
    matched_g, matched_p = {g for g, _ in pairs}, {p for _, p in pairs}
    for label in {e["label"] for e in g_ents} | {e["label"] for e in p_ents}:
        tp = sum(1 for g, _ in pairs if g_ents[g]["label"] == label)
        tally.entities[label].add(tp=tp,
                                  fp=sum(1 for i, e in enumerate(p_ents) if e["label"] == label and i not in matched_p),
                                  fn=sum(1 for i, e in enumerate(g_ents) if e["label"] == label and i not in matched_g))
    for kind, mentions, matched, others in (("fn", g_ents, matched_g, p_ents), ("fp", p_ents, matched_p, g_ents)):
        for i, mention in enumerate(mentions):
            if i not in matched:
                cause, near = _cause(mention, others, "missing" if kind == "fn" else "spurious")
                tally.errors.append(_error(kind, cause, gold, mention, near))
    _score_values(gold, g_ents, p_ents, pairs, tally)
    _score_confusion(text, g_ents, p_ents, mode, tally)


def _score_values(article: dict[str, Any], g_ents: list[dict[str, Any]], p_ents: list[dict[str, Any]],
                  pairs: list[tuple[int, int]], tally: Tally) -> None:
    for label, names in VALUE_FIELDS.items():
        for g, p in pairs:
            if g_ents[g]["label"] != label:
                continue
            right = {name: _value_correct(g_ents[g], p_ents[p], name) for name in names}
            right["all"] = all(right.values())
            if label == "QUANTITY":  # the target: the count and what it counts
                right["value+unit"] = right["value"] and right["unit"]
            for name, ok in right.items():
                slot = tally.values[(label, name)]
                slot[0] += ok
                slot[1] += 1
            if not right["all"]:
                wrong = ", ".join(f"{n}: {g_ents[g].get(n)!r} ≠ {p_ents[p].get(n)!r}"
                                  for n in names if not right[n])
                tally.errors.append(_error("value", wrong, article, g_ents[g], p_ents[p]))


def _score_confusion(text: str, g_ents: list[dict[str, Any]], p_ents: list[dict[str, Any]],
                     mode: Mode, tally: Tally) -> None:
    pairs = align(text, g_ents, p_ents, mode, check_label=False)
    for g, p in pairs:
        tally.confusion[(g_ents[g]["label"], p_ents[p]["label"])] += 1
    matched_g, matched_p = {g for g, _ in pairs}, {p for _, p in pairs}
    tally.confusion.update((e["label"], MISSED) for i, e in enumerate(g_ents) if i not in matched_g)
    tally.confusion.update((SPURIOUS, e["label"]) for i, e in enumerate(p_ents) if i not in matched_p)


# -- events -----------------------------------------------------------------------------

def _fillers(event: dict[str, Any], mentions: dict[str, dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    return [(arg["role"], mentions[arg["ref"]]) for arg in event.get("args", []) if arg.get("ref") in mentions]


def _arg_pairs(text: str, gold: list[tuple[str, dict]], pred: list[tuple[str, dict]],
               mode: Mode) -> list[tuple[int, int]]:
    used: set[int] = set()
    pairs = []
    for gi, (role, g) in enumerate(gold):
        for pi, (prole, p) in enumerate(pred):
            if pi not in used and prole == role and same_entity(text, g, p, mode):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def _trigger_overlap(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    g, p = gold.get("trigger") or {}, pred.get("trigger") or {}
    return bool(g and p) and min(g["end"], p["end"]) > max(g["start"], p["start"])


def _score_events(gold: dict[str, Any], pred: dict[str, Any], mode: Mode, tally: Tally) -> None:
    text = gold["text"]
    g_ments = {e["id"]: e for e in gold.get("entities", [])}
    p_ments = {e["id"]: e for e in pred.get("entities", [])}
    g_events, p_events = gold.get("events", []), pred.get("events", [])
    g_args = [_fillers(e, g_ments) for e in g_events]
    p_args = [_fillers(e, p_ments) for e in p_events]
    used: set[int] = set()
    matches: list[tuple[int, int, list[tuple[int, int]]]] = []
    for gi, event in enumerate(g_events):
        best = None
        for pi, other in enumerate(p_events):
            if pi in used or other["type"] != event["type"]:
                continue
            pairs = _arg_pairs(text, g_args[gi], p_args[pi], mode)
            core = any(g_args[gi][a][0] in CORE_ROLES for a, _ in pairs)
            has_core = any(role in CORE_ROLES for role, _ in g_args[gi])
            if core or (not has_core and _trigger_overlap(event, other)):
                rank = (len(pairs), _trigger_overlap(event, other))
                if best is None or rank > best[0]:
                    best = (rank, pi, pairs)
        if best:
            used.add(best[1])
            matches.append((gi, best[1], best[2]))
    matched_g = {g for g, _, _ in matches}
    for etype in {e["type"] for e in g_events} | {e["type"] for e in p_events}:
        tally.events[etype].add(
            tp=sum(1 for g, _, _ in matches if g_events[g]["type"] == etype),
            fp=sum(1 for i, e in enumerate(p_events) if e["type"] == etype and i not in used),
            fn=sum(1 for i, e in enumerate(g_events) if e["type"] == etype and i not in matched_g))
    for g, p, pairs in matches:
        tally.status[0] += g_events[g].get("status") == p_events[p].get("status")
        tally.status[1] += 1
        _count_roles(g_args[g], p_args[p], pairs, tally)
    for i in set(range(len(g_events))) - matched_g:
        _count_roles(g_args[i], [], [], tally)
        tally.errors.append(_event_error("fn", gold, g_events[i]))
    for i in set(range(len(p_events))) - used:
        _count_roles([], p_args[i], [], tally)
        tally.errors.append(_event_error("fp", gold, p_events[i]))


def _count_roles(gold: list[tuple[str, dict]], pred: list[tuple[str, dict]],
                 pairs: list[tuple[int, int]], tally: Tally) -> None:
    hit_g, hit_p = {g for g, _ in pairs}, {p for _, p in pairs}
    for gi, (role, _) in enumerate(gold):
        tally.roles[role].add(tp=gi in hit_g, fn=gi not in hit_g)
    for pi, (role, _) in enumerate(pred):
        if pi not in hit_p:
            tally.roles[role].add(fp=1)


def _event_error(kind: str, article: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    trigger = event.get("trigger") or {"start": 0, "end": 0}
    return _error(kind, "event", article, {"label": event["type"], **trigger})


def score_article(gold: dict[str, Any], pred: dict[str, Any] | None, mode: Mode, tally: Tally) -> None:
    """Add one article's counts; a missing prediction counts every gold item as missed."""
    tally.articles += 1
    if pred is None:
        tally.missing_predictions.append(gold.get("id"))
        pred = {"entities": [], "events": []}
    _score_entities(gold, pred, mode, tally)
    _score_events(gold, pred, mode, tally)


def score_all(gold: Iterable[dict[str, Any]], pred: dict[str, dict[str, Any]], mode: Mode,
              labels: Iterable[str] | None = None) -> Tally:
    """Score every gold article against the prediction with its id (only ``labels``, if given)."""
    tally = Tally(labels=frozenset(labels) if labels is not None else None)
    for article in gold:
        score_article(article, pred.get(article.get("id")), mode, tally)
    return tally
