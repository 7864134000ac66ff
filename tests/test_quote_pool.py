"""The annotated pool (stance.training.quote_pool): lines hold keys and labels only, are rebuilt
from the corpus file given at run time (refused when it changed), ``not-a-party`` lines are left
out of the stance examples, an adjudicated label wins; the build tool's agreement figures."""

from __future__ import annotations

import json

import pytest

from .test_quote_teacher import ARTICLE

#: The second record: three parties in two quotations.
ARTICLE_2 = ARTICLE + (
    "\n\n\"Freedonia and the Sylvanian army betrayed us,\" Halvorsen told reporters in Oslo.")


def _corpus(tmp_path):
    (tmp_path / "polnear").mkdir()
    rows = [{"doc_id": "in_corpus", "text": ARTICLE}, {"doc_id": "outside", "text": ARTICLE_2}]
    (tmp_path / "polnear" / "train.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return tmp_path


def _rows(keys, ids, labels, **extra):
    rows = []
    for (ri, a, b, ts, te, ss, se), lab in zip(keys.tolist(), labels):
        rows.append(dict({"item": len(rows), "article": ids[ri], "record": ri, "slice": [a, b], "target": [ts, te],
                          "source": [ss, se] if ss >= 0 else None, "label": lab, "annotator": "A1"}, **extra))
    return rows


@pytest.fixture(scope="module")
def every_party():
    import stance

    return stance.load(party_filter=False)


def test_pool_round_trip_without_text(tmp_path, every_party):
    from stance.training.quote_pool import load_pool, read_pool_rows, write_pool
    from stance.training.quote_teacher import build_quote_pool, read_source

    data = _corpus(tmp_path)
    ids, texts, fp = read_source(data)
    keys = build_quote_pool(texts, [1], every_party)
    assert len(keys) >= 3
    labels = ["hostile", "not-a-party"] + ["conciliatory"] * (len(keys) - 2)
    rows = _rows(keys, ids, labels)
    rows[2]["label_2"], rows[2]["adjudicated"] = "neutral", "neutral"  # annotators disagreed; the adjudicator chose
    path = write_pool(tmp_path / "pool", rows, {"source": fp})
    raw = path.read_bytes() + (tmp_path / "pool" / "pool.json").read_bytes()
    assert b"Halvorsen" not in raw and b"thugs" not in raw  # no corpus text in the files
    back, meta = read_pool_rows(tmp_path / "pool")
    assert back == [json.loads(json.dumps(r)) for r in rows] and meta["n"] == len(rows) and meta["format"] == 1
    X, y, g = load_pool(data, tmp_path / "pool")
    assert len(X) == len(keys) - 1  # the not-a-party line is left out
    assert y[:2] == ["hostile", "neutral"] and set(y[2:]) <= {"conciliatory"}
    assert set(g) == {"pool:outside"}
    assert all(ex.text in ARTICLE_2 and ex.text[ex.target_start:ex.target_end].strip() for ex in X)
    assert X[0].text[X[0].target_start:X[0].target_end] == texts[1][keys[0][1]:keys[0][2]][keys[0][3]:keys[0][4]]


def test_pool_refused_when_the_corpus_changed_or_a_label_is_unknown(tmp_path, every_party):
    from stance.training.quote_pool import load_pool, read_pool_rows, write_pool
    from stance.training.quote_teacher import build_quote_pool, read_source

    data = _corpus(tmp_path)
    ids, texts, fp = read_source(data)
    keys = build_quote_pool(texts, [0], every_party)
    write_pool(tmp_path / "pool", _rows(keys, ids, ["neutral"] * len(keys)), {"source": fp})
    (data / "polnear" / "train.jsonl").write_text(json.dumps({"doc_id": "in_corpus", "text": ARTICLE + " More."}) + "\n")
    with pytest.raises(ValueError, match="sha256"):
        load_pool(data, tmp_path / "pool")
    write_pool(tmp_path / "bad", _rows(keys, ids, ["angry"] * len(keys)), {"source": fp})
    with pytest.raises(ValueError, match="unknown label 'angry'"):
        read_pool_rows(tmp_path / "bad")
    with pytest.raises(FileNotFoundError, match="not a pool directory"):
        read_pool_rows(tmp_path / "nothing")


def test_pool_line_naming_another_article_is_refused(tmp_path, every_party):
    from stance.training.quote_pool import load_pool, write_pool
    from stance.training.quote_teacher import build_quote_pool, read_source

    data = _corpus(tmp_path)
    ids, texts, fp = read_source(data)
    keys = build_quote_pool(texts, [0], every_party)
    rows = _rows(keys, ids, ["neutral"] * len(keys))
    rows[0]["article"] = "outside"
    write_pool(tmp_path / "pool", rows, {"source": fp})
    with pytest.raises(ValueError, match="another article"):
        load_pool(data, tmp_path / "pool")


def test_build_tool_agreement():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "data" / "quote_stance" / "pool" / "tools" / "build_pool.py"
    spec = importlib.util.spec_from_file_location("build_pool", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.cohen_kappa(["a", "b", "a", "b"], ["a", "b", "a", "b"]) == 1.0
    assert mod.cohen_kappa([], []) is None
    assert abs(mod.cohen_kappa(["a", "a", "b", "b"], ["a", "b", "a", "b"])) < 1e-12  # chance agreement
    labels = ["hostile", "neutral", "conciliatory", "not-a-party"]
    r = mod.agreement([("hostile", "hostile"), ("neutral", "not-a-party"), ("neutral", "neutral"), ("conciliatory", "conciliatory")], labels)
    assert r["items"] == 4 and r["agreement"] == 0.75 and r["stance_items_both"] == 3 and r["stance_kappa"] == 1.0
    assert r["kappa_per_class"]["hostile"] == 1.0 and r["kappa_per_class"]["not-a-party"] == 0.0
