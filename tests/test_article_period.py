"""An undated article dates itself by the office holders it titles; the actor lookup then reads an
actor's terms within that period (stance.speakers.article_period, actors.resolve_within)."""

from __future__ import annotations

from datetime import date

from stance.speakers.actors import ActorInfo, ActorLookup, resolve_within
from stance.speakers.article_period import titled_period
from stance.text.mentions import MentionIndex
from stance.text.tokenize import make_language, tokenize
from stance.text.view import build_view

RECENT = [
    "Ann Example\tExample\tUnited States\tPresident\t2009-01-20\t2017-01-20\tmade up",
    "Ann Example\tExample\tUnited States\tSenator\t2005-01-03\t2008-11-16\tmade up",
    "Bob Sample\tSample\tUnited States\tSecretary of State\t2013-02-01\t2017-01-20\tmade up",
    "Carl Roe\tRoe\tRepublican Party\tpresidential candidate\t2015-06-16\t2016-07-18\tmade up",
    "Carl Roe\tRoe\tRepublican Party\tpresidential nominee\t2016-07-19\t2016-11-08\tmade up",
    "Carl Roe\tRoe\tUnited States\tPresident-elect\t2016-11-09\t2017-01-19\tmade up",
    "Carl Roe\tRoe\tUnited States\tPresident\t2017-01-20\t2021-01-20\tmade up",
    "Carl Roe\tRoe\tUnited States\tPresident\t2025-01-20\t\tmade up",
]


def _table() -> ActorLookup:
    return ActorLookup([r.split("\t") for r in RECENT], [])


def _period(text: str):
    view = build_view(tokenize(make_language(), text))
    return titled_period(view, MentionIndex(view), _table())


def test_titled_office_holders_date_an_article():
    assert _period("President Ann Example spoke on Monday.") == (date(2009, 1, 20), date(2017, 1, 20))
    # two office holders agree on the overlap of their terms
    assert _period("President Ann Example met Secretary of State Bob Sample.") == (date(2013, 2, 1), date(2017, 1, 20))
    # a surname alone, titled, is the one actor with that surname
    assert _period("Critics wrote to President Example on Monday.") == (date(2009, 1, 20), date(2017, 1, 20))


def test_past_titles_and_unknown_offices_do_not_date_an_article():
    assert _period("Former President Ann Example spoke on Monday.") is None
    assert _period("The then-President Ann Example spoke on Monday.") is None
    assert _period("Governor Ann Example spoke on Monday.") is None  # an office the lookup does not know her in
    assert _period("Ann Example spoke on Monday.") is None


def test_most_titled_holders_win_over_one_titled_by_a_past_office():
    # "Senator Ann Example" titles her by an office she left; the two current titles outvote it
    text = "President Ann Example and Secretary of State Bob Sample met. Senator Ann Example had said so in 2007."
    assert _period(text) == (date(2013, 2, 1), date(2017, 1, 20))


def test_terms_read_within_a_period():
    terms = _table().terms("Carl Roe")
    # a story of Ann Example's presidency: the candidate's campaign covers most of Carl Roe's time then
    assert resolve_within(terms, (date(2009, 1, 20), date(2017, 1, 20))) == ActorInfo("Republican Party", "presidential candidate", "recent")
    # no term in the period: nothing (not the latest term)
    assert resolve_within(terms, (date(2001, 1, 1), date(2005, 1, 1))) is None
    # no affiliation holds most of the period: nothing
    assert resolve_within(terms, (date(2016, 10, 10), date(2016, 12, 8))) is None
    # the lookup reads the period only when the day is unknown
    table = _table()
    assert table.lookup("Carl Roe", period=(date(2013, 2, 1), date(2017, 1, 20))).affiliation == "Republican Party"
    assert table.lookup("Carl Roe", date(2019, 1, 1), period=(date(2013, 2, 1), date(2017, 1, 20))).affiliation == "United States"
    assert table.lookup("Carl Roe").role == "President"  # undated, no period: the latest term


