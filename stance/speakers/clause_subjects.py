"""Subject finding: the subject of the clause a cue belongs to, skipping introductory phrases,
subordinate clauses and sentence adverbs; the subject for a participle cue (", saying ..."); the
introducer before a colon, the speaker after a quotation, and the subject of the sentence before one.
"""

from __future__ import annotations

from stance.speakers.candidate_record import Candidate
from stance.speakers.noun_phrases import (ARTICLES, ARTICLE_TIME_LEADS, NP_STOP_LEFT, QUOTE_CHARS, SKIP_LEFT,
                                          SPEAKER_PRONOUNS, TIME_LEADS, WEEKDAYS, is_person_name, is_time_word, nouns,
                                          np_ending_at, np_starting_at, time_phrase_at)
from stance.text.entity_types import entity_lexicons
from stance.text.lexicons import SUBORDINATORS, cue_lexicon, rule_words, word_set
from stance.text.mentions import Mention, MentionIndex
from stance.text.verb_forms import is_ed_form, is_past_form
from stance.text.view import RangeIndex, TextView


def _ly_adverb(w: str) -> bool:
    """Whether the word ``w`` is an adverb in "-ly" ("specifically", "publicly"): lowercase, five
    letters or more, and no person, body or document noun ("family", "assembly")."""
    return (len(w) >= 5 and w.endswith("ly") and w.isalpha() and w.islower() and w not in nouns()[0]
            and w not in nouns()[1] and w not in word_set("document_nouns.txt"))


def skip_left(view: TextView, j: int, lo: int) -> int:
    """Token index before which the subject of a cue at ``j`` ends: auxiliaries, adverbs (those
    of ``SKIP_LEFT`` and any lowercase "-ly" word that heads no speaker phrase: "The
    proclamation specifically said", not "The family said") and a time phrase ("on Sunday",
    "yesterday") skipped."""
    while j - 1 >= lo:
        if view.lowers[j - 1] in SKIP_LEFT or _ly_adverb(view.words[j - 1]):
            j -= 1
        elif j - 2 >= lo and view.lowers[j - 2] in TIME_LEADS and time_phrase_at(view, j - 2):
            j -= 2
        elif (j - 3 >= lo and view.lowers[j - 3] in ARTICLE_TIME_LEADS and view.lowers[j - 2] in ARTICLES
              and is_time_word(view, j - 1)):
            j -= 3  # "Sanders during a Sunday thanked ...", "Ms. Ray on the Monday said ..."
        elif is_time_word(view, j - 1) and view.words[j - 1][:1].isupper() == (view.lowers[j - 1] in WEEKDAYS):
            j -= 1
        else:
            break
    return j


def _after_semicolon(view: TextView, a: int, before: int, blocked: RangeIndex | None) -> int:
    """The first token of the last clause a semicolon opens in ``[a, before)``, outside quotations
    ("...; unnamed industry experts called this dubious ..., while noting ..."), else ``a``."""
    for t in range(before - 1, a, -1):
        if view.words[t] == ";" and (blocked is None or not blocked.covers(t, t + 1)):
            return t + 1
    return a


def clause_subject(view: TextView, mentions: MentionIndex, sent: int, before: int,
                   blocked: RangeIndex | None = None) -> tuple[int, int, str] | None:
    """The first noun phrase of the sentence's main clause (after introductory phrases,
    :func:`intro_end`, whose commas are outside the quoted spans ``blocked``)."""
    a, b = view.sent_bounds(sent)
    a = _after_semicolon(view, a, min(before, b), blocked)
    k = a
    # skip a dateline "SEOUL, South Korea (AP) —" and an introductory phrase ending in a comma
    for t in range(a, min(before, b)):
        if view.words[t] in {"—", "--"} and t - a < 12:
            k = t + 1
            break
    opened = k
    k = intro_end(view, mentions, k, min(before, b), blocked)
    if _subordinate_up_to(view, opened, k, min(before, b)):
        return None
    for t in range(k, min(before, b)):
        np = np_starting_at(view, mentions, t, before)
        if np is not None:
            return np
    return None


