"""``stance classify``: stance toward marked targets, JSONL in, JSONL out.

Each input line is an object shaped like a NewsMTSC record: ``id``, ``text``,
``target{start,end[,text]}`` and optionally ``source_actor{start,end[,text]}`` (or null). Each
output line is ``{"id", "label", "scores": {label: probability}}``, in input order; a line that
cannot be read gives ``{"id", "error"}`` (with ``"line"`` when it has no id) and processing goes
on. The exit status is 1 when any line failed. Output is written to a temporary file and renamed.
"""

from __future__ import annotations

import argparse

from stance.cli.options import DEFAULT_STANCE_MODEL, STANCE_MODEL_CHOICES, canonical_stance_model, int_at_least, STANCE_MODEL_HELP


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="INPUT.jsonl", help="JSONL of {id, text, target: {start, end[, text]}[, source_actor: {start, end} or null]}, character offsets into text ('-' for stdin)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.jsonl", help="output JSONL")
    parser.add_argument("--models", metavar="DIR", default=None, help="models directory (default: the shipped models/)")
    parser.add_argument("--model", choices=STANCE_MODEL_CHOICES, default=DEFAULT_STANCE_MODEL,
                        type=canonical_stance_model, help=STANCE_MODEL_HELP)
    parser.add_argument("--batch-size", type=int_at_least(1), default=2048, help="targets per vectorised call (default 2048)")
    parser.add_argument("--as-quotations", action="store_true",
                        help="score each line as a quotation the pipeline found (the source actor as the speaker's mention), "
                             "which the quote model scores itself; by default a line is a sentence, which the quote model "
                             "hands to the model it stacks on (blended), trained on sentence corpora")


def _parse(line: str, lineno: int, as_quotations: bool = False):  # -> (id, example | None, error | None)
    import json

    from stance.stance_model.classifier import StanceExample
    from stance.stance_model.quote_scorer import QUOTATION_CORPUS, sentence_example

    rid = None
    try:
        d = json.loads(line)
    except ValueError as e:
        return None, None, f"invalid JSON: {e}"
    if not isinstance(d, dict):
        return None, None, "line is not a JSON object"
    rid = d.get("id")
    try:
        if "text" not in d or "target" not in d:
            raise ValueError("needs 'text' and 'target'")
        t = d["target"]
        if not isinstance(t, dict) or "start" not in t or "end" not in t:
            raise ValueError("'target' needs 'start' and 'end'")
        ex = StanceExample.from_record(d, corpus=QUOTATION_CORPUS) if as_quotations else sentence_example(d)
        if ex.target_end <= ex.target_start:
            raise ValueError("empty target span")
        tt = t.get("text")
        if isinstance(tt, str) and ex.text[ex.target_start:ex.target_end] != tt:
            raise ValueError(f"target text {tt!r} does not match text[{ex.target_start}:{ex.target_end}]")
    except (KeyError, TypeError, ValueError) as e:
        return rid, None, f"{type(e).__name__}: {e}" if isinstance(e, KeyError) else str(e)
    return rid, ex, None


def run(args: argparse.Namespace) -> int:
    import json
    import os
    import sys
    import tempfile
    from pathlib import Path

    from stance.artifacts import ArtifactError
    from stance.loader import load_stance_model

    try:
        model = load_stance_model(args.models, kind=args.model)
    except (ArtifactError, ImportError) as e:
        print(f"stance classify: {e}", file=sys.stderr)
        return 2
    classes = [str(c) for c in model.classes_]
    try:
        src = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")
    except OSError as e:
        print(f"stance classify: {e}", file=sys.stderr)
        return 2

    out_path = Path(args.output)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out_path.parent, prefix=out_path.name + ".", suffix=".tmp")
    failed = 0
    total = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out, src:
            pending: list[tuple[int, object, object, str | None]] = []  # (lineno, id, example, error)

            def flush() -> None:
                nonlocal failed
                exs = [p[2] for p in pending if p[2] is not None]
                proba = model.predict_proba(exs) if exs else []
                k = 0
                for lineno, rid, ex, err in pending:
                    if ex is None:
                        failed += 1
                        rec = {"id": rid, "error": err}
                        if rid is None:
                            rec["line"] = lineno
                    else:
                        row = proba[k]
                        k += 1
                        best = max(range(len(classes)), key=lambda i: row[i])
                        rec = {"id": rid, "label": classes[best],
                               "scores": {c: round(float(row[i]), 6) for i, c in enumerate(classes)}}
                    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                pending.clear()

            for lineno, line in enumerate(src, 1):
                if not line.strip():
                    continue
                total += 1
                rid, ex, err = _parse(line, lineno, args.as_quotations)
                pending.append((lineno, rid, ex, err))
                if len(pending) >= max(1, args.batch_size):
                    flush()
            flush()
        os.replace(tmp, out_path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    if failed:
        print(f"stance classify: {failed} of {total} lines failed (see 'error' in {out_path})", file=sys.stderr)
        return 1
    return 0
