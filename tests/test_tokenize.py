"""The chunk-cached tokenization (:func:`stance.text.tokenize.tokenize`) gives the token offsets
of spaCy's tokenizer through :func:`make_doc` exactly. Texts are handwritten or generated."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.text.tokenize import _CHUNK, _IS_SPACE, ChunkTokenizer, Tokens, blank_english, chunk_spans, make_doc, tokenize
from stance.text.view import build_view

from tests.test_robustness import BAD_INPUTS, news_text


@pytest.fixture(scope="module")
def nlp():
    return blank_english()


def same_view(nlp, text: str) -> bool:
    a = build_view(make_doc(nlp, text))
    b = build_view(tokenize(nlp, text))
    return (a.text, a.words, a.lowers, a.starts, a.ends, a.sent_starts, a.para_of_sent) == (
        b.text, b.words, b.lowers, b.starts, b.ends, b.sent_starts, b.para_of_sent)


def test_tokens_without_a_doc(nlp):
    toks = tokenize(nlp, "Gov. Kim said: “We won’t.”")
    assert type(toks) is Tokens
    assert [toks.text[a:b] for a, b in zip(toks.starts, toks.ends)] == ["Gov.", "Kim", "said", ":", "“", "We", "wo", "n’t", ".", "”"]
    assert toks.words == ["Gov.", "Kim", "said", ":", "“", "We", "wo", "n’t", ".", "”"]
    assert toks.lowers == [w.lower() for w in toks.words]


@pytest.mark.parametrize("text", [
    # a special case's match across two chunks keeps another from applying: spaCy gives
    # '' ' ' here, the second chunk alone ''; found through a special case the chunk ends with
    "He called it a crime,'' ''genocide'' and worse.",
    # ... and through the chunk's own last token ("[" ":" is a pattern's pair): : ) here, :) alone
    "The note [ :)Reuters ended there.",
    "Gov . Smith: )  (Reuters) - Kim said: ''I'm here'' at 10a.m. :-) ' s",
])
def test_special_cases_across_chunks(nlp, text):
    assert same_view(nlp, text)


def test_robustness_inputs_and_news(nlp):
    for text in list(BAD_INPUTS.values()) + [news_text(3000, seed=s) for s in range(3)]:
        assert same_view(nlp, text)


def test_random_texts_of_special_cases_and_affixes(nlp):
    """Pieces that make special cases, affixes and pathological runs, with any whitespace between
    (the cross-chunk guard is needed: without it, texts of this kind come out differently)."""
    pieces = ["''", "'", '"', ":", ")", "(", "-", "Gov", ".", "x", "s", "a.m.", "10a.m.", ":)", ":-)", "'s", "’s", "em",
              "cause", "o", "D", "3", "<", "=", "]", "[", "_", "^_^", "-_-", "Reuters", "said", "U.S.", "Mr.", "!", "?!", ";",
              "'em", "8", "-D", "Jan", "He", "’", "/", "|", "*", "x" * 1001, "!?" * 9, "\ud800"]
    seps = [" ", " ", " ", "", "", "  ", "\n", " \n ", "\t"]
    rng = random.Random(1)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(rng.randint(1, 30)))
        assert same_view(nlp, text), text


def test_cache_is_bounded(nlp, monkeypatch):
    """When full, the cache keeps its newer half; the offsets stay right."""
    chunks = ChunkTokenizer(nlp.tokenizer)
    monkeypatch.setattr(ChunkTokenizer, "MAX_CHUNKS", 50)
    for d in range(6):  # six documents of 20 new chunks each
        text = " ".join(f"w{20 * d + i}," for i in range(20))
        assert chunks.offsets(text)[0] == [m for m, ch in enumerate(text) if ch in "w,"]
        assert len(chunks._cache) <= 50
    assert "w119," in chunks._cache and "w0," not in chunks._cache


def test_pipeline_reads_tokens_with_blank_english():
    import stance

    nlp = stance.load(stance_model=False, ranker=False)
    assert type(nlp.make_doc("Kim said so.")) is Tokens


#: every whitespace character, some that are not (U+200B, U+3001, the last table entry's), and others
_SPACES = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())


def test_whitespace_table_holds_every_space():
    """chunk_spans reads str.isspace from a table of every code point."""
    assert _IS_SPACE.tolist() == [chr(c).isspace() for c in range(0x110000)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(_SPACES) + ["a", ".", "\u200b", "\u3001", "\U0001f600", "\ud800", "é"])))
def test_chunk_spans_are_the_regex_chunks(text):
    """The numpy chunk finder gives the chunks of the regex (and of str.split), lone surrogates and all."""
    starts, ends = chunk_spans(text)
    assert list(zip(starts, ends)) == [m.span() for m in _CHUNK.finditer(text)]
    assert [text[a:b] for a, b in zip(starts, ends)] == text.split()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Gov.", "''", "'", ":)", "(", ")", "x", "said,", "U.S.", "Mr.", "em", "'s", "-", "[", ":",
                                 "he", "“We", "won’t.”"]), max_size=40),
       st.lists(st.sampled_from([" ", " ", "  ", "\n", "\t", "\u00a0"]), min_size=40, max_size=40))
def test_offsets_on_runs_of_one_token_chunks(nlp, pieces, seps):
    """Runs of one-token chunks copied by slices and chunks of several tokens between them give
    make_doc's tokens."""
    text = "".join(p + s for p, s in zip(pieces, seps))
    assert same_view(nlp, text), text


def test_lone_surrogates_are_read_as_replacement_characters(nlp):
    """Only a text with a lone surrogate is changed (each surrogate to U+FFFD, offsets kept); the
    view keeps the original text."""
    from stance.text.tokenize import _replace_surrogates
    from stance.text.view import build_view

    for text in ("plain ASCII", "curly “quotes” and é", ""):
        assert _replace_surrogates(text) is text
    assert _replace_surrogates("a\ud800b \udfffc") == "a\ufffdb \ufffdc"
    view = build_view(tokenize(nlp, "Kim\ud800 said so."))
    assert view.text == "Kim\ud800 said so." and view.distinct == frozenset(view.words)


def test_quotation_mark_regex_finds_every_mark_with_its_length():
    """The marks' regex (each alternative a literal first character, for a fast scan) finds the
    same marks as a character class would: doubled straight marks as one, a lone ` or ' none."""
    from stance.quotations.segments import _MARKS

    text = "``a'' b''' c 'd `e “f” \"g\" «h» „i“ ‘j’ x''"
    found = [m.group() for m in _MARKS.finditer(text)]
    assert found == ["``", "''", "''", "“", "”", '"', '"', "«", "»", "„", "“", "‘", "’", "''"]
