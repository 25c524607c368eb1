"""Links between words: what stands before a mention, what joins two mentions.

Helpers of the event rules (``event_args``, ``event_parties``, ``event_targets``,
``event_objects``): the token before a name, a pronoun on a noun, the gap between
two mentions, and whether a list or a locating phrase joins them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .event_lexicon import words
from .language import doc_text, token_starts
from .lexicons import _key, context_words
from .mentions import Mention
from .text import QUOTE_MARKS
from .word_forms import RELATIVES, after_lam, verbal_noun_form

if TYPE_CHECKING:
    from .events import Event

__all__ = ["mention_end_token", "with_possessive_off", "words_after"]

#: Possessive suffixes on a base noun («قواعدها», «مواقعهم»).
_POSSESSIVES = ("ها", "هم", "هما", "ه")


def mention_end_token(doc: Doc, mention: Mention) -> int:
    """The index of the first token after a mention."""
    return bisect_left(token_starts(doc), mention.end)


def passive_governor_before(doc: Doc, trigger, start: int, reach: int, comma_free: bool = False):
    """The verb of undergoing («تعرّض») among the ``reach`` tokens before ``trigger`` (from
    ``start``, the sentence's), or None: its subject is what was hit, not who hit it;
    ``comma_free``: with no comma between it and the trigger (one clause)."""
    governors = words("passive_governors")
    found = next((t for t in doc[max(start, trigger.i - reach):trigger.i] if t.norm_ in governors), None)
    if found is not None and comma_free and any(t.norm_ in {"،", ","} for t in doc[found.i:trigger.i]):
        return None
    return found


def words_after(doc: Doc, mention: Mention, count: int = 2) -> list:
    """Up to ``count`` tokens right after a mention, stopping at punctuation («… قد تعرّضت»)."""
    end = mention_end_token(doc, mention)
    following = list(doc[end:end + count])
    return following[:next((i for i, t in enumerate(following) if t.is_punct), count)]


def _token_before(doc: Doc, char: int):
    """The token before the one that holds ``char`` (None at the start)."""
    index = bisect_right(token_starts(doc), char) - 1
    return doc[index - 1] if index > 0 else None


def with_possessive_off(norm: str) -> set[str]:
    """A word and, if it ends in a possessive suffix, the word without it («قواعدها» → قواعد;
    «قاعدتها» → قاعده, its ة written ت before the suffix)."""
    stems = {norm[:-len(suffix)] for suffix in _POSSESSIVES if norm.endswith(suffix)}
    return {norm} | stems | {stem[:-1] + "ه" for stem in stems if stem.endswith("ت") and len(stem) > 3}


def _token_before_name(doc: Doc, char: int):
    """The token before a name, past the quote mark that may open it («ل«الدعم السريع»»,
    «مطار "كويرس"»)."""
    token = _token_before(doc, char)
    if token is not None and token.text in QUOTE_MARKS and token.i > 0:
        token = doc[token.i - 1]
    return token


def _gap_tokens(doc: Doc, start: int, end: int) -> int:
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return 0 if not doc_text(doc)[start:end].strip() else 99
    return len([t for t in span if not t.is_space and t.text not in QUOTE_MARKS])  # «ل«الدعم السريع»»


def _subject_given(doc: Doc, event: Event) -> bool:
    """The verb's subject is already said: a plural ending («سيغادرون الأراضي اللبنانية») or
    an actor before the verb («القوات غادرت بغداد»), so a place right after it is its object."""
    trigger = doc_text(doc)[event.trigger_start:event.trigger_end]
    return trigger.endswith(("ون", "وا")) or any(
        role == "actor" and m.end <= event.trigger_start for role, m in event.args)


@cache
def _leaving_or_reaching() -> frozenset[str]:
    """The prepositions of origin and destination («من», «إلى», «باتجاه» …)."""
    return words("roles", "origin") | words("roles", "destination")


@cache
def _locating_links() -> frozenset[str]:
    """Words inside a locating phrase that locate nothing alone: «على», «ل», compass adjectives."""
    return words("locating_links") | frozenset("ال" + word for word in context_words("compass_adjectives"))


@cache
def _unnamed_places() -> frozenset[str]:
    """Definite place nouns that name no place («القرى», «المنطقة»): a phrase describing one
    locates it by the places it names."""
    nouns = context_words("place_descriptors") | context_words("place_list_heads")
    return frozenset("ال" + noun for noun in nouns if not noun.startswith("ال"))


@cache
def _list_heads() -> frozenset[str]:
    """Words a list of arguments may repeat before its next member («ومطار», «وقرى»)."""
    return context_words("base_heads_needing_military_marker") | context_words("place_descriptors") \
        | context_words("place_list_heads")


def _coordinated(doc: Doc, last_end: int, start: int, bracket_ok: bool = True) -> bool:
    """Only «،» and «و» between two mentions, with perhaps a site head or a place descriptor:
    a list continuing the same role («في قاعدة حرير ومطار أربيل», «مطيبيجة وقرى العيث»); a
    place's other name in brackets takes its role too («عين العرب (كوباني) وتل رفعت»)."""
    if last_end < 0:
        return False
    text = doc_text(doc)[last_end:start]
    if text.lstrip().startswith(")"):
        text = text.lstrip()[1:]  # the list goes on after the bracketed name
    if not bracket_ok and "(" in text:
        return False  # «قوات سوريا الديمقراطية (قسد)»: an abbreviation is not another argument
    words_between = text.split()
    heads = _list_heads()
    last = _key(words_between[-1]) if words_between else ""
    if last.startswith("و") and last[1:] in heads:
        words_between[-1] = "و"
    elif last in heads:
        words_between[-1] = ""
    between = "".join(words_between)
    return between in ("", "،", ",", "و", "،و", ",و", "(")  # «اليعربية (تل كوجر)»: another name


def in_closed_relative(doc: Doc, mention: Mention, trigger) -> bool:
    """«تسلّمت قوات الدراويش معسكر جريبان، الذي كانت القوات الفيدرالية تتمركز فيه، ونشرت فيه …»:
    the mention stands in a relative clause set off by commas that closes before the trigger;
    it is not the later verb's subject."""
    at = mention_end_token(doc, mention)
    if not any(t.norm_ in {"،", ","} for t in doc[at:trigger.i]):
        return False
    start = bisect_right(token_starts(doc), mention.start) - 1
    while start > 0 and doc[start - 1].norm_ not in {"،", ",", "."}:
        start -= 1
    return start > 0 and doc[start - 1].norm_ in {"،", ","} and doc[start].norm_ in RELATIVES


def _object_of_purpose(doc: Doc, force) -> bool:
    """«التحالف الدولي لمحاربة تنظيم داعش», «قوة لمكافحة الإرهاب»: a force after «ل» and a verbal
    noun is what the body before fights, no subject to refer back to."""
    before = _token_before_name(doc, force.start)
    noun = after_lam(before.norm_) if before is not None else None
    return noun is not None and verbal_noun_form(noun)
