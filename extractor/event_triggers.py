"""Finding event triggers and judging them: the rules behind ``EventExtractor`` that
say which words start an event (a trigger, a light verb and its noun, a run of one
type) and which do not (negated, hypothetical, a question, a demand, civil news,
a back-reference to an event already reported).

The civil reading (``event_civil``) is mixed in here. The vocabulary is in
``models/lexicons/triggers.yaml``; ``EventExtractor`` mixes these rules in beside
``ArgumentRules``.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from .event_civil import CivilRules
from .event_clauses import (
    RELATIVES,
    _arrival_moment,
    _describes_sites,
    _foreign_article,
    _in_committee_name,
    _in_quoted_name,
    _labelled_move,
    _may,
    _negated_copula,
    _negated_plan,
    _no_evidence,
    _restated,
    _scare_quoted,
    _still,
    doc_norm,
    governed_by,
    own_relative_clause,
)
from .event_lexicon import (
    blockers,
    config,
    lookup_trigger,
    other_reading,
    trigger_index,
    trigger_tense,
    verb_before_pronoun,
    without_enclitic,
    words,
    words_of,
)
from .language import doc_text, token_norms
from .mentions import Mention
from .normalize import CLOSING_QUOTES, OPENING_QUOTES
from .word_forms import future_form, reads_as

if TYPE_CHECKING:
    from .events import Event

__all__ = ["RELATIVES", "TriggerRules", "doc_norm"]

_ALTERNATIVE = "او"  # «أو» normalized: «إخلاء نقطة أو تسليمها», one status for both


class TriggerRules(CivilRules):
    """Trigger rules; ``EventExtractor`` mixes them in (they read its lexicon state and
    ``self._sentence``, the sentence being read)."""

    def _refers_to_reported(self, token, kind: tuple[str, str], found: list[Event]) -> bool:
        """«وتبنّت الجماعة الهجوم», «الغارة أسفرت عن مقتل…»: a definite event noun after an
        event of its type was reported refers back to it, unless a role follows it («الغارة على…»)
        or its own launching verb names who did it («الهجوم الصاروخي الذي شنه الحرس الثوري»)."""
        if kind[1] != "noun" or not token.norm_.startswith("ال") or not any(e.type == kind[0] for e in found):
            return False
        following = [doc_norm(token, offset) for offset in (1, 2, 3)]
        if set(following[:2]) & self.role_words or set(following) & words("launch_verbs"):
            return False
        return not (kind[0] == "ATTACK" and own_relative_clause(token) is not None)

    def _hits(self, sentence, mentions) -> list[tuple[Any, Any, tuple[str, str]]]:
        """Trigger tokens; a run of same-type triggers within the window is one hit."""
        hits: list[tuple[Any, Any, tuple[str, str]]] = []
        doc, norms, execute_verbs = sentence.doc, token_norms(sentence.doc), config().get("execute_verbs", {})
        index = trigger_index()
        for at in range(sentence.start, sentence.end):
            norm = norms[at]
            kind = lookup_trigger(norm)
            if kind is None and norm not in execute_verbs and not (norm.endswith("ه") and norm[:-1] in index):
                continue  # no trigger can start here: look no further (no Token made)
            if other_reading(norms, at, sentence.start, sentence.end):
                continue  # «لهجوم غادر»: an adjective; «حتى فجر اليوم التالي»: dawn, not «فجّر»
            token = doc[at]
            kind = kind or self._executes_strikes(token, mentions) or _verb_with_object(token)
            if kind is None or _inside(token, mentions) or self._needs_passive(token) or _in_quoted_name(norms, at) \
                    or _in_committee_name(norms, at):
                continue
            if kind[1] == "past" and token.text.endswith("تُ"):
                continue  # «وصلتُ إلى كفر زيتا»: «I», a reporter or a witness, not a force
            if kind[1] == "past" and norm.endswith(("ت", "وا")) and at > sentence.start \
                    and norms[at - 1] in words("place_prepositions"):
                continue  # «إلى دكوا»: no inflected past verb follows a preposition, a place does
                # (a bare «في توغّل» is the verbal noun)
            if kind[1] in ("noun", "present") and token.i > 0 and doc_norm(token, -1) == "ل" \
                    and any(hit[2][0] == kind[0] for hit in hits):
                continue  # «نشرت … سربين لتعزيز حماية المنشآت»: the purpose of the event named before
            if hits and hits[-1][2][0] == kind[0] and self._same_event(hits[-1], token, kind):
                first_kind = hits[-1][2]
                if first_kind[1] == "noun" and kind[1] != "noun":
                    first_kind = kind  # «تعزيزات إضافية ستصل»: the verb carries the tense
                hits[-1] = (hits[-1][0], token, first_kind)
                continue
            hits.append((token, token, kind))
        return hits

    @staticmethod
    def _executes_strikes(token, mentions) -> tuple[str, str] | None:
        """«نفّذت فجر اليوم ثلاث ضربات»: «نفّذ» and a count of strikes a few words on is an
        attack named by the verb (the strike noun is inside the count)."""
        tense = config().get("execute_verbs", {}).get(token.norm_)
        if tense is None:
            return None
        doc = token.doc
        window_end = doc[min(len(doc) - 1, token.i + 12)].idx  # «نفّذت القوة الجوية العراقية، ظهر اليوم، ضربتين»
        if any(m.label == "QUANTITY" and m.attrs.get("unit") == "strikes" and token.idx < m.start <= window_end
               for m in mentions):
            return "ATTACK", tense
        return None

    @staticmethod
    def _needs_passive(token) -> bool:
        """«نقل» is an event only after «جرى/تم» («جرى نقل 300 عسكري»); «نقل عن مصدر» is not."""
        bare = token.norm_[1:] if token.norm_[:1] in ("و", "ف") else token.norm_
        if not any(bare.startswith(form) for form in words("passive_only")):
            return False  # (also «ونقلهم»: a pronoun or a conjunction on the noun)
        before = token.doc[max(0, token.i - 5):token.i]  # «جرى صباح أمس الاثنين نقل»
        return not any(t.norm_ in words("passive_markers") for t in before)

    def _same_event(self, hit, token, kind) -> bool:
        """Whether a trigger continues the previous one: adjacent, or a light verb and its
        noun («شنت … غارات»), or a noun and its verb («هجوم … استهدف»), with no comma between."""
        first, last, first_kind = hit
        gap = token.i - last.i
        comma = any(t.norm_ in {"،", ","} for t in token.doc[last.i:token.i])
        noun_then_verb = first_kind[1] == "noun" and kind[1] != "noun"
        if comma and (noun_then_verb or (first_kind[1] != "noun" and kind[1] != "noun")):
            return False  # «وعقب الكمين، شنّت الطائرات غارات»: the noun names an earlier event; «تتمركز فيه، ونشرت»
        if first_kind[1] != "noun" and kind[1] != "noun" and (
                first.norm_ in self.object_dependent or verb_before_pronoun(first.norm_) in self.object_dependent):
            return False  # «أخلتها وسحبت عناصرها»: a closure or a withdrawal, decided by its object
        if gap <= self.window + 1:
            return True
        if _light_verb(first.norm_) and kind[1] == "noun":
            return gap <= int(config().get("light_verb_object_reach", 14))
        if gap > int(config().get("light_verb_reach", 8)):
            return False
        return not comma and noun_then_verb

    # -- one trigger -----------------------------------------------------

    @staticmethod
    def _named_trigger(doc: Doc, token, last):
        """The word that names the event: after a light verb, its noun («شنت … غارات» →
        غارات, «وصلت … تعزيزات» → تعزيزات, guidelines §8); else the first trigger."""
        if not _light_verb(token.norm_):
            return token
        nouns = [t for t in doc[token.i + 1:last.i + 1] if trigger_tense(t.norm_) == "noun"]
        return nouns[-1] if nouns else token

    def _blocked(self, doc: Doc, token, last) -> bool:
        """Negated («لم تنسحب»), hypothetical («في حال انسحاب», «ضربات محتملة»), or
        not an event at all (a demand, an option under study, a stopped action)."""
        start, norms = max(self._sentence.start, token.i - self.window), token_norms(doc)
        after = norms[token.i + 1: min(self._sentence.end, last.i + 3)]  # inside a joined hit too
        # («لهجوم بحري افتراضي تشنّه»: the noun's adjective before the verb that launches it)
        clause_start = self._clause_before(doc, token).start
        clause = [norms[at] for at in range(clause_start, token.i) if not _foreign_article(norms, at)]
        previous = doc[token.i - 1] if token.i > self._sentence.start else None
        start = max([start, *(at + 1 for at in range(start, token.i) if norms[at] in words("contrast_words"))])
        window = [norms[at] for at in range(start, token.i) if not _still(norms, at)
                  and not _foreign_article(norms, at) and not _negated_copula(norms, at, token.i)]
        return ((self._question and any(mark in doc_text(doc)[token.idx:self._sentence.end_char] for mark in "؟?"))
                # a question asserts no event (an answer after «؟» does: «س: كم جندياً؟ ج: … يتمركزون»)
                or any(reads_as(norm, blockers()) and not (reads_as(norm, words("negators"))
                                                            and self._only(doc, last.i)) for norm in window)
                or any(norm in words_of("hypothetical_after", "habitual_after") for norm in after)
                or any(norm in words("habitual_words") for norm in window)
                or (previous is not None and previous.norm_ in words("trend_nouns"))
                or self._if_it_happens(norms, last.i)
                or any(reads_as(norm, words("clause_blockers")) or norm in words("conditionals") for norm in clause)
                or _restated(doc, token)
                or self._denied_complement(doc, token)
                or self._causative(doc, token, last, previous)
                or self._conditional(doc, token, last)
                or _may(norms, clause_start, token.i, self._sentence.start)
                or _scare_quoted(doc, token, last)
                or _labelled_move(doc, token)
                or _arrival_moment(doc, token)
                or _no_evidence(clause)
                or _negated_plan(clause)
                or _describes_sites(token)
                or self._hearsay(doc, token)
                or self._refuted(doc, token)
                or governed_by(doc, token, self._sentence.start, words("recommendation_verbs")))  # «توصي القيادة، …، بتعزيز»

    def _hearsay(self, doc: Doc, token) -> bool:
        """The trigger is inside quotation marks opened after a word of rumour («بتعليق يقول
        إن «…»», «زعم ناشروه أنه يُظهر «…»»): a claim a fact-check examines."""
        for at in range(token.i - 1, self._sentence.start - 1, -1):
            text = doc[at].text
            if text in CLOSING_QUOTES:
                return False
            if text in OPENING_QUOTES:
                before = token_norms(doc)[max(self._sentence.start, at - 6):at]
                return any(norm in words("hearsay_before_quote") for norm in before)
        return False

    def _refuted(self, doc: Doc, token) -> bool:
        """«ورد في التقرير أن اللواء انسحب من المعسكر. والصحيح أن …», «ذكر الخبر أن الجيش دفع
        بجنود، وهذا غير صحيح»: a reported claim the text refutes after it."""
        norms, sentence = token_norms(doc), self._sentence
        if not any(norms[at] in words("claim_reports") for at in range(sentence.start, token.i)):
            return False
        refutations = words("refutations")

        def refutes(at: int) -> bool:
            words_at = norms[at + 1:at + 6] if norms[at] == "و" else [norms[at].removeprefix("و"), *norms[at + 1:at + 5]]
            return any(" ".join(words_at[:refutation.count(" ") + 1]) == refutation for refutation in refutations)

        return any(refutes(at) for at in range(token.i + 1, sentence.end)) \
            or (sentence.end < len(doc) and refutes(sentence.end))

    def _only(self, doc: Doc, last: int) -> bool:
        """«لم تنشر الفرقة … سوى سرية واحدة», «لم ينسحب الجيش من القلعة إلا فجر 24 أيار»: a
        negation with «سوى»/«إلا» and a count, a force or a date after the trigger (a few words
        on, in its sentence) says only, and the event took place («لم يصل منها إلا القليل»
        stays negated)."""
        end = min(self._sentence.end, last + 9)
        return any(doc[at].norm_ in words("exception_words") and at + 1 < end
                   and doc[at + 1].ent_type_ in ("QUANTITY", "FORCE", "TIME") for at in range(last + 1, end))

    def _if_it_happens(self, norms: list[str], last: int) -> bool:
        """«انسحاب الجيش من جبل البلق، إن حدث، سيفتح الطريق»: «if it happens» set after the
        event (up to the sentence's end) makes it hypothetical."""
        following = norms[last + 1:self._sentence.end]
        return any(f"{a} {b}" in words("if_it_happens") for a, b in zip(following, following[1:]))

    def _conditional(self, doc: Doc, token, last) -> bool:
        """«ستدفع الفرقة بتعزيزات … في حال تعرّضت القرى لقصف»: a planned event on a condition
        stated after it, before the clause ends, is hypothetical."""
        kind = trigger_tense(token.norm_)
        norms = token_norms(doc)
        if kind != "past" and self._main_clause_of_condition(norms, token.i):
            return True  # «في حال لم تُسدَّد المساهمات، سنضطر إلى إغلاق ثلاث قواعد»
        if kind != "future" and not (kind == "noun" and future_form(norms[self._verb_before(doc, token)])):
            return False  # «قد ينسحب» is hypothetical with a condition or without (``_may``)
        if any(norm in words("conditionals") for norm in norms[self._sentence.start:token.i]):
            return True  # «وفي حال تكررت الهجمات، قد تنشر لندن بطارية ثانية»: the condition first
        for norm in norms[last.i + 1: min(self._sentence.end, last.i + 9)]:
            if norm in {"،", ","}:
                return False
            if norm in words("conditionals"):
                return True
        return False

    def _main_clause_of_condition(self, norms: list[str], at: int) -> bool:
        """The trigger opens the clause right after a condition («في حال رصد أي تسلل، يُدفع
        فوراً بوحدات»): one comma between, and no new statement («…»، لافتاً إلى أن …»)."""
        start = self._sentence.start
        condition = next((i for i in range(at - 1, start - 1, -1) if norms[i] in words("conditionals")), None)
        if condition is None:
            return False
        commas = [i for i in range(condition + 1, at) if norms[i] in {"،", ","}]
        new_statement = _new_statement_words()
        return len(commas) == 1 and at - commas[0] <= 4 \
            and not any(norms[i] in new_statement for i in range(commas[0] + 1, at))

    def _causative(self, doc: Doc, token, last, previous) -> bool:
        """«ما دفع الأسر إلى النزوح»: «دفع» as "prompted", and «دفع المحامي بأن …» as "argued",
        not a deployment (see triggers.yaml)."""
        if token.norm_ not in words("causative_verbs"):
            return False
        if previous is not None and previous.norm_ in words("causative_openers"):
            return True
        for following in doc[last.i + 1: min(self._sentence.end, last.i + 10)]:
            if following.norm_ == "بان" or (following._.is_clitic and following.norm_ == "ب"
                                             and doc_norm(following, 1) == "ان"):
                return True  # «دفع وكيل المدان بأن موكله …»
            if following._.is_clitic and following.norm_ == "ب":
                return False  # «دفع الجيش بتعزيزات إلى …»
            if following.norm_ == "الي":  # «إلى», normalized
                after = doc[following.i + 1] if following.i + 1 < len(doc) else None
                return after is not None and after.norm_ in words("causative_complements")
        return False

    def _denied_complement(self, doc: Doc, token) -> bool:
        """The trigger sits in «أن …» after a denial verb, with no contrast in between, or is
        what denied reports were about («نفت الهيئة ما تداولته منصات عن انسحاب ألويتها»)."""
        complement, norms = False, token_norms(doc)
        if token.i - 2 >= self._sentence.start and norms[token.i - 1] == _ALTERNATIVE:
            earlier = next((doc[at] for at in range(token.i - 2, max(self._sentence.start, token.i - 6) - 1, -1)
                            if lookup_trigger(norms[at])), None)
            if earlier is not None:  # «عن نية الجيش إخلاء نقطة «الدبشة» أو تسليمها»: denied with it
                return self._denied_complement(doc, earlier)
        noun = trigger_tense(token.norm_) == "noun"
        for at in range(token.i - 1, self._sentence.start - 1, -1):
            if norms[at] in words("scope_breaks"):
                return False
            if noun and without_enclitic(norms[at]) in words("denial_verbs"):
                return True  # «نفت الحركة، عبر إذاعتها، انسحاب مقاتليها», «نفيه "انسحاب أي وحدات"»: its object
            noun = noun and not (norms[at] in words("statement_verbs") or lookup_trigger(norms[at]))
            complement = complement or norms[at] in words("complementizers") \
                or (token.i - at <= 5 and norms[at] == "عن")  # «عن نية الجيش اللبناني إخلاء»
            if complement and (norms[at] in words("denial_verbs")
                               or at > self._sentence.start and f"{norms[at - 1]} {norms[at]}" in words("denial_verbs")):
                return True  # «نفى», «لا صحة لما …»
        return False



def _inside(token, mentions: list[Mention]) -> bool:
    return any(m.start <= token.idx < m.end for m in mentions)  # «فجر اليوم» is a time, not «فجّر»


def _verb_with_object(token) -> tuple[str, str] | None:
    """«فقد غادره نحو ٢٠٠ جندي», «الموقع الذي هاجمه», «بعد أن غادره اللواء»: a masculine past
    verb with the object pronoun ه; «سيُعاد نشره»: a verbal noun with its pronoun. Normalization
    writes the feminine ending ة as ه too («غادرة»), so the verb is read only where the text
    spells ه, or after «قد» or a relative."""
    norm = token.norm_
    if not norm.endswith("ه") or len(norm) < 4 or token.i == 0:
        return None
    found = trigger_index().get(norm[:-1])
    if found is not None and found[1] == "noun":  # «أعيد نشره», not «نشرة» (a bulletin) nor «فيديو نشره» (posted)
        return found if token.text.endswith("ه") and doc_norm(token, -1) in words("noun_pronoun_cues") else None
    if found is None or found[1] != "past" or not (
            token.text.endswith("ه") or doc_norm(token, -1) in words("object_pronoun_cues")):
        return None
    return found


def _light_verb(norm: str) -> bool:
    """«دفعت», «شنوا», and in the first person «دفعنا بتعزيزات»: a verb whose noun names the event."""
    return norm in words("light_verbs") or (norm.endswith("نا") and norm[:-2] in words("light_verbs"))


@cache
def _new_statement_words() -> frozenset[str]:
    """Words that open a new statement after a condition («…»، لافتاً إلى أن …»)."""
    return words("statement_complementizers") | words("clause_breaks") | words("statement_verbs")
