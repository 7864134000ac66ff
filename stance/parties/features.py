"""Features of a proposed target, for the trained party filter (:mod:`stance.parties.filter`).

For every target :func:`stance.parties.finder.parties_of_quotation` proposes, a dict of features
from what the pipeline already knows: the name's shape (tokens, capitalisation, all-caps, digits),
its gazetteer type (country, international body, organisation noun), how the finder found it
(a name, a demonym, a pronoun resolved to a name, a gazetteer alias), whether it is or overlaps
the speaker or the body the speaker speaks for, where it stands (inside the quotation or only in
the reporting frame, sentence-initial, first sentence), its neighbouring words, how often the
name recurs in the article, whether it carries a title or is a speaker elsewhere, and whether the
quotation's other targets overlap it. Article-level facts are computed once per document
(:class:`ArticleContext`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable, Sequence

from stance.quotations.finder import RawQuote
from stance.text.lexicons import gazetteer, word_set
from stance.text.mentions import MentionIndex, pronoun_kinds
from stance.text.view import POSSESSIVE_MARKS, TextView


def _bucket(n: int) -> str:
    """A small count as a category: 0, 1, 2, 3-4, 5+."""
    return "0" if n <= 0 else "1" if n == 1 else "2" if n == 2 else "3-4" if n <= 4 else "5+"


class ArticleContext:
    """What the party features need to know about the whole article, computed once.

    Args:
        view: the document's tokens.
        mentions: its name mentions.
        speakers: canonical names of the article's speakers (every quotation's chosen speaker).
    """

    def __init__(self, view: TextView, mentions: MentionIndex, speakers: Iterable[str | None]):
        self.view = view
        self.mentions = mentions
        self.counts: Counter[str] = Counter(m.canonical for m in mentions.names)
        self.titled: set[str] = {m.canonical for m in mentions.names if m.role}
        self.speakers: set[str] = {s for s in speakers if s}
        self.speaker_tokens: set[str] = {t for s in self.speakers for t in s.lower().split()}


def _tokens(name: str) -> set[str]:
    return {t for t in name.lower().replace("-", " ").split() if len(t) > 1}


def target_features(
    ctx: ArticleContext,
    raw: RawQuote,
    targets: Sequence[Any],
    speaker: str | None,
    affiliation: str | None,
) -> list[dict[str, Any]]:
    """One feature dict per target of ``raw`` (``targets`` as the finder returns them: objects with
    ``name``, ``type``, ``start``, ``end``), in order."""
    view, mentions = ctx.view, ctx.mentions
    gaz = gazetteer()
    org_nouns = word_set("org_nouns.txt")
    pk = pronoun_kinds()
    words, lowers = view.words, view.lowers
    n = view.n
    spk = _tokens(speaker) if speaker else set()
    aff = _tokens(affiliation) if affiliation else set()
    cue = raw.cue
    name_tokens = [_tokens(t.name) for t in targets]
    out = []
    for k, t in enumerate(targets):
        name = t.name
        toks = name.split()
        f: dict[str, Any] = {
            "bias": 1.0,
            "type": t.type,
            "kind": raw.kind,
            "n_tok": _bucket(len(toks)),
            "n_targets": _bucket(len(targets)),
            "order": _bucket(k),
        }
        # shape
        if name.isupper() and any(ch.isalpha() for ch in name):
            f["all_caps"] = 1.0
        if any(ch.isdigit() for ch in name):
            f["digit"] = 1.0
        if not all(w[:1].isupper() for w in toks):
            f["lower_word"] = 1.0
        if len(toks) == 1 and len(name) <= 3:
            f["short"] = 1.0
        # gazetteer and lists
        hit = gaz.lookup(name)
        if hit is not None:
            f["gaz"] = hit[1]
        if name in gaz.countries:
            f["country"] = 1.0
        if not org_nouns.isdisjoint(name.lower().split()):
            f["org_noun"] = 1.0
        # how the finder found it
        w0 = lowers[t.start] if t.start < n else ""
        surface = view.span_text(t.start, t.end) if t.end <= n else name
        if t.end - t.start == 1 and w0 in pk:
            f["rule"] = "pronoun"
            f["pronoun"] = w0
        elif surface in gaz.demonyms:
            f["rule"] = "demonym"
        elif surface != name:
            f["rule"] = "alias" if hit is not None else "partial_name"
        else:
            f["rule"] = "name"
        # the speaker and their side
        tt = name_tokens[k]
        if tt and spk and tt & spk:
            f["speaker_overlap"] = 1.0
        if tt and aff and tt & aff:
            f["affiliation_overlap"] = 1.0
        if affiliation and (affiliation in name or name in affiliation):
            f["affiliation_contains"] = 1.0
        if name in ctx.speakers:
            f["speaker_elsewhere"] = 1.0
        elif tt and tt & ctx.speaker_tokens:
            f["speaker_tokens_elsewhere"] = 1.0
        if name in ctx.titled:
            f["titled"] = 1.0
        # where it stands
        inside = raw.tok_start <= t.start < raw.tok_end
        f["where"] = "quote" if inside else "frame"
        if inside and raw.tok_end > raw.tok_start:
            rel = (t.start - raw.tok_start) / (raw.tok_end - raw.tok_start)
            f["rel_pos"] = "head" if rel < 0.2 else "tail" if rel > 0.8 else "mid"
        if cue is not None:
            d = t.start - cue.end if t.start >= cue.end else cue.start - t.end
            f["cue_dist"] = _bucket(max(d, 0) // 2)
            f["cue_lemma"] = cue.lemma
            f["cue_frame"] = cue.frame
            if t.start >= cue.end and t.start - cue.end <= 1:
                f["after_cue"] = 1.0
        s = view.sent_of[t.start] if t.start < n else 0
        if t.start == view.sent_starts[s]:
            f["sent_initial"] = 1.0
        if s == 0:
            f["first_sentence"] = 1.0
        prev = lowers[t.start - 1] if t.start > 0 else "<s>"
        nxt = lowers[t.end] if t.end < n else "</s>"
        f["prev"] = prev
        f["next"] = nxt
        if t.end < n and words[t.end] in POSSESSIVE_MARKS:
            f["possessive"] = 1.0
        # recurrence
        f["count"] = _bucket(ctx.counts.get(name, 0))
        # other targets
        for j, other in enumerate(name_tokens):
            if j != k and tt and other and tt & other:
                f["overlaps_other"] = 1.0
                break
        out.append(f)
    return out
