"""spaCy pipeline components, each built by a registered factory.

Like spaCy's ``span_ruler``, the tagging components write possibly
overlapping candidates to ``doc.spans[spans_key]`` (and to ``doc._.mentions``
with their scores and reasons); ``arabic_entity_resolver`` then chooses the
non-overlapping mentions by explicit priorities and sets ``doc.ents``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from .context_patterns import ContextRecognizer
from .language import doc_text
from .mentions import Mention, resolve_overlaps
from .place_names import join_adjacent_places
from .recognizers import (
    MENTIONS_KEY,
    LexiconRecognizer,
    QuantityRecognizer,
    Recognizer,
    TimeRecognizer,
    publish_mentions,
    spans_for,
)

__all__ = ["EntityResolver", "RecognizerComponent"]

CANDIDATES_KEY = "candidates"


class RecognizerComponent:
    """Runs recognizers and appends their mentions as candidate spans."""

    def __init__(self, name: str, recognizers: Iterable[Recognizer], spans_key: str) -> None:
        self.name = name
        self.recognizers = list(recognizers)
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        found: list[Mention] = []
        for recognizer in self.recognizers:
            found.extend(recognizer.analyze(doc))
        if doc._.mentions is None:
            doc._.mentions = []
        doc._.mentions.extend(found)
        if self.spans_key not in doc.spans:
            doc.spans[self.spans_key] = []
        group = doc.spans[self.spans_key]
        for span in spans_for(doc, found):
            group.append(span)
        return doc


def _factory(name: str, build: Callable[[Language], list[Recognizer]]) -> None:
    @Language.factory(name, default_config={"spans_key": CANDIDATES_KEY},
                      assigns=["doc.spans", "doc._.mentions"])
    def make(nlp: Language, name: str, spans_key: str) -> RecognizerComponent:
        return RecognizerComponent(name, build(nlp), spans_key)


def _segmenter(nlp: Language):
    """The clitic segmenter of the project tokenizer (None under another tokenizer)."""
    return getattr(nlp.tokenizer, "segmenter", None)


_factory("arabic_places", lambda nlp: [LexiconRecognizer(nlp.vocab, segmenter=_segmenter(nlp)), ContextRecognizer()])
_factory("arabic_quantities", lambda nlp: [QuantityRecognizer()])
_factory("arabic_times", lambda nlp: [TimeRecognizer()])


class EntityResolver:
    """Chooses non-overlapping mentions: longest, then label priority, then score."""

    def __init__(self, name: str, spans_key: str, keep_labels: list[str]) -> None:
        self.name = name
        self.spans_key = spans_key
        self.keep_labels = keep_labels

    def __call__(self, doc: Doc) -> Doc:
        chosen = resolve_overlaps(doc._.mentions or [], self.keep_labels)
        publish_mentions(doc, join_adjacent_places(chosen, doc_text(doc)), self.spans_key)
        return doc


@Language.factory("arabic_entity_resolver",
                  default_config={"spans_key": MENTIONS_KEY, "keep_labels": []},
                  assigns=["doc.ents", "doc.spans", "doc._.mentions"])
def make_resolver(nlp: Language, name: str, spans_key: str, keep_labels: list[str]) -> EntityResolver:
    return EntityResolver(name, spans_key, keep_labels)
