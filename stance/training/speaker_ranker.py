"""Train the speaker ranker on PolNeAR (Newell, Margolin & Ruths, LREC 2018).

Examples come from the rule pipeline itself: for every gold attribution with a source, the
reporting cues our lexicon finds that overlap the gold cue are taken, the rules' speaker
candidates of that cue are generated (:func:`stance.speakers.candidates.candidates_for_cue`) and featurised
(:func:`stance.speakers.candidates.group_features`), and a candidate is positive when its tokens overlap the
gold source span. The ranker (:func:`stance.speakers.ranker.make_ranker`) is fitted on train (without the article
corpus's dev and test articles: :func:`stance.corpora.quote_corpus.drop_held_out`), scored on dev
(top-1 accuracy over cues with at least one positive candidate, against the rules' pick on the
same cues, and the end-to-end PolNeAR evaluation with and without it), and saved as the
``speaker-ranker`` artifact. The data is read at run time; nothing of it is stored in the model
beyond feature weights (feature names are our own templates, cue lemmas and pronoun/noun heads).
"""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path
from typing import Any

from stance.training.progress import log

#: 1.1: the artifact also holds ``inference.npz`` (numpy export, see :mod:`stance.stance_model.inference`).
#: 1.2: candidates carry their entity type (``etype=``, :mod:`stance.text.entity_types`); the
#: artifact holds only what the runtime reads (no ``model.joblib``).
#: 1.3: trained without the PolNeAR train documents that are dev or test articles of the article
#: corpus (:func:`stance.corpora.quote_corpus.drop_held_out`), so the corpus's dev/test figures do
#: not rest on a model that saw their gold sources; same features, labels and C.
#: 1.4: retrained on the tenth session's candidates (campaign speakers, possessive owners of cue
#: nouns, subject phrases); same recipe.
#: 1.4.1: 1.4.0's recipe retrained on the fifteenth session's pipeline (its cues and candidates
#: changed: 9,107 train cues against 9,061), so that the training command rebuilds the shipped arrays.
#: 1.4.2: the same recipe retrained on the sixteenth session's pipeline (its speaker rules changed the
#: candidates: 9,111 train cues, 786 features).
#: 1.4.3: the same recipe retrained on the eighteenth session's pipeline (its name, description and
#: affiliation rules changed candidates and features).
RANKER_VERSION = "1.4.3"


#: ``_log(progress, msg)``: an untimed progress line
_log = partial(log, "train speaker-ranker")


def build_examples(docs: list[dict[str, Any]], nlp: Any, progress: bool = False, label: str = "") -> tuple[list[dict], list[int], list[int]]:
    """(features, labels, group ids) of all candidate sets of cues aligned with gold cues."""
    from stance.quotations.finder import find_quotations
    from stance.quotations.cues import find_cues
    from stance.text.mentions import MentionIndex
    from stance.speakers.candidates import candidates_for_cue, group_features
    from stance.text.view import build_view

    X: list[dict] = []
    y: list[int] = []
    groups: list[int] = []
    g = 0
    t0 = time.perf_counter()
    for n, d in enumerate(docs):
        if progress and n % 100 == 0:
            _log(True, f"{label} {n}/{len(docs)} documents, {g} cues, {len(X)} candidates ({time.perf_counter() - t0:.0f} s)")
        view = build_view(nlp.make_doc(d["text"]))
        if view.n == 0:
            continue
        cues = find_cues(view)
        raws = find_quotations(view, cues)
        mentions = MentionIndex(view)
        blocked = [(q.tok_start, q.tok_end) for q in raws if q.kind == "direct"]
        by_cue = {(q.cue.start, q.cue.end): q for q in raws if q.cue is not None}
        cue_starts = [view.starts[c.start] for c in cues]
        cue_ends = [view.ends[c.end - 1] for c in cues]
        for a in d["attributions"]:
            src = a.get("source")
            if not src or not a.get("cue") or not a.get("content"):
                continue
            gc0, gc1 = a["cue"][0]["start"], a["cue"][-1]["end"]
            hit = None
            for ci, c in enumerate(cues):
                if cue_starts[ci] < gc1 and cue_ends[ci] > gc0:
                    hit = c
                    break
            if hit is None:
                continue
            content0 = min(f["start"] for f in a["content"])
            content1 = max(f["end"] for f in a["content"])
            q = by_cue.get((hit.start, hit.end))
            if q is not None:
                qt, qb = (q.tok_start, q.tok_end), q.quote_before_cue
            else:
                qa = view.token_at_or_after(content0)
                qz = max(qa + 1, view.char_to_token(content1 - 1) + 1)
                qt, qb = (qa, min(qz, view.n)), content0 < cue_starts[cues.index(hit)]
            cands = candidates_for_cue(view, mentions, hit.start, hit.end, qt, blocked, extra=True)
            if not cands:
                continue
            feats = group_features(cands, view, hit.start, hit.end, qb, hit.lemma)
            labels = []
            for c in cands:
                cs, ce = view.starts[c.start], view.ends[c.end - 1]
                labels.append(int(any(cs < f["end"] and ce > f["start"] for f in src)))
            X.extend(feats)
            y.extend(labels)
            groups.extend([g] * len(cands))
            g += 1
    _log(progress, f"{label} done: {len(docs)} documents, {g} cues, {len(X)} candidates, {sum(y)} positive")
    return X, y, groups


