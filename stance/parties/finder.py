"""Target parties of a quotation: persons, states and organisations the quotation or its
reporting frame refers to, canonicalised within the article.

Sources: names in the quotation (persons by their fullest form, countries and bodies through
the gazetteer: Washington -> United States, Pyongyang -> North Korea), demonyms (North Korean ->
North Korea), acronyms resolved to the article's full name ("DNC" -> Democratic National
Committee), definite descriptions ("the government", "the company") and titles written as names
("the Queen": its holder; "to be President": none), third-person pronouns resolved
to the nearest earlier party (and, for he/she/his/her inside the quotation, also to the person the
article names most, ``via="salient_pronoun"``, for the trained filter to weigh), the reporting frame between cue and quotation ("called Kim 'a smart
guy'", "accused X", "calling it a 'rogue' state") and the objects of targeting verbs elsewhere in
the quotation's sentence ("praised Sanders for ...", "he said of Johnson and Weld"; see
:mod:`stance.parties.references`), and the name written just before the quotation's opening mark,
its subject (Clinton "caused tremendous havoc", ``via="quote_subject"``), and the subject of the
clause a quoted fragment continues mid-sentence (Mr. Kim's "execution has been challenged," said
...; ``via="quote_clause"``).
A person's name whose first word is no given name ("Half Clinton", from a headline; "Trump" read
as "Trump Tower Manila") is given in the form the article writes with a given name ("Hillary
Clinton", "Donald Trump").
Excluded: the speaker (but its own name written inside the quotation is proposed, marked
``speaker_name``, for the trained filter to weigh: it is mostly a wrongly found speaker), the state
or organisation the speaker speaks for (not a political party its member speaks of:
``data/party_labels.tsv``), a country that only identifies a person ("North
Korea's leader Kim"), a country as a place ("in the United States", "moving to Canada", "refugees
from Syria"), a party's members or a country's people as a segment of the public ("white
Democrats", "65 percent of Republicans", "white America"), a name before a noun of land ("the Amazon
rainforest", "the Mexico border": ``data/geo_nouns.txt``), a country in a slogan ("make America great
again", "put America first"), a news outlet or platform as a message's channel ("on Twitter", "via
Facebook"), an institution named as a place ("died at Gleneagles Hospital") and a storm, god or
disease
("Hurricane Dorian": :attr:`~stance.parties.references.ArticleReferences.things`).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache

from stance.parties.features import common_words, target_prepositions
from stance.parties.references import (
    ArticleReferences,
    TargetMention,
    article_references,
    bare_title,
    definite_title,
    description_at,
    frame_objects,
    is_bare_title,
    non_party_kinds,
)
from stance.quotations.finder import RawQuote
from stance.quotations.tokens import QUOTE_MARKS
from stance.text.entity_types import entity_lexicons
from stance.text.inflection import verb_forms
from stance.text.lexicons import (DETERMINERS, OBJECT_PRONOUNS, data_rows, gazetteer, gendered_nouns, party_of_members,
                                  political_parties, pronoun_kinds, rule_words, stop_words, word_set)
from stance.text.mentions import MentionIndex, is_common_noun
from stance.text.view import POSSESSIVE_MARKS, TextView


def _identifies_person(view: TextView, mentions: MentionIndex, m) -> bool:
    """"North Korea's leader Kim": the country only identifies the person."""
    j = m.end
    if j + 1 >= view.n or view.words[j] not in POSSESSIVE_MARKS:
        return False
    for k in range(j + 1, min(j + 4, view.n)):
        nm = mentions.name_at(k, k + 1)
        if nm is not None and nm.type == "person":
            return all(view.words[t][:1].islower() for t in range(j + 1, k))
    return False


#: Words of a role that say the speaker no longer holds it ("former deputy director", "ex-minister").
_FORMER = word_set("former_words.txt")


def names_person(mentions: MentionIndex, name: str) -> bool:
    """Whether ``name`` names a person of the article: a name of two words or more whose first is a
    given name ("Hillary Clinton"), or a surname alone that ends one such name only ("Clinton":
    :attr:`~stance.parties.references.ArticleReferences.persons_by_surname`), every mention of it a
    person's, no gazetteer name (a country, a body) and none with a common word ("Jefferson
    Parish": :func:`~stance.parties.features.common_words`)."""
    if gazetteer().lookup(name) is not None:
        return False
    if " " in name:
        full = name
    else:
        fulls = article_references(mentions.view, mentions).persons_by_surname.get(name, ())
        if len(fulls) != 1:
            return False
        full = next(iter(fulls))
    if full.split()[0] not in entity_lexicons().first_names or common_words(full) is not None:
        return False
    named = mentions.named(full)
    return bool(named) and all(m.type == "person" for m in named)


