"""Role and affiliation of a speaker, taken from anywhere in the article.

Sources, in order: a title before the name ("U.S. Secretary of State Marco Rubio": role
Secretary of State, affiliation United States); an appositive after it ("Moon Seong Mook, an
analyst for the Seoul-based Korea Research Institute for National Strategy"); a role noun before
it with a possessor ("its leader Kim Jong Un", "North Korea's leader Kim"); a country adjective
("an Israeli spokesman": Israel); a title "of the" state before the name ("former Vice President of
the United States Joe Biden"); the body after the name ("Ryan Cloutier of the Harvard–Smithsonian
Center", "Brigid Kosgei of Kenya"). The first mention's description carries to later mentions.
A body speaker gets the state or province its name holds ("California Department of
Corrections" -> California); a bare "the government" gets the article's state. Also: an
organisation or acronym before an appositive's role ("an NTSB spokesman", spelled out where the
article defines it in parentheses), a lowercase body after the role ("a spokesperson for the fire
service"), "one of" a plural role, a title before its acronym ("Member of Parliament (MP)"), "CNN's
X", a region after a name ("Senator X of California"), and a police officer's force named before
them (``police_ranks.txt``).

This module combines the sources; the rules live in the ``role_*`` modules beside it (the shared
words in ``role_lexicon``, then nominals, owners, bodies, states, parties, titles before the name
and appositives), and the public functions stay importable from here.
"""

from __future__ import annotations

from typing import Iterator

from stance.speakers.role_appositives import appositive, appositive_before, relative_body
from stance.speakers.role_bodies import (
    body_after, body_after_description, description_span, expand_acronym, police_force_near, spoken_for_before,
)
from stance.speakers.role_lexicon import STOP_APPOS, study_rank
from stance.speakers.role_nominals import describe_nominal
from stance.speakers.role_owners import coordinated_title, earlier_owner, owner_of_possessed_body, owner_of_title
from stance.speakers.role_parties import party_code_after, party_named, party_of_label, party_over_chamber
from stance.speakers.role_states import (
    holds_state_office, state_of_bare_government, state_of_body, state_of_demonym_opening,
    state_after_body, state_of_government, state_of_office,
)
from stance.speakers.role_titles import (
    member_of_named_body, role_before, title_before_acronym, title_in_name, title_of_state_before,
)
from stance.text.entity_types import entity_lexicons
from stance.text.lexicons import gazetteer, party_labels, rule_words, word_set
from stance.text.mentions import Mention, MentionIndex
from stance.text.view import POSSESSIVE_ENDINGS, RangeIndex, TextView


__all__ = ["describe", "expand_acronym", "holds_state_office", "named_by_role", "party_of_label",
           "state_of_body", "state_of_government", "state_of_office"]


#: roles whose holder speaks for a body
_SPOKES_NOUNS = rule_words("spokes_nouns")


def describe(view: TextView, mentions: MentionIndex, canonical: str, speaker_mention: Mention | None = None,
             quoted: RangeIndex | None = None) -> tuple[str | None, str | None]:
    """(role, affiliation) of the party named ``canonical`` in this article; when the article
    gives no affiliation, the political party a party label in the role or in the speaker's own
    words names (:func:`party_named`). ``quoted``: the token spans of the article's quotations;
    the narration's descriptions of the party come before those in someone's quoted words ("...
    the Honorable Jane Roe, secretary of state nominated during recess ..." in a court's ruling
    does not beat the article's "the now-former governor Roe")."""
    short = _without_middle(canonical)
    same = mentions.named(canonical, short)
    role, aff = _describe(view, mentions, canonical, speaker_mention, same, quoted)
    if role is None and aff is None:
        role, aff = title_in_name(canonical)
        aff = expand_acronym(mentions, aff) if aff else aff
    coded = next((a for m in same if m.canonical == canonical for _, a in (party_code_after(view, m),) if a), None)
    if coded is not None and not (aff and _names_state_or_body(aff)):
        # "House Majority Leader Jane Roe (R-Calif.)": the legislator's party, not "House"; but a
        # governor's state or a committee chair's committee stays
        return role, coded
    if aff is None:
        aff = party_named(role, canonical, speaker_mention, mentions) or state_of_demonym_opening(canonical)
    elif not same or all(m.type != "person" for m in same):
        aff = party_over_chamber(canonical, aff)  # a described group or member, not a named person
    if aff is None and role and role.split()[-1].lower() in _SPOKES_NOUNS:
        # "Facebook created the tool, a spokeswoman, Anna Roe, said": a spokesperson speaks for the
        # organisation named just before them; so does an unnamed one ("The task force released a
        # statement. A spokesperson told ...")
        first = _first_mention_at(view, canonical, speaker_mention, same)
        if first is not None:
            aff = spoken_for_before(view, mentions, first)
    return role, aff


