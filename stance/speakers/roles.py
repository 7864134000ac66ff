"""Role and affiliation of a speaker, taken from anywhere in the article.

Sources, in order: a title before the name ("U.S. Secretary of State Marco Rubio": role
Secretary of State, affiliation United States); an appositive after it ("Moon Seong Mook, an
analyst for the Seoul-based Korea Research Institute for National Strategy"); a role noun before
it with a possessor ("its leader Kim Jong Un", "North Korea's leader Kim"); a country adjective
("an Israeli spokesman": Israel); a title "of the" state before the name ("former Vice President of
the United States Joe Biden"); the body after the name ("Ryan Cloutier of the Harvard–Smithsonian
Center", "Brigid Kosgei of Kenya"). The first mention's description carries to later mentions.
A body speaker gets the state or province its name holds ("California Department of
Corrections" -> California); a bare "the government" gets the article's state. Also: an
organisation or acronym before an appositive's role ("an NTSB spokesman", spelled out where the
article defines it in parentheses), a lowercase body after the role ("a spokesperson for the fire
service"), "one of" a plural role, a title before its acronym ("Member of Parliament (MP)"), "CNN's
X", a region after a name ("Senator X of California"), and a police officer's force named before
them (``police_ranks.txt``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from stance.text.entity_types import HONORIFICS, entity_lexicons, is_acronym
from stance.text.lexicons import cue_lexicon, gazetteer, party_labels, role_words, stop_words, titles, word_set
from stance.text.mentions import Mention, MentionIndex, is_adjective, is_common_noun
from stance.text.view import POSSESSIVE_ENDINGS, TextView

_PREPS = frozenset({"for", "of", "at", "with", "in", "from", "on"})
_DETS = frozenset({"a", "an", "the", "its", "his", "her", "their"})
#: words that make the text after a name's comma a clause rather than a description
_VERBAL = frozenset("is was were are be been being by has had have will would did does do to not".split())
#: unions of the sets above that the scans below test per token (built once, not per test)
_DETS_ONE = _DETS | {"one", "another"}
_QUANTIFIED_DETS = _DETS | {"one", "another", "some", "many", "several"}
_PREPS_THE = _PREPS | {"the"}
_PREPS_TO = _PREPS | {"to"}
#: prepositions of time, which end a role in an appositive ("close friend since sixth grade")
_TIME_PREPS = frozenset({"since", "until", "during"})
_PREPS_WITHIN = _PREPS | {"within"}
_OBJECT_PREPS = _PREPS | {"to", "against", "toward", "on", "by"}
_FIELD_BREAKS = _PREPS | _VERBAL | {"who", "which", "that"}
#: tokens that open a sentence or a quotation before its first word
_OPENERS = frozenset({"“", '"', "‘", "(", "—"})
_STOP_APPOS = frozenset({",", ".", ";", ":", "“", "”", '"', "(", ")", "—", "said", "says", "who", "which", "and"})


def _affiliation_from(view: TextView, mentions: MentionIndex, i: int, hi: int,
                      types: tuple[str, ...] | None = None, *, literal: bool = False) -> str | None:
    """The organisation or country named from token ``i`` ("the Seoul-based Korea Research ...");
    with ``types``, only a name of one of those types; with ``literal``, a place as written (the
    city of a mayor: "mayor of Paris" -> Paris, not the state its capital stands for)."""
    words = view.words
    while i < hi and view.lowers[i] in {"the", "a", "an"}:
        i += 1
    # skip "Seoul-based", "U.S.-funded"
    while i + 2 < hi and words[i + 1] == "-" and view.lowers[i + 2] in {"based", "funded", "backed", "led", "run"}:
        i += 3
    m = mentions.name_at(i, i + 1)
    if m is None and i + 1 < hi:
        # "the Australian Retailers Association": the country word was split off the body's name
        body = mentions.name_at(i + 1, i + 2)
        if (body is not None and body.start == i + 1 and body.type == "organization"
                and ((body.affiliation and (words[i] in gazetteer().demonyms or words[i] in gazetteer().aliases))
                     or (words[i][:1].isupper() and words[i].isalpha() and view.lowers[i] not in stop_words()))):
            # "the Progressive Campaign Change Committee": a capitalised word split off the front
            return view.span_text(i, body.end)
    if m is None or m.start < i - 1 or (types is not None and m.type not in types):
        return None
    if m.end + 1 < hi and words[m.end] in POSSESSIVE_ENDINGS:
        # "Argentina's Amnesty International": the body, not its country
        body = mentions.name_at(m.end + 1, m.end + 2)
        if body is not None and body.start == m.end + 1:
            return body.text
        e = m.end + 1
        while e < hi and e - m.end <= 4 and words[e].islower() and words[e].isalpha() and view.lowers[e] not in _FIELD_BREAKS:
            e += 1
        if e > m.end + 1 and view.lowers[e - 1] in word_set("org_nouns.txt") and m.type in ("state", "demonym", "organization"):
            # "the UK's counter terror police": the state's body, as "Russia's foreign ministry"
            return f"{m.canonical}'s {view.span_text(m.end + 1, e)}"
    if m.type == "person" and m.end < hi and view.lowers[m.end] == "campaign":
        return f"{m.canonical} campaign"  # "an adviser on the Sanders campaign"
    if m.type in ("organization", "person"):
        e = _cut_name_end(view, mentions, m, hi)
        if e > m.end:
            return view.span_text(m.start, e)  # "president of Rock the Vote", not "Rock"
    return m.canonical if m.type in ("state", "demonym") and not literal else m.text


#: lowercase words inside an organisation's name that the name finder cuts the name at
_NAME_JOINERS = frozenset({"the", "for", "to", "of", "on", "and", "&"})


def _cut_name_end(view: TextView, mentions: MentionIndex, m: Mention, hi: int) -> int:
    """The end of the organisation's name that the mention ``m`` opens when the name finder cut it
    at a lowercase joiner or a year ("Rock the Vote", "Democracy for America", "Coalition to Stop
    Trump", "Caucus of Rank and File Educators", "Cleveland 2016 Host Committee"): the name goes
    on over each joiner or year followed by another name that is no person's ("gender") and no
    place; ``m.end`` when it does not go on. A mention holding an organisation noun was not cut
    at "of"/"for"/"on"/"and" (the name finder keeps those), so only "the"/"to" extend it."""
    if "gender" in m.extra or m.end - m.start > 3:
        return m.end
    lowers = view.lowers
    has_org_noun = not word_set("org_nouns.txt").isdisjoint(lowers[m.start : m.end])
    e = m.end
    while e + 1 < hi:
        w = view.words[e]
        if lowers[e] in _NAME_JOINERS and not (has_org_noun and lowers[e] not in {"the", "to"}):
            if lowers[e] in {"and", "the"} and lowers[e + 1] == "the":
                break
        elif not (len(w) == 4 and w.isdigit()):
            break
        nxt = mentions.name_at(e + 1, e + 2)
        if nxt is None or nxt.start != e + 1 or "gender" in nxt.extra or (nxt.type == "place" and w != "&"):
            break  # but "Cushman & Wakefield": a firm's partners' names, whatever else they name
        e = nxt.end
    return e


#: role heads whose holder serves a city or region, named as written ("mayor of Paris")
_LOCAL_HEADS = frozenset({"mayor", "mayors", "selectman", "councillor", "councilor", "alderman"})


def _is_local(role_words: list[str]) -> bool:
    """Whether a role's head serves a city ("the mayor", "deputy mayor")."""
    return bool(role_words) and role_words[-1].lower() in _LOCAL_HEADS


def _appositive_before(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
    """A description before the name, set off by a comma: "The mayor of Paris, Anne Hidalgo",
    "The Executive director of the Ask Wellness Society, Bob Hughes", "One activist, Nur Khan
    Liton"."""
    words, lowers = view.words, view.lowers
    first = m.start - 1 if m.start >= 1 and lowers[m.start - 1] in HONORIFICS else m.start  # ", Dr Ali bin Tamim,"
    if first < 2 or words[first - 1] != "," or m.end >= view.n:
        return None, None
    sa = view.sent_bounds(view.sent_of[first])[0]
    by_verb = False
    after_verb = _after_verb_start(view, mentions, first, sa) if words[m.end] in _CLOSERS else None
    if after_verb is not None:
        # '"...," said Stanford University's chancellor, Jane Roe.': the description and the name
        # close the sentence after its reporting verb
        sa = after_verb
    elif words[m.end] != "," and not (lowers[sa] in {"a", "an"} and first - sa <= 5):
        # but "A lawyer, Khan has long ...": an indefinite description opening the sentence, and
        # '..." another friend, Jane Roe told CNN': a reporting verb after the name, the
        # description right after a quotation (checked below)
        if lowers[m.end] not in cue_lexicon().verbs:
            return None, None
        by_verb = True
    e = first - 1
    if words[e - 1] == ")":
        # a parenthesis before the comma spells out the body: "The general secretary of the RMT
        # union (National Union of Rail Workers), Mick Roe"
        o = e - 1
        while o > sa and e - o < 16 and words[o] != "(":
            o -= 1
        if words[o] == "(":
            e = o
    if after_verb is not None:
        q = next((t for t in range(sa + 1, e - 1) if words[t] in POSSESSIVE_ENDINGS), None)
        if q is not None:
            return _possessed_role(view, mentions, sa, q, e)
    c = e
    while c - 1 >= sa and e - c < 12 and words[c - 1] not in _STOP_APPOS:
        c -= 1
    if c != sa and words[c - 1] not in {"“", "”", '"', "—", ","}:
        return None, None  # but '..." another friend, Jane Roe told': a quotation before it
    if after_verb is not None and c != sa:
        return None, None
    possessed_opening = c == sa and any(words[t] in POSSESSIVE_ENDINGS for t in range(c + 1, e)) and _VERBAL.isdisjoint(lowers[c:e])
    if by_verb and not possessed_opening and (c == sa or words[c - 1] not in {"”", '"'} or not _VERBAL.isdisjoint(lowers[c:e])):
        # but "The Labour Party's leader, Jane Roe announced": a possessed description opening
        # the sentence
        return None, None
    while c < e and lowers[c] in _DETS_ONE:
        c += 1
    one_of = c > 0 and lowers[c - 1] == "one" and c + 1 < e and lowers[c] == "of"
    if one_of:
        c += 1  # "One of South Sudan's Vice Presidents, Jane Roe": one of a plural role
        while c < e and lowers[c] in _DETS:
            c += 1
    p = c
    while p < e and lowers[p] not in _PREPS:
        p += 1
    if p == c:
        return None, None
    role_words = words[c:p]
    if p == e and len(role_words) == 1 and role_words[0] in party_labels() and c > sa and lowers[c - 1] in {"a", "an", "one"}:
        return None, party_labels()[role_words[0]]  # "a Republican, Mark Roe,": a member of that party
    if one_of:
        role_words[-1] = _singular_role(role_words[-1])
    head = role_words[-1]
    if head.lower() not in _role_nouns() and head not in titles():
        if p < e and words[e - 1].islower() and words[e - 1] in _role_nouns():
            # "a United States Department of State spokesperson, Jane Roe": a body's name with
            # its "of" before the role noun
            body = mentions.name_at(e - 2, e - 1)
            if (body is not None and body.end == e - 1 and body.start >= c and body.type == "organization"
                    and all(words[t][:1].isupper() for t in range(c, body.start))):
                return words[e - 1], view.span_text(c, body.end)  # with a country split off its front
        return None, None
    if p < e:
        return " ".join(role_words), _affiliation_from(view, mentions, p + 1, e, literal=_is_local(role_words))
    if " ".join(role_words) in titles():
        return " ".join(role_words), None  # "The Vice President, Mike Pence"
    role, aff = _describe_nominal(" ".join(role_words))
    return role or " ".join(role_words), aff


#: a candidate's organisation, named after its owner as the annotation writes it ("Clinton campaign")
_CAMPAIGN_NOUNS = frozenset({"campaign"})

#: tokens that may close a name ending its sentence or quotation
_CLOSERS = frozenset({".", "!", "?", "”", '"', ";"})


def _after_verb_start(view: TextView, mentions: MentionIndex, first: int, sa: int) -> int | None:
    """Where a description ends its sentence before the name starting at token ``first`` (after a
    comma) begins, when a reporting verb right before it opens it: 'said Stanford University's
    chancellor, Jane Roe.', 'said University of California, San Diego's chancellor, Jane Roe.'
    (the comma inside a body's name kept); None otherwise."""
    verbs = cue_lexicon().verbs
    c = first - 1
    while c - 1 > sa and first - c < 14 and view.lowers[c - 1] not in verbs:
        if view.words[c - 1] in _STOP_APPOS and view.words[c - 1] != ",":
            return None
        c -= 1
    if c - 1 <= sa or view.lowers[c - 1] not in verbs or c >= first - 2:
        return None
    # a comma inside only after a body's name opening it ("University of California, San Diego")
    for t in range(c, first - 1):
        if view.words[t] == ",":
            body = mentions.name_at(c, c + 1)
            if (body is None or body.start != c or body.end < t or body.type != "organization"
                    or not view.words[t + 1][:1].isupper()):
                return None
    return c


def _possessed_role(view: TextView, mentions: MentionIndex, a: int, q: int, e: int) -> tuple[str | None, str | None]:
    """The role at tokens ``q+1 .. e`` of the owner at ``a .. q`` before the possessive ending at
    ``q``: "Stanford University's chancellor" -> (chancellor, Stanford University); a person's
    staff serve the person or their campaign ("Sanders's campaign manager")."""
    role_toks = view.words[q + 1 : e]
    if not role_toks or not view.words[a][:1].isupper() or role_toks[-1].lower() not in _role_nouns():
        return None, None
    if not all(t.islower() or t == "-" for t in role_toks):
        return None, None
    role = view.span_text(q + 1, e).replace(" - ", "-")
    owner = mentions.name_at(a, q)
    if owner is not None and owner.start == a and owner.end == q and owner.type == "person":
        return role, _side_of(view, owner, q)
    if owner is not None and owner.start == a and owner.end == q:
        return role, owner.canonical
    return role, view.span_text(a, q)


#: the types of a name after "of" / "from" / "at" that a person belongs to
_BODY_TYPES = ("organization", "state", "demonym")


def _body_after(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
    """The body a person's name is followed by: "Ryan Cloutier of the Harvard–Smithsonian Center",
    "Brigid Kosgei of Kenya", "Jane Roe, from Griffith University": (None, the body)."""
    i = m.end
    if i < view.n and view.words[i] == ",":
        i += 1
    if m.type != "person" or i + 1 >= view.n:
        return None, None
    writes = m.start >= 1 and view.lowers[m.start - 1] in _WRITING_VERBS  # "wrote Larry Roe in Slate"
    if view.lowers[i] in _WRITING_VERBS:
        i += 1  # "Nate Roe, writing in The New York Times", "Ai Jun wrote in the Global Times piece"
        writes = True
    if writes:
        hi = view.sent_bounds(view.sent_of[m.start])[1]
        if i + 1 >= hi or view.lowers[i] not in _WRITING_PREPS:
            return None, None
        return None, _affiliation_from(view, mentions, i + 1, hi, ("organization",))
    if view.lowers[i] not in {"of", "from", "at"}:
        return None, None
    hi = view.sent_bounds(view.sent_of[m.start])[1]
    j = i + 1
    while j < hi and view.lowers[j] == "the":
        j += 1
    body = mentions.name_at(j, j + 1)
    if body is not None and body.type == "person" and "gender" not in body.extra:
        # a name no given name or honorific shows to be a person: "of Scripps Research", "of USGS"
        return None, body.text
    if view.lowers[i] == "at":
        # "Lee Roe at Washington University"; but "met Sanders at the Vatican": a place he was at
        return None, _affiliation_from(view, mentions, i + 1, hi, ("organization",)) or _lowercase_body(view, mentions, i + 1, hi)
    if body is not None and body.start == j and body.type == "place" and body.text in entity_lexicons().regions:
        return None, entity_lexicons().regions[body.text]  # "Senator Jane Roe of California": the state she serves
    return None, (_affiliation_from(view, mentions, i + 1, hi, _BODY_TYPES) or _lowercase_body(view, mentions, i + 1, hi)
                  or _body_after_its_kind(view, mentions, i + 1, hi))


def _body_after_its_kind(view: TextView, mentions: MentionIndex, i: int, hi: int) -> str | None:
    """The body named after a lowercase noun of its kind from token ``i``: "of the law firm Mayer
    Brown", "of the advocacy group Democracy for America" -> the name; None when the words from
    ``i`` are not a determiner, lowercase words ending in an organisation noun, and a name."""
    k = i
    if k < hi and view.lowers[k] in {"the", "a", "an"}:
        k += 1
    e = k
    while e < hi and e - k < 4 and view.words[e].islower() and view.words[e].isalpha():
        e += 1
    if e == k or e >= hi or view.lowers[e - 1] not in word_set("org_nouns.txt"):
        return None
    body = mentions.name_at(e, e + 1)
    if body is None or body.start != e or "gender" in body.extra or body.type not in ("organization", "person"):
        return None
    end = _cut_name_end(view, mentions, body, hi)
    return view.span_text(body.start, end) if end > body.end else body.canonical


def _side_of(view: TextView, person: Mention, i: int) -> str:
    """The affiliation of someone on the staff of ``person`` (named in the sentence of token
    ``i``): the person's campaign when that sentence speaks of a campaign ("Sanders' campaign
    manager" -> "Bernie Sanders campaign"), else the person ("Hagan's former spokeswoman" -> "Kay
    Hagan")."""
    a, b = view.sent_bounds(view.sent_of[i])
    if any(view.lowers[t] == "campaign" for t in range(a, b)):
        return f"{person.canonical} campaign"
    return person.canonical


def _appositive(view: TextView, mentions: MentionIndex, m: Mention, *, open_clauses: bool = True) -> tuple[str | None, str | None]:
    """A description after the name, set off by a comma: "Moon Seong Mook, an analyst for the
    Korea Research Institute"; with ``open_clauses``, also one a participle clause ends ("an Iranian
    journalist visiting Nice"; :func:`named_by_role` leaves those out)."""
    words, lowers = view.words, view.lowers
    n = view.n
    if m.end >= n or words[m.end] != ",":
        return None, None
    sb = view.sent_bounds(view.sent_of[m.start])[1]
    i = m.end + 1
    if i + 2 < sb and words[i].isdigit() and words[i + 1] == ",":
        i += 2  # "Betsy Ebeling, 68, Clinton's close friend": the age first
    one_of = i + 2 < sb and lowers[i] == "one" and lowers[i + 1] == "of"
    if one_of:
        i += 2  # "Jane Roe, one of the founders of the group": one of a plural role
    gaz = gazetteer()
    person_nouns = _role_nouns()
    aff = None
    had_det = i < sb and lowers[i] in _DETS
    if had_det:
        i += 1
        q = next((t for t in range(i + 1, min(i + 4, sb - 1)) if words[t] in {"’s", "'s"}), None)
        if q is not None and all(words[t].isalpha() and words[t].islower() for t in range(i, q)):
            # "the club's president", "the community center's program coordinator": an owner the
            # article does not name here, but may have named before ("Clarkston Community Center")
            aff = _named_owner(view, mentions, i, q)
            i = q + 1
    i = _past_age(view, i, sb)
    # "Sudan's defense minister" / "an Israeli spokesman"
    poss = mentions.name_at(i, i + 1)
    if poss is None and i + 1 < sb and words[i] in titles():
        poss = mentions.name_at(i + 1, i + 2)  # "President Obama's first budget director": the title split off
        if poss is not None and (poss.start != i + 1 or poss.type != "person"):
            poss = None
    kin = None
    if poss is not None and poss.start >= i - 1 and poss.end + 1 < sb and words[poss.end] in {"’s", "'s"}:
        if poss.type == "person":
            kin = view.span_text(poss.start, poss.end + 1)  # "Heather Heyer's mother": part of the role
        else:
            aff = poss.canonical
        i = poss.end + 1
    elif i < sb and words[i] in gaz.demonyms and (i + 1 >= sb or words[i + 1] != "-"):
        aff = gaz.demonyms[words[i]]
        i += 1
    elif (poss is not None and poss.start == i and poss.end < sb and words[poss.end].islower() and words[poss.end].isalpha()
          and (poss.type == "organization" or (poss.type == "person" and poss.text.isupper() and poss.text.isalpha()
                                               and "gender" not in poss.extra)
               or (poss.type == "state" and _names_office(poss.text)))):
        # "Keith Roe, an NTSB spokesman": the organisation (or an acronym) before the role is its
        # body; "the White House political director": a state's office keeps its name
        aff = poss.text if poss.type == "state" else poss.canonical
        i = poss.end
    elif (poss is not None and poss.start == i and poss.type == "person" and poss.end + 1 < sb
          and lowers[poss.end] in _CAMPAIGN_NOUNS and words[poss.end].islower()):
        # "Colin Roe, a Cuellar campaign spokesman": the candidate's campaign
        aff = f"{poss.canonical} campaign"
        i = poss.end
    role_words: list[str] = []
    j = i
    while j < sb and j - i < 5 and words[j] not in _STOP_APPOS and lowers[j] not in _PREPS_TO and lowers[j] not in _TIME_PREPS:
        role_words.append(words[j])  # "a former adviser to the president": the role ends before "to"
        # (and "Clinton's close friend since sixth grade" before "since")
        j += 1
    if role_words and j < sb and lowers[j] == "and":
        second = _second_role(view, j + 1, sb)
        if second > j + 1:
            # "president and general manager", "research and policy director": two roles joined
            role_words += words[j:second]
            j = second
    if one_of and role_words:
        role_words[-1] = _singular_role(role_words[-1])
    if had_det and len(role_words) > 1:
        # "Michael Makuei, the Information Minister paid tribute to": the appositive's closing comma
        # is missing; a capitalised title ends the role
        t = 0
        while t < len(role_words) and role_words[t][:1].isupper():
            t += 1
        if (0 < t < len(role_words) and (role_words[t - 1].lower() in person_nouns or role_words[t - 1].lower() in _titles_lower())
                and role_words[t].isalpha() and role_words[t].lower() not in _role_vocabulary()):
            role_words = role_words[:t]
            j = sb
    if not role_words or not _VERBAL.isdisjoint(w.lower() for w in role_words):
        return None, None  # "Tom, were greeted by an organizer": a clause, not a description
    if role_words[0].lower() == "formerly":
        role_words = ["former", *(w for w in role_words[1:] if w.lower() not in _DETS)]  # "formerly the director"
    title_lowers = _titles_lower()
    heads = [k for k, w in enumerate(role_words) if w.lower() in person_nouns or w.lower() in title_lowers]
    whole = " ".join(role_words) in titles() or (heads and heads[-1] == len(role_words) - 1)
    if not whole and open_clauses and heads and heads[-1] + 1 < len(role_words) and _is_participle(role_words[heads[-1] + 1]):
        # "an Iranian journalist visiting Nice": a participle clause ends the role at its head
        role_words = role_words[: heads[-1] + 1]
        j = sb
    elif not whole:
        if not heads or len(role_words) - heads[-1] != 2 or not role_words[-1].islower() or not (j < sb and lowers[j] in _PREPS):
            return None, None
        # "the Hungarian Government commissioner responsible for defence": one word and a
        # preposition after the head; the role ends at its head
        role_words = role_words[: heads[-1] + 1]
    else:
        j = _extend_role(view, role_words, j, sb)
        if role_words[-1].lower() in _ENVOY_HEADS and j + 1 < sb and lowers[j] == "to":
            # "the former ambassador to the United States": the state an envoy is sent to
            t = j + 2 if lowers[j + 1] == "the" else j + 1
            host = mentions.name_at(t, t + 1)
            if host is not None and host.start == t and host.type in ("state", "place", "organization"):
                role_words += words[j : host.end]
                j = host.end
    role = " ".join(role_words)
    if kin is not None:
        if role_words[-1].lower() in word_set("kin_nouns.txt"):
            return f"{kin} {role}", None
        # "Donald Trump's fired campaign manager": the person's staff, affiliated with them
        return role, _side_of(view, poss, m.start)
    if aff is None:
        # "a Michigan Democrat", "a Republican strategist": the party the description names
        aff = next((party_labels()[w] for w in role_words if w in party_labels()), None)
    if (whole and aff is None and j < sb and lowers[j] in {"to", "for"} and role_words[-1].lower() not in _ENVOY_HEADS
            and role_words[-1].lower() not in word_set("kin_nouns.txt")):
        # "a senior adviser to Mr. Sanders", "a surrogate for Mr. Sanders": the person they serve
        served = _person_after(view, mentions, j + 1, sb)
        if served is not None:
            aff = f"{served.canonical} campaign" if _campaigns(view, mentions, served.canonical) else served.canonical
    if whole and j < sb and lowers[j] in _PREPS and aff is None and role_words[-1].lower() not in word_set("kin_nouns.txt"):
        # but "the son of Dominican immigrants": kin, not a body
        aff = (_affiliation_from(view, mentions, j + 1, sb, literal=_is_local(role_words)) or _nominal_body(view, mentions, j + 1, sb)
               or _body_in_reach(view, mentions, j + 1, sb) or _lowercase_body(view, mentions, j + 1, sb))
    if aff is None:
        role, aff = _region_in_role(role)
    # "a former NSA lawyer now at the Brookings Institution": the body they serve now wins
    return role, _current_body(view, mentions, j, sb) or aff


def _current_body(view: TextView, mentions: MentionIndex, j: int, hi: int) -> str | None:
    """The organisation a description from token ``j`` says its holder is "now" or "currently"
    with ("now at the Brookings Institution", "who is now a senior fellow at the Center for Global
    Development", "who currently polls for Priorities USA Action"): the first organisation after a
    preposition within eight tokens of that adverb, before the sentence's reporting verb or a
    quotation mark."""
    t = j
    while t < hi and t - j < 12 and view.lowers[t] not in _NOW_WORDS:
        if view.words[t] in _QUOTE_MARKS or view.lowers[t] in {"said", "says"}:
            return None
        t += 1
    if t >= hi or view.lowers[t] not in _NOW_WORDS:
        return None
    for k in range(t + 1, min(t + 9, hi)):
        if view.words[k] in _QUOTE_MARKS or view.lowers[k] in {"said", "says"}:
            return None
        if view.lowers[k] in {"at", "for", "of", "with"}:
            body = _affiliation_from(view, mentions, k + 1, hi, ("organization",))
            if body is not None:
                return body
    return None


def _person_after(view: TextView, mentions: MentionIndex, i: int, hi: int) -> Mention | None:
    """The person named from token ``i`` after at most three title words ("Mr. Sanders", "Vice
    President Joseph R. Biden Jr."), when the name ends its phrase."""
    t = i
    while t < hi and t - i < 3 and (view.words[t] in titles() or view.words[t] in _title_words() or view.words[t] == "."):
        t += 1
    person = mentions.name_at(t, t + 1)
    if person is None or person.start != t or person.type != "person" or not _ends_its_phrase(view, person):
        return None
    return person


def _campaigns(view: TextView, mentions: MentionIndex, canonical: str) -> bool:
    """Whether the article speaks of a campaign in a sentence naming the person ``canonical`` (whose
    staff then serve the campaign: "Tad Devine, a senior adviser to Mr. Sanders")."""
    sents = {view.sent_of[n.start] for n in mentions.names if n.type == "person" and n.canonical == canonical}
    return any(view.lowers[t] in _CAMPAIGN_WORDS for s in sents for t in range(*view.sent_bounds(s)))


def _named_owner(view: TextView, mentions: MentionIndex, i: int, q: int) -> str | None:
    """The organisation a lowercase owner at tokens ``i .. q`` ("the community center's") stands
    for: the article's last organisation before it whose name ends in those words ("Clarkston
    Community Center"), when the owner ends in an organisation noun."""
    if view.lowers[q - 1] not in word_set("org_nouns.txt"):
        return None
    body = mentions.resolve_nominal(view.lowers[q - 1], i)
    if body is None or body.type != "organization":
        return None
    tail = view.lowers[i:q]
    if [w.lower() for w in body.text.split()[-len(tail):]] != tail:
        return None
    return body.canonical


def _past_age(view: TextView, i: int, hi: int) -> int:
    """The token after an age written before a role at token ``i`` ("a 26-year-old benefits
    manager"), else ``i``."""
    if i + 5 < hi and view.words[i].isdigit() and view.lowers[i + 1 : i + 5] == ["-", "year", "-", "old"]:
        return i + 5
    return i


#: words that open a noun phrase of its own, not a second role ("a lawyer and her husband")
_OWN_PHRASE = _DETS | {"his", "her", "their", "its", "our", "my", "your", "other", "others"}


def _second_role(view: TextView, i: int, hi: int) -> int:
    """The end of a role of up to three words from token ``i`` (after "and") that ends at its head
    before a comma, a preposition or the sentence's end ("and general manager", "and CEO of
    Acme"), else ``i``."""
    person_nouns, title_lowers = _role_nouns(), _titles_lower()
    end = None
    for k in range(i, min(i + 3, hi)):
        w = view.words[k]
        if not w.isalpha() or w.lower() in _OWN_PHRASE or not (w.islower() or w.isupper() or w.lower() in title_lowers):
            return i
        if w.lower() in person_nouns or w.lower() in title_lowers:
            nxt = k + 1
            if nxt >= hi or view.words[nxt] in _STOP_APPOS or view.lowers[nxt] in _PREPS_TO:
                end = nxt
                break
    return end if end is not None else i


#: role heads whose holder is sent to a state or body, named after "to" ("ambassador to France")
_ENVOY_HEADS = frozenset({"ambassador", "envoy"})
#: adverbs after which a description gives the body its holder serves now
_NOW_WORDS = frozenset({"now", "currently"})
#: roles whose holder speaks for a body
_SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_QUOTE_MARKS = frozenset({"“", "”", '"'})
#: verbs of writing after (or right before) a writer's name, and the prepositions that then name
#: the publication the writer writes for ("writing at The New York Post", "wrote in the Global
#: Times"); not "on", which names a platform ("wrote on Twitter")
_WRITING_VERBS = frozenset({"writing", "wrote", "writes"})
_WRITING_PREPS = frozenset({"in", "at", "for"})
#: words that show a person runs a campaign
_CAMPAIGN_WORDS = frozenset({"campaign", "campaigns", "campaigning", "campaigned"})

#: tokens that end the reach of a description's words
_REACH_STOPS = frozenset({",", ";", ":", "—", "(", ")", ".", "“", "”", '"', "who", "which", "that", "said", "says"})


def _body_in_reach(view: TextView, mentions: MentionIndex, i: int, hi: int, reach: int = 10) -> str | None:
    """The first organisation named after a preposition from token ``i`` up to the end of the
    description (a comma, a clause, ``reach`` tokens): "in the school of information studies at
    Syracuse University", "of the activist group Badass Teachers Association"."""
    k = i
    while k < hi and k - i < reach and view.words[k] not in _REACH_STOPS:
        m = mentions.name_at(k, k + 1)
        if m is not None and m.start == k:
            if ((m.type == "organization" and (view.lowers[k - 1] in _PREPS_THE or view.words[k - 1].islower()))
                    or (m.type == "person" and "gender" not in m.extra and view.lowers[k - 1] in word_set("org_nouns.txt"))):
                # "the investment bank Westwood Capital": a body's name after its kind
                e = _cut_name_end(view, mentions, m, hi)
                return view.span_text(m.start, e) if e > m.end else m.canonical
            k = m.end
            continue
        k += 1
    return None


def _region_in_role(role: str) -> tuple[str, str | None]:
    """A role holding a state or province's name: "former Pennsylvania governor" -> (former
    governor, Pennsylvania); else (role, None)."""
    toks = role.split()
    regions = entity_lexicons().regions
    for n in (2, 1):
        for k in range(len(toks) - n):
            name = " ".join(toks[k : k + n])
            if name[:1].isupper() and name in regions and toks[-1].lower() in _role_nouns():
                return " ".join(toks[:k] + toks[k + n :]), regions[name]
    return role, None


def _relative_body(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
    """The role and organisation a relative clause after a person's name gives: "Lee Epstein, who
    teaches constitutional law at Washington University" -> (None, Washington University); "Jeremy
    Bash, who was the chief of staff to Leon E. Panetta" -> (chief of staff, None)."""
    i = m.end
    if m.type != "person" or i + 2 >= view.n or view.words[i] != "," or view.lowers[i + 1] != "who":
        return None, None
    hi = view.sent_bounds(view.sent_of[m.start])[1]
    role = owner = None
    k = i + 2
    r = _after_copula(view, k, hi)
    if r is not None:
        # "Jeremy Bash, who was the chief of staff to Leon E. Panetta"; "Stuart Roe, who served as
        # Mitt Romney's chief strategist": the owner's possessive before the role
        if view.lowers[r] in _DETS:
            r += 1
        named = mentions.name_at(r, r + 1)
        if (named is not None and named.start == r and named.end + 1 < hi and view.words[named.end] in POSSESSIVE_ENDINGS
                and named.type in ("person", "organization")):
            owner, r = named, named.end + 1
        e = r
        while (e < hi and e - r < 4 and view.words[e].islower() and view.words[e].isalpha() and view.lowers[e] not in _PREPS_TO
               and view.lowers[e] not in _TIME_PREPS):
            e += 1
        if e > r and _is_role_head(view.words[e - 1]):
            words = view.words[r:e]
            _extend_role(view, words, e, hi)  # "chief of staff"
            role = " ".join(words)
            if owner is not None and view.lowers[e - 1] not in word_set("kin_nouns.txt"):
                return role, _side_of(view, owner, m.start) if owner.type == "person" else owner.canonical
    while k < hi and k - i < 15 and view.words[k] not in _REACH_STOPS:
        if view.lowers[k] in {"at", "for", "with"}:
            body = _affiliation_from(view, mentions, k + 1, hi, ("organization",)) or _body_after_its_kind(view, mentions, k + 1, hi)
            if body is not None:
                return role, body
        if k == i + 2 and view.lowers[k] in _HEAD_VERBS and role is None:
            # "Jane Roe, who leads the United States Pacific Command": its head
            t = k + 1
            if t + 2 < hi and view.words[t + 1] in POSSESSIVE_ENDINGS and view.words[t][:1].isupper():
                t += 2  # "who leads Mr. Obama's Council of Economic Advisers"
            elif t + 3 < hi and view.words[t + 2] in POSSESSIVE_ENDINGS and view.words[t + 1][:1].isupper():
                t += 3  # "... Mr. Obama's ..." written as two tokens before the mark
            body = _affiliation_from(view, mentions, t, hi, ("organization", "person"))
            if body is not None and body.split()[-1].lower() not in _role_nouns():
                return _HEAD_VERBS[view.lowers[k]], body
        k += 1
    return role, None


def _after_copula(view: TextView, k: int, hi: int) -> int | None:
    """The token after a verb at ``k`` that gives the role after it ("was", "served as", "took
    over as"), or None."""
    lowers = view.lowers
    if k + 1 < hi and lowers[k] in {"is", "was"}:
        return k + 1
    if k + 2 < hi and lowers[k] in {"serves", "served"} and lowers[k + 1] == "as":
        return k + 2
    if k + 3 < hi and lowers[k] in {"took", "takes"} and lowers[k + 1] == "over" and lowers[k + 2] == "as":
        return k + 3
    return None


#: verbs of a relative clause after a name that make the person the head or founder of the body
#: after them ("who leads the United States Pacific Command", "who founded Acme")
_HEAD_VERBS = {"leads": "head", "led": "head", "heads": "head", "headed": "head", "runs": "head", "ran": "head",
               "chairs": "chair", "chaired": "chair", "founded": "founder", "directs": "director", "directed": "director"}


def _singular_role(word: str) -> str:
    """The singular of a plural role noun or title ("maintainers", "Vice Presidents" -> "Presidents"
    -> "President", "spokesmen", "secretaries"); other words as they are."""
    low = word.lower()
    for plural, singular in (("men", "man"), ("ies", "y"), ("s", "")):
        if low.endswith(plural):
            stem = word[: len(word) - len(plural)] + singular
            if _is_role_head(stem):
                return stem
    return word


def _names_office(name: str) -> bool:
    """Whether a state's name is the name of one of its offices ("White House", "State
    Department"): it holds an organisation noun."""
    org_nouns = word_set("org_nouns.txt")
    return any(w.lower() in org_nouns for w in name.split())


def _is_role_head(word: str) -> bool:
    """A person noun or a title word ("chairwoman", "executive", "Secretary")."""
    return word.lower() in _role_nouns() or word.lower() in _titles_lower()


def _extend_role(view: TextView, role_words: list[str], j: int, hi: int) -> int:
    """Extend an appositive's role ``role_words`` (ending before token ``j``) in place with a second
    role joined by "and" ("president and chief executive", "a combat veteran and former CIA
    officer") and a lowercase field after "of" ("professor of constitutional law", "scholar of
    labor economics and trade"); returns the token after the role."""
    words, lowers = view.words, view.lowers
    if not _is_role_head(role_words[-1]):
        return j
    if j + 1 < hi and lowers[j] == "and":
        k = j + 1
        while k < hi and k - j <= 4 and words[k] not in _STOP_APPOS and lowers[k] not in _PREPS:
            k += 1
        second = words[j + 1 : k]
        if second and _is_role_head(second[-1]) and _VERBAL.isdisjoint(w.lower() for w in second) and lowers[j + 1] not in _DETS:
            role_words += ["and", *second]
            j = k
    if j + 1 < hi and lowers[j] == "of" and words[j + 1].islower() and words[j + 1].isalpha() and lowers[j + 1] not in _DETS:
        k = j + 1
        while k < hi and k - j <= 5 and ((words[k].islower() and words[k].isalpha() and lowers[k] not in _FIELD_BREAKS
                                           and lowers[k] not in _TIME_PREPS)
                                          or (lowers[k] == "and" and k + 1 < hi and words[k + 1].islower())):
            k += 1
        if (k < hi and (words[k] in _STOP_APPOS or lowers[k] in _PREPS or lowers[k] == "to" or lowers[k] in _TIME_PREPS)
                and lowers[k - 1] != "and"):
            role_words += ["of", *words[j + 1 : k]]
            j = k
    elif j + 2 < hi and lowers[j] == "of" and role_words[-1] in _title_words() and _is_portfolio(view, j + 1, hi):
        # "the Secretary of Justice for Puerto Rico": a capitalised portfolio after a title
        k = j + 2 if not is_adjective(words[j + 1].lower()) else j + 3
        role_words += ["of", *words[j + 1 : k]]
        j = k
    return j


def _is_portfolio(view: TextView, t: int, hi: int) -> bool:
    """Whether the capitalised word at ``t`` after a title's "of" is a portfolio ("Justice",
    "Information", "Foreign Affairs"), not a place, state or the first word of a longer name
    ("of France", "of Tesco", "of Harvard University"): one word, or an adjective and its noun,
    that no capitalised word follows, the gazetteer does not know and WordNet has as a common
    noun (``wordnet_common_nouns.txt``)."""
    words = view.words
    e = t + 2 if is_adjective(words[t].lower()) and t + 1 < hi and words[t + 1][:1].isupper() else t + 1
    if not words[t][:1].isupper() or not words[t].isalpha() or (e < hi and words[e][:1].isupper()):
        return False
    name = view.span_text(t, e)
    gaz, lex = gazetteer(), entity_lexicons()
    if name in gaz.aliases or name in gaz.demonyms or name in lex.places or name in lex.regions or name in lex.orgs:
        return False
    return is_common_noun(words[e - 1].lower())


def _lowercase_body(view: TextView, mentions: MentionIndex, i: int, hi: int) -> str | None:
    """A body written in lowercase words from token ``i`` that end in an organisation noun: "the
    fire service", "a regional civil defense office", "the island's power authority", "the police
    department of nearby Cullinan" (the determiner dropped, a possessor kept); at least two words,
    so a bare "the company" is left to the article's named bodies."""
    words, lowers = view.words, view.lowers
    k = i
    if k < hi and lowers[k] in {"the", "a", "an"}:
        k += 1
    a = k
    if k + 1 < hi and words[k].islower() and words[k].isalpha() and words[k + 1] in POSSESSIVE_ENDINGS:
        k += 2  # "the island's"
    e = k
    while (e < hi and e - k < 5 and words[e].islower() and words[e].isalpha() and lowers[e] not in _FIELD_BREAKS
           and lowers[e] not in stop_words() and lowers[e] not in _REACH_STOPS):
        e += 1  # but "of the island's power authority said": the verb ends the body
    if e == k or lowers[e - 1] not in word_set("org_nouns.txt") or e - a < 2:
        return None
    if e + 1 < hi and lowers[e] == "of":
        # "the police department of nearby Cullinan": the place it serves
        t = e + 1
        if t < hi and words[t].islower() and words[t].isalpha() and lowers[t] not in stop_words():
            t += 1
        place = mentions.name_at(t, t + 1)
        if place is not None and place.start == t and "gender" not in place.extra:
            return view.span_text(a if a == k else i, place.end)
    if e < hi and words[e] not in _REACH_STOPS and lowers[e] not in _PREPS_TO and lowers[e] not in _VERBAL:
        return None
    return view.span_text(a if a == k else i, e)


def _nominal_body(view: TextView, mentions: MentionIndex, i: int, hi: int) -> str | None:
    """The organisation a lowercase "the bank" from token ``i`` stands for: the article's last
    organisation before it whose name ends in that noun ("the Government Development Bank")."""
    if i + 1 < hi and view.lowers[i] == "the" and view.lowers[i + 1] in word_set("org_nouns.txt") and view.words[i + 1].islower():
        if i + 2 >= hi or view.words[i + 2] in _STOP_APPOS or view.lowers[i + 2] in _PREPS:
            body = mentions.resolve_nominal(view.lowers[i + 1], i)
            if body is not None and body.type == "organization":
                return body.canonical
    return None


@lru_cache(maxsize=1)
def _role_nouns() -> frozenset[str]:
    """Nouns that head a role: the person nouns, the occupations (``occupation_nouns.txt``) and
    WordNet's nouns for people (``wordnet_person_nouns.txt``: "herpetologist", "jock",
    "anthropologist") with their plurals."""
    return _listed_role_nouns() | _with_plurals(word_set("wordnet_person_nouns.txt"))


@lru_cache(maxsize=1)
def _listed_role_nouns() -> frozenset[str]:
    """The role nouns of the project's own lists (``person_nouns.txt``, ``occupation_nouns.txt``),
    without WordNet's."""
    return word_set("person_nouns.txt") | word_set("occupation_nouns.txt")


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


def _is_participle(word: str) -> bool:
    """A lowercase -ing or -ed word ("visiting", "based"), which opens a clause after a role."""
    return word.islower() and word.isalpha() and len(word) > 4 and word.endswith(("ing", "ed"))


def _role_vocabulary() -> frozenset[str]:
    """:func:`role_words` under a name the appositive's local ``role_words`` list does not shadow."""
    return role_words()


@lru_cache(maxsize=1)
def _titles_lower() -> frozenset[str]:
    """The titles ("Prime Minister", "Senator"), lowercased."""
    return frozenset(t.lower() for t in titles())


@lru_cache(maxsize=1)
def _title_modifiers_lower() -> frozenset[str]:
    """The title modifiers ("Prime", "Vice", "Deputy"), lowercased."""
    return frozenset(w.lower() for w in word_set("title_modifiers.txt", keep_case=True))


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """The capitalised words of the titles ("Monsenor", "Secretary", "State")."""
    return frozenset(w for t in titles() for w in t.split() if w[:1].isupper())


def _is_field_word(word: str) -> bool:
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


def _role_words_before(view: TextView, i: int) -> int:
    """Start of the lowercase role ending at token ``i`` (a person noun): "press secretary",
    "comic artist", "general secretary", "pop culture professor", "civil and environmental
    engineering professor"; at most three words before the head, and a field joined by "and"."""
    words = role_words()
    k = i
    while k - 1 >= 0 and i - k < 3 and view.words[k - 1].islower() and (view.lowers[k - 1] in words or _is_field_word(view.words[k - 1])):
        k -= 1
    if k < i and k >= 2 and view.lowers[k - 1] == "and" and _is_field_word(view.words[k]) and _is_field_word(view.words[k - 2]):
        k -= 2  # two fields joined by "and": "civil and environmental engineering professor"
    if k - 1 >= 0 and i - k < 3 and (view.lowers[k - 1] in words | _title_modifiers_lower() or _common_capitalised(view, k - 1)):
        s = view.sent_bounds(view.sent_of[k - 1])[0]
        if k - 1 == s or view.words[k - 2] in _OPENERS:
            k -= 1  # "Prime minister Jane Doe", "Lead author Jane Doe", "Planetary scientist Jane Doe" opening a sentence
    return k


def _common_capitalised(view: TextView, t: int) -> bool:
    """Whether token ``t``, capitalised, is a common word that only its place capitalises
    ("Planetary", "Fashion", "Medical" opening a sentence): a field word once lowercased, no
    country, demonym, party label or known organisation, and not written capitalised elsewhere in
    the article after a sentence's first word (as "Caloundra" or "Microsoft" would be)."""
    w = view.words[t]
    if not (w[:1].isupper() and w[1:].islower() and w.isalpha()) or not _is_field_word(w.lower()):
        return False
    gaz = gazetteer()
    if w in gaz.aliases or w in gaz.demonyms or w in party_labels() or w in entity_lexicons().orgs:
        return False
    for u, word in enumerate(view.words):
        if word == w and u != t and u != view.sent_bounds(view.sent_of[u])[0] and view.words[u - 1] not in _OPENERS:
            return False
    return True


def _owner_before(view: TextView, mentions: MentionIndex, k: int) -> str | None:
    """The body a role starting at token ``k`` belongs to, named just before it: "UCL astronomer",
    "Valiant Entertainment editor", "Democrat", "a Russian foreign ministry spokeswoman"."""
    if k < 1:
        return None
    org_nouns = word_set("org_nouns.txt")
    gaz = gazetteer()
    # a lowercase body: "foreign ministry", "provincial police"
    j = k
    while (j - 1 >= 0 and k - j < 3 and view.words[j - 1].islower() and view.words[j - 1].isalpha()
           and view.lowers[j - 1] not in {"and", "or"}):
        j -= 1
    if j < k and view.lowers[k - 1] in org_nouns:
        body = view.span_text(j, k)
        d = view.words[j - 1] if j >= 1 else ""
        if d in gaz.demonyms:
            return f"{gaz.demonyms[d]}'s {body}"
        if d in party_labels() and j == k - 1:
            return party_labels()[d]  # "Republican committee member": the party, not a bare "committee"
        if view.lowers[k - 1] in _CAMPAIGN_NOUNS:
            # "Carson campaign manager": the candidate's campaign; "presidential campaign rival Marco
            # Roe": no one's campaign is named
            owner = mentions.name_at(j - 1, j) if d[:1].isupper() else None
            if owner is not None and owner.end == j and owner.type == "person":
                return f"{owner.canonical} campaign"
            if not d[:1].isupper():
                return None
        return body if j == k - 1 or view.lowers[j] not in _DETS else view.span_text(j + 1, k)
    if j < k and j >= 1:
        # "Princeton University neuroscience professor": a field between an organisation and the role
        owner = mentions.name_at(j - 1, j)
        if owner is not None and owner.end == j and owner.type in ("organization", "state"):
            return owner.canonical
        # "Republican state representative", "Israeli state prosecutor": a party or a country
        return party_labels().get(view.words[j - 1]) or gaz.demonyms.get(view.words[j - 1])
    owner = mentions.name_at(k - 1, k)
    if owner is None or owner.end != k:
        d = view.words[k - 1]
        return party_labels().get(d) or gaz.demonyms.get(d)
    if owner.type == "state" and _names_office(owner.text):
        return owner.text  # "White House press secretary": the office keeps its name, as a title's does
    if owner.type in ("state", "demonym"):
        return owner.canonical
    if owner.text in party_labels():
        return party_labels()[owner.text]
    if (owner.end - owner.start == 1 and owner.start == view.sent_bounds(view.sent_of[owner.start])[0]
            and owner.type != "organization" and owner.text.lower() in view.words):
        # "Opposition leader X", "Assembly president X" opening a sentence: a common word the
        # article also writes lowercase, capitalised only by its place; no body
        return None
    return owner.text


def _role_before(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
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
                if r.endswith("s") and r.split()[-1][:-1].lower() in _role_nouns():
                    return r[:-1], a
                break
    return _role_before_one(view, mentions, m)


def _role_before_one(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
    """:func:`_role_before` for the words right before one name."""
    i = m.start - 1
    title_words = _title_words()
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
    person_nouns = _role_nouns()
    w = view.lowers[i]
    sent_start = view.sent_bounds(view.sent_of[i])[0]
    for n in (4, 3):
        # a title of several words written lowercase: "former secretary of state Hillary Clinton"
        a = m.start - n
        if a >= sent_start and view.lowers[a + 1] == "of" and all(view.words[t].islower() for t in range(a, m.start)):
            if " ".join(view.lowers[a : m.start]) in _titles_lower():
                if a - 1 >= sent_start and view.lowers[a - 1] == "former":
                    a -= 1
                return view.span_text(a, m.start), None
    if (i >= 3 and w in word_set("org_nouns.txt") and view.words[i].islower() and view.lowers[i - 1] == "the"
            and view.lowers[i - 2] == "of" and view.lowers[i - 3] in person_nouns and view.words[i - 3].islower()):
        # "speaker of the parliament Ali Larijani"
        return view.span_text(_role_words_before(view, i - 3), i + 1), None
    if w not in _listed_role_nouns() and m.type == "person" and i == m.start - 1 and view.words[i].islower():
        # a noun only WordNet knows ("herpetologist David Roe"): not when the name modifies a noun
        # after it ("many diehard Roe supporters"), and the first of two descriptions joined by
        # "and" as for an unknown word ("businessman and Trump loyalist Stephen Roe")
        if not _ends_its_phrase(view, m):
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
    if k == i and k >= 2 and view.words[k - 1] == "-" and view.words[k - 2].isalpha() and view.words[k - 2].islower():
        # "presidential front-runner Donald Trump": the hyphened compound and the role words before
        # it are the role (its owner is looked for before the role noun as before)
        role = view.span_text(_role_words_before(view, k - 2), i + 1).replace(" - ", "-")
    p = view.lowers[k - 1]
    if p in {"its", "their"}:
        # the owner is the nearest earlier state or body that is not the object of a preposition
        j = k - 1
        while True:
            owner = mentions.previous(j, ("state", "organization", "demonym"), max_sents=2)
            if owner is None:
                return role, None
            b = owner.start - 1
            if b >= 0 and view.lowers[b] == "the":
                b -= 1
            if b < 0 or view.lowers[b] not in _OBJECT_PREPS:
                return role, owner.canonical
            j = owner.start
    if p in {"’s", "'s"}:
        owner = mentions.name_at(k - 2, k - 1)
        if owner is not None and owner.type in ("state", "organization"):
            return role, owner.canonical
        if owner is not None and owner.type == "person" and view.lowers[i] not in word_set("kin_nouns.txt"):
            return role, _side_of(view, owner, i)  # "Clinton's campaign manager Robby Mook"
        return role, None
    return role, _owner_before(view, mentions, k)


def _ends_its_phrase(view: TextView, m: Mention) -> bool:
    """The name ``m`` is not a modifier of a noun or a possessive after it ("a longtime Roe critic",
    "Roe's size")."""
    if m.end >= view.n:
        return True
    nxt = view.lowers[m.end]
    return nxt not in POSSESSIVE_ENDINGS and nxt not in _role_nouns()


def _first_of_two_roles_before(view: TextView, mentions: MentionIndex, i: int, sent_start: int) -> tuple[str | None, str | None]:
    """The first of two descriptions joined by "and" before a name whose second one is no known
    role ("businessman and Trump loyalist Stephen Roe", "professional wrestler and reality
    television star Hana Roe"): the role ending before "and", with its own owner; the words
    between "and" and the name (one to four) hold no punctuation or clause word, so "an official
    and Jane Roe" are two people."""
    a = i
    while a > sent_start and i - a < 4 and view.lowers[a] != "and" and view.words[a] not in _STOP_APPOS and view.lowers[a] not in _VERBAL:
        a -= 1
    h = a - 1
    if any(view.lowers[t] in stop_words() for t in range(a + 1, i + 1)):
        return None, None  # "the family and friends of Jane Roe", "an official and a Roe supporter"
    if view.lowers[a] != "and" or a == i or h < sent_start or view.lowers[h] not in _role_nouns():
        return None, None
    if h == sent_start:
        return view.lowers[h], None  # "Businessman and loyalist Stephen Roe" opening a sentence
    if not view.words[h].islower():
        return None, None
    k = _role_words_before(view, h)
    return view.span_text(k, h + 1), _owner_before(view, mentions, k)


def _title_before_acronym(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
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
            if a >= sa and " ".join(view.lowers[a:e]) in _titles_lower():
                return view.span_text(a, e), None
    if " ".join(view.lowers[e + 1 : m.start - 1]) not in _titles_lower():
        return None, None
    for n in (3, 2, 1):  # "MP (Member of Parliament)": the title before the parenthesis
        a = e - n
        if a >= sa and view.span_text(a, e) in titles():
            return view.span_text(a, e), _owner_before(view, mentions, a)
    return None, None


def _title_of_state_before(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
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


#: words before a plural description that say how many of the group, not whose ("Other Republicans")
_GROUP_QUANTIFIERS = frozenset({"other", "both", "all", "most", "few", "more"})


def _describe_nominal(name: str) -> tuple[str | None, str | None]:
    """Role and affiliation inside a descriptive speaker: "Israeli spokesman" -> (spokesman,
    Israel); "Sudan's defense minister" -> (defense minister, Sudan); "an Interpol spokesperson"
    -> (spokesperson, Interpol); "a Russian foreign ministry spokeswoman" -> (spokeswoman,
    Russia's foreign ministry); "prosecutors" -> (prosecutors, None)."""
    toks = name.replace("’s", " ’s").replace("'s", " 's").split()
    while toks and (toks[0].lower() in _QUANTIFIED_DETS or toks[0].lower() in _GROUP_QUANTIFIERS):
        toks = toks[1:]  # "Other Republicans": no owner "Other"
    person_nouns = _role_nouns()
    for p in range(1, len(toks) - 1):
        if toks[p].lower() in _PREPS_WITHIN and toks[p - 1].lower() in person_nouns:
            # "representatives from Iran", "sources within the United States Department of Defense"
            role, _ = _describe_nominal(" ".join(toks[:p]))
            rest = toks[p + 1 :]
            if rest and rest[0].lower() == "the":
                rest = rest[1:]
            body = " ".join(rest)
            hit = gazetteer().lookup(body)
            return role, (hit[0] if hit is not None else gazetteer().demonyms.get(body, body)) or None
    if not toks or toks[-1].lower() not in person_nouns:
        return None, None
    if len(toks) >= 2 and toks[-1].lower() in word_set("org_nouns.txt") and all(t[:1].isupper() for t in toks):
        return None, None  # "Royal Canadian Mounted Police": an organisation's name, not a description
    words = role_words()
    r = len(toks) - 1
    while r > 0 and len(toks) - 1 - r < 2 and toks[r - 1].islower() and toks[r - 1] in words:
        r -= 1
    role = " ".join(toks[r:])
    prefix = toks[:r]
    if prefix and prefix[-1] in {"’s", "'s"}:
        prefix = prefix[:-1]
    if not prefix:
        return role, None
    q = next((k for k, t in enumerate(prefix) if t in {"’s", "'s"}), None)
    if q is not None and 0 < q < len(prefix) - 1 and all(t[:1].isupper() for t in prefix[q + 1 :]):
        # "Trump's Indiana chairman": the words after the possessive belong to the role
        role = " ".join(prefix[q + 1 :] + toks[r:])
        prefix = prefix[:q]
    gaz = gazetteer()
    org_nouns = word_set("org_nouns.txt")
    # "Russian foreign ministry": a country word before a lowercase body
    j = len(prefix)
    while j > 0 and prefix[j - 1].islower() and prefix[j - 1] not in POSSESSIVE_ENDINGS:
        j -= 1
    body = " ".join(prefix[j:])
    owned = j > 0 and prefix[j - 1] in POSSESSIVE_ENDINGS  # "Russia's foreign ministry"
    owner = " ".join(prefix[: j - 1] if owned else prefix[:j])
    if body and prefix[-1] in org_nouns:
        if owned and body in _CAMPAIGN_NOUNS and owner[:1].isupper():
            return role, f"{owner} {body}"  # "Clinton's campaign spokesman": the "Clinton campaign"
        country = gaz.demonyms.get(owner) or (gaz.aliases.get(owner) or ("", ""))[0]
        return role, f"{country}'s {body}" if country else body
    if (owned and j < len(prefix) and owner[:1].isupper() and not owner.split("-")[-1].islower()
            and toks[-1].lower() not in word_set("kin_nouns.txt")):
        role = " ".join(prefix[j:] + toks[r:])  # "Windsor Locks' first selectman": the owner's
    elif j < len(prefix) or owner.split("-")[-1].islower():
        return role, None  # "the 34-year-old mother", "the Spanish-speaking son": no owner
    owner_toks = owner.split()
    t = len(owner_toks)
    while t > 0 and owner_toks[t - 1][:1].isupper() and owner_toks[t - 1].lower() not in stop_words():
        t -= 1
    if t > 0 and owner_toks[t - 1].lower() not in {"of", "for", "and", "&"}:
        owner = " ".join(owner_toks[t:])  # "misstated the year Pershing Square's founder": the name only
    if owner in gaz.demonyms:
        return role, gaz.demonyms[owner]
    hit = gaz.aliases.get(owner)
    if hit is not None:
        return role, hit[0]
    return role, party_labels().get(owner, owner)


#: prepositions between a described person and the body they belong to ("a spokesman for X")
_MEMBER_PREPS = frozenset({"for", "of", "from", "with", "at", "within"})


def _member_of_named_body(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
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
    if p - 1 < sa or lowers[p] not in _MEMBER_PREPS or lowers[p - 1] not in _role_nouns():
        return None, None
    if p - 1 == sa or (words[p - 2] in _OPENERS and not words[p - 1].islower()):
        return words[p - 1], view.span_text(start, m.end)  # "Researchers from ..." opening the sentence
    if not words[p - 1].islower():
        return None, None
    k = _role_words_before(view, p - 1)
    if k > sa and not (lowers[k - 1] in _QUANTIFIED_DETS or lowers[k - 1] in {"to", "from", "by", "of", ","} or words[k - 1] in _OPENERS):
        return None, None  # "the team's spokesman for ...": an owner before the role
    return view.span_text(k, p), view.span_text(start, m.end)


def describe(view: TextView, mentions: MentionIndex, canonical: str, speaker_mention: Mention | None = None) -> tuple[str | None, str | None]:
    """(role, affiliation) of the party named ``canonical`` in this article; when the article
    gives no affiliation, the political party a party label in the role or in the speaker's own
    words names (:func:`_party_named`)."""
    short = _without_middle(canonical)
    same = [m for m in mentions.names if m.canonical == canonical or m.canonical == short]
    role, aff = _describe(view, mentions, canonical, speaker_mention, same)
    if role is None and aff is None:
        role, aff = _title_in_name(canonical)
        aff = expand_acronym(mentions, aff) if aff else aff
    coded = next((a for m in same if m.canonical == canonical for _, a in (_party_code_after(view, m),) if a), None)
    if coded is not None and not (aff and _names_state_or_body(aff)):
        # "House Majority Leader Jane Roe (R-Calif.)": the legislator's party, not "House"; but a
        # governor's state or a committee chair's committee stays
        return role, coded
    if aff is None:
        aff = _party_named(role, canonical, speaker_mention, mentions) or _state_of_demonym_opening(canonical)
    if aff is None and role and role.split()[-1].lower() in _SPOKES_NOUNS and same:
        # "Facebook created the tool, a spokeswoman, Anna Roe, said": a spokesperson speaks for the
        # organisation named just before them
        first = min(m.start for m in same)
        body = mentions.previous(first, ("organization",), max_sents=1)
        if body is not None and sum(view.words[t] in _QUOTE_MARKS for t in range(body.end, first)) % 2 == 0:
            aff = body.canonical  # but not a body inside the words they are quoted with
    return role, aff


def _state_of_demonym_opening(name: str) -> str | None:
    """The country a demonym opening a speaker's description or body names ("Belarusian KGB",
    "American law enforcement officials", "Syrian state media" -> Belarus, United States, Syria);
    None for a name of one word or one that opens otherwise."""
    toks = [t for t in name.split() if t.lower() not in _DETS]
    if len(toks) < 2:
        return None
    return gazetteer().demonyms.get(toks[0])


def _title_in_name(name: str) -> tuple[str | None, str | None]:
    """The title the name finder left inside a person's name ("Presidential Spokesperson Harry
    Roque", "Managing Editor Bill Sammon", "Clinton Senior Adviser Sidney Blumenthal", "North
    Dakota RNC Committeeman Curly Haugland"): (the title with the modifiers before it, the
    country, party or known body named just before it, else None); (None, None) when no role
    noun or title stands before at least two capitalised words that end the name."""
    toks = name.split()
    t = len(toks) - 3
    while t >= 0 and not (toks[t][:1].isupper() and _is_role_head(toks[t])):
        t -= 1
    if t < 0 or not all(w[:1].isupper() and w.lower() not in _role_nouns() for w in toks[t + 1 :]):
        return None, None
    r = t
    while r > 0 and t - r < 2 and (toks[r - 1].lower() in _title_modifiers_lower() or toks[r - 1].lower() in role_words()):
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


def _names_body(mentions: MentionIndex, aff: str) -> bool:
    """Whether an affiliation is an organisation's name (the article's mention of that name is an
    organisation, or the name ends in an organisation noun), not a state or a place."""
    if aff in gazetteer().aliases or aff in entity_lexicons().regions.values():
        return False
    if aff.split()[-1].lower() in word_set("org_nouns.txt"):
        return True
    return any(m.type == "organization" and (m.canonical == aff or m.text == aff) for m in mentions.names)


def _names_state_or_body(aff: str) -> bool:
    """Whether an affiliation is a state, a region or a whole body ending in an organisation noun
    ("Michigan", "Senate Foreign Relations Committee"), not a fragment ("House Intelligence")."""
    last = aff.split()[-1].lower()
    return (aff in gazetteer().aliases or aff in entity_lexicons().regions.values()
            or (last in word_set("org_nouns.txt") and last not in {"house", "senate"}))


def _party_named(role: str | None, canonical: str, speaker_mention: Mention | None, mentions: MentionIndex) -> str | None:
    """The party a capitalised party label names in a role ("Republican strategist" opening a
    sentence) or in a speaker that is a party's members or one of them ("Other Republicans", "one
    Republican involved", "a former GOP leadership aide"), not in an organisation's name ("Republican
    National Committee", "the GOP" itself, "Democratic Party"); a label that is also a leaning ("Conservative
    columnist", ``ideology_labels.txt``) only where the article names that party; None when there is
    none."""
    labels = party_labels()
    org_nouns = word_set("org_nouns.txt")
    for text in (role, speaker_mention.text if speaker_mention is not None else canonical):
        if not text:
            continue
        toks = text.replace("’", " ").split()
        if any(t.lower() in org_nouns for t in toks) or text in labels.values() or (len(toks) == 1 and text.isupper()):
            continue
        for k, t in enumerate(toks):
            hit = labels.get(t) or (labels.get(t[:-1]) if t.endswith("s") else None)
            if hit is not None and t[:1].isupper() and not (text is not role and k > 0 and toks[k - 1][:1].isupper()):
                if t.lower().rstrip("s") in word_set("ideology_labels.txt") and not any(m.canonical == hit for m in mentions.names):
                    continue
                return hit  # but not a surname after a given name ("John Tory")
    return None


def _describe(view: TextView, mentions: MentionIndex, canonical: str, speaker_mention: Mention | None,
              same: list[Mention]) -> tuple[str | None, str | None]:
    """:func:`describe` without the party of a party label or code; ``same``: the mentions of
    ``canonical`` (and of it without its middle name)."""
    role = aff = None
    if speaker_mention is None and not same:
        role, aff = _describe_nominal(canonical)
        if role is None and aff is None:
            aff = state_of_body(canonical)
        if role is not None and aff is None:
            aff = _earlier_owner(view, canonical)
        return role, _state_of_bare_government(view, mentions, canonical, aff)
    if speaker_mention is not None:
        role, aff = _member_of_named_body(view, mentions, speaker_mention)
        if role is not None:
            return role, aff
    if speaker_mention is not None and speaker_mention.possessor:
        aff = speaker_mention.possessor
    for m in same:
        if m.type == "organization" and m.possessor and aff is None:
            aff = m.possessor
    relations = word_set("relation_nouns.txt")
    parties = set(party_labels().values())
    for r, a in _descriptions(view, mentions, same):
        if r and r.split()[-1].lower() in relations:
            r = None  # "rival Bernie Sanders": a relation, not a role
        if aff in parties and a and a not in parties and _names_body(mentions, a):
            # "Democratic strategist Jane Roe, president of the New Democrat Network": the body she
            # works for, not the party a label before her name gives
            aff = a
            break
        if role is None and r:
            role = r
            if a and aff is None:
                aff = a
        elif aff is None and a:
            aff = a
        if role is not None and aff is not None and aff not in parties:
            break
    if role is None:
        # "Officials said", "Members of the House of Commons": a capitalised description
        role, nominal_aff = _describe_nominal(canonical)
        if role is not None and aff is None:
            return role, _state_of_bare_government(view, mentions, canonical, nominal_aff)
    if aff is None:
        aff = state_of_body(canonical)
    if aff is None:
        aff = _police_force_near(view, mentions, role, same[0] if same else speaker_mention)
    aff = _state_of_bare_government(view, mentions, canonical, aff)
    if aff and " " not in aff and aff.lower() in word_set("org_nouns.txt") and aff[:1].isupper():
        # "Society President Ash Soni": the article's body of that name ("Royal Pharmaceutical Society")
        body = mentions.resolve_nominal(aff.lower(), same[0].start if same else view.n)
        if body is not None and body.type == "organization" and body.text != aff:
            aff = body.canonical
    return role, party_of_label(expand_acronym(mentions, aff)) if aff else aff


def _without_middle(full: str) -> str | None:
    """The name ``full`` without its middle names, under which the article may also name the
    person: "Robert Mugabe" of "Robert Gabriel Mugabe" (capitalised words, three or more); else
    None."""
    toks = full.split()
    if len(toks) >= 3 and toks[0][:1].isupper() and toks[-1][:1].isupper():
        return f"{toks[0]} {toks[-1]}"
    return None


def _earlier_owner(view: TextView, canonical: str) -> str | None:
    """The body of a bare "the spokesperson" that the article named with its owner earlier ("an
    Interpol spokesperson stated. The spokesperson added"): the owner of the first description of
    that head noun in the article that has one; None for a description with more words."""
    toks = [t for t in canonical.split() if t.lower() not in _DETS]
    if len(toks) != 1:
        return None
    head = toks[0].lower()
    for t in range(1, view.n):
        if view.lowers[t] == head and view.words[t].islower():
            a = view.sent_bounds(view.sent_of[t])[0]
            k = t
            while (k - 1 >= a and t - k < 3 and (view.words[k - 1][:1].isupper() or view.words[k - 1] in POSSESSIVE_ENDINGS)
                   and (view.words[k - 1] in POSSESSIVE_ENDINGS
                        or (view.lowers[k - 1] not in stop_words() and view.lowers[k - 1] not in word_set("time_words.txt")))):
                k -= 1  # the owner's words: "an Interpol spokesperson", "Russia's foreign ministry spokeswoman";
                # not "On Thursday officials"
            if k < t:
                _, owner = _describe_nominal(view.span_text(k, t + 1))
                if owner:
                    return owner
    return None


def _state_of_bare_government(view: TextView, mentions: MentionIndex, canonical: str, aff: str | None) -> str | None:
    """``aff``, or the article's state (:func:`state_of_government`) for a speaker that is a bare
    government ("the government said") or whose affiliation is one ("government officials")."""
    if (aff is None and _is_bare_government(canonical)) or (aff is not None and _is_bare_government(aff)):
        return state_of_government(view, mentions) or aff
    return aff


#: words for a state's executive that a speaker may name without its state ("the government said")
_GOVERNMENT_WORDS = frozenset({"government", "administration", "authorities", "regime"})


#: plural bodies of a state's officers that a speaker may name without their state ("police said",
#: "prosecutors said", "officials said")
_STATE_OFFICERS = frozenset({"police", "prosecutors", "officials"})


def _is_bare_government(name: str) -> bool:
    """"government", "the government", "The authorities", "government authorities", "police",
    "prosecutors", "officials": an executive or a state's officers named without their state."""
    toks = name.lower().split()
    return (bool(toks) and (toks[-1] in _GOVERNMENT_WORDS or toks[-1] in _STATE_OFFICERS)
            and all(t in {"the", "its", "national", "federal", "government"} for t in toks[:-1]))


def state_of_government(view: TextView, mentions: MentionIndex) -> str | None:
    """The state whose government an article's bare "the government" is: the state named with a
    government word in the article ("the government of Burundi", "the Iranian government",
    "Iran's government"; the first such), else the state the article names most often, if one
    leads."""
    for m in mentions.names:
        if m.type == "organization" and m.possessor and any(w.lower() in _GOVERNMENT_WORDS for w in m.text.split()):
            return m.possessor
        if m.type in ("state", "demonym"):
            nxt = view.lowers[m.end] if m.end < view.n else ""
            prev = view.lowers[m.start - 2 : m.start]
            if nxt in _GOVERNMENT_WORDS or (nxt in {"'s", "’s"} and m.end + 1 < view.n and view.lowers[m.end + 1] in _GOVERNMENT_WORDS):
                return m.canonical
            if len(prev) == 2 and prev[1] == "of" and prev[0] in _GOVERNMENT_WORDS:
                return m.canonical
        if m.type == "organization" and any(w.lower() in _GOVERNMENT_WORDS for w in m.text.split()):
            state = state_of_body(m.canonical)
            if state is not None:
                return state
    counts: dict[str, int] = {}
    for m in mentions.names:
        if m.type in ("state", "demonym"):
            counts[m.canonical] = counts.get(m.canonical, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def holds_state_office(role: str | None) -> bool:
    """Whether ``role`` names an office of a state's government ("Information Minister", "Solicitor
    General", "Presidential Spokesperson", "senators"; ``state_offices.txt``): its last one to four
    words, lowercased; or a minister or secretary of a capitalised portfolio ("Secretary of
    Justice")."""
    if not role:
        return False
    head, of, portfolio = role.partition(" of ")
    if of and portfolio[:1].isupper() and head.split()[-1].lower() in _PORTFOLIO_HEADS:
        return True  # a government portfolio: "Minister of Information", "Secretary of Justice"
    toks = role.lower().split()
    offices = word_set("state_offices.txt")
    return any(" ".join(toks[-n:]) in offices for n in range(1, min(4, len(toks)) + 1))


#: titles whose capitalised "of" complement is a government portfolio ("Secretary of Justice")
_PORTFOLIO_HEADS = frozenset({"minister", "secretary"})


def state_of_office(view: TextView, mentions: MentionIndex, role: str | None) -> str | None:
    """The state or city a holder of ``role`` serves when the article names no body for them: the
    article's state (:func:`state_of_government`) for an office of a state's government
    (:func:`holds_state_office`; "Solicitor General Jose Calida" in a story about the Philippines ->
    Philippines); the place the article names most often, if one leads, for a city's office ("mayor
    John Tory" in a story about Toronto -> Toronto); the region or state it names most often for a
    governor; else None."""
    if role and _is_local(role.split()):
        # "mayor John Tory": the city the article names most often
        counts: dict[str, int] = {}
        for m in mentions.names:
            if m.type == "place":
                counts[m.text] = counts.get(m.text, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        return None
    if role and role.split()[-1].lower() in _REGIONAL_HEADS:
        # "Governor Jane Roe" in a story about Puerto Rico: the region the article names most
        return _most_named(mentions, lambda m: m.canonical in entity_lexicons().regions or m.type == "state")
    return state_of_government(view, mentions) if holds_state_office(role) else None


#: role heads whose holder serves a state's region (a US state, a province)
_REGIONAL_HEADS = frozenset({"governor"})


def _most_named(mentions: MentionIndex, keep) -> str | None:
    """The canonical name of the mentions ``keep`` accepts that the article names most often, if
    one leads; else None."""
    counts: dict[str, int] = {}
    for m in mentions.names:
        if m.type in ("place", "state") and keep(m):
            counts[m.canonical] = counts.get(m.canonical, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


#: role words of a judge
_JUDICIAL = frozenset({"judge", "judges", "justice", "justices", "magistrate", "magistrates"})


def _served_body_words(role_words: set[str]) -> frozenset[str] | None:
    """The words one of the names of the body a role's holder serves holds: a police officer's
    force (a word of ``police_ranks.txt``: "Police", "Constabulary"), a judge's court ("Court",
    "Tribunal"); None for another role."""
    if not word_set("police_ranks.txt").isdisjoint(role_words):
        return frozenset({"Police", "Constabulary"})
    if not _JUDICIAL.isdisjoint(role_words):
        return frozenset({"Court", "Tribunal"})
    return None


def _police_force_near(view: TextView, mentions: MentionIndex, role: str | None, at: Mention | None, reach: int = 3) -> str | None:
    """The body an officer of one serves when the article names no body for them: for a police
    officer ("Detective Inspector", "police spokesman") a police force ("Thames Valley Police"),
    for a judge ("Judge", "Chief Justice") a court ("U.S. Federal Court", "US Supreme Court")
    (:func:`_served_body_words`): the last such body named before the officer's mention ``at``,
    else the first one named within ``reach`` sentences after it; None for another role or when
    there is none."""
    if not role or at is None:
        return None
    heads = _served_body_words(set(role.lower().split()))
    if heads is None:
        return None
    s = view.sent_of[at.start]
    before = after = None
    for m in mentions.names:
        name_words = m.text.split()
        if m.type == "organization" and len(name_words) > 1 and not heads.isdisjoint(name_words):
            if m.start < at.start:
                before = m.canonical
            elif after is None and view.sent_of[m.start] - s <= reach:
                after = m.canonical
    return before or after


def state_of_body(name: str) -> str | None:
    """The state a state body's name names: "German government", "Chilean Armed Forces", "the
    government of Burundi", "Iraqi military" -> Germany, Chile, Burundi, Iraq; a province or US
    state opening the name ("California Department of Corrections" -> California). Only for a name
    with an organisation head noun (a person's name never gets a country this way)."""
    toks = name.replace("’s", " ’s").replace("'s", " 's").split()
    org_nouns = word_set("org_nouns.txt")
    if not any(t.lower() in org_nouns for t in toks):
        return None
    gaz = gazetteer()
    for n in (3, 2, 1):
        for i in range(len(toks) - n + 1):
            s = " ".join(toks[i:i + n])
            if s in gaz.demonyms:
                return gaz.demonyms[s]
            hit = gaz.aliases.get(s)
            if hit is not None and hit[1] == "state":
                return hit[0]
    # a province or US state that opens the name: "California Department of Corrections", "B.C.
    # Coroners Service"
    regions = entity_lexicons().regions
    if toks and toks[0].lower() == "the":
        toks = toks[1:]
    for n in (3, 2, 1):
        s = " ".join(toks[:n])
        if n < len(toks) and s in regions:
            return regions[s]
    return None


def expand_acronym(mentions: MentionIndex, name: str) -> str:
    """The article's full name of an acronym ("UCL" -> "University College London" when the
    article names it): a name mention whose capitalised words' initials spell it; else ``name``."""
    if not is_acronym(name, min_len=2, max_len=6):
        return name
    words = mentions.view.words
    for word, m in mentions.bracketed_forms:
        # the article spells it out before it in parentheses: "Georgia Institute of Technology (GT)"
        if word == name and m.text != name:
            a = m.start
            while a > 0 and words[a - 1][:1].isupper() and words[a - 1].isalpha() and mentions.view.lowers[a - 1] not in stop_words():
                a -= 1  # a place split off the front: "Georgia Institute of Technology"
            return mentions.view.span_text(a, m.end)
    for m in mentions.names:
        toks = m.text.split()
        if len(toks) == len(name) or (len(toks) > len(name) and len(toks) <= 2 * len(name)):
            if "".join(t[0] for t in toks if t[:1].isupper()) == name:
                return m.text
    return name


def _descriptions(view: TextView, mentions: MentionIndex, same: list[Mention]) -> Iterator[tuple[str | None, str | None]]:
    """(role, affiliation) candidates of one party's mentions, best first: the titles before its
    names ("Labor Secretary Thomas Perez", "Democrat Nancy Pelosi") anywhere in the article, then
    per mention in order an appositive after it, role words before it, a description before it, the body after it ("of the Harvard–Smithsonian Center")."""
    for m in same:
        if m.role or m.affiliation:
            yield _with_former(view, m, m.role), m.affiliation or (_owner_of_title(view, mentions, m) if m.role else None)
    for m in same:
        before_role, before_aff = _role_before(view, mentions, m)
        for r, a in ((_with_former(view, m, before_role), before_aff), _appositive(view, mentions, m), _appositive_before(view, mentions, m),
                     _title_of_state_before(view, mentions, m), _title_before_acronym(view, mentions, m), _body_after(view, mentions, m),
                     _party_code_after(view, m),
                     _relative_body(view, mentions, m)):
            if r or a:
                yield r, a


def _with_former(view: TextView, m: Mention, role: str | None) -> str | None:
    """``role`` (a title or role before the name of ``m``) with the "former" written before its
    owner: "former U.N. Ambassador John Roe", "Former Pennsylvania governor Ed Roe", "former FBI
    agent Tim Roe" -> "former ambassador", "former governor", "former agent"."""
    if not role or role.split()[0].lower() in {"former", "ex"}:
        return role
    role_lowers = set(role.lower().split())
    sa = view.sent_bounds(view.sent_of[m.start])[0]
    t = m.start - 1
    while t >= sa and m.start - t <= 7:
        w = view.words[t]
        if view.lowers[t] in {"former", "ex"}:
            return f"former {role}"
        if w in _STOP_APPOS or (w.islower() and view.lowers[t] not in role_lowers and w not in POSSESSIVE_ENDINGS):
            return role
        t -= 1
    return role


def _owner_of_title(view: TextView, mentions: MentionIndex, m: Mention) -> str | None:
    """The organisation or state whose possessive stands before the title of ``m`` ("Red Hat's
    Chief Technical Officer Chris Wright" -> Red Hat); None when there is none."""
    k = m.start
    while k - 1 >= 0 and m.start - k < 5 and view.words[k - 1][:1].isupper():
        k -= 1  # the title's capitalised words
    if k == m.start or k < 2 or view.words[k - 1] not in POSSESSIVE_ENDINGS:
        return None
    owner = mentions.name_at(k - 2, k - 1)
    if owner is None or owner.end != k - 1 or owner.type not in ("organization", "state"):
        return None
    return owner.canonical


#: the party letters of a US legislator's "(R-Fla.)" / "(D-Calif.)" after the name
_PARTY_CODES = {"R": "Republican Party", "D": "Democratic Party"}


def _party_code_after(view: TextView, m: Mention) -> tuple[str | None, str | None]:
    """The party a "(R-Fla.)" / "(D-N.Y.)" or ", R-N.Y.," after a person's name gives: (None, the
    party)."""
    i = m.end
    if (m.type == "person" and i + 3 < view.n and view.words[i] in {"(", ","} and view.words[i + 1] in _PARTY_CODES
            and (view.words[i + 2] == "-" or (view.words[i] == "(" and view.words[i + 2] == ")"))):
        return None, _PARTY_CODES[view.words[i + 1]]
    return None, None


def party_of_label(aff: str | None) -> str | None:
    """``aff``, or the party a party label inside it names when it is no organisation's name: the
    owner words before a role ("Presumptive Republican", "U.S. Democratic", "Indiana GOP", "Maryland
    Republicans") -> Republican Party / Democratic Party; "Republican National Committee" stays."""
    if not aff:
        return aff
    toks = aff.replace("’", " ").replace("”", " ").split()
    if any(t.lower() in word_set("org_nouns.txt") for t in toks):
        return aff
    labels = party_labels()
    for t in toks:
        hit = labels.get(t) or (labels.get(t[:-1]) if t.endswith("s") else None)
        if hit is not None and not (t in labels and labels[t] == aff):
            return hit
    return aff


def named_by_role(view: TextView, mentions: MentionIndex, head: str, before: int, *, max_names: int = 60) -> Mention | None:
    """The person named before token ``before`` whose description in the article has the role
    noun ``head`` ("the archbishop" -> "archbishop Monsenor Jorge Eduardo Scheinig", "The
    president" -> "Argentine President Alberto Fernández"); None when there is none. Looks at
    most ``max_names`` name mentions back."""
    k = mentions.index_before(before)
    for m in mentions.names[max(0, k - max_names + 1) : k + 1][::-1]:
        if m.type != "person":
            continue
        for r, _ in ((m.role, None), _role_before(view, mentions, m), _appositive(view, mentions, m, open_clauses=False),
                     _appositive_before(view, mentions, m)):
            if r and head in r.lower().split():
                return m
    return None
