"""benchmarks/stance_ablation.py: its counting agrees with the evaluation's, its bootstrap is paired,
and its variants change only the piece they remove (on copies of the shipped scorer)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score, recall_score

from stance.loader import load_stance_model
from stance.stance_model.features import LABELS, StanceExample

from .conftest import load_script

ROOT = Path(__file__).resolve().parent.parent


def _ablation():
    return load_script("benchmarks/stance_ablation.py")


def test_scores_and_paired_bootstrap():
    ab = _ablation()
    rng = np.random.default_rng(0)
    gold = rng.integers(0, 3, 200)
    pred = np.where(rng.random(200) < 0.6, gold, rng.integers(0, 3, 200))
    conf = np.zeros((10, 3, 3), dtype=np.int64)
    for i, (g, p) in enumerate(zip(gold, pred)):
        conf[i % 10, g, p] += 1
    cal = [[(0.7, True)] * 3 for _ in range(10)]
    s = ab.scores_of(conf.sum(0), cal)
    assert abs(s["macro_f1"] - f1_score(gold, pred, average="macro")) < 1e-12
    assert np.allclose([s["hostile_recall"], s["neutral_recall"], s["conciliatory_recall"]], recall_score(gold, pred, average=None))
    assert abs(s["ece"] - 0.3) < 1e-12
    same = ab.bootstrap_diff(conf, cal, conf, cal, 50)
    assert all(v == [0.0, 0.0] for v in same.values())


def test_variants_change_only_their_piece():
    ab = _ablation()
    full = load_stance_model(kind="blended")
    before = full.predict_proba([StanceExample("Critics praised Freedonia for the deal.", 15, 24)])
    X = [StanceExample("Critics praised Freedonia for the deal.", 15, 24),
         StanceExample("Ruiz attacked Freedonia over the tariffs.", 14, 23, 0, 4)]
    params = json.loads((ROOT / "models" / "stance" / "manifest.json").read_text())["params"]
    no_net = ab.without_net(full)
    no_vec = ab.net_without_vectors(full)
    no_off = full.without_class_bias(params["class_bias"])
    assert no_net.net is None and full.net is not None and no_vec.net is not full.net
    from stance.stance_model.features import tokenize_batch

    p0, _ = full.linear_parts(X)
    pn = full.net.predict_proba(X, tokenize_batch(X))
    # without the network, a sentence without a source gets the linear nosrc head's probabilities
    assert np.allclose(no_net.predict_proba(X[:1]), p0[:1])
    # the source head is untouched by the network and its vectors
    assert np.allclose(no_vec.predict_proba(X[1:]), full.predict_proba(X[1:]))
    assert not np.allclose(no_vec.net.predict_proba(X[:1]), pn[:1])
    k = len(LABELS)
    assert np.allclose(full.intercept_[k:] - no_off.intercept_[k:], params["class_bias"]["src"])
    assert no_off.blend_bias == {} and full.blend_bias
    # the shipped scorer is unchanged
    assert np.allclose(full.predict_proba(X[:1]), before)


def test_with_temperature_changes_only_the_copy_s_temperature():
    ab = _ablation()
    q = load_stance_model(kind="quote")
    X = [StanceExample("Ruiz accused Freedonia of lying.", 13, 22, 0, 4),
         StanceExample("Ruiz thanked Freedonia for its help.", 13, 22, 0, 4)]
    t = q.temperature_
    flat = ab.with_temperature(q, 1.0)
    assert q.temperature_ == t and flat.temperature_ == 1.0
    assert (flat.predict_proba(X).argmax(1) == q.predict_proba(X).argmax(1)).all()
