"""Target-dependent stance classification: hostile / neutral / conciliatory toward a marked party.

An input is a :class:`StanceExample`: a sentence (or a quotation with its reporting frame), the
character span of the *target* party in it and, optionally, the span of the *source* (the speaker
or acting party). :class:`TargetStanceClassifier` is a scikit-learn estimator that turns each
example into sparse, target-local features and scores them with two linear (logistic-regression)
heads.

The features are computed with plain Python and regular expressions (no parser), tokenising each
example once, so classifying is fast (several thousand targets a second on one core):

* the words left and right of the target, by position (1, 2) and distance bucket (3-5, 6-10);
* the words of the target's clause (split at punctuation, quote marks and contrastive conjunctions);
* cue words from a small hand-written lexicon (``stance/data/stance_lexicon.tsv``): hostile and
  conciliatory cues in the clause, on which side of the target, how far, and whether negated;
* whether the target sits inside a quotation, follows ``by`` (passive agent), opens its clause;
* with a source: which side of the target it is, the distance, and the words and cues between
  them, crossed with the direction (``<s> ... <t>`` versus ``<t> ... <s>``);
The text is tokenised with the target replaced by ``<t>`` and the source by ``<s>``.

Feature strings are mapped to columns through a vocabulary fixed at fit time (features seen at
least ``min_count`` times); a batch is vectorised with one dict look-up per feature and one CSR
construction. Two heads share the vocabulary:

* ``nosrc`` scores examples without a source span; by default it is fitted on NewsMTSC
  (reader-perceived sentiment toward a target), which wants moderate regularisation;
* ``src`` scores examples with a source span; by default it is fitted on directed_sentiment
  (a source actor's stance toward a target) plus down-weighted NewsMTSC, with weak regularisation
  and a class-prior offset (``class_bias``) chosen on the dev split.

The shipped model blends a target-aware network (:mod:`stance.stance_model.target_net`, over
static word-piece vectors distilled from MiniLM) into the ``nosrc`` head's probabilities: the
linear heads plus the network are the stance model called ``"blended"``, the base the default
quote-trained model (``"quote"``, :mod:`stance.stance_model.quote_scorer`) stacks on.

Modules: the examples and features live in :mod:`stance.stance_model.features` (pure Python + numpy),
the scikit-learn estimator in :mod:`stance.stance_model.estimator`, and the runtime scorer that needs
neither scikit-learn nor scipy in :mod:`stance.stance_model.inference`. This module re-exports the public
names; importing it does not import scikit-learn: ``TargetStanceClassifier`` is resolved on first
access (so ``from stance.stance_model.classifier import StanceExample`` stays light, and pickles that name
``stance.stance_model.classifier.TargetStanceClassifier`` still load).

:func:`stance.loader.load_stance_model` returns the light
:class:`~stance.stance_model.inference.LinearStanceScorer` (same ``predict_proba``/``predict``/``classes_``)
read from the artifact's ``inference.npz``.
"""

from __future__ import annotations

from typing import Any

from stance.stance_model.features import (  # noqa: F401  (re-exported)
    DEFAULT_HEAD_CORPORA,
    HEADS,
    LABELS,
    StanceExample,
    extract_features,
    read_lexicon,
)

_ESTIMATOR_NAMES = ("TargetStanceClassifier",)


def __getattr__(name: str) -> Any:
    # the estimator (and scikit-learn with it) is imported only when asked for
    if name in _ESTIMATOR_NAMES:
        from stance.stance_model import estimator as stance_estimator

        return getattr(stance_estimator, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
