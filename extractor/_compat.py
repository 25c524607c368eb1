"""Keep torch off the default import path.

camel-tools depends on torch, so torch is installed, and thinc (spaCy's ML
layer) imports it eagerly when present: about a second and hundreds of MB
for nothing, since this package's pipelines run on thinc's NumPy ops. While
spaCy is first imported, ``torch`` is hidden from the import system; it is
unhidden right after, so user code can still ``import torch`` later. Set
``EXTRACTOR_ALLOW_TORCH=1`` to let thinc see torch (e.g. for transformer models).
"""

from __future__ import annotations

import os
import sys

__all__ = ["import_spacy"]


def import_spacy():
    """Import spaCy (and thinc) with torch hidden, unless already imported or allowed."""
    if "spacy" in sys.modules or "torch" in sys.modules or os.environ.get("EXTRACTOR_ALLOW_TORCH"):
        import spacy

        return spacy
    hidden = [name for name in ("torch", "cupy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import torch` fail fast
    try:
        import spacy
        import thinc.api  # noqa: F401  (thinc.compat decides has_torch once, here)
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
    return spacy
