"""The quote-trained stance model as a scikit-learn estimator (training and evaluation only).

:class:`QuoteStanceClassifier` learns the speaker's stance toward a party from (quotation, party,
label) examples built the way the pipeline builds them at run time
(:func:`stance.stance_model.examples.stance_examples`). Features and the runtime arithmetic are
in :mod:`stance.stance_model.quote_scorer`; :meth:`QuoteStanceClassifier.to_scorer` gives the
numpy :class:`~stance.stance_model.quote_scorer.QuoteStanceScorer` written to ``inference.npz``.

Calibration: a temperature fitted (by minimising the log-loss) on out-of-fold scores of a
cross-validation grouped by article, so the shipped probabilities are calibrated on articles the
weights were not fitted on.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Sequence

import numpy as np
from scipy import sparse
from scipy.optimize import minimize_scalar
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, StratifiedKFold

from stance.stance_model.features import LABELS, read_lexicon, tokenize_batch
from stance.stance_model.inference import softmax_rows
from stance.stance_model.quote_scorer import BASE_GROUPS, DEFAULT_GROUPS, FEATURE_GROUPS, QuoteStanceScorer, base_columns, feature_strings, route_quotations, sparse_rows


def fit_temperature(scores: Any, y_idx: Any) -> float:
    """The temperature ``T`` minimising the log-loss of ``softmax(scores / T)``."""
    scores = np.asarray(scores, dtype=np.float64)
    rows = np.arange(len(y_idx))

    def nll(log_t: float) -> float:
        p = softmax_rows(scores / np.exp(log_t))
        return float(-np.mean(np.log(np.clip(p[rows, y_idx], 1e-12, None))))

    res = minimize_scalar(nll, bounds=(-3.0, 3.0), method="bounded")
    return float(np.exp(res.x))


def balanced_factors(y: Any, class_weight: Any) -> Any:
    """Per-example weight factors: for ``class_weight="balanced"``, ``n / (k * count(label))``
    (scikit-learn's balanced weights, applied as sample weights so that they multiply the
    examples' own weights); all 1 for any other ``class_weight`` (which the logistic regression
    applies)."""
    y = np.asarray(y, dtype=object)
    out = np.ones(len(y))
    if class_weight != "balanced" or not len(y):
        return out
    labels = sorted(set(y))
    counts = Counter(y)
    for c in labels:
        out[y == c] = len(y) / (len(labels) * counts[c])
    return out


class QuoteStanceClassifier(ClassifierMixin, BaseEstimator):
    """Stance toward a party from quote-level training data: logistic regression over lexical and
    base-model features, with a temperature fitted by grouped CV.

    Parameters: ``base`` the proxy-trained model whose probabilities are the ``heads`` columns
    (needed when ``groups`` holds it); ``groups`` the feature groups
    (:data:`~stance.stance_model.quote_scorer.FEATURE_GROUPS`); ``C`` the inverse regularisation;
    ``class_weight`` as in scikit-learn; ``min_count`` how often a feature must occur in training;
    ``window`` the lexical features' window; ``calibrate`` fit the temperature (else 1) on
    ``cv`` folds grouped by the ``groups`` argument of :meth:`fit`."""

    def __init__(self, base: Any = None, groups: Sequence[str] = DEFAULT_GROUPS, C: float = 1.0,
                 class_weight: Any = "balanced", min_count: int = 2, window: int = 10,
                 calibrate: bool = True, cv: int = 5, max_iter: int = 2000):
        self.base = base
        self.groups = groups
        self.C = C
        self.class_weight = class_weight
        self.min_count = min_count
        self.window = window
        self.calibrate = calibrate
        self.cv = cv
        self.max_iter = max_iter

    # -- design matrix -------------------------------------------------------------------------
    def _strings(self, X: Sequence[Any]) -> list[list[str]]:
        return feature_strings(X, tokenize_batch(X), tuple(self.groups), self.lexicon_, self.window)

    def _needs_base(self) -> bool:
        return any(g in self.groups for g in BASE_GROUPS)

    def _matrix(self, strings: list[list[str]], stack: Any, vocabulary: dict[str, int]) -> Any:
        indptr, indices, data = sparse_rows(strings, vocabulary)
        M = sparse.csr_matrix((data, indices, indptr), shape=(len(strings), len(vocabulary)))
        if self._needs_base():
            M = sparse.hstack([M, sparse.csr_matrix(stack)], format="csr")
        return M

    def _lr(self) -> LogisticRegression:
        # newton-cg: lbfgs needed minutes on these few thousand rows (hundreds of iterations), newton-cg ~1 s.
        # "balanced" is applied as sample weights by fit (balanced_factors).
        cw = None if self.class_weight == "balanced" else self.class_weight
        return LogisticRegression(C=self.C, class_weight=cw, max_iter=self.max_iter, solver="newton-cg")

    def _vocabulary(self, strings: list[list[str]]) -> dict[str, int]:
        counts = Counter(f for fs in strings for f in fs)
        return {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= self.min_count))}

    def _ordered(self, lr: LogisticRegression, M: Any) -> Any:
        order = [list(lr.classes_).index(c) for c in LABELS]
        return lr.decision_function(M)[:, order]

    # -- scikit-learn API ------------------------------------------------------------------------
    def fit(self, X: Sequence[Any], y: Sequence[str], groups: Sequence[Any] | None = None,
            sample_weight: Any = None) -> "QuoteStanceClassifier":
        """Fit on examples ``X`` with labels ``y``; ``groups`` (e.g. article ids) group the
        calibration folds; ``sample_weight`` weighs the examples (default 1 each; ``"balanced"``
        class weights multiply it, counted over all examples as scikit-learn counts them)."""
        X = list(X)
        w = np.ones(len(X)) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
        if w.shape != (len(X),):
            raise ValueError(f"sample_weight has shape {w.shape}, expected ({len(X)},)")
        y = np.asarray([str(v) for v in y], dtype=object)
        unknown = set(y) - set(LABELS)
        if unknown:
            raise ValueError(f"unknown labels {sorted(unknown)}")
        w = w * balanced_factors(y, self.class_weight)
        unknown_groups = set(self.groups) - set(FEATURE_GROUPS)
        if unknown_groups:
            raise ValueError(f"unknown feature groups {sorted(unknown_groups)}")
        if self._needs_base() and self.base is None:
            raise ValueError(f"the feature groups {list(BASE_GROUPS)} need a base model")
        self.lexicon_ = read_lexicon()
        self.classes_ = np.asarray(LABELS, dtype=object)
        strings = self._strings(X)
        stack = base_columns(self.base, X, self.groups) if self._needs_base() else None
        y_idx = np.asarray([LABELS.index(v) for v in y])
        self.temperature_ = 1.0
        if self.calibrate:
            oof = np.zeros((len(X), len(LABELS)))
            if groups is not None:
                splits = GroupKFold(n_splits=self.cv).split(X, y, groups)
            else:
                splits = StratifiedKFold(n_splits=self.cv, shuffle=True, random_state=0).split(X, y)
            for tr, te in splits:
                vocab = self._vocabulary([strings[i] for i in tr])
                sub = None if stack is None else stack
                M = self._matrix(strings, sub, vocab)
                lr = self._lr().fit(M[tr], y[tr], sample_weight=w[tr])
                oof[te] = self._ordered(lr, M[te])
            self.oof_scores_ = oof
            self.temperature_ = fit_temperature(oof, y_idx)
        self.vocabulary_ = self._vocabulary(strings)
        M = self._matrix(strings, stack, self.vocabulary_)
        lr = self._lr().fit(M, y, sample_weight=w)
        order = [list(lr.classes_).index(c) for c in LABELS]
        coef = lr.coef_[order].T  # (n_columns, k)
        nv = len(self.vocabulary_)
        self.coef_ = np.ascontiguousarray(coef[:nv])
        self.stack_coef_ = np.ascontiguousarray(coef[nv:]) if self._needs_base() else np.zeros((0, len(LABELS)))
        self.intercept_ = lr.intercept_[order].astype(np.float64)
        return self

    def decision_function(self, X: Sequence[Any]) -> Any:
        X = list(X)
        stack = base_columns(self.base, X, self.groups) if self._needs_base() else None
        M = self._matrix(self._strings(X), stack, self.vocabulary_)
        W = np.vstack([self.coef_, self.stack_coef_]) if self._needs_base() else self.coef_
        return np.asarray(M @ W) + self.intercept_

    def predict_proba(self, X: Sequence[Any]) -> Any:
        """As :meth:`QuoteStanceScorer.predict_proba`: quotation examples scored by this model,
        the others by the base model."""
        return route_quotations(list(X), lambda q: softmax_rows(self.decision_function(q) / self.temperature_), self.base)

    def predict(self, X: Sequence[Any]) -> Any:
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]

    def to_scorer(self) -> QuoteStanceScorer:
        """The numpy scorer with the same weights (the base model attached as it is)."""
        return QuoteStanceScorer(self.vocabulary_, self.coef_, self.stack_coef_, self.intercept_, self.temperature_,
                                 LABELS, lexicon=self.lexicon_, window=self.window,
                                 groups=tuple(self.groups), base=self.base)
