"""PolNeAR (Newell, Margolin & Ruths, LREC 2018): news articles with their attributions, read at
run time from ``DIR/polnear/{split}.jsonl`` (or ``DIR/{split}.jsonl``)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_ID_DATE = re.compile(r"(?:^|_)(\d{4}-\d{2}-\d{2})(?:_|$)")


def date_of(doc_id: str) -> str | None:
    """The ``YYYY-MM-DD`` publication date a PolNeAR ``doc_id`` encodes (outlet, date, slug:
    ``breitbart_2015-11-11_the-ninth-circle`` -> ``2015-11-11``), or None."""
    m = _ID_DATE.search(doc_id)
    return m.group(1) if m else None


def polnear_file(data_dir: str | Path, split: str) -> Path:
    """The JSONL of ``split``; ``data_dir`` is the folder holding ``polnear/`` or that folder."""
    d = Path(data_dir)
    for cand in (d / "polnear" / f"{split}.jsonl", d / f"{split}.jsonl"):
        if cand.is_file():
            return cand
    raise FileNotFoundError(f"no PolNeAR {split}.jsonl under {d} (expected {d}/polnear/{split}.jsonl)")


def load_polnear(data_dir: str | Path, split: str, limit: int | None = None) -> list[dict[str, Any]]:
    """Documents of a PolNeAR split (``doc_id``, ``text``, ``attributions``, ``discard_spans``),
    read with Hugging Face ``datasets``."""
    import datasets

    path = polnear_file(data_dir, split)
    datasets.disable_progress_bars()
    ds = datasets.load_dataset("json", data_files=str(path), split="train")
    cols = [c for c in ("doc_id", "text", "attributions", "discard_spans") if c in ds.column_names]
    ds = ds.select_columns(cols)
    if limit is not None:
        ds = ds.select(range(min(limit, len(ds))))
    return [dict(r) for r in ds]
