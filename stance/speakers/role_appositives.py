"""Descriptions next to the name, set off by commas: the appositive after it ("Moon Seong Mook,
an analyst for ..."), the appositive before it ("An NTSB spokesman, X,"), a relative clause
("X, who leads ..."), and how a role phrase extends over its field and portfolio.
"""

from __future__ import annotations

from stance.speakers.role_bodies import (
    NAME_JOINERS, affiliation_from, body_after_its_kind, body_in_reach, current_body, described_body_name, lowercase_body,
    nominal_body,
    whole_body_name,
)
from stance.speakers.role_lexicon import (
    CAMPAIGN_NOUNS, DETS, FIELD_BREAKS, PREPS, PREPS_TO, REACH_STOPS, STOP_APPOS, VERBAL,
    campaign_of, capitalised_title_words, is_local, is_participle, is_role_head, names_office, role_nouns,
    role_vocabulary, singular_role, titles_lower,
)
from stance.speakers.role_nominals import describe_nominal
from stance.speakers.role_owners import named_owner, place_owner, possessed_role, runs_campaign, side_of
from stance.speakers.role_parties import after_party_code, committee_of_member
from stance.speakers.role_titles import ends_its_phrase, role_before
from stance.speakers.pronouns import person_gender
from stance.text.entity_types import HONORIFICS, PRONOUN_GENDER, entity_lexicons
from stance.text.lexicons import (
    OBJECT_PRONOUNS, POSSESSIVE_DETERMINERS, RELATIVES, SUBJECT_PRONOUNS, SUBORDINATORS, cue_lexicon, data_rows,
    function_words, gazetteer, party_labels, role_words, rule_words, stop_words, titles, word_set,
)
from stance.text.mentions import Mention, MentionIndex, is_adjective, is_common_noun
from stance.text.view import POSSESSIVE_ENDINGS, TextView


#: a union of the shared sets that the scans below test per token (built once, not per test)
_DETS_ONE = DETS | {"one", "another"}

#: prepositions of time, which end a role in an appositive ("close friend since sixth grade")
_TIME_PREPS = rule_words("role_time_preps")


