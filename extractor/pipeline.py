"""Assembling the spaCy pipeline from registered factories.

``load()`` returns a plain ``nlp`` object: other pipelines can add, remove or
reorder components with spaCy's own API (``nlp.add_pipe``, ``nlp.remove_pipe``).
"""

from __future__ import annotations

from spacy.language import Language

from . import components as _components  # noqa: F401  (registers the factories)
from . import discourse as _discourse  # noqa: F401
from . import events as _events  # noqa: F401
from . import force_context as _force_context  # noqa: F401
from . import place_context as _place_context  # noqa: F401
from . import place_filters as _place_filters  # noqa: F401
from . import rare_places as _rare_places  # noqa: F401
from . import statistical as _statistical  # noqa: F401
from .language import blank

__all__ = ["DEFAULT_COMPONENTS", "load"]

DEFAULT_COMPONENTS: tuple[str, ...] = (
    "arabic_places",
    "arabic_quantities",
    "arabic_times",
    "arabic_entity_resolver",
    "arabic_events",
)


def load(segmenter: str = "builtin", components: tuple[str, ...] = DEFAULT_COMPONENTS,
         db_path: str | None = None, ner: bool | None = None, ner_model: str | None = None) -> Language:
    """Build the extraction pipeline.

    ``segmenter`` chooses the clitic segmentation: ``builtin`` (rules, no data),
    ``camel`` (CAMeL Tools' morphological tokenizer; needs its data) or
    ``auto`` (CAMeL when its data is installed, else the rules, with a notice);
    ``db_path`` names another CAMeL morphology database; ``ner`` adds the
    statistical tagger before the resolver (``None``: when ``models/ner`` is there);
    ``ner_model`` names another trained tagger (``scripts/train_ner.py train --out DIR``).
    """
    from .statistical import model_available

    nlp = blank(segmenter, db_path)
    use_model = model_available(ner_model) if ner is None else ner
    for name in components:
        if use_model and name == "arabic_entity_resolver":
            nlp.add_pipe("arabic_statistical_ner", config={"model_path": ner_model})
        if name == "arabic_entity_resolver" and "arabic_places" in components:
            nlp.add_pipe("arabic_place_filters")  # after every source of PLACE candidates
            nlp.add_pipe("arabic_place_lists")
            nlp.add_pipe("arabic_rare_places")
            nlp.add_pipe("arabic_abbreviations")
        nlp.add_pipe(name)
        if name == "arabic_entity_resolver" and "arabic_places" in components:
            nlp.add_pipe("arabic_place_repeats")  # bare repeats of the article's places
    return nlp
