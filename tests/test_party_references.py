"""Reference forms of a party beyond its name (stance.parties.references) and the party finder's
use of them: acronyms, definite descriptions, objects of targeting verbs, the speaker's own name
in the quotation, pronoun gender, capitalised common words. All texts are invented."""

from __future__ import annotations

import pytest

import stance
from stance.parties.references import (
    ArticleReferences,
    acronym_map,
    article_references,
    frame_object_verbs,
    frame_verb_polarities,
    person_genders,
)
from stance.text.mentions import MentionIndex
from stance.text.view import build_view


@pytest.fixture(scope="module")
def nlp():
    """Rules and speaker ranker, no party filter, no stance model: every proposed target."""
    return stance.load(stance_model=False, party_filter=False)


def _targets(nlp, text: str) -> list[tuple[str, dict[str, str]]]:
    """(quotation text, {target name: how it was found}) for each quotation of ``text``."""
    view, pendings = nlp.annotator.prepare(nlp.make_doc(text))
    return [(text[p.raw.start:p.raw.end], {t.name: t.via for t in p.targets}) for p in pendings]


def _refs(nlp, text: str) -> ArticleReferences:
    view = build_view(nlp.make_doc(text))
    return ArticleReferences(view, MentionIndex(view))


def test_acronym_introduced_in_parentheses_takes_the_full_name(nlp):
    text = ("The Farmers Defence League (FDL) marched on Monday. "
            "Mayor Ana Ruiz said the FDL had broken the law.")
    refs = _refs(nlp, text)
    assert refs.acronyms["FDL"] == "Farmers Defence League"
    (_, found), = [q for q in _targets(nlp, text) if "broken" in q[0]]
    assert found == {"Farmers Defence League": "acronym"}


def test_acronym_spelled_by_a_longer_name_of_the_article(nlp):
    text = ("The Sylvanian National Committee met in March. "
            "Senator Boris Kovac said the SNC was hiding its accounts.")
    refs = _refs(nlp, text)
    assert acronym_map(refs.view, refs.mentions) == {"SNC": "Sylvanian National Committee"}
    assert refs.canonical("S.N.C.") == "Sylvanian National Committee"
    assert refs.canonical("Boris Kovac") == "Boris Kovac"


def test_the_government_is_the_state_named_before(nlp):
    text = ("Chile closed its border on Friday. "
            "Opposition leader Ana Ruiz said the government had panicked.")
    (_, found), = _targets(nlp, text)
    assert found == {"Chile": "description"}


def test_a_country_adjective_names_the_government(nlp):
    text = "Ana Ruiz said the Chilean government had lied to Peru."
    (_, found), = _targets(nlp, text)
    assert set(found) == {"Chile", "Peru"}


def test_the_company_is_the_organisation_named_before(nlp):
    text = "Acme Corporation cut 300 jobs in May. Ana Ruiz said the company had broken its promises."
    (_, found), = _targets(nlp, text)
    assert found == {"Acme Corporation": "description"}


def test_the_company_is_no_school_centre_or_known_body(nlp):
    # party-filter 1.10.0 (train: "the company" read as "Sandy Hook Elementary School", "Flint
    # Center", "Islamic State"; 0 parties of 9 proposals): a public or civic body, or a name the
    # gazetteer knows, is skipped for the business named before it, even one typed a person by
    # default (a brand: no given name, title or gender)
    text = ("Parents at Lakeside Elementary School sued Dravko on Monday. "
            "Ana Ruiz said the company had marketed its rifles to teenagers.")
    (_, found), = _targets(nlp, text)
    assert found.get("Dravko") == "description"
    assert "Lakeside Elementary School" not in found
    text = ("Acme Corporation sold trucks to the Islamic State, investigators said. "
            "Ana Ruiz said the company had ignored the sanctions.")
    (_, found), = [q for q in _targets(nlp, text) if "ignored" in q[0]]
    assert found.get("Acme Corporation") == "description"
    assert "Islamic State" not in found
    # a name with a title in it is the office's holder, no brand ("PG&E President and CEO X"): "the
    # firm" is Dravko, the speaker's own organisation (its president and CEO speaks for it), so no
    # target (ANNOTATION.md rule 8); "Dravko President" would be a spurious one
    text = ("Parents sued Dravko in May. In a letter, Dravko President and CEO Boris Kovac said "
            "the firm had stopped selling rifles.")
    (_, found), = _targets(nlp, text)
    assert found == {}


def _things_no_parties(nlp, text: str, things: set[str], party: str) -> None:
    """``things`` are the article's things and no quotation's parties, while ``party`` is one."""
    assert things <= _refs(nlp, text).things
    found = {n for _, got in _targets(nlp, text) for n in got}
    assert not found & things
    assert party in found


