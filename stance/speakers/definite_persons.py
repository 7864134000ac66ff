"""A definite description of a named person: "the Vermont senator", "the investor", "The
Republican incumbent" refer back to a person the article named in the sentences just before.

Only "the", at most :data:`MAX_MODIFIERS` modifiers (words, names, hyphenated words: no
preposition, verb or punctuation) and a singular person noun (``person_nouns.txt``) make such a
description; not a noun of people an article seldom names or of a group
(``unnamed_person_nouns.txt``: "the man", "the source", "the family"), nor a gendered one (those
have their own rule, :mod:`stance.speakers.gendered`). The person is resolved as a he/she
speaker is (:func:`stance.speakers.pronouns.resolve_pronoun`: the pronoun ranker over the persons
named in the sentences before, or the nearest one outside quotations) and kept only when it is
named in one of the :data:`WINDOW_SENTS` sentences before the description's (not in its own:
"interview with hosts Joe Roe and Mika Doe, the Democratic candidate stated"), not named again
after it in its sentence ("the prince called for Lee to drop out": not Lee), and is a person by
a known gender or a name of two words or more (not a place typed as a person).

A description of two ("Both men", "both officers") stands for the nearest persons named joined by
"and" before it ("Antoine Roe and Nicolas Doe", "Mr. Roe and Mr. Doe"; :func:`pair_of_description`).

A description whose noun the article used before it in an indefinite phrase ("an organizer ... the
organizer", "A Republican committee aide ... the aide", "a source close to him ... the source") or
a possessed one ("the prime minister's spokesman ... the spokesman") stays the unnamed speaker it
describes, as does one whose modifiers no earlier use of the noun
carries ("Civil Aviation Minister Hardeep Puri ... The local health minister"); a noun used
before only to title someone with the description's modifiers ("billionaire investor Mark Roe ...
the investor") does not stop the rule. Where the earlier use tied the noun to a named person, the
role lookup (:func:`stance.speakers.roles.named_by_role`) may have resolved it before this rule is
asked.
"""

from __future__ import annotations

import re
from typing import Any, Iterator, Sequence

from stance.speakers.noun_phrases import NP_STOP_LEFT, nouns
from stance.speakers.pronouns import coordinated_ending_at, person_gender, resolve_pronoun
from stance.speakers.role_lexicon import role_nouns
from stance.text.lexicons import gendered_nouns, rule_words, word_set
from stance.text.mentions import Mention, MentionIndex
from stance.text.view import POSSESSIVE_MARKS, RangeIndex, TextView

#: most modifiers between "the" and the person noun
MAX_MODIFIERS = 4
#: sentences before the description's own that its person is named in
WINDOW_SENTS = 2


def is_person_description(view: TextView, i: int, j: int) -> bool:
    """Whether tokens ``[i, j)`` are "the", up to :data:`MAX_MODIFIERS` modifiers and a singular
    person noun that is neither gendered nor of ``unnamed_person_nouns.txt`` ("the independent
    Vermont senator", "the retired neurosurgeon": a noun WordNet knows for people, "the GOP
    front-runner": a hyphenated one, "the 46-year-old": an age; not "the race for the Republican",
    "the senators" nor "the man")."""
    if view.lowers[i] != "the":
        return False
    h = _head_start(view, i, j)
    if not 2 <= h + 1 - i <= MAX_MODIFIERS + 2 or not _person_head("".join(view.lowers[h:j])):
        return False
    return _plain_modifiers(view, i + 1, h)


#: an age written as a noun ("the 46-year-old"): a person
_AGE_NOUN = re.compile(r"\d+-year-old")


def _person_head(head: str) -> bool:
    """Whether the lowercase noun ``head`` heads a description of one person: a singular person
    noun (``person_nouns.txt`` or WordNet's, :func:`~stance.speakers.role_lexicon.role_nouns`) or
    an age ("46-year-old"), not gendered nor of ``unnamed_person_nouns.txt``."""
    if _AGE_NOUN.fullmatch(head):
        return True
    if head not in nouns()[0] and head not in role_nouns() or head.endswith("s") and not head.endswith("ss"):
        return False
    return head not in word_set("unnamed_person_nouns.txt") and head not in gendered_nouns()


