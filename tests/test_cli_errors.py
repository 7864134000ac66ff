"""``stance analyze`` on bad input: one output line per input record, errors in place, a
non-zero exit status when any record failed, and no half-written output when interrupted."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stance.artifacts import default_models_dir, save_artifact
from stance.cli import main

GOOD = [
    "“We will not back down,” Foreign Minister Anna Kovacs said on Tuesday.",
    "President Maria Santos told reporters that her government was ready to negotiate.",
    "Analysts say the dispute has deepened since the summer.",
]


def _stance_flags() -> list[str]:
    """The default pipeline when the stance model is shipped, else one without stances."""
    return [] if (default_models_dir() / "stance" / "manifest.json").is_file() else ["--no-stance"]


def run_cli(tmp_path: Path, *args: str) -> tuple[int, list[dict]]:
    out = tmp_path / "out.jsonl"
    if out.exists():
        out.unlink()
    rc = main(["analyze", *args, "-o", str(out), "--progress", "never", *_stance_flags()])
    lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    return rc, [json.loads(line) for line in lines]


def test_bad_jsonl_records_each_get_an_error_line(tmp_path, capsys):
    lines = [
        json.dumps({"id": "a", "text": GOOD[0]}).encode(),
        b'{"id": "b", "text": ',  # malformed JSON
        json.dumps({"id": "c"}).encode(),  # no text
        json.dumps({"id": "d", "text": 42}).encode(),  # text not a string
        json.dumps({"id": "e", "text": None}).encode(),
        b"[1, 2, 3]",  # not an object
        b'{"id": "f", "text": "caf\xe9 au lait"}',  # not UTF-8
        json.dumps({"text": GOOD[1]}).encode(),  # good, without id
        b'{"id": "g", "text": "He said \\"we \\ud800 will win this war,\\" on Monday."}',  # lone surrogate
        json.dumps({"id": "h", "text": GOOD[2]}).encode(),
    ]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(lines[:5]) + b"\n\n" + b"\n".join(lines[5:]) + b"\n")  # a blank line is no record
    rc, out = run_cli(tmp_path, str(src))
    assert rc == 1
    assert len(out) == len(lines)
    by_pos = {i: o for i, o in enumerate(out)}
    assert by_pos[0]["id"] == "a" and "quotes" in by_pos[0]
    assert by_pos[1] == {"id": "line 2", "error": by_pos[1]["error"]} and "malformed JSON" in by_pos[1]["error"]
    assert by_pos[2]["id"] == "c" and "no 'text' field" in by_pos[2]["error"]
    assert by_pos[3]["id"] == "d" and "must be a string, got int" in by_pos[3]["error"]
    assert by_pos[4]["id"] == "e" and "got NoneType" in by_pos[4]["error"]
    assert by_pos[5]["id"] == "line 7" and "expected a JSON object" in by_pos[5]["error"]
    assert by_pos[6]["id"] == "line 8" and "not UTF-8" in by_pos[6]["error"]
    assert "error" not in by_pos[7] and by_pos[7]["id"] is None
    assert by_pos[8]["id"] == "g" and "error" not in by_pos[8]
    assert by_pos[8]["quotes"] and "\ud800" in by_pos[8]["quotes"][0]["quote"]["text"]
    assert by_pos[9]["id"] == "h" and "error" not in by_pos[9]
    for o in out:
        assert set(o) in ({"id", "error"}, {"id", "quotes"})
    assert "6 of 10 records failed" in capsys.readouterr().err


def test_failed_count_on_stderr(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": GOOD[0]}) + "\n{oops\n", encoding="utf-8")
    rc, out = run_cli(tmp_path, str(src))
    assert rc == 1 and len(out) == 2
    assert "1 of 2 records failed" in capsys.readouterr().err


def test_all_good_exits_zero(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(GOOD)), encoding="utf-8")
    rc, out = run_cli(tmp_path, str(src))
    assert rc == 0
    assert [o["id"] for o in out] == ["0", "1", "2"]


def test_text_file_not_utf8(tmp_path):
    src = tmp_path / "latin.txt"
    src.write_bytes("Le ministre a dit « non » à l’accord.".encode("latin-1", "replace"))
    rc, out = run_cli(tmp_path, str(src))
    assert rc == 1
    assert out == [{"id": "latin", "error": out[0]["error"]}]
    assert "not UTF-8" in out[0]["error"] and "latin.txt" in out[0]["error"]


def test_jsonl_file_not_utf8_at_all(tmp_path):
    src = tmp_path / "utf16.jsonl"
    src.write_bytes("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(GOOD)).encode("utf-16"))
    rc, out = run_cli(tmp_path, str(src))
    assert rc == 1
    assert out and all("error" in o for o in out)


def test_empty_files(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    rc, out = run_cli(tmp_path, str(empty))
    assert rc == 0 and out == []
    assert (tmp_path / "out.jsonl").exists()  # an empty result, written
    blank = tmp_path / "blank.jsonl"
    blank.write_bytes(b"\n\n  \n")
    rc, out = run_cli(tmp_path, str(blank))
    assert rc == 0 and out == []
    txt = tmp_path / "empty.txt"
    txt.write_bytes(b"")
    rc, out = run_cli(tmp_path, str(txt))
    assert rc == 0 and out == [{"id": "empty", "quotes": []}]


def test_directory_with_a_bad_file(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    (d / "a.txt").write_text(GOOD[0], encoding="utf-8")
    (d / "b.txt").write_bytes(b"\xff\xfe\x00bad")
    (d / "c.txt").write_text("", encoding="utf-8")
    rc, out = run_cli(tmp_path, str(d))
    assert rc == 1
    assert [o["id"] for o in out] == ["a", "b", "c"]
    assert "error" in out[1] and "error" not in out[0] and "error" not in out[2]


def test_table_format_with_surrogates(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "s", "text": "Kim said, \\"we \\udc80 will win this war,\\" on Monday."}\n', encoding="utf-8")
    out = tmp_path / "out.txt"
    rc = main(["analyze", str(src), "-o", str(out), "--format", "table", *_stance_flags()])
    assert rc == 0
    assert "\\udc80" in out.read_text(encoding="utf-8")


def _tiny_model():
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression().fit([[0.0], [1.0]], [0, 1])


def test_bad_models_dir_exits_2(tmp_path, capsys):
    src = tmp_path / "in.txt"
    src.write_text(GOOD[0], encoding="utf-8")
    # a models directory that does not exist (also when only the rankers would read it)
    for flags in ([], ["--no-stance"]):
        rc = main(["analyze", str(src), "--models", str(tmp_path / "nowhere"), *flags])
        err = capsys.readouterr().err
        assert rc == 2
        assert "models directory not found" in err and "nowhere" in err and "Traceback" not in err
    # a models directory without the stance artifact
    (tmp_path / "empty_models").mkdir()
    rc = main(["analyze", str(src), "--models", str(tmp_path / "empty_models")])
    err = capsys.readouterr().err
    assert rc == 2
    assert "manifest not found" in err and "empty_models" in err
    # a corrupt ranker artifact
    bad = tmp_path / "models"
    save_artifact(_tiny_model(), bad / "speaker_ranker", name="speaker-ranker", version="1.0.0", labels=["no", "yes"])
    data = bytearray((bad / "speaker_ranker" / "model.joblib").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (bad / "speaker_ranker" / "model.joblib").write_bytes(bytes(data))
    out = tmp_path / "never.jsonl"
    rc = main(["analyze", str(src), "--models", str(bad), "--no-stance", "-o", str(out)])
    err = capsys.readouterr().err
    assert rc == 2
    assert "model artifact refused" in err and "sha256" in err and "model.joblib" in err
    assert not out.exists()


def _big_input(path: Path, n_docs: int = 300) -> None:
    para = " ".join(GOOD) + " " + "“They keep moving the goalposts,” he said. “It is impossible to trust them.” "
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n_docs):
            f.write(json.dumps({"id": f"doc{i}", "text": "\n\n".join([para] * 60)}) + "\n")


def _default_signal_handling() -> None:
    """In the child, before exec: default SIGINT and SIGTERM handling, whatever the test run
    inherited (a shell that ignores SIGINT, as background jobs and some CI runners do, passes
    SIG_IGN on, and Python then installs no KeyboardInterrupt handler)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_interrupted_run_leaves_no_output(tmp_path, sig):
    src = tmp_path / "big.jsonl"
    _big_input(src)
    outdir = tmp_path / "out"
    target = outdir / "result.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "stance.cli", "analyze", str(src), "-o", str(target), "--progress", "never", "--no-stance"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=_default_signal_handling,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if outdir.exists() and any(p.name.endswith(".tmp") for p in outdir.iterdir()):
                break
            assert proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.05)
        else:
            pytest.fail("the CLI never started writing")
        time.sleep(1.0)  # midway: some records analysed and written to the temporary file
        assert proc.poll() is None, "the run finished before it could be interrupted"
        proc.send_signal(sig)
        rc = proc.wait(60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert rc == (143 if sig == signal.SIGTERM else 130)
    assert not target.exists()
    assert list(outdir.iterdir()) == [], "a temporary file was left behind"


def test_absurdly_nested_json_is_one_bad_record(tmp_path):
    src = tmp_path / "deep.jsonl"
    src.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"id": "z", "text": GOOD[0]}) + "\n", encoding="utf-8")
    rc, out = run_cli(tmp_path, str(src))
    assert rc == 1 and len(out) == 2
    assert out[0]["id"] == "line 1" and "malformed JSON" in out[0]["error"]
    assert out[1]["id"] == "z" and "quotes" in out[1]


