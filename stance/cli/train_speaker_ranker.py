"""``stance train speaker-ranker`` (older name: ``stance train attribution``): fit the speaker ranker on
PolNeAR and save the artifact."""

from __future__ import annotations

import argparse

from stance.cli.training_options import add_training_arguments, run_training


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_training_arguments(parser, data_help="folder holding polnear/{train,dev}.jsonl (or the polnear folder)", artifact="speaker_ranker")


def run(args: argparse.Namespace) -> int:
    return run_training(args, command="stance train speaker-ranker", function="stance.training.speaker_ranker:train_speaker_ranker")
