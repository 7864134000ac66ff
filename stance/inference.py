"""Light inference for the shipped linear models: numpy only, no scikit-learn, scipy or pickle.

Each artifact keeps the real scikit-learn estimator in ``model.joblib`` (training, evaluation,
inspection) and, beside it, ``inference.npz``: plain numpy arrays (read with
``np.load(..., allow_pickle=False)``) holding what prediction needs. The scorers here rebuild the
estimators' ``predict_proba`` from those arrays:

* :class:`LinearRanker` — the speaker ranker (``DictVectorizer`` + ``LogisticRegression``): the
  vectorizer's vocabulary, the coefficients and the intercept. Feature dicts are vectorised with
  the same rules as ``DictVectorizer.transform`` (strings become ``name=value`` indicators,
  numbers keep their value, iterables of strings give one indicator each).
* :class:`LinearStanceScorer` — the stance classifier (:mod:`stance.classifier`): the feature
  vocabulary, the cue lexicon, both heads' coefficients and intercepts (class offsets included)
  and the routing/blend parameters. Features come from :mod:`stance.stance_features`, the same
  code the estimator uses; the arithmetic follows the estimator's (float32 feature values and
  products, float64 intercepts and softmax), so the probabilities agree to ~1e-7.

Sparse products are done per batch in numpy: the weight rows of every (row, column) entry are
gathered and summed per row, vectorised over the rows of a batch (``np.bincount`` for the
ranker's float64 scores; a loop over entry positions for the stance heads' float32 scores, which
keeps scipy's summation order and so its exact results).

:func:`build_inference` exports an estimator to npz bytes and verifies that the scorer rebuilt
from those bytes reproduces the estimator's ``predict_proba`` (the largest absolute difference
must stay below :data:`MAX_ABS_DIFF`); :mod:`stance.artifacts` stores the file and its sha256 in
the artifact and checks both before use.
"""

from __future__ import annotations

import io
import json
import zipfile
from numbers import Number
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

#: File name of the inference arrays inside an artifact directory.
INFERENCE_FILE = "inference.npz"
#: Layout version of the npz files written here.
INFERENCE_FORMAT = 1
#: Largest accepted |scorer - estimator| probability difference at export time.
MAX_ABS_DIFF = 1e-5

RANKER_KIND = "linear-ranker"
STANCE_KIND = "linear-stance"

_SEPARATORS = "\n\x00\x1f\x1e\x1d\x1c\t\r"
_FIXED_DATE = (1980, 1, 1, 0, 0, 0)  # deterministic zip members: the same model gives the same bytes


class InferenceFileError(ValueError):
    """An inference file is unreadable or does not hold what its kind needs."""


# ---------------------------------------------------------------------------------------------
# npz reading and writing

def _pack_strings(name: str, strings: Sequence[str]) -> tuple[dict[str, Any], dict[str, int]]:
    """One uint8 (utf-8) array of the strings joined by a separator none of them contains."""
    strings = list(strings)
    for sep in _SEPARATORS:
        if not any(sep in s for s in strings):
            break
    else:  # pragma: no cover - would need every separator inside some feature name
        raise ValueError(f"no separator character is free to pack the {name!r} strings")
    blob = sep.join(strings).encode("utf-8")
    return {name: np.frombuffer(blob, dtype=np.uint8)}, {"sep": ord(sep), "count": len(strings)}


def _unpack_strings(arr: Any, spec: Mapping[str, Any], name: str) -> list[str]:
    if not isinstance(arr, np.ndarray) or arr.dtype != np.uint8 or arr.ndim != 1:
        raise InferenceFileError(f"array {name!r} is not a 1-d uint8 array")
    try:
        sep, count = chr(int(spec["sep"])), int(spec["count"])
        text = arr.tobytes().decode("utf-8")
    except (KeyError, TypeError, ValueError) as e:
        raise InferenceFileError(f"strings {name!r} cannot be decoded: {e}") from None
    out = text.split(sep) if count else []
    if len(out) != count:
        raise InferenceFileError(f"strings {name!r}: {len(out)} found, the header says {count}")
    return out