def appositive_before(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
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
            a = sa + 1 if lowers[sa] == "the" else sa
            # "said the company's chief executive, John Doe": a lowercase owner the article named
            return (a < q and _possessed_description(view, mentions, a, e)) or possessed_role(view, mentions, sa, q, e)
    c = e
    while c - 1 >= sa and e - c < 12 and words[c - 1] not in STOP_APPOS:
        c -= 1
    if c != sa and words[c - 1] not in {"“", "”", '"', "—", ","}:
        return None, None  # but '..." another friend, Jane Roe told': a quotation before it
    if after_verb is not None and c != sa:
        return None, None
    possessed_opening = c == sa and any(words[t] in POSSESSIVE_ENDINGS for t in range(c + 1, e)) and VERBAL.isdisjoint(lowers[c:e])
    if by_verb and not possessed_opening and (c == sa or words[c - 1] not in {"”", '"'} or not VERBAL.isdisjoint(lowers[c:e])):
        # but "The Labour Party's leader, Jane Roe announced": a possessed description opening
        # the sentence
        return None, None
    while c < e and lowers[c] in _DETS_ONE:
        c += 1
    owned = _possessed_description(view, mentions, c, e)
    if owned is not None:
        return owned
    if c < e - 1 and c > sa and lowers[c - 1] in PRONOUN_GENDER and lowers[c] in CAMPAIGN_NOUNS and lowers[e - 1] in role_nouns():
        # "his campaign manager, Jeff Roe": the campaign of the candidate "his" stands for
        owner = _person_of_possessive(view, mentions, c - 1, m)
        if owner is not None:
            return view.span_text(c, e), campaign_of(owner.canonical)
    one_of = c > 0 and lowers[c - 1] == "one" and c + 1 < e and lowers[c] == "of"
    if one_of:
        c += 1  # "One of South Sudan's Vice Presidents, Jane Roe": one of a plural role
        while c < e and lowers[c] in DETS:
            c += 1
    p = c
    while p < e and lowers[p] not in PREPS:
        p += 1
    if p == c:
        return None, None
    role_words = words[c:p]
    if p == e and len(role_words) == 1 and role_words[0] in party_labels() and c > sa and lowers[c - 1] in {"a", "an", "one"}:
        return None, party_labels()[role_words[0]]  # "a Republican, Mark Roe,": a member of that party
    if one_of:
        role_words[-1] = singular_role(role_words[-1])
    head = role_words[-1]
    if head.lower() not in role_nouns() and head not in titles():
        if p < e and words[e - 1].islower() and words[e - 1] in role_nouns():
            # "a United States Department of State spokesperson, Jane Roe": a body's name with
            # its "of" before the role noun
            body = mentions.name_at(e - 2, e - 1)
            if (body is not None and body.end == e - 1 and body.start >= c and body.type == "organization"
                    and all(words[t][:1].isupper() for t in range(c, body.start))):
                return words[e - 1], view.span_text(c, body.end)  # with a country split off its front
        return None, None
    if p < e:
        return " ".join(role_words), affiliation_from(view, mentions, p + 1, e, literal=is_local(role_words))
    if " ".join(role_words) in titles():
        return " ".join(role_words), None  # "The Vice President, Mike Pence"
    role, aff = describe_nominal(" ".join(role_words))
    return role or " ".join(role_words), aff


def _role_holder_owner(view: TextView, mentions: MentionIndex, i: int, q: int) -> str | None:
    """The side of the person a lowercase role noun before a possessive at tokens ``i .. q`` stands
    for ("Jon Roe, the president's former chief speechwriter" after "President Barack Obama"): the
    person the article titled with that role before ("President Barack Obama"; as
    :func:`stance.speakers.roles.named_by_role`, titles only),
    served as a person's staff serve them (:func:`side_of`); None for another owner."""
    if q != i + 1 or i < 1 or view.lowers[i - 1] != "the" or view.lowers[i] not in role_nouns():
        return None
    if view.lowers[i] in word_set("org_nouns.txt"):
        return None
    head = view.lowers[i]
    k = mentions.index_before(i - 1)
    for m in mentions.names[max(0, k - _MAX_HOLDER_NAMES + 1) : k + 1][::-1]:
        if m.type != "person" or m.end > i:
            continue
        for r in (m.role, role_before(view, mentions, m)[0]):
            if r and head in r.lower().split():
                return side_of(view, mentions, m, i)
    return None


#: most names back that :func:`_role_holder_owner` reads for the role's holder
_MAX_HOLDER_NAMES = 60


#: most words of a possessed description's tail after its role ("to France", "of state for the elderly")
_MAX_OWNED_TAIL = 5


def _possessed_description(view: TextView, mentions: MentionIndex, c: int, e: int) -> tuple[str | None, str | None] | None:
    """(role, owner) of a description ``[c, e)`` before a name's comma that a possessor opens:
    "Freedonia's ambassador to France, Jean Roe" -> (ambassador to France, Freedonia), "Acme Corp's
    chief executive, John Doe" -> (chief executive, Acme Corp), "The company's chief executive,
    John Doe" -> (chief executive, the company the article named last); the role is the lowercase
    words after the possessive up to its role noun, with a short tail after a preposition ("to
    France", "of state for the elderly"); a person's staff serve the person
    (:func:`possessed_role`). None when the description has no such shape."""
    words, lowers = view.words, view.lowers
    q = next((t for t in range(c + 1, min(c + 7, e - 1)) if words[t] in POSSESSIVE_ENDINGS), None)
    if q is None:
        return None
    r = q + 1
    while r < e and lowers[r] not in PREPS_TO:
        if lowers[r] in word_set("kin_nouns.txt"):
            return None  # "Donald Trump's daughter": kin, no affiliation (the description rules keep it)
        r += 1
    if r == e and r - q - 1 > 4:
        return None
    if e - r > _MAX_OWNED_TAIL or not VERBAL.isdisjoint(lowers[q + 1 : r]) or not VERBAL.isdisjoint(lowers[r + 1 : e]):
        return None
    if words[c][:1].isupper():
        if (lowers[c] in stop_words() or c == view.sent_bounds(view.sent_of[c])[0]
                or any(w.isalpha() and w.islower() and w not in NAME_JOINERS for w in words[c:q])):
            # "National LGBT news source Daily Xtra's editorial director", "As Virginia's senator",
            # "According to Windsor Locks' first selectman": the name before the possessive
            owner = mentions.name_at(q - 1, q)
            if owner is None or owner.end != q:
                return None
            c = max(c, owner.start)
        role, aff = possessed_role(view, mentions, c, q, r)
        if role is None:
            return None
    else:
        if not (c >= 1 and lowers[c - 1] == "the" and all(w.isalpha() and w.islower() for w in words[c:q])):
            return None
        toks = words[q + 1 : r]
        if not toks or not all(t.islower() or t == "-" for t in toks) or toks[-1].lower() not in role_nouns():
            return None
        role = view.span_text(q + 1, r).replace(" - ", "-")
        aff = named_owner(view, mentions, c, q) or place_owner(view, mentions, c, q) or _role_holder_owner(view, mentions, c, q)
    if r < e:
        role = f"{role} {view.span_text(r, e)}"  # "ambassador to France", "secretary of state for the elderly"
    return role, aff


#: words (lowercase as written: not "US") that open no description after a name's comma: a
#: pronoun, a reflexive, a subordinator or a contrast ("Tom Roe, him disrespecting ...", "Jane
#: Roe, herself a supporter", "..., while ...", "Jane Roe, rather than as an insurgent")
_NOT_DESCRIPTION_OPENERS = (SUBJECT_PRONOUNS | OBJECT_PRONOUNS | function_words("reflexives") | SUBORDINATORS
                            | function_words("contrast_openers"))


def _reporting_form(word: str) -> bool:
    """Whether ``word`` is an inflected reporting verb ("suggested", "said", "says"), which opens
    a clause, not a description; not a bare form that is also a noun ("state", "report")."""
    low = word.lower()
    hit = cue_lexicon().verbs.get(low)
    return hit is not None and hit[0] != low


#: how many sentences back a possessive pronoun's person is looked for
_POSSESSOR_SENTS = 2


def _person_of_possessive(view: TextView, mentions: MentionIndex, j: int, speaker: Mention) -> Mention | None:
    """The person the possessive "his"/"her" at token ``j`` stands for: the nearest person named
    before it (in the sentence or the :data:`_POSSESSOR_SENTS` before) whose gender is the
    pronoun's, else the nearest of no known gender, never the speaker ``speaker``; None when
    there is none."""
    want = PRONOUN_GENDER[view.lowers[j]]
    unknown = None
    k = j
    while True:
        cand = mentions.previous(k, ("person",), max_sents=_POSSESSOR_SENTS)
        if cand is None:
            return unknown
        if cand.canonical != speaker.canonical:
            g = person_gender(view, mentions, cand)
            if g == want:
                return cand
            if not g and unknown is None:
                unknown = cand
        k = cand.start


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
        if view.words[c - 1] in STOP_APPOS and view.words[c - 1] != ",":
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


def appositive(view: TextView, mentions: MentionIndex, m: Mention, *, open_clauses: bool = True) -> tuple[str | None, str | None]:
    """A description after the name, set off by a comma: "Moon Seong Mook, an analyst for the
    Korea Research Institute"; with ``open_clauses``, also one a participle clause ends ("an Iranian
    journalist visiting Nice"; :func:`named_by_role` leaves those out)."""
    words, lowers = view.words, view.lowers
    n = view.n
    end = after_party_code(view, m)  # "Rep. Jane Roe (D-Md.), chair of the Platform Committee"
    if end >= n or words[end] != ",":
        return None, None
    sb = view.sent_bounds(view.sent_of[m.start])[1]
    i = end + 1
    if i + 2 < sb and words[i].isdigit() and words[i + 1] == ",":
        i += 2  # "Betsy Ebeling, 68, Clinton's close friend": the age first
    one_of = i + 2 < sb and lowers[i] == "one" and lowers[i + 1] == "of"
    if one_of:
        i += 2  # "Jane Roe, one of the founders of the group": one of a plural role
    gaz = gazetteer()
    person_nouns = role_nouns()
    aff = None
    had_det = i < sb and lowers[i] in DETS
    if had_det:
        i += 1
        q = next((t for t in range(i + 1, min(i + 4, sb - 1)) if words[t] in {"’s", "'s"}), None)
        if q is not None and all(words[t].isalpha() and words[t].islower() for t in range(i, q)):
            # "the club's president", "the community center's program coordinator": an owner the
            # article does not name here, but may have named before ("Clarkston Community Center")
            aff = named_owner(view, mentions, i, q) or place_owner(view, mentions, i, q) or _role_holder_owner(view, mentions, i, q)
            i = q + 1
    i = _past_age(view, i, sb)
    # "Sudan's defense minister" / "an Israeli spokesman"
    poss = mentions.name_at(i, i + 1)
    if poss is None and i + 1 < sb and words[i] in titles():
        poss = mentions.name_at(i + 1, i + 2)  # "President Obama's first budget director": the title split off
        if poss is not None and (poss.start != i + 1 or poss.type != "person"):
            poss = None
    kin = None
    q = next((t for t in range(i + 2, min(i + 7, sb - 1)) if words[t] in {"’s", "'s"}), None)
    whole = whole_body_name(view, mentions, i, q) if q is not None and (poss is None or poss.end < q) else None
    if whole is not None and whole == view.span_text(i, q):
        # "Jane Roe, Democracy for America's executive director": a body's name the name finder
        # cut (at "for") owns the role
        poss = None
        aff = whole
        i = q + 1
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
               or (poss.type == "state" and names_office(poss.text)))):
        # "Keith Roe, an NTSB spokesman": the organisation (or an acronym) before the role is its
        # body; "the White House political director": a state's office keeps its name
        aff = poss.text if poss.type == "state" else poss.canonical
        i = poss.end
    elif (poss is not None and poss.start == i and poss.type == "person" and poss.end + 1 < sb
          and lowers[poss.end] in CAMPAIGN_NOUNS and words[poss.end].islower()):
        # "Colin Roe, a Cuellar campaign spokesman": the candidate's campaign
        aff = campaign_of(poss.canonical)
        i = poss.end
    role_words: list[str] = []
    j = i
    while j < sb and j - i < 5 and words[j] not in STOP_APPOS and lowers[j] not in PREPS_TO and lowers[j] not in _TIME_PREPS:
        role_words.append(words[j])  # "a former adviser to the president": the role ends before "to"
        # (and "Clinton's close friend since sixth grade" before "since")
        j += 1
    titled = _title_with_of(view, role_words, j, sb)
    has_title = titled > j
    if has_title:
        # "the former secretary of state", "a member of Parliament": a title holding "of" is one role
        role_words += words[j:titled]
        j = titled
    if role_words and j < sb and lowers[j] == "and":
        second = _second_role(view, j + 1, sb)
        if second > j + 1:
            # "president and general manager", "research and policy director": two roles joined
            role_words += words[j:second]
            j = second
    if one_of and role_words:
        role_words[-1] = singular_role(role_words[-1])
    if had_det and len(role_words) > 1:
        # "Michael Makuei, the Information Minister paid tribute to": the appositive's closing comma
        # is missing; a capitalised title ends the role
        t = 0
        while t < len(role_words) and role_words[t][:1].isupper():
            t += 1
        if (0 < t < len(role_words) and (role_words[t - 1].lower() in person_nouns or role_words[t - 1].lower() in titles_lower())
                and role_words[t].isalpha() and role_words[t].lower() not in role_vocabulary()):
            role_words = role_words[:t]
            j = sb
    if (not role_words or not VERBAL.isdisjoint(w.lower() for w in role_words) or _reporting_form(role_words[0])
            or role_words[0] in _NOT_DESCRIPTION_OPENERS):
        # "Tom, were greeted by an organizer", "Robby Roe, suggested that the staffers": a clause
        return None, None
    if role_words[0].lower() == "formerly":
        role_words = ["former", *(w for w in role_words[1:] if w.lower() not in DETS)]  # "formerly the director"
    title_lowers = titles_lower()
    heads = [k for k, w in enumerate(role_words) if w.lower() in person_nouns or w.lower() in title_lowers]
    whole = " ".join(role_words) in titles() or (heads and heads[-1] == len(role_words) - 1) or has_title
    if not whole and open_clauses and heads and heads[-1] + 1 < len(role_words) and is_participle(role_words[heads[-1] + 1]):
        # "an Iranian journalist visiting Nice": a participle clause ends the role at its head
        role_words = role_words[: heads[-1] + 1]
        j = sb
    elif not whole:
        if not heads or len(role_words) - heads[-1] != 2 or not role_words[-1].islower() or not (j < sb and lowers[j] in PREPS):
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
        return role, side_of(view, mentions, poss, m.start)
    party = None
    party_heads = False
    if aff is None:
        # "a Republican National Committeeman": the committee the title names; "a Michigan
        # Democrat", "a Republican strategist": the party the description names (unless the body
        # or place after the role's preposition names what the role serves: below)
        aff = committee_of_member(role_words)
        party = None if aff is not None else next((party_labels()[w] for w in role_words if w in party_labels()), None)
        # "Jeff Roe, Republican of Arizona"; "a Democratic activist and author of X": the body after
        # the second role is not the first's
        party_heads = party is not None and (role_words[-1] in party_labels() or "and" in role_words)
    if (whole and aff is None and party is None and j < sb and lowers[j] in {"to", "for"} and role_words[-1].lower() not in _ENVOY_HEADS
            and role_words[-1].lower() not in word_set("kin_nouns.txt")):
        # "a senior adviser to Mr. Sanders", "a surrogate for Mr. Sanders": the person they serve
        served = _person_after(view, mentions, j + 1, sb)
        if served is not None:
            aff = campaign_of(served.canonical) if runs_campaign(view, mentions, served.canonical) else served.canonical
    if (whole and j < sb and lowers[j] in PREPS and aff is None and role_words[-1].lower() not in word_set("kin_nouns.txt")
            and (party is None or (lowers[j] in _PARTY_YIELDING_PREPS and not party_heads))):
        # but "the son of Dominican immigrants": kin, not a body
        aff = (described_body_name(view, mentions, j + 1, sb)  # "organizer of a group called Citizens for Acme"
               or affiliation_from(view, mentions, j + 1, sb, literal=is_local(role_words)) or nominal_body(view, mentions, j + 1, sb)
               or body_in_reach(view, mentions, j + 1, sb) or lowercase_body(view, mentions, j + 1, sb))
        if party is not None and aff is not None and not _place_or_outside_body(aff):
            aff = None  # "a Republican member of the House Judiciary Committee": the party
    if aff is None:
        aff = party
    if aff is None:
        role, aff = _region_in_role(role)
    # "a former NSA lawyer now at the Brookings Institution": the body they serve now wins
    return role, current_body(view, mentions, j, sb) or aff


