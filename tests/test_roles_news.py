"""Roles and affiliations in constructions that recur in news writing: a state's body before a
role (invented sentences)."""

from __future__ import annotations

import pytest

from stance.speakers.roles import describe
from stance.text.mentions import MentionIndex
from stance.text.view import build_view, make_doc


def described(lang, text: str, name: str) -> tuple[str | None, str | None]:
    """describe() of ``name`` in ``text``."""
    view = build_view(make_doc(lang, text, trained=False))
    return describe(view, MentionIndex(view), name)


# -- a state's lowercase body before the role: part of the role, the state the affiliation ----
@pytest.mark.parametrize("text, name, role, aff", [
    ("The talks failed, said Russian foreign ministry spokeswoman Maria Roe.",
     "Maria Roe", "foreign ministry spokeswoman", "Russia"),
    ("The talks failed, said Algerian foreign affairs ministry spokesman Ali Roe.",
     "Ali Roe", "foreign affairs ministry spokesman", "Algeria"),
    ("The talks failed, said China's foreign ministry spokesperson Hua Roe.",
     "Hua Roe", "foreign ministry spokesperson", "China"),
    # as the appositive after the name reads it
    ("The talks failed, said Maria Roe, a Russian foreign ministry spokeswoman.",
     "Maria Roe", "foreign ministry spokeswoman", "Russia"),
    # an office of a state named as a state keeps its name
    ("The talks failed, said White House press secretary Jen Roe.", "Jen Roe", "press secretary", "White House"),
])
def test_a_states_body_before_a_role(lang, text, name, role, aff):
    assert described(lang, text, name) == (role, aff)


def test_a_states_body_in_an_unnamed_speaker():
    from stance.speakers.role_nominals import describe_nominal
    assert describe_nominal("Azerbaijan's foreign ministry spokesman") == ("foreign ministry spokesman", "Azerbaijan")
    assert describe_nominal("a spokesperson for the fire service") == ("spokesperson", "fire service")


# -- "the city's", "the province's", "the country's" before a role: the place named before ----
@pytest.mark.parametrize("text, name, aff", [
    ("A fire broke out at a hotel in Delhi, India. Jane Roe, the city's home minister, said the hotel was unsafe.",
     "Jane Roe", "Delhi"),
    ("The tax began in British Columbia, Canada. Mary Roe, the province's environment minister, said it worked.",
     "Mary Roe", "British Columbia"),
    ("Floods hit Toronto in Canada. Jim Roe, the country's environment minister, said it would rain.", "Jim Roe", "Canada"),
    ("Police came to Paris. The city's deputy mayor Anne Roe said the streets were calm.", "Anne Roe", "Paris"),
])
def test_a_places_possessive_before_a_role(lang, text, name, aff):
    assert described(lang, text, name)[1] == aff


def test_a_places_possessive_with_no_place_named_before(lang):
    assert described(lang, "Jane Roe, the city's home minister, said the hotel was unsafe.", "Jane Roe") == ("home minister", None)


# -- a coordination of roles before the name: the owner named before the first of them --------
@pytest.mark.parametrize("text, name, role, aff", [
    ("The film opened on Monday, British actor and director Kenneth Roe said.", "Kenneth Roe", "director", "United Kingdom"),
    ("The law passed, US singer, actor, and animal rights advocate Dana Roe said.", "Dana Roe", "animal rights advocate",
     "United States"),
    # a comma alone joins no roles: "his lawyer, attorney X" is two descriptions
    ("The case closed, his lawyer, attorney Ken Roe said.", "Ken Roe", "attorney", None),
])
def test_the_owner_of_coordinated_roles_before_a_name(lang, text, name, role, aff):
    assert described(lang, text, name) == (role, aff)


# -- a relative clause's role in a party's contest: the party -----------------------------------
@pytest.mark.parametrize("text, name, role, aff", [
    ("John Roe, who was a candidate in the Democratic primaries for the 2020 election, ended his campaign.",
     "John Roe", "candidate", "Democratic Party"),
    ("Jane Roe, who was a candidate for the Republican nomination, said she would stay.", "Jane Roe", "candidate", "Republican Party"),
    # a party label that names no contest of the party is no affiliation
    ("Jane Roe, who was a candidate in the primary, met Democratic voters.", "Jane Roe", "candidate", None),
])
def test_a_partys_contest_in_a_relative_clause(lang, text, name, role, aff):
    assert described(lang, text, name) == (role, aff)


# -- a relative clause's role "of" a body, after "is", "was", "has been" -------------------------
@pytest.mark.parametrize("text, name, role, aff", [
    ("Mark Roe, who is the chief executive of Acme Corporation, said the plan would fail.", "Mark Roe", "chief executive",
     "Acme Corporation"),
    ("Mark Roe, who has been the mayor of Springfield for ten years, said the plan would fail.", "Mark Roe", "mayor", "Springfield"),
    # kin is no body
    ("Mark Roe, who was the son of a farmer, said the plan would fail.", "Mark Roe", "son", None),
])
def test_a_relative_clauses_role_of_a_body(lang, text, name, role, aff):
    assert described(lang, text, name) == (role, aff)


