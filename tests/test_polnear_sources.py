"""Speakers of quotations in the layouts of American political news (issue 15, PolNeAR source
accuracy), on invented sentences."""

from __future__ import annotations

import pytest

import stance
from stance.text.view import BlankEnglish, build_view, make_doc


@pytest.fixture(scope="module")
def nlp():
    return stance.load(stance_model=False)


def _sentences(text: str) -> list[list[str]]:
    view = build_view(make_doc(BlankEnglish(), text))
    return [view.words[a:b] for a, b in (view.sent_bounds(s) for s in range(len(view.sent_starts)))]


def speaker_of(nlp, text: str, part: str):
    """The speaker of the one quotation whose text holds ``part``."""
    qs = [q for q in nlp(text).quotes if part in q.quote.text]
    assert len(qs) == 1, [(q.kind, q.quote.text) for q in nlp(text).quotes]
    return qs[0].speaker


# -- a straight quotation mark opening a sentence belongs to it ------------------------------------
@pytest.mark.parametrize("mark", ['"', "''"])
def test_opening_straight_mark_starts_the_next_sentence(mark):
    close = mark
    text = f"The council met on Monday. {mark}We will not back down,{close} Dana Velk said. He left."
    sents = _sentences(text)
    assert sents[0][-1] == "."
    assert sents[1][:2] == [mark, "We"]
    assert all(len(s) > 1 for s in sents)


def test_closing_straight_mark_ends_its_sentence():
    sents = _sentences('He said "no." Then he left.')
    assert sents == [["He", "said", '"', "no", ".", '"'], ["Then", "he", "left", "."]]


@pytest.mark.parametrize("mark", ['"', "''"])
def test_speaker_with_an_appositive_after_a_quotation_opening_a_sentence(nlp, mark):
    text = (f"The council met on Monday. {mark}We will not back down on the budget,{mark} Dana Velk, "
            f"the mayor's deputy chief of staff, said Sunday. {mark}The vote is final.{mark}")
    sp = speaker_of(nlp, text, "We will not back down")
    assert sp is not None and sp.name == "Dana Velk"
