"""Resolving a chosen candidate to a named speaker: pronouns, descriptions, titles, coordinated
persons, documents and bodies to the mention the article names.
"""

from __future__ import annotations

from typing import Any

from stance.speakers.appositives import (VERB_STOPS, appositive_owner, described_referent, owner_of_described_who,
                                         subject_described_before_who)
from stance.speakers.candidate_record import Candidate
from stance.speakers.definite_persons import INDEFINITES, indefinite_antecedent, known_person, pair_of_description
from stance.speakers.issuers import full_body, issuer_named_before, previous_outside, spelled_out, subject_body_before
from stance.speakers.noun_phrases import (DETS, NAME_JOINERS, NP_STOP_LEFT, QUANTIFIERS, coordinated_persons, nouns, np_ending_at,
                                          person_by_title, titled_name)
from stance.speakers.pronouns import ranks, resolve_pronoun, resolve_referent
from stance.speakers.role_lexicon import CAMPAIGN_NOUNS, names_office
from stance.speakers.role_of_phrases import role_of_head
from stance.text.lexicons import ARTICLES, party_of_members, pronoun_kinds, rule_words, word_set
from stance.text.mentions import Mention, MentionIndex, is_past_tense
from stance.text.view import RangeIndex, TextView


def resolve_candidate(
    c: Candidate,
    view: TextView,
    mentions: MentionIndex,
    blocked: list[tuple[int, int]],
    last_plural: tuple[str, str, int] | None,
    pronoun_ranker: Any = None,
    previous_speaker: str | None = None,
) -> tuple[str, str, Mention | None]:
    """(canonical name, type, name mention or None) of a chosen candidate. A he/she is resolved by
    :func:`stance.speakers.pronouns.resolve_pronoun` (``pronoun_ranker``, or its rules without one;
    ``previous_speaker``: the name of the speaker chosen for the quotation before). A "they" is the
    last plural nominal speaker (``last_plural``: name, type, first token), unless a body opened a
    sentence after it (:func:`subject_body_before`). "His campaign" is the campaign of the person the
    his/her is ("Bernie Sanders campaign"). An it/they/we the pronoun ranker resolves
    (:func:`stance.speakers.pronouns.ranks`) is its pick among the referent candidates, the rules'
    answer one of them (:func:`stance.speakers.pronouns.resolve_referent`)."""
    words = view.words
    if c.kind == "according":
        return _source_name(c, view, mentions, blocked, pronoun_ranker, previous_speaker)
    if c.kind == "proportion":
        return view.span_text(c.start, c.end), "person", None  # "Twenty-four percent": as written
    if c.np_type == "name":
        if (view.lowers[c.start] in QUANTIFIERS and c.end - c.start == 2 and words[c.end - 1].endswith("s")
                and (m0 := mentions.name_at(c.end - 1, c.end)) is not None and m0.type == "organization"):
            return view.span_text(c.start, c.end), "person", None  # "Other Republicans": some of its members
        m0 = mentions.name_at(c.end - 1, c.end)
        if m0 is not None and m0.end == c.end and _members_label(view, m0):
            return words[m0.start], "person", None  # "Republicans said": the party's members, not the party
        both = coordinated_persons(view, mentions, c.start, c.end)
        if both:
            names = [x.canonical for x in both]
            return ", ".join(names[:-1]) + " and " + names[-1], "person", both[0]
        m = mentions.name_at(c.end - 1, c.end)
        inner = [x for x in mentions.names_in(c.start, c.end) if x.type in ("person", "organization", "state")]
        if inner:
            # the head name, not a parenthetical "(D-Mo.)" or an "of Maryland" after it; the
            # person after a body and a role ("UCL astronomer Angelos Tsiaras")
            m = inner[0]
            for nxt in inner[1:]:
                if titled_name(view, mentions, m.end, c.end) is not nxt:
                    break
                m = nxt
        if m is not None:
            titled = person_by_title(view, mentions, m)
            if titled is not None:
                return titled.canonical, "person", titled
            typ = m.type if m.type in ("person", "organization", "state") else "unknown"
            full = spelled_out(mentions, m)
            if full is not None:
                return full.canonical, full.type if full.type == "state" else "organization", full
            if m.type == "organization":
                m = full_body(view, mentions, m, blocked)
            if _an_office(m):
                return m.text, "organization", m  # "The White House says": the office, as written
            return m.canonical, typ, m
        return view.span_text(c.start, c.end), "unknown", None
    if c.np_type == "pronoun":
        w = view.lowers[c.start]
        kind = pronoun_kinds().get(w, "")
        if w in ("who", "which"):
            k = c.start - 1
            named = mentions.name_at(k, k + 1) if k >= 0 else None
            if named is not None and named.end == c.start and named.type in ("person", "organization", "state"):
                return named.canonical, named.type, named  # "drafted by Alex Greenwich who said"
            if k >= 0 and words[k] == ",":
                owner = appositive_owner(view, mentions, k, view.sent_bounds(view.sent_of[k])[0]) if w == "who" else None
                if owner is not None:  # "Mark Hay, a marine ecologist and Regents Professor at GT, who said"
                    return owner.canonical, "person", owner
                np = np_ending_at(view, mentions, k, 0)
                if np is not None:
                    return resolve_candidate(Candidate(np[0], np[1], "left", np[2]), view, mentions, blocked, last_plural,
                                             pronoun_ranker, previous_speaker)
            elif w == "who":
                owner = owner_of_described_who(view, mentions, c.start)
                if owner is not None:  # "Bo Lind, a state delegate and party donor who said"
                    return owner.canonical, "person", owner
                described = subject_described_before_who(view, mentions, c.start, blocked)
                if described is not None:  # "Trump ... is a serial liar, racist and birther who has pledged"
                    return described.canonical, "person", described
                np = np_ending_at(view, mentions, c.start, view.sent_bounds(view.sent_of[c.start])[0])
                if np is not None and np[2] == "nominal":  # "Trump dismissed critics who called ...": critics
                    a = max([t + 1 for t in range(np[0], np[1] - 1) if is_past_tense(view.lowers[t]) or view.lowers[t] in VERB_STOPS],
                            default=np[0])
                    return resolve_candidate(Candidate(a, np[1], "left", np[2]), view, mentions, blocked, last_plural,
                                             pronoun_ranker, previous_speaker)
                before = _words_before_who(view, c.start)
                if before is not None:  # "those who said", "the superdelegates who've said", "a booker who said"
                    return view.span_text(*before), "person", None
        if kind in ("thing", "plural", "self") and ranks(pronoun_ranker, w):  # the trained ranker, given the rules' answer
            rule = resolve_candidate(c, view, mentions, blocked, last_plural, None, previous_speaker)
            name, typ, m = resolve_referent(view, mentions, c.start, blocked, pronoun_ranker, rule, previous_speaker, last_plural)
            noun = name.split()[-1].lower() if name else ""
            if m is None and noun in word_set("document_nouns.txt"):
                # "X released a statement. It read ...": the document speaks for its issuer
                issuer = issuer_named_before(view, mentions, noun, c.start, RangeIndex.of(blocked))
                if issuer is not None:
                    issuer = spelled_out(mentions, issuer) or issuer
                    return issuer.canonical, issuer.type, issuer
            return name, typ, m
        if kind == "person-sg":
            m = resolve_pronoun(view, mentions, c.start, blocked, pronoun_ranker, previous_speaker)
            if m is not None:
                return m.canonical, "person", m
        body = subject_body_before(view, mentions, c.start, blocked) if kind in ("thing", "plural") else None
        if kind == "plural" and last_plural is not None and (body is None or body.start < last_plural[2]):
            return last_plural[0], last_plural[1], None
        if kind in ("thing", "plural"):
            m = body or previous_outside(mentions, c.start, ("state", "organization"), blocked)
            if m is not None:
                m = full_body(view, mentions, m, blocked)
                return m.canonical, m.type, m
        return view.span_text(c.start, c.end), "unknown", None
    # nominal: "Many experts", "the ministry", "Sudan's defense minister"
    return _resolve_nominal(c, view, mentions, blocked, last_plural, pronoun_ranker, previous_speaker)


