"""An article's analysis as one self-contained HTML page (inline CSS, no scripts, no fetches).

:func:`render_html` highlights, in the article text, each quotation (coloured by the speaker's
stance), its cue and the speaker's mention, numbers the quotations, and lists the speakers with
type, role and affiliation, and every quotation with its stance toward each target. All text is
escaped with :func:`html.escape`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape
from typing import Any, Iterable

#: Colour of each stance label, and of quotations whose stances disagree (``mixed``) or that
#: have none (``none``): (text/border colour, background).
STANCE_COLOURS = {
    "hostile": ("#b71c1c", "#fde2df"),
    "conciliatory": ("#1b5e20", "#ddf2de"),
    "neutral": ("#37474f", "#e6ecef"),
    "mixed": ("#6a1b9a", "#f1e3f7"),
    "none": ("#6d5a00", "#fff3c4"),
}

_CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 Georgia,'DejaVu Serif',serif;color:#1d1d1f;background:#fafaf7}
header{padding:18px 28px 10px;border-bottom:1px solid #ddd;background:#fff}
h1{margin:0 0 4px;font-size:22px}
h2{font:600 13px/1.2 system-ui,'DejaVu Sans',sans-serif;text-transform:uppercase;letter-spacing:.06em;color:#555;margin:0 0 10px}
.meta,.legend,table,.qmeta,.badge,footer{font-family:system-ui,'DejaVu Sans',sans-serif}
.meta{color:#555;font-size:13px;margin:0 0 8px}
.legend{display:flex;flex-wrap:wrap;gap:8px;font-size:12px;align-items:center}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:22px;padding:18px 28px}
@media (max-width:900px){main{grid-template-columns:minmax(0,1fr)}}
section{background:#fff;border:1px solid #e2e2dc;border-radius:8px;padding:14px 18px;margin-bottom:18px}
.text{white-space:pre-wrap;overflow-wrap:break-word}
.q{border-radius:3px;padding:1px 0;border-bottom:2px solid}
.cue{font-weight:700;text-decoration:underline dotted #333;text-underline-offset:3px}
.spk{background:#e1efff;color:#0d47a1;border:1px solid #90caf9;border-radius:4px;padding:0 2px}
sup.qn{font:700 10px system-ui,sans-serif;margin-left:1px}
sup.qn a{color:#555;text-decoration:none}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;vertical-align:top;padding:5px 6px;border-bottom:1px solid #eee}
th{color:#555;font-weight:600}
ol.quotes{margin:0;padding-left:26px}
ol.quotes>li{margin:0 0 14px;padding-left:4px}
blockquote{margin:0 0 4px;padding:4px 8px;border-left:4px solid;border-radius:0 4px 4px 0;white-space:pre-wrap}
.qmeta{font-size:12px;color:#555}
.badge{display:inline-block;font-size:11.5px;border-radius:10px;padding:1px 8px;margin:2px 4px 0 0;border:1px solid}
.muted{color:#888}
.small{font-size:11px}
section.speakers{overflow-x:auto}
.speakers table{table-layout:fixed}
.speakers td{overflow-wrap:anywhere}
.speakers th:nth-child(1){width:21%}.speakers th:nth-child(2){width:16%}.speakers th:nth-child(3){width:19%}
.speakers th:nth-child(4){width:12%}.speakers th:nth-child(5){width:32%}
footer{color:#888;font-size:11px;padding:0 28px 18px}
"""


def overall_stance(quote: Any) -> str:
    """One label for a quotation's highlight: the common label of its stances, ``mixed`` when it
    is hostile toward one target and conciliatory toward another, ``none`` without stances."""
    labels = {s.label for s in quote.stances}
    if not labels:
        return "none"
    if "hostile" in labels and "conciliatory" in labels:
        return "mixed"
    for label in ("hostile", "conciliatory", "neutral"):
        if label in labels:
            return label
    return "none"


def _stance_css() -> str:
    rules = []
    for label, (fg, bg) in STANCE_COLOURS.items():
        rules.append(f".q.st-{label}{{background:{bg};border-color:{fg}}}")
        rules.append(f"blockquote.st-{label}{{background:{bg};border-color:{fg}}}")
        rules.append(f".badge.st-{label}{{background:{bg};border-color:{fg};color:{fg}}}")
    return "\n".join(rules)


def _valid(span: Any, text: str) -> bool:
    return span is not None and 0 <= span.start < span.end <= len(text) and text[span.start : span.end] == span.text


