"""``stance distill``: label unlabelled news examples with the contextual model, for training the
linear stance model (see :mod:`stance.training.distill`)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, metavar="DIR", help="corpus directory holding polnear/ and newsmtsc/ (train splits)")
    parser.add_argument("--out", metavar="FILE.npz", default=None, help="labels file (default: data/distill/stance_pseudo_labels.npz)")
    parser.add_argument("--models", metavar="DIR", default=None, help="models directory holding contextual/ (default: the shipped models/)")
    parser.add_argument("--quiet", action="store_true", help="no progress messages on stderr")


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from stance.training.distill import distill_labels

    try:
        summary = distill_labels(args.data, args.out, models_dir=args.models, progress=not args.quiet)
    except FileNotFoundError as e:
        print(f"stance distill: {e}", file=sys.stderr)
        return 2
    print(json.dumps(summary, indent=2))
    return 0
