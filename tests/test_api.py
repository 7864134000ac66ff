
import pytest
import spacy

from stance.types import Analysis

TEXT = (
    "Foreign Minister Anna Berg said on Monday that Norway would not send troops.\n"
    "“We are ready to talk to Sweden,” Berg said. “Nobody wants a long dispute.”\n"
    "Critics of the plan, according to Tom Hale, a researcher at the Oslo Institute for Peace, are few."
)


def test_call_returns_analysis(nlp_rules):
    a = nlp_rules(TEXT, id="x1")
    assert isinstance(a, Analysis) and a.id == "x1"
    kinds = [q.kind for q in a.quotes]
    assert "indirect" in kinds and "direct" in kinds
    speakers = {q.speaker.name for q in a.quotes if q.speaker}
    assert "Anna Berg" in speakers


def test_follow_on_quote_inherits_speaker(nlp_rules):
    a = nlp_rules(TEXT)
    follow = [q for q in a.quotes if q.quote.text.startswith("Nobody")]
    assert follow and follow[0].cue is None and follow[0].speaker.name == "Anna Berg"


def test_role_from_title(nlp_rules):
    a = nlp_rules(TEXT)
    q = next(q for q in a.quotes if q.speaker and q.speaker.name == "Anna Berg")
    assert q.role == "foreign minister"


def test_pipe_keeps_order_and_ids(nlp_rules):
    texts = [TEXT, "", "Nothing is quoted here.", TEXT]
    out = list(nlp_rules.pipe([(t, f"d{i}") for i, t in enumerate(texts)], as_tuples=True, batch_size=3))
    assert [a.id for a in out] == ["d0", "d1", "d2", "d3"]
    assert out[1].quotes == () and out[0].to_dict() == out[3].to_dict() | {"id": "d0"}


def test_type_errors(nlp_rules):
    with pytest.raises(TypeError, match="str"):
        nlp_rules(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="str"):
        list(nlp_rules.pipe([None]))  # type: ignore[list-item]


def test_pipe_errors_return(nlp_rules):
    from stance.pipeline import AnalysisError

    out = list(nlp_rules.pipe([(TEXT, "a"), (3, "b"), (TEXT, "c")], as_tuples=True, errors="return"))  # type: ignore[list-item]
    assert [o.id for o in out] == ["a", "b", "c"]
    assert isinstance(out[1], AnalysisError) and "str" in out[1].error
    assert isinstance(out[2], Analysis)


def test_spacy_component_in_a_users_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("stance", config={"stance_model": False, "ranker": False})
    doc = nlp(TEXT)
    assert doc._.stance is not None and len(doc._.stance.quotes) == len(doc.spans["stance_quotes"]) >= 2
    assert {s.label_ for s in doc.spans["stance_quotes"]} <= {"direct", "indirect", "mixed"}


def test_import_is_light():
    import subprocess
    import sys

    code = "import time; t=time.perf_counter(); import stance; print(time.perf_counter()-t); import sys; print('datasets' in sys.modules, 'sklearn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert float(out[0]) < 1.0
    assert out[1:] == ["False", "False"]


def test_pipe_pauses_the_collector_per_batch_only(nlp_rules):
    """The cyclic collector is paused while a batch is analysed (tokenizing, rules, stance
    model) and is back on whenever the caller's code runs between results."""
    import gc

    seen = []

    def texts():
        for i in range(5):
            seen.append(gc.isenabled())  # the input is read inside the batch's pause
            yield TEXT, f"d{i}"

    assert gc.isenabled()
    out = []
    for a in nlp_rules.pipe(texts(), as_tuples=True, batch_size=2):
        out.append((a.id, gc.isenabled()))
    assert out == [(f"d{i}", True) for i in range(5)]
    assert seen == [False] * 5 and gc.isenabled()
    assert [a.to_dict() for a in nlp_rules.pipe([TEXT, TEXT], batch_size=1)] == [nlp_rules(TEXT).to_dict()] * 2


def test_pipe_error_in_a_batch_leaves_the_collector_on(nlp_rules):
    import gc

    it = nlp_rules.pipe([TEXT, TEXT, None, TEXT], batch_size=2)  # type: ignore[list-item]
    assert next(it).quotes and next(it).quotes
    with pytest.raises(TypeError, match="str"):
        next(it)
    assert gc.isenabled()
