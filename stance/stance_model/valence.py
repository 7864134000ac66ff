"""Word-valence features of a stance example (pure Python, no scikit-learn).

The hand-written cue lexicon (``stance/data/stance_lexicon.tsv``) holds ~600 stance cues; the
quotations the model misses often carry their stance in other evaluative words ("abusive",
"cheated", "scare me", "disservice", "passion for"). This group reads a general sentiment
lexicon (``stance/data/valence_lexicon.tsv``, compiled from VADER by ``tools/compile_valence.py``:
7,209 words, each with a mean valence from -4 to +4) and describes where its words stand
relative to the party, on the marked tokens of
:func:`stance.stance_model.features.tokenize_marked` (target ``<t>``, speaker ``<s>``):

* each valenced word by :func:`polarity` (``n``/``p``, ``2`` when ``|valence| >= STRONG``),
  flipped to ``neg_`` when a negator is within :data:`NEGATION_REACH` tokens before it in its
  clause;
* in the party's clause, by side; the nearest on each side of the party, by distance; between the
  speaker's mention and the party;
* the number of negative and of positive words in the example, and the sign of their valence sum,
  bucketed (how evaluative the quotation is as a whole).
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

from stance.stance_model.features import CLAUSE_BREAK, clause_bounds, distance_bucket
from stance.stance_model.relation import NEGATORS

VALENCE_PATH = Path(__file__).resolve().parent.parent / "data" / "valence_lexicon.tsv"
#: ``|valence|`` from which a word counts as strongly evaluative.
STRONG = 2.0
#: ``|valence|`` under which a word is ignored (VADER rates many near-neutral words).
WEAK = 0.5
#: Tokens before a valenced word within which a negator flips it.
NEGATION_REACH = 3


def read_valence(path: str | Path | None = None) -> dict[str, float]:
    """``{word: mean valence}`` from the compiled lexicon file."""
    out: dict[str, float] = {}
    with open(path if path is not None else VALENCE_PATH, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            w, _, v = line.rstrip("\n").partition("\t")
            out[w] = float(v)
    return out


def polarity(v: float) -> str | None:
    """``n2``/``n1``/``p1``/``p2`` for a valence (``2``: ``|v| >= STRONG``), ``None`` under :data:`WEAK`."""
    a = abs(v)
    if a < WEAK:
        return None
    return ("n" if v < 0 else "p") + ("2" if a >= STRONG else "1")


def _count_bucket(k: int) -> str:
    return str(k) if k < 3 else "3+"


def valence_features(tokens: tuple[list[str], int, int], valence: Mapping[str, float]) -> list[str]:
    """The valence feature strings of one example (``tokens``: its ``tokenize_marked`` result)."""
    toks, ti, si = tokens
    feats: list[str] = []
    app = feats.append
    cs, ce = clause_bounds(toks, ti)
    lo, hi = (si, ti) if si < ti else (ti, si)
    get = valence.get
    neg_at = -10
    n_neg = n_pos = 0
    total = 0.0
    left: tuple[int, str] | None = None
    right: tuple[int, str] | None = None
    for j, tok in enumerate(toks):
        if tok in NEGATORS:
            neg_at = j
            continue
        if tok in CLAUSE_BREAK:  # a negator's scope ends with its clause
            neg_at = -10
            continue
        v = get(tok)
        if v is None:
            continue
        pol = polarity(v)
        if pol is None:
            continue
        negated = j - neg_at <= NEGATION_REACH
        if negated:
            v = -v
            pol = "neg_" + pol
        total += v
        if v < 0:
            n_neg += 1
        else:
            n_pos += 1
        side = "L" if j < ti else "R"
        if cs <= j < ce:
            app(f"vc:{pol}:{side}")
        if j < ti:
            left = (j, pol)
        elif right is None:
            right = (j, pol)
        if si >= 0 and lo < j < hi:
            app(f"vb:{pol}")
    if left is not None:
        app(f"vn:{left[1]}:L{distance_bucket(ti - left[0])}")
    if right is not None:
        app(f"vn:{right[1]}:R{distance_bucket(right[0] - ti)}")
    app("vneg:" + _count_bucket(n_neg))
    app("vpos:" + _count_bucket(n_pos))
    app("vsum:" + ("-" if total <= -1.0 else "+" if total >= 1.0 else "0"))
    return list(dict.fromkeys(feats))
