"""Quotations and their cues: direct (in quotation marks), indirect ("X said (that) ...",
"according to X, ...", "X vowed to ...", "described X as Y") and mixed (a reported clause that
contains a quoted fragment).

:func:`find_quotations` returns :class:`RawQuote` records in text order; speakers are attached
by :mod:`stance.speakers.candidates` and the pipeline.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from stance.quotations.cues import NOUNISH, Cue, find_cues
from stance.quotations.segments import QuoteSegment, find_quote_segments
from stance.text.lexicons import (AUXILIARIES, BE_FORMS, DETERMINERS, NUMBER_WORDS, OBJECT_PRONOUNS, POSSESSIVE_DETERMINERS, RELATIVES,
                                  SUBJECT_PRONOUNS, SUBORDINATORS, WH_WORDS, reporting_verbs_with, time_words,
                                  word_set)
from stance.text.mentions import is_adjective
from stance.text.verb_forms import is_ed_form, is_irregular_past, is_past_form
from stance.text.view import POSSESSIVE_MARKS, RangeIndex, TextView

_ADVERBIAL_HEADS = frozenset("on in at during last this earlier later from".split())
#: verbs that report a clause without "that" ("he said it was over"); others need "that"
_ZERO_THAT = reporting_verbs_with("zero-that")
#: zero-"that" verbs that as often take a plain object ("reported the incident"): their clause
#: must read as one (a subject, then a finite verb)
_ZERO_THAT_NEEDS_VERB = reporting_verbs_with("needs-verb")
_NP_BREAKERS = frozenset("though although but and because while when as if since so which who whom after before".split())
#: words that may stand between a reporting verb and its clause: time words and "statement", "repeatedly"...
_TIME_WORDS = time_words() | word_set("frame_fillers.txt")
_CLAUSE_START = frozenset(
    "he she it they we i you there the a an this that these those such his her its their our my some "
    "many no all any both each every neither none nothing someone something one two three several most "
    "if when while because although as".split()
)
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

    # 1. indirect / mixed: the clause a cue introduces (and the rest after a parenthetical frame)
    for cue in cues:
        as_spans = _as_frame_spans(view, cue, cues)
        if as_spans is not None:
            spans = list(as_spans)  # "As X reported, ...": no other frame of this cue
        elif cue.frame in ("say", "obj", "clause"):
            spans = [_unless_adverbial(view, _reported_clause(view, cue, cues, seg_toks)), _parenthetical_rest(view, cue, cues, seg_toks)]
        elif cue.frame == "according":
            spans = [_reported_clause(view, cue, cues, seg_toks), _according_rest(view, cue, cues, seg_toks)]
        else:
            spans = [_reported_clause(view, cue, cues, seg_toks)]
        spans = [part for span in spans if span is not None for part in _split_that_clauses(view, span)]
        for n, span in enumerate(spans):
            if span not in spans[:n]:
                found = _clause_quote(view, segs, seg_toks, seg_a, seg_b, cue, span)
                if found is not None:
                    out.append(found[0])
                    used_segs.update(found[1])

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


#: subordinators that open an adverbial clause after a reporting verb ("said as she accepted the
#: award", "said when asked about ..."), or reported content only with its main clause after a comma
_ADVERBIAL_OPENERS = frozenset({"as", "when", "while"})


def _unless_adverbial(view: TextView, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """``span`` unless it is an adverbial clause of the frame rather than its content: it opens
    with "as" (and has a finite verb), "when" or "while" and has no comma before a main clause
    ("Trump said as he launched the process", "said while stumping for his wife"; content is
    "said when the vote ends, she will resign")."""
    if span is None or view.lowers[span[0]] not in _ADVERBIAL_OPENERS or "," in view.words[span[0] : span[1]]:
        return span
    if span[0] > 0 and view.lowers[span[0] - 1] == "that":
        return span  # "said that as president he would know ...": after "that", content
    if view.lowers[span[0]] == "as" and not _has_finite(view, span[0] + 1, span[1]):
        return span  # "as" and a noun phrase names: "which he claimed as his average donation"
    return None


def _split_that_clauses(view: TextView, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A reported clause coordinated with a second that-clause is two quotations: "said the plan
    could be 'inevitable' and that she was considering it" (each without "and that")."""
    a, b = span
    lowers = view.lowers
    out = []
    for t in range(a + 3, b - 3):
        if lowers[t] == "and" and lowers[t + 1] == "that" and (view.words[t + 2][:1].isupper() or lowers[t + 2] in _CLAUSE_START):
            first = _checked(view, a, t)
            if first is not None:
                out.append(first)
            a = t + 2
    if not out:
        return [span]  # (checked by the rule that found it: "him divisive" may be two words)
    rest = _checked(view, a, b)
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
    kind = "mixed" if inside else "indirect"
    cs, ce = view.char_span(a, b)
    if kind == "mixed":
        # keep the inner closing mark when the clause ends with it
        last = segs[inside[-1]]
        ce = max(ce, last.close_end) if last.close_end <= view.ends[min(b, view.n - 1)] else ce
    return RawQuote(cs, ce, kind, cue, a, b, view.sent_of[a], view.para_of_sent[view.sent_of[a]],
                    quote_before_cue=a < cue.start, segments=[segs[k] for k in inside]), inside


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
        if c.frame in _NO_QUOTE_FRAMES and not (c.frame == "according" and _according_beside(view, c, a, b)):
            continue
        if c.lemma in _ADDRESSEE_INFINITIVE or c.lemma in _DIRECT_COMPLEMENT:
            continue  # "offered a 'same-sex union'", "encouraged 'blasphemers'": no quotation's cue
        if c.start >= b:
            d = c.start - b
            # another quotation between: "“A,” he said. “B”" is not B's cue
            if _ranges(seg_toks).any_within(b, c.start):
                d += 25
            if d < best_d:
                best, best_d, before = c, d, True
        elif c.end <= a:
            d = a - c.end
            if c.frame in _NAMING_FRAMES:
                d = max(0, d - 3)
            if d < best_d:
                best, best_d, before = c, d, False
    if best is None and s_close + 1 < len(view.sent_starts) and view.sent_starts[s_close + 1] in (b + 1, b + 2):
        # '“Does anybody know?” Graham asked.': the sentence splitter ended the sentence at ?”
        for c in cues[bisect_right(cues, b, key=_cue_start) : bisect_right(cues, b + 6, key=_cue_start)]:
            if (c.start > b and view.sent_of[c.start] == s_close + 1 and c.start - b <= 6 and c.frame not in _NO_QUOTE_FRAMES
                    and c.lemma not in _ADDRESSEE_INFINITIVE and c.lemma not in _DIRECT_COMPLEMENT
                    and view.para_of_sent[s_close + 1] == view.para_of_sent[s_close]
                    and not (view.words[b - 1] == "." and _frames_own_content(view, c))):
                best, best_d, before = c, c.start - b, True
                break
    if best is not None and best_d > 12:
        # '"...," Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said'
        closes_comma = view.words[b - 1] == "," or (b + 1 < view.n and view.words[b + 1] == ",")
        if not (before and closes_comma and best_d <= 30) and not (not before and _opens_after_frame(view, best, a) and best_d <= 30):
            return None, False
    return best, before


def _opens_after_frame(view: TextView, cue: Cue, a: int) -> bool:
    """Whether the quotation whose words start at token ``a`` opens after a comma or colon that
    ends its cue's frame, with only adverbials between them ('Sen. Ron Johnson said in an op-ed
    piece before a 2014 Senate hearing, “...”'): no quotation mark, no verb and no clause word."""
    o = a - 1
    words, lowers = view.words, view.lowers
    if o < 1 or words[o] not in _OPEN_MARKS or words[o - 1] not in {",", ":"}:
        return False
    for t in range(cue.end, o - 1):
        if words[t] in _OPEN_MARKS or words[t] in _CLOSE_MARKS or lowers[t] in {"that", "which", "who", "when", "while", "because", "if"}:
            return False
        if _finite_at(lowers, t, o - 1, weak=True):
            return False
    return True


def _frames_own_content(view: TextView, c: Cue) -> bool:
    """Whether the cue ``c`` goes on to its own content in its sentence (a clause, a colon or a
    quotation: 'campaign." Ohio Gov. John Kasich said he would have fired him', 'terrorists."
    Mr. Zahed said: "..."') rather than ending a bare attribution ('missing." Trump said.')."""
    b = view.sent_bounds(view.sent_of[c.start])[1]
    rest = view.words[c.end : b]
    return len(rest) > 5 or any(w in _OPEN_MARKS or w == ":" for w in rest)


#: cue frames that never introduce a quotation in marks ("according to" has its own clause rule,
#: and is a quotation's cue only right beside it: :func:`_according_beside`)
_NO_QUOTE_FRAMES = frozenset({"according", "clause", "noun"})
#: longest source phrase between "according to" and the quotation it introduces, in tokens
_ACCORDING_REACH = 12


def _according_beside(view: TextView, cue: Cue, a: int, b: int) -> bool:
    """Whether the "according to" cue stands right beside the quotation in marks whose words are
    tokens ``[a, b)``: after it, only its closing mark and a comma between ('"...," according to
    Judicial Watch'), or before it, its source phrase and a comma or colon before the opening mark
    ('According to the Daily Caller, "..."')."""
    words = view.words
    if cue.start >= b:
        return 0 < cue.start - b <= 3 and all(words[t] in _CLOSE_MARKS or words[t] == "," for t in range(b, cue.start))
    o = a - 1
    if cue.end > o or o - cue.end > _ACCORDING_REACH or words[o] not in _OPEN_MARKS or words[o - 1] not in {",", ":"}:
        return False
    return not any(words[t] in _OPEN_MARKS or words[t] in _CLOSE_MARKS for t in range(cue.end, o - 1))
#: cue frames of naming ("called X 'Y'", "described X as 'Y'", "accused X of ..."): the quotation
#: follows the cue, a few words after it
_NAMING_FRAMES = frozenset({"name", "as", "accuse"})
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
_TITLE_SMALL = word_set("title_small_words.txt")
#: what introduces a title: a naming participle ("a book titled"), a work ("the movie, ...")
_TITLE_INTRO = word_set("title_intros.txt")


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


#: longest object between "called" and the quoted words that name it ('called the judge's
#: remarks about the case "racist"')
_NAMING_REACH = 12


