"""Multi-process ``Pipeline.pipe``: batches keep their order; each worker holds one pipeline.

Where the platform forks (Linux), workers are forked from the calling process and inherit its
already-loaded pipeline, so no model is loaded twice and start-up costs milliseconds. Elsewhere
(or with ``start_method="spawn"``) each worker builds the pipeline once from
:meth:`Pipeline.config`."""

from __future__ import annotations

import multiprocessing as mp
import signal
from itertools import islice
from typing import Any, Iterable, Iterator

_WORKER: Any = None


def _init(config: dict | None) -> None:
    global _WORKER
    # A forked worker inherits the parent's Python signal handlers: `stance analyze` turns SIGTERM
    # into SystemExit for its own cleanup, and a worker that ran it when Pool.terminate() stops it
    # could block in its exit cleanup (e.g. on a queue lock it held), leaving the parent waiting
    # for it forever. Workers die on SIGTERM, as Pool expects.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # one process per core: a worker's BLAS (the stance network's matrix products) runs on one
    # thread, instead of every worker starting a thread per core and oversubscribing the machine
    try:
        import numpy  # noqa: F401  (loads BLAS, so that the limit below applies to it)
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    except ImportError:  # pragma: no cover - threadpoolctl comes with scikit-learn
        pass
    if config is None:  # forked: the pipeline was inherited from the parent
        return
    from stance.pipeline import Pipeline

    _WORKER = Pipeline(**config)


def default_start_method() -> str:
    """``fork`` on Linux, where it is safe and cheap; ``spawn`` elsewhere."""
    import sys

    return "fork" if sys.platform.startswith("linux") and "fork" in mp.get_all_start_methods() else "spawn"


def _run(args: tuple[list[tuple[Any, ...]], bool]) -> list[Any]:
    batch, safe = args
    out = list(_WORKER.pipe_serial(batch, batch_size=len(batch) or 1, safe=safe))
    # send results without the text (the parent has it): less to pickle
    return [a if not hasattr(a, "quotes") else type(a)(a.id, a.quotes) for a in out]


def _batches(items: Iterable[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    it = iter(items)
    while True:
        b = list(islice(it, size))
        if not b:
            return
        yield b


def pipe_parallel(
    pipeline: Any,
    items: Iterable[tuple[Any, ...]],
    *,
    batch_size: int,
    n_process: int,
    safe: bool = False,
    start_method: str | None = None,
) -> Iterator[Any]:
    """Yield Analyses in input order, computed by ``n_process`` worker processes."""
    from stance.pipeline import AnalysisError
    from stance.types import Analysis

    global _WORKER
    method = start_method or default_start_method()
    ctx = mp.get_context(method)
    if method == "fork":
        _WORKER = pipeline
        initargs: tuple[Any, ...] = (None,)
    else:
        initargs = (pipeline.config(),)
    with ctx.Pool(n_process, initializer=_init, initargs=initargs) as pool:
        texts: dict[int, list[str]] = {}

        def tracked() -> Iterator[tuple[list[tuple[Any, ...]], bool]]:
            # small chunks keep both workers busy; the stance model still batches within a chunk
            for k, b in enumerate(_batches(items, max(1, min(batch_size, 16)))):
                texts[k] = [it[1] for it in b]
                yield b, safe

        for k, result in enumerate(pool.imap(_run, tracked(), chunksize=1)):
            batch_texts = texts.pop(k)
            for a, text in zip(result, batch_texts):
                if isinstance(a, AnalysisError):
                    yield a
                    continue
                yield Analysis(a.id, a.quotes, text=text)