def test_a_law_a_treaty_or_a_convention_is_no_party(nlp):
    # party-filter 1.10.0 (train: "Affordable Care Act", "College for All Act", "Geneva
    # Convention", "National Convention": 0 parties of 19 proposals): a name ending in a word of
    # thing_heads.txt is a thing, never proposed, also when an acronym stands for it
    text = ('The Clean Rivers Act (CRA) passed in May. Ana Ruiz said "the CRA and the Geneva '
            'Convention bind Boris Kovac, and the Lisbon Agreement binds him too."')
    _things_no_parties(nlp, text, {"Clean Rivers Act", "Geneva Convention", "Lisbon Agreement"}, "Boris Kovac")


def test_a_population_named_by_a_demonym_is_no_party(nlp):
    # train: "Muslim Americans", "LGBT Americans", "African American", "Central Americans" and
    # "Deferred Action for Parents of Americans" (DAPA): 0 parties of 34 proposals, 8 kept; a "he"
    # read them as persons
    text = ('Boris Kovac met Turkish Americans in Ohio. Ana Ruiz said "Muslim Americans and Latin '
            'Americans fear Boris Kovac, and he knows it."')
    _things_no_parties(nlp, text, {"Turkish Americans", "Muslim Americans", "Latin Americans"}, "Boris Kovac")


def test_the_foundation_is_the_foundation_named_before(nlp):
    # party-filter 1.9.0 (train: "the foundation" 10 parties of 16 proposals, the Clinton Foundation)
    text = ("The Kovac Foundation raised $2 million in May. "
            "Ana Ruiz said the foundation had hidden its donors.")
    (_, found), = _targets(nlp, text)
    assert found == {"Kovac Foundation": "description"}


def test_a_title_written_as_a_name_is_its_holder(nlp):
    # party-filter 1.9.0 (train: 33 bare titles proposed as persons "President", "Queen", 1 a party
    # by accident; "the Queen" x2 and "their President" are the holder the article names)
    text = ("Queen Lena Marsh opened the session on Monday. "
            'Boris Kovac said: "The government is trying to use the Queen to silence us."')
    found = {}
    for q, f in _targets(nlp, text):
        if "silence" in q:
            found = f
    assert found.get("Lena Marsh") == "description" and "Queen" not in found


def test_a_title_as_an_office_is_no_party(nlp):
    text = 'Ana Ruiz said: "Boris Kovac is unfit to be President."'
    (_, found), = _targets(nlp, text)
    assert set(found) == {"Boris Kovac"}


def test_a_title_written_as_a_name_is_no_pronoun_antecedent(nlp):
    text = ("Boris Kovac met the Ambassador on Monday. "
            'Ana Ruiz said: "He has broken his promise."')
    refs = _refs(nlp, text)
    assert "Ambassador" in refs.no_antecedents
    found = {}
    for q, f in _targets(nlp, text):
        if "promise" in q:
            found = f
    assert "Ambassador" not in found and "Boris Kovac" in found


def test_a_description_that_is_a_name_is_left_to_the_name():
    refs_text = "Ana Ruiz said the Department of Roads was late."
    nlp = stance.load(stance_model=False, party_filter=False)
    (_, found), = _targets(nlp, refs_text)
    assert all(v != "description" for v in found.values())


@pytest.mark.parametrize(
    "text, expected",
    [
        # the object of a targeting verb elsewhere in the quotation's sentence
        ('Ana Ruiz praised Boris Kovac for his work, calling it "a triumph of patience."', {"Boris Kovac"}),
        # "said of X and Y"
        ('"They are good people," Ana Ruiz said of Boris Kovac and Lena Marsh.', {"Boris Kovac", "Lena Marsh"}),
        # "referring to X" after the attribution
        ('"He has won nothing," Ana Ruiz said, referring to Boris Kovac.', {"Boris Kovac"}),
        # "opposed X's ...", "credited X with ..." (party-filter 1.9.0; train: 2 and 1 parties, none not)
        ('Ana Ruiz opposed Boris Kovac\'s plan, saying it would "ruin the farmers."', {"Boris Kovac"}),
        ('Ana Ruiz credited Boris Kovac with the deal, calling it "a triumph of patience."', {"Boris Kovac"}),
        # "compared X to Y, saying"
        ("Ana Ruiz compared Boris Kovac to Lena Marsh, saying both had failed the farmers.",
         {"Boris Kovac", "Lena Marsh"}),
    ],
)
def test_objects_of_targeting_verbs_in_the_quotations_sentence(nlp, text, expected):
    found = {}
    for _, f in _targets(nlp, text):
        found.update(f)
    assert expected <= set(found), found
    assert all(found[n] in ("frame_object", "name") for n in expected)
    assert "Ana Ruiz" not in found


