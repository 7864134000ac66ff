"""The pipeline, orchestration only: text -> spaCy Doc -> quotations (:mod:`stance.quotations`)
-> speakers (:mod:`stance.speakers`) -> parties (:mod:`stance.parties`) -> stance
(:mod:`stance.stance_model`) -> :class:`Analysis`.

The two trained models (speaker ranker, stance model) are versioned artifacts loaded once per
:class:`Pipeline` by :mod:`stance.loader`, with the options of :mod:`stance.defaults`. Stance
classification is batched across all quotations of a batch of documents, so the stance model
runs one vectorised call per batch.
"""

from __future__ import annotations

import math
import os
import time
from dataclasses import dataclass
from collections import defaultdict
from itertools import islice
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from stance.defaults import CONTEXTUAL_STANCE_MODELS, DEFAULTS, pipeline_options
from stance.gcpause import gc_paused
from stance.loader import load_calibration, load_models, load_party_filter, load_pronoun_ranker
from stance.parties.finder import parties_of_quotation, spoken_for
from stance.quotations.cues import find_cues
from stance.quotations.finder import find_quotations
from stance.speakers.inheritance import inherit_speakers
from stance.speakers.article_period import titled_period
from stance.speakers.description import describe_speaker
from stance.speakers.selection import choose_speakers, first_person_report, quoted_spans
from stance.speakers.allies import ally_parties
from stance.speakers.sides import opposite_parties
from stance.stance_model.article_consistency import ARTICLE_MIX, ARTICLE_MIX_TEMPERATURE, mix_within_groups
from stance.stance_model.calibration import calibrate
from stance.stance_model.examples import stance_examples
from stance.stance_model.class_offsets import add_class_offsets
from stance.stance_model.frame_prior import FRAME_STANCE_OFFSET
from stance.stance_model.ally_prior import ALLY_CONCILIATORY_OFFSET, ALLY_HOSTILE_OFFSET, add_ally_offset
from stance.stance_model.side_prior import OPPOSING_SIDE_OFFSET, add_opposing_offset
from stance.stance_model.speaker_prior import add_neutral_offset, is_analytic
from stance.text.dateline import article_date, as_date
from stance.text.mentions import MentionIndex
from stance.text.tokenize import make_language, tokenize
from stance.text.view import TextView, build_view
from stance.types import Analysis, Quote, Span, Stance

STAGES = ("tokenize", "quotes", "speakers", "targets", "stance")


@dataclass(frozen=True)
class AnalysisError:
    """Stands in for the Analysis of a document that failed (``Pipeline.pipe(errors="return")``)."""

    id: str | None
    error: str

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        return {"id": self.id, "error": self.error}


class _Pending:
    """A quotation waiting for its stances."""

    __slots__ = ("raw", "speaker", "role", "affiliation", "confidence", "targets", "examples", "affiliation_source", "own",
                 "opposite", "ally")

    def __init__(self, raw, speaker, role, affiliation, confidence, targets, examples, affiliation_source=None, own=None):
        self.raw = raw
        self.speaker = speaker
        self.role = role
        self.affiliation = affiliation
        self.confidence = confidence
        self.targets = targets
        self.examples = examples
        self.affiliation_source = affiliation_source
        self.own = own  # the affiliation the article's words give (what the party finder and filter see)
        self.opposite: list[bool] = []  # per target: of the speaker's opposing side (stance.speakers.sides)
        self.ally: list[bool] = []  # per target: the speaker's ally (stance.speakers.allies)


