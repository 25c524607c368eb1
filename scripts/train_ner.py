"""Train and measure the statistical named-entity tagger on ANERcorp (issue #7).

    python scripts/train_ner.py convert  ANERCORP_DIR   # → training/corpus/*.spacy (to inspect)
    python scripts/train_ner.py train    ANERCORP_DIR   # convert, then spacy train → models/ner
    python scripts/train_ner.py evaluate ANERCORP_DIR   # seqeval on the ANERcorp test split
    python scripts/train_ner.py evaluate ANERCORP_DIR --system  # the whole extractor, rules + model

ANERcorp (CAMeL Lab train/test split, CC BY-SA 4.0) is never committed: get it
from CAMeL Lab (https://camel.abudhabi.nyu.edu/anercorp/) and pass its folder.
Each sentence is rebuilt as text (tokens joined by spaces), its BIO tags become
character spans, and the text is re-tokenized with the extractor's own
tokenizer (clitics split), so the model sees at run time what it saw in
training. Spans then drop a leading proclitic token («والعراق» → «العراق»),
as the project's guidelines do. Scores are computed back on ANERcorp's own
tokens, as published results are (entity-level exact match, seqeval).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import extractor  # noqa: F401  (hides torch from thinc, registers the tokenizer)
from extractor.language import blank

LABELS = {"LOC": "PLACE", "ORG": "ORG", "PERS": "PERSON", "MISC": "MISC"}
BACK = {v: k for k, v in LABELS.items()}
FILES = {"train": "ANERCorp_CamelLab_train.txt", "test": "ANERCorp_CamelLab_test.txt"}
CORPUS_DIR = ROOT / "training" / "corpus"
OUTPUT_DIR = ROOT / "training" / "output"
VECTORS_DIR = ROOT / "training" / "vectors"  # lexical features (scripts/ner_features.py)
MODEL_DIR = ROOT / "models" / "ner"
CONFIG = ROOT / "training" / "ner.cfg"  # ner_transition.cfg: the parser head

Sentence = list[tuple[str, str]]


def read_anercorp(path: Path) -> list[Sentence]:
    """Sentences of ``token TAG`` lines separated by blank lines."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            if current:
                sentences.append(current)
            current = []
            continue
        current.append((" ".join(parts[:-1]), parts[-1]))
    if current:
        sentences.append(current)
    return sentences


def token_offsets(sentence: Sentence) -> tuple[str, list[tuple[int, int]]]:
    """The sentence as text (tokens joined by single spaces) and each token's offsets."""
    offsets, position = [], 0
    for token, _ in sentence:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    return " ".join(t for t, _ in sentence), offsets


def bio_spans(sentence: Sentence) -> list[tuple[int, int, str]]:
    """Character spans of the BIO entities (an I- after O or another type starts one)."""
    _, offsets = token_offsets(sentence)
    spans: list[list] = []
    previous = "O"
    for (_, tag), (start, end) in zip(sentence, offsets):
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        if kind is None:
            previous = "O"
            continue
        if tag.startswith("B-") or previous != kind:
            spans.append([start, end, kind])
        else:
            spans[-1][1] = end
        previous = kind
    return [(s, e, k) for s, e, k in spans if k in LABELS]


def to_doc(nlp, sentence: Sentence, stats: dict[str, int]):
    """A Doc of the project tokenizer with the sentence's entities; counts what would not align."""
    from spacy.tokens import Span

    text, _ = token_offsets(sentence)
    doc = nlp.make_doc(text)
    ents = []
    for start, end, kind in bio_spans(sentence):
        stats["spans"] += 1
        span = doc.char_span(start, end, LABELS[kind], alignment_mode="strict")
        if span is None:
            stats["unaligned"] += 1
            continue
        first, last = span.start, span.end
        while first < last - 1 and doc[first]._.is_clitic:
            first += 1
        stats["clitic_trimmed"] += first > span.start
        before_punct = (first, last)
        while first < last and (doc[first].is_punct or doc[first].is_space):
            first += 1  # spaCy's NER cannot learn spans that start or end with punctuation
        while last > first and (doc[last - 1].is_punct or doc[last - 1].is_space):
            last -= 1
        if last == first:
            stats["unaligned"] += 1
            continue
        if any(doc[i].is_sent_start for i in range(first + 1, last)):
            stats["cross_sentence"] += 1  # «سي . أن . أن»: the splitter ends a sentence inside it
            continue
        stats["punct_trimmed"] += (first, last) != before_punct
        ents.append(Span(doc, first, last, label=LABELS[kind]))
    doc.ents = ents
    return doc