#: first words of an introductory phrase that ends in a comma ("Hours later, X ...")
_INTRO_WORDS = rule_words("intro_words")


#: words that open a subordinate clause before a sentence's subject ("Although X ..., Y said")
_SUBORDINATORS = rule_words("subject_subordinators")
#: subordinators that open a clause with a subject of its own ("Although the board ..."), not a
#: phrase ("As a senator, ..." opens one too, but "after"/"before"/"as" also head phrases): the
#: subordinators of function_words.tsv but those that also head phrases
_CLAUSE_OPENERS = SUBORDINATORS - {"since", "when", "after", "before"}


def _subordinate_up_to(view: TextView, opened: int, k: int, before: int) -> bool:
    """Whether a subordinate clause opening at ``opened`` ("Because of how the party drew the
    map, explained Roe, ...") runs up to the comma right before ``before`` (:func:`intro_end`
    did not skip it to ``k``): the cue then comes first in the main clause, its speaker after it,
    and the subordinate clause's subject is not it (but "While he has said ..." keeps the cue
    inside the clause, whose subject speaks)."""
    return (k == opened and opened < before - 1 and view.lowers[opened] in _CLAUSE_OPENERS
            and view.words[before - 1] == ",")


#: prepositions of place after "here"/"there" opening an introductory phrase
_PLACE_PREPS = rule_words("here_there_place_preps")
#: sentence adverbs of _INTRO_WORDS: an introductory phrase only when a comma follows them
_SENTENCE_ADVERBS = rule_words("intro_sentence_adverbs")
#: longest place or time chunk between commas that is skipped after an introductory phrase
_CHUNK = 4


def _opens_intro(view: TextView, mentions: MentionIndex, k: int, first: bool) -> bool:
    """Whether an introductory phrase (ending in a comma, before the subject) starts at token
    ``k``: a subordinator or an introductory preposition, an -ly adverb ("Shortly after ..."),
    a time phrase ("Tuesday at ...") or, opening the sentence (``first``), a capitalised -ing or
    -ed participle that starts no name ("Speaking at ...", "Asked about ...", "Facing ...")."""
    low = view.lowers[k]
    if low in _SENTENCE_ADVERBS:
        return k + 1 < view.n and view.words[k + 1] == ","  # "Still, ..." (not "Yet she said ...")
    if low in _SUBORDINATORS or low in _INTRO_WORDS or time_phrase_at(view, k):
        return True
    if low in ("here", "there") and k + 1 < view.n and view.lowers[k + 1] in _PLACE_PREPS:
        return True  # "Here in Columbia, Sanders stepped up ..."
    if not ((low.endswith("ly") and len(low) > 4)
            or first and view.words[k][:1].isupper() and (low.endswith("ing") and len(low) > 5 or is_ed_form(low, min_len=4, alpha_only=False)
                                                         or low == "led")):
        return False  # neither an -ly adverb nor an opening participle (checked first: it is cheap)
    m = mentions.name_at(k, k + 1)
    if m is not None and m.start == k and not _lone_capitalised_word(view, mentions, m, first):
        return False  # a name opens the subject itself ("Italy", "Kelly")
    return not (low in nouns()[0] or low in nouns()[1] or not low.isalpha())  # not a noun ("Family members")


def _lone_capitalised_word(view: TextView, mentions: MentionIndex, m: Mention, first: bool) -> bool:
    """Whether the name ``m`` is only a capitalised sentence-opening word ("Shortly", "Hastily"):
    one token, the article's only mention of it, no given name."""
    return (first and m.end - m.start == 1 and mentions.count_of(m.canonical) <= 1
            and view.words[m.start] not in entity_lexicons().first_names)


def _place_or_time_chunk(view: TextView, mentions: MentionIndex, k: int, comma: int) -> bool:
    """Whether tokens ``[k, comma)`` are a place ("Iowa", "N.H.") or a time phrase ("on
    Sunday") continuing an introductory phrase ("In Ames, Iowa, on Sunday, ...")."""
    if comma - k > _CHUNK or comma <= k:
        return False
    if time_phrase_at(view, k):
        return True
    text = view.span_text(k, comma)
    lex = entity_lexicons()
    if text in lex.regions or text in lex.places and not lex.places[text]:
        return True
    m = mentions.name_at(k, k + 1)
    return m is not None and m.start == k and m.end == comma and m.type == "place"


