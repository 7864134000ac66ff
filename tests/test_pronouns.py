"""The pronoun ranker: candidates, rules, the shipped artifact, the pronoun set reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stance
from stance.artifacts import default_models_dir
from stance.corpora.pronouns import load_pronouns
from stance.loader import PRONOUN_RANKER_ARTIFACT, load_pronoun_ranker
from stance.speakers.pronouns import (antecedent_candidates, pick_by_rules, ranks, referent_candidates, referent_kinds,
                                     resolve_pronoun, resolve_referent)
from stance.text.mentions import MentionIndex
from stance.text.view import blank_english, build_view

SHIPPED = (default_models_dir() / PRONOUN_RANKER_ARTIFACT[0]).exists()
needs_artifact = pytest.mark.skipif(not SHIPPED, reason="models/pronoun_ranker is not shipped")
TEXT = ("Senator Maria Lopez met Governor Tom Baker in Denver on Monday. Baker praised the deal. "
        "She said that it would create jobs.")


def _setup(text: str):
    view = build_view(blank_english()(text))
    return view, MentionIndex(view)


def _subj_first(text: str) -> dict[str, float]:
    """Each antecedent candidate's ``subj_first`` feature for the first "he" of ``text``."""
    view, mentions = _setup(text)
    return {c.mention.canonical: c.features.get("subj_first", 0.0)
            for c in antecedent_candidates(view, mentions, view.lowers.index("he"), [])}


def test_candidates_are_persons_before_the_pronoun_nearest_first():
    view, mentions = _setup(TEXT)
    i = view.lowers.index("she")
    cands = antecedent_candidates(view, mentions, i, [])
    names = [c.mention.canonical for c in cands]
    assert names == ["Maria Lopez"]  # Tom Baker ("Baker") is a man; Denver is a place
    assert cands[0].features["gender_match"] == 1.0
    view, mentions = _setup(TEXT.replace("She said", "He said"))
    he = antecedent_candidates(view, mentions, view.lowers.index("he"), [])
    assert [c.mention.canonical for c in he] == ["Tom Baker"]


def test_rules_skip_quoted_names():
    view, mentions = _setup(TEXT)
    i = view.lowers.index("she")
    assert pick_by_rules(antecedent_candidates(view, mentions, i, [])).mention.canonical == "Maria Lopez"
    # a name inside a quotation is a candidate but not the rules' pick
    view, mentions = _setup('Tom Baker spoke. "Ask Bob Smith," he said.')
    i = view.lowers.index("he")
    q0 = view.words.index("Ask")
    cands = antecedent_candidates(view, mentions, i, [(q0, q0 + 4)])
    assert pick_by_rules(cands).mention.canonical == "Tom Baker"


def test_previous_speaker_is_a_feature():
    view, mentions = _setup(TEXT)
    i = view.lowers.index("she")
    cands = antecedent_candidates(view, mentions, i, [], previous_speaker="Maria Lopez")
    assert {c.mention.canonical: c.features["prev_speaker"] for c in cands}["Maria Lopez"] == 1.0


@needs_artifact
def test_shipped_ranker_loads_and_is_used_by_default():
    r = load_pronoun_ranker()
    assert r is not None and "prev_speaker" in r.vocabulary_
    nlp = stance.load(stance_model=False)
    assert nlp.annotator.pronoun_ranker is not None
    assert stance.load(stance_model=False, ranker=False).annotator.pronoun_ranker is None
    assert nlp(TEXT).quotes[0].speaker.name == "Maria Lopez"


@needs_artifact
def test_ranker_choice_is_among_candidates():
    view, mentions = _setup(TEXT)
    i = view.lowers.index("she")
    m = resolve_pronoun(view, mentions, i, [], load_pronoun_ranker())
    assert m is not None and m.canonical in {"Maria Lopez", "Tom Baker"}


def test_relative_clause_feature_marks_candidates_of_its_sentence():
    text = "Kwak Gil Sup said the talks would fail. Tom Baker appeared on a show in which he called for talks."
    view, mentions = _setup(text)
    cands = antecedent_candidates(view, mentions, view.lowers.index("he"), [])
    feats = {c.mention.canonical: c.features["relative_same_sent"] for c in cands}
    assert feats == {"Tom Baker": 1.0, "Kwak Gil Sup": 0.0}
    view, mentions = _setup(text.replace("in which he called", "and he called"))
    assert all(c.features["relative_same_sent"] == 0.0 for c in antecedent_candidates(view, mentions, view.lowers.index("he"), []))


