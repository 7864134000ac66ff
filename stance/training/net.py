"""Train the target-aware network (:class:`stance.stance_model.target_net.TargetNet`) with PyTorch.

Needs the ``contextual`` extra (PyTorch); the trained network runs in numpy without it.

Inputs: the gold NewsMTSC training examples (one-hot labels, classes balanced) and the teacher's
soft labels of unlabelled training-corpus text (:mod:`stance.training.pseudo`), weighted
``pseudo_weight``: the loss is the weighted cross-entropy against each example's label
distribution (distillation for the teacher's examples). The input projection of the static word-piece
vectors is folded into one per-piece table when training ends, so the network needs no vectors at
prediction time.

Deterministic: one thread, seeded; the same inputs and parameters give the same weights.
"""

from __future__ import annotations

import time
from typing import Any, Callable, Sequence

from stance.stance_model.features import LABELS, StanceExample, tokenize_batch

#: Chosen on the dev splits (NewsMTSC dev_rw and dev_mt, each run's network blended with the
#: linear model): hidden 32 / 48 / 96 (and 128 in a partial first run), teacher weight 0.5 and 1,
#: dropout 0.2 and 0.3, 6 and 8 epochs tried. 48 scored as well as 96 at a third of the cost; 32
#: scored lower.
DEFAULT_NET_PARAMS: dict[str, Any] = {
    "hidden": 48,
    "epochs": 8,
    "lr": 2e-3,
    "weight_decay": 1e-5,
    "batch_size": 64,
    "dropout": 0.3,
    "pseudo_weight": 0.5,
    "max_len": 64,
    "seed": 0,
}


def _padded(X: Sequence[StanceExample], vectors: Any, max_len: int) -> tuple[dict[str, Any], Any]:
    """Padded ``(n, max_len)`` index arrays from :func:`stance.stance_model.target_net.layout`, and the
    ``(n_words, dim)`` word vectors they index (row 0 is padding)."""
    import numpy as np

    from stance.stance_model.target_net import layout

    t = layout(X, vectors, max_len, tokenize_batch(X), keep_ids=True)
    words: dict[tuple[int, ...], int] = {(): 0}
    wid = np.fromiter((words.setdefault(ids, len(words)) for ids in t["ids"]), dtype=np.int64, count=t["N"])
    V = vectors.vectors.astype(np.float32)
    WV = np.zeros((len(words), V.shape[1]), dtype=np.float32)
    for ids, i in words.items():
        if ids:
            idx = list(ids)
            WV[i] = (V[idx] * vectors.weights[idx][:, None]).sum(0) / len(idx)
    n = t["n"]
    out = {}
    for name, src in (("word", wid), ("dist", t["dist"]), ("flags", t["flags"]), ("mark", t["mark"])):
        a = np.zeros((n, max_len), dtype=np.int64)
        a[t["trow"], t["tpos"]] = src
        out[name] = a
    mask = np.zeros((n, max_len), dtype=bool)
    mask[t["trow"], t["tpos"]] = True
    out["mask"] = mask
    out["target"] = t["target"] - t["starts"]
    return out, WV


def _module(dim: int, H: int, k: int, dropout: float):  # type: ignore[no-untyped-def]
    import torch
    from torch import nn

    from stance.stance_model.target_net import MAX_DIST, N_FLAGS

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.proj = nn.Linear(dim, H, bias=False)
            self.marker = nn.Embedding(3, H)
            self.position = nn.Embedding(2 * MAX_DIST + 1, H)
            self.flag = nn.Embedding(N_FLAGS, H)
            self.conv = nn.Conv1d(H, H, 3, padding=1)
            self.att = nn.Linear(H, 1)
            self.out = nn.Linear(3 * H, k)
            self.drop = nn.Dropout(dropout)

        def forward(self, wv, mark, dist, flags, mask, target):  # type: ignore[no-untyped-def]
            x = self.proj(wv) + self.marker(mark) + self.position(dist) + self.flag(flags)
            m = mask[..., None]
            h = self.drop(torch.relu(x)) * m
            c = (torch.relu(self.conv(h.transpose(1, 2)).transpose(1, 2)) + h) * m
            a = self.att(c).squeeze(-1).masked_fill(~mask, -1e9).softmax(-1)
            att = (a[..., None] * c).sum(1)
            mx = c.masked_fill(~m, -1e9).max(1).values
            tg = c[torch.arange(len(target)), target]
            return self.out(self.drop(torch.cat([att, mx, tg], -1)))

    return Net()


