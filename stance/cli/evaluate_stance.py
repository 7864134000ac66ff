"""``stance evaluate stance``: score the stance classifier on a corpus split."""

from __future__ import annotations

import argparse

from stance.cli.options import DEFAULT_STANCE_MODEL, STANCE_MODEL_CHOICES, canonical_stance_model, STANCE_MODEL_HELP

from stance.corpora.sentences import CORPORA


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, metavar="DIR", help="corpus directory")
    parser.add_argument("--corpus", required=True, choices=CORPORA)
    parser.add_argument("--split", required=True, metavar="SPLIT", help="dev_rw | dev_mt (newsmtsc), dev (others)")
    parser.add_argument("--models", metavar="DIR", default=None, help="models directory (default: the shipped models/)")
    parser.add_argument("--model", choices=STANCE_MODEL_CHOICES, default=DEFAULT_STANCE_MODEL,
                        type=canonical_stance_model, help=STANCE_MODEL_HELP)
    parser.add_argument("--plot", metavar="FILE.png", default=None, help="also write the confusion matrix as a PNG")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON instead of a report")
    parser.add_argument("--as-quotations", action="store_true",
                        help="score the sentences as quotations the pipeline found (the source party as the speaker's mention), "
                             "which the quote model scores itself; by default they are sentences, which it hands to the "
                             "model it stacks on")


def run(args: argparse.Namespace) -> int:
    import sys

    from stance.artifacts import ArtifactError
    from stance.evaluation.stance import evaluate_stance, format_report, plot_confusion, to_json

    try:
        r = evaluate_stance(args.data, args.corpus, args.split, models_dir=args.models, kind=args.model,
                            as_quotations=args.as_quotations)
    except (FileNotFoundError, ArtifactError, ImportError) as e:
        print(f"stance evaluate stance: {e}", file=sys.stderr)
        return 2
    if args.plot:
        plot_confusion(r, args.plot)
    print(to_json(r) if args.json else format_report(r))
    return 0
