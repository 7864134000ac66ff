"""Affiliations: the organisation or country named from a token ("the Seoul-based Korea Research
Institute"), where a body's name ends, the body after a name ("X of the Harvard-Smithsonian
Center"), a body within reach of a role, a lowercase body ("the fire service"), the police force
or court a judge or officer serves (``police_ranks.txt``), and an acronym spelled out where the
article defines it in parentheses.
"""

from __future__ import annotations

from stance.speakers.role_lexicon import (
    CAMPAIGN_NOUNS, FIELD_BREAKS, MEMBER_PREPS, PREPS, PREPS_TO, QUOTE_MARKS, REACH_STOPS, STOP_APPOS, VERBAL, campaign_of,
)
from stance.text.entity_types import entity_lexicons, is_acronym
from stance.text.lexicons import ARTICLES, gazetteer, role_words, rule_words, stop_words, time_words, titles, word_set
from stance.text.mentions import Mention, MentionIndex
from stance.text.positions import inside_quotation
from stance.text.view import POSSESSIVE_ENDINGS, TextView


_PREPS_THE = PREPS | {"the"}
#: participles after a hyphen that make a name before them where a body is based or who funds it
#: ("the Seoul-based Korea Research Institute", "U.S.-funded")
_ORIGIN_PARTICIPLES = rule_words("body_origin_participles")


def affiliation_from(view: TextView, mentions: MentionIndex, i: int, hi: int,
                      types: tuple[str, ...] | None = None, *, literal: bool = False) -> str | None:
    """The organisation or country named from token ``i`` ("the Seoul-based Korea Research ...");
    with ``types``, only a name of one of those types; with ``literal``, a place as written (the
    city of a mayor: "mayor of Paris" -> Paris, not the state its capital stands for)."""
    words = view.words
    while i < hi and view.lowers[i] in ARTICLES:
        i += 1
    # skip "Seoul-based", "U.S.-funded"
    while i + 2 < hi and words[i + 1] == "-" and view.lowers[i + 2] in _ORIGIN_PARTICIPLES:
        i += 3
    m = mentions.name_at(i, i + 1)
    if m is None and i + 1 < hi:
        # "the Australian Retailers Association": the country word was split off the body's name
        body = mentions.name_at(i + 1, i + 2)
        if (body is not None and body.start == i + 1 and body.type == "organization"
                and ((body.affiliation and (words[i] in gazetteer().demonyms or words[i] in gazetteer().aliases))
                     or _name_word(view, i))):
            # "the Progressive Campaign Change Committee": a capitalised word split off the front
            return view.span_text(i, body.end)
        body = mentions.name_at(i + 2, i + 3) if i + 2 < hi else None
        if (body is not None and body.start == i + 2 and body.type == "organization" and _name_word(view, i)
                and _name_word(view, i + 1)):
            # "the White House Office of Strategic Initiatives": two words split off the front
            return view.span_text(i, body.end)
    if m is not None and m.type == "person" and m.start == i and m.end + 1 < hi and view.lowers[m.end] == "and":
        # "the Bill and Melinda Gates Foundation": the name finder split the body's name at "and"
        body = mentions.name_at(m.end + 1, m.end + 2)
        if body is not None and body.start == m.end + 1 and body.type == "organization" and (types is None or "organization" in types):
            return view.span_text(m.start, body.end)
    if m is None or m.start < i - 1 or (types is not None and m.type not in types):
        if m is None and (types is None or "organization" in types):
            return whole_body_name(view, mentions, i, hi)  # "of CREDO Action", "for the Democratic National Convention"
        return None
    if m.end + 1 < hi and words[m.end] in POSSESSIVE_ENDINGS:
        # "Argentina's Amnesty International": the body, not its country
        body = mentions.name_at(m.end + 1, m.end + 2)
        if body is not None and body.start == m.end + 1:
            return body.text
        e = m.end + 1
        while e < hi and e - m.end <= 4 and words[e].islower() and words[e].isalpha() and view.lowers[e] not in FIELD_BREAKS:
            e += 1
        if e > m.end + 1 and view.lowers[e - 1] in word_set("org_nouns.txt") and m.type in ("state", "demonym", "organization"):
            # "the UK's counter terror police": the state's body, written with its state
            return f"{m.canonical}'s {view.span_text(m.end + 1, e)}"
    if m.type == "person" and m.end < hi and view.lowers[m.end] in CAMPAIGN_NOUNS:
        return campaign_of(m.canonical)  # "an adviser on the Sanders campaign"
    if m.type in ("organization", "person"):
        e = _cut_name_end(view, mentions, m, hi)
        if m.start == i and "gender" not in m.extra:
            whole = whole_body_name(view, mentions, i, hi)
            if whole is not None and len(whole) > len(view.span_text(m.start, e)):
                return whole  # "of the House Ways and Means Committee", not "House Ways"
        if e > m.end:
            return view.span_text(m.start, e)  # "president of Rock the Vote", not "Rock"
    if m.type in ("place", "state") and m.start == i:
        whole = whole_body_name(view, mentions, i, hi, place_first=True)
        if whole is not None:
            return whole  # "of the Cleveland 2016 Host Committee": a body named for its place
    return m.canonical if m.type in ("state", "demonym") and not literal else m.text


