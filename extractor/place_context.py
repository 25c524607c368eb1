"""Candidates judged by their neighbours, once every tagger has spoken.

``arabic_place_lists``: unknown names coordinated with known places are places too.

«انتشر الجيش في بلدات كفرشوبا وشبعا والهبارية»: once one member of a list is a
PLACE and the list is introduced by a plural descriptor (بلدات، قرى، مدن،
مدينتي …), the other members are PLACE even when no gazetteer lists them.
Without such a head, a word is taken when a known place follows it too
(«الرقة والكرامة والطبقة» takes الكرامة) or when the list goes on past it
(«في سنجة والدندر والسوكي»): two members alone («في حلب والمعارك») are not a
list. Common words (mostly O in ANERcorp), triggers, descriptors and
adjectives never become places. The names heading the bulleted items of a list under a
place's heading are places too («محافظة صنعاء:» / «• سنحان: …», «• أرحب: …»).

``arabic_place_filters`` (``place_filters``) judges every PLACE once all taggers
have spoken. A list after a plural or dual descriptor, or three or more names after a
preposition of place, gives every member («بلدتي جويا ومعركة», «إلى تاورغاء
وأبو قرين والوشكة»). (``arabic_abbreviations`` is in ``force_context``.)
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from .event_lexicon import lookup_trigger
from .language import doc_text, token_norms
from .lexicons import COMPASS_WORDS, context_words
from .mentions import Mention
from .normalize import normalize, strip_al, vocalized_word
from .place_names import (
    _DUAL_ENDINGS,
    _compound_first,
    _descriptors,
    _name_words,
    attached_conjunction,
    complete_name,
    pointing_descriptor,
)
from .place_words import (
    JOINERS,
    LIST_ENDS,
    after_preposition,
    after_preposition_descriptors,
    nationality_adjectives,
)
from .quantity_lexicon import quantity_lexicon
from .text import item_start
from .word_forms import (
    IMPERFECT_PREFIXES,
    common_words,
    frequent_words,
    heard_of,
    is_frequent_adjective,
    is_news_word,
    past_plural_form,
    past_plural_verb,
    possessed_form,
    pronoun_form,
    verb_form,
    verbal_noun_form,
)

__all__ = ["PlaceLists"]

_RULE_LABELS = frozenset({"PLACE", "BASE", "FORCE", "QUANTITY", "TIME"})
_NOT_NAME_ENDINGS = ("ات", "ت")
_HEAD_PROCLITICS = ("و", "ب", "ل", "ف")  # «بقريتي السماقيات وبلوزة», «وقرى …»


def _past_with_object(doc: Doc, index: int, word: str) -> bool:
    """A word in ت right before an indefinite accusative is a past verb and its object
    («طلوسة وجرفت طريقاً زراعياً»), whatever its stem («وتاركينت» stays a name); a past verb
    has three letters before its ت («وغات بدءاً» is a town)."""
    return word.endswith("ت") and len(word) >= 4 and index + 1 < len(doc) \
        and doc[index + 1].text.endswith(("اً", "ًا"))


def _item_blocks(text: str) -> list[tuple[tuple[int, int] | None, list[tuple[int, int]]]]:
    """Runs of bulleted lines that open with one to three words and a colon («• سنحان: …»):
    (the line above the run, the (start, end) of each opening name)."""
    blocks: list[tuple[tuple[int, int] | None, list[tuple[int, int]]]] = []
    heading, current, at = None, None, 0
    for line in text.split("\n"):
        head = _item_head(line)
        if head is not None:
            if current is None:
                current = (heading, [])
                blocks.append(current)
            current[1].append((at + head[0], at + head[1]))
        elif line.strip():
            heading, current = (at, at + len(line)), None  # any other line ends the run
        at += len(line) + 1
    return blocks


def _item_head(line: str) -> tuple[int, int] | None:
    """(start, end) in ``line`` of the name between an item's opener and a colon, or None."""
    start = item_start(line)
    if start is None or ":" not in line[start:start + 40]:
        return None
    end = len(line[:line.index(":", start)].rstrip())
    return (start, end) if 1 <= len(line[start:end].split()) <= 3 else None