#: prepositions after a role whose body or place wins over a party label in the role ("the former
#: Republican mayor of New York", "a Republican media consultant with National Media")
_PARTY_YIELDING_PREPS = rule_words("party_yielding_preps")
#: words of a legislature, its chambers and committees: a body holding one does not outrank the
#: party a role's label names ("a Democratic member of the House Oversight Committee")
_LEGISLATURE_WORDS = rule_words("legislature_words")


def _place_or_outside_body(aff: str) -> bool:
    """Whether ``aff``, the body found after a party-labelled role's preposition, is a place or a body outside a legislature and the party's own bodies: a state, region
    or city the office serves ("governor of Pennsylvania") or an organisation such as a firm ("with
    National Media"), not a chamber or committee ("of the House Judiciary Committee") nor a party
    body ("of the Republican National Committee"), whose member the party label describes."""
    toks = {t.lower() for t in aff.replace("’", " ").split()}
    if toks & _LEGISLATURE_WORDS or any(t[:1].isupper() and t in party_labels() for t in aff.split()):
        return False
    return True


def _title_with_of(view: TextView, role_words: list[str], j: int, hi: int) -> int:
    """The token after a title that holds "of" and ends an appositive's role ``role_words`` (which
    ends before token ``j``): "secretary" + "of state", "member" + "of Parliament", "chief" + "of
    staff" (``titles.tsv``), before a comma, a preposition or the sentence's end; else ``j``."""
    if not role_words or j + 1 >= hi or view.lowers[j] != "of":
        return j
    for n in (2, 1):
        e = j + 1 + n
        if e <= hi and " ".join([role_words[-1].lower(), "of", *view.lowers[j + 1 : e]]) in titles_lower():
            if e == hi or view.words[e] in STOP_APPOS or view.lowers[e] in PREPS_TO or view.lowers[e] == "and":
                return e
    return j


