"""spaCy document model: an Arabic ``Language`` whose tokenizer is the text layer.

``doc.text`` is the original article exactly; clitic pieces are tokens with
no trailing space and ``token.norm_`` holds the CAMeL-normalized form, so
``Matcher``/``PhraseMatcher`` patterns on ``NORM`` match «بالحسكة» as «الحسكه».
Sentence starts come from the news sentence splitter.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.tokens import Token as SpacyToken
from spacy.vocab import Vocab

from .text import ProcliticSplitter, Segmenter, sentence_starts, tokenize

__all__ = ["ArabicNewsTokenizer", "blank", "create_tokenizer", "doc_text", "register_extensions"]


def doc_text(doc: Doc) -> str:
    """``doc.text`` computed once: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get("extractor_text")
    if text is None:  # a Doc made by another tokenizer
        text = doc.user_data["extractor_text"] = doc.text
    return text


def register_extensions() -> None:
    """Doc/Token extensions the components write to (idempotent)."""
    for name, default in (("mentions", None), ("events", None), ("article_date", None),
                          ("errors", None), ("doc_id", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not SpacyToken.has_extension("is_clitic"):
        SpacyToken.set_extension("is_clitic", default=False)
    if not Span.has_extension("mention"):
        Span.set_extension("mention", default=None)


class ArabicNewsTokenizer:
    """Callable ``text -> Doc`` built on ``extractor.text.tokenize``."""

    def __init__(self, vocab: Vocab, segmenter: Segmenter | None = None) -> None:
        self.vocab = vocab
        self.segmenter = segmenter or ProcliticSplitter(_known_stem)

    def __call__(self, text: str) -> Doc:
        tokens = tokenize(text, self.segmenter)
        words: list[str] = []
        spaces: list[bool] = []
        norms: list[str] = []
        clitic: list[bool] = []
        starts: list[bool] = []
        for token, is_start in zip(tokens, sentence_starts(tokens)):
            words.append(token.text)
            norms.append(token.norm)
            clitic.append(token.is_clitic)
            starts.append(is_start)
            gap = token.space_after
            invisible = len(gap) - len(gap.lstrip("".join(set(gap) - set(" \t\n\r\f\v"))))
            if invisible:  # bidi/zero-width marks stay glued to their word, not a token
                words[-1] += gap[:invisible]
                gap = gap[invisible:]
            if gap.startswith(" "):
                spaces.append(True)
                gap = gap[1:]
            else:
                spaces.append(False)
            if gap:  # other whitespace becomes a whitespace token, as in spaCy
                words.append(gap)
                spaces.append(False)
                norms.append(" ")
                clitic.append(False)
                starts.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces, sent_starts=starts or None)
        doc.user_data["extractor_text"] = text
        for spacy_token, norm, is_clitic in zip(doc, norms, clitic):
            spacy_token.norm_ = norm
            if is_clitic:
                spacy_token._.is_clitic = True
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # spaCy serializes tokenizers; ours is fully described by its config.
    def to_bytes(self, **_kwargs) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_kwargs) -> ArabicNewsTokenizer:
        return self

    def to_disk(self, _path, **_kwargs) -> None:
        return None

    def from_disk(self, _path, **_kwargs) -> ArabicNewsTokenizer:
        return self


def _known_stem(stem: str) -> bool:
    """Whether a normalized stem is a word the lexicons hold (lets «لقسد», «وانسحبت» split)."""
    return stem in known_stems()


@cache
def known_stems() -> frozenset[str]:
    """Names, trigger and governor forms, and context words: what a proclitic may precede."""
    from .event_lexicon import (  # late imports: data loads on first use
        governing_verbs,
        trigger_index,
    )
    from .event_lexicon import words as event_words
    from .lexicons import context_words, known_names

    words = set(known_names()) | set(trigger_index()) | governing_verbs()
    words |= event_words("claims") | event_words("clause_blockers")
    for section in ("place_descriptors", "base_heads", "unit_heads", "force_heads",
                    "force_heads_definite", "ship_heads", "command_heads", "name_generics",
                    "compound_first"):
        words |= {w for w in context_words(section) if " " not in w}
    return frozenset(w for w in words if len(w) >= 3)


@spacy.registry.tokenizers("extractor.ArabicNewsTokenizer.v1")
def create_tokenizer(segmenter: str = "builtin",
                     db_path: str | None = None) -> Callable[[Language], ArabicNewsTokenizer]:
    """Registered tokenizer factory; ``segmenter`` is builtin, camel or auto.

    ``db_path`` points CAMeL at a morphology database other than its installed data.
    """

    def make(nlp: Language) -> ArabicNewsTokenizer:
        register_extensions()
        chosen: Segmenter | None = None
        if segmenter != "builtin":
            from .morphology import load_segmenter

            chosen = load_segmenter(segmenter, db_path=db_path)
        return ArabicNewsTokenizer(nlp.vocab, chosen)

    return make


def blank(segmenter: str = "builtin", db_path: str | None = None) -> Language:
    """A blank Arabic pipeline with the news tokenizer and no components."""
    register_extensions()
    config = {"nlp": {"tokenizer": {"@tokenizers": "extractor.ArabicNewsTokenizer.v1",
                                    "segmenter": segmenter, "db_path": db_path}}}
    return spacy.blank("ar", config=config)
