"""Events: who withdrew, deployed, handed over, closed or attacked what, where, when.

Rules a reviewer can read, with the vocabulary in ``models/lexicons/triggers.yaml``:
a trigger word gives the type; its tense or a governing verb gives the status;
negated or hypothetical triggers give nothing. Arguments come from the
resolved mentions in the trigger's clause (the sentence, cut at neighbouring
triggers of other types) by the preposition in front of them; the actor may
come from the two previous sentences through «قواتها»/«القوات». One trigger
(adjacent triggers of one type, «شنت غارة», count as one) gives one event;
a list of places gives several arguments of one role. Which words are triggers
is decided in ``event_triggers``, who and where in ``event_args``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .corpus import CORE_ROLES, LABELS
from .event_antecedents import AntecedentRules
from .event_args import ArgumentRules, quantity_units
from .event_clauses import time_adjunct
from .event_lexicon import (
    config,
    found_before,
    governing_verbs,
    lookup_trigger,
    says_we,
    trigger_index,
    trigger_tense,
    without_enclitic,
    words,
)
from .event_links import _token_before_name
from .event_objects import ObjectRules, passive_evacuation
from .event_parties import PartyRules
from .event_sites import SiteRules
from .event_status import StatusRules
from .event_targets import TargetRules
from .event_time import entry_heading, event_times, in_a_later_statement
from .event_triggers import TriggerRules
from .language import doc_text, token_norms
from .lexicons import _key, context_words
from .mentions import Mention, in_brackets_after
from .normalize import damma_on_first, passive_vowelled
from .recognizers import publish_mentions
from .word_forms import reads_as

__all__ = ["Event", "EventExtractor", "lookup_trigger", "trigger_index"]

# A colon or bar after a headline's or a bulletin's label («المنطقة العسكرية الجنوبية: …»), not a clock's.
_LABEL_MARK = re.compile(r"(?<!\d)[:|](?=\s)")


@cache
def _clause_stops(sections: tuple[str, ...], extra: tuple[str, ...] = ()) -> frozenset[str]:
    """What ends a clause for a rule: lexicon sections, the clause punctuation and ``extra``
    words (built once, not per event)."""
    return frozenset({"،", ",", "؛", *extra}).union(*(words(section) for section in sections))


def _after_label(doc: Doc, token, before: list[Mention]) -> list[Mention]:
    """Who a label names reports the news after its colon and is no subject there
    («الجيش الوطني الليبي: تعزيزات إلى غات»), unless the verb says «we» («…: استهدفنا»)."""
    if not before or says_we(token.norm_):
        return before
    marks = [m.end() for m in _LABEL_MARK.finditer(doc_text(doc), before[0].start, token.idx)]
    return [m for m in before if m.start >= marks[-1]] if marks else before


#: An event is only codable (and scorable, EXTRACTION.md) through one of these.
_CORE_ROLES = CORE_ROLES


@dataclass
class Event:
    type: str
    status: str
    trigger_start: int
    trigger_end: int
    args: list[tuple[str, Mention]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, ids: dict[int, str], text: str) -> dict[str, Any]:
        args = [{"role": role, "ref": ids[id(m)]} for role, m in self.args if id(m) in ids]
        return {"id": "", "type": self.type, "status": self.status,
                "trigger": {"start": self.trigger_start, "end": self.trigger_end,
                            "text": text[self.trigger_start:self.trigger_end]},
                "args": args, **self.extra}


class EventExtractor(TriggerRules, ArgumentRules, PartyRules, TargetRules, AntecedentRules, ObjectRules, SiteRules,
                     StatusRules):
    """The ``arabic_events`` component: writes ``doc._.events``."""

    def __init__(self, name: str, back_sentences: int = 2, window: int = 3) -> None:
        self.name = name
        self.back_sentences = back_sentences
        self.window = window
        lexicon = config()
        self.meta = {t: (s.get("cameo"), s.get("plover")) for t, s in lexicon["types"].items()}
        self.object_dependent = {_key(k): v for k, v in lexicon.get("object_dependent", {}).items()}
        self.noun_default = lexicon.get("noun_default", "completed")
        self.roles = {role: words("roles", role) for role in lexicon.get("roles", {})}
        self.role_words = frozenset().union(*self.roles.values())
        self.descriptors = context_words("place_descriptors") | context_words("place_list_heads") \
            | words("front_words") | context_words("district_heads")  # «باتجاه جبهة الوازعية»: the front's
        # place takes باتجاه's role; «في لواء الرمثا»: a district's
        self.site_heads = context_words("base_heads_needing_military_marker")  # «في مطار تفتناز» → في
        self.locating = words("locating") | (context_words("place_cues") - self.role_words)
        self.markers = context_words("military_markers")  # «قاعدة الظفرة الجوية غربي أبوظبي»
        self.near_words = words("near_words")
        self.area_nouns = words("area_nouns")

    def __call__(self, doc: Doc) -> Doc:
        every = sorted(doc._.mentions or [], key=lambda m: m.start)
        mentions = [m for m in every if m.label in LABELS]  # ORG/PERSON fill no role: fewer to scan
        sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        found: list[Event] = []
        text = doc_text(doc)
        for number, sentence in enumerate(sentences):
            self._sentence = sentence  # token.sent rescans the doc: keep the current one
            self._question = any(mark in text[sentence.start_char:sentence.end_char] for mark in "؟?")
            hits = self._hits(sentence, every)  # no trigger inside any name, ORG and PERSON included
            for token, last, kind in hits:
                if self._refers_to_reported(token, kind, found):
                    continue
                event = self._event(doc, token, last, kind, mentions, self._clause(sentence, hits, token),
                                    sentences, number)
                if event is not None:
                    _shared_actor(doc, found[-1] if found and found[-1].extra["sentence"] == number else None,
                                  event, token, mentions)
                    found.append(event)
        _link_groups(found)
        if self._airports_as_bases(doc, found):
            publish_mentions(doc, doc._.mentions or [])
        doc._.events = found
        return doc

    @staticmethod
    def _clause(sentence, hits, token) -> tuple[int, int]:
        """Characters of a trigger's clause: from the previous trigger to the next one. A
        participle («المتمركزة») bounds no other clause, and its own ends at a comma."""
        participles = words("participles")
        main = [(t, last) for t, last, _ in hits if t.norm_ not in participles or t is token]
        position = next(i for i, (t, _) in enumerate(main) if t is token)
        lo = main[position - 1][1].idx + len(main[position - 1][1]) if position else sentence.start_char
        hi = main[position + 1][0].idx if position + 1 < len(main) else sentence.end_char
        if token.norm_ in participles:
            comma = next((t.idx for t in sentence if t.idx > token.idx and t.norm_ in {"،", ","}), hi)
            hi = min(hi, comma)
        background, norms, doc = words("background_openers"), token_norms(sentence.doc), sentence.doc
        if position:  # «سحب … ١٨ آلية …، فيما انتشرت وحدات»: the count is the earlier clause's
            contrast = next((at for at in range(token.i - 1, main[position - 1][1].i, -1)
                             if norms[at] in words("clause_breaks")), None)
            lo = doc[contrast].idx if contrast is not None else lo
        opener = next((at for at in range(token.i + 1, sentence.end)  # «…، بعدما كانت لدينا …»
                       if norms[at] in background or " ".join(norms[at:at + 2]) in background), None)
        return lo, hi if opener is None else min(hi, doc[opener].idx)

    def _event(self, doc, token, last, kind, mentions, clause, sentences, number) -> Event | None:
        event_type, tense = kind
        if self._blocked(doc, token, last) or self._non_military(doc, token, last, event_type):
            return None
        in_clause = [m for m in mentions if clause[0] <= m.start and m.end <= clause[1]]
        if event_type == "BASE_TRANSFER" and self._hands_goods(last, in_clause):
            return None
        sentence_start = sentences[number].start_char
        before = [m for m in mentions if sentence_start <= m.start and m.end <= token.idx]
        may_refer_back = self._refers_back(doc, token, last)
        back = self.back_sentences if may_refer_back else 0
        giver = self._after_min(doc, in_clause, last, "FORCE") or (  # «تعزيزات من قوات حرس الحدود وصلت»:
            self._after_min(doc, in_clause, token, "FORCE") if last is not token else None)  # the noun's own «من»
        actor = _in_full(doc, mentions, self._actor(doc, token, last, in_clause, _after_label(doc, token, before),
                                                     sentences, number, back, event_type, giver))
        if actor is not None and actor.end <= token.idx and self._subjectless(doc, token, tense):
            actor = None  # «سُلِّم المعسكر», «تم نشر», «مهربين مسلحين استهدفوا»: no force is the subject
        if actor is not None and event_type == "ATTACK" and trigger_tense(token.norm_) == "noun" \
                and (adjunct := time_adjunct(doc, token)) is not None and actor.end <= doc[adjunct].idx:
            actor = None  # «نشرت البحرية … بعد أيام من هجوم بطائرة مسيّرة»: another event's subject
        event_type = self._retype(event_type, token.norm_, last, in_clause, actor, before)
        named = self._named_trigger(doc, token, last)
        event = Event(event_type, self._status(doc, token, tense), named.idx, named.idx + len(named))
        cameo, plover = self.meta.get(event_type, (None, None))
        event.extra = {"cameo": cameo, "plover": plover, "sentence": number}
        # «تُسلِّمه» vowelled with a damma on its prefix hands over; «تسلّمه» receives
        handed = self.handed_between(doc, token, in_clause) if event_type == "BASE_TRANSFER" else None
        sender = None
        if handed is not None:  # «القوات الأوغندية تسلّم الجيش الصومالي قاعدتين»
            actor, receiver = handed
            event.args.append(("recipient", receiver))
        elif without_enclitic(token.norm_) in words("receive_forms") and event_type == "BASE_TRANSFER" \
                and not damma_on_first(token.text) and not self._hands_over(doc, token, in_clause):
            if actor is not None:
                event.args.append(("recipient", actor))
            actor = giver if giver is not actor else None  # «تسلمت وحدة من اللواء الأول»: no giver named
        elif (troops := self._troops_sent_by(doc, last, in_clause, giver, event_type)) is not None:
            if actor is not None and actor is not troops and any(actor is m for m in in_clause):
                sender = actor  # «دفعت القيادة بتعزيزات من اللواء الخامس»: who sends, and whose troops
            actor = troops  # «تعزيزات كبيرة للجيش السوداني»: an actor from an earlier sentence gives way
        elif actor is None and giver is not None and self._gives_troops(doc, last if giver.start > last.idx else token, giver):
            actor = giver  # «تعزيزات من القوات الروسية»; not «تهديدات من تنظيم داعش»
        if tense == "noun" and self._accused(doc, token, sentences[number].start):
            actor = None  # «اتهمت الوزارة «الحرس الوطني» بقصف …»: accused, not named as the actor
        actor = self._claimant(doc, in_clause) or actor
        if sender is not None and actor is not None:
            event.args += [("actor", force) for force in _with_coordinated(doc, mentions, sender)]
        if actor is not None:
            event.args += [("actor", force) for force in _with_coordinated(doc, mentions, actor)]
            if event_type in ("DEPLOYMENT", "WITHDRAWAL") and (unit := self._unit_of_the_troops(
                    doc, token, in_clause, event)) is not None:
                if actor.end <= token.idx and reads_as(token.norm_, words("self_moving_verbs")):
                    event.args = [(role, m) for role, m in event.args if role != "actor"]  # «…، وانسحب
                    # نحو ٨٠ مقاتلاً من «اليبشة»»: the troops are the subject, not the clause before's
                event.args.append(("actor", unit))  # «نشر الجيش 400 جندي إضافي من اللواء التاسع»: both
        self._role_args(doc, event, last, in_clause, {id(m) for _, m in event.args}, token.idx + len(token))
        self._possessive_giver(doc, event, in_clause)
        self._relative_antecedent(doc, event, token, before)
        self._pronoun_object(event, token, before)
        self._pronoun_place(doc, event, last, before, mentions, sentences, number)
        self._fronted_places(doc, event, token, before)
        if event_type == "ATTACK":
            self._hit_forces(doc, event, in_clause, token)
            self._casualty_targets(doc, event, before)
        if event_type == "ATTACK" and not any(r == "target" and m.label != "FORCE" for r, m in event.args):
            self._passive_target(doc, event, before, token)
        units = quantity_units(event_type)
        self._nearest(event, token, in_clause, "QUANTITY", "quantity",
                      lambda m: m.attrs.get("unit") in units and not in_a_later_statement(doc, m, token))
        self._coordinated_quantities(doc, event, in_clause, units)
        times = event_times(doc, token, [m for m in in_clause if m.label == "TIME"], self._sentence.start)
        self._nearest(event, token, times, "TIME", "time", lambda m: True)
        if not any(role == "time" for role, _ in event.args):
            heading = entry_heading(doc, token, mentions)
            if heading is not None:
                event.args.append(("time", heading))  # «الأحد: انتشرت وحدات …», «• 2016: أعادت القوة …»
        if tense in ("present", "noun") and event.status != "planned" and self._in_future(doc, event):
            event.status = "planned"  # «تنسحب القوات الأسبوع المقبل», «تسليم الثكنة مطلع الشهر المقبل»
        if event_type in ("BASE_CLOSURE", "BASE_TRANSFER"):
            self._closed_subject(doc, event, token, before)
        if not any(role in _CORE_ROLES for role, _ in event.args):
            return None  # nothing says who or where: not a codable event
        _with_aliases(doc, event, in_clause)
        if event_type == "BASE_CLOSURE" and not self._closes_a_base(doc, event, last):
            return None
        return event

    def _unit_of_the_troops(self, doc: Doc, token, in_clause: list[Mention], event: Event) -> Mention | None:
        """The unit the moved troops come from, after the trigger and another actor: counted
        troops, one adjective between or not, then «من» + the unit («ثلاث سرايا إضافية من اللواء
        الآلي الثاني عشر») are the unit's too (guidelines §8: every force that acts)."""
        taken = {id(m) for _, m in event.args}
        stops = _clause_stops(("clause_breaks", "replacing_verbs"), ("و", "وان"))
        for mention in in_clause:
            if mention.label != "FORCE" or mention.start <= token.idx or id(mention) in taken:
                continue
            before = _token_before_name(doc, mention.start)
            if before is None or before.norm_ != "من" or before.i < 2 \
                    or any(t.norm_ in stops for t in doc[token.i + 1:before.i]):
                return None  # «…، لتحل محلها وحدات من الجيش», «وأن نحو 600 عنصر من …»: another clause
            return mention if self._members_of(doc, mention, adjective_ok=True) else None
        return None

    def _closes_a_base(self, doc: Doc, event: Event, last) -> bool:
        """A closure names a base, or a base or site noun follows the trigger."""
        evacuated = last.norm_ in self.object_dependent  # «إخلاء مطار الحمدان», not «أغلقت … ميناء الحديدة»
        if any(m.label == "BASE" or (evacuated and self._is_site(doc, m))
               or m.attrs.get("unit") in ("bases", "sites") for _, m in event.args):
            return True  # «أغلقت قاعدة التنف», «أخلوا نقطتين»
        actor = next((m for role, m in event.args if role == "actor"), None)
        return self._closes_sites(last, None, actor)

    @staticmethod
    def _accused(doc: Doc, token, sentence_start: int) -> bool:
        """An accusation verb earlier in the trigger's clause (no comma or subordinate opener
        between: «اتهمت واشنطن الكتائب بالوقوف وراءه، قبل أن تردّ القوات بغارات» accuses no raid)."""
        stops = _clause_stops(("subordinate_openers",))
        return found_before(token_norms(doc), token.i, sentence_start, words("accusations"), stops)

    @staticmethod
    def _subjectless(doc: Doc, token, tense: str) -> bool:
        """A passive (vowelled, «سيُخلى», or after «تم/جرى») has no subject before it, and a verb right
        after a noun of people («مهربين مسلحين استهدفوا») has that noun, no force, as subject."""
        previous = doc[token.i - 1].norm_ if token.i else ""
        return (tense == "past" and passive_vowelled(token.text)) or passive_evacuation(token.text) \
            or previous in words("passive_markers") \
            or (tense != "noun" and previous in words("people_subjects"))

    def _refers_back(self, doc: Doc, token, last) -> bool:
        """A trigger, noun or verb, takes an actor from earlier sentences only through a pronoun on
        it («انسحابها»), a word that refers to a force («قواتها», «أنها») or a governing verb; not
        «استهدف مسلحون», «ستُغلق نقطة», «قررت الوزارة إغلاق» (measured on dev: three in four such
        actors were wrong before)."""
        if token.norm_ not in trigger_index():
            return True  # found through an enclitic pronoun
        window = doc[self._sentence.start:min(self._sentence.end, last.i + 5)]
        cues = words("back_reference_cues")
        if any(t.norm_ in cues for t in window):
            return True
        # a governing verb right before the noun agrees with the actor («وبدأ الانسحاب»), unless
        # a noun before it is its subject («الوزارة قررت إغلاق»)
        at = token.i - 1
        if at < self._sentence.start or doc[at].norm_ not in governing_verbs() - words("passive_markers"):
            return False
        return at == self._sentence.start or not doc[at - 1].norm_.startswith("ال") or doc[at - 1].norm_ in cues


