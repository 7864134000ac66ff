"""Speakers of quotations in the layouts of American political news (issue 15, PolNeAR source
accuracy), on invented sentences."""

from __future__ import annotations

import pytest

import stance
from stance.text.view import BlankEnglish, build_view, make_doc
from tests.conftest import speaker_of


@pytest.fixture(scope="module")
def nlp():
    return stance.load(stance_model=False)


def _sentences(text: str) -> list[list[str]]:
    view = build_view(make_doc(BlankEnglish(), text))
    return [view.words[a:b] for a, b in (view.sent_bounds(s) for s in range(len(view.sent_starts)))]


# -- a straight quotation mark opening a sentence belongs to it ------------------------------------
@pytest.mark.parametrize("mark", ['"', "''"])
def test_opening_straight_mark_starts_the_next_sentence(mark):
    close = mark
    text = f"The council met on Monday. {mark}We will not back down,{close} Dana Velk said. He left."
    sents = _sentences(text)
    assert sents[0][-1] == "."
    assert sents[1][:2] == [mark, "We"]
    assert all(len(s) > 1 for s in sents)


def test_closing_straight_mark_ends_its_sentence():
    sents = _sentences('He said "no." Then he left.')
    assert sents == [["He", "said", '"', "no", ".", '"'], ["Then", "he", "left", "."]]


@pytest.mark.parametrize("mark", ['"', "''"])
def test_speaker_with_an_appositive_after_a_quotation_opening_a_sentence(nlp, mark):
    text = (f"The council met on Monday. {mark}We will not back down on the budget,{mark} Dana Velk, "
            f"the mayor's deputy chief of staff, said Sunday. {mark}The vote is final.{mark}")
    sp = speaker_of(nlp, text, "We will not back down")
    assert sp is not None and sp.name == "Dana Velk"


# -- a short phrase beside a quotation whose head no lexicon knows ---------------------------------
@pytest.mark.parametrize(
    "text, part, mention",
    [
        ("The rally ended late. “Send them home!” the crowd yelled.", "Send them home", "the crowd"),
        ("Dana Velk spoke for ten minutes. “He is a fine leader,” said the 52-year-old. “Now he will work.”",
         "fine leader", "the 52-year-old"),
        ("Readers reacted at once. “They will find a way to spoil it,” wrote one commenter.", "spoil it",
         "one commenter"),
        ("“Will there be a vote?” a reporter can be heard asking Velk after the event.", "a vote", "a reporter"),
        ("“The plan failed,” the billionaire real estate mogul told the Narvia Herald.", "plan failed",
         "the billionaire real estate mogul"),
    ],
)
def test_phrase_beside_a_quotation_speaks(nlp, text, part, mention):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.mention.text == mention


def test_no_phrase_speaker_for_a_clause_after_a_quotation(nlp):
    # a verb inside the words after the quotation: no phrase, the named speaker stays
    text = "“The plan failed,” Dana Velk said, and the council agreed."
    sp = speaker_of(nlp, text, "plan failed")
    assert sp is not None and sp.name == "Dana Velk"