def _is_speech(view: TextView, seg: QuoteSegment, a: int, b: int, cue: Cue | None, n_words: int, seg_toks, k: int) -> bool:
    """Scare quotes and titles are not quotations; long segments and cued short ones are."""
    words = view.words
    if _is_title(view, a, b):
        return False
    if n_words >= 5 and cue is not None:
        return True
    if cue is not None:
        # naming constructions: called X "Y", described X as "Y"; or "X said, 'Y'"
        if cue.frame in _NAMING_FRAMES:
            if cue.frame == "as" and cue.lemma != "describe" and "as" not in view.lowers[cue.end:a]:
                # "referred to Rubio's appearance on 'The Megyn Kelly Show'": a title; only
                # "describe" also takes quoted words as its object ("described 'insane' heat")
                return False
            # the object may be longer without a verb or a comma: 'called Trump's statements and
            # actions on Sunday "childish."'
            return cue.end <= a and (a - cue.end <= 6 or (a - cue.end <= _NAMING_REACH and cue.lemma == "call"
                                                           and not any(w in {",", ";", ":"} or w in _CLOSE_MARKS for w in words[cue.end : a - 1])
                                                           and not _has_finite(view, cue.end, a - 1)))
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
    if starts_sentence and 2 <= n_words < 5 and words[b - 1] in {".", "!", "?"} and words[a][:1].isupper() and _after_speech(view, seg_toks, k):
        return True  # '..." he said. "They see that."': a short sentence continuing the speech before it
    return n_words >= 5 and starts_sentence or n_words >= 8


def _after_speech(view: TextView, seg_toks, k: int) -> bool:
    """Whether quoted segment ``k`` follows, in the same paragraph and the sentence after, the
    sentence of the quoted segment before it (a speaker's speech goes on: '"...," he said.
    "They see that."')."""
    if k == 0:
        return False
    a, _ = seg_toks[k]
    pa, pb = seg_toks[k - 1]
    if pa >= pb or pb >= view.n:
        return False
    s, ps = view.sent_of[a], view.sent_of[min(pb, view.n - 1)]
    return s - ps in (0, 1) and view.para_of_sent[s] == view.para_of_sent[ps] and pb - pa >= 5


