"""Rebuild the items (quotation, target pairs) that were labelled in polnear_train_quote_stance.jsonl,
and the annotation sheets shown to the annotators.

    python data/quote_stance/make_items.py --data ../shared/data --out /tmp/quote_items

Writes items.json (every pair with its paragraph context) and chunk<k>.txt sheets, split by
article. Run with the pipeline version named in README.md to get the same items; the labels
were written by the annotators, one JSON line per item, as described there.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="corpus directory holding polnear/")
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--articles", type=int, default=70)
    ap.add_argument("--seed", type=int, default=20261128)
    ap.add_argument("--chunks", type=int, default=6)
    args = ap.parse_args()

    import stance
    from stance.evaluation.polnear import polnear_file

    rows = [json.loads(line) for line in polnear_file(args.data, "train").open(encoding="utf-8")]
    random.Random(args.seed).shuffle(rows)
    nlp = stance.load()
    items = []
    for r in rows[: args.articles]:
        text = r["text"]
        for q in nlp(text, id=r["doc_id"]).to_dict()["quotes"]:
            if not q["stances"]:
                continue
            s, e = q["quote"]["start"], q["quote"]["end"]
            ps = text.rfind("\n\n", 0, s)
            ps = 0 if ps < 0 else ps + 2
            pe = text.find("\n\n", e)
            pe = len(text) if pe < 0 else pe
            prev = text.rfind("\n\n", 0, max(ps - 2, 0))
            prev = 0 if prev < 0 else prev + 2
            ctx = text[prev:pe] if pe - prev <= 1500 else text[ps:pe]  # the paragraph before too, when short
            for st in q["stances"]:
                items.append({"item": len(items), "doc_id": r["doc_id"], "quote_start": s, "quote_end": e,
                              "quote": q["quote"]["text"], "speaker": q["speaker"]["name"] if q["speaker"] else None,
                              "role": q["role"], "affiliation": q["affiliation"], "target": st["target"], "context": ctx})
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "items.json").write_text(json.dumps(items), encoding="utf-8")

    groups: dict[tuple, list] = {}
    for it in items:
        groups.setdefault((it["doc_id"], it["quote_start"], it["quote_end"]), []).append(it)
    docs = list(dict.fromkeys(k[0] for k in groups))
    chunks: list[list] = [[] for _ in range(args.chunks)]
    sizes = [0] * args.chunks
    for d in docs:  # whole articles, to the smallest sheet so far
        gs = [g for k, g in groups.items() if k[0] == d]
        j = sizes.index(min(sizes))
        sizes[j] += sum(len(g) for g in gs)
        chunks[j].extend(gs)
    for j, gs in enumerate(chunks):
        lines, last = [], None
        for g in gs:
            it = g[0]
            lines.append(f"=== QUOTE group {it['doc_id']} @{it['quote_start']}")
            lines.append("CONTEXT: (same as previous group)" if it["context"] == last else "CONTEXT:\n" + it["context"])
            last = it["context"]
            sp = it["speaker"] or "(unknown)"
            lines.append(f"SPEAKER (as detected, may be wrong): {sp}" + (f" | role: {it['role']}" if it["role"] else "")
                         + (f" | affiliation: {it['affiliation']}" if it["affiliation"] else ""))
            lines.append("QUOTE: " + it["quote"])
            lines += [f"  item {t['item']}: target = {t['target']}" for t in g]
            lines.append("")
        (out / f"chunk{j}.txt").write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(items)} items from {len(docs)} articles -> {out}")


if __name__ == "__main__":
    main()
