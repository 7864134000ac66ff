"""Writing the network's files atomically (a temporary file renamed into place on success)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..io import atomic_path

TABLE_FORMATS = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}


def table_format(path: str) -> str:
    """``csv`` or ``parquet`` from the file name (``-``: CSV on stdout); ValueError otherwise."""
    if path == "-":
        return "csv"
    fmt = TABLE_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: the table must be a .csv or .parquet file")
    return fmt


def write_table(df: Any, path: str) -> None:
    """Write the edge table as CSV or parquet (by suffix; ``-``: CSV to stdout)."""
    fmt = table_format(path)
    if path == "-":
        import sys

        df.to_csv(sys.stdout, index=False, lineterminator="\n")
        return
    with atomic_path(path) as tmp:
        if fmt == "csv":
            df.to_csv(tmp, index=False, lineterminator="\n")
        else:
            out = df.copy()
            out.attrs = {}
            out.to_parquet(tmp, index=False)