def test_pipeline_reads_the_lookup_in_the_period_the_article_gives(nlp_rules):
    text = ('President Barack Obama spoke at the White House on Monday. '
            '"We will build it," Donald Trump said at a rally.')
    q = nlp_rules(text).quotes[0]
    assert (q.speaker.name, q.affiliation, q.role, q.affiliation_source) == ("Donald Trump", "Republican Party", "presidential candidate", "lookup")
    # a dateline wins over the period
    q = nlp_rules("March 3, 2019\n" + text).quotes[0]
    assert (q.affiliation, q.role) == ("United States", "President")


def _named(text: str, name: str = "Carl Roe"):
    from stance.speakers.article_period import term_the_article_names

    view = build_view(tokenize(make_language(), text))
    latest = _table().lookup(name)
    return term_the_article_names(view, name, latest, _table())


def test_an_undated_article_names_the_office_of_its_time():
    # "the candidate", "nominees" used bare: the latest such term (one affiliation)
    got = _named("Carl Roe spoke at a rally. The candidate said the nominees would debate.")
    assert got == ActorInfo("Republican Party", "presidential nominee", "recent")
    assert _named("Carl Roe spoke. The other candidates disagreed.").role == "presidential candidate"


def test_titles_past_offices_and_mixed_offices_keep_the_latest_term():
    latest = ActorInfo("United States", "President", "recent")
    assert _named("Carl Roe spoke at a rally.") == latest  # no office named
    # "President Ann Example" titles someone else; "vice president" is another office
    assert _named("President Ann Example and the vice president met Carl Roe.") == latest
    # offices of two affiliations named bare: nothing to choose
    assert _named("Carl Roe, the candidate, met voters. The president spoke.") == latest


def test_pipeline_reads_the_office_an_undated_article_names(nlp_rules):
    text = ('Ben Carson spoke to voters in Iowa on Monday. The candidate drew a large crowd. '
            '"We will win this state," Ben Carson said.')
    q = nlp_rules(text).quotes[0]
    assert (q.affiliation, q.role, q.affiliation_source) == ("Republican Party", "presidential candidate", "lookup")


def test_period_gives_the_role_beside_the_affiliation_the_article_gives(nlp_rules):
    # "(R-Fla.)" gives the party; the period of "President Barack Obama" gives the office then
    text = ('President Barack Obama spoke on Monday. Marco Rubio (R-Fla.) disagreed. '
            '"We will win," Marco Rubio said.')
    q = nlp_rules(text).quotes[-1]
    assert (q.role, q.affiliation, q.affiliation_source) == ("Senator", "Republican Party", "article")
    undated = 'Marco Rubio (R-Fla.) spoke on Monday. "We will win," Marco Rubio said.'
    assert nlp_rules(undated).quotes[-1].role is None


def test_offices_sought_addressed_or_of_another_state_are_not_named():
    latest = ActorInfo("United States", "President", "recent")
    # "run for president", "Mr. President", "the Mexican president": not the actor's office then
    text = "Carl Roe, the candidate, wants to run for president. The Mexican president said no. Thank you, Mr. President."
    assert _named(text) == ActorInfo("Republican Party", "presidential candidate", "recent")
    assert _named("Carl Roe, the candidate, wants to be president.") == ActorInfo("Republican Party", "presidential candidate", "recent")
    assert _named("Carl Roe met the candidate. The president spoke.") == latest
    # the noun used most wins among one affiliation's terms
    assert _named("Carl Roe, a candidate, met other candidates; the nominee is unknown.").role == "presidential candidate"


def test_office_named_within_the_period():
    from stance.speakers.article_period import term_the_article_names

    view = build_view(tokenize(make_language(), "Carl Roe spoke. The candidate drew a crowd."))
    broad = (date(2013, 1, 3), date(2025, 6, 1))  # a senator's open term: Carl Roe's presidency outweighs the campaign
    within = _table().lookup("Carl Roe", period=broad)
    assert within.affiliation == "United States"
    assert term_the_article_names(view, "Carl Roe", within, _table(), period=broad).role == "presidential candidate"
    # a period the named office does not overlap: kept as it is
    late = (date(2021, 2, 1), date(2022, 6, 1))
    assert term_the_article_names(view, "Carl Roe", ActorInfo("United States", None, "recent"), _table(), period=late) == ActorInfo("United States", None, "recent")