def _finite_cue_form(verbs: dict, w: str) -> bool:
    """Whether the word ``w`` is an inflected, non-participle form of a reporting verb ("said",
    "warns"; not "term", "bar", "saying" or the "States" of a name)."""
    if not w.islower():
        return False
    entry = verbs.get(w)
    return entry is not None and w != entry[0] and not w.endswith("ing")


def _named_before(view: TextView, mentions: MentionIndex, t: int, lo: int) -> bool:
    """Whether a name or a personal pronoun stands right before token ``t`` (after ``lo``),
    auxiliaries and adverbs skipped ("Ted Crane said", "he has said")."""
    j = skip_left(view, t, lo + 1)
    if j - 1 <= lo:
        return False
    if view.lowers[j - 1] in SPEAKER_PRONOUNS:
        return True
    m = mentions.name_at(j - 1, j)
    return m is not None and m.end == j


def intro_end(view: TextView, mentions: MentionIndex, k: int, before: int, blocked: RangeIndex | None = None) -> int:
    """The token after the introductory phrases that open a clause at token ``k`` (before
    ``before``): each runs to a comma outside quotations ("Speaking at a town hall in Salem,",
    "On Tuesday, even as shares fell,"); a place or a time phrase between commas that follows one
    is skipped too ("At a rally in Ames, Iowa, on Sunday, Mrs. Clinton said"). ``k`` when no
    introductory phrase opens the clause."""
    first = True
    verbs = cue_lexicon().verbs
    while k < before and _opens_intro(view, mentions, k, first):
        first = False
        comma = next((t for t in range(k + 1, before - 1)
                      if view.words[t] == "," and (blocked is None or not blocked.covers(t, t + 1))), None)
        if comma is None:
            break
        if view.lowers[k] not in _SUBORDINATORS and any(_finite_cue_form(verbs, view.words[t]) and _named_before(view, mentions, t, k)
                                                        for t in range(k + 1, comma)):
            break  # a name's reporting verb before the comma: the clause itself ("On Monday X said ..., adding")
        k = comma + 1
        while True:
            nxt = next((t for t in range(k, min(before - 1, k + _CHUNK + 1)) if view.words[t] == ","), None)
            if nxt is None or not _place_or_time_chunk(view, mentions, k, nxt):
                break
            k = nxt + 1
    return k


#: quotation marks that close a quotation (a participle cue may follow one: '“...,” telling')
_CLOSING_MARKS = frozenset({"”", '"', "''"})


def is_participle_cue(view: TextView, cue_start: int, cue_end: int, lo: int) -> bool:
    """Whether the cue is a participle hanging on a clause before it (", saying ...", ", adding
    that ...", ", referring to ..."): a one- or two-word cue opening with an -ing form after a
    comma, or after a closing quotation mark with the comma inside it ('... as “fantastic,”
    telling reporters ...')."""
    if cue_end - cue_start > 2 or not view.lowers[cue_start].endswith("ing"):
        return False
    j = skip_left(view, cue_start, lo)
    if j - 2 > lo and view.words[j - 1] in _CLOSING_MARKS and view.words[j - 2] == ",":
        return True  # '... as “fantastic,” telling reporters ...': the comma inside the closing mark
    return j - 1 > lo and view.words[j - 1] == ","


