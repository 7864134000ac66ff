"""Appositives and descriptions: the person an appositive describes, the owner of a place phrase,
and the named referent a description ("the group", "the minister who ...") stands for.
"""

from __future__ import annotations

from typing import Any

from stance.speakers.clause_subjects import sentence_subject
from stance.speakers.definite_persons import person_of_description
from stance.speakers.gendered import person_of_gendered_noun
from stance.speakers.issuers import body_named_before, document_author
from stance.speakers.noun_phrases import ATTACHING_PREPS, NAME_JOINERS, NP_STOP_LEFT, QUOTE_CHARS, nouns, np_ending_at
from stance.speakers.roles import describe, named_by_role
from stance.text.lexicons import ARTICLES, cue_lexicon, rule_words
from stance.text.mentions import Mention, MentionIndex, is_past_tense
from stance.text.view import RangeIndex, TextView


#: longest appositive chain between a person and the comma that closes it, in tokens
_APPOSITIVE_REACH = 30
#: most commas inside such a chain
_APPOSITIVE_COMMAS = 3


def appositive_owner(view: TextView, mentions: MentionIndex, comma: int, lo: int) -> Mention | None:
    """The person whose appositive chain the comma at token ``comma`` closes: a person named
    before it and followed by a comma, a parenthesis or "of"/"at"/"from" ("Anderson Cooper, of CNN,
    one of Vanderbilt's four sons,", "Mark Hay, a marine ecologist and Regents Professor at GT,"),
    with no reporting verb, quotation mark, clause subject ("Trump, Clinton said,") nor new
    coordinated member (", and his campaign manager,") inside the chain; None when there is none."""
    verbs = cue_lexicon().verbs
    commas = 0
    for t in range(comma - 1, max(lo, comma - _APPOSITIVE_REACH) - 1, -1):
        w = view.lowers[t]
        if view.words[t] in QUOTE_CHARS or (w in verbs and w not in nouns()[0]):
            return None
        if w == ",":
            commas += 1
            if commas > _APPOSITIVE_COMMAS or view.lowers[t + 1] in ("and", "or", "but"):
                return None
            m = mentions.name_at(t + 1, t + 2)
            if m is not None and m.start == t + 1 and m.type == "person" and m.end == comma:
                return None  # a person named in the last chunk speaks ("The mayor of Paris, Anne Hidalgo,")
            continue
        m = mentions.name_at(t, t + 1)
        if (m is not None and m.end == t + 1 and m.type == "person" and view.words[m.start][:1].isupper()
                and m.end < comma and (view.words[m.end] in {",", "("} or view.lowers[m.end] in ATTACHING_PREPS)
                and (commas or all(view.words[x][:1].isupper() or view.lowers[x] in NAME_JOINERS or view.words[x] in "()"
                                   for x in range(m.end, comma)))):
            return m  # (with no comma inside, only a body's name after it: "Ryan Norris of the University of Guelph,")
    return None


#: prepositions whose object is never the speaker of the cue right after it, a person included
OPPOSING_PREPS = rule_words("opposing_preps")


def owner_of_place(view: TextView, mentions: MentionIndex, np: tuple[int, int, str], lo: int,
                    prep: int | None = None) -> tuple[int, int, str] | None:
    """For a name after a preposition right before a cue (no person: not "Ambassador to Germany
    Richard Grenell"), the speaker phrase it belongs to: a description of people before the
    preposition with it ("Hospital officials in Omsk said"); nothing after "on"/"via" with no such
    description (a medium: "posted a message on Facebook announcing"); the subject of a participle
    before the preposition ("Another source speaking to Fox News said"); nothing after "against"
    (the one opposed: "a ruling against President Trump finding"); else the name. ``prep``:
    the preposition's token when a "the" stands between ("to the Washington Post")."""
    head = mentions.name_at(np[1] - 1, np[1])
    p = np[0] - 1 if prep is None else prep  # the preposition
    if head is not None and head.type == "person" and view.lowers[np[0] - 1] != "the" and view.lowers[p] not in OPPOSING_PREPS:
        return np
    owner = np_ending_at(view, mentions, p, lo)
    if owner is not None and owner[2] == "nominal" and view.lowers[owner[1] - 1] in nouns()[0]:
        return owner[0], np[1], "nominal"
    k = p - 1
    if owner is None and k > lo and view.lowers[k].endswith("ing") and view.words[k].islower():
        speaker = np_ending_at(view, mentions, k, lo)  # "Another source speaking to Fox News said"
        if speaker is not None:
            return speaker
    if view.lowers[p] in ("on", "via") and (owner is None or not view.words[p - 1][:1].isupper()):
        return None  # (not "the House Select Committee on Benghazi said": a body's name)
    if view.lowers[p] in OPPOSING_PREPS:
        return None  # "issued a ruling against President Trump finding that": the one opposed, never the speaker
    return np


#: most tokens between an appositive's comma and the "who" that ends it
_MAX_APPOSITIVE_WHO = 8


#: most tokens of the predicate noun phrases between "is" and the "who" that ends them
_MAX_PREDICATE = 20


