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
