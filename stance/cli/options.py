"""Shared argument types of the ``stance`` commands."""

import argparse
import math


def finite_float(text: str) -> float:
    """An argparse ``type``: a finite number ("nan" and "inf" are refused)."""
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(v):
        raise argparse.ArgumentTypeError(f"must be a finite number, got {text!r}")
    return v


#: Names ``--model`` / ``--stance-model`` accept (``linear``: the older name of ``blended``).
STANCE_MODEL_CHOICES = ("quote", "blended", "contextual", "linear")
#: The help of every ``--model`` / ``--stance-model`` option.
STANCE_MODEL_HELP = ("blended: the shipped linear model blended with the target-aware network (default; \"linear\" is its older name); "
                     "quote: trained on the article-level corpus and stacked on blended (opt-in; sentence-corpus examples keep "
                     "blended's probabilities); contextual: the fine-tuned transformer (needs the [contextual] extra)")
#: The default stance model's name (:data:`stance.defaults.DEFAULT_STANCE_MODEL`).
DEFAULT_STANCE_MODEL = "blended"


def canonical_stance_model(text: str) -> str:
    """An argparse ``type``: a stance model's name, an older name mapped to the current one."""
    from stance.defaults import stance_model_name

    try:
        return stance_model_name(text) or text
    except ValueError:
        return text  # argparse's choices check reports it
