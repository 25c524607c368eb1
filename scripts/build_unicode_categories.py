"""Generate ``models/unicode_categories.json``: the code points of each Unicode major category.

CAMeL Tools' ``camel_tools.utils.charsets`` classifies all 1.1 million code
points in a Python loop when it is imported (0.5–1 s, the largest single part
of loading this package, and paid again by every worker process).
``extractor._compat.preload_camel_charsets`` fills the same five sets (letters,
marks, numbers, punctuation, symbols) from this file instead. The file holds
code point ranges for one Unicode version, that of the Python that wrote it;
under another version the plain import runs. ``tests/test_text.py`` checks the
file matches this Python's ``unicodedata``.

Run: ``python scripts/build_unicode_categories.py``
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "models" / "unicode_categories.json"
MAJOR = ("L", "M", "N", "P", "S")  # the classes camel_tools.utils.charsets builds


def category_ranges() -> dict[str, list[list[int]]]:
    """``{"L": [[first, last], …], …}``: maximal runs of code points by major category."""
    ranges: dict[str, list[list[int]]] = {major: [] for major in MAJOR}
    for code in range(0x110000):
        major = unicodedata.category(chr(code))[0]
        if major not in ranges:
            continue
        runs = ranges[major]
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return ranges


def table() -> dict:
    return {"unidata_version": unicodedata.unidata_version, "ranges": category_ranges()}


def main() -> int:
    OUT.write_text(json.dumps(table(), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: Unicode {unicodedata.unidata_version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