def participle_subject(view: TextView, mentions: MentionIndex, cue_start: int,
                       blocked: RangeIndex) -> tuple[int, int, str] | None:
    """The subject of the clause a participle cue hangs on: the first noun phrase of its sentence
    outside quotations, after a dateline and an introductory phrase ("Hours later, Trump returned
    the compliment, telling ..." -> Trump)."""
    sent = view.sent_of[cue_start]
    a = _after_semicolon(view, view.sent_bounds(sent)[0], cue_start, blocked)
    # ", X said, adding ...", ", said X, adding ...": the speaker of that reporting verb
    j = skip_left(view, cue_start, a) - 1  # the comma
    verbs = cue_lexicon().verbs
    if j - 1 > a and view.lowers[j - 1] in verbs and not blocked.covers(j - 1, j):
        np = np_ending_at(view, mentions, skip_left(view, j - 1, a), a)
        if np is not None:
            return np
    np = np_ending_at(view, mentions, j, a)
    if np is not None and np[0] - 1 > a and view.lowers[np[0] - 1] in verbs and np[2] == "name":
        return np
    return sentence_subject(view, mentions, a, cue_start, blocked)


#: conjunctions that may open a sentence before its subject ("But the minister said ...")
_OPENING_CONJUNCTIONS = rule_words("opening_conjunctions")


def sentence_subject(view: TextView, mentions: MentionIndex, a: int, cue_start: int,
                     blocked: RangeIndex) -> tuple[int, int, str] | None:
    """The first noun phrase of the sentence starting at token ``a``, before ``cue_start``, outside
    quotations, after a dateline, a conjunction and an introductory phrase; a person named in
    apposition after a description ("a senator, Ruth Ambler, ...")."""
    k = a
    for t in range(a, min(cue_start, a + 12)):
        if view.words[t] in {"—", "--", "–"} or view.words[t] == "-" and t > a and view.words[t - 1] == ")":
            k = t + 1  # a dateline "WASHINGTON (AFP) –"
            break
    while k < cue_start and (view.words[k] in QUOTE_CHARS or blocked.covers(k, k + 1)
                             or view.lowers[k] in _OPENING_CONJUNCTIONS):
        k += 1
    opened = k
    k = intro_end(view, mentions, k, cue_start, blocked)
    if _subordinate_up_to(view, opened, k, cue_start):
        return None
    for t in range(k, cue_start):
        if blocked.covers(t, t + 1) or view.words[t] in QUOTE_CHARS:
            continue
        np = np_starting_at(view, mentions, t, cue_start)
        if np is not None:
            # "a Republican, Mark Amodei, has voiced ...": the person named in apposition
            e = np[1]
            if np[2] != "name" or not is_person_name(mentions, np):
                m = mentions.name_at(e + 1, e + 2) if e + 2 < cue_start and view.words[e] == "," else None
                if m is not None and m.start == e + 1 and m.type == "person" and view.words[m.end] == ",":
                    return m.start, m.end, "name"
            return np
        if view.lowers[t] in NP_STOP_LEFT:
            return None  # a verb or a clause word came first: no subject found
    return None


#: dashes that set a source's name off from a digest item's headline ("HEADLINE - Jo Doe: ...")
_BYLINE_DASHES = frozenset({"-", "—", "–", "--"})


def _opens_byline(view: TextView, mentions: MentionIndex, a: int, k: int) -> bool:
    """Whether the name starting at token ``k`` opens a digest item's source line after a dash
    ("RURAL VOTES SHIFT - Jo Doe: “...”", "- More from Doe: “...”", "- Jo Doe and Al Roe: “...”"),
    within the sentence starting at ``a``."""
    if k - 2 >= a and view.lowers[k - 1] == "and":
        first = mentions.name_at(k - 2, k - 1)
        if first is not None and first.end == k - 1 and first.start >= a:
            k = first.start  # "Jo Doe and Al Roe:"
    if k - 2 >= a and view.lowers[k - 2] == "more" and view.lowers[k - 1] == "from":
        k -= 2  # "More from Doe:"
    return k - 1 >= a and view.words[k - 1] in _BYLINE_DASHES and (k - 1 == a or view.ends[k - 2] < view.starts[k - 1])


