"""Reference forms of a party beyond its name, for the party finder (:mod:`stance.parties.finder`).

- **Acronyms**: a name introduced with its acronym ("Organizing for Action (OFA)") or whose
  initials an all-caps name of the article spells ("DNC" for "Democratic National Committee") is
  one party, named by its full form (guideline rule 8: names are canonicalised within the article).
- **Descriptions**: "the government", "the federal government" refer to the state the article is
  about; "the administration" to the "<name> administration" the article wrote before it; "the
  ministry", "the company", "the network" to the organisation named before (the heads and what
  they refer to are ``data/description_heads.tsv``).
- **Titles**: "the president", "the senator" refer to the nearest person named before them whom
  the article gives that role ("President Barack Obama"; the heads marked ``title`` in
  ``data/description_heads.tsv``).
- **Person forms**: a person's canonical name whose first word is no given name ("Half Clinton",
  taken from a headline) is given as the name the article writes with a given name
  (:meth:`ArticleReferences.person_form`: "Hillary Clinton").
- **Salient person**: the person the article names most, of a pronoun's gender, as the other
  reading of a he/she/his/her inside a quotation (:meth:`ArticleReferences.salient_person`).
- **Pronoun gender**: "she"/"her" and "he"/"him"/"his" resolve to the nearest earlier person
  of that gender, learned within the article (the pronoun that first follows a person's name with
  no other person between, and "Mr."/"Ms." before it); a person of unknown gender fits both.
- **Frame objects**: the object of a verb of the quotation's sentence that targets someone
  ("praised Sanders for ..., calling it ...", "compared Trump to Clinton, saying",
  "he said of Johnson and Weld", "referring to Cruz"; the verbs are ``data/frame_object_verbs.tsv``).

Article-level facts are computed once per document (:class:`ArticleReferences`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterator

from stance.text.entity_types import PRONOUN_GENDER, entity_lexicons, is_acronym
from stance.text.genders import person_genders
from stance.text.inflection import verb_forms
from stance.text.lexicons import (Gazetteer, data_rows, description_heads, gazetteer, party_labels, pronoun_kinds, rule_words,
                                  tagged_words, titles, word_set)
from stance.text.mentions import Mention, MentionIndex, is_adjective, is_common_noun
from stance.text.positions import positions_of
from stance.text.view import POSSESSIVE_MARKS, TextView

#: Lowercase words left out of an acronym's initials ("Organizing for Action" is OFA or OA).
_CONNECTORS = rule_words("acronym_connectors")
#: Words between "the" and a description's head that keep the state reading ("the federal government").
_STATE_MODIFIERS = word_set("state_modifiers.txt")


@dataclass(frozen=True)
class TargetMention:
    """A party named or referred to at tokens ``[start, end)``: its canonical name, its type and
    how it was found (``name``: a name, demonym or pronoun; ``acronym``, ``description``,
    ``frame_object``: another form than its name, found here; ``salient_pronoun``,
    ``speaker_name``, ``quote_subject``, ``quote_clause``: see :mod:`stance.parties.finder`). ``frame``: the stance a verb of the
    quotation's frame takes toward it as its object ("hostile": accused or warned it;
    "conciliatory": praised or thanked it; :func:`frame_verb_polarities`), "" for none."""

    name: str
    type: str
    start: int
    end: int
    via: str = "name"
    frame: str = ""


def _frame_verb_rows() -> Iterator[tuple[set[str], str, str]]:
    """``data/frame_object_verbs.tsv``: (every inflected form, particle, polarity) per verb."""
    for row in data_rows("frame_object_verbs.tsv"):
        lemma = row[0].strip()
        irregular = {f.strip() for f in row[1].split(",")} if len(row) > 1 and row[1].strip() else set()
        particle = row[2].strip() if len(row) > 2 else ""
        polarity = row[3].strip() if len(row) > 3 else ""
        yield verb_forms(lemma, irregular), particle, polarity


@lru_cache(maxsize=1)
def frame_object_verbs() -> dict[str, str]:
    """``data/frame_object_verbs.tsv``: every inflected form -> the particle its object follows
    ("" for none; "to" for "referring to X")."""
    return {f: particle for forms, particle, _ in _frame_verb_rows() for f in forms}


@lru_cache(maxsize=1)
def frame_verb_polarities() -> dict[str, str]:
    """``data/frame_object_verbs.tsv``: every inflected form of a verb that takes a stance toward
    its object -> that stance (guideline rule 10: "accused", "warned" -> "hostile"; "praised",
    "thanked" -> "conciliatory"); verbs that take none ("called", "asked") are absent."""
    return {f: polarity for forms, _, polarity in _frame_verb_rows() if polarity for f in forms}


#: Tokens before a frame verb searched for a negator ("did not criticize", "never praised": the
#: verb's stance is then not the speaker's).
NEGATION_REACH = 3


def _frame_polarity(lowers: list[str], k: int, lo: int) -> str:
    """The stance of the frame verb at token ``k`` toward its object: its polarity
    (:func:`frame_verb_polarities`), "" when it has none or a negator of the stance lexicon
    stands within :data:`NEGATION_REACH` tokens before it (from ``lo`` on)."""
    polarity = frame_verb_polarities().get(lowers[k], "")
    if polarity and not negators().isdisjoint(lowers[max(lo, k - NEGATION_REACH):k]):
        return ""
    return polarity


@lru_cache(maxsize=1)
def negators() -> frozenset[str]:
    """The negators of ``data/stance_lexicon.tsv`` ("not", "n't", "never", "without", ...)."""
    return tagged_words("stance_lexicon.tsv", "negator")


@lru_cache(maxsize=1)
def thing_words() -> tuple[frozenset[str], frozenset[str]]:
    """``data/thing_names.tsv``: the lowercase words before a thing's name, and those after it."""
    rows = [(r[0].strip().lower(), r[1].strip()) for r in data_rows("thing_names.tsv") if len(r) > 1]
    return frozenset(w for w, k in rows if k == "before"), frozenset(w for w, k in rows if k == "after")


