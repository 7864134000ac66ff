"""Roles and affiliations (invented sentences, one Wikinews sentence): the whole name of a body after
a role's preposition that the name finder cut or took for a person's or a country's name ("of CREDO
Action", "of NARAL Pro-Choice America", "of the House Ways and Means Committee"), and a description
before a name that a possessor opens ("Freedonia's ambassador to France, Jean Roe", "Democracy for
America's executive director")."""

from __future__ import annotations

import pytest

import stance

from tests.samples import roles_by_speaker


@pytest.fixture(scope="module")
def nlp():
    return stance.load()


# -- the whole name of a body after a role's preposition ---------------------------------------
@pytest.mark.parametrize("body", ["CREDO Action", "NARAL Pro-Choice America", "the House Ways and Means Committee",
                                  "the Center for Strategic and International Studies"])
def test_the_whole_name_of_the_body_after_the_role(nlp, body):
    text = f'"We will fight this," said Jane Roe, the political director of {body}.'
    assert roles_by_speaker(nlp, text)["Jane Roe"] == ("political director", body.removeprefix("the "))


def test_a_body_named_of_a_country_is_not_the_country(nlp):
    text = '"We will fight this," said Jane Roe, president of Students For Life of America.'
    assert roles_by_speaker(nlp, text)["Jane Roe"] == ("president", "Students For Life")


def test_a_weekday_or_a_title_after_a_joiner_ends_the_name(nlp):
    text = '"We will fight this," wrote Jane Roe, a columnist for National Review on Tuesday.'
    assert roles_by_speaker(nlp, text)["Jane Roe"] == ("columnist", "National Review")


def test_a_named_person_after_for_is_no_body(nlp):
    text = '"It is bad," said a spokesman for Mayor Frank Jackson of Cleveland.'
    assert roles_by_speaker(nlp, text)["a spokesman for Mayor Frank Jackson"] == ("spokesman", "Mayor Frank Jackson")


# -- a description before the name that a possessor opens ---------------------------------------
def test_a_countrys_envoy_before_the_name(nlp):
    text = "Freedonia's ambassador to France, Jean Roe, confirmed that he was on board."
    assert roles_by_speaker(nlp, text)["Jean Roe"] == ("ambassador to France", "Freedonia")


def test_a_companys_officer_before_the_name(nlp):
    text = "Acme Corp's chief executive, John Doe, said the plan was bad."
    assert roles_by_speaker(nlp, text)["John Doe"] == ("chief executive", "Acme Corp")


def test_a_lowercase_owner_after_the_verb_gives_the_role(nlp):
    text = "Steel imports are rising, said the company's chief executive, John Doe."
    assert roles_by_speaker(nlp, text)["John Doe"][0] == "chief executive"


def test_a_body_name_cut_at_for_owns_the_role_after_the_name(nlp):
    text = ('Jane Roe, Democracy for America\'s executive director, praised the remarks on Thursday, '
            'saying they were "a good start."')
    assert roles_by_speaker(nlp, text)["Jane Roe"] == ("executive director", "Democracy for America")


def test_the_owner_is_the_name_before_the_possessive(nlp):
    # Wikinews, "Plane crash at Bradley International Airport"
    text = ("According to Windsor Locks' first selectman, Chris Kervick, there were ten passengers and "
            "three crew members aboard the aircraft.")
    assert roles_by_speaker(nlp, text)["Chris Kervick"] == ("first selectman", "Windsor Locks")



# -- a body's leaning before its name; a role holder's staff ------------------------------------
@pytest.mark.parametrize("prep, body", [("of", "non-partisan Rothenberg Political Report"),
                                        ("at", "conservative Heritage Foundation")])
def test_a_leaning_before_the_body_after_the_name(nlp, prep, body):
    text = f'"It is weird," says Stu Roe {prep} the {body}.'
    assert roles_by_speaker(nlp, text)["Stu Roe"][1] == body.split(" ", 1)[1]


def test_a_lowercase_body_after_the_name_is_no_leaning(nlp):
    text = '"It is weird," says Stu Roe of the city council.'
    assert roles_by_speaker(nlp, text)["Stu Roe"][1] == "city council"


def test_the_staff_of_a_role_holder_serve_the_person_titled_so(nlp):
    text = ('President Barack Obama spoke on Tuesday. "It was his best speech," said Jon Roe, the '
            "president's former chief speechwriter.")
    assert roles_by_speaker(nlp, text)["Jon Roe"] == ("former chief speechwriter", "Barack Obama")


def test_the_spokesman_of_a_governor_before_the_name(nlp):
    text = "Governor Jane Doe of Ohio spoke on Tuesday. The governor's spokesman, Jon Roe, said the plan was final."
    assert roles_by_speaker(nlp, text)["Jon Roe"] == ("spokesman", "Jane Doe")
