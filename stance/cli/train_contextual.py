"""``stance train contextual``: fine-tune the optional contextual stance model and save the artifact."""

from __future__ import annotations

import argparse

from stance.cli.training_options import add_training_arguments, run_training


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_training_arguments(
        parser,
        data_help="corpus directory holding newsmtsc/, directed_sentiment/ (and plover_gsr/ for dev scores)",
        artifact="contextual",
    )


def run(args: argparse.Namespace) -> int:
    return run_training(args, command="stance train contextual", function="stance.training.contextual:train_contextual")
