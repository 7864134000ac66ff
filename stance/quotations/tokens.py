"""Shared token predicates and word classes for the quotation rules: quotation marks and dashes,
function words and time words, whether a token reads as a finite, present, gerund or infinitive
verb, and trimming a token span to a quotation's content.
"""

from __future__ import annotations

from functools import lru_cache
from operator import attrgetter

from stance.text.lexicons import (AUXILIARIES, BE_FORMS, DETERMINERS, NUMBER_WORDS, OBJECT_PRONOUNS, SUBJECT_PRONOUNS, rule_words,
                                  time_words, word_set)
from stance.text.verb_forms import is_ed_form, is_irregular_past
from stance.text.view import POSSESSIVE_MARKS, RangeIndex, TextView

#: first words of a time or place adverbial between a reporting verb and its clause ("said on Monday
#: that", "said last week"; "this" only before a time word)
ADVERBIAL_HEADS = rule_words("adverbial_heads")
#: prepositions whose object, not a reported clause, a phrase after a reporting verb's adverbials
#: is when it follows one at once ("said on Radio North's Morning Show", "said at the start of a
#: meeting dominated by ...", "said in response to a question about how ...")
OBJECT_PREPOSITIONS = rule_words("object_prepositions")
#: words that may stand between a reporting verb and its clause: time words and "statement", "repeatedly"...
TIME_WORDS = time_words() | word_set("frame_fillers.txt")
#: words that may open a reported clause without "that": pronouns, determiners, quantifiers, numbers
#: and subordinators ("said he would ...", "said the plan ...", "said if ...")
CLAUSE_START = rule_words("clause_start")
_TRAIL = ".,;:—–-"
#: quotation marks as tokens (curly, straight, doubled ASCII), either side: the one definition the
#: cue finder, the speaker phrases and the party finder read
QUOTE_MARKS = frozenset({"“", "”", '"', "''", "``", "‘", "’"})
OPEN_MARKS = frozenset({"“", '"', "''", "``", "‘", "«"})
CLOSE_MARKS = frozenset({"”", '"', "''", "’", "»"})


def trim_tokens(view: TextView, a: int, b: int) -> tuple[int, int]:
    while b > a and view.words[b - 1] in _TRAIL:
        b -= 1
    while a < b and view.words[a] in {",", ":", "—"}:
        a += 1
    return a, b


DASHES = frozenset({"―", "—", "–", "-", "--"})


def is_word(w: str) -> bool:
    """A token with a letter, other than the possessive clitic."""
    return w not in POSSESSIVE_MARKS and any(ch.isalpha() for ch in w)


def attributive(view: TextView, j: int, end: int) -> bool:
    """The adjective at token ``j`` stands before a noun of its phrase ("global warming"): a
    lowercase word follows that is no function word."""
    nxt = view.words[j + 1] if j + 1 < end else ""
    return nxt.isalpha() and nxt.islower() and nxt.lower() not in FUNCTION_WORDS


def plural_s(w: str) -> bool:
    """A lowercase plural-looking noun ("rapists", "criminals"), not a function word."""
    return len(w) > 4 and w.isalpha() and w.endswith("s") and not w.endswith(("ss", "us", "is")) and w not in FUNCTION_WORDS


def infinitive_at(view: TextView, t: int, end: int) -> bool:
    """Token ``t`` is "to" before a verb's base form: a lowercase word that is no function word
    and no plural or "-ing" form ("to restrict", not "to the court", "to jumbo jets")."""
    if t + 1 >= end or view.lowers[t] != "to":
        return False
    w = view.words[t + 1]
    return (w.isalpha() and w.islower() and w not in FUNCTION_WORDS and not w.endswith("ing")
            and not (w.endswith("s") and not w.endswith("ss")))


#: prepositions after which "that" is a determiner or a pronoun, never a complementizer
PREPOSITIONS_BEFORE_THAT = rule_words("prepositions_before_that")


