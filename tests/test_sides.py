"""Sides of an article's entities and the side prior (stance.speakers.sides,
stance.stance_model.side_prior): party labels in names, titles and party codes, campaigns, the
actor lookup, the relation of two sides, and the prior in the pipeline. All texts are invented."""

from __future__ import annotations

import numpy as np
import pytest

from stance.speakers.actors import ActorLookup
from stance.speakers.sides import opposite_parties, party_in_name, side_relation, sides_of
from stance.stance_model.side_prior import OPPOSING_SIDE_OFFSET, add_opposing_offset
from stance.text.mentions import MentionIndex
from stance.text.view import blank_english, build_view

from tests.samples import HAS_STANCE, stances_with_and_without

CLASSES = ["hostile", "neutral", "conciliatory"]
DEM, REP = "Democratic Party", "Republican Party"


@pytest.mark.parametrize("name, party", [
    ("Democrats", DEM), ("House Republicans", REP), ("Senate Democrats", DEM), ("Republican National Committee", REP),
    ("Iowa Democratic Party", DEM), ("GOP", REP), ("Republican Party", REP),
    ("Democratic Republic of the Congo", None), ("Social Democratic Party", None), ("Jane Republican", None),
    ("White House", None), ("Boris Kovac", None), ("Democratic Unionist Party", None), ("Republican Guard", None),
    ("Senate Conservatives Fund", None), ("Republican strategists", REP), ("several GOP leaders", REP), ("Other Republicans", None), ("Utah Republican", REP), ("Democratic National Committee Black Caucus", DEM),
    ("National Republican Senatorial Committee", REP), ("Democratic Congressional Campaign Committee", DEM),
])
def test_party_in_name(name, party):
    assert party_in_name(name) == party


def _article(text):
    view = build_view(blank_english()(text))
    return view, MentionIndex(view)


def test_sides_from_titles_party_codes_and_campaigns():
    view, mentions = _article(
        "Republican Sen. John Roe attacked the plan on Tuesday. The bill was written by Rep. Mary Smith (D-Calif.). "
        "Democrat Ann Lee backed it, and the Smith campaign praised her.")
    none = ActorLookup([], [])
    assert sides_of("John Roe", view, mentions, {}, None, none) == {REP}
    assert sides_of("Mary Smith", view, mentions, {}, None, none) == {DEM}
    assert sides_of("Ann Lee", view, mentions, {}, None, none) == {DEM}
    assert sides_of("Mary Smith campaign", view, mentions, {}, None, none) == {DEM}
    assert sides_of("Smith campaign", view, mentions, {}, None, none) == {DEM}  # the surname: the article's full name
    # the affiliation the pipeline gave a speaker counts, a party label inside it as the party
    assert sides_of("Tom Ode", view, mentions, {"Tom Ode": "Senate Republicans"}, None, none) == {REP}
    assert sides_of("Tom Ode", view, mentions, {"Tom Ode": "Acme Corp"}, None, none) == {"Acme Corp"}
    assert sides_of("Tom Ode", view, mentions, {}, None, none) == frozenset()


def test_sides_from_the_actor_lookup():
    from datetime import date

    lookup = ActorLookup([
        ["Jane Roe", "Roe", REP, "presidential candidate", "2015-06-01", "2016-07-01", "invented"],
        ["Jane Roe", "Roe", "United States", "President", "2017-01-20", "2021-01-20", "invented"],
    ], [])
    view, mentions = _article("Jane Roe spoke on Monday.")
    # a party of any term (parties do not change), and the state of the office at the date
    assert sides_of("Jane Roe", view, mentions, {}, date(2018, 3, 1), lookup) == {REP, "United States"}
    assert sides_of("Jane Roe campaign", view, mentions, {}, date(2018, 3, 1), lookup) == {REP, "United States"}
    assert sides_of("Roe", view, mentions, {}, date(2018, 3, 1), lookup) == frozenset()  # one word: not looked up


def test_side_relation():
    assert side_relation(frozenset({DEM}), frozenset({REP})) == "opposite"
    assert side_relation(frozenset({REP, "United States"}), frozenset({DEM, "United States"})) == "opposite"
    assert side_relation(frozenset({REP, "Ohio"}), frozenset({REP})) == "same"
    assert side_relation(frozenset({"France"}), frozenset({"France"})) == "same"
    assert side_relation(frozenset({"France"}), frozenset({"Germany"})) == "other"
    assert side_relation(frozenset({REP}), frozenset({"Labour Party"})) == "other"
    assert side_relation(frozenset({"Labour Party"}), frozenset({"Conservative Party"})) == "opposite"
    assert side_relation(frozenset(), frozenset({REP})) == "unknown"


def test_opposite_parties_of_quotations():
    view, mentions = _article("Republican Sen. John Roe spoke. Rep. Mary Smith (D-Calif.) answered. Acme Corp said nothing.")
    marks = opposite_parties(view, mentions, [("John Roe", ["Mary Smith", "Democrats", "Acme Corp", "Republicans"]),
                                              (None, ["Mary Smith"]), ("Acme Corp", ["Mary Smith"])], {}, None)
    assert marks == [[True, True, False, False], [False], [False]]


def test_offset_moves_conciliatory_to_hostile_on_flagged_rows():
    p = np.array([[0.3, 0.4, 0.3], [0.3, 0.4, 0.3], [0.05, 0.9, 0.05]])
    out = add_opposing_offset(p, CLASSES, [True, False, True], OPPOSING_SIDE_OFFSET)
    assert OPPOSING_SIDE_OFFSET > 0
    assert np.allclose(out.sum(axis=1), 1.0)
    assert out[0].argmax() == 0 and out[0, 2] < p[0, 2]
    assert np.array_equal(out[1], p[1])
    assert out[2].argmax() == 1  # a confident neutral reading stays
    assert np.array_equal(add_opposing_offset(p, CLASSES, [True] * 3, 0.0), p)


@pytest.mark.skipif(not HAS_STANCE, reason="needs the shipped stance model")
def test_pipeline_applies_the_prior_to_opposite_parties_only():
    text = ("Republican Sen. John Roe spoke about the budget bill on Tuesday. "
            "\"Mary Smith wrote this bill and Acme Corp paid for it,\" Roe said of Rep. Mary Smith (D-Calif.).")
    rows = stances_with_and_without(text, "side_offset", 0.0)
    moved = [(w, wo) for _, target, w, wo in rows if target == "Mary Smith"]
    assert len(moved) == 1
    w, wo = moved[0]
    assert w["hostile"] > wo["hostile"] and w["conciliatory"] < wo["conciliatory"]
    assert all(w == wo for _, target, w, wo in rows if target != "Mary Smith")


def test_party_members_give_a_president_his_party():
    view, mentions = _article("Barack Obama spoke in Ohio, and Speaker Jane Roe (R-Ohio) answered him.")
    lookup = ActorLookup([["Barack Obama", "Obama", "United States", "President", "2009-01-20", "2017-01-20", "invented"]], [])
    from datetime import date

    obama = sides_of("Barack Obama", view, mentions, {}, date(2015, 5, 1), lookup)
    assert obama == {"Democratic Party", "United States"}
    assert side_relation(sides_of("Jane Roe", view, mentions, {}, date(2015, 5, 1), lookup), obama) == "opposite"
