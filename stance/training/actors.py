"""Compile the Phoenix actor dictionaries (PETRARCH2, MIT) into the shipped actor lookup.

``stance build actors --data DIR`` reads ``DIR/petrarch/Phoenix.{Countries,International,
MilNonState}.actors.txt`` (TABARI actor format: a primary phrase, ``+synonym`` lines, and
tab-indented ``[CODE date-restriction]`` lines; see ``dictionaries.rst``) and ``Phoenix.agents.txt``
(generic agents: ``NOUN [~SEC]``), and writes ``stance/data/actors_phoenix.tsv``:

- ``A`` rows, one per named actor: ``A  canonical  names  surnames  periods``, where ``names`` are
  the name variants without titles (``|``-separated), ``surnames`` the one-word variants the
  dictionary lists (``LAVROV``), and ``periods`` ``affiliation,sector,start,end,role`` entries
  (``;``-separated; dates ``YYYY-MM-DD`` or empty; ``role`` from the dictionary's title variants
  ("PRIME_MINISTER_BENJAMIN_NETANYAHU") or its comment, when there is exactly one title).
- ``G`` rows, one per generic agent noun: ``G  noun  sector``.

Country codes become the names the gazetteer uses (``RUS`` -> Russia); international bodies and
the few non-ISO codes are named by ``data/actors/phoenix_codes.tsv``. Places (an entry whose only
code is a bare country code: the country itself, its cities) are left out: they are not speakers.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"

#: Words that make a Phoenix variant a title-plus-name, not a name.
TITLE_WORDS = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. president vice prime minister secretary senator sen. ambassador amb.
    general gen. king queen prince chancellor governor gov. mayor speaker chairman leader premier
    representative rep. spokesman spokeswoman foreign defense defence finance interior former
    acting deputy chief commander colonel col. lieutenant emir sheikh ayatollah pope cardinal
    archbishop bishop justice judge minster president-elect sec sec. state of the us u.s.
    american administration un united nations secretary-general""".split()
)

#: Title phrases found in variants -> the role to report (longest first when matching).
ROLE_TITLES = {
    "president": "president",
    "vice president": "vice president",
    "prime minister": "prime minister",
    "foreign minister": "foreign minister",
    "defense minister": "defense minister",
    "defence minister": "defence minister",
    "finance minister": "finance minister",
    "interior minister": "interior minister",
    "secretary of state": "Secretary of State",
    "secretary of defense": "Secretary of Defense",
    "defense secretary": "Defense Secretary",
    "secretary-general": "Secretary-General",
    "secretary general": "Secretary-General",
    "chancellor": "chancellor",
    "king": "king",
    "queen": "queen",
    "emir": "emir",
    "supreme leader": "supreme leader",
    "senator": "senator",
    "governor": "governor",
    "mayor": "mayor",
}

_DATE = re.compile(r"^\d{6}$|^\d{8}$")


@dataclass
class Entry:
    """One Phoenix actor: its primary phrase, synonyms and coded periods."""

    primary: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, str | None, str | None, str]] = field(default_factory=list)  # code, start, end, comment


def phoenix_date(s: str) -> str | None:
    """``YYMMDD`` or ``YYYYMMDD`` -> ``YYYY-MM-DD`` (two-digit years above 30 are 19xx); else None."""
    s = s.strip()
    if not _DATE.match(s):
        return None
    if len(s) == 6:
        yy = int(s[:2])
        s = (f"19{s[:2]}" if yy > 30 else f"20{s[:2]}") + s[2:]
    y, m, d = s[:4], s[4:6], s[6:]
    m = m if "01" <= m <= "12" else "01"
    d = d if "01" <= d <= "31" else "01"
    return f"{y}-{m}-{d}"


def parse_restriction(text: str) -> tuple[str, str | None, str | None] | None:
    """``"RUSGOV >20040309"`` -> ``("RUSGOV", "2004-03-09", None)``; None for an empty code."""
    parts = text.split()
    if not parts or parts[0].startswith("~") or parts[0] == "---":
        return None
    code = parts[0]
    start = end = None
    if len(parts) > 1:
        r = parts[1]
        if r.startswith(">"):
            start = phoenix_date(r[1:])
        elif r.startswith("<"):
            end = phoenix_date(r[1:])
        elif "-" in r:
            a, b = r.split("-", 1)
            start, end = phoenix_date(a), phoenix_date(b)
    return code, start, end


