"""Choosing each quotation's speaker among its cue's candidates: the trained ranker's best
candidate, or the rule order without a ranker."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any, Sequence

from stance.quotations.finder import RawQuote
from stance.quotations.tokens import OPEN_MARKS
from stance.speakers.candidate_record import RULED_KINDS
from stance.speakers.candidates import (Candidate, candidates_for_cue, colon_introducer, group_features, pick_by_rules,
                                       previous_sentence_subject, resolve_candidate, subject_before_quote,
                                       trailing_speaker)
from stance.text.mentions import MentionIndex
from stance.text.view import RangeIndex, TextView
from stance.types import Span, Speaker


#: Confidence of a speaker chosen by rule (not scored).
RULED_CONFIDENCE = 0.9


def quoted_spans(raws: Sequence[RawQuote]) -> RangeIndex:
    """The token spans no speaker is looked for in: direct quotations, and mixed ones but those
    that hold another quotation's cue, a nested report whose inner speaker is inside it ("According
    to ISNA, the prosecutor general said the 36 must face 'charges'": :mod:`stance.quotations.nested`)
    (O(log n) look-ups)."""
    blocked = [(q.tok_start, q.tok_end) for q in raws if q.kind == "direct"]
    cue_starts = sorted(q.cue.start for q in raws if q.cue is not None)
    blocked += [(q.tok_start, q.tok_end) for q in raws for s in q.segments
                if q.kind == "mixed" and not _holds_a_cue(cue_starts, q.tok_start, q.tok_end)]
    return RangeIndex(blocked)


def _holds_a_cue(cue_starts: list[int], a: int, b: int) -> bool:
    """Whether one of the sorted cue tokens ``cue_starts`` lies in ``[a, b)``."""
    i = bisect_left(cue_starts, a)
    return i < len(cue_starts) and cue_starts[i] < b


def _earlier_cued(raws: Sequence[RawQuote], i: int, view: TextView) -> int | None:
    """Index of the quotation before ``raws[i]`` whose cue comes before ``raws[i]``'s in the same
    sentence ("X said ..., adding that ..."), or None."""
    cue = raws[i].cue
    if cue is None:
        return None
    sent = view.sent_of[cue.start]
    for j in range(i - 1, max(-1, i - 4), -1):
        c = raws[j].cue
        if c is not None and c.end <= cue.start and view.sent_of[c.start] == sent:
            return j
    return None


def _continues_cued(raws: Sequence[RawQuote], i: int, view: TextView) -> bool:
    """Whether ``raws[i]`` (without a cue) continues the cued quotation right before it in the same
    sentence ('quoted Tim Manning as saying "..." and "..."'): it inherits that speaker
    (:func:`stance.speakers.inheritance.inherit_speakers`), not the sentence's subject."""
    if i == 0:
        return False
    prev, q = raws[i - 1], raws[i]
    return (prev.cue is not None and prev.tok_end <= q.tok_start and prev.cue.end <= q.tok_start
            and view.sent_of[prev.cue.start] == view.sent_of[q.tok_start])


def _nothing_to_inherit(raws: Sequence[RawQuote], i: int) -> bool:
    """Whether :func:`stance.speakers.inheritance.inherit_speakers` has no attribution to give
    ``raws[i]``: no quotation before it in its paragraph or the previous one, no cued one after it
    in its paragraph."""
    para = raws[i].para
    if any(raws[j].para in (para, para - 1) for j in range(max(0, i - 3), i)):
        return False
    return not any(raws[j].para == para and raws[j].cue is not None for j in range(i + 1, min(len(raws), i + 4)))


def _opens_after_own_paragraph_sentence(raws: Sequence[RawQuote], i: int, view: TextView) -> bool:
    """Whether ``raws[i]`` opens its paragraph's quotations after a sentence of that paragraph
    ("Clinton touted her credentials. “We need ...”" after another speaker's quotation in the
    paragraph before): that sentence governs it, not the earlier paragraph's attribution; no cued
    quotation follows it in the paragraph."""
    q = raws[i]
    if i > 0 and raws[i - 1].para == q.para:
        return False
    t = q.tok_start - 1
    while t >= 0 and view.words[t] in OPEN_MARKS:
        t -= 1
    if t < 0 or view.para_of_sent[view.sent_of[t]] != q.para or view.sent_of[t] == view.sent_of[q.tok_start]:
        return False
    return not any(raws[j].para == q.para and raws[j].cue is not None for j in range(i + 1, min(len(raws), i + 4)))


