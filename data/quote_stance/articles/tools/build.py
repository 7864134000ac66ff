"""Build the article-level quote/stance corpus from the annotators' files, and measure agreement.

    python build.py import-polnear RAW_DIR   # resolve PolNeAR raw files (they quote the article
                                            # text) and keep offsets only, in annotations/polnear/
    python build.py                          # writes {wikinews,polnear}/{train,dev,test}.jsonl
                                            # and agreement.json

Layout (relative to this folder's parent, ``data/quote_stance/articles/``):

- ``annotations/wikinews/<annotator>/<id>.json``: the annotators' text-anchored files (Wikinews,
  CC BY 2.5); ``annotations/wikinews/adjudicated/<id>.json`` for articles annotated twice.
- ``annotations/polnear/<annotator>/<id>.json``: the PolNeAR files resolved to offsets, with every
  text field removed (PolNeAR text is never stored here); same ``adjudicated`` folder.
- ``splits.json``: article id -> train/dev/test, fixed by a hash of the id before any model work.

Rules of the build:

- Every file must resolve without problems, or the build stops.
- An article annotated by two annotators takes its adjudicated version; the build stops if it is
  missing.
- Pipeline proposals an annotator marked ``not-a-party`` leave ``stances`` and go to the quote's
  ``not_parties`` list, so the gold keeps the ANNOTATION.md shape.
- Agreement over the doubly annotated articles, before adjudication, per source: quotation
  detection F1 between the two annotators, speaker / role / affiliation agreement over matched
  quotations, party-set F1 over matched quotations, and over parties both kept: label agreement
  and Cohen's kappa overall and per class (one class against the rest).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from resolve import load_articles, resolve

ROOT = Path(__file__).resolve().parent.parent
ANN = ROOT / "annotations"
SOURCES = ("wikinews", "polnear")
STANCES = ("hostile", "neutral", "conciliatory")


def _norm(name: str | None) -> str:
    s = re.sub(r"[’']s$", "", (name or "").casefold().strip())
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", s)).strip()


def same_name(a: str | None, b: str | None) -> bool:
    """Equal after normalising, or one is the other's first or last tokens."""
    x, y = _norm(a), _norm(b)
    if not x or not y:
        return x == y
    tx, ty = x.split(), y.split()
    short, long_ = (tx, ty) if len(tx) <= len(ty) else (ty, tx)
    return long_[-len(short):] == short or long_[:len(short)] == short


def same_value(a: str | None, b: str | None) -> bool:
    """Role/affiliation agreement: both empty, or token-set Jaccard >= 0.5."""
    x, y = set(_norm(a).split()), set(_norm(b).split())
    if not x and not y:
        return True
    return bool(x and y) and len(x & y) / len(x | y) >= 0.5


def match_quotes(qa: list[dict], qb: list[dict]) -> list[tuple[int, int]]:
    """One-to-one matches by character overlap >= 50% of the shorter span, largest first."""
    cands = []
    for i, a in enumerate(qa):
        for j, b in enumerate(qb):
            s1, e1, s2, e2 = a["quote"]["start"], a["quote"]["end"], b["quote"]["start"], b["quote"]["end"]
            ov = min(e1, e2) - max(s1, s2)
            if ov > 0 and ov >= 0.5 * min(e1 - s1, e2 - s2):
                cands.append((ov, i, j))
    used_a, used_b, out = set(), set(), []
    for _, i, j in sorted(cands, key=lambda x: (-x[0], x[1], x[2])):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j))
    return sorted(out)


def kappa(pairs: list[tuple[str, str]], labels: tuple[str, ...]) -> float | None:
    n = len(pairs)
    if not n:
        return None
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[lab] * cb[lab] for lab in labels) / (n * n)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def _parties(q: dict) -> dict[str, str]:
    return {_norm(s["target"]): s["label"] for s in q["stances"] if s["label"] != "not-a-party"}


