"""Static word-piece vectors (numpy only): the word rows of the target-aware network
(:mod:`stance.stance_model.target_net`).

A :class:`StaticVectors` table holds one vector per word piece of a WordPiece vocabulary (that of
MiniLM-L6, see :mod:`stance.training.vectors`): each piece's output vector from the encoder run on
the piece alone, reduced by PCA and stored as int8 codes with a per-row scale, plus a
smooth-inverse-frequency weight per piece (Arora et al. 2017: ``a / (a + p(piece))``). This is the
"static embedding" distillation of model2vec: a pretrained encoder's knowledge of which words mean
alike, at the cost of a table look-up. :class:`PieceVocab` splits words into pieces (BERT's
WordPiece, longest match first); the network carries its own copy of the pieces it uses, so the
vectors file is needed to train, not at run time.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np


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
