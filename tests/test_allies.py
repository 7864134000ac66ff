"""The ally relations (stance.speakers.allies) and the ally prior (stance.stance_model.ally_prior),
on invented sentences."""

from __future__ import annotations

import numpy as np
import pytest

from stance.speakers.allies import ally_parties, endorsed, same_person, shares_surname, speaks_for
from stance.stance_model.ally_prior import ALLY_CONCILIATORY_OFFSET, ALLY_HOSTILE_OFFSET, add_ally_offset
from stance.text.mentions import MentionIndex
from stance.text.view import blank_english, build_view

from tests.samples import HAS_STANCE, stances_with_and_without

CLASSES = ["conciliatory", "hostile", "neutral"]


def _article(text):
    view = build_view(blank_english()(text))
    return view, MentionIndex(view)


def test_same_person_and_shared_surnames():
    assert same_person("Roe", "Jane Roe") and same_person("Jane Roe", "Jane Roe")
    assert not same_person("Tom Roe", "Jane Roe") and not same_person("Roe", "Jane Smith") and not same_person(None, "Roe")
    assert shares_surname("Tom Roe", "Jane Roe")
    assert not shares_surname("Jane Roe", "Jane Roe") and not shares_surname("Roe", "Jane Roe")
    assert not shares_surname("Tom Lee", "Jane Roe") and not shares_surname(None, "Jane Roe")


def test_speaks_for_the_campaign_or_person_of_the_affiliation():
    view, mentions = _article("Jane Roe held a rally in Ohio on Monday. Tom Lee, a spokesman for Roe, spoke later.")
    assert speaks_for(mentions, "Tom Lee", "spokesman", "Jane Roe campaign", "Jane Roe")
    assert speaks_for(mentions, "Tom Lee", "spokesman", "Roe campaign", "Jane Roe")  # the surname: the article's full name
    assert speaks_for(mentions, "Tom Lee", "spokesman", "Roe", "Jane Roe")
    assert speaks_for(mentions, "Roe campaign", None, None, "Jane Roe")  # the campaign itself
    assert not speaks_for(mentions, "Tom Lee", "critics", "Roe", "Jane Roe")  # an adversary's role
    assert not speaks_for(mentions, "Tom Lee", "spokesman", "Acme Corp", "Jane Roe")
    assert not speaks_for(mentions, "Tom Lee", "spokesman", None, "Jane Roe")


@pytest.mark.parametrize("text, expected", [
    ("Senator Tom Lee endorsed Jane Roe in March. The rally was full.", True),
    ("Tom Lee, who is backing Gov. Jane Roe, spoke at the rally.", True),
    ("Tom Lee announced his endorsement of Jane Roe on Monday.", True),
    ("Tom Lee has not endorsed Jane Roe yet.", False),  # denied
    ("Tom Lee endorsed the plan, and Jane Roe praised it.", False),  # the endorsed is not the party
    ("Jane Roe endorsed Tom Lee in March.", False),  # the other way round
])
def test_endorsed_outside_the_quotation(text, expected):
    view, mentions = _article(text)
    assert endorsed(view, mentions, "Tom Lee", "Jane Roe", (len(text), len(text))) is expected


def test_an_endorsement_inside_the_quotation_does_not_count():
    text = "Tom Lee endorsed Jane Roe in March, the paper said."
    view, mentions = _article(text)
    assert not endorsed(view, mentions, "Tom Lee", "Jane Roe", (0, text.index(",")))


def test_ally_parties_of_quotations():
    text = "Jane Roe held a rally. Tom Roe, her husband, spoke. Ann Lee endorsed Jane Roe. Acme Corp said nothing."
    view, mentions = _article(text)
    end = (len(text), len(text))
    marks = ally_parties(view, mentions, [
        ("Tom Roe", "person", "husband", end, ["Jane Roe", "Acme Corp"]),
        ("Ann Lee", "person", None, end, ["Jane Roe"]),
        ("Bo Park", "person", "spokesman", end, ["Jane Roe"]),
        (None, None, None, end, ["Jane Roe"]),
    ], {"Bo Park": "Jane Roe campaign"})
    assert marks == [[True, False], [True], [True], [False]]


def test_offset_moves_hostile_away_on_flagged_rows():
    p = np.array([[0.2, 0.5, 0.3], [0.2, 0.5, 0.3], [0.05, 0.05, 0.9]])
    out = add_ally_offset(p, CLASSES, [True, False, True], ALLY_HOSTILE_OFFSET, ALLY_CONCILIATORY_OFFSET)
    assert ALLY_HOSTILE_OFFSET > 0 and ALLY_CONCILIATORY_OFFSET > 0
    assert np.allclose(out.sum(axis=1), 1.0)
    assert out[0, 1] < p[0, 1] and out[0, 0] > p[0, 0] and out[0].argmax() != 1
    assert np.array_equal(out[1], p[1])
    assert out[2].argmax() == 2  # a confident neutral reading stays
    assert np.array_equal(add_ally_offset(p, CLASSES, [True] * 3, 0.0, 0.0), p)


@pytest.mark.skipif(not HAS_STANCE, reason="needs the shipped stance model")
def test_pipeline_applies_the_prior_to_allies_only():
    text = ("Jane Roe opened her campaign office in Dayton on Monday. Tom Lee, a spokesman for Roe, spoke "
            "to reporters. \"Jane Roe failed the city and Acme Corp failed it too,\" Lee said.")
    rows = stances_with_and_without(text, "ally_offsets", (0.0, 0.0))
    moved = [(w, wo) for _, target, w, wo in rows if target == "Jane Roe"]
    assert len(moved) == 1
    w, wo = moved[0]
    assert w["hostile"] < wo["hostile"] and w["conciliatory"] > wo["conciliatory"]
    assert all(w == wo for _, target, w, wo in rows if target != "Jane Roe")
