"""The article-level quote/stance corpus (data/quote_stance/articles) and its evaluation."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.cli import main
from stance.corpora.quote_corpus import DEFAULT_ARTICLES, load_quote_corpus
from stance.evaluation.quote_corpus import calibration, evaluate_quote_stance

from .conftest import SHARED_DATA

LABELS = {"hostile", "neutral", "conciliatory"}


def test_wikinews_split_ships_with_text_attribution_and_exact_spans():
    docs = load_quote_corpus("dev", None, sources=("wikinews",))
    assert len(docs) >= 40 and sum(len(d["quotes"]) for d in docs) >= 300
    for d in docs:
        assert d["licence"] == "CC BY 2.5" and d["attribution"].endswith(d["url"])
        for q in d["quotes"]:
            for span in (q["quote"], q["cue"], q["speaker"]["mention"]):
                if span is not None:
                    assert d["text"][span["start"]:span["end"]] == span["text"]
            assert q["kind"] in {"direct", "indirect", "mixed"}
            assert {s["label"] for s in q["stances"]} <= LABELS
            assert not {s["target"] for s in q["stances"]} & set(q["not_parties"])


def test_polnear_lines_store_no_text_and_splits_follow_splits_json():
    splits = json.loads((DEFAULT_ARTICLES / "splits.json").read_text())
    for source in ("wikinews", "polnear"):
        for split in ("train", "dev", "test"):
            for line in (DEFAULT_ARTICLES / source / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
                d = json.loads(line)
                assert splits[d["id"]] == split
                if source == "polnear":
                    assert "text" not in d
                    assert all("text" not in q["quote"] for q in d["quotes"])
    for f in (DEFAULT_ARTICLES / "annotations" / "polnear").glob("*/*.json"):
        assert '"text"' not in f.read_text(encoding="utf-8"), f


def test_drop_held_out_removes_dev_and_test_articles_and_keeps_train(tmp_path):
    from stance.corpora.quote_corpus import article_splits, drop_held_out, held_out_ids

    splits = article_splits()  # the shipped splits.json: ids only, no PolNeAR text
    by_split = {s: sorted(a for a, x in splits.items() if x == s) for s in ("train", "dev", "test")}
    assert all(by_split.values())
    outside = {"doc_id": "not_a_corpus_article"}
    docs = [{"doc_id": a} for s in ("train", "dev", "test") for a in by_split[s][:3]] + [outside]
    kept, dropped = drop_held_out(docs)
    assert [d["doc_id"] for d in kept] == by_split["train"][:3] + [outside["doc_id"]]
    assert dropped == 6
    assert held_out_ids() == set(by_split["dev"]) | set(by_split["test"])
    (tmp_path / "splits.json").write_text(json.dumps({"a": "train", "b": "dev", "c": "test"}))
    kept, dropped = drop_held_out(iter([{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "x"}]), tmp_path, id_key="id")
    assert [d["id"] for d in kept] == ["a", "x"] and dropped == 2


def test_polnear_ids_give_the_publication_date():
    from stance.corpora.polnear import date_of

    assert date_of("breitbart_2015-12-11_exclusive-maria") == "2015-12-11"
    assert date_of("nyt_2016-03-01") == "2016-03-01"
    assert date_of("breitbart_exclusive_2015-1-11_x") is None and date_of("") is None


def test_the_corpus_evaluation_gives_the_pipeline_each_articles_date():
    from stance.evaluation.quote_corpus import evaluate_split

    seen = []

    class Recorder:
        def pipe(self, items, as_tuples=False):
            for text, doc_id, date in items:
                seen.append((doc_id, date))
                yield type("A", (), {"to_dict": lambda self, i=doc_id: {"id": i, "quotes": []}})()

    gold = [{"id": "w", "source": "wikinews", "text": "t", "date": "2019-04-08", "quotes": []},
            {"id": "p", "source": "polnear", "text": "t", "quotes": []}]
    evaluate_split("dev", None, pipeline=Recorder(), gold=gold)
    assert seen == [("w", "2019-04-08"), ("p", None)]


def test_bad_split_and_missing_polnear_data_are_refused():
    with pytest.raises(ValueError, match="split"):
        load_quote_corpus("validation", None)
    with pytest.raises(ValueError, match="--data"):
        load_quote_corpus("dev", None, sources=("polnear",))
    with pytest.raises(ValueError, match="source"):
        load_quote_corpus("dev", None, sources=("reuters",))


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED_DATA / "polnear" / "train.jsonl").is_file(), reason="needs ../shared/data/polnear")
def test_polnear_part_fits_the_corpus_texts():
    docs = load_quote_corpus("dev", SHARED_DATA, sources=("polnear",))
    assert len(docs) >= 50
    assert all(d["date"] == d["id"].split("_")[1] for d in docs)  # the date the id encodes, for the actor lookup
    for d in docs:
        for q in d["quotes"]:
            assert 0 <= q["quote"]["start"] < q["quote"]["end"] <= len(d["text"])


def _doc(quotes):
    return {"id": "a", "text": "x" * 200, "quotes": quotes}


def _q(start, end, stances):
    return {"quote": {"start": start, "end": end}, "stances": stances}


def test_perfect_prediction_scores_one_and_zero_ece():
    gold = [_doc([_q(0, 50, [{"target": "Kim Jong Un", "label": "hostile"}, {"target": "Russia", "label": "neutral"}]),
                  _q(60, 90, [{"target": "China", "label": "conciliatory"}])])]
    pred = [{"id": "a", "quotes": [_q(0, 50, [{"target": "Kim", "label": "hostile", "scores": {"hostile": 1.0}},
                                               {"target": "Russia", "label": "neutral", "scores": {"neutral": 1.0}}]),
                                    _q(60, 90, [{"target": "China", "label": "conciliatory", "scores": {"conciliatory": 1.0}}])]}]
    r = evaluate_quote_stance(gold, pred)
    assert r["stance"]["macro_f1"] == 1.0 and r["parties"]["f1"] == 1.0 and r["end_to_end"]["f1"] == 1.0
    assert r["calibration"]["ece"] == 0.0


def test_missed_party_wrong_label_spurious_target_and_implicit_gold():
    gold = [_doc([_q(0, 50, [{"target": "A", "label": "hostile"}, {"target": "B", "label": "neutral"},
                             {"target": "C", "label": "hostile", "implicit": True}]),
                  _q(100, 150, [{"target": "D", "label": "conciliatory"}])])]
    pred = [{"id": "a", "quotes": [_q(5, 50, [{"target": "A", "label": "neutral", "scores": {"neutral": 0.8}},
                                               {"target": "Zed", "label": "neutral", "scores": {"neutral": 0.9}}])]}]
    r = evaluate_quote_stance(gold, pred)
    # one matched quotation: gold parties A, B (C is implicit, dropped); predicted A, Zed
    assert (r["parties"]["tp"], r["parties"]["pred"], r["parties"]["gold"]) == (1, 2, 2)
    assert r["stance"]["confusion"]["hostile"]["neutral"] == 1 and r["stance"]["n"] == 1
    # end to end over everything: gold A, B, D; predicted A, Zed; nothing right
    assert (r["end_to_end"]["tp"], r["end_to_end"]["pred"], r["end_to_end"]["gold"]) == (0, 2, 3)
    assert r["calibration"]["ece"] == pytest.approx(0.8)


def test_parties_match_in_another_full_form():
    gold = [_doc([_q(0, 50, [{"target": "Donald J. Trump", "label": "hostile"}, {"target": "Al-Qaeda", "label": "hostile"}])])]
    pred = [{"id": "a", "quotes": [_q(0, 50, [{"target": "Donald Trump", "label": "hostile", "scores": {"hostile": 1.0}},
                                               {"target": "al-Qaida", "label": "neutral", "scores": {"neutral": 1.0}}])]}]
    r = evaluate_quote_stance(gold, pred)
    assert (r["parties"]["tp"], r["parties"]["pred"], r["parties"]["gold"]) == (2, 2, 2)
    assert r["end_to_end"]["tp"] == 1


def test_calibration_by_hand():
    c = calibration([0.9, 0.9, 0.6, 0.6], [True, False, True, True])
    assert c["ece"] == pytest.approx(0.5 * 0.4 + 0.5 * 0.4)
    assert calibration([], [])["ece"] is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1), st.booleans()), max_size=50))
def test_ece_is_between_zero_and_one(pairs):
    c = calibration([p for p, _ in pairs], [ok for _, ok in pairs])
    assert c["ece"] is None or 0.0 <= c["ece"] <= 1.0 + 1e-12
    assert sum(b["n"] for b in c["bins"]) == len(pairs)


def test_cli_split_on_wikinews(capsys, tmp_path):
    png = tmp_path / "rel.png"
    assert main(["evaluate", "quotes", "--split", "dev", "--source", "wikinews", "--json", "--quiet", "--plot", str(png)]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["sources"] == ["wikinews"] and r["documents"] >= 40
    assert set(r["stance"]["per_class"]) == LABELS and 0 <= r["calibration"]["ece"] <= 1
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_refuses_labels_with_split_and_no_data_without_split(capsys):
    assert main(["evaluate", "quotes", "--split", "dev", "--labels", "x.jsonl"]) == 2
    assert main(["evaluate", "quotes"]) == 2
    assert "--data" in capsys.readouterr().err
