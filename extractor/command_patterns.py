"""Context patterns for FORCE names that are commands, regions, warships or a nation's forces:
«القيادة العامة للقوات المسلحة الأردنية», «القيادة المركزية الأمريكية», «المنطقة العسكرية
الشرقية», «منطقة طبرق العسكرية», a warship with its quoted name («المدمرة الأمريكية "كارني"»),
a national head with a nationality («القوات البحرية الملكية السعودية»).

A mixin of ``ContextRecognizer`` (``context_patterns``) beside ``ForcePatterns``: it reads the
recognizer's word sets, all data in ``models/patterns/context.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .language import doc_text
from .mentions import Mention
from .place_words import place_keys
from .text import QUOTES
from .word_forms import NOT_DEFINITE, is_frequent_adjective, is_news_word

__all__ = ["CommandPatterns"]


class CommandPatterns:
    """FORCE names of commands, military regions, warships and national forces."""

    def _general_command(self, doc: Doc, index: int) -> list[Mention]:
        """«القيادة العامة للقوات المسلحة الأردنية»: a command of a national force; «القيادة
        الشمالية», «القيادة المركزية الأمريكية»: a regional command (with its nationality)."""
        at = index + 1
        if at + 1 < len(doc) and doc[at].norm_ in self.command_qualifiers and doc[at + 1].norm_ == "ل":
            for width in (2, 1):
                pair = " ".join(t.norm_ for t in doc[at + 2:at + 2 + width])
                if pair in self.definite_heads:
                    found = self._national(doc, at + 2, width)
                    if found or width == 1:
                        return self._widened(doc, found, index)
                    span = doc[index:at + 4]  # «القيادة العامة للقوات المسلحة»: the country's own forces
                    return [self.mention(doc, "FORCE", span.start_char, span.end_char,
                                         f"context:general command {pair}", 0.8, kind="command")]
        if at < len(doc) and doc[index].norm_.startswith("ال") and doc[at].norm_ in self.command_regions:
            span = doc[index:self._unit_tail(doc, at + 1)]
            return [self.mention(doc, "FORCE", span.start_char, span.end_char,
                                 f"context:regional command {doc[at].norm_}", 0.8, kind="command")]
        return []

    def _military_region(self, doc: Doc, index: int) -> list[Mention]:
        """«المنطقة العسكرية الشرقية» (or «الشمالية الشرقية»), «منطقة طبرق العسكرية»: a FORCE."""
        end = None
        nxt = index + 1
        if nxt + 1 < len(doc) and doc[nxt].norm_ in self.region_markers and doc[nxt + 1].norm_ in self.region_names:
            end = nxt + 2
        elif nxt + 2 < len(doc) and doc[nxt].norm_ in self.region_markers and doc[nxt + 1].norm_ in self.number_words \
                and doc[nxt + 2].is_digit:
            end = nxt + 3  # «المنطقة الدفاعية رقم 5»
        elif nxt + 1 < len(doc) and doc[nxt].norm_ in self.region_markers and doc[index].norm_.startswith("ال") \
                and (width := next((w for w in (2, 1) if (named := " ".join(t.norm_ for t in doc[nxt + 1:nxt + 1 + w]))
                                    in place_keys() or named in self.region_places), 0)):
            end = nxt + 1 + width  # «المنطقة العسكرية الساحل الغربي» (Libya): a region named by a place
        elif nxt + 1 < len(doc) and doc[nxt].norm_ in self.region_names and doc[nxt + 1].norm_ in self.markers \
                and doc[index].norm_.startswith("ال"):
            end = nxt + 2  # «المنطقة الغربية العسكرية»
        elif index and doc[index - 1].norm_ in self.command_heads and doc[index].norm_.startswith("ال") \
                and nxt < len(doc) and doc[nxt].norm_ in self.region_names:
            end = nxt + 1  # «قيادة المنطقة الشرقية»: the command names the region a FORCE without «العسكرية»
        elif index and doc[index - 1].norm_ in self.command_heads and not doc[index].norm_.startswith("ال"):
            nxt += nxt + 1 < len(doc) and doc[nxt].norm_ in self.operation_words  # «قيادة قاطع عمليات نينوى»
            for width in (2, 1):  # «قيادة منطقة البحر الأحمر»: a command of a region named by a place
                if " ".join(t.norm_ for t in doc[nxt:nxt + width]) in place_keys() \
                        and " ".join(t.norm_ for t in doc[index:nxt + width]) not in place_keys():
                    end = nxt + width  # (not «قيادة قطاع غزة»: the Strip's leaders, a place's name)
                    if end < len(doc) and doc[end].norm_ in self.markers:
                        end += 1  # «قيادة منطقة البحر الأحمر العسكرية»
                    break
        elif nxt + 1 < len(doc) and doc[nxt + 1].norm_ in self.markers and self._is_name_word(doc[nxt]) \
                and not doc[index].norm_.startswith("ال"):
            end = nxt + 2
        elif nxt + 2 < len(doc) and doc[nxt + 2].norm_ in self.markers and not doc[index].norm_.startswith("ال") \
                and f"{doc[nxt].norm_} {doc[nxt + 1].norm_}" in place_keys():
            end = nxt + 3  # «منطقة الجبل الغربي العسكرية»: a region named by a two-word place
        if end is None:
            return []
        end += end < len(doc) and doc[end].norm_ in self.region_names and doc[end - 1].norm_ in self.region_names
        start = index - 1 if index and doc[index - 1].norm_ in self.command_heads else index
        span = doc[start:end]
        return [self.mention(doc, "FORCE", span.start_char, span.end_char,
                             f"context:military region {doc[index].norm_}", 0.8, kind="command")]

    def _widened(self, doc: Doc, found: list[Mention], start: int) -> list[Mention]:
        """The same mentions, begun at token ``start`` (a command word before a unit)."""
        for mention in found:
            mention.start = doc[start].idx
            mention.text = doc_text(doc)[mention.start:mention.end]
            mention.reason += f" + command {doc[start].norm_}"
        return found

    def _ship(self, doc: Doc, index: int, width: int) -> list[Mention]:
        """A warship head, its class and nationality in up to three definite words («سفينة القتال
        الساحلي», «كاسحة الألغام البريطانية»), then a quoted name."""
        at = index + width
        while at < len(doc) and at - index - width < 3 and doc[at].is_alpha and doc[at].norm_.startswith("ال") \
                and doc[at].norm_ not in NOT_DEFINITE:
            at += 1
        if at >= len(doc) or doc[at].text not in QUOTES \
                or any(token.norm_ in self.civilian_ship_words for token in doc[index + width:at]):
            return []  # (not «سفينة الشحن الهولندية «مينرفاغراخت»»: a merchant ship)
        name = self._name_after(doc, at - 1)
        if name is None or (name[1] - name[0] <= 3 and is_frequent_adjective(doc[at + 1].norm_)
                            and is_news_word(doc[at + 1].norm_)):
            return []  # «مغادرة المدمرة "روتينية"»: a quoted word describing the ship is no name
        last = doc[name[1] - 1]
        return [self.mention(doc, "FORCE", doc[index].idx, last.idx + len(last.text),
                             f"context:warship {doc[index].norm_} + quoted name", 0.85, kind="ship")]

    def _national(self, doc: Doc, index: int, width: int) -> list[Mention]:
        """A national head, service words, a nationality: «القوات البحرية الملكية السعودية»."""
        before = doc[index - 1].norm_ if index else ""
        if width == 1 and before.startswith("ال") and doc[index].norm_ in self.service_words \
                and before not in self.service_words and before not in self.definite_heads:
            return []  # «هيئة عمليات التجارة البحرية البريطانية»: «البحرية» describes the trade
        nxt = index + width
        while nxt < len(doc) and nxt - index - width < 2 and doc[nxt].norm_ in self.service_words:
            nxt += 1
        if nxt < len(doc) and doc[nxt].norm_ in self.adjectives:
            nxt += 1
            if nxt + 1 < len(doc) and doc[nxt].text in ("-", "–") and doc[nxt + 1].norm_ in self.adjectives:
                nxt += 2  # «الكتيبة الإيرلندية-البولندية»: a joint contingent of two nations
        elif not (nxt > index + width and (doc[nxt - 1].norm_ in self.crown_words or (
                doc[nxt - 1].norm_ in self.state_words
                and " ".join(t.norm_ for t in doc[index:index + width]) in self.state_force_heads))):
            return []  # «سلاح الجو السلطاني», «الجيش الفيدرالي»: the state's own force, no nationality
        named = nxt
        if nxt < len(doc) and doc[nxt].norm_.startswith("ال") and doc[nxt].norm_ in self.specifiers:
            nxt += 1  # «الشرطة النيجيرية المتنقلة», «القوات الأمريكية الخاصة»: its arm after the nationality
        if width == 1 and nxt < len(doc) and doc[index].norm_ in self.unit_heads and len(doc[nxt].norm_) <= 3 \
                and self._unit_number(doc, nxt):
            nxt += 1  # «الكتيبة الكينية 24»: a national contingent's number (not «… 850 جندياً»)
        elif doc[index].norm_ in self.unit_heads:
            nxt += self._ordinal_width(doc, nxt)  # «الكتيبة الأردنية الخامسة عشرة»: a contingent's ordinal
        span = doc[index:nxt]
        return [self.mention(doc, "FORCE", span.start_char, span.end_char,
                             f"context:national {span[0].norm_} + {doc[named - 1].norm_}", 0.9,
                             kind="state_force")]
