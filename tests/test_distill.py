"""Distillation data (stance.training.pseudo): the pool is built from the corpora given at run time,
stored as keys without text, rebuilt exactly, and refused when a corpus file changed."""

from __future__ import annotations

import json

import numpy as np
import pytest

import stance

from stance.training.pseudo import (
    build_pool,
    held_out_records,
    load_labelled,
    name_spans,
    save_labels,
    sentence_spans,
)

ARTICLE = (
    "Senator Maria Halvorsen accused the Ruritanian government of lying to voters. "
    "\"They are thugs and cheats,\" Halvorsen said on Tuesday.\n\n"
    "The Foreign Ministry of Ruritania rejected the accusation and praised President Ivo Castellano "
    "for his patience in the long talks with Brandt."
)
SENTENCE = "Critics in Geneva said Ivanova had betrayed the voters of Ruritania last week."


def _corpus(tmp_path, article=ARTICLE):
    (tmp_path / "polnear").mkdir()
    (tmp_path / "newsmtsc").mkdir()
    (tmp_path / "polnear" / "train.jsonl").write_text(json.dumps({"doc_id": "a1", "text": article}) + "\n")
    rec = {"id": "n1", "text": SENTENCE, "target": {"start": 23, "end": 30, "text": "Ivanova"}, "label": "hostile"}
    (tmp_path / "newsmtsc" / "train.jsonl").write_text(json.dumps(rec) + "\n")
    return tmp_path


def test_sentence_and_name_spans():
    spans = list(sentence_spans(ARTICLE))
    assert all(ARTICLE[a:b] == ARTICLE[a:b].strip() and ARTICLE[a:b] for a, b in spans)
    s = "The Foreign Ministry of Ruritania rejected the accusation and praised Ivo Castellano."
    names = {s[a:b] for a, b in name_spans(s, frozenset(), frozenset())}
    assert "Foreign Ministry of Ruritania" in names and "Ivo Castellano" in names


def test_pool_round_trip_without_text(tmp_path, nlp):
    data = _corpus(tmp_path)
    # every proposed target: the trained party filter drops the invented demonym "Ruritanian"
    keys, sources = build_pool(data, pipeline=stance.load(party_filter=False))
    assert keys.ndim == 2 and keys.shape[1] == 9 and len(keys) > 3
    assert set(keys[:, 0].tolist()) == {0, 1}  # sentence and quote examples
    # the labelled NewsMTSC target is not proposed again; other names of its sentence are
    news = keys[keys[:, 1] == 1]
    assert news.size and not any((r[5], r[6]) == (23, 30) for r in news.tolist())
    probs = np.tile([0.1, 0.2, 0.7], (len(keys), 1))
    out = save_labels(tmp_path / "labels.npz", keys, probs, sources, {"name": "t", "version": "1", "sha256": "0"})
    raw = out.read_bytes()
    assert b"Halvorsen" not in raw and b"thugs" not in raw  # no corpus text in the file
    X, P, meta = load_labelled(out, data)
    assert len(X) == len(keys) and meta["n"] == len(keys)
    assert np.allclose(P, probs, atol=1e-3)
    for ex in X:
        assert 0 <= ex.target_start < ex.target_end <= len(ex.text)
        assert ex.text[ex.target_start:ex.target_end].strip()
        assert ex.text in ARTICLE or ex.text in SENTENCE
    quote = [ex for ex in X if ex.corpus == "pseudo_quote"]
    assert quote and any(ex.has_source for ex in quote)


def test_held_out_corpus_articles_are_left_out_of_pool_and_labels(tmp_path, nlp, monkeypatch):
    import stance.corpora.quote_corpus as qc

    data = _corpus(tmp_path)
    other = ARTICLE.replace("Halvorsen", "Lindqvist").replace("Castellano", "Moreau").replace("Brandt", "Okafor")
    (data / "polnear" / "train.jsonl").write_text("".join(json.dumps({"doc_id": i, "text": t}) + "\n" for i, t in (("a1", ARTICLE), ("a2", other))))
    keys, sources = build_pool(data, pipeline=nlp)
    assert {0, 1} <= set(keys[keys[:, 1] == 0][:, 2].tolist())  # both records before the rule applies
    out = save_labels(tmp_path / "labels.npz", keys, np.full((len(keys), 3), 1 / 3), sources, {"name": "t", "version": "1", "sha256": "0"})
    n_a2 = int(((keys[:, 1] == 0) & (keys[:, 2] == 1)).sum())
    monkeypatch.setattr(qc, "held_out_ids", lambda corpus_dir=None: frozenset({"a2"}))
    assert held_out_records(data) == {(0, 1)}
    X, P, meta = load_labelled(out, data)
    assert meta["held_out_rows"] == n_a2 > 0 and len(X) == len(P) == len(keys) - n_a2
    kept, _ = build_pool(data, pipeline=nlp)
    assert not ((kept[:, 1] == 0) & (kept[:, 2] == 1)).any() and len(kept) == len(keys) - n_a2


def test_held_out_records_follow_the_corpus_splits(tmp_path):
    from stance.corpora.quote_corpus import article_splits

    splits = article_splits()  # ids only: no PolNeAR text
    pick = {s: next(a for a, x in splits.items() if x == s) for s in ("train", "dev", "test")}
    data = _corpus(tmp_path)
    (data / "polnear" / "train.jsonl").write_text("".join(json.dumps({"doc_id": pick[s], "text": "x"}) + "\n" for s in ("train", "dev", "test")))
    assert held_out_records(data) == {(0, 1), (0, 2)}


def test_changed_corpus_is_refused(tmp_path, nlp):
    data = _corpus(tmp_path)
    keys, sources = build_pool(data, pipeline=nlp)
    out = save_labels(tmp_path / "labels.npz", keys, np.full((len(keys), 3), 1 / 3), sources, {"name": "t", "version": "1", "sha256": "0"})
    (data / "polnear" / "train.jsonl").write_text(json.dumps({"doc_id": "a1", "text": ARTICLE + " More."}) + "\n")
    with pytest.raises(ValueError, match="sha256"):
        load_labelled(out, data)
