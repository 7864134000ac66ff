"""The frame prior (stance.stance_model.frame_prior): the stance a frame verb takes toward its
object party (ANNOTATION.md rule 10) as a log-odds offset, and its use in the pipeline. All texts
are invented."""

from __future__ import annotations

import numpy as np
import pytest

from stance.stance_model.class_offsets import add_class_offsets
from stance.stance_model.frame_prior import FRAME_STANCE_OFFSET

from tests.samples import HAS_STANCE

CLASSES = ["hostile", "neutral", "conciliatory"]


def test_offsets_move_the_named_class_of_each_row():
    p = np.array([[0.3, 0.6, 0.1], [0.2, 0.5, 0.3], [0.1, 0.1, 0.8], [0.05, 0.9, 0.05]])
    out = add_class_offsets(p, CLASSES, ["hostile", "conciliatory", "", "hostile"], 1.5)
    assert np.allclose(out.sum(axis=1), 1.0)
    assert out[0].argmax() == 0  # 0.3 * e^1.5 > 0.6
    assert out[1, 2] > p[1, 2] and out[1].argmax() == 2
    assert np.array_equal(out[2], p[2])  # no frame: unchanged
    assert out[3].argmax() == 1  # a confident neutral reading stays neutral
    assert np.array_equal(add_class_offsets(p, CLASSES, ["hostile"] * 4, 0.0), p)
    assert np.array_equal(add_class_offsets(p, CLASSES, ["other"] * 4, 1.5), p)  # no such class


@pytest.mark.skipif(not HAS_STANCE, reason="needs the shipped stance model")
def test_pipeline_applies_the_prior_to_frame_objects_only():
    import stance

    text = ("Mayor Ana Ruiz accused Boris Kovac of hiding the audit from the council. "
            "Ruiz also said the audit office had moved to a new building.")
    nlp = stance.load(party_filter=False)
    with_prior = nlp(text)
    nlp.annotator.frame_offset = 0.0
    without = nlp(text)
    assert FRAME_STANCE_OFFSET > 0
    moved = 0
    for qa, qb in zip(with_prior.quotes, without.quotes):
        assert qa.quote == qb.quote
        for sa, sb in zip(qa.stances, qb.stances):
            assert sa.target == sb.target
            if "hiding the audit" in qa.quote.text and sa.target == "Boris Kovac":
                assert sa.scores["hostile"] > sb.scores["hostile"]
                moved += 1
            else:
                assert sa.scores == sb.scores
    assert moved == 1
