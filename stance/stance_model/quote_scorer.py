"""The quote-trained stance model's features and its numpy scorer (no scikit-learn).

The model is a multinomial logistic regression over feature groups, scaled by a fitted
temperature:

* ``lexical``: the target-aware sparse features of :mod:`stance.stance_model.features`;
* ``heads``: the proxy-trained base model's two linear heads (the ``"blended"`` stance model,
  :class:`~stance.stance_model.inference.LinearStanceScorer`, trained on NewsMTSC,
  directed_sentiment and teacher labels) as :data:`HEAD_COLUMNS` dense columns: their
  log-probabilities (:meth:`~stance.stance_model.inference.LinearStanceScorer.linear_parts`) and
  whether the example has a source span. They reuse the tokens and the lexical feature strings the
  model computes anyway, so they cost one vocabulary look-up and one sparse product; the base's
  target network does not run on quotation examples. (Until quote-stance 4.2.0 a ``stack`` group
  also stacked the network's log-probabilities; the grouped CV on train found no gain from them,
  so they were removed. Until quote-stance 4.5.0 a ``relation`` group held speaker-to-party
  relation features (CAMEO verbs around the party, the reporting cue, negation, own side); 4.5.0
  was trained without them, as they cost dev, and their code and data were removed.)

Only quotation examples (``corpus == "quote"``, what the pipeline builds) are scored by the
model; examples from the sentence corpora (NewsMTSC, directed_sentiment, ...) have no quotation
frame and keep the base model's probabilities (:func:`route_quotations`).

The sparse part is binary and L2-normalised per row. :func:`sparse_rows` builds it for both the
estimator (:mod:`stance.stance_model.quote_estimator`, training) and :class:`QuoteStanceScorer`
(run time), so both see the same columns. The scorer's arrays are written to the artifact's
``inference.npz``; the base model is a separate artifact (``models/stance``) that
:func:`stance.loader.load_stance_model` loads, checks against the sha256 recorded at training, and
attaches with :meth:`QuoteStanceScorer.with_base`.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import chain, repeat
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from stance.artifacts.npz import INFERENCE_FORMAT, InferenceFileError, array_field, pack_strings, pack_vocabulary, unpack_strings, unpack_vocabulary
from stance.stance_model.features import StanceExample, extract_features, tokenize_batch
from stance.stance_model.inference import row_sums, softmax_rows

QUOTE_STANCE_KIND = "quote-stance"
FEATURE_GROUPS = ("lexical", "heads")
#: The groups the model is trained with by default (those of the shipped model).
DEFAULT_GROUPS = ("lexical", "heads")
#: The groups computed from the base model (dense columns after the sparse ones).
BASE_GROUPS = ("heads",)
#: Floor of the base model's probabilities before their log is taken.
STACK_FLOOR = 1e-4
#: The linear heads' columns: 3 log-probabilities of each linear head, has-source.
HEAD_COLUMNS = 7
#: The examples the quote model scores (the pipeline's); others keep the base model's probabilities.
QUOTATION_CORPUS = "quote"
#: The ``corpus`` tag of a sentence a user gives (``stance classify``) that names no corpus of its own.
SENTENCE_CORPUS = "sentence"


def feature_strings(X: Sequence[Any], tokens: Sequence[Any], groups: Sequence[str], lexicon: Mapping[str, str],
                    window: int, lex_feats: Sequence[list[str]] | None = None) -> list[list[str]]:
    """Each example's sparse feature strings (``lex:`` prefixed, duplicates removed);
    ``lex_feats``: the examples' :func:`extract_features` strings when the caller has them."""
    out = []
    lex = "lexical" in groups
    for r, (ex, tk) in enumerate(zip(X, tokens)):
        fs: list[str] = []
        if lex:
            fs += ["lex:" + f for f in (lex_feats[r] if lex_feats is not None else extract_features(ex, lexicon, window, tk))]
        out.append(list(dict.fromkeys(fs)))
    return out


