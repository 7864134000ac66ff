"""Who a speaker pronoun is: antecedent candidates of "he"/"she" and referent candidates of "it"/"they"/"we", and the trained pronoun ranker.

For a he/she that is a speaker, the candidates are the persons (entity types of
:mod:`stance.text.entity_types`: he/she never denote a place, an organisation or a state) named in
its sentence (before it) and the previous :data:`WINDOW_SENTS` sentences, one per canonical name
(its nearest mention), plus the previous speaker when named further back. A person whose
gender (from a given name or an honorific anywhere in the article) clashes with the pronoun's is no
candidate, nor a "person" that cannot be one (:func:`not_a_person`: a title starting "My ...", a
one-word name only ever after a preposition of place, a thing named after a person of the article:
"Trump Tower Grill"). Each candidate gets features of agreement (its gender matches) and salience (sentence and token distance,
recency rank, the previous speaker, the subject of its sentence, how often the article names it,
inside a quotation or not, after a preposition, before a reporting verb, in the sentence of a pronoun
in a relative clause; in the quotation the pronoun attributes, a name modifying a noun, mentions and
subject mentions in the window, the last agreeing subject, the agreeing pronouns after it). The pronoun ranker (``models/pronoun_ranker``, a ``DictVectorizer`` +
``LogisticRegression`` trained by ``stance train pronoun-ranker``, run by its numpy export) scores
them; without it the rule picks the nearest agreeing person.

For an it/they/we speaker (:func:`referent_candidates`), the candidates are of the kinds the pronoun
agrees with (``stance/data/pronoun_referents.tsv``: organisations and states; for "they" plural
descriptions, plural names as written and persons joined by "and"; for "it" organisation and
document nouns), plus the rules' answer (:func:`stance.speakers.candidates.resolve_candidate`
without the ranker), with features of their own (``g:...``) in the same ranker. The ranker
resolves only the pronouns its manifest lists (:func:`ranks`: those it resolves at least as well as
the rules on dev); the rules resolve the others.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from stance.text.entity_types import GENDERED_HONORIFICS, HONORIFICS, PRONOUN_GENDER, entity_lexicons
from stance.text.genders import person_genders
from stance.text.lexicons import (AUXILIARIES, DETERMINERS, NUMBER_WORDS, PERSONAL_PRONOUNS, POSSESSIVE_DETERMINERS,
                                  RELATIVES, SUBORDINATORS, cue_lexicon, data_rows, gazetteer, rule_words, stop_words,
                                  time_words, titles, word_set)
from stance.text.mentions import Mention, MentionIndex, headline_like, is_adjective, is_common_noun, is_past_tense
from stance.text.view import RangeIndex, TextView

#: singular common nouns WordNet knows (``wordnet_common_nouns.txt``)
_COMMON_NOUNS = word_set("wordnet_common_nouns.txt")

#: Sentences before the pronoun's own that candidates come from.
WINDOW_SENTS = 4
#: Entity types a he/she may denote: only these are candidates (a he/she is never resolved to a
#: place, an organisation or a state).
PERSON_TYPES = ("person",)


@dataclass
class Antecedent:
    """A candidate antecedent: the entity's nearest mention before the pronoun, and its features."""

    mention: Mention
    features: dict


