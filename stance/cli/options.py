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
