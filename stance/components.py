"""spaCy pipeline components, usable in anyone's pipeline::

    import spacy
    nlp = spacy.blank("en")            # or spacy.load("en_core_web_sm")
    nlp.add_pipe("stance")             # registered through the spacy_factories entry point
    doc = nlp(text)
    doc._.stance                       # the Analysis
    doc.spans["stance_quotes"]         # quotation spans, labelled direct / indirect / mixed

The component takes the options of :func:`stance.load` (:mod:`stance.defaults`, except
``spacy_model``: the pipeline it is added to is the spaCy model), loads its models with the same
loader (:mod:`stance.loader`) and runs the same rules through the same batched path
(``Annotator.prepare`` per document, ``Annotator.finish`` per batch) as
:meth:`stance.pipeline.Pipeline.pipe`, so its analyses equal the pipeline's.

``nlp.to_disk(path)`` stores the component's models (the artifact directories it loaded, with
their manifests) in ``path/<component name>/``; ``spacy.load(path)`` reads them back from there,
every manifest and sha256 checked as at any load.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any, Iterable, Iterator, Union

from spacy.language import Language
from spacy.tokens import Doc

from stance.defaults import DEFAULTS, pipeline_options
from stance.loader import (CALIBRATION_ARTIFACT, PARTY_FILTER_ARTIFACT, PRONOUN_RANKER_ARTIFACT, RANKER_ARTIFACT, load_models,
                           load_party_filter, load_pronoun_ranker, stance_artifact_dirs)
from stance.pipeline import Annotator, stance_calibration

if not Doc.has_extension("stance"):
    Doc.set_extension("stance", default=None)

#: File of the component's options inside its ``to_disk`` directory.
CONFIG_FILE = "stance_component.json"
#: Folder of the component's models inside its ``to_disk`` directory.
MODELS_FOLDER = "models"


class StanceComponent:
    """Finds quotations, speakers and stances; stores an Analysis in ``doc._.stance`` and the
    spans in ``doc.spans["stance_quotes"]``, ``["stance_cues"]`` and ``["stance_speakers"]``."""

    def __init__(self, nlp: Language, name: str, *, models_dir: str | None = DEFAULTS["models_dir"],
                 ranker: bool = DEFAULTS["ranker"], stance_model: Union[bool, str] = DEFAULTS["stance_model"],
                 analytic_offset: float = DEFAULTS["analytic_offset"], timings: bool = False,
                 party_filter: bool = DEFAULTS["party_filter"], actor_lookup: bool = DEFAULTS["actor_lookup"],
                 calibration: bool = DEFAULTS["calibration"]):
        self.name = name
        self.options = pipeline_options(models_dir=models_dir, ranker=ranker, stance_model=stance_model,
                                        analytic_offset=analytic_offset, party_filter=party_filter,
                                        actor_lookup=actor_lookup, calibration=calibration)
        self.timings = bool(timings)
        self._build(self.options)

    def _build(self, options: dict[str, Any]) -> None:
        ranker, stance_model = load_models(options)
        pf = load_party_filter(options["models_dir"]) if options["party_filter"] else None
        pr = load_pronoun_ranker(options["models_dir"]) if options["ranker"] else None
        self.annotator = Annotator(ranker, stance_model, timings=self.timings, analytic_offset=options["analytic_offset"],
                                   party_filter=pf, actor_lookup=options["actor_lookup"],
                                   calibration=stance_calibration(options), pronoun_ranker=pr)

    # -- processing ------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc], batch_size=1)))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Annotate ``docs`` in batches of ``batch_size``: the stance model scores every
        (quotation, party) pair of a batch in one call, as :meth:`stance.pipeline.Pipeline.pipe`."""
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        batch: list[tuple[Doc, Any, Any]] = []
        for doc in docs:
            view, pendings = self.annotator.prepare(doc)
            batch.append((doc, view, pendings))
            if len(batch) >= batch_size:
                yield from self._finish(batch)
                batch = []
        if batch:
            yield from self._finish(batch)

    def _finish(self, batch: list[tuple[Doc, Any, Any]]) -> Iterator[Doc]:
        analyses = self.annotator.finish([(None, view, pendings) for _, view, pendings in batch])
        for (doc, _, _), analysis in zip(batch, analyses):
            yield _set_annotations(doc, analysis)

    # -- serialisation ---------------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the component's options and a copy of the model artifacts it uses to ``path``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        source = Path(self.options["models_dir"]) if self.options["models_dir"] else _default_models_dir()
        models = path / MODELS_FOLDER
        if models.exists():
            shutil.rmtree(models)
        models.mkdir()
        for sub in _artifact_dirs(self.options):
            if (source / sub).exists():
                shutil.copytree(source / sub, models / sub)
        saved = {k: v for k, v in self.options.items() if k not in ("models_dir", "spacy_model")}
        (path / CONFIG_FILE).write_text(json.dumps(saved, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "StanceComponent":
        """Load the options and models written by :meth:`to_disk` (manifests and sha256 checked)."""
        path = Path(path)
        saved = json.loads((path / CONFIG_FILE).read_text(encoding="utf-8"))
        self.options = pipeline_options(saved, models_dir=str(path / MODELS_FOLDER))
        self._build(self.options)
        return self


def _default_models_dir() -> Path:
    from stance.artifacts import default_models_dir

    return default_models_dir()


def _artifact_dirs(options: dict[str, Any]) -> list[str]:
    dirs = [RANKER_ARTIFACT[0], PRONOUN_RANKER_ARTIFACT[0]] if options["ranker"] else []
    if options["stance_model"]:
        dirs += stance_artifact_dirs(options["stance_model"])
    if options["party_filter"]:
        dirs.append(PARTY_FILTER_ARTIFACT[0])
    if stance_calibration(options) is not None:
        dirs.append(CALIBRATION_ARTIFACT[0])
    return dirs


def _set_annotations(doc: Doc, analysis: Any) -> Doc:
    doc._.stance = analysis
    quotes, cues, speakers = [], [], []
    for q in analysis.quotes:
        s = doc.char_span(q.quote.start, q.quote.end, label=q.kind, alignment_mode="expand")
        if s is not None:
            quotes.append(s)
        if q.cue is not None:
            c = doc.char_span(q.cue.start, q.cue.end, label="CUE", alignment_mode="expand")
            if c is not None:
                cues.append(c)
        if q.speaker is not None and q.speaker.mention is not None:
            m = doc.char_span(q.speaker.mention.start, q.speaker.mention.end, label=q.speaker.type, alignment_mode="expand")
            if m is not None:
                speakers.append(m)
    doc.spans["stance_quotes"] = quotes
    doc.spans["stance_cues"] = cues
    doc.spans["stance_speakers"] = speakers
    return doc


@Language.factory(
    "stance",
    default_config={"models_dir": DEFAULTS["models_dir"], "ranker": DEFAULTS["ranker"],
                    "stance_model": DEFAULTS["stance_model"], "analytic_offset": DEFAULTS["analytic_offset"],
                    "party_filter": DEFAULTS["party_filter"], "actor_lookup": DEFAULTS["actor_lookup"], "calibration": DEFAULTS["calibration"],
                    "timings": False},
)
def make_stance_component(nlp: Language, name: str, models_dir: Union[str, None], ranker: bool,
                          stance_model: Union[bool, str], analytic_offset: float, timings: bool,
                          party_filter: bool = DEFAULTS["party_filter"],
                          actor_lookup: bool = DEFAULTS["actor_lookup"],
                          calibration: bool = DEFAULTS["calibration"]) -> StanceComponent:
    """Factory of the ``stance`` component; the options are those of :func:`stance.load`."""
    return StanceComponent(nlp, name, models_dir=models_dir, ranker=ranker, stance_model=stance_model,
                           analytic_offset=analytic_offset, timings=timings, party_filter=party_filter,
                           actor_lookup=actor_lookup, calibration=calibration)
