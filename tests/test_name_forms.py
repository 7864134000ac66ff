"""Name boundaries the news writes in several ways: British honorifics without a full stop
("Mr Robert Mugabe"), a title that names no one after it ("The President of Egypt"), "First
Lady" before a name, a month that is a surname ("Theresa May") and named storms, which are
neither persons nor parties."""

from __future__ import annotations

import pytest

import stance
from stance.text.mentions import MentionIndex
from stance.text.view import blank_english, build_view


def _names(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.type, m.role) for m in MentionIndex(build_view(blank_english()(text))).names]


@pytest.mark.parametrize("honorific", ["Mr", "Mrs", "Ms", "Dr"])
def test_honorific_without_full_stop_is_not_part_of_the_name(honorific):
    assert ("Jane Okafor", "person", None) in _names(f"Critics were loud. {honorific} Jane Okafor left on Friday.")


def test_first_lady_is_a_title():
    assert _names("The guests met First Lady Ana Ruiz in the garden.") == [("Ana Ruiz", "person", "First Lady")]


def test_title_followed_by_of_and_a_state_is_that_state_not_a_person():
    assert _names("The President of Egypt spoke on Monday.") == [("Egypt", "state", None)]
    # a title, "of" and a place, then a name, still splits as before
    assert [n[:2] for n in _names("First Minister of Scotland Nicola Sturgeon spoke.")] == [("Nicola Sturgeon", "person")]


def test_month_after_a_given_name_is_a_surname():
    assert ("Theresa May", "person", None) in _names("Mrs Theresa May said no.")
    # a month before a day is a date, not a surname
    assert ("John", "person", None) in _names("He met John May 5 in Lagos.")


@pytest.mark.parametrize("storm", ["Hurricane Dorian", "Typhoon Phanfone", "Tropical Storm Ida"])
def test_named_storms_are_other(storm):
    assert (storm, "other", None) in _names(f"{storm} hit the coast on Sunday.")


def test_storm_is_never_a_party_nor_a_speaker():
    nlp = stance.load()
    a = nlp('Hurricane Dorian hit the islands. "Hurricane Dorian destroyed our homes and the government did nothing," said Ana Ruiz, a resident.')
    q = a.quotes[0]
    assert q.speaker is not None and q.speaker.name == "Ana Ruiz"
    assert "Hurricane Dorian" not in {s.target for s in q.stances}


def test_description_before_an_honorific_and_name_gives_role_and_affiliation():
    nlp = stance.load()
    a = nlp("The general manager of Harbour Media, Dr Ali bin Tamim, said the attack was planned.")
    q = a.quotes[0]
    assert q.speaker.name == "Ali bin Tamim"
    assert (q.role, q.affiliation) == ("general manager", "Harbour Media")


def test_a_headline_is_not_the_fullest_name_of_a_person():
    from stance.text.mentions import headline_like

    assert headline_like("Jane Porter Goes After Mark Ellis As The New Villain")
    assert not headline_like("Mohammed bin Salman bin Abdulaziz")
    mi = MentionIndex(build_view(blank_english()("Jane Porter Goes After Mark Ellis As The New Villain\n\nJane Porter spoke.")))
    assert [m.canonical for m in mi.names][-1] == "Jane Porter"


def test_a_title_opening_a_sentence_stays_a_title_when_the_article_writes_it_lowercase_too():
    """"President Barack Obama ..." opening a sentence, with "the president" elsewhere: the
    capitalised word is still a title before a name (it used to be dropped as a sentence starter,
    and the role with it)."""
    text = "President Barack Obama unveiled a budget. Critics said the president was wrong."
    assert ("Barack Obama", "person", "president") in _names(text)


@pytest.mark.parametrize("text, name, role", [
    ("That, RNC Chief of Staff Katie Walsh explained, is by design.", "Katie Walsh", "chief of staff"),
    ("Chief of Staff Jeremy Bash said so.", "Jeremy Bash", "chief of staff"),
    ("New York City Public Advocate Trish James said it was wrong.", "Trish James", "public advocate"),
])
def test_title_with_of_inside_stays_one_title_before_the_name(text, name, role):
    """A title of titles.tsv written with "of" inside it ("Chief of Staff") joins the name run, so
    the name is not cut into "RNC Chief" and "Staff Katie Walsh"; multi-word titles strip whole."""
    names = _names(text)
    assert (name, "person", role) in names
    assert not any("Staff" in n or "Chief" in n or "Advocate" in n for n, _, _ in names)


@pytest.mark.parametrize("text, name", [
    ("The Washington Post reported it.", "Washington Post"),
    ("The Tehran Times said so.", "Tehran Times"),
    ("He studied at Moscow State University.", "Moscow State University"),
])
def test_city_opening_an_organisation_name_stays_in_it(text, name):
    """A capital city the gazetteer knows as its state ("Washington", "Tehran") opens the name of
    an organisation written after it; it is not stripped as a country word ("Post", "Times")."""
    assert (name, "organization", None) in _names(text)


def test_city_before_a_title_is_still_the_state():
    """Before a title the city still gives the state, and the person's name stays clean."""
    assert ("Jay Inslee", "person", "governor") in _names("Washington Governor Jay Inslee said so.")


def test_sentence_initial_common_word_is_no_name():
    # a one-word run of a common word only its place capitalises names no one
    texts = [m[0] for m in _names("Shortly after the vote, Dana Velk left. Today the council met Jo Roe.")]
    assert "Shortly" not in texts and "Today" not in texts
    assert "Dana Velk" in texts and "Jo Roe" in texts
    assert "Second" not in [m[0] for m in _names("Second, he said the fleet would stay.")]


def test_sentence_initial_common_word_stays_a_name_where_the_article_capitalises_it():
    # a surname the article writes inside a sentence ("Julian Bond") is that person's at a sentence's start
    assert ("Bond", "person", None) in _names("Critics met Julian Bond on Monday. Bond said no.")
    # a plural ("Surveys show") and a given name stay as before
    assert "Surveys" in [m[0] for m in _names("Surveys show the gap closing.")]
    assert "Rose" in [m[0] for m in _names("Rose spoke to the council.")]
