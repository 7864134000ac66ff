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
