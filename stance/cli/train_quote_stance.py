"""``stance train quote-stance``: fit the default quote-trained stance model (stacked on the blended one) on the article-level corpus."""

from __future__ import annotations

import argparse

from stance.cli.training_options import add_training_arguments, run_training


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_training_arguments(
        parser,
        data_help="corpus directory holding polnear/ (the texts of the corpus's PolNeAR articles) and directed_sentiment/ (dev: scored as sentences, checked against issue 14's floor)",
        artifact="quote_stance",
    )
    parser.add_argument("--models", metavar="DIR", default=None,
                        help="models directory holding the base stance model and the speaker ranker (default: the shipped models)")


def run(args: argparse.Namespace) -> int:
    return run_training(args, command="stance train quote-stance", function="stance.training.quote_stance:train_quote_stance",
                        models_dir=args.models)
