"""Reading article records and writing results, record by record, losing nothing.

Every input record yields exactly one :class:`Record`: either its text, or the error that
stopped it (malformed JSON, missing or non-string text, undecodable bytes), so that the output
has one line per input record.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

INPUT_FORMATS = ("auto", "txt", "dir", "jsonl", "csv", "parquet")


@dataclass(frozen=True)
class Record:
    """One input record: ``text`` or ``error`` is set; ``line`` is its 1-based line (JSONL)."""

    id: str | None
    text: str | None
    error: str | None = None
    line: int | None = None
    #: input fields kept for the output (``iter_records(keep_fields=...)``), by name
    fields: dict[str, Any] | None = None

    def error_id(self) -> str | None:
        """The id to report an error under: the record's id, else ``line N``."""
        if self.id is not None:
            return self.id
        return f"line {self.line}" if self.line is not None else None


def _decode(raw: bytes, where: str) -> tuple[str | None, str | None]:
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        return None, f"{where}: not UTF-8 ({e.reason} at byte {e.start})"


def _kept(obj: Any, keep: tuple[str, ...]) -> dict[str, Any] | None:
    if not keep or not isinstance(obj, dict):
        return None
    return {k: obj[k] for k in keep if k in obj}


def jsonl_objects(lines: Iterable[bytes], name: str) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """``(line number, object, None)`` for each JSON-object line of ``lines`` (raw bytes, a BOM
    allowed), or ``(line number, None, why)`` for a line that is not UTF-8, not JSON or not an
    object; blank lines are skipped. ``name`` (a path, ``<stdin>``) prefixes the messages."""
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        line, err = _decode(raw, f"{name}:{n}")
        if err:
            yield n, None, err
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as e:  # RecursionError: absurdly deep nesting
            yield n, None, f"{name}:{n}: malformed JSON: {e}"
            continue
        if not isinstance(obj, dict):
            yield n, None, f"{name}:{n}: expected a JSON object, got {type(obj).__name__}"
            continue
        yield n, obj, None


def _jsonl_records(lines: Iterator[bytes], name: str, text_column: str, id_column: str,
                   keep: tuple[str, ...] = ()) -> Iterator[Record]:
    for n, obj, err in jsonl_objects(lines, name):
        if obj is None:
            yield Record(None, None, err, n)
            continue
        rid = obj.get(id_column)
        rid = None if rid is None else str(rid)
        kept = _kept(obj, keep)
        if text_column not in obj:
            yield Record(rid, None, f"{name}:{n}: record has no {text_column!r} field", n, kept)
        elif not isinstance(obj[text_column], str):
            yield Record(rid, None, f"{name}:{n}: {text_column!r} must be a string, got {type(obj[text_column]).__name__}", n, kept)
        else:
            yield Record(rid, obj[text_column], None, n, kept)


def _table_records(path: Path, fmt: str, text_column: str, id_column: str, keep: tuple[str, ...] = ()) -> Iterator[Record]:
    if fmt == "parquet":
        try:
            import pyarrow.parquet as pq
        except ImportError as e:  # pragma: no cover - optional
            raise RuntimeError("reading parquet needs pyarrow: pip install 'stance[io]'") from e
        pf = pq.ParquetFile(path)
        if text_column not in pf.schema_arrow.names:
            raise ValueError(f"{path}: no column {text_column!r} (columns: {', '.join(pf.schema_arrow.names)})")
        cols = [c for c in dict.fromkeys((id_column, text_column, *keep)) if c in pf.schema_arrow.names]
        n = 0
        for batch in pf.iter_batches(columns=cols, batch_size=1024):
            d = batch.to_pydict()
            for k in range(batch.num_rows):
                n += 1
                rid = d[id_column][k] if id_column in d else None
                rec = _row_record(rid, d[text_column][k], n, text_column)
                yield rec if not keep else _with_fields(rec, {c: d[c][k] for c in keep if c in d})
        return
    import csv

    csv.field_size_limit(1 << 30)
    # utf-8-sig: a BOM (Excel) must not become part of the first column's name; surrogateescape:
    # undecodable bytes fail their own row (below), not the whole run mid-stream
    with open(path, newline="", encoding="utf-8-sig", errors="surrogateescape") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames is None or text_column not in reader.fieldnames:
            raise ValueError(f"{path}: no column {text_column!r} (columns: {', '.join(reader.fieldnames or [])})")
        for n, row in enumerate(reader, 2):
            rid, text = row.get(id_column), row.get(text_column)
            if not _is_utf8(rid) or not _is_utf8(text):
                rid = None if rid is None else rid.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                yield Record(rid, None, f"{path}: row {n}: not UTF-8", n)
                continue
            rec = _row_record(rid, text, n, text_column)
            yield rec if not keep else _with_fields(rec, {c: row[c] for c in keep if c in row and _is_utf8(row[c])})


