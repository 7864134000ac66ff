"""Export a trained estimator to the numpy scorer the runtime reads (``inference.npz``), verified
against the estimator: :func:`build_inference` at training time, :func:`export_inference` for an
existing artifact (``stance artifacts export``)."""

from __future__ import annotations

import datetime as _dt
import hashlib
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np

from stance.artifacts.npz import INFERENCE_FILE, INFERENCE_FORMAT, MAX_ABS_DIFF, max_abs_diff, write_npz
from stance.artifacts.store import ArtifactError, load_artifact, read_manifest, write_atomic, write_manifest
from stance.loader import RANKER_ARTIFACT, STANCE_ARTIFACTS, scorer_from_npz
from stance.parties.tree_scorer import TreeEnsembleScorer
from stance.speakers.ranker import LinearRanker
from stance.stance_model.inference import LinearStanceScorer
from stance.stance_model.quote_scorer import QuoteStanceScorer


def scorer_for(model: Any) -> Any:
    """The light scorer equivalent to a fitted estimator (ranker pipeline or stance classifier)."""
    if hasattr(model, "steps"):
        return LinearRanker.from_estimator(model)
    if hasattr(model, "to_scorer"):
        return model.to_scorer()
    if hasattr(model, "heads_") and hasattr(model, "vocabulary_"):
        return LinearStanceScorer.from_estimator(model)
    raise TypeError(f"no light scorer for {type(model).__name__}")


def default_check_inputs(scorer: Any, n: int = 400, seed: int = 0) -> list[Any]:
    """Synthetic inputs that exercise much of a scorer's vocabulary (deterministic).

    Ranker and tree ensemble: feature dicts made of random vocabulary entries (``name=value`` split back into a
    string feature, the rest with random numeric values) plus unknown features. Stance: sentences
    of random vocabulary words with a random target and, for half of them, a source span, plus a
    few hand-written sentences."""
    rng = np.random.default_rng(seed)
    if isinstance(scorer, (LinearRanker, TreeEnsembleScorer)):
        names = list(scorer.vocabulary_)
        out: list[Any] = []
        for i in range(n):
            d: dict[str, Any] = {}
            for j in rng.choice(len(names), size=min(len(names), int(rng.integers(1, 30))), replace=False):
                name = names[int(j)]
                key, s, val = name.partition(scorer.separator)
                if s and i % 3:
                    d.setdefault(key, val)
                else:
                    d[name] = float(rng.choice([0.0, 1.0, float(rng.normal()), float(rng.uniform(0, 5))]))
            if i % 5 == 0:
                d["no such feature"] = 1.0
                d["cue"] = "no such cue"
            out.append(d)
        return out
    if isinstance(scorer, (LinearStanceScorer, QuoteStanceScorer)):
        from stance.stance_model.features import StanceExample

        prefix = "lex:u:" if isinstance(scorer, QuoteStanceScorer) else "u:"
        words = [f[len(prefix):] for f in scorer.vocabulary_ if f.startswith(prefix) and f[len(prefix):] not in ("<t>", "<s>")]
        words += list(scorer.lexicon_)[:500]
        out = [
            StanceExample("The senator accused Halvorsen of lying to voters.", 20, 29, 0, 11),
            StanceExample("Ministers praised Castellano for her courage and leadership.", 18, 28, 0, 9),
            StanceExample('Brandt called Ivanova "a dangerous liar" on Monday.', 14, 21, 0, 6),
            StanceExample("Nakamura thanked Ferreira for his generous help.", 17, 25),
            StanceExample("Delacroix condemned Whitfield for the raid.", 0, 9, 20, 29),
            StanceExample("Whitfield, who did not attack anyone, met the press.", 0, 9),
            StanceExample("", 0, 0),
        ]
        if not words:
            return out
        for i in range(n):
            toks = [words[int(j)] for j in rng.integers(0, len(words), size=int(rng.integers(3, 45)))]
            text = " ".join(toks)
            starts = np.cumsum([0] + [len(t) + 1 for t in toks])
            ti = int(rng.integers(0, len(toks)))
            ts, te = int(starts[ti]), int(starts[ti] + len(toks[ti]))
            if i % 2 and len(toks) > 1:
                si = int((ti + rng.integers(1, len(toks))) % len(toks))
                out.append(StanceExample(text, ts, te, int(starts[si]), int(starts[si] + len(toks[si]))))
            else:
                out.append(StanceExample(text, ts, te))
        return out
    raise TypeError(f"unknown scorer {type(scorer).__name__}")


