"""``stance render``: one article's analysis as a self-contained HTML page."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("article", help="a .txt file, or a JSONL/CSV/parquet record file (choose the record with --id; default: the first)")
    p.add_argument("-o", "--output", default="-", help="the HTML file to write (atomically; default: stdout)")
    p.add_argument("--id", default=None, help="the id of the record to render (record files)")
    p.add_argument("--input-format", choices=("auto", "txt", "jsonl", "csv", "parquet"), default="auto", help="input format (default: from the path)")
    p.add_argument("--text-column", default="text", help="field/column holding the text (default text)")
    p.add_argument("--id-column", default="id", help="field/column holding the id (default id)")
    p.add_argument("--title", default=None, help="page title (default: the article's id)")
    p.add_argument("--spacy-model", default=None, help="an installed trained spaCy pipeline to use instead of blank English")
    p.add_argument("--models", default=None, help="models directory (default: the shipped models)")
    p.add_argument("--no-ranker", action="store_true", help="rules alone choose speakers")
    p.add_argument("--no-stance", action="store_true", help="skip the stance classifier (no stances on the page)")
    p.add_argument("--reanalyze", action="store_true", help="analyse the text even when a JSONL record already holds 'quotes' (output of 'stance analyze --include-text')")


class _Fail(Exception):
    pass


def _pick_jsonl(path: str, want: str | None, text_column: str, id_column: str) -> tuple[str | None, str, list | None]:
    """(id, text, quotes or None) of the record with id ``want`` (default: the first record)."""
    seen: list[str] = []
    with open(path, "rb") as f:
        for n, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8-sig"))
            except ValueError as e:
                if want is None:
                    raise _Fail(f"{path}:{n}: malformed JSON: {e}") from e
                continue
            if not isinstance(obj, dict):
                continue
            rid = obj.get(id_column)
            rid = None if rid is None else str(rid)
            if want is not None and rid != want:
                if rid is not None and len(seen) < 5:
                    seen.append(rid)
                continue
            text = obj.get(text_column)
            if not isinstance(text, str):
                raise _Fail(f"{path}:{n}: record has no string {text_column!r} field")
            quotes = obj.get("quotes") if isinstance(obj.get("quotes"), list) else None
            return rid, text, quotes
    if want is None:
        raise _Fail(f"{path}: no records")
    hint = f" (ids include: {', '.join(seen)})" if seen else ""
    raise _Fail(f"{path}: no record with {id_column} {want!r}{hint}")


def _pick_other(args: argparse.Namespace, fmt: str) -> tuple[str | None, str]:
    from stance.io import iter_records

    for r in iter_records(args.article, fmt, text_column=args.text_column, id_column=args.id_column):
        if args.id is not None and fmt != "txt" and r.id != args.id:
            continue
        if r.error is not None:
            raise _Fail(r.error)
        return r.id, r.text  # type: ignore[return-value]
    raise _Fail(f"{args.article}: no record with {args.id_column} {args.id!r}" if args.id else f"{args.article}: no records")


def run(args: argparse.Namespace) -> int:
    from stance.io import atomic_output, detect_format

    fmt = detect_format(args.article) if args.input_format == "auto" else args.input_format
    if fmt == "dir":
        print("stance render: give one article (a .txt file or a record file with --id), not a directory", file=sys.stderr)
        return 2
    quotes: Any = None
    try:
        if fmt == "jsonl":
            if args.article == "-":
                raise _Fail("read JSONL records from a file, not stdin")
            rid, text, quotes = _pick_jsonl(args.article, args.id, args.text_column, args.id_column)
        else:
            rid, text = _pick_other(args, fmt)
    except (_Fail, OSError, ValueError, RuntimeError) as e:
        print(f"stance render: {e}", file=sys.stderr)
        return 2
    from stance.render import render_html
    from stance.types import Analysis

    if quotes is not None and not args.reanalyze:
        try:
            analysis = Analysis.from_dict({"id": rid, "quotes": quotes, "text": text})
        except ValueError as e:
            print(f"stance render: {args.article}: record {rid!r}: {e} (--reanalyze analyses its text instead)",
                  file=sys.stderr)
            return 2
    else:
        import stance

        nlp = stance.load(args.spacy_model, args.models, ranker=not args.no_ranker, stance_model=not args.no_stance)
        analysis = nlp(text, id=rid)
    page = render_html(analysis, text, title=args.title)
    with atomic_output(args.output) as out:
        out.write(page)
    if args.output not in (None, "-"):
        print(f"stance render: wrote {args.output} ({len(analysis.quotes)} quotations)", file=sys.stderr)
    return 0
