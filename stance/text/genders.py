"""Each person's gender as the article shows it: given names, honorifics and the pronouns that
follow the person's mentions (one place for the rule: the party finder's references and the
speakers' he/she resolution read it)."""

from __future__ import annotations

from bisect import bisect_left

from stance.text.entity_types import GENDERED_HONORIFICS, PRONOUN_GENDER, entity_lexicons
from stance.text.mentions import MentionIndex
from stance.text.positions import positions_of
from stance.text.view import TextView


#: The honorifics as written before a name ("Mr.", "Miss"): capitalised, so that the verb "miss" is none.
_HONORIFIC_GENDER = {k.capitalize(): g for k, g in GENDERED_HONORIFICS.items()}


def person_genders(view: TextView, mentions: MentionIndex, window: int = 25, min_margin: int = 1,
                   pronouns: list[int] | None = None) -> dict[str, str]:
    """Person canonical name -> gender ("m" | "f") by the article's majority evidence: the first
    third-person singular pronoun within ``window`` tokens after a mention with no other person
    named in between, an honorific before it, and a given name of one gender ("Hillary Clinton";
    ``data/first_names.tsv``, names of two tokens or more). Ties and no evidence: absent, as is a
    margin under ``min_margin`` (one pronoun each weighs 1, an honorific or a given name 2).
    ``pronouns``: the positions of the gendered pronouns (:data:`PRONOUN_GENDER`), in order, when
    the caller has them."""
    lowers, words = view.lowers, view.words
    persons = [m for m in mentions.names if m.type == "person"]
    if not persons:
        return {}
    # the pronouns' token positions, in order (one set look-up per token: faster than a
    # list.index scan per pronoun form, measured)
    at = positions_of(lowers, PRONOUN_GENDER) if pronouns is None else pronouns
    score: dict[str, int] = {}  # > 0: male, < 0: female
    n_at = len(at)
    first_names = entity_lexicons().first_names
    for k, m in enumerate(persons):
        if m.canonical not in score:  # a given name of one gender: as strong as an honorific
            g = first_names.get(m.canonical.split()[0]) if len(m.canonical.split()) >= 2 else None
            score[m.canonical] = 2 if g == "m" else -2 if g == "f" else 0
        v = score[m.canonical]
        h = _HONORIFIC_GENDER.get(words[m.start - 1]) if m.start > 0 else None
        if h is not None:
            v += 2 if h == "m" else -2
        if n_at:
            p = bisect_left(at, m.end)
            if p < n_at and at[p] < min(m.end + window, persons[k + 1].start if k + 1 < len(persons) else view.n):
                v += 1 if PRONOUN_GENDER[lowers[at[p]]] == "m" else -1
        score[m.canonical] = v
    return {name: "m" if v > 0 else "f" for name, v in score.items() if v and abs(v) >= min_margin}
