"""``stance build actors``: compile the Phoenix actor dictionaries into ``stance/data/actors_phoenix.tsv``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, metavar="DIR", help="folder holding petrarch/ (or the petrarch folder)")
    parser.add_argument("--out", metavar="FILE", default=None, help="output file (default: stance/data/actors_phoenix.tsv in the package)")
    parser.add_argument("--codes", metavar="FILE", default=None, help="non-ISO code names (default: data/actors/phoenix_codes.tsv of the clone)")


def run(args: argparse.Namespace) -> int:
    from stance.training.actors import compile_actors

    import stance

    root = Path(stance.__file__).resolve().parent
    data = Path(args.data)
    petrarch = data / "petrarch" if (data / "petrarch").is_dir() else data
    codes = Path(args.codes) if args.codes else root.parent / "data" / "actors" / "phoenix_codes.tsv"
    out = Path(args.out) if args.out else root / "data" / "actors_phoenix.tsv"
    try:
        report = compile_actors(petrarch, codes, out)
    except FileNotFoundError as e:
        print(f"stance build actors: {e}", file=sys.stderr)
        return 2
    print(json.dumps({"out": str(out), **report}, indent=2))
    return 0
