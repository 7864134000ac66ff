"""Speaker candidates for a reporting cue, and their resolution to a named speaker.

Rules propose candidates around the cue (the noun phrase before it, skipping auxiliaries, adverbs
and an appositive; the one after it in inverted order; the clause subject for a coordinated verb, chosen by rule when a verb follows it right away;
the agent before "for" with a gerund cue; the previous speaker; the whole phrase after "according
to", which is the source by definition and overrides the ranker; for a participle cue after a
comma, ", saying ...", the subject of the clause it hangs on, which also overrides the ranker). Each candidate carries the
features the trained ranker (:mod:`stance.speakers.ranker`) scores; without a ranker the rule order decides.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from stance.speakers.gendered import person_of_gendered_noun
from stance.speakers.pronouns import ranks, resolve_pronoun, resolve_referent
from stance.speakers.roles import named_by_role
from stance.text.entity_types import entity_lexicons, is_acronym
from stance.text.lexicons import AUXILIARIES, DETERMINERS, cue_lexicon, role_words, time_words, word_set
from stance.text.mentions import Mention, MentionIndex, is_past_tense, pronoun_kinds
from stance.text.verb_forms import is_ed_form, is_past_form
from stance.text.view import POSSESSIVE_MARKS, RangeIndex, TextView

_SKIP_LEFT = frozenset(
    "has have had will would also previously repeatedly later then again once reportedly did does do "
    "not n't never just recently separately further publicly privately frequently often already still "
    "is was were are been being may might could should can must first last angrily quickly flatly "
    "simply bluntly openly told once emphatically ’ve 've often now would later sometimes usually "
    "even only since all both each then long so too ".split()
)
_DETS = frozenset("the a an one many some several most other others few all both two three various these those such".split())
_QUOTE_CHARS = frozenset({"“", "”", '"', "''", "``", "‘", "’"})

#: candidate kinds, in the rules' default preference order
CANDIDATE_KINDS = ("according", "participle", "agent", "appositive", "colon", "coordinated", "left", "right", "subject", "agent_for",
                   "previous", "nearest", "sent_subject")
#: kinds proposed only for the trained ranker; :func:`pick_by_rules` never picks them
RANKER_ONLY_KINDS = frozenset({"nearest", "sent_subject"})


@dataclass
class Candidate:
    """A possible speaker of a cue: tokens ``[start, end)`` and how it was found."""

    start: int
    end: int
    kind: str  # one of CANDIDATE_KINDS
    np_type: str  # name | pronoun | nominal
    features: dict = field(default_factory=dict)
    etype: str = ""  # the entity type of a name candidate's head name (stance.text.entity_types)


@lru_cache(maxsize=1)
def _nouns() -> tuple[frozenset[str], frozenset[str]]:
    return word_set("person_nouns.txt"), word_set("org_nouns.txt")


_NP_STOP_LEFT = frozenset(
    {"and", "but", "that", "said", "says", "for", "to", "of", "in", "on", "at", "with", "by", "as", "when",
     "while", "after", "before", "because", "if", "than", "then", "so", "or", "is", "was", "were", "are",
     "has", "have", "had", "not", "also", "who", "which", "what", "where", "how", "why"}
)
#: words naming a part of a group before "of the ..." ("One of the victims")
_PART_WORDS = frozenset({"one", "some", "many", "most", "several", "none", "each", "both", "two", "three", "few"})
#: quantifiers before a plural party or group label that make it some of its members ("Other
#: Republicans", "Many Democrats"), not the body
_QUANTIFIERS = frozenset({"other", "many", "some", "several", "most", "few", "two", "three", "four", "dozens", "hundreds"})
#: prepositions whose object is never the subject of the cue right after it
_OBJECT_PREPS = frozenset({"to", "in", "at", "with", "from", "on", "into", "toward", "towards", "against", "about", "via"})
#: lowercase particles that open a surname after a title or honorific ("Mayor de Blasio", "Mr. van Rompuy")
_SURNAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "del", "della", "du", "le", "la", "bin", "ben", "dos", "das", "ter", "ten"})
_HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "lt.", "col.", "sgt.", "adm.", "rev.", "prof.", "capt."})


def np_ending_at(view: TextView, mentions: MentionIndex, j: int, lo: int) -> tuple[int, int, str] | None:
    """The noun phrase ending just before token ``j`` (not before ``lo``): (start, end, np_type)."""
    if j <= lo:
        return None
    w = view.lowers[j - 1]
    if w == ")":
        # "Sen. Claire McCaskill (D-Mo.) said": skip a short parenthetical
        k = j - 2
        while k > lo and j - k < 10 and view.words[k] != "(":
            k -= 1
        if k > lo and view.words[k] == "(":
            np = np_ending_at(view, mentions, k, lo)
            return (np[0], j, np[2]) if np is not None else None
        return None
    pk = pronoun_kinds()
    if w in pk and pk[w] != "self" or w in ("who", "which"):
        return j - 1, j, "pronoun"
    if w in {"i", "we"}:
        return j - 1, j, "pronoun"
    m = mentions.name_at(j - 1, j)
    if m is not None and m.end == j and m.start >= lo:
        start = _titles_before(view, m.start, lo)
        # "North Korean officials" style: demonym is part of a nominal, handled below
        if m.type != "demonym":
            # "Rep. Elijah Cummings of Maryland", "Yvette Cooper of the Labour Party", "Steven Wolf
            # at Saint Francis": a body or place after "of"/"at" belongs to the person before
            owner = _person_before_body(view, mentions, start, lo)
            if owner is not None:
                return owner, j, "name"
            if m.type == "person":
                start = _coordinated_start(view, mentions, start, lo)  # "Biden and Sanders announced"
            return start, j, "name"
    person_nouns, org_nouns = _nouns()
    if w in person_nouns or w in org_nouns or w in word_set("document_nouns.txt"):
        k = j - 1
        while k - 1 >= lo:
            p = view.lowers[k - 1]
            word = view.words[k - 1]
            if _is_time_word(view, k - 1):
                break
            if p in _DETS or p in POSSESSIVE_MARKS or (p.isalpha() and p not in _SKIP_LEFT and p not in _NP_STOP_LEFT and len(p) > 1) or p == "-" or p[:1].isdigit():
                k -= 1
                if p in _DETS:
                    break
                continue
            if word[:1].isupper() and p not in _SKIP_LEFT and p not in _NP_STOP_LEFT:
                k -= 1  # ("On Thursday officials said": "officials", not the time phrase)
                continue
            break
        if k - 2 >= lo and view.lowers[k - 1] == "of" and view.lowers[k - 2] in _PART_WORDS:
            k -= 2  # "One of the users said": the part of the group speaks
        if j - k > 6:
            k = j - 6
        if w not in person_nouns and w not in org_nouns and view.lowers[k] in ("a", "an"):
            return None  # "issued a statement saying": a document it issued, not the speaker
        owner = _person_before_body(view, mentions, k, lo)
        if owner is not None:  # "Crystal C'Bearing of the Northern Arapaho tribal historic preservation office"
            return owner, j, "name"
        return k, j, "nominal"
    # "the 34-year-old mother of three", "the ad's narrator of ...": a determiner-led phrase
    # whose head is a person noun followed by a short "of" phrase
    if w in _NP_STOP_LEFT or not (w.isalpha() or w[:1].isdigit()):
        return None
    k = j - 1
    while k - 1 >= lo and j - k < 5 and view.lowers[k - 1] not in _NP_STOP_LEFT - {"of"} and view.words[k - 1] not in {",", ".", "“", '"', "''", "—"}:
        if view.lowers[k - 1] == "of":
            np = np_ending_at(view, mentions, k - 1, lo)
            if np is not None and np[2] in ("nominal", "name"):
                return np[0], j, np[2]
            return None
        k -= 1
    return None


#: tokens that end the source phrase after "according to"
_SOURCE_STOPS = frozenset({",", ".", ";", ":", "—", "–", "--", "(", "[", "who", "which", "that", "whose", "when",
                           "where", "because", "if", "while"})
#: words before a time word that start a time phrase ("on Thursday", "last week")
_TIME_LEADS = frozenset({"on", "in", "at", "last", "this", "next", "earlier", "late", "early"})
#: prepositions that open a time phrase with an article ("during a Sunday", "on the Monday")
_ARTICLE_TIME_LEADS = frozenset({"on", "during", "at", "in"})
_ARTICLES = frozenset({"a", "an", "the"})
#: words of time that are also common words; time words only when capitalised
_AMBIGUOUS_TIME = frozenset({"may", "march"})
#: the time words that are days of the week (capitalised; the others, "yesterday", are not)
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
#: longest source phrase after "according to", in tokens
_MAX_SOURCE = 14


#: words a name may hold between its capitalised words ("Institute of Volcanology and Seismology")
_NAME_JOINERS = frozenset({"of", "for", "and", "the", "de", "&", "-", "on"}) | POSSESSIVE_MARKS



def _is_time_word(view: TextView, k: int) -> bool:
    w = view.lowers[k]
    return w in time_words() and (w not in _AMBIGUOUS_TIME or view.words[k][:1].isupper())


def time_phrase_at(view: TextView, k: int) -> bool:
    """Whether a time phrase starts at token ``k`` ("on Thursday", "last week", "yesterday"; not
    "Monday's report")."""
    if k >= view.n:
        return False
    if view.lowers[k] in _TIME_LEADS:
        return k + 1 < view.n and _is_time_word(view, k + 1)
    return _is_time_word(view, k) and (k + 1 >= view.n or view.lowers[k + 1] not in POSSESSIVE_MARKS)


def according_source(view: TextView, mentions: MentionIndex, cue_end: int, hi: int) -> tuple[int, int] | None:
    """The source phrase after "according to" (tokens from ``cue_end``, before ``hi``): up to a
    comma, a clause word ("who", "that"), a parenthesis, a quotation mark or a time phrase; a
    person named in apposition after a description ("his wife, Amanda,") included; a place after
    a capitalised body ("... Prevention in the United States") left out."""
    end = cue_end
    while end < hi and end - cue_end < _MAX_SOURCE:
        if view.lowers[end] in _SOURCE_STOPS or view.words[end] in _QUOTE_CHARS or time_phrase_at(view, end):
            break
        end += 1
    while end > cue_end and view.lowers[end - 1] in {"and", "or", "of", "the", "a", "an", "by"}:
        end -= 1
    if end <= cue_end:
        return None
    # "his wife, Amanda," / "the city's mayor, Jane Roe,": the person the description names
    if end + 1 < hi and view.words[end] == "," and (view.lowers[end - 1] in _nouns()[0] or view.lowers[end - 1] in role_words()):
        m = mentions.name_at(end + 1, end + 2)
        if (m is not None and m.type == "person" and m.start == end + 1
                and (m.end >= hi or view.words[m.end] in {",", "."})):
            return cue_end, m.end
    # "the Centers for Disease Control and Prevention in the United States": the body, not where it is
    k = cue_end + 1
    while k < end and (view.words[k][:1].isupper() or view.lowers[k] in _NAME_JOINERS - {"on"}):
        k += 1
    if cue_end + 1 < k < end and view.lowers[k] in {"in", "at", "from", "on"}:
        end = k
    return cue_end, end


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    from stance.text.lexicons import titles

    return frozenset(titles())


def _titles_before(view: TextView, start: int, lo: int) -> int:
    """The start of a name at token ``start`` with the honorifics and titles left of it, not
    before ``lo`` ("Mr. Burman", "panel Chairman Rep. X")."""
    while start - 1 >= lo and (view.lowers[start - 1] in _HONORIFICS or view.words[start - 1] in _titles()):
        start -= 1
    return start


def np_starting_at(view: TextView, mentions: MentionIndex, i: int, hi: int) -> tuple[int, int, str] | None:
    """The noun phrase starting at token ``i`` (ending by ``hi``)."""
    if i >= hi:
        return None
    w = view.lowers[i]
    if w in {"he", "she", "they", "it", "we", "i"}:
        return i, i + 1, "pronoun"
    m = mentions.name_at(i, i + 1)
    if m is not None and m.type != "demonym":
        titled_after = person_after_possessive(view, mentions, m.end, hi)
        if titled_after is not None:  # "writes Huber's longtime tag team partner Erick Rowan"
            return titled_after.start, titled_after.end, "name"
        # include a leading title ("said U.S. Secretary of State Marco Rubio"): the mention
        # starts after the title, so take the title tokens too; "said UCL astronomer Angelos
        # Tsiaras": the body, the role and the person
        titled = titled_name(view, mentions, m.end, hi)
        if titled is None and m.type != "person":
            tail = _noun_after(view, m.end, hi)
            if tail is not None:
                return min(i, m.start), tail, "nominal"  # "the New York businessman"
        if titled is None and m.type == "person":
            return min(i, m.start), _coordinated_end(view, mentions, m, hi), "name"  # "said A, B and C"
        return min(i, m.start), (titled.end if titled is not None else m.end), "name"
    # capitalised title words before a name: "said Russian Foreign Minister Sergei Lavrov"
    if view.words[i][:1].isupper():
        for m in mentions.names_in(i, min(hi, i + 8)):
            if m.type in ("person", "organization") and all(x[:1].isupper() or x in {"of", "for", "the", "and"}
                                                            for x in view.words[i : m.start]):
                return i, m.end, "name"
            break
    # honorifics and lowercase title words before a name: "said Mr. McGinley", "said 9/11 widow
    # Terry Strada", "said panel Chairman Rep. X"
    person_nouns, org_nouns = _nouns()
    k = i
    while k < hi and k - i < 5:
        lw = view.lowers[k]
        if lw in _HONORIFICS or view.words[k] in _titles() or (k > i and lw in person_nouns) or (k == i and (lw[:1].isdigit() or lw in _DETS or lw in person_nouns)):
            k += 1
            m = mentions.name_at(k, k + 1) if k < hi else None
            if m is None and k + 1 < hi and view.words[k] in _SURNAME_PARTICLES:
                m = mentions.name_at(k + 1, k + 2)  # "Mayor de Blasio": a surname with its particle
                if m is not None and (m.start != k + 1 or m.type != "person"):
                    m = None
            if m is not None and m.type not in ("demonym",) and m.start >= k - 1:
                tail = _noun_after(view, m.end, hi) if m.type != "person" else None
                return (i, tail, "nominal") if tail is not None else (i, m.end, "name")  # "a former Republican staffer"
            continue
        break
    k = i
    if w in _DETS or view.words[i][:1].isupper() or w in POSSESSIVE_MARKS:
        k = i + 1
    elif w not in person_nouns and w not in org_nouns:
        return None
    docs = word_set("document_nouns.txt")
    while k < hi and k - i < 6:
        lw = view.lowers[k]
        if lw in docs and k > i and _document_after_read(view, i):
            return i, k + 1, "nominal"  # '"...," read the statement': the document speaks for its author
        if lw in _TIME_ENDS:
            return None  # "A few days later the administration said": a time phrase, not the subject
        if lw in person_nouns or lw in org_nouns:
            titled = titled_name(view, mentions, k, hi)
            if titled is None and lw in org_nouns:
                titled = titled_name(view, mentions, k + 1, hi)  # "foreign ministry spokeswoman Maria Z."
            if titled is not None:
                return i, titled.end, "name"  # "said Ukrainian spokesman Oleg Nikolenko"
            while k + 1 < hi and _speaker_noun(view.lowers[k + 1]):
                k += 1  # a compound's head: "Several conservative groups", "the police officers"
            return i, k + 1, "nominal"
        if not (lw.isalpha() or view.words[k][:1].isupper() or lw in POSSESSIVE_MARKS or lw == "-" or lw[:1].isdigit()):
            break
        k += 1
    if w in person_nouns or w in org_nouns:
        return i, i + 1, "nominal"
    return None


def _speaker_noun(w: str) -> bool:
    """Whether ``w`` is a person or body noun, or the plural of one ("groups")."""
    person_nouns, org_nouns = _nouns()
    return w in person_nouns or w in org_nouns or w[-1:] == "s" and (w[:-1] in person_nouns or w[:-1] in org_nouns)


#: words that close a time phrase before a sentence's subject ("A few days later", "Two years ago")
_TIME_ENDS = frozenset({"later", "earlier", "ago"})


def _document_after_read(view: TextView, i: int) -> bool:
    """Whether the phrase at token ``i`` follows an inverted "read(s)" ('"...," reads the statement'),
    where a document phrase is the speaker."""
    return i > 0 and view.lowers[i - 1] in ("read", "reads")


def person_after_possessive(view: TextView, mentions: MentionIndex, k: int, hi: int) -> Mention | None:
    """The person named after a possessive at token ``k`` and a short run of lowercase words ending
    in a person or role noun ("Huber's longtime tag team partner Erick Rowan", "Trump's campaign
    manager, Brad Parscale"): the person, not the possessor; None otherwise."""
    if k >= hi or view.lowers[k] not in POSSESSIVE_MARKS:
        return None
    j = k + 1
    while j < hi and j - k <= 5 and view.words[j].isalpha() and view.words[j].islower():
        j += 1
    last = view.lowers[j - 1]
    if j == k + 1 or not (last in _nouns()[0] or last in role_words()):
        return None
    if j < hi and view.words[j] == ",":
        j += 1
    m = mentions.name_at(j, j + 1) if j < hi else None
    return m if m is not None and m.start == j and m.type == "person" else None


def _noun_after(view: TextView, k: int, hi: int) -> int | None:
    """End of a short run of lowercase words from token ``k`` whose last is a person or body noun
    (the "businessman" of "the New York businessman"), or None."""
    person_nouns, org_nouns = _nouns()
    j = k
    while j < hi and j - k < 3 and view.words[j].isalpha() and view.words[j].islower():
        j += 1
        if view.lowers[j - 1] in person_nouns or view.lowers[j - 1] in org_nouns:
            if j < hi and view.words[j].isalpha() and view.words[j].islower() and view.lowers[j] in person_nouns:
                continue  # "committee staffer"
            return j
    return None


def titled_name(view: TextView, mentions: MentionIndex, k: int, hi: int) -> Mention | None:
    """The person named right after lowercase role words starting at token ``k`` ("spokesman
    Oleg Nikolenko", "press secretary John Kirby"; up to three words, the last a person noun; the
    words before it any lowercase modifiers: "public health expert Wendy Parmet"; a hyphen may
    join two of them: "study co-author Carl Lipo"; a capitalised title or an honorific may stand
    between the role and the name: "study co-author Professor Carl Lipo")."""
    person_nouns = _nouns()[0]
    words = view.words
    j = k
    seen = 0
    while j < hi and seen < 3:
        if words[j].isalpha() and words[j].islower():
            j += 1
            seen += 1
            if view.lowers[j - 1] in person_nouns and not (j < hi and (words[j].islower() or words[j] == "-")):
                break
        elif (words[j] == "-" and j > k and j + 1 < hi and words[j + 1].isalpha() and words[j + 1].islower()
              and view.starts[j] == view.ends[j - 1]):
            j += 1  # "co-author": one word written with a hyphen
        else:
            break
    if j == k or j >= hi or view.lowers[j - 1] not in person_nouns:
        return None
    t = j
    while t < hi and t - j < 2 and (words[t] in _titles() or view.lowers[t] in _HONORIFICS):
        t += 1
    m = mentions.name_at(t, t + 1) if t < hi else None
    return m if m is not None and m.start == t and m.type == "person" else None


#: prepositions that attach a body or place to the person before them
_ATTACHING_PREPS = frozenset({"of", "at", "from"})


def _person_before_body(view: TextView, mentions: MentionIndex, start: int, lo: int) -> int | None:
    """Start of the person named before the body or place that starts at token ``start`` and follows
    "of"/"at"/"from" (and more capitalised words): "Yvette Cooper of the Labour Party", "Ryan
    Norris of the University of Guelph in Ontario" -> the person's start."""
    # walk left over the body's words ("of the University of Guelph in Ontario") to an
    # "of"/"at"/"from" right after a person's name
    k = start - 1
    while k - 1 >= lo and start - k <= 12:
        w = view.lowers[k]
        if w in _ATTACHING_PREPS:
            prev = mentions.name_at(k - 1, k)
            if prev is not None and prev.type == "person" and prev.end == k and prev.start >= lo and view.words[prev.start][:1].isupper():
                return _titles_before(view, prev.start, lo)
        if not (view.words[k][:1].isupper() or w in _NAME_JOINERS or w == "in"):
            return None
        k -= 1
    return None


def _coordinated_start(view: TextView, mentions: MentionIndex, start: int, lo: int) -> int:
    """Start of a coordination of persons ending in the person named at ``start`` ("Joe Biden and
    Bernie Sanders", "A, B and C"): ``start`` itself when no person comes before "and"."""
    k = start
    joiner = "and"
    while k - 2 >= lo and view.lowers[k - 1] == joiner:
        prev = mentions.name_at(k - 2, k - 1)
        if (prev is None or prev.type != "person" or prev.end != k - 1 or prev.start < lo
                or not view.words[prev.start][:1].isupper() or view.words[prev.end - 1] in _titles()):
            break  # (not "PG&E President and CEO X": a title is no person)
        k = prev.start
        joiner = ","
    return k


def _coordinated_end(view: TextView, mentions: MentionIndex, m: Mention, hi: int) -> int:
    """End of a coordination of persons that starts with the person ``m`` ("Sameh Shoukry, Nikos
    Dendias and Jean-Yves Le Drian"; each joined by a comma or, the last, by "and"): ``m.end``
    when no "and" and person follow."""
    end = m.end
    while end + 1 < hi and view.lowers[end] in (",", "and"):
        nxt = mentions.name_at(end + 1, end + 2)
        if (nxt is None or nxt.start != end + 1 or nxt.type != "person" or nxt.end > hi
                or not view.words[nxt.start][:1].isupper() or view.words[nxt.end - 1] in _titles()):
            break
        if view.lowers[end] == "and":
            return nxt.end
        end = nxt.end
    return m.end


def coordinated_persons(view: TextView, mentions: MentionIndex, i: int, j: int) -> list[Mention]:
    """The persons of a coordination filling tokens ``[i, j)`` ("Biden and Sanders"), or [] when
    the span is no such coordination."""
    persons = [m for m in mentions.names_in(i, j) if m.type == "person"]
    if len(persons) < 2 or persons[-1].end != j:
        return []
    for a, b in zip(persons, persons[1:]):
        if b.start - a.end != 1 or view.lowers[a.end] not in ("and", ","):
            return []
    return persons if view.lowers[persons[-2].end] == "and" else []


def _is_person_name(mentions: MentionIndex, np: tuple[int, int, str]) -> bool:
    """Whether the noun phrase ``np`` is a name whose head mention is a person (capitalised: not
    "of Tesco")."""
    if np[2] != "name":
        return False
    m = mentions.name_at(np[1] - 1, np[1])
    return m is not None and m.type == "person" and m.text[:1].isupper()


def _role_before_name(view: TextView, i: int, j: int) -> bool:
    """Whether tokens ``[i, j)`` before a person's name are a title: capitalised words ("The mayor
    of Paris, Anne Hidalgo,"), or lowercase words ending in a role or person noun ("The study's
    lead author, doctoral candidate Maninder Thind,"), or one lowercase occupation noun
    ("herpetologist David Blackburn")."""
    if all(view.words[t][:1].isupper() for t in range(i, j)):
        return True
    last = view.lowers[j - 1]
    if j - i == 1 and view.words[i].isalpha() and view.words[i].islower() and last.endswith(_AGENT_ENDINGS):
        return True  # one lowercase agent noun: "One of the study's authors, herpetologist David Blackburn,"
    return (j - i <= 6 and all(view.words[t].isalpha() or view.words[t] == "-" for t in range(i, j))
            and (last in role_words() or last in _nouns()[0]))


#: endings of nouns of a person's occupation ("herpetologist", "historian", "teacher", "director")
_AGENT_ENDINGS = ("ist", "ian", "er", "or", "ant", "ent")


def _person_before_appositive(view: TextView, mentions: MentionIndex, np: tuple[int, int, str] | None,
                              lo: int) -> tuple[int, int, str] | None:
    """For a description that is itself an appositive ("Susan Bro, Heather Heyer's mother,"), the
    person named before it; else ``np``."""
    if np is None or np[2] != "nominal" or np[0] - 1 <= lo or view.words[np[0] - 1] != ",":
        return np
    m = mentions.name_at(np[0] - 2, np[0] - 1)
    if m is not None and m.type == "person" and m.end == np[0] - 1 and m.start >= lo:
        return m.start, m.end, "name"
    return np


#: first words of a short speaker phrase beside a quotation whose head no lexicon knows ('"...,"
#: the 46-year-old said', '"...," wrote one commenter', '"...," another tweeted')
_PHRASE_LEADS = frozenset({"the", "a", "an", "one", "another", "its", "his", "her", "their", "this", "some", "several",
                           "many", "most", "both", "two", "three", "other", "others", "those", "these"})
#: punctuation and marks between a quotation's words and the phrase after it
_QUOTE_TAIL = frozenset({",", "?", "!", "—", "--", "”", '"', "''", "’"})
#: longest such phrase, in tokens
_MAX_PHRASE = 6
#: number words that start a second phrase inside one ("Another featured five photos")
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten dozens hundreds".split())


def phrase_beside_quote(view: TextView, i: int, j: int) -> tuple[int, int, str] | None:
    """The tokens ``[i, j)`` between a quotation and its cue ('"...," the crowd yelled'), or between
    an inverted cue and the sentence's end ('"...," wrote one commenter.'), or between a clause's
    start and its cue ("Several said ...", "14 percent said ..."), as a nominal speaker phrase when,
    after the quotation's closing marks and comma, they are a short phrase led by a determiner or
    quantifier ("the billionaire business mogul", "another", "those") or a number and its noun, of
    plain words ending in a lowercase word (a name is a mention and found elsewhere); None
    otherwise."""
    while i < j and view.words[i] in _QUOTE_TAIL:
        i += 1
    for t in range(i + 1, j):
        if view.lowers[t] in AUXILIARIES and view.lowers[t] not in POSSESSIVE_MARKS:
            j = t  # '"...?" a reporter can be heard asking': the phrase before the verb group
            break
    lead = view.lowers[i] if i < j else ""
    alone = j - i == 1 and lead in _PHRASE_LEADS  # "Several said ...", "tweeted another"
    if (not 0 < j - i <= _MAX_PHRASE or not (lead in _PHRASE_LEADS or lead.isdigit() and j - i == 2)
            or not (view.words[j - 1].islower() or alone)):
        return None
    verbs = cue_lexicon().verbs
    for t in range(i, j):
        w = view.lowers[t]
        if not (w.isalpha() or w[:1].isdigit() or w == "-" or w in POSSESSIVE_MARKS) or (t > i and w in verbs):
            return None
        if t > i + 1 and (w in DETERMINERS or w in _NUMBER_WORDS or w == "to"):
            return None  # a second phrase: "The town released a statement", "This prompted the paper to"
    return i, j, "nominal"


def _ly_adverb(w: str) -> bool:
    """Whether the word ``w`` is an adverb in "-ly" ("specifically", "publicly"): lowercase, five
    letters or more, and no person, body or document noun ("family", "assembly")."""
    return (len(w) >= 5 and w.endswith("ly") and w.isalpha() and w.islower() and w not in _nouns()[0]
            and w not in _nouns()[1] and w not in word_set("document_nouns.txt"))


def _skip_left(view: TextView, j: int, lo: int) -> int:
    """Token index before which the subject of a cue at ``j`` ends: auxiliaries, adverbs (those
    of ``_SKIP_LEFT`` and any lowercase "-ly" word that heads no speaker phrase: "The
    proclamation specifically said", not "The family said") and a time phrase ("on Sunday",
    "yesterday") skipped."""
    while j - 1 >= lo:
        if view.lowers[j - 1] in _SKIP_LEFT or _ly_adverb(view.words[j - 1]):
            j -= 1
        elif j - 2 >= lo and view.lowers[j - 2] in _TIME_LEADS and time_phrase_at(view, j - 2):
            j -= 2
        elif (j - 3 >= lo and view.lowers[j - 3] in _ARTICLE_TIME_LEADS and view.lowers[j - 2] in _ARTICLES
              and _is_time_word(view, j - 1)):
            j -= 3  # "Sanders during a Sunday thanked ...", "Ms. Ray on the Monday said ..."
        elif _is_time_word(view, j - 1) and view.words[j - 1][:1].isupper() == (view.lowers[j - 1] in _WEEKDAYS):
            j -= 1
        else:
            break
    return j


def _after_semicolon(view: TextView, a: int, before: int, blocked: RangeIndex | None) -> int:
    """The first token of the last clause a semicolon opens in ``[a, before)``, outside quotations
    ("...; unnamed industry experts called this dubious ..., while noting ..."), else ``a``."""
    for t in range(before - 1, a, -1):
        if view.words[t] == ";" and (blocked is None or not blocked.covers(t, t + 1)):
            return t + 1
    return a


def clause_subject(view: TextView, mentions: MentionIndex, sent: int, before: int,
                   blocked: RangeIndex | None = None) -> tuple[int, int, str] | None:
    """The first noun phrase of the sentence's main clause (after introductory phrases,
    :func:`intro_end`, whose commas are outside the quoted spans ``blocked``)."""
    a, b = view.sent_bounds(sent)
    a = _after_semicolon(view, a, min(before, b), blocked)
    k = a
    # skip a dateline "SEOUL, South Korea (AP) —" and an introductory phrase ending in a comma
    for t in range(a, min(before, b)):
        if view.words[t] in {"—", "--"} and t - a < 12:
            k = t + 1
            break
    opened = k
    k = intro_end(view, mentions, k, min(before, b), blocked)
    if _subordinate_up_to(view, opened, k, min(before, b)):
        return None
    for t in range(k, min(before, b)):
        np = np_starting_at(view, mentions, t, before)
        if np is not None:
            return np
    return None


#: first words of an introductory phrase that ends in a comma ("Hours later, X ...")
_INTRO_WORDS = frozenset({"in", "on", "at", "during", "after", "before", "since", "for", "with", "as", "while", "when",
                          "despite", "last", "earlier", "later", "hours", "days", "minutes", "moments", "yesterday",
                          "today", "meanwhile", "however", "still", "yet", "instead", "now", "then", "asked", "speaking",
                          "following", "according", "like", "unlike", "amid", "under", "by", "from", "without"})


#: words that open a subordinate clause before a sentence's subject ("Although X ..., Y said")
_SUBORDINATORS = frozenset({"although", "though", "because", "if", "even", "once", "unlike", "whereas", "until", "upon",
                            "after", "before", "while", "when", "as", "since", "following"})
#: subordinators that open a clause with a subject of its own ("Although the board ..."), not a
#: phrase ("As a senator, ..." opens one too, but "after"/"before"/"as" also head phrases)
_CLAUSE_OPENERS = frozenset({"although", "though", "because", "whereas", "unless", "while", "if"})


def _subordinate_up_to(view: TextView, opened: int, k: int, before: int) -> bool:
    """Whether a subordinate clause opening at ``opened`` ("Because of how the party drew the
    map, explained Roe, ...") runs up to the comma right before ``before`` (:func:`intro_end`
    did not skip it to ``k``): the cue then comes first in the main clause, its speaker after it,
    and the subordinate clause's subject is not it (but "While he has said ..." keeps the cue
    inside the clause, whose subject speaks)."""
    return (k == opened and opened < before - 1 and view.lowers[opened] in _CLAUSE_OPENERS
            and view.words[before - 1] == ",")


#: prepositions of place after "here"/"there" opening an introductory phrase
_PLACE_PREPS = frozenset({"in", "at", "on", "near", "outside", "inside"})
#: sentence adverbs of _INTRO_WORDS: an introductory phrase only when a comma follows them
_SENTENCE_ADVERBS = frozenset({"yet", "still", "now", "then", "however", "meanwhile", "instead"})
#: longest place or time chunk between commas that is skipped after an introductory phrase
_CHUNK = 4


def _opens_intro(view: TextView, mentions: MentionIndex, k: int, first: bool) -> bool:
    """Whether an introductory phrase (ending in a comma, before the subject) starts at token
    ``k``: a subordinator or an introductory preposition, an -ly adverb ("Shortly after ..."),
    a time phrase ("Tuesday at ...") or, opening the sentence (``first``), a capitalised -ing or
    -ed participle that starts no name ("Speaking at ...", "Asked about ...", "Facing ...")."""
    low = view.lowers[k]
    if low in _SENTENCE_ADVERBS:
        return k + 1 < view.n and view.words[k + 1] == ","  # "Still, ..." (not "Yet she said ...")
    if low in _SUBORDINATORS or low in _INTRO_WORDS or time_phrase_at(view, k):
        return True
    if low in ("here", "there") and k + 1 < view.n and view.lowers[k + 1] in _PLACE_PREPS:
        return True  # "Here in Columbia, Sanders stepped up ..."
    if not ((low.endswith("ly") and len(low) > 4)
            or first and view.words[k][:1].isupper() and (low.endswith("ing") and len(low) > 5 or is_ed_form(low, min_len=4, alpha_only=False)
                                                         or low == "led")):
        return False  # neither an -ly adverb nor an opening participle (checked first: it is cheap)
    m = mentions.name_at(k, k + 1)
    if m is not None and m.start == k and not _lone_capitalised_word(view, mentions, m, first):
        return False  # a name opens the subject itself ("Italy", "Kelly")
    return not (low in _nouns()[0] or low in _nouns()[1] or not low.isalpha())  # not a noun ("Family members")


def _lone_capitalised_word(view: TextView, mentions: MentionIndex, m: Mention, first: bool) -> bool:
    """Whether the name ``m`` is only a capitalised sentence-opening word ("Shortly", "Hastily"):
    one token, the article's only mention of it, no given name."""
    return (first and m.end - m.start == 1 and mentions.count_of(m.canonical) <= 1
            and view.words[m.start] not in entity_lexicons().first_names)


def _place_or_time_chunk(view: TextView, mentions: MentionIndex, k: int, comma: int) -> bool:
    """Whether tokens ``[k, comma)`` are a place ("Iowa", "N.H.") or a time phrase ("on
    Sunday") continuing an introductory phrase ("In Ames, Iowa, on Sunday, ...")."""
    if comma - k > _CHUNK or comma <= k:
        return False
    if time_phrase_at(view, k):
        return True
    text = view.span_text(k, comma)
    lex = entity_lexicons()
    if text in lex.regions or text in lex.places and not lex.places[text]:
        return True
    m = mentions.name_at(k, k + 1)
    return m is not None and m.start == k and m.end == comma and m.type == "place"


def _finite_cue_form(verbs: dict, w: str) -> bool:
    """Whether the word ``w`` is an inflected, non-participle form of a reporting verb ("said",
    "warns"; not "term", "bar", "saying" or the "States" of a name)."""
    if not w.islower():
        return False
    entry = verbs.get(w)
    return entry is not None and w != entry[0] and not w.endswith("ing")


def _named_before(view: TextView, mentions: MentionIndex, t: int, lo: int) -> bool:
    """Whether a name or a personal pronoun stands right before token ``t`` (after ``lo``),
    auxiliaries and adverbs skipped ("Ted Crane said", "he has said")."""
    j = _skip_left(view, t, lo + 1)
    if j - 1 <= lo:
        return False
    if view.lowers[j - 1] in ("he", "she", "they", "we", "i", "it"):
        return True
    m = mentions.name_at(j - 1, j)
    return m is not None and m.end == j


def intro_end(view: TextView, mentions: MentionIndex, k: int, before: int, blocked: RangeIndex | None = None) -> int:
    """The token after the introductory phrases that open a clause at token ``k`` (before
    ``before``): each runs to a comma outside quotations ("Speaking at a town hall in Salem,",
    "On Tuesday, even as shares fell,"); a place or a time phrase between commas that follows one
    is skipped too ("At a rally in Ames, Iowa, on Sunday, Mrs. Clinton said"). ``k`` when no
    introductory phrase opens the clause."""
    first = True
    verbs = cue_lexicon().verbs
    while k < before and _opens_intro(view, mentions, k, first):
        first = False
        comma = next((t for t in range(k + 1, before - 1)
                      if view.words[t] == "," and (blocked is None or not blocked.covers(t, t + 1))), None)
        if comma is None:
            break
        if view.lowers[k] not in _SUBORDINATORS and any(_finite_cue_form(verbs, view.words[t]) and _named_before(view, mentions, t, k)
                                                        for t in range(k + 1, comma)):
            break  # a name's reporting verb before the comma: the clause itself ("On Monday X said ..., adding")
        k = comma + 1
        while True:
            nxt = next((t for t in range(k, min(before - 1, k + _CHUNK + 1)) if view.words[t] == ","), None)
            if nxt is None or not _place_or_time_chunk(view, mentions, k, nxt):
                break
            k = nxt + 1
    return k


#: quotation marks that close a quotation (a participle cue may follow one: '“...,” telling')
_CLOSING_MARKS = frozenset({"”", '"', "''"})


def is_participle_cue(view: TextView, cue_start: int, cue_end: int, lo: int) -> bool:
    """Whether the cue is a participle hanging on a clause before it (", saying ...", ", adding
    that ...", ", referring to ..."): a one- or two-word cue opening with an -ing form after a
    comma, or after a closing quotation mark with the comma inside it ('... as “fantastic,”
    telling reporters ...')."""
    if cue_end - cue_start > 2 or not view.lowers[cue_start].endswith("ing"):
        return False
    j = _skip_left(view, cue_start, lo)
    if j - 2 > lo and view.words[j - 1] in _CLOSING_MARKS and view.words[j - 2] == ",":
        return True  # '... as “fantastic,” telling reporters ...': the comma inside the closing mark
    return j - 1 > lo and view.words[j - 1] == ","


def participle_subject(view: TextView, mentions: MentionIndex, cue_start: int,
                       blocked: RangeIndex) -> tuple[int, int, str] | None:
    """The subject of the clause a participle cue hangs on: the first noun phrase of its sentence
    outside quotations, after a dateline and an introductory phrase ("Hours later, Trump returned
    the compliment, telling ..." -> Trump)."""
    sent = view.sent_of[cue_start]
    a = _after_semicolon(view, view.sent_bounds(sent)[0], cue_start, blocked)
    # ", X said, adding ...", ", said X, adding ...": the speaker of that reporting verb
    j = _skip_left(view, cue_start, a) - 1  # the comma
    verbs = cue_lexicon().verbs
    if j - 1 > a and view.lowers[j - 1] in verbs and not blocked.covers(j - 1, j):
        np = np_ending_at(view, mentions, _skip_left(view, j - 1, a), a)
        if np is not None:
            return np
    np = np_ending_at(view, mentions, j, a)
    if np is not None and np[0] - 1 > a and view.lowers[np[0] - 1] in verbs and np[2] == "name":
        return np
    return sentence_subject(view, mentions, a, cue_start, blocked)


def sentence_subject(view: TextView, mentions: MentionIndex, a: int, cue_start: int,
                     blocked: RangeIndex) -> tuple[int, int, str] | None:
    """The first noun phrase of the sentence starting at token ``a``, before ``cue_start``, outside
    quotations, after a dateline, a conjunction and an introductory phrase; a person named in
    apposition after a description ("a senator, Ruth Ambler, ...")."""
    k = a
    for t in range(a, min(cue_start, a + 12)):
        if view.words[t] in {"—", "--", "–"} or view.words[t] == "-" and t > a and view.words[t - 1] == ")":
            k = t + 1  # a dateline "WASHINGTON (AFP) –"
            break
    while k < cue_start and (view.words[k] in _QUOTE_CHARS or blocked.covers(k, k + 1)
                             or view.lowers[k] in {"but", "and", "yet", "so", "still"}):
        k += 1
    opened = k
    k = intro_end(view, mentions, k, cue_start, blocked)
    if _subordinate_up_to(view, opened, k, cue_start):
        return None
    for t in range(k, cue_start):
        if blocked.covers(t, t + 1) or view.words[t] in _QUOTE_CHARS:
            continue
        np = np_starting_at(view, mentions, t, cue_start)
        if np is not None:
            # "a Republican, Mark Amodei, has voiced ...": the person named in apposition
            e = np[1]
            if np[2] != "name" or not _is_person_name(mentions, np):
                m = mentions.name_at(e + 1, e + 2) if e + 2 < cue_start and view.words[e] == "," else None
                if m is not None and m.start == e + 1 and m.type == "person" and view.words[m.end] == ",":
                    return m.start, m.end, "name"
            return np
        if view.lowers[t] in _NP_STOP_LEFT:
            return None  # a verb or a clause word came first: no subject found
    return None


#: dashes that set a source's name off from a digest item's headline ("HEADLINE - Jo Doe: ...")
_BYLINE_DASHES = frozenset({"-", "—", "–", "--"})


def _opens_byline(view: TextView, mentions: MentionIndex, a: int, k: int) -> bool:
    """Whether the name starting at token ``k`` opens a digest item's source line after a dash
    ("RURAL VOTES SHIFT - Jo Doe: “...”", "- More from Doe: “...”", "- Jo Doe and Al Roe: “...”"),
    within the sentence starting at ``a``."""
    if k - 2 >= a and view.lowers[k - 1] == "and":
        first = mentions.name_at(k - 2, k - 1)
        if first is not None and first.end == k - 1 and first.start >= a:
            k = first.start  # "Jo Doe and Al Roe:"
    if k - 2 >= a and view.lowers[k - 2] == "more" and view.lowers[k - 1] == "from":
        k -= 2  # "More from Doe:"
    return k - 1 >= a and view.words[k - 1] in _BYLINE_DASHES and (k - 1 == a or view.ends[k - 2] < view.starts[k - 1])


def colon_introducer(view: TextView, mentions: MentionIndex, quote_start: int, blocked: RangeIndex) -> Candidate | None:
    """For a quotation without a cue that follows a colon (across a paragraph break too), the
    speaker the introducing sentence names: the name right before the colon ("Trump: ..."), else
    that sentence's subject ("President Clinton released the following statement: ..."); None
    when no colon introduces it."""
    t = quote_start - 1
    while t >= 0 and view.words[t] in _QUOTE_CHARS:
        t -= 1
    if t <= 0 or view.words[t] != ":" or blocked.covers(t, t + 1):
        return None
    a = view.sent_bounds(view.sent_of[t])[0]
    m = mentions.name_at(t - 1, t)
    if m is not None and m.end == t and m.type in ("person", "organization", "state") and (
            m.start == a or _opens_byline(view, mentions, a, m.start)):
        return Candidate(m.start, m.end, "colon", "name", etype=m.type)
    np = sentence_subject(view, mentions, a, t, blocked)
    if np is None:
        return None
    inner = mentions.names_in(np[0], np[1]) if np[2] == "name" else []
    return Candidate(np[0], np[1], "colon", np[2], etype=inner[0].type if inner else "")


#: punctuation that may end a quotation's content before its closing mark ('"...," X barked')
_QUOTE_END_PUNCT = frozenset({",", "?", "!", "—", "--"})
#: tokens that may follow a verb of speaking ending an attribution ('X barked.', 'X fumed on Tuesday')
_AFTER_SPEECH_VERB = frozenset({".", ",", ";", "on", "in", "at", "to", "with", "during", "before", "after", "as", "from",
                                "and", "while", "when", "back", "again", "later", "afterward", "afterwards"})


def trailing_speaker(view: TextView, mentions: MentionIndex, quote_end: int, blocked: RangeIndex) -> Candidate | None:
    """For a quotation without a cue that ends in a comma, "?" or "!" inside its marks, the speaker
    of the attribution right after it with a verb of speaking the cue lexicon lacks: a person's
    name or a he/she, then one lowercase word and an end ('"...," Trump barked.', '"...?" Hannity
    pressed.', '"...," she went on.'), or the word first ('"...," quipped Bo Stark.'). None
    otherwise."""
    t = quote_end
    seen_comma, seen_mark = quote_end > 0 and view.words[quote_end - 1] in _QUOTE_END_PUNCT, False
    while t < view.n and t - quote_end < 3 and (view.words[t] in _QUOTE_END_PUNCT or view.words[t] in _QUOTE_CHARS):
        seen_comma = seen_comma or view.words[t] in _QUOTE_END_PUNCT
        seen_mark = seen_mark or view.words[t] in _QUOTE_CHARS
        t += 1
    if not (seen_comma and seen_mark) or t + 2 >= view.n or blocked.covers(t, t + 1):
        return None
    if view.sent_of[t] != view.sent_of[quote_end - 1] and view.words[t][:1].islower():
        return None
    low = view.lowers[t]
    m = mentions.name_at(t, t + 1)
    if low in ("he", "she"):
        np_end, kind = t + 1, "pronoun"
    elif m is not None and m.start == t and m.type == "person":
        np_end, kind = m.end, "name"
    else:
        np_end, kind = t, ""
    if kind:  # name or pronoun, then the verb
        v = np_end
        if v + 1 < view.n and _speech_verb_at(view, v) and view.lowers[v + 1] in _AFTER_SPEECH_VERB:
            return Candidate(t, np_end, "colon", kind, etype="person" if kind == "name" else "")
        return None
    # inverted: the verb, then a person's name and an end
    if _speech_verb_at(view, t):
        m = mentions.name_at(t + 1, t + 2)
        if m is not None and m.start == t + 1 and m.type == "person" and m.end < view.n and view.lowers[m.end] in (".", ","):
            return Candidate(m.start, m.end, "colon", "name", etype="person")
    return None


def subject_before_quote(view: TextView, mentions: MentionIndex, quote_start: int, blocked: RangeIndex) -> Candidate | None:
    """For a quotation without a cue inside a sentence whose subject comes before it ("He offered
    “my thoughts and prayers.”", "Mr. Ryan laid out a vision for “a reformed tax code”"), that
    subject when it is a person's name or a he/she, an organisation's or a state's name, or a
    description headed by a person, body or document noun ("The ad targets “...”"): the one whose
    words, belief or intention the sentence reports (ANNOTATION.md). None otherwise."""
    t = quote_start - 1
    while t >= 0 and view.words[t] in _QUOTE_CHARS:
        t -= 1
    if t < 0 or view.sent_of[t] != view.sent_of[quote_start]:
        return None
    a = view.sent_bounds(view.sent_of[quote_start])[0]
    np = sentence_subject(view, mentions, a, t + 1, blocked)
    if np is None or np[1] > t:
        return None
    verbs = cue_lexicon().verbs
    if any(_finite_cue_form(verbs, view.words[k]) and _skip_left(view, k, np[1]) != np[1] for k in range(np[1], t + 1)):
        return None  # another speaker's cue between ("X is so reckless, the vice president said, that “...”")
    if _adverb_as_name(view, mentions, np):
        return None  # "Specifically, “...”": an adverb taken for a name
    person = _person_subject(view, mentions, np)
    if person is not None:
        return person
    if np[2] == "name":
        inner = mentions.names_in(np[0], np[1])
        if inner and inner[0].type in ("organization", "state"):
            return Candidate(np[0], np[1], "colon", "name", etype=inner[0].type)
    if np[2] == "nominal" and view.lowers[np[1] - 1] in _nouns()[0] | _nouns()[1] | word_set("document_nouns.txt"):
        return Candidate(np[0], np[1], "colon", "nominal")
    return None


def previous_sentence_subject(view: TextView, mentions: MentionIndex, quote_start: int,
                              blocked: RangeIndex) -> Candidate | None:
    """For a quotation that opens its sentence, the subject of the sentence before it when that is
    a person's name or a he/she outside quotation marks ("Valastro praised the governor. / “We
    need someone ...”"). None otherwise."""
    t = quote_start - 1
    while t >= 0 and view.words[t] in _QUOTE_CHARS:
        t -= 1
    s0 = view.sent_of[quote_start]
    if t < 0 or view.sent_of[t] == s0:
        return None
    a, b = view.sent_bounds(view.sent_of[t])  # (an opening mark may stand alone as a "sentence")
    np = sentence_subject(view, mentions, a, b, blocked)
    if np is None:
        return None
    if _adverb_as_name(view, mentions, np):
        return None
    return _person_subject(view, mentions, np)


def _adverb_as_name(view: TextView, mentions: MentionIndex, np: tuple[int, int, str]) -> bool:
    """Whether the subject ``np`` opens with a lone capitalised word taken for a name
    ("Specifically, “...”"): no subject then."""
    m = mentions.name_at(np[0], np[0] + 1)
    return m is not None and _lone_capitalised_word(view, mentions, m, True)


def _person_subject(view: TextView, mentions: MentionIndex, np: tuple[int, int, str]) -> Candidate | None:
    """The subject ``np`` as a speaker candidate when it is a lone he/she or a person's name."""
    if np[2] == "pronoun" and np[1] - np[0] == 1 and view.lowers[np[0]] in ("he", "she"):
        return Candidate(np[0], np[1], "colon", "pronoun")
    if np[2] == "name" and _is_person_name(mentions, np):
        return Candidate(np[0], np[1], "colon", "name", etype="person")
    return None


def _speech_verb_at(view: TextView, v: int) -> bool:
    """Whether token ``v`` may be a verb of speaking in the past or present tense: a lowercase
    word ending in -ed or -s, or an irregular past form (``past_verbs.txt``: "went on", "shot back")."""
    w = view.words[v]
    return w.isalpha() and w.islower() and (is_past_form(w, min_len=0) or w.endswith("s") and not w.endswith("ss"))


def _verb_after(view: TextView, k: int, hi: int) -> bool:
    """Whether a verb (:func:`_speech_verb_at`, or a reporting verb) follows the subject ending at
    token ``k``, auxiliaries and adverbs skipped, before ``hi``."""
    while k < hi and view.lowers[k] in _SKIP_LEFT:
        k += 1
    return k < hi and (_speech_verb_at(view, k) or view.lowers[k] in cue_lexicon().verbs)


def candidates_for_cue(
    view: TextView,
    mentions: MentionIndex,
    cue_start: int,
    cue_end: int,
    quote_tokens: tuple[int, int] | None,
    blocked: list[tuple[int, int]],
    extra: bool = False,
) -> list[Candidate]:
    """Speaker candidates for the cue ``[cue_start, cue_end)``.

    ``quote_tokens`` is the content the cue introduces; ``blocked`` are token ranges inside
    quotation marks, where no speaker can be."""
    sent = view.sent_of[cue_start]
    a, b = view.sent_bounds(sent)
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    blocked = RangeIndex.of(blocked)  # O(log n) queries (the pipeline passes an index)

    def inside_quote(i: int, j: int) -> bool:
        return blocked.covers(i, j)

    def add(np: tuple[int, int, str] | None, kind: str, quoted_ok: bool = False) -> None:
        if np is None:
            return
        i, j, np_type = np
        if (i, j) in seen or (inside_quote(i, j) and not quoted_ok):
            return
        seen.add((i, j))
        etype = ""
        if np_type == "name":
            inner = mentions.names_in(i, j)
            etype = inner[0].type if inner else "unknown"
        out.append(Candidate(i, j, kind, np_type, etype=etype))

    if cue_end - cue_start == 2 and view.lowers[cue_start] == "according" and view.lowers[cue_start + 1] == "to":
        src = according_source(view, mentions, cue_end, b)
        if src is not None:
            add((src[0], src[1], "name" if mentions.name_at(src[1] - 1, src[1]) is not None else "nominal"), "according")
    if is_participle_cue(view, cue_start, cue_end, a):
        add(participle_subject(view, mentions, cue_start, blocked), "participle")
    lo = a
    if quote_tokens is not None and quote_tokens[1] <= cue_start:
        lo = max(lo, quote_tokens[1])
    lo = max(lo, blocked.max_end_at_most(cue_start, lo))
    j = _skip_left(view, cue_start, lo)
    prev = view.lowers[j - 1] if j - 1 >= lo else ""
    # gerund cue after "for": "lashed out at Rubio for calling it ..."
    if prev == "for" and view.lowers[cue_start].endswith("ing"):
        add(np_ending_at(view, mentions, j - 1, a), "agent_for")
    if prev in {"and", "but", "or"}:
        # "Graham called both men 'crazy' and said ...": the subject right before the first verb
        # speaks, by rule
        first = clause_subject(view, mentions, sent, j - 1, blocked)
        add(first, "coordinated" if first is not None and _verb_after(view, first[1], j - 1) else "subject")
    # (the agent right after the cue, outside quotation marks, even where a mixed quotation's span
    # took it in: 'were described by Johnson as a "historic mandate"')
    by_at = _after_named_quotation(view, cue_end, quote_tokens)
    add(passive_agent(view, mentions, cue_start, by_at, j, b, by_at > cue_end), "agent", quoted_ok=True)
    if prev == "," and j - 1 > lo:
        # "Anderson Cooper, of CNN, one of Vanderbilt's four sons, stated": the sentence's subject
        # whose appositive chain the comma closes speaks, by rule
        owner = appositive_owner(view, mentions, j - 1, lo)
        subj = sentence_subject(view, mentions, a, cue_start, blocked) if owner is not None else None
        if owner is not None and subj is not None and subj[0] <= owner.start < subj[1]:
            add((subj[0], owner.end, "name"), "appositive")
    if prev == ",":
        # appositives after a quotation: '"...," Scott Pruitt, the attorney general of Oklahoma,
        # one of the states suing, said': the first chunk after the quotation
        if quote_tokens is not None and quote_tokens[1] <= cue_start:
            commas = [t for t in range(lo + 1, j - 1) if view.words[t] == ","]
            if commas and j - commas[0] < 40:
                add(np_ending_at(view, mentions, commas[0], lo), "left")
        # appositive: "Kwak Gil Sup, head of One Korea Centre, said"; "The mayor of Paris, Anne
        # Hidalgo, wrote": the person, not the description
        k = j - 2
        while k > lo and view.words[k] != "," and j - k < 20:
            k -= 1
        if k > lo and view.words[k] == ",":
            inner = np_ending_at(view, mentions, j - 1, lo)
            if (inner is not None and inner[0] > k and _is_person_name(mentions, inner)
                    and _role_before_name(view, k + 1, inner[0])):
                add(inner, "left")
            else:
                add(_person_before_appositive(view, mentions, np_ending_at(view, mentions, k, a), a), "left")
    left = np_ending_at(view, mentions, j, lo)
    if left is not None and left[2] == "nominal" and left[0] > lo and view.lowers[left[0] - 1] in _OBJECT_PREPS:
        left = None  # "in relaying the news to parliament said": an object, not the speaker
    object_name = None  # a name after a preposition that is not the speaker, nor a 'nearest' one
    if left is not None and left[2] == "name" and left[0] > lo:
        p = left[0] - 2 if view.lowers[left[0] - 1] == "the" and left[0] - 2 >= lo else left[0] - 1
        if view.lowers[p] in _OBJECT_PREPS:  # (also "speaking to the Washington Post said")
            owner = _owner_of_place(view, mentions, left, lo, p)
            if owner is not None and owner[1] <= left[0]:
                object_name = left[0]
            elif view.lowers[p] in _OPPOSING_PREPS:
                opposed = mentions.name_at(left[1] - 1, left[1])
                object_name = opposed.start if opposed is not None else left[0]
            left = owner
    if left is not None and left[2] == "name" and left[0] - 1 > lo and view.words[left[0] - 1] == ",":
        place = mentions.name_at(left[1] - 1, left[1])
        if place is not None and place.type == "place" and place.start == left[0]:
            left = None  # "at his golf club outside Washington, D.C. saying": the state after a city is no speaker
    add(left, "left")
    after_quote = quote_tokens is not None and quote_tokens[1] <= cue_start
    if left is None and not any(c.kind == "left" for c in out):
        # '"...," the 46-year-old said'; a clause opened by the phrase: "Several said", "; most said"
        cs = lo if after_quote else max([lo] + [t + 1 for t in range(lo, j) if view.words[t] == ";"])
        add(phrase_beside_quote(view, cs, j), "left")
    addressee = _tells(view, cue_start, cue_end)
    gerund = _gerund(view, cue_start, cue_end)
    if not addressee and not gerund:
        # "told CNN": the one told, never the speaker; "suggesting Joe Scarborough was involved":
        # a participle never stands inverted before its speaker (what follows it is the content)
        right = np_starting_at(view, mentions, cue_end, b)
        if right is None and after_quote and all(view.words[t] in _QUOTE_TAIL for t in range(lo, cue_start)):
            e = b - 1 if view.words[b - 1] in (".", "!", "?") else b
            right = phrase_beside_quote(view, cue_end, e)  # '"...," wrote one commenter.'
        add(right, "right")
    # the clause subject before the cue (looked for once): a fallback, and a ranker candidate
    subject = clause_subject(view, mentions, sent, cue_start, blocked) if not out or extra else None
    if not out:
        add(subject, "subject")
    if extra:
        # more choices for the trained ranker (the rules ignore these kinds): the sentence's
        # subject and the nearest names of the sentence outside quotations
        add(subject, "sent_subject")
        near = sorted(
            (m for m in mentions.names_in(a, b) if m.type in ("person", "organization", "state")),
            key=lambda m: min(abs(m.start - cue_end), abs(cue_start - m.end)),
        )
        # a body before a role and a person ("UCL" in "UCL astronomer Angelos Tsiaras") is not one
        # (not the one told, nor the object or content after a participle: "asking Velk")
        near = [m for m in near if not ((addressee or gerund) and m.start == cue_end) and m.start != object_name]
        # (nor the possessor in "Huber's longtime tag team partner Erick Rowan")
        near = [m for m in near[:3] if titled_name(view, mentions, m.end, b) is None
                and person_after_possessive(view, mentions, m.end, b) is None
                and not (m.start > 0 and view.lowers[m.start - 1] in ("on", "via"))]  # a medium: "on Twitter"
        for m in near:
            add((m.start, m.end, "name"), "nearest")
    return out


#: lemmas of cues whose object is the one addressed ("told CNN", "reminded voters"), which never
#: stand inverted before their speaker
_ADDRESSEE_LEMMAS = frozenset({"tell", "inform", "remind", "assure", "advise"})


def _tells(view: TextView, cue_start: int, cue_end: int) -> bool:
    """Whether the one-word cue at ``cue_start`` addresses its object ("told", "informs"): the
    noun phrase after it is the addressee, not the speaker."""
    entry = cue_lexicon().verbs.get(view.lowers[cue_start]) if cue_end - cue_start == 1 else None
    return entry is not None and entry[0] in _ADDRESSEE_LEMMAS


def _gerund(view: TextView, cue_start: int, cue_end: int) -> bool:
    """Whether the cue is one -ing word ("saying", "suggesting")."""
    return cue_end - cue_start == 1 and view.lowers[cue_start].endswith("ing") and len(view.lowers[cue_start]) > 4


#: forms of "be" that make a cue passive ("were described by Johnson as")
_BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being"})


def _after_named_quotation(view: TextView, cue_end: int, quote_tokens: tuple[int, int] | None) -> int:
    """The token after the quotation in marks that a naming cue's object is, a few tokens after the
    cue, when it is "by" ('has been called "strategic ambiguity" by Hendrick', 'labeled as a "witch
    hunt" by Democrats'), else ``cue_end``: a passive cue's agent may follow its quoted object."""
    if quote_tokens is None or not 0 < quote_tokens[0] - cue_end <= 4:
        return cue_end
    k = quote_tokens[1]
    while k < view.n and k - quote_tokens[1] < 3 and view.words[k] in _QUOTE_CHARS | {","}:
        k += 1
    return k if k < view.n and view.lowers[k] == "by" else cue_end


def passive_agent(view: TextView, mentions: MentionIndex, cue_start: int, cue_end: int, j: int,
                  hi: int, after_object: bool = False) -> tuple[int, int, str] | None:
    """The agent of a passive cue, the phrase after "by" ("were described by Johnson as a
    \"historic mandate\"", "has been described by the Daily Hive as"; with ``after_object``, the
    "by" at ``cue_end`` follows the cue's quoted object, which makes it passive without a form of
    "be": 'often labeled as a "witch hunt" by Democrats'): it speaks, not the subject; None when
    the cue is not passive (no form of "be" between the subject's end ``j`` and the cue) or no
    phrase follows "by"."""
    if cue_end + 1 >= hi or view.lowers[cue_end] != "by":
        return None
    if not after_object and not any(view.lowers[t] in _BE_FORMS for t in range(j, cue_start)):
        return None
    return np_starting_at(view, mentions, cue_end + 1, hi)


#: longest appositive chain between a person and the comma that closes it, in tokens
_APPOSITIVE_REACH = 30
#: most commas inside such a chain
_APPOSITIVE_COMMAS = 3


def appositive_owner(view: TextView, mentions: MentionIndex, comma: int, lo: int) -> Mention | None:
    """The person whose appositive chain the comma at token ``comma`` closes: a person named
    before it and followed by a comma, a parenthesis or "of"/"at"/"from" ("Anderson Cooper, of CNN,
    one of Vanderbilt's four sons,", "Mark Hay, a marine ecologist and Regents Professor at GT,"),
    with no reporting verb, quotation mark, clause subject ("Trump, Clinton said,") nor new
    coordinated member (", and his campaign manager,") inside the chain; None when there is none."""
    verbs = cue_lexicon().verbs
    commas = 0
    for t in range(comma - 1, max(lo, comma - _APPOSITIVE_REACH) - 1, -1):
        w = view.lowers[t]
        if view.words[t] in _QUOTE_CHARS or (w in verbs and w not in _nouns()[0]):
            return None
        if w == ",":
            commas += 1
            if commas > _APPOSITIVE_COMMAS or view.lowers[t + 1] in ("and", "or", "but"):
                return None
            m = mentions.name_at(t + 1, t + 2)
            if m is not None and m.start == t + 1 and m.type == "person" and m.end == comma:
                return None  # a person named in the last chunk speaks ("The mayor of Paris, Anne Hidalgo,")
            continue
        m = mentions.name_at(t, t + 1)
        if (m is not None and m.end == t + 1 and m.type == "person" and view.words[m.start][:1].isupper()
                and m.end < comma and (view.words[m.end] in {",", "("} or view.lowers[m.end] in _ATTACHING_PREPS)
                and (commas or all(view.words[x][:1].isupper() or view.lowers[x] in _NAME_JOINERS or view.words[x] in "()"
                                   for x in range(m.end, comma)))):
            return m  # (with no comma inside, only a body's name after it: "Ryan Norris of the University of Guelph,")
    return None


#: prepositions whose object is never the speaker of the cue right after it, a person included
_OPPOSING_PREPS = frozenset({"against"})


def _owner_of_place(view: TextView, mentions: MentionIndex, np: tuple[int, int, str], lo: int,
                    prep: int | None = None) -> tuple[int, int, str] | None:
    """For a name after a preposition right before a cue (no person: not "Ambassador to Germany
    Richard Grenell"), the speaker phrase it belongs to: a description of people before the
    preposition with it ("Hospital officials in Omsk said"); nothing after "on"/"via" with no such
    description (a medium: "posted a message on Facebook announcing"); the subject of a participle
    before the preposition ("Another source speaking to Fox News said"); nothing after "against"
    (the one opposed: "a ruling against President Trump finding"); else the name. ``prep``:
    the preposition's token when a "the" stands between ("to the Washington Post")."""
    head = mentions.name_at(np[1] - 1, np[1])
    p = np[0] - 1 if prep is None else prep  # the preposition
    if head is not None and head.type == "person" and view.lowers[np[0] - 1] != "the" and view.lowers[p] not in _OPPOSING_PREPS:
        return np
    owner = np_ending_at(view, mentions, p, lo)
    if owner is not None and owner[2] == "nominal" and view.lowers[owner[1] - 1] in _nouns()[0]:
        return owner[0], np[1], "nominal"
    k = p - 1
    if owner is None and k > lo and view.lowers[k].endswith("ing") and view.words[k].islower():
        speaker = np_ending_at(view, mentions, k, lo)  # "Another source speaking to Fox News said"
        if speaker is not None:
            return speaker
    if view.lowers[p] in ("on", "via") and (owner is None or not view.words[p - 1][:1].isupper()):
        return None  # (not "the House Select Committee on Benghazi said": a body's name)
    if view.lowers[p] in _OPPOSING_PREPS:
        return None  # "issued a ruling against President Trump finding that": the one opposed, never the speaker
    return np


def pick_by_rules(cands: list[Candidate], view: TextView, cue_start: int, cue_end: int, quote_before: bool) -> Candidate | None:
    """The rules' choice among candidates (used when no trained ranker is loaded)."""
    cands = [c for c in cands if c.kind not in RANKER_ONLY_KINDS]
    if not cands:
        return None
    by_kind: dict[str, Candidate] = {}
    for c in cands:
        by_kind.setdefault(c.kind, c)
    for kind in ("according", "participle", "agent", "appositive", "coordinated"):
        if kind in by_kind:
            return by_kind[kind]
    if "agent_for" in by_kind:
        return by_kind["agent_for"]
    if "subject" in by_kind and len(by_kind) == 1:
        return by_kind["subject"]
    left, right = by_kind.get("left"), by_kind.get("right")
    if quote_before and right is not None and (left is None or left.end <= cue_start - 3):
        return right
    if "subject" in by_kind and (left is None or left.np_type == "nominal"):
        return by_kind["subject"]
    if left is not None:
        return left
    if right is not None:
        return right
    return cands[0]


def candidate_features(c: Candidate, view: TextView, cue_start: int, cue_end: int, quote_before: bool, cue_lemma: str) -> dict:
    """Features of one candidate for the ranker (all cheap, no Python loops over the document)."""
    dist = c.start - cue_end if c.start >= cue_end else cue_start - c.end
    prev_tok = view.lowers[c.start - 1] if c.start > 0 else "<s>"
    next_tok = view.lowers[c.end] if c.end < view.n else "</s>"
    f = {
        f"kind={c.kind}": 1.0,
        f"np={c.np_type}": 1.0,
        f"kind_np={c.kind}_{c.np_type}": 1.0,
        "dist": min(dist, 20) / 20.0,
        "dist0": 1.0 if dist == 0 else 0.0,
        "quote_before": 1.0 if quote_before else 0.0,
        f"qb_kind={quote_before}_{c.kind}": 1.0,
        "len": min(c.end - c.start, 8) / 8.0,
        f"prev={prev_tok if prev_tok in {',', 'and', 'but', 'for', 'to', 'of', '<s>', 'that', 'by'} else 'other'}": 1.0,
        f"next={next_tok if next_tok in {',', '.', 'said', 'says', 'and', 'who', '</s>'} else 'other'}": 1.0,
        f"cue={cue_lemma}": 1.0,
        "sent_initial": 1.0 if c.start == view.sent_bounds(view.sent_of[c.start])[0] else 0.0,
        "cap": 1.0 if view.words[c.start][:1].isupper() else 0.0,
    }
    if c.etype:
        f[f"etype={c.etype}"] = 1.0
    return f


def group_features(
    cands: list[Candidate], view: TextView, cue_start: int, cue_end: int, quote_before: bool, cue_lemma: str
) -> list[dict]:
    """Features of all candidates of one cue: :func:`candidate_features` plus group context (the
    rules' own pick, the number of candidates, the order within the group)."""
    pick = pick_by_rules(cands, view, cue_start, cue_end, quote_before)
    out = []
    for r, c in enumerate(cands):
        f = candidate_features(c, view, cue_start, cue_end, quote_before, cue_lemma)
        f["rule_pick"] = 1.0 if c is pick else 0.0
        f[f"rule_pick_kind={c.kind}_{c is pick}"] = 1.0
        f["n_cands"] = min(len(cands), 6) / 6.0
        f[f"rank={min(r, 4)}"] = 1.0
        head = view.lowers[c.end - 1]
        if c.np_type in ("pronoun", "nominal"):
            f[f"head={head}"] = 1.0
        c.features = f
        out.append(f)
    return out


def resolve_candidate(
    c: Candidate,
    view: TextView,
    mentions: MentionIndex,
    blocked: list[tuple[int, int]],
    last_plural: tuple[str, str, int] | None,
    pronoun_ranker: Any = None,
    previous_speaker: str | None = None,
) -> tuple[str, str, Mention | None]:
    """(canonical name, type, name mention or None) of a chosen candidate. A he/she is resolved by
    :func:`stance.speakers.pronouns.resolve_pronoun` (``pronoun_ranker``, or its rules without one;
    ``previous_speaker``: the name of the speaker chosen for the quotation before). A "they" is the
    last plural nominal speaker (``last_plural``: name, type, first token), unless a body opened a
    sentence after it (:func:`subject_body_before`). An it/they/we the pronoun ranker resolves
    (:func:`stance.speakers.pronouns.ranks`) is its pick among the referent candidates, the rules'
    answer one of them (:func:`stance.speakers.pronouns.resolve_referent`)."""
    person_nouns, org_nouns = _nouns()
    words = view.words
    if c.kind == "according":
        return _source_name(c, view, mentions, blocked, pronoun_ranker, previous_speaker)
    if c.np_type == "name":
        if (view.lowers[c.start] in _QUANTIFIERS and c.end - c.start == 2 and words[c.end - 1].endswith("s")
                and (m0 := mentions.name_at(c.end - 1, c.end)) is not None and m0.type == "organization"):
            return view.span_text(c.start, c.end), "person", None  # "Other Republicans": some of its members
        both = coordinated_persons(view, mentions, c.start, c.end)
        if both:
            names = [x.canonical for x in both]
            return ", ".join(names[:-1]) + " and " + names[-1], "person", both[0]
        m = mentions.name_at(c.end - 1, c.end)
        inner = [x for x in mentions.names_in(c.start, c.end) if x.type in ("person", "organization", "state")]
        if inner:
            # the head name, not a parenthetical "(D-Mo.)" or an "of Maryland" after it; the
            # person after a body and a role ("UCL astronomer Angelos Tsiaras")
            m = inner[0]
            for nxt in inner[1:]:
                if titled_name(view, mentions, m.end, c.end) is not nxt:
                    break
                m = nxt
        if m is not None:
            titled = _person_by_title(view, mentions, m)
            if titled is not None:
                return titled.canonical, "person", titled
            typ = m.type if m.type in ("person", "organization", "state") else "unknown"
            full = spelled_out(mentions, m)
            if full is not None:
                return full.canonical, full.type if full.type == "state" else "organization", full
            if m.type == "organization":
                m = _full_body(view, mentions, m, blocked)
            return m.canonical, typ, m
        return view.span_text(c.start, c.end), "unknown", None
    if c.np_type == "pronoun":
        w = view.lowers[c.start]
        kind = pronoun_kinds().get(w, "")
        if w in ("who", "which"):
            k = c.start - 1
            named = mentions.name_at(k, k + 1) if k >= 0 else None
            if named is not None and named.end == c.start and named.type in ("person", "organization", "state"):
                return named.canonical, named.type, named  # "drafted by Alex Greenwich who said"
            if k >= 0 and words[k] == ",":
                owner = appositive_owner(view, mentions, k, view.sent_bounds(view.sent_of[k])[0]) if w == "who" else None
                if owner is not None:  # "Mark Hay, a marine ecologist and Regents Professor at GT, who said"
                    return owner.canonical, "person", owner
                np = np_ending_at(view, mentions, k, 0)
                if np is not None:
                    return resolve_candidate(Candidate(np[0], np[1], "left", np[2]), view, mentions, blocked, last_plural,
                                             pronoun_ranker, previous_speaker)
            elif w == "who":
                owner = _owner_of_described_who(view, mentions, c.start)
                if owner is not None:  # "Bo Lind, a state delegate and party donor who said"
                    return owner.canonical, "person", owner
                described = _subject_described_before_who(view, mentions, c.start, blocked)
                if described is not None:  # "Trump ... is a serial liar, racist and birther who has pledged"
                    return described.canonical, "person", described
                np = np_ending_at(view, mentions, c.start, view.sent_bounds(view.sent_of[c.start])[0])
                if np is not None and np[2] == "nominal":  # "Trump dismissed critics who called ...": critics
                    a = max([t + 1 for t in range(np[0], np[1] - 1) if is_past_tense(view.lowers[t]) or view.lowers[t] in _VERB_STOPS],
                            default=np[0])
                    return resolve_candidate(Candidate(a, np[1], "left", np[2]), view, mentions, blocked, last_plural,
                                             pronoun_ranker, previous_speaker)
        if kind in ("thing", "plural", "self") and ranks(pronoun_ranker, w):  # the trained ranker, given the rules' answer
            rule = resolve_candidate(c, view, mentions, blocked, last_plural, None, previous_speaker)
            name, typ, m = resolve_referent(view, mentions, c.start, blocked, pronoun_ranker, rule, previous_speaker, last_plural)
            noun = name.split()[-1].lower() if name else ""
            if m is None and noun in word_set("document_nouns.txt"):
                # "X released a statement. It read ...": the document speaks for its issuer
                issuer = issuer_named_before(view, mentions, noun, c.start, RangeIndex.of(blocked))
                if issuer is not None:
                    issuer = spelled_out(mentions, issuer) or issuer
                    return issuer.canonical, issuer.type, issuer
            return name, typ, m
        if kind == "person-sg":
            m = resolve_pronoun(view, mentions, c.start, blocked, pronoun_ranker, previous_speaker)
            if m is not None:
                return m.canonical, "person", m
        body = subject_body_before(view, mentions, c.start, blocked) if kind in ("thing", "plural") else None
        if kind == "plural" and last_plural is not None and (body is None or body.start < last_plural[2]):
            return last_plural[0], last_plural[1], None
        if kind in ("thing", "plural"):
            m = body or _previous_outside(mentions, c.start, ("state", "organization"), blocked)
            if m is not None:
                m = _full_body(view, mentions, m, blocked)
                return m.canonical, m.type, m
        return view.span_text(c.start, c.end), "unknown", None
    # nominal: "Many experts", "the ministry", "Sudan's defense minister"
    head = view.lowers[c.end - 1]
    referent = described_referent(view, mentions, c.start, c.end, blocked, pronoun_ranker, previous_speaker)
    if referent is not None:
        return referent[0].canonical, referent[1], referent[0]
    if head in word_set("document_nouns.txt") and c.end - c.start >= 3 and view.lowers[c.end - 2] in org_nouns:
        # "the government statement" with no body found: the issuer as written ("government")
        return resolve_candidate(Candidate(c.start, c.end - 1, c.kind, "nominal"), view, mentions, blocked, last_plural,
                                 pronoun_ranker, previous_speaker)
    k = c.start
    while k < c.end - 1 and view.lowers[k] in _DETS:
        k += 1
    if k > c.start and view.lowers[k] == "of":
        k = c.start  # "One of the users": the part of the group, not "of the users"
    name = view.span_text(k, c.end)
    name = name.replace(" ’s", "’s").replace(" 's", "'s")
    typ = "organization" if head in org_nouns else "person"
    return name, typ, None


#: most tokens between an appositive's comma and the "who" that ends it
_MAX_APPOSITIVE_WHO = 8


#: most tokens of the predicate noun phrases between "is" and the "who" that ends them
_MAX_PREDICATE = 20


def _subject_described_before_who(view: TextView, mentions: MentionIndex, who: int, blocked: list[tuple[int, int]]) -> Mention | None:
    """The person the sentence opens with when "who" ends the predicate of its "is"/"was" ("Donald
    Trump regularly incites violence and is a serial liar, racist, misogynist and birther who has
    repeatedly pledged ..."): only nouns, adjectives, commas, "and" and articles between the verb
    and "who", and a person's name as the sentence's subject; None otherwise."""
    lowers, words = view.lowers, view.words
    sa = view.sent_bounds(view.sent_of[who])[0]
    t = who - 1
    while t > sa and who - t <= _MAX_PREDICATE and lowers[t] not in {"is", "was"}:
        w = lowers[t]
        if not (w in {",", "and", "a", "an"} or (words[t].isalpha() and words[t].islower() and w not in _NP_STOP_LEFT
                                                  and not is_past_tense(w))):
            return None
        t -= 1
    if lowers[t] not in {"is", "was"} or t == who - 1 or lowers[t + 1] not in {"a", "an"}:
        return None
    a = max([u + 1 for u in range(sa, t) if words[u] == ":"], default=sa)  # "Editor's note: Donald Trump ..."
    np = sentence_subject(view, mentions, a, t, RangeIndex.of(blocked))
    if np is None or np[2] != "name":
        return None
    m = mentions.name_at(np[1] - 1, np[1])
    return m if m is not None and m.type == "person" else None


#: words a description before "who" does not reach back over ("among the 30 percent of voters who")
_VERB_STOPS = frozenset({"among", "from", "to", "with", "by", "for", "against", "at", "on", "in", "is", "are", "was", "were"})


def _owner_of_described_who(view: TextView, mentions: MentionIndex, who: int) -> Mention | None:
    """The person whose appositive a described phrase right before ``who`` ends ("Bo Lind, a state
    delegate and party donor who said": Bo Lind), or None: a person's name, a comma, then a phrase
    opening with an article that holds no other comma or quotation mark."""
    a = view.sent_bounds(view.sent_of[who])[0]
    k = who - 1
    while k > a and who - k <= _MAX_APPOSITIVE_WHO and view.words[k] not in (",", "“", "”", '"'):
        k -= 1
    if k <= a or view.words[k] != "," or view.lowers[k + 1] not in ("a", "an", "the") or k + 2 >= who:
        return None
    m = mentions.name_at(k - 1, k)
    return m if m is not None and m.end == k and m.type == "person" else None


def described_referent(view: TextView, mentions: MentionIndex, i: int, j: int, blocked: list[tuple[int, int]],
                       pronoun_ranker: Any = None, previous_speaker: str | None = None) -> tuple[Mention, str] | None:
    """The person or body a description ``[i, j)`` stands for, and its type: a document's author or issuer
    (:func:`document_author`), the body "the NOUN" names ("the ministry", "the academy"), the person
    "the NOUN" with a role or a gendered noun names ("the archbishop", "the father"); None for any
    other phrase or when the article names no such referent."""
    person_nouns, org_nouns = _nouns()
    author = document_author(view, mentions, i, j, blocked, pronoun_ranker, previous_speaker)
    if author is not None:
        return author, author.type
    head = view.lowers[j - 1]
    if view.lowers[i] != "the":
        return None
    if head in org_nouns:
        body = mentions.resolve_nominal(head, i) or _body_named_before(view, mentions, head, i, blocked)
        if body is not None:
            return body, body.type
    if head in person_nouns and j - i <= 3 and (not head.endswith("s") or head.endswith("ss")):
        # "the archbishop said": the person the article introduced with that role
        # (else "The father said": the nearest man named before)
        m = named_by_role(view, mentions, head, i) or person_of_gendered_noun(view, mentions, i, j, blocked)
        if m is not None:
            return m, "person"
    return None


def _person_by_title(view: TextView, mentions: MentionIndex, m: Mention) -> Mention | None:
    """For a one-word name that is only a title after "the" ("The President insists"), the person the article
    introduced with that title (:func:`stance.speakers.roles.named_by_role`), not a longer name that
    ends in it ("Vice President"); None for any other name or when no person has the title."""
    if m.end - m.start != 1 or m.text not in _titles() or m.type != "person" or m.start == 0:
        return None
    if view.lowers[m.start - 1] != "the":
        return None  # (not "One MP told the BBC": no particular person)
    return named_by_role(view, mentions, m.text.lower(), m.start)


_POSSESSIVE_PRONOUNS = {"his": "person", "her": "person", "its": "", "their": ""}
#: entity types that author a document
_AUTHOR_TYPES = ("person", "organization", "state")
#: sentences back that a bare "the statement" looks for the one who issued a statement
_DOCUMENT_WINDOW = 3


def document_author(view: TextView, mentions: MentionIndex, i: int, j: int, blocked: list[tuple[int, int]],
                    pronoun_ranker: Any = None, previous_speaker: str | None = None) -> Mention | None:
    """The author or issuer of a speaker phrase ``[i, j)`` naming a document (its head noun in
    ``document_nouns.txt``): the possessor ("Judge Miller's statement" -> Miller, "the judge's
    statement" -> the judge named before, "her memoirs" -> who "her" is, "its website" -> the body
    before); a name modifying the noun ("an AEW press release" -> AEW); for a bare "the statement",
    the name nearest before the noun where the article mentioned it last ("X issued a statement.
    ... the statement said"). None when the head is no document noun or no author is found."""
    lowers = view.lowers
    if lowers[j - 1] not in word_set("document_nouns.txt"):
        return None
    index = RangeIndex.of(blocked)
    person_nouns, org_nouns = _nouns()
    for t in range(i + 1, j - 1):
        if lowers[t] not in POSSESSIVE_MARKS:
            continue
        owner = mentions.name_at(t - 1, t)
        if owner is not None and owner.type in _AUTHOR_TYPES:
            full = spelled_out(mentions, owner)
            if full is not None:
                return full
            return _full_body(view, mentions, owner, blocked) if owner.type == "organization" else owner
        if lowers[t - 1] in person_nouns:
            return named_by_role(view, mentions, lowers[t - 1], i)
        if lowers[t - 1] in org_nouns:
            return mentions.resolve_nominal(lowers[t - 1], i) or _body_named_before(view, mentions, lowers[t - 1], i, blocked)
        return None
    first = lowers[i]
    if first in ("his", "her"):
        return resolve_pronoun(view, mentions, i, blocked, pronoun_ranker, previous_speaker)
    if first == "its":
        m = _previous_outside(mentions, i, ("organization", "state"), blocked)
        return _full_body(view, mentions, m, blocked) if m is not None else None
    inner = [m for m in mentions.names_in(i, j - 1) if m.type in _AUTHOR_TYPES and m.end < j]
    if inner:
        m = inner[-1]
        full = spelled_out(mentions, m)
        return full if full is not None else m
    if j - i == 2 and first in ("a", "an"):
        return _issuer_after(view, mentions, j - 1)  # "according to a report on Wednesday by UpGuard"
    if j - i == 3 and first == "the" and lowers[i + 1] in org_nouns:
        # "the government statement": the body "the government" stands for
        return mentions.resolve_nominal(lowers[i + 1], i) or _body_named_before(view, mentions, lowers[i + 1], i, blocked)
    if j - i != 2 or first != "the":
        return None
    return issuer_named_before(view, mentions, lowers[j - 1], i, index)


def issuer_named_before(view: TextView, mentions: MentionIndex, noun: str, i: int, index: RangeIndex) -> Mention | None:
    """Who issued the document ``noun`` ("statement") the article mentioned last before token ``i``
    (within :data:`_DOCUMENT_WINDOW` sentences, outside quotations ``index``): the one named
    after it ("a 1989 report from the NTSB"), else the nearest person or body before it in its
    sentence ("X issued a statement"); None when none is."""
    lowers = view.lowers
    s0 = view.sent_of[min(i, view.n - 1)]
    for t in range(i - 1, -1, -1):
        if s0 - view.sent_of[t] > _DOCUMENT_WINDOW:
            break
        if lowers[t] != noun or index.covers(t, t + 1):
            continue
        after = _issuer_after(view, mentions, t)
        if after is not None:  # "a 1989 report from the National Transportation Safety Board"
            return after
        for m in mentions.names_before(t):
            if view.sent_of[m.start] != view.sent_of[t]:
                break
            if m.type in _AUTHOR_TYPES and not index.covers(m.start, m.end):
                return m
        return None
    return None


def _issuer_after(view: TextView, mentions: MentionIndex, t: int) -> Mention | None:
    """The person or body named right after the document noun at token ``t`` and "from"/"by"/"of"
    (a determiner allowed: "a report from the NTSB"; a time phrase before it: "a report on
    Wednesday by UpGuard"; a title before a person: "a tweet by Secretary of State Mike Pompeo"),
    its acronym spelled out; None otherwise (and for a possessor: "from
    the State Department's inspector general")."""
    k = t + 1
    if time_phrase_at(view, k):
        k += 1 if _is_time_word(view, k) else 2
    if k >= view.n or view.lowers[k] not in ("from", "by", "of"):
        return None
    k += 1
    if k < view.n and view.lowers[k] == "the":
        k += 1
    m = mentions.name_at(k, k + 1) if k < view.n else None
    if m is None and k < view.n:
        np = np_starting_at(view, mentions, k, min(view.n, k + _MAX_SOURCE))
        persons = [x for x in mentions.names_in(np[0], np[1]) if x.type == "person"] if np and np[2] == "name" else []
        if persons:
            return persons[-1]  # "a tweet by US Secretary of State Mike Pompeo"
    if m is None or m.start != k or m.type not in _AUTHOR_TYPES:
        return None
    if m.end < view.n and view.lowers[m.end] in POSSESSIVE_MARKS:
        return None  # "a report from the State Department's inspector general": the possessed issues it
    return spelled_out(mentions, m) or m


def _source_name(c: Candidate, view: TextView, mentions: MentionIndex, blocked: list[tuple[int, int]],
                 pronoun_ranker: Any = None, previous_speaker: str | None = None) -> tuple[str, str, Mention | None]:
    """(name, type, mention) of the phrase after "according to": the name it ends in ("eyewitness
    Vinnie DeVita", "news agency ISNA"); a run of capitalised words naming one body as written ("the
    Philippine Institute of Volcanology and Seismology"); the one a description stands for, as for
    any speaker (:func:`described_referent`: "NDRRMC report" -> the council, "the academy" -> the
    academy named before, "her memoirs" -> who "her" is); else the phrase itself ("reports",
    "Johnson's critics"), a leading his/her/its/their made the nearest person or body named before
    ("his publicist" -> "Tony Mendez's publicist")."""
    person_nouns, org_nouns = _nouns()
    k = c.start
    while k < c.end - 1 and view.lowers[k] in ("the", "a", "an"):
        k += 1
    head = mentions.name_at(c.end - 1, c.end)
    # "Commissioner James Rovella of the Connecticut Department of ...": the person, not the body
    owner = next((m for m in mentions.names_in(k, c.end)
                  if m.type == "person" and m.end < c.end and view.lowers[m.end] in {"of", "at", "from", "with"}), None)
    if head is not None and owner is not None:
        head = owner
    if head is not None and head.type in ("person", "organization", "state"):
        inner = [m for m in mentions.names_in(k, c.end) if m.type in ("person", "organization", "state", "unknown")]
        caps = all(view.words[t][:1].isupper() or view.lowers[t] in _NAME_JOINERS for t in range(k, c.end))
        joined = any(view.lowers[t] in ("of", "for", "and") for t in range(k, head.start))
        if head.start <= k or not caps or len(inner) <= 1 or not joined and head.type == "person":
            return head.canonical, head.type, head
        return _joined(view, k, c.end), "organization", None
    referent = described_referent(view, mentions, c.start, c.end, blocked, pronoun_ranker, previous_speaker)
    if referent is not None:
        return referent[0].canonical, referent[1], referent[0]
    low = view.lowers[c.end - 1]
    typ = "person" if low in person_nouns else "organization" if low in org_nouns else "unknown"
    name = _joined(view, k, c.end)
    first = view.lowers[k]
    if first in _POSSESSIVE_PRONOUNS and c.end - k > 1:
        owner = mentions.previous(k, ("person",) if _POSSESSIVE_PRONOUNS[first] else ("organization", "state", "person"), max_sents=8)
        if owner is not None:
            name = f"{owner.canonical}'s {_joined(view, k + 1, c.end)}"
    return name, typ, None


def _joined(view: TextView, i: int, j: int) -> str:
    """Text of tokens ``[i, j)`` with a possessive joined to its word."""
    return view.span_text(i, j).replace(" ’s", "’s").replace(" 's", "'s")


#: head nouns of "the NOUN" that stand for any company or body named before ("the company said")
_GENERIC_BODIES = frozenset({"company", "firm", "organization", "organisation", "group", "corporation", "business",
                             "charity", "publisher", "studio", "network", "carrier", "airline", "retailer", "manufacturer",
                             "club", "team", "band", "developer", "startup", "outlet", "broadcaster", "newspaper"})
#: sentences back that "the company" looks for the body it stands for
_BODY_WINDOW = 4


def _body_named_before(view: TextView, mentions: MentionIndex, head: str, i: int,
                       blocked: list[tuple[int, int]]) -> Mention | None:
    """The body "the NOUN" at token ``i`` stands for, named outside quotations before it: a name
    holding the noun, anywhere before ("the academy" -> "Royal Swedish Academy of Sciences", named
    in the first sentence), else, for a generic noun ("the company"), the nearest organisation in
    the :data:`_BODY_WINDOW` sentences before."""
    index = RangeIndex.of(blocked)
    s0 = view.sent_of[i]
    generic = head in _GENERIC_BODIES
    nearest = None
    for m in mentions.names_before(i):
        near = s0 - view.sent_of[m.start] <= _BODY_WINDOW
        if not near and generic:
            break
        if m.end > i or index.covers(m.start, m.end) or m.type in ("demonym", "state"):
            continue
        if head in m.text.lower().split() and m.type != "person":
            return m
        if generic and nearest is None and (m.type == "organization" or m.type == "person" and not mentions.gender_of(m.canonical)):
            nearest = m  # (a body's type is often guessed "person"; a person with a gender is none)
    return nearest


def _full_body(view: TextView, mentions: MentionIndex, m: Mention, blocked: list[tuple[int, int]]) -> Mention:
    """The body's full name for a one-word organisation name that is only its head noun ("The
    Department" after "California Department of Corrections"), else ``m``."""
    head = m.text.lower()
    if " " in m.text or head not in _nouns()[1]:
        return m
    full = _body_named_before(view, mentions, head, m.start, blocked)
    return full if full is not None and " " in full.text else m


#: small words an acronym skips ("Recording Industry Association of America" -> RIAA)
_ACRONYM_SKIPS = frozenset({"of", "for", "and", "the", "on", "in", "&"})


def spelled_out(mentions: MentionIndex, m: Mention) -> Mention | None:
    """The body or state an acronym mention stands for ("NHC" -> "National Hurricane Center"): a name
    of the article whose capitalised words' initials, or those of its last words, spell it; None
    when ``m`` is no acronym of 2-6 capitals or no name spells it."""
    text = m.text
    if m.type != "demonym" and " " not in text and 2 <= len(text) <= 8 and text[:1].isupper():
        defined = defined_in_parentheses(mentions, text)
        if defined is not None and defined is not m:
            return defined
    if not is_acronym(text, min_len=2, max_len=6) or m.type == "demonym":
        return None  # (an acronym's type is often guessed wrong, "person" included)
    for o in mentions.names:
        if o is m or o.text == text or o.type == "demonym" or len(o.canonical.split()) < 2:
            continue
        initials = "".join(w[0] for w in o.canonical.split() if w.lower() not in _ACRONYM_SKIPS and w[:1].isupper())
        if initials == text or len(initials) > len(text) and initials.endswith(text):
            return o
    return None


#: sentences back (besides its own) that "it said" looks for a body that was a sentence's subject
_SUBJECT_WINDOW = 2


def subject_body_before(view: TextView, mentions: MentionIndex, i: int, blocked: list[tuple[int, int]]) -> Mention | None:
    """The organisation or state an "it" at token ``i`` stands for when one opens a sentence
    (its subject, after at most a determiner) in ``i``'s sentence or the :data:`_SUBJECT_WINDOW`
    before: the nearest such ("NASA interrupted its coverage of an International Space Station
    spacewalk. It also credited ..." -> NASA, not the station); None when none does."""
    index = RangeIndex.of(blocked)
    s0 = view.sent_of[i]
    for m in mentions.names_before(i):
        s = view.sent_of[m.start]
        if s0 - s > _SUBJECT_WINDOW:
            return None
        if m.end > i or m.type not in ("organization", "state") or index.covers(m.start, m.end):
            continue
        a = view.sent_bounds(s)[0]
        if all(view.lowers[t] in ("the", "a", "an") for t in range(a, m.start)):
            return _full_body(view, mentions, m, blocked)
    return None


def defined_in_parentheses(mentions: MentionIndex, short: str) -> Mention | None:
    """The body or state of two or more words the article writes with ``short`` in parentheses
    right after it ("the Philippine Institute of Volcanology and Seismology (Phivolcs)", "The
    Georgian Tennis Federation (GFT)"): the short form stands for it wherever it is used; None
    when no name is so defined."""
    defined = _DEFINITIONS.get(mentions)
    if defined is None:  # built once per document
        defined = {}
        for word, o in mentions.bracketed_forms:
            if o.type in ("organization", "state") and " " in o.canonical:
                defined.setdefault(word, o)
        _DEFINITIONS[mentions] = defined
    return defined.get(short)


#: per document (its MentionIndex): short form -> the name it is defined after in parentheses
_DEFINITIONS: "weakref.WeakKeyDictionary[MentionIndex, dict[str, Mention]]" = weakref.WeakKeyDictionary()


def _previous_outside(mentions: MentionIndex, i: int, types: tuple[str, ...], blocked: list[tuple[int, int]]) -> Mention | None:
    k = i
    for _ in range(30):
        m = mentions.previous(k, types, max_sents=4)
        if m is None:
            return None
        if not RangeIndex.of(blocked).covers(m.start, m.end):
            return m
        k = m.start
    return None
