"""Speakers named by a surname, a title with a particle surname, or a document with its author
(issue 15, Wikinews speaker choice), on invented sentences."""

from __future__ import annotations

import pytest

import stance
from stance.text.mentions import MentionIndex
from stance.text.view import build_view
from tests.conftest import speaker_of


@pytest.fixture(scope="module", params=["ranker", "rules"])
def nlp(request):
    return stance.load(stance_model=False, ranker=request.param == "ranker")


def test_surname_typed_a_body_before_a_past_verb_is_the_person(nlp):
    doc = nlp.make_doc("Michael Bloomberg ended his campaign on Wednesday. Later, Bloomberg endorsed Dana Reyes.")
    mi = MentionIndex(build_view(doc))
    assert [(m.type, m.canonical) for m in mi.names if m.text == "Bloomberg"] == [("person", "Michael Bloomberg")]


def test_surname_typed_a_body_elsewhere_stays_a_body(nlp):
    doc = nlp.make_doc("Michael Bloomberg ended his campaign. The figures come from Bloomberg data.")
    mi = MentionIndex(build_view(doc))
    assert [m.type for m in mi.names if m.text == "Bloomberg"] == ["organization"]


@pytest.mark.parametrize("title", ["Mayor", "Governor"])
def test_title_and_a_particle_surname_is_the_full_name(nlp, title):
    text = (f"Yesterday, Anna de Santis, the mayor of Port Elm, ended her campaign. {title} de Santis, a member of "
            "the Liberal Party, spoke on the radio when she made the announcement: \"I have given all I can to this race.\"")
    sp = speaker_of(nlp, text, "I have given")
    assert sp is not None and sp.name == "Anna de Santis"


def test_document_issuer_after_a_time_phrase(nlp):
    text = ("According to a report on Wednesday by Brightfield, a security firm, two databases of the bank "
            "were left open to the public.")
    sp = speaker_of(nlp, text, "two databases")
    assert sp is not None and sp.name == "Brightfield"


@pytest.mark.parametrize("noun", ["projections", "polling"])
def test_projections_and_polling_speak_for_their_owner(nlp, noun):
    text = f"The vote closed at eight. According to Vantor News's {noun}, Senator Ilse Marrow won the state."
    sp = speaker_of(nlp, text, "won the state")
    assert sp is not None and sp.name == "Vantor News"


def test_document_issuer_with_a_title(nlp):
    text = ('The airline was banned on Monday. "The airline carries weapons across the region," according to a '
            "tweet on Monday by US Secretary of State Dana Reyes.")
    sp = speaker_of(nlp, text, "The airline carries")
    assert sp is not None and sp.name == "Dana Reyes"


def test_a_body_and_a_title_is_no_fuller_form_of_the_body(nlp):
    doc = nlp.make_doc("A helicopter of Vantor struck power lines. Vantor President and CEO Ilse Marrow apologised.")
    mi = MentionIndex(build_view(doc))
    assert {m.canonical for m in mi.names if m.text == "Vantor"} == {"Vantor"}


def test_pronoun_feature_marks_a_clause_subject(nlp):
    from stance.speakers.pronouns import antecedent_candidates

    text = "On Friday, the day he left the race, Paul Hart endorsed his rival, Tom Berg, and Sam Vale's plan. He said no."
    view = build_view(nlp.make_doc(text))
    he = max(t for t in range(view.n) if view.words[t] == "He")
    feats = {a.mention.text: a.features for a in antecedent_candidates(view, MentionIndex(view), he, [])}
    assert feats["Paul Hart"]["before_verb"] == 1.0
    assert feats["Tom Berg"]["before_verb"] == 0.0 and feats["Sam Vale"]["before_verb"] == 0.0  # not a possessive "'s"


def test_issuer_of_a_document_named_before(nlp):
    from stance.speakers.candidates import issuer_named_before
    from stance.text.view import RangeIndex

    text = "The Narvian Tennis Union (NTU) released a statement on the arrest. It read no more."
    view = build_view(nlp.make_doc(text))
    it = view.words.index("It")
    m = issuer_named_before(view, MentionIndex(view), "statement", it, RangeIndex([]))
    assert m is not None and m.text == "NTU"  # spelled out by the caller


@pytest.mark.parametrize("noun", ["acquaintance", "driver"])
def test_person_nouns_speak(nlp, noun):
    text = (f"Sergeant Tane Ruka served in the police for five years. He was due to retire, and an {noun} said he "
            "moved to the custody centre for its greater safety.")
    sp = speaker_of(nlp, text, "moved to the custody")
    assert sp is not None and sp.name == f"an {noun}"  # an unnamed speaker keeps its indefinite article


def test_an_ly_adverb_before_the_cue_is_no_part_of_the_speaker(nlp):
    text = ("The Narvian Weather Office issued a proclamation on Monday. The proclamation specifically said the "
            "storm was a national emergency.")
    sp = speaker_of(nlp, text, "storm was a national")
    assert sp is not None and sp.name == "Narvian Weather Office"


def test_a_noun_in_ly_still_speaks(nlp):
    text = "Dana Reyes died on Monday at 81. The family said she died peacefully at home."
    sp = speaker_of(nlp, text, "died peacefully")
    assert sp is not None and "family" in sp.name


def test_a_person_whose_surname_is_a_title_keeps_the_full_name(nlp):
    doc = nlp.make_doc("Dana King, a tennis player, spoke at the event. King says the boxer won.")
    mi = MentionIndex(build_view(doc))
    assert {m.canonical for m in mi.names if m.text == "King"} == {"Dana King"}


def test_the_state_after_a_city_is_no_speaker_of_a_participle(nlp):
    text = ('After the count, Dana Reyes issued a statement at her club outside Washington, D.C. saying, "The simple '
            'fact is this race is far from over."')
    sp = speaker_of(nlp, text, "simple fact")
    assert sp is not None and sp.name == "Dana Reyes"


def test_the_object_of_against_is_no_speaker(nlp):
    text = ("On Monday, District Court Judge Ilse Marrow issued a ruling against Mayor Dana Reyes finding that "
            "city prosecutors could view the tax records.")
    sp = speaker_of(nlp, text, "city prosecutors")
    assert sp is not None and sp.name == "Ilse Marrow"


def test_hyphenated_role_and_a_title_before_the_name(nlp):
    text = ('The sites are inland. "It shows the status of water," said study co-author Professor Carl Lipo of '
            "Binghamton University.")
    sp = speaker_of(nlp, text, "status of water")
    assert sp is not None and sp.name == "Carl Lipo"


def test_a_hotel_is_a_body_that_speaks_through_its_website(nlp):
    text = ("A fire broke out at Hotel Vantor Palace on Monday. Nine people died. The hotel's website said the "
            "building had passed its inspection.")
    sp = speaker_of(nlp, text, "passed its inspection")
    assert sp is not None and sp.name == "Hotel Vantor Palace"
