"""PolNeAR source scoring (stance.evaluation.polnear) on invented spans: no corpus text."""

from __future__ import annotations

import pytest

from stance.evaluation.polnear import same_person, source_correct


def _pred(name: str, mention: str, start: int = 500, typ: str = "person") -> dict:
    return {"speaker": {"name": name, "type": typ, "mention": {"start": start, "end": start + len(mention), "text": mention}}}


def _gold(text: str, start: int = 0) -> list[dict]:
    return [{"start": start, "end": start + len(text), "text": text}]


@pytest.mark.parametrize("name,mention,source", [
    ("Ted Crane", "Crane", "Crane"),  # the gold source names the predicted person by surname
    ("Ted Crane", "he", "Mr. Crane's"),
    ("Ted Crane", "he", "Sen. Crane"),
    ("Lena Holt", "she", "Mrs. Holt"),
    ("Joseph R. Vance Jr.", "he", "Mr. Vance"),
    ("Bo Stark", "he", "Stark himself"),
])
def test_a_gold_source_naming_the_predicted_person_by_surname_is_correct(name, mention, source):
    assert same_person(name, mention, source)
    assert source_correct(_pred(name, mention), _gold(source))


@pytest.mark.parametrize("name,mention,source", [
    ("Bill Holt", "Mr. Holt", "Mrs. Holt"),  # the honorifics disagree
    ("Bill Holt", "he", "Mrs. Holt"),  # the pronoun and the honorific disagree
    ("Bill Holt", "Holt", "Mrs. Holt"),  # the given name is a man's
    ("Bill Holt", "Holt", "Lena Holt"),  # another given name: another person
    ("Ted Crane", "Crane", "the Crane campaign"),  # a body named after the person
    ("Ted Crane", "Crane", "his aides"),
])
def test_another_person_or_a_body_with_the_surname_is_no_match(name, mention, source):
    assert not source_correct(_pred(name, mention), _gold(source))


def test_surname_match_only_for_persons():
    assert not source_correct(_pred("Acme Holdings", "Holdings", typ="organization"), _gold("Holdings"))
