"""Confidence intervals of the stance score ``(hostile - conciliatory) / n``.

The score is the mean of a per-stance value x = +1 (hostile), 0 (neutral), -1 (conciliatory).

* ``wilson`` (default): the Wilson score interval of the proportion ``(score + 1) / 2`` over ``n``
  trials, mapped back to [-1, 1]. That is, a neutral stance counts as half hostile and half
  conciliatory. A variable on {0, 1/2, 1} has at most the variance of a Bernoulli variable with the
  same mean, so the interval is conservative (at least nominal coverage under the normal
  approximation). It is closed form, lies within [-1, 1] and always contains the point estimate.
* ``bootstrap``: the percentile interval of the score over resampled counts (multinomial with the
  edge's observed label shares; fixed seed, so deterministic), widened if needed to contain the
  point estimate.
"""

from __future__ import annotations

from typing import Any

from .defaults import BOOTSTRAP_SAMPLES, BOOTSTRAP_SEED, CONFIDENCE, Z


def wilson(n_hostile: Any, n_neutral: Any, n_conciliatory: Any, z: float = Z) -> tuple[Any, Any, Any]:
    """(score, low, high) arrays for arrays of label counts (rows with n = 0 give NaN)."""
    import numpy as np

    h = np.asarray(n_hostile, dtype=float)
    c = np.asarray(n_conciliatory, dtype=float)
    n = h + np.asarray(n_neutral, dtype=float) + c
    with np.errstate(invalid="ignore", divide="ignore"):
        score = (h - c) / n
        p = (score + 1.0) / 2.0
        z2n = z * z / n
        centre = (p + z2n / 2.0) / (1.0 + z2n)
        half = z * np.sqrt(p * (1.0 - p) / n + z2n / (4.0 * n)) / (1.0 + z2n)
    low = np.clip(2.0 * (centre - half) - 1.0, -1.0, 1.0)
    high = np.clip(2.0 * (centre + half) - 1.0, -1.0, 1.0)
    return score, np.fmin(low, score), np.fmax(high, score)


def bootstrap(n_hostile: Any, n_neutral: Any, n_conciliatory: Any, samples: int = BOOTSTRAP_SAMPLES,
              seed: int = BOOTSTRAP_SEED, confidence: float = CONFIDENCE) -> tuple[Any, Any, Any]:
    """(score, low, high) arrays by a percentile bootstrap of each row's counts."""
    import numpy as np

    h = np.asarray(n_hostile, dtype=np.int64)
    m = np.asarray(n_neutral, dtype=np.int64)
    c = np.asarray(n_conciliatory, dtype=np.int64)
    n = h + m + c
    with np.errstate(invalid="ignore", divide="ignore"):
        score = (h - c) / n
    low = np.full(len(n), np.nan)
    high = np.full(len(n), np.nan)
    rng = np.random.default_rng(seed)
    a = (1.0 - confidence) / 2.0
    for i in range(len(n)):
        if n[i] == 0:
            continue
        draws = rng.multinomial(n[i], [h[i] / n[i], m[i] / n[i], c[i] / n[i]], size=samples)
        s = (draws[:, 0] - draws[:, 2]) / n[i]
        lo, hi = np.quantile(s, [a, 1.0 - a])
        low[i] = min(lo, score[i])
        high[i] = max(hi, score[i])
    return score, low, high


def interval(method: str, n_hostile: Any, n_neutral: Any, n_conciliatory: Any) -> tuple[Any, Any, Any]:
    """(score, low, high) by ``method`` ("wilson" or "bootstrap")."""
    if method == "wilson":
        return wilson(n_hostile, n_neutral, n_conciliatory)
    if method == "bootstrap":
        return bootstrap(n_hostile, n_neutral, n_conciliatory)
    raise ValueError(f"interval must be 'wilson' or 'bootstrap', got {method!r}")