def with_biluo_tags(doc):
    """Also write each token's BILUO tag («U-PLACE») as its ``tag_``: what the tagger head learns."""
    from spacy.training import offsets_to_biluo_tags

    for token, tag in zip(doc, offsets_to_biluo_tags(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])):
        token.tag_ = tag
    return doc


def project_docs(nlp, path: Path) -> list:
    """The project's dev articles as training docs in ANERcorp's conventions: PLACE stays
    PLACE, a BASE's name after its head noun is PLACE, forces and everything else O
    (ANERcorp tags «الجيش الإسرائيلي» O). The test split is never read."""
    from spacy.tokens import Span

    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        doc = nlp.make_doc(article["text"])
        ents = []
        for mention in article["entities"]:
            if mention["label"] not in ("PLACE", "BASE"):
                continue
            span = doc.char_span(mention["start"], mention["end"], alignment_mode="contract")
            if span is None or not len(span):
                continue
            first = span.start + (1 if mention["label"] == "BASE" else 0)
            while first < span.end and (doc[first].is_punct or doc[first]._.is_clitic):
                first += 1
            last = span.end
            while last > first and doc[last - 1].is_punct:
                last -= 1
            if first < last and not any(doc[i].is_sent_start for i in range(first + 1, last)):
                ents.append(Span(doc, first, last, label="PLACE"))
        doc.ents = [e for e in ents if not any(o is not e and o.start < e.end and e.start < o.end
                                                 and (o.end - o.start) > (e.end - e.start) for o in ents)]
        docs.append(doc)
    return docs


def convert(data_dir: Path, dev_every: int = 10, out_dir: Path = CORPUS_DIR,
            project_dev: Path | None = None) -> dict[str, dict[str, int]]:
    """Write train/dev/test DocBins; every ``dev_every``-th train sentence goes to dev;
    ``project_dev`` (the project's own dev split) is added to train."""
    from spacy.tokens import DocBin

    nlp = blank()
    out_dir.mkdir(parents=True, exist_ok=True)
    report = {}
    for split, name in FILES.items():
        stats = {"sentences": 0, "spans": 0, "unaligned": 0, "cross_sentence": 0, "clitic_trimmed": 0,
                 "punct_trimmed": 0}
        bins = {"train": DocBin(), "dev": DocBin()} if split == "train" else {"test": DocBin()}
        for index, sentence in enumerate(read_anercorp(data_dir / name)):
            stats["sentences"] += 1
            target = "dev" if split == "train" and index % dev_every == dev_every - 1 else split
            bins[target].add(with_biluo_tags(to_doc(nlp, sentence, stats)))
        if split == "train" and project_dev is not None:
            for doc in project_docs(nlp, project_dev):
                bins["train"].add(with_biluo_tags(doc))
            stats["project_articles"] = len(project_dev.read_text(encoding="utf-8").splitlines())
        for target, docbin in bins.items():
            docbin.to_disk(out_dir / f"{target}.spacy")
        report[split] = stats
        print(f"{split}: {stats}")
    return report


def train(data_dir: Path, seed: int = 0, project_dev: Path | None = None, model_dir: Path = MODEL_DIR,
          settings: dict[str, object] | None = None, config: Path = CONFIG) -> None:
    """Convert, ``spacy train`` with the repo's config, then copy the best model to ``models/ner``.

    ``settings`` override config values, given on the command line as ``spacy train``
    takes them («--components.tok2vec.model.encode.width 128»), for trying a wider
    encoder without editing the committed config.

    Conversion runs in the same process as training so that the training docs
    are tokenized exactly as spaCy re-tokenizes them (the tokenizer reads the
    lexicons, which may have changed since an earlier conversion).
    """
    from ner_features import keep_norm_key, save_vectors_pipeline
    from spacy.cli.train import train as spacy_train

    import extractor.statistical  # noqa: F401  (registers the tagger head's entity scorer)

    convert(data_dir, project_dev=project_dev)
    overrides = {"paths.train": str(CORPUS_DIR / "train.spacy"), "paths.dev": str(CORPUS_DIR / "dev.spacy"),
                 "paths.vectors": str(save_vectors_pipeline(VECTORS_DIR)), "system.seed": seed,
                 **(settings or {})}
    spacy_train(config, OUTPUT_DIR, overrides=overrides)
    if model_dir.exists():
        shutil.rmtree(model_dir)
    shutil.copytree(OUTPUT_DIR / "model-best", model_dir)
    keep_norm_key(model_dir)
    print(f"model written to {model_dir}")