#: words and marks that never open a reported clause: prepositions, conjunctions, subordinators,
#: punctuation
NO_CLAUSE_START = rule_words("no_clause_start")


def aux_within(lowers: list[str], i: int, end: int, k: int) -> bool:
    """An auxiliary or modal among the ``k`` tokens from ``i`` (a cheap finite-clause test)."""
    for t in range(i, min(end, i + k)):
        if lowers[t] in AUXILIARIES:
            return True
        if lowers[t] in {",", ".", ";", ":"}:
            return False
    return False


#: words after which an "-ed" form is an adjective or a participle, not a finite verb
_BEFORE_PARTICIPLE = rule_words("before_participle")
#: prepositions after which an "-ed" form heads a reduced relative ("soldiers killed in the ambush")
AFTER_PARTICIPLE = rule_words("after_participle")
_NAMING_PARTICIPLES = word_set("naming_participles.txt")
#: words an "-ed" verb may be followed by (a noun after it makes it an adjective)
FUNCTION_WORDS = rule_words("common_function_words")
#: marks and conjunctions that end a clause or a frame's noun phrase
CLAUSE_STOPS = (frozenset({";", ":", ".", "!", "?", "(", ")", "“", "”", '"', "''", "``", "‘", "’", "—", "–", "-",
                           "--"}) | rule_words("clause_stop_words"))
ADVERBS = word_set("preverbal_adverbs.txt")


#: determiners that are also pronouns, so may be a clause's subject ("this is ...")
_DEMONSTRATIVES = rule_words("pronoun_demonstratives")
#: auxiliaries that are also nouns after a determiner ("this need", "his will")
NOUN_AUXILIARIES = rule_words("noun_auxiliaries")
#: auxiliaries of a passive, with "get" too ("was asked", "got asked to ...")
PASSIVE_AUXILIARIES = BE_FORMS | rule_words("get_passive_forms")


def finite_at(lowers: list[str], t: int, end: int, weak: bool = False) -> bool:
    """Token ``t`` looks like a finite verb: an auxiliary or modal, an irregular past form, or an
    "-ed" form that is neither an adjective ("the infected people", "300 confirmed cases") nor a
    reduced relative ("soldiers killed in the ambush"); ``weak`` accepts an "-ed" form before a
    preposition ("the quake occurred at ...")."""
    w = lowers[t]
    if w in POSSESSIVE_MARKS:
        return t > 0 and lowers[t - 1] in SUBJECT_PRONOUNS | {"there", "that", "what"}  # "he's", not "Wednesday's"
    prev = lowers[t - 1] if t > 0 else ""
    if prev in _DEMONSTRATIVES and w in AUXILIARIES and w not in NOUN_AUXILIARIES:
        return True  # a demonstrative subject: "this is a move by Johnson", "those were lies"
    if prev in DETERMINERS:
        return False  # "the need", "a set": a noun
    if w in AUXILIARIES:
        return True
    # four letters are enough here ("died", "fled"); "-eed" words are left out as nouns ("need", "seed")
    past = is_irregular_past(w)
    if not past and not (is_ed_form(w, min_len=4) and not w.endswith("eed")):
        return False
    if prev in _BEFORE_PARTICIPLE or prev in AFTER_PARTICIPLE or prev[:1].isdigit() or prev in NUMBER_WORDS:
        return False  # "into advanced age", "300 confirmed cases", "one paid staffer"
    if past:
        return True
    nxt = lowers[t + 1] if t + 1 < end else ""
    if w in _NAMING_PARTICIPLES or nxt in OPEN_MARKS:
        return False  # "an account called 'X'"
    after = lowers[t + 2] if t + 2 < end else ""
    if (nxt.isalpha() and nxt.islower() and nxt not in FUNCTION_WORDS and t > 1 and lowers[t - 2] in DETERMINERS
            and after.isalpha() and after not in FUNCTION_WORDS):
        return False  # an adjective before a noun: "a large pledged delegate lead"
    return nxt not in AFTER_PARTICIPLE or weak


