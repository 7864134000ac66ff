"""The knowledge of political actors: the compiled Phoenix lookup, the hand-written later office
holders, the lookup's rules (article first, dates, surnames) and the option through every entry point."""

from __future__ import annotations

import json
from datetime import date

import jsonschema
import pytest
from hypothesis import given, strategies as st

import stance
from stance.speakers.actors import ActorInfo, ActorLookup, Term, actor_lookup, name_key, parse_day, resolve
from stance.text.dateline import article_date, as_date
from stance.training.actors import CodeNames, compile_entry, phoenix_date, read_actor_file, read_code_names
from stance.types import Analysis, json_schema

from .conftest import ROOT, SHARED_DATA

PHOENIX_SAMPLE = """\
# a made-up dictionary in the Phoenix format
ANN_EXAMPLE_  # CountryInfo.txt
+ANN_B._EXAMPLE_
+EXAMPLE
+FOREIGN_MINISTER_ANN_EXAMPLE
+FRENCH_FOREIGN_MINISTER_ANN_EXAMPLE
+PRESIDENT_ANN_EXAMPLE
\t[FRAGOV 19940922-20040712]
\t[FRAGOV >20040309]  # Foreign Minister
PARIS_  [FRA]
KOFI_SAMPLE_\t
+SECRETARY-GENERAL_KOFI_SAMPLE
\t[IGOUNO 970101-061231]
"""


def _lookup(recent: list[str]) -> ActorLookup:
    return ActorLookup([r.split("\t") for r in recent], [])


def test_phoenix_dates_and_restrictions():
    assert phoenix_date("040309") == "2004-03-09"
    assert phoenix_date("991231") == "1999-12-31"
    assert phoenix_date("20130201") == "2013-02-01"
    assert phoenix_date("2004017") is None
    entries = list(read_actor_file(PHOENIX_SAMPLE.splitlines()))
    assert [e.primary for e in entries] == ["ANN_EXAMPLE_", "PARIS_", "KOFI_SAMPLE_"]
    assert entries[0].codes[1][:3] == ("FRAGOV", "2004-03-09", None)


def test_compile_entry_keeps_names_drops_titles_and_places():
    codes = CodeNames(read_code_names(ROOT / "data" / "actors" / "phoenix_codes.tsv"))
    ann, paris, kofi = read_actor_file(PHOENIX_SAMPLE.splitlines())
    row = compile_entry(ann, codes).split("\t")
    assert row[:4] == ["A", "Ann Example", "ann example|ann b example", "example"]
    # the title most often before the name is the role of the latest period only
    assert row[4] == "France,GOV,1994-09-22,2004-07-12,;France,GOV,2004-03-09,,foreign minister"
    assert compile_entry(paris, codes) is None  # a place is not an actor
    assert compile_entry(kofi, codes).split("\t")[4] == "United Nations,,1997-01-01,2006-12-31,Secretary-General"


@pytest.mark.skipif(not (SHARED_DATA / "petrarch").is_dir(), reason="needs ../shared/data/petrarch")
def test_shipped_phoenix_file_is_the_compilers_output(tmp_path):
    from stance.training.actors import compile_actors

    out = tmp_path / "actors.tsv"
    report = compile_actors(SHARED_DATA / "petrarch", ROOT / "data" / "actors" / "phoenix_codes.tsv", out)
    assert report["actors"] > 15000
    assert out.read_bytes() == (ROOT / "stance" / "data" / "actors_phoenix.tsv").read_bytes()


def test_recent_file_is_well_formed():
    lines = [l for l in (ROOT / "stance" / "data" / "actors_recent.tsv").read_text(encoding="utf-8").splitlines()
             if l.strip() and not l.startswith("#")]
    assert len(lines) > 200
    for line in lines:
        cells = line.split("\t")
        assert len(cells) == 7, line
        names, _surnames, aff, role, start, end, source = cells
        assert names and aff and role and start and source.startswith("public fact"), line
        b, e = parse_day(start), parse_day(end, end=True)
        assert e is None or b <= e, line