def antecedent_candidates(view: TextView, mentions: MentionIndex, i: int, blocked: RangeIndex | Sequence[tuple[int, int]],
                          previous_speaker: str | None = None) -> list[Antecedent]:
    """Candidates for the pronoun at token ``i`` (nearest first), with their features."""
    pron = view.lowers[i]
    want = PRONOUN_GENDER.get(pron, "")
    blocked = RangeIndex.of(blocked)
    s0 = view.sent_of[i]
    para0 = view.para_of_sent[s0]
    seen: dict[str, Antecedent] = {}
    order: list[str] = []
    k = 0
    relative = any(view.lowers[t] in RELATIVES for t in range(max(view.sent_bounds(s0)[0], i - 2), i))
    near: dict[str, int] = {}  # mentions per name in the window
    subjects: dict[str, int] = {}  # per name, how often the window has it as a sentence's subject
    # the nearest agreeing person named as a clause's subject, outside quotations; in the pronoun's
    # own sentence only when no comma comes right before the pronoun (there the subject before it
    # is that of the words it reports: "Crops are withering, he noted")
    last_subject: str | None = None
    trailing = i > 0 and view.lowers[i - 1] == ","
    for m in mentions.names_before(i):  # nearest first, stops when the caller stops
        s = view.sent_of[m.start]
        if s0 - s > WINDOW_SENTS * 3:
            break
        if s0 - s > WINDOW_SENTS and m.canonical != previous_speaker:
            continue
        if s0 - s <= WINDOW_SENTS and m.end <= i:
            near[m.canonical] = near.get(m.canonical, 0) + 1
            if _subject_mention(view, m):
                subjects[m.canonical] = subjects.get(m.canonical, 0) + 1
                if last_subject is None and (s < s0 or not trailing) and m.type in PERSON_TYPES \
                        and not blocked.covers(m.start, m.end):
                    g = person_gender(view, mentions, m)
                    if not (want and g and g != want):
                        last_subject = m.canonical
        if m.type not in PERSON_TYPES or m.canonical in seen or m.end > i or not_a_person(view, mentions, m):
            continue
        quoted = blocked.covers(m.start, m.end)
        gender = person_gender(view, mentions, m)
        if want and gender and gender != want:
            continue  # agreement: "she" is never a man the article names as one
        sa, _ = view.sent_bounds(s)
        f = {
            f"pron={pron}": 1.0,
            "gender_match": 1.0 if want and gender == want else 0.0,
            f"sent_dist={min(s0 - s, 5)}": 1.0,
            "tok_dist": min(i - m.end, 200) / 200.0,
            f"rank={min(k, 5)}": 1.0,
            "prev_speaker": 1.0 if previous_speaker is not None and m.canonical == previous_speaker else 0.0,
            "sent_initial": 1.0 if m.start == sa or (m.start - sa <= 2 and view.lowers[sa] in ("the", "but", "and")) else 0.0,
            "same_para": 1.0 if view.para_of_sent[s] == para0 else 0.0,
            "count": math.log1p(mentions.count_of(m.canonical)) / 3.0,
            "quoted": 1.0 if quoted else 0.0,
            "possessive": 1.0 if m.end < view.n and view.lowers[m.end] in ("'s", "’s", "'", "’") else 0.0,
            "multiword": 1.0 if " " in m.canonical else 0.0,
            "role": 1.0 if m.role else 0.0,
            # the grammatical place of the mention: after a preposition ("pardoned by Trump", not
            # "referred to Rubio's appearance") it is
            # rarely the one a later he/she speaker denotes; before a reporting verb, often
            "after_prep": 1.0 if (m.start > 0 and view.lowers[m.start - 1] in _PREPOSITIONS
                                  and not (m.end < view.n and view.lowers[m.end] in ("'s", "’s"))) else 0.0,
            "before_cue": 1.0 if m.end < view.n and view.lowers[m.end] in cue_lexicon().verbs else 0.0,
            # the subject of a clause: a finite verb right after it ("Bloomberg endorsed his former
            # rival, Joe Biden. He said": Bloomberg; "the first time Flynn made a speech")
            "before_verb": 1.0 if m.end < view.n and _finite_verb(view.lowers[m.end]) else 0.0,
            # a he/she in a relative clause ("in which he called") refers within its sentence
            "relative_same_sent": 1.0 if relative and s == s0 else 0.0,
            # inside the quotation the he/she attributes ("'Trump lost me long ago,' he said"):
            # a speaker is rarely named in its own words
            "own_quote": 1.0 if quoted and _own_quote(blocked, m, i) else 0.0,
            # a name used as a modifier ("a Trump supporter", "the Clinton campaign")
            "attributive": 1.0 if _attributive(view, m) else 0.0,
        }
        seen[m.canonical] = Antecedent(m, f)
        order.append(m.canonical)
        k += 1
    out = [seen[c] for c in order]
    for c in out:  # salience in the window rather than in the article
        c.features["near_count"] = math.log1p(near.get(c.mention.canonical, 0)) / 2.0
        c.features["near_subject"] = math.log1p(subjects.get(c.mention.canonical, 0)) / 2.0
    if last_subject is not None and last_subject in seen:
        # the centre of attention: the agreeing person last named as a clause's subject
        seen[last_subject].features["subj_first"] = 1.0
    if out and want:
        _chain_features(view, blocked, i, s0, want, out)
    return out


def _chain_features(view: TextView, blocked: RangeIndex, i: int, s0: int, want: str, cands: Sequence[Antecedent]) -> None:
    """Feature ``chain`` of each candidate: the agreeing pronouns outside quotations ("he", "his",
    "him" for a "he") after its nearest mention and before the next nearer candidate's mention (or
    the pronoun): a person the text kept referring to before another came up is the one it is
    about ("Smith said he ... His plan ... Jones agreed. He said": Smith's chain is 2)."""
    lo = view.sent_bounds(max(0, s0 - WINDOW_SENTS))[0]
    agree = _AGREEING[want]
    prons = [t for t in range(lo, i) if view.lowers[t] in agree and not blocked.contains(t)]
    hi = i
    for c in sorted(cands, key=lambda c: -c.mention.start):
        n = sum(1 for t in prons if c.mention.end <= t < hi)
        c.features["chain"] = math.log1p(n) / 2.0
        hi = min(hi, c.mention.start)


