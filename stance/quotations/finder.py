"""Quotations and their cues: direct (in quotation marks), indirect ("X said (that) ...",
"according to X, ...", "X vowed to ...", "described X as Y") and mixed (a reported clause that
contains a quoted fragment).

:func:`find_quotations` returns :class:`RawQuote` records in text order; speakers are attached
by :mod:`stance.speakers.candidates` and the pipeline. The rules are in the modules beside this
one: :mod:`~stance.quotations.direct` (quotation marks), :mod:`~stance.quotations.reported` (reported
clauses), :mod:`~stance.quotations.frames` (according-to, parenthetical, as- and fronted frames),
:mod:`~stance.quotations.complements` (objects and infinitives of reporting verbs),
:mod:`~stance.quotations.clauses` (clause starts and ends) and :mod:`~stance.quotations.tokens`
(shared token predicates).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from stance.quotations.cues import Cue, find_cues
from stance.quotations.direct import as_opens_quotation, is_speech, layout_cue, nearest_cue
from stance.quotations.frames import according_rest, as_frame_spans, inverted_rest, parenthetical_rest
from stance.quotations.inside import reports_inside
from stance.quotations.nested import nested_reports
from stance.quotations.reported import reported_clause
from stance.quotations.segments import QuoteSegment, find_quote_segments
from stance.quotations.tokens import CLAUSE_START, checked, has_finite
from stance.text.lexicons import rule_words
from stance.text.view import RangeIndex, TextView


@dataclass
class RawQuote:
    """A quotation before speaker resolution. ``start``/``end`` are character offsets."""

    start: int
    end: int
    kind: str
    cue: Cue | None
    tok_start: int
    tok_end: int
    sent: int
    para: int
    quote_before_cue: bool = False
    segments: list[QuoteSegment] = field(default_factory=list)


def _seg_tokens(view: TextView, seg: QuoteSegment) -> tuple[int, int]:
    a = view.token_at_or_after(seg.start)
    b = view.char_to_token(seg.end - 1) + 1
    return a, max(a, min(b, view.n))


def find_quotations(view: TextView, cues: list[Cue] | None = None) -> list[RawQuote]:
    """Direct, indirect and mixed quotations of one document, in text order."""
    text = view.text
    segs = find_quote_segments(text)
    seg_toks = RangeIndex(_seg_tokens(view, s) for s in segs)
    # segments are ordered and disjoint, so both ends are non-decreasing: bisect, don't scan
    seg_a = [a for a, _ in seg_toks]
    seg_b = [b for _, b in seg_toks]
    # mark-inclusive token ranges, used to block cues and speakers inside quotations
    blocked = seg_toks
    all_cues = find_cues(view) if cues is None else cues
    cues = [c for c in all_cues if not blocked.contains(c.start)]
    used_segs: set[int] = set()
    out: list[RawQuote] = []

    # 1. indirect / mixed: the clause a cue introduces (and the rest after a parenthetical frame)
    for cue in cues:
        as_spans = as_frame_spans(view, cue, cues)
        if as_spans is not None:
            spans = list(as_spans)  # "As X reported, ...": no other frame of this cue
        elif cue.frame in ("say", "obj", "clause"):
            spans = [_unless_adverbial(view, reported_clause(view, cue, cues, seg_toks)), parenthetical_rest(view, cue, cues, seg_toks)]
        elif cue.frame == "according":
            spans = [reported_clause(view, cue, cues, seg_toks), according_rest(view, cue, cues, seg_toks)]
        else:
            spans = [reported_clause(view, cue, cues, seg_toks)]
        spans = [part for span in spans if span is not None for part in _split_that_clauses(view, span)]
        inverted = inverted_rest(view, cue, cues, seg_toks) if cue.frame == "say" and as_spans is None else None
        if inverted is not None and inverted not in spans:
            spans.append(inverted)
        for n, span in enumerate(spans):
            if span not in spans[:n]:
                found = _clause_quote(view, segs, seg_toks, seg_a, seg_b, cue, span)
                if found is not None:
                    if span == inverted:
                        found[0].quote_before_cue = True  # "..., said Ruiz, REST": the speaker follows the cue
                    out.append(found[0])
                    used_segs.update(found[1])

    # 1b. nested reports: "NPR reported X said Y" is NPR's "X said Y" and X's "Y" (rule 4)
    _add_nested(view, segs, seg_toks, seg_a, seg_b, cues, out, used_segs)

    # 2. direct: each remaining quoted segment, with the nearest cue of its sentences
    for k, seg in enumerate(segs):
        if k in used_segs:
            continue
        a, b = seg_toks[k]
        if a >= b:
            continue
        s_open = view.sent_of[max(a - 1, 0)] if a > 0 else 0
        s_close = view.sent_of[min(b, view.n - 1)]
        cue, before = nearest_cue(view, cues, seg_toks, k, s_open, s_close)
        if cue is None:
            cue, before = layout_cue(view, cues, a, b)
        n_words = b - a
        if not is_speech(view, seg, a, b, cue, n_words, seg_toks, k):
            continue
        out.append(RawQuote(seg.start, seg.end, "direct", cue, a, b, view.sent_of[a],
                            view.para_of_sent[view.sent_of[a]], quote_before_cue=before, segments=[seg]))

    # 3. reports inside direct quotations ('"The FBI said that she did nothing illegal," Davis said')
    if len(cues) < len(all_cues):
        _add_inside(view, seg_toks, all_cues, out)
    out.sort(key=lambda q: (q.start, q.end))
    return _one_per_span(out)


def _one_per_span(quotes: list[RawQuote]) -> list[RawQuote]:
    """The quotations (sorted by span) with one entry per character span: two cues that report the
    same clause ("said in a statement that ...", "cited polling data showing that ...") make one
    quotation (ANNOTATION.md rule 4: an entry per quoted segment), the first cue's (the earlier
    in the text)."""
    out: list[RawQuote] = []
    for q in quotes:
        if out and out[-1].start == q.start and out[-1].end == q.end:
            continue
        out.append(q)
    return out


def _add_inside(view: TextView, seg_toks: RangeIndex, all_cues: list[Cue], out: list[RawQuote]) -> None:
    """Add to ``out`` the reports inside its direct quotations
    (:func:`~stance.quotations.inside.reports_inside`), each once."""
    starts = [c.start for c in all_cues]
    seen = {(q.start, q.end) for q in out}
    for q in [q for q in out if q.kind == "direct"]:
        inner = all_cues[bisect_left(starts, q.tok_start) : bisect_left(starts, q.tok_end)]
        if not inner:
            continue
        found = reports_inside(view, q.tok_start, q.tok_end, inner,
                               lambda c: reported_clause(view, c, all_cues, seg_toks))
        for cue, kind, (a, b), seg in found:
            cs, ce = (seg.start, seg.end) if seg is not None else view.char_span(a, b)
            if (cs, ce) in seen:
                continue
            seen.add((cs, ce))
            out.append(RawQuote(cs, ce, kind, cue, a, b, view.sent_of[a], view.para_of_sent[view.sent_of[a]],
                                segments=[seg] if seg is not None else []))


#: subordinators that open an adverbial clause after a reporting verb ("said as she accepted the
#: award", "said when asked about ..."), or reported content only with its main clause after a comma
_ADVERBIAL_OPENERS = rule_words("adverbial_openers")


def _add_nested(view: TextView, segs: list[QuoteSegment], seg_toks: RangeIndex, seg_a: list[int], seg_b: list[int],
                cues: list[Cue], out: list[RawQuote], used_segs: set[int]) -> None:
    """Add to ``out`` the outer report of each nested report among its clause quotations
    (:func:`~stance.quotations.nested.nested_reports`), in place of a quotation of the outer cue
    that is only the inner speaker's subject ("According to ISNA, the prosecutor general, Ali
    Mehr, said ..." is not ISNA's "the prosecutor general, Ali Mehr")."""
    inner = [(q.cue, q.tok_start, q.tok_end) for q in out if q.cue is not None]
    for outer, a, b in nested_reports(view, cues, inner):
        if any(q.cue is outer and q.tok_start <= a and q.tok_end >= b for q in out):
            continue  # the outer cue's clause already spans it
        found = _clause_quote(view, segs, seg_toks, seg_a, seg_b, outer, (a, b))
        if found is None:
            continue
        out[:] = [q for q in out if not (q.cue is outer and a <= q.tok_start and q.tok_end <= b)]
        out.append(found[0])
        used_segs.update(found[1])


