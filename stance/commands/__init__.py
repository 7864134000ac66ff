"""Leaf commands of the ``stance`` CLI, one module each."""
