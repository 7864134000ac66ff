"""Speaker roles and affiliations the article gives around the name (invented sentences)."""

from __future__ import annotations

import pytest

from stance.text.mentions import MentionIndex
from stance.text.view import build_view, make_doc


def names(lang, text: str) -> dict[str, tuple[str, str, str | None, str | None]]:
    """Name mention text -> (canonical, type, role, affiliation)."""
    mi = MentionIndex(build_view(make_doc(lang, text, trained=False)))
    return {m.text: (m.canonical, m.type, m.role, m.affiliation) for m in mi.names}


def quote(nlp, text: str, words: str):
    """The one quotation of ``text`` that contains ``words``."""
    qs = [q for q in nlp(text).quotes if words in q.quote.text]
    assert len(qs) == 1, [(q.kind, q.quote.text) for q in nlp(text).quotes]
    return qs[0]


# -- names -------------------------------------------------------------------------------------
def test_a_country_of_two_words_opens_a_sentence_before_a_title(lang):
    # "United" ends in "ed" like a participle; the country is still the name's first words
    got = names(lang, "It rained. United States President Jane Roe spoke on Monday.")
    assert got["Jane Roe"][2:] == ("president", "United States"), got


def test_an_en_dash_joins_words_of_an_organisation_only(lang):
    got = names(lang, "The Harvard–Smithsonian Center for Astrophysics and the Mexico–Canada talks.")
    assert "Harvard–Smithsonian Center for Astrophysics" in got, got
    assert "Mexico" in got and "Canada" in got, got


def test_a_known_all_caps_organisation_is_a_name(lang):
    got = names(lang, "On Monday UNICEF said that the campaign worked.")
    assert "UNICEF" in got, got


# -- roles ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, words, name, role", [
    ('Floods hit the islands. Prime minister Jane Doe said ten people died. "We expect more," she said.',
     "We expect more", "Jane Doe", "Prime minister"),
    ('The birds were sacred. Lead author Sally Roe explained, "The bird was a god."', "", "Sally Roe", "Lead author"),
])
def test_a_capitalised_first_word_of_a_role_opening_a_sentence_is_part_of_the_role(nlp, text, words, name, role):
    q = quote(nlp, text, words)
    assert (q.speaker.name, q.role, q.affiliation) == (name, role, None)


# -- affiliations after the name -----------------------------------------------------------------
@pytest.mark.parametrize("text, name, aff", [
    ('"It is a good sign," said Ryan Smith of the Harvard–Smithsonian Center for Astrophysics.',
     "Ryan Smith", "Harvard–Smithsonian Center for Astrophysics"),
    ('Yesterday, Mary Kip of Kenya won the race. "I am happy," Kip said.', "Mary Kip", "Kenya"),
    ('In remarks to reporters, Sheldon Roe of UNICEF observed, "I have seen campaigns before."', "Sheldon Roe", "UNICEF"),
    ('Immunologist Kris Andersen of Scripps Research said, "This virus spreads."', "Kris Andersen", "Scripps Research"),
    ('"We were surprised," said Jane Roe, from Griffith University.', "Jane Roe", "Griffith University"),
])
def test_the_body_after_a_name(nlp, text, name, aff):
    q = quote(nlp, text, "")
    assert (q.speaker.name, q.affiliation) == (name, aff)


def test_a_person_after_of_is_not_a_body(nlp):
    q = quote(nlp, '"It is bad," said Mary Jones of John Smith.', "bad")
    assert q.affiliation is None


def test_a_demonym_of_a_smaller_country_before_a_title(nlp):
    q = quote(nlp, 'Schools closed. Samoan Prime Minister Tui Roe said "the campaign worked."', "campaign")
    assert (q.speaker.name, q.affiliation) == ("Tui Roe", "Samoa")


def test_a_description_speaker_keeps_its_role_beside_an_affiliation(nlp):
    q = quote(nlp, 'The vote failed. Members of the House of Commons protested by shouting "no deal!" in the hall.', "deal")
    assert (q.speaker.name, q.role, q.affiliation) == ("Members", "Members", "House of Commons")


def test_a_title_of_a_state_after_a_name(nlp):
    # "the President of Burundi": the state after "of", not a person called "of Burundi"
    text = 'Jean Roe, the President of Burundi, died on Monday. Roe had said "I will stand down."'
    q = quote(nlp, text, "stand down")
    assert (q.speaker.name, q.role, q.affiliation) == ("Jean Roe", "President", "Burundi")


