"""Token positions of the words of a set, found at C speed (the per-document scans that look at
every token: cue starters, capitalised words, sentence enders, pronouns), and whether a position
lies inside a quotation by the parity of the quotation marks before it."""

from __future__ import annotations

from itertools import compress, count
from typing import Container, Iterable, Sequence


def positions_of(words: Iterable[str], members: Container[str], start: int = 0) -> list[int]:
    """The positions (counted from ``start``) of the words that are in ``members``, in order:
    ``[i for i, w in enumerate(words, start) if w in members]`` without a Python-level loop."""
    return list(compress(count(start), map(members.__contains__, words)))


def inside_quotation(words: Sequence[str], marks: Container[str], start: int = 0, end: int | None = None) -> bool:
    """Whether the position ``end`` lies inside a quotation opened after ``start``: an odd number
    of ``words[start:end]`` are quotation marks of ``marks`` (marks that open and close in pairs),
    counted at C speed."""
    return sum(map(marks.__contains__, words[start:end])) % 2 == 1
