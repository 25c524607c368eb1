"""One sense per discourse: bare repeats of the article's PLACE names (extractor/discourse.py)."""

from __future__ import annotations

import pytest

from conftest import assert_valid
from extractor.api import Extractor

RULES = Extractor(ner=False)

CASES = [
    # a village first named in a list after a dual descriptor, then bare (and with و)
    ("انتشرت القوات في بلدتي عوسويني وبعادوين. وقال ضابط إن الجنود يتمركزون في عوسويني وبعادوين.",
     ["عوسويني", "بعادوين", "عوسويني", "بعادوين"]),
    # a proclitic left on the unknown name stays outside the span
    ("وصلت التعزيزات إلى قرية الكشكية صباحاً، ثم انتشرت بالكشكية وما حولها.", ["الكشكية", "الكشكية"]),
    # two-word names repeat whole
    ("سيطر الجيش على قرية خربة الناقوس. وتقع خربة الناقوس في سهل الغاب.",
     ["خربة الناقوس", "خربة الناقوس", "سهل الغاب"]),
    # a BASE's name without its head is a PLACE where it recurs (guidelines §4)
    ("سلّمت البعثة قاعدة دينسور إلى الجيش، وغادر الجنود دينسور فجر اليوم.", ["دينسور"]),
    # a base's name that is a word too spreads only where a preposition locates it
    ("غادر السرب قاعدة العديد، ولا تزال في العديد نحو مئة طائرة في العديد من الحظائر.", ["العديد"]),
    # …or where a verb of an event governs it, or «قد» and a verb follow it
    ("رابط السرب في قاعدة العديد شهرين ثم غادر العديد، وكانت العديد قد استقبلت العديد من الطائرات.",
     ["العديد", "العديد"]),
    # …and a terrain noun naming a camp is no place where it recurs
    ("وسُلّم معسكر \"الواحات\" لقوة محلية مهمتها تأمين الطرق في الواحات.", []),
    # …but not a name that begins with a title: the bare «الملك فيصل» is the king
    ("هبطت الطائرات في قاعدة الملك فيصل الجوية. واستقبل الملك فيصل الوفد.", []),
    # a repeat after an owner head is a body's name: a hospital, a radio («لإذاعة» too)
    ("وصلت التعزيزات إلى قرية الكشكية. ونُقل الجرحى إلى مستشفى الكشكية، وقال لإذاعة الكشكية إن الوضع هادئ.",
     ["الكشكية"]),
    # …or after a title and a first name («عبد السلام» is one)
    ("وصلت التعزيزات إلى قرية الكشكية. وقال العقيد عبد السلام الكشكية إن الوضع هادئ.", ["الكشكية"]),
    # …or inside an organisation's name, whatever the name is elsewhere (guidelines §3)
    ("ورحّبت بعثة الأمم المتحدة للدعم في ليبيا بالخطوة، ودعت إلى إخراج المرتزقة من ليبيا.", ["ليبيا"]),
    # an ambiguous gazetteer name named once with its cue is not spread to the common word
    ("دخلت القوات مدينة الباب. وفتح الاتفاق الباب أمام الحوار.", ["الباب"]),
]


@pytest.mark.parametrize("text, places", CASES)
def test_a_place_name_is_a_place_where_it_recurs(text, places) -> None:
    out = RULES.extract(text).to_dict()
    assert_valid(out, text)
    assert [e["text"] for e in out["entities"] if e["label"] == "PLACE"] == places


def test_a_repeat_says_which_mention_it_repeats() -> None:
    text = "انتشرت القوات في بلدتي عوسويني وبعادوين ثم هدأت عوسويني."
    repeats = [e for e in RULES.extract(text).to_dict()["entities"] if "repeats" in e.get("reason", "")]
    assert [(e["text"], e["reason"]) for e in repeats] == [("عوسويني", "repeats the PLACE «عوسويني» at 23")]


