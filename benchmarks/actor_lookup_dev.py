#!/usr/bin/env python
"""Role and affiliation accuracy with and without the actor lookup, on the dev split of the
article-level corpus (``data/quote_stance/articles``): its Wikinews part and its PolNeAR part.

Usage (the PolNeAR texts are read from the user's copy at run time)::

    python benchmarks/actor_lookup_dev.py --data ../shared/data [--json out.json]

Three runs per source: without the lookup; with it, the date taken from the text (what ``stance
analyze`` does); with it and the date the corpus records given (``nlp(text, date=...)``). Scores with :func:`stance.evaluation.articles.evaluate_articles` (the scorer of ``stance evaluate
articles``); also counts the quotations whose affiliation came from the lookup, and how many of
those with a gold affiliation it got right. Never reads the test split.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from stance.corpora.polnear import date_of
from stance.corpora.quote_corpus import load_quote_corpus
from stance.evaluation.articles import evaluate_articles, jaccard_ok, match_spans


def with_span_texts(doc: dict[str, Any]) -> dict[str, Any]:
    """A gold article whose spans carry their text (PolNeAR lines ship offsets only)."""
    text = doc["text"]
    quotes = []
    for q in doc["quotes"]:
        q = dict(q)
        for k in ("quote", "cue"):
            if q.get(k) is not None and "text" not in q[k]:
                q[k] = {**q[k], "text": text[q[k]["start"]:q[k]["end"]]}
        quotes.append(q)
    return {**doc, "quotes": quotes}


def known_date(doc: dict[str, Any]) -> str | None:
    """The publication date the corpus records: Wikinews ``date``; PolNeAR's id
    (``breitbart_2015-12-11_...``: :func:`stance.corpora.polnear.date_of`)."""
    if doc.get("date"):
        return str(doc["date"])
    return date_of(doc["id"])


def lookup_counts(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, int]:
    """Quotations with a lookup affiliation; of the matched ones with a gold affiliation, how many are right."""
    n = matched = right = 0
    for g, p in zip(gold, pred):
        n += sum(1 for q in p["quotes"] if q.get("affiliation_source") == "lookup")
        pairs = match_spans([(q["quote"]["start"], q["quote"]["end"]) for q in p["quotes"]],
                            [(q["quote"]["start"], q["quote"]["end"]) for q in g["quotes"]])
        for i, j in pairs:
            pq, gq = p["quotes"][i], g["quotes"][j]
            if pq.get("affiliation_source") == "lookup" and gq.get("affiliation"):
                matched += 1
                right += jaccard_ok(pq.get("affiliation"), gq["affiliation"])
    return {"lookup_quotes": n, "lookup_scored": matched, "lookup_right": right}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="folder holding polnear/ (for the PolNeAR texts)")
    ap.add_argument("--split", default="dev", choices=("train", "dev"))
    ap.add_argument("--json", default=None, help="also write the figures to this file")
    args = ap.parse_args()

    import stance

    out: dict[str, Any] = {}
    for source in ("wikinews", "polnear"):
        gold = [with_span_texts(d) for d in load_quote_corpus(args.split, args.data, sources=(source,))]
        for lookup, dated in ((False, False), (True, False), (True, True)):
            nlp = stance.load(actor_lookup=lookup)
            pred = [nlp(d["text"], id=d["id"], date=known_date(d) if dated else None).to_dict() for d in gold]
            r = evaluate_articles(gold, pred)
            row = {k: r[k] for k in ("documents", "speaker_accuracy", "role_accuracy", "role_n", "affiliation_accuracy", "affiliation_n")}
            row["attribution_f1"] = r["attribution"]["f1"]
            row["quote_f1"] = r["quotes"]["f1"]
            row.update(lookup_counts(gold, pred))
            out[f"{source}/{'lookup' if lookup else 'no-lookup'}{'+date' if dated else ''}"] = row
            print(f"{source:9s} actor_lookup={lookup!s:5s} date={'given' if dated else 'text':5s}  role {row['role_accuracy']:.3f} (n={row['role_n']})  "
                  f"affiliation {row['affiliation_accuracy']:.3f} (n={row['affiliation_n']})  speaker {row['speaker_accuracy']:.3f}  "
                  f"e2e F1 {row['attribution_f1']:.3f}  quotes F1 {row['quote_f1']:.3f}  lookup: {row['lookup_quotes']} quotes, {row['lookup_right']}/{row['lookup_scored']} right")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=2)


if __name__ == "__main__":
    main()
