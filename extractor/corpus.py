"""Load and check the annotated corpus (``corpus/<split>.jsonl``).

The corpus is the gold standard every evaluation trusts, so it is checked
against the contract (``EXTRACTION.md``) and the project's guidelines
(``corpus/GUIDELINES.md``) before anyone scores against it. The checks are
tables, not branches, so a new label or role is one line. Pure Python on
purpose: the converter and the tests use it without loading any model.

Problem messages name ids, fields and offsets, never the article text, so
validating the held-out split does not print it.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Callable, Iterable
from itertools import pairwise
from pathlib import Path
from typing import Any

from .mentions import in_brackets_after

__all__ = [
    "CORE_ROLES",
    "EVENT_TYPES",
    "LABELS",
    "QUALIFIERS",
    "REGIONS",
    "ROLES",
    "ROLE_FILLERS",
    "SPLITS",
    "STATUSES",
    "TIME_MODS",
    "TIME_VALUE",
    "load_corpus",
    "time_value_problem",
    "validate_article",
    "validate_corpus",
]

LABELS = ("PLACE", "BASE", "FORCE", "QUANTITY", "TIME")
EVENT_TYPES = ("WITHDRAWAL", "DEPLOYMENT", "BASE_TRANSFER", "BASE_CLOSURE", "ATTACK")
STATUSES = ("ongoing", "completed", "planned")
#: Which entity labels may fill each role (the contract's role table).
ROLE_FILLERS: dict[str, frozenset[str]] = {
    "actor": frozenset({"FORCE"}),
    "origin": frozenset({"BASE", "PLACE"}),
    "destination": frozenset({"BASE", "PLACE"}),
    "location": frozenset({"BASE", "PLACE"}),
    "recipient": frozenset({"FORCE"}),
    "target": frozenset({"BASE", "FORCE", "PLACE"}),
    "quantity": frozenset({"QUANTITY"}),
    "time": frozenset({"TIME"}),
}
ROLES = tuple(ROLE_FILLERS)
#: An event is only scorable through one of these (EXTRACTION.md, "Events"),
#: so the guidelines annotate no event without one.
CORE_ROLES = frozenset({"actor", "origin", "location", "target"})
QUALIFIERS = ("exact", "approx", "more_than", "less_than", "at_least", "at_most", "range", "vague")
TIME_MODS = ("START", "MID", "END", None)
REGIONS = ("Syria", "Iraq", "Jordan", "Gulf", "Yemen", "Lebanon", "Palestine", "Egypt", "Libya", "Sudan", "Sahel",
           "Somalia")
SPLITS = ("dev", "test")

#: ISO 8601 date, year-month, year, or ISO week (2026-W08).
TIME_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ENTITY_ID = re.compile(r"^m\d+$")
_EVENT_ID = re.compile(r"^v\d+$")

Check = Callable[[dict[str, Any]], Iterable[str]]


def load_corpus(path: str | Path) -> list[dict[str, Any]]:
    """Articles of one JSONL file, in file order; bad lines raise with path:line."""
    articles = []
    path = Path(path)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            article = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}:{number}: not JSON ({error.msg})") from None
        if not isinstance(article, dict):
            raise TypeError(f"{path}:{number}: not a JSON object")
        articles.append(article)
    return articles


# -- small predicates -----------------------------------------------------------------

def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _valid_date(value: Any) -> bool:
    if not isinstance(value, str) or not _DATE.match(value):
        return False
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def time_value_problem(value: Any) -> str | None:
    """Why ``value`` is not an ISO date, partial date or ISO week (None when it is)."""
    if value is None:
        return None
    match = TIME_VALUE.match(value) if isinstance(value, str) else None
    if not match:
        return f"TIME value {value!r} is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www"
    year, month, day, week = match.groups()
    if day is not None and not _valid_date(value):
        return f"TIME value {value!r} is not a calendar date"
    if month is not None and not 1 <= int(month) <= 12:
        return f"TIME value {value!r} has no such month"
    if week is not None and not 1 <= int(week) <= _dt.date(int(year), 12, 28).isocalendar()[1]:
        return f"TIME value {value!r} has no such ISO week"
    return None


def period_start(value: str) -> _dt.date | None:
    """The first day of a TIME value (2025, 2025-09, 2025-09-28, 2025-W39); None if invalid."""
    if time_value_problem(value) is not None or not value:
        return None
    year, month, day, week = TIME_VALUE.match(value).groups()
    if week is not None:
        return _dt.date.fromisocalendar(int(year), int(week), 1)
    return _dt.date(int(year), int(month or 1), int(day or 1))


# -- per-label checks (table below) ---------------------------------------------------

def _quantity_problems(entity: dict[str, Any]) -> Iterable[str]:
    qualifier, value = entity.get("qualifier"), entity.get("value")
    low, high = entity.get("min"), entity.get("max")
    for key in ("value", "min", "max", "qualifier", "unit"):
        if key not in entity:
            yield f"QUANTITY lacks {key!r}"
    if qualifier not in QUALIFIERS:
        yield f"QUANTITY qualifier {qualifier!r} not in {QUALIFIERS}"
    unit = entity.get("unit")
    if not (isinstance(unit, str) and unit.strip()):
        yield "QUANTITY unit must be a non-empty string"
    for key, number in (("value", value), ("min", low), ("max", high)):
        if number is not None and not _is_number(number):
            yield f"QUANTITY {key} {number!r} is not a number"
    if qualifier == "range":
        if not (_is_number(low) and _is_number(high)):
            yield "range QUANTITY needs numeric min and max"
        elif low > high:
            yield "range QUANTITY has min > max"
    elif low is not None or high is not None:
        yield "min/max are only for qualifier=range"
    if qualifier == "vague" and value is not None:
        yield "vague QUANTITY must have value null"
    if qualifier not in ("range", "vague") and not _is_number(value):
        yield f"{qualifier} QUANTITY needs a numeric value"


def _time_problems(entity: dict[str, Any]) -> Iterable[str]:
    for key in ("value", "mod"):
        if key not in entity:
            yield f"TIME lacks {key!r}"
    problem = time_value_problem(entity.get("value"))
    if problem:
        yield problem
    if entity.get("mod") not in TIME_MODS:
        yield f"TIME mod {entity.get('mod')!r} not in START/MID/END/null"


_LABEL_CHECKS: dict[str, Check] = {
    "QUANTITY": _quantity_problems,
    "TIME": _time_problems,
}


# -- article-level checks ---------------------------------------------------------------

def _span_problems(where: str, span: dict[str, Any], text: str) -> list[str]:
    start, end, surface = span.get("start"), span.get("end"), span.get("text")
    if not (_is_int(start) and _is_int(end)):
        return [f"{where}: start/end must be integers"]
    if not 0 <= start < end <= len(text):
        return [f"{where}: offsets [{start}, {end}) out of range (text length {len(text)})"]
    if not isinstance(surface, str) or text[start:end] != surface:
        return [f"{where}: text[{start}:{end}] != its text"]
    if surface != surface.strip():
        return [f"{where}: span starts or ends with whitespace"]
    return []


def _header_problems(article: dict[str, Any]) -> list[str]:
    problems = []
    if not (isinstance(article.get("id"), str) and article["id"]):
        problems.append("article id must be a non-empty string")
    if not _valid_date(article.get("date")):
        problems.append(f"article date {article.get('date')!r} is not YYYY-MM-DD")
    if not isinstance(article.get("text"), str) or not article.get("text"):
        problems.append("article text must be a non-empty string")
    for key in ("entities", "events", "errors"):
        if not isinstance(article.get(key), list):
            problems.append(f"article {key} must be a list")
    if "split" in article and article["split"] not in SPLITS:
        problems.append(f"split {article['split']!r} not in {SPLITS}")
    if "region" in article and article["region"] not in REGIONS:
        problems.append(f"region {article['region']!r} not in {REGIONS}")
    return problems


def _entity_problems(entity: dict[str, Any], text: str) -> list[str]:
    where = str(entity.get("id"))
    problems = [] if _ENTITY_ID.match(where) else [f"{where}: entity id must look like m12"]
    problems += _span_problems(where, entity, text)
    label = entity.get("label")
    if label not in LABELS:
        return problems + [f"{where}: unknown label {label!r}"]
    check = _LABEL_CHECKS.get(label)
    problems += [f"{where}: {problem}" for problem in (check(entity) if check else ())]
    return problems


def _event_problems(event: dict[str, Any], text: str, labels: dict[str, str]) -> list[str]:
    where = str(event.get("id"))
    problems = [] if _EVENT_ID.match(where) else [f"{where}: event id must look like v3"]
    if event.get("type") not in EVENT_TYPES:
        problems.append(f"{where}: unknown event type {event.get('type')!r}")
    if event.get("status") not in STATUSES:
        problems.append(f"{where}: unknown status {event.get('status')!r}")
    trigger = event.get("trigger")
    if isinstance(trigger, dict):
        problems += _span_problems(f"{where} trigger", trigger, text)
    else:
        problems.append(f"{where}: trigger must be an object")
    args = event.get("args")
    if not isinstance(args, list):
        return problems + [f"{where}: args must be a list"]
    seen: set[tuple[Any, Any]] = set()
    for arg in args:
        role, ref = arg.get("role"), arg.get("ref")
        if role not in ROLE_FILLERS:
            problems.append(f"{where}: unknown role {role!r}")
        elif ref not in labels:
            problems.append(f"{where}: {role} refers to missing mention {ref!r}")
        elif labels[ref] not in ROLE_FILLERS[role]:
            problems.append(f"{where}: {role} filler {ref} is {labels[ref]}, "
                            f"expected {'|'.join(sorted(ROLE_FILLERS[role]))}")
        if (role, ref) in seen:
            problems.append(f"{where}: duplicate argument {role}={ref}")
        seen.add((role, ref))
    if not any(arg.get("role") in CORE_ROLES for arg in args):
        problems.append(f"{where}: no actor, origin, location or target argument")
    return problems


def bracketed_names(entities: list[dict[str, Any]], text: str) -> dict[str, set[str]]:
    """Mention id → the ids of its other names: a mention of the same label in brackets right after
    it («قوات سوريا الديمقراطية (قسد)», «عين العرب (كوباني)»), and the other way round."""
    spans = sorted((e for e in entities if e.get("label") in ("FORCE", "PLACE", "BASE")
                    and _is_int(e.get("start")) and _is_int(e.get("end"))), key=lambda e: e["start"])
    names: dict[str, set[str]] = {}
    for named, inside in pairwise(spans):
        if named["label"] == inside["label"] \
                and in_brackets_after(text, named["end"], inside["start"], inside["end"]):
            names.setdefault(str(named["id"]), set()).add(str(inside["id"]))
            names.setdefault(str(inside["id"]), set()).add(str(named["id"]))
    return names


def _alias_problems(event: dict[str, Any], names: dict[str, set[str]]) -> list[str]:
    """GUIDELINES §8.4: an argument's other name in brackets fills the same role."""
    listed = {(arg.get("role"), arg.get("ref")) for arg in event.get("args") or [] if isinstance(arg, dict)}
    refs = {ref for _, ref in listed}
    return [f"{event.get('id')}: {role}={ref} has its other name {other} in brackets: list both (§8.4)"
            for role, ref in sorted(listed, key=str) for other in sorted(names.get(str(ref), ()))
            if (role, other) not in listed and other not in refs]


