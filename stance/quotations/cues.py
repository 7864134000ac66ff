"""Reporting cues: verbs and phrases of the lexicon in ``data/reporting_verbs.tsv``, in all
inflections, found by one dictionary look-up per token."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from stance.quotations.tokens import FUNCTION_WORDS, QUOTE_MARKS, finite_at, infinitive_at, plural_s
from stance.text.lexicons import (AUXILIARIES, DETERMINERS, LONE_QUANTIFIERS, OBJECT_PRONOUNS, SUBJECT_PRONOUNS,
                                  cue_lexicon, rule_words, tagged_words, time_words, word_set)
from stance.text.positions import positions_of
from stance.text.verb_forms import is_ed_form
from stance.text.view import POSSESSIVE_MARKS, TextView

# Words before a cue that make it a noun or adjective ("a phone call", "the said document"); a
# quantifier only before a noun-ish form ("some reports"): before a plain verb form it is the subject
_NOMINAL_BEFORE = DETERMINERS | word_set("cue_noun_markers.txt")
# Cue forms that are far more often nouns; they count only with a clear verb context.
NOUNISH = word_set("nounish_cues.tsv")
#: noun-ish cue forms whose "that" is a relative pronoun or the noun's own clause, not a verb's
_RELATIVE_THAT_NOUNS = tagged_words("nounish_cues.tsv", "relative-that")
#: prepositions after which a noun-ish cue form is a noun ("in order for", "in reports")
_PREPOSITIONS_BEFORE_NOUNS = rule_words("prepositions_before_nouns")
#: words ending in "s" that are no plural subject
_NOT_PLURAL = word_set("not_plurals.txt")
#: words after a noun-ish form that make it a noun ("claims of fraud", "reports about ...")
_NOUN_FOLLOWERS = rule_words("noun_followers")


@dataclass(frozen=True)
class Cue:
    """A reporting cue: tokens ``[start, end)``, its lemma and its frame (say, to, obj, name, as,
    accuse, according, clause, noun)."""

    start: int
    end: int
    lemma: str
    frame: str


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict, dict, frozenset[str], frozenset[str], dict[str, str]]:
    """(verbs, phrases, first words of phrases, every word that may start a cue, cue nouns and
    their plurals -> the noun)."""
    lex = cue_lexicon()
    first_words = frozenset(p[0] for p in lex.phrases)
    nouns = {n: n for n in lex.nouns} | {n + "s": n for n in lex.nouns}
    return lex.verbs, lex.phrases, first_words, first_words | frozenset(lex.verbs) | frozenset(nouns) | _READ_FORMS, nouns


def find_cues(view: TextView) -> list[Cue]:
    """All reporting cues of the document, in order."""
    verbs, phrases, first_words, starters, nouns = _lexicon()
    lowers = view.lowers
    out: list[Cue] = []
    nxt = 0  # the first token not inside a cue found before
    # only tokens that may start a cue (one set look-up per token)
    for i in positions_of(lowers, starters):
        if i < nxt:
            continue
        w = lowers[i]
        if w in first_words:
            hit = None
            for length in (3, 2):
                key = tuple(lowers[i : i + length])
                if key in phrases:
                    hit = (len(key), phrases[key])  # shorter at the end of the text
                    break
            if hit is not None:
                length, (lemma, frame) = hit
                out.append(Cue(i, i + length, lemma, frame))
                nxt = i + length
                continue
        entry = verbs.get(w)
        if entry is not None:
            prev = lowers[i - 1] if i > 0 else ""
            # a hyphenated compound is an adjective: "so-called", "long-promised"
            hyphenated = prev == "-" and view.starts[i] == view.ends[i - 1]
            # a noun-ish form after a preposition is a noun: "in order for", "in reports"
            nounish = w in NOUNISH and (prev in _PREPOSITIONS_BEFORE_NOUNS or not _verb_context(view, i))
            quantifier_subject = prev in LONE_QUANTIFIERS and w not in NOUNISH and not (prev == "all" and w == "told")
            if (prev not in _NOMINAL_BEFORE or quantifier_subject) and not hyphenated and not nounish:
                # a capitalised cue mid-sentence is part of a name ("Washington Post")
                if not (view.words[i][:1].isupper() and i > 0 and view.sent_of[i - 1] == view.sent_of[i]):
                    out.append(Cue(i, i + 1, entry[0], entry[1]))
                    continue
        if w in _READ_FORMS and document_reads(view, i):
            out.append(Cue(i, i + 1, "read", "say"))
            continue
        # a cue noun with its clause: "the claim that ...", "allegations that ...", "his promise to ..."
        if w in nouns and i + 1 < len(lowers) and (lowers[i + 1] == "that" or content_without_that(view, i)
                                                   or noun_infinitive(view, i, nouns[w]) or agent_then_that(view, i) is not None):
            out.append(Cue(i, i + 1, nouns[w], "noun"))
    return out


#: cue nouns that also report an infinitive after them ("his promise to build a wall")
_INFINITIVE_NOUNS = tagged_words("cue_nouns.tsv", "infinitive")
#: cue nouns that report the infinitive after them only after a possessive owner ("his call to ban ...")
_OWNED_INFINITIVE_NOUNS = tagged_words("cue_nouns.tsv", "owned-infinitive")
#: words before a cue noun that make it a determined noun with an owner or a determiner
_NOUN_OWNERS = DETERMINERS | POSSESSIVE_MARKS  # the determiners hold the possessive ones
#: words that may stand between the determiner and the cue noun ("his oft-stated promise")
_NOUN_MODIFIER_REACH = 2


def noun_infinitive(view: TextView, i: int, lemma: str) -> bool:
    """Whether the cue noun at token ``i`` (lemma ``lemma``, tagged ``infinitive`` in
    ``cue_nouns.tsv``) reports the infinitive after it: "to" and a verb's base form follow, and a
    determiner or a possessive stands before it, up to two lowercase modifiers between ("his
    promise to build a wall", "Trump's claim to understand ...", "a previous pledge to remain
    neutral"; not the verb: "you promise to offer")."""
    if lemma in _OWNED_INFINITIVE_NOUNS:
        return infinitive_at(view, i + 1, view.n) and noun_cue_owner(view, i) is not None
    if lemma not in _INFINITIVE_NOUNS or not infinitive_at(view, i + 1, view.n):
        return False
    t = _determiner_before(view, i)
    return t is not None


def _determiner_before(view: TextView, i: int) -> int | None:
    """The determiner or possessive before the noun at token ``i`` (up to two lowercase modifiers
    between: "his oft-stated promise", "a previous pledge"), or None."""
    lowers, words = view.lowers, view.words
    t = i - 1
    while t >= 0 and i - t <= _NOUN_MODIFIER_REACH and words[t].islower() and lowers[t] not in _NOUN_OWNERS and lowers[t].replace("-", "").isalpha() \
            and lowers[t] not in AUXILIARIES and lowers[t] not in SUBJECT_PRONOUNS and lowers[t] not in {"to", "and", "or"}:
        t -= 1
    return t if t >= 0 and lowers[t] in _NOUN_OWNERS else None


#: possessive determiners that name a cue noun's owner ("his promise to ...")
_POSSESSIVE_PRONOUNS = rule_words("cue_noun_possessives")


def noun_cue_owner(view: TextView, i: int) -> int | None:
    """The possessive before the cue noun at token ``i`` ("Trump's claim that ...", "his promise
    to ..."): the token of "'s" or of the possessive pronoun; the
    owner is the one who claims or promises. None for another word or no owner."""
    if view.lowers[i] not in _lexicon()[4]:
        return None
    t = _determiner_before(view, i)
    if t is None or not (view.lowers[t] in _POSSESSIVE_PRONOUNS or (view.lowers[t] in POSSESSIVE_MARKS and t > 0)):
        return None
    return t


#: prepositions of a cue noun's agent before its content clause ("claims by X that ...")
_AGENT_PREPOSITIONS = rule_words("cue_noun_agent_preps")
#: longest agent between a cue noun and its "that", in tokens
_AGENT_REACH = 10


def agent_then_that(view: TextView, i: int) -> int | None:
    """The token of the "that" opening the content clause of the cue noun at token ``i`` after
    its agent: "by" or "from" and a short phrase (commas of an appositive allowed, no verb, stop
    or quotation mark) right after the noun ("claims by intelligence agencies that ...", "an
    allegation from his first wife, Ana Roe, that ...", "a statement by actor John Doe that
    ..."); None otherwise (not "attacks from his rivals -- so much so that ...")."""
    lowers, words = view.lowers, view.words
    if i + 3 >= view.n or lowers[i + 1] not in _AGENT_PREPOSITIONS:
        return None
    for t in range(i + 2, min(view.n - 1, i + 2 + _AGENT_REACH)):
        w = lowers[t]
        if w == "that":
            return t if t > i + 2 and lowers[t - 1] not in {"so", "such", "and", "but", "or"} else None
        if w in QUOTE_MARKS or w in AUXILIARIES or finite_at(lowers, t, view.n) or not (
                w == "," or words[t].replace("-", "").replace(".", "").replace("’", "").replace("'", "").isalnum()):
            return None
    return None


#: subject pronouns that open a cue noun's content clause without "that" ("the allegation he ...")
_CONTENT_SUBJECTS = SUBJECT_PRONOUNS - {"you"}


def content_without_that(view: TextView, i: int) -> bool:
    """Whether the cue noun at token ``i`` has a content clause without "that": a subject pronoun,
    a finite verb (an auxiliary, a past form) and the start of its object (a determiner, a name,
    an object pronoun) or an infinitive: "an allegation he assaulted Neka Roe", "the accusation
    he penetrated ...", "allegations they failed to react"; not a relative clause, whose verb
    lacks its object ("promises he made to the voters", "the statement he made in April")."""
    lowers, words = view.lowers, view.words
    prev = lowers[i - 1] if i > 0 else ""
    if prev == "to" or prev in AUXILIARIES or prev in _CONTENT_SUBJECTS:
        return False  # a verb: "able to claim she had ...", "they claim he ..."
    if (i + 3 >= view.n or lowers[i + 1] not in _CONTENT_SUBJECTS or not (words[i + 1].islower() or words[i + 1] == "I")
            or not finite_at(lowers, i + 2, view.n)):
        return False  # (a capitalised "He" is a headline's: "Claims He Exaggerated His Story")
    j = i + 3
    if lowers[i + 2] in AUXILIARIES and j + 1 < view.n and is_ed_form(lowers[j]) or lowers[j] in _IRREGULAR_PARTICIPLES:
        j += 1  # "the claim he had taken the money"
    nxt = lowers[j] if j < view.n else ""
    if any(w in time_words() or w in {"previous", "last", "next"} for w in lowers[j : j + 4]):
        return False  # "statements he had made the previous night": a time phrase, not an object
    return (nxt in DETERMINERS or nxt in _OBJECT_STARTS or (words[j][:1].isupper() and words[j].isalpha())
            or infinitive_at(view, j, view.n))


#: past participles after an auxiliary in a content clause ("he had taken the money")
_IRREGULAR_PARTICIPLES = rule_words("irregular_participles")


#: object pronouns that may open the object of a content clause's verb ("it" too, not "you")
_OBJECT_STARTS = (OBJECT_PRONOUNS - {"you"}) | {"it"}


#: forms of "read" that report a document's words ("the statement reads", "read the warning")
_READ_FORMS = rule_words("read_forms")
#: tokens a document phrase after an inverted "read" may span ("reads an AEW press release")
_READ_REACH = 6


def document_reads(view: TextView, i: int) -> bool:
    """Whether "read(s)" at token ``i`` reports a document's words: a document noun
    (``document_nouns.txt``) or "it" right before it (a time word between allowed: "Stardom's
    official statement yesterday read") with a quotation mark, comma or colon right after it (or the
    sentence's end, the phrase right after a quotation: '"...," the email read.'), or,
    inverted after a quotation, a short phrase right after it ending in a document noun ('"...,"
    reads Judge Miller's statement', '"...", read the warning')."""
    lowers = view.lowers
    docs = word_set("document_nouns.txt")
    nxt = lowers[i + 1] if i + 1 < view.n else ""
    j = i - 1
    if j >= 0 and lowers[j] in time_words():
        j -= 1
    if j >= 0 and (lowers[j] in docs or lowers[j] == "it") and (nxt in {",", ":"} or nxt in QUOTE_MARKS
                                                              or nxt in _ENDS and _after_quotation(view, j)):
        return True  # ('"...," the email read.': the document phrase right after a quotation)
    prev = lowers[i - 1] if i > 0 else ""
    if prev not in {",", ";"} and prev not in QUOTE_MARKS:
        return False
    for k in range(i + 1, min(view.n, i + 1 + _READ_REACH)):
        if lowers[k] in docs:
            return True
        if not (view.words[k].isalnum() or lowers[k] in POSSESSIVE_MARKS or lowers[k] == "-"):
            return False
    return False


#: sentence ends after a document's "read" that closes a quotation ('"...," it read.') or a noun-ish
#: form that closes an inverted frame ("..., O'Keefe notes.")
_ENDS = frozenset({".", "!", "?"})
#: longest document phrase between a quotation and its "read" ("the campaign's fundraising email")
_DOC_PHRASE = 4


def _after_quotation(view: TextView, j: int) -> bool:
    """Whether the short phrase ending at token ``j`` follows a quotation's closing mark and a
    comma (or the mark alone: '"...?" the email read')."""
    for k in range(j, max(-1, j - _DOC_PHRASE - 1), -1):
        if view.lowers[k] in QUOTE_MARKS:
            return k < j and k > 0 and view.words[k - 1] in {",", "?", "!"} or view.words[k + 1] == ","
        if not (view.lowers[k].isalnum() or view.lowers[k] in POSSESSIVE_MARKS or view.lowers[k] == "-"):
            return False
    return False


#: words after which a noun is the subject of a following "-s" verb: "the poll shows ..."
_SUBJECT_DETERMINERS = rule_words("subject_determiners")


def _after_determined_noun(view: TextView, i: int, nxt: str) -> bool:
    """A noun-ish "-s" form (``claims``, ``shows``, ``finds``) is a verb after a determiner and a
    singular lowercase noun when a clause follows: "that", a determiner, a pronoun or a name ("the
    motion claims Trump's declaration is ...", "the network claims the order ...", "the poll
    shows that ..."); a noun compound is never followed by those."""
    lowers, words = view.lowers, view.words
    w = lowers[i]
    if i < 2 or not w.endswith("s") or w.endswith("ss"):
        return False
    noun, det = words[i - 1], lowers[i - 2]
    if not (noun.isalpha() and noun.islower() and not noun.endswith("s") and noun not in DETERMINERS and det in _SUBJECT_DETERMINERS):
        return False
    after = words[i + 1] if i + 1 < view.n else ""
    if nxt == "that":
        # "the poll shows that GOP moderates ...", not a relative "the game shows that aired ..."
        then = lowers[i + 2] if i + 2 < view.n else ""
        return then.isalpha() and then not in AUXILIARIES and not is_ed_form(then, min_len=0)
    return nxt in DETERMINERS or nxt in ("he", "she", "they", "it", "we") or (after[:1].isupper() and after.isalpha())


def _after_plural_noun(view: TextView, i: int, nxt: str) -> bool:
    """A noun-ish base form (``show``, ``find``, ``state``) is a verb after a lowercase plural noun
    (its subject: no plural noun modifies a singular one in a compound here) before "that", a
    clause or the end of its frame: "polls show that ...", "surveys show he ...", "..., campaign
    records show." (not "the shows that aired", "the rules that apply": "-s" forms)."""
    w, prev = view.lowers[i], view.lowers[i - 1] if i > 0 else ""
    opens = i == 1 or (i > 1 and view.sent_of[i - 1] != view.sent_of[i - 2])  # the noun opens its sentence: "Polls show ..."
    if w.endswith("s") or not plural_s(prev) or not (view.words[i - 1].islower() or opens) or prev in _NOT_PLURAL:
        return False
    return nxt in {"that", ".", ","} or (nxt.isalpha() and nxt not in _NOUN_FOLLOWERS)


#: noun-ish forms that report findings after a noun of evidence (``evidence_nouns.txt``)
_FINDING_FORMS = rule_words("finding_forms")


#: longest subject between a frame's comma and its noun-ish verb, in tokens
_FRAME_SUBJECT = 6


def _closing_frame_subject(view: TextView, i: int) -> bool:
    """Whether the noun-ish form at token ``i`` ends a sentence after a comma and a short subject
    (up to six words, the first a determiner or capitalised, the last before the verb a name or a
    lowercase singular noun) with words before the comma: the frame of fronted content ("..., the
    BBC reports.", "..., O'Keefe notes.", "..., a USA TODAY analysis shows."), not an object
    ("..., rather than challenging Trump's claims.")."""
    lowers, words = view.lowers, view.words
    sa = view.sent_bounds(view.sent_of[i])[0]
    t = i - 1
    while t > sa and i - t <= _FRAME_SUBJECT and words[t] != ",":
        if not (words[t].replace("-", "").replace("’", "").replace("'", "").replace(".", "").isalnum() or lowers[t] in POSSESSIVE_MARKS
                or words[t] == "-"):
            return False
        t -= 1
    if t <= sa + 1 or words[t] != "," or t == i - 1:
        return False
    first, last = words[t + 1], words[i - 1]
    if not (lowers[t + 1] in DETERMINERS or first[:1].isupper()):
        return False
    return last[:1].isupper() or (last.isalpha() and last.islower() and lowers[i - 1] not in FUNCTION_WORDS and not plural_s(lowers[i - 1]))


def _verb_context(view: TextView, i: int) -> bool:
    """A noun-ish cue form counts as a verb when 'that', a quotation, a comma or 'to' follows, or a
    pronoun or auxiliary precedes, or a subject precedes (a name or a plural noun: "Trump claims",
    "activists claim", "sources report") and no preposition follows."""
    lowers = view.lowers
    nxt = lowers[i + 1] if i + 1 < len(lowers) else ""
    prev = lowers[i - 1] if i > 0 else ""
    if nxt in _ENDS and _closing_frame_subject(view, i):
        return True  # "..., O'Keefe notes.", "..., a USA TODAY analysis shows."
    if _after_determined_noun(view, i, nxt):
        return True  # "the motion claims Trump's ...", "the poll shows that ..."
    if lowers[i] in _RELATIVE_THAT_NOUNS and _after_plural_noun(view, i, nxt):
        return True  # "polls show that ...", "..., campaign finance records show."
    if lowers[i] in _FINDING_FORMS and prev in word_set("evidence_nouns.txt") and (nxt == "that" or (nxt.isalpha() and nxt not in _NOUN_FOLLOWERS)):
        return True  # "a poll shows the mayor leading ...", "exit polling shows she won ...", "data show that ..."
    if nxt == "that" and lowers[i] in _RELATIVE_THAT_NOUNS:
        return False  # "rules that allow ...", "the reason that ..."
    if nxt in {"that", ",", ":", "“", '"', "''", "``", "on", "for"}:
        return True
    if prev in {"he", "she", "they", "it", "we", "i", "has", "have", "had", "will", "would", "also", "who", "and"}:
        return True
    subject = prev.isalpha() and (view.words[i - 1][:1].isupper() or (len(prev) > 3 and prev.endswith("s") and prev not in _NOT_PLURAL))
    return subject and lowers[i] not in _RELATIVE_THAT_NOUNS and nxt.isalpha() and nxt not in _NOUN_FOLLOWERS
