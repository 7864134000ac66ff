#!/usr/bin/env python
"""The plain baseline for the stance classifier: TF-IDF (1-2 grams) + LinearSVC.

Trained per corpus on its train split and scored on its dev splits with the same macro-F1 as
``stance evaluate stance``, on the plain sentence and on the sentence with the target (and the
source actor) replaced by marker tokens::

    python benchmarks/stance_baseline.py --data ../shared/data
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def data_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def marked(r: dict) -> str:
    """The sentence with the target replaced by ' TGTX ' and the source actor by ' SRCX '."""
    t = r["text"]
    spans = [(r["target"]["start"], r["target"]["end"], " TGTX ")]
    s = r.get("source_actor")
    if s and s["end"] > s["start"] and (s["end"] <= spans[0][0] or s["start"] >= spans[0][1]):
        spans.append((s["start"], s["end"], " SRCX "))
    for a, b, m in sorted(spans, reverse=True):
        t = t[:a] + m + t[b:]
    return t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="folder holding newsmtsc/ and directed_sentiment/")
    args = ap.parse_args(argv)
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import f1_score
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    d = Path(args.data)
    setups = {
        "newsmtsc": ("newsmtsc/train.jsonl", ["newsmtsc/dev_rw.jsonl", "newsmtsc/dev_mt.jsonl"]),
        "directed_sentiment": ("directed_sentiment/train.jsonl", ["directed_sentiment/dev.jsonl"]),
    }
    for corpus, (train, devs) in setups.items():
        tr = data_rows(d / train)
        for variant, text_of in (("plain", lambda r: r["text"]), ("marked", marked)):
            model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True), LinearSVC(C=1.0, random_state=0))
            model.fit([text_of(r) for r in tr], [r["label"] for r in tr])
            for dev in devs:
                rows = data_rows(d / dev)
                pred = model.predict([text_of(r) for r in rows])
                f1 = f1_score([r["label"] for r in rows], pred, average="macro")
                print(f"{corpus:<20} {variant:<7} {Path(dev).stem:<7} macro-F1 {f1:.4f}  (n={len(rows)})", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
