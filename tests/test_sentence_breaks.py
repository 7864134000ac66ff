"""Sentence breaks after abbreviations that spaCy's tokenizer splits from their full stop
("Lt" ".", "Sens" ".", "No" "."): on invented sentences (issue 15, text layer)."""

from __future__ import annotations

import pytest

import stance
from stance.text.view import BlankEnglish, build_view, make_doc, _sentence_breaks
from tests.conftest import speaker_of


def _sentences(text: str) -> list[str]:
    view = build_view(make_doc(BlankEnglish(), text))
    return [view.span_text(*view.sent_bounds(s)) for s in range(len(view.sent_starts))]


@pytest.mark.parametrize("title", ["Lt.", "Col.", "Capt.", "Sgt.", "Cmdr.", "Maj.", "Pres.", "Fr.", "Sec."])
def test_a_title_split_from_its_stop_does_not_end_a_sentence_before_the_name(title):
    text = f"The board met on Monday. Later {title} Dana Velk, who leads the council, spoke."
    words = build_view(make_doc(BlankEnglish(), text)).words
    assert title[:-1] in words and title not in words  # the tokenizer splits it (else no test)
    assert _sentences(text) == ["The board met on Monday.", f"Later {title} Dana Velk, who leads the council, spoke."]


@pytest.mark.parametrize("plural", ["Sens.", "Reps.", "Govs."])
def test_a_plural_title_does_not_end_a_sentence_before_the_names(plural):
    text = f"Two leaders spoke, {plural} Dana Velk and Tom Oram. They left."
    assert _sentences(text) == [f"Two leaders spoke, {plural} Dana Velk and Tom Oram.", "They left."]


def test_two_split_titles_in_a_row_stay_in_one_sentence():
    text = "Retired Army Lt. Col. Dana Velk spoke. Lt. Gov. Tom Oram left."
    assert _sentences(text) == ["Retired Army Lt. Col. Dana Velk spoke.", "Lt. Gov. Tom Oram left."]


def test_a_place_abbreviation_does_not_end_a_sentence():
    assert _sentences("He moved to Ft. Worth in May. He left.") == ["He moved to Ft. Worth in May.", "He left."]


def test_senior_ends_a_sentence_before_a_sentence_starter_only():
    assert _sentences("It was Dana Velk Sr. He said no.") == ["It was Dana Velk Sr.", "He said no."]
    assert _sentences("It was Dana Velk Sr. Velk said no.") == ["It was Dana Velk Sr. Velk said no."]


def test_number_sign_does_not_end_a_sentence_before_a_number():
    text = "He was the party's No. 2 official. Act No. 3846 lapsed."
    assert _sentences(text) == ["He was the party's No. 2 official.", "Act No. 3846 lapsed."]


def test_no_as_an_answer_still_ends_its_sentence():
    assert _sentences("Is it over? No. But it hurts.") == ["Is it over?", "No.", "But it hurts."]
    assert _sentences("Is it over? No. Then it hurts.") == ["Is it over?", "No.", "Then it hurts."]


def test_a_closing_mark_after_a_split_abbreviation_stays_in_its_sentence():
    assert _sentences('She said, "No." Aides left.') == ['She said, "No."', "Aides left."]


def test_a_stop_apart_from_the_abbreviation_is_an_ordinary_stop():
    # offsets show a space between "No" and "." : an ordinary full stop, which ends a sentence
    words = ["I", "said", "No", ".", "2", "people", "came", "."]
    starts = [0, 2, 7, 10, 12, 14, 21, 25]
    ends = [1, 6, 9, 11, 13, 20, 25, 26]
    assert _sentence_breaks(words, None, starts, ends) == [4]
    ends[2] = starts[3]  # "No." written together
    starts[2] = ends[2] - 2
    assert _sentence_breaks(words, None, starts, ends) == []


def test_speaker_after_a_plural_title_is_found():
    nlp = stance.load(stance_model=False)
    text = 'The board met on Monday. "We will not back down," said Sens. Dana Velk, who leads the budget committee.'
    speaker = speaker_of(nlp, text, "back down")
    assert speaker is not None and speaker.name == "Dana Velk"


def test_a_state_after_its_city_and_a_comma_ends_a_sentence_before_a_capitalised_word():
    text = "The lot is on a highway in Lodi, N.J. Dana Velk owns it."
    assert _sentences(text) == ["The lot is on a highway in Lodi, N.J.", "Dana Velk owns it."]


def test_a_state_before_a_title_without_a_city_does_not_end_a_sentence():
    text = "Clinton ties N.J. Gov. Tom Oram in the poll."
    assert _sentences(text) == [text]


# (train: Wikinews 'told the Military Times the attack took place at about 7:45 p.m. "No Coalition
# troops were injured."' and two more abbreviation + opening mark + capital in the train splits)
@pytest.mark.parametrize("text, first", [
    ('The ferry left at 7:45 p.m. "No one was hurt," the captain said.', "The ferry left at 7:45 p.m."),
    ("The ferry left at 7:45 p.m. “No one was hurt,” the captain said.", "The ferry left at 7:45 p.m."),
])
def test_an_abbreviation_before_an_opening_quotation_ends_a_sentence(text, first):
    assert _sentences(text)[0] == first


def test_an_abbreviation_before_a_quoted_lowercase_phrase_does_not_end_a_sentence():
    text = 'The policy of the U.S. "war on drugs" era was costly.'
    assert _sentences(text) == [text]
