"""Frame prior: the stance the reporting frame's verb takes toward its object.

ANNOTATION.md (rule 10): an accusation, criticism, warning or condemnation of a party is hostile
toward it, praise, thanks, congratulation or support conciliatory. When a party of a quotation is
the object of such a verb in the quotation's sentence ("Iran warned the United States that ...",
"accused Russia of shelling ...", "praised Merkel for ..., saying ..."; the verbs and their
polarity are ``data/frame_object_verbs.tsv``, found by :func:`stance.parties.references.frame_objects`
and carried as :attr:`~stance.parties.references.TargetMention.frame`), the pipeline adds
:data:`FRAME_STANCE_OFFSET` to that class's log-probability and renormalises
(:func:`stance.stance_model.class_offsets.add_class_offsets`), as the
analytic-speaker prior (:mod:`stance.stance_model.speaker_prior`) does for ``neutral``.

How the offset was chosen: on the article corpus's train split, grouped 5-fold out-of-fold
probabilities of the quote model (its shipped parameters and temperature, the analytic prior on)
of the 3,363 proposed parties matched to gold ones; 59 are such frame objects (42 hostile, 11
conciliatory, 6 neutral in the gold). Offsets 0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3 and 5 gave them
accuracy 0.763, 0.797, 0.831, 0.864, 0.864, 0.864, 0.864, 0.864, 0.864 and the whole set macro-F1
0.5578, 0.5585, 0.5591, 0.5597, 0.5597, 0.5598, 0.5598, 0.5598, 0.5598 and log-loss 0.8862,
0.8853, 0.8847, 0.8842, 0.8839, 0.8837, 0.8839, 0.8852, 0.8894: 1.5 is best on all three and
keeps the model's confident contrary readings (another class more than e^1.5 = 4.5 times as
likely stays).
"""

from __future__ import annotations

#: Log-odds added to the class the frame verb names (0 turns the prior off).
FRAME_STANCE_OFFSET = 1.5
