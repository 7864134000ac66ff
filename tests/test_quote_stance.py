"""The quote-trained stance model: estimator <-> numpy scorer,
its artifact and the loader's checks of the base model it stacks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.artifacts import ArtifactError
from stance.artifacts.npz import write_npz
from stance.loader import load_stance_model, scorer_from_npz, stance_artifact_dirs
from stance.stance_model.features import LABELS, StanceExample
from stance.stance_model.quote_scorer import QuoteStanceScorer


ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "models"


class FixedBase:
    """A stand-in base model: probabilities from the text's length (deterministic)."""

    classes_ = np.asarray(LABELS, dtype=object)

    @staticmethod
    def _p(X, shift):
        s = np.asarray([[(len(x.text) + shift) % 7, len(x.text) % 5, 1.0] for x in X], dtype=float)
        e = np.exp(s / 3)
        return e / e.sum(1, keepdims=True)

    def predict_proba(self, X):
        return self._p(X, 0)

    def linear_parts(self, X, tokens=None, feats=None):
        return self._p(X, 1), self._p(X, 2)


def _toy_data(n=90, seed=0):
    rng = np.random.default_rng(seed)
    verbs = {"hostile": ["accused", "attacked", "condemned"], "neutral": ["met", "visited", "called"],
             "conciliatory": ["praised", "thanked", "welcomed"]}
    X, y, g = [], [], []
    for i in range(n):
        lab = LABELS[i % 3]
        v = verbs[lab][int(rng.integers(0, 3))]
        text = f"Minister Ruiz {v} Freedonia on day {i}, she said."
        ts = text.index("Freedonia")
        X.append(StanceExample(text, ts, ts + 9, 0, 13))
        y.append(lab)
        g.append(f"a{i // 6}")
    return X, y, g


def test_estimator_scorer_roundtrip_and_calibration():
    from stance.stance_model.quote_estimator import QuoteStanceClassifier

    X, y, g = _toy_data()
    m = QuoteStanceClassifier(base=FixedBase(), C=1.0, min_count=1).fit(X, y, groups=g)
    assert 0 < m.temperature_ and list(m.classes_) == list(LABELS)
    assert np.mean(m.predict(X) == np.asarray(y)) > 0.9
    arrays, meta = m.to_scorer().to_arrays()
    scorer = scorer_from_npz(write_npz(arrays, meta), expected_kind="quote-stance")
    assert isinstance(scorer, QuoteStanceScorer) and scorer.needs_base
    with pytest.raises(RuntimeError):
        scorer.predict_proba(X[:2])
    scorer.with_base(FixedBase())
    p = scorer.predict_proba(X + [StanceExample("", 0, 0)])
    assert np.abs(p[:-1] - m.predict_proba(X)).max() < 1e-9
    assert np.allclose(p.sum(1), 1.0)


def test_estimator_without_stack_needs_no_base():
    from stance.stance_model.quote_estimator import QuoteStanceClassifier

    X, y, _ = _toy_data(60)
    m = QuoteStanceClassifier(groups=("lexical",), calibrate=False, min_count=1).fit(X, y)
    assert m.temperature_ == 1.0 and not m.to_scorer().needs_base
    with pytest.raises(ValueError):
        QuoteStanceClassifier(groups=("heads",)).fit(X, y)
    for gone in ("stack", "relation"):  # the network's columns were removed in 4.2.0, the relation features after 4.5.0
        with pytest.raises(ValueError, match="unknown feature groups"):
            QuoteStanceClassifier(base=FixedBase(), groups=("lexical", gone), min_count=1, calibrate=False).fit(X, y)


def test_shipped_quote_model_loads_and_refuses_another_base(tmp_path):
    assert stance_artifact_dirs("quote") == ["quote_stance", "stance"]
    model = load_stance_model(MODELS, kind="quote")
    ex = StanceExample('"They are liars," Ruiz said of Freedonia.', 30, 39, 17, 21)
    p = model.predict_proba([ex])
    assert p.shape == (1, 3) and abs(p.sum() - 1) < 1e-9
    manifest = json.loads((MODELS / "quote_stance" / "manifest.json").read_text())
    assert manifest["name"] == "quote-stance" and manifest["base"]["name"] == "stance-classifier"
    for d in ("quote_stance", "stance"):
        shutil.copytree(MODELS / d, tmp_path / d)
    mpath = tmp_path / "quote_stance" / "manifest.json"
    bad = dict(manifest, base=dict(manifest["base"], sha256="0" * 64))
    mpath.write_text(json.dumps(bad))
    with pytest.raises(ArtifactError, match="base model"):
        load_stance_model(tmp_path, kind="quote")
    with pytest.raises(ValueError):
        load_stance_model(MODELS, kind="quote", estimator=True)


