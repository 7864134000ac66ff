"""Target-dependent stance classification: hostile / neutral / conciliatory toward a marked party.

An input is a :class:`StanceExample`: a sentence (or a quotation with its reporting frame), the
character span of the *target* party in it and, optionally, the span of the *source* (the speaker
or acting party). :class:`TargetStanceClassifier` is a scikit-learn estimator that turns each
example into sparse, target-local features and scores them with two linear (logistic-regression)
heads.

The features are computed with plain Python and regular expressions (no parser), tokenising each
example once, so classifying is fast (several thousand targets a second on one core):

* the sentence's word uni- and bigrams with the target replaced by ``<t>`` and the source by ``<s>``;
* the words left and right of the target, by position (1, 2) and distance bucket (3-5, 6-10);
* the words of the target's clause (split at punctuation, quote marks and contrastive conjunctions);
* cue words from a small hand-written lexicon (``stance/data/stance_lexicon.tsv``): hostile and
  conciliatory cues in the clause, on which side of the target, how far, and whether negated;
* whether the target sits inside a quotation, follows ``by`` (passive agent), opens its clause;
* with a source: which side of the target it is, the distance, and the words and cues between
  them, crossed with the direction (``<s> ... <t>`` versus ``<t> ... <s>``).

Feature strings are mapped to columns through a vocabulary fixed at fit time (features seen at
least ``min_count`` times); a batch is vectorised with one dict look-up per feature and one CSR
construction. Two heads share the vocabulary:

* ``nosrc`` scores examples without a source span; by default it is fitted on NewsMTSC
  (reader-perceived sentiment toward a target), which wants moderate regularisation;
* ``src`` scores examples with a source span; by default it is fitted on directed_sentiment
  (a source actor's stance toward a target) plus down-weighted NewsMTSC, with weak regularisation
  and a class-prior offset (``class_bias``) chosen on the dev split.

``src_blend`` mixes the two heads' probabilities for examples with a source (1.0 = ``src`` only).
Only :mod:`sklearn.base` is imported at module level (the estimator subclasses it); numpy and the
rest of scikit-learn are imported inside methods. ``import stance`` does not import this module.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from sklearn.base import BaseEstimator, ClassifierMixin

LABELS = ("hostile", "neutral", "conciliatory")

#: Name and major version of the artifact this module reads.
ARTIFACT_NAME = "stance-classifier"
ARTIFACT_MAJOR = 2

_LEXICON_PATH = Path(__file__).resolve().parent / "data" / "stance_lexicon.tsv"


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

_TOKEN_RE = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|n['’]t|[^\sa-z0-9]")
_QUOTE_CHARS = frozenset('"“”«»')
_CLAUSE_BREAK = frozenset(
    [",", ";", ":", "—", "–", "(", ")", '"', "“", "”", "?", "!", ".",
     "but", "while", "whereas", "although", "though", "because", "however", "yet", "unless"]
)
_NEGATORS_DEFAULT = frozenset("not n't no never nobody nothing neither nor none without hardly barely cannot".split())
_PRONOUNS = frozenset("he she him her his hers they them their it its i me my we us our you your".split())


def read_lexicon(path: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """Read the cue lexicon: ``{word form: category}``, with simple inflections added."""
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


def _tokenize_marked(ex: StanceExample) -> tuple[list[str], int, int]:
    """Tokens of the lowercased text with the target as ``<t>`` and the source as ``<s>``.

    Returns ``(tokens, target_index, source_index)``; ``source_index`` is -1 without a source
    (or when the source overlaps the target). Curly apostrophes are normalised to ``'``.
    """
    text = ex.text.lower()
    if len(text) != len(ex.text):  # a few characters lowercase to two (e.g. "\u0130"): keep offsets
        text = "".join(ch.lower()[:1] for ch in ex.text)
    text = text.replace("’", "'")
    findall = _TOKEN_RE.findall
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


def _bucket(d: int) -> str:
    if d <= 1:
        return "1"
    if d <= 2:
        return "2"
    if d <= 5:
        return "3-5"
    if d <= 10:
        return "6-10"
    return "11+"


def extract_features(ex: StanceExample, lexicon: Mapping[str, str], window: int = 10) -> list[str]:
    """The (shared, un-tagged) feature strings of one example."""
    toks, ti, si = _tokenize_marked(ex)
    n = len(toks)
    feats: list[str] = ["bias"]
    app = feats.append

    # sentence n-grams of the marked text
    feats += ["u:" + t for t in toks]
    feats += ["b:" + a + "_" + b for a, b in zip(["^"] + toks, toks + ["$"])]

    # target words
    tw = _TOKEN_RE.findall(ex.text[ex.target_start:ex.target_end].lower())
    for w in tw:
        app("tw:" + w)
    if len(tw) == 1 and tw[0] in _PRONOUNS:
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
    cs = ti
    while cs > 0 and toks[cs - 1] not in _CLAUSE_BREAK:
        cs -= 1
    ce = ti + 1
    while ce < n and toks[ce] not in _CLAUSE_BREAK:
        ce += 1
    if cs == ti:
        app("t_clause_start")
    if ti >= 1 and toks[ti - 1] == "by":
        app("t_by")
    for j in range(cs, ce):
        if j != ti:
            app("c:" + toks[j])

    # quotation: is the target inside quote marks?
    nq = sum(1 for j in range(ti) if toks[j] in _QUOTE_CHARS)
    if nq % 2 == 1:
        app("t_in_quote")
    if any(t in _QUOTE_CHARS for t in toks):
        app("has_quote")

    # lexicon cues
    neg_ahead = -10
    nearest_l: tuple[int, str] | None = None
    nearest_r: tuple[int, str] | None = None
    for j, tok in enumerate(toks):
        cat = lexicon.get(tok)
        if cat is None:
            continue
        if cat == "negator":
            neg_ahead = j
            continue
        if cat == "report":
            if j < ti:
                app("rep_L")
            else:
                app("rep_R")
            if si >= 0:
                app("rep_s_" + ("L" if j < si else "R") + _bucket(abs(j - si)))
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
        app("lxd:" + pol + ":" + side + _bucket(dist))
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
        app("nl:" + nearest_l[1] + ":" + _bucket(ti - nearest_l[0]))
    if nearest_r is not None:
        app("nr:" + nearest_r[1] + ":" + _bucket(nearest_r[0] - ti))

    # source-target direction
    if si >= 0:
        direc = "st" if si < ti else "ts"
        dist = abs(ti - si)
        app("dir:" + direc)
        app("dird:" + direc + _bucket(dist))
        lo, hi = (si, ti) if si < ti else (ti, si)
        for j in range(lo + 1, hi):
            app("bw:" + direc + ":" + toks[j])
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


def _domain(ex: StanceExample) -> str:
    return "src" if ex.has_source else "nosrc"


#: The two heads and, by default, the training corpora (with relative weights) of each.
HEADS = ("nosrc", "src")
_DEFAULT_HEAD_CORPORA: dict[str, dict[str, float]] = {
    "nosrc": {"newsmtsc": 1.0, "directed_sentiment": 0.0},
    "src": {"directed_sentiment": 1.0, "newsmtsc": 0.0},
}


# --------------------------------------------------------------------------------------------
# The estimator

class TargetStanceClassifier(ClassifierMixin, BaseEstimator):
    """Hostile / neutral / conciliatory stance toward a marked target (see the module docstring).

    Two linear heads share one feature vocabulary: ``nosrc`` (fitted on reader-perceived sentiment,
    NewsMTSC) scores examples without a source span and ``src`` (fitted on directed,
    source-to-target stance) scores examples with one. For examples with a source the class
    probabilities are ``src_blend * p_src + (1 - src_blend) * p_nosrc``.

    Args:
        C: inverse regularisation strength of the ``nosrc`` head.
        C_src: inverse regularisation strength of the ``src`` head.
        window: how many tokens left and right of the target are featurised.
        min_count: keep features seen at least this often in the training data.
        head_corpora: ``{head: {corpus: weight}}``, the training corpora of each head (weight 0
            leaves a corpus out); ``None`` uses :data:`_DEFAULT_HEAD_CORPORA`. Examples of a
            corpus not named get weight 1 in the head of their own domain, 0 in the other.
        balance: weight classes inversely to their frequency within each corpus.
        nb_scale: Naive-Bayes log-count-ratio scaling (Wang & Manning 2012): each class's
            one-vs-rest model sees its features scaled by their log-count ratio; ``0`` turns it off,
            a positive value is the smoothing alpha.
        sublinear_tf: use log(1 + count) feature values.
        src_blend: weight of the ``src`` head for examples with a source span.
        class_bias: ``{head: [b_hostile, b_neutral, b_conciliatory]}`` added to the head's
            log-odds before the softmax (class-prior adjustment); ``None`` adds nothing.
        max_iter, tol: optimiser settings.
        random_state: kept for API symmetry; the lbfgs solver is deterministic.
        lexicon: ``{word: category}``; ``None`` reads the packaged lexicon at fit time
            (it is then stored in the fitted model, so the artifact is self-contained).
        verbose: print fitting progress (vocabulary, each head) to stderr.
    """

    def __init__(
        self,
        C: float = 1.0,
        C_src: float = 8.0,
        window: int = 10,
        min_count: int = 2,
        head_corpora: Mapping[str, Mapping[str, float]] | None = None,
        balance: bool = True,
        nb_scale: float = 0.0,
        sublinear_tf: bool = True,
        src_blend: float = 1.0,
        class_bias: Mapping[str, Sequence[float]] | None = None,
        max_iter: int = 1000,
        tol: float = 1e-4,
        random_state: int | None = 0,
        lexicon: Mapping[str, str] | None = None,
        verbose: bool = False,
    ) -> None:
        self.C = C
        self.C_src = C_src
        self.window = window
        self.min_count = min_count
        self.head_corpora = head_corpora
        self.balance = balance
        self.nb_scale = nb_scale
        self.sublinear_tf = sublinear_tf
        self.src_blend = src_blend
        self.class_bias = class_bias
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state
        self.lexicon = lexicon
        self.verbose = verbose

    # -- features ------------------------------------------------------------------
    def _feature_lists(self, X: Iterable[StanceExample]) -> Iterable[list[str]]:
        lex = self.lexicon_
        window = self.window
        for ex in X:
            if not isinstance(ex, StanceExample):
                raise TypeError(f"expected StanceExample, got {type(ex).__name__}")
            yield extract_features(ex, lex, window)

    def _build_vocabulary(self, X: Sequence[StanceExample]) -> dict[str, int]:
        from collections import Counter

        counts: Counter[str] = Counter()
        for feats in self._feature_lists(X):
            counts.update(feats)
        m = max(1, int(self.min_count))
        # insertion order = first occurrence in the training data: deterministic
        return {f: i for i, f in enumerate(f for f, c in counts.items() if c >= m)}

    def transform_features(self, X: Sequence[StanceExample]) -> Any:
        """The sparse feature matrix (rows L2-normalised) the heads see.

        Feature strings are looked up in the vocabulary fixed at fit time (unknown ones are
        dropped); one list of column indices is built for the whole batch and turned into a CSR
        matrix with a single numpy call.
        """
        import numpy as np
        import scipy.sparse as sp
        from sklearn.preprocessing import normalize

        X = list(X)
        get = self.vocabulary_.get
        cols: list[int] = []
        ext = cols.extend
        ends = [0] * (len(X) + 1)
        minus = repeat(-1)
        for r, feats in enumerate(self._feature_lists(X), 1):
            ext(map(get, feats, minus))  # get(f, -1) for each feature, at C speed
            ends[r] = len(cols)
        idx = np.asarray(cols, dtype=np.int64)
        keep = idx >= 0
        kept = np.concatenate([[0], np.cumsum(keep)])
        indptr = kept[np.asarray(ends, dtype=np.int64)]
        M = sp.csr_matrix(
            (np.ones(int(keep.sum()), dtype=np.float32), idx[keep].astype(np.int32), indptr.astype(np.int32)),
            shape=(len(X), len(self.vocabulary_)),
        )
        M.sum_duplicates()
        if self.sublinear_tf:
            np.log1p(M.data, out=M.data)
        return normalize(M, copy=False)

    # -- fitting ---------------------------------------------------------------------
    def _head_weights(self, X: Sequence[StanceExample], yi: Any, head: str, base: Any) -> Any:
        import numpy as np

        spec = dict((self.head_corpora or _DEFAULT_HEAD_CORPORA).get(head, {}))
        corpora = np.asarray([ex.corpus for ex in X], dtype=object)
        doms = np.asarray([_domain(ex) for ex in X], dtype=object)
        w = base.copy()
        k = len(self.classes_)
        for corp in sorted(set(corpora.tolist())):
            m = corpora == corp
            if corp in spec:
                w[m] *= float(spec[corp])
            else:
                w[m & (doms != head)] = 0.0
            if self.balance:
                mm = m & (w > 0)
                if mm.any():
                    counts = np.bincount(yi[mm], weights=w[mm], minlength=k)
                    present = counts > 0
                    cw = np.where(present, counts[present].sum() / (present.sum() * np.maximum(counts, 1e-12)), 0.0)
                    w[mm] *= cw[yi[mm]]
        return w

    def _fit_head(self, M: Any, yi: Any, w: Any, C: float) -> tuple[Any, Any]:
        import numpy as np
        from sklearn.linear_model import LogisticRegression

        k = len(self.classes_)
        m = w > 0
        Mh, yh, wh = M[m], yi[m], w[m]
        wh = wh * (len(wh) / wh.sum())
        present = np.unique(yh)
        coef = np.zeros((k, M.shape[1]), dtype=np.float64)
        icpt = np.full(k, -30.0)
        if len(present) < 2:
            raise ValueError("a head needs at least two classes among its training examples")
        if not self.nb_scale:
            clf = LogisticRegression(C=C, max_iter=self.max_iter, tol=self.tol, solver="lbfgs")
            clf.fit(Mh, yh, sample_weight=wh)
            if len(present) == 2:
                c0, c1 = present
                coef[c1], icpt[c1] = clf.coef_[0] / 2, clf.intercept_[0] / 2
                coef[c0], icpt[c0] = -clf.coef_[0] / 2, -clf.intercept_[0] / 2
            else:
                coef[present], icpt[present] = clf.coef_, clf.intercept_
            return coef, icpt
        # NB-LR: one-vs-rest logistic regressions on log-count-ratio scaled features
        alpha = float(self.nb_scale)
        B = Mh.copy()
        B.data[:] = 1.0
        for c in present:
            pos = yh == c
            p = alpha + np.asarray(B[pos].T @ wh[pos]).ravel()
            q = alpha + np.asarray(B[~pos].T @ wh[~pos]).ravel()
            r = np.log((p / p.sum()) / (q / q.sum()))
            Z = Mh @ _diag(r)
            clf = LogisticRegression(C=C, max_iter=self.max_iter, tol=self.tol, solver="lbfgs")
            clf.fit(Z, pos.astype(int), sample_weight=wh)
            coef[c] = clf.coef_[0] * r
            icpt[c] = clf.intercept_[0]
        return coef, icpt

    def fit(self, X: Sequence[StanceExample], y: Sequence[str], sample_weight: Any = None) -> "TargetStanceClassifier":
        import numpy as np

        X = list(X)
        y = np.asarray([str(v) for v in y], dtype=object)
        if len(X) != len(y):
            raise ValueError(f"X has {len(X)} examples but y has {len(y)} labels")
        if len(X) == 0:
            raise ValueError("cannot fit on zero examples")
        for ex in X:
            if not isinstance(ex, StanceExample):
                raise TypeError(f"expected StanceExample, got {type(ex).__name__}")
        self.lexicon_ = dict(self.lexicon) if self.lexicon is not None else read_lexicon()
        present = set(y.tolist())
        classes = [c for c in LABELS if c in present] + sorted(present - set(LABELS))
        if len(classes) < 2:
            raise ValueError("need at least two classes to fit")
        self.classes_ = np.asarray(classes, dtype=object)
        index = {c: i for i, c in enumerate(classes)}
        yi = np.fromiter((index[v] for v in y), dtype=np.int64, count=len(y))
        base = np.ones(len(X), dtype=np.float64) if sample_weight is None else np.asarray(sample_weight, float).copy()

        say = _progress_printer(self.verbose)
        self.vocabulary_ = self._build_vocabulary(X)
        say(f"vocabulary: {len(self.vocabulary_)} features seen >= {self.min_count} times in {len(X)} examples")
        M = self.transform_features(X)
        say(f"feature matrix {M.shape[0]} x {M.shape[1]}, {M.nnz} non-zeros")
        coefs, icpts, heads = [], [], []
        for head, C in (("nosrc", self.C), ("src", self.C_src)):
            w = self._head_weights(X, yi, head, base)
            if not (w > 0).any() or len(np.unique(yi[w > 0])) < 2:
                say(f"head {head}: no training examples of two classes, skipped")
                continue  # e.g. no examples with a source: the other head serves all
            say(f"head {head}: fitting on {int((w > 0).sum())} examples (C={C}) ...")
            c, b = self._fit_head(M, yi, w, C)
            say(f"head {head}: done")
            coefs.append(c)
            icpts.append(b)
            heads.append(head)
        if not heads:
            raise ValueError("no head has training examples of two classes")
        if len(heads) == 1:
            coefs, icpts = coefs * 2, icpts * 2
        k = len(classes)
        bias = dict(self.class_bias or {})
        for i, head in enumerate(HEADS):
            b = np.asarray(bias.get(head, [0.0] * k), dtype=np.float64)[:k]
            icpts[i] = icpts[i] + b
        # one (n_features, 2k) matrix: columns [nosrc classes..., src classes...]
        self.coef_ = np.vstack(coefs).T.astype(np.float32).copy()
        self.intercept_ = np.concatenate(icpts).astype(np.float64)
        self.heads_ = tuple(heads)
        self.n_features_in_ = 1
        return self

    # -- prediction -------------------------------------------------------------------
    def _check_fitted(self) -> None:
        if not hasattr(self, "coef_"):
            from sklearn.exceptions import NotFittedError

            raise NotFittedError("TargetStanceClassifier is not fitted yet")

    def head_probabilities(self, X: Sequence[StanceExample]) -> tuple[Any, Any]:
        """``(p_nosrc, p_src)``: each head's class probabilities for every example."""
        import numpy as np

        self._check_fitted()
        X = list(X)
        k = len(self.classes_)
        M = self.transform_features(X)
        S = np.asarray(M @ self.coef_, dtype=np.float64) + self.intercept_  # float32 x float32: no upcast copy
        out = []
        for s in (S[:, :k], S[:, k:]):
            s = s - s.max(axis=1, keepdims=True)
            e = np.exp(s)
            out.append(e / e.sum(axis=1, keepdims=True))
        return out[0], out[1]

    def predict_proba(self, X: Sequence[StanceExample]) -> Any:
        """Class probabilities; columns follow :attr:`classes_`."""
        import numpy as np

        X = list(X)
        p0, p1 = self.head_probabilities(X)
        if not len(X):
            return p0
        has_src = np.fromiter((ex.has_source for ex in X), dtype=bool, count=len(X))
        a = float(self.src_blend)
        return np.where(has_src[:, None], a * p1 + (1.0 - a) * p0, p0)

    def decision_function(self, X: Sequence[StanceExample]) -> Any:
        """Log-probabilities (the heads are blended in probability space)."""
        import numpy as np

        p = self.predict_proba(X)
        s = np.log(np.maximum(p, 1e-300))
        if len(self.classes_) == 2:
            return s[:, 1] - s[:, 0]
        return s

    def predict(self, X: Sequence[StanceExample]) -> Any:
        import numpy as np

        p = self.predict_proba(X)
        return self.classes_[np.argmax(p, axis=1)]

    # -- pickling: the vocabulary as one string + lengths (joblib's pure-Python unpickler is slow
    #    on a dict of ~300k strings; this keeps loading well under a second) ----------------------
    def __getstate__(self) -> dict[str, Any]:
        import numpy as np

        state = dict(super().__getstate__())
        vocab = state.pop("vocabulary_", None)
        if vocab is not None:
            keys = list(vocab)  # insertion order is column order
            state["_vocab_blob"] = "".join(keys)
            state["_vocab_lens"] = np.fromiter(map(len, keys), dtype=np.int32, count=len(keys))
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        import numpy as np

        state = dict(state)
        blob = state.pop("_vocab_blob", None)
        lens = state.pop("_vocab_lens", None)
        if blob is not None and lens is not None:
            ends = np.cumsum(lens, dtype=np.int64).tolist()
            starts = [0] + ends[:-1]
            state["vocabulary_"] = {blob[a:b]: i for i, (a, b) in enumerate(zip(starts, ends))}
        super().__setstate__(state)

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags


def _progress_printer(enabled: bool):  # type: ignore[no-untyped-def]
    import sys
    import time

    t0 = time.perf_counter()

    def say(msg: str) -> None:
        if enabled:
            print(f"[stance fit {time.perf_counter() - t0:7.1f}s] {msg}", file=sys.stderr, flush=True)

    return say


def _diag(v: Any) -> Any:
    import scipy.sparse as sp

    return sp.diags(v, format="csr")


def load_stance_model(models_dir: str | os.PathLike[str] | None = None) -> Any:
    """Load the stance classifier artifact from ``<models_dir>/stance/`` (checked, not cached)."""
    from .artifacts import default_models_dir, load_artifact

    base = Path(models_dir) if models_dir is not None else default_models_dir()
    model, _manifest = load_artifact(base / "stance", expected_name=ARTIFACT_NAME, expected_major=ARTIFACT_MAJOR)
    return model