@lru_cache(maxsize=1)
def non_party_kinds() -> dict[str, str]:
    """``data/non_party_names.tsv``: name -> place | media | group | thing."""
    return {r[0].strip(): r[1].strip() for r in data_rows("non_party_names.tsv") if len(r) > 1}


def initials(words: list[str], keep_connectors: bool) -> str:
    """The capital initials of a name's words ("Federal Bureau of Investigation" -> "FBI"), its
    connectors ("of", "and", "the", ...) left out unless ``keep_connectors`` ("FBOI")."""
    return "".join(w[0].upper() for w in words if w and (keep_connectors or w.lower() not in _CONNECTORS) and w[0].isalpha())


def _thing_by_head(name: str, heads: frozenset[str], gaz: Gazetteer) -> bool:
    """Whether a name of two words or more is a thing by its last word: a law, treaty or
    doctrine (``heads``, ``data/thing_heads.txt``: "Geneva Convention") or a population named by a
    demonym ("Muslim Americans", "LGBT Americans", "African American"; not a demonym of the
    gazetteer itself, "South Korean"); never a name the gazetteer knows."""
    last = name.rsplit(" ", 1)
    if len(last) != 2 or not (last[1] in heads or (last[1] in gaz.demonyms and name not in gaz.demonyms)):
        return False
    return gaz.lookup(name) is None


