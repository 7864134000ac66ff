"""Train the pronoun ranker (``models/pronoun_ranker``) on the pronoun-antecedent set.

Examples: for every he/she speaker pronoun of :func:`stance.corpora.pronouns.load_pronouns`, the
candidates of :func:`stance.speakers.pronouns.antecedent_candidates` (the previous speaker is the
speaker the pipeline chose, without the pronoun ranker, for the last quotation whose cue comes
before the pronoun), labelled positive when the candidate's canonical name matches the annotated
antecedent (the scorer's name match of ``stance evaluate articles``). The regularisation ``C`` is
chosen by grouped (by article) 5-fold cross-validation on train; dev gives the reported top-1
accuracy against the rules (:func:`stance.speakers.pronouns.pick_by_rules`) on the same pronouns.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any, Sequence

#: 1.0.0: the first pronoun ranker.
PRONOUN_RANKER_VERSION = "1.1.0"
#: ``C`` values tried by cross-validation on train.
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)


def _log(progress: bool, msg: str) -> None:
    if progress:
        print(f"[train pronoun-ranker] {msg}", file=sys.stderr, flush=True)


def build_examples(articles: Sequence[dict[str, Any]], pipeline: Any) -> dict[str, Any]:
    """Feature dicts, labels, group (pronoun) ids, article ids per candidate, the rules' pick per
    candidate, and counts (pronouns, with a positive candidate)."""
    from stance.evaluation.articles import speaker_match
    from stance.speakers.pronouns import antecedent_candidates, pick_by_rules
    from stance.speakers.selection import choose_speakers, quoted_spans
    from stance.quotations.cues import find_cues
    from stance.quotations.finder import find_quotations
    from stance.text.mentions import MentionIndex
    from stance.text.view import build_view

    X: list[dict] = []
    y: list[int] = []
    groups: list[int] = []
    docs: list[int] = []
    rule: list[float] = []
    n_pron = n_pos = 0
    ann = pipeline.annotator
    for di, art in enumerate(articles):
        view = build_view(pipeline.make_doc(art["text"]))
        if view.n == 0:
            continue
        raws = find_quotations(view, find_cues(view))
        mentions = MentionIndex(view)
        blocked = quoted_spans(raws)
        chosen = choose_speakers(view, mentions, raws, blocked, ann.ranker, ann.pronoun_ranker)
        cued = [(q.cue.start, sp.name) for q, (sp, _, _) in zip(raws, chosen) if q.cue is not None and sp is not None]
        for p in art["pronouns"]:
            i = view.char_to_token(p["start"])
            if i < 0 or i >= view.n or view.lowers[i] not in ("he", "she"):
                continue
            prev = None
            for cs, name in cued:
                if cs < i - 3:
                    prev = name
            cands = antecedent_candidates(view, mentions, i, blocked, prev)
            n_pron += 1
            labels = [int(speaker_match(c.mention.canonical, p["antecedent"])) for c in cands]
            if not cands or not any(labels):
                continue
            n_pos += 1
            pick = pick_by_rules(cands)
            for c, lab in zip(cands, labels):
                X.append(c.features)
                y.append(lab)
                groups.append(n_pos)
                docs.append(di)
                rule.append(1.0 if c is pick else 0.0)
    return {"X": X, "y": y, "groups": groups, "docs": docs, "rule": rule, "pronouns": n_pron, "resolvable": n_pos}


def top1(scores: Sequence[float], y: Sequence[int], groups: Sequence[int]) -> dict[str, Any]:
    """Top-1 accuracy over groups (the first best candidate of each group)."""
    best: dict[int, tuple[float, int]] = {}
    for s, lab, g in zip(scores, y, groups):
        if g not in best or s > best[g][0]:
            best[g] = (float(s), lab)
    n = len(best)
    ok = sum(lab for _, lab in best.values())
    return {"accuracy": ok / n if n else 0.0, "correct": ok, "pronouns": n}


def choose_c(ex: dict[str, Any], seed: int = 0, folds: int = 5) -> tuple[float, dict[float, float]]:
    """The ``C`` of :data:`C_GRID` with the best grouped-CV top-1 accuracy on ``ex`` (ties: smaller C)."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    from stance.speakers.ranker import make_ranker

    X, y, g, d = ex["X"], np.asarray(ex["y"]), np.asarray(ex["groups"]), np.asarray(ex["docs"])
    cv = {}
    for C in C_GRID:
        ok = n = 0
        for tr, te in GroupKFold(n_splits=folds).split(X, y, d):
            m = make_ranker(C=C, random_state=seed).fit([X[k] for k in tr], y[tr])
            r = top1(m.predict_proba([X[k] for k in te])[:, 1], y[te], g[te])
            ok += r["correct"]
            n += r["pronouns"]
        cv[C] = ok / n if n else 0.0
    best = max(C_GRID, key=lambda c: (cv[c], -c))
    return best, cv


