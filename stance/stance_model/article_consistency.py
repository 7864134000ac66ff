"""Article consistency: a party's stances within one article lean toward each other.

A speaker quoted several times in an article about the same party mostly keeps one stance toward
it: in the article corpus's train annotation, a pair of a (speaker, party) dyad quoted more than
once in an article has the label of the dyad's other pairs' majority 78 % of the time, and a
single quotation read alone is often ambiguous ("We will see what they do"). So the pipeline mixes
each stance's probabilities ``p`` with the mean ``m`` of the other stances toward the same party in
the same article (any speaker), ``(1 - a) * p + a * m`` with ``a`` = :data:`ARTICLE_MIX`, and reads
the label from the mixture, whose probabilities are then recalibrated by
:data:`ARTICLE_MIX_TEMPERATURE`; a party with one stance in its article keeps it.

How ``a`` was chosen and what it does (twelfth session; ``python benchmarks/article_consistency.py
--data ../shared/data``): on grouped 5-fold out-of-fold probabilities of the quote model on the
corpus's train split (3,388 examples, 439 articles), 0.3 / 0.4 / 0.5 gave +0.0115 / +0.0165 /
+0.0163 macro-F1 with quote-stance 4.5.0's setting and +0.0185 / +0.0220 / +0.0224 with 4.6.0's
(all intervals above zero); 0.5 was chosen. On the corpus dev split with quote-stance 4.6.0 it moved
stance macro-F1 0.5923 -> 0.6175 (+0.0251 [−0.0079, +0.0524]) and end-to-end F1 0.4035 -> 0.4237
(+0.0202 [+0.0043, +0.0370]) by paired article bootstrap.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Hashable, Sequence

from stance.stance_model.calibration import apply_temperature

#: The weight of the mean of the party's other stances in the article (0 turns the mixing off).
ARTICLE_MIX = 0.5
#: The temperature of the mixed rows: averaging flattens them (grouped out-of-fold ECE on train,
#: the quote model's temperature applied, 0.0149 before mixing, 0.0758 after); dividing their
#: log-probabilities by this temperature, fitted by log-loss on the mixed rows of those
#: out-of-fold probabilities (2,534 of 3,388), brings it back to 0.0165 and changes no label.
ARTICLE_MIX_TEMPERATURE = 0.613


def mix_within_groups(probs: Any, groups: Sequence[Hashable], weight: float, temperature: float = 1.0) -> Any:
    """``probs`` (rows of class probabilities) with each row mixed with the mean of the other rows
    of its group, ``(1 - weight) * row + weight * mean(others)``, then sharpened or flattened by
    ``temperature`` (:func:`~stance.stance_model.calibration.apply_temperature`, argmax unchanged) (a new array;
    rows alone in their group, and every row when ``weight`` is 0, are unchanged). Rows stay
    probability distributions."""
    import numpy as np

    out = np.array(probs, dtype=np.float64)
    if not weight or len(out) < 2:
        return out
    if len(groups) != len(out):
        raise ValueError(f"{len(groups)} group keys for {len(out)} rows")
    members: dict[Hashable, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        members[g].append(i)
    src = out.copy()
    for ix in members.values():
        if len(ix) > 1:
            block = src[ix]
            others = (block.sum(axis=0) - block) / (len(ix) - 1)
            mixed = (1.0 - weight) * block + weight * others
            out[ix] = apply_temperature(mixed, temperature) if temperature != 1.0 else mixed
    return out