def spoken_for(mentions: MentionIndex, affiliation: str | None, role: str | None) -> str | None:
    """The body a speaker speaks for, as the party finder and filter exclude it: ``affiliation``
    (the article's words), except an organisation the speaker's ``role`` says they left ("former
    CIA deputy director" praising "the best officers to ever serve at CIA"; guideline rule 8: the
    speaker's own organisation is excluded only when the speaker speaks for it), and a person
    (:func:`names_person`: a spokeswoman, adviser or lawyer "of Clinton" speaks for no body, and
    rule 8 excludes the speaker's state or organisation only: the person they speak about is a
    party, as the corpus annotates "Clinton's lawyers said ... Clinton"). A former office's
    state or region stays excluded (a former president on "America")."""
    if affiliation is None:
        return None
    if names_person(mentions, affiliation):
        return None
    if not role:
        return affiliation
    words = role.lower().replace("-", " ").split()
    if not _FORMER.intersection(words):
        return affiliation
    if any(m.type == "organization" for m in mentions.named(affiliation)):
        return None
    return affiliation


#: prepositions of place before a country that make it a place, no party ("in Mexico", "entering Syria")
_LOCATIVE = rule_words("country_locatives")


@lru_cache(maxsize=1)
def motion_verb_forms() -> frozenset[str]:
    """Every form of the verbs of going and coming (``data/motion_verbs.tsv``: "moving", "returned",
    "came", "fled")."""
    forms: set[str] = set()
    for row in data_rows("motion_verbs.tsv"):
        irregular = [f.strip().lower() for f in row[1].split(",") if f.strip()] if len(row) > 1 else []
        forms |= verb_forms(row[0].strip().lower(), irregular, drop_pasts=False)
    return frozenset(forms)


def _went_to_or_came_from(view: TextView, m) -> bool:
    """A country someone goes to or comes from: after "to" or "from" (with or without "the") that
    follows a verb of going or coming, or its object pronoun ("I'm moving to Canada", "since he
    returned to Washington", "women who come to the U.S.", "they're moving it to Mexico"), after
    "to" that ends a route ("immigration from Mexico to the United States"), or after "from" that
    follows people or "originally" ("refugees from Syria", "originally from Egypt":
    ``data/origin_words.txt``)."""
    lowers = view.lowers
    k = m.start - 1
    if k >= 0 and lowers[k] == "the":
        k -= 1
    if k < 1 or lowers[k] not in ("to", "from"):
        return False
    before = lowers[k - 1]
    if (before in OBJECT_PRONOUNS or before == "it") and k >= 2 and lowers[k - 2] in motion_verb_forms():
        return True
    if lowers[k] == "to" and "from" in lowers[max(0, k - 5):k - 1]:
        return True  # the end of a route: "immigration from Mexico to the United States"
    return before in motion_verb_forms() or (lowers[k] == "from" and before in word_set("origin_words.txt"))


@lru_cache(maxsize=1)
def segment_words() -> dict[str, frozenset[str]]:
    """``data/segment_words.tsv``: kind ("before", "share") -> its words."""
    out: dict[str, set[str]] = {}
    for row in data_rows("segment_words.tsv"):
        if len(row) > 1:
            out.setdefault(row[1].strip(), set()).add(row[0].strip().lower())
    return {k: frozenset(v) for k, v in out.items()}