def _shared_actor(doc: Doc, previous: Event | None, event: Event, token, mentions: list[Mention]) -> None:
    """A verb joined by «و» to the event before it in the sentence, with no actor and no force
    between them, shares that event's actor («وصلت تعزيزات للجيش السوداني …، وتمركزت في معسكر
    «الصحوة»»: the reinforcements' owner). Not across a handover, whose actor is the giver."""
    joined = token.text.startswith("و") or (token.i > 0 and doc[token.i - 1].norm_ == "و")
    if previous is None or "BASE_TRANSFER" in (previous.type, event.type) or not joined \
            or any(role == "actor" for role, _ in event.args) \
            or trigger_tense(token.norm_) not in ("past", "present"):
        return
    own = {id(m) for _, m in previous.args}
    if any(m.label == "FORCE" and id(m) not in own and previous.trigger_end <= m.start < event.trigger_start
           for m in mentions):
        return  # «… وانسحب اللواء 12»: another force is named between
    event.args[:0] = [(role, m) for role, m in previous.args if role == "actor"]


def _link_groups(events: list[Event]) -> None:
    """Same type, actor text and place arguments → the same ``event_group``."""
    groups: dict[tuple, int] = {}
    for event in events:
        places = frozenset(_key(m.text) for role, m in event.args
                           if role in ("origin", "location", "target", "destination"))
        actor = next((_key(m.text) for role, m in event.args if role == "actor"), None)
        key = (event.type, actor, places)
        event.extra["event_group"] = f"g{groups.setdefault(key, len(groups) + 1)}"


