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


def test_long_object_of_an_as_naming_frame_is_searched_for_parties():
    """'described X as "Y"' is a direct quotation of Y alone (ANNOTATION.md rule 3); the object X,
    up to AS_FRAME_GAP tokens between the cue and the quotation, is still a party."""
    from stance.parties.finder import parties_of_quotation
    from stance.quotations.cues import find_cues
    from stance.quotations.finder import find_quotations
    from stance.text.mentions import MentionIndex
    from stance.text.view import build_view, make_doc, make_language

    text = ("The radio host Ana Ruiz described the Ohio State University women's rowing team as "
            '"lazy and badly coached." She was fired a week later.')
    view = build_view(make_doc(make_language(), text))
    (raw,) = find_quotations(view, find_cues(view))
    assert raw.kind == "direct" and text[raw.start:raw.end] == "lazy and badly coached."
    names = {t.name for t in parties_of_quotation(view, MentionIndex(view), raw, "Ana Ruiz", None)}
    assert "Ohio State University" in names
