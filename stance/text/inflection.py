"""The forms of an English verb: its regular inflections, and the full set of forms of a verb
listed in a data file with its irregular forms.

One place for the verb-form rules of every verb list in ``stance/data`` (the reporting verbs of
:func:`stance.text.lexicons.cue_lexicon`, the frame verbs of
:func:`stance.parties.references.frame_object_verbs`, the motion verbs of
:func:`stance.parties.finder.motion_verb_forms`). The callers differ only in which regular past
forms an irregular verb drops (:func:`verb_forms`).
"""

from __future__ import annotations

import re
from typing import Iterable


def inflections(lemma: str) -> set[str]:
    """Regular inflections of an English verb: lemma, 3sg, past/participle, gerund."""
    w = lemma
    forms = {w}
    if re.search(r"(s|sh|ch|x|z|o)$", w):
        forms.add(w + "es")
    elif re.search(r"[^aeiou]y$", w):
        forms.add(w[:-1] + "ies")
    else:
        forms.add(w + "s")
    # consonant doubling for short CVC verbs (slam, dub, quip)
    cvc = re.fullmatch(r"(?:qu|[^aeiou])*[aeiou][^aeiouwxy]", w) is not None
    if w.endswith("e"):
        forms.add(w + "d")
        forms.add((w[:-1] if not w.endswith("ee") else w) + "ing")
    elif re.search(r"[^aeiou]y$", w):
        forms.add(w[:-1] + "ied")
        forms.add(w + "ing")
    elif cvc:
        forms.add(w + w[-1] + "ed")
        forms.add(w + w[-1] + "ing")
    else:
        forms.add(w + "ed")
        forms.add(w + "ing")
    return forms


def verb_forms(lemma: str, irregular: Iterable[str] = (), extra: Iterable[str] = (), *,
               drop_pasts: bool = True, drop_doubled: bool = False) -> set[str]:
    """Every form of the verb ``lemma``: its :func:`inflections`, its ``irregular`` forms and any
    ``extra`` forms. With ``drop_pasts``, a verb with irregular forms loses the regular past
    forms the rules make for it ("sayed", "telled": lemma + "ed" and lemma + "d") unless
    ``irregular`` lists them; with ``drop_doubled`` too, the doubled-consonant one ("admitted" is
    kept only when listed). ``extra`` forms are not protected from the drop."""
    kept = set(irregular)
    forms = inflections(lemma) | kept | set(extra)
    if drop_pasts and kept:
        drop = {lemma + "ed", lemma + "d"}
        if drop_doubled:
            drop.add(lemma + lemma[-1] + "ed")
        forms -= drop - kept
    return forms
