"""Speaker-to-party relation features of a stance example (pure Python, no scikit-learn).

Computed on the marked tokens of :func:`stance.stance_model.features.tokenize_marked` (target
``<t>``, speaker ``<s>``):

* **CAMEO verbs** near the party (``stance/data/cameo_verbs.tsv``, compiled from PETRARCH2's
  CAMEO dictionary by ``tools/compile_cameo.py``): each verb of the party's clause within
  :data:`VERB_WINDOW` tokens, by class (``coop`` for CAMEO roots 01-08, ``conf`` for 09-20) and
  root, on which side of the party, negated or under a modal; the nearest verb before the party
  (the party as its patient) and after it (the party as its agent);
* **the reporting cue**: the reporting verb nearest the speaker's mention (lexicon category
  ``report``) and its CAMEO class;
* **negation and modality** within :data:`NEAR` tokens of the party;
* **own side**: the party's name shares a word with the speaker's mention.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

from stance.stance_model.features import TOKEN_RE, StanceExample, clause_bounds

CAMEO_PATH = Path(__file__).resolve().parent.parent / "data" / "cameo_verbs.tsv"
#: Tokens either side of the party searched for CAMEO verbs.
VERB_WINDOW = 8
#: Tokens either side of the party searched for negators and modals.
NEAR = 4
NEGATORS = frozenset("not n't no never nobody nothing neither nor none without hardly barely cannot".split())
MODALS = frozenset("would could may might should will must can shall".split())
_STOP = frozenset("the a an of and in on for to mr mrs ms dr".split())


def read_cameo(path: str | Path | None = None) -> dict[str, str]:
    """``{verb form: CAMEO root}`` (two digits, ``01``-``20``) from the compiled verb file."""
    out: dict[str, str] = {}
    with open(path if path is not None else CAMEO_PATH, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            w, _, root = line.rstrip("\n").partition("\t")
            out[w] = root
    return out


def cameo_class(root: str) -> str:
    """``coop`` for CAMEO roots 01-08, ``conf`` for 09-20."""
    return "coop" if int(root) <= 8 else "conf"


#: :func:`cameo_class` of each CAMEO root
_CLASS = {f"{r:02d}": cameo_class(f"{r:02d}") for r in range(1, 21)}


def _flags(toks: Sequence[str], j: int) -> str:
    before = toks[max(0, j - 3):j]
    return ("" if NEGATORS.isdisjoint(before) else "n") + ("" if MODALS.isdisjoint(before) else "m")


def relation_features(ex: StanceExample, tokens: tuple[list[str], int, int], cameo: Mapping[str, str],
                      lexicon: Mapping[str, str]) -> list[str]:
    """The relation feature strings of one example (``tokens``: its ``tokenize_marked`` result)."""
    toks, ti, si = tokens
    n = len(toks)
    feats: list[str] = []
    app = feats.append
    cs, ce = clause_bounds(toks, ti)
    lo, hi = max(cs, ti - VERB_WINDOW), min(ce, ti + VERB_WINDOW + 1)
    gov_before = gov_after = None
    get = cameo.get
    for j in range(lo, hi):
        root = get(toks[j]) if j != ti else None
        if root is None:
            continue
        cls = _CLASS.get(root) or cameo_class(root)
        side = "L" if j < ti else "R"
        fl = _flags(toks, j)
        app(f"cv:{cls}:{side}")
        app(f"cr:{root}:{side}")
        if fl:
            app(f"cv:{cls}:{side}:{fl}")
        if j < ti:
            gov_before = (root, cls, fl)
        elif gov_after is None:
            gov_after = (root, cls, fl)
    for name, gov in (("pat", gov_before), ("agt", gov_after)):
        if gov is not None:  # the verb's root, class and flags, as computed above
            root, cls, fl = gov
            app(f"{name}:{cls}{':' + fl if fl else ''}")
            app(f"{name}r:{root}")
    near = toks[max(0, ti - NEAR):ti] + toks[ti + 1:ti + 1 + NEAR]
    if not NEGATORS.isdisjoint(near):
        app("neg_near")
    if not MODALS.isdisjoint(near):
        app("modal_near")
    if si >= 0:
        best, bd = -1, n + 1
        for j in range(max(0, si - 4), min(n, si + 5)):
            if j != si and lexicon.get(toks[j]) == "report" and abs(j - si) < bd:
                best, bd = j, abs(j - si)
        if best >= 0:
            app("cue:" + toks[best])
            root = cameo.get(toks[best])
            app("cuec:" + (cameo_class(root) + ":" + root if root else "none"))
        else:
            app("cue:none")
        tw = {w for w in TOKEN_RE.findall(ex.text[ex.target_start:ex.target_end].lower()) if w not in _STOP}
        sw = {w for w in TOKEN_RE.findall(ex.text[ex.source_start:ex.source_end].lower()) if w not in _STOP}  # type: ignore[misc]
        if tw & sw:
            app("own_side")
        app("src:" + ("before" if si < ti else "after"))
    else:
        app("src:none")
    return feats
