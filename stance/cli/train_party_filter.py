"""``stance train party-filter``: fit the party filter on the article-level corpus's train split
(threshold chosen on dev) and save the artifact."""

from __future__ import annotations

import argparse

from stance.cli.training_options import add_training_arguments, run_training


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_training_arguments(parser, data_help="folder holding the corpora (polnear/ for the PolNeAR texts), e.g. ../shared/data",
                           artifact="party_filter")


def run(args: argparse.Namespace) -> int:
    return run_training(args, command="stance train party-filter", function="stance.training.party_filter:train_party_filter")
