"""``stance artifacts check DIR...`` / ``stance artifacts export DIR...``: check model artifacts
(and load their runtime scorers), or write ``inference.npz`` for an artifact that has an estimator."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("check", "export"),
                        help="check: verify each artifact and load its runtime model; export: write inference.npz "
                             "from the artifact's estimator (no retraining) and update the manifest")
    parser.add_argument("dirs", nargs="+", metavar="DIR", help="artifact directories, e.g. models/stance")
    parser.add_argument("--version", default=None, help="export: version to record (default: next minor on first export)")
    parser.add_argument("--data", metavar="DIR", default=None,
                        help="export: corpus directory (e.g. ../shared/data), to verify also on the dev splits the training used")


def run(args: argparse.Namespace) -> int:
    from stance.artifacts import read_manifest

    for d in args.dirs:
        if args.action == "export":
            from stance.training.export import dev_examples, export_inference

            examples = dev_examples(read_manifest(d)["name"], args.data) if args.data else None
            m = export_inference(d, version=args.version, examples=examples)
            inf = m["inference"]
            print(f"{d}: {m['name']} {m['version']}, {inf['file']} sha256 {m['extra_files'][inf['file']][:16]}…, "
                  f"max |diff| {inf['max_abs_diff']:.3g} on {inf['checked_inputs']} inputs")
        else:
            from stance.artifacts import load_artifact
            from stance.loader import load_scorer

            m = read_manifest(d)
            if m.get("inference"):
                model, m = load_scorer(d)
            else:
                model, m = load_artifact(d)
            print(f"{d}: {m['name']} {m['version']} ok: {model!r}")
    sys.stdout.flush()
    return 0
