"""Time ``stance.load()`` in fresh processes: import plus pipeline construction, as a new user's
first call pays it.

    python benchmarks/load_time.py            # 5 fresh processes, prints each and the median
    python benchmarks/load_time.py --runs 9 --json
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

CHILD = (
    "import time; t0 = time.perf_counter(); import stance; nlp = stance.load(); "
    "print(time.perf_counter() - t0)"
)


def measure(runs: int = 5) -> list[float]:
    """Seconds for ``import stance; stance.load()`` in each of ``runs`` new interpreters."""
    out = []
    for _ in range(runs):
        r = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, check=True)
        out.append(float(r.stdout.strip().splitlines()[-1]))
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5, help="fresh processes to time (default 5)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = p.parse_args(argv)
    times = measure(args.runs)
    med = statistics.median(times)
    if args.json:
        print(json.dumps({"runs": [round(t, 3) for t in times], "median": round(med, 3)}))
    else:
        print("stance.load() seconds:", " ".join(f"{t:.3f}" for t in times), f"median {med:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