#: prepositions written as "-ing" forms, never a participle ("during", "following", "including")
_ING_PREPOSITIONS = rule_words("ing_prepositions")


def gerund_at(view: TextView, t: int, end: int) -> bool:
    """Token ``t`` is a lowercase "-ing" verb with words after it: a gerund object ("having almost
    $19 million", "inventing a coating"), not a function word ("during") or the clause's end."""
    w = view.words[t] if t < end else ""
    return (t + 1 < end and len(w) > 4 and w.isalpha() and w.islower() and w.endswith("ing")
            and w not in FUNCTION_WORDS and w not in _ING_PREPOSITIONS)


def present_s(view: TextView, t: int) -> bool:
    """Token ``t`` is a lowercase verb in the present third person ("runs", "makes"): an "-s"
    word that is no plural-looking function word."""
    w = view.words[t]
    return (len(w) > 3 and w.islower() and w.isalpha() and w.endswith("s") and not w.endswith(("ss", "us", "is"))
            and w not in FUNCTION_WORDS and w not in word_set("not_plurals.txt"))


@lru_cache(maxsize=1)
def speaker_nouns() -> frozenset[str]:
    return word_set("person_nouns.txt") | word_set("org_nouns.txt")


def present_at(lowers: list[str], t: int, end: int) -> bool:
    """Token ``t`` looks like a verb in the present third person after a singular noun ("the fault
    makes the region unstable"): "-s" after a lowercase noun, before a determiner, a pronoun or "to"."""
    w, prev = lowers[t], lowers[t - 1]
    nxt = lowers[t + 1] if t + 1 < end else ""
    return (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) and w.isalpha()
            and prev.isalpha() and not prev.endswith("s") and prev not in FUNCTION_WORDS and prev not in DETERMINERS
            and (nxt in DETERMINERS or nxt in OBJECT_PRONOUNS or nxt in {"to", "that", "it"}))


def plural_present_at(lowers: list[str], words: list[str], t: int, end: int) -> bool:
    """Token ``t`` looks like a verb in the plain present after a plural noun ("the stores fill
    the shelves"): a lowercase word that is no function word, adverb or "-s"/"-ing"/"-ly" form,
    after a lowercase plural noun and before a determiner, an object pronoun, "to" or "that"
    ("strategists plan to secure ...")."""
    w, prev = lowers[t], lowers[t - 1]
    nxt = lowers[t + 1] if t + 1 < end else ""
    return (len(w) > 2 and w.isalpha() and words[t].islower() and not w.endswith(("s", "ing", "ly", "ed"))
            and w not in FUNCTION_WORDS and w not in AFTER_PARTICIPLE and w not in ADVERBS and w not in DETERMINERS
            and w not in AUXILIARIES and w not in TIME_WORDS
            and prev.isalpha() and words[t - 1].islower() and len(prev) > 3 and prev.endswith("s") and not prev.endswith(("ss", "us", "is"))
            and prev not in FUNCTION_WORDS and (nxt in DETERMINERS or nxt in OBJECT_PRONOUNS or nxt in {"to", "that"}))


def has_finite(view: TextView, a: int, b: int) -> bool:
    """A finite verb (an auxiliary, a past or a present form) among tokens ``[a, b)``."""
    return any(finite_at(view.lowers, t, b) or (t > a and present_at(view.lowers, t, b)) for t in range(a, b))


#: a cue's first token: the key the cues (in text order) are bisected by (a C-level getter)
cue_start = attrgetter("start")


def ranges(ranges: list[tuple[int, int]]) -> RangeIndex:
    """``ranges`` as a :class:`RangeIndex` (find_quotations passes one already)."""
    return ranges if isinstance(ranges, RangeIndex) else RangeIndex(ranges)


def checked(view: TextView, a: int, b: int) -> tuple[int, int] | None:
    a, b = trim_tokens(view, a, b)
    if b - a < 3:
        return None
    return a, b
