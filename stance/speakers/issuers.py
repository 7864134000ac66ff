"""Documents and their issuers: the author of a statement, report or letter, the body named just before
a generic noun ("the company"), the full name of a body, and acronyms spelled out or defined in
parentheses.
"""

from __future__ import annotations

import weakref
from typing import Any

from stance.speakers.noun_phrases import MAX_SOURCE, is_time_word, nouns, np_starting_at, time_phrase_at
from stance.speakers.pronouns import resolve_pronoun
from stance.speakers.roles import named_by_role
from stance.text.entity_types import is_acronym
from stance.text.lexicons import ARTICLES, rule_words, word_set
from stance.text.mentions import Mention, MentionIndex
from stance.text.verb_forms import is_past_form
from stance.text.view import POSSESSIVE_MARKS, RangeIndex, TextView


#: entity types that author a document
_AUTHOR_TYPES = ("person", "organization", "state")
#: sentences back that a bare "the statement" looks for the one who issued a statement (6, not
#: 3: "A report released by X noted ... [four sentences] ... the report concluded", PolNeAR train)
_DOCUMENT_WINDOW = 6


def document_author(view: TextView, mentions: MentionIndex, i: int, j: int, blocked: list[tuple[int, int]],
                    pronoun_ranker: Any = None, previous_speaker: str | None = None) -> Mention | None:
    """The author or issuer of a speaker phrase ``[i, j)`` naming a document (its head noun in
    ``document_nouns.txt``): the possessor ("Judge Miller's statement" -> Miller, "the judge's
    statement" -> the judge named before, "her memoirs" -> who "her" is, "its website" -> the body
    before); a name modifying the noun ("an AEW press release" -> AEW); for a bare "the statement",
    the name nearest before the noun where the article mentioned it last ("X issued a statement.
    ... the statement said"). None when the head is no document noun or no author is found."""
    lowers = view.lowers
    if lowers[j - 1] not in word_set("document_nouns.txt"):
        return None
    index = RangeIndex.of(blocked)
    person_nouns, org_nouns = nouns()
    for t in range(i + 1, j - 1):
        if lowers[t] not in POSSESSIVE_MARKS:
            continue
        owner = mentions.name_at(t - 1, t)
        if owner is not None and owner.type in _AUTHOR_TYPES:
            full = spelled_out(mentions, owner)
            if full is not None:
                return full
            return full_body(view, mentions, owner, blocked) if owner.type == "organization" else owner
        if lowers[t - 1] in person_nouns:
            return named_by_role(view, mentions, lowers[t - 1], i)
        if lowers[t - 1] in org_nouns:
            return mentions.resolve_nominal(lowers[t - 1], i) or body_named_before(view, mentions, lowers[t - 1], i, blocked)
        return None
    first = lowers[i]
    if first in ("his", "her"):
        return resolve_pronoun(view, mentions, i, blocked, pronoun_ranker, previous_speaker)
    if first == "its":
        m = previous_outside(mentions, i, ("organization", "state"), blocked)
        return full_body(view, mentions, m, blocked) if m is not None else None
    inner = [m for m in mentions.names_in(i, j - 1) if m.type in _AUTHOR_TYPES and m.end < j]
    if inner:
        m = inner[-1]
        full = spelled_out(mentions, m)
        return full if full is not None else m
    if j - i == 2 and first in ("a", "an"):
        return _issuer_after(view, mentions, j - 1)  # "according to a report on Wednesday by UpGuard"
    if j - i == 3 and first == "the" and lowers[i + 1] in org_nouns:
        # "the government statement": the body "the government" stands for
        return mentions.resolve_nominal(lowers[i + 1], i) or body_named_before(view, mentions, lowers[i + 1], i, blocked)
    if j - i != 2 or first != "the":
        return None
    return issuer_named_before(view, mentions, lowers[j - 1], i, index)


