"""The trained party filter: features, selection, the shipped artifact, the option through every
entry point, and the training labels."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stance
from stance.artifacts import ArtifactError, default_models_dir
from stance.defaults import DEFAULTS, pipeline_options
from stance.loader import PARTY_FILTER_ARTIFACT, load_party_filter
from stance.parties.features import ArticleContext, target_features
from stance.parties.filter import PartyFilter

TEXT = (
    'Opposition leader Ana Ruiz accused the government of "selling out farmers" to Sylvania. '
    '"Sylvania and Germany have betrayed us, and Boris Kovac knows it," Ruiz told the Daily Planet on Monday. '
    "Boris Kovac, the prime minister of Sylvania, said France would mediate."
)
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_d50484cecb39428e.gold.json"
SHIPPED = (default_models_dir() / PARTY_FILTER_ARTIFACT[0]).exists()
needs_artifact = pytest.mark.skipif(not SHIPPED, reason="models/party_filter is not shipped")


class _Capture:
    """Stands in for the filter: keeps what the pipeline hands it, drops nothing."""

    def select_all(self, view, mentions, quotes):
        self.args = (view, mentions, list(quotes))
        return [list(q[1]) for q in quotes]


def _target_features_of(nlp, text: str, by_span: bool = True) -> dict:
    """Each proposed target's filter features in ``text``: the pipeline runs with a capturing
    filter; keyed by the target's text in the article (``by_span``) or by its name."""
    cap = _Capture()
    nlp.annotator.party_filter = cap
    try:
        nlp(text)
    finally:
        nlp.annotator.party_filter = None
    view, mentions, quotes = cap.args
    ctx = ArticleContext(view, mentions, [q[2] for q in quotes])
    return {(view.span_text(t.start, t.end) if by_span else t.name): f for raw, targets, speaker, aff in quotes
            for t, f in zip(targets, target_features(ctx, raw, targets, speaker, aff))}


@pytest.fixture(scope="module")
def captured():
    nlp = stance.load(stance_model=False, party_filter=False)
    cap = _Capture()
    nlp.annotator.party_filter = cap
    nlp(TEXT)
    return cap.args


class _FixedScorer:
    """A scorer returning given party probabilities in order."""

    classes_ = np.array([0, 1])

    def __init__(self, p):
        self.p = np.asarray(p, dtype=float)

    def predict_proba(self, X):
        assert len(X) == len(self.p)
        return np.stack([1 - self.p, self.p], axis=1)


def test_features_describe_the_target(captured):
    view, mentions, quotes = captured
    ctx = ArticleContext(view, mentions, [q[2] for q in quotes])
    raw, targets, speaker, aff = next(q for q in quotes if len(q[1]) == 3)
    feats = {t.name: f for t, f in zip(targets, target_features(ctx, raw, targets, speaker, aff))}
    assert set(feats) == {"Sylvania", "Germany", "Boris Kovac"}
    assert feats["Germany"]["type"] == "state" and feats["Germany"]["country"] == 1.0
    assert feats["Germany"]["where"] == "quote" and feats["Germany"]["rule"] == "name"
    # (the quotation's opening mark starts the sentence, as a curly one does: "Sylvania" comes after it)
    assert "sent_initial" not in feats["Sylvania"] and feats["Sylvania"]["count"] == "3-4"
    assert feats["Boris Kovac"]["type"] == "person" and feats["Boris Kovac"]["n_tok"] == "2"
    assert "country" not in feats["Boris Kovac"]
    # a state against the speaker's affiliation, and the pairs a linear model cannot form
    assert feats["Germany"]["state_vs_affiliation"] == ("none" if not aff else "other_state" if aff == "Sylvania" else "not_state")
    assert "state_vs_affiliation" not in feats["Boris Kovac"]
    assert feats["Germany"]["type_rule_where"] == "state|name|quote"
    assert feats["Boris Kovac"]["type_kind"] == f"person|{raw.kind}"


