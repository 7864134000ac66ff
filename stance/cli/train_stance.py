"""``stance train stance``: fit the stance classifier on the corpora and save the artifact."""

from __future__ import annotations

import argparse

from stance.cli.training_options import add_training_arguments, run_training


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_training_arguments(
        parser,
        data_help="corpus directory holding newsmtsc/, directed_sentiment/ (and plover_gsr/ for dev scores)",
        artifact="stance",
    )
    g = parser.add_mutually_exclusive_group()
    g.add_argument("--pseudo-labels", metavar="FILE.npz", default=None,
                   help="teacher labels written by `stance distill` (default: data/distill/stance_pseudo_labels.npz when present)")
    g.add_argument("--no-distill", action="store_true", help="train on the gold corpora alone")
    v = parser.add_mutually_exclusive_group()
    v.add_argument("--vectors", metavar="FILE.npz", default=None,
                   help="static word-piece vectors written by `stance train vectors` (default: data/vectors/static_vectors.npz when present)")
    v.add_argument("--no-vectors", action="store_true", help="the linear heads alone (no network, which is built on the vectors)")
    parser.add_argument("--no-net", action="store_true",
                        help="the linear heads alone, without the target-aware network (which needs PyTorch: the [contextual] extra)")


def run(args: argparse.Namespace) -> int:
    pseudo = False if args.no_distill else args.pseudo_labels
    vectors = False if args.no_vectors else args.vectors
    return run_training(args, command="stance train stance", function="stance.training.stance:train_stance",
                        pseudo_labels=pseudo, vectors=vectors, net=not args.no_net)
