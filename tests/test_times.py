"""TIME tagger (extractor.times): spans in original offsets, ISO values, generated lexicon."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from conftest import load_script
from extractor import times
from extractor.normalize import normalize
from extractor.times import TimeExpression, find_times

ROOT = Path(__file__).resolve().parent.parent
MONDAY = dt.date(2026, 2, 23)  # the article date of most cases: a Monday


def spans_ok(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """Every mention's text is exactly its slice of the original article."""
    for t in found:
        assert text[t.start:t.end] == t.text, t
    return found


def summary(text: str, date: dt.date | None = MONDAY) -> list[tuple]:
    return [(t.text, t.value, t.mod, t.kind) for t in spans_ok(text, find_times(text, date))]


FOUND = [  # (sentence, mention, value, mod, kind) with the article dated Monday 2026-02-23
    # «اليوم» before a place or a remembrance is still today
    ("يزور اليوم الأردن وفد عسكري", "اليوم", "2026-02-23", None, "relative"),
    ("تستذكر القوات المسلحة اليوم الذكرى الثامنة لمعركة الكرامة", "اليوم", "2026-02-23", None, "relative"),
    # absolute dates
    ("وقع الهجوم في 2026-02-23 صباحاً", "2026-02-23", "2026-02-23", None, "date"),
    ("صدر القرار بتاريخ 23/2/2026 عن الوزارة", "23/2/2026", "2026-02-23", None, "date"),
    ("صدر القرار بتاريخ 23-2-2026 عن الوزارة", "23-2-2026", "2026-02-23", None, "date"),
    ("في 2/23/2026 أعلن الجيش", "2/23/2026", "2026-02-23", None, "date"),
    ("بدأت العملية في 15 آذار/مارس 2025 شمالاً", "15 آذار/مارس 2025", "2025-03-15", None, "date"),
    # the part of the day belongs to a date («فجر» is dawn here, not the verb «blew up»)
    ("ردّت القوات فجر ١٣ آذار/مارس بغارات", "فجر ١٣ آذار/مارس", "2026-03-13", None, "date"),
    ("قصفت مسيرة المعسكر ليل ٢٣/١١/٢٠٢٥ وأصابت خمسة", "ليل ٢٣/١١/٢٠٢٥", "2025-11-23", None, "date"),
    ("هاجمت الزوارق صباح الخامس من شباط/فبراير ناقلة", "صباح الخامس من شباط/فبراير", "2026-02-05", None, "date"),
    ("بدأت العملية في 15 مارس 2025 شمالاً", "15 مارس 2025", "2025-03-15", None, "date"),
    ("وصلت التعزيزات في ١٥ آذار ٢٠٢٥ إلى القاعدة", "١٥ آذار ٢٠٢٥", "2025-03-15", None, "date"),
    ("في 23 فبراير (شباط) 2026 أعلنت", "23 فبراير (شباط) 2026", "2026-02-23", None, "date"),
    ("في الخامس عشر من آذار 2025 انسحبت", "الخامس عشر من آذار 2025", "2025-03-15", None, "date"),
    ("الأحد 15 مارس 2025 موعد الانسحاب", "الأحد 15 مارس 2025", "2025-03-15", None, "date"),
    # a weekday vouches for day/month without a year (a live blog's heading): the latest such day
    ("الجمعة 20/2\n\n• دفعت قوات الدعم السريع بتعزيزات", "الجمعة 20/2", "2026-02-20", None, "date"),
    ("• يوم السبت ٢٠/١٢: وصلت تعزيزات", "يوم السبت ٢٠/١٢", "2025-12-20", None, "date"),
    ("ستتحرك السرايا مساء غدٍ الثلاثاء نحو الجبهة", "مساء غدٍ الثلاثاء", "2026-02-24", None, "relative"),
    ("تُسلَّم الحامية اعتباراً من غد الثلاثاء", "غد الثلاثاء", "2026-02-24", None, "relative"),
    ("جرى ذلك في 15 مارس من العام 2024 بحسب", "15 مارس من العام 2024", "2024-03-15", None, "date"),
    ("وقع في 10/10/2025م قرب الحدود", "10/10/2025م", "2025-10-10", None, "date"),
    ("تغير الوضع في مارس 2025 كثيراً", "مارس 2025", "2025-03", None, "month"),
    ("حتى أيار (مايو) 2025 على الأقل", "أيار (مايو) 2025", "2025-05", None, "month"),
    ("منتصف آذار/مارس 2025 قبل الهدنة", "منتصف آذار/مارس 2025", "2025-03", "MID", "month"),
    ("أنشئت القاعدة في العام 2024 قرب الحدود", "العام 2024", "2024", None, "year"),
    ("أنشئت القاعدة عام 2024 قرب الحدود", "عام 2024", "2024", None, "year"),
    ("بعد سقوط النظام نهاية العام 2024، تغير", "نهاية العام 2024", "2024", "END", "year"),
    ("تراجع العدد منذ مطلع 2025 تدريجياً", "مطلع 2025", "2025", "START", "year"),
    ("تعيش البلاد أزمة منذ 2011 وحتى الآن", "2011", "2011", None, "year"),
    ("بنيت سنة 2023م على عجل", "سنة 2023م", "2023", None, "year"),
    # Hijri
    ("في 15 رمضان 1446 هـ أعلن", "15 رمضان 1446 هـ", "2025-03-15", None, "hijri"),
    ("جرى ذلك في جمادى الأولى 1445 هـ", "جمادى الأولى 1445 هـ", "2023-11", None, "hijri"),
    ("تنتهي المهلة في شهر رمضان المقبل", "شهر رمضان المقبل", "2027-02", None, "hijri"),
    ("بدأ الهجوم في غرة رمضان 1446 هـ", "غرة رمضان 1446 هـ", "2025-03-01", None, "hijri"),  # a month's first
    ("أغلق المنفذ منذ أول يونيو أمام الشاحنات", "أول يونيو", "2025-06-01", None, "date"),  # «أول» = day one
    ("تراجعت الهجمات عن الأسبوع السابق", "الأسبوع السابق", "2026-W08", None, "period"),  # «السابق» = past
    # relative days and day parts
    ("وصل الوفد اليوم إلى دمشق", "اليوم", "2026-02-23", None, "relative"),
    # Levantine and Egyptian days, as callers and witnesses say them
    ("مبارح بعد العصر شفت رتل كبير للجيش", "مبارح", "2026-02-22", None, "relative"),
    ("من مبارح الصبح والكتيبة عم تفكّك موقعها", "مبارح الصبح", "2026-02-22", None, "relative"),
    ("الجيش سحب عساكره من أشكيت أول امبارح", "أول امبارح", "2026-02-21", None, "relative"),
    ("نلتقي بكرا على الموجة نفسها", "بكرا", "2026-02-24", None, "relative"),
    ("قصفت الطائرات الليلة مواقع", "الليلة", "2026-02-23", None, "relative"),
    ("وصل الوفد وأمس غادر", "أمس", "2026-02-22", None, "relative"),
    ("وصل الوفد بالأمس إلى بغداد", "الأمس", "2026-02-22", None, "relative"),
    ("وصل الوفد أول أمس إلى عمّان", "أول أمس", "2026-02-21", None, "relative"),
    ("انسحبت القوات قبل يومين من البلدة", "قبل يومين", "2026-02-21", None, "relative"),
    ("وصلت التعزيزات قبل ثلاثة أيام", "قبل ثلاثة أيام", "2026-02-20", None, "relative"),
    ("ستصل القوات بعد يومين", "بعد يومين", "2026-02-25", None, "relative"),
    ("قبل يومين من الانسحاب قصفت المدفعية البلدة", "قبل يومين", "2026-02-21", None, "relative"),  # still dated
    ("وصل الوفد أول من أمس إلى عمّان", "أول من أمس", "2026-02-21", None, "relative"),
    ("انسحبت القوة بالكامل الليلة قبل الماضية", "الليلة قبل الماضية", "2026-02-21", None, "relative"),
    ("يصل الوفد غداً إلى الرياض", "غداً", "2026-02-24", None, "relative"),
    ("يصل الوفد بعد غد إلى الرياض", "بعد غد", "2026-02-25", None, "relative"),
    ("بدأت القوات صباح اليوم الاثنين، بالانسحاب", "صباح اليوم الاثنين", "2026-02-23", None, "relative"),
    ("هاجم مسلحون مساء أمس الأحد حاجزاً", "مساء أمس الأحد", "2026-02-22", None, "relative"),
    ("قصف الطيران ليلة أمس مواقع", "ليلة أمس", "2026-02-22", None, "relative"),
    ("قتل جنديان قبل ثلاثة أيام في كمين", "قبل ثلاثة أيام", "2026-02-20", None, "relative"),
    ("زار الوزير القاعدة قبل أسبوعين", "قبل أسبوعين", "2026-W07", None, "relative"),
    # weekdays
    ("وقال مسؤول يوم الأربعاء الماضي، إن", "يوم الأربعاء الماضي", "2026-02-18", None, "weekday"),
    ("وقال مسؤول الأربعاء إن", "الأربعاء", "2026-02-18", None, "weekday"),
    ("وقال مسؤول الاثنين إن", "الاثنين", "2026-02-23", None, "weekday"),
    ("يجتمع المجلس الأربعاء المقبل لبحث", "الأربعاء المقبل", "2026-02-25", None, "weekday"),
    ("اجتمع المجلس الاثنين الماضي لبحث", "الاثنين الماضي", "2026-02-16", None, "weekday"),
    # periods
    ("انسحبت القوات الشهر الماضي من", "الشهر الماضي", "2026-01", None, "period"),
    ("انسحبت القوات العام الماضي من", "العام الماضي", "2025", None, "period"),
    ("انسحبت القوات في السنة الماضية من", "السنة الماضية", "2025", None, "period"),
    ("انسحبت القوات الأسبوع الماضي من", "الأسبوع الماضي", "2026-W08", None, "period"),
    ("تنسحب القوات هذا الأسبوع من", "هذا الأسبوع", "2026-W09", None, "period"),
    ("اعتباراً من مطلع العام الحالي بدأت", "مطلع العام الحالي", "2026", "START", "period"),
    ("بحلول أواخر الشهر الماضي كانت", "أواخر الشهر الماضي", "2026-01", "END", "period"),
    ("تكتمل بحلول نهاية العام المقبل 2027 كما", "نهاية العام المقبل 2027", "2027", "END", "period"),
    ("الميزانية المخصصة للعام المقبل كبيرة", "للعام المقبل", "2027", None, "period"),
    ("يبدأ الانسحاب في الـ15 من الشهر الجاري", "الـ15 من الشهر الجاري", "2026-02-15", None, "date"),
    # month names relative to the article
    ("خلال زيارة الرئيس في نوفمبر/ تشرين الثاني الماضي.", "نوفمبر/ تشرين الثاني الماضي", "2025-11",
     None, "month"),
    ("خلال زيارة الرئيس في تشرين الثاني/نوفمبر الماضي.", "تشرين الثاني/نوفمبر الماضي", "2025-11",
     None, "month"),
    ("تنتهي المهمة في نوفمبر المقبل", "نوفمبر المقبل", "2026-11", None, "month"),
    ("تم الاتفاق في فبراير الماضي", "فبراير الماضي", "2025-02", None, "month"),
    ("تم الاتفاق في مارس من العام الماضي", "مارس من العام الماضي", "2025-03", None, "month"),
    ("أعلنت الجزائر في جانفي 2025 خطة", "جانفي 2025", "2025-01", None, "month"),
    ("مطلع شهر مارس تبدأ المرحلة", "مطلع شهر مارس", "2026-03", "START", "month"),
    # a weekday and the date right after it are one TIME, valued by the date
    ("وصلت التعزيزات اليوم الاثنين 23 فبراير 2026 إلى المدينة", "اليوم الاثنين 23 فبراير 2026",
     "2026-02-23", None, "date"),
    ("انسحبت القوات يوم الخميس الموافق 19/2/2026 من البلدة", "يوم الخميس الموافق 19/2/2026",
     "2026-02-19", None, "date"),
]


