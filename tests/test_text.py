"""Text layer: CAMeL normalization with offsets, tokens, clitics, sentences."""

from __future__ import annotations

import pytest

from conftest import load_script
from extractor.normalize import has_hamza_alef, normalize, normalize_with_offsets, original_span
from extractor.text import ProcliticSplitter, sentences, tokenize


@pytest.mark.parametrize("raw, expected", [
    ("القواتُ", "القوات"),                 # dediacritization
    ("الأميركيـــة", "الاميركيه"),           # tatweel, alef hamza, taa marbuta
    ("إلى", "الي"),                         # alef hamza below, alef maksura
    ("آلاف", "الاف"),                       # alef madda
    ("١٬٠٠٠", "1,000"),                     # Eastern Arabic digits and separator
    ("٢٫٥", "2.5"),                         # Arabic decimal separator
    ("۱۲۳", "123"),                         # Persian digits
    ("ﻻ", "لا"),                            # presentation-form ligature
    ("أ\u200fب", "ا ب"),                    # bidi mark separates words
])
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw", ["القواتُ الأميركيـة", "ﻻ بُدَّ", "a\u202bب\u200fج", "١٬٠٠٠ جنديٍّ"])
def test_offsets_map_back_to_the_original(raw: str) -> None:
    norm, offsets = normalize_with_offsets(raw)
    assert len(offsets) == len(norm) + 1 and offsets[-1] == len(raw)
    for start in range(len(norm)):
        ostart, oend = original_span(offsets, start, start + 1)
        assert norm[start] in normalize(raw[ostart:oend])


KNOWN = {"قسد", "سوريا", "التنف", "بغداد", "لبنان", "بنان", "بالوظه"}
splitter = ProcliticSplitter(lambda stem: stem in KNOWN)


@pytest.mark.parametrize("word, pieces", [
    ("بالحسكة", ["ب", "الحسكة"]),
    ("والتنف", ["و", "التنف"]),
    ("لقسد", ["ل", "قسد"]),
    ("للقوات", ["ل", "لقوات"]),
    ("وبالقاعدة", ["و", "ب", "القاعدة"]),
    ("فالجيش", ["ف", "الجيش"]),
    ("وسوريا", ["و", "سوريا"]),
    ("و24", ["و", "24"]),
    ("بغداد", ["بغداد"]),           # a name, not ب + غداد
    ("لبنان", ["لبنان"]),
    ("بالوظة", ["بالوظة"]),         # a known name that looks like ب + ال + وظة stays whole
    ("ولبنان", ["و", "لبنان"]),     # the longer known stem, not و + ل + بنان
    ("وزير", ["وزير"]),
    ("والي", ["والي"]),             # too short after ال to be و + ال
    ("الحسكة", ["الحسكة"]),
    ("كركوك", ["كركوك"]),
])
def test_proclitic_splitting(word: str, pieces: list[str]) -> None:
    tokens = tokenize(word, splitter)
    assert [t.text for t in tokens] == pieces
    assert "".join(t.text for t in tokens) == word


def test_lam_lam_piece_normalizes_to_the_definite_name() -> None:
    tokens = tokenize("للقوات", splitter)
    assert tokens[1].norm == "القوات"


@pytest.mark.parametrize("text", [
    "بدأت القوات الأميركية بالانسحاب من قاعدة «خراب الجير»، و1,000 جندي.\n\nثم  غادرت.",
    "  مسافات في البداية\tونهاية  ",
    "نص\u200fمع\u202bعلامات اتجاه",
    "2.5 ألف، ١٬٠٠٠ و٣٠٠ جندي؟!",
    "",
])
def test_tokens_rebuild_the_text_exactly(text: str) -> None:
    tokens = tokenize(text, splitter)
    assert "".join(t.text + t.space_after for t in tokens) == text
    for token in tokens:
        assert text[token.start:token.end] == token.text


@pytest.mark.parametrize("text, number", [
    ("قتل 2.5 ألف", "2.5"), ("نحو 1,000 جندي", "1,000"), ("نحو ١٬٢٠٠ جندي", "١٬٢٠٠"),
    ("بنسبة 12.5%", "12.5"),
])
def test_numbers_stay_one_token(text: str, number: str) -> None:
    assert number in [t.text for t in tokenize(text, splitter)]