#: the pronouns of each gender (:data:`PRONOUN_GENDER`'s values) a chain of reference counts
_AGREEING = {g: frozenset(p for p, pg in PRONOUN_GENDER.items() if pg == g) for g in set(PRONOUN_GENDER.values())}


def _subject_mention(view: TextView, m: Mention) -> bool:
    """Whether the name mention ``m`` is a clause's subject: it opens its sentence (after "The",
    "But", "And" at most) or follows a comma (after a fronted phrase: "Wednesday, the day he
    quit, Bloomberg endorsed"), and a finite verb follows it ("Christie has been"), or, at a
    sentence's start, a comma (an apposition: "Tanden, a ...")."""
    if m.end >= view.n:
        return False
    sa = view.sent_bounds(view.sent_of[m.start])[0]
    nxt = view.lowers[m.end]
    if m.start == sa or (m.start - sa <= 2 and view.lowers[sa] in ("the", "but", "and")):
        return _finite_verb(nxt) or nxt in (",", "'s", "’s")
    return m.start > sa and view.lowers[m.start - 1] == "," and _finite_verb(nxt)


def _own_quote(blocked: RangeIndex, m: Mention, i: int) -> bool:
    """Whether the quoted mention ``m`` lies in a quotation that closes at most three tokens before
    token ``i`` (the one a he/she right after it attributes)."""
    e = blocked.max_end_at_most(i, -1)
    return e >= i - 3 and e >= m.end and blocked.covers(m.start, e)


def _attributive(view: TextView, m: Mention) -> bool:
    """Whether the name ``m`` modifies a noun: a lowercase word follows it that is no finite verb
    and no function word, and is a common noun ("Trump supporters", "the Obama administration") or
    comes after "a"/"an" before the name ("a Kestrel Station spacewalk": no name follows "a")."""
    if m.end >= view.n:
        return False
    nxt = view.lowers[m.end]
    if not (view.words[m.end][:1].islower() and nxt.isalpha()) or _finite_verb(nxt) or nxt in stop_words():
        return False
    return is_common_noun(nxt) or (m.start > 0 and view.lowers[m.start - 1] in ("a", "an"))


def _finite_verb(w: str) -> bool:
    """Whether the lowercase word ``w`` is a finite verb form: an auxiliary ("has", "was"; not a
    clitic "'s", a possessive as often), a
    reporting verb, or a verb in the past tense (a regular "-ed" form of five letters or more, or
    an irregular one of ``past_verbs.txt``: "made", "took")."""
    return w in AUXILIARIES and w[:1].isalpha() or w in cue_lexicon().verbs or is_past_tense(w)


#: prepositions whose object is seldom the antecedent of a later he/she speaker (feature "after_prep")
_PREPOSITIONS = rule_words("antecedent_prepositions")
#: determiners that never start a person's name ("My Patients Were Presidents" is a title)
#: words that never start a person's name: the article (a title or a body: "The Professionals")
#: and pronouns written capitalised ("It")
_NOT_NAME_STARTS = rule_words("not_name_starts")
#: prepositions of place: a one-word name only ever after one of them is a place ("on Midway")
_LOCATIVE_PREPS = rule_words("locative_preps")
#: words that join a body's name to its head ("Commission on Presidential Debates")
_NAME_CONNECTORS = rule_words("body_head_connectors")
#: per mention index: canonical names never named outside a place phrase (built when first asked)
_PLACE_LIKE: "weakref.WeakKeyDictionary[MentionIndex, frozenset[str]]" = weakref.WeakKeyDictionary()


#: per mention index: each person's gender as its full names and honorifics show it
_FIRM_GENDERS: "weakref.WeakKeyDictionary[MentionIndex, dict[str, str]]" = weakref.WeakKeyDictionary()


def person_gender(view: TextView, mentions: MentionIndex, m: Mention) -> str:
    """The gender of the person ``m`` names: the one a full name ("Hillary Clinton") or an honorific
    ("Mrs. Clinton") of the same person shows, before the guess from a lone surname that is also a
    given name ("Clinton", "Warren" read as men's names); else the mention's or the article's; else,
    for a name opening with a given name of no known gender ("Barack", "Ban"), the one the pronouns
    after the person's mentions show (:func:`stance.text.genders.person_genders`)."""
    firm = _FIRM_GENDERS.get(mentions)
    if firm is None:
        firm = {}
        for o in mentions.names:
            g = o.extra.get("gender")
            if not g or o.type != "person":
                continue
            honorific = HONORIFICS.get(view.lowers[o.start - 1]) if o.start > 0 else None
            if honorific or " " in o.text:
                firm.setdefault(o.canonical, honorific or g)
        _FIRM_GENDERS[mentions] = firm
    g = firm.get(m.canonical) or m.extra.get("gender") or mentions.gender_of(m.canonical)
    if g or m.canonical.split()[0] not in entity_lexicons().first_names:
        return g  # (not "Scarborough Shoal", "LGBT Americans": no given name, no person's pronouns)
    return _article_genders(view, mentions).get(m.canonical, "")


