"""Log-odds offsets of chosen classes, row by row: the arithmetic of the stance priors
(:mod:`stance.stance_model.speaker_prior`, :mod:`stance.stance_model.frame_prior`,
:mod:`stance.stance_model.side_prior`, :mod:`stance.stance_model.ally_prior`)."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from stance.stance_model.inference import softmax_rows


def add_class_offsets(probs: Any, classes: Sequence[str], labels: Sequence[str], offset: float) -> Any:
    """``probs`` with ``offset`` added to the log-probability of the class ``labels[i]`` names in
    row ``i`` and those rows renormalised (a new array; rows whose label is "" or no class are
    unchanged)."""
    import numpy as np

    probs = np.array(probs, dtype=np.float64)
    index = {c: k for k, c in enumerate(classes)}
    rows = [(i, index[lab]) for i, lab in enumerate(labels) if lab in index]
    if not offset or not rows:
        return probs
    r = np.fromiter((i for i, _ in rows), dtype=np.int64, count=len(rows))
    k = np.fromiter((c for _, c in rows), dtype=np.int64, count=len(rows))
    s = np.log(np.maximum(probs[r], 1e-12))
    s[np.arange(len(rows)), k] += float(offset)
    probs[r] = softmax_rows(s)
    return probs


def add_offsets_where(probs: Any, classes: Sequence[str], flags: Sequence[bool], offsets: Mapping[str, float]) -> Any:
    """``probs`` with each class's offset of ``offsets`` added, in their order, to the
    log-probabilities of the rows ``flags`` marks, renormalised after each (a new array; the
    side and ally priors' pairs of offsets)."""
    for label, offset in offsets.items():
        probs = add_class_offsets(probs, classes, [label if f else "" for f in flags], offset)
    return probs
