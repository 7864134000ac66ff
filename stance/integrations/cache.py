"""One pipeline per process and config: what workers use instead of pickling a Pipeline.

A config is the dict of keyword arguments :class:`stance.pipeline.Pipeline` accepts, as returned
by ``Pipeline.config()``. :func:`get_pipeline` builds the pipeline the first time a process asks
for a config and returns the same object afterwards (thread-safe: concurrent first calls build it
once). :func:`register` puts an already-built pipeline in the cache of the current process, so
that serial runs (and worker processes forked afterwards) reuse it instead of loading it again.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any, Mapping

from stance.defaults import pipeline_options

_LOCK = threading.Lock()
_PIPELINES: dict[str, Any] = {}

#: Pipelines built by this process (not registered ones), per config key: for tests and diagnostics.
_BUILDS: dict[str, int] = {}


def normalize_config(config: Any = None) -> dict[str, Any]:
    """A plain, JSON-able config dict from ``None`` (the defaults of :func:`stance.load`), a
    :class:`~stance.pipeline.Pipeline` (its ``config()``) or a mapping of ``Pipeline`` kwargs."""
    if config is None:
        cfg: dict[str, Any] = {}
    elif hasattr(config, "config") and callable(config.config):
        cfg = dict(config.config())
    elif isinstance(config, Mapping):
        cfg = dict(config)
    else:
        raise TypeError(f"expected a Pipeline, a config mapping or None, got {type(config).__name__}")
    timings = cfg.pop("timings", None)
    out = pipeline_options(cfg)  # the defaults and checks of stance.load (stance.defaults)
    if timings is not None:
        out["timings"] = timings
    return out


def config_key(config: Mapping[str, Any]) -> str:
    """A stable string key for a normalized config."""
    return json.dumps(dict(config), sort_keys=True, default=str)


def register(pipeline: Any) -> dict[str, Any]:
    """Cache ``pipeline`` in this process under its config; returns the normalized config."""
    cfg = normalize_config(pipeline)
    with _LOCK:
        _PIPELINES[config_key(cfg)] = pipeline
    return cfg


def get_pipeline(config: Mapping[str, Any]) -> Any:
    """The cached pipeline for ``config``, built on first use in this process."""
    key = config_key(config)
    pipe = _PIPELINES.get(key)
    if pipe is not None:
        return pipe
    with _LOCK:
        pipe = _PIPELINES.get(key)
        if pipe is None:
            pipe = _build(dict(config))
            _PIPELINES[key] = pipe
            _BUILDS[key] = _BUILDS.get(key, 0) + 1
    return pipe


def _build(config: dict[str, Any]) -> Any:
    from stance.pipeline import Pipeline

    return Pipeline(**config)


def cache_info() -> dict[str, Any]:
    """This process's id, the configs it holds and how many pipelines it built for each."""
    return {"pid": os.getpid(), "configs": sorted(_PIPELINES), "builds": dict(_BUILDS)}


def clear() -> None:
    """Forget every cached pipeline of this process."""
    with _LOCK:
        _PIPELINES.clear()
        _BUILDS.clear()


def models_fingerprint(config: Mapping[str, Any]) -> str:
    """The sha256s of the model artifacts a config would load (from their manifests, cheap), so
    that a cache keyed on it changes when a model is retrained in place."""
    from stance.artifacts import default_models_dir
    from stance.artifacts.store import content_hashes
    from stance.defaults import stance_model_name
    from stance.loader import CALIBRATION_ARTIFACT, PARTY_FILTER_ARTIFACT, PRONOUN_RANKER_ARTIFACT, RANKER_ARTIFACT, stance_artifact_dirs

    base = Path(config["models_dir"]) if config.get("models_dir") else default_models_dir()
    parts = []
    stance_model = stance_model_name(config.get("stance_model", True))
    used_dirs = [(RANKER_ARTIFACT[0], config.get("ranker", True)), (PRONOUN_RANKER_ARTIFACT[0], config.get("ranker", True))]
    used_dirs += [(d, True) for d in (stance_artifact_dirs(stance_model) if stance_model else [])]
    used_dirs += [(PARTY_FILTER_ARTIFACT[0], config.get("party_filter", True)),
                  (CALIBRATION_ARTIFACT[0], config.get("calibration", True) and stance_model == "blended")]
    for name, used in used_dirs:
        if not used:
            continue
        try:
            with open(base / name / "manifest.json", encoding="utf-8") as f:
                hashes = content_hashes(json.load(f))
            parts.append(f"{name}:" + ",".join(f"{k}={v}" for k, v in hashes.items()))
        except (OSError, ValueError):
            parts.append(f"{name}:-")
    return ";".join(parts)
