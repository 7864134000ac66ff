"""The shortcuts the pipeline takes for speed give what the plain computations give: positions of
a word set, the capitalised words kept by the name finder, a name's mentions by index, the
ranker's vectorised batches, the actor lookup's parsed rows, and no ranker candidates for a cue a
rule decides. Invented sentences."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.quotations.cues import find_cues
from stance.quotations.finder import find_quotations
from stance.speakers.actors import ActorLookup
from stance.speakers.candidate_record import RANKER_ONLY_KINDS, RULED_KINDS
from stance.speakers.candidates import candidates_for_cue
from stance.speakers.ranker import LinearRanker
from stance.speakers.selection import quoted_spans
from stance.text.mentions import MentionIndex, _is_cap
from stance.text.positions import inside_quotation, positions_of
from stance.text.view import blank_english, build_view

_WORDS = st.lists(st.sampled_from(["the", "The", "'Hara", "'s", "he", "She", "U.S.", ".", "-", "said", "O'Neill", ""]),
                  max_size=40)


@given(_WORDS, st.integers(min_value=0, max_value=3))
@settings(max_examples=60, deadline=None)
def test_positions_of_is_the_comprehension(words, start):
    members = {"the", "he", ".", "said"}
    assert positions_of(words, members, start) == [i for i, w in enumerate(words, start) if w in members]


def test_inside_quotation_counts_the_marks_between():
    words = ["He", "said", "“", "we", "will", "win", "”", "and", "left", "."]
    marks = {"“", "”"}
    assert inside_quotation(words, marks, 0, 4) and inside_quotation(words, marks, 2, 6)
    assert not inside_quotation(words, marks, 0, 2) and not inside_quotation(words, marks, 0, 8)
    assert not inside_quotation(words, marks, 3, 6) and inside_quotation(words, marks, 3, 8)
    assert inside_quotation(words, marks, 0) is False and inside_quotation(words, marks, 5, 5) is False


def _mentions(text: str) -> MentionIndex:
    return MentionIndex(build_view(blank_english()(text)))


def test_the_capitalised_words_are_those_is_cap_accepts():
    m = _mentions("O'Neill met 'Hara and the U.S. envoy in Port Elm; 'twas late, he said.")
    assert m.capitalised == {w for w in m.view.distinct if _is_cap(w)}
    assert {"O'Neill", "U.S.", "Port", "Elm"} <= m.capitalised and not m.capitalised & {"'twas", "twas", "met"}


def test_named_gives_a_names_mentions_in_order():
    m = _mentions("Robert Gabriel Mugabe spoke in Harare. Robert Mugabe left Harare later, and Mugabe said so.")
    for canonical, other in (("Robert Gabriel Mugabe", "Robert Mugabe"), ("Harare", None), ("Nobody", None),
                             ("Harare", "Harare")):
        scan = [x for x in m.names if x.canonical == canonical or (other is not None and x.canonical == other)]
        assert m.named(canonical, other) == scan
    assert m.named("Harare") and all(x.canonical == "Harare" for x in m.named("Harare"))


def test_a_large_batch_scores_the_same_bits_vectorised():
    rng = np.random.default_rng(0)
    names = [f"f{i}" for i in range(40)]
    ranker = LinearRanker({n: i for i, n in enumerate(names + ["s=a", "s=b"])}, rng.normal(size=(1, 42)),
                          rng.normal(size=1), [0, 1])
    X = [{n: float(rng.normal()) for n in rng.choice(names, 12, replace=False)} | {"s": "ab"[k % 2], "unknown": 1.0}
         for k in range(30)]
    assert sum(map(len, X)) > LinearRanker.PYTHON_FEATURES
    plain = ranker._binary_scores(X)
    assert ranker.decision_function(X).tolist() == plain  # the vectorised path, bit for bit
    assert ranker.decision_function(X[:2]).tolist() == plain[:2]  # a small batch: plain Python


def test_a_phoenix_row_is_parsed_once():
    lookup = ActorLookup([], [["A", "KOFI SAMPLE", "kofi sample", "sample", "IGOUNO,,1997-01-01,2006-12-31,"]])
    first = lookup.phoenix_terms(0)
    assert first and first[0].affiliation == "IGOUNO"
    assert lookup.phoenix_terms(0) is first
    assert lookup.terms("Kofi Sample") == list(first)


@pytest.mark.parametrize("text", [
    "According to the Narvian Weather Service, the river will rise by two metres, officials in Port Elm said.",
    "Mayor Ana Ruiz met Governor Lee Park in Dover on Monday, saying that the city would pay for the bridge.",
])
def test_a_cue_decided_by_rule_gets_no_ranker_candidates(text):
    view = build_view(blank_english()(text))
    mentions = MentionIndex(view)
    raws = find_quotations(view, find_cues(view))
    blocked = quoted_spans(raws)
    ruled = 0
    for q in raws:
        if q.cue is None:
            continue
        args = (view, mentions, q.cue.start, q.cue.end, (q.tok_start, q.tok_end), blocked)
        full = candidates_for_cue(*args, extra=True)
        short = candidates_for_cue(*args, extra=True, skip_ruled=True)
        if any(c.kind in RULED_KINDS for c in full):
            ruled += 1
            assert [(c.start, c.end, c.kind) for c in short] == [
                (c.start, c.end, c.kind) for c in full if c.kind not in RANKER_ONLY_KINDS]
            assert len(short) < len(full)
        else:
            assert [(c.start, c.end, c.kind) for c in short] == [(c.start, c.end, c.kind) for c in full]
    assert ruled