def test_frame_verb_forms():
    verbs = frame_object_verbs()
    assert verbs["referring"] == "to" and verbs["said"] == "of" and verbs["slammed"] == ""
    assert verbs["opposed"] == "" and verbs["credited"] == "" and verbs["talked"] == "about"
    assert "sayed" not in verbs and "speaked" not in verbs


def test_the_speakers_own_name_in_the_quotation_is_proposed_for_the_filter(nlp):
    text = 'Boris Kovac said Kovac would never resign.'
    (_, found), = _targets(nlp, text)
    assert found == {"Boris Kovac": "speaker_name"}


def test_pronoun_resolves_to_the_nearest_person_of_its_gender(nlp):
    text = ("Lena Marsh said she wanted a deal with Boris Kovac. He refused. "
            'Ana Ruiz said: "She is naive."')
    refs = _refs(nlp, text)
    assert refs.gender["Lena Marsh"] == "f" and refs.gender["Boris Kovac"] == "m"
    end = refs.view.n - 1
    assert refs.previous_person(end, "she", skip={"Ana Ruiz"}).canonical == "Lena Marsh"
    assert refs.previous_person(end, "he", skip={"Ana Ruiz"}).canonical == "Boris Kovac"
    assert refs.previous_person(end, "they").canonical == "Ana Ruiz"  # no gender: the nearest
    found = {}
    for q, f in _targets(nlp, text):
        if "naive" in q:
            found = f
    assert found == {"Lena Marsh": "name"}  # not the nearer Boris Kovac


def test_genders_from_pronouns_and_honorifics(nlp):
    refs = _refs(nlp, "Mr. Kovac spoke first. Lena Marsh said she agreed. Ruiz left.")
    genders = person_genders(refs.view, refs.mentions)
    assert genders.get("Kovac") == "m" and genders.get("Lena Marsh") == "f"
    assert "Ruiz" not in genders


def test_a_capitalised_common_word_is_no_antecedent(nlp):
    text = ('Boris Kovac lost the vote on Sunday. "Every day he finds a new excuse," Ana Ruiz said. '
            '"Today he is hiding from the voters."')
    refs = _refs(nlp, text)
    # "Today" is no name at all since names23 (stance.text.mentions.common_word_opener); were it one,
    # it would be a name found only opening sentences
    names = {m.text for m in MentionIndex(build_view(nlp.make_doc(text))).names}
    assert ("Today" not in names or "Today" in refs.initial_only) and "Boris Kovac" not in refs.initial_only
    found = {}
    for q, f in _targets(nlp, text):
        if "hiding" in q:
            found = f
    assert "Boris Kovac" in found


def test_article_references_are_built_once_per_document(nlp):
    view = build_view(nlp.make_doc("Ana Ruiz said Sylvania lied."))
    mentions = MentionIndex(view)
    assert article_references(view, mentions) is article_references(view, mentions)
    assert article_references(view, MentionIndex(view)) is not article_references(view, mentions)


def test_a_pronoun_in_the_quotation_also_proposes_the_articles_main_person(nlp):
    """"He" inside a quotation: the nearest man (Tom Reed) and the man the article names most
    (Boris Kovac, ``salient_pronoun``) are both proposed for the filter to weigh; a "he" in the
    frame proposes no salient reading (it is mostly the speaker)."""
    text = ("Boris Kovac said he would win. Kovac thanked his voters. Critics doubted Kovac. "
            "Tom Reed said he was tired. Lena Marsh said she agreed. "
            'Ana Ruiz said: "He has no plan." Later he said Reed was "a fine man."')
    refs = _refs(nlp, text)
    end = refs.view.n - 1
    assert refs.salient_person(end, "he") == "Boris Kovac"
    assert refs.salient_person(end, "he", skip={"Boris Kovac"}) == "Tom Reed"
    assert refs.salient_person(end, "she") is None  # Lena Marsh: named only once
    assert refs.salient_person(0, "he") is None  # not yet named
    found = {q: f for q, f in _targets(nlp, text)}
    assert found["He has no plan."] == {"Tom Reed": "name", "Boris Kovac": "salient_pronoun"}
    assert "salient_pronoun" not in next(f for q, f in found.items() if "fine man" in q).values()