def write_npz(arrays: Mapping[str, Any], meta: Mapping[str, Any], *, compress: bool = True) -> bytes:
    """An npz file (as bytes) holding ``arrays`` and ``meta`` (JSON, as the uint8 array ``meta``).

    Only plain numeric arrays are written (``allow_pickle=False``); members carry a fixed date so
    the bytes depend on the content alone."""
    buf = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    members = dict(arrays)
    members["meta"] = np.frombuffer(json.dumps(dict(meta), sort_keys=True).encode("utf-8"), dtype=np.uint8)
    with zipfile.ZipFile(buf, "w", compression=method) as zf:
        for key in sorted(members):
            arr = np.ascontiguousarray(members[key])
            if arr.dtype.hasobject:
                raise ValueError(f"array {key!r} holds Python objects; only numeric arrays are exported")
            info = zipfile.ZipInfo(key + ".npy", date_time=_FIXED_DATE)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            with zf.open(info, "w", force_zip64=True) as f:
                np.lib.format.write_array(f, arr, allow_pickle=False)
    return buf.getvalue()


def read_npz(data: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(arrays, meta)`` of npz bytes written by :func:`write_npz` (never unpickles)."""
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
    except Exception as e:  # noqa: BLE001 - zip, npy header or pickle refusal: all unreadable
        raise InferenceFileError(f"not a readable npz file: {type(e).__name__}: {e}") from None
    raw = arrays.pop("meta", None)
    if raw is None or not isinstance(raw, np.ndarray) or raw.dtype != np.uint8:
        raise InferenceFileError("the 'meta' header array is missing")
    try:
        meta = json.loads(raw.tobytes().decode("utf-8"))
    except ValueError as e:
        raise InferenceFileError(f"the 'meta' header is not valid JSON: {e}") from None
    if not isinstance(meta, dict):
        raise InferenceFileError("the 'meta' header is not a JSON object")
    if meta.get("format") != INFERENCE_FORMAT:
        raise InferenceFileError(f"inference format {meta.get('format')!r}, this library reads format {INFERENCE_FORMAT}")
    return arrays, meta


def _array(arrays: Mapping[str, Any], name: str, dtype: Any, ndim: int) -> Any:
    a = arrays.get(name)
    if a is None:
        raise InferenceFileError(f"array {name!r} is missing")
    if a.dtype != np.dtype(dtype) or a.ndim != ndim:
        raise InferenceFileError(f"array {name!r} is {a.dtype}[{a.ndim}-d], expected {np.dtype(dtype)}[{ndim}-d]")
    return a


def scorer_from_npz(data: bytes, expected_kind: str | None = None) -> Any:
    """Rebuild the scorer an npz file (bytes) describes; :class:`InferenceFileError` if it cannot."""
    arrays, meta = read_npz(data)
    kind = meta.get("kind")
    if expected_kind is not None and kind != expected_kind:
        raise InferenceFileError(f"holds a {kind!r} model, expected {expected_kind!r}")
    cls = SCORERS.get(kind)  # type: ignore[arg-type]
    if cls is None:
        raise InferenceFileError(f"unknown model kind {kind!r}")
    try:
        return cls._from_arrays(arrays, meta)
    except InferenceFileError:
        raise
    except (KeyError, TypeError, ValueError) as e:
        raise InferenceFileError(f"malformed {kind} header or arrays: {type(e).__name__}: {e}") from None


def _softmax_rows(s: Any) -> Any:
    s = s - s.max(axis=1, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=1, keepdims=True)


def _row_sums(G: Any, indptr: Any, n_rows: int) -> Any:
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
# The speaker ranker

class LinearRanker:
    """The speaker ranker without scikit-learn: ``predict_proba(list of feature dicts)``.

    Reproduces ``make_pipeline(DictVectorizer(), LogisticRegression())``: ``classes_`` as the
    estimator's, ``predict_proba`` columns in that order."""

    kind = RANKER_KIND

    def __init__(self, vocabulary: Mapping[Any, int], coef: Any, intercept: Any, classes: Any, separator: str = "="):
        self.vocabulary_ = dict(vocabulary)
        self.coef_ = np.asarray(coef, dtype=np.float64)  # (n_classes or 1, n_features)
        self.intercept_ = np.asarray(intercept, dtype=np.float64)
        self.classes_ = np.asarray(classes)
        self.separator = separator
        if self.coef_.ndim != 2 or self.coef_.shape[1] != len(self.vocabulary_):
            raise ValueError(f"coef has shape {self.coef_.shape}, expected (k, {len(self.vocabulary_)})")
        if self.intercept_.shape != (self.coef_.shape[0],):
            raise ValueError(f"intercept has shape {self.intercept_.shape}, expected ({self.coef_.shape[0]},)")
        if len(self.classes_) < 2 or (len(self.classes_) > 2) != (self.coef_.shape[0] == len(self.classes_)):
            raise ValueError(f"{len(self.classes_)} classes do not fit coef rows {self.coef_.shape[0]}")

    def __repr__(self) -> str:
        return f"LinearRanker({len(self.vocabulary_)} features, classes={self.classes_.tolist()})"

    # -- export / import ---------------------------------------------------------------------
    @classmethod
    def from_estimator(cls, model: Any) -> "LinearRanker":
        dv, lr = _ranker_steps(model)
        return cls(dv.vocabulary_, lr.coef_, lr.intercept_, lr.classes_, dv.separator)

    def to_arrays(self) -> tuple[dict[str, Any], dict[str, Any]]:
        names = [None] * len(self.vocabulary_)
        for f, j in self.vocabulary_.items():
            names[j] = f
        if any(not isinstance(f, str) for f in names):
            raise ValueError("the ranker's vocabulary has non-string feature names; cannot export")
        arrays, spec = _pack_strings("vocab", names)  # type: ignore[arg-type]
        arrays["coef"] = self.coef_
        arrays["intercept"] = self.intercept_
        meta = {
            "kind": self.kind,
            "format": INFERENCE_FORMAT,
            "classes": [c.item() if hasattr(c, "item") else c for c in self.classes_],
            "separator": self.separator,
            "n_features": len(names),
            "strings": {"vocab": spec},
        }
        return arrays, meta

    @classmethod
    def _from_arrays(cls, arrays: Mapping[str, Any], meta: Mapping[str, Any]) -> "LinearRanker":
        names = _unpack_strings(arrays.get("vocab"), meta["strings"]["vocab"], "vocab")
        if len(names) != int(meta["n_features"]):
            raise InferenceFileError(f"{len(names)} feature names, the header says {meta['n_features']}")
        coef = _array(arrays, "coef", np.float64, 2)
        intercept = _array(arrays, "intercept", np.float64, 1)
        return cls(dict(zip(names, range(len(names)))), coef, intercept, meta["classes"], str(meta["separator"]))

    # -- prediction --------------------------------------------------------------------------
    def _vectorize(self, X: Iterable[Mapping[Any, Any]]) -> tuple[Any, Any, Any, int]:
        """``(rows, cols, values, n_rows)`` of the feature dicts, as ``DictVectorizer.transform``."""
        get = self.vocabulary_.get
        sep = self.separator
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        n = 0
        for r, x in enumerate(X):
            n = r + 1
            for f, v in x.items():
                tv = type(v)
                if tv is float or tv is int:  # the common case, without the ABC checks below
                    j = get(f)
                    if j is not None:
                        rows.append(r)
                        cols.append(j)
                        vals.append(float(v))
                elif tv is str or isinstance(v, str):
                    j = get("%s%s%s" % (f, sep, v))
                    if j is not None:
                        rows.append(r)
                        cols.append(j)
                        vals.append(1.0)
                elif isinstance(v, Number) or v is None:
                    j = get(f)
                    if j is not None:
                        rows.append(r)
                        cols.append(j)
                        vals.append(float(np.float64(v)))  # as DictVectorizer (None -> nan)
                elif not isinstance(v, Mapping) and isinstance(v, Iterable):
                    for vv in v:
                        if not isinstance(vv, str):
                            raise TypeError(
                                f"Unsupported type {type(vv)} in iterable value. Only iterables of string are supported."
                            )
                        j = get("%s%s%s" % (f, sep, vv))
                        if j is not None:
                            rows.append(r)
                            cols.append(j)
                            vals.append(1.0)
                else:
                    raise TypeError(f"Unsupported value Type {type(v)} for {f}: {v}.")
        return (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64),
                np.asarray(vals, dtype=np.float64), n)

    def decision_function(self, X: Iterable[Mapping[Any, Any]] | Mapping[Any, Any]) -> Any:
        if isinstance(X, Mapping):
            X = [X]
        rows, cols, vals, n = self._vectorize(X)
        order = np.lexsort((cols, rows))  # the vectorizer sorts each row's columns
        rows, cols, vals = rows[order], cols[order], vals[order]
        scores = np.empty((n, self.coef_.shape[0]), dtype=np.float64)
        for k in range(self.coef_.shape[0]):
            scores[:, k] = np.bincount(rows, weights=self.coef_[k][cols] * vals, minlength=n)
        scores += self.intercept_
        return scores[:, 0] if scores.shape[1] == 1 else scores

    def predict_proba(self, X: Iterable[Mapping[Any, Any]] | Mapping[Any, Any]) -> Any:
        """Class probabilities of each feature dict; columns follow :attr:`classes_`."""
        d = self.decision_function(X)
        if d.ndim == 1:  # binary logistic regression
            p = 1.0 / (1.0 + np.exp(-d))
            return np.stack([1.0 - p, p], axis=1)
        return _softmax_rows(d)

    def predict(self, X: Iterable[Mapping[Any, Any]] | Mapping[Any, Any]) -> Any:
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]


