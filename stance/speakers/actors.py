"""Knowledge of political actors: who held which office, for whom, when.

Used for a speaker whose affiliation the article does not give (the article's own words always
win): the speaker's name is looked up in two shipped data files,

- ``stance/data/actors_recent.tsv``: office holders 2014-2025 (heads of state and government of
  the UN member states, foreign and defence ministers and spokespeople of the G20 and of countries
  prominent in the news, US governors, UK first ministers, Canadian premiers, heads of
  international organisations), written from public facts, one term per line;
- ``stance/data/actors_phoenix.tsv``: the Phoenix actor dictionaries of PETRARCH2 (MIT), compiled
  by ``stance build actors`` (:mod:`stance.training.actors`); they stop in January 2014.

A term of the hand-written file that covers the article's date wins; else a Phoenix period that
covers it (its role only before the dictionaries' cut-off: an open-ended period says nothing of
later offices). When no term covers the date, only an affiliation every term of the actor shares
is given, without a role. Without a date but with the period the article's titled office holders
date it to (:mod:`stance.speakers.article_period`), the affiliation the actor holds most of that
period (:func:`resolve_within`). Without either the news is read as current: the actor's latest term
(a Phoenix one without its role when it is open-ended). Terms that disagree give nothing (a name
that several actors share is used only when they agree).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable

from stance.text.lexicons import data_rows, word_set
from stance.text.mentions import MentionIndex

#: Where ``actors_phoenix.tsv`` stops: its open-ended periods tell nothing of offices after it.
PHOENIX_CUTOFF = date(2014, 1, 30)
SOURCE_RECENT = "recent"
SOURCE_PHOENIX = "phoenix"


@dataclass(frozen=True)
class Term:
    """One actor's affiliation (and role) between two dates (``None``: open)."""

    actor: str
    affiliation: str
    role: str | None
    start: date | None
    end: date | None
    source: str

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class ActorInfo:
    """What the lookup says of a speaker: affiliation, role (or None) and the data it came from."""

    affiliation: str
    role: str | None
    source: str


#: ``[start, end)``: the period an undated article dates itself to (:mod:`stance.speakers.article_period`)
Period = tuple[date, date]


def name_key(name: str) -> str:
    """The form names are matched in: case, accents, hyphens, dots and curly quotes folded
    (``"Recep Tayyip Erdoğan"`` and ``"recep tayyip erdogan"`` match; so do ``Kim Jong-un`` and
    ``Kim Jong Un``)."""
    if name.isascii():
        s = name.lower()
    else:
        s = unicodedata.normalize("NFKD", name)
        s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("’", "'").replace("-", " ").replace(".", " ")
    return " ".join(s.split())