class ArticleReferences:
    """The article's acronyms and its main state, computed once per document.

    Args:
        view: the document's tokens.
        mentions: its name mentions.
    """

    def __init__(self, view: TextView, mentions: MentionIndex):
        self.view = view
        self.mentions = mentions

    @cached_property
    def acronyms(self) -> dict[str, str]:
        """Acronym (dots removed) -> the article's full name (:func:`acronym_map`)."""
        return acronym_map(self.view, self.mentions)

    @cached_property
    def main_state(self) -> str | None:
        """The state the article names most often (first named on a tie), or None."""
        states = Counter(m.canonical for m in self.mentions.names if m.type in ("state", "demonym"))
        return max(states, key=lambda s: states[s]) if states else None

    @cached_property
    def things(self) -> set[str]:
        """One-word names the article writes next to a word of ``data/thing_names.tsv`` ("Hurricane
        Dorian", "the god Thoth", "Parkinson's disease"): a storm, a god, a disease, no party and no
        antecedent of a pronoun. Only names that are their own canonical form ("Hurricane Donald"
        leaves "Donald Trump" alone), or the word's two-word mention ("Hurricane Dorian": "Dorian").
        Names of events, laws, religions and deities (``data/non_party_names.tsv``, kind ``thing``:
        "Brexit", "World War II", "Obamacare", "Islam", "Satan") are things wherever they stand, and
        so are names of two words or more whose last word makes them a law, treaty or doctrine
        (``data/thing_heads.txt``: "Affordable Care Act", "Geneva Convention") or a population (a
        demonym: "Muslim Americans", "African American"), unless the gazetteer names them
        (:func:`_thing_by_head`)."""
        before, after = thing_words()
        kinds = non_party_kinds()
        heads = word_set("thing_heads.txt", keep_case=True)
        gaz = gazetteer()
        lowers, words, n = self.view.lowers, self.view.words, self.view.n
        out: set[str] = set()
        for m in self.mentions.names:
            if kinds.get(m.canonical) == "thing":
                out.add(m.canonical)
                continue
            if _thing_by_head(m.canonical, heads, gaz):
                out.add(m.canonical)  # "Geneva Convention", "College for All Act", "Muslim Americans"
                continue
            if m.end - m.start == 2 and lowers[m.start] in before:
                out.add(words[m.start + 1])  # the name written with its word: "Hurricane Dorian"
                continue
            if m.end - m.start != 1 or m.canonical != m.text:
                continue
            j = m.end + 1 if m.end < n and words[m.end] in POSSESSIVE_MARKS else m.end
            if (m.start > 0 and lowers[m.start - 1] in before) or (j < n and lowers[j] in after):
                out.add(m.canonical)
        for full in self.acronyms.values():  # "the ACA": the Affordable Care Act
            if _thing_by_head(full, heads, gaz):
                out.add(full)
        return out

    @cached_property
    def placelike(self) -> set[str]:
        """Person names of the article that usually name a place ("D.C.", typed a person): no
        antecedents of a pronoun (``data/non_party_names.tsv``, kind ``place``)."""
        kinds = non_party_kinds()
        return {m.canonical for m in self.mentions.names if m.type == "person" and kinds.get(m.canonical) == "place"}

    @cached_property
    def initial_only(self) -> set[str]:
        """One-word "person" names never written inside a sentence: capitalised common words
        ("Today he's ...", "Imagine ..."), not antecedents of a pronoun."""
        return initial_only_names(self.view, self.mentions)

    @cached_property
    def no_antecedents(self) -> frozenset[str]:
        """The names no pronoun refers to: :attr:`initial_only`, :attr:`placelike`,
        :attr:`things` and titles written as names ("President": :func:`is_bare_title`; their union,
        made once per document)."""
        titled = {m.canonical for m in self.mentions.names if is_bare_title(m)}
        return frozenset(self.initial_only | self.placelike | self.things | titled)

    @cached_property
    def _the_and_pronouns(self) -> list[int]:
        """The positions of "the", the pronouns (``pronouns.tsv``) and the gendered pronouns
        (:data:`PRONOUN_GENDER`), in order: one scan of the document's tokens for
        :attr:`descriptions_and_pronouns` and :attr:`gender`."""
        return positions_of(self.view.lowers, pronoun_kinds().keys() | PRONOUN_GENDER.keys() | {"the"})

    @cached_property
    def descriptions_and_pronouns(self) -> list[int]:
        """The positions of the tokens :func:`~stance.parties.finder.find_targets` reads past the
        names: "the" (a description may start there) and the pronouns, in order, found once per
        document instead of in every quotation's tokens."""
        keep = pronoun_kinds().keys() | {"the"}
        lowers = self.view.lowers
        return [i for i in self._the_and_pronouns if lowers[i] in keep]

    @cached_property
    def gender(self) -> dict[str, str]:
        """Person canonical name -> "m" | "f", where the article shows it."""
        lowers = self.view.lowers
        return person_genders(self.view, self.mentions, pronouns=[i for i in self._the_and_pronouns if lowers[i] in PRONOUN_GENDER])

    @cached_property
    def _persons(self) -> tuple[list[Mention], list[int]]:
        persons = [m for m in self.mentions.names if m.type == "person"]
        return persons, [m.end for m in persons]

    @cached_property
    def persons_by_surname(self) -> dict[str, frozenset[str]]:
        """Last word -> the canonical names of two words or more of the article's persons that end
        in it ("Clinton" -> {"Hillary Clinton", "Bill Clinton"}), built once per document."""
        out: dict[str, set[str]] = {}
        for m in self._persons[0]:
            if " " in m.canonical:
                out.setdefault(m.canonical.rsplit(" ", 1)[1], set()).add(m.canonical)
        return {k: frozenset(v) for k, v in out.items()}

    def kin_of(self, possessor: str, gender: str) -> str | None:
        """The person "his wife", "her husband" or "my father" refers to when ``possessor`` is the
        possessive's person: the one other person of the article, named with a given name or more
        than one word, whose surname is the possessor's and whose gender the article shows as
        ``gender`` ("her husband" of Hillary Clinton: Bill Clinton); None when there is none or
        more than one."""
        found = {c for c in self.persons_by_surname.get(possessor.split()[-1], ())
                 if c != possessor and self.gender.get(c) == gender}
        return found.pop() if len(found) == 1 else None

    def previous_person(self, i: int, pronoun: str, *, max_sents: int = 4, skip: set[str] | None = None) -> Mention | None:
        """The nearest person named before token ``i`` whose gender fits ``pronoun`` (unknown fits
        any) and not in ``skip``, at most ``max_sents`` sentences back."""
        want = PRONOUN_GENDER.get(pronoun)
        sent_of = self.view.sent_of
        s0 = sent_of[min(i, self.view.n - 1)] if self.view.n else 0
        persons, ends = self._persons
        k = bisect_left(ends, i + 1) - 1
        while k >= 0:
            m = persons[k]
            if s0 - sent_of[m.start] > max_sents:
                return None
            if m.end <= i and not (skip and m.canonical in skip) and not self._attributive(m):
                g = self.gender.get(m.canonical)
                if want is None or g is None or g == want:
                    return m
            k -= 1
        return None

    def _attributive(self, m: Mention) -> bool:
        """A name before an organisation noun ("Trump campaign spokeswoman Hope Hicks"): it names
        the organisation, not the person a later "he" is about."""
        j = m.end
        return j < self.view.n and self.view.words[j].islower() and self.view.lowers[j] in word_set("org_nouns.txt")

    @cached_property
    def _by_salience(self) -> list[tuple[str, int]]:
        """(person named at least twice, end of its first mention), most often named first."""
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for m in self.mentions.names:
            if m.type == "person":
                counts[m.canonical] = counts.get(m.canonical, 0) + 1
                first.setdefault(m.canonical, m.end)
        ranked = sorted((n for n in counts if counts[n] >= 2), key=lambda n: (-counts[n], first[n]))
        return [(n, first[n]) for n in ranked]

    @cached_property
    def _offices(self) -> dict[str, set[str]]:
        """Role (lowercase, as the mentions give it: "president") -> persons of the article with it."""
        out: dict[str, set[str]] = {}
        for m in self.mentions.names:
            if m.type == "person" and m.role:
                out.setdefault(m.role.lower(), set()).add(m.canonical)
        return out

    def office_holder(self, role: str, i: int) -> str | None:
        """The person a title description ("the president") starting at token ``i`` refers to:
        the nearest person named before it whom the article gives exactly that role, or None."""
        holders = self._offices.get(role)
        if not holders:
            return None
        persons, ends = self._persons
        for k in range(bisect_left(ends, i + 1) - 1, -1, -1):
            if persons[k].canonical in holders:
                return persons[k].canonical
        return None

    def salient_person(self, i: int, pronoun: str, *, skip: set[str] | None = None) -> str | None:
        """The article's most often named person (at least twice, first named before token ``i``)
        whose known gender fits ``pronoun`` (an unknown one does not), not in ``skip``: the
        other reading of a pronoun in a quotation besides the nearest person, for the trained
        party filter to weigh."""
        want = PRONOUN_GENDER.get(pronoun)
        gender = self.gender
        for name, end in self._by_salience:
            if end <= i and not (skip and name in skip) and gender.get(name) == want:
                return name
        return None

    def canonical(self, name: str) -> str:
        """``name``, or the full name of the acronym it is."""
        return self.acronyms.get(name.replace(".", ""), name)

    @cached_property
    def _lowercase_words(self) -> frozenset[str]:
        """The words the article writes in lowercase."""
        return frozenset(filter(str.islower, self.view.distinct))

    @cached_property
    def _given_name_forms(self) -> dict[str, list[str]]:
        """Last token -> the person names of two tokens or more the article writes with a known
        given name first ("Hillary Clinton"), most often written first."""
        given = entity_lexicons().first_names
        counts = Counter(m.text for m in self.mentions.names
                         if m.type == "person" and m.end - m.start >= 2 and m.text.split()[0] in given)
        out: dict[str, list[str]] = {}
        for text, _ in counts.most_common():
            out.setdefault(text.split()[-1], []).append(text)
        return out

    @cached_property
    def _forms_by_given_name(self) -> dict[str, list[str]]:
        """Given name -> the person names of two tokens or more the article writes with it first
        ("Hillary Clinton"), most often written first."""
        out: dict[str, list[str]] = {}
        for forms in self._given_name_forms.values():
            for text in forms:
                out.setdefault(text.split()[0], []).append(text)
        counts = Counter(m.text for m in self.mentions.names if m.type == "person")
        for forms in out.values():
            forms.sort(key=lambda t: -counts[t])
        return out

    def person_form(self, name: str, written: str | None = None) -> str:
        """A person's name as the party finder gives it. A canonical name whose first word is no
        given name, and is a word the article writes in lowercase, a party label or a demonym
        ("Half Clinton" from a headline, "Using Ted Cruz", "Republican Trump": a capitalised word
        taken into the name), becomes the name the article writes with a given name and the same
        last word: its tail when that starts with a given name ("Ted Cruz"; not a country's:
        "America"; also after an adjective: "Crooked Hillary Clinton"), else the most often written one ("Hillary Clinton"). So does a one-word mention ``written`` ("Trump") whose
        canonical name is a longer name with no given name first ("Trump Tower Manila",
        "Officeholders Who Endorse Trump"). A nickname ending in a given name, whose first word is
        an adjective or a word the article writes in lowercase or which has a connector inside
        ("Crooked Hillary", "Little Marco", "Neocons For Hillary"), becomes the most often written
        name the article writes with that given name first ("Hillary Clinton"). Other names are kept."""
        toks = name.split()
        given = entity_lexicons().first_names
        if len(toks) < 2 or toks[0] in given:
            return name
        if given.get(toks[-1]) in _GENDERED and (is_adjective(toks[0].lower()) or toks[0].lower() in self._lowercase_words
                                                or any(t.lower() in _CONNECTORS for t in toks[1:-1])):
            # a nickname ending in a given name: "Crooked Hillary", "Little Marco", "Neocons For Hillary"
            forms = self._forms_by_given_name.get(toks[-1])
            if forms:
                return forms[0]
        taken = toks[0].lower() in self._lowercase_words or toks[0] in party_labels() or toks[0] in gazetteer().demonyms
        # a one-word mention read as a longer name: its first word ("Trump Tower Manila") or a
        # name of three words or more ("Officeholders Who Endorse Trump")
        surname = (written is not None and " " not in written and written != name
                   and (written == toks[0] or len(toks) >= 3))
        if len(toks) >= 3 and given.get(toks[1]) in _GENDERED and gazetteer().lookup(toks[1]) is None:
            # "Using Ted Cruz", "Crooked Hillary Clinton"; but "Moner Mohammad Abusalha" may be a name
            return " ".join(toks[1:]) if taken or is_adjective(toks[0].lower()) else name
        if surname:
            forms = self._given_name_forms.get(written)
            if forms:
                return forms[0]
        if not taken:
            return name  # only a common word ("Half", "Using") or a party or country label ("Republican")
        forms = self._given_name_forms.get(toks[-1])
        return forms[0] if forms else name


