"""`stance analyze` on parquet and CSV record files (handwritten articles only)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from stance.cli import main
from stance.io import iter_records

from tests.samples import ARTICLES, HAS_STANCE
STANCE_FLAGS = [] if HAS_STANCE else ["--no-stance"]





def expected(nlp, texts, ids):
    return [a.to_dict() for a in nlp.pipe(zip(texts, ids), as_tuples=True)]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_parquet_custom_columns_with_a_null_text(tmp_path, nlp):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    texts = [ARTICLES[0], None, ARTICLES[1], ARTICLES[3]]
    pd.DataFrame({"doc": [10, 11, 12, 13], "body": texts, "extra": [1.0, 2.0, 3.0, 4.0]}).to_parquet(tmp_path / "in.parquet")
    out = tmp_path / "out.jsonl"
    rc = main(["analyze", str(tmp_path / "in.parquet"), "--text-column", "body", "--id-column", "doc", "-o", str(out), *STANCE_FLAGS])
    assert rc == 1  # one record failed, the others are there
    got = read_jsonl(out)
    assert [g["id"] for g in got] == ["10", "11", "12", "13"]
    assert "must be a string" in got[1]["error"]
    ok = [g for g in got if "error" not in g]
    assert ok == expected(nlp, [ARTICLES[0], ARTICLES[1], ARTICLES[3]], ["10", "12", "13"])
    assert any(q["speaker"]["name"] == "Maria Lopez" for q in got[0]["quotes"])


def test_parquet_forced_format_and_several_row_groups(tmp_path, nlp):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    texts = [ARTICLES[k % len(ARTICLES)] for k in range(9)]
    ids = [f"r{k}" for k in range(9)]
    table = pa.table({"id": ids, "text": texts})
    path = tmp_path / "records.bin"  # no .parquet suffix: --input-format decides
    pq.write_table(table, path, row_group_size=2)
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(path), "--input-format", "parquet", "-o", str(out), *STANCE_FLAGS]) == 0
    assert read_jsonl(out) == expected(nlp, texts, ids)


def test_parquet_missing_text_column_is_a_clear_error(tmp_path, capsys):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    pd.DataFrame({"id": ["a"], "content": [ARTICLES[0]]}).to_parquet(tmp_path / "in.parquet")
    rc = main(["analyze", str(tmp_path / "in.parquet"), "-o", str(tmp_path / "o.jsonl"), "--no-stance"])
    assert rc == 2
    err = capsys.readouterr().err
    assert "no column 'text'" in err and "content" in err
    assert not (tmp_path / "o.jsonl").exists()


def test_parquet_with_two_processes_keeps_order(tmp_path, nlp):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    texts = [ARTICLES[k % len(ARTICLES)] for k in range(8)]
    ids = [f"p{k}" for k in range(8)]
    pd.DataFrame({"id": ids, "text": texts}).to_parquet(tmp_path / "in.parquet")
    out = tmp_path / "out.jsonl"
    rc = main(["analyze", str(tmp_path / "in.parquet"), "--n-process", "2", "--batch-size", "3", "-o", str(out), *STANCE_FLAGS])
    assert rc == 0
    assert read_jsonl(out) == expected(nlp, texts, ids)


def test_csv_quoted_fields_commas_and_newlines(tmp_path, nlp):
    import csv

    path = tmp_path / "in.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["headline", "article", "key"])
        for k, t in enumerate(ARTICLES):
            w.writerow([f"headline, {k}", t, f"k{k}"])
    out = tmp_path / "out.jsonl"
    rc = main(["analyze", str(path), "--text-column", "article", "--id-column", "key", "-o", str(out), *STANCE_FLAGS])
    assert rc == 0
    got = read_jsonl(out)
    assert got == expected(nlp, ARTICLES, [f"k{k}" for k in range(len(ARTICLES))])
    assert len(got[1]["quotes"]) >= 1  # the multi-line article was read whole


def test_csv_table_output_and_forced_format(tmp_path):
    path = tmp_path / "data.txt"  # a CSV with a .txt suffix
    path.write_text('id,text\nx1,"""We are ready,"" said Tom Berg, the mayor of Eastport."\n', encoding="utf-8")
    out = tmp_path / "out.txt"
    assert main(["analyze", str(path), "--input-format", "csv", "--format", "table", "-o", str(out), "--no-stance"]) == 0
    table = out.read_text(encoding="utf-8")
    assert table.startswith("# x1: 1 quotations")
    assert "Tom Berg" in table and "mayor" in table


def test_csv_with_byte_order_mark(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes('text,id\n"""Yes,"" said Bob Lane.",b1\n'.encode("utf-8-sig"))
    recs = list(iter_records(str(path)))
    assert [(r.id, r.error) for r in recs] == [("b1", None)]
    assert recs[0].text == '"Yes," said Bob Lane.'


def test_csv_undecodable_row_fails_alone(tmp_path, nlp):
    path = tmp_path / "mixed.csv"
    first = '"""Fine,"" said Ann Cole.",a0\n'
    filler = "".join(f"A quiet day in the port,a{k}\n" for k in range(1, 1000))  # ~28 kB: past the first read buffer
    path.write_bytes(b"text,id\n" + (first + filler).encode("utf-8") + b"caf\xe9 society,bad\n" + b"All quiet.,last\n")
    out = tmp_path / "out.jsonl"
    rc = main(["analyze", str(path), "-o", str(out), "--no-stance"])
    assert rc == 1
    got = read_jsonl(out)
    assert len(got) == 1002
    assert got[1000] == {"id": "bad", "error": f"{path}: row 1002: not UTF-8"}
    assert got[1001] == {"id": "last", "quotes": []}
    assert got[0]["quotes"][0]["speaker"]["name"] == "Ann Cole"


def test_csv_missing_column_and_stdin_are_refused(tmp_path, capsys, monkeypatch):
    path = tmp_path / "in.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    assert main(["analyze", str(path), "--no-stance"]) == 2
    assert "no column 'text'" in capsys.readouterr().err
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"id,text\n1,hello\n")))
    assert main(["analyze", "-", "--input-format", "csv", "--no-stance"]) == 2
    assert "needs a path" in capsys.readouterr().err


def test_output_file_gets_ordinary_permissions(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("id,text\n1,hello\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(path), "-o", str(out), "--no-stance"]) == 0
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask
