"""The ``inference.npz`` format of model artifacts: plain numpy arrays plus a JSON header, read
with ``allow_pickle=False`` (never unpickles) and written with fixed member dates, so the same
model always gives the same bytes. Strings are packed into uint8 arrays (:func:`pack_strings`)."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any, Mapping, Sequence

import numpy as np

#: File name of the inference arrays inside an artifact directory.
INFERENCE_FILE = "inference.npz"
#: Layout version of the npz files written here.
INFERENCE_FORMAT = 1
#: Largest accepted |scorer - estimator| probability difference at export time.
MAX_ABS_DIFF = 1e-5

_SEPARATORS = "\n\x00\x1f\x1e\x1d\x1c\t\r"
_FIXED_DATE = (1980, 1, 1, 0, 0, 0)  # deterministic zip members: the same model gives the same bytes


class InferenceFileError(ValueError):
    """An inference file is unreadable or does not hold what its kind needs."""


def pack_strings(name: str, strings: Sequence[str]) -> tuple[dict[str, Any], dict[str, int]]:
    """One uint8 (utf-8) array of the strings joined by a separator none of them contains."""
    strings = list(strings)
    for sep in _SEPARATORS:
        if not any(sep in s for s in strings):
            break
    else:  # pragma: no cover - would need every separator inside some feature name
        raise ValueError(f"no separator character is free to pack the {name!r} strings")
    blob = sep.join(strings).encode("utf-8")
    return {name: np.frombuffer(blob, dtype=np.uint8)}, {"sep": ord(sep), "count": len(strings)}


def unpack_strings(arr: Any, spec: Mapping[str, Any], name: str) -> list[str]:
    if not isinstance(arr, np.ndarray) or arr.dtype != np.uint8 or arr.ndim != 1:
        raise InferenceFileError(f"array {name!r} is not a 1-d uint8 array")
    try:
        sep, count = chr(int(spec["sep"])), int(spec["count"])
        text = arr.tobytes().decode("utf-8")
    except (KeyError, TypeError, ValueError) as e:
        raise InferenceFileError(f"strings {name!r} cannot be decoded: {e}") from None
    out = text.split(sep) if count else []
    if len(out) != count:
        raise InferenceFileError(f"strings {name!r}: {len(out)} found, the header says {count}")
    return out


def pack_vocabulary(vocabulary: Mapping[str, int]) -> tuple[dict[str, Any], dict[str, int], int]:
    """A feature vocabulary (name -> column) as the ``vocab`` strings in column order: the arrays,
    their header spec and the number of features. Refuses a name that is not a string."""
    names: list[Any] = [None] * len(vocabulary)
    for f, j in vocabulary.items():
        names[j] = f
    if any(not isinstance(f, str) for f in names):
        raise ValueError("the vocabulary has non-string feature names; cannot export")
    arrays, spec = pack_strings("vocab", names)
    return arrays, spec, len(names)


def vocabulary_header(kind: str, classes: Sequence[Any], separator: str, n_features: int, vocab_spec: Mapping[str, int],
                      **extra: Any) -> dict[str, Any]:
    """The ``inference.npz`` header of a scorer over a ``DictVectorizer`` vocabulary: its kind, the
    format, the classes (numpy scalars as Python values), the vectorizer's separator, the feature
    count, then ``extra`` and the vocabulary's strings spec."""
    return {"kind": kind, "format": INFERENCE_FORMAT, "classes": [c.item() if hasattr(c, "item") else c for c in classes],
            "separator": separator, "n_features": n_features, **extra, "strings": {"vocab": dict(vocab_spec)}}


def unpack_vocabulary(arrays: Mapping[str, Any], meta: Mapping[str, Any]) -> dict[str, int]:
    """The vocabulary :func:`pack_vocabulary` wrote (header keys ``strings.vocab`` and
    ``n_features``), checked against the header's feature count."""
    names = unpack_strings(arrays.get("vocab"), meta["strings"]["vocab"], "vocab")
    if len(names) != int(meta["n_features"]):
        raise InferenceFileError(f"{len(names)} feature names, the header says {meta['n_features']}")
    return dict(zip(names, range(len(names))))


def write_npz(arrays: Mapping[str, Any], meta: Mapping[str, Any], *, compress: bool = True) -> bytes:
    """An npz file (as bytes) holding ``arrays`` and ``meta`` (JSON, as the uint8 array ``meta``).

    Only plain numeric arrays are written (``allow_pickle=False``); members carry a fixed date so
    the bytes depend on the content alone."""
    buf = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    members = dict(arrays)
    members["meta"] = np.frombuffer(json.dumps(dict(meta), sort_keys=True).encode("utf-8"), dtype=np.uint8)
    with zipfile.ZipFile(buf, "w", compression=method) as zf:
        for key in sorted(members):
            arr = np.ascontiguousarray(members[key])
            if arr.dtype.hasobject:
                raise ValueError(f"array {key!r} holds Python objects; only numeric arrays are exported")
            info = zipfile.ZipInfo(key + ".npy", date_time=_FIXED_DATE)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            with zf.open(info, "w", force_zip64=True) as f:
                np.lib.format.write_array(f, arr, allow_pickle=False)
    return buf.getvalue()


def read_npz(data: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(arrays, meta)`` of npz bytes written by :func:`write_npz` (never unpickles)."""
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
    except Exception as e:  # noqa: BLE001 - zip, npy header or pickle refusal: all unreadable
        raise InferenceFileError(f"not a readable npz file: {type(e).__name__}: {e}") from None
    raw = arrays.pop("meta", None)
    if raw is None or not isinstance(raw, np.ndarray) or raw.dtype != np.uint8:
        raise InferenceFileError("the 'meta' header array is missing")
    try:
        meta = json.loads(raw.tobytes().decode("utf-8"))
    except ValueError as e:
        raise InferenceFileError(f"the 'meta' header is not valid JSON: {e}") from None
    if not isinstance(meta, dict):
        raise InferenceFileError("the 'meta' header is not a JSON object")
    if meta.get("format") != INFERENCE_FORMAT:
        raise InferenceFileError(f"inference format {meta.get('format')!r}, this library reads format {INFERENCE_FORMAT}")
    return arrays, meta


def array_field(arrays: Mapping[str, Any], name: str, dtype: Any, ndim: int) -> Any:
    a = arrays.get(name)
    if a is None:
        raise InferenceFileError(f"array {name!r} is missing")
    if a.dtype != np.dtype(dtype) or a.ndim != ndim:
        raise InferenceFileError(f"array {name!r} is {a.dtype}[{a.ndim}-d], expected {np.dtype(dtype)}[{ndim}-d]")
    return a


def max_abs_diff(a: Any, b: Any) -> float:
    """The largest absolute difference of two arrays of the same shape (0 for empty ones)."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(f"shapes differ: {a.shape} vs {b.shape}")
    return float(np.max(np.abs(a - b))) if a.size else 0.0