def test_a_year_heading_an_entry_is_a_date() -> None:
    """«• 2016: …», «٢٠٢٥: …» at the start of a line date a chronology's entry."""
    text = "• 2016: أعادت القوة تموضع أفرادها.\n٢٠٢٥: تضم القوة نحو ألف عسكري.\nوبلغ عددهم 2016 عنصراً."
    assert [(t.text, t.value) for t in spans_ok(text, find_times(text, dt.date(2025, 4, 24)))] == [
        ("2016", "2016"), ("٢٠٢٥", "2025")]


@pytest.mark.parametrize("text, expected", [
    ("انسحبت في مارس 2024، ثم عادت في ديسمبر/كانون الأول من العام نفسه.",
     [("مارس 2024", "2024-03"), ("ديسمبر/كانون الأول من العام نفسه", "2024-12")]),
    ("وصلت في 3 آب 2023 وغادرت في منتصف أيلول من السنة ذاتها",
     [("3 آب 2023", "2023-08-03"), ("منتصف أيلول من السنة ذاتها", "2023-09")]),
    ("وصلت في 3 آب 2023 وغادرت في 5 أيلول من نفس العام",
     [("3 آب 2023", "2023-08-03"), ("5 أيلول من نفس العام", "2023-09-05")]),
    ("غادرت في أيلول من العام نفسه", [("أيلول", "2024-09")]),  # no date before it: the nearest September
    ("وصلت في آذار 2023 وغادرت في أيلول من العام الماضي", [("آذار 2023", "2023-03"), ("أيلول من العام الماضي", "2024-09")]),
])
def test_a_month_of_the_same_year_takes_the_year_before_it(text: str, expected: list) -> None:
    """«من العام نفسه» places a month in the year of the date before it, not the article's."""
    assert [(t.text, t.value) for t in spans_ok(text, find_times(text, dt.date(2025, 4, 24)))] == expected


