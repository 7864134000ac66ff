"""Speaker-party relations that make hostility unlikely: who speaks for, or stands by, whom.

The article's knowledge about who is who, not the words of the quotation. A party (a person) is
an *ally* of the speaker when:

- the speaker speaks for them: the speaker's affiliation is the party's campaign ("Hillary Clinton
  campaign") or names the party ("Brian Fallon, a spokesman for Clinton": affiliation "Clinton"),
  or the speaker is the campaign itself ("the Clinton campaign"), unless the speaker's role is an
  adversary's (``data/adversary_nouns.txt``: "Clinton's critics");
- the speaker shares the party's surname under another given name (family: "Ivanka Trump" on
  "Donald Trump", "Jonna Mendez" on "Tony Mendez");
- the article says, outside the quotation, that the speaker endorsed the party: a mention of the
  speaker, then in its sentence one of ``data/endorsement_words.txt`` with no word of
  ``data/endorsement_negators.txt`` between, then (after at most "of"/"for" and two title words)
  a mention of the party ("Sanders endorsed Clinton", "Christie, who is backing Trump").

A shared party alone is no alliance (the 2016 primaries: Rubio on Trump); these relations are
narrower. :mod:`stance.stance_model.ally_prior` turns them into a log-odds prior.
"""

from __future__ import annotations

from typing import Callable, Mapping, Sequence

from stance.speakers.sides import campaign_owner
from stance.text.lexicons import word_set
from stance.text.mentions import MentionIndex
from stance.text.view import TextView


def same_person(a: str | None, b: str | None) -> bool:
    """Whether two names of an article name one person: equal, or the same last word and either a
    surname alone or the same first word ("Clinton" / "Hillary Clinton"; not "Bill Clinton" /
    "Hillary Clinton")."""
    if not a or not b:
        return False
    if a == b:
        return True
    aw, bw = a.split(), b.split()
    return aw[-1] == bw[-1] and (len(aw) == 1 or len(bw) == 1 or aw[0] == bw[0])


def _full(mentions: MentionIndex, name: str) -> str:
    """A surname alone as the one full name the article gives it, else the name as it is."""
    return (mentions.full_name_of(name) if " " not in name else None) or name


def speaks_for(mentions: MentionIndex, speaker: str | None, role: str | None, affiliation: str | None, party: str,
               full: Callable[[str], str] | None = None) -> bool:
    """Whether the speaker speaks for the person ``party`` (see the module doc); ``full``: a
    surname's full name (default :func:`_full`; :func:`ally_parties` passes one that remembers)."""
    if full is None:
        def full(name: str) -> str:
            return _full(mentions, name)
    if role and word_set("adversary_nouns.txt").intersection(role.lower().split()):
        return False
    if affiliation:
        owner = campaign_owner(affiliation) or affiliation
        if same_person(full(owner), party):
            return True
    owner = campaign_owner(speaker) if speaker else None
    return owner is not None and same_person(full(owner), party)


def shares_surname(speaker: str | None, party: str) -> bool:
    """Whether two full person names share the surname under different given names."""
    if not speaker:
        return False
    a, b = speaker.split(), party.split()
    return len(a) > 1 and len(b) > 1 and a[-1] == b[-1] and a[0] != b[0]


#: tokens an endorsement word may follow the speaker's name by, within its sentence (bounds the
#: work on a text without sentence ends)
ENDORSER_WINDOW = 60


def endorsement_positions(view: TextView) -> list[int]:
    """The tokens of ``view`` that are endorsement words (``data/endorsement_words.txt``)."""
    words = word_set("endorsement_words.txt")
    return [t for t, w in enumerate(view.lowers) if w in words]


def endorsed(view: TextView, mentions: MentionIndex, speaker: str, party: str, span: tuple[int, int],
             positions: Sequence[int] | None = None) -> bool:
    """Whether the article says, outside the quotation's characters ``span``, that ``speaker``
    endorsed ``party`` (see the module doc): an endorsement word (``positions``:
    :func:`endorsement_positions`, found once per article) with a mention of the party after it
    and one of the speaker before it in its sentence (at most :data:`ENDORSER_WINDOW` tokens),
    no negator and no token of the quotation between."""
    if positions is None:
        positions = endorsement_positions(view)
    if not positions:
        return False
    starts = {m.start for m in mentions.named(party)}
    if not starts:
        return False
    ends = {m.end: m.start for m in mentions.named(speaker)}
    negators, lowers, chars = word_set("endorsement_negators.txt"), view.lowers, view.starts

    def quoted(t: int) -> bool:
        return span[0] <= chars[t] < span[1]

    for t in positions:
        k = t + 1 + (t + 1 < view.n and lowers[t + 1] in ("of", "for"))
        if quoted(t) or not any(k <= s <= k + 2 for s in starts):
            continue
        lo = max(view.sent_bounds(view.sent_of[t])[0], t - ENDORSER_WINDOW)
        for u in range(t, lo, -1):
            first = ends.get(u)
            if first is not None and not quoted(first):
                return True
            if lowers[u - 1] in negators or quoted(u - 1):
                break
    return False


def ally_parties(view: TextView, mentions: MentionIndex,
                 quotations: Sequence[tuple[str | None, str | None, str | None, tuple[int, int], Sequence[str]]],
                 affiliations: Mapping[str, str | None]) -> list[list[bool]]:
    """For each (speaker, speaker's type, role, quotation characters, party names) of an article's
    quotations, whether each party is the speaker's ally (see the module doc): a party named as a
    person that the speaker speaks for, shares a surname with or endorsed."""
    marks = []
    positions: list[int] | None = None
    fulls: dict[str, str] = {}  # the article's full name of each surname asked (the lookup scans every name)

    def full(name: str) -> str:
        out = fulls.get(name)
        if out is None:
            out = fulls[name] = _full(mentions, name)
        return out

    for speaker, kind, role, span, parties in quotations:
        row = []
        for party in parties:
            hit = False
            if speaker and any(m.type == "person" for m in mentions.named(party)[:1]):
                hit = (speaks_for(mentions, speaker, role, affiliations.get(speaker), party, full)
                       or (kind == "person" and shares_surname(speaker, party)))
                if not hit and kind == "person":
                    if positions is None:
                        positions = endorsement_positions(view)
                    hit = endorsed(view, mentions, speaker, party, span, positions)
            row.append(hit)
        marks.append(row)
    return marks
