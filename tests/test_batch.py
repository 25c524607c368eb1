"""Batch runs: nothing lost, resumable after a kill, the same on Dask."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.batch import completed_ids, parallel_map
from extractor.cli import main

ARTICLE = "انسحبت القوات الأميركية أمس من قاعدة التنف باتجاه الأردن، وقالت إن نحو 300 جندي غادروا."


def _write_batch(path: Path, count: int) -> list[str]:
    ids = [f"a{i:04d}" for i in range(count)]
    with path.open("w", encoding="utf-8") as handle:
        for doc_id in ids:
            handle.write(json.dumps({"id": doc_id, "text": ARTICLE * 3, "date": "2025-02-02"},
                                    ensure_ascii=False) + "\n")
    return ids


def _ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_completed_ids_cuts_a_torn_last_line(tmp_path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a"}\n{"id": "b"}\n{"id": "c", "ent', encoding="utf-8")
    assert completed_ids(out) == {"a", "b"}
    assert out.read_text(encoding="utf-8") == '{"id": "a"}\n{"id": "b"}\n'


def test_resume_skips_done_ids_and_fills_the_gap(tmp_path, capsys) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = _write_batch(source, 6)
    out.write_text(json.dumps({"id": "a0000", "entities": [], "events": [], "errors": []}) + "\n"
                   + '{"id": "a0001", "ent', encoding="utf-8")
    assert main(["run", str(source), "-o", str(out), "--resume"]) == 0
    assert _ids(out) == ids
    assert "skipped (resume) 1" in capsys.readouterr().err


def _articles(count: int):
    for number in range(count):
        yield {"id": f"p{number}", "text": ARTICLE}


def test_parallel_map_keeps_input_order_across_workers() -> None:
    results = list(parallel_map(_articles(23), n_process=2, batch_size=2, options={"ner": False}))
    assert [result.id for result in results] == [f"p{n}" for n in range(23)]
    assert all(any(e["label"] == "BASE" for e in result.entities) for result in results)


def test_parallel_map_stops_its_workers_when_the_reader_stops() -> None:
    """A consumer that quits early (Ctrl-C, an error downstream) must not hang on the
    pool's task handler, which waits for room in the window of batches in flight."""
    stream = parallel_map(_articles(100_000), n_process=2, batch_size=1, options={"ner": False})
    assert next(stream).id == "p0"
    started = time.perf_counter()
    stream.close()
    assert time.perf_counter() - started < 20


def test_parallel_map_raises_an_input_error_in_the_caller() -> None:
    def broken():
        yield {"id": "ok", "text": ARTICLE}
        raise OSError("disk went away")

    with pytest.raises(OSError, match="disk went away"):
        list(parallel_map(broken(), n_process=2, batch_size=1, options={"ner": False}))


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_run_leaves_valid_jsonl_that_resume_completes(tmp_path, sig) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = _write_batch(source, 400)
    command = [sys.executable, "-m", "extractor.cli", "run", str(source), "-o", str(out)]
    process = subprocess.Popen(command, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline and (not out.exists() or out.stat().st_size < 20_000):
        time.sleep(0.05)
    process.send_signal(sig)
    process.wait(timeout=30)
    assert process.returncode != 0
    written = completed_ids(out)            # cuts a torn line if the kill tore one
    assert 0 < len(written) < len(ids)
    for line in out.read_text(encoding="utf-8").splitlines():
        json.loads(line)
    done = subprocess.run(command + ["--resume"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert _ids(out) == ids                 # no duplicates, no gaps, input order


def test_dask_local_cluster_matches_single_process(tmp_path) -> None:
    from extractor import Extractor
    from extractor.distributed import extract_bag, run_on_dask

    source = tmp_path / "in.jsonl"
    ids = _write_batch(source, 8)
    expected = [Extractor().extract(ARTICLE * 3, date="2025-02-02", doc_id=i).to_dict() for i in ids]
    on_cluster = list(run_on_dask([str(source)], n_workers=2))
    assert on_cluster == expected
    import dask.bag as db

    bag = db.from_sequence([{"id": "x", "text": ARTICLE, "date": "2025-02-02"}], npartitions=1)
    assert extract_bag(bag).compute(scheduler="sync")[0]["id"] == "x"


def test_cli_dask_refuses_non_jsonl(tmp_path, capsys) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["run", str(path), "--dask"]) == 2
    assert "jsonl" in capsys.readouterr().err