def _reported_clause(view: TextView, cue: Cue, cues: list[Cue], seg_toks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Token range of the clause ``cue`` reports, or None."""
    sent = view.sent_of[cue.start]
    sa, sb = view.sent_bounds(sent)
    lowers = view.lowers
    words = view.words
    end = _clause_end(view, cue, cues, sb)
    if cue.frame == "according":
        return _according_clause(view, cue, sa, sb, end)
    if cue.frame == "noun":
        # "the claim that the vote was rigged"; not a relative clause ("a statement that was read")
        i = cue.end + 1
        if i < end and (lowers[i] in _CLAUSE_START or words[i][:1].isupper() or words[i][:1].isdigit()) and _clause_ahead(view, i, end):
            return _checked(view, i, end)
        return None
    i = cue.end
    if cue.start == sa or (lowers[cue.start - 1] == "to" and not _speech_infinitive(view, cue)):
        return None  # no subject ("Asked whether ...") or an infinitive ("to maintain")
    if _addressed_subject(view, cue, sa):
        return None  # an interviewer's question or remark: "How would you describe ...", "You suggest ..."
    if lowers[cue.start] == cue.lemma and all(lowers[t] in _ADVERBS or lowers[t] in {"please", "and", "so"} for t in range(sa, cue.start)):
        return None  # an imperative: "Now tell us this isn't a witch hunt"
    if cue.frame in ("say", "name") and cue.end < end:
        extracted = _extracted_object(view, cue, sa, end)
        if extracted is not None:
            return extracted
    if cue.frame in ("say", "obj", "clause"):
        # fronted content: "CONTENT, X said." / "CONTENT, said X."
        if cue.start > sa + 3:
            k = cue.start - 1
            while k > sa and k > cue.start - _FRAME_SUBJECT_REACH and words[k] != ",":
                k -= 1
            if words[k] == "," and k >= sa + 3 and _fronted_frame(view, cue, k, sb):
                ca = _content_start(view, sa, k)
                starts_quoted = words[ca] in _OPEN_MARKS and _ranges(seg_toks).any_within(ca, k)
                if not _ranges(seg_toks).covers(k, k) and view.lowers[k - 1] not in {"and"} and not starts_quoted:
                    content_end = _quoted_content_end(view, ca, k)
                    if words[content_end - 1] in {"”", '"', "''"} and words[ca] in _OPEN_MARKS:
                        return None  # a direct quotation, handled elsewhere
                    return _checked(view, ca, content_end)
        # a cue right after a closing quotation mark introduces no clause ("...,” said Moon, an ...")
        if cue.start - 1 >= sa and words[cue.start - 1] in {"”", '"', "''"}:
            return None
        # a comma right before the cue ends content before an inverted frame ("..., said Ruiz"),
        # unless it closes an appositive of a subject with no verb before ("Chris Ruiz, a
        # supporter, said Trump ...")
        after_comma = cue.start - 1 >= sa and words[cue.start - 1] == "," and not (
            "," in words[max(sa, cue.start - 9) : cue.start - 1] and not _has_finite(view, sa, cue.start - 1))
        intent = _intent_infinitive(view, cue, end)
        if intent is not None:
            return intent
        # "that" within a few tokens; a finding verb takes it only right after ("found that", not
        # "found jobs that")
        for t in range(i, min(i + (1 if cue.frame == "clause" else 9), end)):
            if lowers[t] == "that":
                if t > i and lowers[t - 1] in {"and", "but", "or"}:
                    break  # "said the tax was unfair and that ...": a second clause
                nxt = lowers[t + 1] if t + 1 < end else ""
                if t > i and (nxt in AUXILIARIES or is_past_form(nxt, alpha_only=False)):
                    break  # "tweeted about the riots that followed ...": a relative clause
                k = bisect_left(cues, t - 1, key=_cue_start)
                if k < len(cues) and cues[k].start == t - 1 and cues[k].frame == "noun":
                    break  # "denied allegations that ...": the noun's clause
                if t > i and lowers[t - 1] in _PREPOSITIONS_BEFORE_THAT:
                    break  # a determiner: "said she was not going to jump to that conclusion"
                if not any(words[u] in {",", "“", '"', ";"} for u in range(i, t)):
                    that_clause = _checked(view, t + 1, end)
                    if that_clause is not None:
                        return that_clause
                break
        # skip adverbials and an object: said (on Monday) (in a statement) (to reporters) (that) ...
        steps = 0
        while i < end and steps < 10:
            w = lowers[i]
            if w == "that":
                return _checked(view, i + 1, end)
            # "this" heads an adverbial only before a time word ("said this week"), not as a
            # subject ("claimed this is a move ...")
            adverbial_head = w in _ADVERBIAL_HEADS and not (w == "this" and (i + 1 >= end or lowers[i + 1] not in _TIME_WORDS))
            if cue.frame == "obj" or adverbial_head or w in _TIME_WORDS or words[i][:1].isdigit() or (w in {"the", "a", "an", "reporters", "journalists", "his", "her", "their"} and cue.frame == "obj"):
                i += 1
                steps += 1
                continue
            if w in {"jan.", "feb.", "nov.", "dec.", "oct.", "sept."}:
                i += 1
                steps += 1
                continue
            break
        if cue.frame == "obj":
            return _object_clause(view, cue, end)
        # a relative clause: "which his wife said was due to ...", "which NASA said might take place"
        rel = _relative_subject(view, cue, sa)
        if cue.end < end and rel is not None and (_finite_at(lowers, cue.end, end) or (
                # "which he said runs the risk ...", "that courts said discriminated against ..."
                cue.lemma in _ZERO_THAT and not lowers[cue.start].endswith("ing")
                and (_finite_at(lowers, cue.end, end, weak=True) or _present_s(view, cue.end)))):
            e = end
            if rel > sa and words[rel - 1] == ",":  # ", which X said VP," ends at its comma
                e = next((t for t in range(cue.end, end) if words[t] == ","), end)
            return _checked(view, cue.end, e)
        # a clear clause after the verb and its adverbials: "the judge ruled the new tax violated
        # ...", "said on Sunday, the 36 people infected included ...", "announced on Twitter the
        # agency would investigate"
        if cue.end < end and cue.lemma not in _NO_ZERO_THAT and _subject_before(view, cue):
            j = _after_adverbials(view, cue.end, end)
            if _clause_ahead(view, j, end):
                return _checked(view, j, end)
            if cue.lemma in _REPORTS_INFINITIVE and j == cue.end and lowers[j] == "to" and j + 1 < end and words[j + 1].islower() and lowers[j + 1] not in _FUNCTION_WORDS:
                return _checked(view, j, end)  # "claimed to have no memory of ..."
            if cue.lemma in _OBJECT_TO_BE and _object_to_be(view, j, end):
                return _checked(view, j, end)  # "declared the outbreak to be a pandemic"
            if cue.lemma in _GERUND_OBJECT and _gerund_at(view, j, end):
                # "reported finding 328 more emails", "recalled going to conventions": up to a comma
                return _checked(view, j, next((t for t in range(j, end) if words[t] == ","), end))
        if cue.lemma not in _ZERO_THAT:
            return None
        if i < end and words[i] not in _OPEN_MARKS and (
            # "..., said he ..." is an inverted frame; "..., saying they infringe ..." never is
            (lowers[i] in _CLAUSE_START and not (after_comma and lowers[i] in SUBJECT_PRONOUNS and not _aux_within(lowers, i + 1, end, 1)
                                                 and not lowers[cue.start].endswith("ing")))
            or (words[i][:1].isupper() and not after_comma)
            or (lowers[i] not in _NO_CLAUSE_START and _aux_within(lowers, i + 1, end, 4))
        ):
            if i > cue.end and lowers[cue.end] == ",":
                return None
            if i > cue.end and not (lowers[i] in SUBJECT_PRONOUNS or _aux_within(lowers, i, end, 5)):
                return None  # "said at a Washington event"
            if cue.lemma in _ZERO_THAT_NEEDS_VERB and not _clause_ahead(view, i, end):
                return None  # "reported the incident to the police"
            if (lowers[i] in DETERMINERS and not _has_finite(view, i, min(end, i + 20))
                    and not _ranges(seg_toks).any_within(i, end)):
                return None  # "argued his history of mental illness": an object, no clause
            if end - i >= 3:
                return _checked(view, i, end)
        return None
    if cue.frame == "to":
        if lowers[cue.start - 1] == "when":
            return None  # "when asked whether ...": the speaker is asked
        if cue.lemma in _ADDRESSEE_INFINITIVE or cue.lemma in _DIRECT_COMPLEMENT:
            return _tagged_infinitive(view, cue, end)
        for t in range(i, min(i + 8, end)):
            if (lowers[t] == "to" and t + 1 < end and lowers[t + 1].isalpha() and words[t + 1][:1].islower()
                    and lowers[t + 1] not in _FUNCTION_WORDS):  # "urged them to leave", not "to the court"
                return _checked(view, t, end)
            if lowers[t] == "that":
                return _checked(view, t + 1, end)
        return None
    if cue.frame == "as":
        if cue.lemma in _ADDRESSEE_INFINITIVE and (
                i >= end or lowers[i] == "as" or lowers[cue.start - 1] in BE_FORMS or lowers[cue.start - 1] in {"been", "being", "get", "got"}):
            return None  # "was identified as Ana Ruiz": a passive, no object
        for t in range(i, min(i + 10, end)):
            if lowers[t] == "as":
                if cue.lemma in _ADDRESSEE_INFINITIVE and (t + 1 >= end or lowers[t + 1] in {"well", "much", "many", "soon", "long"}
                                                           or _clause_ahead(view, t + 1, end)):
                    return None  # "cast their ballots as the sun rose": "as" opens a clause
                return _checked(view, i, end)
        return None
    if cue.frame == "accuse":
        k = cue.start - 1
        while k > sa and lowers[k] in _ADVERBS:
            k -= 1
        if lowers[k] in BE_FORMS and not lowers[cue.start].endswith("ing") and "by" not in lowers[cue.end:end]:
            return None  # "He was also accused of defrauding clients": a charge with no accuser named
        for t in range(i, min(i + 8, end)):
            if lowers[t] in ("of", "for") and t + 1 < end and lowers[t + 1].endswith("ing"):
                return _checked(view, t + 1, end)
        return None
    if cue.frame == "name":
        return _named_object(view, cue, end)
    return None


#: objects of a naming verb that may take an unquoted complement ("called him divisive")
_NAMED_PRONOUNS = frozenset({"him", "her", "them", "it", "this", "himself", "herself", "themselves"})
#: longest name or description a naming verb's object spans, in tokens
_NAMED_OBJECT_REACH = 8


def _named_object(view: TextView, cue: Cue, end: int) -> tuple[int, int] | None:
    """The object and unquoted complement of an active naming verb ("called him divisive", "calling
    Senate Majority Leader Mitch McConnell a liar", "called the notion of man-made warming a hoax",
    "calling them rapists"), up to a comma or the clause's end: an object pronoun, a name or "the"
    and a few words, then "a"/"an", an adjective (maybe after "very") or, after a pronoun, a plural
    noun; never a passive, a preposition ("called Nevada for Biden") or a quotation mark."""
    lowers, words = view.lowers, view.words
    if cue.start == 0 or lowers[cue.start - 1] in BE_FORMS or lowers[cue.start - 1] in {"so", "been", "being", "get", "got"}:
        return None  # "was called ...", "the so-called ..."
    if not _subject_before(view, cue):
        return None
    i = cue.end
    if i >= end:
        return None
    if lowers[i] in _NAMED_PRONOUNS:
        j = i + 1
    elif lowers[i] == "the" or words[i][:1].isupper():
        j = i + 1
        while j < end and j - i <= _NAMED_OBJECT_REACH and (words[j][:1].isupper() if lowers[i] != "the" else words[j].isalpha() and words[j].islower()
                                                           and lowers[j] not in _FUNCTION_WORDS
                                                           and not (is_adjective(lowers[j]) and not lowers[j].endswith("ing")
                                                                    and not _attributive(view, j, end))
                                                           or lowers[j] in {"of", "-"} and lowers[i] == "the"):
            j += 1
        if lowers[i] == "the" and j == i + 1:
            return None
    else:
        return None
    if j >= end:
        return None
    w = lowers[j]
    if w in {"a", "an"}:
        ok = j + 1 < end and words[j + 1].isalpha() and words[j + 1].islower()
    else:
        k = j + 1 if w == "very" else j
        nxt = lowers[k + 1] if k + 1 < end else ""
        # a predicative adjective ("divisive and ...", "unfit for ..."), not one before a noun
        # ("called Iowa Republican primary voters"); after a pronoun also a plural noun ("them rapists")
        predicative = nxt in {"", ",", ";", ":", ".", "and", "or", "but", "for", "to", "in", "on", "because", "after", "when", "while"}
        ok = k < end and words[k].islower() and lowers[k] not in _FUNCTION_WORDS and not lowers[k].endswith("ed") and (
            (is_adjective(lowers[k]) and predicative) or (k == j and lowers[i] in _NAMED_PRONOUNS - {"her", "this"} and _plural_s(lowers[k])))
    if not ok:
        return None
    e = next((t for t in range(j, end) if words[t] in {",", ";", ":"} or words[t] in _OPEN_MARKS or (lowers[t] == "and" and t + 1 < end and _finite_at(lowers, t + 1, end, weak=True))), end)
    if any(words[t] in _OPEN_MARKS or words[t] in _CLOSE_MARKS for t in range(i, e + 1 if e < end else e)):
        return None  # 'called her actions "extremely careless"': the quoted words are the quotation
    a, b = _trim_tokens(view, i, e)
    return (a, b) if b - a >= 2 else None  # "him divisive": two words are enough here


def _attributive(view: TextView, j: int, end: int) -> bool:
    """The adjective at token ``j`` stands before a noun of its phrase ("global warming"): a
    lowercase word follows that is no function word."""
    nxt = view.words[j + 1] if j + 1 < end else ""
    return nxt.isalpha() and nxt.islower() and nxt.lower() not in _FUNCTION_WORDS


def _plural_s(w: str) -> bool:
    """A lowercase plural-looking noun ("rapists", "criminals"), not a function word."""
    return len(w) > 4 and w.isalpha() and w.endswith("s") and not w.endswith(("ss", "us", "is")) and w not in _FUNCTION_WORDS


#: nouns of intent whose infinitive a reporting verb reports ("stated her intention to ...")
_INTENT_NOUNS = word_set("intent_nouns.txt")


def _intent_infinitive(view: TextView, cue: Cue, end: int) -> tuple[int, int] | None:
    """The infinitive of a noun of intent right after the cue, maybe after a possessive: "stated
    her intention to endorse a rival", "announced plans to leave the market", "declared intent to
    impose stricter sentences" (a noun with a content clause, ANNOTATION.md rule 1)."""
    lowers = view.lowers
    i = cue.end
    if i < end and lowers[i] in POSSESSIVE_DETERMINERS:
        i += 1
    if i + 1 < end and lowers[i] in _INTENT_NOUNS and _infinitive_at(view, i + 1, end):
        return _checked(view, i + 1, end)
    return None


#: "to" and "as" verbs that report only after an object, in the active voice ("encouraged allies
#: to ...", "dismissed the claim as groundless")
_ADDRESSEE_INFINITIVE = reporting_verbs_with("addressee")
#: "to" verbs whose infinitive or that-clause follows at once ("proposed to ...", "requested that ...")
_DIRECT_COMPLEMENT = reporting_verbs_with("direct")
#: prepositions that end an addressee before an infinitive could follow
_OBJECT_BREAKERS = frozenset("from of in on at for with about into by".split())
#: longest words between an addressee and its infinitive ("allies such as Germany to ...")
_ADDRESSEE_REACH = 4


def _infinitive_at(view: TextView, t: int, end: int) -> bool:
    """Token ``t`` is "to" before a verb's base form: a lowercase word that is no function word
    and no plural or "-ing" form ("to restrict", not "to the court", "to jumbo jets")."""
    if t + 1 >= end or view.lowers[t] != "to":
        return False
    w = view.words[t + 1]
    return (w.isalpha() and w.islower() and w not in _FUNCTION_WORDS and not w.endswith("ing")
            and not (w.endswith("s") and not w.endswith("ss")))


def _tagged_infinitive(view: TextView, cue: Cue, end: int) -> tuple[int, int] | None:
    """The infinitive or that-clause of a "to" verb tagged ``addressee`` (after an object, in the
    active voice: "invited the countries to open dialogue", "pressured the board to oust ...") or
    ``direct`` (right after the verb: "proposed to set limits", "requested that the fires be
    added ...")."""
    lowers = view.lowers
    i = cue.end
    if cue.lemma in _DIRECT_COMPLEMENT:
        if i < end and lowers[i] == "that":
            return _checked(view, i + 1, end)
        return _checked(view, i, end) if _infinitive_at(view, i, end) else None
    if not lowers[cue.start].endswith("ing") and (lowers[cue.start - 1] in BE_FORMS or lowers[cue.start - 1] in {"been", "being", "get", "got"}):
        return None  # a passive: the addressee is the subject
    ends = _addressee_ends(view, i, end)
    first = ends[0] if ends else i + 1  # an object of a few words: "commercial entities to ..."
    for t in range(first, min(end, first + _ADDRESSEE_REACH + 1)):
        if view.words[t] in {",", ";", ":", "."} or view.words[t] in _OPEN_MARKS or lowers[t] in _OBJECT_BREAKERS:
            break  # "encourage exports from toys to jumbo jets": "to" of a prepositional phrase
        if _infinitive_at(view, t, end):
            return _checked(view, t, end)
    return None


#: speech verbs whose infinitive reports a clause ("went on to say that ...", "continued to say he ...")
_SPEECH_INFINITIVES = frozenset({"say", "tell", "argue", "claim"})
#: verbs before "to" whose infinitive reports nothing ("declined to say whether ...")
_REFUSALS = frozenset("refuse refused refuses refusing decline declined declines declining not never".split())


def _speech_infinitive(view: TextView, cue: Cue) -> bool:
    """Whether "to CUE" is a speech verb's infinitive that reports its clause: "say", "tell",
    "argue" or "claim" after "to", not after a refusal ("declined to say"), with "that" or
    (for "say") a clause's first word right after it, not a question word ("too early to say
    whether ...")."""
    lowers = view.lowers
    if cue.lemma not in _SPEECH_INFINITIVES or cue.start < 2 or lowers[cue.start - 2] in _REFUSALS:
        return False
    nxt = lowers[cue.end] if cue.end < view.n else ""
    if cue.frame == "obj":
        return any(lowers[j] == "that" for j in _addressee_ends(view, cue.end, view.n)[:1])
    return nxt == "that" or (cue.lemma == "say" and nxt not in WH_WORDS and nxt not in {"whether", "if"}
                             and (nxt in SUBJECT_PRONOUNS or nxt in _CLAUSE_START))


#: prepositions after which "that" is a determiner or a pronoun, never a complementizer
_PREPOSITIONS_BEFORE_THAT = frozenset("to of in on at for with by from about into over under after before like".split())


_NO_CLAUSE_START = frozenset(
    "to for with by of in on at from as but and or so than into over under through via during after before "
    "since until while when because if , . ; : — – - ( ) “ ” \" '' ‘ ’".split()
)


def _aux_within(lowers: list[str], i: int, end: int, k: int) -> bool:
    """An auxiliary or modal among the ``k`` tokens from ``i`` (a cheap finite-clause test)."""
    for t in range(i, min(end, i + k)):
        if lowers[t] in AUXILIARIES:
            return True
        if lowers[t] in {",", ".", ";", ":"}:
            return False
    return False


def _finite_within(lowers: list[str], i: int, end: int, k: int) -> bool:
    """An auxiliary, a modal or a past-tense-looking verb (a regular "-ed" form, hyphenated ones
    included: "re-elected") among the ``k`` tokens from ``i``."""
    for t in range(i, min(end, i + k)):
        w = lowers[t]
        if w in AUXILIARIES or is_ed_form(w, alpha_only=False):
            return True
        if w in {",", ".", ";", ":"}:
            return False
    return False


#: words after which an "-ed" form is an adjective or a participle, not a finite verb
_BEFORE_PARTICIPLE = frozenset(
    "the a an this that these those his her its their our my your of in on at by with for from to as "
    "is are was were be been being has have had get got newly recently".split()
)
#: prepositions after which an "-ed" form heads a reduced relative ("soldiers killed in the ambush")
_AFTER_PARTICIPLE = frozenset("in on at by during near after while from with into under over for against".split())
#: what may not open the rest after a parenthetical frame: an appositive, an "-ing" phrase
_NO_REST_START = frozenset("who which whose according as while although though because since so if".split())
_NAMING_PARTICIPLES = word_set("naming_participles.txt")
#: words an "-ed" verb may be followed by (a noun after it makes it an adjective)
_FUNCTION_WORDS = frozenset(
    "the a an this that these those his her its their our my your some any all no every each both "
    "to and or but as than not also still only just again in on at by with for from of into over under "
    "about after before during through against between among up down out off away back there here "
    "he she it they we i you him them us me".split()
)
_CLAUSE_STOPS = frozenset({";", ":", ".", "!", "?", "(", ")", "“", "”", '"', "''", "``", "‘", "’", "—", "–", "-", "--"}) | frozenset(
    "so because although though since until unless whereas but while if before after as".split())
#: reporting verbs that take a quotation or a that-clause but never a clause without "that"
_NO_ZERO_THAT = reporting_verbs_with("no-zero-that")
_ADVERBS = word_set("preverbal_adverbs.txt")


#: determiners that are also pronouns, so may be a clause's subject ("this is ...")
_DEMONSTRATIVES = frozenset({"this", "these", "those"})
#: auxiliaries that are also nouns after a determiner ("this need", "his will")
_NOUN_AUXILIARIES = frozenset({"need", "needs", "needed", "will"})


def _finite_at(lowers: list[str], t: int, end: int, weak: bool = False) -> bool:
    """Token ``t`` looks like a finite verb: an auxiliary or modal, an irregular past form, or an
    "-ed" form that is neither an adjective ("the infected people", "300 confirmed cases") nor a
    reduced relative ("soldiers killed in the ambush"); ``weak`` accepts an "-ed" form before a
    preposition ("the quake occurred at ...")."""
    w = lowers[t]
    if w in POSSESSIVE_MARKS:
        return t > 0 and lowers[t - 1] in SUBJECT_PRONOUNS | {"there", "that", "what"}  # "he's", not "Wednesday's"
    prev = lowers[t - 1] if t > 0 else ""
    if prev in _DEMONSTRATIVES and w in AUXILIARIES and w not in _NOUN_AUXILIARIES:
        return True  # a demonstrative subject: "this is a move by Johnson", "those were lies"
    if prev in DETERMINERS:
        return False  # "the need", "a set": a noun
    if w in AUXILIARIES:
        return True
    # four letters are enough here ("died", "fled"); "-eed" words are left out as nouns ("need", "seed")
    past = is_irregular_past(w)
    if not past and not (is_ed_form(w, min_len=4) and not w.endswith("eed")):
        return False
    if prev in _BEFORE_PARTICIPLE or prev in _AFTER_PARTICIPLE or prev[:1].isdigit() or prev in NUMBER_WORDS:
        return False  # "into advanced age", "300 confirmed cases", "one paid staffer"
    if past:
        return True
    nxt = lowers[t + 1] if t + 1 < end else ""
    if w in _NAMING_PARTICIPLES or nxt in _OPEN_MARKS:
        return False  # "an account called 'X'"
    after = lowers[t + 2] if t + 2 < end else ""
    if (nxt.isalpha() and nxt.islower() and nxt not in _FUNCTION_WORDS and t > 1 and lowers[t - 2] in DETERMINERS
            and after.isalpha() and after not in _FUNCTION_WORDS):
        return False  # an adjective before a noun: "a large pledged delegate lead"
    return nxt not in _AFTER_PARTICIPLE or weak


def _addressee_ends(view: TextView, i: int, end: int) -> list[int]:
    """Where the addressee of "told" starting at token ``i`` may end, shortest first: a pronoun
    ("him"), a plural noun ("reporters"), a name ("CNN Philippines"; an acronym before a name
    ends at once: "NPR Hamza ..."), or a determiner with a name or one or two words ("the
    Associated Press", "the court", "the local paper")."""
    lowers, words = view.lowers, view.words
    if i >= end:
        return []
    w = lowers[i]
    if w in OBJECT_PRONOUNS:
        return [i + 1]
    k = i + 1 if w in DETERMINERS else i
    if k < end and words[k][:1].isupper():
        acronym = k == i and len(words[k]) > 1 and words[k].isupper() and k + 1 < end and words[k + 1][:1].isupper()
        while k < end and k - i < 6 and (words[k][:1].isupper() or (words[k] == "-" and k + 1 < end and words[k + 1][:1].isupper())):
            k += 1
        return ([k, i + 1] if acronym else [k]) + _described_name_ends(view, k, end, i)
    if k > i:
        return [j for j in (k + 1, k + 2) if j <= end and all(words[u].isalpha() and words[u].islower() for u in range(k, j))]
    return [i + 1] if w.isalpha() and words[i].islower() and w.endswith("s") else []


#: longest addressee of a name, a description and another name ("TheBlaze founder Glenn Beck")
_DESCRIBED_NAME_REACH = 7


def _described_name_ends(view: TextView, k: int, end: int, i: int) -> list[int]:
    """Longer ends of an addressee whose name at ``[i, k)`` a description and another name follow
    ("told TheBlaze founder Glenn Beck he would ...", "told Brussels-based media network EURACTIV
    safety procedure had been followed"): the token after each later capitalised word reached over
    lowercase content words and hyphens only, within :data:`_DESCRIBED_NAME_REACH` tokens."""
    words, lowers = view.words, view.lowers
    out = []
    t = k
    while t < end and t - i < _DESCRIBED_NAME_REACH:
        w = words[t]
        if w[:1].isupper() and w.isalpha():
            if t + 1 >= end or not words[t + 1][:1].isupper():
                out.append(t + 1)
        elif not (w == "-" or (w.isalpha() and w.islower() and lowers[t] not in _FUNCTION_WORDS and lowers[t] not in AUXILIARIES
                               and not _finite_at(lowers, t, end))):
            break
        t += 1
    return out


def _object_clause(view: TextView, cue: Cue, end: int) -> tuple[int, int] | None:
    """The clause of a verb with an addressee, without "that": "told reporters she would
    resign", "told the Military Times the attack began at 7:45" (the addressee is skipped),
    "advised residents to stay indoors" (an infinitive), "warned the delay could hurt
    security" (no addressee)."""
    lowers, words = view.lowers, view.words
    ends = _addressee_ends(view, cue.end, end)
    for j in ends:
        k = j
        while k < end and lowers[k] in _TIME_WORDS:
            k += 1
        if _clause_ahead(view, k, end):
            return _checked(view, k, end)
        a = _after_adverbials(view, j, end) if j < end else j  # "told reporters on Thursday he viewed ..."
        if a > k and words[a - 1] != "," and _clause_ahead(view, a, end):
            return _checked(view, a, end)
        if (k + 1 < end and words[k] == "," and k > cue.end and words[k - 1][:1].isupper()
                and lowers[k + 1] not in POSSESSIVE_DETERMINERS and _clause_ahead(view, k + 1, end)):
            return _checked(view, k + 1, end)  # a comma after a named addressee: "told CNN, neighbors tried ..."
    # an infinitive after the addressee: "advised residents to leave", "warned him not to go"
    for t in range(cue.end, min(cue.end + 8, end - 1)):
        if words[t] in {",", ";", ":"} or words[t] in _OPEN_MARKS or lowers[t] in {"of", "about"}:
            break  # "reminded voters of his plan to ...", "told of being forced to ..."
        nxt = lowers[t + 1]
        if t > cue.end and lowers[t] == "to" and nxt.isalpha() and words[t + 1].islower() and nxt not in _FUNCTION_WORDS:
            return _checked(view, t - 1 if lowers[t - 1] == "not" else t, end)
    # no addressee: "warned the delay could hurt ..."
    if (cue.lemma != "tell" and cue.end < end and (lowers[cue.end] in DETERMINERS or words[cue.end][:1].isupper())
            and _subject_before(view, cue) and _clause_ahead(view, cue.end, end)):
        return _checked(view, cue.end, end)
    return None


_ADVERBIAL_PREPOSITIONS = frozenset("on in at during via through over from to".split())


def _after_adverbials(view: TextView, i: int, end: int) -> int:
    """The first token after the adverbials that follow a cue at token ``i``: time words ("on
    Sunday", "last week", "yesterday morning"), a short prepositional phrase that a comma or a
    clause's first word ends ("in its report,", "on Twitter the agency ..."), "as of X," and the
    comma that closes them. ``i`` itself when nothing is skipped."""
    lowers, words = view.lowers, view.words
    start = i
    if i + 1 < end and words[i] == ",":
        i += 1  # "claimed, as of Thursday, it had ..."
    while i < end:
        w = lowers[i]
        if w in _TIME_WORDS or (words[i][:1].isdigit() and (len(w) == 4 or i + 1 < end and lowers[i + 1] in _TIME_WORDS)):
            i += 1  # "on Monday", "in 2019", "on 5 March"; not "said 18 people died"
            continue
        if w in {"this", "last", "next", "earlier", "later"} and i + 1 < end and lowers[i + 1] in _TIME_WORDS:
            i += 2
            continue
        if w == "as" and i + 1 < end and lowers[i + 1] == "of" or w in _ADVERBIAL_PREPOSITIONS:
            for j in range(i + 1, min(i + 7, end)):
                if words[j] == ",":
                    i = j
                    break
                if words[j] in _CLAUSE_STOPS or words[j] in _OPEN_MARKS:
                    return i
                if j >= i + 2 and (lowers[j] in DETERMINERS or lowers[j] in SUBJECT_PRONOUNS or words[j][:1].isupper()) and _clause_ahead(view, j, end):
                    return j
            else:
                return i
            continue
        if w == "," and i > start + 1:
            return i + 1
        break
    if words[start] == "," and (i == start + 1 or words[i - 1] != ","):
        return start  # a comma not closing an adverbial: no clause here
    return i


def _addressed_subject(view: TextView, cue: Cue, sa: int) -> bool:
    """Whether the cue's subject is the one addressed, "you" or "your ..." before it (auxiliaries
    and adverbs between: "How would you describe ...", "Your release mentioned ..."): in a news text
    outside quotation marks, an interviewer's words, which no quotation reports (ANNOTATION.md:
    questions put by the journalist are not annotated)."""
    lowers = view.lowers
    t = cue.start - 1
    while t > sa and (lowers[t] in AUXILIARIES or lowers[t] in _ADVERBS or lowers[t] == "not"):
        t -= 1
    if lowers[t] == "you":
        return True
    return any(lowers[k] == "your" for k in range(max(sa, t - 2), t))


#: verbs that also report their subject's infinitive ("claimed to have no memory of ...")
_REPORTS_INFINITIVE = reporting_verbs_with("infinitive")


#: verbs that also report a gerund object ("reported finding 328 more emails")
_GERUND_OBJECT = reporting_verbs_with("gerund")


def _gerund_at(view: TextView, t: int, end: int) -> bool:
    """Token ``t`` is a lowercase "-ing" verb with words after it: a gerund object ("having almost
    $19 million", "inventing a coating"), not a function word ("during") or the clause's end."""
    w = view.words[t] if t < end else ""
    return (t + 1 < end and len(w) > 4 and w.isalpha() and w.islower() and w.endswith("ing")
            and w not in _FUNCTION_WORDS and w not in {"during", "according", "following", "including", "regarding"})


#: verbs that report an object with "to be" ("declared the outbreak to be a pandemic")
_OBJECT_TO_BE = word_set("object_to_be_verbs.txt")


def _object_to_be(view: TextView, i: int, end: int, reach: int = 25) -> bool:
    """Tokens from ``i`` are an object and "to be" with a complement that is not a passive
    participle: "the outbreak, which causes the disease, to be a pandemic", "Hamza bin Laden to
    be dead", "them to be mercenaries"; not "the plan to be implemented"."""
    lowers, words = view.lowers, view.words
    if i >= end or not (lowers[i] in DETERMINERS or lowers[i] in OBJECT_PRONOUNS or words[i][:1].isupper()):
        return False
    for t in range(i + 1, min(end - 2, i + reach)):
        w = lowers[t]
        if w in {";", ":", "that", "."} or words[t] in _OPEN_MARKS:
            return False
        if w == "to" and lowers[t + 1] == "be":
            nxt = lowers[t + 2]
            return nxt.isalpha() and not is_past_form(nxt, min_len=0) and nxt not in _FUNCTION_WORDS - DETERMINERS
    return False


_WHAT = frozenset({"what"})
#: naming verbs whose object a free relative extracts ("what he called the worst crisis")
_EXTRACTED_NAMING = frozenset({"declare"})


def _present_s(view: TextView, t: int) -> bool:
    """Token ``t`` is a lowercase verb in the present third person ("runs", "makes"): an "-s"
    word that is no plural-looking function word."""
    w = view.words[t]
    return (len(w) > 3 and w.islower() and w.isalpha() and w.endswith("s") and not w.endswith(("ss", "us", "is"))
            and w not in _FUNCTION_WORDS and w not in word_set("not_plurals.txt"))


def _extracted_object(view: TextView, cue: Cue, sa: int, end: int) -> tuple[int, int] | None:
    """What a cue reports when its object is extracted: after "what X said" a verb phrase ("what
    she said is growing demand", "what analysts say was a sign of ..."); after "what X called" (or
    "declared") a noun phrase ("what he called the worst crisis in years", ANNOTATION.md rule
    1); after a subject with no relative pronoun, a modal or an auxiliary right after the cue ("a
    dynamic Greenberg said could drive moderates away"). The content ends at a comma."""
    lowers, words = view.lowers, view.words
    nxt = lowers[cue.end]
    zero_relative = cue.lemma == "say" and nxt in AUXILIARIES
    if not zero_relative and "what" not in lowers[max(sa, cue.start - 7) : cue.start]:
        return None  # the common case, decided at once
    rel = _relative_subject(view, cue, sa, relatives=_WHAT)
    e = next((t for t in range(cue.end, end) if words[t] == ","), end)
    if rel is not None:
        if cue.lemma in _ZERO_THAT and not lowers[cue.start].endswith("ing") and (
                _finite_at(lowers, cue.end, end, weak=True) or _present_s(view, cue.end)):
            return _checked(view, cue.end, e)
        if ((cue.frame == "name" or cue.lemma in _EXTRACTED_NAMING) and nxt not in _FUNCTION_WORDS - DETERMINERS
                and nxt.isalpha() and words[cue.end] not in _OPEN_MARKS and not any(words[t] in {"(", ")"} for t in range(cue.end, e))):
            return _checked(view, cue.end, e)
        return None
    if (zero_relative and nxt not in _NOUN_AUXILIARIES and not nxt.startswith(("do", "did"))
            and lowers[cue.start - 1] not in {"has", "have", "had"}
            and _subject_before(view, cue) and _relative_subject(view, cue, sa) is None
            and lowers[cue.start - 1] not in SUBJECT_PRONOUNS):
        return _checked(view, cue.end, e)
    return None


def _relative_subject(view: TextView, cue: Cue, sa: int, relatives: frozenset[str] = frozenset({"which", "who", "that"})) -> int | None:
    """The token of the relative pronoun the cue's subject follows ("which NASA said", "which his
    wife Bernadette said", "which they've said"): the reported clause is the relative clause's own
    verb phrase. None when there is none."""
    lowers = view.lowers
    k = cue.start - 1
    while k > sa and lowers[k] in {"has", "have", "had", "'ve", "’ve", "also", "previously", "earlier"}:
        k -= 1
    n = 0
    while k > sa and n < 5 and lowers[k] not in RELATIVES and lowers[k] not in relatives and view.words[k].isalpha() or lowers[k] in POSSESSIVE_MARKS:
        k -= 1
        n += 1
    return k if k >= sa and n >= 1 and lowers[k] in relatives else None


def _subject_before(view: TextView, cue: Cue) -> bool:
    """The verb ``cue`` has a subject of its own just before it (a name, a pronoun, a person or
    organization noun, a plural noun, a relative pronoun, maybe with an adverb or a perfect
    auxiliary between), or it is a participle after a comma (", saying he ..."). Excluded: a
    participle used as an adjective ("the total reported casualties", "a gunman claiming
    allegiance", "alleged fraudulent schemes")."""
    lowers, words = view.lowers, view.words
    form = lowers[cue.start]
    t = cue.start - 1
    if form.endswith("ing"):
        return t >= 0 and (words[t] == "," or _with_subject(view, cue.start))
    while t > 0 and (lowers[t] in _ADVERBS or lowers[t] in {"has", "have", "had", "even", "barely"} or (lowers[t].endswith("ly") and words[t].islower())):
        t -= 1
    if t < 0:
        return False
    w = lowers[t]
    if w in SUBJECT_PRONOUNS or w in {"who", "which", ")", ","} or words[t][:1].isupper():
        return True  # ",": after an appositive ("Ruiz, the mayor, announced ...")
    if w == "and":
        return form != "alleged" and form not in NOUNISH
    if not w.isalpha() or w in _FUNCTION_WORDS:
        return False
    # a plural noun ("officials"), a person or organization noun, or a determiner and a noun ("the navy")
    return (w.endswith("s") and w not in BE_FORMS) or w in _speaker_nouns() or (t > 0 and lowers[t - 1] in DETERMINERS)


#: longest subject of an absolute "with X saying ..." phrase, in tokens
_WITH_SUBJECT_REACH = 6


def _with_subject(view: TextView, i: int) -> bool:
    """The "-ing" cue at token ``i`` has its subject in an absolute phrase: "with X" right before
    it, X a short noun phrase without a verb or a comma ("..., with officials saying ...", "with
    an Air Force survey finding ...", "with Senator McCain telling reporters ...")."""
    lowers, words = view.lowers, view.words
    sa = view.sent_bounds(view.sent_of[i])[0]
    for k in range(i - 2, max(sa - 1, i - 2 - _WITH_SUBJECT_REACH), -1):
        if lowers[k] == "with":
            return not _has_finite(view, k + 1, i)
        if not (words[k].isalnum() or lowers[k] in POSSESSIVE_MARKS or lowers[k] in {"-", "."}):
            return False
    return False


@lru_cache(maxsize=1)
def _speaker_nouns() -> frozenset[str]:
    return word_set("person_nouns.txt") | word_set("org_nouns.txt")


def _present_at(lowers: list[str], t: int, end: int) -> bool:
    """Token ``t`` looks like a verb in the present third person after a singular noun ("the fault
    makes the region unstable"): "-s" after a lowercase noun, before a determiner, a pronoun or "to"."""
    w, prev = lowers[t], lowers[t - 1]
    nxt = lowers[t + 1] if t + 1 < end else ""
    return (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) and w.isalpha()
            and prev.isalpha() and not prev.endswith("s") and prev not in _FUNCTION_WORDS and prev not in DETERMINERS
            and (nxt in DETERMINERS or nxt in OBJECT_PRONOUNS or nxt in {"to", "that", "it"}))


