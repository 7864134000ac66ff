"""Nested reports: a reported clause that is itself another speaker's report ("NPR reported
Adil Abdul-Mahdi, the caretaker prime minister, said the troops must withdraw"; "According to
ISNA, the prosecutor general, Ali Mehr, said the 36 must face ..."). ANNOTATION.md rule 4
annotates both: the outer report (the inner speaker's frame and content, NPR's) and the inner
one (its content, Abdul-Mahdi's); they overlap. The inner one is found by the other rules; this
module adds the outer one.
"""

from __future__ import annotations

from bisect import bisect_left

from stance.quotations.clauses import after_adverbials, subject_before
from stance.quotations.cues import Cue
from stance.quotations.tokens import ADVERBS, CLOSE_MARKS, FUNCTION_WORDS, NO_CLAUSE_START, OPEN_MARKS, cue_start, has_finite
from stance.text.lexicons import AUXILIARIES, DETERMINERS, RELATIVES, SUBJECT_PRONOUNS, SUBORDINATORS
from stance.text.view import TextView

#: longest subject of the inner report, in tokens ("the prosecutor general of Tehran, Ali
#: Alghasi Mehr,")
SUBJECT_REACH = 14
#: outer frames whose content may be a nested report: a that-/zero-that clause, "according to"
OUTER_FRAMES = frozenset({"say", "clause", "according"})
#: inner frames a nested report may have: a that-/zero-that clause
INNER_FRAMES = frozenset({"say", "clause"})


def _inner_subject_start(view: TextView, outer: Cue, sb: int) -> int | None:
    """The token where the content of the ``outer`` cue opens (after its adverbials and a
    "that"; after the source and its comma for a sentence-opening "according to X,"), or None."""
    lowers, words = view.lowers, view.words
    if outer.frame == "according":
        sa = view.sent_bounds(view.sent_of[outer.start])[0]
        if outer.start != sa:
            return None  # only "According to X, ...": the other places report a clause before it
        comma = next((t for t in range(outer.end, min(sb, outer.end + 12)) if words[t] in {",", ".", ";", ":"}), None)
        return comma + 1 if comma is not None and words[comma] == "," else None
    j = after_adverbials(view, outer.end, sb)
    if j < sb and lowers[j] == "that":
        j += 1
    return j


def _plain_subject(view: TextView, a: int, b: int) -> bool:
    """Tokens ``[a, b)`` read as the subject of a verb at ``b``: a name or a noun phrase, maybe with
    an appositive set off by commas ("Adil Abdul-Mahdi, the caretaker prime minister,") or two
    names joined ("Kimberly-Clark and Solaris Paper"); no finite verb, relative pronoun, quotation
    mark, preposition or conjunction first, no "but"/"or" and no "and" but between names
    ("claimed momentum and argued ...", "stories in which sources said ..." are no subjects)."""
    lowers, words = view.lowers, view.words
    while b > a and (lowers[b - 1] in AUXILIARIES or lowers[b - 1] in ADVERBS):
        b -= 1  # "local news reports have also said"
    if not 1 <= b - a <= SUBJECT_REACH:
        return False
    first = lowers[a]
    if first in SUBORDINATORS or first in NO_CLAUSE_START or (first in SUBJECT_PRONOUNS and b - a > 1):
        return False
    if first in FUNCTION_WORDS and first not in DETERMINERS and first not in SUBJECT_PRONOUNS:
        return False
    for t in range(a, b):
        w = lowers[t]
        if words[t] in OPEN_MARKS or words[t] in CLOSE_MARKS or w in {";", ":", "(", ")", "but", "or"} or w in RELATIVES:
            return False
        if w == "and" and not (t > a and words[t - 1][:1].isupper() and t + 1 < b and words[t + 1][:1].isupper()):
            return False
    if words[b - 1] == ",":
        b -= 1  # the comma closing an appositive
        if words[a:b].count(",") != 1:
            return False  # "Ruiz, the mayor, said": one appositive, nothing more
    elif "," in words[a:b]:
        return False
    return b > a and not has_finite(view, a, b)


def nested_reports(view: TextView, cues: list[Cue], inner: list[tuple[Cue, int, int]]) -> list[tuple[Cue, int, int]]:
    """``(outer cue, start, end)`` token spans of the outer reports: for each inner report ``(cue,
    start, end)`` whose cue's subject opens the content of an earlier cue of its sentence (an
    ``OUTER_FRAMES`` cue right before it but for adverbials and "that"), the span from that
    subject to the inner content's end."""
    out = []
    for cue, start, end in inner:
        first = view.lowers[cue.start]
        if (cue.frame not in INNER_FRAMES or start < cue.end or first.endswith("ing") or first in NO_CLAUSE_START
                or (cue.start > 0 and view.lowers[cue.start - 1] == "to")):
            continue  # content before its frame ("..., X said"), a participle ("cited X as saying"), an infinitive
        sa, sb = view.sent_bounds(view.sent_of[cue.start])
        k = bisect_left(cues, cue.start, key=cue_start) - 1  # the nearest cue before this one
        while k >= 0 and cues[k].end > cue.start:
            k -= 1
        if k < 0 or cues[k].start < sa:
            continue  # no cue before it in its sentence
        outer = cues[k]  # only the nearest cue before can frame this one
        if outer.frame not in OUTER_FRAMES:
            continue
        if outer.frame != "according" and not subject_before(view, outer):
            continue  # no verb with a subject: "that 2013 report, Ari Fleischer, said"
        a = _inner_subject_start(view, outer, sb)
        if a is not None and a < cue.start and _plain_subject(view, a, cue.start):
            out.append((outer, a, end))
    return out
