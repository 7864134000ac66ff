"""The one place for the pipeline's options and their defaults.

:func:`stance.load`, :class:`stance.pipeline.Pipeline`, the ``stance`` spaCy component and the
Dask / Hugging Face integrations all take the options named here, with these defaults, checked by
:func:`pipeline_options`.
"""

from __future__ import annotations

import math
import os
from typing import Any, Mapping

from stance.stance_model.speaker_prior import ANALYTIC_NEUTRAL_OFFSET

#: The default stance model: ``"quote"`` (``models/quote_stance``), trained on the article-level
#: corpus's train split and stacked on the proxy-trained ``"blended"`` model's linear heads. Its
#: version is in its manifest; its figures in data/STANCE_DATA_CARD.md and the README.
DEFAULT_STANCE_MODEL = "quote"
#: Stance models by name (``True`` means the default; ``False`` or ``None``: no stance model):
#: ``"quote"``, the quote-trained model; ``"blended"``, the proxy-trained sparse linear model
#: blended with the target-aware network (the quote model's base); ``"contextual"``, optional;
#: ``"contextual-quote"``, optional, the contextual model fine-tuned further on the article corpus.
STANCE_MODEL_NAMES = ("quote", "blended", "contextual", "contextual-quote")
#: The stance models that are fine-tuned transformers (the ``[contextual]`` extra, one process).
CONTEXTUAL_STANCE_MODELS = ("contextual", "contextual-quote")
#: Older names still accepted: ``"linear"`` was the default model's name before it was called
#: by what it is (it blends a network into the linear heads).
STANCE_MODEL_ALIASES = {"linear": "blended"}

#: ``{option: default}`` of :func:`stance.load` (besides ``timings``, which is not part of a
#: pipeline's identity).
DEFAULTS: dict[str, Any] = {
    "spacy_model": None,
    "models_dir": None,
    "ranker": True,
    "stance_model": DEFAULT_STANCE_MODEL,
    "analytic_offset": ANALYTIC_NEUTRAL_OFFSET,
    # the trained party filter over proposed targets (models/party_filter; stance.parties.filter)
    "party_filter": True,
    "actor_lookup": True,
    # temperature calibration of the "blended" model's quotation stances (models/stance_calibration; stance.stance_model.calibration; the "quote" model has its own temperature)
    "calibration": True,
}


def stance_model_name(value: Any) -> str | None:
    """The stance model an option value names: ``True`` -> the default, ``False``/``None`` -> None,
    a name (or an accepted older name) -> that name; anything else raises ``ValueError``."""
    if value is True:
        return DEFAULT_STANCE_MODEL
    if value is False or value is None:
        return None
    if isinstance(value, str):
        name = STANCE_MODEL_ALIASES.get(value, value)
        if name in STANCE_MODEL_NAMES:
            return name
    raise ValueError(f"unknown stance model {value!r}; choose one of {', '.join(STANCE_MODEL_NAMES)}, True or False")


def pipeline_options(options: Mapping[str, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
    """Every option with its default filled in, normalised (paths as ``str``, the stance model as its
    name) and checked: unknown options raise ``TypeError``, bad values ``ValueError``."""
    given = {**dict(options or {}), **kwargs}
    unknown = set(given) - set(DEFAULTS)
    if unknown:
        raise TypeError(f"unknown pipeline option(s): {', '.join(sorted(unknown))}")
    out = {**DEFAULTS, **given}
    for k in ("spacy_model", "models_dir"):
        if isinstance(out[k], os.PathLike):
            out[k] = os.fspath(out[k])
    out["ranker"] = bool(out["ranker"])
    out["party_filter"] = bool(out["party_filter"])
    out["actor_lookup"] = bool(out["actor_lookup"])
    out["calibration"] = bool(out["calibration"])
    out["stance_model"] = stance_model_name(out["stance_model"])
    try:
        offset = float(out["analytic_offset"])
    except (TypeError, ValueError):
        raise ValueError(f"analytic_offset must be a finite number, got {out['analytic_offset']!r}") from None
    if not math.isfinite(offset):
        raise ValueError(f"analytic_offset must be a finite number, got {out['analytic_offset']!r}")
    out["analytic_offset"] = offset
    return out