def test_a_headline_case_name_is_no_persons_fullest_name(nlp):
    """"Outreach Undone By Kovac" (a headline, typed a person) is no fuller form of "Kovac":
    the body's "Kovac" is Boris Kovac, named in the body."""
    from stance.text.mentions import headline_case

    text = ("Outreach Undone By Kovac, Party Leaders Warn\n\n"
            "Boris Kovac spoke in Lisbon on Monday. Ana Ruiz said Kovac had failed the farmers.")
    refs = _refs(nlp, text)
    last = [m for m in refs.mentions.names if m.text == "Kovac"][-1]
    assert last.canonical == "Boris Kovac"
    assert headline_case("Farm Outreach Undone By Kovac As Party Leaders Worry".split())
    assert not headline_case("On Monday , United States Senator from Vermont Bernie Sanders endorsed former "
                             "Vice President Joe Biden".split(), 0.85)


def test_the_administration_is_the_one_the_article_named(nlp):
    """"the administration" is the "<name> administration" the article wrote before it, as
    written; with none, it refers to nothing (it is not the state)."""
    text = ("The Obama administration approved the pipeline in March. "
            "Senator Ana Ruiz said the administration had lied to farmers.")
    (_, found), = [q for q in _targets(nlp, text) if "lied" in q[0]]
    assert found == {"Obama administration": "description"}
    text = ("Chile closed its border on Friday. "
            "Opposition leader Ana Ruiz said the administration had panicked.")
    (_, found), = _targets(nlp, text)
    assert found == {}


def test_sentence_headline_case_counts_each_sentence_once_for_every_share(nlp):
    """sentence_headline_case is headline_case of the sentence's words, for any share, with the
    counts kept on the view (names and party features share them); a letter-like symbol
    ("Ⅷ", upper case but no letter) is no capitalised word."""
    from stance.text.mentions import headline_case, sentence_headline_case

    text = "Outreach Undone By Kovac As Leaders Worry. Ana Ruiz said the plan failed. Ⅷ Ⅷ Ⅷ Ab cd ef gh."
    view = build_view(nlp.make_doc(text))
    for s in range(len(view.sent_starts)):
        a, b = view.sent_bounds(s)
        for share in (0.5, 0.7, 0.85):
            assert sentence_headline_case(view, s, share) == headline_case(view.words[a:b], share)
    assert set(view.case_counts) == set(range(len(view.sent_starts)))
    assert sentence_headline_case(view, 0) and not sentence_headline_case(view, 1)
    assert not headline_case("Ⅷ Ⅷ Ⅷ Ⅷ Ab cd ef gh".split(), 0.5) and headline_case("Ab Cd Ef gh".split())


def test_a_given_name_of_one_gender_outweighs_a_stray_pronoun(nlp):
    """"Maria" is a woman's name (data/first_names.tsv): one "he" after her name does not make
    her a man, and "she" then reads as her."""
    refs = _refs(nlp, "Maria Kovac spoke after the vote, and he said nothing. Tom Reed left.")
    assert refs.gender["Maria Kovac"] == "f" and refs.gender["Tom Reed"] == "m"
    assert refs.previous_person(refs.view.n - 1, "she").canonical == "Maria Kovac"


def test_a_place_typed_as_a_person_is_no_antecedent(nlp):
    """"D.C." (a place in data/non_party_names.tsv; a region abbreviation, typed a place) is no
    antecedent: "she" is Maria Kovac."""
    text = ("Maria Kovac won the primary in Washington, D.C. on Tuesday. "
            "The agency reported that she had won by a wide margin.")
    refs = _refs(nlp, text)
    assert refs.placelike <= {"D.C."}  # (a place outright, or a "person" read as a place)
    found = {}
    for q, f in _targets(nlp, text):
        if "wide margin" in q:
            found = f
    assert found == {"Maria Kovac": "name"}


def test_a_title_description_is_the_person_the_article_gives_that_role(nlp):
    text = ('President Boris Kovac met Sen. Ana Ruiz and Gov. Tom Reed on Monday. '
            'Reed said: "the president is wrong." Later Reed added: "the senator knows it."')
    refs = _refs(nlp, text)
    end = refs.view.n - 1
    assert refs.office_holder("president", end) == "Boris Kovac"
    assert refs.office_holder("senator", end) == "Ana Ruiz"
    assert refs.office_holder("mayor", end) is None  # nobody holds it
    assert refs.office_holder("president", 0) is None  # nobody named before
    found = {q: f for q, f in _targets(nlp, text)}
    assert found.get("the president is wrong.") == {"Boris Kovac": "description"}
    assert found.get("the senator knows it.") == {"Ana Ruiz": "description"}


