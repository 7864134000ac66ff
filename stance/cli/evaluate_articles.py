"""``stance evaluate articles``: score predicted analyses against gold articles."""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gold", required=True, help="gold articles: JSONL (one per line) or one JSON file, ANNOTATION.md shape")
    p.add_argument("--pred", required=True, help="predictions: the JSONL that `stance analyze` writes (matched to gold articles by id)")
    p.add_argument("--strict", action="store_true", help="drop gold stances marked implicit")
    p.add_argument("--json", action="store_true", help="print the full report as JSON")
    p.add_argument("--errors", action="store_true", help="list missed, spurious and mis-attributed quotations")


def run(args: argparse.Namespace) -> int:
    from stance.evaluation.articles import evaluate_articles, format_report, load_articles

    try:
        gold = load_articles(args.gold)
        pred = load_articles(args.pred)
    except (OSError, ValueError) as e:
        print(f"stance evaluate articles: {e}", file=sys.stderr)
        return 2
    report = evaluate_articles(gold, pred, strict=args.strict)
    missing = report["unpredicted"]
    if missing:
        print(f"stance evaluate articles: warning: {len(missing)} of {report['documents']} gold articles have no "
              f"prediction with their id (first: {missing[0]!r}); they are scored as predicting no quotations. "
              f"Give the analysed records the gold ids (a JSONL input with the gold 'id').", file=sys.stderr)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(format_report(report))
        if args.errors:
            for e in report["errors"]:
                print(json.dumps(e, ensure_ascii=False))
    return 0