def _add_codes(entry: Entry, body: str, comment: str) -> None:
    """Append to ``entry`` the codes of the bracketed restrictions in a line's ``body``
    ("[USAGOV >20090120]"), each with the line's ``comment``."""
    for m in re.finditer(r"\[([^\]]*)\]", body):
        r = parse_restriction(m.group(1))
        if r is not None:
            entry.codes.append((*r, comment))


def read_actor_file(lines: Iterable[str]) -> Iterator[Entry]:
    """Entries of a TABARI/PETRARCH actor file."""
    cur: Entry | None = None
    for raw in lines:
        line = raw.rstrip("\n")
        body, _, comment = line.partition("#")
        comment = comment.split("#")[0].strip()
        if not body.strip():
            continue
        if body[0] in " \t":
            if cur is not None:
                _add_codes(cur, body, comment)
            continue
        if body.startswith("+"):
            if cur is not None:
                cur.synonyms.append(body[1:].split("[")[0].strip())
                _add_codes(cur, body, comment)
            continue
        if cur is not None:
            yield cur
        name = body.split("[")[0].strip()
        cur = Entry(name)
        for m in re.finditer(r"\[([^\]]*)\]", body):
            r = parse_restriction(m.group(1))
            if r is not None:
                cur.codes.append((*r, comment))
    if cur is not None:
        yield cur


def phrase(s: str) -> str:
    """A Phoenix phrase as words: ``"SERGEY_V._LAVROV_"`` -> ``"sergey v. lavrov"``."""
    return " ".join(s.replace("_", " ").lower().split())


def key(s: str) -> str:
    """A phrase in the form the lookup matches names in (:func:`stance.speakers.actors.name_key`)."""
    from stance.speakers.actors import name_key

    return name_key(s)


def display(s: str) -> str:
    """A readable form of a phrase: ``"sergey lavrov"`` -> ``"Sergey Lavrov"``."""
    return " ".join(w[:1].upper() + w[1:] for w in s.split())


class CodeNames:
    """Phoenix code prefix -> the affiliation to report."""

    def __init__(self, extra: dict[str, str]):
        from stance.text.lexicons import gazetteer

        import pycountry

        gaz = gazetteer()
        self.names: dict[str, str] = {}
        for c in pycountry.countries:
            out = None
            for n in (getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)):
                hit = gaz.lookup(n) if n else None
                if hit is not None and hit[1] == "state":
                    out = hit[0]
                    break
            self.names[c.alpha_3] = (out or getattr(c, "common_name", None) or c.name).split(",")[0]
        self.names.update(extra)
        self.igo = extra

    def split(self, code: str) -> tuple[str, str] | None:
        """``"RUSGOV"`` -> ``("Russia", "GOV")``; ``"IGOUNOKID"`` -> ``("United Nations", "KID")``."""
        head, rest = code[:3], code[3:]
        if head == "IGO":
            org = self.igo.get(rest[:3])
            return (org, rest[3:6]) if org else None
        if head in self.names:
            return self.names[head], rest[:3]
        return None


