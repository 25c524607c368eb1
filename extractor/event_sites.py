"""Sites that become bases by their role: «مطار الطبقة» is a PLACE until forces leave, reach,
hold or hand it over (guidelines §4); then it and its every other mention are a BASE, grown to
the site noun before the name. ``EventExtractor`` mixes these rules in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .event_links import _token_before_name
from .language import doc_text
from .lexicons import _key
from .mentions import Mention
from .normalize import phrase_key
from .text import QUOTES

if TYPE_CHECKING:
    from .events import Event

__all__ = ["SiteRules"]


class SiteRules:
    """Site-to-base rules; they read the extractor's ``site_heads``."""

    def _airports_as_bases(self, doc: Doc, events: list[Event]) -> bool:
        """«مطار الطبقة» is a BASE when forces leave, reach, hold or hand it over (guidelines §4),
        and so is every other mention of it in the article («… سقطت قذيفة داخل مطار غات»)."""
        grown: set[str] = set()
        for event in events:
            if event.type == "ATTACK":
                continue  # a struck airport is a BASE already (base_patterns._struck); a struck port stays a PLACE
            for _, mention in event.args:
                if self._grow_site(doc, mention, f"a role in a {event.type}"):
                    grown.add(phrase_key(mention.text, drop_quotes=True))
        for mention in doc._.mentions or [] if grown else []:
            head = self._site_head(doc, mention)
            named = mention.text if head is True else f"{head.text} {mention.text}" if head is not None else ""
            if named and phrase_key(named, drop_quotes=True) in grown:
                self._grow_site(doc, mention, "the same site in a role")
        return bool(grown)

    def _grow_site(self, doc: Doc, mention: Mention, why: str) -> bool:
        """A site's PLACE becomes its BASE, grown to the head noun before it if need be."""
        head = self._site_head(doc, mention)
        if head is None:
            return False
        if head is not True:  # «مطار الطبقة»: the PLACE grows to its head noun
            mention.start, mention.attrs = head.idx, {"kind": head.norm_}
            text = doc_text(doc)
            mention.end += _unclosed_quote(text[mention.start:mention.end], text[mention.end:mention.end + 1])
            mention.text = text[mention.start:mention.end]
            mention.reason += f" + {head.norm_}"
        mention.label = "BASE"  # or «مطار معيتيقة», the gazetteer's airport, handed over
        mention.reason += f" ({why})"
        return True

    def _site_head(self, doc: Doc, mention: Mention):
        """For a PLACE named with a site head: True if the head is inside it («مطار معيتيقة»),
        the head token if it stands right before it («مطار» + «الطبقة»); else None."""
        if mention.label != "PLACE":
            return None
        if _key(mention.text).split(" ")[0] in self.site_heads:
            return True
        head = _token_before_name(doc, mention.start)
        return head if head is not None and head.norm_ in self.site_heads else None

    def _is_site(self, doc: Doc, mention: Mention) -> bool:
        """A PLACE named with a site head, in it or before it: a BASE when forces hold or leave it."""
        return self._site_head(doc, mention) is not None


def _unclosed_quote(span: str, after: str) -> int:
    """1 when ``span`` opens a quote that ``after`` closes («مقر «الضهور» grown from the
    tagger's «الضهور»): the name's closing mark belongs to the grown site."""
    opening = next((o for o, c in QUOTES.items() if c == after), None)
    if opening is None:
        return 0
    if opening == after:
        return span.count(after) % 2
    return int(span.count(opening) > span.count(after))
