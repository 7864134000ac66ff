"""``stance train stance``: fit the stance classifier on the corpora and save the artifact."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, metavar="DIR",
                        help="corpus directory holding newsmtsc/, directed_sentiment/ (and plover_gsr/ for dev scores)")
    parser.add_argument("--out", metavar="DIR", default=None,
                        help="artifact directory (default: <models dir>/stance)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--quiet", action="store_true", help="no progress messages on stderr")


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from ..training.stance import train_stance

    try:
        manifest = train_stance(args.data, args.out, seed=args.seed, progress=not args.quiet)
    except FileNotFoundError as e:
        print(f"stance train stance: {e}", file=sys.stderr)
        return 2
    print(json.dumps(manifest["metrics"], indent=2))
    return 0