def role_of(entry: Entry, names: list[str]) -> str | None:
    """The title the dictionary most often puts before this actor's names ("PRIME_MINISTER_
    BENJAMIN_NETANYAHU"), if one title is strictly the most frequent."""
    from collections import Counter

    found: Counter[str] = Counter()
    for syn in [entry.primary, *entry.synonyms]:
        p = phrase(syn)
        for n in names:
            if p.endswith(" " + n) and p != n:
                pre = p[: -len(n)].strip()
                for t in sorted(ROLE_TITLES, key=len, reverse=True):
                    if pre == t or pre.endswith(" " + t):
                        found[ROLE_TITLES[t]] += 1
                        break
                break
    top = found.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def compile_entry(entry: Entry, codes: CodeNames) -> str | None:
    """The ``A`` row of one entry, or None for a place or an entry without a usable code."""
    periods = []
    place = True
    for code, start, end, _comment in entry.codes:
        sp = codes.split(code)
        if sp is None:
            continue
        place = place and len(code) == 3
        periods.append((sp[0], sp[1], start or "", end or ""))
    if not periods or place:
        return None
    variants = [phrase(v) for v in [entry.primary, *entry.synonyms]]
    names: list[str] = []
    surnames: list[str] = []
    for v in variants:
        if not v or any(w in TITLE_WORDS for w in v.split()):
            continue
        if " " in v:
            if v not in names:
                names.append(v)
        elif v not in surnames:
            surnames.append(v)
    if not names and not surnames:
        return None
    canonical = display(names[0] if names else surnames[0])
    role = role_of(entry, sorted(set(names) | set(surnames), key=lambda n: (-len(n), n))) or ""
    ordered = sorted(set(periods), key=lambda p: (p[2], p[3], p[0], p[1]))
    # the title belongs to the latest period (the dictionary's variants name the actor as last coded)
    names = list(dict.fromkeys(key(n) for n in names))
    surnames = list(dict.fromkeys(key(n) for n in surnames))
    cells = ";".join(f"{a},{s},{b},{e},{role if k == len(ordered) - 1 else ''}" for k, (a, s, b, e) in enumerate(ordered))
    return "\t".join(("A", canonical, "|".join(names), "|".join(surnames), cells))


def compile_agents(lines: Iterable[str]) -> list[str]:
    """``G`` rows from the agents file: ``POLICE [~COP]`` -> ``G police COP``."""
    out = []
    seen = set()
    for line in lines:
        body = line.split("#")[0].rstrip()
        m = re.match(r"^([A-Z][A-Z0-9_.'\-]*)\s*\[~([A-Z]{3})", body)
        if not m or "!" in m.group(1):
            continue
        noun = phrase(m.group(1))
        if noun and noun not in seen:
            seen.add(noun)
            out.append(f"G\t{noun}\t{m.group(2)}")
    return out


def read_code_names(path: Path) -> dict[str, str]:
    """``code<TAB>name`` rows of ``data/actors/phoenix_codes.tsv``."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, name = line.split("\t")[:2]
            out[code.strip()] = name.strip()
    return out


def compile_actors(petrarch_dir: Path, codes_file: Path, out: Path) -> dict[str, object]:
    """Write the compiled lookup to ``out``; returns counts and the sources' sha256."""
    codes = CodeNames(read_code_names(codes_file))
    rows: list[str] = []
    digests = {}
    seen = set()
    for name in ACTOR_FILES:
        path = petrarch_dir / name
        data = path.read_bytes()
        digests[name] = hashlib.sha256(data).hexdigest()
        for entry in read_actor_file(data.decode("utf-8", errors="replace").splitlines()):
            row = compile_entry(entry, codes)
            if row is not None and row not in seen:
                seen.add(row)
                rows.append(row)
    agent_path = petrarch_dir / AGENT_FILE
    digests[AGENT_FILE] = hashlib.sha256(agent_path.read_bytes()).hexdigest()
    agents = compile_agents(agent_path.read_text(encoding="utf-8", errors="replace").splitlines())
    header = [
        "# Compiled by `stance build actors` from the Phoenix actor dictionaries of PETRARCH2",
        "# (github.com/openeventdata/petrarch2, MIT, Copyright (c) 2014 Open Event Data Alliance;",
        "# licence text in stance/data/actors_phoenix.LICENSE). Do not edit: rebuild instead.",
        *(f"# source {k} sha256 {v}" for k, v in sorted(digests.items())),
        "# A<TAB>canonical<TAB>names|... (matching form)<TAB>surnames|...<TAB>affiliation,sector,start,end,role;...",
        "# G<TAB>agent noun<TAB>sector",
    ]
    out.write_text("\n".join(header + rows + agents) + "\n", encoding="utf-8")
    return {"actors": len(rows), "agents": len(agents), "sources": digests, "bytes": out.stat().st_size}
