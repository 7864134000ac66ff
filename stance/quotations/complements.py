"""What a reporting verb takes besides a that-clause: a named object ("called him a liar"), an
infinitive of intent or addressed to someone ("vowed to ...", "urged X to ..."), an object clause,
an object "to be" ("believes it to be ...") and an object extracted before the verb ("what he
described as ...").
"""

from __future__ import annotations

from stance.quotations.clauses import addressee_ends, after_adverbials, clause_ahead, subject_before
from stance.quotations.cues import Cue
from stance.quotations.tokens import (ADVERBS, CLAUSE_START, CLOSE_MARKS, FUNCTION_WORDS, NOUN_AUXILIARIES, OPEN_MARKS, PASSIVE_AUXILIARIES,
                                      TIME_WORDS, attributive, checked, finite_at, infinitive_at, plural_s, present_s,
                                      trim_tokens)
from stance.text.lexicons import (AUXILIARIES, BE_FORMS, DETERMINERS, OBJECT_PRONOUNS, POSSESSIVE_DETERMINERS,
                                  RELATIVES, SUBJECT_PRONOUNS, WH_WORDS, reporting_verbs_with, rule_words, word_set)
from stance.text.mentions import is_adjective
from stance.text.verb_forms import is_past_form
from stance.text.view import POSSESSIVE_MARKS, TextView

#: verbs that report a clause without "that" ("he said it was over"); others need "that"
ZERO_THAT = reporting_verbs_with("zero-that")


#: objects of a naming verb that may take an unquoted complement ("called him divisive")
_NAMED_PRONOUNS = rule_words("named_pronouns")
#: longest name or description a naming verb's object spans, in tokens
_NAMED_OBJECT_REACH = 8


def named_object(view: TextView, cue: Cue, end: int) -> tuple[int, int] | None:
    """The object and unquoted complement of an active naming verb ("called him divisive", "calling
    Senate Majority Leader Mitch McConnell a liar", "called the notion of man-made warming a hoax",
    "calling them rapists"), up to a comma or the clause's end: an object pronoun, a name or "the"
    and a few words, then "a"/"an", an adjective (maybe after "very") or, after a pronoun, a plural
    noun; never a passive, a preposition ("called Nevada for Biden") or a quotation mark."""
    lowers, words = view.lowers, view.words
    if cue.start == 0 or lowers[cue.start - 1] in PASSIVE_AUXILIARIES or lowers[cue.start - 1] == "so":
        return None  # "was called ...", "the so-called ..."
    if not subject_before(view, cue):
        return None
    i = cue.end
    if i >= end:
        return None
    if lowers[i] in _NAMED_PRONOUNS:
        j = i + 1
    elif lowers[i] == "the" or words[i][:1].isupper():
        j = i + 1
        while j < end and j - i <= _NAMED_OBJECT_REACH and (words[j][:1].isupper() if lowers[i] != "the" else words[j].isalpha() and words[j].islower()
                                                           and lowers[j] not in FUNCTION_WORDS
                                                           and not (is_adjective(lowers[j]) and not lowers[j].endswith("ing")
                                                                    and not attributive(view, j, end))
                                                           or lowers[j] in {"of", "-"} and lowers[i] == "the"):
            j += 1
        if lowers[i] == "the" and j == i + 1:
            return None
    else:
        return None
    if j >= end:
        return None
    w = lowers[j]
    if w in {"a", "an"}:
        ok = j + 1 < end and words[j + 1].isalpha() and words[j + 1].islower()
    else:
        k = j + 1 if w == "very" else j
        nxt = lowers[k + 1] if k + 1 < end else ""
        # a predicative adjective ("divisive and ...", "unfit for ..."), not one before a noun
        # ("called Iowa Republican primary voters"); after a pronoun also a plural noun ("them rapists")
        predicative = nxt in {"", ",", ";", ":", ".", "and", "or", "but", "for", "to", "in", "on", "because", "after", "when", "while"}
        ok = k < end and words[k].islower() and lowers[k] not in FUNCTION_WORDS and not lowers[k].endswith("ed") and (
            (is_adjective(lowers[k]) and predicative) or (k == j and lowers[i] in _NAMED_PRONOUNS - {"her", "this"} and plural_s(lowers[k])))
    if not ok:
        return None
    e = next((t for t in range(j, end) if words[t] in {",", ";", ":"} or words[t] in OPEN_MARKS or (lowers[t] == "and" and t + 1 < end and finite_at(lowers, t + 1, end, weak=True))), end)
    if any(words[t] in OPEN_MARKS or words[t] in CLOSE_MARKS for t in range(i, e + 1 if e < end else e)):
        return None  # 'called her actions "extremely careless"': the quoted words are the quotation
    a, b = trim_tokens(view, i, e)
    return (a, b) if b - a >= 2 else None  # "him divisive": two words are enough here