def _resolve_nominal(c: Candidate, view: TextView, mentions: MentionIndex, blocked: list[tuple[int, int]],
                     last_plural: tuple[str, str, int] | None, pronoun_ranker: Any = None,
                     previous_speaker: str | None = None) -> tuple[str, str, Mention | None]:
    """:func:`resolve_candidate` for a nominal candidate ("Many experts", "the ministry", "Sudan's
    defense minister"): the person named in apposition after it, the referent of a description
    (:func:`described_referent`; a state's office as written), the pair "both officers" stands for,
    the campaign "his campaign" is, the issuer of a body's document; else the phrase as written
    (its determiners dropped, but "A spokesman" and "One of the users" kept whole)."""
    person_nouns, org_nouns = nouns()
    role_at = role_of_head(view, mentions, c.start, c.end)
    # "the spokesman of the ministry": the role is the head, not what it serves
    head = view.lowers[c.end - 1 if role_at is None else role_at]
    named = _named_in_apposition(view, mentions, c.end)
    if named is not None and head in person_nouns:
        return named.canonical, "person", named  # "the White House spokesman, Josh Earnest, said"
    # (a role and what it serves describe an unnamed person by their own words: "the foreign
    # minister of Ukraine" is no person or body named before)
    referent = (described_referent(view, mentions, c.start, c.end, blocked, pronoun_ranker, previous_speaker)
                if role_at is None else None)
    if referent is not None:
        if _an_office(referent[0]):
            return referent[0].text, "organization", referent[0]
        return referent[0].canonical, referent[1], referent[0]
    pair = pair_of_description(view, mentions, c.start, c.end, blocked)
    if pair is not None:  # "Both officers indicated" after "Antoine Roe and Nicolas Doe"
        return pair[0], "person", pair[1]
    if head in CAMPAIGN_NOUNS and c.end - c.start == 2 and view.lowers[c.start] in ("his", "her"):
        # "His campaign said": the campaign of the person the his/her is, as the annotation names it
        owner = resolve_pronoun(view, mentions, c.start, blocked, pronoun_ranker, previous_speaker)
        if owner is not None and known_person(view, mentions, owner):
            return f"{owner.canonical} {view.words[c.end - 1].lower()}", "organization", None
    if head in word_set("document_nouns.txt") and c.end - c.start >= 3 and view.lowers[c.end - 2] in org_nouns:
        # "the government statement" with no body found: the issuer as written ("government")
        return resolve_candidate(Candidate(c.start, c.end - 1, c.kind, "nominal"), view, mentions, blocked, last_plural,
                                 pronoun_ranker, previous_speaker)
    earlier = indefinite_antecedent(view, c.start, c.end, blocked)
    if earlier is not None:
        # "a source close to the family said ... the source added": the phrase that introduced them
        return _joined(view, *earlier), "person", None
    k = c.start
    while k < c.end - 1 and view.lowers[k] in DEFINITE_DETS:
        k += 1  # "the researchers": the ones named before ("researchers from ..."), not as written
    name = view.span_text(k, c.end)
    name = name.replace(" ’s", "’s").replace(" 's", "'s")
    typ = "organization" if head in org_nouns else "person"
    return name, typ, None


