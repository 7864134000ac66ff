"""Reports inside a direct quotation: the speaker quotes someone else ('"The FBI said that she did
nothing illegal," Davis said'; '"He said, ‘Pray for him,’" Williams added'). ANNOTATION.md rule
4 annotates a nested report on its own, overlapping the quotation that holds it: the reported
clause of a cue inside the quotation (indirect, or mixed when it holds an inner quoted fragment)
and a quotation in inner marks right after such a cue (direct).

The cue finder's cues inside quotation marks are left out of every other rule (a quotation's
words are not the frame of a quotation); only this module reads them.
"""

from __future__ import annotations

from typing import Callable

from stance.quotations.cues import Cue
from stance.quotations.segments import QuoteSegment
from stance.quotations.tokens import FUNCTION_WORDS, checked
from stance.text.lexicons import AUXILIARIES, BE_FORMS, OBJECT_PRONOUNS, rule_words, word_set
from stance.text.view import TextView

#: reporting verbs whose clause inside a quotation reports another speaker (verbs of saying)
INNER_VERBS = word_set("inner_report_verbs.txt")
#: inner opening marks and the mark that closes each
_INNER_MARKS = {"‘": "’", "'": "'"}
#: auxiliaries that may stand between a reported speaker and the cue ("has always said", "are saying")
_PERFECT_PROGRESSIVE = BE_FORMS | frozenset({"has", "have", "had", "’ve", "'ve", "’s", "'s", "’re", "'re"})
#: adverbs that may stand between a reported speaker and the cue ("has always said", "also told")
_FRAME_ADVERBS = word_set("frame_adverbs.txt")
#: words before a cue that make it no report of words said: an infinitive, a modal, a
#: hypothetical ("to say", "can at least say", "let's say", "would venture to say")
_NOT_SAID = rule_words("not_said")
#: subjects of a relative clause or a generic subject, not a speaker ("who told you ...", "anyone
#: who wrote ...", "what he said ...", "no one has suggested ...")
_NO_SPEAKER = rule_words("no_speaker_subjects")
#: subjects whose report is the quoted speaker's own speech act or an address ("I urge ...", "we
#: found ...", "you said ..."), not another speaker's words
_OWN_VOICE = rule_words("own_voice_subjects")
#: longest addressee between an inner cue and the inner quotation's opening mark, in tokens
#: ("told Donald Trump, '...'", "is saying to families, '...'")
_ADDRESSEE_REACH = 3


def reports_inside(view: TextView, a: int, b: int, cues: list[Cue],
                   clause_of: Callable[[Cue], tuple[int, int] | None]) -> list[tuple[Cue, str, tuple[int, int], QuoteSegment | None]]:
    """The reports inside the direct quotation of tokens ``[a, b)`` (its words, marks excluded):
    ``(cue, kind, token span, inner segment)`` for each cue of ``cues`` (the quotation's cues, in
    order) with a subject inside the quotation. ``clause_of`` gives a cue's reported clause
    (:func:`~stance.quotations.reported.reported_clause`); it is cut to the quotation's words. A
    quotation in inner marks right after the cue (and its addressee and a comma or colon) is
    ``direct`` with its segment; a clause holding an inner mark is ``mixed``."""
    out: list[tuple[Cue, str, tuple[int, int], QuoteSegment | None]] = []
    for cue in cues:
        if cue.start <= a or cue.end >= b or cue.lemma not in INNER_VERBS or not reported_speaker(view, cue, a):
            continue  # no other speaker's report inside the quotation, or no room for its content
        inner = _inner_quotation(view, cue, b)
        if inner is not None:
            out.append((cue, "direct", inner[0], inner[1]))
            continue
        span = clause_of(cue)
        if span is None or span[1] <= cue.start:
            continue  # no clause, or content before the cue (the quotation's own frame)
        span = checked(view, max(span[0], cue.end), min(span[1], b))
        if span is None or (span[0] <= a + 1 and span[1] >= b - 1):
            continue
        marks = [t for t in range(span[0], span[1]) if view.words[t] in _INNER_MARKS]
        out.append((cue, "mixed" if marks and _closes(view, marks[0], span[1]) is not None else "indirect", span, None))
    return out


def reported_speaker(view: TextView, cue: Cue, a: int) -> bool:
    """Whether the cue inside a quotation opening at token ``a`` reports another speaker's words:
    an active finite form with its subject right before it (perfect and progressive auxiliaries
    and a few adverbs between allowed): a third-person pronoun, a name or a noun ("Donald said
    ...", "The FBI said that ...", "people are saying ...", "he has always said ..."). Not a speech
    act of the quoted speaker or an address ("I urge ...", "we told them ...", "our work shows
    ..."), an infinitive, a modal or a hypothetical ("to say ...", "can at least say ..."), a
    relative or generic subject ("who told you ...", "no one has said ..."), a passive ("has been
    told that ...") or a bare participle ("explaining ...")."""
    lowers, words = view.lowers, view.words
    if any(w in _NOT_SAID for w in lowers[max(a, cue.start - 3) : cue.start]):
        return False
    t = cue.start - 1
    aux: set[str] = set()
    while t > a and (lowers[t] in _FRAME_ADVERBS or lowers[t] in _PERFECT_PROGRESSIVE or (lowers[t].endswith("ly") and words[t].islower())):
        if lowers[t] in _PERFECT_PROGRESSIVE:
            aux.add(lowers[t])
        t -= 1
    gerund = lowers[cue.start].endswith("ing")
    if gerund != bool(aux & BE_FORMS):
        return False  # a bare participle ("explaining ...") or a passive ("has been told that ...")
    w = lowers[t]
    if w in _OWN_VOICE or w in _NO_SPEAKER or (t > a and lowers[t - 1] in _OWN_VOICE):
        return False
    if w in {"he", "she", "they"} or (words[t][:1].isupper() and w.isalpha()):
        return True
    return w.isalpha() and words[t].islower() and w not in FUNCTION_WORDS and w not in AUXILIARIES


def _inner_quotation(view: TextView, cue: Cue, b: int) -> tuple[tuple[int, int], QuoteSegment] | None:
    """The inner quotation right after ``cue``, before token ``b``: an opening "‘" or "'" after the
    cue, at most a short addressee (an object pronoun or capitalised words: "told Donald Trump")
    and a comma or colon; its tokens and segment, or None."""
    words, lowers = view.words, view.lowers
    t = cue.end
    if t < b and lowers[t] == "to":
        t += 1  # "is saying to families, '...'"
    k = t
    while k < b and k - t < _ADDRESSEE_REACH and (lowers[k] in OBJECT_PRONOUNS or words[k][:1].isupper()) and words[k] not in _INNER_MARKS:
        k += 1
    if k < b and words[k] in {",", ":"}:
        k += 1
    if k >= b or words[k] not in _INNER_MARKS:
        return None
    close = _closes(view, k, b)
    if close is None or close - k < 2:
        return None
    s, e = view.starts[k + 1], view.ends[close - 1]
    return (k + 1, close), QuoteSegment(s, e, view.starts[k], view.ends[close], True)


def _closes(view: TextView, k: int, b: int) -> int | None:
    """The token of the mark closing the inner opening mark at token ``k``, before token ``b``:
    the next matching mark not followed by a letter in the text (an apostrophe is: "it’s",
    "Trump’s" are single tokens or clitics), or None."""
    want = _INNER_MARKS[view.words[k]]
    text = view.text
    for t in range(k + 1, b):
        if view.words[t] == want:
            e = view.ends[t]
            if e >= len(text) or not text[e].isalpha():
                return t
    return None
