"""Unnamed speakers described by a role and what the role serves: "the foreign minister of
Ukraine", "a spokesperson for the European Commission", "The head of the police's internal
investigators", "the wife of John Smith".

ANNOTATION.md rule 6 names an unnamed speaker by its descriptive phrase, and the corpus writes the
whole phrase with its "of"/"for" part ("mayor of Roanoke", "A spokesman for the buyer", "the
chairman of the U.S. Senate Committee on Homeland Security"), a person, with the role and the body
it serves as role and affiliation (rule 7). The object of "of"/"for" is never the speaker then.
The phrase finders (:mod:`stance.speakers.noun_phrases`) use these tests; "the government of X",
"the city of X" (no person noun) and "the people of X" (``population_nouns.txt``) are no such
phrase.
"""

from __future__ import annotations


from stance.speakers.role_lexicon import role_nouns
from stance.text.lexicons import ARTICLES, rule_words, titles, word_set
from stance.text.mentions import MentionIndex
from stance.text.view import POSSESSIVE_MARKS, TextView

#: prepositions that join an unnamed role to what it serves
ROLE_OF_PREPS = rule_words("role_of_preps")
#: most words of a lowercase object ("the police's internal investigators")
_MAX_OBJECT = 6


def is_role_of_head(word: str) -> bool:
    """Whether ``word`` is a noun for a person holding a role that "of"/"for" may follow to name
    what the role serves (:func:`stance.speakers.role_lexicon.role_nouns`: "minister",
    "spokesperson", "head", "wife"), not a body ("police") nor a population
    (``population_nouns.txt``: "people")."""
    low = word.lower()
    return (low in role_nouns() and low not in word_set("org_nouns.txt")
            and low not in word_set("population_nouns.txt"))


def object_end(view: TextView, mentions: MentionIndex, t: int, hi: int) -> int | None:
    """End of the object of "of"/"for" starting at token ``t`` (before ``hi``) when it names what a
    role serves: a name ("Ukraine", "the European Commission", "Mayor Frank Jackson"), or a short
    lowercase phrase ending in a noun for a body or people ("the ministry", "the buyer", "the
    police's internal investigators"); None for anything else ("of three", "of state")."""
    k = t + 1 if t < hi and view.lowers[t] in ARTICLES else t
    while k < hi - 1 and view.words[k] in titles():
        k += 1  # "for Mayor Frank Jackson"
    if k >= hi:
        return None
    m = mentions.name_at(k, k + 1)
    if m is not None and m.start >= t and m.type != "demonym" and m.end <= hi:
        return m.end
    org_nouns = word_set("org_nouns.txt")
    end = None
    j = k
    while j < hi and j - k < _MAX_OBJECT:
        w = view.words[j]
        if w in POSSESSIVE_MARKS and j > k:
            end = None  # a possessor: the object's head comes after it ("the police's internal investigators")
            j += 1
            continue
        if not (w.isalpha() and w.islower()):
            break
        if w in org_nouns or w in role_nouns():
            end = j + 1
        elif end is not None:
            break  # a word after the noun: not part of the object ("the ministry said")
        j += 1
    return end


def role_of_head(view: TextView, mentions: MentionIndex, i: int, j: int) -> int | None:
    """The token of the role noun heading a phrase ``[i, j)`` of the shape "ROLE of/for OBJECT"
    whose object runs to its end ("the foreign minister of Ukraine" -> "minister"); None for any
    other phrase ("the mother of three", "the former secretary of state", "the ministry")."""
    for t in range(i + 1, j - 1):
        if view.lowers[t] in ROLE_OF_PREPS and is_role_of_head(view.words[t - 1]):
            end = object_end(view, mentions, t + 1, j)
            # (a name may run on: "for Mayor Frank Jackson of Cleveland")
            ok = end is not None and (end == j or mentions.name_at(j - 1, j) is not None)
            return t - 1 if ok else None
    return None
