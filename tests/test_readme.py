"""The README's scores are the ones the current code produces (issue 5, point 6)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_scores_are_regenerated(dev_predictions) -> None:
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "update_readme_scores.py"), "--check",
                            "--dev-predictions", str(dev_predictions)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_readme_names_the_two_commands_of_a_fresh_machine() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'pip install -c constraints.txt -e ".[dev]"' in readme
    assert "python -m pytest" in readme
