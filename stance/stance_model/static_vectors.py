"""Static word-piece vectors and the target-aware dense features pooled from them (numpy only).

A :class:`StaticVectors` table holds one vector per word piece of a WordPiece vocabulary (that of
MiniLM-L6, see :mod:`stance.training.vectors`): each piece's output vector from the encoder run on
the piece alone, reduced by PCA and stored as int8 codes with a per-row scale, plus a
smooth-inverse-frequency weight per piece (Arora et al. 2017: ``a / (a + p(piece))``). This is the
"static embedding" distillation of model2vec: a pretrained encoder's knowledge of which words mean
alike, at the cost of a table look-up.

:func:`dense_features` turns a batch of :class:`~stance.stance_model.features.StanceExample` into
``len(POOLS)`` pooled vectors each (every pool a weighted *mean* of piece vectors), relative to the
marked target:

``sentence``  every token, SIF-weighted;
``left``, ``right``  the ``window`` tokens before / after the target, weighted ``1 / distance``;
``clause``  the target's clause (the same boundaries as the linear features);
``target``  the target mention's own words (unweighted);
``between``  the tokens between the source actor and the target (zero without a source).

A word the vocabulary lacks is split into pieces greedily, longest match first (BERT's WordPiece),
and each piece counts ``1 / number of pieces``.

Because every pool is a weighted mean, a linear model over the pooled vectors folds into one small
table: with ``C_p`` the model's weights on pool ``p``, the pool's contribution is
``sum_e w_e (v_e . C_p) / sum_e w_e``, so :func:`fold` precomputes ``v . C_p`` for every piece and
pool (``(n_pieces, len(POOLS), n_outputs)``) and :func:`folded_scores` needs only a look-up of a
few numbers per piece instead of a ``dim``-wide vector. The vectors are needed to *fit*; a fitted
model carries the folded table alone. The estimator and the numpy runtime scorer both score with
:func:`folded_scores`, so they agree exactly.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np

from stance.stance_model.features import TOKEN_RE, StanceExample, tokenize_marked, clause_bounds

POOLS = ("sentence", "left", "right", "clause", "target", "between")
#: Layout version of a vectors file.
VECTORS_FORMAT = 1

_MARKERS = frozenset(("<t>", "<s>"))
_MAX_CACHE = 200_000  # tokens; ~30 MB at most


class PieceVocab:
    """A WordPiece vocabulary with a weight per piece: what pooling needs without the vectors.

    Args:
        pieces: the vocabulary, in id order (continuation pieces start with ``##``).
        weights: ``(len(pieces),)`` float32 piece weights (SIF); 0 drops a piece.
    """

    def __init__(self, pieces: Sequence[str], weights: Any):
        self.pieces = list(pieces)
        self.weights = np.ascontiguousarray(weights, dtype=np.float32)
        if self.weights.shape != (len(self.pieces),):
            raise ValueError(f"weights have shape {self.weights.shape}, expected ({len(self.pieces)},)")
        self._index = {p: i for i, p in enumerate(self.pieces)}
        if len(self._index) != len(self.pieces):
            raise ValueError("the piece vocabulary holds duplicates")
        self._cache: dict[str, tuple[int, ...]] = {}

    def __getstate__(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d["_cache"], d["_index"] = {}, None
        d.pop("_vectors", None)
        return d

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._index = {p: i for i, p in enumerate(self.pieces)}
        if "codes" in state:
            self._vectors = None

    def __len__(self) -> int:
        return len(self.pieces)

    def piece_ids(self, token: str) -> tuple[int, ...]:
        """The piece ids of one lowercased token (``()`` for the target/source markers and for a
        token with a part no piece covers, as BERT maps it to ``[UNK]``)."""
        hit = self._cache.get(token)
        if hit is not None:
            return hit
        out: list[int] = []
        if token not in _MARKERS:
            index = self._index
            for part in token.replace("'", " ' ").split():
                i = index.get(part)
                if i is not None:
                    out.append(i)
                    continue
                start, sub = 0, []
                while start < len(part):
                    end, cur = len(part), -1
                    while start < end:
                        j = index.get(part[start:end] if start == 0 else "##" + part[start:end])
                        if j is not None:
                            cur = j
                            break
                        end -= 1
                    if cur < 0:
                        sub = []
                        break
                    sub.append(cur)
                    start = end
                out += sub
        ids = tuple(out)
        if len(self._cache) >= _MAX_CACHE:
            self._cache.clear()
        self._cache[token] = ids
        return ids


class StaticVectors(PieceVocab):
    """A word-piece vector table (see the module docstring).

    Args:
        pieces: the WordPiece vocabulary, in id order (continuation pieces start with ``##``).
        codes: ``(len(pieces), dim)`` int8 codes; the vector of piece ``i`` is
            ``codes[i] * scales[i]``.
        scales: ``(len(pieces),)`` float32 per-row scales.
        weights: ``(len(pieces),)`` float32 piece weights (SIF); 0 drops a piece.
        meta: provenance (base encoder, corpus counts, PCA), kept in the file.
    """

    def __init__(self, pieces: Sequence[str], codes: Any, scales: Any, weights: Any, meta: Mapping[str, Any] | None = None):
        super().__init__(pieces, weights)
        self.codes = np.ascontiguousarray(codes, dtype=np.int8)
        self.scales = np.ascontiguousarray(scales, dtype=np.float32)
        self.meta = dict(meta or {})
        n = len(self.pieces)
        if self.codes.ndim != 2 or self.codes.shape[0] != n:
            raise ValueError(f"codes have shape {self.codes.shape}, expected ({n}, dim)")
        if self.scales.shape != (n,):
            raise ValueError(f"scales have shape {self.scales.shape}, expected ({n},)")
        self._vectors: Any = None
        self.sha256: str | None = None  # of the file bytes, when read from / written to a file

    @property
    def dim(self) -> int:
        return int(self.codes.shape[1])

    @property
    def vectors(self) -> Any:
        """``(len(pieces), dim)`` float32: the de-quantised table (built on first use)."""
        if self._vectors is None:
            self._vectors = self.codes.astype(np.float32) * self.scales[:, None]
        return self._vectors

    def __repr__(self) -> str:
        return f"StaticVectors({len(self.pieces)} pieces x {self.dim}, {self.meta.get('base', '?')})"

    # -- files ---------------------------------------------------------------------------------
    def to_arrays(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """``(arrays, header)``: what :meth:`from_arrays` reads back."""
        blob = "\n".join(self.pieces).encode("utf-8")
        arrays = {"pieces": np.frombuffer(blob, dtype=np.uint8), "codes": self.codes,
                  "scales": self.scales, "weights": self.weights}
        header = {"format": VECTORS_FORMAT, "n_pieces": len(self.pieces), "dim": self.dim, "meta": self.meta}
        return arrays, header

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, Any], header: Mapping[str, Any], source: str = "vectors") -> "StaticVectors":
        if header.get("format") != VECTORS_FORMAT:
            raise ValueError(f"{source}: vectors format {header.get('format')!r}, expected {VECTORS_FORMAT}")
        try:
            pieces = bytes(np.asarray(arrays["pieces"], dtype=np.uint8)).decode("utf-8").split("\n")
            out = cls(pieces, arrays["codes"], arrays["scales"], arrays["weights"], header.get("meta"))
        except (KeyError, ValueError, UnicodeDecodeError) as e:
            raise ValueError(f"{source}: not a valid vectors table ({e})") from None
        if len(out.pieces) != int(header.get("n_pieces", -1)):
            raise ValueError(f"{source}: {len(out.pieces)} pieces, the header says {header.get('n_pieces')}")
        return out

    def to_bytes(self) -> bytes:
        """The table as npz bytes (deterministic: the same table gives the same bytes)."""
        from stance.artifacts.npz import write_npz

        arrays, header = self.to_arrays()
        return write_npz(arrays, header, compress=True)

    @classmethod
    def from_bytes(cls, data: bytes, source: str = "vectors") -> "StaticVectors":
        from stance.artifacts.npz import read_npz

        arrays, header = read_npz(data)
        out = cls.from_arrays(arrays, header, source)
        out.sha256 = hashlib.sha256(data).hexdigest()
        return out

    def save(self, path: str | os.PathLike[str]) -> str:
        """Write the table; returns the file's sha256."""
        data = self.to_bytes()
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(str(path) + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        self.sha256 = hashlib.sha256(data).hexdigest()
        return self.sha256

    @classmethod
    def load(cls, path: str | os.PathLike[str], sha256: str | None = None) -> "StaticVectors":
        """Read a table; with ``sha256``, refuse a file whose hash differs, naming the file."""
        p = Path(path)
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            raise FileNotFoundError(f"{p}: no such vectors file (build it with `stance train vectors`)") from None
        out = cls.from_bytes(data, source=str(p))
        if sha256 is not None and out.sha256 != sha256:
            raise ValueError(f"{p}: sha256 {out.sha256[:12]}… differs from the {sha256[:12]}… the model was trained with")
        return out


def quantize(V: Any) -> tuple[Any, Any]:
    """``(int8 codes, float32 scales)`` with ``codes * scales ~= V`` (symmetric, per row)."""
    V = np.asarray(V, dtype=np.float32)
    scales = np.abs(V).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    codes = np.clip(np.rint(V / scales[:, None]), -127, 127).astype(np.int8)
    return codes, scales.astype(np.float32)


def segment_sums(G: Any, rows: Any, n: int) -> Any:
    """``out[r] = sum of G[e]`` over the entries ``e`` with ``rows[e] == r`` (``rows``
    non-decreasing); a deterministic summation order."""
    out = np.zeros((n, G.shape[1]), dtype=np.float32)
    if len(rows):
        counts = np.bincount(rows, minlength=n)
        nz = counts > 0
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])[nz]
        out[nz] = np.add.reduceat(G, starts, axis=0)
    return out


def pool_entries(
    X: Sequence[StanceExample], vectors: "StaticVectors | PieceVocab", window: int = 6, tokens: Sequence[Any] | None = None
) -> list[tuple[Any, Any, Any]]:
    """For each pool of :data:`POOLS`: ``(rows, pieces, weights)``, the pieces pooled for each
    example (``rows`` non-decreasing) with their weights.

    Python touches each example once (tokenise, look pieces up in a cache, find the clause);
    which pool each piece falls in, and its weight, is worked out for the whole batch in numpy.
    ``tokens``: the batch's :func:`~stance.stance_model.features.tokenize_batch` when the caller has it."""
    n = len(X)
    piece_ids = vectors.piece_ids
    flat: list[int] = []  # every piece of every token, in order
    tok_len: list[int] = []  # pieces per token
    tok_row: list[int] = []  # tokens per example
    meta = np.zeros((n, 4), dtype=np.int64)  # ti, si, clause start, clause end
    tgt: list[int] = []
    tgt_rows: list[int] = []
    ext, lext = flat.extend, tok_len.extend
    for r, ex in enumerate(X):
        toks, ti, si = tokens[r] if tokens is not None else tokenize_marked(ex)
        nt = len(toks)
        ids = [piece_ids(t) for t in toks]
        for p in ids:
            ext(p)
        lext(map(len, ids))
        tok_row.append(nt)
        cs, ce = clause_bounds(toks, ti)
        meta[r] = (ti, si, cs, ce)
        for w in TOKEN_RE.findall(ex.text[ex.target_start:ex.target_end].lower()):
            t = piece_ids(w)
            tgt += t
            tgt_rows += [r] * len(t)
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32))
    out: list[tuple[Any, Any, Any]] = [empty] * len(POOLS)
    if flat:
        plen = np.asarray(tok_len, dtype=np.int64)  # per token
        trow = np.repeat(np.arange(n, dtype=np.int64), np.asarray(tok_row, dtype=np.int64))  # per token
        first = np.concatenate([[0], np.cumsum(tok_row)[:-1]]).astype(np.int64)
        tpos = np.arange(len(trow), dtype=np.int64) - first[trow]  # token index within its example
        cols = np.asarray(flat, dtype=np.int64)  # per piece from here on
        prow = np.repeat(trow, plen)
        ppos = np.repeat(tpos, plen)
        base = (np.repeat(1.0 / np.maximum(plen, 1), plen) * vectors.weights[cols]).astype(np.float32)
        ti, si, cs, ce = (meta[prow, i] for i in range(4))
        d = ppos - ti
        k = int(window)
        lo, hi = np.minimum(si, ti), np.maximum(si, ti)
        near = base / np.maximum(np.abs(d), 1).astype(np.float32)
        masks = {
            "left": ((d < 0) & (d >= -k), near),
            "right": ((d > 0) & (d <= k), near),
            "clause": ((ppos >= cs) & (ppos < ce) & (d != 0), base),
            "between": ((si >= 0) & (ppos > lo) & (ppos < hi), base),
        }
        for j, name in enumerate(POOLS):
            if name == "sentence":
                keep = base > 0
                out[j] = (prow[keep], cols[keep], base[keep])
            elif name in masks:
                m, w = masks[name]
                m = m & (w > 0)
                out[j] = (prow[m], cols[m], w[m])
    if tgt:
        j = POOLS.index("target")
        out[j] = (np.asarray(tgt_rows, dtype=np.int64), np.asarray(tgt, dtype=np.int64), np.ones(len(tgt), np.float32))
    return out