def test_no_candidate_no_resolution():
    view, mentions = _setup("He said that it would rain.")
    assert resolve_pronoun(view, mentions, 0, []) is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(list("abcdeHhSs,.\"'") + ["Tom", "Ann", "Smith", "he", "she", "Quebec", "Mr."]), max_size=60))
def test_candidates_on_any_text(words):
    text = " ".join(words)
    view, mentions = _setup(text)
    for i, w in enumerate(view.lowers):
        if w in ("he", "she"):
            for c in antecedent_candidates(view, mentions, i, []):
                assert c.mention.end <= i and c.mention.type == "person"


def _pronoun_set(tmp_path, doc_id: str, text: str, pronoun: str, antecedent_end: int, type_: str, gender: str):
    """A PolNeAR copy with one document and a pronoun set with its one pronoun; the set's path and
    the pronoun's start offset."""
    (tmp_path / "polnear").mkdir()
    doc = {"doc_id": doc_id, "split": "train", "text": text, "attributions": [], "discard_spans": [],
           "meta": {"publication_date": "2016-01-01"}}
    (tmp_path / "polnear" / "train.jsonl").write_text(json.dumps(doc) + "\n")
    s = text.index(pronoun)
    row = {"doc_id": doc_id, "split": "train", "pronoun": {"start": s, "end": s + len(pronoun)}, "status": "resolved",
           "annotator": "T", "type": type_, "gender": gender, "antecedent_spans": [{"start": 0, "end": antecedent_end}]}
    p = tmp_path / "pronouns.jsonl"
    p.write_text(json.dumps(row) + "\n")
    return p, s


def test_pronoun_set_names_are_read_from_offsets(tmp_path):
    text = "Ann Lee spoke first. Then she said that taxes would rise."
    p, s = _pronoun_set(tmp_path, "x_2016-01-01_a", text, "she", 7, "person", "female")
    arts = load_pronouns("train", tmp_path, sources=("pronoun_set",), path=p)
    assert arts == [{"id": "x_2016-01-01_a", "text": text, "source": "pronoun_set",
                     "pronouns": [{"start": s, "end": s + 3, "pronoun": "she", "antecedent": "Ann Lee"}]}]
    assert load_pronouns("dev", tmp_path, sources=("pronoun_set",), path=p) == []


def test_pronoun_set_reads_it_they_we_when_asked(tmp_path):
    text = "Researchers at Leeds studied birds. They said the birds were wild."
    p, s = _pronoun_set(tmp_path, "x_2016-01-01_b", text, "They", 11, "group", "")
    assert load_pronouns("train", tmp_path, sources=("pronoun_set",), path=p) == []  # he/she by default
    arts = load_pronouns("train", tmp_path, sources=("pronoun_set",), path=p, pronouns=("it", "they", "we"))
    assert arts[0]["pronouns"] == [{"start": s, "end": s + 4, "pronoun": "they", "antecedent": "Researchers"}]


# -- it / they / we ----------------------------------------------------------------------------

THEY = "Scientists at the University of Leeds studied the birds. They said the results were clear."


def _referents(text: str, word: str, **kw):
    view, mentions = _setup(text)
    i = max(k for k, w in enumerate(view.lowers) if w == word)
    return view, mentions, i, referent_candidates(view, mentions, i, [], **kw)


def test_agreement_table():
    kinds = referent_kinds()
    assert "person" not in kinds["it"] and "group" not in kinds["it"]  # "it" is never a person or a group
    assert "person" not in kinds["they"] and {"group", "persons", "organization"} <= kinds["they"]