def test_pipeline_with_quote_model():
    import stance

    nlp = stance.load(stance_model="quote")
    a = nlp('"We will fight the Liberal Party to the end," said Jane Roe, the leader of the Green Party.')
    st_ = [s for q in a.quotes for s in q.stances]
    assert st_ and all(s.label in LABELS and abs(sum(s.scores.values()) - 1) < 1e-3 for s in st_)


def test_component_with_quote_model_round_trip(tmp_path):
    import spacy

    from stance.components import MODELS_FOLDER

    text = "“The senator is a dangerous liar,” Governor Tom Hale told reporters. Hale praised Mayor Ruth Ames for her courage."
    nlp = spacy.blank("en")
    nlp.add_pipe("stance", config={"stance_model": "quote"})
    before = nlp(text)._.stance.to_dict()
    nlp.to_disk(tmp_path / "pipe")
    for sub in ("speaker_ranker", "quote_stance", "stance"):  # the stacked model travels with its base
        assert (tmp_path / "pipe" / "stance" / MODELS_FOLDER / sub / "manifest.json").is_file()
    assert spacy.load(tmp_path / "pipe")(text)._.stance.to_dict() == before


def test_cache_fingerprint_covers_the_base_model():
    from stance.integrations.cache import models_fingerprint

    fp = models_fingerprint({"stance_model": "quote", "ranker": False})
    assert fp.startswith("quote_stance:") and ";stance:" in fp


def test_head_columns_are_the_linear_heads_and_has_source():
    from stance.stance_model.quote_scorer import HEAD_COLUMNS, base_column_count, base_columns, head_columns

    X = [StanceExample("Ruiz attacked Freedonia.", 14, 23, 0, 4), StanceExample("Ruiz attacked Freedonia.", 14, 23)]
    H = head_columns(FixedBase(), X)
    p0, p1 = FixedBase().linear_parts(X)
    assert H.shape == (2, HEAD_COLUMNS) == (2, 7)
    assert np.allclose(H[:, :3], np.log(p0)) and np.allclose(H[:, 3:6], np.log(p1)) and H[:, 6].tolist() == [1.0, 0.0]
    assert base_columns(FixedBase(), X, ("lexical",)).shape == (2, base_column_count(("lexical",))) == (2, 0)


def test_linear_parts_with_shared_features_are_the_linear_heads():
    """The shipped base's linear heads, given the tokens and feature strings the quote model
    computes (no second feature extraction), equal those it computes itself."""
    from stance.stance_model.features import extract_features, lookup_columns, tokenize_batch

    base = load_stance_model(MODELS, kind="blended")
    X = [StanceExample("Ruiz attacked Freedonia over the tariffs.", 14, 23, 0, 4),
         StanceExample("Critics praised Freedonia for the deal.", 15, 24)]
    tokens = tokenize_batch(X)
    feats = [extract_features(x, base.lexicon_, base.window, t) for x, t in zip(X, tokens)]
    a = lookup_columns(X, base.vocabulary_, base.lexicon_, base.window, tokens)
    b = lookup_columns(X, base.vocabulary_, base.lexicon_, base.window, None, feats)
    assert all(np.array_equal(u, v) for u, v in zip(a, b))
    p0, p1 = base.linear_parts(X)
    q0, q1 = base.linear_parts(X, tokens, feats)
    assert np.array_equal(p0, q0) and np.array_equal(p1, q1)


