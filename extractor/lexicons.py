"""Lexicon entries from ``models/``: gazetteer places, bases and forces.

Each entry is a normalized phrase (space-separated NORM tokens) with the label
it gives and the attributes it carries (canonical name, country, coordinates),
ready for a ``PhraseMatcher`` on ``NORM``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .normalize import phrase_key, strip_al
from .resources import in_hash_set, load_hash_set, load_tsv, load_word_list, load_yaml
from .text import PROCLITIC_LETTERS

__all__ = [
    "COMPASS_WORDS",
    "common_form",
    "common_words",
    "pronoun_form",
    "Entry",
    "all_entries",
    "base_entries",
    "context_words",
    "force_entries",
    "frequent_adjectives",
    "is_frequent_adjective",
    "heard_of",
    "unheard_of",
    "is_news_word",
    "news_words",
    "known_names",
    "place_entries",
    "time_words",
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
        head = row.get("head") or ""
        bares = [row.get("bare")] + [v for v in row.get("variants") or [] if not
                                      _key(v).startswith(_key(head) + " ")]
        fulls = [row.get("name")] + [v for v in row.get("variants") or [] if v not in bares]
        for phrase in filter(None, fulls):
            entries.append(Entry(_strip_markers(_key(phrase)), "BASE", "lexicon:bases", attrs=attrs))
        for phrase in filter(None, bares):  # «الظفرة» alone is a PLACE (guidelines §4)
            entries.append(Entry(_strip_markers(_key(phrase)), "PLACE", "lexicon:bases", bare=True,
                                 attrs={**attrs, "kind": "base_site"}))
    return tuple(entries)


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
        for phrase in [row.get("name"), *(row.get("variants") or []),
                       *(row.get("abbreviations") or [])]:
            if phrase:
                entries.append(Entry(_key(phrase), "FORCE", f"lexicon:{row.get('source') or 'forces'}",
                                     attrs=attrs))
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


@cache
def frequent_adjectives() -> frozenset[str]:
    """Frequent indefinite words with an adjective's ending (ـية, ـي, ـة): adjectives after a head
    noun («منطقة عازلة», «قرى حدودية»), where a rare one is likely a name («معسكر بسماية»;
    ``models/gazetteer/adjectives.txt``, generated from wordfreq)."""
    return frozenset(load_word_list("gazetteer/adjectives.txt"))


@cache
def frequent_words() -> frozenset[str]:
    """Frequent indefinite Arabic words (``models/gazetteer/frequent_words.txt``, generated
    from wordfreq): after an indefinite unit head, a word not among them is a name."""
    return frozenset(load_word_list("gazetteer/frequent_words.txt"))


def heard_of(norm: str) -> bool:
    """A word form wordfreq gives a Zipf frequency of 2.0 or more (``models/gazetteer/
    heard_words.npy``, hashes generated by ``scripts/build_adjectives.py``): «جملة», «صامطة»;
    not «سيفاري», «دوانزا», «بدنايل», names the news has almost never written."""
    table = load_hash_set("gazetteer/heard_words.npy")
    if not table:
        return True  # no table (another EXTRACTOR_MODELS): every word is heard of, the rule is off
    return in_hash_set(table, norm)


#: What makes a word of the news rare without making it a name: a proclitic or a future
#: prefix before it, a pronoun, a dual, a plural or a nisba after it («بلواءين», «سيعيدنا»,
#: «حصادنا», «الحدوديتين»); ة comes back before a dual's ت («التابعيتين» → «التابعية»).
RARE_PREFIXES = ("ب", "ل", "ك", "ف", "و", "س", "لل", "بال", "وال", "سي", "ست", "سن")
PRONOUN_ENDINGS = (("هما", ""), ("نا", ""), ("ها", ""), ("هم", ""))
DUAL_ENDINGS = (("تين", "ه"), ("ين", ""))
RARE_ENDINGS = (*PRONOUN_ENDINGS, ("ه", ""), *DUAL_ENDINGS, ("تان", "ه"), ("يين", ""), ("ان", ""),
                ("ون", ""), ("وا", ""), ("ات", "ه"), ("ي", ""), ("تا", ""))


def unheard_of(norm: str, prefixes: tuple[str, ...] = RARE_PREFIXES,
               endings: tuple[tuple[str, str], ...] = RARE_ENDINGS, known: frozenset[str] = frozenset()) -> bool:
    """Neither the word nor any stem one of ``prefixes`` and one of ``endings`` leave is heard
    of or ``known`` (nationalities, say): a name the news has all but never written («دوانزا»,
    «يابال»), not a rare form of a word of the news («بلواءين», «حصادنا»)."""
    stems = {norm} | {norm[len(p):] for p in prefixes if norm.startswith(p) and len(norm) - len(p) >= 2}
    stems |= {stem[:-len(e)] + r for stem in list(stems) for e, r in endings
              if stem.endswith(e) and len(stem) - len(e) >= 2}
    return not any(heard_of(stem) or stem in known for stem in stems)


@cache
def news_words() -> frozenset[str]:
    """The news' words, «ال» or not (``models/gazetteer/news_words.txt``, generated from
    wordfreq): beside a place cue, a word not among them is likely a name."""
    return frozenset(load_word_list("gazetteer/news_words.txt"))


def is_news_word(norm: str) -> bool:
    """A word the news uses often («التلة»), or one ANERcorp mostly tags O; not a rare name
    («القسيمة»)."""
    return norm in news_words() or norm in common_words()


#: Possessive pronouns a common noun takes («سياجها», «مقراته», «معسكراتهم»).
_PRONOUNS = ("هما", "هم", "ها", "كما", "كم", "ه")  # «قاطعكم» (not «نا»: «بنينا», «متينا»)
#: سـ + an imperfect prefix, and the endings of the imperfect: «سيقابل», «سيقابلون».
FUTURE_PREFIXES, _VERB_SUFFIXES = ("سي", "ست", "سن"), ("", "ون", "ان", "ين", "وا")
#: Endings of a noun in construct: dual or plural («مخيمي», «قريتين», «محليتي»).
_CONSTRUCT = (("تين", "ه"), ("تي", "ه"), ("ين", ""), ("ي", ""), ("و", "ون"))  # «مسلحو الجماعة»


def future_form(norm: str, prefixes: tuple[str, ...] = FUTURE_PREFIXES) -> bool:
    """سـ + an imperfect prefix on a word long enough to be a verb: «ستبقى», «سننسحب»."""
    return len(norm) >= 5 and norm[:2] in prefixes


def pronoun_form(text: str, norm: str) -> bool:
    """A common noun with a possessive pronoun («رصيفه», «سياجها»), judged on the written form:
    «ة» is a name's ending, «ه» a pronoun."""
    return any(text.endswith(pronoun) and len(norm) - len(pronoun) >= 2 and _noun_before(norm[:-len(pronoun)])
               for pronoun in _PRONOUNS)