#: Genders of a given name (``data/first_names.tsv``) that make it one ("?": also another word).
_GENDERED = frozenset({"m", "f", "mf"})


#: Tokens after which a capitalised word starts a sentence-like unit (as for the mentions).
_OPENERS = frozenset({"“", '"', "''", "``", "(", "—", "‘", "'", ":", "-", "–"})


def initial_only_names(view: TextView, mentions: MentionIndex) -> set[str]:
    """Canonical names of one-word person mentions that only ever open a sentence or a quotation
    and are no part of a longer name of the article."""
    words, sent_of = view.words, view.sent_of
    inside: set[str] = set()
    single: set[str] = set()
    for m in mentions.names:
        if m.type != "person" or m.end - m.start != 1 or m.canonical != m.text:
            inside.add(m.canonical)
            continue
        i = m.start
        if i == 0 or sent_of[i - 1] != sent_of[i] or words[i - 1] in _OPENERS:
            single.add(m.canonical)
        else:
            inside.add(m.canonical)
    return single - inside


#: The last document's references: the finder and the filter of one document share them.
_LAST: list = [None, None]


def article_references(view: TextView, mentions: MentionIndex) -> ArticleReferences:
    """The :class:`ArticleReferences` of the document whose mentions are ``mentions``, built once
    (the last document's are kept, by identity of its mention index)."""
    if _LAST[0] is not mentions:
        _LAST[1] = ArticleReferences(view, mentions)
        _LAST[0] = mentions
    return _LAST[1]


