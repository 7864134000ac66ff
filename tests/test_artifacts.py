"""Model artifacts: anything wrong is refused with an ArtifactError that names the file and the
reason, and no pickle is ever loaded before the checks (sha256 first of all) have passed."""

from __future__ import annotations

import json
from pathlib import Path

import joblib
import pytest

from stance.artifacts import (
    FORMAT_VERSION,
    MANIFEST,
    MODEL_FILE,
    ArtifactError,
    check_artifact,
    load_artifact,
    read_manifest,
    save_artifact,
)


def _tiny_model():
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression().fit([[0.0, 1.0], [1.0, 0.0], [0.2, 0.9], [0.9, 0.1]], ["a", "b", "a", "b"])


@pytest.fixture
def artifact(tmp_path) -> Path:
    d = tmp_path / "tiny"
    save_artifact(
        _tiny_model(),
        d,
        name="tiny",
        version="1.2.0",
        labels=["a", "b"],
        training_data=[{"file": "x.jsonl", "sha256": "0" * 64, "examples": 4}],
        metrics={"accuracy": 1.0},
    )
    return d


@pytest.fixture
def no_unpickling(monkeypatch):
    """Fail the test if anything tries to unpickle a model."""

    def forbidden(*args, **kwargs):
        pytest.fail(f"joblib.load called on a refused artifact: {args}")

    monkeypatch.setattr(joblib, "load", forbidden)


def _edit_manifest(d: Path, **changes) -> None:
    m = json.loads((d / MANIFEST).read_text(encoding="utf-8"))
    for k, v in changes.items():
        if isinstance(v, dict) and isinstance(m.get(k), dict):
            m[k].update(v)
        else:
            m[k] = v
    (d / MANIFEST).write_text(json.dumps(m), encoding="utf-8")


def test_good_artifact_round_trips(artifact):
    model, manifest = load_artifact(artifact, expected_name="tiny", expected_major=1)
    assert list(model.predict([[0.0, 1.0], [1.0, 0.0]])) == ["a", "b"]
    assert manifest["format"] == FORMAT_VERSION
    assert manifest["labels"] == ["a", "b"]
    assert manifest["version"] == "1.2.0"
    assert len(manifest["sha256"]) == 64
    assert manifest["versions"]["scikit-learn"]
    assert not [p for p in artifact.iterdir() if p.name.endswith(".tmp")]


def test_one_byte_changed_is_refused_before_unpickling(artifact, no_unpickling):
    path = artifact / MODEL_FILE
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(ArtifactError) as e:
        load_artifact(artifact)
    msg = str(e.value)
    assert str(path) in msg
    assert "sha256" in msg and "corrupt" in msg


def test_appended_byte_is_refused(artifact, no_unpickling):
    with open(artifact / MODEL_FILE, "ab") as f:
        f.write(b"\0")
    with pytest.raises(ArtifactError, match="sha256"):
        load_artifact(artifact)


def test_other_major_version_is_refused(artifact, no_unpickling):
    _edit_manifest(artifact, version="2.0.0")
    with pytest.raises(ArtifactError) as e:
        load_artifact(artifact, expected_major=1)
    msg = str(e.value)
    assert str(artifact / MANIFEST) in msg
    assert "2.0.0" in msg and "major version 1" in msg


def test_minor_version_change_is_accepted(artifact):
    _edit_manifest(artifact, version="1.9.3")
    model, manifest = load_artifact(artifact, expected_major=1)
    assert manifest["version"] == "1.9.3"


def test_non_semantic_version_is_refused(artifact, no_unpickling):
    _edit_manifest(artifact, version="latest")
    with pytest.raises(ArtifactError, match="not a semantic version"):
        load_artifact(artifact, expected_major=1)


def test_other_manifest_format_is_refused(artifact, no_unpickling):
    _edit_manifest(artifact, format=FORMAT_VERSION + 1)
    with pytest.raises(ArtifactError, match=r"manifest format .*reads format"):
        load_artifact(artifact)


def test_wrong_artifact_name_is_refused(artifact, no_unpickling):
    with pytest.raises(ArtifactError, match=r"artifact is 'tiny', expected 'speaker-ranker'"):
        load_artifact(artifact, expected_name="speaker-ranker")


def test_missing_model_file(artifact, no_unpickling):
    (artifact / MODEL_FILE).unlink()
    with pytest.raises(ArtifactError) as e:
        load_artifact(artifact)
    assert str(artifact / MODEL_FILE) in str(e.value) and "missing" in str(e.value)


def test_missing_manifest(artifact, no_unpickling):
    (artifact / MANIFEST).unlink()
    with pytest.raises(ArtifactError) as e:
        load_artifact(artifact)
    assert str(artifact / MANIFEST) in str(e.value) and "manifest not found" in str(e.value)


