"""Roles and affiliations: organisation names the name finder cut, bodies after a noun of their
kind, and speakers named only by the body they belong to (invented sentences)."""

from __future__ import annotations

import pytest

from stance.speakers.roles import describe
from stance.text.mentions import MentionIndex
from stance.text.view import build_view, make_doc


def described(lang, text: str, name: str, at: str | None = None) -> tuple[str | None, str | None]:
    """describe() of ``name`` in ``text``; with ``at``, as the speaker whose mention is the name
    mention with that text."""
    view = build_view(make_doc(lang, text, trained=False))
    mentions = MentionIndex(view)
    mention = next(m for m in mentions.names if m.text == at) if at is not None else None
    return describe(view, mentions, name, mention)


@pytest.mark.parametrize("text,aff", [
    ('"We will win," said Ann Brook, president of Rock the Vote.', "Rock the Vote"),
    ('"We will win," said Tom Burns, a leader of the Coalition to Stop Fracking, on Monday.', "Coalition to Stop Fracking"),
    ('"We will win," said Drew Hall, a member for the Caucus of Rank and File Educators, a teachers\' group.',
     "Caucus of Rank and File Educators"),
    ('"We will win," said Neil Stone, director of the advocacy group Democracy for America.', "Democracy for America"),
])
def test_an_organisation_s_name_cut_at_a_joiner_is_whole(lang, text, aff):
    name = text.split("said ")[1].split(",")[0]
    assert described(lang, text, name)[1] == aff


def test_a_state_after_its_governor_s_preposition_is_not_joined(lang):
    text = '"We will win," said Jane Roe, the governor of Texas for the last decade.'
    assert described(lang, text, "Jane Roe") == ("governor", "Texas")


def test_a_body_after_a_noun_of_its_kind_after_the_name(lang):
    text = '"We will win," said Andrew Pink of the law firm Mayer Brown.'
    assert described(lang, text, "Andrew Pink")[1] == "Mayer Brown"


@pytest.mark.parametrize("text,at,role,aff", [
    ('A spokesman for the Jupiter Police Department said "we will find him."', "Jupiter Police Department",
     "spokesman", "Jupiter Police Department"),
    ('"It was bad," according to a letter from the chairman of the U.S. Senate Committee on Homeland Security.',
     "Homeland Security", "chairman", "U.S. Senate Committee on Homeland Security"),
    ('Researchers from the University of Oslo and Stanford University reported that the seas are warming.',
     "Stanford University", "Researchers", "University of Oslo and Stanford University"),
])
def test_a_speaker_named_by_the_body_they_belong_to(lang, text, at, role, aff):
    assert described(lang, text, at, at) == (role, aff)


def test_a_person_named_after_a_role_and_preposition_keeps_their_own_description(lang):
    text = 'A spokesman for Donald Trump said "no." Donald Trump, the candidate, said "yes."'
    assert described(lang, text, "Donald Trump", "Donald Trump")[0] != "spokesman"


def test_a_title_of_a_state_before_a_person_s_name_is_no_body(lang):
    text = 'Iran denied it. President of Ukraine Volodymyr Zelenskyy said, "We expect assurances."'
    assert described(lang, text, "Volodymyr Zelenskyy", "Volodymyr Zelenskyy")[1] == "Ukraine"


@pytest.mark.parametrize("text,at,aff", [
    ('Republican strategist Fred Davis said "we will win this."', "Fred Davis", "Republican Party"),
    ('Other Republicans said "we will win this."', "Republicans", "Republican Party"),
    ('"We will win," said one former GOP leadership aide.', None, "Republican Party"),
])
def test_a_party_label_in_the_role_or_the_speaker_names_the_party(nlp, text, at, aff):
    q = nlp(text).quotes[0]
    assert q.affiliation == aff


def test_a_party_itself_or_its_committee_is_not_affiliated_to_the_party(lang):
    text = 'The Democratic Party said "we will win this." Later the Democratic National Committee said "we lost."'
    assert described(lang, text, "Democratic Party", "Democratic Party")[1] is None
    assert described(lang, text, "Democratic National Committee", "Democratic National Committee")[1] is None


