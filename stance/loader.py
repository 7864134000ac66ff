"""The one model loader: the trained models a pipeline configuration needs, checked and loaded.

:class:`stance.pipeline.Pipeline`, the ``stance`` spaCy component and the Dask / Hugging Face
integrations (through the pipeline they build) all load their models with :func:`load_models`.

The runtime reads each linear artifact's ``inference.npz`` only (:func:`load_scorer`): the
manifest is checked (format, name, major version) and the sha256 of the bytes read is compared
with the manifest's before they are parsed (``allow_pickle=False``); no other file is read or
hashed. ``estimator=True`` unpickles the scikit-learn estimator of an artifact that has one
(training and inspection); the optional contextual model is a pickled estimator by nature.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping

from stance.artifacts.store import ArtifactError, MANIFEST, check_artifact, default_models_dir, load_artifact, read_manifest, verify_file

#: The speaker ranker's artifact: directory under the models directory, name, major version.
RANKER_ARTIFACT = ("speaker_ranker", "speaker-ranker", 1)
#: The pronoun ranker's artifact (he/she and it/they speakers: stance.speakers.pronouns): directory, name, major version.
PRONOUN_RANKER_ARTIFACT = ("pronoun_ranker", "pronoun-ranker", 1)
#: The stance models' artifacts by name: directory, name, major version.
#: The party filter's artifact: directory, name, major version.
PARTY_FILTER_ARTIFACT = ("party_filter", "party-filter", 2)
#: The stance calibration's artifact (temperatures of the "blended" stance model): directory, name, major version.
CALIBRATION_ARTIFACT = ("stance_calibration", "stance-calibration", 1)
STANCE_ARTIFACTS: dict[str, tuple[str, str, int]] = {
    "quote": ("quote_stance", "quote-stance", 4),
    "blended": ("stance", "stance-classifier", 4),
    "contextual": ("contextual", "stance-contextual", 1),
    "contextual-quote": ("contextual_quote", "stance-contextual-quote", 1),
}


#: Stance models that stack another one: ``{name: the name of the model whose probabilities they use}``.
STANCE_BASES: dict[str, str] = {"quote": "blended"}


def stance_artifact_dirs(name: str) -> list[str]:
    """The artifact directories (under the models directory) the stance model ``name`` reads:
    its own and, for a stacked model, its base model's."""
    dirs = [STANCE_ARTIFACTS[name][0]]
    if name in STANCE_BASES:
        dirs += stance_artifact_dirs(STANCE_BASES[name])
    return dirs


def scorer_classes() -> dict[str, Any]:
    """``{inference kind: scorer class}`` of the numpy scorers an ``inference.npz`` can hold."""
    from stance.parties.tree_scorer import TreeEnsembleScorer
    from stance.speakers.ranker import LinearRanker
    from stance.stance_model.inference import LinearStanceScorer
    from stance.stance_model.quote_scorer import QuoteStanceScorer

    return {LinearRanker.kind: LinearRanker, LinearStanceScorer.kind: LinearStanceScorer,
            QuoteStanceScorer.kind: QuoteStanceScorer, TreeEnsembleScorer.kind: TreeEnsembleScorer}


def scorer_from_npz(data: bytes, expected_kind: str | None = None) -> Any:
    """Rebuild the scorer npz bytes describe; :class:`~stance.artifacts.npz.InferenceFileError` if it cannot."""
    from stance.artifacts.npz import InferenceFileError, read_npz

    arrays, meta = read_npz(data)
    kind = meta.get("kind")
    if expected_kind is not None and kind != expected_kind:
        raise InferenceFileError(f"holds a {kind!r} model, expected {expected_kind!r}")
    cls = scorer_classes().get(kind)  # type: ignore[arg-type]
    if cls is None:
        raise InferenceFileError(f"unknown model kind {kind!r}")
    try:
        return cls.from_arrays(arrays, meta)
    except InferenceFileError:
        raise
    except (KeyError, TypeError, ValueError) as e:
        raise InferenceFileError(f"malformed {kind} header or arrays: {type(e).__name__}: {e}") from None