def _population_segment(view: TextView, m) -> bool:
    """A party's members or a country's people as a segment of the public, no party (ANNOTATION.md
    rule 8: populations are excluded): after a word of ``data/segment_words.tsv`` of kind "before"
    ("working-class white Democrats", "white America"); for the members' plural label, after "of"
    and a share ("65 percent of Republicans", "23% of Democrats", "a survey of Republicans"); for a
    country, after "of" and a word of kind "of" ("the people of South Sudan", "all of France")."""
    if m.start == 0:
        return False
    lowers = view.lowers
    words = segment_words()
    if lowers[m.start - 1] in words.get("before", ()):
        return True
    k = m.start - 2 if lowers[m.start - 1] == "the" else m.start - 1
    if k < 1 or lowers[k] != "of":
        return False
    if m.type == "state" and lowers[k - 1] in words.get("of", ()):
        return True
    return (lowers[k - 1] in words.get("share", ()) and m.end - m.start == 1
            and party_of_members(view.words[m.start]) is not None)


#: Verbs of the campaign slogans whose object is a country ("make America great again", "put
#: America first").
_SLOGAN_VERBS = word_set("slogan_verbs.txt")


def _slogan_object(view: TextView, m) -> bool:
    """A country as the object of a slogan, no party: after "make" or "put" and before "first" or,
    within four tokens, "again" ("make America great again", "make America 'win' again", "put
    America first"); not "make Mexico pay for the wall"."""
    lowers = view.lowers
    if m.start == 0 or lowers[m.start - 1] not in _SLOGAN_VERBS or m.end >= view.n:
        return False
    return lowers[m.end] == "first" or "again" in lowers[m.end:min(m.end + 4, view.n)]


def _channel(view: TextView, m) -> bool:
    """A news outlet or platform (``data/non_party_names.tsv`` kind "media") as the channel of a
    message, no party: after a preposition of kind "medium" (``data/target_prepositions.tsv``:
    "on Twitter", "via Facebook", "on his Facebook page")."""
    if non_party_kinds().get(m.text) != "media" and non_party_kinds().get(m.canonical) != "media":
        return False
    k = m.start - 1
    while k >= 0 and view.lowers[k] in DETERMINERS:
        k -= 1
    return k >= 0 and target_prepositions().get(view.lowers[k]) == "medium"


#: Prepositions that make an institution's name a place ("died at Gleneagles Hospital").
_INSTITUTION_LOCATIVE = rule_words("institution_locatives")


def _institution_place(view: TextView, m) -> bool:
    """An institution named as a place, no party: a name whose first or last word is in
    ``data/institution_heads.txt`` after "at", "in", "inside", "near" or "into" (with or without
    "the": "died at Gleneagles Hospital", "a student at the University of Chicago") or where someone
    goes to it ("rushed to Kozhikode Medical College": :func:`_went_to_or_came_from`); not one that
    modifies a noun after it ("in the Trump University cases")."""
    words = m.text.lower().split()
    heads = word_set("institution_heads.txt")
    if not words or (words[0] not in heads and words[-1] not in heads):
        return False
    nxt = view.words[m.end] if m.end < view.n else ""
    if nxt.isalpha() and nxt.islower() and nxt not in stop_words() and is_common_noun(nxt):
        return False  # a modifier: "in the Trump University cases"
    k = m.start - 1
    if k >= 0 and view.lowers[k] == "the":
        k -= 1
    return (k >= 0 and view.lowers[k] in _INSTITUTION_LOCATIVE) or _went_to_or_came_from(view, m)


def _list_head(view: TextView, mentions: MentionIndex, m):
    """The first country of the list of countries ``m`` ends or stands in ("citizens from Algeria,
    Belgium, Canada and Chad": Algeria for each), ``m`` itself when it is the first or no list."""
    head = m
    while head.start >= 2 and view.lowers[head.start - 1] in (",", "and", "or"):
        j = head.start - 2
        if view.lowers[head.start - 1] in ("and", "or") and view.words[j] == ",":
            j -= 1  # "A, B, and C"
        prev = mentions.name_at(j, j + 1) if j >= 0 else None
        if prev is None or prev.end != j + 1 or prev.type != "state":
            break
        head = prev
    return head


