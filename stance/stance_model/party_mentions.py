"""The party's other mentions in a stance example and the cues around them (pure Python).

The lexical and relation features look at the marked mention of the party only. A quotation often
names the party once and goes on about it with pronouns ("Barack Obama is the first president ...
who wants to change the country. ... He wants to make it a different kind of country"), or names
it again. :func:`other_mentions` finds those mentions in the example's marked tokens
(:func:`stance.stance_model.features.tokenize_marked`):

* the party's name words (not a stop word, three letters or more) anywhere else in the text;
* third-person pronouns after the party (``stance/data/pronouns.tsv``: ``person-sg`` for a party
  named in the singular, ``plural`` for one whose last word is a plural pronoun or ends in "s"),
  except one within two tokens after the speaker's mention (``"Trump said he would ..."``: the
  speaker) — a coreference rule by position and number only, with no gender.

:func:`mention_features` gives, for every such mention, the polar cue words (the cue lexicon's
``hostile`` / ``conciliatory`` categories, ``neg_`` when a negator precedes within 3 tokens) and
the CAMEO verb classes of its clause within :data:`MENTION_WINDOW` tokens, by side, and how many
mentions there are.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from stance.stance_model.features import TOKEN_RE, StanceExample, clause_bounds
from stance.stance_model.relation import NEGATORS, cameo_class
from stance.text.mentions import pronoun_kinds

#: Tokens either side of another mention searched (within its clause) for cues and CAMEO verbs.
MENTION_WINDOW = 6
#: Tokens before a cue word searched for a negator.
NEGATION_REACH = 3
#: Tokens after the speaker's mention within which a pronoun is taken as the speaker's.
SPEAKER_REACH = 2
_STOP = frozenset("the a an of and in on for to mr mrs ms dr".split())
_POLAR = ("hostile", "conciliatory")


def _pronouns(kind: str) -> frozenset[str]:
    return frozenset(w for w, k in pronoun_kinds().items() if k == kind)


def other_mentions(ex: StanceExample, tokens: tuple[list[str], int, int]) -> list[int]:
    """Token indices of the party's mentions other than the marked one (see the module's rule)."""
    toks, ti, si = tokens
    singular, plural = _pronouns("person-sg"), _pronouns("plural")
    words = [w for w in TOKEN_RE.findall(ex.text[ex.target_start:ex.target_end].lower()) if w not in _STOP]
    names = {w for w in words if len(w) > 2 and w not in singular and w not in plural}
    last = words[-1] if words else ""
    plural_party = last in plural or (last not in singular and last.endswith("s") and not last.endswith("ss"))
    prons = plural if plural_party else singular
    out = []
    for j, t in enumerate(toks):
        if j == ti or t in ("<s>", "<t>"):
            continue
        if t in names or (j > ti and t in prons and not (si >= 0 and 0 < j - si <= SPEAKER_REACH)):
            out.append(j)
    return out


def _polarity(toks: Sequence[str], j: int, lexicon: Mapping[str, str]) -> str | None:
    cat = lexicon.get(toks[j])
    if cat not in _POLAR:
        return None
    return "neg_" + cat if not NEGATORS.isdisjoint(toks[max(0, j - NEGATION_REACH):j]) else cat


def mention_features(ex: StanceExample, tokens: tuple[list[str], int, int], cameo: Mapping[str, str],
                     lexicon: Mapping[str, str]) -> list[str]:
    """The feature strings of the party's other mentions (``tokens``: the example's
    ``tokenize_marked`` result): ``n0`` / ``n1`` / ``n2`` / ``n3+`` mentions, and for each
    ``clx:<polarity>:<L|R>`` and ``cv:<coop|conf>:<L|R>`` from its clause window; no duplicates."""
    toks = tokens[0]
    ms = other_mentions(ex, tokens)
    feats = ["n" + (str(len(ms)) if len(ms) < 3 else "3+")]
    for m in ms:
        cs, ce = clause_bounds(toks, m)
        for j in range(max(cs, m - MENTION_WINDOW), min(ce, m + MENTION_WINDOW + 1)):
            if j == m:
                continue
            side = "L" if j < m else "R"
            pol = _polarity(toks, j, lexicon)
            if pol is not None:
                feats.append(f"clx:{pol}:{side}")
            root = cameo.get(toks[j])
            if root is not None:
                feats.append(f"cv:{cameo_class(root)}:{side}")
    return list(dict.fromkeys(feats))
