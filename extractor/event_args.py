"""Event arguments: who, from where, to where, where, to whom, what, how many, when.

The rules behind ``EventExtractor`` that fill an event's roles from the
mentions of its clause: the preposition in front of a mention gives its role
(``roles`` in ``models/lexicons/triggers.yaml``), a bare object takes the
type's direct-object role, the actor is the force subject (or a back-reference
to one), counts and times are the nearest of their kind.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .corpus import period_start
from .event_clauses import own_relative_clause
from .event_lexicon import (
    config,
    lookup_trigger,
    trigger_tense,
    without_enclitic,
    words,
)
from .event_links import (
    _coordinated,
    _gap_tokens,
    _object_of_purpose,
    _token_before,
    _token_before_name,
    in_closed_relative,
    passive_governor_before,
)
from .event_prepositions import _ROLE_LABELS, PrepositionRules
from .language import doc_text, token_norms, token_starts
from .mentions import Mention
from .word_forms import reads_as

if TYPE_CHECKING:
    from .events import Event

__all__ = ["ArgumentRules", "casualty_word_before", "quantity_units", "_ROLE_LABELS"]

#: The role of a bare object («غادرت القوات قاعدة غاو», «استهداف قاعدة ...»).
_DIRECT_OBJECT = {"WITHDRAWAL": "origin", "BASE_TRANSFER": "location",
                  "BASE_CLOSURE": "location", "ATTACK": "target"}


@cache
def quantity_units(event_type: str) -> frozenset[str]:
    """What a quantity argument of ``event_type`` may count: canonical units and Arabic
    lemmas as the quantity grammar writes them (triggers.yaml ``quantity_units``)."""
    return frozenset(str(unit) for unit in config()["quantity_units"].get(event_type, []))


class ArgumentRules(PrepositionRules):
    """Role-filling rules; ``EventExtractor`` mixes them in (they read its lexicon state)."""

    def _actor(self, doc, token, last, in_clause, before, sentences, number, back: int,
               event_type: str, giver: Mention | None = None) -> Mention | None:
        end = token.idx + len(token)
        if token.norm_ in words("participles"):
            described = next((m for m in reversed(before) if m.label == "FORCE"
                              and _gap_tokens(doc, m.end, token.idx) == 0), None)
            if described is not None:
                return described  # «لتنضم إلى كتيبة حرس الحدود السادسة المتمركزة هناك»: the unit it describes
        if event_type != "ATTACK" and trigger_tense(last.norm_) != "noun":
            verb_subject = next((m for m in in_clause if m.label == "FORCE" and m.start >= end), None)
            if verb_subject is not None and _gap_tokens(doc, end, verb_subject.start) == 0:
                return verb_subject  # «ينتشر فوج الحدود السادس … بمساندة طائرات تابعة للتحالف»: the
                # subject right after the verb, not the owner of what supports it
        owners = [m for m in in_clause if m.label == "FORCE" and self._owned_by(doc, m)
                  and not self._owns_a_force(doc, m, in_clause) and not self._owns_hit_troops(doc, m)
                  and not (event_type == "ATTACK" and self._owns_what_is_hit(doc, m, token))]
        if owners:
            return owners[0]  # «طائرات مسيّرة تابعة لقوات الدعم السريع»
        named = self._speaker_force(doc, token) or self._named_by_bare_noun(doc, token, last) \
            or self._planner(doc, token, before, in_clause)
        if named is not None:
            return named  # «وأضافت أن الكتيبة أخلت …»: the battalion the article named before;
            # «خطة للجيش الأردني لإغلاق …»: whose plan it is
        subject = any(m.label == "FORCE" and _gap_tokens(doc, m.end, token.idx) == 0 for m in before)
        following = [m for m in in_clause if m.label == "FORCE" and m.start >= end and (
            _gap_tokens(doc, end, m.start) if subject else _gap_past_times(doc, end, m.start, in_clause)) <= 2]
        # «تنتشر منذ مساء أمس قوات …» (not «أن الفرقة العاشرة نشرت منذ الأول من كانون الأول فوجين من اللواء»)
        if following and event_type == "ATTACK" and (self._subject_before(doc, token, before) or (
                last.norm_ in words("object_nouns") and not _object_follows(doc, following[0], in_clause))):
            following = []  # «أن قواتها استهدفت المدمرة "كارني"», «باستهداف القوات»: the force is hit
        # after an attack verb, «ل» + force owns its weapon subject («استهدفت مسيّرة للجيش»), not its
        # object («استهدفت تجمعات لمليشيا الحوثي»); after other verbs the noun is the subject («وصلت تعزيزات للجيش»)
        noun = event_type != "ATTACK" or (lookup_trigger(token.norm_) or ("", "noun"))[1] == "noun" \
            or self._weapon_subject(doc, last)
        if following and (not self._has_role_word(doc, following[0])
                          or (event_type != "BASE_TRANSFER" and noun and self._possessive(doc, following[0]))
                          or (event_type != "ATTACK" and self._members_of(doc, following[0]))):
            return following[0]  # «انسحبت القوات التركية», «تعزيزات للجيش العراقي», «بهجوم للحوثيين»,
            # «فيما انتشرت سريتان من اللواء ٣٥»
        antecedent = self._force_antecedent(doc, token, before)
        if antecedent is not None:
            return antecedent  # «من قوات الصاعقة، التي ستغادرها نهاية الشهر»
        launched = [m for m in in_clause if m.label == "FORCE" and _launched_by(doc, m)]
        if launched:
            return launched[0]  # «صواريخ أطلقتها جماعة الحوثيين», «غارات شنتها القيادة المركزية»
        if last.i + 2 < len(doc) and doc[last.i + 1].norm_ in words("launch_verbs") \
                and doc[last.i + 2].norm_ in words("people_subjects") \
                and not any(m.label == "FORCE" and 0 < _gap_tokens(doc, doc[last.i + 2].idx, m.start) <= 3
                            for m in in_clause):
            return None  # «في هجوم شنّه مسلحون»: gunmen, no force, did it («مسلحون من داعش» did)
        if event_type == "ATTACK" and self._repelled(doc, token):
            return None  # «أعلن الجيش صدّ هجوم على الأبيض»: the army defends, the attacker is unnamed
        members = event_type != "ATTACK"  # «قتل جنود من الجيش في كمين»: an attack's troops are its victims
        subjects = [m for m in before if m.label == "FORCE" and not self._undergoes(doc, m)
                    and not self._after_other_preposition(doc, m)  # «العاملة ضمن التحالف الدولي»
                    and not in_closed_relative(doc, m, token)  # «معسكر جريبان، الذي كانت القوات …، ونشرت»
                    and not (_object_of_purpose(doc, m) and _gap_tokens(doc, m.end, token.idx))  # «التحالف
                    # الدولي لمحاربة تنظيم داعش …، وسحب» (not «لإسناد كتيبة حرس الحدود المتمركزة هناك»)
                    and (not self._has_role_word(doc, m) or (members and self._members_of(doc, m, adjective_ok=True))
                         or self._launching_members(doc, m, token))]
        governor = passive_governor_before(doc, token, self._sentence.start, 8) if event_type == "ATTACK" else None
        if governor is not None:  # «أما معسكر بير، وهو أول معسكر سلّمته «مينوسما» …، فقد تعرّض لهجوم»:
            subjects = [m for m in subjects if m.start > governor.idx]  # what undergoes it, not who does it
        members = [m for m in in_clause if m.label == "FORCE" and m.start >= end and self._members_of(doc, m)]
        if subjects and not (members and self._opens_clause(doc, subjects[-1].end, token.i)):
            return subjects[-1]  # (not «…، بعدما انسحبت منه كتيبتان من الفرقة 18»: the troops after it)
        if members:
            return members[0]  # «ويتمركز في أربيل ألف جندي من التحالف الدولي»
        if (event_type == "ATTACK" and self._weapon_subject(doc, last)) \
                or self._unnamed_subject(doc, token, last, before, event_type):
            return None  # «وفي شرق البلاد، استهدفت ثلاث مسيّرات …»: a weapon does it, nobody named
            # (what is deployed is no subject: «تُنشر ستة زوارق من سرية الزوارق»)
        if giver is not None and event_type != "BASE_TRANSFER" \
                and not (event_type == "ATTACK" and self._members_of(doc, giver)):  # «مقتل عنصرين من الأمن العام»
            return giver  # «وصلت إلى بوسو تعزيزات من الجيش النيجري»: named here, not in an earlier sentence
        for previous in range(number - 1, max(-1, number - 1 - back), -1):
            sentence = sentences[previous]
            earlier = [m for m in doc._.mentions or [] if m.label == "FORCE"
                       and sentence.start_char <= m.start < sentence.end_char]
            if earlier:
                return self._back_reference(doc, earlier)
        return None

    def _role_args(self, doc: Doc, event: Event, last, in_clause, taken: set[int], start: int) -> None:
        """Roles of the mentions after ``start`` (the first trigger word: «وصلت إلى القاعدة
        … تعزيزات» names the noun, but «إلى القاعدة» belongs to the verb)."""
        previous_role: str | None = None
        last_end = -1
        end = event.trigger_end
        own = own_relative_clause(doc[bisect_left(token_starts(doc), event.trigger_start)]) \
            if event.type == "ATTACK" else None  # «الهجوم الذي استهدف …»: the noun's own relative clause
        for mention in in_clause:
            if id(mention) in taken or mention.start < start:
                continue  # role complements follow their trigger
            if self._across_border(doc, mention):
                continue  # «على الحدود مع السعودية»: the country across the border is no argument
            if previous_role and self._locates(doc, last_end, mention.start):
                # «إلى قاعدة التنف في ريف حمص», «إلى معسكر عريفجان جنوبي الكويت»: the locating
                # place takes the role of what it locates; an attack target's gives location (§8)
                role = "location" if previous_role == "target" else previous_role
                if mention.label in _ROLE_LABELS[role]:
                    event.args.append((role, mention))
                    previous_role, last_end = role, mention.end  # «… في سوريا والعراق»: both locate
                    continue  # else «… لهيئة الحشد في قضاء بلد»: a recipient's place locates the event
            before = self._word_before(doc, mention.start)
            prep = self._role_word(before.norm_) if before is not None else ""  # «وفي الطينة»
            if prep == "ل":
                prep = self._spatial_head(doc, before) or prep  # «عند المدخل الغربي لمدينة أحور»
            stretch = self._stretch_preposition(doc, before, end) if prep in words("range_prepositions") else None
            if stretch is not None and self._role_for(self._role_word(stretch.norm_), event.type, mention.label):
                prep = self._role_word(stretch.norm_)  # «على طول الشريط الممتد من القائم»: where, not whence
            else:
                stretch = None
            if mention.start >= end and (role := self._added(doc, event, mention, previous_role)):
                event.args.append((role, mention))  # «تسليم هذه النقاط، إضافة إلى مقر "الشيخ أمير"»
                previous_role, last_end = role, mention.end
                continue
            listed = bool(previous_role) and _coordinated(doc, last_end, mention.start,
                                                          bracket_ok=mention.label != "FORCE")
            if before is not None and not listed and self._describes_previous(doc, before, end, own):
                continue  # a relative phrase about something that is no argument
            role = self._role_for(prep, event.type, mention.label)
            if role == "target" and (stretch is not None or mention.label == "PLACE"
                                     and self._spatial_noun_between(doc, before, mention)):
                role = "location"  # «على أطراف بلدة دوكة» (a base's perimeter is the base: «على محيط معسكر حلني»)
            if role == "origin" and prep in self.roles.get("location", ()) \
                    and without_enclitic(last.norm_) in words("repositioning_nouns"):
                role = "destination"  # «وأعادت تموضع عناصره في محيط مروي»: where they are put back
            if role is None and listed:
                role = previous_role if mention.label in _ROLE_LABELS[previous_role] else None
            if role is None and prep not in self.role_words and mention.start >= end \
                    and prep not in words("source_nouns"):  # «قذائف هاون مصدرها ريف تل كلخ»: whence fired
                role = self._direct_object(doc, event, end, mention)
            if role is None:
                continue
            event.args.append((role, mention))
            previous_role, last_end = role, mention.end

    @staticmethod
    def _added(doc: Doc, event: Event, mention: Mention, previous_role: str | None) -> str | None:
        """After «إضافة إلى», «فضلاً عن» a mention joins the argument before it, or the
        direct object when none was named («تسليم هذه النقاط، إضافة إلى مقر …»)."""
        norms, starts = token_norms(doc), token_starts(doc)
        at = bisect_left(starts, mention.start)
        before = " ".join(norms[max(0, at - 3):at]).lstrip("، ")
        if not any(before.endswith(link) for link in words("additive_links")):
            return None
        role = previous_role or _DIRECT_OBJECT.get(event.type)
        return role if role is not None and mention.label in _ROLE_LABELS.get(role, ()) else None

    @staticmethod
    def _nearest(event: Event, token, in_clause, label: str, role: str, accept) -> None:
        """The closest candidate, preferring one with no comma between it and the trigger."""
        candidates = [m for m in in_clause if m.label == label and accept(m)]
        if candidates:
            doc = token.doc
            def cost(m: Mention) -> tuple[bool, int]:
                lo, hi = (m.end, token.idx) if m.end <= token.idx else (token.idx + len(token), m.start)
                return (any(ch in "،,؛;" for ch in doc_text(doc)[lo:hi]), abs(m.start - token.idx))
            event.args.append((role, min(candidates, key=cost)))

    @staticmethod
    def _coordinated_quantities(doc: Doc, event: Event, in_clause, units) -> None:
        """«نحو 300 جندي و40 مدرعة», «… ضمّت قرابة 150 عربة وأكثر من ألف مقاتل»: the counts
        of what the event may count that follow the chosen one in its clause belong to it too."""
        chosen = [m for role, m in event.args if role == "quantity"]
        if not chosen:
            return
        last = chosen[0]
        for mention in sorted(in_clause, key=lambda m: m.start):
            if mention.start >= last.end and mention.label == "QUANTITY" \
                    and mention.attrs.get("unit") in units and mention not in chosen:
                event.args.append(("quantity", mention))
                last = mention
        if event.type == "ATTACK" and chosen[0].end <= event.trigger_start:
            for mention in in_clause:  # «قتل ثلاثة جنود وأصيب سبعة آخرون في هجوم»: every casualty count before
                if mention.label == "QUANTITY" and mention.end <= chosen[0].start and mention not in chosen \
                        and mention.attrs.get("unit") in units and casualty_word_before(doc, mention, 2):
                    event.args.append(("quantity", mention))

    @staticmethod
    def _in_future(doc: Doc, event: Event) -> bool:
        """Whether the event's TIME starts after the article date."""
        today = doc._.article_date
        times = [m for role, m in event.args if role == "time"]
        if today is None or not times:
            return False
        start = period_start(str(times[0].attrs.get("value") or ""))
        return start is not None and start > today