#: nouns of intent whose infinitive a reporting verb reports ("stated her intention to ...")
_INTENT_NOUNS = word_set("intent_nouns.txt")


def intent_infinitive(view: TextView, cue: Cue, end: int) -> tuple[int, int] | None:
    """The infinitive of a noun of intent right after the cue, maybe after a possessive: "stated
    her intention to endorse a rival", "announced plans to leave the market", "declared intent to
    impose stricter sentences" (a noun with a content clause, ANNOTATION.md rule 1)."""
    lowers = view.lowers
    i = cue.end
    if i < end and lowers[i] in POSSESSIVE_DETERMINERS:
        i += 1
    if i + 1 < end and lowers[i] in _INTENT_NOUNS and infinitive_at(view, i + 1, end):
        return checked(view, i + 1, end)
    return None


#: "to" and "as" verbs that report only after an object, in the active voice ("encouraged allies
#: to ...", "dismissed the claim as groundless")
ADDRESSEE_INFINITIVE = reporting_verbs_with("addressee")
#: "to" verbs whose infinitive or that-clause follows at once ("proposed to ...", "requested that ...")
DIRECT_COMPLEMENT = reporting_verbs_with("direct")
#: prepositions that end an addressee before an infinitive could follow
_OBJECT_BREAKERS = rule_words("object_breakers")
#: longest words between an addressee and its infinitive ("allies such as Germany to ...")
_ADDRESSEE_REACH = 4


def tagged_infinitive(view: TextView, cue: Cue, end: int) -> tuple[int, int] | None:
    """The infinitive or that-clause of a "to" verb tagged ``addressee`` (after an object, in the
    active voice: "invited the countries to open dialogue", "pressured the board to oust ...") or
    ``direct`` (right after the verb: "proposed to set limits", "requested that the fires be
    added ...")."""
    lowers = view.lowers
    i = cue.end
    if cue.lemma in DIRECT_COMPLEMENT:
        if i < end and lowers[i] == "that":
            return checked(view, i + 1, end)
        return checked(view, i, end) if infinitive_at(view, i, end) else None
    if not lowers[cue.start].endswith("ing") and lowers[cue.start - 1] in PASSIVE_AUXILIARIES:
        return None  # a passive: the addressee is the subject
    ends = addressee_ends(view, i, end)
    first = ends[0] if ends else i + 1  # an object of a few words: "commercial entities to ..."
    for t in range(first, min(end, first + _ADDRESSEE_REACH + 1)):
        if view.words[t] in {",", ";", ":", "."} or view.words[t] in OPEN_MARKS or lowers[t] in _OBJECT_BREAKERS:
            break  # "encourage exports from toys to jumbo jets": "to" of a prepositional phrase
        if infinitive_at(view, t, end):
            return checked(view, t, end)
    return None


#: speech verbs whose infinitive reports a clause ("went on to say that ...", "continued to say he ...")
_SPEECH_INFINITIVES = rule_words("speech_infinitives")
#: words before "to" after which any reporting verb's infinitive reports its that-clause
_SPEECH_INFINITIVE_HEADS = word_set("speech_infinitive_heads.txt")
#: verbs before "to" whose infinitive reports nothing ("declined to say whether ...")
_REFUSALS = rule_words("refusals")


