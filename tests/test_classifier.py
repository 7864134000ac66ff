"""Tests of the stance classifier, its artifact, the classify CLI and evaluate_stance.

All sentences here are invented for the tests; no corpus text is used.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pytest

from stance.stance_model.classifier import LABELS, StanceExample, TargetStanceClassifier, extract_features, read_lexicon

REPO = Path(__file__).resolve().parent.parent
MODELS = REPO / "models"
HAS_ARTIFACT = (MODELS / "stance" / "manifest.json").is_file()
needs_artifact = pytest.mark.skipif(not HAS_ARTIFACT, reason="models/stance artifact not built")


def ex(text: str, target: str, source: str | None = None, corpus: str = "quote", nth: int = 0) -> StanceExample:
    """An example with the ``nth`` occurrence of ``target`` (and the first of ``source``) marked."""
    ts = -1
    for _ in range(nth + 1):
        ts = text.index(target, ts + 1)
    ss = se = None
    if source is not None:
        ss = text.index(source)
        se = ss + len(source)
    return StanceExample(text, ts, ts + len(target), ss, se, corpus)


_NAMES = ["Moreau", "Okafor", "Lindqvist", "Tanaka", "Alvarez", "Brennan", "Haddad", "Petrov"]
_HOSTILE = ["accused {t} of lying", "attacked {t} over the budget", "condemned {t} for the raid",
            "blamed {t} for the shortage", "denounced {t} as corrupt"]
_FRIENDLY = ["praised {t} for the deal", "thanked {t} for the support", "welcomed {t} to the summit",
             "congratulated {t} on the victory", "applauded {t} for the reform"]
_NEUTRAL = ["met {t} on Tuesday", "spoke with {t} by phone", "said {t} would travel to Oslo",
            "scheduled a call with {t}", "mentioned {t} in the schedule"]


def synthetic(n_per_class: int = 12) -> tuple[list[StanceExample], list[str]]:
    X, y = [], []
    for i in range(n_per_class):
        s, t = _NAMES[i % len(_NAMES)], _NAMES[(i + 3) % len(_NAMES)]
        for label, pats in (("hostile", _HOSTILE), ("conciliatory", _FRIENDLY), ("neutral", _NEUTRAL)):
            text = f"{s} " + pats[i % len(pats)].format(t=t) + "."
            X.append(ex(text, t, s if i % 2 else None, corpus="synthetic"))
            y.append(label)
    return X, y


def test_example_validation_and_from_record():
    e = StanceExample.from_record({"text": "Ana thanked Bo.", "target": {"start": 12, "end": 14},
                                   "source_actor": {"start": 0, "end": 3}})
    assert e.text[e.target_start:e.target_end] == "Bo" and e.has_source
    e2 = StanceExample.from_record({"text": "Ana thanked Bo.", "target": {"start": 12, "end": 14},
                                    "source_actor": {"start": 3, "end": 3}})
    assert not e2.has_source and e2.source_start is None  # empty source span counts as none
    e3 = StanceExample.from_record({"text": "Ana thanked Bo.", "target": {"start": 12, "end": 14}, "source_actor": None})
    assert not e3.has_source
    with pytest.raises(ValueError):
        StanceExample("short", 2, 40)
    with pytest.raises(ValueError):
        StanceExample("short text", 0, 5, 1, None)


def test_features_are_target_local():
    lex = read_lexicon()
    assert lex["accused"] == "hostile" and lex["praised"] == "conciliatory"
    text = "Moreau accused Okafor of lying, but Okafor praised Moreau."
    f1 = set(extract_features(ex(text, "Okafor"), lex))
    f2 = set(extract_features(ex(text, "Okafor", nth=1), lex))
    assert f1 != f2
    assert "L1:accused" in f1 and "R1:praised" in f2


def test_fit_predict_proba_shape_order_determinism():
    X, y = synthetic()
    m1 = TargetStanceClassifier(C=2.0, random_state=0).fit(X, y)
    assert list(m1.classes_) == list(LABELS)
    p = m1.predict_proba(X)
    assert p.shape == (len(X), 3)
    assert np.allclose(p.sum(axis=1), 1.0)
    assert ((p >= 0) & (p <= 1)).all()
    pred = m1.predict(X)
    assert list(pred) == [m1.classes_[i] for i in p.argmax(axis=1)]
    assert np.mean(np.asarray(pred) == np.asarray(y)) > 0.9
    m2 = TargetStanceClassifier(C=2.0, random_state=0).fit(X, y)
    assert np.array_equal(m1.predict_proba(X), m2.predict_proba(X))
    # a fresh synthetic sentence
    q = [ex("Haddad accused Petrov of fraud.", "Petrov", "Haddad"), ex("Haddad praised Petrov for the reform.", "Petrov", "Haddad")]
    assert list(m1.predict(q)) == ["hostile", "conciliatory"]


def test_two_heads_route_by_source():
    X, y = synthetic()
    m = TargetStanceClassifier(C=2.0, C_src=2.0).fit(X, y)
    assert m.heads_ == ("nosrc", "src")
    with_src = ex("Haddad accused Petrov of fraud.", "Petrov", "Haddad")
    no_src = ex("Haddad accused Petrov of fraud.", "Petrov")
    p0, p1 = m.head_probabilities([with_src, no_src])
    p = m.predict_proba([with_src, no_src])
    assert np.array_equal(p[0], p1[0]) and np.array_equal(p[1], p0[1])


def test_class_bias_and_single_domain_training():
    X, y = synthetic()
    e = ex("Haddad accused Petrov of fraud.", "Petrov", "Haddad")
    h = LABELS.index("hostile")
    plain = TargetStanceClassifier(C=2.0, C_src=2.0).fit(X, y).predict_proba([e])
    biased = TargetStanceClassifier(C=2.0, C_src=2.0, class_bias={"src": [-3.0, 0.0, 0.0]}).fit(X, y).predict_proba([e])
    assert biased[0, h] < plain[0, h]
    # only examples without a source: one head is fitted and serves both domains
    Xn = [x for x in X if not x.has_source]
    yn = [lab for x, lab in zip(X, y) if not x.has_source]
    m = TargetStanceClassifier(C=2.0).fit(Xn, yn)
    assert m.heads_ == ("nosrc",)
    assert m.predict_proba([e]).shape == (1, 3)


def test_defaults_are_the_shipped_parameters():
    import json

    from tests.conftest import MODELS

    shipped = json.loads((MODELS / "stance" / "manifest.json").read_text())["params"]
    from stance.stance_model.features import DEFAULT_HEAD_CORPORA

    m = TargetStanceClassifier()
    for k in ("C", "C_src", "window", "min_count", "balance", "sublinear_tf", "net_blend"):
        assert getattr(m, k) == shipped[k], k
    for k in ("class_bias", "blend_bias"):
        assert {h: list(v) for h, v in getattr(m, k).items()} == shipped[k], k
    assert m.head_corpora is None and DEFAULT_HEAD_CORPORA == shipped["head_corpora"]
    # options since removed from the code: 4.0.1 recorded them switched off, 4.1.0 no longer records them
    assert not shipped.get("sentence_ngrams", False) and shipped.get("src_blend", 1.0) == 1.0 and shipped.get("dense_heads", []) == []


def test_heads_fit_with_verbose_progress(capsys):
    X, y = synthetic()
    m = TargetStanceClassifier(C=2.0, C_src=2.0, verbose=True).fit(X, y)
    assert np.mean(np.asarray(m.predict(X)) == np.asarray(y)) > 0.9
    err = capsys.readouterr().err
    assert "vocabulary" in err and "head nosrc" in err and "head src" in err


def test_pickle_round_trip_keeps_vocabulary_and_predictions():
    import pickle

    X, y = synthetic()
    m = TargetStanceClassifier(C=2.0, C_src=2.0).fit(X, y)
    m2 = pickle.loads(pickle.dumps(m))
    assert m2.vocabulary_ == m.vocabulary_ and list(m2.vocabulary_) == list(m.vocabulary_)
    assert np.array_equal(m2.predict_proba(X), m.predict_proba(X))


def test_unfitted_and_bad_input():
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        TargetStanceClassifier().predict_proba([ex("A met B.", "B")])
    with pytest.raises(TypeError):
        X, y = synthetic(2)
        TargetStanceClassifier().fit(X, y).predict(["not an example"])


@needs_artifact
def test_shipped_artifact_loads_fast_and_predicts_sensibly():
    from stance.artifacts import read_manifest
    from stance.loader import load_stance_model

    import sklearn.base  # noqa: F401  (the pipeline has scikit-learn imported already)

    t0 = time.perf_counter()
    model = load_stance_model(MODELS)
    assert time.perf_counter() - t0 < 3.0  # < 1 s measured alone; generous on a shared test machine
    manifest = read_manifest(MODELS / "stance")
    assert manifest["name"] == "stance-classifier" and manifest["version"].startswith("4.")
    assert sum(p.stat().st_size for p in (MODELS / "stance").iterdir()) < 25e6  # the whole artifact
    cases = [
        (ex("The senator accused Halvorsen of lying to voters.", "Halvorsen", "The senator"), "hostile"),
        (ex("Ministers praised Castellano for her courage and leadership.", "Castellano", "Ministers"), "conciliatory"),
        (ex('Brandt called Ivanova "a dangerous liar" on Monday.', "Ivanova", "Brandt"), "hostile"),
        (ex("Nakamura thanked Ferreira for his generous help.", "Ferreira", "Nakamura"), "conciliatory"),
    ]
    pred = model.predict([c[0] for c in cases])
    assert list(pred) == [c[1] for c in cases]
    # direction: the accuser is not the one attacked
    p = model.predict_proba([ex("Delacroix condemned Whitfield for the raid.", "Whitfield", "Delacroix"),
                             ex("Delacroix condemned Whitfield for the raid.", "Delacroix", "Whitfield")])
    h = list(model.classes_).index("hostile")
    assert p[0, h] > p[1, h]


def _write_jsonl(path: Path, rows: list) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write((r if isinstance(r, str) else json.dumps(r)) + "\n")


@needs_artifact
def test_classify_cli_one_line_per_input(tmp_path):
    from stance.cli import main

    text = "Lindqvist accused Tanaka of fraud."
    rows = [
        {"id": "a", "text": text, "target": {"start": 18, "end": 24, "text": "Tanaka"}},
        {"id": "b", "text": text, "target": {"start": 0, "end": 9}, "source_actor": {"start": 18, "end": 24}},
        "{not json",
        {"id": "c", "text": text, "target": {"start": 5, "end": 500}},
        {"id": "d", "text": text, "target": {"start": 18, "end": 24, "text": "Brennan"}},
        {"id": "e", "text": text},
        {"id": "f", "text": text, "target": {"start": 18, "end": 24}, "source_actor": None},
    ]
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(inp, rows)
    rc = main(["classify", str(inp), "-o", str(out), "--models", str(MODELS)])
    assert rc == 1
    got = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(got) == len(rows)
    assert [g.get("id") for g in got] == ["a", "b", None, "c", "d", "e", "f"]
    assert got[0]["label"] in LABELS and abs(sum(got[0]["scores"].values()) - 1) < 1e-4
    assert got[2]["line"] == 3 and "error" in got[2]
    assert all("error" in got[i] for i in (3, 4, 5))
    assert "label" in got[6]
    assert not list(tmp_path.glob("*.tmp"))
    # all good lines -> exit 0
    _write_jsonl(inp, [rows[0], rows[1]])
    assert main(["classify", str(inp), "-o", str(out), "--models", str(MODELS)]) == 0


@needs_artifact
def test_classify_scores_sentences_by_the_base_and_quotations_by_the_quote_model(tmp_path):
    """``stance classify`` reads each line as a sentence, which the default quote model hands to the
    model it stacks on; ``--as-quotations`` makes the quote model score it as a quotation."""
    from stance.cli import main
    from stance.loader import load_stance_model
    from stance.stance_model.features import StanceExample

    text = "Lindqvist accused Tanaka of fraud and praised Brennan for her courage."
    row = {"id": "a", "text": text, "target": {"start": 18, "end": 24}, "source_actor": {"start": 0, "end": 9}}
    inp = tmp_path / "in.jsonl"
    _write_jsonl(inp, [row])
    quote = load_stance_model(MODELS, kind="quote")
    got = {}
    for flag in ([], ["--as-quotations"]):
        out = tmp_path / f"out{len(flag)}.jsonl"
        assert main(["classify", str(inp), "-o", str(out), "--models", str(MODELS), *flag]) == 0
        got[bool(flag)] = json.loads(out.read_text())["scores"]
    sentence = quote.base.predict_proba([StanceExample.from_record(row)])[0]  # the base ignores the corpus tag
    quotation = quote.predict_proba([StanceExample.from_record(row, corpus="quote")])[0]
    assert [got[False][c] for c in LABELS] == pytest.approx(list(sentence), abs=1e-4)
    assert [got[True][c] for c in LABELS] == pytest.approx(list(quotation), abs=1e-4)
    assert got[False] != got[True]


def test_evaluate_stance_on_synthetic_files(tmp_path):
    from stance.artifacts import save_artifact
    from stance.evaluation.stance import evaluate_stance, format_report, plot_confusion

    X, y = synthetic()
    model = TargetStanceClassifier(C=2.0).fit(X, y)
    save_artifact(model, tmp_path / "models" / "stance", name="stance-classifier", version="4.0.0", labels=LABELS)
    rows = []
    for i, (e, lab) in enumerate(zip(X[:9], y[:9])):
        r = {"id": f"s{i}", "text": e.text, "target": {"start": e.target_start, "end": e.target_end,
                                                       "text": e.text[e.target_start:e.target_end]},
             "label": lab, "source": "synthetic"}
        if e.has_source:
            r["source_actor"] = {"start": e.source_start, "end": e.source_end, "text": e.text[e.source_start:e.source_end]}
        rows.append(r)
    # an empty target span is skipped, as in the real directed_sentiment dev file
    rows.append({"id": "empty", "text": "Nobody.", "target": {"start": 0, "end": 0, "text": ""}, "label": "neutral"})
    (tmp_path / "data" / "directed_sentiment").mkdir(parents=True)
    _write_jsonl(tmp_path / "data" / "directed_sentiment" / "dev.jsonl", rows)
    r = evaluate_stance(tmp_path / "data", "directed_sentiment", "dev", models_dir=tmp_path / "models", kind="blended")
    assert r["n"] == 9
    assert r["labels"] == list(LABELS)
    assert sum(map(sum, r["confusion"])) == 9
    assert [sum(row) for row in r["confusion"]] == [r["per_class"][c]["support"] for c in LABELS]
    assert 0.0 <= r["macro_f1"] <= 1.0 and r["accuracy"] >= 0.8
    assert r["targets_per_second"] > 0
    rep = format_report(r)
    assert "macro-F1" in rep and "confusion" in rep
    png = plot_confusion(r, tmp_path / "cm.png")
    assert png.stat().st_size > 0
    with pytest.raises(FileNotFoundError):
        evaluate_stance(tmp_path / "data", "newsmtsc", "dev_rw", models_dir=tmp_path / "models", kind="blended")


SHARED = REPO.parent / "shared" / "data"


@pytest.mark.slow
@needs_artifact
def test_shipped_model_on_plover_dev():
    if not (SHARED / "plover_gsr" / "dev.jsonl").is_file():
        pytest.skip("../shared/data is not available")
    from stance.evaluation.stance import evaluate_stance

    r = evaluate_stance(SHARED, "plover_gsr", "dev", models_dir=MODELS)
    assert r["n"] > 50
    assert r["polar"]["direction_accuracy"] > 0.5


def test_sentence_example_never_carries_the_quotation_tag():
    from stance.stance_model.quote_scorer import QUOTATION_CORPUS, SENTENCE_CORPUS, sentence_example

    row = {"id": "a", "text": "Ruiz praised Freedonia.", "target": {"start": 13, "end": 22}}
    assert sentence_example(row).corpus == SENTENCE_CORPUS != QUOTATION_CORPUS
    assert sentence_example(dict(row, source="dse-park2021")).corpus == "directed_sentiment"
    ex = sentence_example(row)
    assert ex.text[ex.target_start:ex.target_end] == "Freedonia" and not ex.has_source