def train_net(
    X_gold: Sequence[StanceExample],
    y_gold: Sequence[str],
    X_soft: Sequence[StanceExample],
    P_soft: Any,
    vectors: Any,
    params: dict[str, Any] | None = None,
    say: Callable[[str], None] = lambda m: None,
) -> Any:
    """Fit the network; returns a :class:`~stance.stance_model.target_net.TargetNet`.

    Args:
        X_gold, y_gold: labelled examples (labels from :data:`~stance.stance_model.features.LABELS`).
        X_soft, P_soft: teacher-labelled examples and their ``(n, 3)`` label distributions.
        vectors: the :class:`~stance.stance_model.static_vectors.StaticVectors` the word rows come from.
        params: overrides of :data:`DEFAULT_NET_PARAMS`.
    """
    try:
        import torch
    except ImportError:
        raise ImportError("training the stance network needs PyTorch: pip install -e '.[contextual]' (or train with --no-net)") from None
    import numpy as np

    from stance.stance_model.static_vectors import PieceVocab
    from stance.stance_model.target_net import TargetNet

    hp = dict(DEFAULT_NET_PARAMS)
    hp.update(params or {})
    unknown = set(hp) - set(DEFAULT_NET_PARAMS)
    if unknown:
        raise ValueError(f"unknown network parameters: {', '.join(sorted(unknown))}")
    bad = sorted(set(y_gold) - set(LABELS))
    if bad:
        raise ValueError(f"unknown labels {bad}; expected {list(LABELS)}")
    P_soft = np.asarray(P_soft, dtype=np.float32).reshape(-1, len(LABELS)) if len(X_soft) else np.zeros((0, len(LABELS)), np.float32)
    if len(P_soft) != len(X_soft):
        raise ValueError(f"{len(X_soft)} teacher-labelled examples but {len(P_soft)} label rows")
    if not len(X_gold):
        raise ValueError("no labelled examples to train the network on")
    t0 = time.perf_counter()
    X = list(X_gold) + list(X_soft)
    yi = np.array([LABELS.index(y) for y in y_gold])
    Y = np.concatenate([np.eye(len(LABELS), dtype=np.float32)[yi], P_soft])
    w = np.concatenate([np.ones(len(X_gold), np.float32), np.full(len(X_soft), hp["pseudo_weight"], np.float32)])
    counts = np.bincount(yi, minlength=len(LABELS)).astype(np.float32)
    cw = torch.tensor(len(yi) / (len(LABELS) * np.maximum(counts, 1)))
    L = int(hp["max_len"])
    say(f"network: laying out {len(X)} examples ({len(X_gold)} labelled, {len(X_soft)} teacher-labelled) ...")
    arr, WV = _padded(X, vectors, L)

    torch.manual_seed(int(hp["seed"]))
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # deterministic reductions
    try:
        H = int(hp["hidden"])
        net = _module(WV.shape[1], H, len(LABELS), float(hp["dropout"]))
        opt = torch.optim.AdamW(net.parameters(), lr=hp["lr"], weight_decay=hp["weight_decay"])
        bs = int(hp["batch_size"])
        n = len(X)
        per_epoch = max(1, n // bs)
        sched = torch.optim.lr_scheduler.OneCycleLR(opt, hp["lr"], total_steps=int(hp["epochs"]) * per_epoch)
        WVt = torch.from_numpy(WV)
        T = {k: torch.from_numpy(v) for k, v in arr.items()}
        Yt, wt = torch.from_numpy(Y), torch.from_numpy(w)
        rng = np.random.default_rng(int(hp["seed"]))
        net.train()
        for ep in range(int(hp["epochs"])):
            perm = torch.from_numpy(rng.permutation(n))
            total = 0.0
            for b in range(per_epoch):
                idx = perm[b * bs:(b + 1) * bs]
                logits = net(WVt[T["word"][idx]], T["mark"][idx], T["dist"][idx], T["flags"][idx], T["mask"][idx], T["target"][idx])
                lp = logits.log_softmax(-1)
                loss = (-(Yt[idx] * lp * cw).sum(-1) * wt[idx]).sum() / wt[idx].sum()
                opt.zero_grad()
                loss.backward()
                opt.step()
                sched.step()
                total += loss.item()
            say(f"network: epoch {ep + 1}/{hp['epochs']}, loss {total / per_epoch:.4f} ({time.perf_counter() - t0:.0f}s)")
        net.eval()
        with torch.no_grad():
            V = torch.from_numpy(vectors.vectors.astype(np.float32))
            arrays = {
                "table": (V @ net.proj.weight.T).numpy(),
                "marker": net.marker.weight.numpy().copy(),
                "position": net.position.weight.numpy().copy(),
                "flag": net.flag.weight.numpy().copy(),
                "conv_w": net.conv.weight.numpy().copy(),
                "conv_b": net.conv.bias.numpy().copy(),
                "att_w": net.att.weight.numpy()[0].copy(),
                "att_b": net.att.bias.numpy().copy(),
                "out_w": net.out.weight.numpy().copy(),
                "out_b": net.out.bias.numpy().copy(),
            }
    finally:
        torch.set_num_threads(threads)
    vocab = PieceVocab(vectors.pieces, vectors.weights)
    out = TargetNet(vocab, arrays, LABELS, max_len=L)
    out.torch_module = net  # for the numpy/PyTorch agreement check; not pickled
    return out

