"""A party label inside a role yields to the place or body the role's "of"/"with"/"at" names ("the
former Republican mayor of Springfield" -> Springfield), but not to a legislature's body, not when
the label is the whole role ("Republican of Arizona", the NYT's form for a legislator) and not to
the body of a second role joined by "and"; a body's name holding a party label ("Log Cabin
Republicans") or opening with a place ("Springfield 2016 Host Committee") is kept whole (invented
sentences)."""

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


def test_a_body_named_with_a_party_label_keeps_its_name(nlp):
    text = '"It would be remarkable," said Jane Roe, president of the Log Cabin Republicans.'
    assert roles_by_speaker(nlp, text)["Jane Roe"] == ("president", "Log Cabin Republicans")


def test_a_state_partys_members_still_give_the_party(nlp):
    text = '"We won," said Jane Roe, chairwoman of the Maryland Republicans.'
    assert roles_by_speaker(nlp, text)["Jane Roe"][1] == "Republican Party"


def test_a_body_named_for_its_place_is_whole(nlp):
    text = ('"We never had this much attention," said Jane Roe, president and chief executive of the '
            "Springfield 2016 Host Committee.")
    assert roles_by_speaker(nlp, text)["Jane Roe"][1] == "Springfield 2016 Host Committee"


def test_a_place_alone_after_a_role_stays_the_place(nlp):
    assert roles_by_speaker(nlp, '"We won," said Jane Roe, the mayor of Springfield.')["Jane Roe"][1] == "Springfield"