@pytest.mark.parametrize("text, expected", [
    ("انسحبت القوات. ووصلت التعزيزات.", ["انسحبت القوات.", "ووصلت التعزيزات."]),
    ("هل انسحبت؟ نعم!", ["هل انسحبت؟", "نعم!"]),
    ("قال: «انسحبنا.» ثم غادر", ["قال: «انسحبنا.»", "ثم غادر"]),
    ("بلغ العدد 2.5 ألف جندي.", ["بلغ العدد 2.5 ألف جندي."]),
    ("سطر أول\nسطر ثان", ["سطر أول", "سطر ثان"]),
    ("- بند أول\n- بند ثان", ["- بند أول", "- بند ثان"]),
    ("* *\nس: هل انسحبتم؟", ["* *", "س: هل انسحبتم؟"]),  # a run of marks opens one sentence
    ("قال د. أحمد إن القوات غادرت.", ["قال د. أحمد إن القوات غادرت."]),
    ("انسحبت؛ ثم عادت", ["انسحبت؛", "ثم عادت"]),
])
def test_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentences(text, tokenize(text, splitter))] == expected


def test_whole_words_list_is_up_to_date() -> None:
    pytest.importorskip("wordfreq")  # the gazetteer extra, installed with [dev]
    script = load_script("build_whole_words")
    committed = script.OUT.read_text(encoding="utf-8")
    assert committed == script.render(script.whole_words()), "run scripts/build_whole_words.py"


@pytest.mark.parametrize("word, pieces", [
    ("كبيرة", ["كبيرة"]),           # not ك + a village «بيرة»
    ("ورقة", ["ورقة"]),             # a sheet of paper, not و + رقة
    ("فيصل", ["فيصل"]),             # a name, not ف + «يصل» (arrives)
    ("فعلا", ["فعلا"]),
    ("وسوريا", ["و", "سوريا"]),     # a clitic on a name still splits
    ("وانسحبت", ["و", "انسحبت"]),   # and on a verb trigger
    ("وسحبنا", ["و", "سحبنا"]),     # and on a trigger in the first person plural
    ("وسننشر", ["و", "سننشر"]),
    ("وطننا", ["وطننا"]),           # «our homeland»: no trigger inside
    ("لقاعدة", ["ل", "قاعدة"]),
    ("ولبنان", ["و", "لبنان"]),
    ("في مقاطعة والام", ["في", "مقاطعة", "والام"]),  # no و after an indefinite province: a name
])
def test_project_splitter_keeps_common_words_whole(word: str, pieces: list[str]) -> None:
    from extractor.language import blank

    assert [t.text for t in blank().make_doc(word)] == pieces


_ALL = frozenset({"ب", "ل", "ك", "و", "ف"})


@pytest.mark.parametrize("text, glued, words", [
    ("وصلت تعزيزات في بزاريا", {"في": _ALL}, ["وصلت", "تعزيزات", "في", "بزاريا"]),  # no ب after «في»
    ("وصلت تعزيزات في بزاريا", {}, ["وصلت", "تعزيزات", "في", "ب", "زاريا"]),  # the rule alone splits
    ("انسحبت القوات من بلدة بزاريا", {"في": _ALL}, ["انسحبت", "القوات", "من", "بلدة", "ب", "زاريا"]),
    ("انسحبت القوات من ولام", {"من": _ALL}, ["انسحبت", "القوات", "من", "ولام"]),  # nor و, every piece
    ("وصلت إلى ولّام", {"الي": _ALL}, ["وصلت", "إلى", "ولّام"]),  # a shadda makes «لّ» no longer than the stem
    ("انتشرت في بئر علي ولام", {"علي": _ALL - {"و"}}, ["انتشرت", "في", "بئر", "علي", "و", "لام"]),  # «علي» is a name
])
def test_glue_clitics_after_a_preposition(text: str, glued: dict[str, frozenset[str]], words: list[str]) -> None:
    splitter = ProcliticSplitter(lambda stem: stem in ("زاريا", "لام", "ام"))
    tokens = tokenize(text, splitter, glued)
    assert [t.text for t in tokens] == words
    assert "".join(t.text + t.space_after for t in tokens) == text


@pytest.mark.parametrize("text, words", [
    ("انسحبت القوات من بلدة ولام", ["انسحبت", "القوات", "من", "بلدة", "ولام"]),  # a name after a town
    ("انسحبت القوات من بلدة لام", ["انسحبت", "القوات", "من", "بلدة", "لام"]),
    ("دخلوا بلدة بلام", ["دخلوا", "بلدة", "ب", "لام"]),  # only و: «بلدة للجيش فيها مقر»
    ("دخلوا بلدة ولاموا", ["دخلوا", "بلدة", "و", "لاموا"]),  # what reads as a verb stays apart
])
def test_glue_only_the_conjunction_after_a_place_noun(text: str, words: list[str]) -> None:
    splitter = ProcliticSplitter(lambda stem: stem in ("لام", "لاموا"))
    glue = {"من": _ALL, normalize("بلدة"): frozenset({"و"})}
    tokens = tokenize(text, splitter, glue, lambda text, norm: norm.endswith("وا"))
    assert [t.text for t in tokens] == words
    assert "".join(t.text + t.space_after for t in tokens) == text


