"""The trained speaker ranker: a scikit-learn model that scores speaker candidates.

Each candidate of a cue is a dict of features (:func:`stance.speakers.candidates.candidate_features`); the
ranker gives the probability that it is the cue's speaker, and the pipeline takes the best-scoring
candidate per cue. It is a plain scikit-learn ``Pipeline`` (``DictVectorizer`` then
``LogisticRegression``), saved as the versioned artifact ``models/speaker_ranker``; the pipeline
scores with its numpy export (:class:`LinearRanker`, read from ``inference.npz``), which gives the
same probabilities without importing scikit-learn.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any, Iterable, Mapping

import numpy as np

from stance.artifacts.dict_features import dict_entries
from stance.artifacts.npz import array_field, pack_vocabulary, unpack_vocabulary, vocabulary_header

#: Inference kind of the ranker's numpy scorer.
RANKER_KIND = "linear-ranker"


def make_ranker(C: float = 1.0, random_state: int = 0) -> Any:
    """An untrained ranker: ``DictVectorizer`` + ``LogisticRegression``."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(
        DictVectorizer(sparse=True),
        LogisticRegression(C=C, max_iter=2000, class_weight="balanced", random_state=random_state),
    )


class LinearRanker:
    """The speaker ranker without scikit-learn: ``predict_proba(list of feature dicts)``.

    Reproduces ``make_pipeline(DictVectorizer(), LogisticRegression())``: ``classes_`` as the
    estimator's, ``predict_proba`` columns in that order."""

    kind = RANKER_KIND
    #: A binary model scores a batch of at most this many features in all (a pronoun's antecedents,
    #: a short document's speaker candidates) in plain Python (:meth:`_binary_scores`), a larger one
    #: vectorised (:meth:`_sparse_scores`): fewer instructions each way (measured by callgrind on
    #: the pipeline's batches); the scores are the same bits.
    PYTHON_FEATURES = 150

    def __init__(self, vocabulary: Mapping[Any, int], coef: Any, intercept: Any, classes: Any, separator: str = "="):
        self.vocabulary_ = dict(vocabulary)
        self.coef_ = np.asarray(coef, dtype=np.float64)  # (n_classes or 1, n_features)
        self.intercept_ = np.asarray(intercept, dtype=np.float64)
        self.classes_ = np.asarray(classes)
        self.separator = separator
        if self.coef_.ndim != 2 or self.coef_.shape[1] != len(self.vocabulary_):
            raise ValueError(f"coef has shape {self.coef_.shape}, expected (k, {len(self.vocabulary_)})")
        if self.intercept_.shape != (self.coef_.shape[0],):
            raise ValueError(f"intercept has shape {self.intercept_.shape}, expected ({self.coef_.shape[0]},)")
        if len(self.classes_) < 2 or (len(self.classes_) > 2) != (self.coef_.shape[0] == len(self.classes_)):
            raise ValueError(f"{len(self.classes_)} classes do not fit coef rows {self.coef_.shape[0]}")

    def __repr__(self) -> str:
        return f"LinearRanker({len(self.vocabulary_)} features, classes={self.classes_.tolist()})"

    # -- export / import ---------------------------------------------------------------------
    @classmethod
    def from_estimator(cls, model: Any) -> "LinearRanker":
        dv, lr = ranker_steps(model)
        return cls(dv.vocabulary_, lr.coef_, lr.intercept_, lr.classes_, dv.separator)

    def to_arrays(self) -> tuple[dict[str, Any], dict[str, Any]]:
        arrays, spec, n_features = pack_vocabulary(self.vocabulary_)
        arrays["coef"] = self.coef_
        arrays["intercept"] = self.intercept_
        return arrays, vocabulary_header(self.kind, self.classes_, self.separator, n_features, spec)

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, Any], meta: Mapping[str, Any]) -> "LinearRanker":
        coef = array_field(arrays, "coef", np.float64, 2)
        intercept = array_field(arrays, "intercept", np.float64, 1)
        return cls(unpack_vocabulary(arrays, meta), coef, intercept, meta["classes"], str(meta["separator"]))

    # -- prediction --------------------------------------------------------------------------
    def _binary_scores(self, X: list[Mapping[Any, Any]]) -> list[float] | None:
        """A binary model's score of each feature dict whose values are all floats and strings (the
        features the pipeline's rankers take), in plain Python; None for any other value (then
        :func:`~stance.artifacts.dict_features.dict_entries` handles it). Each known feature's weight times its value is added, in
        column order, to 0.0, then the intercept: the same float64 operations in the same order as
        the sparse product over ``DictVectorizer``'s sorted rows, so the same bits. A batch of a few
        candidates costs a few microseconds this way instead of some twenty numpy calls."""
        weights = self.__dict__.get("_weights")
        if weights is None or weights[0] is not self.coef_ or weights[1] is not self.intercept_:
            # the weights as plain floats, made again when coef_ or intercept_ is replaced
            weights = self._weights = (self.coef_, self.intercept_, self.coef_[0].tolist(), float(self.intercept_[0]),
                                       bool(np.isfinite(self.coef_[0]).all()))
        w, b, finite = weights[2], weights[3], weights[4]
        get = self.vocabulary_.get
        sep = self.separator
        out = []
        for x in X:
            terms = []
            for f, v in x.items():
                tv = type(v)
                if tv is float:
                    if v == 0.0 and finite:
                        continue  # w * 0.0 changes no sum that starts at +0.0 (which is never -0.0)
                    j = get(f)
                elif tv is str:
                    j = get("%s%s%s" % (f, sep, v))
                    v = 1.0
                else:
                    return None
                if j is not None:
                    terms.append((j, v))
            terms.sort(key=itemgetter(0))  # stable, as the vectorised path's sort
            s = 0.0
            for j, v in terms:
                s += w[j] * v
            out.append(s + b)
        return out

    def decision_function(self, X: Iterable[Mapping[Any, Any]] | Mapping[Any, Any]) -> Any:
        if isinstance(X, Mapping):
            X = [X]
        X = X if isinstance(X, list) else list(X)
        if self.coef_.shape[0] == 1 and sum(map(len, X)) <= self.PYTHON_FEATURES:
            scores = self._binary_scores(X)
            if scores is not None:
                return np.array(scores, dtype=np.float64)
        return self._sparse_scores(X)

    def _sparse_scores(self, X: list[Mapping[Any, Any]]) -> Any:
        """The scores of any feature dicts through :func:`~stance.artifacts.dict_features.dict_entries`, vectorised."""
        rows, cols, vals, n = dict_entries(X, self.vocabulary_, self.separator)
        # the vectorizer sorts each row's columns (rows are in order already: one stable sort)
        order = np.argsort(rows * self.coef_.shape[1] + cols, kind="stable")
        cols, vals = cols[order], vals[order]
        if self.coef_.shape[0] == 1:  # binary: one score per row
            return np.bincount(rows, weights=self.coef_[0][cols] * vals, minlength=n) + self.intercept_[0]
        scores = np.empty((n, self.coef_.shape[0]), dtype=np.float64)
        for k in range(self.coef_.shape[0]):
            scores[:, k] = np.bincount(rows, weights=self.coef_[k][cols] * vals, minlength=n)
        scores += self.intercept_
        return scores

    def predict_proba(self, X: Iterable[Mapping[Any, Any]] | Mapping[Any, Any]) -> Any:
        """Class probabilities of each feature dict; columns follow :attr:`classes_`."""
        d = self.decision_function(X)
        if d.ndim == 1:  # binary logistic regression
            p = 1.0 / (1.0 + np.exp(-d))
            out = np.empty((len(p), 2), dtype=np.float64)
            out[:, 0] = 1.0 - p
            out[:, 1] = p
            return out
        e = np.exp(d - d.max(axis=1, keepdims=True))  # multinomial: softmax over the classes
        return e / e.sum(axis=1, keepdims=True)

    def predict(self, X: Iterable[Mapping[Any, Any]] | Mapping[Any, Any]) -> Any:
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]


def ranker_steps(model: Any) -> tuple[Any, Any]:
    steps = [s for _, s in getattr(model, "steps", [])]
    if len(steps) != 2 or type(steps[0]).__name__ != "DictVectorizer" or type(steps[1]).__name__ != "LogisticRegression":
        raise TypeError(f"expected a Pipeline(DictVectorizer, LogisticRegression), got {model!r}")
    dv, lr = steps
    if np.dtype(dv.dtype) != np.float64:
        raise TypeError(f"the DictVectorizer's dtype is {dv.dtype}, only float64 is exported")
    return dv, lr
