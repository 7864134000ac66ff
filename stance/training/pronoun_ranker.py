"""Train the pronoun ranker (``models/pronoun_ranker``) on the pronoun-antecedent set.

Examples: for every speaker pronoun of :func:`stance.corpora.pronouns.load_pronouns` (he/she and
it/they/we), its candidates (:func:`stance.speakers.pronouns.antecedent_candidates` for he/she,
:func:`stance.speakers.pronouns.referent_candidates` for it/they/we, given the rules' answer of
:func:`stance.speakers.candidates.resolve_candidate`; the previous speaker is the speaker the pipeline
chose, without the pronoun ranker, for the last quotation whose cue comes before the pronoun),
labelled positive when the candidate's name matches the annotated antecedent (the scorer's name
match of ``stance evaluate articles``). One logistic regression, trained pairwise (:func:`fit_pairwise`), learns both (the it/they/we features
are their own, ``g:...``). The regularisation ``C`` is chosen by grouped (by article) 5-fold
cross-validation on train; dev gives the reported accuracy per pronoun against the rules (he/she:
:func:`stance.speakers.pronouns.pick_by_rules`; it/they/we: the rules of
:func:`~stance.speakers.candidates.resolve_candidate`) on the same pronouns. The ranker resolves
it/they/we only where it is at least as accurate as the rules on dev (the manifest's
``params.pronouns``).
"""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path
from typing import Any, Sequence

from stance.training.progress import log

#: 1.0.0: the first pronoun ranker. 1.2.0: it/they/we too (features ``g:...``; ``params.pronouns``); he/she
#: feature ``relative_same_sent``. 1.3.0: he/she feature ``before_verb`` (the candidate is a clause's subject).
#: 1.4.0: retrained with the tenth session's genders (pronouns after a person's mentions give a
#: gender to names of unknown gender: ``gender_match`` fires for more persons); same recipe.
#: 1.5.0: he/she salience features ``own_quote`` (inside the quotation the pronoun attributes),
#: ``attributive`` ("a Trump supporter"), ``near_count`` and ``near_subject`` (mentions, and
#: mentions as a sentence's subject, in the window rather than the article), ``subj_first`` (the
#: agreeing person last named as a clause's subject) and ``chain`` (agreeing pronouns after the
#: candidate before the next one is named); it/they feature ``g:attributive``.
#: 1.5.1: 1.5.0's recipe retrained on the fifteenth session's pipeline (same 1,919 pronouns and
#: features, other feature values), so that the training command rebuilds the shipped arrays.
#: 1.6.0: same features, trained as a pairwise ranker (:func:`fit_pairwise`: a logistic regression on
#: the differences between the antecedent's features and each other candidate's of the same
#: pronoun) instead of one classifying each candidate alone.
#: 1.6.1: 1.6.0's recipe retrained after speaker-ranker 1.4.2 (grouped CV now picks C = 1.0).
#: 1.6.2: 1.6.0's recipe retrained after speaker-ranker 1.4.3 and the eighteenth session's rules (no
#: he/she on a one-word place; capitalised common words no names): grouped CV picks C = 0.1.
PRONOUN_RANKER_VERSION = "1.6.2"
#: ``C`` values tried by cross-validation on train.
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
#: Pronouns the ranker learns.
LEARNED = ("he", "she", "it", "they", "we")


#: ``_log(progress, msg)``: an untimed progress line
_log = partial(log, "train pronoun-ranker")


def _last_plural(chosen: Sequence[Any], view: Any, i: int) -> tuple[str, str, int] | None:
    """The last plural description chosen as a speaker before token ``i`` (as
    :func:`stance.speakers.selection.choose_speakers` keeps it): a person speaker without a name
    mention whose name ends in "s"."""
    last = None
    for sp, m, _ in chosen:
        if sp is None or sp.mention is None:
            continue
        t = view.char_to_token(sp.mention.start)
        if t >= i - 1:
            break
        if m is None and sp.type == "person" and sp.name.endswith("s") and view.lowers[t] not in ("they", "it", "we"):
            last = (sp.name, sp.type, t)
    return last


