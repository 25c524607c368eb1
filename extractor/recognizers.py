"""Recognizers: one per kind of evidence, all returning ``Mention`` objects.

Modelled on Presidio's analyzer: a shared base class, lexicon recognizers with
validation hooks (an ambiguous place needs a cue word before it), context
patterns for names no list holds (``context_patterns``), and thin adapters
around the number and date grammars. Each mention says why it matched (``reason``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from .event_lexicon import words as trigger_words
from .language import doc_text, token_norms
from .lexicons import (
    Entry,
    all_entries,
    context_groups,
    context_words,
    with_conjunctions,
)
from .mentions import Mention
from .normalize import has_hamza_alef, strip_al
from .place_words import (
    JOINERS,
    LIST_ENDS,
    adjectival_cues,
    after_preposition,
    nationality_adjectives,
    place_cues,
    proximity_cue,
)
from .text import DASHES, PROCLITIC_LETTERS, QUOTES, Segmenter, chunk_pieces
from .word_forms import definite_nisba, his_noun_form, is_frequent_adjective

__all__ = [
    "LexiconRecognizer",
    "QuantityRecognizer",
    "Recognizer",
    "TimeRecognizer",
]


class Recognizer:
    """Base class: ``analyze(doc)`` returns mentions in original-text offsets."""

    name = "recognizer"
    labels: tuple[str, ...] = ()

    def analyze(self, doc: Doc) -> list[Mention]:
        raise NotImplementedError

    @staticmethod
    def mention(doc: Doc, label: str, start: int, end: int, reason: str, score: float = 0.9,
                source: str = "rules", **attrs: Any) -> Mention:
        return Mention(label, start, end, doc_text(doc)[start:end], score, source, reason,
                       {k: v for k, v in attrs.items() if v is not None})


def _word_before(doc: Doc, index: int, accept: Callable[[Token], bool]) -> str | None:
    """The NORM of the word just before token ``index`` (skipping a proclitic) if ``accept`` takes it."""
    for back in (1, 2):
        if index - back < 0:
            return None
        token = doc[index - back]
        if accept(token):
            return token.norm_
        if not token._.is_clitic:
            return None
    return None


def _cue_before(doc: Doc, index: int) -> str | None:
    """The cue word just before token ``index`` (skipping a proclitic), if any
    (not «مصادر محلية للوحدة»: an adjective)."""
    cues = place_cues()
    return _word_before(doc, index, lambda token: token.norm_ in cues and not (
        token.norm_ in adjectival_cues() and not after_preposition(doc, token.i))) \
        or proximity_cue(token_norms(doc), index)


def _dateline(doc: Doc, start: int, end: int) -> str | None:
    """«صور – «صدى الجنوب» –», «صور (رويترز) -»: a name opening a line, then a dash or an
    agency in brackets, is the dateline's town."""
    line_start = start == 0 or "\n" in doc[start - 1].whitespace_ or "\n" in doc[start - 1].text
    following = doc[end].text if end < len(doc) else ""
    return "dateline" if line_start and (following in DASHES or following == "(") else None



#: Distinct unambiguous names of one country an article must hold before a bare preposition
#: is cue enough for that country's ambiguous names.
COUNTRY_SUPPORT = 2


def _country_support(matches: list[tuple[int, int, list[Entry]]]) -> dict[str, int]:
    """How many distinct unambiguous place names of each country the article holds."""
    keys: dict[str, set[str]] = {}
    for _, _, entries in matches:
        for entry in entries:
            if entry.label == "PLACE" and not (entry.ambiguous or entry.bare) and entry.attrs.get("country_code"):
                keys.setdefault(entry.attrs["country_code"], set()).add(entry.key)
    return {country: len(names) for country, names in keys.items()}


