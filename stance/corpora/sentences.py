"""The sentence-level stance corpora (NewsMTSC, directed_sentiment, plover_gsr), read at run time
from ``<data_dir>/<corpus>/<split>.jsonl`` with Hugging Face ``datasets`` (imported lazily)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

#: The corpora ``stance evaluate stance`` and the training read.
CORPORA = ("newsmtsc", "directed_sentiment", "plover_gsr")


def corpus_file(data_dir: str | os.PathLike[str], corpus: str, split: str) -> Path:
    """``<data_dir>/<corpus>/<split>.jsonl``; raises FileNotFoundError naming the path."""
    p = Path(data_dir) / corpus / f"{split}.jsonl"
    if not p.is_file():
        raise FileNotFoundError(f"{p}: no such corpus file (corpus {corpus!r}, split {split!r})")
    return p


def read_records(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read a JSONL corpus file with ``datasets.load_dataset("json", ...)`` into plain dicts."""
    import datasets

    was_enabled = datasets.is_progress_bar_enabled() if hasattr(datasets, "is_progress_bar_enabled") else None
    try:
        if hasattr(datasets, "disable_progress_bars"):
            datasets.disable_progress_bars()
        ds = datasets.load_dataset("json", data_files=str(path), split="train")
        return [dict(r) for r in ds]
    finally:
        if was_enabled and hasattr(datasets, "enable_progress_bars"):
            datasets.enable_progress_bars()


def load_examples(path: str | os.PathLike[str], corpus: str | None = None) -> tuple[list[Any], list[str], list[str]]:
    """``(examples, gold labels, ids)`` of a corpus file; records with an empty target are skipped."""
    from stance.stance_model.features import StanceExample

    xs: list[Any] = []
    ys: list[str] = []
    ids: list[str] = []
    for r in read_records(path):
        t = r.get("target") or {}
        if t.get("start") is None or t.get("end") is None or int(t["end"]) <= int(t["start"]):
            continue  # e.g. directed_sentiment dse-dev-701: an empty span after conversion
        xs.append(StanceExample.from_record(r, corpus=corpus))
        ys.append(str(r["label"]))
        ids.append(str(r.get("id")))
    return xs, ys, ids
