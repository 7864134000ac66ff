"""The trained speaker ranker: a scikit-learn model that scores speaker candidates.

Each candidate of a cue is a dict of features (:func:`stance.speakers.candidate_features`); the
ranker gives the probability that it is the cue's speaker, and the pipeline takes the best-scoring
candidate per cue. It is a plain scikit-learn ``Pipeline`` (``DictVectorizer`` then
``LogisticRegression``), saved as the versioned artifact ``models/attribution``; the pipeline
scores with its numpy export (:class:`stance.inference.LinearRanker`, ``inference.npz``), which
gives the same probabilities without importing scikit-learn.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

ARTIFACT_NAME = "speaker-ranker"
ARTIFACT_MAJOR = 1


def make_ranker(C: float = 1.0, random_state: int = 0) -> Any:
    """An untrained ranker: ``DictVectorizer`` + ``LogisticRegression``."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(
        DictVectorizer(sparse=True),
        LogisticRegression(C=C, max_iter=2000, class_weight="balanced", random_state=random_state),
    )


def load_ranker(models_dir: str | os.PathLike[str] | None = None, *, estimator: bool = False) -> Any | None:
    """The shipped ranker at ``<models_dir>/attribution``, or None when no ranker is shipped there.

    By default the light :class:`stance.inference.LinearRanker` (numpy only, read from the
    artifact's ``inference.npz``; an artifact without one falls back to the estimator);
    ``estimator=True`` unpickles the scikit-learn pipeline from ``model.joblib``. A ranker that is
    present but corrupt or built for other versions raises :class:`stance.artifacts.ArtifactError`."""
    from .artifacts import default_models_dir, load_artifact, load_scorer

    d = Path(models_dir) if models_dir is not None else default_models_dir()
    path = d / "attribution"
    if not path.exists():
        return None
    if estimator:
        model, _ = load_artifact(path, expected_name=ARTIFACT_NAME, expected_major=ARTIFACT_MAJOR)
    else:
        model, _ = load_scorer(path, expected_name=ARTIFACT_NAME, expected_major=ARTIFACT_MAJOR)
    return model