class Annotator:
    """The rules and models that turn a tokenized ``Doc`` into an :class:`Analysis`.

    Used by :class:`Pipeline` and by the ``stance`` spaCy component."""

    #: Stance examples scored per ``predict_proba`` call.
    STANCE_CHUNK = 2048

    def __init__(self, ranker: Any = None, stance_model: Any = None, *, timings: bool = False,
                 analytic_offset: float = DEFAULTS["analytic_offset"], party_filter: Any = None,
                 actor_lookup: bool = DEFAULTS["actor_lookup"], calibration: Any = None, pronoun_ranker: Any = None):
        self.ranker = ranker
        #: scores the antecedents of he/she speakers (:mod:`stance.speakers.pronouns`), or None (rules)
        self.pronoun_ranker = pronoun_ranker
        #: temperature(s) applied to the quotation stances after the analytic prior
        #: (:mod:`stance.stance_model.calibration`), or None
        self.calibration = calibration
        #: fill a speaker's affiliation (and role) from the shipped actor lookup when the article gives none
        self.actor_lookup = bool(actor_lookup)
        self.stance_model = stance_model
        #: keeps the proposed targets that are parties (:class:`stance.parties.filter.PartyFilter`), or None
        self.party_filter = party_filter
        #: log-odds added to ``neutral`` for analytic speakers (see :mod:`stance.stance_model.speaker_prior`)
        self.analytic_offset = float(analytic_offset)
        if not math.isfinite(self.analytic_offset):
            raise ValueError(f"analytic_offset must be a finite number, got {analytic_offset!r}")
        #: log-odds added to the class a frame verb takes toward its object party (see
        #: :mod:`stance.stance_model.frame_prior`; 0 turns the prior off)
        self.frame_offset = FRAME_STANCE_OFFSET
        #: log-odds moved from ``conciliatory`` to ``hostile`` toward a party of the speaker's
        #: opposing side (see :mod:`stance.stance_model.side_prior`; 0 turns the prior off)
        self.side_offset = OPPOSING_SIDE_OFFSET
        #: log-odds taken from ``hostile`` (and the second added to ``conciliatory``) toward a party
        #: the speaker speaks for, is family of or endorsed (see :mod:`stance.stance_model.ally_prior`;
        #: (0, 0) turns the prior off)
        self.ally_offsets = (ALLY_HOSTILE_OFFSET, ALLY_CONCILIATORY_OFFSET)
        #: weight of the mean of a party's other stances in the same article mixed into each of its
        #: stances (see :mod:`stance.stance_model.article_consistency`; 0 turns the mixing off)
        self.article_mix = ARTICLE_MIX
        self.timings: dict[str, float] | None = defaultdict(float) if timings else None

    def _tick(self, stage: str, t0: float) -> float:
        t1 = time.perf_counter()
        if self.timings is not None:
            self.timings[stage] += t1 - t0
        return t1

    # -- one document up to the stance model ---------------------------------------------------
    def prepare(self, doc: Any, date: Any = None) -> tuple[TextView, list[_Pending]]:
        """Rules for one document, up to the stance model (cyclic GC paused: see gcpause).
        ``date``: the article's date (``datetime.date`` or ``YYYY-MM-DD``) for the actor lookup;
        None: the date the text gives in its first line, if any."""
        with gc_paused():
            return self._prepare(doc, date)

    def _prepare(self, doc: Any, date: Any = None) -> tuple[TextView, list[_Pending]]:
        t0 = time.perf_counter()
        view = build_view(doc)
        cues = find_cues(view)
        raws = find_quotations(view, cues)
        t0 = self._tick("quotes", t0)
        mentions = MentionIndex(view)
        blocked = quoted_spans(raws)
        chosen = inherit_speakers(raws, choose_speakers(view, mentions, raws, blocked, self.ranker, self.pronoun_ranker),
                                  view, mentions, blocked)
        keep = [not first_person_report(r, c[0]) for r, c in zip(raws, chosen)]
        if not all(keep):
            raws = [r for r, k in zip(raws, keep) if k]
            chosen = [c for c, k in zip(chosen, keep) if k]
        t0 = self._tick("speakers", t0)
        pendings: list[_Pending] = []
        described: dict[str, tuple[str | None, str | None, str | None, str | None]] = {}
        day: list = [as_date(date)] if date is not None else []  # the article's date, found once when first needed

        def article_day() -> Any:
            if not day:
                day.append(article_date(view.text))
            return day[0]

        period: list = []  # the period an undated article dates itself to, found once when first needed

        def article_period() -> Any:
            if not period:
                period.append(titled_period(view, mentions))
            return period[0]

        for raw, (speaker, mention_obj, conf) in zip(raws, chosen):
            role = aff = source = own = None
            if speaker is not None and speaker.type in ("person", "organization", "unknown"):
                # a speaker of no known type ("Day said" after "Doris Day", a name that ends like an
                # event's) is described as a person may be; its affiliation does not take it out of
                # the parties (the party finder and filter were built on person and body speakers)
                if speaker.name not in described:  # once per speaker: the body spoken for too
                    role, aff, source, own = describe_speaker(view, mentions, speaker.name, mention_obj, speaker.type != "organization",
                                                              article_day if self.actor_lookup else None, blocked, article_period)
                    described[speaker.name] = (role, aff, source, spoken_for(mentions, own, role))
                role, aff, source, own = described[speaker.name]
                if speaker.type == "unknown":
                    own = None
            # the party finder and the party filter see the affiliation the article's words give;
            # a looked-up one is excluded from the parties only when it is a country and the
            # article's date is known (the state of the office the speaker held that day; other
            # looked-up affiliations lost true parties on the corpus dev split, and an undated
            # text gets an actor's latest office: the 2016 candidate Trump as president), and the
            # filter was trained without the lookup or the state of an office
            dated_lookup = source == "lookup" and article_day() is not None
            targets = parties_of_quotation(view, mentions, raw, speaker.name if speaker is not None else None, own,
                                           looked_up=aff if dated_lookup else None)
            pendings.append(_Pending(raw, speaker, role, aff, conf, targets, [], source, own))
        if self.party_filter is not None:  # one scoring call per document
            kept = self.party_filter.select_all(view, mentions, [
                (p.raw, p.targets, p.speaker.name if p.speaker is not None else None,
                 p.own) for p in pendings])
            for p, targets in zip(pendings, kept):
                p.targets = targets
        if self.stance_model is not None:
            for p in pendings:
                p.examples = stance_examples(view, p.raw, p.speaker, p.targets)
            # the speakers' affiliations, for the side and ally relations
            affiliations = {p.speaker.name: p.affiliation for p in pendings if p.speaker is not None}
            if self.side_offset:
                marks = opposite_parties(view, mentions, [(p.speaker.name if p.speaker is not None else None,
                                                           [t.name for t in p.targets]) for p in pendings],
                                         affiliations, article_day())
                for p, opposite in zip(pendings, marks):
                    p.opposite = opposite
            if any(self.ally_offsets):
                marks = ally_parties(view, mentions, [
                    (p.speaker.name if p.speaker is not None else None, p.speaker.type if p.speaker is not None else None,
                     p.role, (p.raw.start, p.raw.end), [t.name for t in p.targets]) for p in pendings], affiliations)
                for p, ally in zip(pendings, marks):
                    p.ally = ally
        self._tick("targets", t0)
        return view, pendings

    # -- batches -------------------------------------------------------------------------------
    def finish(self, prepared: list[tuple[str | None, TextView, list[_Pending]]]) -> list[Analysis]:
        """Classify every (quotation, target) pair of a batch in one call and build Analyses."""
        with gc_paused():
            return self._finish(prepared)

    def _finish(self, prepared: list[tuple[str | None, TextView, list[_Pending]]]) -> list[Analysis]:
        """Classify every (quotation, target) pair of a batch in one call and build Analyses."""
        t0 = time.perf_counter()
        examples = [ex for _, _, ps in prepared for p in ps for ex in p.examples]
        probs = None
        classes: Sequence[str] = ()
        if examples and self.stance_model is not None:
            # in chunks: a huge article's temporaries stay small (memory and cache bound, not length)
            import numpy as np

            step = self.STANCE_CHUNK
            probs = np.concatenate([self.stance_model.predict_proba(examples[i:i + step]) for i in range(0, len(examples), step)])
            classes = list(self.stance_model.classes_)
            if self.analytic_offset:
                flags = [is_analytic(p.role, p.speaker.name if p.speaker is not None else None) if p.examples else False
                         for _, _, ps in prepared for p in ps]
                rows = np.repeat(flags, [len(p.examples) for _, _, ps in prepared for p in ps])
                probs = add_neutral_offset(probs, classes, rows, self.analytic_offset)
            if self.frame_offset:
                frames = [t.frame for _, _, ps in prepared for p in ps if p.examples for t in p.targets]
                probs = add_class_offsets(probs, classes, frames, self.frame_offset)
            if self.article_mix:  # before the blended model's calibration, whose temperature then keeps every label
                parties = [(d, t.name) for d, (_, _, ps) in enumerate(prepared) for p in ps if p.examples for t in p.targets]
                probs = mix_within_groups(probs, parties, self.article_mix, ARTICLE_MIX_TEMPERATURE)
            if self.side_offset:  # after the mix: the pair's relation does not spread to the party's other stances
                opposite = [o for _, _, ps in prepared for p in ps if p.examples for o in p.opposite]
                probs = add_opposing_offset(probs, classes, opposite, self.side_offset)
            if any(self.ally_offsets):  # after the mix too: the relation is the pair's
                ally = [a for _, _, ps in prepared for p in ps if p.examples for a in p.ally]
                probs = add_ally_offset(probs, classes, ally, *self.ally_offsets)
            if self.calibration is not None:
                heads = np.repeat(["speaker" if p.speaker is not None else "no_speaker" for _, _, ps in prepared for p in ps],
                                  [len(p.examples) for _, _, ps in prepared for p in ps])
                probs = calibrate(probs, self.calibration, heads)
        # plain Python floats and the best class of each row, converted once for the whole batch
        rows = probs.tolist() if probs is not None else []
        bests = probs.argmax(axis=1).tolist() if probs is not None else []
        k = 0
        out = []
        for doc_id, view, pendings in prepared:
            quotes = []
            for p in pendings:
                stances = []
                if probs is not None and p.examples:
                    for t in p.targets:
                        stances.append(Stance(t.name, classes[bests[k]], {c: round(v, 4) for c, v in zip(classes, rows[k])}))
                        k += 1
                raw = p.raw
                cue = Span.of(view.text, view.starts[raw.cue.start], view.ends[raw.cue.end - 1]) if raw.cue else None
                quotes.append(
                    Quote(
                        quote=Span.of(view.text, raw.start, raw.end),
                        kind=raw.kind,
                        cue=cue,
                        speaker=p.speaker,
                        role=p.role,
                        affiliation=p.affiliation,
                        affiliation_source=p.affiliation_source,
                        confidence=round(float(p.confidence), 4),  # as serialised: from_dict(to_dict(a)) == a
                        stances=tuple(stances),
                    )
                )
            out.append(Analysis(doc_id, tuple(quotes), text=view.text))
        self._tick("stance", t0)
        return out