class PlaceLists:
    """Adds PLACE candidates for the unknown members of a list of places."""

    def __init__(self, name: str, score: float) -> None:
        self.name = name
        self.score = score
        self.heads = context_words("place_list_heads")
        self.heads_behind_proclitic = self.heads | {p + head for p in _HEAD_PROCLITICS for head in self.heads}
        self.descriptors = context_words("place_descriptors")
        self.adjectival = after_preposition_descriptors()
        self.list_prepositions = context_words("place_list_prepositions")
        self.pair_prepositions = context_words("place_pair_prepositions")
        self.not_names = (context_words("place_descriptors") | context_words("place_cues")
                          | context_words("name_stopwords") | context_words("ordinals")
                          | context_words("unit_heads") | context_words("force_heads") | context_words("base_heads")
                          | context_words("camp_purposes")  # «مخيمات اللجوء»
                          | context_words("not_places")  # «من التباب المطلة على …»: no name
                          | context_words("operation_words") | context_words("exercise_words"))  # «مناطق التمرين»
        counted = quantity_lexicon()  # «بين قتيل وجريح»: counted nouns join no list of names by themselves
        self.counted_nouns = frozenset(counted.units) | frozenset(counted.duals)

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc._.mentions or []
        # longest last, so a start keeps its longest name («الشونة الجنوبية», not the head's «الشونة»)
        places = sorted((m for m in mentions if m.label in ("PLACE", "BASE")), key=lambda m: (m.start, m.end))
        covered = [(m.start, m.end) for m in mentions if m.label in _RULE_LABELS]  # not the model's PERSON
        by_start = {m.start: m for m in places}
        found: list[Mention] = []
        for place in places:
            head, index = self._headed(doc, place), self._token_after(doc, place.end)
            headed = described = head is not None  # «بلدتي القليعة وبرج الملوك»: a compound member takes any second word
            most, count, anded = (2 if head is not None and self._dual(head) else None), 1, False
            while index is not None and (most is None or count < most):  # «قضاءي القائم وراوة، تنطلق»: two
                comma = self._comma_joined(doc, index)
                if comma and anded:
                    break  # «قرى الزور والمخدرة، تباب …»: a list closed by و goes on with no comma
                anded, count = anded or not comma, count + 1
                known = by_start.get(doc[index].idx) or by_start.get(doc[index].idx + 1)
                if known is not None:  # a member already found: the list goes on after it
                    index = self._token_after(doc, known.end)
                    continue
                word = self._member(doc, index, covered)
                if word is None:
                    break
                word = self._two_word_member(doc, index, word)  # «وشمبات الأراضي والصافية»
                following = self._token_after(doc, word[1])
                sandwiched = following is not None and (
                    doc[following].idx in by_start or doc[following].idx + 1 in by_start)
                continued = following is not None and self._member(doc, following, covered) is not None
                if not (headed or sandwiched or continued) or (comma and not (sandwiched or continued)):
                    break  # «جرود الهرمل، يربطان …»: a comma's member with nothing after it opens a clause
                headed = headed or continued  # «في سنجة والدندر والسوكي»: three members make a list
                member = Mention("PLACE", word[0], word[1], doc_text(doc)[word[0]:word[1]], score=self.score,
                                 source="rules", reason="context:list of places")
                complete_name(doc, member, listed=described)
                found.append(member)
                covered.append(word)
                index = following
        norms = token_norms(doc)
        for head in (doc[at] for at, norm in enumerate(norms) if norm in self.heads_behind_proclitic):
            found += self._after_head(doc, head, by_start, covered)
        for preposition in (doc[at] for at, norm in enumerate(norms) if norm in self.list_prepositions):
            found += self._long_list(doc, preposition, by_start, covered)
        found += self._bulleted_places(doc, places, covered)
        doc._.mentions = mentions + found
        return doc

    def _bulleted_places(self, doc: Doc, places: list[Mention], covered: list[tuple[int, int]]) -> list[Mention]:
        """«محافظة صنعاء:» then «• سنحان: قصفت …», «• أرحب: ضربة …»: the names heading the
        bulleted items of a list, each before a colon, are places when a short line above the
        items names a place and ends in a colon, or (if rare words) when half the names are
        known places."""
        text, found = doc_text(doc), []
        starts = {(m.start, m.end) for m in places}
        for heading, heads in _item_blocks(text):
            known = sum(head in starts for head in heads)
            line = text[heading[0]:heading[1]].strip() if heading is not None else ""
            named = line.endswith(":") and len(line.split()) <= 4 \
                and any(heading[0] <= m.start and m.end <= heading[1] for m in places)  # «محافظة صنعاء:»
            if len(heads) < 2 or not (named or 2 * known >= len(heads)):
                continue
            for start, end in heads:
                words = text[start:end].split()
                if (start, end) in starts or any(s < end and start < e for s, e in covered) \
                        or any(word in self.not_names or not word.isalpha() for word in words) \
                        or (not named and all(is_news_word(normalize(word)) for word in words)):
                    continue  # «• الملاحة:» among «• الكويت:»: a topic, not a place
                found.append(Mention("PLACE", start, end, text[start:end], score=self.score, source="rules",
                                     reason="context:item of a list of places"))
        return found

    def _after_head(self, doc: Doc, head, by_start: dict[int, Mention],
                    covered: list[tuple[int, int]]) -> list[Mention]:
        """«بلدتي جويا ومعركة», «مدينتي الأبيض وأم روابة»: every member of a list after a
        plural or dual descriptor is a place, known or not (a dual has two)."""
        found: list[Mention] = []
        norm = head.norm_ if head.norm_ in self.heads else head.norm_[1:]  # «بقريتي»
        if norm in self.adjectival and not after_preposition(doc, head.i):
            return found  # «توتر إقليمي متصاعد»: an adjective, not the dual «في إقليمي سوم وتابوا»
        index: int | None = head.i + 1
        dual, anded = self._dual(norm), False
        for position in range(2 if dual else 8):
            if index is None or index >= len(doc):
                break
            comma = position > 0 and self._comma_joined(doc, index)
            if comma and anded:
                break  # «قضاءي القائم وراوة، تنطلق …»: a list closed by و goes on with no comma
            anded = anded or position > 0
            known = by_start.get(doc[index].idx) or by_start.get(doc[index].idx + 1)
            if known is None:  # after a dual, two names; after a plural, perhaps an adjective («قرى حدودية»),
                # but not once a member is joined by و («قرى القرفيص وبملكة»)
                word = self._member(doc, index, covered, compound_ok=True, adjective_ok=dual or anded, paired=dual,
                                    common_ok=position > 0 and not comma and self._last_definite(doc, index))
                if word is None:
                    break
                word = self._two_word_member(doc, index, word)
                known = Mention("PLACE", word[0], word[1], doc_text(doc)[word[0]:word[1]], score=self.score,
                                source="rules", reason=f"context:member of a list after {norm}")
                complete_name(doc, known, listed=True)
                if known.end == doc[index].idx + len(doc[index].text) and _compound_first(doc[index]):
                    break  # a compound's first word with no name after it («تل» alone) names nothing
                if comma and self._token_after(doc, known.end) is None:
                    break  # «جرود الهرمل، يربطان …»: a comma's last member opens a clause
                found.append(known)
                covered.append((known.start, known.end))
            else:
                complete_name(doc, known, listed=True)  # «بئر» from the model: «بئر علي»
            index = self._token_after(doc, known.end)
        return found

    def _long_list(self, doc: Doc, preposition, by_start: dict[int, Mention],
                   covered: list[tuple[int, int]]) -> list[Mention]:
        """«إلى تاورغاء وأبو قرين والوشكة والهيشة»: three or more names joined by و after a
        preposition of place are places, known or not."""
        members: list[tuple[int, int] | Mention] = []
        index: int | None = preposition.i + 1
        most = 2 if preposition.norm_ in self.pair_prepositions else 10  # «بين دمشق وبغداد، تكشف …»
        while index is not None and index < len(doc) and len(members) < most:
            if len(members) > 1 and self._comma_joined(doc, index):
                break  # «من ورشفانة وصرمان، ينص على …»: a list closed by و goes on with no comma
            known = by_start.get(doc[index].idx) or by_start.get(doc[index].idx + 1)
            word = None if known else self._member(doc, index, covered, compound_ok=True)
            if word is not None and (doc[index].norm_.endswith(_NOT_NAME_ENDINGS)
                                     or doc[index].norm_.removeprefix("و") in self.counted_nouns):
                word = None  # «مدرعات وشاحنات», «وشاركت», «قتيل وجريح»: plurals, verbs, counted nouns
            if known is None and word is None:
                break
            members.append(known or word)
            end = known.end if known else word[1]
            if known is None:  # «أبو قرين»: a compound member ends after its second word
                probe = Mention("PLACE", word[0], word[1], doc_text(doc)[word[0]:word[1]])
                complete_name(doc, probe)
                members[-1], end = (probe.start, probe.end), probe.end
            index = self._token_after(doc, end)
        if len(members) < (2 if preposition.norm_ in self.pair_prepositions else 3):
            return []  # «بين الموجب والزارة»: «بين» joins two
        if preposition.norm_ not in self.pair_prepositions \
                and all(isinstance(m, tuple) and is_news_word(normalize(doc_text(doc)[m[0]:m[1]])) for m in members):
            return []  # «أطنان من الذخائر والأغذية والأدوية»: words of the news, no unknown name among them
        found = []
        for member in members:
            if isinstance(member, tuple):
                found.append(Mention("PLACE", member[0], member[1], doc_text(doc)[member[0]:member[1]],
                                     score=self.score, source="rules",
                                     reason=f"context:list of names after {preposition.norm_}"))
                covered.append(member)
        return found

    def _two_word_member(self, doc: Doc, index: int, word: tuple[int, int]) -> tuple[int, int]:
        """«شمبات الأراضي والصافية»: a definite word before the next joiner ends the name (not a
        dual adjective: «منشأتي ابقيق وخريص النفطيتين»)."""
        second, joiner = index + 1, index + 2
        if joiner < len(doc) and doc[second].norm_.startswith("ال") and doc[second].is_alpha \
                and doc[second].norm_ not in self.not_names and doc[second].norm_ not in nationality_adjectives() \
                and not doc[second].norm_.endswith(_DUAL_ENDINGS) \
                and (doc[joiner].norm_ in JOINERS or attached_conjunction(doc[joiner])):
            return word[0], doc[second].idx + len(doc[second].text)
        return word

    def _headed(self, doc: Doc, place: Mention) -> str | None:
        """The plural or dual descriptor right before the list's first member («بلدات كفرشوبا»)."""
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None and span.start > 0 and doc[span.start - 1].norm_ in self.heads:
            return doc[span.start - 1].norm_
        return None

    def _dual(self, norm: str) -> bool:
        """A dual head names two («مدينتي», «إقليمي سوم وتابوا», «ريفي إدلب وحماة»)."""
        return norm.endswith(("تي", "تا")) or (norm.endswith(("ي", "ا")) and norm[:-1] in self.descriptors)

    @staticmethod
    def _comma_joined(doc: Doc, index: int) -> bool:
        """Whether the member at ``index`` follows a bare comma, not a و («، و» is a و)."""
        if attached_conjunction(doc[index]) and doc[index].text.startswith("و"):
            return False
        at = index - 1
        while at >= 0 and doc[at].norm_ in JOINERS:
            if doc[at].norm_ == "و":
                return False
            at -= 1
        return at < index - 1

    @staticmethod
    def _token_after(doc: Doc, char: int) -> int | None:
        """The token index after ``char`` once a joiner («و», «،») is passed; None without one."""
        span = doc.char_span(char, len(doc_text(doc)), alignment_mode="expand")
        if span is None or not len(span):
            return None
        i, joined = span.start, False
        while i < len(doc) and doc[i].norm_ in JOINERS:
            i, joined = i + 1, True
        if i < len(doc) and not joined and doc[i].text.startswith("و") and doc[i].idx == char + 1:
            return i  # «وشبعا» written after a space: the و is inside the token
        return i if joined and i < len(doc) else None

    @staticmethod
    def _last_definite(doc: Doc, index: int) -> bool:
        """«بلدات الشونة الجنوبية ودير علا والكريمة على امتداد …»: a definite word joined by و
        that closes a headed list (a mark or a locating word after it) is its last member, even
        when the word is common too."""
        token, following = doc[index], doc[index + 1].norm_ if index + 1 < len(doc) else "."
        word = token.norm_[1:] if attached_conjunction(token) else token.norm_
        anded = attached_conjunction(token) or (index > 0 and doc[index - 1].norm_ == "و")
        return anded and word.startswith("ال") and following in _closing_words()

    def _member(self, doc: Doc, index: int, covered: list[tuple[int, int]], compound_ok: bool = False,
                adjective_ok: bool = False, paired: bool = False, common_ok: bool = False) -> tuple[int, int] | None:
        """Character span of an unknown one-word name at ``index`` (its و stripped), or None;
        ``compound_ok``: also a compound's first word («تل», completed by ``complete_name``);
        ``paired``: after a dual head, where a word the news never writes is a name even if it
        reads as a verb («ولايتي الجازر ومحوت», not «قريتي برقة وداهمت»)."""
        token = doc[index]
        begin, word = token.idx, token.norm_
        if attached_conjunction(token):
            begin, word = begin + 1, word[1:]
        end = token.idx + len(token.text)
        short_ok = compound_ok and word in _name_words()[1]  # «عين», «تل»: completed or dropped
        written = token.text[1:] if attached_conjunction(token) else token.text
        vocalized_name = vocalized_word(written) and not is_news_word(word) \
            and not word.startswith(IMPERFECT_PREFIXES)  # «والكبّة», not «ضمّت», «وتبنّاه»
        if not (token.is_alpha or vocalized_name) or (len(word) < 3 and not short_ok) or any(s < end and begin < e for s, e in covered):
            return None
        unheard_pair = paired and not is_news_word(word)  # «ولايتي الجازر ومحوت»: a name, not a verb
        if token.norm_[:1] == "و" and verbal_noun_form(token.norm_[1:]):
            return None  # «وافتتاح قاعدة»: a verbal noun (the splitter keeps «وا-» words whole: «واسط»)
        if attached_conjunction(token) and ((token.norm_ in frequent_words() and word not in frequent_words())
                                            or (verb_form(word) and not unheard_pair)  # «وسننشر», «وتتخذ», «وأقامت»
                                            or pronoun_form(token.text, token.norm_)):
            return None  # «وحدات» is a word, not و + «حدات» (but «وحوش السيد علي»); «وسننشر» is a verb
        if attached_conjunction(token) and index and doc[index - 1].norm_ in ("،", ",") \
                and ((is_news_word(word) and is_news_word(word + "ت")) or (past_plural_form(word) and heard_of(word))):
            return None  # «بين سرت ووادان، وأقام خمس نقاط», «، وأضرموا النار»: a past verb after «، و» opens a clause
        if index and doc[index - 1].norm_ in ("،", ",") and word.startswith("ل") and is_news_word(word[1:]):
            return None  # «بشامون وكيفون، لضبط حركة النازحين»: a purpose clause after the list
        if _past_with_object(doc, index, word) and (attached_conjunction(token) or (index and doc[index - 1].norm_ == "و")):
            return None  # «وجرفت طريقاً»: a past verb and its object
        if ((word in common_words() or token.norm_ in common_words()) and not (short_ok or common_ok)) \
                or word in self.not_names or strip_al(word) in self.not_names \
                or (word.endswith("ات") and strip_al(word) in frequent_words() and not common_ok) \
                or word in nationality_adjectives() or strip_al(word) in _descriptors() or pointing_descriptor(word) \
                or (not adjective_ok and is_frequent_adjective(word)) \
                or lookup_trigger(word) is not None \
                or possessed_form(token.text, word) \
                or (past_plural_verb(word) and not unheard_pair):
            return None  # («عند مداخل القرى», «على مداخل المدينة»: a descriptor names nothing; «مدينتهم»;
            # «قرى وادي الشاطئ، اتخذوا»: a verb after the list, on a frequent stem: not «دامبوا»)
        return begin, end


@cache
def _closing_words() -> frozenset[str]:
    """After a headed list's last member: a mark, a comma, a compass word or a word locating the
    list («… والكريمة على امتداد»; context.yaml ``list_closing_words``)."""
    return LIST_ENDS | {"،", ","} | COMPASS_WORDS | context_words("list_closing_words")


@Language.factory("arabic_place_lists", default_config={"score": 0.6}, assigns=["doc._.mentions"])
def make_place_lists(nlp: Language, name: str, score: float) -> PlaceLists:
    """``score``: the confidence of a place known only by the company it keeps."""
    return PlaceLists(name, score)