def subject_described_before_who(view: TextView, mentions: MentionIndex, who: int, blocked: list[tuple[int, int]]) -> Mention | None:
    """The person the sentence opens with when "who" ends the predicate of its "is"/"was" ("Donald
    Trump regularly incites violence and is a serial liar, racist, misogynist and birther who has
    repeatedly pledged ..."): only nouns, adjectives, commas, "and" and articles between the verb
    and "who", and a person's name as the sentence's subject; None otherwise."""
    lowers, words = view.lowers, view.words
    sa = view.sent_bounds(view.sent_of[who])[0]
    t = who - 1
    while t > sa and who - t <= _MAX_PREDICATE and lowers[t] not in {"is", "was"}:
        w = lowers[t]
        if not (w in {",", "and", "a", "an"} or (words[t].isalpha() and words[t].islower() and w not in NP_STOP_LEFT
                                                  and not is_past_tense(w))):
            return None
        t -= 1
    if lowers[t] not in {"is", "was"} or t == who - 1 or lowers[t + 1] not in {"a", "an"}:
        return None
    a = max([u + 1 for u in range(sa, t) if words[u] == ":"], default=sa)  # "Editor's note: Donald Trump ..."
    np = sentence_subject(view, mentions, a, t, RangeIndex.of(blocked))
    if np is None or np[2] != "name":
        return None
    m = mentions.name_at(np[1] - 1, np[1])
    return m if m is not None and m.type == "person" else None


#: words a description before "who" does not reach back over ("among the 30 percent of voters who")
VERB_STOPS = rule_words("description_verb_stops")


def owner_of_described_who(view: TextView, mentions: MentionIndex, who: int) -> Mention | None:
    """The person whose appositive a described phrase right before ``who`` ends ("Bo Lind, a state
    delegate and party donor who said": Bo Lind), or None: a person's name, a comma, then a phrase
    opening with an article that holds no other comma or quotation mark."""
    a = view.sent_bounds(view.sent_of[who])[0]
    k = who - 1
    while k > a and who - k <= _MAX_APPOSITIVE_WHO and view.words[k] not in (",", "“", "”", '"'):
        k -= 1
    if k <= a or view.words[k] != "," or view.lowers[k + 1] not in ARTICLES or k + 2 >= who:
        return None
    m = mentions.name_at(k - 1, k)
    return m if m is not None and m.end == k and m.type == "person" else None


def described_referent(view: TextView, mentions: MentionIndex, i: int, j: int, blocked: list[tuple[int, int]],
                       pronoun_ranker: Any = None, previous_speaker: str | None = None) -> tuple[Mention, str] | None:
    """The person or body a description ``[i, j)`` stands for, and its type: a document's author or issuer
    (:func:`document_author`), the body "the NOUN" names ("the ministry", "the academy"), the person
    "the NOUN" with a role or a gendered noun names ("the archbishop", "the father"); None for any
    other phrase or when the article names no such referent; a definite description of a person
    the article named before (:func:`stance.speakers.definite_persons.person_of_description`: "the
    independent Vermont senator")."""
    person_nouns, org_nouns = nouns()
    author = document_author(view, mentions, i, j, blocked, pronoun_ranker, previous_speaker)
    if author is not None:
        return author, author.type
    head = view.lowers[j - 1]
    if view.lowers[i] != "the":
        return None
    if head in org_nouns:
        body = mentions.resolve_nominal(head, i) or body_named_before(view, mentions, head, i, blocked)
        if body is not None:
            return body, body.type
    if head in person_nouns and j - i <= 3 and (not head.endswith("s") or head.endswith("ss")):
        # "the archbishop said": the person the article introduced with that role
        # (else "The father said": the nearest man named before)
        # an office's modifier is part of the role ("the prime minister" is no foreign minister)
        modifiers = tuple(w for w in view.lowers[i + 1:j - 1] if w in OFFICE_MODIFIERS)
        m = named_by_role(view, mentions, head, i, modifiers=modifiers) or person_of_gendered_noun(view, mentions, i, j, blocked)
        if m is not None:
            return m, "person"
    # "the independent Vermont senator said": the person named before, as a he/she is resolved
    m = person_of_description(view, mentions, i, j, blocked, pronoun_ranker, previous_speaker)
    if m is not None and not _other_than_a_spokesperson(view, mentions, m, head):
        return m, "person"
    return None


#: modifiers that make another office of a role noun ("prime", "vice", "foreign")
OFFICE_MODIFIERS = rule_words("office_modifiers")

#: nouns of a spokesperson ("the State Department spokesman")
SPOKES_NOUNS = rule_words("spokes_nouns")


def _other_than_a_spokesperson(view: TextView, mentions: MentionIndex, m: Mention, head: str) -> bool:
    """Whether a description headed by a spokesperson noun ``head`` cannot stand for the person
    ``m``: the article describes ``m`` in another role ("Foreign Minister Sergei Lavrov said ...
    'Iran is ...,' the State Department spokesman said": the spokesman is someone else, unnamed).
    Other descriptions re-describe a person freely ("Senator Roe ... the GOP front-runner")."""
    if head not in SPOKES_NOUNS:
        return False
    role, _ = describe(view, mentions, m.canonical)
    return bool(role) and role.split()[-1].lower() not in SPOKES_NOUNS
