"""Ablation of the default stance stack on the article-level corpus's dev split (issue 14, item 4).

Every row changes one piece of today's stance stack and scores the pipeline's stances over the
matched parties, as ``stance evaluate quotes --split dev`` does (same matching, same metrics):
macro-F1, hostile / conciliatory recall and ECE, with a paired bootstrap over articles (``--n``
resamples, seed 0) of the difference to the full stack (95 % percentile interval).

The pipeline's rules (quotations, speakers, parties, party filter) run once per article
(:meth:`stance.pipeline.Annotator.prepare`); each row then re-runs only the stance stage
(:meth:`~stance.pipeline.Annotator.finish`) with its stance model, analytic offset and
calibration, so the parties are the same in every row. The rows depend on the default stance
model (``stance.defaults.DEFAULT_STANCE_MODEL``).

When the default is the quote-trained model (``"quote"``, ``models/quote_stance``), each of its
pieces is taken out by refitting it on its training data with the shipped parameters otherwise
(:data:`QUOTE_REFITS`; ~1 min each, cached in ``--cache``), keeping the shipped temperature:

- ``all pieces, refitted on today's pipeline``: no change: the shipped recipe refitted on the
  examples today's pipeline builds (the shipped model was fitted on an earlier pipeline's), the
  reference that separates a piece's effect from the refit's;
  (earlier tables also had ``no teacher labels`` and ``no directed_sentiment auxiliary
  sentences``: quote-stance 4.6.0 weighted those rows 0 and 4.7.0 removed them from the recipe);
- ``no base-model columns``: lexical features only (no proxy-trained model at all; the relation
  features left the default in quote-stance 4.5.0, after this ablation's 4.4.0 table);
- ``no frame-verb prior``, ``no article mix``, ``no side prior``, ``no ally prior``: the
  pipeline's steps after the model, each turned off alone (the annotator's ``frame_offset``,
  ``article_mix``, ``side_offset`` 0, ``ally_offsets`` (0, 0));
- ``no temperature``: the shipped model with temperature 1 (only ECE moves);

and one row that is not an ablation, ``blended model alone (the previous default)``: the model the
quote model stacks on, as the pipeline ran it when it was the default (no class offsets, its
shipped calibration).

When the default is the blended model (``"blended"``), the rows take out its pieces:

- ``no network blend``: the shipped scorer without its target network (``net=None``; the
  ``nosrc`` head's blend and its blend bias go with it);
- ``network without static vectors``: the network kept, but its folded static-vector table (one
  48-d row per word piece) replaced by the table's mean row, so it sees only positions, markers and
  flags: an inference-time knock-out (the network is not retrained: that needs PyTorch);
- ``no pseudo-labels (linear heads retrained)``: the linear heads refitted with the shipped
  parameters on NewsMTSC + directed_sentiment ``train`` only (``stance train stance --no-distill``
  minus the network training), the shipped network blended in unchanged (it was itself trained
  with the pseudo-labels; retraining it needs PyTorch). Fitted once (~1 min) and cached in
  ``--cache``;
- ``no pseudo-labels, no network``: the same retrained heads without the network: the model
  contains no teacher label and no static vector;
- ``no analytic-speaker prior``: ``analytic_offset=0``;
- ``with the class offsets (sentence setting)``: the scorer as sentence scoring uses it, with the
  ``src`` head's ``class_bias`` in its intercepts and the ``nosrc`` blend bias (the manifest's
  values, tuned on sentence corpora). The pipeline scores quotations without them since this
  ablation showed they cost hostile and conciliatory recall beyond the noise
  (:meth:`~stance.stance_model.inference.LinearStanceScorer.without_class_bias`);
- ``no calibration``: ``calibration=False`` (temperatures keep every argmax, so only ECE moves);
- ``quote-trained stacked model``: ``models/quote_stance`` in place of the stack's model, not an
  ablation.

In both cases a last row, ``contextual model``, runs the whole pipeline with
``stance_model="contextual"`` (analytic prior on, no calibration: the shipped temperature is the
blended model's) when PyTorch, transformers and the base package are importable (the
``[contextual]`` extra); otherwise it is reported as not run.

Usage (never on the test split)::

    python benchmarks/stance_ablation.py --data ../shared/data [--n 2000] [--json out.json]
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from stance.training.blas_kernel import pin_training_kernel

pin_training_kernel()  # the refits use the kernels `stance train` uses (before numpy loads), so that
# the "all pieces refitted" row rebuilds the shipped model on any x86-64 CPU

import numpy as np  # noqa: E402

LABELS = ("hostile", "neutral", "conciliatory")
CACHE = Path(__file__).resolve().parent / ".cache"


def article_confusions(gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]) -> tuple[Any, Any]:
    """Per article: the 3x3 confusion over matched parties (rows gold, columns predicted) and the
    (confidence, correct) pairs of the ECE, as :func:`stance.evaluation.quote_corpus.matched_party_stances`
    matches them."""
    from stance.evaluation.quote_corpus import matched_party_stances

    by_id = {d["id"]: d for d in pred}
    conf = np.zeros((len(gold), 3, 3), dtype=np.int64)
    cal: list[list[tuple[float, bool]]] = []
    for i, g in enumerate(gold):
        rows = matched_party_stances([g], [by_id.get(g["id"], {"id": g["id"], "quotes": []})])
        cal.append([])
        for r in rows:
            conf[i, LABELS.index(r["gold"]), LABELS.index(r["label"])] += 1
            cal[-1].append((float(r["scores"].get(r["label"], 1.0)), r["gold"] == r["label"]))
    return conf, cal


def scores_of(conf: Any, cal: Sequence[Sequence[tuple[float, bool]]], n_bins: int = 10) -> dict[str, float]:
    """Macro-F1, accuracy, per-class recall and ECE of a summed confusion and its (confidence, correct) pairs."""
    tp = np.diag(conf).astype(float)
    gold, pred = conf.sum(1), conf.sum(0)
    p = np.divide(tp, pred, out=np.zeros(3), where=pred > 0)
    r = np.divide(tp, gold, out=np.zeros(3), where=gold > 0)
    f = np.divide(2 * p * r, p + r, out=np.zeros(3), where=(p + r) > 0)
    pairs = [x for a in cal for x in a]
    ece = 0.0
    if pairs:
        c = np.array([x[0] for x in pairs])
        ok = np.array([x[1] for x in pairs], dtype=float)
        b = np.minimum((c * n_bins).astype(int), n_bins - 1)
        for k in range(n_bins):
            m = b == k
            if m.any():
                ece += m.sum() / len(c) * abs(ok[m].mean() - c[m].mean())
    return {"n": int(conf.sum()), "macro_f1": float(f.mean()), "accuracy": float(tp.sum() / max(1, conf.sum())),
            "hostile_recall": float(r[0]), "neutral_recall": float(r[1]), "conciliatory_recall": float(r[2]), "ece": ece}


def bootstrap_diff(conf_a: Any, cal_a: Any, conf_b: Any, cal_b: Any, n: int, seed: int = 0) -> dict[str, list[float]]:
    """95 % percentile intervals of B - A over ``n`` resamples of the articles (paired)."""
    rng = np.random.default_rng(seed)
    keys = ("macro_f1", "hostile_recall", "conciliatory_recall", "ece")
    diffs: dict[str, list[float]] = {k: [] for k in keys}
    m = len(conf_a)
    for _ in range(n):
        idx = rng.integers(0, m, m)
        sa = scores_of(conf_a[idx].sum(0), [cal_a[i] for i in idx])
        sb = scores_of(conf_b[idx].sum(0), [cal_b[i] for i in idx])
        for k in keys:
            diffs[k].append(sb[k] - sa[k])
    return {k: [round(float(np.percentile(v, 2.5)), 4), round(float(np.percentile(v, 97.5)), 4)] for k, v in diffs.items()}


# -- the variants ----------------------------------------------------------------------------------

def without_net(scorer: Any) -> Any:
    """A shallow copy of the shipped scorer without the target network (and its blend and bias)."""
    s = copy.copy(scorer)
    s.net, s.net_blend, s.blend_bias = None, {}, {}
    return s


def net_without_vectors(scorer: Any) -> Any:
    """A copy whose network's folded static-vector table is replaced by its mean row."""
    s = copy.copy(scorer)
    net = copy.deepcopy(scorer.net)
    net._table[:] = net._table.mean(axis=0, keepdims=True)  # a fresh copy: its word-row cache is empty
    s.net = net
    return s


