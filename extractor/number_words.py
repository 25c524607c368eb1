"""Arabic numbers: digits with separators, a digit and a scale word, cardinals in words.

The grammar of «ثلاثة آلاف وخمسمئة», «أحد عشر», «ألفين» and «2.5 ألف» over normalized
word tokens; the words themselves are data (``models/lexicons/quantities.yaml``).
``quantities`` decides what a number counts.
"""

from __future__ import annotations

import re

from .normalize import normalize
from .quantity_lexicon import QuantityLexicon, quantity_lexicon

__all__ = ["PROCLITICS", "TOKEN", "NumberScanner", "as_number", "digits", "parse_number", "second_number"]

#: Word tokens of normalized text: numbers with separators, %, letters, one mark.
TOKEN = re.compile(r"\d+(?:[.,']\d+)*|%|[^\W\d_]+|[^\w\s]")
PROCLITICS = ("و", "ب", "ل", "ف")
_THOUSANDS = re.compile(r"^\d{1,3}(?:([,.'])\d{3})+$")


def digits(token: str) -> float | None:
    """The value of a digit token («1,000», «2.5», «١٬٠٠٠» once normalized), or None."""
    if not token[:1].isdigit():
        return None
    if _THOUSANDS.match(token) and not (token.count(".") == 1 and "," not in token and len(token) < 5):
        return float(re.sub(r"[,.']", "", token))
    try:
        return float(token.replace(",", "."))
    except ValueError:
        return None


def _strip_wa(token: str) -> str:
    return token[1:] if token.startswith("و") and len(token) > 2 else token


