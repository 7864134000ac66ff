"""Dates of articles and the period labels used for windowing (``freq``)."""

from __future__ import annotations

import datetime as _dt
import math
from typing import Any

from .defaults import FREQS


class BadDate(ValueError):
    """A date field that is present but not a date."""


def parse_date(value: Any) -> _dt.date | None:
    """The date of ``value``: a ``date``/``datetime`` (pandas ``Timestamp`` included), a
    ``numpy.datetime64``, or an ISO 8601 string ("2015-11-11", "2015-11-11T09:30:00Z"; only the
    date part is used). None, NaN/NaT and "" are missing (None); anything else raises
    :class:`BadDate`."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        if value != value:  # NaT
            return None
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str):
        s = value.strip()
        if not s:
            return None
        try:
            return _dt.date.fromisoformat(s[:10])
        except ValueError:
            raise BadDate(f"not an ISO date: {value!r}") from None
    if type(value).__name__ == "datetime64":
        s = str(value)
        if s == "NaT":
            return None
        return parse_date(s)
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    raise BadDate(f"not a date: {value!r} ({type(value).__name__})")


def period_of(d: _dt.date, freq: str) -> str:
    """The label of the period holding ``d``, as pandas prints its ``Period``: ``"2015"`` (Y),
    ``"2015-11"`` (M), ``"2015-11-09/2015-11-15"`` (W: Monday to Sunday)."""
    if freq == "Y":
        return f"{d.year:04d}"
    if freq == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if freq == "W":
        monday = d - _dt.timedelta(days=d.weekday())
        return f"{monday.isoformat()}/{(monday + _dt.timedelta(days=6)).isoformat()}"
    raise ValueError(f"freq must be one of {', '.join(FREQS)}, got {freq!r}")


def check_freq(freq: str | None) -> str | None:
    """``freq`` upper-cased and checked (None: no windowing)."""
    if freq is None:
        return None
    f = str(freq).upper()
    if f not in FREQS:
        raise ValueError(f"freq must be one of {', '.join(FREQS)} (week, month, year), got {freq!r}")
    return f


def bound(value: Any, name: str) -> _dt.date | None:
    """A ``since``/``until`` bound as a date (None: unbounded); a bad one raises ValueError."""
    try:
        return parse_date(value)
    except BadDate as e:
        raise ValueError(f"{name}: {e}") from None