def load_scorer(
    artifact_dir: str | os.PathLike[str],
    *,
    expected_name: str | None = None,
    expected_major: int | None = None,
    expected_kind: str | None = None,
) -> tuple[Any, dict[str, Any]]:
    """The artifact's numpy scorer rebuilt from its ``inference.npz``, checked: ``(scorer, manifest)``.

    The manifest's format, name and major version are checked, then the npz is read once, its
    sha256 compared with the manifest's and the same bytes parsed. The scikit-learn version is
    not checked (the npz holds plain arrays) and no other file of the artifact is read or hashed.
    An artifact without an ``inference`` block falls back to its estimator (:func:`load_artifact`)."""
    from stance.artifacts.npz import InferenceFileError

    d = Path(artifact_dir)
    manifest = read_manifest(d)
    inf = manifest.get("inference")
    if inf is None:
        return load_artifact(d, expected_name=expected_name, expected_major=expected_major)
    fname = str(inf["file"])
    manifest = check_artifact(d, expected_name=expected_name, expected_major=expected_major,
                              check_sklearn=False, files=())
    path = d / fname
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArtifactError(f"{path}: inference file named in the manifest is missing") from None
    except OSError as e:
        raise ArtifactError(f"{path}: cannot be read: {e}") from e
    verify_file(path, manifest["extra_files"][fname], "inference file", data)
    if expected_kind is not None and inf["kind"] != expected_kind:
        raise ArtifactError(f"{d / MANIFEST}: inference kind {inf['kind']!r}, expected {expected_kind!r}")
    try:
        scorer = scorer_from_npz(data, expected_kind=inf["kind"])
    except InferenceFileError as e:
        raise ArtifactError(f"{path}: could not be loaded: {e}") from None
    return scorer, manifest


def _models_path(models_dir: str | os.PathLike[str] | None) -> Path:
    return Path(models_dir) if models_dir is not None else default_models_dir()


def _shipped_scorer(models_dir: str | os.PathLike[str] | None, artifact: tuple[str, str, int],
                    kind: str | None = None) -> tuple[Any, dict[str, Any]] | None:
    """``(numpy scorer, manifest)`` of the linear artifact ``artifact`` (directory, name, major
    version) under the models directory, or None when it is not shipped there."""
    sub, name, major = artifact
    path = _models_path(models_dir) / sub
    if not path.exists():
        return None
    return load_scorer(path, expected_name=name, expected_major=major, expected_kind=kind)


def load_ranker(models_dir: str | os.PathLike[str] | None = None, *, estimator: bool = False) -> Any | None:
    """The speaker ranker at ``<models_dir>/speaker_ranker``, or None when no ranker is shipped there.

    By default the numpy :class:`~stance.speakers.ranker.LinearRanker` (from ``inference.npz``);
    ``estimator=True`` unpickles the scikit-learn pipeline from ``model.joblib`` (an artifact
    written by ``stance train attribution``; the shipped one carries none). A ranker that is
    present but corrupt or built for other versions raises :class:`~stance.artifacts.ArtifactError`."""
    if estimator:
        sub, name, major = RANKER_ARTIFACT
        path = _models_path(models_dir) / sub
        return load_artifact(path, expected_name=name, expected_major=major)[0] if path.exists() else None
    loaded = _shipped_scorer(models_dir, RANKER_ARTIFACT)
    return loaded[0] if loaded is not None else None


def load_pronoun_ranker(models_dir: str | os.PathLike[str] | None = None) -> Any | None:
    """The pronoun ranker at ``<models_dir>/pronoun_ranker`` (the numpy
    :class:`~stance.speakers.ranker.LinearRanker` of its ``inference.npz``, with ``pronouns``: the
    pronouns it resolves, from the manifest's ``params.pronouns``), or None when none is
    shipped there; a corrupt or mismatched one raises :class:`~stance.artifacts.ArtifactError`."""
    loaded = _shipped_scorer(models_dir, PRONOUN_RANKER_ARTIFACT, "linear-ranker")
    if loaded is None:
        return None
    scorer, manifest = loaded
    # the pronouns it resolves (stance.speakers.pronouns.ranks); the first rankers: he/she
    scorer.pronouns = frozenset(manifest.get("params", {}).get("pronouns", ("he", "she")))
    return scorer