#: determiners of a phrase that refers back to a group described before ("the researchers",
#: "those voters"): dropped from the speaker's name; the others ("Many experts", "a spokesman",
#: "One of the users", "other advisers") are kept, as the annotation writes an unnamed speaker
DEFINITE_DETS = rule_words("definite_group_dets")

_POSSESSIVE_PRONOUNS = {"his": "person", "her": "person", "its": "", "their": ""}


#: most words of the phrase a "who" refers to when no rule resolves it
_MAX_WHO_WORDS = 5


def _words_before_who(view: TextView, who: int) -> tuple[int, int] | None:
    """The words right before a "who" that no rule resolved, back to a determiner, a
    punctuation mark or a function word (at most :data:`_MAX_WHO_WORDS`: "those", "superdelegates",
    "Abraham Lincoln impersonator"): the people it refers to, as written; None when there are none
    or they are a name after a preposition (a place or a body)."""
    k = who
    sa = view.sent_bounds(view.sent_of[who])[0]
    while k > sa and who - k < _MAX_WHO_WORDS:
        w, low = view.words[k - 1], view.lowers[k - 1]
        if not w.replace("-", "").replace("’", "").replace("'", "").isalpha() or low in DETS and low != "those" \
                or low in NP_STOP_LEFT or low in VERB_STOPS or is_past_tense(low):
            break
        k -= 1
    if k < who and k > sa and view.lowers[k - 1] in _AFTER_PREPOSITION and view.words[k][:1].isupper():
        return None  # "a staff member for the campaign in Philadelphia who said": not the place
    return (k, who) if k < who else None


