"""Hugging Face ``datasets``: analyse a text column with ``Dataset.map(batched=True)``.

:func:`analyze_dataset` adds these columns (``prefix`` defaults to ``stance_``), all plain Arrow
types, so they survive ``save_to_disk`` / ``load_from_disk`` and ``to_parquet``:

* ``stance_quotes`` — the quotations as a JSON string (a list of ``Quote.to_dict()``, the
  ``quotes`` of ``Analysis.to_dict()``), or null for a failed row;
* ``stance_n_quotes`` — int32, the number of quotations (null for a failed row);
* ``stance_speakers`` — list of strings, the speakers' canonical names in order of first quotation;
* ``stance_id`` — the row's id as a string (from ``id_column``), or null;
* ``stance_error`` — null, or why the row failed (with ``errors="return"``).

:func:`analyses_from_dataset` turns those columns back into :class:`~stance.types.Analysis`
objects. ``datasets`` is imported only when these functions run.

The function given to ``Dataset.map`` is a module-level function whose keyword arguments hold the
pipeline's small *config* dict, never the pipeline itself: ``datasets`` hashes that function and
its arguments to fingerprint the result (its cache key), and pickles them to each worker with
``num_proc > 1``; hashing a loaded pipeline would be slow and unstable. Each process builds the
pipeline once from the config and caches it (:mod:`stance.integrations.cache`). The fingerprint
also includes the stance version and the sha256s of the model artifacts, so a retrained model
never reuses stale cached results.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

from stance.integrations import cache

COLUMNS = ("quotes", "n_quotes", "speakers", "id", "error")


def _features(prefix: str) -> dict[str, Any]:
    import datasets

    list_of = getattr(datasets, "List", None) or datasets.Sequence
    return {
        f"{prefix}quotes": datasets.Value("string"),
        f"{prefix}n_quotes": datasets.Value("int32"),
        f"{prefix}speakers": list_of(datasets.Value("string")),
        f"{prefix}id": datasets.Value("string"),
        f"{prefix}error": datasets.Value("string"),
    }


def _analyze_batch(
    batch: dict[str, list[Any]],
    *,
    config: dict[str, Any],
    fingerprint: str,
    text_column: str,
    id_column: str | None,
    prefix: str,
    batch_size: int,
    errors: str,
) -> dict[str, list[Any]]:
    """The ``Dataset.map`` function (module level, so it is pickled and hashed by reference)."""
    from stance.pipeline import AnalysisError

    del fingerprint  # only part of datasets' cache key
    nlp = cache.get_pipeline(config)
    texts = batch[text_column]
    ids = [None if i is None else str(i) for i in batch[id_column]] if id_column else [None] * len(texts)
    out: dict[str, list[Any]] = {f"{prefix}{c}": [] for c in COLUMNS}
    results = nlp.pipe(zip(texts, ids), as_tuples=True, batch_size=max(1, batch_size), errors=errors)
    for rid, res in zip(ids, results):
        out[f"{prefix}id"].append(rid)
        if isinstance(res, AnalysisError):
            out[f"{prefix}quotes"].append(None)
            out[f"{prefix}n_quotes"].append(None)
            out[f"{prefix}speakers"].append([])
            out[f"{prefix}error"].append(res.error)
            continue
        out[f"{prefix}quotes"].append(json.dumps([q.to_dict() for q in res.quotes], ensure_ascii=False))
        out[f"{prefix}n_quotes"].append(len(res.quotes))
        out[f"{prefix}speakers"].append(list(res.speakers))
        out[f"{prefix}error"].append(None)
    return out


def analyze_dataset(
    dataset: Any,
    pipeline: Any = None,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    batch_size: int = 64,
    num_proc: int | None = None,
    prefix: str = "stance_",
    errors: str = "raise",
    load_from_cache_file: bool | None = None,
    desc: str | None = "stance: analyzing",
) -> Any:
    """Analyse ``dataset[text_column]`` and return the dataset with the ``{prefix}*`` columns added.

    Args:
        dataset: a ``datasets.Dataset`` or ``DatasetDict`` (every split is analysed), or an
            ``IterableDataset`` (analysed lazily as it is iterated; ``num_proc`` is ignored).
        pipeline: a :class:`~stance.pipeline.Pipeline`, a config dict (keyword arguments of
            :func:`stance.load`, e.g. ``{"stance_model": False}``), or None for the defaults of
            :func:`stance.load`. A Pipeline is reused in this process (and in worker processes
            forked from it); spawned workers rebuild it from ``pipeline.config()``.
        text_column, id_column: the columns holding the article text and (optionally) its id.
        batch_size: rows per ``map`` batch; the stance model classifies a batch in one call.
        num_proc: worker processes for ``Dataset.map``; each loads the pipeline once.
        prefix: prefix of the added columns.
        errors: ``"raise"`` (a bad row, e.g. a null text, stops the run) or ``"return"`` (its
            ``{prefix}error`` says why and its quotes are null).
    """
    import datasets

    if errors not in ("raise", "return"):
        raise ValueError("errors must be 'raise' or 'return'")
    if batch_size < 1:
        raise ValueError("batch_size must be >= 1")
    if pipeline is not None and not isinstance(pipeline, dict) and hasattr(pipeline, "config"):
        config = cache.register(pipeline)
    else:
        config = cache.normalize_config(pipeline)
    if isinstance(dataset, (datasets.DatasetDict, datasets.IterableDatasetDict)):
        return type(dataset)(
            {
                split: analyze_dataset(
                    ds, config, text_column=text_column, id_column=id_column, batch_size=batch_size,
                    num_proc=num_proc, prefix=prefix, errors=errors,
                    load_from_cache_file=load_from_cache_file, desc=desc,
                )
                for split, ds in dataset.items()
            }
        )
    from stance.version import __version__

    names = dataset.column_names
    if names is not None:
        if text_column not in names:
            raise ValueError(f"dataset has no column {text_column!r} (columns: {', '.join(names)})")
        if id_column is not None and id_column not in names:
            raise ValueError(f"dataset has no column {id_column!r} (columns: {', '.join(names)})")
    fn_kwargs = {
        "config": config,
        "fingerprint": f"stance {__version__}; {cache.models_fingerprint(config)}",
        "text_column": text_column,
        "id_column": id_column,
        "prefix": prefix,
        "batch_size": batch_size,
        "errors": errors,
    }
    features = None
    if dataset.features is not None:
        features = datasets.Features({**dataset.features, **_features(prefix)})
    if isinstance(dataset, datasets.IterableDataset):
        return dataset.map(_analyze_batch, batched=True, batch_size=batch_size, fn_kwargs=fn_kwargs, features=features)
    return dataset.map(
        _analyze_batch,
        batched=True,
        batch_size=batch_size,
        fn_kwargs=fn_kwargs,
        features=features,
        num_proc=num_proc if num_proc and num_proc > 1 else None,
        load_from_cache_file=load_from_cache_file,
        desc=desc,
    )


def iter_analyses(dataset: Any, prefix: str = "stance_", *, text_column: str | None = "text", batch_size: int = 1000) -> Iterator[Any]:
    """Yield one :class:`~stance.types.Analysis` per row of an analysed dataset (an
    :class:`~stance.pipeline.AnalysisError` for a row that failed), in row order; the text is
    attached when ``text_column`` is in the dataset."""
    from stance.pipeline import AnalysisError
    from stance.types import Analysis, Quote

    names = list(dataset.column_names)
    need = [f"{prefix}quotes", f"{prefix}id", f"{prefix}error"]
    missing = [c for c in need if c not in names]
    if missing:
        raise ValueError(f"dataset has no column(s) {', '.join(missing)}: run analyze_dataset first (prefix {prefix!r}?)")
    cols = need + ([text_column] if text_column and text_column in names else [])
    for b in dataset.select_columns(cols).iter(batch_size=batch_size):
        n = len(b[need[0]])
        for k in range(n):
            rid = b[f"{prefix}id"][k]
            err = b[f"{prefix}error"][k]
            if err is not None:
                yield AnalysisError(rid, err)
                continue
            quotes = tuple(Quote.from_dict(q) for q in json.loads(b[f"{prefix}quotes"][k] or "[]"))
            text = b[text_column][k] if len(cols) > len(need) else None
            yield Analysis(rid, quotes, text=text)


def analyses_from_dataset(dataset: Any, prefix: str = "stance_", *, text_column: str | None = "text") -> list[Any]:
    """The :class:`~stance.types.Analysis` of every row of a dataset returned by
    :func:`analyze_dataset` (or reloaded with ``load_from_disk``), in row order. A row that failed
    (``errors="return"``) gives an :class:`~stance.pipeline.AnalysisError` in its place."""
    return list(iter_analyses(dataset, prefix, text_column=text_column))