def _coordinated(norms: list[str], start: int, end: int, sure: list[tuple[int, int]]) -> bool:
    """«سفاجا والقصير», «بين الخيام وبلدة دبين»: joined by و (a descriptor or not) or a comma to a sure town."""
    listed = end >= len(norms) or norms[end] in JOINERS or norms[end] in LIST_ENDS
    described = end + 1 < len(norms) and norms[end] == "و" and norms[end + 1] in context_words("settlement_descriptors")
    return any((s_end == start - 1 and norms[start - 1] in JOINERS and (norms[start - 1] == "و" or listed))
               or (s_start == end + 1 and norms[end] in JOINERS) or (described and s_start == end + 2)
               for s_start, s_end in sure)


def _token_norms(key: str, segmenter: Segmenter) -> list[str]:
    """The NORMs the tokenizer gives a normalized phrase, word by word. Only a word that
    starts with a proclitic letter, or holds a digit or a sign, can split: the others are
    their own NORM (this keeps building the matcher fast)."""
    norms: list[str] = []
    for chunk in key.split(" "):
        if chunk[:1] in PROCLITIC_LETTERS or not chunk.isalpha():
            norms.extend(norm for *_, norm, _ in chunk_pieces(chunk, segmenter))
        else:
            norms.append(chunk)
    return norms



