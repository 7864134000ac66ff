"""Compile WordNet's nouns for people into ``stance/data/wordnet_person_nouns.txt``.

The source is the WordNet 3.0 database (Princeton University, the WordNet 3.0 licence: free to
use, copy and distribute with its notice; see ``WORDNET_LICENSE.txt``), as the Debian package
``wordnet-base`` installs it in ``/usr/share/wordnet``. A noun is written when:

- its lemma is one lowercase word (letters, inner hyphens: "herpetologist", "whistle-blower");
- its first sense (WordNet orders senses by frequency) is in the lexicographer file
  ``noun.person`` (number 18): a kind of person, an occupation, a role; and that sense writes
  it in lowercase (not a name: "Clinton", "Carson");
- it is not mostly a verb or an adjective: in WordNet's sense-tagged counts (``cntlist.rev``), its
  uses as a verb or an adjective are at most twice its uses as a person plus two ("have",
  "tell", "white", "moderate" are left out; "pilot", "coach" stay);
- it is no past participle ("accused").

Only singular lemmas are written; :func:`stance.speakers.roles.is_person_noun` reads plurals off them.

Usage: ``python tools/compile_person_nouns.py [/usr/share/wordnet]``
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "stance" / "data" / "wordnet_person_nouns.txt"
#: WordNet's lexicographer file number of ``noun.person``
NOUN_PERSON = 18
LEMMA = re.compile(r"[a-z][a-z-]*[a-z]")


def read_index(path: Path) -> dict[str, list[str]]:
    """``{lemma: synset offsets in sense order}`` of an ``index.POS`` file."""
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line or line.startswith(" "):
            continue
        p = line.split()
        synsets, pointers = int(p[2]), int(p[3])
        out[p[0]] = p[6 + pointers : 6 + pointers + synsets]
    return out


def read_synsets(path: Path) -> dict[str, tuple[int, list[str]]]:
    """``{synset offset: (lexicographer file number, its words as written)}`` of a ``data.POS``
    file (the index lowercases every lemma; the synset keeps "Clinton" capitalised)."""
    out: dict[str, tuple[int, list[str]]] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line and not line.startswith(" "):
            p = line.split()
            count = int(p[3], 16)
            out[p[0]] = (int(p[1]), [p[4 + 2 * k] for k in range(count)])
    return out


def read_counts(path: Path) -> tuple[dict[str, int], dict[str, int]]:
    """From ``cntlist.rev`` (``lemma%ss_type:lex_filenum:...  sense_number  tag_count``): per lemma,
    its tagged uses as a person noun, and as a verb or an adjective."""
    person: dict[str, int] = {}
    other: dict[str, int] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        p = line.split()
        if len(p) != 3:
            continue
        lemma, key = p[0].split("%", 1)
        ss_type, lexfile = key.split(":")[:2]
        if ss_type == "1" and int(lexfile) == NOUN_PERSON:
            person[lemma] = person.get(lemma, 0) + int(p[2])
        elif ss_type in {"2", "3", "5"}:
            other[lemma] = other.get(lemma, 0) + int(p[2])
    return person, other


def person_nouns(wordnet: Path) -> list[str]:
    """The lemmas described in the module docstring, sorted."""
    nouns = read_index(wordnet / "index.noun")
    synsets = read_synsets(wordnet / "data.noun")
    person, other = read_counts(wordnet / "cntlist.rev")
    out = []
    for lemma, offsets in nouns.items():
        if not LEMMA.fullmatch(lemma) or lemma.endswith("ed"):
            continue
        lexfile, written = synsets[offsets[0]]
        if lexfile != NOUN_PERSON or lemma not in written:
            continue  # not a person first, or a name ("Clinton", "Carson")
        if other.get(lemma, 0) > 2 * person.get(lemma, 0) + 2:
            continue
        out.append(lemma)
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("wordnet", nargs="?", default="/usr/share/wordnet", help="folder of WordNet's index.* and data.* files")
    ap.add_argument("-o", "--out", default=str(OUT))
    args = ap.parse_args(argv)
    words = person_nouns(Path(args.wordnet))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Nouns whose first WordNet sense is a person (noun.person), one a line; compiled by\n")
        f.write("# tools/compile_person_nouns.py from WordNet 3.0 (Copyright 2006 by Princeton University; see\n")
        f.write("# WORDNET_LICENSE.txt). Read by stance/speakers/roles.py only (role heads of descriptions).\n")
        for w in words:
            f.write(w + "\n")
    print(f"{len(words)} nouns -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
