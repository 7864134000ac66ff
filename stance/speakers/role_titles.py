"""Roles before the name: the role words and title before a person ("U.S. Secretary of State
Marco Rubio", "its leader Kim Jong Un"), the first of two roles, a title before its acronym
("Member of Parliament (MP)"), a title "of the" state, a title inside a name, and a member of a
named body ("members of the Senate Judiciary Committee").
"""

from __future__ import annotations

from stance.speakers.role_lexicon import (
    CAMPAIGN_NOUNS, MEMBER_PREPS, PREPS, QUANTIFIED_DETS, STOP_APPOS, VERBAL, capitalised_title_words, is_field_word,
    is_role_head, listed_role_nouns, multiword_role_start, role_nouns, singular_role, study_rank, title_modifiers_lower, titles_lower,
)
from stance.speakers.role_owners import OPENERS, common_opener, opens_phrase, owner_before, place_owner, side_of, state_body_before
from stance.text.entity_types import entity_lexicons
from stance.text.lexicons import gazetteer, party_labels, role_words, stop_words, titles, word_set
from stance.text.mentions import Mention, MentionIndex
from stance.text.view import POSSESSIVE_ENDINGS, TextView


_OBJECT_PREPS = PREPS | {"to", "against", "toward", "on", "by"}


def _role_words_before(view: TextView, i: int) -> int:
    """Start of the lowercase role ending at token ``i`` (a person noun): "press secretary",
    "comic artist", "general secretary", "pop culture professor", "civil and environmental
    engineering professor"; at most three words before the head, and a field joined by "and"."""
    words = role_words()
    k = i
    while k - 1 >= 0 and i - k < 3 and view.words[k - 1].islower() and (view.lowers[k - 1] in words or is_field_word(view.words[k - 1])):
        k -= 1
    if k < i and k >= 2 and view.lowers[k - 1] == "and" and is_field_word(view.words[k]) and is_field_word(view.words[k - 2]):
        k -= 2  # two fields joined by "and": "civil and environmental engineering professor"
    if k - 1 >= 0 and i - k < 3 and (view.lowers[k - 1] in words | title_modifiers_lower() or _common_capitalised(view, k - 1)):
        if opens_phrase(view, k - 1):
            k -= 1  # "Prime minister Jane Doe", "Lead author Jane Doe", "Planetary scientist Jane Doe" opening a sentence
    return k


def _common_capitalised(view: TextView, t: int) -> bool:
    """Whether token ``t``, capitalised, is a common word that only its place capitalises and a
    field word once lowercased ("Planetary", "Fashion", "Medical" opening a sentence;
    :func:`~stance.speakers.role_owners.common_opener`)."""
    return is_field_word(view.words[t].lower()) and common_opener(view, t)


