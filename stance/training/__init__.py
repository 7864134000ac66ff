"""Training entry points: the speaker ranker and the stance classifier."""
