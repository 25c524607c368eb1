"""Calendar arithmetic for resolving relative dates: a month seen from the article's
month, a weekday before or after it, a day/week/month/year shifted, and a Hijri
day turned Gregorian. Kept apart from the date grammar in ``times``.
"""

from __future__ import annotations

import datetime as dt

from hijridate import Gregorian, Hijri

__all__ = ["GREGORIAN", "HIJRI", "day_of", "feast_day", "month_week", "occurrence", "shift_month", "shifted",
           "weekday_near"]

GREGORIAN, HIJRI = "gregorian", "hijri"


def shift_month(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + k
    return index // 12, index % 12 + 1


def occurrence(ref_year: int, ref_month: int, month: int, q: int | None, ahead: bool = False) -> int:
    """Year of ``month`` seen from (ref_year, ref_month); the rules are in ``times``' docstring.
    ``ahead``: the first occurrence from ref_month on (a future sentence's bare month)."""
    if ahead:
        return shift_month(ref_year, ref_month, (month - ref_month) % 12)[0]
    if q == 0:
        return ref_year
    ahead = (month - ref_month) % 12
    if q == 1:
        shift = ahead or 12
    elif q == -1:
        shift = -((12 - ahead) % 12 or 12)
    else:
        shift = ahead if ahead <= 1 else ahead - 12
    return shift_month(ref_year, ref_month, shift)[0]


def weekday_near(a: dt.date, weekday: int, q: int | None) -> dt.date:
    if q == 1:
        return a + dt.timedelta((weekday - a.isoweekday()) % 7 or 7)
    back = (a.isoweekday() - weekday) % 7
    return a - dt.timedelta((back or 7) if q == -1 else back)


def shifted(a: dt.date, unit: str, k: int) -> str | None:
    """The article's day / ISO week / month / year shifted by ``k`` units."""
    if unit == "day":
        return (a + dt.timedelta(k)).isoformat()
    if unit == "week":
        year, week, _ = (a + dt.timedelta(weeks=k)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        year, month = shift_month(a.year, a.month, k)
        return f"{year:04d}-{month:02d}"
    return f"{a.year + k:04d}" if unit == "year" else None


def day_of(calendar: str, year: int | None, month: int, day: int | None) -> dt.date | None:
    """A Gregorian date from a date in either calendar; None when unknown or invalid («31 فبراير»)."""
    if year is None or day is None:
        return None
    try:
        g = dt.date(year, month, day) if calendar == GREGORIAN else Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def month_week(calendar: str, year: int | None, month: int, n: int) -> str | None:
    """The ISO week of a month's n-th week: the week holding its first day + 7 × (n − 1); n = −1
    (its last week) the week holding its last day − 6."""
    first = day_of(calendar, year, month, 1)
    if first is None:
        return None
    if n == -1:
        following = day_of(calendar, *shift_month(year, month, 1), 1)
        day = following - dt.timedelta(7) if following else None
    else:
        day = first + dt.timedelta(weeks=n - 1)
    if day is None:
        return None
    iso_year, week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{week:02d}"


def feast_day(a: dt.date, month: int, day: int, shift: int, q: int | None) -> dt.date | None:
    """A feast on a fixed Hijri date, ``shift`` days off it: the occurrence nearest ``a``, or the
    latest before it (q = −1) or the first after it (q = 1)."""
    year = Gregorian(a.year, a.month, a.day).to_hijri().year
    dates = [d + dt.timedelta(shift) for y in (year - 1, year, year + 1) if (d := day_of(HIJRI, y, month, day))]
    pool = [d for d in dates if (q is None or (d < a if q == -1 else d > a))]
    return min(pool, key=lambda d: abs((d - a).days)) if pool else None
