"""Annotation-format converters (extractor.formats): brat, Label Studio, CoNLL.

Round trips run over every article of corpus/dev.jsonl; a small hand-made
article pins the exact .ann and CoNLL text. Everything a from_* function
returns must pass the corpus validator.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from pathlib import Path

import pytest

from extractor.corpus import EVENT_TYPES, LABELS, load_corpus, validate_article
from extractor.formats import (
    annotation_conf,
    format_values,
    from_brat,
    from_conll,
    from_labelstudio,
    labelstudio_config,
    parse_values,
    read_brat,
    to_brat,
    to_conll,
    to_labelstudio,
    write_brat,
)

ROOT = Path(__file__).resolve().parent.parent
DEV = load_corpus(ROOT / "corpus" / "dev.jsonl")
IDS = [article["id"] for article in DEV]

# -- a small hand-made article ----------------------------------------------------------------

TEXT = ("بدأت القوات الأميركية أمس الانسحاب من قاعدة التنف والحسكة.\n"
        "وقال مسؤول إن بين 500 و700 جندي سيغادرون نهاية العام.")


def _span(surface: str) -> dict:
    start = TEXT.index(surface)
    return {"start": start, "end": start + len(surface), "text": surface}


HAND = {
    "id": "hand-made", "date": "2025-03-10", "split": "dev", "region": "Syria", "text": TEXT,
    "entities": [
        {"id": "m1", "label": "FORCE", **_span("القوات الأميركية")},
        {"id": "m2", "label": "TIME", **_span("أمس"), "value": "2025-03-09", "mod": None},
        {"id": "m3", "label": "BASE", **_span("قاعدة التنف")},
        {"id": "m4", "label": "PLACE", **_span("الحسكة")},
        {"id": "m5", "label": "QUANTITY", **_span("بين 500 و700 جندي"),
         "value": None, "min": 500, "max": 700, "qualifier": "range", "unit": "troops"},
        {"id": "m6", "label": "TIME", **_span("نهاية العام"), "value": "2025", "mod": "END"},
    ],
    "events": [{"id": "v1", "type": "WITHDRAWAL", "status": "ongoing", "trigger": _span("الانسحاب"),
                "args": [{"role": "actor", "ref": "m1"}, {"role": "origin", "ref": "m3"},
                         {"role": "origin", "ref": "m4"}, {"role": "time", "ref": "m2"},
                         {"role": "quantity", "ref": "m5"}]}],
    "errors": [],
}

HAND_ANN = """\
T1\tFORCE 5 21\tالقوات الأميركية
T2\tTIME 22 25\tأمس
T3\tBASE 38 49\tقاعدة التنف
T4\tPLACE 51 57\tالحسكة
T5\tQUANTITY 73 90\tبين 500 و700 جندي
T6\tTIME 100 111\tنهاية العام
T7\tWITHDRAWAL 26 34\tالانسحاب
E1\tWITHDRAWAL:T7 actor:T1 origin:T3 origin2:T4 time:T2 quantity:T5
A1\tStatus E1 ongoing
#1\tAnnotatorNotes T2\tvalue=2025-03-09
#2\tAnnotatorNotes T5\tmin=500 max=700 qualifier=range unit=troops
#3\tAnnotatorNotes T6\tvalue=2025 mod=END
"""

HAND_CONLL = """\
# id = hand-made
# date = 2025-03-10
# split = dev
# region = Syria
# m2 = value=2025-03-09
# m5 = min=500 max=700 qualifier=range unit=troops
# m6 = value=2025 mod=END
بدأت\tO
القوات\tB-FORCE
الأميركية\tI-FORCE
أمس\tB-TIME
الانسحاب\tO
من\tO
قاعدة\tB-BASE
التنف\tI-BASE
و\tO
الحسكة\tB-PLACE
.\tO

وقال\tO
مسؤول\tO
إن\tO
بين\tB-QUANTITY
500\tI-QUANTITY
و\tI-QUANTITY
700\tI-QUANTITY
جندي\tI-QUANTITY
سيغادرون\tO
نهاية\tB-TIME
العام\tI-TIME
.\tO

