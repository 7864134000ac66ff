"""Lexicons and gazetteers, read once from the data files in ``stance/data``.

Every word list the rules use lives in a data file; this module is the one place that reads them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from sys import intern
from typing import Iterable

from stance.text.inflection import verb_forms


def _data_text(name: str) -> str:
    return resources.files("stance").joinpath("data", name).read_text(encoding="utf-8")


def data_rows(name: str) -> Iterable[list[str]]:
    for line in _data_text(name).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield line.rstrip("\n").split("\t")


@dataclass(frozen=True)
class CueLexicon:
    """Reporting verbs by surface form (lowercase) -> (lemma, frame); multi-word phrases."""

    verbs: dict[str, tuple[str, str]]
    phrases: dict[tuple[str, ...], tuple[str, str]]
    nouns: frozenset[str]


@lru_cache(maxsize=1)
def _irregular() -> dict[str, frozenset[str]]:
    """Verb forms the inflection rules miss (``irregular_verbs.tsv``): lemma -> forms."""
    return {row[0].strip(): frozenset(f.strip() for f in row[1].split(",")) for row in data_rows("irregular_verbs.tsv")}


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The reporting-verb lexicon of ``reporting_verbs.tsv`` and ``reporting_phrases.tsv``."""
    verbs: dict[str, tuple[str, str]] = {}
    phrases: dict[tuple[str, ...], tuple[str, str]] = {}
    irregular = _irregular()
    for row in data_rows("reporting_verbs.tsv"):
        lemma = row[0].strip()
        extra = [f.strip() for f in row[1].split(",")] if len(row) > 1 and row[1].strip() else []
        frame = row[2].strip() if len(row) > 2 else "say"
        if " " in lemma:
            head, rest = lemma.split(" ", 1)
            for form in verb_forms(head, irregular.get(head, ()), drop_pasts=False):
                phrases[tuple(f"{form} {rest}".split())] = (lemma, frame)
            for form in extra:
                phrases[tuple(form.split())] = (lemma, frame)
            continue
        # irregular verbs lose the regular pasts they do not have (sayed, telled, writed)
        forms = verb_forms(lemma, irregular.get(lemma, ()), extra, drop_doubled=True)
        for form in forms:
            verbs.setdefault(form, (lemma, frame))
    for row in data_rows("reporting_phrases.tsv"):
        phrases[tuple(row[0].split())] = (row[0], row[1].strip() if len(row) > 1 else "say")
    nouns = frozenset(r[0].strip() for r in data_rows("cue_nouns.tsv"))
    return CueLexicon(verbs, phrases, nouns)


@lru_cache(maxsize=None)
def word_set(name: str, keep_case: bool = False) -> frozenset[str]:
    """A one-word-per-line data file as a set (lowercased unless ``keep_case``). The words are
    interned, as the tokens are (:mod:`stance.text.tokenize`), so a token found in the set matches
    by identity, as fast as a set literal in the code."""
    if keep_case:
        return frozenset(intern(r[0].strip()) for r in data_rows(name))
    return frozenset(intern(r[0].strip().lower()) for r in data_rows(name))


@lru_cache(maxsize=None)
def tagged_words(name: str, tag: str, column: int = 1) -> frozenset[str]:
    """The first-column words of a data file whose ``column`` (comma-separated tags) has ``tag``."""
    out = set()
    for row in data_rows(name):
        if len(row) > column and tag in {t.strip() for t in row[column].split(",")}:
            out.add(intern(row[0].strip()))
    return frozenset(out)


#: the tags of the clause column of ``reporting_verbs.tsv`` (its header says what each means)
REPORTING_CLAUSE_TAGS = frozenset({"zero-that", "needs-verb", "no-zero-that", "infinitive", "addressee", "direct", "gerund", "accuse"})


def reporting_verbs_with(tag: str) -> frozenset[str]:
    """Lemmas of ``reporting_verbs.tsv`` whose clause column has ``tag`` (one of
    :data:`REPORTING_CLAUSE_TAGS`): "zero-that" verbs report a clause without "that", and so on."""
    if tag not in REPORTING_CLAUSE_TAGS:
        raise ValueError(f"unknown reporting-verb clause tag {tag!r}; expected one of {sorted(REPORTING_CLAUSE_TAGS)}")
    return tagged_words("reporting_verbs.tsv", tag, column=3)