def _person_after(view: TextView, mentions: MentionIndex, i: int, hi: int) -> Mention | None:
    """The person named from token ``i`` after at most three title words ("Mr. Sanders", "Vice
    President Joseph R. Biden Jr."), when the name ends its phrase."""
    t = i
    while t < hi and t - i < 3 and (view.words[t] in titles() or view.words[t] in capitalised_title_words() or view.words[t] == "."):
        t += 1
    person = mentions.name_at(t, t + 1)
    if person is None or person.start != t or person.type != "person" or not ends_its_phrase(view, person):
        return None
    return person



def _past_age(view: TextView, i: int, hi: int) -> int:
    """The token after an age written before a role at token ``i`` ("a 26-year-old benefits
    manager"), else ``i``."""
    if i + 5 < hi and view.words[i].isdigit() and view.lowers[i + 1 : i + 5] == ["-", "year", "-", "old"]:
        return i + 5
    return i


#: words that open a noun phrase of its own, not a second role ("a lawyer and her husband")
_OWN_PHRASE = DETS | POSSESSIVE_DETERMINERS | {"other", "others"}


def _second_role(view: TextView, i: int, hi: int) -> int:
    """The end of a role of up to three words from token ``i`` (after "and") that ends at its head
    before a comma, a preposition or the sentence's end ("and general manager", "and CEO of
    Acme"), else ``i``."""
    person_nouns, title_lowers = role_nouns(), titles_lower()
    end = None
    for k in range(i, min(i + 3, hi)):
        w = view.words[k]
        if not w.isalpha() or w.lower() in _OWN_PHRASE or not (w.islower() or w.isupper() or w.lower() in title_lowers):
            return i
        if w.lower() in person_nouns or w.lower() in title_lowers:
            nxt = k + 1
            if nxt >= hi or view.words[nxt] in STOP_APPOS or view.lowers[nxt] in PREPS_TO:
                end = nxt
                break
    return end if end is not None else i


