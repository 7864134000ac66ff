"""A speaker's role and affiliation, with where the affiliation came from.

The article's words first (:func:`stance.speakers.roles.describe`); when they give no affiliation,
or an affiliation but no role, the actor lookup (:mod:`stance.speakers.actors`) at the article's
date (an undated article: within the period its titled office holders give, else the term of
the office it names bare, "the candidate"); then the state of a national office the article names without its state. A group of named
people ("Jeb Roe and Ted Doe", "Sens. Jane Roe and John Doe") is described by its members: the
affiliation they share and their shared role in the plural ("presidential candidates"). A speaker
named by a surname alone that the article gives nothing for takes the full name's description.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from stance.speakers.actors import Period, actor_lookup, describe_from_knowledge, former_offices
from stance.speakers.article_period import term_the_article_names
from stance.speakers.region_descriptions import region_described
from stance.speakers.role_lexicon import governs_region
from stance.speakers.role_states import state_of_kind_before, state_of_national_body
from stance.speakers.roles import describe, state_of_office
from stance.text.entity_types import GENDERED_HONORIFICS
from stance.text.lexicons import gazetteer, party_labels
from stance.text.mentions import Mention, MentionIndex
from stance.text.view import RangeIndex, TextView

#: (role, affiliation, source of the affiliation: "article" | "lookup" | None, the affiliation
#: the article's own words give)
Description = tuple[str | None, str | None, str | None, str | None]


def describe_speaker(view: TextView, mentions: MentionIndex, name: str, mention: Mention | None, is_person: bool,
                     day: Callable[[], date | None] | None, quoted: RangeIndex | None = None,
                     period: Callable[[], Period | None] | None = None) -> Description:
    """Role and affiliation of the speaker ``name`` (its chosen ``mention``, if any); ``day`` gives
    the article's date for the actor lookup (None: no lookup); ``quoted``: the token spans of the
    article's quotations, whose descriptions of a person rank after the narration's; ``period``
    gives the period an undated article dates itself to (:mod:`stance.speakers.article_period`),
    the lookup's time when ``day`` gives none."""
    members = group_members(mentions, name)
    if members is not None:
        described = _describe_group(view, mentions, members, day, quoted, period)
        if described is not None:
            return described
    described = _describe_one(view, mentions, name, mention, is_person, day, quoted, period)
    full = mentions.full_name_of(name) if is_person and described[0] is None and described[1] is None else None
    if full is not None:
        # "Day said" where the article names "Doris Day" (the name finder did not link them): the
        # description the full name's mentions carry
        return _describe_one(view, mentions, full, None, is_person, day, quoted, period)
    return described


def _describe_one(view: TextView, mentions: MentionIndex, name: str, mention: Mention | None, is_person: bool,
                  day: Callable[[], date | None] | None, quoted: RangeIndex | None = None,
                  period: Callable[[], Period | None] | None = None) -> Description:
    role, aff = describe(view, mentions, name, mention, quoted)
    aff = _without_honorific(mentions, aff)
    governed = (_state_governed(mentions, name, day, period)
                if day is not None and governs_region(role) and aff in party_labels().values() else None)
    own = _state_named(aff)
    if aff is None:
        # "Iranian news agency Fars": the body's country, which it does not speak for (the party
        # finder keeps that state among the parties: own stays None)
        aff = state_of_kind_before(view, mentions, mentions.named(name))
    office_of = _office_at(mentions, day, period) if day is not None else None
    region_asked: set[str | None] = set()  # the roles region_described was asked with (and said None)
    if aff is None and is_person:
        # "the Florida senator" elsewhere in the article: the state, before the lookup's party
        aff = region_described(view, mentions, name, role, office_of)
        region_asked.add(role)
    source = "article" if aff else None
    if governed is not None:
        # "Republican Gov. Mary Roe": the state she governs, not her party
        aff, source = governed, "lookup"
    if (aff is None or role is None) and day is not None:
        when, span = _lookup_time(day, period)
        known = describe_from_knowledge(mentions, name, when, period=span) if aff is None or when is not None or span is not None else None
        if known is not None and when is None:
            # undated: the term of the office the article speaks of ("the candidate")
            known = term_the_article_names(view, name, known, period=span)
        if known is not None and role is None:
            # "the former secretary of state" where the article gives no role beside the name: the
            # office the article names, the lookup saying the speaker held it (before the period
            # an undated article dates itself to)
            role = _former_office_named(view, name, when or (span[0] if span is not None else None))
        region = (region_described(view, mentions, name, known.role, office_of)
                  if known is not None and aff is None and is_person and known.role not in region_asked else None)
        if region is not None:
            # "Sen. Marco Rubio" without a party, "the Florida senator" later: the region the
            # article's description of the lookup's office names
            aff, role, source = region, role or known.role, "article"
        elif known is not None and aff is None:
            aff, role, source = known.affiliation, role or known.role, "lookup"
        elif known is not None and known.affiliation == aff and role is None:
            # the article gives the affiliation the lookup gives but no role ("Marco Roe (R-Fla.)"):
            # the office the lookup knows at the article's date or in the period an undated article
            # dates itself to (not otherwise: an undated text would get the actor's latest office)
            role = known.role
    if aff is None and is_person:
        # a national office the article names without its state: the article's state
        aff = state_of_office(view, mentions, role, quoted)
        source = "article" if aff else None
    elif aff is None:
        # a national body the article names without its state ("the State Department"): the
        # article's state
        aff = state_of_national_body(view, mentions, name)
        source = "article" if aff else None
    return role, aff, source, own


