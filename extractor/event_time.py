"""When an event happened: which TIME in its clause dates the event, not the report.

A news sentence carries times of three things: the event («انسحبت القوات فجر
الثلاثاء»), the statement that reports it («قال مسؤول يوم الأربعاء إن القوات
ستغادر», guidelines §8) and the dispatch itself («الخليل 27 أيار/مايو 2025 (أ ف ب) -»).
Only the first is the event's ``time``; the other two are left out of the search,
which then falls on the event's own time or on none.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc

from .event_lexicon import noun_forms, words
from .language import doc_text, token_norms, token_starts
from .mentions import Mention
from .text import BULLETS, item_start

#: The dateline's end after its date: an optional agency, in brackets or one bare word
#: («الخليل 4-12-2025 وفا- اقتحمت»), then a dash.
_DATELINE_END = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*|[\u0621-\u064A]{2,10}\s*)?[-–—]{1,2}\s")


def _norms_between(doc: Doc, start: int, end: int) -> set[str]:
    """The NORMs of the tokens that overlap ``[start, end)`` (``char_span``'s "expand")."""
    if start >= end:
        return set()
    starts, norms = token_starts(doc), token_norms(doc)
    first = max(bisect_right(starts, start) - 1, 0)
    if first < len(starts) and starts[first] + len(doc[first].text) <= start:
        first += 1  # ``start`` falls after that token's end: the next one is the first
    return set(norms[first:bisect_left(starts, end)])


def dates_the_dispatch(text: str, time: Mention) -> bool:
    """«الخرطوم 3 سبتمبر 2025 (شينخوا) -- استهدفت»: the date a dateline gives."""
    return _DATELINE_END.match(text, time.end) is not None


def dates_the_statement(doc: Doc, time: Mention, trigger, between: set[str], sentence_start: int) -> bool:
    """«أعلنت الوزارة، في بيان مساء أمس، أن آخر الجنود غادروا», «أعلنت القيادة، اليوم
    الثلاثاء، تسلّم الفرقة …»: a TIME before the complementizer that opens the trigger's
    clause (``between`` holds the words from the TIME to the trigger), or between a verb
    of saying and the event noun it announces, dates the saying."""
    if between & words("statement_complementizers"):
        return True
    first = doc.char_span(time.start, time.end, alignment_mode="expand")
    if first is None or trigger.norm_ not in noun_forms():
        return False
    return any(token.norm_ in words("statement_verbs")
               for token in doc[max(sentence_start, first.start - 8):first.start])


def in_a_later_statement(doc: Doc, mention: Mention, trigger) -> bool:
    """«انسحبت القوة من أم برو، مؤكداً أن نحو ٤٠٠ مقاتل يتمركزون …»: a mention after a new
    statement («مؤكداً أن», «وقال») belongs to the clause that statement opens."""
    if mention.start < trigger.idx + len(trigger):
        return False
    between = _norms_between(doc, trigger.idx + len(trigger), mention.start)
    return bool(between & words("scope_breaks") and between & words("statement_complementizers"))


def entry_heading(doc: Doc, trigger, mentions: list[Mention]) -> Mention | None:
    """The TIME heading the trigger's entry in a roundup or a chronology: it opens the line
    (after a bullet, if any) and a colon follows it («الأحد: انتشرت …», «• 2016: أعادت …»),
    also past the day's tally in brackets («الثلاثاء ١٤/٤ (٦ قذائف): استهدفت …»)."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, trigger.idx) + 1
    for time in mentions:
        if time.label == "TIME" and line_start <= time.start < trigger.idx \
                and not text[line_start:time.start].strip(" \t•*-–—") \
                and _colon_follows(text, time.end, trigger.idx):
            return time
    return _heading_line(text, line_start, mentions) or _dated_paragraph(text, line_start, mentions)


def _colon_follows(text: str, end: int, limit: int) -> bool:
    """A colon right after ``end``, or after one bracketed aside closing before ``limit``."""
    rest = text[end:limit].lstrip(" ")
    if rest.startswith("(") and (close := rest.find(")")) > 0:
        rest = rest[close + 1:].lstrip(" ")
    return rest.startswith(":")


def _dated_paragraph(text: str, line_start: int, mentions: list[Mention]) -> Mention | None:
    """«• الاثنين ٢٨ أيلول/سبتمبر» alone on the line right before the trigger's paragraph (a
    day-by-day timeline): that TIME dates the paragraph."""
    end = line_start - 1
    if end <= 0:
        return None
    return _time_alone(text, text.rfind("\n", 0, end) + 1, end, mentions)


def _time_alone(text: str, start: int, end: int, mentions: list[Mention]) -> Mention | None:
    """The TIME that is all of the line ``text[start:end]``, but for a bullet before it and a
    colon after it."""
    return next((m for m in mentions if m.label == "TIME" and start <= m.start and m.end <= end
                 and not text[start:m.start].strip(" \t" + "".join(BULLETS))
                 and not text[m.end:end].strip(" \t:")), None)


def _heading_line(text: str, line_start: int, mentions: list[Mention]) -> Mention | None:
    """«الثلاثاء 7-10-2025» alone on a line, bulleted or time-stamped items under it: the TIME
    heading the items of a bulletin or a live blog dates each of them (the lines between are
    items too)."""
    if item_start(text[line_start:line_start + 12]) is None:
        return None
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line and item_start(line) is None:
            found = _time_alone(text, start, end, mentions)
            if found is not None or not line.endswith(":") or len(line.split()) > 4:
                return found  # «محافظة صنعاء:» heads a group of items under the date: read on up
        end = start - 1
    return None


def event_times(doc: Doc, trigger, candidates: list[Mention], sentence_start: int) -> list[Mention]:
    """The TIME mentions that may date the event of ``trigger``: not a dateline's date; before
    the trigger, not a statement's date nor one a clause break («… فجر أمس، فيما جرى سحب
    الفوج») leaves to the clause before; after it, not one a new statement opens first for."""
    text = doc_text(doc)
    kept = []
    for time in candidates:
        if dates_the_dispatch(text, time):
            continue
        if time.end <= trigger.idx:
            between = _norms_between(doc, time.end, trigger.idx)
            if between & words("clause_breaks") or dates_the_statement(doc, time, trigger, between, sentence_start):
                continue
        elif in_a_later_statement(doc, time, trigger):
            continue
        kept.append(time)
    return kept
