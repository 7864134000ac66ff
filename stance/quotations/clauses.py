"""Clause boundaries around a reporting cue: whether a clause (a subject, then a finite verb) lies
ahead, whether the cue has a subject before it, where an addressee's name ends ("told reporters
..."), adverbials to step over, and where a reported clause ends (a closing frame, a new speaker,
a main-clause comma).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from stance.quotations.cues import Cue, NOUNISH
from stance.quotations.tokens import (ADVERBS, AFTER_PARTICIPLE, CLAUSE_STOPS, CLOSE_MARKS, DASHES, FUNCTION_WORDS,
                                      NO_CLAUSE_START, OBJECT_PREPOSITIONS, OPEN_MARKS, TIME_WORDS, cue_start, finite_at, has_finite,
                                      plural_present_at, present_at, present_s, speaker_nouns)
from stance.text.lexicons import (ARTICLES, AUXILIARIES, BE_FORMS, DETERMINERS, LONE_QUANTIFIERS, OBJECT_PRONOUNS, RELATIVES, SUBJECT_PRONOUNS, SUBORDINATORS,
                                  WH_WORDS, rule_words)
from stance.text.verb_forms import is_past_form
from stance.text.view import POSSESSIVE_MARKS, TextView


def addressee_ends(view: TextView, i: int, end: int) -> list[int]:
    """Where the addressee of "told" starting at token ``i`` may end, shortest first: a pronoun
    ("him"), a plural noun ("reporters"), a name ("CNN Philippines"; an acronym before a name
    ends at once: "NPR Hamza ..."), or a determiner with a name or one or two words ("the
    Associated Press", "the court", "the local paper")."""
    lowers, words = view.lowers, view.words
    if i >= end:
        return []
    w = lowers[i]
    if w in OBJECT_PRONOUNS:
        return [i + 1]
    k = i + 1 if w in DETERMINERS else i
    if k < end and words[k][:1].isupper():
        acronym = k == i and len(words[k]) > 1 and words[k].isupper() and k + 1 < end and words[k + 1][:1].isupper()
        while k < end and k - i < 6 and (words[k][:1].isupper() or (words[k] == "-" and k + 1 < end and words[k + 1][:1].isupper())):
            k += 1
        return ([k, i + 1] if acronym else [k]) + _described_name_ends(view, k, end, i)
    if k > i:
        return [j for j in (k + 1, k + 2) if j <= end and all(words[u].isalpha() and words[u].islower() for u in range(k, j))]
    return [i + 1] if w.isalpha() and words[i].islower() and w.endswith("s") else []


#: longest addressee of a name, a description and another name ("TheBlaze founder Glenn Beck")
_DESCRIBED_NAME_REACH = 7


def _described_name_ends(view: TextView, k: int, end: int, i: int) -> list[int]:
    """Longer ends of an addressee whose name at ``[i, k)`` a description and another name follow
    ("told TheBlaze founder Glenn Beck he would ...", "told Brussels-based media network EURACTIV
    safety procedure had been followed"): the token after each later capitalised word reached over
    lowercase content words and hyphens only, within :data:`_DESCRIBED_NAME_REACH` tokens."""
    words, lowers = view.words, view.lowers
    out = []
    t = k
    while t < end and t - i < _DESCRIBED_NAME_REACH:
        w = words[t]
        if w[:1].isupper() and w.isalpha():
            if t + 1 >= end or not words[t + 1][:1].isupper():
                out.append(t + 1)
        elif not (w == "-" or (w.isalpha() and w.islower() and lowers[t] not in FUNCTION_WORDS and lowers[t] not in AUXILIARIES
                               and not finite_at(lowers, t, end))):
            break
        t += 1
    return out


#: prepositions of an adverbial between a reporting verb and its clause, skipped up to a comma
#: ("said on Monday, ...", "reported via a statement, ...")
_ADVERBIAL_PREPOSITIONS = rule_words("adverbial_prepositions")
#: participles that open a source set off by commas after a reporting verb ("reported, citing X, ...")
_SOURCE_ASIDES = rule_words("source_asides")


def after_adverbials(view: TextView, i: int, end: int) -> int:
    """The first token after the adverbials that follow a cue at token ``i``: time words ("on
    Sunday", "last week", "yesterday morning"), a short prepositional phrase that a comma or a
    clause's first word ends ("in its report,", "on Twitter the agency ..."), "as of X," and the
    comma that closes them. ``i`` itself when nothing is skipped."""
    lowers, words = view.lowers, view.words
    start = i
    if i + 1 < end and words[i] == ",":
        i += 1  # "claimed, as of Thursday, it had ..."
    while i < end:
        w = lowers[i]
        if w in TIME_WORDS or (words[i][:1].isdigit() and (len(w) == 4 or i + 1 < end and lowers[i + 1] in TIME_WORDS)):
            i += 1  # "on Monday", "in 2019", "on 5 March"; not "said 18 people died"
            continue
        if w in {"this", "last", "next", "earlier", "later"} and i + 1 < end and lowers[i + 1] in TIME_WORDS:
            i += 2
            continue
        if w in _SOURCE_ASIDES or (w == "based" and i + 1 < end and lowers[i + 1] == "on"):
            # a source set off by commas: "reported, citing two sources, that ...", "reported on
            # Monday, based on the delegate count, if ..."
            close = next((j for j in range(i + 2, min(i + 12, end)) if words[j] in {",", ";", ":"} or words[j] in CLAUSE_STOPS), None)
            if close is None or words[close] != "," or i == start or words[i - 1] != ",":
                return start
            i = close
            continue
        if w == "as" and i + 1 < end and lowers[i + 1] == "of" or w in _ADVERBIAL_PREPOSITIONS:
            for j in range(i + 1, min(i + 7, end)):
                if words[j] == ",":
                    i = j
                    break
                if words[j] in CLAUSE_STOPS or words[j] in OPEN_MARKS:
                    return i
                if (j >= i + 2 and (lowers[j] in DETERMINERS or lowers[j] in SUBJECT_PRONOUNS or words[j][:1].isupper())
                        and lowers[j - 1] not in DETERMINERS and not any(lowers[u] in OBJECT_PREPOSITIONS for u in range(i + 1, j))
                        and clause_ahead(view, j, end)):
                    # (not inside a second prepositional object: "at the start of a meeting dominated by ...")
                    return j
            else:
                return i
            continue
        if w == "," and i > start + 1:
            return i + 1
        break
    if words[start] == "," and (i == start + 1 or words[i - 1] != ","):
        return start  # a comma not closing an adverbial: no clause here
    return i


def subject_before(view: TextView, cue: Cue) -> bool:
    """The verb ``cue`` has a subject of its own just before it (a name, a pronoun, a person or
    organization noun, a plural noun, a relative pronoun, maybe with an adverb or a perfect
    auxiliary between), or it is a participle after a comma (", saying he ..."). Excluded: a
    participle used as an adjective ("the total reported casualties", "a gunman claiming
    allegiance", "alleged fraudulent schemes")."""
    lowers, words = view.lowers, view.words
    form = lowers[cue.start]
    t = cue.start - 1
    if form.endswith("ing"):
        return t >= 0 and (words[t] == "," or _with_subject(view, cue.start))
    while t > 0 and (lowers[t] in ADVERBS or lowers[t] in {"has", "have", "had", "even", "barely"} or (lowers[t].endswith("ly") and words[t].islower())):
        t -= 1
    if t < 0:
        return False
    w = lowers[t]
    if words[t][:1].isupper() and (w in NO_CLAUSE_START or w in SUBORDINATORS) and w not in SUBJECT_PRONOUNS:
        return False  # a capitalised subordinator, no subject: "As revealed at trial, ..."
    if w in SUBJECT_PRONOUNS or w in {"who", "which", ")", ","} or words[t][:1].isupper():
        return True  # ",": after an appositive ("Ruiz, the mayor, announced ...")
    if w == "and":
        return form != "alleged" and form not in NOUNISH
    if not w.isalpha() or w in FUNCTION_WORDS:
        return False
    # a plural noun ("officials"), a person or organization noun, or a determiner and a noun ("the navy")
    return (w.endswith("s") and w not in BE_FORMS) or w in speaker_nouns() or (t > 0 and lowers[t - 1] in DETERMINERS)


#: longest subject of an absolute "with X saying ..." phrase, in tokens
_WITH_SUBJECT_REACH = 6


def _with_subject(view: TextView, i: int) -> bool:
    """The "-ing" cue at token ``i`` has its subject in an absolute phrase: "with X" right before
    it, X a short noun phrase without a verb or a comma ("..., with officials saying ...", "with
    an Air Force survey finding ...", "with Senator McCain telling reporters ...")."""
    lowers, words = view.lowers, view.words
    sa = view.sent_bounds(view.sent_of[i])[0]
    for k in range(i - 2, max(sa - 1, i - 2 - _WITH_SUBJECT_REACH), -1):
        if lowers[k] == "with":
            return not has_finite(view, k + 1, i)
        if not (words[k].isalnum() or lowers[k] in POSSESSIVE_MARKS or lowers[k] in {"-", "."}):
            return False
    return False


def clause_ahead(view: TextView, i: int, end: int, reach: int = 14) -> bool:
    """Tokens from ``i`` read as a clause: a subject, then a finite verb within ``reach`` tokens
    ("the 36 people infected included ...", "loose cables in the tunnel led to ..."). An
    appositive or a relative clause set off by commas is skipped; a finite verb inside a relative
    clause ("a striker who scored twice") does not count."""
    lowers, words = view.lowers, view.words
    if (i >= end or words[i] in OPEN_MARKS or lowers[i] in NO_CLAUSE_START or lowers[i] in RELATIVES
            or lowers[i] in WH_WORDS or lowers[i] in ADVERBS):
        return False
    if lowers[i] in SUBJECT_PRONOUNS or lowers[i] == "there":
        t = i + 1
        while t < end and lowers[t] in ADVERBS:
            t += 1
        # (an "-ed" form before a preposition is finite after a pronoun: "he died at ...")
        if t < end and (finite_at(lowers, t, end, weak=True) or (lowers[t].endswith("s") and lowers[t].isalpha() and lowers[i] not in {"i", "you", "we", "they"})):
            return True
        if t >= end or lowers[t] not in {"and", "or"}:
            return False  # "he and his wife tested positive": a coordinated subject
    if finite_at(lowers, i, end):
        return False  # a verb right after the cue: no subject
    t = i + 1
    stop = min(end, i + reach)
    has_prep = False
    while t < stop:
        w = lowers[t]
        if w in CLAUSE_STOPS and not (w == "-" and view.starts[t] == view.ends[t - 1]):
            return False  # a hyphen inside a word ("ballot-qualified") is no stop
        if w in RELATIVES or w == ",":
            # a relative clause or an appositive: skip to its closing comma
            if w == "," and not (t + 1 < end and (lowers[t + 1] in RELATIVES or lowers[t + 1] in ARTICLES or words[t + 1][:1].isupper())):
                return False
            u = t + 1
            while u < end and lowers[u] != "," and lowers[u] not in CLAUSE_STOPS:
                u += 1
            if u >= end or lowers[u] != ",":
                return False
            stop = min(end, stop + (u + 1 - t))
            t = u + 1
            continue
        if w in SUBJECT_PRONOUNS:
            return False  # a relative clause without "that": "the pledges he made"
        if lowers[t - 1] in {"and", "or"}:
            pass  # a second verb of the main clause: "mentioned the remarks and went on"
        elif finite_at(lowers, t, end):
            return True
        if w in AFTER_PARTICIPLE or w == "of":
            has_prep = True
        elif not has_prep and lowers[t - 1] not in {"and", "or"} and (finite_at(lowers, t, end, weak=True) or present_at(lowers, t, end)):
            return True  # "the first quake occurred at ...", "the fault makes the region ...": no preposition in the subject
        elif not has_prep and plural_present_at(lowers, words, t, end):
            return True  # "the stores fill the shelves every night"
        t += 1
    return False


#: lowercase words after "said" that are its object, never a clause's subject ("said goodbye to ...")
_SAID_OBJECTS = rule_words("said_objects")
#: longest plain subject before its verb in :func:`noun_subject_clause`, in tokens
_NOUN_SUBJECT_REACH = 12


def noun_subject_clause(view: TextView, i: int, end: int) -> bool:
    """Tokens from ``i`` read as a clause whose subject is a plain noun phrase (a determiner, a
    lowercase noun or a gerund and its modifiers) and whose verb is finite in any tense, a present
    "-s" form after a lowercase word included: "people misunderstand Trump", "the place prides
    itself on ...", "social media success depends on ...", "seeing so many officers was a welcome
    sight". The verb must come before a comma, a stop, a quotation mark or a relative pronoun."""
    lowers, words = view.lowers, view.words
    first = lowers[i] if i < end else ""
    if not (first in DETERMINERS or (words[i].isalpha() and words[i].islower() and first not in NO_CLAUSE_START
                                     and first not in FUNCTION_WORDS and first not in ADVERBS and first not in TIME_WORDS
                                     and first not in AUXILIARIES and first not in _SAID_OBJECTS and first not in WH_WORDS
                                     and first not in {"whether", "if"} and not first.endswith("ly"))):
        return False
    for t in range(i + 1, min(end, i + _NOUN_SUBJECT_REACH)):
        w = lowers[t]
        if w in {",", ";", ":"} or w in CLAUSE_STOPS or words[t] in OPEN_MARKS or w in RELATIVES or w in SUBJECT_PRONOUNS:
            return False
        if finite_at(lowers, t, end, weak=True) or plural_present_at(lowers, words, t, end):
            return True
        prev = lowers[t - 1]
        if (present_s(view, t) and t + 1 < end and lowers[t + 1].isalpha() and prev.isalpha() and words[t - 1].islower()
                and prev not in FUNCTION_WORDS and prev not in DETERMINERS and prev not in ADVERBS):
            return True
    return False


def clause_end(view: TextView, cue: Cue, cues: list[Cue], sb: int) -> int:
    """End of the reported clause: the sentence end, a semicolon or a colon, or before "and/but
    CUE" or ", according to"."""
    for t in range(cue.end + 1, sb):
        if view.words[t] in {";", ":"}:
            sb = t
            break
    intro = view.lowers[view.sent_bounds(view.sent_of[cue.start])[0]] in SUBORDINATORS
    if intro:
        sb = min(_main_clause_comma(view, cue.end, sb), _main_clause_frame(view, cue, cues, sb))
    for c in cues[bisect_right(cues, cue.start, key=cue_start) : bisect_left(cues, sb, key=cue_start)]:
        if c.start <= cue.start or c.start >= sb:
            continue
        if c.frame == "noun":
            continue  # "said the claim that ..." is inside the clause
        if view.lowers[c.start] in _SOURCE_ASIDES and after_adverbials(view, cue.end, sb) > c.start:
            continue  # "reported, citing two sources, that ...": the source is inside the frame
        prev = view.lowers[c.start - 1]
        closing = _closing_frame(view, c)
        if closing is not None and closing > cue.end:
            return closing
        if (c.start - 2 > cue.end and view.words[c.start - 1] in CLOSE_MARKS and view.words[c.start - 2] in {",", "?", "!"}
                and c.frame == "say" and not view.lowers[c.start].endswith("ing") and c.end < view.n
                and (view.words[c.end][:1].isupper() or view.lowers[c.end] in DETERMINERS)):
            return c.start  # an inverted frame after the closing mark: 'shows that "...," said Ruiz'
        if prev in {"and", "but", ","} or (c.frame == "according" and prev == ","):
            return c.start - 1
        if prev in DASHES and c.start - 1 > cue.end:
            return c.start - 1  # "... similar to influenza — suggesting, experts noted, ..."
        if (prev in {"also"} or prev in SUBJECT_PRONOUNS or prev in LONE_QUANTIFIERS) and view.lowers[c.start - 2] in {"and", "but"}:
            return c.start - 2  # "... and also said", "... and several said ...": a second frame
        # a new frame with its own subject after a comma: "..., but the commissioner stated ...",
        # "..., which he said would ..."
        for k in range(c.start - 2, max(cue.end, c.start - 10), -1):
            w = view.lowers[k]
            if w in {";", ":", "“", "”", '"', "(", ")"}:
                break
            if w == ",":
                if view.lowers[k + 1] in {"but", "and", "while", "which", "who", "whereas"} and subject_before(view, c):
                    return k
                if view.lowers[k + 1] == "with" and view.lowers[c.start].endswith("ing"):
                    return k  # an absolute phrase with its own speaker: "..., with local press claiming ..."
                if _new_speaker_frame(view, k, c, intro) or (cue.frame != "according" and _noun_phrase_frame(view, cue.end, k, c)):
                    return k
                break
    if cue.frame == "to":
        # an infinitive ends before a second verb of the main clause: "called on Turkey to halt
        # drilling, and deemed the deal ..."
        for t in range(cue.end + 2, sb - 2):
            if view.words[t] == "," and view.lowers[t + 1] == "and" and finite_at(view.lowers, t + 2, sb) and view.lowers[t + 2] not in AUXILIARIES:
                return t
    return sb


#: longest subject of the main clause's own frame after a subordinate clause, in tokens ("27
#: percent of those polled said")
_MAIN_SUBJECT_REACH = 9


def _main_clause_frame(view: TextView, cue: Cue, cues: list[Cue], sb: int) -> int:
    """In a sentence opening with a subordinate clause that holds ``cue``, the comma where the
    main clause opens with a frame of its own: a subject of a few words with no verb and a
    reporting verb ("While one estimate says there are 2,400 billionaires, another says ...",
    "While 28 percent say they are undecided, 27 percent of those polled said ..."): the clause
    ``cue`` reports ends there; ``sb`` when there is none."""
    words = view.words
    for c in cues[bisect_right(cues, cue.start, key=cue_start) : bisect_left(cues, sb, key=cue_start)]:
        if c.frame == "noun" or view.lowers[c.start].endswith("ing"):
            continue
        for t in range(c.start - 1, max(cue.end, c.start - _MAIN_SUBJECT_REACH - 1), -1):
            if words[t] in {";", ":"} or words[t] in CLOSE_MARKS or words[t] in OPEN_MARKS:
                break
            if words[t] == ",":
                if t + 1 < c.start and not has_finite(view, t + 1, c.start) and subject_before(view, c):
                    return t
                break
    return sb


def _main_clause_comma(view: TextView, i: int, sb: int) -> int:
    """In a sentence opening with a subordinate clause, the comma after token ``i`` where the main
    clause begins with a name or he/she and a past-tense verb ("When Trump suggested that Cuba
    would sue, Rubio fired back: ..."): the clause a cue in the subordinate clause reports ends
    there; ``sb`` when there is none."""
    words, lowers = view.words, view.lowers
    for t in range(i, sb - 2):
        if words[t] != ",":
            continue
        k = t + 1
        if lowers[k] in {"he", "she", "they"}:
            k += 1
        else:
            while k < sb and words[k][:1].isupper() and words[k] not in CLOSE_MARKS and k - t <= 4:
                k += 1
        if k == t + 1 or k >= sb:
            continue
        w = lowers[k]
        if words[k].isalpha() and words[k].islower() and is_past_form(w, min_len=4, alpha_only=False):
            return t
    return sb


def _closing_frame(view: TextView, c: Cue) -> int | None:
    """The token after the closing mark before a frame "NAME said" (or he/she, "the judge"):
    '...say that “from his perspective,” Lewandowski added': the reported clause ends at the mark
    and the frame is another speaker's; None when no such frame."""
    words, lowers = view.words, view.lowers
    k = c.start - 1
    if lowers[k] in {"he", "she"}:
        k -= 1
    elif k - 1 >= 0 and lowers[k - 1] == "the" and words[k].islower():
        k -= 2
    else:
        n = 0
        while k >= 0 and words[k][:1].isupper() and words[k] not in CLOSE_MARKS and n < 4:
            k -= 1
            n += 1
        if n == 0:
            return None
    if k >= 1 and words[k] in CLOSE_MARKS and words[k - 1] in {",", "?", "!"}:
        return k + 1
    return None


#: words that may open a new frame's subject after a comma (", while 60 percent said it ...")
_FRAME_OPENERS = rule_words("frame_subject_openers")
#: longest plain noun-phrase subject of a new frame after a comma, in tokens
_NP_FRAME_REACH = 6


def _noun_phrase_frame(view: TextView, cue_end: int, comma: int, c: Cue) -> bool:
    """Whether the words after ``comma`` are another speaker's frame with a plain noun-phrase
    subject and content of its own after the cue, after a clause (two words or more from the first
    cue's end ``cue_end`` to the comma, no subordinator first): ", outside engineers affirm that ...", ",
    while 60 percent said it should ...", ", even some residents asked why ..." (no verb, comma or
    mark in the subject; the cue followed by "that", a pronoun, a determiner or a name, not by a
    comma: "..., officials said, ..." is a parenthetical frame)."""
    words, lowers = view.words, view.lowers
    j = comma + 1
    while j < c.start and lowers[j] in _FRAME_OPENERS:
        j += 1
    if not 1 <= c.start - j <= _NP_FRAME_REACH or c.frame not in ("say", "clause"):
        return False
    for t in range(j, c.start):
        w = lowers[t]
        if (not (words[t].isalnum() or w in POSSESSIVE_MARKS or w == "%") or w in AUXILIARIES or w in RELATIVES or w in SUBORDINATORS
                or w in {"and", "or"} or finite_at(lowers, t, c.start)):
            return False  # (a list goes on: "the wording, timing and scope of the order showed ...")
    if lowers[j] in SUBJECT_PRONOUNS or words[j][:1].isupper():
        return False  # a pronoun or a name: the other frame rules decide
    first = cue_end + 1 if lowers[cue_end] == "that" else cue_end
    if comma - first < 2 or lowers[first] in SUBORDINATORS:
        return False  # no clause before the comma to end ("say that, because the auditor reported ...")
    nxt = lowers[c.end] if c.end < view.n else ""
    return nxt == "that" or nxt in SUBJECT_PRONOUNS or nxt in DETERMINERS


def _new_speaker_frame(view: TextView, comma: int, c: Cue, intro: bool = False) -> bool:
    """Whether the words after ``comma`` open another speaker's frame that ends a reported
    clause: a name or he/she and a cue introducing a quotation in marks ("who claim to find
    Clinton more palatable, Bolton said, “I just think ...”") or, after a subordinate clause
    opening the sentence (``intro``), any content ("After Trump argued that ..., Rubio said only
    that ..."); or "with" and a name and a participle or infinitive cue ("the prison should be
    closed, with Sen. John McCain calling it a “Chinese menu”")."""
    words, lowers = view.words, view.lowers
    subj = range(comma + 1, c.start)
    if lowers[comma + 1] == "with":
        return (comma + 2 < c.start and words[comma + 2][:1].isupper()
                and (lowers[c.start].endswith("ing") or lowers[c.start - 1] == "to"))
    if not subj or not (all(words[t][:1].isupper() for t in subj) or (len(subj) == 1 and lowers[comma + 1] in {"he", "she"})):
        return False
    if intro:
        return True
    j = c.end
    return j + 1 < view.n and words[j] in {",", ":"} and words[j + 1] in OPEN_MARKS
