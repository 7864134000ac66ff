"""Roles and affiliations, twelfth session (invented sentences): a spokesperson without a body of
their own speaks for the organisation or the candidate's campaign named just before them, named or
not ("A spokesperson told ..."); a lowercase body right before a title ("provincial police
Detective Constable Jane Roe") is the title holder's."""

from __future__ import annotations

import pytest

import stance

from tests.samples import roles_by_speaker


@pytest.fixture(scope="module")
def nlp():
    return stance.load()


# -- a spokesperson speaks for the body named just before them ----------------------------------
def test_an_unnamed_spokesperson_speaks_for_the_body_before(nlp):
    text = ("On Monday the Northern Rail Authority released a statement saying the line had reopened. "
            "A spokesperson told the Daily Courier the repairs took four days.")
    assert roles_by_speaker(nlp, text)["A spokesperson"] == ("spokesperson", "Northern Rail Authority")


def test_a_spokesperson_speaks_for_the_campaign_before(nlp):
    text = ("Jane Roe is moving staff to Ohio. Roe's campaign says it will shift workers from its "
            "Denver office to the early states. Spokeswoman Mary Doe says the candidate has "
            "\u201calways run a lean campaign.\u201d")
    assert roles_by_speaker(nlp, text)["Mary Doe"] == ("spokeswoman", "Jane Roe campaign")


def test_no_body_before_a_spokesperson_leaves_none(nlp):
    text = "It rained all week. A spokesperson told reporters the roads were closed."
    assert roles_by_speaker(nlp, text)["A spokesperson"] == ("spokesperson", None)


def test_a_body_inside_the_quotation_is_not_the_spokespersons(nlp):
    text = ('"We will never work with the Northern Rail Authority again," a spokesperson said on Monday.')
    role, aff = roles_by_speaker(nlp, text)["a spokesperson"]
    assert aff is None


# -- a lowercase body before a title -----------------------------------------------------------
def test_a_lowercase_body_before_a_title_is_the_affiliation(nlp):
    text = ("The Royal Mounted Police (RMP) seized the drugs on Sunday. In Ontario, provincial police "
            "Detective Constable Jane Roe told reporters that prices had risen.")
    assert roles_by_speaker(nlp, text)["Jane Roe"] == ("detective constable", "provincial police")


@pytest.mark.parametrize("text", [
    "The party Chairman John Roe said the vote was fair.",
    "The ruling would almost certainly force Sen. John Roe to say that the vote was fair.",
])
def test_no_body_from_a_bare_noun_or_a_verb(nlp, text):
    _, aff = next(iter(roles_by_speaker(nlp, text).values()))
    assert aff not in {"party", "force", "almost certainly force", "certainly force"}


# -- two capitalised words the name finder split off a body's front ----------------------------
@pytest.mark.parametrize("text, aff", [
    ('"The bill is bad," said Jane Roe, a former director of the White House Office of Rural Policy under President John Doe.',
     "White House Office of Rural Policy"),
    ("Reports cited sources within the United States Department of Energy. The sources said the plant had closed.",
     "United States Department of Energy"),
])
def test_two_words_split_off_a_body_are_its_name(nlp, text, aff):
    assert aff in {a for _, a in roles_by_speaker(nlp, text).values()}


# -- a description after a party code ---------------------------------------------------------
def test_a_committee_after_a_party_code_is_the_affiliation(nlp):
    text = "Rep. Jane Roe (D-Md.), chair of the Rules Committee, said that the hearing would be open."
    assert roles_by_speaker(nlp, text)["Jane Roe"] == ("representative", "Rules Committee")


def test_a_role_after_a_party_code_leaves_the_party(nlp):
    text = "Sen. John Roe (R-S.C.), a former presidential candidate, said that the race was over."
    assert roles_by_speaker(nlp, text)["John Roe"] == ("senator", "Republican Party")


# -- a candidate's staff serve the campaign the article names -----------------------------------
def test_a_candidates_adviser_serves_the_campaign_named_elsewhere(nlp):
    text = ("\"It worked,\" said Warren Roe, Mr. Doe's longtime policy adviser. Roe now works on "
            "Mr. Doe's presidential campaign. John Doe said the plan was fair.")
    assert roles_by_speaker(nlp, text)["Warren Roe"][1] == "John Doe campaign"


def test_someone_elses_campaign_makes_no_campaign_staff(nlp):
    text = ("\"It worked,\" said Mary Roe, Mr. Doe's chief of staff. The campaign to replace John "
            "Doe has begun.")
    assert roles_by_speaker(nlp, text)["Mary Roe"][1] == "John Doe"


# -- "top" belongs to a role; a lowercase owner is the article's body of that noun --------------
def test_top_belongs_to_the_role_and_keeps_its_owner(nlp):
    text = 'Jane Doe spoke in Ohio. "This has gone too far," said Doe\'s top foreign policy aide John Roe.'
    assert roles_by_speaker(nlp, text)["John Roe"] == ("top foreign policy aide", "Jane Doe")


def test_a_lowercase_owner_is_the_named_body(nlp):
    text = ("Acme University was sued in May. One of the university's top executives, John Roe, "
            "testified that the teachers were hired by others.")
    assert roles_by_speaker(nlp, text)["John Roe"] == ("top executive", "Acme University")


# -- a committee member's title names the committee --------------------------------------------
def test_a_national_committeeman_belongs_to_the_committee(nlp):
    text = '"It is unlikely," said John Roe, a Republican National Committeeman from Ohio.'
    assert roles_by_speaker(nlp, text)["John Roe"] == ("Republican National Committeeman", "Republican National Committee")


def test_committee_of_member_needs_a_capitalised_title():
    from stance.speakers.role_parties import committee_of_member
    assert committee_of_member(["Democratic", "State", "Committeewoman"]) == "Democratic State Committee"
    assert committee_of_member(["Republican", "national", "committeeman"]) is None
    assert committee_of_member(["Republican", "strategist"]) is None


# -- "Corps" names a body ----------------------------------------------------------------------
def test_a_corps_is_an_organisation(nlp):
    text = "Liberty Corps\u2019 Jane Roe, a prominent Democratic pollster, said that voters were open to it."
    assert roles_by_speaker(nlp, text)["Jane Roe"][1] == "Liberty Corps"
    text = '"It was hard," said John Roe, a veteran of 22 years in the Marine Corps.'
    assert roles_by_speaker(nlp, text)["John Roe"][1] == "Marine Corps"