def test_missing_directory(tmp_path, no_unpickling):
    with pytest.raises(ArtifactError, match="manifest not found"):
        load_artifact(tmp_path / "does-not-exist")


@pytest.mark.parametrize("built", ["0.20.3", "9.1.0", "1.0", "unknown"])
def test_unloadable_sklearn_version_is_refused(artifact, no_unpickling, built):
    _edit_manifest(artifact, versions={"scikit-learn": built})
    with pytest.raises(ArtifactError) as e:
        load_artifact(artifact)
    msg = str(e.value)
    assert str(artifact / MANIFEST) in msg
    assert f"scikit-learn {built}" in msg and "installed" in msg


@pytest.mark.parametrize(
    "content, reason",
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "not a JSON object"),
        ('"just a string"', "not a JSON object"),
        ("{}", "lacks the field 'format'"),
    ],
)
def test_malformed_manifest(artifact, no_unpickling, content, reason):
    (artifact / MANIFEST).write_text(content, encoding="utf-8")
    with pytest.raises(ArtifactError) as e:
        load_artifact(artifact)
    assert reason in str(e.value) and str(artifact / MANIFEST) in str(e.value)


def test_manifest_fields_of_the_wrong_type(artifact, no_unpickling):
    _edit_manifest(artifact, versions="1.5")
    with pytest.raises(ArtifactError, match="'versions' is not an object"):
        load_artifact(artifact)


def test_model_file_outside_the_artifact_is_refused(artifact, no_unpickling, tmp_path):
    _edit_manifest(artifact, model_file="../elsewhere.joblib")
    with pytest.raises(ArtifactError, match="must name a file"):
        load_artifact(artifact)


def test_check_does_not_unpickle(artifact, no_unpickling):
    manifest = check_artifact(artifact, expected_name="tiny", expected_major=1)
    assert manifest == read_manifest(artifact)


def test_unpickling_failure_is_an_artifact_error(artifact, monkeypatch):
    def broken(*args, **kwargs):
        raise ModuleNotFoundError("No module named 'sklearn.old_module'")

    monkeypatch.setattr(joblib, "load", broken)
    with pytest.raises(ArtifactError, match=r"could not be loaded: ModuleNotFoundError"):
        load_artifact(artifact)


def test_pipeline_refuses_a_corrupt_shipped_model(tmp_path, no_unpickling):
    """Through the public API: a corrupt ranker in the models directory stops ``stance.load``."""
    import stance

    save_artifact(_tiny_model(), tmp_path / "speaker_ranker", name="speaker-ranker", version="1.0.0", labels=["a", "b"])
    with open(tmp_path / "speaker_ranker" / MODEL_FILE, "r+b") as f:
        f.seek(10)
        b = f.read(1)
        f.seek(10)
        f.write(bytes([b[0] ^ 0xFF]))
    with pytest.raises(ArtifactError, match="sha256"):
        stance.load(models_dir=tmp_path, stance_model=False)
    with pytest.raises(ArtifactError, match="manifest not found"):
        stance.load(models_dir=tmp_path, ranker=False)  # no stance/ artifact there


# -- extra files (e.g. inference.npz): sha256 in the manifest, checked like the model file --------

@pytest.fixture
def artifact_with_extra(tmp_path) -> Path:
    d = tmp_path / "extra"
    save_artifact(_tiny_model(), d, name="tiny", version="1.1.0", labels=["a", "b"],
                  extra_files={"inference.npz": b"PK-not-really-a-zip" * 50, "notes.txt": b"hello"},
                  extra_manifest={"inference": {"file": "inference.npz", "kind": "none"}})
    return d


def test_extra_files_are_recorded_and_checked(artifact_with_extra):
    import hashlib

    m = check_artifact(artifact_with_extra)
    assert m["extra_files"]["notes.txt"] == hashlib.sha256(b"hello").hexdigest()
    assert m["inference"] == {"file": "inference.npz", "kind": "none"}
    assert (artifact_with_extra / "notes.txt").read_bytes() == b"hello"
    assert not [p for p in artifact_with_extra.iterdir() if p.name.endswith(".tmp")]
    model, _ = load_artifact(artifact_with_extra)
    assert list(model.predict([[0.0, 1.0]])) == ["a"]


@pytest.mark.parametrize("fname", ["inference.npz", "notes.txt"])
def test_corrupted_extra_file_is_refused_before_unpickling(artifact_with_extra, no_unpickling, fname):
    path = artifact_with_extra / fname
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(ArtifactError) as e:
        load_artifact(artifact_with_extra)
    assert str(path) in str(e.value) and "sha256" in str(e.value) and "corrupt" in str(e.value)


