"""Named mentions and their chains: who is who within one article.

Names are maximal runs of capitalised tokens (with inner connectors such as *of* in
"Korea Research Institute for National Strategy"), split from leading titles and country words
("U.S. Secretary of State Marco Rubio" -> title "Secretary of State", country "United States",
name "Marco Rubio"). Each mention gets a type (person, organization, state) from the gazetteer
and the organisation head nouns, and a canonical name: the fullest form of the same person in the
article ("Moon" -> "Moon Seong Mook", "Kim" -> "Kim Jong Un", surname-first and Western order
alike), or the gazetteer's canonical party name ("Washington" -> "United States").
Pronouns and descriptions ("the ministry") are resolved to the nearest compatible mention before.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicons import _rows, gazetteer, titles, word_set
from .textview import TextView

_CONNECTORS = frozenset({"of", "for", "de", "van", "von", "al", "bin", "del", "da", "du", "la", "le", "and", "the"})
_POSSESSIVE = frozenset({"’s", "'s", "’", "'"})


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def pronoun_kinds() -> dict[str, str]:
    return {r[0].strip(): r[1].strip() for r in _rows("pronouns.tsv")}


@dataclass
class Mention:
    """A mention of a party: tokens ``[start, end)`` of the view."""

    start: int
    end: int
    text: str
    kind: str  # name | pronoun | nominal
    type: str  # person | organization | state | unknown
    canonical: str
    plural: bool = False
    role: str | None = None
    affiliation: str | None = None
    possessor: str | None = None  # "North Korea" in "North Korea's Foreign Ministry"
    extra: dict = field(default_factory=dict)


def _is_cap(w: str) -> bool:
    return w[:1].isupper() or (len(w) > 1 and w[0] == "'" and w[1:2].isupper())


def _split_title(words: list[str], a: int, b: int) -> tuple[int, str | None, str | None]:
    """Strip leading country words and a title from the name run ``[a, b)``.

    Returns (new start, role, affiliation)."""
    gaz = gazetteer()
    t = titles()
    role = aff = None
    i = a
    # leading country or demonym: "U.S.", "Russian", "North Korean"
    for length in (3, 2, 1):
        if i + length < b:
            s = " ".join(words[i : i + length])
            hit = gaz.aliases.get(s)
            if hit is not None and hit[1] == "state":
                aff, i = hit[0], i + length
                break
            if s in gaz.demonyms:
                aff, i = gaz.demonyms[s], i + length
                break
    for length in (4, 3, 2, 1):
        if i + length < b:
            s = " ".join(words[i : i + length])
            if s in t:
                role = t[s] or None
                i += length
                break
    if role is None and aff is not None and i < b and i > a:
        # a country word strips only before a title or an organisation: "Chad Bown" is a
        # person, "Russian Foreign Minister Sergei Lavrov" and "Iranian Foreign Ministry" split
        org_nouns = word_set("org_nouns.txt")
        if not any(w.lower() in org_nouns for w in words[i:b]) and b - a <= 3:
            return a, None, None
    return i, role, aff


class MentionIndex:
    """All mentions of one document, with chain resolution."""

    def __init__(self, view: TextView, quote_spans: list[tuple[int, int]] | None = None):
        self.view = view
        self.names: list[Mention] = []
        self._build_names()
        self._starts = [m.start for m in self.names]
        self._canonicalise()

    # -- names ---------------------------------------------------------------------------------
    def _build_names(self) -> None:
        v = self.view
        words = v.words
        n = v.n
        stop = _stop_words()
        non_names = word_set("non_names.txt", keep_case=True)
        gaz = gazetteer()
        org_nouns = word_set("org_nouns.txt")
        lower_seen = {w for w in words if w[:1].islower()}
        i = 0
        while i < n:
            w = words[i]
            if not _is_cap(w) or w in non_names or not any(ch.isalpha() for ch in w):
                i += 1
                continue
            sent_initial = i == 0 or v.sent_of[i - 1] != v.sent_of[i] or words[i - 1] in {"“", '"', "''", "``", "(", "—", "‘"}
            if sent_initial and (w.lower() in stop or w.lower() in lower_seen or w.endswith("ing") or (w.endswith("ed") and w.lower() not in {"ted", "fred", "ahmed", "mohammed"})):
                i += 1
                continue
            if w.isupper() and len(w) > 4 and w not in gaz.aliases:
                i += 1  # all-caps datelines and headlines ("SEOUL")
                continue
            j = i + 1
            while j < n and v.sent_of[j] == v.sent_of[i]:
                wj = words[j]
                if _is_cap(wj) and wj not in non_names:
                    j += 1
                    continue
                if wj.lower() in _CONNECTORS and j + 1 < n and _is_cap(words[j + 1]) and wj.lower() != "and":
                    # "Institute for National Strategy", "Secretary of State"
                    left = " ".join(words[i:j])
                    if any(x.lower() in org_nouns for x in words[i:j]) or left.split()[-1] in titles() or wj in {"al", "bin", "de", "van", "von", "del", "da"}:
                        j += 2
                        continue
                if wj == "-" and j + 1 < n and _is_cap(words[j + 1]) and v.starts[j] == v.ends[j - 1]:
                    # "Al-Qaida", but not "Trump-Kim" pairs of known people: keep joined; split later
                    j += 2
                    continue
                break
            self._add_name(i, j)
            i = j

    def _add_name(self, a: int, b: int) -> None:
        v = self.view
        words = v.words
        gaz = gazetteer()
        org_nouns = word_set("org_nouns.txt")
        # a hyphenated pair of names ("Trump-Kim") is two mentions
        if "-" in words[a:b]:
            k = words.index("-", a, b)
            if gaz.lookup(v.span_text(a, b)) is None and a < k < b - 1:
                self._add_name(a, k)
                self._add_name(k + 1, b)
                return
        s, role, aff = _split_title(words, a, b)
        text = v.span_text(s, b)
        hit = gaz.lookup(text)
        full_hit = gaz.lookup(v.span_text(a, b))
        if full_hit is not None:
            s, role, aff, hit, text = a, None, None, full_hit, v.span_text(a, b)
        if hit is not None:
            canonical, typ = hit
        elif text in gaz.demonyms:
            canonical, typ = gaz.demonyms[text], "demonym"
        elif words[b - 1].lower() in org_nouns or any(w.lower() in org_nouns for w in words[s:b]):
            canonical, typ = text, "organization"
        elif b - s <= 4:
            canonical, typ = text, "person"
        else:
            canonical, typ = text, "unknown"
        m = Mention(s, b, text, "name", typ, canonical, role=role, affiliation=aff)
        # "North Korea's Foreign Ministry": possessive state + organisation is one organisation
        if (
            typ == "organization"
            and self.names
            and self.names[-1].end + 1 == s
            and words[s - 1] in _POSSESSIVE
            and self.names[-1].type == "state"
        ):
            owner = self.names.pop()
            m = Mention(owner.start, b, v.span_text(owner.start, b), "name", "organization",
                        v.span_text(owner.start, b), affiliation=owner.canonical, possessor=owner.canonical)
        self.names.append(m)

    def _canonicalise(self) -> None:
        # longest person name of which a name is the first or last tokens, by one dict look-up
        # per prefix/suffix instead of comparing every pair of mentions
        persons = [m for m in self.names if m.type == "person"]
        longest: dict[tuple[str, ...], tuple[int, str]] = {}
        for m in persons:
            t = tuple(m.text.split())
            n = len(t)
            for k in range(1, n + 1):
                for key in (("<", *t[:k]), (">", *t[n - k :])):
                    cur = longest.get(key)
                    if cur is None or n > cur[0]:
                        longest[key] = (n, m.text)
        for m in persons:
            t = tuple(m.text.split())
            best = m.canonical
            best_len = len(t)
            for key in (("<", *t), (">", *t)):
                cur = longest.get(key)
                if cur is not None and cur[0] > best_len:
                    best, best_len = cur[1], cur[0]
            m.canonical = best
        # an organisation's short form ("the Foreign Ministry") is matched in resolve_nominal

    # -- look-ups ------------------------------------------------------------------------------
    def name_at(self, i: int, j: int) -> Mention | None:
        """The name mention covering exactly or containing tokens ``[i, j)``."""
        k = bisect_left(self._starts, j) - 1
        while k >= 0:
            m = self.names[k]
            if m.end <= i:
                return None
            if m.start <= i and m.end >= j:
                return m
            k -= 1
        return None

    def names_in(self, i: int, j: int) -> list[Mention]:
        """Name mentions inside tokens ``[i, j)``."""
        k = bisect_left(self._starts, i)
        out = []
        while k < len(self.names) and self.names[k].start < j:
            if self.names[k].end <= j:
                out.append(self.names[k])
            k += 1
        return out

    def previous(self, i: int, types: tuple[str, ...], *, max_sents: int = 3, skip: set[str] | None = None) -> Mention | None:
        """The nearest name mention of one of ``types`` ending before token ``i``."""
        v = self.view
        k = bisect_left(self._starts, i) - 1
        s0 = v.sent_of[i] if i < v.n else v.sent_of[-1] if v.n else 0
        while k >= 0:
            m = self.names[k]
            if s0 - v.sent_of[m.start] > max_sents:
                return None
            if m.end <= i and m.type in types and not (skip and m.canonical in skip):
                return m
            k -= 1
        return None

    def canonical_person(self, name: str) -> str:
        """Fullest person name in the article of which ``name`` is the first or last tokens."""
        mt = name.split()
        best = name
        for o in self.names:
            if o.type != "person":
                continue
            ot = o.canonical.split()
            if len(ot) > len(best.split()) and (ot[: len(mt)] == mt or ot[-len(mt) :] == mt):
                best = o.canonical
        return best

    def resolve_nominal(self, head: str, i: int) -> Mention | None:
        """The organisation named before token ``i`` whose name ends in ``head`` ("the ministry")."""
        k = bisect_left(self._starts, i) - 1
        while k >= 0:
            m = self.names[k]
            if m.type in ("organization", "state") and m.text.lower().split()[-1] == head:
                return m
            k -= 1
        return None
