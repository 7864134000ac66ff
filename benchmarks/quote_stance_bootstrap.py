"""Paired article-level bootstrap of two stance models on the quote corpus's dev split.

Runs the pipeline with stance model A and with B over the same articles (each with the options
``stance.load`` gives it by default: the blended model calibrated, the others not), then resamples
the articles with replacement (``--n`` times, seed 0) and reports B - A in stance macro-F1
(matched parties), hostile and conciliatory recall and ECE: the observed difference and the 95 %
percentile interval (the per-article counting of ``benchmarks/stance_ablation.py``). Usage:

    python benchmarks/quote_stance_bootstrap.py --data ../shared/data --a blended --b quote

``--models-a`` / ``--models-b`` load A / B from another models directory (e.g. a retrained
``quote_stance/`` beside links to the shipped artifacts), to compare a retrained model with the
shipped one of the same name.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stance  # noqa: E402
from stance.corpora.quote_corpus import load_quote_corpus  # noqa: E402
from stance_ablation import article_confusions, bootstrap_diff, scores_of  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--split", default="dev", choices=["train", "dev"])  # never the test split
    ap.add_argument("--a", default="blended")
    ap.add_argument("--b", default="quote")
    ap.add_argument("--models-a", default=None, help="models directory of A (default: the shipped models)")
    ap.add_argument("--models-b", default=None, help="models directory of B (default: the shipped models)")
    ap.add_argument("--n", type=int, default=2000)
    args = ap.parse_args()
    gold = load_quote_corpus(args.split, args.data)
    res = []
    for name, models in ((args.a, args.models_a), (args.b, args.models_b)):
        nlp = stance.load(stance_model=name, models_dir=models)
        pred = [a.to_dict() for a in nlp.pipe(((d["text"], d["id"]) for d in gold), as_tuples=True)]
        res.append(article_confusions(gold, pred))
    sa = scores_of(res[0][0].sum(0), res[0][1])
    sb = scores_of(res[1][0].sum(0), res[1][1])
    ci = bootstrap_diff(res[0][0], res[0][1], res[1][0], res[1][1], args.n)
    out = {k: {"a": round(sa[k], 4), "b": round(sb[k], 4), "observed": round(sb[k] - sa[k], 4), "ci95": ci[k]} for k in ci}
    print(json.dumps({"split": args.split, "a": args.a, "b": args.b, "models_a": args.models_a, "models_b": args.models_b, "articles": len(gold), "resamples": args.n,
                      "b_minus_a": out}, indent=2))


if __name__ == "__main__":
    main()
