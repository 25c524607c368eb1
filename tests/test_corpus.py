"""The annotated corpus: valid gold, JSONL up to date, splits disjoint and big enough;
plus table-driven unit tests of the converter (scripts/build_corpus.py) and the
validator (extractor/corpus.py) on small hand-made inputs.

Messages never print article text (only ids, hashes and problem lists), so a
failure on the held-out split does not reveal it.
"""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

import pytest

from conftest import load_script
from extractor.corpus import REGIONS, load_corpus, validate_article, validate_corpus
from extractor.schema import output_problems

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SAMPLE = CORPUS / "sample" / "qasrak-withdrawal-2026-02-23.txt"
MIN_SIZE = {"dev": 50, "test": 30}
# The held-out test split is written separately (issue 5); its checks run as
# soon as its annotated sources exist, and dev must always be there.
PRESENT = sorted(s for s in MIN_SIZE if any((CORPUS / "annotated" / s).glob("*.txt")))

build_corpus = load_script("build_corpus")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# -- the corpus files ----------------------------------------------------------------------

def test_dev_split_is_present() -> None:
    assert "dev" in PRESENT


@pytest.mark.parametrize("split", PRESENT)
def test_split_file_exists(split) -> None:
    assert (CORPUS / f"{split}.jsonl").is_file(), f"run scripts/build_corpus.py {split}"


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.jsonl")), ids=lambda p: p.name)
def test_jsonl_has_no_problems(path) -> None:
    assert validate_corpus(path) == {}


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.jsonl")), ids=lambda p: p.name)
def test_gold_also_satisfies_the_output_schema(path) -> None:
    bad = {a["id"]: output_problems(a, a["text"]) for a in load_corpus(path)}
    assert {key: value for key, value in bad.items() if value} == {}


@pytest.mark.parametrize("split", PRESENT)
def test_jsonl_is_up_to_date_with_the_annotated_sources(split) -> None:
    built = build_corpus.to_jsonl(build_corpus.build(split, ROOT))
    current = (CORPUS / f"{split}.jsonl").read_text(encoding="utf-8")
    assert _digest(built) == _digest(current), f"stale: run scripts/build_corpus.py {split}"


@pytest.mark.parametrize("split, minimum", [(s, MIN_SIZE[s]) for s in PRESENT])
def test_split_size_and_fields(split, minimum) -> None:
    articles = load_corpus(CORPUS / f"{split}.jsonl")
    assert len(articles) >= minimum
    assert {a["split"] for a in articles} == {split}
    assert [a["id"] for a in articles] == sorted(a["id"] for a in articles)


def test_split_ids_are_disjoint() -> None:
    ids = [{a["id"] for a in load_corpus(CORPUS / f"{s}.jsonl")} for s in PRESENT]
    assert all(ids) and len(set().union(*ids)) == sum(len(i) for i in ids)


def test_annotated_sample_text_is_the_sample_file() -> None:
    gold = {a["id"]: a for a in load_corpus(CORPUS / "dev.jsonl")}[SAMPLE.stem]
    assert gold["text"] == SAMPLE.read_text(encoding="utf-8")
    assert gold["date"] == "2026-02-23"
    header_end = gold["text"].index("بدأت")
    assert min(e["start"] for e in gold["entities"]) >= header_end


def test_dev_covers_every_event_type_status_and_label() -> None:
    articles = load_corpus(CORPUS / "dev.jsonl")
    events = [e for a in articles for e in a["events"]]
    assert {e["type"] for e in events} == {"WITHDRAWAL", "DEPLOYMENT", "BASE_TRANSFER",
                                           "BASE_CLOSURE", "ATTACK"}
    assert {e["status"] for e in events} == {"ongoing", "completed", "planned"}
    assert {m["label"] for a in articles for m in a["entities"]} == {"PLACE", "BASE", "FORCE",
                                                                     "QUANTITY", "TIME"}
    assert any(not a["events"] for a in articles), "want articles without any event"
    assert {a["region"] for a in articles} == set(REGIONS)


# -- the converter ---------------------------------------------------------------------------

HEAD = "id: a-1\ndate: 2025-03-10\nregion: Iraq\n---\n"

