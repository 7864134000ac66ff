"""Quote-level stance evaluation (stance.evaluation.quotes): label file checks, matching, scores,
annotator agreement, the shipped label file, and an end-to-end run on a handwritten article."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from stance.corpora.quote_stance import DEFAULT_LABELS, load_quote_labels
from stance.evaluation.quotes import annotator_agreement, evaluate_quotes, match_items, score_items

from tests.samples import HAS_STANCE


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _row(doc="d1", s=0, e=10, target="Sylvania", label="hostile", **kw):
    return dict({"doc_id": doc, "quote": {"start": s, "end": e}, "target": target, "label": label}, **kw)


def test_load_checks_each_line(tmp_path):
    good = load_quote_labels(_write(tmp_path / "a.jsonl", [_row(), _row(label="skip", label_2="neutral")]))
    assert good[0] == {"doc_id": "d1", "quote": (0, 10), "target": "Sylvania", "label": "hostile"}
    assert good[1]["label_2"] == "neutral"
    with pytest.raises(ValueError, match=r"b.jsonl:2: label 'angry'"):
        load_quote_labels(_write(tmp_path / "b.jsonl", [_row(), _row(label="angry")]))
    with pytest.raises(ValueError, match=r"c.jsonl:1: bad quote span"):
        load_quote_labels(_write(tmp_path / "c.jsonl", [_row(s=5, e=5)]))
    with pytest.raises(ValueError, match=r"d.jsonl:1: not a quote stance label line"):
        load_quote_labels(_write(tmp_path / "d.jsonl", [{"doc_id": "x"}]))
    with pytest.raises(FileNotFoundError, match="quote stance labels not found"):
        load_quote_labels(tmp_path / "missing.jsonl")


def _analysis(quotes):
    return {"quotes": [{"quote": {"start": s, "end": e}, "stances": [{"target": t, "label": lab, "scores": {}} for t, lab in st]}
                       for s, e, st in quotes]}


def test_matching_needs_overlap_and_the_same_target():
    items = [
        {"doc_id": "d1", "quote": (0, 10), "target": "Sylvania", "label": "hostile"},
        {"doc_id": "d1", "quote": (0, 10), "target": "Freedonia", "label": "neutral"},
        {"doc_id": "d1", "quote": (50, 60), "target": "Sylvania", "label": "neutral"},
        {"doc_id": "d2", "quote": (0, 10), "target": "Sylvania", "label": "neutral"},
    ]
    analyses = {"d1": _analysis([(1, 10, [("Sylvania", "hostile")]), (58, 80, [("Sylvania", "conciliatory")])])}
    got = match_items(items, analyses)
    assert got[0]["label"] == "hostile"
    assert got[1] is None  # no stance toward Freedonia
    assert got[2] is None  # (58, 80) overlaps (50, 60) by 2 characters: less than half the shorter span
    assert got[3] is None  # no analysis of d2


def test_scores_coverage_and_target_precision():
    items = [
        {"doc_id": "d", "quote": (0, 1), "target": "A", "label": "hostile"},
        {"doc_id": "d", "quote": (0, 1), "target": "B", "label": "neutral"},
        {"doc_id": "d", "quote": (0, 1), "target": "C", "label": "skip"},
        {"doc_id": "d", "quote": (0, 1), "target": "D", "label": "conciliatory"},
    ]
    preds = [{"label": "hostile"}, {"label": "hostile"}, {"label": "neutral"}, None]
    r = score_items(items, preds)
    assert r["labelled_parties"] == 3 and r["covered"] == 2
    assert r["coverage"] == pytest.approx(2 / 3)
    assert r["target_precision"] == pytest.approx(2 / 3)  # C was covered but is not a party
    assert r["accuracy"] == pytest.approx(0.5)
    assert r["confusion"][1][0] == 1  # gold neutral predicted hostile


def test_agreement():
    items = [{"label": "hostile", "label_2": "hostile"}, {"label": "neutral", "label_2": "hostile"},
             {"label": "skip", "label_2": "skip"}, {"label": "neutral", "label_2": "neutral"}, {"label": "neutral"}]
    a = annotator_agreement(items)
    assert a["n"] == 4 and a["agreement"] == pytest.approx(0.75)
    assert a["n_stance"] == 3 and a["agreement_stance"] == pytest.approx(2 / 3)
    assert annotator_agreement([{"label": "neutral"}]) is None


def test_shipped_labels_hold_offsets_and_labels_only():
    items = load_quote_labels()
    assert len(items) > 1000 and len({it["doc_id"] for it in items}) > 50
    with DEFAULT_LABELS.open(encoding="utf-8") as f:
        for line in f:
            assert set(json.loads(line)) <= {"doc_id", "quote", "target", "label", "label_2"}  # no corpus text
    ag = annotator_agreement(items)
    assert ag is not None and ag["n"] > 200


ARTICLE = ('"Sylvania has behaved like a bully," said Maria Lopez, the trade minister of Freedonia. '
           '"We thank Ostrava for its help," Lopez added.')


def test_end_to_end_on_a_handwritten_article(tmp_path, nlp):
    data = tmp_path / "data"
    (data / "polnear").mkdir(parents=True)
    _write(data / "polnear" / "train.jsonl", [{"doc_id": "fx1", "text": ARTICLE, "attributions": []}])
    # this checks the evaluation's matching, not the party filter: party-filter 1.1.0 judges a
    # one-word unknown name that only opens a quotation ("Sylvania has ...") as likely no party
    kept_filter, nlp.annotator.party_filter = nlp.annotator.party_filter, None
    try:
        a = nlp(ARTICLE, id="fx1").to_dict()
        q0 = a["quotes"][0]["quote"]
        rows = [_row("fx1", q0["start"], q0["end"], "Sylvania", "hostile"), _row("fx1", q0["start"], q0["end"], "Nowhere", "neutral")]
        r = evaluate_quotes(data, _write(tmp_path / "labels.jsonl", rows), pipeline=nlp)
    finally:
        nlp.annotator.party_filter = kept_filter
    assert r["documents"] == 1 and r["labelled_parties"] == 2 and r["covered"] == 1
    if HAS_STANCE:
        st = {s["target"]: s["label"] for s in a["quotes"][0]["stances"]}
        assert r["accuracy"] == (1.0 if st.get("Sylvania") == "hostile" else 0.0)
    with pytest.raises(FileNotFoundError, match="not in PolNeAR train"):
        evaluate_quotes(data, _write(tmp_path / "other.jsonl", [_row("elsewhere")]), pipeline=nlp)


def test_cli_refuses_a_missing_data_dir(tmp_path):
    p = subprocess.run([sys.executable, "-m", "stance.cli", "evaluate", "quotes", "--data", str(tmp_path / "nope"), "--quiet"],
                       capture_output=True, text=True)
    assert p.returncode == 2
    assert "stance evaluate quotes:" in p.stderr and "PolNeAR" in p.stderr
