"""stance.network: the edge table against a brute-force recount, folding by affiliation,
windowing, intervals, counting of what is left out, determinism, GraphML, the CLI."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pd = pytest.importorskip("pandas")

import stance  # noqa: E402
from stance.cli import main  # noqa: E402
from stance.network import network  # noqa: E402
from stance.network.dates import period_of  # noqa: E402
from stance.network.intervals import bootstrap, wilson  # noqa: E402
from stance.types import Analysis, Quote, Span, Speaker, Stance  # noqa: E402

LABELS = ("hostile", "neutral", "conciliatory")
# (name, type, affiliation): names and affiliations are their own canonical form
SPEAKERS = [
    ("Maria Lopez", "person", "Freedonia"),
    ("John Park", "person", "Japan"),
    ("Ana Ruiz", "person", None),
    ("France", "state", None),
    ("Acme Union", "organization", "Brazil"),
    ("Kim Doe", "person", None),
]
TARGETS = ["Japan", "France", "Maria Lopez", "Ana Ruiz", "Freedonia", "Acme Union", "Brazil"]
GROUPS = {"Japan", "France", "Brazil"}  # in the gazetteer: states


def quote(k: int, speaker: tuple | None, stances: list[tuple[str, str, float]]) -> Quote:
    sp = Speaker(speaker[0], None, speaker[1]) if speaker else None
    sts = tuple(Stance(t, lab, {"hostile": p if lab == "hostile" else (1 - p) / 2, "neutral": p if lab == "neutral" else (1 - p) / 2,
                                "conciliatory": p if lab == "conciliatory" else (1 - p) / 2}) for t, lab, p in stances)
    return Quote(Span(10 * k, 10 * k + 5, f"q{k}"), "direct", None, sp, None, speaker[2] if speaker else None, 1.0, sts)


stance_st = st.tuples(st.sampled_from(TARGETS), st.sampled_from(LABELS), st.floats(0.34, 1.0))
quote_st = st.tuples(st.one_of(st.none(), st.sampled_from(SPEAKERS)),
                     st.lists(stance_st, max_size=3, unique_by=lambda s: s[0]))
date_st = st.one_of(st.none(), st.dates(dt.date(2015, 1, 1), dt.date(2016, 12, 31)))
article_st = st.tuples(st.lists(quote_st, max_size=6), date_st)


def build(raw: list) -> list[tuple[Analysis, dt.date | None]]:
    out = []
    for i, (quotes, date) in enumerate(raw):
        qs = tuple(quote(k, sp, sts) for k, (sp, sts) in enumerate(quotes))
        out.append((Analysis(f"a{i}", qs), date))
    return out


def brute_force(items: list[tuple[Analysis, dt.date | None]], by: str, freq: str | None = None) -> dict:
    """(period, source, target) -> {label counts, n_quotes, n_articles, first, last}, recounted directly."""
    edges: dict = defaultdict(lambda: {"hostile": 0, "neutral": 0, "conciliatory": 0, "quotes": set(), "articles": set(), "dates": set()})
    for a, date in items:
        if freq and date is None:
            continue
        affs = {q.speaker.name: q.affiliation or (q.speaker.name if q.speaker.type != "person" else None) for q in a.quotes if q.speaker}
        for k, q in enumerate(a.quotes):
            if q.speaker is None:
                continue
            src = q.speaker.name
            if by == "affiliation" and affs[src]:
                src = affs[src]
            for s in q.stances:
                tgt = s.target
                if by == "affiliation" and tgt not in GROUPS and affs.get(tgt):
                    tgt = affs[tgt]
                key = (period_of(date, freq) if freq else "", src, tgt)
                e = edges[key]
                e[s.label] += 1
                e["quotes"].add((a.id, k))
                e["articles"].add(a.id)
                if date:
                    e["dates"].add(date.isoformat())
    return {k: (v["hostile"], v["neutral"], v["conciliatory"], len(v["quotes"]), len(v["articles"]),
                min(v["dates"]) if v["dates"] else None, max(v["dates"]) if v["dates"] else None) for k, v in edges.items()}


def table_counts(df) -> dict:
    out = {}
    for r in df.itertuples(index=False):
        key = (getattr(r, "period", ""), r.source, r.target)
        out[key] = (r.n_hostile, r.n_neutral, r.n_conciliatory, r.n_quotes, r.n_articles,
                    None if pd.isna(r.first_date) else r.first_date, None if pd.isna(r.last_date) else r.last_date)
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article_st, max_size=8), st.sampled_from(["speaker", "affiliation"]), st.sampled_from([None, "M", "W", "Y"]))
def test_edge_counts_equal_brute_force_recount(raw, by, freq):
    items = build(raw)
    df = network(items, by=by, freq=freq)
    assert table_counts(df) == brute_force(items, by, freq)
    # the same analyses as `stance analyze` JSONL dicts give the same table (to_dict rounds scores to 4 places)
    dicts = [{**a.to_dict(), "date": d.isoformat() if d else None} for a, d in items]
    pd.testing.assert_frame_equal(network(dicts, by=by, freq=freq).drop(columns="examples"), df.drop(columns="examples"),
                                  check_exact=False, atol=1e-4)
    s = df.attrs["summary"]
    assert s["records"] == len(items) and s["errors"] == 0
    assert s["unknown_speakers"] == sum(1 for a, d in items if not (freq and d is None) for q in a.quotes if q.speaker is None)
    assert s["stances"] == sum(df["n"]) == sum(len(q.stances) for a, d in items if not (freq and d is None) for q in a.quotes if q.speaker)
    # every example is a quotation of its edge
    for r in df.itertuples(index=False):
        for ex in json.loads(r.examples):
            assert ex["label"] in LABELS and ex["end"] - ex["start"] == 5
    assert ((df["score_low"] <= df["score"]) & (df["score"] <= df["score_high"])).all()


def test_affiliation_folds_people_into_states_and_counts_the_unaffiliated():
    a = Analysis("x", (
        quote(0, ("Maria Lopez", "person", "Freedonia"), [("John Park", "hostile", 0.9), ("Japan", "hostile", 0.8)]),
        quote(1, ("John Park", "person", "the United States"), [("Maria Lopez", "conciliatory", 0.7)]),
        quote(2, ("Ana Ruiz", "person", None), [("U.S.", "neutral", 0.9)]),
        quote(3, ("Washington", "state", None), [("Freedonia", "hostile", 0.6)]),
    ))
    df = network([(a, "2020-01-02")], by="affiliation")
    got = {(r.source, r.target): (r.n_hostile, r.n_neutral, r.n_conciliatory, r.n_quotes, r.source_type, r.target_type) for r in df.itertuples()}
    assert got == {
        ("Freedonia", "United States"): (1, 0, 0, 1, "organization", "state"),  # John Park -> his affiliation
        ("Freedonia", "Japan"): (1, 0, 0, 1, "organization", "state"),
        ("United States", "Freedonia"): (1, 0, 1, 2, "state", "organization"),  # "the United States", "Washington" -> one state
        ("Ana Ruiz", "United States"): (0, 1, 0, 1, "person", "state"),  # unaffiliated: kept under her name, counted
    }
    assert df.attrs["summary"]["unaffiliated"] == 1
    states = network([(a, "2020-01-02")], by="affiliation", groups_only=True)
    assert set(zip(states.source, states.target)) == {("United States", "Freedonia"), ("Freedonia", "United States"), ("Freedonia", "Japan")}
    assert states.attrs["summary"]["edges_not_groups"] == 1
    by_speaker = network([(a, "2020-01-02")])
    assert set(by_speaker.source) == {"Maria Lopez", "John Park", "Ana Ruiz", "United States"}
    assert by_speaker.set_index("source").loc["John Park", "source_affiliation"] == "United States"


def test_self_loops_kept_flagged_or_dropped():
    a = Analysis("x", (quote(0, ("Maria Lopez", "person", "Japan"), [("Japan", "hostile", 0.9), ("France", "neutral", 0.9)]),))
    df = network([a], by="affiliation")
    assert df.set_index("target")["self_loop"].to_dict() == {"Japan": True, "France": False}
    assert df.attrs["summary"]["self_loops"] == 1
    dropped = network([a], by="affiliation", self_loops=False)
    assert list(dropped.target) == ["France"] and dropped.attrs["summary"]["self_loops_dropped"] == 1


def test_freq_windows_and_since_until():
    def art(i, date, label):
        return ({"id": f"a{i}", "date": date, "quotes": [quote(0, SPEAKERS[0], [("Japan", label, 0.9)]).to_dict()]})

    items = [art(0, "2016-01-31", "hostile"), art(1, "2016-02-01", "hostile"), art(2, "2016-02-29T23:00:00Z", "neutral"),
             art(3, "2017-03-01", "conciliatory"), art(4, None, "hostile"), art(5, "not a date", "hostile")]
    m = network(items, freq="M")
    assert list(zip(m.period, m.n)) == [("2016-01", 1), ("2016-02", 2), ("2017-03", 1)]
    assert m.attrs["summary"]["excluded_undated"] == 2 and m.attrs["summary"]["bad_dates"] == 1
    assert m.attrs["summary"]["missing_dates"] == 1
    y = network(items, freq="Y")
    assert list(zip(y.period, y.n)) == [("2016", 3), ("2017", 1)]
    w = network(items, freq="w")
    assert list(w.period) == ["2016-01-25/2016-01-31", "2016-02-01/2016-02-07", "2016-02-29/2016-03-06", "2017-02-27/2017-03-05"]
    r = network(items, since="2016-02-01", until=dt.date(2016, 12, 31))
    assert r.n.tolist() == [2] and (r.first_date[0], r.last_date[0]) == ("2016-02-01", "2016-02-29")
    assert r.attrs["summary"]["outside_range"] == 2 and r.attrs["summary"]["excluded_undated"] == 2
    everything = network(items)  # no window: undated analyses are kept (and counted)
    assert everything.n.tolist() == [6] and everything.attrs["summary"]["missing_dates"] == 1
    with pytest.raises(ValueError):
        network(items, freq="D")
    with pytest.raises(ValueError):
        network(items, since="2017-01-01", until="2016-01-01")
    with pytest.raises(ValueError):
        network(items, since="yesterday")
    # a user-named date field
    renamed = [{**{k: v for k, v in d.items() if k != "date"}, "published": d["date"]} for d in items]
    pd.testing.assert_frame_equal(network(renamed, freq="M", date_field="published"), m)


@given(st.integers(0, 40), st.integers(0, 40), st.integers(0, 40))
@settings(max_examples=200, deadline=None)
def test_intervals_within_bounds_and_contain_the_score(h, n, c):
    if h + n + c == 0:
        return
    for fn in (wilson, bootstrap):
        s, lo, hi = (float(x[0]) for x in fn([h], [n], [c]))
        assert -1.0 <= lo <= s <= hi <= 1.0
        assert s == pytest.approx((h - c) / (h + n + c))
    s, lo, hi = wilson([50, 5], [0, 0], [0, 0])
    assert hi[0] == 1.0 and lo[0] > lo[1]  # more evidence, a narrower interval


def test_errors_missing_dates_unknown_speakers_and_empty_stances_are_counted(tmp_path):
    good = Analysis("g", (quote(0, SPEAKERS[0], [("Japan", "hostile", 0.9)]), quote(1, None, [("Japan", "neutral", 0.9)]),
                          quote(2, SPEAKERS[1], [])))
    path = tmp_path / "a.jsonl"
    lines = [json.dumps({"id": "e1", "error": "boom"}), "{not json", json.dumps([1, 2]), json.dumps({"id": "noq"}),
             json.dumps({**good.to_dict(), "date": "2016-05-05"}), json.dumps(good.to_dict()),
             json.dumps({"id": "bad-label", "quotes": [quote(0, SPEAKERS[0], [("Japan", "angry", 0.9)]).to_dict()]})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    class Failed:  # an AnalysisError
        id, error = "f", "failed"

    df = network([str(path), Failed()])
    s = df.attrs["summary"]
    assert s["records"] == 8 and s["errors"] == 5 and s["analyses"] == 3
    assert s["missing_dates"] == 2 and s["unknown_speakers"] == 2 and s["empty_stances"] == 2 and s["unknown_labels"] == 1
    assert len(s["error_examples"]) == 5 and "malformed JSON" in s["error_examples"][1]
    assert df.n.tolist() == [2]
    with pytest.raises(TypeError):
        network([42])
    with pytest.raises(TypeError, match="network_from_frame"):
        network(pd.DataFrame({"id": ["a"]}))


def test_quotation_rows_are_the_stances():
    items = build([([(SPEAKERS[0], [("Japan", "hostile", 0.9), ("France", "neutral", 0.5)]), (None, [("Japan", "hostile", 0.9)])],
                    dt.date(2016, 1, 2))])
    rows = stance.network.quotation_rows(items, by="affiliation")
    assert rows[["article_id", "date", "source", "target", "label", "start", "end"]].values.tolist() == [
        ["a0", "2016-01-02", "Freedonia", "Japan", "hostile", 0, 5], ["a0", "2016-01-02", "Freedonia", "France", "neutral", 0, 5]]
    assert rows["p_hostile"].tolist() == [0.9, 0.25]


def test_two_runs_give_identical_files(tmp_path):
    items = build([[(SPEAKERS[k % 6], [(TARGETS[(k * 3) % 7], LABELS[k % 3], 0.5)]) for k in range(j, j + 5)], dt.date(2016, 1, 1 + j)]
                  for j in range(20))
    outs = []
    for run in range(2):
        df = network(items, freq="M", examples=2)
        d = tmp_path / str(run)
        stance.network.write_table(df, str(d / "e.csv"))
        stance.network.write_table(df, str(d / "e.parquet"))
        stance.network.write_graphml(df, str(d / "e.graphml"))
        outs.append([(d / f).read_bytes() for f in ("e.csv", "e.parquet", "e.graphml")])
    assert outs[0] == outs[1]
    # input order changes neither the counts nor the examples
    pd.testing.assert_frame_equal(network(list(reversed(items)), freq="M", examples=2), network(items, freq="M", examples=2))


def test_graphml_round_trip_through_networkx(tmp_path):
    nx = pytest.importorskip("networkx")
    items = build([[(SPEAKERS[k % 6], [(TARGETS[(k * 5) % 7], LABELS[k % 3], 0.6)]) for k in range(j, j + 4)], dt.date(2016, 1 + j % 12, 3)]
                  for j in range(30))
    for freq in (None, "M"):
        df = network(items, by="affiliation", freq=freq)
        p = tmp_path / f"g{freq}.graphml"
        stance.network.write_graphml(df, str(p))
        g = nx.read_graphml(p)
        assert g.number_of_edges() == len(df) and g.is_directed()
        assert set(g.nodes) == set(df.source) | set(df.target)
        r = df.iloc[0]
        data = [d for _, _, d in g.edges(data=True) if (d.get("period"), d["n"]) == (r.get("period"), r.n)]
        assert data and data[0]["score"] == pytest.approx(r.score) and isinstance(data[0]["self_loop"], bool)
        assert g.nodes[r.source]["type"] == r.source_type


def test_keep_fields_and_cli_end_to_end(tmp_path, capsys, nlp):
    from .samples import ARTICLES

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": t, "date": f"2016-0{1 + i}-15", "outlet": "x"}) + "\n"
                           for i, t in enumerate(ARTICLES)) + json.dumps({"id": "bad", "date": "2016-09-01"}) + "\n", encoding="utf-8")
    analysed = tmp_path / "analysed.jsonl"
    # every proposed target (--no-party-filter): the samples' fictional countries are typed as persons
    # named once, which party-filter 1.1.0 drops; this test is about the network, not the filter
    assert main(["analyze", str(src), "-o", str(analysed), "--keep-fields", "date,outlet", "--no-party-filter"]) == 1  # one record has no text
    lines = [json.loads(x) for x in analysed.read_text(encoding="utf-8").splitlines()]
    assert [(d["id"], d["date"], list(d)[:3]) for d in lines[:2]] == [("d0", "2016-01-15", ["id", "date", "outlet"]),
                                                                       ("d1", "2016-02-15", ["id", "date", "outlet"])]
    assert list(lines[-1]) == ["id", "date", "error"] and lines[-1]["date"] == "2016-09-01"  # kept on failed records too
    capsys.readouterr()
    assert main(["analyze", str(src), "--keep-fields", "quotes"]) == 2
    # without --keep-fields the output is what it was
    plain = tmp_path / "plain.jsonl"
    main(["analyze", str(src), "-o", str(plain)])
    assert [list(json.loads(x)) for x in plain.read_text(encoding="utf-8").splitlines()][0] == ["id", "quotes"]

    out = tmp_path / "out"
    args = ["network", str(analysed), "--freq", "M", "-o", str(out / "e.csv"), "--graphml", str(out / "e.graphml"),
            "--summary", str(out / "s.json"), "--html", str(out / "r.html")]
    capsys.readouterr()
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "1 records with an error" in err and "5 records" in err
    table = pd.read_csv(out / "e.csv")
    kept_filter, nlp.annotator.party_filter = nlp.annotator.party_filter, None
    try:
        expected = network([(a, f"2016-0{1 + i}-15") for i, a in enumerate(nlp.pipe(ARTICLES))], freq="M")
    finally:
        nlp.annotator.party_filter = kept_filter
    assert len(table) == len(expected) and table["n"].sum() == expected["n"].sum() > 0
    assert json.loads((out / "s.json").read_text())["summary"]["errors"] == 1
    first = {p: (out / p).read_bytes() for p in ("e.csv", "e.graphml", "r.html")}
    assert main(args) == 0
    assert {p: (out / p).read_bytes() for p in first} == first  # deterministic
    assert main(["network", str(analysed), "--by", "affiliation", "-o", str(out / "a.parquet")]) == 0
    assert len(pd.read_parquet(out / "a.parquet")) >= 1
    # usage errors: exit 2 with a message
    for bad in (["network", str(tmp_path / "missing.jsonl")], ["network", str(analysed), "-o", str(out / "e.txt")],
                ["network", str(analysed), "--since", "2016-99-01"], ["network", str(analysed), "--since", "2017-01-01", "--until", "2016-01-01"],
                ["network", str(analysed), "-o", str(out)], ["network", str(analysed), "--link-template", "{nope}"]):
        capsys.readouterr()
        assert main(bad) == 2, bad
        assert "stance network:" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        main(["network", str(analysed), "--min-quotes", "0"])
    assert e.value.code == 2


def test_reference_article_state_network(nlp):
    from .conftest import SEED_TXT

    a = nlp(SEED_TXT.read_text(encoding="utf-8"), id="seed")
    df = network([a], by="affiliation", groups_only=True)
    assert len(df) >= 1 and set(df.source_type) <= {"state", "organization"} and set(df.target_type) <= {"state", "organization"}
    # Marco Rubio speaks for the United States, Kim Jong Un's and the Foreign Ministry's targets fold into states
    assert "United States" in set(df.source) and "North Korea" in set(df.source) | set(df.target)


def test_import_stance_stays_light():
    import subprocess
    import sys

    code = "import sys, stance; stance.network; assert callable(stance.network); nlp = stance.load(stance_model=False); print('pandas' in sys.modules, 'matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