def test_a_party_code_after_a_comma_after_the_name(lang):
    text = 'Rep. Chris Coleman, R-N.Y., said "we will win this."'
    assert described(lang, text, "Chris Coleman") == ("representative", "Republican Party")


@pytest.mark.parametrize("text,name,aff", [
    ('House Majority Leader Kevin McCartney (R-Calif.) said "we will win this."', "Kevin McCartney", "Republican Party"),
    ('Senator Ed Randall (D) said "we will win this."', "Ed Randall", "Democratic Party"),
    ('Senate Foreign Relations Committee Chairman Bob Corkery (R-Tenn.) said "we will win this."', "Bob Corkery",
     "Senate Foreign Relations Committee"),
])
def test_a_party_code_wins_over_a_chamber_but_not_over_a_whole_committee(lang, text, name, aff):
    assert described(lang, text, name)[1] == aff


def test_a_body_of_two_names_with_an_acronym_in_brackets(lang):
    text = ("On Wednesday, researchers from the Georgia Institute of Technology (GT) and University of "
            "South Carolina Beaufort reported that warm seas weaken corals.")
    assert described(lang, text, "University of South Carolina Beaufort", "University of South Carolina Beaufort") == (
        "researchers", "Georgia Institute of Technology (GT) and University of South Carolina Beaufort")


def test_a_weekday_opening_the_sentence_is_not_an_owner(lang):
    text = "The outbreak spread. On Thursday officials reported the cases rose."
    assert described(lang, text, "officials") == ("officials", None)


def test_a_group_quantifier_is_not_an_owner(lang):
    text = "Trump refused. Other Republicans urged him to go."
    assert described(lang, text, "Other Republicans")[1] == "Republican Party"


@pytest.mark.parametrize("name,expected", [
    ("Presidential Spokesperson Harry Roque", ("Presidential Spokesperson", None)),
    ("Clinton Senior Adviser Sidney Blumenthal", ("Senior Adviser", None)),
    ("Turkish President Recep Tayyip Erdogan", ("President", "Turkey")),
    ("John Smith", (None, None)),
])
def test_a_title_left_inside_a_speaker_s_name(name, expected):
    from stance.speakers.role_titles import title_in_name

    assert title_in_name(name) == expected


@pytest.mark.parametrize("text,name,aff", [
    ('Within a day, Belarusian KGB arrested 33 men, claiming they were "mercenaries".', "Belarusian KGB", "Belarus"),
    ('American law enforcement officials said they found the "postings".', "American law enforcement officials", "United States"),
])
def test_a_demonym_opening_a_speaker_s_description_or_body(lang, text, name, aff):
    assert described(lang, text, name)[1] == aff


def test_a_possessive_stays_an_earlier_owner_s_mark(lang):
    text = "Jane Roe's aides met on Monday. Aides said it was over."
    assert described(lang, text, "Aides")[1] == "Jane Roe"


@pytest.mark.parametrize("text,name,expected", [
    ('"We will win," said Katie Pack, who runs Our Principles.', "Katie Pack", ("head", "Our Principles")),
    ('"It is bad," said Olive Hedges, who appraises golf courses for the real estate firm Cushman & Wakefield.',
     "Olive Hedges", (None, "Cushman & Wakefield")),
    ('"It is bad," said Jane Roe, who led the team to victory.', "Jane Roe", (None, None)),
])
def test_a_relative_clause_that_heads_or_serves_a_body(lang, text, name, expected):
    assert described(lang, text, name) == expected


@pytest.mark.parametrize("text,role", [
    ('Sens. John Smith and Mary Jones said "we will win this."', "senators"),
    ('Reps. John Smith and Mary Jones said "we will win this."', "representatives"),
])
def test_a_split_plural_title_abbreviation_before_a_group(nlp, text, role):
    q = nlp(text).quotes[0]
    assert (q.speaker.name, q.role) == ("John Smith and Mary Jones", role)


