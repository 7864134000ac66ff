"""Nested reports (ANNOTATION.md rule 4: "X reported Y said Z" is X's "Y said Z" and Y's "Z"), on
invented sentences. The class was counted on the train splits of the article corpus (Wikinews
and PolNeAR train: 108 nested gold quotations, of which "NPR reported Adil Abdul-Mahdi, the
caretaker prime minister, recommended ...", "noted local news reports said ...", "According to
ISNA, the prosecutor general, Ali Mehr, said ..." shapes); none of the sentences is corpus text.
"""

from __future__ import annotations

import pytest

from stance.quotations.cues import find_cues
from stance.quotations.finder import find_quotations
from stance.text.view import build_view, make_doc


def found(lang, text: str) -> list[tuple[str, str]]:
    """(kind, span text) of every quotation the finder returns for ``text``."""
    view = build_view(make_doc(lang, text))
    return [(q.kind, text[q.start:q.end]) for q in find_quotations(view, find_cues(view))]


@pytest.mark.parametrize("text, outer, inner", [
    ("The vote was delayed. Radio Narvia reported Tomas Velk, the port director, said the cranes must stay idle.",
     "Tomas Velk, the port director, said the cranes must stay idle", "the cranes must stay idle"),
    ("The mayor was in hospital. A reporter in Port Elm noted local news reports said she had a mild fever.",
     "local news reports said she had a mild fever", "she had a mild fever"),
    ("According to the Narvian Press Agency, the harbour master, Ana Ruiz, said the port would reopen on Friday.",
     "the harbour master, Ana Ruiz, said the port would reopen on Friday", "the port would reopen on Friday"),
])
def test_nested_report_gives_outer_and_inner(lang, text, outer, inner):
    quotes = found(lang, text)
    assert ("indirect", outer) in quotes
    assert ("indirect", inner) in quotes


@pytest.mark.parametrize("text", [
    "The council also cited Tomas Velk, the port director, as saying the cranes must stay idle.",
    "The Narvian Front claimed responsibility for the blast but officials have said they doubt the claim.",
    "Velk claimed victory in the vote and argued he was the strongest candidate for the post.",
    "Ruiz praised a new report in which Narvian officials said the port would reopen soon.",
])
def test_no_outer_report_without_a_plain_inner_subject(lang, text):
    view = build_view(make_doc(lang, text))
    cues = find_cues(view)
    quotes = find_quotations(view, cues)
    inner_cue_starts = {q.cue.start for q in quotes if q.cue is not None}
    # no quotation of one cue holds another quotation's cue and its subject
    for q in quotes:
        assert not any(q.tok_start < c < q.tok_end and q.cue is not None and q.cue.start != c for c in inner_cue_starts), \
            text[q.start:q.end]


def test_inner_speaker_inside_an_outer_mixed_report(nlp):
    """The outer report is mixed (it holds a quoted fragment) and must not hide the inner
    speaker, who is inside it."""
    text = ('According to the Narvian Press Agency, the harbour master, Ana Ruiz, said the crews face '
            '"months of repairs" before the port reopens.')
    quotes = nlp(text).quotes
    outer = [q for q in quotes if q.quote.text.startswith("the harbour master")]
    inner = [q for q in quotes if q.quote.text.startswith("the crews face")]
    assert len(outer) == 1 and outer[0].speaker.name == "Narvian Press Agency"
    assert len(inner) == 1 and inner[0].speaker.name == "Ana Ruiz"


# -- the writer's or a transcript's own voice ----------------------------------------------------
# (train: three Wikinews interview answers, "we have shown that ...", "We also showed that ...",
# "... and found that we have ...", and seven PolNeAR first-person reports: none is gold)
@pytest.mark.parametrize("text", [
    "((WN)) How did the birds behave?\n\n((Ana Ruiz)) In a second study, we have shown that the males fight more when "
    "the colony is crowded.",
    "AR: We also found that nearly all of the females breed every year.",
])
def test_first_person_report_is_no_quotation(nlp, text):
    assert [q for q in nlp(text).quotes if q.kind != "direct"] == []


def test_first_person_quotation_in_marks_stays(nlp):
    text = '"We have shown that the males fight more," the study says.'
    assert [q.kind for q in nlp(text).quotes] == ["direct"]
