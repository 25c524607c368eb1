"""Word sets read from the place gazetteer and the context lexicons, shared by the
recognizers, the context patterns and the place filters (one copy, cached once)."""

from __future__ import annotations

from functools import cache
from typing import Any

from spacy.tokens import Doc

from .lexicons import _key, all_entries, context_words
from .resources import load_yaml

__all__ = ["JOINERS", "LIST_ENDS", "adjectival_cues", "after_preposition", "after_preposition_descriptors",
           "nationality_adjectives", "place_cues", "place_first_words", "place_keys", "place_names",
           "proximity_cue"]

JOINERS = frozenset({"و", "،", ","})  # what joins the members of a list of names
#: What may close a list: after «الكويت، نفى» a comma opens a clause, not a list.
LIST_ENDS = frozenset({".", "؛", ":", ")", "»", "-", "–"})


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
def place_names() -> frozenset[str]:
    """One-word gazetteer names (places only)."""
    return frozenset(key for key in place_keys() if " " not in key)


@cache
def place_keys() -> frozenset[str]:
    """Every gazetteer place name, as a normalized key («البحر الاحمر»)."""
    return frozenset(e.key for e in all_entries() if e.label == "PLACE")


@cache
def place_first_words() -> frozenset[str]:
    """The first word of every gazetteer place name («صير» of «صير بني ياس»)."""
    return frozenset(key.split(" ", 1)[0] for key in place_keys())


@cache
def place_cues() -> frozenset[str]:
    """What may stand before a name that is also a common word («قرب سرت», «تخوم سرت», «مدينة الباب»)."""
    return context_words("place_cues") | context_words("rare_place_cues") | context_words("place_descriptors")


@cache
def adjectival_cues() -> frozenset[str]:
    return context_words("place_descriptors_after_preposition")


@cache
def after_preposition_descriptors() -> frozenset[str]:
    """Descriptors that introduce an unknown name only after a preposition: the adjectival ones
    («محلية») and the provinces («إقليم»); as cues for a known name only the first need one."""
    return adjectival_cues() | context_words("province_descriptors")


def after_preposition(doc: Doc, index: int) -> bool:
    """A proclitic preposition or a preposition of place right before token ``index`` («في محلية»,
    «بمحلية»; not the conjunction of «مصادر أمنية ومحلية»)."""
    return index > 0 and ((doc[index - 1]._.is_clitic and doc[index - 1].norm_ not in ("و", "ف"))
                          or doc[index - 1].norm_ in context_words("place_list_prepositions"))


def proximity_cue(norms: list[str], index: int) -> str | None:
    """An adjective of nearness and its preposition just before token ``index`` («المحيطة ب»,
    «المحاذي ل», «القريبة من»), which cue the name after them."""
    if index < 2 or norms[index - 1] not in context_words("proximity_prepositions") \
            or norms[index - 2] not in context_words("proximity_adjectives") \
            or norms[index - 1] == "ل" and index < len(norms) and norms[index].startswith("ال"):
        return None  # «المحاذية للبحيرة»: a common noun, «ال» restored after «ل»
    return f"{norms[index - 2]} {norms[index - 1]}"
