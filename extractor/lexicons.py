"""Lexicon entries from ``models/``: gazetteer places, bases and forces.

Each entry is a normalized phrase (space-separated NORM tokens) with the label
it gives and the attributes it carries (canonical name, country, coordinates),
ready for a ``PhraseMatcher`` on ``NORM``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .normalize import has_hamza_alef, phrase_key, strip_al
from .resources import load_tsv, load_yaml

__all__ = [
    "COMPASS_WORDS",
    "Entry",
    "all_entries",
    "base_entries",
    "context_words",
    "force_entries",
    "known_names",
    "place_entries",
]


#: Compass nouns and adjectives that locate («شرق حمص», «قيادة عمليات غرب نينوى»).
COMPASS_WORDS = frozenset({"شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"})


@dataclass(frozen=True)
class Entry:
    """A lexicon phrase: ``key`` is the normalized, space-joined token sequence."""

    key: str
    label: str
    source: str
    ambiguous: bool = False
    bare: bool = False  # a base's name without its head noun («عين الأسد»)
    #: Written with no hamza on an alef: a surface with one is another word («فأما», "as for",
    #: is not FAMa's «فاما»).
    hamza_free: bool = False
    attrs: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


def _key(phrase: str) -> str:
    return phrase_key(phrase, drop_quotes=True)


def _rows(data: Any, key: str) -> list[dict[str, Any]]:
    if isinstance(data, dict):
        data = data.get(key, [])
    return [row for row in data or [] if isinstance(row, dict)]


def _number(value: Any) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


@cache
def place_entries() -> tuple[Entry, ...]:
    """PLACE entries from the generated gazetteer (``models/gazetteer/places.tsv``)."""
    entries = []
    for row in load_tsv("gazetteer/places.tsv"):
        key = _key(row.get("name", ""))
        if not key:
            continue
        attrs = {"canonical": row.get("canonical") or None, "kind": row.get("kind") or None,
                 "country_code": row.get("country_code") or None,
                 "lat": _number(row.get("lat")), "lon": _number(row.get("lon"))}
        for inflected in (key, *_case_variants(key)):
            entries.append(Entry(inflected, "PLACE", f"gazetteer:{row.get('source', '')}",
                                 ambiguous=row.get("ambiguous") in ("1", "true", "True"), attrs=attrs))
    return tuple(entries)


def _case_variants(key: str) -> tuple[str, ...]:
    """«ابو صيدا» is «أبي صيدا» after a preposition, «أبا صيدا» as an object: a name opening
    with one of the five nouns matches in all three cases."""
    first, _, rest = key.partition(" ")
    forms = next((cases for cases in (("ابو", "ابي", "ابا"), ("ذو", "ذي", "ذا")) if first in cases), ())
    return tuple(f"{form} {rest}" for form in forms if form != first) if rest else ()


@cache
def base_entries() -> tuple[Entry, ...]:
    """BASE entries: the full name («قاعدة عين الأسد»), its variants and bare names."""
    entries = []
    for row in _rows(load_yaml("lexicons/bases.yaml"), "bases"):
        attrs = {"canonical": row.get("canonical") or row.get("name"), "kind": row.get("kind"),
                 "country_code": row.get("country"), "lat": _number(row.get("lat")),
                 "lon": _number(row.get("lon"))}
        bares = [row.get("bare")] + [v for v in row.get("variants") or [] if not _headed(_key(v))]
        fulls = [row.get("name")] + [v for v in row.get("variants") or [] if v not in bares]
        for phrase in filter(None, fulls):
            entries.append(Entry(_strip_markers(_key(phrase)), "BASE", "lexicon:bases", attrs=attrs))
        for phrase in filter(None, bares):  # «الظفرة» alone is a PLACE (guidelines §4)
            entries.append(Entry(_strip_markers(_key(phrase)), "PLACE", "lexicon:bases", bare=True,
                                 attrs={**attrs, "kind": "base_site"}))
    return tuple(entries)


@cache
def base_keys() -> frozenset[str]:
    """The normalized full names of the bases lexicon («معسكر الفوار»), variants included."""
    return frozenset(entry.key for entry in base_entries() if entry.label == "BASE")


@cache
def _naming_heads() -> frozenset[str]:
    """Base heads that make the name after them a base on their own (not «مطار», «ميناء»)."""
    return context_words("base_heads") - context_words("base_heads_needing_military_marker")


def _headed(key: str) -> bool:
    """A variant that opens on a base's head noun, the row's or another («قاعدة التيفور» of
    «مطار التيفور», «القاعدة 201»), names the base; one without a head is its bare name, and
    so is an airport's or a port's («مطار معيتيقة» of «قاعدة معيتيقة»): those are PLACEs
    unless the text gives them a military use (guidelines §4)."""
    words, heads = key.split(" "), _naming_heads()
    return len(words) > 1 and (words[0] in heads or strip_al(words[0]) in heads or " ".join(words[:2]) in heads)


def _strip_markers(key: str) -> str:
    """«قاعدة حميميم الجوية» → «قاعدة حميميم»: the span rule leaves the adjective out."""
    words = key.split(" ")
    markers = context_words("military_markers")
    while len(words) > 2 and words[-1] in markers:
        words.pop()
    return " ".join(words)


@cache
def force_entries() -> tuple[Entry, ...]:
    """FORCE entries: national forces (generated) and armed groups with abbreviations."""
    entries = []
    for row in _rows(load_yaml("lexicons/forces.yaml"), "forces"):
        attrs = {"canonical": row.get("canonical") or row.get("name"), "kind": row.get("kind"),
                 "country_code": row.get("country")}
        source = f"lexicon:{row.get('source') or 'forces'}"
        for phrase in filter(None, [row.get("name"), *(row.get("variants") or []), *(row.get("abbreviations") or [])]):
            entries.append(Entry(_key(phrase), "FORCE", source, attrs=attrs))
        for phrase in row.get("short_forms") or []:  # «الحشد»: a word too, checked against its context
            entries.append(Entry(_key(phrase), "FORCE", source, bare=True, attrs=attrs,
                                 hamza_free=not has_hamza_alef(phrase)))
    return tuple(entries)


def all_entries() -> Iterable[Entry]:
    yield from place_entries()
    yield from base_entries()
    yield from force_entries()


@cache
def known_names() -> frozenset[str]:
    """Normalized one-word names (and first words of names) the lexicons hold.

    The proclitic splitter asks this set whether «لقسد» is ل + a name.
    """
    names: set[str] = set()
    for entry in all_entries():
        if entry.ambiguous:
            continue
        first = entry.key.split(" ", 1)[0]
        if len(first) >= 3:
            names.add(first)
            names.add(strip_al(first))
    return frozenset(names)


@cache
def place_keys_of_kind(kind: str) -> frozenset[str]:
    """Gazetteer names of one kind: districts («الأغوار الجنوبية» after Jordan's «لواء» names
    the district, not a brigade), rivers («الضفة الغربية لدجلة» is a bank)."""
    return frozenset(entry.key for entry in place_entries() if entry.attrs.get("kind") == kind)


@cache
def force_keys() -> frozenset[str]:
    """The normalized names of the forces lexicon, variants included («الحشد الشعبي»)."""
    return frozenset(entry.key for entry in force_entries())


@cache
def context_words(name: str, normalized: bool = True) -> frozenset[str]:
    """A word list from ``models/patterns/context.yaml``, normalized for matching NORMs, or
    as written (``normalized=False``) for matching surfaces («علي» must not read as «على»)."""
    data = load_yaml("patterns/context.yaml").get(name, [])
    words = data.keys() if isinstance(data, dict) else data
    return frozenset(_key(str(word)) if normalized else str(word) for word in words)


def with_conjunctions(words: frozenset[str]) -> frozenset[str]:
    """``words`` and their forms behind «و» or «ف», which the splitter leaves on a short word
    («وفي قبريخا», «ومن نوى»: «في» alone is too short to be cut off)."""
    return words | {conjunction + word for word in words if len(word) >= 2 for conjunction in ("و", "ف")}


@cache
def context_groups(name: str) -> dict[str, frozenset[str]]:
    """A mapping of normalized word lists from ``models/patterns/context.yaml``
    («place_force_heads»: the force heads each kind of place takes)."""
    data = load_yaml("patterns/context.yaml").get(name) or {}
    return {str(key): frozenset(_key(str(word)) for word in words) for key, words in data.items()}