#: prepositions whose named object is not what a "who" right after it refers to
_AFTER_PREPOSITION = rule_words("who_after_prepositions")


def _an_office(m: Mention) -> bool:
    """Whether the name mention ``m`` is a state's office the gazetteer reads as the state ("White
    House" -> United States, :func:`stance.speakers.role_lexicon.names_office`): as a speaker it is
    the office, an organisation, as written."""
    return m.type == "state" and m.text != m.canonical and names_office(m.text)


def _named_in_apposition(view: TextView, mentions: MentionIndex, j: int) -> Mention | None:
    """The person named between commas right after a description ending at token ``j`` ("Another
    former Trump adviser, Sebastian Gorka, also spoke"), maybe after a title ("Another lawmaker,
    Sen. Joe Roe, ...") and before a parenthetical or an "of"/"at"/"from" phrase ("Another pollster,
    Ana Roe of Clemson University, said"): the name is the description's referent; None when no
    such name follows."""
    words = view.words
    if j + 2 >= view.n or words[j] != ",":
        return None
    k = j + 1
    while k < min(view.n, j + 1 + _APPOSITION_TITLES) and mentions.name_at(k, k + 1) is None and words[k][:1].isupper() and words[k].rstrip(".").isalpha():
        k += 1  # a title before the name: "Sen.", "Representative"
    m = mentions.name_at(k, k + 1)
    if m is None or m.start != k or m.type != "person" or m.end >= view.n:
        return None
    e = m.end
    if words[e] == "(":
        e = next((t + 1 for t in range(e + 1, min(view.n, e + 8)) if words[t] == ")"), e)  # "(I-Conn.)"
    elif view.lowers[e] in _APPOSITION_AFFILIATIONS:
        t = e + 1
        while t < min(view.n, e + 1 + _APPOSITION_AFFILIATION_REACH) and (words[t][:1].isupper() or view.lowers[t] in {"of", "the", "and", "for"}):
            t += 1
        e = t if t > e + 1 else e  # "Ana Roe of Clemson University"
    return m if e < view.n and words[e] == "," else None


#: most title words before a name in apposition ("Sen.", "Representative")
_APPOSITION_TITLES = 2
#: prepositions of a body after a name in apposition ("of Clemson University")
_APPOSITION_AFFILIATIONS = rule_words("apposition_affiliation_preps")
#: longest body after a name in apposition, in tokens
_APPOSITION_AFFILIATION_REACH = 6


