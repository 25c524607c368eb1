"""CAMeL morphology path: the real analyzer, MLE disambiguator and tokenizer over a fixture DB.

The fixture ``tests/fixtures/morph_db/morphology.db`` is a tiny DB in CAMeL's own
text format (complex prefixes و ف ب ل ك + ال / لل, noun, possessive and verb
suffixes, a dozen stems with pos-lex log probabilities, the three compatibility
tables), so the code under test is camel's own ``MorphologyDB``, ``Analyzer``,
``MLEDisambiguator`` and ``MorphologicalTokenizer``. Nothing touches the network.
"""

from __future__ import annotations

import logging
import os
import pickle
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from extractor import morphology
from extractor.morphology import CamelSegmenter, MorphologyUnavailable, align_tokens, load_segmenter
from extractor.normalize import normalize

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "morph_db"
ROOT = FIXTURE.parents[2]


def _no_network(*_args, **_kwargs):
    raise OSError("network access attempted during a test")


@pytest.fixture(scope="module")
def segmenter() -> CamelSegmenter:
    with pytest.MonkeyPatch.context() as patch:  # loading must not reach the network
        patch.setattr(socket.socket, "connect", _no_network)
        patch.setattr(socket, "getaddrinfo", _no_network)
        return CamelSegmenter(FIXTURE)


@pytest.fixture(scope="module")
def analyzer(segmenter):
    from camel_tools.morphology.analyzer import Analyzer
    from camel_tools.morphology.database import MorphologyDB

    return Analyzer(MorphologyDB(str(FIXTURE / "morphology.db")))


@pytest.mark.parametrize("word, expected", [
    ("بالحسكة", {("ب+_الحسكة", "noun_prop", "bi_prep", "Al_det")}),
    ("للقوات", {("ل+_القوات", "noun", "li_prep", "Al_det")}),
    ("وقاعدة", {("و+_قاعدة", "noun", "0", "0")}),
    ("لقسد", {("ل+_قسد", "noun_prop", "li_prep", "0")}),
    ("لبنان", {("لبنان", "noun_prop", "0", "0"), ("ل+_بنان", "noun", "li_prep", "0")}),
    ("قاعدته", {("قاعدة_+ه", "noun", "0", "0")}),
    ("وانسحبت", {("و+_انسحبت", "verb", "0", "0")}),
    ("القواتها", set()),      # the article and a possessive never combine (table AC)
    ("الحسكة", {("الحسكة", "noun_prop", "0", "Al_det")}),
    ("حسكة", set()),          # this proper noun only occurs with the article (table AB)
    ("بغداد", set()),
])
def test_real_analyzer_over_fixture_db(analyzer, word: str, expected: set) -> None:
    from camel_tools.utils.dediac import dediac_ar

    found = {(dediac_ar(a["atbtok"]), a["pos"], a["prc1"], a["prc0"]) for a in analyzer.analyze(word)}
    assert found == expected


SEGMENTS = [
    ("بالحسكة", [(0, 1, "ب"), (1, 7, "الحسكه")]),
    ("والقوات", [(0, 1, "و"), (1, 7, "القوات")]),
    ("للقوات", [(0, 1, "ل"), (1, 6, "القوات")]),            # article alef restored in the form only
    ("وللقوات", [(0, 1, "و"), (1, 2, "ل"), (2, 7, "القوات")]),
    ("وقاعدة", [(0, 1, "و"), (1, 6, "قاعده")]),
    ("لقسد", [(0, 1, "ل"), (1, 4, "قسد")]),
    ("فبالحسكة", [(0, 1, "ف"), (1, 2, "ب"), (2, 8, "الحسكه")]),
    ("وانسحبت", [(0, 1, "و"), (1, 7, "انسحبت")]),
    ("قاعدته", [(0, 5, "قاعده"), (5, 6, "ه")]),              # ت of the surface is the stem's ة
    ("قواتها", [(0, 4, "قوات"), (4, 6, "ها")]),
    ("مستشفاه", [(0, 6, "مستشفي"), (6, 7, "ه")]),           # ا of the surface is the stem's ى
    ("وَالقُوّات", [(0, 2, "و"), (2, 10, "القوات")]),         # diacritics stay with their letter
    ("بالحســكة", [(0, 1, "ب"), (1, 9, "الحسكه")]),          # tatweel
    ("لبنان", [(0, 5, "لبنان")]),                            # MLE: Lebanon, not ل + «fingertips»
    ("وزير", [(0, 4, "وزير")]),                              # MLE: minister, not و + «jar»
    ("القوات", [(0, 6, "القوات")]),                          # ATB keeps the article on its noun
]


@pytest.mark.parametrize("word, expected", SEGMENTS)
def test_segment_offsets_are_exact(segmenter, word: str, expected: list) -> None:
    pieces = segmenter.segment(word)
    assert pieces == expected
    assert [start for start, _e, _n in pieces] == [0] + [end for _s, end, _n in pieces[:-1]]
    assert pieces[-1][1] == len(word)
    assert all(start < end for start, end, _n in pieces)
    assert "".join(word[start:end] for start, end, _n in pieces) == word