def speech_infinitive(view: TextView, cue: Cue) -> bool:
    """Whether "to CUE" is a speech verb's infinitive that reports its clause: "say", "tell",
    "argue" or "claim" after "to", not after a refusal ("declined to say"), with "that" or
    (for "say") a clause's first word right after it, not a question word ("too early to say
    whether ..."); any reporting verb's after an aspect, attempt or manner word
    (``speech_infinitive_heads.txt``: "continued to warn that", "was quick to point out that"),
    with "that" right after it or after its addressee, and a describing verb's ("attempted to
    portray her as ...", "sought to characterize X as ...")."""
    lowers = view.lowers
    if cue.start < 2 or lowers[cue.start - 2] in _REFUSALS:
        return False
    nxt = lowers[cue.end] if cue.end < view.n else ""
    if cue.lemma not in _SPEECH_INFINITIVES:
        if lowers[cue.start - 2] not in _SPEECH_INFINITIVE_HEADS or cue.frame not in ("say", "obj", "as"):
            return False
        if cue.frame == "as":
            return True  # "sought to portray her as ...": the "as" rule reads the rest
        return nxt == "that" or (cue.frame == "obj" and any(lowers[j] == "that" for j in addressee_ends(view, cue.end, view.n)[:1]))
    if cue.frame == "obj":
        return any(lowers[j] == "that" for j in addressee_ends(view, cue.end, view.n)[:1])
    return nxt == "that" or (cue.lemma == "say" and nxt not in WH_WORDS and nxt not in {"whether", "if"}
                             and (nxt in SUBJECT_PRONOUNS or nxt in CLAUSE_START))


#: verbs that report an indirect question after their addressee ("asked the students if ...")
_QUESTION_VERBS = rule_words("question_verbs")
#: askers whose questions are the journalist's own, which no quotation reports (ANNOTATION.md rule 1)
_JOURNALISTS = word_set("journalist_nouns.txt")


def asked_question(view: TextView, cue: Cue, end: int) -> tuple[int, int] | None:
    """The indirect question an active "ask" reports after its addressee: "asked Clinton if Trump
    benefits from ...", "asked the U.S. attorney in D.C. whether Clinton committed perjury" (the
    clause after "if"/"whether"); not a passive ("was asked whether ...": the asker is no subject)."""
    lowers = view.lowers
    if cue.lemma not in _QUESTION_VERBS or lowers[cue.start - 1] in PASSIVE_AUXILIARIES:
        return None
    sa = view.sent_bounds(view.sent_of[cue.start])[0]
    if any(w in _JOURNALISTS for w in lowers[max(sa, cue.start - 6) : cue.start]):
        return None  # "Wikinews asked X if ...", "an NBC reporter asked ...": the journalist's question (not annotated)
    for j in addressee_ends(view, cue.end, end):
        k = j
        while k < end and k - j <= 4 and lowers[k] not in {"if", "whether"} and (lowers[k] in TIME_WORDS or lowers[k] in {"in", "of", "at", "the"}
                                                                                 or view.words[k][:1].isupper()):
            k += 1  # "the U.S. attorney in D.C. whether", "Clinton Friday whether"
        if k < end and lowers[k] in {"if", "whether"}:
            return checked(view, k + 1, end)
    return None


