"""Training examples for the quote-trained stance model from the article-level corpus.

Each gold article is run through the pipeline's rules up to the stance model
(:meth:`stance.pipeline.Annotator.prepare`): its quotations, speakers and proposed parties, and the
stance examples built from them exactly as at run time. A proposed party takes the gold label of
the party it names in the gold quotation it overlaps (quotations matched as in
``stance evaluate quotes``: :func:`stance.evaluation.articles.match_spans`, parties by
:func:`stance.evaluation.articles.speaker_match`). Proposed parties that match no gold party
(``not_parties`` and unannotated names) are left out: the stance model is asked about the parties
the party stage keeps.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from stance.evaluation.articles import match_spans, speaker_match


def labelled_examples(docs: Iterable[Mapping[str, Any]], pipeline: Any) -> tuple[list[Any], list[str], list[str]]:
    """``(examples, labels, article ids)`` of the proposed parties that match a gold party.

    ``pipeline`` is a :class:`stance.pipeline.Pipeline` loaded with a stance model (any: only its
    presence makes the rules build the examples)."""
    X: list[Any] = []
    y: list[str] = []
    ids: list[str] = []
    for d in docs:
        view, pendings = pipeline.annotator.prepare(pipeline.make_doc(d["text"]))
        gq = d.get("quotes") or []
        m = match_spans([(p.raw.start, p.raw.end) for p in pendings], [(q["quote"]["start"], q["quote"]["end"]) for q in gq])
        for i, j in m:
            p = pendings[i]
            gold = [s for s in gq[j].get("stances") or [] if not s.get("implicit")]
            used: set[int] = set()
            for t, ex in zip(p.targets, p.examples):
                for a, s in enumerate(gold):
                    if a not in used and speaker_match(t.name, s["target"]):
                        used.add(a)
                        X.append(ex)
                        y.append(s["label"])
                        ids.append(d["id"])
                        break
    return X, y, ids
