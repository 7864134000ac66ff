"""Role and affiliation of a speaker, taken from anywhere in the article.

Sources, in order: a title before the name ("U.S. Secretary of State Marco Rubio": role
Secretary of State, affiliation United States); an appositive after it ("Moon Seong Mook, an
analyst for the Seoul-based Korea Research Institute for National Strategy"); a role noun before
it with a possessor ("its leader Kim Jong Un", "North Korea's leader Kim"); a country adjective
("an Israeli spokesman": Israel). The first mention's description carries to later mentions.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from stance.text.entity_types import HONORIFICS
from stance.text.lexicons import gazetteer, party_labels, role_words, titles, word_set
from stance.text.mentions import Mention, MentionIndex
from stance.text.view import TextView

_PREPS = frozenset({"for", "of", "at", "with", "in", "from"})
_DETS = frozenset({"a", "an", "the", "its", "his", "her", "their"})
#: words that make the text after a name's comma a clause rather than a description
_VERBAL = frozenset("is was were are be been being by has had have will would did does do to not".split())
_STOP_APPOS = frozenset({",", ".", ";", ":", "“", "”", '"', "(", ")", "—", "said", "says", "who", "which", "and"})


def _affiliation_from(view: TextView, mentions: MentionIndex, i: int, hi: int) -> str | None:
    """The organisation or country named from token ``i`` ("the Seoul-based Korea Research ...")."""
    words = view.words
    while i < hi and view.lowers[i] in {"the", "a", "an"}:
        i += 1
    # skip "Seoul-based", "U.S.-funded"
    while i + 2 < hi and words[i + 1] == "-" and view.lowers[i + 2] in {"based", "funded", "backed", "led", "run"}:
        i += 3
    m = mentions.name_at(i, i + 1)
    if m is None or m.start < i - 1:
        return None
    if m.end + 1 < hi and words[m.end] in {"’s", "'s"}:
        # "Argentina's Amnesty International": the body, not its country
        body = mentions.name_at(m.end + 1, m.end + 2)
        if body is not None and body.start == m.end + 1:
            return body.text
    return m.canonical if m.type in ("state", "demonym") else m.text


def _appositive_before(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
    """A description before the name, set off by a comma: "The mayor of Paris, Anne Hidalgo",
    "The Executive director of the Ask Wellness Society, Bob Hughes", "One activist, Nur Khan
    Liton"."""
    words, lowers = view.words, view.lowers
    first = m.start - 1 if m.start >= 1 and lowers[m.start - 1] in HONORIFICS else m.start  # ", Dr Ali bin Tamim,"
    if first < 2 or words[first - 1] != "," or m.end >= view.n or words[m.end] != ",":
        return None, None
    sa = view.sent_bounds(view.sent_of[first])[0]
    e = first - 1
    c = e
    while c - 1 >= sa and e - c < 12 and words[c - 1] not in _STOP_APPOS:
        c -= 1
    if c != sa and words[c - 1] not in {"“", '"', "—", ","}:
        return None, None
    while c < e and lowers[c] in _DETS | {"one"}:
        c += 1
    p = c
    while p < e and lowers[p] not in _PREPS:
        p += 1
    if p == c:
        return None, None
    role_words = words[c:p]
    head = role_words[-1]
    if head.lower() not in word_set("person_nouns.txt") and head not in titles():
        return None, None
    if p < e:
        return " ".join(role_words), _affiliation_from(view, mentions, p + 1, e)
    if " ".join(role_words) in titles():
        return " ".join(role_words), None  # "The Vice President, Mike Pence"
    role, aff = _describe_nominal(" ".join(role_words))
    return role or " ".join(role_words), aff


