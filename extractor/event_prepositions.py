"""The preposition in front of a mention, and the role it gives («إلى» → destination,
«في» → location, «على» → an attack's target): the word before a mention once descriptors,
site nouns, border phrases and «بالقرب من» are stepped over, the spatial noun a «ل» links to
its place, a stretch's governing preposition, and the locating words between two places.
``ArgumentRules`` builds on these.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .event_lexicon import words
from .event_links import (
    _leaving_or_reaching,
    _locating_links,
    _token_before,
    _token_before_name,
    _unnamed_places,
    with_possessive_off,
)
from .language import token_norms, token_starts
from .lexicons import COMPASS_WORDS
from .mentions import Mention

__all__ = ["PrepositionRules"]

#: What each role may be filled by.
_ROLE_LABELS = {"origin": {"BASE", "PLACE"}, "destination": {"BASE", "PLACE"},
                "location": {"BASE", "PLACE"}, "target": {"BASE", "FORCE", "PLACE"},
                "recipient": {"FORCE"}}
#: Prepositions that put forces at a site («في مطار X»); «قرب مطار X» only locates.
_SITE_PREPOSITIONS = frozenset({"في", "الي", "من", "ب"})
#: Which prepositional roles each type takes, in order of preference.
_ROLES_BY_TYPE = {
    "WITHDRAWAL": ("origin", "destination"),
    "DEPLOYMENT": ("destination", "location", "origin"),  # origin: where the forces come from
    "BASE_TRANSFER": ("recipient", "location"),
    "BASE_CLOSURE": ("location",),
    "ATTACK": ("target", "location"),
}
#: Prepositions borrowed from another role: a withdrawal «في» a place leaves from it.
_BORROWED = {"WITHDRAWAL": {"location": "origin"}, "DEPLOYMENT": {"target": "location"}}  # «انتشر على التلال»


class PrepositionRules:
    """Preposition-reading rules; they read the extractor's word sets (``roles``, ``descriptors``…)."""

    def _after_other_preposition(self, doc: Doc, mention: Mention) -> bool:
        before = self._word_before(doc, mention.start)
        return before is not None and before.norm_ in words("other_prepositions")

    def _has_role_word(self, doc: Doc, mention: Mention) -> bool:
        before = self._word_before(doc, mention.start)
        return before is not None and self._role_word(before.norm_) in self.role_words

    def _role_word(self, norm: str) -> str:
        """The preposition without a conjunction written on it («وفي», «وإلى»)."""
        return norm[1:] if norm[:1] == "و" and norm[1:] in self.role_words else norm

    def _word_before(self, doc: Doc, char: int):
        """The word before a mention, skipping descriptors («إلى مدينة الأبيض» → إلى), a
        border phrase («باتجاه الحدود مع مالي» → باتجاه), the «من» of «بالقرب من» and the quote mark
        opening a name («من "اليونيفيل"» → من)."""
        token = _token_before_name(doc, char)
        while token is not None and token.i > 0:
            if token.norm_ in self.descriptors or token.norm_ in self.area_nouns:
                token = doc[token.i - 1]  # «في سوق سنوني» → في
            elif token.norm_ in self.site_heads and (site_at := self._site_preposition(doc, token.i)) is not None:
                token = doc[site_at]  # «في مطار تفتناز», «وفي مطار أربيل»,
                # «في محيط مطار نيالا»; not «قرب مطار بغداد» (a landmark)
            elif token.norm_ == "مع" and token.i > 1 and doc[token.i - 1].norm_ in words("border_words"):
                token = doc[token.i - 2]
            elif token.norm_ == "من" and doc[token.i - 1].norm_ in self.near_words:
                token = doc[token.i - 1]  # «بالقرب من الشلامجة»: near, not from
            elif (token.norm_ == "في" or token.norm_ in COMPASS_WORDS or token.norm_ in self.near_words) \
                    and (base := self._unnamed_base_before(doc, token)) is not None:
                token = doc[base.i - 1]  # «إلى قواعدها في دولو», «من مقاره قرب سدة الهندية»
            elif token.norm_ == "ل" and token.i > 2 and doc[token.i - 1].norm_ in words("facing_words"):
                token = doc[token.i - 3]  # «إلى المياه المقابلة لرأس الخير»: the preposition of the phrase
            elif token.i > 2 and doc[token.i - 1].norm_ in words("descriptive") \
                    and doc[token.i - 2].norm_ in _unnamed_places() and self._role_word(doc[token.i - 3].norm_) in self.role_words:
                token = doc[token.i - 3]  # «في القرى الواقعة بين آمرلي وطوزخورماتو»: the villages' «في»
            else:
                break
        return token

    def _site_preposition(self, doc: Doc, head: int) -> int | None:
        """The index of the preposition that puts forces at the site whose head is at ``head``,
        area nouns between passed («في محيط مطار نيالا»), or None («قرب مطار بغداد»)."""
        at = head - 1
        while at > 0 and doc[at].norm_ in self.area_nouns:
            at -= 1
        return at if self._role_word(doc[at].norm_) in _SITE_PREPOSITIONS else None

    def _unnamed_base_before(self, doc: Doc, link):
        """The unnamed base a locating word follows, a definite genitive between or not, when
        «إلى» or «من» governs it («إلى معسكرات التأهيل في مدينة أعزاز», «إلى مواقعها شرق مخيمي
        المغازي», «إلى مقر قيادتها في الشوبك»): the place after the link then takes that
        preposition's role."""
        for at in (link.i - 1, link.i - 2):
            if at < 1:
                return None
            if self._unnamed_base(doc[at]) and doc[at - 1].norm_ in _leaving_or_reaching():
                return doc[at]
            if not doc[at].norm_.startswith("ال") and len(with_possessive_off(doc[at].norm_)) == 1:
                return None  # a genitive is definite or possessed («معسكرات التأهيل», «مقر قيادتها»)
        return None

    @staticmethod
    def _unnamed_base(token) -> bool:
        """A base noun that names no base («قواعدها», «مقرها», «المعسكر»)."""
        return bool(with_possessive_off(token.norm_) & words("closure_objects"))

    def _stretch_preposition(self, doc: Doc, prep, trigger_end: int):
        """The preposition governing a stretch whose ends ``prep`` opens («على طول الشريط الممتد
        من القائم إلى ربيعة» → على), when the stretch follows the trigger; else None."""
        norms, starts = token_norms(doc), token_starts(doc)
        stretch_words = words("stretch_words")
        at = prep.i - 1
        while at > prep.i - 12 and at >= 0 and starts[at] >= trigger_end and norms[at] not in stretch_words:
            at -= 1
        if at < 0 or starts[at] < trigger_end or norms[at] not in stretch_words:
            return None
        for before in range(at - 1, max(at - 7, -1), -1):
            if starts[before] < trigger_end:
                return None
            if norms[before] not in stretch_words and self._role_word(norms[before]) in self.role_words:
                return doc[before]
        return None

    def _spatial_noun_between(self, doc: Doc, before, mention: Mention) -> bool:
        """A spatial noun between a target's preposition and the place («على أطراف بلدة دوكة»):
        the town is where the attack fell, not what it hit."""
        last = _token_before(doc, mention.start)
        spatial = self.roles.get("location", ())
        return last is not None and any(t.norm_ in spatial for t in doc[before.i + 1:last.i + 1])

    def _spatial_head(self, doc: Doc, lam) -> str | None:
        """The spatial noun a «ل» links to its place («المدخل الغربي لـ», «أطراف لـ»), its
        compass adjectives stepped over: the place is located, not the attack's object."""
        at = lam.i - 1
        while at >= self._sentence.start and doc[at].norm_ in _locating_links():
            at -= 1
        if at < self._sentence.start:
            return None
        noun = doc[at].norm_
        bare = noun[2:] if noun.startswith("ال") else noun
        if bare in self.roles.get("location", ()):
            return bare
        if (bare in self.area_nouns or bare in self.descriptors) and at > self._sentence.start:
            return self._role_word(doc[at - 1].norm_)  # «في الحي الشرقي لبلدة الخيام»: the area's «في»
        return None

    def _locates(self, doc: Doc, previous_end: int, start: int) -> bool:
        """Only locating words («في», «قرب», «جنوبي», «الواقعة في», «أقصى غرب», a descriptor)
        stand between the previous argument and this mention."""
        if previous_end < 0 or start <= previous_end:
            return False
        between = doc.char_span(previous_end, start, alignment_mode="contract")
        if between is None or not 0 < len(between) <= 5:
            return False
        norms = [t.norm_ for t in between]
        links = _locating_links()
        if any(n in self.role_words and n not in self.locating and n not in links for n in norms):
            return False  # «من البصرة باتجاه الكويت»: a new role, not a locating place
        return all(n in self.locating or n in self.descriptors or n in self.markers or n in links
                   or n in {"،", ","} for n in norms) \
            and any(n in self.locating for n in norms)

    def _describes_previous(self, doc: Doc, prep, trigger_end: int, own: int | None = None) -> bool:
        """A preposition inside a relative or descriptive phrase («الواقعة في», «أكبر قاعدة في»)
        after the trigger («التي تحشد مقاتليها في النهود»: the trigger's own clause is no such phrase,
        nor the relative at ``own`` that tells a strike noun's target: «الهجوم الذي تعرضت له …»)."""
        start, norms, starts = max(self._sentence.start, prep.i - 3), token_norms(doc), token_starts(doc)
        return any(norms[at] in words("descriptive") and starts[at] >= trigger_end and at != own
                   for at in range(start, prep.i))

    def _role_for(self, prep: str, event_type: str, label: str) -> str | None:
        borrowed = _BORROWED.get(event_type, {})
        for role in (*_ROLES_BY_TYPE[event_type], *borrowed):
            if prep in self.roles.get(role, ()):
                role = borrowed.get(role, role)
                if label in _ROLE_LABELS[role]:
                    return role
        return None