def test_features_of_a_pronouns_reading():
    """A target found through a pronoun carries how many sentences back its name was last written
    and how often the article names it against the other persons."""
    text = ("Boris Kovac won the vote. Kovac thanked his voters. Tom Reed lost. "
            'Ana Ruiz said: "He will not last a year."')
    nlp = stance.load(stance_model=False, party_filter=False)
    cap = _Capture()
    nlp.annotator.party_filter = cap
    nlp(text)
    view, mentions, quotes = cap.args
    ctx = ArticleContext(view, mentions, [q[2] for q in quotes])
    raw, targets, speaker, aff = next(q for q in quotes if q[1])
    feats = {t.name: f for t, f in zip(targets, target_features(ctx, raw, targets, speaker, aff))}
    assert feats["Boris Kovac"]["rule"] == "pronoun"
    assert feats["Boris Kovac"]["ante_sents"] == "2" and feats["Boris Kovac"]["person_rank"] == "0"
    assert ctx.sentences_since_named("Boris Kovac", 0) is None


@settings(max_examples=40, deadline=None)
@given(data=st.data(), threshold=st.floats(0.0, 1.0))
def test_select_all_keeps_exactly_the_targets_at_or_above_the_threshold(captured, data, threshold):
    view, mentions, quotes = captured
    n = sum(len(q[1]) for q in quotes)
    p = data.draw(st.lists(st.floats(0.0, 1.0), min_size=n, max_size=n))
    kept = PartyFilter(_FixedScorer(p), threshold).select_all(view, mentions, quotes)
    assert len(kept) == len(quotes)
    k = 0
    for (_, targets, _, _), out in zip(quotes, kept):
        assert out == [t for j, t in enumerate(targets) if p[k + j] >= threshold]  # same order
        k += len(targets)


@settings(max_examples=40, deadline=None)
@given(data=st.data(), person=st.floats(0.0, 1.0), state=st.floats(0.0, 1.0), default=st.floats(0.0, 1.0))
def test_select_all_applies_each_types_threshold(captured, data, person, state, default):
    view, mentions, quotes = captured
    n = sum(len(q[1]) for q in quotes)
    p = data.draw(st.lists(st.floats(0.0, 1.0), min_size=n, max_size=n))
    pf = PartyFilter(_FixedScorer(p), default, {"person": person, "state": state})
    kept = pf.select_all(view, mentions, quotes)
    k = 0
    for (_, targets, _, _), out in zip(quotes, kept):
        cut = {"person": person, "state": state}
        assert out == [t for j, t in enumerate(targets) if p[k + j] >= cut.get(t.type, default)]
        k += len(targets)
    assert pf.threshold_of("organization") == default and pf.threshold_of("person") == person


def test_choose_type_thresholds_respects_each_types_floor():
    from stance.training.party_filter import choose_type_thresholds, type_party_f1

    # persons: parties score high, non-parties 0.5; states: the one party scores 0.2, non-parties 0.6
    proba = [0.9, 0.8, 0.5, 0.5, 0.2, 0.6, 0.6]
    y = [1, 1, 0, 0, 1, 0, 0]
    types = ["person"] * 4 + ["state"] * 3
    free = choose_type_thresholds(proba, y, types, 3, 0.1, {})
    assert free["person"] > 0.5 and type_party_f1(proba, y, types, 3, free, 0.1)["f1"] >= 0.8
    held = choose_type_thresholds(proba, y, types, 3, 0.1, {"state": 0.2})
    assert held["state"] <= 0.2 and held["person"] > 0.5  # a state floor does not hold persons down


def test_features_learned_from_the_not_parties(nlp_rules):
    from stance.parties.features import non_party_kinds

    kinds = non_party_kinds()
    assert kinds["Iowa"] == "place" and kinds["CNN"] == "media" and kinds["Muslims"] == "group"
    text = ('Senator Ana Ruiz said American troops in Iowa were "ready." '
            'Ana Ruiz told CNN that U.S. envoy Boris Kovac "has lied to Texas and to the Muslims."')
    feats = _target_features_of(nlp_rules, text)
    assert feats["American"]["state_modifier"] == 1.0  # "American troops"
    assert feats["American"]["modifies"] == "agent"  # troops act for the state
    assert "state_before_person" not in feats["American"]
    # a place is not even proposed now: the entity typer types "Iowa" a place (stance.text.entity_types)
    assert "Iowa" not in feats
    assert feats["U.S."]["state_before_person"] == 1.0  # "U.S. envoy Boris Kovac"
    assert "non_party_kind" not in feats["Boris Kovac"] and "state_modifier" not in feats["Boris Kovac"]


def test_filter_refuses_a_scorer_without_the_party_class():
    class NoParty(_FixedScorer):
        classes_ = np.array(["a", "b"])

    with pytest.raises(ValueError, match="classes"):
        PartyFilter(NoParty([]), 0.5)