def _ranker_steps(model: Any) -> tuple[Any, Any]:
    steps = [s for _, s in getattr(model, "steps", [])]
    if len(steps) != 2 or type(steps[0]).__name__ != "DictVectorizer" or type(steps[1]).__name__ != "LogisticRegression":
        raise TypeError(f"expected a Pipeline(DictVectorizer, LogisticRegression), got {model!r}")
    dv, lr = steps
    if np.dtype(dv.dtype) != np.float64:
        raise TypeError(f"the DictVectorizer's dtype is {dv.dtype}, only float64 is exported")
    return dv, lr


# ---------------------------------------------------------------------------------------------
# The stance classifier

class _PackedNames:
    """Strings packed by :func:`_pack_strings`, checked for their number now and turned into a
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
        names = _unpack_strings(self.arr, self.spec, self.name)
        out = dict(zip(names, range(len(names))))
        if len(out) != len(names):
            raise InferenceFileError(f"strings {self.name!r} hold duplicates")
        return out


class LinearStanceScorer:
    """The stance classifier without scikit-learn: ``predict_proba(list of StanceExample)``.

    Two linear heads share one vocabulary: ``coef_`` is ``(n_features, 2k)`` float32, columns
    ``[nosrc classes..., src classes...]``, and ``intercept_`` ``(2k,)`` float64 with the class
    offsets already added. Examples with a source span get
    ``src_blend * p_src + (1 - src_blend) * p_nosrc``, the others ``p_nosrc``.

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
        src_blend: float,
        sentence_ngrams: bool = True,
        heads: Sequence[str] = ("nosrc", "src"),
        batch_rows: int = 2048,
        dense: Mapping[str, Any] | None = None,
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
        self.sentence_ngrams = bool(sentence_ngrams)
        self.sublinear_tf = bool(sublinear_tf)
        self.src_blend = float(src_blend)
        self.heads_ = tuple(heads)
        self.batch_rows = int(batch_rows)
        k = len(self.classes_)
        # the dense block, folded (stance.static_vectors): {"pieces": PieceVocab, "table": (n_pieces, pools, 2k), "window"}
        self.dense = dict(dense) if dense else None
        # the target-aware network (stance.target_net) and how it is blended into the heads
        self.net = net
        self.net_blend = dict(net_blend or {})
        self.blend_bias = {h: [float(v) for v in b] for h, b in (blend_bias or {}).items()}
        if net is not None and [str(c) for c in net.classes_] != [str(c) for c in self.classes_]:
            raise ValueError(f"the network's classes {list(net.classes_)} differ from the scorer's {list(self.classes_)}")
        if self.dense:
            from .static_vectors import POOLS, per_pool

            table = np.asarray(self.dense["table"])
            want = (len(self.dense["pieces"]), len(POOLS), 2 * k)
            if table.shape != want:
                raise ValueError(f"dense table has shape {table.shape}, expected {want}")
            self.dense["table32"] = per_pool(table)
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

    def __repr__(self) -> str:
        dense = f" + dense block ({len(self.dense['pieces'])} pieces)" if self.dense else ""
        dense += f" + {self.net!r}" if self.net is not None else ""
        return f"LinearStanceScorer({self.n_features} features{dense}, classes={list(self.classes_)}, heads={self.heads_})"

    # -- export / import ---------------------------------------------------------------------
    @classmethod
    def from_estimator(cls, model: Any) -> "LinearStanceScorer":
        for attr in ("vocabulary_", "coef_", "intercept_", "classes_", "lexicon_", "heads_"):
            if not hasattr(model, attr):
                raise TypeError(f"expected a fitted TargetStanceClassifier, got {model!r} (no {attr})")
        dense = None
        if getattr(model, "dense_table_", None) is not None:
            dense = {"pieces": model.piece_vocab_, "table": model.dense_table_, "window": int(model.dense_window),
                     "vectors_sha256": model.vectors_sha256_}
        return cls(model.vocabulary_, model.coef_, model.intercept_, [str(c) for c in model.classes_],
                   lexicon=model.lexicon_, window=model.window, sublinear_tf=model.sublinear_tf,
                   sentence_ngrams=getattr(model, "sentence_ngrams", True),
                   src_blend=model.src_blend, heads=model.heads_, dense=dense, net=getattr(model, "net", None),
                   net_blend=getattr(model, "net_blend", None), blend_bias=getattr(model, "blend_bias", None))

    def to_arrays(self) -> tuple[dict[str, Any], dict[str, Any]]:
        names = list(self.vocabulary_)
        if any(j != i for i, j in enumerate(self.vocabulary_.values())):
            names = [""] * len(self.vocabulary_)
            for f, j in self.vocabulary_.items():
                names[j] = f
        arrays, vspec = _pack_strings("vocab", names)
        words = sorted(self.lexicon_)
        a2, wspec = _pack_strings("lexicon_words", words)
        a3, cspec = _pack_strings("lexicon_categories", [self.lexicon_[w] for w in words])
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
            "sentence_ngrams": self.sentence_ngrams,
            "sublinear_tf": self.sublinear_tf,
            "src_blend": self.src_blend,
            "n_features": len(names),
            "strings": {"vocab": vspec, "lexicon_words": wspec, "lexicon_categories": cspec},
        }
        if self.dense:
            from .static_vectors import POOLS

            pv = self.dense["pieces"]
            a4, pspec = _pack_strings("dense_pieces", pv.pieces)
            arrays.update(a4)
            arrays["dense_piece_weights"] = pv.weights
            arrays["dense_table"] = np.asarray(self.dense["table"], dtype=np.float16)
            meta["strings"]["dense_pieces"] = pspec
            meta["dense"] = {"window": int(self.dense["window"]), "vectors_sha256": self.dense.get("vectors_sha256"),
                             "pools": list(POOLS)}
        if self.net is not None:
            a5, nspec = _pack_strings("net_pieces", self.net.vocab.pieces)
            arrays.update(a5)
            arrays["net_piece_weights"] = self.net.vocab.weights
            a6, header = self.net.to_arrays(prefix="net_")
            arrays.update(a6)
            meta["strings"]["net_pieces"] = nspec
            meta["net"] = dict(header, blend=self.net_blend, bias=self.blend_bias)
        return arrays, meta

    @classmethod
    def _from_arrays(cls, arrays: Mapping[str, Any], meta: Mapping[str, Any]) -> "LinearStanceScorer":
        spec = meta["strings"]
        vocab = _PackedNames(arrays.get("vocab"), spec["vocab"], "vocab")
        if vocab.count != int(meta["n_features"]):
            raise InferenceFileError(f"{vocab.count} feature names, the header says {meta['n_features']}")
        words = _unpack_strings(arrays.get("lexicon_words"), spec["lexicon_words"], "lexicon_words")
        cats = _unpack_strings(arrays.get("lexicon_categories"), spec["lexicon_categories"], "lexicon_categories")
        if len(words) != len(cats):
            raise InferenceFileError("lexicon words and categories differ in number")
        dense = None
        if meta.get("dense"):
            from .static_vectors import POOLS, PieceVocab

            if list(meta["dense"].get("pools", [])) != list(POOLS):
                raise InferenceFileError(f"dense pools {meta['dense'].get('pools')} are not this version's {list(POOLS)}")
            pieces = _unpack_strings(arrays.get("dense_pieces"), spec["dense_pieces"], "dense_pieces")
            dense = {"pieces": PieceVocab(pieces, _array(arrays, "dense_piece_weights", np.float32, 1)),
                     "table": _array(arrays, "dense_table", np.float16, 3), "window": int(meta["dense"]["window"]),
                     "vectors_sha256": meta["dense"].get("vectors_sha256")}
        net, net_meta = None, meta.get("net") or {}
        if net_meta:
            from .static_vectors import PieceVocab
            from .target_net import TargetNet

            pieces = _unpack_strings(arrays.get("net_pieces"), spec["net_pieces"], "net_pieces")
            try:
                net = TargetNet.from_arrays(PieceVocab(pieces, _array(arrays, "net_piece_weights", np.float32, 1)), arrays, net_meta)
            except (KeyError, ValueError) as e:
                raise InferenceFileError(f"not a valid network ({e})") from None
        return cls(vocab, _array(arrays, "coef", np.float32, 2), _array(arrays, "intercept", np.float64, 1),
                   meta["classes"], lexicon=dict(zip(words, cats)), window=int(meta["window"]),
                   sentence_ngrams=bool(meta.get("sentence_ngrams", True)),
                   sublinear_tf=bool(meta["sublinear_tf"]), src_blend=float(meta["src_blend"]),
                   heads=tuple(meta.get("heads", ("nosrc", "src"))), dense=dense, net=net,
                   net_blend=net_meta.get("blend"), blend_bias=net_meta.get("bias"))

    # -- prediction --------------------------------------------------------------------------
    def _scores(self, X: Sequence[Any], tokens: Sequence[Any]) -> Any:
        """``(n, 2k)`` float64 log-odds of both heads, as ``TargetStanceClassifier`` computes them:
        count features, log1p (float32), L2-normalise rows, multiply by the float32 weights."""
        from .stance_features import lookup_columns

        n = len(X)
        idx, ends = lookup_columns(X, self.vocabulary_, self.lexicon_, self.window, tokens, self.sentence_ngrams)
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
        S = _row_sums(G, indptr, n).astype(np.float64)  # float32 sums in column order, as scipy's CSR product
        if self.dense:
            from .static_vectors import folded_scores

            S += folded_scores(X, self.dense["pieces"], self.dense["table32"], self.dense["window"], tokens).astype(np.float64)
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
        from .stance_features import tokenize_batch

        k = len(self.classes_)
        tokens = tokenize_batch(X)  # once, for the sparse features, the dense pools and the network
        S = self._scores(X, tokens)
        p0, p1 = _softmax_rows(S[:, :k]), _softmax_rows(S[:, k:])
        if self.net is None:
            return p0, p1
        from .target_net import blend_with_net

        return blend_with_net(p0, p1, X, tokens, self.net, self.net_blend, self.blend_bias, self.src_blend)

    def predict_proba(self, X: Iterable[Any]) -> Any:
        """Class probabilities; columns follow :attr:`classes_`."""
        from .stance_features import route_heads

        X = list(X)
        p0, p1 = self.head_probabilities(X)
        return route_heads(X, p0, p1, self.src_blend)

    def predict(self, X: Iterable[Any]) -> Any:
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]