GOOD = [
    # (source, expected text, expected entities as (id, label, text, extra), events as (id, type, status, args))
    (HEAD + "[انسحبت]{v1 TRIGGER} [القوات الأميركية]{m1 FORCE} من [قاعدة حرير]{m2 BASE}.\n---\n"
     "v1 WITHDRAWAL completed actor=m1 origin=m2\n",
     "انسحبت القوات الأميركية من قاعدة حرير.",
     [("m1", "FORCE", "القوات الأميركية", {}), ("m2", "BASE", "قاعدة حرير", {})],
     [("v1", "WITHDRAWAL", "completed", [("actor", "m1"), ("origin", "m2")])]),
    (HEAD + "[انسحبت]{v1 TRIGGER} [القوات]{m1 FORCE} من ب[غداد]{m2 PLACE} و[الأنبار]{m3 PLACE}\n"
     "سطر ثان [أمس]{m4 TIME value=2025-03-09}\n---\n"
     "v1 WITHDRAWAL completed actor=m1 origin=m2,m3 time=m4\n",
     "انسحبت القوات من بغداد والأنبار\nسطر ثان أمس",
     [("m1", "FORCE", "القوات", {}), ("m2", "PLACE", "غداد", {}), ("m3", "PLACE", "الأنبار", {}),
      ("m4", "TIME", "أمس", {"value": "2025-03-09", "mod": None})],
     [("v1", "WITHDRAWAL", "completed", [("actor", "m1"), ("origin", "m2"), ("origin", "m3"),
                                         ("time", "m4")])]),
    (HEAD + "[بين 500 و700 جندي]{m1 QUANTITY qualifier=range min=500 max=700 value=null unit=troops}"
     " و[نحو 2.5 ألف]{m2 QUANTITY value=2500 qualifier=approx unit=troops}"
     " [مطلع 2024]{m3 TIME value=2024 mod=START}\n---\n",
     "بين 500 و700 جندي ونحو 2.5 ألف مطلع 2024",
     [("m1", "QUANTITY", "بين 500 و700 جندي",
       {"value": None, "min": 500, "max": 700, "qualifier": "range", "unit": "troops"}),
      ("m2", "QUANTITY", "نحو 2.5 ألف",
       {"value": 2500, "min": None, "max": None, "qualifier": "approx", "unit": "troops"}),
      ("m3", "TIME", "مطلع 2024", {"value": "2024", "mod": "START"})],
     []),
    (HEAD + " date 2025-03-10 - نص بلا وسوم\n\n---\n# comment\n", " date 2025-03-10 - نص بلا وسوم\n", [], []),
]


def _entity_view(entity):
    extra = {k: v for k, v in entity.items() if k not in ("id", "label", "start", "end", "text")}
    return entity["id"], entity["label"], entity["text"], extra


