"""Teacher-labelled examples for the linear stance model (knowledge distillation).

The linear model sees 8,739 NewsMTSC and 26,288 directed_sentiment training examples. The
contextual model (:mod:`stance.stance_model.contextual`) reads far more of the sentence, and its labels on
*unlabelled* news text teach the linear model how words around a target are read in context.

:func:`build_pool` proposes unlabelled examples from the training corpora only:

- ``sentence``: sentences of PolNeAR ``train`` articles and NewsMTSC ``train`` sentences, each with
  up to three capitalised names as targets (no source actor; NewsMTSC-style);
- ``quote``: the stance inputs the pipeline itself builds from PolNeAR ``train`` articles
  (attribution text, target, speaker mention as source; what the model sees at run time).

PolNeAR articles that are dev or test articles of the article-level corpus are left out of the
pool and dropped from a labels file when it is loaded (:func:`held_out_records`,
:func:`stance.corpora.quote_corpus.held_out_ids`), so the stance model is not trained on their text.

Each example is stored as integer *keys* (which file, which record, which character offsets), never
as text: :func:`save_labels` writes keys, the teacher's probabilities and the sha256 of every source
file to one ``.npz``; :func:`load_labelled` rebuilds the examples from the corpus files given at run
time and refuses files whose sha256 differs. Nothing of the corpora is committed.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
from pathlib import Path
from typing import Any, Iterable, Sequence

from stance.stance_model.features import StanceExample
from stance.text.lexicons import word_set

#: Source files, by index in the keys: (corpus, split).
SOURCES = (("polnear", "train"), ("newsmtsc", "train"))
KINDS = ("sentence", "quote")
FORMAT = 1

_SENT = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“A-Z])")
_NAME = re.compile(r"(?<![\w’'])[A-Z][a-zA-Z’'.\-]+(?:\s+(?:[A-Z][a-zA-Z’'.\-]+|of|de|van|bin))*")
_FUNCTION_WORDS = frozenset(
    "the a an but and in on at for if when it this that there we i he she they as after while so some many most "
    "one his her their our what why how no yes not all you mr mrs ms sen rep gov dr".split()
)


def sentence_spans(text: str, min_words: int = 8, max_words: int = 60) -> Iterable[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text`` with ``min_words``..``max_words`` words."""
    pos = 0
    for para in text.split("\n"):
        off = pos
        pos += len(para) + 1
        start = 0
        for m in list(_SENT.finditer(para)) + [None]:
            end = m.start() if m is not None else len(para)
            seg = para[start:end]
            a = start + len(seg) - len(seg.lstrip())
            b = start + len(seg.rstrip())
            if b > a and min_words <= len(para[a:b].split()) <= max_words:
                yield off + a, off + b
            if m is not None:
                start = m.end()


def name_spans(sentence: str, non_names: frozenset[str], starters: frozenset[str]) -> list[tuple[int, int]]:
    """Capitalised-name spans in a sentence (candidate targets): runs of capitalised words, without
    a trailing possessive or full stop, a leading "The", or a lone sentence-initial common word."""
    out = []
    for m in _NAME.finditer(sentence):
        a, t = m.start(), m.group(0)
        t = re.sub(r"[’']s$", "", t).rstrip(".")
        words = t.split()
        if not words or words[0] in non_names or t in non_names or words[0].lower().rstrip(".") in _FUNCTION_WORDS and len(words) == 1:
            continue
        if len(words) == 1 and (a == 0 or sentence[:a].strip() in ('"', "“")) and words[0].lower() in starters:
            continue
        if words[0] == "The" and len(words) > 1:
            a, t = a + 4, t[4:]
        out.append((a, a + len(t)))
    return out


def read_texts(data_dir: Path) -> tuple[list[list[str]], list[dict[str, Any]]]:
    from stance.artifacts import file_fingerprint
    from stance.corpora.sentences import corpus_file, read_records

    texts, prints = [], []
    for corpus, split in SOURCES:
        path = corpus_file(data_dir, corpus, split)
        recs = read_records(path)
        texts.append([str(r["text"]) for r in recs])
        prints.append(dict(file_fingerprint(path, n_examples=len(recs)), corpus=corpus))
    return texts, prints


