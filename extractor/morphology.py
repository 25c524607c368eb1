"""Optional clitic segmentation with CAMeL Tools' morphological tokenizer.

The builtin rule splitter in ``text`` needs no data but only knows a handful of
proclitics. When CAMeL Tools' morphology data is installed (``camel_data -i
light``: the ``calima-msa-r13`` analyzer DB and the MLE disambiguator model),
``CamelSegmenter`` asks the real analyzer + MLE disambiguator for the ATB
tokenization (``atbtok``: conjunctions, prepositions and pronominal enclitics
split, the article kept on its noun, the Penn Arabic Treebank convention), and
maps the tokens back onto the original word's characters.

Two design points:

* Offsets are exact or absent. ATB tokens may restore letters the surface
  omits («للقوات» → ل+ القوات, «قاعدته» → قاعدة +ه), so tokens are aligned to
  ``normalize_with_offsets(word)``: clitics must match letter for letter, the
  stem takes what is between them and must match up to a known restoration.
  Anything else returns the word unsplit, never a wrong span.
* No network, no torch. ``camel_tools.data`` downloads its catalogue at import
  time when ``catalogue.json`` is missing; a missing catalogue also means no
  data, so the default path reports "absent" without importing it, and an
  explicit ``db_path`` imports it against an empty temporary catalogue. Only
  the MLE disambiguator is used (``camel_tools.disambig.mle`` imports no
  torch; the BERT disambiguator would). camel is imported lazily, on first use.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import sys
import tempfile
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from .normalize import normalize, normalize_with_offsets
from .text import CachedSegmenter

__all__ = [
    "DEFAULT_DB",
    "SCHEMES",
    "CamelSegmenter",
    "MorphologyUnavailable",
    "Piece",
    "align_tokens",
    "load_segmenter",
]

Piece = tuple[int, int, str]
"""(start, end) span inside the word and the piece's normalized form."""

DEFAULT_DB = "calima-msa-r13"
#: Tokenization schemes in order of preference: ATB first, then the closest
#: D-schemes (d2 splits the same proclitics, d3 also splits the article).
SCHEMES = ("atbtok", "d2tok", "d3tok", "d1tok")
KINDS = ("builtin", "camel", "auto")

_EMPTY_CATALOGUE = {"version": "0", "packages": {}, "components": {}}
_CATALOGUE_LOCK = threading.Lock()
_LOG = logging.getLogger(__name__)
_NOTICE_GIVEN = False
_FAILURE_LOGGED = False

# How a stem token may differ from the letters it covers (both normalized):
# the final letter an enclitic hides (ة written ت, ى written ا), and hamza seats.
_RESTORED_FINAL = {"ه": "ت", "ي": "ا"}
_HAMZA_SEATS = frozenset("ءاؤئ")


class MorphologyUnavailable(RuntimeError):
    """CAMeL Tools' morphology data (or the DB given) cannot be loaded."""


def _one_line(exc: BaseException) -> str:
    return " ".join(f"{type(exc).__name__}: {exc}".split())


# --------------------------------------------------------------------------
# Finding CAMeL's data without touching the network
# --------------------------------------------------------------------------

def _catalogue_path() -> Path:
    """Where camel_tools.data looks for its catalogue (same rules as camel 1.6)."""
    custom = os.environ.get("CAMELTOOLS_DATA")
    if custom:
        root = Path(custom).expanduser().absolute()
    elif sys.platform == "win32":
        root = Path.home() / "AppData/Roaming/camel_tools"
    else:
        root = Path.home() / ".camel_tools"
    return root / "catalogue.json"


def _camel_data() -> Any:
    """Import ``camel_tools.data`` offline: with no catalogue, load an empty one.

    Without a catalogue camel would download one at import; there is then no
    installed data either, so an empty catalogue says exactly that.
    """
    with _CATALOGUE_LOCK:
        if "camel_tools.data" in sys.modules:
            return sys.modules["camel_tools.data"]
        try:
            if _catalogue_path().is_file():
                return importlib.import_module("camel_tools.data")
            saved = os.environ.get("CAMELTOOLS_DATA")
            with tempfile.TemporaryDirectory() as tmp:
                Path(tmp, "catalogue.json").write_text(json.dumps(_EMPTY_CATALOGUE), encoding="utf-8")
                os.environ["CAMELTOOLS_DATA"] = tmp
                try:
                    return importlib.import_module("camel_tools.data")
                finally:
                    if saved is None:
                        os.environ.pop("CAMELTOOLS_DATA", None)
                    else:
                        os.environ["CAMELTOOLS_DATA"] = saved
        except Exception as exc:  # corrupt catalogue, unwritable home, ...
            raise MorphologyUnavailable(f"cannot load the CAMeL Tools catalogue ({_one_line(exc)})") from exc


