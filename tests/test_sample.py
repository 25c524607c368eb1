"""Issue 2's acceptance checks on the bundled real article (nothing hard-coded for it)."""

from __future__ import annotations

from conftest import assert_valid


def _by_id(result):
    return {e["id"]: e for e in result.to_dict()["entities"]}


def _args(event, entities):
    return {(arg["role"], entities[arg["ref"]]["text"]) for arg in event["args"]}


def test_output_validates_with_exact_offsets(sample_result, sample_text) -> None:
    out = sample_result.to_dict()
    assert_valid(out, sample_text)
    assert out["date"] == "2026-02-23" and out["errors"] == []


def test_withdrawal_from_qasrak_towards_kurdistan(sample_result) -> None:
    entities = _by_id(sample_result)
    found = [_args(e, entities) for e in sample_result.events if e["type"] == "WITHDRAWAL"]
    assert any({("actor", "القوات الأميركية"), ("origin", "قاعدة قسرك"),
                ("destination", "إقليم كردستان العراق")} <= args for args in found), found


def test_planned_withdrawal_of_about_1000_troops(sample_result) -> None:
    entities = _by_id(sample_result)
    planned = [e for e in sample_result.events if e["type"] == "WITHDRAWAL" and e["status"] == "planned"]
    quantities = [entities[a["ref"]] for e in planned for a in e["args"] if a["role"] == "quantity"]
    assert any(q["value"] == 1000 and q["qualifier"] == "approx" and q["unit"] == "troops"
               for q in quantities), planned


def test_quantities_sites_bases_troops(sample_result) -> None:
    quantities = {(e["value"], e["qualifier"], e["unit"])
                  for e in sample_result.entities if e["label"] == "QUANTITY"}
    assert {(28, "exact", "sites"), (24, "exact", "bases"), (2000, "more_than", "troops"),
            (1000, "approx", "troops")} <= quantities


def test_first_sentence_time_is_resolved(sample_result) -> None:
    times = {e["text"]: e["value"] for e in sample_result.entities if e["label"] == "TIME"}
    assert times.get("صباح اليوم الاثنين") == "2026-02-23"
    assert times.get("يوم الأربعاء الماضي") == "2026-02-18"


def test_header_line_is_metadata_not_a_mention(sample_result, sample_text) -> None:
    header_end = sample_text.index("بدأت")
    assert all(e["start"] >= header_end for e in sample_result.entities)
