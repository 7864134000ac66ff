"""Quotation-mark segments in raw text.

Handles straight ``"..."``, curly ``“...”``, the two-apostrophe ``''...''`` of NYT texts (used for
both opening and closing), ``` ``...'' ```, single ``‘...’`` where used as quotation marks, and
guillemets. Pairing is local to a paragraph: an unbalanced mark never affects another paragraph,
and a quotation left open at the end of a paragraph is closed there (the next paragraph's opening
mark reopens it), so the rest of the document is never lost. An ambiguous mark with space on
both sides cannot open a quotation, so it closes the open one ("... coalitions, '' said X";
"... 'Well done,' \" said X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: the marks, each alternative a literal first character, so that the regex engine skips to the
#: next candidate character instead of trying a match at every position
_MARKS = re.compile("''|``|“|”|\"|«|»|„|‘|’")
_PARA = re.compile(r"[^\n]+")
_OPEN_ONLY = {"“", "«", "``", "„"}
_CLOSE_ONLY = {"”", "»"}
_AMBIGUOUS = {'"', "''"}


@dataclass(frozen=True)
class QuoteSegment:
    """Content strictly between an opening and a closing mark (``closed`` is False when the
    segment ran to the end of its paragraph without a closing mark)."""

    start: int
    end: int
    open_start: int
    close_end: int
    closed: bool


def _looks_opening(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in "([{—–-/:;,\u00a0" or start == 0


def _looks_closing(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    return not before.isspace()


def _misturned_closer(text: str, start: int, end: int) -> bool:
    """Whether an opening curly mark at ``[start, end)``, inside an open curly quotation, closes it
    (a closer typed the wrong way round): right after a comma or a stop (one space between
    allowed) and before a space or the end of the text ('... for her here,“ said Clyburn', '...
    They see that. “')."""
    after = text[end] if end < len(text) else " "
    if not after.isspace():
        return False
    k = start - 1
    if k >= 0 and text[k] == " ":
        k -= 1
    return k >= 0 and text[k] in ",.!?"


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def find_quote_segments(text: str, max_len: int = 5000) -> list[QuoteSegment]:
    """All quotation-mark segments of ``text``, in order, non-overlapping (outer level only)."""
    out: list[QuoteSegment] = []
    for para in _PARA.finditer(text):
        p_start, p_end = para.span()
        open_mark: tuple[int, int, str] | None = None  # (start, end, mark)
        for m in _MARKS.finditer(text, p_start, p_end):
            mark = m.group()
            s, e = m.span()
            if mark in ("‘", "’"):
                if open_mark is None and mark == "‘" and _looks_opening(text, s, e):
                    open_mark = (s, e, mark)
                elif open_mark is not None and open_mark[2] == "‘" and mark == "’":
                    nxt = text[e] if e < len(text) else " "
                    if not nxt.isalpha():
                        a, b = _trim(text, open_mark[1], s)
                        if a < b:
                            out.append(QuoteSegment(a, b, open_mark[0], e, True))
                        open_mark = None
                continue
            if open_mark is not None and open_mark[2] == "‘":
                # a double mark inside an open single quote: the single one was an apostrophe
                open_mark = None
            if open_mark is None:
                if mark in _OPEN_ONLY or (mark in _AMBIGUOUS and _looks_opening(text, s, e)):
                    open_mark = (s, e, mark)
                continue
            # an ambiguous mark between spaces cannot open ("...coalitions, '' said", "'Well done,' \" said"):
            # it closes the open quotation
            is_closer = mark in _CLOSE_ONLY or (mark in _AMBIGUOUS and (_looks_closing(text, s, e) or not _looks_opening(text, s, e)))
            if mark == "“" and open_mark[2] == "“" and _misturned_closer(text, s, e):
                is_closer = True  # '... for her here,“ said X', '... They see that. “': a closer typed as an opener
            elif mark in _OPEN_ONLY or (mark in _AMBIGUOUS and not is_closer):
                # a second opener: the first never closed; restart here
                open_mark = (s, e, mark)
                continue
            a, b = _trim(text, open_mark[1], s)
            if a < b and b - a <= max_len:
                out.append(QuoteSegment(a, b, open_mark[0], e, True))
            open_mark = None
        if open_mark is not None and open_mark[2] != "‘":
            a, b = _trim(text, open_mark[1], p_end)
            if a < b and b - a <= max_len:
                out.append(QuoteSegment(a, b, open_mark[0], b, False))
    return out
