"""Sheets, checks and the build of the pronoun-antecedent set (``data/pronouns/``).

The set: personal pronouns (he, she, they, it, we) that are the source of an attribution in
PolNeAR train, in articles that are not in the article-level corpus (whose own pronoun speakers
are already resolved to a name). PolNeAR marks the source span as written, not resolved; the
annotators give each pronoun's antecedent.

    python pronoun_sheets.py sheets POLNEAR_DIR OUT_DIR --n 1000 --annotators 5 --double 0.15
    python pronoun_sheets.py check POLNEAR_DIR RAW_DIR/ANN/<id>.json
    python pronoun_sheets.py build POLNEAR_DIR RAW_DIR     # writes data/pronouns/polnear.jsonl + agreement.json

Sheets and raw answers hold article text: write them outside the repository. The built file
holds offsets only: the pronoun's and every occurrence of the antecedent's name (PolNeAR text is
never committed; the name is read back from the text).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

PRONOUNS = ("he", "she", "they", "it", "we")
HERE = Path(__file__).resolve().parent
DATA = HERE.parent
CORPUS = DATA.parent / "quote_stance" / "articles" / "splits.json"
TYPES = ("person", "organization", "state", "group", "other")
GENDERS = ("male", "female", "none", "unknown")


def split_of(doc_id: str) -> str:
    """dev for a fifth of the articles (by sha256 of the id), else train. The test split of the
    pronoun ranker is the article-level corpus's test split, annotated there."""
    h = int(hashlib.sha256(doc_id.encode()).hexdigest(), 16)
    return "dev" if h % 5 == 0 else "train"


