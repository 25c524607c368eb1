"""The statistical tagger beside the rules: a spaCy model trained on ANERcorp.

The model (``models/ner``, trained by ``scripts/train_ner.py``) finds the
village, the new group or the transliterated name that no gazetteer holds.
It runs on the tokens the project tokenizer already made (no second
tokenization), and its entities join the rule candidates as mentions with
``source="model"``; ``arabic_entity_resolver`` lets rules win every overlap,
so the model only fills gaps. ORG and PERSON come out as extra labels.

Two model heads are read: spaCy's transition-based ``ner``, or a ``tagger``
that labels each token with a BILUO tag («U-PLACE», «B-ORG» …), decoded here
into spans. The tagger is one matrix product per token where the transition
parser steps through every token in turn: at the same encoder it costs less
than half as much, which is what keeps the model within its share of the
pipeline's time (issue #7).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy
from spacy import registry
from spacy.attrs import NORM
from spacy.language import Language
from spacy.scorer import PRFScore  # what spaCy's own ``Scorer.score_spans`` counts with
from spacy.tokens import Doc
from spacy.util import minibatch
from spacy.vocab import Vocab
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

from .lexicons import context_words
from .mentions import Mention
from .resources import models_dir

__all__ = ["BiluoDecoder", "StatisticalTagger", "biluo_spans", "decoder_for", "default_model_path",
           "model_available", "model_spans", "score_biluo_tags"]

_EMPTY = numpy.zeros((0,), dtype="float32")  # tok2vec output is not kept on the Doc


def default_model_path() -> Path:
    return models_dir() / "ner"


def model_available(path: str | Path | None = None) -> bool:
    return (Path(path) if path else default_model_path()).joinpath("config.cfg").exists()


def biluo_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end, label)`` from BILUO tags, read leniently.

    A per-token tagger can emit sequences no parser would («O I-PLACE L-PLACE»,
    «B-ORG L-PLACE»): a span starts at any B or U, or at an I or L that does not
    continue the open span's label, and ends at L, U, O or a change of label.
    """
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for index, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        if start >= 0 and (prefix in ("O", "B", "U", "") or kind != label):
            spans.append((start, index, label))
            start = -1
        if prefix in ("B", "I", "L", "U") and start < 0:
            start, label = index, kind
        if prefix in ("L", "U") and start >= 0:
            spans.append((start, index + 1, label))
            start = -1
    if start >= 0:
        spans.append((start, len(tags), label))
    return spans


class BiluoDecoder:
    """The best *valid* BILUO sequence (Viterbi) over each run of tokens whose best
    tag is not O; elsewhere O stands. Decoding only the runs keeps the cost to a few
    tokens per sentence, and valid sequences end the fragments that per-token
    choices make («B-PLACE O L-PLACE»)."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = list(names)
        self.outside = self.names.index("O")
        kinds = [name.partition("-") for name in self.names]
        opens = numpy.array([prefix in ("O", "B", "U") for prefix, _, _ in kinds])
        closes = numpy.array([prefix in ("O", "L", "U") for prefix, _, _ in kinds])
        self.first = numpy.where(opens, 0.0, -numpy.inf)   # a run starts after an O
        self.last = numpy.where(closes, 0.0, -numpy.inf)   # and is followed by one
        self.moves = numpy.array([[0.0 if (a in ("O", "L", "U") and b in ("O", "B", "U"))
                                   or (a in ("B", "I") and b in ("I", "L") and ka == kb) else -numpy.inf
                                   for b, _, kb in kinds] for a, _, ka in kinds])

    def spans(self, scores: numpy.ndarray) -> list[tuple[int, int, str]]:
        if not len(scores):
            return []
        best = scores.argmax(axis=1)
        busy = numpy.flatnonzero(best != self.outside)
        if not len(busy):
            return []
        tags = numpy.full(len(scores), self.outside)
        breaks = numpy.flatnonzero(numpy.diff(busy) > 1) + 1
        for run in numpy.split(busy, breaks):
            tags[run[0]:run[-1] + 1] = self._viterbi(scores[run[0]:run[-1] + 1])
        return biluo_spans([self.names[i] for i in tags])

    def _viterbi(self, scores: numpy.ndarray) -> list[int]:
        shifted = scores - scores.max(axis=1, keepdims=True)
        logp = shifted - numpy.log(numpy.exp(shifted).sum(axis=1, keepdims=True))
        total = self.first + logp[0]
        back = numpy.zeros(logp.shape, dtype=int)
        for index in range(1, len(logp)):
            candidates = total[:, None] + self.moves
            back[index] = candidates.argmax(axis=0)
            total = candidates.max(axis=0) + logp[index]
        path = [int((total + self.last).argmax())]
        for index in range(len(logp) - 1, 0, -1):
            path.append(int(back[index][path[-1]]))
        return path[::-1]


@registry.scorers("extractor.biluo_tag_scorer.v1")
def make_biluo_tag_scorer():
    return score_biluo_tags


def score_biluo_tags(examples: Iterable[Any], **_: Any) -> dict[str, Any]:
    """Entity-level P/R/F1 (overall and per label) of a BILUO tagger, for ``spacy train``:
    the spans its tags decode to, matched exactly against the reference's."""
    overall, per_type = PRFScore(), defaultdict(PRFScore)
    for example in examples:
        found = set(biluo_spans([token.tag_ for token in example.predicted]))
        gold = set(biluo_spans([token.tag_ for token in example.reference]))
        overall.score_set(found, gold)
        for label in {span[2] for span in found | gold}:
            per_type[label].score_set({s for s in found if s[2] == label}, {s for s in gold if s[2] == label})
    return {"ents_p": overall.precision, "ents_r": overall.recall, "ents_f": overall.fscore,
            "ents_per_type": {label: score.to_dict() for label, score in per_type.items()}}