def colon_introducer(view: TextView, mentions: MentionIndex, quote_start: int, blocked: RangeIndex) -> Candidate | None:
    """For a quotation without a cue that follows a colon (across a paragraph break too), the
    speaker the introducing sentence names: the name right before the colon ("Trump: ..."), else
    that sentence's subject ("President Clinton released the following statement: ..."); None
    when no colon introduces it."""
    t = quote_start - 1
    while t >= 0 and view.words[t] in QUOTE_CHARS:
        t -= 1
    if t <= 0 or view.words[t] != ":" or blocked.covers(t, t + 1):
        return None
    a = view.sent_bounds(view.sent_of[t])[0]
    m = mentions.name_at(t - 1, t)
    if m is not None and m.end == t and m.type in ("person", "organization", "state") and (
            m.start == a or _opens_byline(view, mentions, a, m.start)):
        return Candidate(m.start, m.end, "colon", "name", etype=m.type)
    np = sentence_subject(view, mentions, a, t, blocked)
    if np is None:
        return None
    inner = mentions.names_in(np[0], np[1]) if np[2] == "name" else []
    return Candidate(np[0], np[1], "colon", np[2], etype=inner[0].type if inner else "")


#: punctuation that may end a quotation's content before its closing mark ('"...," X barked')
_QUOTE_END_PUNCT = frozenset({",", "?", "!", "—", "--"})
#: tokens that may follow a verb of speaking ending an attribution ('X barked.', 'X fumed on Tuesday')
_AFTER_SPEECH_VERB = frozenset({".", ",", ";", "on", "in", "at", "to", "with", "during", "before", "after", "as", "from",
                                "and", "while", "when", "back", "again", "later", "afterward", "afterwards"})


def trailing_speaker(view: TextView, mentions: MentionIndex, quote_end: int, blocked: RangeIndex) -> Candidate | None:
    """For a quotation without a cue that ends in a comma, "?" or "!" inside its marks, the speaker
    of the attribution right after it with a verb of speaking the cue lexicon lacks: a person's
    name or a he/she, then one lowercase word and an end ('"...," Trump barked.', '"...?" Hannity
    pressed.', '"...," she went on.'), or the word first ('"...," quipped Bo Stark.'). None
    otherwise."""
    t = quote_end
    seen_comma, seen_mark = quote_end > 0 and view.words[quote_end - 1] in _QUOTE_END_PUNCT, False
    while t < view.n and t - quote_end < 3 and (view.words[t] in _QUOTE_END_PUNCT or view.words[t] in QUOTE_CHARS):
        seen_comma = seen_comma or view.words[t] in _QUOTE_END_PUNCT
        seen_mark = seen_mark or view.words[t] in QUOTE_CHARS
        t += 1
    if not (seen_comma and seen_mark) or t + 2 >= view.n or blocked.covers(t, t + 1):
        return None
    if view.sent_of[t] != view.sent_of[quote_end - 1] and view.words[t][:1].islower():
        return None
    low = view.lowers[t]
    m = mentions.name_at(t, t + 1)
    if low in ("he", "she"):
        np_end, kind = t + 1, "pronoun"
    elif m is not None and m.start == t and m.type == "person":
        np_end, kind = m.end, "name"
    else:
        np_end, kind = t, ""
    if kind:  # name or pronoun, then the verb
        v = np_end
        if v + 1 < view.n and _speech_verb_at(view, v) and view.lowers[v + 1] in _AFTER_SPEECH_VERB:
            return Candidate(t, np_end, "colon", kind, etype="person" if kind == "name" else "")
        return None
    # inverted: the verb, then a person's name and an end
    if _speech_verb_at(view, t):
        m = mentions.name_at(t + 1, t + 2)
        if m is not None and m.start == t + 1 and m.type == "person" and m.end < view.n and view.lowers[m.end] in (".", ","):
            return Candidate(m.start, m.end, "colon", "name", etype="person")
    return None