def _is_location(view: TextView, mentions: MentionIndex, m) -> bool:
    """A place rather than a party: a capital after a locative preposition ("talks in Hanoi"),
    a country after one, with or without "the", unless its possessive follows ("deaths in the
    United States", but "in Israel's interests"), a country in a compound with another ("the
    Russia-Ukraine war"), a country that only locates the place named before its comma
    ("the attack in Nice, France", "a plane in Nevada, United States crashed"), or one someone
    goes to or comes from (:func:`_went_to_or_came_from`). The parties finder takes every country
    of a list that opens with such a place for one too ("in Iraq and Syria", "citizens from Algeria,
    Belgium and Chad": :func:`_list_head`)."""
    words = view.words
    if m.start >= 2 and words[m.start - 1] == ",":
        before = mentions.name_at(m.start - 2, m.start - 1)
        if before is not None and before.type == "place" and before.end == m.start - 1:
            return True
    if m.start > 0 and view.lowers[m.start - 1] in _LOCATIVE and m.text != m.canonical:
        return True
    k = m.start - 2 if m.start >= 2 and view.lowers[m.start - 1] == "the" else m.start - 1
    if k >= 0 and view.lowers[k] in _LOCATIVE and not (m.end < view.n and words[m.end] in POSSESSIVE_MARKS):
        return True
    if m.end + 1 < view.n and words[m.end] == "-" and view.starts[m.end] == view.ends[m.end - 1] and words[m.end + 1][:1].isupper():
        return True
    if m.start >= 2 and words[m.start - 1] == "-" and view.starts[m.start] == view.ends[m.start - 1] and words[m.start - 2][:1].isupper():
        return True
    return _went_to_or_came_from(view, m)


def find_targets(
    view: TextView,
    mentions: MentionIndex,
    regions: list[tuple[int, int, bool]],
    exclude: set[str],
    blocked: list[tuple[int, int]] | None = None,
    refs: ArticleReferences | None = None,
    salient_in: tuple[int, int] | None = None,
) -> list[TargetMention]:
    """Parties mentioned in the token ``regions`` (the quotation and its frame), first mention
    first, one per canonical name, minus ``exclude`` (speaker and the body it speaks for).

    Each region is ``(start, end, direct)``: inside a direct quotation a third-person pronoun
    cannot be the speaker (who would say "I"); elsewhere it may be, and then adds no target.
    With ``refs``, acronyms take the article's full name and definite descriptions ("the
    government") are resolved, and a he/she/his/her inside the tokens ``salient_in`` (the
    quotation) also proposes the article's most often named person of its gender
    (``via="salient_pronoun"``; in the frame, "he said", it is mostly the speaker)."""
    out: dict[str, TargetMention] = {}
    pk = pronoun_kinds()
    lowers = view.lowers
    for a, b, direct in regions:
        for m in mentions.names_in(a, b):
            if m.type not in ("person", "state", "organization", "demonym"):
                continue
            if is_bare_title(m):  # "the Queen": the office's holder; "to be President": no party
                d = bare_title(refs, m) if refs is not None else None
                if d is not None:
                    if d.name not in exclude and d.name not in out:
                        out[d.name] = d
                    continue
                if not definite_title(view, m):
                    continue
            name = m.canonical
            via = "name"
            if refs is not None and refs.canonical(name) != name:
                if name in exclude:  # the speaker's own acronym ("the RNC" said by the RNC)
                    continue
                name, via = refs.canonical(name), "acronym"
            if name in exclude or name in out or (refs is not None and name in refs.things):
                continue
            if m.type == "state" and (_identifies_person(view, mentions, m) or _is_location(view, mentions, m)):
                continue
            if m.type == "state" and (head := _list_head(view, mentions, m)) is not m and _is_location(view, mentions, head):
                continue  # a list of places: "citizens from Algeria, Belgium and Chad", "in Iraq and Syria"
            if m.type in ("state", "organization") and _population_segment(view, m):
                continue
            if m.type == "state" and _slogan_object(view, m):
                continue
            if m.type == "organization" and _channel(view, m):
                continue
            if m.type in ("organization", "person") and _institution_place(view, m):
                continue
            if m.end < view.n and view.words[m.end].islower() and lowers[m.end] in word_set("geo_nouns.txt"):
                continue  # a place's name: "the Amazon rainforest", "the Mexico border"
            typ = "state" if m.type == "demonym" else "organization" if via == "acronym" else m.type
            out[name] = TargetMention(name, typ, m.start, m.end, via)
        if refs is not None:  # the document's "the" and pronoun positions in [a, b)
            marked = refs.descriptions_and_pronouns
            at = marked[bisect_left(marked, a):bisect_left(marked, b)]
        else:  # most tokens are neither a description nor a pronoun
            at = [i for i in range(a, b) if lowers[i] == "the" or lowers[i] in pk]
        for i in at:
            w = lowers[i]
            if w == "the" and refs is not None:
                d = description_at(refs, i)
                if d is not None and d.end <= b and d.name not in exclude and d.name not in out:
                    out[d.name] = d
                continue
            kind = pk.get(w)
            # a pronoun whose nearest antecedent is the speaker refers to the speaker: no target
            if kind == "person-sg":
                # capitalised common words ("Today he's ...") are no antecedents
                if refs is None:
                    skip = exclude if direct else set()
                else:
                    skip = exclude | refs.no_antecedents if direct and exclude else refs.no_antecedents
                if refs is not None:  # of the pronoun's gender, where the article shows it
                    ref = refs.previous_person(i, w, max_sents=4, skip=skip or None)
                else:
                    ref = mentions.previous(i, ("person",), max_sents=4, skip=skip or None)
            elif kind == "thing" and w in {"it", "its"} and (b - a) <= 4:
                # only in a short frame ("calling it a 'rogue' state"), never inside long quotes
                ref = mentions.previous(i, ("state", "organization"), max_sents=2)
            else:
                continue
            if ref is not None and ref.canonical not in exclude and ref.canonical not in out:
                out[ref.canonical] = TargetMention(ref.canonical, ref.type, i, i + 1)
            if kind == "person-sg" and refs is not None and salient_in is not None and salient_in[0] <= i < salient_in[1]:
                # the other reading: the article's main person
                alt = refs.salient_person(i, w, skip=exclude | refs.initial_only)
                if alt is not None and alt not in out and (ref is None or alt != ref.canonical):
                    out[alt] = TargetMention(alt, "person", i, i + 1, "salient_pronoun")
    return list(out.values())


