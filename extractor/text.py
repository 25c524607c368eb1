"""Text layer: word tokens with original offsets, proclitic splitting, sentences.

Word tokenization is CAMeL Tools' ``simple_word_tokenize`` (punctuation and
symbols become their own tokens), run inside each whitespace-delimited chunk so
that every token keeps its exact character offsets. Numbers with separators
(``1,000``, ``2.5``, ``١٬٠٠٠``) are protected first so they stay one token.

Proclitics (و ف + ب ك ل, and ال-initial words) are split by a conservative
rule-based splitter, so «بالحسكة», «والتنف», «لقسد», «للقوات» reach the
taggers as the bare name. A word is only split when what remains starts with
the article ال, is a number, or is a name the lexicons know; «بغداد»,
«لبنان», «كركوك» stay whole. When CAMeL's morphology data is installed the
tokenizer can use its morphological tokenizer instead (see ``morphology``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import NamedTuple, Protocol

from camel_tools.tokenizers.word import simple_word_tokenize

from .normalize import BIDI_AND_CONTROL, normalize, normalize_with_offsets

__all__ = [
    "BULLETS",
    "DASHES",
    "QUOTES",
    "QUOTE_MARKS",
    "item_start",
    "PROCLITIC_LETTERS",
    "CachedSegmenter",
    "Piece",
    "ProcliticSplitter",
    "Segmenter",
    "Token",
    "sentence_starts",
    "sentences",
    "tokenize",
]

#: The dashes news text writes between two names or after a dateline («طريق سفاجا – القصير», «صور – …»).
DASHES = frozenset({"-", "–", "—"})
#: Each opening quote mark and the mark that closes it.
QUOTES = {"«": "»", '"': '"', "“": "”", "'": "'", "”": "“"}
#: Every quote mark, opening or closing.
QUOTE_MARKS = frozenset(QUOTES) | frozenset(QUOTES.values())

Piece = tuple[int, int, str]
"""(start, end, normalized form) of one segment inside a word."""


class Segmenter(Protocol):
    """Anything that splits one word into contiguous pieces (see ``morphology``)."""

    def segment(self, word: str) -> list[Piece]: ...


class Token(NamedTuple):
    """One token: its surface in the original text, offsets and matching form (a named
    tuple: tens of thousands are made per batch, and a tuple is the cheapest record)."""

    text: str
    start: int
    end: int
    norm: str
    space_after: str = ""
    is_clitic: bool = False


_NUMBER = re.compile(r"\d+(?:[.,'٫٬]\d+)*")
_WHITESPACE = re.compile(r"\s+")
_CHUNK = re.compile(r"\S+")

# و/ف (conjunctions) then ب/ك/ل (prepositions): at most one of each.
_PROCLITIC = re.compile(r"^(و|ف)?(ب|ك|ل)?")
#: Letters a proclitic may begin with: a word starting otherwise never splits.
PROCLITIC_LETTERS = frozenset("وفبكل")
#: Marks that join the parts of a code with no space («8-34», «A0412/26», «سي-١٣٠»).
CODE_JOINERS = ("/", "-", "‐", "–")


class CachedSegmenter:
    """Base for segmenters: ``segment`` caches ``_segment`` per word (news repeats a lot)."""

    CACHE_SIZE = 200_000

    def __init__(self) -> None:
        self._cache: dict[str, list[Piece]] = {}
        self.chunk_cache: dict[str, tuple[ChunkPiece, ...]] = {}  # filled by ``chunk_pieces``

    def segment(self, word: str) -> list[Piece]:
        """Contiguous pieces covering ``word``."""
        pieces = self._cache.get(word)
        if pieces is None:
            pieces = self._segment(word)
            if len(self._cache) < self.CACHE_SIZE:
                self._cache[word] = pieces
        return pieces

    def _segment(self, word: str) -> list[Piece]:
        raise NotImplementedError


class ProcliticSplitter(CachedSegmenter):
    """Rule-based proclitic segmentation for news text (no data needed).

    ``known`` answers whether a normalized stem is a lexicon entry (a place,
    force or base name) so that «وسوريا» or «لقسد» split while «وزير» and
    «لبنان» do not.
    """

    def __init__(self, known: Callable[[str], bool] | None = None,
                 known_after_wa: Callable[[str], bool] | None = None) -> None:
        super().__init__()
        self.known = known or (lambda _stem: False)
        self.known_after_wa = known_after_wa or self.known  # what و alone may come off before

    def _segment(self, word: str) -> list[Piece]:
        norm, offsets = normalize_with_offsets(word)
        cut = self._clitic_length(norm)
        if cut == 0:
            return [(0, len(word), norm)]
        pieces: list[Piece] = []
        for index in range(cut):
            start, end = offsets[index], offsets[index + 1]
            pieces.append((start, end, norm[index]))
        rest_start = offsets[cut]
        rest = norm[cut:]
        if norm.startswith("لل", cut - 1) and pieces[-1][2] == "ل" and not rest.startswith("ال"):
            rest = self._after_lam(rest)
        pieces.append((rest_start, len(word), rest))
        return pieces

    def _after_lam(self, rest: str) -> str:
        """The matching form of what follows ل in «لل…»: the article lost its alef
        («للقوات» → القوات), or the stem itself begins with ل after a lost article
        («للواء» → اللواء) or without one («للبنان» → لبنان)."""
        for candidate in ("ا" + rest, "ال" + rest, rest):
            if self.known(candidate):
                return candidate
        return "ا" + rest

    def _clitic_length(self, norm: str) -> int:
        """How many leading letters of ``norm`` are proclitics (0 when none).

        A known word stays whole; then form (a number, the article ال, or «لل»), longest prefix first;
        then the lexicons, shortest prefix first, so the longer stem wins when
        both are names («ولبنان» is و+لبنان, not و+ل+بنان).
        """
        if len(norm) < 3 or self.known(norm):
            return 0  # a known name stays whole even where its form says clitic + article («بالوظة»)
        match = _PROCLITIC.match(norm)
        longest = match.end() if match else 0
        for cut in range(longest, 0, -1):
            rest = norm[cut:]
            if rest[:1].isdigit() or (rest.startswith("ال") and len(rest) >= 4 and (
                    norm[cut - 1] != "ك" or self.known(rest))):  # «كالوقي», «كالما»: names, not ك + ال…
                return cut
            if norm[cut - 1] == "ل" and rest.startswith("ل") and len(rest) >= 3:
                return cut  # للقوات = ل + (ا)لقوات
        for cut in range(1, longest + 1):
            if norm.startswith("كفر", cut) and len(norm) - cut > 4:
                return cut  # «وكفردان»: و + a Kafr village, not و + ك + «فردان»
            if norm.startswith("كفر"):
                continue  # «كفردان» is a Kafr village, not ك + «فردان» («as Verdun» is no news)
            if len(norm) - cut >= 2 and (self.known(norm[cut:]) or (
                    cut == 1 and norm[0] == "و" and self.known_after_wa(norm[1:]))):
                return cut  # (a two-letter stem only when known: «وأم روابة», «وتل أسقف»)
        return 0


@lru_cache(maxsize=65536)
def _split_chunk(chunk: str) -> tuple[tuple[int, int], ...]:
    """Offsets of the word tokens of one whitespace-free chunk."""
    spans: list[tuple[int, int]] = []
    norm, offsets = normalize_with_offsets(chunk)
    cursor = 0
    protected = [(offsets[m.start()], offsets[m.end() - 1] + 1) for m in _NUMBER.finditer(norm)]
    for number_start, number_end in protected + [(len(chunk), len(chunk))]:
        if cursor < number_start:
            spans.extend(_camel_words(chunk, cursor, number_start))
        if number_start < number_end:
            spans.append((number_start, number_end))
        cursor = number_end
    return tuple(spans)


def _camel_words(chunk: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Run CAMeL's word tokenizer on chunk[start:end] and recover offsets."""
    part = chunk[start:end]
    position = 0
    for word in simple_word_tokenize(part):
        found = part.find(word, position)
        if found < 0:  # defensive: CAMeL never rewrites characters, but never lose text
            yield start + position, end
            return
        if found > position:
            yield start + position, start + found
        yield start + found, start + found + len(word)
        position = found + len(word)
    if position < len(part):
        yield start + position, end


