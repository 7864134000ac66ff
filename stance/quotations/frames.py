"""Indirect frames around a quotation: "according to X, ...", a parenthetical frame ("..., X said,
..."), "as X put it, ..." and a frame fronted before its content ("If ..., X said, ...")
with the reported clause each one gives.
"""

from __future__ import annotations

from bisect import bisect_left

from stance.quotations.clauses import addressee_ends, clause_ahead, clause_end, subject_before
from stance.quotations.cues import Cue, NOUNISH
from stance.quotations.tokens import (ADVERBIAL_HEADS, ADVERBS, CLAUSE_STOPS, CLOSE_MARKS, DASHES, FUNCTION_WORDS, NOUN_AUXILIARIES,
                                      NO_CLAUSE_START, OPEN_MARKS, PREPOSITIONS_BEFORE_THAT, TIME_WORDS, checked, cue_start,
                                      finite_at, has_finite, plural_present_at, present_s, ranges, speaker_nouns)
from stance.text.lexicons import (ARTICLES, AUXILIARIES, DETERMINERS, LONE_QUANTIFIERS, NUMBER_WORDS, RELATIVES, SUBJECT_PRONOUNS,
                                  SUBORDINATORS, rule_words)
from stance.text.view import TextView

#: conjunctions and relatives that end a frame's subject searched back from the cue ("..., while X
#: said"): no parenthetical frame across them
_NP_BREAKERS = rule_words("np_breakers")
#: longest source phrase between "according to" and the quotation it introduces, in tokens
ACCORDING_REACH = 12
#: what may not open the rest after a parenthetical frame: an appositive, an "-ing" phrase
_NO_REST_START = rule_words("no_rest_start")


#: words that may open a sentence before "according to X, CONTENT" ("But according to ...")
_OPENING_CONJUNCTIONS = rule_words("opening_conjunctions")
#: longest adverbial before ", according to X, CONTENT" that opens with a time word, a number or
#: a preposition ("One Sunday in late 2001, according to ..."; others: four tokens)
_ACCORDING_ADVERBIAL = 6


def according_clause(view: TextView, cue: Cue, sa: int, sb: int, end: int) -> tuple[int, int] | None:
    """The content "according to X" attributes: after the source when the cue opens the sentence or
    a part of it ("According to X, ...", "...; according to X, ...", "Since then, according to X,
    ..." after a short adverbial); before it after a comma ("..., according to X."); before it
    without a comma when the source ends the sentence and names a source ("... according to
    health officials.", not "according to plan")."""
    words = view.words
    ls = sa
    for t in range(cue.start - 1, sa, -1):
        if words[t] in {";", ":"}:
            ls = t + 1  # a semicolon or a colon opens a new part
            break
    prev = words[cue.start - 1] if cue.start > ls else ""
    # "..., and, according to X, CONTENT": the source opens the next clause
    opens = (cue.start == ls or prev in {"“", "—"} or (prev == "," and cue.start - 2 > ls and view.lowers[cue.start - 2] in {"and", "but"})
             or (cue.start == ls + 1 and view.lowers[ls] in _OPENING_CONJUNCTIONS))  # "But according to X, ..."
    if opens or (prev in {"and", "but"} and has_finite(view, ls, cue.start - 1)):
        rest = _after_named_source(view, cue, end)
        if rest is not None:
            return rest  # no comma after the source: "... and according to the Ministry he died at ..."
    first = view.lowers[ls]
    reach = _ACCORDING_ADVERBIAL if first in TIME_WORDS or first in NUMBER_WORDS or first in NO_CLAUSE_START else 4
    after_adverbial = (prev == "," and ls < cue.start - 1 <= ls + reach and not has_finite(view, ls, cue.start - 1)
                       and _verb_after_source(view, cue, sa, sb) is None)  # not the subject of the verb after the source
    if opens or after_adverbial:
        for t in range(cue.end, end):
            if words[t] == ",":
                return checked(view, t + 1, end)
        return None
    if view.lowers[ls] in SUBORDINATORS and "," not in words[ls : cue.start - 1]:
        # "While some writers mention X, according to Y ...": the content is not before; it is
        # after a main clause ("Before the pandemic, the crisis claimed 15,000 lives, according to X")
        return None
    if prev == ",":
        return checked(view, ls, cue.start - 1)
    if prev.lower() not in {"and", "but", "or"} and cue.start - ls >= 3 and _names_a_source(view, cue.end, sb):
        return checked(view, ls, cue.start)
    return None


