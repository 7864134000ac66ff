"""Fine-tune the optional contextual stance model (:mod:`stance.stance_model.contextual`) and save it as an artifact.

Training data: NewsMTSC ``train`` (no source actor) and directed_sentiment ``train`` (with a source
actor), one model for both, the source marked in the text. directed_sentiment is 83% neutral; its
neutral examples are sub-sampled (a seeded, fixed fraction) so that the two corpora weigh about
the same and the polar classes are not drowned. The dev splits are scored and written into the
manifest, never fitted on. Needs ``pip install -e ".[contextual]"``; takes about 25 minutes on two
CPU cores.
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path
from typing import Any

#: Hyper-parameters of the shipped model (chosen on the dev splits only).
DEFAULT_PARAMS: dict[str, Any] = {
    "epochs": 2,
    "lr": 5e-5,
    "batch_size": 32,
    "max_length": 160,
    "weight_decay": 0.01,
    "balance": True,
    # logit offsets (hostile, neutral, conciliatory) for examples with a source actor, chosen on
    # directed_sentiment dev (a 13 x 13 grid): the neutral sub-sampling and class balancing make
    # the model over-predict the polar classes there. Applied after fitting; fitting ignores it.
    "class_bias": {"src": [-0.75, 0.0, -1.0]},
}
#: Fraction of directed_sentiment's neutral training examples kept.
DS_NEUTRAL_FRACTION = 0.3

VERSION = "1.0.0"
NAME = "stance-contextual"



def train_contextual(
    data_dir: str | os.PathLike[str],
    out_dir: str | os.PathLike[str] | None = None,
    seed: int = 0,
    progress: bool = True,
    params: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Fit on the training corpora under ``data_dir``, score the dev splits, save to ``out_dir``
    (default ``<models dir>/contextual``). Returns the written manifest."""
    import json

    from stance.artifacts import artifact_dir
    from stance.stance_model.contextual import (
        ContextualStanceClassifier,
    )
    from stance.training.progress import Progress
    from stance.training.stance import read_train_files

    say = Progress(progress, "train contextual")
    data = Path(data_dir)
    out = artifact_dir(out_dir, "contextual")
    hp = dict(DEFAULT_PARAMS)
    hp.update(params or {})
    X: list[Any] = []
    y: list[str] = []
    fingerprints = []
    for corpus, xs, ys, fp in read_train_files(data, say):
        if corpus == "directed_sentiment":
            rng = random.Random(seed + 1)
            keep = [i for i, lab in enumerate(ys) if lab != "neutral" or rng.random() < DS_NEUTRAL_FRACTION]
            xs, ys = [xs[i] for i in keep], [ys[i] for i in keep]
            fp["used"] = len(xs)
            fp["neutral_fraction_kept"] = DS_NEUTRAL_FRACTION
            say(f"{corpus}: {len(xs)} examples used (neutral sub-sampled)")
        X += xs
        y += ys
        fingerprints.append(fp)

    model = ContextualStanceClassifier(random_state=seed, verbose=progress, **hp)
    say(f"fine-tuning on {len(X)} examples ({json.dumps(hp)})")
    t0 = time.perf_counter()
    model.fit(X, y)
    fit_s = time.perf_counter() - t0
    say(f"fitted in {fit_s:.0f}s")
    return finish_contextual(model, data, out, fingerprints, fit_s, seed=seed, progress=progress)


def finish_contextual(
    model: Any,
    data_dir: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    fingerprints: list[dict[str, Any]],
    fit_seconds: float,
    *,
    seed: int = 0,
    progress: bool = True,
) -> dict[str, Any]:
    """Score a fitted contextual model on the dev splits and save it with its manifest."""
    import json

    from stance.artifacts import save_artifact
    from stance.stance_model.contextual import BASE_PACKAGE, base_package_version
    from stance.stance_model.features import LABELS
    from stance.training.progress import Progress
    from stance.training.stance import score_dev_splits

    say = Progress(progress, "train contextual")
    data, out = Path(data_dir), Path(out_dir)
    fingerprints = [dict(fp) for fp in fingerprints if fp.get("role", "train") == "train"]
    hp = {k: v for k, v in model.get_params().items() if k not in ("random_state", "threads", "verbose")}
    metrics: dict[str, Any] = {"fit_seconds": round(fit_seconds, 1)}
    dev_metrics, dev_prints, _ = score_dev_splits(model, data, say, throughput=True)
    metrics.update(dev_metrics)
    fingerprints += dev_prints
    for fp in fingerprints:
        fp.setdefault("role", "train")
    import torch
    import transformers

    manifest_path = save_artifact(
        model,
        out,
        name=NAME,
        version=VERSION,
        labels=LABELS,
        training_data=fingerprints,
        metrics=metrics,
        params=dict(hp, seed=seed, ds_neutral_fraction=DS_NEUTRAL_FRACTION,
                    estimator="stance.stance_model.contextual.ContextualStanceClassifier"),
        extra_manifest={"base_model": {"package": BASE_PACKAGE, "version": base_package_version(),
                                       "torch": torch.__version__, "transformers": transformers.__version__}},
    )
    say(f"saved {out} ({(out / 'model.joblib').stat().st_size / 1e6:.1f} MB)")
    return json.loads(manifest_path.read_text(encoding="utf-8"))