def choose_speakers(view: TextView, mentions: MentionIndex, raws: Sequence[RawQuote], blocked: RangeIndex,
                    ranker: Any = None, pronoun_ranker: Any = None) -> list[tuple[Speaker | None, Any, float]]:
    """One ``(speaker, mention, confidence)`` per quotation: the ranker (or, without one, the rules)
    picks the best of each cue's candidates; a quotation without a cue gets ``(None, None, 0.0)``
    (:func:`stance.speakers.inheritance.inherit_speakers` may fill it in). ``pronoun_ranker`` resolves
    pronoun speakers (:mod:`stance.speakers.pronouns`)."""
    per_quote: list[list[Candidate]] = []
    feats: list[dict] = []
    for q in raws:
        if q.cue is None:
            per_quote.append([])
            continue
        # a report inside a quotation (stance.quotations.inside) has its speaker inside it too
        own_blocked = RangeIndex([(q.tok_start, q.tok_end)]) if blocked.contains(q.cue.start) else blocked
        cands = candidates_for_cue(view, mentions, q.cue.start, q.cue.end, (q.tok_start, q.tok_end), own_blocked,
                                   extra=ranker is not None, skip_ruled=True)
        if ranker is not None and RULED_KINDS.isdisjoint([c.kind for c in cands]):  # (a ruled cue is not scored)
            feats.extend(group_features(cands, view, q.cue.start, q.cue.end, q.quote_before_cue, q.cue.lemma))
        per_quote.append(cands)
    scores = None
    if ranker is not None and feats:
        scores = ranker.predict_proba(feats)[:, 1].tolist()
    out: list[tuple[Speaker | None, Any, float]] = []
    k = 0
    last_plural: tuple[str, str, int] | None = None  # name, type, first token
    previous: str | None = None  # the last chosen speaker's name
    for q, cands in zip(raws, per_quote):
        if q.cue is None and _continues_cued(raws, len(out), view) and colon_introducer(view, mentions, q.tok_start, blocked) is None:
            out.append((None, None, 0.0))  # inherited from the cued quotation before it
            continue
        if q.cue is None:
            # a quotation a colon introduces: the introducing sentence's speaker
            # or the attribution right after it with a verb the cue lexicon lacks ('"...," X barked.')
            intro = (colon_introducer(view, mentions, q.tok_start, blocked) or trailing_speaker(view, mentions, q.tok_end, blocked)
                     or subject_before_quote(view, mentions, q.tok_start, blocked))
            if intro is None and (_nothing_to_inherit(raws, len(out)) or _opens_after_own_paragraph_sentence(raws, len(out), view)):
                # a quotation standing alone after a sentence about a person ("X praised Y. / “...”")
                intro = previous_sentence_subject(view, mentions, q.tok_start, blocked)
            if intro is None:
                out.append((None, None, 0.0))
                continue
            cands = [intro]
        elif not cands:
            out.append((None, None, 0.0))
            continue
        ruled = next((c for c in cands if c.kind in RULED_KINDS), None)
        if ruled is not None and ruled.kind == "participle":
            # "X said ..., adding that ...": the speaker of the cue before it in the sentence
            earlier = _earlier_cued(raws, len(out), view)
            if earlier is not None and out[earlier][0] is not None:
                out.append(out[earlier])
                previous = out[earlier][0].name
                continue
        if ruled is not None:  # "according to X", ", saying ...": chosen by rule
            best, conf = ruled, RULED_CONFIDENCE
        elif scores is not None:
            sc = scores[k : k + len(cands)]
            best_i = max(range(len(sc)), key=sc.__getitem__)  # the first best, as argmax
            best, conf = cands[best_i], sc[best_i]
        else:
            best = pick_by_rules(cands, view, q.cue.start, q.cue.end, q.quote_before_cue)
            conf = 0.8 if best is not None else 0.0
        if q.cue is not None and ruled is None:
            k += len(cands)  # the cue's candidates were scored
        if best is None:
            out.append((None, None, 0.0))
            continue
        name, typ, m = resolve_candidate(best, view, mentions, blocked, last_plural, pronoun_ranker, previous)
        previous = name
        if best.np_type == "nominal" and typ == "person" and name.endswith("s"):
            last_plural = (name, typ, best.start)  # "they" later refers to "Many experts"
        mention = Span.of(view.text, view.starts[best.start], view.ends[best.end - 1])
        out.append((Speaker(name, mention, typ), m, conf))
    return out


#: unresolved speakers that are the writer's or an interview transcript's own voice
_FIRST_PERSON = frozenset({"i", "we"})


def first_person_report(raw: RawQuote, speaker: Speaker | None) -> bool:
    """Whether ``raw`` is an indirect or mixed report whose speaker stayed a bare "I" or "we": the
    writer's own voice or an interviewee's answer in a transcript ("we have shown that ...", "we
    found that ..."), not words attributed to a speaker (ANNOTATION.md rule 1). A quotation in
    marks stays (its speaker may be found otherwise)."""
    return raw.kind != "direct" and speaker is not None and speaker.name.lower() in _FIRST_PERSON