def binary_rows(cols: Sequence[int], ends: Sequence[int], n_features: int) -> tuple[Any, Any, Any]:
    """``(indptr, indices, data)`` of binary, L2-normalised CSR rows from every row's column ids
    concatenated (``cols``, ``-1`` for a feature outside the vocabulary; row ``r`` is
    ``cols[ends[r]:ends[r + 1]]``, ``ends[0] == 0``): each row's distinct columns, ascending, each
    ``1 / sqrt(count)``. Deduplicated and sorted by one numpy sort for the whole batch."""
    e = np.asarray(ends, dtype=np.int64)
    n = len(e) - 1
    return binary_rows_of(np.repeat(np.arange(n, dtype=np.int64), np.diff(e)), cols, n, n_features)


def binary_rows_of(rows: Any, cols: Any, n: int, n_features: int) -> tuple[Any, Any, Any]:
    """:func:`binary_rows` of ``n`` rows from each column id's row (``rows``, any order)."""
    c = np.asarray(cols, dtype=np.int64)
    keep = c >= 0
    nf = max(1, int(n_features))
    keys = np.sort(np.asarray(rows, dtype=np.int64)[keep] * nf + c[keep])  # row-major, columns ascending within a row
    if len(keys) > 1:
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]  # each column once
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys // nf, minlength=n), out=indptr[1:])
    indices = keys % nf
    counts = np.diff(indptr)
    return indptr, indices, np.repeat(1.0 / np.sqrt(np.maximum(counts, 1)), counts)


def sparse_rows(strings: Sequence[Sequence[str]], vocabulary: Mapping[str, int]) -> tuple[Any, Any, Any]:
    """``(indptr, indices, data)`` of the binary, L2-normalised CSR rows of ``strings``."""
    get = vocabulary.get
    cols: list[int] = []
    ends = [0] * (len(strings) + 1)
    minus = repeat(-1)
    for r, fs in enumerate(strings, 1):
        cols.extend(map(get, fs, minus))
        ends[r] = len(cols)
    return binary_rows(cols, ends, len(vocabulary))


def head_columns(base: Any, X: Sequence[Any], tokens: Sequence[Any] | None = None,
                 feats: Sequence[list[str]] | None = None) -> Any:
    """The base model's linear-head columns, ``(n, HEAD_COLUMNS)``: log-probabilities of its
    ``nosrc`` and ``src`` heads (``base.linear_parts``) and 1.0 for an example with a source span."""
    return base_columns(base, X, ("heads",), tokens, feats)


def base_column_count(groups: Sequence[str]) -> int:
    """How many dense base-model columns the feature ``groups`` hold."""
    return HEAD_COLUMNS if "heads" in groups else 0


def base_columns(base: Any, X: Sequence[Any], groups: Sequence[str], tokens: Sequence[Any] | None = None,
                 feats: Sequence[list[str]] | None = None, columns: tuple[Any, Any] | None = None) -> Any:
    """The dense base-model columns of the feature ``groups``, ``(n, base_column_count(groups))``:
    for ``heads`` the log-probabilities of the base's two linear heads and has-source. ``tokens``
    (the batch's :func:`~stance.stance_model.features.tokenize_batch`) and ``feats`` (its lexical
    feature strings, when they are the base model's own) are passed on so the base does not
    recompute them; ``columns``: those strings' columns in the base's vocabulary
    (``lookup_columns``), when the caller has looked them up."""
    if not len(X) or "heads" not in groups:
        return np.zeros((len(X), base_column_count(groups)))
    extra = {"columns": columns} if columns is not None else {}  # (a base without the argument is fine without it)
    p0, p1 = base.linear_parts(X, tokens, feats, **extra)
    has_src = np.asarray([[1.0 if ex.has_source else 0.0] for ex in X])

    def logs(p: Any) -> Any:
        return np.log(np.clip(p, STACK_FLOOR, 1.0))

    return np.hstack([logs(p0), logs(p1), has_src])