def test_a_group_of_named_people_shares_its_members_affiliation(nlp):
    text = ('Republican Jane Roe spoke, and so did Republican John Doe. Jane Roe and John Doe both '
            'floated the notion of admitting "some refugees".')
    q = [q for q in nlp(text).quotes if "refugees" in q.quote.text][0]
    assert (q.speaker.name, q.affiliation) == ("Jane Roe and John Doe", "Republican Party")


def test_plural_roles():
    from stance.speakers.description import plural_role

    assert [plural_role(r) for r in ("presidential candidate", "spokesman", "secretary", "senators", "president and CEO")] == [
        "presidential candidates", "spokesmen", "secretaries", "senators", "president and CEO"]


def test_a_leaning_label_names_no_party_the_article_does_not_name(nlp):
    q = nlp('Conservative columnist George Will said "it is over".').quotes[0]
    assert (q.role, q.affiliation) == ("Conservative columnist", None)


def test_a_surname_speaker_takes_the_full_name_s_description(lang):
    from stance.speakers.description import describe_speaker

    text = 'Jane Roe, a spokeswoman for Acme, spoke. "We will win," Roe said.'
    view = build_view(make_doc(lang, text, trained=False))
    mentions = MentionIndex(view)
    assert describe_speaker(view, mentions, "Roe", None, True, None)[:2] == ("spokeswoman", "Acme")


@pytest.mark.parametrize("text,name,expected", [
    ('According to Windsor Locks\' first selectman, Chris Kerr, there were "ten passengers" aboard.', "Chris Kerr",
     ("first selectman", "Windsor Locks")),
    ('The Labour Party\'s leader, Jeremy Corbin announced he will not seek the "leadership".', "Jeremy Corbin",
     ("leader", "Labour Party")),
    ('As Virginia\'s governor, Tim Kane declared that "I strongly support" the law.', "Tim Kane", ("governor", "Virginia")),
])
def test_a_possessed_description_before_the_name(lang, text, name, expected):
    assert described(lang, text, name) == expected


def test_an_unnamed_owner_of_two_words_before_an_appositive_role(lang):
    text = '"We will win," said Luay Sam, 33, the community center\'s program coordinator.'
    assert described(lang, text, "Luay Sam")[0] == "program coordinator"


@pytest.mark.parametrize("text,aff", [
    ('The Elm Park Community Center opened in May. "We will win," said Luay Sam, 33, the community center\'s program coordinator.',
     "Elm Park Community Center"),
    ('The Oak Hill Country Club lost members. "We will win," said Jay Dee, the club\'s president and general manager.',
     "Oak Hill Country Club"),
])
def test_an_unnamed_owner_before_an_appositive_role_is_the_body_named_before(lang, text, aff):
    name = text.split("said ")[1].split(",")[0]
    assert described(lang, text, name)[1] == aff


def test_an_unnamed_owner_takes_no_body_whose_name_ends_otherwise(lang):
    text = 'The Elm Park Medical Center opened in May. "We will win," said Luay Sam, the community center\'s program coordinator.'
    assert described(lang, text, "Luay Sam") == ("program coordinator", None)


def test_a_lowercase_body_ends_before_the_reporting_verb(nlp):
    q = nlp('José Ortiz of the island\'s power authority said fixing the plant may take "a year".').quotes[0]
    assert (q.affiliation, q.affiliation_source) == ("the island's power authority", "article")


def test_a_body_named_in_another_description_wins_over_a_party_label(lang):
    text = '"It is over," explained Democratic strategist Simon Rose, president of the New Democrat Network.'
    assert described(lang, text, "Simon Rose")[1] == "New Democrat Network"


def test_a_state_office_before_a_lowercase_role_keeps_its_name(nlp):
    q = nlp('"It is over," White House press secretary Josh Ernest said.').quotes[0]
    assert (q.role, q.affiliation) == ("press secretary", "White House")


def test_the_party_finder_reads_a_state_office_as_its_state():
    from stance.speakers.description import _state_named

    assert (_state_named("White House"), _state_named("Acme"), _state_named(None)) == ("United States", "Acme", None)


