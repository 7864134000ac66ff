"""numpy's BLAS on one thread for a block (:mod:`stance.blas`), and the stance network's forward
pass under it."""

from __future__ import annotations

import threading

import numpy as np
import pytest

threadpoolctl = pytest.importorskip("threadpoolctl")

from stance.blas import one_blas_thread  # noqa: E402


def blas_threads() -> list[int]:
    return [d["num_threads"] for d in threadpoolctl.threadpool_info() if d["user_api"] == "blas"]


@pytest.fixture()
def two_threads():
    """BLAS set to two threads for the test (the machine may have one core), restored after."""
    with threadpoolctl.threadpool_limits(2, user_api="blas"):
        if not blas_threads() or max(blas_threads()) < 2:
            pytest.skip("this BLAS does not take two threads")
        yield


def test_one_thread_inside_restored_after(two_threads):
    with one_blas_thread():
        assert set(blas_threads()) == {1}
        with one_blas_thread():  # nested: still one, and the outer block's limit holds after
            assert set(blas_threads()) == {1}
        assert set(blas_threads()) == {1}
    assert max(blas_threads()) == 2


def test_concurrent_blocks_restore_once_the_last_leaves(two_threads):
    """A block that ends while another thread's runs leaves the setting to that one, which restores it."""
    inside, leave = threading.Event(), threading.Event()

    def other() -> None:
        with one_blas_thread():
            inside.set()
            leave.wait(10)

    t = threading.Thread(target=other)
    t.start()
    inside.wait(10)
    with one_blas_thread():
        pass
    leave.set()
    t.join(10)
    assert max(blas_threads()) == 2


def test_network_runs_on_one_blas_thread(two_threads, monkeypatch):
    import stance
    from stance.stance_model.features import StanceExample
    from stance.stance_model.target_net import TargetNet

    net = stance.load().annotator.stance_model.base.net
    seen = []
    forward = TargetNet._logits

    def spy(self, X, tokens):
        seen.append(blas_threads())
        return forward(self, X, tokens)

    monkeypatch.setattr(TargetNet, "_logits", spy)
    X = [StanceExample("Kim said the talks with Japan failed.", 28, 33, 0, 3)]
    out = net.logits(X)
    assert set(seen[0]) == {1} and max(blas_threads()) == 2
    with threadpoolctl.threadpool_limits(1, user_api="blas"):
        assert np.array_equal(out, forward(net, X, None))