# -- organisations and governments ---------------------------------------------------------------
@pytest.mark.parametrize("name, state", [
    ("B.C. Coroners Service", "British Columbia"),
    ("California Department of Corrections and Rehabilitation", "California"),
    ("the Ontario Provincial Police", "Ontario"),
    ("Philippine Institute of Volcanology and Seismology", "Philippines"),
    ("Texas", None),  # a place, not a body
])
def test_a_body_named_for_its_state_or_province(name, state):
    from stance.speakers.roles import state_of_body

    assert state_of_body(name) == state


def test_an_organisation_s_name_is_not_a_description(nlp):
    q = quote(nlp, 'Drugs were found. The Royal Canadian Mounted Police said "the bag was seized."', "seized")
    assert (q.speaker.name, q.role, q.affiliation) == ("Royal Canadian Mounted Police", None, "Canada")


@pytest.mark.parametrize("text", [
    'Iran closed schools. The Iranian government met. Later the government said "the schools will reopen."',
    'Iran closed schools. The Iranian government met. Later government officials said "the schools will reopen."',
])
def test_a_bare_government_is_the_article_s_state(nlp, text):
    assert quote(nlp, text, "reopen").affiliation == "Iran"


# -- the actor lookup: legislators and party leaders ---------------------------------------------
def test_legislators_and_party_leaders_resolve_to_their_party_by_date():
    from datetime import date

    from stance.speakers.actors import ActorInfo, actor_lookup

    table = actor_lookup()
    assert table.lookup("Nancy Pelosi", date(2019, 6, 1)) == ActorInfo("Democratic Party", "Speaker of the House", "recent")
    assert table.lookup("Mitch McConnell", date(2019, 12, 18)) == ActorInfo("Republican Party", "Senate Majority Leader", "recent")
    assert table.lookup("Jeremy Corbyn", date(2019, 12, 13)) == ActorInfo("Labour Party", "Leader of the Labour Party", "recent")
    assert table.lookup("Ted Cruz", date(2016, 3, 1)).affiliation == "Republican Party"
    assert table.lookup("Bernie Sanders", date(2016, 3, 1)).affiliation == "Vermont"  # an independent
    assert table.lookup("Ben Carson", date(2016, 1, 1)).affiliation == "Republican Party"  # campaigning
    assert table.lookup("Ben Carson", date(2018, 1, 1)).affiliation == "United States"  # in the cabinet


def test_the_article_s_words_win_over_the_lookup(nlp):
    text = "Monday, June 3, 2019\n\nThe bill passed. Nancy Pelosi said \"we will vote again.\""
    q = quote(nlp, text, "vote again")
    assert (q.affiliation, q.affiliation_source) == ("Democratic Party", "lookup")
    text = "Monday, June 3, 2019\n\nThe bill passed. Nancy Pelosi, a lawyer from Texas Law School, said \"we will vote again.\""
    assert quote(nlp, text, "vote again").affiliation_source == "article"


# -- more descriptions around the name -----------------------------------------------------------
@pytest.mark.parametrize("text, words, name, role, aff", [
    ('The festival grew. US voice actor Alexis Roe said, "it is big."', "big", "Alexis Roe", "voice actor", "United States"),
    ('The rocket launched. NASA Administrator Jim Roe said, "I am relieved."', "relieved", "Jim Roe", "Administrator", "NASA"),
    ('Stocks fell. Russell Roe, executive director of the Australian Retailers Association, said that "retailers try."',
     "retailers", "Russell Roe", "executive director", "Australian Retailers Association"),
    ('Pay rose. Politico quoted Tim Roe, formerly a deputy administrator at FEMA, as saying "FEMA has a role."',
     "role", "Tim Roe", "former deputy administrator", "FEMA"),
    ('The paper interviewed Gaspar Roe, the Hungarian Government commissioner responsible for defence, on Monday. '
     'Roe said "the bid won."', "bid won", "Gaspar Roe", "Government commissioner", "Hungary"),
    ('The bloom was large. Study co-author and geochemist Seth Roe remarked in a press release, "There was no reason."',
     "no reason", "Seth Roe", "geochemist", None),
])
def test_descriptions_around_the_name(nlp, text, words, name, role, aff):
    q = quote(nlp, text, words)
    assert (q.speaker.name, q.role, q.affiliation) == (name, role, aff)


