"""QUANTITY: Arabic numbers in full and what they count.

Follows quantulum3's model: a ``Quantity`` has a value (or min/max), a
canonical unit, the surface and its span, and an uncertainty (``qualifier``:
نحو → approx, أكثر من → more_than, بين 500 و700 → range, عشرات → vague).
Numbers may be Western, Eastern Arabic or Persian digits with separators, a
digit plus a scale word (2.5 ألف), or the cardinal grammar in words
(ثلاثة آلاف وخمسمئة). The vocabulary is data: ``models/lexicons/quantities.yaml``.

Scanning runs over normalized word tokens (``normalize_with_offsets``) and
maps every span back to the original text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from .event_lexicon import lookup_trigger
from .lexicons import context_words
from .normalize import (
    normalize_with_offsets,
    original_span,
)
from .number_words import (
    PROCLITICS,
    TOKEN,
    NumberScanner,
    as_number,
    digits,
    parse_number,
    second_number,
)
from .quantity_duals import (
    construct_without_noun,
    dual_of,
    marked_duals,
    nisba_after_dual,
)
from .quantity_lexicon import QuantityLexicon, quantity_lexicon
from .text import CODE_JOINERS
from .word_forms import (
    future_form,
    is_news_word,
    past_plural_form,
    reads_as,
    reads_as_adjective,
)

__all__ = ["Quantity", "find_quantities", "parse_number"]


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    surface: str
    value: int | float | None
    min: int | float | None
    max: int | float | None
    qualifier: str
    unit: str | None
    noun: str | None
    number_start: int
    number_end: int
    score: float
    reason: str


@cache
def _starter_words() -> frozenset[str]:
    """Words a QUANTITY mention can begin with: numbers, vague words, qualifier heads."""
    lex = quantity_lexicon()
    heads = {phrase.split(" ")[0] for phrase in lex.qualifiers}
    return frozenset(lex.words.keys() | lex.vague | heads | lex.range_openers | lex.range_from
                     | lex.duals.keys())


def _match_phrase(tokens: list[str], end: int, phrases: dict[str, str]) -> tuple[str, int] | None:
    """A phrase of ``phrases`` ending right before token ``end``: (qualifier, start)."""
    for width in (4, 3, 2, 1):
        start = end - width
        if start < 0:
            continue
        first = tokens[start]
        for head in (first, first[1:] if first[:1] in PROCLITICS else None):
            phrase = " ".join([head, *tokens[start + 1:end]]) if head else None
            if phrase in phrases:  # «بأكثر من»: the proclitic ب is left out of the span
                return phrases[phrase], start
    return None


def _qualifier_after(tokens: list[str], end: int, qualifier: str, lex: QuantityLexicon) -> str:
    """«على الأقل», «تقريباً» after the counted noun, past up to two adjectives or a weapon's
    genitive («سبعة جنود ماليين على الأقل», «ست قذائف هاون على الأقل»); the span still ends at
    the noun (§6)."""
    at = end
    for _ in range(3):
        if qualifier != "exact":
            return qualifier
        for after_end in (at + 2, at + 1):
            after = _match_phrase(tokens, after_end, lex.after) if after_end <= len(tokens) else None
            if after and after[1] == at:
                return after[0]
        if at >= len(tokens) or not (reads_as_adjective(tokens[at]) or tokens[at] in lex.noun_complements):
            break
        at += 1
    return qualifier


def _unit_at(tokens: list[str], index: int, lex: QuantityLexicon) -> tuple[str, str, int] | None:
    """(unit, noun, end index) of a counted noun at ``index`` (longer nouns first: «طائرات من دون طيار»)."""
    for width in (4, 3, 2, 1):
        if index + width > len(tokens):
            continue
        phrase = " ".join(tokens[index:index + width])
        if phrase in lex.units:
            return lex.units[phrase][0], phrase, index + width
    return None


def _compound_width(tokens: list[str], end: int, noun: str, lex: QuantityLexicon) -> int:
    """How many words after a dual's noun complete a unit of several words (0: none)."""
    return next((width for width in (3, 2, 1) if end + width <= len(tokens)
                 and " ".join([noun, *tokens[end:end + width]]) in lex.units), 0)


