"""A flat, read-only view of a spaCy ``Doc`` that the rules work on.

Holds per-token arrays (text, lowercase, character offsets), sentence and paragraph ids, built
once per document. Sentences are split by our own rules (newlines always end a sentence, which
spaCy's sentencizer does not do), unless the Doc already carries sentence boundaries from a
trained parser or senter.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from stance.text.lexicons import word_set
from stance.text.positions import positions_of
from stance.text.tokenize import (  # noqa: F401  (tokenization used to live here; re-exported)
    TEXT_KEY,
    BlankEnglish,
    Tokens,
    blank_english,
    make_doc,
    make_language,
)

_END = {".", "!", "?", "…"}
#: a sentence is cut after this many tokens (news sentences are far shorter): the rules look
#: around each cue within its sentence, so unbounded sentences would make them quadratic
MAX_SENT_TOKENS = 250
#: the possessive clitic as the tokenizer splits it off ("Washington" "’s")
POSSESSIVE_MARKS = frozenset({"’s", "'s"})
#: a possessive ending: the clitic or the bare apostrophe of a plural ("the officials' plan")
POSSESSIVE_ENDINGS = POSSESSIVE_MARKS | {"’", "'"}
_CLOSERS = {"”", '"', "''", "’", "'", ")", "»"}
_NEWLINE = re.compile(r"\n")  # (a literal: the engine skips to each newline; "\n+" made it try every character)


@dataclass
class TextView:
    """Token arrays of one document."""

    text: str
    words: list[str]
    lowers: list[str]
    starts: list[int]
    ends: list[int]
    sent_starts: list[int]  # token index where each sentence starts
    sent_of: list[int]  # sentence id per token
    para_of_sent: list[int]  # paragraph id per sentence
    ents: list[tuple[int, int, str]]  # (tok_start, tok_end, label) from a trained NER, if any
    #: the number of tokens (an attribute, not a property: the rules read it very often)
    n: int = field(init=False, repr=False)
    #: where each sentence ends: ``sent_starts[1:] + [n]``
    sent_ends: list[int] = field(init=False, repr=False)
    #: sentence -> (alphabetic words, capitalised ones), filled on demand by
    #: :func:`stance.text.mentions.sentence_headline_case`
    case_counts: dict[int, tuple[int, int]] = field(init=False, repr=False, compare=False, default_factory=dict)
    #: the distinct words (``frozenset(words)``), made once for the rules that ask which words the
    #: article writes (sentence breaks, names, lowercase words)
    distinct: frozenset[str] = field(default=None, repr=False, compare=False)  # type: ignore[assignment]
    #: word -> how often the article writes it other than as the first word of a phrase, filled on
    #: demand by :func:`stance.speakers.role_owners.common_opener`
    mid_phrase_counts: dict[str, int] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.n = len(self.words)
        self.sent_ends = self.sent_starts[1:] + [self.n]
        if self.distinct is None:
            self.distinct = frozenset(self.words)

    def sent_bounds(self, s: int) -> tuple[int, int]:
        """Token range ``[start, end)`` of sentence ``s``."""
        return self.sent_starts[s], self.sent_ends[s]

    def char_to_token(self, char: int) -> int:
        """Index of the first token ending after ``char``."""
        return bisect_right(self.ends, char)

    def token_at_or_after(self, char: int) -> int:
        return bisect_left(self.starts, char)

    def span_text(self, i: int, j: int) -> str:
        """Text of tokens ``[i, j)``."""
        if i >= j:
            return ""
        return self.text[self.starts[i] : self.ends[j - 1]]

    def char_span(self, i: int, j: int) -> tuple[int, int]:
        return self.starts[i], self.ends[j - 1]


class RangeIndex(list):
    """A list of ``(start, end)`` ranges (any order, overlaps allowed) that also answers the
    questions the rules ask of all quotation ranges in O(log n) instead of a scan:
    ``covers(i, j)`` is ``any(a <= i and j <= b)``, ``contains(x)`` is ``any(a <= x < b)``,
    ``any_within(lo, hi)`` is ``any(lo <= a and b <= hi)``, ``max_end_at_most(x, default)`` is
    ``max((b for a, b in ranges if b <= x), default=default)``."""

    def __init__(self, ranges: Any = ()):
        super().__init__(ranges)
        by_start = sorted(self)
        self._starts = [r[0] for r in by_start]
        self._max_end: list[int] = []  # max end of by_start[:k+1]
        m = None
        for r in by_start:
            m = r[1] if m is None or r[1] > m else m
            self._max_end.append(m)
        self._min_end: list[int] = [0] * len(by_start)  # min end of by_start[k:]
        m = None
        for k in range(len(by_start) - 1, -1, -1):
            e = by_start[k][1]
            m = e if m is None or e < m else m
            self._min_end[k] = m
        self._ends = sorted(r[1] for r in self)

    @classmethod
    def of(cls, ranges: Any) -> "RangeIndex":
        """``ranges`` itself when already indexed, else a new index of it."""
        return ranges if isinstance(ranges, cls) else cls(ranges)

    def covers(self, i: int, j: int) -> bool:
        k = bisect_right(self._starts, i)
        return k > 0 and self._max_end[k - 1] >= j

    def contains(self, x: int) -> bool:
        k = bisect_right(self._starts, x)
        return k > 0 and self._max_end[k - 1] > x

    def any_within(self, lo: int, hi: int) -> bool:
        k = bisect_left(self._starts, lo)
        return k < len(self._starts) and self._min_end[k] <= hi

    def max_end_at_most(self, x: int, default: int) -> int:
        k = bisect_right(self._ends, x)
        return self._ends[k - 1] if k else default


def _is_sent_starter(word: str) -> bool:
    return word[:1].isupper() or word[:1] in "“\"‘(«`" or word[:1].isdigit()


#: tokens after which a sentence may end: end marks, closers after an end mark, abbreviations
_MAY_END = _END | _CLOSERS


def _text_length(doc: Any) -> int:
    """``len(doc.text)`` without joining the text of every token."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