@pytest.mark.parametrize("text, role, aff", [
    ('The vote failed. Senate minority leader Paul Roe said, "We will not back it."', "minority leader", "Senate"),
    ('The show began. The pop culture professor Paul Roe said, "We will not back it."', "pop culture professor", None),
    ('The match ended. His tag team partner Paul Roe said, "We will not back it."', "tag team partner", None),
    ('The poll closed. Former prime minister Paul Roe said, "We will not back it."', "Former prime minister", None),
    ('The poll closed. Harvard University political scientist Paul Roe said, "We will not back it."', "political scientist", "Harvard University"),
    ('The study appeared. Another author, civil and environmental engineering professor Paul Roe, said, "We will not back it."',
     "civil and environmental engineering professor", None),
    ('The poll closed. The tax accounting expert Paul Roe said, "We will not back it."', "tax accounting expert", None),
    # a participle, an adverb or a reporting verb before the role is not part of it
    ('The poll closed. The newly hired analyst Paul Roe said, "We will not back it."', "analyst", None),
    ('The poll closed. "We will not back it," said analyst Paul Roe.', "analyst", None),
    # a state's lowercase body before the role is part of the role, the state its affiliation
    ('The poll closed. A Russian foreign ministry spokeswoman, Maria Roe, said, "We will not back it."',
     "foreign ministry spokeswoman", "Russia"),
])
def test_a_role_before_a_name_keeps_its_lowercase_field(nlp, text, role, aff):
    q = quote(nlp, text, "back it")
    assert (q.role, q.affiliation) == (role, aff)


@pytest.mark.parametrize("text, role, aff", [
    ('The poll closed. Additionally, businessman and Trump loyalist Stephen Roe said, "We will not back it."', "businessman", None),
    ('The poll closed. Japanese professional wrestler and reality television star Hana Roe said, "We will not back it."',
     "professional wrestler", "Japan"),
    # a title after "and" is the role, not the first description
    ('The poll closed. Conservative Party leader and Prime Minister Boris Roe said, "We will not back it."', "prime minister", None),
])
def test_the_first_of_two_descriptions_before_a_name(nlp, text, role, aff):
    q = quote(nlp, text, "back it")
    assert (q.role, q.affiliation) == (role, aff)


def test_a_preposition_ends_a_role_before_a_name(nlp):
    q = quote(nlp, 'The fans met celebrity guests like actor John Roe, who said, "We will not back it."', "back it")
    assert q.role == "actor"


def test_a_parenthesis_between_a_preposed_description_and_the_name(nlp):
    text = ('The strike was called off. The general secretary of the Rail Union (Rail and Sea Workers Union), '
            'Mick Roe, said the offer was "nowhere near enough."')
    q = quote(nlp, text, "nowhere")
    assert (q.speaker.name, q.role, q.affiliation) == ("Mick Roe", "general secretary", "Rail Union")


def test_a_name_that_modifies_a_noun_takes_no_role_before_it(lang):
    from stance.speakers.roles import describe
    text = "Jane Doe, a Republican consultant and longtime Tom Roe critic, spoke. Tom Roe won."
    view = build_view(make_doc(lang, text, trained=False))
    assert describe(view, MentionIndex(view), "Tom Roe")[0] is None


def test_a_possessive_apostrophe_alone_marks_the_owner(nlp):
    text = ("According to Dr. Tom Roe, formerly the director of the United States' Centers for Disease Control, "
            'the pandemic is "unprecedented."')
    q = quote(nlp, text, "unprecedented")
    assert q.role == "former director" and q.affiliation.endswith("Centers for Disease Control")


def test_kin_of_a_place_s_people_is_not_an_affiliation(nlp):
    text = ('Labor Secretary Thomas Roe spoke. Roe, the Spanish-speaking son of Dominican immigrants, is a '
            'contender. "Trump is a fraud," Roe said.')
    q = quote(nlp, text, "fraud")
    assert (q.role, q.affiliation) == ("Labor Secretary", None)


def test_cabinet_members_and_agency_heads_in_the_lookup():
    from datetime import date

    from stance.speakers.actors import actor_lookup

    table = actor_lookup()
    assert table.lookup("Thomas Perez", date(2016, 7, 6)).affiliation == "United States"
    assert table.lookup("Tom Perez", date(2018, 1, 1)).affiliation == "Democratic Party"
    assert table.lookup("Jim Bridenstine", date(2020, 5, 30)).affiliation == "NASA"


def test_a_title_of_the_state_before_a_name(nlp):
    text = 'Today, former Vice President of the United States Joe Roe was projected to win. Roe said, "I am honored."'
    q = quote(nlp, text, "honored")
    assert (q.speaker.name, q.role, q.affiliation) == ("Joe Roe", "former Vice President", "United States")


def test_the_second_of_a_pair_under_a_plural_role(nlp):
    text = 'The rocket carried NASA astronauts Bob Roe and Doug Hurley into orbit. Hurley said, "It was a smooth ride."'
    q = quote(nlp, text, "smooth")
    assert (q.speaker.name, q.role, q.affiliation) == ("Doug Hurley", "astronaut", "NASA")


