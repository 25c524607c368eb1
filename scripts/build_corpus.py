"""Build ``corpus/<split>.jsonl`` from the hand-annotated ``corpus/annotated/<split>/*.txt``.

Annotators edit readable inline markup; every tool reads the JSONL. Offsets
are computed here, never typed by hand, so they are exact by construction.
Any doubt about the markup is an error with ``file:line`` (the build stops and
lists every problem) because a silently dropped mention would corrupt the
gold standard.

Source format (see corpus/GUIDELINES.md)::

    id: iraq-ain-al-asad-2025-09-14
    date: 2025-09-14
    region: Iraq
    ---
    بدأت [القوات الأميركية]{m1 FORCE} [الانسحاب]{v1 TRIGGER} من [قاعدة عين الأسد]{m2 BASE} ...
    ---
    v1 WITHDRAWAL ongoing actor=m1 origin=m2

Usage: ``python scripts/build_corpus.py [--root DIR] [--check] [dev] [test]``
(no split: every split that has an annotated folder).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from extractor.corpus import (
    EVENT_TYPES,
    LABELS,
    QUALIFIERS,
    REGIONS,
    ROLE_FILLERS,
    SPLITS,
    STATUSES,
    time_value_problem,
    validate_article,
)

__all__ = ["MarkupError", "build", "main", "parse_annotated", "to_jsonl", "write"]

SEPARATOR = "---"
HEADER_KEYS = ("id", "date", "region")
_ARTICLE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_MARKUP = re.compile(r"\[([^\[\]{}\n]+)\]\{([^\[\]{}\n]*)\}")
_SPECIAL = re.compile(r"[\[\]{}]")
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


class MarkupError(ValueError):
    """Every problem found in one or more annotated files, one ``file:line: message`` per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


# -- attribute values --------------------------------------------------------------------

def _number(raw: str) -> int | float | None:
    if raw == "null":
        return None
    if not _NUMBER.match(raw):
        raise ValueError(f"{raw!r} is not a number or null")
    return float(raw) if "." in raw else int(raw)


def _choice(allowed: tuple[Any, ...]):
    def parse(raw: str) -> Any:
        value = None if raw == "null" else raw
        if value not in allowed:
            raise ValueError(f"{raw!r} not in {[a for a in allowed if a is not None]}")
        return value
    return parse


def _time_value(raw: str) -> str | None:
    value = None if raw == "null" else raw
    problem = time_value_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _unit(raw: str) -> str:
    if raw == "null":
        raise ValueError("unit may not be null")
    return raw


#: label -> {attribute: (parser, default or REQUIRED)}; output keeps this order.
REQUIRED = object()
ATTRIBUTES: dict[str, dict[str, tuple[Any, Any]]] = {
    "QUANTITY": {"value": (_number, REQUIRED), "min": (_number, None), "max": (_number, None),
                 "qualifier": (_choice(QUALIFIERS), REQUIRED), "unit": (_unit, REQUIRED)},
    "TIME": {"value": (_time_value, REQUIRED), "mod": (_choice(("START", "MID", "END", None)), None)},
}


# -- parsing -----------------------------------------------------------------------------

def _sections(lines: list[str], name: str) -> tuple[int, int]:
    """Indexes of the two separator lines."""
    separators = [i for i, line in enumerate(lines) if line == SEPARATOR]
    if len(separators) != 2:
        raise MarkupError([f"{name}:1: expected exactly two '---' lines, found {len(separators)}"])
    return separators[0], separators[1]


def _record(store: dict[str, str], key: str, value: str, allowed: bool, where: str,
            problems: list[str], bad: str) -> None:
    """Store ``key: value`` once; a key not allowed or given twice is a problem."""
    if not allowed:
        problems.append(f"{where} {bad}")
    elif key in store:
        problems.append(f"{where} {key!r} given twice")
    else:
        store[key] = value


def _header(lines: list[str], name: str, problems: list[str]) -> dict[str, str]:
    header: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        key, sep, value = line.partition(":")
        _record(header, key.strip(), value.strip(), bool(sep) and key.strip() in HEADER_KEYS,
                f"{name}:{number}: header", problems,
                f"line must be one of {HEADER_KEYS} as 'key: value'")
    for key in HEADER_KEYS:
        if key not in header:
            problems.append(f"{name}:1: header lacks {key!r}")
    if "id" in header and not _ARTICLE_ID.match(header["id"]):
        problems.append(f"{name}:1: id {header['id']!r} must be lowercase ASCII, digits and '-'")
    if "region" in header and header["region"] not in REGIONS:
        problems.append(f"{name}:1: region {header['region']!r} not in {REGIONS}")
    if "date" in header and (time_value_problem(header["date"]) or len(header["date"]) != 10):
        problems.append(f"{name}:1: date {header['date']!r} is not YYYY-MM-DD")
    return header


