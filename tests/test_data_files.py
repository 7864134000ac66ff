"""The data files of ``stance/data``: every file the code reads exists, parses and ships in the
wheel; every word list has a header comment; the tagged lists use only the tags the code knows;
the closed word classes are read once (``function_words.tsv``) and shared."""

from __future__ import annotations

import fnmatch
import json
import re
import tomllib
from pathlib import Path

import pytest

from stance.text import lexicons
from stance.text.lexicons import REPORTING_CLAUSE_TAGS, data_rows, function_words, reporting_verbs_with

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "stance"
DATA = PACKAGE / "data"

#: a data file's name passed to a reader (data_rows, word_set, ...) or joined to the data folder
_REFERENCE = re.compile(
    r'''(?:\b(?:data_rows|word_set|tagged_words|_data_text|_word_list)\(\s*|joinpath\(\s*"data",\s*|"data"\s*/\s*)'''
    r'''"([^"/]+\.(?:txt|tsv|json))"''')


def _referenced() -> dict[str, set[str]]:
    refs: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for m in _REFERENCE.finditer(path.read_text(encoding="utf-8")):
            refs.setdefault(m.group(1), set()).add(str(path.relative_to(ROOT)))
    return refs


def _is_license(name: str) -> bool:
    return "LICENSE" in name


def test_every_referenced_data_file_exists_and_parses():
    refs = _referenced()
    # the scan finds the readers (a broken pattern would pass vacuously)
    assert {"reporting_verbs.tsv", "function_words.tsv", "nounish_cues.tsv", "gazetteer.json",
            "stance_lexicon.tsv", "title_intros.txt"} <= set(refs)
    for name, users in sorted(refs.items()):
        path = DATA / name
        assert path.is_file(), f"{name} (read by {sorted(users)}) is not in stance/data"
        if name.endswith(".json"):
            assert json.loads(path.read_text(encoding="utf-8"))
            continue
        rows = list(data_rows(name))
        assert rows, f"{name} has no entries"
        assert all(row[0].strip() for row in rows), f"{name} has a row with an empty first field"


def test_every_data_file_is_read_by_the_code_and_documented():
    refs = _referenced()
    for path in sorted(DATA.iterdir()):
        if _is_license(path.name):
            continue
        assert path.name in refs, f"stance/data/{path.name} is read by no module"
        if path.suffix in (".txt", ".tsv"):
            assert path.read_text(encoding="utf-8").startswith("#"), f"{path.name} has no header comment"


def test_every_data_file_ships_in_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["stance"]
    for path in sorted(DATA.iterdir()):
        rel = path.relative_to(PACKAGE).as_posix()
        assert any(fnmatch.fnmatch(rel, g) for g in globs), f"{rel} matches no package-data glob {globs}"


def test_reporting_verbs_have_one_row_and_known_clause_tags():
    lemmas = [row[0].strip() for row in data_rows("reporting_verbs.tsv")]
    assert len(lemmas) == len(set(lemmas)), sorted({w for w in lemmas if lemmas.count(w) > 1})
    for row in data_rows("reporting_verbs.tsv"):
        tags = {t.strip() for t in row[3].split(",")} if len(row) > 3 else set()
        assert tags <= REPORTING_CLAUSE_TAGS, (row[0], tags - REPORTING_CLAUSE_TAGS)
    zero = reporting_verbs_with("zero-that")
    assert {"say", "tell", "claim"} <= zero
    assert reporting_verbs_with("needs-verb") <= zero
    assert not zero & reporting_verbs_with("no-zero-that")
    assert reporting_verbs_with("infinitive") == {"claim", "agree", "call"}
    with pytest.raises(ValueError):
        reporting_verbs_with("zero_that")


def test_nounish_cue_forms_use_known_tags():
    for row in data_rows("nounish_cues.tsv"):
        assert len(row) == 1 or row[1].strip() in ("", "relative-that"), row