def test_missing_extra_file_is_refused(artifact_with_extra, no_unpickling):
    (artifact_with_extra / "inference.npz").unlink()
    with pytest.raises(ArtifactError, match=r"inference.npz: file named in the manifest is missing"):
        check_artifact(artifact_with_extra)


@pytest.mark.parametrize(
    "extra, reason",
    [
        ({"../outside.npz": "0" * 64}, "must name files"),
        ({MODEL_FILE: "0" * 64}, "must name files"),
        ({"inference.npz": 5}, "gives no sha256"),
        ([], "'extra_files' is not an object"),
    ],
)
def test_malformed_extra_files_field(artifact_with_extra, no_unpickling, extra, reason):
    _edit_manifest(artifact_with_extra, extra_files=extra)
    with pytest.raises(ArtifactError, match=reason):
        load_artifact(artifact_with_extra)


def test_inference_block_must_name_a_listed_file(artifact_with_extra, no_unpickling):
    _edit_manifest(artifact_with_extra, inference={"file": "other.npz", "kind": "linear-ranker"})
    with pytest.raises(ArtifactError, match="'inference' must give"):
        check_artifact(artifact_with_extra)


def test_save_refuses_bad_extra_names_and_core_fields(tmp_path):
    with pytest.raises(ValueError, match="cannot be an extra file"):
        save_artifact(_tiny_model(), tmp_path / "x", name="t", version="1.0.0", labels=["a"], extra_files={"a/b.npz": b""})
    with pytest.raises(ValueError, match="may not set"):
        save_artifact(_tiny_model(), tmp_path / "x", name="t", version="1.0.0", labels=["a"], extra_manifest={"sha256": "0"})


def test_old_manifests_without_extra_files_still_load(artifact):
    m = json.loads((artifact / MANIFEST).read_text(encoding="utf-8"))
    del m["extra_files"]
    (artifact / MANIFEST).write_text(json.dumps(m), encoding="utf-8")
    model, manifest = load_artifact(artifact, expected_name="tiny", expected_major=1)
    assert manifest["extra_files"] == {}


def test_artifact_dir_defaults(tmp_path, monkeypatch) -> None:
    """A training command writes to --out when given, else under the models directory."""
    from stance.artifacts import artifact_dir

    monkeypatch.setenv("STANCE_MODELS_DIR", str(tmp_path / "models"))
    assert artifact_dir(tmp_path / "x", "party_filter") == tmp_path / "x"
    assert artifact_dir(None, "party_filter") == tmp_path / "models" / "party_filter"
    assert artifact_dir(None, "quote", tmp_path / "m") == tmp_path / "m" / "quote"


def test_load_refuses_a_models_directory_that_does_not_exist(tmp_path) -> None:
    """A mistyped models directory is an error, not a pipeline silently without its rankers and
    party filter; with every model turned off no directory is needed."""
    import stance

    missing = tmp_path / "no_such_models"
    for kwargs in ({"stance_model": False}, {"ranker": False, "stance_model": False}, {}):
        with pytest.raises(ArtifactError, match="models directory not found"):
            stance.load(models_dir=missing, **kwargs)
    nlp = stance.load(models_dir=missing, ranker=False, stance_model=False, party_filter=False)
    assert nlp('"Fine," said Ana Ruiz.').quotes[0].speaker.name == "Ana Ruiz"



def test_artifacts_check_reports_every_directory(tmp_path, capsys) -> None:
    """``stance artifacts check`` checks each directory, a refused one does not stop the others,
    the shipped calibration (a manifest only) passes, an estimator whose repr fails is named by its
    class, and the exit status is 1 when any artifact was refused."""
    import shutil

    from stance.artifacts import default_models_dir
    from stance.cli import main

    shipped = default_models_dir()
    for sub in ("stance", "stance_calibration"):
        shutil.copytree(shipped / sub, tmp_path / sub)
    model = _tiny_model()
    del model.C  # an estimator pickled before an attribute existed: sklearn's repr raises
    save_artifact(model, tmp_path / "old", name="old-model", version="1.0.0", labels=["a", "b"])
    save_artifact(_tiny_model(), tmp_path / "bad", name="bad-model", version="1.0.0", labels=["a", "b"])
    data = bytearray((tmp_path / "bad" / MODEL_FILE).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (tmp_path / "bad" / MODEL_FILE).write_bytes(bytes(data))
    dirs = [str(tmp_path / d) for d in ("bad", "old", "stance_calibration")]
    assert main(["artifacts", "check", *dirs]) == 1
    out, err = capsys.readouterr()
    assert "old-model 1.0.0 ok: LogisticRegression\n" in out
    assert "stance-calibration" in out and "ok: temperature" in out
    assert "bad: refused:" in err and "sha256" in err and "1 of 3 artifacts refused" in err
    assert main(["artifacts", "check", *dirs[1:]]) == 0
