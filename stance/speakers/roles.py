"""Role and affiliation of a speaker, taken from anywhere in the article.

Sources, in order: a title before the name ("U.S. Secretary of State Marco Rubio": role
Secretary of State, affiliation United States); an appositive after it ("Moon Seong Mook, an
analyst for the Seoul-based Korea Research Institute for National Strategy"); a role noun before
it with a possessor ("its leader Kim Jong Un", "North Korea's leader Kim"); a country adjective
("an Israeli spokesman": Israel). The first mention's description carries to later mentions.
"""

from __future__ import annotations

from stance.text.lexicons import gazetteer, titles, word_set
from stance.text.mentions import Mention, MentionIndex
from stance.text.view import TextView

_PREPS = frozenset({"for", "of", "at", "with", "in", "from"})
_DETS = frozenset({"a", "an", "the", "its", "his", "her", "their"})
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
    return m.canonical if m.type in ("state", "demonym") else m.text


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
    if poss is not None and poss.start >= i - 1 and poss.end + 1 < sb and words[poss.end] in {"’s", "'s"}:
        aff = poss.canonical
        i = poss.end + 1
    elif i < sb and words[i] in gaz.demonyms:
        aff = gaz.demonyms[words[i]]
        i += 1
    role_words: list[str] = []
    j = i
    while j < sb and j - i < 5 and words[j] not in _STOP_APPOS and lowers[j] not in _PREPS:
        role_words.append(words[j])
        j += 1
    if not role_words:
        return None, None
    head = role_words[-1].lower()
    if head not in person_nouns and " ".join(role_words) not in titles() and head not in {t.lower() for t in titles()}:
        return None, None
    role = " ".join(role_words)
    if j < sb and lowers[j] in _PREPS and aff is None:
        aff = _affiliation_from(view, mentions, j + 1, sb)
    return role, aff


def _role_before(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str | None, str | None]:
    """"its leader Kim Jong Un", "North Korea's leader Kim", "analyst Moon"."""
    i = m.start - 1
    if i < 1:
        return None, None
    person_nouns = word_set("person_nouns.txt")
    w = view.lowers[i]
    if w not in person_nouns or not view.words[i][:1].islower():
        return None, None
    p = view.lowers[i - 1]
    if p in {"its", "their"}:
        # the owner is the nearest earlier state or body that is not the object of a preposition
        k = i - 1
        while True:
            owner = mentions.previous(k, ("state", "organization", "demonym"), max_sents=2)
            if owner is None:
                return w, None
            b = owner.start - 1
            if b >= 0 and view.lowers[b] == "the":
                b -= 1
            if b < 0 or view.lowers[b] not in _PREPS | {"to", "against", "toward", "on", "by"}:
                return w, owner.canonical
            k = owner.start
    if p in {"’s", "'s"}:
        owner = mentions.name_at(i - 2, i - 1)
        if owner is not None and owner.type in ("state", "organization"):
            return w, owner.canonical
    d = view.words[i - 1]
    if d in gazetteer().demonyms:
        return w, gazetteer().demonyms[d]
    return w, None


def _describe_nominal(name: str) -> tuple[str | None, str | None]:
    """Role and affiliation inside a descriptive speaker: "Israeli spokesman" -> (spokesman,
    Israel); "Sudan's defense minister" -> (defense minister, Sudan)."""
    toks = name.replace("’s", " ’s").replace("'s", " 's").split()
    if len(toks) < 2 or toks[-1].lower() not in word_set("person_nouns.txt"):
        return None, None
    gaz = gazetteer()
    for k in (3, 2, 1):
        if k >= len(toks):
            continue
        head = " ".join(toks[:k])
        rest = toks[k:]
        if rest and rest[0] in {"’s", "'s"}:
            rest = rest[1:]
        if not rest:
            continue
        if head in gaz.demonyms:
            return " ".join(rest), gaz.demonyms[head]
        hit = gaz.aliases.get(head)
        if hit is not None and hit[1] == "state":
            return " ".join(rest), hit[0]
    return None, None


def describe(view: TextView, mentions: MentionIndex, canonical: str, speaker_mention: Mention | None = None) -> tuple[str | None, str | None]:
    """(role, affiliation) of the party named ``canonical`` in this article."""
    role = aff = None
    if speaker_mention is None and not any(m.canonical == canonical for m in mentions.names):
        return _describe_nominal(canonical)
    if speaker_mention is not None and speaker_mention.possessor:
        aff = speaker_mention.possessor
    for m in mentions.names:
        if m.canonical != canonical:
            continue
        if m.type == "organization" and m.possessor and aff is None:
            aff = m.possessor
        for r, a in ((m.role, m.affiliation), _appositive(view, mentions, m), _role_before(view, mentions, m)):
            if role is None and r:
                role = r
                if a and aff is None:
                    aff = a
            elif aff is None and a and r:
                aff = a
        if role is not None and aff is not None:
            break
    return role, aff
