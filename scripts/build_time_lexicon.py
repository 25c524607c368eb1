#!/usr/bin/env python3
"""Generate ``models/lexicons/time.yaml`` (the TIME tagger's language data).

The YAML is never edited by hand: the compact tables below are expanded
(dateparser style) into every surface form the tagger matches, and
``tests/test_times.py`` checks that the committed file equals ``render()``.
Why generate: regional spelling families (MSA/Egyptian, Levantine/Iraqi,
Maghrebi), colloquial «تشرين ثاني» for «تشرين الثاني», ذو/ذي, masculine and
feminine agreement, ordinals 1–31 and duals follow rules that are easy to
review once here and tedious (and error-prone) to type out form by form.
Alef/hamza, ya/alef maksura, ta marbuta, diacritics and Persian letters need
no variants: matching runs on ``extractor.normalize`` output.

Usage: ``python scripts/build_time_lexicon.py [--check] [--output PATH]``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

OUTPUT = Path(__file__).resolve().parent.parent / "models" / "lexicons" / "time.yaml"

# Gregorian months: (MSA/Egyptian/Gulf, Levantine/Iraqi, Maghrebi) names.
MONTHS = [
    (["يناير"], ["كانون الثاني"], ["جانفي"]),
    (["فبراير", "فبرير"], ["شباط"], ["فيفري"]),
    (["مارس"], ["آذار"], []),
    (["أبريل", "إبريل"], ["نيسان"], ["أفريل"]),
    (["مايو"], ["أيار", "مايس"], ["ماي"]),
    (["يونيو", "يونيه"], ["حزيران"], ["جوان"]),
    (["يوليو", "يوليه"], ["تموز"], ["جويلية", "جويلة", "يوليوز"]),
    (["أغسطس", "أغسطوس"], ["آب"], ["أوت", "غشت"]),
    (["سبتمبر", "سيبتمبر"], ["أيلول"], ["شتنبر"]),
    (["أكتوبر", "اكتوبر"], ["تشرين الأول"], []),
    (["نوفمبر"], ["تشرين الثاني"], ["نونبر"]),
    (["ديسمبر"], ["كانون الأول"], ["دجنبر"]),
]
# Names that are also ordinary words or names (مارس "he practised", آب→"أب" father,
# ماي, نيسان the car maker): only dates next to a day, year, qualifier, «شهر» or a paired name.
STRICT_MONTHS = ["مارس", "آب", "ماي", "مايس", "نيسان", "جوان"]

HIJRI_MONTHS = [
    ["محرم", "المحرم", "محرم الحرام"], ["صفر", "صفر الخير"], ["ربيع الأول"],
    ["ربيع الثاني", "ربيع الآخر"], ["جمادى الأولى", "جمادى الأول"],
    ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر"], ["رجب"], ["شعبان"], ["رمضان"],
    ["شوال"], ["ذو القعدة"], ["ذو الحجة"],
]

WEEKDAYS = {1: ["الاثنين", "الإثنين"], 2: ["الثلاثاء"], 3: ["الأربعاء"], 4: ["الخميس"],
            5: ["الجمعة"], 6: ["السبت"], 7: ["الأحد"]}

# Day offsets from the article date. Forms in GUARDED are also ordinary nouns
# («اليوم التالي» the next day, «ذلك اليوم» that day) and are checked against `guards`.
RELATIVE_DAYS = {
    0: ["اليوم", "الليلة", "هذا اليوم", "هذه الليلة"],
    -1: ["أمس", "الأمس", "البارحة", "يوم أمس", "الليلة الماضية", "ليلة أمس",
         "مبارح", "امبارح", "مبارح الصبح", "مبارح بالليل"],  # Levantine, as callers and witnesses speak
    -2: ["أول أمس", "أول من أمس", "أمس الأول", "قبل يومين", "الليلة قبل الماضية", "ليلة أول أمس",
         "أول امبارح", "أول مبارح"],
    1: ["غدا", "الغد", "غد", "يوم غد", "يوم الغد", "صباح غد", "مساء غد", "ظهر غد", "فجر غد", "ليل غد",
        "ليلة غد", "بكرا", "بكرة الصبح", "بكرا الصبح"],  # «مساء غدٍ الخميس»: غدٍ in the genitive, after a part
    # of the day; «غد الأربعاء»; Levantine «بكرا» (not «بكرة» alone: a pulley, «بكرةً وأصيلاً»)
    2: ["بعد غد", "بعد الغد", "بعد يومين"],
}
# «قبل ثلاثة أيام» … «قبل عشرة أيام»: a count of days before (after) the article date.
_DAY_COUNTS = {3: ["ثلاثة"], 4: ["أربعة"], 5: ["خمسة"], 6: ["ستة"], 7: ["سبعة"], 8: ["ثمانية"],
               9: ["تسعة"], 10: ["عشرة"]}
for _count, _words in _DAY_COUNTS.items():
    for _word in _words:
        RELATIVE_DAYS.setdefault(-_count, []).append(f"قبل {_word} أيام")
        RELATIVE_DAYS.setdefault(_count, []).append(f"بعد {_word} أيام")
GUARDED = ["اليوم", "الليلة", "الغد"]
GUARDS = {
    "after_relative": ["التالي", "التالية", "السابق", "السابقة", "الأخير", "الأخيرة", "نفسه",
                       "نفسها", "ذاته", "ذاتها", "العالمي", "الوطني", "الدولي", "المحدد", "المقرر",
                       "الموعود", "الذي", "التي", "الواحد", "الفاصل"],  # + ordinals: «لليوم السادس»
    "before_relative": ["ذلك", "تلك", "نفس", "ذات", "مثل", "مدار",  # «على مدار اليوم»: around the clock
                        "أما",  # «أما اليوم فلا يزال …»: nowadays, against the past
                        "عدن", "أخبار", "صوت", "صحيفة"],  # outlets: «عدن الغد», «أخبار اليوم», «صوت الغد»
    "needs_weekday": ["غد"],
    "day_of_it_after": ["في", "يوم"],  # «يوم 12 منه»: a digit day «of it» needs these or a weekday  # «غد الأربعاء» is a day; «إلى غد أفضل» a better future
    # «بعد يومين من الكمين», «بعد ثلاثة أيام على سريان الهدنة», «بعد يومين فقط من استحداثها»:
    # counted from an event, not from the article's date: no date («قبل يومين من …» is still
    # dated by the article in the corpus).
    "event_anchors": ["من", "على"],
    "anchor_fillers": ["فقط"],
    "before_modifier": ["مصدر", "مصادر", "مسؤول", "شخص", "جهة", "جهات", "أوساط", "دبلوماسي"],
    "before_weekday": ["كلا", "سوق", "وسوق", "بسوق", "لسوق", "مسجد", "جامع",  # «كلا الاثنين»; «سوق الجمعة» (a place), «جامع الجمعة»
                       "صلاة", "لصلاة", "بصلاة", "خطبة", "لخطبة"],  # «عقب صلاة الجمعة»: the prayer, not a date
    # «قوى 14 آذار», «مدينة 6 أكتوبر», «ثورة 25 يناير»: names, unless a year follows.
    "before_named_date": ["قوى", "تيار", "تحالف", "حركة", "ثورة", "انتفاضة", "فريق", "ساحة", "شارع",
                          "جسر", "مدينة", "حي", "مستشفى", "ملعب", "جامعة", "مدرسة", "لواء", "كتيبة"],
    # «على أن تغادر المنطقة في يونيو», «ومن المقرر أن يصوّت المجلس منتصف نيسان»: a month with no
    # year after one of these (or a future verb, سـ + imperfect) in its sentence is the next one,
    # not the last (guidelines §7: a month alone is of the article's year unless the report is
    # past), unless a word of `past_anchors` comes between («بعدما أنهت … أواخر نوفمبر», «التي انتشرت»).
    "future_cues": ["سوف", "المقرر", "المرتقب", "المتوقع", "يعتزم", "تعتزم", "بحلول"],
    "past_anchors": ["بعد", "بعدما", "منذ", "إثر", "عقب", "كان", "كانت", "الذي", "التي", "الذين"],
    # «الأمين العام الحالي» is the current secretary-general, not the current year.
    "before_year_word": ["الأمين", "المدعي", "النائب", "المدير", "المراقب", "المفتش", "المنسق",
                         "القائد", "المرشد", "المشرف", "الرأي", "القطاع", "المؤتمر", "الإضراب",
                         "الأمن", "العفو", "الشأن", "المال", "النفع", "الادعاء", "الحق"],
}

# «يوم الثلاثاء الموافق 17/6/2025», «اليوم الأربعاء 14 جمادى الأولى»: a weekday and the date
# right after it (with one of these words, or nothing, between) are one TIME (guidelines §7).
DATE_JOINERS = ["الموافق", "الموافقة", "المصادف", "المصادفة"]

DAY_PARTS = ["صباح", "صبيحة", "مساء", "ظهر", "ظهيرة", "عصر", "فجر", "ليل", "ليلة", "ضحى",
             "منتصف ليل", "منتصف ليلة", "عشية"]
DAY_PART_ADVERBS = ["صباحا", "مساء", "ظهرا", "عصرا", "فجرا", "ليلا"]

PERIODS = {"week": ["الأسبوع"], "month": ["الشهر"], "year": ["العام", "السنة"]}
# Masculine bases; the feminine (السنة الماضية) is generated.
QUALIFIERS = {"past": ["الماضي", "المنصرم", "الفائت", "السابق"], "current": ["الجاري", "الحالي"],
              "next": ["المقبل", "القادم"]}
MODIFIERS = {"START": ["مطلع", "مطالع", "أوائل", "بداية", "بدايات", "مستهل", "الأيام الأولى"],
             "MID": ["منتصف", "أواسط"],
             "END": ["أواخر", "نهاية", "نهايات", "ختام", "خواتيم", "الأيام الأخيرة"]}  # «في الأيام الأخيرة من آب»

ORDINAL_UNITS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع",
                 "الثامن", "التاسع"]
ORDINAL_TENS = {10: "العاشر", 20: "العشرين", 30: "الثلاثين"}
# The first day of a month without an article: «منذ أول يونيو», «غرة رمضان».
FIRST_DAY = ["أول", "غرة"]
NUMBER_WORDS = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني",
                9: "تسع", 10: "عشر"}

# Duration units: singular forms; duals are generated, plurals listed.
UNITS = {"minute": (["دقيقة"], ["دقائق"]), "hour": (["ساعة"], ["ساعات"]),
         "day": (["يوم"], ["أيام"]), "week": (["أسبوع"], ["أسابيع"]),
         "month": (["شهر"], ["أشهر", "شهور"]), "year": (["عام", "سنة"], ["أعوام", "سنوات", "سنين"])}

HEADS = {"DHEAD": ["يوم"], "MHEAD": ["شهر"], "YHEAD": ["عام", "العام", "سنة", "السنة"]}
YEAR_SUFFIXES = {"GSUF": ["م", "ميلادي", "ميلادية", "للميلاد"],
                 "HSUF": ["هـ", "ه", "هجري", "هجرية", "للهجرة"]}
# Before a bare year («منذ 2011») or a strict month («في مارس») they make it a date.
TIME_PREPOSITIONS = ["في", "منذ", "حتى", "بحلول", "قبل", "بعد", "خلال", "مع", "عن"]
AGO = ["قبل"]
# After «قبل أسبوعين من» these name where from, not what the weeks count back from
# («انسحبت قبل أسبوعين من معسكر هاواي», not «قبل أسبوعين من الانتخابات»).
AGO_SITES = ["معسكر", "قاعدة", "مطار", "ثكنة", "نقطة", "مقر", "موقع", "مواقع", "مدينة", "بلدة", "قرية",
             "منطقة", "محافظة", "ولاية", "مديرية", "ناحية", "مخيم", "حي"]
# «الأسبوع الأول من رمضان», «الأسبوع الأخير من آذار»: a week of a month (-1: the last).
WEEK_ORDINALS = {1: ["الأول"], 2: ["الثاني"], 3: ["الثالث"], 4: ["الرابع"], 5: ["الخامس"], -1: ["الأخير"]}
# Feasts on fixed Hijri dates (month-day): «عشية عيد الأضحى» is its eve, «ثاني أيام عيد الفطر» its
# second day; with no qualifier the occurrence nearest the article date is meant.
HOLIDAYS = {"12-10": ["عيد الأضحى"], "10-01": ["عيد الفطر"], "01-01": ["رأس السنة الهجرية"],
            "03-12": ["المولد النبوي", "المولد النبوي الشريف"],
            "12-09": ["يوم عرفة", "يوم الوقفة"]}  # «يوم الوقفة»: Arafat day in Egypt
HOLIDAY_EVES = ["عشية"]                       # the day before (and «ليلة», a part of the day)
HOLIDAY_DAYS = {0: ["أول أيام"], 1: ["ثاني أيام"], 2: ["ثالث أيام"], 3: ["رابع أيام"]}
DURATION_PREPOSITIONS = ["لمدة", "خلال", "طيلة", "طوال", "على مدى", "على مدار", "منذ"]
VAGUE_COUNTS = ["عدة", "بضع", "بضعة"]
DEMONSTRATIVES = ["هذا", "هذه"]
# «السبت ١٢ منه», «في الخامس من الشهر نفسه»: a day of the month the text last dated
# (extractor/time_joins.py gives it that month; alone, the article's month).
SAME_MONTH = ["منه", "من الشهر نفسه", "من الشهر ذاته", "من نفس الشهر", "من ذات الشهر"]

# «في آذار 2024 … ثم في أيلول من العام نفسه»: the month takes the year of the date before it.
# Matched on the original text right after a month (ة also written ه), so its pattern is
# built here from the words: a preposition, then the year noun and «نفسه», or «نفس» first.
SAME_YEAR_PREPOSITIONS = ["من", "في"]
SAME_YEAR_NOUNS = ["عام", "سنة"]        # with or without ال
SAME_WORDS = ["نفس", "ذات"]             # after the noun with ه/ها («العام نفسه»), or before it («نفس العام»)
SAME_PRONOUNS = ["ه", "ها"]


def same_year_pattern() -> str:
    """The regex of the same-year phrase on original text (spaces or tabs between words)."""
    def alt(words: list[str]) -> str:
        return "(?:" + "|".join(re.escape(w).replace("ة", "[ةه]") for w in words) + ")"
    noun, same, gap = f"(?:ال)?{alt(SAME_YEAR_NOUNS)}", alt(SAME_WORDS), r"[ \t]+"
    return (f"{gap}{alt(SAME_YEAR_PREPOSITIONS)}{gap}(?:{noun}{gap}{same}{alt(SAME_PRONOUNS)}"
            f"|{same}{gap}{noun})(?![\\w])")


# The grammar. In a pattern, %(NAME)s is a word class above (any of its forms, ending at a
# word end) or an earlier piece. Patterns run on normalized text (ا for أ/إ/آ, ه for ة, ي for
# ى, ASCII digits). Group names are what extractor/times.py resolves: core (the span), day,
# mon, year/year2, q (qualifier), yq/ydem («من العام الماضي»), wd, rel, part, adv, head,
# mod + body, unit/unit2, num, dem. `starts` lists the classes a match can begin with.
LAM_CLASSES = ["REL", "PERIOD", "YHEAD"]   # also matched with fused ل + ال: «للعام», «لليوم»
PAIRED_CLASSES = ["MON", "HMON"]           # «نوفمبر/ تشرين الثاني»: two names of ONE month
PAIR = r"\s*[/(\\\-]\s*"                     # what joins the two names of a pair
PIECES = {
    "C": r"(?<!\w)(?:[وف](?=\w))?(?:[بكل](?=\w))?",  # separable proclitics, outside the span («لعام 2026»)
    "SC": r"(?:\s*[،,]\s*|\s+)",
    "YEAR": r"(?:1[89]|20)\d\d(?!\d)",
    "HYEAR": r"1[34]\d\d(?!\d)",
    "GS": r"(?:\s*%(GSUF)s)",
    "HS": r"(?:\s*%(HSUF)s)",
    "DAY": r"(?:(?:ال)?(?:3[01]|[12]\d|0?[1-9])(?!\d)|%(ORD)s)",
    # «فجر ١٣ آذار», «صباح الخامس من تموز»: the part of the day belongs to the date (and
    # «فجر» there is no trigger: no event starts inside a TIME)
    # «ليلة 14-15 كانون الثاني», «ليلة التاسع على العاشر من …»: a night named by the two days it
    # spans is one TIME, the first day's (as «ليلة الخميس-الجمعة»)
    "NIGHT2": r"(?(part)(?:\s*[-–]\s*%(DAY)s|\s+(?:على|علي|الى|الي|إلى)\s+%(DAY)s)?)",
    "WDPRE": r"(?:(?P<part>%(PART)s)\s+)?(?:%(DHEAD)s\s+)?(?:(?P<wd>%(WD)s)%(SC)s)?",
    "MODPRE": r"(?:(?P<mod>%(MOD)s)\s+(?:من\s+)?)?",
    "YREF": r"(?:%(SC)s(?P<year>%(YEAR)s)%(GS)s?|\s+من\s+(?:(?P<ydem>%(DEM)s)\s+%(YHEAD)s"
            r"|%(YHEAD)s\s+(?:(?P<year2>%(YEAR)s)%(GS)s?|(?P<yq>%(QUAL)s)))|\s+(?P<q>%(QUAL)s))?",
    "UNITS": r"(?:%(UNIT1)s|%(UNIT2)s|%(UNITN)s)",
}
RULES = {  # name: (starts, pattern); on overlap the longest match wins, then the earlier rule
    "iso": (["DIGIT"], r"%(C)s(?<![/.\-])(?P<core>(?P<year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<mon>\d\d?)"
                       r"(?P=sep)(?P<day>\d\d?))(?!\d|[/.\-]\d)"),
    # «ليل ٢٣/١١/٢٠٢٥»: a part of the day before the date belongs to it
    "numeric": (["PART", "DIGIT"], r"%(C)s(?<![/.\-])(?P<core>(?:(?P<part>%(PART)s)\s+)?(?P<day>\d\d?)(?P<sep>[-/.])(?P<mon>\d\d?)(?P=sep)"
                           r"(?P<year>(?:19|20)\d\d)%(GS)s?)(?!\d|[/.\-]\d)"),
    # «الجمعة 17/4» heading a live blog's entries: a weekday vouches for day/month without a year
    "weekday_numeric": (["DHEAD", "WD"], r"%(C)s(?P<core>(?:%(DHEAD)s\s+)?(?P<wd>%(WD)s)%(SC)s(?<![/.\-])"
                                         r"(?P<day>\d\d?)/(?P<mon>\d\d?))(?!\d|/\d)"),
    "hijri_date": (["PART", "DHEAD", "WD", "ORD", "DIGIT"],
                   r"%(C)s(?P<core>%(WDPRE)s(?P<day>%(DAY)s)%(NIGHT2)s(?:\s+من)?\s+(?:%(MHEAD)s\s+)?(?P<mon>%(HMON)s)"
                   r"(?:\s+(?P<year>%(HYEAR)s)%(HS)s?)?)"),
    "date": (["PART", "DHEAD", "WD", "ORD", "DIGIT"],
             r"%(C)s(?P<core>%(WDPRE)s(?P<day>%(DAY)s)%(NIGHT2)s(?:\s+من)?\s+(?:%(MHEAD)s\s+)?(?P<mon>%(MON)s)%(YREF)s)"),
    "month_day": (["PART", "DHEAD", "WD", "ORD", "DIGIT"],  # «الـ15 من الشهر الجاري»
                  r"%(C)s(?P<core>%(WDPRE)s(?P<day>%(DAY)s)%(NIGHT2)s\s+(?:من\s+(?:(?P<unit>%(PERIOD)s)\s+(?P<q>%(QUAL)s)"
                  r"|(?P<dem>%(DEM)s)\s+(?P<unit2>%(PERIOD)s))|(?P<same>%(SAMEMON)s))(?!\w))"),
    "month": (["MOD", "MHEAD", "MON"],
              r"%(C)s(?P<core>%(MODPRE)s(?P<body>(?:(?P<head>%(MHEAD)s)\s+)?(?P<mon>%(MON)s)%(YREF)s))"),
    "hijri_month": (["MOD", "MHEAD", "HMON"],
                    r"%(C)s(?P<core>%(MODPRE)s(?P<body>(?:(?P<head>%(MHEAD)s)\s+)?(?P<mon>%(HMON)s)"
                    r"(?:\s+(?P<year>%(HYEAR)s)%(HS)s?|\s+(?P<q>%(QUAL)s))?))"),
    # «الأسبوع الأول من رمضان»: the ISO week of the month's first day + 7 × (n − 1)
    "week_of_month": (["PERIOD"], r"%(C)s(?P<core>(?P<unit>%(PERIOD)s)\s+(?P<ord>%(WORD)s)\s+من\s+(?:%(MHEAD)s\s+)?"
                                  r"(?P<mon>%(MON)s)%(YREF)s)"),
    "week_of_hijri_month": (["PERIOD"], r"%(C)s(?P<core>(?P<unit>%(PERIOD)s)\s+(?P<ord>%(WORD)s)\s+من\s+"
                                        r"(?:%(MHEAD)s\s+)?(?P<mon>%(HMON)s)(?:\s+(?P<year>%(HYEAR)s)%(HS)s?)?)"),
    "week_of_relative_month": (["PERIOD"], r"%(C)s(?P<core>(?P<unit>%(PERIOD)s)\s+(?P<ord>%(WORD)s)\s+من\s+"
                                           r"(?:(?P<unit2>%(PERIOD)s)\s+(?P<q>%(QUAL)s)|(?P<dem>%(DEM)s)\s+(?P<unit3>%(PERIOD)s)))"),
    "holiday": (["EVE", "PART", "HDAY", "HOL"],
                r"%(C)s(?P<core>(?:(?P<eve>%(EVE)s)\s+|(?P<part>%(PART)s)\s+)?(?:(?P<nth>%(HDAY)s)\s+)?"
                r"(?P<hol>%(HOL)s)(?:\s+(?P<q>%(QUAL)s))?)"),
    "hijri_year": (["YHEAD", "DIGIT"], r"%(C)s(?P<core>(?:%(YHEAD)s\s+)?(?P<year>%(HYEAR)s)%(HS)s)"),
    "year": (["MOD", "YHEAD", "DIGIT"],
             r"%(C)s(?P<core>%(MODPRE)s(?P<body>(?:(?P<head>%(YHEAD)s)\s+)?(?P<year>%(YEAR)s)"
             r"(?P<suf>%(GS)s)?))(?!\s*[/.\-]\s*\d)"),
    "period": (["MOD", "PERIOD", "DEM"],
               r"%(C)s(?P<core>%(MODPRE)s(?P<body>(?P<unit>%(PERIOD)s)(?:\s+(?P<q>%(QUAL)s)(?:\s+(?P<year>%(YEAR)s))?)?"
               r"|(?P<dem>%(DEM)s)\s+(?P<unit2>%(PERIOD)s)))"),
    # «ليلة الخميس-الجمعة»: a night named by the two days it spans is one TIME, the first day's
    "weekday": (["PART", "DHEAD", "WD"],
                r"%(C)s(?P<core>(?:(?P<part>%(PART)s)\s+)?(?:(?P<head>%(DHEAD)s)\s+)?(?P<wd>%(WD)s)"
                r"(?(part)(?:\s*[-–/]\s*%(WD)s)?)(?:\s+(?P<q>%(QUAL)s))?(?:\s+(?P<adv>%(ADV)s))?)"),
    "relative": (["PART", "REL"],
                 r"%(C)s(?P<core>(?:(?P<part>%(PART)s)\s+)?(?P<rel>%(REL)s)(?:\s*[،,]?\s*(?P<wd>%(WD)s))?"
                 r"(?:\s+(?P<adv>%(ADV)s))?)"),
    "ago": (["AGO"], r"%(C)s(?P<core>%(AGO)s\s+(?:(?P<num>\d{1,3}|%(NUMW)s)\s+(?P<unit>%(UNITS)s)"
                     r"|(?P<unit2>%(UNIT1)s|%(UNIT2)s)))(?!\s*\d|\s+(?:من|على)(?!\w)(?!\s+(?:%(AGOSITE)s)(?!\w)))"),
    "duration": (["DPREP", "DIGIT", "NUMW", "VAGUE", "UNIT2", "LUNITN"],
                 r"%(C)s(?P<core>(?:%(DPREP)s\s+)?(?:(?:\d+(?:[.,]\d+)?|%(NUMW)s|%(VAGUE)s)\s+%(UNITS)s"
                 r"|%(UNIT2)s)|%(DPREP)s\s+%(UNITN)s|%(LUNITN)s\s+%(VAGUE)s)"),
}


def unique(forms: list[str]) -> list[str]:
    """Forms in first-seen order without repeats."""
    return list(dict.fromkeys(forms))


def ordinal_variants(name: str) -> list[str]:
    """«كانون الثاني» is also written «كانون ثاني»; «ذو الحجة» also «ذي الحجة»."""
    forms = [name]
    words = name.split()
    if len(words) == 2 and words[1].startswith("ال") and words[0] not in ("ذو", "محرم", "صفر"):
        forms.append(f"{words[0]} {words[1][2:]}")
    if words[0] == "ذو":
        forms += [f"ذي {words[1]}", f"ذا {words[1]}"]
    return forms


def dual(word: str) -> list[str]:
    """Oblique and nominative duals: ساعة → ساعتين/ساعتان, يوم → يومين/يومان."""
    stem = word[:-1] + "ت" if word.endswith("ة") else word
    return [stem + "ين", stem + "ان"]


def ordinal_days() -> dict[int, list[str]]:
    """Day-of-month ordinals 1–31 as written in «الخامس عشر من آذار»."""
    days: dict[int, list[str]] = {}
    for number, word in enumerate(ORDINAL_UNITS, start=1):
        days[number] = [word]
    days[1] += FIRST_DAY
    days[10] = [ORDINAL_TENS[10]]
    for number in range(11, 20):
        unit = "الحادي" if number == 11 else ORDINAL_UNITS[number - 11]
        days[number] = [f"{unit} عشر"]
    for tens in (20, 30):
        word = ORDINAL_TENS[tens]
        days[tens] = [word, word[:-2] + "ون"]
        for unit in range(1, 10 if tens == 20 else 2):
            names = ["الحادي", "الواحد"] if unit == 1 else [ORDINAL_UNITS[unit - 1]]
            days[tens + unit] = [f"{n} و{w}" for n in names for w in days[tens]]
    return days


def mapping(table: dict, key: Callable[[Any], Any] = lambda v: v) -> dict[str, Any]:
    """{form: meaning} from {meaning: [forms]} (first meaning wins for a repeated form)."""
    out: dict[str, Any] = {}
    for meaning, forms in table.items():
        for form in forms:
            out.setdefault(form, key(meaning))
    return out


def build() -> dict:
    """The whole lexicon as plain data (what ``time.yaml`` holds)."""
    months = {n: unique([v for fam in fams for name in fam for v in ordinal_variants(name)])
              for n, fams in enumerate(MONTHS, start=1)}
    hijri = {n: unique([v for name in names for v in ordinal_variants(name)])
             for n, names in enumerate(HIJRI_MONTHS, start=1)}
    shift = {"past": -1, "current": 0, "next": 1}
    numbers = {1: ["واحد", "واحدة"], 2: ["اثنين", "اثنتين"]}
    numbers.update({n: [w, w + "ة"] for n, w in NUMBER_WORDS.items()})
    numbers[8] += ["ثمان"]
    plural = {unit: forms for unit, (_, forms) in UNITS.items()}
    classes = {
        "MON": mapping(months), "HMON": mapping(hijri),
        "WD": mapping(WEEKDAYS), "REL": mapping(RELATIVE_DAYS),
        "QUAL": mapping({k: [f for w in v for f in (w, w + "ة")] for k, v in QUALIFIERS.items()},
                        shift.get),
        "MOD": mapping(MODIFIERS), "PERIOD": mapping(PERIODS),
        "ORD": mapping(ordinal_days()), "NUMW": mapping(numbers),
        "UNIT1": mapping({unit: forms for unit, (forms, _) in UNITS.items()}),
        "UNIT2": mapping({unit: [d for f in forms for d in dual(f)] for unit, (forms, _) in UNITS.items()}),
        "UNITN": mapping(plural),
        "LUNITN": mapping({unit: [p for f in forms for p in (f, "ل" + f)] for unit, forms in plural.items()}),
        "WORD": mapping(WEEK_ORDINALS),
        "HOL": mapping(HOLIDAYS), "EVE": HOLIDAY_EVES, "HDAY": mapping(HOLIDAY_DAYS),
        "DEM": DEMONSTRATIVES, "SAMEMON": SAME_MONTH, "JOIN": DATE_JOINERS, "PART": DAY_PARTS, "ADV": DAY_PART_ADVERBS, **HEADS,
        "AGO": AGO, "AGOSITE": [f for w in AGO_SITES for f in (w, "ال" + w)], "DPREP": DURATION_PREPOSITIONS, "VAGUE": VAGUE_COUNTS, **YEAR_SUFFIXES,
    }
    strict = [f for f in classes["MON"] if f in STRICT_MONTHS] + list(classes["HMON"])
    return {
        "classes": classes,
        "strict_months": strict,
        "guarded": GUARDED,
        "guards": {**GUARDS, "time_prepositions": TIME_PREPOSITIONS,
                   "after_relative": GUARDS["after_relative"] + [
                       f for w in ORDINAL_UNITS[1:] + [ORDINAL_TENS[10]] for f in (w, w + "ة")] + [
                       "الأول", "الأولى", "الحادي", "الحادية"]},  # «لليوم الحادي عشر على التوالي»
        "grammar": {"lam": LAM_CLASSES, "paired": PAIRED_CLASSES, "pair": PAIR, "pieces": PIECES,
                    "rules": {name: {"starts": starts, "pattern": pattern}
                              for name, (starts, pattern) in RULES.items()},
                    "same_year": same_year_pattern()},
    }


HEADER = """\
# GENERATED by scripts/build_time_lexicon.py: do not edit by hand. Change the
# tables in the script and run `python scripts/build_time_lexicon.py`.
#
# Language data of the TIME tagger (extractor/times.py). Forms are plain Arabic;
# the tagger normalizes them (alef, ya, ta marbuta, diacritics, digits) like the text.
# - classes: word class -> {form: meaning} or [forms]. MON/HMON: month number; WD: ISO
#   weekday (Monday = 1); REL: day offset from the article date; QUAL: -1 past, 0 current,
#   +1 next; MOD: START/MID/END; PERIOD and UNIT*: the unit; ORD/NUMW: the number.
# - strict_months need a day, a year, a qualifier, «شهر» or a paired name («آذار/مارس»).
# - Paired names «نوفمبر/ تشرين الثاني», «تشرين الثاني/نوفمبر», «مارس (آذار)» match in
#   either order: two names of ONE month joined by `grammar.pair`.
# - guarded forms are ordinary nouns too («اليوم التالي», «ذلك اليوم»): see `guards`.
# - grammar: regex pieces and rules over the classes; see the comment in the script.
"""


class _Dumper(yaml.SafeDumper):
    """Block mappings (one form per line, readable diffs); short lists of words on one line."""


_Dumper.add_representer(list, lambda dumper, data: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", data, flow_style=len(data) <= 12 and all(isinstance(x, (str, int)) for x in data)))


def render() -> str:
    """The exact text of ``time.yaml``."""
    return HEADER + yaml.dump(build(), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                              width=100, default_flow_style=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date; run scripts/build_time_lexicon.py", file=sys.stderr)
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
