"""Adapters for data-processing ecosystems, each importing its library lazily.

* :mod:`stance.integrations.hf` — Hugging Face ``datasets``: :func:`~stance.integrations.hf.analyze_dataset`
  and :func:`~stance.integrations.hf.analyses_from_dataset`.
* :mod:`stance.integrations.dask` — Dask bags and dataframes (``pip install 'stance[dask]'``):
  :func:`~stance.integrations.dask.analyze_bag` and :func:`~stance.integrations.dask.analyze_dataframe`.

Both rebuild the pipeline from a small, picklable *config* (``Pipeline.config()``) once per worker
process and cache it there (:mod:`stance.integrations.cache`), so the pipeline itself is never
pickled or hashed per batch.
"""

from __future__ import annotations

from typing import Any

__all__ = ["analyze_dataset", "analyses_from_dataset", "analyze_bag", "analyze_dataframe"]


def __getattr__(name: str) -> Any:
    if name in ("analyze_dataset", "analyses_from_dataset"):
        from stance.integrations import hf

        return getattr(hf, name)
    if name in ("analyze_bag", "analyze_dataframe"):
        from stance.integrations import dask as _dask

        return getattr(_dask, name)
    raise AttributeError(f"module 'stance.integrations' has no attribute {name!r}")
