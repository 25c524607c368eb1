"""Shared fixtures: one pipeline per test session, the bundled sample, schema checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.schema import output_problems

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "sample" / "qasrak-withdrawal-2026-02-23.txt"


@pytest.fixture(scope="session")
def extractor():
    from extractor import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_result(extractor, sample_text):
    return extractor.extract(sample_text, doc_id=SAMPLE.stem)


@pytest.fixture(scope="session")
def dev_predictions(extractor, tmp_path_factory) -> Path:
    """The full extractor's output on the dev split, made once per session (two processes): the
    README scores, both notebooks and the no-component-raises check read it instead of each
    running the extractor over two thousand articles again."""
    import json

    from extractor.corpus import load_corpus

    articles = load_corpus(ROOT / "corpus" / "dev.jsonl")
    path = tmp_path_factory.mktemp("predictions") / "dev.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for result in extractor.pipe(({"id": a["id"], "text": a["text"], "date": a.get("date")}
                                      for a in articles), n_process=2):
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    return path


def load_script(name: str):
    """A generator or training script of ``scripts/`` as a module (they are not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_valid(obj: dict, text: str | None = None) -> None:
    """Every test that produces output validates it against the shipped schema."""
    problems = output_problems(obj, text)
    assert not problems, problems