@pytest.mark.parametrize("nominal, role, aff", [
    ("representatives from Iran", "representatives", "Iran"),
    ("researchers from the University of Springfield", "researchers", "University of Springfield"),
    ("sources within the United States Department of Defense", "sources", "United States Department of Defense"),
    ("Some members of opposition parties", "members", "opposition parties"),
])
def test_a_description_with_its_body_after_a_preposition(nominal, role, aff):
    from stance.speakers.role_nominals import describe_nominal

    assert describe_nominal(nominal) == (role, aff)


def test_a_short_body_name_is_the_article_s_full_name(nlp):
    text = ('A survey by the Royal Pharmaceutical Society found problems. Society President Ash Roe told the public, '
            '"We can reduce illness."')
    q = quote(nlp, text, "illness")
    assert (q.role, q.affiliation) == ("president", "Royal Pharmaceutical Society")


def test_a_common_word_opening_a_sentence_is_no_body(nlp):
    text = 'The session ended. Opposition leader Jeremy Roe said, "This is an outrage." The opposition left.'
    q = quote(nlp, text, "outrage")
    # "opposition" is a role word ("opposition leader"), not the name of a body
    assert (q.role, q.affiliation) == ("Opposition leader", None)


@pytest.mark.parametrize("text, role, aff", [
    ('"The rules are clear," said Jane Roe, a professor of constitutional law at Harvard Law School.',
     "professor of constitutional law", "Harvard Law School"),
    ('"Trade matters," said John Doe, an influential scholar of labor economics and trade at the '
     'Massachusetts Institute of Technology.', "influential scholar of labor economics and trade", "Massachusetts Institute of Technology"),
    ('"We grew fast," said Jane Roe, president and chief executive of the Cleveland Host Committee.',
     "president and chief executive", "Cleveland Host Committee"),
])
def test_an_appositive_role_keeps_its_field_and_its_second_noun(nlp, text, role, aff):
    q = quote(nlp, text, "")
    assert (q.speaker.name, q.role, q.affiliation) == (text.split("said ")[1].split(",")[0], role, aff)


def test_the_body_of_an_appositive_named_by_its_noun(nlp):
    text = ('The Government Development Bank lent the money. "Guarantees are good," said Jane Roe, '
            'the president and chairwoman of the bank.')
    q = quote(nlp, text, "Guarantees")
    assert (q.role, q.affiliation) == ("president and chairwoman", "Government Development Bank")


def test_a_clause_after_and_is_not_a_second_role(nlp):
    q = quote(nlp, '"It works," said Jane Roe, a teacher and she laughed.', "works")
    assert q.role == "teacher"


def test_a_national_office_without_its_state_gets_the_articles_state(nlp):
    text = ('The Philippines closed the network. The Philippines says the law is clear. Solicitor General '
            'Jane Roe said the network "violated its franchise".')
    q = quote(nlp, text, "violated")
    assert (q.speaker.name, q.role, q.affiliation, q.affiliation_source) == ("Jane Roe", "Solicitor General", "Philippines", "article")


def test_an_office_that_is_not_a_states_gets_no_state(nlp):
    from stance.speakers.roles import holds_state_office

    assert holds_state_office("Information Minister") and holds_state_office("Presidential Spokesperson")
    assert not holds_state_office("spokesperson") and not holds_state_office("chief executive")
    text = 'The Philippines closed the network. The Philippines says the law is clear. Teacher Jane Roe said "it was wrong".'
    assert quote(nlp, text, "wrong").affiliation is None


@pytest.mark.parametrize("text, name, role", [
    ('The event featured actors Dan Fogler, Ron Perlman, John De Lancie, and Jaleel White. '
     '"We are talking to NBC," Jaleel White said.', "Jaleel White", "actor"),
    ('Offering his condolence, speaker of the parliament Ali Larijani wrote: "He served well."', "Ali Larijani",
     "speaker of the parliament"),
    ('John Luk died. Michael Makuei, the Information Minister paid tribute to Luk. He said "It is a great loss."',
     "Michael Makuei", "Information Minister"),
])
def test_roles_in_lists_before_bodies_and_in_unclosed_appositives(nlp, text, name, role):
    q = nlp(text).quotes[0]
    assert (q.speaker.name, q.role) == (name, role)


def test_a_title_followed_by_a_possessive_is_not_cut_short(nlp):
    q = quote(nlp, 'Jane Roe, the President\'s daughter, said "it was fine".', "fine")
    assert q.role != "President"


