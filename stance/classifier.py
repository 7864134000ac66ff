"""Target-dependent stance classification: hostile / neutral / conciliatory toward a marked party.

An input is a :class:`StanceExample`: a sentence (or a quotation with its reporting frame), the
character span of the *target* party in it and, optionally, the span of the *source* (the speaker
or acting party). :class:`TargetStanceClassifier` is a scikit-learn estimator that turns each
example into sparse, target-local features and scores them with two linear (logistic-regression)
heads.

The features are computed with plain Python and regular expressions (no parser), tokenising each
example once, so classifying is fast (several thousand targets a second on one core):

* the sentence's word uni- and bigrams with the target replaced by ``<t>`` and the source by ``<s>``;
* the words left and right of the target, by position (1, 2) and distance bucket (3-5, 6-10);
* the words of the target's clause (split at punctuation, quote marks and contrastive conjunctions);
* cue words from a small hand-written lexicon (``stance/data/stance_lexicon.tsv``): hostile and
  conciliatory cues in the clause, on which side of the target, how far, and whether negated;
* whether the target sits inside a quotation, follows ``by`` (passive agent), opens its clause;
* with a source: which side of the target it is, the distance, and the words and cues between
  them, crossed with the direction (``<s> ... <t>`` versus ``<t> ... <s>``);
* optionally (the shipped model has it) a dense block: static word-piece vectors distilled from
  MiniLM, pooled relative to the target (sentence, left and right windows, clause, target words,
  source-to-target span; :mod:`stance.static_vectors`). It lets the model generalise to evaluative
  words it never saw in training. After fitting, its weights are folded into a per-piece table,
  so prediction costs a few look-ups per word and the vectors are not shipped.

Feature strings are mapped to columns through a vocabulary fixed at fit time (features seen at
least ``min_count`` times); a batch is vectorised with one dict look-up per feature and one CSR
construction. Two heads share the vocabulary:

* ``nosrc`` scores examples without a source span; by default it is fitted on NewsMTSC
  (reader-perceived sentiment toward a target), which wants moderate regularisation;
* ``src`` scores examples with a source span; by default it is fitted on directed_sentiment
  (a source actor's stance toward a target) plus down-weighted NewsMTSC, with weak regularisation
  and a class-prior offset (``class_bias``) chosen on the dev split.

``src_blend`` mixes the two heads' probabilities for examples with a source (1.0 = ``src`` only).

Modules: the examples and features live in :mod:`stance.stance_features` (pure Python + numpy),
the scikit-learn estimator in :mod:`stance.stance_estimator`, and the runtime scorer that needs
neither scikit-learn nor scipy in :mod:`stance.inference`. This module re-exports the public
names; importing it does not import scikit-learn: ``TargetStanceClassifier`` is resolved on first
access (so ``from stance.classifier import StanceExample`` stays light, and pickles that name
``stance.classifier.TargetStanceClassifier`` still load).

:func:`load_stance_model` returns the light :class:`~stance.inference.LinearStanceScorer` (same
``predict_proba``/``predict``/``classes_``) read from the artifact's ``inference.npz``;
``estimator=True`` unpickles the scikit-learn estimator from ``model.joblib`` instead.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .stance_features import (  # noqa: F401  (re-exported)
    _DEFAULT_HEAD_CORPORA,
    HEADS,
    LABELS,
    StanceExample,
    _bucket,
    _domain,
    _tokenize_marked,
    extract_features,
    read_lexicon,
)

#: Name and major version of the artifact this module reads.
ARTIFACT_NAME = "stance-classifier"
ARTIFACT_MAJOR = 4

_ESTIMATOR_NAMES = ("TargetStanceClassifier", "_progress_printer", "_diag")


def __getattr__(name: str) -> Any:
    # the estimator (and scikit-learn with it) is imported only when asked for
    if name in _ESTIMATOR_NAMES:
        from . import stance_estimator

        return getattr(stance_estimator, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: The stance models :func:`load_stance_model` knows: ``kind -> (artifact directory, name, major)``.
STANCE_MODELS = {
    "linear": ("stance", ARTIFACT_NAME, ARTIFACT_MAJOR),
    "contextual": ("contextual", "stance-contextual", 1),
}


def load_stance_model(
    models_dir: str | os.PathLike[str] | None = None, *, estimator: bool = False, kind: str = "linear"
) -> Any:
    """Load a stance classifier artifact (checked, not cached).

    ``kind="linear"`` (the default) reads ``<models_dir>/stance/``; ``kind="contextual"`` reads the
    optional fine-tuned transformer from ``<models_dir>/contextual/`` (needs the ``[contextual]``
    extra; see :mod:`stance.contextual`), checking also that the installed base-encoder package is
    the version the artifact was trained on.

    By default the light :class:`stance.inference.LinearStanceScorer` (numpy only, read from the
    artifact's ``inference.npz``); an artifact without an inference file falls back to the
    estimator. ``estimator=True`` returns the scikit-learn :class:`TargetStanceClassifier`
    unpickled from ``model.joblib``. Either way the manifest, versions and every file's sha256
    are checked first; a mismatch raises :class:`stance.artifacts.ArtifactError`.
    """
    from .artifacts import ArtifactError, default_models_dir, load_artifact, load_scorer

    if kind not in STANCE_MODELS:
        raise ValueError(f"unknown stance model {kind!r}; choose one of {sorted(STANCE_MODELS)}")
    base = Path(models_dir) if models_dir is not None else default_models_dir()
    if kind == "contextual":
        from .contextual import base_package_version

        sub, name, major = STANCE_MODELS[kind]
        installed = base_package_version()  # a clear ImportError when the extra is missing
        model, manifest = load_artifact(base / sub, expected_name=name, expected_major=major)
        want = str(manifest.get("base_model", {}).get("version"))
        if want != installed:
            raise ArtifactError(
                f"{base / sub / 'manifest.json'}: trained on {manifest['base_model']['package']} {want}, "
                f"but {installed} is installed; install that version or retrain with `stance train contextual`"
            )
        return model
    if estimator:
        model, _manifest = load_artifact(base / "stance", expected_name=ARTIFACT_NAME, expected_major=ARTIFACT_MAJOR)
        return model
    model, _manifest = load_scorer(base / "stance", expected_name=ARTIFACT_NAME, expected_major=ARTIFACT_MAJOR)
    return model