def _plural_present_at(lowers: list[str], words: list[str], t: int, end: int) -> bool:
    """Token ``t`` looks like a verb in the plain present after a plural noun ("the stores fill
    the shelves"): a lowercase word that is no function word, adverb or "-s"/"-ing"/"-ly" form,
    after a lowercase plural noun and before a determiner, an object pronoun, "to" or "that"
    ("strategists plan to secure ...")."""
    w, prev = lowers[t], lowers[t - 1]
    nxt = lowers[t + 1] if t + 1 < end else ""
    return (len(w) > 2 and w.isalpha() and words[t].islower() and not w.endswith(("s", "ing", "ly", "ed"))
            and w not in _FUNCTION_WORDS and w not in _AFTER_PARTICIPLE and w not in _ADVERBS and w not in DETERMINERS
            and w not in AUXILIARIES and w not in _TIME_WORDS
            and prev.isalpha() and words[t - 1].islower() and len(prev) > 3 and prev.endswith("s") and not prev.endswith(("ss", "us", "is"))
            and prev not in _FUNCTION_WORDS and (nxt in DETERMINERS or nxt in OBJECT_PRONOUNS or nxt in {"to", "that"}))


def _clause_ahead(view: TextView, i: int, end: int, reach: int = 14) -> bool:
    """Tokens from ``i`` read as a clause: a subject, then a finite verb within ``reach`` tokens
    ("the 36 people infected included ...", "loose cables in the tunnel led to ..."). An
    appositive or a relative clause set off by commas is skipped; a finite verb inside a relative
    clause ("a striker who scored twice") does not count."""
    lowers, words = view.lowers, view.words
    if (i >= end or words[i] in _OPEN_MARKS or lowers[i] in _NO_CLAUSE_START or lowers[i] in RELATIVES
            or lowers[i] in WH_WORDS or lowers[i] in _ADVERBS):
        return False
    if lowers[i] in SUBJECT_PRONOUNS or lowers[i] == "there":
        t = i + 1
        while t < end and lowers[t] in _ADVERBS:
            t += 1
        if t < end and (_finite_at(lowers, t, end) or (lowers[t].endswith("s") and lowers[t].isalpha() and lowers[i] not in {"i", "you", "we", "they"})):
            return True
        if t >= end or lowers[t] not in {"and", "or"}:
            return False  # "he and his wife tested positive": a coordinated subject
    if _finite_at(lowers, i, end):
        return False  # a verb right after the cue: no subject
    t = i + 1
    stop = min(end, i + reach)
    has_prep = False
    while t < stop:
        w = lowers[t]
        if w in _CLAUSE_STOPS and not (w == "-" and view.starts[t] == view.ends[t - 1]):
            return False  # a hyphen inside a word ("ballot-qualified") is no stop
        if w in RELATIVES or w == ",":
            # a relative clause or an appositive: skip to its closing comma
            if w == "," and not (t + 1 < end and (lowers[t + 1] in RELATIVES or lowers[t + 1] in {"the", "a", "an"} or words[t + 1][:1].isupper())):
                return False
            u = t + 1
            while u < end and lowers[u] != "," and lowers[u] not in _CLAUSE_STOPS:
                u += 1
            if u >= end or lowers[u] != ",":
                return False
            stop = min(end, stop + (u + 1 - t))
            t = u + 1
            continue
        if w in SUBJECT_PRONOUNS:
            return False  # a relative clause without "that": "the pledges he made"
        if lowers[t - 1] in {"and", "or"}:
            pass  # a second verb of the main clause: "mentioned the remarks and went on"
        elif _finite_at(lowers, t, end):
            return True
        if w in _AFTER_PARTICIPLE or w == "of":
            has_prep = True
        elif not has_prep and lowers[t - 1] not in {"and", "or"} and (_finite_at(lowers, t, end, weak=True) or _present_at(lowers, t, end)):
            return True  # "the first quake occurred at ...", "the fault makes the region ...": no preposition in the subject
        elif not has_prep and _plural_present_at(lowers, words, t, end):
            return True  # "the stores fill the shelves every night"
        t += 1
    return False


