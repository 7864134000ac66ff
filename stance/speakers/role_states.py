"""The state an affiliation belongs to: the state or province a body's name holds ("California
Department of Corrections" -> California), the article's state for a bare "the government", the
state of an office holder ("the foreign minister"), and a demonym opening a name.
"""

from __future__ import annotations

from stance.speakers.role_lexicon import DETS, governs_region, is_local
from stance.text.entity_types import entity_lexicons
from stance.text.lexicons import gazetteer, rule_words, word_set
from stance.text.mentions import PORTFOLIO_TITLES, Mention, MentionIndex
from stance.text.view import RangeIndex, TextView


def state_of_demonym_opening(name: str) -> str | None:
    """The country a demonym opening a speaker's description or body names ("Belarusian KGB",
    "American law enforcement officials", "Syrian state media" -> Belarus, United States, Syria);
    None for a name of one word or one that opens otherwise."""
    toks = [t for t in name.split() if t.lower() not in DETS]
    if len(toks) < 2:
        return None
    return gazetteer().demonyms.get(toks[0])


def state_of_bare_government(view: TextView, mentions: MentionIndex, canonical: str, aff: str | None) -> str | None:
    """``aff``, or the article's state (:func:`state_of_government`) for a speaker that is a bare
    government ("the government said") or whose affiliation is one ("government officials")."""
    if (aff is None and _is_bare_government(canonical)) or (aff is not None and _is_bare_government(aff)):
        return state_of_government(view, mentions) or aff
    return aff


#: words for a state's executive that a speaker may name without its state ("the government said")
_GOVERNMENT_WORDS = rule_words("government_words")


#: plural bodies of a state's officers that a speaker may name without their state ("police said",
#: "prosecutors said", "officials said")
_STATE_OFFICERS = rule_words("state_officer_bodies")


#: words that may stand before a state's executive or officers named without the state ("the
#: federal government", "its national police")
_STATE_BODY_MODIFIERS = rule_words("state_body_modifiers")


def _is_bare_government(name: str) -> bool:
    """"government", "the government", "The authorities", "government authorities", "police",
    "prosecutors", "officials": an executive or a state's officers named without their state."""
    toks = name.lower().split()
    return (bool(toks) and (toks[-1] in _GOVERNMENT_WORDS or toks[-1] in _STATE_OFFICERS)
            and all(t in _STATE_BODY_MODIFIERS for t in toks[:-1]))