def decoder_for(model: Language) -> BiluoDecoder | None:
    """The decoder of a tagger head; None for a transition-based ``ner``."""
    return BiluoDecoder(model.get_pipe("tagger").labels) if model.has_pipe("tagger") else None


def model_spans(model: Language, docs: list[Doc], decoder: BiluoDecoder | None) -> list[list[tuple[int, int, str]]]:
    """Token spans ``(start, end, label)`` the model finds in each of ``docs`` (non-empty),
    for either head; the Docs keep no tags or entities of the model's (the pipeline and
    ``scripts/train_ner.py evaluate`` read the model the same way)."""
    if decoder is not None:  # encode, score each token's BILUO tags, decode valid runs
        encoder = model.get_pipe("tok2vec")
        encoder.set_annotations(docs, encoder.predict(docs))
        return [decoder.spans(numpy.asarray(scores)) for scores in model.get_pipe("tagger").model.predict(docs)]
    kept = [doc.ents for doc in docs]
    for _, component in model.pipeline:
        docs = list(component.pipe(docs))
    found = [[(ent.start, ent.end, ent.label_) for ent in doc.ents] for doc in docs]
    for doc, ents in zip(docs, kept):
        doc.ents = ents
    return found


@lru_cache(maxsize=4)
def _load(path: str) -> Language:
    import spacy

    from .language import register_extensions

    register_extensions()  # the saved pipeline names the project tokenizer
    model = spacy.load(path)
    _multiply_with_numpy(model)
    return model


def _multiply_with_numpy(model: Language) -> None:
    """Let the encoder's matrix products go through numpy's BLAS, not thinc's bundled
    blis: on one thread OpenBLAS does them in about 60% of blis's time here (the
    model's largest cost), with the same entities. Training keeps thinc's default."""
    ops = NumpyOps(use_blis=False)
    for _, component in model.pipeline:
        for node in component.model.walk():
            node.ops = ops


@lru_cache(maxsize=1)
def _blas_threads() -> ThreadpoolController:
    return ThreadpoolController()


def one_blas_thread():
    """A context in which numpy's BLAS uses one thread: the products are small, a second
    thread gains little, and worker processes already fill the cores."""
    return _blas_threads().limit(limits=1, user_api="blas")