def acronym_map(view: TextView, mentions: MentionIndex) -> dict[str, str]:
    """Acronym (dots removed) -> full name, from "Full Name (ACR)" and from an all-caps name
    whose initials match exactly one longer name (not a person's) of the article (connectors kept
    or dropped), or, when none does, exactly one name the article writes in title case with its
    connectors ("Citizens for Responsibility and Ethics in Washington (CREW)", "built Organizing for
    Action" for OFA: :func:`_written_initials`).
    Acronyms the gazetteer knows are left to it."""
    gaz = gazetteer()
    out: dict[str, str] = {}
    for word, m in mentions.bracketed_forms:  # the first name of two words or more so defined
        if m.end - m.start >= 2 and is_acronym(word, min_len=2, max_len=6, dots=True):
            out.setdefault(word.replace(".", ""), m.canonical)
    # the one-word acronyms left to resolve, in the article's order
    open_acronyms = list(dict.fromkeys(
        m.text.replace(".", "") for m in mentions.names
        if m.end - m.start == 1 and is_acronym(m.text, min_len=2, max_len=6, dots=True)
        and m.text.replace(".", "") not in out and gaz.lookup(m.text) is None))
    if not open_acronyms:
        return out
    by_initials: dict[str, set[str]] = {}
    for name in {m.canonical for m in mentions.names if len(m.canonical.split()) >= 2 and m.type != "person"}:
        toks = name.split()
        for keep in (False, True):
            by_initials.setdefault(initials(toks, keep), set()).add(name)
    # no name of the article spells these: written names split into several mentions
    unspelt = {acr for acr in open_acronyms if not by_initials.get(acr)}
    written = _written_initials(view, mentions, unspelt) if unspelt else {}
    for acr in open_acronyms:
        full = by_initials.get(acr) or written.get(acr)
        if full and len(full) == 1:
            out[acr] = next(iter(full))
    return out