def tokenize(text: str, segmenter: Segmenter | None = None, glue: Mapping[str, frozenset[str]] | None = None,
             reads_apart: Callable[[str, str], bool] | None = None,
             opens_name: Callable[[str, str], bool] | None = None) -> list[Token]:
    """Tokenize ``text``; concatenating token texts and ``space_after`` gives ``text`` back.
    ``glue``: for a NORM, the proclitics a word after it cannot start with (``glue_clitics``);
    ``opens_name``: whether a stem and the next word open a name (``split_before_names``)."""
    segmenter = segmenter or ProcliticSplitter()
    tokens: list[Token] = []
    cleaned = BIDI_AND_CONTROL.sub(" ", text)
    position = 0
    leading = _WHITESPACE.match(cleaned)
    if leading:  # whitespace-only token at the very start keeps the text exact
        tokens.append(Token(text[: leading.end()], 0, leading.end(), " ", ""))
        position = leading.end()
    for chunk_match in _CHUNK.finditer(cleaned, position):
        chunk_start, chunk_end = chunk_match.span()
        following = _WHITESPACE.match(cleaned, chunk_end)
        chunk = text[chunk_start:chunk_end]
        for start, end, norm, is_clitic in chunk_pieces(chunk, segmenter):
            tokens.append(Token(chunk[start:end], chunk_start + start, chunk_start + end, norm, "", is_clitic))
        if following:
            last = tokens[-1]
            tokens[-1] = Token(last.text, last.start, last.end, last.norm,
                               text[chunk_end:following.end()], last.is_clitic)
    if opens_name is not None:
        tokens = split_before_names(tokens, opens_name)
    return glue_clitics(tokens, glue, reads_apart) if glue else tokens


