"""A body a role's preposition describes by its kind and then names ("organizer of a group called
Citizens for Acme", "managing director of a group in Paris, the Sustainable Acme Network") gives
that name as the affiliation (invented sentences)."""

from __future__ import annotations

import pytest

import stance

from tests.samples import roles_by_speaker


@pytest.fixture(scope="module")
def nlp():
    return stance.load()


def test_a_group_called_by_its_name(nlp):
    text = ('"You stick everybody together," said Jane Roe, organizer of a group called Citizens for '
            "Trump, which expects 5,000 to attend.")
    assert roles_by_speaker(nlp, text)["Jane Roe"] == ("organizer", "Citizens for Trump")


def test_a_platform_before_the_kind_is_not_the_body(nlp):
    text = ('"We feel robbed," said Jane Roe, the founder of a Facebook group called Occupy Acme '
            "Convention, which has 25,000 members.")
    assert roles_by_speaker(nlp, text)["Jane Roe"][1] == "Occupy Acme Convention"


def test_a_body_named_after_a_comma(nlp):
    text = ('"It will happen," said Jane Roe, managing director of a group in Paris and New York, the '
            "Sustainable Acme Network, that is analyzing the steps.")
    assert roles_by_speaker(nlp, text)["Jane Roe"] == ("managing director", "Sustainable Acme Network")


def test_a_person_after_the_comma_is_no_body(nlp):
    text = '"We are leaving," said Jane Roe, director of a group in Paris, Li Wei, and a friend.'
    assert roles_by_speaker(nlp, text)["Jane Roe"][1] is None
