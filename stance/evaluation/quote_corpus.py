"""Score the pipeline's speaker stance against the project's article-level quote/stance corpus
(``stance evaluate quotes --split``).

The corpus (``data/quote_stance/articles/``) annotates whole articles: every quotation, its
speaker, and every party the quotation is about with the speaker's stance. Predicted and gold
quotations are matched by character overlap (:func:`stance.evaluation.articles.match_spans`),
parties within a matched quotation by name (:func:`stance.evaluation.articles.party_match`),
one to one.

Reported:

- **stance** over matched parties: accuracy, macro-F1, per-class precision/recall/F1, confusion
  (rows gold, columns predicted);
- **parties** over matched quotations: precision, recall, F1 of the predicted target names;
- **end to end**: a gold (quotation, party, label) triple counts when the quotation is found, the
  party is among its targets and the label is right; precision over every predicted
  (quotation, target) pair, recall over every gold one;
- **calibration** over matched parties: expected calibration error (ECE) of the predicted label's
  probability, in equal-width bins, with the reliability table behind it.

Stances marked ``implicit`` in the gold are dropped (the pipeline proposes only named parties).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from stance.corpora.quote_corpus import SOURCES, load_quote_corpus
from stance.evaluation.articles import match_parties, match_spans
from stance.types import STANCE_LABELS


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "tp": tp, "pred": n_pred, "gold": n_gold}


def matched_party_stances(gold_docs: Iterable[Mapping[str, Any]], pred_docs: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Every predicted stance whose quotation and party match a gold one (as
    :func:`evaluate_quote_stance` matches them), with its gold label: ``{"id", "scores", "label",
    "gold", "speaker"}`` (``speaker``: whether the predicted quotation has a speaker)."""
    preds = {d["id"]: d for d in pred_docs}
    out = []
    for g in gold_docs:
        gq = g.get("quotes") or []
        pq = (preds.get(g["id"]) or {}).get("quotes") or []
        gold_st = [[s for s in q.get("stances") or [] if not s.get("implicit")] for q in gq]
        m = match_spans([(q["quote"]["start"], q["quote"]["end"]) for q in pq],
                        [(q["quote"]["start"], q["quote"]["end"]) for q in gq])
        for i, j in m:
            ps = pq[i].get("stances") or []
            for a, b in match_parties(gold_st[j], ps):
                out.append({"id": g["id"], "scores": dict(ps[b].get("scores") or {}), "label": ps[b]["label"],
                            "gold": gold_st[j][a]["label"], "speaker": pq[i].get("speaker") is not None})
    return out


def calibration(confidences: list[float], correct: list[bool], n_bins: int = 10) -> dict[str, Any]:
    """Expected calibration error and the reliability table (equal-width bins over [0, 1])."""
    bins = [{"lo": k / n_bins, "hi": (k + 1) / n_bins, "n": 0, "conf": 0.0, "acc": 0.0} for k in range(n_bins)]
    for c, ok in zip(confidences, correct):
        b = bins[min(n_bins - 1, int(c * n_bins))]
        b["n"] += 1
        b["conf"] += c
        b["acc"] += ok
    n = len(confidences)
    ece = 0.0
    for b in bins:
        if b["n"]:
            b["conf"] /= b["n"]
            b["acc"] /= b["n"]
            ece += b["n"] / n * abs(b["acc"] - b["conf"])
    return {"ece": ece if n else None, "n": n, "bins": bins}


def evaluate_quote_stance(gold_docs: Iterable[Mapping[str, Any]], pred_docs: Iterable[Mapping[str, Any]],
                          *, n_bins: int = 10) -> dict[str, Any]:
    """Compare predicted analyses (``Analysis.to_dict()``) with gold corpus articles, by ``id``."""
    preds = {d["id"]: d for d in pred_docs}
    labels = list(STANCE_LABELS)
    confusion = {g: {p: 0 for p in labels} for g in labels}
    party_tp = party_pred = party_gold = 0
    e2e_tp = e2e_pred = e2e_gold = 0
    conf: list[float] = []
    correct: list[bool] = []
    n_docs = 0
    for g in gold_docs:
        n_docs += 1
        p = preds.get(g["id"], {"quotes": []})
        gq = g.get("quotes") or []
        pq = p.get("quotes") or []
        gold_st = [[s for s in q.get("stances") or [] if not s.get("implicit")] for q in gq]
        e2e_gold += sum(map(len, gold_st))
        e2e_pred += sum(len(q.get("stances") or []) for q in pq)
        m = match_spans([(q["quote"]["start"], q["quote"]["end"]) for q in pq],
                        [(q["quote"]["start"], q["quote"]["end"]) for q in gq])
        for i, j in m:
            gs, ps = gold_st[j], pq[i].get("stances") or []
            party_gold += len(gs)
            party_pred += len(ps)
            for a, b in match_parties(gs, ps):
                party_tp += 1
                gl, pl = gs[a]["label"], ps[b]["label"]
                confusion[gl][pl] += 1
                e2e_tp += gl == pl
                scores = ps[b].get("scores") or {}
                conf.append(float(scores.get(pl, 1.0)))
                correct.append(gl == pl)
    per_class = {}
    for lab in labels:
        tp = confusion[lab][lab]
        per_class[lab] = _prf(tp, sum(confusion[g][lab] for g in labels), sum(confusion[lab].values()))
    n = sum(sum(r.values()) for r in confusion.values())
    return {
        "documents": n_docs,
        "stance": {
            "n": n,
            "accuracy": sum(confusion[lab][lab] for lab in labels) / n if n else 0.0,
            "macro_f1": sum(v["f1"] for v in per_class.values()) / len(labels),
            "per_class": per_class,
            "confusion": confusion,
        },
        "parties": _prf(party_tp, party_pred, party_gold),
        "end_to_end": _prf(e2e_tp, e2e_pred, e2e_gold),
        "calibration": calibration(conf, correct, n_bins),
    }