def _appositive(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
    words, lowers = view.words, view.lowers
    n = view.n
    if m.end >= n or words[m.end] != ",":
        return None, None
    sb = view.sent_bounds(view.sent_of[m.start])[1]
    i = m.end + 1
    gaz = gazetteer()
    person_nouns = word_set("person_nouns.txt")
    aff = None
    if i < sb and lowers[i] in _DETS:
        i += 1
    # "Sudan's defense minister" / "an Israeli spokesman"
    poss = mentions.name_at(i, i + 1)
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
    role_words: list[str] = []
    j = i
    while j < sb and j - i < 5 and words[j] not in _STOP_APPOS and lowers[j] not in _PREPS:
        role_words.append(words[j])
        j += 1
    if not role_words or not _VERBAL.isdisjoint(w.lower() for w in role_words):
        return None, None  # "Tom, were greeted by an organizer": a clause, not a description
    head = role_words[-1].lower()
    if head not in person_nouns and " ".join(role_words) not in titles() and head not in {t.lower() for t in titles()}:
        return None, None
    role = " ".join(role_words)
    if kin is not None:
        return f"{kin} {role}", None
    if j < sb and lowers[j] in _PREPS and aff is None:
        aff = _affiliation_from(view, mentions, j + 1, sb)
    return role, aff


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """The capitalised words of the titles ("Monsenor", "Secretary", "State")."""
    return frozenset(w for t in titles() for w in t.split() if w[:1].isupper())


def _role_words_before(view: TextView, i: int) -> int:
    """Start of the lowercase role ending at token ``i`` (a person noun): "press secretary",
    "comic artist", "general secretary"; at most two words before the head."""
    words = role_words()
    k = i
    while k - 1 >= 0 and i - k < 2 and view.words[k - 1].islower() and view.lowers[k - 1] in words:
        k -= 1
    return k


def _owner_before(view: TextView, mentions: MentionIndex, k: int) -> str | None:
    """The body a role starting at token ``k`` belongs to, named just before it: "UCL astronomer",
    "Valiant Entertainment editor", "Democrat", "a Russian foreign ministry spokeswoman"."""
    if k < 1:
        return None
    org_nouns = word_set("org_nouns.txt")
    gaz = gazetteer()
    # a lowercase body: "foreign ministry", "provincial police"
    j = k
    while j - 1 >= 0 and k - j < 3 and view.words[j - 1].islower() and view.words[j - 1].isalpha():
        j -= 1
    if j < k and view.lowers[k - 1] in org_nouns:
        body = view.span_text(j, k)
        d = view.words[j - 1] if j >= 1 else ""
        if d in gaz.demonyms:
            return f"{gaz.demonyms[d]}'s {body}"
        return body if j == k - 1 or view.lowers[j] not in _DETS else view.span_text(j + 1, k)
    if j < k and j >= 1:
        # "Princeton University neuroscience professor": a field between an organisation and the role
        owner = mentions.name_at(j - 1, j)
        if owner is not None and owner.end == j and owner.type in ("organization", "state"):
            return owner.canonical
        return None
    owner = mentions.name_at(k - 1, k)
    if owner is None or owner.end != k:
        d = view.words[k - 1]
        return party_labels().get(d) or gaz.demonyms.get(d)
    if owner.type in ("state", "demonym"):
        return owner.canonical
    if owner.text in party_labels():
        return party_labels()[owner.text]
    return owner.text


def _role_before(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
    """"its leader Kim Jong Un", "North Korea's leader Kim", "analyst Moon", "UCL astronomer
    Angelos Tsiaras", "Pentagon press secretary John Kirby"."""
    i = m.start - 1
    title_words = _title_words()
    while i > 1 and m.start - i <= 3 and view.words[i] in title_words:
        i -= 1  # "archbishop Monsenor Jorge Eduardo Scheinig": the title was split from the name
    if i < 0:
        return None, None
    person_nouns = word_set("person_nouns.txt")
    w = view.lowers[i]
    sent_start = view.sent_bounds(view.sent_of[i])[0]
    if w not in person_nouns or not (view.words[i][:1].islower() or i == sent_start):
        return None, None  # "analyst Moon", or "Actress Denise Crosby" opening a sentence
    if i == sent_start:
        return w, None
    k = _role_words_before(view, i)
    if k == 0:
        return view.span_text(k, i + 1), None
    role = view.span_text(k, i + 1)
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
            if b < 0 or view.lowers[b] not in _PREPS | {"to", "against", "toward", "on", "by"}:
                return role, owner.canonical
            j = owner.start
    if p in {"’s", "'s"}:
        owner = mentions.name_at(k - 2, k - 1)
        if owner is not None and owner.type in ("state", "organization"):
            return role, owner.canonical
        return role, None
    return role, _owner_before(view, mentions, k)


def _describe_nominal(name: str) -> tuple[str | None, str | None]:
    """Role and affiliation inside a descriptive speaker: "Israeli spokesman" -> (spokesman,
    Israel); "Sudan's defense minister" -> (defense minister, Sudan); "an Interpol spokesperson"
    -> (spokesperson, Interpol); "a Russian foreign ministry spokeswoman" -> (spokeswoman,
    Russia's foreign ministry); "prosecutors" -> (prosecutors, None)."""
    toks = name.replace("’s", " ’s").replace("'s", " 's").split()
    while toks and toks[0].lower() in _DETS | {"one", "some", "many", "several"}:
        toks = toks[1:]
    person_nouns = word_set("person_nouns.txt")
    if not toks or toks[-1].lower() not in person_nouns:
        return None, None
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
    gaz = gazetteer()
    org_nouns = word_set("org_nouns.txt")
    # "Russian foreign ministry": a country word before a lowercase body
    j = len(prefix)
    while j > 0 and prefix[j - 1].islower():
        j -= 1
    body = " ".join(prefix[j:])
    owner = " ".join(prefix[:j])
    if body and prefix[-1] in org_nouns:
        country = gaz.demonyms.get(owner) or (gaz.aliases.get(owner) or ("", ""))[0]
        return role, f"{country}'s {body}" if country else body
    if j < len(prefix) or owner.split("-")[-1].islower():
        return role, None  # "the 34-year-old mother", "the Spanish-speaking son": no owner
    if owner in gaz.demonyms:
        return role, gaz.demonyms[owner]
    hit = gaz.aliases.get(owner)
    if hit is not None:
        return role, hit[0]
    return role, party_labels().get(owner, owner)


def describe(view: TextView, mentions: MentionIndex, canonical: str, speaker_mention: Mention | None = None) -> tuple[str | None, str | None]:
    """(role, affiliation) of the party named ``canonical`` in this article."""
    role = aff = None
    if speaker_mention is None and not any(m.canonical == canonical for m in mentions.names):
        role, aff = _describe_nominal(canonical)
        return role, aff if aff is not None or role is not None else state_of_body(canonical)
    if speaker_mention is not None and speaker_mention.possessor:
        aff = speaker_mention.possessor
    same = [m for m in mentions.names if m.canonical == canonical]
    for m in same:
        if m.type == "organization" and m.possessor and aff is None:
            aff = m.possessor
    for r, a in _descriptions(view, mentions, same):
        if role is None and r:
            role = r
            if a and aff is None:
                aff = a
        elif aff is None and a:
            aff = a
        if role is not None and aff is not None:
            break
    if role is None and aff is None:
        role, aff = _describe_nominal(canonical)  # "Officials said": a capitalised description
        if role is not None:
            return role, aff
    if aff is None:
        aff = state_of_body(canonical)
    return role, expand_acronym(mentions, aff) if aff else aff


def state_of_body(name: str) -> str | None:
    """The state a state body's name names: "German government", "Chilean Armed Forces", "the
    government of Burundi", "Iraqi military" -> Germany, Chile, Burundi, Iraq. Only for a name
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
    return None


def expand_acronym(mentions: MentionIndex, name: str) -> str:
    """The article's full name of an acronym ("UCL" -> "University College London" when the
    article names it): a name mention whose capitalised words' initials spell it; else ``name``."""
    if not (name.isupper() and name.isalpha() and 2 <= len(name) <= 6):
        return name
    for m in mentions.names:
        toks = m.text.split()
        if len(toks) == len(name) or (len(toks) > len(name) and len(toks) <= 2 * len(name)):
            if "".join(t[0] for t in toks if t[:1].isupper()) == name:
                return m.text
    return name


def _descriptions(view: TextView, mentions: MentionIndex, same: list[Mention]) -> Iterator[tuple[str | None, str | None]]:
    """(role, affiliation) candidates of one party's mentions, best first: the titles before its
    names ("Labor Secretary Thomas Perez", "Democrat Nancy Pelosi") anywhere in the article, then
    per mention in order an appositive after it, role words before it, a description before it."""
    for m in same:
        if m.role or m.affiliation:
            yield m.role, m.affiliation
    for m in same:
        for r, a in (_appositive(view, mentions, m), _role_before(view, mentions, m), _appositive_before(view, mentions, m)):
            if r:
                yield r, a


def named_by_role(view: TextView, mentions: MentionIndex, head: str, before: int, *, max_names: int = 60) -> Mention | None:
    """The person named before token ``before`` whose description in the article has the role
    noun ``head`` ("the archbishop" -> "archbishop Monsenor Jorge Eduardo Scheinig", "The
    president" -> "Argentine President Alberto Fernández"); None when there is none. Looks at
    most ``max_names`` name mentions back."""
    k = mentions.index_before(before)
    for m in mentions.names[max(0, k - max_names + 1) : k + 1][::-1]:
        if m.type != "person":
            continue
        for r, _ in ((m.role, None), _role_before(view, mentions, m), _appositive(view, mentions, m),
                     _appositive_before(view, mentions, m)):
            if r and head in r.lower().split():
                return m
    return None