#: net he-over-she (or she-over-he) pronouns after a person's mentions that show its gender: one
#: pronoun alone is too weak ("Kwak Gil Sup ... he" in the reference article; "Obama ... she")
_PRONOUN_MARGIN = 2
#: per document: each person's gender as the article's pronouns show it (:func:`person_genders`)
_ARTICLE_GENDERS: "weakref.WeakKeyDictionary[MentionIndex, dict[str, str]]" = weakref.WeakKeyDictionary()


def _article_genders(view: TextView, mentions: MentionIndex) -> dict[str, str]:
    """The genders :func:`stance.text.genders.person_genders` reads from the article (the he/she
    that follows a person's mentions: "Ban Ki-moon ... When he assumed office", at least
    :data:`_PRONOUN_MARGIN` more of one gender than of the other), once per document."""
    g = _ARTICLE_GENDERS.get(mentions)
    if g is None:
        g = _ARTICLE_GENDERS[mentions] = person_genders(view, mentions, min_margin=_PRONOUN_MARGIN)
    return g


def not_a_person(view: TextView, mentions: MentionIndex, m: Mention) -> bool:
    """Whether a name typed "person" cannot be one a he/she denotes: it starts with a possessive
    determiner, "the" or a pronoun (a title: "The Professionals"); it is five words or more with a capitalised function word inside (a
    headline); it is one word, a place of the gazetteer, and no word of a person named in full
    (:func:`_lone_place`: "Nevada", "Orlando", even as given names or surnames); it ends a body's
    name ("Commission on Presidential Debates"); or it has no known gender and is a thing named
    after a person (:func:`_named_for_person`: "Trump Tower Grill"), a thing of common words
    (:func:`_thing_of_common_words`: "Sales", "Team Trump") or every mention of it follows a
    preposition of place ("the wildlife on Midway")."""
    if view.lowers[m.start] in POSSESSIVE_DETERMINERS or view.lowers[m.start] in _NOT_NAME_STARTS:
        return True  # ("The Professionals" is a title; a capitalised "It" is no name)
    if headline_like(m.text):
        return True  # "Hillary Clinton Goes After Donald Trump As The New Mitt Romney"
    if " " not in m.canonical and _lone_place(m.canonical) and m.canonical not in _person_name_words(mentions):
        return True  # "Nevada", "Orlando": a place alone, though also a given name or a surname elsewhere
    if mentions.gender_of(m.canonical) or m.extra.get("gender"):
        return False
    if _common_words_name(m.canonical):
        return True  # "Social Security", "Southeast Asian", "Independent Vermont": no person's name
    if _thing_of_common_words(mentions, m.canonical):
        return True  # "Sales were great, he said"; "Team Trump", "Trump Train"
    if m.start > 1 and view.lowers[m.start - 1] in _NAME_CONNECTORS and view.words[m.start - 2][:1].isupper():
        return True
    if _named_for_person(view, mentions, m):
        return True
    places = _PLACE_LIKE.get(mentions)
    if places is None:
        after_place: dict[str, bool] = {}
        for o in mentions.names:
            loc = o.start > 0 and view.lowers[o.start - 1] in _LOCATIVE_PREPS
            after_place[o.canonical] = after_place.get(o.canonical, True) and loc
        places = frozenset(c for c, v in after_place.items() if v)
        _PLACE_LIKE[mentions] = places
    return m.canonical in places


#: per mention index: the words of the person names of two words or more ("Chris", "Murphy")
_NAME_WORDS: "weakref.WeakKeyDictionary[MentionIndex, frozenset[str]]" = weakref.WeakKeyDictionary()


def _person_name_words(mentions: MentionIndex) -> frozenset[str]:
    """The words of the article's person names of two words or more (once per article): a one-word
    name among them is that person's given name or surname, whatever else it may be."""
    words = _NAME_WORDS.get(mentions)
    if words is None:
        words = _NAME_WORDS[mentions] = frozenset(w for o in mentions.names if o.type == "person" and " " in o.canonical
                                                  for w in o.canonical.split())
    return words


@lru_cache(maxsize=1 << 12)
def _lone_place(name: str) -> bool:
    """Whether the one-word ``name`` is a place of the gazetteer (a city or a first-level region:
    ``places.tsv``, ``region_abbreviations.tsv``), even one that is also a given name or surname
    ("Nevada", "Orlando"): alone, and no word of a person the article names in full, it is that place."""
    lex = entity_lexicons()
    return name in lex.places or name in lex.regions


