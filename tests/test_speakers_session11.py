"""Speaker phrases and descriptions (issue 15, session 11), on invented sentences: a noun WordNet
knows for people heads a speaker phrase ("Mrs. Roe's confidants", "one Doe confidant"), and a
definite description with such a noun, a hyphenated one or an age refers back to the person named
before it ("the retired neurosurgeon", "the GOP front-runner", "the 46-year-old")."""

from __future__ import annotations

import pytest

import stance
from tests.conftest import speaker_of


@pytest.fixture(scope="module", params=["ranker", "rules"])
def nlp(request):
    return stance.load(stance_model=False, ranker=request.param == "ranker")


@pytest.mark.parametrize(
    "text, start, name",
    [
        ("Mara Velk spoke in Ohio on Monday. Mrs. Velk's confidants say it is only fitting that she won.",
         "it is only fitting", "Mrs. Velk's confidants"),
        ('Tomas Brand spoke in Ohio on Monday. "He is bigger than the party," said one Brand confidant.',
         "He is bigger", "one Brand confidant"),
        ("Oren Falk left office in 2001. Falk defenders argue that this was the best anyone could have done.",
         "this was the best", "Falk defenders"),
    ],
)
def test_a_wordnet_person_noun_heads_the_speaker_phrase(nlp, text, start, name):
    sp = speaker_of(nlp, text, start)
    assert sp is not None and sp.name == name


@pytest.mark.parametrize(
    "text, start, name",
    [
        ("Dara Quill spoke on Monday. (Quill's spokeswoman challenged the claim, and said Quill "
         "had never attacked the governor.)", "had never attacked", "Quill's spokeswoman"),
        ("Lena Basko used a private server. Essentially, Basko's lawyers read the e-mails and found that "
         "one person in the chain had a state address.", "one person in the chain", "Basko's lawyers"),
        ("Oren Falk's lawyer, Karl Roe, said that the fee was paid.", "the fee was paid", "Karl Roe"),
    ],
)
def test_the_people_a_possessive_names_speak_not_the_possessor(nlp, text, start, name):
    sp = speaker_of(nlp, text, start)
    assert sp is not None and sp.name == name


def test_a_preposition_object_stays_out_of_the_phrase(nlp):
    sp = speaker_of(nlp, 'The hotel was sold in May. A spokesman for the buyer said the name "will change" soon.',
                    "will change")
    assert sp is not None and sp.name.startswith("A spokesman")


@pytest.mark.parametrize(
    "text, start, name",
    [
        ("Tomas Brand held a rally in Ohio on Monday. The billionaire real estate magnate said that the wall "
         "would be built.", "the wall would", "Tomas Brand"),
        ("Lena Basko spoke in Iowa on Tuesday. The retired neurosurgeon said that taxes were too high.",
         "taxes were too high", "Lena Basko"),
        ("Tomas Brand won again on Tuesday. The GOP presidential front-runner said that he would win Ohio "
         "too.", "he would win", "Tomas Brand"),
        ("Mara Velk spoke at the convention. The 46-year-old said that her husband was kind.",
         "her husband was kind", "Mara Velk"),
    ],
)
def test_a_description_refers_to_the_person_named_before(nlp, text, start, name):
    sp = speaker_of(nlp, text, start)
    assert sp is not None and sp.name == name


# -- names: title chains and nicknames --------------------------------------------------------
from stance.text.mentions import MentionIndex  # noqa: E402
from stance.text.view import build_view, make_doc  # noqa: E402


def _names(lang, text: str) -> dict[str, tuple[str, str | None, str | None]]:
    """Name mention text -> (canonical, role, affiliation)."""
    mi = MentionIndex(build_view(make_doc(lang, text, trained=False)))
    return {m.text: (m.canonical, m.role, m.affiliation) for m in mi.names}


@pytest.mark.parametrize("text, name, role", [
    ("On Monday Secretary General Lena Basko spoke.", "Lena Basko", "secretary general"),
    ("On Monday NATO Secretary General Tomas Brand spoke.", "Tomas Brand", "Secretary General"),
    ("On Monday State Department Inspector General Oren Falk spoke.", "Oren Falk", "Inspector General"),
    ("On Monday Narvia News Executive Chairman Mara Velk spoke.", "Mara Velk", "Executive Chairman"),
    ("On Monday Oversight Committee Chairman Rep. Karl Roe spoke.", "Karl Roe", "chairman"),
    ("On Monday PolitiFact Executive Director Ilse Marrow spoke.", "Ilse Marrow", "Executive Director"),
])
def test_a_chain_of_titles_stays_out_of_the_name(lang, text, name, role):
    got = _names(lang, text)
    assert name in got, got
    assert got[name][0] == name and got[name][1] == role


@pytest.mark.parametrize("text, name", [
    ('"She lied," Brand said of Crooked Hillary Clinton at the rally.', "Hillary Clinton"),
    ("Unlike Hillary Clinton, the senator voted against the bill.", "Hillary Clinton"),
])
def test_an_adjective_before_a_given_name_is_no_part_of_the_name(lang, text, name):
    got = _names(lang, text)
    assert name in got, got


@pytest.mark.parametrize("text, name", [
    ("On Monday Rich Lowry Smith spoke.", "Rich Lowry Smith"),  # a given name, not the adjective
    ("On Monday Little Rock Mayor Frank Scott spoke.", "Frank Scott"),  # a place's first word
])
def test_a_given_name_or_a_place_keeps_its_first_word(lang, text, name):
    got = _names(lang, text)
    assert name in got, got


# -- he/she never denotes a name made of common words ----------------------------------------
from stance.speakers.pronouns import _common_words_name  # noqa: E402


@pytest.mark.parametrize("name, common", [
    ("Social Security", True), ("Southeast Asian", True), ("Independent Vermont", True),
    ("Gray Miller", False), ("Xi Jinping", False), ("Newt Gingrich", False), ("Bush", False),
])
def test_a_name_of_common_words_is_no_person(name, common):
    assert _common_words_name(name) is common


def test_he_skips_a_name_of_common_words(nlp):
    text = ("Ozu Tanaberi runs a bakery in Toledo. Southeast Asian leaders met on Monday. "
            "He said that the summit would help.")
    sp = speaker_of(nlp, text, "the summit would")
    assert sp is not None and sp.name == "Ozu Tanaberi"


# -- a party code is no speaker ----------------------------------------------------------------
def test_a_party_code_is_no_speaker(nlp):
    text = ('"It is not new in Narvia," said Rep. Karl Roe (D-Va.) at the time, adding that "we have been '
            'electing new people for a long time."')
    sp = speaker_of(nlp, text, "we have been electing")
    assert sp is not None and sp.name == "Karl Roe"


@pytest.mark.parametrize("text, span, code", [
    ("Sen. Ted Roe, R-Texas, spoke.", "R", True),
    ("Sen. Ted Roe, R-Texas, spoke.", "Texas", True),
    ("Rep. Karl Roe (D-Va.) spoke.", "D", True),
    ("Jay-Z spoke.", "Jay", False),
    ("Ted Roe spoke in Texas.", "Texas", False),
])
def test_party_code_parts(lang, text, span, code):
    from stance.speakers.candidates import party_code_part
    from stance.text.view import build_view, make_doc

    view = build_view(make_doc(lang, text, trained=False))
    i = view.words.index(span)
    assert party_code_part(view, i, i + 1) is code
