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
