"""Spelling tests for past verb forms: a regular "-ed" form and a past tense (regular or irregular).

One place for the "does this word look like a past-tense verb" rule. The callers differ only in
the bounds they pass: how short an "-ed" word may be, and whether a hyphen or another non-letter
may stand in it. With the defaults, :func:`is_past_form` is the same test as
:func:`stance.text.mentions.is_past_tense`.
"""

from __future__ import annotations

from stance.text.lexicons import word_set


def is_ed_form(w: str, min_len: int = 5, alpha_only: bool = True) -> bool:
    """Whether the lowercase word ``w`` is spelled like a regular past form or participle: it ends
    in "-ed", has at least ``min_len`` characters (5 by default, so "bred", "shed" are left out;
    0 for any "-ed" word) and, with ``alpha_only``, letters only (so "re-elected" is left out)."""
    return len(w) >= min_len and w.endswith("ed") and (not alpha_only or w.isalpha())


def is_irregular_past(w: str) -> bool:
    """Whether the lowercase word ``w`` is an irregular past form (``past_verbs.txt``: "drew", "went")."""
    return w in word_set("past_verbs.txt")


def is_past_form(w: str, min_len: int = 5, alpha_only: bool = True) -> bool:
    """Whether the lowercase word ``w`` looks like a verb in the past tense: a regular "-ed" form
    (:func:`is_ed_form` with ``min_len`` and ``alpha_only``) or an irregular one (:func:`is_irregular_past`)."""
    return is_ed_form(w, min_len, alpha_only) or is_irregular_past(w)
