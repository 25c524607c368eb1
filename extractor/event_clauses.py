"""What the words of a trigger's clause say about it, read from the Doc's NORMs: «قد» makes it
possible, «لا دليل» unproven, quotation marks a named claim, «لا تزال» is "still", «لو» opening a
quoted name is a French article, and a verb of threat or recommendation governs «ب» + the event
noun past commas. ``event_triggers`` judges triggers with them.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from .event_lexicon import trigger_tense, without_enclitic, words, words_of
from .language import token_norms
from .lexicons import context_words
from .normalize import CLOSING_QUOTES, OPENING_QUOTES
from .text import QUOTE_MARKS
from .word_forms import RELATIVES, imperfect_verb_form, reads_as, reads_as_adjective

__all__ = ["doc_norm", "governed_by", "own_relative_clause", "time_adjunct"]



def own_relative_clause(token) -> int | None:
    """«الضربة الجوية الدقيقة التي نفّذتها مقاتلات …», «الهجوم الذي تعرضت له نقطة بالوظة»: the
    index of a relative pronoun within three words of a definite strike noun when a past verb
    telling its target or author follows; that clause is the noun's own, a new attack. After a
    superlative or a copular pronoun the noun restates one («أعنف الهجمات التي تعرضت لها»,
    «وهو الهجوم الذي تبنّته الجماعة»)."""
    if not token.norm_.startswith("ال") \
            or doc_norm(token, -1) in words_of("restating_superlatives", "copular_pronouns"):
        return None
    verbs = words("relative_strike_verbs")
    for offset in (1, 2, 3):
        if doc_norm(token, offset) in RELATIVES:
            verb = doc_norm(token, offset + 1)
            verb = verb[1:] if verb[:1] in ("و", "ف") and verb[1:] in verbs else verb
            return token.i + offset if verb in verbs else None
    return None


def _no_evidence(clause: list[str]) -> bool:
    """«ولا دليل على … انسحاب الجيش»: what no evidence shows did not happen."""
    return any(f"{a} {b}" in words("no_evidence") for a, b in zip(clause, clause[1:]))


def _describes_sites(token) -> bool:
    """«الحواجز المنتشرة على الطرق», «المواقع المتمركزة»: a participle describing sites, not
    troops, says where they stand; nothing was deployed."""
    return token.norm_ in words("participles") \
        and doc_norm(token, -1) in words_of("closure_objects", "dismantled_objects")


def _negated_plan(clause: list[str]) -> bool:
    """«ولا تعتزم القوات البريطانية نشر طائرات», «لم تقرر القيادة سحب …»: a negated verb of
    intent or decision earlier in the clause plans nothing (past the trigger's near window)."""
    plans = words("status_governors", "planned")
    return any(norm in plans and reads_as(before, words("negators")) for before, norm in zip(clause, clause[1:]))


def _scare_quoted(doc: Doc, token, last) -> bool:
    """«"انسحاب" أمريكي و"هجوم" على رأس الخيمة»: a trigger alone in quotation marks is a claim
    being named (a fact-check's headline), not an event reported."""
    return token.i > 0 and last.i + 1 < len(doc) and doc[token.i - 1].text in QUOTE_MARKS \
        and doc[last.i + 1].text in QUOTE_MARKS


def _labelled_move(doc: Doc, token) -> bool:
    """«ما جرى "إعادة انتشار تكتيكية"», «في أكبر إعادة انتشار تشهدها المنطقة»: «إعادة» + a move
    noun with no force, place or count after it, only an adjective and then the end of the
    phrase (a quote, a stop, «وليس …», a verb with its object pronoun), names the kind of a move
    already told, not a new event (guidelines §8.1)."""
    norms = token_norms(doc)
    if token.i == 0 or norms[token.i - 1] != "اعاده" or token.norm_ not in words("labelled_moves"):
        return False
    at = token.i + 1
    if at < len(doc) and not norms[at].startswith("ال") and reads_as_adjective(norms[at]):
        at += 1  # «تكتيكية», «روتينية»
    if at >= len(doc) or doc[at].is_punct or doc[at].text in QUOTE_MARKS or norms[at] in words("label_ends"):
        return True
    return norms[at].endswith("ها") and imperfect_verb_form(norms[at][:-2])  # «تشهدها», «تفرضها»


def _arrival_moment(doc: Doc, token) -> bool:
    """«قبل وصول البدائل», «لدى وصوله إلى سيوة», «زمن الوصول»: the arrival dates or measures
    something else; «منعت المزارعين من الوصول»: an arrival prevented; «للوصول إلى رام الله»: a
    purpose. No event in any of them."""
    if token.i == 0 or without_enclitic(token.norm_) not in words("arrival_nouns"):
        return False
    before = token_norms(doc)[token.i - 1]
    return before in words("arrival_moment_words") or token.norm_ == "للوصول" \
        or (before in ("من", "ل") and token.norm_ == "الوصول")  # «سلوك طرق ترابية للوصول إلى رام الله»


def dated_aside(doc: Doc, comma) -> bool:
    """A date alone between two commas («نشرت الوزارة الروسية، أمس، مقطعاً»): an aside, not a
    new clause."""
    at = comma.i + 1
    while at < len(doc) and doc[at].ent_type_ == "TIME":
        at += 1
    return at > comma.i + 1 and at < len(doc) and doc[at].norm_ in ("،", ",")


def _restated(doc: Doc, token) -> bool:
    """An event noun after a demonstrative or «أي» («وبهذا الانسحاب», «أي هجوم على الحديدة»), or
    after «في» and a superlative («في أعنف هجوم تشهده المنطقة»), refers to an event already told
    or to none (guidelines §8.1)."""
    if token.i == 0 or trigger_tense(token.norm_) != "noun":
        return False
    norms = token_norms(doc)
    return norms[token.i - 1] in words_of("demonstratives", "any_words") or (
        norms[token.i - 1] in words("restating_superlatives") and token.i > 1 and norms[token.i - 2] == "في")


def time_adjunct(doc: Doc, token) -> int | None:
    """The «بعد»/«قبل» opening «بعد (نحو) ثلاثة أيام من» right before an event noun, if any."""
    norms = token_norms(doc)
    if token.i < 2 or norms[token.i - 1] != "من":
        return None
    for at in range(token.i - 2, max(-1, token.i - 7), -1):
        if norms[at] in words("time_adjunct_heads"):
            return at if at < token.i - 2 else None  # a distance in time between them
        if not doc[at].is_alpha and not doc[at].like_num:
            return None
    return None


def doc_norm(token, offset: int) -> str:
    """The NORM of the token ``offset`` places away (empty outside the doc)."""
    at = token.i + offset
    norms = token_norms(token.doc)
    return norms[at] if 0 <= at < len(norms) else ""


def _negated_copula(norms: list[str], at: int, trigger_at: int) -> bool:
    """«لم يكن الهجوم الذي نفّذه … حدثاً معزولاً»: the negator at ``at`` governs the copula right
    after it, whose subject is the definite event noun; the event took place."""
    return at + 2 == trigger_at and norms[at + 1] in words("copulas") and norms[trigger_at].startswith("ال")


def _still(norms: list[str], at: int) -> bool:
    """«لا» or «ما» in «لا تزال» / «ما زالت» («ولا تزال» too): "still", not a negation."""
    return at + 1 < len(norms) and norms[at] in ("لا", "ما", "ولا", "وما") and norms[at + 1] in words("still_verbs")


def _may(norms: list[str], start: int, end: int, sentence_start: int) -> bool:
    """«قد» before an imperfect says "may": «قد ينسحب الفيلق», and what it governs, «قد يدفع
    الفرقة إلى شنّ هجوم», is possible, not an event («قد انسحب», a past, has happened)."""
    return any(norms[at] in words("may_particles")
               and (at + 1 == end and trigger_tense(norms[end]) == "present"
                    or at + 1 < end and _imperfect(norms[at + 1]))
               and not any(norm in words("past_continuous") for norm in norms[sentence_start:at])  # «وكان … قد»
               and not any(norm in RELATIVES for norm in norms[at + 2:end])  # «التي قد يلاحظها … التي ستتسلّم»
               for at in range(start, end))


def _imperfect(norm: str) -> bool:
    """An imperfect after «قد»: a trigger's present, a verb with a frequent twin person, or any
    word in ي («قد يغري»: a past rarely starts with it, while «قد تعرّض» is a past, «فقد تعرّض
    المعسكر لهجوم»: a passive governor without «يت»/«تت» is one)."""
    if norm in words("passive_governors") and not norm.startswith(("ي", "تت")):
        return False
    return trigger_tense(norm) == "present" or imperfect_verb_form(norm) \
        or (norm.startswith("ي") and len(norm) >= 3)


def _foreign_article(norms: list[str], at: int) -> bool:
    """«لو» or «لا» opening a quoted name («لو فيغارو», «لا ريبوبليكا»): a French or Italian
    article, not "if" or "no"."""
    return norms[at] in ("لو", "لا") and at > 0 and norms[at - 1] in OPENING_QUOTES \
        and at + 2 < len(norms) and norms[at + 2] in CLOSING_QUOTES | OPENING_QUOTES


def governed_by(doc: Doc, token, sentence_start: int, verbs: frozenset[str]) -> bool:
    """«ب» + the event noun governed by one of ``verbs`` even past commas and phrases («وتوعّدت
    الجبهة، في بيان، بمهاجمة …», «توصي القيادة، في حال …، بتعزيز المخافر»)."""
    norms = token_norms(doc)
    return token.i > 0 and norms[token.i - 1] == "ب" \
        and any(norms[at] in verbs for at in range(max(sentence_start, token.i - 20), token.i))


@cache
def _name_heads() -> frozenset[str]:
    return words("quoted_name_heads") | context_words("operation_words")


def _in_quoted_name(norms: list[str], at: int) -> bool:
    """«وسام «فجر الجرود»»: the trigger opens or is inside a quoted name after a naming head."""
    for quote in range(at - 1, max(-1, at - 4), -1):
        if norms[quote] in QUOTE_MARKS:
            return quote > 0 and norms[quote - 1] in _name_heads()
    return False


def _in_committee_name(norms: list[str], at: int) -> bool:
    """«لجنة تنسيق إعادة الانتشار»: a definite event noun ending a construct an indefinite
    committee noun heads (up to two indefinite nouns between) names the committee."""
    if not norms[at].startswith("ال"):
        return False
    for back in range(at - 1, max(-1, at - 4), -1):
        if norms[back] in words("committee_heads"):
            return True
        if norms[back].startswith("ال") or not norms[back].isalpha():
            return False
    return False
