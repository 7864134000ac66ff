"""The same network from the outputs of :mod:`stance.integrations`: a (pandas or dask) DataFrame
returned by :func:`~stance.integrations.dask.analyze_dataframe`, or a Hugging Face dataset returned
by :func:`~stance.integrations.hf.analyze_dataset`.

Both read the ``{prefix}quotes`` (JSON) and ``{prefix}error`` columns, the id column and the date
column, and stream them into an :class:`~stance.network.aggregate.Aggregator`; a dask DataFrame is
aggregated partition by partition (each task returns a small partial aggregate, merged in
partition order), so the rows never have to fit in one process. The table equals
:func:`stance.network.network` over the same analyses.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

from .aggregate import Aggregator
from .defaults import BY, DATE_FIELD, EXAMPLES, INTERVAL, MIN_QUOTES, SELF_LOOPS
from .rows import Article, quote_from_dict


def _missing(x: Any) -> bool:
    if x is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(x)) if not isinstance(x, (list, tuple, dict, str)) else False
    except (TypeError, ValueError):
        return False


def _article(rid: Any, quotes_json: Any, error: Any, date: Any) -> Article:
    rid = None if _missing(rid) else str(rid)
    if not _missing(error):
        return Article(rid, date, None, str(error))
    if _missing(quotes_json):
        return Article(rid, date, None, "row has no quotes")
    try:
        quotes = json.loads(quotes_json)
    except (TypeError, ValueError) as e:
        return Article(rid, date, None, f"quotes column is not JSON: {e}")
    return Article(rid, None if _missing(date) else date, [quote_from_dict(q) for q in quotes if isinstance(q, dict)])


def _frame_articles(df: Any, id_column: str | None, date_field: str | None, prefix: str) -> Iterator[Article]:
    n = len(df)
    quotes = df[f"{prefix}quotes"].tolist()
    errors = df[f"{prefix}error"].tolist() if f"{prefix}error" in df.columns else [None] * n
    ids = df[id_column].tolist() if id_column else [None] * n
    dates = df[date_field].tolist() if date_field and date_field in df.columns else [None] * n
    for rid, q, e, d in zip(ids, quotes, errors, dates):
        yield _article(rid, q, e, d)


def _check(columns: Any, id_column: str | None, prefix: str) -> None:
    cols = list(map(str, columns))
    need = [f"{prefix}quotes"] + ([id_column] if id_column else [])
    missing = [c for c in need if c not in cols]
    if missing:
        raise ValueError(f"no column(s) {', '.join(missing)} (columns: {', '.join(cols)}); run analyze_dataframe/analyze_dataset first")


def _partial(df: Any, options: dict[str, Any], id_column: str | None, date_field: str | None, prefix: str) -> Aggregator:
    agg = Aggregator(**options)
    for art in _frame_articles(df, id_column, date_field, prefix):
        agg.add(art)
    return agg


def network_from_frame(
    df: Any,
    id_column: str | None = None,
    *,
    date_field: str = DATE_FIELD,
    prefix: str = "stance_",
    by: str = BY,
    min_quotes: int = MIN_QUOTES,
    since: Any = None,
    until: Any = None,
    freq: str | None = None,
    examples: int = EXAMPLES,
    self_loops: bool = SELF_LOOPS,
    interval: str = INTERVAL,
    groups_only: bool = False,
) -> Any:
    """The network table of a frame analysed by :func:`stance.integrations.dask.analyze_dataframe`:
    a computed pandas DataFrame, or the dask DataFrame itself (aggregated per partition without
    collecting the rows). ``id_column`` names the article id column and ``date_field`` the date
    column (absent: undated). Other options as in :func:`stance.network.network`."""
    options = dict(by=by, freq=freq, since=since, until=until, examples=examples, self_loops=self_loops)
    _check(df.columns, id_column, prefix)
    if hasattr(df, "to_delayed") and hasattr(df, "npartitions"):
        import dask

        parts = [dask.delayed(_partial)(p, options, id_column, date_field, prefix) for p in df.to_delayed()]
        partials = dask.compute(*parts)
        agg = Aggregator(**options)
        for p in partials:
            agg.merge(p)
    else:
        agg = _partial(df, options, id_column, date_field, prefix)
    return agg.frame(min_quotes, interval, groups_only)


def network_from_dataset(
    dataset: Any,
    *,
    date_field: str = DATE_FIELD,
    prefix: str = "stance_",
    batch_size: int = 1000,
    by: str = BY,
    min_quotes: int = MIN_QUOTES,
    since: Any = None,
    until: Any = None,
    freq: str | None = None,
    examples: int = EXAMPLES,
    self_loops: bool = SELF_LOOPS,
    interval: str = INTERVAL,
    groups_only: bool = False,
) -> Any:
    """The network table of a Hugging Face dataset analysed by
    :func:`stance.integrations.hf.analyze_dataset` (ids from ``{prefix}id``, dates from the
    ``date_field`` column when present), read ``batch_size`` rows at a time. Other options as in
    :func:`stance.network.network`."""
    names = list(dataset.column_names)
    _check(names, None, prefix)
    cols = [c for c in (f"{prefix}quotes", f"{prefix}error", f"{prefix}id", date_field) if c in names]
    agg = Aggregator(by, freq=freq, since=since, until=until, examples=examples, self_loops=self_loops)
    for b in dataset.select_columns(cols).iter(batch_size=batch_size):
        n = len(b[f"{prefix}quotes"])
        for k in range(n):
            agg.add(_article(b[f"{prefix}id"][k] if f"{prefix}id" in b else None, b[f"{prefix}quotes"][k],
                             b[f"{prefix}error"][k] if f"{prefix}error" in b else None,
                             b[date_field][k] if date_field in b else None))
    return agg.frame(min_quotes, interval, groups_only)
