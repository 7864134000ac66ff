"""Shared argument types and the progress line of the ``stance`` commands."""

import argparse
import math
import sys
import time
from typing import Any, Callable

from stance.defaults import DEFAULT_STANCE_MODEL  # noqa: F401  (the --model / --stance-model default)


def int_at_least(minimum: int) -> Callable[[str], int]:
    """An argparse ``type``: an integer of at least ``minimum``."""

    def parse(text: str) -> int:
        try:
            v = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
        if v < minimum:
            raise argparse.ArgumentTypeError(f"must be >= {minimum}, got {v}")
        return v

    return parse


def progress_line(enabled: bool, template: str) -> Any:
    """A progress callback for stderr: ``tick()`` counts one item, ``tick(n)`` sets the count,
    ``tick(final=True)`` ends the line; at most five updates a second. ``template`` is formatted
    with ``n`` and ``rate`` (items per second), e.g. ``"read {n} analyses ({rate:.0f}/s)"``."""
    state = {"n": 0, "t0": time.perf_counter(), "last": 0.0}

    def tick(n: int | None = None, final: bool = False) -> None:
        if not enabled:
            return
        if n is not None:
            state["n"] = n
        elif not final:
            state["n"] += 1
        now = time.perf_counter()
        if final or now - state["last"] > 0.2:
            state["last"] = now
            rate = state["n"] / max(now - state["t0"], 1e-9)
            sys.stderr.write("\r" + template.format(n=state["n"], rate=rate))
            if final:
                sys.stderr.write("\n")
            sys.stderr.flush()

    return tick


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
STANCE_MODEL_CHOICES = ("quote", "blended", "contextual", "contextual-quote", "linear")
#: The help of every ``--model`` / ``--stance-model`` option.
STANCE_MODEL_HELP = ("quote: trained on the article-level corpus and "
                     "stacked on blended (default); blended: the proxy-trained linear model blended with the target-aware "
                     "network (\"linear\" is its older name); contextual: the fine-tuned transformer (needs the [contextual] extra); "
                     "contextual-quote: that transformer fine-tuned further on the article corpus (needs the [contextual] extra)")


def canonical_stance_model(text: str) -> str:
    """An argparse ``type``: a stance model's name, an older name mapped to the current one."""
    from stance.defaults import stance_model_name

    try:
        return stance_model_name(text) or text
    except ValueError:
        return text  # argparse's choices check reports it
