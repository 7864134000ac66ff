"""``stance train attribution``: fit the speaker ranker on PolNeAR and save the artifact."""

from __future__ import annotations

import argparse

from stance.cli.training_options import add_training_arguments, run_training


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_training_arguments(parser, data_help="folder holding polnear/{train,dev}.jsonl (or the polnear folder)", artifact="attribution")


def run(args: argparse.Namespace) -> int:
    return run_training(args, command="stance train attribution", function="stance.training.attribution:train_attribution")