def _run_word(view: TextView, t: int) -> bool:
    """Whether token ``t`` may continue an organisation's capitalised name: a capitalised word or
    acronym ("For" too, in "Students For Life"), a year, "&"."""
    w = view.words[t]
    return (w[:1].isupper() and w.replace(".", "").isalpha()) or (len(w) == 4 and w.isdigit()) or w == "&"


def whole_body_name(view: TextView, mentions: MentionIndex, i: int, hi: int, *, place_first: bool = False) -> str | None:
    """The whole name of an organisation written from token ``i`` (after a role's preposition) in
    capitalised words, which the name finder cut or took for a person's or a country's name:
    "CREDO Action" (found: "Action", a person), "the Democratic National Convention" (a party
    label split off), "NARAL Pro-Choice America" and "Students For Life of America" (not the
    United States), "the House Ways and Means Committee" (not "House Ways"), "the Cleveland 2016
    Host Committee". The name runs over capitalised words, years, "&", a hyphen between capitalised
    words and a lowercase joiner (``body_name_joiners``: "of", "and", "to") followed by a
    capitalised word; it must be two words or more, hold an organisation's mention or a mention
    no given name shows to be a person's (or end in an organisation noun), and hold no named
    person (a given name or honorific: "for Mayor Frank Jackson") and no place; None otherwise.
    With ``place_first``, the name may open with a place's name when it ends in an organisation
    noun two words or more after it ("the Cleveland 2016 Host Committee", "Springfield Police
    Department")."""
    if (i >= hi or not view.words[i][:1].isupper() or not _run_word(view, i) or view.lowers[i] in stop_words()
            or i == view.sent_bounds(view.sent_of[i])[0]):
        return None  # (a sentence's first word is capitalised whatever it is: "According to ...")
    e = i + 1
    while e < hi:
        if _run_word(view, e):
            e += 1
        elif ((view.words[e] == "-" or view.lowers[e] in NAME_JOINERS) and e + 1 < hi and _run_word(view, e + 1)
              and view.words[e + 1] not in titles() and (view.lowers[e + 1] not in time_words() or view.lowers[e + 1] in word_set("months.txt")) and view.words[e + 1] != "&"):
            e += 2  # but "... and Professor Roe", "... on Tuesday": no part of the name
        else:
            break
    last = mentions.name_at(e - 1, e)
    if last is not None and last.type == "state" and last.start - 1 > i and view.lowers[last.start - 1] == "of":
        e = last.start - 1  # "Students For Life of America": the body, not "... of Ukraine" after a ministry's name
    if e - i < 2:
        return None
    inside = mentions.names_in(i, e)
    if place_first:
        first = next((m for m in inside if m.start == i and m.type in ("place", "state")), None)
        if first is None or e - first.end < 2 or view.lowers[e - 1] not in word_set("org_nouns.txt"):
            return None
        inside = [m for m in inside if m is not first]
    if any(m.type == "place" or (m.type == "person" and "gender" in m.extra) or m.type == "demonym" for m in inside):
        return None
    bodyish = any(m.type == "organization" or (m.type == "person" and "gender" not in m.extra) for m in inside)
    if not (bodyish or view.lowers[e - 1] in word_set("org_nouns.txt")):
        return None
    if any(m.start < i or m.end > e for m in mentions.names_in(max(0, i - 3), min(view.n, e + 3)) if m.start < e and m.end > i):
        return None  # a mention runs over the edge: not the whole name
    return view.span_text(i, e)


