"""``arabic_place_filters``: every PLACE candidate judged once all taggers have spoken.

A place name that is part of the name of a medium or an agreement is not a PLACE
(guidelines §3: «وكالة الأناضول»، «صحيفة الشرق الأوسط»، «اتفاق موسكو»); a word a
particle makes a verb is none («قبل أن تُدمَّر», not Palmyra); a lone word the model
calls a place is dropped when its form says it is not a name (a plural «المهاجمون», a
dual «القاعدتين», an adverb «روسياً», a nationality «أوغندية») or ANERcorp mostly tags it O; a place found as
the first word of a compound name («دير», «أم») takes its second word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from .event_lexicon import lookup_trigger
from .event_lexicon import words as trigger_words
from .language import doc_text, token_norms
from .lexicons import context_words, place_keys_of_kind
from .mentions import Mention
from .normalize import (
    TANWEEN_FATH,
    normalize,
    phrase_key,
    strip_al,
)
from .place_names import (
    _descriptors,
    _name_words,
    attached_conjunction,
    complete_name,
    pointing_descriptor,
)
from .place_owners import NameOwners
from .place_words import JOINERS, nationality_adjectives, place_keys
from .quantity_lexicon import quantity_lexicon
from .resources import load_yaml
from .word_forms import (
    IMPERFECT_PREFIXES,
    NOT_DEFINITE,
    clitic_pronoun_form,
    common_words,
    is_frequent_adjective,
    is_news_word,
    pronoun_form,
    verb_with_object,
    vocalized_verb,
)

__all__ = ["PlaceFilters"]

#: Letters an imperfect verb starts with.
_TRAILING_MARKS = ".,،؛;:!?؟»\"')"  # punctuation that ends the word after a name




class PlaceFilters:
    """Judges PLACE candidates once every tagger has spoken (see the module docstring)."""

    _NOT_NAME_ENDINGS = ("ون", "تين", "تان")

    def __init__(self, name: str, make_doc: Callable[[str], Doc] | None = None) -> None:
        """``make_doc``: the pipeline's tokenizer, to match ``organisation_names`` as its tokens."""
        self.name = name
        self.owners = NameOwners(make_doc)
        self.media = context_words("media_names")
        self.media_place_cues = context_words("place_descriptors") | context_words("media_place_cues")
        self.not_places = context_words("not_places")
        self.idioms = frozenset(phrase_key(idiom) for idiom in context_words("place_idioms", normalized=False))
        self.verb_particles = context_words("verb_particles")
        self.outlets = context_words("outlet_names")
        self.nisba_people = context_words("nisba_people")
        self.demonstratives = trigger_words("demonstratives")
        self.banks, self.river_words = context_words("bank_names"), context_words("river_words")
        self.west_bank = normalize("الضفة الغربية")
        self.jordan = context_words("bank_of_the_west_bank")
        self.offices = context_words("descriptor_objects")
        self.back_references = {normalize(definite): normalize(indefinite) for definite, indefinite
                                in load_yaml("patterns/context.yaml")["back_reference_places"].items()}

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc._.mentions or []
        spans = {id(m): doc.char_span(m.start, m.end, alignment_mode="expand") for m in mentions
                 if m.label in ("PLACE", "ORG", "PERSON")}  # each name's tokens, found once
        outlets = [chars for m in mentions if m.label == "PLACE" and (chars := self.owners.named_outlet(doc, spans[id(m)]))]
        outlets += self.owners.organisation_spans(doc)
        places = {edge: m for m in mentions if m.label == "PLACE" for edge in (("start", m.start), ("end", m.end))}
        kept = [m for m in mentions if not self._drop(doc, m, spans.get(id(m)), places)
                and not any(start <= m.start and m.end <= end for start, end in outlets)]
        for mention in kept:
            if mention.source == "model":
                self._drop_conjunction(doc, mention)
            complete_name(doc, mention)
        doc._.mentions = kept
        return doc

    def _drop(self, doc: Doc, mention: Mention, span, places: dict[tuple[str, int], Mention]) -> bool:
        if mention.source == "model" and not any(char.isalpha() for char in mention.text):
            return True  # «رقم ٢٦٧», a blank line: the tagger's name holds no letter
        if mention.label in ("ORG", "PERSON") and mention.source == "model":
            return span is not None and len(span) == 1 and self._not_a_name(span[0])  # «البلدة»
        if mention.label != "PLACE" or span is None:
            return False
        if self.owners.owned(doc, span.start):
            return True
        before = doc[span.start - 1] if span.start else None
        if self.owners.person_in_apposition(doc, span):
            return True  # «وتقول يافا، ابنة أحد المعتقلين»: a woman, then who she is
        if len(span) == 1 and span.end < len(doc) and doc[span.end].norm_ == "عبد":
            return True  # «وتقول نينوى عبد الرحمن»: a first name before a father's «عبد …»
        norms = " ".join(t.norm_ for t in span)
        if self._media(mention.text, norms):  # «(الأناضول)», not «مدينة بترا», «الجيزة وقنا», «في قنا»
            return (before is None or before.norm_ not in self.media_place_cues) \
                and not self._listed_with_a_place(doc, span, places)
        if before is not None and before._.is_clitic and phrase_key(before.text + mention.text) in self.media:
            return True  # «أبوظبي – وام»: the agency WAM, not و + a hamlet «ام»
        if _speaker(doc_text(doc), mention):
            return True  # «النعماني: نعم، …», a turn of a transcript: the speaker's name
        if norms in self.outlets and self.owners.outlet(doc, span):
            return True  # «تحدثت إليها «الشرق الأوسط»», «الميادين نت»: a newspaper or a channel
        if span.end < len(doc) and doc[span.end].norm_ in self.owners.outlet_suffixes:
            return True  # «هيران أونلاين», «عدن الإخبارية»: any place before an outlet's suffix names it
        if norms in self.not_places or self._idiom(doc, mention):
            return True  # «لسد الفراغ», «القائم بالأعمال»: an idiom
        if self._river_bank(doc, span.start):
            return True  # «الضفة الغربية لدجلة»: a river's bank
        if self._back_reference(doc, span):
            return True  # «جزيرة كنم … تسللوا إلى الجزيرة»: the island named before
        if before is not None and before.norm_ in self.demonstratives and span[0].norm_.startswith("ال"):
            return True  # «في هذه الزاوية»: a common noun pointed at (a column), not Zawiya
        if len(span) == 1 and (self._after_verb_particle(doc, span.start) or vocalized_verb(span[0].text, span[0].norm_)):
            return True  # «قبل أن تُدمَّر», «وضربة جوية تدمّر قافلة»: a verb
        if len(span) == 1 and pointing_descriptor(span[0].norm_) and not (  # a cued gazetteer dual names
                mention.reason.startswith("gazetteer:") and strip_al(span[0].norm_) not in _descriptors()):
            return True  # «قرى المديرية», «من البلدة»: a descriptor with the article points back, names
            # nothing, whoever proposed it («منطقة قري» is Gerri, a town: no article)
        if len(span) == 1 and self.nisba(doc, span.start):
            return True
        if mention.text.endswith(TANWEEN_FATH):
            return True  # «نحو 200 عسكري أسترالياً»: an accusative adjective; names take no tanween
        if mention.source != "model":
            return False
        if clitic_pronoun_form(span[0].text, span[0].norm_) or verb_with_object(span[0].norm_):
            return True  # «لطائراتها المسيّرة»: a noun with a pronoun names nothing, «تسلّمتموها» a verb
        if len(span) != 1:
            return False
        return self._not_a_name(span[0]) or mention.text.endswith(self._NOT_NAME_ENDINGS) \
            or span[0].norm_ in self.offices  # «مديرية التربية في طوباس»: an office's field


    def nisba(self, doc: Doc, index: int) -> bool:
        """The one-word country name at ``index`` is an adjective of the noun before it: «دخلت
        دورية سورية» (after an indefinite noun in ة), «ضابط مالي», «مصدر عسكري مالي» (after a
        noun of a person), «وزارة الدفاع السعودية», «الحدود السعودية» (definite after definite)."""
        norm = doc[index].norm_
        if not index or norm not in nationality_adjectives():
            return False
        before = doc[index - 1]
        if not before.is_alpha:
            return False
        if norm.endswith("يه") and before.norm_.endswith("ه") \
                and not (before.norm_.startswith("ال") or norm.startswith("ال")):
            return True
        return before.norm_ in self.nisba_people \
            or (norm.startswith("ال") and before.norm_.startswith("ال") and before.norm_ not in NOT_DEFINITE
                and not before._.is_clitic)

    def _river_bank(self, doc: Doc, start: int) -> bool:
        """A bank phrase other than the West Bank's starts at ``start``, or the West Bank's and «نهر»
        (or a lake, a canal) or ل/من + a river follows it («لشط العرب», «من النيل الأبيض»), or a river was named just before it in
        the sentence («عبروا نهر الفرات بالقوارب من الضفة الغربية»)."""
        norms = token_norms(doc)
        rivers = place_keys_of_kind("river")
        for bank in self.banks:
            end = start + bank.count(" ") + 1
            if " ".join(norms[start:end]) != bank:
                continue
            if bank != self.west_bank:
                return True  # «قرى الضفة الشرقية»: an east, north or south bank is never the West Bank
            following = " ".join(norms[end + 1:end + 3])  # «لشط العرب»: a river of two words
            if end < len(norms) and (norms[end] in self.river_words or (
                    norms[end] in ("ل", "من") and end + 1 < len(norms)  # «من النيل الأبيض»
                    and (norms[end + 1] in rivers or norms[end + 1] in self.river_words or following in rivers))):
                return not set(norms[end:end + 3]) & self.jordan  # «لنهر الأردن»: the West Bank itself
            before = norms[max(0, start - 8):start]
            before = before[max((i + 1 for i, n in enumerate(before) if n in (".", "؟", "!")), default=0):]
            return any(n in self.river_words or n in rivers for n in before) and not set(before) & self.jordan
        return False

    def _back_reference(self, doc: Doc, span) -> bool:
        """«الجزيرة», «القناة», «الوادي» alone after the article named one with the indefinite
        noun («جزيرة كنم», «قناة السويس»): the one named before, no name of its own (not Sudan's
        «ولاية الجزيرة», named with the article)."""
        norms = token_norms(doc)
        head = self.back_references.get(norms[span.start]) if len(span) == 1 else None
        return head is not None and any(norm == head or (norm[:1] in "وبل" and norm[1:] == head)
                                        for norm in norms[:span.start])

    def _idiom(self, doc: Doc, mention: Mention) -> bool:
        """The name and the word after or before it make a phrase of ``place_idioms`` («مسقط
        رأسه.», «الخط الأزرق»)."""
        text = doc_text(doc)
        following = text[mention.end:mention.end + 24].split(maxsplit=1)[:1]
        word = following[0].rstrip(_TRAILING_MARKS) if following else ""
        preceding = text[max(0, mention.start - 24):mention.start].rsplit(maxsplit=1)[-1:]
        before = preceding[0].lstrip("«\"(") if preceding else ""
        return (bool(word) and phrase_key(f"{mention.text} {word}") in self.idioms) \
            or (bool(before) and phrase_key(f"{before} {mention.text}") in self.idioms)

    def _media(self, text: str, norms: str) -> bool:
        return text in self.media or norms in self.media

    def _listed_with_a_place(self, doc: Doc, span, places: dict[tuple[str, int], Mention]) -> bool:
        """Joined by و or a comma to a place that is no agency's name («والوادي الجديد وقنا»)."""
        norms, neighbours = token_norms(doc), []
        if span.start >= 2 and norms[span.start - 1] in JOINERS:
            last = doc[span.start - 2]
            neighbours.append(places.get(("end", last.idx + len(last.text))))
        if span.end + 1 < len(doc) and norms[span.end] in JOINERS:
            neighbours.append(places.get(("start", doc[span.end + 1].idx)))
        return any(m is not None and not self._media(m.text, phrase_key(m.text)) for m in neighbours)

    def _after_verb_particle(self, doc: Doc, index: int) -> bool:
        if not index or not doc[index].norm_.startswith(IMPERFECT_PREFIXES):
            return False
        before = doc[index - 1].norm_
        two = f"{doc[index - 2].norm_} {before}" if index > 1 else before
        return before in self.verb_particles or two in self.verb_particles

    @staticmethod
    def _not_a_name(token) -> bool:
        """A lone word the model calls a place but which is no name: mostly O in ANERcorp,
        an event word («ستغادران»), a nationality, or a definite adjective agreeing with the definite
        noun before it («الأسلحة الثقيلة»)."""
        norm = token.norm_
        if norm in common_words() or lookup_trigger(norm) is not None or strip_al(norm) in _descriptors() \
                or pronoun_form(token.text, norm) or norm in nationality_adjectives() \
                or (strip_al(norm) in context_words("geographic_heads") and norm not in place_keys()) \
                or strip_al(norm) in context_words("lone_terrain_nouns") \
                or (norm.endswith("ات") and norm in quantity_lexicon().units) \
                or PlaceFilters._nisba_adjective(token):
            return True  # («المدينة», «البلدة», «الجبل»: a descriptor or a geographic noun alone names
            # nothing, unless the gazetteer says it does: «الخليج»; nor does a counted plural: «مسيّرات»;
            # «رصيفه»; a nationality: «قاعدة أوغندية»;
            # an adjective: «قاعدة جماهيرية»)
        previous = token.nbor(-1).norm_ if token.i else ""
        return norm.startswith("ال") and norm.endswith("ه") and previous.startswith("ال") \
            and previous.endswith(("ه", "ات"))

    @staticmethod
    def _nisba_adjective(token) -> bool:
        """An indefinite frequent nisba adjective: feminine anywhere («قاعدة جماهيرية»), masculine
        right after an indefinite common noun it agrees with («تجمع قبلي», «مصدر برلماني»); after
        a descriptor, a base's head or a preposition it is a name («مدينة بحري», «مطار مروي»)."""
        norm = token.norm_
        if not norm.endswith(("يه", "ي")) or norm.startswith("ال") or not is_frequent_adjective(norm):
            return False
        if norm.endswith("يه") or not token.i:
            return norm.endswith("يه")
        before = token.nbor(-1)
        return before.is_alpha and len(before.norm_) >= 3 and not before.norm_.startswith("ال") \
            and (is_news_word(before.norm_) or before.norm_ not in place_keys()) \
            and before.norm_ not in _place_heads() and not before._.is_clitic

    @staticmethod
    def _drop_conjunction(doc: Doc, mention: Mention) -> None:
        """«كفرشوبا وشبعا»: after a word (a list), a و kept on the model's name is the conjunction."""
        first = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if first is None or not first.start or not attached_conjunction(first[0]):
            return
        previous = doc[first.start - 1]
        if previous.is_alpha and previous.norm_ not in _name_words()[2]:
            mention.start += 1
            mention.text = doc_text(doc)[mention.start:mention.end]


@cache
def _place_heads() -> frozenset[str]:
    """Words a name follows: descriptors, base heads, geographic heads and place cues."""
    return frozenset(_descriptors() | context_words("base_heads") | context_words("geographic_heads")
                     | context_words("place_cues") | context_words("name_stopwords"))


@Language.factory("arabic_place_filters", assigns=["doc._.mentions"])
def make_place_filters(nlp: Language, name: str) -> PlaceFilters:
    return PlaceFilters(name, make_doc=nlp.make_doc)


def _speaker(text: str, mention: Mention) -> bool:
    """A name opening a line before a colon, three times or more in the article («النعماني:
    …»): the speaker of an interview or a briefing, not a place («بغداد:» once is a dateline)."""
    if (mention.start and text[mention.start - 1] != "\n") or text[mention.end:mention.end + 1] != ":":
        return False
    return len(re.findall(f"(?m)^{re.escape(mention.text)}:", text)) >= 3

