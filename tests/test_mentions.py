"""Overlap resolution between recognizers: explicit, documented priorities."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.mentions import Mention, in_brackets_after, resolve_overlaps


def m(label, start, end, source="rules", score=0.9):
    return Mention(label, start, end, "x" * (end - start), score, source)


@pytest.mark.parametrize("mentions, kept", [
    ([m("PLACE", 6, 10), m("BASE", 0, 10)], [("BASE", 0, 10)]),            # base beats inner place
    ([m("PLACE", 0, 5), m("FORCE", 0, 5)], [("FORCE", 0, 5)]),              # same span: priority
    ([m("PLACE", 0, 5, score=0.5), m("PLACE", 3, 8, score=0.9)], [("PLACE", 3, 8)]),
    ([m("PLACE", 0, 12, source="model"), m("BASE", 0, 5)], [("BASE", 0, 5)]),  # rules before model
    ([m("PERSON", 20, 25, source="model"), m("BASE", 0, 5)], [("BASE", 0, 5), ("PERSON", 20, 25)]),
    ([m("TIME", 0, 4), m("QUANTITY", 2, 9)], [("QUANTITY", 2, 9)]),        # longer wins
    ([], []),
])
def test_resolve_overlaps(mentions, kept) -> None:
    assert [(x.label, x.start, x.end) for x in resolve_overlaps(mentions)] == kept


def test_keep_labels_may_overlap_others() -> None:
    chosen = resolve_overlaps([m("BASE", 0, 10), m("ORG", 2, 6, source="model")], keep_labels=["ORG"])
    assert {x.label for x in chosen} == {"BASE", "ORG"}


def _quadratic_reference(mentions, keep):
    """The greedy choice spelled out: each candidate, best first, against every one kept."""
    from extractor.mentions import _rank

    chosen, extra = [], []
    for mention in sorted(mentions, key=_rank, reverse=True):
        pool = extra if mention.label in keep else chosen
        if not any(mention.overlaps(other) for other in pool):
            pool.append(mention)
    return sorted(chosen + extra, key=lambda x: (x.start, -x.end))


@given(st.lists(st.tuples(st.sampled_from(["PLACE", "BASE", "FORCE", "TIME", "ORG"]),
                          st.integers(0, 60), st.integers(1, 12), st.sampled_from(["rules", "model"]),
                          st.sampled_from([0.5, 0.9])), max_size=40),
       st.sampled_from([(), ("ORG",)]))
def test_bisected_overlap_search_chooses_as_the_quadratic_one(rows, keep) -> None:
    """The resolver finds overlaps by bisecting its kept mentions; it must keep exactly what
    testing every pair keeps."""
    mentions = [m(label, start, start + width, source, score) for label, start, width, source, score in rows]
    assert resolve_overlaps(mentions, keep) == _quadratic_reference(mentions, set(keep))


@pytest.mark.parametrize("text, first, second, expected", [
    ("قوات سوريا الديمقراطية (قسد) انسحبت", "قوات سوريا الديمقراطية", "قسد", True),
    ("عين العرب ( كوباني ) وتل رفعت", "عين العرب", "كوباني", True),  # spaces inside the brackets
    ("عين العرب وكوباني", "عين العرب", "كوباني", False),  # a list, not another name
    ("قوات سوريا الديمقراطية (قسد والأسايش)", "قوات سوريا الديمقراطية", "قسد", False),  # not alone inside
])
def test_a_name_in_brackets_after_another(text, first, second, expected) -> None:
    named_end, start = text.index(first) + len(first), text.index(second)
    assert in_brackets_after(text, named_end, start, start + len(second)) is expected
