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
from stance.speakers.pronouns import antecedent_candidates, pick_by_rules, resolve_pronoun
from stance.text.mentions import MentionIndex
from stance.text.view import blank_english, build_view

SHIPPED = (default_models_dir() / PRONOUN_RANKER_ARTIFACT[0]).exists()
needs_artifact = pytest.mark.skipif(not SHIPPED, reason="models/pronoun_ranker is not shipped")
TEXT = ("Senator Maria Lopez met Governor Tom Baker in Denver on Monday. Baker praised the deal. "
        "She said that it would create jobs.")


def _setup(text: str):
    view = build_view(blank_english()(text))
    return view, MentionIndex(view)


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


def test_pronoun_set_names_are_read_from_offsets(tmp_path):
    text = "Ann Lee spoke first. Then she said that taxes would rise."
    (tmp_path / "polnear").mkdir()
    doc = {"doc_id": "x_2016-01-01_a", "split": "train", "text": text, "attributions": [], "discard_spans": [],
           "meta": {"publication_date": "2016-01-01"}}
    (tmp_path / "polnear" / "train.jsonl").write_text(json.dumps(doc) + "\n")
    s = text.index("she")
    row = {"doc_id": "x_2016-01-01_a", "split": "train", "pronoun": {"start": s, "end": s + 3}, "status": "resolved",
           "annotator": "T", "type": "person", "gender": "female", "antecedent_spans": [{"start": 0, "end": 7}]}
    p = tmp_path / "pronouns.jsonl"
    p.write_text(json.dumps(row) + "\n")
    arts = load_pronouns("train", tmp_path, sources=("pronoun_set",), path=p)
    assert arts == [{"id": "x_2016-01-01_a", "text": text, "source": "pronoun_set",
                     "pronouns": [{"start": s, "end": s + 3, "antecedent": "Ann Lee"}]}]
    assert load_pronouns("dev", tmp_path, sources=("pronoun_set",), path=p) == []
