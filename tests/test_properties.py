"""Properties over generated news-like text (and over any Unicode text): every span lies inside
the text and reads back from it, nothing raises, the output is deterministic, and an Analysis
survives ``to_dict``/``from_dict``.

The word lists are handwritten for these tests."""

from __future__ import annotations

import dataclasses
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import stance
from stance.artifacts import default_models_dir
from stance.types import Analysis, Quote, Stance

SETTINGS = settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=os.environ.get("STANCE_HYPOTHESIS_RANDOM") != "1",  # CI runs are reproducible; a failure prints the failing text
)


@pytest.fixture(scope="module")
def nlp():
    """The default pipeline when the stance model is shipped, else one without stances."""
    if (default_models_dir() / "stance" / "manifest.json").is_file():
        return stance.load()
    return stance.load(stance_model=False)


FIRST = ["Anna", "Peter", "Maria", "Tomas", "David", "Li", "Omar", "Sun-hee", "Jean-Luc", "Aisha", "Kwame", "Ilse", "José"]
LAST = ["Kovacs", "Lindqvist", "Santos", "Berg", "Okafor", "Wei", "Haddad", "Park", "Müller", "de la Cruz", "O'Brien", "Nakamura"]
TITLES = ["President", "Foreign Minister", "Prime Minister", "Secretary of State", "General", "Mr.", "Ms.", "Dr.",
          "Defence Minister", "Senator", "opposition leader", "U.S. Ambassador", ""]
ORGS = ["the Foreign Ministry", "the Defence Ministry", "the United Nations", "Norland", "the Harbor Times", "NATO",
        "the central bank", "Eastland", "the European Union", "the rebels", "Washington", "the government"]
PRONOUNS = ["He", "She", "They", "It", "We", "I"]
VERBS = ["said", "says", "told reporters", "added", "warned", "insisted", "claimed", "stated", "wrote", "tweeted",
         "noted", "argued", "asked", "declared", "explained", "vowed", "replied", "said on Tuesday", "told the BBC"]
WORDS = ["we", "will", "not", "accept", "any", "threat", "to", "our", "sovereignty", "the", "talks", "are", "over",
         "nobody", "wants", "another", "war", "this", "is", "a", "dangerous", "provocation", "they", "keep", "moving",
         "goalposts", "peace", "remains", "possible", "sanctions", "must", "follow", "it", "was", "mistake", "and",
         "but", "Norland", "Kim", "Santos", "hostile", "friendly", "cooperation", "enemy", "partners", "never", "again"]
MARKS = [("“", "”"), ('"', '"'), ("''", "''"), ("``", "''"), ("‘", "’"), ("«", "»"), ("„", "“"), ("“", ""), ("", "”"),
         ("'", "'"), ("“", '"')]
NOISE = ["", "", "", " ", "\t", "\u00a0", "😀", "\u200b", "\ud800", "<b>", "</p>", "&amp;", "—", "(AP)", "...", "!", "?"]


@st.composite
def speakers(draw) -> str:
    kind = draw(st.integers(0, 5))
    if kind == 0:
        return draw(st.sampled_from(PRONOUNS))
    if kind == 1:
        return draw(st.sampled_from(ORGS)).capitalize()
    name = f"{draw(st.sampled_from(FIRST))} {draw(st.sampled_from(LAST))}"
    if kind == 2:
        return draw(st.sampled_from(LAST))
    title = draw(st.sampled_from(TITLES))
    return f"{title} {name}".strip()


@st.composite
def contents(draw) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=18))
    s = " ".join(words)
    return s[:1].upper() + s[1:] if draw(st.booleans()) else s