#: A written name of at most this many tokens is read for an acronym's initials.
_MAX_WRITTEN = 10


def _written_initials(view: TextView, mentions: MentionIndex, acronyms: set[str]) -> dict[str, set[str]]:
    """Each of ``acronyms`` that initials (connectors kept or dropped) of the article's written
    names spell -> those names: runs of title-case words joined by connectors ("Citizens for
    Responsibility and Ethics in Washington", which the mentions split at "in Washington";
    "Organizing for Action"), from and to a title-case word, of two title-case words or more, not
    a person's name."""
    words = view.words
    sent_of = view.sent_of
    persons = {m.text for m in mentions.names if m.type == "person"}
    longest = max(map(len, acronyms))
    firsts = {acr[0] for acr in acronyms}
    # each token's title case, read once per distinct word
    title_words = set(filter(_title_word, mentions.capitalised))  # (capitalised, with a lowercase letter)
    title = list(map(title_words.__contains__, words))
    title.append(True)  # a sentinel: the scan below stops at n
    out: dict[str, set[str]] = {}
    i, n = 0, view.n
    while True:
        i = title.index(True, i)  # the next title-case word
        if i >= n:
            break
        j = i  # the run: title-case words and connectors between them, in one sentence
        while (j + 1 < n and j + 1 - i < _MAX_WRITTEN and sent_of[j + 1] == sent_of[i]
               and (title[j + 1] or (words[j + 1] in _CONNECTORS and j + 2 < n and title[j + 2]))):
            j += 1
        for a in range(i, j + 1):
            if not title[a] or (words[a][0].upper() not in firsts and words[a].lower() not in _CONNECTORS):
                continue  # (initials start with the first word's, unless it is a connector: "The")
            for key, name in _spelled_from(words, title, a, j, acronyms, longest):
                if name not in persons:
                    out.setdefault(key, set()).add(name)
        i = j + 1
    return out


