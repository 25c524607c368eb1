"""Importers and exporters between the corpus JSONL and annotation tools.

* ``brat`` — brat standoff (.txt/.ann pairs + ``annotation.conf``), both ways, exact.
* ``labelstudio`` — Label Studio task JSON, both ways, exact on the corpus fields.
* ``conll`` — token/BIO lines for entities only (a lossy, training-oriented view).

The helpers here are shared by the converters so that QUANTITY/TIME values
are written the same way everywhere (a brat ``AnnotatorNotes`` line and a
Label Studio per-region ``textarea`` hold the same ``key=value`` string), and
corpus ids (``m12``, ``v3``) map to tool ids by their number.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = [
    "VALUE_FIELDS",
    "annotation_conf",
    "format_values",
    "from_brat",
    "from_conll",
    "from_labelstudio",
    "header",
    "id_number",
    "labelstudio_config",
    "parse_values",
    "read_brat",
    "to_brat",
    "to_conll",
    "to_labelstudio",
    "write_brat",
]

#: Value attributes per label, in corpus key order; ``True`` marks numeric fields.
#: One table drives writing, reading and defaults for every format.
VALUE_FIELDS: dict[str, tuple[tuple[str, bool], ...]] = {
    "QUANTITY": (("value", True), ("min", True), ("max", True), ("qualifier", False), ("unit", False)),
    "TIME": (("value", False), ("mod", False)),
}

#: Article keys that are not annotation content (kept in a sidecar / task data).
BODY_KEYS = ("text", "entities", "events")

_PAIR = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|\S*)')
_PLAIN = re.compile(r'^[^\s"=]+$')


def _format_one(value: Any, numeric: bool) -> str:
    """JSON for numbers (keeps int vs float); bare strings unless that is ambiguous."""
    if numeric or not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return value if _PLAIN.match(value) and value != "null" else json.dumps(value, ensure_ascii=False)


def _parse_one(raw: str, numeric: bool) -> Any:
    if raw.startswith('"') or raw == "null" or numeric:
        return json.loads(raw)
    return raw


def format_values(entity: dict[str, Any]) -> str:
    """``value=1000 qualifier=approx unit=troops`` for a QUANTITY/TIME ('' otherwise).

    Null fields are left out (they are the default on reading), so the common
    case reads like the annotated sources; strings with spaces are JSON-quoted.
    """
    fields = VALUE_FIELDS.get(entity.get("label", ""), ())
    return " ".join(f"{key}={_format_one(entity[key], numeric)}"
                    for key, numeric in fields if entity.get(key) is not None)


def parse_values(label: str, note: str) -> dict[str, Any]:
    """Inverse of ``format_values``: every field of ``label``'s table, null when absent.

    Raises ``ValueError`` on text that is not ``key=value`` pairs of known keys,
    so a free-form annotator comment never silently becomes a wrong value.
    """
    fields = dict(VALUE_FIELDS.get(label, ()))
    values: dict[str, Any] = dict.fromkeys(fields)
    rest = _PAIR.sub("", note).strip()
    if rest:
        raise ValueError(f"{label} note has text that is not key=value: {rest[:40]!r}")
    for key, raw in _PAIR.findall(note):
        if key not in fields:
            raise ValueError(f"{label} note has unknown key {key!r}")
        try:
            values[key] = _parse_one(raw, fields[key])
        except json.JSONDecodeError:
            raise ValueError(f"{label} note: {key}={raw!r} is not a valid value") from None
    return values


def id_number(item_id: str, prefix: str) -> int:
    """12 for ``m12`` (prefix ``m``); tool ids are built from this number."""
    match = re.fullmatch(re.escape(prefix) + r"(\d+)", str(item_id))
    if not match:
        raise ValueError(f"id {item_id!r} does not look like {prefix}<number>")
    return int(match.group(1))


def header(article: dict[str, Any]) -> dict[str, Any]:
    """Everything of an article except text, entities and events (id, date, split, region, errors...)."""
    return {key: value for key, value in article.items() if key not in BODY_KEYS}


def assemble(head: dict[str, Any], text: str, entities: list, events: list) -> dict[str, Any]:
    """An article in the corpus key order: id, date, split, region, text, entities, events, errors."""
    article = {key: head[key] for key in ("id", "date", "split", "region") if key in head}
    article.update(text=text, entities=entities, events=events, errors=head.get("errors", []))
    article.update({key: value for key, value in head.items() if key not in article})
    return article


from .brat import annotation_conf, from_brat, read_brat, to_brat, write_brat
from .conll import from_conll, to_conll
from .labelstudio import from_labelstudio, labelstudio_config, to_labelstudio