#: quotation marks that open as well as close a quotation (the NYT's '' opens and closes)
_AMBIGUOUS_MARKS = frozenset({'"', "''", "'"})
#: quotation marks that only open one
_OPENING_MARKS = frozenset({"“", "``", "«"})


def _opens(i: int, starts: list[int] | None, ends: list[int] | None) -> bool:
    """Whether the ambiguous quotation mark at token ``i`` opens a quotation: space before it and
    none after it ('said. "We' / "said. ''We"); unknown without offsets (False)."""
    if starts is None or ends is None or i + 1 >= len(starts):
        return False
    return (i == 0 or starts[i] > ends[i - 1]) and ends[i] == starts[i + 1]


#: "No" before a number ("the No. 2 Republican", "Act No. 3846"): the tokenizer splits its full
#: stop off, and a sentence does not end there before a number
_NUMBER_SIGNS = frozenset({"No", "Nos"})


def _split_abbreviation(words: list[str], dot: int, starts: list[int] | None, ends: list[int] | None,
                        split_abbrevs: frozenset[str]) -> bool:
    """Whether the full stop at token ``dot`` ends an abbreviation the tokenizer split off it
    ("Lt" ".", "No" "."): the word before is one of ``split_abbrevs`` or a number sign, written
    right against the stop (assumed so without offsets)."""
    w = words[dot - 1]
    if w not in split_abbrevs and w not in _NUMBER_SIGNS:
        return False
    return starts is None or ends is None or ends[dot - 1] == starts[dot]


def _ends_a_place(words: list[str], i: int, regions: frozenset[str]) -> bool:
    """Whether a sentence starts at the capitalised word ``i`` after a place's state abbreviation
    ("at his club in Bedminster, N.J. Roger Ailes, ..."): a state written after its city and a
    comma is followed by a comma when the sentence goes on ("in Lodi, N.J., on Monday")."""
    return (i >= 3 and words[i - 1] in regions and words[i - 2] == "," and words[i - 3][:1].isupper()
            and words[i][:1].isupper())


def _sentence_breaks(words: list[str], given_starts: list[int] | None,
                     starts: list[int] | None = None, ends: list[int] | None = None,
                     distinct: frozenset[str] | None = None) -> list[int]:
    """Token indices ``i > 0`` where a sentence starts by the punctuation rules (or the Doc's own
    boundaries when ``given_starts``), before the newline and length rules. With the tokens'
    character offsets ``starts``/``ends``, a straight quotation mark that opens a quotation after an
    end mark ('met. "We do') starts the sentence of the words after it, and one that closes a
    quotation ('said "no." Then') ends the sentence before it, rather than being a sentence of
    its own. ``distinct``: ``frozenset(words)``, when the caller has it."""
    if given_starts is not None:
        return [i for i in given_starts if i > 0]
    abbrev_breakers = word_set("sentence_starters.txt", keep_case=True)
    split_abbrevs = word_set("split_abbreviations.txt", keep_case=True)
    regions = word_set("region_abbreviations.tsv", keep_case=True)
    out = []
    # candidates only: tokens after an end mark, a closer or a word ending in "."
    enders = {w for w in (distinct if distinct is not None else set(words)) if w in _MAY_END or w[-1:] == "."}
    for i in positions_of(words[:-1], enders, 1):
        prev = words[i - 1]
        if (prev == "." and i >= 2 and words[i][:1].isalnum()
                and _split_abbreviation(words, i - 1, starts, ends, split_abbrevs)):
            # before a word or number (a quotation mark after it is left to the rules below)
            if words[i - 2] not in _NUMBER_SIGNS:
                if words[i] in abbrev_breakers:
                    out.append(i)  # "George Bush Sr. He said": as after an abbreviation kept whole
                continue  # "Lt. Col. Louis Dorfman", "Sens. Ted Cruz"
            if words[i][:1].isdigit():
                continue  # "the No. 2 Republican" ("Is it over? No. But ..." ends a sentence)
        if prev in _END or (prev in _CLOSERS and i >= 2 and words[i - 2] in _END):
            if prev in _AMBIGUOUS_MARKS and _opens(i - 1, starts, ends):
                continue  # the mark opened this sentence (a break was made before it)
            if words[i] in _AMBIGUOUS_MARKS and starts is not None and ends is not None:
                if _opens(i, starts, ends):
                    out.append(i)  # "met. ''We do": the mark opens the next sentence
                if _opens(i, starts, ends) or starts[i] == ends[i - 1]:
                    continue  # ('said "no." Then': the mark closes the sentence before it)
            if _is_sent_starter(words[i]):
                out.append(i)
        elif prev[-1:] == "." and len(prev) > 1 and (
                words[i] in abbrev_breakers or _ends_a_place(words, i, regions)):
            out.append(i)  # "against the U.S. In December, ...", "in Lodi, N.J. Harmony's phone"
        elif (prev[-1:] == "." and len(prev) > 1 and i + 1 < len(words) and words[i + 1][:1].isupper()
              and (words[i] in _OPENING_MARKS or (words[i] in _AMBIGUOUS_MARKS and _opens(i, starts, ends)))):
            out.append(i)  # 'at about 7:45 p.m. "No troops were injured."': a quotation opens the next sentence
    return out


