"""Shared fixtures: the reference article, and a pipeline built once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_GOLD = ROOT / "seeds" / "000_d50484cecb39428e.gold.json"
SEED_TXT = ROOT / "seeds" / "000_d50484cecb39428e.txt"
MODELS = ROOT / "models"
SHARED_DATA = ROOT.parent / "shared" / "data"


def load_script(relpath: str):
    """A script of the clone (``tools/``, ``benchmarks/``) imported as a module, for its functions."""
    import importlib.util

    path = ROOT / relpath
    spec = importlib.util.spec_from_file_location(path.stem, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def stance_model_shipped() -> bool:
    from stance.artifacts import default_models_dir

    return (default_models_dir() / "stance" / "manifest.json").is_file()


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline (with the stance model when it is shipped)."""
    import stance

    return stance.load(stance_model=stance_model_shipped())


@pytest.fixture(scope="session")
def nlp_rules():
    """Rules only: no ranker, no stance model."""
    import stance

    return stance.load(ranker=False, stance_model=False)


@pytest.fixture(scope="session")
def lang():
    """The blank English language the pipeline tokenizes with."""
    from stance.text.view import make_language

    return make_language(None)


def speaker_of(nlp, text: str, part: str):
    """The speaker of the one quotation of ``text`` whose text holds ``part`` (the test fails
    when there is not exactly one)."""
    qs = [q for q in nlp(text).quotes if part in q.quote.text]
    assert len(qs) == 1, [(q.kind, q.quote.text) for q in nlp(text).quotes]
    return qs[0].speaker
