"""spaCy document model: tokenizer, NORM matching, registered factories, load()."""

from __future__ import annotations

import sys

import pytest
from spacy.matcher import Matcher, PhraseMatcher

from conftest import load_script
from extractor import load
from extractor.language import blank

TEXT = "وبدأت القوات الأميركية بالانسحاب من قاعدة «التنف»،  متجهة إلى الأردن.\n\nوقال مصدر لـ«الوكالة» إن للقوات خطة."


@pytest.fixture(scope="module")
def nlp():
    return blank()


def test_doc_text_is_the_original_exactly(nlp) -> None:
    doc = nlp(TEXT)
    assert doc.text == TEXT
    clitic = [t for t in doc if t._.is_clitic]
    assert [t.text for t in clitic][:2] == ["و", "ب"]
    assert all(not t.whitespace_ for t in clitic)


def test_norm_supports_matchers(nlp) -> None:
    doc = nlp(TEXT)
    matcher = PhraseMatcher(nlp.vocab, attr="NORM")
    matcher.add("FORCE", [nlp.make_doc("القوات الأمريكية".replace("أمريكية", "اميركيه"))])
    matcher.add("DEF", [nlp.make_doc("القوات")])
    spans = {doc[s:e].text for _, s, e in matcher(doc)}
    assert "القوات الأميركية" in spans and "لقوات" in spans   # للقوات → ل + لقوات (NORM القوات)
    token_matcher = Matcher(nlp.vocab)
    token_matcher.add("WITHDRAW", [[{"NORM": "الانسحاب"}]])
    assert [doc[s:e].text for _, s, e in token_matcher(doc)] == ["الانسحاب"]


def test_sentences_come_from_the_news_splitter(nlp) -> None:
    doc = nlp(TEXT)
    assert [s.text.strip() for s in doc.sents][0].endswith("الأردن.")
    assert len([s for s in doc.sents if s.text.strip()]) == 2


def test_load_returns_an_editable_pipeline() -> None:
    nlp = load(ner=False)
    assert nlp.pipe_names == ["arabic_places", "arabic_quantities", "arabic_times", "arabic_place_filters",
                              "arabic_place_lists", "arabic_rare_places", "arabic_abbreviations",
                              "arabic_entity_resolver", "arabic_place_repeats", "arabic_events"]
    assert load(ner=True).pipe_names[3:9] == ["arabic_statistical_ner", "arabic_place_filters",
                                              "arabic_place_lists", "arabic_rare_places", "arabic_abbreviations",
                                              "arabic_entity_resolver"]
    doc = nlp(TEXT)
    assert {e.label_ for e in doc.ents} >= {"FORCE", "BASE", "PLACE"}
    assert len(doc.spans["candidates"]) >= len(doc.ents)
    assert doc._.events and doc._.events[0].type == "WITHDRAWAL"
    nlp.remove_pipe("arabic_events")
    assert nlp(TEXT)._.events is None
    nlp.add_pipe("arabic_events")
    assert nlp(TEXT)._.events


def test_torch_and_pandas_are_not_imported_on_the_default_path() -> None:
    """torch is gigabytes; pandas is ~0.15 s of the 2 s load budget and only the tables need it."""
    import subprocess

    code = ("import sys, extractor; from extractor import Extractor; "
            "Extractor().extract('انسحبت القوات من قاعدة التنف'); "
            "print('torch' in sys.modules, 'pandas' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "False False"


def test_camel_morphology_segmenter_in_the_pipeline() -> None:
    from pathlib import Path

    fixture = Path(__file__).parent / "fixtures" / "morph_db" / "morphology.db"
    nlp = blank("camel", db_path=str(fixture))
    text = "وصلت القوات بالحسكة"
    doc = nlp(text)
    assert doc.text == text
    pieces = [(t.text, t.norm_) for t in doc]
    assert ("ب", "ب") in pieces and ("الحسكة", "الحسكه") in pieces


def test_camel_charsets_are_read_from_a_current_table() -> None:
    """CAMeL's category sets come from models/unicode_categories.json, which must be what the
    generator writes for this Python's Unicode, and must give CAMeL's very sets."""
    import json

    build = load_script("build_unicode_categories")
    assert json.loads(build.OUT.read_text(encoding="utf-8")) == build.table()
    charsets = sys.modules["camel_tools.utils.charsets"]
    assert "_from_table" in vars(charsets)  # the shim ran, not the 1.1-million-step loop
    ranges = build.category_ranges()
    for major, name in (("L", "UNICODE_LETTER_CHARSET"), ("P", "UNICODE_PUNCT_CHARSET"),
                        ("S", "UNICODE_SYMBOL_CHARSET")):
        assert getattr(charsets, name) == frozenset(chr(c) for a, b in ranges[major] for c in range(a, b + 1))
    assert "\u064e" in charsets.AR_DIAC_CHARSET and "،" in charsets.UNICODE_PUNCT_SYMBOL_CHARSET


def test_camel_charsets_fall_back_to_the_plain_import_on_another_unicode(tmp_path, monkeypatch) -> None:
    import json

    from extractor import _compat

    (tmp_path / "unicode_categories.json").write_text(json.dumps({"unidata_version": "0.0", "ranges": {}}))
    monkeypatch.setenv("EXTRACTOR_MODELS", str(tmp_path))
    monkeypatch.delitem(sys.modules, "camel_tools.utils.charsets")
    assert _compat.preload_camel_charsets() is False
    assert "camel_tools.utils.charsets" not in sys.modules