@Language.factory("arabic_events", default_config={"back_sentences": 2, "window": 3},
                  assigns=["doc._.events"], requires=["doc._.mentions"])
def make_events(nlp: Language, name: str, back_sentences: int, window: int) -> EventExtractor:
    return EventExtractor(name, back_sentences, window)


def _in_full(doc: Doc, mentions: list[Mention], actor: Mention | None) -> Mention | None:
    """The force's full name for its abbreviation in parentheses right after it: «القيادة
    المركزية الأمريكية (سنتكوم) أرسلت» → the command, named where it is introduced."""
    if actor is None:
        return None
    text = doc_text(doc)
    return next((named for named in mentions if named.label == "FORCE"
                 and in_brackets_after(text, named.end, actor.start, actor.end)), actor)


def _with_aliases(doc: Doc, event: Event, in_clause: list[Mention]) -> None:
    """An argument's other name in brackets right after it is the same entity in the same role
    (guidelines §8.4): «قوات سوريا الديمقراطية (قسد)», «عين العرب (كوباني)»."""
    text = doc_text(doc)
    taken = {id(m) for _, m in event.args}
    for role, named in list(event.args):
        for alias in in_clause:
            if id(alias) not in taken and alias.label == named.label \
                    and in_brackets_after(text, named.end, alias.start, alias.end):
                event.args.append((role, alias))
                taken.add(id(alias))


def _with_coordinated(doc: Doc, mentions: list[Mention], actor: Mention) -> list[Mention]:
    """The actor and the forces joined to it by «و» («انتشرت وحدات من "قسد" وقوى الأمن الداخلي»,
    «سفينة "باتان" وسفينة "كارتر هول" وصلتا»): together they do it."""
    text = doc_text(doc)

    def joined(first: Mention, second: Mention) -> bool:
        between = text[first.end:second.start].strip().strip('"«»').strip()
        return second.label == "FORCE" and first.label == "FORCE" and between in ("و", "،و", "، و")

    found, last = [actor], actor
    for mention in mentions:
        if mention.start < last.end or mention is actor:
            continue
        if not joined(last, mention):
            break
        found.append(mention)
        last = mention
    first = actor  # «انتشرت وحدات من اللواء الخامس وفوج المغاوير … وتمركزت»: the last named stands for both
    for mention in reversed([m for m in mentions if m.end <= actor.start]):
        if not joined(mention, first):
            break
        found.insert(0, mention)
        first = mention
    return found

