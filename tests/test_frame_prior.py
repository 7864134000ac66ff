"""The frame prior (stance.stance_model.frame_prior): the stance a frame verb takes toward its
object party (ANNOTATION.md rule 10) as a log-odds offset, and its use in the pipeline. All texts
are invented."""

from __future__ import annotations

import numpy as np
import pytest

from stance.stance_model.class_offsets import add_class_offsets
from stance.stance_model.frame_prior import FRAME_STANCE_OFFSET

from tests.samples import HAS_STANCE, stances_with_and_without

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
    text = ("Mayor Ana Ruiz accused Boris Kovac of hiding the audit from the council. "
            "Ruiz also said the audit office had moved to a new building.")
    assert FRAME_STANCE_OFFSET > 0
    rows = stances_with_and_without(text, "frame_offset", 0.0)
    framed = [(q, t) for q, t, _, _ in rows if "hiding the audit" in q and t == "Boris Kovac"]
    assert len(framed) == 1
    for q, target, w, wo in rows:
        if (q, target) in framed:
            assert w["hostile"] > wo["hostile"]
        else:
            assert w == wo