def heads_without_pseudo(data_dir: str, scorer: Any, cache: Path, say: Callable[[str], None]) -> Any:
    """The linear heads refitted without the teacher labels (shipped parameters, the shipped
    network attached unchanged), as a numpy scorer; cached in ``cache``."""
    from stance.artifacts.npz import read_npz, write_npz
    from stance.stance_model.inference import LinearStanceScorer

    cache.mkdir(parents=True, exist_ok=True)
    path = cache / "stance_no_pseudo.npz"
    if path.is_file():
        arrays, meta = read_npz(path.read_bytes())
        say(f"read {path}")
        return LinearStanceScorer.from_arrays(arrays, meta)
    from stance.stance_model.classifier import TargetStanceClassifier
    from stance.training.stance import Progress, read_train_files

    X: list[Any] = []
    y: list[str] = []
    for _, xs, ys, _ in read_train_files(Path(data_dir), Progress(False)):
        X += xs
        y += ys
    t0 = time.perf_counter()
    model = TargetStanceClassifier(random_state=0, net=scorer.net).fit(X, y)
    say(f"refitted the linear heads on {len(X)} gold proxy examples (no pseudo-labels) in {time.perf_counter() - t0:.0f}s")
    out = LinearStanceScorer.from_estimator(model)
    arrays, meta = out.to_arrays()
    path.write_bytes(write_npz(arrays, meta))
    return out


