"""Information extraction from Arabic news: places, bases, forces, quantities,
dates and military events, as the JSON of ``EXTRACTION.md``.

``Extractor`` and ``load`` are imported lazily so that ``import extractor``
stays cheap; spaCy is imported with torch hidden (see ``_compat``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._compat import import_spacy, preload_camel_charsets

import_spacy()
preload_camel_charsets()

__version__ = "0.1.0"
__all__ = ["Extractor", "Result", "__version__", "load"]

if TYPE_CHECKING:  # pragma: no cover
    from .api import Extractor, Result
    from .pipeline import load


def __getattr__(name: str) -> Any:
    if name in ("Extractor", "Result"):
        from . import api

        return getattr(api, name)
    if name == "load":
        from .pipeline import load

        return load
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
