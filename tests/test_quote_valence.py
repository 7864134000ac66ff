"""The quote-trained stance model's word-valence features: the compiled VADER lexicon, the
features around the party, and the ``valence`` group through the estimator, the numpy scorer and
its inference file."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.artifacts.npz import write_npz
from stance.loader import scorer_from_npz
from stance.stance_model.features import StanceExample, tokenize_batch, tokenize_marked
from stance.stance_model.valence import STRONG, polarity, read_valence, valence_features

from .conftest import load_script
from .test_quote_stance import FixedBase, _toy_data


def test_compile_valence_keeps_words_and_drops_symbols_and_topic_words(tmp_path):
    mod = load_script("tools/compile_valence.py")
    src = tmp_path / "vader_lexicon.txt"
    src.write_text(":-)\t1.5\t0.5\t[1, 2]\nabusive\t-3.2\t0.4\t[-3, -4]\nparty\t1.7\t0.8\t[2, 1]\n"
                   "can't\t-0.5\t0.1\t[0, -1]\nadmire\t2.14\t0.6\t[2, 3]\n", encoding="utf-8")
    assert mod.compile_valence(src) == [("abusive", -3.2), ("admire", 2.1), ("can't", -0.5)]


def test_shipped_valence_lexicon():
    v = read_valence()
    assert len(v) > 7000
    assert v["abusive"] < -STRONG and v["cheated"] < 0 and v["admire"] > 0
    assert "party" not in v and "security" not in v  # news topic words are left out
    assert all(-4.0 <= x <= 4.0 for x in v.values())


def test_polarity_buckets():
    assert polarity(-3.2) == "n2" and polarity(-1.0) == "n1" and polarity(0.6) == "p1" and polarity(2.5) == "p2"
    assert polarity(0.3) is None and polarity(-0.4) is None


def test_valence_features_place_evaluative_words_around_the_party():
    val = {"abusive": -3.2, "great": 3.1, "good": 1.9, "sad": -2.1}
    #        0      1      2     3      4       5     6      7      8     9     10
    toks = ["<s>", "said", "the", "abusive", "<t>", ",", "not", "good", "but", "sad", "."]
    feats = valence_features((toks, 4, 0), val)
    assert "vc:n2:L" in feats and "vn:n2:L1" in feats and "vb:n2" in feats
    assert "vn:neg_p1:R3-5" in feats  # "not good": negated, the nearest on the right
    assert "vc:neg_p1:R" not in feats  # outside the party's clause
    assert "vneg:3+" in feats and "vpos:0" in feats and "vsum:-" in feats
    neutral = valence_features((["<t>", "met", "them"], 0, -1), val)
    assert neutral == ["vneg:0", "vpos:0", "vsum:0"]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60), st.data())
def test_valence_features_any_span(text, data):
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    ex = StanceExample(text, a, b)
    feats = valence_features(tokenize_marked(ex), read_valence())
    assert all(isinstance(x, str) for x in feats) and len(set(feats)) == len(feats)


def test_valence_group_round_trips_through_the_inference_file():
    """A model trained with the valence group writes the valences to its inference file; the
    scorer read back gives the estimator's probabilities, by the joint look-up (lexical strings
    shared with the base) and by the separate one."""
    from stance.stance_model.quote_estimator import QuoteStanceClassifier

    X, y, g = _toy_data()
    X = X + [StanceExample("Ruiz said the abusive Freedonia cheated.", 24, 33, 0, 4)] * 3
    y = y + ["hostile"] * 3
    g = g + ["v"] * 3
    groups = ("lexical", "relation", "valence", "stack")
    m = QuoteStanceClassifier(base=FixedBase(), groups=groups, C=1.0, min_count=1).fit(X, y, groups=g)
    assert any(f.startswith("val:vc:n2:L") for f in m.vocabulary_)
    arrays, meta = m.to_scorer().to_arrays()
    assert "valence_values" in arrays
    scorer = scorer_from_npz(write_npz(arrays, meta), expected_kind="quote-stance").with_base(FixedBase())
    assert scorer.valence_ == m.valence_
    assert np.abs(scorer.predict_proba(X) - m.predict_proba(X)).max() < 1e-9
    tokens = tokenize_batch(X)
    lex_vocab, _, val_vocab = scorer._group_vocabularies()
    assert val_vocab and all(not f.startswith("val:") for f in val_vocab)
    from stance.stance_model.features import extract_features

    lex = [extract_features(ex, scorer.lexicon_, scorer.window, tk) for ex, tk in zip(X, tokens)]
    from stance.stance_model.features import lookup_columns

    cols = lookup_columns(X, lex_vocab, scorer.lexicon_, scorer.window, tokens, lex)
    joint = scorer._sparse(X, tokens, lex, cols)
    separate = scorer._sparse(X, tokens, lex)
    assert all(np.array_equal(u, v) for u, v in zip(joint, separate))


def test_models_without_the_valence_group_compute_no_valence_features(monkeypatch):
    from stance.stance_model import quote_scorer
    from stance.stance_model.quote_estimator import QuoteStanceClassifier

    X, y, g = _toy_data(60)
    m = QuoteStanceClassifier(groups=("lexical", "relation"), calibrate=False, min_count=1).fit(X, y)
    assert not any(f.startswith("val:") for f in m.vocabulary_) and m.valence_ == {}
    monkeypatch.setattr(quote_scorer, "valence_features", lambda *a: (_ for _ in ()).throw(AssertionError("called")))
    scorer = m.to_scorer()
    assert "valence_values" not in scorer.to_arrays()[0]
    scorer.predict_proba(X)


def test_class_offsets_are_folded_into_the_intercept_and_the_temperature_fit(monkeypatch):
    """Decision offsets shift the fitted scores (so the numpy scorer needs nothing more) and the
    temperature is fitted on the shifted out-of-fold scores."""
    from stance.stance_model import quote_estimator
    from stance.stance_model.quote_estimator import QuoteStanceClassifier

    X, y, g = _toy_data(60)
    plain = QuoteStanceClassifier(base=FixedBase(), C=1.0, min_count=1, calibrate=False).fit(X, y)
    off = QuoteStanceClassifier(base=FixedBase(), C=1.0, min_count=1, calibrate=False,
                                class_offsets=(0.5, 0.0, -0.25)).fit(X, y)
    assert np.allclose(off.intercept_ - plain.intercept_, [0.5, 0.0, -0.25])
    assert np.allclose(off.to_scorer().decision_function(X) - plain.decision_function(X), [0.5, 0.0, -0.25])
    seen = []
    real = quote_estimator.fit_temperature
    monkeypatch.setattr(quote_estimator, "fit_temperature", lambda s, yi: seen.append(np.asarray(s)) or real(s, yi))
    QuoteStanceClassifier(base=FixedBase(), C=1.0, min_count=1).fit(X, y, groups=g)
    QuoteStanceClassifier(base=FixedBase(), C=1.0, min_count=1, class_offsets=(0.5, 0.0, -0.25)).fit(X, y, groups=g)
    assert np.allclose(seen[1] - seen[0], [0.5, 0.0, -0.25])


def test_choose_offsets_rates_neighbourhoods_under_the_floor():
    """The offsets are rated by the mean CV macro-F1 of their 3 x 3 grid neighbourhood, among
    those whose auxiliary dev score reaches the floor."""
    from stance.stance_model.features import LABELS
    from stance.training.quote_stance import choose_offsets

    lab = np.asarray(LABELS, dtype=object)
    y = list(lab[[0, 0, 1, 1, 1, 2, 2]])
    # hostile rows need a hostile offset of >= 0.2 to be called hostile; conciliatory ones are clear
    s = np.array([[0.0, 0.15, -1], [0.0, 0.15, -1], [-1, 0, -1], [-1, 0, -1], [-1, 0, -1], [-1, 0, 1], [-1, 0, 1]])
    pick = choose_offsets(s, y, s, y, grid=(-0.2, 0.0, 0.2, 0.4, 0.6), floor=0.0)
    assert pick["class_offsets"][0] >= 0.2 and pick["class_offsets"][1] == 0.0 and pick["cv_macro_f1"] == 1.0
    aux_y = list(lab[[1, 1, 1, 1, 1, 2, 2]])  # on the auxiliary set the hostile rows are neutral
    held = choose_offsets(s, y, s, aux_y, grid=(-0.2, 0.0, 0.2, 0.4, 0.6), floor=0.6)
    assert held["class_offsets"][0] <= 0.0 and held["aux_dev_macro_f1"] >= 0.6 and held["cv_macro_f1"] < 1.0
