"""The scorer on small hand-made articles whose counts are worked out here."""

from __future__ import annotations

import json
import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.cli import main
from extractor.evaluation import evaluate, zone
from extractor.evaluation.matching import _word_before


def _mention(text: str, surface: str, label: str, ident: str, nth: int = 0, **values) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return {"id": ident, "label": label, "start": start, "end": start + len(surface), "text": surface, **values}


def _article(text: str, entities: list[dict], events: list[dict] = (), ident: str = "a1") -> dict:
    return {"id": ident, "date": "2025-01-01", "text": text, "entities": list(entities), "events": list(events)}


def _event(ident: str, etype: str, status: str, trigger: tuple[str, str], **roles) -> dict:
    text, surface = trigger
    start = text.index(surface)
    args = [{"role": role, "ref": ref} for role, refs in roles.items() for ref in refs.split(",")]
    return {"id": ident, "type": etype, "status": status,
            "trigger": {"start": start, "end": start + len(surface), "text": surface}, "args": args}


TEXT = "انسحبت القوات الأميركية من قاعدة حرير في أربيل، ونقلت نحو 500 جندي إلى بغداد أمس."
GOLD = _article(TEXT, [
    _mention(TEXT, "القوات الأميركية", "FORCE", "m1"),
    _mention(TEXT, "قاعدة حرير", "BASE", "m2"),
    _mention(TEXT, "أربيل", "PLACE", "m3"),
    _mention(TEXT, "نحو 500 جندي", "QUANTITY", "m4", value=500, qualifier="approx", unit="troops"),
    _mention(TEXT, "بغداد", "PLACE", "m5"),
    _mention(TEXT, "أمس", "TIME", "m6", value="2024-12-31", mod=None),
], [_event("v1", "WITHDRAWAL", "completed", (TEXT, "انسحبت"), actor="m1", origin="m2,m3", time="m6"),
    _event("v2", "DEPLOYMENT", "completed", (TEXT, "ونقلت"), actor="m1", destination="m5", quantity="m4")])


def _row(frame, key: str, name: str) -> dict:
    return frame.set_index(key).loc[name].to_dict()


def test_a_perfect_prediction_scores_one() -> None:
    report = evaluate([GOLD], [GOLD])
    assert report.f1("micro") == 1.0 and report.errors.empty
    assert _row(report.events, "type", "micro")["f1"] == 1.0
    assert _row(report.arguments, "role", "micro")["f1"] == 1.0


def test_entity_counts_per_label_and_averages() -> None:
    # One BASE bare name (accepted), the PLACE «بغداد» tagged as FORCE (a label error),
    # «أربيل» missed, and a spurious PLACE on «الأميركية».
    pred = _article(TEXT, [
        _mention(TEXT, "القوات الأميركية", "FORCE", "m1"),
        _mention(TEXT, "حرير", "BASE", "m2"),
        _mention(TEXT, "500 جندي", "QUANTITY", "m4", value=500, qualifier="exact", unit="troops"),
        _mention(TEXT, "بغداد", "FORCE", "m5"),
        _mention(TEXT, "أمس", "TIME", "m6", value="2024-12-31", mod=None),
        _mention(TEXT, "الأميركية", "PLACE", "m7"),
    ])
    report = evaluate([GOLD], [pred])
    place = _row(report.entities, "label", "PLACE")
    assert (place["tp"], place["fp"], place["fn"]) == (0, 1, 2) and place["recall"] == 0.0
    force = _row(report.entities, "label", "FORCE")
    assert (force["tp"], force["fp"], force["fn"]) == (1, 1, 0)
    assert force["precision"] == 0.5 and force["f1"] == pytest.approx(2 / 3)
    micro = _row(report.entities, "label", "micro")
    # tp 4 (FORCE, BASE, QUANTITY, TIME), fp 2, fn 2 → P = R = F1 = 4/6
    assert (micro["tp"], micro["fp"], micro["fn"]) == (4, 2, 2) and micro["f1"] == pytest.approx(4 / 6)
    macro = _row(report.entities, "label", "macro")
    assert macro["f1"] == pytest.approx((0 + 1 + 2 / 3 + 1 + 1) / 5)
    assert report.confusion.loc["PLACE", "FORCE"] == 1 and report.confusion.loc["PLACE", "(missed)"] == 1
    assert report.confusion.loc["(spurious)", "PLACE"] == 1
    causes = set(zip(report.errors["kind"], report.errors["cause"], report.errors["text"]))
    assert {("fn", "label", "بغداد"), ("fn", "missing", "أربيل"), ("fp", "label", "الأميركية")} <= causes