@pytest.mark.parametrize("text, found", [
    ("انسحبت القوات الأوغندية قبل أسبوعين من معسكر هاواي", [("قبل أسبوعين", "2026-W09")]),  # from a place
    ("انسحبت الكتيبة قبل أسبوعين من المعسكر", [("قبل أسبوعين", "2026-W09")]),
    ("انسحبت القوات قبل أسبوعين من الانتخابات", []),  # before another event: no date of its own
])
def test_ago_before_a_place_is_a_date(text: str, found: list) -> None:
    assert [(t.text, t.value) for t in spans_ok(text, find_times(text, dt.date(2026, 3, 14)))] == found


def test_a_weekday_takes_one_date_only() -> None:
    """«الأربعاء 14 جمادى الأولى 1447هـ الموافق 5 تشرين الثاني 2025م»: the Hijri date joins the
    weekday; the Gregorian one after «الموافق» stays its own TIME."""
    text = "أعلن الجيش اليوم الأربعاء 14 جمادى الأولى 1447هـ الموافق 5 تشرين الثاني 2025م نشر قوات."
    assert [(t.text, t.value) for t in spans_ok(text, find_times(text, dt.date(2025, 11, 5)))] == [
        ("اليوم الأربعاء 14 جمادى الأولى 1447هـ", "2025-11-05"), ("5 تشرين الثاني 2025م", "2025-11-05")]
    bare = "صعدة - السبت ٨ ربيع الأول ١٤٤٨هـ الموافق ٢٢ أغسطس ٢٠٢٦م شهدت المديريات"  # a weekday with no «اليوم»
    assert [t.text for t in spans_ok(bare, find_times(bare, dt.date(2026, 8, 22)))] == [
        "السبت ٨ ربيع الأول ١٤٤٨هـ", "٢٢ أغسطس ٢٠٢٦م"]


