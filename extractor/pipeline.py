"""Assembling the spaCy pipeline from registered factories.

``load()`` returns a plain ``nlp`` object: other pipelines can add, remove or
reorder components with spaCy's own API (``nlp.add_pipe``, ``nlp.remove_pipe``).
"""

from __future__ import annotations

from spacy.language import Language

from . import components as _components  # noqa: F401  (registers the factories)
from . import events as _events  # noqa: F401
from .language import blank

__all__ = ["load", "DEFAULT_COMPONENTS"]

DEFAULT_COMPONENTS: tuple[str, ...] = (
    "arabic_places",
    "arabic_quantities",
    "arabic_times",
    "arabic_entity_resolver",
    "arabic_events",
)


def load(segmenter: str = "builtin", components: tuple[str, ...] = DEFAULT_COMPONENTS,
         db_path: str | None = None) -> Language:
    """Build the extraction pipeline.

    ``segmenter`` chooses the clitic segmentation: ``builtin`` (rules, no data),
    ``camel`` (CAMeL Tools' morphological tokenizer; needs its data) or
    ``auto`` (CAMeL when its data is installed, else the rules, with a notice);
    ``db_path`` names another CAMeL morphology database.
    """
    nlp = blank(segmenter, db_path)
    for name in components:
        nlp.add_pipe(name)
    return nlp