@pytest.mark.parametrize("text, aff", [
    ('It rained. "We will act," said Rep. Hank Johnson (D-Ga.) on Monday.', "Democratic Party"),
    ('It rained. "We will act," said Jane Roe, a Michigan Democrat who sits on the panel.', "Democratic Party"),
    ('It rained. "We will act," said Jane Roe, a Republican strategist.', "Republican Party"),
    ('It rained. Presumptive Republican presidential nominee Jane Roe said "we will act".', "Republican Party"),
])
def test_party_labels_and_codes_give_the_party(nlp, text, aff):
    q = nlp(text).quotes[0]
    assert (q.speaker.name, q.affiliation) == ("Jane Roe" if "Johnson" not in text else "Hank Johnson", aff)


def test_party_of_label_keeps_an_organisations_name():
    from stance.speakers.roles import party_of_label

    assert party_of_label("Republican National Committee") == "Republican National Committee"
    assert party_of_label("Indiana GOP") == "Republican Party"
    assert party_of_label("Maryland Republicans") == "Republican Party"
    assert party_of_label("U.S. Democratic") == "Democratic Party"
    assert party_of_label("Harvard University") == "Harvard University"


@pytest.mark.parametrize("text, role, aff", [
    ('Donald Trump spoke. "It was fair," said Corey Lewandowski, Donald Trump\'s fired campaign manager.',
     "fired campaign manager", "Donald Trump campaign"),
    ('Kay Hagan died on Monday. "She was kind," said Sadie Weiner, Hagan\'s former spokeswoman.',
     "former spokeswoman", "Kay Hagan"),
    ('Heather Heyer died on Monday. "She was kind," said Susan Bro, Heather Heyer\'s mother.',
     "Heather Heyer's mother", None),
])
def test_a_persons_staff_is_affiliated_with_them_and_kin_is_not(nlp, text, role, aff):
    q = nlp(text).quotes[0]
    assert (q.role, q.affiliation) == (role, aff)


@pytest.mark.parametrize("text, role, aff", [
    ('It rained. "It is stunning," said Lee Roe, who teaches constitutional law at Washington University in St. Louis.',
     None, "Washington University"),
    ('It rained. "It is strategic," said Jeff Roe, an assistant professor in the school of information studies at '
     'Syracuse University.', "assistant professor", "Syracuse University"),
    ('It rained. "It is good strategy," said Ed Roe, a former Pennsylvania governor.', "former governor", "Pennsylvania"),
])
def test_bodies_further_in_a_description_and_regions_in_a_role(nlp, text, role, aff):
    q = nlp(text).quotes[0]
    assert (q.role, q.affiliation) == (role, aff)


def test_a_bare_nominal_speaker_takes_the_owner_the_article_gave_it_earlier():
    from stance.speakers.roles import describe
    from stance.text.view import blank_english

    text = ('Interpol refused, an Interpol spokesperson stated on Monday. The spokesperson added that '
            'requests "would not be considered".')
    view = build_view(blank_english()(text))
    assert describe(view, MentionIndex(view), "The spokesperson") == ("spokesperson", "Interpol")
    other = build_view(blank_english()('It rained, said an official on Monday. The spokesperson added "no".'))
    assert describe(other, MentionIndex(other), "The spokesperson") == ("spokesperson", None)


@pytest.mark.parametrize("text", [
    'Police closed the island. The mayor of Paris, Anne Roe, wrote: "Paris is mourning."',
    'Police closed the island. "Paris is mourning," said Anne Roe, the mayor of Paris.',
])
def test_a_mayor_serves_the_city_as_written(nlp, text):
    q = nlp(text).quotes[0]
    assert (q.speaker.name, q.role, q.affiliation) == ("Anne Roe", "mayor", "Paris")


def test_a_hyphened_role_noun_is_one_role(nlp):
    q = nlp('It rained. On Monday presidential front-runner Jane Roe said "we will win".').quotes[0]
    assert (q.speaker.name, q.role) == ("Jane Roe", "presidential front-runner")


def test_a_relation_is_not_a_role_when_the_article_gives_one(nlp):
    text = ('Senator Jane Roe spoke on Monday. Clinton faced her rival Jane Roe. "We will win," Roe said.')
    q = quote(nlp, text, "win")
    assert (q.speaker.name, q.role) == ("Jane Roe", "senator")


@pytest.mark.parametrize("text, name, role", [
    ('Trucks passed. Maryam Roe, an Iranian journalist visiting Nice on vacation, told reporters "it was awful".',
     "Maryam Roe", "journalist"),
    ('It rained. Betsy Roe, 68, a retired teacher, said "she is honest".', "Betsy Roe", "retired teacher"),
    ('It rained on Monday. A lawyer, Khizr Roe has long handed out copies. "Read it," Khizr Roe said.', "Khizr Roe", "lawyer"),
])
def test_an_appositive_after_an_age_before_a_clause_or_opening_the_sentence(nlp, text, name, role):
    q = nlp(text).quotes[0]
    assert (q.speaker.name, q.role) == (name, role)


