"""The words the role rules share: prepositions, determiners and stop marks that bound a role or
a description, the role nouns (``data/role_nouns.txt`` and the WordNet person nouns, with their
plurals), the lower-cased titles and their modifiers, and tests of a word as a role head, an
office, a field ("foreign policy adviser") or a local office ("mayor").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from stance.text.lexicons import cue_lexicon, data_rows, role_words, rule_words, stop_words, titles, word_set


#: prepositions that attach a body or a field to a role ("director of ...", "adviser for ...", "official at ...")
PREPS = rule_words("role_preps")
#: determiners before a role noun ("the spokesman", "its director", "a lawyer")
DETS = rule_words("role_dets")
#: words that make the text after a name's comma a clause rather than a description
VERBAL = rule_words("verbal")

QUANTIFIED_DETS = DETS | {"one", "another", "some", "many", "several"}

PREPS_TO = PREPS | {"to"}

#: prepositions between a described person and the body they belong to ("a spokeswoman for the House
#: Armed Services Committee", "sources within the Department of Defense", "researchers from the
#: University of Washington")
MEMBER_PREPS = rule_words("member_preps")

FIELD_BREAKS = PREPS | VERBAL | {"who", "which", "that"}

STOP_APPOS = frozenset({",", ".", ";", ":", "“", "”", '"', "(", ")", "—", "said", "says", "who", "which", "and"})

#: role heads whose holder serves a city or region, named as written ("mayor of Paris")
_LOCAL_HEADS = word_set("local_heads.txt")


def is_local(role_words: list[str]) -> bool:
    """Whether a role's head serves a city ("the mayor", "deputy mayor")."""
    return bool(role_words) and role_words[-1].lower() in _LOCAL_HEADS


def governs_region(role: str | None) -> bool:
    """Whether ``role`` is that of the head of a state's or province's own executive
    (``region_executives.txt``: "governor", "former governor")."""
    return bool(role) and role.split()[-1].lower() in word_set("region_executives.txt")


#: a candidate's organisation, named after its owner as the annotation writes it ("Clinton campaign")
CAMPAIGN_NOUNS = rule_words("campaign_nouns")


def names_campaign(words: Iterable[str]) -> bool:
    """Whether any of ``words`` (in any case) is a campaign noun: the phrase or sentence speaks of
    a candidate's campaign ("Sanders' campaign manager", "the Kasich campaign")."""
    return any(w.lower() in CAMPAIGN_NOUNS for w in words)


def campaign_of(owner: str) -> str:
    """The affiliation of the campaign of the candidate ``owner`` as the annotation writes it:
    "Hillary Clinton" -> "Hillary Clinton campaign"."""
    return f"{owner} campaign"

QUOTE_MARKS = frozenset({"“", "”", '"'})

#: tokens that end the reach of a description's words
REACH_STOPS = frozenset({",", ";", ":", "—", "(", ")", ".", "“", "”", '"', "who", "which", "that", "said", "says"})


def singular_role(word: str) -> str:
    """The singular of a plural role noun or title ("maintainers", "Vice Presidents" -> "Presidents"
    -> "President", "spokesmen", "secretaries"); other words as they are."""
    low = word.lower()
    for plural, singular in (("men", "man"), ("ies", "y"), ("s", "")):
        if low.endswith(plural):
            stem = word[: len(word) - len(plural)] + singular
            if is_role_head(stem):
                return stem
    return word


def names_office(name: str) -> bool:
    """Whether a state's name is the name of one of its offices ("White House", "State
    Department"): it holds an organisation noun."""
    org_nouns = word_set("org_nouns.txt")
    return any(w.lower() in org_nouns for w in name.split())


def is_role_head(word: str) -> bool:
    """A person noun or a title word ("chairwoman", "executive", "Secretary")."""
    return word.lower() in role_nouns() or word.lower() in titles_lower()


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    """Nouns that head a role: the person nouns, the occupations (``occupation_nouns.txt``) and
    WordNet's nouns for people (``wordnet_person_nouns.txt``: "herpetologist", "jock",
    "anthropologist") and the one-word sports positions it lacks (``sports_positions.txt``:
    "midfielder") with their plurals."""
    return listed_role_nouns() | _with_plurals(word_set("wordnet_person_nouns.txt") | _positions()[0])


