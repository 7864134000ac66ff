"""Who "the father" or "the actress" is: a definite speaker description headed by a noun that
shows its referent's gender (``data/gendered_nouns.tsv``) stands for the nearest person of that
gender the article named before it, outside quotations, in its sentence or the
:data:`WINDOW_SENTS` before ("David Turpin, alone, was also charged ... The father said")."""

from __future__ import annotations

from typing import Sequence

from stance.speakers.pronouns import not_a_person, person_gender
from stance.text.lexicons import gendered_nouns
from stance.text.mentions import Mention, MentionIndex
from stance.text.view import RangeIndex, TextView

#: sentences before the description's own that the person is looked for in
WINDOW_SENTS = 3


def person_of_gendered_noun(view: TextView, mentions: MentionIndex, i: int, j: int,
                            blocked: RangeIndex | Sequence[tuple[int, int]]) -> Mention | None:
    """For the speaker phrase ``[i, j)`` "the NOUN" with a gendered noun, the nearest person of
    that gender named before token ``i`` (see the module docstring); None for any other phrase or
    when no such person is near."""
    if j - i != 2 or view.lowers[i] != "the":
        return None
    want = gendered_nouns().get(view.lowers[i + 1])
    if want is None:
        return None
    index = RangeIndex.of(blocked)
    s0 = view.sent_of[i]
    for m in mentions.names_before(i):
        if s0 - view.sent_of[m.start] > WINDOW_SENTS:
            return None
        if m.type != "person" or m.end > i or index.covers(m.start, m.end) or not_a_person(view, mentions, m):
            continue
        if person_gender(view, mentions, m) == want:
            return m
    return None
