"""``stance analyze``: quotations, speakers and stances of articles, as JSONL or a table."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
from pathlib import Path
from typing import Any, Iterator

from stance.defaults import CONTEXTUAL_STANCE_MODELS
from stance.stance_model.speaker_prior import ANALYTIC_NEUTRAL_OFFSET
from stance.cli.options import DEFAULT_STANCE_MODEL, STANCE_MODEL_CHOICES, canonical_stance_model, finite_float, int_at_least, progress_line, STANCE_MODEL_HELP


def _dumps(obj: Any) -> str:
    """One JSON line that any UTF-8 stream can take: lone surrogates (a JSONL input may hold
    ``"\\ud800"``) are written as JSON escapes instead of failing the write."""
    line = json.dumps(obj, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(obj, ensure_ascii=True)
    return line


def _encodable(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


@contextlib.contextmanager
def _sigterm_exits() -> Iterator[None]:
    """Turn SIGTERM into ``SystemExit(143)`` so that cleanup (the atomic output's temporary file,
    worker processes) runs as it does for Ctrl-C, instead of the process dying on the spot."""

    def handler(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", nargs="?", default="-", help="a .txt file, a directory of .txt files, a JSONL/CSV/parquet file, or - for stdin (default)")
    p.add_argument("-o", "--output", default=None, help="write here (atomically) instead of stdout")
    p.add_argument("--format", choices=("jsonl", "table"), default="jsonl", help="output format (default jsonl)")
    p.add_argument("--input-format", choices=("auto", "txt", "dir", "jsonl", "csv", "parquet"), default="auto", help="input format (default: from the path)")
    p.add_argument("--text-column", default="text", help="field/column holding the text (default text)")
    p.add_argument("--id-column", default="id", help="field/column holding the id (default id)")
    p.add_argument("--spacy-model", default=None, help="an installed trained spaCy pipeline to use instead of blank English")
    p.add_argument("--models", default=None, help="models directory (default: the shipped models)")
    p.add_argument("--no-ranker", action="store_true", help="rules alone choose speakers")
    p.add_argument("--no-party-filter", action="store_true", help="keep every proposed target (no trained party filter)")
    p.add_argument("--no-stance", action="store_true", help="skip the stance classifier (no stances in the output)")
    p.add_argument("--stance-model", choices=STANCE_MODEL_CHOICES, default=DEFAULT_STANCE_MODEL,
                   type=canonical_stance_model, help=STANCE_MODEL_HELP)
    p.add_argument("--analytic-offset", type=finite_float, default=ANALYTIC_NEUTRAL_OFFSET, metavar="X",
                   help="log-odds added to neutral for analysts, pollsters, professors... (default %(default)s; 0: the model's own probabilities)")
    p.add_argument("--no-calibration", action="store_true",
                   help="with --stance-model blended, its raw quotation stance probabilities (without models/stance_calibration's temperatures; labels are the same); the default quote model carries its own temperature, fitted at training")
    p.add_argument("--no-actor-lookup", action="store_true",
                   help="no affiliations or roles from the shipped knowledge of political actors (only what the article says)")
    p.add_argument("--include-text", action="store_true", help="include each article's text in the JSONL output")
    p.add_argument("--keep-fields", default="", metavar="F1,F2",
                   help="comma-separated input fields/columns (JSONL/CSV/parquet) copied into each output line after the id, e.g. date (for stance network)")
    p.add_argument("--date-field", default="date", metavar="F",
                   help="field/column holding each article's publication date (YYYY-MM-DD), passed to the actor lookup "
                        "so that office holders are those of that day (default date; records without it: the date the "
                        "text's first line gives, else each actor's latest office; '' to ignore)")
    p.add_argument("--batch-size", type=int_at_least(1), default=64,
                   help="articles analysed together; their stances are scored in one call (default 64)")
    p.add_argument("--n-process", type=int_at_least(1), default=1,
                   help="worker processes, each loading the pipeline once (default 1; the contextual models need 1)")
    p.add_argument("--progress", choices=("auto", "always", "never"), default="auto", help="progress on stderr (auto: when stderr is a terminal)")


def format_table(analysis: Any, width: int = 60) -> str:
    """A readable table: speaker | role, affiliation | quote excerpt | stance per target."""
    rows = [("speaker", "role, affiliation", "kind", "quote", "stances")]
    for q in analysis.quotes:
        sp = q.speaker.name if q.speaker else "?"
        ra = ", ".join(x for x in (q.role, q.affiliation) if x) or "-"
        text = " ".join(q.quote.text.split())
        excerpt = text if len(text) <= width else text[: width - 1] + "…"
        st = "; ".join(f"{s.target}: {s.label} {max(s.scores.values()) if s.scores else 0:.2f}" for s in q.stances) or "-"
        rows.append((sp, ra, q.kind, excerpt, st))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for k, r in enumerate(rows):
        lines.append(" | ".join(r[i].ljust(widths[i]) for i in range(4)) + " | " + r[4])
        if k == 0:
            lines.append("-+-".join("-" * w for w in widths) + "-+-" + "-" * 7)
    head = f"# {analysis.id}: {len(analysis.quotes)} quotations" if analysis.id else f"# {len(analysis.quotes)} quotations"
    return head + "\n" + "\n".join(lines) + "\n"


_RESERVED = ("id", "quotes", "text", "error")


def _keep_fields(spec: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(f.strip() for f in (spec or "").split(",") if f.strip()))
    clash = [f for f in names if f in _RESERVED]
    if clash:
        raise ValueError(f"--keep-fields cannot copy {', '.join(map(repr, clash))}: the output line has its own")
    return names


def _with_fields(d: dict[str, Any], fields: dict[str, Any] | None) -> dict[str, Any]:
    """``d`` with the kept input fields inserted after its id (output shape otherwise unchanged)."""
    if not fields:
        return d
    out = {"id": d.get("id")}
    out.update(fields)
    out.update((k, v) for k, v in d.items() if k != "id")
    return out


def run(args: argparse.Namespace) -> int:
    import stance
    from stance.io import Record, atomic_output, iter_records
    from stance.pipeline import AnalysisError

    try:
        keep = _keep_fields(getattr(args, "keep_fields", ""))
        date_field = getattr(args, "date_field", "") or ""
        read = keep + ((date_field,) if date_field and date_field not in keep else ())
        records = iter_records(args.input, args.input_format, text_column=args.text_column, id_column=args.id_column, keep_fields=read)
        first = next(records, None)
    except (OSError, ValueError, RuntimeError) as e:
        print(f"stance analyze: {e}", file=sys.stderr)
        return 2
    if args.output not in (None, "-") and Path(args.output).is_dir():
        print(f"stance analyze: {args.output} is a directory; -o needs a file name", file=sys.stderr)
        return 2
    if args.n_process > 1 and not args.no_stance and args.stance_model in CONTEXTUAL_STANCE_MODELS:
        print(f"stance analyze: --stance-model {args.stance_model} runs in one process; drop --n-process", file=sys.stderr)
        return 2
    nlp = stance.load(args.spacy_model, args.models, ranker=not args.no_ranker,
                      stance_model=False if args.no_stance else args.stance_model, analytic_offset=args.analytic_offset,
                      party_filter=not args.no_party_filter, actor_lookup=not args.no_actor_lookup,
                      calibration=not args.no_calibration)

    def chained() -> Iterator[Any]:
        if first is not None:
            yield first
            yield from records

    recs = list(chained()) if args.n_process > 1 else chained()
    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty() and args.input not in ("-",) and args.input_format != "txt")
    tick = progress_line(show, "analyzed {n} documents ({rate:.1f}/s)")
    failed = 0
    n = 0
    pending_errors: dict[int, Any] = {}

    def good_items() -> Iterator[tuple[str, Any]]:
        for k, r in enumerate(recs):
            fields = {f: v for f, v in (r.fields or {}).items() if f in keep} if r.fields is not None else None
            if r.error is not None:
                pending_errors[k] = Record(r.id, r.text, r.error, r.line, fields)
                continue
            day = (r.fields or {}).get(date_field) if date_field else None
            if isinstance(day, float) and day != day:
                day = None  # a missing parquet value (NaN)
            elif day is not None and not isinstance(day, str):
                day = str(day)  # a parquet/CSV date or timestamp: its ISO form
            if isinstance(day, str) and not day.strip():
                day = None  # an empty CSV cell or "": no date, as without the field
            yield r.text, (k, r.id, fields), day

    try:
        with _sigterm_exits(), atomic_output(args.output) as out:
            def emit(obj: Any, fields: dict[str, Any] | None = None) -> None:
                nonlocal failed, n
                n += 1
                if isinstance(obj, dict):
                    failed += 1
                    out.write(_dumps(_with_fields(obj, fields)) + "\n")
                elif isinstance(obj, AnalysisError):
                    failed += 1
                    out.write(_dumps(_with_fields(obj.to_dict(), fields)) + "\n")
                elif args.format == "table":
                    out.write(_encodable(format_table(obj)) + "\n")
                else:
                    out.write(_dumps(_with_fields(obj.to_dict(include_text=args.include_text), fields)) + "\n")
                tick()

            expected = 0
            results = nlp.pipe(good_items(), as_tuples=True, batch_size=args.batch_size, n_process=args.n_process, errors="return")
            for res in results:
                k, rid, fields = res.id
                while expected in pending_errors or expected < k:
                    if expected in pending_errors:
                        r = pending_errors.pop(expected)
                        emit({"id": r.error_id(), "error": r.error}, r.fields)
                    expected += 1
                if isinstance(res, AnalysisError):
                    emit({"id": rid if rid is not None else f"record {k + 1}", "error": res.error}, fields)
                else:
                    emit(type(res)(rid, res.quotes, res.text), fields)
                expected = k + 1
            for k in sorted(pending_errors):
                r = pending_errors[k]
                emit({"id": r.error_id(), "error": r.error}, r.fields)
    except BrokenPipeError:
        raise  # `stance analyze ... | head`: the CLI exits quietly
    except OSError as e:  # the output cannot be written (a directory, no permission, disk full)
        print(f"stance analyze: {e}", file=sys.stderr)
        return 2
    tick(final=True)
    if n == 0:
        where = "stdin" if args.input in (None, "-") else args.input
        print(f"stance analyze: warning: no records in {where}", file=sys.stderr)
    if failed:
        print(f"stance analyze: {failed} of {n} records failed", file=sys.stderr)
        return 1
    return 0
