"""The library interface: Result JSON, pandas tables, pipe() order."""

from __future__ import annotations

import pandas as pd

from conftest import assert_valid

TEXT = "انسحبت القوات الأميركية أمس من قاعدة التنف باتجاه الأردن مع نحو 300 جندي."


def test_to_dict_and_frames(extractor) -> None:
    result = extractor.extract(TEXT, date="2025-04-02", doc_id="a1")
    out = result.to_dict()
    assert_valid(out, TEXT)
    entities = result.entities_frame()
    assert isinstance(entities, pd.DataFrame) and len(entities) == len(out["entities"])
    assert list(entities.columns[:6]) == ["doc_id", "id", "label", "start", "end", "text"]
    assert (entities["doc_id"] == "a1").all()
    assert set(entities["label"]) >= {"FORCE", "BASE", "PLACE", "QUANTITY", "TIME"}
    events = result.events_frame()
    withdrawal = events[events["type"] == "WITHDRAWAL"]
    roles = dict(zip(withdrawal["role"], withdrawal["arg_text"]))
    assert roles == {"actor": "القوات الأميركية", "origin": "قاعدة التنف", "destination": "الأردن",
                     "quantity": "نحو 300 جندي", "time": "أمس"}


def test_empty_frames_keep_their_columns(extractor) -> None:
    result = extractor.extract("", doc_id="empty")
    assert result.entities_frame().empty and "label" in result.entities_frame().columns
    assert result.events_frame().empty and "role" in result.events_frame().columns


def test_pipe_keeps_order_and_ids(extractor) -> None:
    articles = [{"id": f"x{i}", "text": TEXT, "date": "2025-04-02"} for i in range(5)] + [TEXT]
    results = list(extractor.pipe(articles, n_process=1))
    assert [r.id for r in results] == ["x0", "x1", "x2", "x3", "x4", "5"]


def test_include_text_option(extractor) -> None:
    out = extractor.extract(TEXT).to_dict(include_text=True)
    assert out["text"] == TEXT


def test_batched_pipe_equals_one_by_one(extractor) -> None:
    """``pipe`` runs each component over a minibatch (the model batched); the
    output must not depend on which articles share a batch."""
    texts = [TEXT, "قصفت طائرات مسيّرة مواقع في ريف إدلب الجنوبي يوم الأحد.", "", "hello",
             "وصل نحو ألفي جندي فرنسي إلى قاعدة أداما في تشاد أول أمس."]
    articles = [{"id": str(i), "text": t, "date": "2025-04-02"} for i, t in enumerate(texts)]
    batched = [r.to_dict() for r in extractor.pipe(articles, batch_size=3)]
    single = [extractor.extract(t, date="2025-04-02", doc_id=str(i)).to_dict() for i, t in enumerate(texts)]
    assert batched == single
    assert batched[2]["errors"] and not batched[0]["errors"]


def test_one_failing_article_in_a_batch_fails_alone(extractor, monkeypatch) -> None:
    from extractor import events

    original = events.EventExtractor.__call__

    def fragile(self, doc):
        if "كمين" in doc.text:
            raise RuntimeError("component exploded")
        return original(self, doc)

    monkeypatch.setattr(events.EventExtractor, "__call__", fragile)
    articles = [{"id": "a", "text": TEXT}, {"id": "b", "text": "نصب مسلحون كميناً لدورية قرب الرطبة."},
                {"id": "c", "text": TEXT}]
    results = list(extractor.pipe(articles, batch_size=8))
    assert [r.id for r in results] == ["a", "b", "c"]
    assert results[1].errors and "component exploded" in results[1].errors[0]
    assert not results[0].errors and not results[2].errors
    assert results[0].events and results[0].to_dict() == results[2].to_dict() | {"id": "a"}


def test_no_corpus_article_makes_a_component_raise(extractor, dev_predictions) -> None:
    """A component that raises is caught and reported in the article's ``errors`` (the batch
    goes on), which would hide a bug from every score: no annotated article may do it."""
    from pathlib import Path

    from extractor.corpus import load_corpus

    test = load_corpus(Path(__file__).resolve().parent.parent / "corpus" / "test.jsonl")
    outputs = [*load_corpus(dev_predictions), *(r.to_dict() for r in extractor.pipe(
        {"id": a["id"], "text": a["text"], "date": a.get("date")} for a in test))]
    failed = {out["id"]: out["errors"] for out in outputs if out["errors"]}
    assert len(outputs) > 150 and failed == {}
