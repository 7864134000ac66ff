"""Write every output a refactoring must leave unchanged, to compare two states of the code.

    python benchmarks/check_identical.py --data ../shared/data --out /tmp/before
    ... change the code ...
    python benchmarks/check_identical.py --data ../shared/data --out /tmp/after
    diff -r /tmp/before /tmp/after && echo identical

Files written to ``--out`` (no corpus text: each analysis is written without its text):

* ``seed.jsonl``: ``Analysis.to_dict()`` of the reference article in ``seeds/``;
* ``polnear_dev.jsonl``: one analysis per PolNeAR dev article;
* ``quote_set.jsonl``: one analysis per article of the quote-level set (``data/quote_stance``);
* ``polnear_train.jsonl``: one analysis per PolNeAR train article;
* ``wikinews.jsonl``: one analysis per article of ``wikinews/articles.jsonl``, with its date;
* ``evaluate_quotes.json``, ``evaluate_polnear_dev.json``, ``evaluate_stance_*.json``: the
  ``--json`` output of the ``stance evaluate`` commands, without wall-clock fields.

Only the public API (``stance.load``) and the command line are used, so the script runs unchanged
on any layout of the package.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: keys whose values are wall-clock measurements, not outputs
TIMING_WORDS = ("second", "per_s", "time", "speed", "cpu", "wps")


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _strip_timing(x):
    if isinstance(x, dict):
        return {k: _strip_timing(v) for k, v in x.items() if not any(w in k.lower() for w in TIMING_WORDS)}
    if isinstance(x, list):
        return [_strip_timing(v) for v in x]
    return x


def _write_analyses(nlp, docs: list[tuple], path: Path) -> None:
    """``docs``: ``(id, text)`` or ``(id, text, date)`` each."""
    with path.open("w", encoding="utf-8") as f:
        for a in nlp.pipe([(d[1], d[0], *d[2:]) for d in docs], as_tuples=True):
            f.write(json.dumps(a.to_dict(), sort_keys=True, ensure_ascii=False) + "\n")


def _stance_cli(args: list[str]) -> dict:
    cmd = [sys.executable, "-m", "stance.cli", *args, "--json"]
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
    return _strip_timing(json.loads(run.stdout))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", required=True, help="corpus directory (../shared/data)")
    p.add_argument("--out", required=True, help="output directory")
    args = p.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    data = Path(args.data).resolve()

    import stance

    nlp = stance.load()
    seed = sorted((ROOT / "seeds").glob("*.txt"))
    _write_analyses(nlp, [(s.stem, s.read_text(encoding="utf-8")) for s in seed], out / "seed.jsonl")
    dev = _read_jsonl(data / "polnear" / "dev.jsonl")
    _write_analyses(nlp, [(d["doc_id"], d["text"]) for d in dev], out / "polnear_dev.jsonl")
    wanted = sorted({r["doc_id"] for r in _read_jsonl(ROOT / "data" / "quote_stance" / "polnear_train_quote_stance.jsonl")})
    train = {d["doc_id"]: d["text"] for d in _read_jsonl(data / "polnear" / "train.jsonl") if d["doc_id"] in set(wanted)}
    _write_analyses(nlp, [(k, train[k]) for k in wanted], out / "quote_set.jsonl")
    _write_analyses(nlp, [(d["doc_id"], d["text"]) for d in _read_jsonl(data / "polnear" / "train.jsonl")], out / "polnear_train.jsonl")
    _write_analyses(nlp, [(d["id"], d["text"], d.get("date")) for d in _read_jsonl(data / "wikinews" / "articles.jsonl")],
                    out / "wikinews.jsonl")

    d = str(data)
    results = {
        "evaluate_quotes.json": ["evaluate", "quotes", "--data", d, "--quiet"],
        "evaluate_polnear_dev.json": ["evaluate", "polnear", "--data", d, "--split", "dev"],
        "evaluate_stance_directed_sentiment_dev.json": ["evaluate", "stance", "--data", d, "--corpus", "directed_sentiment", "--split", "dev"],
        "evaluate_stance_newsmtsc_dev_rw.json": ["evaluate", "stance", "--data", d, "--corpus", "newsmtsc", "--split", "dev_rw"],
    }
    for name, cli_args in results.items():
        (out / name).write_text(json.dumps(_stance_cli(cli_args), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(list(out.iterdir()))} files to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