#: Possessive determiners before a kin noun whose person the finder looks for ("her husband").
_KIN_POSSESSIVES = rule_words("kin_possessives")


def kin_targets(view: TextView, refs: ArticleReferences, raw: RawQuote, speaker: str | None,
                exclude: set[str]) -> list[TargetMention]:
    """The persons a possessive and a kin noun of known gender in the quotation refer to ("she'll
    turn to her husband", "his father", "my wife" in a direct quotation: ``data/kin_nouns.txt``
    with ``data/gendered_nouns.tsv``): the possessor is the person "his"/"her" is read as (in a
    direct quotation not the speaker, who would say "my") or the speaker for "my"; the kin is the
    article's one other person of that surname and gender
    (:meth:`~stance.parties.references.ArticleReferences.kin_of`), ``via="description"`` (a
    definite description with a unique referent, guideline rule 8)."""
    kin = word_set("kin_nouns.txt")
    genders = gendered_nouns()
    lowers = view.lowers
    marked = refs.descriptions_and_pronouns
    direct = raw.kind == "direct"
    out: list[TargetMention] = []
    for i in marked[bisect_left(marked, raw.tok_start):bisect_left(marked, raw.tok_end - 1)]:
        w = lowers[i]
        noun = lowers[i + 1]
        if w not in _KIN_POSSESSIVES or noun not in kin or noun not in genders:
            continue
        if w == "my":
            possessor = speaker if direct else None
        else:
            ref = refs.previous_person(i, w, max_sents=4, skip=exclude if direct and exclude else None)
            possessor = ref.canonical if ref is not None else None
        person = refs.kin_of(possessor, genders[noun]) if possessor else None
        if person is not None and person not in exclude and all(t.name != person for t in out):
            out.append(TargetMention(person, "person", i, i + 2, "description"))
    return out


#: Determiners before a noun of ``data/campaign_person_nouns.txt`` ("the candidate", "our candidate").
_CAMPAIGN_DETERMINERS = rule_words("campaign_determiners")


