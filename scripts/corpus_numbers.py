"""Regenerate the numbers of corpus/README.md from the built splits.

    python scripts/corpus_numbers.py          # rewrite the block in corpus/README.md
    python scripts/corpus_numbers.py --check  # exit 1 if corpus/README.md is out of date

The block between ``<!-- numbers:start -->`` and ``<!-- numbers:end -->`` is written
only by this script, from ``corpus/dev.jsonl`` and ``corpus/test.jsonl`` as
``scripts/build_corpus.py`` built them, so the corpus card never lags the corpus.
Only sizes are read from the test split (corpus/GUIDELINES.md §10).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from extractor.resources import write_generated_block  # noqa: E402

CARD = ROOT / "corpus" / "README.md"
START, END = "<!-- numbers:start -->", "<!-- numbers:end -->"
LABELS = ("PLACE", "BASE", "FORCE", "QUANTITY", "TIME")
EVENT_TYPES = ("WITHDRAWAL", "DEPLOYMENT", "BASE_TRANSFER", "BASE_CLOSURE", "ATTACK")
STATUSES = ("completed", "ongoing", "planned")


def _read(split: str) -> list[dict]:
    path = ROOT / "corpus" / f"{split}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _table(header: tuple[str, ...], rows: list[tuple]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|---" + "|---:" * (len(header) - 1) + "|"]
    return lines + ["| " + " | ".join(f"{cell:,}" if isinstance(cell, int) else str(cell) for cell in row) + " |"
                    for row in rows]


def block() -> str:
    """The generated Markdown: split sizes, then the dev split by region, label and event."""
    dev, test = _read("dev"), _read("test")
    words = sum(len(article["text"].split()) for article in dev)
    silent = sum(not article["events"] for article in dev)
    regions = Counter(article.get("region", "") for article in dev)
    labels = Counter(entity["label"] for article in dev for entity in article["entities"])
    events = Counter((event["type"], event["status"]) for article in dev for event in article["events"])
    lines = _table(("split", "articles", "words", "mentions", "events"),
                   [(name, len(split), sum(len(a["text"].split()) for a in split),
                     sum(len(a["entities"]) for a in split), sum(len(a["events"]) for a in split))
                    for name, split in (("dev", dev), ("test", test))])
    lines += ["", f"Dev: {words:,} words; {silent} articles have no event at all (negated, hypothetical,",
              "demanded or distractor uses only).", ""]
    lines += _table(("region", "articles"), [*sorted(regions.items(), key=lambda kv: (-kv[1], kv[0])),
                                             ("total", len(dev))])
    lines += [""] + _table(("label", "mentions"), [(f"`{label}`", labels[label]) for label in LABELS]
                           + [("total", sum(labels.values()))])
    rows = [(f"`{kind}`", *(events[(kind, status)] for status in STATUSES),
             sum(events[(kind, status)] for status in STATUSES)) for kind in EVENT_TYPES]
    rows.append(("total", *(sum(events[(kind, status)] for kind in EVENT_TYPES) for status in STATUSES),
                 sum(events.values())))
    lines += [""] + _table(("event type", *STATUSES, "total"), rows)
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the card is out of date")
    args = parser.parse_args()
    return write_generated_block(CARD, f"{START}\n{block()}\n{END}", START, END, args.check, "corpus_numbers.py")


if __name__ == "__main__":
    sys.exit(main())
