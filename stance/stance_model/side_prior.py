"""Side prior: a speaker speaking of the opposing side is more often hostile toward it.

ANNOTATION.md (rules 9-10) labels the stance the quotation takes; a Democrat quoted about a
Republican (or the reverse) attacks far more often than praises. The sides of the speaker and of
each party come from the article and the actor lookup (:mod:`stance.speakers.sides`); when they
are ``opposite`` (``data/opposing_sides.tsv``) the pipeline adds :data:`OPPOSING_SIDE_OFFSET` to
the log-probability of ``hostile``, subtracts it from ``conciliatory`` and renormalises
(:func:`stance.stance_model.class_offsets.add_class_offsets`), as the frame prior
(:mod:`stance.stance_model.frame_prior`) does for a frame verb's class.

It is applied after the article-consistency mix (:mod:`stance.stance_model.article_consistency`):
the relation belongs to the (speaker, party) pair, so it should not spread to the party's
stances of other speakers of the article (a newspaper's report of the attack).

How the offset was chosen (corpus train split; grouped 5-fold out-of-fold probabilities of the
shipped quote-model recipe, 3,388 proposed parties matched to gold ones): 236 are of the opposite
side (173 hostile, 52 neutral, 11 conciliatory in the gold: 0.73 hostile where the whole set has
0.29). On the raw probabilities, offsets (hostile +a, conciliatory -b) fitted by log-loss inside
grouped 5-fold CV (a = 0.91, b = 1.46 on the whole set) gave macro-F1 0.5674 -> 0.5735 (+0.0061,
95 % paired article bootstrap [+0.0008, +0.0110]), log-loss 0.8860 -> 0.8713, accuracy on the
236 rows 0.593 -> 0.674. With the pipeline's analytic and frame priors and article mix applied to
the same probabilities, a = b = 0.5, 1 and 1.5 after the mix gave macro-F1 0.5966 -> 0.6039,
0.6070 (+0.0104 [+0.0039, +0.0176]) and 0.6055, log-loss 0.8386 -> 0.8293, 0.8264 and 0.8283
(before the mix: 0.6032, 0.6055, 0.6057; 0.8302, 0.8289, 0.8321): 1 after the mix. Offsets for
the same party too: +0.0050 [-0.0011, +0.0108]; for every relation (same party, same state,
other): -0.0003 [-0.0100, +0.0086]; not used (a shared party is no friendship in primaries).
"""

from __future__ import annotations

from typing import Any, Sequence

from stance.stance_model.class_offsets import add_offsets_where

#: Log-odds added to ``hostile`` and taken from ``conciliatory`` toward a party of the speaker's
#: opposing side (0 turns the prior off).
OPPOSING_SIDE_OFFSET = 1.0


def add_opposing_offset(probs: Any, classes: Sequence[str], opposite: Sequence[bool], offset: float) -> Any:
    """``probs`` with ``offset`` added to the ``hostile`` log-probability and taken from the
    ``conciliatory`` one of the rows ``opposite`` flags, renormalised (a new array)."""
    return add_offsets_where(probs, classes, opposite, {"hostile": offset, "conciliatory": -offset})
