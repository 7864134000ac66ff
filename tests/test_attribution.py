"""Quotations, cues, speakers, roles and affiliations on handwritten sentences (no corpus text)."""

from __future__ import annotations

from pathlib import Path

import pytest

import stance
from stance.quotations.segments import find_quote_segments

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(scope="module")
def nlp():
    return stance.load(stance_model=False, ranker=False)


def quotes(nlp, text):
    return list(nlp(text).quotes)


def one(nlp, text, kind=None):
    qs = quotes(nlp, text)
    if kind is not None:
        qs = [q for q in qs if q.kind == kind]
    assert len(qs) == 1, [(q.kind, q.quote.text) for q in quotes(nlp, text)]
    return qs[0]


# -- quotation marks -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        '"The plan will fail within a year," Ana Ruiz said.',
        "“The plan will fail within a year,” Ana Ruiz said.",
        "''The plan will fail within a year,'' Ana Ruiz said.",
        "``The plan will fail within a year,'' Ana Ruiz said.",
        "‘The plan will fail within a year,’ Ana Ruiz said.",
        "«The plan will fail within a year,» Ana Ruiz said.",
    ],
)
def test_mark_styles(nlp, text):
    q = one(nlp, text)
    assert q.kind == "direct"
    assert q.quote.text == "The plan will fail within a year,"
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker is not None and q.speaker.name == "Ana Ruiz"


def test_multi_paragraph_quote(nlp):
    text = (
        "Ana Ruiz, a trade analyst at the Harbor Institute, said: “The tariffs will hurt the farmers first.\n"
        "“Then the costs will reach every shop in the valley within a season.”"
    )
    qs = quotes(nlp, text)
    assert [q.kind for q in qs] == ["direct", "direct"]
    assert all(q.speaker is not None and q.speaker.name == "Ana Ruiz" for q in qs)


def test_unbalanced_mark_stays_local():
    text = 'He said "the vote is over.\nLater, “We will appeal the ruling next week,” Ana Ruiz said.'
    segs = find_quote_segments(text)
    assert any(text[s.start : s.end] == "We will appeal the ruling next week," for s in segs)


@pytest.mark.parametrize(
    "text, content",
    [
        # NYT two-apostrophe mark after a space: it closes, it cannot open
        ("''The plan worked because he built strong coalitions, '' said Ana Ruiz, an aide.",
         "The plan worked because he built strong coalitions,"),
        # a nested single quotation closed right before the double mark, a space between
        ("\"You can walk off the court and say, 'Well done,' \" said Ana Ruiz, a coach.",
         "You can walk off the court and say, 'Well done,'"),
    ],
)
def test_a_mark_between_spaces_closes_the_open_quotation(nlp, text, content):
    assert content in [text[s.start : s.end] for s in find_quote_segments(text)]
    q = one(nlp, text)
    assert q.speaker is not None and q.speaker.name == "Ana Ruiz"


def test_scare_quotes_and_titles_are_not_quotes(nlp):
    assert quotes(nlp, "The so-called “reform” passed on Tuesday after a long debate in the chamber.") == []
    assert quotes(nlp, "She starred in “The Long Summer Road” before moving to the capital in the spring.") == []


@pytest.mark.parametrize(
    "text",
    [
        "A book by the comedian Ivo Black titled ''A Child's First Book of Sylvania,'' sold well, the publisher said.",
        "The cartoonist Ana Ruiz published a collection called ''Yuge!: 30 Years of Drawing the Mayor.'' last week.",
        "Lopez, whose 2005 book ''Ruritania: The Art of Being the Boss,'' was the subject of the suit, said he was pleased.",
        "He appeared on Channel 9's \"Good Morning Freedonia.\" He said he would run.",
        "Members of a group called the \"We The People Foundation.\" marched on Tuesday, the police said.",
    ],
)
def test_quoted_titles_after_a_work_or_a_naming_participle_are_not_quotes(nlp, text):
    # found on PolNeAR train articles: titles of books, shows and groups became quotations
    assert not [q for q in quotes(nlp, text) if q.kind == "direct"], [(q.kind, q.quote.text) for q in quotes(nlp, text)]


def test_title_case_speech_is_still_a_quotation(nlp):
    assert one(nlp, 'Lopez called Park "Little Marco" on Tuesday.').quote.text == "Little Marco"
    q = one(nlp, "Lopez wrote to Park: \u2018We Are Going All The Way To Sylvania and Winning The Nomination.\u2019")
    assert q.quote.text.startswith("We Are Going")
    assert one(nlp, 'He said, "The Best Is Yet To Come, Believe Me."').quote.text == "The Best Is Yet To Come, Believe Me."


# -- indirect speech -----------------------------------------------------------------------------
def test_said_that(nlp):
    q = one(nlp, "Ana Ruiz said that the bridge would reopen in the spring.")
    assert q.kind == "indirect" and q.quote.text == "the bridge would reopen in the spring"
    assert q.speaker.name == "Ana Ruiz"


def test_said_zero_that(nlp):
    q = one(nlp, "Local officials said farmers have lost most of the harvest this year.")
    assert q.kind == "indirect" and q.quote.text == "farmers have lost most of the harvest this year"


def test_according_to(nlp):
    q = one(nlp, "The bridge will reopen in the spring, according to the city council.")
    assert q.kind == "indirect" and q.quote.text == "The bridge will reopen in the spring"
    assert q.cue.text == "according to"
    assert "council" in q.speaker.mention.text


def test_told_someone_that(nlp):
    q = one(nlp, "Ana Ruiz told reporters that the bridge would reopen in the spring.")
    assert q.kind == "indirect" and q.quote.text == "the bridge would reopen in the spring"
    assert q.speaker.name == "Ana Ruiz"


