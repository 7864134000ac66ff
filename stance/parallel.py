"""Multi-process ``Pipeline.pipe``: each worker builds the pipeline once, batches keep their order."""

from __future__ import annotations

import multiprocessing as mp
from itertools import islice
from typing import Any, Iterable, Iterator

_WORKER: Any = None


def _init(config: dict) -> None:
    global _WORKER
    from .pipeline import Pipeline

    _WORKER = Pipeline(**config)


def _run(args: tuple[list[tuple[str | None, str]], bool]) -> list[dict]:
    batch, safe = args
    out = list(_WORKER._pipe_serial(batch, batch_size=len(batch) or 1, safe=safe))
    return [a.to_dict(include_text=False) for a in out]


def _batches(items: Iterable[tuple[str | None, str]], size: int) -> Iterator[list[tuple[str | None, str]]]:
    it = iter(items)
    while True:
        b = list(islice(it, size))
        if not b:
            return
        yield b


def pipe_parallel(pipeline: Any, items: Iterable[tuple[str | None, str]], *, batch_size: int, n_process: int, safe: bool = False) -> Iterator[Any]:
    """Yield Analyses in input order, computed by ``n_process`` worker processes."""
    from .pipeline import AnalysisError
    from .types import Analysis

    ctx = mp.get_context("spawn")
    with ctx.Pool(n_process, initializer=_init, initargs=(pipeline.config(),)) as pool:
        texts: dict[int, list[str]] = {}

        def tracked() -> Iterator[list[tuple[str | None, str]]]:
            for k, b in enumerate(_batches(items, batch_size)):
                texts[k] = [t for _, t in b]
                yield b, safe

        for k, result in enumerate(pool.imap(_run, tracked(), chunksize=1)):
            batch_texts = texts.pop(k)
            for d, text in zip(result, batch_texts):
                if "error" in d:
                    yield AnalysisError(d["id"], d["error"])
                    continue
                a = Analysis.from_dict(d)
                yield Analysis(a.id, a.quotes, text=text)