def held_out_records(data_dir: str | os.PathLike[str]) -> frozenset[tuple[int, int]]:
    """``(source file, record)`` indices (as in the keys) of the PolNeAR ``train`` records that are
    dev or test articles of the article-level corpus (:func:`stance.corpora.quote_corpus.held_out_ids`)."""
    from stance.corpora.quote_corpus import held_out_ids
    from stance.corpora.sentences import corpus_file, read_records

    held = held_out_ids()
    out = set()
    for fi, (corpus, split) in enumerate(SOURCES):
        if corpus == "polnear":
            recs = read_records(corpus_file(Path(data_dir), corpus, split))
            out |= {(fi, ri) for ri, r in enumerate(recs) if r.get("doc_id") in held}
    return frozenset(out)


def build_pool(data_dir: str | os.PathLike[str], pipeline: Any = None, max_per_sentence: int = 3, seed: int = 0) -> tuple[Any, list[dict[str, Any]]]:
    """The unlabelled examples as a key array ``(n, 9)`` int64 and the source files' fingerprints.

    Key columns: kind, source file, record, slice start, slice end, target start, target end,
    source start, source end (offsets into the slice; source -1 when none). ``pipeline`` (a
    :class:`stance.pipeline.Pipeline`; default: the shipped one) builds the ``quote`` examples."""
    import numpy as np

    data = Path(data_dir)
    texts, prints = read_texts(data)
    held = held_out_records(data)
    non_names = word_set("non_names.txt", keep_case=True)
    starters = frozenset(w.lower() for w in word_set("sentence_starters.txt", keep_case=True))
    rng = random.Random(seed)
    keys: list[tuple[int, ...]] = []
    seen: set[tuple[str, int, int]] = set()
    # NewsMTSC: names other than the labelled targets of the sentence
    labelled: dict[str, list[tuple[int, int]]] = {}
    from stance.corpora.sentences import corpus_file, read_records

    for r in read_records(corpus_file(data, "newsmtsc", "train")):
        labelled.setdefault(str(r["text"]), []).append((int(r["target"]["start"]), int(r["target"]["end"])))
    for fi, recs in enumerate(texts):
        for ri, text in enumerate(recs):
            if (fi, ri) in held:
                continue
            spans = [(0, len(text))] if SOURCES[fi][0] == "newsmtsc" else sentence_spans(text)
            for a, b in spans:
                s = text[a:b]
                names = name_spans(s, non_names, starters)
                if SOURCES[fi][0] == "newsmtsc":
                    taken = labelled.get(text, [])
                    names = [(x, y) for x, y in names if all(y <= p or x >= q for p, q in taken)]
                rng.shuffle(names)
                for x, y in names[:max_per_sentence]:
                    k = (s, x, y)
                    if k in seen:
                        continue
                    seen.add(k)
                    keys.append((0, fi, ri, a, b, x, y, -1, -1))
    # the pipeline's own stance inputs over PolNeAR train articles
    if pipeline is None:
        import stance

        pipeline = stance.load()
    for ri, text in enumerate(texts[0]):
        if (0, ri) in held:
            continue
        keys.extend((1, 0, ri, *k) for k in pipeline_example_keys(pipeline, text, seen))
    return np.asarray(keys, dtype=np.int64).reshape(-1, 9), prints


def pipeline_example_keys(pipeline: Any, text: str, seen: set[tuple[str, int, int]]) -> list[tuple[int, ...]]:
    """The keys of the pipeline's stance examples in one article ``text``: slice start, slice end
    (the example's text in the article), target start, target end, source start, source end
    (offsets into the slice; source -1 when none). Examples whose text cannot be found in the
    article, and those already in ``seen`` (which this adds to), are left out."""
    view, pendings = pipeline.annotator.prepare(pipeline.make_doc(text))
    out: list[tuple[int, ...]] = []
    for p in pendings:
        for ex in p.examples:
            c0 = view.text.find(ex.text)
            k = (ex.text, ex.target_start, ex.target_end)
            if c0 < 0 or k in seen:
                continue
            seen.add(k)
            ss = -1 if ex.source_start is None else ex.source_start
            se = -1 if ex.source_end is None else ex.source_end
            out.append((c0, c0 + len(ex.text), ex.target_start, ex.target_end, ss, se))
    return out


