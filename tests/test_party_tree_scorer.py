"""The party filter's numpy tree ensemble (:mod:`stance.parties.tree_scorer`): exported from
scikit-learn's ``HistGradientBoostingClassifier`` (alone or blended with the logistic regression,
:class:`stance.training.party_filter.BlendedFilter`), it must give the estimator's probabilities."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.artifacts.npz import InferenceFileError, write_npz
from stance.loader import scorer_from_npz
from stance.parties.tree_scorer import TREE_KIND, TreeEnsembleScorer

TYPES = ("person", "state", "organization")
WHERE = ("quote", "frame")


def _examples(n: int, seed: int = 0, missing: bool = True, negative: bool = True) -> tuple[list[dict], np.ndarray]:
    """Feature dicts with a conjunction a linear model cannot form (a party when the type is a
    state inside the quotation, or a person in the frame), a numeric feature with missing values
    (None), and noise."""
    rng = np.random.default_rng(seed)
    X, y = [], []
    for i in range(n):
        t, w = TYPES[int(rng.integers(3))], WHERE[int(rng.integers(2))]
        d = {"bias": 1.0, "type": t, "where": w, "next": f"w{int(rng.integers(6))}"}
        if rng.random() < 0.4:
            d["titled"] = 1.0
        if i % 150 == 0:
            d["rare"] = 1.0  # too rare for a leaf: the blended filter's trees do not read it
        d["score"] = None if missing and rng.random() < 0.2 else float(rng.normal() if negative else rng.uniform(0, 2))
        party = (t == "state" and w == "quote") or (t == "person" and w == "frame")
        if d["score"] is None:
            party = not party  # a missing value that carries information: the trees learn where it goes
        y.append(int(party if rng.random() < 0.9 else not party))
        X.append(d)
    return X, np.asarray(y)


@pytest.fixture(scope="module")
def fitted():
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.feature_extraction import DictVectorizer

    X, y = _examples(600)
    dv = DictVectorizer(sparse=False)
    M = dv.fit_transform(X)
    hgb = HistGradientBoostingClassifier(max_iter=40, max_leaf_nodes=7, min_samples_leaf=5, early_stopping=False,
                                         random_state=0).fit(M, y)
    return dv, hgb, X, y


@pytest.fixture(scope="module")
def fitted_nonnegative():
    """An ensemble of non-negative features: every split sends a zero left (the exit masks apply)."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.feature_extraction import DictVectorizer

    X, y = _examples(600, seed=1, missing=False, negative=False)
    dv = DictVectorizer(sparse=False)
    hgb = HistGradientBoostingClassifier(max_iter=40, max_leaf_nodes=7, min_samples_leaf=5, early_stopping=False,
                                         random_state=0).fit(dv.fit_transform(X), y)
    return dv, hgb


def test_export_reproduces_the_estimator(fitted):
    dv, hgb, X, _ = fitted
    scorer = TreeEnsembleScorer.from_hist_gradient_boosting(hgb, dv.vocabulary_, separator=dv.separator)
    assert bool(scorer.missing_left.any())  # the missing scores go left somewhere: the test covers both ways
    arrays, meta = scorer.to_arrays()
    again = scorer_from_npz(write_npz(arrays, meta), expected_kind=TREE_KIND)
    expected = hgb.predict_proba(dv.transform(X))
    assert np.abs(again.predict_proba(X) - expected).max() < 1e-9
    assert list(again.classes_) == list(hgb.classes_)


def test_the_ensemble_forms_the_conjunction(fitted):
    dv, hgb, _, _ = fitted
    scorer = TreeEnsembleScorer.from_hist_gradient_boosting(hgb, dv.vocabulary_)
    p = scorer.predict_proba([{"type": "state", "where": "quote", "score": 0.0},
                              {"type": "state", "where": "frame", "score": 0.0},
                              {"type": "person", "where": "frame", "score": 0.0},
                              {"type": "person", "where": "quote", "score": 0.0}])[:, 1]
    assert p[0] > p[1] and p[2] > p[3]  # type x place: no single feature tells these apart