def _members_label(view: TextView, m: Mention) -> bool:
    """Whether the organisation mention ``m`` is one word, the plural of a party label
    (:func:`~stance.text.lexicons.party_of_members`: "Republicans", "Democrats"): the party's members speak, a group of people
    (not "Liberal Democrats", a party's name)."""
    w = view.words[m.start]
    return m.type == "organization" and m.end - m.start == 1 and party_of_members(w) is not None


def _source_name(c: Candidate, view: TextView, mentions: MentionIndex, blocked: list[tuple[int, int]],
                 pronoun_ranker: Any = None, previous_speaker: str | None = None) -> tuple[str, str, Mention | None]:
    """(name, type, mention) of the phrase after "according to": the name it ends in ("eyewitness
    Vinnie DeVita", "news agency ISNA"); a run of capitalised words naming one body as written ("the
    Philippine Institute of Volcanology and Seismology"); the one a description stands for, as for
    any speaker (:func:`described_referent`: "NDRRMC report" -> the council, "the academy" -> the
    academy named before, "her memoirs" -> who "her" is); else the phrase itself ("reports",
    "Johnson's critics"), a leading his/her/its/their made the nearest person or body named before
    ("his publicist" -> "Tony Mendez's publicist"), an "a"/"an" kept ("a campaign official")."""
    person_nouns, org_nouns = nouns()
    k = c.start
    while k < c.end - 1 and view.lowers[k] in ARTICLES:
        k += 1
    role_at = role_of_head(view, mentions, k, c.end)
    if role_at is not None and not mentions.names_in(k, role_at + 1):
        # "according to the foreign minister of Ukraine": the unnamed person the phrase describes
        return _joined(view, k, c.end), "person", None
    head = mentions.name_at(c.end - 1, c.end)
    # "Commissioner James Rovella of the Connecticut Department of ...": the person, not the body
    owner = next((m for m in mentions.names_in(k, c.end)
                  if m.type == "person" and m.end < c.end and view.lowers[m.end] in {"of", "at", "from", "with"}), None)
    if head is not None and owner is not None:
        head = owner
    if head is not None and head.type in ("person", "organization", "state"):
        inner = [m for m in mentions.names_in(k, c.end) if m.type in ("person", "organization", "state", "unknown")]
        caps = all(view.words[t][:1].isupper() or view.lowers[t] in NAME_JOINERS for t in range(k, c.end))
        joined = any(view.lowers[t] in ("of", "for", "and") for t in range(k, head.start))
        if head.start <= k or not caps or len(inner) <= 1 or not joined and head.type == "person":
            return head.canonical, head.type, head
        return _joined(view, k, c.end), "organization", None
    referent = described_referent(view, mentions, c.start, c.end, blocked, pronoun_ranker, previous_speaker)
    if referent is not None:
        return referent[0].canonical, referent[1], referent[0]
    low = view.lowers[c.end - 1]
    typ = "person" if low in person_nouns else "organization" if low in org_nouns else "unknown"
    # "according to a campaign official": an unnamed person with the article that introduces
    # them, as the annotation writes one (a document or body without: "a Gallup poll" -> "Gallup poll")
    unnamed = typ == "person" and k == c.start + 1 and view.lowers[c.start] in INDEFINITES
    name = _joined(view, c.start if unnamed else k, c.end)
    first = view.lowers[k]
    if first in _POSSESSIVE_PRONOUNS and c.end - k > 1:
        owner = mentions.previous(k, ("person",) if _POSSESSIVE_PRONOUNS[first] else ("organization", "state", "person"), max_sents=8)
        if owner is not None:
            name = f"{owner.canonical}'s {_joined(view, k + 1, c.end)}"
    return name, typ, None


def _joined(view: TextView, i: int, j: int) -> str:
    """Text of tokens ``[i, j)`` with a possessive joined to its word."""
    return view.span_text(i, j).replace(" ’s", "’s").replace(" 's", "'s")
