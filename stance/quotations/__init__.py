"""Stage 1, quotations: reporting cues, quotation-mark segments and the quotations they form."""
