"""Pictures of the network (matplotlib, imported when called; ``pip install 'stance[network]'``).

* :func:`heatmap_figure`: the top sources (rows, by quotations) x top targets (columns, by
  stances), each cell coloured by the stance score (green -1 conciliatory, grey 0, red +1 hostile)
  and labelled with its number of stances;
* :func:`network_figure`: the top nodes (by stances in and out) on a circle, an arrow for each of
  the largest edges between them (at most :data:`EDGES_PER_NODE` per node), coloured by score and as wide as its number of stances; an edge of a node toward
  itself (a self-loop) is drawn as a coloured ring around the node;
* :func:`save_plot`: both side by side as a PNG; :func:`figure_svg`: a figure as inline SVG.

With ``freq``, periods are summed first (:func:`overall`).
"""

from __future__ import annotations

import io
import math
from typing import Any

from .defaults import SCORE_COLOURS, TOP, TYPE_COLOURS

_LABEL_CHARS = 28
#: The network drawing shows at most this many edges per node drawn (the largest by stances).
EDGES_PER_NODE = 3


def _short(name: str, n: int = _LABEL_CHARS) -> str:
    name = str(name)
    return name if len(name) <= n else name[: n - 1] + "…"


def overall(df: Any) -> Any:
    """``df`` with its periods summed into one row per (source, target) (score and interval
    recomputed; mean probabilities weighted by stances); ``df`` itself without a ``period``."""
    if "period" not in df.columns:
        return df
    import numpy as np

    from .intervals import wilson

    g = df.groupby(["source", "target"], sort=True, dropna=False)
    out = g.agg(source_type=("source_type", "first"), source_affiliation=("source_affiliation", "first"),
                target_type=("target_type", "first"), n=("n", "sum"), n_hostile=("n_hostile", "sum"),
                n_neutral=("n_neutral", "sum"), n_conciliatory=("n_conciliatory", "sum"),
                first_date=("first_date", "min"), last_date=("last_date", "max"), n_articles=("n_articles", "sum"),
                n_quotes=("n_quotes", "sum"), self_loop=("self_loop", "first"), examples=("examples", "first")).reset_index()
    for label in ("hostile", "neutral", "conciliatory"):
        w = df["n"] * df[f"p_{label}"].fillna(0)
        out[f"p_{label}"] = (w.groupby([df["source"], df["target"]], sort=True).sum().to_numpy() / out["n"].to_numpy()).round(6)
    s, lo, hi = wilson(out["n_hostile"], out["n_neutral"], out["n_conciliatory"])
    out["score"], out["score_low"], out["score_high"] = np.round(s, 6), np.round(lo, 6), np.round(hi, 6)
    return out.sort_values(["n_quotes", "n", "source", "target"], ascending=[False, False, True, True], kind="mergesort").reset_index(drop=True)


def _cmap() -> Any:
    from matplotlib.colors import LinearSegmentedColormap

    return LinearSegmentedColormap.from_list("stance_score", list(SCORE_COLOURS))


def top_sources_targets(df: Any, top: int = TOP) -> tuple[list[str], list[str]]:
    """The ``top`` sources by quotations and ``top`` targets by stances (ties by name)."""
    src = df.groupby("source")["n_quotes"].sum().reset_index().sort_values(["n_quotes", "source"], ascending=[False, True], kind="mergesort")
    tgt = df.groupby("target")["n"].sum().reset_index().sort_values(["n", "target"], ascending=[False, True], kind="mergesort")
    return src["source"].head(top).tolist(), tgt["target"].head(top).tolist()


def _heatmap(ax: Any, df: Any, top: int) -> Any:
    import numpy as np

    sources, targets = top_sources_targets(df, top)
    score = np.full((len(sources), len(targets)), np.nan)
    count = np.zeros((len(sources), len(targets)), dtype=int)
    si = {s: i for i, s in enumerate(sources)}
    ti = {t: j for j, t in enumerate(targets)}
    for s, t, sc, n in df[["source", "target", "score", "n"]].itertuples(index=False):
        if s in si and t in ti:
            score[si[s], ti[t]] = sc
            count[si[s], ti[t]] = n
    ax.set_facecolor("#f4f4f2")
    im = ax.imshow(np.ma.masked_invalid(score), cmap=_cmap(), vmin=-1, vmax=1, aspect="auto", interpolation="nearest")
    ax.set_xticks(range(len(targets)), [_short(t) for t in targets], rotation=55, ha="right", fontsize=8)
    ax.set_yticks(range(len(sources)), [_short(s) for s in sources], fontsize=8)
    for i in range(len(sources)):
        for j in range(len(targets)):
            if count[i, j]:
                ax.text(j, i, str(count[i, j]), ha="center", va="center", fontsize=7,
                        color="white" if abs(score[i, j]) > 0.55 else "#222")
    ax.set_xlabel("target (top by stances)", fontsize=9)
    ax.set_ylabel("source (top by quotations)", fontsize=9)
    ax.set_title("stance score of source toward target (cell: stances)", fontsize=10)
    return im


