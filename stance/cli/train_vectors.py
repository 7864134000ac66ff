"""``stance train vectors``: build the static word-piece vectors the stance classifier pools."""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, metavar="DIR",
                        help="corpus directory holding newsmtsc/, directed_sentiment/ and polnear/ (their train splits are counted)")
    parser.add_argument("--out", metavar="FILE.npz", default=None, help="output file (default: data/vectors/static_vectors.npz)")
    parser.add_argument("--dim", type=int, default=None, help="dimensions kept by the PCA (default 256)")
    parser.add_argument("--threads", type=int, default=None, help="PyTorch threads (default: PyTorch's choice)")
    parser.add_argument("--quiet", action="store_true", help="no progress messages on stderr")


def run(args: argparse.Namespace) -> int:
    from stance.training.vectors import DEFAULT_DIM, build_vectors

    try:
        header = build_vectors(args.data, args.out, dim=args.dim or DEFAULT_DIM, progress=not args.quiet, threads=args.threads)
    except FileNotFoundError as e:
        print(f"stance train vectors: {e}", file=sys.stderr)
        return 2
    print(json.dumps({k: header[k] for k in ("file", "sha256", "n_pieces", "dim")}, indent=2))
    return 0
