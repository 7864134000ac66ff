"""``stance train stance``: fit the stance classifier on the corpora and save the artifact."""

from __future__ import annotations

import argparse

from ._training import add_training_arguments, run_training


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_training_arguments(
        parser,
        data_help="corpus directory holding newsmtsc/, directed_sentiment/ (and plover_gsr/ for dev scores)",
        artifact="stance",
    )


def run(args: argparse.Namespace) -> int:
    return run_training(args, command="stance train stance", function="stance.training.stance:train_stance")