class NumberScanner:
    """Reads one number expression starting at a token index."""

    def __init__(self, tokens: list[str], lex: QuantityLexicon,
                 marked_duals: dict[int, tuple[str, str]] | None = None) -> None:
        self.tokens = tokens
        self.lex = lex
        self.marked_duals = marked_duals or {}  # (unit, singular) of vocalized duals («عسكريَّين») by index

    def word(self, index: int, allow_wa: bool, first: bool = False) -> tuple[str, float] | None:
        """The number word at ``index``; a first word may carry any proclitic («بعشر قذائف»)."""
        token = self.tokens[index]
        if token in self.lex.words:
            return self.lex.words[token]
        if allow_wa and _strip_wa(token) in self.lex.words:
            return self.lex.words[_strip_wa(token)]
        if first and token[:1] in PROCLITICS and token[1:] in self.lex.words:
            return self.lex.words[token[1:]]
        return None

    def number(self, index: int) -> tuple[float, int] | None:
        """(value, end index) of a number starting at ``index``, or None."""
        tokens = self.tokens
        value = digits(tokens[index])
        if value is not None:
            end = index + 1
            scale = self._scale(end)
            if scale:
                value, end = self._and_digits(value * scale, end + 1, scale)
            return value, end
        total = current = 0.0
        last_scale = 0.0
        previous: tuple[str, float] = ("", 0.0)
        joined_at: int | None = None  # where a part after «و» began, once a scale was read
        end = index
        while end < len(tokens):
            found = self.word(end, allow_wa=True, first=end == index)
            joined = tokens[end].startswith("و") and found is not None and end > index \
                and tokens[end] not in self.lex.words
            if found is not None and not joined and found[0] == "ones" and found[1] == 10 and end > index:
                found = ("teen", 10.0)  # أحد عشر، ثلاثة عشر (alone, «عشر قذائف» is ten)
            if found is not None and not joined and found[0] == "duals" and end > index:
                found = ("scales", self._scale(end))  # «أحد عشر ألفاً»: the accusative, not the dual «ألفا»
            elif found is not None and found[0] == "duals" and end == index and tokens[end].endswith("ا") \
                    and end + 1 < len(tokens) and tokens[end + 1].startswith("و") \
                    and self.word(end + 1, allow_wa=True) is not None:
                found = ("scales", found[1] / 2)  # «ألفاً ومئتي عسكري»: a dual «ألفا» takes its noun, not «و»
            if found is None or (end > index and not joined and found[0] not in ("scales", "teen")):
                break
            kind, amount = found
            if joined and kind not in ("scales", "fraction") and (amount >= previous[1] or kind == previous[0] == "ones") \
                    and not (previous[0] == "ones" and kind == "tens"):
                break  # «بين خمسمئة وسبعمئة», «بين ثمانية واثني عشر»: a second number, not an addend
            previous = (kind, amount)
            if joined and last_scale and joined_at is None:
                joined_at = end
            if kind == "teen":
                if current and current < 10:
                    current += 10
                else:
                    break
            elif kind == "scales":
                if joined and current and not last_scale:
                    break  # «ما بين ثمانمئة وألف مقاتل»: a larger number after «و» is the range's end
                if joined_at is not None and amount >= last_scale:
                    return total, joined_at  # «بين ثلاثة آلاف وخمسة آلاف»: a second number
                current = max(current, 1.0) * amount
                total, current, last_scale = total + current, 0.0, amount
            elif kind == "duals":
                total, last_scale = total + amount, amount / 2
            elif kind == "fraction":
                if end == index:  # «نصف كتيبة», «ربع مليون»: a fraction leads the number
                    following = self.word(end + 1, False) if end + 1 < len(tokens) else None
                    if following is not None and following[0] == "scales":
                        return following[1] * amount, end + 2
                    return amount, end + 1
                if not last_scale:
                    break
                total += last_scale * amount
                if end + 1 < len(tokens) and tokens[end + 1].startswith("ال") \
                        and self.lex.words.get(tokens[end + 1][2:]) == ("scales", last_scale):
                    end += 1  # «وربع المليون»: the share of the scale just named
            else:
                current += amount
            end += 1
        if end == index:
            return None
        if last_scale and not current:
            return self._and_digits(total, end, last_scale)
        return total + current, end

    def _scale(self, index: int) -> float | None:
        """The scale word after a number: «آلاف», «مليون», or «ألفاً» (the accusative after
        11 to 99, which normalizes like the dual «ألفا»)."""
        found = self.word(index, False) if index < len(self.tokens) else None
        if found is None or found[0] not in ("scales", "duals"):
            return None
        return found[1] if found[0] == "scales" else found[1] / 2

    def _and_digits(self, value: float, end: int, scale: float) -> tuple[float, int]:
        """«11 ألفاً و900», «مليون و200 ألف»: digits after «و» add to a number that ended
        on a larger scale (not «بين 3 آلاف و5 آلاف», a second number)."""
        tokens = self.tokens
        if end + 1 >= len(tokens) or tokens[end] != "و" or (added := digits(tokens[end + 1])) is None:
            return value, end
        after = end + 2
        smaller = self._scale(after)
        if smaller:
            added, after = added * smaller, after + 1
        return (value + added, after) if added < scale else (value, end)


def as_number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def second_number(tokens: list[str], at: int, lex: QuantityLexicon) -> tuple[float, int] | None:
    """The upper bound of «بين 500 و700» / «من 500 إلى 700» / «بين خمسمئة وسبعمئة»."""
    if at >= len(tokens):
        return None
    if tokens[at] in lex.range_to:
        return NumberScanner(tokens, lex).number(at + 1) if at + 1 < len(tokens) else None
    if tokens[at].startswith("و"):
        stripped = tokens[:at] + [tokens[at][1:]] + tokens[at + 1:]
        return NumberScanner(stripped, lex).number(at)
    return None


def parse_number(text: str) -> int | float | None:
    """The value of a standalone number expression («ألفي»، «2.5 ألف»، «١٬٠٠٠»)."""
    tokens = TOKEN.findall(normalize(text))
    if not tokens:
        return None
    parsed = NumberScanner(tokens, quantity_lexicon()).number(0)
    if parsed is None or parsed[1] != len(tokens):
        return None
    return as_number(parsed[0])
