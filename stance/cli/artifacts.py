"""``stance artifacts check DIR...`` / ``stance artifacts export DIR...``: check model artifacts
(and load their runtime scorers), or write ``inference.npz`` for an artifact that has an estimator.
``check`` reports every directory and exits 1 if any artifact was refused."""

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

    failed = 0
    for d in args.dirs:
        if args.action == "export":
            from stance.training.export import dev_examples, export_inference

            examples = dev_examples(read_manifest(d)["name"], args.data) if args.data else None
            m = export_inference(d, version=args.version, examples=examples)
            inf = m["inference"]
            print(f"{d}: {m['name']} {m['version']}, {inf['file']} sha256 {m['extra_files'][inf['file']][:16]}…, "
                  f"max |diff| {inf['max_abs_diff']:.3g} on {inf['checked_inputs']} inputs")
        else:
            from pathlib import Path

            from stance.artifacts import ArtifactError, check_artifact, load_artifact
            from stance.loader import CALIBRATION_ARTIFACT, load_calibration, load_scorer

            try:
                m = read_manifest(d)
                if m.get("inference"):
                    model, m = load_scorer(d)
                elif m.get("name") == CALIBRATION_ARTIFACT[1]:  # a manifest only, checked against its stance model
                    model = f"temperature {load_calibration(Path(d).resolve().parent)}"
                elif m.get("model_file") is None:
                    m = check_artifact(d, check_sklearn=False)
                    model = "no model file; manifest and files checked"
                else:
                    model, m = load_artifact(d)
            except ArtifactError as e:  # report it and check the other directories
                print(f"{d}: refused: {e}", file=sys.stderr)
                failed += 1
                continue
            print(f"{d}: {m['name']} {m['version']} ok: {_describe(model)}")
    sys.stdout.flush()
    if failed:
        print(f"stance artifacts check: {failed} of {len(args.dirs)} artifacts refused", file=sys.stderr)
        return 1
    return 0


def _describe(model: object) -> str:
    """The loaded model's repr, or its class name when the repr fails (an estimator pickled by an
    older version may lack an attribute its current ``get_params`` reads)."""
    if isinstance(model, str):
        return model
    try:
        return repr(model)
    except Exception:  # noqa: BLE001
        return type(model).__name__
