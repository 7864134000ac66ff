"""Follow-on quotations: a quotation without a cue of its own inherits the speaker of the
attribution that governs it (ANNOTATION.md): the nearest attributed quotation before it in the
same paragraph, else the next cued one after it in that paragraph, else the last quotation of
the previous paragraph. The inherited confidence is 0.9 times the source's."""

from __future__ import annotations

from typing import Any, Sequence

from stance.quotations.finder import RawQuote
from stance.types import Speaker

#: Confidence factor of an inherited speaker.
INHERITED_CONFIDENCE = 0.9


def inherit_speakers(raws: Sequence[RawQuote], chosen: Sequence[tuple[Speaker | None, Any, float]]) -> list[tuple[Speaker | None, Any, float]]:
    """``chosen`` (one ``(speaker, mention, confidence)`` per quotation, in text order) with each
    unattributed follow-on quotation given its governing attribution's speaker."""
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
            src = last_attributed
        if src is None:
            j = next_cued[i]
            if j is not None and raws[j].para == q.para:
                src = j
        if src is None and i > 0 and out[i - 1][0] is not None and raws[i - 1].para == q.para - 1:
            src = i - 1
        if src is not None:
            sp, m, conf = out[src]
            out[i] = (sp, m, conf * INHERITED_CONFIDENCE)
            last_attributed = i
    return out