def test_quantity_values_are_scored_on_matched_mentions() -> None:
    pred = _article(TEXT, [_mention(TEXT, "500 جندي", "QUANTITY", "m4", value=500, qualifier="exact",
                                    unit="troops")])
    values = evaluate([GOLD], [pred]).values.set_index(["label", "field"])
    assert values.loc[("QUANTITY", "value"), "accuracy"] == 1.0
    assert values.loc[("QUANTITY", "qualifier"), "accuracy"] == 0.0
    assert values.loc[("QUANTITY", "all"), "correct"] == 0


def test_strict_mode_needs_exact_offsets() -> None:
    pred = _article(TEXT, [_mention(TEXT, "حرير", "BASE", "m2")])
    assert _row(evaluate([GOLD], [pred], "strict").entities, "label", "BASE")["tp"] == 0
    assert _row(evaluate([GOLD], [pred], "lenient").entities, "label", "BASE")["tp"] == 1


LENIENT = "وصلت تعزيزات إلى ريف الحسكة الشمالي وإلى قاعدة «التنف» العسكرية للقوات الأميركية بنحو 300 جندي."


@pytest.mark.parametrize("gold, label, predicted, accepted", [
    ("الحسكة", "PLACE", "الحسكة", True),
    ("الحسكة", "PLACE", "ريف الحسكة", True),            # a descriptor before
    ("الحسكة", "PLACE", "ريف الحسكة الشمالي", True),    # and a compass word after
    ("الحسكة", "PLACE", "الحسكة الشمالي وإلى", False),  # past the extent
    ("الحسكة", "PLACE", "الحس", False),                 # does not cover the core
    ("قاعدة «التنف»", "BASE", "التنف", True),           # the bare name
    ("قاعدة «التنف»", "BASE", "قاعدة «التنف» العسكرية", True),
    ("قاعدة «التنف»", "BASE", "قاعدة", False),
    ("لقوات الأميركية", "FORCE", "للقوات الأميركية", True),  # the proclitic
    ("لقوات الأميركية", "FORCE", "لقوات", False),
    ("نحو 300 جندي", "QUANTITY", "300 جندي", True),     # the number is the core
    ("نحو 300 جندي", "QUANTITY", "بنحو 300 جندي", True),
    ("نحو 300 جندي", "QUANTITY", "نحو", False),
    ("ريف", "PLACE", "ريف الحسكة", False),              # the extent is the gold's, not the prediction's
])
def test_lenient_zone(gold, label, predicted, accepted) -> None:
    start = LENIENT.index(gold)
    p_start = LENIENT.index(predicted)
    assert zone(LENIENT, start, start + len(gold), label).accepts(p_start, p_start + len(predicted)) is accepted


TERRAIN = "تقدمت القوات في سهل البطانة ونحو هضبة الحمادة الحمراء وتلة الحمامص."


@pytest.mark.parametrize("gold, predicted", [
    ("البطانة", "سهل البطانة"), ("سهل البطانة", "البطانة"),  # the guidelines name no rule for terrain nouns
    ("الحمادة الحمراء", "هضبة الحمادة الحمراء"),
    ("الحمامص", "تلة الحمامص"), ("تلة الحمامص", "الحمامص"),  # a hill too
])
def test_terrain_nouns_are_descriptors_either_way(gold, predicted) -> None:
    start, p_start = TERRAIN.index(gold), TERRAIN.index(predicted)
    assert zone(TERRAIN, start, start + len(gold), "PLACE").accepts(p_start, p_start + len(predicted))


def test_events_need_type_and_one_core_argument() -> None:
    # v1 right (actor and one origin), v2 with the wrong type, plus a spurious ATTACK.
    pred = _article(TEXT, GOLD["entities"], [
        _event("v1", "WITHDRAWAL", "ongoing", (TEXT, "انسحبت"), actor="m1", origin="m2", time="m6"),
        _event("v2", "WITHDRAWAL", "completed", (TEXT, "ونقلت"), actor="m1", destination="m5"),
        _event("v3", "ATTACK", "completed", (TEXT, "أمس"), target="m3"),
    ])
    report = evaluate([GOLD], [pred])
    events = report.events.set_index("type")
    assert events.loc["WITHDRAWAL", ["tp", "fp", "fn"]].tolist() == [1, 1, 0]
    assert events.loc["DEPLOYMENT", ["tp", "fp", "fn"]].tolist() == [0, 0, 1]
    assert events.loc["micro", ["tp", "fp", "fn"]].tolist() == [1, 2, 1]
    assert report.status_accuracy == 0.0
    roles = report.arguments.set_index("role")
    # matched v1: actor, origin m2, time right; origin m3 missed. Unmatched gold v2: 3 args missed;
    # unmatched predictions v2 (2 args) and v3 (1 arg) are false positives.
    assert roles.loc["origin", ["tp", "fp", "fn"]].tolist() == [1, 0, 1]
    assert roles.loc["actor", ["tp", "fp", "fn"]].tolist() == [1, 1, 1]
    assert roles.loc["micro", ["tp", "fp", "fn"]].tolist() == [3, 3, 4]