def _installed_default() -> tuple[Path, Path]:
    """(morphology.db, model.json) of the installed default data, or raise."""
    catalogue = _catalogue_path()
    if "camel_tools.data" not in sys.modules and not catalogue.is_file():
        raise MorphologyUnavailable(f"CAMeL Tools data not installed (no {catalogue}; run `camel_data -i light`)")
    data = _camel_data()
    try:
        files = (Path(data.CATALOGUE.get_dataset("MorphologyDB", DEFAULT_DB).path, "morphology.db"),
                 Path(data.CATALOGUE.get_dataset("DisambigMLE", DEFAULT_DB).path, "model.json"))
    except Exception as exc:
        raise MorphologyUnavailable(f"{DEFAULT_DB} not in the CAMeL Tools catalogue ({_one_line(exc)})") from exc
    missing = [str(path) for path in files if not path.is_file()]
    if missing:
        raise MorphologyUnavailable(f"CAMeL Tools data missing: {', '.join(missing)} (run `camel_data -i light`)")
    return files


def _db_file(db_path: str | Path) -> Path:
    """Accept the DB file itself or a dataset directory holding ``morphology.db``."""
    path = Path(db_path)
    if path.is_dir():
        path = path / "morphology.db"
    if not path.is_file():
        raise MorphologyUnavailable(f"morphology DB not found: {path}")
    return path


def _build_disambiguator(db_path: Path | None) -> Any:
    """The real MLE disambiguator: pretrained on installed data, else pos-lex only.

    ``MLEDisambiguator(analyzer, mle_path=None)`` is camel's own fallback when a
    word is not in the word model: it ranks the analyzer's analyses by their
    ``pos_lex_logprob``, so a DB that carries log probabilities (calima does;
    the test fixture does) disambiguates without the downloadable model.
    """
    files = _installed_default() if db_path is None else None
    _camel_data()
    try:
        from camel_tools.disambig.mle import MLEDisambiguator
        from camel_tools.morphology.analyzer import Analyzer
        from camel_tools.morphology.database import MorphologyDB

        if files is not None:  # camel's cache never stores entries: CamelSegmenter caches instead
            return MLEDisambiguator.pretrained(DEFAULT_DB, cache_size=0)
        analyzer = Analyzer(MorphologyDB(str(_db_file(db_path)), "a"))
        return MLEDisambiguator(analyzer, mle_path=None, cache_size=0)
    except MorphologyUnavailable:
        raise
    except Exception as exc:
        raise MorphologyUnavailable(f"cannot load CAMeL morphology ({_one_line(exc)})") from exc


def _pick_scheme(disambiguator: Any) -> str:
    available = set(disambiguator.tok_feats())
    for scheme in SCHEMES:
        if scheme in available:
            return scheme
    raise MorphologyUnavailable(f"no clitic tokenization scheme among {sorted(available)}")


# --------------------------------------------------------------------------
# Aligning tokens with the original word
# --------------------------------------------------------------------------

def _stem_fits(surface: str, stem: str, after_li: bool, has_enclitic: bool) -> bool:
    """Whether ``surface`` letters can carry the ``stem`` token (both normalized)."""
    if surface == stem:
        return True
    if after_li and stem.startswith("ال") and surface == stem[1:]:
        return True  # لل+قوات: the article's alef is not written after li
    if has_enclitic and stem[-1:] in _RESTORED_FINAL and surface == stem[:-1] + _RESTORED_FINAL[stem[-1]]:
        return True
    return len(surface) == len(stem) and all(
        a == b or (a in _HAMZA_SEATS and b in _HAMZA_SEATS) for a, b in zip(surface, stem))


def _proclitic_length(norm: str, cursor: int, form: str, previous: str) -> int | None:
    if norm.startswith(form, cursor):
        return len(form)
    if previous == "ل" and form == "ال" and norm.startswith("ل", cursor):
        return 1  # d3tok: ل+ ال+ قوات over «للقوات»
    return None


