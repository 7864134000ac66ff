"""Pause Python's cyclic garbage collector while one document, or one batch of them, is analysed.

Analysing a document allocates many small, acyclic objects (token lists, mentions, candidates),
which reference counting frees. The cyclic collector would still traverse all of them on every
generation-2 pass, a cost that grows with the square of a document's size (measured: 2.2–2.6 s
of 13 s on a 5 MB article, 0.04–0.12 s on a 0.5 MB one). Pausing it for the duration of a
document keeps the work linear; ``Pipeline.pipe`` pauses it for a whole batch (tokenizing, rules
and stance model), so that the collector does not traverse the batch's documents between them.
Nested and concurrent use from several threads is counted: the collector is re-enabled only when
the last user leaves, and only if it was enabled before.
"""

from __future__ import annotations

import gc
from typing import ContextManager

from stance.counted import CountedSwitch


def _disable() -> bool:
    was_enabled = gc.isenabled()
    gc.disable()
    return was_enabled


def _restore(was_enabled: bool) -> None:
    if was_enabled:
        gc.enable()


_SWITCH = CountedSwitch(_disable, _restore)


def gc_paused() -> ContextManager[None]:
    """Disable the cyclic garbage collector inside the block (thread-safe, re-entrant)."""
    return _SWITCH.hold()