def test_shipped_quote_model_tokenizes_and_extracts_once_per_example(monkeypatch):
    """The shipped quote model (3.x) tokenizes each example and extracts its lexical features once
    for its own columns and its base model's (2.0.0 did both twice: most of its extra run time),
    and scores the same whether the base's features are shared or recomputed."""
    from stance.stance_model import features, quote_scorer

    model = load_stance_model(MODELS, kind="quote")
    assert model.needs_base and model._shares_features()
    X = [StanceExample('"They are liars," Ruiz said of Freedonia.', 30, 39, 17, 21),
         StanceExample("Critics praised Freedonia for the deal.", 15, 24)]
    shared = model.decision_function(X)
    calls = {"tokenize": 0, "extract": 0}
    real_tok, real_ext = features.tokenize_marked, features.extract_features

    def tok(ex):
        calls["tokenize"] += 1
        return real_tok(ex)

    def ext(*a, **k):
        calls["extract"] += 1
        return real_ext(*a, **k)

    monkeypatch.setattr(features, "tokenize_marked", tok)
    monkeypatch.setattr(features, "extract_features", ext)
    monkeypatch.setattr(quote_scorer, "extract_features", ext)
    assert np.array_equal(model.decision_function(X), shared)
    assert calls == {"tokenize": len(X), "extract": len(X)}
    monkeypatch.setattr(type(model), "_shares_features", lambda self: False)
    assert np.allclose(model.decision_function(X), shared, atol=1e-12)


def test_sentence_corpus_examples_keep_the_base_probabilities():
    """Only quotation examples (the pipeline's, corpus "quote") are scored by the stacked model; a
    directed_sentiment or NewsMTSC sentence gets exactly the base model's probabilities."""
    from stance.stance_model.quote_estimator import QuoteStanceClassifier

    X, y, g = _toy_data()
    m = QuoteStanceClassifier(base=FixedBase(), C=1.0, min_count=1).fit(X, y, groups=g)
    sentences = [StanceExample(x.text, x.target_start, x.target_end, x.source_start, x.source_end, corpus=c)
                 for x, c in zip(X[:6], ["directed_sentiment", "newsmtsc"] * 3)]
    mixed = [v for pair in zip(X[:6], sentences) for v in pair]
    scorer = m.to_scorer()
    for model in (m, scorer):
        p = model.predict_proba(mixed)
        assert np.allclose(p[1::2], FixedBase().predict_proba(sentences))
        assert np.allclose(p[0::2], model.predict_proba(X[:6]))
        assert not np.allclose(p[0::2], FixedBase().predict_proba(X[:6]))


def test_sample_weight_changes_the_fit():
    from stance.stance_model.quote_estimator import QuoteStanceClassifier

    X, y, _ = _toy_data(60)
    w = np.where(np.asarray(y) == "hostile", 5.0, 1.0)
    a = QuoteStanceClassifier(base=FixedBase(), calibrate=False, min_count=1, C=0.1, class_weight=None).fit(X, y)
    b = QuoteStanceClassifier(base=FixedBase(), calibrate=False, min_count=1, C=0.1, class_weight=None).fit(X, y, sample_weight=w)
    assert b.predict_proba(X)[:, 0].mean() > a.predict_proba(X)[:, 0].mean() + 0.01
    with pytest.raises(ValueError):
        QuoteStanceClassifier(base=FixedBase(), min_count=1).fit(X, y, sample_weight=w[:3])


def test_linear_parts_of_the_shipped_base():
    """The base scorer's linear parts are its unblended heads: blending them with its network as
    the scorer does gives its predict_proba."""
    from stance.stance_model.features import route_heads, tokenize_batch
    from stance.stance_model.target_net import blend_heads

    base = load_stance_model(MODELS, kind="blended")
    X = [StanceExample("Ruiz attacked Freedonia over the tariffs.", 14, 23, 0, 4),
         StanceExample("Critics praised Freedonia for the deal.", 15, 24)]
    p0, p1 = base.linear_parts(X)
    pn = base.net.predict_proba(X, tokenize_batch(X))
    b0, b1 = blend_heads(p0, p1, pn, base.net_blend, base.blend_bias)
    assert np.allclose(route_heads(X, b0, b1), base.predict_proba(X), atol=1e-6)


