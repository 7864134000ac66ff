"""Attribution evaluation on PolNeAR (Newell, Margolin & Ruths, LREC 2018).

PolNeAR is read at run time from a directory (``DIR/polnear/{split}.jsonl`` or
``DIR/{split}.jsonl``); none of its text is part of this package.

Matching (documented choices):

- **Gold content** of an attribution is its list of content fragments (a quotation split
  around "she said" is one attribution with several fragments). A prediction *matches* a gold
  attribution when the characters it shares with the gold fragments are at least 50% of the
  shorter of (prediction length, total gold fragment length). This is the fairer of the two
  options: it accepts a prediction that covers one fragment, or the whole first-to-last range,
  without crediting a prediction that only touches the "he said" between two fragments.
- Matching is one-to-one, greedy by largest overlap. A prediction left unmatched that lies
  (>= 50% of its own length) inside the fragments of a gold attribution that *is* matched is
  **absorbed**: our pipeline reports each quoted segment separately (ANNOTATION.md rule 4)
  while PolNeAR makes one attribution of them, so such a segment is neither a true nor a false
  positive. Predictions inside PolNeAR ``discard_spans`` (bylines, datelines, boilerplate the
  annotators skipped) are ignored likewise.
- **Quoted subset**: gold attributions whose content text contains a quotation mark
  (``"``, ``“``, ``”``, ``«``, ``»``, ``‘``, the NYT two-apostrophe ``''`` and `````).
  Recall = quoted gold matched by any prediction / quoted gold. Precision = predictions of
  kind ``direct`` or ``mixed`` matched to any gold attribution / all non-absorbed,
  non-discarded ``direct`` + ``mixed`` predictions (a quotation-mark prediction that hits an
  attribution is a correct detection even if the annotators' content lacks the marks).
- **Source accuracy** over matched pairs whose gold attribution has a source: correct when the
  predicted speaker mention overlaps a gold source fragment, or the predicted speaker name
  occurs (case-insensitively) in the gold source text, or (a predicted person named in full)
  the gold source names the same person by surname (:func:`same_person`: "Cruz" or "Mr. Cruz"
  for "Ted Cruz"; not when a given name, an honorific or the predicted mention's he/she shows
  another person: "Mrs. Clinton" is no "Bill Clinton").
- **End-to-end**: a matched pair is correct when its source is correct (gold with a source) or
  when neither side has a speaker (gold without a source). P = correct / non-absorbed
  predictions, R = correct / gold attributions. Reported for all and for the quoted subset
  (with the same prediction sets as the content scores).
- **Words per second**: whitespace-separated words of the split's texts divided by the wall
  time of ``Pipeline.pipe`` (model loading and a one-sentence warm-up excluded), one process;
  also per CPU-second of this process (``time.process_time``), which is steadier on a shared
  machine.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any, Iterable

from stance.corpora.polnear import load_polnear
from stance.evaluation.articles import greedy_one_to_one
from stance.text.entity_types import GENDERED_HONORIFICS, HONORIFICS, PRONOUN_GENDER, entity_lexicons
from stance.text.lexicons import titles

_QUOTE_RE = re.compile(r"[\"“”«»‘]|''|``")




def is_quoted(attr: dict[str, Any]) -> bool:
    return any(_QUOTE_RE.search(f["text"]) for f in attr.get("content") or [])


def _frag_overlap(span: tuple[int, int], frags: list[tuple[int, int]]) -> int:
    return sum(max(0, min(span[1], b) - max(span[0], a)) for a, b in frags)


def _match(preds: list[tuple[int, int]], golds: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    pairs = []
    for i, p in enumerate(preds):
        plen = p[1] - p[0]
        for j, g in enumerate(golds):
            if not g or p[1] <= g[0][0] or p[0] >= g[-1][1]:
                continue
            ov = _frag_overlap(p, g)
            glen = sum(b - a for a, b in g)
            shorter = min(plen, glen)
            if shorter > 0 and ov >= 0.5 * shorter:
                pairs.append((ov, i, j))
    return greedy_one_to_one(pairs)


#: name suffixes that are no surname ("Joseph R. Biden Jr.")
_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})
_WORD_RE = re.compile(r"[\w.\-'’]+")


def _gender_of(word: str) -> str:
    """The gender a word before a surname shows: an honorific ("Mrs."), a pronoun ("he") or a
    given name of one gender ("Bill"); "" when none."""
    low = word.lower()
    g = GENDERED_HONORIFICS.get(low) or PRONOUN_GENDER.get(low)
    if g:
        return g
    g = entity_lexicons().first_names.get(word, "")
    return g if g in ("m", "f") else ""


def same_person(name: str, mention_text: str, source_text: str) -> bool:
    """Whether a gold source names the predicted person ``name`` (a full name: "Ted Cruz") by
    surname ("Cruz", "Mr. Cruz's", "Sen. Cruz"): the surname is a word of the source that no
    lowercase word follows (not "the Cruz campaign"), the word before it is a title, an honorific
    or a word of ``name`` (not "Hillary" for "Bill Clinton"), and no honorific or he/she of the
    source and of the predicted mention ``mention_text`` (or the predicted given name) disagree
    in gender ("Mrs. Clinton" is no "Bill Clinton")."""
    words = [w for w in name.split() if w.lower() not in _SUFFIXES]
    if len(words) < 2:
        return False  # a one-word name is matched as a substring already
    surname = words[-1]
    toks = [t[:-2] if t.lower().endswith(("'s", "’s")) else t for t in _WORD_RE.findall(source_text)]
    if surname not in toks:
        return False
    i = toks.index(surname)
    after = toks[i + 1] if i + 1 < len(toks) else ""
    if after[:1].islower() and after.lower() not in ("himself", "herself", "of"):
        return False  # "the Cruz campaign", "Trump aides"
    before = toks[i - 1] if i > 0 else ""
    low = before.lower()
    if (before[:1].isupper() and before not in words and low not in HONORIFICS and before not in titles()
            and low != "the"):
        return False  # "Hillary Clinton" is no "Bill Clinton"
    src_g = _gender_of(before) if before else ""
    first = mention_text.split()[0] if mention_text.split() else ""
    pred_g = (_gender_of(first) if first else "") or _gender_of(words[0])
    return not (src_g and pred_g and src_g != pred_g)


def source_correct(pred_q: dict[str, Any] | None, gold_src: list[dict[str, Any]] | None) -> bool:
    """The predicted speaker is the gold source (see the module docstring)."""
    if not gold_src:
        return pred_q is None or pred_q.get("speaker") is None
    sp = (pred_q or {}).get("speaker")
    if not sp:
        return False
    m = sp.get("mention")
    if m:
        for f in gold_src:
            if min(m["end"], f["end"]) > max(m["start"], f["start"]):
                return True
    name = (sp.get("name") or "").casefold()
    src = " ".join(f["text"] for f in gold_src).casefold()
    if name and name in src:
        return True
    return sp.get("type") == "person" and same_person(sp.get("name") or "", (m or {}).get("text") or "",
                                                     " ".join(f["text"] for f in gold_src))


def _prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> dict[str, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "pred": n_pred, "gold": n_gold, "tp_pred": tp_p, "tp_gold": tp_r}


class _Acc:
    def __init__(self) -> None:
        self.c: dict[str, int] = {}

    def add(self, k: str, v: int = 1) -> None:
        self.c[k] = self.c.get(k, 0) + v


def score_document(doc: dict[str, Any], pred_quotes: list[dict[str, Any]], acc: _Acc, errors: list | None = None) -> None:
    """Add one document's counts to ``acc`` (and its errors to ``errors``)."""
    attrs = [a for a in doc["attributions"] if a.get("content")]
    golds = [sorted((f["start"], f["end"]) for f in a["content"]) for a in attrs]
    discard = [(d["start"], d["end"]) for d in doc.get("discard_spans") or []]
    preds = [(q["quote"]["start"], q["quote"]["end"]) for q in pred_quotes]
    pairs = _match(preds, golds)
    matched_p = {i: j for i, j in pairs}
    matched_g = {j: i for i, j in pairs}
    ignored: set[int] = set()
    for i, p in enumerate(preds):
        if i in matched_p:
            continue
        plen = max(1, p[1] - p[0])
        if any(_frag_overlap(p, golds[j]) >= 0.5 * plen for j in matched_g):
            ignored.add(i)
        elif any(min(p[1], b) - max(p[0], a) >= 0.5 * plen for a, b in discard):
            ignored.add(i)
    quoted = [is_quoted(a) for a in attrs]
    text = doc["text"]
    for i, q in enumerate(pred_quotes):
        if i in ignored:
            continue
        dm = q["kind"] in ("direct", "mixed")
        acc.add("pred_all")
        acc.add("pred_q", dm)
        if i in matched_p:
            acc.add("tp_pred_all")
            acc.add("tp_pred_q", dm)
            j = matched_p[i]
            ok = source_correct(q, attrs[j].get("source"))
            acc.add("e2e_pred_all", ok)
            acc.add("e2e_pred_q", dm and ok)
        elif errors is not None:
            errors.append({"doc": doc["doc_id"], "error": "spurious", "kind": q["kind"], "quote": q["quote"]["text"][:300],
                           "context": text[max(0, preds[i][0] - 120) : preds[i][1] + 120]})
    for j, a in enumerate(attrs):
        acc.add("gold_all")
        acc.add("gold_q", quoted[j])
        src = a.get("source")
        if j not in matched_g:
            if errors is not None:
                errors.append({"doc": doc["doc_id"], "error": "missed", "quoted": quoted[j],
                               "content": " | ".join(f["text"] for f in a["content"])[:300],
                               "cue": " ".join(f["text"] for f in a.get("cue") or []),
                               "source": " ".join(f["text"] for f in src) if src else None})
            continue
        acc.add("tp_gold_all")
        acc.add("tp_gold_q", quoted[j])
        q = pred_quotes[matched_g[j]]
        ok = source_correct(q, src)
        if src:
            acc.add("src_n_all")
            acc.add("src_ok_all", ok)
            acc.add("src_n_q", quoted[j])
            acc.add("src_ok_q", quoted[j] and ok)
            if not ok and errors is not None:
                sp = q.get("speaker") or {}
                errors.append({"doc": doc["doc_id"], "error": "source", "quoted": quoted[j], "kind": q["kind"],
                               "gold_source": " ".join(f["text"] for f in src),
                               "pred_speaker": sp.get("name"), "pred_mention": (sp.get("mention") or {}).get("text"),
                               "cue": (q.get("cue") or {}).get("text"),
                               "quote": q["quote"]["text"][:200],
                               "context": text[max(0, min(preds[matched_g[j]][0], src[0]["start"]) - 60): max(preds[matched_g[j]][1], src[-1]["end"]) + 40][:700]})
        acc.add("e2e_gold_all", ok)
        acc.add("e2e_gold_q", quoted[j] and ok)