def sentence_example(record: Mapping[str, Any]) -> StanceExample:
    """A sentence record (``id``, ``text``, ``target``, optional ``source_actor``: NewsMTSC's shape)
    as a sentence example: the corpus its ``source`` field names, else :data:`SENTENCE_CORPUS`,
    never :data:`QUOTATION_CORPUS`, so the quote-trained model hands it to its base
    (:func:`route_quotations`). Raises as :meth:`StanceExample.from_record` does."""
    ex = StanceExample.from_record(record)
    return replace(ex, corpus=SENTENCE_CORPUS) if ex.corpus == QUOTATION_CORPUS else ex


def route_quotations(X: Sequence[Any], quote_proba: Any, base: Any) -> Any:
    """``quote_proba(examples)`` for the quotation examples of ``X`` and ``base.predict_proba`` for
    the others (sentence-corpus examples, which have no quotation frame); rows in ``X``'s order."""
    X = list(X)
    is_quote = np.fromiter((ex.corpus == QUOTATION_CORPUS for ex in X), dtype=bool, count=len(X))
    if is_quote.all() or base is None:
        return quote_proba(X)
    out = np.zeros((len(X), 3))
    if is_quote.any():
        out[is_quote] = quote_proba([x for x, q in zip(X, is_quote) if q])
    out[~is_quote] = base.predict_proba([x for x, q in zip(X, is_quote) if not q])
    return out


