"""The network as one self-contained HTML page: inline CSS and inline SVG figures, no scripts, no
fetched resources. It shows the run summary (every count of
:data:`stance.network.aggregate.SUMMARY`), the network drawing and the heatmap
(:mod:`stance.network.plot`), and the top edges with their example quotations, each linked to its
article and character offsets (``link_template``). All text is escaped.
"""

from __future__ import annotations

import json
import math
from html import escape
from typing import Any, Sequence
from urllib.parse import quote as urlquote

from .defaults import LINK_TEMPLATE, SCORE_COLOURS, TOP, TOP_EDGES

_CSS = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,'DejaVu Sans',sans-serif;color:#1d1d1f;background:#fafaf7}
header{padding:18px 28px 10px;border-bottom:1px solid #ddd;background:#fff}
h1{margin:0 0 4px;font-size:22px}
h2{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:#555;margin:0 0 10px}
.meta{color:#555;font-size:13px;margin:0}
main{padding:18px 28px}
section{background:#fff;border:1px solid #e2e2dc;border-radius:8px;padding:14px 18px;margin-bottom:18px}
.figs{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.3fr);gap:18px}
@media (max-width:1000px){.figs{grid-template-columns:minmax(0,1fr)}}
.figs svg{width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;vertical-align:top;padding:5px 6px;border-bottom:1px solid #eee}
th{color:#555;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.score{display:inline-block;min-width:52px;text-align:center;border-radius:10px;padding:0 6px;color:#fff;font-weight:600}
.ci{color:#666;font-size:12px}
.type{color:#777;font-size:12px}
ol.ex{margin:0;padding-left:18px}
ol.ex li{margin:0 0 4px}
.lab{font-size:11px;border-radius:8px;padding:0 6px;border:1px solid}
.lab-hostile{color:#b71c1c;background:#fde2df}.lab-conciliatory{color:#1b5e20;background:#ddf2de}.lab-neutral{color:#37474f;background:#e6ecef}
.summary td:first-child{text-align:right;font-variant-numeric:tabular-nums;width:90px}
.muted{color:#888}
footer{color:#888;font-size:11px;padding:0 28px 18px}
"""


def _hex(c: str) -> tuple[int, int, int]:
    return int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16)


def score_colour(score: float) -> str:
    """The colour of a score on the scale of :data:`~stance.network.defaults.SCORE_COLOURS`."""
    if score is None or (isinstance(score, float) and math.isnan(score)):
        return "#9e9e9e"
    s = max(-1.0, min(1.0, float(score)))
    lo, mid, hi = (_hex(c) for c in SCORE_COLOURS)
    a, b, t = (lo, mid, s + 1) if s < 0 else (mid, hi, s)
    rgb = tuple(round(x + (y - x) * t) for x, y in zip(a, b))
    return "#%02x%02x%02x" % rgb


def _text_colour(score: float) -> str:
    return "#fff" if score is not None and not (isinstance(score, float) and math.isnan(score)) and abs(score) > 0.45 else "#222"


def _na(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def _link(template: str, ex: dict[str, Any]) -> str:
    return template.format(id=urlquote(str(ex.get("id") or ""), safe=""), start=ex.get("start"), end=ex.get("end"))


def _examples(cell: Any, template: str | None) -> str:
    try:
        items = json.loads(cell) if isinstance(cell, str) else []
    except ValueError:
        items = []
    if not items:
        return '<span class="muted">–</span>'
    lis = []
    for ex in items:
        where = f"{ex.get('id')} [{ex.get('start')}–{ex.get('end')}]"
        ref = f'<a href="{escape(_link(template, ex))}">{escape(where)}</a>' if template else escape(where)
        label = str(ex.get("label"))
        lis.append(f'<li>“{escape(str(ex.get("quote") or ""))}” <span class="lab lab-{escape(label)}">{escape(label)}</span> '
                   f'<span class="type">{ref}</span></li>')
    return '<ol class="ex">' + "".join(lis) + "</ol>"


def _edges_table(df: Any, top_edges: int, template: str | None) -> str:
    if len(df) == 0:
        return '<p class="muted">No edges.</p>'
    has_period = "period" in df.columns
    head = ["#"] + (["period"] if has_period else []) + ["source", "target", "quotations", "stances H / N / C", "score [95% CI]",
                                                          "dates", "articles", "example quotations"]
    rows = []
    for k, r in enumerate(df.head(top_edges).itertuples(index=False), 1):
        d = r._asdict()
        sc = d["score"]
        aff = d.get("source_affiliation")
        src_meta = escape(str(d["source_type"])) + ("" if _na(aff) or aff == d["source"] else f", {escape(str(aff))}")
        cells = [f'<td class="num">{k}</td>']
        if has_period:
            cells.append(f"<td>{escape(str(d['period']))}</td>")
        cells += [
            f'<td>{escape(str(d["source"]))}<br><span class="type">{src_meta}</span></td>',
            f'<td>{escape(str(d["target"]))}<br><span class="type">{escape(str(d["target_type"]))}</span>'
            + (' <span class="type">(self-loop)</span>' if d.get("self_loop") else "") + "</td>",
            f'<td class="num">{int(d["n_quotes"])}</td>',
            f'<td class="num">{int(d["n_hostile"])} / {int(d["n_neutral"])} / {int(d["n_conciliatory"])}</td>',
            f'<td><span class="score" style="background:{score_colour(sc)};color:{_text_colour(sc)}">{sc:+.2f}</span>'
            f'<br><span class="ci">[{d["score_low"]:+.2f}, {d["score_high"]:+.2f}]</span></td>',
            f'<td>{escape(str(d["first_date"] or "–"))}<br>{escape(str(d["last_date"] or "–"))}</td>'
            if not _na(d["first_date"]) else '<td class="muted">undated</td>',
            f'<td class="num">{int(d["n_articles"])}</td>',
            f"<td>{_examples(d['examples'], template)}</td>",
        ]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    ths = "".join(f'<th{" class=num" if h in ("#", "quotations", "articles") else ""}>{escape(h)}</th>' for h in head)
    return f"<table class=\"edges\"><thead><tr>{ths}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _summary_table(summary: dict[str, Any]) -> str:
    from .aggregate import SUMMARY

    rows = "".join(f"<tr><td>{int(summary.get(k, 0))}</td><td>{escape(what)}</td></tr>" for k, what in SUMMARY.items())
    errs = summary.get("error_examples") or []
    more = ""
    if errs:
        more = "<p>First errors:</p><ul>" + "".join(f"<li>{escape(str(e))}</li>" for e in errs) + "</ul>"
    return f'<table class="summary">{rows}</table>{more}'


def render_report(df: Any, *, title: str | None = None, top: int = TOP, top_edges: int = TOP_EDGES,
                  link_template: str | None = LINK_TEMPLATE, inputs: Sequence[str] = ()) -> str:
    """The HTML page of a network table (from :func:`stance.network.network`). ``link_template``
    (``{id}``, ``{start}``, ``{end}``) makes each example a link to its article and offsets;
    None shows the id and offsets without a link."""
    from .plot import figure_svg, heatmap_figure, network_figure, overall

    title = title or "Stance network"
    summary = df.attrs.get("summary") or {}
    options = df.attrs.get("options") or {}
    opts = ", ".join(f"{k}={v}" for k, v in options.items() if v not in (None, False))
    whole = overall(df)
    figs = ""
    if len(df):
        figs = (f'<section class="figs"><div><h2>Network</h2>{figure_svg(network_figure(whole, top))}'
                f'<p class="meta">Node size: stances in and out; arrow colour: score (green conciliatory, grey neutral, red hostile); '
                f'width: stances; a ring around a node: its stances toward itself.</p></div>'
                f'<div><h2>Heatmap</h2>{figure_svg(heatmap_figure(whole, top))}</div></section>')
    note = (" (per period)" if "period" in df.columns else "")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>{escape(title)}</h1>
<p class="meta">{escape(", ".join(inputs)) + " · " if inputs else ""}{len(df)} edges · {int(summary.get("quotes", 0))} quotations in {int(summary.get("analyses", 0))} analyses · {escape(opts)}</p>
</header>
<main>
{figs}
<section><h2>Top edges{note}</h2>
<p class="meta">Score = (hostile − conciliatory) / stances, from −1 (all conciliatory) to +1 (all hostile), with a 95% interval ({escape(str(options.get("interval", "wilson")))}). Examples: the most polar quotations, with their article id and character offsets.</p>
{_edges_table(df, top_edges, link_template)}
</section>
<section><h2>Summary</h2>
{_summary_table(summary)}
</section>
</main>
<footer>stance network · one row per (source, target{", period" if "period" in df.columns else ""}) · nothing here was fetched from the network</footer>
</body>
</html>
"""