def test_a_country_after_a_locative_preposition_is_a_place(nlp):
    text = ('Dr. Ana Ruiz said infections had risen in the United States and in France. '
            'Dr. Ana Ruiz said the rise was in Germany\'s interest.')
    got = _targets(nlp, text)
    assert "United States" not in got[0][1] and "France" not in got[0][1]
    assert "Germany" in got[1][1]  # a possessive after it: the state itself


def test_a_persons_name_taken_with_a_common_word_is_given_in_its_given_name_form(nlp):
    text = ("Report: Half Clinton's meetings were with donors.\n\n"
            "Hillary Clinton spoke on Monday. Mark Fallon said half of them had met Clinton.\n\n"
            'Sam Pate said he would back Democrat Hillary Clinton over Republican Trump. Donald Trump '
            'had said Jeb Walters was weak, and Ruth Walters said Jeb Walters was "too weak".')
    refs = _refs(nlp, text)
    assert refs.person_form("Half Clinton") == "Hillary Clinton"
    assert refs.person_form("Republican Trump") == "Donald Trump"
    assert refs.person_form("Jeb Walters") == "Jeb Walters"  # an unknown given name: kept
    # a surname read as a longer name that starts with it, or as a long name ending in it
    assert refs.person_form("Trump Tower Manila", "Trump") == "Donald Trump"
    assert refs.person_form("Officeholders Who Endorse Trump", "Trump") == "Donald Trump"
    assert refs.person_form("Ruth Walters", "Walters") == "Ruth Walters"  # a name: kept
    names = {n for _, got in _targets(nlp, text) for n in got}
    assert "Half Clinton" not in names and "Republican Trump" not in names


def test_a_nickname_ending_in_a_given_name_is_the_person_with_that_given_name(nlp):
    text = ("Hillary Clinton and Marco Rubio spoke on Monday. Rand Paul met Paul Ryan.\n\n"
            'Eric Pate said: "Crooked Hillary will lose, and Little Marco too." '
            'Sam Pate said: "Neocons For Hillary are a joke, and Crooked Hillary Clinton knows it."')
    refs = _refs(nlp, text)
    assert refs.person_form("Crooked Hillary") == "Hillary Clinton"  # an adjective first
    assert refs.person_form("Little Marco") == "Marco Rubio"
    assert refs.person_form("Neocons For Hillary") == "Hillary Clinton"  # a connector inside
    assert refs.person_form("Crooked Hillary Clinton") == "Hillary Clinton"
    assert refs.person_form("Rand Paul") == "Rand Paul"  # a name, not a nickname of Paul Ryan
    names = {n for _, got in _targets(nlp, text) for n in got}
    assert "Hillary Clinton" in names and not names & {"Crooked Hillary", "Little Marco", "Neocons For Hillary"}


def test_an_acronym_spelled_by_a_name_the_mentions_split_takes_the_written_name(nlp):
    text = ("The watchdog Citizens for Responsibility and Ethics in Washington (CREW) sued in May. "
            "Instead, they built Organizing for Action, a parallel group.\n\n"
            "Ana Ruiz said CREW had lied. Podesta said OFA pulled away resources.")
    refs = _refs(nlp, text)
    assert refs.acronyms["CREW"] == "Citizens for Responsibility and Ethics in Washington"
    assert refs.acronyms["OFA"] == "Organizing for Action"
    found = dict(_targets(nlp, text))
    assert found["CREW had lied"] == {"Citizens for Responsibility and Ethics in Washington": "acronym"}
    assert found["OFA pulled away resources"] == {"Organizing for Action": "acronym"}


def test_a_persons_name_is_no_acronym_expansion(nlp):
    text = "Hillary Rodham Clinton spoke on Monday. Fans said HRC was great."
    assert "HRC" not in _refs(nlp, text).acronyms


def test_the_speakers_own_acronym_is_no_target(nlp):
    from stance.parties.finder import find_targets

    text = "The Sylvanian National Committee met in March. The SNC said the SNC was right."
    refs = _refs(nlp, text)
    view = refs.view
    i = max(k for k, w in enumerate(view.words) if w == "SNC")
    assert refs.canonical("SNC") == "Sylvanian National Committee"
    assert find_targets(view, refs.mentions, [(i, i + 1, False)], {"SNC"}, refs=refs) == []
    assert [t.name for t in find_targets(view, refs.mentions, [(i, i + 1, False)], set(), refs=refs)] == [
        "Sylvanian National Committee"]


