"""Temperature calibration of the pipeline's quotation stance probabilities.

The default stance model's probabilities for quotations are overconfident (on the corpus dev
split its predicted-label probability overstated accuracy: ECE 0.268). A temperature ``T``
rescales them as ``softmax(log p / T)``: every row keeps its argmax (dividing log-probabilities by
a positive number keeps their order), so no predicted label changes; only the probabilities move.

Two forms (chosen by cross-validation on the corpus train split grouped by article, in
:mod:`stance.training.calibration`): one temperature for every quotation, or one per *head*:
quotations with a known speaker (``"speaker"``) and without (``"no_speaker"``).
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

#: The heads a per-head calibration has a temperature for.
HEADS = ("speaker", "no_speaker")


def apply_temperature(probs: Any, temperatures: Any) -> Any:
    """``softmax(log probs / T)`` row by row (a new float64 array); ``temperatures`` is one positive
    number or one per row. The argmax of every row is kept."""
    import numpy as np

    p = np.asarray(probs, dtype=np.float64)
    t = np.asarray(temperatures, dtype=np.float64)
    if np.any(~np.isfinite(t)) or np.any(t <= 0):
        raise ValueError("temperatures must be finite and positive")
    if p.ndim != 2 or p.shape[0] == 0:
        return p.copy()
    s = np.log(np.maximum(p, 1e-12)) / (t.reshape(-1, 1) if t.ndim else t)
    s -= s.max(axis=1, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=1, keepdims=True)


def _nll(probs: Any, y: Any, t: float) -> float:
    import numpy as np

    q = apply_temperature(probs, t)
    return float(-np.mean(np.log(np.maximum(q[np.arange(len(y)), y], 1e-12))))


def fit_temperature(probs: Any, y: Any, *, lo: float = 0.05, hi: float = 20.0) -> float:
    """The temperature minimising the negative log-likelihood of class indices ``y`` under
    ``softmax(log probs / T)`` (bounded scalar search over ``log T``)."""
    import numpy as np
    from scipy.optimize import minimize_scalar

    y = np.asarray(y, dtype=int)
    if len(y) == 0:
        return 1.0
    r = minimize_scalar(lambda u: _nll(probs, y, float(np.exp(u))), bounds=(np.log(lo), np.log(hi)), method="bounded",
                        options={"xatol": 1e-5})
    return float(np.exp(r.x))


class TemperatureCalibrator:
    """Temperature scaling, scikit-learn style: ``fit(probs, y, heads)`` then ``predict_proba``.

    Args:
        per_head: one temperature per head (:data:`HEADS`, given per row to ``fit`` and
            ``predict_proba``) instead of one for every row. A head without training rows gets
            the overall temperature.
    """

    def __init__(self, per_head: bool = False):
        self.per_head = per_head

    def fit(self, probs: Any, y: Any, heads: Sequence[str] | None = None) -> "TemperatureCalibrator":
        """Fit on the stance probabilities ``probs`` (rows) and gold class indices ``y``."""
        import numpy as np

        probs = np.asarray(probs, dtype=np.float64)
        y = np.asarray(y, dtype=int)
        overall = fit_temperature(probs, y)
        self.temperature_ = overall
        self.temperatures_ = {h: overall for h in HEADS}
        if self.per_head:
            if heads is None:
                raise ValueError("per_head calibration needs the head of every row")
            h = np.asarray(heads)
            for name in HEADS:
                rows = h == name
                if rows.any():
                    self.temperatures_[name] = fit_temperature(probs[rows], y[rows])
        return self

    def predict_proba(self, probs: Any, heads: Sequence[str] | None = None) -> Any:
        """The calibrated probabilities (labels unchanged)."""
        return calibrate(probs, self.temperatures_ if self.per_head else self.temperature_, heads)


def calibrate(probs: Any, temperature: float | Mapping[str, float], heads: Sequence[str] | None = None) -> Any:
    """Apply a fitted calibration: one ``temperature`` for every row, or ``{head: T}`` with the
    head of every row in ``heads``."""
    if isinstance(temperature, Mapping):
        if heads is None:
            raise ValueError("a per-head calibration needs the head of every row")
        return apply_temperature(probs, [float(temperature[h]) for h in heads])
    return apply_temperature(probs, float(temperature))