def _first_mention_at(view: TextView, canonical: str, speaker_mention: Mention | None, same: list[Mention]) -> int | None:
    """Where the article first names the speaker ``canonical``: its first name mention, else the
    chosen mention, else where it first writes the description ("A spokesperson"); None when it
    writes it nowhere."""
    if same:
        return min(m.start for m in same)
    if speaker_mention is not None:
        return speaker_mention.start
    span = description_span(view, canonical)
    return span[0] if span is not None else None


def _names_body(mentions: MentionIndex, aff: str) -> bool:
    """Whether an affiliation is an organisation's name (the article's mention of that name is an
    organisation, or the name ends in an organisation noun), not a state or a place."""
    if aff in gazetteer().aliases or aff in entity_lexicons().regions.values():
        return False
    if aff.split()[-1].lower() in word_set("org_nouns.txt"):
        return True
    return any(m.type == "organization" and (m.canonical == aff or m.text == aff) for m in mentions.names)


#: organisation nouns of a legislature's chambers ("the House", "the state Senate")
_CHAMBER_NOUNS = rule_words("chamber_nouns")


def _names_state_or_body(aff: str) -> bool:
    """Whether an affiliation is a state, a region or a whole body ending in an organisation noun
    ("Michigan", "Senate Foreign Relations Committee"), not a fragment ("House Intelligence")."""
    last = aff.split()[-1].lower()
    return (aff in gazetteer().aliases or aff in entity_lexicons().regions.values()
            or (last in word_set("org_nouns.txt") and last not in _CHAMBER_NOUNS))


def _describe(view: TextView, mentions: MentionIndex, canonical: str, speaker_mention: Mention | None,
              same: list[Mention], quoted: RangeIndex | None = None) -> tuple[str | None, str | None]:
    """:func:`describe` without the party of a party label or code; ``same``: the mentions of
    ``canonical`` (and of it without its middle name); ``quoted``: the quotations' token spans."""
    role = aff = None
    if speaker_mention is None and not same:
        role, aff = describe_nominal(canonical)
        if role is not None and aff is None:
            aff = body_after_description(view, mentions, canonical)
        if role is None and aff is None:
            aff = owner_of_possessed_body(view, mentions, canonical) or state_of_body(canonical)
        if role is not None and aff is None:
            aff = earlier_owner(view, canonical)
        return role, state_of_bare_government(view, mentions, canonical, aff)
    if speaker_mention is not None:
        role, aff = member_of_named_body(view, mentions, speaker_mention)
        if role is not None:
            return role, aff
    if speaker_mention is not None and speaker_mention.possessor:
        aff = speaker_mention.possessor
    for m in same:
        if m.type == "organization" and m.possessor and aff is None:
            aff = m.possessor
    relations = word_set("relation_nouns.txt")
    parties = set(party_labels().values())
    narration_first = sorted(same, key=lambda m: quoted.covers(m.start, m.end)) if quoted else same  # stable
    for r, a in _descriptions(view, mentions, narration_first):
        if r and r.split()[-1].lower() in relations:
            r = None  # "rival Bernie Sanders": a relation, not a role
        if r and r in party_labels():
            r = None  # "Brian Roe, a Republican": a party (its affiliation), not a role
        if r and role is not None and study_rank(r) > study_rank(role):
            role = r  # "lead author Professor Jane Roe": the study's lead author
        if aff in parties and a and a not in parties and _names_body(mentions, a):
            # "Democratic strategist Jane Roe, president of the New Democrat Network": the body she
            # works for, not the party a label before her name gives
            aff = a
            break
        if role is None and r:
            role = r
            if a and aff is None:
                aff = a
        elif aff is None and a:
            aff = a
        if role is not None and aff is not None and aff not in parties:
            break
    if role is None:
        # "Officials said", "Members of the House of Commons": a capitalised description
        role, nominal_aff = describe_nominal(canonical)
        if role is not None and nominal_aff is None:
            # "A spokeswoman for the House Armed Services Committee": the body after the description
            nominal_aff = body_after_description(view, mentions, canonical)
        if role is not None and aff is None:
            return role, state_of_bare_government(view, mentions, canonical, nominal_aff)
    if aff is None:
        aff = (owner_of_possessed_body(view, mentions, canonical) or state_of_body(canonical)
               or state_after_body(view, mentions, same))
    if aff is None:
        aff = police_force_near(view, mentions, role, same[0] if same else speaker_mention)
    aff = state_of_bare_government(view, mentions, canonical, aff)
    if aff and " " not in aff and aff.lower() in word_set("org_nouns.txt"):
        # "Society President Ash Soni": the article's body of that name ("Royal Pharmaceutical
        # Society"); so for a lowercase owner ("one of the university's top executives")
        body = mentions.resolve_nominal(aff.lower(), same[0].start if same else view.n)
        if body is not None and body.type == "organization" and body.text != aff:
            aff = body.canonical
    return role, party_of_label(expand_acronym(mentions, aff)) if aff else aff


