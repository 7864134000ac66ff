"""A definite description of a person's office that names a state ("the Ohio senator", "the
senator from Texas") gives the state as the affiliation of the office holder it refers to (the
person named last before it who holds that office), before the actor lookup's party (invented
sentences)."""

from __future__ import annotations

import pytest

import stance

from tests.samples import roles_by_speaker


@pytest.fixture(scope="module")
def nlp():
    return stance.load()


def test_the_region_before_the_office(nlp):
    text = ('Sen. Jane Roe campaigned in Iowa on Monday. "We will win," Roe said. Voters watched the '
            "Ohio senator speak in a barn.")
    assert roles_by_speaker(nlp, text)["Jane Roe"] == ("senator", "Ohio")


def test_the_region_after_from(nlp):
    text = ('Sen. Jane Roe campaigned in Iowa on Monday. "We will win," Roe said. Her rivals spoke of '
            "the senator from Texas with respect.")
    assert roles_by_speaker(nlp, text)["Jane Roe"] == ("senator", "Texas")


def test_the_description_of_another_senator_named_later_is_not_the_speakers(nlp):
    text = ('Sen. Jane Roe campaigned in Iowa on Monday. "We will win," Roe said. Sen. John Doe '
            "disagreed, and the Ohio senator left.")
    assert roles_by_speaker(nlp, text)["Jane Roe"] == ("senator", None)


def test_the_lookup_finds_the_office_holder_named_last(nlp):
    text = ('Sen. Harry Reid spoke on Monday. "We will win," Reid said. Bernie Sanders was there too; '
            "the senator from Vermont spoke later.")
    assert roles_by_speaker(nlp, text)["Harry Reid"] == ("senator", "Democratic Party")


def test_an_office_of_no_region_gives_nothing(nlp):
    text = ('Jane Roe, a lawyer, spoke on Monday. "We will win," Roe said. Voters watched the Ohio lawyer leave.')
    assert roles_by_speaker(nlp, text)["Jane Roe"][1] is None