def test_a_subset_of_columns_and_a_linear_part(fitted):
    """The ensemble reads some of the vocabulary's columns; the linear part reads all of them and
    the probability is the mean of the two, as the blended filter's estimator gives it."""
    from stance.training import party_filter as pf

    X, y = _examples(500, seed=3, missing=False)  # the logistic regression takes no missing values
    params = dict(pf.TREE_PARAMS, max_iter=25)
    old = pf.TREE_PARAMS
    pf.TREE_PARAMS = params
    try:
        model = pf.BlendedFilter(C=0.3).fit(X, y)
    finally:
        pf.TREE_PARAMS = old
    scorer = model.to_scorer()
    assert scorer.coef is not None and len(model.columns) < len(scorer.vocabulary_)
    arrays, meta = scorer.to_arrays()
    again = TreeEnsembleScorer.from_arrays(arrays, meta)
    Xt, _ = _examples(300, seed=4, missing=False)
    Xt.append({"type": "unknown type", "no such feature": 2.0})
    assert np.abs(again.predict_proba(X + Xt) - model.predict_proba(X + Xt)).max() < 1e-9


_values = st.one_of(st.none(), st.floats(-3, 3, allow_nan=False), st.sampled_from(["person", "state", "w1", "zzz"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["bias", "type", "where", "next", "titled", "score", "other"]),
                                _values, max_size=6), min_size=1, max_size=12))
def test_any_batch_scores_as_the_estimator_and_row_by_row(fitted, batch):
    dv, hgb, _, _ = fitted
    scorer = TreeEnsembleScorer.from_hist_gradient_boosting(hgb, dv.vocabulary_)
    p = scorer.predict_proba(batch)
    assert np.abs(p - hgb.predict_proba(dv.transform(batch))).max() < 1e-9
    assert np.allclose(p.sum(axis=1), 1.0) and ((p >= 0) & (p <= 1)).all()
    one_by_one = np.vstack([scorer.predict_proba([x]) for x in batch])
    assert np.array_equal(p, one_by_one)  # a row's score does not depend on its batch


def test_exit_masks_need_splits_that_send_a_zero_left(fitted, fitted_nonnegative):
    assert TreeEnsembleScorer.from_hist_gradient_boosting(fitted[1], fitted[0].vocabulary_)._exits is None
    assert TreeEnsembleScorer.from_hist_gradient_boosting(fitted_nonnegative[1], fitted_nonnegative[0].vocabulary_)._exits is not None


def test_malformed_arrays_are_refused(fitted):
    dv, hgb, _, _ = fitted
    arrays, meta = TreeEnsembleScorer.from_hist_gradient_boosting(hgb, dv.vocabulary_).to_arrays()
    bad = dict(arrays, left=arrays["left"] + 10_000)
    with pytest.raises(InferenceFileError):
        scorer_from_npz(write_npz(bad, meta))
    with pytest.raises(InferenceFileError):
        scorer_from_npz(write_npz({k: v for k, v in arrays.items() if k != "threshold"}, meta))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.floats(-2, 2, allow_nan=False), min_size=1, max_size=8), min_size=1, max_size=10),
       st.integers(0, 10_000))
def test_exit_masks_reach_the_leaves_the_walk_reaches(fitted_nonnegative, values, seed):
    """The two ways of scoring (exit masks for rows without missing values, the walk for any row)
    give the same bits, whatever the values and where they stand."""
    dv, hgb = fitted_nonnegative
    scorer = TreeEnsembleScorer.from_hist_gradient_boosting(hgb, dv.vocabulary_)
    assert scorer._exits is not None
    rng = np.random.default_rng(seed)
    M = np.zeros((len(values), len(dv.vocabulary_)))
    for i, row in enumerate(values):
        M[i, rng.choice(M.shape[1], size=len(row), replace=False)] = row
    r, c = np.nonzero(M)
    assert np.array_equal(scorer._quick_scores(r, c, M[r, c], len(M)), scorer._walk_scores(M))
    assert np.array_equal(scorer.raw_scores(M), scorer._walk_scores(M))


def test_features_read_as_dictvectorizer_reads_them(fitted):
    """Ints, None, and a list of strings naming one value twice (its feature counted twice, as
    DictVectorizer counts it) give DictVectorizer's matrix and the estimator's probabilities."""
    dv, hgb, X, _ = fitted
    scorer = TreeEnsembleScorer.from_hist_gradient_boosting(hgb, dv.vocabulary_, separator=dv.separator)
    batch = [dict(x) for x in X[:5]]
    batch[0]["next"] = ["w1", "w2", "w1"]
    batch[1]["bias"] = 1
    batch[2]["score"] = None
    assert np.array_equal(scorer.transform(batch), dv.transform(batch), equal_nan=True)
    assert np.abs(scorer.predict_proba(batch) - hgb.predict_proba(dv.transform(batch))).max() < 1e-9
