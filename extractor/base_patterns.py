"""Base patterns: a base head («قاعدة», «معسكر», «مطار») and the name after it.

The mixin of ``ContextRecognizer`` (like ``ForcePatterns``) that tells a named base from a
count of bases («١٢ قاعدة»), a basis («على قاعدة القانون»), a purpose («نقطة إمداد»), a
description («قاعدة متقدمة») and a camp of the displaced, which is a place.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from .event_lexicon import lookup_trigger, words
from .language import token_norms
from .lexicons import COMPASS_WORDS, base_keys, context_words, place_keys_of_kind
from .mentions import Mention
from .normalize import VOWEL_MARKS
from .place_words import place_keys
from .quantity_lexicon import quantity_lexicon
from .text import CODE_JOINERS, QUOTES
from .word_forms import (
    is_frequent_adjective,
    is_news_word,
    reads_as,
    time_words,
    verbal_noun_form,
)

__all__ = ["BasePatterns"]


@cache
def _place_words() -> frozenset[str]:
    """Prepositions and descriptors of place: a site after them is located, not struck."""
    return words("place_prepositions") | words("near_words") | context_words("place_descriptors")

class BasePatterns:
    """Base-head methods; the word sets come from ``ContextRecognizer.__init__``."""

    def _base(self, doc: Doc, index: int, width: int, head: str) -> list[Mention]:
        after = index + width
        if self._counted(doc, index):
            return []  # «١٢ قاعدة ستُخليها البعثة»: a count of bases names none
        if after < len(doc) and doc[after].norm_ in self.unit_heads:
            unit = self._unit(doc, after)  # «مقر اللواء ٩٠», «معسكر الفوج 111»: a unit's own base
            if unit:
                return [self.mention(doc, "BASE", doc[index].idx, unit[0].end,
                                     f"context:head {head} + unit", 0.85, kind=head)]
        name = self._name_after(doc, index + width - 1) or self._adjective_name(doc, index + width) \
            or self._compass_name(doc, index + width) or self._number_name(doc, index + width, head)
        if name is None:
            return []
        start, end = self._known_place_end(doc, *name)
        first = doc[start].norm_
        if (doc[start]._.is_clitic and first == "ل") or first.startswith("لل") \
                or (first.startswith("ل") and verbal_noun_form(first[1:])):
            return []  # «قاعدة لاستقبال الإمدادات», «نقطة للجيش»: what the site is for or whose it is
        if end - start == 1 and doc[start].norm_ in self.site_idioms:
            return []  # «نقطة الصفر»: square one
        if head in self.plural_base_heads and " ".join(token_norms(doc)[start:end]) in place_keys():
            return []  # «من ثكنات موسورو»: the barracks of a town; the town is the PLACE
        marked = end < len(doc) and doc[end].norm_ in self.markers \
            or head in self.quote_named and doc[after].text in QUOTES
        if head in self.named_by_rare_words and not marked and not first.startswith("ال") and is_news_word(first) \
                and first not in place_keys():
            return []  # «مهبط صغير», «مهبط زراعي قديم»: an airstrip described, not «مهبط هبيلا»
        if end - start == 1 and not head.startswith("ال") and not marked and is_frequent_adjective(doc[start].norm_) \
                and doc[start].text.translate(VOWEL_MARKS) == doc[start].text:
            return []  # «قاعدة متقدمة», «حامية صغيرة»: described (not «قاعدة مصيرة الجوية», «معسكر مُرّة»)
        if end - start == 1 and not marked and (lookup_trigger(doc[start].norm_) or ("", "noun"))[1] != "noun":
            return []  # «أول معسكر سلّمته البعثة»: a relative clause on the head, not its name
        if index and doc[index - 1].norm_ == "علي" and self._a_basis(doc[start:end]):
            return []  # «على قاعدة القانون الدولي», «على قاعدة «جثة مقابل جثة»»: on the basis of a rule
        if not head.startswith("ال") and not marked and verbal_noun_form(doc[start].norm_, doc[start].text):
            return []  # «نقطة إمداد», «قاعدة إسناد»: what the site is for («قاعدة تكريت» is a name)
        if end - start == 1 and not head.startswith("ال") and not marked and not first.startswith("ال") \
                and first in quantity_lexicon().units:
            return []  # «قاعدة طائرات», «قاعدة مسيّرات»: what the site holds, a counted noun
            # («معسكر الصواريخ» is a name)
        if end - start == 1 and not marked and doc[start].norm_.startswith("م") \
                and doc[start].norm_.endswith(("ين", "ون")) and is_news_word(doc[start].norm_[:-2]):
            return []  # «قاعدة متابعين واسعة»: a participle's plural is no name («معسكر القصاصين» is)
        if (head in self.needs_the_marker and not marked) or (
                head in self.needs_marker and not marked and not self._military_use_after(doc, end)
                and not self._struck(doc, index, head)):
            return []
        purpose = end + 1 if end + 1 < len(doc) and doc[end].norm_ == "ل" and doc[end]._.is_clitic else end
        name = " ".join(t.norm_ for t in doc[start:end])
        if (purpose < len(doc) and reads_as(doc[purpose].norm_, self.camp_purposes)) or (
                head in self.camp_heads and name in place_keys_of_kind("camp")
                and f"{head} {name}" not in base_keys()):
            span = doc[start:end]  # «معسكر كلمة للنازحين», «معسكر أبو شوك»: a camp of the displaced or of
            # refugees (the gazetteer's camps) is a place, named alone (not UNDOF's «معسكر الفوار»)
            return [self.mention(doc, "PLACE", span.start_char, span.end_char, f"context:camp {head} + name", 0.7)]
        first = doc[index]
        return [self.mention(doc, "BASE", first.idx, doc[end - 1].idx + len(doc[end - 1]),
                             f"context:head {head} + name", 0.85, kind=head)]

    def _number_name(self, doc: Doc, at: int, head: str) -> tuple[int, int] | None:
        """«معسكر 27 الواقع على الطريق»: digits that count nothing after a base head number the
        base, with the month of a date that names it («معسكر 7 أبريل»); not after «النقطة», where
        a number alone is an item of a list, nor a year."""
        if head in self.coded_site_heads or not self._name_number(doc, at):
            return None
        month = at + 1 < len(doc) and doc[at + 1].norm_ in quantity_lexicon().dates
        return at, at + 1 + month

    def _coded_site(self, doc: Doc, index: int) -> list[Mention]:
        """«النقطة 8-34», «نقطة 7-35»: a post numbered by a code of two numbers joined by «-» or
        «/» (UNIFIL's positions) is a BASE; a number alone after «النقطة» is an item of a list."""
        code = doc[index + 1:index + 4]
        if len(code) < 3 or not (code[0].norm_.isdigit() and code[1].text in CODE_JOINERS and code[2].norm_.isdigit()) \
                or code[0].whitespace_ or code[1].whitespace_:
            return []
        return [self.mention(doc, "BASE", doc[index].idx, code[2].idx + len(code[2]),
                             f"context:head {doc[index].norm_} + code", 0.85, kind="outpost")]

    def _adjective_name(self, doc: Doc, start: int) -> tuple[int, int] | None:
        """«معسكر الكندي»: a definite nationality word after an indefinite head cannot agree
        with it as an adjective («المعسكر الكندي» would), so it is the name (a family name in
        «ي»; a feminine or plural one, «قاعدة الأمريكية», is a slip for the adjective)."""
        if start >= len(doc):
            return None
        head = doc[start - 1].norm_
        if not head.startswith("ال") and doc[start].norm_.startswith("ال") \
                and doc[start].norm_.endswith("ي") and doc[start].norm_ in self.adjectives \
                and not doc[start]._.is_clitic:
            return start, start + 1
        return None

    def _compass_name(self, doc: Doc, start: int) -> tuple[int, int] | None:
        """«قاعدة غرب القاهرة الجوية», «قاعدة شرق العوينات الجوية»: a compass word and a known
        place name the base when a military adjective closes them; without it the words locate
        a base («قاعدة شمال بغداد»: a base north of Baghdad)."""
        if start >= len(doc) or doc[start].norm_ not in COMPASS_WORDS:
            return None
        norms = token_norms(doc)
        for width in (3, 2, 1):
            end = start + 1 + width
            if end < len(doc) and norms[end] in self.markers \
                    and (" ".join(norms[start + 1:end]) in place_keys() or " ".join(norms[start:end]) in place_keys()):
                return start, end
        return None

    @staticmethod
    def _known_place_end(doc: Doc, start: int, end: int) -> tuple[int, int]:
        """«معسكر التل الكبير»: a name that a gazetteer place goes on past ends with that place."""
        norms = token_norms(doc)
        for extra in (2, 1):
            if end + extra <= len(doc) and " ".join(norms[start:end + extra]) in place_keys():
                return start, end + extra
        return start, end

    def _military_use_after(self, doc: Doc, end: int) -> bool:
        """«مطار بوصاصو، الذي تتخذه منطلقاً لعملياتها»: a relative clause says forces use it."""
        following = [t.norm_ for t in doc[end:end + 4] if t.norm_ not in {"،", ","}]
        return len(following) >= 2 and following[0] in self.relatives and following[1] in self.use_verbs

    def _struck(self, doc: Doc, index: int, head: str) -> bool:
        """«تقصف مطار كسمايو», «قصفت الحركة مطار باليدوغلي», «هجوم على مطار دينسور»: an airport
        that an attack strikes is a base without a marker (the corpus marks 146 such targets
        a BASE); ports are not («استهدفت ميناء الحمرية»). The attack's verb or noun comes at
        most five words before the head (a subject and a time between: «قصفت حركة الشباب ليل
        الأحد مطار عدادو»); a comma or a word of place ends the search («قرب مطار بغداد»
        locates)."""
        if head not in self.struck_sites:
            return False
        for at in range(index - 1, max(-1, index - 7), -1):
            token = doc[at]
            if not token.is_alpha or token.norm_ in _place_words():
                return False
            found = lookup_trigger(token.norm_)
            if found is not None:
                return found[0] == "ATTACK"
        return False

    def _counted(self, doc: Doc, index: int) -> bool:
        """Digits right before the head count it, unless they number a unit or end a date
        («الفرقة 27 معسكر مقوكوري», «الكتيبة الآلية 15 نقطة «الغرّاء»», «في أبريل 1982 قاعدة
        «إيتام»», «في 31/12/2025 معسكر»), or a quoted name follows the head (a count's noun
        takes none)."""
        if index == 0 or not doc[index - 1].norm_.isdigit() \
                or (index + 1 < len(doc) and doc[index + 1].text in QUOTES):
            return False
        before = doc[index - 2].norm_ if index > 1 else ""
        if before in self.specifiers and index > 2:
            before = doc[index - 3].norm_  # «الكتيبة الآلية 15»: the unit's arm between
        return before not in self.unit_heads and before not in time_words() and before not in ("/", "-")

    def _a_basis(self, name) -> bool:
        """After «على قاعدة»: a principle, a basis noun («القانون») or a quoted saying of three
        or more common words («جثة مقابل جثة»), not a base («على قاعدة «الوطية»»)."""
        words_inside = [t.norm_ for t in name if t.is_alpha]
        if name[0].text in QUOTES:
            return len(words_inside) >= 3 and all(is_news_word(w) for w in words_inside)
        return name[0].norm_ in self.basis_nouns or verbal_noun_form(name[0].norm_)  # «على قاعدة تقاسم النفوذ»