#: A past verb's subject and object pronouns together: «تسلّمتموها», «أخليناها», «سلّموها».
VERB_OBJECT_ENDINGS = ("تموها", "تموه", "تموهم", "ناها", "ناهم", "وها", "وهم")


def verb_with_object(norm: str) -> bool:
    """A past verb with its subject and an object pronoun («قاعدة تسلّمتموها»): it names nothing."""
    return len(norm) >= 6 and norm.endswith(VERB_OBJECT_ENDINGS)


def past_plural_form(norm: str) -> bool:
    """A past verb of a plural subject by its ending («انتشروا», «أقاموا»); few names end so."""
    return norm.endswith("وا") and len(norm) > 4


def possessed_form(text: str, norm: str) -> bool:
    """A noun with a pronoun other than a bare ه («زبائنها», «مدينتهم»), or a ه after its ة written ت
    («محتوياته»): a final ه may be a name's ة written ه («حماه»)."""
    return text.endswith((*_PRONOUNS[:-1], "ته")) and pronoun_form(text, norm)


def reads_as(norm: str, listed: frozenset[str]) -> bool:
    """The word is in ``listed``, or is one of them with a proclitic on it («وعدم», «وصناعة»)."""
    return norm in listed or (norm[:1] in PROCLITIC_LETTERS and norm[1:] in listed)


def clitic_pronoun_form(text: str, norm: str) -> bool:
    """A proclitic on a noun with a pronoun («لطائراتها»): it names nothing."""
    return norm[:1] in PROCLITIC_LETTERS and pronoun_form(text[1:], norm[1:])


def _noun_before(stem: str) -> bool:
    """A news word before a pronoun, its ة written ت there («مدينتهم» → مدينة), its ى written ا
    («مستشفاها» → مستشفى), or the plural in ات of one («جاراتها» → جارة)."""
    return is_news_word(stem) or (stem.endswith("ت") and is_news_word(stem[:-1] + "ه")) \
        or (stem.endswith("ا") and len(stem) >= 4 and is_news_word(stem[:-1] + "ي")) \
        or (stem.endswith("ات") and len(stem) >= 5 and is_news_word(stem[:-2] + "ه")) \
        or (stem[-1:] in "ئؤ" and is_news_word(stem[:-1] + "ء"))  # «إخلائه»: a final hamza takes a seat


def common_form(text: str, norm: str) -> bool:
    """A rare form of a common word: a noun with a possessive pronoun, a definite plural
    («المهاجمون»), an indefinite noun in the dual or plural construct («مخيمي», «مسلحو» of
    «مسلحون»; not «كانو», «سونغو»), or سـ + an
    imperfect verb («سيقابلون»). Short
    names read so too («بنين», «سيوة»), so this judges words a cue made candidates, not
    names a tagger found."""
    if pronoun_form(text, norm):
        return True
    if norm.endswith(("ون", "ين")) and len(norm) >= 7 and norm.startswith("الم") \
            and is_news_word(norm[:-2]):
        return True  # «المهاجمون», «المسلحين»: a participle's plural («العطرون» is a name)
    if not norm.startswith("ال"):
        for ending, singular in _CONSTRUCT:
            if norm.endswith(ending) and len(norm) - len(ending) >= 3 \
                    and is_news_word(norm[:-len(ending)] + singular):
                return True
    return future_verb(norm)


