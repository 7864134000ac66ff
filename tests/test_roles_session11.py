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


# -- "the former secretary of state": a former office the article names and the lookup knows ----
def test_a_former_office_the_article_names_is_the_role(nlp):
    text = ('Hillary Clinton said on Monday that the plan "will not pass". The former secretary of state '
            'spoke in Iowa.')
    role, aff, _ = _described(nlp, text, "2016-01-11")
    assert role == "former secretary of state"
    assert aff == "Democratic Party"


def test_without_the_former_office_the_lookup_role_stays(nlp):
    text = 'Hillary Clinton said on Monday that the plan "will not pass". The former senator spoke in Iowa.'
    role, _, _ = _described(nlp, text, "2016-01-11")
    assert role == "presidential candidate"


def test_the_articles_own_role_wins_over_a_former_office(nlp):
    text = ('Democratic candidate Hillary Clinton said on Monday that the plan "will not pass". The former '
            'secretary of state spoke in Iowa.')
    role, _, _ = _described(nlp, text, "2016-01-11")
    assert role == "candidate"


def test_former_offices_are_those_ended_before_the_day():
    from datetime import date

    from stance.speakers.actors import Term, former_offices

    terms = [Term("Jane Roe", "Ruritania", "Foreign Minister", date(2001, 1, 1), date(2005, 1, 1), "recent"),
             Term("Jane Roe", "Ruritania", "Prime Minister", date(2006, 1, 1), date(2010, 1, 1), "recent"),
             Term("Jane Roe", "Ruritania", "President", date(2012, 1, 1), None, "recent")]
    assert former_offices(terms, date(2008, 1, 1)) == ["Foreign Minister"]
    assert former_offices(terms, date(2013, 1, 1)) == ["Prime Minister", "Foreign Minister"]


# -- a field word between a named owner and the role ("North Carolina election officials") -------
@pytest.mark.parametrize("name, expected", [
    ("Ohio election officials", ("election officials", "Ohio")),
    ("Israeli election officials", ("election officials", "Israel")),
    ("House ethics investigators", ("ethics investigators", "House")),
    # a common word capitalised at the start of a sentence owns nothing
    ("Law enforcement officials", ("officials", None)),
    ("Abortion rights advocates", ("advocates", None)),
    # an owner's own role is no field ("Texas senator's allies")
    ("Texas senator’s allies", ("allies", None)),
    ("the 34-year-old mother", ("mother", None)),
])
def test_a_field_between_owner_and_role(name, expected):
    from stance.speakers.role_nominals import describe_nominal

    assert describe_nominal(name) == expected


def test_a_described_group_with_a_field_is_affiliated_with_its_state(nlp):
    (q,) = nlp("Ohio election officials said on Wednesday that turnout had been the highest in years.").quotes
    assert (q.role, q.affiliation) == ("election officials", "Ohio")


# -- political media written by bare name (known_orgs.txt) ----------------------------------------
@pytest.mark.parametrize("text, outlet", [
    ("National Review’s Jane Roe wrote that the party was finished.", "National Review"),
    ('From Jane Roe writing at Mediaite: "The segment was odd."', "Mediaite"),
])
def test_a_writer_is_affiliated_with_the_outlet(nlp, text, outlet):
    (q,) = nlp(text).quotes
    assert q.affiliation == outlet


# -- "his campaign manager, Jeff Roe": the campaign of the candidate the pronoun stands for -------
@pytest.mark.parametrize("text, role, aff", [
    ("Bernie Sanders won in Wisconsin on Tuesday. Earlier Tuesday, his campaign manager, Jeff Roe, said "
     "the streak is proof the candidate can still close the gap.", "campaign manager", "Bernie Sanders campaign"),
    # "her": the woman named before, not the man named last
    ("Hillary Clinton criticized Bernie Sanders on Friday. Her campaign manager, Robby Roe, said the "
     "staffers had broken the rules.", "campaign manager", "Hillary Clinton campaign"),
])
def test_a_possessive_pronouns_campaign(nlp, text, role, aff):
    qs = [q for q in nlp(text).quotes if q.speaker.name.endswith("Roe")]
    assert [(q.role, q.affiliation) for q in qs] == [(role, aff)]


def test_a_reporting_verb_after_the_name_opens_no_description(nlp):
    """'Robby Roe, suggested that ...': the comma closes the description before the name."""
    (q,) = nlp('Her spokesman, Robby Roe, suggested that the staffers "may have broken the law."').quotes
    assert q.role == "spokesman"


@pytest.mark.parametrize("text, role", [
    ('Comedian Sarah Roe, herself a supporter of the senator, said "we have to unite."', "Comedian"),
    ('"It was a fair fight," said Jane Roe, rather than as an insurgent at the convention.', None),
    # a capitalised country is no pronoun
    ('On Twitter, Adam Roe, US sport columnist from ESPN, said "they were on their way to a game."', "US sport columnist"),
])
def test_a_pronoun_or_contrast_opens_no_description(nlp, text, role):
    (q,) = nlp(text).quotes
    assert q.role == role


# -- a lowercase field after "for" ("vice president for foreign policy studies") ------------------
@pytest.mark.parametrize("text, role, aff", [
    ('"This is misleading," said Chris Roe, vice president for defense and foreign policy studies at the Cato Institute.',
     "vice president for defense and foreign policy studies", "Cato Institute"),
    ('Dan Roe, senior director for Asian affairs at the National Security Council, said he expects "a clear signal."',
     "senior director for Asian affairs", "National Security Council"),
    ('"The goal was a deal," said David Roe, a longtime strategist for progressive causes whose agency made the ads.',
     "longtime strategist for progressive causes", None),
    # an office after "for" is what the person runs for, not a field
    ('"I will win," said Jane Roe, a candidate for president from Ohio.', "candidate", None),
])
def test_a_field_after_for(nlp, text, role, aff):
    (q,) = nlp(text).quotes
    assert (q.role, q.affiliation) == (role, aff)


def test_an_honorific_affiliation_is_the_persons_full_name(nlp):
    (q,) = nlp('Marco Roe finished fifth on Tuesday. Mr. Roe\'s advisers said "the debate hurt him."').quotes
    assert (q.role, q.affiliation) == ("advisers", "Marco Roe")
