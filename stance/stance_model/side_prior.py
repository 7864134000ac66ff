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
shipped quote-model recipe, 3,388 proposed parties matched to gold ones): 164 are of the opposite
side (121 hostile, 34 neutral, 9 conciliatory in the gold: 0.74 hostile where the whole set has
0.29). On the raw probabilities, offsets (hostile +a, conciliatory -b) fitted by log-loss inside
grouped 5-fold CV gave a = 0.88, b = 1.16 and macro-F1 0.5674 -> 0.5713 (+0.0038, 95 % paired
article bootstrap [-0.0007, +0.0079]), log-loss 0.8860 -> 0.8775, accuracy on the 164 rows
0.598 -> 0.677. With the pipeline's analytic and frame priors and article mix applied to the same
probabilities, a = b = 0.5, 1 and 1.5 after the mix gave macro-F1 0.5966 -> 0.6003, 0.6027
(+0.0061 [+0.0009, +0.0112]) and 0.6014, log-loss 0.8386 -> 0.8330, 0.8317 and 0.8335 (before
the mix: 0.6000, 0.6010, 0.6004; 0.8338, 0.8335, 0.8360): 1 after the mix. Same-party and
same-state offsets (351 and 151 rows, 0.40 and 0.48 hostile: the 2016 primaries' rivals) lowered
the cross-validated macro-F1 (-0.0046 with every relation) and are not used.
"""

from __future__ import annotations

from typing import Any, Sequence

from stance.stance_model.class_offsets import add_class_offsets

#: Log-odds added to ``hostile`` and taken from ``conciliatory`` toward a party of the speaker's
#: opposing side (0 turns the prior off).
OPPOSING_SIDE_OFFSET = 1.0


def add_opposing_offset(probs: Any, classes: Sequence[str], opposite: Sequence[bool], offset: float) -> Any:
    """``probs`` with ``offset`` added to the ``hostile`` log-probability and taken from the
    ``conciliatory`` one of the rows ``opposite`` flags, renormalised (a new array)."""
    probs = add_class_offsets(probs, classes, ["hostile" if o else "" for o in opposite], offset)
    return add_class_offsets(probs, classes, ["conciliatory" if o else "" for o in opposite], -offset)
