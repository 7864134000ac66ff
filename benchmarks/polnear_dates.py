#!/usr/bin/env python
"""Write PolNeAR articles as ``{"id", "text", "date"}`` JSONL lines for ``stance analyze --keep-fields date``.

PolNeAR's ``doc_id`` encodes the outlet, the publication date and a slug:
``breitbart_2015-11-11_the-ninth-circle-the-hellish-vie`` -> date ``2015-11-11``. The date is the
first ``YYYY-MM-DD`` between underscores; an id without one gets no ``date`` field (and is counted
as "missing date" by ``stance network``).

Usage (the corpus is read at run time and the output goes outside the repository)::

    python benchmarks/polnear_dates.py ../shared/data/polnear/train.jsonl -o /tmp/polnear_train_dated.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys

from stance.corpora.polnear import date_of

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", help="a PolNeAR split as JSONL (doc_id, text)")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args(argv)
    n = dated = 0
    with open(args.input, encoding="utf-8") as f, open(args.output, "w", encoding="utf-8") as out:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            doc_id = str(rec["doc_id"])
            obj = {"id": doc_id, "text": rec["text"]}
            d = date_of(doc_id)
            if d is not None:
                obj["date"] = d
                dated += 1
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
            n += 1
    print(f"polnear_dates: {n} articles, {dated} with a date -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
