"""Triggers typed by their object: «أخلت القاعدة» closes a base, «أخلت قواتها من القاعدة»
withdraws forces (``object_dependent`` in ``models/lexicons/triggers.yaml``)."""

from __future__ import annotations

from spacy.tokens import Doc

from .event_lexicon import verb_before_pronoun, without_enclitic, words
from .event_links import _token_before_name, with_possessive_off
from .language import doc_text
from .mentions import Mention, in_brackets_after

__all__ = ["ObjectRules", "passive_evacuation"]

#: Prepositions that put a mention out of reach as the direct object of «أخلى».
_OBJECT_PREPOSITIONS = frozenset({"من", "مع", "عن", "ب", "ل", "الى", "إلى", "في", "علي", "على"})


def passive_evacuation(text: str) -> bool:
    """«يُخلى», «سيُخلى» (a passive imperfect ends in ى, the active «يُخلي» in ي) and «أُخلي»,
    «أُخليت» (a passive past ends in ي, the active «أخلى» in ى), as written, before normalizing."""
    bare = "".join(ch for ch in text if not "\u064b" <= ch <= "\u0652").removeprefix("و")
    return bare.endswith("خلى") and bare[:-3] in ("ي", "ت", "سي", "ست") \
        or bare in ("أخلي", "اخلي", "أخليت", "اخليت")


class ObjectRules:
    """Mixed into ``EventExtractor`` (reads its ``object_dependent`` table, ``_is_site`` and
    ``self._sentence``, the sentence being read)."""

    def _retype(self, event_type: str, norm: str, last, in_clause, actor, before) -> str:
        """The type the object gives an ``object_dependent`` trigger: a BASE (or a site, or a
        count of bases) closes, a FORCE or nothing named withdraws."""
        rule = self.object_dependent.get(norm) or self.object_dependent.get(norm[1:] if norm[:1] == "س" else "")
        verb = verb_before_pronoun(norm)
        pronoun = self.object_dependent.get(verb) if verb else None
        label = self._object_label(last, in_clause, actor) if rule else "default"
        if rule and label == "default" and passive_evacuation(last.text):
            pronoun = rule  # «معسكر «تل عبطة» سيُخلى»: the subject, named before, is evacuated
        if pronoun:  # «أخلته», «أخلوه»: the object is what the pronoun stands for, named before
            named = ["BASE" if m.label == "QUANTITY" else m.label for m in before if m.label in ("BASE", "PLACE")
                     or m.attrs.get("unit") in ("bases", "sites")]  # «ثلاث نقاط مراقبة …: أخلاها اللواء»
            if not named and any(t.norm_ in words("closure_objects") for t in self._sentence
                                 if t.i < last.i):
                named = ["BASE"]  # «سُلّم المعسكر … بعد أن أخلته»
            label = "BASE" if "BASE" in named else named[-1] if named else "default"  # «مطار رميلان جنوب المالكية، بعدما أخلته»
            return pronoun.get(label, event_type)
        if not rule:
            return event_type
        return rule.get(label, rule.get("default", event_type))  # «إخلاء ٣ مواقع» closes sites

    @staticmethod
    def _hands_goods(last, in_clause) -> bool:
        """«سلّم الجيش الأميركي الأحد الماضي القوات البرية السعودية 30 دبابة»: what is handed over
        is counted goods, no base or site: not a transfer (guidelines §8)."""
        after = (m for m in in_clause if m.start >= last.idx + len(last) and m.label in ("BASE", "PLACE", "QUANTITY"))
        first = next(after, None)
        return first is not None and first.label == "QUANTITY" and first.attrs.get("unit") in words("handed_goods_units")

    def _object_label(self, last, in_clause, actor) -> str:
        """BASE, FORCE or default: what the trigger takes as its object after it («أُخلي معسكر
        «الخمسين»» too: a passive's subject may follow it)."""
        text = doc_text(last.doc)
        after = [m for m in in_clause if m.start >= last.idx + len(last) and m is not actor
                 and not self._after_preposition(last.doc, m)  # «بدعم من الفيلق»: not the object
                 and not (actor is not None and in_brackets_after(text, actor.end, m.start, m.end))]  # «(فاما)»
        first = next((m for m in after if m.label in ("BASE", "FORCE") or self._is_site(last.doc, m) or (
            m.label == "QUANTITY" and m.attrs.get("unit") in ("bases", "sites"))), None)
        label = "BASE" if first is not None and first.label in ("QUANTITY", "PLACE") else (
            first.label if first else "default")  # «إخلاء مطار الحمدان»: the airport becomes a BASE
        if label != "BASE" and self._closes_sites(last, first, actor):
            label = "BASE"  # «أخلت في أواخر العام قواعدها في كيدال»: its bases, named by a noun
        return label

    @staticmethod
    def _after_preposition(doc: Doc, mention: Mention) -> bool:
        """Governed by a preposition: the object of «أخلى» is direct («أخلت قواتها من القاعدة»
        withdraws; «أخلت القوات، بدعم من الفيلق الأفريقي، معسكر ليرنيب» closes the camp)."""
        before = _token_before_name(doc, mention.start)
        return before is not None and (before.norm_ in _OBJECT_PREPOSITIONS or before.norm_ in words("other_prepositions"))

    def _closes_sites(self, last, first: Mention | None, actor: Mention | None) -> bool:
        """A base noun («قواعدها», «المواقع») is the object: within a few words after the
        trigger, before any force is named or a force noun («أخلت قواتها من قواعد لها»)."""
        objects, members = words("closure_objects"), words("member_nouns")
        if without_enclitic(last.norm_) in words("dismantling_triggers"):
            objects = objects | words("dismantled_objects")
        seen = 0
        for token in self._sentence.doc[last.i + 1:self._sentence.end]:
            if first is not None and token.idx >= first.start:
                return False
            if actor is not None and actor.start <= token.idx < actor.end:
                continue  # «أخلت القوة الفرنسية … قواعدها»: the subject after the verb
            seen += 1
            if seen > 6:
                return False
            bare = with_possessive_off(token.norm_)
            if bare & members:
                return False
            if bare & objects:
                return True
        return False
