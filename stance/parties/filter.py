"""The trained party filter: keeps the proposed targets of a quotation that are its parties.

:func:`stance.parties.finder.parties_of_quotation` proposes every person, state and organisation
named in a quotation and its frame; many are not parties of it (a place, a newspaper the speaker
told, the speaker's own side). The filter scores each proposal's features
(:func:`stance.parties.features.target_features`) with a binary model trained on the
article-level corpus (``stance train party-filter``; artifact ``models/party_filter``: the mean of
a logistic regression and a boosted tree ensemble, evaluated in numpy by
:class:`stance.parties.tree_scorer.TreeEnsembleScorer`) and keeps
those whose probability of being a party reaches the artifact's decision threshold, or the
threshold of the target's type (person, state, organization) when the artifact gives one, and
always a party named as the object of the quotation's own polar cue verb (:func:`cue_object`).
"""

from __future__ import annotations

from typing import Any, Sequence, Tuple

from stance.parties.features import ArticleContext, grammatical_role, target_features
from stance.quotations.finder import RawQuote
from stance.text.mentions import MentionIndex
from stance.text.view import POSSESSIVE_MARKS, TextView

#: What :meth:`PartyFilter.select_all` takes per quotation: the raw quotation, its proposed
#: targets, its speaker's name and the speaker's affiliation.
Quotation = Tuple[RawQuote, Sequence[Any], "str | None", "str | None"]


#: The types of the party a polar cue verb takes as its object that the filter always keeps.
CUE_OBJECT_TYPES = frozenset({"person", "state", "organization"})


def cue_object(view: TextView, raw: RawQuote, target: Any) -> bool:
    """Whether ``target`` is the object of the quotation's own cue verb when that verb takes a
    stance toward it ("Iran warned the United States that ...", "accused Russia of shelling ...":
    :attr:`~stance.parties.references.TargetMention.frame`), named (not a pronoun) right after
    the cue (or its "the") and heading the object, not modifying it ("criticized Christian
    Evangelical voters").
    Guideline rule 8 makes the object in the reporting frame a party (*accused X*, *urged X*)."""
    cue = raw.cue
    if cue is None or not getattr(target, "frame", "") or target.type not in CUE_OBJECT_TYPES:
        return False
    j = cue.end
    if j < view.n and view.lowers[j] == "the":
        j += 1
    if target.start != j or raw.tok_start <= j < raw.tok_end or not view.words[j][:1].isupper():
        return False  # in the frame, not a pronoun ("endorsed her", read as the wrong woman, lost on train)
    return grammatical_role(view, target.start, target.end).get("role") != "modifier" and not (
        target.end < view.n and view.words[target.end] in POSSESSIVE_MARKS)


class PartyFilter:
    """Keep the targets a trained scorer calls parties.

    Args:
        scorer: a fitted binary model with ``predict_proba(list of feature dicts)`` whose
            ``classes_`` include ``1`` (party); the runtime's is the numpy export
            (:class:`~stance.parties.tree_scorer.TreeEnsembleScorer`) of ``DictVectorizer`` +
            the mean of ``LogisticRegression`` and ``HistGradientBoostingClassifier``.
        threshold: a target is kept when its probability of being a party is at least this.
        type_thresholds: per target type (``person``, ``state``, ``organization``), the threshold
            that replaces ``threshold`` for targets of that type.
    """

    def __init__(self, scorer: Any, threshold: float = 0.5, type_thresholds: dict[str, float] | None = None):
        self.scorer = scorer
        self.threshold = float(threshold)
        self.type_thresholds = {str(k): float(v) for k, v in (type_thresholds or {}).items()}
        classes = [c.item() if hasattr(c, "item") else c for c in scorer.classes_]
        if 1 not in classes:
            raise ValueError(f"the party filter's scorer has classes {classes}, expected 0 and 1")
        self.column = classes.index(1)

    def __repr__(self) -> str:
        extra = f", type_thresholds={self.type_thresholds}" if self.type_thresholds else ""
        return f"PartyFilter({self.scorer!r}, threshold={self.threshold}{extra})"

    def threshold_of(self, target_type: str) -> float:
        """The threshold a target of ``target_type`` must reach."""
        return self.type_thresholds.get(target_type, self.threshold)

    def party_proba(self, features: Sequence[dict[str, Any]]) -> Any:
        """The probability that each target (its feature dict) is a party of its quotation."""
        return self.scorer.predict_proba(list(features))[:, self.column]

    def select_all(self, view: TextView, mentions: MentionIndex, quotes: Sequence[Quotation]) -> list[list[Any]]:
        """The targets kept as parties for each ``(raw quotation, targets, speaker name, affiliation)``
        of one document, in their order; every target of the document is scored in one call."""
        ctx = ArticleContext(view, mentions, (q[2] for q in quotes))
        feats: list[dict[str, Any]] = []
        for raw, targets, speaker, affiliation in quotes:
            if targets:
                feats.extend(target_features(ctx, raw, targets, speaker, affiliation))
        if not feats:
            return [list(q[1]) for q in quotes]
        proba = self.party_proba(feats)
        if self.type_thresholds:
            cut = [self.threshold_of(t.type) for _, targets, _, _ in quotes for t in targets]
            keep = [bool(v >= c) for v, c in zip(proba, cut)]
        else:
            keep = [bool(v) for v in proba >= self.threshold]
        k = 0
        for raw, targets, _, _ in quotes:
            for j, t in enumerate(targets):
                if not keep[k + j] and cue_object(view, raw, t):
                    keep[k + j] = True
            k += len(targets)
        out = []
        k = 0
        for _, targets, _, _ in quotes:
            out.append([t for j, t in enumerate(targets) if keep[k + j]])
            k += len(targets)
        return out
