"""The evaluation notebooks run top to bottom, and are committed without outputs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ["evaluation.ipynb", "error_analysis.ipynb"]


def test_committed_notebooks_are_generated_and_carry_no_outputs() -> None:
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_notebooks.py"), "--check"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    for name in NOTEBOOKS:
        notebook = nbformat.read(ROOT / "notebooks" / name, as_version=4)
        code = [c for c in notebook.cells if c.cell_type == "code"]
        assert code and all(not c.outputs and c.execution_count is None for c in code)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_on_the_dev_split(name, monkeypatch, dev_predictions) -> None:
    monkeypatch.setenv("EXTRACTOR_GOLD", str(ROOT / "corpus" / "dev.jsonl"))
    monkeypatch.setenv("EXTRACTOR_PRED", str(dev_predictions))
    notebook = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    articles = sum(1 for line in (ROOT / "corpus" / "dev.jsonl").open(encoding="utf-8") if line.strip())
    assert f"dev.jsonl: {articles} articles" in text
    assert "PLACE" in text
    if name == "evaluation.ipynb":
        html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
        assert "displacy" in html.lower() or "entities" in html  # the rendered error examples
        assert any("image/png" in o.get("data", {}) for o in outputs)  # the bar charts
