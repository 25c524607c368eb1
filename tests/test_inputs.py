"""Bad input never raises: each problem is a clear message in the article's errors."""

from __future__ import annotations

import pytest

from conftest import assert_valid

ARABIC = "انسحبت القوات الأميركية من قاعدة التنف أمس."


@pytest.mark.parametrize("text, message, extracted", [
    ("", "empty text", False),
    ("   \n\t ", "empty text", False),
    (None, "text must be a string", False),
    (12345, "text must be a string", False),
    ("The US army left the base yesterday.", "little Arabic", True),
    ("<p>" + ARABIC + "</p><script>var a = 1;</script>", "HTML markup", True),
    ("\u202b" + ARABIC + "\u200f", "bidi", True),
    (ARABIC + "\x00\x07", "control", True),
    ("انسحبت \ufffd القوات", "U+FFFD", True),
    ("12345 67890", "no letters", True),
])
def test_bad_input_gives_a_message(extractor, text, message, extracted) -> None:
    result = extractor.extract(text, date="2025-01-02", doc_id="x")
    out = result.to_dict()
    assert_valid(out, text if isinstance(text, str) else None)
    assert any(message in error for error in out["errors"]), out["errors"]
    if not extracted:
        assert out["entities"] == [] and out["events"] == []


def test_huge_article_is_refused_with_a_message(extractor) -> None:
    text = ARABIC * (5_000_000 // len(ARABIC) + 1)
    out = extractor.extract(text, doc_id="big").to_dict()
    assert out["entities"] == [] and "text too large" in out["errors"][0]


def test_html_offsets_point_into_the_original(extractor) -> None:
    text = "<div class='x'>" + ARABIC + "</div>"
    out = extractor.extract(text).to_dict()
    assert out["entities"]
    for entity in out["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]
        assert "<" not in entity["text"]


def test_bidi_marks_inside_names_keep_exact_offsets(extractor) -> None:
    text = "انسحبت القوات\u200f الأميركية من قاعدة\u200f التنف"
    out = extractor.extract(text).to_dict()
    assert_valid(out, text)
    assert {"BASE", "FORCE"} <= {e["label"] for e in out["entities"]}


def test_bad_date_is_reported(extractor) -> None:
    out = extractor.extract(ARABIC, date="last tuesday").to_dict()
    assert any("not an ISO date" in error for error in out["errors"])


def test_a_failing_component_loses_nothing(extractor, monkeypatch) -> None:
    from extractor import events

    def boom(self, doc):
        raise RuntimeError("component exploded")

    monkeypatch.setattr(events.EventExtractor, "__call__", boom)
    results = list(extractor.pipe([{"id": "a", "text": ARABIC}, {"id": "b", "text": ARABIC}]))
    assert [r.id for r in results] == ["a", "b"]
    assert all("component exploded" in r.errors[0] for r in results)
