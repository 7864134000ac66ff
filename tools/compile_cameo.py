"""Compile PETRARCH2's CAMEO verb dictionary into ``stance/data/cameo_verbs.tsv``.

The source is ``CAMEO.2.0.txt`` (github.com/openeventdata/petrarch2, MIT; a copy sits in the
corpora folder as ``petrarch/CAMEO.2.0.txt``). Its verb blocks look like::

    ---  ACCUSE   [112]  ---
    ACCUSE
    BLAME {BLAMES BLAMED BLAMING } [112]
    - * OF CORRUPTION   [1121]     # pattern lines (not used here)

A block's header gives the default code; a verb line may carry its own code and its irregular
forms in braces. Each single-word verb and its forms (the braces, or the regular ``-s``, ``-es``,
``-ed``, ``-ing`` forms) is written with its CAMEO root (the code's first two digits, ``01``-``20``)
and class: ``cooperation`` for roots 01-08, ``conflict`` for 09-20. Multi-word verbs and blocks
without a code (``[---]``) are left out. A form found under several roots keeps the first.

Usage: ``python tools/compile_cameo.py ../shared/data/petrarch/CAMEO.2.0.txt``
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "stance" / "data" / "cameo_verbs.tsv"
HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
VERB = re.compile(r"^([A-Z][A-Z_]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?")


def regular_forms(w: str) -> set[str]:
    forms = {w, w + "s", w + "ed", w + "ing"}
    if w.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(w + "es")
    if w.endswith("e"):
        forms |= {w + "d", w[:-1] + "ing"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    return forms


def root_of(code: str) -> str | None:
    code = code.split(":")[0].strip()
    digits = code[:2]
    if len(digits) == 2 and digits.isdigit() and 1 <= int(digits) <= 20:
        return digits
    return None


def compile_verbs(lines: list[str]) -> dict[str, str]:
    """``{word form: root}`` from the dictionary's lines."""
    out: dict[str, str] = {}
    block: str | None = None
    for line in lines:
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        h = HEADER.match(line)
        if h:
            block = root_of(h.group(2))
            continue
        if line.startswith(("-", " ", "+", "~")):
            continue
        m = VERB.match(line)
        if not m:
            continue
        word, braces, code = m.group(1), m.group(2), m.group(3)
        root = root_of(code[1:-1]) if code else block
        if root is None or "_" in word:
            continue
        w = word.lower()
        forms = {w} | (set(braces[1:-1].lower().split()) if braces else regular_forms(w))
        for f in sorted(forms):
            if "_" not in f:
                out.setdefault(f, root)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", help="CAMEO.2.0.txt")
    ap.add_argument("-o", "--out", default=str(OUT))
    args = ap.parse_args(argv)
    verbs = compile_verbs(Path(args.source).read_text(encoding="utf-8", errors="replace").splitlines())
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# CAMEO verb forms -> root code (01-08 cooperation, 09-20 conflict); compiled by tools/compile_cameo.py\n")
        f.write("# from PETRARCH2's CAMEO.2.0.txt (MIT, Copyright (c) 2014 Open Event Data; see CAMEO_LICENSE.txt)\n")
        for w in sorted(verbs):
            f.write(f"{w}\t{verbs[w]}\n")
    print(f"{len(verbs)} verb forms -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