def _without_middle(full: str) -> str | None:
    """The name ``full`` without its middle names, under which the article may also name the
    person: "Robert Mugabe" of "Robert Gabriel Mugabe" (capitalised words, three or more); else
    None."""
    toks = full.split()
    if len(toks) >= 3 and toks[0][:1].isupper() and toks[-1][:1].isupper():
        return f"{toks[0]} {toks[-1]}"
    return None


def _descriptions(view: TextView, mentions: MentionIndex, same: list[Mention]) -> Iterator[tuple[str | None, str | None]]:
    """(role, affiliation) candidates of one party's mentions, best first: the titles before its
    names ("Labor Secretary Thomas Perez", "Democrat Nancy Pelosi") anywhere in the article, then
    per mention in order an appositive after it, role words before it, a description before it, the body after it ("of the Harvard–Smithsonian Center")."""
    for m in same:
        joined = coordinated_title(view, mentions, m)
        if joined is not None:
            yield _with_former(view, m, joined[0]), joined[1]  # "PG&E President and CEO Andy Roe"
        elif m.role or m.affiliation:
            yield _with_former(view, m, m.role), m.affiliation or (owner_of_title(view, mentions, m) if m.role else None)
    for m in same:
        before_role, before_aff = role_before(view, mentions, m)
        for r, a in ((_with_former(view, m, before_role), before_aff), appositive(view, mentions, m), appositive_before(view, mentions, m),
                     title_of_state_before(view, mentions, m), title_before_acronym(view, mentions, m), body_after(view, mentions, m),
                     party_code_after(view, m),
                     relative_body(view, mentions, m)):
            if r or a:
                yield r, a


def _with_former(view: TextView, m: Mention, role: str | None) -> str | None:
    """``role`` (a title or role before the name of ``m``) with the "former" written before its
    owner: "former U.N. Ambassador John Roe", "Former Pennsylvania governor Ed Roe", "former FBI
    agent Tim Roe" -> "former ambassador", "former governor", "former agent"."""
    if not role or role.split()[0].lower() in {"former", "ex"}:
        return role
    role_lowers = set(role.lower().split())
    sa = view.sent_bounds(view.sent_of[m.start])[0]
    t = m.start - 1
    while t >= sa and m.start - t <= 7:
        w = view.words[t]
        if view.lowers[t] in {"former", "ex"}:
            return f"former {role}"
        if w in STOP_APPOS or (w.islower() and view.lowers[t] not in role_lowers and w not in POSSESSIVE_ENDINGS):
            return role
        t -= 1
    return role


def named_by_role(view: TextView, mentions: MentionIndex, head: str, before: int, *, max_names: int = 60,
                  modifiers: tuple[str, ...] = ()) -> Mention | None:
    """The person named before token ``before`` whose description in the article has the role
    noun ``head`` and every word of ``modifiers`` ("the archbishop" -> "archbishop Monsenor Jorge
    Eduardo Scheinig", "The president" -> "Argentine President Alberto Fernández"; "the prime
    minister", modifiers ("prime",), not "Foreign Minister Tobias Billstrom"); None when there is
    none. Looks at most ``max_names`` name mentions back."""
    k = mentions.index_before(before)
    for m in mentions.names[max(0, k - max_names + 1) : k + 1][::-1]:
        if m.type != "person":
            continue
        for r, _ in ((m.role, None), role_before(view, mentions, m), appositive(view, mentions, m, open_clauses=False),
                     appositive_before(view, mentions, m)):
            words = r.lower().split() if r else ()
            if head in words and all(w in words for w in modifiers):
                return m
    return None
