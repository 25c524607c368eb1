"""The command line: run on files, folders and JSONL; errors; version."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import SAMPLE, assert_valid
from extractor import __version__
from extractor.cli import main

ARABIC = "انسحبت القوات التركية من قاعدة بعشيقة أمس."


def run_cli(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines() if line.strip()]
    return code, lines, captured.err


def test_run_on_the_sample(capsys) -> None:
    code, lines, err = run_cli(["run", str(SAMPLE)], capsys)
    assert code == 0 and len(lines) == 1
    out = lines[0]
    assert out["id"] == SAMPLE.stem and out["date"] == "2026-02-23"
    assert_valid(out, SAMPLE.read_text(encoding="utf-8"))
    assert "1 article(s)" in err


def test_jsonl_with_bad_lines_keeps_every_article_in_order(tmp_path, capsys) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "a", "text": ARABIC, "date": "2025-03-01"}, ensure_ascii=False),
             "{not json",
             json.dumps({"id": "c", "title": "no text"}),
             json.dumps({"id": "d", "text": ""}),
             json.dumps({"id": "e", "text": ARABIC}, ensure_ascii=False)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run_cli(["run", str(path)], capsys)
    assert code == 0
    assert [o["id"] for o in out] == ["a", "batch:2", "c", "d", "e"]
    assert "invalid JSON" in out[1]["errors"][0]
    assert "missing 'text'" in out[2]["errors"][0]
    assert "empty text" in out[3]["errors"][0]
    assert out[0]["entities"] and out[4]["entities"] and not out[0]["errors"]
    for obj in out:
        assert_valid(obj)


def test_folder_csv_and_invalid_utf8(tmp_path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARABIC, encoding="utf-8")
    (folder / "b.txt").write_bytes(ARABIC.encode("utf-8")[:12] + b"\xff\xfe" + ARABIC.encode("utf-8"))
    (folder / "c.csv").write_text("id,text,date\nc1," + ARABIC + ",2025-01-01\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    code, _, _ = run_cli(["run", str(folder), "-o", str(output)], capsys)
    out = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert code == 0 and [o["id"] for o in out] == ["a", "b", "c1"]
    assert "invalid UTF-8 at byte 12" in out[1]["errors"][0]
    assert out[2]["date"] == "2025-01-01"


def test_missing_path_exits_non_zero(tmp_path, capsys) -> None:
    code, out, err = run_cli(["run", str(tmp_path / "nope.txt")], capsys)
    assert code == 2 and out == [] and "no such file" in err


def test_version_and_console_script() -> None:
    done = subprocess.run([sys.executable, "-m", "extractor.cli", "--version"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"extractor {__version__}"


def test_default_date_option(tmp_path, capsys) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARABIC, encoding="utf-8")
    _, out, _ = run_cli(["run", str(path), "--date", "2025-06-10"], capsys)
    times = [e for e in out[0]["entities"] if e["label"] == "TIME"]
    assert out[0]["date"] == "2025-06-10" and times and times[0]["value"] == "2025-06-09"


@pytest.mark.parametrize("workers", [2])
def test_workers_keep_input_order(tmp_path, capsys, workers) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"id": f"n{i}", "text": ARABIC}, ensure_ascii=False) + "\n"
                            for i in range(12)), encoding="utf-8")
    code, out, _ = run_cli(["run", str(path), "--workers", str(workers), "--batch-size", "2"], capsys)
    assert code == 0 and [o["id"] for o in out] == [f"n{i}" for i in range(12)]