def _network(ax: Any, df: Any, top: int) -> None:
    from matplotlib.patches import Circle, FancyArrowPatch

    deg: dict[str, int] = {}
    types: dict[str, str] = {}
    for s, st, t, tt, n in df[["source", "source_type", "target", "target_type", "n"]].itertuples(index=False):
        deg[s] = deg.get(s, 0) + int(n)
        deg[t] = deg.get(t, 0) + int(n)
        types.setdefault(s, st)
        types.setdefault(t, tt)
    nodes = [k for k, _ in sorted(deg.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    ax.set_aspect("equal")
    ax.axis("off")
    if not nodes:
        return
    k = len(nodes)
    pos = {name: (math.cos(math.pi / 2 - 2 * math.pi * i / k), math.sin(math.pi / 2 - 2 * math.pi * i / k)) for i, name in enumerate(nodes)}
    dmax = max(deg[n] for n in nodes)
    radius = {n: 0.035 + 0.06 * math.sqrt(deg[n] / dmax) for n in nodes}
    cmap = _cmap()
    sub = df[df["source"].isin(pos) & df["target"].isin(pos)]
    sub = sub.sort_values(["n", "source", "target"], ascending=[False, True, True], kind="mergesort").head(EDGES_PER_NODE * k)
    ax.set_title(f"the top {k} parties and their {len(sub)} largest edges (arrow: source → target)", fontsize=10)
    nmax = max(int(sub["n"].max()), 1) if len(sub) else 1
    for s, t, sc, n in sub[["source", "target", "score", "n"]].itertuples(index=False):
        colour = cmap((sc + 1) / 2)
        width = 0.6 + 3.4 * math.sqrt(n / nmax)
        if s == t:
            ax.add_patch(Circle(pos[s], radius[s] * 1.45, fill=False, edgecolor=colour, linewidth=width, zorder=2))
            continue
        (x0, y0), (x1, y1) = pos[s], pos[t]
        L = math.hypot(x1 - x0, y1 - y0) or 1.0
        a = (x0 + (x1 - x0) * radius[s] / L, y0 + (y1 - y0) * radius[s] / L)
        b = (x1 - (x1 - x0) * radius[t] / L, y1 - (y1 - y0) * radius[t] / L)
        ax.add_patch(FancyArrowPatch(a, b, arrowstyle="-|>", mutation_scale=8 + 4 * width, linewidth=width, color=colour,
                                     alpha=0.85, connectionstyle="arc3,rad=0.12", zorder=1))
    for name in nodes:
        x, y = pos[name]
        ax.add_patch(Circle((x, y), radius[name], facecolor=TYPE_COLOURS.get(types.get(name, "unknown"), TYPE_COLOURS["unknown"]),
                            edgecolor="white", linewidth=1.0, zorder=3))
        ang = math.atan2(y, x)
        lx, ly = x + (radius[name] + 0.06) * math.cos(ang), y + (radius[name] + 0.06) * math.sin(ang)
        ax.text(lx, ly, _short(name, 24), fontsize=8, ha="left" if math.cos(ang) > 0.2 else "right" if math.cos(ang) < -0.2 else "center",
                va="bottom" if math.sin(ang) > 0.2 else "top" if math.sin(ang) < -0.2 else "center", zorder=4)
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.35, 1.35)
    handles = [Circle((0, 0), 1, facecolor=c) for c in TYPE_COLOURS.values()]
    ax.legend(handles, list(TYPE_COLOURS), loc="lower left", fontsize=7, frameon=False, title="node type", title_fontsize=7)


def _empty(ax: Any) -> None:
    ax.axis("off")
    ax.text(0.5, 0.5, "no edges", ha="center", va="center", fontsize=12, color="#666", transform=ax.transAxes)


def heatmap_figure(df: Any, top: int = TOP, title: str | None = None) -> Any:
    """A matplotlib Figure with the heatmap and its colour bar."""
    from matplotlib.figure import Figure

    df = overall(df)
    fig = Figure(figsize=(3.2 + 0.45 * min(top, max(1, df["target"].nunique())), 2.4 + 0.32 * min(top, max(1, df["source"].nunique()))), layout="constrained")
    ax = fig.add_subplot()
    if len(df) == 0:
        _empty(ax)
    else:
        im = _heatmap(ax, df, top)
        fig.colorbar(im, ax=ax, shrink=0.8, label="score: −1 conciliatory … +1 hostile")
    if title:
        fig.suptitle(title, fontsize=11)
    return fig


def network_figure(df: Any, top: int = TOP, title: str | None = None) -> Any:
    """A matplotlib Figure with the network drawing."""
    from matplotlib.figure import Figure

    df = overall(df)
    fig = Figure(figsize=(8, 7), layout="constrained")
    ax = fig.add_subplot()
    if len(df) == 0:
        _empty(ax)
    else:
        _network(ax, df, top)
    if title:
        fig.suptitle(title, fontsize=11)
    return fig


def combined_figure(df: Any, top: int = TOP, title: str | None = None) -> Any:
    """The heatmap (left) and the network drawing (right) in one Figure."""
    from matplotlib.figure import Figure

    df = overall(df)
    fig = Figure(figsize=(17, 8), layout="constrained")
    ax1, ax2 = fig.subplots(1, 2, width_ratios=[1.1, 1])
    if len(df) == 0:
        _empty(ax1)
        _empty(ax2)
    else:
        im = _heatmap(ax1, df, top)
        fig.colorbar(im, ax=ax1, shrink=0.7, label="score: −1 conciliatory … +1 hostile")
        _network(ax2, df, top)
    fig.suptitle(title or "stance network", fontsize=12)
    return fig


def save_plot(df: Any, path: str, top: int = TOP, title: str | None = None, dpi: int = 110) -> None:
    """Write :func:`combined_figure` as a PNG (atomically)."""
    from ..io import atomic_path

    fig = combined_figure(df, top, title)
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format="png", dpi=dpi, metadata={"Software": None})


def figure_svg(fig: Any) -> str:
    """A figure as an inline ``<svg>`` element (no XML prolog, no date: deterministic)."""
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "stance-network", "svg.fonttype": "path"}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    text = buf.getvalue()
    return text[text.index("<svg"):]
