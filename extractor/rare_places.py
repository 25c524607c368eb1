"""Unknown names told by their rarity: a word the news seldom uses, where places stand.

``arabic_rare_places`` runs after ``arabic_place_lists``. No gazetteer holds every
village, so a word no list knows is a PLACE when two things agree: where it stands
(right after a cue of direction or proximity, «قرب القسيمة», «باتجاه الكونتيلا»;
or joined by و to a known place, «بقيق وخريص», «المحرق والبسيتين»; or after a bare
«في»/«من»/«إلى» when the word is all but unheard-of, «إلى دوانزا») and what it is,
a rare word (not among the news' words of ``models/gazetteer/news_words.txt``,
generated from wordfreq: «القسيمة» has a Zipf frequency of 2.7, «التلة» 3.2).
The word filters of the place lists apply (no common word, descriptor, trigger,
adjective or future verb), and a word made rare only by its ending is no name: a
possessive pronoun on a common noun («قرب سياجها»), a dual or plural in construct
(«شرق مخيمي», «أطراف قريتين»), a future verb («سيقابلون»).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .language import doc_text, token_norms
from .lexicons import context_words, with_conjunctions
from .mentions import Mention
from .normalize import strip_al
from .place_context import PlaceLists
from .place_names import attached_conjunction, complete_name, position_word
from .place_words import nationality_adjectives, proximity_cue
from .quantity_lexicon import counting_word
from .text import DASHES
from .word_forms import (
    DUAL_ENDINGS,
    PRONOUN_ENDINGS,
    VERB_OBJECT_ENDINGS,
    common_form,
    frequent_words,
    is_news_word,
    past_plural_verb,
    pronoun_form,
    unheard_of,
    verb_form,
)

__all__ = ["RarePlaces"]

#: Endings of a verb in the past tense, plural, also with an object pronoun («وأضرموا», «وأبلغنا»,
#: «وأدرجناها», «وأحرقوها»): after a و, no name.
_VERB_ENDINGS = ("وا", "نا", *VERB_OBJECT_ENDINGS)  # not «وه», «ناه»: ة normalizes to ه («ولقاوة»)

_NOUN_PLURAL = (("ات", ""), ("ات", "ه"))  # «توغلات» of «توغل», «السيطرات» of «السيطرة»


def _unheard_of(token) -> bool:
    """After a bare «في»/«من»/«إلى», a word the news has almost never written, nor its stem
    under an ending, is a name, mostly a village no gazetteer holds («إلى دوانزا», «في بدنايل»);
    its و stays on it: no conjunction comes right after a preposition («إلى وولغو»)."""
    norm = token.norm_  # a dual's or a plural's ending only on a definite word («التجمعين»),
    # and the plural of a verbal noun of the news on any («توغلات» of «توغل»)
    endings = PRONOUN_ENDINGS + (DUAL_ENDINGS if norm.startswith("ال") else ()) + _NOUN_PLURAL
    return token.is_alpha and unheard_of(norm, prefixes=(), endings=endings)


class RarePlaces(PlaceLists):
    """Adds PLACE candidates for rare words after a place cue or beside a known place."""

    def __init__(self, name: str, score: float) -> None:
        super().__init__(name, score)
        self.cues = context_words("place_cues") | context_words("rare_place_cues")
        self.adverbs = context_words("direction_adverbs")
        self.compounds = context_words("compound_first")
        self.prepositions = with_conjunctions(context_words("bare_place_prepositions"))  # «وفي قبريخا»
        self.compass = context_words("locating_compass")
        self.road_heads = context_words("road_heads")

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc._.mentions or []
        covered = [(m.start, m.end) for m in mentions if m.label in ("PLACE", "BASE", "FORCE", "QUANTITY", "TIME")]
        norms = token_norms(doc)
        found: list[Mention] = []
        for at, norm in enumerate(norms):  # one pass: a word has one word before it, so no two rules race
            if norm in self.cues and at + 1 < len(doc):
                following = at + 2 if norm == "بالقرب" and norms[at + 1] == "من" else at + 1
                found += self._rare(doc, following, covered, f"a rare word after {norm}")
            elif at + 2 < len(doc) and (cue := proximity_cue(norms, at + 2)):
                found += self._rare(doc, at + 2, covered, f"a rare word after {cue}")
            elif norm in self.prepositions and at + 1 < len(doc) and _unheard_of(doc[at + 1]):
                found += self._after_preposition(doc, at + 1, covered, f"an unheard-of word after {norm}")
            elif norm in self.adverbs and at >= 2:  # «بين رأس سدر شمالاً وأبو زنيمة جنوباً»
                compound = self._first_word(doc, at - 2) in self.compounds
                found += self._rare(doc, at - 2 if compound else at - 1, covered, f"a rare word before {norm}")
        found += self._located(doc, [m for m in mentions if m.label == "PLACE" and m.source != "model"], covered)
        found += self._road_ends(doc, [m for m in mentions + found if m.label == "PLACE"], covered)
        queue = sorted((m for m in mentions + found if m.label == "PLACE"), key=lambda m: m.start)
        while queue:  # «باتجاه القسيمة والكونتيلا»: a member found here takes the next one
            place = queue.pop(0)
            index = self._token_after(doc, place.end)
            if index is not None and (norms[index - 1] == "و" or attached_conjunction(doc[index])):
                joined = self._rare(doc, index, covered, f"a rare word joined to {place.text}")
                found += joined
                queue[:0] = joined
        doc._.mentions = mentions + found
        return doc

    def _rare(self, doc: Doc, index: int, covered: list[tuple[int, int]], why: str) -> list[Mention]:
        """The rare name (one word, or a compound's first word and a rare second) at ``index``."""
        if index >= len(doc):
            return []
        word = self._member(doc, index, covered, compound_ok=True)
        if word is None:
            return []
        text = doc_text(doc)
        member = Mention("PLACE", word[0], word[1], text[word[0]:word[1]], score=self.score,
                         source="rules", reason=f"context:{why}")
        complete_name(doc, member, listed=True)  # «رأس سدر», «أبو زنيمة»: the second word must be rare
        token, compounds = doc[index], self.compounds
        first_text = token.text[1:] if attached_conjunction(token) else token.text
        first = self._first_word(doc, index)
        last = doc[self._token_at(doc, member.end - 1)]
        if attached_conjunction(token) and (is_news_word(token.norm_) or first.endswith(_VERB_ENDINGS)
                                            or verb_form(first) or pronoun_form(token.text, token.norm_)):
            return []  # «وعرة» is a word, not و + «عرة»; «وأضرموا», «ويستولون» verbs; «وحداتها» a noun of hers
        core = doc[last.i - 1] if last.i > index and position_word(last.norm_) else last  # «حومين الفوقا»
        if core.i == index:  # one word: rare, and no compound's first word left alone («قرب تل»)
            rare = first not in compounds and not is_news_word(first) and not common_form(first_text, first)
        else:
            rare = first in compounds and not is_news_word(core.norm_) and not common_form(core.text, core.norm_)
        if not rare:
            return []
        after = last.i + 1
        if last.i == index and after < len(doc) and self._rare_second(doc[after]):
            member.end = doc[after].idx + len(doc[after].text)  # «بويرات الحسون», «كفير يابوس»: a rare second word
            member.text = text[member.start:member.end]
        covered.append((member.start, member.end))
        return [member]


    def _after_preposition(self, doc: Doc, index: int, covered: list[tuple[int, int]], why: str) -> list[Mention]:
        """The rare name after a bare preposition, with the و the splitter would take off it:
        no conjunction comes right after «إلى» («إلى وولغو»)."""
        token = doc[index]
        if not attached_conjunction(token):
            return self._rare(doc, index, covered, why)
        start, end = token.idx, token.idx + len(token.text)
        if any(s < end and start < e for s, e in covered):
            return []
        covered.append((start, end))
        return [Mention("PLACE", start, end, token.text, score=self.score, source="rules", reason=f"context:{why}")]

    def _located(self, doc: Doc, places: list[Mention], covered: list[tuple[int, int]]) -> list[Mention]:
        """«إلى ارتاح وفرعون جنوبي طولكرم»: the words between a bare preposition and a compass
        word before a known place are names, rare or not; a common noun, a pronoun's noun or a
        trigger among them is no name, and then none is («إلى مواقعها جنوب طولكرم»)."""
        norms, text, found = token_norms(doc), doc_text(doc), []
        for place in places:
            at = self._token_at(doc, place.start) - 1
            last = at
            while at >= 0 and norms[at] in self.compass:
                at -= 1
            if at == last or at < 1:
                continue
            chain = [at]  # back over «و» to the preposition: «ارتاح وفرعون», «ارتاح و فرعون»
            while chain[0] >= 2 and norms[chain[0] - 1] not in self.prepositions:
                joined = norms[chain[0] - 1] == "و" or attached_conjunction(doc[chain[0]])
                if not joined or len(chain) == 3:
                    break
                chain.insert(0, chain[0] - (2 if norms[chain[0] - 1] == "و" else 1))
            if norms[chain[0] - 1] not in self.prepositions:
                continue
            spans = [self._member(doc, index, covered, adjective_ok=True) for index in chain]
            if None in spans or all({(word := self._first_word(doc, index)), strip_al(word)} & frequent_words()
                                    for index in chain) \
                    or any(pronoun_form(doc[index].text, norms[index]) for index in chain):
                continue  # «في جبهات جنوب مأرب», «من المواجهات جنوب طرابلس»: one word at least must be
                # no frequent word, «ال» or not; «من
                # مقاره قرب سدة الهندية», «من أحد معسكراته في فاقوس»: a noun of its own names nothing
            for start, end in spans:
                covered.append((start, end))
                found.append(Mention("PLACE", start, end, text[start:end], score=self.score, source="rules",
                                     reason=f"context:located beside {place.text}"))
        return found

    def _road_ends(self, doc: Doc, places: list[Mention], covered: list[tuple[int, int]]) -> list[Mention]:
        """«على طريق سفاجا – القصير», «طريق الشلاق – قبر عمير»: after a road head and a place, a
        dash names the road's other end, a name even if it is also a word («طريق الهرمل – القصر»)."""
        norms, found = token_norms(doc), []
        if not self.road_heads.intersection(norms):
            return found  # most articles name no road
        for place in places:
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            at, dash = (span.start - 1, span.end) if span is not None else (-1, len(doc))
            if at < 0 or norms[at] not in self.road_heads or dash + 1 >= len(doc) \
                    or doc[dash].text not in DASHES or not doc[dash].whitespace_:
                continue
            word = self._member(doc, dash + 1, covered, compound_ok=True, adjective_ok=True, common_ok=True)
            if word is None:
                continue
            member = Mention("PLACE", word[0], word[1], doc_text(doc)[word[0]:word[1]], score=self.score,
                             source="rules", reason=f"context:road from {place.text}")
            complete_name(doc, member, listed=True)  # «قبر عمير», «الشيخ هلال»
            covered.append((member.start, member.end))
            found.append(member)
        return found

    def _rare_second(self, token) -> bool:
        norm = token.norm_
        return token.is_alpha and not token._.is_clitic and not attached_conjunction(token) and not is_news_word(norm) and norm not in self.not_names \
            and norm not in nationality_adjectives() and not common_form(token.text, norm) and not counting_word(norm) \
            and not any(norm.endswith(dual) and is_news_word(norm[:-3] + "ه") for dual in ("تين", "تان")) \
            and not past_plural_verb(norm)  # «المجاورتين»; «في بدهادي حذروا»: a verb

    @staticmethod
    def _first_word(doc: Doc, index: int) -> str:
        """The NORM of the word at ``index``, a و the splitter left on it removed."""
        token = doc[index]
        return token.norm_[1:] if attached_conjunction(token) else token.norm_

    @staticmethod
    def _token_at(doc: Doc, char: int) -> int:
        span = doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else len(doc) - 1


@Language.factory("arabic_rare_places", default_config={"score": 0.55}, assigns=["doc._.mentions"])
def make_rare_places(nlp: Language, name: str, score: float) -> RarePlaces:
    """``score``: the confidence of a place known only by its rarity and where it stands."""
    return RarePlaces(name, score)
