"""Label Studio task JSON, both ways, so the corpus can be reviewed in Label Studio.

One task per article: ``data`` holds ``text`` and the article header (``id``,
``date``, ``split``, ``region``, ``errors``, any other top-level field), and
``annotations[0].result`` holds, in this order:

* a ``labels`` region per mention (result id = corpus id ``mK``, control ``label``);
* a ``labels`` region per trigger (result id = ``vK``, control ``label``, the
  event type as label — the label set is the five entity labels plus the five
  event types, disjoint, so the label tells what a region is);
* per-region results sharing the region's id (Label Studio's ``perRegion``
  controls, editable in the UI): ``choices`` ``status`` on triggers and
  ``textarea`` ``values`` on QUANTITY/TIME with the same ``key=value`` string
  as the brat notes (``formats.format_values``);
* a ``relation`` from trigger to filler per event argument, role as label,
  in argument order.

``labelstudio_config()`` gives the matching labeling config. Region ids that
Label Studio invents for new regions are renumbered to free ``m``/``v`` ids.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from ..corpus import EVENT_TYPES, LABELS, ROLES, STATUSES
from . import VALUE_FIELDS, assemble, format_values, header, parse_values

__all__ = ["from_labelstudio", "labelstudio_config", "to_labelstudio"]

_SPAN_KEYS = ("start", "end", "text")


def _result(region_id: str, control: str, kind: str, span: dict[str, Any], **value: Any) -> dict[str, Any]:
    """One Label Studio result bound to a text span (a region or a per-region answer)."""
    return {"id": region_id, "from_name": control, "to_name": "text", "type": kind,
            "value": {**{key: span[key] for key in _SPAN_KEYS}, **value}}


def _task(article: dict[str, Any]) -> dict[str, Any]:
    entities, events = article["entities"], article["events"]
    results = [_result(e["id"], "label", "labels", e, labels=[e["label"]]) for e in entities]
    results += [_result(v["id"], "label", "labels", v["trigger"], labels=[v["type"]]) for v in events]
    results += [_result(v["id"], "status", "choices", v["trigger"], choices=[v["status"]]) for v in events]
    results += [_result(e["id"], "values", "textarea", e, text=[format_values(e)])
                for e in entities if e["label"] in VALUE_FIELDS]
    results += [{"type": "relation", "from_id": v["id"], "to_id": arg["ref"], "direction": "right",
                 "labels": [arg["role"]]} for v in events for arg in v["args"]]
    return {"data": {"text": article["text"], **header(article)}, "annotations": [{"result": results}]}


def to_labelstudio(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Label Studio tasks (import JSON) for corpus articles, in order."""
    return [_task(article) for article in articles]


def _fresh_ids(results: list[dict[str, Any]]) -> dict[str, str]:
    """Corpus id per Label Studio region id: ``mK``/``vK`` kept, invented ids get free numbers."""
    regions = {r["id"]: r["value"]["labels"][0] for r in results if r.get("type") == "labels"}
    mapping: dict[str, str] = {}
    for prefix, labels in (("m", LABELS), ("v", EVENT_TYPES)):
        ours = [rid for rid, label in regions.items() if label in labels]
        kept = {rid for rid in ours if re.fullmatch(prefix + r"\d+", rid)}
        taken = {int(rid[1:]) for rid in kept}
        free = (n for n in itertools.count(1) if n not in taken)
        mapping.update({rid: rid if rid in kept else f"{prefix}{next(free)}" for rid in ours})
    return mapping


def _article(task: dict[str, Any]) -> dict[str, Any]:
    data = dict(task["data"])
    text = data.pop("text")
    # a Label Studio export has annotations; tasks pre-annotated by a model may only have predictions
    results = (task.get("annotations") or task.get("predictions") or [{"result": []}])[0]["result"]
    ids = _fresh_ids(results)
    per_region = {(r["id"], r["type"]): r["value"] for r in results if r.get("type") in ("choices", "textarea")}

    def span(value: dict[str, Any]) -> dict[str, Any]:
        return {"start": value["start"], "end": value["end"], "text": text[value["start"]:value["end"]]}

    entities, events = [], []
    for result in (r for r in results if r.get("type") == "labels"):
        label, value = result["value"]["labels"][0], result["value"]
        if label in EVENT_TYPES:
            status = per_region.get((result["id"], "choices"), {}).get("choices", [None])[0]
            args = [{"role": (r.get("labels") or [None])[0], "ref": ids.get(r["to_id"], r["to_id"])}
                    for r in results
                    if r.get("type") == "relation" and r["from_id"] == result["id"]]
            events.append({"id": ids[result["id"]], "type": label, "status": status,
                           "trigger": span(value), "args": args})
            continue
        entity = {"id": ids[result["id"]], "label": label, **span(value)}
        if label in VALUE_FIELDS:
            note = per_region.get((result["id"], "textarea"), {}).get("text", [""])
            entity.update(parse_values(label, " ".join(note)))
        entities.append(entity)
    return assemble(data, text, entities, events)


def from_labelstudio(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Corpus articles from Label Studio tasks (``to_labelstudio`` output or a JSON export)."""
    return [_article(task) for task in tasks]


def labelstudio_config() -> str:
    """The labeling config (XML) matching ``to_labelstudio``'s control names."""
    def options(tag: str, names: tuple[str, ...]) -> str:
        return "".join(f'<{tag} value="{name}"/>' for name in names)

    return "\n".join([
        "<View>",
        '  <Labels name="label" toName="text">' + options("Label", LABELS + EVENT_TYPES) + "</Labels>",
        '  <Text name="text" value="$text"/>',
        '  <Relations>' + options("Relation", ROLES) + "</Relations>",
        '  <Choices name="status" toName="text" perRegion="true" choice="single">'
        + options("Choice", STATUSES) + "</Choices>",
        ('  <TextArea name="values" toName="text" perRegion="true" maxSubmissions="1"'
         ' placeholder="value=1000 qualifier=approx unit=troops"/>'),
        "</View>",
    ])
