"""The speaker of a direct quotation without a cue that the journalist's own sentence carries:
'Khosla talked of Munk's "countless discoveries"', 'She typically chooses "to portray beloved
characters"', 'The actress recalled her season, when they were the "scrappy little stepchild"'.
The subject of that sentence, before the quotation and outside quotation marks, speaks it when it
is a person or a body (a name, he/she/they, a description of a person or body); a quotation that
opens its sentence is left to the follow-on rules (:mod:`stance.speakers.inheritance`)."""

from __future__ import annotations

from functools import lru_cache

from stance.quotations.finder import RawQuote
from stance.speakers.candidates import Candidate, sentence_subject
from stance.text.lexicons import word_set
from stance.text.mentions import MentionIndex
from stance.text.view import RangeIndex, TextView

#: kind of the candidate this rule proposes (chosen by rule, never scored)
OWN_SENTENCE = "own_sentence"
#: pronoun subjects that may speak
_SPEAKING_PRONOUNS = frozenset({"he", "she", "they"})
#: name types that may speak
_SPEAKING_TYPES = frozenset({"person", "organization"})
_QUOTE_MARKS = frozenset({"“", "”", '"', "''", "``", "‘", "’"})


@lru_cache(maxsize=1)
def _speaker_nouns() -> frozenset[str]:
    return word_set("person_nouns.txt") | word_set("org_nouns.txt")


def own_sentence_speaker(view: TextView, mentions: MentionIndex, q: RawQuote, blocked: RangeIndex) -> Candidate | None:
    """The subject of the sentence that holds the cue-less direct quotation ``q`` before it, as a
    candidate of kind :data:`OWN_SENTENCE`; None when the quotation opens its sentence or the
    subject is no person or body ("The company's upcoming helmet is ... their "...")."""
    if q.kind != "direct" or q.cue is not None:
        return None
    t = q.tok_start
    while t > 0 and view.words[t - 1] in _QUOTE_MARKS:
        t -= 1  # the opening mark
    a = view.sent_bounds(view.sent_of[q.tok_start])[0]
    if t <= a:
        return None
    np = sentence_subject(view, mentions, a, t, blocked)
    if np is None:
        return None
    i, j, np_type = np
    if np_type == "pronoun":
        return Candidate(i, j, OWN_SENTENCE, np_type) if view.lowers[i] in _SPEAKING_PRONOUNS else None
    if np_type == "name":
        inner = mentions.names_in(i, j)
        if not inner or inner[0].type not in _SPEAKING_TYPES:
            return None  # (the head name: "Ana Ruiz" of "Ana Ruiz of Narvia")
        if j - i == 1 and i == a and mentions.count_of(inner[0].canonical) == 1:
            return None  # a capitalised first word named nowhere else: "Specifically, "...""
        return Candidate(i, j, OWN_SENTENCE, np_type, etype=inner[0].type)
    return Candidate(i, j, OWN_SENTENCE, np_type) if view.lowers[j - 1] in _speaker_nouns() else None
