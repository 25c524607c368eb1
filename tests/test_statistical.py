"""The statistical tagger: ANERcorp conversion (on a small fixture) and its merge with the rules."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from spacy.tokens import DocBin

from conftest import assert_valid
from extractor.api import Extractor
from extractor.language import blank
from extractor.statistical import model_available

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "anercorp"


def _script():
    spec = importlib.util.spec_from_file_location("train_ner", ROOT / "scripts" / "train_ner.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


train_ner = _script()


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
