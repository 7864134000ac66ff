"""benchmarks/party_filter_oof.py: its rows are the trainer's examples; party P/R/F1 from counts and
the paired article bootstrap."""

from __future__ import annotations

import json

import numpy as np
import pytest

import stance

from .conftest import load_script

TEXT = (
    '"Sylvania and Germany have betrayed us, and Boris Kovac knows it," Ana Ruiz told reporters on Monday. '
    "Boris Kovac, the prime minister of Sylvania, said France would mediate."
)


@pytest.fixture(scope="module")
def oof():
    return load_script("benchmarks/party_filter_oof.py")


def test_prf_counts(oof):
    p, r, f = oof.prf(6, 8, 12)
    assert (p, r) == (0.75, 0.5)
    assert f == pytest.approx(0.6)
    assert oof.prf(0, 0, 0) == (0.0, 0.0, 0.0)


def test_paired_bootstrap_identical_runs_differ_by_nothing(oof):
    a = np.asarray([[3, 4, 5], [1, 2, 2], [0, 1, 3]], dtype=float)
    out = oof.paired_bootstrap(a, a.copy(), n=50)
    assert set(out) == {"precision", "recall", "f1"}
    assert all(v == (0.0, 0.0, 0.0) for v in out.values())


def test_paired_bootstrap_sees_a_gain_in_every_article(oof):
    a = np.asarray([[2, 4, 5]] * 20, dtype=float)
    b = np.asarray([[3, 4, 5]] * 20, dtype=float)  # one more true party kept in each article
    obs, lo, hi = oof.paired_bootstrap(a, b, n=200)["recall"]
    assert obs == pytest.approx(0.2) and lo == pytest.approx(0.2) and hi == pytest.approx(0.2)


def test_paired_bootstrap_needs_the_same_articles(oof):
    with pytest.raises(ValueError):
        oof.paired_bootstrap(np.zeros((3, 3)), np.zeros((2, 3)))


def test_compare_reports_overall_and_per_source(oof, tmp_path):
    rows_a = [{"id": "w1", "source": "wikinews", "tp": 1, "kept": 2, "gold": 2},
              {"id": "p1", "source": "polnear", "tp": 2, "kept": 3, "gold": 4}]
    rows_b = [{**rows_a[0], "tp": 2}, rows_a[1]]
    pa, pb = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    pa.write_text("".join(json.dumps(r) + "\n" for r in rows_a))
    pb.write_text("".join(json.dumps(r) + "\n" for r in rows_b))
    lines = list(oof.compare(str(pa), str(pb), n=20))
    heads = [ln for ln in lines if not ln.startswith("  ")]
    assert [h.split(":")[0] for h in heads] == ["all", "wikinews", "polnear"]
    assert "A [3, 5, 6] B [4, 5, 6]" in heads[0]
    assert any(ln.strip().startswith("recall") and "+0.1667" in ln for ln in lines)


def _gold(nlp, doc_id: str, stances: list[dict], not_parties: list[str]) -> dict:
    """A gold article of ``TEXT`` whose first quotation (as the pipeline finds it) has ``stances``."""
    q = next(q for q in nlp(TEXT).quotes if q.quote.text.startswith("Sylvania and Germany"))
    return {"id": doc_id, "text": TEXT, "source": "wikinews", "quotes": [{
        "quote": {"start": q.quote.start, "end": q.quote.end}, "stances": stances, "not_parties": not_parties}]}


def test_the_rows_are_the_trainers_examples(oof):
    from stance.training.party_filter import build_examples

    nlp = stance.load(stance_model=False, party_filter=False)
    docs = [_gold(nlp, "a", [{"target": "Germany", "label": "hostile"}, {"target": "Atlantis", "label": "hostile"},
                             {"target": "Sylvania", "label": "hostile", "implicit": True}], ["Sylvania"]),
            _gold(nlp, "b", [{"target": "Boris Kovac", "label": "hostile"}], [])]
    rows, missed, per_doc = oof.collect(docs, nlp)
    ex = build_examples(docs, nlp)
    assert len(rows) >= 6 and [r["X"] for r in rows] == ex["X"]
    assert [r["y"] for r in rows] == ex["y"] and [r["g"] for r in rows] == ex["groups"]
    assert [r["listed"] for r in rows] == ex["listed"] and any(ex["listed"])
    assert sum(v["gold"] for v in per_doc.values()) == ex["gold_parties"] == 3  # implicit left out
    assert list(per_doc) == ["a", "b"] and per_doc["b"]["gold"] == 1
    assert [(m["doc"], m["gold"]) for m in missed] == [("a", "Atlantis")]  # never proposed
    found = {(r["doc"], r["name"]): r for r in rows}
    assert found[("a", "Germany")]["gold"] == "Germany" and found[("b", "Germany")]["gold"] is None
    assert "[[Germany]]" in found[("a", "Germany")]["context"]
    assert all(isinstance(r["cue_object"], bool) for r in rows)
    assert nlp.annotator.party_filter is None  # the recorder is removed again
