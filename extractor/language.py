"""spaCy document model: an Arabic ``Language`` whose tokenizer is the text layer.

``doc.text`` is the original article exactly; clitic pieces are tokens with
no trailing space and ``token.norm_`` holds the CAMeL-normalized form, so
``Matcher``/``PhraseMatcher`` patterns on ``NORM`` match «بالحسكة» as «الحسكه».
Sentence starts come from the news sentence splitter.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import numpy
import spacy
from spacy.attrs import IDX, NORM
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.tokens import Token as SpacyToken
from spacy.vocab import Vocab

from .text import ProcliticSplitter, Segmenter, sentence_starts, tokenize

__all__ = ["ArabicNewsTokenizer", "blank", "create_tokenizer", "doc_text", "hyphen_joins", "register_extensions",
           "token_norms", "token_starts"]


def doc_text(doc: Doc) -> str:
    """``doc.text`` computed once: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get("extractor_text")
    if text is None:  # a Doc made by another tokenizer
        text = doc.user_data["extractor_text"] = doc.text
    return text


def token_starts(doc: Doc) -> list[int]:
    """Each token's start offset, computed once per Doc (for bisecting from characters to
    tokens: ``doc.char_span`` per lookup is slow in the event rules)."""
    starts = doc.user_data.get("token_starts")
    if starts is None or len(starts) != len(doc):
        starts = doc.user_data["token_starts"] = doc.to_array(IDX).tolist()  # no Token objects made
    return starts


def hyphen_joins(doc: Doc, at: int) -> bool:
    """``doc[at]`` is a hyphen written between two words with no space («ماين-سوروا»): the
    tokenizer parts them, a name keeps them together."""
    return 0 < at < len(doc) - 1 and doc[at].text == "-" and not doc[at - 1].whitespace_ \
        and not doc[at].whitespace_ and doc[at + 1].is_alpha


def token_norms(doc: Doc) -> list[str]:
    """Each token's NORM string, computed once per Doc: the rules scan the doc for cue words
    many times, and a ``Token`` object made per look costs more than the look."""
    norms = doc.user_data.get("token_norms")
    if norms is None or len(norms) != len(doc):
        strings = doc.vocab.strings
        norms = doc.user_data["token_norms"] = [strings[key] for key in doc.to_array(NORM).tolist()]
    return norms


def _is_clitic(token: SpacyToken) -> bool:
    """Whether the tokenizer split this token off a word as a clitic («و», «ب», «ها»): the
    indices are kept on the Doc, as one set, instead of one extension value per token."""
    return token.i in token.doc.user_data.get("clitics", ())


