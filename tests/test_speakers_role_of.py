"""Unnamed speakers described by a role and what it serves (issue 15; ANNOTATION.md rules 6 and 7),
on invented sentences: "the foreign minister of Ukraine said" is spoken by the described person
(named by the phrase, a person, role and affiliation from the phrase), not by Ukraine; a person
named in apposition still wins; "the government of X", "the people of X" and "the city of X" are no
such phrase."""

from __future__ import annotations

import pytest

import stance
from stance.speakers.role_of_phrases import is_role_of_head
from tests.conftest import speaker_of


@pytest.fixture(scope="module", params=["ranker", "rules"])
def nlp(request):
    return stance.load(stance_model=False, ranker=request.param == "ranker")


def _quote(nlp, text: str, part: str):
    qs = [q for q in nlp(text).quotes if part in q.quote.text]
    assert len(qs) == 1, [(q.kind, q.quote.text) for q in nlp(text).quotes]
    return qs[0]


@pytest.mark.parametrize(
    "text, part, name, role, aff",
    [
        ('"We will respond soon," the foreign minister of Ukraine said.', "We will respond",
         "foreign minister of Ukraine", "foreign minister", "Ukraine"),
        ("The president of France said on Monday that the talks would resume in May.", "the talks would resume",
         "president of France", "president", "France"),
        ("A spokesperson for the European Commission said that the rules would change next year.", "the rules would change",
         "A spokesperson for the European Commission", "spokesperson", "European Commission"),
        ("The head of the police's internal investigators said that the officer had been suspended.",
         "the officer had been suspended", "head of the police's internal investigators", "head",
         "police's internal investigators"),
        ('"We will respond soon," said the foreign minister of Ukraine.', "We will respond",
         "foreign minister of Ukraine", "foreign minister", "Ukraine"),
        ("According to the foreign minister of Ukraine, the talks will resume in May.", "the talks will resume",
         "foreign minister of Ukraine", "foreign minister", "Ukraine"),
    ],
)
def test_a_role_of_a_body_or_state_is_the_speaker(nlp, text, part, name, role, aff):
    q = _quote(nlp, text, part)
    assert q.speaker is not None and q.speaker.name == name and q.speaker.type == "person"
    assert q.role == role and q.affiliation == aff


@pytest.mark.parametrize(
    "text, part, name",
    [
        ('"We will respond soon," the spokesman of the ministry said.', "We will respond", "spokesman of the ministry"),
        # (not the ministry the article named before: the phrase describes its spokesman)
        ('The Ministry of Defence issued new rules on Monday. "We will respond soon," the spokesman of the ministry said.',
         "We will respond", "spokesman of the ministry"),
        ("The wife of Jon Amsel said that her husband was innocent.", "her husband was innocent", "wife of Jon Amsel"),
        ("A representative for Mr. Dorvik said that the sale was legal.", "the sale was legal",
         "A representative for Mr. Dorvik"),
    ],
)
def test_the_object_of_the_role_does_not_speak(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name and sp.type == "person"


@pytest.mark.parametrize(
    "text, part, name",
    [
        ("The foreign minister of Ukraine, Ivan Petrenko, said that the talks would resume in May.",
         "the talks would resume", "Ivan Petrenko"),
        ("Ted Rowan, the president of Civic Watch, a group that sued the city, said that the damage was done.",
         "the damage was done", "Ted Rowan"),
    ],
)
def test_a_person_named_beside_the_description_still_speaks(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


@pytest.mark.parametrize(
    "text, part, bad",
    [
        ("The government of Ukraine said that the talks would resume in May.", "the talks would resume", "government of"),
        ("The people of France said that the talks would resume in May.", "the talks would resume", "people of"),
        ("The city of Paris said that the roads would close on Sunday.", "the roads would close", "city of"),
    ],
)
def test_a_body_or_a_population_of_a_state_is_no_described_person(nlp, text, part, bad):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.type != "person" and bad not in sp.name


def test_role_of_heads():
    assert is_role_of_head("minister") and is_role_of_head("Spokesperson") and is_role_of_head("wife")
    assert not is_role_of_head("people") and not is_role_of_head("government") and not is_role_of_head("police")


def test_the_described_persons_condemnation_is_hostile():
    """With the described minister as a person speaker (not the state Ukraine), the stance model
    reads the condemnation of Russia as hostile, as it does with a named minister."""
    from tests.conftest import stance_model_shipped

    if not stance_model_shipped():
        pytest.skip("no stance model shipped")
    full = stance.load()
    q = _quote(full, '"We strongly condemn the attack by Russia on civilians," the foreign minister of Ukraine said.',
               "We strongly condemn")
    assert q.speaker is not None and q.speaker.type == "person"
    assert {s.target: s.label for s in q.stances}.get("Russia") == "hostile"
