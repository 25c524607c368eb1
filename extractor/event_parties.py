"""The parties to an event: who owns, gives, undergoes or is hit, and who the subject is.

A force's role often shows in the word before it rather than in a preposition
of the trigger: «التابعة لـ» names an owner, «عناصر من» members, «تعرّضت»
the one attacked, «ل» after the sites handed over the one handing them over.
A subject that is a weapon, a count or a country («استهدفت ثلاث مسيّرات»,
«مدمرتان ستغادران», «سحبت فرنسا») names no force, so no actor is sought in
earlier sentences. ``EventExtractor`` mixes these rules in beside ``ArgumentRules``.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .event_args import quantity_units
from .event_clauses import doc_norm
from .event_lexicon import (
    found_before,
    governing_verbs,
    our_troops,
    relative_auxiliaries,
    says_we,
    trigger_tense,
    we_govern,
    without_enclitic,
    words,
)
from .event_links import (
    _gap_tokens,
    _object_of_purpose,
    _token_before,
    _token_before_name,
    words_after,
)
from .event_members import MemberRules
from .language import doc_text, token_norms, token_starts
from .lexicons import _key
from .mentions import Mention
from .normalize import lam_to_al
from .text import QUOTE_MARKS
from .word_forms import RELATIVES, reads_as

if TYPE_CHECKING:
    from .events import Event

@cache
def _subject_units() -> frozenset[str]:
    """What a counted subject may be («نحو ألف جندي انتشروا», «مدمرتان ستغادران»): what a
    deployment moves, and weapons."""
    return quantity_units("DEPLOYMENT") | {"missiles", "shells", "drones", "aircraft"}


class PartyRules(MemberRules):
    """Rules on the words around a force or a subject; they read the extractor's lexicon state."""

    @staticmethod
    def _ownership_word(doc: Doc, mention: Mention):
        """The word before the «ل» that introduces ``mention`` («التابعة» in «التابعة لـ»), or None."""
        before = _token_before_name(doc, mention.start)
        if before is None or before.norm_ != "ل" or before.i == 0:
            return None
        return doc[before.i - 1]

    def _owned_by(self, doc: Doc, mention: Mention) -> bool:
        """A force introduced by «تابعة لـ» / «التابعة لـ»: the owner of the weapon or unit, not
        of a base («نقطة "الصدرين" التابعة للكتيبة الثالثة» is the target's owner)."""
        owning = self._ownership_word(doc, mention)
        if owning is None or owning.norm_ not in words("ownership"):
            return False
        owned_end = owning.idx - 1 if owning.i and doc[owning.i - 1].whitespace_ else owning.idx
        return not any(m.label == "BASE" and m.end in (owned_end, owning.idx) for m in doc._.mentions or [])

    def _gives_troops(self, doc: Doc, last, giver: Mention) -> bool:
        """A force after «من» sends the troops: they are counted or named before it («نحو
        خمسة عشر مستشاراً من القيادة المركزية»), or «من» follows the trigger («تعزيزات من الجيش»)."""
        return self._members_of(doc, giver) or _words_between(doc, last.idx + len(last), giver.start) <= 1

    def _owner_after(self, doc: Doc, last, in_clause: list[Mention]) -> Mention | None:
        """«تعزيزات كبيرة للجيش السوداني»: the force that troops named by the trigger noun
        belong to («ل» right after the noun and one adjective at most) sent them."""
        end = last.idx + len(last)
        force = min((m for m in in_clause if m.label == "FORCE" and m.start >= end), key=lambda m: m.start, default=None)
        lam = _token_before(doc, force.start) if force is not None else None
        if lam is None or lam.norm_ != "ل" or not lam._.is_clitic:
            return None
        return force if _words_between(doc, end, lam.idx) <= 1 else None

    def _troops_sent_by(self, doc: Doc, last, in_clause: list[Mention], giver: Mention | None,
                        event_type: str) -> Mention | None:
        """The force a deployment noun's troops come from, named right after it: «من» (one
        adjective between at most) or «ل» then the force («بتعزيزات من القوات البرية», «تعزيزات
        كبيرة للجيش»). It outranks the subject of the verb that sends them."""
        if event_type != "DEPLOYMENT" or trigger_tense(last.norm_) != "noun":
            return None
        if giver is not None and giver.start > last.idx \
                and _words_between(doc, last.idx + len(last), self._word_before(doc, giver.start).idx) <= 1:
            return giver
        return self._owner_after(doc, last, in_clause)

    def _troops_of(self, doc: Doc, force: Mention):
        """The troops or post a force is named with: «دورية من الكتيبة 19», «ثلاثة عناصر من …»,
        «دورية تابعة لكتيبة حرس الحدود», «نقطة تابعة للجيش»; None otherwise."""
        word = _token_before(doc, force.start)
        if word is None or word.i < 1:
            return None
        if self._members_of(doc, force):
            return doc[word.i - 1]
        if word.i > 1 and self._owned_by(doc, force):
            owned, at = words("member_nouns") | words("closure_objects"), word.i - 2
            if at > 0 and doc[at].norm_ not in owned and doc[at].norm_.endswith(("يه", "ي")):
                at -= 1  # «دورية بحرية تابعة ل»: one adjective may stand between
            if doc[at].norm_ in owned:
                return doc[at]
        return None

    def _owns_hit_troops(self, doc: Doc, owner: Mention) -> bool:
        """«تعرّضت دورية تابعة لكتيبة حرس الحدود لهجوم»: the owner of troops that underwent the
        attack is its target, not its actor."""
        troops = self._troops_of(doc, owner)
        if troops is None:
            return False
        governors = words("passive_governors")  # before the troops, or after the owner («… قد تعرّضت لكمين»)
        return (troops.i > 0 and doc[troops.i - 1].norm_ in governors) \
            or any(t.norm_ in governors for t in words_after(doc, owner))

    def _owns_what_is_hit(self, doc: Doc, owner: Mention, trigger) -> bool:
        """«استهدف "مستودعات أسلحة" تابعة لحزب الله»: after an attack's trigger, the owner of
        anything but a weapon («مسيّرات تابعة لقوات الدعم السريع») owns what was hit."""
        if owner.start < trigger.idx:
            return False
        ownership = self._ownership_word(doc, owner)
        owned = next((t for t in reversed(doc[trigger.i + 1:ownership.i]) if t.text not in QUOTE_MARKS), None)
        return owned is not None and owned.norm_ not in words("weapon_subjects")

    def _owns_a_force(self, doc: Doc, owner: Mention, in_clause: list[Mention]) -> bool:
        """«اللواء ٥٣ التابع لهيئة الحشد»: the owner of a named unit is not the actor, the unit is."""
        ownership = self._ownership_word(doc, owner)
        before = doc[ownership.i - 1] if ownership.i > 0 else None
        if before is not None and before.norm_ in {"،", ","} and before.i > 0:
            before = doc[before.i - 1]
        return before is not None and any(m.label == "FORCE" and m.end == before.idx + len(before.text)
                                          for m in in_clause)

    @staticmethod
    def _opens_clause(doc: Doc, after: int, trigger: int) -> bool:
        """A subordinate clause opens between the character ``after`` and the trigger token."""
        stop = trigger
        while stop > 0 and doc[stop - 1].idx >= after:
            stop -= 1
        return found_before(token_norms(doc), trigger, stop, words("subordinate_openers"))

    @staticmethod
    def _undergoes(doc: Doc, mention: Mention) -> bool:
        """«تعرضت كتيبة حرس الحدود لكمين»: the subject of تعرض is the target, not the actor."""
        before = _token_before(doc, mention.start)
        return before is not None and before.norm_ in words("passive_governors")

    def _possessive(self, doc: Doc, mention: Mention) -> bool:
        """«ل» right before the force (or its opening quote: «هجوم ل«الدعم السريع»»): whose
        reinforcements, withdrawal or attack it is."""
        before = _token_before_name(doc, mention.start)
        return before is not None and before.norm_ == "ل"

    def _hands_over(self, doc: Doc, token, in_clause: list[Mention]) -> bool:
        """«تسلم» is «تُسلِّم», it gives, with a force after «ل» or «إلى» or after a particle of
        the present («أن تسلّم القوات الأوغندية ثلاث قواعد», not «بعد أن»); between two forces
        it gives too, which ``handed_between`` tells the caller first."""
        if without_enclitic(token.norm_) not in words("receive_or_hand_over"):
            return False
        if doc_norm(token, -1) in words("present_particles") \
                and not reads_as(doc_norm(token, -2), words("past_after_an")):
            return True
        return any(m.label == "FORCE" and m.start > token.idx and not self._owned_by(doc, m)  # «التابع للفرقة 60»
                   and getattr(self._word_before(doc, m.start), "norm_", "") in words("roles", "recipient")
                   for m in in_clause)

    def handed_between(self, doc: Doc, token, in_clause: list[Mention]) -> tuple[Mention, Mention] | None:
        """(giver, receiver) of «القوات الأوغندية تسلّم الجيش الصومالي قاعدتين»: a force right before
        an undiacritized «تسلم» and one right after it (the receiver's reading has two subjects)."""
        if without_enclitic(token.norm_) not in words("receive_or_hand_over"):
            return None
        end, forces = token.idx + len(token.text), [m for m in in_clause if m.label == "FORCE"]
        text = doc_text(doc)
        giver = next((m for m in forces if m.end <= token.idx and not text[m.end:token.idx].strip()), None)
        receiver = next((m for m in forces if m.start > end and not text[end:m.start].strip()), None)
        return (giver, receiver) if giver is not None and receiver is not None else None

    def _possessive_giver(self, doc: Doc, event: Event, in_clause: list[Mention]) -> None:
        """«تسليم ١٢ موقعاً لهيئة الحشد الشعبي … إلى الجيش العراقي»: with a recipient after
        «إلى», the force after «ل» owns the sites handed over, so it is the one handing them over."""
        recipients = [m for role, m in event.args if role == "recipient"]
        if event.type != "BASE_TRANSFER" or len(recipients) < 2 or any(r == "actor" for r, _ in event.args):
            return
        handed = {m.end for m in in_clause if m.label in ("BASE", "QUANTITY")}

        def owns_what_is_handed(force: Mention) -> bool:  # «ل» right after the base or the sites
            lam = _token_before_name(doc, force.start)
            return self._possessive(doc, force) and lam.i > 0 and doc[lam.i - 1].idx + len(doc[lam.i - 1]) in handed

        owner = next((m for m in recipients if owns_what_is_handed(m)), None)
        if owner is not None and any(not self._possessive(doc, m) for m in recipients):
            event.args = [("actor" if m is owner else role, m) for role, m in event.args]

    @staticmethod
    def _weapon_subject(doc: Doc, last) -> bool:
        """The word after the trigger is a weapon («استهدفت طائرة مسيّرة», «ثلاث مسيّرات»): the
        verb's own subject, so the actor is not sought in earlier sentences."""
        following = [t.norm_ for t in doc[last.i + 1:last.i + 3]]
        if not following:
            return False
        weapons = words("weapon_subjects")
        counted = following[0][:1].isdigit() or following[0] in words("count_words")
        return following[0] in weapons or (counted and len(following) == 2 and following[1] in weapons)

    @staticmethod
    def _subject_before(doc: Doc, token, before: list[Mention]) -> bool:
        """A force or «قواتها» right before the verb («أن قواتها استهدفت», «الحوثيون قد قصفوا»)."""
        previous = doc[token.i - 1] if token.i else None
        if previous is not None and previous.norm_ in ("قد", "لقد") and previous.i:
            previous = doc[previous.i - 1]
        if previous is None:
            return False
        return previous.norm_ in words("back_reference_cues") - words("subject_pronouns") or any(
            m.label == "FORCE" and m.end == previous.idx + len(previous.text) for m in before)

    def _unnamed_subject(self, doc: Doc, token, last, before: list[Mention], event_type: str = "") -> bool:
        """The subject is counted or a country, not a force: «مدمرتان أميركيتان ستغادران»,
        «طائرتين مسيّرتين مفخختين استهدفتا», «وكانت الولايات المتحدة قد نشرت», «سحبت فرنسا»;
        the actor is then not sought in earlier sentences."""
        near = [m for m in before if _words_between(doc, m.end, token.idx) <= 2]
        if any((m.label == "QUANTITY" and m.attrs.get("unit") in _subject_units())
               or m.attrs.get("kind") == "country" for m in near):
            return True
        end = last.idx + len(last)
        after = next((m for m in doc._.mentions or [] if m.start >= end), None)
        if after is not None and after.attrs.get("kind") == "country" and _words_between(doc, end, after.start) == 0:
            return True
        return event_type == "DEPLOYMENT" and any(m.label == "QUANTITY" and m.attrs.get("unit") in ("sites", "bases")
                   and m.start >= end and _words_between(doc, end, m.start) <= 3
                   for m in doc._.mentions or [])  # «كان ينتشر في سورية 28 موقعاً أميركياً»

    @staticmethod
    def _force_antecedent(doc: Doc, token, before: list[Mention]) -> Mention | None:
        """A force right before «التي/الذي» (a comma between or not) is the subject of the
        relative clause's verb (guidelines §8.2: a trigger in a relative clause counts)."""
        at = token.i - 1
        if at > 0 and doc[at].norm_ in relative_auxiliaries():
            at -= 1  # «قوات الحزام الأمني التي كانت تتمركز فيه»
        if at < 0 or doc[at].norm_ not in RELATIVES:
            return None
        relative = doc[at]
        forces = [m for m in before if m.end <= relative.idx]
        last = forces[-1] if forces else None
        if last is None or last.label != "FORCE" or _gap_tokens(doc, last.end, relative.idx) > 1:
            return None
        return last

    def _repelled(self, doc: Doc, token) -> bool:
        """A repelling word shortly before the attack («صدّ هجوم», «تصدّت الدفاعات الجوية لهجوم»)."""
        window = doc[max(self._sentence.start, token.i - 6):token.i]
        return any(t.norm_ in words("repel_words") for t in window)

    def _speaker_force(self, doc: Doc, token) -> Mention | None:
        """A quote's «we» («سحبنا كتيبتين», «أعدنا تموضع», «وقواتنا تنتشر») or «his troops» as a
        verb's subject («أكد قائد ميداني في … أن قواته انسحبت») is the force its speaker commands or
        speaks for, the nearest named before with a title («قائد اللواء السابع», «قائد ميداني في
        قوات دفاع شبوة»); None when nothing says «we» (nor «صدّت كتيبته هجوماً»: no verb)."""
        norms, starts = token_norms(doc), token_starts(doc)
        before = norms[max(self._sentence.start, token.i - 3):token.i]
        his_troops = before and our_troops(before[-1], ("ه",)) and trigger_tense(token.norm_) != "noun"
        if not (says_we(token.norm_) or before and we_govern(before[-1])
                or any(our_troops(norm) for norm in before) or his_troops):
            return None
        titles = words("speaker_titles")
        forces = [m for m in doc._.mentions or [] if m.label == "FORCE" and m.end <= token.idx]
        for mention in reversed(forces):
            at = bisect_left(starts, mention.start)
            title = next((i for i in range(at - 1, max(0, at - 4) - 1, -1) if norms[i] in titles), None)
            if title is not None:  # «قائد الفرقة الثالثة في الشرطة الاتحادية»: the unit he commands
                return next((m for m in forces if bisect_left(starts, m.start) == title + 1), mention)
        return None

    def _named_by_bare_noun(self, doc: Doc, token, last) -> Mention | None:
        """A bare definite force noun as the trigger's subject, right before or after it
        («الكتيبة أخلت», «يُخلي الجهاز»), stands for the nearest force named before with that
        noun at its head («الكتيبة الغانية», «جهاز الردع») (guidelines §8.4)."""
        mentions = doc._.mentions or []
        governed = words("place_prepositions") | words("other_prepositions")  # «الفرقة الخامسة في الجيش سلّمت»
        adjacent = [doc[at] for at in (token.i - 1, last.i + 1) if 0 <= at < len(doc)
                    and not (at == token.i - 1 and at > 0 and doc[at - 1].norm_ in governed)]
        for subject in adjacent + self._troops_of_bare_noun(doc, token, last):
            norm = lam_to_al(subject.norm_)  # «للفرقة»
            if norm not in words("bare_force_nouns") \
                    or any(m.start <= subject.idx < m.end for m in mentions):
                continue
            heads = {norm, norm[2:]}
            earlier = [m for m in mentions if m.label == "FORCE" and m.end <= subject.idx
                       and _key(m.text).split(" ")[0].removeprefix("ل") in heads | {"ال" + h for h in heads}]
            if earlier:
                return earlier[-1]
        return None

    def _troops_of_bare_noun(self, doc: Doc, token, last) -> list:
        """Bare unit nouns naming whose troops the clause moves: «تمركزت سريتان من الفرقة ذاتها»,
        «وصل رتل للفرقة», «هاجم مسلحو الحركة» (the noun right after troops, «من» or «ل»)."""
        members = words("member_nouns")
        counted = {m.end for m in doc._.mentions or [] if m.label == "QUANTITY"}
        span = doc[max(self._sentence.start, token.i - 4):min(self._sentence.end, last.i + 5)]
        return [t for t in span if t.i > 1 and t.i not in (token.i, last.i) and (
            doc[t.i - 1].norm_ in members or t.norm_.startswith("لل") or doc[t.i - 1].norm_ == "من" and (
                doc[t.i - 2].norm_ in members or doc[t.i - 2].idx + len(doc[t.i - 2]) in counted))]

    def _planner(self, doc, token, before: list[Mention], in_clause: list[Mention]) -> Mention | None:
        """The force named between a governing word and the event noun («خطة للجيش الأردني
        لإغلاق»): whose plan it is, unless the noun moves a force of its own («بقرار القيادة
        نشر كتيبة حرس الحدود»: the battalion acts)."""
        governor = self._verb_before(doc, token)
        if governor == token.i - 1 or doc[governor].norm_ not in governing_verbs() \
                or any(m.label == "FORCE" and m.start > token.idx for m in in_clause):
            return None
        subject = before[-1] if before and before[-1].label == "FORCE" else None
        return subject if subject is not None and subject.start > doc[governor].idx else None

    def _after_min(self, doc, in_clause, last, label: str) -> Mention | None:
        end = last.idx + len(last)
        for mention in in_clause:
            before = self._word_before(doc, mention.start)
            if mention.label == label and mention.start >= end and before is not None \
                    and before.norm_ == "من":
                return mention
        return None

    def _back_reference(self, doc: Doc, earlier: list[Mention]) -> Mention:
        """The nearest earlier force (guidelines §8.4) that is a subject: not after a role
        word or a possessive «ل» («أعلنت القوات الأمريكية أنها … . وبدأت القوات الانسحاب»);
        never the owner of a unit («اللواء 106 التابع للقوات المسلحة»), unless none is left."""
        prepositions = self.role_words | words("other_prepositions")  # «بالتعاون مع الجيش»
        units = [m for m in earlier if not self._owned_by(doc, m)]
        subjects = [m for m in units if not self._possessive(doc, m)
                    and getattr(self._word_before(doc, m.start), "norm_", "") not in prepositions
                    and not _object_of_purpose(doc, m)]
        return (subjects or units or earlier)[-1]

    def _claimant(self, doc: Doc, in_clause: list[Mention]) -> Mention | None:
        """The force that claims the attack in the same clause («وتبنّته المقاومة الإسلامية»)."""
        for mention in in_clause:
            before = self._word_before(doc, mention.start)
            if mention.label == "FORCE" and before is not None and before.norm_ in words("claims"):
                return mention
        return None


def _words_between(doc: Doc, start: int, end: int) -> int:
    """How many words stand between two offsets (adjectives, «قد»); 99 across punctuation, «و»
    or «من» («نحو 1500 جندي من قواتها يتمركزون»: they belong to a force)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return 0 if not doc_text(doc)[start:end].strip() else 99
    return len(span) if all(t.is_alpha and not t._.is_clitic and t.norm_ != "من" for t in span) else 99
