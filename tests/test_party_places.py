"""The party finder's places, populations and channels that are no parties (stance.parties.finder):
a country someone goes to or comes from, a segment of the public, a name before a noun of land, a
country in a slogan, an outlet as a message's channel, an institution named as a place. All texts
are invented."""

from __future__ import annotations

from .test_party_references import _targets, nlp  # noqa: F401  (the module-scoped pipeline fixture and its helper)


def test_a_country_someone_goes_to_or_comes_from_is_a_place(nlp):
    """"moving to Canada", "returned to the United States", "refugees from Syria", "originally
    from Egypt": where someone goes or comes from, no party; a country the quotation speaks of
    after other words stays ("a threat to Canada", "aid from Norway")."""
    text = ('Ana Ruiz said "if he wins, I am moving to Canada, and refugees from Syria who came to the '
            'United States are no threat to Canada," and she said Nadia Haddad, originally from Egypt, '
            'was grateful for aid from Norway. Ana Ruiz said "the firm is moving it to Peru." Ana Ruiz said '
            'trade from Chile to Japan had doubled. Ana Ruiz said the passengers were citizens from Algeria, '
            'Belgium, Chad and Kuwait, and that Norway, Sweden and Iceland had sent aid. Ana Ruiz said '
            '"the land grab in Iraq and Lebanon must end, and fires in and around Peru and anger within '
            'Ecuador grow."')
    found = {n for _, got in _targets(nlp, text) for n in got}
    assert not found & {"Syria", "United States", "Egypt", "Peru", "Japan", "Algeria", "Belgium", "Chad", "Kuwait",
                        "Iraq", "Lebanon", "Ecuador"}
    assert {"Sweden", "Iceland"} <= found
    assert {"Canada", "Norway"} <= found


def test_party_members_or_a_people_as_a_segment_of_the_public_are_no_party(nlp):
    """"working-class white Democrats", "65 percent of Republicans", "white America": a segment of
    the public, no party; the party named otherwise stays ("Republicans in the Senate")."""
    text = ('Ana Ruiz said "working-class white Democrats and 65 percent of Republicans distrust the plan, '
            'and white America and the people of Canada and all of France will not buy it," and she said '
            'Republicans in the Senate blocked it.')
    (_, first), (_, second) = _targets(nlp, text)
    assert not {"Democratic Party", "Republican Party", "United States", "Canada", "France"} & set(first)
    assert "Republican Party" in second


def test_a_name_before_a_noun_of_land_is_a_place(nlp):
    """"the Amazon rainforest", "the Mexico border": the name names a place, no party; the same
    name elsewhere stays ("Mexico will not pay")."""
    text = ('Ana Ruiz said "the Amazon rainforest is burning and the wall on the Mexico border will not '
            'help," and she said Mexico will not pay for it.')
    (_, first), (_, second) = _targets(nlp, text)
    assert not {"Amazon", "Mexico"} & set(first)
    assert "Mexico" in second


def test_a_country_in_a_slogan_is_no_party(nlp):
    """"make Canada great again", "put Canada first": the slogan's country is no party;
    "make Mexico pay" keeps its party."""
    text = ('Ana Ruiz said "we will make Canada great again and put Canada first," and she said '
            'she would make Mexico pay for it.')
    (_, first), (_, second) = _targets(nlp, text)
    assert "Canada" not in first
    assert "Mexico" in second


def test_a_platform_as_a_message_channel_is_no_party(nlp):
    """"on Twitter", "via Facebook": the channel of a message, no party; the platform named
    otherwise stays ("Twitter must ban him")."""
    text = ('Ana Ruiz said "I read it on Twitter and via Facebook," and she said Twitter must ban '
            'Boris Kovac.')
    (_, first), (_, second) = _targets(nlp, text)
    assert not {"Twitter", "Facebook"} & set(first)
    assert "Twitter" in second


def test_an_institution_named_as_a_place_is_no_party(nlp):
    """"died at Gleneagles Hospital", "a student at the University of Chicago", "rushed to Mercy
    Hospital": a place, no party; the institution as an actor stays ("Mercy Hospital must pay")."""
    text = ('Ana Ruiz said "he died at Gleneagles Hospital, a student at the University of Chicago was '
            'rushed to Mercy Hospital," and she said Mercy Hospital must pay Boris Kovac.')
    (_, first), (_, second) = _targets(nlp, text)
    assert not {"Gleneagles Hospital", "University of Chicago", "Mercy Hospital"} & set(first)
    assert "Mercy Hospital" in second