def agreement(a: dict, b: dict) -> dict:
    """Agreement counts between two annotations of one article."""
    qa, qb = a["quotes"], b["quotes"]
    m = match_quotes(qa, qb)
    out: dict = {"quotes_a": len(qa), "quotes_b": len(qb), "matched": len(m), "speaker": 0, "role": 0,
                 "affiliation": 0, "parties_a": 0, "parties_b": 0, "parties_both": 0, "label_pairs": []}
    for i, j in m:
        x, y = qa[i], qb[j]
        out["speaker"] += same_name(x["speaker"]["name"], y["speaker"]["name"])
        out["role"] += same_value(x["role"], y["role"])
        out["affiliation"] += same_value(x["affiliation"], y["affiliation"])
        pa, pb = _parties(x), _parties(y)
        out["parties_a"] += len(pa)
        out["parties_b"] += len(pb)
        for t in sorted(pa.keys() & pb.keys()):
            out["parties_both"] += 1
            out["label_pairs"].append((pa[t], pb[t]))
    return out


def summarise(agree: list[dict]) -> dict:
    pairs = [tuple(p) for ag in agree for p in ag["label_pairs"]]

    def tot(k: str) -> int:
        return sum(ag[k] for ag in agree)

    matched = max(1, tot("matched"))
    return {
        "articles": len(agree),
        "quotes_a": tot("quotes_a"), "quotes_b": tot("quotes_b"), "quotes_matched": tot("matched"),
        "quote_detection_f1": 2 * tot("matched") / max(1, tot("quotes_a") + tot("quotes_b")),
        "speaker_agreement": tot("speaker") / matched,
        "role_agreement": tot("role") / matched,
        "affiliation_agreement": tot("affiliation") / matched,
        "party_set_f1": 2 * tot("parties_both") / max(1, tot("parties_a") + tot("parties_b")),
        "parties_both": len(pairs),
        "label_agreement": sum(a == b for a, b in pairs) / max(1, len(pairs)),
        "kappa": kappa(pairs, STANCES),
        "kappa_per_class": {lab: kappa([(a if a == lab else "other", b if b == lab else "other") for a, b in pairs],
                                       (lab, "other")) for lab in STANCES},
        "labels_a": dict(Counter(a for a, _ in pairs)), "labels_b": dict(Counter(b for _, b in pairs)),
    }


TELL_CUES = {"told", "tells", "telling", "tell"}


def drop_media_addressees(gold: dict, text: str) -> int:
    """Project decision 1, applied to files annotated before it was made: a neutral party that
    directly follows a told-type cue ("told CNN", "telling the BBC") and that the quote does not
    mention is only where the words were published: it becomes ``not-a-party``. Returns how many."""
    n = 0
    for q in gold["quotes"]:
        cue = q.get("cue")
        if not cue or text[cue["start"]:cue["end"]].casefold() not in TELL_CUES:
            continue
        after = text[cue["end"]:cue["end"] + 80]
        quote = text[q["quote"]["start"]:q["quote"]["end"]].casefold()
        for s in q["stances"]:
            name = s["target"]
            if s["label"] != "neutral" or name.casefold() in quote:
                continue
            if re.match(r"\s*(the\s+)?" + re.escape(name), after, re.I):
                s["label"] = "not-a-party"
                n += 1
    return n


def strip_text(gold: dict) -> dict:
    """Offsets only: drop the article text and every span's text (for PolNeAR)."""
    def span(s: dict | None) -> dict | None:
        return None if s is None else {"start": s["start"], "end": s["end"]}

    quotes = []
    for q in gold["quotes"]:
        sp = q["speaker"]
        quotes.append({**q, "quote": span(q["quote"]), "cue": span(q["cue"]),
                       "speaker": {**sp, "mention": span(sp["mention"])}})
    return {k: v for k, v in gold.items() if k != "text"} | {"quotes": quotes}


