"""Choosing each quotation's speaker (issue 15), on invented sentences: the trained ranker's
pipeline and the rules alone."""

from __future__ import annotations

import pytest

import stance
from stance.evaluation.articles import speaker_match
from tests.conftest import speaker_of


@pytest.fixture(scope="module", params=["ranker", "rules"])
def nlp(request):
    return stance.load(stance_model=False, ranker=request.param == "ranker")


# -- "according to X": X is the source ----------------------------------------------------------
@pytest.mark.parametrize(
    "text, start, name",
    [
        ("The storm hit the coast of Narvia on Sunday. According to reports, the storm left 40,000 homes "
         "without power in Port Elm.", "the storm left", "reports"),
        ("Governor Lena Basko visited the flooded town. According to the Narvian Institute of Hydrology and "
         "Soils, the river rose by two metres overnight.", "the river rose",
         "Narvian Institute of Hydrology and Soils"),
        ("The bridge reopened on Monday. According to the Coastal Weather Service in Narvia, the winds will "
         "ease by Friday.", "the winds will", "Coastal Weather Service"),
        ("The mine closed after the flood. According to engineer Tomas Velk, the shaft filled with water "
         "within an hour.", "the shaft filled", "Tomas Velk"),
        ("The ferry sank near the harbour. According to its captain, Ilse Marrow, the engines failed in the "
         "storm.", "the engines failed", "Ilse Marrow"),
        ("Senator Dara Quill dropped out of the race yesterday. According to Quill's critics, the campaign "
         "had run out of money.", "the campaign had", "Quill's critics"),
        ("The painter Oren Falk died last week at 81. His paintings hang in many museums. According to his "
         "publicist, Falk died of heart failure at home.", "Falk died", "Oren Falk's publicist"),
    ],
)
def test_according_to_names_the_source(nlp, text, start, name):
    sp = speaker_of(nlp, text, start)
    assert sp is not None and sp.name == name


def test_according_to_stops_before_a_time_phrase(nlp):
    text = "The driver fled the scene, according to police on Thursday."
    sp = speaker_of(nlp, text, "The driver fled")
    assert sp is not None and sp.name == "police"


