"""Noun phrases around a reporting cue: the phrase ending before it and the one starting after it,
time phrases, the source after "according to", titled and coordinated names, and the descriptive
phrase beside a quotation ("one official said").
"""

from __future__ import annotations

from functools import lru_cache

from stance.quotations.tokens import FUNCTION_WORDS, QUOTE_MARKS
from stance.speakers.role_lexicon import CAMPAIGN_NOUNS, role_nouns
from stance.speakers.role_of_phrases import ROLE_OF_PREPS, is_role_of_head, object_end
from stance.speakers.roles import named_by_role
from stance.text.lexicons import (ARTICLES, AUXILIARIES, DETERMINERS, SUBJECT_PRONOUNS, cue_lexicon, pronoun_kinds, role_words, rule_words,
                                  time_words, weekdays, word_set)
from stance.text.entity_types import HONORIFICS
from stance.text.mentions import Mention, MentionIndex
from stance.text.verb_forms import is_past_form
from stance.text.view import POSSESSIVE_MARKS, TextView


#: auxiliaries and adverbs skipped going back from a cue to its subject ("X has also said", "X would
#: later tell", "X flatly denied")
SKIP_LEFT = rule_words("skip_left")
#: determiners and quantifiers that may open a speaker noun phrase ("the", "many", "two", "those")
DETS = rule_words("np_dets")
QUOTE_CHARS = QUOTE_MARKS  # (the quotation marks' one definition: stance.quotations.tokens)


@lru_cache(maxsize=1)
def nouns() -> tuple[frozenset[str], frozenset[str]]:
    return word_set("person_nouns.txt"), word_set("org_nouns.txt")


#: words that never open a speaker noun phrase: the phrase starts after them ("and the officials", "said the minister")
NP_STOP_LEFT = rule_words("np_stop_left")
#: sentence adverbs and subordinators that are never part of a noun phrase ("Yet many officials",
#: "although his advisers say"), though a subject may follow them: the phrase starts after them
CLAUSE_OPENERS = rule_words("np_clause_openers")
#: words naming a part of a group before "of the ..." ("One of the victims")
_PART_WORDS = rule_words("part_words")
#: quantifiers before a plural party or group label that make it some of its members ("Other
#: Republicans", "Many Democrats"), not the body
QUANTIFIERS = rule_words("group_label_quantifiers")
#: prepositions whose object is never the subject of the cue right after it
OBJECT_PREPS = rule_words("object_preps")
#: lowercase particles that open a surname after a title or honorific ("Mayor de Blasio", "Mr. van Rompuy")
_SURNAME_PARTICLES = word_set("surname_particles.txt")
#: abbreviated honorifics and titles before a speaker's name ("Mr.", "Sen.", "Capt.")
_HONORIFICS = frozenset(h for h in HONORIFICS if h.endswith("."))


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
    if j - 2 >= lo and view.lowers[j - 2] == "those" and is_past_form(w):
        return j - 2, j, "nominal"  # "those surveyed said", "those polled say": the people the participle names
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
            if owner is None and m.type == "person":
                start = _coordinated_start(view, mentions, start, lo)  # "Biden and Sanders announced"
            described = role_phrase_before(view, mentions, start if owner is None else owner, lo)
            if described is not None:
                return described, j, "nominal"  # "the foreign minister of Ukraine said": not Ukraine
            return (start if owner is None else owner), j, "name"
    person_nouns, org_nouns = nouns()
    # a body noun or its plural: "the court said", "Federal courts said", "Protest groups say"
    body = w in org_nouns or (w.endswith("s") and w[:-1] in org_nouns)
    if w in person_nouns or body or w in word_set("document_nouns.txt") or w in role_nouns():
        # (a head WordNet knows for people, too: "Mrs. Roe's confidants", "one Doe confidant")
        k = j - 1
        while k - 1 >= lo:
            p = view.lowers[k - 1]
            word = view.words[k - 1]
            if is_time_word(view, k - 1):
                break
            if k - 2 >= lo and is_past_form(p) and _heads_phrase(view, mentions, k - 2):
                return None  # "The Vermont senator emailed supporters saying": the verb's object, no subject
            if p in CLAUSE_OPENERS:
                break  # "although his advisers say": the phrase starts after it
            if p in DETS or p in POSSESSIVE_MARKS or (p.isalpha() and p not in SKIP_LEFT and p not in NP_STOP_LEFT and len(p) > 1) or p == "-" or p[:1].isdigit():
                k -= 1
                if p in DETS:
                    break
                continue
            if word[:1].isupper() and p not in SKIP_LEFT and p not in NP_STOP_LEFT:
                k -= 1  # ("On Thursday officials said": "officials", not the time phrase)
                continue
            break
        if k - 2 >= lo and view.lowers[k - 1] == "of" and view.lowers[k - 2] in _PART_WORDS:
            k -= 2  # "One of the users said": the part of the group speaks
        if j - k > 6:
            k = j - 6
        if w not in person_nouns and not body and w not in role_nouns() and view.lowers[k] in ("a", "an"):
            return None  # "issued a statement saying": a document it issued, not the speaker
        described = role_phrase_before(view, mentions, k, lo)
        if described is not None:
            return described, j, "nominal"  # "A spokesman for the buyer", "the spokesman of the ministry"
        if (k - 1 >= lo and view.lowers[k - 1] in OBJECT_PREPS | {"for", "by"} and w not in person_nouns
                and not body and w not in word_set("document_nouns.txt")):
            return None  # "met the buyer said": a WordNet person noun after a preposition is no subject
        owner = _person_before_body(view, mentions, k, lo)
        if owner is not None:  # "Crystal C'Bearing of the Northern Arapaho tribal historic preservation office"
            return owner, j, "name"
        return k, j, "nominal"
    # "the 34-year-old mother of three", "the ad's narrator of ...": a determiner-led phrase
    # whose head is a person noun followed by a short "of" phrase
    if w in NP_STOP_LEFT or not (w.isalpha() or w[:1].isdigit()):
        return None
    k = j - 1
    while k - 1 >= lo and j - k < 5 and view.lowers[k - 1] not in NP_STOP_LEFT - {"of"} and view.words[k - 1] not in {",", ".", "“", '"', "''", "—"}:
        if is_past_form(view.lowers[k - 1]):
            return None  # "the former secretary of state talked about continuing": a verb, no "of" phrase
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
TIME_LEADS = rule_words("time_leads")
#: prepositions that open a time phrase with an article ("during a Sunday", "on the Monday")
ARTICLE_TIME_LEADS = rule_words("article_time_leads")
#: words of time that are also common words; time words only when capitalised
_AMBIGUOUS_TIME = rule_words("ambiguous_time_words")
#: subject pronouns that may stand for a speaker (not "you")
SPEAKER_PRONOUNS = SUBJECT_PRONOUNS - {"you"}
#: the time words that are days of the week (capitalised; the others, "yesterday", are not)
WEEKDAYS = frozenset(weekdays())
#: longest source phrase after "according to", in tokens
MAX_SOURCE = 14


