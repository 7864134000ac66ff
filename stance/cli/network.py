"""``stance network``: the stance network of analysed articles as a table, GraphML, PNG and HTML page."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from stance.cli.options import int_at_least, progress_line


def add_arguments(p: argparse.ArgumentParser) -> None:
    from stance.network.defaults import (BY, BY_OPTIONS, DATE_FIELD, EXAMPLES, FREQS, INTERVAL, INTERVALS,
                                         LINK_TEMPLATE, MIN_QUOTES, TOP, TOP_EDGES)

    p.add_argument("input", nargs="+", help="JSONL file(s) written by 'stance analyze' (with --keep-fields date for dates)")
    p.add_argument("-o", "--output", default=None, help="the edge table: FILE.csv or FILE.parquet (default: CSV on stdout unless --graphml/--plot/--html is given)")
    p.add_argument("--by", choices=BY_OPTIONS, default=BY, help="sources: each speaker, or the state/organisation they speak for (default %(default)s)")
    p.add_argument("--freq", choices=FREQS, default=None, help="one row per week, month or year (default: the whole period)")
    p.add_argument("--since", default=None, metavar="DATE", help="leave out articles dated before DATE (YYYY-MM-DD)")
    p.add_argument("--until", default=None, metavar="DATE", help="leave out articles dated after DATE (YYYY-MM-DD)")
    p.add_argument("--min-quotes", type=int_at_least(1), default=MIN_QUOTES, metavar="N", help="leave out edges backed by fewer than N quotations (default %(default)s)")
    p.add_argument("--date-field", default=DATE_FIELD, help="the field holding each article's date (default %(default)s)")
    p.add_argument("--examples", type=int_at_least(0), default=EXAMPLES, metavar="K", help="example quotations per edge (default %(default)s)")
    p.add_argument("--interval", choices=INTERVALS, default=INTERVAL, help="confidence interval of the stance score (default %(default)s)")
    p.add_argument("--no-self-loops", action="store_true", help="leave out stances of a source toward itself (counted)")
    p.add_argument("--groups-only", action="store_true", help="keep only edges between states/organisations (with --by affiliation: the state-to-state network)")
    p.add_argument("--graphml", default=None, metavar="FILE", help="also write the network as GraphML")
    p.add_argument("--plot", default=None, metavar="FILE.png", help="also write a heatmap of the top sources x targets and a network drawing")
    p.add_argument("--html", default=None, metavar="FILE", help="also write a self-contained HTML report page")
    p.add_argument("--top", type=int_at_least(1), default=TOP, metavar="N", help="sources/targets in the heatmap and nodes in the drawing (default %(default)s)")
    p.add_argument("--top-edges", type=int_at_least(1), default=TOP_EDGES, metavar="N", help="rows of the report's top edges table (default %(default)s)")
    p.add_argument("--link-template", default=LINK_TEMPLATE, help="link of an example quotation in the report, with {id} {start} {end} (default %(default)s)")
    p.add_argument("--title", default=None, help="title of the plot and report")
    p.add_argument("--summary", default=None, metavar="FILE.json", help="also write the run summary (counts) as JSON")
    p.add_argument("--progress", choices=("auto", "always", "never"), default="auto", help="progress on stderr (auto: when stderr is a terminal)")


def _report_summary(summary: dict[str, Any]) -> None:
    from stance.network.aggregate import SUMMARY

    parts = [f"{summary['records']} records", f"{summary['analyses']} analyses", f"{summary['quotes']} quotations",
             f"{summary['stances']} stances", f"{summary['edges']} edges"]
    print("stance network: " + ", ".join(parts), file=sys.stderr)
    for key, what in SUMMARY.items():
        if key in ("records", "analyses", "quotes", "stances", "edges"):
            continue
        if summary.get(key):
            print(f"stance network:   {summary[key]} {what}", file=sys.stderr)
    for e in summary.get("error_examples") or ():
        print(f"stance network:   error: {e}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from stance.network import network
    from stance.network.aggregate import Aggregator
    from stance.network.outputs import table_format

    for path in args.input:
        if path == "-" or not Path(path).is_file():
            print(f"stance network: {path}: no such file (give JSONL files written by 'stance analyze')", file=sys.stderr)
            return 2
    try:
        if args.output is not None:
            table_format(args.output)
        Aggregator(args.by, freq=args.freq, since=args.since, until=args.until)  # checks the dates
    except ValueError as e:
        print(f"stance network: {e}", file=sys.stderr)
        return 2
    for opt in ("output", "graphml", "plot", "html", "summary"):
        value = getattr(args, opt)
        if value not in (None, "-") and Path(value).is_dir():
            print(f"stance network: {value} is a directory; --{opt} needs a file name", file=sys.stderr)
            return 2
    try:
        args.link_template.format(id="x", start=0, end=1)
    except (KeyError, IndexError, ValueError) as e:
        print(f"stance network: bad --link-template {args.link_template!r}: {e!r}", file=sys.stderr)
        return 2
    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    tick = progress_line(show, "read {n} analyses ({rate:.0f}/s)")
    df = network(args.input, by=args.by, min_quotes=args.min_quotes, since=args.since, until=args.until,
                 freq=args.freq, date_field=args.date_field, examples=args.examples,
                 self_loops=not args.no_self_loops, interval=args.interval, groups_only=args.groups_only,
                 progress=tick)
    tick(final=True)
    summary = df.attrs["summary"]
    try:
        from stance.network.outputs import write_table

        if args.output is not None or not (args.graphml or args.plot or args.html):
            write_table(df, args.output or "-")
        if args.graphml:
            from stance.network.graphml import write_graphml

            write_graphml(df, args.graphml)
        if args.plot:
            from stance.network.plot import save_plot

            save_plot(df, args.plot, top=args.top, title=args.title)
        if args.html:
            from stance.io import atomic_output
            from stance.network.report import render_report

            page = render_report(df, title=args.title, top=args.top, top_edges=args.top_edges,
                                 link_template=args.link_template, inputs=[Path(p).name for p in args.input])
            with atomic_output(args.html) as out:
                out.write(page)
        if args.summary:
            from stance.io import atomic_output

            with atomic_output(args.summary) as out:
                out.write(json.dumps({"summary": summary, "options": df.attrs.get("options")}, indent=2, ensure_ascii=False) + "\n")
    except BrokenPipeError:
        raise
    except OSError as e:
        print(f"stance network: {e}", file=sys.stderr)
        return 2
    _report_summary(summary)
    return 0