def test_warned_that(nlp):
    q = one(nlp, "The mayor warned that the river could flood the lower town by Friday.")
    assert q.kind == "indirect" and q.quote.text.startswith("the river could flood")
    assert q.speaker.mention.text.lower() == "the mayor"


def test_mixed(nlp):
    q = one(nlp, "Ana Ruiz said the new rules were “a gift to the banks” and would not last.")
    assert q.kind == "mixed"
    assert "“a gift to the banks”" in q.quote.text


# -- speakers ------------------------------------------------------------------------------------
def test_surname_after_full_name_surname_first(nlp):
    text = (
        "“The talks will resume in the autumn,” said Park Min Jun, a researcher at the Harbor Institute.\n"
        "“Both sides need a deal before the winter,” Park said."
    )
    qs = quotes(nlp, text)
    assert [q.speaker.name for q in qs] == ["Park Min Jun", "Park Min Jun"]
    assert qs[1].speaker.mention.text == "Park"


def test_pronoun_speakers(nlp):
    text = "Ana Ruiz spoke at the hearing on Monday. She said the budget would not pass this year."
    q = one(nlp, text)
    assert q.speaker.name == "Ana Ruiz" and q.speaker.mention.text == "She"
    text = "Tomas Berg left the room early. “We are done here for today,” he said."
    q = one(nlp, text)
    assert q.speaker.name == "Tomas Berg" and q.speaker.mention.text == "he"


def test_the_ministry(nlp):
    text = (
        "Norland's Foreign Ministry issued a statement on Monday. "
        "The ministry said that the border crossings would stay closed until further notice."
    )
    q = one(nlp, text)
    assert q.speaker.type == "organization"
    assert q.speaker.name == "Norland's Foreign Ministry" or "Foreign Ministry" in q.speaker.name


def test_inverted_with_title_and_parenthetical(nlp):
    q = one(nlp, '"The vote is a disgrace and everyone here knows it," said Sen. Ana Ruiz (D-Ore.), who leads the panel.')
    assert q.speaker.name == "Ana Ruiz"
    q = one(nlp, '"The vote is a disgrace and everyone knows it," Rep. Tomas Berg (R-Utah) said on Tuesday.')
    assert q.speaker.name == "Tomas Berg"


def test_dash_attribution(nlp):
    q = one(nlp, "“We will keep marching until the law changes.” ― Ana Ruiz")
    assert q.speaker is not None and q.speaker.name == "Ana Ruiz"


def test_colon_cue_in_previous_paragraph(nlp):
    q = one(nlp, 'Tomas Berg went on to explain his vote.\nHe continued:\n"The budget simply does not add up for the towns."')
    assert q.speaker is not None and q.speaker.mention.text == "He"


# -- role and affiliation ------------------------------------------------------------------------
def test_appositive_role(nlp):
    q = one(nlp, "“The deal is fragile,” said Ana Ruiz, an analyst at the Harbor Institute.")
    assert q.role == "analyst" and q.affiliation == "Harbor Institute"


def test_title_before_name(nlp):
    q = one(nlp, "“We will not accept these terms,” said Russian Foreign Minister Sergei Lavrov.")
    assert q.speaker.name == "Sergei Lavrov"
    assert q.role == "foreign minister" and q.affiliation == "Russia"


def test_country_adjective(nlp):
    q = one(nlp, "“The strikes will continue until the attacks stop,” an Israeli spokesman said.")
    assert q.speaker is not None
    assert q.affiliation == "Israel"


# -- PolNeAR (skipped without the corpus) --------------------------------------------------------
@pytest.mark.skipif(not (DATA / "polnear" / "dev.jsonl").is_file(), reason="PolNeAR not available")
def test_polnear_dev_smoke(nlp):
    from stance.evaluation.polnear import evaluate_polnear

    rep = evaluate_polnear(DATA, "dev", limit=5, pipeline=nlp)
    assert rep["documents"] == 5
    assert rep["content"]["quoted"]["f1"] > 0.5


def test_name_and_colon_opening_a_line_is_a_cue():
    # PolNeAR headlines and transcripts: 'Ted Cruz: "..."' had no cue and no speaker
    import stance

    nlp = stance.load(stance_model=False)
    a = nlp('Ted Cruz: "Physically assaulting a reporter is a fireable offense."\n\nThe senator spoke on Monday.')
    assert [(q.kind, q.speaker.name if q.speaker else None, q.cue.text if q.cue else None) for q in a.quotes] == [
        ("direct", "Ted Cruz", ":")]
    # a colon after a lowercase clause is no such cue
    b = nlp('The rule was simple: "Physically assaulting a reporter is a fireable offense."')
    assert all(q.cue is None or q.cue.text != ":" for q in b.quotes)


@pytest.mark.parametrize("text, clause", [
    ("Local media reported most of the deceased had suffocated in the fire.", "most of the deceased had suffocated in the fire"),
    ("The ministry announced the border would reopen next week.", "the border would reopen next week"),
    ("Officials indicated they would not seek the death penalty.", "they would not seek the death penalty"),
])
def test_reported_clause_without_that(text, clause):
    # Wikinews: 'reported', 'announced', 'indicated' + a clause without "that" were missed
    import stance

    quotes = stance.load(stance_model=False)(text).quotes
    assert [(q.kind, q.quote.text) for q in quotes] == [("indirect", clause)]


def test_reporting_a_noun_phrase_is_no_quotation():
    import stance

    nlp = stance.load(stance_model=False)
    assert nlp("The agency reported the incident to the police on Monday.").quotes == ()
    assert nlp("The company announced a new phone in Berlin.").quotes == ()