def test_a_lowercase_title_of_several_words_before_a_name(nlp):
    q = nlp('It rained. "We must act," said former secretary of state Jane Roe on Monday.').quotes[0]
    assert (q.speaker.name, q.role) == ("Jane Roe", "former secretary of state")


def test_a_mayor_without_a_city_serves_the_place_the_article_names_most(nlp):
    text = ('Police in Toronto arrested a man. Toronto residents were shocked, and people in Ottawa too. '
            'On Tuesday mayor John Tory said "Toronto will heal".')
    q = quote(nlp, text, "heal")
    assert (q.speaker.name, q.role, q.affiliation) == ("John Tory", "mayor", "Toronto")


@pytest.mark.parametrize("text, role", [
    ('It rained. "We are in shock," said Debbie Roe, an organist at the church.', "organist"),
    ('It rained. On Monday publisher Ben Roe said "the base is angry".', "publisher"),
])
def test_occupations_are_roles(nlp, text, role):
    assert nlp(text).quotes[0].role == role


def test_a_role_on_a_persons_campaign(nlp):
    text = 'Bernie Sanders spoke. "Bernie is in good shape," said Tad Roe, a senior adviser on the Sanders campaign.'
    q = quote(nlp, text, "good shape")
    assert (q.speaker.name, q.role, q.affiliation) == ("Tad Roe", "senior adviser", "Bernie Sanders campaign")


def test_a_role_in_a_relative_clause(nlp):
    text = 'It rained. "There were no campaigns," said Jeremy Roe, who was the chief of staff to Leon Panetta, then the director.'
    q = nlp(text).quotes[0]
    assert (q.speaker.name, q.role) == ("Jeremy Roe", "chief of staff")


def test_words_after_a_possessive_owner_belong_to_the_role():
    from stance.speakers.role_nominals import describe_nominal

    assert describe_nominal("Trump ’s Indiana chairman") == ("Indiana chairman", "Trump")
    assert describe_nominal("Sudan's defense minister") == ("defense minister", "Sudan")


# -- nouns for people that only WordNet lists (stance/data/wordnet_person_nouns.txt) ---------------
@pytest.mark.parametrize("text, role", [
    ('The skulls were spiky. One of the authors, herpetologist David Roe, told a magazine that "it evolved often."', "herpetologist"),
    ('The report came out. Medical anthropologist Monica Roe said that "people behave well."', "Medical anthropologist"),
    ('The station changed hands. Rival shock jock Howard Roe said that "the show was good."', "shock jock"),
])
def test_a_noun_for_a_person_that_wordnet_lists_heads_a_role_before_a_name(nlp, text, role):
    q = quote(nlp, text, "")
    assert q.role is not None and q.role.lower().endswith(role.lower()), q.role


def test_wordnet_nouns_leave_out_names_and_words_mostly_verbs_or_adjectives():
    from stance.speakers.role_lexicon import role_nouns
    nouns = role_nouns()
    assert {"herpetologist", "anthropologists", "jock", "whistle-blower"} <= nouns
    assert not {"clinton", "carson", "have", "tell", "white", "accused"} & nouns


def test_a_campaign_is_named_by_its_noun_and_written_after_its_candidate():
    from stance.speakers.role_lexicon import campaign_of, names_campaign
    assert names_campaign(["the", "Kasich", "Campaign"]) and names_campaign(["campaign", "manager"])
    assert not names_campaign(["campaigns", "of", "the", "party"]) and not names_campaign([])
    assert campaign_of("Hillary Clinton") == "Hillary Clinton campaign"


def test_a_name_that_modifies_a_noun_takes_no_wordnet_role_before_it(lang):
    from stance.speakers.roles import describe
    text = "Many diehard Tom Roe supporters stayed home. Tom Roe won."
    view = build_view(make_doc(lang, text, trained=False))
    assert describe(view, MentionIndex(view), "Tom Roe")[0] is None


def test_a_role_before_the_name_wins_over_the_appositive_after_it(nlp):
    text = 'The vote was close. "We knew that," said former Utah governor Michael Roe, a Romney confidant.'
    q = quote(nlp, text, "knew")
    assert (q.role, q.affiliation) == ("former governor", "Utah")  # "former" before the owner stays on the role


# -- adjectives before a capitalised title (stance/data/wordnet_adjectives.txt) -------------------
@pytest.mark.parametrize("text, name, role, aff", [
    ("It rained. Incumbent President Jane Roe spoke on Monday.", "Jane Roe", "Incumbent President", None),
    ("It rained. Chief Technical Officer Jane Roe spoke on Monday.", "Jane Roe", "Chief Technical Officer", None),
    ("It rained. Mondelez CEO Jane Roe spoke on Monday.", "Jane Roe", "CEO", "Mondelez"),
])
def test_adjectives_before_a_title_are_part_of_it_not_its_body(lang, text, name, role, aff):
    got = names(lang, text)
    assert got[name][2:] == (role, aff), got


