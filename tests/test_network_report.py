"""The network's PNG and HTML report: content, escaping, self-containment, and a headless browser."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("matplotlib")

from stance.network import network, render_report, save_plot  # noqa: E402
from stance.types import Analysis, Quote, Span, Speaker, Stance  # noqa: E402

from .test_render import visible  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def sample() -> list:
    def q(k, name, aff, target, label, text):
        sc = {"hostile": 0.1, "neutral": 0.1, "conciliatory": 0.1, label: 0.8}
        return Quote(Span(k * 40, k * 40 + len(text), text), "direct", None, Speaker(name, None, "person"), None, aff, 1.0,
                     (Stance(target, label, sc),))

    return [
        (Analysis("art/1 <x>", (q(0, "Maria Lopez", "Freedonia", "Sylvania", "hostile", "Sylvania has <b>behaved</b> like a bully"),
                                q(1, "John Park", "Sylvania", "Freedonia", "conciliatory", "the talks were productive & useful"),
                                q(2, "Maria Lopez", "Freedonia", "Freedonia", "neutral", "we are calm"))), "2016-03-01"),
        (Analysis("art2", (q(0, "Ana Ruiz", None, "Japan", "hostile", "selling out farmers"),)), "2016-04-01"),
        ({"id": "broken", "error": "failed"}, None),
    ]


def page(tmp_path: Path, **kw) -> tuple[Path, str]:
    df = network(sample(), by="affiliation", **kw)
    html = render_report(df, title="Freedonia & <Sylvania>", inputs=["in.jsonl"])
    p = tmp_path / "report.html"
    p.write_text(html, encoding="utf-8")
    return p, html


def test_report_content_links_and_escaping(tmp_path):
    _, html = page(tmp_path)
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html and "<link" not in html and "src=" not in html and "<img" not in html  # self-contained
    assert html.count("<svg") == 2  # the network and the heatmap
    assert "<b>behaved</b>" not in html and "&lt;b&gt;behaved&lt;/b&gt;" in html
    assert "Freedonia &amp; &lt;Sylvania&gt;" in html
    text, classes = visible(html)
    assert "Freedonia" in text and "Sylvania" in text and "Ana Ruiz" in text
    assert "(self-loop)" in text  # Maria Lopez (Freedonia) about Freedonia
    assert 'href="art%2F1%20%3Cx%3E.txt#char=0,40"' in html  # article id URL-quoted, RFC 5147 offsets
    assert "records with an error" in text and "art/1 <x> [0–40]" in text
    assert {"lab-hostile", "lab-conciliatory", "lab-neutral"} <= set(classes)


def test_report_per_period_and_empty(tmp_path):
    _, html = page(tmp_path, freq="M")
    assert "2016-03" in visible(html)[0] and "per period" in html
    empty = network([{"id": "x", "error": "e"}])
    html = render_report(empty)
    assert "No edges." in html and "<svg" not in html


def test_plot_png(tmp_path):
    df = network(sample(), by="affiliation")
    out = tmp_path / "p.png"
    save_plot(df, str(out), title="t")
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    width, height = struct.unpack(">II", data[16:24])
    assert width > height > 500
    save_plot(network([]), str(tmp_path / "empty.png"))  # no edges: still a picture
    assert (tmp_path / "empty.png").read_bytes()[:4] == b"\x89PNG"


def _chromium(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'chromium-profile'}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")
def test_report_in_browser(tmp_path):
    p, _ = page(tmp_path)
    r = _chromium(["--dump-dom", p.as_uri()], tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    text, _ = visible(r.stdout)
    assert "Sylvania has <b>behaved</b> like a bully" in text  # escaped markup shows as text
    assert r.stdout.count("<svg") == 2
    png = tmp_path / "shot.png"
    r = _chromium([f"--screenshot={png}", "--window-size=1400,2000", p.as_uri()], tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == (1400, 2000)
    assert len(data) > 30_000  # a rendered page, not a blank image