@pytest.mark.parametrize("source, text, entities, events", GOOD, ids=[f"good{i}" for i in range(len(GOOD))])
def test_parse_good_sources(source, text, entities, events) -> None:
    article = build_corpus.parse_annotated(source, split="dev")
    assert article["text"] == text
    assert [_entity_view(e) for e in article["entities"]] == entities
    for entity in article["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]
    got = [(e["id"], e["type"], e["status"], [(a["role"], a["ref"]) for a in e["args"]])
           for e in article["events"]]
    assert got == events
    assert (article["id"], article["date"], article["split"], article["region"]) == (
        "a-1", "2025-03-10", "dev", "Iraq")


def test_parse_event_trigger_offsets() -> None:
    article = build_corpus.parse_annotated(GOOD[1][0])
    trigger = article["events"][0]["trigger"]
    assert (trigger["start"], trigger["end"], trigger["text"]) == (0, 6, "انسحبت")


BAD = [
    # (source, expected "line: message" fragment)
    (HEAD + "نص [القوات{m1 FORCE} هنا\n---\n", ":5: malformed markup"),
    (HEAD + "نص القوات]{m1 FORCE} هنا\n---\n", ":5: malformed markup or stray ']'"),
    (HEAD + "سطر\nنص [القوات]{m1 FORCES}\n---\n", ":6: unknown label 'FORCES'"),
    (HEAD + "نص [القوات]{m1}\n---\n", ":5: annotation needs 'ID LABEL'"),
    (HEAD + "نص [القوات]{x1 FORCE}\n---\n", ":5: a FORCE id must look like m12"),
    (HEAD + "[أ]{m1 FORCE} [ب]{m1 PLACE}\n---\n", ":5: duplicate id m1"),
    (HEAD + "[ 5 جنود]{m1 QUANTITY value=5 qualifier=exact unit=troops}\n---\n", "whitespace"),
    (HEAD + "[5 جنود]{m1 QUANTITY value=5 qualifier=exactly unit=troops}\n---\n", "qualifier"),
    (HEAD + "[5 جنود]{m1 QUANTITY value=five qualifier=exact unit=troops}\n---\n", "not a number"),
    (HEAD + "[5 جنود]{m1 QUANTITY value=5 unit=troops}\n---\n", "needs qualifier="),
    (HEAD + "[جنود]{m1 QUANTITY value=5 qualifier=range unit=troops}\n---\n", "numeric min and max"),
    (HEAD + "[أمس]{m1 TIME value=09-03-2025}\n---\n", "is not YYYY"),
    (HEAD + "[أمس]{m1 TIME value=2025-02-30}\n---\n", "not a calendar date"),
    (HEAD + "[أمس]{m1 TIME value=2025 mod=LATE}\n---\n", ":5: m1: mod"),
    (HEAD + "[بغداد]{m1 PLACE name=x}\n---\n", "unexpected attribute"),
    (HEAD + "[انسحبت]{v1 TRIGGER}\n---\n", ":5: trigger v1 has no event line"),
    (HEAD + "نص\n---\nv1 WITHDRAWAL completed\n", ":7: event v1 has no"),
    (HEAD + "[انسحبت]{v1 TRIGGER} [الجيش]{m1 FORCE}\n---\nv1 RETREAT completed actor=m1\n",
     ":7: unknown event type 'RETREAT'"),
    (HEAD + "[انسحبت]{v1 TRIGGER} [الجيش]{m1 FORCE}\n---\nv1 WITHDRAWAL done actor=m1\n",
     "unknown status 'done'"),
    (HEAD + "[انسحبت]{v1 TRIGGER} [الجيش]{m1 FORCE}\n---\nv1 WITHDRAWAL completed agent=m1\n",
     ":7: v1: bad argument 'agent=m1'"),
    (HEAD + "[انسحبت]{v1 TRIGGER} [الجيش]{m1 FORCE}\n---\nv1 WITHDRAWAL completed actor=m9\n",
     "missing mention 'm9'"),
    (HEAD + "[انسحبت]{v1 TRIGGER} [بغداد]{m1 PLACE}\n---\nv1 WITHDRAWAL completed actor=m1\n",
     "actor=m1 is a PLACE, expected FORCE"),
    (HEAD + "[انسحبت]{v1 TRIGGER} [أمس]{m1 TIME value=2025}\n---\nv1 WITHDRAWAL completed time=m1\n",
     "no actor, origin, location or target"),
    (HEAD + "[انسحبت]{v1 TRIGGER} [الجيش]{m1 FORCE}\n---\nv1 WITHDRAWAL completed actor=m1\n"
     "v1 WITHDRAWAL completed actor=m1\n", ":8: event v1 described twice"),
    ("id: a-1\ndate: 2025-03-10\n---\nنص\n---\n", ":1: header lacks 'region'"),
    ("id: a-1\ndate: 2025-3-10\nregion: Iraq\n---\nنص\n---\n", "is not YYYY-MM-DD"),
    ("id: a-1\ndate: 2025-03-10\nregion: Mars\n---\nنص\n---\n", "region 'Mars'"),
    ("id: A 1\ndate: 2025-03-10\nregion: Iraq\n---\nنص\n---\n", "lowercase ASCII"),
    ("id: a-1\ndate: 2025-03-10\nregion: Iraq\nauthor: x\n---\nنص\n---\n", ":4: header line"),
    (HEAD + "نص بلا فاصل ثان\n", ":1: expected exactly two '---' lines"),
    (HEAD.replace("\n", "\r\n") + "نص\r\n---\r\n", "line ends"),
]


@pytest.mark.parametrize("source, fragment", BAD, ids=[f"bad{i:02d}" for i in range(len(BAD))])
def test_parse_rejects_malformed_sources(source, fragment) -> None:
    with pytest.raises(build_corpus.MarkupError) as caught:
        build_corpus.parse_annotated(source, name="f.txt")
    assert fragment in str(caught.value)
    assert all(problem.startswith("f.txt:") for problem in caught.value.problems)


def _write_split(root: Path, files: dict[str, str]) -> None:
    folder = root / "corpus" / "annotated" / "dev"
    folder.mkdir(parents=True)
    for name, source in files.items():
        (folder / name).write_text(source, encoding="utf-8")


BUILD_CASES = [
    ({"a-1.txt": HEAD + "نص\n---\n", "b-2.txt": HEAD.replace("a-1", "b-2") + "نص\n---\n"}, None),
    ({"a-2.txt": HEAD + "نص\n---\n"}, "differs from the file name"),
    ({"a-1.txt": HEAD + "نص [x{m1 FORCE}\n---\n", "b.txt": HEAD.replace("a-1", "b") + "[y]{m1 X}\n---\n"},
     "unknown label 'X'"),
]


@pytest.mark.parametrize("files, error", BUILD_CASES, ids=["ok", "id-vs-name", "all-errors-listed"])
def test_build_whole_split(tmp_path, files, error) -> None:
    _write_split(tmp_path, files)
    if error is None:
        articles = build_corpus.build("dev", tmp_path)
        assert [a["id"] for a in articles] == ["a-1", "b-2"]
        assert build_corpus.main(["--root", str(tmp_path), "dev"]) == 0
        assert build_corpus.main(["--root", str(tmp_path), "--check", "dev"]) == 0
        assert len(load_corpus(tmp_path / "corpus" / "dev.jsonl")) == 2
        return
    with pytest.raises(build_corpus.MarkupError) as caught:
        build_corpus.build("dev", tmp_path)
    assert error in str(caught.value)
    if len(files) > 1:  # every file's problems are reported, not only the first
        assert {p.split(":")[0].rsplit("/", 1)[-1] for p in caught.value.problems} == set(files)


def test_check_mode_detects_a_stale_jsonl(tmp_path) -> None:
    _write_split(tmp_path, {"a-1.txt": HEAD + "نص\n---\n"})
    (tmp_path / "corpus" / "dev.jsonl").write_text("", encoding="utf-8")
    assert build_corpus.main(["--root", str(tmp_path), "--check", "dev"]) == 1


# -- the validator ---------------------------------------------------------------------------

def _valid_article() -> dict:
    return build_corpus.parse_annotated(
        HEAD + "[انسحبت]{v1 TRIGGER} [القوات التركية]{m1 FORCE} من [بعشيقة]{m2 PLACE} "
        "[أمس]{m3 TIME value=2025-03-09} مع [نحو 300 جندي]{m4 QUANTITY value=300 qualifier=approx "
        "unit=troops}\n---\nv1 WITHDRAWAL completed actor=m1 origin=m2 time=m3 quantity=m4\n", split="dev")


def _set(path, value):
    def mutate(article):
        target = article
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return mutate


MUTATIONS = [
    ("end beyond text", _set(("entities", 0, "end"), 999), "out of range"),
    ("start after end", _set(("entities", 0, "start"), 30), "out of range"),
    ("text mismatch", _set(("entities", 1, "text"), "الموصل"), "!= its text"),
    ("unknown label", _set(("entities", 1, "label"), "CITY"), "unknown label 'CITY'"),
    ("bad qualifier", _set(("entities", 3, "qualifier"), "about"), "qualifier 'about'"),
    ("range without max", lambda a: a["entities"][3].update(qualifier="range", min=200, value=None),
     "numeric min and max"),
    ("min outside range", _set(("entities", 3, "min"), 100), "only for qualifier=range"),
    ("vague with value", _set(("entities", 3, "qualifier"), "vague"), "value null"),
    ("exact without value", _set(("entities", 3, "value"), None), "needs a numeric value"),
    ("missing unit", lambda a: a["entities"][3].pop("unit"), "lacks 'unit'"),
    ("time not iso", _set(("entities", 2, "value"), "أمس"), "TIME value"),
    ("time bad week", _set(("entities", 2, "value"), "2025-W60"), "ISO week"),
    ("time bad month", _set(("entities", 2, "value"), "2025-13"), "no such month"),
    ("time bad mod", _set(("entities", 2, "mod"), "EARLY"), "mod 'EARLY'"),
    ("event type", _set(("events", 0, "type"), "RETREAT"), "unknown event type"),
    ("event status", _set(("events", 0, "status"), "done"), "unknown status"),
    ("role", _set(("events", 0, "args", 0, "role"), "agent"), "unknown role 'agent'"),
    ("dangling ref", _set(("events", 0, "args", 0, "ref"), "m9"), "missing mention 'm9'"),
    ("filler label", _set(("events", 0, "args", 1, "ref"), "m1"), "origin filler m1 is FORCE"),
    ("time filler", _set(("events", 0, "args", 2, "ref"), "m2"), "time filler m2 is PLACE"),
    ("quantity filler", _set(("events", 0, "args", 3, "ref"), "m3"), "quantity filler m3 is TIME"),
    ("no core role", lambda a: a["events"][0].update(args=a["events"][0]["args"][2:]),
     "no actor, origin, location or target"),
    ("duplicate ids", _set(("entities", 1, "id"), "m1"), "duplicate id m1"),
    ("bad entity id", _set(("entities", 1, "id"), "p2"), "entity id must look like"),
    ("trigger text", _set(("events", 0, "trigger", "text"), "غادرت"), "trigger: text"),
    ("overlap", _set(("entities", 1, "start"), 20), "overlap"),
    ("article date", _set(("date",), "10/03/2025"), "article date"),
    ("split", _set(("split",), "train"), "split 'train'"),
    ("region", _set(("region",), "Europe"), "region 'Europe'"),
]


@pytest.mark.parametrize("name, mutate, fragment", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_validator_finds_each_problem(name, mutate, fragment) -> None:
    article = _valid_article()
    assert validate_article(article) == []
    broken = copy.deepcopy(article)
    mutate(broken)
    problems = validate_article(broken)
    assert any(fragment in problem for problem in problems), problems


@pytest.mark.parametrize("args, problem", [
    ([("actor", "m1"), ("origin", "m3")], "actor=m1 has its other name m2 in brackets"),
    ([("actor", "m2"), ("origin", "m3"), ("origin", "m4")], "actor=m2 has its other name m1"),  # bracketed first
    ([("actor", "m1"), ("actor", "m2"), ("origin", "m4")], "origin=m4 has its other name m3 in brackets"),
])
def test_validator_wants_both_names_of_an_argument(args, problem) -> None:
    article = build_corpus.parse_annotated(
        HEAD + "[انسحبت]{v1 TRIGGER} [قوات سوريا الديمقراطية]{m1 FORCE} ([قسد]{m2 FORCE}) من "
        "[عين العرب]{m3 PLACE} ([كوباني]{m4 PLACE}).\n---\n"
        "v1 WITHDRAWAL completed actor=m1,m2 origin=m3,m4\n", split="dev")
    assert validate_article(article) == []  # both names in each role (GUIDELINES §8.4)
    article["events"][0]["args"] = [{"role": role, "ref": ref} for role, ref in args]
    problems = validate_article(article)
    assert any(problem in p for p in problems), problems


@pytest.mark.parametrize("value", ["2026-02-23", "2025-11", "2024", "2026-W08", None])
def test_validator_accepts_every_time_value_form(value) -> None:
    article = _valid_article()
    article["entities"][2]["value"] = value
    assert validate_article(article) == []


def test_validate_corpus_reports_bad_lines_and_repeated_ids(tmp_path) -> None:
    good = build_corpus.to_jsonl([_valid_article()])
    path = tmp_path / "c.jsonl"
    path.write_text(good + good, encoding="utf-8")
    assert validate_corpus(path) == {"a-1": ["article id a-1 appears more than once"]}
    path.write_text(good + "{not json\n", encoding="utf-8")
    assert list(validate_corpus(path)) == ["<file>"] and ":2: not JSON" in validate_corpus(path)["<file>"][0]


def test_corpus_card_numbers_are_regenerated() -> None:
    """corpus/README.md shows the numbers of the splits as built (scripts/corpus_numbers.py)."""
    numbers = load_script("corpus_numbers")
    card = (ROOT / "corpus" / "README.md").read_text(encoding="utf-8")
    assert f"{numbers.START}\n{numbers.block()}\n{numbers.END}" in card, "run scripts/corpus_numbers.py"
