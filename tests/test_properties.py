"""Property-based tests: whatever the text, extract() returns valid, exact output."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import SAMPLE, assert_valid

ARABIC_WORDS = ["القوات", "الأميركية", "بالانسحاب", "من", "قاعدة", "«التنف»", "نحو", "١٬٠٠٠", "جندي",
                "أمس", "يوم", "الأحد", "الماضي", "و", "إلى", "ريف", "الحسكة", "2.5", "ألف", "،", ".",
                "قسد", "لقوات", "هجوم", "على", "مطار", "العسكري", "\u200f", "ـ", "\n", "<b>", "%"]
arabic_texts = st.lists(st.sampled_from(ARABIC_WORDS), max_size=60).map(" ".join)
any_texts = st.text(max_size=300)
mixed = st.one_of(arabic_texts, any_texts,
                  st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=200))
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")


@st.composite
def mutated_sample(draw) -> str:
    """The sample article with a random slice cut out and random text inserted."""
    start = draw(st.integers(0, len(SAMPLE_TEXT)))
    end = draw(st.integers(start, min(len(SAMPLE_TEXT), start + 200)))
    insert = draw(mixed)
    return SAMPLE_TEXT[:start] + insert + SAMPLE_TEXT[end:]


def _check(extractor, text: str) -> None:
    out = extractor.extract(text, date="2026-02-23", doc_id="p").to_dict()
    assert_valid(out, text)   # schema, text[start:end] == text, every ref resolves
    assert not any(e.startswith("extraction failed") for e in out["errors"]), out["errors"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=mixed)
@example(text="مطار")  # a base head that ends the text (found by this test once)
@example(text="معسكر")
def test_random_text(extractor, text: str) -> None:
    _check(extractor, text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=mutated_sample())
def test_mutated_sample(extractor, text: str) -> None:
    _check(extractor, text)