def examples_from_keys(keys: Any, texts: Sequence[Sequence[str]]) -> list[StanceExample]:
    """Rebuild the examples the keys name from the source texts."""
    out = []
    for kind, fi, ri, a, b, ts, te, ss, se in keys.tolist():
        s = texts[fi][ri][a:b]
        out.append(example_from_key(s, ts, te, ss, se, "pseudo_" + KINDS[kind]))
    return out


def example_from_key(s: str, ts: int, te: int, ss: int, se: int, corpus: str) -> StanceExample:
    """The example a stored key names on its sentence ``s``: target span ``[ts, te)`` and speaker
    span ``[ss, se)`` (``ss`` < 0: no speaker span, the example's default)."""
    if ss >= 0:
        return StanceExample(s, ts, te, ss, se, corpus=corpus)
    return StanceExample(s, ts, te, corpus=corpus)


def save_labels(path: str | os.PathLike[str], keys: Any, probs: Any, sources: list[dict[str, Any]], teacher: dict[str, Any]) -> Path:
    """Write keys, the teacher's probabilities (float16) and the provenance to ``path`` (atomically)."""
    meta = {"format": FORMAT, "sources": sources, "teacher": teacher, "n": int(len(keys)),
            "kinds": list(KINDS), "labels": ["hostile", "neutral", "conciliatory"]}
    return write_label_file(path, keys, probs, meta)


def write_label_file(path: str | os.PathLike[str], keys: Any, probs: Any, meta: dict[str, Any]) -> Path:
    """Write a teacher-labels file atomically: integer ``keys`` (int32), the teacher's ``probs``
    (float16) and ``meta`` as JSON, in one compressed npz (no text of any corpus)."""
    import numpy as np

    buf = io.BytesIO()
    np.savez_compressed(buf, keys=np.asarray(keys, dtype=np.int32), probs=np.asarray(probs, dtype=np.float16),
                        meta=np.frombuffer(json.dumps(meta, sort_keys=True).encode(), dtype=np.uint8))
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_suffix(".tmp")
    tmp.write_bytes(buf.getvalue())
    os.replace(tmp, p)
    return p


def load_labelled(path: str | os.PathLike[str], data_dir: str | os.PathLike[str]) -> tuple[list[StanceExample], Any, dict[str, Any]]:
    """``(examples, probs, meta)`` from a labels file and the corpus files it was built from,
    without the rows of :func:`held_out_records` (their number in ``meta["held_out_rows"]``).

    Raises ``ValueError`` naming the file when a source file's sha256 differs from the one recorded."""
    import numpy as np

    with np.load(path, allow_pickle=False) as z:
        keys, probs = z["keys"].astype(np.int64), z["probs"].astype(np.float64)
        meta = json.loads(bytes(z["meta"]).decode())
    if meta.get("format") != FORMAT:
        raise ValueError(f"{path}: format {meta.get('format')!r}, expected {FORMAT}")
    texts, prints = read_texts(Path(data_dir))
    for want, have in zip(meta["sources"], prints):
        if want["sha256"] != have["sha256"]:
            raise ValueError(f"{path}: built from {want['corpus']} with sha256 {want['sha256'][:12]}…, "
                             f"but {have['file']} has {have['sha256'][:12]}…; relabel with `stance distill`")
    held = held_out_records(data_dir)
    keep = np.asarray([(int(k[1]), int(k[2])) not in held for k in keys], dtype=bool) if len(keys) else np.ones(0, dtype=bool)
    meta = dict(meta, held_out_rows=int((~keep).sum()))
    return examples_from_keys(keys[keep], texts), probs[keep], meta