def find_quantities(text: str) -> list[Quantity]:
    """Every QUANTITY mention of ``text``, sorted by start."""
    lex = quantity_lexicon()
    norm, offsets = normalize_with_offsets(text)
    matches = list(TOKEN.finditer(norm))
    tokens = [m.group() for m in matches]
    scanner = NumberScanner(tokens, lex, marked_duals(text, offsets, matches, tokens, lex))
    found: list[Quantity] = []
    index = 0
    starters = lex.starters
    while index < len(tokens):
        token = tokens[index]
        anchored = token[:1].isdigit() or token in starters or (token[:1] in PROCLITICS and token[1:] in starters) \
            or index in scanner.marked_duals
        if anchored and token[:1].isdigit() and _in_a_code(text, *original_span(offsets, *matches[index].span())):
            anchored = False  # «A0412/26», «غ-1187»: a reference or a plate number counts nothing
        result = _quantity_at(tokens, index, scanner, lex) if anchored else None
        if result is None:
            index += 1
            continue
        (start, number_start, number_end, end, value, low, high, qualifier, unit, noun, reason) = result
        first, number_first = matches[start].start(), matches[number_start].start()
        head = tokens[start]
        marked = scanner.marked_duals.get(start)
        if head[:1] in PROCLITICS and ((head not in _starter_words() and head[1:] in _starter_words())
                                       or (head not in lex.units and head[1:] in lex.units)
                                       or (marked and not head.startswith(marked[1]))):  # «بزورقَي»
            first += 1  # «وثلاثة جنود», «بأكثر من»: the proclitic is not part of the mention
            number_first += start == number_start
        ostart, oend = original_span(offsets, first, matches[end - 1].end())
        nstart, nend = original_span(offsets, number_first, matches[number_end - 1].end())
        if "\n" in text[ostart:oend]:
            index += 1  # «الجمعة 17/4⏎⏎• دفعت»: a line break ends a count before its noun
            continue
        score = 0.6 if "unknown" in reason else 0.9 if reason.startswith("number+unit") else 0.75
        found.append(Quantity(ostart, oend, text[ostart:oend], as_number(value), as_number(low),
                              as_number(high), qualifier, unit, noun, nstart, nend, score, reason))
        index = end
    found += _definite_counts(text, offsets, matches, tokens, lex, found)
    return _inherit_units(sorted(found, key=lambda q: q.start), text, lex)


def _definite_counts(text: str, offsets, matches, tokens: list[str], lex: QuantityLexicon,
                     found: list[Quantity]) -> list[Quantity]:
    """«النقاط الخمس», «التلال الخمس»: a definite plural of sites and its definite number after it
    (3 to 10) count them (``definite_counts``); the span holds both words."""
    taken = [(q.start, q.end) for q in found]
    counts = []
    for index in range(len(tokens) - 1):
        noun, number = tokens[index], tokens[index + 1]
        unit = lex.units.get(noun)
        kind, value = lex.words.get(number[2:], ("", 0.0)) if number.startswith("ال") else ("", 0.0)
        if not (noun.startswith("ال") and unit and unit[0] in lex.definite_counts and kind == "ones" and 3 <= value <= 10):
            continue
        if index + 2 < len(tokens) and tokens[index + 2] in ("عشر", "عشره"):
            continue  # «المواقع الثلاثة عشر»: a compound number the grammar reads, not this
        start, end = original_span(offsets, matches[index].start(), matches[index + 1].end())
        if any(s < end and start < e for s, e in taken):
            continue
        nstart, nend = original_span(offsets, matches[index + 1].start(), matches[index + 1].end())
        counts.append(Quantity(start, end, text[start:end], as_number(value), None, None, "exact", unit[0], noun,
                               nstart, nend, 0.75, "definite noun + definite number"))
    return counts


def _shared_scale(low: float, last: str, lex: QuantityLexicon) -> float:
    """«بين 5 و10 آلاف جنيه»: a scale word closing the range multiplies its bare lower bound too."""
    found = lex.words.get(last)
    if found is not None and found[0] == "scales" and low < found[1]:
        return low * found[1]
    return low


_ANAPHORA_REACH = 70  # characters: «اثنا عشر جندياً على الأقل من القوات المالية (فاما) وأُصيب ١٧ آخرون»
NEAR_BOUNDS = 10  # an unopened range's upper bound is at most this many times the lower


