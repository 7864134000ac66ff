"""``stance train calibration``: fit the temperature(s) of the default stance model's quotation
stances on the article-level corpus's train split.

1. The default pipeline with calibration off scores every train article; the stances whose
   quotation and party match a gold one (:func:`stance.evaluation.quote_corpus.matched_party_stances`)
   give (probabilities, gold label, head) rows.
2. One temperature, or one per head (quotations with / without a known speaker), minimising the
   negative log-likelihood (:class:`stance.stance_model.calibration.TemperatureCalibrator`); the
   form is chosen by grouped (by article) 5-fold cross-validation on train: the per-head form is
   kept only when its out-of-fold log-loss is lower.
3. Saved as ``models/stance_calibration`` through the artifact store: the manifest records the
   temperature(s), the sha256 of the stance artifact's files (checked by
   :func:`stance.loader.load_calibration`), the train split files' sha256 and the cross-validated
   metrics. No dev or test article is read.
"""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path
from typing import Any, Sequence

from stance.training.progress import log

#: The calibration artifact's version.
#: 1.1.0: refitted on the pipeline of the second 2026-11-29 session (quotations without the sentence class
#: offsets; grouped CV chose one temperature per head).
#: 1.2.0: fitted on the blended model's own probabilities, on stance-classifier 4.1.0.
#: 1.3.0: refitted on stance-classifier 4.2.0 (vectors without the corpus's dev/test texts).
#: 1.3.1: 1.3.0's recipe refitted on the fifteenth session's pipeline (its priors and parties changed the
#: blended model's train stances: 3,494 matched parties against 3,276; T 3.11 -> 2.37), so that the
#: training command rebuilds the shipped temperature.
#: 1.3.2: refitted after party-filter 2.0.2 (the filter decides which parties are scored).
#: 1.3.3: refitted after quote-stance 4.7.1 and party-filter 2.0.3.
#: 1.3.4: refitted after party-filter 2.0.4 and quote-stance 4.7.2.
#: 1.3.5: refitted after party-filter 2.0.5 and quote-stance 4.7.3.
CALIBRATION_VERSION = "1.3.5"
#: Folds of the grouped cross-validation on train.
N_FOLDS = 5
#: Probabilities are read as the pipeline serialises them (4 decimals): a 0.0 is taken as this.
FLOOR = 5e-5


#: ``_log(progress, msg)``: an untimed progress line
_log = partial(log, "train calibration")


def collect_rows(docs: Sequence[dict[str, Any]], pipeline: Any) -> dict[str, Any]:
    """The matched stances of ``docs`` under ``pipeline`` as arrays: ``P`` (probabilities in
    :data:`stance.types.STANCE_LABELS` order, floored and renormalised), ``y`` (gold class
    index), ``pred`` (predicted class index), ``heads`` and ``groups`` (article ids)."""
    import numpy as np

    from stance.evaluation.quote_corpus import matched_party_stances
    from stance.types import STANCE_LABELS

    labels = list(STANCE_LABELS)
    pred = [a.to_dict() for a in pipeline.pipe(((d["text"], d["id"]) for d in docs), as_tuples=True)]
    rows = matched_party_stances(docs, pred)
    P = np.array([[max(float(r["scores"].get(c, 0.0)), FLOOR) for c in labels] for r in rows]).reshape(-1, len(labels))
    P /= P.sum(axis=1, keepdims=True) if len(P) else 1.0
    return {
        "P": P,
        "y": np.array([labels.index(r["gold"]) for r in rows], dtype=int),
        "pred": np.array([labels.index(r["label"]) for r in rows], dtype=int),
        "heads": np.array(["speaker" if r["speaker"] else "no_speaker" for r in rows]),
        "groups": np.array([r["id"] for r in rows]),
    }


def log_loss_of(P: Any, y: Any) -> float:
    import numpy as np

    return float(-np.mean(np.log(np.maximum(P[np.arange(len(y)), y], 1e-12))))


def ece_of(P: Any, y: Any, n_bins: int = 10) -> float:
    """Expected calibration error of the predicted label's probability (as the evaluation computes it)."""
    from stance.evaluation.quote_corpus import calibration

    conf = P.max(axis=1)
    return float(calibration(list(map(float, conf)), list(P.argmax(axis=1) == y), n_bins)["ece"])


