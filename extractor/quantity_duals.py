"""Duals in counts: a dual noun alone counts two («جنديان», «صاروخين», «بطائرتين»), and its vowels,
where the text has them, tell a dual from a plural or a nisba («عسكريَّين», «زورقَي دورية»). A dual in
construct needs its noun («آليتا» …), and a nisba after a dual agrees with it («مصدران عسكريان»).
``quantities.find_quantities`` reads these.
"""

from __future__ import annotations

import re

from .normalize import MAY_CLOSE_QUOTE, MAY_OPEN_QUOTE, original_span
from .number_words import PROCLITICS
from .quantity_lexicon import QuantityLexicon
from .word_forms import is_news_word

__all__ = ["construct_without_noun", "dual_of", "marked_duals", "nisba_after_dual"]


# A fatha (with or without shadda) before the final «ين» marks a dual that is spelt like
# a plural once the vowels are gone: «عسكريَّين» (two soldiers) against «عسكريِّين».
_DUAL_VOWELS = re.compile("(?:\u064e\u0651?|\u0651\u064e)ي\u0652?ن$")
# In construct the «ن» falls and the fatha alone tells the dual from a nisba: «زورقَي دورية»
# (two patrol boats) against «زورقي» (of boats).
_CONSTRUCT_DUAL_VOWELS = re.compile("(?:\u064e\u0651?|\u0651\u064e)ي\u0652?$")


def marked_duals(text: str, offsets: list[int], matches: list, tokens: list[str],
                  lex: QuantityLexicon) -> dict[int, tuple[str, str]]:
    """(unit, singular) by index of the nouns in «ين» (or «ي» in construct) whose vowels, in the
    original text, make them duals: a unit noun («عسكريَّين», «زورقَي») or, not in construct, an
    indefinite noun no table lists («صيادَين» → صياد)."""
    if "\u064e" not in text:
        return {}  # news is mostly unvocalized: no fatha, no marked dual
    marked = {}
    for index, token in enumerate(tokens):
        if token.startswith("ال") or not token.isalpha():
            continue
        ending, vowels = ("ين", _DUAL_VOWELS) if token.endswith("ين") else ("ي", _CONSTRUCT_DUAL_VOWELS)
        if not token.endswith(ending) or len(token) - len(ending) < 3:
            continue
        singular = token[:-len(ending)]
        if singular not in lex.units and singular[:1] in PROCLITICS and singular[1:] in lex.units:
            singular = singular[1:]  # «بزورقَي اعتراض», «وعسكريَّين»
        unit = lex.units.get(token) or lex.units.get(singular) or (
            (singular, singular) if len(singular) >= 3 and singular not in lex.not_counted
            and ending == "ين" else None)  # in construct only a unit («بلدتَي برطلة وبازوايا» names two)
        if unit is None:
            continue
        start, end = original_span(offsets, matches[index].start(), matches[index].end())
        if vowels.search(text, start, end):  # endpos: «$» is the word's end
            marked[index] = unit
    return marked


def construct_without_noun(tokens: list[str], index: int, lex: QuantityLexicon, unit: str) -> bool:
    """A dual in construct («آليتا», «منصتي») needs the noun it is in construct with: before two
    quoted names joined by و it introduces the two it names («منصتي «إكس» و«تيك توك»», where
    «بطاريتي «باتريوت»» counts two), a site's dual before a name names the two sites, and
    before a preposition or a mark or at the end it is no dual at all («فاليتا على», Valletta)."""
    if tokens[index].endswith("ن"):
        return False
    following = tokens[index + 1] if index + 1 < len(tokens) else ""
    if following in MAY_OPEN_QUOTE:
        closing = next((at for at in range(index + 2, min(index + 7, len(tokens))) if tokens[at] in MAY_CLOSE_QUOTE),
                       None)
        return closing is not None and tokens[closing + 1:closing + 3] == ["و", tokens[index + 1]]
    if unit in lex.naming_duals and following[:1].isalpha() and not is_news_word(following):
        return True  # «منشأتي بقيق وخريص», «قاعدتي فايا-لارجو وأبشي»: the two it names (not «نقطتي تفتيش»)
    return following in lex.not_nouns or not following[:1].isalpha()


def nisba_after_dual(tokens: list[str], index: int, singular: str) -> bool:
    """A dual of a nisba («عسكريان» of «عسكري») right after another dual is its adjective."""
    previous = tokens[index - 1] if index else ""
    return singular.endswith("ي") and len(previous) >= 5 and previous.isalpha() \
        and previous.endswith(("ان", "ين")) and not previous.endswith(("يان", "يين"))


def dual_of(token: str, lex: QuantityLexicon) -> tuple[str, str] | None:
    """(unit, singular) of a dual noun, also behind one proclitic («بطائرتين»)."""
    if token in lex.duals:
        return lex.duals[token]
    if token[:1] in PROCLITICS and token[1:] in lex.duals and token not in lex.units:
        return lex.duals[token[1:]]
    return None
