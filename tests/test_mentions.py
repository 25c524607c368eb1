"""Overlap resolution between recognizers: explicit, documented priorities."""

from __future__ import annotations

import pytest

from extractor.mentions import Mention, resolve_overlaps


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
