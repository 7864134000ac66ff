"""A flat, read-only view of a spaCy ``Doc`` that the rules work on.

Holds per-token arrays (text, lowercase, character offsets), sentence and paragraph ids, built
once per document. Sentences are split by our own rules (newlines always end a sentence, which
spaCy's sentencizer does not do), unless the Doc already carries sentence boundaries from a
trained parser or senter.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

from .lexicons import word_set

_END = {".", "!", "?", "…"}
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

    @property
    def n(self) -> int:
        return len(self.words)

    def sent_bounds(self, s: int) -> tuple[int, int]:
        """Token range ``[start, end)`` of sentence ``s``."""
        start = self.sent_starts[s]
        end = self.sent_starts[s + 1] if s + 1 < len(self.sent_starts) else self.n
        return start, end

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


def _is_sent_starter(word: str) -> bool:
    return word[:1].isupper() or word[:1] in "“\"‘(«`" or word[:1].isdigit()


def build_view(doc: Any) -> TextView:
    """Build a :class:`TextView` of ``doc`` (whitespace tokens are dropped)."""
    text = doc.text
    words: list[str] = []
    starts: list[int] = []
    newline_before: list[bool] = []
    has_sents = doc.has_annotation("SENT_START")
    given_starts: list[bool] = []
    prev_end = 0
    for tok in doc:
        if tok.is_space:
            continue
        w = tok.text
        words.append(w)
        starts.append(tok.idx)
        newline_before.append(text.find("\n", prev_end, tok.idx) != -1)
        prev_end = tok.idx + len(w)
        given_starts.append(bool(tok.is_sent_start) if has_sents else False)
    ends = [s + len(w) for s, w in zip(starts, words)]
    lowers = [w.lower() for w in words]
    n = len(words)
    sent_starts: list[int] = []
    para_of_sent: list[int] = []
    sent_of = [0] * n
    para = 0
    abbrev_breakers = word_set("sentence_starters.txt", keep_case=True)
    s = -1
    for i in range(n):
        new = i == 0
        if i > 0:
            if newline_before[i]:
                new = True
                para += 1
            elif has_sents:
                new = given_starts[i]
            else:
                prev = words[i - 1]
                if prev in _END or (prev in _CLOSERS and i >= 2 and words[i - 2] in _END):
                    new = _is_sent_starter(words[i])
                elif prev.endswith(".") and len(prev) > 1 and words[i] in abbrev_breakers:
                    new = True  # "against the U.S. In December, ..."
        if new:
            sent_starts.append(i)
            para_of_sent.append(para)
            s += 1
        sent_of[i] = s
    ents: list[tuple[int, int, str]] = []
    if doc.has_annotation("ENT_IOB") and len(doc.ents):
        for e in doc.ents:
            a = bisect_left(starts, e.start_char)
            b = bisect_left(starts, e.end_char)
            if a < b:
                ents.append((a, b, e.label_))
    return TextView(text, words, lowers, starts, ends, sent_starts, sent_of, para_of_sent, ents)