@lru_cache(maxsize=1)
def listed_role_nouns() -> frozenset[str]:
    """The role nouns of the project's own lists (``person_nouns.txt``, ``occupation_nouns.txt``),
    without WordNet's."""
    return word_set("person_nouns.txt") | word_set("occupation_nouns.txt")


@lru_cache(maxsize=1)
def _positions() -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    """``sports_positions.txt``: (its one-word positions, its positions of two words or hyphened
    as token tuples: ("half", "back"), ("scrum", "-", "half"))."""
    single: set[str] = set()
    multi: set[tuple[str, ...]] = set()
    for p in word_set("sports_positions.txt"):
        toks = tuple(p.replace("-", " - ").split())
        if len(toks) > 1:
            multi.add(toks)
        else:
            single.add(p)
    return frozenset(single), frozenset(multi)


def multiword_role_start(lowers: list[str], i: int, lo: int) -> int | None:
    """The first token of a sports position of two words (or two joined by a hyphen) that ends at
    token ``i`` (``sports_positions.txt``: "half back", "scrum - half"), not before token ``lo``;
    None when no such position ends there."""
    multi = _positions()[1]
    for n in (3, 2):
        if i - n + 1 >= lo and tuple(lowers[i - n + 1 : i + 1]) in multi:
            return i - n + 1
    return None


def _with_plurals(nouns: frozenset[str]) -> frozenset[str]:
    """``nouns`` and their regular plurals ("archaeologists", "secretaries", "policemen",
    "coaches")."""
    out = set(nouns)
    for w in nouns:
        if w.endswith("man"):
            out.add(w[:-3] + "men")
        elif w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
            out.add(w[:-1] + "ies")
        elif w.endswith(("s", "x", "z", "ch", "sh")):
            out.add(w + "es")
        else:
            out.add(w + "s")
    return frozenset(out)


def is_participle(word: str) -> bool:
    """A lowercase -ing or -ed word ("visiting", "based"), which opens a clause after a role."""
    return word.islower() and word.isalpha() and len(word) > 4 and word.endswith(("ing", "ed"))


def role_vocabulary() -> frozenset[str]:
    """:func:`role_words` under a name the appositive's local ``role_words`` list does not shadow."""
    return role_words()


@lru_cache(maxsize=1)
def titles_lower() -> frozenset[str]:
    """The titles ("Prime Minister", "Senator"), lowercased."""
    return frozenset(t.lower() for t in titles())


@lru_cache(maxsize=1)
def title_modifiers_lower() -> frozenset[str]:
    """The title modifiers ("Prime", "Vice", "Deputy"), lowercased."""
    return frozenset(w.lower() for w in word_set("title_modifiers.txt", keep_case=True))


@lru_cache(maxsize=1)
def capitalised_title_words() -> frozenset[str]:
    """The capitalised words of the titles ("Monsenor", "Secretary", "State")."""
    return frozenset(w for t in titles() for w in t.split() if w[:1].isupper())


def is_field_word(word: str) -> bool:
    """A lowercase word that can qualify a role noun before a name as its field or kind ("voice"
    actor, "pop culture" professor, "engineering" professor, "tag team" partner): a
    lowercase alphabetic word that is not a function word, a reporting verb, an adverb in -ly, a
    participle in -ed, a past verb or a preposition (``role_field_stops.txt``): the words that
    end a role read leftwards ("said", "told", "met", "like", "newly"),
    nor an organisation noun, which names the role's owner ("foreign ministry spokeswoman")."""
    low = word.lower()
    return (word.islower() and word.isalpha() and len(word) > 1 and low not in stop_words()
            and low not in word_set("org_nouns.txt") and low not in word_set("past_verbs.txt")
            and low not in word_set("role_field_stops.txt")
            and low not in cue_lexicon().verbs and not low.endswith(("ly", "ed")))


def study_rank(role: str) -> int:
    """How a role ranks as a person's part in a study (``study_roles.tsv``): 2 for a lead author
    ("lead author", "co-lead author"), 0 for a co-author ("study co-author"), 1 for any other
    role."""
    low = role.lower().replace(" - ", "-")
    for name, rank in _study_roles().items():
        if low == name or low.endswith(" " + name):
            return rank
    return 1


@lru_cache(maxsize=1)
def _study_roles() -> dict[str, int]:
    """``study_roles.tsv``: role -> rank (lead 2, weak 0)."""
    return {row[0].strip(): (2 if row[1].strip() == "lead" else 0) for row in data_rows("study_roles.tsv")}
