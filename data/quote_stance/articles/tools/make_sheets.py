"""Write the annotation sheets for the whole-article annotation (Wikinews and PolNeAR train).

One sheet per article: the article text, then the pipeline's draft (its quotations, speakers and
proposed target parties, without stance labels or scores), which the annotators correct and
complete.

- ``wikinews``: articles over 2,500 words (long interviews) are left out; wave 1 took the
  articles where the pipeline finds at least 2 quotations, wave 2 (``--rest``) the others.
- ``polnear``: PolNeAR train articles: first the 67 of ``data/quote_stance/polnear_train_quote_stance.jsonl``,
  then the others; ``--n`` of them. PolNeAR text must not be committed: write these sheets outside
  the repository.

Order: a fixed shuffle (seed 20261129) within each group.

    python make_sheets.py OUT_DIR [--corpus wikinews|polnear] [--rest] [--n N]
"""

from __future__ import annotations

import json
import json
import random
import sys
from pathlib import Path

from resolve import load_articles


def sheet(article: dict, analysis: dict) -> str:
    lines = [f"ARTICLE {article['id']}", f"TITLE: {article['title']}", f"DATE: {article['date']}", "",
             "=== TEXT ===", article["text"], "=== END OF TEXT ===", "",
             "=== PIPELINE DRAFT (software output: may be wrong or incomplete) ==="]
    for k, q in enumerate(analysis["quotes"]):
        sp = q.get("speaker") or {}
        lines += [f"[draft {k}] kind={q['kind']} cue={(q.get('cue') or {}).get('text')!r}",
                  f"  speaker={sp.get('name')!r} mention={(sp.get('mention') or {}).get('text')!r} "
                  f"type={sp.get('type')} role={q.get('role')!r} affiliation={q.get('affiliation')!r}",
                  f"  quote: {q['quote']['text']}",
                  f"  proposed targets: {[s['target'] for s in q['stances']]}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    import argparse

    import stance

    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--corpus", choices=["wikinews", "polnear"], default="wikinews")
    ap.add_argument("--rest", action="store_true")
    ap.add_argument("--n", type=int, default=0)
    args = ap.parse_args(argv)
    arts = {k: a for k, a in load_articles().items() if (a.get("source") == "polnear") == (args.corpus == "polnear")}
    nlp = stance.load()
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    chosen = []
    if args.corpus == "wikinews":
        for a in sorted(arts.values(), key=lambda a: a["id"]):
            if len(a["text"].split()) > 2500:
                continue
            an = nlp(a["text"], id=a["id"]).to_dict()
            if (len(an["quotes"]) < 2) != args.rest:
                continue
            (out / f"{a['id']}.txt").write_text(sheet(a, an), encoding="utf-8")
            chosen.append(a["id"])
        random.Random(20261129).shuffle(chosen)
    else:
        old_set = Path(__file__).resolve().parents[2] / "polnear_train_quote_stance.jsonl"
        first = sorted({json.loads(l)["doc_id"] for l in open(old_set, encoding="utf-8")})
        rest = sorted(set(arts) - set(first))
        random.Random(20261129).shuffle(first)
        random.Random(20261129).shuffle(rest)
        chosen = (first + rest)[: args.n or None]
        for aid in chosen:
            a = arts[aid]
            a = {**a, "title": "(PolNeAR: none)", "date": aid.split("_")[1]}
            (out / f"{aid}.txt").write_text(sheet(a, nlp(a["text"], id=aid).to_dict()), encoding="utf-8")
    (out / "ORDER.txt").write_text("\n".join(chosen) + "\n", encoding="utf-8")
    print(len(chosen), "sheets")


if __name__ == "__main__":
    main(sys.argv[1:])
