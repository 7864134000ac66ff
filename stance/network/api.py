"""``stance.network(...)``: the stance network of a corpus as a tidy table."""

from __future__ import annotations

from typing import Any, Callable

from .aggregate import Aggregator
from .defaults import BY, DATE_FIELD, EXAMPLES, INTERVAL, MIN_QUOTES, SELF_LOOPS
from .rows import iter_articles


def network(
    analyses: Any,
    *,
    by: str = BY,
    min_quotes: int = MIN_QUOTES,
    since: Any = None,
    until: Any = None,
    freq: str | None = None,
    date_field: str = DATE_FIELD,
    examples: int = EXAMPLES,
    self_loops: bool = SELF_LOOPS,
    interval: str = INTERVAL,
    groups_only: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Any:
    """Who stands how toward whom across many analysed articles: one row per (source, target)
    edge, or per (period, source, target) with ``freq``.

    Args:
        analyses: an iterable of :class:`~stance.types.Analysis`, ``(Analysis, date)`` pairs,
            dicts as written by ``stance analyze`` (JSONL lines), AnalysisErrors, or paths of
            such JSONL files; or one path. Streamed: memory grows with the edges, not the input.
        by: ``"speaker"`` (each speaker is a source) or ``"affiliation"`` (people are folded into
            the state or organisation they speak for: the quotation's affiliation, or the speaker
            itself when it is a state or organisation; people without an affiliation keep their
            name and are counted as ``unaffiliated``). Country names are canonicalised
            (:func:`stance.network.names.party`) in both modes.
        min_quotes: leave out edges backed by fewer distinct quotations (counted).
        since, until: inclusive date bounds (ISO strings or dates); undated analyses are then
            left out (counted).
        freq: ``"W"``, ``"M"`` or ``"Y"``: one row per period (column ``period``, labelled as
            pandas prints a Period: ``2015-11``, ``2015``, ``2015-11-09/2015-11-15``).
        date_field: the key/column holding an article's date (default ``date``).
        examples: example quotations kept per edge (the most polar ones: highest hostile or
            conciliatory probability; ties by article id and offsets).
        self_loops: keep stances of a source toward itself (column ``self_loop`` flags them; under
            ``by="affiliation"`` a minister speaking about her own country is one); False leaves
            them out (counted).
        interval: ``"wilson"`` (default) or ``"bootstrap"``; see :mod:`stance.network.intervals`.
        groups_only: keep only edges whose source and target are both states or organisations
            (with ``by="affiliation"``: the state-to-state network); the others are counted.
        progress: called with the number of records read so far, after each record.

    Returns:
        A pandas DataFrame with columns ``[period,] source, source_type, source_affiliation,
        target, target_type, n, n_hostile, n_neutral, n_conciliatory, p_hostile, p_neutral,
        p_conciliatory, score, score_low, score_high, first_date, last_date, n_articles, n_quotes,
        self_loop, examples``. ``n*`` count stances (quotation x target); ``p_*`` are mean
        probabilities over stances that have scores; ``score = (n_hostile - n_conciliatory) / n``
        in [-1, 1] with its 95% interval ``[score_low, score_high]``; ``examples`` is a JSON list of
        ``{id, start, end, label, quote}`` (article id and the quotation's character offsets).
        ``df.attrs["summary"]`` holds the counts of :data:`stance.network.aggregate.SUMMARY`
        (errors, missing dates, unknown speakers, empty stances...: nothing is dropped silently)
        and ``df.attrs["options"]`` the options. Two runs on the same input give the same table.
    """
    agg = Aggregator(by, freq=freq, since=since, until=until, examples=examples, self_loops=self_loops)
    for n, art in enumerate(iter_articles(analyses, date_field), 1):
        agg.add(art)
        if progress is not None:
            progress(n)
    return agg.frame(min_quotes, interval, groups_only)
