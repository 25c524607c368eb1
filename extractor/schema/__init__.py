"""The JSON Schema of one article's output, shipped inside the package."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["output_problems", "output_schema", "validate_output"]


@cache
def output_schema() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath("output.schema.json").read_text("utf-8"))


@cache
def _validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(output_schema())


def output_problems(obj: dict[str, Any], text: str | None = None) -> list[str]:
    """Schema violations, plus offset and reference checks the schema cannot express."""
    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                for e in _validator().iter_errors(obj)]
    if problems:
        return problems
    ids = {entity["id"] for entity in obj["entities"]}
    for entity in obj["entities"]:
        if entity["end"] <= entity["start"]:
            problems.append(f"{entity['id']}: empty or reversed span")
        if text is not None and text[entity["start"]:entity["end"]] != entity["text"]:
            problems.append(f"{entity['id']}: text[start:end] != text")
    for event in obj["events"]:
        trigger = event["trigger"]
        if text is not None and text[trigger["start"]:trigger["end"]] != trigger["text"]:
            problems.append(f"{event['id']}: trigger offsets do not match its text")
        problems.extend(f"{event['id']}: unknown ref {arg['ref']}" for arg in event["args"]
                        if arg["ref"] not in ids)
    return problems


def validate_output(obj: dict[str, Any], text: str | None = None) -> None:
    """Raise ``ValueError`` listing every problem of one output object."""
    problems = output_problems(obj, text)
    if problems:
        raise ValueError("; ".join(problems))
