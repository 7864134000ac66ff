"""Evaluation: articles against gold, attribution on PolNeAR, the stance classifier on its corpora."""