def to_gold(g: dict) -> dict:
    """Move not-a-party proposals out of the stances."""
    g = json.loads(json.dumps(g))
    for q in g["quotes"]:
        q["not_parties"] = [s["target"] for s in q["stances"] if s["label"] == "not-a-party"]
        q["stances"] = [s for s in q["stances"] if s["label"] != "not-a-party"]
    return g


def import_polnear(raw_dir: Path) -> int:
    arts = load_articles()
    bad = 0
    for f in sorted(raw_dir.glob("*/*.json")):
        raw = json.loads(f.read_text(encoding="utf-8"))
        if raw.get("id") not in arts:
            print(f"{f}: unknown article", file=sys.stderr)
            bad += 1
            continue
        gold, problems = resolve(raw, arts[raw["id"]])
        if problems:
            print(f"{f}: {problems[:2]}", file=sys.stderr)
            bad += 1
            continue
        if f.parent.name != "adjudicated":
            gold["media_addressees_dropped"] = drop_media_addressees(gold, gold["text"])
        out = ANN / "polnear" / f.parent.name / f.name
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(strip_text(gold), ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if bad else 0


def _load(source: str, f: Path, arts: dict) -> tuple[dict, list[str]]:
    raw = json.loads(f.read_text(encoding="utf-8"))
    if source == "polnear":
        return raw, []
    gold, problems = resolve(raw, arts[raw["id"]])
    if f.parent.name != "adjudicated":
        gold["media_addressees_dropped"] = drop_media_addressees(gold, gold["text"])
    return gold, problems


def build() -> int:
    arts = load_articles()
    splits = json.loads((ROOT / "splits.json").read_text())
    report: dict = {}
    status = 0
    for source in SOURCES:
        by_article: dict[str, dict[str, dict]] = defaultdict(dict)
        adjudicated: dict[str, dict] = {}
        for f in sorted((ANN / source).glob("*/*.json")):
            gold, problems = _load(source, f, arts)
            if problems:
                print(f"{f}: {problems[:2]}", file=sys.stderr)
                status = 1
                continue
            if f.parent.name == "adjudicated":
                adjudicated[gold["id"]] = gold
            else:
                by_article[gold["id"]][f.parent.name] = gold
        agree, final, missing = [], {}, []
        for aid, versions in sorted(by_article.items()):
            if len(versions) == 1:
                final[aid] = next(iter(versions.values()))
                continue
            (na, a), (nb, b) = sorted(versions.items())[:2]
            agree.append(agreement(a, b) | {"id": aid, "annotators": [na, nb]})
            if aid not in adjudicated:
                missing.append(aid)
                continue
            final[aid] = adjudicated[aid] | {"annotator": f"{na}+{nb}, adjudicated"}
        if missing:
            print(f"{source}: {len(missing)} doubly annotated articles not adjudicated: {missing}", file=sys.stderr)
            status = 1
        counts = {}
        (ROOT / source).mkdir(exist_ok=True)
        for name in ("train", "dev", "test"):
            rows = [to_gold(final[a]) for a in sorted(final) if splits.get(a) == name]
            with open(ROOT / source / f"{name}.jsonl", "w", encoding="utf-8") as fh:
                for r in rows:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            counts[name] = {
                "articles": len(rows), "quotes": sum(len(r["quotes"]) for r in rows),
                "parties": sum(len(q["stances"]) for r in rows for q in r["quotes"]),
                "not_a_party": sum(len(q["not_parties"]) for r in rows for q in r["quotes"]),
                "labels": dict(Counter(s["label"] for r in rows for q in r["quotes"] for s in q["stances"])),
                "media_addressees_dropped": sum(r.get("media_addressees_dropped", 0) for r in rows),
            }
        report[source] = {"splits": counts, "agreement": summarise(agree), "articles": agree}
    (ROOT / "agreement.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({s: {"splits": r["splits"], "agreement": r["agreement"]} for s, r in report.items()}, indent=1))
    return status


if __name__ == "__main__":
    if sys.argv[1:2] == ["import-polnear"]:
        sys.exit(import_polnear(Path(sys.argv[2])))
    sys.exit(build())