def _spelled_from(words: list[str], title: list[bool], a: int, j: int, acronyms: set[str],
                  longest: int) -> Iterator[tuple[str, str]]:
    """(acronym, name) for each written name ``words[a:b + 1]`` (``a < b <= j``, ending in a
    title-case word) whose initials, connectors dropped or kept (:func:`initials`), spell one of
    ``acronyms`` (``longest``: the longest of them)."""
    dropped = kept = ""  # the initials of words[a:b + 1], grown word by word
    for b in range(a, j + 1):
        w = words[b]
        if w[:1].isalpha():
            kept += w[0].upper()
            if w.lower() not in _CONNECTORS:
                dropped += w[0].upper()
        if len(dropped) > longest:
            return  # (no acronym is that long, and initials only grow)
        if b > a and title[b] and (dropped in acronyms or kept in acronyms):
            name = " ".join(words[a:b + 1])
            for key in (dropped, kept):
                if key in acronyms:
                    yield key, name


def _title_word(w: str) -> bool:
    """A capitalised word with a lowercase letter ("Action", "McCain"): not an acronym."""
    return w[:1].isupper() and any(map(str.islower, w)) and w.replace("-", "").isalpha()


def description_at(refs: ArticleReferences, i: int) -> TargetMention | None:
    """The party a definite description starting at token ``i`` ("the government", "the
    federal government", "the company") refers to, or None."""
    view, mentions = refs.view, refs.mentions
    lowers, words = view.lowers, view.words
    if lowers[i] != "the" or i + 1 >= view.n:
        return None
    heads = description_heads()
    j = i + 1
    modifier = None
    if words[j] not in heads and j + 1 < view.n and lowers[j + 1] in heads:
        modifier = words[j]
        j += 1
    head = words[j]
    if head not in heads or (j + 1 < view.n and (lowers[j + 1] == "of" or words[j + 1][:1].isupper())):
        return None  # "the Department of Education" is a name; "the company Apple" names itself
    kind, any_org = heads[head]
    if kind == "title":
        if modifier is not None:
            return None  # "the vice president", "the former president": other offices
        held = refs.office_holder(head, i)
        return TargetMention(held, "person", i, j + 1, "description") if held else None
    if kind == "named":
        if modifier is not None:
            return None  # "the Obama administration" names itself
        named = _named_head_before(refs, head, i)
        return TargetMention(named, "organization", i, j + 1, "description") if named else None
    gaz = gazetteer()
    if kind == "state":
        if modifier is not None and modifier in gaz.demonyms:
            state = gaz.demonyms[modifier]
        elif modifier is None or modifier.lower() in _STATE_MODIFIERS:
            prev = mentions.previous(i, ("state",), max_sents=view.n)
            state = prev.canonical if prev is not None else refs.main_state
        else:
            return None  # "the Obama administration", "the interim government"
        return TargetMention(state, "state", i, j + 1, "description") if state else None
    if modifier is not None and modifier[:1].isupper():
        return None
    m = mentions.resolve_nominal(head, i)
    if m is None and any_org:
        m = _business_before(refs, i)
    if m is None:
        return None
    return TargetMention(refs.canonical(m.canonical), "organization" if m.type != "state" else "state", i, j + 1, "description")


def _business_before(refs: ArticleReferences, i: int) -> Mention | None:
    """The nearest organisation named before token ``i`` that may be "the company", "the firm" or
    "the network": an organisation, or a name typed a person with nothing that shows a person (a
    brand: "Remington"); no name the gazetteer knows (states, international bodies, armed groups:
    "the Islamic State") and no name of a public, civic or educational body
    (``data/non_business_nouns.txt``: "Sandy Hook Elementary School", "Flint Center")."""
    gaz = gazetteer()
    public = word_set("non_business_nouns.txt")
    given = entity_lexicons().first_names
    office = titles().keys()
    for m in refs.mentions.names_before(i):
        if m.end > i:
            continue
        if m.type == "person":
            # a brand typed a person by default ("Remington", "G4S Secure Solutions"): no given
            # name, no title and no gender the article shows
            words = m.canonical.split()
            if (m.role is not None or words[0] in given or m.canonical in refs.gender
                    or is_common_noun(m.canonical.lower())  # "Chapter" (11), "TEXT"
                    or not office.isdisjoint(words)):  # "PG&E President" (and CEO Andy Vesey)
                continue
        elif m.type != "organization":
            continue
        if gaz.lookup(m.canonical) is None and public.isdisjoint(m.canonical.lower().split()):
            return m
    return None