def _object_follows(doc: Doc, force: Mention, in_clause) -> bool:
    """A base or a place right after the force, with no preposition between: the object of the
    verbal noun whose subject the force is («استهداف الحرس الثوري قاعدة العديد»)."""
    return any(m.label in ("BASE", "PLACE") and m.start >= force.end and _gap_tokens(doc, force.end, m.start) == 0
               for m in in_clause)


def casualty_word_before(doc: Doc, mention: Mention, reach: int) -> bool:
    """A casualty word, bare or behind a proclitic, within ``reach`` words before the mention:
    «قتل ثلاثة جنود», «ومقتل 4 مدنيين» (a count of victims), «أُصيب جنديان من لواء إفرايم» (the
    force they belong to, not the attackers)."""
    at = bisect_left(token_starts(doc), mention.start)
    return any(reads_as(t.norm_, words("casualty_words")) for t in doc[max(0, at - reach):at])


def _gap_past_times(doc: Doc, start: int, end: int, mentions: list[Mention]) -> int:
    """Words between two offsets, a «منذ» and its date between them not counted."""
    gap = _gap_tokens(doc, start, end)
    if gap <= 2:
        return gap  # most candidates: no date to step over
    for time in (m for m in mentions if m.label == "TIME" and start <= m.start and m.end <= end):
        if getattr(_token_before(doc, time.start), "norm_", "") == "منذ":
            gap -= _gap_tokens(doc, time.start, time.end) + 1
    return gap


def _launched_by(doc: Doc, force: Mention) -> bool:
    """«صواريخ أطلقتها جماعة الحوثيين», «قذائف أطلقها مسلحو حركة الشباب»: the force (or its
    members) right after a verb of launching that takes up the weapons."""
    before = _token_before_name(doc, force.start)
    if before is not None and before.i > 0 and (before.norm_ in words("member_nouns")
                                                 or before.norm_ in words("people_subjects")):
        before = doc[before.i - 1]
    return before is not None and before.norm_ in words("launch_verbs")