def align_tokens(word: str, tokens: Sequence[str]) -> list[Piece] | None:
    """Map morphological tokens (``ب+``, ``القوات``, ``+ها``) onto ``word``.

    Proclitics (``x+``) are matched from the left and enclitics (``+x``) from
    the right, letter for letter; the single stem takes the letters between
    them. Returns None when the tokens do not fit the word.
    """
    norm, offsets = normalize_with_offsets(word)
    parts = [(token.endswith("+"), token.startswith("+"), normalize(token.strip("+_")))
             for token in tokens]
    parts = [part for part in parts if part[2]]
    if len(parts) <= 1:
        return [(0, len(word), norm)]
    stems = [index for index, (pro, enc, _form) in enumerate(parts) if not pro and not enc]
    if len(stems) != 1:
        return None
    stem_index = stems[0]
    proclitics = [form for _p, _e, form in parts[:stem_index]]
    enclitics = [form for _p, _e, form in parts[stem_index + 1:]]
    bounds = [0]
    previous = ""
    for form in proclitics:
        length = _proclitic_length(norm, bounds[-1], form, previous)
        if length is None:
            return None
        bounds.append(bounds[-1] + length)
        previous = form
    right = [len(norm)]
    for form in reversed(enclitics):
        if not norm.endswith(form, 0, right[0]):
            return None
        right.insert(0, right[0] - len(form))
    stem = parts[stem_index][2]
    if right[0] <= bounds[-1] or not _stem_fits(norm[bounds[-1]:right[0]], stem, previous == "ل", bool(enclitics)):
        return None
    bounds.extend(right)
    return _pieces(word, offsets, bounds, proclitics + [stem] + enclitics)


def _pieces(word: str, offsets: list[int], bounds: list[int], forms: list[str]) -> list[Piece] | None:
    """Turn normalized boundaries into original spans (None if one splits a character)."""
    starts = [0] + [offsets[b] for b in bounds[1:-1]] + [len(word)]
    for b in bounds[1:-1]:
        if offsets[b] == offsets[b - 1]:  # boundary inside a ligature's expansion
            return None
    if any(end <= start for start, end in zip(starts, starts[1:])):
        return None
    return [(start, end, form) for start, end, form in zip(starts, starts[1:], forms)]


# --------------------------------------------------------------------------
# The segmenter
# --------------------------------------------------------------------------

class CamelSegmenter(CachedSegmenter):
    """Segment words with CAMeL's ``MorphologicalTokenizer`` (MLE disambiguation).

    ``db_path`` None uses the installed ``calima-msa-r13`` data with
    ``MLEDisambiguator.pretrained()``; a path (file or dataset directory) uses
    that DB with camel's pos-lex MLE ranking. ``disambiguator`` overrides both
    (any camel ``Disambiguator``). Raises ``MorphologyUnavailable`` when the
    data or DB cannot be loaded.
    """

    def __init__(self, db_path: str | Path | None = None, disambiguator: Any = None) -> None:
        super().__init__()
        self.db_path = Path(db_path) if db_path is not None else None
        self._custom = disambiguator
        if disambiguator is None:
            disambiguator = _build_disambiguator(self.db_path)
        self.scheme = _pick_scheme(disambiguator)
        from camel_tools.tokenizers.morphological import MorphologicalTokenizer

        self._tokenizer = MorphologicalTokenizer(disambiguator, self.scheme, split=True, diac=False)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle as "how to load it" (camel's tokenizer holds a lambda)."""
        return (CamelSegmenter, (self.db_path, self._custom))

    def tokens(self, word: str) -> list[str]:
        """The raw morphological tokens camel produces for ``word`` (for inspection)."""
        return list(self._tokenizer.tokenize([word]))

    def _segment(self, word: str) -> list[Piece]:
        global _FAILURE_LOGGED
        try:
            pieces = align_tokens(word, self.tokens(word))
        except Exception as exc:  # one odd word must not stop a batch
            if not _FAILURE_LOGGED:
                _FAILURE_LOGGED = True
                _LOG.warning("CAMeL segmentation failed for %r (%s); such words stay unsplit",
                             word, _one_line(exc))
            pieces = None
        return pieces or [(0, len(word), normalize(word))]


@lru_cache(maxsize=8)
def _cached_segmenter(db_path: str | None) -> CamelSegmenter:
    return CamelSegmenter(db_path)


def load_segmenter(kind: str = "auto", db_path: str | Path | None = None) -> CamelSegmenter | None:
    """The segmenter for a ``segmenter=`` setting; None means "use the builtin splitter".

    ``builtin`` → None; ``camel`` → a CamelSegmenter or MorphologyUnavailable;
    ``auto`` → a CamelSegmenter when the data loads, else None and a one-line
    notice (logged once per process). Loaded segmenters are shared.
    """
    global _NOTICE_GIVEN
    if kind not in KINDS:
        raise ValueError(f"segmenter must be one of {KINDS}, not {kind!r}")
    if kind == "builtin":
        return None
    key = str(Path(db_path).expanduser().resolve()) if db_path is not None else None
    try:
        return _cached_segmenter(key)
    except MorphologyUnavailable as exc:
        if kind == "camel":
            raise
        if not _NOTICE_GIVEN:
            _NOTICE_GIVEN = True
            _LOG.warning("CAMeL morphology unavailable, using the builtin clitic splitter: %s",
                         " ".join(str(exc).split()))
        return None
