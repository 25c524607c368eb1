"""What an event's object is: the direct object after the trigger, unless it speaks, denies,
leads or lies across a border («نفت أنقرة», «على الحدود مع السعودية»); and what an attack
hits when the sentence says so indirectly: the subject of «تعرّض» («تعرّضت قاعدة التنف
لهجوم», «بأن قاعدة العند، الواقعة في …، تعرّضت لهجوم»), the force whose troops were hit
(«قُتل جنود من الجيش في كمين»), and the places that locate what was hit.
``EventExtractor`` mixes these rules in beside ``ArgumentRules``.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .event_args import _DIRECT_OBJECT, _ROLE_LABELS, casualty_word_before
from .event_clauses import RELATIVES
from .event_lexicon import words
from .event_links import (
    _coordinated,
    _gap_tokens,
    _list_heads,
    _subject_given,
    _token_before,
    _token_before_name,
    mention_end_token,
    passive_governor_before,
    words_after,
)
from .language import doc_text
from .mentions import Mention
from .normalize import normalize, passive_vowelled
from .word_forms import reads_as

if TYPE_CHECKING:
    from .events import Event

__all__ = ["TargetRules"]

_CLAUSE_REACH = 14  # tokens from «تعرّض» to its «لهجوم», a subject and its place between
_SUBJECT_WORDS = 3  # «تعرّض [مقر تابع ل]لحشد»: words before the force an unnamed site belongs to


@cache
def _speakers_before() -> frozenset[str]:
    """Words after which a mention speaks, denies, claims, accuses, leads or flies a flag, or
    a preposition no attack takes its object with («مع», «بين»; not a target's «ضد»)."""
    return words("not_object_before") | words("statement_verbs") | words("denial_verbs") \
        | words("claims") | words("accusations") | (words("other_prepositions") - words("roles", "target"))


class TargetRules:
    """Target rules; they read the extractor's lexicon state and sentence."""

    def _direct_object(self, doc: Doc, event: Event, end: int, mention: Mention) -> str | None:
        role = _DIRECT_OBJECT.get(event.type)
        if role is None and event.type == "DEPLOYMENT" and self._reinforced(doc, event, mention):
            role = "location"  # «وعزّز الجيش قاعدة تمنهنت»: the base reinforced is where the troops go
        if role is None or mention.label not in _ROLE_LABELS[role] or \
                any(r == role for r, _ in event.args):
            return None
        if mention.label != "BASE" and _gap_tokens(doc, end, mention.start) == 0 \
                and event.type != "ATTACK" and not _subject_given(doc, event):
            return None  # «سحبت تركيا قواتها»: a place right after the verb is its subject
        before = _token_before_name(doc, mention.start)
        if before is not None and (before.norm_ in _speakers_before() or (
                before.text == "(" and any(m.end <= before.idx and not doc_text(doc)[m.end:before.idx].strip()
                                           for _, m in event.args))):
            return None  # «نفت أنقرة», «بقيادة السعودية»; «تنظيم "الدولة الإسلامية" (داعش)»: its other name
        return role

    @staticmethod
    def _reinforced(doc: Doc, event: Event, mention: Mention) -> bool:
        """A base or place right after «عزّز» and its subject («وعزّز الجيش قاعدة تمنهنت»), not
        a name further on («ما يعزّز التقدير بأن ماغين عوز …»)."""
        text = doc_text(doc)
        if mention.label not in ("BASE", "PLACE") \
                or not reads_as(normalize(text[event.trigger_start:event.trigger_end]), words("reinforcing_verbs")):
            return False
        between = text[event.trigger_end:mention.start]
        for _, arg in event.args:
            if event.trigger_end <= arg.start and arg.end <= mention.start:
                between = between.replace(arg.text, "", 1)
        return not between.strip()

    def _across_border(self, doc: Doc, mention: Mention) -> bool:
        """«قرب المدورة على الحدود مع السعودية»: the country across the border (not one moved
        towards: «انسحبت باتجاه الحدود مع النيجر»)."""
        before = _token_before_name(doc, mention.start)
        if before is None or before.norm_ != "مع" or before.i < 2 or doc[before.i - 1].norm_ not in words("border_words"):
            return False
        return self._role_word(doc[before.i - 2].norm_) not in self.roles.get("destination", ())

    def _casualty_targets(self, doc: Doc, event: Event, before: list[Mention]) -> None:
        """«أُصيب جنديان من لواء إفرايم في كمين», «قُتل أربعة عناصر من قسد في هجوم»: the force
        whose troops were killed or wounded before the attack is named is what it hit, whatever
        else it hit («… على المدخل الشرقي لبلدة عزون»)."""
        for mention in before:
            if mention.label == "FORCE" and not any(m is mention for _, m in event.args) \
                    and self._members_of(doc, mention) and casualty_word_before(doc, mention, 6):
                event.args.append(("target", mention))

    def _passive_target(self, doc: Doc, event: Event, before: list[Mention], trigger) -> None:
        """«تعرضت قاعدة التنف لهجوم», «قاعدة الظفرة قد تعرضت لهجوم», «نقطة «الشاحوط» قد
        استُهدفت»: the mention next to تعرض, or before a passive attack verb, is the target; else
        a force hit in its ranks («في صفوف القوات»)."""
        governors = words("passive_governors")
        hit_force = any(r == "target" for r, _ in event.args)  # «… مقتل جنديين من اللواء»
        relative = passive_governor_before(doc, trigger, self._sentence.start, 3) is not None  # «التي تعرّضت ل…»
        governor = passive_governor_before(doc, trigger, self._sentence.start, _CLAUSE_REACH, comma_free=True)
        for mention in reversed(before):
            if relative and mention.label in ("PLACE", "BASE") and _relative_undergoes(doc, mention, trigger):
                head, *rest = self._place_phrase(doc, [m for m in before if m.label in ("PLACE", "BASE")
                                                       and m.end <= mention.end])
                event.args = [(r, m) for r, m in event.args if m is not head and all(m is not p for p in rest)]
                event.args += [("target", head)] + [("location", place) for place in rest]
                return  # «جزيرة شدوان عند مدخل خليج السويس، التى تعرضت لهجوم»: the phrase's head was hit
            if mention.label not in _ROLE_LABELS["target"] or any(m is mention for _, m in event.args):
                continue
            previous = _token_before(doc, mention.start)
            if previous is not None and previous.norm_ in _list_heads() and previous.i > self._sentence.start:
                previous = doc[previous.i - 1]  # «تعرّضت قريتا تل شميرام وتل طال … لقصف»
            troops = self._troops_of(doc, mention) if mention.label == "FORCE" else None
            if troops is not None and troops.i > 0:
                previous = doc[troops.i - 1]  # «تعرّضت دورية من الكتيبة 19 / تابعة للكتيبة لهجوم»
            following = words_after(doc, mention)
            if (previous is not None and previous.norm_ in governors) or _subject_after(doc, governor, mention) \
                    or any(t.norm_ in governors or (t.i == trigger.i and passive_vowelled(t.text)) for t in following):
                mention = self._located_head(doc, mention, before)
                event.args.append(("target", mention))
                for other in before:  # and the places listed with it
                    if other.start > mention.end and other.label == mention.label \
                            and _coordinated(doc, event.args[-1][1].end, other.start, bracket_ok=False):
                        event.args.append(("target", other))
                self._locating_chain(doc, event, event.args[-1][1], before)
                return
        subject = self._apposed_subject(doc, before, governors, trigger)
        if subject is not None:
            event.args.append(("target", subject))
            self._locating_chain(doc, event, subject, before)  # «قاعدة باليدوغلي في إقليم شبيلي السفلى، …»
            return
        if hit_force:
            return
        for mention in before:  # troops killed or wounded are already targets (_casualty_targets)
            if mention.label == "FORCE" and not any(m is mention for _, m in event.args) \
                    and getattr(_token_before(doc, mention.start), "norm_", "") in words("ranks"):
                event.args.append(("target", mention))  # «في صفوف القوات»
                return
        self._passive_location(doc, event, before, governor)

    def _apposed_subject(self, doc: Doc, before: list[Mention], governors, trigger) -> Mention | None:
        """«بأن قاعدة العند الجوية، الواقعة في مديرية تبن …، تعرّضت لهجوم»: after a comma, the
        governor's subject is the first mention of its clause, described by the phrase between;
        «أما معسكر بير …، فقد تعرّض لهجوم»: the topic «أما» sets first, whatever follows it."""
        sentence = doc[self._sentence.start:trigger.i]
        linked = words("topic_links")  # «فقد», «ف» between the comma and the governor

        def after_comma(at: int) -> int | None:
            while at > self._sentence.start and doc[at - 1].norm_ in linked:
                at -= 1
            return at - 1 if at > 0 and doc[at - 1].norm_ in {"،", ","} else None

        governor = next((t for t in sentence if t.norm_ in governors and after_comma(t.i) is not None), None)
        if governor is None:
            return None
        openers = words("statement_complementizers")
        aside = next((t.i for t in sentence if t.norm_ in {"،", ","}), governor.i)  # «، التي يُنتظر أن …،»
        opener = max((t.i + 1 for t in sentence if t.i < aside and t.norm_ in openers),
                     default=self._sentence.start)
        first = opener + (doc[opener].norm_ in words("topic_openers"))
        topic = first > opener
        while first < governor.i and doc[first].norm_ in words("past_continuous"):
            first += 1  # «وكانت قاعدة قنسحديري، الواقعة …، قد تعرّضت»
        start, end = doc[first].idx, doc[after_comma(governor.i)].idx
        subject = next((m for m in before if start <= m.start < end), None)
        if subject is None or subject.label not in _ROLE_LABELS["target"] or _gap_tokens(doc, start, subject.start):
            return None  # «أن إحدى الساحات في ميناء رأس تنورة، …»: the subject is no mention
        between = doc.char_span(subject.end, end, alignment_mode="contract") or ()
        return subject if topic or any(t.norm_ in words("descriptive") for t in between) else None

    def _located_head(self, doc: Doc, mention: Mention, before: list[Mention]) -> Mention:
        """«مطار المثنى العسكري وسط بغداد تعرّض لهجوم»: the place next to the governor may only
        locate the subject named before it, which is the target (the place its location)."""
        for previous in reversed([m for m in before if m.end <= mention.start]):
            if previous.label not in _ROLE_LABELS["target"] or not self._locates(doc, previous.end, mention.start):
                break
            mention = previous
        return mention

    def _locating_chain(self, doc: Doc, event: Event, target: Mention, mentions: list[Mention]) -> None:
        """«تعرّض معسكر خالد بن الوليد في مديرية موزع غربي تعز … لهجوم»: the places that
        locate a target are the attack's location (§8)."""
        last_end = target.end
        for mention in mentions:
            if mention.start < last_end or any(m is mention for _, m in event.args):
                continue
            if mention.label not in _ROLE_LABELS["location"] or not self._locates(doc, last_end, mention.start):
                return
            event.args.append(("location", mention))
            last_end = mention.end

    def _passive_location(self, doc: Doc, event: Event, before: list[Mention], governor) -> None:
        """«منشأة في ميناء رأس تنورة … تعرّضت لهجوم»: what was hit is no mention, but where
        it stands is the attack's location (``governor``: the clause's «تعرّض», or None)."""
        if governor is None:
            return  # «تعرضت صباح اليوم لهجوم»
        for mention in before:
            word = self._word_before(doc, mention.start)
            if mention.label in ("PLACE", "BASE") and word is not None and word.norm_ in self.locating \
                    and not any(m is mention for _, m in event.args):
                event.args.append(("location", mention))


def _subject_after(doc: Doc, governor, mention: Mention) -> bool:
    """«تعرّض مقر للحشد العشائري في ناحية سعدة … لهجوم»: the first words after the verb of
    undergoing are its subject, a mention or the force an unnamed site belongs to."""
    if governor is None or mention.start < governor.idx:
        return False
    between = doc.char_span(governor.idx + len(governor.text), mention.start, alignment_mode="expand") or ()
    return len(between) <= _SUBJECT_WORDS and not any(t.is_punct for t in between) \
        and not any(t.norm_ in words("passive_governors") for t in between)


def _relative_undergoes(doc: Doc, mention: Mention, trigger) -> bool:
    """«قرية طوبزاوا، التي تعرّضت لقصف»: a relative clause on the mention has the verb of
    undergoing right before the trigger; what it hangs on was hit."""
    end = mention_end_token(doc, mention)
    after = [t for t in doc[end:trigger.i] if t.norm_ not in {"،", ","} and not t._.is_clitic]
    return len(after) == 2 and after[0].norm_ in RELATIVES and after[1].norm_ in words("passive_governors")