def test_the_pipeline_keeps_the_conjunction_after_a_preposition_written_like_a_name() -> None:
    from extractor.language import glue_map

    glue = glue_map()
    assert glue[normalize("في")] == _ALL and glue[normalize("بلدة")] == frozenset({"و", "ف"})
    assert glue[normalize("معسكر")] == frozenset({"ف"})  # «معسكر فالاغونتو»; «قاعدة ومطار» may join two
    assert glue[normalize("على")] == _ALL - {"و"}  # «على» normalizes like the name «علي»


@pytest.mark.parametrize("line, words", [
    ("• سنحان: قصفت المقاتلات", "سنحان: قصفت المقاتلات"),
    ("  ■ الأحد 10 مايو", "الأحد 10 مايو"),
    ("٤. (٠٢:١٠) أحبطت مفرزة", "(٠٢:١٠) أحبطت مفرزة"),
    ("22:40 — وصلت تعزيزات", "وصلت تعزيزات"),
    ("(٢١:١٥) تعرّض المخفر", "تعرّض المخفر"),
    ("2026 كان عاماً صعباً", None),  # a year opens no item
    ("انتشرت القوات", None),
])
def test_item_start(line, words) -> None:
    from extractor.text import item_start

    start = item_start(line)
    assert (None if start is None else line[start:]) == words


@pytest.mark.parametrize("word, pieces", [
    ("وزلة", ["و", "زلة"]),  # و comes off before a place whose name is also a word
    ("كميناً", ["كميناً"]),  # ... but not ك: «كميناً» is an ambush, not ك + «مينا»
    ("بزلة", ["بزلة"]),
])
def test_only_the_conjunction_comes_off_before_an_ambiguous_place(word: str, pieces: list[str]) -> None:
    splitter = ProcliticSplitter(lambda stem: False, lambda stem: stem in ("زله", "مينا"))
    assert [word[start:end] for start, end, _ in splitter.segment(word)] == pieces


@pytest.mark.parametrize("word, pieces", [
    ("كفردان", ["كفردان"]),  # a Kafr village, not ك + «فردان» (a known name)
    ("وكفردان", ["و", "كفردان"]),  # و comes off before it
    ("بكفرشوبا", ["ب", "كفرشوبا"]),
    ("كسوريا", ["ك", "سوريا"]),  # ك before any other name still comes off
])
def test_a_kafr_village_keeps_its_kaf(word: str, pieces: list[str]) -> None:
    splitter = ProcliticSplitter(lambda stem: stem in ("فردان", "سوريا"))
    assert [word[start:end] for start, end, _ in splitter.segment(word)] == pieces


@pytest.mark.parametrize("text, words", [
    ("في خور عبد الله وشط العرب", ["في", "خور", "عبد", "الله", "و", "شط", "العرب"]),  # a name's first two words
    ("إلى سرت وبن جواد.", ["إلى", "سرت", "و", "بن", "جواد", "."]),
    ("وَشط العرب", ["وَ", "شط", "العرب"]),  # a mark on the و stays with it
    ("وجد الجيش مخزناً", ["وجد", "الجيش", "مخزناً"]),  # «جد الجيش» opens no name: a word of its own
    ("وشط", ["وشط"]),  # nothing after it
])
def test_split_before_names(text: str, words: list[str]) -> None:
    openings = {("شط", "العرب"), ("بن", "جواد")}
    tokens = tokenize(text, ProcliticSplitter(), opens_name=lambda stem, following: (stem, following) in openings)
    assert [t.text for t in tokens] == words
    assert "".join(t.text + t.space_after for t in tokens) == text
    assert all(text[t.start:t.end] == t.text for t in tokens)


@pytest.mark.parametrize("text, name", [
    ("تنتشر الزوارق في خور عبد الله وشط العرب.", "شط العرب"),
    ("وصلت التعزيزات إلى سرت وبن جواد.", "بن جواد"),
])
def test_project_tokenizer_splits_before_a_known_name(text: str, name: str) -> None:
    from extractor.language import blank

    words = [t.text for t in blank().make_doc(text)]
    assert name.split()[0] in words and "و" + name.split()[0] not in words


@pytest.mark.parametrize("text, hamza", [("وأدى", True), ("وادي", False), ("فأما", True), ("فاما", False),
                                         ("إقليم", True), ("آليات", True), ("الامن", False)])
def test_a_hamza_on_an_alef_is_told_before_normalization_folds_it(text, hamza) -> None:
    assert has_hamza_alef(text) is hamza
    assert not has_hamza_alef(normalize(text))  # normalization folds it away: matching cannot tell
