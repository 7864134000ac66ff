"""What ``stance train attribution`` and ``stance train stance`` share: the same options, and the
same way of calling a training function and reporting its dev metrics."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from typing import Any


def add_training_arguments(parser: argparse.ArgumentParser, *, data_help: str, artifact: str) -> None:
    """``--data``, ``--out``, ``--seed`` and ``--quiet``."""
    parser.add_argument("--data", required=True, metavar="DIR", help=data_help)
    parser.add_argument("--out", metavar="DIR", default=None, help=f"artifact directory (default: <models dir>/{artifact})")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--quiet", action="store_true", help="no progress messages on stderr")


def run_training(args: argparse.Namespace, *, command: str, function: str, **kwargs: Any) -> int:
    """Call ``function`` ("module:name") with the parsed options (and ``kwargs``); print the dev metrics."""
    module_name, name = function.split(":")
    train = getattr(importlib.import_module(module_name), name)
    try:
        manifest = train(args.data, args.out, seed=args.seed, progress=not args.quiet, **kwargs)
    except FileNotFoundError as e:
        print(f"{command}: {e}", file=sys.stderr)
        return 2
    print(json.dumps(manifest["metrics"], indent=2))
    return 0
