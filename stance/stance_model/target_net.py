"""A small target-aware network over static word-piece vectors, run in numpy.

The linear stance model (:mod:`stance.stance_model.estimator`) sees features; this network sees the
sentence as a sequence relative to the marked target, which lets word meaning interact with
position ("accused <t>" against "<t> accused"). It is trained by
:mod:`stance.training.net` (PyTorch, the ``[contextual]`` extra) and runs here with numpy alone.

For every token within ``max_len`` tokens of the target (the window the network was trained on):

``x = word + marker + position + flags``
    ``word``: the token's pieces' rows of ``table`` (the static vectors times the network's input
    projection, folded into one ``(n_pieces, H)`` table), SIF-weighted and divided by the number of
    pieces, as :mod:`stance.stance_model.static_vectors` pools them; ``marker``: a row for ``<t>``, ``<s>`` or
    any other token; ``position``: the signed distance to the target, clipped to +-31; ``flags``:
    in the target's clause (1), between source and target (2), the example has a source (4).
``h = relu(x)``, ``c = relu(conv3(h)) + h``
    a width-3 convolution within the example (zero beyond its ends), with a residual connection.
``logits = out([attention pool of c, max pool of c, c at the target])``

The whole batch is one flat token array: Python touches each example once to tokenise it, and the
rest is a handful of numpy calls (gathers, one matrix product for the convolution, segment
reductions).
"""

from __future__ import annotations

import threading
from itertools import chain, repeat
from typing import Any, Mapping, Sequence

import numpy as np

from stance.blas import one_blas_thread
from stance.stance_model.static_vectors import PieceVocab, segment_sums, quantize
from stance.stance_model.features import CLAUSE_BREAK, StanceExample, tokenize_marked, clause_bounds

#: Layout version of the network's arrays.
NET_FORMAT = 1
MAX_DIST = 31
_MARKER_ROWS = {"<t>": 1, "<s>": 2}
_MAX_WORDS = 500_000  # cached word rows (~100 MB at H=48)
N_FLAGS = 8
_ARRAYS = ("table_codes", "table_scales", "marker", "position", "flag", "conv_w", "conv_b", "att_w", "att_b", "out_w", "out_b")