def test_dated_terms():
    table = actor_lookup()
    assert table.lookup("Donald Trump", date(2019, 5, 1)) == ActorInfo("United States", "President", "recent")
    assert table.lookup("Donald Trump", date(2016, 3, 1)) == ActorInfo("Republican Party", "presidential candidate", "recent")
    assert table.lookup("Donald Trump") == ActorInfo("United States", "President", "recent")  # undated: latest term
    assert table.lookup("Sergei Lavrov", date(2020, 1, 1)).affiliation == "Russia"
    # before the hand-written terms, the Phoenix period that covers the date
    assert table.lookup("Ban Ki-moon", date(2005, 6, 1)).affiliation == "South Korea"
    assert table.lookup("Ban Ki-moon", date(2010, 6, 1)) == ActorInfo("United Nations", "Secretary-General", "recent")
    assert table.lookup("Recep Tayyip Erdogan", date(2019, 1, 1)) == table.lookup("Recep Tayyip Erdoğan", date(2019, 1, 1))
    assert table.lookup("Nobody Atall Special") is None


def test_campaign_terms_end_at_the_nomination():
    """A major-party candidate is a presidential candidate until the party's convention nominates
    them, then the presidential nominee (the PolNeAR annotators' word after the conventions)."""
    table = actor_lookup()
    assert table.lookup("Donald Trump", date(2016, 7, 18)).role == "presidential candidate"
    assert table.lookup("Donald Trump", date(2016, 7, 19)) == ActorInfo("Republican Party", "presidential nominee", "recent")
    assert table.lookup("Hillary Clinton", date(2016, 7, 25)).role == "presidential candidate"
    assert table.lookup("Hillary Clinton", date(2016, 9, 1)) == ActorInfo("Democratic Party", "presidential nominee", "recent")
    assert table.lookup("Joe Biden", date(2020, 9, 1)) == ActorInfo("Democratic Party", "presidential nominee", "recent")


def test_party_chairs_and_campaign_staff_resolve_by_date():
    table = actor_lookup()
    assert table.lookup("Reince Priebus", date(2016, 7, 1)) == ActorInfo("Republican National Committee", "Chairman", "recent")
    assert table.lookup("Reince Priebus", date(2017, 3, 1)).affiliation == "United States"
    assert table.lookup("John Podesta", date(2016, 8, 1)) == ActorInfo("Hillary Clinton campaign", "campaign chairman", "recent")
    assert table.lookup("Kellyanne Conway", date(2016, 9, 1)).affiliation == "Donald Trump campaign"


def test_a_generational_suffix_is_looked_up_without_it():
    from stance.speakers.actors import describe_from_knowledge
    from stance.text.mentions import MentionIndex
    from stance.text.view import blank_english, build_view

    text = 'Joseph R. Biden Jr. spoke. "We will win," Joseph R. Biden Jr. said.'
    mentions = MentionIndex(build_view(blank_english()(text)))
    info = describe_from_knowledge(mentions, "Joseph R. Biden Jr.", date(2016, 8, 17))
    assert info == ActorInfo("United States", "Vice President", "recent")
    assert describe_from_knowledge(mentions, "Nobody Atall Jr.", date(2016, 8, 17)) is None


def test_a_middle_initial_is_looked_up_without_it():
    from stance.speakers.actors import describe_from_knowledge
    from stance.text.mentions import MentionIndex
    from stance.text.view import blank_english, build_view

    text = '"It is over," John R. Bolton said.'
    mentions = MentionIndex(build_view(blank_english()(text)))
    info = describe_from_knowledge(mentions, "John R. Bolton", date(2019, 9, 10))
    assert info == ActorInfo("United States", "National Security Advisor", "recent")


def test_a_phoenix_actor_out_of_its_periods_needs_the_affiliation_in_the_article():
    from stance.speakers.actors import describe_from_knowledge
    from stance.text.mentions import MentionIndex
    from stance.text.view import blank_english, build_view

    phoenix = [["A", "Ann Sample", "ann sample", "sample", "Peru,GOV,2004-03-01,2006-08-31,"]]
    table = ActorLookup([], phoenix)
    for text, expected in (('"The plant is down," said Ann Sample of the power authority.', None),
                           ('Peru voted. "The plant is down," said Ann Sample.', "Peru")):
        mentions = MentionIndex(build_view(blank_english()(text)))
        info = describe_from_knowledge(mentions, "Ann Sample", date(2020, 1, 8), table)
        assert (info.affiliation if info else None) == expected


def test_puerto_rico_governors_resolve_by_date():
    table = actor_lookup()
    assert table.lookup("Pedro Pierluisi", date(2019, 8, 3)) == ActorInfo("Puerto Rico", "Governor", "recent")
    assert table.lookup("Pedro Pierluisi", date(2020, 6, 1)) == ActorInfo("Puerto Rico", None, "recent")