def stance_calibration(options: dict[str, Any]) -> Any:
    """The calibration the options ask for: the shipped temperature(s) of the ``"blended"`` stance
    model when ``calibration`` is on and that model is used (and a calibration is shipped), else
    None (the default ``"quote"`` model carries its own temperature, fitted at training)."""
    if not options.get("calibration") or options.get("stance_model") != "blended":
        return None
    return load_calibration(options.get("models_dir"))


class Pipeline:
    """Analyse English news articles. Build one with :func:`stance.load`.

    Args:
        spacy_model: ``None`` for spaCy's blank English (no download), or an installed trained
            pipeline's name or path (its parser or senter then sets sentence boundaries).
        models_dir: the models directory holding the artifacts (default ``$STANCE_MODELS_DIR``,
            else the project's ``models/``).
        ranker: use the trained speaker ranker and pronoun ranker (``False``: the rules alone decide).
        stance_model: which trained stance model scores the targets: ``"quote"`` (the default,
            also ``True``) for the model trained on the article-level corpus and stacked on the
            blended one, ``"blended"`` (``"linear"`` is its older name) for the proxy-trained linear
            model blended with the target-aware network, ``"contextual"`` for the optional fine-tuned transformer
            and ``"contextual-quote"`` for it fine-tuned further on the article corpus (both need
            the ``[contextual]`` extra; serial only), ``False`` for none (no stances are
            produced). Options and defaults: :mod:`stance.defaults`.
        timings: accumulate per-stage wall time in :attr:`timings`.
        analytic_offset: log-odds added to the neutral class when the speaker is an analyst,
            pollster, professor and the like (:mod:`stance.stance_model.speaker_prior`); ``0`` gives the stance
            model's own probabilities.
        party_filter: drop the proposed targets the trained party filter (``models/party_filter``,
            :mod:`stance.parties.filter`) does not call parties; ``False`` keeps every proposal.
        actor_lookup: when the article gives a speaker no affiliation, take it (and a missing
            role) from the shipped knowledge of political actors (:mod:`stance.speakers.actors`);
            the quotation's ``affiliation_source`` says ``"lookup"``.
        calibration: rescale the ``"blended"`` model's quotation stance probabilities with the
            temperature(s) fitted for it (``models/stance_calibration``,
            :mod:`stance.stance_model.calibration`); labels are unchanged. ``False``: the raw ones.
            (The default ``"quote"`` model's probabilities are calibrated by its own temperature.)
    """

    def __init__(
        self,
        spacy_model: Any = DEFAULTS["spacy_model"],
        models_dir: str | os.PathLike[str] | None = DEFAULTS["models_dir"],
        *,
        ranker: bool = DEFAULTS["ranker"],
        stance_model: bool | str | None = DEFAULTS["stance_model"],
        timings: bool = False,
        analytic_offset: float = DEFAULTS["analytic_offset"],
        party_filter: bool = DEFAULTS["party_filter"],
        actor_lookup: bool = DEFAULTS["actor_lookup"],
        calibration: bool = DEFAULTS["calibration"],
    ):
        from stance.artifacts import default_models_dir

        options = pipeline_options(spacy_model=spacy_model, models_dir=models_dir, ranker=ranker,
                                   stance_model=stance_model, analytic_offset=analytic_offset, party_filter=party_filter,
                                   actor_lookup=actor_lookup, calibration=calibration)
        self.spacy_model = spacy_model
        self.models_dir = Path(options["models_dir"]) if options["models_dir"] is not None else default_models_dir()
        options["models_dir"] = str(self.models_dir)
        self._options = {k: options[k] for k in ("ranker", "stance_model", "analytic_offset", "party_filter", "actor_lookup", "calibration")}
        self.nlp = make_language(spacy_model)
        self._trained = spacy_model is not None
        rk, sm = load_models(options)
        pf = load_party_filter(options["models_dir"]) if options["party_filter"] else None
        pr = load_pronoun_ranker(options["models_dir"]) if options["ranker"] else None
        self.annotator = Annotator(rk, sm, timings=timings, analytic_offset=options["analytic_offset"], party_filter=pf,
                                   actor_lookup=options["actor_lookup"], calibration=stance_calibration(options),
                                   pronoun_ranker=pr)

    @property
    def timings(self) -> dict[str, float] | None:
        """Seconds spent in each stage since construction (when ``timings=True``)."""
        return self.annotator.timings

    def make_doc(self, text: str) -> Any:
        """The tokens of ``text`` that :meth:`Annotator.prepare` reads: a spaCy ``Doc`` of the
        trained pipeline, or with blank English the token offsets alone
        (:func:`stance.text.tokenize.tokenize`; the same as its ``Doc``'s)."""
        if not isinstance(text, str):
            raise TypeError(f"stance expects article text as str, got {type(text).__name__}")
        t0 = time.perf_counter()
        doc = tokenize(self.nlp, text, trained=self._trained)  # linear time, any str
        self.annotator._tick("tokenize", t0)
        return doc

    def __call__(self, text: str, *, id: str | None = None, date: Any = None) -> Analysis:
        """Analyse one article. ``date`` (``datetime.date`` or ``"YYYY-MM-DD"``): its publication
        date, for the actor lookup; by default the date its first line gives, if any."""
        with gc_paused():
            doc = self.make_doc(text)
            view, pendings = self.annotator.prepare(doc, date)
            return self.annotator.finish([(id, view, pendings)])[0]

    def _finish_batch(self, batch: list[Any], safe: bool) -> Iterator[Any]:
        good = [b for b in batch if not isinstance(b, AnalysisError)]
        try:
            done = iter(self.annotator.finish(good))
        except Exception:
            if not safe:
                raise
            done = None
        for b in batch:
            if isinstance(b, AnalysisError):
                yield b
            elif done is not None:
                yield next(done)
            else:  # isolate the failing document
                try:
                    yield self.annotator.finish([b])[0]
                except Exception as e:  # noqa: BLE001
                    yield AnalysisError(b[0], f"{type(e).__name__}: {e}")

    def _prepare_batch(self, items: Iterator[tuple[Any, ...]], batch_size: int, safe: bool) -> list[Any]:
        """The next ``batch_size`` items (fewer at the end) tokenized and prepared: ``(id, view,
        pendings)`` each, or an :class:`AnalysisError` when ``safe``."""
        batch: list[Any] = []
        for item in islice(items, batch_size):
            doc_id, text = item[0], item[1]
            date = item[2] if len(item) > 2 else None
            try:
                doc = self.make_doc(text)
                view, pendings = self.annotator.prepare(doc, date)
                batch.append((doc_id, view, pendings))
            except Exception as e:  # noqa: BLE001
                if not safe:
                    raise
                batch.append(AnalysisError(doc_id, f"{type(e).__name__}: {e}"))
        return batch

    def pipe_serial(self, items: Iterable[tuple[Any, ...]], batch_size: int, safe: bool = False) -> Iterator[Any]:
        """Analyses of ``(id, text)`` or ``(id, text, date)`` items, in one process. Each batch is
        analysed with the cyclic garbage collector paused (:mod:`stance.gcpause`), and its
        analyses are yielded after the collector is back on."""
        it = iter(items)
        while True:
            with gc_paused():
                batch = self._prepare_batch(it, batch_size, safe)
                done = list(self._finish_batch(batch, safe)) if batch else []
                # the batch's token views and mentions are freed (by reference counting) before the
                # collector is back on: else its next pass would traverse them all
                del batch
            if not done:
                return
            yield from done

    def pipe(
        self,
        texts: Iterable[str] | Iterable[tuple[str, str]],
        *,
        batch_size: int = 64,
        n_process: int = 1,
        as_tuples: bool = False,
        errors: str = "raise",
    ) -> Iterator[Analysis]:
        """Analyse many articles; yields one :class:`Analysis` per input, in input order.

        ``texts`` holds strings, or with ``as_tuples=True`` ``(text, id)`` pairs or ``(text, id,
        date)`` triples: ``date`` (``datetime.date``, ``"YYYY-MM-DD"`` or None) is the article's
        publication date for the actor lookup, as in ``nlp(text, date=...)``; a bad date fails that
        document only (an :class:`AnalysisError` with ``errors="return"``). With
        ``n_process > 1`` the work is spread over worker processes, each loading the pipeline
        once; the output order is the input order. ``errors="return"`` yields an
        :class:`AnalysisError` in place of a document that failed, instead of raising."""
        if errors not in ("raise", "return"):
            raise ValueError("errors must be 'raise' or 'return'")
        safe = errors == "return"
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        if n_process < 1:
            raise ValueError("n_process must be >= 1")
        if n_process > 1 and self._options["stance_model"] in CONTEXTUAL_STANCE_MODELS:
            raise ValueError("the contextual stance model runs in one process (PyTorch uses both cores itself); use n_process=1")

        if isinstance(texts, (str, bytes)):
            raise TypeError(f"pipe expects an iterable of texts, got a single {type(texts).__name__}; use nlp(text) for one text")

        def items() -> Iterator[tuple[Any, ...]]:
            for k, t in enumerate(texts):
                if as_tuples:
                    if not isinstance(t, (tuple, list)) or len(t) not in (2, 3):
                        raise TypeError(f"pipe(as_tuples=True) expects (text, id) pairs or (text, id, date) triples, "
                                        f"got {type(t).__name__} at position {k}")
                    yield (t[1], t[0], t[2]) if len(t) == 3 else (t[1], t[0])
                else:
                    yield None, t  # type: ignore[misc]

        if n_process == 1:
            yield from self.pipe_serial(items(), batch_size, safe)
            return
        from stance.parallel import pipe_parallel

        yield from pipe_parallel(self, items(), batch_size=batch_size, n_process=n_process, safe=safe)

    def config(self) -> dict[str, Any]:
        """What a worker needs to rebuild this pipeline."""
        return {
            "spacy_model": self.spacy_model if isinstance(self.spacy_model, (str, os.PathLike, type(None))) else None,
            "models_dir": str(self.models_dir),
            **self._options,
        }
