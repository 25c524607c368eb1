"""Recognizers: one per kind of evidence, all returning ``Mention`` objects.

Modelled on Presidio's analyzer: a shared base class, lexicon recognizers with
validation hooks (an ambiguous place needs a cue word before it), context
pattern recognizers for names no list holds, and thin adapters around the
number and date grammars. Each mention says why it matched (``reason``).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .language import doc_text
from .lexicons import Entry, _key, all_entries, context_words, known_names
from .mentions import Mention
from .resources import load_yaml

__all__ = [
    "ContextRecognizer",
    "LexiconRecognizer",
    "QuantityRecognizer",
    "Recognizer",
    "TimeRecognizer",
    "nationality_adjectives",
]

_QUOTES = {"«": "»", '"': '"', "“": "”", "'": "'", "”": "“"}


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


@cache
def nationality_adjectives() -> frozenset[str]:
    """Normalized nationality adjectives (with and without ال) from the lexicon."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            key = _key(node)
            if " " not in key and key.endswith(("ي", "يه", "يون", "يين", "يات")):
                found.update((key, "ال" + key))  # «ألماني» starts with ال itself: keep both
                if key.startswith("ال"):
                    found.add(key[2:])

    walk(load_yaml("lexicons/nationalities.yaml"))
    return frozenset(found)


@cache
def _place_names() -> frozenset[str]:
    """One-word gazetteer names (places only)."""
    return frozenset(e.key for e in all_entries() if e.label == "PLACE" and " " not in e.key)


@cache
def _place_cues() -> frozenset[str]:
    return context_words("place_cues") | context_words("place_descriptors")


def _cue_before(doc: Doc, index: int) -> str | None:
    """The cue word just before token ``index`` (skipping a proclitic), if any."""
    cues = _place_cues()
    for back in (1, 2):
        if index - back < 0:
            return None
        token = doc[index - back]
        if token.norm_ in cues:
            return token.norm_
        if not token._.is_clitic:
            return None
    return None


class LexiconRecognizer(Recognizer):
    """Gazetteer, base and force names through a ``PhraseMatcher`` on ``NORM``."""

    name = "lexicon"
    labels = ("PLACE", "BASE", "FORCE")

    def __init__(self, vocab: Vocab, entries: Iterable[Entry] | None = None) -> None:
        self.matcher = PhraseMatcher(vocab, attr="NORM")
        self.entries: dict[str, list[Entry]] = {}
        for entry in entries if entries is not None else all_entries():
            self.entries.setdefault(entry.key, []).append(entry)
        for key in self.entries:
            self.matcher.add(key, [Doc(vocab, words=key.split(" "))])
        self.generics = context_words("name_generics")

    def analyze(self, doc: Doc) -> list[Mention]:
        mentions = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            key = doc.vocab.strings[match_id]
            entries = self.entries[key]
            labels = {entry.label for entry in entries if not entry.bare}
            for entry in entries:
                if entry.bare and "PLACE" in labels:
                    continue  # «الشدادي» alone is the town; «قاعدة الشدادي» is the base
                cue = _cue_before(doc, start)
                if entry.ambiguous and cue is None:
                    continue  # common word that is also a town: needs بلدة/قرب/في...
                reason = f"{entry.source}:{key}" + (f" (cue {cue})" if entry.ambiguous else "")
                score = 0.95 if not (entry.bare or entry.ambiguous) else 0.75
                begin, attrs = span.start_char, entry.attrs
                if entry.label == "PLACE" and start and doc[start - 1].norm_ in self.generics:
                    begin, reason = doc[start - 1].idx, f"{reason} (+ {doc[start - 1].norm_})"
                    attrs = {"kind": "feature"}  # «سد الفرات» is not the river the gazetteer locates
                mentions.append(self.mention(doc, entry.label, begin, span.end_char, reason, score, **attrs))
        return mentions


