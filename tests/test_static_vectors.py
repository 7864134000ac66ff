"""Static word-piece vectors (stance.static_vectors): WordPiece splitting, the pools, the file
format and its checks, and the estimator / numpy scorer agreeing on a model with a dense block."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.static_vectors import POOLS, StaticVectors, dense_features, quantize
from stance.stance_features import StanceExample

PIECES = ["[PAD]", "[UNK]", "the", "senator", "accused", "praised", "ruritania", "of", "lying", "'", "s",
          "ham", "##mer", "##s", "rur", "##it", "##ania", "brandt", ",", ".", "and", "voters", "to", "halvorsen"]


def _table(dim: int = 8, seed: int = 0) -> StaticVectors:
    rng = np.random.default_rng(seed)
    V = rng.normal(size=(len(PIECES), dim)).astype(np.float32)
    codes, scales = quantize(V)
    return StaticVectors(PIECES, codes, scales, np.ones(len(PIECES), np.float32), {"base": "test"})


def test_wordpiece_longest_match_first():
    t = _table()
    ids = {p: i for i, p in enumerate(PIECES)}
    assert t.piece_ids("senator") == (ids["senator"],)
    assert t.piece_ids("hammers") == (ids["ham"], ids["##mer"], ids["##s"])
    assert t.piece_ids("senator's") == (ids["senator"], ids["'"], ids["s"])
    assert t.piece_ids("zzz") == ()  # no piece covers "z": BERT's [UNK], dropped
    assert t.piece_ids("<t>") == () and t.piece_ids("<s>") == ()


def test_quantize_is_close():
    V = np.random.default_rng(1).normal(size=(50, 16)).astype(np.float32)
    codes, scales = quantize(V)
    assert codes.dtype == np.int8
    err = np.abs(codes * scales[:, None] - V).max(axis=1)
    assert (err <= scales * 0.5 + 1e-6).all()


def test_pools_hold_what_they_say():
    t = _table()
    text = "The senator accused Ruritania of lying to voters."
    ex = StanceExample(text, text.index("Ruritania"), text.index("Ruritania") + 9, 4, 11)
    F = dense_features([ex], t, window=2)
    d = t.dim
    assert F.shape == (1, len(POOLS) * d)
    pools = {name: F[0, i * d:(i + 1) * d] for i, name in enumerate(POOLS)}
    V = t.vectors
    ids = {p: i for i, p in enumerate(PIECES)}
    close = dict(rtol=1e-5, atol=1e-6)
    # left window of 2: "accused" (distance 1) and "<s>" (no pieces): the mean is "accused"
    np.testing.assert_allclose(pools["left"], V[ids["accused"]], **close)
    # right: "of" (weight 1/1) and "lying" (1/2), a weighted mean
    np.testing.assert_allclose(pools["right"], (V[ids["of"]] + V[ids["lying"]] / 2) / 1.5, **close)
    np.testing.assert_allclose(pools["target"], V[ids["ruritania"]], **close)
    # between the source ("senator") and the target: "accused"
    np.testing.assert_allclose(pools["between"], V[ids["accused"]], **close)
    # no source: the between pool is zero
    F2 = dense_features([StanceExample(text, ex.target_start, ex.target_end)], t, window=2)
    assert not F2[0, 5 * d:].any()
    # the weight scales the whole block
    np.testing.assert_allclose(dense_features([ex], t, window=2, weight=3.0), 3 * F, rtol=1e-6)


def test_folded_scores_equal_the_linear_model_on_the_pools():
    from stance.static_vectors import fold, folded_scores

    t = _table(dim=8)
    rng = np.random.default_rng(2)
    C = rng.normal(size=(len(POOLS) * 8, 6))
    X = [StanceExample("The senator accused Ruritania of lying to voters.", 20, 29, 4, 11),
         StanceExample("Brandt praised Halvorsen and the voters.", 0, 6), StanceExample("", 0, 0)]
    want = dense_features(X, t, weight=2.0) @ C
    got = folded_scores(X, t, fold(t, C, weight=2.0).astype(np.float32))
    np.testing.assert_allclose(got, want, atol=0.02 * np.abs(want).max())  # float16 table


def test_batch_equals_one_by_one():
    t = _table()
    texts = ["The senator accused Ruritania of lying.", "", "Brandt praised Halvorsen and the voters.", "zzz qqq"]
    X = [StanceExample(s, 0, min(len(s), 3)) for s in texts]
    F = dense_features(X, t)
    for i, ex in enumerate(X):
        np.testing.assert_array_equal(F[i], dense_features([ex], t)[0])
    assert not F[1].any()  # empty text: all pools zero
    assert np.isfinite(F).all()


def test_file_round_trip_and_hash_check(tmp_path):
    t = _table()
    p = tmp_path / "v.npz"
    sha = t.save(p)
    back = StaticVectors.load(p, sha256=sha)
    assert back.pieces == t.pieces and back.sha256 == sha
    np.testing.assert_array_equal(back.vectors, t.vectors)
    assert t.to_bytes() == back.to_bytes()  # deterministic bytes
    with pytest.raises(ValueError, match="sha256"):
        StaticVectors.load(p, sha256="0" * 64)
    with pytest.raises(FileNotFoundError, match="stance train vectors"):
        StaticVectors.load(tmp_path / "missing.npz")


def test_bad_tables_are_refused():
    with pytest.raises(ValueError, match="duplicates"):
        StaticVectors(["a", "a"], np.zeros((2, 2), np.int8), np.ones(2), np.ones(2))
    with pytest.raises(ValueError, match="shape"):
        StaticVectors(["a", "b"], np.zeros((3, 2), np.int8), np.ones(2), np.ones(2))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80), st.data())
def test_any_unicode_gives_finite_pools(text, data):
    t = _table()
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    F = dense_features([StanceExample(text, a, b)], t)
    assert np.isfinite(F).all()
    # a weighted mean of rows of the table stays inside its bounding box
    V = t.vectors
    assert (F.reshape(len(POOLS), -1) <= V.max(0) + 1e-5).all() and (F.reshape(len(POOLS), -1) >= V.min(0) - 1e-5).all() or not F.any()
    np.testing.assert_array_equal(F, dense_features([StanceExample(text, a, b)], t))  # same input, same output


def _toy_data():
    names = ["Halvorsen", "Brandt", "Castellano", "Ivanova"]
    X, y = [], []
    for i in range(60):
        n = names[i % 4]
        if i % 3 == 0:
            s = f"The senator accused {n} of lying to voters."
            lab = "hostile"
        elif i % 3 == 1:
            s = f"The senator praised {n} and the voters."
            lab = "conciliatory"
        else:
            s = f"The senator met {n} on the day."
            lab = "neutral"
        X.append(StanceExample(s, s.index(n), s.index(n) + len(n), 4, 11 if i % 2 else None) if i % 2 else
                 StanceExample(s, s.index(n), s.index(n) + len(n)))
        y.append(lab)
    return X, y


def test_estimator_with_vectors_and_its_numpy_export_agree(tmp_path):
    import pickle

    from stance.classifier import TargetStanceClassifier
    from stance.inference import build_inference, scorer_from_npz

    X, y = _toy_data()
    t = _table()
    t.save(tmp_path / "v.npz")
    m = TargetStanceClassifier(vectors=str(tmp_path / "v.npz"), dense_weight=2.0, min_count=1).fit(X, y)
    assert m.dense_table_.shape == (len(PIECES), len(POOLS), 6)
    assert m.coef_.shape[0] == len(m.vocabulary_)
    assert m.vectors_sha256_ == t.sha256
    data, info = build_inference(m, X)
    assert info["max_abs_diff"] < 1e-5
    scorer = scorer_from_npz(data)
    np.testing.assert_allclose(scorer.predict_proba(X), m.predict_proba(X), atol=1e-6)
    # the fitted model needs no vectors: pickled, it predicts the same
    back = pickle.loads(pickle.dumps(m))
    np.testing.assert_array_equal(back.predict_proba(X), m.predict_proba(X))
    # the dense block is used: without it the probabilities differ
    m2 = TargetStanceClassifier(min_count=1).fit(X, y)
    assert getattr(m2, "dense_table_", None) is None
    assert not np.allclose(m2.predict_proba(X), m.predict_proba(X))
    # a corrupted table shape is refused when the npz is read
    from stance.inference import LinearStanceScorer

    with pytest.raises(ValueError, match="dense table"):
        LinearStanceScorer(m.vocabulary_, m.coef_, m.intercept_, list(m.classes_), lexicon=m.lexicon_, window=m.window,
                           sublinear_tf=True, src_blend=1.0,
                           dense={"pieces": m.piece_vocab_, "table": m.dense_table_[:, :2], "window": 6})


def test_build_vectors_counts_projects_and_quantises(tmp_path, monkeypatch):
    """stance train vectors, with the encoder replaced by random vectors (the real one needs the
    [contextual] extra and a minute): pieces are counted in the corpora, the PCA keeps ``dim``
    dimensions, rows are unit length, and the same inputs give the same bytes."""
    import json

    from stance.training import vectors as tv

    rng = np.random.default_rng(0)
    E = rng.normal(size=(len(PIECES), 12)).astype(np.float32)
    monkeypatch.setattr(tv, "encode_pieces", lambda **kw: (list(PIECES), E, {"base": "test", "base_version": "0"}))
    for corpus in ("newsmtsc", "directed_sentiment", "polnear"):
        (tmp_path / corpus).mkdir()
        recs = [{"text": "The senator accused Ruritania of lying to voters, and Brandt praised Halvorsen."},
                {"text": "Hammers and the senator's voters."}]
        (tmp_path / corpus / "train.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs))
    out = tmp_path / "v.npz"
    header = tv.build_vectors(tmp_path, out, dim=4, progress=False)
    v = StaticVectors.load(out, sha256=header["sha256"])
    assert v.dim == 4 and v.pieces == PIECES
    np.testing.assert_allclose(np.linalg.norm(v.vectors, axis=1), 1.0, atol=0.02)
    ids = {p: i for i, p in enumerate(PIECES)}
    # frequent pieces weigh less (SIF); a piece never seen keeps the largest weight
    assert v.weights[ids["the"]] < v.weights[ids["brandt"]] < v.weights[ids["[PAD]"]] == 1.0
    assert v.meta["counted_in"][0]["corpus"] == "newsmtsc"
    assert tv.build_vectors(tmp_path, tmp_path / "w.npz", dim=4, progress=False)["sha256"] == header["sha256"]
    with pytest.raises(ValueError, match="fewer than dim"):
        tv.build_vectors(tmp_path, tmp_path / "x.npz", dim=20, progress=False)


def test_dense_heads_limits_the_block_to_the_named_heads(tmp_path):
    """With dense_heads=("nosrc",) the src head is the sparse-only model's src head."""
    from stance.classifier import TargetStanceClassifier

    X, y = _toy_data()
    t = _table()
    t.save(tmp_path / "v.npz")
    m = TargetStanceClassifier(vectors=str(tmp_path / "v.npz"), dense_heads=("nosrc",), min_count=1).fit(X, y)
    plain = TargetStanceClassifier(min_count=1).fit(X, y)
    k = len(m.classes_)
    assert not m.dense_table_[:, :, k:].any() and m.dense_table_[:, :, :k].any()
    np.testing.assert_allclose(m.coef_[:, k:], plain.coef_[:, k:], rtol=1e-4, atol=1e-5)
    p_src = m.head_probabilities(X)[1]
    np.testing.assert_allclose(p_src, plain.head_probabilities(X)[1], atol=1e-4)