def _name_word(view: TextView, i: int) -> bool:
    """Whether token ``i`` is a capitalised word that may open a body's name (no function word)."""
    return view.words[i][:1].isupper() and view.words[i].isalpha() and view.lowers[i] not in stop_words()


#: lowercase words inside an organisation's name that the name finder cuts the name at
NAME_JOINERS = rule_words("body_name_joiners")


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
        if lowers[e] in NAME_JOINERS and not (has_org_noun and lowers[e] not in {"the", "to"}):
            if lowers[e] in {"and", "the"} and lowers[e + 1] == "the":
                break
        elif not (len(w) == 4 and w.isdigit()):
            break
        nxt = mentions.name_at(e + 1, e + 2)
        if nxt is None or nxt.start != e + 1 or "gender" in nxt.extra or (nxt.type == "place" and w != "&"):
            break  # but "Cushman & Wakefield": a firm's partners' names, whatever else they name
        e = nxt.end
    return e


#: the types of a name after "of" / "from" / "at" that a person belongs to
_BODY_TYPES = ("organization", "state", "demonym")


def body_after(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
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
        return None, affiliation_from(view, mentions, i + 1, hi, ("organization",))
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
        return None, (affiliation_from(view, mentions, i + 1, hi, ("organization",)) or lowercase_body(view, mentions, i + 1, hi)
                      or _body_after_leaning(view, mentions, i + 1, hi))
    if body is not None and body.start == j and body.type == "place" and body.text in entity_lexicons().regions:
        return None, entity_lexicons().regions[body.text]  # "Senator Jane Roe of California": the state she serves
    return None, (affiliation_from(view, mentions, i + 1, hi, _BODY_TYPES) or lowercase_body(view, mentions, i + 1, hi)
                  or body_after_its_kind(view, mentions, i + 1, hi) or _body_after_leaning(view, mentions, i + 1, hi))


#: most lowercase words of a body's leaning or kind before its name ("the non-partisan")
_MAX_LEANING = 3


def _body_after_leaning(view: TextView, mentions: MentionIndex, i: int, hi: int) -> str | None:
    """An organisation's name after "the" and a few lowercase words saying what it leans to or
    where it is from ("Stu Roe of the non-partisan Rothenberg Political Report", "of the nonpartisan
    Tax Policy Center", "at the conservative Heritage Foundation"): the organisation's mention
    (kept whole, :func:`whole_body_name`); None when no such name follows."""
    k = i
    if k >= hi or view.lowers[k] != "the":
        return None
    k += 1
    s = k
    while k < hi and k - s < _MAX_LEANING and (view.words[k] == "-" or (view.words[k].isalpha() and view.words[k].islower())):
        k += 1
    if k == s or k >= hi or view.words[k - 1] == "-" or view.lowers[k - 1] in word_set("org_nouns.txt"):
        return None
    whole = whole_body_name(view, mentions, k, hi)
    if whole is not None:
        return whole
    m = mentions.name_at(k, k + 1)
    if m is not None and m.start == k and m.type == "organization":
        e = _cut_name_end(view, mentions, m, hi)
        return view.span_text(m.start, e) if e > m.end else m.canonical
    return None


def description_span(view: TextView, description: str) -> tuple[int, int] | None:
    """The tokens ``[start, end)`` where the article first writes a speaker that is a description,
    not a name ("A spokeswoman"), also capitalised opening a sentence ("Researchers from"); None
    when it writes it nowhere as a whole run of tokens (or only at the text's end)."""
    if not description:
        return None
    found = [c for c in (view.text.find(description), view.text.find(description[:1].upper() + description[1:])) if c >= 0]
    c = min(found) if found else -1
    if c < 0:
        return None
    start = view.token_at_or_after(c)
    end = view.token_at_or_after(c + len(description))
    if start >= view.n or end >= view.n or view.starts[start] != c or view.ends[end - 1] != c + len(description):
        return None  # not a whole run of tokens
    return start, end


def body_after_description(view: TextView, mentions: MentionIndex, description: str) -> str | None:
    """The body named right after a speaker that is a description, not a name, where the article
    first writes it ("A spokeswoman [for the House Armed Services Committee] emailed reporters"):
    two bodies joined by "and" are one affiliation ("researchers from the Georgia Institute of
    Technology (GT) and University of South Carolina Beaufort"); None when no preposition and
    body follow."""
    span = description_span(view, description)
    if span is None:
        return None
    start, i = span
    hi = view.sent_bounds(view.sent_of[start])[1]
    if i + 2 < hi and view.lowers[i].endswith("ly") and view.lowers[i].isalpha():
        i += 1  # "researchers mostly from Pennsylvania State University"
    if i + 1 >= hi or view.lowers[i] not in MEMBER_PREPS:
        return None
    first = affiliation_from(view, mentions, i + 1, hi, _BODY_TYPES)
    if first is None:
        return None
    # the end of the first body, and a second one after "and" (a parenthesised acronym between)
    j = i + 1
    while j < hi and view.lowers[j] in ARTICLES:
        j += 1
    # "Georgia Institute of Technology": the state word may be split off the body's name
    body = mentions.name_at(j, j + 1) or mentions.name_at(j + 1, j + 2)
    e = body.end if body is not None else hi
    if e + 2 < hi and view.words[e] == "(" and view.words[e + 2] == ")":
        e += 3
    if e + 1 < hi and view.lowers[e] == "and":
        second = affiliation_from(view, mentions, e + 1, hi, ("organization",))
        if second is not None:
            return f"{first} and {second}"
    return first


def body_after_its_kind(view: TextView, mentions: MentionIndex, i: int, hi: int) -> str | None:
    """The body named after a lowercase noun of its kind from token ``i``: "of the law firm Mayer
    Brown", "of the advocacy group Democracy for America" -> the name; None when the words from
    ``i`` are not a determiner, lowercase words ending in an organisation noun, and a name."""
    k = i
    if k < hi and view.lowers[k] in ARTICLES:
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


def current_body(view: TextView, mentions: MentionIndex, j: int, hi: int) -> str | None:
    """The organisation a description from token ``j`` says its holder is "now" or "currently"
    with ("now at the Brookings Institution", "who is now a senior fellow at the Center for Global
    Development", "who currently polls for Priorities USA Action"): the first organisation after a
    preposition within eight tokens of that adverb, before the sentence's reporting verb or a
    quotation mark."""
    t = j
    while t < hi and t - j < 12 and view.lowers[t] not in _NOW_WORDS:
        if view.words[t] in QUOTE_MARKS or view.lowers[t] in {"said", "says"}:
            return None
        t += 1
    if t >= hi or view.lowers[t] not in _NOW_WORDS:
        return None
    for k in range(t + 1, min(t + 9, hi)):
        if view.words[k] in QUOTE_MARKS or view.lowers[k] in {"said", "says"}:
            return None
        if view.lowers[k] in {"at", "for", "of", "with"}:
            body = affiliation_from(view, mentions, k + 1, hi, ("organization",))
            if body is not None:
                return body
    return None


#: adverbs after which a description gives the body its holder serves now
_NOW_WORDS = rule_words("now_words")

#: verbs of writing after (or right before) a writer's name, and the prepositions that then name
#: the publication the writer writes for ("writing at The New York Post", "wrote in the Global
#: Times"); not "on", which names a platform ("wrote on Twitter")
_WRITING_VERBS = rule_words("writing_verbs")
_WRITING_PREPS = rule_words("writing_preps")


def body_in_reach(view: TextView, mentions: MentionIndex, i: int, hi: int, reach: int = 10) -> str | None:
    """The first organisation named after a preposition from token ``i`` up to the end of the
    description (a comma, a clause, ``reach`` tokens): "in the school of information studies at
    Syracuse University", "of the activist group Badass Teachers Association"."""
    k = i
    while k < hi and k - i < reach and view.words[k] not in REACH_STOPS:
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


def lowercase_body(view: TextView, mentions: MentionIndex, i: int, hi: int) -> str | None:
    """A body written in lowercase words from token ``i`` that end in an organisation noun: "the
    fire service", "a regional civil defense office", "the island's power authority", "the police
    department of nearby Cullinan" (the determiner dropped, a possessor kept); at least two words,
    so a bare "the company" is left to the article's named bodies."""
    words, lowers = view.words, view.lowers
    k = i
    if k < hi and lowers[k] in ARTICLES:
        k += 1
    a = k
    if k + 1 < hi and words[k].islower() and words[k].isalpha() and words[k + 1] in POSSESSIVE_ENDINGS:
        k += 2  # "the island's"
    e = k
    while (e < hi and e - k < 5 and words[e].islower() and words[e].isalpha() and lowers[e] not in FIELD_BREAKS
           and lowers[e] not in stop_words() and lowers[e] not in REACH_STOPS):
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
    if e < hi and words[e] not in REACH_STOPS and lowers[e] not in PREPS_TO and lowers[e] not in VERBAL:
        return None
    return view.span_text(a if a == k else i, e)


#: words that name a body right after its kind ("a group called X", "a firm known as X")
_NAMING_WORDS = rule_words("body_naming_words")


def described_body_name(view: TextView, mentions: MentionIndex, i: int, hi: int) -> str | None:
    """The name given to a body described by its kind from token ``i`` (after a role's
    preposition): "a group called Citizens for Trump", "a Facebook group called Occupy DNC
    Convention", "Nabisco's parent company, Mondelez International", "a group in Paris and New
    York, the Sustainable Development Solutions Network". The kind is up to four words after a
    determiner or a named possessor, ending in a lowercase organisation noun; the name follows
    "called"/"named"/"known as", or a comma within eight words of the kind (no other comma, clause
    word or verb between) when it is an organisation's and its phrase ends there. None otherwise."""
    words, lowers = view.words, view.lowers
    org_nouns = word_set("org_nouns.txt")
    k = i
    if k < hi and lowers[k] in ARTICLES:
        k += 1
    owner = mentions.name_at(k, k + 1)
    if owner is not None and owner.start == k and owner.end + 1 < hi and words[owner.end] in POSSESSIVE_ENDINGS:
        k = owner.end + 1  # "Nabisco's parent company"
    elif k == i:
        return None  # no determiner and no possessor: "of Acme group"
    n = next((t for t in range(k, min(k + 4, hi)) if lowers[t] in org_nouns and words[t].islower()), None)
    if n is None or any(not words[t].replace("-", "").isalpha() for t in range(k, n)):
        return None
    t = n + 1
    if t < hi and lowers[t] in _NAMING_WORDS:
        t += 2 if t + 1 < hi and lowers[t] == "known" and lowers[t + 1] == "as" else 1
        while t < hi and words[t] in QUOTE_MARKS:
            t += 1
        return _name_from(view, mentions, t, hi, any_type=True)
    c = t
    while c < hi and c - n <= 8 and words[c] != ",":
        if words[c] in REACH_STOPS or lowers[c] in VERBAL or lowers[c] in {"who", "which", "that"}:
            return None
        c += 1
    if c >= hi or words[c] != "," or c + 1 >= hi:
        return None
    t = c + 2 if lowers[c + 1] == "the" else c + 1
    return _name_from(view, mentions, t, hi, any_type=False)


def _name_from(view: TextView, mentions: MentionIndex, t: int, hi: int, *, any_type: bool) -> str | None:
    """The organisation's name written from token ``t`` (whole where the name finder cut it); with
    ``any_type``, also a name the name finder typed otherwise but no person's or place's; after
    the comma (``any_type`` false) only an organisation's name (or one typed a person's that ends
    in an organisation's word: "Acme Network") that ends its phrase."""
    m = mentions.name_at(t, t + 1)
    name, e = None, t
    if m is not None and m.start == t and "gender" not in m.extra and m.type != "place":
        last = view.words[m.end - 1]
        if (m.type == "organization" or (any_type and m.type != "state")
                or (m.type == "person" and (last in word_set("org_tails.txt") or last.lower() in word_set("org_nouns.txt")))):
            e = _cut_name_end(view, mentions, m, hi)
            whole = whole_body_name(view, mentions, t, hi)
            name = whole if whole is not None and len(whole) > len(view.span_text(t, e)) else view.span_text(t, e)
            e = t + len(name.split())
    elif m is None:
        name = whole_body_name(view, mentions, t, hi)
        e = t + len(name.split()) if name else t
    if any_type and (name is not None or m is None):
        run = _capitalised_run(view, t, hi)
        if run > e:
            name, e = view.span_text(t, run), run  # "called Citizens for Trump": the name as introduced
    if name is None:
        return None
    if not any_type and e < hi and view.words[e] not in REACH_STOPS and view.words[e] not in QUOTE_MARKS:
        return None  # "a group, Acme Corp executives said": not the body's name alone
    return name


def _capitalised_run(view: TextView, t: int, hi: int) -> int:
    """The end of the capitalised words from token ``t`` with the lowercase joiners between them
    (``body_name_joiners``: "Citizens for Trump"); ``t`` when token ``t`` opens none."""
    if t >= hi or not _run_word(view, t):
        return t
    e = t + 1
    while e < hi:
        if _run_word(view, e):
            e += 1
        elif view.lowers[e] in NAME_JOINERS and e + 1 < hi and _run_word(view, e + 1) and view.words[e + 1] not in titles():
            e += 2
        else:
            break
    return e


def nominal_body(view: TextView, mentions: MentionIndex, i: int, hi: int) -> str | None:
    """The organisation a lowercase "the bank" from token ``i`` stands for: the article's last
    organisation before it whose name ends in that noun ("the Government Development Bank")."""
    if i + 1 < hi and view.lowers[i] == "the" and view.lowers[i + 1] in word_set("org_nouns.txt") and view.words[i + 1].islower():
        if i + 2 >= hi or view.words[i + 2] in STOP_APPOS or view.lowers[i + 2] in PREPS:
            body = mentions.resolve_nominal(view.lowers[i + 1], i)
            if body is not None and body.type == "organization":
                return body.canonical
    return None


#: role words of a judge
_JUDICIAL = word_set("judicial_roles.txt")
#: the words of a police force's name and of a court's name, as written
_POLICE_FORCE_WORDS = rule_words("police_force_words")
_COURT_WORDS = rule_words("court_words")


def _served_body_words(role_words: set[str]) -> frozenset[str] | None:
    """The words one of the names of the body a role's holder serves holds: a police officer's
    force (a word of ``police_ranks.txt``: "Police", "Constabulary"), a judge's court ("Court",
    "Tribunal"); None for another role."""
    if not word_set("police_ranks.txt").isdisjoint(role_words):
        return _POLICE_FORCE_WORDS
    if not _JUDICIAL.isdisjoint(role_words):
        return _COURT_WORDS
    return None


def police_force_near(view: TextView, mentions: MentionIndex, role: str | None, at: Mention | None, reach: int = 3) -> str | None:
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


def expand_acronym(mentions: MentionIndex, name: str) -> str:
    """The article's full name of an acronym ("UCL" -> "University College London" when the
    article names it; "PG&E" -> "Pacific Gas and Electric"): a name mention whose capitalised
    words' initials spell it; else ``name``."""
    bare = name.replace("&", "")  # "PG&E", "AT&T": the ampersand stands for an "and" between words
    if not is_acronym(bare, min_len=2, max_len=6):
        return name
    words, lowers = mentions.view.words, mentions.view.lowers
    for word, m in mentions.bracketed_forms:
        # the article spells it out before it in parentheses: "Georgia Institute of Technology (GT)"
        if word == name and m.text != name:
            a = m.start
            while a > 0 and ((words[a - 1][:1].isupper() and words[a - 1].isalpha() and lowers[a - 1] not in stop_words())
                             or (bare != name and a >= 2 and lowers[a - 1] in {"and", "&"} and words[a - 2][:1].isupper())):
                a -= 1  # a place split off the front: "Georgia Institute of Technology"; "Pacific Gas and Electric"
            return mentions.view.span_text(a, m.end)
    view = mentions.view
    for m in mentions.names:
        toks = m.text.split()
        if len(toks) == len(name) or (len(toks) > len(name) and len(toks) <= 2 * len(name)):
            if "".join(t[0] for t in toks if t[:1].isupper()) == bare:
                return m.text
        if m.type != "organization":
            continue
        # a capitalised word the name finder split off the body's front ("Republican National
        # Committee" -> RNC, after "National Committee")
        a = m.start
        while a > 0 and m.start - a < 2 and words[a - 1][:1].isupper() and words[a - 1].isalpha() and view.lowers[a - 1] not in stop_words():
            a -= 1
        parts = view.span_text(a, m.end).split()
        if a < m.start and len(parts) <= 2 * len(name) and "".join(t[0] for t in parts if t[:1].isupper()) == bare:
            return " ".join(parts)
    return name


def spoken_for_before(view: TextView, mentions: MentionIndex, first: int) -> str | None:
    """The body a spokesperson first mentioned at token ``first`` speaks for when the article names
    none beside them: the organisation named last before them in their sentence or the one before
    ("Facebook created the tool, a spokeswoman, Anna Roe, said"), not one inside the words they are
    quoted with; None when there is none."""
    body = mentions.previous(first, ("organization",), max_sents=1)
    lo = view.sent_bounds(max(0, view.sent_of[first] - 1))[0]
    for t in range(first - 1, max(lo, body.end if body is not None else lo), -1):
        # "O'Malley's campaign says it will shift staff. Spokeswoman Haley Roe says": a candidate's
        # campaign named nearer than any organisation
        if view.lowers[t] in CAMPAIGN_NOUNS and view.words[t].islower():
            k = t - 1 if view.words[t - 1] in POSSESSIVE_ENDINGS else t
            owner = mentions.name_at(k - 1, k)
            if owner is not None and owner.end == k and owner.type == "person":
                if not inside_quotation(view.words, QUOTE_MARKS, t, first):
                    return campaign_of(mentions.canonical_person(owner.canonical))
    if body is None or inside_quotation(view.words, QUOTE_MARKS, body.end, first):
        return None
    return body.canonical
