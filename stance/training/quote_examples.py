"""Training examples for the quote-trained stance model from the article-level corpus.

Each gold article is run through the pipeline's rules up to the stance model
(:meth:`stance.pipeline.Annotator.prepare`): its quotations, speakers and proposed parties, and the
stance examples built from them exactly as at run time. A proposed party takes the gold label of
the party it names in the gold quotation it overlaps (quotations matched as in
``stance evaluate quotes``: :func:`stance.evaluation.articles.match_spans`, parties by
:func:`stance.evaluation.articles.match_parties`: names matched by
:func:`stance.evaluation.articles.party_match`, one to one, as ``stance evaluate quotes`` matches
them, so the training examples are the pairs the evaluation scores). Proposed parties that match no gold party
(``not_parties`` and unannotated names) are left out: the stance model is asked about the parties
the party stage keeps.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator, Mapping

from stance.evaluation.articles import match_spans
from stance.evaluation.articles import match_parties


def matched_party_examples(docs: Iterable[Mapping[str, Any]], pipeline: Any) -> Iterator[tuple[str, Any, str, str]]:
    """``(article id, example, gold label, party name)`` of every proposed party that matches a gold
    party of a matched quotation (quotations by :func:`~stance.evaluation.articles.match_spans`,
    parties by :func:`~stance.evaluation.articles.match_parties`, as ``stance evaluate quotes``
    matches them; implicit gold stances left out), in article, quotation and proposal order.

    ``pipeline`` is a :class:`stance.pipeline.Pipeline` loaded with a stance model (any: only its
    presence makes the rules build the examples)."""
    for d in docs:
        view, pendings = pipeline.annotator.prepare(pipeline.make_doc(d["text"]))
        gq = d.get("quotes") or []
        m = match_spans([(p.raw.start, p.raw.end) for p in pendings], [(q["quote"]["start"], q["quote"]["end"]) for q in gq])
        for i, j in m:
            p = pendings[i]
            gold = [s for s in gq[j].get("stances") or [] if not s.get("implicit")]
            for a, b in sorted(match_parties(gold, [{"target": t.name} for t in p.targets]), key=lambda ab: ab[1]):
                yield d["id"], p.examples[b], gold[a]["label"], p.targets[b].name


def labelled_examples(docs: Iterable[Mapping[str, Any]], pipeline: Any) -> tuple[list[Any], list[str], list[str]]:
    """``(examples, labels, article ids)`` of the proposed parties that match a gold party
    (:func:`matched_party_examples`)."""
    X: list[Any] = []
    y: list[str] = []
    ids: list[str] = []
    for doc_id, example, label, _ in matched_party_examples(docs, pipeline):
        X.append(example)
        y.append(label)
        ids.append(doc_id)
    return X, y, ids


#: Characters between a gold speaker mention and the quotation or cue within which the mention is
#: part of the example (the run-time rule keeps a mention in the same or the adjacent sentence).
MENTION_REACH = 200
#: Characters around the quotation searched for a party's name when the quotation does not name it.
PARTY_REACH = 300


def _find_name(text: str, name: str, lo: int, hi: int, center: int) -> tuple[int, int] | None:
    """The span of ``name`` (or, failing that, its last word) in ``text[lo:hi]`` nearest ``center``."""
    import re

    for cand in (name, name.split()[-1] if name.split() else ""):
        if len(cand) < 2:
            continue
        hits = [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(cand) + r"(?!\w)", text[lo:hi])]
        if hits:
            s, e = min(hits, key=lambda h: abs(lo + h[0] - center))
            return lo + s, lo + e
    return None


def gold_examples(docs: Iterable[Mapping[str, Any]]) -> tuple[list[Any], list[str], list[str]]:
    """``(examples, labels, article ids)`` built from the gold quotations and parties, as
    :func:`stance.stance_model.examples.stance_examples` builds them from the pipeline's: the
    attribution (quotation, cue and the speaker's mention when it is near) spanning every party
    found, each party marked in turn, the speaker's mention as the source. A party is found by
    its name (or last word) in the quotation, else nearest the quotation within
    :data:`PARTY_REACH` characters; implicit parties and names not found are left out."""
    from stance.stance_model.features import StanceExample

    X: list[Any] = []
    y: list[str] = []
    ids: list[str] = []
    for d in docs:
        text = d["text"]
        for q in d.get("quotes") or []:
            qs, qe = q["quote"]["start"], q["quote"]["end"]
            c0, c1 = qs, qe
            if q.get("cue"):
                c0, c1 = min(c0, q["cue"]["start"]), max(c1, q["cue"]["end"])
            mention = (q.get("speaker") or {}).get("mention")
            if mention and min(abs(mention["start"] - c1), abs(c0 - mention["end"])) <= MENTION_REACH:
                c0, c1 = min(c0, mention["start"]), max(c1, mention["end"])
            else:
                mention = None
            found = []
            for s in q.get("stances") or []:
                if s.get("implicit"):
                    continue
                span = _find_name(text, s["target"], qs, qe, (qs + qe) // 2)
                if span is None:
                    span = _find_name(text, s["target"], max(0, c0 - PARTY_REACH), min(len(text), c1 + PARTY_REACH), (qs + qe) // 2)
                if span is None or (mention and span[0] < mention["end"] and mention["start"] < span[1]):
                    continue
                found.append((span, s["label"]))
            for (ts, te), _ in found:
                c0, c1 = min(c0, ts), max(c1, te)
            for (ts, te), label in found:
                src = (mention["start"] - c0, mention["end"] - c0) if mention else (None, None)
                X.append(StanceExample(text[c0:c1], ts - c0, te - c0, src[0], src[1]))
                y.append(label)
                ids.append(d["id"])
    return X, y, ids
