"""FORCE mentions known by the company they keep: a bracketed abbreviation after a
force's name («(قسد)», «(إس إس بي دي إف)»), the force head, name and
abbreviation that together make a force no lexicon holds («بعثة … (أوسوم)»), and
«قوات» before a named force («قوات مشاة البحرية الأمريكية»).

Runs after every FORCE tagger and before ``arabic_entity_resolver``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .language import doc_text, token_norms
from .lexicons import context_groups, context_words
from .mentions import Mention
from .normalize import phrase_key
from .place_words import nationality_adjectives
from .text import DASHES, QUOTES
from .word_forms import time_words

__all__ = ["Abbreviations"]


class Abbreviations:
    """Adds a FORCE for «(abbreviation)» right after a FORCE mention («(قسد)», «(إس إس بي
    دي إف)», «(BIR-14)»); a model ORG headed by a force noun before one is a FORCE too
    («بعثة الاتحاد الأفريقي … في الصومال (أوسوم)»)."""

    MAX_WORDS = 5

    def __init__(self, name: str) -> None:
        self.name = name
        self.heads = context_words("force_heads") | context_words("force_heads_indefinite") \
            | context_words("mission_heads")
        self.plural_heads = context_words("heads_before_a_force")
        self.quoted_force_heads = context_words("heads_before_a_quoted_force")
        self.region_words = context_words("region_words")
        self.region_force_heads = context_words("region_force_heads")
        self.place_force_heads = context_groups("place_force_heads")
        self.country_force_heads = context_groups("country_place_force_heads")
        self.place_force_links = context_words("place_force_links")
        self.place_force_link_heads = context_words("place_force_link_heads")
        self.council_heads = context_words("armed_council_heads")
        self.council_adjectives = context_words("armed_council_adjectives")
        self.service_words = context_words("force_service_words")
        self.operation_words = context_words("operation_words")
        self.media = context_words("media_names")
        self.governorate_forces = frozenset(phrase_key(name) for name in context_words("governorate_forces"))
        self.governorate_words = context_words("governorate_words")
        self.command_heads = context_words("command_heads")
        self.command_qualifiers = context_words("command_qualifiers")
        self.directorate_heads = context_words("directorate_heads") | self.command_heads
        self.owners = ((self.directorate_heads,  # «المديرية العامة لقوات الدرك» too
                        self.command_qualifiers | context_words("command_regions"),  # «القيادة الشرقية لقوات …»
                        "the general command of"),
                       (context_words("branch_heads"), context_words("branch_words"), "a branch of"))
        self.other_namers = self.operation_words | context_words("ministry_heads") | context_words("team_heads")
        self.plan_words = context_words("plan_words")
        self.ministries, self.portfolios = context_words("ministry_heads"), context_words("ministry_portfolio_words")
        self.name_breakers = context_words("bracket_name_breakers")
        self.word_names, self.member_constructs = context_words("word_force_names"), context_words("member_constructs")
        self.name_prepositions = context_words("preposition_in_names")

    def __call__(self, doc: Doc) -> Doc:
        mentions = [m for m in doc._.mentions or [] if not self._names_an_operation(doc, m)]
        starts = {m.start for m in mentions if m.source != "model"}  # the model only fills gaps
        found = []
        for named in (m for m in mentions if m.label in ("FORCE", "ORG")):
            span = doc.char_span(named.start, named.end, alignment_mode="expand")
            inside = self._bracketed(doc, span.end if span is not None else len(doc))
            if inside is None or doc[inside[0]].idx in starts:
                continue
            if named.label == "ORG":
                if span is None or span[0].norm_ not in self.heads:
                    continue
                found.append(Mention("FORCE", named.start, named.end, named.text, score=0.7, source="model",
                                     reason=f"{named.reason} + a force head and an abbreviation"))
            first, last = doc[inside[0]], doc[inside[1] - 1]
            found.append(Mention("FORCE", first.idx, last.idx + len(last.text),
                                 doc_text(doc)[first.idx:last.idx + len(last.text)], score=0.8,
                                 source="rules", reason=f"context:abbreviation of {named.text}"))
        ends = {m.end for m in mentions + found if m.label == "FORCE"}
        brackets = (doc[at] for at, norm in enumerate(token_norms(doc)) if norm == "(" and at > 0)
        for bracket in (t for t in brackets if t.text == "("):
            inside = self._bracketed(doc, bracket.i)
            before = doc[bracket.i - 1]
            if inside is None or before.idx + len(before.text) in ends or doc[inside[0]].idx in starts:
                continue
            head = self._head_before(doc, bracket.i)
            if head is None:
                continue
            named_end = before.idx + len(before.text)
            first, last = doc[inside[0]], doc[inside[1] - 1]
            found += [Mention("FORCE", head.idx, named_end, doc_text(doc)[head.idx:named_end], score=0.8,
                              source="rules", reason=f"context:force head {head.norm_} + name + abbreviation"),
                      Mention("FORCE", first.idx, last.idx + len(last.text),
                              doc_text(doc)[first.idx:last.idx + len(last.text)], score=0.8, source="rules",
                              reason="context:abbreviation after a force name")]
        found += self._under_a_head(doc, mentions)
        found += self._regional_forces(doc, mentions)
        found += self._of_a_country(doc, mentions)
        found += self._provinces(doc, mentions)
        found += self._command_names(doc, mentions)
        found += self._word_names(doc, mentions)
        doc._.mentions = mentions + found
        return doc

    def _word_names(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """A group whose short name is a common word («القاعدة», the base; «الردع», deterrence) is
        named by it in quotes alone («هجوم لـ«القاعدة»», «بين «الردع» و…») or after its members in
        construct («مسلحو القاعدة», «عناصر الردع»)."""
        norms, found = token_norms(doc), []
        taken = [(m.start, m.end) for m in mentions if m.label not in ("ORG", "PERSON")]
        for at, norm in enumerate(norms):
            if norm not in self.word_names:
                continue
            token = doc[at]
            quoted = 0 < at < len(doc) - 1 and doc[at + 1].text == QUOTES.get(doc[at - 1].text)
            if not (quoted or (at and norms[at - 1] in self.member_constructs)):
                continue
            if any(start < token.idx + len(token.text) and token.idx < end for start, end in taken):
                continue
            found.append(Mention("FORCE", token.idx, token.idx + len(token.text), token.text, score=0.8,
                                 source="rules", reason=f"context:a group's word name {'in quotes' if quoted else 'after its members'}"))
        return found

    def _command_names(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """A force widened by the command words around it (the longer mention wins in the
        resolver): the general command of a named force («القيادة العامة لقوة دفاع البحرين»,
        «القيادة العامة للقوات المسلحة العربية الليبية») or its branch («القوة البحرية للحرس
        الثوري»), and a security force organized by
        governorate, named with it, «قيادة» before it included («قيادة الأمن الداخلي في محافظة
        حماة»; context.yaml ``governorate_forces``)."""
        text, norms = doc_text(doc), token_norms(doc)
        places = {m.start: m for m in mentions if m.label == "PLACE"}
        found = []
        for force in (m for m in mentions if m.label == "FORCE"):
            span = doc.char_span(force.start, force.end, alignment_mode="expand")
            if span is None:
                continue
            first, end = span.start, span.end  # «ل» + «لقوات»: the clitic is a token before the force
            for heads, qualifiers, what in self.owners:  # «القيادة العامة ل…», «القوة البحرية ل…»
                if first >= 3 and norms[first - 1] == "ل" and norms[first - 2] in qualifiers \
                        and norms[first - 3] in heads:
                    start = doc[first - 3].idx
                    found.append(Mention("FORCE", start, force.end, text[start:force.end], score=0.85,
                                         source="rules", reason=f"context:{what} {force.text}"))
            if phrase_key(force.text) in self.governorate_forces and first and norms[first - 1] in self.directorate_heads:
                start = doc[first - 1].idx  # «مديرية الأمن العام»: the directorate is the force
                found.append(Mention("FORCE", start, force.end, text[start:force.end], score=0.85, source="rules",
                                     reason=f"context:{norms[first - 1]} + {force.text}"))
            if phrase_key(force.text) in self.governorate_forces and end + 2 < len(doc) and norms[end] == "في" \
                    and norms[end + 1] in self.governorate_words and (place := places.get(doc[end + 2].idx)):
                start = doc[first - 1].idx if first and norms[first - 1] in self.command_heads else force.start
                found.append(Mention("FORCE", start, place.end, text[start:place.end], score=0.85, source="rules",
                                     reason=f"context:{force.text} + its governorate {place.text}"))
        return found

    @staticmethod
    def _provinces(doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """«تنظيم الدولة الإسلامية – ولاية غرب أفريقيا»: a group and its «province» after a dash
        are one name (the longer mention wins in the resolver)."""
        forces = [m for m in mentions if m.label == "FORCE"]
        text = doc_text(doc)
        found = []
        for second in (m for m in forces if m.text.startswith("ولاية")):
            firsts = [m for m in forces if m.end < second.start and text[m.end:second.start].strip() in DASHES]
            if firsts:
                first = min(firsts, key=lambda m: m.start)  # the whole group name
                found.append(Mention("FORCE", first.start, second.end, text[first.start:second.end], score=0.85,
                                     source="rules", reason=f"context:{first.text} + province {second.text}"))
        return found

    def _names_an_operation(self, doc: Doc, mention: Mention) -> bool:
        """«خطة "درع الوطن"», «عملية "الفجر"»: a force name after an operation word names the
        operation (not «قوات عملية «هادين كاي»», the operation's forces); after «وزارة» (or «وزارة شؤون») a
        ministry, after «منتخب» a team («منتخب الشباب»)."""
        if mention.label != "FORCE":
            return False
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        at = span.start - 1 if span is not None else -1
        quoted = at >= 0 and doc[at].text in QUOTES
        if quoted:
            at -= 1
        if at >= 0 and doc[at].norm_ in self.plan_words and not quoted:
            return False  # «ضمن خطة هيئة الحشد الشعبي»: whose plan it is (a plan's own name is quoted)
        if at > 0 and doc[at].norm_ in self.portfolios and doc[at - 1].norm_ in self.ministries:
            at -= 1  # «وزارة شؤون البيشمركة»
        return at >= 0 and doc[at].norm_ in self.other_namers \
            and not (at > 0 and doc[at - 1].norm_ in self.plural_heads)

    def _regional_forces(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """A force head before a place names the place's own force: «قوات ولاية جنوب الغرب»,
        «قوات إقليم كردستان», «قوات أرض الصومال» (a region or state), «جيش بوركينا فاسو»,
        «شرطة عمان السلطانية» (a country's army or police), «لواء ظفار» (a province),
        «قوة حماية ترهونة» (a construct word between: any place), «مجلس هجين العسكري» (a
        council of arms). Service words after the place belong to the force («السلطانية»)."""
        found = []
        for place in (m for m in mentions if m.label == "PLACE"):
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is None or span.start == 0:
                continue
            head, kind = doc[span.start - 1], place.attrs.get("kind")
            if span[0].norm_ not in self.region_words and head.norm_ in self.region_words and head.i > 0:
                head = doc[head.i - 1]  # «قوات» + «ولاية» + «جوبالاند»
                named = head.norm_ in self.region_force_heads
            elif head.norm_ in self.place_force_links and head.i > 0 \
                    and doc[head.i - 1].norm_ in self.place_force_link_heads:
                head, named = doc[head.i - 1], True  # «قوة» + «حماية» + «ترهونة»
            else:
                named = (head.norm_ in self.region_force_heads and (
                    span[0].norm_ in self.region_words or kind in ("region", "state"))) \
                    or head.norm_ in self.place_force_heads.get(kind or "", ()) \
                    or head.norm_ in self.country_force_heads.get(place.attrs.get("country_code") or "", ())
            end = span.end
            if head.norm_ in self.council_heads and end < len(doc) and doc[end].norm_ in self.council_adjectives:
                named, end = True, end + 1  # «مجلس» + «هجين» + «العسكري»
            if not named:
                continue
            while end < len(doc) and doc[end].norm_ in self.service_words:
                end += 1  # «شرطة عمان السلطانية»
            last = doc[end - 1]
            end_char = last.idx + len(last.text)
            found.append(Mention("FORCE", head.idx, end_char, doc_text(doc)[head.idx:end_char], score=0.8,
                                 source="rules", reason=f"context:force head {head.norm_} + place {place.text}"))
        return found

    @staticmethod
    def _of_a_country(doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """«الجيش الوطني لأرض الصومال», «قوة الشرطة البحرية لبونتلاند», «القوة المشتركة لدارفور»:
        «ل» + a country, region or state right after a force without a nationality
        names whose force it is, so the name goes on over it («وصول القوات التركية لليبيا»: with a
        nationality the «ل» is the movement's)."""
        places = {m.start: m for m in mentions if m.label == "PLACE"
                  and m.attrs.get("kind") in ("country", "region", "state")}
        found = []
        for force in (m for m in mentions if m.label == "FORCE" and m.source != "model"):
            span = doc.char_span(force.start, force.end, alignment_mode="expand")
            if span is None or span.end + 1 >= len(doc) or doc[span.end].norm_ != "ل" \
                    or any(t.norm_ in nationality_adjectives() for t in span):
                continue
            place = places.get(doc[span.end + 1].idx)
            if place is not None:
                found.append(Mention("FORCE", force.start, place.end, doc_text(doc)[force.start:place.end],
                                     score=force.score, source="rules", attrs=dict(force.attrs),
                                     reason=f"{force.reason} + ل + {place.text}"))
        return found

    def _under_a_head(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """«قوات مشاة البحرية الأمريكية», «قوات الجيش الوطني الصومالي»: «قوات» before a named
        force is its head (guidelines §5), so the force begins there."""
        found = []
        for named in (m for m in mentions if m.label == "FORCE" and m.source != "model"):
            span = doc.char_span(named.start, named.end, alignment_mode="expand")
            if span is None or span.start == 0 or span[0].norm_ in self.heads:
                continue
            head, end, quoted = doc[span.start - 1], named.end, False
            if head.text in QUOTES and span.start > 1 and doc[span.start - 2].norm_ in self.quoted_force_heads \
                    and span.end < len(doc) and doc[span.end].text == QUOTES[head.text]:
                head, end, quoted = doc[span.start - 2], named.end + len(doc[span.end].text), True  # «مجموعة «فاغنر»»
            if head.norm_ in self.plural_heads or quoted:
                found.append(Mention("FORCE", head.idx, end, doc_text(doc)[head.idx:end],
                                     score=named.score, source="rules", reason=f"{named.reason} + head {head.norm_}",
                                     attrs=dict(named.attrs)))
        return found

    def _head_before(self, doc: Doc, bracket: int):
        """A force head a few words before «(» with no punctuation between («قوات دفاع شعب
        جنوب السودان (…)»)."""
        for token in reversed(doc[max(0, bracket - 9):bracket - 1]):
            if not (token.is_alpha or token._.is_clitic):
                return None
            if token.norm_ in self.name_breakers and not (
                    token.i + 1 < len(doc) and doc[token.i + 1].norm_ in self.name_prepositions):
                return None  # «وحدات الجيش من محيط جسر الملك حسين (معبر الكرامة)»: a place's other name
            if token.norm_ in self.heads:
                return token
        return None

    def _bracketed(self, doc: Doc, at: int) -> tuple[int, int] | None:
        """Token range of a short name in brackets starting at token ``at``."""
        if at >= len(doc) or doc[at].text != "(":
            return None
        for end in range(at + 2, min(len(doc), at + 2 + self.MAX_WORDS)):
            if doc[end].text == ")":
                words = doc[at + 1:end]
                ok = all(t.is_alpha or t.like_num or t.text == "-" for t in words) and words[0].is_alpha \
                    and " ".join(t.norm_ for t in words) not in self.media \
                    and words[0].norm_ not in time_words()  # «(سونا)» cites an agency; «آب (أغسطس)» a month
                return (at + 1, end) if ok else None
        return None


@Language.factory("arabic_abbreviations", assigns=["doc._.mentions"])
def make_abbreviations(nlp: Language, name: str) -> Abbreviations:
    return Abbreviations(name)