@needs_artifact
def test_a_state_modifier_of_a_population_is_no_agent(nlp_rules):
    text = 'Senator Ana Ruiz said American voters and the Chinese military were "ready."'
    feats = _target_features_of(nlp_rules, text)
    assert feats["American"]["modifies"] == "other"  # "American voters": a population
    assert feats["Chinese"]["modifies"] == "agent"  # "Chinese military": the state acting


def test_a_person_with_nothing_that_shows_it_is_one(nlp_rules):
    text = 'Senator Ana Ruiz said Gillespie Field and Boris Kovac were "ready."'
    feats = _target_features_of(nlp_rules, text, by_span=False)
    assert feats["Gillespie Field"]["type"] == "person"  # typed one by default
    assert feats["Gillespie Field"]["person_no_evidence"] == 1.0
    assert "person_no_evidence" not in feats["Boris Kovac"]  # a given name shows it


def test_the_written_form_of_an_alias_is_a_feature(nlp_rules):
    # party-filter 1.9.0: "America" is a party 9 times of 55 on train, "U.S." 15 of 45, "Republicans" 38 of 60
    text = 'Senator Ana Ruiz said America and the U.S. Navy had failed Boris Kovac, "again."'
    feats = _target_features_of(nlp_rules, text)
    assert feats["America"]["written"] == "america" and feats["America"]["rule"] == "alias"
    assert "written" not in feats["Boris Kovac"]  # persons: no written form


def test_shipped_artifact_and_its_manifest():
    pf = load_party_filter()
    assert isinstance(pf, PartyFilter) and 0.0 < pf.threshold < 1.0
    manifest = json.loads((default_models_dir() / "party_filter" / "manifest.json").read_text())
    assert manifest["name"] == "party-filter" and manifest["version"].startswith("2.")
    assert manifest["inference"]["kind"] == "tree-ensemble" and manifest["inference"]["max_abs_diff_train"] < 1e-9
    assert manifest["labels"] == ["not_party", "party"] and manifest["decision_threshold"] == pf.threshold
    assert set(manifest["type_thresholds"]) == {"person", "state", "organization"}
    assert pf.type_thresholds == manifest["type_thresholds"]
    files = {(d["corpus"], d["file"]) for d in manifest["training_data"]}
    assert ("wikinews", "train.jsonl") in files and ("polnear", "dev.jsonl") in files
    assert not any(d["file"] == "test.jsonl" for d in manifest["training_data"])


def test_no_artifact_means_no_filter(tmp_path):
    assert load_party_filter(tmp_path) is None


