"""Roles and affiliations, an owner named before a role (invented sentences; issue 15): roles
joined by "and" or "&" before a name belong together to the owner before the first of them ("Acme
Corp President and CEO Jane Roe"); a name opening a sentence that is no English word owns the role
after it ("Redcliffe coach Jane Roe"); sports positions of two words are roles ("half back")."""

from __future__ import annotations

import pytest

import stance

from tests.samples import roles_by_speaker


@pytest.fixture(scope="module")
def nlp():
    return stance.load()


# -- roles joined by "and" before a name ----------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ('In a statement, Acme Corp President and CEO Jane Roe said the plant would "reopen next week."',
     ("President and CEO", "Acme Corp")),
    ('Globex chairman and CEO John Doe said the company was "doing well this year."',
     ("chairman and CEO", "Globex")),
    ('Initech Executive Vice President and Chief Financial Officer Mary Poe said sales were "up again."',
     ("Executive Vice President and Chief Financial Officer", "Initech")),
    ('Acme Corporation\'s President and CEO Jane Roe said the plant would "reopen next week."',
     ("President and CEO", "Acme Corporation")),
])
def test_joined_roles_belong_to_the_owner_before_them(nlp, text, expected):
    assert next(iter(roles_by_speaker(nlp, text).values())) == expected


def test_the_owner_written_as_an_acronym_with_an_ampersand_is_spelt_out(nlp):
    text = ("A crew working for Bay Water and Power (BW&P) repaired the main on Tuesday. In a letter, "
            "BW&P President and CEO Jane Roe said the firm was \"sorry for the outage.\"")
    assert roles_by_speaker(nlp, text)["Jane Roe"] == ("President and CEO", "Bay Water and Power")


def test_a_state_office_after_and_is_not_the_partys(nlp):
    text = 'Liberal Party leader and Prime Minister Jane Roe said she was "humbled" by the vote.'
    role, aff = roles_by_speaker(nlp, text)["Jane Roe"]
    assert role.lower() == "prime minister" and aff != "Liberal Party"


def test_a_relative_before_and_is_no_role_of_the_title_holder(nlp):
    text = 'Her father and Mayor John Roe said the town was "proud of her."'
    role, aff = roles_by_speaker(nlp, text)["John Roe"]
    assert role.lower() == "mayor" and aff is None


# -- an unknown capitalised word opening a sentence owns the role after it -----------------------
@pytest.mark.parametrize("text, expected", [
    ('Redcliffe coach Dan Roe enjoyed the win. "It was a great game," Roe said.', ("coach", "Redcliffe")),
    ('Leeds midfielder Dan Roe enjoyed the win. "It was a great game," Roe said.', ("midfielder", "Leeds")),
])
def test_a_name_opening_a_sentence_owns_the_role(nlp, text, expected):
    assert roles_by_speaker(nlp, text)["Dan Roe"] == expected


def test_a_common_word_opening_a_sentence_stays_in_the_role(nlp):
    text = 'Planetary scientist Jane Roe said the crater was "older than we thought."'
    assert roles_by_speaker(nlp, text)["Jane Roe"] == ("Planetary scientist", None)


# -- sports positions of two words ---------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ('On Saturday, Redcliffe half back Dan Roe scored twice. "We played well," Roe said.', ("half back", "Redcliffe")),
    ('On Saturday, Redcliffe scrum-half Dan Roe scored twice. "We played well," Roe said.', ("scrum-half", "Redcliffe")),
    ('Half back Dan Roe scored twice. "We played well," Roe said.', ("Half back", None)),
])
def test_a_position_of_two_words_is_a_role(nlp, text, expected):
    assert roles_by_speaker(nlp, text)["Dan Roe"] == expected


# -- a common word opening a sentence is no owner ------------------------------------------------
def test_a_common_word_before_a_lowercase_body_is_part_of_the_role(nlp):
    text = 'Talk show host Glenn Roe said the senator was "finished."'
    assert roles_by_speaker(nlp, text)["Glenn Roe"] == ("Talk show host", None)


def test_a_common_adjective_opening_a_sentence_owns_no_role(nlp):
    text = 'Early opponent Dan Roe said the bill was "a mistake."'
    _, aff = roles_by_speaker(nlp, text)["Dan Roe"]
    assert aff != "Early"


def test_a_function_word_opening_a_sentence_is_no_part_of_a_role(nlp):
    text = 'The campaign moved to Ohio. His campaign chairman Paul Roe said the state was "winnable."'
    role, _ = roles_by_speaker(nlp, text)["Paul Roe"]
    assert not role.startswith("His")