#: words that may open a sentence before "according to X, CONTENT" ("But according to ...")
_OPENING_CONJUNCTIONS = frozenset({"but", "and", "yet", "so", "still"})
#: longest adverbial before ", according to X, CONTENT" that opens with a time word, a number or
#: a preposition ("One Sunday in late 2001, according to ..."; others: four tokens)
_ACCORDING_ADVERBIAL = 6


def _according_clause(view: TextView, cue: Cue, sa: int, sb: int, end: int) -> tuple[int, int] | None:
    """The content "according to X" attributes: after the source when the cue opens the sentence or
    a part of it ("According to X, ...", "...; according to X, ...", "Since then, according to X,
    ..." after a short adverbial); before it after a comma ("..., according to X."); before it
    without a comma when the source ends the sentence and names a source ("... according to
    health officials.", not "according to plan")."""
    words = view.words
    ls = sa
    for t in range(cue.start - 1, sa, -1):
        if words[t] in {";", ":"}:
            ls = t + 1  # a semicolon or a colon opens a new part
            break
    prev = words[cue.start - 1] if cue.start > ls else ""
    # "..., and, according to X, CONTENT": the source opens the next clause
    opens = (cue.start == ls or prev in {"“", "—"} or (prev == "," and cue.start - 2 > ls and view.lowers[cue.start - 2] in {"and", "but"})
             or (cue.start == ls + 1 and view.lowers[ls] in _OPENING_CONJUNCTIONS))  # "But according to X, ..."
    first = view.lowers[ls]
    reach = _ACCORDING_ADVERBIAL if first in _TIME_WORDS or first in NUMBER_WORDS or first in _NO_CLAUSE_START else 4
    after_adverbial = (prev == "," and ls < cue.start - 1 <= ls + reach and not _has_finite(view, ls, cue.start - 1)
                       and _verb_after_source(view, cue, sa, sb) is None)  # not the subject of the verb after the source
    if opens or after_adverbial:
        for t in range(cue.end, end):
            if words[t] == ",":
                return _checked(view, t + 1, end)
        return None
    if view.lowers[ls] in SUBORDINATORS and "," not in words[ls : cue.start - 1]:
        # "While some writers mention X, according to Y ...": the content is not before; it is
        # after a main clause ("Before the pandemic, the crisis claimed 15,000 lives, according to X")
        return None
    if prev == ",":
        return _checked(view, ls, cue.start - 1)
    if prev.lower() not in {"and", "but", "or"} and cue.start - ls >= 3 and _names_a_source(view, cue.end, sb):
        return _checked(view, ls, cue.start)
    return None