#: The quote-trained default's pieces, each taken out by refitting it without the piece (the shipped
#: parameters otherwise): ``{row: parameter changes}``.
QUOTE_REFITS: dict[str, dict[str, Any]] = {
    "all pieces, refitted on today's pipeline (reference)": {},
    "no base-model columns (refit)": {"groups": ("lexical",)},
}


def quote_refits(data_dir: str, model: Any, manifest: Mapping[str, Any], cache: Path,
                 say: Callable[[str], None]) -> dict[str, Any]:
    """``{row: scorer}`` of :data:`QUOTE_REFITS`: the quote-trained model refitted on its training
    data (:func:`stance.training.quote_stance.fit_model`) with one piece out, without its own
    temperature fit (each takes the shipped model's temperature, so the ECE compares like with
    like and argmaxes are unchanged by it); cached in ``cache`` by the shipped model's sha256."""
    import hashlib

    from stance.artifacts.npz import read_npz, write_npz
    from stance.stance_model.quote_scorer import QuoteStanceScorer

    cache.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(json.dumps(manifest.get("extra_files"), sort_keys=True).encode()).hexdigest()[:12]
    shipped = manifest["params"]
    paths = {name: cache / f"quote_{key}_{i}.npz" for i, name in enumerate(QUOTE_REFITS)}
    out: dict[str, Any] = {}
    if all(p.is_file() for p in paths.values()):
        for name, path in paths.items():
            arrays, meta = read_npz(path.read_bytes())
            out[name] = QuoteStanceScorer.from_arrays(arrays, meta)
            if out[name].needs_base:
                out[name].with_base(model.base)
        say(f"read {len(out)} refits from {cache}")
        return out
    from stance.corpora.quote_corpus import load_quote_corpus
    from stance.pipeline import Pipeline
    from stance.training.quote_examples import gold_examples, labelled_examples
    from stance.training.quote_stance import CachedBase, fit_model

    X, y, art = labelled_examples(load_quote_corpus("train", data_dir), Pipeline(stance_model="blended"))
    gold = gold_examples(load_quote_corpus("train", data_dir))
    base = CachedBase(model.base)
    for name, change in QUOTE_REFITS.items():
        params = {"groups": tuple(shipped["groups"]), "C": shipped["C"], "gold_weight": shipped["gold_weight"], **change}
        t0 = time.perf_counter()
        est = fit_model(X, y, art, gold, params, base, calibrate=False)
        est.temperature_ = model.temperature_
        est.base = model.base
        out[name] = est.to_scorer()
        arrays, meta = out[name].to_arrays()
        paths[name].write_bytes(write_npz(arrays, meta))
        say(f"refitted {name} in {time.perf_counter() - t0:.0f}s")
    return out