def build_examples(articles: Sequence[dict[str, Any]], pipeline: Any) -> dict[str, Any]:
    """Feature dicts, labels, group (pronoun) ids, article ids per candidate, the rules' pick per
    candidate, and per pronoun: its word, whether the rules are right, and its group (0: no
    candidate holds the antecedent)."""
    from stance.evaluation.articles import speaker_match
    from stance.speakers.candidates import Candidate, resolve_candidate
    from stance.speakers.pronouns import antecedent_candidates, pick_by_rules, referent_candidates
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
    per: list[dict[str, Any]] = []  # per pronoun: word, rule_ok, group
    n_pos = 0
    ann = pipeline.annotator
    for di, art in enumerate(articles):
        view = build_view(pipeline.make_doc(art["text"]))
        if view.n == 0:
            continue
        raws = find_quotations(view, find_cues(view))
        mentions = MentionIndex(view)
        blocked = quoted_spans(raws)
        chosen = choose_speakers(view, mentions, raws, blocked, ann.ranker, None)
        cued = [(q.cue.start, sp.name) for q, (sp, _, _) in zip(raws, chosen) if q.cue is not None and sp is not None]
        for p in art["pronouns"]:
            i = view.char_to_token(p["start"])
            if i < 0 or i >= view.n or view.lowers[i] not in LEARNED:
                continue
            w = view.lowers[i]
            prev = None
            for cs, name in cued:
                if cs < i - 3:
                    prev = name
            if w in ("he", "she"):
                cands = antecedent_candidates(view, mentions, i, blocked, prev)
                names = [c.mention.canonical for c in cands]
                pick = pick_by_rules(cands)
                rule_ok = pick is not None and speaker_match(pick.mention.canonical, p["antecedent"])
                picks = [c is pick for c in cands]
            else:
                lp = _last_plural(chosen, view, i)
                ruled = resolve_candidate(Candidate(i, i + 1, "left", "pronoun"), view, mentions, list(blocked), lp, None, prev)
                refs = referent_candidates(view, mentions, i, blocked, prev, ruled, lp)
                cands = refs
                names = [r.name for r in refs]
                rule_ok = speaker_match(ruled[0], p["antecedent"])
                picks = [bool(r.features.get("g:rule_pick")) for r in refs]
            labels = [int(speaker_match(nm, p["antecedent"])) for nm in names]
            rec = {"pronoun": w, "rule_ok": bool(rule_ok), "group": 0, "candidates": len(cands)}
            per.append(rec)
            if not cands or not any(labels):
                continue
            n_pos += 1
            rec["group"] = n_pos
            for c, lab, pk in zip(cands, labels, picks):
                X.append(c.features)
                y.append(lab)
                groups.append(n_pos)
                docs.append(di)
                rule.append(1.0 if pk else 0.0)
    return {"X": X, "y": y, "groups": groups, "docs": docs, "rule": rule, "per": per,
            "pronouns": len(per), "resolvable": n_pos}


