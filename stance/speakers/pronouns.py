"""Who "he" and "she" are: antecedent candidates of a personal pronoun and the trained pronoun ranker.

For a pronoun that is a speaker, the candidates are the persons (entity types of
:mod:`stance.text.entity_types`: he/she never denote a place, an organisation or a state) named in
its sentence (before it) and the previous :data:`WINDOW_SENTS` sentences, one per canonical name
(its nearest mention), plus the previous speaker when named further back. A person whose
gender (from a given name or an honorific anywhere in the article) clashes with the pronoun's is no
candidate, nor a "person" that cannot be one (:func:`not_a_person`: a title starting "My ...", a
one-word name only ever after a preposition of place). Each candidate gets features of agreement (its gender matches) and salience (sentence and token distance,
recency rank, the previous speaker, the subject of its sentence, how often the article names it,
inside a quotation or not, after a preposition, before a reporting verb). The pronoun ranker (``models/pronoun_ranker``, a ``DictVectorizer`` +
``LogisticRegression`` trained by ``stance train pronoun-ranker``, run by its numpy export) scores
them; without it the rule picks the nearest agreeing person.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass
from typing import Any, Sequence

from stance.text.entity_types import HONORIFICS, PRONOUN_GENDER
from stance.text.lexicons import cue_lexicon
from stance.text.mentions import Mention, MentionIndex, headline_like
from stance.text.view import RangeIndex, TextView

#: Sentences before the pronoun's own that candidates come from.
WINDOW_SENTS = 4
#: Entity types a he/she may denote: only these are candidates (a he/she is never resolved to a
#: place, an organisation or a state).
PERSON_TYPES = ("person",)


@dataclass
class Antecedent:
    """A candidate antecedent: the entity's nearest mention before the pronoun, and its features."""

    mention: Mention
    features: dict


def antecedent_candidates(view: TextView, mentions: MentionIndex, i: int, blocked: RangeIndex | Sequence[tuple[int, int]],
                          previous_speaker: str | None = None) -> list[Antecedent]:
    """Candidates for the pronoun at token ``i`` (nearest first), with their features."""
    pron = view.lowers[i]
    want = PRONOUN_GENDER.get(pron, "")
    blocked = RangeIndex.of(blocked)
    s0 = view.sent_of[i]
    para0 = view.para_of_sent[s0]
    seen: dict[str, Antecedent] = {}
    order: list[str] = []
    k = 0
    for m in mentions.names_before(i):  # nearest first, stops when the caller stops
        s = view.sent_of[m.start]
        if s0 - s > WINDOW_SENTS * 3:
            break
        if s0 - s > WINDOW_SENTS and m.canonical != previous_speaker:
            continue
        if m.type not in PERSON_TYPES or m.canonical in seen or m.end > i or not_a_person(view, mentions, m):
            continue
        quoted = blocked.covers(m.start, m.end)
        gender = person_gender(view, mentions, m)
        if want and gender and gender != want:
            continue  # agreement: "she" is never a man the article names as one
        sa, _ = view.sent_bounds(s)
        f = {
            f"pron={pron}": 1.0,
            "gender_match": 1.0 if want and gender == want else 0.0,
            f"sent_dist={min(s0 - s, 5)}": 1.0,
            "tok_dist": min(i - m.end, 200) / 200.0,
            f"rank={min(k, 5)}": 1.0,
            "prev_speaker": 1.0 if previous_speaker is not None and m.canonical == previous_speaker else 0.0,
            "sent_initial": 1.0 if m.start == sa or (m.start - sa <= 2 and view.lowers[sa] in ("the", "but", "and")) else 0.0,
            "same_para": 1.0 if view.para_of_sent[s] == para0 else 0.0,
            "count": math.log1p(mentions.count_of(m.canonical)) / 3.0,
            "quoted": 1.0 if quoted else 0.0,
            "possessive": 1.0 if m.end < view.n and view.lowers[m.end] in ("'s", "’s", "'", "’") else 0.0,
            "multiword": 1.0 if " " in m.canonical else 0.0,
            "role": 1.0 if m.role else 0.0,
            # the grammatical place of the mention: after a preposition ("pardoned by Trump", not
            # "referred to Rubio's appearance") it is
            # rarely the one a later he/she speaker denotes; before a reporting verb, often
            "after_prep": 1.0 if (m.start > 0 and view.lowers[m.start - 1] in _PREPOSITIONS
                                  and not (m.end < view.n and view.lowers[m.end] in ("'s", "’s"))) else 0.0,
            "before_cue": 1.0 if m.end < view.n and view.lowers[m.end] in cue_lexicon().verbs else 0.0,
        }
        seen[m.canonical] = Antecedent(m, f)
        order.append(m.canonical)
        k += 1
    return [seen[c] for c in order]