def layout(
    X: Sequence[StanceExample], vocab: PieceVocab, max_len: int, tokens: Sequence[Any] | None = None, keep_ids: bool = False
) -> dict[str, Any]:
    """The batch as flat per-token arrays (every token in each example's window, in order):
    ``starts``/``ntok`` per example, ``trow``/``tpos``/``dist``/``flags``/``mark`` per token,
    ``target`` (the flat index of each example's ``<t>``) and, with ``keep_ids``, each token's
    piece tuple (``ids``). The trainer builds its inputs from
    this too, so training and inference see the same layout."""
    piece_ids = vocab.piece_ids
    L = int(max_len)
    n = len(X)
    mark: list[int] = []
    all_ids: list[tuple[int, ...]] = []
    ntok = np.zeros(n, dtype=np.int64)
    meta = np.zeros((n, 5), dtype=np.int64)  # window start, ti, si, clause start, clause end
    for r, ex in enumerate(X):
        toks, ti, si = tokens[r] if tokens is not None else tokenize_marked(ex)
        a = max(0, min(ti - L // 2, len(toks) - L))
        win = toks[a:a + L]
        if keep_ids:
            all_ids += [piece_ids(t) for t in win]
        mark += [1 if t == "<t>" else 2 if t == "<s>" else 0 for t in win]
        ntok[r] = len(win)
        cs, ce = clause_bounds(toks, ti)
        meta[r] = (a, ti, si, cs, ce)
    N = int(ntok.sum())
    starts = np.concatenate([[0], np.cumsum(ntok)[:-1]]).astype(np.int64)
    trow = np.repeat(np.arange(n, dtype=np.int64), ntok)
    tpos = np.arange(N, dtype=np.int64) - starts[trow]
    win0, ti, si, cs, ce = (meta[:, j] for j in range(5))
    k_abs = win0[trow] + tpos  # token index in the whole example
    t_i, s_i = ti[trow], si[trow]
    lo, hi = np.minimum(s_i, t_i), np.maximum(s_i, t_i)
    flags = ((k_abs >= cs[trow]) & (k_abs < ce[trow])).astype(np.int64)
    flags += 2 * ((s_i >= 0) & (k_abs > lo) & (k_abs < hi)) + 4 * (s_i >= 0)
    out = {
        "n": n, "N": N, "starts": starts, "ntok": ntok, "trow": trow, "tpos": tpos,
        "dist": np.clip(k_abs - t_i, -MAX_DIST, MAX_DIST) + MAX_DIST, "flags": flags,
        "mark": np.asarray(mark, dtype=np.int64), "target": starts + (ti - win0),
    }
    if keep_ids:
        out["ids"] = all_ids
    return out



class TargetNet:
    """The network's weights and its numpy forward pass.

    Args:
        vocab: the word-piece vocabulary and SIF weights the table rows follow.
        arrays: ``table`` ``(n_pieces, H)`` (or ``table_codes`` int8 + ``table_scales``),
            ``marker`` ``(3, H)`` (other token, ``<t>``, ``<s>``), ``position``
            ``(2 * MAX_DIST + 1, H)``, ``flag`` ``(N_FLAGS, H)``, ``conv_w`` ``(H, H, 3)`` (PyTorch
            ``Conv1d`` layout), ``conv_b`` ``(H,)``, ``att_w`` ``(H,)``, ``att_b`` ``(1,)``,
            ``out_w`` ``(k, 3 * H)``, ``out_b`` ``(k,)``.
        classes: the output labels, in ``out_w`` row order.
        max_len: tokens around the target the network sees (as in training).
    """

    def __init__(self, vocab: PieceVocab, arrays: Mapping[str, Any], classes: Sequence[str], max_len: int = 64):
        self.vocab = vocab
        self.classes_ = np.asarray(list(classes))
        self.max_len = int(max_len)
        a = dict(arrays)
        if "table" in a:
            a["table_codes"], a["table_scales"] = quantize(np.asarray(a.pop("table"), dtype=np.float32))
        missing = [k for k in _ARRAYS if k not in a]
        if missing:
            raise ValueError(f"network arrays missing: {', '.join(missing)}")
        self.arrays = {k: np.array(a[k], order="C") for k in _ARRAYS}
        n, H = self.arrays["table_codes"].shape
        k = len(self.classes_)
        want = {
            "table_scales": (n,), "marker": (3, H), "position": (2 * MAX_DIST + 1, H), "flag": (N_FLAGS, H),
            "conv_w": (H, H, 3), "conv_b": (H,), "att_w": (H,), "att_b": (1,), "out_w": (k, 3 * H), "out_b": (k,),
        }
        for name, shape in want.items():
            if self.arrays[name].shape != shape:
                raise ValueError(f"network array {name} has shape {self.arrays[name].shape}, expected {shape}")
        if n != len(vocab):
            raise ValueError(f"network table has {n} rows, the vocabulary {len(vocab)} pieces")
        self._prepare()

    def _prepare(self) -> None:
        a = self.arrays
        f32 = np.float32
        self._table = a["table_codes"].astype(f32) * a["table_scales"][:, None]
        H = self._table.shape[1]
        # the conv's three taps (previous, same, next token)
        w = a["conv_w"].astype(f32)
        self._taps = np.ascontiguousarray(np.concatenate([w[:, :, 0], w[:, :, 1], w[:, :, 2]], axis=0))  # (3 H_out, H_in)
        self._small = {k: a[k].astype(f32) for k in ("marker", "position", "flag", "conv_b", "att_w", "att_b", "out_w", "out_b")}
        # position and flag rows summed into one table (row dist * N_FLAGS + flags), and a last,
        # zero row for the separator between examples; stored as columns (H, rows), as the word
        # rows below, so that a batch's token columns are gathered in the (H, R) layout the
        # forward pass works in
        pf = (self._small["position"][:, None, :] + self._small["flag"][None, :, :]).reshape(-1, H)
        self._posflag = np.ascontiguousarray(np.concatenate([pf, np.zeros((1, H), f32)]).T)
        # word rows (word + marker) by token, filled as tokens are met, as the columns of an
        # (H, capacity) array; column 0 is the separator. (words, rows, breaks) is replaced as one
        # tuple when the arrays grow; until then new rows are written before their words are
        # added, so a reader never sees a word whose row its arrays lack.
        self._lock = threading.Lock()
        self._cache: tuple[dict[str, int], Any, Any] = ({}, np.zeros((H, 1024), dtype=f32), np.zeros(1024, dtype=bool))
        self._n_rows = 1

    def _word_rows(self, tokens: list[str]) -> tuple[dict[str, int], Any, Any]:
        """Add rows for the ``tokens`` not yet cached; returns the cache (words, rows, breaks) as
        it then is."""
        with self._lock:
            (words, rows, breaks), n = self._cache, self._n_rows
            new = [t for t in dict.fromkeys(tokens) if t not in words]
            if not new:
                return words, rows, breaks
            if n + len(new) > _MAX_WORDS:  # start afresh (readers keep the old cache)
                words, rows, breaks, n = {}, np.zeros((rows.shape[0], 1024), dtype=np.float32), np.zeros(1024, dtype=bool), 1
                new = list(dict.fromkeys(tokens))
            elif n + len(new) > rows.shape[1]:  # new arrays and a new dict (amortised: sizes double)
                size = max(2 * rows.shape[1], n + len(new))
                grown = np.zeros((rows.shape[0], size), dtype=np.float32)
                grown[:, :n] = rows[:, :n]
                grown_b = np.zeros(size, dtype=bool)
                grown_b[:n] = breaks[:n]
                words, rows, breaks = dict(words), grown, grown_b
            # every new word's row in a few numpy calls: marker row + SIF-weighted piece mean
            marker, table, weights = self._small["marker"], self._table, self.vocab.weights
            piece_ids = self.vocab.piece_ids
            ids = [() if t in _MARKER_ROWS else piece_ids(t) for t in new]
            plen = np.fromiter(map(len, ids), dtype=np.int64, count=len(new))
            block = np.empty((len(new), rows.shape[0]), dtype=np.float32)
            block[:] = marker[0]
            if plen.any():
                flat = np.fromiter(chain.from_iterable(ids), dtype=np.int64, count=int(plen.sum()))
                G = table[flat] * (weights[flat] / np.repeat(plen, plen))[:, None]
                block += segment_sums(G, np.repeat(np.arange(len(new), dtype=np.int64), plen), len(new))
            for j, t in enumerate(new):
                if t in _MARKER_ROWS:
                    block[j] = marker[_MARKER_ROWS[t]]
            rows[:, n:n + len(new)] = block.T
            breaks[n:n + len(new)] = [t in CLAUSE_BREAK for t in new]
            words.update(zip(new, range(n, n + len(new))))  # after the rows: see _prepare
            self._cache, self._n_rows = (words, rows, breaks), n + len(new)
            return words, rows, breaks

    @property
    def hidden(self) -> int:
        return int(self.arrays["table_codes"].shape[1])

    def __getstate__(self) -> dict[str, Any]:  # the weights, not the caches
        return {"vocab": self.vocab, "arrays": self.arrays, "classes_": self.classes_, "max_len": self.max_len}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._prepare()

    def __repr__(self) -> str:
        return f"TargetNet(hidden={self.hidden}, pieces={len(self.vocab)}, max_len={self.max_len})"

    # -- forward -------------------------------------------------------------------------------
    def logits(self, X: Sequence[StanceExample], tokens: Sequence[Any] | None = None) -> Any:
        """``(len(X), k)`` float32 log-odds. ``tokens``: the batch's
        :func:`~stance.stance_model.features.tokenize_batch`, when the caller has it.

        The batch is one flat array of token rows with a zero separator row after each example,
        so the convolution's shifted taps never reach into the next example. The matrix products
        run on one BLAS thread (:func:`stance.blas.one_blas_thread`: less CPU time at this size,
        and the same results in one process as in the multi-process pipeline's workers)."""
        with one_blas_thread():
            return self._logits(X, tokens)

    def _logits(self, X: Sequence[StanceExample], tokens: Sequence[Any] | None) -> Any:
        X = list(X)
        sm = self._small
        n = len(X)
        if not n:
            return np.zeros((0, len(self.classes_)), dtype=np.float32)
        L = self.max_len
        words, rows, breaks = self._cache
        get = words.get
        wid: list[int] = []
        wins: list[list[str]] = []
        tis: list[int] = []
        sis: list[int] = []
        for r, ex in enumerate(X):
            toks, ti, si = tokens[r] if tokens is not None else tokenize_marked(ex)
            a = max(0, min(ti - L // 2, len(toks) - L))
            win = toks[a:a + L]
            wins.append(win)
            wid += map(get, win, repeat(-1))
            wid.append(0)  # separator
            tis.append(ti - a)
            sis.append(si - a if si >= 0 else -(1 << 30))
        if -1 in wid:  # tokens met for the first time: add their rows, then look the batch up again
            words, rows, breaks = self._word_rows([t for w in wins for t in w])
            get = words.get
            wid = []
            for win in wins:
                wid += map(get, win)
                wid.append(0)
        ntok = np.fromiter(map(len, wins), dtype=np.int64, count=n)
        seg = ntok + 1
        starts = np.concatenate([[0], np.cumsum(seg)[:-1]]).astype(np.int64)
        wid_a = np.asarray(wid, dtype=np.intp)
        R = len(wid_a)
        srow = np.repeat(np.arange(n, dtype=np.int32), seg)
        t_row = starts + np.asarray(tis, dtype=np.int64)  # each example's target row
        rel = np.arange(R, dtype=np.int32) - t_row.astype(np.int32)[srow]  # distance to the target
        # the target's clause (clause_bounds): no clause break between the token and the target,
        # the token itself included when it lies left of the target
        brk = breaks[wid_a]
        cb = np.cumsum(brk, dtype=np.int32)
        flags = (cb == cb[t_row][srow]) & ~(brk & (rel < 0))
        flags = flags.astype(np.int32)
        has = np.asarray(sis, dtype=np.int64) > -(1 << 29)
        if has.any():  # between source and target (2); the example has a source (4)
            s_rel = np.where(has, np.asarray(sis, dtype=np.int64) - np.asarray(tis, dtype=np.int64), 0).astype(np.int32)[srow]
            flags += 2 * ((rel > np.minimum(s_rel, 0)) & (rel < np.maximum(s_rel, 0))) + 4 * has[srow]
        np.maximum(rel, -MAX_DIST, out=rel)
        np.minimum(rel, MAX_DIST, out=rel)
        pf = (rel + MAX_DIST) * N_FLAGS + flags
        sep = starts + ntok  # the separator rows
        pf[sep] = self._posflag.shape[1] - 1
        # Rows are columns: (H, R), gathered so from the column tables, so that the segment
        # reductions run along contiguous memory (numpy's reduceat is ~3x faster so).
        hT = rows.take(wid_a, axis=1)
        hT += self._posflag.take(pf, axis=1)
        np.maximum(hT, 0.0, out=hT)
        # Width-3 convolution: taps for the previous, same and next row (separators are zero).
        H = self.hidden
        A = self._taps @ hT  # (3H, R): the previous-, same- and next-token taps of every column
        c = A[H:2 * H]
        c += sm["conv_b"][:, None]
        c[:, 1:] += A[:H, :-1]
        c[:, :-1] += A[2 * H:, 1:]
        np.maximum(c, 0.0, out=c)
        c += hT
        c[:, sep] = 0.0  # c >= 0 elsewhere: a zero column changes no max and gets no attention below
        # attention pool (a softmax within each example), max pool, the target's column
        s = sm["att_w"] @ c + sm["att_b"]
        s -= np.maximum.reduceat(s, starts)[srow]
        e = np.exp(s)
        e[sep] = 0.0
        att = np.add.reduceat(c * e, starts, axis=1) / np.add.reduceat(e, starts)
        mx = np.maximum.reduceat(c, starts, axis=1)
        tg = c[:, t_row]
        return (sm["out_w"] @ np.concatenate([att, mx, tg], axis=0)).T + sm["out_b"]

    def predict_proba(self, X: Sequence[StanceExample], tokens: Sequence[Any] | None = None) -> Any:
        """``(len(X), k)`` class probabilities (float64); columns follow :attr:`classes_`."""
        s = self.logits(X, tokens).astype(np.float64)
        s -= s.max(axis=1, keepdims=True)
        e = np.exp(s)
        return e / e.sum(axis=1, keepdims=True)

    # -- serialisation -------------------------------------------------------------------------
    def to_arrays(self, prefix: str = "net_") -> tuple[dict[str, Any], dict[str, Any]]:
        """``(arrays, header)`` for an npz file; the vocabulary's pieces are the caller's to store."""
        arrays = {prefix + k: v for k, v in self.arrays.items()}
        header = {"format": NET_FORMAT, "classes": [str(c) for c in self.classes_], "max_len": self.max_len, "hidden": self.hidden}
        return arrays, header

    @classmethod
    def from_arrays(cls, vocab: PieceVocab, arrays: Mapping[str, Any], header: Mapping[str, Any], prefix: str = "net_") -> "TargetNet":
        if header.get("format") != NET_FORMAT:
            raise ValueError(f"network format {header.get('format')!r}, expected {NET_FORMAT}")
        return cls(vocab, {k: arrays[prefix + k] for k in _ARRAYS if prefix + k in arrays}, header["classes"], header["max_len"])



def blend_heads(
    p_nosrc: Any,
    p_src: Any,
    p_net: Any,
    blend: Mapping[str, float] | None,
    bias: Mapping[str, Sequence[float]] | None = None,
    rows: Mapping[str, Any] | None = None,
) -> tuple[Any, Any]:
    """Blend the network's probabilities into each linear head's: ``(1 - b) * p_head + b * p_net``
    with ``b = blend[head]`` (0 for a head not named), then add ``bias[head]`` to the log-probabilities
    and renormalise (a class-prior offset of the blend). ``rows[head]``: a boolean mask of the rows
    to blend (the others keep the head's own probabilities, and need no ``p_net``); all by default.
    The one blending rule, shared by the estimator and the numpy scorer."""
    out = []
    for head, p in (("nosrc", p_nosrc), ("src", p_src)):
        b = float((blend or {}).get(head, 0.0))
        off = (bias or {}).get(head)
        mask = None if rows is None else rows.get(head)
        if mask is not None and not np.any(mask):
            out.append(p)
            continue
        q = p if mask is None else p[mask]
        if b:
            q = (1.0 - b) * q + b * (p_net if mask is None else p_net[mask])
        if off is not None and np.any(np.asarray(off, dtype=np.float64) != 0):
            s = np.log(np.maximum(q, 1e-12)) + np.asarray(off, dtype=np.float64)
            s -= s.max(axis=1, keepdims=True)
            e = np.exp(s)
            q = e / e.sum(axis=1, keepdims=True)
        if mask is None:
            p = q
        else:
            p = p.copy()
            p[mask] = q
        out.append(p)
    return out[0], out[1]


def blend_with_net(
    p_nosrc: Any,
    p_src: Any,
    X: Sequence[StanceExample],
    tokens: Sequence[Any] | None,
    net: "TargetNet",
    blend: Mapping[str, float] | None,
    bias: Mapping[str, Sequence[float]] | None,
) -> tuple[Any, Any]:
    """:func:`blend_heads` for a batch, running the network only on the rows whose final
    probability uses it (:func:`stance.stance_model.features.route_heads`: rows with a source use the
    ``src`` head, the others the ``nosrc`` head). Rows a head's final probability does not use keep
    that head's linear probabilities."""
    has_src = np.fromiter((ex.has_source for ex in X), dtype=bool, count=len(X))
    b = blend or {}
    rows = {
        "nosrc": ~has_src if b.get("nosrc") or (bias or {}).get("nosrc") is not None else np.zeros(len(X), bool),
        "src": has_src if b.get("src") or (bias or {}).get("src") is not None else np.zeros(len(X), bool),
    }
    need = (rows["nosrc"] & bool(b.get("nosrc"))) | (rows["src"] & bool(b.get("src")))
    p_net = np.full_like(p_nosrc, np.nan)
    if need.any():
        idx = np.flatnonzero(need)
        sub = [X[i] for i in idx]
        p_net[idx] = net.predict_proba(sub, None if tokens is None else [tokens[i] for i in idx])
    return blend_heads(p_nosrc, p_src, p_net, blend, bias, rows)