def test_grouped_cv_never_trains_on_the_held_out_articles(monkeypatch):
    """Each fold is fitted on the other articles' pipeline examples and gold-quotation examples,
    gold-quotation examples weighted by gold_weight; every pipeline example is predicted once."""
    from stance.stance_model import quote_estimator
    from stance.training.quote_stance import grouped_cv_predictions

    X, y, g = _toy_data(60)
    gx, gy, gg = _toy_data(30, seed=1)
    gx = [StanceExample(x.text + " gold", x.target_start, x.target_end, x.source_start, x.source_end) for x in gx]
    article = {x.text: a for x, a in zip(X + gx, g + gg)}
    fits = []
    real_fit = quote_estimator.QuoteStanceClassifier.fit

    def spy(self, Xf, yf, groups=None, sample_weight=None):
        fits.append(([article[x.text] for x in Xf], [x.text.endswith(" gold") for x in Xf], list(sample_weight)))
        return real_fit(self, Xf, yf, groups=groups, sample_weight=sample_weight)

    monkeypatch.setattr(quote_estimator.QuoteStanceClassifier, "fit", spy)
    pred = grouped_cv_predictions(X, y, g, (gx, gy, gg), {"C": 1.0, "gold_weight": 0.25, "min_count": 1}, FixedBase(), folds=3)
    assert len(fits) == 3 and len(pred) == len(X) and all(p in LABELS for p in pred)
    seen = set()
    for arts, is_gold, w in fits:
        held = set(g) - {a for a, gd in zip(arts, is_gold) if not gd}
        assert held and not held & set(arts)  # neither pipeline nor gold examples of held-out articles
        assert all(wi == (0.25 if gd else 1.0) for wi, gd in zip(w, is_gold))
        seen |= held
    assert seen == set(g)


def test_balanced_factors_are_scikit_learns():
    from sklearn.utils.class_weight import compute_class_weight

    from stance.stance_model.quote_estimator import balanced_factors

    y = np.asarray(["hostile"] * 2 + ["neutral"] * 5 + ["conciliatory"] * 3, dtype=object)
    f = balanced_factors(y, "balanced")
    cw = dict(zip(LABELS, compute_class_weight("balanced", classes=np.asarray(LABELS, dtype=object), y=y)))
    assert np.allclose(f, [cw[v] for v in y])
    assert np.all(balanced_factors(y, None) == 1.0) and len(balanced_factors(y[:0], "balanced")) == 0


def test_balanced_factors_multiply_the_sample_weights_and_the_temperature_sees_every_row(monkeypatch):
    """The logistic regression gets each row's sample weight times its class's balanced factor;
    the temperature is fitted on every row's out-of-fold scores."""
    from stance.stance_model import quote_estimator
    from stance.stance_model.quote_estimator import QuoteStanceClassifier

    X, y, g = _toy_data(60)
    y = ["neutral"] * 30 + list(y[30:])  # unbalanced: the factors differ by class
    sw = [0.5] * 10 + [1.0] * 50
    seen = []
    real = quote_estimator.fit_temperature
    monkeypatch.setattr(quote_estimator, "fit_temperature", lambda sc, yi: seen.append(len(yi)) or real(sc, yi))
    m = QuoteStanceClassifier(base=FixedBase(), C=1.0, min_count=1).fit(X, y, groups=g, sample_weight=sw)
    assert seen == [len(X)] and m.temperature_ > 0
    w = []

    class Seen(Exception):
        pass

    def capture(self, M, yy, sample_weight=None):
        w.append(sample_weight)
        raise Seen

    monkeypatch.setattr(quote_estimator.LogisticRegression, "fit", capture)
    with pytest.raises(Seen):
        QuoteStanceClassifier(base=FixedBase(), C=1.0, min_count=1, calibrate=False).fit(X, y, sample_weight=sw)
    want = np.asarray(sw) * quote_estimator.balanced_factors(np.asarray(y, dtype=object), "balanced")
    assert np.allclose(w[0], want) and len(set(np.round(want[10:], 6))) > 1


