"""benchmarks/article_consistency.py: the within-article mixing it measures."""

from __future__ import annotations

import numpy as np

from .conftest import load_script


def test_mixed_averages_a_key_s_other_rows_and_leaves_single_rows():
    mod = load_script("benchmarks/article_consistency.py")
    P = np.asarray([[0.8, 0.1, 0.1], [0.2, 0.7, 0.1], [0.1, 0.1, 0.8], [0.3, 0.3, 0.4]])
    keys = [("a", "X"), ("a", "X"), ("a", "X"), ("b", "X")]
    Q = mod.mixed(P, keys, 0.5)
    assert np.allclose(Q[0], 0.5 * P[0] + 0.5 * (P[1] + P[2]) / 2)
    assert np.allclose(Q[3], P[3])  # the only stance of its party in its article
    assert np.allclose(Q.sum(1), 1.0) and np.allclose(mod.mixed(P, keys, 0.0), P)


def test_mix_within_groups_temperature_keeps_labels_and_sharpens_mixed_rows_only():
    import pytest

    from stance.stance_model.article_consistency import mix_within_groups

    P = np.asarray([[0.5, 0.3, 0.2], [0.3, 0.5, 0.2], [0.2, 0.2, 0.6]])
    keys = ["x", "x", "y"]
    plain = mix_within_groups(P, keys, 0.5)
    sharp = mix_within_groups(P, keys, 0.5, temperature=0.5)
    assert np.allclose(plain[0], [0.4, 0.4, 0.2]) and np.allclose(sharp[2], P[2])  # alone in its group: unchanged
    assert (sharp.argmax(1) == plain.argmax(1)).all() and np.allclose(sharp.sum(1), 1.0)
    assert sharp[0, 2] < plain[0, 2]  # T < 1 sharpens the mixed rows
    assert np.allclose(mix_within_groups(P, keys, 0.0), P)
    with pytest.raises(ValueError, match="group keys"):
        mix_within_groups(P, ["x"], 0.5)


def test_the_pipeline_mixes_a_party_s_stances_within_an_article_only():
    import stance

    nlp = stance.load(party_filter=False)  # the mixing, whatever the filter keeps of an invented name
    text = ('Senator Maria Halvorsen spoke on Tuesday. "Freedonia lied to us and cheated our farmers," '
            'Halvorsen said. "We will see what Freedonia does next week," she added.')
    mixed = [q.stances[0].scores for q in nlp(text).quotes if q.stances]
    alone = [q.stances[0].scores for q in nlp('"We will see what Freedonia does next week," Senator Maria Halvorsen said.').quotes]
    nlp.annotator.article_mix = 0
    unmixed = [q.stances[0].scores for q in nlp(text).quotes if q.stances]
    assert len(mixed) == len(unmixed) == 2
    assert mixed[1]["hostile"] > unmixed[1]["hostile"]  # pulled toward the article's other stance
    # across documents of one batch nothing mixes
    nlp.annotator.article_mix = 0.5
    docs = list(nlp.pipe([text, '"We will see what Freedonia does next week," Senator Maria Halvorsen said.']))
    assert [q.stances[0].scores for q in docs[0].quotes if q.stances] == mixed
    assert [q.stances[0].scores for q in docs[1].quotes] == alone