def per_pronoun(scores: Sequence[float], ex: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Accuracy per pronoun word of the ranker (``scores`` per candidate of ``ex``) and of the rules,
    over all the pronouns of ``ex`` (one without the antecedent among its candidates counts as the
    ranker's error; one without candidates as the rules' answer, which the ranker keeps)."""
    best: dict[int, tuple[float, int]] = {}
    for s, lab, g in zip(scores, ex["y"], ex["groups"]):
        if g not in best or s > best[g][0]:
            best[g] = (float(s), lab)
    out: dict[str, dict[str, Any]] = {}
    for r in ex["per"]:
        o = out.setdefault(r["pronoun"], {"pronouns": 0, "ranker": 0, "rules": 0, "resolvable": 0})
        o["pronouns"] += 1
        o["rules"] += int(r["rule_ok"])
        if r["group"]:
            o["resolvable"] += 1
            o["ranker"] += best[r["group"]][1]
        elif not r["candidates"]:
            o["ranker"] += int(r["rule_ok"])
    for o in out.values():
        o["ranker_accuracy"] = round(o["ranker"] / o["pronouns"], 4)
        o["rules_accuracy"] = round(o["rules"] / o["pronouns"], 4)
    return dict(sorted(out.items()))


def top1(scores: Sequence[float], y: Sequence[int], groups: Sequence[int]) -> dict[str, Any]:
    """Top-1 accuracy over groups (the first best candidate of each group)."""
    best: dict[int, tuple[float, int]] = {}
    for s, lab, g in zip(scores, y, groups):
        if g not in best or s > best[g][0]:
            best[g] = (float(s), lab)
    n = len(best)
    ok = sum(lab for _, lab in best.values())
    return {"accuracy": ok / n if n else 0.0, "correct": ok, "pronouns": n}


def _groups_of(ex: dict[str, Any], words: Sequence[str]) -> list[int]:
    """The candidate groups of ``ex`` whose pronoun is one of ``words``."""
    return [r["group"] for r in ex["per"] if r["group"] and r["pronoun"] in words]


def fit_pairwise(X: Sequence[dict], y: Sequence[int], groups: Sequence[int], C: float = 1.0, seed: int = 0) -> Any:
    """A ``DictVectorizer`` + ``LogisticRegression`` pipeline that ranks the candidates of a pronoun:
    the regression (no intercept) learns from pairs of the same group (pronoun), the antecedent's
    features minus another candidate's (label 1) and the reverse (label 0), so that it learns which
    of two candidates is the better one, not how likely each is alone; its ``predict_proba`` orders
    a pronoun's candidates by the learned score."""
    import numpy as np
    import scipy.sparse as sp
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    vec = DictVectorizer().fit(X)
    M = vec.transform(X).tocsr()
    by: dict[int, list[int]] = {}
    for k, g in enumerate(groups):
        by.setdefault(g, []).append(k)
    rows_pos: list[int] = []
    rows_neg: list[int] = []
    for ks in by.values():
        pos = [k for k in ks if y[k]]
        neg = [k for k in ks if not y[k]]
        for a in pos:
            for b in neg:
                rows_pos.append(a)
                rows_neg.append(b)
    if rows_pos:
        diff = M[rows_pos] - M[rows_neg]
        P = sp.vstack([diff, -diff]).tocsr()
        labels = np.r_[np.ones(len(rows_pos), dtype=int), np.zeros(len(rows_pos), dtype=int)]
    else:  # no pair: a zero vector (every candidate scores alike)
        P = sp.csr_matrix((2, M.shape[1]))
        labels = np.array([1, 0])
    lr = LogisticRegression(C=C, max_iter=3000, fit_intercept=False, random_state=seed).fit(P, labels)
    return make_pipeline(vec, lr)


def choose_c(ex: dict[str, Any], seed: int = 0, folds: int = 5) -> tuple[float, dict[float, float], list[float]]:
    """The ``C`` of :data:`C_GRID` with the best grouped-CV top-1 accuracy on ``ex`` (ties: smaller
    C), the accuracy by ``C``, and the out-of-fold scores per candidate at the chosen ``C``."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    X, y, g, d = ex["X"], np.asarray(ex["y"]), np.asarray(ex["groups"]), np.asarray(ex["docs"])
    cv = {}
    oof: dict[float, list[float]] = {}
    for C in C_GRID:
        ok = n = 0
        scores = [0.0] * len(X)
        for tr, te in GroupKFold(n_splits=folds).split(X, y, d):
            m = fit_pairwise([X[k] for k in tr], y[tr], g[tr], C=C, seed=seed)
            p = m.predict_proba([X[k] for k in te])[:, 1]
            for k, v in zip(te, p):
                scores[k] = float(v)
            r = top1(p, y[te], g[te])
            ok += r["correct"]
            n += r["pronouns"]
        cv[C] = ok / n if n else 0.0
        oof[C] = scores
    best = max(C_GRID, key=lambda c: (cv[c], -c))
    return best, cv, oof[best]


def train_pronoun_ranker(data_dir: str | Path, out_dir: str | Path | None = None, seed: int = 0, progress: bool = True,
                         pronouns_path: str | Path | None = None) -> dict[str, Any]:
    """Fit the pronoun ranker on the train split, report dev (per pronoun, against the rules), save
    the artifact (``params.pronouns``: he/she and the others the ranker resolves at least as well
    as the rules on dev); return the manifest."""
    import json

    import numpy as np

    from stance.artifacts import artifact_dir, file_fingerprint, read_manifest, save_artifact
    from stance.corpora.pronouns import DEFAULT_PRONOUNS, load_pronouns
    from stance.corpora.quote_corpus import DEFAULT_ARTICLES
    from stance.loader import PRONOUN_RANKER_ARTIFACT
    from stance.pipeline import Pipeline
    from stance.training.export import build_inference

    t0 = time.perf_counter()
    out = artifact_dir(out_dir, PRONOUN_RANKER_ARTIFACT[0])
    ppath = Path(pronouns_path) if pronouns_path is not None else DEFAULT_PRONOUNS
    pipe = Pipeline(stance_model=False, actor_lookup=False, party_filter=False, calibration=False)
    pipe.annotator.pronoun_ranker = None  # the previous speakers as the rules resolve them
    parts: dict[str, dict[str, Any]] = {}
    for split in ("train", "dev"):
        arts = load_pronouns(split, data_dir, path=ppath, pronouns=LEARNED)
        parts[split] = build_examples(arts, pipe)
        ex = parts[split]
        _log(progress, f"{split}: {len(arts)} articles, {ex['pronouns']} pronouns, {ex['resolvable']} with the antecedent among the candidates, {len(ex['X'])} candidates")
    tr, dv = parts["train"], parts["dev"]
    C, cv, oof = choose_c(tr, seed)
    _log(progress, f"grouped 5-fold CV on train, top-1 by C: {json.dumps(cv)}; chose C={C}")
    model = fit_pairwise(tr["X"], tr["y"], tr["groups"], C=C, seed=seed)
    dev_scores = model.predict_proba(dv["X"])[:, 1]
    heshe = set(_groups_of(dv, ("he", "she")))
    keep = [k for k, g in enumerate(dv["groups"]) if g in heshe]
    sub = {key: [dv[key][k] for k in keep] for key in ("y", "groups", "rule")}
    dev_rank = top1([dev_scores[k] for k in keep], sub["y"], sub["groups"])
    dev_rule = top1(sub["rule"], sub["y"], sub["groups"])
    by_pronoun = per_pronoun(dev_scores, dv)
    ranked = sorted({"he", "she"} | {w for w, o in by_pronoun.items()
                                     if w not in ("he", "she") and o["pronouns"] and o["ranker"] >= o["rules"]})
    metrics = {
        "dev_top1_accuracy": round(dev_rank["accuracy"], 4),
        "dev_top1_accuracy_rules": round(dev_rule["accuracy"], 4),
        "dev_pronouns_resolvable": dev_rank["pronouns"],
        "dev_by_pronoun": by_pronoun,
        "train_cv_by_pronoun": per_pronoun(oof, tr),
        "dev_pronouns": dv["pronouns"],
        "train_pronouns_resolvable": tr["resolvable"],
        "train_pronouns": tr["pronouns"],
        "cv_top1_by_C": {str(k): round(v, 4) for k, v in cv.items()},
        "train_seconds": round(time.perf_counter() - t0, 1),
    }
    _log(progress, "dev metrics: " + json.dumps(metrics))
    _log(progress, f"the ranker resolves: {ranked}")
    npz, inference = build_inference(model, dv["X"])
    corpus_files = [DEFAULT_ARTICLES / s / f"{sp}.jsonl" for s in ("wikinews", "polnear") for sp in ("train", "dev")]
    save_artifact(
        None, out, name=PRONOUN_RANKER_ARTIFACT[1], version=PRONOUN_RANKER_VERSION,
        labels=["not_antecedent", "antecedent"],
        training_data=[file_fingerprint(ppath)] + [file_fingerprint(f) for f in corpus_files],
        metrics=metrics,
        params={"model": "DictVectorizer + LogisticRegression (pairwise: antecedent minus each other candidate, no intercept)", "C": C, "seed": seed,
                "features": "stance.speakers.pronouns.antecedent_candidates (he/she), referent_candidates (it/they/we)",
                "pronouns": ranked,
                "data": "data/pronouns/polnear.jsonl train + the article-level corpus train (he/she/it/they/we speakers); dev for metrics and the choice of pronouns only"},
        extra_files={inference["file"]: npz},
        extra_manifest={"inference": inference},
    )
    _log(progress, f"saved {out} in {time.perf_counter() - t0:.0f} s")
    return read_manifest(out)
