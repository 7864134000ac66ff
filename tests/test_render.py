"""HTML rendering: the page's content, escaping, the CLI, and a real headless browser."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import stance
from stance.artifacts import default_models_dir
from stance.cli import main
from stance.render import overall_stance, render_html
from stance.types import Analysis, Quote, Span, Speaker, Stance

HAS_STANCE = (default_models_dir() / "stance" / "manifest.json").exists()
STANCE_FLAGS = [] if HAS_STANCE else ["--no-stance"]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

ARTICLE = (
    "Freedonia & Sylvania <trade> row deepens\n"
    '"We will not accept these tariffs," said Maria Lopez, the trade minister of Freedonia. '
    '"Sylvania has behaved like a bully."\n'
    "Sylvania's prime minister, John Park, said on Tuesday that the talks with Freedonia were productive.\n"
    'Opposition leader Ana Ruiz accused the government of "selling out farmers" to Sylvania.'
)


def span(text: str, needle: str, start: int = 0) -> Span:
    i = text.index(needle, start)
    return Span(i, i + len(needle), needle)


def sample_analysis() -> Analysis:
    t = ARTICLE
    lopez = Speaker("Maria Lopez", span(t, "Maria Lopez"), "person")
    park = Speaker("John Park", span(t, "John Park"), "person")
    ruiz = Speaker("Ana Ruiz", span(t, "Ana Ruiz"), "person")
    sc = {"hostile": 0.81, "neutral": 0.12, "conciliatory": 0.07}
    return Analysis(
        "art-1",
        (
            Quote(span(t, "We will not accept these tariffs,"), "direct", span(t, "said"), lopez, "trade minister", "Freedonia", 0.93,
                  (Stance("Sylvania", "hostile", sc),)),
            Quote(span(t, "Sylvania has behaved like a bully."), "direct", None, lopez, "trade minister", "Freedonia", 0.84,
                  (Stance("Sylvania", "hostile", sc), Stance("Freedonia", "neutral", {"neutral": 0.6, "hostile": 0.2, "conciliatory": 0.2}))),
            Quote(span(t, "the talks with Freedonia were productive"), "indirect", span(t, "said", t.index("John Park")), park,
                  "prime minister", "Sylvania", 0.9,
                  (Stance("Freedonia", "conciliatory", {"conciliatory": 0.77, "neutral": 0.2, "hostile": 0.03}),)),
            Quote(span(t, "selling out farmers"), "mixed", span(t, "accused"), ruiz, "leader", None, 0.7,
                  (Stance("Sylvania", "conciliatory", {"conciliatory": 0.5}), Stance("government", "hostile", {"hostile": 0.9}, implicit=True))),
        ),
        text=t,
    )


class _Text(HTMLParser):
    """Visible text of a page (body text, not styles), whitespace-normalised."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0
        self.classes: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "title"):
            self.skip += 1
        for k, v in attrs:
            if k == "class" and v:
                self.classes.extend(v.split())

    def handle_endtag(self, tag):
        if tag in ("style", "script", "title"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible(html: str) -> tuple[str, list[str]]:
    p = _Text()
    p.feed(html)
    return " ".join("".join(p.parts).split()), p.classes


def test_page_content_and_escaping():
    a = sample_analysis()
    page = render_html(a)
    assert page.startswith("<!DOCTYPE html>")
    assert "<trade>" not in page and "&lt;trade&gt;" in page and "Freedonia &amp; Sylvania" in page
    assert "<script" not in page and "http://" not in page and "https://" not in page  # self-contained
    text, classes = visible(page)
    for q in a.quotes:
        assert " ".join(q.quote.text.split()) in text
    for name, role in (("Maria Lopez", "trade minister"), ("John Park", "prime minister"), ("Ana Ruiz", "leader")):
        assert name in text and role in text
    assert "Sylvania: hostile 0.81" in text
    assert "Freedonia: conciliatory 0.77" in text
    assert "government: hostile 0.90 (implicit)" in text
    # article highlights: 4 quotations, 3 cues, 3 speaker mentions, numbered markers
    assert classes.count("q") == 4
    assert classes.count("cue") >= 3 + 1  # + the legend
    assert classes.count("spk") >= 3 + 1
    assert {"st-hostile", "st-conciliatory", "st-mixed"} <= set(classes)
    for n in range(1, 5):
        assert f'id="q{n}"' in page and f'href="#q{n}"' in page
    assert [overall_stance(q) for q in a.quotes] == ["hostile", "hostile", "conciliatory", "mixed"]


def test_escapes_hostile_strings_in_every_field():
    t = 'x "<b>bold</b> & \'q\'" said <i>Eve</i>.'
    evil = Speaker('<img src=x onerror="alert(1)">', span(t, "<i>Eve</i>"), "person")
    q = Quote(span(t, "<b>bold</b> & 'q'"), "direct", span(t, "said"), evil, '<role">', "<aff>", 1.0,
              (Stance('<tgt">', "hostile", {"hostile": 1.0}),))
    page = render_html(Analysis('<id">', (q,), t))
    for raw in ("<img", "<b>", "<i>", "<role", "<aff>", "<tgt", '<id"'):
        assert raw not in page
    text, _ = visible(page)
    assert "<b>bold</b> & 'q'" in text and '<img src=x onerror="alert(1)">' in text


def test_spans_that_do_not_match_are_listed_not_highlighted():
    t = "Nothing to see here."
    q = Quote(Span(40, 50, "elsewhere!"), "direct", None, None)
    page = render_html(Analysis(None, (q,)), t, title="T")
    text, classes = visible(page)
    assert "elsewhere!" in text and "unattributed" in text and "q" not in classes
    with pytest.raises(ValueError):
        render_html(Analysis(None, (q,)))


def test_render_real_analysis():
    nlp = stance.load(stance_model=HAS_STANCE)
    a = nlp(ARTICLE, id="x")
    page = render_html(a)
    text, classes = visible(page)
    assert classes.count("q") == len(a.quotes) >= 3
    for sp in a.speakers:
        assert sp in text


def test_cli_txt_and_jsonl(tmp_path, capsys):
    art = tmp_path / "article.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "page.html"
    assert main(["render", str(art), "-o", str(out), *STANCE_FLAGS]) == 0
    text, _ = visible(out.read_text(encoding="utf-8"))
    assert "Maria Lopez" in text and "We will not accept these tariffs," in text and text.startswith("article")

    recs = tmp_path / "records.jsonl"
    recs.write_text(
        json.dumps({"id": "one", "text": "The harbour was quiet."}) + "\n"
        + json.dumps({"id": "two", "text": ARTICLE}) + "\n",
        encoding="utf-8",
    )
    out2 = tmp_path / "two.html"
    assert main(["render", str(recs), "--id", "two", "-o", str(out2), "--title", "Record two", *STANCE_FLAGS]) == 0
    text2, _ = visible(out2.read_text(encoding="utf-8"))
    assert text2.startswith("Record two") and "John Park" in text2
    capsys.readouterr()
    assert main(["render", str(recs), "--id", "three", "-o", str(tmp_path / "x.html"), "--no-stance"]) == 2
    assert "no record with id 'three'" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


def test_cli_reuses_analyses_from_analyze_output(tmp_path):
    """A JSONL line of `stance analyze --include-text` is rendered as is, without the pipeline."""
    a = sample_analysis()
    recs = tmp_path / "analyzed.jsonl"
    recs.write_text(json.dumps(a.to_dict(include_text=True)) + "\n", encoding="utf-8")
    out = tmp_path / "page.html"
    assert main(["render", str(recs), "--id", "art-1", "-o", str(out), "--models", str(tmp_path / "no-models")]) == 0
    text, _ = visible(out.read_text(encoding="utf-8"))
    assert "Sylvania: hostile 0.81" in text


def _chromium(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    cmd = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'chromium-profile'}", *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def _page(tmp_path: Path) -> Path:
    page = tmp_path / "page.html"
    page.write_text(render_html(sample_analysis()), encoding="utf-8")
    return page


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")
def test_browser_dom_shows_speakers_and_quotes(tmp_path):
    page = _page(tmp_path)
    r = _chromium(["--dump-dom", page.as_uri()], tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    text, classes = visible(r.stdout)
    a = sample_analysis()
    for q in a.quotes:
        assert " ".join(q.quote.text.split()) in text
    for name in a.speakers:
        assert name in text
    assert "Freedonia & Sylvania <trade> row deepens" in text  # escaped markup shows as text
    assert classes.count("q") == 4


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")
def test_browser_screenshot(tmp_path):
    page = _page(tmp_path)
    png = tmp_path / "page.png"
    r = _chromium([f"--screenshot={png}", "--window-size=1200,1600", page.as_uri()], tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 1600)
    assert len(data) > 20_000  # a rendered page, not a blank image


def test_cli_reports_a_stored_analysis_it_cannot_read(tmp_path, capsys):
    """A JSONL record whose 'quotes' are malformed exits 2 with a one-line message naming the
    record (was: a KeyError traceback); --reanalyze analyses its text instead."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "z", "text": '"Fine," said Ana Ruiz.', "quotes": [{"kind": "direct"}]}) + "\n",
                   encoding="utf-8")
    out = tmp_path / "page.html"
    assert main(["render", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "record 'z': malformed quotation: no 'quote'" in err and "Traceback" not in err and not out.exists()
    assert main(["render", str(src), "-o", str(out), "--reanalyze", "--no-stance"]) == 0
    assert "Ana Ruiz" in out.read_text(encoding="utf-8")
