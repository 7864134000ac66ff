"""Training pins OpenBLAS's kernels so that artifacts rebuild bit for bit across x86-64 CPUs."""

from __future__ import annotations

import json
import platform
import subprocess
import sys

import pytest

from stance.training.blas_kernel import TRAINING_CORETYPE, cpu_flags, pin_training_kernel, training_coretype


def test_haswell_on_x86_64_with_avx2_and_fma() -> None:
    assert training_coretype("x86_64", frozenset({"sse2", "avx2", "fma", "avx512f"})) == "Haswell"
    assert training_coretype("AMD64", frozenset({"avx2", "fma"})) == "Haswell"


def test_no_choice_without_avx2_or_off_x86() -> None:
    assert training_coretype("x86_64", frozenset({"sse2", "avx"})) is None
    assert training_coretype("x86_64", frozenset({"avx2"})) is None  # no FMA
    assert training_coretype("aarch64", frozenset({"avx2", "fma"})) is None


def test_cpu_flags_reads_the_flags_line(tmp_path) -> None:
    info = tmp_path / "cpuinfo"
    info.write_text("processor\t: 0\nmodel name\t: X\nflags\t\t: fpu avx2 fma\n")
    assert cpu_flags(str(info)) == {"fpu", "avx2", "fma"}
    assert cpu_flags(str(tmp_path / "missing")) == frozenset()


def test_a_value_the_user_set_is_kept() -> None:
    env = {"OPENBLAS_CORETYPE": "SkylakeX"}
    assert pin_training_kernel(env) == "SkylakeX"
    assert env == {"OPENBLAS_CORETYPE": "SkylakeX"}


def test_too_late_once_numpy_is_loaded() -> None:
    import numpy  # noqa: F401  (loaded in this process, as in any test)

    env: dict[str, str] = {}
    assert pin_training_kernel(env) is None
    assert env == {}


_PROBE = """
import json, sys
from stance.training.blas_kernel import pin_training_kernel
chosen = pin_training_kernel()
import numpy, threadpoolctl
from stance.artifacts.store import environment_versions
arch = [i.get("architecture") for i in threadpoolctl.threadpool_info() if i.get("internal_api") == "openblas"]
print(json.dumps({"chosen": chosen, "arch": arch, "versions": environment_versions()}))
"""


@pytest.mark.skipif(training_coretype(platform.machine(), cpu_flags()) is None, reason="needs an x86-64 CPU with AVX2 and FMA")
def test_a_fresh_process_runs_the_haswell_kernels_and_records_them() -> None:
    env = {k: v for k, v in __import__("os").environ.items() if k != "OPENBLAS_CORETYPE"}
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, check=True).stdout
    r = json.loads(out)
    assert r["chosen"] == TRAINING_CORETYPE
    if r["arch"]:  # numpy's wheel ships OpenBLAS; another BLAS has no core types
        assert r["arch"] == [TRAINING_CORETYPE]
        libs = r["versions"]["blas"].split("; ")
        assert all(lib.startswith("openblas ") and lib.endswith(" " + TRAINING_CORETYPE) for lib in libs)


def test_only_the_train_commands_pin(monkeypatch) -> None:
    import stance.training.blas_kernel as bk
    from stance.cli import main

    calls: list[int] = []
    monkeypatch.setattr(bk, "pin_training_kernel", lambda environ=None: calls.append(1))
    with pytest.raises(SystemExit):
        main(["train", "calibration", "--help"])
    assert calls == [1]
    with pytest.raises(SystemExit):
        main(["evaluate", "articles", "--help"])
    assert calls == [1]
