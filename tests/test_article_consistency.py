"""benchmarks/article_consistency.py: the within-article mixing it measures."""

from __future__ import annotations

import numpy as np

from .conftest import load_script


def test_mixed_averages_a_key_s_other_rows_and_leaves_single_rows():
    mod = load_script("benchmarks/article_consistency.py")
    P = np.asarray([[0.8, 0.1, 0.1], [0.2, 0.7, 0.1], [0.1, 0.1, 0.8], [0.3, 0.3, 0.4]])
    keys = [("a", "X"), ("a", "X"), ("a", "X"), ("b", "X")]
    Q = mod.mixed(P, keys, 0.5)
    assert np.allclose(Q[0], 0.5 * P[0] + 0.5 * (P[1] + P[2]) / 2)
    assert np.allclose(Q[3], P[3])  # the only stance of its party in its article
    assert np.allclose(Q.sum(1), 1.0) and np.allclose(mod.mixed(P, keys, 0.0), P)


def test_mixed_analyses_relabel_from_the_mixture_without_touching_the_input():
    mod = load_script("benchmarks/article_consistency.py")
    doc = {"id": "d", "quotes": [
        {"stances": [{"target": "Ruritania", "label": "neutral", "scores": {"hostile": 0.4, "neutral": 0.45, "conciliatory": 0.15}}]},
        {"stances": [{"target": "Ruritania", "label": "hostile", "scores": {"hostile": 0.9, "neutral": 0.05, "conciliatory": 0.05}}]},
        {"stances": [{"target": "Freedonia", "label": "neutral", "scores": {"hostile": 0.1, "neutral": 0.8, "conciliatory": 0.1}}]}]}
    out = mod.mixed_analyses([doc], 0.5)[0]
    assert out["quotes"][0]["stances"][0]["label"] == "hostile"  # (0.4 + 0.9) / 2 against (0.45 + 0.05) / 2
    assert out["quotes"][2]["stances"][0] == doc["quotes"][2]["stances"][0]
    assert doc["quotes"][0]["stances"][0]["label"] == "neutral"  # a copy
