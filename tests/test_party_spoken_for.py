"""Which body a speaker speaks for, as the party finder excludes it (guideline rule 8: the
speaker's own state or organisation is no party when the speaker speaks for it), and two
behaviours of short international-news sentences: the object of the reporting frame and a bare
surname of a person named before. All texts are invented."""

from __future__ import annotations

import pytest

import stance
from stance.parties.finder import spoken_for
from stance.text.mentions import MentionIndex
from stance.text.view import build_view


@pytest.fixture(scope="module")
def nlp():
    """Rules, speaker ranker and actor lookup, no party filter, no stance model: every proposed target."""
    return stance.load(stance_model=False, party_filter=False)


def _targets(nlp, text: str, date: str | None = None) -> list[tuple[str, dict[str, str]]]:
    """(quotation text, {target name: how it was found}) for each quotation of ``text``."""
    view, pendings = nlp.annotator.prepare(nlp.make_doc(text), date)
    return [(text[p.raw.start:p.raw.end], {t.name: t.via for t in p.targets}) for p in pendings]


PENCE = 'Vice President Mike Pence said on Friday the United States is "in the midst of a crisis on our southern border."'


def test_a_dated_office_holder_speaks_for_the_looked_up_country(nlp):
    # the lookup gives the office Pence held that day: the United States is his own state
    (_, found), = _targets(nlp, PENCE, "2019-01-11")
    assert "United States" not in found


def test_an_undated_text_keeps_the_looked_up_country(nlp):
    # without a date the lookup gives an actor's latest office (a 2016 candidate as president):
    # the country stays a proposal for the filter to weigh
    (_, found), = _targets(nlp, PENCE)
    assert "United States" in found


CIA = ("The Central Intelligence Agency (CIA) named a new chief on Monday. {who} praised Mendez on "
       'Twitter: "Tony was one of the best officers to ever serve at CIA. His work was unique."')


def test_a_former_officials_organisation_is_a_party(nlp):
    (_, found), = _targets(nlp, CIA.format(who="Former CIA deputy director Michael Morell"))
    assert "Central Intelligence Agency" in found


def test_a_serving_officials_organisation_is_not(nlp):
    (_, found), = _targets(nlp, CIA.format(who="CIA deputy director Jane Roe"))
    assert "Central Intelligence Agency" not in found


def test_spoken_for_keeps_states_and_serving_roles(nlp):
    text = "The Farmers Defence League marched in France on Monday."
    mentions = MentionIndex(build_view(nlp.make_doc(text)))
    assert spoken_for(mentions, "Farmers Defence League", "former spokesman") is None
    assert spoken_for(mentions, "Farmers Defence League", "ex-chairman") is None
    assert spoken_for(mentions, "Farmers Defence League", "spokesman") == "Farmers Defence League"
    assert spoken_for(mentions, "France", "former president") == "France"
    assert spoken_for(mentions, "Farmers Defence League", None) == "Farmers Defence League"


def test_the_object_of_the_reporting_frame_is_proposed(nlp):
    # issue 14 item 3: "praised Germany for its support, saying ..." is about Germany (the
    # trained filter then weighs it)
    (_, found), = _targets(nlp, "Prime Minister Mark Rutte praised Germany for its support, saying the two "
                                "countries were close friends.")
    assert found.get("Germany") == "frame_object"


def test_a_bare_surname_is_the_person_named_before(nlp):
    (_, found), = _targets(nlp, "Jane Roe, a local teacher, spoke at the meeting. Later, John Smith said Roe "
                                "was a liar.")
    assert "Jane Roe" in found


def test_a_persons_spokeswoman_speaks_for_no_body(nlp):
    # a person is no body one speaks for (guideline rule 8 excludes the speaker's state or
    # organisation): the spokeswoman's person stays among the parties
    text = "Senator Maria Lopez arrived in Boston. Lopez's spokeswoman, Ann Keller, said Lopez was tired."
    mentions = MentionIndex(build_view(nlp.make_doc(text)))
    assert spoken_for(mentions, "Maria Lopez", "spokeswoman") is None
    assert spoken_for(mentions, "Lopez", "spokeswoman") is None


def test_a_body_named_like_a_person_is_still_spoken_for(nlp):
    text = ("The Jefferson Parish Council met on Monday. Council clerk Tim Ross of the Jefferson Parish Council "
            "said the vote was close.")
    mentions = MentionIndex(build_view(nlp.make_doc(text)))
    assert spoken_for(mentions, "Jefferson Parish Council", "clerk") == "Jefferson Parish Council"
    assert spoken_for(mentions, "United States", "spokeswoman") == "United States"


def test_the_person_a_spokeswoman_speaks_about_is_proposed(nlp):
    (_, found), = _targets(nlp, "Senator Maria Lopez was taken to hospital on Monday. Ann Keller, a spokeswoman "
                                "for Lopez, said Lopez was recovering well.")
    assert "Maria Lopez" in found


def test_the_candidate_of_a_campaign_spokesman_is_the_campaigns_person(nlp):
    text = ("Governor Tom Baker is running for president. Baker campaign spokesman Mark Jensen said the candidate "
            "would visit Ohio next week.")
    (_, found), = _targets(nlp, text)
    assert found.get("Tom Baker") == "description"


def test_the_candidate_of_another_speaker_is_no_campaigns_person(nlp):
    text = ("Governor Tom Baker is running for president. Professor Mark Jensen said the candidate "
            "would visit Ohio next week.")
    (_, found), = _targets(nlp, text)
    assert "Tom Baker" not in found


def test_the_subject_of_a_mixed_quotations_clause_is_proposed(nlp):
    # the quoted fragment continues a clause whose subject the cue follows: Mr. Kim's "execution
    # has been challenged," said ... (ANNOTATION.md rule 2: the paraphrase is part of the quotation)
    found = dict(_targets(nlp, "Laura Diaz chairs the board. Ms. Diaz's ''leadership has been questioned,'' "
                               "said Peter Novak, a former board member."))
    assert found["leadership has been questioned,"].get("Laura Diaz") == "quote_clause"


def test_a_name_deep_in_the_clause_before_a_fragment_is_not(nlp):
    text = ("The plant closed on Monday after a long dispute with Acme Corp and was ''a painful loss for the "
            "town,'' Peter Novak said.")
    (quote, targets), = _targets(nlp, text)
    assert quote == "a painful loss for the town,"
    assert "Acme Corp" not in targets


KIN = ("Senator Anna Berg and her husband, Paul Berg, toured Ohio on Monday. Anna Berg said she would ask her "
       "husband to lead the campaign's outreach.")


def test_her_husband_is_the_one_man_of_her_surname(nlp):
    found = dict(_targets(nlp, KIN))["she would ask her husband to lead the campaign's outreach"]
    assert found.get("Paul Berg") == "description"


def test_her_husband_without_a_named_husband_is_no_party(nlp):
    text = ("Senator Anna Berg toured Ohio on Monday with Paul Smith. Anna Berg said she would ask her husband to "
            "lead the campaign's outreach.")
    found = dict(_targets(nlp, text))["she would ask her husband to lead the campaign's outreach"]
    assert "Paul Berg" not in found and found.get("Paul Smith") != "description"
