"""The clause a reporting cue introduces ("X said (that) ..."): zero-"that" clauses, infinitive
and gerund complements, and the other complement and frame rules, tried in order for one cue.
"""

from __future__ import annotations

from bisect import bisect_left

from stance.quotations.clauses import after_adverbials, clause_ahead, clause_end, noun_subject_clause, subject_before
from stance.quotations.complements import (ADDRESSEE_INFINITIVE, DIRECT_COMPLEMENT, OBJECT_TO_BE, ZERO_THAT,
                                           addressed_subject, asked_question, extracted_as_complement, extracted_object, intent_infinitive, named_object,
                                           object_clause, object_to_be, relative_subject, speech_infinitive,
                                           tagged_infinitive)
from stance.quotations.cues import Cue, agent_then_that, noun_infinitive
from stance.quotations.frames import according_clause, content_start, fronted_frame
from stance.quotations.tokens import (ADVERBIAL_HEADS, OBJECT_PREPOSITIONS, PASSIVE_AUXILIARIES, ADVERBS, CLAUSE_START, CLOSE_MARKS, DASHES, FUNCTION_WORDS, NO_CLAUSE_START,
                                      OPEN_MARKS, PREPOSITIONS_BEFORE_THAT, TIME_WORDS, aux_within, checked, cue_start,
                                      finite_at, gerund_at, has_finite, infinitive_at, plural_s, present_s, ranges, speaker_nouns)
from stance.text.lexicons import (AUXILIARIES, BE_FORMS, DETERMINERS, SUBJECT_PRONOUNS, reporting_verbs_with, rule_words, time_words,
                                  word_set)
from stance.text.verb_forms import is_past_form
from stance.text.view import TextView

#: zero-"that" verbs that as often take a plain object ("reported the incident"): their clause
#: must read as one (a subject, then a finite verb)
_ZERO_THAT_NEEDS_VERB = reporting_verbs_with("needs-verb")


#: months abbreviated with a full stop as news writes them before a day ("Jan. 6", "Sept. 11")
_MONTH_ABBREVIATIONS = rule_words("month_abbreviations")


