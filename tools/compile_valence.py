"""Compile VADER's sentiment lexicon into ``stance/data/valence_lexicon.tsv``.

The source is ``vader_lexicon.txt`` of the PyPI package ``vaderSentiment`` 3.3.2 (C.J. Hutto,
MIT; ``pip download --no-deps vadersentiment==3.3.2`` and unzip the wheel). Each line is
``token<TAB>mean valence<TAB>std<TAB>ratings``; valences run from -4 (most negative) to +4. Only
lowercase words (letters, an optional apostrophe suffix such as ``n't``) are kept, with their
mean valence rounded to one decimal; emoticons and other symbols are left out, and so are
:data:`NEWS_TOPIC_WORDS`: words VADER rates as evaluative that news uses as names of institutions
or topics, or as function words ("party", "security", "justice", "care" in "health care", "like").

Usage: ``python tools/compile_valence.py path/to/vader_lexicon.txt``
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "stance" / "data" / "valence_lexicon.tsv"
#: Frequent words in political news that VADER rates but that are not evaluations there.
NEWS_TOPIC_WORDS = frozenset(
    "party parties united security intelligence justice defense defence legal care like likes well top special "
    "original share shares play plays".split())
WORD = re.compile(r"^[a-z]+(?:'[a-z]+)?$")
HEADER = ("# word valences compiled from VADER's vader_lexicon.txt (vaderSentiment 3.3.2, MIT, Copyright (c) 2016 C.J. Hutto;\n"
          "# licence in stance/data/VADER_LICENSE.txt) by tools/compile_valence.py.\n"
          "# word<TAB>mean valence (-4 most negative .. +4 most positive)\n")


def compile_valence(src: str | Path) -> list[tuple[str, float]]:
    """``(word, valence)`` of the source lexicon's word entries, sorted by word."""
    out: dict[str, float] = {}
    for line in Path(src).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not WORD.match(parts[0]) or parts[0] in NEWS_TOPIC_WORDS:
            continue
        out[parts[0]] = round(float(parts[1]), 1)
    return sorted(out.items())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source")
    args = ap.parse_args()
    rows = compile_valence(args.source)
    OUT.write_text(HEADER + "".join(f"{w}\t{v}\n" for w, v in rows), encoding="utf-8")
    print(f"{len(rows)} words -> {OUT}")


if __name__ == "__main__":
    main()