def test_they_candidates_are_bodies_groups_and_joined_persons():
    _, _, _, refs = _referents(THEY, "they")
    assert {(r.name, r.type) for r in refs} == {("University of Leeds", "organization"), ("Scientists", "person")}
    # a plural name as written, not the party it stands for
    _, _, _, refs = _referents("Republicans met in Ohio on Tuesday. They said the tax plan would fail.", "they")
    assert [r.name for r in refs] == ["Republicans"]
    # persons only joined by "and"; a lone person is no "they"
    _, _, _, refs = _referents("Nancy Foner and Richard Alba wrote a study. They said Europe was different.", "they")
    assert "Nancy Foner and Richard Alba" in [r.name for r in refs]
    _, _, _, refs = _referents("Nancy Foner wrote a study. They said Europe was different.", "they")
    assert all(r.type != "person" for r in refs)


def test_it_candidates_are_never_persons_and_subjects_stop_at_the_verb():
    _, _, _, refs = _referents("Tom Baker met Google executives. It said the deal was good.", "it")
    assert [r.name for r in refs] == ["Google"]
    text = ("Tom Baker visited the California Department of Corrections on Monday. The department opened a prison. "
            "It said the prison was full.")
    _, _, _, refs = _referents(text, "it")
    assert "department opened a prison" not in [r.name for r in refs] and "department" in [r.name for r in refs]


def test_rules_answer_is_a_candidate_in_its_own_words():
    text = ("Tom Baker visited the California Department of Corrections on Monday. The department opened a prison. "
            "It said the prison was full.")
    view, mentions, i, _ = _referents(text, "it")
    rule = ("California Department of Corrections", "organization", None)
    refs = referent_candidates(view, mentions, i, [], rule=rule)
    picked = [r for r in refs if r.features.get("g:rule_pick")]
    assert [r.name for r in picked] == ["California Department of Corrections"]
    assert "department" not in [r.name for r in refs]  # the one-word form the rules spelled out is merged


class _Scores:
    """A stand-in ranker that scores a feature."""

    def __init__(self, feature: str):
        self.feature = feature

    def predict_proba(self, feats):
        import numpy as np
        s = np.array([f.get(self.feature, 0.0) for f in feats])
        return np.stack([1 - s, s], axis=1)


def test_resolve_referent_takes_the_best_candidate_or_the_rules_answer():
    view, mentions, i, _ = _referents(THEY, "they")
    name, typ, m = resolve_referent(view, mentions, i, [], _Scores("g:kind=group"), ("University of Leeds", "organization", None))
    assert (name, typ, m) == ("Scientists", "person", None)
    view, mentions = _setup("They said it.")
    rule = ("They", "unknown", None)
    assert resolve_referent(view, mentions, 0, [], _Scores("g:kind=group"), rule) == rule


def test_ranks_reads_the_pronouns_the_ranker_resolves():
    assert not ranks(None, "he")
    assert ranks(_Scores("x"), "she") and not ranks(_Scores("x"), "they")  # a ranker without a list: he/she
    r = _Scores("x")
    r.pronouns = frozenset({"he", "she", "they"})
    assert ranks(r, "they") and not ranks(r, "it")


@needs_artifact
def test_shipped_ranker_resolves_they_to_the_group():
    r = load_pronoun_ranker()
    assert {"he", "she"} <= r.pronouns
    nlp = stance.load(stance_model=False)
    text = "Republicans met in Ohio on Tuesday. They said the tax plan would fail."
    if "they" in r.pronouns:
        assert nlp(text).quotes[0].speaker.name == "Republicans"
    nlp.annotator.pronoun_ranker = None  # the rules: the body named before, as the party's name
    assert nlp(text).quotes[0].speaker.name == "Republican Party"


def test_per_pronoun_counts_rules_and_ranker_over_all_pronouns():
    from stance.training.pronoun_ranker import per_pronoun

    ex = {"y": [0, 1, 1, 0], "groups": [1, 1, 2, 2],
          "per": [{"pronoun": "they", "rule_ok": False, "group": 1, "candidates": 2},
                  {"pronoun": "they", "rule_ok": True, "group": 2, "candidates": 2},
                  {"pronoun": "they", "rule_ok": True, "group": 0, "candidates": 0},
                  {"pronoun": "it", "rule_ok": False, "group": 0, "candidates": 3}]}
    out = per_pronoun([0.2, 0.9, 0.3, 0.8], ex)
    assert out["they"]["ranker"] == 2 and out["they"]["rules"] == 2 and out["they"]["pronouns"] == 3
    assert out["it"] == {"pronouns": 1, "ranker": 0, "rules": 0, "resolvable": 0, "ranker_accuracy": 0.0, "rules_accuracy": 0.0}


