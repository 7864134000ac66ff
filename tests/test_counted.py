"""stance.counted.CountedSwitch and the two settings it holds: the garbage collector
(stance.gcpause) and numpy's BLAS threads (stance.blas, also tests/test_blas.py)."""

from __future__ import annotations

import gc
import threading

from stance.counted import CountedSwitch
from stance.gcpause import gc_paused


def _recording_switch() -> tuple[CountedSwitch, list[str]]:
    log: list[str] = []

    def enter() -> str:
        log.append("enter")
        return "state"

    def leave(state: str) -> None:
        log.append(f"leave {state}")

    return CountedSwitch(enter, leave), log


def test_nested_blocks_switch_once_and_back_after_the_last() -> None:
    sw, log = _recording_switch()
    with sw.hold():
        with sw.hold():
            assert sw.depth == 2
        assert log == ["enter"]
    assert log == ["enter", "leave state"] and sw.depth == 0
    with sw.hold():
        pass
    assert log == ["enter", "leave state", "enter", "leave state"]


def test_the_setting_is_restored_when_the_block_raises() -> None:
    sw, log = _recording_switch()
    try:
        with sw.hold():
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert log == ["enter", "leave state"] and sw.depth == 0


def test_concurrent_blocks_keep_the_setting_until_the_last_leaves() -> None:
    sw, log = _recording_switch()
    inside, release = threading.Barrier(3), threading.Event()

    def worker() -> None:
        with sw.hold():
            inside.wait()
            release.wait()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    with sw.hold():
        inside.wait()
        assert sw.depth == 3
        release.set()
        for t in threads:
            t.join()
        assert log == ["enter"]
    assert log == ["enter", "leave state"]


def test_gc_paused_disables_the_collector_and_restores_it() -> None:
    assert gc.isenabled()
    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_gc_paused_leaves_a_collector_disabled_before_it_disabled() -> None:
    gc.disable()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
