"""Quotations and their cues: direct (in quotation marks), indirect ("X said (that) ...",
"according to X, ...", "X vowed to ...", "described X as Y") and mixed (a reported clause that
contains a quoted fragment).

:func:`find_quotations` returns :class:`RawQuote` records in text order; speakers are attached
by :mod:`stance.speakers.candidates` and the pipeline.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from stance.quotations.cues import Cue, find_cues
from stance.quotations.segments import QuoteSegment, find_quote_segments
from stance.text.view import POSSESSIVE_MARKS, RangeIndex, TextView

_ADVERBIAL_HEADS = frozenset("on in at during last this earlier later from".split())
#: verbs that report a clause without "that" ("he said it was over"); others need "that"
_ZERO_THAT = frozenset("say tell add insist argue claim warn write note predict acknowledge admit explain contend assert suggest report announce indicate state".split())
#: zero-"that" verbs that as often take a plain object ("reported the incident"): their clause
#: must show an auxiliary or a past-tense verb within a few tokens
_ZERO_THAT_NEEDS_VERB = frozenset("report announce indicate state".split())
_NP_BREAKERS = frozenset("though although but and because while when as if since so which who whom after before".split())
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight week month year "
    "morning afternoon evening night statement interview conference briefing speech weekend repeatedly "
    "previously also again recently publicly privately separately january february march april may june "
    "july august september october november december jan. feb. mar. apr. aug. sept. sep. oct. nov. dec.".split()
)
_CLAUSE_START = frozenset(
    "he she it they we i you there the a an this that these those such his her its their our my some "
    "many no all any both each every neither none nothing someone something one two three several most "
    "if when while because although as".split()
)
_NAMING_VERBS = frozenset({"call", "dub", "label", "brand", "term", "describe", "accuse", "criticize", "criticise"})
_TRAIL = ".,;:—–-"
_OPEN_MARKS = frozenset({"“", '"', "''", "``", "‘", "«"})
_CLOSE_MARKS = frozenset({"”", '"', "''", "’", "»"})


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


def _trim_tokens(view: TextView, a: int, b: int) -> tuple[int, int]:
    while b > a and view.words[b - 1] in _TRAIL:
        b -= 1
    while a < b and view.words[a] in {",", ":", "—"}:
        a += 1
    return a, b


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
    cues = find_cues(view) if cues is None else cues
    cues = [c for c in cues if not blocked.contains(c.start)]
    used_segs: set[int] = set()
    out: list[RawQuote] = []
    cue_used: set[int] = set()

    # 1. indirect / mixed: the clause a cue introduces
    for ci, cue in enumerate(cues):
        span = _reported_clause(view, cue, cues, seg_toks)
        if span is None:
            continue
        a, b = span
        near = range(bisect_left(seg_b, a - 1), bisect_right(seg_a, b + 1))  # all others are neither
        inside = [k for k in near if seg_a[k] >= a - 1 and seg_b[k] <= b + 1]
        overlapping = [k for k in near if seg_a[k] < b and seg_b[k] > a and k not in inside]
        if overlapping:
            continue
        if inside:
            k0 = inside[0]
            sa, sb = seg_toks[k0]
            if len(inside) == 1 and sa <= a + 1 and sb >= b - 1:
                continue  # the clause is one quotation: a direct quote, handled below
        kind = "mixed" if inside else "indirect"
        cs, ce = view.char_span(a, b)
        if kind == "mixed":
            # keep the inner closing mark when the clause ends with it
            last = segs[inside[-1]]
            ce = max(ce, last.close_end) if last.close_end <= view.ends[min(b, view.n - 1)] else ce
        out.append(RawQuote(cs, ce, kind, cue, a, b, view.sent_of[a], view.para_of_sent[view.sent_of[a]],
                            quote_before_cue=a < cue.start, segments=[segs[k] for k in inside]))
        used_segs.update(inside)
        cue_used.add(ci)

    # 2. direct: each remaining quoted segment, with the nearest cue of its sentences
    for k, seg in enumerate(segs):
        if k in used_segs:
            continue
        a, b = seg_toks[k]
        if a >= b:
            continue
        s_open = view.sent_of[max(a - 1, 0)] if a > 0 else 0
        s_close = view.sent_of[min(b, view.n - 1)]
        cue, before = _nearest_cue(view, cues, seg_toks, k, s_open, s_close)
        if cue is None:
            cue, before = _layout_cue(view, cues, a, b)
        n_words = b - a
        if not _is_speech(view, seg, a, b, cue, n_words, seg_toks, k):
            continue
        out.append(RawQuote(seg.start, seg.end, "direct", cue, a, b, view.sent_of[a],
                            view.para_of_sent[view.sent_of[a]], quote_before_cue=before, segments=[seg]))
    out.sort(key=lambda q: (q.start, q.end))
    return out


def _nearest_cue(view: TextView, cues: list[Cue], seg_toks: list[tuple[int, int]], k: int, s_open: int, s_close: int) -> tuple[Cue | None, bool]:
    a, b = seg_toks[k]
    best: Cue | None = None
    best_d = 10**9
    before = False
    # cues are in text order: only those of sentences s_open..s_close
    lo_tok, hi_tok = view.sent_starts[s_open], view.sent_bounds(s_close)[1]
    for c in cues[bisect_left(cues, lo_tok, key=_cue_start) : bisect_left(cues, hi_tok, key=_cue_start)]:
        s = view.sent_of[c.start]
        if s < s_open or s > s_close:
            continue
        if c.frame == "according":
            continue
        if c.start >= b:
            d = c.start - b
            # another quotation between: "“A,” he said. “B”" is not B's cue
            if _ranges(seg_toks).any_within(b, c.start):
                d += 25
            if d < best_d:
                best, best_d, before = c, d, True
        elif c.end <= a:
            d = a - c.end
            if c.frame in ("name", "accuse", "as") or c.lemma in _NAMING_VERBS:
                d = max(0, d - 3)
            if d < best_d:
                best, best_d, before = c, d, False
    if best is None and s_close + 1 < len(view.sent_starts) and view.sent_starts[s_close + 1] in (b + 1, b + 2):
        # '“Does anybody know?” Graham asked.': the sentence splitter ended the sentence at ?”
        for c in cues[bisect_right(cues, b, key=_cue_start) : bisect_right(cues, b + 6, key=_cue_start)]:
            if (c.start > b and view.sent_of[c.start] == s_close + 1 and c.start - b <= 6 and c.frame != "according"
                    and view.para_of_sent[s_close + 1] == view.para_of_sent[s_close]):
                best, best_d, before = c, c.start - b, True
                break
    if best is not None and best_d > 12:
        # '"...," Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said'
        closes_comma = view.words[b - 1] == "," or (b + 1 < view.n and view.words[b + 1] == ",")
        if not (before and closes_comma and best_d <= 30):
            return None, False
    return best, before


_DASHES = frozenset({"―", "—", "–", "-", "--"})


def _layout_cue(view: TextView, cues: list[Cue], a: int, b: int) -> tuple[Cue | None, bool]:
    """Cues given by layout: a dash and a name after the quotation ('"..." ― Jane Doe'), or
    a cue before a colon that ends the previous paragraph ("He said:" / quotation)."""
    words = view.words
    n = view.n
    t = b + 1 if b < n and words[b] in _CLOSE_MARKS else b
    joined = len(words[t]) > 1 and words[t][0] in "”\"'" and words[t][-1] in "―—–" if t < n else False
    if t < n and (words[t] in _DASHES or joined) and t + 1 < n and words[t + 1][:1].isupper():
        k = t + 1
        while k < n and view.sent_of[k] == view.sent_of[t + 1] and words[k][:1].isupper() and k - t <= 5:
            k += 1
        if k - t <= 5 and (k >= n or words[k] in {".", ",", "(", ")"} or view.starts[k] > view.ends[k - 1] and "\n" in view.text[view.ends[k - 1] : view.starts[k]]):
            return Cue(t, t + 1, "dash", "dash"), True
    o = a - 2 if a >= 2 and words[a - 1] in _OPEN_MARKS else a - 1
    if o >= 0 and words[o] == ":":
        for ci in range(bisect_left(cues, o, key=_cue_start) - 1, -1, -1):  # cues starting before o
            c = cues[ci]
            if c.end <= o and o - c.end <= 3 and view.para_of_sent[view.sent_of[c.start]] >= view.para_of_sent[view.sent_of[a]] - 1:
                return c, False
            if c.end <= o - 3:
                break
        if _name_opens_line(view, o):
            return Cue(o, o + 1, "colon", "colon"), False
    return None, False


def _name_opens_line(view: TextView, o: int) -> bool:
    """A short capitalised name opens the sentence and ends at token ``o`` (a colon): the
    headline and transcript layout 'Ted Cruz: "..."' / 'KASICH: "..."'."""
    sa = view.sent_bounds(view.sent_of[o])[0]
    toks = view.words[sa:o]
    return 1 <= len(toks) <= 4 and all(w[:1].isupper() or w in (".", "-", "’s", "'s") for w in toks) and toks[0][:1].isupper()


#: lowercase words a title keeps ("The Art of Being the Donald")
_TITLE_SMALL = frozenset("a an the of and or nor but to in on at for by with from as is be vs. v.".split())
#: what introduces a title: a naming participle ("a book titled"), a work ("the movie, ...")
_TITLE_INTRO = frozenset("called titled entitled named dubbed book books movie film show program programme series "
                         "documentary biography memoir novel song album column op-ed essay headline website".split())


def _is_word(w: str) -> bool:
    """A token with a letter, other than the possessive clitic."""
    return w not in POSSESSIVE_MARKS and any(ch.isalpha() for ch in w)


def _is_title(view: TextView, a: int, b: int) -> bool:
    """A quoted title or name, not speech: Title Case words introduced by a naming participle or a
    work ("a collection called 'Yuge!: 30 Years of Doonesbury on Trump'", "the movie, '13 Hours'",
    "a group called the 'We The People Foundation'") or by a possessive ("ABC's 'Good Morning
    America'"). "Trump called Rubio 'Little Marco'" stays a quotation: a name stands between."""
    words, lowers = view.words, view.lowers
    # Title Case throughout: at least two capitalised (or numeric) words, no other word but the
    # small ones; the first lowercase word of speech ends the scan
    n_caps = 0
    for w in words[a:b]:
        if w[:1].isupper() or w[:1].isdigit():
            if _is_word(w):
                n_caps += 1
        elif w.lower() not in _TITLE_SMALL and _is_word(w):
            return False
    if n_caps < 2:
        return False
    i = a - 1
    while i >= 0 and (words[i] in _OPEN_MARKS or words[i] == "," or lowers[i] == "the"):
        i -= 1
    return i >= 0 and (lowers[i] in _TITLE_INTRO or words[i] in POSSESSIVE_MARKS)


def _is_speech(view: TextView, seg: QuoteSegment, a: int, b: int, cue: Cue | None, n_words: int, seg_toks, k: int) -> bool:
    """Scare quotes and titles are not quotations; long segments and cued short ones are."""
    words = view.words
    if _is_title(view, a, b):
        return False
    if n_words >= 5 and cue is not None:
        return True
    if cue is not None:
        # naming constructions: called X "Y", described X as "Y"; or "X said, 'Y'"
        if cue.lemma in _NAMING_VERBS or cue.frame in ("name", "as", "accuse"):
            return cue.end <= a and a - cue.end <= 6
        if cue.end <= a and a - cue.end <= 2:
            return True
        if cue.start >= b and cue.start - b <= 4:
            return True
        if n_words >= 3:
            return True
        return False
    # no cue in the sentence: a follow-on quotation must look like speech
    sa, sb = view.sent_bounds(view.sent_of[a])
    starts_sentence = a - 1 <= sa
    title_like = all(w[:1].isupper() or not w.isalpha() for w in words[a:b])
    if title_like and n_words <= 6:
        return False
    return n_words >= 5 and starts_sentence or n_words >= 8


def _reported_clause(view: TextView, cue: Cue, cues: list[Cue], seg_toks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Token range of the clause ``cue`` reports, or None."""
    sent = view.sent_of[cue.start]
    sa, sb = view.sent_bounds(sent)
    lowers = view.lowers
    words = view.words
    end = _clause_end(view, cue, cues, sb)
    if cue.frame == "according":
        if cue.start == sa or (cue.start > sa and words[cue.start - 1] in {"“", "—"}):
            for t in range(cue.end, end):
                if words[t] == ",":
                    return _checked(view, t + 1, end)
            return None
        if cue.start - 1 > sa and words[cue.start - 1] == ",":
            return _checked(view, sa, cue.start - 1)
        return None
    i = cue.end
    if cue.start == sa or lowers[cue.start - 1] == "to":
        return None  # no subject ("Asked whether ...") or an infinitive ("to maintain")
    if cue.frame in ("say", "obj"):
        # fronted content: "CONTENT, X said." / "CONTENT, said X."
        if cue.start > sa + 3:
            k = cue.start - 1
            while k > sa and k > cue.start - 8 and words[k] != ",":
                k -= 1
            if words[k] == "," and k > sa + 3 and _fronted_frame(view, cue, k, sb):
                starts_quoted = words[sa] in _OPEN_MARKS and _ranges(seg_toks).any_within(sa, k)
                if not _ranges(seg_toks).covers(k, k) and view.lowers[k - 1] not in {"and"} and not starts_quoted:
                    content_end = k
                    if words[content_end - 1] in {"”", '"', "''"}:
                        return None  # a direct quotation, handled elsewhere
                    return _checked(view, sa, content_end)
        # a cue right after a closing quotation mark introduces no clause ("...,” said Moon, an ...")
        if cue.start - 1 >= sa and words[cue.start - 1] in {"”", '"', "''"}:
            return None
        after_comma = cue.start - 1 >= sa and words[cue.start - 1] == ","
        for t in range(i, min(i + 9, end)):
            if lowers[t] == "that":
                if not any(words[u] in {",", "“", '"', ";"} for u in range(i, t)):
                    return _checked(view, t + 1, end)
                break
        # skip adverbials and an object: said (on Monday) (in a statement) (to reporters) (that) ...
        steps = 0
        while i < end and steps < 10:
            w = lowers[i]
            if w == "that":
                return _checked(view, i + 1, end)
            if cue.frame == "obj" or w in _ADVERBIAL_HEADS or w in _TIME_WORDS or words[i][:1].isdigit() or (w in {"the", "a", "an", "reporters", "journalists", "his", "her", "their"} and cue.frame == "obj"):
                i += 1
                steps += 1
                continue
            if w in {"jan.", "feb.", "nov.", "dec.", "oct.", "sept."}:
                i += 1
                steps += 1
                continue
            break
        if cue.frame == "obj" or cue.lemma not in _ZERO_THAT:
            return None
        if i < end and words[i] not in _OPEN_MARKS and (
            (lowers[i] in _CLAUSE_START and not (after_comma and lowers[i] in _PRONOUN_SUBJ and not _aux_within(lowers, i + 1, end, 1)))
            or (words[i][:1].isupper() and not after_comma)
            or (lowers[i] not in _NO_CLAUSE_START and _aux_within(lowers, i + 1, end, 4))
        ):
            if i > cue.end and lowers[cue.end] == ",":
                return None
            if i > cue.end and not (lowers[i] in _PRONOUN_SUBJ or _aux_within(lowers, i, end, 5)):
                return None  # "said at a Washington event"
            if cue.lemma in _ZERO_THAT_NEEDS_VERB and not _finite_within(lowers, i + 1, end, 6):
                return None  # "reported the incident to the police"
            if end - i >= 3:
                return _checked(view, i, end)
        return None
    if cue.frame == "to":
        for t in range(i, min(i + 8, end)):
            if lowers[t] == "to" and t + 1 < end and lowers[t + 1].isalpha() and words[t + 1][:1].islower():
                return _checked(view, t, end)
            if lowers[t] == "that":
                return _checked(view, t + 1, end)
        return None
    if cue.frame == "as":
        for t in range(i, min(i + 10, end)):
            if lowers[t] == "as":
                return _checked(view, i, end)
        return None
    if cue.frame == "accuse":
        for t in range(i, min(i + 8, end)):
            if lowers[t] in ("of", "for") and t + 1 < end and lowers[t + 1].endswith("ing"):
                return _checked(view, t + 1, end)
        return None
    return None


_AUX = frozenset(
    "is are was were has have had will would can could should may might must do does did 's ’s 're ’re "
    "wo ca need needs needed".split()
)
_PRONOUN_SUBJ = frozenset("he she it they we i you".split())
_NO_CLAUSE_START = frozenset(
    "to for with by of in on at from as but and or so than into over under through via during after before "
    "since until while when because if , . ; : — – - ( ) “ ” \" '' ‘ ’".split()
)


def _aux_within(lowers: list[str], i: int, end: int, k: int) -> bool:
    """An auxiliary or modal among the ``k`` tokens from ``i`` (a cheap finite-clause test)."""
    for t in range(i, min(end, i + k)):
        if lowers[t] in _AUX:
            return True
        if lowers[t] in {",", ".", ";", ":"}:
            return False
    return False


def _finite_within(lowers: list[str], i: int, end: int, k: int) -> bool:
    """An auxiliary, a modal or a past-tense-looking verb ("-ed") among the ``k`` tokens from ``i``."""
    for t in range(i, min(end, i + k)):
        w = lowers[t]
        if w in _AUX or (len(w) > 4 and w.endswith("ed")):
            return True
        if w in {",", ".", ";", ":"}:
            return False
    return False


def _fronted_frame(view: TextView, cue: Cue, comma: int, sb: int) -> bool:
    """True for "..., X said." and "..., said X(, an analyst at Y)." frames."""
    between = view.lowers[comma + 1 : cue.start]
    if any(w in _NP_BREAKERS for w in between):
        return False
    k = cue.end
    if between:  # "X said" (+ a time adverbial) then the end
        while k < sb and k < cue.end + 5 and view.words[k] not in {".", "!", "?"}:
            if view.lowers[k] not in _TIME_WORDS and view.lowers[k] not in _ADVERBIAL_HEADS and not view.words[k][:1].isdigit() and view.lowers[k] != "the":
                return False
            k += 1
        return True
    # inverted "said X": a noun phrase, then the end or an appositive
    if k >= sb or view.lowers[k] == "that" or not (view.words[k][:1].isupper() or view.lowers[k] in {"the", "a", "an", "he", "she", "they"}):
        return False
    if view.lowers[k] in _PRONOUN_SUBJ and k + 1 < sb and view.words[k + 1] not in {".", ",", "!", "?"}:
        return False  # "..., said he thinks ...": not an inverted frame
    while k < sb and view.words[k] not in {".", "!", "?", ","}:
        k += 1
        if k - cue.end > 8:
            return False
    return True


def _clause_end(view: TextView, cue: Cue, cues: list[Cue], sb: int) -> int:
    """End of the reported clause: the sentence end, or before "and/but CUE" or ", according to"."""
    for c in cues[bisect_right(cues, cue.start, key=_cue_start) : bisect_left(cues, sb, key=_cue_start)]:
        if c.start <= cue.start or c.start >= sb:
            continue
        prev = view.lowers[c.start - 1]
        if prev in {"and", "but", ","} or (c.frame == "according" and prev == ","):
            return c.start - 1
        if prev in {"also"} and view.lowers[c.start - 2] in {"and", "but"}:
            return c.start - 2
    return sb


def _cue_start(c: Cue) -> int:
    return c.start


def _ranges(ranges: list[tuple[int, int]]) -> RangeIndex:
    """``ranges`` as a :class:`RangeIndex` (find_quotations passes one already)."""
    return ranges if isinstance(ranges, RangeIndex) else RangeIndex(ranges)


def _checked(view: TextView, a: int, b: int) -> tuple[int, int] | None:
    a, b = _trim_tokens(view, a, b)
    if b - a < 3:
        return None
    return a, b
