"""Label the unlabelled example pool (:mod:`stance.training.pseudo`) with the contextual model.

``stance distill --data DIR`` builds the pool from the training corpora under ``DIR``, scores it with
the shipped contextual model (``models/contextual``; needs the ``[contextual]`` extra) and writes
``data/distill/stance_pseudo_labels.npz`` (keys and probabilities, no text), which ``stance train
stance`` then reads. About 8 minutes on two cores for some 70,000 examples.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from stance.training.progress import Progress

#: Where the labels live in the repository (read by ``stance train stance``).
DEFAULT_LABELS = Path(__file__).resolve().parent.parent.parent / "data" / "distill" / "stance_pseudo_labels.npz"


def distill_labels(
    data_dir: str | os.PathLike[str],
    out: str | os.PathLike[str] | None = None,
    models_dir: str | os.PathLike[str] | None = None,
    progress: bool = True,
    chunk: int = 2048,
) -> dict[str, Any]:
    """Build the pool, label it with the contextual model, save; return a summary."""
    import numpy as np

    import stance

    from stance.artifacts import default_models_dir, read_manifest
    from stance.loader import load_stance_model
    from stance.training.pseudo import read_texts, build_pool, examples_from_keys, save_labels

    say = Progress(progress, "distill")

    teacher = load_stance_model(models_dir, kind="contextual")
    tdir = (Path(models_dir) if models_dir is not None else default_models_dir()) / "contextual"
    tm = read_manifest(tdir)
    keys, sources = build_pool(data_dir, pipeline=stance.load(models_dir=models_dir))
    say(f"pool: {len(keys)} examples ({int((keys[:, 0] == 0).sum())} sentence, {int((keys[:, 0] == 1).sum())} quote)")
    texts, _ = read_texts(Path(data_dir))
    X = examples_from_keys(keys, texts)
    P = np.zeros((len(X), 3), dtype=np.float64)
    for k in range(0, len(X), chunk):
        P[k:k + chunk] = teacher.predict_proba(X[k:k + chunk])
        say(f"labelled {min(len(X), k + chunk)}/{len(X)}")
    path = save_labels(out or DEFAULT_LABELS, keys, P, sources,
                       {"name": tm["name"], "version": tm["version"], "sha256": tm["sha256"]})
    hist = np.bincount(P.argmax(1), minlength=3).tolist()
    say(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return {"file": str(path), "examples": len(X), "argmax_counts": dict(zip(["hostile", "neutral", "conciliatory"], hist)),
            "seconds": round(time.perf_counter() - say.t0, 1)}