def bare_title(refs: ArticleReferences, m: Mention) -> TargetMention | None:
    """The person a title written as a name refers to ("the President's death", "use the Queen",
    "the Secretary and her staff", "their President"): the nearest earlier person the article gives
    that role (:meth:`ArticleReferences.office_holder`), as a description (``via="description"``),
    when a determiner or possessive stands before it and no "of" after it ("the President of the
    United States" is the office); else None. ``m``: a mention for which :func:`is_bare_title` holds."""
    view = refs.view
    if not definite_title(view, m) or (m.end < view.n and view.lowers[m.end] == "of"):
        return None
    held = refs.office_holder(titles()[m.canonical].lower(), m.start)
    return TargetMention(held, "person", m.start, m.end, "description") if held else None


def is_bare_title(m: Mention) -> bool:
    """Whether a person mention is only a title ("President", "Queen", "Prime Minister")."""
    return m.type == "person" and m.canonical == m.text and m.canonical in titles()


def definite_title(view: TextView, m: Mention) -> bool:
    """Whether a bare title has a determiner or possessive before it ("the Attorney General", "their
    President"): a definite description of an office or its holder, not the office in general ("to
    be President", "ran for President", "a Speaker")."""
    return m.start > 0 and view.lowers[m.start - 1] in _TITLE_DETERMINERS


#: Words before a bare title that make it a definite description of the office's holder.
_TITLE_DETERMINERS = rule_words("title_determiners")


def _named_head_before(refs: ArticleReferences, head: str, i: int) -> str | None:
    """The nearest "<name> <head>" the article writes before token ``i`` ("Obama administration"
    for ``head`` "administration"), as written, or None."""
    view, mentions = refs.view, refs.mentions
    lowers = view.lowers
    for k in range(i - 1, 0, -1):
        if lowers[k] == head and view.words[k] == head:
            m = mentions.name_at(k - 1, k)
            if m is not None and m.end == k and m.type in ("person", "organization"):
                return f"{m.text} {head}"
    return None


def frame_objects(refs: ArticleReferences, lo: int, hi: int, skip: set[str]) -> list[TargetMention]:
    """Objects of the frame verbs at tokens ``[lo, hi)`` (the quotation's sentence outside it):
    a name right after the verb or its particle, with its coordinated names ("Johnson and Weld")
    and the second object of "compare X to Y"; "him"/"her" resolve to the nearest earlier person
    not in ``skip``. Each carries the verb's stance toward it (``frame``: :func:`_frame_polarity`)."""
    view, mentions = refs.view, refs.mentions
    lowers = view.lowers
    verbs = frame_object_verbs()
    out: list[TargetMention] = []
    for k in positions_of(lowers[lo:hi], verbs, lo):  # the frame verbs only
        particle = verbs[lowers[k]]
        polarity = _frame_polarity(lowers, k, lo)
        j = k + 1
        if particle:
            if j >= hi or lowers[j] != particle:
                continue
            j += 1
        while j < hi:
            if lowers[j] in ("him", "her"):
                ref = mentions.previous(j, ("person",), max_sents=3, skip=skip)
                if ref is not None:
                    out.append(TargetMention(ref.canonical, ref.type, j, j + 1, "frame_object", polarity))
                j += 1
            else:
                if lowers[j] == "the" and j + 1 < hi:  # "accused the Justice Department of ..."
                    j += 1
                m = mentions.name_at(j, j + 1)
                if m is None or m.start != j:
                    break
                out.append(TargetMention(refs.canonical(m.canonical), m.type, m.start, m.end, "frame_object", polarity))
                j = m.end
                if j < hi and view.words[j] in ("’s", "'s"):
                    break
            if j + 1 < hi and (lowers[j] == "and" or (lowers[j] == "to" and lowers[k].startswith("compar"))):
                j += 1
                continue
            break
    return out