def subject_before_quote(view: TextView, mentions: MentionIndex, quote_start: int, blocked: RangeIndex) -> Candidate | None:
    """For a quotation without a cue inside a sentence whose subject comes before it ("He offered
    “my thoughts and prayers.”", "Mr. Ryan laid out a vision for “a reformed tax code”"), that
    subject when it is a person's name or a he/she, an organisation's or a state's name, or a
    description headed by a person, body or document noun ("The ad targets “...”"): the one whose
    words, belief or intention the sentence reports (ANNOTATION.md). None otherwise."""
    t = quote_start - 1
    while t >= 0 and view.words[t] in QUOTE_CHARS:
        t -= 1
    if t < 0 or view.sent_of[t] != view.sent_of[quote_start]:
        return None
    a = view.sent_bounds(view.sent_of[quote_start])[0]
    np = sentence_subject(view, mentions, a, t + 1, blocked)
    if np is None or np[1] > t:
        return None
    verbs = cue_lexicon().verbs
    if any(_finite_cue_form(verbs, view.words[k]) and skip_left(view, k, np[1]) != np[1] for k in range(np[1], t + 1)):
        return None  # another speaker's cue between ("X is so reckless, the vice president said, that “...”")
    if _adverb_as_name(view, mentions, np):
        return None  # "Specifically, “...”": an adverb taken for a name
    person = _person_subject(view, mentions, np)
    if person is not None:
        return person
    if np[2] == "name":
        inner = mentions.names_in(np[0], np[1])
        if inner and inner[0].type in ("organization", "state"):
            return Candidate(np[0], np[1], "colon", "name", etype=inner[0].type)
    if np[2] == "nominal" and view.lowers[np[1] - 1] in nouns()[0] | nouns()[1] | word_set("document_nouns.txt"):
        return Candidate(np[0], np[1], "colon", "nominal")
    return None


def previous_sentence_subject(view: TextView, mentions: MentionIndex, quote_start: int,
                              blocked: RangeIndex) -> Candidate | None:
    """For a quotation that opens its sentence, the subject of the sentence before it when that is
    a person's name or a he/she outside quotation marks ("Valastro praised the governor. / “We
    need someone ...”"). None otherwise."""
    t = quote_start - 1
    while t >= 0 and view.words[t] in QUOTE_CHARS:
        t -= 1
    s0 = view.sent_of[quote_start]
    if t < 0 or view.sent_of[t] == s0:
        return None
    a, b = view.sent_bounds(view.sent_of[t])  # (an opening mark may stand alone as a "sentence")
    np = sentence_subject(view, mentions, a, b, blocked)
    if np is None:
        return None
    if _adverb_as_name(view, mentions, np):
        return None
    return _person_subject(view, mentions, np)


def _adverb_as_name(view: TextView, mentions: MentionIndex, np: tuple[int, int, str]) -> bool:
    """Whether the subject ``np`` opens with a lone capitalised word taken for a name
    ("Specifically, “...”"): no subject then."""
    m = mentions.name_at(np[0], np[0] + 1)
    return m is not None and _lone_capitalised_word(view, mentions, m, True)


def _person_subject(view: TextView, mentions: MentionIndex, np: tuple[int, int, str]) -> Candidate | None:
    """The subject ``np`` as a speaker candidate when it is a lone he/she or a person's name."""
    if np[2] == "pronoun" and np[1] - np[0] == 1 and view.lowers[np[0]] in ("he", "she"):
        return Candidate(np[0], np[1], "colon", "pronoun")
    if np[2] == "name" and is_person_name(mentions, np):
        return Candidate(np[0], np[1], "colon", "name", etype="person")
    return None


def _speech_verb_at(view: TextView, v: int) -> bool:
    """Whether token ``v`` may be a verb of speaking in the past or present tense: a lowercase
    word ending in -ed or -s, or an irregular past form (``past_verbs.txt``: "went on", "shot back")."""
    w = view.words[v]
    return w.isalpha() and w.islower() and (is_past_form(w, min_len=0) or w.endswith("s") and not w.endswith("ss"))


def verb_after(view: TextView, k: int, hi: int) -> bool:
    """Whether a verb (:func:`_speech_verb_at`, or a reporting verb) follows the subject ending at
    token ``k``, auxiliaries and adverbs skipped, before ``hi``."""
    while k < hi and view.lowers[k] in SKIP_LEFT:
        k += 1
    return k < hi and (_speech_verb_at(view, k) or view.lowers[k] in cue_lexicon().verbs)
