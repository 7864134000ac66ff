"""Evaluate the stance classifier on a corpus split (newsmtsc, directed_sentiment, plover_gsr).

Corpora are read by :mod:`stance.corpora.sentences`. Scores: accuracy, macro-F1, per-class precision/recall/F1, the confusion matrix
(rows gold, columns predicted, labels in :data:`stance.stance_model.classifier.LABELS` order), the number of
examples, and throughput (targets per second of one vectorised ``predict_proba`` call, wall clock
and per CPU second of this process). For sets
with (almost) no neutral class, such as ``plover_gsr``, the ``polar`` block reports accuracy on
the gold hostile/conciliatory examples: exact (3-way argmax) and direction only (is the gold
polar class more probable than the opposite one).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any, Mapping, Sequence

from stance.corpora.sentences import corpus_file, load_examples
from stance.defaults import DEFAULT_STANCE_MODEL


def score(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] | None = None) -> dict[str, Any]:
    """Accuracy, macro-F1 (over the labels present in gold or predictions), per-class P/R/F1, confusion."""
    from stance.stance_model.classifier import LABELS

    labels = list(labels or LABELS)
    idx = {c: i for i, c in enumerate(labels)}
    k = len(labels)
    cm = [[0] * k for _ in range(k)]
    for g, p in zip(gold, pred):
        if g in idx and p in idx:
            cm[idx[g]][idx[p]] += 1
    n = len(gold)
    correct = sum(1 for g, p in zip(gold, pred) if g == p)
    per_class: dict[str, dict[str, float]] = {}
    f1s = []
    for c in labels:
        i = idx[c]
        tp = cm[i][i]
        npred = sum(cm[r][i] for r in range(k))
        ngold = sum(cm[i])
        prec = tp / npred if npred else 0.0
        rec = tp / ngold if ngold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_class[c] = {"precision": prec, "recall": rec, "f1": f1, "support": ngold}
        if ngold or npred:
            f1s.append(f1)
    return {
        "n": n,
        "accuracy": correct / n if n else 0.0,
        "macro_f1": sum(f1s) / len(f1s) if f1s else 0.0,
        "per_class": per_class,
        "labels": labels,
        "confusion": cm,
    }


def polar_scores(gold: Sequence[str], proba: Any, classes: Sequence[str]) -> dict[str, Any]:
    """Accuracy on gold hostile/conciliatory examples: exact argmax, and hostile-vs-conciliatory only."""
    import numpy as np

    classes = list(classes)
    proba = np.asarray(proba)
    m = [i for i, g in enumerate(gold) if g in ("hostile", "conciliatory")]
    if not m or "hostile" not in classes or "conciliatory" not in classes:
        return {"n": len(m), "accuracy": None, "direction_accuracy": None}
    h, c = classes.index("hostile"), classes.index("conciliatory")
    exact = sum(1 for i in m if classes[int(np.argmax(proba[i]))] == gold[i])
    direc = sum(1 for i in m if (proba[i, h] > proba[i, c]) == (gold[i] == "hostile"))
    return {"n": len(m), "accuracy": exact / len(m), "direction_accuracy": direc / len(m)}


def evaluate_model(model: Any, examples: Sequence[Any], gold: Sequence[str]) -> dict[str, Any]:
    """Score a fitted classifier on examples; includes throughput and the polar block."""
    import numpy as np

    examples = list(examples)
    if examples:
        model.predict_proba(examples[:1])  # warm-up: lazy imports happen on the first call
    c0 = time.process_time()
    t0 = time.perf_counter()
    proba = model.predict_proba(examples)
    dt = time.perf_counter() - t0
    cpu = time.process_time() - c0
    classes = [str(c) for c in model.classes_]
    pred = [classes[int(i)] for i in np.argmax(proba, axis=1)] if len(examples) else []
    out = score(gold, pred)
    out["polar"] = polar_scores(gold, proba, classes)
    out["seconds"] = dt
    out["targets_per_second"] = len(examples) / dt if dt > 0 else float("inf")
    # CPU time of this process: what one core delivers, less sensitive to a busy machine
    out["targets_per_cpu_second"] = len(examples) / cpu if cpu > 0 else float("inf")
    return out


def evaluate_stance(
    data_dir: str | os.PathLike[str],
    corpus: str,
    split: str,
    models_dir: str | os.PathLike[str] | None = None,
    model: Any = None,
    kind: str = DEFAULT_STANCE_MODEL,
    as_quotations: bool = False,
) -> dict[str, Any]:
    """Evaluate the shipped (or given) stance classifier on ``<data_dir>/<corpus>/<split>.jsonl``.

    ``kind`` chooses the shipped model (``"quote"``, the default stance model
    :data:`~stance.defaults.DEFAULT_STANCE_MODEL`; ``"blended"`` or ``"contextual"``) when
    ``model`` is not given. The corpus's records are sentences (``StanceExample.from_record``
    with the record's own corpus), so the quote-trained model hands them to the model it stacks on,
    as ``stance classify`` does by default. ``as_quotations``: score them instead as the pipeline's
    quotation examples (the source party as the speaker's mention, ``corpus="quote"``), which the
    quote-trained model scores itself."""
    from stance.loader import load_stance_model
    from stance.stance_model.quote_scorer import QUOTATION_CORPUS

    path = corpus_file(data_dir, corpus, split)
    if model is None:
        t0 = time.perf_counter()
        model = load_stance_model(models_dir, kind=kind)
        load_s = time.perf_counter() - t0
    else:
        load_s = None
    examples, gold, _ids = load_examples(path, corpus=QUOTATION_CORPUS if as_quotations else None)
    out = evaluate_model(model, examples, gold)
    out.update({"corpus": corpus, "split": split, "file": str(path), "load_seconds": load_s,
                "scored_as": "quotations" if as_quotations else "sentences"})
    return out


def format_report(r: Mapping[str, Any]) -> str:
    """A plain-text report of :func:`evaluate_stance`'s result."""
    labels = list(r["labels"])
    lines = []
    head = f"stance classifier on {r.get('corpus', '?')}/{r.get('split', '?')}"
    lines.append(head)
    lines.append("=" * len(head))
    lines.append(f"examples      {r['n']}" + (f" (scored as {r['scored_as']})" if r.get("scored_as") else ""))
    lines.append(f"accuracy      {r['accuracy']:.4f}")
    lines.append(f"macro-F1      {r['macro_f1']:.4f}")
    pol = r.get("polar") or {}
    if pol.get("accuracy") is not None:
        lines.append(
            f"polar         {pol['accuracy']:.4f} exact, {pol['direction_accuracy']:.4f} hostile-vs-conciliatory"
            f" (n={pol['n']} gold hostile/conciliatory)"
        )
    if r.get("targets_per_second") is not None:
        cpu = r.get("targets_per_cpu_second")
        extra = f" ({cpu:.0f} per CPU second)" if cpu is not None else ""
        lines.append(f"throughput    {r['targets_per_second']:.0f} targets/s wall clock{extra}")
    if r.get("load_seconds") is not None:
        lines.append(f"model load    {r['load_seconds']:.3f} s")
    lines.append("")
    w = max(len(c) for c in labels) + 2
    lines.append(f"{'class':<{w}}{'prec':>8}{'recall':>8}{'F1':>8}{'support':>9}")
    for c in labels:
        pc = r["per_class"][c]
        lines.append(f"{c:<{w}}{pc['precision']:>8.3f}{pc['recall']:>8.3f}{pc['f1']:>8.3f}{pc['support']:>9}")
    lines.append("")
    lines.append("confusion (rows gold, columns predicted)")
    lines.append(" " * w + "".join(f"{c[:12]:>14}" for c in labels))
    for c, row in zip(labels, r["confusion"]):
        lines.append(f"{c:<{w}}" + "".join(f"{v:>14}" for v in row))
    return "\n".join(lines)


def plot_confusion(r: Mapping[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write the confusion matrix as a PNG (matplotlib, imported lazily, Agg backend)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = list(r["labels"])
    cm = r["confusion"]
    fig, ax = plt.subplots(figsize=(4.6, 4.0), dpi=120)
    try:
        ax.imshow(cm, cmap="Blues")
        ax.set_xticks(range(len(labels)), labels=labels, rotation=30, ha="right")
        ax.set_yticks(range(len(labels)), labels=labels)
        ax.set_xlabel("predicted")
        ax.set_ylabel("gold")
        ax.set_title(f"{r.get('corpus', '')} {r.get('split', '')}: macro-F1 {r['macro_f1']:.3f}", fontsize=9)
        top = max((max(row) for row in cm), default=0)
        for i, row in enumerate(cm):
            for j, v in enumerate(row):
                ax.text(j, i, str(v), ha="center", va="center", color="white" if v > top / 2 else "black")
        fig.tight_layout()
        out = Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(out)
    finally:
        plt.close(fig)
    return out


def to_json(r: Mapping[str, Any]) -> str:
    return json.dumps(r, indent=2, sort_keys=False)
