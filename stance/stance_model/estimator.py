"""The scikit-learn stance estimator, :class:`TargetStanceClassifier` (training, evaluation and
inspection). Import it from :mod:`stance.stance_model.classifier`, which loads this module on first use.

This module imports :mod:`sklearn.base` at import time (the estimator subclasses it); the
features come from :mod:`stance.stance_model.features`. The runtime pipeline scores with
:class:`stance.stance_model.inference.LinearStanceScorer` instead, which needs neither scikit-learn nor scipy.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

from sklearn.base import BaseEstimator, ClassifierMixin

from stance.stance_model.features import (
    route_heads,
    DEFAULT_HEAD_CORPORA,
    HEADS,
    LABELS,
    StanceExample,
    example_domain,
    feature_lists,
    lookup_columns,
    read_lexicon,
    tokenize_batch,
)

#: The shipped model's class offsets of the ``src`` head (hostile, neutral, conciliatory).
DEFAULT_CLASS_BIAS: Mapping[str, Sequence[float]] = {"src": (-1.0, 0.0, -1.0)}
#: The shipped model's share of the network in each head's probabilities.
DEFAULT_NET_BLEND: Mapping[str, float] = {"nosrc": 0.5}
#: The shipped model's class offsets of the blend.
DEFAULT_BLEND_BIAS: Mapping[str, Sequence[float]] = {"nosrc": (0.0, 0.0, -0.2)}


class TargetStanceClassifier(ClassifierMixin, BaseEstimator):
    """Hostile / neutral / conciliatory stance toward a marked target (see the module docstring).

    Two linear heads share one feature vocabulary: ``nosrc`` (fitted on reader-perceived sentiment,
    NewsMTSC) scores examples without a source span and ``src`` (fitted on directed,
    source-to-target stance) scores examples with one.

    The defaults are the shipped model's parameters (chosen on the dev splits only; see
    ``data/STANCE_DATA_CARD.md``).

    Args:
        C: inverse regularisation strength of the ``nosrc`` head.
        C_src: inverse regularisation strength of the ``src`` head.
        window: how many tokens left and right of the target are featurised.
        min_count: keep features seen at least this often in the training data.
        head_corpora: ``{head: {corpus: weight}}``, the training corpora of each head (weight 0
            leaves a corpus out); ``None`` uses :data:`DEFAULT_HEAD_CORPORA`. Examples of a
            corpus not named get weight 1 in the head of their own domain, 0 in the other.
        balance: weight classes inversely to their frequency within each corpus.
        sublinear_tf: use log(1 + count) feature values.
        class_bias: ``{head: [b_hostile, b_neutral, b_conciliatory]}`` added to the head's
            log-odds before the softmax (class-prior adjustment; the default, on the ``src`` head,
            was tuned on directed_sentiment dev: the per-corpus class balancing over-predicts the
            rare polar classes); ``None`` adds nothing.
        net: a trained target-aware network (:class:`stance.stance_model.target_net.TargetNet`, trained by
            :func:`stance.training.net.train_net`) whose probabilities are blended into the heads';
            it is not refitted by :meth:`fit`. ``None``: the linear heads alone.
        net_blend: ``{head: weight}``, the network's share of each head's probabilities
            (:func:`stance.stance_model.target_net.blend_heads`); a head not named gets 0. Used
            only with a ``net``.
        blend_bias: ``{head: [b_hostile, b_neutral, b_conciliatory]}`` added to the blended
            log-probabilities (a class-prior offset of the blend); ``None`` adds nothing. Used only
            with a ``net``. The default blend and offsets were chosen on NewsMTSC dev_rw and dev_mt
            (blend 0.3-0.6, offsets -0.5..0.5 in steps of 0.1, each point rated by the mean
            macro-F1 of its 3x3 neighbourhood); blending into the ``src`` head moved
            directed_sentiment dev by 0.002 at most, so that head goes without.
        max_iter, tol: optimiser settings.
        random_state: kept for API symmetry; the lbfgs solver is deterministic.
        lexicon: ``{word: category}``; ``None`` reads the packaged lexicon at fit time
            (it is then stored in the fitted model, so the artifact is self-contained).
        verbose: print fitting progress (vocabulary, each head) to stderr.
    """

    def __init__(
        self,
        C: float = 8.0,
        C_src: float = 32.0,
        window: int = 10,
        min_count: int = 2,
        head_corpora: Mapping[str, Mapping[str, float]] | None = None,
        balance: bool = True,
        sublinear_tf: bool = True,
        class_bias: Mapping[str, Sequence[float]] | None = DEFAULT_CLASS_BIAS,
        net: Any = None,
        net_blend: Mapping[str, float] | None = DEFAULT_NET_BLEND,
        blend_bias: Mapping[str, Sequence[float]] | None = DEFAULT_BLEND_BIAS,
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
        self.sublinear_tf = sublinear_tf
        self.class_bias = class_bias
        self.net = net
        self.net_blend = net_blend
        self.blend_bias = blend_bias
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state
        self.lexicon = lexicon
        self.verbose = verbose

    # -- features ------------------------------------------------------------------
    def _feature_lists(self, X: Iterable[StanceExample]) -> Iterable[list[str]]:
        return feature_lists(X, self.lexicon_, self.window, None)

    def _build_vocabulary(self, X: Sequence[StanceExample]) -> dict[str, int]:
        from collections import Counter

        counts: Counter[str] = Counter()
        for feats in self._feature_lists(X):
            counts.update(feats)
        m = max(1, int(self.min_count))
        # insertion order = first occurrence in the training data: deterministic
        return {f: i for i, f in enumerate(f for f, c in counts.items() if c >= m)}

    def transform_features(self, X: Sequence[StanceExample], tokens: Sequence[Any] | None = None) -> Any:
        """The sparse feature matrix (rows L2-normalised) the heads see.

        Feature strings are looked up in the vocabulary fixed at fit time (unknown ones are
        dropped); one list of column indices is built for the whole batch and turned into a CSR
        matrix with a single numpy call.
        """
        import numpy as np
        import scipy.sparse as sp
        from sklearn.preprocessing import normalize

        X = list(X)
        idx, ends = lookup_columns(X, self.vocabulary_, self.lexicon_, self.window, tokens)
        keep = idx >= 0
        kept = np.concatenate([[0], np.cumsum(keep)])
        indptr = kept[ends]
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

        spec = dict((self.head_corpora or DEFAULT_HEAD_CORPORA).get(head, {}))
        corpora = np.asarray([ex.corpus for ex in X], dtype=object)
        doms = np.asarray([example_domain(ex) for ex in X], dtype=object)
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
        clf = LogisticRegression(C=C, max_iter=self.max_iter, tol=self.tol, solver="lbfgs")
        clf.fit(Mh, yh, sample_weight=wh)
        if len(present) == 2:
            c0, c1 = present
            coef[c1], icpt[c1] = clf.coef_[0] / 2, clf.intercept_[0] / 2
            coef[c0], icpt[c0] = -clf.coef_[0] / 2, -clf.intercept_[0] / 2
        else:
            coef[present], icpt[present] = clf.coef_, clf.intercept_
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
        if self.net is not None and [str(c) for c in self.net.classes_] != classes:
            raise ValueError(f"the network's classes {list(self.net.classes_)} differ from the labels' {classes}")
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
        coef = np.vstack(coefs).T
        self.coef_ = np.ascontiguousarray(coef, dtype=np.float32)
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
        """``(p_nosrc, p_src)``: each head's class probabilities for every example, with the
        network's blended in (when there is one) on the rows whose routed probability uses that
        head (:func:`stance.stance_model.target_net.blend_with_net`)."""
        import numpy as np

        self._check_fitted()
        X = list(X)
        k = len(self.classes_)
        tokens = tokenize_batch(X)  # once, for the sparse features and the network
        M = self.transform_features(X, tokens)
        S = np.asarray(M @ self.coef_, dtype=np.float64)  # float32 x float32: no upcast copy
        S += self.intercept_
        out = []
        for s in (S[:, :k], S[:, k:]):
            s = s - s.max(axis=1, keepdims=True)
            e = np.exp(s)
            out.append(e / e.sum(axis=1, keepdims=True))
        if self.net is not None and X:
            from stance.stance_model.target_net import blend_with_net

            return blend_with_net(out[0], out[1], X, tokens, self.net, self.net_blend, self.blend_bias)
        return out[0], out[1]

    def predict_proba(self, X: Sequence[StanceExample]) -> Any:
        """Class probabilities; columns follow :attr:`classes_`."""
        X = list(X)
        p0, p1 = self.head_probabilities(X)
        return route_heads(X, p0, p1)

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
