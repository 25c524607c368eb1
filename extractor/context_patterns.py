"""Context patterns: names no list holds, found by the words around them.

A head noun and what follows make a BASE («قاعدة» + name), a PLACE (a strong
descriptor + name), a FORCE (a unit head + number, ordinal or name; a force
head + definite name; a national head + nationality adjective; a command +
force; a warship + quoted name). The words are data in
``models/patterns/context.yaml`` (issue 3, point 3).
"""

from __future__ import annotations

from spacy.tokens import Doc

from .language import doc_text
from .lexicons import (
    common_words,
    context_words,
    is_frequent_adjective,
    known_names,
    time_words,
)
from .mentions import Mention
from .normalize import strip_al
from .recognizers import _QUOTES, Recognizer, _place_names, nationality_adjectives
from .text import PROCLITIC_LETTERS

__all__ = ["ContextRecognizer"]


#: Nisba endings: a frequent word with one is an adjective after any head («قاعدة عسكرية»);
#: other adjective endings only after a place descriptor (bases take plain words as names).
_NISBA = ("يه", "يون", "يين")

#: Compass words that name an operations command's sector («قيادة عمليات غرب الأنبار»).
_COMPASS = frozenset({"شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"})


#: سـ + an imperfect prefix: «ستبقى», «سيتم», «سننسحب».
_FUTURE_PREFIXES = frozenset({"سي", "ست", "سن"})


