"""Temperature calibration of the quotation stances: the scaling keeps every label, the fit finds
a known temperature, the shipped artifact and the loader's refusals, the option through every
entry point, and that sentence-level stance is untouched."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import stance
from stance.artifacts import ArtifactError, default_models_dir
from stance.defaults import DEFAULTS, pipeline_options
from stance.loader import CALIBRATION_ARTIFACT, STANCE_ARTIFACTS, load_calibration
from stance.stance_model.calibration import HEADS, TemperatureCalibrator, apply_temperature, calibrate, fit_temperature

SEED_TEXT = Path(__file__).resolve().parent.parent / "seeds" / "000_d50484cecb39428e.txt"
SHIPPED = (default_models_dir() / CALIBRATION_ARTIFACT[0]).exists()
needs_artifact = pytest.mark.skipif(not SHIPPED, reason="models/stance_calibration is not shipped")

_rows = arrays(np.float64, st.tuples(st.integers(1, 30), st.just(3)),
               elements=st.floats(1e-6, 1.0, allow_nan=False, allow_infinity=False))


@settings(max_examples=60, deadline=None)
@given(_rows, st.floats(0.05, 20.0))
def test_temperature_keeps_every_label_and_gives_distributions(raw, t):
    p = raw / raw.sum(axis=1, keepdims=True)
    q = apply_temperature(p, t)
    assert np.allclose(q.sum(axis=1), 1.0)
    # ties aside, the argmax is the same row by row
    top2 = np.sort(p, axis=1)[:, -2:]
    clear = top2[:, 1] - top2[:, 0] > 1e-9
    assert (q.argmax(axis=1) == p.argmax(axis=1))[clear].all()
    # T > 1 flattens, T < 1 sharpens the top probability
    if t > 1:
        assert (q.max(axis=1) <= p.max(axis=1) + 1e-9).all()
    elif t < 1:
        assert (q.max(axis=1) >= p.max(axis=1) - 1e-9).all()


def test_temperature_one_is_the_identity_and_bad_temperatures_are_refused():
    p = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    assert np.allclose(apply_temperature(p, 1.0), p)
    for bad in (0.0, -1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError):
            apply_temperature(p, bad)


def test_fit_recovers_a_known_temperature():
    """Labels drawn from softmax(logits); the model reports softmax(3 * logits): T ~ 3."""
    rng = np.random.default_rng(0)
    logits = rng.normal(0, 1.5, size=(4000, 3))
    true = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    y = np.array([rng.choice(3, p=row) for row in true])
    over = np.exp(3 * logits) / np.exp(3 * logits).sum(axis=1, keepdims=True)
    assert abs(fit_temperature(over, y) - 3.0) < 0.25
    assert abs(fit_temperature(true, y) - 1.0) < 0.1


def test_per_head_calibrator_fits_each_head():
    rng = np.random.default_rng(1)
    logits = rng.normal(0, 1.5, size=(3000, 3))
    heads = np.array(HEADS * 1500)
    scale = np.where(heads == "speaker", 2.0, 0.5)[:, None]
    true = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    y = np.array([rng.choice(3, p=row) for row in true])
    reported = np.exp(scale * logits) / np.exp(scale * logits).sum(axis=1, keepdims=True)
    m = TemperatureCalibrator(per_head=True).fit(reported, y, heads)
    assert abs(m.temperatures_["speaker"] - 2.0) < 0.3 and abs(m.temperatures_["no_speaker"] - 0.5) < 0.1
    q = m.predict_proba(reported, heads)
    assert (q.argmax(axis=1) == reported.argmax(axis=1)).all()
    with pytest.raises(ValueError):
        calibrate(reported, m.temperatures_)  # a per-head calibration needs the heads


@needs_artifact
def test_shipped_artifact_and_its_manifest():
    t = load_calibration()
    assert t is not None
    m = json.loads((default_models_dir() / CALIBRATION_ARTIFACT[0] / "manifest.json").read_text())
    from stance.training.calibration import CALIBRATION_VERSION

    assert m["name"] == CALIBRATION_ARTIFACT[1] and m["version"] == CALIBRATION_VERSION
    assert {(d["corpus"], d["file"]) for d in m["training_data"]} == {("wikinews", "train.jsonl"), ("polnear", "train.jsonl")}
    assert m["metrics"]["cv_grouped_out_of_fold"]["none"]["ece"] > m["metrics"]["cv_grouped_out_of_fold"]["single"]["ece"]
    assert m["temperature"] == t or m["temperature"] == {k: v for k, v in t.items()}


def test_no_artifact_means_no_calibration(tmp_path):
    assert load_calibration(tmp_path) is None


@needs_artifact
@pytest.mark.parametrize("edit", ["stance_sha", "temperature", "heads", "name", "major"])
def test_loader_refuses_a_mismatched_artifact(tmp_path, edit):
    for sub in (CALIBRATION_ARTIFACT[0], STANCE_ARTIFACTS["blended"][0]):
        shutil.copytree(default_models_dir() / sub, tmp_path / sub)
    assert load_calibration(tmp_path) is not None
    mpath = tmp_path / CALIBRATION_ARTIFACT[0] / "manifest.json"
    m = json.loads(mpath.read_text())
    if edit == "stance_sha":
        m["stance_artifact"] = {k: "0" * 64 for k in m["stance_artifact"]}
    elif edit == "temperature":
        m["temperature"] = -1.0
    elif edit == "heads":
        m["temperature"] = {"speaker": 2.0}
    elif edit == "name":
        m["name"] = "party-filter"
    else:
        m["version"] = "2.0.0"
    mpath.write_text(json.dumps(m))
    with pytest.raises(ArtifactError):
        load_calibration(tmp_path)


@needs_artifact
def test_option_flows_through_load_component_and_config():
    assert DEFAULTS["calibration"] is True
    assert pipeline_options(calibration=0)["calibration"] is False
    on, off = stance.load(stance_model="blended"), stance.load(stance_model="blended", calibration=False)
    assert on.annotator.calibration == load_calibration() and off.annotator.calibration is None
    # the default quote-trained model carries its own temperature: the blended model's is not applied
    assert stance.load().annotator.calibration is None
    assert on.config()["calibration"] is True and off.config()["calibration"] is False
    assert stance.load(stance_model=False).annotator.calibration is None
    import spacy

    comp = spacy.blank("en").add_pipe("stance", config={"stance_model": "blended", "calibration": False})
    assert comp.annotator.calibration is None
    comp = spacy.blank("en").add_pipe("stance", config={"stance_model": "blended"})
    assert comp.annotator.calibration == load_calibration()


@needs_artifact
def test_labels_unchanged_and_probabilities_tempered_on_the_reference_article():
    text = SEED_TEXT.read_text(encoding="utf-8")
    on, off = stance.load(stance_model="blended")(text), stance.load(stance_model="blended", calibration=False)(text)
    pairs = [(a, b) for qa, qb in zip(on.quotes, off.quotes) for a, b in zip(qa.stances, qb.stances)]
    assert pairs and len(on.quotes) == len(off.quotes)
    for a, b in pairs:
        assert (a.target, a.label) == (b.target, b.label)
        assert a.scores[a.label] <= b.scores[b.label] + 1e-4  # T > 1 flattens
        assert abs(sum(a.scores.values()) - 1.0) < 1e-3
    assert any(a.scores[a.label] < b.scores[b.label] - 0.01 for a, b in pairs)


@needs_artifact
def test_cli_no_calibration(tmp_path):
    from stance.cli import main

    outs = []
    for flags in ([], ["--no-calibration"]):
        out = tmp_path / f"out{len(outs)}.jsonl"
        assert main(["analyze", str(SEED_TEXT), "-o", str(out), "--progress", "never", "--stance-model", "blended", *flags]) == 0
        outs.append(json.loads(out.read_text()))
    st_on = [s for q in outs[0]["quotes"] for s in q["stances"]]
    st_off = [s for q in outs[1]["quotes"] for s in q["stances"]]
    assert [s["label"] for s in st_on] == [s["label"] for s in st_off] and st_on != st_off


@needs_artifact
def test_sentence_level_stance_is_not_calibrated(tmp_path):
    """``stance classify`` (and the directed_sentiment evaluation) score sentences with the stance
    model itself: its probabilities are the model's, not tempered."""
    from stance.cli import main
    from stance.loader import load_stance_model
    from stance.stance_model.classifier import StanceExample

    text = "Opposition leader Ana Ruiz said Germany has betrayed us and should be ashamed."
    start = text.index("Germany")
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    inp.write_text(json.dumps({"id": "a", "text": text, "target": {"start": start, "end": start + 7}}) + "\n")
    assert main(["classify", str(inp), "-o", str(out), "--model", "blended"]) == 0
    got = json.loads(out.read_text())["scores"]
    model = load_stance_model(kind="blended")
    rec = {"id": "a", "text": text, "target": {"start": start, "end": start + 7}}
    raw = model.predict_proba([StanceExample.from_record(rec, corpus="quote")])[0]
    assert all(abs(got[c] - float(v)) < 1e-3 for c, v in zip(model.classes_, raw))


def test_training_fits_the_blended_models_probabilities(monkeypatch, tmp_path):
    """The calibration rescales the "blended" model only, so its training must score the corpus with
    that model whatever the default stance model is (it used the default, "quote", by mistake)."""
    import stance.pipeline
    from stance.training import calibration as training

    seen: dict = {}

    class Stop(Exception):
        pass

    def fake_pipeline(**kwargs):
        seen.update(kwargs)
        raise Stop

    monkeypatch.setattr(stance.pipeline, "Pipeline", fake_pipeline)
    monkeypatch.setattr("stance.corpora.quote_corpus.load_quote_corpus", lambda split, data_dir: [])
    with pytest.raises(Stop):
        training.train_calibration(tmp_path, out_dir=tmp_path / "models" / CALIBRATION_ARTIFACT[0], progress=False)
    assert seen["stance_model"] == "blended" and seen["calibration"] is False