def test_joined_persons_are_named_in_full():
    # "Wilcox and Beruff" after "Todd Wilcox" and "Carlos Beruff": the candidate carries their full names
    text = ("Todd Wilcox and Carlos Beruff are running for the Senate. Wilcox and Beruff argued that the "
            "department is not needed. States can do that, they said.")
    _, _, _, refs = _referents(text, "they")
    names = [r.name for r in refs]
    assert "Todd Wilcox and Carlos Beruff" in names and "Wilcox and Beruff" not in names


def test_a_thing_named_after_a_person_is_no_he():
    # "Trump Tower Grill" (no given name, starting with the surname of "Donald Trump") is no person a he denotes
    text = ("Donald Trump posted a photo on Thursday. The photo showed Trump Tower Grill. "
            "He said it was the best.")
    view, mentions = _setup(text)
    names = [c.mention.canonical for c in antecedent_candidates(view, mentions, view.lowers.index("he"), [])]
    assert "Trump Tower Grill" not in names and "Donald Trump" in names
    # a person of three words with a given name stays one
    text = "Donald Trump met Harry B. Harris on Friday. He said the talks went well."
    view, mentions = _setup(text)
    names = [c.mention.canonical for c in antecedent_candidates(view, mentions, view.lowers.index("he"), [])]
    assert "Harry B. Harris" in names


def test_a_given_name_of_no_known_gender_takes_the_gender_its_pronouns_show():
    """"Ban" and "Barack" have no gender in the given-name list: the he/she that follows the
    person's mentions shows it ("Ban's persistence. When he took office")."""
    from stance.speakers.pronouns import person_gender

    text = ("Ban Ki-moon sat in a hotel in Washington this week, and he looked relaxed. The deal might not have happened without Ban's "
            "persistence. When he took office in 2007, he made climate change his top goal.")
    view, mentions = _setup(text)
    ban = next(m for m in mentions.names if m.canonical == "Ban Ki-moon")
    assert person_gender(view, mentions, ban) == "m"


def test_a_name_without_a_given_name_takes_no_gender_from_pronouns():
    """A place or a thing typed as a person ("Scarborough Shoal") gets no gender from a he after it."""
    from stance.speakers.pronouns import person_gender

    text = "Admiral Roe flew over Scarborough Shoal on Monday. Later he said the reef was being built up."
    view, mentions = _setup(text)
    shoal = [m for m in mentions.names if m.canonical == "Scarborough Shoal"]
    assert all(person_gender(view, mentions, m) == "" for m in shoal)


@needs_artifact
def test_he_after_a_person_of_unknown_given_name_is_that_person():
    """With the shipped rankers: "he" is Ban Ki-moon (his gender shown by the article's pronouns),
    not Donald Trump, the only person of a known gender named before."""
    text = ("Ban Ki-moon sat in a hotel in Washington this week, and he looked relaxed. The deal might not have happened without Ban's "
            "persistence. When he took office in 2007, he made climate change his top goal. Donald Trump has called "
            "global warming a hoax. Asked whether Trump could win, Ban demurred. \"There is just one science,\" he said.")
    a = stance.load(stance_model=False)(text)
    assert [q.speaker.name for q in a.quotes if "one science" in q.quote.text] == ["Ban Ki-moon"]


def test_one_pronoun_alone_shows_no_gender_for_a_name_of_unknown_gender():
    """One "he" after the only mention is too weak ("Kwak Gil Sup ..., he said" in the reference
    article): at least two more of one gender are needed."""
    from stance.speakers.pronouns import person_gender

    text = "Kwak Gil Sup, head of a research centre, spoke on Monday. Later he said the talks would fail."
    view, mentions = _setup(text)
    kwak = next(m for m in mentions.names if m.canonical == "Kwak Gil Sup")
    assert person_gender(view, mentions, kwak) == ""