def _verb_after_source(view: TextView, cue: Cue, sa: int, sb: int) -> int | None:
    """The first token of the verb phrase after a parenthetical "according to X," that stands
    between a subject without a verb and its verb ("Fundraising, according to the campaign, has
    surged ..."), or None."""
    lowers, words = view.lowers, view.words
    if cue.start - 1 <= sa or words[cue.start - 1] != "," or _has_finite(view, sa, cue.start - 1):
        return None
    if lowers[sa] in _NO_CLAUSE_START or lowers[sa] in SUBORDINATORS:
        return None
    c = next((t for t in range(cue.end, min(sb, cue.end + _ACCORDING_REACH)) if words[t] in {",", ";", ":", "—"}), None)
    if c is None or words[c] != "," or _has_finite(view, cue.end, c):
        return None
    r = c + 1
    while r < sb and lowers[r] in _ADVERBS:
        r += 1
    if r >= sb or not _finite_at(lowers, r, sb) or lowers[r] in _NOUN_AUXILIARIES:
        return None
    return r


def _according_rest(view: TextView, cue: Cue, cues: list[Cue], seg_toks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The verb phrase after a parenthetical "according to X" between a subject and its verb:
    "Fundraising, according to the campaign, has surged ...", "The firm's Polish arm, according
    to a daily, is too big to sell" (the subject before is reported by :func:`_according_clause`;
    ANNOTATION.md rule 4)."""
    sa, sb = view.sent_bounds(view.sent_of[cue.start])
    r = _verb_after_source(view, cue, sa, sb)
    if r is None:
        return None
    end = _clause_end(view, cue, cues, sb)
    if r >= end or _ranges(seg_toks).any_within(r, end):
        return None
    return _checked(view, r, end)


def _names_a_source(view: TextView, i: int, sb: int) -> bool:
    """Tokens from ``i`` to the sentence end (or a comma) are a short noun phrase naming a source:
    a name, or a person, organization or document noun ("health officials", "a police report")."""
    lowers, words = view.lowers, view.words
    nouns = _speaker_nouns()
    k = i
    while k < sb and words[k] not in {".", "!", "?", ",", ";"} and lowers[k] not in {"who", "which", "that"}:
        if k - i >= 8 or _finite_at(lowers, k, sb):
            return False
        k += 1
    toks = range(i, k)
    return k > i and any(words[t][:1].isupper() or lowers[t] in nouns or lowers[t].rstrip("s") in nouns for t in toks)


def _quoted_content_end(view: TextView, sa: int, comma: int) -> int:
    """End of fronted content before the frame's ``comma``: the quotation mark closing after a
    comma where the speaker's frame carries an appositive ('Lee “is tapping into it,” Dana Roe, a
    Lee supporter, told ...': the content ends at the mark, not at the appositive's comma)."""
    for m in range(comma - 1, max(sa, comma - 11), -1):
        if view.words[m] in _CLOSE_MARKS and view.words[m - 1] == ",":
            tail = view.words[m + 1 : comma]
            if (view.words[m] == "’" or any(w in _CLOSE_MARKS or w in _OPEN_MARKS for w in tail)
                    or not tail or not tail[0][:1].isupper() or "," not in tail):
                return comma  # not a name with an appositive ("..., suggesting he might ...")
            return m + 1
    return comma


def _parenthetical_rest(view: TextView, cue: Cue, cues: list[Cue], seg_toks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The content after a parenthetical frame: "The road will be examined, Ruiz said, to see if
    it failed", "In between, she testified, she was beaten" (the part before the frame is the
    fronted content of :func:`_reported_clause`). The frame is a short subject between commas and
    the verb (an optional time adverbial after it); what follows the second comma must not be
    another cue ("..., he said, adding ..."), a relative or an appositive, or a quotation."""
    lowers, words = view.lowers, view.words
    sent = view.sent_of[cue.start]
    sa, sb = view.sent_bounds(sent)
    k = cue.start - 1
    while k > sa and cue.start - k <= 6 and words[k] != ",":
        if lowers[k] in _NP_BREAKERS or words[k] in _CLAUSE_STOPS:
            return None
        k -= 1
    if k <= sa or words[k] != "," or k == cue.start - 1 or lowers[k + 1] in _NO_CLAUSE_START:
        return None
    c = cue.end
    while c < sb and (lowers[c] in _TIME_WORDS or words[c][:1].isdigit()):
        c += 1
    if c >= sb or words[c] != ",":
        return None
    r = c + 1
    while r < sb and lowers[r] in {"and", "but"}:
        r += 1
    end = _clause_end(view, cue, cues, sb)
    if r >= end or words[r] in _OPEN_MARKS or lowers[r] in RELATIVES or lowers[r] in _NO_REST_START:
        return None
    if _ranges(seg_toks).any_within(r, end) or not _subject_before(view, cue):
        return None
    if not (lowers[r] == "to" or _has_finite(view, r, min(end, r + 12))):
        return None  # "..., scientists report, a population larger than ..."
    i = bisect_left(cues, r, key=_cue_start)
    if i < len(cues) and cues[i].start == r:
        return None  # "..., he said, adding that ..."
    return _checked(view, r, end)


