"""A closing curly mark typed as an opening one ("“") after a comma or a stop and before a space
closes the open quotation (train: five PolNeAR gold quotations, '..., for her here,“ said X',
'“They see that. “'); invented sentences."""

from __future__ import annotations

from stance.quotations.cues import find_cues
from stance.quotations.finder import find_quotations
from stance.quotations.segments import find_quote_segments
from stance.text.view import build_view, make_doc


def test_misturned_closer_after_a_comma_closes_the_quotation(lang):
    text = "“The ferry will run again by June,“ said Ana Ruiz, the harbour master."
    view = build_view(make_doc(lang, text))
    quotes = [(q.kind, text[q.start:q.end]) for q in find_quotations(view, find_cues(view))]
    assert quotes == [("direct", "The ferry will run again by June,")]


def test_misturned_closer_after_a_stop_closes_the_quotation():
    text = "“We will reopen the port. “\n\nThe council met on Monday."
    assert [text[s.start:s.end] for s in find_quote_segments(text)] == ["We will reopen the port."]


def test_opening_mark_before_a_word_still_opens():
    text = "He said: “We won. “We will win again,” he added."
    assert [text[s.start:s.end] for s in find_quote_segments(text)] == ["We will win again,"]
