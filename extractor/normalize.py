"""Arabic normalization for matching, built on CAMeL Tools' character maps.

Normalization serves matching, never storage: every function that changes the
length of a string also returns, for each character of the normalized string,
the offset of the original character it came from, so a match found in the
normalized text maps back to ``text[start:end]`` of the original article.

The per-character mapping is computed once from CAMeL Tools (``arclean``
cleanup, ``dediac_ar``, alef / alef maksura / taa marbuta normalization) and
cached as a ``str.translate`` table, which keeps the hot path in C.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from camel_tools.utils.charmap import CharMapper
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

__all__ = [
    "BIDI_AND_CONTROL",
    "TANWEEN_FATH",
    "damma_on_first",
    "has_hamza_alef",
    "vocalized_word",
    "passive_vowelled",
    "normalize",
    "normalize_char",
    "normalize_with_offsets",
    "phrase_key",
    "strip_al",
]

_ARCLEAN = CharMapper.builtin_mapper("arclean")

#: Bidi embedding/override/isolate marks and zero-width characters: invisible in
#: rendered news text, but they split or glue words when copied from web pages.
BIDI_AND_CONTROL = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)

# Characters whose CAMeL mapping we override: Arabic punctuation keeps its
# identity (the tokenizer and the patterns know both forms), invisible marks
# become spaces so that they separate words instead of gluing them.
_KEEP = {"،": "،", "؛": "؛", "؟": "؟", "«": "«", "»": "»", "\u066c": ",", "\u066b": "."}


@cache
def normalize_char(char: str) -> str:
    """Normalize one character; may return '' (diacritic, tatweel) or 2 chars (ligature)."""
    if char in _KEEP:
        return _KEEP[char]
    if BIDI_AND_CONTROL.match(char):
        return " "
    if char in "\n\t\r":
        return char
    if unicodedata.category(char) == "Zs":
        return " "
    out = _ARCLEAN(char)
    out = dediac_ar(out).replace("\u0640", "")
    out = normalize_alef_ar(out)
    out = normalize_alef_maksura_ar(out)
    out = normalize_teh_marbuta_ar(out)
    return out


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    ranges = [(0x00, 0x250), (0x0600, 0x0700), (0x0750, 0x0780), (0x08A0, 0x0900),
              (0x2000, 0x2070), (0xFB50, 0xFE00), (0xFE70, 0xFF00), (0xFEFF, 0xFF00)]
    for lo, hi in ranges:
        for code in range(lo, hi):
            char = chr(code)
            mapped = normalize_char(char)
            if mapped != char:
                table[code] = mapped
    return table


_TABLE = _build_table()
_CHANGES_LENGTH = re.compile(
    "[" + "".join(re.escape(chr(c)) for c, v in _TABLE.items() if len(v) != 1) + "]"
)


def normalize(text: str) -> str:
    """Normalized copy of ``text`` for matching (length may differ)."""
    return text.translate(_TABLE)


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalize ``text`` and map each normalized character back to the original.

    Returns ``(norm, offsets)`` where ``offsets[i]`` is the index in ``text`` of
    the character that produced ``norm[i]``; ``offsets`` has one extra final
    entry equal to ``len(text)`` so that an end offset maps too. A normalized
    span ``norm[i:j]`` is the original ``text[offsets[i]:offsets[j - 1] + 1]``.
    Only the characters that change length (diacritics, tatweel, ligatures)
    are visited one by one; the runs between them map by ``range``.
    """
    norm = text.translate(_TABLE)
    if len(norm) == len(text) and not _CHANGES_LENGTH.search(text):
        return norm, list(range(len(text) + 1))
    offsets: list[int] = []
    cursor = 0
    for match in _CHANGES_LENGTH.finditer(text):
        index = match.start()
        offsets.extend(range(cursor, index))
        offsets.extend([index] * len(_TABLE.get(ord(text[index]), text[index])))
        cursor = index + 1
    offsets.extend(range(cursor, len(text)))
    offsets.append(len(text))
    return norm, offsets


def original_span(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a half-open span of the normalized text back to the original text."""
    if end <= start:
        return offsets[start], offsets[start]
    # Up to the next kept character: trailing diacritics and tatweel («غداً») stay inside.
    return offsets[start], max(offsets[end - 1] + 1, offsets[end])


def phrase_key(phrase: str, drop_quotes: bool = False) -> str:
    """The lookup key of a lexicon phrase: normalized words joined by single spaces.

    ``drop_quotes`` also removes «» and " so «قاعدة "الوطية"» keys like قاعدة الوطية.
    """
    norm = normalize(str(phrase))
    if drop_quotes:
        norm = norm.replace("«", " ").replace("»", " ").replace('"', " ")
    return " ".join(norm.split())


_AL = re.compile(r"^(?:ال|لل)(?=..)")


def lam_to_al(norm_word: str) -> str:
    """«لليوم» → «اليوم», «للفرقة» → «الفرقة»: ل fused with the article, read as the article."""
    return "ال" + norm_word[2:] if norm_word.startswith("لل") else norm_word


def strip_al(norm_word: str) -> str:
    """Drop the definite article from a normalized word (for looser lexicon keys)."""
    return _AL.sub("", norm_word)


#: An accusative ending no name takes («أسترالياً» is an adjective, «أستراليا» the country).
TANWEEN_FATH = ("اً", "ًا")


def has_hamza_alef(text: str) -> bool:
    """A hamza on an alef (أ إ آ), which normalization folds away: a word written with one is
    not a word spelled without («وأدى» is not «وادي», «فأما» not «فاما»)."""
    return any(letter in "أإآ" for letter in text)
#: Quotation marks that tell opening from closing (a straight «"» does not) ...
OPENING_QUOTES, CLOSING_QUOTES = frozenset("«“"), frozenset("»”")
#: ... and the marks that may open or close a quotation, the straight one included.
MAY_OPEN_QUOTE, MAY_CLOSE_QUOTE = OPENING_QUOTES | {'"'}, CLOSING_QUOTES | {'"'}


def passive_vowelled(text: str) -> bool:
    """A past verb vowelled as a passive, a conjunction on it or not: a damma on the first
    letter («أُخليت», «ونُشرت») or on the ت of a derived form («واستُهدف», «اعتُقل»)."""
    bare = text[1:] if text[:1] in "وف" and len(text) > 3 else text
    return damma_on_first(bare) or (bare[:1] in "اأإ" and bare[2:3] == "ت" and bare[3:4] == "\u064f")


#: Fatha, damma, kasra, shadda and sukun (not tanween, which ends adverbs: «تحسباً»).
VOWEL_MARKS = dict.fromkeys(range(0x064E, 0x0653))


def vocalized_word(text: str) -> bool:
    """«مُرّة», «الكبّة»: news vocalizes a rare name (``str.isalpha`` and so ``Token.is_alpha``
    reject the marks); a word with tanween is an adverb or an indefinite noun («تحسباً»), and
    a damma on the first letter marks a passive verb («أُقيمت», «سُلّم»), unless the word ends
    in ة."""
    passive = damma_on_first(text) and not text.endswith("ة")
    return not passive and text.translate(VOWEL_MARKS).isalpha()


def damma_on_first(text: str) -> bool:
    """A damma on the first letter: a passive verb («أُقيمت», «سُلِّم») or the imperfect of a
    derived form («تُسلِّمه» hands over, where «تسلّمه» receives). News vowels a word so only
    to tell such readings apart."""
    return text[1:2] == "\u064f"
