"""Troops of a force in an event: members named by «من» («عناصر من …», «جنديان من …»), who
launch an attack («شنت وحدات من الجيش هجوماً», «هاجمت مجموعة من عناصر داعش نقطة») or are hit by
it («استهدف عناصر من حزب الله»: the force is the target). ``PartyRules`` builds on these.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .event_lexicon import trigger_tense, words, words_of
from .event_links import _gap_tokens, _token_before_name
from .language import token_starts
from .mentions import Mention
from .word_forms import reads_as, reads_as_adjective

if TYPE_CHECKING:
    from .events import Event


class MemberRules:
    """Rules on the members of a force; ``_subject_before`` comes from ``PartyRules``."""

    def _members_of(self, doc: Doc, mention: Mention, adjective_ok: bool = False) -> bool:
        """A force named as what troops belong to: «جندي من …», «عناصر من …»; ``adjective_ok``:
        up to two adjectives may stand between («ثلاث سرايا إضافية من اللواء الآلي», «وحدة هندسية
        من الجيش الثاني الميداني», «كتيبة مشاة ميكانيكية من …», «ثلاث سرايا فقط من …»)."""
        before = _token_before_name(doc, mention.start)
        if before is None or before.norm_ not in words("member_links") or before.i == 0:
            return False
        at, heads = before.i - 1, words("unit_nouns_before_adjectives")
        while True:  # («ولواء من الحشد الشعبي يدفع بتعزيزات»: a unit of the force, adjectives between or not)
            if self._troops_word(doc, doc[at]) or (adjective_ok and doc[at].norm_ in heads):
                return True
            if not (adjective_ok and at > 0 and before.i - at <= 2 and (
                    doc[at].norm_.endswith("ه") or reads_as_adjective(doc[at].norm_)
                    or doc[at].norm_ in words("troop_qualifiers"))):
                return False
            at -= 1

    @staticmethod
    def _troops_word(doc: Doc, word) -> bool:
        """A member noun («عناصر») or the last word of a count («نحو 400 جندي»)."""
        return word.norm_ in words("member_nouns") or any(
            m.label == "QUANTITY" and m.end == word.idx + len(word) for m in doc._.mentions or [])

    @staticmethod
    def _members_after_verb(doc: Doc, trigger, mention: Mention) -> bool:
        """«هاجمت مجموعة من عناصر تنظيم داعش», «اقتحمت وحدات من لواء منشيه»: an attack verb's
        subject right after it is troops of the force (member nouns, «من», a nisba between)."""
        if trigger_tense(trigger.norm_) == "noun" or trigger.i + 1 >= len(doc) \
                or doc[trigger.i + 1].norm_ not in words("member_nouns"):
            return False
        at = trigger.i + 1
        while at < len(doc) and doc[at].idx < mention.start and at - trigger.i <= 5:
            token = doc[at]
            if not (token.norm_ in words("member_nouns") or token.norm_ == "من"
                    or token.norm_.endswith(("يه", "ه")) and at > trigger.i + 1):  # «مجموعة مسلحة من»
                return False
            at += 1
        return at < len(doc) and doc[at].idx == mention.start

    @staticmethod
    def _object_after(doc: Doc, force: Mention, in_clause: list[Mention]) -> bool:
        """What the attack hits right after the force: a base or a place, or a hit noun or an
        accusative («مقراً», «نقطة للجيش»), with no preposition between."""
        if any(m.label in ("BASE", "PLACE") and m.start >= force.end and _gap_tokens(doc, force.end, m.start) == 0
               for m in in_clause):
            return True
        at = bisect_left(token_starts(doc), force.end)
        word = doc[at] if at < len(doc) else None
        return word is not None and (reads_as(word.norm_, words("hit_nouns")) or word.text.endswith(("اً", "ًا")))

    def _launching_members(self, doc: Doc, mention: Mention, trigger) -> bool:
        """«نصبت دورية من كتيبة حرس الحدود كميناً», «شنت وحدات من الجيش هجوماً»: troops of a
        force right after a light verb launch the attack, and so do troops right before the attack
        verb («أن وحدات من الجيش هاجمت»); elsewhere an attack's troops are its victims."""
        if not self._members_of(doc, mention):
            return False
        member = doc[_token_before_name(doc, mention.start).i - 1]
        if member.i > 0 and doc[member.i - 1].norm_ in words_of("light_verbs", "execute_verbs"):
            return True
        return trigger_tense(trigger.norm_) != "noun" and self._subject_before(doc, trigger, [mention])

    def _hit_forces(self, doc: Doc, event: Event, in_clause: list[Mention], trigger) -> None:
        """«استهدف عناصر من حزب الله», «قيادياً في قوة الرضوان», «مواقع الجيش النيجيري»: a force
        after the attack whose members, posts or patrols it names is hit (guidelines §8.4:
        the target), and so no actor; but members right after the verb, with another force
        hit after them, are its subject."""
        hit_nouns, end = words("hit_nouns"), trigger.idx + len(trigger)
        hit = []
        for mention in in_clause:
            if mention.label != "FORCE" or mention.start < end:
                continue
            word = _token_before_name(doc, mention.start)
            if word is not None and word.norm_ in ("من", "في", "ل") and word.i > 0:
                word = doc[word.i - 1]
            if word is not None and word.norm_ in words("ownership") and word.i > 0:
                word = doc[word.i - 1]  # «نقطة تفتيش تابعة لقوات العاصفة»
            if word is not None and reads_as(word.norm_, hit_nouns):  # «لدورية من الشرطة» too
                hit.append((word, mention))
        if hit and self._members_after_verb(doc, trigger, hit[0][1]) and (
                len(hit) > 1 or self._object_after(doc, hit[0][1], in_clause)):
            # «هاجمت عناصر من تنظيم الدولة … مواقع لقوات الدفاع والأمن», «هاجمت مجموعة من عناصر
            # داعش نقطة للجيش» (not «استهدف عناصر من حزب الله قرب الحدود»: the members are hit)
            subject = hit.pop(0)[1]
            event.args = [(r, m) for r, m in event.args if m is not subject and r != "actor"] + [("actor", subject)]
        for _, mention in hit:
            event.args = [(r, m) for r, m in event.args if m is not mention]
            event.args.append(("target", mention))
