"""``stance train contextual-quote``: fine-tune the contextual stance model further on the article corpus's train split."""

from __future__ import annotations

import argparse

from stance.cli.training_options import add_training_arguments, run_training


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_training_arguments(
        parser,
        data_help="corpus directory holding polnear/ (the texts of the corpus's PolNeAR articles)",
        artifact="contextual_quote",
    )
    parser.add_argument("--models", metavar="DIR", default=None,
                        help="models directory holding the contextual model it starts from and the pipeline's models (default: the shipped models)")


def run(args: argparse.Namespace) -> int:
    return run_training(args, command="stance train contextual-quote", function="stance.training.contextual_quote:train_contextual_quote",
                        models_dir=args.models)
