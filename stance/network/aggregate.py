"""Streaming aggregation of quotation × target rows into edges, with memory bounded by the number
of edges (and sources), not of rows: each edge keeps counts, sums, two dates and at most ``2k``
candidate examples.

An :class:`Aggregator` takes :class:`~stance.network.rows.Article` items one at a time
(:meth:`Aggregator.add`); partial aggregators of disjoint inputs (Dask partitions, dataset shards)
combine with :meth:`Aggregator.merge`; :meth:`Aggregator.frame` gives the tidy table.
"""

from __future__ import annotations

import json
from typing import Any

from .dates import BadDate, check_freq, parse_date, period_of
from .defaults import (BY_OPTIONS, DECIMALS, EXAMPLE_CHARS, EXAMPLES, INTERVAL, INTERVALS, LABELS,
                       MIN_QUOTES, SELF_LOOPS)
from .rows import GROUP_TYPES, Article, article_rows

#: The counts of the run summary, in order, with what each counts.
SUMMARY: dict[str, str] = {
    "records": "input records read",
    "analyses": "analyses without an error",
    "errors": "records with an error (failed analyses, unreadable lines): no edges",
    "missing_dates": "analyses without a date",
    "bad_dates": "analyses whose date is not a date (treated as missing)",
    "excluded_undated": "analyses left out for want of a date (since/until/freq set)",
    "outside_range": "analyses left out by since/until",
    "quotes": "quotations of the analyses used",
    "unknown_speakers": "quotations without a speaker: no edge",
    "empty_stances": "quotations without stances: no edge",
    "unaffiliated": "quotations by people without an affiliation, kept under their own name (by=affiliation)",
    "unknown_labels": "stances without a target or with an unknown label: left out",
    "stances": "quotation x target stances aggregated into edges",
    "self_loops": "stances of a source toward itself",
    "self_loops_dropped": "of those, left out (self_loops=False)",
    "edges_below_min_quotes": "edges left out by min_quotes",
    "edges_not_groups": "edges left out by groups_only (source or target not a state/organisation)",
    "edges": "edges in the table",
}
_ERROR_EXAMPLES = 5

# accumulator slots
_H, _N, _C, _SH, _SN, _SC, _NS, _FIRST, _LAST, _ART, _Q, _EX = range(12)
_LABEL_SLOT = {"hostile": _H, "neutral": _N, "conciliatory": _C}


def _new_acc() -> list[Any]:
    return [0, 0, 0, 0.0, 0.0, 0.0, 0, None, None, 0, 0, []]