# -- coordinated verbs: the subject of the first verb speaks ---------------------------------------
@pytest.mark.parametrize(
    "text, part, name",
    [
        ("Ostrov denounced Marrow's remarks as “hurtful and humiliating” and warned that a Marrow government "
         "would hurt the region.", "hurtful", "Ostrov"),
        ("Speaking on the radio on Monday, Mr. Orlan called the bank's chief executive, Tomas Velk, “incredibly "
         "driven” and asserted that things were being resolved.", "incredibly", "Orlan"),
        ("In April, Marrow called Narvia Motor's plans to open a plant in Ostia “an absolute disgrace,” and "
         "threatened to impose a tax on imported cars.", "absolute disgrace", "Marrow"),
    ],
)
def test_subject_of_coordinated_verbs_speaks(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


# -- documents that say: the phrase naming the document is the speaker's mention --------------------
@pytest.mark.parametrize(
    "text, part, mention",
    [
        ("Velk's campaign sent supporters a fundraising email on Friday. “I can beat her. Marrow can't,” "
         "the email read.", "I can beat her", "the email"),
        ("Ostrov lifted a sign of her own. “I am still with Velk,” it read.", "still with", "it"),
        ("The suit was filed in May in Narvia. “The plaintiff was the only one reprimanded,” the suit says.",
         "only one reprimanded", "the suit"),
        ("The embassy sent a cable in July. The cable indicated that 13 guards would be the “minimum” needed "
         "for the mission.", "13 guards", "The cable"),
    ],
)
def test_document_phrase_speaks(nlp, text, part, mention):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.mention.text == mention


# -- "according to X" right beside a quotation in marks is its cue ---------------------------------
@pytest.mark.parametrize(
    "text, part, name",
    [
        ("The group released the files on Monday. “The files show the ministry kept records on every senator,” "
         "according to Narvia Watch.", "files show", "Narvia Watch"),
        ("The reporter declined to comment. According to the Ostia Courier, “Velk also met the minister twice "
         "in May.”", "met the minister", "Ostia Courier"),
    ],
)
def test_according_to_beside_a_quotation(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


# -- an abbreviated US state after a city is a place, never a speaker ------------------------------
def test_abbreviated_state_and_its_city_are_places():
    from stance.text.entity_types import guess_type

    assert guess_type(["Mich."], ",", [",", "said"], False).type == "place"
    assert guess_type(["Ostwick"], "of", [",", "Mich."], False).type == "place"


@pytest.mark.parametrize(
    "text, part, name",
    [
        ("The crowd grew all day. Dana Velk, 22, of Ostwick, Mich., said she had not given up hope that the "
         "party could change course.", "the party could", "Dana Velk"),
        ("At a rally in Portsmouth, N.H., on Tuesday, Senator Ilse Marrow endorsed the governor, saying that "
         "her former rival would ''make an outstanding president.''", "outstanding", "Ilse Marrow"),
    ],
)
def test_place_after_a_city_is_no_speaker(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


# -- introductory "Here in X," and a participle phrase between the speaker and the cue ------------
@pytest.mark.parametrize(
    "text, part, name",
    [
        ("Here in Ostwick, Velk stepped up his attacks on the board, saying, “We have got to end this "
         "waste now.”", "end this waste", "Velk"),
        ("Another intelligence source speaking to the Narvia Herald said, “The agents are looking at every "
         "donation.”", "every donation", "Another intelligence source"),
    ],
)
def test_speaker_past_an_intro_and_a_participle_phrase(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


@pytest.mark.parametrize(
    "text, part, mention",
    [
        ("Six candidates spoke at the forum. Several said they would rather give the money to the towns.",
         "rather give", "Several"),
        ("“She could barely bend over,” one man wrote. Another commenter said, “We all know how she feels "
         "about the police.”", "how she feels", "Another commenter"),
        ("Voters were asked about the economy; most said they were “very worried” about jobs.",
         "very worried", "most"),
    ],
)
def test_phrase_opening_its_clause_speaks(nlp, text, part, mention):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.mention.text == mention


def test_no_phrase_speaker_holding_a_second_phrase(nlp):
    from stance.speakers.candidates import phrase_beside_quote
    from stance.text.view import BlankEnglish, build_view, make_doc

    view = build_view(make_doc(BlankEnglish(), "The town released a statement saying no."))
    assert phrase_beside_quote(view, 0, 5) is None  # "The town released a statement"
    assert phrase_beside_quote(view, 0, 2) == (0, 2, "nominal")  # "The town"


# -- a surname the gazetteer reads as a demonym or a place, beside a reporting verb ------------------
@pytest.mark.parametrize("text", [
    'Dana Cuban runs a bakery in Ohio. "Prices went up twice this year," Cuban said.',
    'Dana Cuban runs a bakery in Ohio. "Prices went up twice this year," said Cuban, who opened it in 2009.',
    'Lena Warren runs a bakery in Ohio. "Prices went up twice this year," Warren said.',
])
def test_surname_that_is_a_demonym_or_place_speaks(nlp, text):
    sp = speaker_of(nlp, text, "Prices went up")
    assert sp is not None and sp.type == "person" and sp.name in ("Dana Cuban", "Lena Warren")


def test_demonym_stays_a_demonym_without_a_person_of_that_surname(nlp):
    from stance.text.mentions import MentionIndex
    doc = nlp.make_doc('The talks stalled. "Prices went up twice this year," Cuban said.')
    mi = MentionIndex(build_view(doc))
    assert [m.type for m in mi.names if m.text == "Cuban"] == ["demonym"]


def test_demonym_before_a_noun_is_no_person(nlp):
    from stance.text.mentions import MentionIndex
    doc = nlp.make_doc('Dana Cuban runs a bakery. Cuban officials said the talks stalled.')
    mi = MentionIndex(build_view(doc))
    assert [m.type for m in mi.names if m.text == "Cuban"] == ["demonym"]


# -- a digest item's source line: "HEADLINE - Name: “...”" -----------------------------------------
@pytest.mark.parametrize("text,part,name", [
    ('FARM VOTES SHIFT TOWARD THE CHALLENGER - Dana Pollard: “Two weeks ago the rural counties were solid '
     'for the governor.” [Daily Courier.]', "Two weeks ago", "Dana Pollard"),
    ('Dana Pollard covers farming. WHY THE POLLS MISSED - More from Pollard: “The final surveys ended too '
     'early to see the late shift.” [Daily Courier.]', "The final surveys", "Dana Pollard"),
    ('RURAL TURNOUT - Dana Pollard and Jim Roe: “The rural turnout was the highest in a decade.”',
     "rural turnout", "Jim Roe"),
])
def test_name_after_a_digest_dash_speaks(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


# -- a surname that is an ordinary word, opening a sentence ----------------------------------------
@pytest.mark.parametrize("text,part,name", [
    ('Dana King, a tennis player, spoke at the event. She played in the 1960s. '
     'King says the boxer "talked the talk and walked the walk."', "talked the talk", "Dana King"),
    ('Tom Small worked at the casino for years. He lost a small fortune. Small, who attended the rally '
     'on Wednesday, said that "the owner took advantage of the little people."', "the owner took", "Tom Small"),
])
def test_sentence_initial_surname_that_is_a_word_speaks(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


def test_sentence_initial_word_without_such_a_surname_is_no_name(nlp):
    from stance.text.mentions import MentionIndex
    doc = nlp.make_doc('He lost a small fortune. Small, local shops said "the rent is too high."')
    assert not [m for m in MentionIndex(build_view(doc)).names if m.text == "Small"]


# -- "pointed out" may be a quotation's cue -------------------------------------------------------
@pytest.mark.parametrize("text,part,name", [
    ('The firm lost money. "The shares have not done well," Dana Roe pointed out.', "The shares", "Dana Roe"),
    ('Nobody has seen the papers. But as Dana Roe pointed out, "the mayor has never released a full budget."',
     "the mayor has never", "Dana Roe"),
])
def test_pointed_out_is_a_quotations_cue(nlp, text, part, name):
    qs = [q for q in nlp(text).quotes if part in q.quote.text]
    assert len(qs) == 1 and qs[0].cue is not None and qs[0].cue.text == "pointed out"
    assert qs[0].speaker is not None and qs[0].speaker.name == name


# -- a subordinate clause running up to an inverted cue ------------------------------------------
@pytest.mark.parametrize("text,part,name", [
    ('Because of how the party drew up the primary calendar, explained Dana Rosen, “with this thing over '
     'by March it is hard to see how she gets airtime.”', "with this thing", "Dana Rosen"),
    ('Unless further rivals quit the race at once, warned Tom Lee, “the front-runner will win every state.”',
     "the front-runner", "Tom Lee"),
])
def test_speaker_after_an_inverted_cue_not_the_subordinate_subject(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


def test_cue_inside_a_subordinate_clause_keeps_its_subject(nlp):
    text = 'Tom Lee met Dana Roe. While Roe has said she backs the plan, Lee "will not sign it."'
    qs = [q for q in nlp(text).quotes if "backs the plan" in q.quote.text]
    assert qs and qs[0].speaker is not None and qs[0].speaker.name == "Dana Roe"


@pytest.mark.parametrize("word", ["Despite", "Amid"])
def test_sentence_opening_preposition_is_no_name(nlp, word):
    from stance.text.mentions import MentionIndex
    doc = nlp.make_doc(f"Tom Lee spoke. {word} Dana Roe's claims, the board voted against the plan.")
    names = [m.text for m in MentionIndex(build_view(doc)).names]
    assert not any(n.startswith(word) for n in names) and any("Dana Roe" in n for n in names)


# -- royalty and clergy head a speaker's phrase ----------------------------------------------------
@pytest.mark.parametrize("noun", ["prince", "pastor", "rabbi", "queen"])
def test_royal_or_religious_noun_heads_the_speaker(nlp, noun):
    text = f"Tom Lee runs a hotel. In December, the {noun} called for Lee to drop out of the race."
    sp = speaker_of(nlp, text, "drop out")
    assert sp is not None and sp.name.lower().endswith(noun)


# -- a time phrase with an article between the subject and its cue ---------------------------------
@pytest.mark.parametrize("text,part,name", [
    ('A nurses group backs Dana Roe. It has grown so visible that Roe during a Sunday thanked its members '
     '"for their help in my race."', "for their help", "Dana Roe"),
    ('The union endorsed Tom Lee. It is now so loud that Lee on the Monday told its members '
     '"you carried this campaign."', "you carried", "Tom Lee"),
])
def test_time_phrase_with_an_article_before_the_cue(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


# -- a mixed quotation before a speaker with an appositive -----------------------------------------
def test_mixed_quotation_ends_at_its_mark_before_a_speaker_with_an_appositive(nlp):
    text = ("The race is close.\n\nLee “is reaching something deep inside the party, which is anger at the "
            "system,” Dana Roe, a Lee supporter, told the Daily Courier.")
    qs = [q for q in nlp(text).quotes if "reaching something" in q.quote.text]
    assert len(qs) == 1 and qs[0].quote.text.endswith("system,”")
    assert qs[0].speaker is not None and qs[0].speaker.name == "Dana Roe"


# -- "who" closing a described appositive ----------------------------------------------------------
def test_who_after_a_described_appositive_is_the_named_person(nlp):
    text = ('"Do these voters read the news?" said Bo Lind, a state delegate and party donor who has '
            'accused Roe voters of harassing his staff. "I blame Roe for this."')
    qs = [q for q in nlp(text).quotes if "harassing" in q.quote.text or "I blame" in q.quote.text]
    assert len(qs) == 2 and all(q.speaker is not None and q.speaker.name == "Bo Lind" for q in qs)


# -- another speaker's frame ends a reported clause ------------------------------------------------
@pytest.mark.parametrize("text, part, name", [
    ("As for the analysts who claim to find Lind more palatable than Roe, Velk said, “I just think "
     "they have not studied her record.”", "I just think", "Velk"),
    ("Asked why the agency ignored the council's demand that the report include specific sites, "
     "Dana Velk responded, “I think you have found another example of dysfunction.”", "I think you", "Dana Velk"),
    ("Senators who agree that the camp should be closed were irritated about the lack of detail, "
     "with Sen. Bo Lind calling it a “Chinese menu.”", "Chinese menu", "Bo Lind"),
    ('After Lind said that some students might do better at "smaller schools," Velk said: "I don\'t like '
     'what he said, no."', "I don't like", "Velk"),
])
def test_another_speakers_frame_ends_a_reported_clause(nlp, text, part, name):
    """A reported clause stops before ', NAME said, “...', ', with NAME calling ...' or after the
    mark closing before a frame '“...,” NAME said': the quotation in marks after it is that
    speaker's own (PolNeAR train: 4 cases)."""
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name
    assert all(part not in q.quote.text or q.kind == "direct" for q in nlp(text).quotes)


# -- a quotation after its own paragraph's sentence ------------------------------------------------
@pytest.mark.parametrize("text, part, name", [
    ('"It is time for low-wage workers to organize," Dana Lind said on Monday.\n\n'
     'Mara Roe touted her credentials as an original co-sponsor of the bill. "We need to find ways to '
     'support workers that want a union."', "We need", "Mara Roe"),
    ('"The filibuster was a disgrace," the company wrote on Tuesday.\n\n'
     'On the other side, Sen. Bo Velk, a candidate for president, tweeted a warning. "Missouri: '
     'remember the senators who filibustered for 30 hours."', "Missouri", "Bo Velk"),
])
def test_a_quotation_after_its_own_paragraphs_sentence(nlp, text, part, name):
    """A cueless quotation opening its paragraph's quotations after a sentence of that paragraph
    is that sentence's subject's, not the speaker of the paragraph before (PolNeAR train: 5 cases)."""
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


# -- a cue before a long adverbial and the quotation after its comma --------------------------------
@pytest.mark.parametrize("text, name", [
    ("Sen. Dana Velk, R-Wis., said in an op-ed piece before a 2014 Senate Benghazi hearing, “The "
     "department not only failed to honor repeated requests for more security.”", "Dana Velk"),
    ("Then there was the radio host Bo Lind, who lamented in an interview with the Business Insider "
     "politics editor Mara Roe, ''We have spent 20 years demonizing the media.''", "Bo Lind"),
])
def test_a_cue_before_a_long_adverbial_introduces_the_quotation(nlp, text, name):
    """A cue more than 12 tokens before the quotation still introduces it when only adverbials
    stand between them and a comma or colon ends the frame (PolNeAR train: 2 cases)."""
    sp = speaker_of(nlp, text, "We" if "''" in text else "department")
    assert sp is not None and sp.name == name


# -- a cue after a quotation's full stop that frames its own content ---------------------------------
@pytest.mark.parametrize("text, part, name", [
    ("''We are refugees,'' Ms. Dana Lind said. ''We are not terrorists.'' Mr. Bo Velk said: ''The attack "
     "that happened today is the work of criminals.''", "not terrorists", "Dana Lind"),
    ('"It is a very sad development," Mara Roe told reporters in Milwaukee. "This is the consequence of the '
     'culture of the campaign." Ohio Gov. Bo Velk said he would have fired the manager.', "consequence", "Mara Roe"),
    ('The nominee caused howls of outrage.\n\n"Russia, if you are listening, find the emails that are missing." '
     'Bo Velk said.', "Russia", "Bo Velk"),
])
def test_a_cue_framing_its_own_content_is_no_cue_of_the_sentence_before(nlp, text, part, name):
    """A quotation ending in a full stop takes a cue that opens the next sentence only when that
    attribution is bare ('..." Velk said.'); one that goes on to its own clause, colon or quotation
    belongs to another quotation (PolNeAR train: 6 fixed, 2 lost)."""
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


# -- a subordinate clause opening the sentence ends where the main clause begins -------------------
@pytest.mark.parametrize("text, part, name", [
    ("After Lind argued that the program should not be cut but propped up with money saved abroad, "
     "Velk said only that his “numbers don’t add up.”", "numbers", "Velk"),
    ("When Lind suggested that Cuba would sue the country for reneging on the deal, Velk fired back "
     "forcefully: “If they sue us in a court in Miami, they are going to lose.”", "they are going", "Velk"),
])
def test_a_clause_in_an_opening_subordinate_clause_ends_at_the_main_clause(nlp, text, part, name):
    """A cue inside a sentence's opening subordinate clause reports only up to the comma where the
    main clause begins (a name and a past-tense verb, or another cue), and a colon there introduces
    the main clause's subject's quotation (PolNeAR train: 4 cases)."""
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


# -- a participle after a closing quotation mark --------------------------------------------------
@pytest.mark.parametrize("text, part, name", [
    ("Dana Velk has hailed Britain’s vote to leave the European Union as “fantastic,” telling reporters "
     "during a visit to Scotland that the country had taken back control.", "fantastic", "Dana Velk"),
    ("On Friday, Bo Lind joined other senators in pouncing on news that the server had handled messages "
     "deemed ''top secret,'' saying in a post on Twitter that it was a disaster.", "top secret", "Bo Lind"),
])
def test_a_participle_after_a_closing_mark_hangs_on_the_clause(nlp, text, part, name):
    """A one-word -ing cue right after a quotation whose comma stands inside its closing mark
    ('“fantastic,” telling reporters') hangs on the clause before it: its subject speaks
    (PolNeAR train: 3 cases)."""
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


@pytest.mark.parametrize("text, part, name", [
    ("Dana Velk also vowed, “We are going to defeat the barbarians and we are going to defeat them fast,” "
     "referring to the Islamic State.", "barbarians", "Dana Velk"),
    ("Bo Lind, who relishes counter-punching at his opponents, was remarkably understated in the first hour, "
     "not once referring to his rivals as ‘Little Marco’ and ‘Lyin’ Ted.’", "Little Marco", "Bo Lind"),
])
def test_a_two_word_participle_cue_hangs_on_the_clause(nlp, text, part, name):
    """A two-word cue opening with an -ing form after a comma (", referring to ...") hangs on the
    clause before it like ", saying": its subject speaks, not the nearest name (PolNeAR train: 2 cases)."""
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


# -- a passive naming cue's agent after its quoted object -------------------------------------------
@pytest.mark.parametrize("text, part, name", [
    ('This feature of the movement has been called "strategic ambiguity" by Dana Velk, a professor at '
     'Loyola University Maryland, and it makes the money impossible to trace.', "strategic ambiguity", "Dana Velk"),
    ("While Republicans have often faced criticism for the lengthy ongoing investigation into the events "
     "surrounding the tragedy — often labeled as a “witch hunt” by Democrats — it seems likely Velk is "
     "correct.", "witch hunt", "Democrats"),  # the party's members, as written (a plural party label)
])
def test_a_passive_agent_after_the_quoted_object(nlp, text, part, name):
    """'called "Y" by X', 'labeled as a "Y" by X': the agent after the quoted object speaks, not the
    subject nor a name before the cue (PolNeAR train: 2 cases)."""
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


# -- a follow-on quotation continues the outer of two nested reports ---------------------------------
def test_a_follow_on_quotation_continues_the_outer_report(nlp):
    """A cueless quotation opening a paragraph after 'X said that for decades some critics had been
    predicting Y, but ...' continues X, not the critics of the report inside X's (PolNeAR train: 2 cases)."""
    text = ("Dana Velk said that for decades some critics had been predicting an impending withdrawal from the "
            "region, but this would not happen.\n\n“That is because this region remains the most consequential "
            "for our own security and prosperity.”")
    sp = speaker_of(nlp, text, "consequential")
    assert sp is not None and sp.name == "Dana Velk"
