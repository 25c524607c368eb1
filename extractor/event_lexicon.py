"""The trigger lexicon (``models/lexicons/triggers.yaml``) as lookup tables.

Kept apart from the event rules so the rules read as rules; every table is
built once and cached.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from .lexicons import _key
from .resources import load_yaml
from .word_forms import reads_as, time_words

__all__ = ["verb_before_pronoun", "blockers", "civil_form", "civil_words", "config", "governing_verbs", "lookup_trigger", "opens_aside", "trigger_tense", "published_text",
           "relative_auxiliaries", "trigger_index", "words"]


def config() -> dict[str, Any]:
    return load_yaml("lexicons/triggers.yaml")


def _forms(tenses: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """Normalized trigger form → (event type, tense), the first of ``tenses`` winning."""
    index: dict[str, tuple[str, str]] = {}
    for event_type, spec in config().get("types", {}).items():
        for tense in tenses:
            for form in spec.get(tense, []):
                index.setdefault(_key(form), (event_type, tense))
    return index


@cache
def trigger_index() -> dict[str, tuple[str, str]]:
    """Normalized trigger form → (event type, tense); a form that is noun and verb is a noun."""
    return _forms(("noun", "past", "present", "future"))


@cache
def verb_index() -> dict[str, tuple[str, str]]:
    """The verb forms alone, so a form written like a verbal noun («تمركز», «حشد») still takes
    a verb's agreement suffix («تمركزوا», «حشدوا»)."""
    return _forms(("past", "present", "future"))


@cache
def noun_forms() -> frozenset[str]:
    """The verbal nouns of every type (a form may also be a verb: «قصف»)."""
    return frozenset(_key(form) for spec in config().get("types", {}).values() for form in spec.get("noun", []))


@cache
def words(section: str, key: str | None = None) -> frozenset[str]:
    data = config().get(section, {})
    if key is not None:
        data = data.get(key, [])
    return frozenset(_key(word) for word in data)


@cache
def enclitics() -> tuple[str, ...]:
    return tuple(sorted(words("enclitics"), key=len, reverse=True))


def without_enclitic(norm: str) -> str:
    """«تتسلمها» → تتسلم, «تسلّمه» → تسلم: the verb or noun without its object or possessive
    pronoun (ه only where the form without it is a trigger: ه is also ة)."""
    for suffix in enclitics():
        if norm.endswith(suffix) and len(norm) - len(suffix) >= 3:
            return norm[: -len(suffix)]
    if norm.endswith("ه") and len(norm) >= 4 and norm[:-1] in trigger_index():
        return norm[:-1]
    return norm


def found_before(norms: list[str], start: int, stop: int, wanted: frozenset[str],
                 stops: frozenset[str] = frozenset()) -> bool:
    """Whether a word of ``wanted`` (one word or two) stands in ``norms[stop:start]``, read
    backwards from ``start``, before any word of ``stops``."""
    for at in range(start - 1, stop - 1, -1):
        pair = f"{norms[at]} {norms[at + 1]}" if at + 1 < len(norms) else norms[at]
        if norms[at] in wanted or pair in wanted:
            return True
        if norms[at] in stops or pair in stops:
            return False
    return False


@cache
def words_of(*sections: str) -> frozenset[str]:
    """The union of several word lists, built once: rules test a token against it per trigger."""
    return frozenset().union(*(words(section) for section in sections))


def blockers() -> frozenset[str]:
    return words_of("negators", "hypothetical", "not_events")


@cache
def governing_verbs() -> frozenset[str]:
    """Verbs governing an event noun («وبدأ الانسحاب»): their agreement refers to the actor."""
    return frozenset().union(*(words("status_governors", s) for s in config()["status_governors"]))


@cache
def civil_words(event_type: str) -> frozenset[str]:
    return words("civil_context", "all") | words("civil_context", event_type)


def _we_form(norm: str) -> tuple[str, str] | None:
    """«نغلق», «سنسلّمها»: the first person plural of a present trigger (ن for ي), with سـ
    its future; a quote's «we» (the speaker's force does it, ``event_parties``)."""
    future = norm.startswith("سن")
    stem = norm[2:] if future else norm[1:]
    if not norm.startswith(("ن", "سن")) or len(stem) < 3:
        return None
    found = lookup_trigger("ي" + stem)
    if found is None or found[1] != "present":
        return None
    return found[0], "future" if future else "present"


def says_we(norm: str) -> bool:
    """A trigger in the first person plural: «سحبنا», «ضرباتنا», «نغلق», «سنسلّمها» (not «كميناً»)."""
    return (norm.endswith("نا") and norm[:-2] in trigger_index()) or (
        norm not in trigger_index() and _we_form(norm) is not None)


