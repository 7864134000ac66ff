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


def _article(lang, text: str):
    from stance.text.mentions import MentionIndex
    from stance.text.view import build_view, make_doc

    view = build_view(make_doc(lang, text, trained=False))
    return view, MentionIndex(view)


def test_the_articles_regional_descriptions_are_indexed_by_office_in_order(lang):
    from stance.speakers.region_descriptions import regional_descriptions

    text = ("Sen. Jane Roe spoke first. The Ohio senator left. Gov. Tom Doe spoke next; the governor from "
            "Texas stayed, and the senator from Utah waved. The Ohio lawyer left.")
    view, mentions = _article(lang, text)
    index = regional_descriptions(view, mentions)
    assert {office: [region for region, _ in found] for office, found in index.items()} == {
        "senator": ["Ohio", "Utah"], "governor": ["Texas"]}  # no "lawyer": an office of no region
    start = index["senator"][0][1]
    assert view.words[start:start + 3] == ["The", "Ohio", "senator"]  # from its "the"


def test_the_articles_descriptions_are_found_once_per_document(lang, monkeypatch):
    from stance.speakers import region_descriptions as rd

    calls = []
    find = rd._find_descriptions
    monkeypatch.setattr(rd, "_find_descriptions", lambda view, mentions: calls.append(1) or find(view, mentions))
    text = 'Sen. Jane Roe spoke. "We will win," Roe said. Sen. John Doe spoke too. The Ohio senator left.'
    view, mentions = _article(lang, text)
    assert rd.region_described(view, mentions, "John Doe", "senator") == "Ohio"
    assert rd.region_described(view, mentions, "Jane Roe", "senator") is None  # Doe was named last
    assert rd.region_described(view, mentions, "Jane Roe", "governor") is None
    assert len(calls) == 1
    other_view, other_mentions = _article(lang, text)
    assert rd.region_described(other_view, other_mentions, "John Doe", "senator") == "Ohio"
    assert len(calls) == 2  # another document: its own index
