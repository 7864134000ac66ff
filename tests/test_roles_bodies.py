"""Roles and affiliations: bodies named before or after a role, acronyms, plural roles, police
forces (invented sentences)."""

from __future__ import annotations

import pytest

from stance.speakers.roles import describe, expand_acronym
from stance.text.mentions import MentionIndex
from stance.text.view import build_view, make_doc


def described(lang, text: str, name: str) -> tuple[str | None, str | None]:
    """describe() of ``name`` in ``text``."""
    view = build_view(make_doc(lang, text, trained=False))
    return describe(view, MentionIndex(view), name)


def test_an_acronym_before_an_appositive_role_is_its_body(lang):
    text = ("The Road Safety Board (RSB) opened an inquiry. Jane Roe, an RSB spokeswoman, "
            "said the inquiry could take a year.")
    assert described(lang, text, "Jane Roe") == ("spokeswoman", "Road Safety Board")


def test_an_organisation_before_an_appositive_role_is_its_body(lang):
    text = "Tom Roe, a Greenpeace activist, said the ship had left."
    assert described(lang, text, "Tom Roe") == ("activist", "Greenpeace")


def test_a_country_acronym_before_a_role_leaves_the_body_after_it(lang):
    text = "On Twitter, Tom Roe, US sport columnist from ESPN, said the game was off."
    assert described(lang, text, "Tom Roe")[1] == "ESPN"


def test_an_acronym_the_article_spells_out_in_parentheses(lang):
    text = ("Researchers from the Georgia Institute of Technology (GT) reported it. The work was led by "
            "Tom Roe, a marine ecologist at GT, who spoke.")
    view = build_view(make_doc(lang, text, trained=False))
    mentions = MentionIndex(view)
    assert expand_acronym(mentions, "GT") == "Georgia Institute of Technology"
    assert describe(view, mentions, "Tom Roe")[1] == "Georgia Institute of Technology"


def test_a_body_name_with_of_before_the_role_in_a_preposed_description(lang):
    text = "After the vote, a United States Department of State spokesperson, Jane Roe, said the talks went on."
    assert described(lang, text, "Jane Roe") == ("spokesperson", "United States Department of State")


@pytest.mark.parametrize("text, aff", [
    ("Jim Roe, a spokesperson for the fire service, told reporters four people died.", "fire service"),
    ("Jane Roe, head of a regional civil defense office, said the storm was strong.", "regional civil defense office"),
    ("Ann Roe, a spokeswoman for the police department of nearby Cullinan, told reporters it was over.",
     "police department of nearby Cullinan"),
])
def test_a_lowercase_body_after_the_role(lang, text, aff):
    name = " ".join(text.split()[:2]).rstrip(",")
    assert described(lang, text, name)[1] == aff


def test_a_bare_lowercase_body_of_one_word_is_left_alone(lang):
    assert described(lang, "Jane Roe, a spokeswoman for the company, said the plant would close.", "Jane Roe") == (
        "spokeswoman", None)


def test_a_title_before_its_acronym_in_parentheses(lang):
    text = "Member of Parliament (MP) Jane Roe of the Labour Party added that it was wrong."
    assert described(lang, text, "Jane Roe") == ("Member of Parliament", "Labour Party")


def test_a_country_before_a_judge_s_title(lang):
    text = "In response to a lawsuit, U.S. District Judge Tom Roe ruled the draft unlawful."
    assert described(lang, text, "Tom Roe") == ("district judge", "United States")


@pytest.mark.parametrize("text, name, role, aff", [
    ("Wikinews reached Tom Roe, one of the maintainers of the script, on Monday.", "Tom Roe", "maintainer", None),
    ("Jane Roe, one of the founders of the Ocean Cleanup Project, said it worked.", "Jane Roe", "founder",
     "Ocean Cleanup Project"),
    ("One of South Sudan's Vice Presidents, Jane Roe, also commented.", "Jane Roe", "Vice President", "South Sudan"),
])
def test_one_of_a_plural_role(lang, text, name, role, aff):
    assert described(lang, text, name) == (role, aff)


def test_a_police_officer_serves_the_force_named_before(lang):
    text = ("Yesterday, Thames Valley Police said they had arrested a man. The toilet was stolen on Saturday. "
            "Police arrested a second man. They released him. The toilet was not found. "
            '"We are continuing to investigate," said Detective Inspector Tom Roe.')
    assert described(lang, text, "Tom Roe") == ("detective inspector", "Thames Valley Police")


def test_a_police_officer_without_a_force_in_reach_gets_none(lang):
    text = ('"We are continuing to investigate," said Detective Inspector Tom Roe. It rained. It rained again. '
            "It was cold. It snowed. Thames Valley Police later said they had arrested a man.")
    assert described(lang, text, "Tom Roe") == ("detective inspector", None)


def test_opposition_is_a_role_word_not_a_body(lang):
    assert described(lang, "It rained. Opposition leader Jane Roe said they were wet.", "Jane Roe") == (
        "Opposition leader", None)


def test_a_title_split_off_before_a_possessor(lang):
    text = "It was said by Tom Roe, President Obama's first budget director, on Monday."
    assert described(lang, text, "Tom Roe") == ("first budget director", "Obama")


def test_an_appositive_role_ends_before_to(lang):
    text = "It was said by Tom Roe, a former adviser to President George W. Bush, on Monday."
    assert described(lang, text, "Tom Roe")[0] == "former adviser"


def test_an_envoy_keeps_the_state_they_are_sent_to(lang):
    text = "It was said by Jane Roe, the former ambassador to the United States, on Monday."
    assert described(lang, text, "Jane Roe")[0] == "former ambassador to the United States"


def test_a_description_between_a_quotation_and_a_name_before_its_verb(lang):
    text = '"She is a mother of three," another friend, Jane Roe told CNN.'
    assert described(lang, text, "Jane Roe") == ("friend", None)


def test_no_description_before_a_name_and_verb_without_a_quotation(lang):
    text = "States would become middle men, Tom Roe said on Monday."
    assert described(lang, text, "Tom Roe")[0] is None


def test_a_body_name_after_its_kind_in_reach(lang):
    text = "It was said by Dan Roe, managing partner of the investment bank Westwood Capital, on Monday."
    assert described(lang, text, "Dan Roe") == ("managing partner", "Westwood Capital")


def test_a_capitalised_word_split_off_an_organisation_s_name(lang):
    text = "It was said by Adam Roe, co-founder of the Progressive Campaign Change Committee, in a statement."
    assert described(lang, text, "Adam Roe")[1] == "Progressive Campaign Change Committee"


def test_a_state_office_before_a_role_keeps_its_name(lang):
    text = "It was said by David Roe, the White House political director, on Monday."
    assert described(lang, text, "David Roe") == ("political director", "White House")


def test_an_organisation_s_possessive_before_a_name(lang):
    assert described(lang, "It was written by CNN's Jeffrey M. Roe in April.", "Jeffrey M. Roe") == (None, "CNN")


def test_a_region_after_a_legislator_s_name(lang):
    text = "Senator Barbara Roe of California said she had reached out to him."
    assert described(lang, text, "Barbara Roe") == ("senator", "California")


def test_a_description_of_the_name_without_its_middle_name(lang):
    text = "Robert Roe, former president of Zimbabwe, has died. Robert Gabriel Roe was born in 1924."
    assert described(lang, text, "Robert Gabriel Roe") == ("former president", "Zimbabwe")