@pytest.mark.parametrize("text, mention, value, mod, kind", FOUND)
def test_finds_and_resolves(text: str, mention: str, value: str, mod: str | None, kind: str) -> None:
    assert summary(text) == [(mention, value, mod, kind)]


NOT_TIME = [
    "وتأتي الخطوة بعد يومين من كمين نصبه مهربون",  # counted from an event, not from the article's date
    "بعد أربعة أيام على سريان وقف إطلاق النار",
    "وأكد المتهم أنه كان في كركوك تلك الليلة",  # that night, not tonight («الليلة» is guarded like «اليوم»)
    "ونفى ما تردد عن استهداف قسم الشرطة في الليلة نفسها",
    "فكّكت القوات النقطة بعد يومين فقط من استحداثها",
    "أما اليوم فلا يزال قرابة ٧٥٠٠ عنصر ينتشرون جنوب الليطاني",  # nowadays, against the past
    "انسحبت القوات من المطار. واليوم تنتشر وحدات الصاعقة حول المنصات",  # «واليوم» opening a sentence
    "وقال مصدر أمني لـ«المصري اليوم» إن الكتيبة غادرت",  # a newspaper's name
    "يتطلع السكان إلى غد أفضل بعد الحرب",  # «غد» without a weekday: the future
    "تلا الشيخ البيان عقب صلاة الجمعة في الجامع الكبير",  # the Friday prayer, not a date
    "بقلم العميد سامر الخوالدة - «الغد» لم يكن الكمين عابراً",  # a newspaper alone in quotes
    "تغطية مباشرة تُحدَّث على مدار اليوم",  # around the clock
    "سجل الهدف بنسبة 17/4 في المباراة",  # day/month only after a weekday
    "يعمل الجميع من أجل غد أفضل",  # a bare «غد» is the future, not tomorrow
    "انتشرت القوات على الطريق بين تاجوراء وسوق الجمعة",  # a district of Tripoli, not Friday
    "",
    "الأمين العام الحالي للأمم المتحدة",  # العام = general
    "مارس الجيش ضغوطاً كبيرة على المسلحين",  # مارس = practised
    "استقبل الرئيس رجب طيب أردوغان الوفد",  # رجب = a name
    "في اليوم التالي للهجوم انسحبت القوات",  # not the article's day
    "في ذلك اليوم انسحبت القوات",
    "واصلت فرق الإطفاء عملها لليوم السادس على التوالي",
    "تواصل قوات الاحتلال لليوم الحادي عشر على التوالي عدوانها على المخيم",  # a compound ordinal
    "قال مصدر مطلع إن القوات انسحبت",  # مطلع = informed
    "قتل أب لثلاثة أطفال في القصف",  # أب ≠ آب (August)
    "كان ينتشر في سوريا 28 موقعاً أميركياً",
    "بعد سقوط النظام السوري السابق",
    "نشر الجيش في 2000 جندي إضافي",  # a count, not a year
    "لا فرق بين كلا الاثنين",  # the two
    "قد تستمر عملية الانسحاب لأسابيع عدة",  # durations are not dates
    "يجب الرد خلال 48 ساعة",
    "منذ ثلاث سنوات والحصار مستمر",
    "أعلنت قوى 14 آذار رفضها للقرار",  # a name: neither the date nor «آذار» alone
    "افتتح جسر 6 أكتوبر بعد الترميم",
    "وشهد اليوم الختامي رماية بالذخيرة الحية",  # the day, described
    "الغارات جعلت منه اليوم الأعنف على الجبهة",
]


