"""Train the target-dependent stance classifier and save it as a versioned artifact.

One model is fitted on NewsMTSC ``train`` (reader-perceived sentiment toward a target, no source)
and directed_sentiment ``train`` (a source actor's stance toward a target) together; the
classifier's domain-tagged features let it learn what the two share and where they differ.
Classes are re-weighted within each corpus. The dev splits (NewsMTSC ``dev_rw``/``dev_mt``,
directed_sentiment ``dev``, PLOVER ``dev``) are scored and written into the manifest; they are
never fitted on. Fitting is deterministic: the same files and seed give the same model.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from stance.training.progress import Progress

#: The stance model's hyper-parameters are the estimator's defaults
#: (:class:`stance.stance_model.estimator.TargetStanceClassifier`), which are the shipped model's;
#: ``params`` of :func:`train_stance` override them (``"net"``: the network's training parameters,
#: see :data:`stance.training.net.DEFAULT_NET_PARAMS`). The whole-sentence unigrams/bigrams, the
#: dense block of pooled static vectors and a blend of the two heads for examples with a source
#: were tried and left out (they are no longer computed): without the n-grams the linear model
#: alone scored NewsMTSC dev_rw / dev_mt / directed_sentiment dev 0.7273 / 0.6860 / 0.7673
#: against 0.7254 / 0.6821 / 0.7651 with them, and featurised ~2x faster; the dense block (3.0,
#: nosrc head, weight 6, window 6: 0.7303 / 0.6952 / 0.7651) gave way to the network over the
#: same vectors in 4.0.

#: 2.1: the artifact also holds ``inference.npz`` (numpy export, see :mod:`stance.stance_model.inference`).
#: 2.2: also trained on the contextual model's labels of unlabelled training-corpus text.
#: 3.0: a dense block (static word-piece vectors pooled around the target, folded into a per-piece
#: table); a major version, as a 2.x reader would ignore the block and score wrongly.
#: 4.0: a target-aware network over the static vectors (stance.stance_model.target_net) blended into the linear
#: heads; the dense block is off. A 3.x reader would ignore the network.
#: 4.1: trained without the article corpus's dev/test texts (teacher pool and labels).
#: 4.2: the static vectors' piece counts leave out the same texts (stance.training.vectors).
VERSION = "4.2.0"

TRAIN_FILES = (("newsmtsc", "train"), ("directed_sentiment", "train"))
DEV_FILES = (("newsmtsc", "dev_rw"), ("newsmtsc", "dev_mt"), ("directed_sentiment", "dev"), ("plover_gsr", "dev"))


def read_train_files(data: Path, say: Any) -> list[tuple[str, list[Any], list[str], dict[str, Any]]]:
    """``(corpus, examples, labels, fingerprint)`` for each of :data:`TRAIN_FILES` under ``data``
    (a missing file raises ``FileNotFoundError``)."""
    from stance.artifacts import file_fingerprint
    from stance.corpora.sentences import corpus_file, load_examples

    out = []
    for corpus, split in TRAIN_FILES:
        path = corpus_file(data, corpus, split)
        xs, ys, _ = load_examples(path, corpus=corpus)
        out.append((corpus, xs, ys, file_fingerprint(path, n_examples=len(xs))))
        say(f"read {corpus}/{split}: {len(xs)} examples")
    return out


def score_dev_splits(
    model: Any, data: Path, say: Any, *, throughput: bool = False
) -> tuple[dict[str, Any], list[dict[str, Any]], list[Any]]:
    """Score a fitted stance model on each of :data:`DEV_FILES` found under ``data``.

    Returns ``(metrics by "corpus/split", the dev files' fingerprints, all dev examples)``;
    ``throughput`` adds each split's targets per second to its metrics."""
    from stance.artifacts import file_fingerprint
    from stance.corpora.sentences import corpus_file, load_examples
    from stance.evaluation.stance import evaluate_model

    metrics: dict[str, Any] = {}
    prints: list[dict[str, Any]] = []
    examples: list[Any] = []
    for corpus, split in DEV_FILES:
        try:
            path = corpus_file(data, corpus, split)
        except FileNotFoundError:
            say(f"skip {corpus}/{split}: not found")
            continue
        xs, ys, _ = load_examples(path, corpus=corpus)
        examples += xs
        r = evaluate_model(model, xs, ys)
        entry = {
            "n": r["n"],
            "accuracy": round(r["accuracy"], 4),
            "macro_f1": round(r["macro_f1"], 4),
            "per_class_f1": {c: round(v["f1"], 4) for c, v in r["per_class"].items()},
        }
        if r["polar"]["accuracy"] is not None:
            entry["polar_accuracy"] = round(r["polar"]["accuracy"], 4)
            entry["polar_direction_accuracy"] = round(r["polar"]["direction_accuracy"], 4)
        if throughput:
            entry["targets_per_second"] = round(r["targets_per_second"], 1)
        metrics[f"{corpus}/{split}"] = entry
        prints.append(dict(file_fingerprint(path, n_examples=len(xs)), role="dev"))
        say(f"dev {corpus}/{split}: macro-F1 {r['macro_f1']:.4f}, accuracy {r['accuracy']:.4f} (n={r['n']})")
    return metrics, prints, examples


def train_stance(
    data_dir: str | os.PathLike[str],
    out_dir: str | os.PathLike[str] | None = None,
    seed: int = 0,
    progress: bool = True,
    params: dict[str, Any] | None = None,
    pseudo_labels: str | os.PathLike[str] | None | bool = None,
    vectors: str | os.PathLike[str] | None | bool = None,
    net: bool = True,
) -> dict[str, Any]:
    """Fit on the training corpora under ``data_dir``, score the dev splits, save to ``out_dir``.

    Returns the written manifest. ``out_dir`` defaults to ``<default_models_dir()>/stance``.
    ``pseudo_labels``: a labels file written by ``stance distill`` (teacher-labelled examples,
    rebuilt from the corpus files under ``data_dir``; each counts with its argmax label, weighted by
    the teacher's probability); ``None`` uses ``data/distill/stance_pseudo_labels.npz`` when it
    exists, ``False`` trains on the gold corpora alone.
    ``params``: overrides of the estimator's defaults (the shipped parameters) and ``"net"``, the
    network's training parameters.
    ``vectors``: a static word-piece vector table written by ``stance train vectors``, the
    network's word rows; ``None`` uses ``data/vectors/static_vectors.npz`` when it exists, ``False``
    trains without the network.
    ``net``: train the target-aware network (:mod:`stance.training.net`, needs PyTorch: the
    ``contextual`` extra) on the NewsMTSC training examples and the teacher-labelled ones, and blend
    it into the heads (``params["net_blend"]``); ``False`` or no vectors: the linear heads alone.
    """
    import json

    from stance.artifacts import artifact_dir, file_fingerprint, save_artifact
    from stance.stance_model.classifier import LABELS, TargetStanceClassifier
    from stance.loader import STANCE_ARTIFACTS
    from stance.training.export import build_inference

    say = Progress(progress)
    data = Path(data_dir)
    out = artifact_dir(out_dir, "stance")
    hp = dict(params or {})

    X: list[Any] = []
    y: list[str] = []
    fingerprints = []
    corpora: list[str] = []
    for corpus, xs, ys, fp in read_train_files(data, say):
        X += xs
        y += ys
        corpora += [corpus] * len(xs)
        fingerprints.append(fp)

    import numpy as np

    weights = [1.0] * len(X)
    gold_net = ([x for x, c in zip(X, corpora) if c == "newsmtsc"], [v for v, c in zip(y, corpora) if c == "newsmtsc"])
    soft_net: tuple[list[Any], Any] = ([], np.zeros((0, len(LABELS))))
    if pseudo_labels is None:
        from stance.training.distill import DEFAULT_LABELS

        pseudo_labels = DEFAULT_LABELS if DEFAULT_LABELS.is_file() else False
    if pseudo_labels is not False:
        from stance.training.pseudo import load_labelled

        xs, probs, meta = load_labelled(pseudo_labels, data)  # type: ignore[arg-type]
        X += xs
        y += [LABELS[i] for i in probs.argmax(1)]
        weights += probs.max(1).tolist()
        soft_net = (xs, probs)
        fingerprints.append(dict(file_fingerprint(pseudo_labels, n_examples=len(xs)), corpus="pseudo", teacher=meta["teacher"],
                                 held_out_rows=meta["held_out_rows"]))
        say(f"read {pseudo_labels}: {len(xs)} teacher-labelled examples ({meta['teacher']['name']} {meta['teacher']['version']}; "
            f"{meta['held_out_rows']} of the article corpus's dev/test articles left out)")

    vec = None
    if vectors is None:
        from stance.training.vectors import DEFAULT_VECTORS_FILE

        vectors = DEFAULT_VECTORS_FILE if DEFAULT_VECTORS_FILE.is_file() else False
    if vectors is not False:
        from stance.stance_model.static_vectors import StaticVectors

        vec = StaticVectors.load(vectors)  # type: ignore[arg-type]
        fingerprints.append(dict(file_fingerprint(vectors, n_examples=len(vec.pieces)), corpus="vectors",
                                 role="features", base=vec.meta.get("base"), dim=vec.dim))
        say(f"read {vectors}: {vec!r}")
    from stance.training.net import DEFAULT_NET_PARAMS

    net_params = dict(DEFAULT_NET_PARAMS, seed=seed)
    net_params.update(hp.pop("net", None) or {})
    trained_net, net_s = None, 0.0
    if net and vec is not None:
        from stance.training.net import train_net

        t0 = time.perf_counter()
        trained_net = train_net(gold_net[0], gold_net[1], soft_net[0], soft_net[1], vec, net_params, say=say)
        net_s = time.perf_counter() - t0
        say(f"network trained in {net_s:.1f}s: {trained_net!r}")
    if trained_net is None:
        hp["net_blend"], hp["blend_bias"] = None, None
    model = TargetStanceClassifier(random_state=seed, verbose=progress, net=trained_net, **hp)
    hp = {k: v for k, v in model.get_params().items() if k not in ("net", "lexicon", "random_state", "verbose")}
    if hp["head_corpora"] is None:
        from stance.stance_model.features import DEFAULT_HEAD_CORPORA

        hp["head_corpora"] = DEFAULT_HEAD_CORPORA
    hp = json.loads(json.dumps(hp))  # plain JSON values for the manifest (tuples as lists)
    say(f"fitting on {len(X)} examples ({json.dumps(hp)})")
    t0 = time.perf_counter()
    model.fit(X, y, sample_weight=np.asarray(weights))
    fit_s = time.perf_counter() - t0
    say(f"fitted in {fit_s:.1f}s")

    metrics: dict[str, Any] = {"fit_seconds": round(fit_s, 1), "net_seconds": round(net_s, 1)}
    dev_metrics, dev_prints, dev_examples = score_dev_splits(model, data, say)
    metrics.update(dev_metrics)
    fingerprints += dev_prints
    for fp in fingerprints:
        fp.setdefault("role", "train")

    # the runtime's numpy export, checked against the estimator on the dev examples
    npz, inference = build_inference(model, dev_examples)  # stored uncompressed: ~3x faster to load than deflated
    say(f"inference.npz: {len(npz) / 1e6:.1f} MB, max |p - p_sklearn| {inference['max_abs_diff']:.3g} "
        f"on {inference['checked_inputs']} inputs")
    extra = {inference["file"]: npz}
    manifest_path = save_artifact(
        model,
        out,
        name=STANCE_ARTIFACTS["blended"][1],
        version=VERSION,
        labels=LABELS,
        training_data=fingerprints,
        metrics=metrics,
        params=dict(hp, seed=seed, estimator="stance.stance_model.classifier.TargetStanceClassifier",
                    vectors=None if vec is None else {"file": Path(vectors).name, "sha256": vec.sha256, "dim": vec.dim},
                    net=net_params if trained_net is not None else None),
        extra_files=extra,
        extra_manifest={"inference": inference},
    )
    size = (out / "model.joblib").stat().st_size
    say(f"saved {out} ({size / 1e6:.1f} MB)")
    return json.loads(manifest_path.read_text(encoding="utf-8"))