SCORERS: dict[str, Any] = {RANKER_KIND: LinearRanker, STANCE_KIND: LinearStanceScorer}


# ---------------------------------------------------------------------------------------------
# Export with verification

def scorer_for(model: Any) -> Any:
    """The light scorer equivalent to a fitted estimator (ranker pipeline or stance classifier)."""
    if hasattr(model, "steps"):
        return LinearRanker.from_estimator(model)
    if hasattr(model, "heads_") and hasattr(model, "vocabulary_"):
        return LinearStanceScorer.from_estimator(model)
    raise TypeError(f"no light scorer for {type(model).__name__}")


def default_check_inputs(scorer: Any, n: int = 400, seed: int = 0) -> list[Any]:
    """Synthetic inputs that exercise much of a scorer's vocabulary (deterministic).

    Ranker: feature dicts made of random vocabulary entries (``name=value`` split back into a
    string feature, the rest with random numeric values) plus unknown features. Stance: sentences
    of random vocabulary words with a random target and, for half of them, a source span, plus a
    few hand-written sentences."""
    rng = np.random.default_rng(seed)
    if isinstance(scorer, LinearRanker):
        names = list(scorer.vocabulary_)
        out: list[Any] = []
        for i in range(n):
            d: dict[str, Any] = {}
            for j in rng.choice(len(names), size=min(len(names), int(rng.integers(1, 30))), replace=False):
                name = names[int(j)]
                key, s, val = name.partition(scorer.separator)
                if s and i % 3:
                    d.setdefault(key, val)
                else:
                    d[name] = float(rng.choice([0.0, 1.0, float(rng.normal()), float(rng.uniform(0, 5))]))
            if i % 5 == 0:
                d["no such feature"] = 1.0
                d["cue"] = "no such cue"
            out.append(d)
        return out
    if isinstance(scorer, LinearStanceScorer):
        from .stance_features import StanceExample

        words = [f[2:] for f in scorer.vocabulary_ if f.startswith("u:") and f not in ("u:<t>", "u:<s>")]
        words += list(scorer.lexicon_)[:500]
        out = [
            StanceExample("The senator accused Halvorsen of lying to voters.", 20, 29, 0, 11),
            StanceExample("Ministers praised Castellano for her courage and leadership.", 18, 28, 0, 9),
            StanceExample('Brandt called Ivanova "a dangerous liar" on Monday.', 14, 21, 0, 6),
            StanceExample("Nakamura thanked Ferreira for his generous help.", 17, 25),
            StanceExample("Delacroix condemned Whitfield for the raid.", 0, 9, 20, 29),
            StanceExample("Whitfield, who did not attack anyone, met the press.", 0, 9),
            StanceExample("", 0, 0),
        ]
        if not words:
            return out
        for i in range(n):
            toks = [words[int(j)] for j in rng.integers(0, len(words), size=int(rng.integers(3, 45)))]
            text = " ".join(toks)
            starts = np.cumsum([0] + [len(t) + 1 for t in toks])
            ti = int(rng.integers(0, len(toks)))
            ts, te = int(starts[ti]), int(starts[ti] + len(toks[ti]))
            if i % 2 and len(toks) > 1:
                si = int((ti + rng.integers(1, len(toks))) % len(toks))
                out.append(StanceExample(text, ts, te, int(starts[si]), int(starts[si] + len(toks[si]))))
            else:
                out.append(StanceExample(text, ts, te))
        return out
    raise TypeError(f"unknown scorer {type(scorer).__name__}")