def test_extended_office_holders_resolve_by_date():
    """Heads of state and government of other countries, US governors, first ministers of the UK
    nations, Canadian premiers and heads of international organisations (added to the hand-written
    file): each resolves within its term, and gives no office outside it."""
    table = actor_lookup()
    assert table.lookup("Alberto Fernández", date(2020, 6, 1)) == ActorInfo("Argentina", "President", "recent")
    assert table.lookup("Mike DeWine", date(2020, 6, 1)) == ActorInfo("Ohio", "Governor", "recent")
    assert table.lookup("Nicola Sturgeon", date(2019, 1, 1)) == ActorInfo("Scotland", "First Minister", "recent")
    assert table.lookup("Doug Ford", date(2020, 1, 1)) == ActorInfo("Ontario", "Premier", "recent")
    assert table.lookup("Jacinda Ardern", date(2019, 3, 15)) == ActorInfo("New Zealand", "Prime Minister", "recent")
    assert table.lookup("Tedros Adhanom Ghebreyesus", date(2020, 3, 1)) == ActorInfo("World Health Organization", "Director-General", "recent")
    assert table.lookup("Nicolas Maduro", date(2019, 2, 1)) == table.lookup("Nicolás Maduro", date(2019, 2, 1))
    # a person with two offices at different times: the one at the date
    assert table.lookup("Mike Pence", date(2016, 1, 1)) == ActorInfo("Indiana", "Governor", "recent")
    assert table.lookup("Mike Pence", date(2018, 1, 1)) == ActorInfo("United States", "Vice President", "recent")
    assert table.lookup("Charles Michel", date(2016, 1, 1)) == ActorInfo("Belgium", "Prime Minister", "recent")
    assert table.lookup("Charles Michel", date(2021, 1, 1)) == ActorInfo("European Council", "President", "recent")
    # outside the term: no office (the affiliation all the actor's terms share, without a role)
    assert table.lookup("Nicola Sturgeon", date(2024, 1, 1)) == ActorInfo("Scotland", None, "recent")
    assert table.lookup("Mike DeWine", date(2016, 6, 1)).role is None
    assert table.lookup("Jacinda Ardern", date(2012, 1, 1)).role is None


def test_recent_file_has_no_conflicting_terms():
    """No name has two terms with different affiliations or roles overlapping by more than a day
    (terms that disagree give nothing), and no term is listed twice. Kamala Harris's 2024 campaign,
    during her vice-presidency, is the one overlap the file means (its source note says so)."""
    meant = {"kamala harris"}
    rows = [l.split("\t") for l in (ROOT / "stance" / "data" / "actors_recent.tsv").read_text(encoding="utf-8").splitlines()
            if l.strip() and not l.startswith("#")]
    seen: dict[str, list[tuple]] = {}
    for names, _s, aff, role, start, end, _src in rows:
        b, e = parse_day(start), parse_day(end, end=True) or date(9999, 12, 31)
        for n in {name_key(x) for x in names.split("|")} - meant:
            for aff2, role2, b2, e2 in seen.get(n, []):
                overlap = (min(e, e2) - max(b, b2)).days
                assert overlap < 0 or ((aff, role) != (aff2, role2) and overlap <= 1), (names, aff, role, start)
            seen.setdefault(n, []).append((aff, role, b, e))


def test_phoenix_open_period_gives_no_role_after_its_cutoff():
    t = Term("A", "France", "foreign minister", date(2004, 3, 9), None, "phoenix")
    assert resolve([t], date(2010, 1, 1)) == ActorInfo("France", "foreign minister", "phoenix")
    assert resolve([t], date(2019, 1, 1)) == ActorInfo("France", None, "phoenix")


def test_disagreeing_terms_give_nothing():
    table = _lookup(["Jo Doe\t\tFrance\tminister\t2015-01-01\t\tpublic fact",
                     "Jo Doe\t\tSpain\tminister\t2015-01-01\t\tpublic fact"])
    assert table.lookup("Jo Doe", date(2016, 1, 1)) is None
    assert table.lookup("Jo Doe") is None


def test_partial_dates():
    assert parse_day("2019") == date(2019, 1, 1) and parse_day("2019", end=True) == date(2019, 12, 31)
    assert parse_day("2020-02", end=True) == date(2020, 2, 29) and parse_day("2019-12", end=True) == date(2019, 12, 31)
    assert parse_day("") is None


@given(st.text(max_size=40))
def test_name_key_is_idempotent(s):
    assert name_key(name_key(s)) == name_key(s)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1)))
