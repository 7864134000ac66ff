"""One Pipeline shared by threads, and multi-process ``pipe``, give the sequential results."""

from __future__ import annotations

import random
import threading
from concurrent.futures import ThreadPoolExecutor


from stance.pipeline import AnalysisError




SENTENCES = [
    "“We will not accept any threat to our sovereignty,” Foreign Minister Anna Kovacs said on Tuesday.",
    "The ministry said in a statement that talks with Norland would resume next month.",
    "According to officials in Brightwater, the agreement was signed late on Monday.",
    '"This is a dangerous provocation," said Peter Lindqvist, a spokesman for the Defence Ministry.',
    "President Maria Santos told reporters that her government was ready to negotiate with Eastland.",
    "Santos added, “Nobody wants another war with Norland, but we will defend ourselves.”",
    "“They keep moving the goalposts,” he said. “It is impossible to trust Kovacs.”",
    "The opposition leader, Tomas Berg, accused the government of “reckless diplomacy.”",
    "Prime Minister David Okafor warned that sanctions against Eastland would follow.",
    "She described the proposal from Washington as “a step in the right direction.”",
]


def _texts(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        paras = [" ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 6))]
        out.append("\n\n".join(paras))
    return out


def test_threads_share_one_pipeline(nlp):
    texts = _texts(40, seed=1)
    sequential = [nlp(t, id=str(i)).to_dict() for i, t in enumerate(texts)]
    start = threading.Barrier(4)

    def work(k: int) -> list[tuple[int, dict]]:
        start.wait()  # all four threads run the pipeline at the same time
        order = list(range(len(texts)))
        random.Random(k).shuffle(order)
        return [(i, nlp(texts[i], id=str(i)).to_dict()) for i in order]

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(work, range(4)))
    for per_thread in results:
        assert len(per_thread) == len(texts)
        for i, d in per_thread:
            assert d == sequential[i], f"document {i} differs when run from threads"


def test_threads_using_pipe(nlp):
    texts = _texts(24, seed=2)
    sequential = [a.to_dict() for a in nlp.pipe(texts, batch_size=5)]

    def work(k: int) -> list[dict]:
        return [a.to_dict() for a in nlp.pipe(texts, batch_size=3 + k)]

    with ThreadPoolExecutor(4) as pool:
        for got in pool.map(work, range(4)):
            assert got == sequential


def test_two_processes_match_one(nlp):
    texts = _texts(6, seed=3)
    items = [(t, f"d{i}") for i, t in enumerate(texts)] + [(12345, "bad")]  # type: ignore[list-item]
    one = list(nlp.pipe(items, as_tuples=True, batch_size=2, n_process=1, errors="return"))
    two = list(nlp.pipe(items, as_tuples=True, batch_size=2, n_process=2, errors="return"))
    assert len(one) == len(two) == len(items)
    assert isinstance(one[-1], AnalysisError) and isinstance(two[-1], AnalysisError)
    assert one[-1].id == two[-1].id == "bad" and one[-1].error == two[-1].error
    assert [a.to_dict() for a in one[:-1]] == [a.to_dict() for a in two[:-1]]
    assert [a.text for a in two[:-1]] == texts


def test_pool_workers_die_on_sigterm_whatever_the_parent_installed():
    """A forked worker must not inherit a parent's SIGTERM handler (``stance analyze`` installs one
    that raises SystemExit): Pool.terminate() stops workers with SIGTERM, and a worker that ran the
    handler could block in its exit cleanup while the parent waits for it (a hang seen in CI)."""
    import signal

    from stance import parallel

    def handler(signum, frame):  # pragma: no cover - never called
        raise SystemExit(1)

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        parallel._init(None)  # what each forked worker runs first
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
    finally:
        signal.signal(signal.SIGTERM, previous)
    from multiprocessing import get_context

    signal.signal(signal.SIGTERM, handler)
    try:
        with get_context("fork").Pool(1, initializer=parallel._init, initargs=(None,)) as pool:
            assert pool.apply(signal.getsignal, (signal.SIGTERM,)) == signal.SIG_DFL
    finally:
        signal.signal(signal.SIGTERM, previous)


def _blas_threads() -> list[int]:
    import numpy  # noqa: F401
    from threadpoolctl import threadpool_info

    return [p["num_threads"] for p in threadpool_info() if p.get("user_api") == "blas"]


def test_pool_workers_use_one_blas_thread():
    """Each worker is one process per core: its BLAS must not start a thread per core too (with two
    workers on two cores, that oversubscription cost the n_process=2 run about a fifth)."""
    from multiprocessing import get_context

    from stance import parallel

    for method, initargs in (("fork", None), ("spawn", {"stance_model": False, "ranker": False})):
        with get_context(method).Pool(1, initializer=parallel._init, initargs=(initargs,)) as pool:
            threads = pool.apply(_blas_threads)
        assert threads and all(t == 1 for t in threads), (method, threads)