def test_a_members_own_political_party_is_proposed_but_not_a_body_it_speaks_for(nlp):
    from stance.parties.finder import parties_of_quotation

    text = ('Senator Ana Ruiz, a Republican, said: "Republicans have lost their way, and the FDL knows it."\n\n'
            "The Farmers Defence League (FDL) marched on Monday.")
    view, pendings = nlp.annotator.prepare(nlp.make_doc(text))
    p = pendings[0]
    own_party = parties_of_quotation(view, MentionIndex(view), p.raw, "Ana Ruiz", "Republican Party")
    assert "Republican Party" in {t.name for t in own_party}
    own_body = parties_of_quotation(view, MentionIndex(view), p.raw, "Ana Ruiz", "Farmers Defence League")
    assert "Farmers Defence League" not in {t.name for t in own_body}


def test_a_country_one_moves_into_is_a_place(nlp):
    text = "Dr. Ana Ruiz said migrants entering the United States or moving into Mexico were safe."
    (_, found), = _targets(nlp, text)
    assert "United States" not in found and "Mexico" not in found


def test_a_storm_a_god_or_a_disease_is_no_party(nlp):
    text = ("Hurricane Dorian hit the islands. Officials said Dorian had weakened and Lorenzo was "
            "coming, as Storm Lorenzo grew. Priests said the god Thoth was angry. Ana Ruiz said "
            "Parkinson's disease had killed Mendez.\n\nHurricane Donald, as fans call Donald Trump, spoke. "
            "Ana Ruiz said Donald Trump was right.")
    refs = _refs(nlp, text)
    assert {"Dorian", "Lorenzo", "Thoth", "Parkinson"} <= refs.things
    found = {n for _, got in _targets(nlp, text) for n in got}
    assert not found & {"Dorian", "Lorenzo", "Thoth", "Parkinson"}
    assert "Donald Trump" in found  # a person's name after "Hurricane" stays a person


def test_a_country_after_a_place_and_its_comma_is_a_place(nlp):
    """"in Nice, France": the country only locates the place before its comma; a list of
    countries keeps its members."""
    text = 'Ana Ruiz said "the attack in Nice, France was the work of Boris Kovac, and Belgium, Canada and Chad knew it."'
    (_, found), = _targets(nlp, text)
    assert "France" not in found
    assert {"Boris Kovac", "Belgium", "Canada", "Chad"} <= set(found)


def test_an_event_a_law_a_religion_or_a_deity_is_no_party(nlp):
    """Names of ``non_party_names.tsv`` kind ``thing`` are things: never proposed."""
    text = ('Ana Ruiz said "Brexit will hurt farmers, as World War II did, and Obamacare will not help '
            'them, and Islam and Satan have nothing to do with it, nor Common Core or America First," '
            'and she said Boris Kovac was wrong.')
    refs = _refs(nlp, text)
    things = {"Brexit", "World War II", "Obamacare", "Islam", "Satan", "Common Core", "America First"}
    assert things <= refs.things
    found = {n for _, got in _targets(nlp, text) for n in got}
    assert not found & things
    assert "Boris Kovac" in found


def test_the_judge_is_the_judge_the_article_named(nlp):
    text = ("Judge Maria Kovac sentenced Tom Reed on Monday. "
            'His lawyer Ana Ruiz said the judge had ignored the evidence.')
    found = dict(_targets(nlp, text))
    assert found["the judge had ignored the evidence"] == {"Maria Kovac": "description"}


def test_a_name_before_an_organisation_noun_is_no_antecedent(nlp):
    text = ('Tom Reed is innocent, said Reed campaign spokeswoman Ana Ruiz. "He will be cleared."')
    refs = _refs(nlp, text)
    i = refs.view.words.index("He")
    m = refs.previous_person(i, "he")
    assert m is not None and m.canonical == "Tom Reed" and m.start == 0  # not "Reed" of "Reed campaign"


def test_an_adjective_first_name_without_a_given_name_after_it_is_kept(nlp):
    text = "Rocky Linux shipped on Monday. Ana Ruiz said Red Hat Linux had lost users."
    assert _refs(nlp, text).person_form("Red Hat Linux") == "Red Hat Linux"


_WRITTEN = ("Members of Citizens for Responsibility and Ethics in Washington said CREW would sue. "
            "Organizing for Action (OFA) and the Federal Election Commission met. "
            "He said the FEC was slow, and Ana Ruiz of the McCain Institute agreed with her.")


