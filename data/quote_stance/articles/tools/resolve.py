"""Turn an annotator's text-anchored article annotation into the ANNOTATION.md gold format.

Annotators write quotes, cues and mentions as exact text from the article (plus an occurrence
number where a text occurs more than once); this script finds the character offsets, checks every
field, and writes ``text[start:end] == span.text`` spans.

    python resolve.py check  RAW.json          # report problems, exit 1 if any
    python resolve.py resolve RAW.json OUT.json

The articles are read from the corpora folder ``$STANCE_DATA`` (default ``../shared/data`` beside
the repository): Wikinews by ``id``, PolNeAR ``train`` by ``doc_id``.

The raw format (one article per file)::

    {"id": ..., "annotator": ..., "quotes": [
      {"quote": "exact text", "nth": 1, "kind": "direct|indirect|mixed",
       "cue": "said" | null, "speaker": {"name": ..., "mention": "exact text" | null,
       "type": "person|organization|state|unknown"}, "role": str|null, "affiliation": str|null,
       "stances": [{"target": ..., "label": "hostile|conciliatory|neutral|not-a-party",
                    "implicit": true?}]}]}

Texts are matched as whole words ("he" is never found inside "the"). The cue is the occurrence
nearest to the quote (before or after it, within 400 characters, outside the quote unless only found inside); the mention
is the occurrence nearest to the cue (or to the quote when there is no cue), from 3,000
characters before the quote to 400 after it, outside the quote (inside it only when the
attribution interrupts its own span).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

#: the corpora folder (``--data`` of the stance commands); $STANCE_DATA overrides it
#: (default: ``../shared/data`` beside the repository, as in the README's commands)
DATA = Path(os.environ.get("STANCE_DATA") or Path(__file__).resolve().parents[5] / "shared" / "data")
KINDS = {"direct", "indirect", "mixed"}
TYPES = {"person", "organization", "state", "unknown"}
LABELS = {"hostile", "conciliatory", "neutral", "not-a-party"}


def load_articles(data: Path = DATA) -> dict[str, dict]:
    """Wikinews articles by id, and PolNeAR train articles (when present) by ``doc_id``."""
    with open(data / "wikinews" / "articles.jsonl", encoding="utf-8") as f:
        arts = {r["id"]: r for r in map(json.loads, f)}
    polnear = data / "polnear" / "train.jsonl"
    if polnear.exists():
        with open(polnear, encoding="utf-8") as f:
            for r in map(json.loads, f):
                arts[r["doc_id"]] = {"id": r["doc_id"], "text": r["text"], "source": "polnear"}
    return arts


def _occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of ``needle`` in ``text`` that do not cut a word ("he" never inside "the")."""
    out, i = [], text.find(needle)
    while i >= 0:
        j = i + len(needle)
        left_ok = not (needle[:1].isalnum() and i > 0 and text[i - 1].isalnum())
        right_ok = not (needle[-1:].isalnum() and j < len(text) and text[j].isalnum())
        if left_ok and right_ok:
            out.append(i)
        i = text.find(needle, i + 1)
    return out


def _gap(i: int, j: int, span: tuple[int, int]) -> int | None:
    """Characters between [i, j) and ``span``; None when they overlap."""
    if j <= span[0]:
        return span[0] - j
    if i >= span[1]:
        return i - span[1]
    return None


def _closest(text: str, needle: str, lo: int, hi: int, anchor: tuple[int, int],
             avoid: tuple[int, int] | None = None) -> int | None:
    """The occurrence of ``needle`` within [lo, hi) nearest to the ``anchor`` span (before or
    after it), never overlapping ``avoid``; ties go to the earlier occurrence."""
    best = None
    for i in _occurrences(text, needle):
        j = i + len(needle)
        if i < lo or j > hi:
            continue
        if avoid is not None and _gap(i, j, avoid) is None:
            continue
        g = _gap(i, j, anchor)
        g = 0 if g is None else g
        if best is None or g < best[0]:
            best = (g, i)
    if best is None and avoid is not None:  # an attribution inside its own span ("X, he said, Y")
        return _closest(text, needle, lo, hi, anchor)
    return None if best is None else best[1]


def _span(text: str, start: int, end: int) -> dict:
    return {"start": start, "end": end, "text": text[start:end]}


