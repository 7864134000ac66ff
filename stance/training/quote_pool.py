"""Annotated quotation examples outside the corpus (the quote model's "pool" training rows).

The pool is every stance example the pipeline built (twelfth session) from the PolNeAR ``train``
articles that are not in the article corpus. The project's annotators labelled those examples by
hand, as ANNOTATION.md rules 8-10 define stance: ``hostile``, ``conciliatory``, ``neutral`` or
``not-a-party`` (``data/quote_stance/pool/``, data card ``README.md`` there). Each line names its
example by integer keys (record, slice, target and speaker offsets) and holds the label(s), never
text; :func:`load_pool` rebuilds the examples from the PolNeAR file given at run time and refuses
a file whose sha256 differs from the one the labels were written against.

No shipped model trains on them yet: fitted into the quote model as extra training rows they
did not beat noise (see the data card), so ``stance train quote-stance`` does not read them.
:func:`load_pool` gives the stance-labelled examples (``not-a-party`` lines left out) for such
experiments.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from stance.stance_model.features import LABELS, StanceExample

#: The unlabelled articles' corpus file: (corpus, split) under the data directory.
SOURCE = ("polnear", "train")
#: The examples' ``corpus`` tag (``"quote"``: the quote model scores them itself, as the pipeline's).
EXAMPLE_CORPUS = "quote"
#: Where the labels live in the repository.
DEFAULT_POOL = Path(__file__).resolve().parent.parent.parent / "data" / "quote_stance" / "pool"
LABELS_FILE = "labels.jsonl"
META_FILE = "pool.json"
NOT_A_PARTY = "not-a-party"
#: Every label a pool line may carry.
POOL_LABELS = (*LABELS, NOT_A_PARTY)
FORMAT = 1


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


def examples_from_keys(keys: Any, texts: Sequence[str]) -> list[StanceExample]:
    """Rebuild the examples the 7-integer keys name (:func:`row_key`) from the source texts."""
    from stance.training.pseudo import example_from_key

    return [example_from_key(texts[ri][a:b], ts, te, ss, se, EXAMPLE_CORPUS) for ri, a, b, ts, te, ss, se in keys.tolist()]


def final_label(row: Mapping[str, Any]) -> str:
    """The label a pool line settles on: the adjudicated one when annotators disagreed, else the
    first annotator's."""
    return str(row.get("adjudicated") or row["label"])


def read_pool_rows(pool_dir: str | os.PathLike[str] | None = None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """``(rows, meta)`` of a pool directory (default :data:`DEFAULT_POOL`).

    Raises ``FileNotFoundError`` naming the missing file, ``ValueError`` for a wrong format or
    an unknown label (with its line number)."""
    d = Path(pool_dir) if pool_dir is not None else DEFAULT_POOL
    meta_path, rows_path = d / META_FILE, d / LABELS_FILE
    for p in (meta_path, rows_path):
        if not p.is_file():
            raise FileNotFoundError(f"no {p.name} in {d}: not a pool directory")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT:
        raise ValueError(f"{meta_path}: format {meta.get('format')!r}, expected {FORMAT}")
    rows = []
    with open(rows_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            r = json.loads(line)
            for k in ("label", "label_2", "adjudicated"):
                if r.get(k) is not None and r[k] not in POOL_LABELS:
                    raise ValueError(f"{rows_path}:{n}: unknown {k} {r[k]!r} (expected one of {list(POOL_LABELS)})")
            rows.append(r)
    return rows, meta


def write_pool(pool_dir: str | os.PathLike[str], rows: Iterable[Mapping[str, Any]], meta: Mapping[str, Any]) -> Path:
    """Write ``rows`` (one JSON line each, keys sorted) and ``meta`` (with this module's format and
    the row count) to ``pool_dir``; return the labels file's path."""
    d = Path(pool_dir)
    d.mkdir(parents=True, exist_ok=True)
    rows = list(rows)
    (d / META_FILE).write_text(json.dumps(dict(meta, format=FORMAT, n=len(rows)), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    p = d / LABELS_FILE
    p.write_text("".join(json.dumps(dict(r), sort_keys=True) + "\n" for r in rows), encoding="utf-8")
    return p


def row_key(row: Mapping[str, Any]) -> tuple[int, int, int, int, int, int, int]:
    """The 7-integer key of a pool line (record, slice, target, speaker; -1 for no speaker)."""
    a, b = row["slice"]
    ts, te = row["target"]
    ss, se = row.get("source") or (-1, -1)
    return int(row["record"]), int(a), int(b), int(ts), int(te), int(ss), int(se)


def load_pool(data_dir: str | os.PathLike[str], pool_dir: str | os.PathLike[str] | None = None) -> tuple[list[StanceExample], list[str], list[str]]:
    """``(examples, labels, group ids)`` of the pool's stance-labelled lines (``not-a-party`` left
    out), rebuilt from the PolNeAR file under ``data_dir``; one group per article (``pool:<id>``).

    Raises ``ValueError`` when the PolNeAR file's sha256 is not the one the labels were written
    against, or a line's article id does not match its record."""
    import numpy as np

    rows, meta = read_pool_rows(pool_dir)
    ids, texts, fp = read_source(data_dir)
    if meta["source"]["sha256"] != fp["sha256"]:
        raise ValueError(f"pool labels were written against {meta['source']['file']} with sha256 {meta['source']['sha256'][:12]}…, "
                         f"but {fp['file']} under {data_dir} has {fp['sha256'][:12]}…")
    keep = [r for r in rows if final_label(r) != NOT_A_PARTY]
    for r in keep:
        if not 0 <= int(r["record"]) < len(ids) or ids[int(r["record"])] != r["article"]:
            raise ValueError(f"pool line for article {r['article']!r} names record {r['record']}, which is another article")
    keys = np.asarray([row_key(r) for r in keep], dtype=np.int64).reshape(-1, 7)
    return examples_from_keys(keys, texts), [final_label(r) for r in keep], [f"pool:{r['article']}" for r in keep]


def item_keys(pool_dir: str | os.PathLike[str] | None = None) -> Any:
    """``(n, 7)`` int64 keys of the pool's items in item order (row ``n`` is item ``n``; the
    sheets' and the annotators' item numbers). Raises ``ValueError`` when the items are not
    numbered 0 .. n-1."""
    import numpy as np

    rows, _ = read_pool_rows(pool_dir)
    items = sorted(rows, key=lambda r: int(r["item"]))
    if [int(r["item"]) for r in items] != list(range(len(items))):
        raise ValueError("pool items are not numbered 0 .. n-1")
    return np.asarray([row_key(r) for r in items], dtype=np.int64).reshape(-1, 7)
