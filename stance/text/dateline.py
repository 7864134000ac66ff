"""The date an article gives at its top ("Monday, April 8, 2019", "8 April 2019", "2019-04-08")."""

from __future__ import annotations

import re
from datetime import date

from stance.text.lexicons import months

MONTHS = {m: i + 1 for i, m in enumerate(months())}
_M = "(" + "|".join(MONTHS) + ")"
_MDY = re.compile(rf"\b{_M}\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", re.I)
_DMY = re.compile(rf"\b(\d{{1,2}})\s+{_M},?\s+((?:19|20)\d\d)\b", re.I)
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")

#: How far from the start of the text a dateline is looked for (characters).
DATELINE_CHARS = 120


def article_date(text: str, head: int = DATELINE_CHARS) -> date | None:
    """The date in the first line of ``text`` (within its first ``head`` characters), or None."""
    first = text.lstrip()[:head].split("\n", 1)[0]
    for rx, order in ((_MDY, "mdy"), (_DMY, "dmy"), (_ISO, "ymd")):
        m = rx.search(first)
        if not m:
            continue
        a, b, c = m.groups()
        try:
            if order == "mdy":
                return date(int(c), MONTHS[a.lower()], int(b))
            if order == "dmy":
                return date(int(c), MONTHS[b.lower()], int(a))
            return date(int(a), int(b), int(c))
        except ValueError:
            continue
    return None


def as_date(value: "date | str") -> date:
    """A ``datetime.date`` (a datetime is cut to its date) or a ``YYYY-MM-DD`` string as a date;
    anything else raises ``ValueError``."""
    from datetime import datetime

    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise ValueError(f"expected a date or 'YYYY-MM-DD', got {value!r}")
