"""Tokenization: spaCy's blank English tokenizer (:class:`BlankEnglish`), the linear-time
:func:`make_doc` for any ``str``, and :func:`tokenize`, which gives the default pipeline its
token offsets without building a spaCy ``Doc``.

spaCy's tokenizer splits the text at whitespace into chunks and tokenizes each chunk alone (its
prefix, suffix, infix and special-case rules), then re-applies the special cases that contain
affixes ("Gov.", ":)", ...) with a phrase matcher over the whole Doc. It caches the tokens of a
chunk only until the first special case of a document has been seen and for 10,000 chunks at
most, so on news it tokenizes most chunks afresh in every document. :class:`ChunkTokenizer` keeps
every chunk's token offsets in a dictionary instead: a document is then one regex scan for its
chunks and one look-up per chunk. The offsets are spaCy's own (a chunk is tokenized by spaCy the
first time it is seen); the only thing a chunk alone cannot show is a special case's phrase
match across two chunks, which :class:`ChunkTokenizer` detects and then has spaCy tokenize those
chunks together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress, count, islice, repeat
from operator import is_not
from sys import intern
from typing import Any

import numpy as np

#: the key under which :func:`make_doc` keeps the original text (which may differ from the Doc's)
TEXT_KEY = "stance.text"
#: whitespace-free runs longer than this, or with this many punctuation marks in a row, are split
#: by :data:`_RUN_TOKEN` instead of spaCy's tokenizer, whose affix loop is quadratic in them
_MAX_RUN = 1000
_MAX_PUNCT = 16
_LONG_RUN = re.compile(r"(?<!\S)\S{%d,}" % (_MAX_RUN + 1))
_PUNCT_RUN = re.compile(r"(?<![^\w\s])[^\w\s]{%d,}" % _MAX_PUNCT)
_PUNCT_ANY = re.compile(r"[^\w\s]{%d}" % _MAX_PUNCT)  # a run of _PUNCT_RUN exists
_RUN_TOKEN = re.compile(r"\w+(?:['’]\w+)?|''|``|\.\.\.|--|[^\w\s]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
#: a whitespace-free chunk (``\s`` is ``str.isspace``, which spaCy's tokenizer splits at)
_CHUNK = re.compile(r"\S+")


def _replace_surrogates(text: str) -> str:
    """``text`` with each lone surrogate as U+FFFD (``text`` itself when it has none: a strict
    UTF-8 encoding, which fails on a surrogate, is far faster than a regex scan)."""
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return _SURROGATE.sub("\ufffd", text)
    return text


def _pathological_runs(text: str) -> list[tuple[int, int]]:
    """Whitespace-free runs of ``text`` that spaCy's tokenizer would take quadratic time on."""
    # a cheap test first (news text has neither kind): both lie inside a whitespace-free chunk
    # (str.split and the regexes' \s agree on whitespace) of at least _MAX_PUNCT characters
    chunks = [c for c in text.split() if len(c) >= _MAX_PUNCT]
    if not any(len(c) > _MAX_RUN or _PUNCT_ANY.search(c) for c in chunks):
        return []
    hits = [m.span() for m in _LONG_RUN.finditer(text)] + [m.span() for m in _PUNCT_RUN.finditer(text)]
    if not hits:
        return []
    runs: list[tuple[int, int]] = []
    n = len(text)
    for s, e in sorted(hits):
        if runs and s < runs[-1][1]:
            continue  # inside the run found before
        while s > 0 and not text[s - 1].isspace():
            s -= 1
        while e < n and not text[e].isspace():
            e += 1
        runs.append((s, e))
    return runs


def _is_pathological(chunk: str) -> bool:
    """Whether :func:`_pathological_runs` takes this whitespace-free chunk as a run."""
    return len(chunk) > _MAX_RUN or (len(chunk) >= _MAX_PUNCT and _PUNCT_ANY.search(chunk) is not None)


class SpacyModelError(OSError):
    """The trained spaCy pipeline a ``spacy_model`` option names cannot be loaded."""


