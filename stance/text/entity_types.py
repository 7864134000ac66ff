"""What kind of thing a name denotes: person, organization, place (or state, from the gazetteer).

Rules over maintained data compiled into ``stance/data`` (``stance build entities``): given names
with gender (US Census 1990, Phoenix actors), places (GeoNames cities, ISO 3166-2 subdivisions, US
states, continents), well-known organisations written by bare name (``known_orgs.txt``), place head
words ("Midway Atoll", "National Mall": ``place_heads.txt``), last words of events, laws and
party words ("Iraq War", "Republican": ``other_heads.txt``, type ``other``), first words of storms and
operations ("Hurricane Dorian": ``other_leads.txt``, type ``other``), plus the cues around a mention: an honorific or a title before it (a person), an organisation noun
before it ("the toymaker X", "London-based X": an organisation), a place preposition before it
or ", <place>" after it (a place). A place is never a speaker; the gazetteer's metonyms ("Washington"
for the United States) are states, typed before this module is asked.

Article-level evidence is combined by :func:`settle_types`: a one-word name that is the first or
last word of a person named in full elsewhere in the article is that person ("Warren" after
"Elizabeth Warren"), a name typed a place by a cue is a place wherever it stands alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from sys import intern
from typing import NamedTuple, Sequence

from stance.text.lexicons import data_rows, pronoun_genders, rule_words, word_set

#: words before a name that make it a place ("in Denver", "near Kamloops")
PLACE_BEFORE = rule_words("place_before")
#: words right before a name that make it an organisation ("the toymaker Hasbro", "retailer
#: Tesco", "London-based Tesco", "tech giant Ovix")
ORG_BEFORE = word_set("org_before.txt")


def _honorific_rows() -> list[tuple[str, str, bool]]:
    """``data/honorifics.tsv``: (honorific, the gender it shows or "", whether one of courtesy)."""
    out = []
    for r in data_rows("honorifics.tsv"):
        gender = r[1].strip()
        out.append((intern(r[0].strip()), "" if gender == "-" else gender, len(r) > 2 and r[2].strip() == "courtesy"))
    return out


#: honorifics and titles before a name: a person, with the gender they show ("" when none), lowercase
HONORIFICS = {w: g for w, g, _ in _honorific_rows()}
#: honorifics of courtesy and the gender they show ("Mrs. Yu"), lowercase
GENDERED_HONORIFICS = {w: g for w, g, courtesy in _honorific_rows() if courtesy}
#: third-person singular pronouns and the gender they take (``pronouns.tsv``)
PRONOUN_GENDER = pronoun_genders()


@dataclass(frozen=True)
class EntityLexicons:
    """``first_names``: given name -> gender (m, f, mf, ?); ``places``: place name -> ambiguous
    (also a common surname or first name); ``orgs``: organisations written by bare name;
    ``regions``: first-level subdivisions of states (US states, provinces, ...) by name or
    abbreviation -> name."""

    first_names: dict[str, str]
    places: dict[str, bool]
    orgs: frozenset[str]
    place_heads: frozenset[str]
    other_heads: frozenset[str]
    regions: dict[str, str]
    other_leads: frozenset[str]
    org_tails: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def entity_lexicons() -> EntityLexicons:
    """The lexicons, read once."""
    first = {r[0]: r[1].strip() for r in data_rows("first_names.tsv") if len(r) > 1}
    rows = [r for r in data_rows("places.tsv") if len(r) > 1]
    places = {r[0]: len(r) > 2 and r[2].strip() == "1" for r in rows}
    regions = {r[0]: r[0] for r in rows if r[1].strip() in ("state_us", "subdivision")}
    regions.update({r[0].strip(): r[1].strip() for r in data_rows("region_abbreviations.tsv") if len(r) > 1})
    return EntityLexicons(first, places, word_set("known_orgs.txt", keep_case=True), word_set("place_heads.txt", keep_case=True),
                          word_set("other_heads.txt", keep_case=True), regions, word_set("other_leads.txt", keep_case=True),
                          word_set("org_tails.txt", keep_case=True))


class TypeGuess(NamedTuple):
    """A name's type, how strong the evidence is (``strong``: an honorific, a title, a given name,
    a known organisation or an unambiguous place; else a default), and a gender (m, f or "").
    (A named tuple: one is made for every name the gazetteer does not type, and a tuple is made
    at C speed where a frozen dataclass sets each field in Python.)"""

    type: str
    strong: bool
    gender: str = ""


def guess_type(words: Sequence[str], before: str, after: Sequence[str], has_role: bool) -> TypeGuess:
    """The type of a name that neither the gazetteer nor an organisation head noun types.

    ``words``: the name's tokens; ``before``: the lowercased token before it; ``after``: the
    next two tokens; ``has_role``: a title was split off the name ("Senator X")."""
    lex = entity_lexicons()
    text = " ".join(words)
    hon = HONORIFICS.get(before)
    if hon is not None or has_role:
        return TypeGuess("person", True, hon or _gender(words, lex))
    if text in lex.orgs or before in ORG_BEFORE or _org_form(words, lex):
        return TypeGuess("organization", True)
    if len(words) >= 2 and words[-1] in lex.place_heads:
        return TypeGuess("place", True)
    if words and (words[-1] in lex.other_heads or (len(words) >= 2 and words[0] in lex.other_leads)):
        return TypeGuess("other", True)
    place_cue = before in PLACE_BEFORE or (len(after) >= 2 and after[0] == "," and (after[1] in lex.places or after[1] in lex.regions))
    if text in lex.regions and text not in lex.places:
        return TypeGuess("place", True)  # an abbreviated state or province ("Mich.", "B.C.")
    if len(after) >= 2 and after[0] == "," and after[1] in lex.regions and after[1] not in lex.places and len(words) <= 3:
        return TypeGuess("place", True)  # a city before an abbreviated state ("Flint, Mich.")
    if text in lex.places:
        ambiguous = lex.places[text]
        if not ambiguous or place_cue:
            return TypeGuess("place", True)
        return TypeGuess("person", False, _gender(words, lex))
    if len(words) >= 2 and words[0] in lex.first_names:
        return TypeGuess("person", True, _gender(words, lex))
    if place_cue and len(words) <= 2 and before not in ("of", "to", "from", "at"):
        return TypeGuess("place", False)
    if len(words) <= 4:
        return TypeGuess("person", False, _gender(words, lex))
    return TypeGuess("unknown", False)


#: web addresses written as names ("Factcheck.org", "News.com.au")
_DOMAIN = re.compile(r"\w\.(?:com|org|net|gov|edu|info|io|co|uk|au|ca|ph|in|fr|de)$", re.IGNORECASE)
#: one word joining two capitalised words without a space ("CrowdTangle", "EgyptAir", "TheBlaze"):
#: three lowercase letters or more before the inner capital, so not "McCain", "DeSantis", "LeBron"
_CAMEL = re.compile(r"^[A-Z][a-z]{2,}[A-Z][a-z]")
#: surname prefixes written with an inner capital ("MacArthur", "FitzGerald", "VanderBeek")
_CAMEL_SURNAME_PREFIXES = tuple(sorted(word_set("camel_surname_prefixes.txt", keep_case=True)))


def _org_form(words: Sequence[str], lex: EntityLexicons) -> bool:
    """Whether the written form of a name makes it an organisation: a company or project word last
    ("Westwood Capital", "Acme Inc.", "Elections Project": ``org_tails.txt``), a web address
    ("Factcheck.org"), or
    one word of two capitalised words run together ("CrowdTangle") that is no given name."""
    if not words:
        return False
    last = words[-1]
    if len(words) >= 2 and last in lex.org_tails:
        return True
    if _DOMAIN.search(last):
        return True
    if len(words) != 1:
        return False
    w = last
    return bool(_CAMEL.match(w)) and not w.startswith(_CAMEL_SURNAME_PREFIXES) and w not in lex.first_names


def is_acronym(word: str, min_len: int = 3, max_len: int | None = None, dots: bool = False) -> bool:
    """An all-caps word of ``min_len`` letters or more ("NTSB", "NDRRMC") and, when ``max_len`` is
    given, at most that many; with ``dots``, its dots are dropped first ("U.N." is "UN")."""
    s = word.replace(".", "") if dots else word
    return len(s) >= min_len and (max_len is None or len(s) <= max_len) and s.isalpha() and s.isupper()


def _gender(words: Sequence[str], lex: EntityLexicons) -> str:
    g = lex.first_names.get(words[0], "") if words else ""
    return g if g in ("m", "f") else ""


def settle_types(texts: Sequence[str], guesses: Sequence[TypeGuess], person_full: set[str]) -> list[TypeGuess]:
    """Article-level agreement of the guesses for the same name: strong evidence anywhere wins
    over a default; a one-word name that is a word of a strongly typed person in ``person_full``
    (the article's multi-word person names' first and last words) is a person."""
    strong: dict[str, TypeGuess] = {}
    for t, g in zip(texts, guesses):
        if g.strong and t not in strong:
            strong[t] = g
    out = []
    for t, g in zip(texts, guesses):
        if not g.strong:
            if t in strong:
                g = strong[t]
            elif " " not in t and t in person_full:
                g = TypeGuess("person", True, g.gender)
        elif g.type == "place" and " " not in t and t in person_full:
            g = TypeGuess("person", True, g.gender)
        out.append(g)
    return out