@needs_artifact
@pytest.mark.parametrize("edit", ["threshold", "type_thresholds", "name", "major", "kind", "npz"])
def test_loader_refuses_a_mismatched_artifact(tmp_path, edit):
    art = tmp_path / "party_filter"
    shutil.copytree(default_models_dir() / "party_filter", art)
    mpath = art / "manifest.json"
    m = json.loads(mpath.read_text())
    if edit == "threshold":
        m["decision_threshold"] = 1.5
    elif edit == "type_thresholds":
        m["type_thresholds"] = {"person": "high"}
    elif edit == "name":
        m["name"] = "speaker-ranker"
    elif edit == "major":
        m["version"] = "1.9.0"  # a 1.x filter is a linear ranker; this loader reads 2.x tree ensembles
    elif edit == "kind":
        m["inference"]["kind"] = "linear-ranker"
    mpath.write_text(json.dumps(m))
    if edit == "npz":
        data = bytearray((art / "inference.npz").read_bytes())
        data[len(data) // 2] ^= 0xFF
        (art / "inference.npz").write_bytes(bytes(data))
    with pytest.raises(ArtifactError):
        load_party_filter(tmp_path)


@needs_artifact
def test_option_flows_through_load_component_and_config():
    assert DEFAULTS["party_filter"] is True
    assert pipeline_options(party_filter=0)["party_filter"] is False
    on, off = stance.load(stance_model=False), stance.load(stance_model=False, party_filter=False)
    assert isinstance(on.annotator.party_filter, PartyFilter) and off.annotator.party_filter is None
    assert on.config()["party_filter"] is True and off.config()["party_filter"] is False
    import spacy

    nlp = spacy.blank("en")
    comp = nlp.add_pipe("stance", config={"stance_model": False, "party_filter": False})
    assert comp.annotator.party_filter is None
    comp = spacy.blank("en").add_pipe("stance", config={"stance_model": False})
    assert isinstance(comp.annotator.party_filter, PartyFilter)


@needs_artifact
def test_filter_only_removes_and_keeps_the_reference_articles_targets():
    text = json.loads(SEED.read_text())["text"]
    on = stance.load()(text)
    off = stance.load(party_filter=False)(text)
    assert [q.quote for q in on.quotes] == [q.quote for q in off.quotes]
    for a, b in zip(on.quotes, off.quotes):
        assert {s.target for s in a.stances} <= {s.target for s in b.stances}
    # the threshold was chosen to keep every true target of the reference article; its only false
    # proposals are the salient-person readings of pronouns, which the filter drops
    nlp = stance.load(stance_model=False, party_filter=False)
    _, pendings = nlp.annotator.prepare(nlp.make_doc(text))
    assert len(pendings) == len(on.quotes)
    rules = [[t.name for t in p.targets if t.via != "salient_pronoun"] for p in pendings]
    assert [[s.target for s in q.stances] for q in on.quotes] == rules


@needs_artifact
def test_cli_no_party_filter(tmp_path):
    from stance.cli import main

    src = tmp_path / "a.txt"
    src.write_text(TEXT)
    outs = []
    for flags in ([], ["--no-party-filter"]):
        out = tmp_path / f"out{len(outs)}.jsonl"
        assert main(["analyze", str(src), "-o", str(out), "--progress", "never", *flags]) == 0
        outs.append(json.loads(out.read_text()))
    n = [sum(len(q["stances"]) for q in o["quotes"]) for o in outs]
    assert n[0] <= n[1] and n[1] >= 4


def test_training_labels_follow_the_gold_parties(captured):
    from stance.training.party_filter import build_examples, party_f1

    nlp = stance.load(stance_model=False, party_filter=False)
    a = nlp(TEXT)
    q = next(q for q in a.quotes if q.quote.text.startswith("Sylvania and Germany"))
    gold = {"id": "t", "text": TEXT, "quotes": [{
        "quote": {"start": q.quote.start, "end": q.quote.end},
        "stances": [{"target": "Germany", "label": "hostile"}, {"target": "Kovac", "label": "hostile"},
                    {"target": "Sylvania", "label": "hostile", "implicit": True}],
        "not_parties": ["Sylvania"]}]}
    ex = build_examples([gold], nlp)
    assert nlp.annotator.party_filter is None  # the recorder is removed again
    names = [f["n_tok"] for f in ex["X"]]
    assert len(names) == 3 and ex["quotes_matched"] == 1 and ex["gold_parties"] == 2  # implicit left out
    assert ex["y"] == [0, 1, 1] and ex["listed"] == [True, False, False]  # Sylvania, Germany, Boris Kovac
    r = party_f1(np.array([0.2, 0.9, 0.6]), ex["y"], ex["gold_parties"], 0.5)
    assert (r["precision"], r["recall"], r["kept"]) == (1.0, 1.0, 2)


def test_choose_threshold_maximises_f1_under_the_reference_floor():
    from stance.training.party_filter import choose_threshold

    proba = [0.9, 0.7, 0.6, 0.3, 0.2]
    y = [1, 1, 0, 1, 0]
    # keeping the top four (P 3/4, R 1: F1 0.857) beats the top two (F1 0.8) and all five (0.75);
    # of the equal thresholds 0.21 ... 0.30, the one nearest 0.5
    assert choose_threshold(proba, y, 3, 1.0) == 0.3
    assert choose_threshold(proba, y, 3, 0.25) == 0.25  # the reference floor holds it down
    assert choose_threshold(proba, y, 3, 0.0) == 0.0


def test_features_of_a_targets_role_in_its_clause(nlp_rules):
    """The governing preposition or verb of telling (determiners read past), a possessive
    determiner, and a subject or modifier reading from the word after the name."""
    text = ('Ana Ruiz said "Boris Kovac will lose in the Senate of Sylvania, and our Farmers League '
            'knows it." Ruiz also told the Daily Planet that Kovac posted on Twitter.')
    feats = _target_features_of(nlp_rules, text, by_span=False)
    assert feats["Boris Kovac"]["role"] == "subject" and "gov" not in feats["Boris Kovac"]
    assert feats["Senate of Sylvania"]["gov"] == "place"
    assert feats["Farmers League"]["possessed"] == "our"


@pytest.mark.parametrize("written, expected", [
    ("Leave", "all"), ("Title Sponsor", "all"), ("Sometimes", "all"),
    ("Stockholm Syndrome", "some"), ("Boris Kovac", None), ("Ana Ruiz", None), ("Hope", None),
])
def test_names_made_of_common_words(written, expected):
    """A capitalised common noun, adjective or stop word is no name's word; a given name is one
    even when it is also a common word ("Hope")."""
    from stance.parties.features import common_words

    assert common_words(written) == expected


def test_grammatical_role_reads_prepositions_and_the_word_after(nlp_rules):
    from stance.parties.features import grammatical_role
    from stance.text.view import build_view

    view = build_view(nlp_rules.make_doc("He told the Daily Planet that Twitter handles at his Farmers League were closed."))
    w = view.words
    planet = (w.index("Daily"), w.index("Planet") + 1)
    assert grammatical_role(view, *planet)["gov"] == "addressee"
    twitter = (w.index("Twitter"), w.index("Twitter") + 1)
    assert grammatical_role(view, *twitter)["role"] == "modifier"
    league = (w.index("Farmers"), w.index("League") + 1)
    assert grammatical_role(view, *league) == {"possessed": "his", "gov": "place", "role": "subject"}


def test_a_preposition_governs_the_noun_a_target_modifies_or_possesses(nlp_rules):
    """"to U.S. interests", "to Kovac's plan": the preposition governs the noun after the target,
    so the target gets ``gov_noun``, not ``gov``; "to Kovac." keeps ``gov``."""
    from stance.parties.features import grammatical_role
    from stance.text.view import build_view

    view = build_view(nlp_rules.make_doc(
        "It will never contribute to U.S. interests, nor to Kovac's plan, nor to the hostile Sylvania "
        "army, said Ruiz, who wrote to Kovac."))
    w = view.words
    us = (w.index("U.S."), w.index("U.S.") + 1)
    assert grammatical_role(view, *us) == {"gov_noun": "place", "role": "modifier"}
    kovac = w.index("Kovac")
    assert grammatical_role(view, kovac, kovac + 1) == {"gov_noun": "place"}
    last = len(w) - 1 - w[::-1].index("Kovac")
    assert grammatical_role(view, last, last + 1) == {"gov": "place"}


class _NoScorer:
    """A scorer that calls nothing a party."""

    classes_ = np.array([0, 1])

    def predict_proba(self, X):
        return np.stack([np.ones(len(X)), np.zeros(len(X))], axis=1)


@pytest.mark.parametrize("text, part, kept", [
    # the cue verb accuses or warns the party it names as its object: kept whatever the scorer says
    ("Iran warned the United States that it would answer any attack.", "answer any attack", ["United States"]),
    ("Mayor Ana Ruiz accused Boris Kovac of hiding the audit from the council.", "hiding the audit", ["Boris Kovac"]),
    ("Mayor Ana Ruiz praised Boris Kovac for saving the harbour from closure.", "saving the harbour", ["Boris Kovac"]),
    # a name that modifies the object, a cue that takes no stance, a negated one: the scorer decides
    ("Mayor Ana Ruiz criticized Boris Kovac voters for backing the plan.", "backing the plan", []),
    ("Iran told the United States that it would answer any attack.", "answer any attack", []),
    ("Mayor Ana Ruiz did not accuse Boris Kovac of hiding the audit from the council.", "hiding the audit", []),
])
def test_the_cue_verbs_polar_object_survives_the_filter(text, part, kept):
    nlp = stance.load(stance_model=False, party_filter=False)
    cap = _Capture()
    nlp.annotator.party_filter = cap
    nlp(text)
    view, mentions, quotes = cap.args
    out = PartyFilter(_NoScorer(), 0.5).select_all(view, mentions, quotes)
    hits = [[t.name for t in o] for (raw, targets, _, _), o in zip(quotes, out) if part in view.text[raw.start:raw.end]]
    assert hits == [kept]
    proposed = [t.name for raw, targets, _, _ in quotes if part in view.text[raw.start:raw.end] for t in targets]
    assert set(kept) <= set(proposed) and proposed  # the others were proposed and dropped


@needs_artifact
def test_a_warned_state_is_a_party_with_the_shipped_filter():
    (q,) = stance.load()("Iran warned the United States that it would retaliate against any attack.").quotes
    assert [(s.target, s.label) for s in q.stances] == [("United States", "hostile")]
