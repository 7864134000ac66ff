"""The stance model without scikit-learn: :class:`LinearStanceScorer`, numpy only (no
scikit-learn, scipy or pickle), rebuilt from the artifact's ``inference.npz`` (plain arrays read
with ``allow_pickle=False``, :mod:`stance.artifacts.npz`).

The npz holds the feature vocabulary, the cue lexicon, both linear heads' coefficients and
intercepts (class offsets included) and the target-aware network blended into them
(:mod:`stance.stance_model.target_net`). Features come from :mod:`stance.stance_model.features`,
the same code the estimator (:mod:`stance.stance_model.estimator`) uses; the arithmetic follows
the estimator's (float32 feature values and products, float64 intercepts and softmax), so the
probabilities agree to ~1e-7. Sparse products are done per batch in numpy: the weight rows of
every (row, column) entry are gathered and summed per row with a loop over entry positions,
which keeps scipy's summation order and so its exact results.

:func:`stance.training.export.build_inference` writes the npz and verifies the scorer rebuilt
from it against the estimator; :func:`stance.loader.load_scorer` checks its sha256 before use.
"""

from __future__ import annotations

import io
import json
import zipfile
from numbers import Number
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from stance.artifacts.npz import (
    INFERENCE_FORMAT,
    InferenceFileError,
    array_field,
    pack_strings,
    pack_vocabulary,
    unpack_strings,
)

STANCE_KIND = "linear-stance"

def softmax_rows(s: Any) -> Any:
    s = s - s.max(axis=1, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=1, keepdims=True)


def row_sums(G: Any, indptr: Any, n_rows: int) -> Any:
    """Sum the rows of ``G`` (entries x columns) within each CSR row segment.

    Each row's entries are added one after another in their stored order, as scipy's CSR
    product does (``np.add.reduceat`` sums in another order, which changes float32 results in the
    last bits). Vectorised over rows: step ``k`` adds the ``k``-th entry of every row that has one,
    so the loop runs as many times as the longest row has entries."""
    lengths = np.diff(indptr)
    by_len = np.argsort(-lengths, kind="stable")  # rows with an entry at step k form a prefix
    starts = indptr[:-1][by_len]
    desc = lengths[by_len]
    active = np.searchsorted(-desc, -np.arange(int(desc[0]) if n_rows else 0), side="left")  # rows with > k entries
    acc = np.zeros((n_rows,) + G.shape[1:], dtype=G.dtype)
    for k, na in enumerate(active.tolist()):
        acc[:na] += G[starts[:na] + k]
    out = np.empty_like(acc)
    out[by_len] = acc
    return out


# ---------------------------------------------------------------------------------------------
# The stance classifier

class _PackedNames:
    """Strings packed by :func:`~stance.artifacts.npz.pack_strings`, checked for their number now and turned into a
    ``{string: index}`` dict later (:meth:`to_dict`)."""

    def __init__(self, arr: Any, spec: Mapping[str, Any], name: str):
        if not isinstance(arr, np.ndarray) or arr.dtype != np.uint8 or arr.ndim != 1:
            raise InferenceFileError(f"array {name!r} is not a 1-d uint8 array")
        self.arr, self.spec, self.name = arr, dict(spec), name
        self.count = int(spec["count"])
        sep = int(spec["sep"])
        if not 0 <= sep < 128:
            raise InferenceFileError(f"strings {name!r}: separator {sep} is not an ASCII character")
        found = int(np.count_nonzero(arr == sep)) + 1 if (self.count or len(arr)) else 0
        if found != self.count:
            raise InferenceFileError(f"strings {name!r}: {found} found, the header says {self.count}")

    def to_dict(self) -> dict[str, int]:
        names = unpack_strings(self.arr, self.spec, self.name)
        out = dict(zip(names, range(len(names))))
        if len(out) != len(names):
            raise InferenceFileError(f"strings {self.name!r} hold duplicates")
        return out


