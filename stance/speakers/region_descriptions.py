"""The region a definite description of a person's office names: "the Florida senator", "the
Ohio governor", "the senator from Texas" (``regional_office_nouns.txt``) is affiliated with that
state when the description refers to the speaker (the person the article last described with
that office before it, in the article's words or the actor lookup's). ANNOTATION.md rule 7 takes
role and affiliation "from anywhere in the article", and writes a region adjective as the region
("Israeli spokesman" -> Israel); the article's words come before the actor lookup's party.
"""

from __future__ import annotations

import weakref
from typing import Callable

from stance.speakers.roles import named_by_role
from stance.text.entity_types import entity_lexicons
from stance.text.lexicons import word_set
from stance.text.mentions import MentionIndex
from stance.text.view import TextView


def region_described(view: TextView, mentions: MentionIndex, name: str, role: str | None,
                     office_of: Callable[[str], str | None] | None = None) -> str | None:
    """The region a definite description "the REGION OFFICE" / "the OFFICE from REGION" of the
    article names for the person ``name`` whose role is ``role`` (its last word an office of
    ``regional_office_nouns.txt``); None when the article writes no such description of them. The
    description refers to the person named last before it who holds that office, in the article's
    words or by ``office_of`` (a person's office at the article's date in the actor lookup): "the
    senator from Vermont" after "Bernie Sanders" is Sanders's, not that of Sen. Harry Reid named
    before him. The article's descriptions are found once (:func:`regional_descriptions`)."""
    head = role.split()[-1].lower() if role else None
    if head is None or head not in word_set("regional_office_nouns.txt"):
        return None  # an office of no region: the article is not indexed
    for region, start in regional_descriptions(view, mentions).get(head, ()):
        if _holder_before(view, mentions, head, start, office_of) == name:
            return region
    return None


#: per document (its MentionIndex): its regional descriptions (:func:`regional_descriptions`)
_DESCRIPTIONS: "weakref.WeakKeyDictionary[MentionIndex, dict[str, list[tuple[str, int]]]]" = weakref.WeakKeyDictionary()


def regional_descriptions(view: TextView, mentions: MentionIndex) -> dict[str, list[tuple[str, int]]]:
    """The article's definite descriptions of an office that name a region, by office (the
    lower-cased office noun of ``regional_office_nouns.txt``): (region, first token of the
    description) in the article's order, for "the Florida senator" and "the senator from Texas".
    Built once per document (cached on ``mentions``, whose view ``view`` is)."""
    found = _DESCRIPTIONS.get(mentions)
    if found is None:
        found = _DESCRIPTIONS[mentions] = _find_descriptions(view, mentions)
    return found


def _find_descriptions(view: TextView, mentions: MentionIndex) -> dict[str, list[tuple[str, int]]]:
    """:func:`regional_descriptions`, found by one pass over the article's words."""
    offices = word_set("regional_office_nouns.txt")
    regions = entity_lexicons().regions
    lowers = view.lowers
    found: dict[str, list[tuple[str, int]]] = {}
    for t in range(1, view.n):
        if lowers[t] not in offices:
            continue
        before = mentions.name_at(t - 1, t)
        if (before is not None and before.end == t and before.start >= 1 and lowers[before.start - 1] == "the"
                and before.text in regions):
            found.setdefault(lowers[t], []).append((regions[before.text], before.start - 1))  # "the Florida senator"
        elif lowers[t - 1] == "the" and t + 2 < view.n and lowers[t + 1] == "from":
            after = mentions.name_at(t + 2, t + 3)
            if after is not None and after.start == t + 2 and after.text in regions:
                found.setdefault(lowers[t], []).append((regions[after.text], t - 1))  # "the senator from Texas"
    return found


#: most name mentions back that :func:`_holder_before` reads
_MAX_NAMES_BACK = 60


def _holder_before(view: TextView, mentions: MentionIndex, head: str, before: int,
                   office_of: Callable[[str], str | None] | None) -> str | None:
    """The person named last before token ``before`` who holds the office ``head``: described so
    in the article (:func:`stance.speakers.roles.named_by_role`'s descriptions: "Sen. Jane Roe") or,
    through ``office_of``, in the actor lookup at the article's date; None when there is none."""
    k = mentions.index_before(before)
    seen: set[str] = set()
    for m in mentions.names[max(0, k - _MAX_NAMES_BACK + 1) : k + 1][::-1]:
        if m.type != "person" or m.end > before:
            continue
        if named_by_role(view, mentions, head, m.end, max_names=1) is m:
            return m.canonical
        if m.canonical in seen:
            continue
        seen.add(m.canonical)
        office = office_of(m.canonical) if office_of is not None else None
        if office and office.split()[-1].lower() == head:
            return m.canonical
    return None