@pytest.mark.parametrize("text", NOT_TIME)
def test_not_a_date(text: str) -> None:
    assert summary(text) == []


@pytest.mark.parametrize("article, text, value", [
    (dt.date(2026, 2, 23), "في مارس قال", "2026-03"),  # next month: allowed
    (dt.date(2026, 2, 23), "في أبريل قال", "2025-04"),  # two months ahead: last year's
    (dt.date(2026, 2, 23), "في ديسمبر قال", "2025-12"),
    (dt.date(2026, 2, 23), "في فبراير قال", "2026-02"),
    (dt.date(2025, 12, 10), "في يناير قال", "2026-01"),  # across the year end
    (dt.date(2026, 1, 5), "في ديسمبر الماضي قال", "2025-12"),
    (dt.date(2026, 1, 5), "في يناير الماضي قال", "2025-01"),
    (dt.date(2025, 11, 30), "في 15 يناير المقبل قال", "2026-01-15"),
    (dt.date(2026, 1, 1), "الأسبوع الماضي", "2025-W52"),
    (dt.date(2026, 3, 31), "الشهر المقبل", "2026-04"),
    # a sentence about what is to come reads a bare month ahead (guidelines §7), unless a past
    # anchor («بعدما», «التي») comes between its cue and the month
    (dt.date(2026, 2, 10), "ستبقى القوات حتى نهاية ديسمبر", "2026-12"),
    (dt.date(2025, 7, 16), "ومن المقرر أن يصوّت المجلس منتصف أيلول", "2025-09"),
    (dt.date(2025, 11, 20), "سوف تغادر الكتيبة في فبراير", "2026-02"),
    (dt.date(2026, 2, 10), "ستنسحب القوات التي انتشرت في أيلول", "2025-09"),
    (dt.date(2026, 2, 10), "اشترى سيارة في أيلول", "2025-09"),  # «سيارة» is no future verb
])
def test_resolution_depends_on_the_article_date(article: dt.date, text: str, value: str) -> None:
    found = spans_ok(text, find_times(text, article))
    assert [t.value for t in found] == [value]