@pytest.mark.parametrize("word", ["بغداد", "كركوك", "وكركوك", "ISIS", "2025", "U.S.", "ﻻ"])
def test_words_outside_the_db_stay_whole(segmenter, word: str) -> None:
    assert segmenter.segment(word) == [(0, len(word), normalize(word))]


@pytest.mark.parametrize("word, tokens, expected", [
    ("للقوات", ["ل+", "ال+", "قوات"], [(0, 1, "ل"), (1, 2, "ال"), (2, 6, "قوات")]),   # d3tok
    ("بالحسكة", ["ب+", "ال+", "حسكة"], [(0, 1, "ب"), (1, 3, "ال"), (3, 7, "حسكه")]),
    ("مسؤوليه", ["مسئولية"], [(0, 7, "مسؤوليه")]),                                  # one token: word kept
    ("ومسؤول", ["و+", "مسئول"], [(0, 1, "و"), (1, 6, "مسئول")]),                    # hamza seat differs
    ("بقوات", ["ك+", "قوات"], None),                  # a clitic that is not in the word
    ("وقوات", ["و+", "قوى"], None),                   # a stem that does not fit
    ("وقوات", ["و+", "قو", "ات"], None),              # two stems: not a clitic tokenization
    ("وقواتها", ["و+", "قوات", "+هم"], None),
    ("ﻻعب", ["ل+", "اعب"], None),                     # boundary inside the ligature ﻻ → لا
    ("فﻻعب", ["فل+", "اعب"], None),                   # ... which would give «ف» the form «فل»
])
def test_align_tokens(word: str, tokens: list[str], expected) -> None:
    assert align_tokens(word, tokens) == expected


def _camel_disambiguator(rank, tok_feats=("atbtok", "d3tok"), fail=False):
    """A camel Disambiguator over the fixture analyzer choosing with ``rank`` (max wins)."""
    from camel_tools.disambig.common import DisambiguatedWord, Disambiguator, ScoredAnalysis
    from camel_tools.morphology.analyzer import Analyzer
    from camel_tools.morphology.database import MorphologyDB

    analyzer = Analyzer(MorphologyDB(str(FIXTURE / "morphology.db")))

    class Ranked(Disambiguator):
        def disambiguate_word(self, sentence, word_ndx, top=1):
            if fail:
                raise ValueError("broken model")
            analyses = sorted(analyzer.analyze(sentence[word_ndx]), key=rank, reverse=True)
            return DisambiguatedWord(sentence[word_ndx], [ScoredAnalysis(1.0, a, a["diac"], 0, 0) for a in analyses])

        def disambiguate(self, sentence, top=1):
            return [self.disambiguate_word(sentence, index) for index in range(len(sentence))]

        def all_feats(self):
            return analyzer.all_feats()

        def tok_feats(self):
            return frozenset(tok_feats)

    return Ranked()


def _most_segments(analysis) -> int:
    return analysis["atbtok"].count("_")


@pytest.mark.parametrize("word, expected", [
    ("لبنان", [(0, 1, "ل"), (1, 5, "بنان")]),   # the injected ranking, not MLE, decides
    ("وزير", [(0, 1, "و"), (1, 4, "زير")]),
    ("بالحسكة", [(0, 1, "ب"), (1, 7, "الحسكه")]),
])
def test_injected_disambiguator_is_used(segmenter, word: str, expected: list) -> None:
    custom = CamelSegmenter(disambiguator=_camel_disambiguator(_most_segments))
    assert custom.segment(word) == expected


@pytest.mark.parametrize("tok_feats, word, expected", [
    (("d3tok",), "للقوات", [(0, 1, "ل"), (1, 2, "ال"), (2, 6, "قوات")]),
    (("atbtok", "d3tok"), "للقوات", [(0, 1, "ل"), (1, 6, "القوات")]),
])
def test_scheme_falls_back_to_the_closest_available(segmenter, tok_feats, word: str, expected) -> None:
    custom = CamelSegmenter(disambiguator=_camel_disambiguator(_most_segments, tok_feats))
    assert custom.scheme == tok_feats[0] and custom.segment(word) == expected


@pytest.mark.parametrize("tok_feats", [(), ("bwtok",)])
def test_no_clitic_scheme_is_unavailable(segmenter, tok_feats) -> None:
    with pytest.raises(MorphologyUnavailable):
        CamelSegmenter(disambiguator=_camel_disambiguator(_most_segments, tok_feats))


@pytest.mark.parametrize("word", ["بالحسكة", "للقوات"])
def test_a_failing_disambiguator_leaves_words_whole(segmenter, caplog, monkeypatch, word: str) -> None:
    monkeypatch.setattr(morphology, "_FAILURE_LOGGED", False)
    broken = CamelSegmenter(disambiguator=_camel_disambiguator(_most_segments, fail=True))
    with caplog.at_level(logging.WARNING, logger="extractor.morphology"):
        assert broken.segment(word) == [(0, len(word), normalize(word))]
    assert len([r for r in caplog.records if r.name == "extractor.morphology"]) == 1