def test_a_name_in_the_quotation_the_pronoun_attributes_is_marked_own_quote():
    text = 'Tom Baker spoke on Monday. "Bob Smith lost me long ago," he said.'
    view, mentions = _setup(text)
    i = view.lowers.index("he")
    q0 = view.words.index('"')
    q1 = len(view.words) - view.words[::-1].index('"')
    feats = {c.mention.canonical: c.features["own_quote"] for c in antecedent_candidates(view, mentions, i, [(q0, q1)])}
    assert feats == {"Bob Smith": 1.0, "Tom Baker": 0.0}
    # a quotation that closed well before the pronoun is not its own
    text = '"Bob Smith is wrong," Tom Baker told reporters at the town hall on Monday, and then he said more.'
    view, mentions = _setup(text)
    feats = {c.mention.canonical: c.features["own_quote"] for c in antecedent_candidates(view, mentions, view.lowers.index("he"), [(0, 6)])}
    assert feats["Bob Smith"] == 0.0


def test_a_name_that_modifies_a_noun_is_attributive():
    view, mentions = _setup("Ann Lee, a Baker supporter, met Tom Baker. He said the vote was close.")
    cands = antecedent_candidates(view, mentions, view.lowers.index("he"), [])
    # the nearest Baker mention ("met Tom Baker.") is no modifier
    assert cands and all(c.features["attributive"] == 0.0 for c in cands)
    view, mentions = _setup("Tom Lee met the Baker campaign. He said the vote was close.")
    feats = {c.mention.canonical: c.features["attributive"] for c in antecedent_candidates(view, mentions, view.lowers.index("he"), [])}
    assert feats["Baker"] == 1.0 and feats["Tom Lee"] == 0.0


def test_window_salience_counts_mentions_and_subjects_near_the_pronoun():
    text = ("Tom Baker spoke first. Tom Baker has a plan. Bob Smith listened to Baker. "
            "He said the plan would work.")
    view, mentions = _setup(text)
    feats = {c.mention.canonical: c.features for c in antecedent_candidates(view, mentions, view.lowers.index("he"), [])}
    assert feats["Tom Baker"]["near_count"] > feats["Bob Smith"]["near_count"] > 0.0
    assert feats["Tom Baker"]["near_subject"] > feats["Bob Smith"]["near_subject"] > 0.0


@needs_artifact
def test_shipped_ranker_knows_the_window_salience_features():
    r = load_pronoun_ranker()
    assert {"own_quote", "attributive", "near_count", "near_subject", "subj_first", "chain"} <= set(r.vocabulary_)
    text = 'Former Senator Tom Baker backs Ann Lee now. "Bob Smith lost me a long time ago," he said.'
    speakers = [q.speaker.name for q in stance.load(stance_model=False)(text).quotes if q.speaker is not None]
    assert speakers == ["Tom Baker"]


def test_a_subject_after_a_fronted_phrase_counts_as_a_subject():
    text = "On Wednesday, the day he left, Bob Smith endorsed Tom Baker. He said it was time."
    view, mentions = _setup(text)
    feats = {c.mention.canonical: c.features["near_subject"] for c in antecedent_candidates(view, mentions, view.lowers.index("he", 6), [])}
    assert feats["Bob Smith"] > 0.0 and feats["Tom Baker"] == 0.0


def test_the_person_last_named_as_a_subject_is_marked_subj_first():
    text = "Tom Baker met Bob Smith in Ohio. Later the talks went on. He said the deal was near."
    assert _subj_first(text) == {"Bob Smith": 0.0, "Tom Baker": 1.0}


def test_chain_counts_the_agreeing_pronouns_before_the_next_candidate():
    text = "Tom Baker said his plan would work and he would win. Bob Smith disagreed. He said it would fail."
    view, mentions = _setup(text)
    i = len(view.lowers) - 1 - view.lowers[::-1].index("he")
    feats = {c.mention.canonical: c.features["chain"] for c in antecedent_candidates(view, mentions, i, [])}
    assert feats["Tom Baker"] > 0.0 and feats["Bob Smith"] == 0.0
    # a "she" counts her pronouns, not his
    text = "Ann Lee said his plan would fail. Tom Baker disagreed. She said it would fail."
    view, mentions = _setup(text)
    feats = {c.mention.canonical: c.features["chain"] for c in antecedent_candidates(view, mentions, view.lowers.index("she"), [])}
    assert feats == {"Ann Lee": 0.0}


