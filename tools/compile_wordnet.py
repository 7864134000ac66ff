"""Compile WordNet's nouns for people, its adjectives and its common nouns into
``stance/data/wordnet_person_nouns.txt``, ``stance/data/wordnet_adjectives.txt`` and
``stance/data/wordnet_common_nouns.txt``.

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

Only singular lemmas are written; ``stance.speakers.roles`` reads plurals off them.

An adjective is written when its lemma is one lowercase word, and its uses as an adjective in the
sense-tagged counts are at least its uses as a noun and as a verb ("federal", "chief",
"technical", "incumbent"; not "executive", "capital"). The name rules read it to tell a title's
modifiers ("Chief Technical Officer", "Federal district judge") from the body before a title.

A common noun is written when its lemma is one lowercase word that a synset writes in lowercase
(no name: "harvard" is written "Harvard") and it has at least one sense-tagged use as a noun
("justice", "information", "state"): the role rules read it to tell a portfolio after a title's
"of" ("Secretary of Justice") from a body or a place ("CEO of Tesco").

Usage: ``python tools/compile_wordnet.py [/usr/share/wordnet]``
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "stance" / "data"
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


def read_counts(path: Path) -> dict[str, dict[str, int]]:
    """From ``cntlist.rev`` (``lemma%ss_type:lex_filenum:...  sense_number  tag_count``): per lemma,
    its tagged uses as a person noun ("person"), any noun ("noun"), a verb ("verb") and an
    adjective ("adj")."""
    kinds = {"1": "noun", "2": "verb", "3": "adj", "5": "adj"}
    out: dict[str, dict[str, int]] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        p = line.split()
        if len(p) != 3:
            continue
        lemma, key = p[0].split("%", 1)
        ss_type, lexfile = key.split(":")[:2]
        kind = kinds.get(ss_type)
        if kind is None:
            continue
        c = out.setdefault(lemma, {"person": 0, "noun": 0, "verb": 0, "adj": 0})
        c[kind] += int(p[2])
        if kind == "noun" and int(lexfile) == NOUN_PERSON:
            c["person"] += int(p[2])
    return out


def person_nouns(wordnet: Path) -> list[str]:
    """The lemmas described in the module docstring, sorted."""
    nouns = read_index(wordnet / "index.noun")
    synsets = read_synsets(wordnet / "data.noun")
    counts = read_counts(wordnet / "cntlist.rev")
    out = []
    for lemma, offsets in nouns.items():
        if not LEMMA.fullmatch(lemma) or lemma.endswith("ed"):
            continue
        lexfile, written = synsets[offsets[0]]
        if lexfile != NOUN_PERSON or lemma not in written:
            continue  # not a person first, or a name ("Clinton", "Carson")
        c = counts.get(lemma, {"person": 0, "verb": 0, "adj": 0})
        if max(c["verb"], c["adj"]) > 2 * c["person"] + 2:
            continue
        out.append(lemma)
    return sorted(out)


def adjectives(wordnet: Path) -> list[str]:
    """The adjectives described in the module docstring, sorted."""
    counts = read_counts(wordnet / "cntlist.rev")
    out = []
    for lemma in read_index(wordnet / "index.adj"):
        c = counts.get(lemma, {"noun": 0, "verb": 0, "adj": 0})
        if LEMMA.fullmatch(lemma) and c["adj"] >= c["noun"] and c["adj"] >= c["verb"]:
            out.append(lemma)
    return sorted(out)


def common_nouns(wordnet: Path) -> list[str]:
    """The common nouns described in the module docstring, sorted."""
    counts = read_counts(wordnet / "cntlist.rev")
    written = {w for _, words in read_synsets(wordnet / "data.noun").values() for w in words}
    return sorted(w for w, c in counts.items() if c["noun"] and LEMMA.fullmatch(w) and w in written)


def write(path: Path, header: list[str], words: list[str]) -> None:
    """``words`` one a line under ``header`` comment lines."""
    with open(path, "w", encoding="utf-8") as f:
        for line in header:
            f.write(f"# {line}\n")
        for w in words:
            f.write(w + "\n")
    print(f"{len(words)} words -> {path}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("wordnet", nargs="?", default="/usr/share/wordnet", help="folder of WordNet's index.*, data.* and cntlist.rev files")
    ap.add_argument("-o", "--out", default=str(DATA), help="folder to write the three lists to")
    args = ap.parse_args(argv)
    wordnet, out = Path(args.wordnet), Path(args.out)
    notice = "tools/compile_wordnet.py from WordNet 3.0 (Copyright 2006 by Princeton University; see WORDNET_LICENSE.txt)."
    write(out / "wordnet_person_nouns.txt", [
        "Nouns whose first WordNet sense is a person (noun.person), one a line; compiled by", notice,
        "Read by stance/speakers/roles.py only (role heads of descriptions)."], person_nouns(wordnet))
    write(out / "wordnet_adjectives.txt", [
        "Words WordNet uses mostly as adjectives, one a line; compiled by", notice,
        "Read by stance/text/mentions.py (a title's modifiers: \"Chief Technical Officer\")."], adjectives(wordnet))
    write(out / "wordnet_common_nouns.txt", [
        "Common nouns WordNet has sense-tagged uses of, one a line; compiled by", notice,
        "Read by stance/speakers/roles.py (a portfolio after a title: \"Secretary of Justice\")."], common_nouns(wordnet))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
