"""Follow-on quotations: a quotation without a cue of its own inherits the speaker of the
attribution that governs it (ANNOTATION.md): the nearest attributed quotation before it in the
same paragraph, else the next cued one after it in that paragraph, else the last quotation of
the previous paragraph (of the nearest before, in either paragraph, the quotation whose content
holds it when it is a report inside another: '"Analysts said, 'Stop,' and she refused," Roe
recalled. "..."' continues Roe, not the analysts).
The inherited confidence is 0.9 times the source's. The inherited speaker's
mention is the one nearest the quotation when its sentence names the same speaker outside quotation
marks ('"...," he points out.' / '"...," Smith notes.'), else the governing attribution's."""

from __future__ import annotations

from typing import Any, Sequence

from stance.quotations.finder import RawQuote
from stance.text.mentions import MentionIndex
from stance.text.view import RangeIndex, TextView
from stance.types import Span, Speaker

#: Confidence factor of an inherited speaker.
INHERITED_CONFIDENCE = 0.9


def inherit_speakers(raws: Sequence[RawQuote], chosen: Sequence[tuple[Speaker | None, Any, float]],
                     view: TextView | None = None, mentions: MentionIndex | None = None,
                     blocked: RangeIndex | None = None) -> list[tuple[Speaker | None, Any, float]]:
    """``chosen`` (one ``(speaker, mention, confidence)`` per quotation, in text order) with each
    unattributed follow-on quotation given its governing attribution's speaker (with ``view``,
    ``mentions`` and the quoted spans ``blocked``: its mention moved to the quotation's own sentence,
    :func:`local_mention`)."""
    out = list(chosen)
    # follow-on quotations: same paragraph (before, else after), else the previous paragraph
    # (raws are in text order, so paragraphs never decrease: the nearest attributed quotation
    # before and the next cued one after are tracked instead of scanned for, in linear time)
    next_cued: list[int | None] = [None] * len(raws)
    for j in range(len(raws) - 2, -1, -1):
        nxt = j + 1
        next_cued[j] = nxt if out[nxt][0] is not None and raws[nxt].cue is not None else next_cued[nxt]
    last_attributed: int | None = None
    for i, q in enumerate(raws):
        if out[i][0] is not None:
            last_attributed = i
            continue
        src = None
        if last_attributed is not None and raws[last_attributed].para == q.para:
            src = _outer(raws, out, last_attributed)
        if src is None:
            j = next_cued[i]
            if j is not None and raws[j].para == q.para:
                src = j
        if src is None and i > 0 and out[i - 1][0] is not None and raws[i - 1].para == q.para - 1:
            src = _outer(raws, out, i - 1)
        if src is not None:
            sp, m, conf = out[src]
            if sp is not None and view is not None and mentions is not None and blocked is not None:
                here = local_mention(view, mentions, blocked, q, sp)
                if here is not None:
                    sp = Speaker(sp.name, here, sp.type)
            out[i] = (sp, m, conf * INHERITED_CONFIDENCE)
            last_attributed = i
    return out


def _outer(raws: Sequence[RawQuote], out: Sequence[tuple[Speaker | None, Any, float]], j: int) -> int:
    """``j``, or the attributed quotation whose content holds ``raws[j]`` (a report inside another:
    "Carter said that for decades some critics had been predicting a withdrawal, but ...": a
    follow-on quotation in the next paragraph continues Carter, not the critics)."""
    for k in range(j - 1, max(-1, j - 4), -1):
        r = raws[k]
        if r.start <= raws[j].start and raws[j].end <= r.end and out[k][0] is not None:
            return k
    return j


#: tokens after a quotation's end where a pronoun naming its speaker may stand ('," he said')
_PRONOUN_REACH = 3


def local_mention(view: TextView, mentions: MentionIndex, blocked: RangeIndex, q: RawQuote, sp: Speaker) -> Span | None:
    """The mention of the inherited speaker ``sp`` in the quotation's own sentence, outside quotation
    marks: a name of the same person, or a he/she right after the quotation for a person; None
    when there is none."""
    a = view.sent_bounds(view.sent_of[q.tok_start])[0]
    b = view.sent_bounds(view.sent_of[max(q.tok_start, q.tok_end - 1)])[1]
    for m in mentions.names_in(a, b):
        if m.canonical == sp.name and not blocked.covers(m.start, m.end) and not (q.tok_start <= m.start < q.tok_end):
            return Span.of(view.text, view.starts[m.start], view.ends[m.end - 1])
    if sp.type == "person":
        for t in range(q.tok_end, min(b, q.tok_end + _PRONOUN_REACH)):
            if view.lowers[t] in ("he", "she") and not blocked.covers(t, t + 1):
                return Span.of(view.text, view.starts[t], view.ends[t])
    return None