#: lowercase words inside a source's name ("the Ministry of Foreign Affairs")
_NAME_JOINERS = rule_words("source_name_joiners")


def _after_named_source(view: TextView, cue: Cue, end: int) -> tuple[int, int] | None:
    """The clause right after a named source that no comma closes: "according to the Ministry of
    Foreign Affairs he died at ...", "according to Wasef archaeologists have not yet found ...": a
    name (capitalised words and their joiners, maybe after "the") and then a clause."""
    words, lowers = view.words, view.lowers
    k = cue.end
    if k < end and lowers[k] == "the":
        k += 1
    start = k
    while k < end and (words[k][:1].isupper() and words[k].isalpha() or (k > start and lowers[k] in _NAME_JOINERS and k + 1 < end
                                                                       and words[k + 1][:1].isupper())):
        k += 1
    if k == start or k >= end or words[k] in {",", ".", ";", ":"} or not words[k].islower():
        return None
    return checked(view, k, end) if clause_ahead(view, k, end) else None


def _verb_after_source(view: TextView, cue: Cue, sa: int, sb: int) -> int | None:
    """The first token of the verb phrase after a parenthetical "according to X," that stands
    between a subject without a verb and its verb ("Fundraising, according to the campaign, has
    surged ..."), or None."""
    lowers, words = view.lowers, view.words
    if cue.start - 1 <= sa or words[cue.start - 1] != "," or has_finite(view, sa, cue.start - 1):
        return None
    if lowers[sa] in NO_CLAUSE_START or lowers[sa] in SUBORDINATORS:
        return None
    c = next((t for t in range(cue.end, min(sb, cue.end + ACCORDING_REACH)) if words[t] in {",", ";", ":", "—"}), None)
    if c is None or words[c] != "," or has_finite(view, cue.end, c):
        return None
    r = c + 1
    while r < sb and lowers[r] in ADVERBS:
        r += 1
    if r >= sb or not finite_at(lowers, r, sb) or lowers[r] in NOUN_AUXILIARIES:
        return None
    return r


def according_rest(view: TextView, cue: Cue, cues: list[Cue], seg_toks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The verb phrase after a parenthetical "according to X" between a subject and its verb:
    "Fundraising, according to the campaign, has surged ...", "The firm's Polish arm, according
    to a daily, is too big to sell" (the subject before is reported by :func:`according_clause`;
    ANNOTATION.md rule 4)."""
    sa, sb = view.sent_bounds(view.sent_of[cue.start])
    r = _verb_after_source(view, cue, sa, sb)
    if r is None:
        return None
    end = clause_end(view, cue, cues, sb)
    if r >= end or ranges(seg_toks).any_within(r, end):
        return None
    return checked(view, r, end)


def _names_a_source(view: TextView, i: int, sb: int) -> bool:
    """Tokens from ``i`` to the sentence end (or a comma) are a short noun phrase naming a source:
    a name, or a person, organization or document noun ("health officials", "a police report")."""
    lowers, words = view.lowers, view.words
    nouns = speaker_nouns()
    k = i
    while k < sb and words[k] not in {".", "!", "?", ",", ";"} and lowers[k] not in {"who", "which", "that"}:
        if k - i >= 8 or finite_at(lowers, k, sb):
            return False
        k += 1
    toks = range(i, k)
    return k > i and any(words[t][:1].isupper() or lowers[t] in nouns or lowers[t].rstrip("s") in nouns for t in toks)


def parenthetical_rest(view: TextView, cue: Cue, cues: list[Cue], seg_toks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The content after a parenthetical frame: "The road will be examined, Ruiz said, to see if
    it failed", "In between, she testified, she was beaten" (the part before the frame is the
    fronted content of :func:`~stance.quotations.reported.reported_clause`). The frame is a short subject between commas and
    the verb (an optional time adverbial after it); what follows the second comma must not be
    another cue ("..., he said, adding ..."), a relative or an appositive, or a quotation."""
    lowers, words = view.lowers, view.words
    sent = view.sent_of[cue.start]
    sa, sb = view.sent_bounds(sent)
    k = cue.start - 1
    while k > sa and cue.start - k <= 6 and words[k] != ",":
        if lowers[k] in _NP_BREAKERS or words[k] in CLAUSE_STOPS:
            return None
        k -= 1
    if k <= sa or words[k] != "," or k == cue.start - 1 or lowers[k + 1] in NO_CLAUSE_START:
        return None
    c = cue.end
    while c < sb and (lowers[c] in TIME_WORDS or words[c][:1].isdigit()):
        c += 1
    if c >= sb or words[c] != ",":
        return None
    r = c + 1
    while r < sb and lowers[r] in {"and", "but"}:
        r += 1
    end = clause_end(view, cue, cues, sb)
    if r >= end or words[r] in OPEN_MARKS or lowers[r] in RELATIVES or lowers[r] in _NO_REST_START:
        return None
    if ranges(seg_toks).any_within(r, end) or not subject_before(view, cue):
        return None
    if not (lowers[r] == "to" or has_finite(view, r, min(end, r + 12))):
        return None  # "..., scientists report, a population larger than ..."
    i = bisect_left(cues, r, key=cue_start)
    if i < len(cues) and cues[i].start == r:
        return None  # "..., he said, adding that ..."
    return checked(view, r, end)


