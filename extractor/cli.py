"""Command line: ``extractor run``, ``extractor evaluate`` and ``extractor convert``.

``run`` writes one JSON line per input article, in input order, to stdout or
``-o``; a progress bar goes to stderr when it is a terminal. A missing input
path is reported on stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from . import __version__
from .inputs import BATCH_SIZE

FORMAT_NAMES = ("corpus", "brat", "conll", "labelstudio")

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="extractor",
                                     description="Information extraction from Arabic news.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="extract entities and events from articles")
    run.add_argument("paths", nargs="+", help=".txt files, .jsonl/.csv files, folders, or - for stdin JSONL")
    run.add_argument("-o", "--output", help="output JSONL file (default: stdout)")
    run.add_argument("--date", help="article date (YYYY-MM-DD) for inputs that carry none")
    run.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    run.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    run.add_argument("--segmenter", choices=["builtin", "camel", "auto"], default="builtin",
                     help="clitic segmentation: rules, CAMeL morphology, or CAMeL when installed")
    run.add_argument("--ner", choices=["auto", "on", "off"], default="auto",
                     help="the statistical tagger beside the rules (auto: when models/ner is installed)")
    run.add_argument("--ner-model", metavar="DIR", help="another trained tagger (scripts/train_ner.py --out DIR)")
    run.add_argument("--include-text", action="store_true", help="copy the article text into the output")
    run.add_argument("--progress", choices=["auto", "on", "off"], default="auto")
    run.add_argument("--resume", action="store_true",
                     help="skip ids already in the -o file (after a torn last line is cut)")
    run.add_argument("--dask", action="store_true", help="run on a local Dask cluster (.jsonl inputs)")
    run.add_argument("--dask-scheduler", metavar="ADDRESS",
                     help="run on the Dask cluster at this address, e.g. tcp://10.0.0.5:8786")

    evaluate = commands.add_parser("evaluate", help="score predictions against an annotated corpus")
    evaluate.add_argument("--gold", required=True, help="annotated corpus JSONL, e.g. corpus/test.jsonl")
    evaluate.add_argument("--pred", help="predictions JSONL (default: run the extractor on the gold texts)")
    evaluate.add_argument("--out", help="folder for the tables as CSV and report.json")
    evaluate.add_argument("--mode", choices=["lenient", "strict"], default="lenient",
                          help="span matching: the contract's core/extent rule, or exact offsets")
    evaluate.add_argument("--ner", choices=["auto", "on", "off"], default="auto",
                          help="with no --pred: run with or without the statistical tagger")
    evaluate.add_argument("--ner-model", metavar="DIR", help="with no --pred: another trained tagger")
    evaluate.add_argument("--errors", type=int, default=0, metavar="N",
                          help="also print the first N false positives and negatives")
    evaluate.add_argument("--baseline", metavar="JSONL",
                          help="an earlier run's predictions: also list the errors this run fixed and made")

    convert = commands.add_parser("convert", help="convert annotations between corpus JSONL, brat, CoNLL "
                                                   "and Label Studio")
    convert.add_argument("source", help="input: .jsonl (corpus), brat folder, .conll/.bio, or .json (Label Studio)")
    convert.add_argument("target", help="output path (a folder for brat)")
    convert.add_argument("--from", dest="source_format", choices=FORMAT_NAMES,
                         help="input format (default: from the path)")
    convert.add_argument("--to", dest="target_format", choices=FORMAT_NAMES,
                         help="output format (default: from the path)")
    convert.add_argument("--validate", action="store_true",
                         help="check every converted article with the corpus validator")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return {"run": _run, "evaluate": _evaluate, "convert": _convert}[args.command](args)


def _progress(iterable: Iterable, mode: str):
    from tqdm import tqdm

    disable = {"on": False, "off": True}.get(mode, not sys.stderr.isatty())
    return tqdm(iterable, disable=disable, file=sys.stderr, unit="article", dynamic_ncols=True)


def _run(args: argparse.Namespace) -> int:
    from .io import JsonlWriter, read_articles

    if args.dask or args.dask_scheduler:
        return _run_dask(args)
    try:
        articles = read_articles(args.paths)
        first = next(articles, None)
    except FileNotFoundError as error:
        print(f"extractor: error: {error}", file=sys.stderr)
        return 2
    if first is None:
        print("extractor: warning: no articles found", file=sys.stderr)
        return 0
    from .api import Extractor
    from .batch import completed_ids, run_batch

    skip: set[str] = set()
    if args.resume:
        if not args.output:
            print("extractor: error: --resume needs -o/--output", file=sys.stderr)
            return 2
        skip = completed_ids(Path(args.output))
    stream = _with_default_date(_chain(first, articles), args.date)
    output = open(args.output, "a" if args.resume else "w", encoding="utf-8") if args.output else sys.stdout
    try:
        summary = run_batch(stream, JsonlWriter(output), Extractor(segmenter=args.segmenter, ner=_ner(args.ner),
                                                                ner_model=args.ner_model),
                            workers=args.workers, batch_size=args.batch_size, skip_ids=skip,
                            include_text=args.include_text,
                            progress=lambda it: _progress(it, args.progress))
    finally:
        if output is not sys.stdout:
            output.close()
    print(summary, file=sys.stderr)
    return 130 if summary.interrupted else 0


def _run_dask(args: argparse.Namespace) -> int:
    from .distributed import run_on_dask
    from .io import JsonlWriter

    paths = [str(Path(p)) for p in args.paths]
    wrong = [p for p in paths if not p.endswith(".jsonl") or not Path(p).exists()]
    if wrong:
        print(f"extractor: error: Dask runs read existing .jsonl files only: {', '.join(wrong)}",
              file=sys.stderr)
        return 2
    output = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    count = 0
    try:
        writer = JsonlWriter(output)
        for obj in run_on_dask(paths, scheduler=args.dask_scheduler, segmenter=args.segmenter,
                               include_text=args.include_text, n_workers=max(1, args.workers),
                               ner=_ner(args.ner)):
            writer.write(obj)
            count += 1
    finally:
        if output is not sys.stdout:
            output.close()
    print(f"extractor: done: {count} article(s) on Dask", file=sys.stderr)
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from .api import Extractor
    from .corpus import load_corpus
    from .evaluation import evaluate, predict

    try:
        gold = load_corpus(args.gold)
        pred = load_corpus(args.pred) if args.pred else predict(gold, Extractor(ner=_ner(args.ner),
                                                                                      ner_model=args.ner_model))
        baseline = load_corpus(args.baseline) if args.baseline else None
    except (OSError, ValueError, TypeError) as error:
        print(f"extractor: error: {error}", file=sys.stderr)
        return 2
    report = evaluate(gold, pred, args.mode)
    print(report)
    if args.errors:
        columns = ["article", "kind", "cause", "label", "text", "near_text"]
        print("\nErrors\n" + report.errors[columns].head(args.errors).to_string(index=False))
    if baseline is not None:
        from .evaluation import compare_errors

        changes = compare_errors(gold, baseline, pred, args.mode)
        counts = changes["change"].value_counts()
        print(f"\nAgainst the baseline: {counts.get('fixed', 0)} error(s) fixed, {counts.get('made', 0)} made")
        if not changes.empty:
            print(changes[["change", "article", "kind", "label", "text"]].to_string(index=False))
    if args.out:
        for path in report.write(args.out):
            print(f"wrote {path}", file=sys.stderr)
    return 0


def _convert(args: argparse.Namespace) -> int:
    from .corpus import validate_article
    from .formats.convert import read_articles_as, write_articles_as

    try:
        articles = read_articles_as(args.source, args.source_format)
        problems = [f"{a.get('id')}: {p}" for a in articles for p in validate_article(a)] if args.validate else []
        write_articles_as(articles, args.target, args.target_format)
    except (OSError, ValueError, KeyError) as error:
        print(f"extractor: error: {error}", file=sys.stderr)
        return 2
    for problem in problems:
        print(f"extractor: invalid: {problem}", file=sys.stderr)
    print(f"extractor: converted {len(articles)} article(s) to {args.target}", file=sys.stderr)
    return 1 if problems else 0


def _ner(choice: str) -> bool | None:
    return {"on": True, "off": False}.get(choice)


def _chain(first, rest):
    yield first
    yield from rest


def _with_default_date(articles, date: str | None):
    for article in articles:
        if date and not article.get("date"):
            article = {**article, "date": date}
        yield article


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