def test_the_subject_of_the_words_a_trailing_pronoun_reports_is_not_subj_first():
    # "Tom Baker met ..." is the last subject before "he"; in "Bob Smith is wrong, he said" the
    # subject before the comma belongs to the reported words
    assert _subj_first("Tom Baker met voters in Ohio. Bob Smith is wrong, he said.") == {"Bob Smith": 0.0, "Tom Baker": 1.0}
    assert _subj_first("Tom Baker met voters in Ohio. Bob Smith arrived and he said more.") == {"Bob Smith": 1.0, "Tom Baker": 0.0}


def test_a_body_named_as_a_modifier_is_marked_attributive_for_it():
    text = "The Orvane Space Agency covered a Kestrel Orbital Station spacewalk. It praised the crew."
    view, mentions = _setup(text)
    i = view.words.index("It")
    feats = {r.name: r.features.get("g:attributive", 0.0) for r in referent_candidates(view, mentions, i, [])}
    assert feats.get("Kestrel Orbital Station") == 1.0 and feats.get("Orvane Space Agency") == 0.0


def test_fit_pairwise_ranks_within_each_pronoun_and_exports_as_a_linear_ranker():
    from stance.training.export import build_inference
    from stance.training.pronoun_ranker import fit_pairwise, top1

    # the antecedent is the nearer candidate of each pronoun, whatever the distances' level: a
    # candidate alone says little (distance 0.5 is the antecedent of one pronoun, not of another)
    X, y, g = [], [], []
    for k, (near, far) in enumerate([(0.1, 0.3), (0.5, 0.7), (0.3, 0.5), (0.7, 0.9), (0.2, 0.4), (0.6, 0.8)]):
        for d, lab in ((near, 1), (far, 0)):
            X.append({"tok_dist": d, f"level={k % 2}": 1.0})
            y.append(lab)
            g.append(k)
    model = fit_pairwise(X, y, g, C=10.0)
    assert model.steps[-1][1].intercept_ == 0.0
    assert top1(model.predict_proba(X)[:, 1], y, g)["accuracy"] == 1.0
    assert top1([1.0 - x["tok_dist"] for x in X], y, g)["accuracy"] == 1.0  # (the data's rule)
    _, info = build_inference(model, X)  # the exported arrays score as the estimator does
    assert info["kind"] == "linear-ranker"


def test_fit_pairwise_takes_no_pairs_from_a_group_without_an_antecedent():
    from stance.training.pronoun_ranker import fit_pairwise

    model = fit_pairwise([{"a": 1.0}, {"a": 0.0}], [0, 0], [1, 1])
    assert model.predict_proba([{"a": 1.0}])[0, 1] == 0.5


def _he_candidates(text: str, word: str = "he") -> list[str]:
    view, mentions = _setup(text)
    return [c.mention.canonical for c in antecedent_candidates(view, mentions, view.lowers.index(word), [])]


def test_a_lone_place_is_no_he_she_antecedent_even_when_also_a_given_name():
    # "Nevada" is also a given name, "Orlando" also a surname: alone, each is the place
    assert "Nevada" not in _he_candidates("Dana Velk spoke after Nevada voted. Nevada was close, she said.", "she")
    assert "Orlando" not in _he_candidates("Jo Roe met voters. Orlando mourned, he said.")
    # a given name of a person the article names in full stays that person's
    assert "Orlando Bloom" in _he_candidates("Orlando Bloom met voters. Orlando waved, and he said it went well.")


def test_plural_common_nouns_and_things_named_for_a_person_are_no_he_she_antecedent():
    cands = _he_candidates("Dana Velk runs a stall. Sales were great, he said.")
    assert "Sales" not in cands and "Dana Velk" in cands
    cands = _he_candidates("Donald Roe spoke. Team Roe rallied, and he said it would win.")
    assert "Team Roe" not in cands and "Donald Roe" in cands
    # a person's own given name that is also a common word is no such thing ("Rush Limbaugh")
    assert "Rush Limbaugh" in _he_candidates("Rush Limbaugh spoke on air. Later he said it again.")
