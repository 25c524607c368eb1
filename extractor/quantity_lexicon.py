"""The quantity vocabulary (``models/lexicons/quantities.yaml``) as lookup tables.

Kept apart from the number grammar in ``quantities`` so the grammar reads as a
grammar; the tables are built once and cached.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from .normalize import phrase_key as _k
from .resources import load_yaml
from .word_forms import heard_of, is_news_word, reads_as, time_words

__all__ = ["QuantityLexicon", "quantity_lexicon"]


@dataclass(frozen=True)
class QuantityLexicon:
    """The tables of ``models/lexicons/quantities.yaml``, normalized for lookup."""

    words: dict[str, tuple[str, float]]        # number word → (kind, value)
    vague: frozenset[str]
    qualifiers: dict[str, str]                 # normalized phrase → qualifier
    after: dict[str, str]
    units: dict[str, tuple[str, str]]          # noun form → (unit, phrase)
    links: frozenset[str]
    not_counts: frozenset[str]
    not_counted: frozenset[str]
    not_nouns: frozenset[str]
    duals: dict[str, tuple[str, str]]          # dual noun form → (unit, singular)
    range_openers: frozenset[str]
    range_from: frozenset[str]
    range_to: frozenset[str]
    vague_needing_unit: frozenset[str]         # «عدة» counts only what the unit table knows
    anaphoric: frozenset[str]                  # «آخرين»: counts what the count before counts
    digit_names: frozenset[str] = frozenset()  # «اللواء 93»: digits after these name a unit
    one_of: frozenset[str] = frozenset()       # «أحد مواقعكم»: «one of», never a count of one
    range_or: frozenset[str] = frozenset()     # «قاعدتين أو ثلاث»: a dual or a number, a range
    dates: frozenset[str] = frozenset()        # weekdays, months, «أمس» (time.yaml): «مدرسة 30 يونيو» counts nothing
    one_by_one: frozenset[str] = frozenset()   # «واحدة تلو الأخرى»: after «واحدة», one by one, no count
    singulars: dict[str, str] = field(default_factory=dict)  # broken plural → its singular («قرى» → قرية)
    things: frozenset[str] = frozenset()       # units «آخرين» never counts («بصاروخين … وإصابة ثلاثة آخرين»)
    subsets: frozenset[str] = frozenset()      # «بينهم»: a count after it is a subset aside («آخرين» looks past it)
    naming_duals: frozenset[str] = frozenset()  # units whose dual before a name names two («منشأتي بقيق وخريص»)
    range_to_unopened: frozenset[str] = frozenset()  # «في 40 إلى 50 نقطة»: a range with no opener
    definite_counts: frozenset[str] = frozenset()  # units a definite number after counts («النقاط الخمس»)
    noun_complements: frozenset[str] = frozenset()  # «قذائف هاون»: a genitive a qualifier after the noun steps over

    @cached_property
    def starters(self) -> frozenset[str]:
        """Words a count can be anchored on (with or without one proclitic): number words,
        vague counts and dual nouns; every other word is passed over without a parse."""
        return frozenset(self.words) | self.vague | frozenset(self.duals)

    @cached_property
    def counting_words(self) -> frozenset[str]:
        """Every word that starts or is a count: the starters and the unit nouns."""
        return self.starters | frozenset(self.units)

    def singular(self, noun: str) -> str:
        """The unit of an unlisted noun is its singular (guidelines §6): a broken plural's from
        quantities.yaml ``broken_plurals`` («قرى» → قرية), else the accusative tanween and a sound
        plural's ending go («جندياً», «مهربين» → مهرب, «الدراجات» → دراجة); a broken plural the
        table does not list («أكواخ») stays as written."""
        word = noun[2:] if noun.startswith("ال") and len(noun) > 4 else noun
        for form in (word, word[:-1] if word.endswith("ا") else None):
            if form in self.singulars:
                return self.singulars[form]
        if word.endswith("ا") and len(word) > 2:
            return word[:-1]  # «طناً» → طن
        if word.endswith(("ين", "ون")) and len(word) > 4:
            return word[:-2]
        if word.endswith("ات") and len(word) > 4:
            stem = word[:-2]  # «دراجات» → دراجة, but «كيلوغرامات» → كيلوغرام: the form the news writes,
            # or the one wordfreq has heard of («كرفانات» → كرفان, «ارتكازات» → ارتكاز)
            masculine = is_news_word(stem) or (heard_of(stem) and not heard_of(stem + "ه"))
            return stem if masculine and not is_news_word(stem + "ه") else stem + "ه"
        return word

    @cached_property
    def unit_names(self) -> frozenset[str]:
        """The units the table knows (a noun outside it is an ``unknown`` count)."""
        return frozenset(unit for unit, _ in self.units.values())


@cache
def quantity_lexicon() -> QuantityLexicon:
    """Built once: number words, units with their dual and accusative forms, qualifiers."""
    data: dict[str, Any] = load_yaml("lexicons/quantities.yaml")
    words: dict[str, tuple[str, float]] = {}
    for section in ("ones", "tens", "hundreds", "scales", "duals"):
        for value, forms in (data.get(section) or {}).items():
            for form in forms:
                words.setdefault(_k(form), (section, float(value)))
    for value, forms in (data.get("fractions") or {}).items():
        for form in forms:
            words[_k(form)] = ("fraction", float(value))
    for form in data.get("teens_second_word", []):
        words.setdefault(_k(form), ("teen", 10.0))
    units: dict[str, tuple[str, str]] = {}
    duals: dict[str, tuple[str, str]] = {}
    for unit, forms in (data.get("units") or {}).items():
        for form in forms:
            key = _k(form)
            units[key] = (unit, key)
            if " " not in key and key.isalpha() and len(key) >= 3:  # جنديان، قاعدتين، صاروخين
                stem = key[:-1] + "ت" if key.endswith("ه") else key
                # a feminine dual also loses its ن before a noun: «منظومتي دفاع», «طائرتا»
                for ending in ("ان", "ين", "ي", "ا") if key.endswith("ه") else ("ان", "ين"):
                    duals.setdefault(stem + ending, (unit, key))
            if not key.endswith(("ا", "ين", "ون", "ات")) and " " not in key and key.isalpha():
                units.setdefault(key + "ا", (unit, key))  # accusative tanween: جنديا
            if form.startswith("ال"):
                continue  # already definite; «ألغام» is not («الألغام»)
            units.setdefault("ال" + key, (unit, key))

    def phrases(section: str) -> dict[str, str]:
        return {_k(p): q for q, ps in (data.get(section) or {}).items() for p in ps}

    return QuantityLexicon(words, frozenset(_k(w) for w in data.get("vague", [])), phrases("qualifiers"),
                    phrases("qualifiers_after"), units,
                    frozenset(_k(w) for w in data.get("count_links", [])),
                    frozenset(_k(w) for w in data.get("not_counts_before", [])),
                    frozenset(_k(w) for w in data.get("not_counted", [])),
                    frozenset(_k(w) for w in data.get("not_nouns", [])),
                    {k: v for k, v in duals.items() if k not in units},
                    frozenset(_k(w) for w in data.get("range_openers", [])),
                    frozenset(_k(w) for w in data.get("range_from", [])),
                    frozenset(_k(w) for w in data.get("range_to", [])),
                    frozenset(_k(w) for w in data.get("vague_needing_unit", [])),
                    frozenset(_k(w) for w in data.get("anaphoric_nouns", [])),
                    frozenset(_k(w) for w in data.get("digit_names_before", [])),
                    frozenset(_k(w) for w in data.get("one_of", [])),
                    frozenset(_k(w) for w in data.get("range_or", [])),
                    time_words(),
                    frozenset(_k(w) for w in data.get("one_by_one", [])),
                    {_k(plural): singular for singular, plurals in (data.get("broken_plurals") or {}).items()
                     for plural in plurals}, frozenset(data.get("anaphoric_not_units", [])),
                    frozenset(_k(w) for w in data.get("subset_asides", [])),
                    frozenset(data.get("naming_duals", [])),
                    frozenset(_k(w) for w in data.get("range_to_unopened", [])),
                    frozenset(data.get("definite_counts", [])),
                    frozenset(_k(w) for w in data.get("noun_complements", [])))


def counting_word(norm: str) -> bool:
    """A number word, a dual or a unit noun, bare or behind one proclitic («بست», «بـأربعة»,
    «بكتيبتين»): a count follows a name, it never continues one («قبالة كلبس بكتيبتين»)."""
    return reads_as(norm.replace("ـ", ""), quantity_lexicon().counting_words)
