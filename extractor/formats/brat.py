"""brat standoff, both ways, so annotators can review and fix the corpus in brat.

Mapping (exact round trip for every corpus field):

* entity ``mK`` -> ``TK\tLABEL start end\ttext`` (same number, so ids survive);
* event ``vK`` -> a trigger ``T<n>`` labelled with the event type (numbered after
  the largest entity number), ``EK\tTYPE:T<n> role:Tk role2:Tj`` (brat numbers a
  repeated role ``origin``, ``origin2``, ``origin3``; argument order is kept) and
  ``A<i>\tStatus EK <status>``;
* QUANTITY/TIME values -> ``#<i>\tAnnotatorNotes TK\tvalue=1000 qualifier=approx
  unit=troops`` (``formats.format_values``; null fields omitted).

Article metadata (id, date, split, region, errors and any other top-level
field) lives in a sidecar ``metadata.jsonl`` in the folder, one line per
article in corpus order with the file stem under ``"file"``: it works for
articles without any annotation, keeps the order, and brat ignores it.
Offsets are code-point offsets into the .txt, which is written as the exact
UTF-8 of the article text (no newline translation), as brat expects.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..corpus import EVENT_TYPES, LABELS, ROLE_FILLERS, STATUSES
from . import VALUE_FIELDS, assemble, format_values, header, id_number, parse_values

__all__ = ["METADATA", "annotation_conf", "from_brat", "read_brat", "to_brat", "write_brat"]

METADATA = "metadata.jsonl"
STATUS = "Status"
_SAFE_STEM = re.compile(r"[^\w.-]+")
_ROLE_NUMBER = re.compile(r"^([a-z_]+?)(\d*)$")


def _one_line(surface: str) -> str:
    """A span's text as the .ann column shows it (the .ann is tab- and line-based)."""
    return surface.replace("\n", " ").replace("\t", " ")


def _t_line(tid: int, label: str, span: dict[str, Any]) -> str:
    return f"T{tid}\t{label} {span['start']} {span['end']}\t{_one_line(span['text'])}"