class LexiconRecognizer(Recognizer):
    """Gazetteer, base and force names through a ``PhraseMatcher`` on ``NORM``."""

    name = "lexicon"
    labels = ("PLACE", "BASE", "FORCE")

    def __init__(self, vocab: Vocab, entries: Iterable[Entry] | None = None,
                 segmenter: Segmenter | None = None) -> None:
        """``segmenter``: the pipeline tokenizer's, so a name is split into the very tokens
        the text will have («لتحرير» → ل + تحرير); without it, on spaces only."""
        self.matcher = PhraseMatcher(vocab, attr="NORM")
        # Every name is one pattern under a single match key, looked up again by the NORMs
        # of the tokens it matched, and added as NORM hashes (the form spaCy's own unpickling
        # re-adds patterns in): a key or a pattern Doc per name makes thousands of lexemes,
        # most of the time of building this matcher. The hashes are of the project's NORMs
        # as the tokenizer sets them, not of spaCy's lexeme NORM, which lowercases («T4»).
        add = vocab.strings.add
        self.entries: dict[tuple[str, ...], list[Entry]] = {}
        patterns: dict[tuple[str, ...], list[int]] = {}
        for entry in entries if entries is not None else all_entries():
            norms = entry.key.split(" ") if segmenter is None else _token_norms(entry.key, segmenter)
            words = tuple(norms)
            self.entries.setdefault(words, []).append(entry)
            patterns.setdefault(words, [add(word) for word in words])
        self.matcher.add(self.name, list(patterns.values()))
        self.base_heads = context_words("base_heads")
        self.kind_heads = context_groups("kind_heads")
        self.nationalities = frozenset(n for n in nationality_adjectives() if n.startswith("ال"))
        self.positions = context_words("name_positions")
        self.backed_prepositions = with_conjunctions(context_words("country_backed_prepositions"))
        self.district_prepositions = with_conjunctions(context_words("district_backed_prepositions"))
        self.district_followers = context_words("district_word_followers")
        self.generic_nouns = context_words("place_descriptors") | context_words("name_generics") \
            | context_words("geographic_heads")

    def _kind_head(self, norms: list[str], start: int, entry: Entry) -> str | None:
        """«لواء الجامعة», «جزيرة زقر», «حقل الفهود»: a head noun of the entry's own kind (context.yaml
        ``kind_heads``: Jordan's «لواء» before a district) cues it as a descriptor would."""
        head = norms[start - 1] if start else ""
        return head if head in self.kind_heads.get(str(entry.attrs.get("kind")), ()) else None

    def _backed_preposition(self, preposition: str | None, entry: Entry, support: dict[str, int],
                            following: str, needs_cue: bool) -> str | None:
        """«في صور» in an article that names Naqoura and Nabatieh: a bare preposition cues an
        ambiguous name when the article holds other names of the same country (toponyms cohere);
        a district's name that is a word («الحد», «الصعيد») needs one name more, and a context
        where the word cannot be read (``_district_word_reads_as_place``)."""
        country = entry.attrs.get("country_code") or ""
        district = entry.source == "gazetteer:admin"
        if preposition is None or not needs_cue or support.get(country, 0) < COUNTRY_SUPPORT + district:
            return None
        if district and not self._district_word_reads_as_place(preposition, entry.key, following):
            return None
        return f"{preposition}, {country} named"

    def _district_word_reads_as_place(self, preposition: str, key: str, following: str) -> bool:
        """Context.yaml ``district_backed_prepositions``: «في الحد،», «إلى شمع قبل», not «في العديد
        من», «بالكامل», «على الصعيد», «إلى الوادي» (a generic noun) or «إلى صرف رواتب»."""
        if preposition not in self.district_prepositions or following in context_words("word_reading_followers") \
                or strip_al(key) in self.generic_nouns:
            return False
        return key.startswith("ال") or not following[:1].isalpha() or following in self.district_followers

    @staticmethod
    def _described(norms: list[str], start: int, end: int) -> bool:
        """A demonstrative before a force's short form, or a definite adjective after it."""
        after = norms[end] if end < len(norms) else ""
        return (start > 0 and norms[start - 1] in trigger_words("demonstratives")) or (
            after.startswith("ال") and after not in context_words("relative_pronouns")
            and (after.endswith(("ي", "يه")) or is_frequent_adjective(strip_al(after))))

    def _nationality_after(self, norms: list[str], end: int) -> int | None:
        """The nationality adjective closing a force's name, up to two definite nisba adjectives
        after it («الجيش الوطني الشعبي الجزائري», «الحرس الثوري الإسلامي الإيراني»)."""
        for at in range(end, min(end + 3, len(norms))):
            if norms[at] in self.nationalities:
                return at
            if not definite_nisba(norms[at]):
                return None
        return None

    def _quoted_head(self, doc: Doc, start: int, end: int) -> tuple[int, int] | None:
        """(start, end) characters of «head "name"» around a bare base name, if a head precedes it."""
        if start >= 2 and doc[start - 1].text in QUOTES and doc[start - 2].norm_ in self.base_heads:
            closing = doc[end] if end < len(doc) and doc[end].text in QUOTES.values() else None
            last = closing if closing is not None else doc[end - 1]
            return doc[start - 2].idx, last.idx + len(last.text)
        return None

    def analyze(self, doc: Doc) -> list[Mention]:
        mentions = []
        norms = token_norms(doc)
        matches = [(start, end, self.entries[tuple(norms[start:end])]) for _, start, end in self.matcher(doc)]
        sure = [(start, end) for start, end, entries in matches
                if any(e.label == "PLACE" and not (e.ambiguous or e.bare) for e in entries)]
        place_starts = {start for start, _, entries in matches if any(e.label == "PLACE" for e in entries)}
        support = _country_support(matches)
        named = {e.attrs.get("canonical") for _, _, entries in matches for e in entries if not e.bare}
        for start, end, entries in matches:
            span = doc[start:end]
            labels = {entry.label for entry in entries if not entry.bare}
            found_cue = _cue_before(doc, start)
            possessed = end - start == 1 and his_noun_form(doc[start].text, norms[start])  # «سفيره»
            preposition = _word_before(doc, start, lambda token: token.norm_ in self.backed_prepositions)
            for entry in entries:
                if entry.bare and "PLACE" in labels:
                    continue  # «الشدادي» alone is the town; «قاعدة الشدادي» is the base
                if entry.bare and entry.label == "FORCE" and (self._described(norms, start, end) or (support.get(
                        entry.attrs.get("country_code") or "", 0) < COUNTRY_SUPPORT
                        and entry.attrs.get("canonical") not in named)
                        or (entry.hamza_free and has_hamza_alef(span.text))):
                    continue  # «هذا الحشد», «الحشد العسكري», not in Iraq nor beside its full name, «فأما»:
                    # the word, not the force («القوة الموحدة» once «القوة الموحدة لتحالف دول الساحل» is named)
                needs_cue = entry.ambiguous or possessed
                cue = (found_cue or self._kind_head(norms, start, entry) or _dateline(doc, start, end)
                       or self._backed_preposition(preposition, entry, support,
                                                   norms[end] if end < len(norms) else "", needs_cue))
                if needs_cue and cue is None and not _coordinated(norms, start, end, sure):
                    continue  # common word that is also a town: needs بلدة/قرب/في... or a town beside it
                if entry.ambiguous and end in place_starts and not norms[start].startswith("ال"):
                    continue  # «قرب مفرق بيتا», «صور نابلس»: a common noun in construct with a place
                reason = f"{entry.source}:{entry.key}" + (
                    (f" (cue {cue})" if cue else " (beside a town)") if needs_cue else "")
                score = 0.95 if not (entry.bare or needs_cue) else 0.75
                begin, attrs, label, stop = span.start_char, entry.attrs, entry.label, span.end_char
                if entry.bare and (headed := self._quoted_head(doc, start, end)) is not None:
                    (begin, stop), label = headed, "BASE"  # «مطار "كويرس"»: the head and the quotes
                if label == "FORCE" and (national := self._nationality_after(norms, end)) is not None:
                    stop = doc[national].idx + len(doc[national].text)  # «الشرطة العسكرية الروسية»
                    if not attrs.get("country_code"):
                        score = 0.85  # «القوات الجوية المصرية»: the national reading (0.9) says whose
                if label == "PLACE" and end < len(doc) and norms[end] in self.positions:
                    stop = doc[end].idx + len(doc[end].text)  # «النبطية الفوقا»: upper and lower end the name
                mentions.append(self.mention(doc, label, begin, stop, reason, score, **attrs))
        return mentions


