"""Ally prior: a speaker speaking of a person they speak for, are family of or endorsed is rarely
hostile toward them.

The relations come from the article (:mod:`stance.speakers.allies`): a spokesman, adviser or
campaign of the party, a family member (shared surname), an endorsement the article reports.
Like the side prior (:mod:`stance.stance_model.side_prior`), whose mirror it is, it is applied
after the article-consistency mix: :data:`ALLY_HOSTILE_OFFSET` is taken from the log-probability
of ``hostile`` and :data:`ALLY_CONCILIATORY_OFFSET` added to ``conciliatory``, renormalised.

How the offsets were chosen (corpus train split; the grouped 5-fold out-of-fold probabilities of
the shipped quote-model recipe, 3,388 proposed parties matched to gold ones, with the analytic
and frame priors, the article mix and the side prior applied): 126 rows are allies (6 hostile,
57 neutral, 63 conciliatory in the gold; the whole set is 0.29 hostile, 0.18 conciliatory).
Offsets (hostile, conciliatory) fitted by log-loss inside grouped 5-fold CV: -1.97, +0.07;
macro-F1 0.6070 -> 0.6108, +0.0038 (95 % paired article bootstrap [+0.0011, +0.0066]). Fixed
offsets after the mix: hostile -2 alone +0.0043 [+0.0015, +0.0074] (log-loss 0.8264 -> 0.8171);
-2 and +0.5: +0.0058 [+0.0026, +0.0094] (log-loss 0.8177, conciliatory recall 0.529 -> 0.546);
-2 and +1: +0.0058 [+0.0019, +0.0100] (log-loss 0.8197). Shipped: -2 and +0.5 after the mix.
"""

from __future__ import annotations

from typing import Any, Sequence

from stance.stance_model.class_offsets import add_offsets_where

#: log-odds taken from ``hostile`` toward a party that is the speaker's ally (0: off)
ALLY_HOSTILE_OFFSET = 2.0
#: log-odds added to ``conciliatory`` toward a party that is the speaker's ally
ALLY_CONCILIATORY_OFFSET = 0.5


def add_ally_offset(probs: Any, classes: Sequence[str], ally: Sequence[bool], hostile: float, conciliatory: float) -> Any:
    """``probs`` with ``hostile`` taken from the ``hostile`` log-probability and ``conciliatory``
    added to the ``conciliatory`` one of the rows ``ally`` flags, renormalised (a new array)."""
    return add_offsets_where(probs, classes, ally, {"hostile": -hostile, "conciliatory": conciliatory})
