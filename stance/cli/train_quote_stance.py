"""``stance train quote-stance``: fit the default quote-trained stance model (stacked on the blended one) on the article-level corpus, with directed_sentiment train as auxiliary examples."""

from __future__ import annotations

import argparse

from stance.cli.training_options import add_training_arguments, run_training


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_training_arguments(
        parser,
        data_help="corpus directory holding polnear/ (the texts of the corpus's PolNeAR articles) and directed_sentiment/ (train: auxiliary examples; dev: the floor of the setting's choice)",
        artifact="quote_stance",
    )
    parser.add_argument("--models", metavar="DIR", default=None,
                        help="models directory holding the base stance model and the speaker ranker (default: the shipped models)")
    g = parser.add_mutually_exclusive_group()
    g.add_argument("--teacher-labels", metavar="FILE.npz", default=None,
                   help="teacher-labelled quotation examples written by `stance distill --quotes` "
                        "(default: data/distill/quote_teacher_labels.npz when present)")
    g.add_argument("--no-teacher", action="store_true", help="no teacher-labelled quotation examples")


def run(args: argparse.Namespace) -> int:
    return run_training(args, command="stance train quote-stance", function="stance.training.quote_stance:train_quote_stance",
                        models_dir=args.models, teacher_labels=False if args.no_teacher else args.teacher_labels)
