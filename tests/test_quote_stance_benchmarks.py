"""The quote-stance benchmarks' options to compare a retrained model with the shipped one."""

from __future__ import annotations

import sys

import numpy as np

from .conftest import load_script


def test_bootstrap_loads_each_model_from_its_models_directory(monkeypatch, capsys):
    """``--models-a`` / ``--models-b`` reach ``stance.load`` for A / B (default: the shipped models)."""
    mod = load_script("benchmarks/quote_stance_bootstrap.py")
    loads = []

    class Nlp:
        def pipe(self, items, as_tuples=True):
            return iter(())

    monkeypatch.setattr(mod.stance, "load", lambda **kw: loads.append(kw) or Nlp())
    monkeypatch.setattr(mod, "load_quote_corpus", lambda split, data: [{"id": "a", "text": ""}])
    monkeypatch.setattr(mod, "article_confusions", lambda gold, pred: (np.zeros((1, 3, 3)), []))
    monkeypatch.setattr(mod, "scores_of", lambda conf, rest: {"macro_f1": 0.0})
    monkeypatch.setattr(mod, "bootstrap_diff", lambda *a: {"macro_f1": [0.0, 0.0]})
    monkeypatch.setattr(sys, "argv", ["x", "--data", "D", "--a", "quote", "--b", "quote", "--models-b", "/m/new"])
    mod.main()
    assert loads == [{"stance_model": "quote", "models_dir": None}, {"stance_model": "quote", "models_dir": "/m/new"}]
    assert '"models_b": "/m/new"' in capsys.readouterr().out
