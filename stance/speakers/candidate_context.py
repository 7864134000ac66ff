"""The distance in clauses between a speaker candidate and its cue, for the trained ranker, from
tokens alone (the pipeline has no parser).

"Trump in his speech called them rapists": Trump is the subject of the cue's own clause, while
"The rejection of the party was complete when Trump ... called" puts a subordinator between the
sentence's subject and the cue; "Jane Roe, who ..., said": a relative clause between a person and
the cue. Token distance does not tell these apart; the count of clause words and commas between
the candidate and the cue does. These are features only; the ranker weighs them
(:func:`stance.speakers.candidates.candidate_features`).
"""

from __future__ import annotations

from stance.speakers.candidate_record import Candidate
from stance.text.lexicons import rule_words
from stance.text.view import TextView

#: words and marks that open or join a clause between a candidate and its cue
CLAUSE_BOUNDARIES = rule_words("clause_boundary_words")


def clauses_between(view: TextView, c: Candidate, cue_start: int, cue_end: int) -> tuple[int, int]:
    """(clause words, commas) between the candidate and its cue ``[cue_start, cue_end)``: the
    tokens of :data:`CLAUSE_BOUNDARIES` ("who", "when", "and", ";") and the commas outside both;
    (0, 0) for a candidate that overlaps the cue."""
    if c.end <= cue_start:
        a, b = c.end, cue_start
    elif c.start >= cue_end:
        a, b = cue_end, c.start
    else:
        return 0, 0
    words = commas = 0
    for w in view.lowers[a:b]:
        if w == ",":
            commas += 1
        elif w in CLAUSE_BOUNDARIES:
            words += 1
    return words, commas


def clause_features(view: TextView, c: Candidate, cue_start: int, cue_end: int) -> dict[str, float]:
    """The ranker's clause-distance features of one candidate: the clause words (0, 1, 2+) and the
    commas (0-3+) between it and the cue, by side (``L`` before the cue, ``R`` after)."""
    side = "L" if c.end <= cue_start else "R"
    words, commas = clauses_between(view, c, cue_start, cue_end)
    return {f"clauses_{side}={min(words, 2)}": 1.0, f"commas_{side}={min(commas, 3)}": 1.0}
