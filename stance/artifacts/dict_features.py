"""Feature dicts read as ``DictVectorizer`` reads them, for the numpy scorers (the rankers, the
party filter's trees): the sparse entries of a batch, without scikit-learn."""

from __future__ import annotations

from itertools import chain, repeat
from numbers import Number
from typing import Any, Iterable, Mapping

import numpy as np


def dict_entries(X: Iterable[Mapping[Any, Any]], vocabulary: Mapping[Any, int], sep: str = "=") -> tuple[Any, Any, Any, int]:
    """``(rows, cols, values, n_rows)`` of the feature dicts ``X`` as ``DictVectorizer.transform``
    reads them over ``vocabulary`` (feature name -> column; ``sep`` joins a string feature's name
    and value): a string value is the feature ``name<sep>value`` of value 1, a number (None: nan)
    the feature of its name, an iterable of strings one feature per string; unknown features are
    left out. Rows and their features come in input order."""
    X = X if isinstance(X, list) else list(X)
    values = list(chain.from_iterable(x.values() for x in X))
    kinds = set(map(type, values))
    if kinds <= {float, str}:
        # the features the pipeline's models take: a float is the value of the feature of its
        # name, a string the feature "name=string" with value 1; the names are looked up at C
        # speed (the general loop below gives the same)
        if str in kinds:
            names = ["%s%s%s" % (f, sep, v) if type(v) is str else f for x in X for f, v in x.items()]
            values = [1.0 if type(v) is str else v for v in values]
        else:
            names = list(chain.from_iterable(X))
        cols = np.fromiter(map(vocabulary.get, names, repeat(-1)), dtype=np.int64, count=len(names))
        rows = np.repeat(np.arange(len(X), dtype=np.int64), np.fromiter(map(len, X), dtype=np.int64, count=len(X)))
        known = cols >= 0
        return rows[known], cols[known], np.fromiter(values, dtype=np.float64, count=len(values))[known], len(X)
    get = vocabulary.get
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    n = 0
    for r, x in enumerate(X):
        n = r + 1
        for f, v in x.items():
            tv = type(v)
            if tv is float or tv is int:  # the common case, without the ABC checks below
                j = get(f)
                if j is not None:
                    rows.append(r)
                    cols.append(j)
                    vals.append(float(v))
            elif tv is str or isinstance(v, str):
                j = get("%s%s%s" % (f, sep, v))
                if j is not None:
                    rows.append(r)
                    cols.append(j)
                    vals.append(1.0)
            elif isinstance(v, Number) or v is None:
                j = get(f)
                if j is not None:
                    rows.append(r)
                    cols.append(j)
                    vals.append(float(np.float64(v)))  # as DictVectorizer (None -> nan)
            elif not isinstance(v, Mapping) and isinstance(v, Iterable):
                for vv in v:
                    if not isinstance(vv, str):
                        raise TypeError(
                            f"Unsupported type {type(vv)} in iterable value. Only iterables of string are supported."
                        )
                    j = get("%s%s%s" % (f, sep, vv))
                    if j is not None:
                        rows.append(r)
                        cols.append(j)
                        vals.append(1.0)
            else:
                raise TypeError(f"Unsupported value Type {type(v)} for {f}: {v}.")
    return (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64),
            np.asarray(vals, dtype=np.float64), n)
