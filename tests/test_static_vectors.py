"""Static word-piece vectors (stance.stance_model.static_vectors): WordPiece splitting, the file
format and its checks, building them, and `stance train stance` end to end (with the network when
PyTorch is installed, and without it)."""

from __future__ import annotations

import numpy as np
import pytest

from stance.stance_model.static_vectors import StaticVectors, quantize
from stance.stance_model.features import StanceExample

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


def test_build_vectors_skips_held_out_polnear_articles(tmp_path, monkeypatch):
    """The piece counts never read the article corpus's dev/test PolNeAR articles (by doc_id):
    a word only they hold keeps the weight of an unseen piece."""
    import json

    from stance.corpora.quote_corpus import held_out_ids
    from stance.training import vectors as tv

    held = sorted(held_out_ids())[0]
    rng = np.random.default_rng(0)
    E = rng.normal(size=(len(PIECES), 12)).astype(np.float32)
    monkeypatch.setattr(tv, "encode_pieces", lambda **kw: (list(PIECES), E, {"base": "test", "base_version": "0"}))
    common = "The senator accused Ruritania of lying to voters, and Halvorsen praised hammers."
    for corpus in ("newsmtsc", "directed_sentiment", "polnear"):
        (tmp_path / corpus).mkdir()
        recs = [{"doc_id": "kept", "text": common}]
        if corpus == "polnear":
            recs.append({"doc_id": held, "text": "Brandt Brandt Brandt"})
        (tmp_path / corpus / "train.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs))
    header = tv.build_vectors(tmp_path, tmp_path / "v.npz", dim=4, progress=False)
    v = StaticVectors.load(tmp_path / "v.npz", sha256=header["sha256"])
    ids = {p: i for i, p in enumerate(PIECES)}
    assert v.weights[ids["brandt"]] == 1.0 and v.weights[ids["the"]] < 1.0
    assert v.meta["held_out_skipped"] == 1


def _toy_corpora(tmp_path):
    import json

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
    return data, X


def test_train_stance_with_vectors_end_to_end(tmp_path):
    """`stance train stance` on tiny synthetic corpora with a vectors file and the network: the
    manifest names the vectors, the artifact loads through load_stance_model (numpy scorer and
    estimator agree), and a second run gives the same predictions."""
    pytest.importorskip("torch")
    from stance.loader import load_stance_model
    from stance.training.stance import train_stance

    data, X = _toy_corpora(tmp_path)
    t = _table()
    t.save(tmp_path / "v.npz")
    params = {"min_count": 1, "class_bias": None, "net": {"epochs": 2, "hidden": 8}}
    runs = []
    for name in ("a", "b"):
        out = tmp_path / "models" / name / "stance"
        manifest = train_stance(data, out, progress=False, params=params, pseudo_labels=False, vectors=tmp_path / "v.npz")
        assert manifest["version"].startswith("4.")
        assert [f for f in manifest["training_data"] if f["corpus"] == "vectors"][0]["sha256"] == t.sha256
        assert manifest["params"]["vectors"]["sha256"] == t.sha256
        scorer = load_stance_model(out.parent)
        est = load_stance_model(out.parent, estimator=True)
        assert scorer.net is not None and est.net.hidden == 8 and manifest["params"]["net"]["epochs"] == 2
        np.testing.assert_allclose(scorer.predict_proba(X), est.predict_proba(X), atol=1e-6)
        runs.append(scorer.predict_proba(X))
    np.testing.assert_array_equal(runs[0], runs[1])


def test_train_stance_without_the_network(tmp_path):
    """Without vectors (and so without PyTorch) the linear heads alone are trained and exported;
    the manifest records the estimator's (shipped) defaults with the overrides given."""
    from stance.loader import load_stance_model
    from stance.stance_model.estimator import DEFAULT_CLASS_BIAS
    from stance.training.stance import train_stance

    data, X = _toy_corpora(tmp_path)
    out = tmp_path / "models" / "stance"
    manifest = train_stance(data, out, progress=False, params={"min_count": 1}, pseudo_labels=False, vectors=False)
    assert manifest["params"]["min_count"] == 1 and manifest["params"]["C"] == 8.0
    assert manifest["params"]["class_bias"] == {k: list(v) for k, v in DEFAULT_CLASS_BIAS.items()}
    assert manifest["params"]["net"] is None and manifest["params"]["net_blend"] is None
    scorer = load_stance_model(out.parent)
    est = load_stance_model(out.parent, estimator=True)
    assert scorer.net is None
    np.testing.assert_allclose(scorer.predict_proba(X), est.predict_proba(X), atol=1e-6)
