"""Teacher-labelled quotation examples (stance.training.quote_teacher) and their place in the
quote model's training (stance.training.quote_stance): only articles outside the corpus are read,
the file stores keys without text and is refused when the corpus file changed, and the examples
enter the fit as auxiliary rows at their own weight."""

from __future__ import annotations

import json

import numpy as np
import pytest

from stance.stance_model.features import LABELS

from .test_quote_stance import FixedBase, _toy_data

ARTICLE = (
    "Senator Maria Halvorsen accused the Ruritanian government of lying to voters. "
    "\"They are thugs and cheats,\" Halvorsen said on Tuesday.\n\n"
    "\"President Ivo Castellano was patient and generous in the long talks,\" said Foreign Minister Anna Brandt."
)


@pytest.fixture(scope="module")
def every_party():
    """The default pipeline without the party filter: every proposed target is an example."""
    import stance

    return stance.load(party_filter=False)


def _corpus(tmp_path, ids=("in_corpus", "outside")):
    (tmp_path / "polnear").mkdir()
    (tmp_path / "polnear" / "train.jsonl").write_text("".join(json.dumps({"doc_id": i, "text": ARTICLE}) + "\n" for i in ids))
    return tmp_path


def test_corpus_article_ids_and_unlabelled_rows(tmp_path):
    from stance.training.quote_teacher import corpus_article_ids, unlabelled_rows

    (tmp_path / "splits.json").write_text(json.dumps({"a": "train", "b": "dev", "c": "test"}))
    ids = corpus_article_ids(tmp_path)
    assert ids == {"a", "b", "c"}  # every split, so no dev or test article is labelled
    assert unlabelled_rows(["a", "x", "c", "y", "b"], ids) == [1, 3]
    from stance.corpora.quote_corpus import load_quote_corpus

    shipped = corpus_article_ids()
    assert {d["id"] for d in load_quote_corpus("dev", sources=("wikinews",))} <= shipped  # the corpus's dev articles are never labelled


def test_pool_round_trip_without_text_and_refused_when_changed(tmp_path, every_party):
    from stance.training.quote_teacher import build_quote_pool, hard_labels, load_teacher_labels, read_source, save_teacher_labels

    data = _corpus(tmp_path)
    ids, texts, fp = read_source(data)
    assert ids == ["in_corpus", "outside"] and fp["sha256"]
    keys = build_quote_pool(texts, [1], every_party)
    assert keys.ndim == 2 and keys.shape[1] == 7 and len(keys) >= 2
    assert set(keys[:, 0].tolist()) == {1}  # only the rows asked for
    probs = np.tile([0.1, 0.2, 0.7], (len(keys), 1))
    probs[0] = [0.6, 0.3, 0.1]
    out = save_teacher_labels(tmp_path / "t.npz", keys, probs, fp, {"name": "t", "version": "1", "sha256": "0"})
    raw = out.read_bytes()
    assert b"Halvorsen" not in raw and b"thugs" not in raw  # no corpus text in the file
    X, P, meta = load_teacher_labels(out, data)
    assert len(X) == len(keys) and meta["records"] == [1] * len(keys) and np.allclose(P, probs, atol=1e-3)
    assert all(ex.corpus == "quote" and ex.text in ARTICLE and ex.text[ex.target_start:ex.target_end].strip() for ex in X)
    assert any(ex.has_source for ex in X)
    labels, conf = hard_labels(P)
    assert labels[0] == "hostile" and set(labels[1:]) == {"conciliatory"} and np.isclose(conf[0], 0.6, atol=1e-3)
    (data / "polnear" / "train.jsonl").write_text(json.dumps({"doc_id": "x", "text": ARTICLE + " More."}) + "\n")
    with pytest.raises(ValueError, match="sha256"):
        load_teacher_labels(out, data)


def test_teacher_examples_are_auxiliary_rows_at_their_weight(monkeypatch):
    from stance.stance_model import quote_estimator
    from stance.training.quote_stance import fit_model, grouped_cv_predictions

    X, y, g = _toy_data(36)
    tx, ty, tg = _toy_data(12, seed=4)
    ax, ay, ag = _toy_data(6, seed=5)
    fits = []
    real_fit = quote_estimator.QuoteStanceClassifier.fit

    def spy(self, Xf, yf, groups=None, sample_weight=None, auxiliary=None):
        fits.append((list(Xf), list(auxiliary), list(sample_weight)))
        return real_fit(self, Xf, yf, groups=groups, sample_weight=sample_weight, auxiliary=auxiliary)

    monkeypatch.setattr(quote_estimator.QuoteStanceClassifier, "fit", spy)
    teacher = (tx, np.asarray([[0.8 if c == lab else 0.1 for c in LABELS] for lab in ty]), [f"teacher:{a}" for a in tg])
    aux = (ax, ay, [f"s{a}" for a in ag])
    params = {"C": 1.0, "gold_weight": 0.0, "aux_weight": 0.2, "teacher_weight": 0.5, "min_count": 1}
    fit_model(X, y, g, ([], [], []), aux, params, FixedBase(), calibrate=False, teacher=teacher)
    Xf, mask, w = fits[-1]
    assert len(Xf) == len(X) + len(ax) + len(tx) and Xf[-len(tx):] == tx
    assert mask == [False] * len(X) + [True] * (len(ax) + len(tx))
    assert w[-len(tx):] == [0.5] * len(tx) and w[len(X):len(X) + len(ax)] == [0.2] * len(ax)
    fit_model(X, y, g, ([], [], []), aux, dict(params, teacher_weight=0.0), FixedBase(), calibrate=False, teacher=teacher)
    assert len(fits[-1][0]) == len(X) + len(ax)  # weight 0: left out
    fits.clear()
    grouped_cv_predictions(X, y, g, ([], [], []), params, FixedBase(), folds=3, aux=aux, teacher=teacher)
    assert len(fits) == 3 and all(f[0][-len(tx):] == tx for f in fits)  # every fold sees all teacher examples


