"""spaCy pipeline components, usable in anyone's pipeline::

    import spacy
    nlp = spacy.blank("en")            # or spacy.load("en_core_web_sm")
    nlp.add_pipe("stance")             # registered through the spacy_factories entry point
    doc = nlp(text)
    doc._.stance                       # the Analysis
    doc.spans["stance_quotes"]         # quotation spans, labelled direct / indirect / mixed

The component runs the same rules and trained models as :class:`stance.pipeline.Pipeline`.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from stance.stance_model.speaker_prior import ANALYTIC_NEUTRAL_OFFSET

if not Doc.has_extension("stance"):
    Doc.set_extension("stance", default=None)


class StanceComponent:
    """Finds quotations, speakers and stances; stores an Analysis in ``doc._.stance`` and the
    spans in ``doc.spans["stance_quotes"]``, ``["stance_cues"]`` and ``["stance_speakers"]``."""

    def __init__(self, nlp: Language, name: str, models_dir: str | None, ranker: bool, stance_model: bool,
                 analytic_offset: float = ANALYTIC_NEUTRAL_OFFSET):
        from stance.artifacts import default_models_dir
        from stance.pipeline import Annotator

        rk = sm = None
        md = models_dir or default_models_dir()
        if ranker:
            from stance.loader import load_ranker

            rk = load_ranker(md)
        if stance_model:
            from stance.loader import load_stance_model

            sm = load_stance_model(md)
        self.name = name
        self.annotator = Annotator(rk, sm, analytic_offset=analytic_offset)

    def __call__(self, doc: Doc) -> Doc:
        view, pendings = self.annotator.prepare(doc)
        analysis = self.annotator.finish([(None, view, pendings)])[0]
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

    def pipe(self, docs: Any, batch_size: int = 64) -> Any:
        for doc in docs:
            yield self(doc)


@Language.factory(
    "stance",
    default_config={"models_dir": None, "ranker": True, "stance_model": True, "analytic_offset": ANALYTIC_NEUTRAL_OFFSET},
)
def make_stance_component(nlp: Language, name: str, models_dir: str | None, ranker: bool, stance_model: bool,
                          analytic_offset: float) -> StanceComponent:
    """Factory of the ``stance`` component (``analytic_offset``: see :mod:`stance.stance_model.speaker_prior`)."""
    return StanceComponent(nlp, name, models_dir, ranker, stance_model, analytic_offset)