def build_inference(model: Any, examples: Sequence[Any] | None = None, *, compress: bool = False) -> tuple[bytes, dict[str, Any]]:
    """Export ``model`` to npz bytes and verify them; return ``(npz_bytes, info)``.

    The scorer is rebuilt *from the bytes* and compared with ``model.predict_proba`` on
    :func:`default_check_inputs` plus ``examples`` (e.g. the dev split at training time). Raises
    ``ValueError`` when classes differ or any probability differs by :data:`MAX_ABS_DIFF` or more.
    ``info`` (for the manifest) names the file, kind and format and records the check.

    The npz is stored uncompressed by default: decompressing the stance model's ~7 MB of
    arrays (the float32 weights compress 2.7x) costs ~50 ms at every load; stored, the file is
    ~14 MB and loads in ~20 ms."""
    exported = scorer_for(model)
    arrays, meta = exported.to_arrays()
    data = write_npz(arrays, meta, compress=compress)
    scorer = scorer_from_npz(data, expected_kind=exported.kind)
    if getattr(scorer, "needs_base", False):
        scorer.with_base(exported.base)  # a stacked model's base is an artifact of its own
    if [str(c) for c in scorer.classes_] != [str(c) for c in model.classes_]:
        raise ValueError(f"classes differ: {list(scorer.classes_)} vs {list(model.classes_)}")
    inputs = default_check_inputs(scorer) + list(examples or [])
    diff = max_abs_diff(scorer.predict_proba(inputs), model.predict_proba(inputs))
    if not diff < MAX_ABS_DIFF:
        raise ValueError(f"the exported scorer differs from the estimator by {diff:.3g} (limit {MAX_ABS_DIFF:g})")
    info = {
        "file": INFERENCE_FILE,
        "kind": exported.kind,
        "format": INFERENCE_FORMAT,
        "numpy": np.__version__,
        "checked_inputs": len(inputs),
        "max_abs_diff": diff,
    }
    return data, info


def _bump_minor(version: str) -> str:
    parts = str(version).split(".")
    try:
        major, minor = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
    except ValueError:
        raise ArtifactError(f"version {version!r} is not a semantic version") from None
    return f"{major}.{minor + 1}.0"


def export_inference(
    artifact_dir: str | os.PathLike[str],
    *,
    examples: Iterable[Any] | None = None,
    version: str | None = None,
    compress: bool = True,
) -> dict[str, Any]:
    """Add (or refresh) ``inference.npz`` in an existing artifact, without retraining (``compress``:
    deflate the npz, smaller on disk for a few tens of milliseconds more at load).

    The estimator is loaded from ``model.joblib`` (all checks of :func:`load_artifact`), exported
    and verified by :func:`build_inference` (on its synthetic inputs plus
    ``examples``), and the npz and the updated manifest are written atomically; ``model.joblib``,
    the metrics, training data and parameters are left as they are. ``version`` defaults to the
    next minor version when the artifact had no inference file yet (a new file format), else to the
    current one. Returns the new manifest."""
    d = Path(artifact_dir)
    model, manifest = load_artifact(d)
    data, info = build_inference(model, list(examples or []), compress=compress)
    if version is None:
        version = manifest["version"] if manifest.get("inference") else _bump_minor(manifest["version"])
    fname = info["file"]
    info["exported"] = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
    write_atomic(d / fname, data)
    manifest = dict(manifest)
    manifest["version"] = version
    manifest["extra_files"] = dict(manifest.get("extra_files") or {}, **{fname: hashlib.sha256(data).hexdigest()})
    manifest["inference"] = info
    write_manifest(d, manifest)
    return read_manifest(d)


def dev_examples(name: str, data_dir: str) -> list[Any]:
    """The dev inputs the training scores, to verify an export on real data (CLI ``--data``)."""
    if name == STANCE_ARTIFACTS["blended"][1]:
        from stance.corpora.sentences import corpus_file, load_examples
        from stance.training.stance import DEV_FILES

        out: list[Any] = []
        for corpus, split in DEV_FILES:
            try:
                out += load_examples(corpus_file(data_dir, corpus, split), corpus=corpus)[0]
            except FileNotFoundError:
                continue
        return out
    if name == RANKER_ARTIFACT[1]:
        from stance.corpora.polnear import load_polnear
        from stance.text.view import blank_english
        from stance.training.speaker_ranker import build_examples

        return build_examples(load_polnear(data_dir, "dev"), blank_english())[0]
    return []
