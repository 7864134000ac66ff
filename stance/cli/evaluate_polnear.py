"""``stance evaluate polnear``: attribution quality (content, source, end-to-end) on PolNeAR."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", required=True, metavar="DIR", help="folder holding polnear/ (or the polnear folder itself)")
    p.add_argument("--split", default="dev", help="split to score (default dev)")
    p.add_argument("--no-ranker", action="store_true", help="rules alone choose speakers")
    p.add_argument("--models", default=None, help="models directory (default: the shipped models)")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="score only the first N documents")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--errors", default=None, metavar="FILE", help="write missed, spurious and wrong-source items (JSONL) here")


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from stance.evaluation.polnear import evaluate_polnear, format_report, iter_errors

    errors: list | None = [] if args.errors else None
    try:
        rep = evaluate_polnear(args.data, args.split, ranker=not args.no_ranker, limit=args.limit,
                               models_dir=args.models, errors=errors)
    except FileNotFoundError as e:
        print(f"stance evaluate polnear: {e}", file=sys.stderr)
        return 2
    if errors is not None:
        with open(args.errors, "w", encoding="utf-8") as f:
            for line in iter_errors(errors):
                f.write(line + "\n")
    print(json.dumps(rep, indent=2) if args.json else format_report(rep))
    return 0
