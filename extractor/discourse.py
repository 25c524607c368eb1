"""One sense per discourse: a name the article has used as a PLACE is a PLACE where it recurs.

Agency copy names a village once with the company that marks it («في بلدتي
عوسويني وبعادوين», «قرية الكشكية») and then bare («يتمركزون في عوسويني
وبعادوين»). The bare repeat has no cue of its own, so neither the context
patterns nor the gazetteer (the village is not in it) see it. After the
resolver, every chosen PLACE name is looked for again, token for token, and each
repeat that no other mention covers becomes a PLACE with the same attributes
and a reason that points back at the first mention. A proclitic the splitter
left on an unknown name («وبعادوين», «بعوسويني») stays outside the span.

The name of a BASE spreads the same way, as a PLACE (guidelines §4: the bare
name is a PLACE): «سلّمت قاعدة دينسور … غادروا دينسور». A name that begins with
a title («قاعدة الملك فيصل») is not spread: the bare «الملك فيصل» is the king.

Common words and the gazetteer's ambiguous names («الباب») are not spread: one
cue («مدينة الباب») does not make every «الباب» of the article a town.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from .event_lexicon import lookup_trigger
from .language import doc_text, token_norms, token_starts, whole_words
from .lexicons import context_words, place_entries
from .mentions import Mention
from .normalize import TANWEEN_FATH, phrase_key, strip_al
from .place_filters import PlaceFilters
from .place_names import join_adjacent_places
from .recognizers import MENTIONS_KEY, publish_mentions
from .text import PROCLITIC_LETTERS
from .word_forms import common_words

__all__ = ["PlaceRepeats"]


@cache
def _ambiguous_names() -> frozenset[str]:
    return frozenset(entry.key for entry in place_entries() if entry.ambiguous)


@cache
def _generic_nouns() -> frozenset[str]:
    """Terrain nouns and place descriptors, bare: a base named by one («معسكر "الواحات"») does
    not make the noun a place where it recurs («في الواحات»)."""
    return frozenset(strip_al(word) for word in context_words("lone_terrain_nouns") | context_words("place_descriptors"))


class PlaceRepeats:
    """Adds the uncovered repeats of the article's PLACE names (see the module docstring)."""

    def __init__(self, name: str, spans_key: str, make_doc: Callable[[str], Doc] | None = None) -> None:
        self.name = name
        self.spans_key = spans_key
        self.base_heads = context_words("base_heads")
        self.site_heads = context_words("base_heads_needing_military_marker")  # «مطار», «ميناء»
        self.titles = context_words("person_titles")
        self.prepositions = context_words("country_backed_prepositions")
        self.word_followers = context_words("word_reading_followers")  # «في العديد من»
        self.filters = PlaceFilters(name, make_doc)  # its organisation names too

    def __call__(self, doc: Doc) -> Doc:
        mentions, upgraded = self._headed_repeats(doc, doc._.mentions or [])
        names = self._names([(m, self._key(m)) for m in mentions if m.label in ("PLACE", "BASE")])
        if not names:
            if upgraded:
                publish_mentions(doc, mentions, self.spans_key)
            return doc
        covered = [(m.start, m.end) for m in mentions] + self.filters.owners.organisation_spans(doc)  # «بعثة … في ليبيا»
        text = doc_text(doc)
        added = []
        norms = token_norms(doc)
        for at, norm in enumerate(norms):
            if norm not in names and not (len(norm) > 3 and norm[1:] in names):
                continue  # no name of the article starts here, with or without a proclitic letter
            token = doc[at]
            if self.filters.owners.owned(doc, at) or self.filters.nisba(doc, at):
                continue  # «العقيد عدن», «مستشفى كسلا», «لإذاعة مقديشو»: a person's or a body's name,
                # whatever the name is elsewhere; «جندي مالي»: an adjective
            for shift, word in self._readings(token):
                for key, first, guarded in names.get(word, ()):
                    last = token.i + len(key) - 1
                    if last >= len(doc) or any(norms[token.i + k] != key[k] for k in range(1, len(key))):
                        continue
                    if guarded and not self._located(norms, at, last):
                        continue  # «العديد من»: the word, not the base's name
                    start, end = token.idx + shift, doc[last].idx + len(doc[last].text)
                    if any(s < end and start < e for s, e in covered) or text[start:end].endswith(TANWEEN_FATH):
                        continue  # «عسكري أسترالياً» repeats no «أستراليا»: an adjective
                    covered.append((start, end))
                    attrs = dict(first.attrs) if first.label == "PLACE" else {}
                    added.append(Mention("PLACE", start, end, text[start:end], score=first.score,
                                         source=first.source, attrs=attrs,
                                         reason=f"repeats the {first.label} «{first.text}» at {first.start}"))
        if added or upgraded:
            publish_mentions(doc, join_adjacent_places(mentions + added, text), self.spans_key)
        return doc

    def _headed_repeats(self, doc: Doc, mentions: list[Mention]) -> tuple[list[Mention], bool]:
        """«مطار نيالا، الذي تتخذه قوات الدعم السريع قاعدةً» makes the airport a BASE: its
        other «مطار نيالا» of the article are the BASE too, not a head before a PLACE. So is
        an airport or a port named like a base of the article («قاعدة وادي سيدنا» … «هاجمت
        المسيّرات مطار وادي سيدنا»; not like another airport or port: «ميناء العريش التجاري»)."""
        bases = {phrase_key(m.text, drop_quotes=True): m for m in mentions if m.label == "BASE"}
        if not bases:
            return mentions, False
        named = {" ".join(key): base for text, base in bases.items() if (key := self._key(base))
                 and text.split(" ", 1)[0] not in self.site_heads}  # the port of a town with a military airport is its own
        starts, text = token_starts(doc), doc_text(doc)
        upgraded, changed = [], False
        for mention in mentions:
            at = bisect_left(starts, mention.start)  # the token the PLACE starts at
            headed = mention.label == "PLACE" and 0 < at < len(starts) and starts[at] == mention.start
            base = bases.get(phrase_key(f"{doc[at - 1].text} {mention.text}", drop_quotes=True)) if headed else None
            if base is None and headed and doc[at - 1].norm_ in self.site_heads:
                base = named.get(phrase_key(mention.text, drop_quotes=True))
            if base is not None:
                start = starts[at - 1]
                mention = Mention("BASE", start, mention.end, text[start:mention.end], score=base.score,
                                  source=base.source, attrs=dict(base.attrs),
                                  reason=f"repeats the BASE «{base.text}» at {base.start}")
                changed = True
            upgraded.append(mention)
        return upgraded, changed

    def _key(self, mention: Mention) -> tuple[str, ...]:
        """A PLACE's words; a BASE's name without its head («قاعدة دينسور» → دينسور), or
        nothing when the name is a title's («قاعدة الأمير سلطان»)."""
        key = tuple(phrase_key(mention.text, drop_quotes=True).split())
        if mention.label == "PLACE":
            return key
        for width in (2, 1):
            if " ".join(key[:width]) in self.base_heads:
                name = key[width:]
                return name if name and name[0] not in self.titles and name[0].isalpha() else ()
        return ()

    @staticmethod
    def _names(keyed: list[tuple[Mention, tuple[str, ...]]]) -> dict[str, list[tuple[tuple[str, ...], Mention, bool]]]:
        """The article's PLACE names as token keys, indexed by their first word; a BASE's name
        that is a word too («قاعدة العديد») is kept guarded: it spreads only where it locates."""
        names: dict[str, list[tuple[tuple[str, ...], Mention, bool]]] = {}
        seen: set[tuple[str, ...]] = set()
        for mention, key in keyed:
            if not key or key in seen:
                continue
            common = " ".join(key) in _ambiguous_names() or (len(key) == 1 and key[0] in common_words())
            if (common and mention.label != "BASE") or len(key) == 1 and (
                    len(key[0]) < 3 or strip_al(key[0]) in _generic_nouns()):
                continue  # («نقطة الحدود», «معسكر "الواحات"»: a terrain noun, no name where it recurs)
            seen.add(key)
            names.setdefault(key[0], []).append((key, mention, common))
        return names

    def _located(self, norms: list[str], at: int, last: int) -> bool:
        """No «من» after the repeat («في العديد من المواقع») and a preposition of place or an
        event's verb before it («تتمركز في العديد», «غادرت العديد»), or «قد» after it, which
        a verb follows («وكانت العديد قد تعرضت»): places where the word cannot stand."""
        before = norms[at - 1] if at else ""
        after = norms[last + 1] if last + 1 < len(norms) else ""
        return after not in self.word_followers and (
            before in self.prepositions or lookup_trigger(before) is not None or after == "قد")

    @staticmethod
    def _readings(token) -> list[tuple[int, str]]:
        """The token's normal form, and without a proclitic letter left on it: (offset, word)."""
        norm = token.norm_
        readings = [(0, norm)]
        if len(norm) > 3 and norm[0] in PROCLITIC_LETTERS and token.text[:1] == norm[0] \
                and norm not in whole_words():  # «فاطمة» repeats no «أطمة»
            readings.append((1, norm[1:]))
        return readings


@Language.factory("arabic_place_repeats", default_config={"spans_key": MENTIONS_KEY},
                  assigns=["doc.ents", "doc.spans", "doc._.mentions"])
def make_place_repeats(nlp: Language, name: str, spans_key: str) -> PlaceRepeats:
    return PlaceRepeats(name, spans_key, nlp.make_doc)