def _inherit_units(found: list[Quantity], text: str, lex: QuantityLexicon) -> list[Quantity]:
    """«مقتل ١٢ جندياً وإصابة ٩ آخرين»: «آخرين» counts the people the count before it counts (in the
    sentence, a few words back), past a subset in an aside («مقتل ستة أشخاص، بينهم عنصران، وإصابة ١٤ آخرين»)."""
    for index in range(1, len(found)):
        at = index - 1
        while at > 0 and set(text[max(0, found[at].start - 8):found[at].start].split()[-1:]) & lex.subsets:
            at -= 1
        current, previous, between = found[index], found[at], text[found[at].end:found[index].start]
        if current.noun in lex.anaphoric and previous.noun not in lex.anaphoric and previous.unit \
                and previous.unit not in lex.things and len(between) <= _ANAPHORA_REACH \
                and not any(mark in between for mark in ".؟!\n"):
            found[index] = replace(current, unit=previous.unit)
    return found


def _clock_minutes(tokens: list[str], index: int) -> bool:
    """Digits after «HH:» (a clock time), not a count."""
    return tokens[index][:1].isdigit() and index >= 2 and tokens[index - 1] == ":" \
        and tokens[index - 2][:1].isdigit()


def _quantity_at(tokens: list[str], index: int, scanner: NumberScanner, lex: QuantityLexicon):
    token = tokens[index]
    previous = tokens[index - 1] if index else ""
    if previous in lex.not_counts or (previous in lex.digit_names and digits(token) is not None) \
            or (lex.words.get(token, ("", 0.0))[1] == 10.0 and previous in context_words("ordinals")):
        return None  # «الرابع عشر», «الحادية عشرة ليلاً»: the second word of an ordinal
    if _clock_minutes(tokens, index):
        return None  # «٠٧:٥٠ وصلت …»: the minutes of a live blog's time stamp count nothing
    dual = dual_of(token, lex) or scanner.marked_duals.get(index)
    if dual is not None and (construct_without_noun(tokens, index, lex, dual[0]) or index - 1 in scanner.marked_duals
                             or (index and token in lex.duals and dual_of(tokens[index - 1], lex) is not None)):
        return None  # «مقيمَين يمنيَّين», «بندقيتين آليتين»: a dual after another agrees with it, an adjective
    if dual is not None and nisba_after_dual(tokens, index, dual[1]):
        return None  # «مصدران عسكريان», «جيبان عسكريان»: a nisba agrees with the dual before it
    if dual is not None:  # «جنديان», «صاروخين», «بطائرتين», «عسكريَّين»: the dual noun alone counts two
        unit, noun = dual
        end = index + 1
        if end < len(tokens) and scanner.word(end, False) == ("ones", 2.0):
            end += 1  # «جنديين اثنين»
        elif (width := _compound_width(tokens, end, noun, lex)):
            unit, noun = lex.units[" ".join([noun, *tokens[end:end + width]])]  # «ناقلتي جند», «طائرتان
            end += width  # من دون طيار»: the dual of a noun of several words
        elif end < len(tokens) and (adjective := lex.duals.get(tokens[end])) and not adjective[1].endswith("ي") \
                and unit.isascii() and adjective[0] != unit:  # (not «بندقيتين آليتين»: rifles)
            unit, noun = adjective  # «طائرتين مسيرتين»: the adjective says what they are
            end += 1  # (a plain adjective, «حربيتين», «عسكريان», stays outside: guidelines §6)
        qualifier, start = _match_phrase(tokens, index, lex.qualifiers) or ("exact", index)
        if end + 1 < len(tokens) and tokens[end] in lex.range_or and qualifier == "exact" \
                and (other := scanner.word(end + 1, False)) and other[0] == "ones" and other[1] > 2:
            return (start, index, end + 2, end + 2, None, 2, other[1], "range", unit, noun,
                    f"dual-noun-or-number:{unit}")  # «قاعدتين أو ثلاث»
        qualifier = _qualifier_after(tokens, end, qualifier, lex)  # «قتيلين على الأقل»
        return (start, index, end, end, 2, None, None, qualifier, unit, noun, f"dual-noun:{unit}")
    bare = token[1:] if token[:1] in PROCLITICS and token not in lex.vague else token  # «بعشرات»
    vague = token in lex.vague or bare in lex.vague  # not «عدد من»: no count (guidelines §6's list)
    parsed = None if vague else scanner.number(index)
    if not vague and parsed is None:
        return None
    value, number_end = (None, index + 1) if vague else parsed
    while vague and number_end < len(tokens) and tokens[number_end] in lex.vague:
        number_end += 1  # «بضع مئات», «مئات الآلاف»: one vague count
    low, high, qualifier, start = None, None, "vague" if vague else "exact", index
    if not vague:
        opened = reads_as(tokens[index - 1] if index else "", lex.range_openers | lex.range_from)
        if opened or (number_end < len(tokens) and tokens[number_end] in lex.range_to_unopened):  # «في 40 إلى 50 نقطة»
            second = second_number(tokens, number_end, lex)  # «وبين 150 و200 عنصر» too
            if second is not None and (opened or value < second[0] <= NEAR_BOUNDS * value):  # not «2023 إلى 40602»
                low, high, value = _shared_scale(value, tokens[second[1] - 1], lex), second[0], None
                qualifier, number_end, start = "range", second[1], index - opened
                if index >= 2 and f"{tokens[index - 2]} {tokens[index - 1]}" in lex.range_openers:
                    start = index - 2  # «ما بين 4 و5 آلاف جندي»: the opener's two words
        if qualifier == "exact":
            phrase = _match_phrase(tokens, index, lex.qualifiers)
            if phrase:
                qualifier, start = phrase
    before = tokens[index - 1] if index else ""
    if not vague and value in (1, 2) and not token[:1].isdigit() and reads_as(before, lex.units) \
            and qualifier == "exact" and token[:1] not in ("ل", "ب", "ك") and token not in lex.one_of \
            and not _one_by_one(tokens, number_end, token, lex):
        # «قاعدة واحدة», «بكتيبة واحدة»: the noun comes first (not «المركبات واحدة واحدة»,
        # «واحدة تلو الأخرى»: one by one; nor «مركبة أحد المستوطنين», «منزلاً لأحد كبار المهربين»: «one of»)
        unit, noun = lex.units[before if before in lex.units else before[1:]]
        return (index - 1, index, number_end, number_end, value, low, high, qualifier, unit, noun,
                f"unit+number-word:{unit}")
    if (bare in lex.one_of or (value == 1 and not token[:1].isdigit())) and number_end == index + 1:
        return None  # «أحد مواقعكم»: one of them (a teen, «أحد عشر», read on); «واحدة» follows its noun
    if lex.words.get(bare, ("", 0.0))[0] == "fraction" and number_end == index + 1 \
            and not _fraction_of_a_unit(tokens, number_end, lex):
        return None  # «نصف المساحة», «فقدت نصف قاعدة زبائنها», «ربع ساعة»: a share, no count
    noun_at = number_end
    partitive = noun_at + 1 < len(tokens) and tokens[noun_at] == "من" and (vague or _group(tokens, noun_at + 1, lex))
    noun_at += partitive  # «عشرات من الجنود», «سبعة من المتسللين»: a count out of a group
    unit_found = _unit_at(tokens, noun_at, lex) if noun_at < len(tokens) else None
    if unit_found is None and noun_at < len(tokens) and tokens[noun_at] == "%":
        unit_found = ("percent", "%", noun_at + 1)
    if unit_found is not None and noun_at == number_end and not vague \
            and tokens[noun_at].startswith("ال") and tokens[noun_at][2:] in lex.units:
        return None  # «البرج 22 العسكري», «أحد الجرحى»: a name or «one of», not a count
    if unit_found is None and noun_at < len(tokens) and bare not in lex.vague_needing_unit:
        unit_found = _unknown_noun(tokens, noun_at, value, vague or partitive, lex)
    if unit_found is not None:
        unit, noun, end = unit_found
        qualifier = _qualifier_after(tokens, end, qualifier, lex)
        known = unit in lex.unit_names or unit == "percent"
        reason = f"number+unit:{unit}" if known else f"number+unknown-noun:{unit}"
        return (start, index, number_end, end, value, low, high, qualifier, unit, noun, reason)
    linked = _linked_noun(tokens, start, lex)
    if linked is not None and not vague:
        noun_start, unit, noun = linked
        return (noun_start, index, number_end, number_end, value, low, high, qualifier, unit, noun,
                f"noun+count-link:{unit}")
    return None


