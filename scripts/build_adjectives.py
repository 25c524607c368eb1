"""Generate ``models/gazetteer/nisba_adjectives.txt``: frequent indefinite nisba words.

After a head noun («قاعدة», «بلدة», «معسكر») an indefinite word in ـية/ـيون/ـيين is
usually an adjective («قاعدة عسكرية», «بلدة حدودية»), but a village or camp name
can have the same ending («معسكر بسماية», «بلدة معرية»). Word frequencies tell
them apart: the adjectives are common words of the news, the names rare. A word
goes in the list when it has the ending, no article, and a Zipf frequency of at
least ``MIN_ZIPF`` in wordfreq (``gazetteer`` extra); ``extractor.context_patterns``
takes a listed word (or a nationality) for an adjective and any other for a name.
``tests/test_entity_tagger.py`` checks the file is current.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extractor.normalize import normalize  # noqa: E402
from extractor.resources import render_word_list, write_word_list  # noqa: E402

OUT = ROOT / "models" / "gazetteer" / "nisba_adjectives.txt"
VOCABULARY = 300_000   # wordfreq's most frequent Arabic words examined
MIN_ZIPF = 1.6         # «لوجستية» 2.8, «أوغندية» 1.4 (a nationality: listed apart), «بسماية» 1.5
ENDINGS = ("يه", "يون", "يين")


def adjectives() -> list[str]:
    from wordfreq import top_n_list, zipf_frequency

    found = set()
    for word in top_n_list("ar", VOCABULARY, wordlist="best"):
        norm = normalize(word)
        if norm.endswith(ENDINGS) and not norm.startswith("ال") and " " not in norm \
                and zipf_frequency(word, "ar", wordlist="best") >= MIN_ZIPF:
            found.add(norm)
    return sorted(found)


DESCRIPTION = "Frequent indefinite nisba words: adjectives after a head noun, not names."


def render(words: list[str]) -> str:
    return render_word_list(words, DESCRIPTION, "build_adjectives.py")


def main() -> int:
    return write_word_list(OUT, adjectives(), DESCRIPTION, "build_adjectives.py")


if __name__ == "__main__":
    sys.exit(main())
