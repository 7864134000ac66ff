from stance.evaluation.articles import evaluate_articles, jaccard_ok, match_spans, overlap_ok, party_match, speaker_match


def test_overlap_rule():
    assert overlap_ok((0, 10), (5, 10))  # 5 of the shorter 5
    assert overlap_ok((0, 10), (4, 20))  # 6 >= 0.5 * 10
    assert not overlap_ok((0, 10), (6, 30))  # 4 < 5
    assert not overlap_ok((0, 0), (0, 5))


def test_matching_is_one_to_one():
    pairs = match_spans([(0, 10), (0, 9)], [(0, 10)])
    assert pairs == [(0, 0)]


def test_speaker_match_rules():
    assert speaker_match("Moon", "Moon Seong Mook")
    assert speaker_match("Trump", "Donald Trump")
    assert speaker_match("North Korea’s", "north korea")
    assert not speaker_match("Seong", "Moon Seong Mook")
    assert not speaker_match(None, "x")


def test_party_match_accepts_other_full_forms_of_one_party():
    # ANNOTATION.md rule 8: one party, named in another full form than the gold's
    assert party_match("Donald Trump", "Donald J. Trump")
    assert party_match("Robert Mugabe", "Robert Gabriel Mugabe")
    assert party_match("Fred Sr", "Fred Sr.")
    assert party_match("al-Qaida", "Al-Qaeda")
    assert party_match("Islamic State", "ISIS")
    assert party_match("Trump", "Donald Trump")  # what speaker_match accepts
    # not other parties
    assert not party_match("Democratic Party", "Democratic Unionist Party")
    assert not party_match("Donald Trump", "Donald Trump Jr.")
    assert not party_match("United States", "White House")  # gold keeps the White House apart
    assert not party_match("Ivanka Trump", "Donald Trump")


def test_party_match_accepts_an_acronym_and_the_name_it_abbreviates():
    assert party_match("Federal Bureau of Investigation", "FBI")
    assert party_match("DHS", "Department of Homeland Security")
    assert party_match("U.N.", "United Nations")
    assert not party_match("Fox Business", "FBI")  # other initials
    assert not party_match("Federal", "F")  # one word and one letter are no acronym pair
    assert not party_match(None, "ISIS")


def test_jaccard():
    assert jaccard_ok("Secretary of State", "secretary of state")
    assert jaccard_ok("the One Korea Centre", "One Korea Centre")
    assert not jaccard_ok("analyst", "head")


def _doc(quotes):
    return {"id": "d", "quotes": quotes}


def _q(s, e, kind="direct", speaker="A", stances=(), role=None):
    return {"quote": {"start": s, "end": e, "text": "x" * (e - s)}, "kind": kind, "cue": None,
            "speaker": {"name": speaker, "mention": None, "type": "person"}, "role": role, "affiliation": None,
            "stances": list(stances)}


def test_counts():
    gold = [_doc([_q(0, 10), _q(20, 30, "indirect", "B", [{"target": "X", "label": "hostile"}], role="head"), _q(40, 50, "mixed")])]
    pred = [_doc([_q(0, 10), _q(21, 30, "indirect", "C", [{"target": "X", "label": "neutral"}, {"target": "Y", "label": "neutral"}], role="head"), _q(60, 70)])]
    r = evaluate_articles(gold, pred)
    assert r["quotes"]["tp"] == 2 and r["quotes"]["pred"] == 3 and r["quotes"]["gold"] == 3
    assert r["per_kind"]["mixed"]["recall"] == 0.0 and r["per_kind"]["direct"]["recall"] == 1.0
    assert r["speaker_accuracy"] == 0.5
    assert r["attribution"]["tp"] == 1
    assert r["role_accuracy"] == 1.0 and r["role_n"] == 1
    assert r["targets"]["tp"] == 1 and r["targets"]["pred"] == 2 and r["targets"]["gold"] == 1
    assert r["stance_accuracy"] == 0.0


def test_strict_drops_implicit():
    g = [_doc([_q(0, 10, stances=[{"target": "X", "label": "hostile", "implicit": True}])])]
    p = [_doc([_q(0, 10)])]
    assert evaluate_articles(g, p, strict=True)["targets"]["gold"] == 0
    assert evaluate_articles(g, p)["targets"]["gold"] == 1


def test_evaluate_articles_warns_of_gold_articles_without_a_prediction(tmp_path, capsys) -> None:
    """Predictions under other ids score zero: the report lists the gold ids left unpredicted and
    the command warns on stderr instead of printing zeros silently."""
    import json as _json

    from stance.cli import main
    from stance.evaluation.articles import evaluate_articles

    q = {"quote": {"start": 1, "end": 5, "text": "Fine"}, "kind": "direct", "cue": None,
         "speaker": {"name": "Ana Ruiz", "mention": None, "type": "person"}, "stances": []}
    gold = [{"id": "g1", "text": '"Fine," said Ana Ruiz.', "quotes": [q]}]
    assert evaluate_articles(gold, [{"id": "g1", "quotes": [q]}])["unpredicted"] == []
    report = evaluate_articles(gold, [{"id": "other", "quotes": [q]}])
    assert report["unpredicted"] == ["g1"] and report["quotes"]["tp"] == 0
    (tmp_path / "gold.jsonl").write_text(_json.dumps(gold[0]) + "\n", encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text(_json.dumps({"id": "other", "quotes": [q]}) + "\n", encoding="utf-8")
    assert main(["evaluate", "articles", "--gold", str(tmp_path / "gold.jsonl"), "--pred", str(tmp_path / "pred.jsonl")]) == 0
    assert "1 of 1 gold articles have no prediction with their id (first: 'g1')" in capsys.readouterr().err


def test_gold_spans_with_offsets_only_are_scored_and_listed_from_the_article_text():
    """The corpus loader gives the PolNeAR part's gold spans as offsets only (no ``text``): the
    error list reads their text from the article instead of failing (a KeyError until the
    eighteenth session)."""
    text = '"We will win," Roe said. "They lied," Doe said. "No," Poe said.'
    def offsets_only(s, e, speaker):
        q = _q(s, e, speaker=speaker)
        del q["quote"]["text"]
        return q
    a, b, c = (text.index(x) for x in ("We will win,", "They lied,", "No,"))
    gold = [dict(_doc([offsets_only(a, a + 12, "Roe"), offsets_only(b, b + 10, "Doe"), offsets_only(c, c + 3, "Poe")]), text=text)]
    pred = [dict(_doc([_q(a, a + 12, speaker="Roe"), _q(b, b + 10, speaker="Poe")]), text=text)]
    r = evaluate_articles(gold, pred)
    assert r["quotes"]["tp"] == 2 and r["speaker_accuracy"] == 0.5
    errors = {e["error"]: e for e in r["errors"]}
    assert errors["missed"]["gold"] == "No," and errors["speaker"]["quote"] == "They lied,"
