#!/usr/bin/env python
"""Time and peak memory of ``stance.network`` on synthetic analyses with 1,000,000 quotation rows.

Usage::

    python benchmarks/network_bench.py --json benchmarks/results_network_1m.json
    python benchmarks/network_bench.py --rows 100000            # smaller
    python benchmarks/network_bench.py --jsonl /tmp/net_bench.jsonl   # also through a JSONL file

Each configuration runs in a fresh process pinned to one CPU (``--cpu``): the synthetic analyses
(dicts shaped like ``stance analyze`` JSONL lines: 5 quotations of one stance each per article,
2,000 speakers of 60 affiliations, 400 targets, dates over two years; seeded) are generated
lazily and streamed into ``stance.network``, so the rows are never all in memory. Measured: wall
and CPU time of the aggregation (generation included), peak RSS (psutil sampling every 20 ms,
and the kernel's ``ru_maxrss``), edges. With ``--jsonl`` the analyses are first written to that
file and the file path is given to ``stance.network`` (JSON parsing included). Writes a JSON record.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import threading
import time
from typing import Any, Iterator

ROWS_PER_ARTICLE = 5
LABELS = ("hostile", "neutral", "conciliatory")
CONFIGS = [
    {"by": "speaker"},
    {"by": "affiliation"},
    {"by": "speaker", "freq": "M"},
]


def synthetic(rows: int, seed: int = 0) -> Iterator[dict[str, Any]]:
    """Analyses (dicts) with ``rows`` quotation x target rows in all."""
    rng = random.Random(seed)
    affs = [f"Country {i}" for i in range(60)]
    speakers = [(f"Speaker {i}", affs[i % 60] if i % 3 else None) for i in range(2000)]
    targets = [f"Party {i}" for i in range(400)]
    for a in range((rows + ROWS_PER_ARTICLE - 1) // ROWS_PER_ARTICLE):
        quotes = []
        day = 1 + a % 730
        for k in range(min(ROWS_PER_ARTICLE, rows - a * ROWS_PER_ARTICLE)):
            name, aff = speakers[int(rng.paretovariate(1.2)) % 2000]
            h = rng.random()
            c = rng.random() * (1 - h)
            scores = {"hostile": round(h, 4), "neutral": round(1 - h - c, 4), "conciliatory": round(c, 4)}
            quotes.append({
                "quote": {"start": 100 * k, "end": 100 * k + 60, "text": f"quotation {k} of article {a}"},
                "kind": "direct", "cue": None,
                "speaker": {"name": name, "mention": None, "type": "person"},
                "role": None, "affiliation": aff, "confidence": 1.0,
                "stances": [{"target": targets[int(rng.paretovariate(1.1)) % 400], "label": max(scores, key=scores.get), "scores": scores}],
            })
        yield {"id": f"a{a}", "date": f"{2015 + day // 365}-{1 + (day % 365) // 31:02d}-{1 + day % 28:02d}", "quotes": quotes}


def _child(rows: int, config: dict[str, Any], jsonl: str | None) -> dict[str, Any]:
    import psutil

    import stance

    proc = psutil.Process()
    rss0 = proc.memory_info().rss
    peak = [rss0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], proc.memory_info().rss)
            time.sleep(0.02)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    c0, w0 = time.process_time(), time.perf_counter()
    df = stance.network(jsonl if jsonl else synthetic(rows), **config)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    stop.set()
    t.join()
    s = df.attrs["summary"]
    return {"config": config, "input": "jsonl" if jsonl else "generator", "rows": s["stances"], "articles": s["analyses"],
            "edges": len(df), "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "peak_rss_mb": round(max(peak[0], proc.memory_info().rss) / 2**20, 1),
            "ru_maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "rss_before_mb": round(rss0 / 2**20, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--cpu", type=int, default=0, help="the CPU to pin each run to (-1: no pinning)")
    ap.add_argument("--jsonl", default=None, help="also run from this JSONL file (written first)")
    ap.add_argument("--json", default=None, help="write the record here")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        if args.cpu >= 0 and hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {args.cpu})
        spec = json.loads(args.child)
        print(json.dumps(_child(args.rows, spec["config"], spec.get("jsonl"))))
        return 0
    runs = [{"config": c} for c in CONFIGS]
    if args.jsonl:
        with open(args.jsonl, "w", encoding="utf-8") as f:
            for a in synthetic(args.rows):
                f.write(json.dumps(a) + "\n")
        runs.append({"config": {"by": "speaker"}, "jsonl": args.jsonl})
    results = []
    for spec in runs:
        out = subprocess.run([sys.executable, __file__, "--rows", str(args.rows), "--cpu", str(args.cpu), "--child", json.dumps(spec)],
                             check=True, capture_output=True, text=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        results.append(r)
        print(f"{r['input']:9} {json.dumps(r['config']):38} rows {r['rows']:>9,}  edges {r['edges']:>7,}  "
              f"wall {r['wall_s']:6.2f} s  cpu {r['cpu_s']:6.2f} s  peak RSS {r['peak_rss_mb']:7.1f} MB (ru_maxrss {r['ru_maxrss_mb']:.1f})")
    record = {"benchmark": "stance.network", "rows": args.rows, "pinned_cpu": args.cpu, "python": platform.python_version(),
              "machine": platform.machine(), "cpus": os.cpu_count(), "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
              "results": results}
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(record, f, indent=2)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
