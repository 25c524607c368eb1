"""Tables of an evaluation: pandas DataFrames, printed, and written as CSV and JSON.

One row per label (entities), per value field, per event type and per role,
each with its counts so that anyone can recompute the rates; micro averages
pool the counts, macro averages take the mean of the per-row F1 (as
``spacy.scorer`` and seqeval report them).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .scoring import MISSED, SPURIOUS, Counts, Tally

__all__ = ["Report"]

_RATE_COLUMNS = ["tp", "fp", "fn", "precision", "recall", "f1"]


def _rates_frame(counts: dict[str, Counts], key: str, order: tuple[str, ...] = ()) -> pd.DataFrame:
    names = [n for n in order if n in counts] + sorted(set(counts) - set(order))
    rows = [{key: n, "tp": counts[n].tp, "fp": counts[n].fp, "fn": counts[n].fn,
             "precision": counts[n].precision, "recall": counts[n].recall, "f1": counts[n].f1} for n in names]
    micro = Counts()
    for n in names:
        micro.add(counts[n].tp, counts[n].fp, counts[n].fn)
    f1s = [counts[n].f1 for n in names if not math.isnan(counts[n].f1)]
    rows.append({key: "micro", "tp": micro.tp, "fp": micro.fp, "fn": micro.fn,
                 "precision": micro.precision, "recall": micro.recall, "f1": micro.f1})
    rows.append({key: "macro", "tp": micro.tp, "fp": micro.fp, "fn": micro.fn,
                 "precision": _mean([counts[n].precision for n in names]),
                 "recall": _mean([counts[n].recall for n in names]),
                 "f1": sum(f1s) / len(f1s) if f1s else math.nan})
    return pd.DataFrame(rows, columns=[key, *_RATE_COLUMNS])


def _mean(values: list[float]) -> float:
    kept = [v for v in values if not math.isnan(v)]
    return sum(kept) / len(kept) if kept else math.nan


@dataclass
class Report:
    """The result of one evaluation; every table is a DataFrame."""

    mode: str
    articles: int
    entities: pd.DataFrame
    values: pd.DataFrame
    confusion: pd.DataFrame
    events: pd.DataFrame
    arguments: pd.DataFrame
    status_accuracy: float
    errors: pd.DataFrame
    missing_predictions: list[str]

    @classmethod
    def from_tally(cls, tally: Tally, mode: str, label_order: tuple[str, ...] = (),
                   event_order: tuple[str, ...] = (), role_order: tuple[str, ...] = ()) -> Report:
        status_right, status_total = tally.status
        return cls(mode=mode, articles=tally.articles,
                   entities=_rates_frame(tally.entities, "label", label_order),
                   values=_values_frame(tally),
                   confusion=_confusion_frame(tally, label_order),
                   events=_rates_frame(tally.events, "type", event_order),
                   arguments=_rates_frame(tally.roles, "role", role_order),
                   status_accuracy=status_right / status_total if status_total else math.nan,
                   errors=pd.DataFrame(tally.errors, columns=[
                       "article", "kind", "cause", "label", "start", "end", "text",
                       "near_label", "near_text", "sentence"]),
                   missing_predictions=list(tally.missing_predictions))

    def f1(self, label: str) -> float:
        """The F1 of one entity label (or ``micro``/``macro``)."""
        return float(self.entities.set_index("label").loc[label, "f1"])

    def summary(self) -> dict[str, Any]:
        """The headline numbers, as plain JSON-ready values."""
        table = self.entities.set_index("label")["f1"].to_dict()
        events = self.events.set_index("type")["f1"].to_dict()
        args = self.arguments.set_index("role")["f1"].to_dict()
        valued = self.values.set_index(["label", "field"])["f1"].to_dict()
        return _clean({"mode": self.mode, "articles": self.articles, "entity_f1": table,
                       "value_f1": {f"{label}.{name}": v for (label, name), v in valued.items() if name == "all"},
                       "event_f1": events.get("micro"), "argument_f1": args.get("micro"),
                       "status_accuracy": self.status_accuracy})

    def tables(self) -> dict[str, pd.DataFrame]:
        return {"entities": self.entities, "values": self.values, "confusion": self.confusion.reset_index(),
                "events": self.events, "arguments": self.arguments, "errors": self.errors}

    def write(self, out_dir: str | Path) -> list[Path]:
        """Write every table as CSV and the whole report as ``report.json``; return the paths."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, frame in self.tables().items():
            path = out / f"{name}.csv"
            frame.to_csv(path, index=False)
            paths.append(path)
        whole = {"summary": self.summary(), "missing_predictions": self.missing_predictions,
                 **{name: json.loads(frame.to_json(orient="records", force_ascii=False))
                    for name, frame in self.tables().items()}}
        path = out / "report.json"
        path.write_text(json.dumps(whole, ensure_ascii=False, indent=1), encoding="utf-8")
        return [*paths, path]

    def __str__(self) -> str:
        def show(frame: pd.DataFrame) -> str:
            return frame.to_string(index=False, float_format=lambda v: f"{v:.3f}")

        parts = [f"Evaluation ({self.mode} matching) over {self.articles} article(s)",
                 "", "Entities", show(self.entities), "", "Values on matched mentions", show(self.values),
                 "", "Events", show(self.events), f"status accuracy on matched events: {self.status_accuracy:.3f}",
                 "", "Arguments", show(self.arguments), "", "Label confusion (gold rows, predicted columns)",
                 self.confusion.to_string()]
        if self.missing_predictions:
            parts += ["", f"no prediction for {len(self.missing_predictions)} article(s): "
                          + ", ".join(map(str, self.missing_predictions[:10]))]
        return "\n".join(parts)


def _values_frame(tally: Tally) -> pd.DataFrame:
    """Accuracy of each value field on matched mentions, and value-aware P/R/F1.

    The value-aware row ``all`` counts a mention right only when its span and
    every value field are right: the issue's "QUANTITY with correct value and
    unit" and "TIME with the correct resolved value".
    """
    rows = []
    for (label, name), (right, compared) in sorted(tally.values.items()):
        counts = tally.entities.get(label, Counts())
        gold, pred = counts.tp + counts.fn, counts.tp + counts.fp
        p = right / pred if pred else math.nan
        r = right / gold if gold else math.nan
        rows.append({"label": label, "field": name, "correct": right, "compared": compared,
                     "accuracy": right / compared if compared else math.nan, "precision": p, "recall": r,
                     "f1": 2 * p * r / (p + r) if p + r and not math.isnan(p + r) else math.nan})
    return pd.DataFrame(rows, columns=["label", "field", "correct", "compared", "accuracy",
                                       "precision", "recall", "f1"])


def _confusion_frame(tally: Tally, order: tuple[str, ...]) -> pd.DataFrame:
    labels = {g for g, _ in tally.confusion} | {p for _, p in tally.confusion}
    names = [n for n in order if n in labels] + sorted(labels - set(order) - {MISSED, SPURIOUS})
    rows, columns = names + [SPURIOUS], names + [MISSED]
    frame = pd.DataFrame(0, index=pd.Index(rows, name="gold"), columns=pd.Index(columns, name="predicted"))
    for (gold, pred), n in tally.confusion.items():
        frame.loc[gold, pred] = n
    return frame


def _clean(value: Any) -> Any:
    """NaN → None, numpy numbers → Python, so the summary is valid JSON."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, float) and math.isnan(value):
        return None
    return value.item() if hasattr(value, "item") else value