def test_a_role_never_comes_without_an_affiliation(day):
    for name in ("Donald Trump", "Joe Biden", "Ban Ki-moon", "Boris Johnson", "Kamala Harris"):
        info = actor_lookup().lookup(name, day)
        assert info is None or info.affiliation


def test_dateline():
    assert article_date("Monday, April 8, 2019 \n\nAccording to a report") == date(2019, 4, 8)
    assert article_date("8 April 2019\nText") == date(2019, 4, 8)
    assert article_date("Text first.\nMonday, April 8, 2019") is None
    assert as_date("2016-05-01") == date(2016, 5, 1)
    with pytest.raises(ValueError):
        as_date("May 2016")


LAVROV = ("Russia and Ukraine met in Geneva on Monday. "
          '"We will not accept this," Sergei Lavrov said.')
LAVROV_TITLED = ("Russia and Ukraine met in Geneva on Monday. "
                 '"We will not accept this," said Sergei Lavrov, a professor at Harvard University.')


def test_pipeline_fills_from_the_lookup_and_says_so(nlp_rules):
    q = nlp_rules(LAVROV).quotes[0]
    assert (q.speaker.name, q.affiliation, q.role, q.affiliation_source) == ("Sergei Lavrov", "Russia", "Foreign Minister", "lookup")
    # a date before his time as foreign minister: the Phoenix period that covers it (no role then)
    q = nlp_rules(LAVROV, date="1999-01-01").quotes[0]
    assert (q.affiliation, q.affiliation_source) == ("Russia", "lookup")


def test_the_articles_own_words_win(nlp_rules):
    q = nlp_rules(LAVROV_TITLED).quotes[0]
    assert (q.role, q.affiliation, q.affiliation_source) == ("professor", "Harvard University", "article")


def test_the_lookup_gives_the_role_the_article_leaves_out_beside_its_affiliation(nlp_rules):
    text = 'Marco Rubio (R-Fla.) spoke on Monday. "We will win," Marco Rubio said.'
    q = nlp_rules(text, date="2016-01-05").quotes[0]
    assert (q.role, q.affiliation, q.affiliation_source) == ("Senator", "Republican Party", "article")
    other = 'Marco Rubio of the Acme Institute spoke. "We will win," Marco Rubio said.'
    q = nlp_rules(other, date="2016-01-05").quotes[0]
    assert (q.role, q.affiliation) == (None, "Acme Institute")


def test_surname_alone_needs_the_affiliation_in_the_article(nlp_rules):
    with_russia = 'Russia rejected the plan. "We will not accept this," Lavrov said.'
    without = 'The students met on Monday. "We will not accept this," Wong said.'
    assert nlp_rules(with_russia).quotes[0].affiliation == "Russia"
    q = nlp_rules(without).quotes[0]
    assert q.affiliation is None and q.affiliation_source is None


def test_option_flows_through_load_component_and_cli(tmp_path):
    import spacy

    from stance.cli import main

    off = stance.load(ranker=False, stance_model=False, actor_lookup=False)
    q = off(LAVROV).quotes[0]
    assert q.affiliation is None and q.affiliation_source is None
    assert off.config()["actor_lookup"] is False
    from stance.integrations.cache import normalize_config  # the Dask and Hugging Face integrations' configs

    assert normalize_config(off)["actor_lookup"] is False and normalize_config(None)["actor_lookup"] is True
    blank = spacy.blank("en")
    comp = blank.add_pipe("stance", config={"stance_model": False, "actor_lookup": False})
    assert comp.options["actor_lookup"] is False
    assert blank(LAVROV)._.stance.quotes[0].affiliation is None
    src = tmp_path / "a.txt"
    src.write_text(LAVROV, encoding="utf-8")
    for flags, want in (([], "Russia"), (["--no-actor-lookup"], None)):
        out = tmp_path / "out.jsonl"
        assert main(["analyze", str(src), "-o", str(out), "--no-stance", "--progress", "never", *flags]) == 0
        assert json.loads(out.read_text())["quotes"][0]["affiliation"] == want


TRUMP = "Donald Trump said that the deal was bad."


