"""``stance train pronoun-ranker``: fit the ranker of pronoun speakers' antecedents (he/she, it/they/we) on the pronoun set and save the artifact."""

from __future__ import annotations

import argparse

from stance.cli.training_options import add_training_arguments, run_training


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_training_arguments(parser, data_help="folder holding polnear/train.jsonl (the texts of the PolNeAR parts)", artifact="pronoun_ranker")


def run(args: argparse.Namespace) -> int:
    return run_training(args, command="stance train pronoun-ranker", function="stance.training.pronoun_ranker:train_pronoun_ranker")