def _highlighted(text: str, quotes: Iterable[Any]) -> str:
    """The article text with quotation, cue and speaker-mention spans wrapped in ``<span>``s."""
    ann: list[tuple[int, int, str, str, str]] = []  # start, end, kind, css class, title
    seen: set[tuple[int, int, str]] = set()
    ends: dict[int, list[int]] = defaultdict(list)
    for n, q in enumerate(quotes, 1):
        who = q.speaker.name if q.speaker else "unattributed"
        if _valid(q.quote, text):
            ann.append((q.quote.start, q.quote.end, "q", f"q st-{overall_stance(q)}", f"[{n}] {who}"))
            ends[q.quote.end].append(n)
        if _valid(q.cue, text) and (q.cue.start, q.cue.end, "cue") not in seen:
            seen.add((q.cue.start, q.cue.end, "cue"))
            ann.append((q.cue.start, q.cue.end, "cue", "cue", "cue"))
        m = q.speaker.mention if q.speaker else None
        if _valid(m, text) and (m.start, m.end, "spk") not in seen:
            seen.add((m.start, m.end, "spk"))
            ann.append((m.start, m.end, "spk", "spk", f"speaker: {who}"))
    cuts = sorted({0, len(text), *(a[0] for a in ann), *(a[1] for a in ann)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        active = [x for x in ann if x[0] <= a and b <= x[1]]
        piece = escape(text[a:b])
        # innermost last: quotation, then cue / mention inside it
        for x in sorted(active, key=lambda x: (x[2] != "q", x[1] - x[0]), reverse=True):
            piece = f'<span class="{x[3]}" title="{escape(x[4])}">{piece}</span>'
        out.append(piece)
        for n in ends.get(b, ()):
            out.append(f'<sup class="qn"><a href="#q{n}">{n}</a></sup>')
    return "".join(out)


def _badge(label: str, body: str) -> str:
    return f'<span class="badge st-{escape(label)}">{body}</span>'


def _speakers_table(quotes: list[Any]) -> str:
    rows: dict[str, dict[str, Any]] = {}
    for n, q in enumerate(quotes, 1):
        if q.speaker is None:
            continue
        r = rows.setdefault(q.speaker.name, {"type": q.speaker.type, "role": None, "aff": None, "quotes": [], "stances": defaultdict(Counter)})
        r["role"] = r["role"] or q.role
        r["aff"] = r["aff"] or q.affiliation
        r["quotes"].append(n)
        for s in q.stances:
            r["stances"][s.target][s.label] += 1
    if not rows:
        return '<p class="muted">No speakers found.</p>'
    lines = ["<table><thead><tr><th>Speaker</th><th>Role</th><th>Affiliation</th><th>Quotes</th><th>Stance toward</th></tr></thead><tbody>"]
    for name, r in rows.items():
        links = " ".join(f'<a href="#q{n}">{n}</a>' for n in r["quotes"])
        badges = []
        for target, counts in r["stances"].items():
            label = counts.most_common(1)[0][0]
            detail = ", ".join(f"{lab} ×{c}" if c > 1 else lab for lab, c in counts.most_common())
            badges.append(_badge(label, f"{escape(target)}: {escape(detail)}"))
        lines.append(
            "<tr>"
            f"<td><strong>{escape(name)}</strong><br><span class=\"muted small\">{escape(r['type'])}</span></td>"
            f"<td>{escape(r['role']) if r['role'] else '<span class=muted>–</span>'}</td>"
            f"<td>{escape(r['aff']) if r['aff'] else '<span class=muted>–</span>'}</td>"
            f"<td>{links}</td>"
            f"<td>{''.join(badges) or '<span class=muted>–</span>'}</td>"
            "</tr>"
        )
    lines.append("</tbody></table>")
    return "".join(lines)


def _quotes_list(quotes: list[Any]) -> str:
    if not quotes:
        return '<p class="muted">No quotations found.</p>'
    items = ['<ol class="quotes">']
    for n, q in enumerate(quotes, 1):
        st = overall_stance(q)
        who = escape(q.speaker.name) if q.speaker else '<span class="muted">unattributed</span>'
        desc = ", ".join(escape(x) for x in (q.role, q.affiliation) if x)
        meta = [f"<strong>{who}</strong>" + (f" ({desc})" if desc else "")]
        if q.cue is not None:
            meta.append(f"cue “{escape(q.cue.text)}”")
        meta.append(f"{escape(q.kind)} · confidence {q.confidence:.2f}")
        badges = []
        for s in q.stances:
            p = s.scores.get(s.label) if s.scores else None
            score = f" {float(p):.2f}" if p is not None else ""
            implicit = " (implicit)" if s.implicit else ""
            badges.append(_badge(s.label, f"{escape(s.target)}: {escape(s.label)}{score}{implicit}"))
        stances = "".join(badges) if badges else '<span class="muted">no stance targets</span>'
        items.append(
            f'<li id="q{n}"><blockquote class="st-{st}">{escape(q.quote.text)}</blockquote>'
            f'<div class="qmeta">— {" · ".join(meta)}</div><div class="stances">{stances}</div></li>'
        )
    items.append("</ol>")
    return "".join(items)


def render_html(analysis: Any, text: str | None = None, *, title: str | None = None) -> str:
    """A self-contained HTML page showing ``analysis`` of ``text`` (default: ``analysis.text``).

    Spans that do not match ``text`` are listed but not highlighted."""
    from stance.version import __version__

    if text is None:
        text = analysis.text
    if text is None:
        raise ValueError("render_html needs the article text: pass text= or an Analysis with text")
    quotes = list(analysis.quotes)
    if title is None:
        title = f"{analysis.id}" if analysis.id else "stance analysis"
    speakers = {q.speaker.name for q in quotes if q.speaker is not None}
    n_stances = sum(len(q.stances) for q in quotes)
    legend = "".join(
        _badge(label, escape(label)) for label in ("hostile", "conciliatory", "neutral", "mixed", "none")
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}{_stance_css()}</style></head>\n<body>\n"
        f"<header><h1>{escape(title)}</h1>"
        f'<p class="meta">{len(quotes)} quotations · {len(speakers)} speakers · {n_stances} stances</p>'
        f'<div class="legend">Quotation colour by stance: {legend}'
        '<span class="spk">speaker mention</span><span class="cue">cue</span></div></header>\n'
        "<main>\n"
        f'<div><section class="article"><h2>Article</h2><div class="text">{_highlighted(text, quotes)}</div></section></div>\n'
        '<div><section class="speakers"><h2>Speakers</h2>'
        f"{_speakers_table(quotes)}</section>\n"
        f'<section class="quotations"><h2>Quotations</h2>{_quotes_list(quotes)}</section></div>\n'
        "</main>\n"
        f"<footer>Generated by stance {escape(__version__)}.</footer>\n"
        "</body></html>\n"
    )
