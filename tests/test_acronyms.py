"""The one acronym predicate (stance.text.entity_types.is_acronym) and the one reader of the short
forms an article defines in brackets (MentionIndex.bracketed_forms), which role expansion, party
references, speaker candidates and type settling all read. Invented sentences."""

from __future__ import annotations

import pytest

from stance.parties.references import acronym_map
from stance.speakers.candidates import defined_in_parentheses
from stance.speakers.roles import expand_acronym
from stance.text.entity_types import is_acronym
from stance.text.mentions import MentionIndex
from stance.text.view import blank_english, build_view


def _mentions(text: str) -> MentionIndex:
    return MentionIndex(build_view(blank_english()(text)))


@pytest.mark.parametrize("word, kwargs, expected", [
    ("NTSB", {}, True),
    ("UN", {}, False),  # three letters by default
    ("UN", {"min_len": 2}, True),
    ("NDRRMC", {"min_len": 2, "max_len": 6}, True),
    ("NDRRMCX", {"min_len": 2, "max_len": 6}, False),
    ("U.N.", {"min_len": 2}, False),  # dots only when asked
    ("U.N.", {"min_len": 2, "dots": True}, True),
    ("Phivolcs", {"min_len": 2}, False),
    ("G7", {"min_len": 2}, False),
    ("X", {"min_len": 1}, True),
])
def test_is_acronym_takes_its_length_range_and_dots_as_parameters(word, kwargs, expected):
    assert is_acronym(word, **kwargs) is expected


def test_bracketed_forms_reads_each_name_with_a_word_in_brackets_after_it():
    mentions = _mentions("The Road Safety Board (RSB) met the Philippine Institute of Volcanology "
                         "and Seismology (Phivolcs) on Monday. Jane Roe (a lawyer) was there.")
    forms = [(short, m.text) for short, m in mentions.bracketed_forms]
    assert ("RSB", "Road Safety Board") in forms
    assert any(short == "Phivolcs" for short, _ in forms)
    assert all(short != "a" for short, _ in forms)  # more than one word in the brackets
    assert mentions.bracketed_forms is mentions.bracketed_forms  # read once per document


def test_the_callers_read_their_definitions_from_bracketed_forms():
    mentions = _mentions("The Road Safety Board opened an inquiry. The Farmers Defence League marched. "
                         "The RSB and the FDL said nothing.")
    board = next(m for m in mentions.names if m.text == "Road Safety Board")
    league = next(m for m in mentions.names if m.text == "Farmers Defence League")
    # a definition only the shared reader knows of: every caller follows it
    mentions.__dict__["bracketed_forms"] = [("QQ", board), ("ZZ", league)]
    board.type = league.type = "organization"
    assert expand_acronym(mentions, "QQ").endswith("Road Safety Board")
    assert acronym_map(mentions.view, mentions)["ZZ"] == "Farmers Defence League"
    assert defined_in_parentheses(mentions, "QQ") is board
    assert mentions._acronyms_of_organisations() == set()  # "QQ", "ZZ": fewer than three letters
    mentions.__dict__["bracketed_forms"] = [("QQQ", board)]
    assert mentions._acronyms_of_organisations() == {"QQQ"}
