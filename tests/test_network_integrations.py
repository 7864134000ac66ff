"""stance.network over the outputs of the Dask and Hugging Face integrations: the same table as
over the analyses themselves."""

from __future__ import annotations

import json

import pytest

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
datasets = pytest.importorskip("datasets")

from stance.integrations.dask import analyze_dataframe  # noqa: E402
from stance.integrations.hf import analyze_dataset  # noqa: E402
from stance.network import network, network_from_dataset, network_from_frame  # noqa: E402

from .samples import ARTICLES  # noqa: E402

TEXTS = [ARTICLES[k % len(ARTICLES)] for k in range(8)] + [None]
IDS = [f"d{k}" for k in range(9)]
DATES = ["2016-01-05", "2016-01-20", None, "2016-02-03", "2016-03-09", "bad date", "2016-03-30", "2016-04-01", "2016-04-02"]


def counts(df) -> dict:
    return {k: v for k, v in df.attrs["summary"].items() if k != "error_examples"}


@pytest.fixture(scope="module")
def nlp():
    """The default pipeline without the party filter: the samples' fictional countries are typed as
    persons named once, which party-filter 1.1.0 drops; these tests are about the integrations' tables."""
    import stance

    from .conftest import stance_model_shipped

    return stance.load(stance_model=stance_model_shipped(), party_filter=False)


@pytest.fixture(scope="module")
def reference(nlp):
    items = []
    for text, rid, date in zip(TEXTS, IDS, DATES):
        if text is None:
            items.append({"id": rid, "error": "no text", "date": date})
        else:
            items.append({**nlp(text, id=rid).to_dict(), "date": date})
    return items


@pytest.mark.parametrize("options", [{}, {"by": "affiliation", "freq": "M"}])
def test_dask_dataframe_output_gives_the_same_table(nlp, reference, options):
    pdf = pd.DataFrame({"id": IDS, "text": TEXTS, "date": DATES})
    ddf = dd.from_pandas(pdf, npartitions=3)
    out = analyze_dataframe(ddf, "text", "id", nlp, errors="return")
    want = network(reference, **options)
    assert len(want) > 0
    with __import__("dask").config.set(scheduler="sync"):
        lazy = network_from_frame(out, "id", **options)  # aggregated per partition, merged
        computed = network_from_frame(out.compute(), "id", **options)
    pd.testing.assert_frame_equal(lazy, want)
    pd.testing.assert_frame_equal(computed, want)
    assert counts(lazy) == counts(want) and counts(want)["errors"] == 1 and counts(want)["bad_dates"] == 1


@pytest.mark.parametrize("options", [{}, {"by": "affiliation", "freq": "M"}])
def test_hf_dataset_output_gives_the_same_table(nlp, reference, options, tmp_path):
    ds = datasets.Dataset.from_dict({"id": IDS, "text": TEXTS, "date": DATES})
    out = analyze_dataset(ds, nlp, id_column="id", errors="return", load_from_cache_file=False, desc=None)
    got = network_from_dataset(out, batch_size=4, **options)
    want = network(reference, **options)
    pd.testing.assert_frame_equal(got, want)
    assert counts(got) == counts(want)


def test_partial_aggregates_merge_to_the_whole():
    """Many partitions of synthetic rows: the per-partition merge equals one pass."""
    rows = []
    for k in range(300):
        quotes = [{"quote": {"start": j, "end": j + 3, "text": "abc"}, "kind": "direct", "cue": None,
                   "speaker": {"name": f"S{(k + j) % 7}", "mention": None, "type": "person"}, "role": None,
                   "affiliation": ["France", "Japan", None][(k * j) % 3], "confidence": 1.0,
                   "stances": [{"target": f"T{(k * 3 + j) % 5}", "label": ["hostile", "neutral", "conciliatory"][(k + 2 * j) % 3],
                                "scores": {"hostile": 0.5, "neutral": 0.3, "conciliatory": 0.2}}]} for j in range(3)]
        rows.append({"id": f"a{k}", "date": f"2016-{1 + k % 12:02d}-01", "stance_quotes": json.dumps(quotes), "stance_error": None})
    pdf = pd.DataFrame(rows)
    for options in ({}, {"by": "affiliation", "freq": "Y", "examples": 2}):
        want = network([{"id": r["id"], "date": r["date"], "quotes": json.loads(r["stance_quotes"])} for r in rows], **options)
        import dask

        with dask.config.set(scheduler="sync"):
            got = network_from_frame(dd.from_pandas(pdf, npartitions=7), "id", **options)
        pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-9)
