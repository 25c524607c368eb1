"""CoNLL/BIO for entities: the view sequence taggers train and score on.

``to_conll`` writes one ``token\\tTAG`` line per token of ``extractor.text.tokenize``
(proclitics split, so «بالحسكة» gives ``ب O`` / ``الحسكة B-PLACE``) and a blank
line after every sentence of ``extractor.text.sentences``. A token is tagged
when its *start* lies inside a mention; the first such token gets ``B-``.
Before the first token come CoNLL-U style comment lines, which taggers and
seqeval readers skip: ``# id = ...``, ``# date = ...``, ``# split``,
``# region``, so one file can hold many documents and they come back dated,
and ``# m3 = value=14 qualifier=exact unit=missiles`` for the QUANTITY/TIME
values of the document's 3rd mention (``formats.format_values``), so the
articles ``from_conll`` returns still validate.

What the round trips keep and lose:

* conll -> corpus -> conll is the identity on what ``to_conll`` writes:
  ``from_conll`` joins tokens with single spaces and sentences with ``\\n``,
  and ``to_conll`` only writes tokens that re-tokenize to themselves and
  splits sentences on tokens and line breaks only, never on spacing.
* corpus -> conll -> corpus keeps the header (id, date, split, region), each
  mention's label, its token-aligned extent and its values; it loses the
  exact text (spacing, blank lines, bidi marks, so all offsets change), the
  entity ids (renumbered ``m1``... in text order), events and ``errors``.
  With the default tokens a mention that starts inside a token («ونطنز»)
  loses that token, or disappears when it also ends there (on the dev split
  33 of 971 mentions disappear and 50 are shortened; with the pipeline's
  lexicon-aware segmenter 9 and 20); ``split_at_mentions=True`` keeps them all.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise
from typing import Any

from ..text import ProcliticSplitter, Segmenter, sentences, tokenize
from . import VALUE_FIELDS, assemble, format_values, parse_values

__all__ = ["HEADER_KEYS", "from_conll", "to_conll"]

HEADER_KEYS = ("id", "date", "split", "region")
#: What a tag prefix does: open a new mention or continue the open one (BIO, plus BIOES/IOB1 leniency).
_PREFIX_OPENS = {"B": True, "S": True, "I": False, "E": False}
#: A header key naming a mention of the document (``# m3 = value=14 unit=missiles``).
_MENTION = re.compile(r"m\d+")


Span = tuple[int, int]


def _stable(word: str, segmenter: Segmenter, memo: dict[str, list[Span]]) -> list[Span]:
    """Pieces of a token that ``tokenize`` maps to themselves once written alone.

    A few tokens are not fixed points (``tokenize`` gives «للآليات» -> ل + لآليات,
    but «لآليات» alone -> ل + آليات); splitting them here is what makes
    conll -> corpus -> conll the identity, since ``from_conll`` writes tokens apart.
    """
    if word not in memo:
        pieces = [(t.start, t.end) for t in tokenize(word, segmenter) if not t.text.isspace()]
        memo[word] = [(0, len(word))] if len(pieces) <= 1 else [
            (start + a, start + b) for start, end in pieces for a, b in _stable(word[start:end], segmenter, memo)]
    return memo[word]


def _spans(article: dict[str, Any], segmenter: Segmenter, split_at_mentions: bool) -> tuple[list[Span], set[int]]:
    """Token spans to write, and the offsets where a sentence starts."""
    text = article["text"]
    every = tokenize(text, segmenter)
    cuts = sorted({e[key] for e in article["entities"] for key in ("start", "end")}) if split_at_mentions else []
    memo: dict[str, list[Span]] = {}
    spans: list[Span] = []
    for token in every:
        if token.text.isspace():
            continue
        inner = cuts[bisect_right(cuts, token.start):bisect_right(cuts, token.end - 1)]
        for start, end in pairwise([token.start, *inner, token.end]):
            spans += [(start + a, start + b) for a, b in _stable(text[start:end], segmenter, memo)]
    # CoNLL records tokens and lines, not spacing, so sentence rules must not see spacing either
    # («د. أحمد» stays one sentence only while the period touches the letter: ignore that)
    flat = [t._replace(space_after="\n" if "\n" in t.space_after else "") for t in every]
    breaks = {start for start, _end in sentences(text, flat)}
    # a line break always ends a sentence (``sentences`` keeps a closing quote that opens a line)
    breaks |= {start for (_s, end), (start, _e) in pairwise(spans) if "\n" in text[end:start]}
    # a period inside a name («المدمرة "يو.إس.إس ستوكديل"») ends no sentence: BIO cannot cross one
    inside = [(e["start"], e["end"]) for e in article["entities"]]
    return spans, {b for b in breaks if not any(start < b < end for start, end in inside)}


def _token_tags(article: dict[str, Any], starts: list[int]) -> tuple[list[str], list[dict[str, Any]]]:
    """BIO tag per token (by token start offset), and the mentions in the order BIO decoding
    will number them (by first token; mentions that get no token are left out)."""
    tags = ["O"] * len(starts)
    tagged = []
    for entity in article["entities"]:
        inside = range(bisect_right(starts, entity["start"] - 1), bisect_right(starts, entity["end"] - 1))
        for position, index in enumerate(inside):
            tags[index] = ("B-" if position == 0 else "I-") + entity["label"]
        if inside:
            tagged.append((inside[0], entity))
    return tags, [entity for _first, entity in sorted(tagged, key=lambda pair: pair[0])]


def to_conll(article: dict[str, Any], *, segmenter: Segmenter | None = None,
             split_at_mentions: bool = False) -> str:
    """The article as ``# key = value`` header lines then ``token\\tTAG`` sentences.

    ``segmenter`` is the clitic splitter of ``tokenize`` (the default one knows
    no lexicon; pass the pipeline's to get run-time tokens). With
    ``split_at_mentions`` a token that crosses a mention boundary is cut there,
    so no mention loses a token (gold export); by default tokens are what the
    tokenizer gives (training view) and a mention starting inside a token loses it.
    """
    segmenter = segmenter or ProcliticSplitter()
    spans, breaks = _spans(article, segmenter, split_at_mentions)
    tags, mentions = _token_tags(article, [start for start, _end in spans])
    lines = [f"# {key} = {article[key]}" for key in HEADER_KEYS if article.get(key) is not None]
    values = ((f"m{number}", format_values(entity)) for number, entity in enumerate(mentions, start=1))
    lines += [f"# {mention} = {note}" for mention, note in values if note]
    for index, ((start, end), tag) in enumerate(zip(spans, tags, strict=True)):
        if index and start in breaks:
            lines.append("")
        lines.append(f"{article['text'][start:end]}\t{tag}")
    if spans:
        lines.append("")
    return "\n".join(lines) + "\n"


class _Document:
    """Accumulates one document's sentences and BIO mentions while parsing."""

    def __init__(self) -> None:
        self.head: dict[str, str] = {}
        self.text = ""
        self.sentence_open = False
        self.entities: list[dict[str, Any]] = []
        self.open: dict[str, Any] | None = None

    def add_token(self, token: str, tag: str) -> None:
        if self.text:
            self.text += " " if self.sentence_open else "\n"
        start = len(self.text)
        self.text += token
        self.sentence_open = True
        prefix, _, label = tag.partition("-")
        if not label:  # "O" (or anything without a label) closes the open mention
            self.open = None
            return
        opens = _PREFIX_OPENS.get(prefix, True)
        if opens or self.open is None or self.open["label"] != label:
            self.open = {"id": f"m{len(self.entities) + 1}", "label": label, "start": start}
            self.entities.append(self.open)
        self.open["end"] = len(self.text)

    def end_sentence(self) -> None:
        self.sentence_open = False
        self.open = None

    def article(self, number: int) -> dict[str, Any]:
        notes = {key: self.head.pop(key) for key in list(self.head) if _MENTION.fullmatch(key)}
        for entity in self.entities:
            entity["text"] = self.text[entity["start"]:entity["end"]]
            if entity["label"] in VALUE_FIELDS:
                entity.update(parse_values(entity["label"], notes.get(entity["id"], "")))
        head: dict[str, Any] = {"id": f"conll-{number}", "date": None, **self.head}
        return assemble(head, self.text, self.entities, [])


def from_conll(text_of_conll: str) -> list[dict[str, Any]]:
    """Corpus articles (entities only) from CoNLL text holding one or more documents.

    A document starts at a ``# id = ...`` line or a ``-DOCSTART-`` line; a
    document without an id header gets ``conll-<n>`` and date None.
    Token lines are ``token<TAB>...<TAB>TAG`` (or whitespace-separated).
    """
    documents = [_Document()]
    for number, line in enumerate(text_of_conll.split("\n"), start=1):
        line = line.removesuffix("\r")
        current = documents[-1]
        if not line.strip():
            current.end_sentence()
            continue
        if line.startswith("#") and "\t" not in line:
            key, _, value = line[1:].partition("=")
            key = key.strip()
            if key == "id" and (current.text or "id" in current.head):
                documents.append(current := _Document())
            if key in HEADER_KEYS or _MENTION.fullmatch(key):
                current.head[key] = value.strip()
            continue
        fields = line.split("\t") if "\t" in line else line.split()
        if fields[0] == "-DOCSTART-":
            if current.text or current.head:
                documents.append(_Document())
            continue
        if len(fields) < 2:
            raise ValueError(f"CoNLL line {number}: expected a token and a tag")
        current.add_token(fields[0], fields[-1])
    kept = [doc for doc in documents if doc.text or doc.head]
    return [doc.article(index) for index, doc in enumerate(kept, start=1)]
