"""Paired article-level bootstrap of two stance models on the quote corpus's dev split.

Runs the pipeline with stance model A and with B over the same articles, then resamples the
articles with replacement (``--n`` times, seed 0) and reports the difference B - A in stance
macro-F1 (matched parties), end-to-end F1 and ECE: the observed difference, the bootstrap mean
and the 95 % percentile interval. Usage:

    python benchmarks/quote_stance_bootstrap.py --data ../shared/data --a blended --b quote
"""

from __future__ import annotations

import argparse
import json

import numpy as np

import stance
from stance.corpora.quote_corpus import load_quote_corpus
from stance.evaluation.quote_corpus import evaluate_quote_stance


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--split", default="dev", choices=["train", "dev"])  # never the test split
    ap.add_argument("--a", default="blended")
    ap.add_argument("--b", default="quote")
    ap.add_argument("--n", type=int, default=2000)
    args = ap.parse_args()
    gold = load_quote_corpus(args.split, args.data)
    preds = {}
    for name in (args.a, args.b):
        nlp = stance.load(stance_model=name)
        preds[name] = {a.id: a.to_dict() for a in nlp.pipe(((d["text"], d["id"]) for d in gold), as_tuples=True)}

    def scores(docs: list, name: str) -> np.ndarray:
        r = evaluate_quote_stance(docs, [preds[name][d["id"]] for d in docs])
        return np.array([r["stance"]["macro_f1"], r["end_to_end"]["f1"], r["calibration"]["ece"] or 0.0])

    observed = scores(gold, args.b) - scores(gold, args.a)
    rng = np.random.default_rng(0)
    diffs = []
    for _ in range(args.n):
        docs = [gold[i] for i in rng.integers(0, len(gold), len(gold))]
        diffs.append(scores(docs, args.b) - scores(docs, args.a))
    diffs = np.array(diffs)
    out = {}
    for k, name in enumerate(("stance_macro_f1", "end_to_end_f1", "ece")):
        lo, hi = np.percentile(diffs[:, k], [2.5, 97.5])
        out[name] = {"observed": round(float(observed[k]), 4), "mean": round(float(diffs[:, k].mean()), 4),
                     "ci95": [round(float(lo), 4), round(float(hi), 4)],
                     "p_not_better": round(float(np.mean(diffs[:, k] <= 0 if k < 2 else diffs[:, k] >= 0)), 4)}
    print(json.dumps({"split": args.split, "a": args.a, "b": args.b, "articles": len(gold), "resamples": args.n,
                      "b_minus_a": out}, indent=2))


if __name__ == "__main__":
    main()
