"""Direct quotations in quotation marks: whether a quoted segment is speech (not a title or a
scare quote) and the cue that frames it, nearest in the text or given by the layout
(a name opening the line, a dash).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from stance.quotations.complements import ADDRESSEE_INFINITIVE, DIRECT_COMPLEMENT
from stance.quotations.cues import Cue
from stance.quotations.frames import ACCORDING_REACH
from stance.quotations.segments import QuoteSegment
from stance.quotations.tokens import (CLOSE_MARKS, DASHES, FUNCTION_WORDS, OPEN_MARKS, cue_start, finite_at, has_finite, is_word,
                                      plural_s, ranges)
from stance.text.lexicons import ARTICLES, AUXILIARIES, rule_words, word_set
from stance.text.view import POSSESSIVE_MARKS, TextView


def nearest_cue(view: TextView, cues: list[Cue], seg_toks: list[tuple[int, int]], k: int, s_open: int, s_close: int) -> tuple[Cue | None, bool]:
    a, b = seg_toks[k]
    best: Cue | None = None
    best_d = 10**9
    before = False
    # cues are in text order: only those of sentences s_open..s_close
    lo_tok, hi_tok = view.sent_starts[s_open], view.sent_bounds(s_close)[1]
    for c in cues[bisect_left(cues, lo_tok, key=cue_start) : bisect_left(cues, hi_tok, key=cue_start)]:
        s = view.sent_of[c.start]
        if s < s_open or s > s_close:
            continue
        if c.frame in _NO_QUOTE_FRAMES and not (c.frame == "according" and _according_beside(view, c, a, b)):
            continue
        if (c.lemma in ADDRESSEE_INFINITIVE or c.lemma in DIRECT_COMPLEMENT) and not (c.frame == "as" and c.end <= a and as_opens_quotation(view, a)):
            continue  # "offered a 'same-sex union'", "encouraged 'blasphemers'": no quotation's cue
            # (but 'dismissed the report as "absurd"' names its object in marks)
        if c.start >= b:
            d = c.start - b
            # another quotation between: "“A,” he said. “B”" is not B's cue
            if ranges(seg_toks).any_within(b, c.start):
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
        for c in cues[bisect_right(cues, b, key=cue_start) : bisect_right(cues, b + 6, key=cue_start)]:
            if (c.start > b and view.sent_of[c.start] == s_close + 1 and c.start - b <= 6 and c.frame not in _NO_QUOTE_FRAMES
                    and c.lemma not in ADDRESSEE_INFINITIVE and c.lemma not in DIRECT_COMPLEMENT
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
    if o < 1 or words[o] not in OPEN_MARKS or words[o - 1] not in {",", ":"}:
        return False
    for t in range(cue.end, o - 1):
        if words[t] in OPEN_MARKS or words[t] in CLOSE_MARKS or lowers[t] in {"that", "which", "who", "when", "while", "because", "if"}:
            return False
        if finite_at(lowers, t, o - 1, weak=True):
            return False
    return True


def _frames_own_content(view: TextView, c: Cue) -> bool:
    """Whether the cue ``c`` goes on to its own content in its sentence (a clause, a colon or a
    quotation: 'campaign." Ohio Gov. John Kasich said he would have fired him', 'terrorists."
    Mr. Zahed said: "..."') rather than ending a bare attribution ('missing." Trump said.')."""
    b = view.sent_bounds(view.sent_of[c.start])[1]
    rest = view.words[c.end : b]
    return len(rest) > 5 or any(w in OPEN_MARKS or w == ":" for w in rest)


#: cue frames that never introduce a quotation in marks ("according to" has its own clause rule,
#: and is a quotation's cue only right beside it: :func:`_according_beside`)
_NO_QUOTE_FRAMES = frozenset({"according", "clause", "noun"})


def _according_beside(view: TextView, cue: Cue, a: int, b: int) -> bool:
    """Whether the "according to" cue stands right beside the quotation in marks whose words are
    tokens ``[a, b)``: after it, only its closing mark and a comma between ('"...," according to
    Judicial Watch'), or before it, its source phrase and a comma or colon before the opening mark
    ('According to the Daily Caller, "..."')."""
    words = view.words
    if cue.start >= b:
        return 0 < cue.start - b <= 3 and all(words[t] in CLOSE_MARKS or words[t] == "," for t in range(b, cue.start))
    o = a - 1
    if cue.end > o or o - cue.end > ACCORDING_REACH or words[o] not in OPEN_MARKS or words[o - 1] not in {",", ":"}:
        return False
    return not any(words[t] in OPEN_MARKS or words[t] in CLOSE_MARKS for t in range(cue.end, o - 1))


#: cue frames of naming ("called X 'Y'", "described X as 'Y'", "accused X of ..."): the quotation
#: follows the cue, a few words after it
_NAMING_FRAMES = frozenset({"name", "as", "accuse"})


def layout_cue(view: TextView, cues: list[Cue], a: int, b: int) -> tuple[Cue | None, bool]:
    """Cues given by layout: a dash and a name after the quotation ('"..." ― Jane Doe'), or
    a cue before a colon that ends the previous paragraph ("He said:" / quotation)."""
    words = view.words
    n = view.n
    t = b + 1 if b < n and words[b] in CLOSE_MARKS else b
    joined = len(words[t]) > 1 and words[t][0] in "”\"'" and words[t][-1] in "―—–" if t < n else False
    if t < n and (words[t] in DASHES or joined) and t + 1 < n and words[t + 1][:1].isupper():
        k = t + 1
        while k < n and view.sent_of[k] == view.sent_of[t + 1] and words[k][:1].isupper() and k - t <= 5:
            k += 1
        if k - t <= 5 and (k >= n or words[k] in {".", ",", "(", ")"} or view.starts[k] > view.ends[k - 1] and "\n" in view.text[view.ends[k - 1] : view.starts[k]]):
            return Cue(t, t + 1, "dash", "dash"), True
    o = a - 2 if a >= 2 and words[a - 1] in OPEN_MARKS else a - 1
    if o >= 0 and words[o] == ":":
        for ci in range(bisect_left(cues, o, key=cue_start) - 1, -1, -1):  # cues starting before o
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
            if is_word(w):
                n_caps += 1
        elif w.lower() not in _TITLE_SMALL and is_word(w):
            return False
    if n_caps < 2:
        return False
    i = a - 1
    while i >= 0 and (words[i] in OPEN_MARKS or words[i] == "," or lowers[i] == "the"):
        i -= 1
    return i >= 0 and (lowers[i] in _TITLE_INTRO or words[i] in POSSESSIVE_MARKS)


#: longest object between "called" and the quoted words that name it ('called the judge's
#: remarks about the case "racist"')
_NAMING_REACH = 12


def is_speech(view: TextView, seg: QuoteSegment, a: int, b: int, cue: Cue | None, n_words: int, seg_toks, k: int) -> bool:
    """Scare quotes and titles are not quotations; long segments and cued short ones are."""
    words = view.words
    if _is_title(view, a, b):
        return False
    if n_words >= 5 and cue is not None:
        return True
    if cue is not None:
        # naming constructions: called X "Y", described X as "Y"; or "X said, 'Y'"
        if cue.frame in _NAMING_FRAMES:
            if cue.frame in ("name", "as") and cue.end <= a and a - cue.end <= 2 and _names_a_thing(view, cue, a):
                return False  # 'a process called "exfiltration"': a participle naming a thing, no speaker
            if cue.frame == "as" and cue.end <= a and a - cue.end <= _NAMING_REACH and _quoted_as_object(view, seg_toks, k):
                return True  # 'dismissed the report as "absurd."', 'as "clowns" and "cowards"'
            if cue.frame == "as" and cue.lemma != "describe" and "as" not in view.lowers[cue.end:a]:
                # "referred to Rubio's appearance on 'The Megyn Kelly Show'": a title; only
                # "describe" also takes quoted words as its object ("described 'insane' heat")
                return False
            # the object may be longer without a verb or a comma: 'called Trump's statements and
            # actions on Sunday "childish."'
            return cue.end <= a and (a - cue.end <= 6 or (a - cue.end <= _NAMING_REACH and cue.lemma == "call"
                                                           and not any(w in {",", ";", ":"} or w in CLOSE_MARKS for w in words[cue.end : a - 1])
                                                           and not has_finite(view, cue.end, a - 1)))
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


#: determiners before a noun a naming participle follows ("a pattern called ...")
_THING_DETERMINERS = rule_words("thing_determiners")


def _names_a_thing(view: TextView, cue: Cue, a: int) -> bool:
    """Whether a naming cue is a participle after a singular lowercase noun led by a determiner (a
    reduced relative: 'a pattern called a "glider"', 'a military program dubbed "Z 2026"', 'a
    Twitter account named "x"'): the words in marks name the thing; no one is quoted."""
    lowers, words = view.lowers, view.words
    t = cue.start - 1
    if lowers[cue.start].endswith("ing") or any(lowers[k] not in ARTICLES and view.words[k] not in OPEN_MARKS for k in range(cue.end, a)):
        return False  # "an ad calling it 'dangerous'": an object, the ad's words
    if (t < 1 or not (words[t].isalpha() and words[t].islower()) or plural_s(lowers[t]) or lowers[t] in FUNCTION_WORDS
            or lowers[t] in AUXILIARIES or lowers[t] in {"been", "being"} or lowers[t].endswith("ly")):
        return False  # a passive ("has been called ... by X") or an adverb ("often labeled"), no noun
    for k in range(t - 1, max(-1, t - 4), -1):
        if lowers[k] in _THING_DETERMINERS:
            return True
        if (not (words[k].isalnum() or words[k] == "-") or lowers[k] in FUNCTION_WORDS or lowers[k] in AUXILIARIES
                or lowers[k] in {"what", "which", "who", "that"}):
            return False
    return False


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


def as_opens_quotation(view: TextView, a: int) -> bool:
    """Whether the quoted segment whose words start at token ``a`` opens right after "as" (a
    determiner between allowed): the object of a naming construction in marks ('described him as
    "a guiding force"', 'referred to them as "clowns" and "cowards"', 'as a "stunt"'), a direct
    quotation by ANNOTATION.md rule 3, not part of a mixed one."""
    lowers, words = view.lowers, view.words
    o = a - 1  # the opening mark
    if o < 1 or words[o] not in OPEN_MARKS:
        return False
    if not (lowers[o - 1] == "as" or (o >= 2 and lowers[o - 1] in ARTICLES and lowers[o - 2] == "as")):
        return False
    # purely quoted: nothing continues the quoted phrase after its closing mark ('as a "disaster"
    # for the city' is mixed)
    c = next((t for t in range(a, view.n) if words[t] in CLOSE_MARKS), view.n)
    nxt = c + 1
    return nxt >= view.n or not words[nxt].isalnum() or lowers[nxt] in _AFTER_QUOTED_OBJECT or words[nxt][:1].isupper()


#: words that may follow a quoted naming object without continuing it ('as "clowns" and
#: "cowards"', '"a guiding force" who was ...', '"fantastic," telling ...' has a comma)
_AFTER_QUOTED_OBJECT = rule_words("after_quoted_object")


def _quoted_as_object(view: TextView, seg_toks, k: int) -> bool:
    """Whether quoted segment ``k`` is the object in marks of an "as" naming construction: it opens
    right after "as" (:func:`as_opens_quotation`), or it is coordinated with the segment before it
    that is ('as "clowns" and "cowards"', 'as "gamesmanship" and a "stunt"')."""
    a, _ = seg_toks[k]
    if as_opens_quotation(view, a):
        return True
    if k == 0:
        return False
    pa, pb = seg_toks[k - 1]
    gap = [w for w in view.lowers[pb:a] if w not in OPEN_MARKS and w not in CLOSE_MARKS]
    return (0 < len(gap) <= 3 and any(w in {"and", "or", ","} for w in gap) and all(w in _COORDINATION for w in gap)
            and as_opens_quotation(view, pa))


#: the words between two coordinated quoted objects ('"gamesmanship" and a "stunt"')
_COORDINATION = frozenset({"and", "or", ",", "a", "an", "the"})
