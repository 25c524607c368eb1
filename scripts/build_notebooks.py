"""Write ``notebooks/*.ipynb`` from the cell sources below (outputs empty).

The notebooks are generated so that their code is reviewable here as plain
Python and their committed form never carries outputs; ``tests/test_notebooks.py``
executes them and checks that the committed files equal what this script writes.

    python scripts/build_notebooks.py          # rewrite the notebooks
    python scripts/build_notebooks.py --check  # exit 1 if they are out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
SETUP = '''import os
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from extractor.corpus import load_corpus
from extractor.evaluation import evaluate, predict

# The gold file: EXTRACTOR_GOLD, else the held-out test split, else dev.
corpus = Path("..") / "corpus"
GOLD = Path(os.environ.get("EXTRACTOR_GOLD") or next(
    p for p in (corpus / "test.jsonl", corpus / "dev.jsonl") if p.exists()))
gold = load_corpus(GOLD)
# Saved predictions (`extractor run` output, JSONL): EXTRACTOR_PRED, else run the extractor now.
PRED = os.environ.get("EXTRACTOR_PRED")
pred = load_corpus(PRED) if PRED else predict(gold)
report = evaluate(gold, pred)
print(f"{GOLD}: {len(gold)} articles")'''

EVALUATION = [
    ("markdown", "# Evaluation\n\nRuns the extractor over an annotated split and scores it with "
                 "`extractor.evaluation` (the contract's lenient matching unless said otherwise). "
                 "Set `EXTRACTOR_GOLD` to score another file and `EXTRACTOR_PRED` to score saved "
                 "predictions instead of running the extractor; the same tables come from "
                 "`extractor evaluate --gold corpus/test.jsonl`."),
    ("code", SETUP),
    ("markdown", "## Entities: precision, recall and F1 per label"),
    ("code", "report.entities"),
    ("code", '''rows = report.entities[~report.entities["label"].isin(["micro", "macro"])].set_index("label")
ax = rows[["precision", "recall", "f1"]].plot.bar(figsize=(8, 3.5), ylim=(0, 1.05), rot=0)
ax.set_title("Entities per label"); plt.tight_layout(); plt.show()'''),
    ("markdown", "## Strict against lenient matching\n\nThe gap is what boundary leniency buys."),
    ("code", '''strict = evaluate(gold, pred, mode="strict")
pd.DataFrame({"lenient f1": report.entities.set_index("label")["f1"],
              "strict f1": strict.entities.set_index("label")["f1"]})'''),
    ("markdown", "## Precision against recall\n\nEach label is a point; the grey lines are equal F1."),
    ("code", '''import numpy as np
fig, ax = plt.subplots(figsize=(4.5, 4.5))
for f1 in (0.6, 0.7, 0.8, 0.9):
    r = np.linspace(f1 / (2 - f1) + 1e-3, 1, 50)
    ax.plot(r, f1 * r / (2 * r - f1), color="lightgrey", lw=0.8)
for label, row in rows.iterrows():
    ax.scatter(row["recall"], row["precision"]); ax.annotate(label, (row["recall"], row["precision"]))
ax.set(xlim=(0, 1.02), ylim=(0, 1.02), xlabel="recall", ylabel="precision"); plt.show()'''),
    ("markdown", "## Values of the matched quantities and dates"),
    ("code", "report.values"),
    ("markdown", "## Events and their arguments"),
    ("code", '''print(f"status accuracy on matched events: {report.status_accuracy:.3f}")
report.events'''),
    ("code", '''events = report.events[~report.events["type"].isin(["micro", "macro"])].set_index("type")
events[["precision", "recall", "f1"]].plot.bar(figsize=(8, 3.5), ylim=(0, 1.05), rot=0, title="Events per type")
plt.tight_layout(); plt.show()
report.arguments'''),
    ("markdown", "## Label confusion (gold rows, predicted columns)"),
    ("code", "report.confusion"),
    ("markdown", "## Error examples, gold above and prediction below (displaCy)"),
    ("code", '''from spacy import displacy

def show(article, title):
    ents = [{"start": e["start"], "end": e["end"], "label": e["label"]} for e in article["entities"]]
    displacy.render({"text": article["text"], "ents": ents, "title": title}, style="ent", manual=True,
                    jupyter=True)

by_id = {p["id"]: p for p in pred}
worst = report.errors[report.errors["kind"] != "value"]["article"].value_counts().index[:2]
for article_id in worst:
    article = next(a for a in gold if a["id"] == article_id)
    show(article, f"gold: {article_id}")
    show({**by_id[article_id], "text": article["text"]}, f"predicted: {article_id}")'''),
]

ERROR_ANALYSIS = [
    ("markdown", "# Error analysis\n\nFalse positives and negatives grouped by cause: `label` (another label "
                 "overlaps), `boundary` (same label, edges outside the acceptable extent), `missing` / "
                 "`spurious` (nothing overlaps), `event` (an event without a match); value errors name "
                 "the field that differs."),
    ("code", SETUP),
    ("markdown", "## How many errors of each kind and cause, per label"),
    ("code", '''errors = report.errors
errors.pivot_table(index=["kind", "cause"], columns="label", values="text", aggfunc="count", fill_value=0)'''),
    ("markdown", "## The names missed most often"),
    ("code", '''missed = errors[(errors["kind"] == "fn") & (errors["cause"] != "event")]
missed.groupby(["label", "text"]).size().sort_values(ascending=False).head(20).rename("count").to_frame()'''),
    ("markdown", "## The spurious mentions most often"),
    ("code", '''spurious = errors[(errors["kind"] == "fp") & (errors["cause"] != "event")]
spurious.groupby(["label", "text"]).size().sort_values(ascending=False).head(20).rename("count").to_frame()'''),
    ("markdown", "## Boundary and label errors: gold against the overlapping prediction"),
    ("code", '''errors[errors["cause"].isin(["boundary", "label"]) & (errors["kind"] == "fn")][
    ["article", "label", "text", "near_label", "near_text"]].head(25)'''),
    ("markdown", "## Wrong values on matched quantities and dates"),
    ("code", '''errors[errors["kind"] == "value"][["article", "label", "text", "cause"]].head(25)'''),
    ("markdown", "## Events missed and invented, with their sentence"),
    ("code", '''pd.set_option("display.max_colwidth", 120)
event_errors = errors[errors["cause"] == "event"]
print(event_errors.groupby(["kind", "label"]).size().to_string())
event_errors[["kind", "label", "text", "sentence"]].head(20)'''),
]

NOTEBOOKS = {"evaluation.ipynb": EVALUATION, "error_analysis.ipynb": ERROR_ANALYSIS}


def build(cells: list[tuple[str, str]]) -> nbformat.NotebookNode:
    make = {"markdown": nbformat.v4.new_markdown_cell, "code": nbformat.v4.new_code_cell}
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [make[kind](source) for kind, source in cells]
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{number:02d}"  # stable ids: the files only change when the cells do
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata["language_info"] = {"name": "python"}
    return notebook


def rendered(name: str) -> str:
    return nbformat.writes(build(NOTEBOOKS[name])) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    stale = []
    for name in NOTEBOOKS:
        path = ROOT / "notebooks" / name
        text = rendered(name)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("out of date: " + ", ".join(stale) + " (run scripts/build_notebooks.py)", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