def test_function_word_classes_are_read_once_and_shared():
    from stance.quotations import tokens
    from stance.stance_model import features

    assert lexicons.DETERMINERS == function_words("determiners")
    assert "that" not in lexicons.DETERMINERS  # a complementizer or a relative as often
    assert {"he", "you"} <= lexicons.SUBJECT_PRONOUNS and "him" not in lexicons.SUBJECT_PRONOUNS
    assert lexicons.OBJECT_PRONOUNS | lexicons.SUBJECT_PRONOUNS <= lexicons.PERSONAL_PRONOUNS
    assert lexicons.BE_FORMS - {"be", "been", "being"} <= lexicons.AUXILIARIES
    # the rules use the shared objects, not copies
    assert tokens.DETERMINERS is lexicons.DETERMINERS
    assert tokens.AUXILIARIES is lexicons.AUXILIARIES
    assert features.PERSONAL_PRONOUNS is lexicons.PERSONAL_PRONOUNS
    # the quantifiers standing alone as a subject: one class, read by the cues, clauses and speakers
    from stance.quotations import clauses, cues
    from stance.speakers import candidates

    assert cues.LONE_QUANTIFIERS is clauses.LONE_QUANTIFIERS is lexicons.LONE_QUANTIFIERS
    assert candidates._LONE_QUANTIFIERS == lexicons.LONE_QUANTIFIERS - {"all"}
    # the quotation marks as tokens: one definition, its characters in the party finder
    from stance.parties import finder
    from stance.speakers import noun_phrases

    assert noun_phrases.QUOTE_CHARS is tokens.QUOTE_MARKS and cues.QUOTE_MARKS is tokens.QUOTE_MARKS
    assert finder._QUOTE_CHARS == frozenset("".join(tokens.QUOTE_MARKS))
    # the articles: one class, shared by the speaker phrases and the role rules
    from stance.speakers import role_bodies, role_of_phrases

    assert lexicons.ARTICLES == {"the", "a", "an"}
    assert noun_phrases.ARTICLES is role_of_phrases.ARTICLES is role_bodies.ARTICLES is lexicons.ARTICLES
    with pytest.raises(KeyError):
        function_words("adverbs")


def test_irregular_reporting_verbs_come_from_their_data_file():
    from stance.text.lexicons import cue_lexicon

    verbs = cue_lexicon().verbs
    assert verbs["said"] == ("say", "say") and verbs["wrote"][0] == "write" and verbs["labelled"][0] == "label"
    assert "sayed" not in verbs and "telled" not in verbs  # the regular past of an irregular verb is dropped
    assert ("pointed", "out") in cue_lexicon().phrases


def test_rule_word_sets_are_each_read_by_the_module_their_comment_names():
    """``rule_words.tsv``: every set is read (``rule_words("name")``) by the module its comment
    names, and an unknown name raises."""
    from stance.text.lexicons import rule_words

    text = (DATA / "rule_words.tsv").read_text(encoding="utf-8")
    comment: list[str] = []
    names = []
    for line in text.splitlines():
        if line.startswith("#"):
            comment = [] if line == "#" else comment + [line[2:]]
            continue
        name = line.split("\t")[0]
        names.append(name)
        reader = re.search(r"Read by (stance(?:\.\w+)+)", " ".join(comment))
        assert reader, f"rule_words.tsv: {name} names no reader"
        module = ROOT / (reader.group(1).replace(".", "/") + ".py")
        assert f'rule_words("{name}")' in module.read_text(encoding="utf-8"), (name, reader.group(1))
        assert rule_words(name)
    assert len(names) == len(set(names)) >= 30
    with pytest.raises(KeyError):
        rule_words("prepositions")


def test_pronouns_give_each_pronoun_its_kind_and_gender_once():
    """``pronouns.tsv`` is the one table of pronoun facts: the kinds the rules resolve (the
    reflexives have none) and the gender of each third-person singular pronoun."""
    from stance.text.entity_types import PRONOUN_GENDER
    from stance.text.lexicons import pronoun_genders, pronoun_kinds

    rows = list(data_rows("pronouns.tsv"))
    assert all(len(r) == 3 for r in rows) and len({r[0] for r in rows}) == len(rows)
    assert PRONOUN_GENDER == pronoun_genders() == {"he": "m", "him": "m", "his": "m", "himself": "m",
                                                   "she": "f", "her": "f", "hers": "f", "herself": "f"}
    kinds = pronoun_kinds()
    assert kinds["he"] == kinds["hers"] == "person-sg" and kinds["they"] == "plural" and kinds["its"] == "thing"
    assert "himself" not in kinds and "herself" not in kinds and "-" not in kinds.values()


def test_party_codes_are_one_table_for_the_letters_and_their_parties():
    """``party_codes.tsv``: the letters a legislator's party code may hold and the party each gives
    (none for an independent), read by both the party rule and the speaker phrases."""
    from stance.speakers.candidates import _PARTY_LETTERS
    from stance.speakers.role_parties import _PARTY_CODES
    from stance.text.lexicons import party_codes

    assert party_codes() == {"R": "Republican Party", "D": "Democratic Party", "I": ""}
    assert _PARTY_LETTERS == {"R", "D", "I"} and _PARTY_CODES == {"R": "Republican Party", "D": "Democratic Party"}
