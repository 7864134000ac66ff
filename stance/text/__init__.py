"""Text handling shared by every stage: the token view of a spaCy Doc, the lexicons read from
``stance/data`` and the index of name mentions."""
