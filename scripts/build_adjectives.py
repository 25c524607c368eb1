"""Generate ``models/gazetteer/adjectives.txt`` (frequent indefinite adjective-like words)
and ``models/gazetteer/frequent_words.txt`` (frequent indefinite words, any ending), and
``models/gazetteer/news_words.txt`` (the news' words, «ال» or not: beside a place cue, an unlisted
word is likely a name), and ``models/gazetteer/heard_words.npy`` (the hashes of every word form of
Zipf 2.0+: after a bare preposition, a word outside them is unheard-of, likely a village).

After a head noun («قاعدة», «بلدة», «معسكر») an indefinite word in ـية/ـيون/ـيين is
usually an adjective («قاعدة عسكرية», «بلدة حدودية»), but a village or camp name
can have the same ending («معسكر بسماية», «بلدة معرية»). Word frequencies tell
them apart: the adjectives are common words of the news, the names rare. A word
goes in the list when it has the ending, no article, and a Zipf frequency of at
least ``MIN_ZIPF`` in wordfreq (``gazetteer`` extra); ``extractor.context_patterns``
takes a listed word (or a nationality) for an adjective and any other for a name.
The second list serves the same purpose after a unit head («كتيبة شمشون» is a name,
«فرقة إنقاذ» a description). ``tests/test_entity_tagger.py`` checks both files are current.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extractor.normalize import normalize  # noqa: E402
from extractor.resources import render_word_list, write_word_list  # noqa: E402

OUT = ROOT / "models" / "gazetteer" / "adjectives.txt"
FREQUENT_OUT = ROOT / "models" / "gazetteer" / "frequent_words.txt"
NEWS_OUT = ROOT / "models" / "gazetteer" / "news_words.txt"
HEARD_OUT = ROOT / "models" / "gazetteer" / "heard_words.npy"
HEARD_MIN_ZIPF = 2.0  # words: «جملة» 4.5, «صامطة» 2.8, «التباب» 1.6 (some names too); unheard: «بدنايل» 1.2, «سيفاري» 0
NEWS_MIN_ZIPF = 3.0  # names: «القسيمة» 2.7, «النعيرية» 2.6, «أنشاص» 1.7; words: «التلة» 3.2, «المستوطنة» 3.3
FREQUENT_MIN_ZIPF = 3.5  # «إنقاذ» 4.5, «حوران» 3.5 vs «شمشون» 3.0, «شومرون» 2.0, «ككلة» 1.6
VOCABULARY = 300_000   # wordfreq's most frequent Arabic words examined
MIN_ZIPF = 2.0         # «لوجستية» 2.8; names: «كبوشية» 1.8, «بسماية» 1.5 («أوغندية» 1.4: nationalities are listed apart)
ENDINGS = ("يه", "يون", "يين")
#: Other adjective endings (ـة, ـي) are shared with many more nouns and names, so only the
#: common words with them are listed: «صحراوية» 3.2, «مكتظة» 3.3, «عسكري» 4.7, «محاذية» 2.5.
WIDE_ENDINGS, WIDE_MIN_ZIPF = ("ه", "ي"), 2.5


def adjectives() -> list[str]:
    from wordfreq import top_n_list, zipf_frequency

    found = set()
    for word in top_n_list("ar", VOCABULARY, wordlist="best"):
        norm = normalize(word)
        if norm.startswith("ال") or " " in norm:
            continue
        zipf = zipf_frequency(word, "ar", wordlist="best")
        wide = word.endswith(("ة", "ي")) and norm.endswith(WIDE_ENDINGS) and not (
            word.endswith("ي") and zipf_frequency(word[:-1] + "ى", "ar") > zipf)  # «عيسي» is «عيسى», a name
        if (norm.endswith(ENDINGS) and zipf >= MIN_ZIPF) or (wide and zipf >= WIDE_MIN_ZIPF):
            found.add(norm)
    return sorted(found)


def forms_at_least(min_zipf: float, keep=None) -> set[str]:
    """wordfreq's normalized one-word forms of a Zipf frequency of at least ``min_zipf``
    that ``keep`` accepts (by default Arabic letters only, with or without «ال»)."""
    from wordfreq import top_n_list, zipf_frequency

    keep = keep or ARABIC_WORD.match
    found = set()
    for word in top_n_list("ar", VOCABULARY, wordlist="best"):
        if zipf_frequency(word, "ar", wordlist="best") < min_zipf:
            break  # the list is ordered by frequency
        norm = normalize(word)
        if keep(norm):
            found.add(norm)
    return found


def frequent_words() -> list[str]:
    """Every indefinite one-word form with a Zipf frequency of at least ``FREQUENT_MIN_ZIPF``:
    after an indefinite unit head a word not among them is a name («كتيبة شمشون», «لواء
    شومرون»), one among them a description («فرقة إنقاذ»)."""
    return sorted(forms_at_least(FREQUENT_MIN_ZIPF, lambda norm: not norm.startswith("ال") and norm.isalpha()))


def news_words() -> list[str]:
    """Every one-word Arabic form, with or without «ال», of a Zipf frequency of at least
    ``NEWS_MIN_ZIPF``: a word next to a place cue or a known place that is none of them is
    most likely a name («قرب القسيمة», «بقيق وخريص»), one among them a common word («قرب
    التلة»)."""
    return sorted(forms_at_least(NEWS_MIN_ZIPF))


def heard_words():
    """The sorted, distinct CRC-32 hashes (``uint32``) of every normalized one-word form with a
    Zipf frequency of at least ``HEARD_MIN_ZIPF``: some 174,000 forms in 0.7 MB, where the
    words themselves would be a list too large to load at every start or to review."""
    import numpy as np

    from extractor.resources import word_hash

    return np.array(sorted({word_hash(norm) for norm in forms_at_least(HEARD_MIN_ZIPF)}), dtype=np.uint32)


ARABIC_WORD = re.compile(r"^[\u0621-\u064A]+$")
DESCRIPTION = "Frequent indefinite words in ـية/ـي/ـة…: adjectives after a head noun, not names."
FREQUENT_DESCRIPTION = "Frequent indefinite Arabic words (Zipf 3.5+): after a unit head, a description, not a name."
NEWS_DESCRIPTION = "Arabic words of Zipf 3.0+, with or without al-: beside a place cue, a word not listed is likely a name."


def render(words: list[str]) -> str:
    return render_word_list(words, DESCRIPTION, "build_adjectives.py")


def render_frequent(words: list[str]) -> str:
    return render_word_list(words, FREQUENT_DESCRIPTION, "build_adjectives.py")


def render_news(words: list[str]) -> str:
    return render_word_list(words, NEWS_DESCRIPTION, "build_adjectives.py")


def main() -> int:
    import numpy as np

    heard = heard_words()
    np.save(HEARD_OUT, heard)
    print(f"{len(heard)} word hashes -> {HEARD_OUT}")
    write_word_list(NEWS_OUT, news_words(), NEWS_DESCRIPTION, "build_adjectives.py")
    write_word_list(FREQUENT_OUT, frequent_words(), FREQUENT_DESCRIPTION, "build_adjectives.py")
    return write_word_list(OUT, adjectives(), DESCRIPTION, "build_adjectives.py")


if __name__ == "__main__":
    sys.exit(main())