def with_temperature(scorer: Any, t: float) -> Any:
    """A shallow copy of a quote-trained scorer with temperature ``t``."""
    s = copy.copy(scorer)
    s.temperature_ = float(t)
    return s


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="corpus directory (polnear/ for the PolNeAR part; newsmtsc/ and "
                                                  "directed_sentiment/ for the no-pseudo-labels refit)")
    ap.add_argument("--split", choices=["train", "dev"], default="dev")  # never the test split
    ap.add_argument("--n", type=int, default=2000, help="bootstrap resamples (default %(default)s)")
    ap.add_argument("--cache", default=str(CACHE), help="where the refitted no-pseudo-label heads are kept")
    ap.add_argument("--json", metavar="FILE", default=None, help="also write the table as JSON")
    args = ap.parse_args()
    t_start = time.perf_counter()

    def say(msg: str) -> None:
        print(f"[ablation {time.perf_counter() - t_start:6.1f}s] {msg}", file=sys.stderr, flush=True)

    import stance
    from stance.corpora.quote_corpus import load_quote_corpus
    from stance.artifacts import default_models_dir
    from stance.loader import STANCE_ARTIFACTS, load_calibration, load_stance_model

    gold = load_quote_corpus(args.split, args.data)
    nlp = stance.load()
    ann = nlp.annotator
    full_model, full_offset, full_cal = ann.stance_model, ann.analytic_offset, ann.calibration
    prepared = []
    for d in gold:
        view, pendings = ann.prepare(nlp.make_doc(d["text"]))
        prepared.append((d["id"], view, pendings))
    say(f"prepared {len(gold)} {args.split} articles")
    params = json.loads((default_models_dir() / STANCE_ARTIFACTS["blended"][0] / "manifest.json").read_text())["params"]

    def run(model: Any = full_model, offset: float = full_offset, cal: Any = full_cal, **steps: Any) -> list[dict[str, Any]]:
        """The stance stage re-run with one piece changed; ``steps``: the annotator's prior and mix
        settings to set for this row (``frame_offset``, ``side_offset``, ``ally_offsets``,
        ``article_mix``; see :class:`stance.pipeline.Annotator`), restored after it."""
        kept = {k: getattr(ann, k) for k in steps}
        ann.stance_model, ann.analytic_offset, ann.calibration = model, offset, cal
        for k, v in steps.items():
            setattr(ann, k, v)
        try:
            return [a.to_dict() for a in ann.finish(prepared)]
        finally:
            ann.stance_model, ann.analytic_offset, ann.calibration = full_model, full_offset, full_cal
            for k, v in kept.items():
                setattr(ann, k, v)

    #: the pipeline's steps after the model, each turned off (the annotator's attribute -> its off value)
    step_rows = [
        ("no frame-verb prior", {"frame_offset": 0.0}),
        ("no article mix", {"article_mix": 0.0}),
        ("no side prior", {"side_offset": 0.0}),
        ("no ally prior", {"ally_offsets": (0.0, 0.0)}),
    ]

    if getattr(full_model, "kind", None) == "quote-stance":
        # the default is the quote-trained model: its pieces refitted out, the blended model it stacks on for comparison
        qmanifest = json.loads((default_models_dir() / STANCE_ARTIFACTS["quote"][0] / "manifest.json").read_text())
        refits = quote_refits(args.data, full_model, qmanifest, Path(args.cache), say)
        blended_cal = load_calibration()
        rows: list[tuple[str, Callable[[], list[dict[str, Any]]]]] = [
            (f"full stack (default: quote-stance {qmanifest['version']})", run),
            *[(name, (lambda m: lambda: run(m))(m)) for name, m in refits.items()],
            ("no analytic-speaker prior", lambda: run(offset=0.0)),
            *[(name, (lambda kw: lambda: run(**kw))(kw)) for name, kw in step_rows],
            ("no temperature (T = 1)", lambda: run(with_temperature(full_model, 1.0))),
            # not an ablation: the model the default stacks on, as the pipeline ran it as the default (calibrated)
            ("blended model alone (the previous default)",
             lambda: run(load_stance_model(kind="blended", quotations=True), cal=blended_cal)),
        ]
    else:
        # refitted with the shipped parameters, so with their class offsets: taken out as the pipeline does
        no_pseudo = heads_without_pseudo(args.data, full_model, Path(args.cache), say).without_class_bias(params.get("class_bias") or {})
        rows = [
            ("full stack (default)", run),
            ("no network blend", lambda: run(without_net(full_model))),
            ("network without static vectors (mean row)", lambda: run(net_without_vectors(full_model))),
            ("no pseudo-labels (linear heads retrained)", lambda: run(no_pseudo)),
            ("no pseudo-labels, no network", lambda: run(without_net(no_pseudo))),
            ("no analytic-speaker prior", lambda: run(offset=0.0)),
            ("with the class offsets (sentence setting)", lambda: run(load_stance_model(kind="blended"))),
            ("no calibration", lambda: run(cal=None)),
            # not an ablation: the stacked quote model (opt-in while blended was the default) (models/quote_stance) in place of the stack's model
            # and its calibration (the pipeline calibrates only the blended model), analytic prior kept
            ("quote-trained stacked model", lambda: run(load_stance_model(kind="quote"), cal=None)),
        ]
    results = []
    base = None
    for name, fn in rows:
        conf, cal = article_confusions(gold, fn())
        s = scores_of(conf.sum(0), cal)
        row = {"row": name, **{k: round(v, 4) if isinstance(v, float) else v for k, v in s.items()}}
        if base is None:
            base = (conf, cal)
        else:
            row["diff_ci95"] = bootstrap_diff(base[0], base[1], conf, cal, args.n)
            row["diff"] = {k: round(s[k] - results[0][k], 4) for k in ("macro_f1", "hostile_recall", "conciliatory_recall", "ece")}
        results.append(row)
        say(f"{name}: macro-F1 {s['macro_f1']:.3f}")
    try:
        ctx = stance.load(stance_model="contextual")
        conf, cal = article_confusions(gold, [a.to_dict() for a in ctx.pipe(((d["text"], d["id"]) for d in gold), as_tuples=True)])
        s = scores_of(conf.sum(0), cal)
        row = {"row": "contextual model", **{k: round(v, 4) if isinstance(v, float) else v for k, v in s.items()},
               "diff_ci95": bootstrap_diff(base[0], base[1], conf, cal, args.n)}
    except ImportError as e:
        row = {"row": "contextual model", "not_run": f"{type(e).__name__}: {e}"}
    results.append(row)

    print(f"{args.split} split, {len(gold)} articles; bootstrap {args.n} article resamples, 95 % interval of row - full")
    print(f"{'row':<44} {'n':>4} {'macro-F1':>8} {'hostR':>6} {'concR':>6} {'ECE':>6}  d macro-F1 [95% CI]      d hostR [95% CI]         d concR [95% CI]")
    for r in results:
        if "not_run" in r:
            print(f"{r['row']:<44} not run ({r['not_run']})")
            continue
        line = f"{r['row']:<44} {r['n']:>4} {r['macro_f1']:8.3f} {r['hostile_recall']:6.3f} {r['conciliatory_recall']:6.3f} {r['ece']:6.3f}"
        if "diff_ci95" in r:
            ci = r["diff_ci95"]
            d = {k: r["macro_f1" if k == "macro_f1" else k] - results[0][k] for k in ("macro_f1", "hostile_recall", "conciliatory_recall")}
            line += "  " + "  ".join(f"{d[k]:+.3f} [{ci[k][0]:+.3f},{ci[k][1]:+.3f}]" for k in ("macro_f1", "hostile_recall", "conciliatory_recall"))
        print(line)
    say("done")
    if args.json:
        Path(args.json).write_text(json.dumps({"split": args.split, "articles": len(gold), "resamples": args.n,
                                               "rows": results}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
