"""What a pronoun or a relative clause on a trigger stands for: the base or place named
before it. «بلدة عدن يابال التي أخلتها القوات» (the antecedent fills the role of the
resumptive pronoun), «… من قاعدة كونيكو وتسليمها إلى قسد» (the pronoun on the trigger),
«يتمركزون فيها», «وسُحب منها» (a pronoun after the trigger: «in it» locates a deployment,
«from it» is a withdrawal's origin). ``EventExtractor`` mixes these rules in.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .event_args import _DIRECT_OBJECT
from .event_lexicon import (
    config,
    relative_auxiliaries,
    trigger_index,
    trigger_tense,
    words,
    words_of,
)
from .event_links import _coordinated, _gap_tokens
from .language import token_norms
from .lexicons import COMPASS_WORDS, _key, context_words
from .mentions import Mention
from .text import BULLETS, QUOTE_MARKS
from .word_forms import RELATIVES

if TYPE_CHECKING:
    from .events import Event

__all__ = ["AntecedentRules"]

#: The role of the place a relative clause or an object pronoun stands for («التي أخلتها
#: القوات» → origin): a bare object's role, and where a deployment happens.
_ANTECEDENT_ROLE = {**_DIRECT_OBJECT, "DEPLOYMENT": "location"}
_PLACE_ROLES = frozenset({"location", "origin", "destination"})
_COMMAS = frozenset({"،", ","})


class AntecedentRules:
    """Pronoun and relative-clause rules; they read the extractor's sentence."""

    def _relative_antecedent(self, doc: Doc, event: Event, token, before: list[Mention]) -> None:
        """«بلدة عدن يابال التي أخلتها القوات»: the place a relative clause hangs on fills the
        role its resumptive pronoun has (guidelines §8)."""
        role = _ANTECEDENT_ROLE.get(event.type)
        if role is None or token.i < 1:
            return
        where = words("place_relatives") if event.type == "DEPLOYMENT" else frozenset()  # «مخيم نور شمس، حيث تنتشر»
        relative = doc[token.i - 1] if doc[token.i - 1].norm_ in RELATIVES | where else None
        if relative is None and token.i > 1 and doc[token.i - 2].norm_ in RELATIVES | where \
                and doc[token.i - 1].norm_ in relative_auxiliaries():  # «حيث بات يتمركز»
            relative = doc[token.i - 2]
        if relative is None or (relative.norm_ not in where and any(r == role for r, _ in event.args)):
            return  # (after «حيث» the place before it is where, beside any place the clause names)
        places = [m for m in before if m.label in ("PLACE", "BASE") and m.end <= relative.idx]
        if not places or _gap_tokens(doc, places[-1].end, relative.idx) > 2:
            return
        event.args += [(role, place) for place in self._place_phrase(doc, places)]  # «إلى بلدتي الزبابدة
        # وميثلون جنوب جنين، حيث»: the whole phrase

    def _place_phrase(self, doc: Doc, places: list[Mention]) -> list[Mention]:
        """The last of ``places`` and those before it in one phrase with it: joined as a list
        («بلدتي الزبابدة وميثلون») or locating the next («… جنوب جنين»)."""
        chain = [places[-1]]
        for place in reversed(places[:-1]):
            if not (_coordinated(doc, place.end, chain[0].start) or self._locates(doc, place.end, chain[0].start)):
                break
            chain.insert(0, place)
        return chain

    def _places_only(self, doc: Doc, start: int, end: int, before: list[Mention]) -> bool:
        """Between ``start`` and ``end`` stands one place phrase and nothing else (a place noun
        before it allowed: «مدينة الرقة», «يتما وأوصرين»)."""
        places = [m for m in before if m.label in ("PLACE", "BASE") and start <= m.start and m.end <= end]
        return bool(places) and not _gap_tokens(doc, places[-1].end, end) \
            and self._place_phrase(doc, places)[0] is places[0] and _gap_tokens(doc, start, places[0].start) <= 1

    @staticmethod
    def _pronoun_object(event: Event, token, before: list[Mention]) -> None:
        """«… من قاعدة كونيكو وتسليمها إلى قسد», «أخلتها»: the pronoun on a handover,
        closure or evacuation verb is the base or place named before it in the sentence."""
        role = _ANTECEDENT_ROLE.get(event.type)
        pronoun = token.norm_.endswith(("ها", "ه")) and token.norm_ not in trigger_index()
        if role is None or not pronoun or any(r == role and m.label == "BASE" for r, m in event.args) \
                or (event.type == "WITHDRAWAL" and trigger_tense(token.norm_) == "noun"):
            return  # «انسحابها»: there the pronoun is the force that withdraws
        places = [m for m in before if m.label in ("BASE", "PLACE")]
        preferred = [m for m in places if m.label == "BASE"] or places
        if any(r == role for r, _ in event.args) and not (preferred and preferred[-1].label == "BASE"):
            return  # a place fills the role; only a base named before outranks it («أخلته … في القبة»)
        if preferred and event.type != "ATTACK":
            event.args.append((role, preferred[-1]))

    def _fronted_places(self, doc: Doc, event: Event, token, before: list[Mention]) -> None:
        """«• قرب حاجز صُرّة غرب نابلس، استهدف جنود …», «وفي البقاع، تتمركز …»: a phrase of place
        opening the sentence, a comma, then the trigger: the phrase locates it, beside any place
        «في» gives later; so does the place heading a bulleted item that names none itself
        («• سنحان: قصفت المقاتلات …»)."""
        placed = {r for r, _ in event.args if r in _PLACE_ROLES}
        if event.type == "WITHDRAWAL" or placed - {"location"}:
            return  # «وفي كامسوما، دفعت القوات بتعزيزات إلى …»: a movement's places are its own
        norms, first = token_norms(doc), self._sentence.start
        while first < token.i and (doc[first].text in BULLETS or doc[first].is_space):
            first += 1
        bulleted = any(doc[at].text in BULLETS for at in range(self._sentence.start, first))
        colon = next((at for at in range(first + 1, min(token.i, first + 5)) if norms[at] == ":"), None)
        if colon is not None and bulleted and not placed:  # not a headline's «الجوف: تعزيزات …»
            end = doc[colon].idx  # «• سنحان:»: the item's heading (a dateline when the item names
            # its own place: «- مسقط: ستنشر البحرية … في الدقم»)
        elif token.i >= first + 2 and norms[first].removeprefix("و") in words("fronted_locatives") \
                and (comma := self._fronted_comma(doc, token, first, before, placed)) is not None:
            end = doc[comma].idx  # «قرب حاجز صُرّة غرب نابلس، استهدف»; «وفي بيت فجار، لا تزال قوة … تتمركز»
        elif token.i >= first + 2 and norms[first].removeprefix("و") == "في" \
                and self._places_only(doc, doc[first + 1].idx, token.idx, before):
            end = token.idx  # «وفي يتما وأوصرين تنتشر …»: no comma, nothing but the places before the verb
        else:
            return
        event.args += [("location", m) for m in before
                       if m.label in ("PLACE", "BASE") and doc[first].idx <= m.start and m.end <= end]

    def _fronted_comma(self, doc: Doc, token, first: int, before: list[Mention], placed: set[str]) -> int | None:
        """The comma closing a fronted phrase of place: right before the trigger, or after nothing
        but places with the trigger's own clause after it («وفي بيت فجار، لا تزال قوة … تتمركز»,
        not «وفي المنامة، أكدت القيادة أن …»); None when the event names its own place."""
        norms = token_norms(doc)
        comma = next((at for at in range(first + 1, token.i) if norms[at] in _COMMAS), None)
        if comma is None or comma == token.i - 1:
            return comma
        if placed or not self._places_only(doc, doc[first + 1].idx, doc[comma].idx, before) \
                or any(norm in _clause_openers() or norm in trigger_index() for norm in norms[comma + 1:token.i]):
            return None
        return comma

    def _pronoun_place(self, doc: Doc, event: Event, last, before: list[Mention], mentions: list[Mention],
                          sentences, number: int) -> None:
        """«مركا … لا يزالون يتمركزون فيها», «تتمركز فيهما», «وسُحب منها»: a deployment «in
        it» is in the place named last before it, a withdrawal «from it» leaves the base named
        last, else the place (this sentence, else the one before; two for a dual)."""
        roles = _pronoun_roles(event.type)
        after = []
        for t in doc[last.i + 1: min(self._sentence.end, last.i + 5)]:
            if t.is_punct:
                break  # «وسحب قرابة ستين عسكرياً منها»: the pronoun may follow the object
            after.append(t.norm_)
        pronoun = next((w for w in after if w in roles), None)
        if pronoun is None:
            self._descriptor_place(doc, event, after, before)
            return
        if any(r == roles[pronoun] for r, _ in event.args):
            return
        places = [m for m in before if m.label in ("BASE", "PLACE")]
        if not places and number:
            previous = sentences[number - 1]
            places = [m for m in mentions if previous.start_char <= m.start and m.end <= previous.end_char
                      and m.label in ("BASE", "PLACE")]
        places = [m for m in places if m.label != "BASE" or _agrees(m, pronoun)]
        bases = [m for m in places if m.label == "BASE"][-2:]  # «قاعدة … قرب مدينة الحمام، … يتمركز فيها»
        if bases or pronoun.endswith("هما"):
            chosen = (bases or places)[-2:] if pronoun.endswith("هما") else (bases or places)[-1:]
        else:  # «في بلدات ميس الجبل ومحيبيب وشقرا، غداة انسحاب القوات منها»: the whole place phrase
            chosen = self._place_phrase(doc, places) if places else []
        event.args += [(roles[pronoun], place) for place in chosen]

    @staticmethod
    def _descriptor_place(doc: Doc, event: Event, after: list[str], before: list[Mention]) -> None:
        """«انسحبت القوات من بلدة سابلالي، لكن جنوداً ما زالوا ينتشرون في البلدة»: «في البلدة»
        right after a deployment is the town named last before it in the sentence (a base for
        «القاعدة», «المعسكر»), as «فيها» would be."""
        prepositions, descriptors = _descriptor_roles(event.type), _anaphoric_descriptors()
        pair = next(((a, b) for a, b in zip(after, after[1:]) if a in prepositions and b in descriptors), None)
        if pair is None or any(r == prepositions[pair[0]] for r, _ in event.args):
            return
        named = [m for m in before if m.label == descriptors[pair[1]]]
        if named:
            event.args.append((prepositions[pair[0]], named[-1]))

    @staticmethod
    def _closed_subject(doc: Doc, event: Event, token, before: list[Mention]) -> None:
        """«أن معسكر الداوون سيُغلق», «نقطة المريغة المتقدمة ستُغلق», «مقر اللواء ١٣٧ غربي
        المدينة سيُغلق»: a base right before a closing or handover verb, or one definite adjective
        or a compass word and its place before it, is the base closed or handed over; so is a
        list item's base before its colon («١- معسكر "البو حسن" جنوب الطوز: سُلّم أمس»)."""
        if any(m.label == "BASE" for _, m in event.args):
            return
        subject = next((m for m in reversed(before) if m.label == "BASE"), None)
        if subject is None:
            return
        between = [t for t in doc.char_span(subject.end, token.idx, alignment_mode="contract") or ()
                   if not t.is_space and t.text not in QUOTE_MARKS]
        between = between[:-1] if between and between[-1].text == ":" else between
        if len(between) > 2 and between[0].norm_ in _COMMAS and between[1].norm_ in RELATIVES \
                and between[-1].norm_ in _COMMAS:
            between = []  # «نقطة «تنزوفت»، التي لا تزال عناصر … تتمركز فيها، ستُخلى»: a relative aside
        adjectives = 0
        while adjectives < min(3, len(between)) and between[adjectives].norm_.startswith("ال") \
                and between[adjectives].norm_ not in RELATIVES:
            adjectives += 1  # «نقطة «قلهات» البحرية الصغيرة شمال صور ستُخلى»
        rest = between[adjectives:]
        if not rest or (len(rest) >= 2 and rest[0].norm_ in COMPASS_WORDS and (
                    (len(rest) == 2 and rest[1].norm_.startswith("ال"))  # «غربي المدينة»
                    or any(m.start == rest[1].idx and m.end == rest[-1].idx + len(rest[-1])
                           for m in before if m.label == "PLACE"))) \
                or (adjectives and _locating_phrase(rest)):  # «الواقعة على الطريق نفسه»
            event.args.append(("location", subject))