def _office_at(mentions: MentionIndex, day: Callable[[], date | None],
               period: Callable[[], Period | None] | None) -> Callable[[str], str | None]:
    """A person's office in the actor lookup at the article's date (or within the period an
    undated article dates itself to), by the person's name; None for one it does not know."""
    cache: dict[str, str | None] = {}

    def office_of(name: str) -> str | None:
        if name not in cache:
            when, span = _lookup_time(day, period)
            known = describe_from_knowledge(mentions, name, when, period=span)
            cache[name] = known.role if known is not None else None
        return cache[name]

    return office_of


def _without_honorific(mentions: MentionIndex, aff: str | None) -> str | None:
    """An affiliation that is a person named with an honorific ("Mr. Rubio", from "Mr. Rubio's
    advisers") as the article's fullest name of that person ("Marco Rubio"); else ``aff``."""
    words = aff.split() if aff else []
    if len(words) < 2 or words[0].lower() not in GENDERED_HONORIFICS:
        return aff
    rest = " ".join(words[1:])
    full = mentions.canonical_person(rest)
    return full if full != rest else aff


def _former_office_named(view: TextView, name: str, day: date | None) -> str | None:
    """"former X" when the article writes "the former X" (a definite description of someone who
    held the office X) and X is an office the actor lookup says ``name`` held before ``day``
    ("the former secretary of state" of Hillary Clinton in 2016); else None."""
    offices = former_offices(actor_lookup().terms(name), day) if len(name.split()) > 1 else []
    if not offices:
        return None
    lowered = view.text.lower()
    for office in offices:
        k = lowered.find(f"the former {office.lower()}")
        if k >= 0 and (k + 11 + len(office) >= len(lowered) or not lowered[k + 11 + len(office)].isalnum()):
            return "former " + view.text[k + 11 : k + 11 + len(office)]
    return None


def _lookup_time(day: Callable[[], date | None], period: Callable[[], Period | None] | None) -> tuple[date | None, Period | None]:
    """The time the actor lookup reads: the article's date, and when it has none, the period the
    article dates itself to (None when not asked for or not found)."""
    when = day()
    return when, (period() if when is None and period is not None else None)


def _state_governed(mentions: MentionIndex, name: str, day: Callable[[], date | None],
                    period: Callable[[], Period | None] | None = None) -> str | None:
    """The state the actor lookup says the governor ``name`` governs at the article's date ("Gov.
    Mary Roe (R)": the state, not the party the article writes beside the name); None when the
    lookup knows no such office of theirs then."""
    when, span = _lookup_time(day, period)
    known = describe_from_knowledge(mentions, name, when, period=span)
    if known is None or not governs_region(known.role):
        return None
    return known.affiliation


def _state_named(aff: str | None) -> str | None:
    """The affiliation as the party finder compares it: a state's office under the state's name
    ("White House" -> United States, as a title before a name reads it), else as written."""
    if aff is None:
        return None
    hit = gazetteer().aliases.get(aff)
    return hit[0] if hit is not None and hit[1] == "state" else aff


def group_members(mentions: MentionIndex, name: str) -> list[str] | None:
    """The people a group speaker's name joins ("Jeb Roe and Ted Doe", "A, B and C"), each a
    person the article names; None for any other name."""
    if " and " not in name:
        return None
    parts = [p.strip() for chunk in name.split(" and ") for p in chunk.split(",")]
    parts = [p for p in parts if p]
    people = {m.canonical for m in mentions.names if m.type == "person"}
    if len(parts) < 2 or any(p not in people for p in parts):
        return None
    return parts


def _describe_group(view: TextView, mentions: MentionIndex, members: list[str],
                    day: Callable[[], date | None] | None, quoted: RangeIndex | None = None,
                    period: Callable[[], Period | None] | None = None) -> Description | None:
    """The role (in the plural) and the affiliation the members share where each gives one (one
    member's, when the others give none; none where they disagree); None when they give neither."""
    parts = [_describe_one(view, mentions, member, None, True, day, quoted, period) for member in members]
    roles = {_role_key(p[0]) for p in parts if p[0]}
    affs = {p[1] for p in parts if p[1]}
    if len(affs) > 1:
        affs = set()
    role = next((p[0] for p in parts if p[0]), None) if len(roles) == 1 else None
    if role is None and not affs:
        return None
    aff = affs.pop() if affs else None
    source = next((p[2] for p in parts if p[1] == aff and p[2]), None) if aff else None
    own = next((p[3] for p in parts if p[3] == aff), None) if aff else None
    return (plural_role(role) if role else None), aff, source, own


def _role_key(role: str) -> str:
    """A role as compared across a group's members (case and a leading "former" aside)."""
    return role.lower()


def plural_role(role: str) -> str:
    """``role`` with its last word in the plural ("presidential candidate" -> "presidential
    candidates", "spokesman" -> "spokesmen", "secretary" -> "secretaries"); a role already in the
    plural or joined by "and" stays."""
    words = role.split()
    last = words[-1]
    if " and " in role or last.lower().endswith("s"):
        return role
    if last.lower().endswith("man"):
        last = last[:-3] + "men"
    elif last.lower().endswith("y") and len(last) > 2 and last[-2].lower() not in "aeiou":
        last = last[:-1] + "ies"
    elif last.lower().endswith(("x", "z", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return " ".join([*words[:-1], last])
