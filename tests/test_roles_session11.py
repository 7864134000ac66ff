"""Roles and affiliations, eleventh session (invented sentences): a sitting governor the article
calls by a party label or code ("Republican Gov. Mary Fallin", "Gov. Pat McCrory (R)") is
affiliated with the state the actor lookup says they govern at the article's date, not the party."""

from __future__ import annotations

import pytest

import stance


@pytest.fixture(scope="module")
def nlp():
    return stance.load()


def _described(nlp, text: str, day: str) -> tuple[str | None, str | None, str | None]:
    (q,) = nlp(text, date=day).quotes
    return q.role, q.affiliation, q.affiliation_source


@pytest.mark.parametrize("text, day, state", [
    ("Republican Gov. Mary Fallin said on Friday that the measure went too far.", "2016-05-20", "Oklahoma"),
    ("Gov. Pat McCrory (R) said on Tuesday that the ruling was wrong.", "2016-08-02", "North Carolina"),
    ("Nevada's governor, Brian Sandoval, a Republican, said the plan would cost too much.", "2016-02-25", "Nevada"),
])
def test_a_sitting_governor_speaks_for_the_state(nlp, text, day, state):
    role, aff, source = _described(nlp, text, day)
    assert role.split()[-1].lower() == "governor"
    assert (aff, source) == (state, "lookup")


def test_a_governor_out_of_office_keeps_the_party(nlp):
    """No governorship at the article's date: the party the article gives stays."""
    role, aff, source = _described(nlp, "Former Gov. Pat McCrory (R) said on Tuesday that the ruling was wrong.", "2021-03-02")
    assert (aff, source) == ("Republican Party", "article")


def test_a_party_label_of_another_office_stays(nlp):
    role, aff, _ = _described(nlp, "Republican Sen. Jane Roe said on Friday that the measure went too far.", "2016-05-20")
    assert aff == "Republican Party"
