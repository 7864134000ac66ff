#!/usr/bin/env python
"""Throughput, stage shares, scaling and memory of the stance pipeline.

Usage::

    python benchmarks/bench.py --corpus ../shared/data/polnear/dev.jsonl   # texts from a JSONL
    python benchmarks/bench.py                                             # a generated corpus
    python benchmarks/bench.py --spacy-model en_core_web_sm                # plus that pipeline alone

Measures, in one run, with ``--repeat`` repetitions (median and range):
- words/s, documents/s and quotations/s of ``Pipeline.pipe`` for n_process 1 and 2;
- each stage's share of the time (tokenize, quotes, attribution, targets, stance);
- references: spaCy's blank English tokenizer alone (the pipeline reads cached token offsets instead), and a
  named trained spaCy pipeline alone when given;
- peak RSS and load time of ``stance.load()`` (in a fresh process);
- scaling: time for 1x, 4x and 16x the corpus.
Prints a table and writes a JSON record (``--json``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

_FIRST = ["Anna", "Marco", "Li", "Omar", "Sofia", "Kwame", "Elena", "Hiro", "Priya", "Jonas", "Amira", "Pedro"]
_LAST = ["Berg", "Santos", "Wei", "Haddad", "Novak", "Mensah", "Petrova", "Tanaka", "Rao", "Keller", "Nasser", "Lima"]
_COUNTRIES = ["France", "Brazil", "Japan", "Kenya", "Canada", "Egypt", "India", "Poland", "Mexico", "Norway"]
_ROLES = ["an analyst at the Center for Policy Studies", "a spokesman for the Foreign Ministry", "a senior official", "head of the Trade Council"]
_VERBS = ["said", "told reporters", "warned", "added", "argued", "insisted"]
_CLAUSES = [
    "the talks with {c} would resume next month",
    "{c} had broken its promises again and again",
    "the new agreement was a good step for both sides",
    "nobody in the government trusted the latest offer from {c}",
    "the sanctions against {c} should be lifted soon",
    "the border incident was a deliberate provocation by {c}",
]
_QUOTES = [
    "We will not accept any threats from {c}, and we will defend ourselves",
    "This is a historic day for our friendship with {c}",
    "The government of {c} has shown it cannot be trusted",
    "We look forward to working closely with {p} on trade",
    "Frankly, the proposal from {c} is simply not serious",
]


def generate_corpus(n_docs: int = 200, seed: int = 0) -> list[str]:
    """Synthetic news articles with direct, indirect and mixed quotations (our own templates)."""
    rng = random.Random(seed)
    docs = []
    for _ in range(n_docs):
        paras = []
        for _ in range(rng.randint(6, 14)):
            p = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
            c = rng.choice(_COUNTRIES)
            kind = rng.random()
            if kind < 0.3:
                paras.append(f"“{rng.choice(_QUOTES).format(c=c, p=p)},” said {p}, {rng.choice(_ROLES)}. “{rng.choice(_QUOTES).format(c=c, p=p)}.”")
            elif kind < 0.6:
                paras.append(f"{p} {rng.choice(_VERBS)} that {rng.choice(_CLAUSES).format(c=c)}. Officials in {c} did not respond.")
            elif kind < 0.75:
                paras.append(f"According to {p}, {rng.choice(_CLAUSES).format(c=c)}.")
            else:
                paras.append(f"The meeting in {c} lasted three hours, and the delegations discussed trade, energy and security issues before a short press conference in the evening.")
        docs.append("\n".join(paras))
    return docs


def load_corpus(path: str | None, limit: int | None) -> tuple[list[str], str]:
    if path is None:
        return generate_corpus(), "generated (200 synthetic articles)"
    p = Path(path)
    texts: list[str] = []
    if p.is_dir():
        texts = [f.read_text(encoding="utf-8") for f in sorted(p.glob("*.txt"))]
    else:
        with open(p, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    texts.append(json.loads(line)["text"])
    if limit:
        texts = texts[:limit]
    return texts, f"{p} ({len(texts)} documents)"


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def timed(fn: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return times, out


def summary(times: list[float], n_words: int, n_docs: int, n_quotes: int | None = None) -> dict[str, Any]:
    med = statistics.median(times)
    d = {
        "seconds_median": med,
        "seconds_min": min(times),
        "seconds_max": max(times),
        "words_per_s": n_words / med,
        "words_per_s_range": [n_words / max(times), n_words / min(times)],
        "docs_per_s": n_docs / med,
    }
    if n_quotes is not None:
        d["quotes_per_s"] = n_quotes / med
    return d


def load_probe(models_dir: str | None) -> dict[str, float]:
    """Load time and peak RSS of ``stance.load()`` in a fresh interpreter."""
    code = (
        "import time, resource, sys\n"
        "t0 = time.perf_counter()\n"
        "import stance\n"
        f"nlp = stance.load(models_dir={models_dir!r})\n"
        "t1 = time.perf_counter()\n"
        "print(t1 - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return {"load_seconds": float(out[0]), "rss_after_load_mb": int(out[1]) / 1024}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", help="a JSONL file with a 'text' field per line, or a directory of .txt files")
    ap.add_argument("--limit", type=int, default=None, help="use at most this many documents")
    ap.add_argument("--repeat", type=int, default=5, help="repetitions per measurement (default 5)")
    ap.add_argument("--spacy-model", default=None, help="also time this installed trained spaCy pipeline alone")
    ap.add_argument("--models", default=None, help="models directory (default: the shipped models)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--no-parallel", action="store_true", help="skip the n_process=2 measurement")
    ap.add_argument("--no-scaling", action="store_true", help="skip the 1x/4x/16x scaling measurement")
    ap.add_argument("--parallel-copies", type=int, default=4, help="corpus copies for the n_process comparison (default 4)")
    ap.add_argument("--scaling-repeat", type=int, default=3, help="runs per size for the scaling measurement (default 3)")
    ap.add_argument("--json", default=None, help="write the JSON record here")
    args = ap.parse_args(argv)

    import resource

    import spacy

    import stance
    from stance.pipeline import STAGES

    texts, source = load_corpus(args.corpus, args.limit)
    n_docs, n_words = len(texts), words(texts)
    record: dict[str, Any] = {
        "corpus": source,
        "documents": n_docs,
        "words": n_words,
        "repeat": args.repeat,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "versions": {"stance": stance.__version__, "spacy": spacy.__version__},
    }
    record["load"] = load_probe(args.models)

    blank = spacy.blank("en")
    for t in texts[:20]:
        blank.make_doc(t)  # warm up
    times, _ = timed(lambda: [blank.make_doc(t) for t in texts], args.repeat)
    record["tokenizer_alone"] = summary(times, n_words, n_docs)

    if args.spacy_model:
        trained = spacy.load(args.spacy_model)
        times, _ = timed(lambda: list(trained.pipe(texts, batch_size=args.batch_size)), max(1, args.repeat // 2))
        record["trained_spacy_alone"] = {"name": args.spacy_model, **summary(times, n_words, n_docs)}

    nlp = stance.load(models_dir=args.models, timings=True)
    list(nlp.pipe(texts[:20]))  # warm up
    nlp.annotator.timings.clear()
    times, out = timed(lambda: list(nlp.pipe(texts, batch_size=args.batch_size)), args.repeat)
    n_quotes = sum(len(a.quotes) for a in out)
    record["quotations"] = n_quotes
    record["pipeline_n1"] = summary(times, n_words, n_docs, n_quotes)
    stage_total = sum(nlp.timings.values())
    record["stage_share"] = {k: nlp.timings.get(k, 0.0) / stage_total for k in STAGES}
    record["ratio_to_tokenizer"] = record["pipeline_n1"]["words_per_s"] / record["tokenizer_alone"]["words_per_s"]

    if not args.no_parallel:
        # on k copies of the corpus (--parallel-copies), so that start-up is amortised as in real runs;
        # n_process 1 and 2 are timed alternately, so that both see the same machine
        big = texts * args.parallel_copies
        t1s, t2s = [], []
        same = True
        for _ in range(max(1, args.repeat // 2 + 1)):
            t, o1 = timed(lambda: [a.to_dict() for a in nlp.pipe(big, batch_size=args.batch_size)], 1)
            t1s += t
            t, o2 = timed(lambda: [a.to_dict() for a in nlp.pipe(big, batch_size=args.batch_size, n_process=2)], 1)
            t2s += t
            same = same and o1 == o2
        nb = n_words * args.parallel_copies
        record["parallel_corpus_copies"] = args.parallel_copies
        record["pipeline_n1_big"] = summary(t1s, nb, n_docs * args.parallel_copies, n_quotes * args.parallel_copies)
        record["pipeline_n2"] = summary(t2s, nb, n_docs * args.parallel_copies, n_quotes * args.parallel_copies)
        record["pipeline_n2"]["same_results_as_n1"] = same
        record["speedup_n2"] = statistics.median(t1s) / statistics.median(t2s)
        del o1, o2

    del out  # results of earlier measurements would only add garbage-collector work below
    import gc

    gc.collect()

    if not args.no_scaling:
        # median and minimum of --scaling-repeat runs per size; the minimum is the run least
        # disturbed by other load on the machine
        # CPU time of this process (process_time): time the hypervisor gives to others is not counted
        scaling: dict[str, Any] = {}
        for k in (1, 4, 16):
            corpus = texts * k
            times = []
            for _ in range(args.scaling_repeat if k > 1 else 2 * args.scaling_repeat + 1):
                t0 = time.process_time()
                sum(1 for _ in nlp.pipe(corpus, batch_size=args.batch_size))
                times.append(time.process_time() - t0)
            scaling[f"{k}x"] = {"median": statistics.median(times), "min": min(times), "max": max(times)}
        scaling["ratio_16x_to_1x_median"] = scaling["16x"]["median"] / scaling["1x"]["median"]
        scaling["ratio_16x_to_1x_min"] = scaling["16x"]["min"] / scaling["1x"]["min"]
        record["scaling"] = scaling

    record["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print_table(record)
    if args.json:
        Path(args.json).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return 0


def print_table(r: dict[str, Any]) -> None:
    print(f"corpus: {r['corpus']}, {r['words']} words, {r['repeat']} repetitions (median [min-max])")
    print(f"{'what':<34}{'words/s':>22}{'docs/s':>10}{'quotes/s':>10}")

    def row(name: str, s: dict[str, Any]) -> None:
        lo, hi = s["words_per_s_range"]
        q = f"{s['quotes_per_s']:.0f}" if "quotes_per_s" in s else "-"
        print(f"{name:<34}{s['words_per_s']:>10.0f} [{lo:.0f}-{hi:.0f}]{s['docs_per_s']:>10.1f}{q:>10}")

    row("spaCy blank tokenizer alone", r["tokenizer_alone"])
    if "trained_spacy_alone" in r:
        row(f"{r['trained_spacy_alone']['name']} alone", r["trained_spacy_alone"])
    row("stance pipeline, n_process=1", r["pipeline_n1"])
    if "pipeline_n2" in r:
        k = r["parallel_corpus_copies"]
        row(f"stance pipeline, n_process=1, {k}x corpus", r["pipeline_n1_big"])
        row(f"stance pipeline, n_process=2, {k}x corpus", r["pipeline_n2"])
        print(f"speed-up n_process=2: {r['speedup_n2']:.2f}x (same results: {r['pipeline_n2']['same_results_as_n1']})")
    print(f"pipeline / tokenizer speed: {r['ratio_to_tokenizer']:.3f}")
    print("stage share: " + ", ".join(f"{k} {v:.1%}" for k, v in r["stage_share"].items()))
    if "scaling" in r:
        s = r["scaling"]
        print(
            "scaling, CPU s (median/min): "
            + ", ".join(f"{k} {s[k]['median']:.2f}/{s[k]['min']:.2f}" for k in ("1x", "4x", "16x"))
            + f"; 16x/1x = {s['ratio_16x_to_1x_median']:.2f} (medians), {s['ratio_16x_to_1x_min']:.2f} (minima)"
        )
    print(f"stance.load(): {r['load']['load_seconds']:.2f}s, RSS after load {r['load']['rss_after_load_mb']:.0f} MB; peak RSS of this run {r['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