#: longest speaker phrase, and longest appositive after it, of an inverted parenthetical frame
_INVERTED_SPEAKER_REACH = 8
_INVERTED_APPOSITIVE_REACH = 10


def inverted_rest(view: TextView, cue: Cue, cues: list[Cue], seg_toks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The content after an inverted parenthetical frame: "..., said Howard, but her politics do
    not make up for it", "..., said Ana Roe, a vice president, the firm wants the gap narrowed"
    (ANNOTATION.md rule 4: the content before the frame is its own entry; its speaker follows the
    cue, as for the content before it). The cue follows a comma after at least three words without
    quotation marks; its speaker is a short source phrase up to a comma (an appositive without a
    verb may follow, up to another comma); the rest, maybe after "and" or "but", has a finite verb
    and no frame of its own."""
    lowers, words = view.lowers, view.words
    sa, sb = view.sent_bounds(view.sent_of[cue.start])
    if cue.frame != "say" or lowers[cue.start].endswith("ing") or cue.start - 1 - sa < 3 or words[cue.start - 1] != ",":
        return None
    if any(w in OPEN_MARKS or w in CLOSE_MARKS for w in words[sa : cue.start]):
        return None  # a quotation before the frame: a direct quotation's own frame
    s = cue.end
    if s >= sb or not (words[s][:1].isupper() or lowers[s] in ARTICLES or _inverted_common_source(view, s, sb)):
        return None
    if lowers[s] in SUBJECT_PRONOUNS or not _names_a_source(view, s, sb):
        return None
    c = next((t for t in range(s + 1, min(sb, s + _INVERTED_SPEAKER_REACH + 1)) if words[t] in {",", ".", ";", ":", "!", "?"}), None)
    if c is None or words[c] != ",":
        return None
    r = c + 1
    while r < sb and lowers[r] in {"and", "but"}:
        r += 1
    nxt = next((t for t in range(r, min(sb, r + _INVERTED_APPOSITIVE_REACH + 1)) if words[t] in {",", ".", ";", ":", "!", "?"}), None)
    if r == c + 1 and nxt is not None and words[nxt] == "," and not has_finite(view, r, nxt) \
            and not any(w in OPEN_MARKS or w in CLOSE_MARKS for w in words[r:nxt]):
        r = nxt + 1  # an appositive on the speaker: "said Ana Roe, a vice president, ..."
        while r < sb and lowers[r] in {"and", "but"}:
            r += 1
    end = clause_end(view, cue, cues, sb)
    if r >= end or words[r] in OPEN_MARKS or lowers[r] in RELATIVES or lowers[r] in _NO_REST_START or lowers[r] in {"a", "an"}:
        return None  # (an indefinite description is the speaker's appositive: "said Ana Roe, an expert who ...")
    if ranges(seg_toks).any_within(r, end) or not has_finite(view, r, min(end, r + 12)):
        return None
    i = bisect_left(cues, r, key=cue_start)
    if i < len(cues) and cues[i].start < min(end, r + 12):
        return None  # another frame of its own: "..., said Ruiz, adding ...", "..., said Ruiz, and Doe said ..."
    return checked(view, r, end)


#: longest subject of an "as X said" frame, in tokens ("as the Washington Post's Ishaan Tharoor wrote")
_AS_SUBJECT_REACH = 8
#: longest tail of an "as X said" frame after its verb, in tokens ("as one aide told Palo Alto Weekly,")
_AS_TAIL_REACH = 8
#: what may stand between an "as" frame's subject and its verb ("as POLITICO has previously reported")
_AS_AUXILIARIES = rule_words("as_frame_auxiliaries")


def as_frame_spans(view: TextView, cue: Cue, cues: list[Cue]) -> list[tuple[int, int]] | None:
    """The content of an "as X said" frame: after it when it opens its clause ("As The Washington
    Post reported, even if Sanders ...", "But as Clyburn noted, those voters ...", "As reported by
    Western Journalism, there are ..."), before it when a comma or a dash sets it off after a clause
    ("Her father grew up here, as she said at the outset"), on both sides in the middle of a clause
    ("... the only level that is, as news sources noted, completely democratic"). None when the
    cue is in no such frame (then the other rules apply); an empty list when the frame has no
    content. The frame is "as", a short subject (none for a passive "as reported by X"), the verb,
    and an addressee or adverbials up to a comma, a dash or the sentence end."""
    if cue.frame not in ("say", "obj", "clause"):
        return None
    lowers, words = view.lowers, view.words
    sa, sb = view.sent_bounds(view.sent_of[cue.start])
    if lowers[cue.start].endswith("ing") or cue.start <= sa:
        return None
    passive = lowers[cue.start - 1] == "as" and cue.end < sb and lowers[cue.end] == "by"
    t = cue.start - 1
    if not passive:
        while t > sa and lowers[t] in _AS_AUXILIARIES | ADVERBS:
            t -= 1
        subj_end = t + 1
        while t > sa and lowers[t] != "as" and subj_end - t <= _AS_SUBJECT_REACH:
            if words[t] in CLAUSE_STOPS or words[t] in {",", "(", ")"} or lowers[t] in RELATIVES or finite_at(lowers, t, sb):
                return None
            t -= 1
        if lowers[t] != "as" or t + 1 >= subj_end:
            return None
        if not (words[t + 1][:1].isupper() or lowers[t + 1] in DETERMINERS or lowers[t + 1] in SUBJECT_PRONOUNS
                or lowers[t + 1] in NUMBER_WORDS or lowers[t + 1].endswith("s")) or lowers[t + 1] == "its":
            return None  # "as expected by ...": no subject; "as its name suggests": no source
    else:
        t = cue.start - 1
    # what precedes "as": the clause start (maybe a conjunction or an adverbial and a comma), a comma or a dash
    prev = lowers[t - 1] if t > sa else ""
    joined = prev in _OPENING_CONJUNCTIONS or prev == "however"
    if not (t == sa or prev in {",", "—", "–", "-", "--", "(", ";", ":"} or joined):
        return None  # "as bad as she said", "twice as much as analysts expected"
    # the frame's tail: an addressee or adverbials, then a comma, a dash or the sentence end
    k = cue.end
    if passive:
        k += 1
    elif cue.frame == "obj":
        ends = addressee_ends(view, k, sb)
        if ends:
            k = ends[0]
    first = k
    while k < sb and words[k] not in {",", ".", "!", "?", ":", ";"} and words[k] not in DASHES:
        if k == first and not (lowers[k] in TIME_WORDS or lowers[k] in _FRAME_TAIL_STARTS or words[k][:1].isdigit() or passive):
            return None  # "as the firm continues gaining ground": no tail of a frame
        if (k - cue.end >= _AS_TAIL_REACH or lowers[k] == "that" or words[k] in OPEN_MARKS or words[k] in CLOSE_MARKS
                or finite_at(lowers, k, sb) or lowers[k] in SUBJECT_PRONOUNS):
            return None  # "as he said he would": a clause after the verb, no frame
        k += 1
    if prev == "," and t - 2 >= sa and (lowers[t - 2] in PREPOSITIONS_BEFORE_THAT or lowers[t - 2] in DETERMINERS):
        return []  # "who owed his election to, as a diplomat put it, an ''extreme makeover''": inside a phrase
    spans: list[tuple[int, int]] = []
    if k < sb and words[k] == ",":  # a dash closes an aside: "- Clinton grew up here, as she said - any rancor ..."
        end = clause_end(view, cue, cues, sb)
        if k + 1 < end and words[k + 1] not in OPEN_MARKS:
            rest = checked(view, k + 1, end)
            if rest is not None and has_finite(view, rest[0], rest[1]):
                spans.append(rest)
    if prev in {",", "—", "–", "-", "--"} and not joined:
        ls = sa
        for u in range(t - 2, sa - 1, -1):
            if words[u] in {";", ":"} or words[u] in DASHES or words[u] in OPEN_MARKS or words[u] in CLOSE_MARKS:
                ls = u + 1
                break
        if lowers[ls] in _OPENING_CONJUNCTIONS:
            ls += 1
        if lowers[ls] not in SUBORDINATORS and has_finite(view, ls, t - 1):
            before = checked(view, ls, t - 1)
            if before is not None:
                spans.insert(0, before)
    return spans


#: words a fronted content's frame may continue with after its verb (before any addressee is
#: skipped): "..., he said in an interview.", "..., she said during a visit to ..."
_FRAME_TAIL_STARTS = rule_words("frame_tail_starts")
#: longest tail of a frame after its verb, in tokens
_FRAME_TAIL_REACH = 12


def _frame_tail(view: TextView, cue: Cue, sb: int) -> int | None:
    """The token after a frame's tail (a sentence end or a comma): the addressee of an object verb
    ("..., a Cairo official told The Daily News."), then adverbials ("..., he said Wednesday
    morning on a radio show.", "..., she said in posing the question."); None when the words after
    the verb are no tail: an object or a clause (a "that", a finite verb, a quotation mark)."""
    lowers, words = view.lowers, view.words
    k = cue.end
    if cue.frame == "obj":
        ends = addressee_ends(view, k, sb)
        if ends:
            k = ends[0]
    first = k
    while k < sb and words[k] not in {".", "!", "?", ","}:
        w = lowers[k]
        if (k - cue.end >= _FRAME_TAIL_REACH or w == "that" or words[k] in OPEN_MARKS or words[k] in CLOSE_MARKS
                or finite_at(lowers, k, sb)):
            return None
        if k == first and first == cue.end and not (w in TIME_WORDS or w in _FRAME_TAIL_STARTS or words[k][:1].isdigit()
                                                    or (w == "the" and k + 1 < sb and lowers[k + 1] in TIME_WORDS)):
            return None
        k += 1
    return k


def _subject_of_rest(view: TextView, sa: int, comma: int, r: int, sb: int) -> bool:
    """Whether the words ``[sa, comma)`` before a parenthetical frame are the subject of the
    rest after it, which opens with a finite verb: "The golf industry, she said, is doing well",
    "Many of the closures, he said, have involved ..." (both parts are reported: ANNOTATION.md
    rule 4, each contiguous segment is its own entry)."""
    lowers, words = view.lowers, view.words
    if lowers[sa] in NO_CLAUSE_START or lowers[sa] in SUBORDINATORS or lowers[sa].endswith("ing") or words[sa] in OPEN_MARKS:
        return False
    if has_finite(view, sa, comma):
        return False
    if any(w in OPEN_MARKS or w in CLOSE_MARKS for w in words[r:sb]):
        return False  # a rest with a quotation in marks: another kind of entry
    while r < sb and lowers[r] in ADVERBS:
        r += 1
    return r < sb and lowers[r] not in NOUN_AUXILIARIES and finite_at(lowers, r, sb)


def content_start(view: TextView, sa: int, comma: int) -> int:
    """The first token of fronted content opening at sentence start ``sa`` before a frame's
    ``comma``: after an opening conjunction ("But the point of the rule is ..., he said"; "And,
    ..."), which reports nothing."""
    t = sa
    if view.lowers[t] in _OPENING_CONJUNCTIONS and t + 2 < comma:
        t += 1
        if view.words[t] == "," and t + 2 < comma:
            t += 1
    return t


#: subordinators of a clause fronted before a parenthetical frame and reported on its own ("If
#: the birds had been farmed, they reasoned, the specimens would ...": ANNOTATION.md rule 4)
_FRONTED_SUBORDINATORS = rule_words("fronted_subordinators")


def _noun_modifier(view: TextView, t: int, e: int) -> bool:
    """Whether the "-ing" word at token ``t`` of a frame's subject modifies the noun after it, a
    lowercase content word before the verb at ``e`` ("wrestling promotion Stardom announced",
    "new fundraising reports show"), rather than opening a participle clause ("saying they ...")."""
    nxt = view.words[t + 1] if t + 1 < e else ""
    if view.lowers[t - 1] in FUNCTION_WORDS or view.lowers[t - 1] in NO_CLAUSE_START - {","}:
        return False  # "instead of denying poor folks ...": a gerund after a preposition
    return nxt.isalpha() and nxt.islower() and nxt not in FUNCTION_WORDS and nxt not in DETERMINERS and nxt not in AUXILIARIES


def fronted_frame(view: TextView, cue: Cue, comma: int, sb: int) -> bool:
    """True for "..., X said." and "..., said X(, an analyst at Y)." frames, and for a
    parenthetical "..., X said, ..." (also of a finding verb: "..., they reasoned, ...")."""
    lowers = view.lowers
    between = lowers[comma + 1 : cue.start]
    if any(lowers[t] in _NP_BREAKERS and view.words[t].islower() for t in range(comma + 1, cue.start)):
        return False  # (an acronym is no breaker: "the World Health Organization (WHO) said")
    k = cue.end
    if between:  # "X said" (+ an addressee and adverbials) then the end, or a comma and the rest
        while k < sb and k < cue.end + 5 and view.words[k] not in {".", "!", "?", ","}:
            if lowers[k] not in TIME_WORDS and lowers[k] not in ADVERBIAL_HEADS and not view.words[k][:1].isdigit() and lowers[k] != "the":
                break
            k += 1
        long_tail = k < sb and view.words[k] not in {".", "!", "?", ","}
        if long_tail:
            # an addressee or a longer adverbial: "..., an official told The Daily News."
            tail = None if lowers[cue.start] in NOUNISH else _frame_tail(view, cue, sb)
            if tail is None:
                return False
            k = tail
        e = cue.start
        while e > comma + 1 and (lowers[e - 1] in AUXILIARIES or lowers[e - 1] in ADVERBS or lowers[e - 1] == "not"):
            e -= 1
        if any(view.words[t].islower() and lowers[t].endswith("ing") and not _noun_modifier(view, t, e)
               for t in range(comma + 1, e)) or has_finite(view, comma + 1, e):
            return False  # no plain subject: "..., saying they were being told to ..."
        sa = content_start(view, view.sent_bounds(view.sent_of[cue.start])[0], comma)
        if k < sb and view.words[k] == ",":
            # a parenthetical frame: the content before it must be a clause, not an adverbial
            # ("In a press release, Ruiz said, ..."), or the subject of the rest
            if between[0] in NO_CLAUSE_START or (k + 1 < sb and view.words[k + 1] in OPEN_MARKS):
                return False  # "..., in a Facebook post, ..." is no subject; '..., he said, "..."' quotes
            if lowers[sa] in _FRONTED_SUBORDINATORS and has_finite(view, sa + 1, comma) and has_finite(view, k + 1, sb):
                return True  # a subordinate clause before the frame, the main clause after: "If X, he said, Y"
            if lowers[sa] in NO_CLAUSE_START or lowers[sa].endswith("ing"):
                return False
            # a noun-ish form ("reason", "states") is a verb here only after a pronoun: "..., they reason, ..."
            plain_verb = lowers[cue.start] not in NOUNISH or (len(between) == 1 and between[0] in SUBJECT_PRONOUNS)
            return has_finite(view, sa, comma) or (plain_verb and _subject_of_rest(view, sa, comma, k + 1, sb))
        if long_tail and not (has_finite(view, sa, comma) and lowers[sa] not in NO_CLAUSE_START and lowers[sa] not in SUBORDINATORS):
            return False  # "One of the vice presidents, Ana Ruiz, commented on ...": no content before
        return True  # also a finding verb: "..., the poll found."
    if cue.frame == "clause" or lowers[cue.start].endswith("ing"):
        return False  # "X reported, citing Y, ...": a participle, not an inverted frame
    # inverted "said X": a noun phrase, then the end or an appositive
    if k >= sb or view.lowers[k] == "that":
        return False
    if not (view.words[k][:1].isupper() or view.lowers[k] in {"the", "a", "an", "he", "she", "they"}):
        if not _inverted_common_source(view, k, sb):
            return False
    if clause_ahead(view, k, sb):
        return False  # "Ruiz, the mayor, announced Gil would appeal": a clause, not a speaker
    if not _names_a_source(view, k, sb):
        return False  # "The governor, Ana Ruiz, declared a state of emergency": an object, not a speaker
    sa = content_start(view, view.sent_bounds(view.sent_of[cue.start])[0], comma)
    if not (has_finite(view, sa, comma) or _present_verb(view, sa, comma)):
        return False  # "Yesterday, Roscosmos, the space agency, announced the death": no content before
    if view.lowers[k] in SUBJECT_PRONOUNS and k + 1 < sb and view.words[k + 1] not in {".", ",", "!", "?"}:
        return False  # "..., said he thinks ...": not an inverted frame
    while k < sb and view.words[k] not in {".", "!", "?", ","}:
        k += 1
        if k < sb and view.lowers[k] == "who":
            break  # "..., said an official who asked not to be named": a relative on the speaker
        if k - cue.end > 8:
            return False
    return True


def _present_verb(view: TextView, a: int, b: int) -> bool:
    """Whether tokens ``[a, b)`` hold a verb in the plain present that :func:`has_finite` does not
    see: after a plural noun and before a determiner ("a variety of factors impact the cost") or
    a "-s" form after a preverbal adverb ("Clinton also lacks in ...")."""
    lowers, words = view.lowers, view.words
    return any(plural_present_at(lowers, words, t, b) or (present_s(view, t) and lowers[t - 1] in ADVERBS)
               for t in range(a + 1, b))


#: lowercase words that open an unnamed source after an inverted cue ("..., said several observers",
#: "..., said two officials"): quantifiers and numbers (the noun after them is checked)
_SOURCE_QUANTIFIERS = LONE_QUANTIFIERS | NUMBER_WORDS | frozenset({"other", "another", "one"})


def _inverted_common_source(view: TextView, k: int, sb: int) -> bool:
    """Whether the lowercase words from token ``k`` after an inverted cue are a source named by a
    common noun: a quantifier, a number or a bare noun, then a short phrase whose first noun is
    for people or bodies ("..., said critics.", "..., said several observers", "..., said
    six-million people who ...", "..., wrote film director Ana Ruiz on Facebook"); not an adverb or
    a preposition ("..., said repeatedly", "..., said in a statement")."""
    lowers, words = view.lowers, view.words
    w = lowers[k]
    if not (w in _SOURCE_QUANTIFIERS or w[:1].isdigit() or (words[k].isalpha() and words[k].islower())):
        if not (words[k].islower() and "-" in w):  # "six-million", "so-called"
            return False
    if w in FUNCTION_WORDS - LONE_QUANTIFIERS or w in ADVERBS or w in TIME_WORDS:
        return False
    nouns = speaker_nouns()
    t = k
    while t < sb and t < k + 4 and words[t] not in {".", "!", "?", ",", ";"}:
        low = lowers[t]
        if low in nouns or low.rstrip("s") in nouns or words[t][:1].isupper():
            return _names_a_source(view, k, sb)
        if not words[t].islower() or low in FUNCTION_WORDS - LONE_QUANTIFIERS:
            return False
        t += 1
    return False
