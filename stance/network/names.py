"""Canonical names of parties: one spelling per state or international organisation.

Uses the project's gazetteer (:func:`stance.text.lexicons.gazetteer`: pycountry's countries, the hand
list of aliases, capitals/metonyms such as "Pyongyang" or "the Kremlin", and international bodies)
and then pycountry's own lookup (official names, three-letter codes), so "U.S.", "USA", "America",
"Washington" and "United States of America" all become "United States".
"""

from __future__ import annotations

from functools import lru_cache

_STRIP = " \t\n\r\"'“”‘’,;:"


def clean(name: str) -> str:
    """Whitespace-normalised name without surrounding quotes/punctuation."""
    return " ".join(str(name).split()).strip(_STRIP)


@lru_cache(maxsize=65536)
def party(name: str) -> tuple[str, str | None]:
    """``(canonical name, "state" | "organization" | None)``; the type is None when the name is
    neither a known state nor a known organisation (the cleaned name is returned then)."""
    from ..text.lexicons import gazetteer

    s = clean(name)
    if not s:
        return s, None
    g = gazetteer()
    hit = g.lookup(s)
    if hit is None:
        for suffix in ("’s", "'s"):
            if s.endswith(suffix):
                hit = g.lookup(s[: -len(suffix)])
                break
    if hit is None and s in g.demonyms:
        return g.demonyms[s], "state"
    if hit is not None:
        return hit[0], hit[1]
    if len(s) > 3:
        try:
            import pycountry

            c = pycountry.countries.lookup(s)
        except (LookupError, ImportError):
            c = None
        if c is not None:
            canon = getattr(c, "common_name", None) or c.name
            return g.lookup(canon)[0] if g.lookup(canon) else canon, "state"
    return s, None
