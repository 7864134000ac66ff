"""Corpus readers, the one place training and evaluation read corpora from: PolNeAR articles,
the sentence-level stance corpora and the project's quote-level stance labels. Corpora are read
at run time from a data directory (``../shared/data``); none of their text is part of the package."""
