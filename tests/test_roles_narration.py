"""Descriptions of a person in the article's narration come before those in someone's quoted words."""

import stance

TEXT = (
    'The court ruled on Wednesday against Maria Delgado Ortiz. The ruling read, "The oath of office of '
    'the Honorable Maria Delgado Ortiz, secretary of state nominated during a recess, is void." '
    "The now-former governor Delgado Ortiz said she would respect the decision.\n"
)


def test_a_quoted_appositive_does_not_beat_the_narrations_title():
    nlp = stance.load(stance_model=False)
    quotes = [q for q in nlp(TEXT, id="t").quotes if q.speaker and q.speaker.name.endswith("Ortiz")]
    assert quotes, "the governor's report is found"
    assert all(q.role == "former governor" for q in quotes)


def test_without_the_narrations_title_the_quoted_description_still_serves():
    text = TEXT.replace("The now-former governor Delgado Ortiz", "Delgado Ortiz")
    nlp = stance.load(stance_model=False)
    quotes = [q for q in nlp(text, id="t").quotes if q.speaker and q.speaker.name.endswith("Ortiz")]
    assert quotes and all(q.role and q.role.startswith("secretary of state") for q in quotes)
