"""Indirect quotations the finder must find (and must not invent), on invented sentences.

Each case stands for an error class counted on the Wikinews train split of the article corpus
(the report of the change lists the counts); none of the sentences is corpus text.
"""

from __future__ import annotations

import pytest

from stance.quotations.cues import find_cues
from stance.quotations.finder import find_quotations
from stance.text.view import build_view, make_doc, make_language


@pytest.fixture(scope="module")
def lang():
    return make_language()


def found(lang, text: str) -> list[tuple[str, str]]:
    """(kind, span text) of every quotation the finder returns for ``text``."""
    view = build_view(make_doc(lang, text))
    return [(q.kind, text[q.start:q.end]) for q in find_quotations(view, find_cues(view))]


# -- zero-"that" clauses with a long subject ----------------------------------------------------
@pytest.mark.parametrize("text, clause", [
    ("The coast guard confirmed two fishermen from the village also drowned.",
     "two fishermen from the village also drowned"),
    ("Investigators said loose cables in the tunnel led to the fire.", "loose cables in the tunnel led to the fire"),
    ("The ministry estimated 300 families in the valley were without power.",
     "300 families in the valley were without power"),
    ("Officials reported the number of infections rose to 40.", "the number of infections rose to 40"),
    ("The judge ruled the new tax violated the charter.", "the new tax violated the charter"),
])
def test_zero_that_clause_with_a_long_subject(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


@pytest.mark.parametrize("text, clause", [
    ("Critics across the country have claimed this is a move to silence the opposition.",
     "this is a move to silence the opposition"),
    ("The mayor argued those were the worst floods in a century.", "those were the worst floods in a century"),
])
def test_a_demonstrative_subject_opens_a_zero_that_clause(lang, text, clause):
    """"this is", "those were": a demonstrative before an auxiliary is the clause's subject."""
    assert found(lang, text) == [("indirect", clause)]


@pytest.mark.parametrize("text", [
    "How would you describe your role as the party's nominee?",
    "You suggest conservation efforts should look at the feeding grounds.",
    "Your release mentioned sexing the penguins was hard.",
])
def test_an_interviewers_words_are_no_quotation(lang, text):
    """A cue whose subject is "you" or "your ...": a journalist's question or remark (not annotated)."""
    assert found(lang, text) == []


@pytest.mark.parametrize("text", [
    "The army confirmed the deaths of three soldiers killed in the ambush.",
    "The club announced the signing of a striker who scored twice last season.",
    "The agency reported the incident to the police on Monday.",
    "The rescue team was found by a helicopter crew.",
])
def test_a_noun_phrase_object_is_no_clause(lang, text):
    assert found(lang, text) == []


# -- verbs of finding and ruling (frame "clause") ------------------------------------------------
@pytest.mark.parametrize("text, clause", [
    ("The inspectors found the pumps had failed twice before the flood.", "the pumps had failed twice before the flood"),
    ("Court records showed the firm had paid no tax for a decade.", "the firm had paid no tax for a decade"),
    ("The minister pointed out the port would stay open all winter.", "the port would stay open all winter"),
])
def test_verbs_of_finding_take_a_clause(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


@pytest.mark.parametrize("text", [
    "Graduates often can't find jobs that pay very well.",
    "The council adopted rules that would limit night flights.",
    "The mayor campaigned in Rust Belt states that have lost many factory jobs.",
    "Most southern states that will vote next week have large rural populations.",
    "The survey shows a lead for the mayor.",
    'The audit found "serious gaps" in the plan.',
])
def test_verbs_of_finding_need_a_clause(lang, text):
    # and they never make a quotation in marks: "found 'serious gaps'" is a scare quote
    assert found(lang, text) == []


# -- "told X" and other verbs with an addressee, without "that" ----------------------------------
@pytest.mark.parametrize("text, clause", [
    ("The driver told reporters he lost control on the ice.", "he lost control on the ice"),
    ("A spokesman told the Daily Courier the fire began shortly after midnight.", "the fire began shortly after midnight"),
    ("Mayor Ana Ruiz told CNN Brasil two bridges were closed.", "two bridges were closed"),
    ("She told the court she was threatened by the guards.", "she was threatened by the guards"),
    ("The mayor advised residents to leave their homes.", "to leave their homes"),
    ("Several senators warned the delay could hurt national security.", "the delay could hurt national security"),
])
def test_clause_after_an_addressee(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


@pytest.mark.parametrize("text", [
    "The coach told the players about the new schedule.",
    "She warned residents about the storm.",
    "He told the story of his escape to the court.",
    "She told of being forced to leave her home.",
    "He reminded voters of his plan to cut taxes.",
    "\"We will win,\" she told the crowd, her voice drowned out by cheers.",
])
def test_an_addressee_without_a_clause(lang, text):
    assert [q for q in found(lang, text) if q[0] != "direct"] == []


@pytest.mark.parametrize("text", ["He said", "The ministry confirmed", "Officials told reporters", "She warned"])
def test_a_cue_at_the_end_of_the_text(lang, text):
    assert found(lang, text) == []


# -- a parenthetical frame: "CONTENT, X said, REST" -----------------------------------------------
@pytest.mark.parametrize("text, clauses", [
    ("The bridge would be inspected, the engineer said, to find out whether it had moved.",
     ["The bridge would be inspected", "to find out whether it had moved"]),
    ("In the end, she testified, the guards had locked the door.", ["the guards had locked the door"]),
    ("Heavy rain slowed the rescue, Ruiz said, and more boats were on the way.",
     ["Heavy rain slowed the rescue", "more boats were on the way"]),
])
def test_content_on_both_sides_of_a_parenthetical_frame(lang, text, clauses):
    assert found(lang, text) == [("indirect", c) for c in clauses]


@pytest.mark.parametrize("text, not_a_quote", [
    ("Heavy rain slowed the rescue, Ruiz said, adding that more boats were on the way.", "adding that more boats were on the way"),
    ("Heavy rain slowed the rescue, Ruiz said, according to the local paper.", "according to the local paper"),
    ("In a press release, Ruiz said, the dam held.", "In a press release"),
    ("The river rose, officials in the town report, a level not seen since 1950.", "a level not seen since 1950"),
    ('The club, in a Facebook post, said it would appeal the ban.', "The club"),
])
def test_no_rest_or_front_that_is_no_clause(lang, text, not_a_quote):
    assert not_a_quote not in [q for _, q in found(lang, text)]


def test_a_frame_before_a_quotation_in_marks_is_no_parenthetical(lang):
    text = 'Asked about the dam on Monday, the mayor said, "It will hold."'
    assert found(lang, text) == [("direct", "It will hold.")]


# -- adverbials between the verb and its clause -------------------------------------------------
@pytest.mark.parametrize("text, clause", [
    ("The navy said on Sunday, the 12 sailors infected included two officers.", "the 12 sailors infected included two officers"),
    ("The institute said in its report, the fault makes the region unstable.", "the fault makes the region unstable"),
    ("The town announced on Twitter the police would investigate the fire.", "the police would investigate the fire"),
    ("North Korea claimed, as of Thursday, it had no infections.", "it had no infections"),
    ("Ana Ruiz, the mayor, announced Pedro Gil intended to appeal.", "Pedro Gil intended to appeal"),
    ("The minister said 18 people died.", "18 people died"),
    ("The president reported he and his wife tested positive.", "he and his wife tested positive"),
    ("He later claimed to have no memory of the night.", "to have no memory of the night"),
])
def test_clause_after_adverbials(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


@pytest.mark.parametrize("text", [
    "The senator spoke at a Washington event on Monday.",
    "She said at a Washington event that nothing had changed.",
    "He is said to be ill.",
])
def test_adverbials_without_a_clause(lang, text):
    assert [q for _, q in found(lang, text) if q.startswith(("a Washington", "event", "to be"))] == []


# -- "according to" ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, clause", [
    ("Twelve people were hurt according to health officials.", "Twelve people were hurt"),
    ("The lake froze early; according to the weather service, the ice is unsafe.", "the ice is unsafe"),
    ("Since the flood, according to the mayor, 300 homes have been rebuilt.", "300 homes have been rebuilt"),
    ("The bridge will reopen in May, according to the city council.", "The bridge will reopen in May"),
    ("Ruiz leads Gil by six points, according to the poll.", "Ruiz leads Gil by six points"),
])
def test_according_to(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


@pytest.mark.parametrize("text", [
    "The money was shared according to need.",
    "Everything went according to plan.",
])
def test_according_to_without_a_source(lang, text):
    assert found(lang, text) == []


def test_a_clause_ends_at_a_colon(lang):
    text = 'The mayor said the dam was safe: "We checked it twice."'
    assert found(lang, text) == [("indirect", "the dam was safe"), ("direct", "We checked it twice.")]


# -- a relative clause: "which X said VP" --------------------------------------------------------
@pytest.mark.parametrize("text, clause", [
    ("He missed the vote, which his doctor said was due to a fever.", "was due to a fever"),
    ("The launch, which the agency has said might slip to August, is the third this year.", "might slip to August"),
])
def test_verb_phrase_after_a_relative_frame(lang, text, clause):
    assert ("indirect", clause) in found(lang, text)


def test_a_relative_clause_without_a_report(lang):
    assert found(lang, "He bought the house which his father built in 1950.") == []


# -- coordinated and nested frames ----------------------------------------------------------------
def test_and_that_makes_two_clauses(lang):
    text = "The minister said the tax was unfair and that she would vote against it."
    assert found(lang, text) == [("indirect", "the tax was unfair"), ("indirect", "she would vote against it")]


def test_a_clause_ends_before_another_frame(lang):
    text = "The partner asked for the price to be kept secret, but the minister stated the loan was repaid."
    assert ("indirect", "the loan was repaid") in found(lang, text)
    assert all(", but" not in q for _, q in found(lang, text))
    text = "Most voters said they liked the plan, while only 40 percent of the members say the same of the budget."
    assert ("indirect", "they liked the plan") in found(lang, text)
    text = "Ruiz said he may call an election, which he said would settle the matter."
    assert found(lang, text) == [("indirect", "he may call an election"), ("indirect", "would settle the matter")]


# -- noun-ish verb forms after a subject -------------------------------------------------------------
@pytest.mark.parametrize("text, clause", [
    ("Activists claim safety rules are routinely ignored.", "safety rules are routinely ignored"),
    ("Ruiz claims he would win a second vote.", "he would win a second vote"),
    ("Local sources report the road was closed overnight.", "the road was closed overnight"),
])
def test_nounish_verb_after_a_subject(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


@pytest.mark.parametrize("text", [
    "Fraud claims of this kind are rare.",
    "The Senate reports were published in May.",
])
def test_nounish_forms_that_stay_nouns(lang, text):
    assert found(lang, text) == []


# -- a cue noun with its clause -------------------------------------------------------------------------
@pytest.mark.parametrize("text, clause", [
    ("The ministry issued a statement that two guards had been hurt.", "two guards had been hurt"),
    ("He denied allegations that he took bribes from the firm.", "he took bribes from the firm"),
])
def test_cue_noun_with_a_clause(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


def test_cue_noun_with_a_relative_clause(lang):
    assert found(lang, "The ministry issued a statement that was read on the radio.") == []
    assert found(lang, "She issued a statement that sought to calm the markets.") == []


# -- fronted content must be a clause ----------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Yesterday, the space agency, a state body, announced the death of its founder.",
    "While some writers mention feeding the birds, according to Wasef no farms were found.",
])
def test_no_fronted_content_without_a_clause(lang, text):
    assert [q for _, q in found(lang, text) if q.startswith(("Yesterday", "While"))] == []


def test_according_to_after_and_opens_the_next_clause(lang):
    text = "The economy grew for years, and, according to the bank, inflation stayed low."
    assert ("indirect", "inflation stayed low") in found(lang, text)


def test_inverted_frame_after_a_clause(lang):
    text = "The economy will recover next year, said Ana Ruiz, an analyst at the bank."
    assert found(lang, text) == [("indirect", "The economy will recover next year")]


@pytest.mark.parametrize("text", [
    "Her lawyers argued his history of violence.",
    "He tweeted about the riots that followed the verdict.",
    "When asked to comment on the plan, the minister left.",
    "In order for the bill to pass, both houses must approve it.",
])
def test_objects_relatives_and_passives_are_no_clauses(lang, text):
    assert found(lang, text) == []


def test_headline_clause_without_a_verb_but_with_a_quoted_fragment(lang):
    # the verb-less object rule ("argued his history of violence") spares a quoted fragment
    text = "Critics say the new rules “a gift to the banks.”"
    assert found(lang, text) == [("mixed", "the new rules “a gift to the banks.”")]


def test_remarks_after_a_preposition_is_a_noun_not_a_cue():
    """"In remarks to reporters, X observed, "..."": the noun opens no quotation of its own (found
    when the addressee rule met a capitalised appositive subject)."""
    import stance

    qs = stance.load()('In remarks to reporters, Sheldon Roe of UNICEF observed, "I have seen campaigns before."').quotes
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in qs] == [("direct", "Sheldon Roe")]


# -- clause subjects the finite-verb test used to miss -------------------------------------------
@pytest.mark.parametrize("text, clause", [
    # a demonstrative subject before an auxiliary
    ("Critics have claimed this is a move to silence the opposition.", "this is a move to silence the opposition"),
    ("The president said those were lies told by his rivals.", "those were lies told by his rivals"),
    # a plural subject before a verb in the plain present
    ("A retail expert said the stores fill the shelves every night.", "the stores fill the shelves every night"),
    # a comma after the addressee of "told"
    ("A police spokeswoman told CNN, neighbors tried to save the keeper.", "neighbors tried to save the keeper"),
])
def test_clause_subjects(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


@pytest.mark.parametrize("text", [
    "The agency reported the deaths near the border.",
    "He announced the results this week.",
    "She described this need as urgent.",
    "The coach told the players, who cheered.",
])
def test_no_clause_after_a_plural_or_demonstrative_object(lang, text):
    assert [q for q in found(lang, text) if q[0] != "direct" and "need" not in q[1]] == []


def test_an_absolute_phrase_after_a_named_addressee_is_no_clause(lang):
    assert [q for q in found(lang, '"We will win," she told CNN, her voice drowned out by cheers.') if q[0] != "direct"] == []


@pytest.mark.parametrize("text", [
    "The governor of the island, Ana Marie Garced, declared a state of emergency.",
])
def test_an_appositive_subject_is_no_fronted_content(lang, text):
    # "X, Y, declared OBJECT": the noun phrase after the verb is its object, not an inverted speaker
    assert found(lang, text) == []


def test_an_inverted_frame_names_its_speaker(lang):
    assert found(lang, "The plan will fail, said Ana Ruiz, an analyst at the bank.") == [("indirect", "The plan will fail")]


@pytest.mark.parametrize("text, inner", [
    ('The ministry characterized the attack as "a serious violation of our sovereignty".', "a serious violation of our sovereignty"),
    ('The decision, which the minister has referred to as "gamesmanship", was upheld.', "gamesmanship"),
])
def test_naming_verbs_with_as(lang, text, inner):
    # "characterize X as 'Y'" and "referred to as 'Y'" name like "described X as 'Y'"
    assert any(inner in span for _, span in found(lang, text))


@pytest.mark.parametrize("text, clause", [
    ("The health agency declared the outbreak, which began in March, to be a pandemic.",
     "the outbreak, which began in March, to be a pandemic"),
    ("The police arrested six men, claiming them to be smugglers.", "them to be smugglers"),
])
def test_an_object_with_to_be(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


def test_a_passive_infinitive_is_no_reported_object(lang):
    assert found(lang, "The ministry reported the plan to be implemented next year.") == []


def test_a_title_after_refer_to_without_as_is_no_quotation(lang):
    assert found(lang, 'It likely referred to his appearance on "The Evening Show" in May.') == []


def test_describe_takes_quoted_words_as_its_object(lang):
    found_spans = [span for _, span in found(lang, 'Another witness, Ana Ruiz, described deep tire marks and "insane" heat.')]
    assert "insane" in found_spans


def test_an_imperative_reports_nothing(lang):
    assert found(lang, "Now tell us this is not a witch hunt.") == []


# -- a noun phrase before a parenthetical frame is the subject of the rest ----------------------
@pytest.mark.parametrize("text, parts", [
    ("Most of the closures, he said, have involved public courses.", ["Most of the closures", "have involved public courses"]),
    ("The farm sector, she said, is doing much better than last year.",
     ["The farm sector", "is doing much better than last year"]),
    ("Coatings that repel water, they reason, could cut the water used by half.",
     ["Coatings that repel water", "could cut the water used by half"]),
])
def test_the_subject_before_a_parenthetical_frame_is_reported_too(lang, text, parts):
    """ANNOTATION.md rule 4: each contiguous segment is its own entry, the subject before the frame too."""
    assert found(lang, text) == [("indirect", p) for p in parts]


@pytest.mark.parametrize("text, content", [
    ("The pilot was kind and careful, an airport official told The Daily News.", "The pilot was kind and careful"),
    ("The family was also on the flight, ministry spokesman Ali Ben Omar Abdel Aziz said Thursday.",
     "The family was also on the flight"),
    ("Victory is vital, he said after meeting on Thursday with party aides.", "Victory is vital"),
])
def test_fronted_content_before_an_addressee_or_a_long_adverbial(lang, text, content):
    assert found(lang, text) == [("indirect", content)]


@pytest.mark.parametrize("text", [
    "One of the vice presidents, Ana Ruiz, also commented on the death to a local paper.",
    "After his trial last summer, the banker agreed to help with the inquiry.",
    "The paper reported, citing hospital data, there were 40 deaths on Monday.",
    "The crowd left early, saying they were being told to stretch their time on stage.",
])
def test_no_fronted_content_before_an_object_an_infinitive_or_a_participle(lang, text):
    assert [q for k, q in found(lang, text) if text.startswith(q)] == []


# -- the infinitive of a speech verb reports its clause -------------------------------------------
@pytest.mark.parametrize("text, clause", [
    ("The mayor went on to say that the bridge would reopen in May.", "the bridge would reopen in May"),
    ("The coach continued to say he had never seen the letter.", "he had never seen the letter"),
    ("Rivals tried to tell voters that the plan was a fraud.", "the plan was a fraud"),
])
def test_a_speech_verbs_infinitive_reports_a_clause(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


@pytest.mark.parametrize("text", [
    "The mayor declined to say whether the bridge would reopen.",
    "It is too early to say whether the plan will work.",
    "The board refused to say that the plan had failed.",
    "She rose to maintain the rules of the house.",
])
def test_no_clause_after_a_refusal_or_a_question_word(lang, text):
    assert found(lang, text) == []


# -- an extracted object: "what X said is ...", "which X said runs ...", "what X called Y" ---------
@pytest.mark.parametrize("text, clause", [
    ("The clubs adapted to what she said is growing demand for pools.", "is growing demand for pools"),
    ("The move showed what many analysts said was a sign of better ties.", "was a sign of better ties"),
    ("He blasted the delegate system, which he said runs the risk of silencing voters.",
     "runs the risk of silencing voters"),
    ("It is a trend the pollster said could push moderates toward the party.", "could push moderates toward the party"),
    ("The leaders met to address what the president called the worst crisis in a decade.",
     "the worst crisis in a decade"),
])
def test_an_extracted_object_is_reported(lang, text, clause):
    assert ("indirect", clause) in found(lang, text)


@pytest.mark.parametrize("text", [
    "The video Lewandowski posted didn't show a grab.",
    "The members annually perform skits and sing songs about politicians.",
    "Taxes would move toward what economists call consumption (spending) and away from income.",
])
def test_no_extracted_object_after_other_verbs(lang, text):
    assert [q for k, q in found(lang, text) if k != "direct"] == []


# -- verbs that report an infinitive after an addressee, or at once ------------------------------
@pytest.mark.parametrize("text, clause", [
    ("The minister encouraged allies such as Spain to restrict the airline.", "to restrict the airline"),
    ("They invited the countries to open a dialogue.", "to open a dialogue"),
    ("Two senators proposed to set term limits for judges.", "to set term limits for judges"),
    ("The group requested that the fires be added to the agenda.", "the fires be added to the agenda"),
])
def test_infinitive_after_an_addressee_or_at_once(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


@pytest.mark.parametrize("text", [
    "She was invited to speak at the dinner.",
    "The senator faces pressure to quit the race.",
    "The proposed law would ban the sale of guns to minors.",
    "Low prices encourage exports from toys to jumbo jets.",
])
def test_no_infinitive_after_a_passive_a_noun_or_an_adjective(lang, text):
    assert found(lang, text) == []


@pytest.mark.parametrize("text, clause", [
    ("The senator has stated her intention to endorse one of her rivals.", "to endorse one of her rivals"),
    ("The party leader publicly declared intent to impose stricter sentences.", "to impose stricter sentences"),
    ("The company announced plans to leave the market.", "to leave the market"),
])
def test_a_noun_of_intent_carries_the_reported_infinitive(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


def test_no_infinitive_after_a_plan_with_a_noun(lang):
    assert found(lang, "The company announced plans for new stores.") == []


def test_this_as_a_clause_subject_is_no_time_adverbial(lang):
    text = "Critics from across the political spectrum have claimed this is a move to silence them."
    assert found(lang, text) == [("indirect", "this is a move to silence them")]


@pytest.mark.parametrize("text, clause", [
    ("The motion claims the decree is unconstitutional.", "the decree is unconstitutional"),
    ("The channel stays on air, as the network claims the order did not cover it.", "the order did not cover it"),
    ("Still, the poll shows that moderates may be pliable.", "moderates may be pliable"),
])
def test_a_nounish_verb_after_a_determined_noun(lang, text, clause):
    """"the motion claims ...": a determiner and a singular noun are the subject of a noun-ish "-s" form."""
    assert found(lang, text) == [("indirect", clause)]


def test_a_nounish_plural_before_a_relative_stays_a_noun(lang):
    assert found(lang, "The game shows that aired last year were popular.") == []


# -- "according to": after an opening conjunction, a longer adverbial, or inside a clause ---------
@pytest.mark.parametrize("text, parts", [
    ("But according to reports in the media, he could not convince the family.", ["he could not convince the family"]),
    ("One Sunday in late 2001, according to a biography, the director sat alone.", ["the director sat alone"]),
    ("The bank's Polish operation, according to a daily, is too big for a single sale.",
     ["The bank's Polish operation", "is too big for a single sale"]),
])
def test_according_to_parts(lang, text, parts):
    assert found(lang, text) == [("indirect", p) for p in parts]


# -- where a reported clause ends ------------------------------------------------------------------
@pytest.mark.parametrize("text, clause", [
    ("Scientists reported that the virus may spread like influenza — suggesting, experts noted, that controls may help.",
     "the virus may spread like influenza"),
    ("The driver told reporters he lost control, with some local press claiming he was speeding.", "he lost control"),
    ("They called on the government to halt the drilling, and deemed the deal void.", "to halt the drilling"),
])
def test_a_clause_ends_before_another_frame_or_verb(lang, text, clause):
    assert ("indirect", clause) in found(lang, text)


def test_that_after_a_preposition_is_no_complementizer(lang):
    text = "Asked about the poll, the senator said she was not going to jump to that conclusion."
    assert found(lang, text) == [("indirect", "she was not going to jump to that conclusion")]


@pytest.mark.parametrize("text, clause", [
    ("Congressman Al Ruiz, a party supporter, said Trump campaign strategists plan to win on the first ballot.",
     "Trump campaign strategists plan to win on the first ballot"),
    ("Party officials said aides want to avoid a contested convention.", "aides want to avoid a contested convention"),
])
def test_a_clause_after_an_appositive_subject_or_with_a_plain_present(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


def test_an_inverted_frame_after_a_comma_names_no_clause(lang):
    text = "Many factors drive the cost of college, said Mark Roe, an expert who has written books on the topic."
    assert [q for _, q in found(lang, text) if q.startswith("Mark")] == []


# -- "VERB X as Y" naming verbs with an object ------------------------------------------------------
@pytest.mark.parametrize("text, clause", [
    ("The government dismissed the claim from Berlin as groundless.", "the claim from Berlin as groundless"),
    ("The project identifies 26 February 1944 as the day it sank.", "26 February 1944 as the day it sank"),
    ("The actor would list two heroines as dream roles.", "two heroines as dream roles"),
])
def test_an_object_named_as(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


@pytest.mark.parametrize("text", [
    "The victim was identified as John Doe.",
    "Voters cast their ballots as the sun rose.",
])
def test_no_naming_in_a_passive_or_before_an_as_clause(lang, text):
    assert found(lang, text) == []


def test_offer_reports_an_infinitive_right_after_it(lang):
    assert found(lang, "Several museums offered to send tissue samples.") == [("indirect", "to send tissue samples")]
    assert found(lang, "The king offered condolences to the families.") == []


def test_an_object_verb_is_no_cue_of_a_scare_quote(lang):
    text = 'The bill used the term "same-sex union." The bill does not offer couples the same rights.'
    assert found(lang, text) == []


def test_a_possessive_offer_is_a_noun(lang):
    assert found(lang, "The president rebuffed Kim’s offer to dismantle his main nuclear complex.") == []


# -- an "-ing" cue with its subject in an absolute "with X" phrase ------------------------------------
@pytest.mark.parametrize("text, clause", [
    ("The storm had weakened, with an air force survey finding the storm no longer had a closed core.",
     "the storm no longer had a closed core"),
    ("The bill failed, with Senator Ana Ruiz telling reporters on Thursday she viewed it as a mistake.",
     "she viewed it as a mistake"),
])
def test_an_ing_cue_after_with_and_its_subject(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


def test_no_cue_in_a_with_phrase_without_a_speech_verb(lang):
    assert found(lang, "He left with his dog barking at the door.") == []


# -- "as X said" frames --------------------------------------------------------------------------
@pytest.mark.parametrize("text, clause", [
    ("As The Daily Ledger reported, the council would need to win every remaining vote.",
     "the council would need to win every remaining vote"),
    ("However, as the paper has reported, the cases that led to charges involved aggravating factors.",
     "the cases that led to charges involved aggravating factors"),
    ("But as Ms. Ruiz noted, the voters will give the mayor a second look.", "the voters will give the mayor a second look"),
    ("As reported by the Daily Ledger, there are 150 seats at stake in the contest.", "there are 150 seats at stake in the contest"),
    ("The mine had closed in 1990, as the council noted last week.", "The mine had closed in 1990"),
])
def test_an_as_frame_reports_the_clause_it_sets_off(lang, text, clause):
    """"As X reported, CONTENT" and "CONTENT, as X noted": the frame's content on its open side."""
    assert found(lang, text) == [("indirect", clause)]


@pytest.mark.parametrize("text, wrong", [
    ("If the damage was as bad as she said, the road would be closed.", "the road would be closed"),
    ("As its name suggests, the party opposed the sale of alcohol.", "the party opposed the sale of alcohol"),
    ("Yet as the bank continues gaining ground, the question is whether it will last.", "the question is whether it will last"),
])
def test_no_as_frame_without_a_source_and_a_frame(lang, text, wrong):
    """A comparison ("as bad as she said"), an inanimate possessive subject ("as its name
    suggests") or a verb with no frame's tail ("continues gaining") is no "as X said" frame."""
    assert wrong not in [span for _, span in found(lang, text)]


def test_an_ing_cue_after_a_comma_reports_a_pronoun_clause(lang):
    """"..., saying they infringe ...": a participle is never an inverted frame ("..., said he")."""
    assert found(lang, "The group has sued the city over the rules, saying they violate free-speech rights.") == [
        ("indirect", "they violate free-speech rights")]


@pytest.mark.parametrize("text, clause", [
    ("But the point of the rule is to keep records out of the wrong hands, Ms. Ruiz said, and it has worked.",
     "the point of the rule is to keep records out of the wrong hands"),
    ("And she was not surprised by the result, her advisers said on Friday.", "she was not surprised by the result"),
])
def test_fronted_content_after_an_opening_conjunction(lang, text, clause):
    """"But CONTENT, X said": the conjunction opening the sentence does not block the frame."""
    assert ("indirect", clause) in found(lang, text)


@pytest.mark.parametrize("text, clause", [
    ("The mayor has support from 52 percent of voters, while her rival has 33 percent, the poll found.",
     "The mayor has support from 52 percent of voters, while her rival has 33 percent"),
    ("A trading firm may have made improper donations to several candidates, a Daily Ledger investigation found.",
     "A trading firm may have made improper donations to several candidates"),
])
def test_fronted_content_before_a_finding_verb(lang, text, clause):
    """"CONTENT, the poll found.": a finding verb closing the sentence is a frame too."""
    assert found(lang, text) == [("indirect", clause)]


@pytest.mark.parametrize("text", [
    "“The prize belongs to the whole team,” Ms. Ruiz said as she accepted her award.",
    "“She has kept the same friends since school,” her husband has said while stumping for her.",
    "“This is a movement,” the senator said when endorsing the governor.",
])
def test_an_adverbial_clause_after_the_verb_is_no_content(lang, text):
    """'"...," Ruiz said as she accepted her award': an "as", "when" or "while" clause with no
    main clause after a comma is the frame's adverbial, not what was said."""
    assert [kind for kind, _ in found(lang, text)] == ["direct"]


def test_as_and_a_noun_phrase_still_names(lang):
    """"which he claimed as his average donation": "as" and a noun phrase without a verb stays."""
    assert found(lang, "Donors gave $27, which he claimed as his campaign's average donation.") == [
        ("indirect", "as his campaign's average donation")]


def test_a_subordinate_clause_before_a_parenthetical_frame(lang):
    """"If X, he said, Y": the fronted subordinate clause and the main clause are both reported."""
    assert found(lang, "If the dam had been inspected, the engineer argued, the town would have been warned.") == [
        ("indirect", "If the dam had been inspected"), ("indirect", "the town would have been warned")]


@pytest.mark.parametrize("text, clause", [
    ("Before the flood, the river had claimed six lives in the valley, according to the county coroner.",
     "Before the flood, the river had claimed six lives in the valley"),
    ("Though she has no chance of winning outright, the mayor appears to lead the field, according to three polls.",
     "Though she has no chance of winning outright, the mayor appears to lead the field"),
])
def test_according_to_after_a_sentence_opening_with_a_subordinate_part(lang, text, clause):
    """"Before X, CONTENT, according to Y": the content before the source includes its main clause."""
    assert ("indirect", clause) in found(lang, text)


@pytest.mark.parametrize("text, clause", [
    ("The State Department reported finding 300 more emails with classified details.",
     "finding 300 more emails with classified details"),
    ("The actor recalled going to comic fairs with her cousins during high school, before any role came.",
     "going to comic fairs with her cousins during high school"),
])
def test_a_gerund_object_of_report_and_recall(lang, text, clause):
    """Verbs tagged ``gerund`` in reporting_verbs.tsv report a gerund object, up to a comma."""
    assert found(lang, text) == [("indirect", clause)]


def test_a_short_sentence_in_marks_continues_the_speech_before_it(lang):
    """'"...," she said. "This must change."': a short quoted sentence right after a quotation in
    the same paragraph goes on with that speech (not a scare quote: a whole sentence)."""
    text = "\u201cThe council has ignored the river for twenty years,\u201d she said. \u201cThis must change.\u201d"
    assert [span for kind, span in found(lang, text) if kind == "direct"] == [
        "The council has ignored the river for twenty years,", "This must change."]


def test_a_short_quoted_sentence_without_speech_before_is_no_quotation(lang):
    assert found(lang, "Officials met on Monday to plan the campaign. \u201cStay safe.\u201d The posters went up.") == []


@pytest.mark.parametrize("text, words", [
    ("The strategist called the mayor's statements and actions on Sunday \u201cchildish.\u201d", "childish."),
    ("The speaker called the governor's remarks about a local judge \u201cracist,\u201d a rare rebuke.", "racist,"),
])
def test_called_a_longer_object_quoted_words(lang, text, words):
    """'called X "Y"' with an object of up to 12 words and no verb or comma in it."""
    assert ("direct", words) in found(lang, text)


def test_called_with_a_clause_before_the_quoted_words_is_no_naming(lang):
    assert not any(kind == "direct" for kind, _ in found(
        lang, "The mayor called a report saying donors were given access \u201coutrageous.\u201d"))


def test_a_passive_accusation_without_an_accuser_is_no_quotation(lang):
    """"He was also accused of defrauding clients": a charge, no accuser's words."""
    assert found(lang, "The lawyer was also accused of defrauding clients in Ohio and of hiding money.") == []


def test_an_active_accusation_still_reports(lang):
    assert found(lang, "Prosecutors accused the lawyer of defrauding clients in Ohio.") == [
        ("indirect", "defrauding clients in Ohio")]


@pytest.mark.parametrize("text, clause", [
    ("The novelist told Daily Ledger founder Ana Ruiz he would consider running for mayor.",
     "he would consider running for mayor"),
    ("A spokesperson told Brussels-based news network EUROVOICE safety rules had been followed.",
     "safety rules had been followed"),
])
def test_told_an_addressee_of_a_name_a_description_and_a_name(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


def test_an_as_clause_after_that_is_content(lang):
    """"said that as mayor she would ...": after "that" an "as" clause opens the content."""
    assert found(lang, "The candidate has said that as mayor she would know within a year whether the plan works.") == [
        ("indirect", "as mayor she would know within a year whether the plan works")]


def test_an_as_frame_inside_a_phrase_reports_nothing(lang):
    """"who owed his election to, as a diplomat put it, a makeover": the frame interrupts a phrase."""
    assert not any(kind == "indirect" for kind, _ in found(
        lang, "The president, who owed his election to, as one diplomat put it, a total makeover, fled the country."))


@pytest.mark.parametrize("text, clause", [
    ("In a fiery speech the senator called him divisive and accused him of dividing the town.", "him divisive"),
    ("The governor, who has called the notion of man-made global warming a hoax, could win.",
     "the notion of man-made global warming a hoax"),
    ("Ten states sued the agency, calling the new rules unconstitutional.", "the new rules unconstitutional"),
    ("Industry experts called this dubious to the Daily Ledger.", "this dubious to the Daily Ledger"),
])
def test_a_naming_verb_with_an_unquoted_complement(lang, text, clause):
    """"called him divisive": the object and its complement, unquoted, are reported."""
    assert ("indirect", clause) in found(lang, text)


@pytest.mark.parametrize("text", [
    "The agency called Nevada for the governor late on Tuesday.",
    "A species called the guanaco and another called the rhea live there.",
    "The campaign called Iowa Republican primary voters over the weekend.",
    "The lake was called clean by the inspectors.",
    "The director called her actions \u201cextremely careless.\u201d",
])
def test_a_naming_verb_without_a_complement_reports_nothing(lang, text):
    assert not any(kind == "indirect" for kind, _ in found(lang, text))


# -- "said" and a plain noun-phrase subject with a present-tense verb ---------------------------
@pytest.mark.parametrize("text, clause", [
    ("Local growers said the valley prides itself on its orchards.", "the valley prides itself on its orchards"),
    ("Transport planners say commuter demand depends on fuel prices.", "commuter demand depends on fuel prices"),
    ("One organizer says the charter ignores small towns.", "the charter ignores small towns"),
])
def test_said_with_a_present_tense_clause(lang, text, clause):
    """A zero-"that" clause after "say" whose verb is a present "-s" form after a noun ("the
    valley prides itself", "demand depends on"): no auxiliary or past form shows it."""
    assert found(lang, text) == [("indirect", clause)]


@pytest.mark.parametrize("text", [
    "The old captain said goodbye to his crew.",
    "Then the mayor said grace before the meal.",
    "Does the candidate get tired and say the wrong thing or make bad decisions?",
])
def test_said_with_an_object_reports_nothing(lang, text):
    """"said goodbye", "say the wrong thing": an object of "say", no clause (no verb after a noun)."""
    assert found(lang, text) == []


# -- a noun-ish base form after a plural noun is a verb ----------------------------------------
@pytest.mark.parametrize("text, clause", [
    ("Polls show that most voters in the county oppose the new bridge.",
     "most voters in the county oppose the new bridge"),
    ("The firm gave $5,000 to the fund in 2014, campaign finance records show.", "The firm gave $5,000 to the fund in 2014"),
    ("Weather records show the river rose four metres overnight.", "the river rose four metres overnight"),
])
def test_show_after_a_plural_subject(lang, text, clause):
    """"polls show that ...", "..., records show.": "show" after a plural noun is its verb."""
    assert found(lang, text) == [("indirect", clause)]


@pytest.mark.parametrize("text", [
    "The game shows that aired last year were popular.",
    "The new rules that apply to drivers were published on Monday.",
])
def test_a_plural_noun_ish_form_stays_a_noun(lang, text):
    assert found(lang, text) == []


# -- "as" verbs: an extracted object, or no object at all ---------------------------------------
@pytest.mark.parametrize("text, clause", [
    ("The letter gave them access to what she described as transition resources for the new team, officials said.",
     "transition resources for the new team"),
    ("He asked whether the old job, which friends described as miserable, led to his drinking.", "miserable"),
    ("The mayor will showcase what his aides describe as a growing coalition of local leaders.",
     "a growing coalition of local leaders"),
])
def test_an_as_verb_with_an_extracted_object(lang, text, clause):
    """"what she described as Y": the words after "as" (the relative's antecedent is X), up to a comma."""
    assert ("indirect", clause) in found(lang, text)


@pytest.mark.parametrize("text", [
    "For twelve years he had what is often described as the city's second-biggest job.",
    "The three candidates most often described as outsiders took most of the vote.",
    "The museum director, described as one of the region's most generous patrons, resigned on Friday.",
])
def test_an_as_verb_without_object_or_subject_reports_nothing(lang, text):
    """A passive or a participle right before "as" ("is often described as ..."): no speaker, no quotation."""
    assert found(lang, text) == []


@pytest.mark.parametrize("text", [
    'He is known for a pattern called a "glider" in the game.',
    'The agency began a training program dubbed "Harbor 2026" in 2017.',
    'She taught a 2002 psychology class called "Perception" at the college.',
    'He specialised in a process called "exfiltration."',
])
def test_a_naming_participle_after_a_thing_quotes_no_one(lang, text):
    """'a pattern called a "glider"': a reduced relative naming a thing, not a quotation."""
    assert found(lang, text) == []


def test_an_active_naming_verb_still_quotes(lang):
    assert found(lang, 'The senator called the plan "a disgrace" on Monday.') == [("direct", "a disgrace")]
    assert found(lang, 'A new radio ad calling it "dangerous" aired on Monday.') == [("direct", "dangerous")]


# -- a cue noun's content clause without "that" --------------------------------------------------
@pytest.mark.parametrize("text, clause", [
    ("The arrest came after an allegation he assaulted Dana Roe, his former partner.", "he assaulted Dana Roe, his former partner"),
    ("The officers face allegations they failed to react quickly to the reports.",
     "they failed to react quickly to the reports"),
    ("He denied the claim he had taken the money.", "he had taken the money"),
])
def test_a_cue_noun_with_a_content_clause_without_that(lang, text, clause):
    """"an allegation he assaulted X": a pronoun subject, a finite verb and its object or infinitive."""
    assert found(lang, text) == [("indirect", clause)]


@pytest.mark.parametrize("text", [
    "The senator has broken many promises he made to the voters of the state.",
    "He received criticism for a statement he made in late April.",
    "Carson Defends Himself Against Claims He Exaggerated His Life Story.",
])
def test_a_relative_clause_after_a_cue_noun_is_no_content(lang, text):
    """"promises he made to the voters": the verb lacks its object (a relative clause); a headline's
    capitalised "He" is left alone."""
    assert found(lang, text) == []


# -- fronted content before a frame whose subject has an acronym or an "-ing" modifier -----------
@pytest.mark.parametrize("text, clause", [
    ("The virus has spread to 40 countries, the World Health Organization (WHO) said on Monday.",
     "The virus has spread to 40 countries"),
    ("The champion has retired at 31, wrestling promotion Stardom announced yesterday.", "The champion has retired at 31"),
    ("Half of the money arrived in March, new fundraising reports show.", "Half of the money arrived in March"),
])
def test_fronted_content_before_a_frame_with_a_modified_subject(lang, text, clause):
    """An acronym in brackets ("(WHO)") is no relative pronoun; an "-ing" word before a lowercase
    noun ("wrestling promotion", "fundraising reports") modifies it: the frame has a plain subject."""
    assert found(lang, text) == [("indirect", clause)]


def test_a_participle_clause_before_a_frame_is_no_subject(lang):
    """"..., saying they were told to ...": an "-ing" word before a pronoun opens a participle clause."""
    assert found(lang, "The strike ended on Monday, saying they were told to go home, workers said.") != [
        ("indirect", "The strike ended on Monday")]


# -- a quantifier standing alone as the subject of a reporting verb -----------------------------
@pytest.mark.parametrize("text, clause", [
    ("Some think the birds glided, while some say flight grew up from the ground.", "flight grew up from the ground"),
    ("Asked about the new bridge, some said it would never be finished.", "it would never be finished"),
])
def test_a_quantifier_subject_before_a_reporting_verb(lang, text, clause):
    """"some say ...", "most said ...": the quantifier is the subject, the verb a cue."""
    assert ("indirect", clause) in found(lang, text)


def test_all_told_is_no_cue(lang):
    assert found(lang, "All told, up to five million people could be eligible for the program.") == []


# -- an indirect question after "asked" and its addressee ---------------------------------------
@pytest.mark.parametrize("text, clause", [
    ("The host also asked the mayor if the city benefits from a double standard.",
     "the city benefits from a double standard"),
    ("Then the dean asked the students whether they were always so serious.", "they were always so serious"),
])
def test_asked_an_addressee_if(lang, text, clause):
    """"asked X if/whether ...": the question is reported speech of the asker."""
    assert found(lang, text) == [("indirect", clause)]


def test_a_passive_ask_reports_no_question(lang):
    """"was asked by X whether ...": the subject is the one asked."""
    assert found(lang, "The senator was asked by the host whether his aim was similar.") == []


def test_a_capitalised_subordinator_is_no_subject(lang):
    """"As revealed at trial, ...": "As" before a participle is no subject; nobody reveals."""
    assert found(lang, "As revealed at trial, the couple had kept their children indoors for years.") == []


def test_a_second_frame_after_and_ends_the_clause(lang):
    """"... and several said ...": a pronoun or quantifier subject and a cue after "and" open a new frame."""
    assert found(lang, "One voter said people changed their minds and several said they wanted the vote repeated.") == [
        ("indirect", "people changed their minds"), ("indirect", "they wanted the vote repeated")]


@pytest.mark.parametrize("text", [
    "Wikinews asked the author if he had any ideas about the sponges.",
    "When a reporter later asked the senator if the plan would work, he left.",
])
def test_a_journalists_question_is_no_quotation(lang, text):
    """ANNOTATION.md: questions put by the journalist are not annotated."""
    assert all("had any ideas" not in span and "plan would work" not in span for _, span in found(lang, text))


def test_a_wh_clause_after_say_is_no_statement(lang):
    """"isn't saying what ...": a question word opens no reported statement."""
    assert found(lang, "Trump isn't saying what other interrogation techniques he would support.") == []


def test_a_time_phrase_after_a_cue_nouns_relative_clause(lang):
    """"statements he had made the previous night": a relative clause and a time phrase, no content."""
    assert found(lang, "The host asked him about statements he had made the previous night.") == []


@pytest.mark.parametrize("text, clause", [
    ("A news network reported, citing university data, there were over 1,000 deaths on Wednesday.",
     "there were over 1,000 deaths on Wednesday"),
    ("The agency reported, quoting two officials, that the deal was close.", "the deal was close"),
])
def test_a_source_aside_after_the_verb(lang, text, clause):
    """"reported, citing X, (that) ...": the source set off by commas belongs to the frame."""
    assert found(lang, text) == [("indirect", clause)]


def test_a_citing_phrase_after_the_clause_stays_out(lang):
    assert found(lang, "The mayor said the bridge was unsafe, citing a 2019 report.") == [("indirect", "the bridge was unsafe")]


@pytest.mark.parametrize("text, clause", [
    ("The leader was treated abroad for months and according to the Ministry of Foreign Affairs he died at a hospital "
     "in the morning.", "he died at a hospital in the morning"),
    ("Prices rose and according to the Central Bank inflation will remain high.", "inflation will remain high"),
])
def test_according_to_a_named_source_without_a_comma(lang, text, clause):
    """"and according to the Ministry he died ...": the name ends where a clause starts ("he died
    at": an "-ed" form after a pronoun is finite even before a preposition)."""
    assert ("indirect", clause) in found(lang, text)


def test_a_passive_naming_cue_still_quotes(lang):
    """'has been called "strategic ambiguity" by X': a passive with its agent, not a participle naming a thing."""
    assert ("direct", "strategic ambiguity") in found(
        lang, 'This feature of the movement has been called "strategic ambiguity" by a professor at the university.')


# -- "show"/"find" after a noun of evidence (evidence_nouns.txt) --------------------------------
@pytest.mark.parametrize("text, clause", [
    ("The latest poll shows the mayor has lost ground in the north.", "the mayor has lost ground in the north"),
    ("Recent polling shows that most voters back the new park.", "most voters back the new park"),
    ("Data show that the average rent rose by a tenth.", "the average rent rose by a tenth"),
])
def test_finding_verb_after_a_noun_of_evidence(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


def test_show_after_other_nouns_stays_a_noun(lang):
    assert found(lang, "The talent shows that aired last year drew large crowds.") == []


# -- a "say" verb of criticism with "for" and a gerund (reporting_verbs.tsv tag "accuse") -------
@pytest.mark.parametrize("text, clause", [
    ("The senator blasted the council for closing the library on weekends.", "closing the library on weekends"),
    ("At a rally, she ripped her rival for taking money from lobbyists.", "taking money from lobbyists"),
    ("The mayor blasted the agency for not directly warning residents.", "not directly warning residents"),
    ("The union criticized the board for never consulting its members.", "never consulting its members"),
])
def test_gerund_after_for_of_a_criticising_verb(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


# -- a preposition's object after a reporting verb is no reported clause (tokens.OBJECT_PREPOSITIONS)
@pytest.mark.parametrize("text", [
    '"We will win this," Ruiz said on Radio North\'s Morning Show.',
    '"The park will stay open," Ana Roe, a council member, said at Mr. Ruiz\'s picnic on Tuesday.',
    '"This vote is about our schools," Roe said at the start of a meeting dominated by questions about parking.',
    '"I worked on that plan in 2013," Roe said, in response to a question about how the rules affected fishermen.',
])
def test_prepositional_object_after_the_verb_is_no_clause(lang, text):
    assert [k for k, _ in found(lang, text)] == ["direct"]


@pytest.mark.parametrize("text, clause", [
    ("Police said at least 30 fans were detained on Friday night.", "at least 30 fans were detained on Friday night"),
    ("The minister said on Monday the talks would resume.", "the talks would resume"),
    ("The agency announced on Twitter the agency would investigate.", "the agency would investigate"),
])
def test_clause_after_adverbials_still_found(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


# -- 'described X as "Y"': a purely quoted object after "as" is direct, each segment its own
@pytest.mark.parametrize("text, quotes", [
    ('The coach referred to the referees as "clowns" and "cowards" on Monday.', ["clowns", "cowards"]),
    ('The council has referred to the ruling as "gamesmanship" and a "stunt".', ["gamesmanship", "stunt"]),
    ('The minister dismissed the report as "absurd." Her aides agreed.', ["absurd."]),
    ('Smith described the plan as "a disaster".', ["a disaster"]),
])
def test_quoted_object_of_as_is_direct(lang, text, quotes):
    assert found(lang, text) == [("direct", q) for q in quotes]


def test_quoted_word_inside_an_as_phrase_stays_mixed(lang):
    assert found(lang, 'Smith described the plan as a "disaster" for the city\'s budget and its schools.') == [
        ("mixed", 'the plan as a "disaster" for the city\'s budget and its schools')]


# -- a reported clause ends before another frame whose subject is a plain noun phrase ----------
@pytest.mark.parametrize("text, clauses", [
    ("In the survey, 38 percent said the bridge should be rebuilt, while 60 percent said it should be closed.",
     ["the bridge should be rebuilt", "it should be closed"]),
    ("While the mayor claimed that the cameras exist, outside engineers affirm that it is unlikely.",
     ["the cameras exist", "it is unlikely"]),
])
def test_clause_ends_before_a_noun_phrase_frame(lang, text, clauses):
    assert found(lang, text) == [("indirect", c) for c in clauses]


def test_according_to_keeps_the_frame_after_its_comma(lang):
    quotes = found(lang, "According to a new survey, 44 percent of residents said they would use the ferry.")
    assert ("indirect", "44 percent of residents said they would use the ferry") in quotes


@pytest.mark.parametrize("text, first", [
    ('The judge wrote that the wording, timing and scope of the order showed it to be "a punishment in disguise."',
     'the wording, timing and scope of the order showed it to be "a punishment in disguise."'),
    ('She went on to say that, because the auditor reported that the accounts were "in order," the fund is also safe from the cuts.',
     'because the auditor reported that the accounts were "in order," the fund is also safe from the cuts'),
])
def test_no_noun_phrase_frame_inside_a_list_or_after_a_subordinator(lang, text, first):
    assert found(lang, text)[0] == ("mixed", first)


# -- a that-clause after an aside set off by dashes or commas right after the verb ----------------
@pytest.mark.parametrize("text, clause", [
    ("The spokesman said — in a radio interview, as it turned out — that the bridge would reopen in May.",
     "the bridge would reopen in May"),
    ("In her speech, the mayor argued firmly - turning to the council and its chair several times - that it had failed the city.",
     "it had failed the city"),
    ("The coach said, twice, that the team would train on Sunday morning.",
     "the team would train on Sunday morning"),
])
def test_that_clause_after_an_aside(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


# -- an inverted frame after a closing mark ends the clause before it ---------------------------
@pytest.mark.parametrize("opening", ["Surveys show that", "Few deny that"])
def test_inverted_frame_after_a_closing_mark_ends_the_clause(lang, opening):
    text = opening + ' "voters are tired of the long campaign," said Ana Ruiz, a pollster at a university.'
    assert found(lang, text) == [("direct", "voters are tired of the long campaign,")]


# -- a cue after a quoted fragment inside its subject -----------------------------------------------
# (train: 'Humphrey, who calls Trump a "sociopath," said he ...', 'Joe Scarborough, host of "Morning
# Joe," suggested ...', 'Ann Selzer is happy to be Iowa's "silver standard," says she ...')
@pytest.mark.parametrize("text, clause", [
    ('Ana Ruiz, who calls the mayor a "crook," said he had lost the trust of the city.',
     "he had lost the trust of the city"),
    ('Tomas Velk, host of the radio show "Morning Talk," suggested business owner Ana Ruiz\'s refusal to pay could cost her the vote.',
     "business owner Ana Ruiz's refusal to pay could cost her the vote"),
])
def test_clause_after_a_quoted_fragment_in_the_subject(lang, text, clause):
    assert ("indirect", clause) in found(lang, text)


@pytest.mark.parametrize("text", [
    '"We will rebuild the bridge," said Ana Ruiz, a lawyer who ran the campaign.',
    '"We will rebuild the bridge," said the mayor, who ran the campaign.',
])
def test_no_clause_after_an_inverted_frame(lang, text):
    assert [k for k, _ in found(lang, text)] == ["direct"]


# -- a cue noun's infinitive and its owner -------------------------------------------------------
# (train: "his promise to build a wall", "Trump's claim to understand ...", "a previous pledge to
# remain neutral", "his contention that ...": 12 gold quotations)
@pytest.mark.parametrize("text, clause", [
    ("His attacks on the council and his promise to build a new bridge over the river were popular.",
     "to build a new bridge over the river"),
    ("Ruiz mocked Velk's claim to understand the working class.", "to understand the working class"),
    ("The mayor declined to say whether she would honor a previous pledge to remain neutral in the dispute.",
     "to remain neutral in the dispute"),
    ("Velk is not alone in his contention that the tax had hurt the port.", "the tax had hurt the port"),
])
def test_cue_noun_reports_its_infinitive(lang, text, clause):
    assert ("indirect", clause) in found(lang, text)


def test_a_cue_verb_keeps_its_own_infinitive(lang):
    # the verb "promise" reports its infinitive by its own frame, once
    assert found(lang, "Applicants must promise to furnish a deposit before the draw.") == []


# -- "call to" + infinitive (train: eight PolNeAR gold quotations, "Trump called to ban ...",
# "his recent call to ban ...", "her call to admit ...", "its calls to delay ..."; invented sentences)
@pytest.mark.parametrize("text, span", [
    ("Last week the senator called to close the northern border crossing.", "to close the northern border crossing"),
    ("The union ignored her call to end the strike before the holiday.", "to end the strike before the holiday"),
])
def test_call_to_infinitive_is_reported(lang, text, span):
    assert ("indirect", span) in _found_kind_span(lang, text)


@pytest.mark.parametrize("text", [
    "Three residents were called to testify before the committee on Monday.",
    "He held a long conference call to discuss the merger with investors.",
    "The flood was a call to action for the whole region.",
])
def test_call_to_without_a_speaker_reports_nothing(lang, text):
    assert [k for k, _ in _found_kind_span(lang, text)] == []


def _found_kind_span(lang, text: str) -> list[tuple[str, str]]:
    from stance.quotations.cues import find_cues
    from stance.quotations.finder import find_quotations
    from stance.text.view import build_view, make_doc

    view = build_view(make_doc(lang, text))
    return [(q.kind, text[q.start:q.end]) for q in find_quotations(view, find_cues(view))]


# -- a noun-ish present form closing an inverted frame (train: five PolNeAR gold quotations,
# "..., O'Keefe notes.", "..., a USA TODAY analysis shows.", "..., <name> reports."; invented sentences)
@pytest.mark.parametrize("text, span", [
    ("The harbour will reopen on Friday, the Narvia Herald reports.", "The harbour will reopen on Friday"),
    ("Ferry traffic fell by a third last year, a port authority analysis shows.", "Ferry traffic fell by a third last year"),
    ("The mayor has never lost an election in the city, Ana Ruiz notes.", "The mayor has never lost an election in the city"),
])
def test_noun_ish_form_closing_an_inverted_frame_is_a_cue(lang, text, span):
    assert ("indirect", span) in _found_kind_span(lang, text)


@pytest.mark.parametrize("text", [
    "Few officials spoke up, rather than publicly challenging the mayor's claims.",
    "The council discussed the budget, the harbour and the new reports.",
])
def test_noun_ish_form_at_sentence_end_stays_a_noun(lang, text):
    assert _found_kind_span(lang, text) == []


# -- a subordinate clause's report ends where the main clause opens with a frame of its own
# (train: PolNeAR "While 28% say they are undecided, 27 percent of those who named a candidate
# said ...", "While the inspector general found ..., Clinton's campaign contended that ..."; +4
# matched, -2 spurious; invented sentences)
@pytest.mark.parametrize("text, first, second", [
    ("While 30 percent say they will vote early, 41 percent of the voters said they would wait.",
     "they will vote early", "they would wait"),
    ("While the auditor found the port lost money, the harbour board insisted that the books were sound.",
     "the port lost money", "the books were sound"),
])
def test_subordinate_report_ends_before_the_main_frame(lang, text, first, second):
    quotes = _found_kind_span(lang, text)
    assert ("indirect", first) in quotes and ("indirect", second) in quotes


# -- "that" before a noun of time a few words after the verb is a demonstrative (train: two
# Wikinews spurious quotations, "asked Trump about it that same day", "a statement saying an attack
# that day on ..."; invented sentences)
def test_that_before_a_time_noun_is_no_complementizer(lang):
    assert _found_kind_span(lang, "Reporters asked the mayor about the fire that same day, but she declined to comment.") == []
    assert ("indirect", "a fire that day on the pier caused no injuries") in _found_kind_span(
        lang, "The port issued a statement saying a fire that day on the pier caused no injuries.")


def test_that_right_after_the_verb_stays_a_complementizer(lang):
    assert ("indirect", "time off was rare for the crews") in _found_kind_span(
        lang, "The dockers agreed that time off was rare for the crews.")


# -- inverted frames whose source is a common noun, and one entry per span ----------------------
@pytest.mark.parametrize("text, clause", [
    ("The new tax is unfair to farmers, said critics.", "The new tax is unfair to farmers"),
    ("The bridge will reopen next month, said several engineers.", "The bridge will reopen next month"),
    ("The talks had stalled over the border, said two officials familiar with the matter.",
     "The talks had stalled over the border"),
    ("The council had ignored the warnings, wrote columnist Ana Ruiz in a blog post.",
     "The council had ignored the warnings"),
    # a relative clause on the speaker, longer than the frame's usual reach
    ("The mayor warned the chief of police about the plan, said an aide who was briefed on the meeting and "
     "spoke on condition of anonymity.", "The mayor warned the chief of police about the plan"),
])
def test_inverted_frame_with_a_common_noun_source(lang, text, clause):
    assert ("indirect", clause) in found(lang, text)


def test_no_inverted_frame_without_a_source(lang):
    assert found(lang, "The vote was delayed again, said repeatedly.") == []


def test_two_cues_of_one_clause_make_one_quotation(lang):
    text = "The firm said in a statement on Tuesday that it would appeal the ruling."
    spans = found(lang, text)
    assert spans.count(("indirect", "it would appeal the ruling")) == 1


# -- a reporting verb's infinitive after an aspect, attempt or manner word ----------------------
@pytest.mark.parametrize("text, clause", [
    ("The mayor was quick to add that the new bridge would open in May.", "the new bridge would open in May"),
    ("Opponents continue to warn that the tax will drive farmers away.", "the tax will drive farmers away"),
    ("The coach went on to explain that two players had been injured.", "two players had been injured"),
    ("The council tried to remind residents that the water was safe.", "the water was safe"),
    ("She used to boast that her team had never lost a match.", "her team had never lost a match"),
])
def test_reporting_infinitive_after_aspect_or_manner(lang, text, clause):
    assert ("indirect", clause) in found(lang, text)


@pytest.mark.parametrize("text", [
    "It is important to note that the figures are provisional.",
    "The minister refused to admit that the plan had failed.",
    "Analysts expect the bank to announce that rates will rise.",
])
def test_no_report_in_other_infinitives(lang, text):
    assert found(lang, text) == []


def test_made_it_clear_reports_its_clause(lang):
    text = "The governor made it clear that the budget would not be cut."
    assert found(lang, text) == [("indirect", "the budget would not be cut")]


# -- a cue noun's agent before its content clause -----------------------------------------------
@pytest.mark.parametrize("text, clause", [
    ("The council rejected claims by local farmers that the dam had dried up their wells.",
     "the dam had dried up their wells"),
    ("The biggest surprise was an allegation from his former partner, Ana Roe, that the firm had hidden its debts.",
     "the firm had hidden its debts"),
])
def test_cue_noun_with_an_agent_before_that(lang, text, clause):
    assert ("indirect", clause) in found(lang, text)


@pytest.mark.parametrize("text", [
    "The senator faced attacks from his rivals -- so much so that he cancelled the debate.",
    "The statement by the ministry that was released on Monday said nothing new.",
])
def test_no_content_clause_after_an_agent(lang, text):
    assert found(lang, text) == []


def test_the_agent_of_a_cue_noun_speaks(nlp):
    a = nlp("The mayor dismissed an allegation from his former partner, Ana Roe, that the firm had hidden its debts.")
    q = [q for q in a.to_dict()["quotes"] if q["quote"]["text"] == "the firm had hidden its debts"]
    assert q and q[0]["speaker"]["name"] == "Ana Roe"


# -- the rest after an inverted parenthetical frame ----------------------------------------------
@pytest.mark.parametrize("text, rest", [
    ("The old bridge was never safe, said Ana Roe, but the new one will last a century.",
     "the new one will last a century"),
    ("Rather than raising the fee again, said Ana Roe, head of the water board, the city wants the leaks fixed.",
     "the city wants the leaks fixed"),
])
def test_rest_after_an_inverted_parenthetical_frame(lang, text, rest):
    assert ("indirect", rest) in found(lang, text)


@pytest.mark.parametrize("text", [
    "The plan will fail, said Ana Roe, an economist who has written two books on the subject.",
    "The plan will fail, said Ana Roe, adding that the talks would go on.",
])
def test_no_rest_after_an_appositive_or_a_participle(lang, text):
    spans = [s for _, s in found(lang, text)]
    assert not any(s.startswith(("an economist", "adding")) for s in spans)


def test_the_inverted_speaker_speaks_the_rest(nlp):
    a = nlp("The council never trusted the mayor, said Ana Roe, but the voters still do.")
    q = [q for q in a.to_dict()["quotes"] if q["quote"]["text"] == "the voters still do"]
    assert q and q[0]["speaker"]["name"] == "Ana Roe"


def test_noticed_that_reports_its_clause(lang):
    assert found(lang, "The anchor noticed that none of the networks had cut away.") == [
        ("indirect", "none of the networks had cut away")]
    assert found(lang, "He noticed the car in the driveway.") == []


@pytest.mark.parametrize("text, clause", [
    ("Rising prices of seeds worry the farmers most, said Ana Roe.", "Rising prices of seeds worry the farmers most"),
    ("The new mayor still lacks a majority on the council, said John Doe.", "The new mayor still lacks a majority on the council"),
])
def test_inverted_frame_after_a_plain_present_verb(lang, text, clause):
    assert found(lang, text) == [("indirect", clause)]


def test_that_clause_after_a_comma(lang):
    assert ("indirect", "the hearing would be delayed") in found(lang, "The judge added, that the hearing would be delayed.")
    # a result clause of "so", not the content of the frame
    assert not any(s.startswith("if") for _, s in found(
        lang, "The plan is so risky, the minister said, that if it fails the bank will close."))


def test_what_he_called_with_a_two_word_object(lang):
    assert ("indirect", "political correctness") in found(lang, "The senator despises what he calls political correctness.")
    assert found(lang, "The party favors what are called progressive taxes.") == []


@pytest.mark.parametrize("text, span", [
    ("The senator has sought to portray his rival as a career politician.", "his rival as a career politician"),
    ("The mayor continued to characterize the strike as illegal and reckless.", "the strike as illegal and reckless"),
])
def test_describing_infinitive_after_an_attempt_or_aspect(lang, text, span):
    assert ("indirect", span) in found(lang, text)


@pytest.mark.parametrize("text, charge", [
    ("Critics have long faulted the mayor for once backing the stadium deal.", "once backing the stadium deal"),
    ("The governor accused Ana Roe, the head of the union, of misleading the members.", "misleading the members"),
])
def test_accusing_verb_with_an_adverb_or_an_appositive(lang, text, charge):
    assert ("indirect", charge) in found(lang, text)


def test_a_passive_asking_verb_without_its_asker_reports_nothing(lang):
    assert found(lang, "Residents of the valley were asked to boil their water for a week.") == []
    assert ("indirect", "to keep the records by the committee") in found(
        lang, "The clerk had been asked to keep the records by the committee.")


@pytest.mark.parametrize("text, clause", [
    ("Exit polling shows the governor won most voters under 30.", "the governor won most voters under 30"),
    ("Investigators looking into that fire have determined the wiring was faulty.", "the wiring was faulty"),
])
def test_finding_verb_after_a_bare_or_demonstrative_noun(lang, text, clause):
    assert ("indirect", clause) in found(lang, text)


def test_finding_noun_is_no_cue(lang):
    assert found(lang, "A strong showing in the state could push the other candidates out of the race.") == []


def test_credit_with_reports_its_gerund(lang):
    assert ("indirect", "saving the club from bankruptcy") in found(
        lang, "The fans credited the new owner with saving the club from bankruptcy.")
    assert found(lang, "He is also credited with founding the club.") == []
