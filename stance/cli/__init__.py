"""The ``stance`` command line.

Each leaf command lives in its own module of :mod:`stance.cli`, which defines
``add_arguments(parser)`` (cheap: no heavy imports) and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

#: (command path, module, one-line help)
COMMANDS: list[tuple[tuple[str, ...], str, str]] = [
    (("analyze",), "stance.cli.analyze", "find quotations, speakers and stances in articles"),
    (("render",), "stance.cli.render", "write an article's analysis as a self-contained HTML page"),
    (("network",), "stance.cli.network", "aggregate analysed articles into a stance network: table, GraphML, plot, HTML report"),
    (("classify",), "stance.cli.classify", "classify stance toward marked targets in sentences (JSONL)"),
    (("train", "speaker-ranker"), "stance.cli.train_speaker_ranker", "train the speaker ranker on PolNeAR"),
    (("train", "attribution"), "stance.cli.train_speaker_ranker", "older name of `stance train speaker-ranker`"),
    (("train", "stance"), "stance.cli.train_stance", "train the stance classifier"),
    (("train", "pronoun-ranker"), "stance.cli.train_pronoun_ranker", "train the ranker of pronoun speakers' antecedents (he/she, it/they/we) on the pronoun set"),
    (("train", "party-filter"), "stance.cli.train_party_filter", "train the party filter on the article-level corpus"),
    (("train", "calibration"), "stance.cli.train_calibration", "fit the temperature calibration of the quotation stances on the article-level corpus"),
    (("train", "quote-stance"), "stance.cli.train_quote_stance", "train the default quote-trained stance model (stacked on the blended one) on the article-level corpus and directed_sentiment train"),
    (("train", "vectors"), "stance.cli.train_vectors", "build the static word-piece vectors of the stance model (needs the [contextual] extra)"),
    (("train", "contextual"), "stance.cli.train_contextual", "fine-tune the optional contextual stance model (needs the [contextual] extra)"),
    (("train", "contextual-quote"), "stance.cli.train_contextual_quote", "fine-tune the contextual stance model further on the article corpus (needs the [contextual] extra)"),
    (("build", "actors"), "stance.cli.build_actors", "compile the Phoenix actor dictionaries into the shipped actor lookup"),
    (("build", "entities"), "stance.cli.build_entities", "compile the entity-type lexicons (given names, places) from their packages"),
    (("distill",), "stance.cli.distill", "label unlabelled news examples with the contextual model (for training the linear one)"),
    (("evaluate", "articles"), "stance.cli.evaluate_articles", "score predictions against gold articles"),
    (("evaluate", "polnear"), "stance.cli.evaluate_polnear", "evaluate attribution on PolNeAR"),
    (("evaluate", "stance"), "stance.cli.evaluate_stance", "evaluate the stance classifier"),
    (("evaluate", "quotes"), "stance.cli.evaluate_quotes", "score the pipeline's quotations, parties and speaker stances on the article-level corpus (--split), or on the earlier PolNeAR quote set"),
    (("artifacts",), "stance.cli.artifacts", "check model artifacts, or export an estimator's inference.npz"),
]


def build_parser() -> argparse.ArgumentParser:
    from stance.version import __version__

    parser = argparse.ArgumentParser(prog="stance", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"stance {__version__}")
    top = parser.add_subparsers(dest="command", metavar="COMMAND")
    top.required = True
    groups: dict[str, argparse._SubParsersAction] = {}
    for path, module_name, help_text in COMMANDS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as e:
            if e.name == module_name:
                continue  # command not built yet
            raise
        if len(path) == 1:
            sub = top.add_parser(path[0], help=help_text, description=help_text)
        else:
            if path[0] not in groups:
                g = top.add_parser(path[0], help=f"{path[0]} commands")
                groups[path[0]] = g.add_subparsers(dest="subcommand", metavar="WHAT")
                groups[path[0]].required = True
            sub = groups[path[0]].add_parser(path[1], help=help_text, description=help_text)
        module.add_arguments(sub)
        sub.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``stance`` console script."""
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:1] == ["train"]:
        from stance.training.blas_kernel import pin_training_kernel

        pin_training_kernel()  # before the commands' modules load numpy
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args._run(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # artifacts and models: a clear message, not a traceback
        from stance.artifacts import ArtifactError

        if isinstance(e, ArtifactError):
            print(f"stance: model artifact refused: {e}", file=sys.stderr)
            return 2
        from stance.text.tokenize import SpacyModelError

        if isinstance(e, SpacyModelError):
            print(f"stance: {e}", file=sys.stderr)
            return 2
        from stance.stance_model.contextual import ContextualDependencyError

        if isinstance(e, ContextualDependencyError):
            print(f"stance: {e}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