def _mention(surface: str, inside: str, start: int, where: str,
             problems: list[str]) -> dict[str, Any] | None:
    """One inline annotation as an entity or (label TRIGGER) a bare trigger."""
    fields = inside.split()
    if len(fields) < 2:
        problems.append(f"{where}: annotation needs 'ID LABEL', got {{{inside}}}")
        return None
    ident, label, pairs = fields[0], fields[1], fields[2:]
    if surface != surface.strip():
        problems.append(f"{where}: {ident} surface starts or ends with whitespace")
    expected = "v" if label == "TRIGGER" else "m"
    if label != "TRIGGER" and label not in LABELS:
        problems.append(f"{where}: unknown label {label!r}")
        return None
    if not re.fullmatch(expected + r"\d+", ident):
        problems.append(f"{where}: a {label} id must look like {expected}12, got {ident!r}")
    item: dict[str, Any] = {"id": ident, "label": label, "start": start,
                            "end": start + len(surface), "text": surface}
    spec = ATTRIBUTES.get(label, {})
    given: dict[str, str] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        _record(given, key, raw, bool(sep) and key in spec, f"{where}: {ident}: attribute",
                problems, f"unexpected attribute {pair!r} for {label}")
    for key, (parse, default) in spec.items():
        if key not in given:
            if default is REQUIRED:
                problems.append(f"{where}: {ident}: {label} needs {key}=")
            item[key] = None if default is REQUIRED else default
            continue
        try:
            item[key] = parse(given[key])
        except ValueError as error:
            problems.append(f"{where}: {ident}: {key}: {error}")
    return item


def _body(lines: list[str], first_line: int, name: str,
          problems: list[str]) -> tuple[str, list[tuple[dict[str, Any], int]]]:
    """Plain text and the inline annotations with their source line numbers."""
    parts: list[str] = []
    found: list[tuple[dict[str, Any], int]] = []
    length = 0
    for offset, line in enumerate(lines):
        number = first_line + offset
        where = f"{name}:{number}"
        if offset:
            parts.append("\n")
            length += 1
        cursor = 0
        for special in _SPECIAL.finditer(line):
            if special.start() < cursor:
                continue
            match = _MARKUP.match(line, special.start())
            if special.group() != "[" or not match:
                problems.append(f"{where}: malformed markup or stray {special.group()!r} "
                                f"at column {special.start() + 1}")
                cursor = special.end()
                continue
            plain = line[cursor:match.start()]
            parts.append(plain)
            length += len(plain)
            item = _mention(match.group(1), match.group(2), length, where, problems)
            if item is not None:
                found.append((item, number))
            parts.append(match.group(1))
            length += len(match.group(1))
            cursor = match.end()
        parts.append(line[cursor:])
        length += len(line) - cursor
    return "".join(parts), found


def _events(lines: list[str], first_line: int, name: str, triggers: dict[str, tuple[dict, int]],
            labels: dict[str, str], problems: list[str]) -> list[dict[str, Any]]:
    events: dict[str, dict[str, Any]] = {}
    for offset, line in enumerate(lines):
        where = f"{name}:{first_line + offset}"
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        if len(fields) < 3:
            problems.append(f"{where}: event line needs 'vN TYPE STATUS role=mN ...'")
            continue
        ident, kind, status, pairs = fields[0], fields[1], fields[2], fields[3:]
        if ident not in triggers:
            problems.append(f"{where}: event {ident} has no [..]{{{ident} TRIGGER}} in the text")
            continue
        if ident in events:
            problems.append(f"{where}: event {ident} described twice")
            continue
        if kind not in EVENT_TYPES:
            problems.append(f"{where}: unknown event type {kind!r}")
        if status not in STATUSES:
            problems.append(f"{where}: unknown status {status!r}")
        args = []
        for pair in pairs:
            role, sep, refs = pair.partition("=")
            if not sep or not refs or role not in ROLE_FILLERS:
                problems.append(f"{where}: {ident}: bad argument {pair!r} (roles: {list(ROLE_FILLERS)})")
                continue
            for ref in refs.split(","):
                if ref not in labels:
                    problems.append(f"{where}: {ident}: {role} refers to missing mention {ref!r}")
                elif labels[ref] not in ROLE_FILLERS[role]:
                    problems.append(f"{where}: {ident}: {role}={ref} is a {labels[ref]}, expected "
                                    f"{'|'.join(sorted(ROLE_FILLERS[role]))}")
                else:
                    args.append({"role": role, "ref": ref})
        trigger = triggers[ident][0]
        events[ident] = {"id": ident, "type": kind, "status": status,
                         "trigger": {key: trigger[key] for key in ("start", "end", "text")},
                         "args": args}
    for ident, (_trigger, number) in triggers.items():
        if ident not in events:
            problems.append(f"{name}:{number}: trigger {ident} has no event line")
    return sorted(events.values(), key=lambda event: event["trigger"]["start"])


