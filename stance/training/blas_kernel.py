"""One OpenBLAS kernel for training, so that an artifact rebuilds bit for bit on any x86-64 CPU.

OpenBLAS (numpy's and scipy's BLAS) picks its kernels for the CPU it runs on: AVX-512 ones on a
recent Intel Xeon, AVX2 ("Haswell") ones on an AMD EPYC. The two sum in different orders, so the
same training command fits coefficients that differ in the last bits, and the solvers' stopping
points by up to ~1e-4 (measured: ``stance train speaker-ranker`` on an Intel Xeon against the
artifact built on an AMD EPYC; after the whole chain, 2 of 761 corpus dev stances changed). The
``stance train`` commands therefore ask OpenBLAS for its Haswell kernels (``OPENBLAS_CORETYPE``)
on every x86-64 CPU that has them (AVX2 and FMA), before numpy is loaded. With it, the chain
retrained on an Intel Xeon gives the AMD-built arrays exactly. A value the user set is kept; a
process that has already loaded numpy (training called from Python) trains with the kernels it
has, and the manifest records which (:func:`stance.artifacts.store.environment_versions`).
"""

from __future__ import annotations

import os
import platform
import sys
from typing import MutableMapping

#: the OpenBLAS core type training asks for: AVX2 + FMA kernels, on every x86-64 CPU since 2013
TRAINING_CORETYPE = "Haswell"
#: CPU flags the Haswell kernels need
_NEEDED_FLAGS = frozenset({"avx2", "fma"})


def cpu_flags(cpuinfo: str = "/proc/cpuinfo") -> frozenset[str]:
    """The CPU's feature flags as Linux lists them (empty where there is no such file)."""
    try:
        with open(cpuinfo, encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("flags"):
                    return frozenset(line.partition(":")[2].split())
    except OSError:
        pass
    return frozenset()


def training_coretype(machine: str, flags: frozenset[str]) -> str | None:
    """The core type to ask OpenBLAS for on this machine: Haswell on an x86-64 CPU with AVX2 and
    FMA, else None (other CPUs keep OpenBLAS's own choice)."""
    if machine.lower() in ("x86_64", "amd64") and _NEEDED_FLAGS <= flags:
        return TRAINING_CORETYPE
    return None


def pin_training_kernel(environ: MutableMapping[str, str] | None = None) -> str | None:
    """Set ``OPENBLAS_CORETYPE`` for training unless it is set or numpy is already loaded; returns
    the value now in force for this process's BLAS (None when OpenBLAS chooses by itself)."""
    env = os.environ if environ is None else environ
    if "OPENBLAS_CORETYPE" in env:
        return env["OPENBLAS_CORETYPE"]
    if "numpy" in sys.modules:
        return None  # its BLAS is loaded: too late to choose
    coretype = training_coretype(platform.machine(), cpu_flags())
    if coretype is not None:
        env["OPENBLAS_CORETYPE"] = coretype
    return coretype