@pytest.mark.parametrize("db_path", [FIXTURE, FIXTURE / "morphology.db", str(FIXTURE)])
def test_load_camel_with_a_db_path(db_path) -> None:
    loaded = load_segmenter("camel", db_path=db_path)
    assert isinstance(loaded, CamelSegmenter) and loaded.scheme == "atbtok"
    assert loaded.segment("لقسد") == [(0, 1, "ل"), (1, 4, "قسد")]
    assert load_segmenter("auto", db_path=db_path) is loaded   # loaded once, shared


@pytest.mark.parametrize("kind, raises, returns_none", [
    ("builtin", None, True), ("auto", None, True), ("camel", MorphologyUnavailable, False),
    ("rules", ValueError, False),
])
def test_missing_db_path(kind, raises, returns_none, tmp_path, caplog, monkeypatch) -> None:
    monkeypatch.setattr(morphology, "_NOTICE_GIVEN", False)
    missing = tmp_path / "nowhere" / "morphology.db"
    with caplog.at_level(logging.WARNING, logger="extractor.morphology"):
        if raises:
            with pytest.raises(raises):
                load_segmenter(kind, db_path=missing)
        else:
            assert (load_segmenter(kind, db_path=missing) is None) is returns_none
            assert load_segmenter(kind, db_path=missing) is None
    notices = [r.getMessage() for r in caplog.records if r.name == "extractor.morphology"]
    assert len(notices) == (1 if kind == "auto" else 0)
    assert all("\n" not in notice and "builtin" in notice for notice in notices)


def _empty_catalogue(tmp_path: Path, with_datasets: bool):
    from camel_tools.data.catalogue import Catalogue, ComponentEntry, DatasetEntry

    if not with_datasets:
        return Catalogue("0", {}, {})
    components = {name: ComponentEntry(name, morphology.DEFAULT_DB, {
        morphology.DEFAULT_DB: DatasetEntry(morphology.DEFAULT_DB, name, tmp_path / name)})
        for name in ("MorphologyDB", "DisambigMLE")}
    return Catalogue("0", {}, components)


@pytest.mark.parametrize("absence", ["no catalogue", "not in catalogue", "files missing"])
def test_default_data_absent(absence, segmenter, tmp_path, caplog, monkeypatch) -> None:
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))   # no catalogue.json there
    monkeypatch.setattr(morphology, "_NOTICE_GIVEN", False)
    if absence == "no catalogue":   # as in a fresh process: camel_tools.data never imported
        monkeypatch.delitem(sys.modules, "camel_tools.data")
    else:
        data = morphology._camel_data()
        monkeypatch.setattr(data, "CATALOGUE", _empty_catalogue(tmp_path, absence == "files missing"))
    with caplog.at_level(logging.WARNING, logger="extractor.morphology"):
        assert load_segmenter("auto") is None
        assert load_segmenter("auto") is None
    notices = [r.getMessage() for r in caplog.records if r.name == "extractor.morphology"]
    assert len(notices) == 1 and "\n" not in notices[0]
    with pytest.raises(MorphologyUnavailable):
        load_segmenter("camel")
    if absence == "no catalogue":
        assert "camel_tools.data" not in sys.modules   # nothing was imported, so nothing downloaded


def test_pickles_as_a_recipe(segmenter) -> None:
    clone = pickle.loads(pickle.dumps(segmenter))
    assert clone is not segmenter and clone.segment("للقوات") == segmenter.segment("للقوات")


def test_tokenizer_integration(segmenter) -> None:
    from extractor.text import tokenize

    text = "انسحبت القوات من قاعدة بالحسكة وللقوات الأمريكية قاعدته."
    tokens = tokenize(text, segmenter)
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert [t.norm for t in tokens if t.text in {"ب", "و", "ل"}] == ["ب", "و", "ل"]
    assert ("الحسكه", 24, 30) in {(t.norm, t.start, t.end) for t in tokens}
    assert ("القوات", 33, 38) in {(t.norm, t.start, t.end) for t in tokens}


FRESH_PROCESS = """
import socket, sys
def blocked(*a, **k): raise OSError("network")
socket.socket.connect = blocked; socket.getaddrinfo = blocked
import extractor.morphology as m
assert not [k for k in sys.modules if k.startswith(("camel_tools.morphology", "camel_tools.disambig", "camel_tools.data"))]
assert m.load_segmenter("auto") is None and m.load_segmenter("auto") is None
assert "camel_tools.data" not in sys.modules
seg = m.load_segmenter("camel", db_path=sys.argv[1])
assert seg.segment("بالحسكة") == [(0, 1, "ب"), (1, 7, "الحسكه")], seg.segment("بالحسكة")
assert "torch" not in sys.modules
print("ok")
"""


def test_fresh_process_no_network_no_torch(tmp_path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "CAMELTOOLS_DATA": str(tmp_path / "camel"),
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(FRESH_PROCESS), str(FIXTURE)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
    notice = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(notice) == 1 and "builtin clitic splitter" in notice[0]
