"""Stance targets per second of the blended and the quote-trained stance models, on one core.

As the README's figure for the blended model: the median of ``--repeat`` ``predict_proba`` calls
over a set of examples, after a warm-up call on 5 of them, in this process (pin it to one core
with ``taskset -c 1``), by the wall clock and by this process's CPU time (``cpu_targets_per_second``:
less moved by other processes sharing the core). Two example sets:

- ``corpus dev``: the pipeline's stance examples of the article-level corpus's dev split that
  match a gold party (what ``stance evaluate quotes --split dev`` scores), built once;
- ``directed_sentiment dev as quotations``: the directed_sentiment dev sentences tagged as
  quotation examples (``corpus="quote"``), so that the quote model scores them instead of
  handing them to its base; their macro-F1 is reported too (what the quote model would score on
  that corpus if it were not routed to the base).

Usage::

    taskset -c 1 python benchmarks/quote_stance_speed.py --data ../shared/data [--json out.json]

``--quote-from DIR`` also times the quote model of another models directory (a retrained one),
reported as ``quote-new``, in the same process.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import time
from pathlib import Path
from typing import Any, Sequence


def targets_per_second(model: Any, X: Sequence[Any], repeat: int, clock: Any = time.perf_counter) -> float:
    """Median targets/s of ``repeat`` ``predict_proba`` calls over ``X`` (after a warm-up on 5),
    timed by ``clock`` (the wall clock by default; ``time.process_time`` for CPU time)."""
    model.predict_proba(list(X[:5]))
    times = []
    for _ in range(repeat):
        t0 = clock()
        model.predict_proba(list(X))
        times.append(clock() - t0)
    return len(X) / statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="corpus directory (polnear/, directed_sentiment/)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", default=None)
    ap.add_argument("--quote-from", default=None, metavar="DIR", help="also time the quote model of this models directory")
    args = ap.parse_args()

    from sklearn.metrics import f1_score

    from stance.corpora.quote_corpus import load_quote_corpus
    from stance.corpora.sentences import corpus_file, load_examples
    from stance.loader import load_stance_model
    from stance.pipeline import Pipeline
    from stance.stance_model.features import LABELS
    from stance.training.quote_examples import labelled_examples

    models = {name: load_stance_model(kind=name) for name in ("blended", "quote")}
    if args.quote_from:
        models["quote-new"] = load_stance_model(args.quote_from, kind="quote")
    corpus_dev, corpus_y, _ = labelled_examples(load_quote_corpus("dev", args.data), Pipeline(stance_model="blended"))
    ds, ds_y, _ = load_examples(corpus_file(args.data, "directed_sentiment", "dev"), corpus="directed_sentiment")
    ds_quote = [dataclasses.replace(x, corpus="quote") for x in ds]
    out: dict[str, Any] = {}
    for set_name, X, y in (("corpus dev", corpus_dev, corpus_y), ("directed_sentiment dev as quotations", ds_quote, ds_y)):
        for name, model in models.items():
            pred = [LABELS[i] for i in model.predict_proba(X).argmax(1)]
            out[f"{set_name} / {name}"] = {
                "n": len(X), "targets_per_second": round(targets_per_second(model, X, args.repeat)),
                "cpu_targets_per_second": round(targets_per_second(model, X, args.repeat, time.process_time)),
                "macro_f1": round(float(f1_score(y, pred, labels=list(LABELS), average="macro")), 4)}
            r = out[f"{set_name} / {name}"]
            print(f"{set_name:<38} {name:<9} n={len(X):5d}  {r['targets_per_second']:7d} targets/s "
                  f"({r['cpu_targets_per_second']} by CPU time)  macro-F1 {r['macro_f1']:.4f}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