def _written_initials_scan(view, mentions) -> dict[str, set[str]]:
    """The plain reading of references._written_initials: every token tested as it is met."""
    from stance.parties.references import _CONNECTORS, _MAX_WRITTEN, _title_word, initials
    words = view.words
    persons = {m.text for m in mentions.names if m.type == "person"}
    out: dict[str, set[str]] = {}
    i, n = 0, view.n
    while i < n:
        if not _title_word(words[i]):
            i += 1
            continue
        j = i
        while (j + 1 < n and j + 1 - i < _MAX_WRITTEN and view.sent_of[j + 1] == view.sent_of[i]
               and (_title_word(words[j + 1]) or (words[j + 1] in _CONNECTORS and j + 2 < n and _title_word(words[j + 2])))):
            j += 1
        caps = [k for k in range(i, j + 1) if _title_word(words[k])]
        for a in caps:
            for b in caps:
                if b > a and " ".join(words[a:b + 1]) not in persons:
                    for keep in (False, True):
                        out.setdefault(initials(words[a:b + 1], keep), set()).add(" ".join(words[a:b + 1]))
        i = j + 1
    return out


def test_written_initials_read_each_word_once_and_find_the_same_names(nlp):
    """The title-case flags computed once per word, and initials grown word by word up to the
    longest acronym asked for, give the names a token-by-token scan gives those acronyms."""
    from stance.parties.references import _written_initials
    view = build_view(nlp.make_doc(_WRITTEN))
    mentions = MentionIndex(view)
    scan = _written_initials_scan(view, mentions)
    for acronyms in ({"CREW"}, {"CREW", "OFA", "FEC", "MI"}, {"CFRAEIW", "OFA"}, set(scan)):
        got = _written_initials(view, mentions, acronyms)
        assert got == {k: v for k, v in scan.items() if k in acronyms}
    assert "Citizens for Responsibility and Ethics in Washington" in got["CREW"]
    # a name opening with a title-case connector: its initials without it start with the next word's
    view = build_view(nlp.make_doc("The Federal Election Commission met. For Our Future Action sued."))
    mentions = MentionIndex(view)
    scan = _written_initials_scan(view, mentions)
    for acronyms in ({"FEC", "TFEC", "OFA"}, {"FOFA", "OFA"}, set(scan)):
        assert _written_initials(view, mentions, acronyms) == {k: v for k, v in scan.items() if k in acronyms}
    assert _written_initials(view, mentions, {"FEC", "OFA"}) == {
        "FEC": {"The Federal Election Commission", "Federal Election Commission"}, "OFA": {"For Our Future Action"}}


def test_description_and_pronoun_positions_are_found_once_per_document(nlp):
    """The document's "the" and pronoun positions, and the names no pronoun refers to, are the
    ones a scan of every token and the union of the three name sets give."""
    from stance.text.lexicons import pronoun_kinds
    refs = _refs(nlp, _WRITTEN)
    pk = pronoun_kinds()
    assert refs.descriptions_and_pronouns == [i for i, w in enumerate(refs.view.lowers) if w == "the" or w in pk]
    assert refs.descriptions_and_pronouns  # "the", "He", "her"
    assert refs.no_antecedents == refs.initial_only | refs.placelike | refs.things


@pytest.mark.parametrize("text, subject", [
    ('Borislav Kovac won the vote. Kovac "has pole-vaulted himself into a real contest," said Mara Lind.', "Borislav Kovac"),
    ('After the storm, the Ministry of Ports "may have already closed the harbour," Mara Lind wrote.', "Ministry of Ports"),
])
def test_the_name_just_before_the_opening_mark_is_the_quotations_subject(nlp, text, subject):
    """The quotation's grammatical subject written outside it, right before its opening mark."""
    found = {name: via for _, f in _targets(nlp, text) for name, via in f.items()}
    assert found.get(subject) == "quote_subject", found


@pytest.mark.parametrize("text", [
    'According to historian Borislav Kovac, "rates have moved in step with wages."',
    'Rep. Mara Lind (R-Ore.): "I have not heard anyone say that."',
])
def test_a_name_before_a_comma_or_colon_is_no_quotation_subject(nlp, text):
    found = {name: via for _, f in _targets(nlp, text) for name, via in f.items()}
    assert "quote_subject" not in found.values(), found


def test_the_fed_is_the_federal_reserve(nlp):
    """"the Fed" is the gazetteer's Federal Reserve, the name the annotation writes."""
    text = 'Mara Lind said the Fed "will not raise rates this year."'
    found = {name for _, f in _targets(nlp, text) for name in f}
    assert "Federal Reserve" in found and "Fed" not in found