def role_before(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
    """"its leader Kim Jong Un", "North Korea's leader Kim", "analyst Moon", "UCL astronomer
    Angelos Tsiaras", "Pentagon press secretary John Kirby"; the second of a pair under a plural
    role: "NASA astronauts Bob Roe and Doug Hurley" -> (astronaut, NASA), also in a longer list:
    "actors Dan Roe, Ron Doe, and John Poe" -> (actor, None)."""
    if m.type == "person" and m.start >= 2 and view.words[m.start - 1] in {"and", ","}:
        cur = m
        for _ in range(8):
            k = cur.start - 1
            if k >= 1 and view.words[k] == "and" and view.words[k - 1] == ",":
                k -= 1  # the serial comma: "..., and John Poe"
            if k < 1 or view.words[k] not in {"and", ","}:
                break
            prev = mentions.name_at(k - 1, k)
            if prev is None or prev.end != k or prev.type != "person":
                break
            cur = prev
            r, a = _role_before_one(view, mentions, cur)
            if r:
                if r.endswith("s") and r.split()[-1][:-1].lower() in role_nouns():
                    return r[:-1], a
                break
    role, aff = _role_before_one(view, mentions, m)
    if role and m.type == "person" and _opens_a_pair(view, mentions, m):
        # "officers Antoine Roe and Nicolas Doe": each of them one officer
        words = role.split()
        role = " ".join([*words[:-1], singular_role(words[-1])])
    return role, aff


def _opens_a_pair(view: TextView, mentions: MentionIndex, m: Mention) -> bool:
    """Whether another person's name follows the person ``m`` after "and" or a comma ("Antoine
    Roe and Nicolas Doe")."""
    k = m.end
    if k < view.n and view.words[k] == ",":
        k += 1
    if k < view.n and view.lowers[k] == "and":
        k += 1
    if k == m.end:
        return False
    nxt = mentions.name_at(k, k + 1)
    return nxt is not None and nxt.start == k and nxt.type == "person"


def _role_before_one(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
    """:func:`role_before` for the words right before one name."""
    i = m.start - 1
    title_words = capitalised_title_words()
    while i > 1 and m.start - i <= 3 and view.words[i] in title_words:
        i -= 1  # "archbishop Monsenor Jorge Eduardo Scheinig": the title was split from the name
    if i < 0:
        return None, None
    if i == m.start - 1 and i >= 1 and view.words[i] in POSSESSIVE_ENDINGS and m.type == "person":
        # "Gallup's Jane Roe", "CNN's Tom Roe": the organisation the person speaks for
        owner = mentions.name_at(i - 1, i)
        if owner is not None and owner.end == i and owner.type == "organization":
            return None, owner.canonical
    if i == m.start - 1 and i >= 1 and view.words[i] == "." and f"{view.words[i - 1]}." in titles():
        # "Sens. Jane Roe": a title abbreviation the tokenizer split from its dot
        return titles()[f"{view.words[i - 1]}."] or f"{view.words[i - 1]}.", None
    person_nouns = role_nouns()
    w = view.lowers[i]
    sent_start = view.sent_bounds(view.sent_of[i])[0]
    for n in (4, 3):
        # a title of several words written lowercase: "former secretary of state Hillary Clinton"
        a = m.start - n
        if a >= sent_start and view.lowers[a + 1] == "of" and all(view.words[t].islower() for t in range(a, m.start)):
            if " ".join(view.lowers[a : m.start]) in titles_lower():
                if a - 1 >= sent_start and view.lowers[a - 1] == "former":
                    a -= 1
                return view.span_text(a, m.start), None
    if (i >= 3 and w in word_set("org_nouns.txt") and view.words[i].islower() and view.lowers[i - 1] == "the"
            and view.lowers[i - 2] == "of" and view.lowers[i - 3] in person_nouns and view.words[i - 3].islower()):
        # "speaker of the parliament Ali Larijani"
        return view.span_text(_role_words_before(view, i - 3), i + 1), None
    c = multiword_role_start(view.lowers, i, sent_start) if i == m.start - 1 and view.words[i].islower() else None
    if c is not None:
        # "Caloundra half back Jane Roe": a position of two words, the team named before it
        k = _role_words_before(view, c) if c > sent_start else c
        owner = _role_owner(view, mentions, k, i) if k > sent_start else None
        return view.span_text(k, i + 1).replace(" - ", "-"), owner
    if w not in listed_role_nouns() and m.type == "person" and i == m.start - 1 and view.words[i].islower():
        # a noun only WordNet knows ("herpetologist David Roe"): not when the name modifies a noun
        # after it ("many diehard Roe supporters"), and the first of two descriptions joined by
        # "and" as for an unknown word ("businessman and Trump loyalist Stephen Roe")
        if not ends_its_phrase(view, m):
            return None, None
        first = _first_of_two_roles_before(view, mentions, i, sent_start)
        if first != (None, None) or w not in person_nouns:
            return first
    if w not in person_nouns:
        return None, None
    if not (view.words[i][:1].islower() or i == sent_start):
        return None, None  # "analyst Moon", or "Actress Denise Crosby" opening a sentence
    if i == sent_start:
        return w, None
    k = _role_words_before(view, i)
    if k == 0:
        return view.span_text(k, i + 1), None
    role = view.span_text(k, i + 1)
    role_start = k
    if k == i and k >= 2 and view.words[k - 1] == "-" and view.words[k - 2].isalpha() and view.words[k - 2].islower():
        # "presidential front-runner Donald Trump": the hyphened compound and the role words before
        # it are the role (its owner is looked for before the role noun as before)
        role_start = _role_words_before(view, k - 2)
        role = view.span_text(role_start, i + 1).replace(" - ", "-")
    beside = _role_beside_coauthor(view, mentions, role, role_start, sent_start)
    if beside is not None:
        return beside
    k = _first_coordinated_role(view, k, sent_start)  # the owner is named before the first of the roles
    state_body = state_body_before(view, mentions, k)
    if state_body is not None:
        # "Russian foreign ministry spokeswoman Maria Roe": the body is part of the role, its state
        # the affiliation
        return view.span_text(state_body[0], i + 1).replace(" - ", "-"), state_body[1]
    body_start = _unowned_body_before(view, k)
    if body_start is not None:
        # "selection committee member Ulf Roe": a body no name owns is part of the role
        role = view.span_text(body_start, i + 1).replace(" - ", "-")
    return role, _role_owner(view, mentions, k, i)


def _role_beside_coauthor(view: TextView, mentions: MentionIndex, role: str, role_start: int,
                          sent_start: int) -> tuple[str, str | None] | None:
    """The role coordinated before a co-author's ("postdoctoral researcher and study co-author Jane
    Roe": postdoctoral researcher; :func:`~stance.speakers.role_lexicon.study_rank` 0), as (role,
    its owner); None when ``role`` (its words from token ``role_start``, after a lowercase body no
    name owns: "study co-author") is no co-author's or no role is coordinated before it."""
    whole_start = _unowned_body_before(view, role_start) or role_start  # "study co-author"
    first = _first_coordinated_role(view, whole_start, sent_start)
    if first >= whole_start or study_rank(role) != 0:
        return None
    e = first
    while e < whole_start and view.lowers[e] not in {"and", ","}:
        e += 1
    return view.span_text(first, e).replace(" - ", "-"), owner_before(view, mentions, first)


def _role_owner(view: TextView, mentions: MentionIndex, k: int, i: int) -> str | None:
    """The owner of a role before a name whose words start at token ``k`` and whose noun is token
    ``i``: after "its"/"their" the nearest earlier state or body not after a preposition
    (:func:`_earlier_owner_of_pronoun`); after a possessive the state or body it marks, a person's
    side ("Clinton's campaign manager") or the place a lowercase owner stands for ("the city's
    mayor"); else the owner named right before the role (:func:`owner_before`)."""
    p = view.lowers[k - 1]
    if p in {"its", "their"}:
        return _earlier_owner_of_pronoun(view, mentions, k - 1)
    if p in {"’s", "'s"}:
        owner = mentions.name_at(k - 2, k - 1)
        if owner is not None and owner.type in ("state", "organization"):
            return owner.canonical
        if owner is not None and owner.type == "person" and view.lowers[i] not in word_set("kin_nouns.txt"):
            return side_of(view, mentions, owner, i)  # "Clinton's campaign manager Robby Mook"
        return place_owner(view, mentions, k - 2, k - 1) if owner is None else None  # "the city's mayor Jane Roe"
    return owner_before(view, mentions, k)


def _earlier_owner_of_pronoun(view: TextView, mentions: MentionIndex, j: int) -> str | None:
    """The owner an "its"/"their" at token ``j`` stands for: the nearest earlier state or body (in
    the two sentences before) that is not the object of a preposition; None when there is none."""
    while True:
        owner = mentions.previous(j, ("state", "organization", "demonym"), max_sents=2)
        if owner is None:
            return None
        b = owner.start - 1
        if b >= 0 and view.lowers[b] == "the":
            b -= 1
        if b < 0 or view.lowers[b] not in _OBJECT_PREPS:
            return owner.canonical
        j = owner.start


def _unowned_body_before(view: TextView, k: int) -> int | None:
    """The start of a lowercase body right before a role starting at token ``k`` ("selection
    committee" member) that no name, possessive, party or campaign owns: the token before it is
    a lowercase word or a mark; None when there is no such body."""
    org_nouns = word_set("org_nouns.txt")
    if k < 1 or view.lowers[k - 1] not in org_nouns or not view.words[k - 1].islower():
        return None
    if view.lowers[k - 1] in CAMPAIGN_NOUNS:
        return None
    j = k
    while j - 1 >= 0 and k - j < 3 and (is_field_word(view.words[j - 1]) or (view.words[j - 1].islower() and view.lowers[j - 1] in org_nouns)):
        j -= 1
    if j == k:
        return None
    if j >= 1 and view.words[j - 1][:1].isupper() and opens_phrase(view, j - 1) and common_opener(view, j - 1):
        return j - 1  # "Talk show host Jane Roe" opening a sentence: a common word, no owner
    if j >= 1 and (view.words[j - 1][:1].isupper() or view.words[j - 1] in POSSESSIVE_ENDINGS):
        return None
    return j


def _first_coordinated_role(view: TextView, k: int, sent_start: int) -> int:
    """The start of the first of the lowercase roles that a role starting at token ``k`` ends a
    coordination of ("British actor and director", "US singer, actor, and animal rights
    advocate"), where their owner is named; ``k`` when "and" does not join another role before
    it."""
    t = k
    joined = False
    while True:
        c = t - 1
        and_ = c >= sent_start and view.lowers[c] == "and"
        if and_:
            c -= 1
        if c >= sent_start and view.words[c] == "," and (joined or and_):
            c -= 1  # the serial comma, or a comma between earlier roles of the list
        if c == t - 1 or c < sent_start or not (joined or and_):
            return t
        if not (view.words[c].islower() and view.lowers[c] in role_nouns()):
            return t
        t = _role_words_before(view, c)
        joined = True


def ends_its_phrase(view: TextView, m: Mention) -> bool:
    """The name ``m`` is not a modifier of a noun or a possessive after it ("a longtime Roe critic",
    "Roe's size")."""
    if m.end >= view.n:
        return True
    nxt = view.lowers[m.end]
    return nxt not in POSSESSIVE_ENDINGS and nxt not in role_nouns()


def _first_of_two_roles_before(view: TextView, mentions: MentionIndex, i: int, sent_start: int) -> tuple[str | None, str | None]:
    """The first of two descriptions joined by "and" before a name whose second one is no known
    role ("businessman and Trump loyalist Stephen Roe", "professional wrestler and reality
    television star Hana Roe"): the role ending before "and", with its own owner; the words
    between "and" and the name (one to four) hold no punctuation or clause word, so "an official
    and Jane Roe" are two people."""
    a = i
    while a > sent_start and i - a < 4 and view.lowers[a] != "and" and view.words[a] not in STOP_APPOS and view.lowers[a] not in VERBAL:
        a -= 1
    h = a - 1
    if any(view.lowers[t] in stop_words() for t in range(a + 1, i + 1)):
        return None, None  # "the family and friends of Jane Roe", "an official and a Roe supporter"
    if view.lowers[a] != "and" or a == i or h < sent_start or view.lowers[h] not in role_nouns():
        return None, None
    if h == sent_start:
        return view.lowers[h], None  # "Businessman and loyalist Stephen Roe" opening a sentence
    if not view.words[h].islower():
        return None, None
    k = _role_words_before(view, h)
    return view.span_text(k, h + 1), owner_before(view, mentions, k)


def title_before_acronym(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
    """A title and its acronym, one in parentheses after the other, before the name: "Member of
    Parliament (MP) Jane Roe" -> (Member of Parliament, None), "Labour MP (Member of Parliament)
    Jane Roe" -> (MP, Labour Party): the owner before the title as before a lowercase role."""
    words = view.words
    if m.type != "person" or m.start < 4 or words[m.start - 1] != ")":
        return None, None
    sa = view.sent_bounds(view.sent_of[m.start])[0]
    e = m.start - 2
    while e > sa and m.start - e < 7 and words[e] != "(":
        e -= 1
    if words[e] != "(":
        return None, None
    if e + 2 == m.start - 1 and words[e + 1].isupper():
        for n in (4, 3, 2, 1):  # "Member of Parliament (MP)"
            a = e - n
            if a >= sa and " ".join(view.lowers[a:e]) in titles_lower():
                return view.span_text(a, e), None
    if " ".join(view.lowers[e + 1 : m.start - 1]) not in titles_lower():
        return None, None
    for n in (3, 2, 1):  # "MP (Member of Parliament)": the title before the parenthesis
        a = e - n
        if a >= sa and view.span_text(a, e) in titles():
            return view.span_text(a, e), owner_before(view, mentions, a)
    return None, None


def title_of_state_before(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
    """A title "of the" a state just before the name: "former Vice President of the United States
    Joe Biden" -> (former Vice President, United States)."""
    words = view.words
    gaz = gazetteer()
    for n in (3, 2, 1):
        t = m.start - n - 1  # the "the" before the state's n words
        if t < 2 or view.lowers[t] != "the" or view.lowers[t - 1] != "of":
            continue
        hit = gaz.aliases.get(view.span_text(t + 1, m.start))
        if hit is None or hit[1] != "state":
            continue
        end = t - 1
        for length in (3, 2, 1):
            if end - length >= 0 and " ".join(words[end - length : end]) in titles():
                start = end - length
                if start >= 1 and view.lowers[start - 1] == "former":
                    start -= 1
                return view.span_text(start, end), hit[0]
        return None, None
    return None, None


def member_of_named_body(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
    """The role and body of a speaker the article names only by the body they belong to, when the
    speaker's mention ``m`` is that body: "A spokesman for the Jupiter Police Department said",
    "a letter from the chairman of the U.S. Senate Committee on Homeland Security", "researchers from
    the Georgia Institute of Technology (GT) and University of South Carolina Beaufort reported"
    -> (spokesman | chairman | researchers, the body's whole name). None, None for a person's name
    (one the article gives with a given name anywhere) and when no role noun stands before the
    preposition."""
    if m.role or m.affiliation or any("gender" in x.extra for x in mentions.names if x.canonical == m.canonical):
        return None, None  # "President of Ukraine Volodymyr Roe": a person's title, not a body
    words, lowers = view.words, view.lowers
    sa = view.sent_bounds(view.sent_of[m.start])[0]
    b = m.start
    # the body's name may begin before the mention: the name finder cut it ("U.S. Senate Committee on")
    while b - 1 > sa:
        w = words[b - 1]
        if w[:1].isupper() or w in {")", "&"}:
            b -= 1
        elif w == "(" or (lowers[b - 1] in {"of", "on", "for", "and"} and (words[b - 2][:1].isupper() or words[b - 2] == ")")):
            b -= 1
        else:
            break
    while b < m.start and (words[b] in {"(", ")", "&"} or lowers[b] in {"of", "on", "for", "and"}):
        b += 1
    start = b
    if b - 1 > sa and lowers[b - 1] == "the":
        b -= 1
    p = b - 1
    if p - 1 < sa or lowers[p] not in MEMBER_PREPS or lowers[p - 1] not in role_nouns():
        return None, None
    if p - 1 == sa or (words[p - 2] in OPENERS and not words[p - 1].islower()):
        return words[p - 1], view.span_text(start, m.end)  # "Researchers from ..." opening the sentence
    if not words[p - 1].islower():
        return None, None
    k = _role_words_before(view, p - 1)
    if k > sa and not (lowers[k - 1] in QUANTIFIED_DETS or lowers[k - 1] in {"to", "from", "by", "of", ","} or words[k - 1] in OPENERS):
        return None, None  # "the team's spokesman for ...": an owner before the role
    return view.span_text(k, p), view.span_text(start, m.end)


def title_in_name(name: str) -> tuple[str | None, str | None]:
    """The title the name finder left inside a person's name ("Presidential Spokesperson Harry
    Roque", "Managing Editor Bill Sammon", "Clinton Senior Adviser Sidney Blumenthal", "North
    Dakota RNC Committeeman Curly Haugland"): (the title with the modifiers before it, the
    country, party or known body named just before it, else None); (None, None) when no role
    noun or title stands before at least two capitalised words that end the name."""
    toks = name.split()
    t = len(toks) - 3
    while t >= 0 and not (toks[t][:1].isupper() and is_role_head(toks[t])):
        t -= 1
    if t < 0 or not all(w[:1].isupper() and w.lower() not in role_nouns() for w in toks[t + 1 :]):
        return None, None
    r = t
    while r > 0 and t - r < 2 and (toks[r - 1].lower() in title_modifiers_lower() or toks[r - 1].lower() in role_words()):
        r -= 1
    role = " ".join(toks[r : t + 1])
    gaz = gazetteer()
    for n in (2, 1):
        owner = " ".join(toks[max(0, r - n) : r])
        if r - n < 0 or not owner:
            continue
        aff = (gaz.demonyms.get(owner) or (gaz.aliases.get(owner) or ("", ""))[0] or party_labels().get(owner)
               or (owner if owner in entity_lexicons().orgs else None))
        if aff:
            return role, aff
    return role, None
