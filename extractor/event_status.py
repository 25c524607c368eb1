"""An event's status: completed, ongoing or planned (guidelines §8.2), from a governing verb
(«بدأت الانسحاب», «تعتزم سحب»), an agreement's «على أن», a future verb before an event noun,
the tense of the trigger, a past state («كانت … تتمركز») and a headline's reporting present.
``EventExtractor`` mixes these rules in; they read its sentence and window.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from .event_clauses import governed_by
from .event_lexicon import lookup_trigger, words
from .language import doc_text, token_norms
from .word_forms import future_form

__all__ = ["StatusRules"]

_TENSE_STATUS = {"past": "completed", "present": "ongoing", "future": "planned"}


class StatusRules:
    """Status rules; ``_verb_before`` also serves the actor rules (``event_parties``)."""

    def _verb_before(self, doc: Doc, token) -> int:
        """The word before an event noun (and its «ل»), or before the force named right before it:
        the subject of a light verb («سيعيد سلاح الجو السلطاني تموضع») or the owner of a plan
        («خطة للجيش الأردني لإغلاق»), with the «ل» of the force skipped too."""
        at = token.i - 1
        if at > self._sentence.start and doc[at]._.is_clitic:
            at -= 1
        subject = next((m for m in doc._.mentions or [] if m.label == "FORCE"
                        and m.end == doc[at].idx + len(doc[at])), None)
        if subject is not None:
            while at > self._sentence.start and doc[at].idx > subject.start:
                at -= 1  # back over the force's words (no Span made: this runs for every event)
            at -= 1
            if at > self._sentence.start and doc[at]._.is_clitic:
                at -= 1
        return max(self._sentence.start, at)

    def _status(self, doc: Doc, token, tense: str) -> str:
        start, norms = max(self._sentence.start, token.i - self.window - 1), token_norms(doc)
        governor = self._verb_before(doc, token)
        before = set(norms[start:token.i]) | {norms[governor]}
        openers = tuple(words("planned_openers"))
        for gap in (0, 1):  # «على أن ينسحب», «على أن يجري إخلاء»: what an agreement provides for
            if " ".join(norms[start:max(start, token.i - gap)]).endswith(openers):
                return "planned"
        if tense == "future" or (tense == "noun" and token.i + 1 < self._sentence.end
                                 and norms[token.i + 1] in words("planned_after")):
            return "planned"  # «لا يزالون في الشمال سيغادرون»: the verb's own سـ outranks a state before it
        for status in ("planned", "completed", "ongoing"):
            if before & words("status_governors", status):
                return status
        if tense == "noun" and token.i > self._sentence.start and future_form(norms[governor]):
            return "planned"  # «ستعيد نشر سريتين», «سيعيد سلاح الجو تموضع سرب»: a verb in the future
            # governs the event noun, its subject between them or not
        if tense == "present" and _in_headline(doc, token.idx) \
                and norms[token.i].removeprefix("و") not in words("headline_states"):
            return "completed"  # «الجيش الكويتي يدفع بتعزيزات إلى السالمي»: a headline's present is news
        if tense == "present" and (set(norms[max(self._sentence.start, token.i - 2):token.i]) & words("past_negators")
                                   or any(t.norm_ in words("past_continuous") for t in self._clause_before(doc, token))):
            return "completed"  # «كان ينتشر في سورية 28 موقعاً»: a past state (guidelines §8.2);
            # «لم تنشر … سوى سرية»: the jussive after «لم» is past
        if governed_by(doc, token, self._sentence.start, words("threat_verbs")):
            return "planned"  # «وتوعّدت الجبهة، في بيان، بمهاجمة …»
        if tense == "noun" and (governed := self._governor_before(norms, token.i)) is not None:
            return governed  # «يواصل الجيش السوداني، لليوم الثاني على التوالي، هجوماً مضاداً»
        return _TENSE_STATUS.get(tense, self.noun_default)

    def _governor_before(self, norms: list[str], at: int) -> str | None:
        """The status of a governing verb of an event noun past the subject, a time and an aside,
        in the same clause and with no verb trigger between («بدأت ثلاثة ألوية من الحشد الشعبي،
        صباح اليوم، عملية إعادة انتشار», «أن القوات السعودية تواصل منذ مطلع الشهر الجاري قصفها»)."""
        first, breaks, governors = self._sentence.start, _clause_breaks(), _governors()
        coordinated = at > first and norms[at - 1] == "و"  # «إخلاء النقطة، ونشر سريتين»: one governor
        for back in range(at - 1, max(first, at - GOVERNOR_REACH) - 1, -1):
            if (status := governors.get(norms[back].removeprefix("و"))) is not None:
                return status
            found = lookup_trigger(norms[back])
            if norms[back] in breaks or (found is not None and (found[1] != "noun" or not coordinated)):
                return None  # another clause, a time adjunct («إثر هجوم»), or another event governs what follows
        return None


#: How many words back a governing verb may stand from its event noun.
GOVERNOR_REACH = 15


@cache
def _governors() -> dict[str, str]:
    """Governing word → the status it gives an event noun it reaches from afar (planned first:
    «ستواصل» is a plan; «قبل» and the other completed governors only matter right before)."""
    return {norm: status for status in ("ongoing", "planned") for norm in words("status_governors", status)}


@cache
def _clause_breaks() -> frozenset[str]:
    """Words opening another clause or an adjunct: a complementizer, a relative, «فيما», «حيث»,
    «بعد», «إثر»."""
    return (words("statement_complementizers") | words("subordinate_openers") | words("clause_breaks")
            | words("scope_breaks") | words("place_relatives") | words("time_adjunct_heads")
            | words("event_adjunct_heads") | {":"})


def _in_headline(doc: Doc, at: int) -> bool:
    """``at`` is on a line above the article's first sentence, which does not end a sentence
    itself: a headline or a sub-headline, where the present tense reports what happened."""
    text = doc_text(doc)
    body = doc.user_data.get("body_start")
    if body is None:  # where the first line ending a sentence ends: once per Doc
        first = _BODY_BEFORE.search(text)
        body = doc.user_data["body_start"] = first.end() if first else len(text) + 1
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    line = text[start:end if end >= 0 else len(text)].rstrip()
    return start < body and bool(line) and line[-1] not in _SENTENCE_ENDS


_SENTENCE_ENDS = frozenset(".!?؟:»\"")
_BODY_BEFORE = re.compile(r"[.!?؟][»\"]?[ \t]*\n")