@pytest.mark.parametrize("n_process", [1, 2])
def test_pipe_passes_each_articles_date_to_the_lookup(nlp_rules, n_process):
    # bug: Pipeline.pipe and `stance analyze` dropped the date, so undated 2016 text got today's offices
    out = list(nlp_rules.pipe([(TRUMP, "a", "2016-03-01"), (TRUMP, "b", None), (TRUMP, "c")], as_tuples=True,
                              n_process=n_process))
    assert [(a.id, a.quotes[0].affiliation) for a in out] == [("a", "Republican Party"), ("b", "United States"),
                                                             ("c", "United States")]
    bad = list(nlp_rules.pipe([(TRUMP, "x", "someday"), (TRUMP, "y", "2016-03-01")], as_tuples=True, errors="return",
                              n_process=n_process))
    assert "expected a date" in bad[0].error and bad[1].quotes[0].affiliation == "Republican Party"
    with pytest.raises(TypeError, match="triples"):
        list(nlp_rules.pipe([(TRUMP, "a", "2016-03-01", "extra")], as_tuples=True))


def test_analyze_reads_the_date_field(tmp_path):
    from stance.cli import main

    src = tmp_path / "in.jsonl"
    rows = [{"id": "a", "text": TRUMP, "date": "2016-03-01"}, {"id": "b", "text": TRUMP},
            {"id": "c", "text": TRUMP, "date": "not a date"}, {"id": "d", "text": TRUMP, "published": "2016-03-01"}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(src), "-o", str(out), "--no-stance", "--progress", "never"]) == 1  # one bad record
    got = [json.loads(line) for line in out.read_text().splitlines()]
    assert [g["id"] for g in got] == ["a", "b", "c", "d"]
    assert got[0]["quotes"][0]["affiliation"] == "Republican Party" and "date" not in got[0]  # read, not copied
    assert got[1]["quotes"][0]["affiliation"] == "United States" and "expected a date" in got[2]["error"]
    assert main(["analyze", str(src), "-o", str(out), "--no-stance", "--progress", "never", "--date-field", "published",
                 "--keep-fields", "published"]) == 0
    got = [json.loads(line) for line in out.read_text().splitlines()]
    assert got[3]["quotes"][0]["affiliation"] == "Republican Party" and got[3]["published"] == "2016-03-01"
    assert got[2]["quotes"][0]["affiliation"] == "United States"  # its "date" is ignored with --date-field published



def test_analyze_reads_an_empty_date_cell_as_no_date(tmp_path):
    """An empty CSV cell (or "" in JSONL) under the date column is a missing date, as a record
    without the field is, not a malformed one."""
    import csv

    from stance.cli import main

    src = tmp_path / "in.csv"
    with open(src, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "text", "date"])
        w.writerows([["a", TRUMP, "2016-03-01"], ["b", TRUMP, ""], ["c", TRUMP, "   "]])
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(src), "-o", str(out), "--no-stance", "--progress", "never"]) == 0
    got = [json.loads(line) for line in out.read_text().splitlines()]
    assert [g["quotes"][0]["affiliation"] for g in got] == ["Republican Party", "United States", "United States"]
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "d", "text": TRUMP, "date": ""}) + "\n", encoding="utf-8")
    assert main(["analyze", str(src), "-o", str(out), "--no-stance", "--progress", "never"]) == 0
    assert json.loads(out.read_text())["quotes"][0]["affiliation"] == "United States"

def test_old_json_without_affiliation_source_still_reads():
    d = {"id": "x", "quotes": [{"quote": {"start": 0, "end": 2, "text": "Hi"}, "kind": "direct", "cue": None,
                                "speaker": None, "role": None, "affiliation": "France", "confidence": 1.0, "stances": []}]}
    jsonschema.validate(d, json_schema())
    a = Analysis.from_dict(d)
    assert a.quotes[0].affiliation_source is None
    new = a.to_dict()
    assert new["quotes"][0]["affiliation_source"] is None
    jsonschema.validate(new, json_schema())
    bad = json.loads(json.dumps(new))
    bad["quotes"][0]["affiliation_source"] = "guess"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, json_schema())


def test_seventh_session_office_holders_resolve_by_date():
    table = actor_lookup()
    assert table.lookup("Lael Brainard", date(2016, 7, 27)) == ActorInfo("Federal Reserve", "Governor", "recent")
    assert table.lookup("John Ellis Bush", date(2016, 1, 19)) == ActorInfo("Republican Party", "presidential candidate", "recent")
    assert table.lookup("Sadiq Khan", date(2016, 5, 11)) == ActorInfo("London", "Mayor", "recent")
    assert table.lookup("Harry B. Harris", date(2016, 5, 9)).affiliation == "United States Pacific Command"