@pytest.mark.parametrize("text", ["وصل اليوم الوفد", "يوم الأربعاء الماضي", "الشهر الماضي",
                                  "نوفمبر الماضي", "قبل يومين", "في 15 مارس", "في 12 صفر",
                                  "شهر رمضان", "الـ15 من الشهر الجاري"])
def test_relative_without_article_date_is_found_without_value(text: str) -> None:
    found = spans_ok(text, find_times(text))
    assert len(found) == 1 and found[0].value is None


@pytest.mark.parametrize("text, expected", [
    # a day «of it» takes the month the text dated last, or the article's month alone
    ("الخميس ١٠ تشرين الأول/أكتوبر 2024: قصف. • السبت ١٢ منه: كمين.",
     [("الخميس ١٠ تشرين الأول/أكتوبر 2024", "2024-10-10"), ("السبت ١٢ منه", "2024-10-12")]),
    ("انسحبت في 3 آذار 2025، ثم عادت في الخامس من الشهر نفسه.",
     [("3 آذار 2025", "2025-03-03"), ("الخامس من الشهر نفسه", "2025-03-05")]),
    ("هاجموا في 30 كانون الثاني 2025 ثم في 31 منه", [("30 كانون الثاني 2025", "2025-01-30"), ("31 منه", "2025-01-31")]),
    ("• السبت ١٢ منه: كمين.", [("السبت ١٢ منه", "2026-02-12")]),
    ("• الاثنين ٣٠ منه: كمين.", [("الاثنين ٣٠ منه", None)]),  # February has no 30th
    ("قُتل 12 منهم وأُسر 3 منه", []),  # a count «of it», no day
])
def test_a_day_of_the_same_month(text: str, expected: list) -> None:
    assert [(t.text, t.value) for t in spans_ok(text, find_times(text, MONDAY))] == expected