def report_from_counts(c: dict[str, int], words: int, seconds: float, cpu_seconds: float | None = None) -> dict[str, Any]:
    g = c.get

    def acc(ok: str, n: str) -> dict[str, float]:
        return {"accuracy": (g(ok, 0) / g(n, 0)) if g(n, 0) else 0.0, "correct": g(ok, 0), "n": g(n, 0)}

    return {
        "content": {
            "all": _prf(g("tp_pred_all", 0), g("pred_all", 0), g("tp_gold_all", 0), g("gold_all", 0)),
            "quoted": _prf(g("tp_pred_q", 0), g("pred_q", 0), g("tp_gold_q", 0), g("gold_q", 0)),
        },
        "source": {"all": acc("src_ok_all", "src_n_all"), "quoted": acc("src_ok_q", "src_n_q")},
        "end_to_end": {
            "all": _prf(g("e2e_pred_all", 0), g("pred_all", 0), g("e2e_gold_all", 0), g("gold_all", 0)),
            "quoted": _prf(g("e2e_pred_q", 0), g("pred_q", 0), g("e2e_gold_q", 0), g("gold_q", 0)),
        },
        "speed": {"words": words, "seconds": seconds, "words_per_second": words / seconds if seconds > 0 else 0.0,
                  "cpu_seconds": cpu_seconds,
                  "words_per_cpu_second": words / cpu_seconds if cpu_seconds else None},
    }