def test_jsonl_from_stdin(tmp_path, monkeypatch):
    import io

    data = (json.dumps({"id": "a", "text": GOOD[0]}) + "\n{broken\n" + json.dumps({"id": "b"}) + "\r\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    rc, out = run_cli(tmp_path, "-", "--input-format", "jsonl")
    assert rc == 1
    assert [o["id"] for o in out] == ["a", "line 2", "b"]
    assert "<stdin>:2: malformed JSON" in out[1]["error"]


def test_output_path_that_is_a_directory(tmp_path, capsys):
    src = tmp_path / "in.txt"
    src.write_text(GOOD[0], encoding="utf-8")
    rc = main(["analyze", str(src), "-o", str(tmp_path), "--no-stance"])
    assert rc == 2
    assert "is a directory" in capsys.readouterr().err
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("cmd", [["analyze", "-"], ["evaluate", "quotes", "--data", "."]])
@pytest.mark.parametrize("bad", ["nan", "inf", "high"])
def test_analytic_offset_must_be_a_finite_number(cmd, bad, capsys):
    with pytest.raises(SystemExit) as e:
        main([*cmd, "--analytic-offset", bad])
    assert e.value.code == 2
    assert "--analytic-offset" in capsys.readouterr().err


@pytest.mark.parametrize("cmd", [["analyze", "-"], ["classify", "-", "-o", "out.jsonl"]])
@pytest.mark.parametrize("opt", ["--batch-size", "--n-process"])
def test_batch_size_and_processes_must_be_positive(cmd, opt, capsys):
    if cmd[0] == "classify" and opt == "--n-process":
        pytest.skip("classify has no --n-process")
    with pytest.raises(SystemExit) as e:
        main([*cmd, opt, "0"])
    assert e.value.code == 2
    assert f"argument {opt}: must be >= 1, got 0" in capsys.readouterr().err


def test_contextual_model_in_several_processes_is_a_usage_error(tmp_path, capsys):
    src = tmp_path / "in.txt"
    src.write_text(GOOD[0], encoding="utf-8")
    assert main(["analyze", str(src), "--stance-model", "contextual", "--n-process", "2"]) == 2
    assert "runs in one process" in capsys.readouterr().err


def test_a_spacy_model_that_is_not_installed_is_a_clear_error(tmp_path, capsys):
    """--spacy-model naming no installed pipeline exits 2 with one line (was an OSError traceback);
    from Python it is a SpacyModelError, an OSError."""
    import stance
    from stance.text.tokenize import SpacyModelError

    src = tmp_path / "in.txt"
    src.write_text(GOOD[0], encoding="utf-8")
    for cmd in (["analyze", str(src)], ["render", str(src), "-o", str(tmp_path / "p.html")]):
        assert main([*cmd, "--spacy-model", "xx_no_such_pipeline", "--no-stance"]) == 2
        err = capsys.readouterr().err
        assert "spaCy pipeline 'xx_no_such_pipeline' could not be loaded" in err and "Traceback" not in err
    with pytest.raises(SpacyModelError, match="could not be loaded"):
        stance.load("xx_no_such_pipeline", stance_model=False)
    assert issubclass(SpacyModelError, OSError)


def test_no_records_is_a_warning_not_silence(tmp_path, capsys):
    """An empty JSONL file or a directory without .txt files writes nothing and exits 0, with a
    warning on stderr; an empty .txt file is one record (no warning)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "empty.jsonl").write_bytes(b"")
    for src in (tmp_path / "docs", tmp_path / "empty.jsonl"):
        assert main(["analyze", str(src), "--no-stance"]) == 0
        captured = capsys.readouterr()
        assert captured.out == "" and f"warning: no records in {src}" in captured.err
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["analyze", str(tmp_path / "empty.txt"), "--no-stance"]) == 0
    assert "warning" not in capsys.readouterr().err
