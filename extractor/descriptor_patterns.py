"""Context patterns for PLACE names after a descriptor: «بلدة» + name, «جبل» + name, and
what makes the word after a descriptor describe it instead («منطقة عازلة», «ولاية البعثة»).

A mixin of ``ContextRecognizer`` (``context_patterns``): it reads the recognizer's word
sets, all data in ``models/patterns/context.yaml``; ``_name_after`` and ``_is_name_word``
are the recognizer's.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .mentions import Mention
from .normalize import has_hamza_alef
from .place_words import place_first_words, place_keys
from .word_forms import is_frequent_adjective, is_news_word

__all__ = ["NISBA", "DescriptorPatterns"]

#: Nisba endings: a frequent word with one is an adjective after any head («قاعدة عسكرية»);
#: other adjective endings only after a place descriptor (bases take plain words as names).
NISBA = ("يه", "يون", "يين")


class DescriptorPatterns:
    """PLACE names found by the descriptor before them."""

    def _cannot_agree(self, doc: Doc, index: int, start: int) -> bool:
        """«بلدة قلي», «قرية كرسي»: after a feminine settlement noun an adjective is feminine too
        («بلدة صغيرة», «قرية حدودية», «قرية أخرى»), so a word ending in neither ة nor ى names the place."""
        return doc[index].norm_ in self.settlements and doc[index].norm_.endswith("ه") \
            and not doc[start].text.endswith(("ة", "ه", "ى", "ا"))

    def _geographic(self, doc: Doc, index: int, start: int) -> list[Mention]:
        """«جبل نقم», «ممر الجدي»: the noun and one name word no gazetteer holds (a known one
        is the gazetteer's, which takes the noun in); a common indefinite word names only a
        mountain («ممر مفتوح» is an open corridor)."""
        head, name = doc[index].norm_, doc[start].norm_
        if head not in self.hamza_heads and has_hamza_alef(doc[index].text):
            return []  # «وأدى التوغل إلى …»: a verb that normalizes like «وادي»
        if name in place_first_words() or f"{head} {name}" in place_keys() \
                or (index and f"{doc[index - 1].norm_} {head}" in place_keys()) \
                or (not name.startswith("ال") and is_news_word(name) and head not in self.common_name_heads) \
                or (not name.startswith("ال") and name.endswith(NISBA[0])) \
                or (start + 1 < len(doc) and doc[start + 1].norm_ == "علي" and is_news_word(name)):
            return []  # «في جبل مطل على المدينة»: a mountain overlooking it, not its name; «هضبة
            # بازلتية»: an indefinite nisba adjective describes it; «قرة تبة»: the head ends a town's name
        last = start + 1 if name in self.compound and start + 1 < len(doc) and doc[start + 1].is_alpha else start
        span = doc[index:last + 1]  # «جسر الأمير محمد»: a title or «أبو» takes its name along
        return [self.mention(doc, "PLACE", span.start_char, span.end_char, f"context:geographic {head} + name", 0.7)]

    def _place(self, doc: Doc, index: int) -> list[Mention]:
        name = self._name_after(doc, index)
        if name is None:
            return []
        start, end = name
        if doc[index].norm_ in self.rare_name_heads and is_news_word(doc[start].norm_):
            return []  # «حاجز المليون»: a barrier, not a checkpoint's name
        if doc[start].norm_ in self.weak_descriptors - self.geographic and (end - start > 1 or (
                end < len(doc) and self._is_name_word(doc[end]) and not self._describes_name(doc[end]))):
            return []  # «قرى ريف معرّة النعمان»: a descriptor before a name is none of it («محافظة حقل» is)
        if doc[index].norm_ in self.directorate_heads and doc[start].norm_ in self.directorate_services and end - start > 1:
            span = doc[index:end]  # «مديرية أمن طرابلس»: a city's security directorate is a force
            return [self.mention(doc, "FORCE", span.start_char, span.end_char,
                                 f"context:directorate {doc[start].norm_} + place", 0.8, kind="unit")]
        if (is_frequent_adjective(doc[start].norm_) and doc[start].norm_ not in self.new_town_words
                and not self._cannot_agree(doc, index, start)) \
                or (end - start == 1 and doc[start].norm_ in self.offices) or doc[start].norm_ in self.zone_uses:
            return []  # «منطقة عازلة», «بلدات صغيرة», «منطقة العمليات», «منطقة إطلاق النار 918»: described
        if doc[index].norm_ in self.two_senses and end - start == 1 and doc[start].norm_.startswith("ال") \
                and is_news_word(doc[start].norm_):
            return []  # «ولاية البعثة»: a mission's mandate; a state no gazetteer holds has a rare name
        second = doc[start + 1].norm_ if end - start >= 2 else ""
        if second and doc[start].norm_ in place_keys() and f"{doc[start].norm_} {second}" not in place_keys() \
                and doc[start].norm_ not in self.compound \
                and (second.startswith("الم") or (not second.startswith("ال") and is_news_word(second))):
            end = start + 1  # «محافظة أربيل المشهد الأمني», «غزة المدمرة»: a known town, then a participle;
            # «ميناء بربرة استقبل», «رئيس ولاية بونتلاند سعيد عبدالله»: then a word of the news
        if doc[index].norm_ in self.geographic:
            return self._geographic(doc, index, start)
        span = doc[start:end]
        return [self.mention(doc, "PLACE", span.start_char, span.end_char,
                             f"context:descriptor {doc[index].norm_} + name", 0.7)]
