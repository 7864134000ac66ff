"""The target-aware network (stance.stance_model.target_net): its flat numpy forward against a plain per-example
reference, the window and flags, batching, serialisation through the numpy scorer, blending into
the linear heads, and (with PyTorch) training and the numpy/PyTorch agreement."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_static_vectors import PIECES, _table, _toy_data

from stance.stance_model.static_vectors import PieceVocab
from stance.stance_model.features import LABELS, StanceExample, tokenize_marked, clause_bounds
from stance.stance_model.target_net import MAX_DIST, N_FLAGS, TargetNet, blend_heads, layout


def _net(H: int = 5, seed: int = 0, max_len: int = 64) -> TargetNet:
    rng = np.random.default_rng(seed)
    r = lambda *s: rng.normal(size=s).astype(np.float32)  # noqa: E731
    arrays = {"table": r(len(PIECES), H), "marker": r(3, H), "position": r(2 * MAX_DIST + 1, H), "flag": r(N_FLAGS, H),
              "conv_w": r(H, H, 3) * 0.5, "conv_b": r(H), "att_w": r(H), "att_b": np.array([0.1], np.float32), "out_w": r(3, 3 * H),
              "out_b": r(3)}
    weights = np.linspace(0.5, 1.0, len(PIECES)).astype(np.float32)
    return TargetNet(PieceVocab(PIECES, weights), arrays, LABELS, max_len=max_len)


def _reference_logits(net: TargetNet, ex: StanceExample) -> np.ndarray:
    """The network written out token by token, as the module docstring describes it."""
    a = net.arrays
    table = a["table_codes"].astype(np.float32) * a["table_scales"][:, None]
    toks, ti, si = tokenize_marked(ex)
    L = net.max_len
    w0 = max(0, min(ti - L // 2, len(toks) - L))
    win = list(range(w0, min(len(toks), w0 + L)))
    cs, ce = clause_bounds(toks, ti)
    hs = []
    for k in win:
        ids = net.vocab.piece_ids(toks[k])
        word = sum((table[p] * net.vocab.weights[p] for p in ids), np.zeros(net.hidden, np.float32)) / max(1, len(ids))
        mark = 1 if toks[k] == "<t>" else 2 if toks[k] == "<s>" else 0
        flag = int(cs <= k < ce) + 2 * int(si >= 0 and min(si, ti) < k < max(si, ti)) + 4 * int(si >= 0)
        d = max(-MAX_DIST, min(MAX_DIST, k - ti)) + MAX_DIST
        hs.append(np.maximum(word + a["marker"][mark] + a["position"][d] + a["flag"][flag], 0))
    cs_ = []
    for j in range(len(hs)):
        y = a["conv_b"].copy()
        for o in (-1, 0, 1):
            if 0 <= j + o < len(hs):
                y += a["conv_w"][:, :, o + 1] @ hs[j + o]
        cs_.append(np.maximum(y, 0) + hs[j])
    C = np.stack(cs_)
    s = C @ a["att_w"] + a["att_b"]
    e = np.exp(s - s.max())
    z = np.concatenate([(e[:, None] * C).sum(0) / e.sum(), C.max(0), C[ti - w0]])
    return a["out_w"] @ z + a["out_b"]


TEXTS = [
    ("The senator accused Ruritania of lying to voters.", "Ruritania", "senator"),
    ("Brandt praised Halvorsen, and the voters.", "Halvorsen", "Brandt"),
    ("Halvorsen's hammers.", "Halvorsen", None),
    ("The.", "The", None),
    ("Brandt spoke; but the senator, angry, accused Ruritania and Halvorsen of lying.", "Ruritania", "Brandt"),
    ("Ruritania (said Brandt) was wrong, and voters agreed.", "Ruritania", "Brandt"),
]


def _examples():
    out = []
    for text, t, s in TEXTS:
        a = text.index(t)
        if s:
            b = text.index(s)
            out.append(StanceExample(text, a, a + len(t), b, b + len(s)))
        out.append(StanceExample(text, a, a + len(t)))
    return out


def test_forward_equals_the_per_token_reference():
    net = _net()
    X = _examples()
    got = net.logits(X)
    want = np.stack([_reference_logits(net, ex) for ex in X])
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4)


def test_window_keeps_the_target_and_max_len_tokens():
    net = _net(max_len=8)
    words = " ".join(f"w{i}" for i in range(40))
    text = words + " Ruritania " + words
    a = text.index("Ruritania")
    X = [StanceExample(text, a, a + 9), StanceExample("Ruritania.", 0, 9)]
    t = layout(X, net.vocab, net.max_len)
    assert t["ntok"].tolist() == [8, 2]
    # the target is in the window, at distance 0 (dist index MAX_DIST)
    assert t["dist"][t["target"]].tolist() == [MAX_DIST, MAX_DIST]
    assert t["mark"][t["target"]].tolist() == [1, 1]
    # a long example's window agrees with the reference too
    np.testing.assert_allclose(net.logits(X), np.stack([_reference_logits(net, ex) for ex in X]), rtol=1e-4, atol=1e-4)


def test_between_and_source_flags():
    net = _net()
    text = "The senator accused Ruritania of lying."
    ex = StanceExample(text, text.index("Ruritania"), text.index("Ruritania") + 9, 4, 11)
    t = layout([ex], net.vocab, net.max_len)
    toks = tokenize_marked(ex)[0]
    between = [toks[i] for i in range(len(toks)) if t["flags"][i] & 2]
    assert between == ["accused"]
    assert (t["flags"] & 4).all()
    assert not (layout([StanceExample(text, ex.target_start, ex.target_end)], net.vocab, 64)["flags"] & 6).any()


def test_batch_equals_one_by_one():
    net = _net()
    X = _examples()
    batch = net.predict_proba(X)
    one = np.concatenate([net.predict_proba([ex]) for ex in X])
    np.testing.assert_allclose(batch, one, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(batch.sum(1), 1.0)
    assert net.predict_proba([]).shape == (0, 3)


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=120), st.data())
def test_any_unicode_gives_finite_deterministic_probabilities(text, data):
    net = _net()
    a = data.draw(st.integers(0, len(text) - 1))
    b = data.draw(st.integers(a + 1, len(text)))
    X = [StanceExample(text, a, b)]
    p = net.predict_proba(X)
    assert p.shape == (1, 3) and np.isfinite(p).all()
    np.testing.assert_array_equal(p, net.predict_proba(X))


def test_bad_arrays_are_refused():
    net = _net()
    arrays = dict(net.arrays)
    arrays["conv_w"] = arrays["conv_w"][:, :, :2]
    with pytest.raises(ValueError, match="conv_w"):
        TargetNet(net.vocab, arrays, LABELS)
    arrays = dict(net.arrays)
    del arrays["out_b"]
    with pytest.raises(ValueError, match="missing: out_b"):
        TargetNet(net.vocab, arrays, LABELS)
    with pytest.raises(ValueError, match="rows"):
        TargetNet(PieceVocab(PIECES[:-1], np.ones(len(PIECES) - 1, np.float32)), net.arrays, LABELS)


def test_pickle_round_trip():
    net = _net()
    back = pickle.loads(pickle.dumps(net))
    np.testing.assert_array_equal(back.logits(_examples()), net.logits(_examples()))


def test_blend_heads():
    p0 = np.array([[0.2, 0.5, 0.3]])
    p1 = np.array([[0.1, 0.8, 0.1]])
    pn = np.array([[0.6, 0.2, 0.2]])
    a, b = blend_heads(p0, p1, pn, {"nosrc": 0.5})
    np.testing.assert_allclose(a, [[0.4, 0.35, 0.25]])
    np.testing.assert_array_equal(b, p1)  # a head not named keeps its own probabilities
    a, _ = blend_heads(p0, p1, pn, {"nosrc": 1.0}, {"nosrc": [0.0, 0.0, 0.0]})
    np.testing.assert_allclose(a, pn)
    a, _ = blend_heads(p0, p1, pn, None, {"nosrc": [np.log(2.0), 0.0, 0.0]})
    np.testing.assert_allclose(a, np.array([[0.4, 0.5, 0.3]]) / 1.2)


def test_estimator_with_a_net_and_its_numpy_export_agree():
    from stance.stance_model.classifier import TargetStanceClassifier
    from stance.loader import scorer_from_npz
    from stance.training.export import build_inference

    X, y = _toy_data()
    net = _net()
    m = TargetStanceClassifier(min_count=1, net=net, net_blend={"nosrc": 0.5, "src": 0.25}, blend_bias={"nosrc": [0.2, 0, -0.1]}).fit(X, y)
    plain = TargetStanceClassifier(min_count=1).fit(X, y)
    p0, p1 = plain.head_probabilities(X)
    has = np.array([ex.has_source for ex in X])
    want = blend_heads(p0, p1, net.predict_proba(X), {"nosrc": 0.5, "src": 0.25}, {"nosrc": [0.2, 0, -0.1]})
    got = m.head_probabilities(X)
    # rows with a source use the src head alone, so only they are blended there,
    # and only the rows without one in the nosrc head
    np.testing.assert_allclose(got[0][~has], want[0][~has], atol=1e-6)
    np.testing.assert_allclose(got[0][has], p0[has], atol=1e-6)
    np.testing.assert_allclose(got[1][has], want[1][has], atol=1e-6)
    np.testing.assert_allclose(got[1][~has], p1[~has], atol=1e-6)
    final = np.where(has[:, None], want[1], want[0])
    np.testing.assert_allclose(m.predict_proba(X), final, atol=1e-6)
    data, info = build_inference(m, X)
    assert info["max_abs_diff"] < 1e-5
    scorer = scorer_from_npz(data)
    assert scorer.net is not None and scorer.net_blend == {"nosrc": 0.5, "src": 0.25}
    np.testing.assert_allclose(scorer.predict_proba(X), m.predict_proba(X), atol=1e-6)
    np.testing.assert_array_equal(pickle.loads(pickle.dumps(m)).predict_proba(X), m.predict_proba(X))
    with pytest.raises(ValueError, match="classes"):
        TargetStanceClassifier(min_count=1, net=TargetNet(net.vocab, net.arrays, ["a", "b", "c"])).fit(X, y)


def test_the_network_runs_only_where_its_blend_is_used(monkeypatch):
    from stance.stance_model.classifier import TargetStanceClassifier

    X, y = _toy_data()
    net = _net()
    seen = []
    real = TargetNet.predict_proba

    def spy(self, X, tokens=None):
        seen.append(len(X))
        return real(self, X, tokens)

    monkeypatch.setattr(TargetNet, "predict_proba", spy)
    m = TargetStanceClassifier(min_count=1, net=net, net_blend={"nosrc": 0.5}).fit(X, y)
    m.predict_proba(X)
    assert seen == [sum(not ex.has_source for ex in X)]
    seen.clear()
    m.predict_proba([ex for ex in X if ex.has_source])
    assert seen == []


def test_train_net_is_deterministic_and_numpy_matches_pytorch():
    pytest.importorskip("torch")
    import torch

    from stance.training.net import train_net

    X, y = _toy_data()
    vec = _table(dim=8)
    soft_X = X[:10]
    soft_P = np.tile([[0.2, 0.6, 0.2]], (10, 1))
    params = {"epochs": 3, "hidden": 8, "batch_size": 16}
    a = train_net(X, y, soft_X, soft_P, vec, params)
    b = train_net(X, y, soft_X, soft_P, vec, params)
    for k in a.arrays:
        np.testing.assert_array_equal(a.arrays[k], b.arrays[k])
    # the numpy forward of the folded network against the PyTorch module it came from
    from stance.training.net import _padded

    arr, WV = _padded(X, vec, a.max_len)
    mod = a.torch_module
    with torch.no_grad():
        T = {k: torch.from_numpy(v) for k, v in arr.items()}
        pt = mod(torch.from_numpy(WV)[T["word"]], T["mark"], T["dist"], T["flags"], T["mask"], T["target"]).softmax(-1).numpy()
    pn = a.predict_proba(X)
    assert np.abs(pn - pt).max() < 0.02  # the table is stored as int8 codes
    assert (pn.argmax(1) == pt.argmax(1)).mean() > 0.95
    with pytest.raises(ValueError, match="unknown network parameters"):
        train_net(X, y, [], [], vec, {"hiden": 8})


def test_word_cache_growth_and_reset_change_nothing(monkeypatch):
    import stance.stance_model.target_net as tn

    X = _examples()
    want = _net().logits(X)
    net = _net()
    monkeypatch.setattr(tn, "_MAX_WORDS", 6)  # fewer rows than one batch's words: reset on every miss
    np.testing.assert_allclose(net.logits(X), want, rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(net.logits(X[::-1]), want[::-1], rtol=1e-6, atol=1e-6)
    monkeypatch.setattr(tn, "_MAX_WORDS", 500_000)
    net = _net()
    for ex in X:  # one example at a time: the cache grows past its first size
        net.logits([ex])
    np.testing.assert_allclose(net.logits(X), want, rtol=1e-6, atol=1e-6)


def test_threads_share_the_word_cache_safely():
    from concurrent.futures import ThreadPoolExecutor

    words = ["senator", "voters", "hammers", "ruritania", "brandt", "halvorsen", "lying", "praised"]
    X = []
    for i in range(200):  # many distinct tokens, so the cache grows while threads read it
        text = f"w{i} {words[i % 8]} x{i % 13} accused Ruritania of {words[(i * 3) % 8]} y{i}."
        a = text.index("Ruritania")
        X.append(StanceExample(text, a, a + 9))
    want = _net().logits(X)
    net = _net()
    chunks = [X[i::8] for i in range(8)]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda c: net.logits(c), chunks * 3))
    for i, g in enumerate(got):
        np.testing.assert_allclose(g, want[i % 8::8], rtol=1e-5, atol=1e-5)