def _overlap_problems(spans: list[tuple[int, int, str]]) -> list[str]:
    """Mentions and triggers may not nest or overlap (one span, one meaning)."""
    problems = []
    ordered = sorted(spans)
    for (_start_a, end_a, id_a), (start_b, _end_b, id_b) in pairwise(ordered):
        if start_b < end_a:
            problems.append(f"{id_a} and {id_b} overlap")
    return problems


def validate_article(article: dict[str, Any]) -> list[str]:
    """Every problem of one gold article; an empty list means it is usable."""
    problems = _header_problems(article)
    if problems:
        return problems
    text = article["text"]
    entities = [e for e in article["entities"] if isinstance(e, dict)]
    events = [e for e in article["events"] if isinstance(e, dict)]
    if len(entities) != len(article["entities"]) or len(events) != len(article["events"]):
        problems.append("entities and events must be objects")
    ids = [str(item.get("id")) for item in entities + events]
    problems += [f"duplicate id {item_id}" for item_id in sorted({i for i in ids if ids.count(i) > 1})]
    for entity in entities:
        problems += _entity_problems(entity, text)
    labels = {str(e.get("id")): e.get("label") for e in entities}
    names = bracketed_names(entities, text)
    for event in events:
        problems += _event_problems(event, text, labels) + _alias_problems(event, names)
    spans = [(e["start"], e["end"], str(e["id"])) for e in entities
             if _is_int(e.get("start")) and _is_int(e.get("end"))]
    spans += [(e["trigger"]["start"], e["trigger"]["end"], f"{e.get('id')} trigger") for e in events
              if isinstance(e.get("trigger"), dict)
              and _is_int(e["trigger"].get("start")) and _is_int(e["trigger"].get("end"))]
    return problems + _overlap_problems(spans)


def validate_corpus(path: str | Path) -> dict[str, list[str]]:
    """Problems per article id (only articles that have some); {} means clean.

    Unreadable lines and repeated article ids are reported too, under the
    key ``"<file>"`` and the repeated id.
    """
    try:
        articles = load_corpus(path)
    except (OSError, TypeError, ValueError) as error:
        return {"<file>": [str(error)]}
    report: dict[str, list[str]] = {}
    seen: set[str] = set()
    for index, article in enumerate(articles, start=1):
        key = str(article.get("id") or f"line {index}")
        problems = validate_article(article)
        if key in seen:
            problems = [f"article id {key} appears more than once"] + problems
        seen.add(key)
        if problems:
            report.setdefault(key, []).extend(problems)
    return report