def _doc_tokens(doc: Any) -> tuple[str, list[int], list[int], list[int] | None]:
    """A ``Doc``'s text, its non-whitespace tokens' start and end offsets, and the token indices
    where its own sentences start (None without sentence boundaries)."""
    original = doc.user_data.get(TEXT_KEY) if doc.user_data else None
    if isinstance(original, str) and len(original) == _text_length(doc):
        text = original  # make_doc's input (doc.text, or lone surrogates tokenized as U+FFFD)
    else:
        text = doc.text
    has_sents = doc.has_annotation("SENT_START")
    # one vectorised read of the token table instead of a Python loop over Token objects
    from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START

    cols = [IDX, LENGTH, IS_SPACE] + ([SENT_START] if has_sents else [])
    arr = doc.to_array(cols) if len(doc) else None
    given = None
    if arr is not None:
        arr = arr[arr[:, 2] == 0]  # no whitespace tokens
        starts: list[int] = arr[:, 0].tolist()
        ends = (arr[:, 0] + arr[:, 1]).tolist()
        if has_sents:
            given = (arr[:, 3] == 1).nonzero()[0].tolist()
    else:
        starts, ends = [], []
    return text, starts, ends, given


def build_view(doc: Any) -> TextView:
    """Build a :class:`TextView` of ``doc``, a spaCy ``Doc`` (whitespace tokens are dropped) or
    the :class:`~stance.text.tokenize.Tokens` of :func:`~stance.text.tokenize.tokenize`."""
    words = lowers = None
    if type(doc) is Tokens:
        text, starts, ends, words, lowers = doc.text, doc.starts, doc.ends, doc.words, doc.lowers
        given = None
    else:
        text, starts, ends, given = _doc_tokens(doc)
    if words is None or lowers is None:
        words = [text[a:b] for a, b in zip(starts, ends)]
        lowers = [w.lower() for w in words]
    n = len(words)
    # paragraphs: token indices > 0 with a newline between them and the token before
    paras: list[int] = []
    for m in _NEWLINE.finditer(text):
        p = m.start()
        i = bisect_right(starts, p)  # the first token after the newline
        if 0 < i < n and ends[i - 1] <= p and (not paras or paras[-1] != i):
            paras.append(i)
    distinct = frozenset(words)
    found = _sentence_breaks(words, given, starts, ends, distinct)
    breaks = sorted(set(paras).union(found)) if paras else found
    # sentences start at 0, at every break, and every MAX_SENT_TOKENS tokens within a longer one
    # (text without punctuation: keep the rules' sentence windows bounded)
    sent_starts: list[int] = []
    para_of_sent: list[int] = []
    para_set = set(paras)
    para = 0
    for a, b in zip([0] + breaks, breaks + [n]):
        if a >= n:
            break
        if a in para_set:
            para += 1
        for s0 in range(a, b, MAX_SENT_TOKENS):
            sent_starts.append(s0)
            para_of_sent.append(para)
    sent_of = [0] * n
    for s, (a, b) in enumerate(zip(sent_starts, sent_starts[1:] + [n])):
        sent_of[a:b] = [s] * (b - a)
    ents: list[tuple[int, int, str]] = []
    if type(doc) is not Tokens and doc.has_annotation("ENT_TYPE") and len(doc.ents):
        for e in doc.ents:
            a = bisect_left(starts, e.start_char)
            b = bisect_left(starts, e.end_char)
            if a < b:
                ents.append((a, b, e.label_))
    return TextView(text, words, lowers, starts, ends, sent_starts, sent_of, para_of_sent, ents, distinct)