def state_of_government(view: TextView, mentions: MentionIndex, quoted: RangeIndex | None = None) -> str | None:
    """The state whose government an article's bare "the government" is: the state named with a
    government word in the article ("the government of Burundi", "the Iranian government",
    "Iran's government"; the first such), else the state the article names most often, if one
    leads; ``quoted``: token spans whose names do not count (the article's quotations)."""
    names = _outside(mentions, quoted)
    for m in names:
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
    for m in names:
        if m.type in ("state", "demonym"):
            counts[m.canonical] = counts.get(m.canonical, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def _outside(mentions: MentionIndex, quoted: RangeIndex | None) -> list[Mention]:
    """The article's name mentions outside the token spans ``quoted`` (all of them when None)."""
    if quoted is None:
        return list(mentions.names)
    return [m for m in mentions.names if not quoted.covers(m.start, m.end)]


def holds_state_office(role: str | None) -> bool:
    """Whether ``role`` names an office of a state's government ("Information Minister", "Solicitor
    General", "Presidential Spokesperson", "senators"; ``state_offices.txt``): its last one to four
    words, lowercased; or a minister or secretary of a capitalised portfolio ("Secretary of
    Justice")."""
    if not role:
        return False
    head, of, portfolio = role.partition(" of ")
    if of and portfolio[:1].isupper() and head.split()[-1].lower() in PORTFOLIO_TITLES:
        return True  # a government portfolio: "Minister of Information", "Secretary of Justice"
    toks = role.lower().split()
    offices = word_set("state_offices.txt")
    return any(" ".join(toks[-n:]) in offices for n in range(1, min(4, len(toks)) + 1))



def state_of_office(view: TextView, mentions: MentionIndex, role: str | None, quoted: RangeIndex | None = None) -> str | None:
    """The state or city a holder of ``role`` serves when the article names no body for them: the
    article's state (:func:`state_of_government`) for an office of a state's government
    (:func:`holds_state_office`; "Solicitor General Jose Calida" in a story about the Philippines ->
    Philippines); the place the article names most often, if one leads, for a city's office ("mayor
    John Tory" in a story about Toronto -> Toronto); the region or state it names most often for a
    governor; else None. ``quoted``: token spans whose names do not count (the article's
    quotations: what speakers talk about is not where an office holder serves)."""
    names = _outside(mentions, quoted)
    if role and is_local(role.split()):
        # "mayor John Tory": the city the article names most often, also at the head of its bodies'
        # names ("Toronto Police")
        counts: dict[str, int] = {}
        for m in names:
            if m.type == "place":
                counts[m.text] = counts.get(m.text, 0) + 1
        for m in names:
            head = m.text.split()[0] if m.type == "organization" and " " in m.text else None
            if head in counts:
                counts[head] += 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        return None
    if governs_region(role):
        # "Governor Jane Roe" in a story about Puerto Rico: the region the article names most
        return _most_named(names, lambda m: m.canonical in entity_lexicons().regions or m.type == "state")
    return state_of_government(view, mentions, quoted) if holds_state_office(role) else None


def _most_named(names: list[Mention], keep) -> str | None:
    """The canonical name of the mentions ``keep`` accepts that ``names`` hold most often, if
    one leads; else None."""
    counts: dict[str, int] = {}
    for m in names:
        if m.type in ("place", "state") and keep(m):
            counts[m.canonical] = counts.get(m.canonical, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


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


def state_of_kind_before(view: TextView, mentions: MentionIndex, same: list[Mention]) -> str | None:
    """The country a demonym names before a noun of a body's kind right before the body's name
    ("state-owned Iranian news agency Fars", "the Russian news agency TASS" -> Iran, Russia): at
    most four lowercase words between the demonym and the name, the last of them an organisation
    noun (``org_nouns.txt``); the first such mention of the body that has one; None when none has
    or the name is a person's (a given name or honorific shows it)."""
    demonyms = gazetteer().demonyms
    if any("gender" in m.extra for m in same):
        return None  # a person's name
    for m in same:
        if m.start < 2 or m.type not in ("organization", "person", "unknown"):
            continue  # a body, or a name the name finder could not tell from a person's ("Fars")
        t = m.start - 1
        if not (view.words[t].islower() and view.lowers[t] in word_set("org_nouns.txt")):
            continue
        while t - 1 >= 0 and m.start - t < 4 and (view.words[t - 1].islower() or view.words[t - 1] == "-"):
            t -= 1
        if t - 1 >= 0 and view.words[t - 1] in demonyms:
            return demonyms[view.words[t - 1]]
    return None


def state_after_body(view: TextView, mentions: MentionIndex, same: list[Mention]) -> str | None:
    """The state a body's name is followed by ("the Centers for Disease Control and Prevention in
    the United States", "the National Disaster Council (NDRRMC) of the Philippines" -> United
    States, Philippines): "of" or "in", "the", then a state's name as such (not a capital that
    stands for it); the first mention of the body that has one; None when none has."""
    for m in same:
        if m.type != "organization":
            continue
        t = m.end
        if t + 2 < view.n and view.words[t] == "(" and view.words[t + 2] == ")":
            t += 3  # its acronym
        if t + 1 >= view.n or view.lowers[t] not in {"of", "in"}:
            continue
        t += 1
        if view.lowers[t] == "the":
            t += 1
        state = mentions.name_at(t, t + 1)
        if state is not None and state.start == t and state.type == "state" and state.text == state.canonical:
            return state.canonical
    return None


def state_of_national_body(view: TextView, mentions: MentionIndex, name: str) -> str | None:
    """The article's state (:func:`state_of_government`) for a body speaker named by a state's
    national body without its state ("the State Department", "Department of Justice", "Obama
    administration", "the Senate"): its head noun (the word before "of"/"for", else the last) is
    in ``national_body_heads.txt`` and capitalised, or is a lowercase government word after a
    name ("Obama administration"); None for any other name."""
    toks = name.split()
    cut = next((k for k, t in enumerate(toks) if t.lower() in {"of", "for"}), len(toks))
    if cut == 0 or toks[cut - 1].lower() not in word_set("national_body_heads.txt"):
        return None
    head = toks[cut - 1]
    if not head[:1].isupper() and head not in _GOVERNMENT_WORDS:
        return None  # "the Make Crate subscription service": a company's service, not a state's
    return state_of_government(view, mentions)
