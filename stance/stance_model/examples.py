"""The stance model's inputs for one quotation: the attribution (content, cue and the speaker's
mention) with each target party and the speaker marked."""

from __future__ import annotations

from typing import Any, Sequence

from stance.quotations.finder import RawQuote
from stance.stance_model.features import StanceExample
from stance.text.view import TextView
from stance.types import Speaker


def stance_examples(view: TextView, raw: RawQuote, speaker: Speaker | None, targets: Sequence[Any]) -> list[StanceExample]:
    """Stance-model inputs: the attribution (content, cue, speaker mention) with the target and the
    speaker marked."""
    if not targets:
        return []
    # The attribution itself: content, cue and the speaker's mention when it is in the same
    # or the adjacent sentence, without the rest of the journalist's sentence (the stance is
    # the speaker's, "never the journalist's framing": ANNOTATION.md).
    c0, c1 = raw.start, raw.end
    if raw.cue is not None:
        c0, c1 = min(c0, view.starts[raw.cue.start]), max(c1, view.ends[raw.cue.end - 1])
        if speaker is not None and speaker.mention is not None:
            ms = view.token_at_or_after(speaker.mention.start)
            if ms < view.n and abs(view.sent_of[ms] - view.sent_of[raw.cue.start]) <= 1:
                c0, c1 = min(c0, speaker.mention.start), max(c1, speaker.mention.end)
    for t in targets:
        c0, c1 = min(c0, view.starts[t.start]), max(c1, view.ends[t.end - 1])
    text = view.text[c0:c1]
    src = (None, None)
    if speaker is not None and speaker.mention is not None and c0 <= speaker.mention.start and speaker.mention.end <= c1:
        src = (speaker.mention.start - c0, speaker.mention.end - c0)
    out = []
    for t in targets:
        ts, te = view.starts[t.start], view.ends[t.end - 1]
        out.append(StanceExample(text, ts - c0, te - c0, src[0], src[1]))
    return out