def articles(polnear_dir: Path) -> list[dict]:
    """PolNeAR train articles outside the article-level corpus, each with its pronoun sources
    (``pronouns``: list of {pid, start, end, text}), in a fixed order (sha256 of the id)."""
    used = set(json.loads(CORPUS.read_text()))
    out = []
    with open(polnear_dir / "train.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["doc_id"] in used:
                continue
            seen = set()
            prons = []
            for a in d["attributions"]:
                src = a.get("source") or []
                if len(src) != 1 or src[0]["text"].lower() not in PRONOUNS:
                    continue
                key = (src[0]["start"], src[0]["end"])
                if key in seen:
                    continue  # a source shared by two attributions
                seen.add(key)
                prons.append({"start": key[0], "end": key[1], "text": src[0]["text"]})
            prons.sort(key=lambda p: p["start"])
            for k, p in enumerate(prons, 1):
                p["pid"] = k
            if prons:
                out.append({"id": d["doc_id"], "text": d["text"], "date": d["meta"].get("publication_date"), "pronouns": prons})
    out.sort(key=lambda d: hashlib.sha256(d["id"].encode()).hexdigest())
    return out


def marked_text(doc: dict) -> str:
    """The text with each pronoun source shown as ⟦P<k>:<pronoun>⟧."""
    text = doc["text"]
    parts = []
    pos = 0
    for p in doc["pronouns"]:
        parts.append(text[pos:p["start"]])
        parts.append(f"⟦P{p['pid']}:{text[p['start']:p['end']]}⟧")
        pos = p["end"]
    parts.append(text[pos:])
    return "".join(parts)


def cmd_sheets(args: argparse.Namespace) -> None:
    docs = articles(Path(args.polnear_dir))
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    chosen, n = [], 0
    for d in docs:
        if n >= args.n:
            break
        chosen.append(d)
        n += len(d["pronouns"])
    for d in chosen:
        (out / f"{d['id']}.txt").write_text(
            f"ARTICLE {d['id']}\nDATE: {d['date']}\nPRONOUNS: {len(d['pronouns'])}\n\n=== TEXT ===\n{marked_text(d)}\n=== END ===\n",
            encoding="utf-8")
    names = [f"N{k + 1}" for k in range(args.annotators)]
    assign: dict[str, list[str]] = {a: [] for a in names}
    load = {a: 0 for a in names}
    for d in chosen:  # balance by pronoun count
        a = min(names, key=lambda x: load[x])
        assign[a].append(d["id"])
        load[a] += len(d["pronouns"])
    # double annotation: every k-th article also goes to the next annotator
    step = max(1, round(1 / args.double)) if args.double > 0 else 0
    doubles = [d["id"] for i, d in enumerate(chosen) if step and i % step == 0]
    second = {}
    for doc_id in doubles:
        first = next(a for a in names if doc_id in assign[a])
        b = names[(names.index(first) + 1) % len(names)]
        second.setdefault(b, []).append(doc_id)
    for a in names:
        ids = assign[a] + second.get(a, [])
        (out / f"assign_{a}.txt").write_text("\n".join(ids) + "\n")
    print(f"{len(chosen)} articles, {n} pronouns; {len(doubles)} articles doubly assigned")
    for a in names:
        print(a, len(assign[a]), "+", len(second.get(a, [])), "articles,", load[a], "pronouns (first pass)")


def check(doc: dict, ans: dict) -> list[str]:
    """Problems of one answer file against its article."""
    probs = []
    want = {p["pid"] for p in doc["pronouns"]}
    got = {}
    for item in ans.get("pronouns", []):
        pid = item.get("pid")
        if pid not in want:
            probs.append(f"unknown pid {pid!r}")
            continue
        if pid in got:
            probs.append(f"pid {pid} twice")
        got[pid] = item
        st = item.get("status")
        if st not in ("resolved", "none"):
            probs.append(f"P{pid}: status must be 'resolved' or 'none'")
            continue
        if st == "resolved":
            name = item.get("antecedent")
            if not name or name not in doc["text"]:
                probs.append(f"P{pid}: antecedent {name!r} is not written exactly like that in the article")
            if item.get("type") not in TYPES:
                probs.append(f"P{pid}: type must be one of {TYPES}")
            if item.get("gender") not in GENDERS:
                probs.append(f"P{pid}: gender must be one of {GENDERS}")
    for pid in sorted(want - set(got)):
        probs.append(f"P{pid}: missing")
    return probs


def cmd_check(args: argparse.Namespace) -> int:
    docs = {d["id"]: d for d in articles(Path(args.polnear_dir))}
    bad = 0
    for f in args.files:
        ans = json.loads(Path(f).read_text(encoding="utf-8"))
        doc = docs.get(ans.get("id"))
        probs = ["unknown article id"] if doc is None else check(doc, ans)
        for p in probs:
            print(f"PROBLEM {f}: {p}")
        bad += bool(probs)
        if not probs:
            print(f"OK {f}: {len(ans['pronouns'])} pronouns")
    return 1 if bad else 0


def _same(a: dict, b: dict) -> bool:
    if a.get("status") != b.get("status"):
        return False
    if a.get("status") == "none":
        return True
    x, y = a["antecedent"].casefold().split(), b["antecedent"].casefold().split()
    return x == y or x[-1:] == y[-1:] or x[:1] == y[:1] and (len(x) == 1 or len(y) == 1)


def cmd_build(args: argparse.Namespace) -> None:
    docs = {d["id"]: d for d in articles(Path(args.polnear_dir))}
    raw = Path(args.raw_dir)
    by_doc: dict[str, dict[str, dict]] = {}
    for f in sorted(raw.glob("*/*.json")):
        ans = json.loads(f.read_text(encoding="utf-8"))
        doc = docs.get(ans.get("id"))
        if doc is None or check(doc, ans):
            print("skipped (fails the check):", f, file=sys.stderr)
            continue
        by_doc.setdefault(doc["id"], {})[f.parent.name] = ans
    adjudicated = {}
    adj = raw / "adjudicated.json"
    if adj.exists():
        adjudicated = json.loads(adj.read_text())  # {"doc_id:pid": answer item}
    rows, agree, total = [], 0, 0
    pairs_type = []
    for doc_id, anns in sorted(by_doc.items()):
        doc = docs[doc_id]
        names = sorted(anns)
        items = {a: {it["pid"]: it for it in anns[a]["pronouns"]} for a in names}
        for p in doc["pronouns"]:
            chosen = items[names[0]][p["pid"]]
            who = names[0]
            if len(names) > 1:
                a, b = items[names[0]][p["pid"]], items[names[1]][p["pid"]]
                total += 1
                ok = _same(a, b)
                agree += ok
                pairs_type.append((a.get("type") or "none", b.get("type") or "none"))
                key = f"{doc_id}:{p['pid']}"
                if not ok and key in adjudicated:
                    chosen, who = adjudicated[key], "+".join(names) + ", adjudicated"
                elif not ok:
                    continue  # disagreement not adjudicated: left out
                else:
                    who = "+".join(names)
            row = {"doc_id": doc_id, "split": split_of(doc_id), "pronoun": {"start": p["start"], "end": p["end"]},
                   "status": chosen["status"], "annotator": who}
            if chosen["status"] == "resolved":
                name = chosen["antecedent"]
                text = doc["text"]
                occ, k = [], text.find(name)
                while k >= 0:
                    occ.append({"start": k, "end": k + len(name)})
                    k = text.find(name, k + 1)
                # offsets only: the name is read back from the text (PolNeAR text is never committed)
                row.update(type=chosen["type"], gender=chosen["gender"], antecedent_spans=occ)
            rows.append(row)
    out = DATA / "polnear.jsonl"
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    po = sum(a == b for a, b in pairs_type) / len(pairs_type) if pairs_type else None
    ca, cb = Counter(a for a, _ in pairs_type), Counter(b for _, b in pairs_type)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / len(pairs_type) ** 2 if pairs_type else None
    summary = {"articles": len(by_doc), "pronouns": len(rows),
               "doubly_annotated_pronouns": total, "antecedent_agreement": round(agree / total, 4) if total else None,
               "antecedent_disagreements_adjudicated": sum(1 for k in adjudicated),
               "type_agreement": round(po, 4) if po is not None else None,
               "type_kappa": round((po - pe) / (1 - pe), 4) if po is not None and pe is not None and pe < 1 else None,
               "splits": {s: sum(r["split"] == s for r in rows) for s in ("train", "dev")}}
    (DATA / "agreement.json").write_text(json.dumps(summary, indent=1) + "\n")
    print(json.dumps(summary, indent=1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sheets")
    s.add_argument("polnear_dir")
    s.add_argument("out_dir")
    s.add_argument("--n", type=int, default=1000, help="pronouns to put on sheets (whole articles)")
    s.add_argument("--annotators", type=int, default=5)
    s.add_argument("--double", type=float, default=0.15, help="share of articles given to two annotators")
    c = sub.add_parser("check")
    c.add_argument("polnear_dir")
    c.add_argument("files", nargs="+")
    b = sub.add_parser("build")
    b.add_argument("polnear_dir")
    b.add_argument("raw_dir")
    args = ap.parse_args(argv)
    if args.cmd == "sheets":
        cmd_sheets(args)
        return 0
    if args.cmd == "check":
        return cmd_check(args)
    cmd_build(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