def parse_annotated(source: str, *, name: str = "<string>", split: str | None = None) -> dict[str, Any]:
    """One annotated source file as a corpus article (raises ``MarkupError``)."""
    if "\r" in source or source.startswith("\ufeff"):
        raise MarkupError([f"{name}:1: use UTF-8 without BOM and '\\n' line ends"])
    lines = source.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the file's final newline is not part of the event section
    head, tail = _sections(lines, name)
    problems: list[str] = []
    header = _header(lines[:head], name, problems)
    text, found = _body(lines[head + 1:tail], head + 2, name, problems)
    entities, triggers, labels = [], {}, {}
    for item, number in found:
        if item["id"] in labels or item["id"] in triggers:
            problems.append(f"{name}:{number}: duplicate id {item['id']}")
            continue
        if item["label"] == "TRIGGER":
            triggers[item["id"]] = (item, number)
        else:
            labels[item["id"]] = item["label"]
            entities.append(item)
    events = _events(lines[tail + 1:], tail + 2, name, triggers, labels, problems)
    article: dict[str, Any] = {"id": header.get("id"), "date": header.get("date")}
    if split is not None:
        article["split"] = split
    article.update({"region": header.get("region"), "text": text,
                    "entities": entities, "events": events, "errors": []})
    if not problems:
        problems += [f"{name}: {problem}" for problem in validate_article(article)]
    if problems:
        raise MarkupError(problems)
    return article


# -- whole splits ---------------------------------------------------------------------------

def build(split: str, root: Path = ROOT) -> list[dict[str, Any]]:
    """Every article of ``root/corpus/annotated/<split>/``, sorted by id."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}")
    folder = Path(root) / "corpus" / "annotated" / split
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no annotated {split} split")
    articles, problems, seen = [], [], {}
    for path in sorted(folder.glob("*.txt")):
        try:
            article = parse_annotated(path.read_text(encoding="utf-8"), name=str(path), split=split)
        except MarkupError as error:
            problems += error.problems
            continue
        if article["id"] != path.stem:
            problems.append(f"{path}:1: id {article['id']!r} differs from the file name")
        if article["id"] in seen:
            problems.append(f"{path}:1: id {article['id']!r} already used by {seen[article['id']]}")
        seen[article["id"]] = path.name
        articles.append(article)
    if problems:
        raise MarkupError(problems)
    return sorted(articles, key=lambda article: article["id"])


def to_jsonl(articles: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(article, ensure_ascii=False) + "\n" for article in articles)


def write(split: str, root: Path = ROOT) -> Path:
    """Build one split and write ``root/corpus/<split>.jsonl``."""
    target = Path(root) / "corpus" / f"{split}.jsonl"
    target.write_text(to_jsonl(build(split, root)), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", nargs="*", metavar="SPLIT", help=f"{SPLITS}; default: every annotated split")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this checkout)")
    parser.add_argument("--check", action="store_true", help="only verify the JSONL files are up to date")
    options = parser.parse_args(argv)
    unknown = [split for split in options.splits if split not in SPLITS]
    if unknown:
        parser.error(f"unknown split(s) {unknown}; choose from {SPLITS}")
    splits = options.splits or [s for s in SPLITS if (options.root / "corpus" / "annotated" / s).is_dir()]
    status = 0
    for split in splits:
        try:
            articles = build(split, options.root)
        except (MarkupError, FileNotFoundError) as error:
            print(error, file=sys.stderr)
            return 2
        target = options.root / "corpus" / f"{split}.jsonl"
        if options.check:
            current = target.read_text(encoding="utf-8") if target.exists() else ""
            if current != to_jsonl(articles):
                print(f"{target} is out of date: run scripts/build_corpus.py {split}", file=sys.stderr)
                status = 1
            continue
        target.write_text(to_jsonl(articles), encoding="utf-8")
        print(f"{target}: {len(articles)} articles")
    return status


if __name__ == "__main__":
    sys.exit(main())