def we_govern(norm: str) -> bool:
    """A verb governing an event noun in the first person plural, a proclitic on it or not: a
    status governor + «نا» («قررنا إغلاق», «وبدأنا الانسحاب»), or a ``first_person_governors`` («أعدنا تموضع»)."""
    return norm.endswith("نا") and (reads_as(norm[:-2], governing_verbs())
                                    or reads_as(norm, words("first_person_governors")))


def our_troops(norm: str, pronouns: tuple[str, ...] = ("نا",)) -> bool:
    """Troops with «our» on them, a proclitic or not («وقواتنا», «مقاتلونا», «مقاتلينا», «كتيبتنا»):
    a member noun + «نا» (the plural's ن dropped, the ة written ت); or + another of ``pronouns``
    («قواته»: a speaker's «his» troops)."""
    members = words("member_nouns")
    stems = (norm[:-len(pronoun)] for pronoun in pronouns if norm.endswith(pronoun))
    return any(reads_as(form, members) for stem in stems
               for form in (stem, stem + "ن", stem[:-1] + "ه" if stem.endswith("ت") else stem))


@lru_cache(maxsize=1 << 16)  # called for every token: words repeat across articles
def lookup_trigger(norm: str) -> tuple[str, str] | None:
    """(type, tense) of a token NORM, also through a pronoun suffix («انسحابها»)."""
    index = trigger_index()
    if norm in index:
        return index[norm]
    if norm in words("ta_marbuta_lookalikes"):
        return None  # «نبدأ نشرتنا»: our bulletin, not «نشرت» + «نا»
    if norm.endswith("ه"):
        found = _with_object_pronoun(index, norm[:-1])
        if found is not None:
            return found
    if norm[:1] == "س" and index.get(norm[1:], ("", ""))[1] == "present":
        return index[norm[1:]][0], "future"  # «سيدفع», «ستتسلم»: سـ + any present form
    if (we := _we_form(norm)) is not None:
        return we
    for suffix in enclitics():
        stem = norm[: -len(suffix)]
        if norm.endswith(suffix) and len(stem) >= 3:
            for candidate in (stem, stem[:-1] + "ه" if stem.endswith("ت") else stem,
                              stem[:-1] + "ء" if stem.endswith(("ئ", "ي", "ؤ")) else stem,  # «إخلائها»
                              stem[:-1] + "ي" if stem.endswith("ا") else stem,  # «أخلاها»: ى written ا
                              stem + "ا" if stem.endswith("و") else stem):  # «أخلوها»: the plural's ا drops
                if candidate in index:
                    return index[candidate]
    if norm.endswith("ا") and norm[:-1] in noun_forms() and norm not in words("adverbial_forms"):
        return index[norm[:-1]][0], "noun"  # accusative «قصفاً», «كميناً»
    for suffix in _AGREEMENT:  # «ستغادران», «استهدفتا», «ينسحبون»: a verb agreeing with a dual or plural
        stem = norm[: -len(suffix)]
        if suffix == "ا" and not stem.endswith("ت") and len(stem) < 4:
            continue  # «استهدفتا», «انتشرا»: «فجرا» is "at dawn", not «فجّر»
        verb = verb_index().get(stem)  # «تمركزوا», «حشدوا»: a stem that is also a noun is a verb here
        if norm.endswith(suffix) and len(stem) >= 3 and verb is not None \
                and not (suffix in ("ان", "ون") and verb[1] == "past"):
            return verb  # («سلمان» is a name: a past verb takes no ان)
    if norm[:1] in ("و", "ف") and len(norm) >= 5:
        return lookup_trigger(norm[1:])  # «وتسليمها»: the splitter keeps و on a word with a pronoun
    return None


def trigger_tense(norm: str) -> str:
    """The tense of a trigger NORM («noun», «past», «present», «future»), or "" for no trigger."""
    found = lookup_trigger(norm)
    return found[1] if found else ""


_AGREEMENT = ("ان", "ون", "وا", "ا")


def _with_object_pronoun(index: dict[str, tuple[str, str]], stem: str) -> tuple[str, str] | None:
    """A trigger carrying ه, which normalization shares with ة, so only where ة cannot be:
    on a noun («انسحابه») or after a verb's own ending («أخلته», «سلّموه», «أخلاه»)."""
    if index.get(stem, ("", ""))[1] == "noun":
        return index[stem]
    if stem.endswith("ت") and index.get(stem[:-1] + "ه", ("", ""))[1] == "noun":
        return index[stem[:-1] + "ه"]  # «غارته»: ة is written ت before a pronoun
    verb = verb_before_pronoun(stem + "ه")
    return index[verb] if verb is not None else None