#: words a name may hold between its capitalised words ("Institute of Volcanology and Seismology")
NAME_JOINERS = frozenset({"of", "for", "and", "the", "de", "&", "-", "on"}) | POSSESSIVE_MARKS



def is_time_word(view: TextView, k: int) -> bool:
    w = view.lowers[k]
    return w in time_words() and (w not in _AMBIGUOUS_TIME or view.words[k][:1].isupper())


def time_phrase_at(view: TextView, k: int) -> bool:
    """Whether a time phrase starts at token ``k`` ("on Thursday", "last week", "yesterday"; not
    "Monday's report")."""
    if k >= view.n:
        return False
    if view.lowers[k] in TIME_LEADS:
        return k + 1 < view.n and is_time_word(view, k + 1)
    return is_time_word(view, k) and (k + 1 >= view.n or view.lowers[k + 1] not in POSSESSIVE_MARKS)


def according_source(view: TextView, mentions: MentionIndex, cue_end: int, hi: int) -> tuple[int, int] | None:
    """The source phrase after "according to" (tokens from ``cue_end``, before ``hi``): up to a
    comma, a clause word ("who", "that"), a parenthesis, a quotation mark or a time phrase; a
    person named in apposition after a description ("his wife, Amanda,") included; a place after
    a capitalised body ("... Prevention in the United States") left out."""
    end = cue_end
    while end < hi and end - cue_end < MAX_SOURCE:
        if view.lowers[end] in _SOURCE_STOPS or view.words[end] in QUOTE_CHARS or time_phrase_at(view, end):
            break
        end += 1
    while end > cue_end and view.lowers[end - 1] in {"and", "or", "of", "the", "a", "an", "by"}:
        end -= 1
    if end <= cue_end:
        return None
    # "his wife, Amanda," / "the city's mayor, Jane Roe,": the person the description names
    if end + 1 < hi and view.words[end] == "," and (view.lowers[end - 1] in nouns()[0] or view.lowers[end - 1] in role_words()):
        m = mentions.name_at(end + 1, end + 2)
        if (m is not None and m.type == "person" and m.start == end + 1
                and (m.end >= hi or view.words[m.end] in {",", "."})):
            return cue_end, m.end
    # "the Centers for Disease Control and Prevention in the United States": the body, not where it is
    k = cue_end + 1
    while k < end and (view.words[k][:1].isupper() or view.lowers[k] in NAME_JOINERS - {"on"}):
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
    """The noun phrase starting at token ``i`` (ending by ``hi``); when a person is named right
    after it as the one it describes ("said Narvia Party chairman Jane Roe", "said party boss Jane Roe",
    "said the bureau's director, Jane Roe"), that person (:func:`_person_described_after`)."""
    np = _np_starting_at(view, mentions, i, hi)
    if np is not None and np[2] != "pronoun":
        person = _person_described_after(view, mentions, np[1], hi)
        if person is not None:
            return person.start, person.end, "name"
    return np


