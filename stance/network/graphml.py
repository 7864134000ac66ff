"""The edge table as GraphML (readable by ``networkx.read_graphml``, Gephi, Cytoscape, igraph).

One directed edge per table row (so with ``freq`` there are parallel edges, one per period, each
with its ``period`` attribute; GraphML allows them and networkx then reads a MultiDiGraph).
Nodes are the sources and targets, with ``type`` and ``affiliation`` attributes; edges carry every
column of the table except ``source`` and ``target`` (missing values are omitted). Written by this
module (no networkx needed), in table order, so the file is deterministic.
"""

from __future__ import annotations

import math
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from ..io import atomic_output

_NODE_COLUMNS = {"source": ("source_type", "source_affiliation"), "target": ("target_type", None)}


def _gtype(dtype: Any) -> str:
    kind = getattr(dtype, "kind", "O")
    return {"b": "boolean", "i": "long", "u": "long", "f": "double"}.get(kind, "string")


def _value(v: Any, t: str) -> str | None:
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    try:
        import pandas as pd

        if v is pd.NA or v is pd.NaT:
            return None
    except ImportError:  # pragma: no cover
        pass
    if t == "boolean":
        return "true" if bool(v) else "false"
    if t == "double":
        return repr(float(v))
    if t == "long":
        return str(int(v))
    return str(v)


def _clean(s: str) -> str:
    """XML 1.0 forbids most control characters: drop them."""
    return "".join(ch for ch in s if ch in "\t\n\r" or ord(ch) >= 0x20)


def write_graphml_to(df: Any, out: IO[str]) -> None:
    """Write ``df`` (a table from :func:`stance.network.network`) as GraphML to a text stream."""
    edge_cols = [c for c in df.columns if c not in ("source", "target")]
    types = {c: _gtype(df[c].dtype) for c in edge_cols}
    nodes: dict[str, dict[str, Any]] = {}
    for row in df[["source", "source_type", "source_affiliation"]].itertuples(index=False):
        d = nodes.setdefault(row[0], {})
        d.setdefault("type", row[1])
        if row[2] is not None and not (isinstance(row[2], float) and math.isnan(row[2])):
            d.setdefault("affiliation", row[2])
    for row in df[["target", "target_type"]].itertuples(index=False):
        nodes.setdefault(row[0], {}).setdefault("type", row[1])
    w = out.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    w('  <key id="n_type" for="node" attr.name="type" attr.type="string"/>\n')
    w('  <key id="n_affiliation" for="node" attr.name="affiliation" attr.type="string"/>\n')
    for i, c in enumerate(edge_cols):
        w(f'  <key id="e{i}" for="edge" attr.name={quoteattr(c)} attr.type="{types[c]}"/>\n')
    w('  <graph id="stance-network" edgedefault="directed">\n')
    for name in sorted(nodes):
        w(f"    <node id={quoteattr(_clean(str(name)))}>\n")
        for k in ("type", "affiliation"):
            v = nodes[name].get(k)
            if v is not None:
                w(f'      <data key="n_{k}">{escape(_clean(str(v)))}</data>\n')
        w("    </node>\n")
    cols = ["source", "target", *edge_cols]
    for j, row in enumerate(df[cols].itertuples(index=False)):
        w(f'    <edge id="e{j}" source={quoteattr(_clean(str(row[0])))} target={quoteattr(_clean(str(row[1])))}>\n')
        for i, c in enumerate(edge_cols):
            v = _value(row[i + 2], types[c])
            if v is not None:
                w(f'      <data key="e{i}">{escape(_clean(v))}</data>\n')
        w("    </edge>\n")
    w("  </graph>\n</graphml>\n")


def write_graphml(df: Any, path: str) -> None:
    """Write ``df`` as a GraphML file (atomically; ``-``: stdout)."""
    with atomic_output(path) as out:
        write_graphml_to(df, out)
