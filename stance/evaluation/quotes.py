"""Quote-level stance: the pipeline's speaker stance toward each target of a quotation, scored
against the project's annotation of PolNeAR ``train`` articles (``data/quote_stance/``).

The corpus sentences behind ``stance evaluate stance`` are judged as sentences (NewsMTSC: how the
sentence portrays the target; directed_sentiment: any two entities of a sentence). This set is
judged the way ANNOTATION.md defines the product's output: the stance of a quotation's speaker,
as expressed in that quotation, toward each party the pipeline found in it. Each line of the
labels file names an article (``doc_id``), a quotation span and a target (as the pipeline
canonicalised it when the set was made) and a label: ``hostile``, ``conciliatory``, ``neutral``
or ``skip`` (the annotator found the target was not a party of the quote: not a person, state or
organisation, not referred to, or the speaker itself). The article texts are read at run time
from PolNeAR under the data directory; the file holds offsets and labels only.

Matching: a labelled item matches a predicted quotation of the same article whose span overlaps it
by at least half of the shorter span (:func:`stance.evaluation.articles.overlap_ok`) and which has a stance toward the
same target name. Items without a match are counted as not covered, not scored. Since the set was
built from the pipeline's own targets, it measures stance accuracy and target precision (the share
of labelled targets the annotators kept), not target recall.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from stance.types import STANCE_LABELS
from stance.evaluation.articles import overlap_ok
from stance.evaluation.stance import score

from stance.corpora.polnear import date_of
from stance.corpora.quote_stance import DEFAULT_LABELS, load_quote_labels


def match_items(items: Sequence[Mapping[str, Any]], analyses: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any] | None]:
    """For each labelled item, the predicted stance dict (``{"target", "label", "scores"}``) of the
    matching quotation in ``analyses`` (``doc_id -> Analysis.to_dict()``), or ``None``."""
    out: list[dict[str, Any] | None] = []
    for it in items:
        a = analyses.get(it["doc_id"])
        found = None
        if a is not None:
            best = -1
            for q in a["quotes"]:
                span = (q["quote"]["start"], q["quote"]["end"])
                if not overlap_ok(span, it["quote"]):
                    continue
                ov = min(span[1], it["quote"][1]) - max(span[0], it["quote"][0])
                for st in q.get("stances") or ():
                    if st["target"] == it["target"] and ov > best:
                        best, found = ov, st
        out.append(found)
    return out


def score_items(items: Sequence[Mapping[str, Any]], preds: Sequence[Mapping[str, Any] | None]) -> dict[str, Any]:
    """Stance scores over the covered, non-skip items, plus coverage and target precision."""
    gold, pred = [], []
    covered = Counter()
    for it, p in zip(items, preds):
        if p is None:
            continue
        covered[it["label"]] += 1
        if it["label"] in STANCE_LABELS:
            gold.append(it["label"])
            pred.append(p["label"])
    n_party = sum(1 for it in items if it["label"] in STANCE_LABELS)
    out = score(gold, pred, labels=list(STANCE_LABELS))
    n_cov = sum(covered.values())
    out.update({
        "items": len(items),
        "labelled_parties": n_party,
        "covered": len(gold),
        "coverage": len(gold) / n_party if n_party else 0.0,
        # of the labelled targets the pipeline still produces, the share annotators kept as parties
        "target_precision": (n_cov - covered["skip"]) / n_cov if n_cov else 0.0,
        "documents": len({it["doc_id"] for it in items}),
    })
    return out


def annotator_agreement(items: Iterable[Mapping[str, Any]]) -> dict[str, Any] | None:
    """Agreement of the doubly annotated items: raw agreement and Cohen's kappa, over the four
    labels and over the three stance labels (items both annotators kept)."""
    pairs = [(it["label"], it["label_2"]) for it in items if "label_2" in it]
    if not pairs:
        return None
    from sklearn.metrics import cohen_kappa_score

    three = [(a, b) for a, b in pairs if a in STANCE_LABELS and b in STANCE_LABELS]
    res: dict[str, Any] = {"n": len(pairs), "agreement": sum(a == b for a, b in pairs) / len(pairs),
                           "kappa": float(cohen_kappa_score(*zip(*pairs)))}
    if three:
        res.update({"n_stance": len(three), "agreement_stance": sum(a == b for a, b in three) / len(three),
                    "kappa_stance": float(cohen_kappa_score(*zip(*three)))})
    return res


def evaluate_quotes(
    data_dir: str | os.PathLike[str],
    labels: str | os.PathLike[str] | None = None,
    *,
    pipeline: Any = None,
    models_dir: str | os.PathLike[str] | None = None,
    progress: bool = False,
) -> dict[str, Any]:
    """Run the pipeline over the labelled PolNeAR ``train`` articles under ``data_dir`` and score
    its quote-level stances (see the module docstring). ``pipeline``: a :class:`stance.Pipeline`
    (default: ``stance.load(models_dir)``)."""
    import sys

    from stance.corpora.polnear import load_polnear

    items = load_quote_labels(labels)
    wanted = {it["doc_id"] for it in items}
    docs = [d for d in load_polnear(data_dir, "train") if d["doc_id"] in wanted]
    missing = wanted - {d["doc_id"] for d in docs}
    if missing:
        raise FileNotFoundError(f"{len(missing)} labelled article(s) are not in PolNeAR train under {data_dir} "
                                f"(first: {sorted(missing)[0]}); is this the right data directory?")
    if pipeline is None:
        from stance import load

        pipeline = load(models_dir)
    t0 = time.perf_counter()
    analyses: dict[str, Mapping[str, Any]] = {}
    for k, a in enumerate(pipeline.pipe(((d["text"], d["doc_id"], date_of(d["doc_id"])) for d in docs), as_tuples=True), 1):
        analyses[a.id] = a.to_dict()
        if progress and (k % 10 == 0 or k == len(docs)):
            print(f"\ranalysed {k}/{len(docs)} articles", end="", file=sys.stderr, flush=True)
    if progress:
        print(file=sys.stderr)
    out = score_items(items, match_items(items, analyses))
    out["seconds"] = time.perf_counter() - t0
    out["agreement"] = annotator_agreement(items)
    out["labels_file"] = str(Path(labels) if labels is not None else DEFAULT_LABELS)
    return out


def format_report(r: Mapping[str, Any]) -> str:
    """A plain-text report of :func:`evaluate_quotes`."""
    from stance.evaluation.stance import format_report as stance_report

    body = stance_report(dict(r, corpus="quotes", split="polnear-train-annotated")).splitlines()
    title = "quote-level speaker stance (data/quote_stance)"
    if r.get("model") is not None:
        title += f": {r['model']} model, analytic offset {r.get('analytic_offset')}"
    head = [
        title,
        "=" * len(title),
        f"articles      {r['documents']}",
        f"items         {r['items']} labelled targets, {r['labelled_parties']} of them parties (not skip)",
        f"covered       {r['covered']} ({r['coverage']:.3f}): the pipeline still gives a stance for them",
        f"target prec.  {r['target_precision']:.3f} of the covered labelled targets were kept as parties",
    ]
    ag = r.get("agreement")
    if ag:
        line = f"annotators    {ag['n']} items doubly labelled: agreement {ag['agreement']:.3f}, kappa {ag['kappa']:.3f}"
        if ag.get("n_stance"):
            line += f"; on {ag['n_stance']} kept by both: {ag['agreement_stance']:.3f}, kappa {ag['kappa_stance']:.3f}"
        head.append(line)
    return "\n".join(head + [""] + body[2:])