def _person_described_after(view: TextView, mentions: MentionIndex, k: int, hi: int) -> Mention | None:
    """The person named after the phrase that ends at token ``k`` when the phrase and one to three
    lowercase words after it (no function word among them, the last a role noun or a body noun)
    describe that person: "Narvia Party chairman Jane Roe", "party boss Jane Roe",
    "the bureau's director, Jane Roe" (a possessive before the words, a comma after them); None
    otherwise."""
    possessive = k < hi and view.lowers[k] in POSSESSIVE_MARKS
    j = k + 1 if possessive else k
    start = j
    while j < hi and j - start < 3 and view.words[j].isalpha() and view.words[j].islower() and view.lowers[j] not in FUNCTION_WORDS:
        j += 1
    if j == start or not (view.lowers[j - 1] in role_nouns() or view.lowers[j - 1] in nouns()[1]):
        return None
    if possessive and j < hi and view.words[j] == ",":
        j += 1  # "the bureau's director, Jane Roe"
    m = mentions.name_at(j, j + 1) if j < hi else None
    return m if m is not None and m.start == j and m.type == "person" else None


def _np_starting_at(view: TextView, mentions: MentionIndex, i: int, hi: int) -> tuple[int, int, str] | None:
    """The noun phrase starting at token ``i`` (ending by ``hi``), as written."""
    if i >= hi:
        return None
    w = view.lowers[i]
    if w in SPEAKER_PRONOUNS:
        return i, i + 1, "pronoun"
    m = mentions.name_at(i, i + 1)
    if (w in NP_STOP_LEFT and w != "that" or w in CLAUSE_OPENERS) and (m is None or m.start != i):
        return None  # a clause word opens no phrase ("But other advisers": the phrase starts after it)
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
            campaign = _campaign_after(view, m, hi)
            if campaign is not None:
                return min(i, m.start), campaign, "nominal"  # "Sanders's campaign said", not Sanders
            possessed = _possessed_person_after(view, m, hi)
            if possessed is not None:
                return min(i, m.start), possessed, "nominal"  # "Grayson's spokeswoman challenged", not Grayson
            return min(i, m.start), _coordinated_end(view, mentions, m, hi), "name"  # "said A, B and C"
        return min(i, m.start), (titled.end if titled is not None else m.end), "name"
    # capitalised title words before a name: "said Russian Foreign Minister Sergei Lavrov"
    if view.words[i][:1].isupper():
        for m in mentions.names_in(i, min(hi, i + 8)):
            if m.type in ("person", "organization") and all(x[:1].isupper() or x in {"of", "for", "the", "and"}
                                                            for x in view.words[i : m.start]):
                campaign = _campaign_after(view, m, hi)
                if campaign is not None:
                    return i, campaign, "nominal"  # "The Sanders campaign responded": the campaign
                return i, m.end, "name"
            break
    # honorifics and lowercase title words before a name: "said Mr. McGinley", "said 9/11 widow
    # Terry Strada", "said panel Chairman Rep. X"
    person_nouns, org_nouns = nouns()
    k = i
    while k < hi and k - i < 5:
        lw = view.lowers[k]
        if lw in _HONORIFICS or view.words[k] in _titles() or (k > i and lw in person_nouns) or (k == i and (lw[:1].isdigit() or lw in DETS or lw in person_nouns)):
            k += 1
            m = mentions.name_at(k, k + 1) if k < hi else None
            if m is None and k + 1 < hi and view.words[k] in _SURNAME_PARTICLES:
                m = mentions.name_at(k + 1, k + 2)  # "Mayor de Blasio": a surname with its particle
                if m is not None and (m.start != k + 1 or m.type != "person"):
                    m = None
            if m is not None and m.type not in ("demonym",) and m.start >= k - 1:
                campaign = _campaign_after(view, m, hi)
                if campaign is not None:
                    return i, campaign, "nominal"  # "the Rubio campaign risks ... by dismissing"
                # "a former Republican staffer"; a person's name after a determiner modifies the noun
                # after it ("one Doe confidant", "a Roe aide")
                tail = _noun_after(view, m.end, hi) if m.type != "person" or view.lowers[i] in DETS else None
                return (i, tail, "nominal") if tail is not None else (i, m.end, "name")
            continue
        break
    k = i
    if w in DETS or view.words[i][:1].isupper() or w in POSSESSIVE_MARKS:
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
            served = (object_end(view, mentions, k + 2, hi)
                      if k + 2 < hi and view.lowers[k + 1] in ROLE_OF_PREPS and is_role_of_head(view.words[k]) else None)
            return i, (k + 1 if served is None else served), "nominal"  # "said the foreign minister of Ukraine"
        if not (lw.isalpha() or view.words[k][:1].isupper() or lw in POSSESSIVE_MARKS or lw == "-" or lw[:1].isdigit()):
            break
        k += 1
    if w in person_nouns or w in org_nouns:
        return i, i + 1, "nominal"
    return None