def _thing_of_common_words(mentions: MentionIndex, name: str) -> bool:
    """Whether ``name`` (of no known gender) is a thing's name made of common words: one word, the
    plural of a common noun WordNet knows ("Sales", "Friends": never one person) that is no word of
    a person the article names in full; or two words, the surname of another person the article names in
    full and a singular common noun, no given name or title ("Team Trump", "Trump Train" beside
    "Donald Trump")."""
    words = name.split()
    if len(words) == 1:
        low = name.lower()
        return (low.endswith("s") and is_common_noun(low) and low not in _COMMON_NOUNS and name[1:].islower()
                and name not in _person_name_words(mentions))
    if len(words) != 2:
        return False
    given = entity_lexicons().first_names
    for a, b in (words, words[::-1]):
        if b not in given and b not in titles() and b.lower() in _COMMON_NOUNS and b[1:].islower() \
                and _surnames_of(mentions).get(a, frozenset()) - {name}:
            return True  # (the surname of another person: "Rush Limbaugh" is no thing)
    return False


@lru_cache(maxsize=1 << 12)
def _common_words_name(name: str) -> bool:
    """Whether ``name`` (of no known gender) is two words or more, each an English adjective or
    common noun WordNet knows, a state or region, or a demonym ("Social Security", "Southeast
    Asian", "Independent Vermont"): a thing's or a place's name the name finder typed as a person's,
    none of the names a he/she denotes (a person's name holds a given name or a surname that is no
    common word: "Gray Miller", "Xi Jinping")."""
    words = name.split()
    if len(words) < 2:
        return False  # "Bush", "Rice": a surname alone may be a common word
    lex = entity_lexicons()
    demonyms = gazetteer().demonyms
    return all(is_adjective(w.lower()) or is_common_noun(w.lower()) or w in lex.regions or w in lex.places or w in demonyms
               for w in words)


#: per mention index: the last words of the persons it names in two words or more ("Trump" of
#: "Donald Trump"), each with those names
_SURNAMES: "weakref.WeakKeyDictionary[MentionIndex, dict[str, frozenset[str]]]" = weakref.WeakKeyDictionary()


def _named_for_person(view: TextView, mentions: MentionIndex, m: Mention) -> bool:
    """Whether the name ``m`` (of no known gender) is a thing named after a person of the article: three
    words or more starting with the surname of a person it names in full ("Trump Tower Grill",
    "Trump National Doral" beside "Donald Trump")."""
    words = m.canonical.split()
    if len(words) < 3:
        return False
    return words[0] in _surnames_of(mentions)


def _surnames_of(mentions: MentionIndex) -> dict[str, frozenset[str]]:
    """The last words of the persons the article names in two words or more, each with those
    names, once per article."""
    surnames = _SURNAMES.get(mentions)
    if surnames is None:
        by: dict[str, set[str]] = {}
        for o in mentions.names:
            if o.type == "person" and " " in o.canonical:
                by.setdefault(o.canonical.split()[-1], set()).add(o.canonical)
        surnames = _SURNAMES[mentions] = {k: frozenset(v) for k, v in by.items()}
    return surnames


def pick_by_rules(cands: Sequence[Antecedent]) -> Antecedent | None:
    """The nearest person outside quotations, else None."""
    for c in cands:
        if not c.features["quoted"]:
            return c
    return None


def resolve_pronoun(view: TextView, mentions: MentionIndex, i: int, blocked: RangeIndex | Sequence[tuple[int, int]],
                    ranker: Any = None, previous_speaker: str | None = None) -> Mention | None:
    """The mention the he/she at token ``i`` refers to: the ranker's best candidate (or the
    rules' pick without a ranker); None when there is no candidate."""
    cands = antecedent_candidates(view, mentions, i, blocked, previous_speaker)
    if not cands:
        return None
    if ranker is None:
        best = pick_by_rules(cands)
        return best.mention if best is not None else None
    scores = ranker.predict_proba([c.features for c in cands])[:, 1]
    j = max(range(len(cands)), key=lambda x: scores[x])
    return cands[j].mention


# -- "it", "they", "we" --------------------------------------------------------------------------

#: Pronouns the shipped ranker resolves when its manifest does not say (the first rankers: he/she).
DEFAULT_RANKED = frozenset({"he", "she"})
#: at most this many modifiers are kept before a description's head ("several Sanders supporters")
_DESC_MODIFIERS = 2


@dataclass
class Referent:
    """A candidate referent of an "it", "they" or "we": the name it gets as a speaker, its entity
    type, its name mention (None for a description), its first token, and its features."""

    name: str
    type: str
    mention: Mention | None
    start: int
    features: dict