def test_one_person_is_proposed_once(nlp):
    """A person already proposed under the same name, or with a middle name or initial more or
    less ("John Bolton" after "John R. Bolton"), is not proposed again; other persons stay."""
    from stance.parties.finder import _person_forms
    from stance.parties.references import TargetMention

    text = "John R. Bolton and Ana Ruiz met John Bolton and Ana Ruiz."
    view = build_view(nlp.make_doc(text))
    refs = ArticleReferences(view, MentionIndex(view))
    w = view.words
    targets = [TargetMention("John R. Bolton", "person", 0, 3, "name"),
               TargetMention("Ana Ruiz", "person", 4, 6, "name"),
               TargetMention("John Bolton", "person", 7, 9, "salient_pronoun"),
               TargetMention("Ana Ruiz", "person", 10, 12, "description"),
               TargetMention("Ana Kovac", "person", 10, 12, "name")]
    assert w[7:9] == ["John", "Bolton"]
    got = [t.name for t in _person_forms(view, targets, refs, set())]
    assert got == ["John R. Bolton", "Ana Ruiz", "Ana Kovac"]


def test_one_scan_gives_the_descriptions_pronouns_and_genders(nlp):
    """The article's "the", pronoun and gendered-pronoun positions come from one scan of its
    tokens; each list is the scan for its own words alone, and the genders are those
    :func:`person_genders` finds by its own scan."""
    from stance.text.entity_types import PRONOUN_GENDER
    from stance.text.lexicons import pronoun_kinds

    text = ("Ana Ruiz met Tom Small on Monday. She said the plan would fail. "
            "Small blamed himself and said he would quit; they left the hall.")
    refs = _refs(nlp, text)
    lowers = refs.view.lowers
    keep = pronoun_kinds().keys() | {"the"}
    assert refs.descriptions_and_pronouns == [i for i, w in enumerate(lowers) if w in keep]
    assert refs.descriptions_and_pronouns  # "the", "she", "he", "they"
    assert refs.gender == person_genders(refs.view, refs.mentions)
    assert refs.gender == {"Ana Ruiz": "f", "Tom Small": "m"}
    assert person_genders(refs.view, refs.mentions, pronouns=[i for i, w in enumerate(lowers) if w in PRONOUN_GENDER]) == refs.gender


def test_frame_verb_polarities():
    pol = frame_verb_polarities()
    assert pol["accused"] == pol["warns"] == pol["slammed"] == pol["criticising"] == "hostile"
    assert pol["praised"] == pol["thanking"] == pol["congratulates"] == pol["endorsed"] == "conciliatory"
    assert "called" not in pol and "asked" not in pol and "said" not in pol and "referring" not in pol


def _frames(nlp, text: str, part: str) -> dict[str, str]:
    """{target name: the frame verb's stance toward it} of the quotation of ``text`` holding ``part``."""
    view, pendings = nlp.annotator.prepare(nlp.make_doc(text))
    for p in pendings:
        if part in text[p.raw.start:p.raw.end]:
            return {t.name: t.frame for t in p.targets}
    raise AssertionError(f"no quotation holds {part!r}")


@pytest.mark.parametrize("text, part, expected", [
    # the cue's own object, found by its name between cue and quotation
    ("Iran warned the United States that it would answer any attack.", "answer any attack",
     {"United States": "hostile"}),
    ("Mayor Ana Ruiz accused Boris Kovac of hiding the audit from the council.", "hiding the audit",
     {"Boris Kovac": "hostile"}),
    # another verb of the sentence; the object named again inside the quotation
    ('Ana Ruiz praised Boris Kovac for the deal, saying: "Kovac kept his word."', "kept his word",
     {"Boris Kovac": "conciliatory"}),
    # a verb that takes no stance, and a negated one
    ("Ana Ruiz asked Boris Kovac whether the audit was finished.", "the audit was finished", {"Boris Kovac": ""}),
    ("Ana Ruiz did not accuse Boris Kovac of hiding the audit from the council.", "hiding the audit", {"Boris Kovac": ""}),
    ("Ana Ruiz never accused Boris Kovac of hiding the audit from the council.", "hiding the audit", {"Boris Kovac": ""}),
])
def test_a_frame_verbs_stance_toward_its_object(nlp, text, part, expected):
    found = _frames(nlp, text, part)
    for name, frame in expected.items():
        hit = [n for n in found if name in n]
        assert hit, found
        assert found[hit[0]] == frame, found


def test_a_name_after_the_is_no_new_frame_object(nlp):
    # "the Kovac campaign's": the name modifies the object; it is not proposed from the frame
    text = 'Boris Kovac spoke first. Ana Ruiz denounced the Kovac campaign\'s leaflets, saying: "They are full of lies."'
    assert _frames(nlp, text, "full of lies") == {}
    text = 'Boris Kovac spoke first. Ana Ruiz denounced Kovac, saying: "They are full of lies."'
    assert _frames(nlp, text, "full of lies") == {"Boris Kovac": "hostile"}