def _head_start(view: TextView, i: int, j: int) -> int:
    """The first token of the noun ending the phrase ``[i, j)``: its last token, or the first of the
    hyphenated compound it ends ("front-runner", "46-year-old"; the hyphens written without spaces)."""
    h = j - 1
    while h - 2 > i and _joining_hyphen(view, h - 1):
        h -= 2
    return h


def _joining_hyphen(view: TextView, t: int) -> bool:
    """Whether token ``t`` is a hyphen written between two words without spaces ("front-runner")."""
    return (view.words[t] == "-" and 0 < t < view.n - 1 and view.ends[t - 1] == view.starts[t]
            and view.ends[t] == view.starts[t + 1])


def _plain_modifiers(view: TextView, a: int, b: int) -> bool:
    """Whether tokens ``[a, b)`` between a description's determiner and its noun are plain
    modifiers: words, names, hyphenated words or initials, no preposition, verb, punctuation or
    second "the" (``NP_STOP_LEFT``)."""
    for t in range(a, b):
        w = view.words[t]
        if _joining_hyphen(view, t):
            continue  # "the Los Angeles-based attorney"
        if not w.replace("-", "").replace(".", "").isalnum() or view.lowers[t] in NP_STOP_LEFT or view.lowers[t] == "the":
            return False
    return True


#: determiners that introduce someone not named ("an organizer", "one source", "another aide")
INDEFINITES = rule_words("indefinite_dets")
#: the earlier uses of a description's noun looked at, nearest first
_MAX_USES = 8


def _earlier_uses(view: TextView, i: int, head: str) -> Iterator[tuple[int, int]]:
    """The earlier uses of the noun ``head`` before token ``i``, nearest first and at most
    :data:`_MAX_USES` (linear time on long texts): each as ``(k, t)``, ``t`` the noun's token and
    ``k`` the token before its plain modifiers (an indefinite determiner stops them; -1 at the text's
    start)."""
    lowers = view.lowers
    uses = 0
    for t in range(i - 1, -1, -1):
        if lowers[t] != head:
            continue
        k = t - 1
        while k >= 0 and t - k <= MAX_MODIFIERS and lowers[k] not in INDEFINITES and _plain_modifiers(view, k, k + 1):
            k -= 1
        yield k, t
        uses += 1
        if uses >= _MAX_USES:
            return


def _used_before(view: TextView, i: int, j: int) -> bool:
    """Whether the description ``[i, j)`` refers back to an earlier use of its noun rather than to a
    person named before: the noun heads an indefinite or a possessed phrase before it ("an
    organizer ... the organizer", "A Republican committee aide ... the aide", "the prime minister's
    spokesman ... the spokesman"), or every earlier use of the noun lacks
    one of the description's modifiers ("Civil Aviation Minister Hardeep Puri ... The local health
    minister": another minister). A noun not used before, or used only to qualify a name with the
    description's modifiers ("presidential candidate Hillary Roe ... The presidential candidate",
    "billionaire investor Mark Roe ... the investor"), refers to a person named before."""
    lowers = view.lowers
    modifiers = {lowers[t] for t in range(i + 1, j - 1)}
    repeated = False
    used = False
    for k, t in _earlier_uses(view, i, lowers[j - 1]):
        if k >= 0 and (lowers[k] in INDEFINITES or lowers[k] in POSSESSIVE_MARKS):
            return True  # (also someone's: "the prime minister's spokesman ... the spokesman")
        repeated = repeated or modifiers <= {lowers[x] for x in range(k + 1, t)}
        used = True
    return used and not repeated


#: determiners of a description that refers back to someone introduced before ("the source",
#: "this source", "that aide")
_ANAPHORIC_DETS = rule_words("anaphoric_dets")
#: ordinals a description may add to the phrase that introduced someone ("the second official")
_COUNTING = rule_words("anaphoric_ordinals")