@lru_cache(maxsize=1)
def referent_kinds() -> dict[str, frozenset[str]]:
    """What each of "it", "they", "we" may denote (``stance/data/pronoun_referents.tsv``)."""
    return {r[0].strip(): frozenset(k.strip() for k in r[1].split(",")) for r in data_rows("pronoun_referents.tsv")}


def ranks(ranker: Any, pronoun: str) -> bool:
    """Whether ``ranker`` (the loaded pronoun ranker) resolves ``pronoun``: the pronouns its manifest
    lists (``params.pronouns``: those whose ranker beat or matched the rules on dev), he/she for one
    that lists none."""
    return ranker is not None and pronoun in getattr(ranker, "pronouns", DEFAULT_RANKED)


@lru_cache(maxsize=1)
def _description_nouns() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Heads of a description: person nouns, organisation nouns, document nouns."""
    return word_set("person_nouns.txt"), word_set("org_nouns.txt"), word_set("document_nouns.txt")


def _description(view: TextView, h: int, lo: int) -> tuple[int, str]:
    """The first token and the text of the description headed by token ``h`` (modifiers back to
    ``lo`` at most: adjectives, names, no determiner or function word)."""
    k = h
    while k > lo and h - k < _DESC_MODIFIERS:
        w = view.words[k - 1]
        if not w.replace("-", "").isalpha() or w.lower() in _clause_words()["description_stops"]:
            break
        k -= 1
    return k, " ".join(view.words[k:h + 1])


def coordinated_ending_at(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[int, str] | None:
    """Named persons joined by "and" (and commas) ending with the person ``m`` ("Nancy Foner and
    Richard Alba", "Mr. Effron and Mr. Pruzan"): first token and their names as the article gives them in full ("Wilcox and
    Beruff" after "Todd Wilcox" and "Carlos Beruff": "Todd Wilcox and Carlos Beruff"), or None when
    ``m`` follows no "and"."""
    names = [m]
    k = _honorific_start(view, m.start)
    last = k
    while k >= 2 and view.lowers[k - 1] in ("and", ",") and len(names) < 6:
        prev = mentions.name_at(k - 2, k - 1)
        if prev is None or prev.type != "person" or prev.end != k - 1:
            break
        names.insert(0, prev)
        k = _honorific_start(view, prev.start)
    if len(names) < 2 or view.lowers[last - 1] != "and":
        return None
    return names[0].start, ", ".join(x.canonical for x in names[:-1]) + " and " + names[-1].canonical


def _honorific_start(view: TextView, i: int) -> int:
    """Token ``i``, or the gendered honorific right before it ("Mr. Effron and Mr. Pruzan")."""
    return i - 1 if i > 0 and view.lowers[i - 1] in GENDERED_HONORIFICS else i


def _plural_word(w: str) -> bool:
    """Whether the lowercase word looks like a plural noun: ending in "s" (not "ss", "us", "is" nor a
    word of ``not_plurals.txt``) or a plural without one ("people": ``plural_nouns`` of
    ``referent_words.tsv``)."""
    if w in _clause_words()["plural_nouns"]:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s")) and w not in _not_plurals()


@lru_cache(maxsize=1)
def _not_plurals() -> frozenset[str]:
    """Words ending in "s" that are no plural noun (``not_plurals.txt``)."""
    return word_set("not_plurals.txt")


@lru_cache(maxsize=1)
def _clause_words() -> dict[str, frozenset[str]]:
    """Word classes of the referent candidates (``stance/data/referent_words.tsv``), with the function
    words and punctuation that end a clause's subject (``ends``)."""
    out = {r[0].strip(): frozenset(r[1].split()) for r in data_rows("referent_words.tsv")}
    out["clause_openers"] |= SUBORDINATORS
    out["quantifiers"] |= DETERMINERS | NUMBER_WORDS
    out["ends"] = AUXILIARIES | RELATIVES | frozenset({",", ";", ":", ".", "(", "--", "—", "–"})
    return out


#: at most this many words in a clause's subject description
_SUBJECT_WORDS = 6


def _clause_subjects(view: TextView, lo: int, i: int) -> list[tuple[int, int]]:
    """The descriptions that open a clause between tokens ``lo`` and ``i`` (a sentence's start or
    a subordinator's or conjunction's: "While environmentalists welcomed ...", "The approach may
    have worked"): token spans without the determiner or quantifier, ending before an auxiliary, a
    relative, a punctuation mark, a preposition, a reporting verb, a determiner or a word in "-ed", or
    after the first plural noun, of at most
    :data:`_SUBJECT_WORDS` words, headed by a lowercase noun (not a function word)."""
    cw = _clause_words()
    verbs = cue_lexicon().verbs
    stops = stop_words()
    times = time_words()
    out: list[tuple[int, int]] = []
    for t in range(lo, i):
        if not (t == view.sent_bounds(view.sent_of[t])[0] or view.lowers[t - 1] in cw["clause_openers"] and view.words[t - 1][:1].islower()):
            continue
        a = t
        while a < i and view.lowers[a] in cw["clause_openers"]:
            a += 1
        while a < i and view.lowers[a] in cw["quantifiers"]:
            a += 1
        b = a
        while b < i and b - a < _SUBJECT_WORDS and view.lowers[b] not in cw["ends"] and view.lowers[b] not in _PREPOSITIONS \
                and view.lowers[b] not in verbs and view.words[b].replace("-", "").replace("’", "").replace("'", "").isalnum():
            b += 1
            if _plural_word(view.lowers[b - 1]):
                break  # a plural noun heads the subject ("Democratic politicians typically oppose")
            if b < i and (view.lowers[b] in DETERMINERS or view.lowers[b].endswith("ed") and "-" not in view.lowers[b]):
                break  # a past verb or its object follows ("The department opened a prison")
        if b == a or b >= i or b - a >= _SUBJECT_WORDS or view.lowers[a] in PERSONAL_PRONOUNS:
            continue  # (no subject, or a pronoun: "They also attached sets")
        head = view.lowers[b - 1]
        if head in stops or head in times or not head.isalpha() or (b - 1 > a and view.words[b - 1][:1].isupper()):
            continue
        out.append((a, b))
    return out


def referent_candidates(view: TextView, mentions: MentionIndex, i: int, blocked: RangeIndex | Sequence[tuple[int, int]],
                        previous_speaker: str | None = None, rule: tuple[str, str, Mention | None] | None = None,
                        last_plural: tuple[str, str, int] | None = None) -> list[Referent]:
    """Candidates for the "it", "they" or "we" speaker at token ``i``, nearest first: the names of the
    kinds the pronoun agrees with (:func:`referent_kinds`) and the descriptions (a plural person
    noun, an organisation or document noun) in its sentence before it and the previous
    :data:`WINDOW_SENTS` sentences, one per name; the last plural speaker (``last_plural``); and the
    rules' answer (``rule``: name, type, mention), each with features of agreement (kind, type,
    number) and salience (distance, rank, subject of its sentence, the previous speaker, mentions
    in the article, inside a quotation, after a preposition, before a reporting verb, the rules' pick)."""
    pron = view.lowers[i]
    kinds = referent_kinds().get(pron, frozenset())
    blocked = RangeIndex.of(blocked)
    s0 = view.sent_of[i]
    lo = view.sent_bounds(max(0, s0 - WINDOW_SENTS))[0]
    verbs = cue_lexicon().verbs
    person_nouns, org_nouns, doc_nouns = _description_nouns()
    found: list[tuple[int, int, str, str, Mention | None, str]] = []  # start, end, name, type, mention, kind
    for m in mentions.names_before(i):
        if m.start < lo:
            break
        if m.end > i:
            continue
        if m.type in ("organization", "state") and m.type in kinds:
            # a plural name as written ("Republicans", not the party it stands for)
            name = m.text if _plural_word(view.lowers[m.end - 1]) and m.text != m.canonical else m.canonical
            found.append((m.start, m.end, name, m.type, m, m.type))
        elif m.type == "person":
            both = coordinated_ending_at(view, mentions, m) if "persons" in kinds else None
            if both is not None:
                found.append((both[0], m.end, both[1], "person", m, "persons"))
            elif "person" in kinds and not not_a_person(view, mentions, m):
                found.append((m.start, m.end, m.canonical, "person", m, "person"))
    named = RangeIndex.of([(f[0], f[1]) for f in found])
    for h in range(i - 1, lo - 1, -1):
        w = view.lowers[h]
        if w in person_nouns and "group" in kinds and w.endswith("s") and not w.endswith("ss"):
            kind, typ = "group", "person"
        elif w in org_nouns and "body" in kinds:
            kind, typ = "body", "organization"
        elif w in doc_nouns and "document" in kinds:
            kind, typ = "document", "unknown"
        else:
            continue
        if named.covers(h, h + 1) or (h + 1 < view.n and (view.lowers[h + 1] in person_nouns or view.lowers[h + 1] in org_nouns)):
            continue  # inside a name, or a modifier of the noun after it
        a, text = _description(view, h, lo)
        found.append((a, h + 1, text, typ, None, kind))
    if kinds & {"group", "document", "body"}:
        for a, b in _clause_subjects(view, lo, i):
            head = view.lowers[b - 1]
            plural = _plural_word(head)
            if named.covers(b - 1, b) or (plural and "group" not in kinds) or (not plural and "document" not in kinds):
                continue
            found.append((a, b, " ".join(view.words[a:b]), "person" if plural else "unknown", None, "subject"))
    found.sort(key=lambda f: -f[0])
    out: list[Referent] = []
    seen: dict[str, Referent] = {}
    for a, b, name, typ, m, kind in found:
        key = name.lower()
        if key in seen:
            continue
        s = view.sent_of[a]
        sa = view.sent_bounds(s)[0]
        head = view.lowers[b - 1]
        # plural: joined persons, a name written in the plural ("Republicans", not "University of
        # Leeds"), a description headed by a plural noun
        plural = kind == "persons" or (_plural_word(head) and (m is None or name != m.canonical))
        f = {
            f"g:pron={pron}": 1.0,
            f"g:kind={kind}": 1.0,
            f"g:kind={kind}|{pron}": 1.0,
            f"g:type={typ}|{pron}": 1.0,
            f"g:sent_dist={min(s0 - s, 5)}": 1.0,
            "g:tok_dist": min(i - b, 200) / 200.0,
            f"g:rank={min(len(out), 5)}": 1.0,
            "g:prev_speaker": 1.0 if previous_speaker is not None and speaker_like(name, previous_speaker) else 0.0,
            "g:subject": 1.0 if all(view.lowers[t] in ("the", "a", "an", "but", "and") for t in range(sa, a)) else 0.0,
            "g:count": math.log1p(mentions.count_of(m.canonical) if m is not None else 1) / 3.0,
            "g:quoted": 1.0 if blocked.covers(a, b) else 0.0,
            "g:after_prep": 1.0 if a > 0 and view.lowers[a - 1] in _PREPOSITIONS else 0.0,
            "g:before_cue": 1.0 if b < view.n and view.lowers[b] in verbs else 0.0,
            "g:plural": 1.0 if plural else 0.0,
            "g:multiword": 1.0 if " " in name else 0.0,
            # a name modifying a noun ("a Kestrel Station spacewalk") is no referent
            "g:attributive": 1.0 if m is not None and _attributive(view, m) else 0.0,
        }
        r = Referent(name, typ, m, a, f)
        seen[key] = r
        out.append(r)
    if last_plural is not None and last_plural[0].lower() not in seen and "group" in kinds:
        name, typ, a = last_plural
        r = Referent(name, typ, None, a, {f"g:pron={pron}": 1.0, "g:kind=last_plural": 1.0, f"g:kind=last_plural|{pron}": 1.0,
                                          f"g:sent_dist={min(s0 - view.sent_of[min(a, view.n - 1)], 5)}": 1.0})
        seen[name.lower()] = r
        out.append(r)
    if last_plural is not None and last_plural[0].lower() in seen:
        seen[last_plural[0].lower()].features["g:last_plural"] = 1.0
    if rule is not None and rule[0].lower() != pron:
        name, typ, m = rule
        words = name.lower().split()
        # the rules' referent among the candidates: the same name, or a one-word name or
        # description the rules spelled out ("Department" -> "California Department of Corrections")
        hits = [r for r in out if speaker_like(r.name, name) or (" " not in r.name and r.name.lower() in words)]
        for r in hits[1:]:
            out.remove(r)
        hit = hits[0] if hits else None
        if hit is None:
            hit = Referent(name, typ, m, m.start if m is not None else i, {f"g:pron={pron}": 1.0, "g:kind=rule": 1.0,
                                                                          f"g:kind=rule|{pron}": 1.0})
            out.append(hit)
        hit.name, hit.type, hit.mention = name, typ, m  # the rules' form of the name ("the full body")
        hit.features["g:rule_pick"] = 1.0
        hit.features[f"g:rule_pick|{pron}"] = 1.0
    return out


def speaker_like(a: str, b: str) -> bool:
    """Whether two speaker names are the same referent as the scorer reads them: equal after
    casefolding, or one is the other's first or last words ("researchers", "the researchers")."""
    p, q = a.casefold().split(), b.casefold().split()
    if not p or not q:
        return False
    short, long_ = (p, q) if len(p) < len(q) else (q, p)
    return long_[: len(short)] == short or long_[-len(short):] == short


def resolve_referent(view: TextView, mentions: MentionIndex, i: int, blocked: RangeIndex | Sequence[tuple[int, int]],
                     ranker: Any, rule: tuple[str, str, Mention | None], previous_speaker: str | None = None,
                     last_plural: tuple[str, str, int] | None = None) -> tuple[str, str, Mention | None]:
    """(name, type, mention) of the "it", "they" or "we" speaker at token ``i``: the ranker's best
    of :func:`referent_candidates`; the rules' answer ``rule`` when there is no candidate."""
    cands = referent_candidates(view, mentions, i, blocked, previous_speaker, rule, last_plural)
    if not cands:
        return rule
    scores = ranker.predict_proba([c.features for c in cands])[:, 1]
    best = cands[max(range(len(cands)), key=lambda x: scores[x])]
    return best.name, best.type, best.mention
