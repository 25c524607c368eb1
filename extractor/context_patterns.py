"""Context patterns: names no list holds, found by the words around them.

A head noun and what follows make a BASE («قاعدة» + name), a PLACE (a strong
descriptor + name, ``descriptor_patterns``), a FORCE (a unit head + number, ordinal or name; a force
head + definite name; a national head + nationality adjective; a command +
force; a warship + quoted name). The words are data in
``models/patterns/context.yaml`` (issue 3, point 3).
"""

from __future__ import annotations

from spacy.tokens import Doc

from .base_patterns import BasePatterns
from .command_patterns import CommandPatterns
from .descriptor_patterns import NISBA, DescriptorPatterns
from .force_patterns import ForcePatterns
from .language import hyphen_joins, token_norms
from .lexicons import context_words
from .mentions import Mention
from .normalize import has_hamza_alef, normalize, phrase_key, strip_al, vocalized_word
from .place_words import (
    after_preposition,
    after_preposition_descriptors,
    nationality_adjectives,
)
from .quantity_lexicon import counting_word
from .recognizers import Recognizer
from .text import PROCLITIC_LETTERS, QUOTES
from .word_forms import (
    clitic_pronoun_form,
    common_words,
    future_form,
    imperfect_verb_form,
    is_frequent_adjective,
    is_news_word,
    place_name_words,
    possessed_form,
    time_words,
    verb_form,
    verb_with_object,
    verbal_noun_form,
    vocalized_verb,
)

__all__ = ["ContextRecognizer"]

_TANWEEN = ("\u064b", "\u064c", "\u064d")  # ً ٌ ٍ


#: A و or ف the splitter left on an unknown word is its conjunction («وشبعا»); an unknown word
#: kept whole with ب, ك or ل first is a name word («كايغا كينجيريا»): a known stem would be split.
_CONJUNCTIONS = frozenset("وف")