def test_train_stance_with_vectors_end_to_end(tmp_path):
    """`stance train stance` on tiny synthetic corpora with a vectors file: the manifest names the
    vectors, the artifact loads through load_stance_model (numpy scorer and estimator agree), and a
    second run gives the same predictions."""
    pytest.importorskip("torch", reason="training the stance network needs PyTorch (the [contextual] extra)")
    import json

    from stance.classifier import load_stance_model
    from stance.training.stance import train_stance

    X, y = _toy_data()
    data = tmp_path / "data"
    for corpus, split in (("newsmtsc", "train"), ("directed_sentiment", "train"), ("newsmtsc", "dev_rw")):
        (data / corpus).mkdir(parents=True, exist_ok=True)
        rows = []
        for i, (e, lab) in enumerate(zip(X, y)):
            has = corpus == "directed_sentiment"
            if has != e.has_source:
                continue
            r = {"id": f"{corpus}{i}", "text": e.text, "label": lab,
                 "target": {"start": e.target_start, "end": e.target_end, "text": e.text[e.target_start:e.target_end]}}
            if has:
                r["source_actor"] = {"start": e.source_start, "end": e.source_end, "text": e.text[e.source_start:e.source_end]}
            rows.append(json.dumps(r))
        (data / corpus / f"{split}.jsonl").write_text("\n".join(rows) + "\n")
    t = _table()
    t.save(tmp_path / "v.npz")
    params = {"min_count": 1, "class_bias": None, "dense_heads": ["nosrc"], "net": {"epochs": 2, "hidden": 8}}
    runs = []
    for name in ("a", "b"):
        out = tmp_path / "models" / name / "stance"
        manifest = train_stance(data, out, progress=False, params=params, pseudo_labels=False, vectors=tmp_path / "v.npz")
        assert manifest["version"].startswith("4.")
        assert [f for f in manifest["training_data"] if f["corpus"] == "vectors"][0]["sha256"] == t.sha256
        assert manifest["params"]["vectors"]["sha256"] == t.sha256
        scorer = load_stance_model(out.parent)
        est = load_stance_model(out.parent, estimator=True)
        assert est.dense_table_ is not None and scorer.dense is not None
        if manifest["params"]["net"] is not None:  # trained when PyTorch is installed
            assert scorer.net is not None and est.net.hidden == 8 and manifest["params"]["net"]["epochs"] == 2
        np.testing.assert_allclose(scorer.predict_proba(X), est.predict_proba(X), atol=1e-6)
        runs.append(scorer.predict_proba(X))
    np.testing.assert_array_equal(runs[0], runs[1])