def make_language(spacy_model: Any = None) -> Any:
    """The spaCy ``Language`` a pipeline tokenizes with: blank English for ``None``
    (:func:`blank_english`), the installed pipeline a name or path names, or ``spacy_model``
    itself when it is a ``Language``. A name or path spaCy cannot load raises
    :class:`SpacyModelError` (an ``OSError``) saying so."""
    import os

    if spacy_model is None:
        return blank_english()
    if isinstance(spacy_model, (str, os.PathLike)):
        import spacy

        try:
            return spacy.load(spacy_model)
        except OSError as e:
            raise SpacyModelError(f"spaCy pipeline {os.fspath(spacy_model)!r} could not be loaded (is it "
                                  f"installed? without spacy_model / --spacy-model, blank English is used): {e}") from None
    return spacy_model


def _tokenizer_settings() -> dict[str, Any]:
    """The prefix, suffix, infix, token and URL rules of spaCy's English tokenizer."""
    from spacy import util
    from spacy.lang.en import English

    defaults = English.Defaults
    return dict(
        prefix_search=util.compile_prefix_regex(defaults.prefixes).search,
        suffix_search=util.compile_suffix_regex(defaults.suffixes).search,
        infix_finditer=util.compile_infix_regex(defaults.infixes).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


class BlankEnglish:
    """spaCy's blank English without the ``Language`` around it: the same vocabulary
    (``create_vocab("en", English.Defaults)``) and the same tokenizer that ``spacy.blank("en")``
    builds (spaCy's tokenizer factory, from the same exceptions and prefix, suffix and infix
    rules), made directly. ``spacy.blank`` also resolves its config through spaCy's registry
    (which imports every language package spaCy ships) and scans all installed packages' entry
    points, a tenth of a second at every load that the rules here do not need.

    ``tokenizer``, ``vocab``, ``max_length`` and ``make_doc`` behave as a ``Language``'s; the
    tokenizer's rules are not to be changed (``chunks`` caches its results)."""

    lang = "en"

    def __init__(self) -> None:
        from spacy.lang.en import English
        from spacy.tokenizer import Tokenizer
        from spacy.vocab import create_vocab

        defaults = English.Defaults
        self.vocab = create_vocab(self.lang, defaults)
        self.tokenizer = Tokenizer(self.vocab, rules=defaults.tokenizer_exceptions, **_tokenizer_settings())
        self.max_length = 10**6  # spaCy's default; make_doc below has no length limit
        #: the tokenizer's token offsets, chunk by chunk (:func:`tokenize`)
        self.chunks = ChunkTokenizer(self.tokenizer)

    def make_doc(self, text: str) -> Any:
        """The tokenized ``Doc`` of ``text``."""
        return self.tokenizer(text)

    def __call__(self, text: str) -> Any:
        return self.tokenizer(text)

    def __repr__(self) -> str:
        return "BlankEnglish()"


def blank_english() -> BlankEnglish:
    """A :class:`BlankEnglish`: spaCy's blank English tokenizer and vocabulary, built cheaply."""
    return BlankEnglish()


def make_doc(nlp: Any, text: str, *, trained: bool = False) -> Any:
    """Tokenize ``text`` (and run ``nlp``'s components when ``trained``) in time linear in its
    length, for any ``str``: no length limit, lone surrogates tokenized as U+FFFD (the view keeps
    the original text), pathological whitespace-free runs split by a simple regex."""
    safe = _replace_surrogates(text)
    runs = _pathological_runs(safe)
    if not runs:
        doc = nlp.tokenizer(safe)  # non-destructive: doc.text == safe
        exact = True
    else:
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []

        def add_spacy(a: int, b: int) -> None:
            if a < b:
                for tok in nlp.tokenizer(safe[a:b]):
                    words.append(tok.text)
                    spaces.append(bool(tok.whitespace_))

        pos = 0
        for a, b in runs:
            add_spacy(pos, a)
            for m in _RUN_TOKEN.finditer(safe, a, b):
                words.append(m.group())
                spaces.append(False)
            pos = b
        add_spacy(pos, len(safe))
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
        exact = doc.text == safe
    if trained:
        doc = nlp(doc)
    if safe is not text or exact:
        # the view reads the text from here, not from doc.text (which joins every token's text)
        doc.user_data[TEXT_KEY] = text
    return doc


@dataclass
class Tokens:
    """A document's text and its (non-whitespace) tokens' character offsets, texts and lowercase
    forms: what :func:`stance.text.view.build_view` reads of a ``Doc`` made by :func:`make_doc`
    from blank English, without the ``Doc``. ``words`` and ``lowers`` may be None (then the view
    takes them from the text)."""

    text: str
    starts: list[int]
    ends: list[int]
    words: list[str] | None = None
    lowers: list[str] | None = None


#: ``str.isspace`` of every code point (none above U+3000 is whitespace: tested)
_IS_SPACE = np.zeros(0x110000, dtype=bool)
_IS_SPACE[[c for c in range(0x3001) if chr(c).isspace()]] = True


def chunk_spans(text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of the whitespace-free chunks of ``text`` (those ``text.split()``
    gives, where ``_CHUNK`` matches), found by numpy over the text's code points."""
    # a space either side: where the code points of " text " change between space and not,
    # the edges alternate chunk start, chunk end (as offsets into text)
    codes = np.frombuffer(f" {text} ".encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    space = _IS_SPACE[codes]
    edges = np.flatnonzero(space[1:] != space[:-1])
    return edges[0::2].tolist(), edges[1::2].tolist()


class _Guarded(tuple):
    """The cache entry of a chunk that may start with the second of two consecutive tokens of a
    special case's pattern: ``(the first tokens of those pairs, the special cases whose pattern
    ends with one of them, the chunk's entry as it would be otherwise)``."""


def _special_patterns(tokenizer: Any) -> dict[str, tuple[str, ...]]:
    """The patterns of ``tokenizer``'s special-case phrase matcher: each special case that contains
    a prefix, suffix or infix (or a space), as the tokenizer splits it without special cases (as
    spaCy's ``Tokenizer.add_special_case`` does)."""
    from spacy.tokenizer import Tokenizer

    plain = Tokenizer(tokenizer.vocab, rules=None, prefix_search=tokenizer.prefix_search,
                      suffix_search=tokenizer.suffix_search, infix_finditer=tokenizer.infix_finditer,
                      token_match=tokenizer.token_match, url_match=tokenizer.url_match)
    return {special: tuple(t.text for t in plain(special)) for special in tokenizer.rules or {}
            if (not tokenizer.faster_heuristics or tokenizer.find_prefix(special) or tokenizer.find_infix(special)
                or tokenizer.find_suffix(special) or " " in special)}


class ChunkTokenizer:
    """The token offsets spaCy's ``tokenizer`` (with :func:`make_doc`'s handling of surrogates and
    pathological runs) gives a text, from a cache of each whitespace-free chunk's tokens.

    A chunk's tokens are the same alone as in any text, except where a special case's phrase
    match spans two chunks separated by one space: such a match leaves its own tokens as they
    are but can keep an overlapping special case from applying (``x'' ''y`` gives ``''`` ``'``
    ``'``, ``''y`` alone ``''``). Two tokens of such a match are consecutive in the pattern, the
    last token of one chunk and the first of the next as spaCy has them before it applies the
    special cases. Such a token is the chunk's own first (last) token, or else lies in a special
    case applied at the chunk's start (end), whose pattern then starts (ends) with it. Where
    these candidates allow a pair, :meth:`offsets` has spaCy tokenize the two chunks together
    (matches in different such groups of chunks share no token, so they do not interact)."""

    #: the cache holds at most this many chunks (about 35 MB; PolNeAR's 1,000 articles have
    #: 60,000): when full, the older half is dropped (frequent words come back at once)
    MAX_CHUNKS = 100_000

    def __init__(self, tokenizer: Any):
        self.tokenizer = tokenizer
        self._patterns = _special_patterns(tokenizer)
        self._specials = tuple(sorted(self._patterns))
        firsts: dict[str, set[str]] = {}
        for words in self._patterns.values():
            for a, b in zip(words, words[1:]):
                firsts.setdefault(b, set()).add(a)
        #: second token of a pair -> the first tokens it follows
        self._firsts = firsts
        self._cache: dict[str, Any] = {}

    def _learn(self, chunks: list[str]) -> dict[str, Any]:
        """The cache entries of the (distinct) ``chunks``, added to the cache: spaCy tokenizes them
        in one call, one a line (a newline is a whitespace token, so no special case's match
        joins two of them), except pathological runs (:func:`make_doc`'s regex)."""
        runs = {c for c in chunks if _is_pathological(c)}
        plain = [c for c in chunks if c not in runs]
        spans: dict[str, list[tuple[int, int]]] = {c: [m.span() for m in _RUN_TOKEN.finditer(c)] for c in runs}
        if plain:
            k, at, cur = 0, 0, []  # chunk index, its offset in the joined text, its tokens
            for t in self.tokenizer("\n".join(plain)):
                if t.is_space:  # the newline after chunk k
                    spans[plain[k]] = cur
                    at += len(plain[k]) + 1
                    k, cur = k + 1, []
                else:
                    cur.append((t.idx - at, t.idx - at + len(t)))
            spans[plain[k]] = cur
        cache = self._cache
        if len(cache) + len(chunks) > self.MAX_CHUNKS:
            for key in list(islice(cache, max(len(cache) - self.MAX_CHUNKS // 2, 0))):
                cache.pop(key, None)  # (another thread may have dropped it)
        new = {c: self._entry(c, spans[c], c in runs) for c in chunks}
        cache.update(new)
        return new

    def _entry(self, chunk: str, spans: list[tuple[int, int]], run: bool) -> Any:
        """The cache entry of ``chunk`` with its tokens at ``spans``: its lowercase form when it is
        one token, else ``(the tokens' start offsets in the chunk, their end offsets, their texts,
        their lowercase forms)``; a :class:`_Guarded` of that when it may pair with the chunk
        before (never a pathological ``run``: make_doc does not give spaCy a run with the text
        around it)."""
        # (memory: one string object for a word already lowercase, token strings shared)
        if len(spans) == 1:
            lower = chunk.lower()
            entry: Any = chunk if lower == chunk else lower
            words: tuple[str, ...] = (chunk,)
        else:
            words = tuple(intern(chunk[a:b]) for a, b in spans)
            lowers = tuple(w if w == lw else intern(lw) for w, lw in zip(words, [w.lower() for w in words]))
            entry = (tuple(a for a, _ in spans), tuple(b for _, b in spans), words, lowers)
        # the chunk's first token before the special cases: its first token, or the first of the
        # pattern of a special case it starts with
        firsts: set[str] = set()
        if not run:
            seconds = {words[0]}
            if chunk.startswith(self._specials):
                seconds.update(self._patterns[k][0] for k in self._specials if chunk.startswith(k))
            firsts = {a for b in seconds for a in self._firsts.get(b, ())}
        if firsts:
            ends_with = tuple(sorted(k for k, pattern in self._patterns.items() if pattern[-1] in firsts))
            entry = _Guarded((frozenset(firsts), ends_with, entry))
        return entry

    def offsets(self, text: str) -> tuple[list[int], list[int], list[str], list[str]]:
        """Start and end offsets of the tokens of ``text`` (no lone surrogates), their texts and
        their lowercase forms. A run of one-token chunks is copied by slices; only a chunk of
        several tokens (or one that may pair with the chunk before) is looked at alone."""
        chunks = text.split()  # the chunks chunk_spans finds (both split at str.isspace)
        entries = list(map(self._cache.get, chunks))
        if None in entries:
            new = self._learn(list(dict.fromkeys(c for c, entry in zip(chunks, entries) if entry is None)))
            entries = [new[c] if entry is None else entry for c, entry in zip(chunks, entries)]
        chunk_starts, chunk_ends = chunk_spans(text)
        starts: list[int] = []
        ends: list[int] = []
        words: list[str] = []
        lowers: list[str] = []
        joint = (-1, -1)  # the span of text last tokenized by spaCy as a whole
        done = 0  # chunks before this one are in the lists
        for i in compress(count(), map(is_not, map(type, entries), repeat(str))):  # the entries that are no str
            if done < i:  # one-token chunks: their spans, texts and lowercase forms
                starts += chunk_starts[done:i]
                ends += chunk_ends[done:i]
                words += chunks[done:i]
                lowers += entries[done:i]
            done = i + 1
            s, e, entry = chunk_starts[i], chunk_ends[i], entries[i]
            if entry.__class__ is _Guarded:
                firsts, ends_with, entry = entry
                # one space before: the chunk before is adjacent in spaCy's Doc; its last token
                # (as the chunk alone gives it) or a special case it ends with may pair
                if ends and ends[-1] == s - 1 and text[s - 1] == " " and (
                        words[-1] in firsts or text.endswith(ends_with, 0, s - 1)):
                    joint = self._joint(text, s, e, entry, joint, (starts, ends, words, lowers))
                    continue
                if entry.__class__ is str:
                    starts.append(s)
                    ends.append(e)
                    words.append(chunks[i])
                    lowers.append(entry)
                    continue
            rel_starts, rel_ends, ws, ls = entry
            starts += map(s.__add__, rel_starts)
            ends += map(s.__add__, rel_ends)
            words += ws
            lowers += ls
        if done < len(chunks):
            starts += chunk_starts[done:]
            ends += chunk_ends[done:]
            words += chunks[done:]
            lowers += entries[done:]
        return starts, ends, words, lowers

    def _joint(self, text: str, s: int, e: int, entry: Any, joint: tuple[int, int],
               out: tuple[list[int], list[int], list[str], list[str]]) -> tuple[int, int]:
        """Tokenize the chunk ``text[s:e]`` (its cache entry: ``entry``) by spaCy together with the
        chunk before it (and the chunks joined to that one), replacing their tokens at the end of
        the lists ``out`` (starts, ends, texts, lowercase forms); return the span tokenized. Unless
        the chunk before is a pathological run: :func:`make_doc` does not give spaCy such a run
        with the text around it."""
        starts, ends, words, lowers = out
        if joint[1] == s - 1:
            a = joint[0]
        else:
            a = s - 1
            while a > 0 and not text[a - 1].isspace():
                a -= 1
            if _is_pathological(text[a:s - 1]):
                spans = ((0, e - s),) if entry.__class__ is str else zip(entry[0], entry[1])
                for x, y in spans:
                    starts.append(s + x)
                    ends.append(s + y)
                    words.append(text[s + x:s + y])
                    lowers.append(text[s + x:s + y].lower())
                return joint
        while starts and starts[-1] >= a:
            starts.pop()
            ends.pop()
            words.pop()
            lowers.pop()
        for t in self.tokenizer(text[a:e]):
            if not t.is_space:
                x, y = a + t.idx, a + t.idx + len(t)
                starts.append(x)
                ends.append(y)
                words.append(text[x:y])
                lowers.append(text[x:y].lower())
        return a, e


def tokenize(nlp: Any, text: str, *, trained: bool = False) -> Any:
    """What :func:`stance.text.view.build_view` reads of ``text``: its :class:`Tokens` when
    ``nlp`` is a :class:`BlankEnglish` (the same offsets as :func:`make_doc`'s ``Doc``), else
    :func:`make_doc`'s ``Doc``."""
    if trained or not isinstance(nlp, BlankEnglish):
        return make_doc(nlp, text, trained=trained)
    safe = _replace_surrogates(text)
    starts, ends, words, lowers = nlp.chunks.offsets(safe)
    if safe is not text:  # the tokens' texts are the original's
        return Tokens(text, starts, ends)
    return Tokens(text, starts, ends, words, lowers)