def evaluate_polnear(
    data_dir: str | Path,
    split: str = "dev",
    *,
    ranker: bool = True,
    limit: int | None = None,
    models_dir: str | Path | None = None,
    pipeline: Any = None,
    docs: list[dict[str, Any]] | None = None,
    errors: list | None = None,
) -> dict[str, Any]:
    """Run the pipeline (no stance model) over a PolNeAR split and score attribution."""
    if docs is None:
        docs = load_polnear(data_dir, split, limit)
    if pipeline is None:
        from stance.pipeline import Pipeline

        pipeline = Pipeline(models_dir=models_dir, ranker=ranker, stance_model=False)
    texts = [(d["text"], d["doc_id"]) for d in docs]
    pipeline("Warm-up: the lexicons load once, he said.")
    t0, c0 = time.perf_counter(), time.process_time()
    analyses = list(pipeline.pipe(texts, as_tuples=True, batch_size=32))
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    words = sum(len(d["text"].split()) for d in docs)
    acc = _Acc()
    for d, an in zip(docs, analyses):
        quotes = [q.to_dict() for q in an.quotes]
        score_document(d, quotes, acc, errors)
    rep = report_from_counts(acc.c, words, seconds, cpu)
    rep["split"] = split
    rep["documents"] = len(docs)
    rep["ranker"] = pipeline.annotator.ranker is not None
    return rep


def format_report(rep: dict[str, Any]) -> str:
    lines = [f"PolNeAR {rep.get('split')}: {rep.get('documents')} documents, ranker={'on' if rep.get('ranker') else 'off'}"]
    for sub in ("quoted", "all"):
        c = rep["content"][sub]
        lines.append(f"content {sub:7s} P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}  (pred {c['pred']}, gold {c['gold']})")
    for sub in ("quoted", "all"):
        s = rep["source"][sub]
        lines.append(f"source  {sub:7s} accuracy {s['accuracy']:.3f}  ({s['correct']}/{s['n']} matched with a gold source)")
    for sub in ("quoted", "all"):
        e = rep["end_to_end"][sub]
        lines.append(f"end2end {sub:7s} P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}")
    sp = rep["speed"]
    cpu = f", {sp['words_per_cpu_second']:,.0f} words per CPU-second" if sp.get("words_per_cpu_second") else ""
    lines.append(f"speed   {sp['words_per_second']:,.0f} words/s wall{cpu} ({sp['words']} words in {sp['seconds']:.2f} s)")
    return "\n".join(lines)


def iter_errors(errors: Iterable[dict[str, Any]]) -> Iterable[str]:
    for e in errors:
        yield json.dumps(e, ensure_ascii=False)
