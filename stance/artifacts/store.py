"""Versioned model artifacts: a directory with ``manifest.json`` and the model's files.

The manifest records the artifact's semantic version, creation time, the versions of stance,
scikit-learn, spaCy, numpy and Python it was built with, its label set, every training file with
its sha256 and example count, its dev metrics, the model file (``model_file``, the pickled
estimator, or ``null`` when the artifact ships only its inference file) with its sha256 and,
under ``extra_files``, the sha256 of every other file of the artifact (``{file name: sha256}``).

Nothing is deserialised before its checks pass; every refusal is an :class:`ArtifactError`
naming the file and the reason:

* :func:`check_artifact` checks the manifest format, name, major version, the scikit-learn version
  the model was built with (same major.minor as installed: pickles are not portable across
  scikit-learn releases) and the sha256 of the files asked for.
* :func:`load_artifact` unpickles the scikit-learn estimator from ``model.joblib`` (training,
  inspection, the contextual model) after those checks.
* The runtime reads only ``inference.npz`` (plain numpy arrays, :mod:`stance.artifacts.npz`):
  :func:`stance.loader.load_scorer` verifies the sha256 of the bytes it reads and nothing else,
  so the shipped linear artifacts carry no ``model.joblib`` at all.
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
INFERENCE_FILE = "inference.npz"
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

    from stance.version import __version__

    return {
        "stance": __version__,
        "scikit-learn": sklearn.__version__,
        "spacy": spacy.__version__,
        "numpy": numpy.__version__,
        "python": platform.python_version(),
        **_blas(),
    }


def _blas() -> dict[str, str]:
    """The BLAS libraries loaded (numpy's and scipy's may be two copies) and the kernels they run
    (``{"blas": "openblas 0.3.30 Haswell; openblas 0.3.31 Haswell"}``): training on other kernels
    sums in another order (:mod:`stance.training.blas_kernel`); empty when none is known."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:  # pragma: no cover - threadpoolctl comes with scikit-learn
        return {}
    found = sorted({" ".join(str(lib[k]) for k in ("internal_api", "version", "architecture") if lib.get(k))
                    for lib in threadpool_info() if lib.get("user_api") == "blas"})
    return {"blas": "; ".join(found)} if found else {}


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
    extra_files: Mapping[str, bytes] | None = None,
    extra_manifest: Mapping[str, Any] | None = None,
) -> Path:
    """Write ``model`` and its manifest to ``out_dir`` atomically; return the manifest path.

    ``model=None`` writes an artifact without an estimator (``model_file`` null): one the runtime
    reads through its inference file alone.

    ``extra_files`` (``{file name: content}``) are written beside the model and their sha256
    recorded under the manifest's ``extra_files``; ``extra_manifest`` adds fields to the manifest
    (e.g. the ``inference`` block of :func:`stance.training.export.build_inference`)."""
    import joblib

    out = Path(out_dir)
    extra_files = dict(extra_files or {})
    for fname in extra_files:
        _check_extra_name(fname, out)
    extra_manifest = dict(extra_manifest or {})
    clash = set(extra_manifest) & _CORE_FIELDS
    if clash:
        raise ValueError(f"extra_manifest may not set the manifest fields {sorted(clash)}")
    out.mkdir(parents=True, exist_ok=True)
    if model is not None:
        fd, tmp = tempfile.mkstemp(dir=out, suffix=".tmp")
        os.close(fd)
        try:
            joblib.dump(model, tmp, compress=3)
            os.chmod(tmp, 0o644)  # mkstemp creates 0600; a shipped model is world-readable
            os.replace(tmp, out / MODEL_FILE)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    elif (out / MODEL_FILE).exists():
        (out / MODEL_FILE).unlink()  # a stale estimator must not sit beside a manifest that does not list it
    for fname, content in extra_files.items():
        write_atomic(out / fname, content)
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
        "model_file": MODEL_FILE if model is not None else None,
        "sha256": sha256_file(out / MODEL_FILE) if model is not None else None,
        "extra_files": {fname: hashlib.sha256(content).hexdigest() for fname, content in extra_files.items()},
    }
    manifest.update(extra_manifest)
    return write_manifest(out, manifest)


def content_hashes(manifest: Mapping[str, Any]) -> dict[str, str]:
    """The sha256 of every file an artifact's manifest lists (the estimator, when there is one, and
    every extra file such as ``inference.npz``), by file name: what changes when it is retrained."""
    out = dict(manifest.get("extra_files") or {})
    if manifest.get("model_file") and manifest.get("sha256"):
        out[manifest["model_file"]] = manifest["sha256"]
    return dict(sorted(out.items()))


#: Fields save_artifact sets itself.
_CORE_FIELDS = frozenset(
    ["format", "name", "version", "created", "versions", "labels", "training_data", "metrics", "params",
     "model_file", "sha256", "extra_files"]
)