#: longest subject of an "as X said" frame, in tokens ("as the Washington Post's Ishaan Tharoor wrote")
_AS_SUBJECT_REACH = 8
#: longest tail of an "as X said" frame after its verb, in tokens ("as one aide told Palo Alto Weekly,")
_AS_TAIL_REACH = 8
#: what may stand between an "as" frame's subject and its verb ("as POLITICO has previously reported")
_AS_AUXILIARIES = frozenset({"has", "have", "had", "even", "recently", "previously", "first", "earlier", "often"})


def _as_frame_spans(view: TextView, cue: Cue, cues: list[Cue]) -> list[tuple[int, int]] | None:
    """The content of an "as X said" frame: after it when it opens its clause ("As The Washington
    Post reported, even if Sanders ...", "But as Clyburn noted, those voters ...", "As reported by
    Western Journalism, there are ..."), before it when a comma or a dash sets it off after a clause
    ("Her father grew up here, as she said at the outset"), on both sides in the middle of a clause
    ("... the only level that is, as news sources noted, completely democratic"). None when the
    cue is in no such frame (then the other rules apply); an empty list when the frame has no
    content. The frame is "as", a short subject (none for a passive "as reported by X"), the verb,
    and an addressee or adverbials up to a comma, a dash or the sentence end."""
    if cue.frame not in ("say", "obj", "clause"):
        return None
    lowers, words = view.lowers, view.words
    sa, sb = view.sent_bounds(view.sent_of[cue.start])
    if lowers[cue.start].endswith("ing") or cue.start <= sa:
        return None
    passive = lowers[cue.start - 1] == "as" and cue.end < sb and lowers[cue.end] == "by"
    t = cue.start - 1
    if not passive:
        while t > sa and lowers[t] in _AS_AUXILIARIES | _ADVERBS:
            t -= 1
        subj_end = t + 1
        while t > sa and lowers[t] != "as" and subj_end - t <= _AS_SUBJECT_REACH:
            if words[t] in _CLAUSE_STOPS or words[t] in {",", "(", ")"} or lowers[t] in RELATIVES or _finite_at(lowers, t, sb):
                return None
            t -= 1
        if lowers[t] != "as" or t + 1 >= subj_end:
            return None
        if not (words[t + 1][:1].isupper() or lowers[t + 1] in DETERMINERS or lowers[t + 1] in SUBJECT_PRONOUNS
                or lowers[t + 1] in NUMBER_WORDS or lowers[t + 1].endswith("s")) or lowers[t + 1] == "its":
            return None  # "as expected by ...": no subject; "as its name suggests": no source
    else:
        t = cue.start - 1
    # what precedes "as": the clause start (maybe a conjunction or an adverbial and a comma), a comma or a dash
    prev = lowers[t - 1] if t > sa else ""
    joined = prev in _OPENING_CONJUNCTIONS or prev == "however"
    if not (t == sa or prev in {",", "—", "–", "-", "--", "(", ";", ":"} or joined):
        return None  # "as bad as she said", "twice as much as analysts expected"
    # the frame's tail: an addressee or adverbials, then a comma, a dash or the sentence end
    k = cue.end
    if passive:
        k += 1
    elif cue.frame == "obj":
        ends = _addressee_ends(view, k, sb)
        if ends:
            k = ends[0]
    first = k
    while k < sb and words[k] not in {",", ".", "!", "?", ":", ";"} and words[k] not in _DASHES:
        if k == first and not (lowers[k] in _TIME_WORDS or lowers[k] in _FRAME_TAIL_STARTS or words[k][:1].isdigit() or passive):
            return None  # "as the firm continues gaining ground": no tail of a frame
        if (k - cue.end >= _AS_TAIL_REACH or lowers[k] == "that" or words[k] in _OPEN_MARKS or words[k] in _CLOSE_MARKS
                or _finite_at(lowers, k, sb) or lowers[k] in SUBJECT_PRONOUNS):
            return None  # "as he said he would": a clause after the verb, no frame
        k += 1
    if prev == "," and t - 2 >= sa and (lowers[t - 2] in _PREPOSITIONS_BEFORE_THAT or lowers[t - 2] in DETERMINERS):
        return []  # "who owed his election to, as a diplomat put it, an ''extreme makeover''": inside a phrase
    spans: list[tuple[int, int]] = []
    if k < sb and words[k] == ",":  # a dash closes an aside: "- Clinton grew up here, as she said - any rancor ..."
        end = _clause_end(view, cue, cues, sb)
        if k + 1 < end and words[k + 1] not in _OPEN_MARKS:
            rest = _checked(view, k + 1, end)
            if rest is not None and _has_finite(view, rest[0], rest[1]):
                spans.append(rest)
    if prev in {",", "—", "–", "-", "--"} and not joined:
        ls = sa
        for u in range(t - 2, sa - 1, -1):
            if words[u] in {";", ":"} or words[u] in _DASHES or words[u] in _OPEN_MARKS or words[u] in _CLOSE_MARKS:
                ls = u + 1
                break
        if lowers[ls] in _OPENING_CONJUNCTIONS:
            ls += 1
        if lowers[ls] not in SUBORDINATORS and _has_finite(view, ls, t - 1):
            before = _checked(view, ls, t - 1)
            if before is not None:
                spans.insert(0, before)
    return spans


def _has_finite(view: TextView, a: int, b: int) -> bool:
    """A finite verb (an auxiliary, a past or a present form) among tokens ``[a, b)``."""
    return any(_finite_at(view.lowers, t, b) or (t > a and _present_at(view.lowers, t, b)) for t in range(a, b))


#: longest subject of a frame after fronted content, in tokens ("..., Algerian foreign ministry
#: spokesman Ana Maria Ruiz Garcia said")
_FRAME_SUBJECT_REACH = 10
#: words a fronted content's frame may continue with after its verb (before any addressee is
#: skipped): "..., he said in an interview.", "..., she said during a visit to ..."
_FRAME_TAIL_STARTS = frozenset("on in at during last this earlier later from via through over with after before while "
                               "when as following".split())
#: longest tail of a frame after its verb, in tokens
_FRAME_TAIL_REACH = 12


def _frame_tail(view: TextView, cue: Cue, sb: int) -> int | None:
    """The token after a frame's tail (a sentence end or a comma): the addressee of an object verb
    ("..., a Cairo official told The Daily News."), then adverbials ("..., he said Wednesday
    morning on a radio show.", "..., she said in posing the question."); None when the words after
    the verb are no tail: an object or a clause (a "that", a finite verb, a quotation mark)."""
    lowers, words = view.lowers, view.words
    k = cue.end
    if cue.frame == "obj":
        ends = _addressee_ends(view, k, sb)
        if ends:
            k = ends[0]
    first = k
    while k < sb and words[k] not in {".", "!", "?", ","}:
        w = lowers[k]
        if (k - cue.end >= _FRAME_TAIL_REACH or w == "that" or words[k] in _OPEN_MARKS or words[k] in _CLOSE_MARKS
                or _finite_at(lowers, k, sb)):
            return None
        if k == first and first == cue.end and not (w in _TIME_WORDS or w in _FRAME_TAIL_STARTS or words[k][:1].isdigit()
                                                    or (w == "the" and k + 1 < sb and lowers[k + 1] in _TIME_WORDS)):
            return None
        k += 1
    return k


def _subject_of_rest(view: TextView, sa: int, comma: int, r: int, sb: int) -> bool:
    """Whether the words ``[sa, comma)`` before a parenthetical frame are the subject of the
    rest after it, which opens with a finite verb: "The golf industry, she said, is doing well",
    "Many of the closures, he said, have involved ..." (both parts are reported: ANNOTATION.md
    rule 4, each contiguous segment is its own entry)."""
    lowers, words = view.lowers, view.words
    if lowers[sa] in _NO_CLAUSE_START or lowers[sa] in SUBORDINATORS or lowers[sa].endswith("ing") or words[sa] in _OPEN_MARKS:
        return False
    if _has_finite(view, sa, comma):
        return False
    if any(w in _OPEN_MARKS or w in _CLOSE_MARKS for w in words[r:sb]):
        return False  # a rest with a quotation in marks: another kind of entry
    while r < sb and lowers[r] in _ADVERBS:
        r += 1
    return r < sb and lowers[r] not in _NOUN_AUXILIARIES and _finite_at(lowers, r, sb)


def _content_start(view: TextView, sa: int, comma: int) -> int:
    """The first token of fronted content opening at sentence start ``sa`` before a frame's
    ``comma``: after an opening conjunction ("But the point of the rule is ..., he said"; "And,
    ..."), which reports nothing."""
    t = sa
    if view.lowers[t] in _OPENING_CONJUNCTIONS and t + 2 < comma:
        t += 1
        if view.words[t] == "," and t + 2 < comma:
            t += 1
    return t