def register_extensions() -> None:
    """Doc/Token extensions the components write to (idempotent)."""
    for name, default in (("mentions", None), ("events", None), ("article_date", None),
                          ("errors", None), ("doc_id", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not SpacyToken.has_extension("is_clitic"):
        SpacyToken.set_extension("is_clitic", getter=_is_clitic)
    if not Span.has_extension("mention"):
        Span.set_extension("mention", default=None)


_SPACES = set(" \t\n\r\f\v")


class ArabicNewsTokenizer:
    """Callable ``text -> Doc`` built on ``extractor.text.tokenize``."""

    def __init__(self, vocab: Vocab, segmenter: Segmenter | None = None) -> None:
        self.vocab = vocab
        self.segmenter = segmenter or ProcliticSplitter(_known_stem, _known_after_wa)

    def __call__(self, text: str) -> Doc:
        tokens = tokenize(text, self.segmenter, glue_map(), _reads_apart, _opens_name)
        words: list[str] = []
        spaces: list[bool] = []
        norms: list[int] = []
        clitics: list[int] = []
        starts: list[bool] = []
        add = self.vocab.strings.add
        for token, is_start in zip(tokens, sentence_starts(tokens)):
            words.append(token.text)
            norms.append(add(token.norm))
            starts.append(is_start)
            if token.is_clitic:
                clitics.append(len(words) - 1)
            gap = token.space_after
            if gap == " " or not gap:  # the common cases first
                spaces.append(bool(gap))
                continue
            invisible = len(gap) - len(gap.lstrip("".join(set(gap) - _SPACES)))
            if invisible:  # bidi/zero-width marks stay glued to their word, not a token
                words[-1] += gap[:invisible]
                gap = gap[invisible:]
            spaces.append(gap.startswith(" "))
            gap = gap[1:] if spaces[-1] else gap
            if gap:  # other whitespace becomes a whitespace token, as in spaCy
                words.append(gap)
                spaces.append(False)
                norms.append(add(" "))
                starts.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces, sent_starts=starts or None)
        doc.user_data["extractor_text"] = text
        if norms:
            doc.from_array([NORM], numpy.asarray(norms, dtype="uint64").reshape(-1, 1))
        doc.user_data["clitics"] = frozenset(clitics)
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


#: What a preposition keeps off the word after it: any proclitic («في بزاريا», «من ولام»).
_AFTER_PREPOSITIONS = frozenset({"ب", "ل", "ك", "و", "ف"})
#: What a noun keeps off the word after it: a conjunction («بلدة ولام», «معسكر فالاغونتو»).
_AFTER_NOUNS = frozenset({"و", "ف"})


@cache
def glue_map() -> dict[str, frozenset[str]]:
    """For a NORM, the proclitics the word after it cannot start with (``text.glue_clitics``):
    all after a preposition or a place head (``no_proclitic_after``), only و and ف after an
    indefinite place noun (``no_conjunction_after``), ف after a base head («معسكر فالاغونتو»:
    «قاعدة ومطار» may join two), and no و after a preposition written like a name a
    list goes on from (``prepositions_like_names``: «على» and «علي», «بئر علي وعين بامعبد»)."""
    from .lexicons import context_words

    glue = dict.fromkeys((head for head in context_words("base_heads") if " " not in head), frozenset({"ف"}))
    glue.update(dict.fromkeys(context_words("no_conjunction_after"), _AFTER_NOUNS))
    glue.update(dict.fromkeys(context_words("no_proclitic_after"), _AFTER_PREPOSITIONS))
    for norm in context_words("prepositions_like_names"):
        glue[norm] = glue.get(norm, frozenset()) - {"و"}
    return glue


def _reads_apart(text: str, norm: str) -> bool:
    """A word a conjunction و may stand before even after a place noun: a verb or a possessed
    noun («قرية وأحرقوا منازلها», «مدينة وريفها»)."""
    from .word_forms import possessed_form, verb_form

    return verb_form(norm) or possessed_form(text, norm)


def _opens_name(stem: str, following: str) -> bool:
    """Whether ``stem`` and the word after it are the first two words of a known name."""
    return (stem, following) in _name_openings()


@cache
def _name_openings() -> frozenset[tuple[str, str]]:
    """The first two words of every name of two words or more (``text.split_before_names``)."""
    from .lexicons import all_entries

    return frozenset(tuple(entry.key.split(" ")[:2]) for entry in all_entries() if " " in entry.key)


def _known_stem(stem: str) -> bool:
    """Whether a normalized stem is a word the lexicons hold (lets «لقسد», «وانسحبت» split), or a
    trigger in the first person plural («وسحبنا», «وسننشر»: the trigger is the verb, not its و)."""
    from .event_lexicon import says_we

    return stem in known_stems() or says_we(stem)


@cache
def known_stems(include_whole_words: bool = True) -> frozenset[str]:
    """What a proclitic may precede: names and ``vocabulary_stems``; and the words that only
    look like clitic + name («كبيرة», «فيصل»), so they stay whole
    (``models/gazetteer/whole_words.txt``, generated by ``scripts/build_whole_words.py``)."""
    from .event_lexicon import trigger_index  # late imports: data loads on first use
    from .lexicons import (
        context_words,
        known_names,
    )

    words = set(known_names()) | vocabulary_stems()
    if include_whole_words:
        words |= whole_words()
    short = {w for w in context_words("compound_first") if len(w) == 2}  # «وأم روابة», «وتل أسقف»
    short |= {w for w in trigger_index() if len(w) == 2}  # «وشنّ الطيران», «لشن غارات»
    return frozenset(w for w in words if len(w) >= 3 or w in short)


def _known_after_wa(stem: str) -> bool:
    """Whether و may come off before ``stem``: a known stem, or a place whose name is also a
    word («ودان وزلة» is و + «زلة» as «وسوريا» is و + «سوريا»); not after ب, ك or ل, where such
    a name would take «كميناً» for ك + «مينا»."""
    return stem in known_stems() or stem in ambiguous_place_stems()


@cache
def ambiguous_place_stems() -> frozenset[str]:
    """First words of the places whose names are also words, with and without «ال» (the
    whole-word list, among the known stems, keeps the words that only look like و + one:
    «وحدة»)."""
    from .lexicons import place_entries
    from .normalize import strip_al

    return frozenset(form for entry in place_entries() if entry.ambiguous
                     for first in (entry.key.split(" ", 1)[0],) if len(first) >= 3
                     for form in (first, strip_al(first)))


@cache
def whole_words() -> frozenset[str]:
    """Words that only look like a proclitic + a name («كبيرة», «فاطمة»): never cut."""
    from .resources import load_word_list

    return frozenset(load_word_list("gazetteer/whole_words.txt"))


@cache
def vocabulary_stems() -> frozenset[str]:
    """Trigger and governor forms and context words («لقاعدة» is ل + قاعدة)."""
    from .event_lexicon import governing_verbs, trigger_index
    from .event_lexicon import words as event_words
    from .lexicons import context_words

    words = set(trigger_index()) | governing_verbs()
    words |= event_words("claims") | event_words("clause_blockers") | event_words("passive_governors") \
        | event_words("execute_verbs")  # «ونفّذت … ضربتين»
    for section in ("place_descriptors", "base_heads", "unit_heads", "force_heads",
                    "force_heads_definite", "ship_heads", "command_heads", "name_generics",
                    "compound_first", "geographic_heads"):
        words |= {w for w in context_words(section) if " " not in w}
    return frozenset(words)


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
