"""The statistical tagger: ANERcorp conversion (on a small fixture) and its merge with the rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import DocBin

from conftest import assert_valid, load_script
from extractor.api import Extractor
from extractor.language import blank
from extractor.statistical import biluo_spans, model_available, score_biluo_tags

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "anercorp"


train_ner = load_script("train_ner")


def test_bio_tags_become_character_spans() -> None:
    sentence = train_ner.read_anercorp(FIXTURE / "ANERCorp_CamelLab_train.txt")[0]
    text, _ = train_ner.token_offsets(sentence)
    assert [(text[s:e], k) for s, e, k in train_ner.bio_spans(sentence)] == [
        ("سامر الخطيب", "PERS"), ("بالبصرة", "LOC"), ("عمان", "LOC")]


@pytest.mark.parametrize("index, expected", [
    (0, [("سامر الخطيب", "PERSON"), ("البصرة", "PLACE"), ("عمان", "PLACE")]),  # ب dropped
    (1, [("منظمة الصحة العالمية", "ORG"), ("الموصل", "PLACE")]),               # و dropped
    (2, [("النجمة", "ORG"), ("كأس العرب", "MISC")]),
])
def test_sentences_are_retokenized_and_aligned(index, expected) -> None:
    sentence = train_ner.read_anercorp(FIXTURE / "ANERCorp_CamelLab_train.txt")[index]
    stats = {"spans": 0, "unaligned": 0, "cross_sentence": 0, "clitic_trimmed": 0, "punct_trimmed": 0}
    doc = train_ner.to_doc(blank(), sentence, stats)
    assert [(e.text, e.label_) for e in doc.ents] == expected
    assert stats["unaligned"] == 0


def test_convert_writes_the_three_docbins(tmp_path) -> None:
    report = train_ner.convert(FIXTURE, dev_every=3, out_dir=tmp_path)
    assert report["train"]["sentences"] == 3 and report["test"]["spans"] == 2
    nlp = blank()
    sizes = {name: len(list(DocBin().from_disk(tmp_path / f"{name}.spacy").get_docs(nlp.vocab)))
             for name in ("train", "dev", "test")}
    assert sizes == {"train": 2, "dev": 1, "test": 1}
    for doc in DocBin().from_disk(tmp_path / "train.spacy").get_docs(nlp.vocab):  # the tagger head's targets
        assert [(doc[s:e].text, label) for s, e, label in biluo_spans([t.tag_ for t in doc])] == \
            [(ent.text, ent.label_) for ent in doc.ents]
        assert all(t.tag_ for t in doc)


def test_predictions_go_back_onto_the_original_tokens() -> None:
    offsets = [(0, 3), (4, 11), (12, 16)]
    assert train_ner._tags_on_tokens(offsets, [(5, 16, "LOC")]) == ["O", "B-LOC", "I-LOC"]


TEXT = ("قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن القوات الفرنسية انسحبت من قاعدة غاو "
        "في مالي، فيما أعلنت منظمة الصحة العالمية وصول مساعدات إلى بلدة كوندو.")


def test_the_model_runs_by_default_and_only_fills_gaps() -> None:
    assert model_available()  # models/ner ships with the repository
    extractor = Extractor()
    assert "arabic_statistical_ner" in extractor.nlp.pipe_names
    out = extractor.extract(TEXT).to_dict()
    assert_valid(out, TEXT)
    rules = [e for e in out["entities"] if e.get("source") != "model"]
    model = [e for e in out["entities"] if e.get("source") == "model"]
    assert {e["label"] for e in model} <= {"PLACE", "ORG", "PERSON"}
    assert all(e["score"] == pytest.approx(0.6) for e in model)
    assert not [(m, r) for m in model for r in rules if m["start"] < r["end"] and r["start"] < m["end"]]
    labels = {(e["label"], e["text"]) for e in out["entities"]}
    assert ("BASE", "قاعدة غاو") in labels and ("FORCE", "القوات الفرنسية") in labels  # rules kept
    assert any(label == "PERSON" for label, _ in labels)


def test_the_model_can_be_switched_off() -> None:
    extractor = Extractor(ner=False)
    assert "arabic_statistical_ner" not in extractor.nlp.pipe_names
    out = extractor.extract(TEXT).to_dict()
    assert all(e.get("source", "rules") != "model" for e in out["entities"])
    assert not {e["label"] for e in out["entities"]} & {"ORG", "PERSON"}


@pytest.mark.parametrize("tags, expected", [
    (["O", "U-PLACE", "O"], [(1, 2, "PLACE")]),
    (["B-ORG", "I-ORG", "L-ORG", "U-PLACE"], [(0, 3, "ORG"), (3, 4, "PLACE")]),
    (["O", "I-PLACE", "L-PLACE"], [(1, 3, "PLACE")]),          # no B: the span starts at the I
    (["B-ORG", "L-PLACE", "O"], [(0, 1, "ORG"), (1, 2, "PLACE")]),  # a change of label ends a span
    (["B-PERSON", "I-PERSON"], [(0, 2, "PERSON")]),            # open at the end of the sentence
    (["B-PLACE", "B-PLACE", "L-PLACE"], [(0, 1, "PLACE"), (1, 3, "PLACE")]),
    (["O", "O"], []),
    ([], []),
])
def test_biluo_tags_decode_leniently(tags, expected) -> None:
    assert biluo_spans(tags) == expected


def test_the_tag_scorer_counts_exact_spans_per_label() -> None:
    from spacy.training import Example

    nlp = blank()
    predicted, reference = nlp.make_doc("زار الوفد مدينة حلب ثم دمشق"), nlp.make_doc("زار الوفد مدينة حلب ثم دمشق")
    for doc, tags in ((predicted, ["O", "O", "B-PLACE", "L-PLACE", "O", "U-PLACE"]),
                      (reference, ["O", "O", "O", "U-PLACE", "O", "U-PLACE"])):
        for token, tag in zip(doc, tags):
            token.tag_ = tag
    scores = score_biluo_tags([Example(predicted, reference)])
    assert scores["ents_per_type"]["PLACE"] == {"p": 0.5, "r": 0.5, "f": 0.5}
    assert scores["ents_f"] == 0.5


def _scores(names: list[str], rows: list[dict[str, float]]):
    import numpy

    return numpy.array([[row.get(name, -5.0) for name in names] for row in rows])


@pytest.mark.parametrize("rows, expected", [
    # per-token best: O I-PLACE L-PLACE O → the valid reading opens the span with B
    ([{"O": 3}, {"I-PLACE": 2, "B-PLACE": 1.5}, {"L-PLACE": 2}, {"O": 3}], [(1, 3, "PLACE")]),
    # per-token best: B-ORG L-PLACE (no valid reading of both) → the likelier label wins the span
    ([{"B-ORG": 1.0, "B-PLACE": 0.9}, {"L-PLACE": 3.0, "L-ORG": 0.5}], [(0, 2, "PLACE")]),
    # a lone B closes as U
    ([{"O": 2}, {"B-PERSON": 2.0, "U-PERSON": 1.8}, {"O": 3}], [(1, 2, "PERSON")]),
    ([{"O": 2}, {"O": 2}], []),
])
def test_the_decoder_reads_runs_as_valid_biluo(rows, expected) -> None:
    from extractor.statistical import BiluoDecoder

    names = ["O"] + [f"{p}-{k}" for k in ("PLACE", "ORG", "PERSON") for p in "BILU"]
    assert BiluoDecoder(names).spans(_scores(names, rows)) == expected


def test_the_loaded_model_multiplies_with_numpy_and_finds_the_same_spans() -> None:
    """The encoder's products go through numpy's BLAS (faster than thinc's blis here);
    the entities must be those thinc's default ops give."""
    from thinc.api import NumpyOps

    from extractor.statistical import _load, decoder_for, default_model_path, model_spans, one_blas_thread

    model = _load(str(default_model_path()))
    nodes = [node for _, component in model.pipeline for node in component.model.walk()]
    assert all(isinstance(node.ops, NumpyOps) and not node.ops.use_blis for node in nodes)
    docs = [model.make_doc(TEXT), model.make_doc(TEXT.replace("كوندو", "تل أبيض"))]
    with one_blas_thread():
        with_numpy = model_spans(model, docs, decoder_for(model))
    blis = NumpyOps(use_blis=True)
    try:
        for node in nodes:
            node.ops = blis
        assert model_spans(model, docs, decoder_for(model)) == with_numpy
    finally:
        for node in nodes:
            node.ops = NumpyOps(use_blis=False)
    assert any(label == "PLACE" for spans in with_numpy for *_, label in spans)


@pytest.mark.parametrize("text, span, expected", [
    ("تمرين ذئب البحر ٢٠٢٦ انتهى", "البحر ٢٠٢٦", "البحر"),  # a year ends no place's name
    ("طائرة من طراز سي-١٣٠ هبطت", "سي-١٣٠", None),  # a code is no place
    ("أغلقت القيادة مقر الكيلو 160 المؤقت", "الكيلو 160", "الكيلو 160"),  # a kilometre marker's number stays
    ("وصلت القوات إلى ريف حماة", "ريف حماة", "حماة"),  # the descriptor stays outside
])
def test_a_model_place_loses_its_loose_edges(text: str, span: str, expected: str | None) -> None:
    extractor = Extractor()
    tagger = extractor.nlp.get_pipe("arabic_statistical_ner")
    doc = extractor.nlp.make_doc(text)
    begin = text.index(span)
    tokens = doc.char_span(begin, begin + len(span))
    bounds = tagger._trim(doc, tokens.start, tokens.end, "PLACE")
    assert (doc[bounds[0]:bounds[1]].text if bounds else None) == expected