def test_the_possessive_before_a_title_is_its_owner(nlp):
    text = 'The software company Red Hat changed plans. Red Hat\'s Chief Technical Officer Chris Roe wrote in the announcement "Stream is no replacement."'
    q = quote(nlp, text, "replacement")
    assert (q.speaker.name, q.role, q.affiliation) == ("Chris Roe", "Chief Technical Officer", "Red Hat")


def test_a_name_written_inside_a_sentence_keeps_its_participle_like_first_word_opening_one(lang):
    got = names(lang, "The charity Red Cross sent help. Red Cross workers arrived on Monday.")
    assert [t for t in got if t.endswith("Cross")] == ["Red Cross"], got


# -- a title's "of": a portfolio (part of the role) or the state, place or body it serves ----------
@pytest.mark.parametrize("text, name, role, aff", [
    ("It rained. Minister of Information Jane Roe spoke on Monday.", "Jane Roe", "Minister of Information", None),
    ("It rained. Minister of Foreign Affairs Jane Roe spoke on Monday.", "Jane Roe", "Minister of Foreign Affairs", None),
    ("It rained. First Minister of Scotland Jane Roe spoke on Monday.", "Jane Roe", "First Minister", "Scotland"),
    ("It rained. Chief Executive of Hong Kong Jane Roe spoke on Monday.", "Jane Roe", "chief executive", "Hong Kong"),
    ("It rained. CEO of Tesco Jane Roe spoke on Monday.", "Jane Roe", "CEO", "Tesco"),
])
def test_a_title_s_of_names_a_portfolio_or_what_it_serves(lang, text, name, role, aff):
    got = names(lang, text)
    assert got[name][2:] == (role, aff), got


def test_a_portfolio_after_a_title_in_an_appositive(nlp):
    text = 'Roe is to be replaced by Wanda Doe, the Secretary of Justice for Puerto Rico. "We go," Doe said.'
    q = quote(nlp, text, "We go")
    assert (q.speaker.name, q.role, q.affiliation) == ("Wanda Doe", "Secretary of Justice", "Puerto Rico")


def test_a_minister_of_a_portfolio_serves_the_article_s_state(nlp):
    text = ('A bomb went off in Yemen. Houthi rebels deny it. Yemen mourns. '
            'The bomb was placed in a market, stated Minister of Information Jane Roe.')
    q = quote(nlp, text, "placed")
    assert (q.role, q.affiliation) == ("Minister of Information", "Yemen")


@pytest.mark.parametrize("text, role, aff", [
    ('Speakers at the rally included Labour MP (Member of Parliament) Tom Roe, and Sadiq Khan. Tom Roe said "we go".', "MP", "Labour Party"),
    ('It rained. Member of parliament (MP) Tom Roe said "we go".', "Member of parliament", None),
    ('Since then, a Republican, Tom Roe, has publicly said that "we go".', None, "Republican Party"),
    ('The inquiry began. Republican committee member Tom Roe of Georgia said "we go".', "member", "Republican Party"),
])
def test_party_labels_and_parenthesised_titles_before_a_name(nlp, text, role, aff):
    q = quote(nlp, text, "we go")
    assert (q.speaker.name, q.role, q.affiliation) == ("Tom Roe", role, aff)


@pytest.mark.parametrize("text, words, aff", [
    # a state's lowercase body after its possessive
    ('The attack shocked the town. The head of the UK\'s counter terror police, Neil Roe, on Sunday said the police found "nothing".',
     "nothing", "United Kingdom's counter terror police"),
    # a judge serves the court the article names
    ('Manafort was sentenced in the Federal Court on Wednesday. Judge Amy Roe said "sorry is not enough".', "sorry", "Federal Court"),
    # a governor serves the region or state the article names most
    ('Puerto Rico voted. The vote in Puerto Rico was close. Governor Pedro Roe said "we won" in Puerto Rico.', "we won", "Puerto Rico"),
    # a bare "police" speaks for the article's state
    ('The mayor of Seoul, South Korea, died. South Korea mourns. Police said "he left home" in the morning.', "left home", "South Korea"),
])
def test_bodies_an_officer_or_a_state_s_officers_serve(nlp, text, words, aff):
    assert quote(nlp, text, words).affiliation == aff