def _locating_phrase(tokens) -> bool:
    """A preposition and at most three words, no punctuation, verb or relative: where the
    subject stands («على الطريق نفسه», «قرب مدخل البلدة»), between it and its verb."""
    openers = words_of("locating", "place_prepositions", "standing_prepositions")
    return 2 <= len(tokens) <= 4 and tokens[0].norm_ in openers \
        and not any(t.is_punct or t.norm_ in RELATIVES or trigger_tense(t.norm_) not in ("", "noun")
                    for t in tokens)


@cache
def _clause_openers() -> frozenset[str]:
    """A complementizer, a subordinate opener or a contrast: a clause of its own begins."""
    return words("statement_complementizers") | words("subordinate_openers") | words("clause_breaks")


def _agrees(base: Mention, pronoun: str) -> bool:
    """A base whose head noun is in ``base_heads`` agrees in gender with a singular pronoun:
    «قاعدة» (ة) with «منها», «معسكر» with «منه» («في يعبد قادمة من معسكر دوتان … قبل أن
    تنسحب منها»: the town, not the camp)."""
    if pronoun.endswith(("هما", "هم")) or not pronoun.endswith(("ها", "ه")):
        return True
    head = _key(base.text.split(" ", 1)[0].strip("«»\"'"))
    if head not in context_words("base_heads"):
        return True  # «عين الأسد»: no head noun to agree with
    return head.endswith("ه") == pronoun.endswith("ها")


@cache
def _pronoun_roles(event_type: str) -> dict[str, str]:
    """«فيها» → location, «منها» → origin (``pronoun_roles`` in triggers.yaml), normalized."""
    return {_key(k): v for k, v in config().get("pronoun_roles", {}).get(event_type, {}).items()}


@cache
def _descriptor_roles(event_type: str) -> dict[str, str]:
    """«في» → location before an anaphoric descriptor: the prepositions of ``pronoun_roles``
    («فيها» → في, «منه» → من), which a descriptor stands for as the pronoun does."""
    return {pronoun.removesuffix("هما").removesuffix("ها").removesuffix("ه"): role
            for pronoun, role in _pronoun_roles(event_type).items()}


@cache
def _anaphoric_descriptors() -> dict[str, str]:
    """«البلدة» → PLACE, «القاعدة» → BASE (``anaphoric_descriptors``), normalized."""
    return {_key(k): v for k, v in config().get("anaphoric_descriptors", {}).items()}