def _with_fields(rec: Record, fields: dict[str, Any]) -> Record:
    return Record(rec.id, rec.text, rec.error, rec.line, fields)


def _is_utf8(s: Any) -> bool:
    if not isinstance(s, str):
        return True
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _row_record(rid: Any, text: Any, n: int, text_column: str) -> Record:
    rid = None if rid is None else str(rid)
    if not isinstance(text, str):
        return Record(rid, None, f"row {n}: {text_column!r} must be a string, got {type(text).__name__}", n)
    return Record(rid, text, None, n)


def detect_format(path: str | None) -> str:
    """The input format implied by a path: dir, jsonl, csv, parquet or txt (stdin: txt)."""
    if path is None or path == "-":
        return "txt"
    p = Path(path)
    if p.is_dir():
        return "dir"
    suffix = p.suffix.lower()
    return {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}.get(suffix, "txt")


def iter_records(path: str | None, input_format: str = "auto", *, text_column: str = "text", id_column: str = "id",
                 keep_fields: tuple[str, ...] | list[str] = ()) -> Iterator[Record]:
    """Records of a .txt file, a directory of .txt files, a JSONL/CSV/parquet file, or stdin
    (``path`` None or ``-``: plain text, or JSONL with ``input_format='jsonl'``).

    ``keep_fields``: names of fields/columns of JSONL/CSV/parquet records to carry in
    :attr:`Record.fields` (those a record lacks are left out)."""
    keep = tuple(keep_fields)
    fmt = detect_format(path) if input_format == "auto" else input_format
    if fmt not in INPUT_FORMATS:
        raise ValueError(f"unknown input format {fmt!r}; use one of {', '.join(INPUT_FORMATS)}")
    if path is None or path == "-":
        if fmt in ("dir", "csv", "parquet"):
            raise ValueError(f"{fmt} input needs a path, not stdin")
        data = sys.stdin.buffer.read()
        if fmt == "jsonl":
            # split on "\n" only, as reading a file does, so line numbers agree
            yield from _jsonl_records(iter(data.split(b"\n")), "<stdin>", text_column, id_column, keep)
            return
        text, err = _decode(data, "<stdin>")
        yield Record("stdin", text, err)
        return
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such file or directory")
    if fmt == "dir":
        files = sorted(f for f in p.iterdir() if f.suffix.lower() == ".txt" and f.is_file())
        for f in files:
            text, err = _decode(f.read_bytes(), str(f))
            yield Record(f.stem, text, err)
        return
    if fmt == "jsonl":
        with open(p, "rb") as f:
            yield from _jsonl_records(iter(f), str(p), text_column, id_column, keep)
        return
    if fmt in ("csv", "parquet"):
        yield from _table_records(p, fmt, text_column, id_column, keep)
        return
    text, err = _decode(p.read_bytes(), str(p))
    yield Record(p.stem, text, err)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[str]:
    """A temporary path next to ``path``, renamed to ``path`` when the block succeeds (with the
    mode ``open()`` would give); an interrupted or failing block leaves no file behind."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    try:
        yield tmp
        mask = os.umask(0)  # mkstemp makes the file 0600
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


@contextlib.contextmanager
def atomic_output(path: str | None) -> Iterator[IO[str]]:
    """Write to ``path`` through a temporary file renamed into place on success; an interrupted
    run leaves no half-written file. ``None`` or ``-`` writes to stdout."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8") as f:
        yield f
