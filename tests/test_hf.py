"""Hugging Face datasets integration (handwritten articles only)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter

import pytest

datasets = pytest.importorskip("datasets")

from stance.integrations import cache  # noqa: E402
from stance.integrations.hf import analyses_from_dataset, analyze_dataset  # noqa: E402
from stance.pipeline import AnalysisError  # noqa: E402

from tests.samples import ARTICLES, HAS_STANCE





@pytest.fixture(autouse=True)
def quiet_progress():
    datasets.disable_progress_bars()
    yield


def make_ds(n=8):
    texts = [ARTICLES[k % len(ARTICLES)] for k in range(n)]
    return datasets.Dataset.from_dict({"text": texts, "doc": [f"d{k}" for k in range(n)], "n": list(range(n))})


def dicts(analyses):
    return [a.to_dict(include_text=True) for a in analyses]


def test_columns_types_and_results(nlp):
    ds = make_ds()
    out = analyze_dataset(ds, nlp, id_column="doc", batch_size=3)
    assert out.column_names == ["text", "doc", "n", "stance_quotes", "stance_n_quotes", "stance_speakers", "stance_id", "stance_error"]
    f = out.features
    assert f["stance_quotes"] == datasets.Value("string")
    assert f["stance_n_quotes"] == datasets.Value("int32")
    assert f["stance_speakers"].feature == datasets.Value("string")
    ref = list(nlp.pipe(zip(ds["text"], ds["doc"]), as_tuples=True))
    row0 = out[0]
    assert json.loads(row0["stance_quotes"]) == [q.to_dict() for q in ref[0].quotes]
    assert row0["stance_n_quotes"] == len(ref[0].quotes) >= 1
    assert row0["stance_speakers"] == ["Maria Lopez"]
    assert row0["stance_id"] == "d0" and row0["stance_error"] is None
    assert out[2]["stance_n_quotes"] == 0 and out[2]["stance_speakers"] == []
    assert dicts(analyses_from_dataset(out)) == dicts(ref)
    # the given pipeline was reused, not rebuilt
    assert cache.config_key(cache.normalize_config(nlp)) not in cache.cache_info()["builds"]


def test_survives_save_to_disk_and_load_from_disk(tmp_path, nlp):
    out = analyze_dataset(make_ds(), nlp, id_column="doc")
    out.save_to_disk(str(tmp_path / "ds"))
    back = datasets.load_from_disk(str(tmp_path / "ds"))
    assert back.features == out.features
    analyses = analyses_from_dataset(back)
    assert dicts(analyses) == dicts(nlp.pipe(zip(back["text"], back["doc"]), as_tuples=True))
    assert analyses[0].speakers["Maria Lopez"].type == "person"
    # and through parquet
    out.to_parquet(str(tmp_path / "ds.parquet"))
    pq = datasets.Dataset.from_parquet(str(tmp_path / "ds.parquet"))
    assert dicts(analyses_from_dataset(pq)) == dicts(analyses)


def test_without_id_column_and_custom_prefix(nlp):
    out = analyze_dataset(make_ds(4), nlp, prefix="st_")
    assert {"st_quotes", "st_n_quotes", "st_speakers", "st_id", "st_error"} <= set(out.column_names)
    assert out["st_id"][:] == [None] * 4
    analyses = analyses_from_dataset(out, prefix="st_", text_column=None)
    assert [a.id for a in analyses] == [None] * 4 and analyses[0].text is None
    with pytest.raises(ValueError, match="run analyze_dataset first"):
        analyses_from_dataset(out)


def test_errors_return_and_raise(nlp):
    ds = datasets.Dataset.from_dict({"text": [ARTICLES[0], None, ARTICLES[3]], "doc": ["a", "b", "c"]})
    out = analyze_dataset(ds, nlp, id_column="doc", errors="return")
    assert out["stance_error"][:][0] is None
    assert "TypeError" in out[1]["stance_error"]
    assert out[1]["stance_quotes"] is None and out[1]["stance_n_quotes"] is None
    got = analyses_from_dataset(out)
    assert isinstance(got[1], AnalysisError) and got[1].id == "b"
    assert got[2].speakers and "Ana Ruiz" in got[2].speakers
    with pytest.raises(TypeError):
        analyze_dataset(ds, nlp, id_column="doc")
    with pytest.raises(ValueError, match="no column 'body'"):
        analyze_dataset(ds, nlp, text_column="body")


def test_dataset_dict_and_iterable_dataset(nlp):
    dd = datasets.DatasetDict({"train": make_ds(4), "test": make_ds(2)})
    out = analyze_dataset(dd, nlp, id_column="doc")
    assert set(out) == {"train", "test"}
    assert out["test"]["stance_n_quotes"][:] == [2, 2]
    it = make_ds(4).to_iterable_dataset()
    rows = list(analyze_dataset(it, nlp, id_column="doc", batch_size=2))
    assert [r["stance_n_quotes"] for r in rows] == out["train"]["stance_n_quotes"][:]


def test_fingerprint_is_deterministic_and_small(nlp):
    """datasets hashes the map function and its kwargs: the config, not the pipeline."""
    ds = make_ds(4)
    a = analyze_dataset(ds, nlp, id_column="doc")
    b = analyze_dataset(ds, nlp.config(), id_column="doc")
    c = analyze_dataset(ds, {**nlp.config(), "ranker": False}, id_column="doc")
    assert a._fingerprint == b._fingerprint  # a random hash (unhashable function) would differ
    assert a._fingerprint != c._fingerprint


def test_num_proc_loads_the_pipeline_once_per_process(tmp_path, monkeypatch, nlp):
    log = tmp_path / "builds.log"
    real_build = cache._build

    def logged_build(config):
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
        return real_build(config)

    monkeypatch.setattr(cache, "_build", logged_build)
    cache.clear()
    config = {"stance_model": HAS_STANCE}
    ds = make_ds(12)
    out = analyze_dataset(ds, config, id_column="doc", batch_size=2, num_proc=2, load_from_cache_file=False)
    ref = list(nlp.pipe(zip(ds["text"], ds["doc"]), as_tuples=True))
    assert dicts(analyses_from_dataset(out)) == dicts(ref)
    pids = Counter(log.read_text().split()) if log.exists() else Counter()
    # 6 batches over 2 worker processes: each worker built the pipeline at most once (forked
    # workers log here; spawned workers do not see the monkeypatch, so pids may be empty)
    assert all(n == 1 for n in pids.values()), pids
    if _start_method() == "fork":
        assert 1 <= len(pids) <= 2, pids
    assert os.getpid() not in {int(p) for p in pids}
    cache.clear()


def _start_method():
    try:
        import multiprocess

        return multiprocess.get_start_method(allow_none=False)
    except Exception:  # noqa: BLE001
        return None


def test_import_stance_does_not_import_datasets_or_dask():
    code = (
        "import sys, stance, stance.integrations, stance.render; "
        "bad = [m for m in ('datasets', 'dask', 'distributed', 'spacy', 'pyarrow') if m in sys.modules]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_models_fingerprint_changes_when_an_npz_only_artifact_is_retrained(tmp_path):
    """The shipped artifacts hold only inference.npz (no estimator, manifest sha256 null): the
    cache fingerprint must follow the npz's hash, or a retrained model reuses stale cached rows."""
    import shutil

    from stance.artifacts import default_models_dir
    from stance.integrations.cache import models_fingerprint

    models = tmp_path / "models"
    shutil.copytree(default_models_dir(), models)
    cfg = {"models_dir": str(models)}
    before = models_fingerprint(cfg)
    manifest = models / "stance" / "manifest.json"
    m = json.loads(manifest.read_text(encoding="utf-8"))
    assert m["sha256"] is None and m["extra_files"]
    m["extra_files"] = {k: "0" * 64 for k in m["extra_files"]}
    manifest.write_text(json.dumps(m), encoding="utf-8")
    assert models_fingerprint(cfg) != before