#: subordinators of a clause fronted before a parenthetical frame and reported on its own ("If
#: the birds had been farmed, they reasoned, the specimens would ...": ANNOTATION.md rule 4)
_FRONTED_SUBORDINATORS = frozenset({"if", "because", "while", "although", "though", "unless", "whether"})


def _fronted_frame(view: TextView, cue: Cue, comma: int, sb: int) -> bool:
    """True for "..., X said." and "..., said X(, an analyst at Y)." frames, and for a
    parenthetical "..., X said, ..." (also of a finding verb: "..., they reasoned, ...")."""
    lowers = view.lowers
    between = lowers[comma + 1 : cue.start]
    if any(w in _NP_BREAKERS for w in between):
        return False
    k = cue.end
    if between:  # "X said" (+ an addressee and adverbials) then the end, or a comma and the rest
        while k < sb and k < cue.end + 5 and view.words[k] not in {".", "!", "?", ","}:
            if lowers[k] not in _TIME_WORDS and lowers[k] not in _ADVERBIAL_HEADS and not view.words[k][:1].isdigit() and lowers[k] != "the":
                break
            k += 1
        long_tail = k < sb and view.words[k] not in {".", "!", "?", ","}
        if long_tail:
            # an addressee or a longer adverbial: "..., an official told The Daily News."
            tail = None if lowers[cue.start] in NOUNISH else _frame_tail(view, cue, sb)
            if tail is None:
                return False
            k = tail
        e = cue.start
        while e > comma + 1 and (lowers[e - 1] in AUXILIARIES or lowers[e - 1] in _ADVERBS or lowers[e - 1] == "not"):
            e -= 1
        if any(view.words[t].islower() and lowers[t].endswith("ing") for t in range(comma + 1, e)) or _has_finite(view, comma + 1, e):
            return False  # no plain subject: "..., saying they were being told to ..."
        sa = _content_start(view, view.sent_bounds(view.sent_of[cue.start])[0], comma)
        if k < sb and view.words[k] == ",":
            # a parenthetical frame: the content before it must be a clause, not an adverbial
            # ("In a press release, Ruiz said, ..."), or the subject of the rest
            if between[0] in _NO_CLAUSE_START or (k + 1 < sb and view.words[k + 1] in _OPEN_MARKS):
                return False  # "..., in a Facebook post, ..." is no subject; '..., he said, "..."' quotes
            if lowers[sa] in _FRONTED_SUBORDINATORS and _has_finite(view, sa + 1, comma) and _has_finite(view, k + 1, sb):
                return True  # a subordinate clause before the frame, the main clause after: "If X, he said, Y"
            if lowers[sa] in _NO_CLAUSE_START or lowers[sa].endswith("ing"):
                return False
            # a noun-ish form ("reason", "states") is a verb here only after a pronoun: "..., they reason, ..."
            plain_verb = lowers[cue.start] not in NOUNISH or (len(between) == 1 and between[0] in SUBJECT_PRONOUNS)
            return _has_finite(view, sa, comma) or (plain_verb and _subject_of_rest(view, sa, comma, k + 1, sb))
        if long_tail and not (_has_finite(view, sa, comma) and lowers[sa] not in _NO_CLAUSE_START and lowers[sa] not in SUBORDINATORS):
            return False  # "One of the vice presidents, Ana Ruiz, commented on ...": no content before
        return True  # also a finding verb: "..., the poll found."
    if cue.frame == "clause" or lowers[cue.start].endswith("ing"):
        return False  # "X reported, citing Y, ...": a participle, not an inverted frame
    # inverted "said X": a noun phrase, then the end or an appositive
    if k >= sb or view.lowers[k] == "that" or not (view.words[k][:1].isupper() or view.lowers[k] in {"the", "a", "an", "he", "she", "they"}):
        return False
    if _clause_ahead(view, k, sb):
        return False  # "Ruiz, the mayor, announced Gil would appeal": a clause, not a speaker
    if not _names_a_source(view, k, sb):
        return False  # "The governor, Ana Ruiz, declared a state of emergency": an object, not a speaker
    sa = _content_start(view, view.sent_bounds(view.sent_of[cue.start])[0], comma)
    if not _has_finite(view, sa, comma):
        return False  # "Yesterday, Roscosmos, the space agency, announced the death": no content before
    if view.lowers[k] in SUBJECT_PRONOUNS and k + 1 < sb and view.words[k + 1] not in {".", ",", "!", "?"}:
        return False  # "..., said he thinks ...": not an inverted frame
    while k < sb and view.words[k] not in {".", "!", "?", ","}:
        k += 1
        if k - cue.end > 8:
            return False
    return True


def _clause_end(view: TextView, cue: Cue, cues: list[Cue], sb: int) -> int:
    """End of the reported clause: the sentence end, a semicolon or a colon, or before "and/but
    CUE" or ", according to"."""
    for t in range(cue.end + 1, sb):
        if view.words[t] in {";", ":"}:
            sb = t
            break
    intro = view.lowers[view.sent_bounds(view.sent_of[cue.start])[0]] in SUBORDINATORS
    if intro:
        sb = _main_clause_comma(view, cue.end, sb)
    for c in cues[bisect_right(cues, cue.start, key=_cue_start) : bisect_left(cues, sb, key=_cue_start)]:
        if c.start <= cue.start or c.start >= sb:
            continue
        if c.frame == "noun":
            continue  # "said the claim that ..." is inside the clause
        prev = view.lowers[c.start - 1]
        closing = _closing_frame(view, c)
        if closing is not None and closing > cue.end:
            return closing
        if prev in {"and", "but", ","} or (c.frame == "according" and prev == ","):
            return c.start - 1
        if prev in _DASHES and c.start - 1 > cue.end:
            return c.start - 1  # "... similar to influenza — suggesting, experts noted, ..."
        if prev in {"also"} and view.lowers[c.start - 2] in {"and", "but"}:
            return c.start - 2
        # a new frame with its own subject after a comma: "..., but the commissioner stated ...",
        # "..., which he said would ..."
        for k in range(c.start - 2, max(cue.end, c.start - 10), -1):
            w = view.lowers[k]
            if w in {";", ":", "“", "”", '"', "(", ")"}:
                break
            if w == ",":
                if view.lowers[k + 1] in {"but", "and", "while", "which", "who", "whereas"} and _subject_before(view, c):
                    return k
                if view.lowers[k + 1] == "with" and view.lowers[c.start].endswith("ing"):
                    return k  # an absolute phrase with its own speaker: "..., with local press claiming ..."
                if _new_speaker_frame(view, k, c, intro):
                    return k
                break
    if cue.frame == "to":
        # an infinitive ends before a second verb of the main clause: "called on Turkey to halt
        # drilling, and deemed the deal ..."
        for t in range(cue.end + 2, sb - 2):
            if view.words[t] == "," and view.lowers[t + 1] == "and" and _finite_at(view.lowers, t + 2, sb) and view.lowers[t + 2] not in AUXILIARIES:
                return t
    return sb


def _main_clause_comma(view: TextView, i: int, sb: int) -> int:
    """In a sentence opening with a subordinate clause, the comma after token ``i`` where the main
    clause begins with a name or he/she and a past-tense verb ("When Trump suggested that Cuba
    would sue, Rubio fired back: ..."): the clause a cue in the subordinate clause reports ends
    there; ``sb`` when there is none."""
    words, lowers = view.words, view.lowers
    for t in range(i, sb - 2):
        if words[t] != ",":
            continue
        k = t + 1
        if lowers[k] in {"he", "she", "they"}:
            k += 1
        else:
            while k < sb and words[k][:1].isupper() and words[k] not in _CLOSE_MARKS and k - t <= 4:
                k += 1
        if k == t + 1 or k >= sb:
            continue
        w = lowers[k]
        if words[k].isalpha() and words[k].islower() and is_past_form(w, min_len=4, alpha_only=False):
            return t
    return sb


def _closing_frame(view: TextView, c: Cue) -> int | None:
    """The token after the closing mark before a frame "NAME said" (or he/she, "the judge"):
    '...say that “from his perspective,” Lewandowski added': the reported clause ends at the mark
    and the frame is another speaker's; None when no such frame."""
    words, lowers = view.words, view.lowers
    k = c.start - 1
    if lowers[k] in {"he", "she"}:
        k -= 1
    elif k - 1 >= 0 and lowers[k - 1] == "the" and words[k].islower():
        k -= 2
    else:
        n = 0
        while k >= 0 and words[k][:1].isupper() and words[k] not in _CLOSE_MARKS and n < 4:
            k -= 1
            n += 1
        if n == 0:
            return None
    if k >= 1 and words[k] in _CLOSE_MARKS and words[k - 1] in {",", "?", "!"}:
        return k + 1
    return None


def _new_speaker_frame(view: TextView, comma: int, c: Cue, intro: bool = False) -> bool:
    """Whether the words after ``comma`` open another speaker's frame that ends a reported
    clause: a name or he/she and a cue introducing a quotation in marks ("who claim to find
    Clinton more palatable, Bolton said, “I just think ...”") or, after a subordinate clause
    opening the sentence (``intro``), any content ("After Trump argued that ..., Rubio said only
    that ..."); or "with" and a name and a participle or infinitive cue ("the prison should be
    closed, with Sen. John McCain calling it a “Chinese menu”")."""
    words, lowers = view.words, view.lowers
    subj = range(comma + 1, c.start)
    if lowers[comma + 1] == "with":
        return (comma + 2 < c.start and words[comma + 2][:1].isupper()
                and (lowers[c.start].endswith("ing") or lowers[c.start - 1] == "to"))
    if not subj or not (all(words[t][:1].isupper() for t in subj) or (len(subj) == 1 and lowers[comma + 1] in {"he", "she"})):
        return False
    if intro:
        return True
    j = c.end
    return j + 1 < view.n and words[j] in {",", ":"} and words[j + 1] in _OPEN_MARKS


#: a cue's first token: the key the cues (in text order) are bisected by (a C-level getter)
_cue_start = attrgetter("start")


def _ranges(ranges: list[tuple[int, int]]) -> RangeIndex:
    """``ranges`` as a :class:`RangeIndex` (find_quotations passes one already)."""
    return ranges if isinstance(ranges, RangeIndex) else RangeIndex(ranges)


def _checked(view: TextView, a: int, b: int) -> tuple[int, int] | None:
    a, b = _trim_tokens(view, a, b)
    if b - a < 3:
        return None
    return a, b