def train_pronoun_ranker(data_dir: str | Path, out_dir: str | Path | None = None, seed: int = 0, progress: bool = True,
                         pronouns_path: str | Path | None = None) -> dict[str, Any]:
    """Fit the pronoun ranker on the train split, report dev, save the artifact; return the manifest."""
    import json

    import numpy as np

    from stance.artifacts import default_models_dir, file_fingerprint, read_manifest, save_artifact
    from stance.corpora.pronouns import DEFAULT_PRONOUNS, load_pronouns
    from stance.corpora.quote_corpus import DEFAULT_ARTICLES
    from stance.loader import PRONOUN_RANKER_ARTIFACT
    from stance.pipeline import Pipeline
    from stance.speakers.ranker import make_ranker
    from stance.training.export import build_inference

    t0 = time.perf_counter()
    out = Path(out_dir) if out_dir is not None else default_models_dir() / PRONOUN_RANKER_ARTIFACT[0]
    ppath = Path(pronouns_path) if pronouns_path is not None else DEFAULT_PRONOUNS
    pipe = Pipeline(stance_model=False, actor_lookup=False, party_filter=False, calibration=False)
    pipe.annotator.pronoun_ranker = None  # the previous speakers as the rules resolve them
    parts: dict[str, dict[str, Any]] = {}
    for split in ("train", "dev"):
        arts = load_pronouns(split, data_dir, path=ppath)
        parts[split] = build_examples(arts, pipe)
        ex = parts[split]
        _log(progress, f"{split}: {len(arts)} articles, {ex['pronouns']} he/she pronouns, {ex['resolvable']} with the antecedent among the candidates, {len(ex['X'])} candidates")
    tr, dv = parts["train"], parts["dev"]
    C, cv = choose_c(tr, seed)
    _log(progress, f"grouped 5-fold CV on train, top-1 by C: {json.dumps(cv)}; chose C={C}")
    model = make_ranker(C=C, random_state=seed).fit(tr["X"], np.asarray(tr["y"]))
    dev_rank = top1(model.predict_proba(dv["X"])[:, 1], dv["y"], dv["groups"])
    dev_rule = top1(dv["rule"], dv["y"], dv["groups"])
    tr_rule = top1(tr["rule"], tr["y"], tr["groups"])
    metrics = {
        "dev_top1_accuracy": round(dev_rank["accuracy"], 4),
        "dev_top1_accuracy_rules": round(dev_rule["accuracy"], 4),
        "dev_pronouns_resolvable": dv["resolvable"],
        "dev_pronouns": dv["pronouns"],
        "train_top1_accuracy_rules": round(tr_rule["accuracy"], 4),
        "train_pronouns_resolvable": tr["resolvable"],
        "train_pronouns": tr["pronouns"],
        "cv_top1_by_C": {str(k): round(v, 4) for k, v in cv.items()},
        "train_seconds": round(time.perf_counter() - t0, 1),
    }
    _log(progress, "dev metrics: " + json.dumps(metrics))
    npz, inference = build_inference(model, dv["X"])
    corpus_files = [DEFAULT_ARTICLES / s / f"{sp}.jsonl" for s in ("wikinews", "polnear") for sp in ("train", "dev")]
    save_artifact(
        None, out, name=PRONOUN_RANKER_ARTIFACT[1], version=PRONOUN_RANKER_VERSION,
        labels=["not_antecedent", "antecedent"],
        training_data=[file_fingerprint(ppath)] + [file_fingerprint(f) for f in corpus_files],
        metrics=metrics,
        params={"model": "DictVectorizer + LogisticRegression(class_weight=balanced)", "C": C, "seed": seed,
                "features": "stance.speakers.pronouns.antecedent_candidates",
                "data": "data/pronouns/polnear.jsonl train + the article-level corpus train (he/she speakers); dev for metrics only"},
        extra_files={inference["file"]: npz},
        extra_manifest={"inference": inference},
    )
    _log(progress, f"saved {out} in {time.perf_counter() - t0:.0f} s")
    return read_manifest(out)
