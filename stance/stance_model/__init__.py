"""Stage 4, stance: the speaker's stance toward each party of a quotation (features, the
estimator, its numpy scorer, the optional contextual model and the analytic-speaker prior)."""
