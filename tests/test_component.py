"""The ``stance`` spaCy component: the options of stance.load, the batched path of Pipeline.pipe,
and a round trip through nlp.to_disk / spacy.load with its models."""

from __future__ import annotations

import json

import pytest
import spacy
from confection import ConfigValidationError

import stance
from stance.components import CONFIG_FILE, MODELS_FOLDER
from stance.stance_model.contextual import ContextualDependencyError

from tests.conftest import MODELS, SEED_TXT

TEXTS = [
    "Foreign Minister Anna Berg said on Monday that Norway would not send troops.\n"
    "“We are ready to talk to Sweden, but Stockholm keeps lying to us,” Berg said.",
    "“The senator is a dangerous liar,” Governor Tom Hale told reporters. Hale praised Mayor Ruth Ames for her courage.",
]


def _docs(nlp, texts):
    return [d._.stance.to_dict() for d in nlp.pipe(texts)]


def test_component_output_equals_the_pipelines():
    texts = TEXTS + [SEED_TXT.read_text(encoding="utf-8")]
    nlp = spacy.blank("en")
    nlp.add_pipe("stance")
    want = [a.to_dict() for a in stance.load().pipe(texts)]
    assert _docs(nlp, texts) == want
    assert nlp(texts[-1])._.stance.to_dict() == want[-1]
    assert sum(len(q["stances"]) for a in want for q in a["quotes"]) > 0


def test_component_batches_like_pipeline_pipe(monkeypatch):
    nlp = spacy.blank("en")
    comp = nlp.add_pipe("stance")
    sizes = []
    real = comp.annotator.finish
    monkeypatch.setattr(comp.annotator, "finish", lambda prepared: sizes.append(len(prepared)) or real(prepared))
    docs = list(comp.pipe((nlp.make_doc(t) for t in TEXTS * 3), batch_size=4))
    assert sizes == [4, 2] and len(docs) == 6
    sizes.clear()
    list(nlp.pipe(TEXTS * 3, batch_size=5))
    assert sizes == [5, 1]
    with pytest.raises(ValueError, match="batch_size"):
        list(comp.pipe([nlp.make_doc(TEXTS[0])], batch_size=0))


@pytest.mark.parametrize("name, want", [("blended", "blended"), ("linear", "blended"), (True, "quote"), ("quote", "quote")])
def test_component_accepts_the_stance_model_names_of_load(name, want):
    nlp = spacy.blank("en")
    comp = nlp.add_pipe("stance", config={"stance_model": name, "analytic_offset": 0.0, "timings": True})
    assert comp.options["stance_model"] == want and comp.annotator.timings is not None


def test_contextual_option_passes_config_validation():
    nlp = spacy.blank("en")
    try:
        comp = nlp.add_pipe("stance", config={"stance_model": "contextual"})
    except ConfigValidationError as e:  # pragma: no cover - the bug this guards against
        pytest.fail(f"the config was refused: {e}")
    except (ContextualDependencyError, ImportError):
        return  # the [contextual] extra is not installed: the option was accepted, the model cannot load
    assert comp.options["stance_model"] == "contextual"


def test_unknown_stance_model_is_refused():
    with pytest.raises(ValueError, match="unknown stance model"):
        spacy.blank("en").add_pipe("stance", config={"stance_model": "nonsense"})


def test_to_disk_then_spacy_load_gives_identical_output(tmp_path):
    texts = TEXTS + [SEED_TXT.read_text(encoding="utf-8")]
    nlp = spacy.blank("en")
    nlp.add_pipe("stance", config={"analytic_offset": 1.5})
    before = _docs(nlp, texts)
    nlp.to_disk(tmp_path / "pipe")
    comp_dir = tmp_path / "pipe" / "stance"
    assert json.loads((comp_dir / CONFIG_FILE).read_text())["analytic_offset"] == 1.5
    for sub in ("speaker_ranker", "stance"):  # the models travel with the pipeline, manifests included
        assert (comp_dir / MODELS_FOLDER / sub / "manifest.json").is_file()
        assert (comp_dir / MODELS_FOLDER / sub / "inference.npz").read_bytes() == (MODELS / sub / "inference.npz").read_bytes()
    loaded = spacy.load(tmp_path / "pipe")
    comp = loaded.get_pipe("stance")
    assert comp.options["models_dir"] == str(comp_dir / MODELS_FOLDER)
    assert _docs(loaded, texts) == before


def test_from_disk_checks_the_stored_manifests(tmp_path):
    from stance.artifacts import ArtifactError

    nlp = spacy.blank("en")
    nlp.add_pipe("stance")
    nlp.to_disk(tmp_path / "pipe")
    npz = tmp_path / "pipe" / "stance" / MODELS_FOLDER / "stance" / "inference.npz"
    with open(npz, "ab") as f:
        f.write(b"\0")
    with pytest.raises(ArtifactError, match="sha256"):
        spacy.load(tmp_path / "pipe")