def test_absolute_dates_need_no_article_date() -> None:
    text = "في 15 مارس 2025 وفي 15 رمضان 1446 هـ"
    assert [(t.value, t.calendar) for t in spans_ok(text, find_times(text))] == [
        ("2025-03-15", "gregorian"), ("2025-03-15", "hijri")]


@pytest.mark.parametrize("text, mention, value", [
    ("قد تستمر لأسابيع عدة", "أسابيع عدة", None),  # ل stays outside, as in «لعام 2026»
    ("يجب الرد خلال 48 ساعة", "خلال 48 ساعة", None),
])
def test_durations_only_on_request(text: str, mention: str, value: None) -> None:
    assert find_times(text, MONDAY) == []
    found = spans_ok(text, find_times(text, MONDAY, include_durations=True))
    assert [(t.text, t.value, t.kind) for t in found] == [(mention, value, "duration")]


def test_several_mentions_in_order_with_diacritics() -> None:
    text = ("بدأت القوات الأميركية صباحَ اليومِ الاثنين، بالانسحاب. وقال مسؤول يوم الأربعاء الماضي "
            "إن القوات ستغادر غداً، بعد زيارة في نوفمبر/ تشرين الثاني الماضي ونهاية العام 2024.")
    assert summary(text) == [
        ("صباحَ اليومِ الاثنين", "2026-02-23", None, "relative"),
        ("يوم الأربعاء الماضي", "2026-02-18", None, "weekday"),
        ("غداً", "2026-02-24", None, "relative"),
        ("نوفمبر/ تشرين الثاني الماضي", "2025-11", None, "month"),
        ("نهاية العام 2024", "2024", "END", "year"),
    ]


def test_datetime_article_date_and_reason() -> None:
    (t,) = spans_ok("أمس", find_times("أمس", dt.datetime(2026, 2, 23, 18, 30)))
    assert t.value == "2026-02-22" and t.reason.startswith("relative") and 0 < t.score <= 1


def test_committed_lexicon_is_up_to_date() -> None:
    committed = (ROOT / "models" / "lexicons" / "time.yaml").read_text(encoding="utf-8")
    assert committed == load_script("build_time_lexicon").render(), "run scripts/build_time_lexicon.py"


def test_lexicon_generates_regional_variants() -> None:
    classes = load_script("build_time_lexicon").build()["classes"]
    assert {classes["MON"][f] for f in ("نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر")} == {11}
    assert classes["MON"]["جويلية"] == 7 and classes["HMON"]["ذي الحجة"] == 12
    assert classes["ORD"]["الحادي والعشرين"] == 21 and classes["UNIT2"]["ساعتين"] == "hour"


def test_models_dir_follows_environment(tmp_path, monkeypatch) -> None:
    (tmp_path / "lexicons").mkdir()
    shutil.copy(ROOT / "models" / "lexicons" / "time.yaml", tmp_path / "lexicons" / "time.yaml")
    monkeypatch.setenv("EXTRACTOR_MODELS", str(tmp_path))
    assert times.models_dir() == tmp_path
    assert summary("وصل أمس") == [("أمس", "2026-02-22", None, "relative")]
    monkeypatch.delenv("EXTRACTOR_MODELS")
    assert times.models_dir() == ROOT / "models"


def test_anchor_dispatch_misses_nothing() -> None:
    """Trying only the rules an anchor word can start finds what trying all rules everywhere finds."""
    text = " و".join(row[0] for row in FOUND) + " " + " ".join(NOT_TIME)
    norm = normalize(text)
    lex = times._load(times.models_dir() / times.LEXICON)
    every = [(w.start(), range(len(lex.rules))) for w in re.finditer(r"(?<!\w)\w", norm)]

    def matches(starts) -> set[tuple[int, tuple[int, int]]]:
        return {(i, m.span("core")) for position, indexes in starts
                for i in indexes if (m := lex.rules[i][1].match(norm, position))}

    fast = matches(times._starts(norm, lex))
    assert len(fast) > len(FOUND) and fast == matches(every)