def test_a_mayor_serves_the_city_named_at_the_head_of_its_bodies(nlp):
    # Toronto is named once as a place, as Ottawa is; "Toronto Police" makes it the article's city
    text = ('A man from Toronto was arrested. People in Ottawa were shocked. Toronto Police said the case was closed. '
            'On Tuesday mayor John Roe said the city "will heal".')
    q = next(q for q in nlp(text).quotes if "heal" in q.quote.text)
    assert (q.speaker.name, q.role, q.affiliation) == ("John Roe", "mayor", "Toronto")


# -- a plural role before two names: each of them holds it once ---------------------------------
@pytest.mark.parametrize("name", ["Antoine Roe", "Nicolas Doe"])
def test_a_plural_role_before_a_pair_of_names(lang, name):
    text = "She met officers Antoine Roe and Nicolas Doe at a pub. Roe denied it. Doe said she lied."
    assert described(lang, text, name) == ("officer", None)


# -- a lowercase body no name owns before a role: part of the role -------------------------------
@pytest.mark.parametrize("text, name, role", [
    ('"It is fascinating," the selection committee member Ulf Roe said.', "Ulf Roe", "selection committee member"),
    ('"It is fascinating," said selection committee member Ulf Roe.', "Ulf Roe", "selection committee member"),
    # a named owner keeps the role to its own words
    ('"It is fascinating," said Carson campaign manager Ulf Roe.', "Ulf Roe", "manager"),
])
def test_an_unowned_body_before_a_role_is_part_of_it(lang, text, name, role):
    assert described(lang, text, name)[0] == role


# -- a body speaker named with a possessive: its owner --------------------------------------------
@pytest.mark.parametrize("text, name, aff", [
    ("Deaths may rise, according to the University of Washington's Institute for Health Metrics and Evaluation.",
     "University of Washington's Institute for Health Metrics and Evaluation", "University of Washington"),
    ("Governor John Roe spoke in Ohio. Roe's campaign said the poll was wrong.", "Roe's campaign", "John Roe campaign"),
    ("The World Bank met. The bank's board said the loan was approved.", "bank's board", "World Bank"),
    ("The convention ended. The Democratic nominee's campaign said the poll was wrong.", "Democratic nominee's campaign",
     "Democratic Party"),
])
def test_the_owner_of_a_possessed_body(lang, text, name, aff):
    assert described(lang, text, name)[1] == aff


# -- a demonym before a body's kind before its name: the country ----------------------------------
@pytest.mark.parametrize("text, name, aff", [
    ("On Monday, state-owned Iranian news agency Fars reported the warrants were issued.", "Fars", "Iran"),
    ("The Russian news agency TASS said the talks went well.", "TASS", "Russia"),
])
def test_a_demonym_before_a_bodys_kind(lang, text, name, aff):
    from stance.speakers.description import describe_speaker
    view = build_view(make_doc(lang, text, trained=False))
    _, got, source, own = describe_speaker(view, MentionIndex(view), name, None, False, None)
    # the body's country, which it does not speak for: no own affiliation for the party finder
    assert (got, source, own) == (aff, "article", None)


def test_a_demonym_before_a_persons_name_is_no_bodys_country(lang):
    from stance.speakers.description import describe_speaker
    text = "Donald Trump spoke. Mexican officials met Trump. The Mexican press office Trump aide said nothing."
    view = build_view(make_doc(lang, text, trained=False))
    assert describe_speaker(view, MentionIndex(view), "Donald Trump", None, True, None)[1] != "Mexico"


# -- a body's name followed by "of"/"in" a state: the state ---------------------------------------
@pytest.mark.parametrize("text, name, aff", [
    ("According to the Centers for Disease Control and Prevention in the United States, cases rose.",
     "Centers for Disease Control and Prevention", "United States"),
    ("The National Disaster Council (NDC) of the Philippines raised the toll to six.", "National Disaster Council", "Philippines"),
])
def test_a_state_after_a_bodys_name(lang, text, name, aff):
    assert described(lang, text, name)[1] == aff


def test_a_generic_owner_before_an_appositive_role(lang):
    # "company" (description_heads.tsv: any organisation) stands for the organisation named before
    text = "Acme Corporation opened a plant. Jane Roe, the company's founder, said the plant would grow."
    assert described(lang, text, "Jane Roe") == ("founder", "Acme Corporation")


# -- a study's lead author over another role; a co-author's other role over "co-author" -------
@pytest.mark.parametrize("text, name, role", [
    ('"Resistance spreads," said lead author Professor David Roe of the University of East Anglia.', "David Roe", "lead author"),
    ('"We looked at emissions," said study co-author Mary Roe, a geochemist.', "Mary Roe", "geochemist"),
    # the role coordinated with a co-author's
    ("On Monday, postdoctoral researcher and study co-author Natasha Roe said the ratio was skewed.", "Natasha Roe",
     "postdoctoral researcher"),
    # a co-author with no other role stays one
    ('"We looked at emissions," said Walter Roe, co-author of the study.', "Walter Roe", "co-author"),
])
def test_the_roles_of_a_studys_authors(lang, text, name, role):
    assert described(lang, text, name)[0].replace(" - ", "-") == role


def test_a_bodys_name_split_at_and(lang):
    text = "Carl Roe of the Bill and Melinda Gates Foundation, which offered a prize, said the coating was new."
    assert described(lang, text, "Carl Roe") == (None, "Bill and Melinda Gates Foundation")