class ContextRecognizer(BasePatterns, ForcePatterns, CommandPatterns, DescriptorPatterns, Recognizer):
    """Names no list holds, found by the words around them (``context.yaml``)."""

    name = "context"
    labels = ("PLACE", "BASE", "FORCE")

    def __init__(self) -> None:
        words = context_words
        self.base_heads = words("base_heads")
        self.needs_marker = words("base_heads_needing_military_marker")
        self.struck_sites = words("base_heads_struck")
        self.needs_the_marker = words("base_heads_needing_the_marker")
        self.quote_named = words("base_heads_named_by_quotes")
        self.site_idioms = words("site_idiom_words")
        self.named_by_rare_words = words("base_heads_named_by_rare_words")
        self.markers = words("military_markers")
        self.strong = words("place_descriptors_strong")
        self.settlements = words("settlement_descriptors")  # indefinite: «بلدة», not «البلدة»
        self.new_town_words = words("new_town_words")
        self.rare_name_heads = words("place_descriptors_rare_name")
        self.weak_descriptors = words("place_descriptors") - self.strong  # «ريف», «أطراف»: name nothing
        self.tribe_words = words("tribe_words")
        self.guard_words = words("guard_words")
        self.adjectival_descriptors = after_preposition_descriptors()
        self.body_heads = words("organisation_heads") - words("force_heads")
        self.two_senses = words("place_descriptors_of_two_senses")
        self.district_heads = words("district_heads")
        self.banner_words = words("banner_words")
        self.task_words = words("task_force_words")
        self.command_takers = words("command_takers")
        self.camp_purposes, self.camp_heads = words("camp_purposes"), words("camp_heads")
        self.directorate_heads = words("directorate_heads")
        self.directorate_services = words("directorate_services")
        self.geographic = words("geographic_heads")
        #: Heads spelled with a hamza on an alef somewhere («أم»): the others are not read off a
        #: word that has one («وأدى» is "and it led to", not «وادي»).
        self.hamza_heads = frozenset(normalize(raw) for raw in words("geographic_heads", normalized=False)
                                     if has_hamza_alef(raw))
        self.common_name_heads = words("geographic_heads_of_common_names")
        self.stop = words("name_stopwords") | words("place_cues") | words("ordinals") | time_words()
        self.compound = words("compound_first")
        self.unit_heads = words("unit_heads")
        self.offices, self.zone_uses = words("descriptor_objects"), words("descriptor_uses")
        self.town_unit_heads, self.unit_camps = words("town_unit_heads"), words("town_unit_camps")
        self.ordinal_only_heads = words("ordinal_only_unit_heads")
        self.compass_unit_heads = words("compass_unit_heads")
        self.compass_adjectives = words("compass_adjectives")
        self.compass_names = frozenset("ال" + word for word in self.compass_adjectives)
        self.ordinals = words("ordinals")
        self.ordinal_tens = words("ordinal_tens")
        self.unit_ordinals = self.ordinals | self.ordinal_tens  # «اللواء المدرع الملكي الستون»
        self.specifiers = words("unit_specifiers")
        self.name_links = words("name_links")
        self.name_compounds = words("name_compounds")
        self.titles = words("name_titles")
        self.positions = words("name_positions")
        self.force_links = words("place_force_links")  # «كتيبة شهداء ككلة»
        self.raw_stop = context_words("name_stopwords", normalized=False)
        self.command_heads = words("command_heads")
        self.ship_heads, self.civilian_ship_words = words("ship_heads"), words("civilian_ship_words")
        self.command_links = words("command_links")
        self.force_heads = words("force_heads")
        self.quoted_force_heads = words("quoted_force_heads")
        self.definite_heads = words("force_heads_definite") | words("force_heads_indefinite")
        self.adjectives = nationality_adjectives()
        self.post_descriptors, self.post_heads = words("border_post_descriptors"), words("border_post_heads")
        self.service_words = words("force_service_words")
        self.operation_words = words("operation_words")
        self.partitives = words("partitive_heads")
        self.partitives_before_known = words("partitives_before_known")
        self.relatives = words("relative_pronouns")
        self.use_verbs = words("military_use_verbs")
        self.command_qualifiers = words("command_qualifiers")
        self.region_heads, self.sector_heads = words("military_region_heads"), words("military_sector_heads")
        self.region_places = frozenset(phrase_key(name) for name in context_words("military_region_places"))
        self.territory_heads = words("territory_heads")
        self.region_names = words("military_region_names") | self.ordinals
        self.region_markers, self.number_words = self.markers | words("military_region_markers"), words("region_number_words")
        self.command_regions = words("command_regions")
        self.crown_words = words("crown_words")
        self.state_words, self.state_force_heads = words("state_words"), words("state_force_heads")
        self.apparatus_heads, self.apparatus_names = words("apparatus_heads"), words("apparatus_names")
        self.basis_nouns = words("basis_nouns")
        self.plural_base_heads = words("plural_base_heads")
        self.coded_site_heads = words("coded_site_heads")
        self.not_forces = words("force_head_exclusions") | words("place_descriptors") | words("force_epithets")
        from .event_lexicon import (
            trigger_index,  # trigger nouns end a force name («حركة الشباب الهجوم»)
        )

        self.triggers = frozenset(trigger_index())
        self.verb_triggers = frozenset(form for form, (_, tense) in trigger_index().items() if tense != "noun")
        heads = self.base_heads | self.strong | self.geographic | self.unit_heads | self.force_heads | self.definite_heads \
            | self.command_heads | self.ship_heads | self.region_heads | self.sector_heads | self.territory_heads \
            | self.quoted_force_heads | self.coded_site_heads | self.rare_name_heads | self.adjectival_descriptors \
            | self.post_descriptors
        self.first_words = frozenset(head.split(" ")[0] for head in heads)  # a token outside starts nothing

    def analyze(self, doc: Doc) -> list[Mention]:
        mentions: list[Mention] = []
        norms = token_norms(doc)
        for index, norm in enumerate(norms):
            if norm not in self.first_words:
                continue  # most tokens: no head of any pattern starts here
            pair = f"{norm} {norms[index + 1]}" if index + 1 < len(norms) else norm
            for head_norm, width in ((pair, 2), (norm, 1)):
                if head_norm in self.base_heads:
                    mentions.extend(self._base(doc, index, width, head_norm))
                    break
            if norm in self.coded_site_heads:
                mentions.extend(self._coded_site(doc, index))
            if norm in self.strong or norm in self.geographic or norm in self.rare_name_heads or (
                    norm in self.adjectival_descriptors and after_preposition(doc, index)) or (
                    norm in self.post_descriptors and index and norms[index - 1] in self.post_heads):
                mentions.extend(self._place(doc, index))
            if norm in self.unit_heads:
                mentions.extend(self._unit(doc, index))
            if (norm in self.force_heads and not (index and norms[index - 1] in self.body_heads)) \
                    or (norm in self.quoted_force_heads and index + 1 < len(doc)
                        and (doc[index + 1].text in QUOTES or norms[index + 1] in self.force_links
                             or self._served(doc, index))):
                mentions.extend(self._group(doc, index))  # (not «هيئة تنظيم قطاع الطيران»: a body's)
            for head_norm, width in ((pair, 2), (norm, 1)):
                if head_norm in self.ship_heads:
                    mentions.extend(self._ship(doc, index, width))
                    break
            if norm in self.command_heads and index + 1 < len(doc) and norms[index + 1] in self.command_links:
                mentions.extend(self._group(doc, index + 1, head_start=index))
            if norm in self.command_heads:
                mentions.extend(self._general_command(doc, index))
            if norm in self.region_heads or (norm in self.sector_heads and index and norms[index - 1]
                                             in self.command_heads and norms[max(index - 2, 0)] != "ل"):
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
                if found and index and norms[index - 1] in self.command_heads and not norms[index - 1].startswith("ال"):
                    found = self._widened(doc, found, index - 1)  # «قيادة الجيش اللبناني»: its command
                if found:
                    mentions.extend(found)
                    break
        return [self._command_taken(doc, m) for m in mentions]

    def _command_taken(self, doc: Doc, mention: Mention) -> Mention:
        """«تولى قيادة الكتيبة ٢٣ مشاة»: after a verb of taking command, «قيادة» is the command he
        took, not part of the unit's name (an operations command keeps it: «قيادة عمليات كركوك»)."""
        if mention.label != "FORCE" or not mention.text.startswith(("قيادة", "قياده")):
            return mention  # most mentions: no span to build (an indefinite «قيادة» only)
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) < 2 or span.start == 0 or span[0].norm_ not in self.command_heads \
                or doc[span.start - 1].norm_ not in self.command_takers \
                or strip_al(span[1].norm_) in self.operation_words:
            return mention
        rest = span[1:]
        return self.mention(doc, "FORCE", rest.start_char, rest.end_char, f"{mention.reason} (command taken)",
                            mention.score, kind=mention.attrs.get("kind"))

    # -- names -----------------------------------------------------------
    def _is_name_word(self, token) -> bool:
        norm = token.norm_
        code = token.text.isalnum() and not token.text.isdigit() and token.text.isascii()  # «K1», «H3»
        if not (token.is_alpha or code or vocalized_word(token.text)) or token._.is_clitic \
                or norm in self.stop or norm in self.adjectives or self._stop_behind_clitic(norm) \
                or clitic_pronoun_form(token.text, norm) \
                or possessed_form(token.text, norm) or verb_with_object(norm) \
                or (norm[:1] in ("و", "ف") and verb_form(norm[1:])) \
                or (norm.startswith(("فس", "وس")) and imperfect_verb_form(norm[2:])):
            # «قرية وأحرقوا منازلها», «أي قرية فسيكون الرد»: verbs; «قاعدة لطائراتها», «قاعدة زبائنها»:
            # a noun of hers names nothing («قاعدة حماه» does)
            return False
        if imperfect_verb_form(norm) or vocalized_verb(token.text, norm):
            return False  # «وهو معسكر يضم وحدات», «حاجز يوتّر العلاقة»: a verb in the imperfect names
            # nothing («قاعدة تبوك» does)
        if norm.endswith(NISBA) and is_frequent_adjective(norm):
            return False  # indefinite nisba adjective («قاعدة عسكرية»); a rare one is a name («معسكر بسماية»)
        return norm not in self.verb_triggers and norm not in self.use_verbs  # «قرى انسحبت منها», «ميناء
        # تستخدمه البحرية»: a verb names nothing

    def _stop_behind_clitic(self, norm: str) -> bool:
        """«بنحو», «وقرب»: a stop word the splitter left with its proclitic ends a name too
        (not a two-letter one: «باو» is a town, not ب + أو)."""
        return len(norm) >= 4 and norm[:1] in PROCLITIC_LETTERS and norm[1:] in self.stop

    def _preposition_phrase(self, norm: str) -> bool:
        """«بست قذائف», «بقوام»: ب/ك/ل on a number, a unit or a (longer) word of the news,
        which the splitter keeps whole but which ends a name."""
        rest = norm[1:].lstrip("ـ")
        return norm[:1] in PROCLITIC_LETTERS and (counting_word(norm) or (len(rest) >= 4 and is_news_word(rest)))

    def _rare_continuation(self, previous, current) -> bool:
        """«نور خان», «قره داغ», «دونغ ميونغ», «جمال عبد»: an undefined name word goes on
        with another undefined word that is no common word of the news (nor a marker,
        a nationality, a trigger or a number word, nor one with a clitic left on: «وشبعا»)."""
        norms = (previous.norm_, current.norm_)
        if future_form(current.norm_):
            return False  # «بلدة حدر ستبقى»: a verb in the future tense ends the name
        if current.norm_.endswith(("ها", "هم", "هما")) and len(current.norm_) >= 5:
            return False  # «ثكنة بهجت غانم قوامها»: a noun with a pronoun on it ends the name
        if current.norm_.startswith("ي") and len(current.norm_) >= 4 and is_news_word(current.norm_):
            return False  # «معسكر فيلينغي يوقع فيه»: a verb in the imperfect ends the name
        if current.norm_.endswith(("ين", "ون")) and len(current.norm_) >= 5 and is_news_word(current.norm_[:-2]):
            return False  # «مستوطنة موديعين عيليت مزارعين»: a sound plural of a common noun ends the name
        if counting_word(current.norm_):
            return False  # «إلى قاعدة محمد نجيب سريتان من القوات»: a count (a dual) ends the name
        if verb_form(current.norm_) or clitic_pronoun_form(current.text, current.norm_):
            return False  # «لبلدة كفرجوز أوقعت قتيلين», «بلدة عربصاليم بإخلائه»: a verb, ب + a noun of its
        return not any(n.startswith("ال") for n in norms) and current.is_alpha \
            and current.norm_[:1] not in _CONJUNCTIONS and not self._preposition_phrase(current.norm_) \
            and current.norm_ not in common_words() and current.norm_ not in self.markers \
            and current.norm_ not in self.triggers and len(current.norm_) >= 2

    def _name_after(self, doc: Doc, index: int) -> tuple[int, int] | None:
        """Token span [start, end) of a name right after ``index`` (quoted or not)."""
        start = index + 1
        if start >= len(doc) or doc[index].text.endswith(_TANWEEN):
            return None  # «تتخذه قاعدةً لإطلاق طائراتها»: an indefinite noun with tanween heads no name
        opener = doc[start].text
        if opener in QUOTES:
            closer = QUOTES[opener]
            for end in range(start + 1, min(start + 7, len(doc))):
                if doc[end].text == closer:
                    return (start, end + 1) if end > start + 1 else None
                if doc[end].text in ("،", ",", "؛"):
                    return None  # «على قاعدة «لا أرى، لا أسمع»»: a quoted saying, no name
            return None
        if doc[start].norm_ in self.new_town_words and doc[index].norm_ in self.settlements:
            return start, start + 1  # «بلدة الجديدة»: a definite adjective cannot describe «بلدة», it names it
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
            if hyphen_joins(doc, end):
                end += 2  # «معسكر ماين-سوروا»: a hyphen inside the name
                continue
            compound = previous.norm_ in self.compound or previous.norm_ in self.titles  # «بئر الغبي»
            if compound and self._follows_compound(current):
                end += 1  # «قاعدة الإمام علي», «خربة سلم»: the word after a title or «خربة» is a name
                continue
            if end - start == 2 and doc[start].norm_ in self.titles and current.norm_.startswith("ال") \
                    and self._is_name_word(current) and current.norm_ not in self.markers \
                    and not self._describes_name(current):
                end += 1  # «قاعدة الشهيد موفق السلطي»: a title, a first name and a family name
                # (not after «أبو»: «معسكر أبو منقار المؤقت», «نقطة أم الرخم الساحلية» describe)
                continue
            if current.norm_ in self.positions:
                end += 1  # «معسكر القرية العليا»: upper and lower end a name, inside it
                break
            if end - start >= 2 and doc[start].norm_ in self.titles and current.norm_ in self.ordinals:
                end += 1  # «قاعدة الملك عبدالله الأول»: a king's regnal number
                break
            takes_more = compound or (current.norm_.startswith("ال") and not previous.norm_.startswith("ال")
                                      and end - start == 1) or self._rare_continuation(previous, current)
            if not (takes_more and self._is_name_word(current)) or (not compound and self._describes_name(current)) \
                    or (not current.norm_.startswith("ال") and verbal_noun_form(current.norm_)):
                break  # («مديرية عين إغلاق مدارس»: a verbal noun ends the name)
            end += 1
        return start, end

    def _follows_compound(self, token) -> bool:
        """Any word but a real preposition or stop word goes on after «الإمام» or «خربة», even one
        that normalizes like a preposition («علي» → «على») or reads as a verb («سلم»)."""
        return token.is_alpha and not token._.is_clitic and token.text not in self.raw_stop \
            and token.norm_ not in self.adjectives and token.norm_ not in self.ordinals \
            and not token.norm_.startswith("ال") and not self._stop_behind_clitic(token.norm_) \
            and not verbal_noun_form(token.norm_)  # «مديرية عين إغلاق مدارس»: a verbal noun ends it

    def _describes_name(self, token) -> bool:
        """«محافظة شبوة النفطية», «معسكر ورشيخ الساحلي»: a frequent definite adjective or
        participle after the name describes the place; compass words stay («الزاوية الشمالية»)."""
        bare = strip_al(token.norm_)
        if token.norm_.startswith("الم") and token.norm_.endswith("ه") and is_news_word(token.norm_) \
                and token.norm_ not in place_name_words():
            return True  # «بلدة برطعة المعزولة», «مدينة غزة المحاصرة»: a participle agreeing with the town
        return token.norm_.startswith("ال") and bare.endswith(("ي", "يه")) and is_frequent_adjective(bare) \
            and bare not in self.compass_adjectives
