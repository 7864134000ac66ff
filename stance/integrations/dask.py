"""Dask: analyse a bag of articles or a text column of a dask DataFrame, partition by partition.

Each task receives the pipeline's small *config* dict (``Pipeline.config()`` or keyword arguments
of :func:`stance.load`), never the pipeline: the worker process builds the pipeline the first time
it sees a config and keeps it (:mod:`stance.integrations.cache`), so a worker loads the models
once however many partitions it runs. The same code runs on a local scheduler, a
``LocalCluster`` or a multi-machine ``distributed`` cluster; every worker needs ``stance``
installed and the models (``models_dir`` in the config: None means each worker's own default).

Dask is optional (``pip install 'stance[dask]'``) and imported only when these functions run.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from stance.integrations import cache

_NEW_COLUMNS = ("quotes", "n_quotes", "speakers", "error")


def _config(config: Any) -> dict[str, Any]:
    if config is not None and not isinstance(config, dict) and hasattr(config, "config"):
        return cache.register(config)  # a Pipeline: reused by the local (threaded) scheduler
    return cache.normalize_config(config)


def _items(records: Iterable[Any], text_key: str | None, id_key: str | None, as_tuples: bool) -> list[tuple[Any, Any]]:
    items = []
    for r in records:
        if as_tuples:
            text, rid = r
        elif isinstance(r, dict):
            text = r.get(text_key or "text")
            rid = r.get(id_key) if id_key else None
        else:
            text, rid = r, None
        items.append((text, None if rid is None else str(rid) if not isinstance(rid, str) else rid))
    return items


def _bag_partition(records: Iterable[Any], config: dict[str, Any], text_key: str | None, id_key: str | None,
                   as_tuples: bool, batch_size: int, errors: str, as_dicts: bool) -> list[Any]:
    nlp = cache.get_pipeline(config)
    items = _items(records, text_key, id_key, as_tuples)
    out = list(nlp.pipe(items, as_tuples=True, batch_size=batch_size, errors=errors))
    if as_dicts:
        return [a.to_dict() for a in out]
    return out


def analyze_bag(
    bag: Any,
    config: Any = None,
    *,
    text_key: str | None = None,
    id_key: str | None = None,
    as_tuples: bool = False,
    batch_size: int = 64,
    errors: str = "raise",
    as_dicts: bool = False,
) -> Any:
    """A ``dask.bag.Bag`` of :class:`~stance.types.Analysis` (one per element, in order).

    Elements are article strings; ``(text, id)`` pairs with ``as_tuples=True``; or dicts, whose
    ``text_key`` (default ``"text"``) holds the text and ``id_key`` the id. ``config`` is a
    Pipeline, a dict of :func:`stance.load` keyword arguments, or None for its defaults.
    ``errors="return"`` puts an :class:`~stance.pipeline.AnalysisError` in place of a failed
    article; ``as_dicts=True`` gives ``Analysis.to_dict()`` dicts (ready for ``to_textfiles``
    after ``map(json.dumps)``) instead of objects.
    """
    if errors not in ("raise", "return"):
        raise ValueError("errors must be 'raise' or 'return'")
    if text_key is not None and as_tuples:
        raise ValueError("give text_key (dict elements) or as_tuples (pairs), not both")
    cfg = _config(config)
    return bag.map_partitions(_bag_partition, cfg, text_key, id_key, as_tuples, max(1, batch_size), errors, as_dicts)


def _df_partition(df: Any, config: dict[str, Any], text_column: str, id_column: str | None, prefix: str,
                  batch_size: int, errors: str) -> Any:
    import pandas as pd

    from stance.pipeline import AnalysisError

    out = df.copy()
    n = len(df)
    cols: dict[str, list[Any]] = {c: [] for c in _NEW_COLUMNS}
    if n:
        nlp = cache.get_pipeline(config)
        texts = [t if isinstance(t, str) else None if _isna(t) else t for t in df[text_column].tolist()]
        ids = [None if _isna(i) else str(i) for i in df[id_column].tolist()] if id_column else [None] * n
        for res in nlp.pipe(zip(texts, ids), as_tuples=True, batch_size=batch_size, errors=errors):
            if isinstance(res, AnalysisError):
                cols["quotes"].append(None)
                cols["n_quotes"].append(pd.NA)
                cols["speakers"].append("[]")
                cols["error"].append(res.error)
            else:
                cols["quotes"].append(json.dumps([q.to_dict() for q in res.quotes], ensure_ascii=False))
                cols["n_quotes"].append(len(res.quotes))
                cols["speakers"].append(json.dumps(list(res.speakers), ensure_ascii=False))
                cols["error"].append(None)
    out[f"{prefix}quotes"] = pd.Series(cols["quotes"], index=df.index, dtype=object)
    out[f"{prefix}n_quotes"] = pd.Series(cols["n_quotes"], index=df.index, dtype="Int32")
    out[f"{prefix}speakers"] = pd.Series(cols["speakers"], index=df.index, dtype=object)
    out[f"{prefix}error"] = pd.Series(cols["error"], index=df.index, dtype=object)
    return out


def _isna(x: Any) -> bool:
    try:
        import pandas as pd

        return bool(pd.isna(x)) if not isinstance(x, (list, tuple, dict)) else False
    except (TypeError, ValueError):
        return False


def analyze_dataframe(
    ddf: Any,
    text_column: str = "text",
    id_column: str | None = None,
    config: Any = None,
    *,
    prefix: str = "stance_",
    batch_size: int = 64,
    errors: str = "raise",
) -> Any:
    """``ddf`` (a dask DataFrame) with columns added per row, computed partition by partition:

    * ``stance_quotes``: the quotations as a JSON string (``Analysis.to_dict()["quotes"]``);
    * ``stance_n_quotes``: nullable int;
    * ``stance_speakers``: the speakers' canonical names as a JSON list string (a string, so the
      column stays Arrow-friendly: dask turns object columns into pyarrow strings);
    * ``stance_error``: null, or why the row failed (``errors="return"``).

    :func:`analyses_from_frame` turns a computed (pandas) result back into Analyses.
    """
    import pandas as pd

    if errors not in ("raise", "return"):
        raise ValueError("errors must be 'raise' or 'return'")
    if text_column not in ddf.columns:
        raise ValueError(f"dataframe has no column {text_column!r} (columns: {', '.join(map(str, ddf.columns))})")
    if id_column is not None and id_column not in ddf.columns:
        raise ValueError(f"dataframe has no column {id_column!r} (columns: {', '.join(map(str, ddf.columns))})")
    cfg = _config(config)
    meta = ddf._meta.copy()
    meta[f"{prefix}quotes"] = pd.Series([], dtype=object)
    meta[f"{prefix}n_quotes"] = pd.Series([], dtype="Int32")
    meta[f"{prefix}speakers"] = pd.Series([], dtype=object)
    meta[f"{prefix}error"] = pd.Series([], dtype=object)
    return ddf.map_partitions(_df_partition, cfg, text_column, id_column, prefix, max(1, batch_size), errors, meta=meta)


def analyses_from_frame(df: Any, id_column: str | None = None, *, text_column: str | None = None, prefix: str = "stance_") -> list[Any]:
    """The Analyses of a computed (pandas) frame returned by :func:`analyze_dataframe`, in row
    order; an :class:`~stance.pipeline.AnalysisError` for a failed row."""
    from stance.pipeline import AnalysisError
    from stance.types import Analysis, Quote

    out: list[Any] = []
    quotes = df[f"{prefix}quotes"].tolist()
    errs = df[f"{prefix}error"].tolist()
    ids = df[id_column].tolist() if id_column else [None] * len(df)
    texts = df[text_column].tolist() if text_column else [None] * len(df)
    for q, e, rid, text in zip(quotes, errs, ids, texts):
        rid = None if rid is None or _isna(rid) else str(rid)
        if isinstance(e, str):
            out.append(AnalysisError(rid, e))
            continue
        out.append(Analysis(rid, tuple(Quote.from_dict(d) for d in json.loads(q or "[]")), text=text if isinstance(text, str) else None))
    return out