def resolve(raw: dict, article: dict) -> tuple[dict, list[str]]:
    """Return the gold dict and a list of problems (empty when all is well)."""
    text = article["text"]
    problems: list[str] = []
    quotes = []
    for k, q in enumerate(raw.get("quotes", [])):
        where = f"quote {k} ({str(q.get('quote'))[:40]!r})"
        qt = q.get("quote")
        if not isinstance(qt, str) or not qt.strip():
            problems.append(f"{where}: empty quote text")
            continue
        if qt != qt.strip():
            problems.append(f"{where}: quote text has leading/trailing spaces")
        occ = _occurrences(text, qt)
        nth = q.get("nth")
        if not occ:
            problems.append(f"{where}: quote text not found in the article (copy it exactly)")
            continue
        if nth is None and len(occ) > 1:
            problems.append(f"{where}: quote text occurs {len(occ)} times; add \"nth\" (1-based)")
            continue
        nth = nth or 1
        if not (1 <= nth <= len(occ)):
            problems.append(f"{where}: nth={nth} but the text occurs {len(occ)} times")
            continue
        qs = occ[nth - 1]
        qe = qs + len(qt)
        if q.get("kind") not in KINDS:
            problems.append(f"{where}: kind must be one of {sorted(KINDS)}")
        cue = None
        if q.get("cue"):
            c = _closest(text, q["cue"], max(0, qs - 400), min(len(text), qe + 400), (qs, qe), avoid=(qs, qe))
            if c is None:
                problems.append(f"{where}: cue {q['cue']!r} not found within 400 characters of the quote")
            else:
                cue = _span(text, c, c + len(q["cue"]))
        sp = q.get("speaker") or {}
        if not sp.get("name"):
            problems.append(f"{where}: speaker name missing")
        if sp.get("type") not in TYPES:
            problems.append(f"{where}: speaker type must be one of {sorted(TYPES)}")
        mention = None
        if sp.get("mention"):
            m = sp["mention"]
            anchor = (cue["start"], cue["end"]) if cue else (qs, qe)
            c = _closest(text, m, max(0, qs - 3000), min(len(text), qe + 400), anchor, avoid=(qs, qe))
            if c is None:
                problems.append(f"{where}: speaker mention {m!r} not found near the quote")
            else:
                mention = _span(text, c, c + len(m))
        stances = []
        seen = set()
        for s in q.get("stances", []):
            if not s.get("target") or s.get("label") not in LABELS:
                problems.append(f"{where}: bad stance {s!r} (label one of {sorted(LABELS)})")
                continue
            if s["target"] in seen:
                problems.append(f"{where}: target {s['target']!r} listed twice")
            seen.add(s["target"])
            st = {"target": s["target"], "label": s["label"]}
            if s.get("implicit"):
                st["implicit"] = True
            stances.append(st)
        quotes.append({
            "quote": _span(text, qs, qe), "kind": q.get("kind"), "cue": cue,
            "speaker": {"name": sp.get("name"), "mention": mention, "type": sp.get("type")},
            "role": q.get("role") or None, "affiliation": q.get("affiliation") or None,
            "stances": stances,
        })
    quotes.sort(key=lambda q: (q["quote"]["start"], q["quote"]["end"]))
    if article.get("source") == "polnear":
        gold = {"id": article["id"], "source": "polnear", "annotator": raw.get("annotator"),
                "text": text, "quotes": quotes}
    else:
        gold = {
            "id": article["id"], "source": "wikinews", "url": article["url"], "date": article["date"],
            "title": article["title"], "licence": "CC BY 2.5",
            "attribution": f"Wikinews, CC BY 2.5, {article['url']}",
            "annotator": raw.get("annotator"), "text": text, "quotes": quotes,
        }
    if raw.get("id") != article["id"]:
        problems.append(f"id {raw.get('id')!r} does not match the article")
    return gold, problems


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in {"check", "resolve"}:
        print(__doc__)
        return 2
    raw = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    arts = load_articles()
    if raw.get("id") not in arts:
        print(f"unknown article id {raw.get('id')!r}")
        return 1
    gold, problems = resolve(raw, arts[raw["id"]])
    for p in problems:
        print("PROBLEM:", p)
    if argv[0] == "check":
        n = sum(len(q["stances"]) for q in gold["quotes"])
        print(f"{len(gold['quotes'])} quotes, {n} stance items, {len(problems)} problems")
        return 1 if problems else 0
    Path(argv[2]).write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