def campaign_person(view: TextView, mentions: MentionIndex, raw: RawQuote, affiliation: str | None) -> TargetMention | None:
    """The person a campaign's staff speak of as "the candidate": when the speaker's
    ``affiliation`` is "<name> campaign" ("Hillary Clinton campaign") and the quotation writes a
    determiner and a noun of ``data/campaign_person_nouns.txt`` ("the candidate misspoke", "it had
    been a difficult night for their candidate"), that name, as the article's fullest person form
    (``via="description"``); guideline rule 8 (a definite description with a unique referent)."""
    if not affiliation or not affiliation.lower().endswith(" campaign"):
        return None
    name = affiliation[: -len(" campaign")].strip()
    if not name:
        return None
    nouns = word_set("campaign_person_nouns.txt")
    lowers = view.lowers
    for i in range(max(raw.tok_start, 1), raw.tok_end):
        if lowers[i] in nouns and lowers[i - 1] in _CAMPAIGN_DETERMINERS:
            full = mentions.canonical_person(name)
            if not names_person(mentions, full):
                return None
            return TargetMention(full, "person", i, i + 1, "description")
    return None


#: A cue-to-quotation gap of at most this many tokens is searched for parties too.
FRAME_GAP = 8
#: ... and for an "as" naming frame, whose object may be longer ('described the town's under-21
#: football team as "..."': the quotation is the quoted words only, ANNOTATION.md rule 3)
AS_FRAME_GAP = 12


def frame_gap(cue) -> int:
    """The longest cue-to-quotation gap searched for parties for ``cue``: :data:`AS_FRAME_GAP` for
    an "as" naming frame, else :data:`FRAME_GAP`."""
    return AS_FRAME_GAP if cue.frame == "as" else FRAME_GAP


def _members_of(speaker: str, party: str) -> bool:
    """Whether the speaker is a party's members named by its plural label ("Democrats", "Other
    Republicans" for the Democratic or Republican Party: :func:`~stance.text.lexicons.party_of_members`)."""
    return party_of_members(speaker.split()[-1]) == party


def parties_of_quotation(view: TextView, mentions: MentionIndex, raw: RawQuote, speaker: str | None,
                         affiliation: str | None, refs: ArticleReferences | None = None,
                         looked_up: str | None = None) -> list[TargetMention]:
    """The parties a quotation talks about: those
    of its own tokens and of the reporting frame between its cue and it (when at most
    :data:`FRAME_GAP` tokens), the name just before its opening mark (:func:`_quote_subject`), the
    subject of the clause a quoted fragment continues (:func:`_clause_before_mark`), the person
    a campaign's "the candidate" is (:func:`campaign_person`), the speaker's own name inside it, then the objects of targeting verbs in the rest of its sentences,
    minus the speaker and the body the speaker speaks for. ``refs``: the article's
    :class:`~stance.parties.references.ArticleReferences` (the document's, shared with the filter, when not given).
    ``looked_up``: the speaker's affiliation an actor lookup gives (not the article's words); when
    it is a country, the speaker holds its office and speaks for it (guideline rule 8), so it is
    no party either: a president's "America is already great"."""
    if refs is None:
        refs = article_references(view, mentions)
    exclude = set()
    if speaker is not None:
        exclude.add(speaker)
        if affiliation and (affiliation not in political_parties() or _members_of(speaker, affiliation)):
            # a member does not speak for their party: "Republicans could go back in time", said
            # by a Republican, is about it (the trained filter weighs it); but the members as a
            # group ("Democrats say ...") speak for it
            exclude.add(affiliation)
        if looked_up is not None and looked_up in gazetteer().countries:
            exclude.add(looked_up)
    regions = [(raw.tok_start, raw.tok_end, raw.kind == "direct")]
    if raw.cue is not None:
        lo, hi = sorted((raw.cue.end, raw.tok_start)) if raw.cue.end <= raw.tok_start else (raw.tok_end, raw.cue.start)
        if hi - lo <= frame_gap(raw.cue):
            regions.append((lo, hi, False))
    out = find_targets(view, mentions, regions, exclude, refs=refs, salient_in=(raw.tok_start, raw.tok_end))
    seen = {t.name for t in out}

    def add(t: TargetMention) -> None:
        if t.name not in seen:
            seen.add(t.name)
            out.append(t)

    subject = _quote_subject(view, mentions, raw)
    if subject is not None:
        for t in find_targets(view, mentions, [(subject[0], subject[1], False)], exclude, refs=refs):
            add(TargetMention(t.name, t.type, t.start, t.end, "quote_subject"))
    clause = _clause_before_mark(view, raw)
    if clause is not None:
        for t in find_targets(view, mentions, [(clause[0], clause[1], False)], exclude, refs=refs):
            if t.start - clause[0] < CLAUSE_SUBJECT_REACH:  # the clause's subject, not "... to workers in Mexico"
                add(TargetMention(t.name, t.type, t.start, t.end, "quote_clause"))
    for t in kin_targets(view, refs, raw, speaker, exclude):
        add(t)
    candidate = campaign_person(view, mentions, raw, affiliation)
    if candidate is not None and candidate.name not in exclude:
        add(candidate)
    if speaker is not None:
        named = _speaker_named(mentions, raw, speaker)
        if named is not None:
            seen.add(named.name)
            out.append(named)
    framed: dict[str, str] = {}  # name -> the stance a frame verb takes toward it (the first polar one)
    for lo, hi in _sentence_frame(view, raw):
        for r in frame_objects(refs, lo, hi, exclude):
            if r.frame and r.name not in framed:
                framed[r.name] = r.frame
            if r.name in exclude or r.name in seen or r.type not in ("person", "state", "organization", "demonym"):
                continue
            if view.lowers[r.start - 1] == "the":
                # no new party ("denouncing the GOP presidential nominee", "referring to the Clinton
                # campaign's ...": the name mostly modifies the object; on the corpus train split 3
                # of 14 such proposals were parties, the filter kept none of them and 3 others), but
                # the verb's stance toward it when it is a party already ("warned the United States")
                continue
            add(TargetMention(r.name, "state" if r.type == "demonym" else r.type, r.start, r.end, r.via))
    if framed:  # a party found by its name (in the quotation or "accused Russia of ...") is a frame object too
        out = [replace(t, frame=framed[t.name]) if t.name in framed else t for t in out]
    return _person_forms(view, out, refs, exclude)


