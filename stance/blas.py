"""Run numpy's BLAS on one thread for the length of a block (:func:`one_blas_thread`).

The stance network's matrix products (:mod:`stance.stance_model.target_net`) are small: a
``(3H, H)`` by ``(H, tokens)`` product per batch. OpenBLAS splits such a product over every core,
and its helper threads then spin while they wait for the next one: on two cores, measured on
PolNeAR dev (a product of 144 x 48 by 48 x 34,000), one thread takes 8 ms of CPU, two take 19 ms
and longer on the clock when the machine is busy. The multi-process pipeline already runs each
worker's BLAS on one thread (:mod:`stance.parallel`); with this the one-process pipeline computes
the same products the same way (two threads round differently in the last bits).

The limit is process-wide while a block runs (BLAS has one thread setting per library); nested
and concurrent blocks are counted, and the setting is restored when the last one leaves. Without
``threadpoolctl`` (it comes with scikit-learn) the block runs with BLAS as it is.
"""

from __future__ import annotations

from typing import Any, ContextManager

from stance.counted import CountedSwitch

_controller: Any = None  # threadpoolctl's view of the loaded BLAS libraries, made on first use


def _blas_controller() -> Any:
    """threadpoolctl's controller of the loaded libraries (``False`` without threadpoolctl)."""
    global _controller
    if _controller is None:
        try:
            import numpy  # noqa: F401  (loads BLAS, so that the controller sees it)
            from threadpoolctl import ThreadpoolController

            _controller = ThreadpoolController()
        except ImportError:  # pragma: no cover - threadpoolctl comes with scikit-learn
            _controller = False
    return _controller


def _limit() -> Any:
    controller = _blas_controller()
    return controller.limit(limits=1, user_api="blas") if controller else None


def _restore(limiter: Any) -> None:
    if limiter is not None:
        limiter.restore_original_limits()


_SWITCH = CountedSwitch(_limit, _restore)


def one_blas_thread() -> ContextManager[None]:
    """Limit numpy's BLAS to one thread inside the block (thread-safe, re-entrant)."""
    return _SWITCH.hold()
