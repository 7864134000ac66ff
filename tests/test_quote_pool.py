"""The annotated pool (stance.training.quote_pool): lines hold keys and labels only, are rebuilt
from the corpus file given at run time (refused when it changed), ``not-a-party`` lines are left
out of the stance examples, an adjudicated label wins, items are numbered in order and hold no
article of the corpus; the build tool's agreement figures."""

from __future__ import annotations

import json

import pytest

ARTICLE = (
    "Senator Maria Halvorsen accused the Ruritanian government of lying to voters. "
    "\"They are thugs and cheats,\" Halvorsen said on Tuesday.\n\n"
    "\"President Ivo Castellano was patient and generous in the long talks,\" said Foreign Minister Anna Brandt."
)
#: The second record: three parties in two quotations.
ARTICLE_2 = ARTICLE + (
    "\n\n\"Freedonia and the Sylvanian army betrayed us,\" Halvorsen told reporters in Oslo.")


def _corpus(tmp_path):
    (tmp_path / "polnear").mkdir()
    rows = [{"doc_id": "in_corpus", "text": ARTICLE}, {"doc_id": "outside", "text": ARTICLE_2}]
    (tmp_path / "polnear" / "train.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return tmp_path


def _keys(texts, records, pipeline):
    """``(n, 7)`` keys of the pipeline's stance examples in ``records`` of ``texts``, as the pool's
    items were built (record, slice, target, speaker; -1 for no speaker)."""
    import numpy as np

    from stance.training.pseudo import pipeline_example_keys

    seen: set = set()
    return np.asarray([(ri, *k) for ri in records for k in pipeline_example_keys(pipeline, texts[ri], seen)], dtype=np.int64).reshape(-1, 7)


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
    from stance.training.quote_pool import load_pool, read_pool_rows, read_source, write_pool

    data = _corpus(tmp_path)
    ids, texts, fp = read_source(data)
    keys = _keys(texts, [1], every_party)
    assert len(keys) >= 3 and set(keys[:, 0].tolist()) == {1}  # only the record asked for
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
    assert all(ex.corpus == "quote" and ex.text in ARTICLE_2 and ex.text[ex.target_start:ex.target_end].strip() for ex in X)
    assert any(ex.has_source for ex in X)
    assert X[0].text[X[0].target_start:X[0].target_end] == texts[1][keys[0][1]:keys[0][2]][keys[0][3]:keys[0][4]]


def test_pool_refused_when_the_corpus_changed_or_a_label_is_unknown(tmp_path, every_party):
    from stance.training.quote_pool import load_pool, read_pool_rows, read_source, write_pool

    data = _corpus(tmp_path)
    ids, texts, fp = read_source(data)
    keys = _keys(texts, [0], every_party)
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
    from stance.training.quote_pool import load_pool, read_source, write_pool

    data = _corpus(tmp_path)
    ids, texts, fp = read_source(data)
    keys = _keys(texts, [0], every_party)
    rows = _rows(keys, ids, ["neutral"] * len(keys))
    rows[0]["article"] = "outside"
    write_pool(tmp_path / "pool", rows, {"source": fp})
    with pytest.raises(ValueError, match="another article"):
        load_pool(data, tmp_path / "pool")


def test_item_keys_are_the_lines_keys_in_item_order(tmp_path):
    """The sheets' and the build tool's item ``n`` is the pool line with ``"item": n``."""
    from stance.training.quote_pool import item_keys, write_pool

    rows = [{"item": 1, "article": "a", "record": 0, "slice": [5, 40], "target": [0, 4], "source": None, "label": "neutral"},
            {"item": 0, "article": "a", "record": 0, "slice": [0, 30], "target": [2, 9], "source": [12, 20], "label": "hostile"}]
    write_pool(tmp_path / "pool", rows, {"source": {}})
    assert item_keys(tmp_path / "pool").tolist() == [[0, 0, 30, 2, 9, 12, 20], [0, 5, 40, 0, 4, -1, -1]]
    write_pool(tmp_path / "gap", rows[:1], {"source": {}})
    with pytest.raises(ValueError, match="not numbered"):
        item_keys(tmp_path / "gap")


def test_shipped_pool_holds_no_corpus_article_and_numbers_every_item():
    """No article of the article corpus (any split: dev and test included) is in the pool; its
    items are numbered 0 .. n-1 as the annotators' files name them."""
    from stance.corpora.quote_corpus import article_splits
    from stance.training.quote_pool import item_keys, read_pool_rows

    rows, meta = read_pool_rows()
    assert not {r["article"] for r in rows} & set(article_splits())
    assert len(item_keys()) == meta["n"] == len(rows)


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