def test_evaluate_stance_scores_sentences_as_sentences_and_quotations_on_request(tmp_path):
    """`stance evaluate stance` with the quote-trained model scores a sentence corpus's records as
    sentences, which the model hands to its base (since quote-stance 4.6.0, as `stance classify`
    does); with ``as_quotations`` as quotation examples, which the model scores itself, as in the
    pipeline."""
    import dataclasses

    from stance.evaluation.stance import evaluate_stance, format_report

    texts = [("Ruiz accused Freedonia of lying about the talks.", "hostile"),
             ("Ruiz praised Freedonia for its help with the refugees.", "conciliatory"),
             ("Ruiz met Freedonia's envoy in Geneva on Tuesday.", "neutral"),
             ("Ruiz condemned Freedonia over the border attack.", "hostile"),
             ("Ruiz thanked Freedonia warmly after the summit.", "conciliatory"),
             ("Ruiz said Freedonia would announce the figures soon.", "neutral")]
    rows = []
    for i, (t, lab) in enumerate(texts):
        ts = t.index("Freedonia")
        rows.append({"id": f"dse-dev-{i}-p->q", "text": t, "target": {"start": ts, "end": ts + 9},
                     "source_actor": {"start": 0, "end": 4}, "label": lab, "source": "dse-park2021"})
    (tmp_path / "directed_sentiment").mkdir()
    (tmp_path / "directed_sentiment" / "dev.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    quote = load_stance_model(MODELS, kind="quote")
    from stance.corpora.sentences import load_examples

    X, y, _ = load_examples(tmp_path / "directed_sentiment" / "dev.jsonl")
    assert all(x.corpus == "directed_sentiment" for x in X)
    as_quotes = [dataclasses.replace(x, corpus="quote") for x in X]
    r = evaluate_stance(tmp_path, "directed_sentiment", "dev", models_dir=MODELS, kind="quote", as_quotations=True)
    assert r["scored_as"] == "quotations" and "scored as quotations" in format_report(r)
    want = [LABELS[i] for i in quote.predict_proba(as_quotes).argmax(1)]
    assert r["accuracy"] == pytest.approx(np.mean(np.asarray(want) == np.asarray(y)))
    routed = evaluate_stance(tmp_path, "directed_sentiment", "dev", models_dir=MODELS, kind="quote")
    assert routed["scored_as"] == "sentences" and "scored as sentences" in format_report(routed)  # the default (4.6.0)
    base = [LABELS[i] for i in quote.base.predict_proba(X).argmax(1)]
    assert routed["accuracy"] == pytest.approx(np.mean(np.asarray(base) == np.asarray(y)))
    assert evaluate_stance(tmp_path, "directed_sentiment", "dev", models_dir=MODELS, kind="blended")["scored_as"] == "sentences"


def test_the_default_is_the_shipped_quote_model_of_its_cv_table():
    """The default stance model is the quote-trained one; its shipped manifest is this training
    code's version, its setting is the best of its own CV table, it fits no auxiliary rows, and it
    scores directed_sentiment dev (as sentences) at issue 14's floor or above."""
    from stance.defaults import DEFAULT_STANCE_MODEL, pipeline_options
    from stance.training.quote_stance import DS_DEV_FLOOR, GRID, VERSION

    assert DEFAULT_STANCE_MODEL == "quote" and pipeline_options()["stance_model"] == "quote"
    m = json.loads((MODELS / "quote_stance" / "manifest.json").read_text())
    assert m["version"] == VERSION
    assert m["metrics"]["directed_sentiment_dev"]["macro_f1"] >= DS_DEV_FLOOR  # sentences, as evaluate stance scores them
    best = max(m["metrics"]["cv"][1:], key=lambda r: r["cv_macro_f1"])
    assert {k: best[k] for k in GRID} == {k: m["params"][k] for k in GRID}
    assert not {"aux_weight", "teacher_weight"} & set(m["params"]) and set(GRID) == {"groups", "C", "gold_weight"}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(min_value=-1, max_value=7), max_size=12), max_size=8))
def test_binary_rows_are_each_rows_distinct_columns_sorted_and_normalised(rows):
    """binary_rows (one numpy sort for the batch) gives what sorting each row's set of known
    columns gives, with 1/sqrt(count) values; the scorer's _sparse and sparse_rows use it."""
    from stance.stance_model.quote_scorer import binary_rows, sparse_rows

    cols = [c for r in rows for c in r]
    ends = [0]
    for r in rows:
        ends.append(ends[-1] + len(r))
    indptr, indices, data = binary_rows(cols, ends, 8)
    want = [sorted({c for c in r if c >= 0}) for r in rows]
    assert indptr.tolist() == [0] + np.cumsum([len(w) for w in want]).astype(int).tolist()
    assert indices.tolist() == [c for w in want for c in w]
    assert data.tolist() == [1.0 / np.sqrt(len(w)) for w in want for _ in w]
    assert indices.dtype == np.int64 and indptr.dtype == np.int64
    vocab = {f"f{j}": j for j in range(8)}
    strings = [[f"f{c}" if c >= 0 else "unknown" for c in r] for r in rows]
    assert all(np.array_equal(a, b) for a, b in zip(sparse_rows(strings, vocab), (indptr, indices, data)))