@pytest.mark.parametrize("text, words, aff", [
    # what the speaker talks about is not where they serve: states named only in quotations do not count
    ('"China is stealing our jobs," said Governor Tom Roe.', "stealing", None),
    ('"Iran is a sponsor of terrorism," said Senator Jane Roe.', "sponsor", None),
    # the narration's state still does
    ('Iran voted on Friday. "Iran is a sponsor of terrorism," said Senator Jane Roe.', "sponsor", "Iran"),
])
def test_an_office_s_state_is_named_outside_quotations(nlp, text, words, aff):
    assert quote(nlp, text, words).affiliation == aff


def test_a_party_label_before_a_field_and_a_role(nlp):
    q = quote(nlp, 'The bill passed. Republican state representative Terri Roe remarked that "the bill is a test."', "a test")
    assert (q.role, q.affiliation) == ("representative", "Republican Party")


@pytest.mark.parametrize("text, words, role, aff", [
    # a possessive description and the name close the sentence after its reporting verb
    ('"He was the finest scientist I have known," said Stanford University\'s chancellor, Pradeep Roe.',
     "finest scientist", "chancellor", "Stanford University"),
    ('"We will win the state," said Sanders\'s campaign manager, Jeff Roe.', "win the state", "campaign manager", "Sanders campaign"),
])
def test_a_possessed_role_before_a_name_closing_the_sentence(nlp, text, words, role, aff):
    q = quote(nlp, text, words)
    assert (q.role, q.affiliation) == (role, aff)


@pytest.mark.parametrize("name, role, aff", [
    # the possessive ending is not part of the role; a state's body is, the state the affiliation
    ("Russia's foreign ministry spokeswoman", "foreign ministry spokeswoman", "Russia"),
    # a person's campaign is written "Clinton campaign" (the annotation's form)
    ("Clinton’s campaign spokesman", "spokesman", "Clinton campaign"),
])
def test_a_possessive_before_a_lowercase_body_in_a_description(name, role, aff):
    from stance.speakers.role_nominals import describe_nominal
    assert describe_nominal(name) == (role, aff)


@pytest.mark.parametrize("text, words, role, aff", [
    # two roles joined by "and" in an appositive, the body after them
    ('"We needed more stimulus," said Josh Roe, research and policy director of the Economic Policy Institute.',
     "more stimulus", "research and policy director", "Economic Policy Institute"),
    # an age and an unnamed lowercase owner before the roles
    ('Jay Roe, the club\'s 78-year-old president and general manager, said that "the place is fine."',
     "the place", "president and general manager", None),
    ('Heather Roe, a 26-year-old benefits manager, said that "taxes are too high."', "taxes", "benefits manager", None),
])
def test_coordinated_roles_and_ages_in_an_appositive(nlp, text, words, role, aff):
    q = quote(nlp, text, words)
    assert (q.role, q.affiliation) == (role, aff)


@pytest.mark.parametrize("text, words, aff", [
    # "at" a state after a name is where the person was, not whom they serve
    ('The pope met Sanders at the Vatican guest house. Sanders said that "the trip was worthwhile."', "worthwhile", None),
    # a bare lowercase campaign before the role names no one's campaign; the party code gives the party
    ('Ted Roe took a swipe at Senate colleague and presidential campaign rival Marco Roe (R-Fla.) on Monday. '
     'Marco Roe said that "he is wrong."', "he is wrong", "Republican Party"),
    # a name before the campaign is its owner
    ('He singled out Carson campaign manager Barry Roe as the problem. Roe said that "he is wrong."', "he is wrong", "Carson campaign"),
    # words of the sentence before a possessive owner are not the owner's name
    ('An article misstated the year Pershing Square\'s founder, William A. Roe, first began to buy shares. '
     'Roe said that "the shares are cheap."', "cheap", "Pershing Square"),
])
def test_owners_that_are_not_the_speaker_s_body(nlp, text, words, aff):
    assert quote(nlp, text, words).affiliation == aff


@pytest.mark.parametrize("text, words, role, aff", [
    # "former" written before the owner of a role or title before the name stays on the role
    ('On Monday, former U.N. Ambassador John Roe said that "the deal is bad."', "deal is bad", "former ambassador", "United Nations"),
    ('Former Pennsylvania governor Ed Roe said that "the deal is bad."', "deal is bad", "former governor", "Pennsylvania"),
    ('On Monday, former NIH director Harold Roe said that "the deal is bad."', "deal is bad", "former director", "NIH"),
    # but not a "former" of another phrase of the sentence
    ('The former president met New York Mayor Bill Roe. Roe said that "the deal is bad."', "deal is bad", "mayor", "New York"),
])
def test_former_before_the_owner_of_a_role_before_the_name(nlp, text, words, role, aff):
    q = quote(nlp, text, words)
    assert (q.role, q.affiliation) == (role, aff)