def _heads_phrase(view: TextView, mentions: MentionIndex, t: int) -> bool:
    """Whether token ``t`` ends a speaker phrase: a person or body noun (or its plural), or a name."""
    m = mentions.name_at(t, t + 1)
    return _speaker_noun(view.lowers[t]) or (m is not None and m.end == t + 1)


def _campaign_after(view: TextView, m: Mention, hi: int) -> int | None:
    """The end of a campaign noun right after the person name ``m`` (before ``hi``), with or
    without a possessive ("the Sanders campaign", "Trump's campaign"): the phrase names the
    campaign, which speaks, not the person; None when none follows or ``m`` names no person."""
    if m.type != "person":
        return None
    k = m.end + 1 if m.end < hi and view.lowers[m.end] in POSSESSIVE_MARKS else m.end
    return k + 1 if k < hi and view.lowers[k] in CAMPAIGN_NOUNS else None


def _possessed_person_after(view: TextView, m: Mention, hi: int) -> int | None:
    """The end of the people a person's possessive names right after the name ``m`` (before
    ``hi``): a possessive and a short run of lowercase words ending in a noun for people
    ("Grayson's spokeswoman", "Clinton's lawyers", "Obama's first five questioners"): they speak,
    not the person; None when no such phrase follows."""
    if m.end >= hi or view.lowers[m.end] not in POSSESSIVE_MARKS:
        return None
    j = _noun_after(view, m.end + 1, hi)
    return j if j is not None and view.lowers[j - 1] in role_nouns() else None


def _speaker_noun(w: str) -> bool:
    """Whether ``w`` is a person or body noun, or the plural of one ("groups")."""
    person_nouns, org_nouns = nouns()
    return w in person_nouns or w in org_nouns or w[-1:] == "s" and (w[:-1] in person_nouns or w[:-1] in org_nouns)


#: words that close a time phrase before a sentence's subject ("A few days later", "Two years ago")
_TIME_ENDS = rule_words("time_ends")


#: forms of "read" that report a document's words ('"...," reads the statement')
_READ_FORMS = rule_words("read_forms")


def _document_after_read(view: TextView, i: int) -> bool:
    """Whether the phrase at token ``i`` follows an inverted "read(s)" ('"...," reads the statement'),
    where a document phrase is the speaker."""
    return i > 0 and view.lowers[i - 1] in _READ_FORMS


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
    if j == k + 1 or not (last in nouns()[0] or last in role_words()):
        return None
    if j < hi and view.words[j] == ",":
        j += 1
    m = mentions.name_at(j, j + 1) if j < hi else None
    return m if m is not None and m.start == j and m.type == "person" else None


def _noun_after(view: TextView, k: int, hi: int) -> int | None:
    """End of a short run of lowercase words from token ``k`` whose last is a person or body noun
    (the "businessman" of "the New York businessman"; a noun WordNet knows for people, too:
    "confidant"), or None."""
    person_nouns, org_nouns = nouns()
    j = k
    while j < hi and j - k < 3 and view.words[j].isalpha() and view.words[j].islower():
        j += 1
        if view.lowers[j - 1] in person_nouns or view.lowers[j - 1] in org_nouns or view.lowers[j - 1] in role_nouns():
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
    person_nouns = nouns()[0]
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
ATTACHING_PREPS = rule_words("attaching_preps")


