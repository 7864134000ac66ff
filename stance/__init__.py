"""stance: who said what, on whose behalf, and how each speaker stands toward the parties named.

Quick start::

    import stance
    nlp = stance.load()                 # blank English + stance's rules and shipped models
    analysis = nlp(text, id="a1")
    for q in analysis.quotes:
        print(q.speaker.name, q.quote.text, [(s.target, s.label) for s in q.stances])

Heavy modules (spaCy, scikit-learn, datasets) are imported lazily, so ``import stance`` is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from stance.version import __version__
from stance.types import Analysis, Quote, Span, Speaker, Stance  # noqa: E402  (light, no heavy deps)

if TYPE_CHECKING:  # pragma: no cover
    from stance.pipeline import Pipeline


def load(spacy_model: Any = None, models_dir: Any = None, **kwargs: Any) -> "Pipeline":
    """Build a :class:`~stance.pipeline.Pipeline`.

    Args:
        spacy_model: ``None`` for spaCy's blank English (no download needed), or the name or path
            of an installed trained spaCy pipeline, whose sentence boundaries and entities the
            rules then use.
        models_dir: the models directory holding the artifacts (``speaker_ranker/``,
            ``quote_stance/``, ...); defaults to ``$STANCE_MODELS_DIR`` or the ``models/`` directory
            shipped with the project. One that does not exist raises
            :class:`~stance.artifacts.ArtifactError` when any model is used.
        **kwargs: the options of :class:`~stance.pipeline.Pipeline` (:mod:`stance.defaults`).
    """
    from stance.pipeline import Pipeline

    return Pipeline(spacy_model=spacy_model, models_dir=models_dir, **kwargs)


def __getattr__(name: str) -> Any:
    if name == "Pipeline":
        from stance.pipeline import Pipeline

        return Pipeline
    if name == "network":  # the stance.network package, callable as stance.network(analyses, ...)
        import importlib

        return importlib.import_module(".network", __name__)
    if name == "render_html":
        from stance.render import render_html

        return render_html
    raise AttributeError(f"module 'stance' has no attribute {name!r}")


__all__ = ["Analysis", "Pipeline", "Quote", "Span", "Speaker", "Stance", "load", "network", "render_html", "__version__"]
