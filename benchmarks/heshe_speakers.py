#!/usr/bin/env python
"""The names "he" and "she" speakers are resolved to on PolNeAR dev (issue 15: no he/she resolved
to a non-person). Prints each distinct name with its count, for a person / not-a-person judgement
(the figures in the README were judged by an AI model reading the printed names, without the
pipeline; see the README for who judged which list).

    python benchmarks/heshe_speakers.py --data ../shared/data [--split dev] [--json out.json]
"""

from __future__ import annotations

import argparse
import collections
import json


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="folder holding polnear/")
    ap.add_argument("--split", default="dev", choices=("train", "dev"))
    ap.add_argument("--json", default=None, help="also write one record per he/she speaker here")
    args = ap.parse_args()

    import stance
    from stance.corpora.polnear import load_polnear

    nlp = stance.load(stance_model=False)
    rows = []
    for d in load_polnear(args.data, args.split):
        for q in nlp(d["text"], id=d["doc_id"]).quotes:
            sp = q.speaker
            if sp is not None and sp.mention is not None and sp.mention.text.lower() in ("he", "she"):
                rows.append({"doc": d["doc_id"], "start": sp.mention.start, "pronoun": sp.mention.text, "name": sp.name, "type": sp.type})
    unresolved = sum(r["name"].lower() in ("he", "she") for r in rows)
    print(f"{len(rows)} he/she speakers, {unresolved} unresolved")
    for name, n in collections.Counter(r["name"] for r in rows).most_common():
        print(f"{n}\t{name}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(rows, f, ensure_ascii=False, indent=0)


if __name__ == "__main__":
    main()
