"""Annotation sheets for the pool: every example of the pool as an item.

    python data/quote_stance/pool/tools/make_sheets.py --data ../shared/data --out /tmp/pool_sheets

The items are the pool's (``data/quote_stance/pool/labels.jsonl``, read by
``stance.training.quote_pool.item_keys``; item ``n`` is its item ``n``): every stance example the
pipeline built (twelfth session) from the PolNeAR ``train`` articles outside the article corpus.
The twelfth session read the same keys from the teacher-labels file, removed with quote-stance
4.7.0's teacher rows. Writes ``chunk1.txt`` .. ``chunkK.txt`` (split by article, shuffled with a fixed seed, about
equal in items), ``double.txt`` (the items of a fixed share of the articles, for a second,
independent label) and ``assign.json``. The sheets quote PolNeAR text: keep them out of the
repository.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="corpus directory holding polnear/")
    ap.add_argument("--out", required=True, help="output directory (outside the repository)")
    ap.add_argument("--chunks", type=int, default=3)
    ap.add_argument("--double", type=float, default=0.16, help="share of the articles labelled twice")
    ap.add_argument("--seed", type=int, default=20261130)
    args = ap.parse_args()

    from stance.training.quote_pool import item_keys, read_source

    ids, texts, _ = read_source(args.data)
    keys = item_keys()
    by: dict[str, list[dict]] = defaultdict(list)
    for n, (ri, a, b, ts, te, ss, se) in enumerate(keys.tolist()):
        text = texts[ri]
        sl = text[a:b]
        ps = text.rfind("\n\n", 0, a)
        ps = 0 if ps < 0 else ps + 2
        prev = text.rfind("\n\n", 0, max(ps - 2, 0))
        prev = 0 if prev < 0 else prev + 2
        pe = text.find("\n\n", b)
        pe = len(text) if pe < 0 else pe
        ctx = text[prev:pe] if pe - prev <= 1800 else text[ps:pe]  # the paragraph before too, when short
        by[ids[ri]].append({"item": n, "slice": (a, b), "context": ctx, "passage": sl, "target": sl[ts:te],
                            "marked": sl[:ts] + "[[" + sl[ts:te] + "]]" + sl[te:],
                            "speaker_mention": sl[ss:se] if ss >= 0 else None})
    arts = sorted(by)
    random.Random(args.seed).shuffle(arts)
    chunks: list[list[str]] = [[] for _ in range(args.chunks)]
    sizes = [0] * args.chunks
    for a in arts:
        k = sizes.index(min(sizes))
        chunks[k].append(a)
        sizes[k] += len(by[a])
    double = arts[: int(round(args.double * len(arts)))]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    def write(name: str, art_list: list[str]) -> int:
        n = 0
        with open(out / f"{name}.txt", "w", encoding="utf-8") as f:
            for a in art_list:
                groups: dict[tuple, list[dict]] = defaultdict(list)
                for it in by[a]:
                    groups[it["slice"]].append(it)
                for sl, its in groups.items():
                    f.write(f"=== ARTICLE {a} | PASSAGE {sl[0]}-{sl[1]}\nCONTEXT:\n{its[0]['context']}\n\n"
                            f"PASSAGE (the quotation as the software found it, with its reporting frame):\n{its[0]['passage']}\n"
                            f"SPEAKER MENTION (software's guess, may be wrong): {its[0]['speaker_mention']}\n")
                    for it in its:
                        f.write(f"  ITEM {it['item']}: target = {it['target']!r}   in: {it['marked']}\n")
                        n += 1
                    f.write("\n")
        return n

    (out / "assign.json").write_text(json.dumps({"chunks": chunks, "double": sorted(double)}), encoding="utf-8")
    for k, c in enumerate(chunks, 1):
        print(f"chunk{k}: {len(c)} articles, {write(f'chunk{k}', c)} items")
    print(f"double: {len(double)} articles, {write('double', [a for a in arts if a in set(double)])} items")


if __name__ == "__main__":
    main()