def issuer_named_before(view: TextView, mentions: MentionIndex, noun: str, i: int, index: RangeIndex) -> Mention | None:
    """Who issued the document ``noun`` ("statement") the article mentioned last before token ``i``
    (within :data:`_DOCUMENT_WINDOW` sentences, outside quotations ``index``): the one named
    after it ("a 1989 report from the NTSB"), else the nearest person or body before it in its
    sentence ("X issued a statement"); None when none is."""
    lowers = view.lowers
    s0 = view.sent_of[min(i, view.n - 1)]
    for t in range(i - 1, -1, -1):
        if s0 - view.sent_of[t] > _DOCUMENT_WINDOW:
            break
        if lowers[t] != noun or index.covers(t, t + 1):
            continue
        after = _issuer_after(view, mentions, t)
        if after is not None:  # "a 1989 report from the National Transportation Safety Board"
            return after
        for m in mentions.names_before(t):
            if view.sent_of[m.start] != view.sent_of[t]:
                break
            if m.type in _AUTHOR_TYPES and not index.covers(m.start, m.end):
                return m
        return None
    return None


def _issuer_after(view: TextView, mentions: MentionIndex, t: int) -> Mention | None:
    """The person or body named right after the document noun at token ``t`` and "from"/"by"/"of"
    (a determiner allowed: "a report from the NTSB"; a time phrase before it: "a report on
    Wednesday by UpGuard"; a participle before it: "a report released in September by the
    academy"; a title before a person: "a tweet by Secretary of State Mike Pompeo"),
    its acronym spelled out; None otherwise (and for a possessor: "from
    the State Department's inspector general")."""
    k = t + 1
    if k + 1 < view.n and is_past_form(view.lowers[k]) and view.lowers[k + 1] in ("by", "in", "on", "last", "this", "earlier"):
        k += 1  # "a report released in September by the National Academies"
    if time_phrase_at(view, k):
        k += 1 if is_time_word(view, k) else 2
    if k >= view.n or view.lowers[k] not in ("from", "by", "of"):
        return None
    k += 1
    if k < view.n and view.lowers[k] == "the":
        k += 1
    m = mentions.name_at(k, k + 1) if k < view.n else None
    if m is None and k < view.n:
        np = np_starting_at(view, mentions, k, min(view.n, k + MAX_SOURCE))
        persons = [x for x in mentions.names_in(np[0], np[1]) if x.type == "person"] if np and np[2] == "name" else []
        if persons:
            return persons[-1]  # "a tweet by US Secretary of State Mike Pompeo"
    if m is None or m.start != k or m.type not in _AUTHOR_TYPES:
        return None
    if m.end < view.n and view.lowers[m.end] in POSSESSIVE_MARKS:
        return None  # "a report from the State Department's inspector general": the possessed issues it
    return spelled_out(mentions, m) or m


#: head nouns of "the NOUN" that stand for any company or body named before ("the company said")
_GENERIC_BODIES = word_set("generic_bodies.txt")
#: sentences back that "the company" looks for the body it stands for
_BODY_WINDOW = 4


def body_named_before(view: TextView, mentions: MentionIndex, head: str, i: int,
                       blocked: list[tuple[int, int]]) -> Mention | None:
    """The body "the NOUN" at token ``i`` stands for, named outside quotations before it: a name
    holding the noun, anywhere before ("the academy" -> "Royal Swedish Academy of Sciences", named
    in the first sentence), else, for a generic noun ("the company"), the nearest organisation in
    the :data:`_BODY_WINDOW` sentences before."""
    index = RangeIndex.of(blocked)
    s0 = view.sent_of[i]
    generic = head in _GENERIC_BODIES
    nearest = None
    for m in mentions.names_before(i):
        near = s0 - view.sent_of[m.start] <= _BODY_WINDOW
        if not near and generic:
            break
        if m.end > i or index.covers(m.start, m.end) or m.type in ("demonym", "state"):
            continue
        if head in m.text.lower().split() and m.type != "person":
            return m
        if generic and nearest is None and (m.type == "organization" or m.type == "person" and not mentions.gender_of(m.canonical)):
            nearest = m  # (a body's type is often guessed "person"; a person with a gender is none)
    return nearest


