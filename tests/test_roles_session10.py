"""Roles and affiliations, tenth session (invented sentences): a speaker of no known type is
described as a person may be ("Day said" after "Doris Day"); a party label in a described group
wins over a bare chamber or body word ("Senate Republican leaders" -> Republican Party)."""

from __future__ import annotations

import pytest

import stance
from stance.speakers.role_parties import party_over_chamber
from stance.speakers.roles import describe
from stance.text.mentions import MentionIndex
from stance.text.view import build_view, make_doc


@pytest.fixture(scope="module")
def nlp():
    return stance.load()


def described(lang, text: str, name: str) -> tuple[str | None, str | None]:
    """describe() of ``name`` in ``text``."""
    view = build_view(make_doc(lang, text, trained=False))
    return describe(view, MentionIndex(view), name)


# -- a speaker of no known type ("Day" names no person for the name finder) ---------------------
def test_an_unknown_speaker_is_described(nlp):
    a = nlp('US singer, actor, and animal rights advocate Doris Day died on Monday at her home. '
            '"I have the reputation," Day said.')
    (q,) = a.quotes
    assert q.speaker.type == "unknown"
    assert (q.role, q.affiliation) == ("animal rights advocate", "United States")


def test_an_unknown_speakers_affiliation_keeps_its_parties(nlp):
    """The affiliation of a speaker of no known type does not take its state out of the parties."""
    text = ('US singer and actor Doris Day died on Monday at her home. '
            '"The United States has been good to me," Day said.')
    (q,) = nlp(text).quotes
    assert q.affiliation == "United States"
    assert "United States" in {s.target for s in q.stances}


# -- a party label in a described group over a chamber or a body word ---------------------------
@pytest.mark.parametrize("canonical, aff, expected", [
    ("Senate Republican leaders", "Senate Republican", "Republican Party"),
    ("A Republican committee aide", "committee", "Republican Party"),
    ("House Democrats", "House", "Democratic Party"),
    ("GOP committee staff", "committee", "Republican Party"),
    # a body's whole name, or no label, stays
    ("A Republican aide", "Senate Judiciary Committee", "Senate Judiciary Committee"),
    ("committee staff", "committee", "committee"),
    ("Senate leaders", "Senate", "Senate"),
    ("House Democrats", None, None),
])
def test_party_over_chamber(canonical, aff, expected):
    assert party_over_chamber(canonical, aff) == expected


@pytest.mark.parametrize("text, name, role, aff", [
    ("Senate Republican leaders said the vote was a sham.", "Senate Republican leaders", "leaders", "Republican Party"),
    ("A Republican committee aide said the vote was a sham.", "A Republican committee aide", "aide", "Republican Party"),
])
def test_a_described_group_takes_its_party(lang, text, name, role, aff):
    assert described(lang, text, name) == (role, aff)


def test_a_named_person_keeps_the_body(lang):
    """A person's name is not a described group: the body after the name stays."""
    assert described(lang, "Republican Senator John Roe of the Senate said the vote was a sham.", "John Roe")[1] == "Senate"


# -- a state's national body named without its state: the article's state ----------------------
@pytest.mark.parametrize("text, speaker, aff", [
    ("The United States sanctioned Iran on Monday. The United States wants a deal. "
     "The State Department said the sanctions would stay.", "State Department", "United States"),
    ("Obama met Putin in the United States. The Obama administration said the talks were useful.",
     "Obama administration", "United States"),
    ("The government of Puerto Rico is in crisis after the governor of Puerto Rico resigned. The Senate said it would meet on Monday.",
     "Senate", "Puerto Rico"),
])
def test_a_national_body_takes_the_articles_state(nlp, text, speaker, aff):
    (q,) = nlp(text).quotes
    assert (q.speaker.name, q.affiliation) == (speaker, aff)


def test_an_embassy_is_not_the_articles_state(nlp):
    """An embassy serves another state than the article's: no affiliation from the article's state."""
    (q,) = nlp("India mourned the dead in New Delhi, India. The Myanma embassy said two pilgrims died.").quotes
    assert q.affiliation is None


def test_a_companys_service_is_no_national_body(nlp):
    """A lowercase "service" after a company's name is the company's: no state from the article."""
    (q,) = nlp("The fair in Texas, United States, drew crowds. The owner of the Make Crate subscription service "
               "stated that her company's products place a strong emphasis on teaching young people about coding.").quotes
    assert q.affiliation != "United States"


# -- a title holding "of" (titles.tsv) is one role, not a role and a body ----------------------
@pytest.mark.parametrize("text, name, role, aff", [
    ("Jane Roe, the former secretary of state, said the plan would fail.", "Jane Roe", "former secretary of state", None),
    # a national office: the article's state (state_offices.txt)
    ('The government of Tunisia agreed. Souhail Roe, a member of Parliament, said, "We proposed a bill."',
     "Souhail Roe", "member of Parliament", "Tunisia"),
    # a body's name after "of" stays the body
    ("John Roe, a member of the Senate Judiciary Committee, said the bill failed.", "John Roe", "member", "Senate Judiciary Committee"),
    ("Jane Roe, a professor of law at Yale, said the bill failed.", "Jane Roe", "professor of law", "Yale"),
])
def test_a_title_holding_of_in_an_appositive(nlp, text, name, role, aff):
    q = nlp(text).quotes[0]
    assert (q.speaker.name, q.role, q.affiliation) == (name, role, aff)


@pytest.mark.parametrize("description, expected", [
    ("the former secretary of state", ("former secretary of state", None)),
    ("a Tunisian member of parliament", ("member of parliament", "Tunisia")),
    ("a spokesman for the ministry", ("spokesman", "ministry")),
])
def test_a_title_holding_of_in_a_description(description, expected):
    from stance.speakers.role_nominals import describe_nominal
    assert describe_nominal(description) == expected
