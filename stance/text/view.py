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

_END = {".", "!", "?", "…"}
#: a sentence is cut after this many tokens (news sentences are far shorter): the rules look
#: around each cue within its sentence, so unbounded sentences would make them quadratic
MAX_SENT_TOKENS = 250
#: the possessive clitic as the tokenizer splits it off ("Washington" "’s")
POSSESSIVE_MARKS = frozenset({"’s", "'s"})
#: a possessive ending: the clitic or the bare apostrophe of a plural ("the officials' plan")
POSSESSIVE_ENDINGS = POSSESSIVE_MARKS | {"’", "'"}
_CLOSERS = {"”", '"', "''", "’", "'", ")", "»"}


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

    def __post_init__(self) -> None:
        self.n = len(self.words)
        self.sent_ends = self.sent_starts[1:] + [self.n]

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


#: the key under which :func:`make_doc` keeps the original text (which may differ from the Doc's)
TEXT_KEY = "stance.text"
#: whitespace-free runs longer than this, or with this many punctuation marks in a row, are split
#: by :data:`_RUN_TOKEN` instead of spaCy's tokenizer, whose affix loop is quadratic in them
_MAX_RUN = 1000
_MAX_PUNCT = 16
_LONG_RUN = re.compile(r"(?<!\S)\S{%d,}" % (_MAX_RUN + 1))
_PUNCT_RUN = re.compile(r"(?<![^\w\s])[^\w\s]{%d,}" % _MAX_PUNCT)
_PUNCT_ANY = re.compile(r"[^\w\s]{%d}" % _MAX_PUNCT)  # a run of _PUNCT_RUN exists
_RUN_TOKEN = re.compile(r"\w+(?:['’]\w+)?|''|``|\.\.\.|--|[^\w\s]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_NEWLINE = re.compile(r"\n")


def _pathological_runs(text: str) -> list[tuple[int, int]]:
    """Whitespace-free runs of ``text`` that spaCy's tokenizer would take quadratic time on."""
    # a cheap test first (news text has neither kind): both lie inside a whitespace-free chunk
    # (str.split and the regexes' \s agree on whitespace) of at least _MAX_PUNCT characters
    chunks = [c for c in text.split() if len(c) >= _MAX_PUNCT]
    if not any(len(c) > _MAX_RUN or _PUNCT_ANY.search(c) for c in chunks):
        return []
    hits = [m.span() for m in _LONG_RUN.finditer(text)] + [m.span() for m in _PUNCT_RUN.finditer(text)]
    if not hits:
        return []
    runs: list[tuple[int, int]] = []
    n = len(text)
    for s, e in sorted(hits):
        if runs and s < runs[-1][1]:
            continue  # inside the run found before
        while s > 0 and not text[s - 1].isspace():
            s -= 1
        while e < n and not text[e].isspace():
            e += 1
        runs.append((s, e))
    return runs


def make_language(spacy_model: Any = None) -> Any:
    """The spaCy ``Language`` a pipeline tokenizes with: blank English for ``None``
    (:func:`blank_english`), the installed pipeline a name or path names, or ``spacy_model``
    itself when it is a ``Language``."""
    import os

    if spacy_model is None:
        return blank_english()
    if isinstance(spacy_model, (str, os.PathLike)):
        import spacy

        return spacy.load(spacy_model)
    return spacy_model


class BlankEnglish:
    """spaCy's blank English without the ``Language`` around it: the same vocabulary
    (``create_vocab("en", English.Defaults)``) and the same tokenizer that ``spacy.blank("en")``
    builds (spaCy's tokenizer factory, from the same exceptions and prefix, suffix and infix
    rules), made directly. ``spacy.blank`` also resolves its config through spaCy's registry
    (which imports every language package spaCy ships) and scans all installed packages' entry
    points, a tenth of a second at every load that the rules here do not need.

    ``tokenizer``, ``vocab``, ``max_length`` and ``make_doc`` behave as a ``Language``'s."""

    lang = "en"

    def __init__(self) -> None:
        from spacy import util
        from spacy.lang.en import English
        from spacy.tokenizer import Tokenizer
        from spacy.vocab import create_vocab

        defaults = English.Defaults
        self.vocab = create_vocab(self.lang, defaults)
        self.tokenizer = Tokenizer(
            self.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=util.compile_prefix_regex(defaults.prefixes).search,
            suffix_search=util.compile_suffix_regex(defaults.suffixes).search,
            infix_finditer=util.compile_infix_regex(defaults.infixes).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )
        self.max_length = 10**6  # spaCy's default; make_doc below has no length limit

    def make_doc(self, text: str) -> Any:
        """The tokenized ``Doc`` of ``text``."""
        return self.tokenizer(text)

    def __call__(self, text: str) -> Any:
        return self.tokenizer(text)

    def __repr__(self) -> str:
        return "BlankEnglish()"


def blank_english() -> BlankEnglish:
    """A :class:`BlankEnglish`: spaCy's blank English tokenizer and vocabulary, built cheaply."""
    return BlankEnglish()


def make_doc(nlp: Any, text: str, *, trained: bool = False) -> Any:
    """Tokenize ``text`` (and run ``nlp``'s components when ``trained``) in time linear in its
    length, for any ``str``: no length limit, lone surrogates tokenized as U+FFFD (the view keeps
    the original text), pathological whitespace-free runs split by a simple regex."""
    safe = _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text
    runs = _pathological_runs(safe)
    if not runs:
        doc = nlp.tokenizer(safe)  # non-destructive: doc.text == safe
        exact = True
    else:
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []

        def add_spacy(a: int, b: int) -> None:
            if a < b:
                for tok in nlp.tokenizer(safe[a:b]):
                    words.append(tok.text)
                    spaces.append(bool(tok.whitespace_))

        pos = 0
        for a, b in runs:
            add_spacy(pos, a)
            for m in _RUN_TOKEN.finditer(safe, a, b):
                words.append(m.group())
                spaces.append(False)
            pos = b
        add_spacy(pos, len(safe))
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
        exact = doc.text == safe
    if trained:
        doc = nlp(doc)
    if safe is not text or exact:
        # the view reads the text from here, not from doc.text (which joins every token's text)
        doc.user_data[TEXT_KEY] = text
    return doc


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


def _opens(i: int, starts: list[int] | None, ends: list[int] | None) -> bool:
    """Whether the ambiguous quotation mark at token ``i`` opens a quotation: space before it and
    none after it ('said. "We' / "said. ''We"); unknown without offsets (False)."""
    if starts is None or ends is None or i + 1 >= len(starts):
        return False
    return (i == 0 or starts[i] > ends[i - 1]) and ends[i] == starts[i + 1]


def _sentence_breaks(words: list[str], given_starts: list[int] | None,
                     starts: list[int] | None = None, ends: list[int] | None = None) -> list[int]:
    """Token indices ``i > 0`` where a sentence starts by the punctuation rules (or the Doc's own
    boundaries when ``given_starts``), before the newline and length rules. With the tokens'
    character offsets ``starts``/``ends``, a straight quotation mark that opens a quotation after an
    end mark ('met. "We do') starts the sentence of the words after it, and one that closes a
    quotation ('said "no." Then') ends the sentence before it, rather than being a sentence of
    its own."""
    if given_starts is not None:
        return [i for i in given_starts if i > 0]
    abbrev_breakers = word_set("sentence_starters.txt", keep_case=True)
    out = []
    # candidates only: tokens after an end mark, a closer or a word ending in "."
    enders = {w for w in set(words) if w in _MAY_END or w[-1:] == "."}
    for i in [i for i, w in enumerate(words[:-1], 1) if w in enders]:
        prev = words[i - 1]
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
        elif prev[-1:] == "." and len(prev) > 1 and words[i] in abbrev_breakers:
            out.append(i)  # "against the U.S. In December, ..."
    return out


def build_view(doc: Any) -> TextView:
    """Build a :class:`TextView` of ``doc`` (whitespace tokens are dropped)."""
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
    if arr is not None:
        arr = arr[arr[:, 2] == 0]  # no whitespace tokens
        starts: list[int] = arr[:, 0].tolist()
        ends = (arr[:, 0] + arr[:, 1]).tolist()
    else:
        starts, ends = [], []
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
    given = None
    if has_sents and arr is not None:
        given = (arr[:, 3] == 1).nonzero()[0].tolist()
    found = _sentence_breaks(words, given, starts, ends)
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
    if doc.has_annotation("ENT_TYPE") and len(doc.ents):
        for e in doc.ents:
            a = bisect_left(starts, e.start_char)
            b = bisect_left(starts, e.end_char)
            if a < b:
                ents.append((a, b, e.label_))
    return TextView(text, words, lowers, starts, ends, sent_starts, sent_of, para_of_sent, ents)
