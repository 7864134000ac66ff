"""``stance train calibration``: fit the temperature(s) of the default stance model's quotation
stances on the article-level corpus's train split and save the artifact."""

from __future__ import annotations

import argparse

from stance.cli.training_options import add_training_arguments, run_training


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_training_arguments(parser, data_help="folder holding the corpora (polnear/ for the PolNeAR texts), e.g. ../shared/data",
                           artifact="stance_calibration")


def run(args: argparse.Namespace) -> int:
    return run_training(args, command="stance train calibration", function="stance.training.calibration:train_calibration")
