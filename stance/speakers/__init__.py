"""Stage 2, speakers: candidate speakers of a cue, the trained speaker ranker, roles and
affiliations, and follow-on quotations that inherit a speaker."""