def max_abs_diff(a: Any, b: Any) -> float:
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(f"shapes differ: {a.shape} vs {b.shape}")
    return float(np.max(np.abs(a - b))) if a.size else 0.0


def build_inference(model: Any, examples: Sequence[Any] | None = None, *, compress: bool = False) -> tuple[bytes, dict[str, Any]]:
    """Export ``model`` to npz bytes and verify them; return ``(npz_bytes, info)``.

    The scorer is rebuilt *from the bytes* and compared with ``model.predict_proba`` on
    :func:`default_check_inputs` plus ``examples`` (e.g. the dev split at training time). Raises
    ``ValueError`` when classes differ or any probability differs by :data:`MAX_ABS_DIFF` or more.
    ``info`` (for the manifest) names the file, kind and format and records the check.

    The npz is stored uncompressed by default: decompressing the stance model's ~7 MB of
    arrays (the float32 weights compress 2.7x) costs ~50 ms at every load; stored, the file is
    ~14 MB and loads in ~20 ms."""
    exported = scorer_for(model)
    arrays, meta = exported.to_arrays()
    data = write_npz(arrays, meta, compress=compress)
    scorer = scorer_from_npz(data, expected_kind=exported.kind)
    if [str(c) for c in scorer.classes_] != [str(c) for c in model.classes_]:
        raise ValueError(f"classes differ: {list(scorer.classes_)} vs {list(model.classes_)}")
    inputs = default_check_inputs(scorer) + list(examples or [])
    diff = max_abs_diff(scorer.predict_proba(inputs), model.predict_proba(inputs))
    if not diff < MAX_ABS_DIFF:
        raise ValueError(f"the exported scorer differs from the estimator by {diff:.3g} (limit {MAX_ABS_DIFF:g})")
    info = {
        "file": INFERENCE_FILE,
        "kind": exported.kind,
        "format": INFERENCE_FORMAT,
        "numpy": np.__version__,
        "checked_inputs": len(inputs),
        "max_abs_diff": diff,
    }
    return data, info