def cross_validate(data: dict[str, Any], seed: int = 0) -> dict[str, Any]:
    """Grouped ``N_FOLDS``-fold out-of-fold log-loss and ECE of: no calibration, one temperature,
    one per head."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    from stance.stance_model.calibration import TemperatureCalibrator

    P, y, heads, groups = data["P"], data["y"], data["heads"], data["groups"]
    oof = {"none": P.copy(), "single": np.zeros_like(P), "per_head": np.zeros_like(P)}
    for tr, te in GroupKFold(n_splits=N_FOLDS).split(P, y, groups):
        for form, per_head in (("single", False), ("per_head", True)):
            m = TemperatureCalibrator(per_head=per_head).fit(P[tr], y[tr], heads[tr])
            oof[form][te] = m.predict_proba(P[te], heads[te])
    return {form: {"log_loss": round(log_loss_of(Q, y), 4), "ece": round(ece_of(Q, y), 4)} for form, Q in oof.items()}


def train_calibration(data_dir: str | Path, out_dir: str | Path | None = None, seed: int = 0,
                      progress: bool = True) -> dict[str, Any]:
    """Fit the calibration on the corpus train split and save it; return the manifest."""
    import numpy as np

    from stance.artifacts import artifact_dir, default_models_dir, file_fingerprint, read_manifest, save_artifact
    from stance.artifacts.store import content_hashes
    from stance.corpora.quote_corpus import DEFAULT_ARTICLES, SOURCES, load_quote_corpus
    from stance.loader import CALIBRATION_ARTIFACT, STANCE_ARTIFACTS
    from stance.pipeline import Pipeline
    from stance.stance_model.calibration import HEADS, TemperatureCalibrator
    from stance.types import STANCE_LABELS

    t0 = time.perf_counter()
    models = default_models_dir() if out_dir is None else Path(out_dir).parent
    out = artifact_dir(out_dir, CALIBRATION_ARTIFACT[0], models)
    docs = load_quote_corpus("train", data_dir)
    pipe = Pipeline(models_dir=models, stance_model="blended", calibration=False)
    data = collect_rows(docs, pipe)
    n = len(data["y"])
    _log(progress, f"{len(docs)} train articles: {n} matched parties "
                   f"({int((data['heads'] == 'speaker').sum())} with a speaker)")
    cv = cross_validate(data, seed)
    _log(progress, f"grouped {N_FOLDS}-fold out-of-fold: {cv}")
    per_head = cv["per_head"]["log_loss"] < cv["single"]["log_loss"]
    model = TemperatureCalibrator(per_head=per_head).fit(data["P"], data["y"], data["heads"])
    Q = model.predict_proba(data["P"], data["heads"])
    if not np.array_equal(Q.argmax(axis=1), data["P"].argmax(axis=1)):
        raise AssertionError("temperature scaling changed a predicted label")
    temperature: Any = ({h: round(model.temperatures_[h], 4) for h in HEADS} if per_head
                        else round(model.temperature_, 4))
    _log(progress, f"form {'per_head' if per_head else 'single'}: temperature {temperature}")
    stance_dir = models / STANCE_ARTIFACTS["blended"][0]
    files = [DEFAULT_ARTICLES / s / "train.jsonl" for s in SOURCES]
    metrics = {
        "train_matched_parties": n,
        "train_matched_parties_with_speaker": int((data["heads"] == "speaker").sum()),
        "cv_grouped_out_of_fold": cv,
        "form": "per_head" if per_head else "single",
        "train_in_sample": {"log_loss_before": round(log_loss_of(data["P"], data["y"]), 4),
                            "log_loss_after": round(log_loss_of(Q, data["y"]), 4),
                            "ece_before": round(ece_of(data["P"], data["y"]), 4),
                            "ece_after": round(ece_of(Q, data["y"]), 4)},
        "train_seconds": round(time.perf_counter() - t0, 1),
    }
    save_artifact(
        None,
        out,
        name=CALIBRATION_ARTIFACT[1],
        version=CALIBRATION_VERSION,
        labels=list(STANCE_LABELS),
        training_data=[file_fingerprint(f) for f in files],
        metrics=metrics,
        params={"model": "temperature scaling: softmax(log p / T), fitted by minimum negative log-likelihood",
                "heads": list(HEADS), "folds": N_FOLDS, "seed": seed,
                "applied_to": "the pipeline's quotation stances after the analytic prior",
                "corpus": "data/quote_stance/articles train (fit and form by grouped CV); dev and test not read"},
        extra_manifest={"temperature": temperature,
                        "stance_artifact": content_hashes(read_manifest(stance_dir))},
    )
    _log(progress, f"saved {out} in {time.perf_counter() - t0:.0f} s")
    return read_manifest(out)
