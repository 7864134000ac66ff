"""A process-wide setting held while any of several nested or concurrent blocks runs
(:class:`CountedSwitch`): the first block to enter switches it, the last to leave switches it back.

Used by :mod:`stance.gcpause` (the cyclic garbage collector off) and :mod:`stance.blas` (numpy's
BLAS on one thread): both settings belong to the whole process, so a block cannot simply restore
what it found when another block, in the same or another thread, still needs them.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator


class CountedSwitch:
    """Thread-safe, re-entrant switch of one process-wide setting.

    Args:
        enter: called when the first block enters; switches the setting and returns what
            ``leave`` needs to switch it back.
        leave: called with ``enter``'s result when the last block leaves.
    """

    def __init__(self, enter: Callable[[], Any], leave: Callable[[Any], None]) -> None:
        self._enter, self._leave = enter, leave
        self._lock = threading.Lock()
        self._depth = 0
        self._state: Any = None

    @property
    def depth(self) -> int:
        """How many blocks are inside now."""
        return self._depth

    @contextmanager
    def hold(self) -> Iterator[None]:
        """The setting switched for the length of the block."""
        with self._lock:
            if self._depth == 0:
                self._state = self._enter()
            self._depth += 1
        try:
            yield
        finally:
            with self._lock:
                self._depth -= 1
                if self._depth == 0:
                    state, self._state = self._state, None
                    self._leave(state)
