"""The statistical tagger beside the rules: a spaCy NER trained on ANERcorp.

The model (``models/ner``, trained by ``scripts/train_ner.py``) finds the
village, the new group or the transliterated name that no gazetteer holds.
It runs on the tokens the project tokenizer already made (no second
tokenization), and its entities join the rule candidates as mentions with
``source="model"``; ``arabic_entity_resolver`` lets rules win every overlap,
so the model only fills gaps. ORG and PERSON come out as extra labels.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy
from pathlib import Path

from spacy.language import Language
from spacy.attrs import NORM
from spacy.tokens import Doc
from spacy.vocab import Vocab
from spacy.util import minibatch

from .lexicons import context_words
from .mentions import Mention
from .resources import models_dir

__all__ = ["StatisticalTagger", "default_model_path", "model_available"]

_EMPTY = numpy.zeros((0,), dtype="float32")  # tok2vec output is not kept on the Doc


def default_model_path() -> Path:
    return models_dir() / "ner"


def model_available(path: str | Path | None = None) -> bool:
    return (Path(path) if path else default_model_path()).joinpath("config.cfg").exists()


@lru_cache(maxsize=4)
def _load(path: str) -> Language:
    import spacy

    from .language import register_extensions

    register_extensions()  # the saved pipeline names the project tokenizer
    return spacy.load(path)


class StatisticalTagger:
    """Adds the model's entities to ``doc._.mentions`` as low-priority candidates."""

    def __init__(self, name: str, model_path: str | None, labels: list[str], score: float,
                 vocab: Vocab | None = None) -> None:
        self.name = name
        self.path = str(model_path or default_model_path())
        self.labels = set(labels)
        self.score = score
        self.model = _load(self.path)
        self.vocab = vocab or self.model.vocab
        if self.vocab is not self.model.vocab:
            # The model runs on the pipeline's own Docs (no copy): they need its lexical
            # feature table (NORM-keyed vectors) and its label names.
            self.vocab.vectors = self.model.vocab.vectors
            for label in self.model.get_pipe("ner").labels:
                self.vocab.strings.add(label)
        # ANERcorp marks «ريف» or «شمال» alone as LOC at times; the project
        # keeps descriptors and compass words outside PLACE (guidelines §3).
        self.place_edges = context_words("place_descriptors") | context_words("place_cues") \
            | context_words("name_stopwords")

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Batched like spaCy's own components: tok2vec and NER run on a whole
        minibatch at once, which is where the model's cost goes. They run on the
        pipeline's Docs themselves; the model's ``doc.ents`` become candidate
        mentions and are cleared (the resolver sets the final ones)."""
        for batch in minibatch(docs, batch_size):
            filled = [doc for doc in batch if len(doc)]
            tagged = filled if self.vocab is not self.model.vocab else [self._copy(d) for d in filled]
            kept = [doc.ents for doc in filled]
            for _, component in self.model.pipeline:
                tagged = list(component.pipe(tagged, batch_size=batch_size))
            for doc, model_doc, ents in zip(filled, tagged, kept):
                self._add(doc, model_doc)
                doc.ents = ents
                doc.tensor = _EMPTY
            yield from batch

    def _copy(self, doc: Doc) -> Doc:
        """The same tokens in the model's vocab (when the pipeline's vocab is another one)."""
        copy = Doc(self.model.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        copy.from_array([NORM], doc.to_array([NORM]))
        return copy

    def _add(self, doc: Doc, tagged: Doc) -> None:
        found = [self._mention(doc, *bounds, ent.label_) for ent in tagged.ents
                 if ent.label_ in self.labels and (bounds := self._trim(doc, ent.start, ent.end, ent.label_))]
        doc._.mentions = (doc._.mentions or []) + found

    def _trim(self, doc: Doc, start: int, end: int, label: str) -> tuple[int, int] | None:
        """Cut descriptor and compass tokens off a model PLACE's edges; None if nothing is left."""
        if label != "PLACE":
            return start, end
        while start < end and doc[start].norm_ in self.place_edges:
            start += 1
        while end > start and doc[end - 1].norm_ in self.place_edges:
            end -= 1
        return (start, end) if start < end else None

    def _mention(self, doc: Doc, start: int, end: int, label: str) -> Mention:
        """Raw model spans: ``arabic_place_filters`` judges and completes them with the
        rule candidates (a conjunction kept on «وشبعا», a generic noun, a word that is no name)."""
        span = doc[start:end]
        return Mention(label, span.start_char, span.end_char, span.text, score=self.score,
                       source="model", reason=f"statistical NER ({Path(self.path).name})")


@Language.factory("arabic_statistical_ner",
                  default_config={"model_path": None, "labels": ["PLACE", "ORG", "PERSON"], "score": 0.6},
                  assigns=["doc._.mentions"])
def make_statistical_tagger(nlp: Language, name: str, model_path: str | None, labels: list[str],
                            score: float) -> StatisticalTagger:
    """``score`` is the fixed confidence given to model mentions: the greedy
    transition-based NER yields no per-entity probability."""
    return StatisticalTagger(name, model_path, labels, score, vocab=nlp.vocab)