def test_joint_lookup_gives_each_models_columns_and_the_same_scores(monkeypatch):
    """The shipped quote model looks a lexical string up in its base model's vocabulary only when
    its own lacks it (its columns carry the base's): the columns are lookup_columns' in either
    vocabulary (-1 when absent), and the scores are exactly those of two separate look-ups."""
    from stance.stance_model.features import extract_features, lookup_columns, tokenize_batch

    model = load_stance_model(MODELS, kind="quote")
    X = [StanceExample('"They are liars," Ruiz said of Freedonia.', 30, 39, 17, 21),
         StanceExample("Critics praised Freedonia for the deal, not zzzunseenword.", 15, 24),
         StanceExample("Freedonia.", 0, 9)]
    tokens = tokenize_batch(X)
    lex = [extract_features(ex, model.lexicon_, model.window, tk) for ex, tk in zip(X, tokens)]
    lex[1] = lex[1] + ["tw:zzzunseenword", "bias"]  # a string in neither vocabulary, a repeated one
    (q, q_ends), (b, b_ends) = model._joint_columns(lex)
    lex_vocab = model._lexical_vocabulary()
    want_q, want_ends = lookup_columns(X, lex_vocab, model.lexicon_, model.window, tokens, lex)
    want_b, _ = lookup_columns(X, model.base.vocabulary_, model.lexicon_, model.window, tokens, lex)
    assert q.tolist() == want_q.tolist() and b.tolist() == want_b.tolist()
    assert q_ends.tolist() == b_ends.tolist() == want_ends.tolist()
    assert -1 in q.tolist() and -1 in b.tolist()
    joint = model._sparse(X, tokens, lex, (q, q_ends))
    separate = model._sparse(X, tokens, lex)
    assert all(np.array_equal(u, v) for u, v in zip(joint, separate))
    shared = model.decision_function(X)
    monkeypatch.setattr(type(model), "_joint_columns", lambda self, lex: (None, None))
    assert np.array_equal(model.decision_function(X), shared)


def test_training_examples_match_parties_as_the_evaluation_does():
    """A proposed party takes the gold label of the party ``stance evaluate quotes`` matches it to
    (:func:`stance.evaluation.articles.match_parties`, names by ``party_match``): "Donald Trump"
    is gold "Donald J. Trump" and "al-Qaida" is "Al-Qaeda" (which ``speaker_match`` missed), one to
    one, in the pipeline's order; an unmatched proposal is left out."""
    from types import SimpleNamespace

    from stance.evaluation.articles import match_parties
    from stance.training.quote_examples import labelled_examples

    names = ["Donald Trump", "al-Qaida", "Hillary Clinton", "Trump"]
    examples = [f"ex-{n}" for n in names]
    pending = SimpleNamespace(raw=SimpleNamespace(start=10, end=40), targets=[SimpleNamespace(name=n) for n in names],
                              examples=examples)
    pipeline = SimpleNamespace(make_doc=lambda text: text,
                               annotator=SimpleNamespace(prepare=lambda doc: (None, [pending])))
    gold = [{"target": "Al-Qaeda", "label": "hostile"}, {"target": "Donald J. Trump", "label": "conciliatory"},
            {"target": "Mike Pence", "label": "neutral"}, {"target": "Trump", "label": "hostile", "implicit": True}]
    doc = {"id": "a1", "text": "x" * 50, "quotes": [{"quote": {"start": 12, "end": 38}, "stances": gold}]}
    X, y, ids = labelled_examples([doc], pipeline)
    assert X == ["ex-Donald Trump", "ex-al-Qaida"] and y == ["conciliatory", "hostile"] and ids == ["a1", "a1"]
    assert match_parties(gold[:3], [{"target": n} for n in names]) == [(0, 1), (1, 0)]


def test_quote_stance_training_takes_no_auxiliary_row_options():
    """4.7.0 removed the teacher-labelled rows and their options (`stance train quote-stance
    --teacher-labels/--no-teacher`, `stance distill --quotes`); `stance distill` itself stays."""
    import inspect

    from stance.cli import build_parser
    from stance.training.quote_stance import fit_model, train_quote_stance

    p = build_parser()
    for argv in (["train", "quote-stance", "--data", "d", "--no-teacher"],
                 ["train", "quote-stance", "--data", "d", "--teacher-labels", "x.npz"],
                 ["distill", "--data", "d", "--quotes"]):
        with pytest.raises(SystemExit):
            p.parse_args(argv)
    assert p.parse_args(["distill", "--data", "d"]).data == "d"
    assert not {"teacher_labels", "aux", "teacher"} & (set(inspect.signature(train_quote_stance).parameters) | set(inspect.signature(fit_model).parameters))