def object_clause(view: TextView, cue: Cue, end: int) -> tuple[int, int] | None:
    """The clause of a verb with an addressee, without "that": "told reporters she would
    resign", "told the Military Times the attack began at 7:45" (the addressee is skipped),
    "advised residents to stay indoors" (an infinitive), "warned the delay could hurt
    security" (no addressee)."""
    lowers, words = view.lowers, view.words
    ends = addressee_ends(view, cue.end, end)
    for j in ends:
        k = j
        while k < end and lowers[k] in TIME_WORDS:
            k += 1
        if clause_ahead(view, k, end):
            return checked(view, k, end)
        a = after_adverbials(view, j, end) if j < end else j  # "told reporters on Thursday he viewed ..."
        if a > k and words[a - 1] != "," and clause_ahead(view, a, end):
            return checked(view, a, end)
        if (k + 1 < end and words[k] == "," and k > cue.end and words[k - 1][:1].isupper()
                and lowers[k + 1] not in POSSESSIVE_DETERMINERS and clause_ahead(view, k + 1, end)):
            return checked(view, k + 1, end)  # a comma after a named addressee: "told CNN, neighbors tried ..."
    # an infinitive after the addressee: "advised residents to leave", "warned him not to go"
    for t in range(cue.end, min(cue.end + 8, end - 1)):
        if words[t] in {",", ";", ":"} or words[t] in OPEN_MARKS or lowers[t] in {"of", "about"}:
            break  # "reminded voters of his plan to ...", "told of being forced to ..."
        nxt = lowers[t + 1]
        if t > cue.end and lowers[t] == "to" and nxt.isalpha() and words[t + 1].islower() and nxt not in FUNCTION_WORDS:
            return checked(view, t - 1 if lowers[t - 1] == "not" else t, end)
    # no addressee: "warned the delay could hurt ..."
    if (cue.lemma != "tell" and cue.end < end and (lowers[cue.end] in DETERMINERS or words[cue.end][:1].isupper())
            and subject_before(view, cue) and clause_ahead(view, cue.end, end)):
        return checked(view, cue.end, end)
    return None


def addressed_subject(view: TextView, cue: Cue, sa: int) -> bool:
    """Whether the cue's subject is the one addressed, "you" or "your ..." before it (auxiliaries
    and adverbs between: "How would you describe ...", "Your release mentioned ..."): in a news text
    outside quotation marks, an interviewer's words, which no quotation reports (ANNOTATION.md:
    questions put by the journalist are not annotated)."""
    lowers = view.lowers
    t = cue.start - 1
    while t > sa and (lowers[t] in AUXILIARIES or lowers[t] in ADVERBS or lowers[t] == "not"):
        t -= 1
    if lowers[t] == "you":
        return True
    return any(lowers[k] == "your" for k in range(max(sa, t - 2), t))


#: verbs that report an object with "to be" ("declared the outbreak to be a pandemic")
OBJECT_TO_BE = word_set("object_to_be_verbs.txt")


def object_to_be(view: TextView, i: int, end: int, reach: int = 25) -> bool:
    """Tokens from ``i`` are an object and "to be" with a complement that is not a passive
    participle: "the outbreak, which causes the disease, to be a pandemic", "Hamza bin Laden to
    be dead", "them to be mercenaries"; not "the plan to be implemented"."""
    lowers, words = view.lowers, view.words
    if i >= end or not (lowers[i] in DETERMINERS or lowers[i] in OBJECT_PRONOUNS or words[i][:1].isupper()):
        return False
    for t in range(i + 1, min(end - 2, i + reach)):
        w = lowers[t]
        if w in {";", ":", "that", "."} or words[t] in OPEN_MARKS:
            return False
        if w == "to" and lowers[t + 1] == "be":
            nxt = lowers[t + 2]
            return nxt.isalpha() and not is_past_form(nxt, min_len=0) and nxt not in FUNCTION_WORDS - DETERMINERS
    return False


_WHAT = frozenset({"what"})
#: naming verbs whose object a free relative extracts ("what he called the worst crisis")
_EXTRACTED_NAMING = rule_words("extracted_naming_verbs")


