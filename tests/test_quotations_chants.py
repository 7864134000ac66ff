"""Chanted slogans in quotation marks are direct quotations of the chanting crowd (train: nine
PolNeAR gold segments after "chanted"/"chanting", none found before "chant" was a reporting
verb); "chants of ..." is a noun and no cue. Invented sentences."""

from __future__ import annotations

import pytest

from stance.quotations.cues import find_cues
from stance.quotations.finder import find_quotations
from stance.text.view import build_view, make_doc


def found(lang, text: str) -> list[tuple[str, str, str | None]]:
    """(kind, span text, cue word) of every quotation the finder returns for ``text``."""
    view = build_view(make_doc(lang, text))
    return [(q.kind, text[q.start:q.end], q.cue and view.words[q.cue.start]) for q in find_quotations(view, find_cues(view))]


@pytest.mark.parametrize("text, quotes", [
    ('As the mayor spoke, the dockers chanted, "Open the port!" until the police arrived.',
     [("direct", "Open the port!", "chanted")]),
    ('Hundreds of marchers were chanting "Save the ferry" and "No more cuts."',
     [("direct", "Save the ferry", "chanting"), ("direct", "No more cuts.", "chanting")]),
])
def test_chanted_slogans_are_direct_quotations(lang, text, quotes):
    assert found(lang, text) == quotes


@pytest.mark.parametrize("text", [
    "The dockers chanted slogans as the mayor arrived at the harbour.",
    "As the crowd began to chant, the mayor left the stage.",
])
def test_chant_without_quotation_reports_nothing(lang, text):
    assert found(lang, text) == []


def test_chants_as_a_noun_is_no_cue(lang):
    view = build_view(make_doc(lang, 'The mayor was met with loud chants from the dockers on the pier.'))
    assert [view.words[c.start] for c in find_cues(view)] == []


def test_chanting_crowd_is_the_speaker(nlp):
    """Crowd nouns head a speaker phrase (train: the chanted slogans' gold speakers "the
    attendees", "the crowd", "many marchers and spectators"; +5 correct speakers on train)."""
    quotes = nlp('As the mayor left the pier, the attendees chanted, "Open the port!" until she was gone.').quotes
    assert [(q.quote.text, q.speaker.name if q.speaker else None) for q in quotes] == [("Open the port!", "attendees")]
