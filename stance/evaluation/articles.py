"""Score predicted article analyses against gold ones in the ANNOTATION.md shape.

Matching: a predicted quotation matches a gold one when their character overlap is at least 50%
of the shorter span; matching is one-to-one (greedy by overlap). Reported:

- quotation detection precision / recall / F1, overall and per gold kind;
- speaker accuracy over matched quotations (names equal after casefolding and dropping a
  possessive, or one is the other's first or last tokens);
- end-to-end attribution F1 (a gold quotation counts when matched with a correct speaker);
- role and affiliation accuracy over matched quotations with a gold value (token-set Jaccard
  >= 0.5);
- target detection P/R/F1 over matched quotations, and stance accuracy and macro-F1 over
  matched targets (``strict`` drops gold stances marked ``implicit``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from stance.text.lexicons import word_set
from stance.types import QUOTE_KINDS, STANCE_LABELS

KINDS = QUOTE_KINDS
LABELS = STANCE_LABELS


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "pred": n_pred, "gold": n_gold}


def overlap_ok(a: tuple[int, int], b: tuple[int, int], ratio: float = 0.5) -> bool:
    """Character overlap of ``a`` and ``b`` is at least ``ratio`` of the shorter span."""
    ov = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and ov >= ratio * shorter


def match_spans(pred: list[tuple[int, int]], gold: list[tuple[int, int]], ratio: float = 0.5) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs, greedily by largest overlap."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if overlap_ok(p, g, ratio):
                pairs.append((min(p[1], g[1]) - max(p[0], g[0]), i, j))
    return sorted(greedy_one_to_one(pairs), key=lambda x: x[1])


def greedy_one_to_one(pairs: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """(pred, gold) index pairs from ``(overlap, pred, gold)`` candidates: largest overlap first,
    each index used once."""
    pairs = sorted(pairs, key=lambda x: (-x[0], x[1], x[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


_POSS = re.compile(r"(['’]s|['’])$")


def _norm_name(s: str) -> list[str]:
    s = s.casefold().strip()
    s = _POSS.sub("", s)
    return s.split()


def speaker_match(pred: str | None, gold: str | None) -> bool:
    """Names equal after casefolding and dropping a possessive, or one is the other's first or
    last tokens ("Moon" vs "Moon Seong Mook", "Trump" vs "Donald Trump")."""
    if not pred or not gold:
        return False
    p, g = _norm_name(pred), _norm_name(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    short, long_ = (p, g) if len(p) < len(g) else (g, p)
    return long_[: len(short)] == short or long_[-len(short) :] == short


#: Generational suffixes (dots dropped): a name with one is another person than the name without.
_GENERATIONS = word_set("generation_suffixes.txt")


def _party_tokens(s: str) -> list[str]:
    """A party name's tokens for matching: casefolded, possessive and dots dropped ("Fred Sr." =
    "Fred Sr"; "U.S." = "US")."""
    return [t for t in (w.replace(".", "") for w in _norm_name(s)) if t]


def party_match(pred: str | None, gold: str | None) -> bool:
    """Whether a predicted party name names the gold party (ANNOTATION.md rule 8: names are
    canonicalised within the article, so one party may be written in more than one full form),
    when both or neither carry the same generational suffix ("Jr."): :func:`speaker_match`; or the same names without dots; or the same first and last tokens
    of two names of two tokens or more whose last is no organisation noun (a middle name or
    initial left out: "Donald J. Trump" = "Donald Trump", "Robert Gabriel Mugabe" = "Robert
    Mugabe"); or two forms of one organisation
    in the gazetteer ("Al-Qaeda" = "al-Qaida", "ISIS" = "Islamic State"); or an acronym and the name
    it abbreviates ("FBI" = "Federal Bureau of Investigation": the article defines the one by the
    other, and rule 8 lets either stand for the party)."""
    if not pred or not gold:
        return False
    p, g = _party_tokens(pred), _party_tokens(gold)
    if not p or not g or _GENERATIONS.intersection(p) != _GENERATIONS.intersection(g):
        return False  # "Donald Trump" is not "Donald Trump Jr."
    if speaker_match(pred, gold) or p == g:
        return True
    from stance.text.lexicons import gazetteer, word_set

    if len(p) >= 2 and len(g) >= 2 and p[0] == g[0] and p[-1] == g[-1] and p[-1] not in word_set("org_nouns.txt"):
        return True  # a person's middle name; not "Democratic Unionist Party" for "Democratic Party"
    if _acronym_of(pred, gold) or _acronym_of(gold, pred):
        return True
    gaz = gazetteer()
    hp, hg = gaz.lookup(pred), gaz.lookup(gold)
    return hp is not None and hg is not None and hp == hg and hp[1] == "organization"


def _acronym_of(short: str, name: str) -> bool:
    """Whether ``short`` is an acronym (two capitals or more, dots dropped) of the name ``name`` of
    two words or more: its initials with or without the connectors ("FBI" = "Federal Bureau of
    Investigation", "DHS" = "Department of Homeland Security")."""
    from stance.parties.references import initials
    from stance.text.entity_types import is_acronym

    words = name.split()
    if len(words) < 2 or not is_acronym(short, min_len=2, dots=True):
        return False
    acr = short.replace(".", "")
    return acr in (initials(words, False), initials(words, True))


def match_parties(gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """(gold index, pred index) pairs of parties whose ``"target"`` names match
    (:func:`party_match`), one to one, each gold party taking the first
    unused predicted one; the matching of every stance score (here and in
    :mod:`stance.evaluation.quote_corpus`), of the quote model's training examples
    (:func:`stance.training.quote_examples.labelled_examples`) and of the party filter's labels."""
    used: set[int] = set()
    out = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if j not in used and party_match(p["target"], g["target"]):
                used.add(j)
                out.append((i, j))
                break
    return out


def jaccard_ok(pred: str | None, gold: str | None, threshold: float = 0.5) -> bool:
    """Token-set Jaccard of the two strings is at least ``threshold``."""
    if not pred or not gold:
        return False
    a = set(re.findall(r"\w+", pred.casefold()))
    b = set(re.findall(r"\w+", gold.casefold()))
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= threshold


def _macro_f1(gold: list[str], pred: list[str], labels: Iterable[str] = LABELS) -> float:
    fs = []
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == lab and p == lab)
        npred = sum(1 for p in pred if p == lab)
        ngold = sum(1 for g in gold if g == lab)
        if npred == 0 and ngold == 0:
            continue
        fs.append(_prf(tp, npred, ngold)["f1"])
    return sum(fs) / len(fs) if fs else 0.0


def _speaker_name(q: Mapping[str, Any]) -> str | None:
    sp = q.get("speaker")
    return sp.get("name") if sp else None


def _quote_text(doc: Mapping[str, Any], q: Mapping[str, Any], n: int) -> str:
    """The first ``n`` characters of quotation ``q``'s text: its span's ``text``, else the article's
    characters at its offsets (gold articles whose spans hold offsets only, as the corpus loader
    gives the PolNeAR part's)."""
    span = q["quote"]
    text = span.get("text")
    if text is None:
        text = str(doc.get("text") or "")[span["start"]:span["end"]]
    return text[:n]


def evaluate_articles(gold_docs: list[Mapping[str, Any]], pred_docs: list[Mapping[str, Any]], *, strict: bool = False) -> dict[str, Any]:
    """Compare predicted and gold articles (matched by ``id``, else by position). A gold article
    without a prediction counts as one with no quotations; the report lists their ids under
    ``"unpredicted"``."""
    by_id = {d.get("id"): d for d in pred_docs}
    pairs = []
    unpredicted: list[Any] = []
    for k, g in enumerate(gold_docs):
        p = by_id.get(g.get("id"))
        if p is None and k < len(pred_docs) and len(by_id) != len(pred_docs):
            p = pred_docs[k]
        if p is None:
            unpredicted.append(g.get("id"))
        pairs.append((g, p or {"quotes": []}))

    n_pred = n_gold = tp = 0
    kind_tp = {k: 0 for k in KINDS}
    kind_gold = {k: 0 for k in KINDS}
    kind_pred = {k: 0 for k in KINDS}
    spk_ok = spk_n = 0
    e2e_tp = 0
    role_ok = role_n = aff_ok = aff_n = 0
    t_tp = t_pred = t_gold = 0
    st_gold: list[str] = []
    st_pred: list[str] = []
    errors: list[dict[str, Any]] = []
    for g, p in pairs:
        gq = g.get("quotes") or []
        pq = p.get("quotes") or []
        n_gold += len(gq)
        n_pred += len(pq)
        for q in gq:
            kind_gold[q["kind"]] = kind_gold.get(q["kind"], 0) + 1
        for q in pq:
            kind_pred[q["kind"]] = kind_pred.get(q["kind"], 0) + 1
        m = match_spans([(q["quote"]["start"], q["quote"]["end"]) for q in pq], [(q["quote"]["start"], q["quote"]["end"]) for q in gq])
        matched_g = {j for _, j in m}
        for j, q in enumerate(gq):
            if j not in matched_g:
                errors.append({"id": g.get("id"), "error": "missed", "gold": _quote_text(g, q, 80)})
        for i, j in m:
            gold_q, pred_q = gq[j], pq[i]
            tp += 1
            kind_tp[gold_q["kind"]] = kind_tp.get(gold_q["kind"], 0) + 1
            ok = speaker_match(_speaker_name(pred_q), _speaker_name(gold_q))
            spk_n += 1
            spk_ok += ok
            e2e_tp += ok
            if not ok:
                errors.append({"id": g.get("id"), "error": "speaker", "gold": _speaker_name(gold_q), "pred": _speaker_name(pred_q), "quote": _quote_text(g, gold_q, 60)})
            if gold_q.get("role"):
                role_n += 1
                role_ok += jaccard_ok(pred_q.get("role"), gold_q["role"])
            if gold_q.get("affiliation"):
                aff_n += 1
                aff_ok += jaccard_ok(pred_q.get("affiliation"), gold_q["affiliation"])
            gst = [s for s in gold_q.get("stances") or [] if not (strict and s.get("implicit"))]
            pst = pred_q.get("stances") or []
            t_gold += len(gst)
            t_pred += len(pst)
            for a, b in match_parties(gst, pst):
                t_tp += 1
                st_gold.append(gst[a]["label"])
                st_pred.append(pst[b]["label"])
        for i, q in enumerate(pq):
            if i not in {a for a, _ in m}:
                errors.append({"id": g.get("id"), "error": "spurious", "pred": _quote_text(p, q, 80)})

    detection = _prf(tp, n_pred, n_gold)
    per_kind = {k: {"recall": (kind_tp[k] / kind_gold[k]) if kind_gold.get(k) else None, "gold": kind_gold.get(k, 0), "matched": kind_tp.get(k, 0)} for k in KINDS}
    stance_acc = sum(1 for a, b in zip(st_gold, st_pred) if a == b) / len(st_gold) if st_gold else 0.0
    return {
        "documents": len(pairs),
        "unpredicted": unpredicted,
        "quotes": detection,
        "per_kind": per_kind,
        "speaker_accuracy": spk_ok / spk_n if spk_n else 0.0,
        "speaker_correct": spk_ok,
        "matched": spk_n,
        "attribution": _prf(e2e_tp, n_pred, n_gold),
        "role_accuracy": role_ok / role_n if role_n else None,
        "role_n": role_n,
        "affiliation_accuracy": aff_ok / aff_n if aff_n else None,
        "affiliation_n": aff_n,
        "targets": _prf(t_tp, t_pred, t_gold),
        "stance_accuracy": stance_acc,
        "stance_macro_f1": _macro_f1(st_gold, st_pred),
        "stance_n": len(st_gold),
        "strict": strict,
        "errors": errors,
    }


def load_articles(path: str | Path) -> list[dict[str, Any]]:
    """Articles from a JSONL file (one per line) or a single JSON file (an article or a list)."""
    p = Path(path)
    text = p.read_text(encoding="utf-8")
    stripped = text.lstrip()
    if stripped.startswith("[") or (stripped.startswith("{") and "\n{" not in stripped.strip()):
        try:
            data = json.loads(text)
            return data if isinstance(data, list) else [data]
        except ValueError:
            pass
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except ValueError as e:
                raise ValueError(f"{p}:{n}: not valid JSON: {e}") from e
    return out


def format_report(r: Mapping[str, Any]) -> str:
    """A plain-text report of :func:`evaluate_articles`."""
    q = r["quotes"]
    lines = [
        f"documents: {r['documents']}",
        f"quote detection   P {q['precision']:.3f}  R {q['recall']:.3f}  F1 {q['f1']:.3f}  (pred {q['pred']}, gold {q['gold']}, matched {q['tp']})",
    ]
    for k, v in r["per_kind"].items():
        rec = "n/a" if v["recall"] is None else f"{v['recall']:.3f}"
        lines.append(f"  {k:<9} recall {rec}  ({v['matched']}/{v['gold']})")
    a = r["attribution"]
    lines += [
        f"speaker accuracy  {r['speaker_accuracy']:.3f}  ({r['speaker_correct']}/{r['matched']} matched)",
        f"attribution (end to end)  P {a['precision']:.3f}  R {a['recall']:.3f}  F1 {a['f1']:.3f}",
        "role accuracy     " + ("n/a" if r["role_accuracy"] is None else f"{r['role_accuracy']:.3f}  (n={r['role_n']})"),
        "affiliation acc.  " + ("n/a" if r["affiliation_accuracy"] is None else f"{r['affiliation_accuracy']:.3f}  (n={r['affiliation_n']})"),
    ]
    t = r["targets"]
    lines += [
        f"target detection  P {t['precision']:.3f}  R {t['recall']:.3f}  F1 {t['f1']:.3f}  (pred {t['pred']}, gold {t['gold']}){'  [strict: implicit dropped]' if r['strict'] else ''}",
        f"stance            accuracy {r['stance_accuracy']:.3f}  macro-F1 {r['stance_macro_f1']:.3f}  (n={r['stance_n']} matched targets)",
    ]
    return "\n".join(lines)
