"""The light (numpy-only) scorers (stance.speakers.ranker.LinearRanker,
stance.stance_model.inference.LinearStanceScorer) against the scikit-learn estimators, the
inference.npz in the artifacts, and a runtime that never imports scikit-learn or scipy.

All inputs here are written for the tests; no corpus text is used."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.artifacts import ArtifactError, load_artifact, read_manifest, save_artifact
from stance.loader import load_scorer
from stance.stance_model.classifier import LABELS, StanceExample
from stance.artifacts.npz import INFERENCE_FILE, MAX_ABS_DIFF
from stance.loader import scorer_from_npz
from stance.speakers.ranker import LinearRanker
from stance.stance_model.inference import LinearStanceScorer
from stance.training.export import build_inference

from tests.conftest import MODELS, ROOT, SEED_TXT
from tests.test_classifier import ex, synthetic

HAS_MODELS = (MODELS / "stance" / INFERENCE_FILE).is_file() and (MODELS / "speaker_ranker" / INFERENCE_FILE).is_file()
needs_models = pytest.mark.skipif(not HAS_MODELS, reason="shipped artifacts without inference.npz")

# feature dicts as DictVectorizer sees them: strings become name=value, numbers keep their value,
# lists of strings give one indicator each; unknown names and values are dropped
RANKER_TRAIN = [
    {"kind": "name", "dist": 1.0, "rule_pick": 1.0, "head=minister": 1.0, "tags": ["subj", "near"]},
    {"kind": "pronoun", "dist": 3.0, "rule_pick": 0.0, "cap": True},
    {"kind": "nominal", "dist": 0.5, "rule_pick": 1.0, "tags": ["subj"]},
    {"kind": "name", "dist": 7.0, "rule_pick": 0.0, "head=minister": 1.0},
    {"kind": "pronoun", "dist": 0.0, "rule_pick": 1.0, "cap": False, "tags": ["near"]},
    {"kind": "nominal", "dist": 9.0, "rule_pick": 0.0},
]
RANKER_Y = [1, 0, 1, 0, 1, 0]
RANKER_INPUTS = RANKER_TRAIN + [
    {},
    {"kind": "unseen kind", "dist": 2.5},
    {"never seen": 4.0, "tags": ["subj", "subj", "unknown tag"]},
    {"dist": np.float32(1.25), "rule_pick": 1, "cap": 1},
    {"kind": "name", "kind_other": "x", "head=minister": 0.0, "dist": -3.0},
]


def _ranker():
    from stance.speakers.ranker import make_ranker

    return make_ranker(C=1.0).fit(RANKER_TRAIN, RANKER_Y)


STANCE_INPUTS = [
    ex("Haddad accused Petrov of fraud.", "Petrov", "Haddad"),
    ex("Haddad accused Petrov of fraud.", "Petrov"),
    ex("Haddad praised Petrov for the reform, but Okafor condemned him.", "Petrov", "Okafor"),
    ex("Petrov, whom Haddad thanked, met nobody.", "Petrov", "Haddad"),
    ex("“Petrov is a liar,” Haddad said.", "Petrov", "Haddad"),
    ex("Nobody said anything about Brennan.", "Brennan"),
    ex("Tanaka met Tanaka.", "Tanaka", nth=1),
    StanceExample("İstanbul’s mayor welcomed Moreau.", 26, 32, 0, 9),  # a character that lowercases to two
    StanceExample("Moreau.", 0, 0),  # empty target span
    StanceExample("", 0, 0),
]


def test_ranker_scorer_equals_sklearn():
    model = _ranker()
    data, info = build_inference(model)
    scorer = scorer_from_npz(data, expected_kind="linear-ranker")
    assert isinstance(scorer, LinearRanker)
    assert list(scorer.classes_) == list(model.classes_)
    got, want = scorer.predict_proba(RANKER_INPUTS), model.predict_proba(RANKER_INPUTS)
    assert got.shape == want.shape == (len(RANKER_INPUTS), 2)
    assert np.max(np.abs(got - want)) < 1e-6
    assert list(scorer.predict(RANKER_INPUTS)) == list(model.predict(RANKER_INPUTS))
    assert info["kind"] == "linear-ranker" and info["max_abs_diff"] < 1e-6
    assert scorer.predict_proba([]).shape == (0, 2)
    with pytest.raises(TypeError):
        scorer.predict_proba([{"tags": [1, 2]}])


def test_ranker_scorer_paths_agree_exactly():
    """Feature dicts of floats and strings (what the pipeline's rankers take) are vectorised at C
    speed; the same dicts with an int among them take the general loop: the same floats."""
    data, _ = build_inference(_ranker())
    scorer = scorer_from_npz(data, expected_kind="linear-ranker")
    plain = [x for x in RANKER_INPUTS if all(type(v) in (float, str) for v in x.values())]
    assert len(plain) >= 5 and any(isinstance(v, str) for x in plain for v in x.values())
    general = [dict(x, never_seen_int=1) for x in plain]  # an unknown feature: changes no score
    assert scorer.predict_proba(plain).tobytes() == scorer.predict_proba(general).tobytes()
    batch = scorer.predict_proba(plain)
    for i, x in enumerate(plain):  # one row at a time, as in the batch
        assert scorer.predict_proba([x]).tobytes() == batch[i:i + 1].tobytes()


def test_stance_scorer_equals_sklearn_and_routes_by_source():
    from stance.stance_model.classifier import TargetStanceClassifier

    X, y = synthetic()
    model = TargetStanceClassifier(C=2.0, C_src=2.0, class_bias={"src": [-0.5, 0.0, 0.3]}).fit(X, y)
    data, info = build_inference(model)
    scorer = scorer_from_npz(data, expected_kind="linear-stance")
    assert isinstance(scorer, LinearStanceScorer)
    assert list(scorer.classes_) == list(LABELS)
    got, want = scorer.predict_proba(STANCE_INPUTS), model.predict_proba(STANCE_INPUTS)
    assert np.max(np.abs(got - want)) < 1e-6
    for a, b in zip(scorer.head_probabilities(STANCE_INPUTS), model.head_probabilities(STANCE_INPUTS)):
        assert np.max(np.abs(a - b)) < 1e-6
    assert list(scorer.predict(STANCE_INPUTS)) == list(model.predict(STANCE_INPUTS))
    assert info["max_abs_diff"] < 1e-6
    # batches split into chunks give the same rows
    scorer.batch_rows = 3
    assert np.max(np.abs(scorer.predict_proba(STANCE_INPUTS) - model.predict_proba(STANCE_INPUTS))) < 1e-6
    assert scorer.predict_proba([]).shape == (0, 3)
    assert scorer.vocabulary_ == model.vocabulary_
    lazy = scorer_from_npz(data)
    assert lazy._vocabulary is None and lazy.n_features == len(model.vocabulary_)  # built on first use
    assert np.array_equal(lazy.predict_proba(STANCE_INPUTS), scorer.predict_proba(STANCE_INPUTS))
    assert lazy._vocabulary == model.vocabulary_
    with pytest.raises(TypeError):
        scorer.predict_proba(["not an example"])


def test_export_refuses_a_scorer_that_differs(monkeypatch):
    model = _ranker()
    monkeypatch.setattr(LinearRanker, "predict_proba", lambda self, X: np.full((len(list(X)), 2), 0.5))
    with pytest.raises(ValueError, match="differs from the estimator"):
        build_inference(model)


@needs_models
@pytest.mark.parametrize("name", ["speaker_ranker", "stance", "pronoun_ranker"])
def test_shipped_artifacts_hold_only_what_the_runtime_reads(name):
    light, manifest = load_scorer(MODELS / name)
    inf = manifest["inference"]
    assert inf["file"] == INFERENCE_FILE and inf["max_abs_diff"] < MAX_ABS_DIFF  # verified at export
    assert manifest["extra_files"][INFERENCE_FILE] and inf["checked_inputs"] > 100
    assert manifest["model_file"] is None and not (MODELS / name / "model.joblib").exists()
    assert sorted(p.name for p in (MODELS / name).iterdir()) == [INFERENCE_FILE, "manifest.json"]
    with pytest.raises(ArtifactError, match="ships no estimator"):
        load_artifact(MODELS / name)


@needs_models
def test_loaders_return_light_scorers_by_default():
    from stance.loader import load_ranker, load_stance_model

    assert isinstance(load_ranker(MODELS), LinearRanker)
    assert isinstance(load_stance_model(MODELS), LinearStanceScorer)
    assert isinstance(load_stance_model(MODELS, kind="linear"), LinearStanceScorer)  # the older name


@needs_models
def test_load_and_analyse_import_neither_sklearn_nor_scipy():
    code = (
        "import sys, json, stance\n"
        "nlp = stance.load()\n"
        "after_load = sorted(m for m in ('sklearn', 'scipy', 'joblib', 'pandas', 'datasets', 'torch') if m in sys.modules)\n"
        f"a = nlp(open({str(SEED_TXT)!r}, encoding='utf-8').read())\n"
        "after_run = sorted(m for m in ('sklearn', 'scipy', 'joblib', 'pandas', 'datasets', 'torch') if m in sys.modules)\n"
        "print(json.dumps([after_load, after_run, sum(len(q.stances) for q in a.quotes),"
        " type(nlp.annotator.ranker).__name__, type(nlp.annotator.stance_model).__name__]))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    after_load, after_run, n_stances, rk, sm = json.loads(r.stdout.strip().splitlines()[-1])
    assert after_load == [] and after_run == []
    assert (rk, sm) == ("LinearRanker", "QuoteStanceScorer")  # the default stance model, with its LinearStanceScorer base
    assert n_stances > 0


# -- corrupted or tampered inference files ------------------------------------------------------

@pytest.fixture
def shipped_copy(tmp_path) -> Path:
    if not HAS_MODELS:
        pytest.skip("shipped artifacts without inference.npz")
    for name in ("speaker_ranker", "stance", "quote_stance"):  # quote_stance: the default stance model, stacked on stance
        shutil.copytree(MODELS / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def no_npz_parsing(monkeypatch):
    def forbidden(*args, **kwargs):
        pytest.fail("np.load called on a refused inference file")

    monkeypatch.setattr(np, "load", forbidden)


@pytest.mark.parametrize("name", ["speaker_ranker", "stance"])
def test_corrupted_npz_is_refused_before_parsing(shipped_copy, no_npz_parsing, name):
    path = shipped_copy / name / INFERENCE_FILE
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(ArtifactError) as e:
        load_scorer(shipped_copy / name)
    assert str(path) in str(e.value) and "sha256" in str(e.value)


def test_corrupted_npz_stops_stance_load(shipped_copy):
    import stance

    with open(shipped_copy / "stance" / INFERENCE_FILE, "ab") as f:
        f.write(b"\0")
    with pytest.raises(ArtifactError, match="sha256"):
        stance.load(models_dir=shipped_copy)


def test_missing_npz_is_refused(shipped_copy):
    (shipped_copy / "speaker_ranker" / INFERENCE_FILE).unlink()
    with pytest.raises(ArtifactError, match="missing"):
        load_scorer(shipped_copy / "speaker_ranker")


def test_npz_needs_no_sklearn_version_match_but_the_pickle_does(shipped_copy):
    m = json.loads((shipped_copy / "speaker_ranker" / "manifest.json").read_text())
    m["versions"]["scikit-learn"] = "0.20.3"
    (shipped_copy / "speaker_ranker" / "manifest.json").write_text(json.dumps(m))
    scorer, _ = load_scorer(shipped_copy / "speaker_ranker")
    assert isinstance(scorer, LinearRanker)
    with pytest.raises(ArtifactError, match="scikit-learn 0.20.3"):
        load_artifact(shipped_copy / "speaker_ranker")


def _artifact_with_npz(d: Path, npz: bytes, kind: str = "linear-ranker") -> Path:
    save_artifact(_ranker(), d, name="speaker-ranker", version="1.1.0", labels=["no", "yes"],
                  extra_files={INFERENCE_FILE: npz}, extra_manifest={"inference": {"file": INFERENCE_FILE, "kind": kind}})
    return d


def test_npz_with_matching_sha_but_bad_content_is_an_artifact_error(tmp_path):
    d = _artifact_with_npz(tmp_path / "a", b"this is not a zip file")
    with pytest.raises(ArtifactError, match=r"inference.npz: could not be loaded: not a readable npz"):
        load_scorer(d)


def test_npz_holding_a_pickle_is_refused(tmp_path):
    import io

    class Boom:
        def __reduce__(self):
            return (pytest.fail, ("unpickled an object array from inference.npz",))

    buf = io.BytesIO()
    np.savez(buf, meta=np.frombuffer(json.dumps({"format": 1, "kind": "linear-ranker"}).encode(), np.uint8),
             coef=np.array([Boom()], dtype=object))
    d = _artifact_with_npz(tmp_path / "a", buf.getvalue())
    with pytest.raises(ArtifactError, match="could not be loaded"):
        load_scorer(d)


@pytest.mark.parametrize("removed", [{"sentence_ngrams": True}, {"src_blend": 0.5}, {"dense": {"window": 6}}])
def test_npz_needing_removed_features_is_refused(removed):
    from stance.artifacts.npz import read_npz, write_npz
    from stance.stance_model.classifier import TargetStanceClassifier

    X, y = synthetic()
    data, _ = build_inference(TargetStanceClassifier(C=2.0, C_src=2.0).fit(X, y))
    arrays, meta = read_npz(data)
    with pytest.raises(Exception, match="does not compute"):
        scorer_from_npz(write_npz(arrays, dict(meta, **removed)))


def test_npz_of_the_wrong_kind_is_refused(tmp_path):
    data, _ = build_inference(_ranker())
    d = _artifact_with_npz(tmp_path / "a", data, kind="linear-stance")
    with pytest.raises(ArtifactError, match="linear-ranker.*expected 'linear-stance'"):
        load_scorer(d)
    d = _artifact_with_npz(tmp_path / "b", data)
    with pytest.raises(ArtifactError, match="inference kind 'linear-ranker', expected 'linear-stance'"):
        load_scorer(d, expected_kind="linear-stance")
    scorer, manifest = load_scorer(d, expected_name="speaker-ranker", expected_major=1)
    assert isinstance(scorer, LinearRanker) and read_manifest(d) == manifest


def test_the_light_loader_reads_and_hashes_the_npz_alone(tmp_path, monkeypatch):
    data, _ = build_inference(_ranker())
    d = _artifact_with_npz(tmp_path / "a", data)
    with open(d / "model.joblib", "ab") as f:
        f.write(b"\0")  # the estimator is not read by the runtime, so not hashed either
    hashed = []
    import stance.artifacts.store as store

    real = store.sha256_file
    monkeypatch.setattr(store, "sha256_file", lambda p, *a, **k: hashed.append(Path(p).name) or real(p, *a, **k))
    scorer, _ = load_scorer(d)
    assert isinstance(scorer, LinearRanker) and hashed == []
    with pytest.raises(ArtifactError, match="model.joblib.*sha256"):
        load_artifact(d)


def test_artifact_without_npz_falls_back_to_the_estimator(tmp_path):
    save_artifact(_ranker(), tmp_path / "a", name="speaker-ranker", version="1.0.0", labels=["no", "yes"])
    model, manifest = load_scorer(tmp_path / "a")
    assert type(model).__name__ == "Pipeline" and "inference" not in manifest


def test_export_command_adds_npz_without_touching_the_model(tmp_path, capsys):
    from stance.cli import main as cli_main

    def main(argv):
        return cli_main(["artifacts", *argv])

    d = tmp_path / "speaker_ranker"
    save_artifact(_ranker(), d, name="speaker-ranker", version="1.0.0", labels=["no", "yes"], metrics={"x": 1})
    before = read_manifest(d)
    joblib_bytes = (d / "model.joblib").read_bytes()
    assert main(["export", str(d)]) == 0
    after = read_manifest(d)
    assert (d / "model.joblib").read_bytes() == joblib_bytes
    assert after["version"] == "1.1.0" and after["sha256"] == before["sha256"]
    assert after["metrics"] == before["metrics"] and after["created"] == before["created"]
    assert after["inference"]["max_abs_diff"] < 1e-6 and INFERENCE_FILE in after["extra_files"]
    assert isinstance(load_scorer(d)[0], LinearRanker)
    assert main(["export", str(d)]) == 0  # again: same content, same version
    assert read_manifest(d)["version"] == "1.1.0"
    assert main(["check", str(d)]) == 0
    assert "LinearRanker" in capsys.readouterr().out


@needs_models
def test_pipeline_scores_quotations_without_the_sentence_class_offsets():
    import json

    import stance
    from stance.loader import load_stance_model

    params = json.loads((MODELS / "stance" / "manifest.json").read_text())["params"]
    sentence = load_stance_model()
    quotes = stance.load(stance_model="blended").annotator.stance_model
    k = len(sentence.classes_)
    assert np.allclose(sentence.intercept_[k:] - quotes.intercept_[k:], params["class_bias"]["src"])
    assert quotes.blend_bias == {} and sentence.blend_bias == {h: list(map(float, b)) for h, b in params["blend_bias"].items()}
    assert load_stance_model(quotations=True).intercept_.tolist() == quotes.intercept_.tolist()
    with pytest.raises(ValueError, match="class_bias"):
        sentence.without_class_bias({"src": [1.0]})


_NAMES = ["kind", "dist", "rule_pick", "head=minister", "cap", "kind=name", "unseen", "a", "a=b"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(_NAMES),
                                st.one_of(st.floats(allow_nan=True, allow_infinity=True, width=64),
                                          st.sampled_from(["name", "pronoun", "b", "minister", "x"])), max_size=9),
                max_size=6),
       st.lists(st.floats(-1e3, 1e3), min_size=10, max_size=10), st.floats(-50, 50))
def test_ranker_binary_scores_equal_the_vectorised_ones_bitwise(X, weights, bias):
    """The plain-Python scores of a binary ranker (dicts of floats and strings) are the vectorised
    path's, bit for bit: the same products summed in the same (column) order, collisions of a
    string feature with a float one of the same name ('a': 'b' and 'a=b') included."""
    names = ["kind=name", "kind=pronoun", "dist", "rule_pick", "head=minister", "cap", "a=b", "a", "kind", "x=x"]
    scorer = LinearRanker(dict(zip(names, range(len(names)))), np.asarray([weights]), np.asarray([bias]), [0, 1])
    fast = scorer._binary_scores(X)
    assert fast is not None
    with np.errstate(over="ignore", invalid="ignore"):  # infinite products, as in plain Python
        vectorised = scorer._sparse_scores(X)
    assert np.asarray(fast, dtype=np.float64).tobytes() == vectorised.tobytes()
    assert scorer.decision_function(X).tobytes() == vectorised.tobytes()


def test_ranker_binary_weights_follow_replaced_coefficients():
    """The plain-float copy of the weights is made again when coef_ or intercept_ is replaced."""
    scorer = LinearRanker({"a": 0, "b": 1}, np.asarray([[1.0, 2.0]]), np.asarray([0.5]), [0, 1])
    x = [{"a": 1.0, "b": 1.0}]
    assert scorer.decision_function(x).tolist() == [3.5]
    scorer.coef_ = np.asarray([[10.0, 20.0]])
    assert scorer.decision_function(x).tolist() == [30.5]
    scorer.intercept_ = np.asarray([-0.5])
    assert scorer.decision_function(x).tolist() == [29.5]
    assert scorer._binary_scores([{"a": 1}]) is None  # an int: the vectorised path
    assert scorer.decision_function([{"a": 1}]).tolist() == [9.5]


def test_ranker_string_feature_columns_follow_a_replaced_vocabulary():
    """The plain-Python scores read the current vocabulary and separator, and an unknown pair
    stays unknown (no weight)."""
    scorer = LinearRanker({"kind=name": 0, "kind:pronoun": 1}, np.asarray([[1.0, 2.0]]), np.asarray([0.0]), [0, 1])
    assert scorer.decision_function([{"kind": "name"}, {"kind": "pronoun"}]).tolist() == [1.0, 0.0]
    assert scorer.decision_function([{"kind": "name"}]).tolist() == [1.0]  # the same again
    scorer.vocabulary_ = {"kind=name": 1, "kind=pronoun": 0}
    assert scorer.decision_function([{"kind": "name"}, {"kind": "pronoun"}]).tolist() == [2.0, 1.0]
    scorer.separator = ":"
    assert scorer.decision_function([{"kind": "name"}, {"kind": "pronoun"}]).tolist() == [0.0, 0.0]


def test_ranker_binary_scores_skip_zero_features_only_with_finite_weights():
    """A feature of value 0.0 adds nothing to a score (skipped), unless a weight is infinite:
    then 0.0 times it is nan, as in the vectorised path."""
    scorer = LinearRanker({"a": 0, "b": 1}, np.asarray([[2.0, 3.0]]), np.asarray([0.5]), [0, 1])
    assert scorer._binary_scores([{"a": 0.0, "b": 1.0}, {"a": -0.0}]) == [3.5, 0.5]
    scorer.coef_ = np.asarray([[np.inf, 3.0]])
    fast = scorer._binary_scores([{"a": 0.0, "b": 1.0}])
    assert np.isnan(fast[0])
    with np.errstate(invalid="ignore"):
        assert np.isnan(scorer._sparse_scores([{"a": 0.0, "b": 1.0}])[0])