def _in_a_code(text: str, start: int, end: int) -> bool:
    """Digits that a «/» or «-» joins, with no space, to a word holding a letter («A0412/26»,
    «غ-1187», «إف-16»), or that follow a Latin letter («T2»): a code, not a count («بين
    500-700 جندي» has no letter)."""
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    glued = text[left:start]
    if glued[-1:].isascii() and glued[-1:].isalpha():
        return True  # «محطة T2», «طائرات F16», «MQ9»: digits glued to a Latin letter name a thing
    return glued.endswith(CODE_JOINERS) and any(ch.isalpha() for ch in glued)


def _one_by_one(tokens: list[str], at: int, number: str, lex: QuantityLexicon) -> bool:
    """«واحدة واحدة», «واحدة تلو الأخرى»: the number said again, or ``one_by_one`` after it."""
    following = tokens[at] if at < len(tokens) else ""
    return following == number or following in lex.one_by_one


def _fraction_of_a_unit(tokens: list[str], at: int, lex: QuantityLexicon) -> bool:
    """«نصف كتيبة», «بربع سرية»: a fraction counts a share of an indefinite unit noun that is in
    construct with nothing definite or possessed («نصف قاعدة زبائنها» is half of a customer base)."""
    if at >= len(tokens) or tokens[at] not in lex.units or tokens[at].startswith("ال"):
        return False
    following = tokens[at + 1] if at + 1 < len(tokens) else ""
    if following in lex.not_nouns:
        return True  # «نصف كتيبة إلى المعبر»: «إلى» starts like an article
    return not following.startswith("ال") and not (following.isalpha() and len(following) > 3
                                                     and following.endswith(("ها", "هم", "هما")))


