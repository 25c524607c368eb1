"""When an event happened: which TIME in its clause dates the event, not the report.

A news sentence carries times of three things: the event («انسحبت القوات فجر
الثلاثاء»), the statement that reports it («قال مسؤول يوم الأربعاء إن القوات
ستغادر», guidelines §8) and the dispatch itself («الخليل 27 أيار/مايو 2025 (أ ف ب) -»).
Only the first is the event's ``time``; the other two are left out of the search,
which then falls on the event's own time or on none.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .event_lexicon import noun_forms, words
from .language import doc_text
from .mentions import Mention

#: The dateline's end after its date: an optional agency in brackets, then a dash.
_DATELINE_END = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]{1,2}\s")


def dates_the_dispatch(text: str, time: Mention) -> bool:
    """«الخرطوم 3 سبتمبر 2025 (شينخوا) -- استهدفت»: the date a dateline gives."""
    return _DATELINE_END.match(text, time.end) is not None


def dates_the_statement(doc: Doc, time: Mention, trigger) -> bool:
    """«أعلنت الوزارة، في بيان مساء أمس، أن آخر الجنود غادروا», «أعلنت القيادة، اليوم
    الثلاثاء، تسلّم الفرقة …»: a TIME before the complementizer that opens the trigger's
    clause, or between a verb of saying and the event noun it announces, dates the saying."""
    if time.end > trigger.idx:
        return False
    between = doc.char_span(time.end, trigger.idx, alignment_mode="expand")
    if between is not None and any(token.norm_ in words("statement_complementizers") for token in between):
        return True
    start = doc.char_span(time.start, time.end, alignment_mode="expand")
    if start is None or trigger.norm_ not in noun_forms():
        return False
    sentence_start = trigger.sent.start if doc.has_annotation("SENT_START") else 0
    return any(token.norm_ in words("statement_verbs") for token in doc[max(sentence_start, start.start - 8):start.start])


def in_another_clause(doc: Doc, time: Mention, trigger) -> bool:
    """«… فجر أمس، فيما جرى سحب الفوج الثاني»: a clause break («فيما», «بينما») between an
    earlier TIME and the trigger leaves that time to the clause before."""
    if time.end > trigger.idx:
        return False
    between = doc.char_span(time.end, trigger.idx, alignment_mode="expand")
    return between is not None and any(token.norm_ in words("clause_breaks") for token in between)


def in_a_later_statement(doc: Doc, mention: Mention, trigger) -> bool:
    """«انسحبت القوة من أم برو، مؤكداً أن نحو ٤٠٠ مقاتل يتمركزون …»: a mention after a new
    statement («مؤكداً أن», «وقال») belongs to the clause that statement opens."""
    if mention.start < trigger.idx + len(trigger):
        return False
    between = doc.char_span(trigger.idx + len(trigger), mention.start, alignment_mode="expand")
    return between is not None and any(token.norm_ in words("scope_breaks") for token in between) \
        and any(token.norm_ in words("statement_complementizers") for token in between)


def event_times(doc: Doc, trigger, candidates: list[Mention]) -> list[Mention]:
    """The TIME mentions that may date the event of ``trigger``."""
    text = doc_text(doc)
    return [time for time in candidates if not dates_the_dispatch(text, time)
            and not dates_the_statement(doc, time, trigger) and not in_another_clause(doc, time, trigger)
            and not in_a_later_statement(doc, time, trigger)]
