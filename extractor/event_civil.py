"""Civil news that looks like an event: the subject or object that makes a trigger civil
(«نشرت الوزارة تقريراً», «انتشار المرض», «انسحب الوفد من الاجتماع»), read in the words
around the trigger and stopped where another clause, an «amid» or a purpose begins.

``TriggerRules`` (``event_triggers``) builds on these rules; the vocabulary is in
``models/lexicons/triggers.yaml`` (``civil``, ``civil_subjects``, ``non_military_objects``,
``amid_words``, ``purpose_nouns``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from .event_clauses import RELATIVES, dated_aside, doc_norm
from .event_lexicon import (
    civil_form,
    civil_words,
    opens_aside,
    published_text,
    verb_before_pronoun,
    without_enclitic,
    words,
)
from .language import token_norms
from .normalize import CLOSING_QUOTES, OPENING_QUOTES
from .text import QUOTE_MARKS
from .word_forms import after_lam

__all__ = ["COMMAS", "CivilRules", "NAME_LABELS"]

NAME_LABELS = frozenset({"FORCE", "PLACE", "BASE", "ORG", "PERSON"})  # a count's noun is read
COMMAS = frozenset({"،", ",", "؛", ";"})


class CivilRules:
    """The civil reading of a trigger; mixed into ``TriggerRules`` (reads ``self._sentence``)."""

    def _clause_before(self, doc: Doc, token):
        """The words from the last comma (or the sentence start) up to the trigger, an aside
        of attribution between commas passed over («وتدرس القيادة، بحسب المصادر، نشر …»)."""
        start, norms = self._sentence.start, token_norms(doc)
        commas = [at for at in range(start, token.i) if norms[at] in COMMAS]
        while commas:
            comma = commas.pop()
            opens = comma + 1 < token.i and opens_aside(norms, comma + 1)
            closes = commas and opens_aside(norms, commas[-1] + 1) and all(  # «، بـ"انسحاب»: no word between
                len(norms[at]) <= 1 or not norms[at].isalpha() for at in range(comma + 1, token.i))
            if not (opens or closes):
                return doc[comma + 1:token.i]
        return doc[start:token.i]

    def _non_military(self, doc: Doc, token, last, event_type: str) -> bool:
        """A subject or object that makes the trigger civil news («نشرت تقريراً», «انتشار المرض»)."""
        nearby = [*doc[token.i + 1:last.i + 1], *self._next_words(doc, last, 5)]  # subject, object
        civil = civil_words(event_type)
        if event_type == "DEPLOYMENT":  # «نشرنا يوم الأحد ٨ مارس تقريراً»: published, past a date
            after = " ".join(t.norm_ for t in doc[last.i + 1:last.i + 4])
            if any(after == below or after.startswith(below + " ") for below in words("published_below")):
                return True  # «ننشر فيما يلي أبرز ما ورد فيه»
            later = self._next_words(doc, last, 9, NAME_LABELS | {"TIME"})
            nearby += later[:3]
            if any(t.norm_ in civil and t.norm_.endswith("ا") or published_text(doc, t) for t in later[3:]):
                return True  # «نشرت وزارة الدفاع الوطني الكندية مساء أمس بياناً», «… نص الإحاطة»: an
                # object (accusative, or a noun in construct), past a long subject
        back = 2 if token.i > 0 and doc[token.i - 1].norm_ in RELATIVES else 1  # «التقرير الذي نشرته»
        if verb_before_pronoun(token.norm_) is not None or without_enclitic(token.norm_) != token.norm_:
            back = 3  # «وفق بيان مقتضب نشرته الكتيبة», «في منشورات ورقية نشرها»: the pronoun takes
            # up a noun just before
        preceding = doc[max(self._sentence.start, token.i - back):token.i]
        if any(civil_form(t.norm_, civil, conjoined=True) and t.ent_type_ not in NAME_LABELS for t in preceding) \
                or any(civil_form(t.norm_, civil) and t.ent_type_ not in NAME_LABELS for t in nearby):
            return True  # «نشرت قيادة الجيش تقريرها», «نشرت الوزارة مقطعاً»: possessive or accusative
            # (not a name: «… شمال صور ستُخلى», Tyre, not pictures)
        if event_type == "BASE_CLOSURE" and any(t.norm_ in words("closure_non_bases") for t in nearby[:2]):
            return True  # «إغلاق الطريق», «أغلقت السلطات المجال الجوي»: subject, then object
        clause = self._clause_before(doc, token)
        said = max((t.i + 1 for t in clause if t.norm_ in words("statement_complementizers")), default=clause.start)
        if any(t.norm_ in words("civil_subjects") for t in doc[max(said, token.i - 5):token.i]):
            return True  # «وكان وفد عسكري رفيع قد وصل إلى الرياض» (not «وقال الرئيس إن الجيش انسحب»)
        if event_type != "WITHDRAWAL":
            return False
        following = self._next_words(doc, last, 6, NAME_LABELS | {"TIME"})  # «انسحبت مطلع العام من المجموعة»
        whence = next((at for at, t in enumerate(following[:-1]) if t.norm_ == "من" and at >= 2), None)
        following = following[:3] + ([following[whence + 1]] if whence is not None else [])
        objects = words("non_military_objects")  # «انسحب عدد من شيوخ العشائر من اجتماع»: what is left
        return any(t.norm_ in objects or f"{t.norm_} {t.nbor().norm_ if t.i + 1 < len(doc) else ''}"
                   in objects for t in following)

    def _next_words(self, doc: Doc, last, count: int, skip: frozenset[str] = NAME_LABELS) -> list:
        """The next ``count`` words of the sentence after ``last``, names and quotes skipped
        («نشرت "جبهة تحرير أزواد" بياناً»: the object comes after the subject's name). A comma
        and a conjunction start another clause, and so does a comma after the first word
        («تمركز اللواء 53 فيه، بحسب بيان»): their words are not this trigger's; a relative aside
        on the subject is passed over («نشرت القوة، التي تتخذ من نجامينا مقراً لها، بياناً»)."""
        found, quoted, aside = [], 0, False
        for t in doc[last.i + 1:self._sentence.end]:
            if aside or (t.norm_ in COMMAS and (doc_norm(t, 1) in RELATIVES and not found or dated_aside(doc, t))):
                aside = not (aside and t.norm_ in COMMAS)  # a relative or a date between commas
                continue
            if t.norm_ in COMMAS and (doc_norm(t, 1) in {"و", "ف"} or found) \
                    or found and (t.norm_ in words("amid_words") or _opens_purpose(doc, t)):  # «… في صوفارا وسط مخاوف السكان»
                break  # «غادرت القوات قاعدة صرين، وقال مراسلون روس…» (not «نشرت القيادة، اليوم، بياناً»)
            quoted += (t.text in OPENING_QUOTES) - (t.text in CLOSING_QUOTES and quoted > 0)
            if quoted or t.text in CLOSING_QUOTES:
                continue  # «نشر «مركز البحر الأحمر للدراسات» تحليلاً»: a quoted name is one word
            if t.ent_type_ not in skip and t.text not in QUOTE_MARKS and t.norm_ not in COMMAS and not t._.is_clitic:
                found.append(t)
                if len(found) == count:
                    break
        return found


def _opens_purpose(doc: Doc, token) -> bool:
    """«لحماية السكان», «للحفاظ على» after the trigger: what the deployment is for, not who deploys."""
    noun = doc_norm(token, 1) if token.norm_ == "ل" and token._.is_clitic else after_lam(token.norm_)
    return noun in words("purpose_nouns")