def write_atomic(path: Path, content: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_manifest(out: Path, manifest: Mapping[str, Any]) -> Path:
    tmp_manifest = out / (MANIFEST + ".tmp")
    tmp_manifest.write_text(json.dumps(manifest, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    os.replace(tmp_manifest, out / MANIFEST)
    return out / MANIFEST


def _check_extra_name(fname: Any, d: Path) -> None:
    if not isinstance(fname, str) or not fname or Path(fname).name != fname or fname in (MANIFEST, MODEL_FILE) \
            or fname.endswith(".tmp"):
        raise ValueError(f"{fname!r} cannot be an extra file of {d}: a plain file name other than "
                         f"{MANIFEST} and {MODEL_FILE} is needed")


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
    mf = manifest["model_file"]
    if mf is not None and (not isinstance(mf, str) or Path(mf).name != mf):
        raise ArtifactError(f"{mpath}: manifest field 'model_file' must name a file in {d} (or be null)")
    extra = manifest.setdefault("extra_files", {})
    if not isinstance(extra, dict):
        raise ArtifactError(f"{mpath}: manifest field 'extra_files' is not an object")
    for fname, digest in extra.items():
        try:
            _check_extra_name(fname, d)
        except ValueError:
            raise ArtifactError(f"{mpath}: manifest field 'extra_files' must name files in {d}, not {fname!r}") from None
        if not isinstance(digest, str):
            raise ArtifactError(f"{mpath}: manifest field 'extra_files' gives no sha256 for {fname!r}")
    inf = manifest.get("inference")
    if inf is not None and (not isinstance(inf, dict) or inf.get("file") not in extra or not isinstance(inf.get("kind"), str)):
        raise ArtifactError(f"{mpath}: manifest field 'inference' must give the 'kind' and a 'file' listed in 'extra_files'")
    return manifest


def check_artifact(
    artifact_dir: str | os.PathLike[str],
    *,
    expected_name: str | None = None,
    expected_major: int | None = None,
    check_sklearn: bool = True,
    files: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Check an artifact without unpickling it; return its manifest or raise ArtifactError.

    Checks the manifest format, name, major version, the scikit-learn version (when
    ``check_sklearn``: needed before unpickling ``model.joblib``, not for ``inference.npz``) and
    the sha256 of the files ``files`` names (default: the model file and every extra file). A
    caller that reads a file itself passes ``files=()`` and verifies the bytes it read
    (:func:`verify_file`), so no file is hashed that is not read."""
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
    if check_sklearn:
        import sklearn

        built = str(manifest["versions"].get("scikit-learn", "?"))
        if _major_minor(built) != _major_minor(sklearn.__version__):
            raise ArtifactError(
                f"{mpath}: model was built with scikit-learn {built}, but {sklearn.__version__} is installed; "
                f"install scikit-learn=={built} or retrain with `stance train`"
            )
    if files is None:
        files = ([manifest["model_file"]] if manifest["model_file"] is not None else []) + list(manifest["extra_files"])
    for fname in files:
        if fname == manifest["model_file"]:
            verify_file(d / fname, manifest["sha256"], "model file")
        elif fname in manifest["extra_files"]:
            verify_file(d / fname, manifest["extra_files"][fname], "file")
        else:
            raise ArtifactError(f"{mpath}: the manifest lists no file {fname!r}")
    return manifest


def verify_file(path: Path, expected: Any, what: str, data: bytes | None = None) -> None:
    """Raise ArtifactError unless ``path`` (or ``data``, its bytes already read) has sha256 ``expected``."""
    if data is None:
        if not path.is_file():
            raise ArtifactError(f"{path}: {what} named in the manifest is missing")
        digest = sha256_file(path)
    else:
        digest = hashlib.sha256(data).hexdigest()
    if digest != expected:
        raise ArtifactError(
            f"{path}: sha256 {digest[:16]}… does not match the manifest's {str(expected)[:16]}…; "
            "the file is corrupt or was replaced"
        )


def load_artifact(
    artifact_dir: str | os.PathLike[str],
    *,
    expected_name: str | None = None,
    expected_major: int | None = None,
) -> tuple[Any, dict[str, Any]]:
    """Load a checked artifact: ``(model, manifest)``. Nothing is unpickled before the checks pass."""
    import joblib

    manifest = check_artifact(artifact_dir, expected_name=expected_name, expected_major=expected_major)
    if manifest["model_file"] is None:
        raise ArtifactError(f"{Path(artifact_dir) / MANIFEST}: this artifact ships no estimator (model_file is null), "
                            "only its inference file; retrain with `stance train` to get the estimator")
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
    return Path(__file__).resolve().parent.parent.parent / "models"


def artifact_dir(out_dir: str | os.PathLike[str] | None, name: str, models_dir: Path | None = None) -> Path:
    """Where a training command writes artifact ``name``: ``out_dir`` when given, else
    ``<models_dir>/<name>`` (``models_dir`` defaulting to :func:`default_models_dir`)."""
    if out_dir is not None:
        return Path(out_dir)
    return (models_dir if models_dir is not None else default_models_dir()) / name