class QuoteStanceScorer:
    """The quote-trained stance model without scikit-learn: ``predict_proba(list of StanceExample)``.

    ``coef_`` ``(n_features, k)`` and ``stack_coef_`` ``(k_base, k)`` are the logistic regression's
    weights for the sparse and the stacked columns, ``intercept_`` ``(k,)``; scores are divided by
    ``temperature_`` before the softmax. A scorer that uses the ``heads`` group needs its base model
    (:meth:`with_base`) before it can predict."""

    kind = QUOTE_STANCE_KIND

    def __init__(self, vocabulary: Mapping[str, int], coef: Any, stack_coef: Any, intercept: Any, temperature: float,
                 classes: Sequence[str], *, lexicon: Mapping[str, str], window: int,
                 groups: Sequence[str], base: Any = None, batch_rows: int = 2048):
        self.vocabulary_ = dict(vocabulary)
        self.coef_ = np.asarray(coef, dtype=np.float64)
        self.stack_coef_ = np.asarray(stack_coef, dtype=np.float64)
        self.intercept_ = np.asarray(intercept, dtype=np.float64)
        self.temperature_ = float(temperature)
        self.classes_ = np.asarray(list(classes), dtype=object)
        self.lexicon_ = dict(lexicon)
        self.window = int(window)
        self.groups = tuple(groups)
        self.base = base
        self.batch_rows = int(batch_rows)
        k = len(self.classes_)
        unknown = set(self.groups) - set(FEATURE_GROUPS)
        if unknown:
            raise ValueError(f"unknown feature groups {sorted(unknown)}")
        if self.coef_.shape != (len(self.vocabulary_), k):
            raise ValueError(f"coef has shape {self.coef_.shape}, expected ({len(self.vocabulary_)}, {k})")
        if self.intercept_.shape != (k,):
            raise ValueError(f"intercept has shape {self.intercept_.shape}, expected ({k},)")
        nb = base_column_count(self.groups)
        if self.needs_base and self.stack_coef_.shape != (nb, k):
            raise ValueError(f"stack coef has shape {self.stack_coef_.shape}, expected ({nb}, {k})")
        if not (self.temperature_ > 0 and np.isfinite(self.temperature_)):
            raise ValueError(f"temperature must be positive, got {temperature!r}")

    @property
    def needs_base(self) -> bool:
        return any(g in self.groups for g in BASE_GROUPS)

    def with_base(self, base: Any) -> "QuoteStanceScorer":
        """Attach the base model the ``heads`` columns come from; returns ``self``."""
        if [str(c) for c in base.classes_] != [str(c) for c in self.classes_]:
            raise ValueError(f"the base model's classes {list(base.classes_)} differ from {list(self.classes_)}")
        self.base = base
        return self

    def _shares_features(self) -> bool:
        """Whether the base model's lexical features are this model's (same lexicon and window),
        so they are computed once for both."""
        base = self.base
        return (base is not None and getattr(base, "window", None) == self.window
                and getattr(base, "lexicon_", None) == self.lexicon_)

    def __repr__(self) -> str:
        return (f"QuoteStanceScorer({len(self.vocabulary_)} features, groups={list(self.groups)}, "
                f"T={self.temperature_:.3f}, base={'yes' if self.base is not None else 'no'})")

    # -- export / import ---------------------------------------------------------------------
    def to_arrays(self) -> tuple[dict[str, Any], dict[str, Any]]:
        arrays, vspec, n_features = pack_vocabulary(self.vocabulary_)
        words = sorted(self.lexicon_)
        specs = {"vocab": vspec}
        for key, values in (("lexicon_words", words), ("lexicon_categories", [self.lexicon_[w] for w in words])):
            a, spec = pack_strings(key, values)
            arrays.update(a)
            specs[key] = spec
        arrays.update(coef=self.coef_, stack_coef=self.stack_coef_, intercept=self.intercept_)
        meta = {"kind": self.kind, "format": INFERENCE_FORMAT, "classes": [str(c) for c in self.classes_],
                "groups": list(self.groups), "window": self.window, "temperature": self.temperature_,
                "n_features": n_features, "strings": specs}
        return arrays, meta

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, Any], meta: Mapping[str, Any]) -> "QuoteStanceScorer":
        """The scorer ``to_arrays`` wrote (files up to quote-stance 4.5.0 also hold the removed
        relation features' CAMEO verbs, ``cameo_verbs``/``cameo_roots``, which are not read)."""
        spec = meta["strings"]

        def strings(key: str) -> list[str]:
            return unpack_strings(arrays.get(key), spec[key], key)

        words, cats = strings("lexicon_words"), strings("lexicon_categories")
        if len(words) != len(cats):
            raise InferenceFileError("lexicon words and their categories differ in number")
        return cls(unpack_vocabulary(arrays, meta), array_field(arrays, "coef", np.float64, 2),
                   array_field(arrays, "stack_coef", np.float64, 2), array_field(arrays, "intercept", np.float64, 1),
                   float(meta["temperature"]), meta["classes"], lexicon=dict(zip(words, cats)),
                   window=int(meta["window"]), groups=tuple(meta["groups"]))

    # -- prediction --------------------------------------------------------------------------
    def decision_function(self, X: Iterable[Any]) -> Any:
        """Scores before the temperature and the softmax, ``(n, k)``."""
        X = list(X)
        parts = [self._scores(X[i:i + self.batch_rows]) for i in range(0, len(X), self.batch_rows)]
        return np.concatenate(parts) if parts else np.zeros((0, len(self.classes_)))

    def _scores(self, X: Sequence[Any]) -> Any:
        if self.needs_base and self.base is None:
            raise RuntimeError("this stance model stacks a base model: attach it with with_base()")
        tokens = tokenize_batch(X)
        share = self.needs_base and self._shares_features()
        lex = ([extract_features(ex, self.lexicon_, self.window, tk) for ex, tk in zip(X, tokens)]
               if "lexical" in self.groups or share else None)
        lex_cols = base_cols = None
        if share and lex is not None:  # each lexical string looked up once for both models
            lex_cols, base_cols = self._joint_columns(lex)
        indptr, indices, data = self._sparse(X, tokens, lex, lex_cols)
        n = len(X)
        S = row_sums(self.coef_[indices] * data[:, None], indptr, n)  # each row's entries added in order, as np.add.at
        if self.needs_base:
            S += base_columns(self.base, X, self.groups, tokens, lex if share else None, base_cols) @ self.stack_coef_
        return S + self.intercept_

    def _lexical_vocabulary(self) -> dict[str, int]:
        """``{lexical feature: column}``: the vocabulary without the ``lex:`` prefix, built on first
        use, so run-time features are looked up without building the prefixed strings."""
        lex = getattr(self, "_lex_vocab", None)
        if lex is None:
            lex = self._lex_vocab = {f[4:]: j for f, j in self.vocabulary_.items() if f.startswith("lex:")}
        return lex

    def _base_of_lexical(self) -> Any:
        """For each column of this model's vocabulary, the base model's column of the same lexical
        feature string (``-1``: not a lexical feature, or not in the base's vocabulary; one more
        ``-1`` at the end, read for a string in neither), built on first use."""
        cached = getattr(self, "_lex_base", None)
        if cached is None or cached[1] is not self.base:
            lex_vocab = self._lexical_vocabulary()
            out = np.full(len(self.vocabulary_) + 1, -1, dtype=np.int64)
            out[np.fromiter(lex_vocab.values(), dtype=np.int64, count=len(lex_vocab))] = np.fromiter(
                map(self.base.vocabulary_.get, lex_vocab, repeat(-1)), dtype=np.int64, count=len(lex_vocab))
            cached = self._lex_base = (out, self.base)
        return cached[0]

    def _joint_columns(self, lex: Sequence[list[str]]) -> tuple[tuple[Any, Any], tuple[Any, Any]]:
        """``((cols, ends), (base cols, ends))``: the lexical strings' columns in this model's and in
        the base model's vocabulary (``-1`` when absent), every row's concatenated, as
        :func:`~stance.stance_model.features.lookup_columns` gives them. A string is looked up in
        the base's vocabulary only when it is not in this model's (whose columns carry the base's)."""
        lex_vocab = self._lexical_vocabulary()
        base_of = self._base_of_lexical()
        ends = np.zeros(len(lex) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, lex), dtype=np.int64, count=len(lex)), out=ends[1:])
        flat = list(chain.from_iterable(lex))
        q = np.fromiter(map(lex_vocab.get, flat, repeat(-1)), dtype=np.int64, count=len(flat))
        b = base_of[q]  # -1 reads the last entry
        miss = np.flatnonzero(q < 0).tolist()
        if miss:
            b[miss] = np.fromiter(map(self.base.vocabulary_.get, map(flat.__getitem__, miss), repeat(-1)),
                                  dtype=np.int64, count=len(miss))
        return (q, ends), (b, ends)

    def _sparse(self, X: Sequence[Any], tokens: Sequence[Any], lex: Sequence[list[str]] | None,
                lex_cols: tuple[Any, Any] | None = None) -> tuple[Any, Any, Any]:
        """The rows :func:`sparse_rows` gives for :func:`feature_strings` (the same columns: a set of
        distinct strings maps to a set of distinct columns), looked up group by group; ``lex_cols``:
        the lexical strings' columns (:meth:`_joint_columns`), when looked up already."""
        if "lexical" not in self.groups or lex is None:
            return binary_rows([], [0] * (len(X) + 1), len(self.vocabulary_))
        if lex_cols is not None:
            return binary_rows(lex_cols[0], lex_cols[1], len(self.vocabulary_))
        return sparse_rows(lex, self._lexical_vocabulary())

    def predict_proba(self, X: Iterable[Any]) -> Any:
        """Calibrated class probabilities of the quotation examples and the base model's of the
        others (:func:`route_quotations`); columns follow :attr:`classes_`."""
        return route_quotations(list(X), lambda q: softmax_rows(self.decision_function(q) / self.temperature_), self.base)

    def predict(self, X: Iterable[Any]) -> Any:
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]