class QuantityRecognizer(Recognizer):
    """QUANTITY from the number grammar in ``extractor.quantities``."""

    name = "quantities"
    labels = ("QUANTITY",)

    def analyze(self, doc: Doc) -> list[Mention]:
        from .quantities import find_quantities

        return [Mention("QUANTITY", q.start, q.end, q.surface, q.score, "rules", q.reason,
                        {"value": q.value, "min": q.min, "max": q.max, "qualifier": q.qualifier,
                         "unit": q.unit, "noun": q.noun,
                         "core": [q.number_start, q.number_end]})
                for q in find_quantities(doc_text(doc)) if q.unit not in _NOT_MENTIONED]


#: Units the number grammar reads but the contract does not count (guidelines §6: percentages).
_NOT_MENTIONED = frozenset({"percent"})


class TimeRecognizer(Recognizer):
    """TIME from the date grammar in ``extractor.times``, resolved on the article date."""

    name = "times"
    labels = ("TIME",)

    def analyze(self, doc: Doc) -> list[Mention]:
        from .times import find_times

        return [Mention("TIME", t.start, t.end, t.text, t.score, "rules", t.reason,
                        {"value": t.value, "mod": t.mod, "kind": t.kind, "calendar": t.calendar})
                for t in find_times(doc_text(doc), doc._.article_date)]


#: ``doc.spans`` key of the chosen mentions (the candidates are under ``"candidates"``).
MENTIONS_KEY = "mentions"


def publish_mentions(doc: Doc, mentions: list[Mention], spans_key: str = MENTIONS_KEY) -> None:
    """Make ``mentions`` the article's entities: ``doc._.mentions``, ``doc.spans[spans_key]``
    and ``doc.ents`` (the resolver, the repeats of place names and a BASE found by its role
    all end here, so the three never disagree)."""
    doc._.mentions = mentions
    spans = spans_for(doc, mentions)
    doc.spans[spans_key] = spans
    doc.ents = filter_spans(spans)


def spans_for(doc: Doc, mentions: Iterable[Mention], label_key: str = "label") -> list[Span]:
    """spaCy spans (expanded to token boundaries) carrying their mention."""
    spans = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, label=getattr(mention, label_key),
                             alignment_mode="expand")
        if span is not None:
            span._.mention = mention
            spans.append(span)
    return spans