@st.composite
def sentences(draw) -> str:
    sp = draw(speakers())
    verb = draw(st.sampled_from(VERBS))
    o, c = draw(st.sampled_from(MARKS))
    q = draw(contents())
    org = draw(st.sampled_from(ORGS))
    punct = draw(st.sampled_from([",", ".", "?", "!", ""]))
    template = draw(st.integers(0, 10))
    if template == 0:
        s = f"{o}{q}{punct}{c} {sp} {verb}."
    elif template == 1:
        s = f"{sp} {verb}, {o}{q}.{c}"
    elif template == 2:
        s = f"{sp} {verb} that {q}."
    elif template == 3:
        s = f"According to {sp}, {q}."
    elif template == 4:
        s = f"{o}{q},{c} {verb} {sp}, a spokesman for {org}."
    elif template == 5:
        s = f"{sp} {verb}: {o}{q}{c}"
    elif template == 6:
        s = f"{sp} described {org} as {o}{q}{c}."
    elif template == 7:
        s = f"{sp} accused {org} of {o}{q}{c}."
    elif template == 8:
        s = f"{o}{q}{c} — {sp}"
    elif template == 9:
        inner_o, inner_c = draw(st.sampled_from(MARKS))
        s = f"{sp} {verb}, {o}{q} {inner_o}{draw(contents())}{inner_c} {q}{c}."
    else:
        s = f"{q}."
    return draw(st.sampled_from(NOISE)) + s + draw(st.sampled_from(NOISE))


@st.composite
def articles(draw) -> str:
    parts = draw(st.lists(sentences(), min_size=0, max_size=12))
    seps = draw(st.lists(st.sampled_from([" ", " ", "\n", "\n\n", "\n \n", "  "]), min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps))


def check_spans(a: Analysis, text: str) -> None:
    assert a.text == text
    for q in a.quotes:
        assert q.kind in ("direct", "indirect", "mixed")
        spans = [("quote", q.quote), ("cue", q.cue), ("speaker", q.speaker.mention if q.speaker else None)]
        for what, sp in spans:
            if sp is None:
                continue
            assert 0 <= sp.start <= sp.end <= len(text), (what, sp)
            assert text[sp.start : sp.end] == sp.text, (what, sp)
        assert 0.0 <= q.confidence <= 1.0
        for s in q.stances:
            assert s.label in s.scores or not s.scores


def _rounded(a: Analysis) -> Analysis:
    """``a`` with its floats rounded as ``to_dict`` rounds them (4 digits) and without text."""
    quotes = tuple(
        dataclasses.replace(
            q,
            confidence=round(float(q.confidence), 4),
            stances=tuple(dataclasses.replace(s, scores={k: round(float(v), 4) for k, v in s.scores.items()}) for s in q.stances),
        )
        for q in a.quotes
    )
    return Analysis(a.id, quotes, text=None)


def check_all(nlp, text: str) -> None:
    a = nlp(text, id="doc")
    check_spans(a, text)
    again = nlp(text, id="doc")
    assert again.to_dict() == a.to_dict()  # deterministic
    d = a.to_dict()
    back = Analysis.from_dict(d)
    assert back == _rounded(a)  # round trip modulo text (and to_dict's 4-digit rounding)
    assert back.to_dict() == d
    assert Analysis.from_dict(a.to_dict(include_text=True)) == dataclasses.replace(_rounded(a), text=text)


@SETTINGS
@given(text=articles())
def test_news_like_text(nlp, text):
    check_all(nlp, text)


@SETTINGS
@given(text=st.text())
def test_any_unicode_text(nlp, text):
    check_all(nlp, text)


@SETTINGS
@given(text=st.lists(st.sampled_from(list("“”\"'‘’«»„` \n.,:—") + ["''", "``", "said ", "Kim ", "we will "]), max_size=80).map("".join))
def test_quotation_mark_soup(nlp, text):
    check_all(nlp, text)


def test_round_trip_is_exact_for_unrounded_values():
    """The result types themselves round-trip exactly when the floats have at most 4 digits."""
    from stance.types import Span, Speaker

    a = Analysis(
        "x",
        (
            Quote(Span(0, 3, "abc"), "direct", Span(5, 9, "said"), Speaker("Kim", Span(10, 13, "Kim"), "person"),
                  "leader", "North Korea", 0.75, (Stance("United States", "hostile", {"hostile": 0.5, "neutral": 0.25, "conciliatory": 0.25}),)),
        ),
    )
    assert Analysis.from_dict(a.to_dict()) == a
