"""Teacher-labelled quotation examples for the quote-trained stance model (auxiliary training data).

The quote-trained model (:mod:`stance.training.quote_stance`) learns from the corpus's train split,
a few thousand (quotation, party) pairs. A contextual model fine-tuned on the same pairs
(:mod:`stance.training.contextual_quote`) reads them better than any linear model; its labels on
the quotation examples the pipeline builds from *unlabelled* articles pass some of that reading to
the linear model.

The unlabelled articles are the PolNeAR ``train`` articles that are not in the article corpus
(``data/quote_stance/articles/splits.json`` lists every corpus article of every split, so no dev or
test article of the corpus is read). Each pipeline example (every proposed party of every
quotation, as the pipeline builds them at run time) is stored as integer keys (record, character
offsets), never as text, with the teacher's probabilities (float16) and the sha256 of the PolNeAR
file; :func:`load_teacher_labels` rebuilds the examples from the corpus file given at run time and
refuses one whose sha256 differs. Nothing of PolNeAR's text is committed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Sequence

from stance.stance_model.features import LABELS, StanceExample

#: The unlabelled articles' corpus file: (corpus, split) under the data directory.
SOURCE = ("polnear", "train")
#: The examples' ``corpus`` tag (``"quote"``: the quote model scores them itself, as the pipeline's).
EXAMPLE_CORPUS = "quote"
#: Where the labels live in the repository (read by ``stance train quote-stance``).
DEFAULT_TEACHER_LABELS = Path(__file__).resolve().parent.parent.parent / "data" / "distill" / "quote_teacher_labels.npz"
FORMAT = 1


def corpus_article_ids(articles_dir: str | os.PathLike[str] | None = None) -> frozenset[str]:
    """The ids of every article of the article corpus, all splits (``splits.json``)."""
    from stance.corpora.quote_corpus import article_splits

    return frozenset(article_splits(articles_dir))


def read_source(data_dir: str | os.PathLike[str]) -> tuple[list[str], list[str], dict[str, Any]]:
    """``(ids, texts, fingerprint)`` of the PolNeAR train file under ``data_dir``."""
    from stance.artifacts import file_fingerprint
    from stance.corpora.sentences import corpus_file

    path = corpus_file(data_dir, *SOURCE)
    ids, texts = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                ids.append(str(r.get("doc_id", r.get("id", ""))))
                texts.append(str(r["text"]))
    return ids, texts, dict(file_fingerprint(path, n_examples=len(texts)), corpus=SOURCE[0])


def unlabelled_rows(ids: Sequence[str], exclude: frozenset[str]) -> list[int]:
    """Indices of the records whose id is not in ``exclude`` (the corpus's articles)."""
    return [i for i, a in enumerate(ids) if a not in exclude]


def build_quote_pool(texts: Sequence[str], rows: Sequence[int], pipeline: Any) -> Any:
    """Keys ``(n, 7)`` int64 of the pipeline's stance examples in the records ``rows`` of ``texts``:
    record, slice start, slice end (the example's text in the pipeline's view of the article),
    target start, target end, source start, source end (offsets into the slice; source -1 when
    none). Examples whose text cannot be found in the record, and repeats, are left out."""
    import numpy as np

    from stance.training.pseudo import pipeline_example_keys

    keys: list[tuple[int, ...]] = []
    seen: set[tuple[str, int, int]] = set()
    for ri in rows:
        keys.extend((ri, *k) for k in pipeline_example_keys(pipeline, texts[ri], seen))
    return np.asarray(keys, dtype=np.int64).reshape(-1, 7)


def examples_from_keys(keys: Any, texts: Sequence[str]) -> list[StanceExample]:
    """Rebuild the examples the keys name from the source texts."""
    from stance.training.pseudo import example_from_key

    return [example_from_key(texts[ri][a:b], ts, te, ss, se, EXAMPLE_CORPUS) for ri, a, b, ts, te, ss, se in keys.tolist()]


def save_teacher_labels(path: str | os.PathLike[str], keys: Any, probs: Any, source: dict[str, Any], teacher: dict[str, Any]) -> Path:
    """Write keys, the teacher's probabilities (float16) and the provenance to ``path`` (atomically)."""
    from stance.training.pseudo import write_label_file

    meta = {"format": FORMAT, "source": source, "teacher": teacher, "n": int(len(keys)), "labels": list(LABELS)}
    return write_label_file(path, keys, probs, meta)


def load_teacher_labels(path: str | os.PathLike[str], data_dir: str | os.PathLike[str]) -> tuple[list[StanceExample], Any, dict[str, Any]]:
    """``(examples, probs, meta)`` from a labels file and the PolNeAR file under ``data_dir``;
    ``meta["records"]`` lists each example's record (article) index.

    Raises ``ValueError`` naming the file when the format or the source file's sha256 differs."""
    import numpy as np

    with np.load(path, allow_pickle=False) as z:
        keys, probs = z["keys"].astype(np.int64), z["probs"].astype(np.float64)
        meta = json.loads(bytes(z["meta"]).decode())
    if meta.get("format") != FORMAT:
        raise ValueError(f"{path}: format {meta.get('format')!r}, expected {FORMAT}")
    _, texts, fp = read_source(data_dir)
    if meta["source"]["sha256"] != fp["sha256"]:
        raise ValueError(f"{path}: built from {SOURCE[0]} with sha256 {meta['source']['sha256'][:12]}…, "
                         f"but {fp['file']} has {fp['sha256'][:12]}…; relabel with `stance distill quotes`")
    meta["records"] = keys[:, 0].tolist()
    return examples_from_keys(keys, texts), probs, meta


def hard_labels(probs: Any) -> tuple[list[str], Any]:
    """``(labels, confidence)``: the teacher's most probable label per example and its probability."""
    import numpy as np

    P = np.asarray(probs, dtype=np.float64)
    return [LABELS[i] for i in P.argmax(1)], P.max(1)


def label_quote_pool(
    data_dir: str | os.PathLike[str],
    teacher: Any,
    teacher_info: dict[str, Any],
    out: str | os.PathLike[str] | None = None,
    models_dir: str | os.PathLike[str] | None = None,
    chunk: int = 512,
    say: Any = None,
) -> dict[str, Any]:
    """Build the pool from the unlabelled PolNeAR train articles, label it with ``teacher`` (a model
    with ``predict_proba``; ``teacher_info`` its name, version and sha256 for the file), save it to
    ``out`` (default :data:`DEFAULT_TEACHER_LABELS`); return a summary."""
    import numpy as np

    from stance.artifacts import default_models_dir
    from stance.pipeline import Pipeline

    ids, texts, fp = read_source(data_dir)
    rows = unlabelled_rows(ids, corpus_article_ids())
    pipeline = Pipeline(models_dir=models_dir if models_dir is not None else default_models_dir(), stance_model="blended")
    keys = build_quote_pool(texts, rows, pipeline)
    if say:
        say(f"pool: {len(keys)} quotation examples from {len(rows)} of {len(ids)} {SOURCE[0]} {SOURCE[1]} articles (not in the corpus)")
    X = examples_from_keys(keys, texts)
    P = np.zeros((len(X), len(LABELS)), dtype=np.float64)
    for k in range(0, len(X), chunk):
        P[k:k + chunk] = teacher.predict_proba(X[k:k + chunk])
        if say:
            say(f"labelled {min(len(X), k + chunk)}/{len(X)}")
    path = save_teacher_labels(out or DEFAULT_TEACHER_LABELS, keys, P, dict(fp, articles=len(rows)), teacher_info)
    counts = np.bincount(P.argmax(1), minlength=len(LABELS)).tolist() if len(P) else [0] * len(LABELS)
    return {"file": str(path), "examples": len(X), "articles": len(rows), "argmax_counts": dict(zip(LABELS, counts))}
