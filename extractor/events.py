"""Events: who withdrew, deployed, handed over, closed or attacked what, where, when.

Rules a reviewer can read, with the vocabulary in ``models/lexicons/triggers.yaml``:
a trigger word gives the type; its tense or a governing verb gives the status;
negated or hypothetical triggers give nothing. Arguments come from the
resolved mentions in the trigger's clause (the sentence, cut at neighbouring
triggers) by the preposition in front of them; the actor may come from the two
previous sentences through «قواتها»/«القوات». One trigger gives one event;
a list of places gives several arguments of one role.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .lexicons import _key
from .mentions import Mention
from .resources import load_yaml

__all__ = ["Event", "EventExtractor", "trigger_index"]

_TENSE_STATUS = {"past": "completed", "present": "ongoing", "future": "planned"}
_ROLE_LABELS = {"origin": {"BASE", "PLACE"}, "destination": {"BASE", "PLACE"},
                "location": {"BASE", "PLACE"}, "target": {"BASE", "FORCE", "PLACE"},
                "recipient": {"FORCE"}}
_ROLES_BY_TYPE = {
    "WITHDRAWAL": ("origin", "destination", "location"),
    "DEPLOYMENT": ("destination", "location", "origin"),
    "BASE_TRANSFER": ("recipient", "location"),
    "BASE_CLOSURE": ("location",),
    "ATTACK": ("target", "location"),
}
_COUNTED_UNITS = {"troops", "vehicles", "bases", "sites", "aircraft", "drones", "killed",
                  "wounded", "people", "tanks", "missiles", "rockets"}


@dataclass
class Event:
    type: str
    status: str
    trigger_start: int
    trigger_end: int
    args: list[tuple[str, Mention]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, ids: dict[int, str], text: str) -> dict[str, Any]:
        args = [{"role": role, "ref": ids[id(m)]} for role, m in self.args if id(m) in ids]
        return {"id": "", "type": self.type, "status": self.status,
                "trigger": {"start": self.trigger_start, "end": self.trigger_end,
                            "text": text[self.trigger_start:self.trigger_end]},
                "args": args, **self.extra}


@cache
def trigger_index() -> dict[str, tuple[str, str]]:
    """Normalized trigger form → (event type, tense)."""
    index: dict[str, tuple[str, str]] = {}
    for event_type, spec in load_yaml("lexicons/triggers.yaml").get("types", {}).items():
        for tense in ("noun", "past", "present", "future"):
            for form in spec.get(tense, []):
                index.setdefault(_key(form), (event_type, tense))
    return index


@cache
def _words(section: str, key: str | None = None) -> frozenset[str]:
    data = load_yaml("lexicons/triggers.yaml").get(section, {})
    if key is not None:
        data = data.get(key, [])
    return frozenset(_key(word) for word in data)


class EventExtractor:
    """The ``arabic_events`` component: writes ``doc._.events``."""

    def __init__(self, name: str, back_sentences: int = 2, window: int = 3) -> None:
        self.name = name
        self.back_sentences = back_sentences
        self.window = window
        self.triggers = trigger_index()
        config = load_yaml("lexicons/triggers.yaml")
        self.meta = {t: (s.get("cameo"), s.get("plover")) for t, s in config["types"].items()}
        self.object_dependent = {_key(k): v for k, v in config.get("object_dependent", {}).items()}
        self.noun_default = config.get("noun_default", "completed")
        self.roles = {role: _words("roles", role) for role in config.get("roles", {})}

    def __call__(self, doc: Doc) -> Doc:
        mentions = sorted(doc._.mentions or [], key=lambda m: m.start)
        sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        found: list[Event] = []
        for number, sentence in enumerate(sentences):
            hits = [t for t in sentence if t.norm_ in self.triggers and not _inside(t, mentions)]
            for position, token in enumerate(hits):
                lo = hits[position - 1].idx + len(hits[position - 1]) if position else sentence.start_char
                hi = hits[position + 1].idx if position + 1 < len(hits) else sentence.end_char
                event = self._event(doc, token, mentions, (lo, hi), sentences, number)
                if event is not None:
                    found.append(event)
        _link_groups(found)
        doc._.events = found
        return doc

    # -- one trigger -----------------------------------------------------
    def _event(self, doc, token, mentions, clause, sentences, number) -> Event | None:
        event_type, tense = self.triggers[token.norm_]
        if self._blocked(doc, token):
            return None
        in_clause = [m for m in mentions if clause[0] <= m.start and m.end <= clause[1]]
        after = [m for m in in_clause if m.start >= token.idx + len(token)]
        event_type = self._retype(event_type, token.norm_, after)
        if event_type == "WITHDRAWAL" and self._non_military(doc, token):
            return None
        status = self._status(doc, token, tense)
        event = Event(event_type, status, token.idx, token.idx + len(token))
        cameo, plover = self.meta.get(event_type, (None, None))
        event.extra = {"cameo": cameo, "plover": plover, "sentence": number}
        actor = self._actor(doc, token, in_clause, sentences, number)
        if actor is not None:
            event.args.append(("actor", actor))
        self._role_args(doc, event, in_clause, actor)
        self._nearest(event, token, in_clause, "QUANTITY", "quantity",
                      lambda m: m.attrs.get("unit") in _COUNTED_UNITS)
        self._nearest(event, token, in_clause, "TIME", "time", lambda m: True)
        return event

    def _blocked(self, doc: Doc, token) -> bool:
        """Negated («لم تنسحب»، «نفى انسحاب») or hypothetical («في حال انسحاب»)."""
        blockers = _words("negators") | _words("hypothetical")
        start = max(token.sent.start, token.i - self.window)
        return any(t.norm_ in blockers for t in doc[start:token.i])

    def _non_military(self, doc: Doc, token) -> bool:
        following = doc[token.i + 1: min(token.sent.end, token.i + 4)]
        objects = _words("non_military_objects")
        return any(t.norm_ in objects for t in following)

    def _retype(self, event_type: str, norm: str, after: list[Mention]) -> str:
        rule = self.object_dependent.get(norm)
        if not rule:
            return event_type
        first = next((m for m in after if m.label in ("BASE", "FORCE")), None)
        return rule.get(first.label if first else "default", rule.get("default", event_type))

    def _status(self, doc: Doc, token, tense: str) -> str:
        start = max(token.sent.start, token.i - self.window - 1)
        before = {t.norm_ for t in doc[start:token.i]}
        for status in ("planned", "completed", "ongoing"):
            if before & _words("status_governors", status):
                return status
        return _TENSE_STATUS.get(tense, self.noun_default)

    def _actor(self, doc, token, in_clause, sentences, number) -> Mention | None:
        forces = [m for m in in_clause if m.label == "FORCE"]
        end = token.idx + len(token)
        following = [m for m in forces if m.start >= end and _gap_tokens(doc, end, m.start) <= 2]
        if following and not self._preceded_by_role_word(doc, following[0]):
            return following[0]
        preceding = [m for m in forces if m.end <= token.idx]
        if preceding:
            return preceding[-1]
        for back in range(number - 1, max(-1, number - 1 - self.back_sentences), -1):
            sentence = sentences[back]
            earlier = [m for m in doc._.mentions or [] if m.label == "FORCE"
                       and sentence.start_char <= m.start < sentence.end_char]
            if earlier:
                return earlier[0]
        return None

    def _preceded_by_role_word(self, doc: Doc, mention: Mention) -> bool:
        before = _token_before(doc, mention.start)
        return before is not None and any(before.norm_ in words for words in self.roles.values())

    def _role_args(self, doc: Doc, event: Event, in_clause: list[Mention], actor) -> None:
        previous_role: str | None = None
        last_end = -1
        for mention in in_clause:
            if mention is actor or mention.start < event.trigger_end:
                continue  # role complements follow their trigger
            before = _token_before(doc, mention.start)
            role = self._role_for(before.norm_ if before else "", event.type, mention.label)
            if role is None and previous_role and _coordinated(doc, last_end, mention.start):
                role = previous_role if mention.label in _ROLE_LABELS[previous_role] else None
            if role is None and event.type == "ATTACK" and mention.label in _ROLE_LABELS["target"] \
                    and _gap_tokens(doc, event.trigger_end, mention.start) <= 1:
                role = "target"  # «استهداف قاعدة ...» : the object of the verbal noun
            if role is None and event.type == "BASE_CLOSURE" and mention.label == "BASE":
                role = "location"
            if role is None:
                continue
            event.args.append((role, mention))
            previous_role, last_end = role, mention.end

    def _role_for(self, prep: str, event_type: str, label: str) -> str | None:
        for role in _ROLES_BY_TYPE[event_type]:
            if prep in self.roles.get(role, ()) and label in _ROLE_LABELS[role]:
                return role
        if event_type == "WITHDRAWAL" and prep in self.roles.get("location", ()) \
                and label in _ROLE_LABELS["origin"]:
            return "origin"  # «قواعد لها في الشدادي» after من: where they left from
        return None

    @staticmethod
    def _nearest(event: Event, token, in_clause, label: str, role: str, accept) -> None:
        candidates = [m for m in in_clause if m.label == label and accept(m)]
        if candidates:
            best = min(candidates, key=lambda m: abs(m.start - token.idx))
            event.args.append((role, best))


def _inside(token, mentions: list[Mention]) -> bool:
    return any(m.start <= token.idx < m.end for m in mentions if m.label in ("FORCE", "BASE", "PLACE"))


def _token_before(doc: Doc, char: int):
    """The token before a mention, skipping a proclitic piece attached to it."""
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    if token is None or token.start == 0:
        return None
    return doc[token.start - 1]


def _gap_tokens(doc: Doc, start: int, end: int) -> int:
    span = doc.char_span(start, end, alignment_mode="contract")
    return len([t for t in span if not t.is_space]) if span is not None else 99


def _coordinated(doc: Doc, last_end: int, start: int) -> bool:
    """Only «،» and «و» between two mentions: a list continuing the same role."""
    if last_end < 0:
        return False
    between = doc.text[last_end:start].strip()
    return between in ("", "،", ",", "و", "، و", "،و", ", و")


def _link_groups(events: list[Event]) -> None:
    """Same type, actor text and place arguments → the same ``event_group``."""
    groups: dict[tuple, int] = {}
    for event in events:
        places = frozenset(_key(m.text) for role, m in event.args
                           if role in ("origin", "location", "target", "destination"))
        actor = next((_key(m.text) for role, m in event.args if role == "actor"), None)
        key = (event.type, actor, places)
        event.extra["event_group"] = f"g{groups.setdefault(key, len(groups) + 1)}"


@Language.factory("arabic_events", default_config={"back_sentences": 2, "window": 3},
                  assigns=["doc._.events"], requires=["doc._.mentions"])
def make_events(nlp: Language, name: str, back_sentences: int, window: int) -> EventExtractor:
    return EventExtractor(name, back_sentences, window)