"""


def _meta(article: dict) -> dict:
    return {key: article[key] for key in ("id", "date", "region", "split")}


def test_hand_made_article_is_valid() -> None:
    assert validate_article(HAND) == []


def test_hand_made_brat_text_and_ann_are_exact() -> None:
    assert to_brat(HAND) == (TEXT, HAND_ANN)


def test_hand_made_conll_lines_are_exact() -> None:
    assert to_conll(HAND) == HAND_CONLL


def test_hand_made_conll_reads_back_with_values_and_single_spaces() -> None:
    [article] = from_conll(HAND_CONLL)
    assert article["text"] == ("بدأت القوات الأميركية أمس الانسحاب من قاعدة التنف و الحسكة .\n"
                               "وقال مسؤول إن بين 500 و 700 جندي سيغادرون نهاية العام .")
    assert [(e["label"], e["text"]) for e in article["entities"]][-2:] == [
        ("QUANTITY", "بين 500 و 700 جندي"), ("TIME", "نهاية العام")]
    assert article["entities"][4]["min"] == 500 and article["entities"][5]["value"] == "2025"
    assert article["events"] == [] and validate_article(article) == []


def test_hand_made_labelstudio_task_shape() -> None:
    [task] = to_labelstudio([HAND])
    results = task["annotations"][0]["result"]
    assert task["data"] == {"text": TEXT, **_meta(HAND), "errors": []}
    assert Counter(r["type"] for r in results) == {"labels": 7, "choices": 1, "textarea": 3, "relation": 5}
    relations = [(r["from_id"], r["to_id"], r["labels"]) for r in results if r["type"] == "relation"]
    assert relations[:3] == [("v1", "m1", ["actor"]), ("v1", "m3", ["origin"]), ("v1", "m4", ["origin"])]
    status = next(r for r in results if r["type"] == "choices")
    assert (status["id"], status["value"]["choices"], status["value"]["start"]) == ("v1", ["ongoing"], 26)


# -- round trips over the whole dev split -----------------------------------------------------

@pytest.mark.parametrize("article", DEV, ids=IDS)
def test_brat_round_trip_is_identity(article) -> None:
    txt, ann = to_brat(article)
    back = from_brat(txt, ann, **_meta(article))
    assert back == article
    assert validate_article(back) == []


def test_brat_folder_round_trip_is_identity(tmp_path) -> None:
    written = write_brat(DEV, tmp_path)
    assert len(written) == len(DEV)
    assert (tmp_path / "annotation.conf").is_file()
    for article, ann_path in zip(DEV, written, strict=True):
        assert ann_path.with_suffix(".txt").read_bytes() == article["text"].encode("utf-8")
    assert read_brat(tmp_path) == DEV


@pytest.mark.parametrize("article", DEV, ids=IDS)
def test_labelstudio_round_trip_is_identity(article) -> None:
    tasks = json.loads(json.dumps(to_labelstudio([article]), ensure_ascii=False))
    assert from_labelstudio(tasks) == [article]


@pytest.mark.parametrize("article", DEV, ids=IDS)
def test_conll_corpus_conll_is_identity(article) -> None:
    conll = to_conll(article)
    [back] = from_conll(conll)
    assert validate_article(back) == []
    assert to_conll(back) == conll


def _squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("article", DEV, ids=IDS)
def test_conll_keeps_labels_values_and_token_aligned_spans(article) -> None:
    [back] = from_conll(to_conll(article, split_at_mentions=True))
    assert _meta(back) == _meta(article)
    assert _squeeze(back["text"]) == _squeeze(article["text"])  # only whitespace changes
    ordered = sorted(article["entities"], key=lambda e: e["start"])
    drop = {"id", "start", "end", "text"}
    assert [{k: v for k, v in e.items() if k not in drop} for e in back["entities"]] == \
           [{k: v for k, v in e.items() if k not in drop} for e in ordered]
    assert [_squeeze(e["text"]) for e in back["entities"]] == [_squeeze(e["text"]) for e in ordered]
    assert back["events"] == []  # events are not in CoNLL


@pytest.mark.parametrize("article", DEV, ids=IDS)
def test_conll_default_tokens_only_lose_or_shorten_mentions(article) -> None:
    [back] = from_conll(to_conll(article))
    kept = Counter((e["label"], _squeeze(e["text"])) for e in back["entities"])
    assert all(any(label == e["label"] and text in _squeeze(e["text"]) for e in article["entities"])
               for label, text in kept)
    assert len(back["entities"]) <= len(article["entities"])


# -- CoNLL reading details --------------------------------------------------------------------

@pytest.mark.parametrize("conll, expected", [
    ("a\tB-PLACE\nb\tI-PLACE\nc\tO\n", [("PLACE", "a b")]),
    ("a\tI-PLACE\nb\tI-PLACE\n", [("PLACE", "a b")]),                 # IOB1 start
    ("a\tB-PLACE\nb\tB-PLACE\n", [("PLACE", "a"), ("PLACE", "b")]),
    ("a\tB-PLACE\nb\tI-FORCE\n", [("PLACE", "a"), ("FORCE", "b")]),
    ("a\tB-PLACE\n\nb\tI-PLACE\n", [("PLACE", "a"), ("PLACE", "b")]),  # no mention across sentences
    ("a O\nb B-TIME\n", [("TIME", "b")]),                             # whitespace-separated columns
    ("a\tx\ty\tS-BASE\n", [("BASE", "a")]),                           # last column is the tag
])
def test_from_conll_decodes_bio(conll, expected) -> None:
    [article] = from_conll(conll)
    assert [(e["label"], e["text"]) for e in article["entities"]] == expected


def test_from_conll_splits_documents_and_names_undated_ones() -> None:
    docs = from_conll(to_conll(HAND) + to_conll(DEV[0]) + "-DOCSTART- -X- O O\n\nكلمة O\n")
    assert [d["id"] for d in docs] == ["hand-made", DEV[0]["id"], "conll-3"]
    assert docs[2]["date"] is None and docs[2]["text"] == "كلمة"


# -- value notes, errors, configs -------------------------------------------------------------

@pytest.mark.parametrize("entity, note", [
    ({"label": "QUANTITY", "value": 1000, "min": None, "max": None, "qualifier": "approx", "unit": "troops"},
     "value=1000 qualifier=approx unit=troops"),
    ({"label": "QUANTITY", "value": 2.5, "min": None, "max": None, "qualifier": "exact", "unit": "km"},
     "value=2.5 qualifier=exact unit=km"),
    ({"label": "QUANTITY", "value": None, "min": None, "max": None, "qualifier": "vague", "unit": "عربة مدرعة"},
     'qualifier=vague unit="عربة مدرعة"'),
    ({"label": "QUANTITY", "value": 3, "min": None, "max": None, "qualifier": "exact", "unit": "null"},
     'value=3 qualifier=exact unit="null"'),
    ({"label": "TIME", "value": "2024", "mod": None}, "value=2024"),
    ({"label": "TIME", "value": None, "mod": None}, ""),
    ({"label": "PLACE"}, ""),
])
def test_value_notes_round_trip_with_types(entity, note) -> None:
    assert format_values(entity) == note
    parsed = parse_values(entity["label"], note)
    assert parsed == {k: v for k, v in entity.items() if k != "label"}
    assert [type(v) for v in parsed.values()] == [type(v) for k, v in entity.items() if k != "label"]


@pytest.mark.parametrize("label, note", [
    ("QUANTITY", "about a thousand"),
    ("QUANTITY", "value=1000 colour=red"),
    ("QUANTITY", "value=many"),
])
def test_bad_value_notes_raise(label, note) -> None:
    with pytest.raises(ValueError):
        parse_values(label, note)


@pytest.mark.parametrize("ann", [
    "T1\tPLACE 0 2;3 5\tab cd\n",            # discontinuous span
    "T1\tPLACE 0 2\tab\nR1\tNear Arg1:T1 Arg2:T1\n",  # relations have no corpus meaning
    "T1\tPLACE 0 2\tab\nT2\tATTACK 3 5\tcd\nE1\tATTACK:T2 wherever:T1\n",
    "T1\tPERSON 0 2\tab\n",
    "T1\tPLACE 1 3\tab\n",                 # offsets no longer match the .txt
    "T1\tQUANTITY 0 2\tab\n#1\tAnnotatorNotes T1\tabout two\n",
])
def test_from_brat_rejects_what_the_corpus_cannot_hold(ann) -> None:
    with pytest.raises(ValueError):
        from_brat("ab cd", ann, id="x", date="2025-01-01")


def test_labelstudio_invented_region_ids_get_free_corpus_ids() -> None:
    [task] = copy.deepcopy(to_labelstudio([HAND]))
    rename = {"m2": "Xy1", "m3": "m9", "v1": "k9Q"}  # Label Studio's own ids, and a gap
    for result in task["annotations"][0]["result"]:
        for key in ("id", "from_id", "to_id"):
            if key in result:
                result[key] = rename.get(result[key], result[key])
    [article] = from_labelstudio([task])
    assert validate_article(article) == []
    assert [e["id"] for e in article["entities"]] == ["m1", "m2", "m9", "m4", "m5", "m6"]
    assert article["events"][0]["id"] == "v1"
    assert article["events"][0]["args"][1:4] == [{"role": "origin", "ref": "m9"}, {"role": "origin", "ref": "m4"},
                                                 {"role": "time", "ref": "m2"}]


@pytest.mark.parametrize("name", LABELS + EVENT_TYPES)
def test_tool_configs_declare_every_label(name) -> None:
    assert f"\n{name}" in annotation_conf()
    assert f'value="{name}"' in labelstudio_config()


def test_annotation_conf_declares_status_values() -> None:
    assert "Status\tArg:<EVENT>, Value:ongoing|completed|planned" in annotation_conf()


# -- the command line: extractor convert -------------------------------------------------------

@pytest.mark.parametrize("target, fmt", [("brat", "brat"), ("tasks.json", "labelstudio"),
                                         ("copy.jsonl", "corpus")])
def test_cli_convert_round_trips_the_dev_split(tmp_path, target, fmt) -> None:
    from extractor.cli import main

    middle, back = tmp_path / target, tmp_path / "back.jsonl"
    assert main(["convert", str(ROOT / "corpus" / "dev.jsonl"), str(middle)]) == 0
    assert main(["convert", str(middle), str(back), "--from", fmt, "--validate"]) == 0
    assert load_corpus(back) == DEV


def test_cli_convert_conll_keeps_every_entity(tmp_path) -> None:
    from extractor.cli import main

    conll, back = tmp_path / "dev.conll", tmp_path / "back.jsonl"
    assert main(["convert", str(ROOT / "corpus" / "dev.jsonl"), str(conll)]) == 0
    assert main(["convert", str(conll), str(back), "--validate"]) == 0
    gold = Counter((e["label"], e["text"].replace("\n", " ")) for a in DEV for e in a["entities"])
    got = Counter((e["label"], e["text"]) for a in load_corpus(back) for e in a["entities"])
    assert sum(got.values()) == sum(gold.values())
    assert [a["id"] for a in load_corpus(back)] == IDS


def test_cli_convert_reports_unknown_formats_and_invalid_articles(tmp_path, capsys) -> None:
    from extractor.cli import main

    assert main(["convert", str(ROOT / "corpus" / "dev.jsonl"), str(tmp_path / "out.xml")]) == 2
    assert "cannot tell the format" in capsys.readouterr().err
    broken = dict(DEV[0], entities=[dict(DEV[0]["entities"][0], start=0, end=1)])
    source = tmp_path / "broken.jsonl"
    source.write_text(json.dumps(broken, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["convert", str(source), str(tmp_path / "b"), "--to", "brat", "--validate"]) == 1
    assert "invalid" in capsys.readouterr().err


def test_a_period_inside_a_mention_ends_no_sentence() -> None:
    text = 'وصلت المدمرة "يو.إس.إس ستوكديل" إلى الخليج.'
    start = text.index("المدمرة")
    end = text.index('" إلى') + 1
    article = {"id": "a", "text": text, "entities": [{"id": "m1", "label": "FORCE", "start": start, "end": end,
                                                        "text": text[start:end]}], "events": []}
    [back] = from_conll(to_conll(article, split_at_mentions=True))
    assert [(e["label"], e["text"].replace(" ", "")) for e in back["entities"]] == [("FORCE", text[start:end].replace(" ", ""))]