def _means(entries: tuple[Any, Any, Any], table: Any, n: int) -> Any:
    """Weighted means of ``table`` rows per example (zero where a pool is empty)."""
    rows, cols, w = entries
    S = segment_sums(table[cols] * w[:, None], rows, n)
    W = np.bincount(rows, weights=w, minlength=n).astype(np.float32)
    S /= np.where(W > 0, W, np.float32(1.0))[:, None]
    return S


def dense_features(X: Sequence[StanceExample], vectors: StaticVectors, window: int = 6, weight: float = 1.0) -> Any:
    """``(len(X), len(POOLS) * vectors.dim)`` float32: the pooled vectors (weighted means, see
    the module docstring), times ``weight``. What a model with a dense block is fitted on."""
    n = len(X)
    V = vectors.vectors
    parts = [_means(e, V, n) for e in pool_entries(X, vectors, window)]
    out = np.hstack(parts) if parts else np.zeros((n, 0), dtype=np.float32)
    if weight != 1.0:
        out *= np.float32(weight)
    return out


def fold(vectors: StaticVectors, coef: Any, weight: float = 1.0) -> Any:
    """The folded table ``(n_pieces, len(POOLS), n_outputs)`` float16 of a linear model whose
    weights on :func:`dense_features` (times ``weight``) are ``coef`` ``(len(POOLS) * dim, n_outputs)``."""
    dim = vectors.dim
    coef = np.asarray(coef, dtype=np.float64)
    if coef.shape[0] != len(POOLS) * dim:
        raise ValueError(f"coef has {coef.shape[0]} rows, expected {len(POOLS) * dim}")
    V = vectors.vectors.astype(np.float64)
    U = np.stack([V @ coef[j * dim:(j + 1) * dim] for j in range(len(POOLS))], axis=1) * float(weight)
    return U.astype(np.float16)


def folded_scores(
    X: Sequence[StanceExample], vocab: "StaticVectors | PieceVocab", table: Any, window: int = 6, tokens: Sequence[Any] | None = None
) -> Any:
    """``(len(X), n_outputs)`` float32: the dense block's contribution to a linear model's scores,
    from the folded ``table`` of :func:`fold` (or its :func:`per_pool` split, which is faster to reuse)."""
    n = len(X)
    pools = per_pool(table)
    out = np.zeros((n, pools[0].shape[1]), dtype=np.float32)
    for j, e in enumerate(pool_entries(X, vocab, window, tokens)):
        out += _means(e, pools[j], n)
    return out


def per_pool(table: Any) -> list[Any]:
    """One contiguous float32 ``(n_pieces, n_outputs)`` array per pool (a list is passed through)."""
    if isinstance(table, list):
        return table
    T = np.asarray(table)
    return [np.ascontiguousarray(T[:, j, :], dtype=np.float32) for j in range(T.shape[1])]
