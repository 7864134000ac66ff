"""A party label inside a role yields to the place or body the role's "of"/"with"/"at" names ("the
former Republican mayor of Springfield" -> Springfield), but not to a legislature's body, not when
the label is the whole role ("Republican of Arizona", the NYT's form for a legislator) and not to
the body of a second role joined by "and" (invented sentences)."""

from __future__ import annotations

import pytest

import stance

from tests.samples import roles_by_speaker


@pytest.fixture(scope="module")
def nlp():
    return stance.load()


def test_the_place_an_office_serves_wins_over_the_party_label(nlp):
    text = '"We lost," said Jane Roe, the former Republican mayor of Springfield who made a bid.'
    assert roles_by_speaker(nlp, text)["Jane Roe"] == ("former Republican mayor", "Springfield")


def test_the_state_a_governor_served_wins_over_the_party_label(nlp):
    text = '"We lost," said Jane Roe, a former Democratic governor of Pennsylvania.'
    assert roles_by_speaker(nlp, text)["Jane Roe"][1] == "Pennsylvania"


def test_a_committee_of_a_legislature_leaves_the_party(nlp):
    text = '"We lost," said Jane Roe, a Democratic member of the House Oversight Committee.'
    assert roles_by_speaker(nlp, text)["Jane Roe"][1] == "Democratic Party"


def test_a_party_label_alone_as_the_role_keeps_the_party(nlp):
    text = '"We lost," said Senator Jeff Roe, Republican of Arizona.'
    assert roles_by_speaker(nlp, text)["Jeff Roe"][1] == "Republican Party"


def test_the_body_of_a_second_role_does_not_outrank_the_party(nlp):
    text = '"We lost," said Jane Roe, a longtime Democratic activist and author of Acme Rules.'
    assert roles_by_speaker(nlp, text)["Jane Roe"][1] == "Democratic Party"
