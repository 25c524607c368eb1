"""Throughput and memory of the extractor, measured (never asserted in tests).

Builds a batch by repeating the corpus articles (the bundled sample when no
corpus file is present) and reports articles/s, MB/s and peak RSS for:

  a) spaCy's blank Arabic tokenizer alone
  b) CAMeL Tools' simple_word_tokenize alone
  c) the full extractor in one process (rules + the statistical tagger when installed)
  d) the full extractor with 2 worker processes
  e) cost per article at 100 versus N articles (flat is good)
  f) the rules alone (``ner=False``), in one process and with 2 workers: what the model costs
  g) the full extractor and the rules alone on articles the size of the bundled sample

Usage: python benchmarks/throughput.py [--articles 5000] [--repeat 3] [--json out.json]
Each case runs in a fresh subprocess so peak RSS is its own; with ``--repeat N``
each case runs N times, in rounds over all the cases, and the fastest run is kept
(as ``timeit`` does: on a shared machine the slow runs measure the neighbours,
not the code).
"""

from __future__ import annotations

import argparse
import collections
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ("spacy_blank", "camel_tokenize", "extractor_1", "extractor_2", "extractor_100",
         "rules_1", "rules_2", "sample_extractor_1", "sample_rules_1")
SAMPLE = ROOT / "corpus" / "sample" / "qasrak-withdrawal-2026-02-23.txt"


def _texts(count: int, sample: bool = False) -> list[str]:
    corpus = ROOT / "corpus" / "dev.jsonl"
    if sample:
        return [SAMPLE.read_text("utf-8")] * count
    if corpus.exists():
        base = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    else:
        base = [(ROOT / "corpus" / "sample" / "qasrak-withdrawal-2026-02-23.txt").read_text("utf-8")]
    return [base[i % len(base)] for i in range(count)]


def _drain(items) -> float | None:
    """Consume a stream as ``extractor run`` does (results are written, not kept); return
    when the first item arrived (worker start-up and the first minibatch are behind it)."""
    stream = iter(items)
    first = next(stream, None)
    arrived = time.perf_counter() if first is not None else None
    collections.deque(stream, maxlen=0)
    return arrived


def _run_case(case: str, count: int) -> dict:
    texts = _texts(100 if case == "extractor_100" else count, sample=case.startswith("sample_"))
    started = time.perf_counter()
    if case == "spacy_blank":
        import spacy

        nlp = spacy.blank("ar")
        work = lambda: _drain(nlp.make_doc(t) for t in texts)
    elif case == "camel_tokenize":
        from camel_tools.tokenizers.word import simple_word_tokenize

        work = lambda: _drain(simple_word_tokenize(t) for t in texts)
    else:
        from extractor import Extractor

        extractor = Extractor(ner=False if "rules" in case else None)
        workers = 2 if case.endswith("_2") else 1
        work = lambda: _drain(json.dumps(r.to_dict(), ensure_ascii=False) for r in extractor.pipe(
            ({"id": str(i), "text": t, "date": "2026-01-01"} for i, t in enumerate(texts)), n_process=workers))
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    first = work()
    ended = time.perf_counter()
    seconds = ended - started
    # Steady state: from the first result on (worker processes start and load the pipeline
    # inside the timed run; on a batch of tens of thousands that start-up vanishes).
    batch = 32 if case not in ("spacy_blank", "camel_tokenize") else 1
    steady = (len(texts) - batch) / (ended - first) if first and ended > first and len(texts) > batch else None
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"case": case, "articles": len(texts), "seconds": round(seconds, 3),
            "articles_per_s": round(len(texts) / seconds, 1),
            "steady_articles_per_s": round(steady, 1) if steady else None,
            "mb_per_s": round(megabytes / seconds, 3),
            "ms_per_article": round(1000 * seconds / len(texts), 3), "load_s": round(load_seconds, 2),
            "peak_rss_mb": round(max(peak, children), 1),
            "torch_imported": "torch" in sys.modules}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--case", choices=CASES, help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=1, help="runs per case; the fastest is kept")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    if args.case:
        print(json.dumps(_run_case(args.case, args.articles)))
        return 0
    rows = []
    runs: dict[str, list[dict]] = {case: [] for case in CASES}
    for _ in range(max(1, args.repeat)):  # rounds over all cases: a slow spell hits them alike
        for case in CASES:
            done = subprocess.run([sys.executable, __file__, "--case", case, "--articles", str(args.articles)],
                                  capture_output=True, text=True, check=True)
            runs[case].append(json.loads(done.stdout.strip().splitlines()[-1]))
    for case in CASES:
        rows.append({**max(runs[case], key=lambda run: run["articles_per_s"]),
                     "runs_articles_per_s": [run["articles_per_s"] for run in runs[case]]})
        print(json.dumps(rows[-1]), flush=True)
    by_case = {row["case"]: row for row in rows}
    ratio = by_case["extractor_1"]["seconds"] / max(by_case["spacy_blank"]["seconds"], 1e-9)
    speedup = by_case["extractor_2"]["articles_per_s"] / max(by_case["extractor_1"]["articles_per_s"], 1e-9)
    steady = (by_case["extractor_2"]["steady_articles_per_s"] or 0) / max(
        by_case["extractor_1"]["steady_articles_per_s"] or 0, 1e-9)
    print(f"\nfull extractor vs spaCy blank tokenizer: {ratio:.1f}x the time; "
          f"2 workers vs 1: {speedup:.2f}x ({steady:.2f}x in steady state); "
          f"ms/article at 100: {by_case['extractor_100']['ms_per_article']}, "
          f"at {args.articles}: {by_case['extractor_1']['ms_per_article']}; "
          f"the statistical tagger keeps {by_case['extractor_1']['articles_per_s'] / by_case['rules_1']['articles_per_s']:.0%}"
          f" of the rules' throughput")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
