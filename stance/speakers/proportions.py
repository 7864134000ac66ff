"""A proportion of people as the speaker: "Twenty-four percent said", "About four in 10 say",
"Almost half said", "45 percent of registered voters nationwide said", "with 50 percent saying",
"23 percent who said" (poll results: the respondents speak, ANNOTATION.md rule 6 "unnamed speakers
get their descriptive NP").

The phrase right before the cue (or before a "who" right before it) is: up to
:data:`MAX_QUALIFIERS` qualifiers ("about", "more than", "only"), then a number (digits or a number
word, "Twenty-four" written with a hyphen) and a unit ("percent", "%") or "in" and a number ("six
in 10"), or a part without a number ("half"); then nothing, or an "of" phrase of at most
:data:`MAX_TAIL` tokens without punctuation ("of those surveyed"; not "of what ..."). Words:
``stance/data/proportion_words.tsv``.
"""

from __future__ import annotations

from functools import lru_cache

from stance.text.lexicons import NUMBER_WORDS, data_rows, rule_words
from stance.text.view import TextView

#: most qualifiers before the number ("a full", "more than")
MAX_QUALIFIERS = 3
#: most tokens of the "of" phrase after the share
MAX_TAIL = 10
#: words after "of" that make the share one of a thing, not of people ("less than half of what
#: researchers say")
_NOT_PEOPLE = rule_words("share_not_people")
#: tokens back from the cue a proportion phrase may start
_REACH = MAX_QUALIFIERS + 5 + MAX_TAIL


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    """Word classes of ``proportion_words.tsv``, with all the number words (``numbers`` and those of
    ``function_words.tsv``) under ``all_numbers``."""
    out = {r[0].strip(): frozenset(r[1].split()) for r in data_rows("proportion_words.tsv") if len(r) > 1}
    out["all_numbers"] = NUMBER_WORDS | out["numbers"]
    out["anchors"] = out["all_numbers"] | out["units"] | out["parts"]  # a share holds one of these or digits
    return out


def _number_end(view: TextView, t: int, end: int) -> int | None:
    """The end of a number starting at token ``t`` (before ``end``): digits ("24", "95.5"), a
    number word ("six", "Twenty"), or a tens word joined by a hyphen to a unit ("Twenty-four");
    None when no number starts there."""
    w = view.lowers[t]
    if w.replace(".", "", 1).replace(",", "").isdigit():
        return t + 1
    if w not in _words()["all_numbers"]:
        return None
    if t + 2 < end and view.words[t + 1] == "-" and view.lowers[t + 2] in NUMBER_WORDS:
        return t + 3
    return t + 1


def _share_end(view: TextView, s: int, end: int) -> int | None:
    """The end of a share starting at token ``s`` (qualifiers, then a number and a unit or "in" and
    a number, or a part), at ``end`` at most; None when none starts there."""
    w = _words()
    t = s
    while t < end and t - s < MAX_QUALIFIERS and view.lowers[t] in w["qualifiers"]:
        t += 1
    if t < end and view.lowers[t] in w["parts"]:
        return t + 1
    n = _number_end(view, t, end) if t < end else None
    if n is None or n >= end:
        return None
    if view.lowers[n] in w["units"]:
        return n + 1
    if view.lowers[n] == "in" and n + 1 < end:
        return _number_end(view, n + 1, end)
    return None


def proportion_before(view: TextView, j: int, lo: int) -> tuple[int, int] | None:
    """The proportion phrase ending right before token ``j`` (a cue, after skipped adverbs), or
    before a "who" right before it, starting at ``lo`` or later: its token span; None when there is
    none (see the module docstring)."""
    lowers = view.lowers
    e = j - 1 if j - 1 > lo and lowers[j - 1] == "who" else j
    first = max(lo, e - _REACH)
    anchors = _words()["anchors"]
    window = lowers[first:e]
    if anchors.isdisjoint(window) and not any(w[:1].isdigit() for w in window):
        return None  # (most cues: no number, unit or part near)
    for s in range(first, e):  # the earliest start: the whole phrase
        core = _share_end(view, s, e)
        if core is None:
            continue
        if core == e:
            return s, e
        tail = range(core, e)
        if (view.lowers[core] == "of" and len(tail) <= MAX_TAIL and core + 1 < e and view.lowers[core + 1] not in _NOT_PEOPLE
                and all(view.words[t].replace("-", "").replace("'", "").replace("’", "").isalnum() for t in tail)):
            return s, e
    return None