def _min(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else min(a, b)


def _max(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else max(a, b)


class Aggregator:
    """Edges of (period, source, target) from articles added one at a time.

    Args:
        by: ``"speaker"`` or ``"affiliation"`` (see :mod:`stance.network`).
        freq: None, or ``"W"``/``"M"``/``"Y"`` to count each period separately.
        since, until: inclusive date bounds (None: unbounded); articles outside are counted and left out.
        examples: example quotations kept per edge.
        self_loops: keep stances of a source toward itself (False: count and leave them out).
    """

    def __init__(self, by: str = "speaker", *, freq: str | None = None, since: Any = None, until: Any = None,
                 examples: int = EXAMPLES, self_loops: bool = SELF_LOOPS) -> None:
        from .dates import bound

        if by not in BY_OPTIONS:
            raise ValueError(f"by must be one of {', '.join(BY_OPTIONS)}, got {by!r}")
        if not isinstance(examples, int) or examples < 0:
            raise ValueError(f"examples must be a non-negative integer, got {examples!r}")
        self.by = by
        self.freq = check_freq(freq)
        self.since = bound(since, "since")
        self.until = bound(until, "until")
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since ({self.since}) is after until ({self.until})")
        self.examples = examples
        self.self_loops = bool(self_loops)
        self.counts: dict[str, int] = {k: 0 for k in SUMMARY}
        self.error_examples: list[str] = []
        self.edges: dict[tuple[str, str, str], list[Any]] = {}
        self.sources: dict[str, dict[tuple[str, str], int]] = {}
        self.targets: dict[str, dict[str, int]] = {}

    # -- adding -----------------------------------------------------------------------------
    def add(self, art: Article) -> None:
        """Count one article and add its rows to the edges."""
        c = self.counts
        c["records"] += 1
        if art.error is not None or art.quotes is None:
            c["errors"] += 1
            if len(self.error_examples) < _ERROR_EXAMPLES:
                self.error_examples.append(f"{art.id}: {art.error}" if art.id is not None else str(art.error))
            return
        c["analyses"] += 1
        try:
            d = parse_date(art.date)
        except BadDate:
            d = None
            c["bad_dates"] += 1
        else:
            if d is None:
                c["missing_dates"] += 1
        if d is None and (self.freq or self.since or self.until):
            c["excluded_undated"] += 1
            return
        if d is not None and ((self.since and d < self.since) or (self.until and d > self.until)):
            c["outside_range"] += 1
            return
        day = d.isoformat() if d is not None else None
        period = period_of(d, self.freq) if self.freq and d is not None else ""
        c["quotes"] += len(art.quotes)
        aid = art.id if art.id is not None else ""
        touched: dict[tuple[str, str, str], set[int]] = {}
        edges, sources, targets, k = self.edges, self.sources, self.targets, self.examples
        for qi, source, stype, saff, target, ttype, label, ph, pn, pc, start, end, text in article_rows(art.quotes, self.by, c):
            c["stances"] += 1
            if source == target:
                c["self_loops"] += 1
                if not self.self_loops:
                    c["self_loops_dropped"] += 1
                    continue
            key = (period, source, target)
            acc = edges.get(key)
            if acc is None:
                acc = edges[key] = _new_acc()
            acc[_LABEL_SLOT[label]] += 1
            if ph is not None or pn is not None or pc is not None:
                acc[_SH] += ph or 0.0
                acc[_SN] += pn or 0.0
                acc[_SC] += pc or 0.0
                acc[_NS] += 1
            qs = touched.get(key)
            if qs is None:
                qs = touched[key] = set()
            qs.add(qi)
            s = sources.get(source)
            if s is None:
                s = sources[source] = {}
            sk = (stype, saff or "")
            s[sk] = s.get(sk, 0) + 1
            t = targets.get(target)
            if t is None:
                t = targets[target] = {}
            t[ttype] = t.get(ttype, 0) + 1
            if k:
                if ph is None and pc is None:
                    polarity = 0.0 if label == "neutral" else 1.0
                else:
                    polarity = max(ph or 0.0, pc or 0.0)
                ex = acc[_EX]
                ex.append((-round(polarity, 4), aid, -1 if start is None else int(start), -1 if end is None else int(end),
                           label, (text or "")[:EXAMPLE_CHARS]))
                if len(ex) >= 2 * k + 8:
                    ex.sort()
                    del ex[k:]
        for key, qs in touched.items():
            acc = edges[key]
            acc[_ART] += 1
            acc[_Q] += len(qs)
            acc[_FIRST] = _min(acc[_FIRST], day)
            acc[_LAST] = _max(acc[_LAST], day)

    # -- combining ----------------------------------------------------------------------------
    def merge(self, other: "Aggregator") -> "Aggregator":
        """Add ``other`` (an aggregator of other articles, same options) into this one."""
        if (other.by, other.freq, other.since, other.until, other.self_loops) != (self.by, self.freq, self.since, self.until, self.self_loops):
            raise ValueError("cannot merge aggregators with different options")
        for k, v in other.counts.items():
            self.counts[k] += v
        room = _ERROR_EXAMPLES - len(self.error_examples)
        if room > 0:
            self.error_examples.extend(other.error_examples[:room])
        for key, o in other.edges.items():
            acc = self.edges.get(key)
            if acc is None:
                self.edges[key] = [*o[:_EX], list(o[_EX])]
                continue
            for i in (_H, _N, _C, _SH, _SN, _SC, _NS, _ART, _Q):
                acc[i] += o[i]
            acc[_FIRST] = _min(acc[_FIRST], o[_FIRST])
            acc[_LAST] = _max(acc[_LAST], o[_LAST])
            ex = acc[_EX]
            ex.extend(o[_EX])
            if len(ex) > self.examples:
                ex.sort()
                del ex[self.examples:]
        for name, d in other.sources.items():
            s = self.sources.setdefault(name, {})
            for k2, v in d.items():
                s[k2] = s.get(k2, 0) + v
        for name, d in other.targets.items():
            t = self.targets.setdefault(name, {})
            for k2, v in d.items():
                t[k2] = t.get(k2, 0) + v
        return self

    # -- the table ------------------------------------------------------------------------------
    def summary(self) -> dict[str, Any]:
        """The counts (:data:`SUMMARY`) and the first error messages."""
        return {**self.counts, "error_examples": list(self.error_examples)}

    def frame(self, min_quotes: int = MIN_QUOTES, interval: str = INTERVAL, groups_only: bool = False) -> Any:
        """The edges as a pandas DataFrame (see :func:`stance.network.network` for the columns),
        sorted by period, then quotations (most first), stances, source and target; the summary
        is in ``df.attrs["summary"]``."""
        import numpy as np
        import pandas as pd

        from .intervals import interval as score_interval

        if not isinstance(min_quotes, int) or min_quotes < 1:
            raise ValueError(f"min_quotes must be an integer >= 1, got {min_quotes!r}")
        if interval not in INTERVALS:
            raise ValueError(f"interval must be one of {', '.join(INTERVALS)}, got {interval!r}")
        keys = sorted(k for k, a in self.edges.items() if a[_Q] >= min_quotes)
        self.counts["edges_below_min_quotes"] = len(self.edges) - len(keys)
        src_info = {s: min(d.items(), key=lambda kv: (-kv[1], kv[0]))[0] for s, d in self.sources.items()}
        tgt_type = {t: min(d.items(), key=lambda kv: (-kv[1], kv[0]))[0] for t, d in self.targets.items()}
        self.counts["edges_not_groups"] = 0
        if groups_only:
            kept = [k for k in keys if src_info[k[1]][0] in GROUP_TYPES and tgt_type[k[2]] in GROUP_TYPES]
            self.counts["edges_not_groups"] = len(keys) - len(kept)
            keys = kept
        self.counts["edges"] = len(keys)
        accs = [self.edges[k] for k in keys]
        col = lambda i: np.array([a[i] for a in accs], dtype=float if i in (_SH, _SN, _SC) else np.int64)  # noqa: E731
        h, m, cc, ns = col(_H), col(_N), col(_C), col(_NS)
        score, low, high = score_interval(interval, h, m, cc)
        data: dict[str, Any] = {}
        if self.freq:
            data["period"] = [k[0] for k in keys]
        data["source"] = [k[1] for k in keys]
        data["source_type"] = [src_info[k[1]][0] for k in keys]
        data["source_affiliation"] = [src_info[k[1]][1] or None for k in keys]
        data["target"] = [k[2] for k in keys]
        data["target_type"] = [tgt_type[k[2]] for k in keys]
        data["n"] = h + m + cc
        for label, arr in zip(LABELS, (h, m, cc)):
            data[f"n_{label}"] = arr
        with np.errstate(invalid="ignore", divide="ignore"):
            for label, i in zip(LABELS, (_SH, _SN, _SC)):
                data[f"p_{label}"] = np.round(col(i) / np.where(ns > 0, ns, np.nan), DECIMALS)
        data["score"] = np.round(score, DECIMALS)
        data["score_low"] = np.round(low, DECIMALS)
        data["score_high"] = np.round(high, DECIMALS)
        data["first_date"] = [a[_FIRST] for a in accs]
        data["last_date"] = [a[_LAST] for a in accs]
        data["n_articles"] = col(_ART)
        data["n_quotes"] = col(_Q)
        data["self_loop"] = np.array([k[1] == k[2] for k in keys], dtype=bool)
        data["examples"] = [_examples_json(a[_EX], self.examples) for a in accs]
        df = pd.DataFrame(data)
        for c in ("n", "n_hostile", "n_neutral", "n_conciliatory", "n_articles", "n_quotes"):
            df[c] = df[c].astype("int64")
        order = (["period"] if self.freq else []) + ["n_quotes", "n", "source", "target"]
        asc = ([True] if self.freq else []) + [False, False, True, True]
        df = df.sort_values(order, ascending=asc, kind="mergesort").reset_index(drop=True)
        df.attrs["summary"] = self.summary()
        df.attrs["options"] = {"by": self.by, "freq": self.freq, "since": self.since and self.since.isoformat(),
                               "until": self.until and self.until.isoformat(), "min_quotes": min_quotes,
                               "examples": self.examples, "self_loops": self.self_loops, "interval": interval,
                               "groups_only": bool(groups_only)}
        return df


def _examples_json(ex: list[tuple], k: int) -> str:
    """The ``k`` strongest examples as a JSON list of {id, start, end, label, quote}."""
    best = sorted(ex)[:k]
    return json.dumps([{"id": e[1], "start": e[2], "end": e[3], "label": e[4], "quote": e[5]} for e in best],
                      ensure_ascii=False)
