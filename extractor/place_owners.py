"""Whose name a place word is part of: a medium's, an agreement's, an organisation's or
a person's (guidelines §3: «وكالة الأناضول», «اتفاق موسكو», «بعثة الأمم المتحدة للدعم في
ليبيا», «العقيد سالم الحوثي»). Asked by the place filters and by the repeats of a name."""

from __future__ import annotations

from collections.abc import Callable

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .lexicons import context_words
from .normalize import CLOSING_QUOTES, OPENING_QUOTES, strip_al
from .place_words import nationality_adjectives, place_keys
from .text import DASHES, QUOTES
from .word_forms import reads_as

__all__ = ["NameOwners", "quoted"]


def quoted(doc: Doc, start: int, end: int) -> bool:
    """Tokens ``[start, end)`` stand alone between a quotation mark and its closing mark."""
    return start > 0 and end < len(doc) and doc[start - 1].text in QUOTES \
        and doc[end].text == QUOTES[doc[start - 1].text]


class NameOwners:
    """The heads, titles and outlet words that own the name after them (context.yaml)."""

    def __init__(self, make_doc: Callable[[str], Doc] | None = None) -> None:
        """``make_doc``: the pipeline's tokenizer, to match ``organisation_names`` as its tokens."""
        self.organisations_matcher = None
        if make_doc is not None:
            sample = make_doc("")
            self.organisations_matcher = PhraseMatcher(sample.vocab, attr="NORM")
            self.organisations_matcher.add("ORG", [make_doc(org) for org in
                                                   context_words("organisation_names", normalized=False)])
        # words that own the name after them: a medium's or an agreement's, or a person's title
        self.heads = context_words("name_owner_heads") | context_words("person_name_titles")
        self.titles = context_words("person_name_titles")
        self.rank_grades = context_words("rank_grades")
        self.name_compounds = context_words("name_compounds")
        self.organisations = context_words("organisation_heads")
        self.body_heads = context_words("body_heads")
        self.operations = context_words("operation_words") | context_words("exercise_words")
        self.stop = context_words("name_stopwords")
        self.appositions = context_words("person_appositions")
        self.outlet_suffixes = context_words("outlet_suffixes")
        self.outlet_words = context_words("outlet_name_words")
        self.outlet_leads = context_words("outlet_lead_words")
        self.quoted_outlet_heads = context_words("quoted_outlet_heads")
        self.spoke = context_words("speaking_to_verbs")

    def organisation_spans(self, doc: Doc) -> list[tuple[int, int]]:
        """«بعثة الأمم المتحدة للدعم في ليبيا»: (start, end) of the names of organisations, whose
        places are part of them (guidelines §3; context.yaml ``organisation_names``)."""
        if self.organisations_matcher is None:
            return []
        return [(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
                for _, start, end in self.organisations_matcher(doc)]

    def outlet(self, doc: Doc, span) -> bool:
        """Alone in quotation marks or before an outlet's suffix (after «مراسل» the heads did)."""
        return quoted(doc, span.start, span.end) or (span.end < len(doc) and doc[span.end].norm_ in self.outlet_suffixes)

    def person_in_apposition(self, doc: Doc, span) -> bool:
        """The name, perhaps a family name, a comma, then a word that says who the person is
        («بنان الحلبي، المتطوعة في فريق التوعية»)."""
        comma = span.end + (span.end < len(doc) and doc[span.end].is_alpha)  # past a family name
        return comma + 1 < len(doc) and doc[comma].text in ("،", ",") and doc[comma + 1].norm_ in self.appositions

    def owned(self, doc: Doc, start: int) -> bool:
        """The name at token ``start`` belongs to what comes before it: the head of a medium, an
        agreement or a body, or a person's title and first names (the repeats ask this too)."""
        before = doc[start - 1] if start else None
        if before is not None and (before.text in QUOTES or before.text == ":") and start > 1:
            before = doc[start - 2]  # «صحيفة «الرأي»», «إعداد: عدن المقطري»
        if before is not None and (reads_as(before.norm_, self.heads) or (
                before.norm_ in self.quoted_outlet_heads and before.i and doc[before.i - 1].text in QUOTES)):
            return True  # «وكالة الأناضول», «اتفاق موسكو»; «مركز الملك سلمان», «المواطنة يافا حمدان»;
            # «تجارة وصناعة المهرة»: a head after و too
        if start > 1 and reads_as(doc[start - 2].norm_, self.body_heads) and doc[start - 1].is_alpha \
                and not doc[start - 1].norm_.startswith("ال"):
            return True  # «هيئة موانئ البحر الأحمر», «سلطة منطقة العقبة», «شركة نفط البصرة»
        return self._family_name(doc, start) or self._in_quoted_organisation(doc, start) \
            or self.named_outlet(doc, doc[start:start + 1]) is not None  # «المكلا – «حضرموت اليوم»»
        # «تلا الشيخ فرحان الراعي», «القائد أبو عاقلة كيكل»; «مركز البحر الأحمر للدراسات» in quotes

    def _family_name(self, doc: Doc, start: int) -> bool:
        """A title of a person («الشيخ», «العقيد», a byline's «إعداد:») and one to three name words
        before ``start``; «عبد»/«أبو» take a defined word with them («العميد عبد القادر جوهر»)."""
        at, words = start - 1, 0
        while at >= 0 and words < 3:
            if self._titled(doc, at):
                return words > 0
            token = doc[at]
            if not token.is_alpha or reads_as(token.norm_, self.stop) \
                    or token.norm_ in place_keys() and not (at and self._titled(doc, at - 1)):
                return False  # a place's word is a given name only right after the title («الرقيب سالم»)
            if token.norm_.startswith("ال"):
                if not at or doc[at - 1].norm_ not in self.name_compounds:
                    return False
                at -= 1  # «عبد القادر»: one name
            at, words = at - 1, words + 1
        return at >= 0 and self._titled(doc, at)

    def _in_quoted_organisation(self, doc: Doc, start: int) -> bool:
        """«نشر «مركز البحر الأحمر للدراسات» تحليلاً»: a place inside quotation marks that open
        on an organisation's head («مركز», «معهد», «جمعية»), or right after one or another owner
        of a name («نادي «شباب مكيراس»», «من طراز «إن إتش 90»»), is part of its name; so is one in an operation's or exercise's name
        («مناورات «بحر الصداقة»», «العملية الشاملة «سيناء ٢٠١٨»», «التمرين البحري المشترك «الموج
        الأزرق»»; guidelines §3)."""
        for at in range(start - 1, max(-1, start - 9), -1):  # «شبكة رصد الانتهاكات في وسط السودان»
            if doc[at].text in OPENING_QUOTES:
                return (at + 1 < start and doc[at + 1].norm_ in self.organisations) \
                    or (at > 0 and (doc[at - 1].norm_ in self.organisations or reads_as(doc[at - 1].norm_, self.heads))) \
                    or self._named_exercise(doc, at)
            if doc[at].text in CLOSING_QUOTES:
                return False
        return False

    def _named_exercise(self, doc: Doc, quote: int) -> bool:
        """An operation's or exercise's word before the quote, perhaps behind its definite
        adjectives («التمرين البحري المشترك «…»»; not «عمليات الجزيرة أنها «…»»)."""
        for before in range(quote - 1, max(-1, quote - 4), -1):
            norm = doc[before].norm_
            if strip_al(norm) in self.operations:
                return True
            if not norm.startswith("ال"):
                return False
        return False

    def _titled(self, doc: Doc, at: int) -> bool:
        """``doc[at]`` is a person's title, perhaps behind a colon or a nationality («الباحث الليبي»)."""
        if doc[at].text == ":" and at:
            at -= 1
        if doc[at].norm_ in self.rank_grades and at:
            at -= 1  # «الرقيب أول سالم العبدلي»
        return doc[at].norm_ in self.titles or (at > 0 and doc[at].norm_ in nationality_adjectives()
                                               and doc[at - 1].norm_ in self.titles)

    def named_outlet(self, doc: Doc, span) -> tuple[int, int] | None:
        """«صحيفة «الأغوار اليوم»», «موقع "الصومال الجديد"», «صوت الأنبار»: a place and an outlet's
        word alone in quotation marks name a medium; the characters it covers (its «اليوم» is no
        date either)."""
        if span is None or span.end >= len(doc):
            return None
        closing = next((end for end in range(span.end, min(span.end + 3, len(doc) - 1) + 1)
                        if quoted(doc, span.start, end)), None)  # «أبشي – «تشاد وان»»: a word may follow
        if closing is not None and span.start > 1 \
                and (doc[span.start - 2].text in DASHES  # «مطروح – «بوابة الصحراء»»: a dateline's outlet
                     or (closing == span.end and doc[span.start - 2].norm_ == "ل"
                         and span.start > 2 and doc[span.start - 3].norm_ in self.spoke)):  # «تحدث لـ«…»»
            return doc[span.start - 1].idx, doc[closing].idx + 1
        if span.start > 0 and doc[span.start - 1].norm_ in self.outlet_leads and quoted(doc, span.start - 1, span.end):
            closing = doc[span.end]  # «صوت الأنبار», «بريد الهرمل»: the outlet's word first
            return doc[span.start - 2].idx, closing.idx + len(closing.text)
        if doc[span.end].norm_ not in self.outlet_words or not quoted(doc, span.start, span.end + 1):
            return None
        closing = doc[span.end + 1]
        return doc[span.start - 1].idx, closing.idx + len(closing.text)