@pytest.mark.parametrize("text, expected", [
    ("خلال الأسبوع الأول من رمضان", [("الأسبوع الأول من رمضان", "2024-W11")]),  # 1 Ramadan 1445 = Mon 11 March
    ("في الأسبوع الأخير من آذار/مارس 2024", [("الأسبوع الأخير من آذار/مارس 2024", "2024-W13")]),
    ("في الأسبوع الثاني من شهر يناير المقبل", [("الأسبوع الثاني من شهر يناير المقبل", "2025-W02")]),
    ("خلال الأسبوع الأول من الشهر الجاري", [("الأسبوع الأول من الشهر الجاري", "2024-W09")]),
    ("في الأسبوع الأخير من الشهر الماضي", [("الأسبوع الأخير من الشهر الماضي", "2024-W08")]),
    ("الأول من الشهر الجاري", [("الأول من الشهر الجاري", "2024-03-01")]),  # a day, not a week
])
def test_a_week_of_a_month_is_an_iso_week(text: str, expected: list) -> None:
    """«الأسبوع الأول من رمضان» is one TIME, the week holding the month's first day (guidelines §7)."""
    assert [(t.text, t.value) for t in spans_ok(text, find_times(text, dt.date(2024, 3, 21)))] == expected


@pytest.mark.parametrize("text, date, expected", [
    ("قُتل ليلة الخميس-الجمعة في هجوم", "2024-10-19", [("ليلة الخميس-الجمعة", "2024-10-17")]),  # the night's first day
    ("خلال ليل الجمعة-السبت وحده", "2024-10-19", [("ليل الجمعة-السبت", "2024-10-18")]),
    ("يومي الخميس-الجمعة", "2024-10-19", [("الخميس", "2024-10-17"), ("الجمعة", "2024-10-18")]),  # no night: two days
    ("وقع الهجوم ليلة 14-15 كانون الثاني/يناير الماضي", "2026-04-07",
     [("ليلة 14-15 كانون الثاني/يناير الماضي", "2026-01-14")]),  # a night named by two dates
    ("في ليلة 26 إلى 27 أيار/مايو 2026 هاجم مسلحون الموقع", "2026-05-30",
     [("ليلة 26 إلى 27 أيار/مايو 2026", "2026-05-26")]),  # «إلى» normalizes to «الي»
    ("استهدف المعسكر ليلة التاسع على العاشر من كانون الاول/ديسمبر الجاري", "2026-12-20",
     [("ليلة التاسع على العاشر من كانون الاول/ديسمبر الجاري", "2026-12-09")]),
    ("انسحبت في الأيام الأخيرة من كانون الأول/ديسمبر", "2024-01-29",
     [("الأيام الأخيرة من كانون الأول/ديسمبر", "2023-12")]),  # mod END
    ("هاجموا الدورية عشية عيد الأضحى", "2024-11-19", [("عشية عيد الأضحى", "2024-06-15")]),  # the nearest Eid, past
    ("من يوم الوقفة والجنود يتحركون", "2026-06-04", [("يوم الوقفة", "2026-05-26")]),  # Arafat day, Egypt
    ("على أن تنسحب قبل عشية عيد الأضحى", "2025-05-27", [("عشية عيد الأضحى", "2025-06-05")]),  # the nearest, ahead
    ("في ثاني أيام عيد الفطر", "2025-04-05", [("ثاني أيام عيد الفطر", "2025-03-31")]),
    ("أول أيام عيد الفطر المقبل", "2025-04-05", [("أول أيام عيد الفطر المقبل", "2026-03-20")]),
])
def test_nights_ends_of_months_and_feasts(text: str, date: str, expected: list) -> None:
    """A night named by two days is the first; «الأيام الأخيرة من» is a month's end; a feast is
    its Hijri date in the nearest year, its eve the day before (guidelines §7)."""
    found = spans_ok(text, find_times(text, dt.date.fromisoformat(date)))
    assert [(t.text, t.value) for t in found] == expected
