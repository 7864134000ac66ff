"""Named mentions and their chains: who is who within one article.

Names are maximal runs of capitalised tokens (with inner connectors such as *of* in
"Korea Research Institute for National Strategy"), split from leading titles and country words
("U.S. Secretary of State Marco Rubio" -> title "Secretary of State", country "United States",
name "Marco Rubio"). Each mention gets a type (person, organization, state) from the gazetteer
and the organisation head nouns, and a canonical name: the fullest form of the same person in the
article ("Moon" -> "Moon Seong Mook", "Kim" -> "Kim Jong Un", surname-first and Western order
alike), or the gazetteer's canonical party name ("Washington" -> "United States").
Pronouns and descriptions ("the ministry") are resolved to the nearest compatible mention before.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import itemgetter
from typing import Iterator, Sequence

from stance.text.entity_types import GENDERED_HONORIFICS, TypeGuess, entity_lexicons, guess_type, is_acronym, settle_types
from stance.text.lexicons import cue_lexicon, gazetteer, months, party_labels, rule_words, stop_words, titles, word_set
from stance.text.positions import positions_of
from stance.text.verb_forms import is_past_form
from stance.text.view import POSSESSIVE_ENDINGS, TextView

#: lowercase words that may join the capitalised words of one name ("Bank of America", "Ludwig van
#: Beethoven", "Bashar al Assad")
_CONNECTORS = rule_words("name_connectors")
#: tokens after which a capitalised word starts a sentence-like unit
_OPENERS = frozenset({"“", '"', "''", "``", "(", "—", "‘", "'"})


def _written_generations() -> frozenset[str]:
    """The generational suffixes of ``generation_suffixes.txt`` as written after a surname: a
    roman numeral in capitals ("III"), the others capitalised with and without their full stop
    ("Jr.", "Jr")."""
    out: set[str] = set()
    for suffix in word_set("generation_suffixes.txt"):
        out |= {suffix.upper()} if set(suffix) <= set("ivxlc") else {suffix.capitalize(), suffix.capitalize() + "."}
    return frozenset(out)


#: generational suffixes after a surname, as written
_GENERATIONAL = _written_generations()
#: month names, which are also surnames after a given name ("Theresa May")
_MONTHS = frozenset(m.capitalize() for m in months())
#: sentence-initial words ending in "ed" that are names, not past participles
_ED_NAMES = rule_words("ed_names")


def _closes_after_comma(v: TextView, k: int) -> bool:
    """Whether the quotation mark at token ``k`` closes a quotation that ends in a comma ('," Reed
    said'): the word after it continues the sentence, it does not open one."""
    return k >= 1 and v.words[k - 1] == "," and v.starts[k] == v.ends[k - 1]


def headline_like(text: str) -> bool:
    """Whether a capitalised run is a headline rather than a name: five words or more with a
    capitalised function word inside ("Hillary Clinton Goes After Donald Trump As The New ...")."""
    toks = text.split()
    return len(toks) >= 5 and any(t[:1].isupper() and t.lower() in stop_words() for t in toks[1:])


#: a word's first character (``w[:1]``)
_INITIAL = itemgetter(slice(0, 1))


def headline_case(words: Sequence[str], share: float = 0.7) -> bool:
    """Whether a sentence (its words) is written in headline case: four alphabetic words or
    more, at least ``share`` of them capitalised ("Latino Outreach Undone By Trump")."""
    return _is_headline(_case_counts(words), share)


def _case_counts(words: Sequence[str]) -> tuple[int, int]:
    """``(alphabetic words, capitalised ones)``: words whose first character is a letter, and
    those of them whose first character is upper case."""
    alpha = list(filter(str.isalpha, map(_INITIAL, words)))  # each word's w[:1], at C speed
    return len(alpha), sum(map(str.isupper, alpha))


def _is_headline(counts: tuple[int, int], share: float) -> bool:
    n, caps = counts
    return n >= 4 and caps >= share * n


def sentence_headline_case(view: TextView, s: int, share: float = 0.7) -> bool:
    """:func:`headline_case` of sentence ``s`` of ``view``; its word counts are computed once per
    sentence (kept on the view) for every share and caller (names, party features)."""
    counts = view.case_counts.get(s)
    if counts is None:
        a, b = view.sent_bounds(s)
        counts = view.case_counts[s] = _case_counts(view.words[a:b])
    return _is_headline(counts, share)


#: The share of capitalised words above which a sentence's names are no fullest names of a
#: person: a headline ("Latino Outreach Undone By Trump"), not a sentence full of names and titles
#: ("On Monday, United States Senator from Vermont Bernie Sanders endorsed former Vice President
#: Joe Biden": 71 %).
CANONICAL_HEADLINE_SHARE = 0.85


@dataclass
class Mention:
    """A mention of a party: tokens ``[start, end)`` of the view."""

    start: int
    end: int
    text: str
    kind: str  # name | pronoun | nominal
    type: str  # person | organization | state | unknown
    canonical: str
    plural: bool = False
    role: str | None = None
    affiliation: str | None = None
    possessor: str | None = None  # "North Korea" in "North Korea's Foreign Ministry"
    extra: dict = field(default_factory=dict)


#: honorifics before a surname ("Mrs. Yu")
_HONORIFICS = frozenset(GENDERED_HONORIFICS) | {"dr.", "dr"}
#: Arabic article particles joined by a hyphen to the name that follows ("al-Assad")
_ARTICLE_PARTICLES = rule_words("article_particles")


def _named_inside(v: TextView, caps: list[int], i: int) -> bool:
    """Whether the article also writes the capitalised pair at ``i`` ("Red Hat", "Red Cross")
    inside a sentence, where only a name is capitalised: then the pair opening a sentence is that
    name, though its first word ends like a participle."""
    pair = (v.words[i], v.words[i + 1])
    for c in caps:
        if c != i and c > 0 and v.words[c] == pair[0] and c + 1 < v.n and v.words[c + 1] == pair[1] and v.sent_of[c - 1] == v.sent_of[c]:
            return True
    return False


def _hyphen_name_tail(words: list[str], lowers: list[str], i: int, j: int) -> bool:
    """Whether ``-`` at ``j`` joins a lowercase second syllable to a Korean or Cantonese given name
    ("Lee Jae-myung", "Kim Jong-un", "Yolanda Yu Hoi-kwan"): the run has a surname before the
    syllable, the syllable is short and not an English word of a compound ("Seoul-based")."""
    if j - 1 <= i or j + 1 >= len(words):
        return False
    tail = lowers[j + 1]
    return len(words[j - 1]) <= 4 and tail.isalpha() and len(tail) <= 5 and tail not in word_set("compound_tails.txt")


def _defined_acronyms(words: Sequence[str]) -> frozenset[str]:
    """All-caps words the article writes alone in brackets ("the National Disaster Risk Reduction
    and Management Council (NDRRMC)"): acronyms it defines, names wherever they stand."""
    return frozenset(words[k] for k in range(1, len(words) - 1)
                     if words[k - 1] == "(" and words[k + 1] == ")" and is_acronym(words[k], min_len=1))


def _joins_body(word: str) -> bool:
    """Whether a capitalised word after "and" inside an organisation's "of"/"for" complement
    continues it ("Health and Human Services"), not a second party: no title, given name, state,
    known organisation or acronym ("Department of Justice and FBI", "... and Senator X")."""
    lex = entity_lexicons()
    return (word not in titles() and word not in lex.first_names and word not in gazetteer().aliases
            and word not in lex.orgs and not word.isupper())


def _is_cap(w: str) -> bool:
    return w[:1].isupper() or (len(w) > 1 and w[0] == "'" and w[1:2].isupper())


@lru_cache(maxsize=1)
def _party_first_words() -> frozenset[str]:
    """First words of the party labels ("Liberal" of "Liberal Democrat")."""
    return frozenset(label.split()[0] for label in party_labels())


def _surname(name: str) -> str:
    """A name's surname: its last word, or the word before a generational suffix ("Harris" of
    "Harry B. Harris Jr.")."""
    toks = name.split()
    return toks[-2] if len(toks) > 2 and toks[-1] in _GENERATIONAL else toks[-1]


def _titled_surname(text: str) -> bool:
    """Whether a name is a surname after title words only (``titles.tsv``, a region before them
    allowed: "Ohio Gov. Kasich", "Sen. Cruz", "President Obama")."""
    toks = text.split()
    if len(toks) < 2:
        return False
    title_words = titles()
    regions = entity_lexicons().regions
    return any(t in title_words for t in toks[:-1]) and all(t in title_words or t in regions for t in toks[:-1])


def _split_title(words: list[str], a: int, b: int) -> tuple[int, str | None, str | None]:
    """Strip leading country words and a title from the name run ``[a, b)``.

    Returns (new start, role, affiliation). It reads the run and the word before it only, so
    the answer for the same words is remembered across documents (:func:`_split_run`)."""
    if b - a < 2:
        return a, None, None  # one word: nothing to strip
    start, role, aff = _split_run(words[a - 1] if a > 0 else "", tuple(words[a:b]))
    return a + start, role, aff


@lru_cache(maxsize=1 << 16)
def _split_run(before: str, run: tuple[str, ...]) -> tuple[int, str | None, str | None]:
    """:func:`_split_title` of the name run ``run`` after the word ``before`` ("" at the start of
    the text), its start relative to the run's."""
    start, role, aff = _split_title_at([before, *run], 1, len(run) + 1)
    return start - 1, role, aff


def _split_title_at(words: list[str], a: int, b: int) -> tuple[int, str | None, str | None]:
    """:func:`_split_title` of a run of two words or more, read from ``words``."""
    if _nickname_adjective(words, a, b):
        return _split_title_at(words, a + 1, b)  # "Crooked Hillary Clinton": the person is "Hillary Clinton"
    gaz = gazetteer()
    t = titles()
    role = aff = None
    i = a
    country = False
    # leading country or demonym: "U.S.", "Russian", "North Korean"
    for length in (3, 2, 1):
        if i + length < b:
            s = " ".join(words[i : i + length])
            hit = gaz.aliases.get(s)
            if hit is not None and hit[1] == "state":
                if _city_names_body(words, s, i + length, b):
                    break  # "Washington Post", "Tehran Times": the city is part of the body's name
                # "White House Press Secretary": the office keeps its name, not the country's
                aff, i, country = (s if org_nouns_in(words, i, i + length) else hit[0]), i + length, True
                break
            if s in gaz.demonyms:
                aff, i, country = gaz.demonyms[s], i + length, True
                break
    if aff is None:
        # a party label before a title or a name: "Republican Senator Ted Cruz", "Democrat Nancy Pelosi"
        parties = party_labels()
        for length in (2, 1) if words[i] in _party_first_words() else ():
            s = " ".join(words[i : i + length])
            if i + length < b and s in parties and (b - i - length >= 2 or words[i + length] in t):
                if org_nouns_in(words, i + length, b):
                    break  # "Democratic National Committee" is an organisation
                aff, i = parties[s], i + length
                break
    start = i
    for length in (4, 3, 2, 1):
        if i + length < b:
            s = " ".join(words[i : i + length])
            if s in t:
                role = t[s] or None
                i += length
                if role is not None:
                    i, role = _title_chain(words, i, b, role)  # "Secretary General Ban Ki-moon"
                break
    if role is not None and words[i] == "of" and b - i - 2 < 2:
        return i + 1, None, None  # "the President of Burundi": no person here, only the place after "of"
    if role is not None and aff is None and words[i] == "of" and b - i - 2 >= 2 and _is_cap(words[i + 1]):
        return _title_of(words, start, i, b)
    if role is None and i == start and b - i >= 3:
        # a title inside the run, after the body it belongs to: "House of Commons Speaker John
        # Bercow", "Police Senior Superintendent Yolanda Yu", "UCL Professor Jane Roe"
        hit = _inner_title(words, i, b)
        if hit is not None:
            j, end, inner_role = hit
            body = " ".join(words[i:j]).replace(" - ", "-")
            gaz_hit = gaz.aliases.get(body)
            if body:
                aff = gaz_hit[0] if gaz_hit is not None else gaz.demonyms.get(body, party_labels().get(body, body))
            return end, inner_role, aff
    if role is None and i == start and b - i >= 3 and words[i].lower() in _person_nouns():
        # a capitalised role noun before a full name: "Actress Denise Crosby", "Activist Jane Roe"
        return i + 1, words[i].lower(), aff
    if role is None and i == start == a and a > 0 and words[a - 1] in ("from", "of"):
        # a region written before a full name ("... Senator from Vermont Bernie Sanders"): the person
        # starts at the given name
        lex = entity_lexicons()
        for length in (2, 1):
            k = i + length
            if b - k >= 2 and " ".join(words[i:k]) in lex.regions and words[i] not in lex.first_names \
                    and words[k] in lex.first_names and not org_nouns_in(words, k, b):
                return k, None, None
    if role is None and country and i < b and i > a:
        # a country word strips only before a title or an organisation: "Chad Bown" is a
        # person, "Russian Foreign Minister Sergei Lavrov" and "Iranian Foreign Ministry" split
        org_nouns = word_set("org_nouns.txt")
        if not any(w.lower() in org_nouns for w in words[i:b]) and b - a <= 3:
            return a, None, None
    return i, role, aff


def _nickname_adjective(words: list[str], a: int, b: int) -> bool:
    """Whether the run ``words[a:b]`` of three words or more opens with a capitalised adjective
    (WordNet's, ``wordnet_adjectives.txt``) before a given name: a nickname's or a sentence's word
    ("Crooked Hillary Clinton", "Unlike Hillary Clinton"), no part of the person's name; not a given
    name itself ("Rich Lowry"), a title, a party label, a state, a demonym or a place's first word
    ("Little Rock ...")."""
    if b - a < 3:
        return False
    w = words[a]
    lex = entity_lexicons()
    if not is_adjective(w.lower()) or w in lex.first_names or words[a + 1] not in lex.first_names:
        return False
    gaz = gazetteer()
    pair = f"{w} {words[a + 1]}"
    return (w not in titles() and w not in party_labels() and w not in _party_first_words() and w not in gaz.aliases
            and w not in gaz.demonyms and pair not in gaz.aliases and pair not in lex.places and pair not in lex.regions)


def _city_names_body(words: list[str], city: str, k: int, b: int) -> bool:
    """Whether the state alias ``city`` before ``words[k:b]`` is a city (``places.tsv``: "Washington",
    "Tehran") that opens an organisation's name ("Washington Post", "Tehran Times", "Moscow State
    University") rather than a state before a title ("Washington Governor Jay Inslee")."""
    if city not in entity_lexicons().places or not org_nouns_in(words, k, b):
        return False
    t = titles()
    return not any(" ".join(words[k : k + n]) in t for n in (1, 2, 3) if k + n <= b)


def _title_of(words: list[str], a: int, i: int, b: int) -> tuple[int, str | None, str | None]:
    """A title ``words[a:i]`` and "of" at ``i`` before the name in ``[i+1, b)``: "First Minister of
    Scotland Nicola Sturgeon", "Chief Executive of Hong Kong Carrie Lam" -> the state or place it
    serves is the affiliation; "Minister of Information Jane Roe", "Secretary of Justice Jane
    Roe", "Minister of Foreign Affairs Jane Roe" -> a portfolio (a common noun WordNet knows,
    ``wordnet_common_nouns.txt``), part of the role as written, no affiliation; "CEO of Tesco Jane
    Roe" -> the body is the affiliation. Returns (the name's start, role, affiliation) as
    :func:`_split_title`."""
    gaz = gazetteer()
    lex = entity_lexicons()
    for length in (3, 2, 1):
        if b - (i + 1 + length) >= 2:
            place = " ".join(words[i + 1 : i + 1 + length])
            hit = gaz.aliases.get(place)
            if hit is not None or place in lex.places or place in lex.regions or place in gaz.demonyms:
                aff = hit[0] if hit is not None else gaz.demonyms.get(place, place)
                return i + 1 + length, titles()[" ".join(words[a:i])] or None, aff
    e = i + 2
    if is_adjective(words[i + 1].lower()) and b - e >= 3 and _is_cap(words[e]):
        e += 1  # "Foreign Affairs": an adjective needs its noun
    if is_common_noun(words[e - 1].lower()):
        if words[e] in {"for", "of"}:
            return e + 1, None, None  # "the Secretary of Justice for Puerto Rico": no person, only the place
        return e, " ".join(words[a:e]), None
    return i + 2, titles()[" ".join(words[a:i])] or None, words[i + 1]  # "CEO of Tesco Jane Roe"


def common_word_opener(word: str, lower: str, given: dict[str, str], orgs: frozenset[str]) -> bool:
    """Whether ``word`` (capitalised, opening a sentence; ``lower`` its lowercase form) is a common
    English word rather than a name: written as a capital and lowercase letters only, a singular
    common noun or an adjective WordNet knows (``wordnet_common_nouns.txt``, :func:`is_adjective`:
    "Today", "Second", "Wait") or an adverb in "-ly" of such an adjective ("Shortly", "Nationally"), and no
    given name, country or alias, demonym, party label or known organisation ("Rice", "Democrat",
    "Apple" stay names). The caller also asks that it be no title nor organisation noun
    (``org_nouns.txt``: "Senate minority leader X"), and that the article never write it
    capitalised inside a sentence, where only a name is ("Bond" after "Julian Bond")."""
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
        return False
    if not (lower in word_set("wordnet_common_nouns.txt") or is_adjective(lower) or (lower.endswith("ly") and is_adjective(lower[:-2]))):
        return False  # (not a plural: "Surveys show", "Investigations found" speak as groups or documents)
    gaz = gazetteer()
    return not (word in given or word in gaz.aliases or word in gaz.demonyms or word in party_labels() or word in orgs)


def is_adjective(w: str) -> bool:
    """Whether the lowercase word ``w`` is one WordNet uses mostly as an adjective
    (``wordnet_adjectives.txt``)."""
    return w in word_set("wordnet_adjectives.txt")


def is_common_noun(w: str) -> bool:
    """Whether the lowercase word ``w``, or its singular without a final "s", is a common noun
    WordNet knows (``wordnet_common_nouns.txt``): a portfolio ("justice", "affairs")."""
    common = word_set("wordnet_common_nouns.txt")
    return w in common or (w.endswith("s") and w[:-1] in common)


def is_past_tense(w: str) -> bool:
    """Whether the lowercase word ``w`` is a verb in the past tense: a regular form ("endorsed",
    five letters or more) or an irregular one (``past_verbs.txt``: "drew", "went"):
    :func:`stance.text.verb_forms.is_past_form` with its default bounds."""
    return is_past_form(w)


def _person_nouns() -> frozenset[str]:
    return word_set("person_nouns.txt")


def org_nouns_in(words: list[str], i: int, j: int) -> bool:
    """Whether an organisation head noun ("ministry", "committee") is among ``words[i:j]``."""
    org_nouns = word_set("org_nouns.txt")
    return any(w.lower() in org_nouns for w in words[i:j])


#: titles that hold a government portfolio, before them ("Health Minister", "Labor Secretary") or
#: after them and "of" ("Secretary of Justice", stance.speakers.role_states)
PORTFOLIO_TITLES = rule_words("portfolio_titles")


def _inner_title(words: list[str], i: int, b: int) -> tuple[int, int, str] | None:
    """A title inside ``words[i+1 : b-1]`` ("House of Commons Speaker John Bercow", "Homeland
    Security Deputy Secretary Alejandro Mayorkas", "Solicitor General Jose Calida"):
    (end of the body that owns it, end of the title, role), or None. The body is an organisation,
    an acronym, a party label or a place, or empty when capitalised modifiers make the title
    longer ("Solicitor General")."""
    t = titles()
    gaz = gazetteer()
    modifiers = word_set("title_modifiers.txt", keep_case=True)
    for k in range(i + 1, b - 1):
        for length in (3, 2, 1):
            title = " ".join(words[k : k + length])
            if k + length < b and title in t:
                role = t[title]
                end = k + length
                while words[end] == "-" and b - end - 2 >= 2:
                    end += 2  # "Secretary-General"
                if words[end] in {"for", "of"} and b - end - 2 >= 2:
                    end += 2  # "Special Representative for Iran Brian Hook"
                if not role or not _is_cap(words[end]) or b - end < 2:
                    return None  # "Mr.", "Dr.": an honorific
                chained, _ = _title_chain(words, end, b, role)  # "NATO Secretary General Jens Roe"
                role_end = chained
                while role_end > end and words[role_end - 1].endswith("."):
                    role_end -= 1  # "Committee Chairman Rep. Jo Roe": the honorific is no part of the role
                end = chained
                j = k
                while j > i and words[j - 1] in modifiers:
                    j -= 1  # "Deputy Secretary", "Solicitor General": one longer title
                if j < k or role_end > k + length:
                    role = " ".join(words[j:role_end]).replace(" - ", "-")
                body = " ".join(words[i:j])
                named = (org_nouns_in(words, i, j) or body in gaz.aliases or body in gaz.demonyms or body in party_labels()
                         or body.replace("-", "").isupper())
                if not named and j - i <= 3 and role.split()[-1].lower() in PORTFOLIO_TITLES:
                    # "Civil Aviation Minister", "Labor Secretary": a portfolio, part of the title
                    return i, end, " ".join(words[i:end]).replace(" - ", "-")
                if not named:
                    # "Chief Technical Officer", "Federal district judge", "Incumbent President":
                    # adjectives before the title modify it; a body, if any, stands before them
                    a = j
                    while a > i and is_adjective(words[a - 1].lower()) and words[a - 1] not in gaz.demonyms:
                        a -= 1
                    if a < j:
                        j, role = a, " ".join(words[a:end]).replace(" - ", "-")
                        body = " ".join(words[i:j])
                        named = (org_nouns_in(words, i, j) or body in gaz.aliases or body in gaz.demonyms
                                 or body in party_labels() or body.replace("-", "").isupper())
                owner = j == i or named or (j - i <= 3 and all(_is_cap(w) or w == "-" for w in words[i:j]))
                return (j, end, role) if owner else None
        w = words[k]
        if (w[:1].isupper() and w.lower() in _person_nouns() and b - k - 1 >= 2 and _is_cap(words[k + 1])
                and not org_nouns_in(words, k + 1, b)):
            # a capitalised role noun after an organisation: "NASA Administrator Jane Roe", "Amazon
            # Research Institute Director Jane Roe"
            j = k
            while j > i + 1 and words[j - 1] in modifiers:
                j -= 1  # "Senate Minority Whip": one longer title
            body = " ".join(words[i:j])
            if org_nouns_in(words, i, j) or body.isupper() or body in gaz.aliases or body in entity_lexicons().orgs:
                end, role = _title_chain(words, k + 1, b, " ".join(words[j : k + 1]))  # "NSA Director Adm. Jo Roe"
                return j, end, role
    return None


def _title_chain(words: list[str], end: int, b: int, role: str) -> tuple[int, str]:
    """The end of the title words right after a title that ends at ``end`` in the name run ending
    at ``b`` (titles or capitalised person nouns: "Secretary General", "Inspector General",
    "Executive Director", "Chairman Rep.", "Director Adm."), and the
    role ``role`` with those of them that are no abbreviation, in its case ("secretary general",
    "Inspector General"): the name starts
    after the chain, two words or more before ``b`` ("NATO Secretary General Jens Roe" -> "Jens
    Roe", not "General Jens Roe")."""
    t = titles()
    given = entity_lexicons().first_names
    while b - end - 1 >= 2 and (words[end] in t or words[end][:1].isupper() and words[end].lower() in _person_nouns()
                                and words[end] not in given):
        if not words[end].endswith("."):
            role = f"{role} {(t[words[end]] or words[end]) if role == role.lower() else words[end]}"
        end += 1
    return end, role


#: particles of a person's name that a name goes on across before a capitalised word ("Bashar al
#: Assad", "Ludwig van Beethoven")
_NAME_PARTICLES = rule_words("name_particles")
#: particles that follow another in a surname ("von der", "van den", "de la", "dos")
_SECOND_PARTICLES = rule_words("name_second_particles")


def _after_particles(words: list[str], j: int) -> int:
    """The token after a run of two or three lowercase name particles starting at token ``j``
    (a particle of ``name_particles``, then ones of ``name_second_particles``: "von der", "van
    den", "de la"); ``j`` when there is no such run."""
    if words[j] not in _NAME_PARTICLES:
        return j
    k = j + 1
    while k < len(words) and k - j < 3 and words[k] in _SECOND_PARTICLES:
        k += 1
    return k if k > j + 1 else j


class MentionIndex:
    """All mentions of one document, with chain resolution."""

    def __init__(self, view: TextView, quote_spans: list[tuple[int, int]] | None = None):
        self.view = view
        self.names: list[Mention] = []
        self._guesses: dict[int, TypeGuess] = {}  # name index -> type guess (names the gazetteer does not type)
        self._genders: dict[str, str] | None = None  # canonical person -> gender, built when first asked
        self._counts: dict[str, int] | None = None  # canonical name -> mentions, built when first asked
        self._by_canonical: dict[str, list[int]] | None = None  # canonical name -> indices in names, built when first asked
        #: hyphenated last words of longer names ("Lopez-Cantera" of "Carlos Lopez-Cantera"): alone
        #: later, they are that surname, not a pair of names ("Trump-Kim")
        self._hyphen_surnames: set[str] = set()
        #: the document's distinct capitalised words (:func:`_is_cap`), found by the name finder
        #: (also read by :func:`stance.parties.references.acronym_map`)
        self.capitalised: set[str] = set()
        self._build_names()
        self._settle_types()
        self._starts = [m.start for m in self.names]
        self._canonicalise()

    # -- names ---------------------------------------------------------------------------------
    def _build_names(self) -> None:
        v = self.view
        words = v.words
        lowers = v.lowers
        sent_of = v.sent_of
        n = v.n
        stop = stop_words()
        non_names = word_set("non_names.txt", keep_case=True)
        gaz = gazetteer()
        org_nouns = word_set("org_nouns.txt")
        title_words = titles()
        known_orgs = entity_lexicons().orgs
        given = entity_lexicons().first_names
        # the rest of the document is lowercase: visit only the capitalised tokens
        # per distinct word: capitalised, part of a name, may start a name
        distinct = v.distinct
        cap_words = self.capitalised = {w for w in distinct if w[:1].isupper() or (w[:1] == "'" and w[1:2].isupper())}  # _is_cap
        name_words = cap_words - non_names
        start_words = set(filter(str.isalpha, name_words))  # and the words with a letter among others ("O'Neill")
        start_words.update(w for w in name_words - start_words if any(map(str.isalpha, w)))
        caps = positions_of(words, cap_words)
        is_cap = set(caps)
        is_name_word = {i for i in caps if words[i] in name_words}
        # surnames of people named in full with a known given name ("Tom Small", "Dana King"): such a
        # word opening a sentence before a comma or a reporting verb is that surname ("Small, who ...",
        # "King says"), though it is an ordinary word elsewhere
        surnames = {words[c + 1] for c in caps if words[c] in given and c + 1 in is_name_word and sent_of[c + 1] == sent_of[c]}
        mid_caps: set[str] | None = None  # words written capitalised inside a sentence, found when first needed
        verbs = cue_lexicon().verbs if surnames else {}
        i = 0
        defined: frozenset[str] | None = None  # acronyms written in brackets, found when first needed
        for c in caps:
            if c < i or words[c] not in start_words:
                continue  # inside the name found before, or not a name's first word
            i = c
            w = words[i]
            sent_initial = i == 0 or sent_of[i - 1] != sent_of[i] or (words[i - 1] in _OPENERS and not _closes_after_comma(v, i - 1))
            if sent_initial:
                lw = lowers[i]
                written_lower = lw in distinct and lw[:1].islower()  # the word is written lowercase somewhere
                if (lw in stop or written_lower or w.endswith("ing") or (w.endswith("ed") and lw not in _ED_NAMES and w not in given)) and not (
                        (i + 1 < n and f"{w} {words[i + 1]}" in gaz.aliases) or (w.isupper() and w in gaz.aliases)
                        or (i + 1 in is_name_word and (w in title_words or (i + 2 < n and f"{w} {words[i + 1]}" in title_words)))
                        or (w in surnames and i + 1 < n and (words[i + 1] == "," or lowers[i + 1] in verbs))
                        or (i + 2 < n and words[i + 1] == "-" and len(words[i + 2]) == 1 and i + 2 in is_cap
                            and v.starts[i + 1] == v.ends[i] and v.starts[i + 2] == v.ends[i + 1])  # "Wealth-X keeps"
                        or (not written_lower and lw not in stop and i + 1 in is_name_word and _named_inside(v, caps, i))):
                    continue  # but "United States President ...", "US voice actor ...": a country's name;
                    # "President Barack Obama ..." after "the president": a title before a name
            if w.isupper() and len(w) > 4 and w not in gaz.aliases and w not in known_orgs:
                if defined is None:
                    defined = _defined_acronyms(words)
                if w not in defined:
                    continue  # all-caps datelines and headlines ("SEOUL"), but not an acronym the
                    # article defines in brackets ("... Council (NDRRMC)")
            j = i + 1
            while j < n and sent_of[j] == sent_of[i]:
                if j in is_name_word:
                    j += 1
                    continue
                wj = words[j]
                if wj in _MONTHS and j - 1 in is_name_word and words[j - 1] in given and not (j + 1 < n and words[j + 1][:1].isdigit()):
                    j += 1  # "Theresa May": a month after a given name, not before a day, is a surname
                    continue
                lj = lowers[j]
                k = _after_particles(words, j)
                if k > j + 1 and k < n and k in is_cap and sent_of[k] == sent_of[i]:
                    j = k + 1  # "Ursula von der Leyen", "Gerrit van den Berg": particles in a row
                    continue
                if lj in _CONNECTORS and j + 1 < n and j + 1 in is_cap and lj != "and":
                    # "Institute for National Strategy", "Secretary of State"
                    if (not org_nouns.isdisjoint(lowers[i:j]) or words[j - 1].split()[-1] in title_words
                            or (j - 2 >= i and f"{words[j - 2]} {words[j - 1]}" in title_words)
                            or f"{words[j - 1]} {wj} {words[j + 1]}" in title_words  # "Chief of Staff"
                            or wj in _NAME_PARTICLES):
                        j += 2
                        continue
                if (lj == "and" and j + 2 < n and j + 1 in is_name_word and words[j + 2] == "("
                        and not org_nouns.isdisjoint(lowers[i:j])):
                    j += 2  # "Institute of Volcanology and Seismology (Phivolcs)": one body, defined
                    continue
                if (lj == "and" and j + 1 in is_name_word and not org_nouns.isdisjoint(lowers[i:j])
                        and ("of" in lowers[i + 1 : j] or "for" in lowers[i + 1 : j]) and _joins_body(words[j + 1])):
                    j += 2  # "Department of Health and Human Services": one body after its "of"
                    continue
                if wj == "-" and j + 1 < n and v.starts[j] == v.ends[j - 1] and v.starts[j + 1] == v.ends[j]:
                    if j + 1 in is_cap:
                        # "Al-Qaida", "Jean-Claude", but not "Trump-Kim" pairs of known people:
                        # keep joined; split later
                        j += 2
                        continue
                    if _hyphen_name_tail(words, lowers, i, j):
                        j += 2  # "Lee Jae-myung", "Kim Jong-un", "Yu Hoi-kwan"
                        continue
                if wj == "–" and j + 1 in is_cap and v.starts[j] == v.ends[j - 1] and v.starts[j + 1] == v.ends[j]:
                    j += 2  # "Harvard–Smithsonian Center": kept only in an organisation's name (_add_name)
                    continue
                if lj in _ARTICLE_PARTICLES and j + 2 < n and words[j + 1] == "-" and j + 2 in is_cap and v.starts[j + 1] == v.ends[j]:
                    j += 3  # "Bashar al-Assad"
                    continue
                break
            if (j == i + 1 and len(w) == 1 and j + 1 < n and words[j] == "-" and lowers[j + 1][:1].isalpha()
                    and words[j + 1][:1].islower() and v.starts[j] == v.ends[i] and v.starts[j + 1] == v.ends[j]):
                i = j
                continue  # a letter before a hyphenated word ("X-wing", "T-shirt", "K-pop") names nothing
            if (sent_initial and j == i + 1 and w not in title_words and lowers[i] not in org_nouns
                    and common_word_opener(w, lowers[i], given, known_orgs)):  # (not a body: "Senate minority leader X")
                if mid_caps is None:
                    mid_caps = {words[c] for c in caps if c > 0 and sent_of[c - 1] == sent_of[c] and words[c - 1] not in _OPENERS}
                if w not in mid_caps:
                    i = j
                    continue  # "Transcript as follows:", "Shortly after ...", "Today, ...": a one-word run of a
                    # common word only its place capitalises, no name (the article never capitalises it inside a sentence)
            a = i
            if a >= 2 and words[a - 1] == "-" and lowers[a - 2] in _ARTICLE_PARTICLES and v.starts[a - 1] == v.ends[a - 2]:
                a -= 2  # "said al-Assad": the article particle is part of the name
            self._add_name(a, j)
            i = j

    def _add_name(self, a: int, b: int) -> None:
        v = self.view
        words = v.words
        gaz = gazetteer()
        org_nouns = word_set("org_nouns.txt")
        if "–" in words[a:b] and org_nouns.isdisjoint(v.lowers[a:b]):
            # an en dash joins names only inside an organisation's name ("Harvard–Smithsonian
            # Center for Astrophysics"); else a pair or a range ("Mexico–United States border")
            k = words.index("–", a, b)
            self._add_name(a, k)
            if k + 1 < b:
                self._add_name(k + 1, b)
            return
        # a hyphenated pair of single names ("Trump-Kim") is two mentions; "Jean-Claude Juncker",
        # "Jenn St-Onge" and "Lee Jae-myung" are one, and so is a pair neither of whose words names
        # anything on its own ("Kimberly-Clark", "ABS-CBN", "WSET-TV": no "Clark", "CBN" or "TV"
        # alone in the article, none a gazetteer name)
        if "-" in words[a:b]:
            k = words.index("-", a, b)
            if (gaz.lookup(v.span_text(a, b)) is None and k - a == 1 and v.span_text(a, b) not in self._hyphen_surnames and b - k == 2 and _is_cap(words[a]) and _is_cap(words[k + 1])
                    and not (a > 0 and (v.lowers[a - 1] in _HONORIFICS or words[a - 1] in titles()))
                    and len(words[k + 1]) > 1  # "Wealth-X", "Jay-Z": one name (but "R-Ky." is a party code)
                    and (len(words[a]) == 1 or self._names_alone(words[a]) or self._names_alone(words[k + 1]))):  # "R-Ky."
                self._add_name(a, k)
                self._add_name(k + 1, b)
                return
        s, role, aff = _split_title(words, a, b)
        text = v.span_text(s, b)
        hit = gaz.lookup(text)
        full_hit = hit if s == a else gaz.lookup(v.span_text(a, b))
        if full_hit is not None:
            s, role, aff, hit, text = a, None, None, full_hit, v.span_text(a, b)
        if hit is not None:
            canonical, typ = hit
        elif text in gaz.demonyms:
            canonical, typ = gaz.demonyms[text], "demonym"
        elif not org_nouns.isdisjoint(v.lowers[s:b]):
            canonical, typ = text, "organization"
        else:
            before = v.lowers[a - 1] if a > 0 else ""
            guess = guess_type(words[s:b], before, words[b : b + 2], role is not None)
            canonical, typ = text, guess.type
            self._guesses[len(self.names)] = guess
        m = Mention(s, b, text, "name", typ, canonical, role=role, affiliation=aff)
        # "North Korea's Foreign Ministry": possessive state + organisation is one organisation
        if (
            typ == "organization"
            and self.names
            and self.names[-1].end + 1 == s
            and words[s - 1] in POSSESSIVE_ENDINGS
            and self.names[-1].type == "state"
        ):
            owner = self.names.pop()
            m = Mention(owner.start, b, v.span_text(owner.start, b), "name", "organization",
                        v.span_text(owner.start, b), affiliation=owner.canonical, possessor=owner.canonical)
        if m.type == "unknown" and b - s - 2 * words[s:b].count("-") <= 4:
            m.type = "person"  # "Yolanda Yu Hoi-kwan": a hyphenated name is one word of a name
            if len(self.names) in self._guesses:
                self._guesses[len(self.names)] = TypeGuess("person", False, self._guesses[len(self.names)].gender)
        if "-" in words[s:b] and b - s >= 4:
            self._hyphen_surnames.add(m.text.split()[-1])
        self.names.append(m)

    def _names_alone(self, word: str) -> bool:
        """Whether ``word`` (one part of a hyphenated pair) names something on its own: a gazetteer
        name, or a word the article also writes with no hyphen beside it ("Trump" of "Trump-Kim")."""
        if gazetteer().lookup(word) is not None:
            return True
        words = self.view.words
        return any(not ((p > 0 and words[p - 1] == "-") or (p + 1 < len(words) and words[p + 1] == "-"))
                   for p in positions_of(words, (word,)))

    def _settle_types(self) -> None:
        """Agree the guessed types of the same name across the article (:func:`settle_types`)
        and record each person's gender (``extra["gender"]``) where a given name or an honorific shows it."""
        if not self._guesses:
            return
        idx = sorted(self._guesses)
        texts = [self.names[i].text for i in idx]
        guesses = [self._guesses[i] for i in idx]
        full = set()
        for t, g in zip(texts, guesses):
            parts = t.split()
            if g.type == "person" and g.strong and len(parts) >= 2:
                full.update((parts[0], parts[-1]))
        orgs = self._acronyms_of_organisations()
        for i, g in zip(idx, settle_types(texts, guesses, full)):
            m = self.names[i]
            m.type = "organization" if m.text in orgs and g.type == "person" and not g.gender else g.type
            if g.gender:
                m.extra["gender"] = g.gender

    @cached_property
    def bracketed_forms(self) -> list[tuple[str, Mention]]:
        """Each name written with one word alone in brackets right after it, as (that word, the
        name), in the article's order: "the National Transportation Safety Board (NTSB)",
        "Georgia Institute of Technology (GT)", "the Philippine Institute of Volcanology and
        Seismology (Phivolcs)". The one reader of the short forms an article defines; callers pick
        the acronyms (:func:`is_acronym`) and the names' types they accept. Read once per document,
        when first asked (the names are final then; their types are read by the callers)."""
        words = self.view.words
        n = len(words)
        return [(words[m.end + 1], m) for m in self.names
                if m.end + 2 < n and words[m.end] == "(" and words[m.end + 2] == ")"]

    def _acronyms_of_organisations(self) -> set[str]:
        """Acronyms the article defines in brackets after an organisation's name ("the National
        Transportation Safety Board (NTSB)"): organisations wherever they stand, not persons. An
        acronym of a law, a disease or a programme ("Freedom of Information Act (FOIA)") is not."""
        return {w for w, m in self.bracketed_forms if m.type == "organization" and is_acronym(w)}

    def _canonicalise(self) -> None:
        # longest person name of which a name is the first or last tokens, by one dict look-up
        # per prefix/suffix instead of comparing every pair of mentions
        persons = [m for m in self.names if m.type == "person"]
        longest: dict[tuple[str, ...], tuple[int, str]] = {}
        tied: dict[tuple[str, ...], list[str]] = {}  # the longest names of equal length sharing a key
        # a repeated name changes nothing (the first of equal length wins): each text once;
        # a name written in a headline-case sentence is no fullest name ("Outreach Undone By
        # Trump" is no form of "Trump"), though it may be named so elsewhere
        # (only names of two words or more: a one-word name is no longer form of another)
        v = self.view
        texts: dict[str, None] = {}
        for m in persons:
            if (m.end - m.start > 1 or " " in m.text) and sentence_headline_case(v, v.sent_of[m.start], CANONICAL_HEADLINE_SHARE):
                continue
            texts[m.text] = None
        title_words = titles()
        given = entity_lexicons().first_names
        for text in texts:
            if headline_like(text):
                continue  # a headline's names are not one person's fullest name
            if " " in text and text.rsplit(" ", 1)[1] in title_words and text.split(" ", 1)[0] not in given:
                # "PG&E President (and CEO Andy Vesey)": a body and a title, no fuller form of
                # "PG&E" (but "Dana King" is a person's name)
                continue
            t = tuple(text.split())
            n = len(t)
            for k in range(1, n + 1):
                for key in (("<", *t[:k]), (">", *t[n - k :])):
                    cur = longest.get(key)
                    if cur is None or n > cur[0]:
                        longest[key] = (n, text)
                    elif n == cur[0] and k < n:
                        tied.setdefault(key, [cur[1]]).append(text)  # "Clinton": "Hillary Clinton", "Bill Clinton"
        resolved: dict[tuple[str, str], str] = {}
        for m in persons:
            best = resolved.get((m.text, m.canonical))
            if best is None:
                t = tuple(m.text.split())
                best = m.canonical
                best_len = len(t)
                for key in ((">", *t), ("<", *t)):  # a surname first: "Gorka" is "Sebastian Gorka"
                    cur = longest.get(key)
                    if key[0] == "<" and len(t) == 1 and best_len > 1:
                        break  # a surname's full name, not a longer name opening with it ("Trump Tower Grill")
                    if cur is not None and cur[0] > best_len:
                        best, best_len = cur[1], cur[0]
                        if key in tied and longest[key] == cur:
                            best = self._one_of(m, tied[key], given)
                            break  # (chosen per mention: not kept for the next mention of the text)
                else:
                    resolved[(m.text, m.canonical)] = best
            m.canonical = best
        self._link_company_short_forms()
        persons = [m for m in self.names if m.type == "person"]
        self._link_honorific_surnames(persons)
        self._link_inner_surnames(persons)
        self._link_fuller_forms(persons)
        self._link_titled_surnames(persons)
        self._retype_speaking_surnames(persons)
        # an organisation's short form ("the Foreign Ministry") is matched in resolve_nominal

    def _link_titled_surnames(self, persons: list[Mention]) -> None:
        """"Ohio Gov. Kasich" (and the "Kasich" linked to it as its fullest form) after "John
        Kasich": a person name that is a surname after title words only (``titles.tsv``, with a
        region before them: "Ohio Gov.", "Sen.", "President") is the one full name of the article
        that ends in that surname (:meth:`full_name_of`)."""
        for text in dict.fromkeys(m.canonical for m in persons):
            if not _titled_surname(text):
                continue
            full = self.full_name_of(text.rsplit(" ", 1)[1])
            if full is None:
                continue
            for m in persons:
                if m.canonical == text:
                    m.canonical = full

    def full_name_of(self, surname: str) -> str | None:
        """The name linker for a surname alone: the one full name of the article (a person's, or a
        name of no known type, of two words or more, not a titled surname: :func:`_titled_surname`) whose surname
        (its last word, or the one before a generational suffix: "Harry B. Harris Jr.") is the one-word ``surname`` ("Day" -> "Doris Day"); None when ``surname`` has several words,
        or the article has no or several such names."""
        if " " in surname or not surname[:1].isupper():
            return None
        fulls = {m.canonical for m in self.names
                 if m.type in ("person", "other", "unknown") and " " in m.canonical
                 and _surname(m.canonical) == surname and not _titled_surname(m.canonical)}
        return fulls.pop() if len(fulls) == 1 else None

    def _one_of(self, m: Mention, fuller: list[str], given: dict[str, str]) -> str:
        """The one of several person names of equal length (in the order the article first names
        them) that the shorter mention ``m`` is: after a gendered honorific, the first whose given
        name agrees ("Mr. Clinton" of "Hillary Clinton" and "Bill Clinton": "Bill Clinton"); else
        the first named ("the first of equal length wins")."""
        v = self.view
        honorific = GENDERED_HONORIFICS.get(v.lowers[m.start - 1]) if m.start > 0 else None
        if honorific is not None:
            return next((f for f in fuller if given.get(f.split()[0]) == honorific), fuller[0])
        return fuller[0]

    def _retype_speaking_surnames(self, persons: list[Mention]) -> None:
        """"Cuban said" after "Mark Cuban": a one-word name the gazetteer types as a demonym, a place,
        a state or an organisation ("Cuban", "Warren", "Bolton", "Bloomberg") right before a
        reporting verb or a verb in the past tense ("Cuban said", "Bloomberg endorsed", "Kennedy
        engineered") or right after a reporting verb ("said Cuban,") is a person when it is the
        surname of exactly one person the article names in full with a known given name first; it
        becomes that person."""
        given = entity_lexicons().first_names
        full: dict[str, set[str]] = {}
        for text in dict.fromkeys(m.canonical for m in persons):
            toks = text.split()
            if len(toks) >= 2 and toks[0] in given and toks[-1][:1].isupper() and not headline_like(text):
                full.setdefault(toks[-1], set()).add(text)
        if not full:
            return
        verbs = cue_lexicon().verbs
        lowers = self.view.lowers
        n = self.view.n
        for m in self.names:
            if m.end - m.start != 1 or m.type not in ("demonym", "place", "state", "organization"):
                continue
            named = full.get(m.text)
            if named is None or len(named) != 1:
                continue
            after = lowers[m.end] if m.end < n else ""
            before = lowers[m.start - 1] if m.start > 0 else ""
            if after in verbs or is_past_tense(after) or (before in verbs and after in (",", ".", "")):
                m.type, m.canonical, m.kind = "person", next(iter(named)), "name"

    def _link_company_short_forms(self) -> None:
        """"Centerview" after "Centerview Partners": a one-word name typed a person by default (no
        gender shown) that is the first word of a company named with a company word last
        (``org_tails.txt``) in the article is that company."""
        tails = entity_lexicons().org_tails
        full: dict[str, str] = {}
        for m in self.names:
            toks = m.text.split()
            if m.type == "organization" and len(toks) == 2 and toks[-1] in tails:
                full.setdefault(toks[0], m.text)
        if not full:
            return
        for m in self.names:
            if m.type == "person" and m.end - m.start == 1 and m.text in full and not m.extra.get("gender"):
                m.type, m.canonical = "organization", full[m.text]

    def _link_honorific_surnames(self, persons: list[Mention]) -> None:
        """"Mrs. Yu" after "Yolanda Yu Hoi-kwan": a one-word name after an honorific that matched
        no name's first or last word is the surname inside a longer name of the article."""
        lowers = self.view.lowers
        lone = [m for m in persons if m.end - m.start == 1 and m.canonical == m.text and m.start > 0
                and lowers[m.start - 1] in _HONORIFICS]
        if not lone:
            return
        inner: dict[str, str] = {}
        for text in dict.fromkeys(m.canonical for m in persons):
            toks = text.split()
            for t in toks[1:-1]:
                if len(toks) > len(inner.get(t, "").split()):
                    inner[t] = text
        for m in lone:
            m.canonical = inner.get(m.text, m.canonical)

    def _link_inner_surnames(self, persons: list[Mention]) -> None:
        """"Rosselló" after "Ricardo Rosselló Nevares", "Vázquez" after "Wanda Vázquez Garced": a
        one-word person name that matched no name's first or last word and is the last but one word of
        exactly one person name of three or more words in the article is that person (a paternal
        surname before a maternal one, a surname before "Jr."; not the "Klein" of "Aaron Klein
        Investigative Radio")."""
        lone = [m for m in persons if m.end - m.start == 1 and m.canonical == m.text and m.text[:1].isupper()]
        if not lone:
            return
        inner: dict[str, set[str]] = {}
        for text in dict.fromkeys(m.canonical for m in persons):
            toks = text.split()
            if len(toks) < 3 or headline_like(text):
                continue
            t = toks[-2]  # the paternal surname before the maternal one, or before "Jr."
            if t[:1].isupper():
                inner.setdefault(t, set()).add(text)
        for m in lone:
            full = inner.get(m.text)
            if full is not None and len(full) == 1:
                m.canonical = next(iter(full))

    def _link_fuller_forms(self, persons: list[Mention]) -> None:
        """"Pedro Pierluisi" after "Pedro R. Pierluisi Urrutia": a person name of two or more words
        whose first word opens, and whose last word is the last but one word of, exactly one person
        name of four or more words (or three ending in "III", "Jr." ...) in the article is that person
        (a middle initial and a maternal surname or "III" left out; not a headline's "Hillary Clinton
        Speaks")."""
        longer: dict[tuple[str, str], set[str]] = {}
        for text in dict.fromkeys(m.canonical for m in persons):
            toks = text.split()
            if len(toks) < 3 or headline_like(text) or len(toks) == 3 and toks[-1] not in _GENERATIONAL:
                continue  # (three words: only "Brent Bozell III", not a headline's "Hillary Clinton Speaks")
            longer.setdefault((toks[0], toks[-2]), set()).add(text)
        if not longer:
            return
        for m in persons:
            toks = m.canonical.split()
            if len(toks) < 2:
                continue
            full = longer.get((toks[0], toks[-1]))
            if full is not None and len(full) == 1:
                m.canonical = next(iter(full))

    # -- look-ups ------------------------------------------------------------------------------
    def names_before(self, i: int) -> Iterator[Mention]:
        """Name mentions starting before token ``i``, nearest first (lazily: O(1) per mention read)."""
        k = bisect_left(self._starts, i) - 1
        while k >= 0:
            yield self.names[k]
            k -= 1

    def count_of(self, canonical: str) -> int:
        """How many name mentions of the article have this canonical name."""
        if self._counts is None:
            self._counts = {}
            for m in self.names:
                self._counts[m.canonical] = self._counts.get(m.canonical, 0) + 1
        return self._counts.get(canonical, 0)

    def named(self, canonical: str, other: str | None = None) -> list[Mention]:
        """The name mentions whose canonical name is ``canonical`` (or ``other``), in the article's
        order: ``[m for m in names if m.canonical in (canonical, other)]`` by an index built when
        first asked (the names are final then)."""
        by = self._by_canonical
        if by is None:
            by = self._by_canonical = {}
            for k, m in enumerate(self.names):
                by.setdefault(m.canonical, []).append(k)
        at = by.get(canonical, [])
        if other is not None and other != canonical and other in by:
            at = sorted(at + by[other])
        return [self.names[k] for k in at]

    def gender_of(self, canonical: str) -> str:
        """The gender ("m", "f" or "") that any mention of the person ``canonical`` shows (a given
        name, an honorific): "Baker" is female after "Senator Ann Baker"."""
        if self._genders is None:
            self._genders = {}
            for m in self.names:
                g = m.extra.get("gender")
                if g and m.type == "person":
                    self._genders.setdefault(m.canonical, g)
        return self._genders.get(canonical, "")

    def name_at(self, i: int, j: int) -> Mention | None:
        """The name mention covering exactly or containing tokens ``[i, j)``."""
        k = bisect_left(self._starts, j) - 1
        while k >= 0:
            m = self.names[k]
            if m.end <= i:
                return None
            if m.start <= i and m.end >= j:
                return m
            k -= 1
        return None

    def index_before(self, i: int) -> int:
        """Index in :attr:`names` of the last mention starting before token ``i`` (-1: none)."""
        return bisect_left(self._starts, i) - 1

    def names_in(self, i: int, j: int) -> list[Mention]:
        """Name mentions inside tokens ``[i, j)``."""
        starts = self._starts
        return [m for m in self.names[bisect_left(starts, i):bisect_left(starts, j)] if m.end <= j]

    def previous(self, i: int, types: tuple[str, ...], *, max_sents: int = 3, skip: set[str] | None = None) -> Mention | None:
        """The nearest name mention of one of ``types`` ending before token ``i``."""
        v = self.view
        k = bisect_left(self._starts, i) - 1
        s0 = v.sent_of[i] if i < v.n else v.sent_of[-1] if v.n else 0
        while k >= 0:
            m = self.names[k]
            if s0 - v.sent_of[m.start] > max_sents:
                return None
            if m.end <= i and m.type in types and not (skip and m.canonical in skip):
                return m
            k -= 1
        return None

    def canonical_person(self, name: str) -> str:
        """Fullest person name in the article of which ``name`` is the first or last tokens."""
        mt = name.split()
        best = name
        for o in self.names:
            if o.type != "person":
                continue
            ot = o.canonical.split()
            if len(ot) > len(best.split()) and (ot[: len(mt)] == mt or ot[-len(mt) :] == mt):
                best = o.canonical
        return best

    def resolve_nominal(self, head: str, i: int) -> Mention | None:
        """The organisation named before token ``i`` whose name ends in ``head`` ("the ministry")."""
        k = bisect_left(self._starts, i) - 1
        while k >= 0:
            m = self.names[k]
            if m.type in ("organization", "state") and m.text.lower().split()[-1] == head:
                return m
            k -= 1
        return None