def future_verb(norm: str) -> bool:
    """سـ + an imperfect the news uses («ستبقى», «سيقابلون»), not a word that only starts so
    («سيارة», «سنوات», «سيطرة»)."""
    return future_form(norm) and any(len(norm) - len(suffix) >= 5 and is_news_word(norm[1:len(norm) - len(suffix)])
                                     for suffix in _VERB_SUFFIXES)


@cache
def place_name_words() -> frozenset[str]:
    """Normalized names of places and bases and their first words, with and without «ال»
    («حماة», «خربة» of «خربة سلم»); not a force's first word («البحرية» of «البحرية الملكية»)."""
    return frozenset(form for entry in (*place_entries(), *base_entries()) if not entry.ambiguous
                     for first in (entry.key.split(" ", 1)[0],) if len(first) >= 3
                     for form in (first, strip_al(first)))


_PERSON_PREFIXES = {"ي": "ت", "ت": "ي"}
#: The letters an imperfect verb opens with («تنشر», «يتمركز», «نبدأ»).
IMPERFECT_PREFIXES = ("ت", "ي", "ن")


def imperfect_verb_form(norm: str) -> bool:
    """«يضم», «وتتخذ» (its و off): a verb in the imperfect, told by its other person being a word
    frequent too (يضم/تضم, تتخذ/يتخذ), names nothing; «تميم», «يافع», «تين» have no such twin
    (and a known name is never a verb here: «تعز», «يبرود»)."""
    other = _PERSON_PREFIXES.get(norm[:1])
    return other is not None and len(norm) >= 3 and is_news_word(norm) and other + norm[1:] in frequent_words() \
        and norm not in place_name_words()


def _imperfect_plural(norm: str) -> bool:
    return len(norm) >= 6 and norm[:1] in ("ي", "ت") and norm.endswith("ون") and norm not in place_name_words()


def verb_form(norm: str) -> bool:
    """A word that reads as a verb, not a name, once a و is off it: a future with سن/ست
    («سننشر», not «سيكاسو»), an imperfect with a frequent twin person («تتخذ», and its future
    «ستضم»), or a past with
    the feminine ت on a stem of the news («أقامت», «أوقعت»; a plural is no verb's stem:
    «تاركينت») or its dual «تا» («أطلقتا»), or a past plural of the news
    («وأقاموا حواجز»), or an imperfect plural of six letters or more («ويستولون»; «يارون» is a
    village)."""
    return future_form(norm, ("سن", "ست")) or imperfect_verb_form(norm) or _imperfect_plural(norm) \
        or (norm[:1] == "س" and imperfect_verb_form(norm[1:])) \
        or (norm.endswith("ت") and len(norm) >= 4 and is_news_word(norm[:-1])
            and not norm[:-1].endswith(("ين", "ون"))) \
        or (norm.endswith("تا") and len(norm) >= 6 and is_news_word(norm[:-2])) \
        or (past_plural_form(norm) and (norm in news_words() or norm[:-2] in news_words()))


@cache
def _verbal_noun_pattern() -> re.Pattern[str]:
    templates = context_words("verbal_noun_patterns", normalized=False)
    return re.compile("|".join(template.replace("C", r"\w") for template in sorted(templates)))


def verbal_noun_form(norm: str) -> bool:
    """A frequent word on a derived verbal noun's pattern («امداد», «تفتيش»), not a place's name."""
    return bool(_verbal_noun_pattern().fullmatch(norm)) and is_news_word(norm) and norm not in place_name_words()


def is_frequent_adjective(norm: str) -> bool:
    """A frequent adjective-like word that no lexicon holds as a name («عازلة», not «حماة»;
    «قاعدة بحرية» is described, though «البحرية الملكية» is a force's name)."""
    return norm in frequent_adjectives() and norm not in place_name_words()


@cache
def time_words() -> frozenset[str]:
    """One-word weekdays, months and relative days («الخميس», «آذار», «أمس»): a date, never
    part of a name («انسحبت قوات الحكومة السورية الخميس»)."""
    classes = load_yaml("lexicons/time.yaml")["classes"]
    return frozenset(_key(word) for name in ("WD", "MON", "REL") for word in classes[name] if " " not in word)


@cache
def common_words() -> frozenset[str]:
    """Words mostly tagged O in ANERcorp's training split: common words of the news, not
    names (``models/gazetteer/anercorp_common_words.txt``, generated by the gazetteer script)."""
    return frozenset(load_word_list("gazetteer/anercorp_common_words.txt"))