def test_a_preposition_of_time_ends_an_appositive_role(lang):
    text = '"She is honest," said Betty Eberle, 68, Clinton’s close friend since sixth grade at the school.'
    assert described(lang, text, "Betty Eberle")[0] == "close friend"


@pytest.mark.parametrize("text,name,expected", [
    ('"It is over," said Larry Cole, a senior adviser to Mr. Sanders. Bernie Sanders ended his campaign on Monday.',
     "Larry Cole", ("senior adviser", "Bernie Sanders campaign")),
    ('"It is over," wrote Jared Stein, former economic adviser to Vice President Joseph R. Biden Jr.',
     "Jared Stein", ("former economic adviser", "Joseph R. Biden Jr.")),
])
def test_an_adviser_to_a_person_serves_them_or_their_campaign(lang, text, name, expected):
    assert described(lang, text, name) == expected


def test_an_ambassador_to_a_person_is_not_their_staff(lang):
    text = '"It is over," said Nina Turner, the ambassador to Tom Hanks.'
    assert described(lang, text, "Nina Turner")[1] is None


@pytest.mark.parametrize("text,name,aff", [
    ('From Andrea Peyser writing at The New York Post: "It is over."', "Andrea Peyser", "The New York Post"),
    ('Nate Cohn, writing in The New York Times, noticed that voters "have been shifting".', "Nate Cohn", "The New York Times"),
    ('"It is over," columnist Ai Jun wrote in the Global Times piece.', "Ai Jun", "Global Times"),
])
def test_a_writer_writes_for_the_publication_after_the_verb(lang, text, name, aff):
    assert described(lang, text, name)[1] == aff


@pytest.mark.parametrize("text", [
    '"It is over," Jane Roe wrote on Twitter.',
    '"It is over," Jane Roe wrote in a statement.',
])
def test_a_platform_or_a_document_is_no_writer_s_publication(lang, text):
    assert described(lang, text, "Jane Roe")[1] is None


def test_a_spokesperson_with_no_body_speaks_for_the_organisation_named_just_before(lang):
    text = 'Facebook created the tool to help in times of crisis, a spokeswoman, Anna White, said on Saturday.'
    assert described(lang, text, "Anna White") == ("spokeswoman", "Facebook")


def test_a_spokesperson_takes_no_body_from_the_words_they_are_quoted_with(lang):
    text = '"This is about what Trump does to Acme Corp, not to others," spokesman Stuart Roy said.'
    assert described(lang, text, "Stuart Roy") == ("spokesman", None)


def test_a_candidate_s_campaign_before_an_appositive_role_is_the_body(lang):
    text = '"We make sure," said Colin Strother, a Cuellar campaign spokesman.'
    assert described(lang, text, "Colin Strother") == ("campaign spokesman", "Cuellar campaign")


@pytest.mark.parametrize("text,name,expected", [
    ('"It is over," said Stuart Stevens, who served as Mitt Romney\'s chief strategist during the 2012 campaign.',
     "Stuart Stevens", ("chief strategist", "Mitt Romney campaign")),
    ('"It is over," said Melanne Verveer, who served as Hillary Clinton\'s chief of staff during the Clinton administration.',
     "Melanne Verveer", ("chief of staff", "Hillary Clinton")),
])
def test_a_relative_clause_role_of_a_possessive_owner(lang, text, name, expected):
    assert described(lang, text, name) == expected


@pytest.mark.parametrize("text,name,aff", [
    ('"Is it?" said Susan Hennessey, a former National Security Agency lawyer now at the Brookings Institution.',
     "Susan Hennessey", "Brookings Institution"),
    ('"Is it?" said Scott Morris, a former Treasury official who is now a senior fellow at the Center for Global Development.',
     "Scott Morris", "Center for Global Development"),
])
def test_the_body_a_description_says_its_holder_serves_now_wins(lang, text, name, aff):
    assert described(lang, text, name)[1] == aff