def load_party_filter(models_dir: str | os.PathLike[str] | None = None) -> Any | None:
    """The party filter at ``<models_dir>/party_filter`` (a :class:`~stance.parties.filter.PartyFilter`
    over the numpy scorer of its ``inference.npz``, a
    :class:`~stance.parties.tree_scorer.TreeEnsembleScorer`, with the manifest's decision threshold and its
    per-type thresholds, if any), or
    None when no filter is shipped there; a corrupt or mismatched one raises
    :class:`~stance.artifacts.ArtifactError`."""
    from stance.parties.filter import PartyFilter
    from stance.parties.tree_scorer import TREE_KIND

    loaded = _shipped_scorer(models_dir, PARTY_FILTER_ARTIFACT, TREE_KIND)
    if loaded is None:
        return None
    scorer, manifest = loaded
    path = _models_path(models_dir) / PARTY_FILTER_ARTIFACT[0]
    threshold = manifest.get("decision_threshold")
    if not isinstance(threshold, (int, float)) or not 0.0 <= float(threshold) <= 1.0:
        raise ArtifactError(f"{path / MANIFEST}: decision_threshold must be a number in [0, 1], got {threshold!r}")
    by_type = manifest.get("type_thresholds") or {}
    if not isinstance(by_type, dict) or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and 0.0 <= float(v) <= 1.0 for v in by_type.values()):
        raise ArtifactError(f"{path / MANIFEST}: type_thresholds must map target types to numbers in [0, 1], got {by_type!r}")
    return PartyFilter(scorer, float(threshold), by_type)


def load_calibration(models_dir: str | os.PathLike[str] | None = None) -> Any | None:
    """The temperature(s) at ``<models_dir>/stance_calibration`` (a float, or ``{head: T}``; see
    :mod:`stance.stance_model.calibration`), or None when no calibration is shipped there.

    The manifest names the stance artifact it was fitted on by the sha256 of its files
    (``stance_artifact``); a calibration fitted on another stance model, or a malformed one,
    raises :class:`~stance.artifacts.ArtifactError`."""
    import math

    from stance.artifacts.store import content_hashes
    from stance.stance_model.calibration import HEADS

    sub, name, major = CALIBRATION_ARTIFACT
    base = _models_path(models_dir)
    path = base / sub
    if not path.exists():
        return None
    manifest = check_artifact(path, expected_name=name, expected_major=major, check_sklearn=False)
    stance_dir = base / STANCE_ARTIFACTS["blended"][0]
    fitted_on = manifest.get("stance_artifact")
    current = content_hashes(read_manifest(stance_dir))
    if fitted_on != current:
        raise ArtifactError(f"{path / MANIFEST}: fitted on another stance model (its files' sha256 differ from "
                            f"{stance_dir / MANIFEST}); refit with `stance train calibration`")
    t = manifest.get("temperature")
    values = list(t.values()) if isinstance(t, dict) else [t]
    if (isinstance(t, dict) and set(t) != set(HEADS)) or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and v > 0 for v in values):
        raise ArtifactError(f"{path / MANIFEST}: temperature must be a positive number or one per head {HEADS}, got {t!r}")
    return {k: float(v) for k, v in t.items()} if isinstance(t, dict) else float(t)