@lru_cache(maxsize=1 << 14)
def _first_and_last(name: str) -> tuple[str, str] | None:
    """A name's first and last words, lowercase without dots ("John R. Bolton" -> ("john",
    "bolton")); None for a one-word name. Cached across documents: names recur."""
    toks = name.replace(".", "").lower().split()
    return (toks[0], toks[-1]) if len(toks) >= 2 else None


def _person_forms(view: TextView, targets: list[TargetMention], refs: ArticleReferences, exclude: set[str]) -> list[TargetMention]:
    """Persons named by :meth:`~stance.parties.references.ArticleReferences.person_form` ("Half
    Clinton" -> "Hillary Clinton", "Trump" read as "Trump Tower Manila" -> "Donald Trump"); a
    target that becomes an earlier one or an excluded name goes, and so does a person whose name
    is an earlier person's with a middle name or initial more or less ("John Bolton" after "John
    R. Bolton", "Robert Mugabe" after "Robert Gabriel Mugabe": one party, as the evaluation
    matches names)."""
    out: list[TargetMention] = []
    seen: set[str] = set()
    ends: set[tuple[str, str]] = set()
    for t in targets:
        if t.type == "person":
            name = refs.person_form(t.name, view.span_text(t.start, t.end) if t.via == "name" else None)
            if name != t.name:
                if name in exclude:
                    continue
                t = replace(t, name=name)
            key = _first_and_last(t.name)
            if key is not None:
                if key in ends:
                    continue
                ends.add(key)
        if t.name in seen:
            continue
        seen.add(t.name)
        out.append(t)
    return out


#: The characters of quotation marks: a quotation whose opening mark follows a name directly.
_QUOTE_CHARS = frozenset("".join(QUOTE_MARKS))


