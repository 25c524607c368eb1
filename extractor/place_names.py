"""The whole name of a PLACE candidate, whichever tagger found it (guidelines §3).

``complete_name`` gives a candidate the generic noun before it («سد الفرات»), the second
word of a compound whose first word alone was found («دير سريان», «ود الترابي»), the
word after «بن» («غيل بن يمين»), the word after a hyphen («ماين-سوروا») and «الجديدة»
after a town. The place lists (``place_context``), the rare places (``rare_places``) and
the filters (``place_filters``) all call it.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from .event_lexicon import lookup_trigger
from .language import doc_text, glue_map, hyphen_joins
from .lexicons import context_words
from .mentions import Mention
from .normalize import normalize, vocalized_word
from .place_words import nationality_adjectives
from .word_forms import place_name_words, unheard_of, verb_form

__all__ = ["attached_conjunction", "complete_name", "join_adjacent_places", "pointing_descriptor", "position_word"]


@cache
def _name_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Generic nouns that belong to a name, first words of compound names, and words
    that never continue or precede a name."""
    stop = (context_words("place_descriptors") | context_words("place_cues")
            | context_words("name_stopwords") | nationality_adjectives())
    return context_words("name_generics"), context_words("compound_first"), stop


def attached_conjunction(token) -> bool:
    """«وشبعا»: a و the splitter left on an unknown name (names in وا- stay whole:
    واشنطن، واسط، واغادوغو)."""
    text = token.text
    if not (text.startswith("و") and text[1:2] != "ا" and len(text) >= 4 and not token._.is_clitic):
        return False  # after a preposition the و is the name's own: «بين ونزريك وقيرة», «إلى ورمحن»
    return token.i == 0 or "و" not in glue_map().get(token.doc[token.i - 1].norm_, ())


def complete_name(doc: Doc, mention: Mention, listed: bool = False) -> None:
    """Give a PLACE candidate, from any tagger, the whole name (guidelines §3): a generic
    noun before it («سد الفرات», «جبال قنديل») and the second word of a compound whose
    first word alone was found («دير سريان», «ملا قرة»), and «الجديدة» after a town
    («العلمين الجديدة», still a town). The span then no longer is the gazetteer's place,
    so its coordinates are dropped. ``listed``: a member of a list after a descriptor, whose
    compound takes any name word second («بلدتي بئر علي وعين بامعبد»)."""
    if mention.label != "PLACE":
        return
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return
    generics, compound, stop = _name_words()
    added = []
    before = doc[span.start - 1] if span.start and not attached_conjunction(span[0]) else None  # «قرة تبة وقزلرباط»
    if before is not None and (before.norm_ in generics or (
            len(span) == 1 and before.norm_ in compound and before.norm_ not in _titles()
            and not before._.is_clitic and (not span[0].norm_.startswith("ال")
                                            or before.norm_ in context_words("compound_first_definite")))):
        mention.start = before.idx  # «سد الفرات»; «أبو جبيهة», «عين بنتيلي» when only the second word was found
        added.append(before.norm_)
    if len(span) == 1 and span.end < len(doc) and span[0].norm_ in compound:
        following = doc[span.end]
        if (listed and _listed_second_word(following)) or following.text in _names_like_prepositions() or (
                vocalized_word(following.text) and following.norm_ not in stop
                and lookup_trigger(following.norm_) is None):  # «جبل العَوْد»: vowel marks allowed
            mention.end = following.idx + len(following.text)
            added.append(following.norm_)
    if not listed and len(span) == 1 and mention.end == span.end_char and span.end < len(doc) \
            and _unheard_second(doc[span.end]):
        following = doc[span.end]
        mention.end = following.idx + len(following.text)  # «عدن يابال»: an unheard-of word after a name
        added.append(following.norm_)
    gazetteer = mention.reason.startswith("gazetteer")
    if mention.end == span.end_char and hyphen_joins(doc, span.end) \
            and (not gazetteer or _unheard_second(doc[span.end + 1])):  # «غورما-راروس»: unheard-of
        mention.end = doc[span.end + 1].idx + len(doc[span.end + 1].text)  # «ماين-سوروا», «فايا-لارجو»
        added.append("-" + doc[span.end + 1].norm_)  # (a known town's «دير الزور-سانا» is a dateline)
    elif mention.end == span.end_char and len(span) > 1 and span[-1].norm_ in context_words("name_links") \
            and span.end < len(doc) and doc[span.end].is_alpha:
        mention.end = doc[span.end].idx + len(doc[span.end].text)  # «غيل بن يمين»: no name ends on «بن»
        added.append(doc[span.end].norm_)
    kind = "feature"
    if mention.end == span.end_char and span.end < len(doc) and position_word(doc[span.end].norm_) \
            and mention.attrs.get("kind") != "country" \
            and not (before is not None and before.norm_ in context_words("municipality_heads")):
        # (not «جائزة البحرين الكبرى», a race; not «بلدية إربد الكبرى», a body)
        mention.end = doc[span.end].idx + len(doc[span.end].text)  # «الدواية الكبيرة», «حومين الفوقا»
        added.append(doc[span.end].norm_)
        kind = mention.attrs.get("kind") or kind
    elif span.end < len(doc) and doc[span.end].norm_ in _new_town_words() and (
            mention.attrs.get("kind") in _TOWN_KINDS  # a known town, or one its descriptor names:
            or (before is not None and before.norm_ in context_words("settlement_descriptors"))):  # «مدينة سفنكس الجديدة»
        mention.end = doc[span.end].idx + len(doc[span.end].text)  # «العلمين الجديدة»
        added.append(doc[span.end].norm_)
        kind = mention.attrs.get("kind") or kind
    if added:
        mention.text = doc_text(doc)[mention.start:mention.end]
        mention.reason += f" (+ {' + '.join(added)})"
        mention.attrs = {"kind": kind}