def test_an_argument_may_point_at_a_repeat_of_the_name() -> None:
    text = "قالت قسد إن قسد انسحبت من منبج."
    ents = [_mention(text, "قسد", "FORCE", "m1"), _mention(text, "قسد", "FORCE", "m2", nth=1),
            _mention(text, "منبج", "PLACE", "m3")]
    gold = _article(text, ents, [_event("v1", "WITHDRAWAL", "completed", (text, "انسحبت"), actor="m1")])
    pred = _article(text, ents, [_event("v1", "WITHDRAWAL", "completed", (text, "انسحبت"), actor="m2")])
    assert _row(evaluate([gold], [pred]).events, "type", "WITHDRAWAL")["f1"] == 1.0


def test_a_missing_prediction_counts_everything_as_missed() -> None:
    report = evaluate([GOLD], [])
    assert report.missing_predictions == ["a1"] and _row(report.entities, "label", "micro")["fn"] == 6
    assert math.isnan(_row(report.entities, "label", "micro")["precision"])


def test_write_and_cli(tmp_path, capsys) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["evaluate", "--gold", str(gold), "--pred", str(gold), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "PLACE" in printed and "Arguments" in printed
    summary = json.loads((out / "report.json").read_text(encoding="utf-8"))["summary"]
    assert summary["entity_f1"]["micro"] == 1.0 and summary["event_f1"] == 1.0
    assert {p.name for p in out.iterdir()} >= {"entities.csv", "events.csv", "arguments.csv", "errors.csv"}


def test_cli_runs_the_extractor_when_no_predictions_are_given(tmp_path, capsys) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold)]) == 0
    table = capsys.readouterr().out.split("Values")[0]
    base_row = next(line for line in table.splitlines() if line.strip().startswith("BASE"))
    assert base_row.split()[1] == "1"  # the extractor finds «قاعدة حرير»


def test_cli_reports_a_missing_gold_file(tmp_path, capsys) -> None:
    assert main(["evaluate", "--gold", str(tmp_path / "none.jsonl")]) == 2
    assert "error" in capsys.readouterr().err


def test_compare_errors_lists_what_a_run_fixed_and_made(tmp_path, capsys) -> None:
    """The error diff every rule change is checked by: an error only the baseline has is fixed,
    one only the new run has is made, one both have is left out."""
    from extractor.evaluation import compare_errors

    text = "انسحبت القوات من حلب إلى حماة"
    gold = [_article(text, [_mention(text, "حلب", "PLACE", "m1"), _mention(text, "حماة", "PLACE", "m2")])]
    baseline = [_article(text, [_mention(text, "القوات", "FORCE", "m1")])]  # misses both places
    pred = [_article(text, [_mention(text, "حلب", "PLACE", "m1"), _mention(text, "القوات", "PLACE", "m2")])]
    changes = compare_errors(gold, baseline, pred)
    assert sorted(zip(changes["change"], changes["kind"], changes["label"], changes["text"])) == [
        ("fixed", "fn", "PLACE", "حلب"), ("fixed", "fp", "FORCE", "القوات"),
        ("made", "fp", "PLACE", "القوات")]  # «حماة», missed by both, is left out
    for name, rows in (("gold", gold), ("base", baseline), ("pred", pred)):
        (tmp_path / f"{name}.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    assert main(["evaluate", "--gold", str(tmp_path / "gold.jsonl"), "--pred", str(tmp_path / "pred.jsonl"),
                 "--baseline", str(tmp_path / "base.jsonl")]) == 0
    assert "2 error(s) fixed, 1 made" in capsys.readouterr().out


@given(st.text(alphabet=st.sampled_from("ab قو\n\t\u00a0\u2009«»"), max_size=30), st.integers(0, 30))
def test_the_word_before_an_offset_is_the_last_regex_word(text, left) -> None:
    """The scorer walks back from an offset instead of matching words from the text's start
    (quadratic on long articles); both must find the same word, Unicode spaces included."""
    left = min(left, len(text))
    words = list(re.finditer(r"\S+", text[:left]))
    assert _word_before(text, left) == ((words[-1].start(), words[-1].end()) if words else None)


def test_a_prediction_far_from_the_gold_is_never_its_match() -> None:
    """Alignment compares a gold mention only with predictions that touch it."""
    text = "انسحبت القوات من قاعدة التنف ثم عادت القوات إلى قاعدة التنف."
    gold = _article(text, [_mention(text, "قاعدة التنف", "BASE", "m1", nth=1)])
    pred = _article(text, [_mention(text, "قاعدة التنف", "BASE", "m1"),
                           _mention(text, "قاعدة التنف", "BASE", "m2", nth=1)])
    report = evaluate([gold], [pred])
    row = report.entities.set_index("label").loc["BASE"]
    assert (row.tp, row.fp, row.fn) == (1, 1, 0)
    assert report.errors.iloc[0].start == text.index("قاعدة التنف")