def top1(scores: Any, y: list[int], groups: list[int]) -> dict[str, Any]:
    """Top-1 accuracy of ``scores`` over groups with at least one positive candidate."""
    best: dict[int, tuple[float, int]] = {}
    has_pos: set[int] = set()
    for s, lab, g in zip(scores, y, groups):
        if lab:
            has_pos.add(g)
        if g not in best or s > best[g][0]:
            best[g] = (float(s), lab)
    n = len(has_pos)
    ok = sum(1 for g in has_pos if best[g][1])
    return {"accuracy": ok / n if n else 0.0, "correct": ok, "groups": n}


def train_speaker_ranker(data_dir: str | Path, out_dir: str | Path | None = None, seed: int = 0, progress: bool = True) -> dict[str, Any]:
    """Fit the speaker ranker on PolNeAR train without the article corpus's dev/test articles,
    score it on PolNeAR dev, save it; return the manifest."""
    import json

    import numpy as np

    from stance.artifacts import artifact_dir, file_fingerprint, save_artifact
    from stance.corpora.polnear import load_polnear, polnear_file
    from stance.corpora.quote_corpus import HELD_OUT_SPLITS, drop_held_out
    from stance.evaluation.polnear import evaluate_polnear
    from stance.pipeline import Pipeline
    from stance.loader import RANKER_ARTIFACT
    from stance.speakers.ranker import make_ranker
    from stance.text.view import blank_english

    t_start = time.perf_counter()
    out = artifact_dir(out_dir, RANKER_ARTIFACT[0])
    train_path = polnear_file(data_dir, "train")
    dev_path = polnear_file(data_dir, "dev")
    _log(progress, f"reading {train_path} and {dev_path}")
    train_docs, n_held_out = drop_held_out(load_polnear(data_dir, "train"))
    _log(progress, f"train: {len(train_docs)} documents ({n_held_out} left out: the article corpus's {'/'.join(HELD_OUT_SPLITS)} articles)")
    dev_docs = load_polnear(data_dir, "dev")
    nlp = blank_english()  # the pipeline's tokenizer
    Xtr, ytr, gtr = build_examples(train_docs, nlp, progress, "train")
    Xdv, ydv, gdv = build_examples(dev_docs, nlp, progress, "dev")
    C = 1.0
    _log(progress, f"fitting ranker on {len(Xtr)} candidates (C={C}, seed={seed})")
    model = make_ranker(C=C, random_state=seed)
    model.fit(Xtr, np.asarray(ytr))
    dev_scores = model.predict_proba(Xdv)[:, 1]
    rule_scores = [f.get("rule_pick", 0.0) for f in Xdv]
    ranker_top1 = top1(dev_scores, ydv, gdv)
    rules_top1 = top1(rule_scores, ydv, gdv)
    _log(progress, f"dev top-1: ranker {ranker_top1['accuracy']:.3f}, rules {rules_top1['accuracy']:.3f} ({ranker_top1['groups']} cues)")

    _log(progress, "PolNeAR dev evaluation with and without the ranker")
    pipe = Pipeline(models_dir=out.parent, ranker=False, stance_model=False)
    rep_rules = evaluate_polnear(data_dir, "dev", pipeline=pipe, docs=dev_docs)
    pipe.annotator.ranker = model
    rep_ranker = evaluate_polnear(data_dir, "dev", pipeline=pipe, docs=dev_docs)

    def brief(rep: dict[str, Any]) -> dict[str, Any]:
        return {
            "content_quoted_f1": round(rep["content"]["quoted"]["f1"], 4),
            "content_all_f1": round(rep["content"]["all"]["f1"], 4),
            "source_accuracy_quoted": round(rep["source"]["quoted"]["accuracy"], 4),
            "source_accuracy_all": round(rep["source"]["all"]["accuracy"], 4),
            "end_to_end_f1_quoted": round(rep["end_to_end"]["quoted"]["f1"], 4),
            "end_to_end_f1_all": round(rep["end_to_end"]["all"]["f1"], 4),
        }

    metrics = {
        "dev_top1_accuracy": round(ranker_top1["accuracy"], 4),
        "dev_top1_accuracy_rules": round(rules_top1["accuracy"], 4),
        "dev_cues": ranker_top1["groups"],
        "dev_polnear_with_ranker": brief(rep_ranker),
        "dev_polnear_rules_only": brief(rep_rules),
        "train_documents": len(train_docs),
        "train_documents_held_out": n_held_out,
        "train_cues": len(set(gtr)),
        "train_candidates": len(Xtr),
        "train_seconds": round(time.perf_counter() - t_start, 1),
    }
    _log(progress, "dev metrics: " + json.dumps(metrics))
    from stance.training.export import build_inference

    # the runtime's numpy export, checked against the estimator on the dev candidates
    npz, inference = build_inference(model, Xdv)
    _log(progress, f"inference.npz: max |p - p_sklearn| {inference['max_abs_diff']:.3g} on {inference['checked_inputs']} inputs")
    save_artifact(
        None,  # the runtime reads inference.npz only
        out,
        name=RANKER_ARTIFACT[1],
        version=RANKER_VERSION,
        labels=["not_speaker", "speaker"],
        training_data=[file_fingerprint(train_path, len(train_docs)), file_fingerprint(dev_path, len(dev_docs))],
        metrics=metrics,
        params={"model": "DictVectorizer + LogisticRegression(class_weight=balanced)", "C": C, "seed": seed,
                "features": "stance.speakers.candidates.group_features", "corpus": "PolNeAR v1.0.0 train (dev for metrics only)",
                "excluded": f"{n_held_out} PolNeAR train documents that are article-corpus {'/'.join(HELD_OUT_SPLITS)} articles (splits.json)"},
        extra_files={inference["file"]: npz},
        extra_manifest={"inference": inference},
    )
    from stance.artifacts import read_manifest

    _log(progress, f"saved {out} in {time.perf_counter() - t_start:.0f} s")
    return read_manifest(out)