def full_body(view: TextView, mentions: MentionIndex, m: Mention, blocked: list[tuple[int, int]]) -> Mention:
    """The body's full name for a one-word organisation name that is only its head noun ("The
    Department" after "California Department of Corrections"), else ``m``."""
    head = m.text.lower()
    if " " in m.text or head not in nouns()[1]:
        return m
    full = body_named_before(view, mentions, head, m.start, blocked)
    return full if full is not None and " " in full.text else m


#: small words an acronym skips ("Recording Industry Association of America" -> RIAA)
_ACRONYM_SKIPS = rule_words("acronym_connectors")


def spelled_out(mentions: MentionIndex, m: Mention) -> Mention | None:
    """The body or state an acronym mention stands for ("NHC" -> "National Hurricane Center"): a name
    of the article whose capitalised words' initials, or those of its last words, spell it; None
    when ``m`` is no acronym of 2-6 capitals or no name spells it."""
    text = m.text
    if m.type != "demonym" and " " not in text and 2 <= len(text) <= 8 and text[:1].isupper():
        defined = defined_in_parentheses(mentions, text)
        if defined is not None and defined is not m:
            return defined
    if not is_acronym(text, min_len=2, max_len=6) or m.type == "demonym":
        return None  # (an acronym's type is often guessed wrong, "person" included)
    for o in mentions.names:
        if o is m or o.text == text or o.type == "demonym" or len(o.canonical.split()) < 2:
            continue
        initials = "".join(w[0] for w in o.canonical.split() if w.lower() not in _ACRONYM_SKIPS and w[:1].isupper())
        if initials == text or len(initials) > len(text) and initials.endswith(text):
            return o
    return None


#: sentences back (besides its own) that "it said" looks for a body that was a sentence's subject
_SUBJECT_WINDOW = 2


def subject_body_before(view: TextView, mentions: MentionIndex, i: int, blocked: list[tuple[int, int]]) -> Mention | None:
    """The organisation or state an "it" at token ``i`` stands for when one opens a sentence
    (its subject, after at most a determiner) in ``i``'s sentence or the :data:`_SUBJECT_WINDOW`
    before: the nearest such ("NASA interrupted its coverage of an International Space Station
    spacewalk. It also credited ..." -> NASA, not the station); None when none does."""
    index = RangeIndex.of(blocked)
    s0 = view.sent_of[i]
    for m in mentions.names_before(i):
        s = view.sent_of[m.start]
        if s0 - s > _SUBJECT_WINDOW:
            return None
        if m.end > i or m.type not in ("organization", "state") or index.covers(m.start, m.end):
            continue
        a = view.sent_bounds(s)[0]
        if all(view.lowers[t] in ARTICLES for t in range(a, m.start)):
            return full_body(view, mentions, m, blocked)
    return None


def defined_in_parentheses(mentions: MentionIndex, short: str) -> Mention | None:
    """The body or state of two or more words the article writes with ``short`` in parentheses
    right after it ("the Philippine Institute of Volcanology and Seismology (Phivolcs)", "The
    Georgian Tennis Federation (GFT)"): the short form stands for it wherever it is used; None
    when no name is so defined."""
    defined = _DEFINITIONS.get(mentions)
    if defined is None:  # built once per document
        defined = {}
        for word, o in mentions.bracketed_forms:
            if o.type in ("organization", "state") and " " in o.canonical:
                defined.setdefault(word, o)
        _DEFINITIONS[mentions] = defined
    return defined.get(short)


#: per document (its MentionIndex): short form -> the name it is defined after in parentheses
_DEFINITIONS: "weakref.WeakKeyDictionary[MentionIndex, dict[str, Mention]]" = weakref.WeakKeyDictionary()


def previous_outside(mentions: MentionIndex, i: int, types: tuple[str, ...], blocked: list[tuple[int, int]]) -> Mention | None:
    k = i
    for _ in range(30):
        m = mentions.previous(k, types, max_sents=4)
        if m is None:
            return None
        if not RangeIndex.of(blocked).covers(m.start, m.end):
            return m
        k = m.start
    return None
