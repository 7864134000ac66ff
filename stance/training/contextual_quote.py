"""``stance train contextual-quote``: the contextual stance model fine-tuned further on the article corpus.

The shipped contextual model (:mod:`stance.training.contextual`, fine-tuned on the proxy corpora
NewsMTSC and directed_sentiment) is fine-tuned again on the corpus's train split: the stance
examples the pipeline builds from the train articles whose proposed party names a gold party, with
its gold label (:func:`stance.training.quote_examples.labelled_examples`, the examples ``stance
train quote-stance`` fits on). The corpus's dev examples are scored and written into the manifest,
never fitted on; the test split is never read. The artifact (``models/contextual_quote``,
``stance-contextual-quote``) is an opt-in stance model (``stance_model="contextual-quote"``).
Needs the ``[contextual]`` extra.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

#: Hyper-parameters of the shipped model (a modest fine-tuning from the contextual model's weights:
#: few epochs, a low learning rate; the two lowest layers frozen to halve the cost on two shared cores).
DEFAULT_PARAMS: dict[str, Any] = {
    "epochs": 2,
    "lr": 3e-5,
    "batch_size": 16,
    "max_length": 160,
    "weight_decay": 0.01,
    "balance": True,
    "frozen_layers": 2,
    "class_bias": None,
}
VERSION = "1.0.0"
NAME = "stance-contextual-quote"
#: The model it starts from (a stance model name of :data:`stance.loader.STANCE_ARTIFACTS`).
INIT_MODEL = "contextual"


def corpus_examples(data_dir: str | os.PathLike[str], models_dir: str | os.PathLike[str] | None = None,
                    splits: tuple[str, ...] = ("train", "dev")) -> dict[str, tuple[list[Any], list[str], list[str]]]:
    """``{split: (examples, labels, article ids)}``: the pipeline's stance examples of the corpus
    articles matched to gold parties (the quote model's training examples)."""
    from stance.artifacts import default_models_dir
    from stance.corpora.quote_corpus import load_quote_corpus
    from stance.pipeline import Pipeline
    from stance.training.quote_examples import labelled_examples

    pipeline = Pipeline(models_dir=models_dir if models_dir is not None else default_models_dir(), stance_model="blended")
    return {s: labelled_examples(load_quote_corpus(s, data_dir), pipeline) for s in splits}


def train_contextual_quote(
    data_dir: str | os.PathLike[str],
    out_dir: str | os.PathLike[str] | None = None,
    seed: int = 0,
    progress: bool = True,
    params: dict[str, Any] | None = None,
    models_dir: str | os.PathLike[str] | None = None,
) -> dict[str, Any]:
    """Fine-tune the contextual model of ``models_dir`` (default: the shipped models) on the corpus's
    train examples, score dev, save to ``out_dir`` (default ``<models dir>/contextual_quote``);
    return the written manifest."""
    from stance.artifacts import artifact_dir, default_models_dir
    from stance.loader import STANCE_ARTIFACTS, load_stance_model
    from stance.stance_model.contextual import ContextualStanceClassifier
    from stance.training.progress import Progress

    say = Progress(progress, "train contextual-quote")
    models = Path(models_dir) if models_dir is not None else default_models_dir()
    out = artifact_dir(out_dir, STANCE_ARTIFACTS["contextual-quote"][0], models)
    hp = dict(DEFAULT_PARAMS)
    hp.update(params or {})
    data = corpus_examples(data_dir, models)
    X, y, _ = data["train"]
    say(f"train: {len(X)} labelled (quotation, party) examples; dev: {len(data['dev'][0])}")
    init = load_stance_model(models, kind=INIT_MODEL)
    model = ContextualStanceClassifier(random_state=seed, verbose=progress, **hp)
    t0 = time.perf_counter()
    model.fit(X, y, init_from=init)
    fit_s = time.perf_counter() - t0
    say(f"fitted in {fit_s:.0f}s")
    return save_contextual_quote(model, data_dir, out, models, len(X), fit_s, data["dev"], seed=seed, progress=progress)


def save_contextual_quote(
    model: Any,
    data_dir: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    models_dir: str | os.PathLike[str],
    n_train: int,
    fit_seconds: float,
    dev: tuple[list[Any], list[str], list[str]],
    *,
    seed: int = 0,
    progress: bool = True,
    extra_metrics: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Score a fitted model on the dev examples ``dev`` and save it with its manifest (the corpus
    files' fingerprints, the model it started from, the base encoder's package version)."""
    import json

    from stance.artifacts import file_fingerprint, read_manifest, save_artifact
    from stance.corpora.quote_corpus import DEFAULT_ARTICLES, SOURCES
    from stance.loader import STANCE_ARTIFACTS
    from stance.stance_model.contextual import BASE_PACKAGE, base_package_version
    from stance.stance_model.features import LABELS
    from stance.training.quote_stance import example_metrics
    from stance.training.progress import Progress

    say = Progress(progress, "train contextual-quote")
    out = Path(out_dir)
    Xd, yd, _ = dev
    metrics: dict[str, Any] = {"fit_seconds": round(fit_seconds, 1), "train_examples": n_train,
                               "dev_examples": example_metrics(model, Xd, yd)}
    metrics.update(extra_metrics or {})
    say(f"dev examples: {metrics['dev_examples']}")
    prints = []
    for source in SOURCES:
        for split in ("train", "dev"):
            prints.append(dict(file_fingerprint(DEFAULT_ARTICLES / source / f"{split}.jsonl"),
                               corpus=f"quote_stance/articles/{source}", role=split))
    init = read_manifest(Path(models_dir) / STANCE_ARTIFACTS[INIT_MODEL][0])
    hp = {k: v for k, v in model.get_params().items() if k not in ("random_state", "threads", "verbose")}
    import torch
    import transformers

    manifest_path = save_artifact(
        model, out, name=NAME, version=VERSION, labels=LABELS, training_data=prints, metrics=metrics,
        params=dict(hp, seed=seed, examples="the pipeline's stance examples of the train articles matched to gold parties",
                    estimator="stance.stance_model.contextual.ContextualStanceClassifier"),
        extra_manifest={"base_model": {"package": BASE_PACKAGE, "version": base_package_version(),
                                       "torch": torch.__version__, "transformers": transformers.__version__},
                        "init": {"name": init["name"], "version": init["version"], "sha256": init.get("sha256")}},
    )
    say(f"saved {out} ({(out / 'model.joblib').stat().st_size / 1e6:.1f} MB)")
    return json.loads(manifest_path.read_text(encoding="utf-8"))