def _group(tokens: list[str], at: int, lex: QuantityLexicon) -> bool:
    """A definite counted noun, or a definite sound plural of people («المتسللين»), after «من»."""
    word = tokens[at]
    return word.startswith("ال") and (_unit_at(tokens, at, lex) is not None
                                      or (word.endswith(("ين", "ون")) and len(word) > 5))


def _event_word(noun: str) -> bool:
    """A trigger verb, or a trigger noun without the accusative a counted noun takes («قوات ٧٠
    تسليم»; «14 كميناً» counts Egypt's checkpoints)."""
    found = lookup_trigger(noun)
    return found is not None and (found[1] != "noun" or not noun.endswith("ا"))


def _unknown_noun(tokens: list[str], at: int, value, vague: bool,
                  lex: QuantityLexicon) -> tuple[str, str, int] | None:
    """A counted noun no lexicon lists («12 دولة»): its normalized form is the unit."""
    noun = tokens[at]
    if noun in lex.not_counted or noun in lex.not_nouns or not noun.isalpha() or len(noun) < 3 \
            or past_plural_form(noun) or (future_form(noun) and is_news_word(noun[1:])) or _event_word(noun):
        return None  # «عددهم 500 انتشروا», «الفرقة 54 ستتمركز», «للواء 52 انتشرا», «قوات ٧٠ نشر»: a verb
        # or an event's word counts nothing (an imperfect after سـ that the news uses; «سيطرات» is a noun)
    if noun in lex.words or noun in lex.vague or (noun.startswith("ال") and not vague) \
            or (noun[:1] == "و" and (noun[1:] in lex.units or noun[1:3] == "ال")):
        return None  # «القاعدة 17 والمعسكر 27», «12 وقاعدة»: و opens the next phrase, no counted noun
    if noun.startswith("لل") or noun in lex.dates:
        return None  # «الرقم 1330 للإبلاغ»: a preposition's phrase; «مدرسة 30 يونيو»: a date, no count
    if value is not None and 1900 <= value <= 2100:
        return None  # a year
    return lex.singular(noun), noun, at + 1


def _linked_noun(tokens: list[str], start: int, lex: QuantityLexicon) -> tuple[int, str, str] | None:
    """«جنود يبلغ عددهم 500»: the counted noun stands before a count link."""
    for width in (2, 1):
        link_start = start - width
        if link_start >= 1 and " ".join(tokens[link_start:start]) in lex.links:
            for back in (1, 2):
                noun_at = link_start - back
                if noun_at >= 0 and tokens[noun_at] in lex.units:
                    unit, noun = lex.units[tokens[noun_at]]
                    return noun_at, unit, noun
    return None