def _model_entities(model_dir: Path, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """The model alone, read as the pipeline reads it (``extractor.statistical.model_spans``:
    valid BILUO runs for a tagger head), one prediction per minibatch."""
    import spacy
    from spacy.util import minibatch

    from extractor.statistical import decoder_for, model_spans

    nlp = spacy.load(model_dir)
    decoder = decoder_for(nlp)
    found = []
    for batch in minibatch(texts, 256):
        docs = [nlp.make_doc(text) for text in batch]
        filled = [doc for doc in docs if len(doc)]
        spans = dict(zip(map(id, filled), model_spans(nlp, filled, decoder)))
        found += [[(doc[s:e].start_char, doc[s:e].end_char, BACK[label]) for s, e, label in spans.get(id(doc), [])]
                  for doc in docs]
    return found


def _system_entities(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """The whole extractor (rules first, the model in the gaps), its labels mapped back."""
    from extractor.api import Extractor

    system = Extractor(ner=True)
    return [[(e["start"], e["end"], BACK[e["label"]]) for e in system.extract(text).to_dict()["entities"]
             if e["label"] in BACK] for text in texts]


def evaluate(data_dir: Path, model_dir: Path = MODEL_DIR, system: bool = False) -> dict:
    """Entity-level P/R/F1 per type on ANERcorp's test tokens (seqeval, exact match).

    ``system`` scores the whole extractor instead of the model alone: the
    gazetteer's PLACE mentions count as LOC (it has no MISC, so MISC comes
    only from the model's gaps and is not output: expect MISC near zero).
    """
    from seqeval.metrics import classification_report

    sentences = read_anercorp(data_dir / FILES["test"])
    texts = [token_offsets(s)[0] for s in sentences]
    found = _system_entities(texts) if system else _model_entities(model_dir, texts)
    gold_tags = [[t if t[2:] in LABELS else "O" for _, t in s] for s in sentences]
    pred_tags = [_tags_on_tokens(token_offsets(s)[1], ents) for s, ents in zip(sentences, found)]
    report = classification_report(gold_tags, pred_tags, output_dict=True, digits=4)
    scores = {k: {m: round(float(v[m]), 4) for m in ("precision", "recall", "f1-score", "support")}
              for k, v in report.items()}
    name = "anercorp_scores_system.json" if system else "anercorp_scores.json"
    (model_dir / name).write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")
    print(classification_report(gold_tags, pred_tags, digits=4))
    return scores


def _tags_on_tokens(offsets: list[tuple[int, int]], ents: list[tuple[int, int, str]]) -> list[str]:
    """BIO tags on the original tokens: a token overlapping a predicted entity gets its type."""
    tags = ["O"] * len(offsets)
    for start, end, kind in ents:
        inside = [i for i, (s, e) in enumerate(offsets) if s < end and e > start]
        for n, i in enumerate(inside):
            tags[i] = ("B-" if n == 0 else "I-") + kind
    return tags


def main(argv: list[str] | None = None) -> int:
    # ``spacy train``'s own reader of config overrides (imported after ``extractor``: torch stays hidden)
    from spacy.cli._util import parse_config_overrides

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("convert").add_argument("anercorp", type=Path)
    tr = sub.add_parser("train")
    tr.add_argument("anercorp", type=Path)
    tr.add_argument("--seed", type=int, default=0)
    tr.add_argument("--with-project-dev", type=Path, metavar="DEV_JSONL",
                    help="also train on the project's dev split (corpus/dev.jsonl; never the test split)")
    tr.add_argument("--out", type=Path, default=MODEL_DIR, help="where to write the model")
    tr.add_argument("--config", type=Path, default=CONFIG, help="the spaCy training config")
    ev = sub.add_parser("evaluate")
    ev.add_argument("anercorp", type=Path)
    ev.add_argument("--model", type=Path, default=MODEL_DIR)
    ev.add_argument("--system", action="store_true",
                    help="score the whole extractor (rules + model), not the model alone")
    # Anything else overrides the config as in ``spacy train`` («--training.max_steps 8000»).
    args, overrides = parser.parse_known_args(argv)
    if overrides and args.command != "train":
        parser.error(f"unrecognized arguments: {' '.join(overrides)}")
    if args.command == "convert":
        convert(args.anercorp)
    elif args.command == "train":
        if args.with_project_dev is not None and "test" in args.with_project_dev.name:
            parser.error("the project's test split is never trained on (corpus/GUIDELINES.md §10)")
        train(args.anercorp, args.seed, args.with_project_dev, args.out,
              parse_config_overrides(overrides), args.config)
    else:
        evaluate(args.anercorp, args.model, args.system)
    return 0


if __name__ == "__main__":
    sys.exit(main())