def format_report(r: Mapping[str, Any]) -> str:
    """A plain-text report of :func:`evaluate_quote_stance`."""
    s, pa, e, c = r["stance"], r["parties"], r["end_to_end"], r["calibration"]
    lines = [
        f"documents: {r['documents']}" + (f"  (split {r['split']}: {', '.join(r['sources'])})" if "split" in r else ""),
        f"stance (matched parties, n={s['n']}): accuracy {s['accuracy']:.3f}  macro-F1 {s['macro_f1']:.3f}",
    ]
    for lab, v in s["per_class"].items():
        lines.append(f"  {lab:<12} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}  (gold {v['gold']}, pred {v['pred']})")
    lines.append("  confusion (rows gold, columns predicted: " + " / ".join(s["confusion"]) + ")")
    for lab, row in s["confusion"].items():
        lines.append(f"    {lab:<12} " + "  ".join(f"{v:5d}" for v in row.values()))
    lines += [
        f"parties (matched quotations)  P {pa['precision']:.3f}  R {pa['recall']:.3f}  F1 {pa['f1']:.3f}  (pred {pa['pred']}, gold {pa['gold']})",
        f"end to end (quotation + party + label)  P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}  (pred {e['pred']}, gold {e['gold']})",
        "calibration  ECE " + ("n/a" if c["ece"] is None else f"{c['ece']:.3f}") + f"  ({c['n']} matched parties, {len(c['bins'])} bins)",
    ]
    for src, sub in (r.get("per_source") or {}).items():
        ss, sp, se = sub["stance"], sub["parties"], sub["end_to_end"]
        lines.append(f"  {src:<9} {sub['documents']} articles: stance macro-F1 {ss['macro_f1']:.3f} (n={ss['n']}), "
                     f"parties P {sp['precision']:.3f} R {sp['recall']:.3f}, end to end F1 {se['f1']:.3f}")
    return "\n".join(lines)


def evaluate_split(split: str, data_dir: str | os.PathLike[str] | None, *, sources: Sequence[str] = SOURCES,
                   pipeline: Any = None, progress: bool = False, n_bins: int = 10,
                   gold: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Run ``pipeline`` (default: ``stance.load()``) over the corpus articles of ``split`` (each with
    its publication date, for the actor lookup, as ``stance analyze`` passes a ``date`` field) and score
    them with :func:`evaluate_quote_stance`, overall and per source. ``gold``: the articles already
    read by :func:`~stance.corpora.quote_corpus.load_quote_corpus` for this split and these sources
    (default: read them here)."""
    if gold is None:
        gold = load_quote_corpus(split, data_dir, sources=sources)
    if pipeline is None:
        from stance import load

        pipeline = load()
    t0 = time.perf_counter()
    pred = []
    for k, a in enumerate(pipeline.pipe(((d["text"], d["id"], d.get("date")) for d in gold), as_tuples=True), 1):
        pred.append(a.to_dict())
        if progress and (k % 20 == 0 or k == len(gold)):
            print(f"\ranalysed {k}/{len(gold)} articles", end="", file=sys.stderr, flush=True)
    if progress:
        print(file=sys.stderr)
    out = evaluate_quote_stance(gold, pred, n_bins=n_bins)
    out["per_source"] = {s: evaluate_quote_stance([g for g in gold if g["source"] == s], pred, n_bins=n_bins)
                         for s in sources}
    out.update(split=split, sources=list(sources), seconds=time.perf_counter() - t0)
    return out


def plot_reliability(r: Mapping[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write the reliability diagram of ``r["calibration"]`` as a PNG (matplotlib, imported lazily):
    accuracy against mean confidence per bin, bar width by bin, with the diagonal and the ECE."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    c = r["calibration"]
    bins = [b for b in c["bins"] if b["n"]]
    fig, (ax, hx) = plt.subplots(2, 1, figsize=(4.6, 5.4), dpi=120, height_ratios=[3, 1], sharex=True)
    try:
        ax.plot([0, 1], [0, 1], color="grey", lw=0.8, ls="--")
        ax.bar([(b["lo"] + b["hi"]) / 2 for b in bins], [b["acc"] for b in bins],
               width=[b["hi"] - b["lo"] for b in bins], edgecolor="black", color="#6a9fd8", alpha=0.8)
        ax.plot([b["conf"] for b in bins], [b["acc"] for b in bins], "o", color="black", ms=3)
        ax.set_ylim(0, 1)
        ax.set_ylabel("accuracy")
        ece = "n/a" if c["ece"] is None else f"{c['ece']:.3f}"
        ax.set_title(f"{r.get('split', '')}: ECE {ece} over {c['n']} matched parties", fontsize=9)
        hx.bar([(b["lo"] + b["hi"]) / 2 for b in bins], [b["n"] for b in bins],
               width=[b["hi"] - b["lo"] for b in bins], edgecolor="black", color="#cccccc")
        hx.set_xlim(0, 1)
        hx.set_xlabel("probability of the predicted label")
        hx.set_ylabel("parties")
        fig.tight_layout()
        out = Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(out)
    finally:
        plt.close(fig)
    return out
