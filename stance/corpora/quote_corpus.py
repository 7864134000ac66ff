"""The project's article-level quote/stance corpus (``data/quote_stance/articles/``).

Whole articles annotated in the ANNOTATION.md shape (quotations, speakers, roles, affiliations,
parties with the speaker's stance), from two sources, split by article into train / dev / test:

- ``wikinews/{split}.jsonl``: Wikinews articles (CC BY 2.5), shipped with their text;
- ``polnear/{split}.jsonl``: PolNeAR ``train`` articles, offsets only; the texts are read at run
  time from the user's PolNeAR copy under the data directory.

Each quotation also lists ``not_parties``: names the pipeline proposed as targets that the
annotators found are not parties of it. See ``data/quote_stance/articles/README.md``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable

from stance.corpora.polnear import date_of, load_polnear
from stance.io import jsonl_objects

#: The shipped corpus folder.
DEFAULT_ARTICLES = Path(__file__).resolve().parent.parent.parent / "data" / "quote_stance" / "articles"
SOURCES = ("wikinews", "polnear")
SPLITS = ("train", "dev", "test")
#: The corpus splits held out for evaluation: no shipped model is trained on their articles, even
#: through another corpus (the PolNeAR part's articles are PolNeAR ``train`` documents).
HELD_OUT_SPLITS = ("dev", "test")


def article_splits(corpus_dir: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """``{article id: split}`` of every corpus article, both sources (``splits.json``)."""
    import json

    root = Path(corpus_dir) if corpus_dir is not None else DEFAULT_ARTICLES
    return dict(json.loads((root / "splits.json").read_text(encoding="utf-8")))


def held_out_ids(corpus_dir: str | os.PathLike[str] | None = None) -> frozenset[str]:
    """The ids of the corpus articles of :data:`HELD_OUT_SPLITS` (dev and test)."""
    return frozenset(a for a, s in article_splits(corpus_dir).items() if s in HELD_OUT_SPLITS)


def drop_held_out(docs: Iterable[dict[str, Any]], corpus_dir: str | os.PathLike[str] | None = None,
                  id_key: str = "doc_id") -> tuple[list[dict[str, Any]], int]:
    """``(kept documents, number dropped)``: ``docs`` (e.g. PolNeAR ``train`` documents, id under
    ``id_key``) without the corpus's dev and test articles, so a model trained on them has not seen
    the articles its corpus figures are measured on. The one place for this rule."""
    held = held_out_ids(corpus_dir)
    docs = list(docs)
    kept = [d for d in docs if d[id_key] not in held]
    return kept, len(docs) - len(kept)


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The objects of a JSONL file (:func:`stance.io.jsonl_objects`); a bad line raises ``ValueError``."""
    out = []
    with path.open("rb") as f:
        for _, obj, err in jsonl_objects(f, str(path)):
            if err:
                raise ValueError(err)
            out.append(obj)
    return out


def _check_spans(doc: dict[str, Any], where: str) -> None:
    n = len(doc["text"])
    for q in doc["quotes"]:
        for span in (q["quote"], q.get("cue"), (q.get("speaker") or {}).get("mention")):
            if span is None:
                continue
            if not 0 <= span["start"] < span["end"] <= n:
                raise ValueError(f"{where}: span [{span['start']}, {span['end']}) outside the text of {doc['id']!r}")
            if "text" in span and doc["text"][span["start"]:span["end"]] != span["text"]:
                raise ValueError(f"{where}: span text does not match the article {doc['id']!r}")


def load_quote_corpus(split: str, data_dir: str | os.PathLike[str] | None = None, *,
                      sources: Iterable[str] = SOURCES,
                      corpus_dir: str | os.PathLike[str] | None = None) -> list[dict[str, Any]]:
    """The gold articles of ``split`` from ``sources``, each with its ``text`` and, where known, its
    publication ``date`` (Wikinews' own; PolNeAR's from its id).

    ``data_dir`` is the corpora folder holding ``polnear/`` (needed for the PolNeAR part; the
    texts are filled in from ``polnear/train.jsonl``). Span offsets are checked against the
    texts, so a different PolNeAR copy is refused rather than scored.
    """
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    root = Path(corpus_dir) if corpus_dir is not None else DEFAULT_ARTICLES
    out: list[dict[str, Any]] = []
    for source in sources:
        if source not in SOURCES:
            raise ValueError(f"source must be one of {', '.join(SOURCES)}, not {source!r}")
        path = root / source / f"{split}.jsonl"
        if not path.is_file():
            raise FileNotFoundError(f"quote corpus file not found: {path}")
        docs = _read_jsonl(path)
        if source == "polnear" and docs:
            if data_dir is None:
                raise ValueError("the PolNeAR part of the quote corpus needs --data (the folder holding polnear/)")
            texts = {d["doc_id"]: d["text"] for d in load_polnear(data_dir, "train")}
            for d in docs:
                if d["id"] not in texts:
                    raise ValueError(f"{path}: article {d['id']!r} is not in PolNeAR train under {data_dir}")
                d["text"] = texts[d["id"]]
                if not d.get("date") and date_of(d["id"]):
                    d["date"] = date_of(d["id"])  # the publication date the id encodes, for the actor lookup
        for d in docs:
            d.setdefault("source", source)
            _check_spans(d, str(path))
        out.extend(docs)
    return out
