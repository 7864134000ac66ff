"""The party filter's out-of-fold errors on the corpus train split, per source, and a paired article
bootstrap between two such runs.

Runs the pipeline without the party filter over the train articles (both sources) as
``stance train party-filter`` does (its examples: :func:`stance.training.party_filter.matched_quotes`), fits the
filter recipe on 5 folds grouped by article (:func:`~stance.training.party_filter.out_of_fold`, C
from ``--c``), chooses the global and per-type thresholds on those probabilities as the trainer does
(the reference article's floors from the shipped manifest) and keeps, as the runtime filter does,
the objects of the quotation's own cue verb too. It prints party P/R/F1 over matched quotations,
overall and per source, and writes one JSON line per article (``--out``: tp, kept, gold, source)
and, with ``--errors FILE``, one JSON line per error: a kept proposal that is no gold party (``fp``,
``listed`` when the gold names it in ``not_parties``), a gold party the filter dropped
(``fn_dropped``) or that was never proposed (``fn_never``), each with the proposal's probability,
type, finder rule (``via``) and a window of the article's words (written outside the repository:
PolNeAR text is never committed). ``--compare A.jsonl B.jsonl`` bootstraps B - A over the
articles (2,000 resamples, seed 0) instead. Usage:

    python benchmarks/party_filter_oof.py --data ../shared/data --out /tmp/oof.jsonl --errors /tmp/err.jsonl
    python benchmarks/party_filter_oof.py --compare /tmp/oof_a.jsonl /tmp/oof_b.jsonl

The test split is never read; dev is not read either (its errors are not for writing rules).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np


def prf(tp: float, kept: float, gold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``tp`` true parties among ``kept`` proposals and ``gold`` parties."""
    p = tp / kept if kept else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def paired_bootstrap(a: np.ndarray, b: np.ndarray, n: int = 2000, seed: int = 0) -> dict[str, tuple[float, float, float]]:
    """B - A in party P, R and F1 over articles resampled with replacement: ``a`` and ``b`` are
    ``(articles, 3)`` counts (tp, kept, gold) of the same articles in the same order; returns, per
    figure, (observed difference, 2.5th percentile, 97.5th percentile)."""
    if a.shape != b.shape:
        raise ValueError(f"the runs cover different articles: {a.shape} vs {b.shape}")
    rng = np.random.default_rng(seed)
    diffs = []
    for _ in range(n):
        i = rng.integers(0, len(a), len(a))
        diffs.append(np.subtract(prf(*b[i].sum(0)), prf(*a[i].sum(0))))
    d = np.asarray(diffs)
    obs = np.subtract(prf(*b.sum(0)), prf(*a.sum(0)))
    return {k: (float(obs[t]), float(np.percentile(d[:, t], 2.5)), float(np.percentile(d[:, t], 97.5)))
            for t, k in enumerate(("precision", "recall", "f1"))}


def _window(text: str, start: int, end: int, width: int = 60) -> str:
    """``text[start:end]`` in double brackets with ``width`` characters either side, on one line."""
    return (text[max(0, start - width):start] + "[[" + text[start:end] + "]]" + text[end:end + width]).replace("\n", " ")