class LinearStanceScorer:
    """The stance classifier without scikit-learn: ``predict_proba(list of StanceExample)``.

    Two linear heads share one vocabulary: ``coef_`` is ``(n_features, 2k)`` float32, columns
    ``[nosrc classes..., src classes...]``, and ``intercept_`` ``(2k,)`` float64 with the class
    offsets already added. Examples with a source span take the ``src`` head's probabilities, the
    others the ``nosrc`` head's.

    ``vocabulary_`` is a dict, as in the estimator: one C-speed ``dict.get`` per feature string.
    Read from an npz it is built on first use (the first ``predict_proba``, or any access to
    ``vocabulary_``): building a dict of ~290k strings takes ~0.1 s, which would otherwise be
    most of the load time. (A numpy hash table instead of the dict loads fast too, but looked
    features up 10-30x slower on long sentences.)"""

    kind = STANCE_KIND

    def __init__(
        self,
        vocabulary: Mapping[str, int] | "_PackedNames",
        coef: Any,
        intercept: Any,
        classes: Sequence[str],
        *,
        lexicon: Mapping[str, str],
        window: int,
        sublinear_tf: bool,
        heads: Sequence[str] = ("nosrc", "src"),
        batch_rows: int = 2048,
        net: Any = None,
        net_blend: Mapping[str, float] | None = None,
        blend_bias: Mapping[str, Sequence[float]] | None = None,
    ):
        if isinstance(vocabulary, _PackedNames):
            self._packed: _PackedNames | None = vocabulary
            self._vocabulary: dict[str, int] | None = None
            self._n_features = vocabulary.count
        else:
            self._packed = None
            self._vocabulary = vocabulary if isinstance(vocabulary, dict) else dict(vocabulary)
            self._n_features = len(self._vocabulary)
        self.coef_ = np.ascontiguousarray(coef, dtype=np.float32)
        self.intercept_ = np.asarray(intercept, dtype=np.float64)
        self.classes_ = np.asarray(list(classes), dtype=object)
        self.lexicon_ = dict(lexicon)
        self.window = int(window)
        self.sublinear_tf = bool(sublinear_tf)
        self.heads_ = tuple(heads)
        self.batch_rows = int(batch_rows)
        k = len(self.classes_)
        # the target-aware network (stance.stance_model.target_net) and how it is blended into the heads
        self.net = net
        self.net_blend = dict(net_blend or {})
        self.blend_bias = {h: [float(v) for v in b] for h, b in (blend_bias or {}).items()}
        if net is not None and [str(c) for c in net.classes_] != [str(c) for c in self.classes_]:
            raise ValueError(f"the network's classes {list(net.classes_)} differ from the scorer's {list(self.classes_)}")
        if self.coef_.shape != (self.n_features, 2 * k):
            raise ValueError(f"coef has shape {self.coef_.shape}, expected ({self.n_features}, {2 * k})")
        if self.intercept_.shape != (2 * k,):
            raise ValueError(f"intercept has shape {self.intercept_.shape}, expected ({2 * k},)")

    @property
    def n_features(self) -> int:
        return self._n_features

    @property
    def vocabulary_(self) -> dict[str, int]:
        """``{feature string: column}``; built from the packed names on first access."""
        vocab = self._vocabulary
        if vocab is None:
            packed = self._packed
            assert packed is not None
            vocab = packed.to_dict()
            self._vocabulary, self._packed = vocab, None
        return vocab

    def without_class_bias(self, class_bias: Mapping[str, Sequence[float]]) -> "LinearStanceScorer":
        """A copy scoring without the class offsets: each head's ``class_bias`` (as the training
        parameters record it; baked into the intercepts) subtracted and no bias on the network
        blend. The offsets were tuned on sentence corpora; the pipeline scores quotations without
        them (the ablation on the article-level corpus's dev split, ``benchmarks/stance_ablation.py``:
        hostile and conciliatory recall rise beyond the noise, macro-F1 does not fall)."""
        import copy

        out = copy.copy(self)
        k = len(self.classes_)
        icpt = self.intercept_.copy()
        for i, head in enumerate(self.heads_):
            b = class_bias.get(head)
            if b is not None:
                if len(b) != k:
                    raise ValueError(f"class_bias of head {head!r} has {len(b)} values, expected {k}")
                icpt[i * k:(i + 1) * k] -= np.asarray(b, dtype=np.float64)
        out.intercept_ = icpt
        out.blend_bias = {}
        return out

    def __repr__(self) -> str:
        net = f" + {self.net!r}" if self.net is not None else ""
        return f"LinearStanceScorer({self.n_features} features{net}, classes={list(self.classes_)}, heads={self.heads_})"

    # -- export / import ---------------------------------------------------------------------
    @classmethod
    def from_estimator(cls, model: Any) -> "LinearStanceScorer":
        for attr in ("vocabulary_", "coef_", "intercept_", "classes_", "lexicon_", "heads_"):
            if not hasattr(model, attr):
                raise TypeError(f"expected a fitted TargetStanceClassifier, got {model!r} (no {attr})")
        return cls(model.vocabulary_, model.coef_, model.intercept_, [str(c) for c in model.classes_],
                   lexicon=model.lexicon_, window=model.window, sublinear_tf=model.sublinear_tf,
                   heads=model.heads_, net=model.net, net_blend=model.net_blend, blend_bias=model.blend_bias)

    def to_arrays(self) -> tuple[dict[str, Any], dict[str, Any]]:
        arrays, vspec, n_features = pack_vocabulary(self.vocabulary_)
        words = sorted(self.lexicon_)
        a2, wspec = pack_strings("lexicon_words", words)
        a3, cspec = pack_strings("lexicon_categories", [self.lexicon_[w] for w in words])
        arrays.update(a2)
        arrays.update(a3)
        arrays["coef"] = self.coef_
        arrays["intercept"] = self.intercept_
        meta = {
            "kind": self.kind,
            "format": INFERENCE_FORMAT,
            "classes": [str(c) for c in self.classes_],
            "heads": list(self.heads_),
            "coef_columns": [f"{h}:{c}" for h in ("nosrc", "src") for c in self.classes_],
            "window": self.window,
            "sublinear_tf": self.sublinear_tf,
            "n_features": n_features,
            "strings": {"vocab": vspec, "lexicon_words": wspec, "lexicon_categories": cspec},
        }
        if self.net is not None:
            a5, nspec = pack_strings("net_pieces", self.net.vocab.pieces)
            arrays.update(a5)
            arrays["net_piece_weights"] = self.net.vocab.weights
            a6, header = self.net.to_arrays(prefix="net_")
            arrays.update(a6)
            meta["strings"]["net_pieces"] = nspec
            meta["net"] = dict(header, blend=self.net_blend, bias=self.blend_bias)
        return arrays, meta

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, Any], meta: Mapping[str, Any]) -> "LinearStanceScorer":
        spec = meta["strings"]
        vocab = _PackedNames(arrays.get("vocab"), spec["vocab"], "vocab")
        if vocab.count != int(meta["n_features"]):
            raise InferenceFileError(f"{vocab.count} feature names, the header says {meta['n_features']}")
        words = unpack_strings(arrays.get("lexicon_words"), spec["lexicon_words"], "lexicon_words")
        cats = unpack_strings(arrays.get("lexicon_categories"), spec["lexicon_categories"], "lexicon_categories")
        if len(words) != len(cats):
            raise InferenceFileError("lexicon words and categories differ in number")
        # features an older model used and this version no longer computes: refuse, never ignore
        if meta.get("dense") or meta.get("sentence_ngrams") or float(meta.get("src_blend", 1.0)) != 1.0:
            raise InferenceFileError("holds a stance model with a dense block, sentence n-grams or a source-head blend "
                                     "below 1, which this version does not compute; retrain it with `stance train stance`")
        net, net_meta = None, meta.get("net") or {}
        if net_meta:
            from stance.stance_model.static_vectors import PieceVocab
            from stance.stance_model.target_net import TargetNet

            pieces = unpack_strings(arrays.get("net_pieces"), spec["net_pieces"], "net_pieces")
            try:
                net = TargetNet.from_arrays(PieceVocab(pieces, array_field(arrays, "net_piece_weights", np.float32, 1)), arrays, net_meta)
            except (KeyError, ValueError) as e:
                raise InferenceFileError(f"not a valid network ({e})") from None
        return cls(vocab, array_field(arrays, "coef", np.float32, 2), array_field(arrays, "intercept", np.float64, 1),
                   meta["classes"], lexicon=dict(zip(words, cats)), window=int(meta["window"]),
                   sublinear_tf=bool(meta["sublinear_tf"]),
                   heads=tuple(meta.get("heads", ("nosrc", "src"))), net=net,
                   net_blend=net_meta.get("blend"), blend_bias=net_meta.get("bias"))

    # -- prediction --------------------------------------------------------------------------
    def _scores(self, X: Sequence[Any], tokens: Sequence[Any], feats: Sequence[list[str]] | None = None,
                columns: tuple[Any, Any] | None = None) -> Any:
        """``(n, 2k)`` float64 log-odds of both heads, as ``TargetStanceClassifier`` computes them:
        count features, log1p (float32), L2-normalise rows, multiply by the float32 weights.
        ``feats``: the examples' feature strings when the caller has them (see :meth:`linear_parts`);
        ``columns``: their :func:`~stance.stance_model.features.lookup_columns` result, when the
        caller has looked them up already."""
        from stance.stance_model.features import lookup_columns

        n = len(X)
        idx, ends = columns if columns is not None else lookup_columns(X, self.vocabulary_, self.lexicon_, self.window, tokens, feats)
        rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(ends))
        keep = idx >= 0
        nf = max(1, self.n_features)
        # sum duplicates: unique (row, column) keys in row-major, column-sorted order, with counts
        keys, counts = np.unique(rows[keep] * nf + idx[keep], return_counts=True)
        r, c = keys // nf, keys % nf
        vals = counts.astype(np.float32)
        if self.sublinear_tf:
            np.log1p(vals, out=vals)
        sq = (vals * vals).astype(np.float64)  # float32 squares summed in double, as sklearn's normalize
        norms = np.sqrt(np.bincount(r, weights=sq, minlength=n))
        vals = (vals.astype(np.float64) / norms[r]).astype(np.float32)
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(r, minlength=n), out=indptr[1:])
        G = self.coef_[c]  # (nnz, 2k) float32
        G *= vals[:, None]
        S = row_sums(G, indptr, n).astype(np.float64)  # float32 sums in column order, as scipy's CSR product
        return S + self.intercept_

    def head_probabilities(self, X: Iterable[Any]) -> tuple[Any, Any]:
        """``(p_nosrc, p_src)``: each head's class probabilities for every example."""
        X = list(X)
        k = len(self.classes_)
        if not X:
            return np.zeros((0, k)), np.zeros((0, k))
        p0, p1 = zip(*(self._head_batch(X[i:i + self.batch_rows]) for i in range(0, len(X), self.batch_rows)))
        return np.concatenate(p0), np.concatenate(p1)

    def _head_batch(self, X: Sequence[Any]) -> tuple[Any, Any]:
        from stance.stance_model.features import tokenize_batch

        k = len(self.classes_)
        tokens = tokenize_batch(X)  # once, for the sparse features and the network
        S = self._scores(X, tokens)
        p0, p1 = softmax_rows(S[:, :k]), softmax_rows(S[:, k:])
        if self.net is None:
            return p0, p1
        from stance.stance_model.target_net import blend_with_net

        return blend_with_net(p0, p1, X, tokens, self.net, self.net_blend, self.blend_bias)

    def linear_parts(self, X: Sequence[Any], tokens: Sequence[Any] | None = None,
                     feats: Sequence[list[str]] | None = None, columns: tuple[Any, Any] | None = None) -> tuple[Any, Any]:
        """``(p_nosrc, p_src)``: each linear head's class probabilities (class offsets included),
        without the network, of one batch. ``tokens`` (:func:`~stance.stance_model.features.tokenize_batch`)
        and ``feats`` (:func:`~stance.stance_model.features.extract_features` with this scorer's
        lexicon and window) when the caller has them: the quote model
        (:mod:`stance.stance_model.quote_scorer`) computes them once for its own features and these;
        ``columns``: their vocabulary columns (see :meth:`_scores`)."""
        from stance.stance_model.features import tokenize_batch

        X = list(X)
        k = len(self.classes_)
        if not X:
            return np.zeros((0, k)), np.zeros((0, k))
        if tokens is None and feats is None:
            tokens = tokenize_batch(X)
        S = self._scores(X, tokens if tokens is not None else [], feats, columns)
        return softmax_rows(S[:, :k]), softmax_rows(S[:, k:])

    def predict_proba(self, X: Iterable[Any]) -> Any:
        """Class probabilities; columns follow :attr:`classes_`."""
        from stance.stance_model.features import route_heads

        X = list(X)
        p0, p1 = self.head_probabilities(X)
        return route_heads(X, p0, p1)

    def predict(self, X: Iterable[Any]) -> Any:
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]