#: role heads whose holder is sent to a state or body, named after "to" ("ambassador to France")
_ENVOY_HEADS = rule_words("envoy_heads")


def _region_in_role(role: str) -> tuple[str, str | None]:
    """A role holding a state or province's name: "former Pennsylvania governor" -> (former
    governor, Pennsylvania); else (role, None)."""
    toks = role.split()
    regions = entity_lexicons().regions
    for n in (2, 1):
        for k in range(len(toks) - n):
            name = " ".join(toks[k : k + n])
            if name[:1].isupper() and name in regions and toks[-1].lower() in role_nouns():
                return " ".join(toks[:k] + toks[k + n :]), regions[name]
    return role, None


def relative_body(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
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
        if view.lowers[r] in DETS:
            r += 1
        named = mentions.name_at(r, r + 1)
        if (named is not None and named.start == r and named.end + 1 < hi and view.words[named.end] in POSSESSIVE_ENDINGS
                and named.type in ("person", "organization")):
            owner, r = named, named.end + 1
        e = r
        while (e < hi and e - r < 4 and view.words[e].islower() and view.words[e].isalpha() and view.lowers[e] not in PREPS_TO
               and view.lowers[e] not in _TIME_PREPS):
            e += 1
        if e > r and is_role_head(view.words[e - 1]):
            words = view.words[r:e]
            j = _extend_role(view, words, e, hi)  # "chief of staff"
            role = " ".join(words)
            if owner is not None and view.lowers[e - 1] not in word_set("kin_nouns.txt"):
                return role, side_of(view, mentions, owner, m.start) if owner.type == "person" else owner.canonical
            party = _party_in_clause(view, e, hi)
            if party is not None:
                return role, party  # "who was a candidate in the Democratic primaries"
            if j < hi and view.lowers[j] == "of" and view.lowers[e - 1] not in word_set("kin_nouns.txt"):
                # "who is the chief executive of Acme", "who has been the mayor of Springfield"
                body = affiliation_from(view, mentions, j + 1, hi, literal=is_local(words))
                if body is not None:
                    return role, body
    while k < hi and k - i < 15 and view.words[k] not in REACH_STOPS:
        if view.lowers[k] in {"at", "for", "with"}:
            body = affiliation_from(view, mentions, k + 1, hi, ("organization",)) or body_after_its_kind(view, mentions, k + 1, hi)
            if body is not None:
                return role, body
        if k == i + 2 and view.lowers[k] in _HEAD_VERBS and role is None:
            # "Jane Roe, who leads the United States Pacific Command": its head
            t = k + 1
            if t + 2 < hi and view.words[t + 1] in POSSESSIVE_ENDINGS and view.words[t][:1].isupper():
                t += 2  # "who leads Mr. Obama's Council of Economic Advisers"
            elif t + 3 < hi and view.words[t + 2] in POSSESSIVE_ENDINGS and view.words[t + 1][:1].isupper():
                t += 3  # "... Mr. Obama's ..." written as two tokens before the mark
            body = affiliation_from(view, mentions, t, hi, ("organization", "person"))
            if body is not None and body.split()[-1].lower() not in role_nouns():
                return _HEAD_VERBS[view.lowers[k]], body
        k += 1
    return role, None


def _party_in_clause(view: TextView, e: int, hi: int) -> str | None:
    """The party of a role's complement in a relative clause ("who was a candidate in the
    Democratic primaries for the 2020 election", "who ran for the Republican nomination"): a
    party label before a noun of a party's contest (``party_contest_nouns.txt``), from token ``e``
    up to the clause's end (``REACH_STOPS``) within ten tokens; None when there is none."""
    contests = word_set("party_contest_nouns.txt")  # "primaries", "nomination", ...
    k = e
    while k + 1 < hi and k - e < 10 and view.words[k] not in REACH_STOPS:
        if view.words[k] in party_labels() and view.lowers[k + 1] in contests:
            return party_labels()[view.words[k]]
        k += 1
    return None


def _after_copula(view: TextView, k: int, hi: int) -> int | None:
    """The token after a verb at ``k`` that gives the role after it ("was", "served as", "took
    over as"), or None."""
    lowers = view.lowers
    if k + 1 < hi and lowers[k] in {"is", "was"}:
        return k + 1
    if k + 2 < hi and lowers[k] in {"has", "had"} and lowers[k + 1] == "been":
        return k + 2  # "who has been the mayor of X"
    if k + 2 < hi and lowers[k] in {"serves", "served"} and lowers[k + 1] == "as":
        return k + 2
    if k + 3 < hi and lowers[k] in {"took", "takes"} and lowers[k + 1] == "over" and lowers[k + 2] == "as":
        return k + 3
    return None


#: verbs of a relative clause after a name that make the person the head or founder of the body
#: after them ("who leads the United States Pacific Command", "who founded Acme"): form -> the role
#: they give (``data/head_verbs.tsv``)
_HEAD_VERBS = {r[0].strip(): r[1].strip() for r in data_rows("head_verbs.tsv")}


def _extend_role(view: TextView, role_words: list[str], j: int, hi: int) -> int:
    """Extend an appositive's role ``role_words`` (ending before token ``j``) in place with a second
    role joined by "and" ("president and chief executive", "a combat veteran and former CIA
    officer") and a lowercase field after "of" ("professor of constitutional law", "scholar of
    labor economics and trade"); returns the token after the role."""
    words, lowers = view.words, view.lowers
    if not is_role_head(role_words[-1]):
        return j
    if j + 1 < hi and lowers[j] == "and":
        k = j + 1
        while k < hi and k - j <= 4 and words[k] not in STOP_APPOS and lowers[k] not in PREPS:
            k += 1
        second = words[j + 1 : k]
        if second and is_role_head(second[-1]) and VERBAL.isdisjoint(w.lower() for w in second) and lowers[j + 1] not in DETS:
            role_words += ["and", *second]
            j = k
    if (j + 1 < hi and lowers[j] in _FIELD_PREPS and _opens_field(view, j + 1, hi)
            and not (lowers[j] == "for" and lowers[j + 1] in titles_lower())):
        # "professor of constitutional law"; "vice president for defense and foreign policy
        # studies", "senior director for Asian affairs" (but not "candidate for president")
        k = j + 2
        while k < hi and k - j <= 5 and ((words[k].islower() and words[k].isalpha() and lowers[k] not in FIELD_BREAKS
                                           and lowers[k] not in _TIME_PREPS and lowers[k] not in RELATIVES)
                                          or (lowers[k] == "and" and k + 1 < hi and words[k + 1].islower())):
            k += 1
        if (k < hi and (words[k] in STOP_APPOS or lowers[k] in PREPS or lowers[k] == "to" or lowers[k] in _TIME_PREPS
                        or lowers[k] in RELATIVES)
                and lowers[k - 1] != "and"):
            role_words += [words[j], *words[j + 1 : k]]
            j = k
    elif j + 2 < hi and lowers[j] == "of" and role_words[-1] in capitalised_title_words() and _is_portfolio(view, j + 1, hi):
        # "the Secretary of Justice for Puerto Rico": a capitalised portfolio after a title
        k = j + 2 if not is_adjective(words[j + 1].lower()) else j + 3
        role_words += ["of", *words[j + 1 : k]]
        j = k
    return j


#: prepositions after a role that a lowercase field follows ("professor of law", "director for Asian affairs")
_FIELD_PREPS = rule_words("field_preps")


def _opens_field(view: TextView, t: int, hi: int) -> bool:
    """Whether token ``t`` opens a field after a role's preposition: a lowercase word that is no
    determiner, or a capitalised adjective before a lowercase word ("Asian affairs", "European
    history") that names no state, place or body."""
    w = view.words[t]
    if not w.isalpha():
        return False
    if w.islower():
        return view.lowers[t] not in DETS
    if t + 1 >= hi or not view.words[t + 1].islower() or not view.words[t + 1].isalpha() or not is_adjective(w.lower()):
        return False
    gaz, lex = gazetteer(), entity_lexicons()
    return not (w in gaz.aliases or w in lex.places or w in lex.regions or w in lex.orgs)


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
