"""``stance train attribution``: fit the speaker ranker on PolNeAR and save the artifact."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, metavar="DIR", help="folder holding polnear/{train,dev}.jsonl (or the polnear folder)")
    parser.add_argument("--out", metavar="DIR", default=None, help="artifact directory (default: <models dir>/attribution)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--quiet", action="store_true", help="no progress messages on stderr")


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from ..training.attribution import train_attribution

    try:
        manifest = train_attribution(args.data, args.out, seed=args.seed, progress=not args.quiet)
    except FileNotFoundError as e:
        print(f"stance train attribution: {e}", file=sys.stderr)
        return 2
    print(json.dumps(manifest["metrics"], indent=2))
    return 0