def _numbered_roles(args: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(brat role, ref): the n-th repeat of a role becomes ``role<n>`` (n >= 2)."""
    seen: dict[str, int] = {}
    out = []
    for arg in args:
        seen[arg["role"]] = seen.get(arg["role"], 0) + 1
        count = seen[arg["role"]]
        out.append((arg["role"] + (str(count) if count > 1 else ""), arg["ref"]))
    return out


def to_brat(article: dict[str, Any]) -> tuple[str, str]:
    """(.txt content, .ann content) for one article; metadata is not in either (see module doc)."""
    entities, events = article["entities"], article["events"]
    lines = [_t_line(id_number(e["id"], "m"), e["label"], e) for e in entities]
    first_trigger = max((id_number(e["id"], "m") for e in entities), default=0) + 1
    triggers = {event["id"]: first_trigger + index for index, event in enumerate(events)}
    lines += [_t_line(triggers[v["id"]], v["type"], v["trigger"]) for v in events]
    for event in events:
        args = "".join(f" {role}:T{id_number(ref, 'm')}" for role, ref in _numbered_roles(event["args"]))
        lines.append(f"E{id_number(event['id'], 'v')}\t{event['type']}:T{triggers[event['id']]}{args}")
    lines += [f"A{index}\t{STATUS} E{id_number(event['id'], 'v')} {event['status']}"
              for index, event in enumerate(events, start=1)]
    notes = [(id_number(e["id"], "m"), format_values(e)) for e in entities]
    lines += [f"#{index}\tAnnotatorNotes T{tid}\t{note}"
              for index, (tid, note) in enumerate(((t, n) for t, n in notes if n), start=1)]
    return article["text"], "".join(line + "\n" for line in lines)


# -- reading ------------------------------------------------------------------------------

_Line = tuple[int, list[str], str]
"""(line number, space-split second field, third field) of one .ann line."""


def _parse_ann(ann: str) -> dict[str, dict[str, _Line]]:
    """Tables of the .ann lines by kind (T, E, A, #), keyed by brat id; unknown kinds raise."""
    tables: dict[str, dict[str, _Line]] = {"T": {}, "E": {}, "A": {}, "#": {}}
    # split on "\n" only: str.splitlines would also cut at U+2028 etc. inside span texts
    for number, line in enumerate(ann.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        fields = line.split("\t")
        kind = fields[0][:1]
        if kind not in tables or len(fields) < 2:
            raise ValueError(f".ann line {number}: unsupported annotation {fields[0]!r} "
                             "(only T, E, A and # AnnotatorNotes map to the corpus)")
        tables[kind][fields[0]] = (number, fields[1].split(" "), fields[2] if len(fields) > 2 else "")
    return tables


def _span(txt: str, number: int, parts: list[str], surface: str) -> dict[str, Any]:
    """The span of a T line; its text comes from the .txt and must match the .ann column
    (a mismatch means the .txt was edited after annotating: offsets are stale)."""
    if len(parts) != 3 or ";" in parts[2]:
        raise ValueError(f".ann line {number}: discontinuous or malformed span {' '.join(parts)!r}")
    start, end = int(parts[1]), int(parts[2])
    if _one_line(txt[start:end]) != surface:
        raise ValueError(f".ann line {number}: text at [{start}, {end}) differs from the annotation")
    return {"start": start, "end": end, "text": txt[start:end]}


def _role(number: int, brat_role: str) -> str:
    match = _ROLE_NUMBER.match(brat_role)
    if not match or match.group(1) not in ROLE_FILLERS:
        raise ValueError(f".ann line {number}: unknown role {brat_role!r}")
    return match.group(1)


def from_brat(txt: str, ann: str, *, id: str, date: str | None,
              region: str | None = None, split: str | None = None) -> dict[str, Any]:
    """A corpus article from one .txt/.ann pair; ``region``/``split`` are left out when None.

    Entity ``TK`` becomes ``mK`` and event ``EK`` becomes ``vK``; text-bound
    annotations labelled with an event type are triggers (one not used by any
    event is dropped). Relations, normalizations and nested events have no
    corpus equivalent and raise ``ValueError``.
    """
    tables = _parse_ann(ann)
    notes = {parts[1]: (number, note) for number, parts, note in tables["#"].values()
             if parts[0] == "AnnotatorNotes" and len(parts) == 2}
    entities, spans = [], {}
    for tid, (number, parts, surface) in tables["T"].items():
        span = _span(txt, number, parts, surface)
        spans[tid] = span
        if parts[0] in LABELS:
            entity = {"id": f"m{id_number(tid, 'T')}", "label": parts[0], **span}
            if parts[0] in VALUE_FIELDS:
                note_line, note = notes.get(tid, (number, ""))
                try:
                    entity.update(parse_values(parts[0], note))
                except ValueError as error:
                    raise ValueError(f".ann line {note_line}: {error}") from None
            entities.append(entity)
        elif parts[0] not in EVENT_TYPES:
            raise ValueError(f".ann line {number}: unknown label {parts[0]!r}")
    status = {parts[1]: parts[2] for _n, parts, _x in tables["A"].values()
              if parts[0] == STATUS and len(parts) == 3 and parts[2] in STATUSES}
    events = []
    for eid, (number, parts, _x) in tables["E"].items():
        event_type, trigger = parts[0].split(":")
        args = []
        for part in filter(None, parts[1:]):
            brat_role, ref = part.split(":")
            if not ref.startswith("T") or ref not in spans:
                raise ValueError(f".ann line {number}: argument {part!r} is not a text-bound annotation")
            args.append({"role": _role(number, brat_role), "ref": f"m{id_number(ref, 'T')}"})
        events.append({"id": f"v{id_number(eid, 'E')}", "type": event_type,
                       "status": status.get(eid), "trigger": spans[trigger], "args": args})
    head = {"id": id, "date": date, "split": split, "region": region}
    return assemble({k: v for k, v in head.items() if v is not None or k == "date"}, txt, entities, events)


# -- folders --------------------------------------------------------------------------------

def annotation_conf() -> str:
    """brat's ``annotation.conf`` for the corpus labels, event roles and Status attribute."""
    fillers = {role: "|".join(sorted(labels)) for role, labels in ROLE_FILLERS.items()}
    roles = ", ".join(f"{role}*:{labels}" for role, labels in fillers.items())
    return "\n".join([
        "# Generated by extractor.formats.brat: corpus labels (EXTRACTION.md).",
        "[entities]", *LABELS, "",
        "[relations]", "# none: event arguments are E lines; brat's default forbids crossing spans", "",
        "[events]", *(f"{event_type}\t{roles}" for event_type in EVENT_TYPES), "",
        "[attributes]", f"{STATUS}\tArg:<EVENT>, Value:{'|'.join(STATUSES)}", "",
    ])


def _stems(articles: list[dict[str, Any]]) -> list[str]:
    """File-safe, unique stems from the article ids (the sidecar maps them back)."""
    stems: list[str] = []
    for index, article in enumerate(articles, start=1):
        stem = _SAFE_STEM.sub("_", str(article.get("id") or "")).strip("._") or f"article-{index}"
        while stem in stems:
            stem += f"-{index}"
        stems.append(stem)
    return stems


def write_brat(articles: Iterable[dict[str, Any]], out_dir: str | Path) -> list[Path]:
    """One ``<id>.txt``/``<id>.ann`` pair per article plus ``annotation.conf`` and
    ``metadata.jsonl``; returns the .ann paths. The .txt bytes are the exact UTF-8 text."""
    articles = list(articles)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths, meta = [], []
    for stem, article in zip(_stems(articles), articles, strict=True):
        txt, ann = to_brat(article)
        (out / f"{stem}.txt").write_bytes(txt.encode("utf-8"))
        (out / f"{stem}.ann").write_bytes(ann.encode("utf-8"))
        paths.append(out / f"{stem}.ann")
        meta.append(json.dumps({"file": stem, **header(article)}, ensure_ascii=False))
    (out / "annotation.conf").write_bytes(annotation_conf().encode("utf-8"))
    (out / METADATA).write_bytes("".join(line + "\n" for line in meta).encode("utf-8"))
    return paths


def read_brat(directory: str | Path) -> list[dict[str, Any]]:
    """Articles of a brat folder, in ``metadata.jsonl`` order.

    Without a sidecar, every .txt with an .ann is read in name order with the
    file stem as id and no date (such articles do not validate until dated).
    """
    folder = Path(directory)
    sidecar = folder / METADATA
    if sidecar.is_file():
        metas = [json.loads(line) for line in sidecar.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        metas = [{"file": p.stem, "id": p.stem, "date": None} for p in sorted(folder.glob("*.ann"))]
    articles = []
    for meta in metas:
        stem = meta.pop("file")
        txt = (folder / f"{stem}.txt").read_bytes().decode("utf-8")
        ann = (folder / f"{stem}.ann").read_bytes().decode("utf-8")
        article = from_brat(txt, ann, id=meta["id"], date=meta.get("date"))
        articles.append(assemble(meta, txt, article["entities"], article["events"]))
    return articles
