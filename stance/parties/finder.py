"""Target parties of a quotation: persons, states and organisations the quotation or its
reporting frame refers to, canonicalised within the article.

Sources: names in the quotation (persons by their fullest form, countries and bodies through
the gazetteer: Washington -> United States, Pyongyang -> North Korea), demonyms (North Korean ->
North Korea), third-person pronouns resolved to the nearest earlier party, and the object of the
reporting frame ("called Kim 'a smart guy'", "accused X", "calling it a 'rogue' state").
Excluded: the speaker, the state or organisation the speaker speaks for, and a country that only
identifies a person ("North Korea's leader Kim").
"""

from __future__ import annotations

from dataclasses import dataclass

from stance.quotations.finder import RawQuote
from stance.text.mentions import MentionIndex, pronoun_kinds
from stance.text.view import POSSESSIVE_MARKS, TextView



@dataclass(frozen=True)
class TargetMention:
    """A party named at tokens ``[start, end)``: its canonical name and type."""

    name: str
    type: str
    start: int
    end: int


def _identifies_person(view: TextView, mentions: MentionIndex, m) -> bool:
    """"North Korea's leader Kim": the country only identifies the person."""
    j = m.end
    if j + 1 >= view.n or view.words[j] not in POSSESSIVE_MARKS:
        return False
    for k in range(j + 1, min(j + 4, view.n)):
        nm = mentions.name_at(k, k + 1)
        if nm is not None and nm.type == "person":
            return all(view.words[t][:1].islower() for t in range(j + 1, k))
    return False


_LOCATIVE = frozenset({"in", "at", "inside", "near", "across", "throughout"})


def _is_location(view: TextView, m) -> bool:
    """A place rather than a party: a capital after a locative preposition ("talks in Hanoi"),
    or a country in a compound with another ("the Russia-Ukraine war")."""
    words = view.words
    if m.start > 0 and view.lowers[m.start - 1] in _LOCATIVE and m.text != m.canonical:
        return True
    if m.end + 1 < view.n and words[m.end] == "-" and view.starts[m.end] == view.ends[m.end - 1] and words[m.end + 1][:1].isupper():
        return True
    if m.start >= 2 and words[m.start - 1] == "-" and view.starts[m.start] == view.ends[m.start - 1] and words[m.start - 2][:1].isupper():
        return True
    return False


def find_targets(
    view: TextView,
    mentions: MentionIndex,
    regions: list[tuple[int, int, bool]],
    exclude: set[str],
    blocked: list[tuple[int, int]] | None = None,
) -> list[TargetMention]:
    """Parties mentioned in the token ``regions`` (the quotation and its frame), first mention
    first, one per canonical name, minus ``exclude`` (speaker and the body it speaks for).

    Each region is ``(start, end, direct)``: inside a direct quotation a third-person pronoun
    cannot be the speaker (who would say "I"); elsewhere it may be, and then adds no target."""
    out: dict[str, TargetMention] = {}
    pk = pronoun_kinds()
    for a, b, direct in regions:
        for m in mentions.names_in(a, b):
            if m.type not in ("person", "state", "organization", "demonym"):
                continue
            name = m.canonical
            if name in exclude or name in out:
                continue
            if m.type == "state" and (_identifies_person(view, mentions, m) or _is_location(view, m)):
                continue
            typ = "state" if m.type == "demonym" else m.type
            out[name] = TargetMention(name, typ, m.start, m.end)
        for i in range(a, b):
            w = view.lowers[i]
            kind = pk.get(w)
            # a pronoun whose nearest antecedent is the speaker refers to the speaker: no target
            if kind == "person-sg":
                ref = mentions.previous(i, ("person",), max_sents=4, skip=exclude if direct else None)
            elif kind == "thing" and w in {"it", "its"} and (b - a) <= 4:
                # only in a short frame ("calling it a 'rogue' state"), never inside long quotes
                ref = mentions.previous(i, ("state", "organization"), max_sents=2)
            else:
                continue
            if ref is None or ref.canonical in exclude or ref.canonical in out:
                continue
            out[ref.canonical] = TargetMention(ref.canonical, ref.type, i, i + 1)
    return list(out.values())


#: A cue-to-quotation gap of at most this many tokens is searched for parties too.
FRAME_GAP = 8


def parties_of_quotation(view: TextView, mentions: MentionIndex, raw: RawQuote, speaker: str | None,
                         affiliation: str | None) -> list[TargetMention]:
    """The parties a quotation talks about: those
    of its own tokens and of the reporting frame between its cue and it (when at most
    :data:`FRAME_GAP` tokens), minus the speaker and the body the speaker speaks for."""
    exclude = set()
    if speaker is not None:
        exclude.add(speaker)
        if affiliation:
            exclude.add(affiliation)
    regions = [(raw.tok_start, raw.tok_end, raw.kind == "direct")]
    if raw.cue is not None:
        lo, hi = sorted((raw.cue.end, raw.tok_start)) if raw.cue.end <= raw.tok_start else (raw.tok_end, raw.cue.start)
        if hi - lo <= FRAME_GAP:
            regions.append((lo, hi, False))
    return find_targets(view, mentions, regions, exclude)
