"""Target parties of quotations: words that open quoted speech are not parties."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, not_targets, targets",
    [
        # an interjection after the NYT '' opener was a "person" target (found on PolNeAR)
        ("He said of Ruritania, ''Oh my God, this can't be happening.''", {"Oh", "God"}, set()),
        # a nested quotation opened with an ASCII apostrophe: "This" was a name
        ("\"He told me, 'This is over. You will lose,'\" Sanders said of Clinton.", {"This", "You"}, set()),
        # a greeting that opens the quote: "Thank" was a name, Indiana stays a party
        ("Trump said: \"Thank you Indiana! What a night.\"", {"Thank", "What"}, {"Indiana"}),
    ],
)
def test_words_opening_quoted_speech_are_not_parties(nlp_rules, text, not_targets, targets):
    from stance.text.mentions import MentionIndex
    from stance.text.view import build_view

    view = build_view(nlp_rules.make_doc(text))
    names = {m.text for m in MentionIndex(view).names}
    assert not (names & not_targets), names
    assert targets <= names


def test_a_party_s_members_speak_for_it_but_a_member_does_not():
    from stance.parties.finder import _members_of

    assert _members_of("Democrats", "Democratic Party") and _members_of("Other Republicans", "Republican Party")
    assert not _members_of("Nancy Pelosi", "Democratic Party") and not _members_of("Democrats", "Republican Party")
    # one rule for the plural label, shared with the speaker resolution ("Republicans said")
    from stance.text.lexicons import party_of_members

    assert party_of_members("Republicans") == "Republican Party" and party_of_members("Democrats") == "Democratic Party"
    assert party_of_members("Republican") is None and party_of_members("Senators") is None


def test_the_party_is_no_party_of_its_members_quotation():
    import stance

    nlp = stance.load(ranker=False)  # (the stance model on: the quotation's parties are its stances)
    a = nlp("The vote was close. Democrats said the Democratic Party would win in November.")
    q = next(q for q in a.quotes if "would win" in q.quote.text)
    assert q.speaker.name == "Democrats"
    assert "Democratic Party" not in {s.target for s in q.stances}
