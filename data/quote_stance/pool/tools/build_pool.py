"""Build the pool's label file from the annotators' outputs.

    python data/quote_stance/pool/tools/build_pool.py --data ../shared/data --labels DIR

``DIR`` holds ``assign.json`` (from ``make_sheets.py``), the first labels ``labels1.jsonl`` ..
``labelsK.jsonl`` (one per chunk), the second labels ``labels_double.jsonl`` and the adjudicated
labels ``adjudicated.jsonl`` (``{"item", "label"}`` lines). Writes ``data/quote_stance/pool/``
(``labels.jsonl``: keys and labels, no text; ``pool.json``: the PolNeAR file's fingerprint, the
counts and the agreement) and prints the agreement. The items' keys are read from the pool's
``labels.jsonl`` (``stance.training.quote_pool.item_keys``; item ``n`` is the sheets' item ``n``;
the twelfth session read them from the teacher-labels file they came from, removed with quote-stance
4.7.0's teacher rows).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any, Sequence


def read_labels(path: Path) -> dict[int, str]:
    """``item -> label`` of one annotator's JSONL file (later lines win; none when missing)."""
    out: dict[int, str] = {}
    if path.is_file():
        for line in path.open(encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                out[int(r["item"])] = str(r["label"])
    return out


def cohen_kappa(a: Sequence[Any], b: Sequence[Any]) -> float | None:
    """Cohen's kappa of two label sequences (``None`` for none)."""
    n = len(a)
    if not n:
        return None
    po = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def agreement(pairs: list[tuple[str, str]], labels: Sequence[str]) -> dict[str, Any]:
    """Raw agreement, Cohen's kappa over all labels, per-class kappa (one label against the rest),
    and kappa over the three stance labels on the items both annotators labelled with one."""
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    st = [(x, y) for x, y in pairs if x in labels[:3] and y in labels[:3]]
    return {"items": len(pairs), "agreement": round(sum(x == y for x, y in pairs) / max(len(pairs), 1), 4),
            "kappa": _round(cohen_kappa(a, b)),
            "kappa_per_class": {c: _round(cohen_kappa([x == c for x in a], [y == c for y in b])) for c in labels},
            "stance_items_both": len(st),
            "stance_kappa": _round(cohen_kappa([x for x, _ in st], [y for _, y in st]))}


def _round(v: float | None) -> float | None:
    return None if v is None else round(v, 4)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="corpus directory holding polnear/")
    ap.add_argument("--labels", required=True, help="the annotators' output directory")
    ap.add_argument("--out", default=None, help="pool directory (default: data/quote_stance/pool)")
    args = ap.parse_args()

    from stance.training.quote_pool import DEFAULT_POOL, POOL_LABELS, item_keys, read_source, write_pool

    d = Path(args.labels)
    assign = json.loads((d / "assign.json").read_text(encoding="utf-8"))
    ids, _, fp = read_source(args.data)
    keys = item_keys(DEFAULT_POOL).tolist()
    chunk_of = {a: k for k, arts in enumerate(assign["chunks"], 1) for a in arts}
    first = {k: read_labels(d / f"labels{k}.jsonl") for k in range(1, len(assign["chunks"]) + 1)}
    second, adjudicated = read_labels(d / "labels_double.jsonl"), read_labels(d / "adjudicated.jsonl")
    for name, labs in [*((f"labels{k}", v) for k, v in first.items()), ("labels_double", second), ("adjudicated", adjudicated)]:
        bad = {lab for lab in labs.values() if lab not in POOL_LABELS}
        if bad:
            raise SystemExit(f"{name}: unknown labels {sorted(bad)}")
    rows, missing = [], 0
    for n, (ri, a, b, ts, te, ss, se) in enumerate(keys):
        k = chunk_of[ids[ri]]
        lab = first[k].get(n)
        if lab is None:
            missing += 1
            continue
        r: dict[str, Any] = {"item": n, "article": ids[ri], "record": ri, "slice": [a, b], "target": [ts, te],
                             "source": [ss, se] if ss >= 0 else None, "label": lab, "annotator": f"A{k}"}
        if n in second:
            r.update(label_2=second[n], annotator_2="A4")
            if second[n] != lab and n in adjudicated:
                r["adjudicated"] = adjudicated[n]
        rows.append(r)
    pairs = [(r["label"], r["label_2"]) for r in rows if "label_2" in r]
    open_disagreements = sum(1 for r in rows if "label_2" in r and r["label"] != r["label_2"] and "adjudicated" not in r)
    final = Counter(r.get("adjudicated") or r["label"] for r in rows)
    meta = {"source": fp, "items_in_pool": len(keys), "items_labelled": len(rows), "items_unlabelled": missing,
            "articles": len({r["article"] for r in rows}), "labels": dict(sorted(final.items())),
            "double": {"articles": len(assign["double"]), "items": len(pairs), "open_disagreements": open_disagreements},
            "agreement": agreement(pairs, list(POOL_LABELS)),
            "annotators": {"A1-A3": "first labels, one chunk each", "A4": "second labels of the double sheet", "ADJ": "adjudication of disagreements"}}
    out = Path(args.out) if args.out else DEFAULT_POOL
    write_pool(out, rows, meta)
    print(json.dumps(meta, indent=1))


if __name__ == "__main__":
    main()
