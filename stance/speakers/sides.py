"""The side an entity of an article stands on, and how a speaker's side relates to a party's.

A side is a party ("Democratic Party"), a state or an organisation. The sides of a name:

- the affiliation the pipeline gave the name as a speaker (a party label in it: "House
  Republicans" -> Republican Party; a "<person> campaign": that person's sides);
- a party label in the name itself ("Senate Democrats", "Democratic National Committee",
  "Republicans"; only after words of bodies or places: not "Social Democratic Party") or a
  "<person> campaign" ("the Clinton campaign": Clinton's side);
- the affiliation a title gives a mention of it ("Republican Sen. Jane Roe", "Democrat John Doe")
  and a party code after one ("Jane Roe (R-Fla.)");
- the shipped actor lookup (:mod:`stance.speakers.actors`): the parties of every term of the
  actor (a candidate's party) and its state or organisation at the article's date; and the party
  ``data/party_members.tsv`` gives a president, vice president or governor the lookup knows only
  by office.

:func:`side_relation` compares two sets of sides: by their parties when both have
one (``same`` party; ``opposite``: a pair of ``data/opposing_sides.tsv``, US Democrats and
Republicans; else ``other``), else ``same`` when they share a state or organisation, ``other``
when both are known but share none, ``unknown`` when either is empty.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Mapping, Sequence

from stance.speakers.actors import ActorLookup, actor_lookup, name_key, resolve
from stance.speakers.role_parties import party_code_after
from stance.text.entity_types import entity_lexicons
from stance.text.lexicons import data_rows, party_labels, party_of_members, political_parties, word_set
from stance.text.mentions import MentionIndex
from stance.text.view import TextView

#: the relations :func:`side_relation` gives
RELATIONS = ("same", "opposite", "other", "unknown")


@lru_cache(maxsize=1)
def opposing_sides() -> frozenset[tuple[str, str]]:
    """``data/opposing_sides.tsv``, both orders of each pair."""
    pairs = [(r[0].strip(), r[1].strip()) for r in data_rows("opposing_sides.tsv") if len(r) > 1]
    return frozenset(pairs + [(b, a) for a, b in pairs])


@lru_cache(maxsize=1)
def party_members() -> dict[str, str]:
    """``data/party_members.tsv``: each name (in :func:`~stance.speakers.actors.name_key` form) ->
    its party."""
    out = {}
    for r in data_rows("party_members.tsv"):
        if len(r) > 1:
            for n in r[0].split("|"):
                if n.strip():
                    out[name_key(n)] = r[1].strip()
    return out


@lru_cache(maxsize=1)
def _before_label_words() -> frozenset[str]:
    return word_set("org_nouns.txt") | word_set("party_body_words.txt")


def party_in_name(name: str) -> str | None:
    """The party a capitalised party label in ``name`` names when the name is that party's body or
    members: lowercase words, words of bodies or places before the label and, right after it, none,
    a lowercase word or one of ``party_body_words.txt`` ("House Democrats", "Iowa Democratic Party",
    "Republican National Committee", "Republicans", "several GOP leaders"); None for any other name
    ("Democratic Unionist Party", "Senate Conservatives Fund", "Democratic Republic of the Congo",
    "Jane Republican")."""
    toks = name.replace("’", " ").split()
    if not toks:
        return None
    if name in political_parties():
        return name
    labels = party_labels()
    body = word_set("party_body_words.txt")
    before = _before_label_words()
    places = entity_lexicons().places
    for k, t in enumerate(toks):
        hit = labels.get(t) or party_of_members(t)
        if hit is not None and t[:1].isupper():
            after = toks[k + 1] if k + 1 < len(toks) else ""
            return hit if not after[:1].isupper() or after.lower() in body else None
        if t[:1].isupper() and t.lower() not in before and t not in places:
            return None
    return None


def campaign_owner(name: str) -> str | None:
    """The person a "<person> campaign" names ("Hillary Clinton campaign" -> Hillary Clinton)."""
    toks = name.split()
    if len(toks) > 1 and toks[-1].lower() in word_set("campaign_words.txt"):
        owner = " ".join(toks[:-1])
        return owner[:-2] if owner.endswith(("'s", "’s")) else owner
    return None


def sides_of(name: str | None, view: TextView, mentions: MentionIndex, affiliations: Mapping[str, str | None],
             day: date | None, lookup: ActorLookup | None = None, *, _depth: int = 0) -> frozenset[str]:
    """The sides of the entity ``name`` of an article (see the module doc); ``affiliations``: the
    affiliation the pipeline gave each speaker of the article; ``day``: the article's date (None:
    unknown)."""
    if not name or _depth > 2:
        return frozenset()
    out: set[str] = set()
    owner = campaign_owner(name)
    if owner is not None:
        return sides_of(mentions.full_name_of(owner) or owner, view, mentions, affiliations, day, lookup, _depth=_depth + 1)
    party = party_in_name(name)
    if party is not None:
        return frozenset((party,))

    def add_affiliation(aff: str | None) -> None:
        if aff:
            owner = campaign_owner(aff)
            if owner is not None:
                out.update(sides_of(mentions.full_name_of(owner) or owner, view, mentions, affiliations, day, lookup,
                                    _depth=_depth + 1))
            else:
                out.add(party_in_name(aff) or aff)

    add_affiliation(affiliations.get(name))
    for m in mentions.named(name):
        add_affiliation(m.affiliation)
        code = party_code_after(view, m)[1]
        if code is not None:
            out.add(code)
    if len(name.split()) > 1:
        member = party_members().get(name_key(name))
        if member is not None:
            out.add(member)
        table = lookup if lookup is not None else actor_lookup()
        terms = table.terms(name)
        if terms:
            out.update(t.affiliation for t in terms if t.affiliation in political_parties())
            info = resolve(terms, day)
            if info is not None:
                out.add(info.affiliation)
    return frozenset(out)


def side_relation(speaker: frozenset[str], party: frozenset[str]) -> str:
    """How the speaker's sides relate to a party's (see the module doc). Parties decide when both
    have one: two Republicans are ``same`` although one is also a state's governor, a Democrat and a
    Republican ``opposite`` although both serve the United States; else a shared state or
    organisation is ``same``."""
    if not speaker or not party:
        return "unknown"
    names = political_parties()
    ps, pp = speaker & names, party & names
    if ps and pp:
        if ps & pp:
            return "same"
        pairs = opposing_sides()
        return "opposite" if any((s, p) in pairs for s in ps for p in pp) else "other"
    return "same" if speaker & party else "other"


def opposite_parties(view: TextView, mentions: MentionIndex, quotations: Sequence[tuple[str | None, Sequence[str]]],
                     affiliations: Mapping[str, str | None], day: date | None) -> list[list[bool]]:
    """For each (speaker, party names) of an article's quotations, whether each party is of the
    speaker's ``opposite`` side (:func:`side_relation`); the sides of each name found once."""
    found: dict[str, frozenset[str]] = {}

    def sides(name: str) -> frozenset[str]:
        out = found.get(name)
        if out is None:
            out = found[name] = sides_of(name, view, mentions, affiliations, day)
        return out

    marks = []
    for speaker, parties in quotations:
        own = sides(speaker) if speaker and parties else frozenset()
        marks.append([bool(own) and side_relation(own, sides(p)) == "opposite" for p in parties])
    return marks