# -- ", saying ...": the subject of the clause the participle hangs on ---------------------------
@pytest.mark.parametrize(
    "text, part, name",
    [
        ("Hours later, Mayor Ana Ruiz returned the compliment to Tom Berg, telling reporters that he was a "
         "good man.", "good man", "Ana Ruiz"),
        ("Mayor Ana Ruiz met Governor Lee Park in Dover on Monday, saying that the city would pay for the bridge.",
         "the city would pay", "Ana Ruiz"),
        ("Tom Berg said the plan was sound, adding that the city of Dover would pay for it.",
         "would pay for it", "Tom Berg"),
    ],
)
def test_participle_cue_takes_the_clause_subject(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


# -- the person before "of"/"at" a body, "who", an appositive with a lowercase title ------------
@pytest.mark.parametrize(
    "text, part, name",
    [
        ('Councillor Rosa Lind of the Green Party added, "The vote was a mistake and we will appeal."',
         "The vote was", "Rosa Lind"),
        ('Dr. Omar Tello at Saint Brigid said, "We received twelve patients in one hour."',
         "We received", "Omar Tello"),
        ('The law was drafted by Mira Scholz who said in the chamber, "It ends decades of delay for families."',
         "It ends", "Mira Scholz"),
        ('The report\'s lead author, graduate student Pavel Orlov, said, "We looked at every farm in the valley."',
         "We looked", "Pavel Orlov"),
        ("One farmer, Ida Brenner, on Sunday told the local radio that the harvest had failed completely.",
         "the harvest", "Ida Brenner"),
    ],
)
def test_person_not_the_body_or_description(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


def test_person_before_a_body_and_its_place(nlp):
    text = ('Dr. Lena Kraus of the University of Dover in Kent also said, "The seeds survived the '
            'winter in the soil."')
    sp = speaker_of(nlp, text, "The seeds")
    assert sp is not None and sp.name == "Lena Kraus"


def test_participle_subject_named_in_apposition(nlp):
    text = ("Since then, a senator, Ruth Ambler, has backed the inquiry in public, telling the Dover "
            "Gazette that she was a big fan of oversight.")
    sp = speaker_of(nlp, text, "big fan")
    assert sp is not None and sp.name == "Ruth Ambler"


# -- organisations: an acronym spelled out earlier, "the company" --------------------------------
def test_acronym_speaker_is_the_body_it_stands_for(nlp):
    text = ("The Northern Flood Service issued a warning for the coast on Monday. The NFS predicted that "
            "the river would rise by two metres overnight.")
    sp = speaker_of(nlp, text, "the river would rise")
    assert sp is not None and sp.name == "Northern Flood Service"


def test_the_company_is_the_body_named_before(nlp):
    text = ("Brightwell Toys showed its new puzzle range at the fair in Leeds. Asked about packaging, "
            "the company noted that it had switched to paper boxes last year.")
    sp = speaker_of(nlp, text, "paper boxes")
    assert sp is not None and sp.name == "Brightwell Toys"


# -- he/she: never a place or a title; a surname that is also a given name -----------------------
@pytest.mark.parametrize(
    "text, part, name",
    [
        ("Mayor Tom Berg visited the bird refuge on Kestrel. During his tour of the refuge on Kestrel, he "
         "said that the island must be protected from builders.", "the island must", "Tom Berg"),
        ('Senator Maria Warren questioned the bank chief, Paul Stone, on Tuesday. "This is not right," Warren '
         'said. "You squeezed the workers to the breaking point," she said.', "You squeezed", "Maria Warren"),
    ],
)
def test_pronoun_is_a_person(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


def test_titles_and_body_names_are_no_antecedents(nlp):
    from stance.speakers.pronouns import not_a_person
    from stance.text.mentions import MentionIndex
    from stance.text.view import build_view

    text = ("Ann Vale wrote a memoir entitled My Patients. The Commission on Coastal Works praised Tom "
            "Berg. Tom Berg thanked it.")
    view = build_view(nlp.make_doc(text))
    mentions = MentionIndex(view)
    by_text = {m.text: m for m in mentions.names}
    assert not_a_person(view, mentions, by_text["My Patients"])
    assert not_a_person(view, mentions, by_text["Coastal Works"])
    assert not not_a_person(view, mentions, by_text["Ann Vale"])
    assert not not_a_person(view, mentions, by_text["Tom Berg"])


# -- a follow-on quotation's mention is the one in its own sentence --------------------------------
@pytest.mark.parametrize("who", ["Berg", "he"])
def test_inherited_speaker_mention_is_local(nlp, who):
    text = ('Mayor Tom Berg spoke at the harbour on Monday. "The plan is bold and it will work for the whole '
            'city," Berg said. "We will build the new bridge next spring and finish it by winter," '
            f'{who} beamed.')
    sp = speaker_of(nlp, text, "new bridge")
    assert sp is not None and sp.name == "Tom Berg"
    assert sp.mention.start == text.rindex(who) and sp.mention.text == who


def test_pronoun_features_mark_prepositional_objects_and_reporting_subjects(nlp):
    from stance.speakers.pronouns import antecedent_candidates
    from stance.text.mentions import MentionIndex
    from stance.text.view import build_view

    text = ("Paul Hart said he was pardoned by Tom Berg after talks with Sam Vale's lawyers. He left.")
    view = build_view(nlp.make_doc(text))
    he = max(t for t in range(view.n) if view.words[t] == "He")
    feats = {a.mention.text: a.features for a in antecedent_candidates(view, MentionIndex(view), he, [])}
    assert feats["Tom Berg"]["after_prep"] == 1.0 and feats["Tom Berg"]["before_cue"] == 0.0
    assert feats["Paul Hart"]["after_prep"] == 0.0 and feats["Paul Hart"]["before_cue"] == 1.0
    assert feats["Sam Vale"]["after_prep"] == 0.0  # a possessive after "with" is no object of it


# -- coordinated speakers --------------------------------------------------------------------------
def test_coordinated_persons_speak_together(nlp):
    text = ("The two rivals met in Dover on Friday. Ana Ruiz and Tom Berg announced that they would form a "
            "joint committee on housing.")
    sp = speaker_of(nlp, text, "joint committee")
    assert sp is not None and sp.name == "Ana Ruiz and Tom Berg" and sp.type == "person"


def test_a_title_is_no_coordinated_person(nlp):
    text = ("The utility answered the charges on Monday. Dovecorp President and CEO Sam Vale said that the "
            "lines had been checked.")
    sp = speaker_of(nlp, text, "the lines")
    assert sp is not None and sp.name == "Sam Vale"


# -- a quotation a colon introduces ----------------------------------------------------------------
@pytest.mark.parametrize(
    "text, part, name",
    [
        ("Governor Lee Park died on Sunday. Mayor Ana Ruiz released the following statement:\n\n"
         "\u201cLee Park gave his whole life to this city and we will miss him.\u201d", "gave his whole life",
         "Ana Ruiz"),
        ("Tom Berg: \u201cThe new bridge will be finished before the winter comes.\u201d", "new bridge", "Tom Berg"),
    ],
)
def test_colon_introduces_the_speaker(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


def test_a_body_named_by_its_head_noun_is_the_full_body(nlp):
    text = ("The Harbour Department of Transport closed the coast road on Monday. The Department said "
            "that the repairs would take at least a week.")
    sp = speaker_of(nlp, text, "the repairs")
    assert sp is not None and sp.name == "Harbour Department of Transport"


def test_a_headline_run_of_names_is_no_antecedent_of_she():
    """A headline in title case joins two names into one long "person"; "she" must skip it."""
    import stance

    text = ("Jane Porter Goes After Mark Ellis As The New Villain\n\n"
            "Jane Porter spoke in Ohio on Monday. She said the plan would fail.")
    a = stance.load()(text)
    assert [q.speaker.name for q in a.quotes if q.speaker] == ["Jane Porter"]


# -- a document as the speaker: its author (stance/data/document_nouns.txt) -----------------------
@pytest.mark.parametrize(
    "text, part, name",
    [
        ("The Harbour Rowing Federation released a statement on Monday. \"We are deeply saddened by the "
         "news,\" the statement said.", "deeply saddened", "Harbour Rowing Federation"),
        ("The Harbour Rowing Federation released a statement on Monday. The statement said that the club "
         "would close in May.", "the club would", "Harbour Rowing Federation"),
        ("Judge Ann Miller heard the case. Judge Miller's statement said, \"The law is clear on this "
         "question.\"", "The law is clear", "Ann Miller"),
        ("Helena Markov wrote a book in 1990. \"I was never happy there,\" her memoirs say.",
         "never happy", "Helena Markov"),
        # the issuer after a participle and a time phrase, and the document named four sentences before
        ("Progress is evident. A report released in September by the Narvian Academy of Sciences noted "
         "that more migrants own homes. Among parents, only half believe that. In fact, children are better "
         "educated. They find much better jobs. \"Migrants are integrating into society,\" the report "
         "concluded.", "Migrants are integrating", "Narvian Academy of Sciences"),
        # "summary" is a document noun
        ("According to a Narvian Police summary of its inquiry, the mayor sent an email. The clerk did not "
         "delete the files, according to the summary.", "The clerk did not", "Narvian Police"),
    ],
)
def test_a_document_speaks_for_its_author(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


@pytest.mark.parametrize(
    "text, part, name",
    [
        # "according to" a description: the one it stands for, as for any speaker
        ("The Harbour Rowing Federation released a statement on Monday. The club will close in May, according "
         "to the statement.", "The club will", "Harbour Rowing Federation"),
        ("Data from the Varnian Health Institute (VHI) were released on Monday. Cases rose by 40 percent, "
         "according to the VHI data.", "Cases rose", "Varnian Health Institute"),
        ("The Varnian Health Institute (VHI) published its figures on Monday. The VHI data showed that cases "
         "rose by 40 percent.", "cases rose", "Varnian Health Institute"),
    ],
)
def test_a_described_source_after_according_to_is_its_referent(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


def test_records_speak_for_their_keeper(nlp):
    """"records" (document_nouns.txt): "the Navy's records" is the Navy's word."""
    sp = speaker_of(nlp, "The ship sank in 1944, according to the Narvian Navy's records.", "The ship sank")
    assert sp is not None and sp.name == "Narvian Navy"


@pytest.mark.parametrize(
    "text, part, name",
    [
        # a clause word opening the sentence or the phrase is not part of the subject phrase
        ("The plant closed in May. But other advisers to the governor have been urging him to default on "
         "the debt.", "to default on the debt", "other advisers"),
        ("The port wants help from Congress. Yet many officials on the island believe relief is possible only "
         "in court and have been calling on Congress to change the law.", "to change the law", "many officials"),
        ("Ted Roe drew a small crowd in Ames, although his advisers say the numbers will grow.",
         "the numbers will grow", "advisers"),
    ],
)
def test_a_clause_word_opens_no_speaker_phrase(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name.endswith(name)
    assert sp.mention.text.split()[0].lower() not in ("but", "yet", "although")


def test_a_sentence_adverb_does_not_end_the_search_for_a_subject(nlp):
    """"perhaps" opens no noun phrase, but a subject may follow it: "And perhaps, he said, ..." keeps "he"."""
    text = ("The museum opened on Saturday. \"It will help people in Ferguson,'' Mr. Obama said. And perhaps, he "
            "said, it could help a visitor see the efforts of officers who, ''in fits and starts, are trying to do the "
            "right thing.''")
    sp = speaker_of(nlp, text, "in fits and starts")
    assert sp is not None and sp.mention.text == "he"


def test_the_person_of_a_campaign_object_is_no_nearest_candidate():
    """"accuse Clinton's campaign": the campaign is the object, and its person no extra candidate
    for the ranker (the rules alone pick the object here, as they did before the campaign rule)."""
    nlp = stance.load(stance_model=False)
    text = ("Trump spoke in Ohio on Friday. Trump took to Twitter overnight to accuse Clinton’s campaign of being "
            "“duped” by “a con” and encourage Americans to vote.")
    sp = speaker_of(nlp, text, "duped")
    assert sp is not None and sp.name == "Trump"


@pytest.mark.parametrize(
    "text, part, name",
    [
        # an unnamed speaker keeps its quantifier, as the annotation writes it (ANNOTATION.md rule 6)
        ("The plant closed in May. Many workers said the owners had lied to them.", "the owners had lied",
         "Many workers"),
        ("The plant closed in May. Several workers said the owners had lied to them.", "the owners had lied",
         "Several workers"),
        ("The plant closed in May. \"They lied to us,\" said one person with knowledge of the deal.",
         "They lied", "one person"),
    ],
)
def test_an_unnamed_speaker_keeps_its_quantifier(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


@pytest.mark.parametrize(
    "text, part, name",
    [
        # a person's campaign speaks, not the person ("The Sanders campaign", "Ryan's campaign")
        ("Bernie Sanders spoke in Iowa. The Sanders campaign responded Friday, saying the super PAC had taken "
         "money from lobbyists.", "the super PAC", "Sanders campaign"),
        ("Marco Rubio spoke in Iowa. But the Rubio campaign risks underestimating Mr. Trump by dismissing "
         "claims that he can win.", "he can win", "Rubio campaign"),
        ("Paul Ryan spoke in Iowa. Ryan's campaign shrugged off the comments, telling reporters, \"We are "
         "fine.\"", "We are fine", "Ryan's campaign"),
    ],
)
def test_a_persons_campaign_speaks_as_the_campaign(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name and sp.type == "organization"


@pytest.mark.parametrize(
    "text, part, name, mention",
    [
        # a past-tense verb ends the phrase before a cue: the verb's object is no speaker
        ("Bernie Sanders spoke in Iowa on Monday. The Vermont senator emailed supporters saying: \"We will win "
         "this fight.\"", "We will win", "Bernie Sanders", "The Vermont senator"),
        ("Hillary Clinton spoke in Iowa on Monday. Reprising one of her own favorite lines, the former secretary "
         "of state talked about continuing the \"progress we had under President Obama\" and her plans.",
         "progress we had", "Hillary Clinton", "the former secretary"),
        # "another" is a determiner: the phrase stops there, not at the verb before it
        ("The campaign was in trouble. The Post quoted another unnamed GOP official as saying that the team "
         "was weak.", "the team was weak", "another unnamed GOP official", "another unnamed GOP official"),
    ],
)
def test_a_verb_ends_the_phrase_before_a_cue(nlp, text, part, name, mention):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name and sp.mention.text == mention


def test_the_body_noun_finds_a_body_named_far_before(nlp):
    """"the academy" is the academy the first sentence named, however many sentences before."""
    text = ("The Royal Narvian Academy of Arts gave its prize to two painters on Tuesday. The painters live in "
            "Port Elm. They met in 1990. They studied together. Their first show was in 1995. It was a "
            "success. Since then, according to the academy, their work has been shown in 40 countries.")
    sp = speaker_of(nlp, text, "their work has been")
    assert sp is not None and sp.name == "Royal Narvian Academy of Arts"


@pytest.mark.parametrize(
    "text, part, name",
    [
        # a time phrase without a comma before the subject is not part of it
        ("The court ruled against the plan in June. A few days later the ministry said it would appeal the "
         "ruling.", "it would appeal", "ministry"),
        # a compound's head is the noun phrase's end ("conservative groups", not "conservative")
        ("Several conservative groups held a rally on Saturday, claiming the vote was stolen.",
         "the vote was stolen", "Several conservative groups"),
    ],
)
def test_the_subject_phrase_has_its_bounds(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


@pytest.mark.parametrize(
    "text, part, name",
    [
        # lowercase modifiers before the role noun: the person after it speaks, not the description
        ("Cases rose again on Monday. \"The virus is spreading fast,\" said Harbour University public health "
         "expert Mira Tolland.", "virus is spreading", "Mira Tolland"),
        ("The bill passed on Tuesday. The law will be challenged in court, said Republican state "
         "representative Dana Pell.", "The law will", "Dana Pell"),
    ],
)
def test_a_person_after_modified_role_words_speaks(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


@pytest.mark.parametrize(
    "text, part, bad",
    [
        ("Senator Tom Reyes spoke on the radio on Monday. He also promoted a theory suggesting Governor Ann "
         "Bell was involved in the fraud.", "Ann Bell was involved", "Ann Bell"),
        ("The bishop criticised the bill. Calling it a \"culture of death\" the bishop said \"We need to pray.\"",
         "culture of death", "it"),
    ],
)
def test_what_follows_a_participle_cue_is_no_speaker(nlp, text, part, bad):
    """An -ing cue never stands inverted before its speaker: the phrase after it is the content."""
    sp = speaker_of(nlp, text, part)
    assert sp is None or sp.name != bad


def test_a_cueless_quotation_after_a_cued_one_in_its_sentence_continues_it(nlp):
    """'quoted X as saying "..." and "..."': the second quotation is X's, not the subject's (Wikinews,
    CC BY 2.5)."""
    text = ("President Trump did not place the Federal Emergency Management Agency (FEMA) in charge of the "
            "government's response to COVID-19, which Politico reported left some experts in disaster management "
            "disappointed. Politico quoted Tim Manning, formerly a deputy administrator at FEMA, as saying \"FEMA has "
            "an important role in coordinating the larger response to the crisis\" and \"[i]f there's an emergency, "
            "FEMA needs to be involved.\"")
    sp = speaker_of(nlp, text, "needs to be involved")
    assert sp is not None and sp.name == "Tim Manning"


def test_an_inverted_coordination_of_persons_speaks_as_one(nlp):
    """'said A, B and C': one speaker string of all three (ANNOTATION.md rule 6), not only A."""
    sp = speaker_of(nlp, "The deal was void, said Tom Berg, Ann Ruiz and Lia Kent.", "The deal was void")
    assert sp is not None and sp.name == "Tom Berg, Ann Ruiz and Lia Kent"


@pytest.mark.parametrize(
    "text, part, name",
    [
        ("Tom Berg was charged with fraud in May. His legal team argued he simply represented a client, Ann "
         "Ruiz.", "he simply represented", "His legal team"),
        ("Ann Ruiz told the court she was robbed. The defendants claimed Ruiz had first reported a theft.",
         "Ruiz had first reported", "defendants"),
    ],
)
def test_group_nouns_head_a_speaker_phrase(nlp, text, part, name):
    """"team", "defendants" (person_nouns.txt): the phrase before the cue speaks, not a name near it."""
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


def test_a_clause_after_a_semicolon_has_its_own_subject(nlp):
    """The subject of a cue's clause is looked for after the last semicolon before the cue."""
    text = ("Orders will keep the plant busy for years, Tom Berg said, and the loan seems realistic; unnamed "
            "industry experts called this dubious, as the market is saturated, while noting that the army needs "
            "such equipment.")
    sp = speaker_of(nlp, text, "the army needs")
    assert sp is not None and sp.name == "experts"


def test_a_quantified_party_label_is_some_of_its_members(nlp):
    """"Other Republicans have urged him ...": those members, as written, not the Republican Party."""
    text = ("Senator Tom Berg has not conceded the race. Other Republicans have broken with Berg and have urged "
            "him to concede the race.")
    sp = speaker_of(nlp, text, "to concede")
    assert sp is not None and sp.name == "Other Republicans"


def test_a_person_of_a_described_body_speaks(nlp):
    """"NAME of the ... office said": the person, not the office after "of"."""
    text = "Ann Ruiz of the Harbour tribal historic preservation office said the herd was healthy."
    sp = speaker_of(nlp, text, "the herd was healthy")
    assert sp is not None and sp.name == "Ann Ruiz"


def test_an_issued_statement_is_no_speaker(nlp):
    sp = speaker_of(nlp, "Doctor Sean Conley issued a statement saying that the patient was well.", "the patient")
    assert sp is not None and sp.name == "Sean Conley"


def test_it_is_the_body_that_opened_a_sentence_before(nlp):
    text = ('The Orvane Space Agency interrupted its live coverage of a Kestrel Orbital Station spacewalk on '
            'Friday. It also praised the crew, noting "they did it well".')
    sp = speaker_of(nlp, text, "did it well")
    assert sp is not None and sp.name == "Orvane Space Agency"


def test_they_is_a_body_that_opened_a_sentence_after_the_last_plural(nlp):
    text = ('Many experts said the virus was spreading. The Varnian Armed Forces said on Sunday that 36 people '
            'were infected. They said "the base is closed".')
    sp = speaker_of(nlp, text, "base is closed")
    assert sp is not None and sp.name == "Varnian Armed Forces"


def test_a_time_phrase_is_no_part_of_the_speaker(nlp):
    sp = speaker_of(nlp, 'The base was closed. On Thursday officials said "the virus is contained".', "contained")
    assert sp is not None and sp.name == "officials"


def test_a_short_form_defined_in_parentheses_is_the_body(nlp):
    text = 'The Orvian Tennis Union (OTF) met on Monday. OTF said "the season will start in May".'
    sp = speaker_of(nlp, text, "season will start")
    assert sp is not None and sp.name.endswith("Tennis Union")


def test_a_bodys_document_with_no_body_found_is_the_body_as_written(nlp):
    text = ('The president of Norvalia died on Monday. The government statement, which was posted online, '
            'announced his death "with great sorrow".')
    sp = speaker_of(nlp, text, "great sorrow")
    assert sp is not None and sp.name == "government"


# -- introductory phrases before the subject (PolNeAR source errors) ----------------------------
@pytest.mark.parametrize(
    "text, part, name",
    [
        # a participle opening the sentence, a place chunk after its comma
        ('Speaking at a town hall in Salem, New Hampshire, Ted Crane went after Bo Stark, calling him '
         '"a total stiff."', "a total stiff", "Ted Crane"),
        # a place and a time chunk after the first comma
        ('At a campaign event in Ames, Iowa, on Sunday, Mrs. Lena Holt expanded on her statement, saying that '
         'the country should "lead the coalition."', "lead the coalition", "Lena Holt"),
        # a subordinate clause after a time phrase
        ('On Tuesday, even as shares of Valtex were tumbling, Mr. Bo Stark wrote to investors, telling them '
         'Valtex was "worth multiples of the price."', "worth multiples", "Bo Stark"),
        # a capitalised -ly adverb taken for a name
        ("Shortly after the call ended, Dara Quill sent out a statement saying Holt owes \"an explanation.\"",
         "an explanation", "Dara Quill"),
        # an -ing phrase before a coordinated cue
        ('Facing mounting criticism from Democrats, Ted Crane released a statement, describing the soldier as a '
         'hero but insisting that his father had "no right" to speak.', "no right", "Ted Crane"),
    ],
)
def test_the_subject_after_introductory_phrases(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


def test_a_clause_with_its_own_reporting_verb_is_no_introductory_phrase(nlp):
    sp = speaker_of(nlp, 'On Monday Ted Crane said the plan was bad, adding that it was "a disaster."', "a disaster")
    assert sp is not None and sp.name == "Ted Crane"
    # a sentence adverb without a comma opens no introductory phrase
    sp = speaker_of(nlp, 'Lena Holt spoke first. Yet she did not limit her attacks to Narvia policy, and then called '
                         'the plan "bigotry" after the vote.', "bigotry")
    assert sp is not None and sp.name == "Lena Holt"


# -- a name after a quotation that ends in a comma ---------------------------------------------
@pytest.mark.parametrize("text, part, name", [
    # "Reed" ends in -ed and follows a closing mark: still a given name, mid-sentence
    ('"Paul is very much into the basics of this business," Reed said. "Blocking and tackling. Message discipline. Those are the things that matter."', "basics", "Reed"),
    ('"Paul is very much into the basics of this business," Reed said. "Blocking and tackling. Message discipline. Those are the things that matter."', "Blocking", "Reed"),
    # a surname also written lowercase in the article ("from"), after a closing mark
    ('Al From spoke from Ohio. "The circumstances have changed since the crash," From said.', "circumstances", "Al From"),
])
def test_a_name_after_a_comma_closing_a_quotation(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


# -- an attribution after a cueless quotation with a verb the lexicon lacks --------------------
@pytest.mark.parametrize("text, part, name", [
    ('"Go back to your network," Ted Crane barked and a guard escorted him out.', "your network", "Ted Crane"),
    ('"Would it be negotiable about the workers?" Bo Stark pressed. "Maybe some could stay if they register?"',
     "negotiable", "Bo Stark"),
    ('"They are all here because he is promising free stuff," Lena Holt shot back with a laugh.', "free stuff",
     "Lena Holt"),
    ('"We have to be tougher than this, and we know it," fumed Dara Quill.', "tougher", "Dara Quill"),
])
def test_the_speaker_of_an_attribution_after_the_quotation(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


def test_no_trailing_speaker_without_a_comma_inside_the_marks(nlp):
    # the quotation ends a sentence: the name after it starts another one
    qs = [q for q in nlp('Crane opened with a line: "We have to be tougher than this." Lena Holt laughed later.').quotes
          if "tougher" in q.quote.text]
    assert all(q.speaker is None or q.speaker.name != "Lena Holt" for q in qs)


# -- the one told is no speaker ---------------------------------------------------------------
def _candidate_texts(nlp, text: str) -> list[str]:
    """The speaker candidates of the first quotation's cue, as text."""
    from stance.pipeline import build_view
    from stance.quotations.finder import find_quotations
    from stance.speakers.candidates import candidates_for_cue
    from stance.speakers.selection import quoted_spans
    from stance.text.mentions import MentionIndex

    view = build_view(nlp.nlp(text))
    mentions = MentionIndex(view)
    raws = find_quotations(view)
    q = next(r for r in raws if r.cue is not None)
    cands = candidates_for_cue(view, mentions, q.cue.start, q.cue.end, (q.tok_start, q.tok_end), quoted_spans(raws),
                               extra=True)
    return [view.span_text(c.start, c.end) for c in cands]


@pytest.mark.parametrize("text, told", [
    ('"The plan has failed," Dara Quill, the former governor, told Narvia Radio.', "Narvia Radio"),
    ('"We are not involved in politics," the bishop told reporters on the plane.', "reporters"),
    ('"We are not involved in politics," the bishop informed Bo Stark on the plane.', "Bo Stark"),
])
def test_the_addressee_of_told_is_no_candidate(nlp, text, told):
    cands = _candidate_texts(nlp, text)
    assert cands and all(told not in c for c in cands)


# -- the subject of the sentence a cueless quotation stands in --------------------------------
@pytest.mark.parametrize("text, part, name", [
    ('Lena Holt spoke at the rally. She offered "my thoughts and prayers for all of the families of the victims."',
     "thoughts and prayers", "Lena Holt"),
    ('Bo Stark laid out a vision for "a reformed tax code that rewards free enterprise and hard work," then left.',
     "reformed tax code", "Bo Stark"),
    # an organisation, a document
    ('The Narvia Foundation lists "public corruption as the top priority of the foundation" on its website.',
     "public corruption", "Narvia Foundation"),
    ('The new ad targets a "corrupt political system that keeps in place a rigged economy for the few."',
     "corrupt political system", "new ad"),
])
def test_the_subject_of_the_sentence_of_a_cueless_quotation(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


def test_no_sentence_subject_across_another_speakers_cue(nlp):
    text = ('Ted Crane is so reckless, the vice president said, that if his son had planned to enlist in a Crane '
            'administration as an officer in the army of the country, "I would have thrown him out of the room myself."')
    qs = [q for q in nlp(text).quotes if "thrown him out" in q.quote.text]
    assert all(q.speaker is None or q.speaker.name != "Ted Crane" for q in qs)


# -- a quotation standing alone after a sentence about a person ---------------------------------
def test_a_lone_quotation_takes_the_subject_of_the_sentence_before(nlp):
    text = ('Buddy Valastro met voters in Hudson. Valastro praised the leadership in the aftermath of the storm.\n\n'
            '"We need someone who is going to cut through the nonsense and bring people together."')
    sp = speaker_of(nlp, text, "cut through")
    assert sp is not None and sp.name == "Buddy Valastro"


def test_a_lone_quotation_two_paragraphs_after_another_speaker(nlp):
    text = ('"We will win this state by a wide margin," Lena Holt said on Monday.\n\n'
            'Bo Stark praised the leadership in the aftermath of the storm. Stark spoke later.\n\n'
            '"We need someone who is going to cut through the nonsense and bring people together."')
    sp = speaker_of(nlp, text, "cut through")
    assert sp is None or sp.name == "Bo Stark"


# -- issue 15, Wikinews speakers (fourth session) ---------------------------------------------------
def test_commented_is_a_cue(nlp):
    text = ('The vote was delayed. Conservative MP Dara Quill commented, "It would be an outrage if the house '
            'were stopped."')
    sp = speaker_of(nlp, text, "an outrage")
    assert sp is not None and sp.name == "Dara Quill"


@pytest.mark.parametrize("text, part, name", [
    # a document "reads": its author speaks (a statement "it" stands for, an inverted "reads X's statement")
    ('The Narvian Tennis Union released a statement on the arrest. It read, "We will not comment on the case."',
     "will not comment", "Narvian Tennis Union"),
    ('"Past limits may have been fair," reads Judge Ola Miller\'s statement, "but men and women are now alike."',
     "Past limits", "Ola Miller"),
    ('The Orvane Wrestling Union released a statement on Monday. "He was loved in every way," read the '
     'statement; "we will miss him."', "loved in every way", "Orvane Wrestling Union"),
    ("The Kestrel Music Union signed her in May. The union's official statement yesterday read \"We are very "
     "sorry to report her death.\"", "very sorry", "Kestrel Music Union"),
    ('The Narvian Weather Office issued a red warning on Monday. Winds will reach 80 mph. "The storm will bring '
     'high waves", read the warning.', "high waves", "Narvian Weather Office"),
])
def test_a_document_that_reads_speaks_for_its_author(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


def test_reading_a_book_is_no_cue():
    from stance.quotations.cues import find_cues
    from stance.text.view import build_view, make_doc, make_language

    view = build_view(make_doc(make_language(None), 'Students read the novel "Dune" in class; they read, "slowly".',
                               trained=False))
    assert not [c for c in find_cues(view) if c.lemma == "read"]


@pytest.mark.parametrize("text, part, name", [
    # a medium after "on" is no speaker
    ("Prime Minister Ana Ruiz of Narvia shared a video on Facebook on Friday announcing that she had tested "
     "positive for the flu.", "she had tested", "Ana Ruiz"),
    # a place after "in" belongs to the people before it
    ("The patient drank tea in Orvel. Hospital officials in Orvel said that the tea held no poison.",
     "the tea held", "Hospital officials in Orvel"),
])
def test_a_name_after_a_preposition_is_no_subject(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


@pytest.mark.parametrize("text, part, name", [
    # a direct quotation without a cue inside the journalist's sentence: that sentence's subject speaks it
    ('"The sea was his life," said Mayor Tom Velk. Ana Oruva talked of the late professor\'s "countless '
     'discoveries that put the university on the map as a great research school".', "countless discoveries",
     "Ana Oruva"),
    ('"Cosplay is fun," said Ian Moor. Lisa Varn has been cosplaying for two years. She typically chooses "to '
     'portray beloved characters from childhood or strong female characters".', "strong female", "Lisa Varn"),
    ('"We work every day," said Tom Velk. Actress Ana Oruva starred in Suits. The actress recalled her first '
     'season, when the show was the "scrappy little red headed stepchild of the lot."', "little red",
     "Ana Oruva"),
])
def test_a_cueless_quotation_in_a_sentence_is_its_subjects(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


def test_a_capitalised_first_word_is_no_subject_of_a_cueless_quotation(nlp):
    text = '"The lie is old," Kevin Walsh writes. Specifically, "the lie is that the market is fair."'
    sp = speaker_of(nlp, text, "market is fair")
    assert sp is not None and sp.name == "Kevin Walsh"


@pytest.mark.parametrize("text, part, name", [
    # the sentence's subject before an appositive chain that ends at the cue speaks
    ('Ana Oruva died on Monday. Tom Velk, of KTV News, one of Oruva\'s four sons, stated, "She was an '
     'extraordinary woman who loved life."', "extraordinary woman", "Tom Velk"),
    # "who" after an appositive chain is the person before it
    ('The research was led by Mark Hale, a marine ecologist and Regents Professor at Narvia Tech, who said "There '
     'is a lot of argument now about local management."', "lot of argument", "Mark Hale"),
    # a person named in the chain's last chunk speaks: "The mayor of Paris, Anne Hidalgo, wrote"
    ('The head of the Narvian Energy Agency, Tom Velk, said "prices will fall by the end of the year."',
     "prices will fall", "Tom Velk"),
])
def test_an_appositive_chain_leads_back_to_the_speaker(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


def test_which_after_a_body_is_no_person_before_it(nlp):
    text = ('Ted Marr of Texas got a favourable decision from the Narvia Board of Elections, which ruled that he '
            'was eligible to run.')
    sp = speaker_of(nlp, text, "was eligible")
    assert sp is not None and sp.name != "Ted Marr"


def test_he_is_no_title_that_starts_with_the(nlp):
    text = ('"It was fun," said Ana Oruva. Actor Tom Velk\'s visit came straight from filming The Professionals in '
            'Narvia. He quipped "I still have dust in my shoes from the long trip."')
    sp = speaker_of(nlp, text, "dust in my shoes")
    assert sp is not None and sp.name == "Tom Velk"


@pytest.mark.parametrize("text, part, name", [
    # unnamed speakers keep their descriptive phrase (ANNOTATION.md 6)
    ('Many users were upset on Monday. One of the users said "this is another example of why we should use '
     'our own servers."', "another example", "One of the users"),
    ("The fire broke out at dawn. Local media reported that most of the deceased had suffocated.",
     "most of the deceased", "Local media"),
    ("The quake struck on Wednesday. On Saturday, reports said that the quake affected three regions.",
     "the quake affected", "reports"),
    ("The chef went missing in May. His roommates said that they last saw him on Saturday.", "they last saw",
     "His roommates"),
])
def test_an_unnamed_group_is_its_phrase(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


def test_the_title_is_the_person_introduced_with_it(nlp):
    text = ('Vice President Tom Velk met Narvian President Ana Oruva on Monday. The government is shut down. The '
            'President insists that the budget include funding for the wall.')
    sp = speaker_of(nlp, text, "the budget include")
    assert sp is not None and sp.name == "Ana Oruva"


@pytest.mark.parametrize("text, part, name", [
    # a passive cue's agent after "by" speaks, not its subject
    ('Ana Oruva won the vote. The results of the Narvian election were described by Oruva as a "historic mandate '
     'for real change".', "historic mandate", "Ana Oruva"),
    ("Tom Velk is a famous cook. Velk has been criticized by some of his rivals for saying that cheap food is "
     "cheaper than candy.", "saying that cheap", "some of his rivals"),
])
def test_a_passive_cues_agent_speaks(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


def test_a_person_after_one_occupation_noun_in_an_appositive_speaks(nlp):
    text = "One of the study's authors, herpetologist Ana Oruva, told Narvia Weekly that the frogs glow in the dark."
    sp = speaker_of(nlp, text, "the frogs glow")
    assert sp is not None and sp.name == "Ana Oruva"


@pytest.mark.parametrize("text, part, name", [
    # the person after a possessive and a role speaks, not the possessor
    ('Jon Kell died on Saturday. The fans reacted with grief. "Heartbroken and numb," writes Kell\'s longtime tag '
     'team partner Erick Rowe on Instagram.', "Heartbroken", "Erick Rowe"),
    ('"It was a political attack against his opponent," said Clinton\'s top foreign policy aide Jake Sullivan.',
     "political attack", "Jake Sullivan"),
])
def test_the_person_after_a_possessive_title_speaks(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


def test_a_medium_after_on_is_no_nearest_speaker():
    nlp = stance.load(stance_model=False, ranker=True)
    text = ('President Tom Velk fired his adviser. "I informed John Bolt last night that his services are no '
            'longer needed at the White House. I disagreed strongly with many of his suggestions, as did others '
            'in the Administration," wrote Velk on Twitter, "and therefore I asked John for his resignation."')
    sp = speaker_of(nlp, text, "therefore I asked")
    assert sp is not None and sp.name == "Tom Velk"


def test_the_report_is_the_bodys_named_after_it_before(nlp):
    text = ('The plane crashed on Monday. According to a 1989 report from the Narvian Air Safety Board, the plane '
            'had an incident in 1987. The report said that one passenger was seriously injured.')
    sp = speaker_of(nlp, text, "one passenger")
    assert sp is not None and sp.name == "Narvian Air Safety Board"


def test_the_father_is_the_nearest_man_named_before(nlp):
    text = ('David Korrin and Louise Korrin were sentenced on Friday. David Korrin was also charged with making false '
            'statements. The father said "I love my children and I believe my children love me."')
    sp = speaker_of(nlp, text, "I love my children")
    assert sp is not None and sp.name == "David Korrin"


def test_opens_intro_checks_the_cheap_word_tests_first():
    """_opens_intro reads names and noun lists only for an -ly adverb or an opening participle;
    its answers are those of the full rule (a name or a noun opens the subject; an -ly adverb,
    a capitalised participle opening the sentence, a subordinator or a time phrase opens an
    introductory phrase)."""
    from stance.speakers import clause_subjects as C
    from stance.speakers import noun_phrases as N
    from stance.text.mentions import MentionIndex
    from stance.text.view import blank_english, build_view

    def full_rule(view, mentions, k, first):
        low = view.lowers[k]
        if low in C._SENTENCE_ADVERBS:
            return k + 1 < view.n and view.words[k + 1] == ","
        if low in C._SUBORDINATORS or low in C._INTRO_WORDS or N.time_phrase_at(view, k):
            return True
        m = mentions.name_at(k, k + 1)
        if m is not None and m.start == k and not C._lone_capitalised_word(view, mentions, m, first):
            return False
        if low in N.nouns()[0] or low in N.nouns()[1] or not low.isalpha():
            return False
        if low.endswith("ly") and len(low) > 4:
            return True
        return first and view.words[k][:1].isupper() and (low.endswith("ing") and len(low) > 5
                                                          or low.endswith("ed") and len(low) > 3 or low == "led")

    text = ("Shortly after the vote, Kelly said it failed. Speaking in Ames, Iowa, Ruiz smiled. Asked about it, "
            "Reed declined. Family members wept. Italy agreed. Led by Ann Ruiz, officials resigned. Kelly Ruiz, "
            "a senator, spoke. Still, Hastily reported friendly results. Yesterday, officials visited Holly. "
            "Facing charges, Ted Reed left. Nearly 100 people, mostly locals, attended. Reportedly, Polly said so.")
    view = build_view(blank_english()(text))
    mentions = MentionIndex(view)
    answers = {(k, first): C._opens_intro(view, mentions, k, first) for k in range(view.n) for first in (True, False)}
    assert answers == {(k, first): full_rule(view, mentions, k, first) for k in range(view.n) for first in (True, False)}
    assert any(answers.values()) and not all(answers.values())
    words = view.words
    assert answers[(words.index("Shortly"), True)] and answers[(words.index("Speaking"), True)]
    assert not answers[(words.index("Family"), True)] and not answers[(words.index("Ted"), True)]


@pytest.mark.parametrize("text, part, name", [
    ("Clinton won by almost 60 points among the 30 percent of voters who said the economy was their top issue.",
     "the economy was their top issue", "30 percent of voters"),
    ("Obama rebuked critics who say he should use the phrase.", "he should use the phrase", "critics"),
    ("The governor dismissed critics who said the new tax would hurt small farms.", "would hurt small farms", "critics"),
])
def test_who_after_a_description_is_that_description(nlp, text, part, name):
    """"critics who said ...": with no name before "who", the description it follows speaks (not
    back over a verb or a preposition: "dismissed critics", "among the 30 percent of voters")."""
    sp = speaker_of(nlp, text, part)
    assert sp is not None and speaker_match(sp.name, name)


def test_who_ending_the_predicate_of_the_subjects_is(nlp):
    """"Ana Ruiz ... is a serial litigant, critic and blogger who has repeatedly pledged ...": the
    subject the predicate describes speaks, after a colon too ("Editor's note: ...")."""
    text = ("Editor's note: Ana Ruiz often sues the city and is a serial litigant, vocal critic and blogger "
            "who has repeatedly pledged to close the harbour to tourists.")
    sp = speaker_of(nlp, text, "close the harbour")
    assert sp is not None and sp.name == "Ana Ruiz"


# -- a quantifier alone as the subject of a second clause ----------------------------------------
@pytest.mark.parametrize("text, start, name", [
    ("One voter said people changed their minds and several said they wanted the vote repeated.", "they wanted", "several"),
    ("Some think the birds glided from trees, while some say flight grew up from the ground.", "flight grew", "some"),
])
def test_a_lone_quantifier_after_a_conjunction_speaks(nlp, text, start, name):
    """"... and several said ...", "while some say ...": the quantifier is the speaker, not a
    name or noun of the clause before."""
    sp = speaker_of(nlp, text, start)
    assert sp is not None and speaker_match(sp.name, name), sp


def test_according_to_source_ends_where_the_quotation_starts(nlp):
    text = "Prices rose in May and according to the Central Bank inflation will remain high."
    sp = speaker_of(nlp, text, "inflation will")
    assert sp is not None and sp.name == "Central Bank", sp


# -- "the Vermont senator": a definite description of the person named just before -----------------
def test_a_definite_description_is_the_person_named_just_before(nlp):
    text = ('Lena Basko spoke at a rally in Port Elm on Sunday. The independent Narvian senator said the plan '
            'would "ruin the coast" within a decade.')
    sp = speaker_of(nlp, text, "ruin the coast")
    assert sp is not None and sp.name == "Lena Basko"


def test_a_description_whose_noun_introduced_someone_unnamed_stays_unnamed(nlp):
    text = ('Lena Basko was greeted by an organizer at the field office. The organizer said the volunteers '
            'would "win the county" by Friday.')
    sp = speaker_of(nlp, text, "win the county")
    assert sp is not None and sp.name != "Lena Basko"


@pytest.mark.parametrize(
    "text, part, name",
    [
        # the noun used before only to title the person, with the description's modifiers: that person
        ("Billionaire investor Mark Roe spoke in Dallas on Monday about the race. \"Nobody would come to your "
         "aid,\" the investor said.", "Nobody would", "Mark Roe"),
        ("Republican presidential candidate Ben Roe spoke in Dallas on Monday. \"I am getting special "
         "scrutiny,\" the Republican presidential candidate told CBS on Sunday.", "special scrutiny", "Ben Roe"),
        # the earlier use lacks the description's modifiers: another person, unnamed
        ("Civil Aviation Minister Hardeep Puri visited the crash site on Friday. The local health minister said, "
         "\"Ten people died in the crash.\"", "Ten people died", "local health minister"),
        # the earlier use is someone's ("the prime minister's spokesman"): that unnamed person
        ("Prime Minister Dara Quill met the king on Monday. The talks went well, the prime minister's spokesman "
         "said. \"The prime minister disagrees with the plan,\" the spokesman said.", "disagrees with the plan",
         "spokesman"),
    ],
)
def test_a_description_repeating_a_title_is_the_titled_person(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name


def test_a_description_of_an_unnamed_kind_of_person_stays_unnamed(nlp):
    text = ('Lena Basko visited the flooded town of Port Elm. The woman said the river had "never been so high" '
            'in her life.')
    sp = speaker_of(nlp, text, "never been so high")
    assert sp is not None and sp.name != "Lena Basko"


def test_his_campaign_is_the_campaign_of_the_person_he_is(nlp):
    text = ('Ted Crane lost the primary on Tuesday. His campaign said the count was "deeply flawed" and '
            'asked for a recount.')
    sp = speaker_of(nlp, text, "deeply flawed")
    assert sp is not None and sp.name == "Ted Crane campaign" and sp.type == "organization"


def test_a_plural_party_label_is_the_party_members(nlp):
    text = 'The bill passed the House on Friday. Republicans said the plan would "ruin the budget" within a decade.'
    a = nlp(text)
    q = next(q for q in a.quotes if "ruin the budget" in q.quote.text)
    assert q.speaker.name == "Republicans" and q.speaker.type == "person"
    assert q.affiliation == "Republican Party"
    # a party's own name stays the party
    sp = speaker_of(nlp, 'The vote was close. The Liberal Democrats said the plan would "ruin the budget".', "ruin the budget")
    assert sp is not None and sp.name == "Liberal Democrats"


@pytest.mark.parametrize(
    "text, part, name",
    [
        ("A new poll came out. Twenty-four percent said he would win the race.", "he would win", "Twenty-four percent"),
        ("Voters were split, with 50 percent saying he would win.", "he would win", "50 percent"),
        ("In the poll, 46 percent said yes, compared with 23 percent who said it was improper.", "it was improper",
         "23 percent"),
        ("Thirty-one percent of those surveyed say the party is doomed.", "the party is doomed",
         "Thirty-one percent of those surveyed"),
        ("About four in 10 said they were angry.", "they were angry", "About four in 10"),
        ("Almost half said they would vote.", "they would vote", "Almost half"),
        ("Only 24% said she was honest.", "she was honest", "Only 24%"),
    ],
)
def test_a_proportion_of_people_speaks(nlp, text, part, name):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == name and sp.type == "person"


def test_a_share_of_a_thing_is_no_speaker():
    from stance.speakers.proportions import proportion_before
    from stance.text.view import blank_english, build_view

    view = build_view(blank_english()("It is less than half of what researchers say they need."))
    cue = view.lowers.index("say")
    assert proportion_before(view, cue, 0) is None
    view = build_view(blank_english()("Yet 27 percent of those who named a candidate said no."))
    cue = view.lowers.index("said")
    assert view.span_text(*proportion_before(view, cue, 0)) == "27 percent of those who named a candidate"


@pytest.mark.parametrize(
    "text, part",
    [
        ('Ted Crane arrived on Monday. "The plan will fail," the White House spokesman, Lena Basko, said on Monday.',
         "The plan will fail"),
        ("Ted Crane opened the rally. Another former Crane adviser, Lena Basko, also spoke and said the plan would fail.",
         "the plan would fail"),
    ],
)
def test_a_person_named_in_apposition_to_a_description_speaks(nlp, text, part):
    sp = speaker_of(nlp, text, part)
    assert sp is not None and sp.name == "Lena Basko"


def test_an_unresolved_who_is_the_words_before_it(nlp):
    sp = speaker_of(nlp, "The delegates met on Monday. The party needs the superdelegates who have already said they "
                         "back the plan.", "they back the plan")
    assert sp is not None and sp.name == "superdelegates"
    # not a place named after a preposition
    sp = speaker_of(nlp, "A staff member for the campaign in Philadelphia who said she would march left early.",
                    "she would march")
    assert sp is None or sp.name != "Philadelphia"


def test_an_unnamed_speaker_keeps_its_indefinite_article(nlp):
    sp = speaker_of(nlp, 'The hotel was sold in May. A spokesman for the buyer said the name "will change" soon.',
                    "will change")
    assert sp is not None and sp.name.startswith("A spokesman")


def test_both_men_are_the_pair_named_before(nlp):
    text = ("Blair Effron and Robert Pruzan founded the bank in 2006. It is not clear what the equity held by "
            "Mr. Effron and Mr. Pruzan is worth. Both men said the firm would stay private.")
    sp = speaker_of(nlp, text, "the firm would stay private")
    assert sp is not None and sp.name == "Blair Effron and Robert Pruzan"


def test_a_state_office_speaks_as_the_office(nlp):
    sp = speaker_of(nlp, 'The plan was announced on Monday. The White House says the cuts "will be deep" next year.',
                    "will be deep")
    assert sp is not None and sp.name == "White House" and sp.type == "organization"


# -- the owner of a cue noun speaks ----------------------------------------------------------------
# (train: "Trump's claim that ...", "Pence ... his contention that ...", "Trump's claim to understand ...")
@pytest.mark.parametrize("text, part, name", [
    ("Senator Ana Ruiz mocked Tomas Velk's claim that the port was profitable.", "the port was profitable", "Tomas Velk"),
    ("Mayor Ana Ruiz mocked Tomas Velk's promise to cut the port fees by half.", "to cut the port fees", "Tomas Velk"),
])
def test_owner_of_a_cue_noun_speaks(nlp, text, part, name):
    assert speaker_match(speaker_of(nlp, text, part).name, name)


@pytest.mark.parametrize("text, name", [
    ("Another pollster, Ana Roe of Clemson University, said the race was tightening.", "Ana Roe"),
    ("A former lawmaker, Sen. John Doe (I-Conn.), said he would vote for the bill.", "John Doe"),
])
def test_a_description_names_its_person_in_apposition_with_title_or_body(nlp, text, name):
    q = nlp(text).to_dict()["quotes"]
    assert q and q[0]["speaker"]["name"] == name


# -- a body's plural as the head before the cue: the phrase speaks, not a capitalised word in it --------
@pytest.mark.parametrize(
    "text, start, name",
    [
        ("Protest groups say the new rules are meant to keep them out of sight.", "the new rules", "Protest groups"),
        ("Federal courts said the voting law was unfair to older residents.", "the voting law", "Federal courts"),
        ("The mill will close in June. Local unions say the plan will cost 300 jobs.", "the plan will", "Local unions"),
        ("Two environmental groups said the permit for the Narvia mine was illegal.", "the permit", "Two environmental groups"),
    ],
)
def test_plural_body_noun_heads_the_speaker(nlp, text, start, name):
    sp = speaker_of(nlp, text, start)
    assert sp is not None and sp.name == name, (sp, name)  # not the capitalised word alone ("Protest")


# -- "those surveyed said": the people the participle names speak ------------------------------------
@pytest.mark.parametrize(
    "text, start",
    [
        ("The city asked 900 residents about the bridge. By 80% to 10%, those surveyed say the city should build it.",
         "the city should"),
        ("Again, those polled said the mayor was best able to handle the floods.", "the mayor was"),
    ],
)
def test_those_with_a_participle_is_the_speaker(nlp, text, start):
    sp = speaker_of(nlp, text, start)
    assert sp is not None and sp.mention.text.lower().startswith("those"), sp


# -- a phrase after an inverted cue that describes the person named right after it -----------------
@pytest.mark.parametrize(
    "text, start, name",
    [
        ("“The delay hurts every family here,” said party boss Lena Basko.", "The delay", "Lena Basko"),
        ("“We found no ties of any kind,” said the bureau's director, Ilse Marrow, on Monday.", "We found", "Ilse Marrow"),
        ("“Sales fell in every region,” said the company's chief executive Oren Falk.", "Sales fell", "Oren Falk"),
    ],
)
def test_inverted_speaker_is_the_person_the_phrase_describes(nlp, text, start, name):
    sp = speaker_of(nlp, text, start)
    assert sp is not None and sp.name == name, sp


def test_a_verb_after_the_phrase_describes_no_one(nlp):
    # "believe" is no role noun: the sources speak, not the person after the verb
    sp = speaker_of(nlp, "Gulf sources believe Tomas Velk has joined the pact, and admit that the states are powerless.",
                    "the states are")
    assert sp is not None and sp.name != "Tomas Velk", sp