@lru_cache(maxsize=1)
def _pronoun_rows() -> tuple[tuple[str, str, str], ...]:
    """``pronouns.tsv``: (pronoun, kind, gender), "-" where it has no kind or no gender."""
    return tuple((r[0].strip(), r[1].strip(), r[2].strip()) for r in data_rows("pronouns.tsv"))


@lru_cache(maxsize=1)
def pronoun_kinds() -> dict[str, str]:
    """The pronouns the party and speaker rules resolve -> their kind ("he" -> "person-sg",
    "they" -> "plural", "it" -> "thing", "we" -> "self"; ``pronouns.tsv``)."""
    return {p: kind for p, kind, _ in _pronoun_rows() if kind != "-"}


@lru_cache(maxsize=1)
def pronoun_genders() -> dict[str, str]:
    """The third-person singular pronouns -> the gender they take ("his" -> "m", "herself" -> "f";
    ``pronouns.tsv``)."""
    return {p: gender for p, _, gender in _pronoun_rows() if gender != "-"}


def _named_sets(rows: Iterable[list[str]], file: str) -> dict[str, frozenset[str]]:
    """The rows ``name <TAB> space-separated words`` of a data file as sets by name."""
    out: dict[str, frozenset[str]] = {}
    for row in rows:
        name = row[0].strip()
        if name in out or len(row) < 2 or not row[1].split():
            raise ValueError(f"{file}: set {name!r} is repeated or has no words")
        out[name] = frozenset(intern(w) for w in row[1].split())  # interned, as in :func:`word_set`
    return out


@lru_cache(maxsize=1)
def _function_word_classes() -> dict[str, frozenset[str]]:
    return _named_sets(data_rows("function_words.tsv"), "function_words.tsv")


@lru_cache(maxsize=1)
def _rule_word_sets() -> dict[str, frozenset[str]]:
    return _named_sets(data_rows("rule_words.tsv"), "rule_words.tsv")


def rule_words(name: str) -> frozenset[str]:
    """One small word set of a single rule in ``rule_words.tsv`` (mostly a subset of a closed
    class: "country_locatives", "np_stop_left", ...; its comment there says which rule reads it),
    as written (no lowercasing)."""
    return _rule_word_sets()[name]


def function_words(name: str) -> frozenset[str]:
    """One class of closed-class words of ``function_words.tsv`` ("determiners", "auxiliaries",
    ...); the module constants below hold the classes the rules use."""
    return _function_word_classes()[name]


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words (function words and the commonest adverbs)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def weekdays() -> tuple[str, ...]:
    """The days of the week, Monday first, lowercase (``weekdays.txt``)."""
    return tuple(intern(r[0].strip().lower()) for r in data_rows("weekdays.txt"))


@lru_cache(maxsize=1)
def months() -> tuple[str, ...]:
    """The months, January first, lowercase (``months.txt``)."""
    return tuple(intern(r[0].strip().lower()) for r in data_rows("months.txt"))


@lru_cache(maxsize=1)
def time_words() -> frozenset[str]:
    """Words of time: weekdays, months (:func:`weekdays`, :func:`months`), relative days and
    periods (``time_words.txt``)."""
    return word_set("time_words.txt") | frozenset(weekdays()) | frozenset(months())


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Words of a lowercase role: the person nouns and the role modifiers ("press secretary")."""
    return word_set("person_nouns.txt") | word_set("role_modifiers.txt")


@lru_cache(maxsize=1)
def description_heads() -> dict[str, tuple[str, bool]]:
    """``data/description_heads.tsv``: head noun -> (``state`` | ``organization`` | ``named`` |
    ``title``, whether any organisation may be its referent). Read by the party references and the
    owners of roles ("the company's founder")."""
    out = {}
    for row in data_rows("description_heads.tsv"):
        kind = row[1].split() if len(row) > 1 else ["organization"]
        out[row[0].strip()] = (kind[0], "any" in kind[1:])
    return out


@lru_cache(maxsize=1)
def gendered_nouns() -> dict[str, str]:
    """Noun -> "m" or "f" (``gendered_nouns.tsv``: "father", "wife", "actress"). Read by the
    speakers' definite descriptions and the parties' kin references."""
    return {row[0].strip(): row[1].strip() for row in data_rows("gendered_nouns.tsv") if len(row) > 1}


@lru_cache(maxsize=1)
def party_labels() -> dict[str, str]:
    """Party labels before a title or name ("Democrat", "Conservative") -> the party's name."""
    return {row[0].strip(): row[1].strip() for row in data_rows("party_labels.tsv")}


