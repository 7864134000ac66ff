"""The analytic-speaker prior (stance.stance_model.speaker_prior) and its use in the pipeline."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.stance_model.speaker_prior import ANALYTIC_NEUTRAL_OFFSET, add_neutral_offset, is_analytic

from tests.samples import HAS_STANCE

CLASSES = ["hostile", "neutral", "conciliatory"]


@pytest.mark.parametrize(
    "role, name, expected",
    [
        ("technology analyst", "Mark Mahaney", True),
        ("senior fellow", "Ann Lee", True),
        ("pollster", None, True),
        ("Secretary of State", "Marco Rubio", False),
        ("head", "Kwak Gil Sup", False),
        (None, "experts", True),
        (None, "Political scientists", True),
        (None, "Pollsters", True),
        (None, "a Seoul-based analyst", True),
        (None, "Robert Fellow", False),  # a personal name never counts
        (None, "Expert Systems Inc", False),
        (None, None, False),
    ],
)
def test_is_analytic(role, name, expected):
    assert is_analytic(role, name) is expected


def test_offset_moves_only_the_chosen_rows():
    p = np.array([[0.6, 0.3, 0.1], [0.6, 0.3, 0.1], [0.95, 0.04, 0.01]])
    out = add_neutral_offset(p, CLASSES, [True, False, True], 2.0)
    assert np.allclose(out.sum(axis=1), 1.0)
    assert out[0, 1] > p[0, 1] and out[0].argmax() == 1  # 0.3 * e^2 > 0.6
    assert np.array_equal(out[1], p[1])
    assert out[2].argmax() == 0  # a confident hostile reading stays hostile
    assert np.array_equal(add_neutral_offset(p, CLASSES, [True] * 3, 0.0), p)
    assert np.array_equal(add_neutral_offset(p, ["a", "b", "c"], [True] * 3, 2.0), p)  # no neutral class


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "high"])
def test_pipeline_refuses_a_bad_offset(bad):
    from stance.pipeline import Annotator

    with pytest.raises(ValueError):
        Annotator(analytic_offset=bad)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0.0, 1.0), st.floats(0.0, 1.0), st.floats(0.0, 1.0), st.booleans()), min_size=1, max_size=20),
       st.floats(-5, 5))
def test_offset_keeps_probabilities(rows, offset):
    p = np.array([[a + 1e-6, b + 1e-6, c + 1e-6] for a, b, c, _ in rows])
    p /= p.sum(axis=1, keepdims=True)
    out = add_neutral_offset(p, CLASSES, [m for *_, m in rows], offset)
    assert np.all(np.isfinite(out)) and np.allclose(out.sum(axis=1), 1.0)
    assert np.all((out[:, 1] >= p[:, 1] - 1e-12) if offset >= 0 else (out[:, 1] <= p[:, 1] + 1e-12))


# real country names: the party filter drops a name typed a person with nothing that shows it is one
ARTICLE = (
    '"Russia will likely escalate its provocations against Ukraine," said Ana Weiss, an analyst '
    'at the Ostrava Institute for Strategy. "Russia has behaved like a bully toward Ukraine," '
    "said Maria Lopez, the trade minister of Poland."
)


@pytest.mark.skipif(not HAS_STANCE, reason="needs the shipped stance model")
def test_pipeline_applies_the_prior_to_analysts_only():
    import stance

    with_prior = stance.load()
    without = stance.load(analytic_offset=0)
    for nlp in (with_prior, without):  # the article mixing would pass the analyst's prior on to the minister's stances
        nlp.annotator.article_mix = 0
    a, b = with_prior(ARTICLE), without(ARTICLE)
    assert [q.quote.text for q in a.quotes] == [q.quote.text for q in b.quotes]
    analyst, minister = a.quotes[0], a.quotes[1]
    assert analyst.role == "analyst" and minister.speaker.name == "Maria Lopez"
    for qa, qb in zip(a.quotes, b.quotes):
        for sa, sb in zip(qa.stances, qb.stances):
            assert sa.target == sb.target
            if qa is analyst:
                assert sa.scores["neutral"] > sb.scores["neutral"]
            else:
                assert sa.scores == sb.scores
    assert with_prior.config()["analytic_offset"] == ANALYTIC_NEUTRAL_OFFSET
    assert without.config()["analytic_offset"] == 0.0


@pytest.mark.skipif(not HAS_STANCE, reason="needs the shipped stance model")
def test_component_takes_the_offset_from_its_config():
    import spacy

    nlp = spacy.blank("en")
    comp = nlp.add_pipe("stance", config={"analytic_offset": 0.5})
    assert comp.annotator.analytic_offset == 0.5
    assert nlp.add_pipe("stance", name="stance2").annotator.analytic_offset == ANALYTIC_NEUTRAL_OFFSET


@pytest.mark.skipif(not HAS_STANCE, reason="needs the shipped stance model")
def test_analyze_cli_takes_the_offset(tmp_path):
    import json
    import subprocess
    import sys

    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = {}
    for name, extra in (("default", []), ("off", ["--analytic-offset", "0"])):
        dst = tmp_path / f"{name}.jsonl"
        p = subprocess.run([sys.executable, "-m", "stance.cli", "analyze", str(src), "-o", str(dst), *extra],
                           capture_output=True, text=True)
        assert p.returncode == 0, p.stderr
        out[name] = json.loads(dst.read_text(encoding="utf-8"))
    d, o = out["default"]["quotes"][0]["stances"], out["off"]["quotes"][0]["stances"]
    assert d and all(a["scores"]["neutral"] > b["scores"]["neutral"] for a, b in zip(d, o))
    # the minister's quotation is unchanged but for its stances' scores, which the article mixing
    # averages with the analyst's toward the same parties
    strip = [{k: v for k, v in out[n]["quotes"][1].items() if k != "stances"} for n in ("default", "off")]
    assert strip[0] == strip[1]
    assert [s["target"] for s in out["default"]["quotes"][1]["stances"]] == [s["target"] for s in out["off"]["quotes"][1]["stances"]]