def reported_clause(view: TextView, cue: Cue, cues: list[Cue], seg_toks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Token range of the clause ``cue`` reports, or None."""
    sent = view.sent_of[cue.start]
    sa, sb = view.sent_bounds(sent)
    lowers = view.lowers
    words = view.words
    end = clause_end(view, cue, cues, sb)
    if cue.frame == "according":
        return according_clause(view, cue, sa, sb, end)
    if cue.frame == "noun":
        # "the claim that the vote was rigged"; not a relative clause ("a statement that was read");
        # without "that" after a pronoun subject ("an allegation he assaulted X", cues.find_cues)
        i = cue.end + 1 if lowers[cue.end] == "that" else cue.end
        agent_that = agent_then_that(view, cue.start) if lowers[cue.end] in ("by", "from") else None
        if agent_that is not None:
            i = agent_that + 1  # "claims by intelligence agencies that ..."
        if i < end and (lowers[i] in CLAUSE_START or words[i][:1].isupper() or words[i][:1].isdigit()) and clause_ahead(view, i, end):
            return checked(view, i, end)
        if lowers[i] == "to" and noun_infinitive(view, cue.start, cue.lemma):
            return checked(view, i, _infinitive_end(view, i, end))  # "his promise to build a wall ..."
        return None
    i = cue.end
    if cue.start == sa or (lowers[cue.start - 1] == "to" and not speech_infinitive(view, cue)):
        return None  # no subject ("Asked whether ...") or an infinitive ("to maintain")
    if addressed_subject(view, cue, sa):
        return None  # an interviewer's question or remark: "How would you describe ...", "You suggest ..."
    if lowers[cue.start] == cue.lemma and all(lowers[t] in ADVERBS or lowers[t] in {"please", "and", "so"} for t in range(sa, cue.start)):
        return None  # an imperative: "Now tell us this isn't a witch hunt"
    if cue.frame in ("say", "name") and cue.end < end:
        extracted = extracted_object(view, cue, sa, end)
        if extracted is not None:
            return extracted
    if cue.frame in ("say", "obj", "clause"):
        # fronted content: "CONTENT, X said." / "CONTENT, said X."
        if cue.start > sa + 3:
            k = cue.start - 1
            while k > sa and k > cue.start - _FRAME_SUBJECT_REACH and words[k] != ",":
                k -= 1
            if words[k] == "," and k >= sa + 3 and fronted_frame(view, cue, k, sb):
                ca = content_start(view, sa, k)
                starts_quoted = words[ca] in OPEN_MARKS and ranges(seg_toks).any_within(ca, k)
                if not ranges(seg_toks).covers(k, k) and view.lowers[k - 1] not in {"and"} and not starts_quoted:
                    content_end = _quoted_content_end(view, ca, k)
                    if words[content_end - 1] in {"”", '"', "''"} and words[ca] in OPEN_MARKS:
                        return None  # a direct quotation, handled elsewhere
                    return checked(view, ca, content_end)
        # a cue right after a closing quotation mark introduces no clause ("...,” said Moon, an ..."),
        # unless the quotation is a fragment inside the subject and a clause follows
        if cue.start - 1 >= sa and (words[cue.start - 1] in {"”", '"', "''"} or (
                words[cue.start - 1] == "“" and cue.start - 2 >= sa and words[cue.start - 2] in {",", ".", "!", "?"})):
            # (a closer typed as an opener: '... for her here,“ said X', segments.find_quote_segments)
            return _clause_after_quoted_fragment(view, cue, sa, end)
        # a comma right before the cue ends content before an inverted frame ("..., said Ruiz"),
        # unless it closes an appositive of a subject with no verb before ("Chris Ruiz, a
        # supporter, said Trump ...")
        after_comma = cue.start - 1 >= sa and words[cue.start - 1] == "," and not (
            "," in words[max(sa, cue.start - 9) : cue.start - 1] and not has_finite(view, sa, cue.start - 1))
        intent = intent_infinitive(view, cue, end)
        if intent is not None:
            return intent
        if cue.lemma in _ACCUSES_TOO:
            charge = _accuse_clause(view, cue, sa, end)
            if charge is not None:
                return charge  # "blasted the council for closing the library ..."
        aside = _that_after_aside(view, cue, end)
        if aside is not None:
            return aside  # "said — in a radio interview, as it turned out — that ...", "said, twice, that ..."
        # "that" within a few tokens; a finding verb takes it only right after ("found that", not
        # "found jobs that")
        for t in range(i, min(i + (1 if cue.frame == "clause" else 9), end)):
            if lowers[t] == "that":
                if t > i and demonstrative_that(lowers, t, end):
                    break  # "saying an attack that day on an air base ...": a determiner
                if t > i and lowers[t - 1] in {"and", "but", "or"}:
                    break  # "said the tax was unfair and that ...": a second clause
                nxt = lowers[t + 1] if t + 1 < end else ""
                if t > i and (nxt in AUXILIARIES or is_past_form(nxt, alpha_only=False)):
                    break  # "tweeted about the riots that followed ...": a relative clause
                k = bisect_left(cues, t - 1, key=cue_start)
                if k < len(cues) and cues[k].start == t - 1 and cues[k].frame == "noun":
                    break  # "denied allegations that ...": the noun's clause
                if t > i and lowers[t - 1] in PREPOSITIONS_BEFORE_THAT:
                    break  # a determiner: "said she was not going to jump to that conclusion"
                comma_that = t == i + 1 and words[i] == "," and not any(w in _RESULT_SO for w in lowers[sa : cue.start])
                if comma_that or not any(words[u] in {",", "“", '"', ";"} for u in range(i, t)):
                    that_clause = checked(view, t + 1, end)
                    if that_clause is not None:
                        return that_clause
                break
        # skip adverbials and an object: said (on Monday) (in a statement) (to reporters) (that) ...
        steps = 0
        while i < end and steps < 10:
            w = lowers[i]
            if w == "that":
                return checked(view, i + 1, end)
            # "this" heads an adverbial only before a time word ("said this week"), not as a
            # subject ("claimed this is a move ...")
            adverbial_head = w in ADVERBIAL_HEADS and not (w == "this" and (i + 1 >= end or lowers[i + 1] not in TIME_WORDS))
            if cue.frame == "obj" or adverbial_head or w in TIME_WORDS or words[i][:1].isdigit():
                i += 1
                steps += 1
                continue
            if w in _MONTH_ABBREVIATIONS:
                i += 1
                steps += 1
                continue
            break
        if cue.frame == "obj":
            return object_clause(view, cue, end)
        # a relative clause: "which his wife said was due to ...", "which NASA said might take place"
        rel = relative_subject(view, cue, sa)
        if cue.end < end and rel is not None and (finite_at(lowers, cue.end, end) or (
                # "which he said runs the risk ...", "that courts said discriminated against ..."
                cue.lemma in ZERO_THAT and not lowers[cue.start].endswith("ing")
                and (finite_at(lowers, cue.end, end, weak=True) or present_s(view, cue.end)))):
            e = end
            if rel > sa and words[rel - 1] == ",":  # ", which X said VP," ends at its comma
                e = next((t for t in range(cue.end, end) if words[t] == ","), end)
            return checked(view, cue.end, e)
        # a clear clause after the verb and its adverbials: "the judge ruled the new tax violated
        # ...", "said on Sunday, the 36 people infected included ...", "announced on Twitter the
        # agency would investigate"
        if cue.end < end and cue.lemma not in _NO_ZERO_THAT and (subject_before(view, cue) or (cue.frame == "clause" and _finding_subject(view, cue))):
            j = after_adverbials(view, cue.end, end)
            if clause_ahead(view, j, end):
                return checked(view, j, end)
            if j > cue.end + 1 and lowers[j] == "that" and words[j - 1] == ",":
                return checked(view, j + 1, end)  # "reported, citing two sources, that ..."
            if cue.lemma in _REPORTS_INFINITIVE and j == cue.end and lowers[j] == "to" and j + 1 < end and words[j + 1].islower() and lowers[j + 1] not in FUNCTION_WORDS:
                return checked(view, j, end)  # "claimed to have no memory of ..."
            if cue.lemma in OBJECT_TO_BE and object_to_be(view, j, end):
                return checked(view, j, end)  # "declared the outbreak to be a pandemic"
            if cue.lemma in _GERUND_OBJECT and gerund_at(view, j, end):
                # "reported finding 328 more emails", "recalled going to conventions": up to a comma
                return checked(view, j, next((t for t in range(j, end) if words[t] == ","), end))
        if cue.lemma not in ZERO_THAT:
            return None
        if i < end and words[i] not in OPEN_MARKS and (
            # "..., said he ..." is an inverted frame; "..., saying they infringe ..." never is
            (lowers[i] in CLAUSE_START and not (after_comma and lowers[i] in SUBJECT_PRONOUNS and not aux_within(lowers, i + 1, end, 1)
                                                 and not lowers[cue.start].endswith("ing")))
            or (words[i][:1].isupper() and not after_comma)
            or (lowers[i] not in NO_CLAUSE_START and aux_within(lowers, i + 1, end, 4))
            or (cue.lemma in _NOUN_SUBJECT_VERBS and not after_comma and noun_subject_clause(view, i, end))
        ):
            if i > cue.end and lowers[cue.end] == ",":
                return None
            if i > cue.end and _at_least(lowers, i - 1, end):
                i -= 1  # "said at least 30 fans were detained": a quantifier, not a preposition
            elif i > cue.end and lowers[i - 1] in OBJECT_PREPOSITIONS:
                return None  # the object of a preposition: "said on Radio North's Morning Show", "said at the start of a meeting"
            if i > cue.end and not (lowers[i] in SUBJECT_PRONOUNS or aux_within(lowers, i, end, 5)):
                return None  # "said at a Washington event"
            if cue.lemma in _ZERO_THAT_NEEDS_VERB and not clause_ahead(view, i, end):
                return None  # "reported the incident to the police"
            if (lowers[i] in DETERMINERS and not has_finite(view, i, min(end, i + 20))
                    and not ranges(seg_toks).any_within(i, end)
                    and not (cue.lemma in _NOUN_SUBJECT_VERBS and noun_subject_clause(view, i, end))):
                return None  # "argued his history of mental illness": an object, no clause
            if end - i >= 3:
                return checked(view, i, end)
        return None
    if cue.frame == "to":
        return _to_clause(view, cue, end)
    if cue.frame == "as":
        return _as_clause(view, cue, sa, end)
    if cue.frame == "accuse":
        return _accuse_clause(view, cue, sa, end)
    if cue.frame == "name":
        if cue.lemma in _REPORTS_INFINITIVE and infinitive_at(view, cue.end, end) and subject_before(view, cue):
            return checked(view, cue.end, end)  # "Trump called to ban ...", not "were called to testify"
        return named_object(view, cue, end)
    return None


def _finding_subject(view: TextView, cue: Cue) -> bool:
    """Whether a finding verb ("show", "find", "determine": frame "clause", which reports only a
    clear clause) has a subject :func:`~stance.quotations.clauses.subject_before` does not see: a
    lowercase noun or a year right before it, past adverbs and auxiliaries ("exit polling shows
    ...", "prosecutors investigating that attack have determined ...", "an analysis of elections
    going back to 1972 showed ..."), not a participle used as an adjective ("the reported ...")."""
    lowers, words = view.lowers, view.words
    if lowers[cue.start].endswith("ing"):
        return False  # "a strong showing from ...": a noun
    t = cue.start - 1
    while t > 0 and (lowers[t] in ADVERBS or lowers[t] in AUXILIARIES or (lowers[t].endswith("ly") and words[t].islower())):
        t -= 1
    w, low = words[t], lowers[t]
    if t < 0 or low in FUNCTION_WORDS or low in DETERMINERS or not (w.isdigit() or w.islower()):
        return False
    return ((w.isdigit() and len(w) == 4) or low in speaker_nouns() or low in word_set("document_nouns.txt")
            or low in _FINDING_SOURCES or (plural_s(low) and not low.endswith("ed"))
            or (t > 0 and lowers[t - 1] in _DEMONSTRATIVE_DETS and w.isalpha()))  # "the judge in that case determined"


#: demonstratives before a noun that heads (or ends) a finding verb's subject
_DEMONSTRATIVE_DETS = rule_words("finding_subject_demonstratives")


#: nouns of evidence that are a finding verb's subject with no determiner ("exit polling shows ...")
_FINDING_SOURCES = word_set("finding_sources.txt")


#: nouns of time after which "that" is a demonstrative ("that same day", "that night")
_THAT_TIME_NOUNS = time_words() | word_set("that_time_nouns.txt")


def demonstrative_that(lowers: list[str], t: int, end: int) -> bool:
    """Whether the "that" at token ``t`` is a demonstrative before a noun of time ("asked Trump
    about it that same day", "that night"), not the complementizer of a clause."""
    return t + 1 < end and lowers[t + 1] in _THAT_TIME_NOUNS


def _infinitive_end(view: TextView, i: int, end: int) -> int:
    """The end of an infinitive phrase at token ``i`` after a cue noun, which may stand inside the
    subject of the sentence: the first comma, semicolon, dash or finite verb after its verb ("his
    promise to build a wall on the border were about more than ...")."""
    for t in range(i + 2, end):
        if view.words[t] in {",", ";", ":"} or view.words[t] in DASHES or finite_at(view.lowers, t, end):
            return t
    return end


def _clause_after_quoted_fragment(view: TextView, cue: Cue, sa: int, end: int) -> tuple[int, int] | None:
    """The clause after a cue that follows a quoted fragment in its subject ('Ruiz, who calls the
    mayor a "crook," said he will run', 'Ana Ruiz, host of "Morning Talk," suggested the city's
    refusal to pay could ...'): the sentence opens with no quotation mark, and after the cue comes
    a subject pronoun and a finite verb, or a lowercase noun phrase (no determiner: '"...," said the
    mayor, who ...' is an inverted frame) and a clause; None otherwise ('"...," said Moon')."""
    lowers, words = view.lowers, view.words
    if words[sa] in OPEN_MARKS or cue.end >= end or lowers[cue.start].endswith("ing"):
        return None
    i = cue.end
    if lowers[i] == "that":
        return checked(view, i + 1, end)
    if lowers[i] in SUBJECT_PRONOUNS and words[i] != "I" and lowers[i] != "you":
        return checked(view, i, end) if clause_ahead(view, i, end) else None
    if (words[i].isalpha() and words[i].islower() and lowers[i] not in DETERMINERS and lowers[i] not in FUNCTION_WORDS
            and lowers[i] not in NO_CLAUSE_START and clause_ahead(view, i, end)):
        return checked(view, i, end)
    return None


#: longest aside set off by dashes or commas between a reporting verb and its "that", in tokens
_ASIDE_REACH = 16


def _that_after_aside(view: TextView, cue: Cue, end: int) -> tuple[int, int] | None:
    """The that-clause after an aside set off by two dashes or two commas right after the verb (an
    adverb before it allowed): "said — in a radio interview, as it turned out — that the bridge ...",
    "argued firmly - turning to the council several times - that ...", "said, twice, that the team ...";
    None when there is no such aside."""
    lowers, words = view.lowers, view.words
    i = cue.end
    while i < end and lowers[i].endswith("ly") and words[i].islower():
        i += 1
    if i >= end or not (words[i] in DASHES or words[i] == ","):
        return None
    mark = words[i]
    for t in range(i + 2, min(end - 1, i + _ASIDE_REACH)):
        w = words[t]
        if w in OPEN_MARKS or w in CLOSE_MARKS or w in {";", ":", "."}:
            return None
        if (w == mark or (mark in DASHES and w in DASHES)) and lowers[t + 1] == "that":
            return checked(view, t + 2, end)
        if mark == "," and w == ",":
            return None  # a second comma not before "that": no aside of this shape
    return None


def _at_least(lowers: list[str], i: int, end: int) -> bool:
    """Token ``i`` opens "at least"/"at most", a quantifier of the clause's subject ("said at least
    30 fans were detained"), not a preposition."""
    return lowers[i] == "at" and i + 1 < end and lowers[i + 1] in {"least", "most"}


def _agentless_passive(view: TextView, cue: Cue, end: int, floor: int, *, skip_ly: bool = False,
                       auxiliaries: frozenset[str] = BE_FORMS) -> bool:
    """The cue is a passive participle with no agent named ("households were asked to ...", "he was
    also accused of ..."): one of ``auxiliaries`` before it (skipping adverbs, and with ``skip_ly``
    lowercase "-ly" words, down to token ``floor``), the cue not an "-ing" form, and no "by" after
    it before ``end``."""
    lowers, words = view.lowers, view.words
    k = cue.start - 1
    while k > floor and (lowers[k] in ADVERBS or (skip_ly and lowers[k].endswith("ly") and words[k].islower())):
        k -= 1
    return lowers[k] in auxiliaries and not lowers[cue.start].endswith("ing") and "by" not in lowers[cue.end:end]


def _to_clause(view: TextView, cue: Cue, end: int) -> tuple[int, int] | None:
    """:func:`reported_clause` for a verb with an addressee and an infinitive or a that-clause
    ("urged them to leave", "told them that ..."; an "ask"'s indirect question,
    :func:`~stance.quotations.complements.asked_question`); None after "when" ("when asked
    whether ...")."""
    lowers, words = view.lowers, view.words
    i = cue.end
    if lowers[cue.start - 1] == "when":
        return None  # "when asked whether ...": the speaker is asked
    if cue.lemma in ADDRESSEE_INFINITIVE or cue.lemma in DIRECT_COMPLEMENT:
        return tagged_infinitive(view, cue, end)
    question = asked_question(view, cue, end)
    if question is not None:
        return question
    if _agentless_passive(view, cue, end, 0, skip_ly=True, auxiliaries=PASSIVE_AUXILIARIES):
        return None  # a passive with no asker named: "households were asked to place a red flag"
    for t in range(i, min(i + 8, end)):
        if (lowers[t] == "to" and t + 1 < end and lowers[t + 1].isalpha() and words[t + 1][:1].islower()
                and lowers[t + 1] not in FUNCTION_WORDS):  # "urged them to leave", not "to the court"
            return checked(view, t, end)
        if lowers[t] == "that" and not (t > i and demonstrative_that(lowers, t, end)):
            return checked(view, t + 1, end)
    return None


#: words after "as" that make it a comparison ("as well", "as soon as", "as long as"), not a frame
_AS_COMPARED = rule_words("as_compared_words")


def _as_clause(view: TextView, cue: Cue, sa: int, end: int) -> tuple[int, int] | None:
    """:func:`reported_clause` for an "as" verb ("described the plan as a disaster"; "what she
    described as ...", :func:`~stance.quotations.complements.extracted_as_complement`); None for a
    passive or a participle with no subject, or an "as" that opens a clause."""
    lowers = view.lowers
    i = cue.end
    extracted_as = extracted_as_complement(view, cue, sa, end)
    if extracted_as is not None:
        return extracted_as  # "what she described as ..."
    if i < end and lowers[i] == "as" and (lowers[cue.start - 1] in {",", "been", "being"} or lowers[cue.start - 1] in BE_FORMS
                                          or not subject_before(view, cue)):
        return None  # no object and no subject: a passive or a participle ("is often described as
        # ...", "the candidates most often described as ...", "Ruiz, described as ..."): no speaker
    if cue.lemma in ADDRESSEE_INFINITIVE and (
            i >= end or lowers[i] == "as" or lowers[cue.start - 1] in PASSIVE_AUXILIARIES):
        return None  # "was identified as Ana Ruiz": a passive, no object
    for t in range(i, min(i + 10, end)):
        if lowers[t] == "as":
            if cue.lemma in ADDRESSEE_INFINITIVE and (t + 1 >= end or lowers[t + 1] in _AS_COMPARED
                                                       or clause_ahead(view, t + 1, end)):
                return None  # "cast their ballots as the sun rose": "as" opens a clause
            return checked(view, i, end)
    return None


def _accuse_clause(view: TextView, cue: Cue, sa: int, end: int) -> tuple[int, int] | None:
    """:func:`reported_clause` for an accusing verb: the "-ing" clause after "of"/"for" ("accused
    him of lying"); None for a passive charge with no accuser named."""
    lowers = view.lowers
    i = cue.end
    if _agentless_passive(view, cue, end, sa):
        return None  # "He was also accused of defrauding clients": a charge with no accuser named
    for t in _accused_of_at(view, i, end):
        g = t + 1
        while g < end and (lowers[g] in _GERUND_NEGATORS or lowers[g] in ADVERBS or (lowers[g].endswith("ly") and view.words[g].islower())):
            g += 1  # "blasted the agency for not directly warning ...", "criticized him for once holding ..."
        if g < end and lowers[g].endswith("ing"):
            return checked(view, t + 1, end)
    return None


#: prepositions that open an accusing (or crediting) verb's charge ("accused him of ...", "blamed
#: them for ...", "credited her with ...")
_CHARGE_PREPOSITIONS = rule_words("charge_preps")
#: longest appositive on an accusing verb's object before "of"/"for", in tokens
_ACCUSED_APPOSITIVE = 12


def _accused_of_at(view: TextView, i: int, end: int) -> list[int]:
    """The tokens of "of"/"for" that may open the charge after an accusing verb ending at token
    ``i``: within eight tokens, or right after an appositive set off by commas on the object
    ("accused Cruz, the senator from Texas, of being ...")."""
    lowers, words = view.lowers, view.words
    out = [t for t in range(i, min(i + 8, end)) if lowers[t] in _CHARGE_PREPOSITIONS]
    c1 = next((t for t in range(i + 1, min(i + 8, end)) if words[t] == ","), None)
    if c1 is not None:
        c2 = next((t for t in range(c1 + 1, min(c1 + 1 + _ACCUSED_APPOSITIVE, end)) if words[t] == ","), None)
        if c2 is not None and c2 + 1 < end and lowers[c2 + 1] in _CHARGE_PREPOSITIONS:
            out.append(c2 + 1)
    return out


#: negators that may stand before an accusing verb's gerund ("for not arming", "of never paying")
_GERUND_NEGATORS = rule_words("gerund_negators")


#: zero-"that" verbs whose clause may open with a plain noun phrase and a present-tense verb
#: ("said people misunderstand Trump", "said the place prides itself on ...")
_NOUN_SUBJECT_VERBS = rule_words("noun_subject_verbs")


#: reporting verbs that take a quotation or a that-clause but never a clause without "that"
_NO_ZERO_THAT = reporting_verbs_with("no-zero-that")


#: verbs that also report their subject's infinitive ("claimed to have no memory of ...")
_REPORTS_INFINITIVE = reporting_verbs_with("infinitive")


#: "say" verbs that also report a gerund after their object and "for" ("blasted X for closing ...")
_ACCUSES_TOO = reporting_verbs_with("accuse")


#: words before a frame that make a "that" after it a result clause, not content ("Trump is so
#: reckless, the vice president said, that ...")
_RESULT_SO = rule_words("result_so")

#: verbs that also report a gerund object ("reported finding 328 more emails")
_GERUND_OBJECT = reporting_verbs_with("gerund")


def _quoted_content_end(view: TextView, sa: int, comma: int) -> int:
    """End of fronted content before the frame's ``comma``: the quotation mark closing after a
    comma where the speaker's frame carries an appositive ('Lee “is tapping into it,” Dana Roe, a
    Lee supporter, told ...': the content ends at the mark, not at the appositive's comma)."""
    for m in range(comma - 1, max(sa, comma - 11), -1):
        if view.words[m] in CLOSE_MARKS and view.words[m - 1] == ",":
            tail = view.words[m + 1 : comma]
            if (view.words[m] == "’" or any(w in CLOSE_MARKS or w in OPEN_MARKS for w in tail)
                    or not tail or not tail[0][:1].isupper() or "," not in tail):
                return comma  # not a name with an appositive ("..., suggesting he might ...")
            return m + 1
    return comma


#: longest subject of a frame after fronted content, in tokens ("..., Algerian foreign ministry
#: spokesman Ana Maria Ruiz Garcia said")
_FRAME_SUBJECT_REACH = 10