def test_read_teacher_examples_none_and_by_article(tmp_path, every_party, monkeypatch):
    from stance.training import quote_stance, quote_teacher
    from stance.training.quote_teacher import build_quote_pool, read_source, save_teacher_labels

    assert quote_stance.read_teacher_examples(tmp_path, False) == ([], [], [])
    monkeypatch.setattr(quote_teacher, "DEFAULT_TEACHER_LABELS", tmp_path / "absent.npz")
    assert quote_stance.teacher_path(None) is None  # no default file: no teacher examples
    data = _corpus(tmp_path)
    ids, texts, fp = read_source(data)
    keys = build_quote_pool(texts, [0, 1], every_party)
    out = save_teacher_labels(tmp_path / "t.npz", keys, np.tile([0.2, 0.5, 0.3], (len(keys), 1)), fp, {"name": "t", "version": "1", "sha256": "0"})
    X, probs, groups = quote_stance.read_teacher_examples(data, out)
    assert len(X) == len(keys) and set(groups) <= {"teacher:0", "teacher:1"}
    assert np.allclose(probs, [0.2, 0.5, 0.3], atol=1e-3)  # the teacher's probabilities, for hard or soft labels
    assert set(quote_stance.teacher_rows((X, probs, groups))[1]) == {"neutral"}


def test_teacher_rows_are_the_teachers_argmax():
    from stance.training.quote_stance import teacher_rows

    X, _, _ = _toy_data(2)
    probs = np.asarray([[0.6, 0.3, 0.1], [0.0, 0.005, 0.995]])
    assert teacher_rows((X, probs, ["teacher:0", "teacher:1"])) == (X, ["hostile", "conciliatory"], ["teacher:0", "teacher:1"])
    assert teacher_rows(([], np.zeros((0, 3)), [])) == ([], [], [])


def test_teacher_summary_counts_the_argmax_labels():
    """The training's progress line on the teacher examples (it called ``teacher_rows`` with an
    argument the function no longer takes, so ``stance train quote-stance`` stopped there)."""
    from stance.training.quote_stance import teacher_summary

    X, _, _ = _toy_data(3)
    probs = np.asarray([[0.6, 0.3, 0.1], [0.7, 0.2, 0.1], [0.0, 0.005, 0.995]])
    assert teacher_summary((X, probs, ["teacher:0"] * 3)) == "3 (argmax {'hostile': 2, 'conciliatory': 1})"


def test_teacher_rows_enter_the_fit_at_the_teacher_weight(monkeypatch):
    from stance.stance_model import quote_estimator
    from stance.training.quote_stance import fit_model

    X, y, g = _toy_data(36)
    tx, _, tg = _toy_data(3, seed=4)
    probs = np.asarray([[0.6, 0.4, 0.0], [0.2, 0.2, 0.6], [0.0, 0.0, 1.0]])
    fits = []
    real_fit = quote_estimator.QuoteStanceClassifier.fit

    def spy(self, Xf, yf, groups=None, sample_weight=None, auxiliary=None):
        fits.append((list(Xf), list(yf), list(auxiliary), list(sample_weight)))
        return real_fit(self, Xf, yf, groups=groups, sample_weight=sample_weight, auxiliary=auxiliary)

    monkeypatch.setattr(quote_estimator.QuoteStanceClassifier, "fit", spy)
    params = {"C": 1.0, "gold_weight": 0.0, "aux_weight": 0.0, "teacher_weight": 0.5, "min_count": 1}
    fit_model(X, y, g, ([], [], []), ([], [], []), params, FixedBase(), calibrate=False, teacher=(tx, probs, ["teacher:0"] * 3))
    Xf, yf, mask, w = fits[-1]
    assert Xf[len(X):] == list(tx) and yf[len(X):] == ["hostile", "conciliatory", "conciliatory"]
    assert w[len(X):] == [0.5, 0.5, 0.5] and all(mask[len(X):]) and not any(mask[:len(X)])


def test_cli_options():
    from stance.cli import build_parser

    a = build_parser().parse_args(["distill", "--data", "d", "--quotes"])
    assert a.quotes
    a = build_parser().parse_args(["train", "quote-stance", "--data", "d", "--no-teacher"])
    assert a.no_teacher and a.teacher_labels is None
    with pytest.raises(SystemExit):
        build_parser().parse_args(["train", "quote-stance", "--data", "d", "--no-teacher", "--teacher-labels", "x.npz"])


def test_contextual_quote_is_a_contextual_stance_model_name():
    from stance.defaults import CONTEXTUAL_STANCE_MODELS, stance_model_name
    from stance.loader import STANCE_ARTIFACTS

    assert stance_model_name("contextual-quote") == "contextual-quote" and "contextual-quote" in CONTEXTUAL_STANCE_MODELS
    assert STANCE_ARTIFACTS["contextual-quote"][:2] == ("contextual_quote", "stance-contextual-quote")
