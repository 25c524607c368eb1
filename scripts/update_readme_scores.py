"""Regenerate the scores section of README.md from the corpus and the model's ANERcorp scores.

    python scripts/update_readme_scores.py          # rewrite the block in README.md
    python scripts/update_readme_scores.py --check  # exit 1 if README.md is out of date
    ... --dev-predictions dev.jsonl                  # score saved output of the current code on dev

The block between ``<!-- scores:start -->`` and ``<!-- scores:end -->`` is
written only by this script, so the README never shows numbers that the
current code does not produce. The test split is scored, never read for
anything else (corpus/GUIDELINES.md §10).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.api import Extractor
from extractor.corpus import load_corpus
from extractor.evaluation import Report, evaluate, predict
from extractor.resources import write_generated_block
from extractor.statistical import model_available

START, END = "<!-- scores:start -->", "<!-- scores:end -->"
LABELS = ("PLACE", "BASE", "FORCE", "QUANTITY", "TIME")
#: Published ANERcorp results on the same CAMeL Lab split, with where they come from.
PUBLISHED = [
    ("mBERT (fine-tuned)", "78.4", "aub-mind/arabert README, Results (CAMeL splits, updated 2020-11-19)"),
    ("BiLSTM-CRF (previous best)", "81.7", "same table"),
    ("AraBERTv1", "82.4", "same table"),
    ("AraBERTv0.1", "83.1", "same table; Antoun et al., LREC 2020 workshop OSACT"),
]


def _f(value: float) -> str:
    return "–" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.2f}"


def _entity_rows(report: Report, strict: Report) -> list[str]:
    lenient = report.entities.set_index("label")
    exact = strict.entities.set_index("label")
    values = report.values.set_index(["label", "field"])
    rows = ["| label | P | R | F1 | strict F1 | F1 with correct value |", "|---|---|---|---|---|---|"]
    valued = {"QUANTITY": "value+unit", "TIME": "value"}
    for label in (*LABELS, "micro"):
        if label not in lenient.index:
            continue
        row = lenient.loc[label]
        value = _f(values.loc[(label, valued[label]), "f1"]) if label in valued else ""
        rows.append(f"| {label} | {_f(row.precision)} | {_f(row.recall)} | {_f(row.f1)} | "
                    f"{_f(exact.loc[label].f1)} | {value} |")
    return rows


def _event_rows(report: Report) -> list[str]:
    events = report.events.set_index("type")
    rows = ["| event type | P | R | F1 | gold |", "|---|---|---|---|---|"]
    for name, row in events.iterrows():
        if name != "macro":
            rows.append(f"| {name} | {_f(row.precision)} | {_f(row.recall)} | {_f(row.f1)} | {int(row.tp + row.fn)} |")
    args = report.arguments.set_index("role")
    roles = ", ".join(f"{role} {_f(row.f1)}" for role, row in args.iterrows() if role not in ("micro", "macro"))
    rows += ["", f"Arguments: micro F1 **{_f(args.loc['micro'].f1)}** ({roles}). "
                 f"Status accuracy on matched events: {_f(report.status_accuracy)}."]
    return rows


def _split(path: Path, title: str, with_model: bool, saved: Path | None = None,
           against_rules: bool = False) -> list[str]:
    """The tables of one split; ``against_rules`` adds PLACE F1 without the tagger (a second run)."""
    pred = load_corpus(saved) if saved else predict(path, Extractor(ner=with_model))
    report, strict = evaluate(path, pred), evaluate(path, pred, "strict")
    lines = [f"#### {title} ({report.articles} articles)", "", *_entity_rows(report, strict), "",
             *_event_rows(report), ""]
    if with_model and against_rules:
        rules = evaluate(path, predict(path, Extractor(ner=False)))
        lines += [f"PLACE F1 with the statistical tagger {_f(report.f1('PLACE'))}, rules alone "
                  f"{_f(rules.f1('PLACE'))}.", ""]
    return lines


def _anercorp() -> list[str]:
    path = ROOT / "models" / "ner" / "anercorp_scores.json"
    if not path.exists():
        return ["No statistical model is installed (`models/ner`).", ""]
    scores = json.loads(path.read_text(encoding="utf-8"))
    rows = ["#### ANERcorp test split (CAMeL Lab split; entity-level exact match, seqeval)", "",
            "| type | P | R | F1 | support |", "|---|---|---|---|---|"]
    for name in ("LOC", "PERS", "ORG", "MISC", "micro avg", "macro avg"):
        if name in scores:
            s = scores[name]
            rows.append(f"| {name} | {_f(s['precision'])} | {_f(s['recall'])} | {_f(s['f1-score'])} | "
                        f"{int(s['support'])} |")
    system = path.with_name("anercorp_scores_system.json")
    if system.exists():
        whole = json.loads(system.read_text(encoding="utf-8"))
        parts = ", ".join(f"{name} {_f(whole[name]['f1-score'])}" for name in ("LOC", "PERS", "ORG", "micro avg")
                          if name in whole)
        rows += ["", f"The whole extractor (rules + model; its PLACE counts as LOC; BASE and FORCE, which ANERcorp has no class for, and MISC are not output) on the same "
                     f"test split: {parts} (`scripts/train_ner.py evaluate ANERCORP_DIR --system`)."]
    rows += ["", "Published systems on the same split (overall F1, %):", "",
             "| system | F1 | source |", "|---|---|---|"]
    rows += [f"| {name} | {score} | {source} |" for name, score, source in PUBLISHED]
    return rows + [""]


def block(dev_predictions: Path | None = None) -> str:
    with_model = model_available()
    lines = [START, "", "Generated by `python scripts/update_readme_scores.py` (lenient matching as the",
             "contract defines it; `extractor evaluate --gold corpus/test.jsonl` prints the full tables).", ""]
    test = ROOT / "corpus" / "test.jsonl"
    if test.exists():
        lines += _split(test, "Held-out test split", with_model, against_rules=True)
    lines += _split(ROOT / "corpus" / "dev.jsonl", "Dev split (the rules were tuned on it: optimistic)",
                    with_model, dev_predictions)
    lines += _anercorp()
    return "\n".join(lines + [END])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--dev-predictions", type=Path, metavar="JSONL",
                        help="the current extractor's saved output on the dev split (else it is run here)")
    args = parser.parse_args(argv)
    return write_generated_block(ROOT / "README.md", block(args.dev_predictions), START, END, args.check,
                                 "update_readme_scores.py")


if __name__ == "__main__":
    sys.exit(main())