def _unless_adverbial(view: TextView, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """``span`` unless it is an adverbial clause of the frame rather than its content: it opens
    with "as" (and has a finite verb), "when" or "while" and has no comma before a main clause
    ("Trump said as he launched the process", "said while stumping for his wife"; content is
    "said when the vote ends, she will resign")."""
    if span is None or view.lowers[span[0]] not in _ADVERBIAL_OPENERS or "," in view.words[span[0] : span[1]]:
        return span
    if span[0] > 0 and view.lowers[span[0] - 1] == "that":
        return span  # "said that as president he would know ...": after "that", content
    if view.lowers[span[0]] == "as" and not has_finite(view, span[0] + 1, span[1]):
        return span  # "as" and a noun phrase names: "which he claimed as his average donation"
    return None


def _split_that_clauses(view: TextView, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A reported clause coordinated with a second that-clause is two quotations: "said the plan
    could be 'inevitable' and that she was considering it" (each without "and that")."""
    a, b = span
    lowers = view.lowers
    out = []
    for t in range(a + 3, b - 3):
        if lowers[t] == "and" and lowers[t + 1] == "that" and (view.words[t + 2][:1].isupper() or lowers[t + 2] in CLAUSE_START):
            first = checked(view, a, t)
            if first is not None:
                out.append(first)
            a = t + 2
    if not out:
        return [span]  # (checked by the rule that found it: "him divisive" may be two words)
    rest = checked(view, a, b)
    return out + ([rest] if rest is not None else [])


def _clause_quote(view: TextView, segs: list[QuoteSegment], seg_toks: RangeIndex, seg_a: list[int], seg_b: list[int],
                  cue: Cue, span: tuple[int, int]) -> tuple[RawQuote, list[int]] | None:
    """The indirect or mixed quotation of the token ``span`` a cue reports and the indices of the
    quoted segments inside it, or None when the span overlaps a quotation in marks or is one (a
    direct quotation, found elsewhere)."""
    a, b = span
    near = range(bisect_left(seg_b, a - 1), bisect_right(seg_a, b + 1))  # all others are neither
    inside = [k for k in near if seg_a[k] >= a - 1 and seg_b[k] <= b + 1]
    overlapping = [k for k in near if seg_a[k] < b and seg_b[k] > a and k not in inside]
    if overlapping:
        return None
    if inside:
        sa, sb = seg_toks[inside[0]]
        if len(inside) == 1 and sa <= a + 1 and sb >= b - 1:
            return None  # the clause is one quotation: a direct quote, handled below
    if inside and cue.frame == "as" and as_opens_quotation(view, seg_a[inside[0]]):
        return None  # 'described X as "Y"': Y is a direct quotation (each quoted segment its own)
    kind = "mixed" if inside else "indirect"
    cs, ce = view.char_span(a, b)
    if kind == "mixed":
        # keep the inner closing mark when the clause ends with it
        last = segs[inside[-1]]
        ce = max(ce, last.close_end) if last.close_end <= view.ends[min(b, view.n - 1)] else ce
    return RawQuote(cs, ce, kind, cue, a, b, view.sent_of[a], view.para_of_sent[view.sent_of[a]],
                    quote_before_cue=a < cue.start, segments=[segs[k] for k in inside]), inside

