"""Versioned model artifacts: a directory with ``model.joblib``, ``manifest.json`` and, for the
shipped linear models, ``inference.npz``.

The manifest records the artifact's semantic version, creation time, the versions of stance,
scikit-learn, spaCy, numpy and Python it was built with, its label set, every training file with
its sha256 and example count, its dev metrics, the sha256 of the model file and, under
``extra_files``, the sha256 of every other file of the artifact (``{file name: sha256}``).

Two ways to load an artifact, both refusing anything wrong with :class:`ArtifactError` naming the
file and the reason, before anything is deserialised:

* :func:`load_artifact` unpickles the scikit-learn estimator from ``model.joblib`` (training,
  evaluation, inspection). It checks the manifest format, name, major version, the scikit-learn
  version the model was built with (same major.minor as installed: pickles are not portable
  across scikit-learn releases) and the sha256 of the model file and of every extra file.
* :func:`load_scorer` returns the light numpy scorer of :mod:`stance.inference` rebuilt from
  ``inference.npz`` (named by the manifest's ``inference`` block, sha256 in ``extra_files``;
  read with ``allow_pickle=False``), which is what the runtime pipeline uses. It makes the same
  checks, sha256 of ``model.joblib`` included, *except* the scikit-learn version: the npz holds
  plain arrays and does not depend on scikit-learn (which need not even be importable). An
  artifact without an inference file (built before the ``inference`` block existed) falls back to
  :func:`load_artifact`.

:func:`export_inference` adds ``inference.npz`` to an existing artifact without retraining
(``python -m stance.artifacts export models/attribution models/stance``): it loads the estimator,
writes the npz, verifies that the scorer reproduces ``predict_proba`` (the largest absolute
difference is recorded as ``inference.max_abs_diff``) and bumps the minor version.
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
    extra_files: Mapping[str, bytes] | None = None,
    extra_manifest: Mapping[str, Any] | None = None,
) -> Path:
    """Write ``model`` and its manifest to ``out_dir`` atomically; return the manifest path.

    ``extra_files`` (``{file name: content}``) are written beside the model and their sha256
    recorded under the manifest's ``extra_files``; ``extra_manifest`` adds fields to the manifest
    (e.g. the ``inference`` block of :func:`stance.inference.build_inference`)."""
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
    fd, tmp = tempfile.mkstemp(dir=out, suffix=".tmp")
    os.close(fd)
    try:
        joblib.dump(model, tmp, compress=3)
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; a shipped model is world-readable
        os.replace(tmp, out / MODEL_FILE)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    for fname, content in extra_files.items():
        _write_atomic(out / fname, content)
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
        "extra_files": {fname: hashlib.sha256(content).hexdigest() for fname, content in extra_files.items()},
    }
    manifest.update(extra_manifest)
    return _write_manifest(out, manifest)


#: Fields save_artifact sets itself.
_CORE_FIELDS = frozenset(
    ["format", "name", "version", "created", "versions", "labels", "training_data", "metrics", "params",
     "model_file", "sha256", "extra_files"]
)


def _write_atomic(path: Path, content: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _write_manifest(out: Path, manifest: Mapping[str, Any]) -> Path:
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
    if not isinstance(manifest["model_file"], str) or Path(manifest["model_file"]).name != manifest["model_file"]:
        raise ArtifactError(f"{mpath}: manifest field 'model_file' must name a file in {d}")
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
    skip_files: Iterable[str] = (),
) -> dict[str, Any]:
    """Check an artifact without unpickling it; return its manifest or raise ArtifactError.

    Checks the manifest format, name, major version, the scikit-learn version (when
    ``check_sklearn``: needed before unpickling ``model.joblib``, not for ``inference.npz``) and
    the sha256 of the model file and of every extra file except ``skip_files`` (which the caller
    verifies itself, on the bytes it reads)."""
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
    _verify_file(d / str(manifest["model_file"]), manifest["sha256"], "model file")
    skip = set(skip_files)
    for fname, digest in manifest["extra_files"].items():
        if fname not in skip:
            _verify_file(d / fname, digest, "file")
    return manifest


def _verify_file(path: Path, expected: Any, what: str, data: bytes | None = None) -> None:
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
    model_path = Path(artifact_dir) / str(manifest["model_file"])
    try:
        model = joblib.load(model_path)
    except Exception as e:  # noqa: BLE001 - any unpickling failure is an artifact error
        raise ArtifactError(f"{model_path}: could not be loaded: {type(e).__name__}: {e}") from e
    return model, manifest


def load_scorer(
    artifact_dir: str | os.PathLike[str],
    *,
    expected_name: str | None = None,
    expected_major: int | None = None,
    expected_kind: str | None = None,
) -> tuple[Any, dict[str, Any]]:
    """The artifact's light numpy scorer (:mod:`stance.inference`), checked: ``(scorer, manifest)``.

    Everything :func:`load_artifact` checks is checked except the scikit-learn version (the npz
    does not depend on it); the npz is hashed and parsed from the same bytes, with
    ``allow_pickle=False``. Without an ``inference`` block in the manifest this falls back to
    :func:`load_artifact` (the estimator)."""
    d = Path(artifact_dir)
    manifest = read_manifest(d)
    inf = manifest.get("inference")
    if inf is None:
        return load_artifact(d, expected_name=expected_name, expected_major=expected_major)
    fname = str(inf["file"])
    manifest = check_artifact(d, expected_name=expected_name, expected_major=expected_major,
                              check_sklearn=False, skip_files=[fname])
    path = d / fname
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArtifactError(f"{path}: inference file named in the manifest is missing") from None
    except OSError as e:
        raise ArtifactError(f"{path}: cannot be read: {e}") from e
    _verify_file(path, manifest["extra_files"][fname], "inference file", data)
    from .inference import InferenceFileError, scorer_from_npz

    if expected_kind is not None and inf["kind"] != expected_kind:
        raise ArtifactError(f"{d / MANIFEST}: inference kind {inf['kind']!r}, expected {expected_kind!r}")
    try:
        scorer = scorer_from_npz(data, expected_kind=inf["kind"])
    except InferenceFileError as e:
        raise ArtifactError(f"{path}: could not be loaded: {e}") from None
    return scorer, manifest


def _bump_minor(version: str) -> str:
    parts = str(version).split(".")
    try:
        major, minor = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
    except ValueError:
        raise ArtifactError(f"version {version!r} is not a semantic version") from None
    return f"{major}.{minor + 1}.0"


def export_inference(
    artifact_dir: str | os.PathLike[str],
    *,
    examples: Iterable[Any] | None = None,
    version: str | None = None,
    compress: bool = True,
) -> dict[str, Any]:
    """Add (or refresh) ``inference.npz`` in an existing artifact, without retraining (``compress``:
    deflate the npz, smaller on disk for a few tens of milliseconds more at load).

    The estimator is loaded from ``model.joblib`` (all checks of :func:`load_artifact`), exported
    and verified by :func:`stance.inference.build_inference` (on its synthetic inputs plus
    ``examples``), and the npz and the updated manifest are written atomically; ``model.joblib``,
    the metrics, training data and parameters are left as they are. ``version`` defaults to the
    next minor version when the artifact had no inference file yet (a new file format), else to the
    current one. Returns the new manifest."""
    from .inference import build_inference

    d = Path(artifact_dir)
    model, manifest = load_artifact(d)
    data, info = build_inference(model, list(examples or []), compress=compress)
    if version is None:
        version = manifest["version"] if manifest.get("inference") else _bump_minor(manifest["version"])
    fname = info["file"]
    info["exported"] = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
    _write_atomic(d / fname, data)
    manifest = dict(manifest)
    manifest["version"] = version
    manifest["extra_files"] = dict(manifest.get("extra_files") or {}, **{fname: hashlib.sha256(data).hexdigest()})
    manifest["inference"] = info
    _write_manifest(d, manifest)
    return read_manifest(d)


def default_models_dir() -> Path:
    """``$STANCE_MODELS_DIR``, else the repository's ``models/`` next to the package."""
    env = os.environ.get("STANCE_MODELS_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "models"


def _dev_examples(name: str, data_dir: str) -> list[Any]:
    """The dev inputs the training scores, to verify an export on real data (CLI ``--data``)."""
    if name == "stance-classifier":
        from .evaluation.stance import corpus_file, load_examples
        from .training.stance import DEV_FILES

        out: list[Any] = []
        for corpus, split in DEV_FILES:
            try:
                out += load_examples(corpus_file(data_dir, corpus, split), corpus=corpus)[0]
            except FileNotFoundError:
                continue
        return out
    if name == "speaker-ranker":
        import spacy

        from .evaluation.polnear import load_polnear
        from .training.attribution import build_examples

        return build_examples(load_polnear(data_dir, "dev"), spacy.blank("en"))[0]
    return []


def main(argv: list[str] | None = None) -> int:
    """``python -m stance.artifacts export DIR...`` / ``check DIR...``."""
    import argparse
    import sys

    p = argparse.ArgumentParser(prog="python -m stance.artifacts", description="Maintain stance model artifacts.")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("export", help="write inference.npz for artifacts (no retraining) and update their manifests")
    e.add_argument("dirs", nargs="+", metavar="DIR", help="artifact directories, e.g. models/stance")
    e.add_argument("--version", default=None, help="version to record (default: next minor on first export)")
    e.add_argument("--data", metavar="DIR", default=None,
                   help="corpus directory (e.g. ../shared/data): also verify on the dev splits the training used")
    c = sub.add_parser("check", help="check artifacts and load their light scorers")
    c.add_argument("dirs", nargs="+", metavar="DIR")
    args = p.parse_args(argv)
    try:
        for d in args.dirs:
            if args.command == "export":
                examples = _dev_examples(read_manifest(d)["name"], args.data) if args.data else None
                m = export_inference(d, version=args.version, examples=examples)
                inf = m["inference"]
                print(f"{d}: {m['name']} {m['version']}, {inf['file']} sha256 {m['extra_files'][inf['file']][:16]}…, "
                      f"max |diff| {inf['max_abs_diff']:.3g} on {inf['checked_inputs']} inputs")
            else:
                scorer, m = load_scorer(d)
                print(f"{d}: {m['name']} {m['version']} ok: {scorer!r}")
    except ArtifactError as err:
        print(f"python -m stance.artifacts: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