def indefinite_antecedent(view: TextView, i: int, j: int, blocked: RangeIndex | Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The tokens of the unnamed person a description ``[i, j)`` ("the source", "this official",
    "the former aide") refers back to: the nearest earlier indefinite phrase outside quotations
    with the same singular person noun and every modifier of the description but an ordinal ("a
    source close to the family", "another unnamed official" for "the second official", "one former
    aide"; not "an employee" for "the Acme employee", nor past a fuller description of the noun
    between them: "an employee ... the Acme employee ... the employee"), from its determiner to
    that noun; None when ``[i, j)`` opens
    with no definite or demonstrative determiner, is not "determiner, plain modifiers, noun", or
    its noun heads no such earlier phrase. The annotation names an unnamed speaker by its
    descriptive phrase, the first the article gives."""
    lowers = view.lowers
    head = lowers[j - 1]
    if (lowers[i] not in _ANAPHORIC_DETS or not 2 <= j - i <= MAX_MODIFIERS + 2 or head not in nouns()[0]
            or head.endswith("s") and not head.endswith("ss") or not _plain_modifiers(view, i + 1, j - 1)):
        return None
    index = RangeIndex.of(blocked)
    modifiers = {lowers[t] for t in range(i + 1, j - 1)} - _COUNTING
    for k, t in _earlier_uses(view, i, head):
        before = {lowers[x] for x in range(k + 1, t)}
        if k >= 0 and lowers[k] in INDEFINITES and not index.covers(k, t + 1):
            return (k, t + 1) if modifiers <= before else None
        if modifiers < before:
            return None  # "an employee ... the Acme employee ... the employee": the fuller description
    return None


def person_of_description(view: TextView, mentions: MentionIndex, i: int, j: int,
                          blocked: RangeIndex | Sequence[tuple[int, int]], pronoun_ranker: Any = None,
                          previous_speaker: str | None = None) -> Mention | None:
    """The named person the definite description ``[i, j)`` stands for (see the module
    docstring); None when it is no such description, its noun was used before, or no person
    qualifies."""
    if not is_person_description(view, i, j):
        return None
    if _used_before(view, i, j):
        return None
    m = resolve_pronoun(view, mentions, i, blocked, pronoun_ranker, previous_speaker)
    if m is None or not 1 <= view.sent_of[i] - view.sent_of[m.start] <= WINDOW_SENTS:
        return None
    if any(o.canonical == m.canonical for o in mentions.names_in(j, view.sent_bounds(view.sent_of[i])[1])):
        return None  # "the prince called for Lee to drop out": not the person its own clause names
    return m if known_person(view, mentions, m) else None


def known_person(view: TextView, mentions: MentionIndex, m: Mention) -> bool:
    """Whether the person mention ``m`` is surely a person: of a known gender (a given name or an
    honorific shows it) or named in two words or more (not a place the name finder typed as a
    person)."""
    return person_gender(view, mentions, m) in ("m", "f") or " " in m.canonical


def pair_of_description(view: TextView, mentions: MentionIndex, i: int, j: int,
                        blocked: RangeIndex | Sequence[tuple[int, int]]) -> tuple[str, Mention] | None:
    """The persons a description of two ``[i, j)`` ("Both men", "both officers") stands for: the
    nearest persons named joined by "and" before it outside quotations, as (their names joined,
    the last one's mention); None for any other phrase or when there are none."""
    if view.lowers[i] != "both" or not 2 <= j - i <= MAX_MODIFIERS + 2:
        return None
    head = view.lowers[j - 1]
    plural = head.endswith("s") and not head.endswith("ss") or head in ("men", "women", "people")
    if not plural or head not in role_nouns():
        return None
    if not _plain_modifiers(view, i + 1, j - 1):
        return None
    index = RangeIndex.of(blocked)
    for m in mentions.names_before(i):
        if m.type != "person" or m.end > i or index.covers(m.start, m.end):
            continue
        both = coordinated_ending_at(view, mentions, m)
        if both is not None:
            return both[1], m
    return None
