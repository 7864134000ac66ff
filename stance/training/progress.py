"""Progress lines of the training commands on stderr: ``[label] message``, or with the seconds
since the start ``[label   12.3s] message`` (:class:`Progress`)."""

from __future__ import annotations

import sys
import time


def log(label: str, enabled: bool, msg: str) -> None:
    """Print ``[label] msg`` on stderr when ``enabled`` (an untimed progress line); modules bind
    their label with ``functools.partial(log, "train x")``."""
    if enabled:
        print(f"[{label}] {msg}", file=sys.stderr, flush=True)


class Progress:
    """A timed progress printer: ``say(msg)`` prints ``[label   t.ts] msg`` on stderr when enabled,
    ``t`` the seconds since it was made (``t0``)."""

    def __init__(self, enabled: bool, label: str = "train stance") -> None:
        self.enabled = enabled
        self.label = label
        self.t0 = time.perf_counter()

    def __call__(self, msg: str) -> None:
        if self.enabled:
            print(f"[{self.label} {time.perf_counter() - self.t0:7.1f}s] {msg}", file=sys.stderr, flush=True)