class ContextRecognizer(Recognizer):
    """Names no list holds, found by the words around them (``context.yaml``)."""

    name = "context"
    labels = ("PLACE", "BASE", "FORCE")

    def __init__(self) -> None:
        words = context_words
        self.base_heads = words("base_heads")
        self.needs_marker = words("base_heads_needing_military_marker")
        self.markers = words("military_markers")
        self.strong = words("place_descriptors_strong")
        self.stop = words("name_stopwords") | words("place_cues") | words("ordinals")
        self.compound = words("compound_first")
        self.unit_heads = words("unit_heads")
        self.ordinals = words("ordinals")
        self.specifiers = words("unit_specifiers")
        self.name_links = words("name_links")
        self.command_heads = words("command_heads")
        self.ship_heads = words("ship_heads")
        self.command_links = words("command_links")
        self.force_heads = words("force_heads")
        self.definite_heads = words("force_heads_definite")
        self.adjectives = nationality_adjectives()
        self.not_forces = words("force_head_exclusions") | words("place_descriptors")
        from .event_lexicon import (
            trigger_index,  # trigger nouns end a force name («حركة الشباب الهجوم»)
        )

        self.triggers = frozenset(trigger_index())
        heads = self.base_heads | self.strong | self.unit_heads | self.force_heads | self.definite_heads \
            | self.command_heads | self.ship_heads
        self.first_words = frozenset(head.split(" ")[0] for head in heads)  # a token outside starts nothing

    def analyze(self, doc: Doc) -> list[Mention]:
        mentions: list[Mention] = []
        norms = [token.norm_ for token in doc]
        for index, norm in enumerate(norms):
            if norm not in self.first_words:
                continue  # most tokens: no head of any pattern starts here
            pair = f"{norm} {norms[index + 1]}" if index + 1 < len(norms) else norm
            for head_norm, width in ((pair, 2), (norm, 1)):
                if head_norm in self.base_heads:
                    mentions.extend(self._base(doc, index, width, head_norm))
                    break
            if norm in self.strong:
                mentions.extend(self._place(doc, index))
            if norm in self.unit_heads:
                mentions.extend(self._unit(doc, index))
            if norm in self.force_heads:
                mentions.extend(self._group(doc, index))
            for head_norm, width in ((pair, 2), (norm, 1)):
                if head_norm in self.ship_heads:
                    mentions.extend(self._ship(doc, index, width))
                    break
            if norm in self.command_heads and index + 1 < len(doc) and norms[index + 1] in self.command_links:
                mentions.extend(self._group(doc, index + 1, head_start=index))
            for head_norm, width in ((pair, 2), (norm, 1)):
                if head_norm in self.definite_heads:
                    mentions.extend(self._national(doc, index, width))
                    break
        return mentions

    # -- names -----------------------------------------------------------
    def _is_name_word(self, token) -> bool:
        norm = token.norm_
        if not token.is_alpha or token._.is_clitic or norm in self.stop or norm in self.adjectives:
            return False
        if norm.endswith(("يه", "يون", "يين")) and not norm.startswith("ال") \
                and norm not in known_names():
            return False  # indefinite nisba adjective («قاعدة عسكرية»); a definite one is a name
        return True

    def _name_after(self, doc: Doc, index: int) -> tuple[int, int] | None:
        """Token span [start, end) of a name right after ``index`` (quoted or not)."""
        start = index + 1
        if start >= len(doc):
            return None
        opener = doc[start].text
        if opener in _QUOTES:
            closer = _QUOTES[opener]
            for end in range(start + 1, min(start + 7, len(doc))):
                if doc[end].text == closer:
                    return (start, end + 1) if end > start + 1 else None
            return None
        if not self._is_name_word(doc[start]):
            return None
        end = start + 1
        while end < len(doc) and end - start < 4:
            previous, current = doc[end - 1], doc[end]
            takes_more = previous.norm_ in self.compound or (
                current.norm_.startswith("ال") and not previous.norm_.startswith("ال")
                and end - start == 1)
            if not (takes_more and self._is_name_word(current)):
                break
            end += 1
        return start, end

    def _base(self, doc: Doc, index: int, width: int, head: str) -> list[Mention]:
        after = index + width
        if after < len(doc) and doc[after].norm_ in self.unit_heads:
            unit = self._unit(doc, after)  # «مقر اللواء ٩٠», «معسكر الفوج 111»: a unit's own base
            if unit:
                return [self.mention(doc, "BASE", doc[index].idx, unit[0].end,
                                     f"context:head {head} + unit", 0.85, kind=head)]
        name = self._name_after(doc, index + width - 1)
        if name is None:
            return []
        start, end = name
        if head in self.needs_marker:
            if end >= len(doc) or doc[end].norm_ not in self.markers:
                return []
        first = doc[index]
        return [self.mention(doc, "BASE", first.idx, doc[end - 1].idx + len(doc[end - 1]),
                             f"context:head {head} + name", 0.85, kind=head)]

    def _place(self, doc: Doc, index: int) -> list[Mention]:
        name = self._name_after(doc, index)
        if name is None:
            return []
        start, end = name
        span = doc[start:end]
        return [self.mention(doc, "PLACE", span.start_char, span.end_char,
                             f"context:descriptor {doc[index].norm_} + name", 0.7)]

    def _unit(self, doc: Doc, index: int) -> list[Mention]:
        nxt = self._skip_specifiers(doc, index + 1)
        if nxt >= len(doc):
            return []
        token = doc[nxt]
        if nxt > index + 1 and not (token.like_num or token.norm_ in self.ordinals):
            return []  # «الكتيبة الميكانيكية» alone is a description, not a unit name
        end = None
        if token.like_num or token.norm_.isdigit():
            end = nxt + 1
        elif token.norm_ in self.ordinals:
            end = nxt + 1
            if nxt + 1 < len(doc) and f"{token.norm_} {doc[nxt + 1].norm_}" in self.ordinals:
                end = nxt + 2
        elif not doc[index].norm_.startswith("ال") and token.norm_.startswith("ال") \
                and self._is_name_word(token):
            end = nxt + 1
        if end is None:
            return []
        end = self._unit_tail(doc, end)
        span = doc[index:end]
        return [self.mention(doc, "FORCE", span.start_char, span.end_char,
                             f"context:unit {doc[index].norm_}", 0.85, kind="unit")]

    def _specifier_width(self, doc: Doc, at: int) -> int:
        """How many tokens from ``at`` form one unit specifier (0: none)."""
        if at + 1 < len(doc) and doc[at].norm_ == "ل" and doc[at]._.is_clitic:
            width = self._specifier_width(doc, at + 1)  # «للتدخل السريع» is split ل + التدخل
            return width + 1 if width else 0
        if at + 1 < len(doc) and f"{doc[at].norm_} {doc[at + 1].norm_}" in self.specifiers:
            return 2
        if at + 2 < len(doc) and doc[at + 1].norm_ == "و" and \
                f"{doc[at].norm_} و{doc[at + 2].norm_}" in self.specifiers:
            return 3  # «دعم وإسناد» with the و split off
        return 1 if at < len(doc) and doc[at].norm_ in self.specifiers else 0

    def _skip_specifiers(self, doc: Doc, at: int) -> int:
        while (width := self._specifier_width(doc, at)):
            at += width
        return at

    def _unit_tail(self, doc: Doc, end: int) -> int:
        """Extend a unit name over its specifiers, an ordinal and a «بن» name."""
        for _ in range(3):
            if end >= len(doc):
                break
            if (width := self._specifier_width(doc, end)):
                end += width
            elif doc[end].norm_ in self.ordinals:
                end += 1
            elif doc[end].norm_ in self.name_links and end + 1 < len(doc) and doc[end + 1].is_alpha:
                end += 2  # «بن علي»: any word after بن is a name («علي» normalizes like «على»)
            else:
                break
        return end

    def _group(self, doc: Doc, index: int, head_start: int | None = None) -> list[Mention]:
        """A force head and its name; ``head_start`` widens it over a command word before."""
        end = index + 1
        while end < len(doc) and end - index <= 3:
            token = doc[end]
            norm = token.norm_
            if norm in self.name_links and end + 1 < len(doc) and doc[end + 1].is_alpha:
                end += 2  # «ميليشيا آل دقلو», «كتائب ابن تيمية»: the family name ends it
                break
            definite_name = norm.startswith("ال") and self._is_name_word(token)
            if norm in self.stop or norm in self.triggers or norm in self.not_forces \
                    or norm in self.base_heads or norm in self.strong or not (
                    definite_name or norm in self.adjectives or norm in known_names()):
                break
            if token._.is_clitic or (end > index + 1 and norm in _place_names()):
                break  # «ستغادر قوات التحالف بغداد»: a place after the name is the verb's object
            end += 1
        if end == index + 1:
            return []
        start = index if head_start is None else head_start
        span = doc[start:end]
        return [self.mention(doc, "FORCE", span.start_char, span.end_char,
                             f"context:force head {doc[start].norm_}", 0.75, kind="group")]

    def _ship(self, doc: Doc, index: int, width: int) -> list[Mention]:
        """A warship head, nationality adjectives, then a quoted name."""
        at = index + width
        while at < len(doc) and doc[at].norm_ in self.adjectives:
            at += 1
        if at >= len(doc) or doc[at].text not in _QUOTES:
            return []
        name = self._name_after(doc, at - 1)
        if name is None:
            return []
        last = doc[name[1] - 1]
        return [self.mention(doc, "FORCE", doc[index].idx, last.idx + len(last.text),
                             f"context:warship {doc[index].norm_} + quoted name", 0.85, kind="ship")]

    def _national(self, doc: Doc, index: int, width: int) -> list[Mention]:
        nxt = index + width
        if nxt >= len(doc) or doc[nxt].norm_ not in self.adjectives:
            return []
        span = doc[index:nxt + 1]
        return [self.mention(doc, "FORCE", span.start_char, span.end_char,
                             f"context:national {span[0].norm_} + {doc[nxt].norm_}", 0.9,
                             kind="state_force")]


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