def extracted_object(view: TextView, cue: Cue, sa: int, end: int) -> tuple[int, int] | None:
    """What a cue reports when its object is extracted: after "what X said" a verb phrase ("what
    she said is growing demand", "what analysts say was a sign of ..."); after "what X called" (or
    "declared") a noun phrase ("what he called the worst crisis in years", ANNOTATION.md rule
    1); after a subject with no relative pronoun, a modal or an auxiliary right after the cue ("a
    dynamic Greenberg said could drive moderates away"). The content ends at a comma."""
    lowers, words = view.lowers, view.words
    nxt = lowers[cue.end]
    zero_relative = cue.lemma == "say" and nxt in AUXILIARIES
    if not zero_relative and "what" not in lowers[max(sa, cue.start - 7) : cue.start]:
        return None  # the common case, decided at once
    rel = relative_subject(view, cue, sa, relatives=_WHAT)
    e = next((t for t in range(cue.end, end) if words[t] == ","), end)
    if rel is not None:
        if cue.lemma in ZERO_THAT and not lowers[cue.start].endswith("ing") and (
                finite_at(lowers, cue.end, end, weak=True) or present_s(view, cue.end)):
            return checked(view, cue.end, e)
        if ((cue.frame == "name" or cue.lemma in _EXTRACTED_NAMING) and nxt not in FUNCTION_WORDS - DETERMINERS
                and lowers[cue.start - 1] not in BE_FORMS  # "what are called progressive taxes": no speaker
                and nxt.isalpha() and words[cue.end] not in OPEN_MARKS and not any(words[t] in {"(", ")"} for t in range(cue.end, e))):
            a, b = trim_tokens(view, cue.end, e)
            return (a, b) if b - a >= 2 else None  # "what he calls political correctness": two words are enough
        return None
    if (zero_relative and nxt not in NOUN_AUXILIARIES and not nxt.startswith(("do", "did"))
            and lowers[cue.start - 1] not in {"has", "have", "had"}
            and subject_before(view, cue) and relative_subject(view, cue, sa) is None
            and lowers[cue.start - 1] not in SUBJECT_PRONOUNS):
        return checked(view, cue.end, e)
    return None


#: relative pronouns an "as" verb's object is extracted by ("what she described as ...")
_AS_RELATIVES = rule_words("as_relatives")


#: adverbs of frequency or extent without "-ly" that may stand before a naming verb ("often
#: described as", "widely seen as")
_FREQUENCY_ADVERBS = rule_words("frequency_adverbs")


def extracted_as_complement(view: TextView, cue: Cue, sa: int, end: int) -> tuple[int, int] | None:
    """The complement of an "as" verb whose object a relative pronoun before its subject extracts:
    "what she described as post-election resources", "which friends described as miserable",
    "whom he described as 'volatile'" (ANNOTATION.md rule 1, *described X as Y*, with X the
    relative's antecedent): the words after "as", up to a comma, a dash, a semicolon or the
    clause's end."""
    lowers, words = view.lowers, view.words
    i = cue.end
    k = cue.start - 1
    while k > sa and (lowers[k] in ADVERBS or lowers[k] in _FREQUENCY_ADVERBS or lowers[k].endswith("ly")):
        k -= 1
    if i + 1 >= end or lowers[i] != "as" or lowers[k] in BE_FORMS:
        return None  # "what has been described as ...", "what is often described as ...": a passive, no speaker
    if relative_subject(view, cue, sa, relatives=_AS_RELATIVES) is None:
        return None
    e = next((t for t in range(i + 1, end) if words[t] in {",", ";", ":"} or words[t] in _DASH_MARKS), end)
    a, b = trim_tokens(view, i + 1, e)
    return (a, b) if b > a else None  # one word is enough: "which friends described as miserable"


#: dashes that close an extracted complement ("— which the paper described as unusual —")
_DASH_MARKS = frozenset({"—", "–", "--"})


def relative_subject(view: TextView, cue: Cue, sa: int, relatives: frozenset[str] = frozenset({"which", "who", "that"})) -> int | None:
    """The token of the relative pronoun the cue's subject follows ("which NASA said", "which his
    wife Bernadette said", "which they've said"): the reported clause is the relative clause's own
    verb phrase. None when there is none."""
    lowers = view.lowers
    k = cue.start - 1
    while k > sa and lowers[k] in {"has", "have", "had", "'ve", "’ve", "also", "previously", "earlier"}:
        k -= 1
    n = 0
    while k > sa and n < 5 and lowers[k] not in RELATIVES and lowers[k] not in relatives and view.words[k].isalpha() or lowers[k] in POSSESSIVE_MARKS:
        k -= 1
        n += 1
    return k if k >= sa and n >= 1 and lowers[k] in relatives else None
