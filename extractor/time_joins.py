"""TIME mentions completed across the text, once the grammar has found them: a year heading a
chronology's entry is a date, a month «of the same year» takes the year of the date before it,
a day «of the same month» («١٢ منه») takes the month of the date before it, and a weekday and
the date right after it are one mention (guidelines §7)."""

from __future__ import annotations

import datetime as dt
import re

from .calendar_math import GREGORIAN
from .normalize import phrase_key as _key
from .time_grammar import Lexicon, TimeExpression

__all__ = ["SAME_MONTH", "complete_times"]

SAME_MONTH = "a day of the month dated before"  # the reason ``times`` gives «١٢ منه»


def complete_times(times: list[TimeExpression], text: str, lex: Lexicon) -> list[TimeExpression]:
    """The grammar's mentions, with entry years added and same-year months and weekday dates joined."""
    times = _same_month(sorted(times + _entry_years(text, times), key=lambda t: t.start))
    return _same_year(_join_weekday_dates(times, text, lex), text, lex)


_ENTRY_YEAR = re.compile(r"(?m)^[ \t]*(?:[•*\-–—][ \t]*)?((?:19|20)\d\d|[١٢][٠-٩]{3})[ \t]*:")


def _entry_years(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """«• 2016: أعادت القوة تموضع …»: a year heading an entry of a chronology is a date."""
    years = []
    for match in _ENTRY_YEAR.finditer(text):
        start, end = match.span(1)
        if any(t.start < end and start < t.end for t in found):
            continue
        year = str(int(match.group(1).translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))))
        years.append(TimeExpression(start, end, text[start:end], year, None, "year", GREGORIAN, 0.8,
                                    "entry_year: a year heading a chronology's entry"))
    return years


def _same_month(times: list[TimeExpression]) -> list[TimeExpression]:
    """«الخميس ١٠ تشرين الأول … • السبت ١٢ منه»: the day takes the year and month of the last
    Gregorian date or month before it (the article's month, when none is)."""
    out: list[TimeExpression] = []
    for time in times:
        if time.reason.endswith(SAME_MONTH) and time.value:
            anchor = next((t for t in reversed(out) if t.calendar == GREGORIAN and t.kind != "duration"
                           and re.match(r"\d{4}-\d\d", t.value or "")), None)
            value = (anchor.value[:8] if anchor else time.value[:8]) + time.value[8:10]
            try:
                value = dt.date.fromisoformat(value).isoformat()
            except ValueError:
                value = None  # «٣١ منه» in a month of thirty days
            time = TimeExpression(time.start, time.end, time.text, value, time.mod, time.kind, time.calendar,
                                  time.score, f"{time.reason}: «{anchor.text}»" if anchor else time.reason)
        out.append(time)
    return out


def _same_year(times: list[TimeExpression], text: str, lex: Lexicon) -> list[TimeExpression]:
    """«في آذار 2024 … ثم في ديسمبر/كانون الأول من العام نفسه»: a month the text places in the
    year of the date before it takes that year, and the phrase joins the mention (guidelines §7)."""
    out: list[TimeExpression] = []
    for time in times:
        same = lex.same_year.match(text, time.end) if time.value and time.calendar == GREGORIAN else None
        anchor = same and next((t for t in reversed(out) if t.value and t.value[:4].isdigit()
                                and t.kind != "duration"), None)
        if anchor:
            time = TimeExpression(time.start, same.end(), text[time.start:same.end()], anchor.value[:4] + time.value[4:],
                                  time.mod, time.kind, time.calendar, time.score,
                                  f"{time.reason}; the year of «{anchor.text}»")
        out.append(time)
    return out


def _join_weekday_dates(times: list[TimeExpression], text: str, lex: Lexicon) -> list[TimeExpression]:
    """«اليوم الأربعاء 14 جمادى الأولى 1447هـ», «يوم الثلاثاء الموافق 17/6/2025»: a weekday
    and the day-precise date right after it are one TIME, valued by the date (guidelines §7)."""
    joined: list[TimeExpression] = []
    merged = False  # one date per weekday: «الأربعاء 14 جمادى الأولى 1447هـ الموافق 5 تشرين الثاني» is two
    # (and a weekday the grammar already read with its date joins nothing more)
    for time in times:
        previous = joined[-1] if joined and not merged else None
        merged = False
        between = _key(text[previous.end:time.start]) if previous else ""
        if previous is not None and previous.kind in ("weekday", "relative") and len(time.value or "") == 10 \
                and "\n" not in text[previous.end:time.start] \
                and (not between or lex.get("JOIN", between)) \
                and any(lex.get("WD", word) for word in _key(previous.text).split()):
            joined[-1] = TimeExpression(previous.start, time.end, text[previous.start:time.end], time.value,
                                        time.mod, time.kind, time.calendar, time.score,
                                        f"{previous.reason.split(':')[0]} + {time.reason}")
            merged = True
            continue
        joined.append(time)
    return joined
