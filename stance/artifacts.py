"""Versioned model artifacts: a directory with ``model.joblib`` and ``manifest.json``.

The manifest records the artifact's semantic version, creation time, the versions of stance,
scikit-learn, spaCy, numpy and Python it was built with, its label set, every training file with
its sha256 and example count, its dev metrics, and the sha256 of the model file.

:func:`load_artifact` reads the manifest, checks the format version, the model file's sha256 and
the scikit-learn version *before* any pickle is loaded, and raises :class:`ArtifactError` naming
the file and the reason on any mismatch.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import platform
import tempfile
from pathlib import Path
from typing import Any, Iterable, Mapping

MANIFEST = "manifest.json"
MODEL_FILE = "model.joblib"
#: The manifest format this library reads and writes.
FORMAT_VERSION = 1


class ArtifactError(RuntimeError):
    """An artifact is missing, corrupt, or was built for another version."""


def sha256_file(path: str | os.PathLike[str], chunk: int = 1 << 20) -> str:
    """Hex sha256 of a file, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while True:
            b = f.read(chunk)
            if not b:
                break
            h.update(b)
    return h.hexdigest()


def environment_versions() -> dict[str, str]:
    """Versions of the libraries an artifact depends on."""
    import numpy
    import sklearn
    import spacy

    from . import __version__

    return {
        "stance": __version__,
        "scikit-learn": sklearn.__version__,
        "spacy": spacy.__version__,
        "numpy": numpy.__version__,
        "python": platform.python_version(),
    }


def file_fingerprint(path: str | os.PathLike[str], n_examples: int | None = None) -> dict[str, Any]:
    """A training file's name, sha256 and example count, for the manifest."""
    p = Path(path)
    if n_examples is None:
        with open(p, "rb") as f:
            n_examples = sum(1 for line in f if line.strip())
    return {"file": p.name, "corpus": p.parent.name, "sha256": sha256_file(p), "examples": n_examples}


def _major_minor(v: str) -> tuple[int, ...]:
    parts = []
    for piece in v.split(".")[:2]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


def save_artifact(
    model: Any,
    out_dir: str | os.PathLike[str],
    *,
    name: str,
    version: str,
    labels: Iterable[str],
    training_data: Iterable[Mapping[str, Any]] = (),
    metrics: Mapping[str, Any] | None = None,
    params: Mapping[str, Any] | None = None,
) -> Path:
    """Write ``model`` and its manifest to ``out_dir`` atomically; return the manifest path."""
    import joblib

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out, suffix=".tmp")
    os.close(fd)
    try:
        joblib.dump(model, tmp, compress=3)
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; a shipped model is world-readable
        os.replace(tmp, out / MODEL_FILE)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    manifest = {
        "format": FORMAT_VERSION,
        "name": name,
        "version": version,
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "versions": environment_versions(),
        "labels": list(labels),
        "training_data": [dict(t) for t in training_data],
        "metrics": dict(metrics or {}),
        "params": dict(params or {}),
        "model_file": MODEL_FILE,
        "sha256": sha256_file(out / MODEL_FILE),
    }
    tmp_manifest = out / (MANIFEST + ".tmp")
    tmp_manifest.write_text(json.dumps(manifest, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    os.replace(tmp_manifest, out / MANIFEST)
    return out / MANIFEST


def read_manifest(artifact_dir: str | os.PathLike[str]) -> dict[str, Any]:
    """Read and validate an artifact's manifest (no model is loaded)."""
    d = Path(artifact_dir)
    mpath = d / MANIFEST
    if not mpath.is_file():
        raise ArtifactError(f"{mpath}: manifest not found (is {d} a stance model directory?)")
    try:
        manifest = json.loads(mpath.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ArtifactError(f"{mpath}: manifest is not valid JSON: {e}") from e
    if not isinstance(manifest, dict):
        raise ArtifactError(f"{mpath}: manifest is not a JSON object")
    for key in ("format", "name", "version", "sha256", "model_file", "versions", "labels"):
        if key not in manifest:
            raise ArtifactError(f"{mpath}: manifest lacks the field {key!r}")
    if not isinstance(manifest["versions"], dict):
        raise ArtifactError(f"{mpath}: manifest field 'versions' is not an object")
    if not isinstance(manifest["model_file"], str) or Path(manifest["model_file"]).name != manifest["model_file"]:
        raise ArtifactError(f"{mpath}: manifest field 'model_file' must name a file in {d}")
    return manifest


def check_artifact(
    artifact_dir: str | os.PathLike[str],
    *,
    expected_name: str | None = None,
    expected_major: int | None = None,
) -> dict[str, Any]:
    """Check an artifact without unpickling it; return its manifest or raise ArtifactError."""
    import sklearn

    d = Path(artifact_dir)
    manifest = read_manifest(d)
    mpath = d / MANIFEST
    if manifest["format"] != FORMAT_VERSION:
        raise ArtifactError(
            f"{mpath}: manifest format {manifest['format']!r}, this library reads format {FORMAT_VERSION}"
        )
    if expected_name is not None and manifest["name"] != expected_name:
        raise ArtifactError(f"{mpath}: artifact is {manifest['name']!r}, expected {expected_name!r}")
    if expected_major is not None:
        try:
            major = int(str(manifest["version"]).split(".")[0])
        except ValueError:
            raise ArtifactError(f"{mpath}: version {manifest['version']!r} is not a semantic version") from None
        if major != expected_major:
            raise ArtifactError(
                f"{mpath}: artifact version {manifest['version']} is incompatible with this library, "
                f"which needs major version {expected_major}; retrain it with `stance train`"
            )
    built = str(manifest["versions"].get("scikit-learn", "?"))
    if _major_minor(built) != _major_minor(sklearn.__version__):
        raise ArtifactError(
            f"{mpath}: model was built with scikit-learn {built}, but {sklearn.__version__} is installed; "
            f"install scikit-learn=={built} or retrain with `stance train`"
        )
    model_path = d / str(manifest["model_file"])
    if not model_path.is_file():
        raise ArtifactError(f"{model_path}: model file named in the manifest is missing")
    digest = sha256_file(model_path)
    if digest != manifest["sha256"]:
        raise ArtifactError(
            f"{model_path}: sha256 {digest[:16]}… does not match the manifest's {str(manifest['sha256'])[:16]}…; "
            "the file is corrupt or was replaced"
        )
    return manifest


def load_artifact(
    artifact_dir: str | os.PathLike[str],
    *,
    expected_name: str | None = None,
    expected_major: int | None = None,
) -> tuple[Any, dict[str, Any]]:
    """Load a checked artifact: ``(model, manifest)``. Nothing is unpickled before the checks pass."""
    import joblib

    manifest = check_artifact(artifact_dir, expected_name=expected_name, expected_major=expected_major)
    model_path = Path(artifact_dir) / str(manifest["model_file"])
    try:
        model = joblib.load(model_path)
    except Exception as e:  # noqa: BLE001 - any unpickling failure is an artifact error
        raise ArtifactError(f"{model_path}: could not be loaded: {type(e).__name__}: {e}") from e
    return model, manifest


def default_models_dir() -> Path:
    """``$STANCE_MODELS_DIR``, else the repository's ``models/`` next to the package."""
    env = os.environ.get("STANCE_MODELS_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "models"