@pytest.mark.parametrize("text, bases, places", [
    # an airport the article shows in military use is a BASE wherever «مطار نيالا» recurs
    ("ضربات بمسيرات على مطار نيالا. واستهدف الجيش مطار نيالا، الذي تتخذه قوات الدعم السريع قاعدة.",
     ["مطار نيالا", "مطار نيالا"], []),
    # the bare name stays a PLACE, and an airport never made a BASE stays a head before a PLACE
    ("وصلت الطائرات إلى مطار كسلا. وانتشرت القوات في كسلا.", [], ["كسلا", "كسلا"]),
    # an airport named like a base of the article is that base; a port named like its airport is not
    ("تمركزت المقاتلات في قاعدة وادي سيدنا. وهاجمت المسيرات مطار وادي سيدنا أمس.",
     ["قاعدة وادي سيدنا", "مطار وادي سيدنا"], []),
    ("تتمركز المروحيات في مطار العريش العسكري. وبدأت أعمال توسعة ميناء العريش التجاري.",
     ["مطار العريش"], ["العريش"]),
])
def test_a_base_name_is_a_base_where_it_recurs_with_its_head(text, bases, places) -> None:
    out = RULES.extract(text).to_dict()
    assert_valid(out, text)
    assert [e["text"] for e in out["entities"] if e["label"] == "BASE"] == bases
    assert [e["text"] for e in out["entities"] if e["label"] == "PLACE"] == places


@pytest.mark.parametrize("found, whole", [
    ("جبيهة", "أبو جبيهة"),  # the second word of a compound found alone takes the first in
    ("بنتيلي", "عين بنتيلي"),
    ("فهد", "فهد"),  # not a title («الملك فهد») ...
    ("سنوني", "سنوني"),  # ... nor a literal noun before a place («سوق سنوني»: its market)
])
def test_a_place_found_inside_a_compound_name_gets_the_whole_name(found, whole) -> None:
    from extractor.mentions import Mention
    from extractor.place_context import complete_name

    text = "انتشر الجيش في أبو جبيهة وعين بنتيلي وقاعدة الملك فهد وسوق سنوني."
    doc = RULES.nlp.make_doc(text)
    start = text.index(found)
    mention = Mention("PLACE", start, start + len(found), found, score=0.6, source="model")
    complete_name(doc, mention)
    assert text[mention.start:mention.end] == mention.text == whole


@pytest.mark.parametrize("text, places", [
    ("وصلت القوات إلى العلمين الجديدة.", ["العلمين الجديدة"]),  # a new town: one name
    ("انتشرت كتيبة في الموصل الجديدة.", ["الموصل الجديدة"]),
    ("قال إن سوريا الجديدة لن تقبل بذلك.", ["سوريا"]),  # a country's «new» is rhetoric
])
def test_new_after_a_town_is_part_of_its_name(text, places) -> None:
    out = RULES.extract(text).to_dict()
    assert_valid(out, text)
    assert [e["text"] for e in out["entities"] if e["label"] == "PLACE"] == places


@pytest.mark.parametrize("text, found", [
    ("تحديث الوضع الإنساني رقم ٢٦٧ – شمال الضفة", "٢٦٧"),  # a number
    ("شرح قرية بقرية\n\nبعد شهرين على الانسحاب", "\n\n"),  # a blank line
])
def test_a_model_name_without_letters_is_dropped(text, found) -> None:
    from extractor.mentions import Mention

    doc = RULES.nlp.make_doc(text)
    start = text.index(found)
    doc._.mentions = [Mention("PLACE", start, start + len(found), found, score=0.6, source="model")]
    doc = RULES.nlp.get_pipe("arabic_place_filters")(doc)
    assert doc._.mentions == []


@pytest.mark.parametrize("word", ["الدرب", "الشاطئ"])
def test_a_lone_terrain_noun_from_the_model_names_nothing(word) -> None:
    from extractor.mentions import Mention

    text = f"تتبع فريقنا {word} ستة أيام متتالية."
    doc = RULES.nlp.make_doc(text)
    start = text.index(word)
    doc._.mentions = [Mention("PLACE", start, start + len(word), word, score=0.6, source="model")]
    doc = RULES.nlp.get_pipe("arabic_place_filters")(doc)
    assert doc._.mentions == []
