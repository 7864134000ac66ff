"""The project's quote-level stance labels (``data/quote_stance/``): one line per (article,
quotation span, target, label); the article texts are read from PolNeAR at run time."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from stance.types import STANCE_LABELS

#: The shipped label file.
DEFAULT_LABELS = Path(__file__).resolve().parent.parent.parent / "data" / "quote_stance" / "polnear_train_quote_stance.jsonl"
_ALL_LABELS = STANCE_LABELS + ("skip",)


def load_quote_labels(path: str | os.PathLike[str] | None = None) -> list[dict[str, Any]]:
    """The labelled items of ``path`` (default :data:`DEFAULT_LABELS`), checked line by line."""
    p = Path(path) if path is not None else DEFAULT_LABELS
    if not p.is_file():
        raise FileNotFoundError(f"quote stance labels not found: {p}")
    out = []
    with p.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                s, e = int(r["quote"]["start"]), int(r["quote"]["end"])
                item = {"doc_id": str(r["doc_id"]), "quote": (s, e), "target": str(r["target"]), "label": str(r["label"])}
            except (ValueError, KeyError, TypeError) as err:
                raise ValueError(f"{p}:{n}: not a quote stance label line ({err})") from None
            if item["label"] not in _ALL_LABELS:
                raise ValueError(f"{p}:{n}: label {item['label']!r} is not one of {', '.join(_ALL_LABELS)}")
            if not 0 <= s < e:
                raise ValueError(f"{p}:{n}: bad quote span [{s}, {e})")
            if "label_2" in r:
                item["label_2"] = str(r["label_2"])
            out.append(item)
    return out
