"""The period an undated article was written in, from the office holders it titles; the term of
an actor whose office the article names.

An article whose first line gives no date still dates itself by the titles it gives people in
office: "President Barack Obama" is written while Obama was president, "Secretary of State John
Kerry" while Kerry was. Each titled person whose title is an office the hand-written actor lookup
(``actors_recent.tsv``) knows them to hold constrains the date to that office's terms; the period
the most such (person, office) pairs agree on is the article's (the latest such period on a tie).
Titles written as past ("former", "ex-", "then-", "the late") and the Phoenix dictionaries (whose
periods are coarse) say nothing. News titles former holders too ("President Bill Clinton" in a 2016
story), which the vote over every titled person outweighs.

An undated article with no such period still names the office of the time it speaks of: "the
candidate", "the nominee" (:func:`term_the_article_names`).
"""

from __future__ import annotations

from datetime import date

from stance.speakers.actors import ActorInfo, ActorLookup, Period, Term, actor_lookup
from stance.text.lexicons import gazetteer, word_set
from stance.text.mentions import Mention, MentionIndex
from stance.text.positions import positions_of
from stance.text.view import TextView

_PAST = word_set("former_words.txt") | word_set("past_title_words.txt")
#: words before an office noun that make it another office ("vice president", "deputy secretary")
_DEPUTY = word_set("deputy_office_words.txt")
#: words before an office noun that make it an office sought or addressed ("run for president")
_SOUGHT = word_set("sought_office_words.txt")
#: how many tokens before a name a past marker of its title may stand ("the then - Secretary of State X")
_TITLE_SPAN = 5
_OPEN_START = date(1900, 1, 1)


def _past_title(view: TextView, m: Mention) -> bool:
    """A past marker among the few tokens before the name, in its sentence ("former", "then-")."""
    for k in range(m.start - 1, max(-1, m.start - 1 - _TITLE_SPAN), -1):
        w = view.lowers[k]
        if w in {".", ";", ",", "\n"}:
            return False
        if w in _PAST or any(part in _PAST for part in w.split("-") if part):
            return True
    return False


def _terms_of(table: ActorLookup, name: str) -> list[Term]:
    """The hand-written terms of the actor called ``name``; a surname alone ("President Obama") is one actor's
    surname variant, and only when a single actor has it."""
    if " " in name:
        return table.recent_terms(name)
    terms = table.recent_terms(name, surname=True)
    return terms if len({t.actor for t in terms}) == 1 else []


def titled_period(view: TextView, mentions: MentionIndex, lookup: ActorLookup | None = None) -> Period | None:
    """``[start, end)`` of the period the most titled office holders of the article agree on (see
    the module doc); None when no person is titled with an office the lookup knows them to hold."""
    table = lookup if lookup is not None else actor_lookup()
    open_end = table.latest_day()  # an open term ends where the lookup's knowledge stops
    spans: dict[tuple[str, str], list[tuple[date, date]]] = {}
    for m in mentions.names:
        if m.type != "person" or not m.role or (m.canonical, m.role.lower()) in spans:
            continue
        office = m.role.lower()
        terms = [t for t in _terms_of(table, m.canonical) if t.role and t.role.lower() == office]
        if not terms or _past_title(view, m):
            continue
        spans[(m.canonical, office)] = [(t.start or _OPEN_START, t.end or open_end) for t in terms]
    if not spans:
        return None
    bounds = sorted({d for ss in spans.values() for s in ss for d in s})
    best: tuple[int, date, date] | None = None
    for a, b in zip(bounds, bounds[1:]):
        votes = sum(any(s <= a < e for s, e in ss) for ss in spans.values())
        if votes and (best is None or votes >= best[0]):
            best = (votes, a, b)
    return (best[1], best[2]) if best is not None else None


def office_noun(role: str) -> str:
    """The noun that names an office in running text: the last word before any "of"
    ("presidential candidate" -> "candidate", "Secretary of State" -> "secretary")."""
    return role.split(" of ")[0].split()[-1].lower()


def _bare_uses(view: TextView, nouns: set[str]) -> dict[str, int]:
    """How often the article uses each of ``nouns`` (or its plural) bare: not as a title before a name
    ("President Obama", "Secretary of State Kerry"), not after a past marker ("former president"),
    a lesser office's word ("vice president"), a word of an office sought or addressed ("run for
    president", "Mr. President") or a demonym (another state's office: "the Mexican president")."""
    forms = {n: n for n in nouns} | {n + "s": n for n in nouns}
    demonyms = gazetteer().demonyms
    used: dict[str, int] = {}
    words, lowers = view.words, view.lowers
    for i in positions_of(lowers, forms):
        noun = forms[lowers[i]]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if nxt[:1].isupper() or (nxt == "of" and i + 2 < len(words) and words[i + 2][:1].isupper()):
            continue
        if i and (lowers[i - 1] in _PAST or lowers[i - 1] in _DEPUTY or lowers[i - 1] in _SOUGHT or words[i - 1] in demonyms):
            # "former president", "vice president", "run for president", "the Mexican president"
            continue
        used[noun] = used.get(noun, 0) + 1
    return used


def term_the_article_names(view: TextView, name: str, known: ActorInfo, lookup: ActorLookup | None = None,
                           period: Period | None = None) -> ActorInfo:
    """An undated article that the lookup read as current or within the ``period`` the article
    dates itself to (``known``) while it speaks of one of the actor's offices: the term whose
    office noun the article uses bare ("the candidate", "GOP nominees"), the one whose noun it
    uses most, else the latest of them (of those overlapping ``period``), when only such terms, all of one affiliation, are named (a 2016
    story of "the candidate" Trump: the Republican candidate, not the later president); else
    ``known``."""
    table = lookup if lookup is not None else actor_lookup()
    terms = [t for t in table.recent_terms(name) if t.role] if " " in name else []
    if period is not None:
        terms = [t for t in terms if (t.start is None or t.start < period[1]) and (t.end is None or t.end > period[0])]
    if len({t.affiliation for t in terms}) < 2:
        return known
    used = _bare_uses(view, {office_noun(t.role) for t in terms if t.role})
    kept = [t for t in terms if t.role and office_noun(t.role) in used]
    if not kept or len({t.affiliation for t in kept}) != 1:
        return known
    best = max(kept, key=lambda t: (used[office_noun(t.role or "")], t.start or date.min))
    return ActorInfo(best.affiliation, best.role, best.source)