@lru_cache(maxsize=1)
def party_codes() -> dict[str, str]:
    """The party letters of a US legislator's party code ("R" in "(R-Texas)") -> the party's name,
    "" for an independent ("I"; ``party_codes.tsv``)."""
    return {row[0].strip(): "" if row[1].strip() == "-" else row[1].strip() for row in data_rows("party_codes.tsv")}


def party_of_members(word: str) -> str | None:
    """The party whose members a plural party label names ("Democrats", "Republicans": the
    label of :func:`party_labels` and an "s"); None for any other word."""
    return party_labels().get(word[:-1]) if word.endswith("s") else None


@lru_cache(maxsize=1)
def political_parties() -> frozenset[str]:
    """The parties the labels of :func:`party_labels` name ("Democratic Party")."""
    return frozenset(party_labels().values())


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Titles that stand before names -> the role they give."""
    out = {}
    for row in data_rows("titles.tsv"):
        out[row[0].strip()] = (row[1].strip() if len(row) > 1 else "")
    return out


@dataclass(frozen=True)
class Gazetteer:
    """Parties by surface form: ``aliases`` maps a surface string to ``(canonical, type)``."""

    aliases: dict[str, tuple[str, str]]
    demonyms: dict[str, str]
    countries: frozenset[str]

    def lookup(self, surface: str) -> tuple[str, str] | None:
        s = surface.strip()
        if s.lower().startswith("the "):
            hit = self.aliases.get(s) or self.aliases.get(s[4:])
        else:
            hit = self.aliases.get(s)
        return hit


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Countries (from pycountry, with aliases, demonyms and capitals) and international bodies."""
    data = json.loads(_data_text("gazetteer.json"))
    aliases: dict[str, tuple[str, str]] = {}
    demonyms: dict[str, str] = {}
    countries = set()
    try:
        import pycountry

        for c in pycountry.countries:
            name = getattr(c, "common_name", None) or c.name
            if "," in name or "(" in name:
                continue
            countries.add(name)
            aliases.setdefault(name, (name, "state"))
    except ImportError:  # pragma: no cover - pycountry is a dependency
        pass
    for canon, info in data["countries"].items():
        countries.add(canon)
        # the hand list wins over pycountry's official names
        for a in [canon, *info["aliases"]]:
            aliases[a] = (canon, "state")
        for m in info["metonyms"]:
            aliases[m] = (canon, "state")
        for d in info["demonyms"]:
            demonyms[d] = canon
    for canon, alist in data["organizations"].items():
        for a in [canon, *alist]:
            aliases.setdefault(a, (canon, "organization"))
    return Gazetteer(aliases, demonyms, frozenset(countries))


# The closed classes of function_words.tsv, one definition each (see the file for what is in them).
DETERMINERS = function_words("determiners")
POSSESSIVE_DETERMINERS = function_words("possessive_determiners")
SUBJECT_PRONOUNS = function_words("subject_pronouns")
OBJECT_PRONOUNS = function_words("object_pronouns")
PERSONAL_PRONOUNS = function_words("personal_pronouns")
AUXILIARIES = function_words("auxiliaries")
BE_FORMS = function_words("be_forms")
RELATIVES = function_words("relatives")
WH_WORDS = function_words("wh_words")
SUBORDINATORS = function_words("subordinators")
NUMBER_WORDS = function_words("number_words")
LONE_QUANTIFIERS = function_words("lone_quantifiers")
ARTICLES = function_words("articles")