#: prepositions whose object is seldom the antecedent of a later he/she speaker (feature "after_prep")
_PREPOSITIONS = frozenset({"by", "to", "with", "from", "for", "against", "on", "at", "about", "of", "in", "into",
                           "over", "toward", "towards", "than", "like", "under", "behind"})
#: determiners that never start a person's name ("My Patients Were Presidents" is a title)
_POSSESSIVE_DETERMINERS = frozenset({"my", "our", "your", "his", "her", "its", "their"})
#: words that never start a person's name: the article (a title or a body: "The Professionals")
#: and pronouns written capitalised ("It")
_NOT_NAME_STARTS = frozenset({"the", "it", "he", "she", "they", "we", "this", "that"})
#: prepositions of place: a one-word name only ever after one of them is a place ("on Midway")
_LOCATIVE_PREPS = frozenset({"in", "on", "at", "near", "across", "around", "off", "over"})
#: words that join a body's name to its head ("Commission on Presidential Debates")
_NAME_CONNECTORS = frozenset({"of", "on", "for"})
#: per mention index: canonical names never named outside a place phrase (built when first asked)
_PLACE_LIKE: "weakref.WeakKeyDictionary[MentionIndex, frozenset[str]]" = weakref.WeakKeyDictionary()


#: per mention index: each person's gender as its full names and honorifics show it
_FIRM_GENDERS: "weakref.WeakKeyDictionary[MentionIndex, dict[str, str]]" = weakref.WeakKeyDictionary()


def person_gender(view: TextView, mentions: MentionIndex, m: Mention) -> str:
    """The gender of the person ``m`` names: the one a full name ("Hillary Clinton") or an honorific
    ("Mrs. Clinton") of the same person shows, before the guess from a lone surname that is also a
    given name ("Clinton", "Warren" read as men's names); else the mention's or the article's."""
    firm = _FIRM_GENDERS.get(mentions)
    if firm is None:
        firm = {}
        for o in mentions.names:
            g = o.extra.get("gender")
            if not g or o.type != "person":
                continue
            honorific = HONORIFICS.get(view.lowers[o.start - 1]) if o.start > 0 else None
            if honorific or " " in o.text:
                firm.setdefault(o.canonical, honorific or g)
        _FIRM_GENDERS[mentions] = firm
    return firm.get(m.canonical) or m.extra.get("gender") or mentions.gender_of(m.canonical)


def not_a_person(view: TextView, mentions: MentionIndex, m: Mention) -> bool:
    """Whether a name typed "person" cannot be one a he/she denotes: it starts with a possessive
    determiner, "the" or a pronoun (a title: "The Professionals"); it is five words or more with a capitalised function word inside (a
    headline); it ends a body's name ("Commission on Presidential Debates"); or it has no
    known gender and every mention of it follows a preposition of place ("the wildlife on Midway")."""
    if view.lowers[m.start] in _POSSESSIVE_DETERMINERS or view.lowers[m.start] in _NOT_NAME_STARTS:
        return True  # ("The Professionals" is a title; a capitalised "It" is no name)
    if headline_like(m.text):
        return True  # "Hillary Clinton Goes After Donald Trump As The New Mitt Romney"
    if mentions.gender_of(m.canonical) or m.extra.get("gender"):
        return False
    if m.start > 1 and view.lowers[m.start - 1] in _NAME_CONNECTORS and view.words[m.start - 2][:1].isupper():
        return True
    places = _PLACE_LIKE.get(mentions)
    if places is None:
        after_place: dict[str, bool] = {}
        for o in mentions.names:
            loc = o.start > 0 and view.lowers[o.start - 1] in _LOCATIVE_PREPS
            after_place[o.canonical] = after_place.get(o.canonical, True) and loc
        places = frozenset(c for c, v in after_place.items() if v)
        _PLACE_LIKE[mentions] = places
    return m.canonical in places


def pick_by_rules(cands: Sequence[Antecedent]) -> Antecedent | None:
    """The nearest person outside quotations, else None."""
    for c in cands:
        if not c.features["quoted"]:
            return c
    return None


def resolve_pronoun(view: TextView, mentions: MentionIndex, i: int, blocked: RangeIndex | Sequence[tuple[int, int]],
                    ranker: Any = None, previous_speaker: str | None = None) -> Mention | None:
    """The mention the he/she at token ``i`` refers to: the ranker's best candidate (or the
    rules' pick without a ranker); None when there is no candidate."""
    cands = antecedent_candidates(view, mentions, i, blocked, previous_speaker)
    if not cands:
        return None
    if ranker is None:
        best = pick_by_rules(cands)
        return best.mention if best is not None else None
    scores = ranker.predict_proba([c.features for c in cands])[:, 1]
    j = max(range(len(cands)), key=lambda x: scores[x])
    return cands[j].mention
