"""``stance evaluate quotes``: quote-level speaker stance, on the project's article-level corpus
(``--split``: parties, stance, end to end, calibration) or on the earlier 1,148-item PolNeAR set."""

from __future__ import annotations

import argparse
from typing import Any

from stance.stance_model.speaker_prior import ANALYTIC_NEUTRAL_OFFSET
from stance.cli.options import DEFAULT_STANCE_MODEL, STANCE_MODEL_CHOICES, canonical_stance_model, finite_float, STANCE_MODEL_HELP


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", metavar="DIR", default=None,
                        help="corpus directory holding polnear/ (the PolNeAR article texts; not needed for --split with --source wikinews)")
    parser.add_argument("--split", choices=["train", "dev", "test"], default=None,
                        help="score the article-level corpus data/quote_stance/articles/ (this split): stance macro-F1, per-class "
                             "P/R/F1, confusion, party P/R/F1, end-to-end F1, calibration (ECE); without it, the earlier "
                             "1,148-item PolNeAR set. The test split is for a final figure only, never for a choice")
    parser.add_argument("--source", choices=["all", "wikinews", "polnear"], default="all",
                        help="with --split: which part of the corpus (default: both)")
    parser.add_argument("--labels", metavar="FILE", default=None,
                        help="quote stance labels (default: the shipped data/quote_stance/polnear_train_quote_stance.jsonl)")
    parser.add_argument("--models", metavar="DIR", default=None, help="models directory (default: the shipped models/)")
    parser.add_argument("--model", choices=STANCE_MODEL_CHOICES, default=DEFAULT_STANCE_MODEL,
                        type=canonical_stance_model, help=STANCE_MODEL_HELP)
    parser.add_argument("--analytic-offset", type=finite_float, default=ANALYTIC_NEUTRAL_OFFSET, metavar="X",
                        help="log-odds added to neutral for analytic speakers (default %(default)s; 0 turns it off)")
    parser.add_argument("--no-party-filter", action="store_true",
                        help="keep every proposed target (no trained party filter)")
    parser.add_argument("--no-calibration", action="store_true",
                        help="with --model blended, its raw quotation stance probabilities (without models/stance_calibration's temperatures); the default quote model carries its own temperature")
    parser.add_argument("--plot", metavar="FILE.png", default=None,
                        help="also write a PNG: the reliability diagram with --split, else the confusion matrix")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON instead of a report")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")


def run(args: argparse.Namespace) -> int:
    import sys

    from stance.artifacts import ArtifactError
    from stance.evaluation.quotes import evaluate_quotes, format_report
    from stance.evaluation.stance import plot_confusion, to_json

    if args.split is not None:
        return _run_split(args)
    if args.data is None:
        print("stance evaluate quotes: --data DIR is needed (the folder holding polnear/)", file=sys.stderr)
        return 2
    try:
        # the labels and data are checked before the (slower) pipeline is loaded
        from stance.corpora.polnear import polnear_file
        from stance.corpora.quote_stance import load_quote_labels

        load_quote_labels(args.labels)
        polnear_file(args.data, "train")
        nlp = _pipeline(args)
        r = evaluate_quotes(args.data, args.labels, pipeline=nlp, progress=not args.quiet)
        r.update(_settings(args))
    except (FileNotFoundError, ValueError, ArtifactError, ImportError) as e:
        print(f"stance evaluate quotes: {e}", file=sys.stderr)
        return 2
    if args.plot:
        plot_confusion(dict(r, corpus="quotes", split=""), args.plot)
    print(to_json(r) if args.json else format_report(r))
    return 0


def _run_split(args: argparse.Namespace) -> int:
    import sys

    from stance.artifacts import ArtifactError
    from stance.corpora.quote_corpus import SOURCES, load_quote_corpus
    from stance.evaluation.quote_corpus import evaluate_split, format_report, plot_reliability
    from stance.evaluation.stance import to_json

    if args.labels is not None:
        print("stance evaluate quotes: --labels applies to the 1,148-item set, not to --split", file=sys.stderr)
        return 2
    sources = SOURCES if args.source == "all" else (args.source,)
    try:
        gold = load_quote_corpus(args.split, args.data, sources=sources)  # checked before the pipeline is loaded
        nlp = _pipeline(args)
        r = evaluate_split(args.split, args.data, sources=sources, pipeline=nlp, progress=not args.quiet,
                           gold=gold)
        r.update(_settings(args))
    except (FileNotFoundError, ValueError, ArtifactError, ImportError) as e:
        print(f"stance evaluate quotes: {e}", file=sys.stderr)
        return 2
    if args.plot:
        plot_reliability(r, args.plot)
    print(to_json(r) if args.json else format_report(r))
    return 0


def _pipeline(args: argparse.Namespace) -> Any:
    """The pipeline to score, loaded with the command's model options."""
    from stance import load

    return load(models_dir=args.models, stance_model=args.model, analytic_offset=args.analytic_offset,
                party_filter=not args.no_party_filter, calibration=not args.no_calibration)


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    """The model options, recorded with the scores."""
    return {"model": args.model, "analytic_offset": args.analytic_offset, "calibrated": not args.no_calibration}