def verb_before_pronoun(norm: str) -> str | None:
    """The verb trigger form under an object pronoun: «أخلته» → أخلت, «سلّموه» → سلموا,
    «أخلاه», «أخلاها» → أخلى, «أغلقها» → أغلق; None when ``norm`` is no such verb. After ه
    (which normalization shares with ة) only a verb ending or a present stem counts («أخلته»,
    «تخليه», not «غارته»)."""
    index = trigger_index()
    if norm[:1] in ("و", "ف") and norm[1:] not in index and (verb := verb_before_pronoun(norm[1:])):
        return verb  # «فأخلاه»: the conjunction stays on a word with a pronoun
    for suffix in ("هما", "هم", "ها", "ه"):
        stem = norm[: -len(suffix)]
        if not norm.endswith(suffix) or len(stem) < 3:
            continue
        if suffix != "ه" and index.get(stem, ("", "noun"))[1] != "noun":
            return stem  # «أغلقها»
        if stem[:1] in ("ي", "ت", "ن", "س") and index.get(stem, ("", "noun"))[1] in ("present", "future"):
            return stem  # «قبل أن تُخليه», «على أن يغادره»: no noun in ة is spelled like a present verb
        for ending, restored in (("ت", "ت"), ("و", "وا"), ("ا", "ي")):
            candidate = stem[: -len(ending)] + restored
            if stem.endswith(ending) and index.get(candidate, ("", "noun"))[1] != "noun":
                return candidate
        return None
    return None


@cache
def relative_auxiliaries() -> frozenset[str]:
    """Verbs between a relative and its trigger that keep the clause's subject and place («التي
    كانت تتمركز فيها», «حيث بات يتمركز», «حيث لا تزال تنتشر»): ``relative_auxiliaries`` and the
    status governors of completed and ongoing events."""
    return words("relative_auxiliaries") | words("status_governors", "completed") | words("status_governors", "ongoing")


def published_text(doc, token) -> bool:
    """A text published, heading a construct («نص الإحاطة», «جدول حملاتها»; not «منصات النفط»);
    a schedule or a text heads an indefinite one too («جدول مواعيد»: not «صور وضواحيها», Tyre)."""
    following = doc[token.i + 1].norm_ if token.i + 1 < len(doc) else ""
    return token.norm_ in words("publication_heads") and (
        following.startswith("ال") or following.endswith("ها")
        or (token.norm_ in words("publication_heads_of_any_construct") and following.isalpha()))


def opens_aside(norms: list[str], at: int) -> bool:
    """«بحسب», «وفق», «وبحسب», «في بيان»: the words at ``at`` open an aside of attribution (not
    «وفق» read as و + «فق»)."""
    asides, norm = words("attribution_asides"), norms[at]
    return norm in asides or (norm[:1] == "و" and norm[1:] in asides) \
        or (at + 1 < len(norms) and f"{norm} {norms[at + 1]}" in asides)


def civil_form(norm: str, civil: frozenset[str], conjoined: bool = False) -> bool:
    """A civil word, bare, possessed («تقريرها»), accusative («مقطعاً») or, before the trigger
    (``conjoined``), behind a «و» the splitter left on it («وأوامر إخلاء»; after it, «و»
    opens another conjunct: «مستودعات أسلحة ومنصات إطلاق»)."""
    for form in (norm, norm[1:] if conjoined and norm.startswith("و") and len(norm) > 3 else ""):
        if form and (form in civil or (form.endswith(("ها", "هم")) and form[:-2] in civil)
                     or (form.endswith("ا") and form[:-1] in civil)):
            return True
    return False


def other_reading(norms: list[str], at: int, start: int, end: int) -> bool:
    """A trigger form read otherwise: after an event noun, its adjective («لهجوم غادر»,
    ``adjective_readings``); after an adjective of extent, the noun it qualifies («منشور واسع
    الانتشار», ``extent_adjectives``); before a day word, a part of the day («حتى فجر اليوم
    التالي», «فجر الأحد»: dawn, not «فجّر»; ``day_part_readings``); before an adjective of a
    bulletin, a bulletin («نشرته المسائية»); after «على» or an attack verb, a position («هجوم
    بمسيّرة على تمركز قرب العجيلات», ``position_nouns``)."""
    norm = norms[at]
    return (at > start and norm in words("position_nouns") and norms[at - 1] in words("position_governors")) \
        or (at > start and norm in words("adjective_readings")
            and trigger_tense(norms[at - 1]) == "noun") \
        or (at > start and norm.startswith("ال") and norms[at - 1] in words("extent_adjectives")) \
        or (norm in words("day_part_readings") and at + 1 < end and norms[at + 1] in time_words()) \
        or (norm in words("bulletin_forms") and at + 1 < end and norms[at + 1] in words("bulletin_adjectives"))