def _quote_subject(view: TextView, mentions: MentionIndex, raw: RawQuote) -> tuple[int, int] | None:
    """The tokens of the name that opens the quotation's clause just before its opening mark, in
    its sentence (Clinton "caused tremendous havoc", he said; Sanders "has pole-vaulted himself
    into ..."; the Department of Homeland Security "may have already removed ..."): the
    quotation's grammatical subject, written outside it; proposed (``via="quote_subject"``) for
    the trained filter to weigh. Not after a colon or a comma ("Rep. X:", "According to X, ...")."""
    a = raw.tok_start
    if a <= 0 or a >= view.n:
        return None
    lo = view.sent_bounds(view.sent_of[a])[0]
    names = mentions.names_in(lo, a)
    if not names:
        return None
    m = names[-1]
    gap = view.text[view.ends[m.end - 1]:raw.start].strip()
    if not gap or not _QUOTE_CHARS.issuperset(gap) or m.type not in ("person", "organization", "state", "demonym"):
        return None
    return m.start, m.end


#: The longest clause before a quotation's opening mark searched for parties (tokens).
CLAUSE_BEFORE_MARK = 25
#: ... and only for a party that starts within this many tokens of the clause's start, its subject
#: ("Mr. Kim's", "Ms. Brainard is", "But Trump and Clinton have"): on the corpus train split, 19 of
#: 27 such proposals the filter kept were parties; 11 of 41 further into the clause.
CLAUSE_SUBJECT_REACH = 3


def _clause_before_mark(view: TextView, raw: RawQuote) -> tuple[int, int] | None:
    """The tokens of the clause a quoted fragment continues, mid-sentence before its opening mark
    and not already searched as its frame (its subject's parties are proposed,
    ``via="quote_clause"``: :data:`CLAUSE_SUBJECT_REACH`): from the sentence's start, or from its cue when the cue
    opens the sentence's report, to the mark ("Mr. Kim's ''execution has been challenged,'' said
    ...", "Trump and Clinton have "very different strategic goals," he said"): the paraphrase of a
    mixed quotation (ANNOTATION.md rule 2), whose parties the quotation is about. None when the
    mark opens the sentence, follows a colon or a comma ("Rep. X:", "he said, "...""), or the clause
    is longer than :data:`CLAUSE_BEFORE_MARK` tokens."""
    a = raw.tok_start
    if raw.kind != "direct" or a <= 0 or a >= view.n:
        return None
    lo = view.sent_bounds(view.sent_of[a])[0]
    cue = raw.cue
    if cue is not None and lo <= cue.start < a:
        if a - cue.end <= frame_gap(cue):
            return None  # the frame between cue and quotation is searched already
        lo = cue.end
    k = a - 1
    while k >= lo and view.words[k] in _QUOTE_CHARS:
        k -= 1  # the opening mark itself when tokenised
    if k < lo or view.words[k] in (":", ",", ";") or k + 1 - lo > CLAUSE_BEFORE_MARK:
        return None
    return lo, k + 1


def _speaker_named(mentions: MentionIndex, raw: RawQuote, speaker: str) -> TargetMention | None:
    """The speaker's own name inside the quotation ("Cruz is too principled", said of Cruz): a
    speaker rarely names themself, so the name is proposed (``via="speaker_name"``) and the
    trained filter weighs it against the chance that the speaker was found wrongly."""
    for m in mentions.names_in(raw.tok_start, raw.tok_end):
        if m.canonical == speaker and m.type in ("person", "organization", "state"):
            return TargetMention(speaker, m.type, m.start, m.end, "speaker_name")
    return None


def _sentence_frame(view: TextView, raw: RawQuote) -> list[tuple[int, int]]:
    """The tokens of the quotation's sentences (and its cue's) outside the quotation."""
    lo_s = view.sent_of[raw.tok_start] if raw.tok_start < view.n else len(view.sent_starts) - 1
    last = max(raw.tok_start, raw.tok_end - 1)
    hi_s = view.sent_of[last] if last < view.n else lo_s
    if raw.cue is not None and raw.cue.start < view.n:
        lo_s = min(lo_s, view.sent_of[raw.cue.start])
        hi_s = max(hi_s, view.sent_of[raw.cue.start])
    lo = view.sent_bounds(lo_s)[0]
    hi = view.sent_bounds(hi_s)[1]
    return [(a, b) for a, b in ((lo, raw.tok_start), (raw.tok_end, hi)) if b > a]