def parse_day(s: str, *, end: bool = False) -> date | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (a partial date as its first day, or its last when
    ``end``); empty -> None."""
    s = s.strip()
    if not s:
        return None
    parts = [int(p) for p in s.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        y, m = parts
        if not end:
            return date(y, m, 1)
        return date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


class ActorLookup:
    """Name -> terms, from the rows of the two data files.

    The Phoenix rows (about 19,000) are indexed by name when built and parsed into terms only when
    a name is looked up (and kept: a row is parsed once), so building the lookup stays cheap."""

    def __init__(self, recent_rows: Iterable[list[str]], phoenix_rows: Iterable[list[str]]):
        self.full: dict[str, list[Term]] = {}
        self.surname: dict[str, list[Term]] = {}
        for row in recent_rows:
            if len(row) < 6 or not row[0].strip():
                continue
            names = [n.strip() for n in row[0].split("|") if n.strip()]
            term = Term(names[0], row[2].strip(), row[3].strip() or None, parse_day(row[4]), parse_day(row[5], end=True), SOURCE_RECENT)
            for n in names:
                self.full.setdefault(name_key(n), []).append(term)
            for n in row[1].split("|"):
                if n.strip():
                    self.surname.setdefault(name_key(n), []).append(term)
        self.rows: list[list[str]] = []
        self.phoenix_full: dict[str, list[int]] = {}
        self.phoenix_surname: dict[str, list[int]] = {}
        self._phoenix_parsed: dict[int, tuple[Term, ...]] = {}  # row -> its terms, once looked up
        self._latest_day: date | None = None  # latest_day(), once asked
        for row in phoenix_rows:
            if len(row) < 5 or row[0] != "A":
                continue
            k = len(self.rows)
            self.rows.append(row)
            # the compiled names are already in name_key form (stance.training.actors)
            for n in row[2].split("|"):
                if n:
                    self.phoenix_full.setdefault(n, []).append(k)
            for n in row[3].split("|"):
                if n:
                    self.phoenix_surname.setdefault(n, []).append(k)

    def phoenix_terms(self, k: int) -> tuple[Term, ...]:
        """The terms of Phoenix row ``k`` (parsed when first asked)."""
        out = self._phoenix_parsed.get(k)
        if out is None:
            row = self.rows[k]
            out = self._phoenix_parsed[k] = tuple(
                Term(row[1], aff, role or None, parse_day(start), parse_day(end, end=True), SOURCE_PHOENIX)
                for aff, _sector, start, end, role in ((cell.split(",") + [""] * 5)[:5] for cell in row[4].split(";"))
                if aff)
        return out

    def terms(self, name: str, *, surname: bool = False) -> list[Term]:
        """Every term of every actor called ``name`` (or with that surname variant)."""
        key = name_key(name)
        recent = (self.surname if surname else self.full).get(key, [])
        rows = (self.phoenix_surname if surname else self.phoenix_full).get(key, [])
        return [*recent, *(t for k in rows for t in self.phoenix_terms(k))]

    def recent_terms(self, name: str, *, surname: bool = False) -> list[Term]:
        """The hand-written terms of the actor called ``name`` (or with that surname variant),
        without parsing any Phoenix row."""
        return (self.surname if surname else self.full).get(name_key(name), [])

    def lookup(self, name: str, day: date | None = None, *, surname: bool = False, period: Period | None = None) -> ActorInfo | None:
        """What is known of ``name`` at ``day`` (None: date unknown; then within ``period``, if
        given); ``surname=True`` matches the dictionaries' surname variants (only when the caller
        knows the surname is unambiguous in its article)."""
        terms = self.terms(name, surname=surname)
        if not terms:
            return None
        return resolve_within(terms, period) if day is None and period is not None else resolve(terms, day)

    def latest_day(self) -> date:
        """The latest start or end of a hand-written term: where the lookup's knowledge stops
        (found when first asked, then kept)."""
        if self._latest_day is None:
            self._latest_day = max(d for ts in self.full.values() for t in ts for d in (t.start, t.end) if d is not None)
        return self._latest_day


def _agree(terms: list[Term]) -> ActorInfo | None:
    affs = {t.affiliation for t in terms}
    if len(affs) != 1:
        return None
    roles = {t.role for t in terms}
    role = roles.pop() if len(roles) == 1 else None
    return ActorInfo(affs.pop(), role, terms[0].source)


def resolve(terms: list[Term], day: date | None) -> ActorInfo | None:
    """The affiliation and role ``terms`` (of one name) give at ``day``; see the module doc."""
    recent = [t for t in terms if t.source == SOURCE_RECENT]
    phoenix = [t for t in terms if t.source == SOURCE_PHOENIX]
    if day is not None:
        hit = [t for t in recent if t.covers(day)]
        if hit:
            return _agree(hit)
        hit = [t for t in phoenix if t.covers(day)]
        if hit:
            info = _agree(hit)
            if info is not None and day > PHOENIX_CUTOFF and any(t.end is None for t in hit):
                info = ActorInfo(info.affiliation, None, info.source)
            return info
    pool = recent or phoenix
    if day is None:
        # date unknown: the actor's latest term (the news is read as current)
        latest = max((t.start or date.min) for t in pool)
        info = _agree([t for t in pool if (t.start or date.min) == latest])
        if info is not None and pool is phoenix and any(t.end is None for t in pool if (t.start or date.min) == latest):
            info = ActorInfo(info.affiliation, None, info.source)
        return info
    # a date no term covers: only an affiliation every term shares, and no office
    info = _agree(pool)
    return ActorInfo(info.affiliation, None, info.source) if info is not None else None


def resolve_within(terms: list[Term], period: Period) -> ActorInfo | None:
    """The affiliation and role ``terms`` (of one name) give within ``period`` (an undated article
    that dates itself): the affiliation the terms hold for more than half of the time they overlap
    the period, with the role of its longest such term (a Phoenix role only when that term ended
    before the dictionaries' cut-off); None when no term overlaps the period or no affiliation
    holds most of it (the 2016 candidate Trump in a story of Obama's presidency: Republican Party)."""
    start, end = period
    recent = [t for t in terms if t.source == SOURCE_RECENT]
    weights: dict[str, list[tuple[int, Term]]] = {}
    for t in recent or terms:
        days = (min(end, t.end or date.max) - max(start, t.start or date.min)).days
        if days > 0:
            weights.setdefault(t.affiliation, []).append((days, t))
    totals = {aff: sum(d for d, _ in ws) for aff, ws in weights.items()}
    if not totals:
        return None
    aff = max(totals, key=lambda a: totals[a])
    if 2 * totals[aff] <= sum(totals.values()):
        return None
    best = max(weights[aff], key=lambda w: w[0])[1]
    dated_role = best.source == SOURCE_RECENT or (best.end is not None and best.end < PHOENIX_CUTOFF)
    return ActorInfo(aff, best.role if dated_role else None, best.source)


def former_offices(terms: list[Term], day: date | None) -> list[str]:
    """The offices (roles) of ``terms`` that ended before ``day`` (None: that ended at all), most
    recent first, without repeats: "Secretary of State" for Hillary Clinton in 2016."""
    ended = sorted((t for t in terms if t.role and t.end is not None and (day is None or t.end < day)),
                   key=lambda t: t.end or date.min, reverse=True)
    return list(dict.fromkeys(t.role for t in ended if t.role))


#: generational suffixes after a name ("Jr.", "III"), in :func:`name_key` form
_SUFFIXES = word_set("generation_suffixes.txt")


def _is_initial(word: str) -> bool:
    """A middle initial: one capital letter and a dot ("R.")."""
    return len(word) == 2 and word[0].isupper() and word[1] == "."


@lru_cache(maxsize=1)
def actor_lookup() -> ActorLookup:
    """The shipped lookup (read once, on first use)."""
    return ActorLookup(data_rows("actors_recent.tsv"), data_rows("actors_phoenix.tsv"))


def describe_from_knowledge(mentions: MentionIndex, name: str, day: date | None, lookup: ActorLookup | None = None,
                            period: Period | None = None) -> ActorInfo | None:
    """What the actor lookup says of the speaker ``name`` of an article (its names in ``mentions``)
    at the article's date ``day`` (None: unknown; then within the ``period`` the article dates
    itself to, if any: :func:`resolve_within`).

    A name of several words is looked up as it is (or, failing that, without a generational suffix:
    "Joseph R. Biden Jr.", or without its middle initials: "John R. Bolton"); a Phoenix actor none
    of whose periods covers ``day`` is given only when the article names its affiliation (another
    "José Ortiz" of years before); a single word ("Lavrov", "Hamas") only as a
    surname variant of the dictionaries, and only when no other name of the article ends with it
    ("Trump" beside "Ivanka Trump" is not looked up), and only when the article also names the
    affiliation the lookup gives (a student "Wong" in a Hong Kong story is not Australia's foreign
    minister)."""
    table = lookup if lookup is not None else actor_lookup()
    words = name.split()
    if not words:
        return None
    if len(words) > 1:
        key = name
        info = table.lookup(key, day, period=period)
        if info is None and len(words) > 2 and name_key(words[-1]) in _SUFFIXES:
            # "Joseph R. Biden Jr.": the dictionaries name the actor without the suffix
            key = " ".join(words[:-1]).rstrip(",")
            info = table.lookup(key, day, period=period)
        if info is None and len(words) > 2 and any(_is_initial(w) for w in words[1:-1]):
            # "John R. Bolton": the dictionaries name the actor without the middle initial
            key = " ".join([words[0], *(w for w in words[1:-1] if not _is_initial(w)), words[-1]])
            info = table.lookup(key, day, period=period)
        if info is not None and info.source == SOURCE_PHOENIX and day is not None and not any(t.covers(day) for t in table.terms(key)):
            # no Phoenix period at the article's date (another "José Ortiz", years before): only
            # when the article names the affiliation
            if not mentions.named(info.affiliation):
                return None
        return info
    info = table.lookup(name, day, surname=True, period=period)
    if info is None:
        return None
    key = name_key(name)
    for m in mentions.names:
        other = m.canonical.split()
        if len(other) > 1 and name_key(other[-1]) == key:
            return None
    if not mentions.named(info.affiliation):
        return None
    return info