def collect(docs: Sequence[dict[str, Any]], pipe: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The trainer's examples (:func:`stance.training.party_filter.matched_quotes`) of ``docs`` with
    what the report needs: one row per proposal (features ``X``, label ``y``, article group ``g``,
    ``listed`` as the trainer computes them; the target's name, type and finder rule, the gold
    party it matches, whether it is the object of the quotation's cue verb, a window of the
    article's words), the gold parties never proposed, and per-article gold counts (tp and kept
    still 0)."""
    from stance.training.party_filter import matched_quotes

    rows: list[dict[str, Any]] = []
    missed: list[dict[str, Any]] = []
    per_doc = {d["id"]: {"id": d["id"], "source": d.get("source"), "tp": 0, "kept": 0, "gold": 0} for d in docs}
    for mq in matched_quotes(docs, pipe):
        d = docs[mq.doc]
        per_doc[d["id"]]["gold"] += len(mq.gold)
        for a, name in enumerate(mq.gold):
            if a not in mq.party_of.values():
                span = mq.gold_quote["quote"]
                missed.append({"kind": "fn_never", "doc": d["id"], "source": d.get("source"), "gold": name,
                               "proposed": [p.target.name for p in mq.proposals],
                               "quote": d["text"][span["start"]:span["end"]][:300]})
        for k, p in enumerate(mq.proposals):
            t = p.target
            rows.append({"X": p.features, "y": int(k in mq.party_of), "g": mq.doc, "doc": d["id"], "source": d.get("source"),
                         "name": t.name, "gold": mq.gold[mq.party_of[k]] if k in mq.party_of else None, "type": t.type,
                         "via": t.via, "cue_object": p.cue_object, "listed": mq.listed(k),
                         "context": _window(d["text"], p.start, p.end)})
    return rows, missed, per_doc


def run(data: str, c: float, out: str, errors: str | None) -> None:
    """The out-of-fold run: figures on stdout, per-article counts to ``out``, errors to ``errors``."""
    from stance.corpora.quote_corpus import load_quote_corpus
    from stance.pipeline import Pipeline
    from stance.training.party_filter import choose_threshold, choose_type_thresholds, out_of_fold

    rows, missed, per_doc = collect(load_quote_corpus("train", data), Pipeline(stance_model=False, party_filter=False))
    X = [r["X"] for r in rows]
    y = np.asarray([r["y"] for r in rows])
    groups = np.asarray([r["g"] for r in rows])
    n_gold = sum(v["gold"] for v in per_doc.values())
    oof = out_of_fold(X, y, groups, c, 0)
    manifest = json.loads((Path(__file__).resolve().parent.parent / "models" / "party_filter" / "manifest.json").read_text())
    floors = manifest["metrics"].get("reference_article_lowest_true_target_proba_by_type", {})
    types = [r["type"] for r in rows]
    global_t = choose_threshold(oof, y, n_gold, min(floors.values(), default=1.0))
    by_type = choose_type_thresholds(oof, y, types, n_gold, global_t, floors)
    for r, p in zip(rows, oof):
        r["p"] = round(float(p), 4)
        r["keep"] = bool(p >= by_type.get(r["type"], global_t) or r["cue_object"])
        if r["keep"]:
            per_doc[r["doc"]]["kept"] += 1
            per_doc[r["doc"]]["tp"] += r["y"]
    print(f"thresholds {by_type} (global {global_t}); C={c}")
    for src in (None, "wikinews", "polnear"):
        c3 = np.asarray([[v["tp"], v["kept"], v["gold"]] for v in per_doc.values() if src in (None, v["source"])]).sum(0)
        p, r, f = prf(*c3)
        print(f"{src or 'all':9s} P {p:.4f} R {r:.4f} F1 {f:.4f} (tp {c3[0]}, kept {c3[1]}, gold {c3[2]})")
    with open(out, "w", encoding="utf-8") as fh:
        for v in per_doc.values():
            fh.write(json.dumps(v) + "\n")
    if errors:
        with open(errors, "w", encoding="utf-8") as fh:
            for r in rows:
                if r["keep"] != bool(r["y"]):
                    kind = "fp" if r["keep"] else "fn_dropped"
                    fh.write(json.dumps({"kind": kind, **{k: v for k, v in r.items() if k not in ("X", "g", "keep", "y")},
                                         "rule": r["X"].get("rule")}) + "\n")
            for m in missed:
                fh.write(json.dumps(m) + "\n")


def _counts(path: str) -> dict[str, dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return {d["id"]: d for d in map(json.loads, fh)}


def compare(path_a: str, path_b: str, n: int = 2000) -> Iterable[str]:
    """Report lines of the paired bootstrap of two ``--out`` files, overall and per source."""
    a, b = _counts(path_a), _counts(path_b)
    ids = sorted(a)
    for src in (None, "wikinews", "polnear"):
        sel = [i for i in ids if src in (None, a[i]["source"])]
        ca = np.asarray([[a[i]["tp"], a[i]["kept"], a[i]["gold"]] for i in sel], dtype=float)
        cb = np.asarray([[b[i]["tp"], b[i]["kept"], b[i]["gold"]] for i in sel], dtype=float)
        yield f"{src or 'all'}: tp/kept/gold A {ca.sum(0).astype(int).tolist()} B {cb.sum(0).astype(int).tolist()}"
        for k, (obs, lo, hi) in paired_bootstrap(ca, cb, n).items():
            yield f"  {k:9s} diff {obs:+.4f} [{lo:+.4f}, {hi:+.4f}]"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="corpus directory holding polnear/")
    ap.add_argument("--c", type=float, default=0.3, help="the filter's C (the shipped manifest's)")
    ap.add_argument("--out", help="per-article counts (JSONL)")
    ap.add_argument("--errors", help="per-error lines (JSONL), outside the repository")
    ap.add_argument("--compare", nargs=2, metavar=("A", "B"), help="bootstrap B - A of two --out files")
    args = ap.parse_args()
    if args.compare:
        for line in compare(*args.compare):
            print(line)
        return
    if not args.data or not args.out:
        ap.error("--data and --out are needed without --compare")
    run(args.data, args.c, args.out, args.errors)


if __name__ == "__main__":
    main()