def load_stance_model(models_dir: str | os.PathLike[str] | None = None, *, estimator: bool = False,
                      kind: Any = "blended", quotations: bool = False) -> Any:
    """A stance model artifact, checked (not cached).

    ``kind="quote"`` reads ``<models_dir>/quote_stance/``: the
    :class:`~stance.stance_model.quote_scorer.QuoteStanceScorer` trained on the article-level
    quote corpus, stacked on the ``"blended"`` model, which is loaded too and must be the one it
    was trained on (the sha256 of its ``inference.npz`` recorded in the manifest's ``base``);
    ``estimator=True`` is not available for it (its artifact holds no estimator).
    ``kind="blended"`` (this function's default, the quote model's base; the pipeline's default is
    :data:`stance.defaults.DEFAULT_STANCE_MODEL`; ``"linear"`` is accepted as its older name) reads
    ``<models_dir>/stance/``: by default the numpy
    :class:`~stance.stance_model.inference.LinearStanceScorer` from ``inference.npz``,
    ``estimator=True`` the scikit-learn estimator from ``model.joblib`` (of an artifact that has
    one); ``quotations=True`` (what the pipeline loads) the scorer without the class offsets the
    manifest's ``params.class_bias`` records (tuned on sentence corpora: see
    :meth:`~stance.stance_model.inference.LinearStanceScorer.without_class_bias`), sentence
    scoring (``stance classify``, ``stance evaluate stance``) keeps them. ``kind="contextual"`` reads the optional fine-tuned transformer from
    ``<models_dir>/contextual/`` (needs the ``[contextual]`` extra), checking also that the
    installed base-encoder package is the version the artifact was trained on; ``kind="contextual-quote"``
    the same from ``<models_dir>/contextual_quote/`` (the contextual model fine-tuned further on
    the article corpus's train split)."""
    from stance.defaults import CONTEXTUAL_STANCE_MODELS, stance_model_name

    name = stance_model_name(kind)
    if name is None:
        raise ValueError(f"no stance model is named {kind!r}")
    base = _models_path(models_dir)
    sub, artifact, major = STANCE_ARTIFACTS[name]
    if name in CONTEXTUAL_STANCE_MODELS:
        from stance.stance_model.contextual import base_package_version

        installed = base_package_version()  # a clear error when the extra is missing
        model, manifest = load_artifact(base / sub, expected_name=artifact, expected_major=major)
        want = str(manifest.get("base_model", {}).get("version"))
        if want != installed:
            raise ArtifactError(
                f"{base / sub / MANIFEST}: trained on {manifest['base_model']['package']} {want}, "
                f"but {installed} is installed; install that version or retrain with `stance train {name}`"
            )
        return model
    if name in STANCE_BASES:
        if estimator:
            raise ValueError(f"the {name!r} stance model ships no estimator, only its inference.npz")
        scorer, manifest = load_scorer(base / sub, expected_name=artifact, expected_major=major, expected_kind="quote-stance")
        if scorer.needs_base:
            bsub, bname, bmajor = STANCE_ARTIFACTS[STANCE_BASES[name]]
            bscorer, bmanifest = load_scorer(base / bsub, expected_name=bname, expected_major=bmajor)
            want = (manifest.get("base") or {}).get("sha256")
            have = (bmanifest.get("extra_files") or {}).get((bmanifest.get("inference") or {}).get("file", ""))
            if not want or want != have:
                raise ArtifactError(f"{base / sub / MANIFEST}: stacked on the base model with inference sha256 {want}, "
                                    f"but {base / bsub} holds {have}; retrain with `stance train quote-stance`")
            scorer.with_base(bscorer)
        return scorer
    if estimator:
        return load_artifact(base / sub, expected_name=artifact, expected_major=major)[0]
    scorer, manifest = load_scorer(base / sub, expected_name=artifact, expected_major=major)
    if quotations:
        bias = (manifest.get("params") or {}).get("class_bias") or {}
        if not isinstance(bias, dict):
            raise ArtifactError(f"{base / sub / MANIFEST}: params.class_bias must be an object, got {bias!r}")
        scorer = scorer.without_class_bias(bias)
    return scorer


def load_models(options: Mapping[str, Any]) -> tuple[Any, Any]:
    """``(ranker, stance_model)`` for pipeline options (as :func:`stance.defaults.pipeline_options`
    returns them); either is None when the options turn it off. A models directory that does not
    exist raises :class:`~stance.artifacts.ArtifactError` when any model is asked for (one that
    exists but lacks an optional artifact, such as the rankers or the party filter, runs without it)."""
    models_dir = options.get("models_dir")
    if options.get("ranker") or options.get("stance_model") or options.get("party_filter"):
        path = _models_path(models_dir)
        if not path.is_dir():  # else a mistyped directory would silently drop the rankers and filter
            raise ArtifactError(f"{path}: models directory not found (pass an existing one as models_dir / --models, "
                                f"or set $STANCE_MODELS_DIR)")
    ranker = load_ranker(models_dir) if options.get("ranker") else None
    name = options.get("stance_model")
    stance_model = load_stance_model(models_dir, kind=name, quotations=True) if name else None
    return ranker, stance_model