class StatisticalTagger:
    """Adds the model's entities to ``doc._.mentions`` as low-priority candidates."""

    def __init__(self, name: str, model_path: str | None, labels: list[str], score: float,
                 vocab: Vocab | None = None) -> None:
        self.name = name
        self.path = str(model_path or default_model_path())
        self.labels = set(labels)
        self.score = score
        self.model = _load(self.path)
        self.decoder = decoder_for(self.model)
        self.vocab = vocab or self.model.vocab
        if self.vocab is not self.model.vocab:
            # The model runs on the pipeline's own Docs (no copy): they need its lexical
            # feature table (NORM-keyed vectors) and its label names.
            self.vocab.vectors = self.model.vocab.vectors
            for label in self.model.get_pipe("tagger" if self.decoder else "ner").labels:
                self.vocab.strings.add(label)
        # ANERcorp marks «ريف» or «شمال» alone as LOC at times; the project
        # keeps descriptors and compass words outside PLACE (guidelines §3).
        self.place_edges = context_words("place_descriptors") | context_words("place_cues") \
            | context_words("name_stopwords")

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Batched like spaCy's own components: the encoder and the head run on a
        whole minibatch at once, which is where the model's cost goes. They run on
        the pipeline's Docs themselves; what the head finds becomes candidate
        mentions, and nothing else of the model's is left on the Docs."""
        for batch in minibatch(docs, batch_size):
            filled = [doc for doc in batch if len(doc)]
            tagged = filled if self.vocab is not self.model.vocab else [self._copy(d) for d in filled]
            with one_blas_thread():
                found_spans = model_spans(self.model, tagged, self.decoder)
            for doc, found in zip(filled, found_spans):
                self._add(doc, found)
                doc.tensor = _EMPTY
            yield from batch

    def _copy(self, doc: Doc) -> Doc:
        """The same tokens in the model's vocab (when the pipeline's vocab is another one)."""
        copy = Doc(self.model.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        copy.from_array([NORM], doc.to_array([NORM]))
        return copy

    def _add(self, doc: Doc, spans: list[tuple[int, int, str]]) -> None:
        found = [self._mention(doc, *bounds, label) for start, end, label in spans
                 if label in self.labels and (bounds := self._trim(doc, start, end, label))]
        doc._.mentions = (doc._.mentions or []) + found

    def _trim(self, doc: Doc, start: int, end: int, label: str) -> tuple[int, int] | None:
        """Cut descriptor, compass and number tokens off a model PLACE's edges; None if nothing is left."""
        if label != "PLACE":
            return start, end
        while start < end and doc[start].norm_ in self.place_edges:
            start += 1
        while end > start and doc[end - 1].norm_ in self.place_edges:
            end -= 1
        named = end
        while named > start and self._loose_number(doc, start, named - 1):
            named -= 1  # «ذئب البحر ٢٠٢٦»: a year or a number ends no place's name
        if start < named < end and not doc[named - 1].whitespace_:
            return None  # «سي-١٣٠»: a code, no place
        return (start, named) if start < named else None

    @staticmethod
    def _loose_number(doc: Doc, start: int, at: int) -> bool:
        """A number or a mark at a PLACE's end, but for a kilometre marker's («الكيلو 160»)."""
        token = doc[at]
        if any(ch.isalpha() for ch in token.text):
            return False
        return not (token.norm_.isdigit() and at > start and doc[at - 1].norm_ in _KILOMETRE)

    def _mention(self, doc: Doc, start: int, end: int, label: str) -> Mention:
        """Raw model spans: ``arabic_place_filters`` judges and completes them with the
        rule candidates (a conjunction kept on «وشبعا», a generic noun, a word that is no name)."""
        span = doc[start:end]
        return Mention(label, span.start_char, span.end_char, span.text, score=self.score,
                       source="model", reason=f"statistical NER ({Path(self.path).name})")


_KILOMETRE = frozenset({"الكيلو", "كيلو", "الكم", "الكيلومتر", "كيلومتر"})


@Language.factory("arabic_statistical_ner",
                  default_config={"model_path": None, "labels": ["PLACE", "ORG", "PERSON"], "score": 0.6},
                  assigns=["doc._.mentions"])
def make_statistical_tagger(nlp: Language, name: str, model_path: str | None, labels: list[str],
                            score: float) -> StatisticalTagger:
    """``score`` is the fixed confidence given to model mentions: the greedy
    transition-based NER yields no per-entity probability."""
    return StatisticalTagger(name, model_path, labels, score, vocab=nlp.vocab)