def _person_before_body(view: TextView, mentions: MentionIndex, start: int, lo: int) -> int | None:
    """Start of the person named before the body or place that starts at token ``start`` and follows
    "of"/"at"/"from" (and more capitalised words): "Yvette Cooper of the Labour Party", "Ryan
    Norris of the University of Guelph in Ontario" -> the person's start."""
    # walk left over the body's words ("of the University of Guelph in Ontario") to an
    # "of"/"at"/"from" right after a person's name
    k = start - 1
    while k - 1 >= lo and start - k <= 12:
        w = view.lowers[k]
        if w in ATTACHING_PREPS:
            prev = mentions.name_at(k - 1, k)
            if prev is not None and prev.type == "person" and prev.end == k and prev.start >= lo and view.words[prev.start][:1].isupper():
                return _titles_before(view, prev.start, lo)
        if not (view.words[k][:1].isupper() or w in NAME_JOINERS or w == "in"):
            return None
        k -= 1
    return None


def role_phrase_before(view: TextView, mentions: MentionIndex, start: int, lo: int) -> int | None:
    """Start of the unnamed role phrase before "of"/"for" and the object starting at token
    ``start`` (its article included), not before ``lo``: "the foreign minister of Ukraine", "a
    spokesperson for the European Commission", "The head of the police's internal investigators",
    "the wife of John Smith" -> the start of "the foreign minister", ...: the described person
    speaks (:mod:`stance.speakers.role_of_phrases`); None when no such phrase comes before ("the
    government of Ukraine", "the people of France", "Yvette Cooper of the Labour Party")."""
    p = start - 1
    if p >= lo and view.lowers[p] == "the":
        p -= 1
    if p - 1 < lo or view.lowers[p] not in ROLE_OF_PREPS or not is_role_of_head(view.words[p - 1]):
        return None
    np = np_ending_at(view, mentions, p, lo)
    if np is None or np[1] != p or np[2] != "nominal" or mentions.names_in(np[0], p):
        return None
    return np[0]


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


def is_person_name(mentions: MentionIndex, np: tuple[int, int, str]) -> bool:
    """Whether the noun phrase ``np`` is a name whose head mention is a person (capitalised: not
    "of Tesco")."""
    if np[2] != "name":
        return False
    m = mentions.name_at(np[1] - 1, np[1])
    return m is not None and m.type == "person" and m.text[:1].isupper()


def role_before_name(view: TextView, i: int, j: int) -> bool:
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
            and (last in role_words() or last in nouns()[0]))


#: endings of nouns of a person's occupation ("herpetologist", "historian", "teacher", "director")
_AGENT_ENDINGS = ("ist", "ian", "er", "or", "ant", "ent")


def person_before_appositive(view: TextView, mentions: MentionIndex, np: tuple[int, int, str] | None,
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
_PHRASE_LEADS = rule_words("phrase_leads")
#: punctuation and marks between a quotation's words and the phrase after it
QUOTE_TAIL = frozenset({",", "?", "!", "—", "--", "”", '"', "''", "’"})
#: longest such phrase, in tokens
_MAX_PHRASE = 6
#: number words that start a second phrase inside one ("Another featured five photos")
_NUMBER_WORDS = rule_words("phrase_number_words")


def phrase_beside_quote(view: TextView, i: int, j: int) -> tuple[int, int, str] | None:
    """The tokens ``[i, j)`` between a quotation and its cue ('"...," the crowd yelled'), or between
    an inverted cue and the sentence's end ('"...," wrote one commenter.'), or between a clause's
    start and its cue ("Several said ...", "14 percent said ..."), as a nominal speaker phrase when,
    after the quotation's closing marks and comma, they are a short phrase led by a determiner or
    quantifier ("the billionaire business mogul", "another", "those") or a number and its noun, of
    plain words ending in a lowercase word (a name is a mention and found elsewhere); None
    otherwise."""
    while i < j and view.words[i] in QUOTE_TAIL:
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
        if t > i + 1 and is_past_form(w) and _speaker_noun(view.lowers[t - 1]):
            return None  # a verb after the phrase: "The Vermont senator emailed supporters saying"
    return i, j, "nominal"


def person_by_title(view: TextView, mentions: MentionIndex, m: Mention) -> Mention | None:
    """For a one-word name that is only a title after "the" ("The President insists"), the person the article
    introduced with that title (:func:`stance.speakers.roles.named_by_role`), not a longer name that
    ends in it ("Vice President"); None for any other name or when no person has the title."""
    if m.end - m.start != 1 or m.text not in _titles() or m.type != "person" or m.start == 0:
        return None
    if view.lowers[m.start - 1] != "the":
        return None  # (not "One MP told the BBC": no particular person)
    return named_by_role(view, mentions, m.text.lower(), m.start)
