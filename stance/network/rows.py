"""Flatten analyses into quotation × target rows: who (source) stands how (label, scores) toward whom.

Input items (any mix, in any iterable):

* :class:`~stance.types.Analysis` objects, or ``(Analysis, date)`` pairs (an Analysis carries no date);
* dicts shaped like the JSONL lines of ``stance analyze`` (``{"id", "quotes", ...}``; a line with
  ``"error"`` is a failed analysis; the date is read from ``date_field``), or ``(dict, date)`` pairs;
* objects with ``id`` and ``error`` attributes (:class:`~stance.pipeline.AnalysisError`);
* paths (``str`` / ``os.PathLike``) of JSONL files written by ``stance analyze`` (streamed line by
  line; a malformed line counts as an error). A single path may be given instead of an iterable.

Each item becomes an :class:`Article`; :func:`article_rows` gives its rows, folding speakers into
the state or organisation they speak for when ``by="affiliation"`` (see :mod:`stance.network`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, MutableMapping

from ..io import jsonl_objects
from .defaults import DATE_FIELD, LABELS
from .names import clean, party

#: A quotation reduced to what the network needs:
#: (speaker name | None, speaker type, affiliation | None, start, end, text, [(target, label, scores)])
QuoteTuple = tuple

#: The columns of :func:`quotation_rows`.
ROW_COLUMNS = ("article_id", "date", "source", "source_type", "source_affiliation", "target", "target_type",
               "label", "p_hostile", "p_neutral", "p_conciliatory", "quote_index", "start", "end", "quote")

_UNSET = object()
#: Speaker/target types that stand for a group (a state or an organisation).
GROUP_TYPES = ("state", "organization")


@dataclass(frozen=True)
class Article:
    """One input item: its id, raw date value, quotations (None for an error) and error."""

    id: str | None
    date: Any
    quotes: list[QuoteTuple] | None
    error: str | None = None


def quote_from_dict(q: Any) -> QuoteTuple:
    sp = q.get("speaker") or None
    span = q.get("quote") or {}
    stances = []
    for s in q.get("stances") or ():
        if isinstance(s, dict):
            stances.append((s.get("target"), s.get("label"), s.get("scores") or None))
    return (
        sp.get("name") if isinstance(sp, dict) else None,
        (sp.get("type") or "unknown") if isinstance(sp, dict) else "unknown",
        q.get("affiliation"),
        span.get("start") if isinstance(span, dict) else None,
        span.get("end") if isinstance(span, dict) else None,
        span.get("text") if isinstance(span, dict) else None,
        stances,
    )


def _quote_from_object(q: Any) -> QuoteTuple:
    sp = q.speaker
    return (
        sp.name if sp is not None else None,
        sp.type if sp is not None else "unknown",
        q.affiliation,
        q.quote.start,
        q.quote.end,
        q.quote.text,
        [(s.target, s.label, s.scores or None) for s in q.stances],
    )


def article_from_dict(d: MutableMapping[str, Any] | Any, date_field: str = DATE_FIELD, date: Any = _UNSET) -> Article:
    """The :class:`Article` of one ``stance analyze`` JSONL object."""
    rid = d.get("id")
    rid = None if rid is None else str(rid)
    when = d.get(date_field) if date is _UNSET else date
    if d.get("error") is not None:
        return Article(rid, when, None, str(d["error"]))
    quotes = d.get("quotes")
    if not isinstance(quotes, list):
        return Article(rid, when, None, "record has no 'quotes' list")
    return Article(rid, when, [quote_from_dict(q) for q in quotes if isinstance(q, dict)])


def article_from_object(a: Any, date: Any = None) -> Article:
    """The :class:`Article` of an :class:`~stance.types.Analysis` (or an AnalysisError)."""
    rid = None if a.id is None else str(a.id)
    if getattr(a, "error", None) is not None and not hasattr(a, "quotes"):
        return Article(rid, date, None, str(a.error))
    return Article(rid, date, [_quote_from_object(q) for q in a.quotes])


def _jsonl_articles(path: str | os.PathLike, date_field: str) -> Iterator[Article]:
    with open(path, "rb") as f:
        for n, obj, err in jsonl_objects(f, str(path)):
            yield Article(f"{path}:{n}", None, None, err) if obj is None else article_from_dict(obj, date_field)


def _one(item: Any, date_field: str, date: Any = _UNSET) -> Article:
    if isinstance(item, dict):
        return article_from_dict(item, date_field, date)
    if hasattr(item, "quotes") or hasattr(item, "error"):
        return article_from_object(item, None if date is _UNSET else date)
    raise TypeError(f"cannot read a {type(item).__name__} as an analysis: give Analysis objects, "
                    "(Analysis, date) pairs, dicts as written by 'stance analyze', or JSONL paths")


def iter_articles(analyses: Any, date_field: str = DATE_FIELD) -> Iterator[Article]:
    """The :class:`Article` of every input item, in input order (see the module docstring)."""
    if isinstance(analyses, (str, os.PathLike)):
        analyses = [analyses]
    if hasattr(analyses, "columns") or hasattr(analyses, "column_names"):
        raise TypeError("for the output of analyze_dataframe / analyze_dataset use "
                        "stance.network.network_from_frame / network_from_dataset")
    for item in analyses:
        if isinstance(item, (str, os.PathLike)):
            yield from _jsonl_articles(item, date_field)
        elif isinstance(item, tuple) and len(item) == 2 and not isinstance(item[0], (str, int)):
            yield _one(item[0], date_field, item[1])
        else:
            yield _one(item, date_field)


def _scores(scores: Any) -> tuple[float | None, float | None, float | None]:
    if not scores:
        return None, None, None
    return tuple(None if scores.get(k) is None else float(scores[k]) for k in LABELS)  # type: ignore[return-value]


def _source(name: str, stype: str, aff: str | None, by: str) -> tuple[str, str, str | None, bool]:
    """(source, source type, source affiliation, folded into a group?)"""
    canon_aff = party(aff)[0] if aff and clean(aff) else None
    if by == "affiliation":
        if canon_aff:
            return canon_aff, party(aff)[1] or "organization", canon_aff, True  # type: ignore[arg-type]
        if stype in GROUP_TYPES:
            c, t = party(name)
            return c, t or stype, c, True
        return clean(name), stype, None, False
    if stype in GROUP_TYPES:
        c, t = party(name)
        return c, t or stype, canon_aff, False
    return clean(name), stype, canon_aff, False


def _target(target: str, by: str, speaker_aff: dict[str, str], speaker_type: dict[str, str]) -> tuple[str, str]:
    c, t = party(target)
    if t is not None:
        return c, t
    if by == "affiliation":
        aff = speaker_aff.get(target)
        if aff:
            a, at = party(aff)
            return a, at or "organization"
    return c, speaker_type.get(target, "unknown")


def article_rows(quotes: list[QuoteTuple], by: str, counts: MutableMapping[str, int] | None = None) -> Iterator[tuple]:
    """Rows ``(quote_index, source, source_type, source_affiliation, target, target_type, label,
    p_hostile, p_neutral, p_conciliatory, start, end, text)`` of one article's quotations.

    Quotations without a speaker, without stances, and stances with an unknown label give no row
    and are counted in ``counts`` (``unknown_speakers``, ``empty_stances``, ``unknown_labels``),
    as are quotations by people without an affiliation under ``by="affiliation"`` (``unaffiliated``;
    they keep their own name). Targets are canonicalised (:func:`stance.network.names.party`);
    under ``by="affiliation"`` a target that is also a speaker of the article with an affiliation
    is folded into that affiliation (Marco Rubio -> United States)."""
    c: MutableMapping[str, int] = counts if counts is not None else {}
    speaker_aff: dict[str, str] = {}
    speaker_type: dict[str, str] = {}
    for q in quotes:
        name, stype, aff = q[0], q[1], q[2]
        if name:
            speaker_type.setdefault(name, stype)
            if aff and name not in speaker_aff:
                speaker_aff[name] = aff
            elif stype in GROUP_TYPES and name not in speaker_aff:
                speaker_aff[name] = name
    for qi, (name, stype, aff, start, end, text, stances) in enumerate(quotes):
        if not name or not clean(name):
            c["unknown_speakers"] = c.get("unknown_speakers", 0) + 1
            continue
        if not stances:
            c["empty_stances"] = c.get("empty_stances", 0) + 1
            continue
        source, source_type, source_aff, folded = _source(name, stype, aff, by)
        if by == "affiliation" and not folded:
            c["unaffiliated"] = c.get("unaffiliated", 0) + 1
        for target, label, scores in stances:
            if label not in LABELS or not target or not clean(str(target)):
                c["unknown_labels"] = c.get("unknown_labels", 0) + 1
                continue
            tname, ttype = _target(str(target), by, speaker_aff, speaker_type)
            ph, pn, pc = _scores(scores)
            yield (qi, source, source_type, source_aff, tname, ttype, label, ph, pn, pc, start, end, text)


def quotation_rows(analyses: Iterable[Any], *, by: str = "speaker", date_field: str = DATE_FIELD) -> Any:
    """A pandas DataFrame with one row per quotation × target (columns :data:`ROW_COLUMNS`) of
    every analysis that has no error; the raw material :func:`stance.network` aggregates."""
    import pandas as pd

    from .dates import BadDate, parse_date

    out: list[tuple] = []
    for art in iter_articles(analyses, date_field):
        if art.error is not None or art.quotes is None:
            continue
        try:
            d = parse_date(art.date)
        except BadDate:
            d = None
        for r in article_rows(art.quotes, by):
            out.append((art.id, d.isoformat() if d else None, *r[1:10], r[0], r[10], r[11], r[12]))
    return pd.DataFrame.from_records(out, columns=list(ROW_COLUMNS))