def split_before_names(tokens: list[Token], opens_name: Callable[[str, str], bool]) -> list[Token]:
    """«وشط العرب», «وبن جواد»: a whole word starting with و is و + a name's first word when
    that word and the next open a known name; the splitter, seeing one word, cannot know a
    two-letter stem («شط», «بن») from a word of its own («وجد», «وحي»)."""
    hits = [i for i, token in enumerate(tokens[:-1]) if token.norm[:1] == "و" and len(token.norm) >= 3
            and not token.is_clitic and token.space_after and opens_name(token.norm[1:], tokens[i + 1].norm)]
    if not hits:
        return tokens
    split = list(tokens)
    for i in reversed(hits):
        token = tokens[i]
        cut = normalize_with_offsets(token.text)[1][1]
        split[i:i + 1] = [Token(token.text[:cut], token.start, token.start + cut, "و", "", True),
                          Token(token.text[cut:], token.start + cut, token.end, token.norm[1:], token.space_after)]
    return split


def glue_clitics(tokens: list[Token], glue: Mapping[str, frozenset[str]],
                 reads_apart: Callable[[str, str], bool] | None = None) -> list[Token]:
    """«في بزاريا», «من ولام», «بلدة ولام»: after a preposition no ب, ل, ك or و starts a word, and
    after an indefinite place noun no و does (``glue`` maps each such NORM to its proclitics), so
    a word the splitter cut there (ب + «زاريا», و + ل + «ام») is whole again, unless what is left
    is a word of ``glue`` itself («من وإلى») or, after a glued و or ف, ``reads_apart(text, norm)``
    («اقتحموا قرية وأحرقوا منازلها»: a verb)."""
    hits = [i for i, token in enumerate(tokens) if token.is_clitic and 0 < i < len(tokens) - 1
            and tokens[i - 1].space_after and not token.space_after
            and token.norm in glue.get(tokens[i - 1].norm, ())]
    if not hits:
        return tokens  # most texts: one cheap pass
    glued = list(tokens)
    for i in reversed(hits):
        end = i + 1
        while end < len(tokens) - 1 and tokens[end].is_clitic and not tokens[end].space_after:
            end += 1  # «و» + «ل» + «ام»: every piece of the word
        rest = tokens[i + 1:end + 1]
        if tokens[end].norm in glue or tokens[i].norm in ("و", "ف") and reads_apart is not None \
                and reads_apart("".join(t.text for t in rest), "".join(t.norm for t in rest)):
            continue
        word = "".join(token.text for token in tokens[i:end + 1])
        glued[i:end + 1] = [Token(word, tokens[i].start, tokens[end].end, normalize(word), tokens[end].space_after)]
    return glued


