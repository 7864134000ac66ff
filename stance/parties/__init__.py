"""Stage 3, parties: the persons, states and organisations a quotation talks about."""