def _unheard_second(token) -> bool:
    """A word the news has all but never written, nor any of its stems, right after a
    one-word place is the second word of its name («قرب عدن يابال»: Adan Yabaal, not Aden)."""
    norm = token.norm_
    return token.is_alpha and not token._.is_clitic and not attached_conjunction(token) \
        and len(norm) >= 3 and unheard_of(norm, known=nationality_adjectives()) \
        and not (norm.startswith("ال") and norm.endswith(_DUAL_ENDINGS))  # «خريص النفطيتين»: an adjective


def _compound_first(token) -> bool:
    """«عين», «وتل»: the first word of a compound name (its و stripped)."""
    norm = token.norm_[1:] if attached_conjunction(token) else token.norm_
    return norm in _name_words()[1]


def _listed_second_word(token) -> bool:
    """Any word of a name, even one that reads as a preposition or a verb («علي», «سلم»)."""
    return token.is_alpha and not token._.is_clitic and not attached_conjunction(token) \
        and token.text not in context_words("name_stopwords", normalized=False)


_TOWN_KINDS = frozenset({"city", "town", "village"})
_DUAL_ENDINGS = ("تين", "تان", "يين", "يان")


@cache
def _names_like_prepositions() -> frozenset[str]:
    """«علي» as written (not «على»): a name after a compound's first word («بئر علي»)."""
    return context_words("prepositions_like_names", normalized=False)


@cache
def _new_town_words() -> frozenset[str]:
    return context_words("new_town_words")


def position_word(norm: str) -> bool:
    """A word of size or height that ends a place's name («الفوقا», «الصغيرة»; ``name_position_words``)."""
    return norm in _position_words()


@cache
def _position_words() -> frozenset[str]:
    return context_words("name_position_words")


@cache
def _titles() -> frozenset[str]:
    """First words of compounds that a found place does not take in before it: titles («الملك
    فهد» is a king before a base's name) and literal nouns («سوق سنوني»)."""
    return context_words("person_titles") | context_words("name_titles") | context_words("compound_first_literal")


@cache
def _descriptors() -> frozenset[str]:
    return context_words("place_descriptors") | context_words("place_list_heads")


@cache
def _pointing_nouns() -> frozenset[str]:
    return _descriptors() | context_words("base_heads")


def pointing_descriptor(norm: str) -> bool:
    """«البلدة», «البلدتين», «المدينتين», «المعسكرين»: a descriptor or a base's head with the
    article, one or two of them, points back at places named before and names none."""
    if not norm.startswith("ال"):
        return False
    bare = norm[2:]
    if bare in _descriptors():
        return True
    if norm in place_name_words():
        return False  # «القريتين» is also a town the gazetteer knows
    singulars = [bare[:-3] + "ه" for dual in ("تين", "تان") if bare.endswith(dual)] \
        + [bare[:-2] for dual in ("ين", "ان") if bare.endswith(dual)]
    return any(singular in _pointing_nouns() for singular in singulars)


#: Kinds of place no compound name is made of: «بلدة كايغا كينجيريا شمال دارفور» names a state after the town.
_WIDE_KINDS = frozenset({"country", "region", "governorate", "state", "department", "province"})


def _sure_name(mention: Mention) -> bool:
    """A gazetteer's name (or its repeat, which keeps its coordinates): a whole name by itself."""
    return mention.reason.startswith("gazetteer:") or "lat" in mention.attrs


@cache
def _no_name_part() -> frozenset[str]:
    """Words that head a name or a list, never a part of a name found apart («قريتي», «حقل»)."""
    return _pointing_nouns() | context_words("place_cues")


def _joinable(first: Mention, second: Mention, text: str) -> bool:
    first_norm = normalize(first.text)
    return text[first.end:second.start] == " " and not (_sure_name(first) and _sure_name(second)) \
        and not _WIDE_KINDS & {first.attrs.get("kind"), second.attrs.get("kind")} \
        and not second.text.startswith("و") and first_norm not in _no_name_part() \
        and not verb_form(first_norm) \
        and normalize(second.text).split(" ", 1)[0] not in context_words("locating_compass")
    # «الرامة وخط», «قريتي عين زالة», «تقف بوابة أبوقرين»; «صور جنوب لبنان» locates a town


def join_adjacent_places(mentions: list[Mention], text: str) -> list[Mention]:
    """«بار سنغوني», «تشوما بانغو», «راغي عيلي»: two PLACE mentions one space apart are one
    name whose words were found apart (the corpus sets two places side by side only across
    punctuation or «و»). Two names each sure of itself stay two («طريق حلب دمشق»)."""
    joined: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        last = joined[-1] if joined else None
        if mention.label == "PLACE" and last is not None and last.label == "PLACE" and _joinable(last, mention, text):
            joined[-1] = Mention("PLACE", last.start, mention.end, text[last.start:mention.end],
                                 score=min(last.score, mention.score), source="rules",
                                 reason=f"context:one name found in two parts «{last.text}» + «{mention.text}»")
            continue
        joined.append(mention)
    return joined
