"""Corpus-level stance networks: who attacks whom, how that changes over time, and which
quotations back each claim.

``stance.network(analyses, by="speaker"|"affiliation", ...)`` aggregates the quotations of many
analysed articles into a tidy pandas table of directed edges (source -> target) with counts per
stance label, mean probabilities, a stance score with a confidence interval, dates and example
quotations; :mod:`~stance.network.graphml`, :mod:`~stance.network.plot` and
:mod:`~stance.network.report` turn it into GraphML, a PNG and a self-contained HTML page.

Modules: :mod:`~stance.network.rows` (analyses -> quotation x target rows),
:mod:`~stance.network.aggregate` (streaming aggregation into edges), :mod:`~stance.network.intervals`,
:mod:`~stance.network.dates`, :mod:`~stance.network.names` (canonical country names),
:mod:`~stance.network.frames` (Dask and Hugging Face outputs), :mod:`~stance.network.outputs`
(table files), :mod:`~stance.network.defaults`.

This package is itself callable: ``stance.network(...)`` is :func:`stance.network.api.network`.
pandas (and matplotlib for plots) are imported only when a function runs (``pip install 'stance[network]'``).
"""

from __future__ import annotations

import sys
import types
from typing import Any

from .api import network

__all__ = ["network", "network_from_frame", "network_from_dataset", "quotation_rows", "write_graphml",
           "save_plot", "render_report", "write_table"]


def __getattr__(name: str) -> Any:
    if name in ("network_from_frame", "network_from_dataset"):
        from . import frames

        return getattr(frames, name)
    if name == "quotation_rows":
        from .rows import quotation_rows

        return quotation_rows
    if name == "write_graphml":
        from .graphml import write_graphml

        return write_graphml
    if name == "save_plot":
        from .plot import save_plot

        return save_plot
    if name == "render_report":
        from .report import render_report

        return render_report
    if name == "write_table":
        from .outputs import write_table

        return write_table
    raise AttributeError(f"module 'stance.network' has no attribute {name!r}")


class _CallableModule(types.ModuleType):
    """Lets ``stance.network(...)`` call :func:`network` although ``stance.network`` is a package."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return network(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
