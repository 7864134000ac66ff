"""Stance-classifier inputs and features: pure Python and numpy, no scikit-learn or scipy.

:class:`StanceExample` is one target to classify; :func:`extract_features` turns it into feature
strings (see :mod:`stance.stance_model.classifier` for the feature templates); :func:`lookup_columns` maps a
batch of examples to vocabulary columns. Both the scikit-learn estimator
(:class:`stance.stance_model.classifier.TargetStanceClassifier`, used for training and evaluation) and the light
runtime scorer (:class:`stance.stance_model.inference.LinearStanceScorer`) featurise through this module, so
the two see exactly the same columns.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from itertools import compress, repeat
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from stance.text.lexicons import PERSONAL_PRONOUNS
from stance.text.positions import inside_quotation
from stance.types import STANCE_LABELS

LABELS = STANCE_LABELS

_LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "stance_lexicon.tsv"


@dataclass(frozen=True)
class StanceExample:
    """One target to classify.

    ``text[target_start:target_end]`` is the target party's mention; ``source_start``/``source_end``
    mark the speaker's (or acting party's) mention when it occurs in ``text``, else ``None``.
    ``corpus`` names where the example comes from (``"quote"`` for pipeline input,
    ``"newsmtsc"``, ``"directed_sentiment"``, ``"plover_gsr"`` for the corpora); it is used for
    per-corpus training weights only, not as a feature.
    """

    text: str
    target_start: int
    target_end: int
    source_start: int | None = None
    source_end: int | None = None
    corpus: str = "quote"

    def __post_init__(self) -> None:
        n = len(self.text)
        if not (0 <= self.target_start <= self.target_end <= n):
            raise ValueError(f"target span [{self.target_start}, {self.target_end}) is outside the text (length {n})")
        if (self.source_start is None) != (self.source_end is None):
            raise ValueError("source_start and source_end must both be given or both be None")
        if self.source_start is not None and not (0 <= self.source_start <= self.source_end <= n):  # type: ignore[operator]
            raise ValueError(f"source span [{self.source_start}, {self.source_end}) is outside the text (length {n})")

    @property
    def has_source(self) -> bool:
        return self.source_start is not None and self.source_end is not None and self.source_end > self.source_start

    @classmethod
    def from_record(cls, d: Mapping[str, Any], corpus: str | None = None) -> "StanceExample":
        """Build an example from a newsmtsc / directed_sentiment / plover_gsr JSONL record.

        ``target`` is required; ``source_actor`` may be missing or null. An empty source span
        counts as no source. ``corpus`` defaults to the one the record's ``source`` field names.
        """
        text = d["text"]
        if not isinstance(text, str):
            raise ValueError("'text' must be a string")
        t = d["target"]
        if not isinstance(t, Mapping):
            raise ValueError("'target' must be an object with start and end")
        ts, te = int(t["start"]), int(t["end"])
        ss = se = None
        s = d.get("source_actor")
        if isinstance(s, Mapping) and s.get("start") is not None and s.get("end") is not None:
            ss, se = int(s["start"]), int(s["end"])
            if se <= ss:
                ss = se = None
        if corpus is None:
            src = str(d.get("source") or "")
            if src.startswith("newsmtsc"):
                corpus = "newsmtsc"
            elif src.startswith("dse"):
                corpus = "directed_sentiment"
            elif src.startswith("plover"):
                corpus = "plover_gsr"
            else:
                corpus = "quote"
        return cls(text, ts, te, ss, se, corpus)


# --------------------------------------------------------------------------------------------
# Feature extraction (pure Python)

TOKEN_RE = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|n['’]t|[^\sa-z0-9]")
_QUOTE_CHARS = frozenset('"“”«»')
CLAUSE_BREAK = frozenset(
    [",", ";", ":", "—", "–", "(", ")", '"', "“", "”", "?", "!", ".",
     "but", "while", "whereas", "although", "though", "because", "however", "yet", "unless"]
)


def read_lexicon(path: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """Read the cue lexicon: ``{word form: category}``, with simple inflections added.

    The forms are the shipped model's own (every suffix on every hostile, conciliatory or report
    entry), not :func:`stance.text.inflection.verb_forms`: that reader would drop forms the
    corpora hold ("aides" from "aid", "band" from "ban", "ward", "wind", "admitting",
    "committed", ...), so it changes the features and wants a retrained model."""
    p = Path(path) if path is not None else _LEXICON_PATH
    base: dict[str, str] = {}
    with open(p, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            word, _, cat = line.partition("\t")
            base[word.strip().lower()] = cat.strip()
    out: dict[str, str] = {}
    for w, c in base.items():
        forms = {w}
        if c in ("hostile", "conciliatory", "report"):
            forms |= {w + "s", w + "es", w + "ed", w + "d", w + "ing"}
            if w.endswith("e"):
                forms |= {w[:-1] + "ing", w + "d"}
            if w.endswith("y"):
                forms |= {w[:-1] + "ies", w[:-1] + "ied"}
            if len(w) > 2 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
                forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}  # e.g. slam -> slammed
        for fm in forms:
            if fm in base and fm != w:
                continue  # an explicit entry wins over a generated form
            out.setdefault(fm, c)
    for w, c in base.items():
        out[w] = c
    return out


def tokenize_marked(ex: StanceExample) -> tuple[list[str], int, int]:
    """Tokens of the lowercased text with the target as ``<t>`` and the source as ``<s>``.

    Returns ``(tokens, target_index, source_index)``; ``source_index`` is -1 without a source
    (or when the source overlaps the target). Curly apostrophes are normalised to ``'``.
    """
    text = ex.text.lower()
    if len(text) != len(ex.text):  # a few characters lowercase to two (e.g. "\u0130"): keep offsets
        text = "".join(ch.lower()[:1] for ch in ex.text)
    text = text.replace("’", "'")
    findall = TOKEN_RE.findall
    ts, te = ex.target_start, ex.target_end
    ss, se = ex.source_start, ex.source_end
    if ss is not None and se is not None and se > ss and (se <= ts or ss >= te):
        if ss < ts:
            a = findall(text[:ss])
            si = len(a)
            b = findall(text[se:ts])
            ti = si + 1 + len(b)
            return a + ["<s>"] + b + ["<t>"] + findall(text[te:]), ti, si
        a = findall(text[:ts])
        ti = len(a)
        b = findall(text[te:ss])
        si = ti + 1 + len(b)
        return a + ["<t>"] + b + ["<s>"] + findall(text[se:]), ti, si
    a = findall(text[:ts])
    return a + ["<t>"] + findall(text[te:]), len(a), -1


def clause_bounds(toks: Sequence[str], ti: int) -> tuple[int, int]:
    """``(start, end)``: the token range of the clause holding token ``ti``, bounded by
    :data:`CLAUSE_BREAK` tokens (punctuation, quote marks, contrastive conjunctions)."""
    cs = ti
    while cs > 0 and toks[cs - 1] not in CLAUSE_BREAK:
        cs -= 1
    ce, n = ti + 1, len(toks)
    while ce < n and toks[ce] not in CLAUSE_BREAK:
        ce += 1
    return cs, ce


def distance_bucket(d: int) -> str:
    if d <= 1:
        return "1"
    if d <= 2:
        return "2"
    if d <= 5:
        return "3-5"
    if d <= 10:
        return "6-10"
    return "11+"


def extract_features(
    ex: StanceExample,
    lexicon: Mapping[str, str],
    window: int = 10,
    tokens: tuple[list[str], int, int] | None = None,
) -> list[str]:
    """The (shared, un-tagged) feature strings of one example (``tokens``: its
    :func:`tokenize_marked` result when the caller already has it; not modified)."""
    toks, ti, si = tokens if tokens is not None else tokenize_marked(ex)
    n = len(toks)
    feats: list[str] = ["bias"]
    app = feats.append

    # target words
    tw = TOKEN_RE.findall(ex.text[ex.target_start:ex.target_end].lower())
    feats += ["tw:" + w for w in tw]
    if len(tw) == 1 and tw[0] in PERSONAL_PRONOUNS:
        app("t_pron")

    # windows around the target
    for d in range(1, window + 1):
        j = ti - d
        if j < 0:
            break
        tag = str(d) if d <= 2 else ("n" if d <= 5 else "f")
        app("L" + tag + ":" + toks[j])
    for d in range(1, window + 1):
        j = ti + d
        if j >= n:
            break
        tag = str(d) if d <= 2 else ("n" if d <= 5 else "f")
        app("R" + tag + ":" + toks[j])
    if ti >= 2:
        app("L12:" + toks[ti - 2] + "_" + toks[ti - 1])
    if ti + 2 < n:
        app("R12:" + toks[ti + 1] + "_" + toks[ti + 2])
    if ti >= 1 and ti + 1 < n:
        app("LR:" + toks[ti - 1] + "_" + toks[ti + 1])

    # the target's clause
    cs, ce = clause_bounds(toks, ti)
    if cs == ti:
        app("t_clause_start")
    if ti >= 1 and toks[ti - 1] == "by":
        app("t_by")
    feats += ["c:" + w for w in toks[cs:ti]]  # (the clause's tokens but the target, in order)
    feats += ["c:" + w for w in toks[ti + 1:ce]]

    # quotation: is the target inside quote marks?
    if inside_quotation(toks, _QUOTE_CHARS, 0, ti):
        app("t_in_quote")
    if not _QUOTE_CHARS.isdisjoint(toks):
        app("has_quote")

    # lexicon cues
    neg_ahead = -10
    nearest_l: tuple[int, str] | None = None
    nearest_r: tuple[int, str] | None = None
    for j in compress(range(n), map(lexicon.__contains__, toks)):  # the lexicon's words only
        tok = toks[j]
        cat = lexicon[tok]
        if cat == "negator":
            neg_ahead = j
            continue
        if cat == "report":
            if j < ti:
                app("rep_L")
            else:
                app("rep_R")
            if si >= 0:
                app("rep_s_" + ("L" if j < si else "R") + distance_bucket(abs(j - si)))
            continue
        pol = cat
        if j - neg_ahead <= 3:
            pol = "neg_" + cat
        side = "L" if j < ti else "R"
        dist = abs(j - ti)
        app("lx:" + pol)
        if cs <= j < ce:
            app("clx:" + pol + ":" + side)
            app("clxw:" + side + ":" + tok)
        app("lxd:" + pol + ":" + side + distance_bucket(dist))
        if j < ti:
            if nearest_l is None or ti - j < ti - nearest_l[0]:
                nearest_l = (j, pol)
        elif nearest_r is None:
            nearest_r = (j, pol)
        if si >= 0:
            lo, hi = (si, ti) if si < ti else (ti, si)
            if lo < j < hi:
                app("blx:" + ("st" if si < ti else "ts") + ":" + pol)
    if nearest_l is not None:
        app("nl:" + nearest_l[1] + ":" + distance_bucket(ti - nearest_l[0]))
    if nearest_r is not None:
        app("nr:" + nearest_r[1] + ":" + distance_bucket(nearest_r[0] - ti))

    # source-target direction
    if si >= 0:
        direc = "st" if si < ti else "ts"
        dist = abs(ti - si)
        app("dir:" + direc)
        app("dird:" + direc + distance_bucket(dist))
        lo, hi = (si, ti) if si < ti else (ti, si)
        between = "bw:" + direc + ":"
        feats += [between + w for w in toks[lo + 1:hi]]
        if si + 1 < n:
            app("s_R1:" + toks[si + 1])
        if si + 2 < n:
            app("s_R12:" + toks[si + 1] + "_" + toks[si + 2])
        if si >= 1:
            app("s_L1:" + toks[si - 1])
        # same clause?
        if cs <= si < ce:
            app("s_same_clause")
    elif ex.has_source:
        app("s_overlap")
    return feats


def example_domain(ex: StanceExample) -> str:
    return "src" if ex.has_source else "nosrc"


#: The two heads and, by default, the training corpora (with relative weights) of each.
HEADS = ("nosrc", "src")
DEFAULT_HEAD_CORPORA: dict[str, dict[str, float]] = {
    # the shipped model's (chosen on the dev splits). pseudo_*: teacher-labelled examples
    # (data/distill/, stance.training.pseudo); a corpus named in a head counts with that weight for
    # all its examples, with or without a source, so the pipeline-built pseudo_quote examples feed
    # both heads (sentence weight 0 / 0.3 / 1 and quote weight 0 / 1 tried; this is best on
    # NewsMTSC dev_rw, dev_mt and directed_sentiment dev of the runs made).
    "nosrc": {"newsmtsc": 1.0, "directed_sentiment": 0.0, "pseudo_sentence": 0.3, "pseudo_quote": 1.0},
    "src": {"directed_sentiment": 1.0, "newsmtsc": 0.3, "pseudo_quote": 1.0, "pseudo_sentence": 0.0},
}


def tokenize_batch(X: Iterable[StanceExample]) -> list[tuple[list[str], int, int]]:
    """:func:`tokenize_marked` of each example (a :class:`TypeError` for anything else): computed
    once per batch and shared by the sparse features and the network."""
    out = []
    for ex in X:
        if not isinstance(ex, StanceExample):
            raise TypeError(f"expected StanceExample, got {type(ex).__name__}")
        out.append(tokenize_marked(ex))
    return out


def feature_lists(
    X: Iterable[StanceExample], lexicon: Mapping[str, str], window: int, tokens: Sequence[Any] | None = None,
) -> Iterable[list[str]]:
    """The feature strings of each example (a :class:`TypeError` for anything else)."""
    if tokens is not None:
        for ex, tk in zip(X, tokens):
            yield extract_features(ex, lexicon, window, tk)
        return
    for ex in X:
        if not isinstance(ex, StanceExample):
            raise TypeError(f"expected StanceExample, got {type(ex).__name__}")
        yield extract_features(ex, lexicon, window, None)


def lookup_columns(
    X: Sequence[StanceExample], vocabulary: Mapping[str, int], lexicon: Mapping[str, str], window: int,
    tokens: Sequence[Any] | None = None, feats: Sequence[list[str]] | None = None,
) -> tuple[Any, Any]:
    """``(cols, ends)``: every example's feature columns, concatenated, and where each row ends.

    ``cols`` is an int64 array holding ``vocabulary.get(feature, -1)`` for every feature string of
    every example (``-1``: not in the vocabulary), row ``r`` being ``cols[ends[r-1]:ends[r]]``
    (``ends[0] == 0``). One dict look-up per feature, at C speed. ``feats``: the examples'
    :func:`extract_features` strings (with this ``lexicon`` and ``window``) when the caller
    already has them, so they are not computed twice.
    """
    import numpy as np

    get = vocabulary.get
    cols: list[int] = []
    ext = cols.extend
    ends = [0] * (len(X) + 1)
    minus = repeat(-1)
    rows = feats if feats is not None else feature_lists(X, lexicon, window, tokens)
    for r, fs in enumerate(rows, 1):
        ext(map(get, fs, minus))  # get(f, -1) for each feature, at C speed
        ends[r] = len(cols)
    return np.asarray(cols, dtype=np.int64), np.asarray(ends, dtype=np.int64)


def route_heads(X: Sequence[StanceExample], p_nosrc: Any, p_src: Any) -> Any:
    """Combine the two heads' probabilities: examples with a source actor take ``p_src``, the
    others ``p_nosrc``.

    The one routing rule, shared by the estimator and the numpy scorer."""
    import numpy as np

    if not len(X):
        return p_nosrc
    has_src = np.fromiter((ex.has_source for ex in X), dtype=bool, count=len(X))
    return np.where(has_src[:, None], p_src, p_nosrc)
