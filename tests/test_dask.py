"""Dask integration on a 2-process LocalCluster, checked against a single process."""

from __future__ import annotations

import json

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402

import stance  # noqa: E402
from stance.integrations import cache  # noqa: E402
from stance.integrations.dask import analyses_from_frame, analyze_bag, analyze_dataframe  # noqa: E402
from stance.pipeline import AnalysisError  # noqa: E402

from tests.samples import ARTICLES, HAS_STANCE
CONFIG = {"stance_model": HAS_STANCE}

TEXTS = [ARTICLES[k % len(ARTICLES)] for k in range(16)]
IDS = [f"d{k}" for k in range(16)]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = distributed.Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


@pytest.fixture(scope="module")
def expected():
    nlp = stance.load(**CONFIG)
    return [a.to_dict(include_text=True) for a in nlp.pipe(zip(TEXTS, IDS), as_tuples=True)]


def builds_per_worker(client):
    key = cache.config_key(cache.normalize_config(CONFIG))
    return {addr: info["builds"].get(key, 0) for addr, info in client.run(cache.cache_info).items()}


def test_bag_on_cluster_matches_single_process(client, expected):
    bag = db.from_sequence(list(zip(TEXTS, IDS)), npartitions=8)
    got = analyze_bag(bag, CONFIG, as_tuples=True, batch_size=3).compute()
    assert [a.to_dict(include_text=True) for a in got] == expected
    builds = builds_per_worker(client)
    # 8 partitions on 2 single-threaded workers: each worker loaded the pipeline at most once
    assert len(builds) == 2 and all(n <= 1 for n in builds.values()) and sum(builds.values()) >= 1, builds


def test_bag_of_dicts_as_dicts(client, expected):
    records = [{"body": t, "key": i} for t, i in zip(TEXTS, IDS)]
    got = analyze_bag(db.from_sequence(records, npartitions=4), CONFIG, text_key="body", id_key="key", as_dicts=True).compute()
    assert got == [{k: v for k, v in e.items() if k != "text"} for e in expected]
    assert json.loads(json.dumps(got)) == got
    assert all(n <= 1 for n in builds_per_worker(client).values())


def test_dataframe_on_cluster_matches_single_process(client, expected):
    pdf = pd.DataFrame({"doc": IDS, "text": TEXTS, "n": range(len(TEXTS))})
    ddf = dd.from_pandas(pdf, npartitions=5)
    res = analyze_dataframe(ddf, "text", "doc", CONFIG, batch_size=4)
    assert list(res.columns) == ["doc", "text", "n", "stance_quotes", "stance_n_quotes", "stance_speakers", "stance_error"]
    out = res.compute()
    assert len(out) == len(TEXTS)
    assert [a.to_dict(include_text=True) for a in analyses_from_frame(out, "doc", text_column="text")] == expected
    assert out["stance_n_quotes"].tolist() == [len(e["quotes"]) for e in expected]
    assert json.loads(out["stance_speakers"].iloc[0]) == ["Maria Lopez"]
    assert out["stance_error"].isna().all()
    assert all(n <= 1 for n in builds_per_worker(client).values())


def test_dataframe_errors_return(client):
    pdf = pd.DataFrame({"doc": ["a", "b", "c"], "text": [ARTICLES[0], None, ARTICLES[3]]})
    out = analyze_dataframe(dd.from_pandas(pdf, npartitions=2), "text", "doc", CONFIG, errors="return").compute()
    assert out["stance_error"].isna().tolist() == [True, False, True]
    got = analyses_from_frame(out, "doc")
    assert isinstance(got[1], AnalysisError) and got[1].id == "b"
    assert "Ana Ruiz" in got[2].speakers
    with pytest.raises(ValueError, match="no column 'body'"):
        analyze_dataframe(dd.from_pandas(pdf, npartitions=1), "body", None, CONFIG)


def test_local_scheduler_reuses_a_given_pipeline(expected):
    nlp = stance.load(**CONFIG)
    before = dict(cache.cache_info()["builds"])
    bag = db.from_sequence(list(zip(TEXTS, IDS)), npartitions=3)
    got = analyze_bag(bag, nlp, as_tuples=True).compute(scheduler="sync")
    assert [a.to_dict(include_text=True) for a in got] == expected
    assert cache.cache_info()["builds"] == before  # no pipeline was built: the given one was used
