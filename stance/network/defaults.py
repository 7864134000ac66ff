"""The defaults of :mod:`stance.network`, in one place (API, CLI, plots and report use these)."""

from __future__ import annotations

from ..types import STANCE_LABELS

#: How sources are grouped: each speaker, or the state/organisation they speak for.
BY_OPTIONS = ("speaker", "affiliation")
BY = "speaker"
#: Period lengths for windowing: week (Monday to Sunday), month, year.
FREQS = ("W", "M", "Y")
#: The input field (JSONL key, dict key, dataframe/dataset column) holding an article's date.
DATE_FIELD = "date"
#: Edges backed by fewer distinct quotations are left out (and counted).
MIN_QUOTES = 1
#: Example quotations kept per edge.
EXAMPLES = 3
#: Characters of a quotation kept in an example.
EXAMPLE_CHARS = 240
#: Confidence interval of the stance score: "wilson" (closed form) or "bootstrap".
INTERVALS = ("wilson", "bootstrap")
INTERVAL = "wilson"
#: Confidence level of the interval (two-sided), and its normal quantile.
CONFIDENCE = 0.95
Z = 1.959963984540054
#: Bootstrap resamples and seed (the bootstrap is deterministic).
BOOTSTRAP_SAMPLES = 2000
BOOTSTRAP_SEED = 0
#: Keep edges from a source to itself (flagged in the ``self_loop`` column).
SELF_LOOPS = True
#: Sources / targets shown in the heatmap and nodes in the network drawing; rows of the report table.
TOP = 15
TOP_EDGES = 30
#: Link of an example quotation: RFC 5147 ``#char=`` fragment of ``{id}.txt`` (the ids that
#: ``stance analyze DIR/`` gives are the file stems). Fields: id, start, end (id URL-quoted).
LINK_TEMPLATE = "{id}.txt#char={start},{end}"
#: Decimal places kept for probabilities and scores (stable output whatever the summation order).
DECIMALS = 6
LABELS = STANCE_LABELS  # ("hostile", "neutral", "conciliatory")
#: Colours of the stance score scale (conciliatory -1, neutral 0, hostile +1), as in ``stance render``.
SCORE_COLOURS = ("#1b5e20", "#cfd8dc", "#b71c1c")
#: Colours of node types in the network drawing.
TYPE_COLOURS = {"state": "#1565c0", "organization": "#6a1b9a", "person": "#455a64", "unknown": "#9e9e9e"}
