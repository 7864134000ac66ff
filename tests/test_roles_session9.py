"""Roles and affiliations, ninth session (invented sentences): the clause of a name before a role
is no owner of the role ("Wikinews spoke with analyst Jane Roe")."""

from __future__ import annotations

import pytest

from stance.speakers.roles import describe
from stance.text.mentions import MentionIndex
from stance.text.view import build_view, make_doc


def described(lang, text: str, name: str) -> tuple[str | None, str | None]:
    """describe() of ``name`` in ``text``."""
    view = build_view(make_doc(lang, text, trained=False))
    return describe(view, MentionIndex(view), name)


# -- the subject of a clause before a role is not the body the role belongs to ----------------
@pytest.mark.parametrize("text, name, role, aff", [
    ('Wikinews spoke with analyst John Roe. Roe said the result "was a surprise."', "John Roe", "analyst", None),
    ('Wikinews spoke with political analyst Jane Doe. "The party will lose," Doe said.', "Jane Doe", "political analyst", None),
    ("Reuters interviewed economist Jane Roe, who said the rate would fall.", "Jane Roe", "economist", None),
    # a field between a body and its role still gives the body
    ("The brain is complex, said Princeton University neuroscience professor Jane Roe.",
     "Jane Roe", "neuroscience professor", "Princeton University"),
])
def test_a_clause_before_a_role_is_no_owner(lang, text, name, role, aff):
    assert described(lang, text, name) == (role, aff)


def test_the_quotation_is_kept():
    """The interviewer's clause changes the affiliation only: the quotation and its speaker stay."""
    import stance
    a = stance.load()('Wikinews spoke with analyst John Roe about the vote. Roe said the result "was a surprise to everyone."')
    assert [(q.speaker.name, q.role, q.affiliation) for q in a.quotes] == [("John Roe", "analyst", None)]


# -- a speaker named by a description: the body named right after it where the article writes it --
@pytest.mark.parametrize("text, speaker, aff", [
    ('A spokeswoman for the House Armed Services Committee emailed reporters, arguing, "The text says nothing of the kind."',
     "A spokeswoman for the House Armed Services Committee", "House Armed Services Committee"),
    # two bodies joined by "and", an acronym in parentheses between
    ("In findings published on Wednesday, researchers from the Georgia Institute of Technology (GT) and University of "
     'South Carolina Beaufort reported warming seas. The researchers said the damage "is severe".',
     "researchers", "Georgia Institute of Technology and University of South Carolina Beaufort"),
    # an adverb before the preposition; the later "The researchers" are the ones the article described
    ("Researchers mostly from Pennsylvania State University reported inventing a coating on Monday. "
     'The researchers said the coating "repels almost everything".', "researchers", "Pennsylvania State University"),
])
def test_the_body_after_a_descriptive_speaker(text, speaker, aff):
    import stance
    quotes = [q for q in stance.load()(text).quotes if q.speaker is not None and q.speaker.name == speaker]
    assert quotes and all(q.affiliation == aff for q in quotes)


def test_no_body_after_a_description_gives_none(lang):
    from stance.speakers.role_bodies import body_after_description
    view = build_view(make_doc(lang, 'The officials said on Monday that the talks "went well".', trained=False))
    assert body_after_description(view, MentionIndex(view), "officials") is None
    view = build_view(make_doc(lang, "Officials from Iran met on Monday.", trained=False))
    assert body_after_description(view, MentionIndex(view), "Officials") == "Iran"


# -- an acronym spelled out by a name whose first word the name finder split off -------------
@pytest.mark.parametrize("text, name, aff", [
    ('The Republican National Committee met on Friday. "We are united," said RNC spokesman Sean Roe.',
     "Sean Roe", "Republican National Committee"),
    ('The American Federation of Teachers met on Friday. "We are united," said Randi Roe, president of the AFT.',
     "Randi Roe", "American Federation of Teachers"),
])
def test_an_acronym_of_a_name_with_a_split_front(lang, text, name, aff):
    assert described(lang, text, name)[1] == aff


def test_the_split_front_must_spell_the_acronym(lang):
    from stance.speakers.role_bodies import expand_acronym
    view = build_view(make_doc(lang, "The Republican National Committee met on Friday with the NCA.", trained=False))
    assert expand_acronym(MentionIndex(view), "NCA") == "NCA"


# -- a bare party label after a name is the person's party, not their role -------------------
@pytest.mark.parametrize("text, name, role, aff", [
    ('Nevada\'s governor, Brian Roe, a Republican, said Tuesday that he "had voted for Mr. Rubio".',
     "Brian Roe", "governor", "Republican Party"),
    ('"We will win," said Rick Roe, a Republican.', "Rick Roe", None, "Republican Party"),
])
def test_a_party_label_is_no_role(lang, text, name, role, aff):
    assert described(lang, text, name) == (role, aff)
