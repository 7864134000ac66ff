"""Reports inside a direct quotation (ANNOTATION.md rule 4: a nested report is annotated on its
own, overlapping the quotation that holds it), on invented sentences. The class was counted on
the train splits of the article corpus: 140 gold quotations inside a direct quotation the
pipeline found (135 PolNeAR, 5 Wikinews; "So we told the president we needed ...", "He just
announced that ...", "President Trump said, 'Let's talk ...'" shapes), most after "said",
"says", "saying", "told"; the quoted speaker's own speech acts ("I urge ...", "we found that
...", "to say ...") were never gold. None of the sentences is corpus text.
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


@pytest.mark.parametrize("text, inner", [
    ("“The harbour board said that the cranes would stay idle until June,” Ruiz said.",
     ("indirect", "the cranes would stay idle until June")),
    ("“People are saying the mayor will resign before the vote,” the councillor told reporters.",
     ("indirect", "the mayor will resign before the vote")),
    ("“He has always said he wants a second bridge over the river,” Velk said of the governor.",
     ("indirect", "he wants a second bridge over the river")),
    ("“The minister reported that the crews were ‘exhausted’ after the storm,” Ruiz said.",
     ("mixed", "the crews were ‘exhausted’ after the storm")),
    ("“I called the director and she said, ‘We will reopen the port next week.’ Then she hung up,” Velk said.",
     ("direct", "We will reopen the port next week.")),
])
def test_report_inside_a_quotation(lang, text, inner):
    quotes = found(lang, text)
    assert inner in quotes
    assert any(kind == "direct" and len(span) > len(inner[1]) for kind, span in quotes)  # the outer quotation stays


@pytest.mark.parametrize("text", [
    "“I urge every resident to leave the coast before the storm arrives,” the mayor said.",
    "“We found that the harbour water was clean in every sample,” the engineer said.",
    "“I would venture to say the port has never been this busy,” Ruiz said.",
    "“Our survey shows the ferry is used by most of the island,” Velk said.",
    "“The crews have been told that the port will stay closed,” Ruiz said.",
    "“That study suggests the river is cleaner than it was ten years ago,” Velk said.",
])
def test_own_speech_act_inside_a_quotation_is_no_report(lang, text):
    assert [kind for kind, _ in found(lang, text)] == ["direct"]


def test_inner_speaker_is_inside_the_quotation(nlp):
    text = ("Ana Ruiz spoke to reporters at the harbour on Monday. “I met Tomas Velk yesterday and "
            "he said that the cranes would stay idle until June,” Ruiz said.")
    quotes = nlp(text).quotes
    inner = [q for q in quotes if q.quote.text == "the cranes would stay idle until June"]
    assert len(inner) == 1 and inner[0].speaker is not None and inner[0].speaker.name == "Tomas Velk"
    outer = [q for q in quotes if q.kind == "direct"]
    assert len(outer) == 1 and outer[0].speaker.name == "Ana Ruiz"