ChunkPiece = tuple[int, int, str, bool]
"""(start, end, normalized form, is_clitic) of one token inside a whitespace-free chunk."""


def chunk_pieces(chunk: str, segmenter: Segmenter) -> tuple[ChunkPiece, ...]:
    """The tokens of one whitespace-free chunk, cached on the segmenter when it
    has a ``chunk_cache`` (news repeats its words: most chunks are seen before)."""
    cache = getattr(segmenter, "chunk_cache", None)
    if cache is not None and (found := cache.get(chunk)) is not None:
        return found
    pieces: list[ChunkPiece] = []
    for start, end in _split_chunk(chunk):
        word = chunk[start:end]
        parts = segmenter.segment(word) if _is_wordlike(word) else [(0, len(word), normalize(word))]
        stem = max(range(len(parts)), key=lambda i: (len(parts[i][2]), i))  # by letters, not marks: «و+لّ+ام»
        pieces.extend((start + part_start, start + part_end, part_norm, index != stem)  # pro/enclitics
                      for index, (part_start, part_end, part_norm) in enumerate(parts))
    result = tuple(pieces)
    if cache is not None and len(cache) < CachedSegmenter.CACHE_SIZE:
        cache[chunk] = result
    return result


def _is_wordlike(word: str) -> bool:
    return any(ch.isalpha() for ch in word)


_TERMINAL = {".", "؟", "?", "!", "؛", ";", "…"}
_CLOSERS = {"»", "\"", "”", "'", ")", "’"}
BULLETS = frozenset({"-", "•", "▪", "■", "●", "◆", "►", "▶", "*", "–", "—", "·"})  # marks that open a list item
#: A number («١. », «2- ») or a live blog's clock time («22:40 —», «(٢١:١٥)») opening an item.
_ITEM_NUMBER = re.compile(r"\d{1,2}\s*[.)\-–]\s|\(?\d{1,2}:\d{2}\)?\s*[-–—:|(]?")


def item_start(line: str) -> int | None:
    """Where the words of a list item begin in ``line``, past its bullet, number or clock time;
    None if ``line`` is no item."""
    bare = line.lstrip(" \t")
    opener = 1 if bare[:1] in BULLETS else (match.end() if (match := _ITEM_NUMBER.match(bare)) else 0)
    if not opener:
        return None
    rest = bare[opener:]
    return len(line) - len(rest.lstrip())
_ABBREVIATIONS = {"د", "م", "ص", "ه", "ق", "ج", "أ", "ا", "ت"}


def sentence_starts(tokens: list[Token]) -> list[bool]:
    """Mark the first token of each sentence (news rules, no model needed).

    Ends a sentence after . ؟ ! ؛ (and any closing quotes after them) unless the
    period follows a one-letter abbreviation (د. م. هـ.), and at every line
    break; a bullet dash at the start of a line opens a sentence (the first of a run of them).
    """
    starts = [False] * len(tokens)
    if not tokens:
        return starts
    starts[0] = True
    boundary_next = False
    line_start = True
    for index, token in enumerate(tokens):
        if boundary_next and token.text not in _CLOSERS:
            starts[index] = True
            boundary_next = False
        if line_start and token.text in BULLETS and not token.text.isspace():
            starts[index] = True
        line_start = line_start and token.text.isspace()  # a run of marks («**س:») opens one sentence
        if token.text in _TERMINAL and not _is_abbreviation(tokens, index):
            boundary_next = True
        if "\n" in token.space_after or "\n" in token.text:
            boundary_next = True
            line_start = True
    return starts


def _is_abbreviation(tokens: list[Token], index: int) -> bool:
    if tokens[index].text != "." or index == 0:
        return False
    previous = tokens[index - 1]
    return previous.norm in _ABBREVIATIONS and not previous.space_after


def sentences(text: str, tokens: list[Token] | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in original offsets, trailing whitespace excluded."""
    tokens = tokens if tokens is not None else tokenize(text)
    spans: list[tuple[int, int]] = []
    starts = sentence_starts(tokens)
    current: list[Token] = []
    for token, is_start in zip(tokens, starts):
        if is_start and current:
            spans.append((current[0].start, current[-1].end))
            current = []
        if not token.text.isspace():
            current.append(token)
    if current:
        spans.append((current[0].start, current[-1].end))
    return spans