class ContextRecognizer(Recognizer):
    """Names no list holds, found by the words around them (``context.yaml``)."""

    name = "context"
    labels = ("PLACE", "BASE", "FORCE")

    def __init__(self) -> None:
        words = context_words
        self.base_heads = words("base_heads")
        self.needs_marker = words("base_heads_needing_military_marker")
        self.markers = words("military_markers")
        self.strong = words("place_descriptors_strong")
        self.stop = words("name_stopwords") | words("place_cues") | words("ordinals") | time_words()
        self.compound = words("compound_first")
        self.unit_heads = words("unit_heads")
        self.offices = words("descriptor_objects")
        self.town_unit_heads = words("town_unit_heads")
        self.compass_unit_heads = words("compass_unit_heads")
        self.compass_adjectives = words("compass_adjectives")
        self.compass_names = frozenset("ال" + word for word in self.compass_adjectives)
        self.ordinals = words("ordinals")
        self.specifiers = words("unit_specifiers")
        self.name_links = words("name_links")
        self.titles = words("name_titles")
        self.command_heads = words("command_heads")
        self.ship_heads = words("ship_heads")
        self.command_links = words("command_links")
        self.force_heads = words("force_heads")
        self.quoted_force_heads = words("quoted_force_heads")
        self.definite_heads = words("force_heads_definite") | words("force_heads_indefinite")
        self.adjectives = nationality_adjectives()
        self.service_words = words("force_service_words")
        self.partitives = words("partitive_heads")
        self.relatives = words("relative_pronouns")
        self.use_verbs = words("military_use_verbs")
        self.command_qualifiers = words("command_qualifiers")
        self.region_heads = words("military_region_heads")
        self.territory_heads = words("territory_heads")
        self.region_names = words("military_region_names") | self.ordinals
        self.not_forces = words("force_head_exclusions") | words("place_descriptors")
        from .event_lexicon import (
            trigger_index,  # trigger nouns end a force name («حركة الشباب الهجوم»)
        )

        self.triggers = frozenset(trigger_index())
        self.verb_triggers = frozenset(form for form, (_, tense) in trigger_index().items() if tense != "noun")
        heads = self.base_heads | self.strong | self.unit_heads | self.force_heads | self.definite_heads \
            | self.command_heads | self.ship_heads | self.region_heads | self.territory_heads | self.quoted_force_heads
        self.first_words = frozenset(head.split(" ")[0] for head in heads)  # a token outside starts nothing

    def analyze(self, doc: Doc) -> list[Mention]:
        mentions: list[Mention] = []
        norms = [token.norm_ for token in doc]
        for index, norm in enumerate(norms):
            if norm not in self.first_words:
                continue  # most tokens: no head of any pattern starts here
            pair = f"{norm} {norms[index + 1]}" if index + 1 < len(norms) else norm
            for head_norm, width in ((pair, 2), (norm, 1)):
                if head_norm in self.base_heads:
                    mentions.extend(self._base(doc, index, width, head_norm))
                    break
            if norm in self.strong:
                mentions.extend(self._place(doc, index))
            if norm in self.unit_heads:
                mentions.extend(self._unit(doc, index))
            if norm in self.force_heads or (norm in self.quoted_force_heads and index + 1 < len(doc)
                                            and doc[index + 1].text in _QUOTES):
                mentions.extend(self._group(doc, index))
            for head_norm, width in ((pair, 2), (norm, 1)):
                if head_norm in self.ship_heads:
                    mentions.extend(self._ship(doc, index, width))
                    break
            if norm in self.command_heads and index + 1 < len(doc) and norms[index + 1] in self.command_links:
                mentions.extend(self._group(doc, index + 1, head_start=index))
            if norm in self.command_heads:
                mentions.extend(self._general_command(doc, index))
            if norm in self.region_heads:
                mentions.extend(self._military_region(doc, index))
            if norm in self.territory_heads and index + 1 < len(doc) and norms[index + 1] in self.adjectives:
                span = doc[index:index + 2]  # «الأراضي اللبنانية»: a country's territory (guidelines §3)
                mentions.append(self.mention(doc, "PLACE", span.start_char, span.end_char,
                                             f"context:territory {norms[index + 1]}", 0.85, kind="territory"))
            if norm in self.command_heads and index + 1 < len(doc) and norms[index + 1] in self.unit_heads:
                mentions.extend(self._widened(doc, self._unit(doc, index + 1), index))  # «قيادة الأسطول الخامس»
            triple = " ".join(norms[index:index + 3])
            for head_norm, width in ((triple, 3), (pair, 2), (norm, 1)):  # «قوات حرس الحدود السعودية»
                found = self._national(doc, index, width) if head_norm in self.definite_heads else []
                if found:
                    mentions.extend(found)
                    break
        return mentions

    # -- names -----------------------------------------------------------
    def _is_name_word(self, token) -> bool:
        norm = token.norm_
        code = token.text.isalnum() and not token.text.isdigit() and token.text.isascii()  # «K1», «H3»
        if not (token.is_alpha or code) or token._.is_clitic or norm in self.stop or norm in self.adjectives:
            return False
        if norm.endswith(_NISBA) and is_frequent_adjective(norm):
            return False  # indefinite nisba adjective («قاعدة عسكرية»); a rare one is a name («معسكر بسماية»)
        return norm not in self.verb_triggers  # «قرى انسحبت منها»: a verb names nothing

    def _rare_continuation(self, previous, current) -> bool:
        """«نور خان», «قره داغ», «دونغ ميونغ», «جمال عبد»: an undefined name word goes on
        with another undefined word that is no common word of the news (nor a marker,
        a nationality, a trigger or a number word, nor one with a clitic left on: «وشبعا»)."""
        norms = (previous.norm_, current.norm_)
        if current.norm_[:2] in _FUTURE_PREFIXES and len(current.norm_) >= 5:
            return False  # «بلدة حدر ستبقى»: a verb in the future tense ends the name
        return not any(n.startswith("ال") for n in norms) and current.is_alpha \
            and current.norm_[:1] not in PROCLITIC_LETTERS \
            and current.norm_ not in common_words() and current.norm_ not in self.markers \
            and current.norm_ not in self.triggers and len(current.norm_) >= 2

    def _name_after(self, doc: Doc, index: int) -> tuple[int, int] | None:
        """Token span [start, end) of a name right after ``index`` (quoted or not)."""
        start = index + 1
        if start >= len(doc):
            return None
        opener = doc[start].text
        if opener in _QUOTES:
            closer = _QUOTES[opener]
            for end in range(start + 1, min(start + 7, len(doc))):
                if doc[end].text == closer:
                    return (start, end + 1) if end > start + 1 else None
            return None
        if not self._is_name_word(doc[start]):
            return None
        end = start + 1
        while end < len(doc) and end - start < 4:
            previous, current = doc[end - 1], doc[end]
            if current.norm_ in self.name_links and end + 1 < len(doc) and doc[end + 1].is_alpha:
                end += 2  # «قاعدة سعيد بن سلطان»
                continue
            if current.text.isdigit() and previous.text.isascii() and not previous.whitespace_:
                end += 1  # «قاعدة K1»: the tokenizer parts letters from digits
                continue
            compound = previous.norm_ in self.compound or previous.norm_ in self.titles  # «بئر الغبي»
            takes_more = compound or (current.norm_.startswith("ال") and not previous.norm_.startswith("ال")
                                      and end - start == 1) or self._rare_continuation(previous, current)
            if not (takes_more and self._is_name_word(current)) or (not compound and self._describes_name(current)):
                break
            end += 1
        return start, end

    def _describes_name(self, token) -> bool:
        """«محافظة شبوة النفطية», «معسكر ورشيخ الساحلي»: a frequent definite adjective after
        the name describes the place; compass words stay («الزاوية الشمالية»)."""
        bare = strip_al(token.norm_)
        return token.norm_.startswith("ال") and bare.endswith(("ي", "يه")) and is_frequent_adjective(bare) \
            and bare not in self.compass_adjectives

    def _base(self, doc: Doc, index: int, width: int, head: str) -> list[Mention]:
        after = index + width
        if after < len(doc) and doc[after].norm_ in self.unit_heads:
            unit = self._unit(doc, after)  # «مقر اللواء ٩٠», «معسكر الفوج 111»: a unit's own base
            if unit:
                return [self.mention(doc, "BASE", doc[index].idx, unit[0].end,
                                     f"context:head {head} + unit", 0.85, kind=head)]
        name = self._name_after(doc, index + width - 1)
        if name is None:
            return []
        start, end = name
        if head in self.needs_marker and not (end < len(doc) and doc[end].norm_ in self.markers) \
                and not self._military_use_after(doc, end):
            return []
        first = doc[index]
        return [self.mention(doc, "BASE", first.idx, doc[end - 1].idx + len(doc[end - 1]),
                             f"context:head {head} + name", 0.85, kind=head)]

    def _military_use_after(self, doc: Doc, end: int) -> bool:
        """«مطار بوصاصو، الذي تتخذه منطلقاً لعملياتها»: a relative clause says forces use it."""
        following = [t.norm_ for t in doc[end:end + 4] if t.norm_ not in {"،", ","}]
        return len(following) >= 2 and following[0] in self.relatives and following[1] in self.use_verbs

    def _place(self, doc: Doc, index: int) -> list[Mention]:
        name = self._name_after(doc, index)
        if name is None:
            return []
        start, end = name
        if is_frequent_adjective(doc[start].norm_) or (end - start == 1 and doc[start].norm_ in self.offices):
            return []  # «منطقة عازلة», «بلدات صغيرة», «منطقة العمليات»: described, not named
        span = doc[start:end]
        return [self.mention(doc, "PLACE", span.start_char, span.end_char,
                             f"context:descriptor {doc[index].norm_} + name", 0.7)]

    def _unit(self, doc: Doc, index: int) -> list[Mention]:
        nxt = self._skip_specifiers(doc, index + 1)
        if nxt >= len(doc):
            return []
        token = doc[nxt]
        indefinite = not doc[index].norm_.startswith("ال")
        if nxt > index + 1 and not (token.like_num or token.norm_ in self.ordinals):
            if indefinite and doc[index + 1].norm_.startswith("ال"):  # «فوج المغاوير»: a construct
                return self._unit_mention(doc, index, nxt)
            return []  # «الكتيبة الميكانيكية» alone is a description, not a unit name
        end = None
        if token.like_num or token.norm_.isdigit():
            end = nxt + 1
        elif token.norm_ in self.ordinals or (doc[index].norm_ in self.compass_unit_heads
                                              and token.norm_ in self.compass_names):
            end = nxt + 1  # «الأسطول الخامس», «الأسطول الجنوبي»
            if nxt + 1 < len(doc) and f"{token.norm_} {doc[nxt + 1].norm_}" in self.ordinals:
                end = nxt + 2
        elif not doc[index].norm_.startswith("ال") and token.norm_.startswith("ال") \
                and self._is_name_word(token):
            end = nxt + 1
        elif nxt == index + 1 and token.text in _QUOTES and not doc[index].norm_.startswith("ال"):
            quoted = self._name_after(doc, index)  # «لواء "غورغور"», «كتيبة "أسود الصحراء"»
            end = quoted[1] if quoted else None
        elif nxt == index + 1 and not doc[index].norm_.startswith("ال") and nxt + 1 < len(doc) \
                and doc[nxt + 1].norm_.startswith("ال") and self._is_name_word(token) \
                and self._is_name_word(doc[nxt + 1]) and doc[nxt + 1].norm_ not in self.adjectives:
            end = nxt + 2  # a construct name: «كتيبة شهداء النصر», «لواء درع الساحل»
        elif nxt == index + 1 and doc[index].norm_ in self.town_unit_heads and token.norm_ in _place_names():
            end = nxt + 1  # a battalion named after its town: «كتيبة طولكرم», «كتيبة جنين»
        return [] if end is None else self._unit_mention(doc, index, end)

    def _unit_mention(self, doc: Doc, index: int, end: int) -> list[Mention]:
        span = doc[index:self._unit_tail(doc, end)]
        return [self.mention(doc, "FORCE", span.start_char, span.end_char,
                             f"context:unit {doc[index].norm_}", 0.85, kind="unit")]

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
            elif doc[end].norm_ in self.ordinals or doc[end].norm_ in self.service_words \
                    or doc[end].norm_ in self.adjectives:
                end += 1  # «الرابعة», «الملكية», «الأمريكي»
            elif doc[end].norm_ in self.name_links and end + 1 < len(doc) and doc[end + 1].is_alpha:
                end += 2  # «بن علي»: any word after بن is a name («علي» normalizes like «على»)
            else:
                break
        return end

    def _group(self, doc: Doc, index: int, head_start: int | None = None) -> list[Mention]:
        """A force head and its name; ``head_start`` widens it over a command word before."""
        if doc[index].norm_ in self.partitives and index + 1 < len(doc) and doc[index + 1].norm_.startswith("ال"):
            return []  # «وحدات الجيش العربي السوري»: the partitive stays outside the force
        quoted = self._name_after(doc, index) if index + 1 < len(doc) and doc[index + 1].text in _QUOTES else None
        if quoted is not None:  # «تنظيم "داعش"», «قوات «الدعم السريع»»: the head and the quoted name
            # and its specifiers or nationality («قوات «دنب» الخاصة», «قوة "برخان" الفرنسية»)
            start, last = doc[head_start if head_start is not None else index], doc[self._unit_tail(doc, quoted[1]) - 1]
            return [self.mention(doc, "FORCE", start.idx, last.idx + len(last.text),
                                 f"context:force head {doc[index].norm_} + quoted name", 0.85, kind="group")]
        end = index + 1
        while end < len(doc) and end - index <= 3:
            token = doc[end]
            norm = token.norm_
            if norm in self.name_links and end + 1 < len(doc) and doc[end + 1].is_alpha:
                end += 2  # «ميليشيا آل دقلو», «كتائب ابن تيمية»: the family name ends it
                break
            if head_start is not None and end == index + 1 and norm in _COMPASS and end + 1 < len(doc) \
                    and doc[end + 1].norm_ in _place_names():
                end += 2  # «قيادة عمليات غرب نينوى»: an operations command named by its sector
                break
            definite_name = norm.startswith("ال") and self._is_name_word(token)
            if norm in self.stop or norm in self.triggers or norm in self.not_forces \
                    or norm in self.base_heads or norm in self.strong or not (
                    definite_name or norm in self.adjectives or norm in known_names()):
                break
            if token._.is_clitic or (end > index + 1 and norm in _place_names()):
                break  # «ستغادر قوات التحالف بغداد»: a place after the name is the verb's object
            end += 1
        if end == index + 1:
            return []
        start = index if head_start is None else head_start
        span = doc[start:end]
        return [self.mention(doc, "FORCE", span.start_char, span.end_char,
                             f"context:force head {doc[start].norm_}", 0.75, kind="group")]

    def _general_command(self, doc: Doc, index: int) -> list[Mention]:
        """«القيادة العامة للقوات المسلحة الأردنية»: a command of a national force."""
        at = index + 1
        if at + 1 < len(doc) and doc[at].norm_ in self.command_qualifiers and doc[at + 1].norm_ == "ل":
            for width in (2, 1):
                pair = " ".join(t.norm_ for t in doc[at + 2:at + 2 + width])
                if pair in self.definite_heads:
                    return self._widened(doc, self._national(doc, at + 2, width), index)
        return []

    def _military_region(self, doc: Doc, index: int) -> list[Mention]:
        """«المنطقة العسكرية الشرقية», «منطقة طبرق العسكرية» (with «قيادة» before it): a
        regional command, a FORCE."""
        end = None
        nxt = index + 1
        if nxt + 1 < len(doc) and doc[nxt].norm_ in self.markers and doc[nxt + 1].norm_ in self.region_names:
            end = nxt + 2
        elif nxt + 1 < len(doc) and doc[nxt + 1].norm_ in self.markers and self._is_name_word(doc[nxt]) \
                and not doc[index].norm_.startswith("ال"):
            end = nxt + 2
        if end is None:
            return []
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
        """A warship head, nationality adjectives, then a quoted name."""
        at = index + width
        while at < len(doc) and doc[at].norm_ in self.adjectives:
            at += 1
        if at >= len(doc) or doc[at].text not in _QUOTES:
            return []
        name = self._name_after(doc, at - 1)
        if name is None:
            return []
        last = doc[name[1] - 1]
        return [self.mention(doc, "FORCE", doc[index].idx, last.idx + len(last.text),
                             f"context:warship {doc[index].norm_} + quoted name", 0.85, kind="ship")]

    def _national(self, doc: Doc, index: int, width: int) -> list[Mention]:
        """A national head, service words, a nationality: «القوات البحرية الملكية السعودية»."""
        nxt = index + width
        while nxt < len(doc) and nxt - index - width < 2 and doc[nxt].norm_ in self.service_words:
            nxt += 1
        if nxt >= len(doc) or doc[nxt].norm_ not in self.adjectives:
            return []
        span = doc[index:nxt + 1]
        return [self.mention(doc, "FORCE", span.start_char, span.end_char,
                             f"context:national {span[0].norm_} + {doc[nxt].norm_}", 0.9,
                             kind="state_force")]
