import json

import jsonschema
import pytest

from stance.types import Analysis, Quote, Span, Speaker, Stance, json_schema


def _analysis() -> Analysis:
    text = 'Ann Lee said, "We will talk to Spain."'
    q = Quote(
        quote=Span.of(text, 15, 36),
        kind="direct",
        cue=Span.of(text, 8, 12),
        speaker=Speaker("Ann Lee", Span.of(text, 0, 7), "person"),
        role="minister",
        affiliation="France",
        confidence=0.9,
        stances=(Stance("Spain", "conciliatory", {"hostile": 0.1, "neutral": 0.2, "conciliatory": 0.7}),),
    )
    return Analysis("a1", (q,), text=text)


def test_round_trip_and_schema():
    a = _analysis()
    d = a.to_dict()
    assert json.loads(json.dumps(d)) == d
    jsonschema.validate(d, json_schema())
    b = Analysis.from_dict(d)
    assert b.to_dict() == d
    assert b.quotes[0].speaker.mention.text == "Ann Lee"


def test_dict_shape_matches_annotation():
    d = _analysis().to_dict()
    q = d["quotes"][0]
    assert set(q) == {"quote", "kind", "cue", "speaker", "role", "affiliation", "affiliation_source", "confidence", "stances"}
    assert set(q["speaker"]) == {"name", "mention", "type"}
    assert q["stances"][0]["label"] == "conciliatory"
    assert "text" not in d and "text" in _analysis().to_dict(include_text=True)


def test_schema_rejects_bad_label():
    d = _analysis().to_dict()
    d["quotes"][0]["stances"][0]["label"] = "angry"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, json_schema())


def test_gold_seed_is_valid_under_schema(seed_gold):
    jsonschema.validate(seed_gold, json_schema())


def test_speakers_property():
    a = _analysis()
    assert list(a.speakers) == ["Ann Lee"]


@pytest.mark.parametrize("bad, message", [
    ([1, 2], "an analysis is a JSON object, got list"),
    ({"quotes": 5}, "'quotes' is a list, got int"),
    ({"quotes": [{"kind": "direct"}]}, "malformed quotation: no 'quote'"),
    ({"quotes": [{"quote": {"start": "a", "end": 1, "text": "x"}, "kind": "direct"}]}, "malformed quotation"),
    ({"quotes": [5]}, "malformed quotation 5"),
])
def test_from_dict_rejects_malformed_input_with_a_value_error(bad, message):
    """Malformed JSON gives a ValueError saying what is wrong, not a bare KeyError/TypeError."""
    with pytest.raises(ValueError, match=message):
        Analysis.from_dict(bad)


def test_round_trip_keeps_the_text_only_when_asked():
    a = Analysis("a", (), text="Nothing was said.")
    assert Analysis.from_dict(a.to_dict(include_text=True)) == a
    assert Analysis.from_dict(a.to_dict()).text is None
