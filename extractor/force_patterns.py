"""Context patterns for FORCE names: a unit head with its number, ordinal, name or
specifiers («اللواء 23 ميكا», «كتيبة "أسود الصحراء"»), a force head with its name
(«قوات «الدعم السريع»», «وحدات حماية سنجار»). Commands, regions, warships and national
forces are ``command_patterns``.

A mixin of ``ContextRecognizer`` (``context_patterns``): it reads the recognizer's
word sets, all data in ``models/patterns/context.yaml``.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from .language import token_norms
from .lexicons import (
    COMPASS_WORDS,
    context_words,
    force_keys,
    known_names,
    place_entries,
    place_keys_of_kind,
)
from .mentions import Mention
from .normalize import phrase_key
from .place_words import place_keys, place_names
from .quantity_lexicon import quantity_lexicon
from .text import QUOTES
from .word_forms import (
    common_words,
    definite_nisba,
    frequent_words,
    is_news_word,
    reads_as,
    time_words,
)

__all__ = ["ForcePatterns"]


class ForcePatterns:
    """FORCE names found by their head and the words after it."""

    def _unit(self, doc: Doc, index: int) -> list[Mention]:
        if self._names_district(doc, index) or self._a_banner(doc, index):
            return []
        nxt = self._skip_specifiers(doc, index + 1)
        numbered = nxt
        while numbered < len(doc) and numbered - nxt < 3 and (doc[numbered].norm_ in self.service_words or (
                definite_nisba(doc[numbered].norm_) and doc[numbered].norm_ not in self.unit_ordinals)):
            # («الثاني عشر» is the ordinal itself)
            numbered += 1  # «اللواء الآلي الملكي الرابع عشر», «السرب الهجومي 42»: service words and
            # nisba adjectives before the ordinal or the number
        if nxt < numbered < len(doc) and (doc[numbered].norm_ in self.unit_ordinals or doc[numbered].norm_.isdigit()):
            nxt = numbered
        if nxt >= len(doc):
            return []
        token = doc[nxt]
        # «للواء «كفير»»: ل + «لواء» is written as ل + «اللواء» (the NORM takes the article), so
        # a head of its own ل may be indefinite and take a name; «للفرقة» is only «الفرقة»
        head_norm = doc[index].norm_
        indefinite = not head_norm.startswith("ال") or (head_norm[2:3] == "ل" and not doc[index].text.startswith("ال"))
        if nxt > index + 1 and not (token.norm_.isdigit() or token.norm_ in self.unit_ordinals):
            if indefinite and doc[index + 1].norm_.startswith("ال") and doc[index].norm_ not in self.partitives:
                return self._unit_mention(doc, index, nxt)  # «فوج المغاوير»: a construct; not «وحدة النخبة»
            if indefinite and self._force_name_word(token) and (
                    token.norm_.startswith("ال") or token.norm_ in place_names()
                    or token.norm_ not in frequent_words()):
                end = nxt + 1  # «كتيبة حماية الغور الجنوبي», «فوج طوارئ ديالى»: what the specifier serves
                if end < len(doc) and doc[end].norm_ in self.compass_names:
                    end += 1
                return self._unit_mention(doc, index, end)
            return []  # «الكتيبة الميكانيكية» alone is a description, not a unit name
        end = None
        if token.norm_.isdigit() and head_norm in self.ordinal_only_heads:
            end = None  # «نشر الجيش 500 جندي»: a count after the army, not a unit «الجيش 500»
        elif token.norm_.isdigit():  # «اللواء 93», «اللواء 8 مواقع»; a number word counts what follows
            # («سلّم اللواء ثلاثة مقرات»), and so do digits after a specifier («الفرقة المدرعة 500 جندي»)
            end = nxt + 1 if nxt == index + 1 or self._unit_number(doc, nxt) else None
        elif token.norm_ in self.unit_ordinals or (doc[index].norm_ in self.compass_unit_heads
                                              and token.norm_ in self.compass_names):
            end = nxt + (self._ordinal_width(doc, nxt) or 1)  # «الأسطول الخامس», «الأسطول الجنوبي»
        elif nxt == index + 1 and token.norm_ in self.titles and nxt + 1 < len(doc) \
                and indefinite and self._is_name_word(doc[nxt + 1]):
            end = self._person_end(doc, nxt + 1)  # a unit named after a person: «لواء الملك طلال»
        elif indefinite and token.norm_.startswith("ال") \
                and (self._force_name_word(token) or self._construct_nisba(doc, index, nxt)):
            end = nxt + (self._known_force_width(doc, nxt) or 1)  # «لواء الحرس الجمهوري»
            end += end < len(doc) and doc[end].norm_ in self.compass_names  # «كتيبة الحدود الغربية»
        elif nxt == index + 1 and indefinite and token.norm_ in self.name_compounds and nxt + 1 < len(doc) \
                and self._is_name_word(doc[nxt + 1]) and doc[nxt + 1].norm_ not in self.triggers:
            end = nxt + 2  # a unit named after a man's two-word name («كتيبة أبو عبيدة»)
            if end < len(doc) and doc[end].norm_.startswith("ال") and self._is_name_word(doc[end]) \
                    and doc[end].norm_ not in self.adjectives and doc[end].norm_ not in self.triggers:
                end += 1  # and the definite word after it («كتيبة أبو بكر الصديق»)
        elif nxt == index + 1 and token.text in QUOTES and indefinite:
            quoted = self._name_after(doc, index)  # «لواء "غورغور"», «كتيبة "أسود الصحراء"»
            end = quoted[1] if quoted else None
        elif nxt == index + 1 and indefinite and nxt + 1 < len(doc) \
                and doc[nxt + 1].norm_.startswith("ال") and self._force_name_word(token) \
                and self._is_name_word(doc[nxt + 1]) and doc[nxt + 1].norm_ not in self.adjectives \
                and doc[nxt + 1].norm_ not in self.triggers:  # not «تبدأ فرقة غزة الانسحاب»
            end = nxt + 2  # a construct name: «كتيبة شهداء النصر», «لواء درع الساحل»
        elif nxt == index + 1 and doc[index].norm_ in self.town_unit_heads and token.norm_ in place_names():
            end = nxt + 1  # a battalion named after its town: «كتيبة طولكرم», «كتيبة جنين»
        elif nxt == index + 1 and doc[index].norm_ in self.town_unit_heads and token.norm_ in self.unit_camps \
                and nxt + 1 < len(doc) and doc[nxt + 1].is_alpha and not doc[nxt + 1].norm_.startswith("و"):
            end = nxt + 2  # ... or after its camp: «كتيبة مخيم عسكر», «كتيبة مخيم جنين»
        elif nxt == index + 1 and indefinite:
            end = self._rare_name_end(doc, nxt)
        return [] if end is None else self._unit_mention(doc, index, end)

    def _person_end(self, doc: Doc, first: int) -> int:
        """The end of a person's name from its first word after a title: the rare words after it
        («الشهيد ثابت جواس», «الشهيد أحمد العبدو»; not «كتيبة الشهيد أحمد مواقع»)."""
        end = first + 1
        while end < min(len(doc), first + 3) and self._is_name_word(doc[end]) and not is_news_word(doc[end].norm_) \
                and not (doc[end].norm_[:1] == "و" and is_news_word(doc[end].norm_[1:])):
            end += 1  # (not «كتيبة الشهيد خالد ومسلحين»: و + a word of the news)
        return end

    def _names_district(self, doc: Doc, index: int) -> bool:
        """«لواء الأغوار الجنوبية», «لواء ماحص والفحيص»: a district head before a gazetteer
        district is its descriptor (the lexicon recognizer then finds the PLACE)."""
        if doc[index].norm_ not in self.district_heads:
            return False
        for width in range(1, min(4, len(doc) - index - 1) + 1):
            if phrase_key(doc[index + 1:index + 1 + width].text) in district_keys():
                after = index + 1 + width
                return after >= len(doc) or (doc[after].norm_ not in self.unit_ordinals
                                             and self._specifier_width(doc, after) == 0)
                # «لواء التحرير الآلي السادس»: a service word or an ordinal makes it a brigade
        return False

    def _a_banner(self, doc: Doc, index: int) -> bool:
        """«تحت لواء الأمم المتحدة»: under a banner, no brigade."""
        return doc[index].norm_ == "لواء" and index > 0 and reads_as(doc[index - 1].norm_, self.banner_words)

    def _served(self, doc: Doc, index: int) -> bool:
        """«قوة العمليات المشتركة», «قوة المهام البحرية», «قوة المهام 59»: «قوة», a definite noun
        and a unit's specifier, service word or number make a force's name (not «قوة الانفجار»)."""
        return index + 2 < len(doc) and doc[index + 1].norm_.startswith("ال") and (
            self._specifier_width(doc, index + 2) > 0 or doc[index + 2].norm_ in self.service_words
            or (doc[index + 1].norm_ in self.task_words and self._name_number(doc, index + 2)))

    def _rare_name_end(self, doc: Doc, at: int) -> int | None:
        """After an indefinite unit head, a word that is no frequent Arabic word is a name
        («كتيبة شمشون», «لواء شومرون»), also after a link word («كتيبة شهداء ككلة»); a
        frequent one describes («فرقة إنقاذ»)."""
        if at >= len(doc):
            return None
        if doc[at].norm_ in self.force_links and at + 1 < len(doc):
            at += 1
        token = doc[at]
        if not self._force_name_word(token) or token.norm_ in frequent_words() or token.norm_ in self.strong:
            return None
        return at + 1

    def _force_name_word(self, token) -> bool:
        """A word that may name a force: a name word, neither a trigger nor a word that makes a
        head something else («قوات المرور», a place descriptor)."""
        return self._is_name_word(token) and token.norm_ not in self.triggers and token.norm_ not in self.not_forces \
            and not self._preposition_phrase(token.norm_)  # «كتائب لتأمين الطريق»: a purpose, no name

    def _unit_mention(self, doc: Doc, index: int, end: int) -> list[Mention]:
        if end == index + 2 and end < len(doc) and not doc[index].norm_.startswith("ال") and self._unit_number(doc, end):
            end += 1  # «لواء الشهيد 35 المدرع»: the number after a one-word name
        span = doc[index:self._unit_tail(doc, end)]
        return [self.mention(doc, "FORCE", span.start_char, span.end_char,
                             f"context:unit {doc[index].norm_}", 0.85, kind="unit")]

    def _ordinal_width(self, doc: Doc, at: int) -> int:
        """How many tokens from ``at`` form an ordinal: two for «الخامسة عشرة», one for «الثانية»
        or «الستون», 0 for none."""
        if at + 1 < len(doc) and f"{doc[at].norm_} {doc[at + 1].norm_}" in self.ordinals:
            return 2
        return 1 if at < len(doc) and doc[at].norm_ in self.unit_ordinals else 0

    def _specifier_width(self, doc: Doc, at: int) -> int:
        """How many tokens from ``at`` form one unit specifier (0: none)."""
        if at + 1 < len(doc) and doc[at].norm_ == "ل" and doc[at]._.is_clitic:
            width = self._specifier_width(doc, at + 1)  # «للتدخل السريع» is split ل + التدخل
            return width + 1 if width else 0
        if at + 1 < len(doc) and f"{doc[at].norm_} {doc[at + 1].norm_}" in self.specifiers:
            return 2
        if at + 2 < len(doc) and doc[at + 1].norm_ == "و" and \
                f"{doc[at].norm_} و{doc[at + 2].norm_}" in self.specifiers:
            return 3  # «دعم وإسناد» with the و split off
        return 1 if at < len(doc) and doc[at].norm_ in self.specifiers else 0

    def _skip_specifiers(self, doc: Doc, at: int) -> int:
        while (width := self._specifier_width(doc, at)):
            at += width
        return at

    def _unit_tail(self, doc: Doc, end: int) -> int:
        """Extend a unit name over its specifiers, an ordinal, service words, a nationality
        and a «بن» name («سرية الهندسة الملكية الرابعة», «الأسطول الخامس الأمريكي»)."""
        for _ in range(3):
            if end >= len(doc):
                break
            if (width := self._specifier_width(doc, end)):
                end += width
            elif doc[end].norm_ in self.unit_ordinals or doc[end].norm_ in self.service_words \
                    or doc[end].norm_ in self.adjectives:
                end += 1  # «الرابعة», «الملكية», «الأمريكي»
            elif doc[end - 1].norm_ in self.ordinals and doc[end].norm_ == "و" and end + 1 < len(doc) \
                    and doc[end + 1].norm_ in self.ordinal_tens:
                end += 2  # «الثانية والعشرون»
            elif doc[end].norm_ in self.name_links and end + 1 < len(doc) and doc[end + 1].is_alpha:
                end += 2  # «بن علي»: any word after بن is a name («علي» normalizes like «على»)
            elif definite_nisba(doc[end].norm_) \
                    and (width := self._ordinal_width(doc, end + 1)):
                end += 1 + width  # «سرية الدوريات الصحراوية الثانية»: an adjective the unit's ordinal closes
            elif self._number_after_specifier(doc, end):
                end += 1  # «لواء مبارك المدرع 15»
            elif doc[end - 1].norm_ in self.ordinals and (width := self._force_after_ordinal(doc, end)):
                end += width  # «اللواء الثاني درع الوطن», «اللواء الأول دفاع شبوة»
            else:
                break
        return end

    @staticmethod
    def _known_force_width(doc: Doc, at: int) -> int:
        """How many words from ``at`` make a force the lexicon knows (0: none)."""
        norms = token_norms(doc)
        return next((width for width in (3, 2) if " ".join(norms[at:at + width]) in force_keys()), 0)

    def _force_after_ordinal(self, doc: Doc, at: int) -> int:
        """Words after a numbered unit that name the force it belongs to: a force the lexicon
        knows, or a link word and a place («دفاع شبوة»); 0 when none follows."""
        norms = token_norms(doc)
        if (width := self._known_force_width(doc, at)):
            return width
        return 2 if at + 1 < len(doc) and norms[at] in self.force_links and norms[at + 1] in place_names() else 0

    def _number_after_specifier(self, doc: Doc, at: int) -> bool:
        """Digits after a unit's specifier or service word number it («لواء مبارك المدرع 15»,
        «كتيبة الهندسة العسكرية ١١٤»)."""
        return self._unit_number(doc, at) and (self._specifier_width(doc, at - 1) == 1
                                                or doc[at - 1].norm_ in self.service_words)

    def _name_number(self, doc: Doc, at: int) -> bool:
        """Short digits that number a task force or a base, not a year nor a count («قوة المهام
        59», «معسكر 27»)."""
        return at < len(doc) and self._unit_number(doc, at) and len(doc[at].norm_) <= 3

    @staticmethod
    def _unit_number(doc: Doc, at: int) -> bool:
        """Digits that number a unit, not a count of what follows them («نشرت الفرقة المدرعة
        500 جندي»; but «الكتيبة الآلية 15 نقطة «الغرّاء»»: a noun with a quoted name counts nothing)."""
        if not doc[at].norm_.isdigit():
            return False
        following = doc[at + 1].norm_ if at + 1 < len(doc) else ""
        lexicon = quantity_lexicon()
        return (following not in lexicon.units and following not in lexicon.words) \
            or (at + 2 < len(doc) and doc[at + 2].text in QUOTES)

    def _group(self, doc: Doc, index: int, head_start: int | None = None) -> list[Mention]:
        """A force head and its name; ``head_start`` widens it over a command word before."""
        if doc[index].norm_ in self.apparatus_heads and index + 1 < len(doc) and doc[index + 1].text not in QUOTES \
                and doc[index + 1].norm_ not in self.apparatus_names:
            return []  # «جهاز التعريف الآلي»: a device, not a security service
        if index and not doc[index].norm_.startswith("ال") and (
                doc[index - 1].like_num or doc[index - 1].norm_ in quantity_lexicon().words):
            return []  # «ستنشر أربع سرايا مشاة ميكانيكية»: counted companies of a kind, no force's name
        named = index + 2 if index + 2 < len(doc) and doc[index + 1].text in QUOTES else index + 1
        if named < len(doc) and ((doc[named].norm_ in self.unit_heads and not doc[named].norm_.startswith("ال"))
                                 or doc[index].norm_ in self.partitives and (
                doc[index + 1].norm_.startswith("ال") or doc[named].norm_ in self.force_heads)):
            return []  # «وحدات الجيش العربي السوري», «وحدات قوات الدفاع الجوي», «وحدات فوج التدخل الخامس»,
            # «كتائب «لواء الإمام»»: the partitive stays outside
        if doc[index].norm_ in self.partitives_before_known and any(
                " ".join(t.norm_ for t in doc[index + 1:index + 1 + width]) in force_keys() for width in (1, 2, 3)):
            return []  # «ألوية الحشد الشعبي»: a force the lexicon names stands alone
        named_at = index + 1 if index + 2 < len(doc) and doc[index + 1].norm_ in self.operation_words else index
        quoted = self._name_after(doc, named_at) if named_at + 1 < len(doc) and doc[named_at + 1].text in QUOTES \
            else None  # «قوات عملية «هادين كاي»»: the forces of a named operation
        if quoted is not None:  # «تنظيم "داعش"», «قوات «الدعم السريع»»: the head and the quoted name
            # and its specifiers or nationality («قوات «دنب» الخاصة», «قوة "برخان" الفرنسية»)
            start, last = doc[head_start if head_start is not None else index], doc[self._unit_tail(doc, quoted[1]) - 1]
            return [self.mention(doc, "FORCE", start.idx, last.idx + len(last.text),
                                 f"context:force head {doc[index].norm_} + quoted name", 0.85, kind="group")]
        end = index + 1
        if (guarded := self._guarded_place(doc, index + 1)):
            end = guarded  # «وحدات حماية سنجار», «قوات حماية سهل نينوى»: who guard a place
        elif self._construct_name(doc, index + 1):
            end = index + 2  # «قوات حفظ القانون», «جهاز دعم الاستقرار»: a construct name
            if doc[index + 1].norm_ in self.tribe_words and not doc[index + 2].norm_.startswith("ال"):
                end = index + 3  # «قوات قبائل مراد»: the tribe's name is the last word
        while end < len(doc) and end - index <= 3:
            token = doc[end]
            norm = token.norm_
            if norm in self.name_links and end + 1 < len(doc) and doc[end + 1].is_alpha:
                end += 2  # «ميليشيا آل دقلو», «كتائب ابن تيمية»: the family name ends it
                break
            if head_start is not None and end == index + 1 and norm in COMPASS_WORDS and end + 1 < len(doc) \
                    and doc[end + 1].norm_ in place_names():
                end += 2  # «قيادة عمليات غرب نينوى»: an operations command named by its sector
                break
            if end > index + 1 and doc[end - 1].norm_ in self.titles and self._is_name_word(token) \
                    and norm not in common_words():  # «قوات الشهيد أحمد العبدو»: named after a person
                end = self._person_end(doc, end)
                break
            if norm in self.ordinals and end > index + 1 and doc[end - 1].norm_.startswith("ال"):
                end += 1  # «قوات حدود المنطقة الرابعة»: a numbered part of the force
                break
            if end == index + 1 and norm.startswith("ال") and norm in self.unit_heads and self._unit(doc, end):
                return []  # «إحدى سرايا الفرقة 72», «كتائب اللواء 25»: parts of a numbered unit, the unit is the name
            definite_name = norm.startswith("ال") and self._is_name_word(token)
            service = end > index + 1 and norm in self.service_words  # «قوات الدفاع الجوي»
            if (norm in self.stop and not service) or norm in self.triggers or norm in self.not_forces \
                    or norm in self.base_heads or norm in self.strong or not (
                    definite_name or service or norm in self.adjectives
                    or (norm in known_names() and not (end > index + 1 and norm in common_words()))):
                break
            after_adjective = norm in self.adjectives and (doc[end - 1].norm_ in self.adjectives
                                                            or doc[end - 1].norm_ in self.service_words)
            if token._.is_clitic or (end > index + 1 and norm in place_names() and not after_adjective):
                break  # «ستغادر قوات التحالف بغداد»: a place after the name is the verb's object
                # (not a nationality after an adjective: «قوات الأمن الخاصة السعودية»)
            if end > index + 1 and not (service or norm in self.adjectives
                                        or (norm.endswith(("يه", "ي")) and norm not in common_words())) \
                    and " ".join(t.norm_ for t in doc[index:end]) in force_keys():
                break  # «أغلق جيش الاحتلال البوابة الحديدية»: a known force is whole; a noun after it is the
                # object, a nisba's look-alike too («أعلن جيش الاحتلال أراضي مرج الغزال»)
            if end > index + 2 and not (service or norm in self.adjectives) \
                    and " ".join(t.norm_ for t in doc[index + 1:end]) in force_keys():
                break  # «حمّل قوات أنصار الله المسؤولية»: a known name after the head is whole too
            if end > index + 1 and (doc[end - 1].norm_ in self.service_words or doc[end - 1].norm_ in self.adjectives) \
                    and not (service or norm in self.adjectives):
                break  # «قوات الطوارئ الدولية العاملة», «قوات أمريكية البلدة»: after a service word or a
                # nationality only more of them
            end += 1
        if end == index + 1 and head_start is not None and doc[index].norm_ in self.operation_words \
                and end < len(doc) and self._is_name_word(doc[end]):
            end += 1  # «قيادة عمليات سومر»: an operations command takes any one-word name
        if end == index + 1 and head_start is None and not doc[index].norm_.startswith("ال") \
                and self._name_number(doc, end):
            end += 1  # «قوات ٧٠»: a force named by its number (a count would have its noun after)
        if end == index + 1 and head_start is None and not doc[index].norm_.startswith("ال"):
            rare = self._rare_name_end(doc, index + 1)  # «قوات تمازج», «قوة حماية سانغا»
            end = self._unit_tail(doc, rare) if rare else end  # «ميليشيا فانو الإثيوبية»
        if end == index + 1 or (end == index + 2 and doc[index + 1].norm_.startswith("ال")
                                and doc[index + 1].norm_ in self.unit_heads):
            return []  # «سحب جميع قوات اللواء», «إحدى سرايا الكتيبة»: the unit named before, no name
        if self._name_number(doc, end):
            end = self._unit_tail(doc, end + 1)  # «قوة المهام 59», «قوة الواجب 808 السعودية»
        start = index if head_start is None else head_start
        span = doc[start:end]
        return [self.mention(doc, "FORCE", span.start_char, span.end_char,
                             f"context:force head {doc[start].norm_}", 0.75, kind="group")]

    def _construct_nisba(self, doc: Doc, index: int, at: int) -> bool:
        """A definite nisba right after an indefinite unit head cannot be its adjective (they
        would agree in definiteness): it is the name the head is in construct with («كتيبة
        المدني», a Zintan group). Not an ordinal nor a word of time («الثاني», «الماضي»)."""
        norm = doc[at].norm_
        return at == index + 1 and definite_nisba(norm) and norm not in self.ordinals and norm not in time_words()

    def _guarded_place(self, doc: Doc, at: int) -> int:
        """The end of «حماية» + a place the gazetteer knows after a force head; 0 when none."""
        if at + 1 >= len(doc) or doc[at].norm_ not in self.guard_words:
            return 0
        norms = token_norms(doc)
        return next((at + 1 + width for width in (3, 2, 1) if " ".join(norms[at + 1:at + 1 + width]) in place_keys()), 0)

    def _construct_name(self, doc: Doc, at: int) -> bool:
        """An indefinite noun and a definite one after a force head name it: «قوات حفظ
        القانون», «جهاز مكافحة الإرهاب» (not «قوات شرق الفرات»: a place, a cue or a trigger)."""
        if at + 1 >= len(doc):
            return False
        first, second = doc[at], doc[at + 1]
        if first.norm_ in self.tribe_words and second.is_alpha and self._force_name_word(second):
            return True  # «قوات قبائل مراد»: a tribe's name, definite or not
        return not first.norm_.startswith("ال") and second.norm_.startswith("ال") \
            and self._force_name_word(first) and self._force_name_word(second) \
            and first.norm_ not in place_names() and second.norm_ not in place_names()


@cache
def district_keys() -> frozenset[str]:
    """Names a district head («لواء») stands before as a district: the gazetteer's districts
    and the towns of the countries whose districts take their seat's name (``district_countries``:
    Jordan's «لواء الرويشد», «لواء الرمثا»)."""
    countries = context_words("district_countries")
    return place_keys_of_kind("district") | frozenset(
        entry.key for entry in place_entries() if entry.attrs.get("country_code") in countries)
