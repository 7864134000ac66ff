"""Speaker candidates for a reporting cue, and their resolution to a named speaker.

Rules propose candidates around the cue (the noun phrase before it, skipping auxiliaries, adverbs
and an appositive; the one after it in inverted order; the clause subject for a coordinated verb, chosen by rule when a verb follows it right away;
the agent before "for" with a gerund cue; the previous speaker; the whole phrase after "according
to", which is the source by definition and overrides the ranker; for a participle cue after a
comma, ", saying ...", the subject of the clause it hangs on, which also overrides the ranker; a
proportion of people right before the cue, "Twenty-four percent said", chosen by rule before any
other; a quantifier alone opening a second clause, "... and several said"). Each candidate carries the
features the trained ranker (:mod:`stance.speakers.ranker`) scores; without a ranker the rule order decides.

This module assembles the candidates and is the entry point the pipeline imports; the rules live in
:mod:`~stance.speakers.noun_phrases` (phrases around the cue), :mod:`~stance.speakers.clause_subjects`
(subject finding), :mod:`~stance.speakers.appositives` (appositives and descriptions, with
:mod:`~stance.speakers.definite_persons`: "the Vermont senator", "both officers"),
:mod:`~stance.speakers.proportions` (poll shares),
:mod:`~stance.speakers.issuers` (documents, issuers, bodies, acronyms) and
:mod:`~stance.speakers.candidate_resolution` (a candidate resolved to a named speaker), with the
record in :mod:`~stance.speakers.candidate_record`; their public functions are re-exported here.
"""

from __future__ import annotations

from stance.speakers.appositives import OPPOSING_PREPS, appositive_owner, described_referent, owner_of_place
from stance.speakers.candidate_record import CANDIDATE_KINDS, Candidate, RANKER_ONLY_KINDS, RULED_KINDS, RULED_ORDER
from stance.speakers.candidate_resolution import resolve_candidate
from stance.speakers.clause_subjects import (clause_subject, colon_introducer, intro_end, is_participle_cue, participle_subject,
                                             previous_sentence_subject, sentence_subject, skip_left, subject_before_quote,
                                             trailing_speaker, verb_after)
from stance.speakers.issuers import defined_in_parentheses, document_author, issuer_named_before, spelled_out, subject_body_before
from stance.speakers.proportions import proportion_before
from stance.speakers.role_lexicon import CAMPAIGN_NOUNS
from stance.speakers.noun_phrases import (OBJECT_PREPS, QUOTE_CHARS, QUOTE_TAIL, according_source, coordinated_persons,
                                          is_person_name, np_ending_at, np_starting_at, person_after_possessive,
                                          person_before_appositive, phrase_beside_quote, role_before_name, time_phrase_at,
                                          titled_name)
from stance.quotations.cues import agent_then_that, noun_cue_owner
from stance.text.lexicons import BE_FORMS, LONE_QUANTIFIERS, cue_lexicon, party_codes, rule_words
from stance.text.mentions import MentionIndex
from stance.text.view import POSSESSIVE_MARKS, RangeIndex, TextView


#: the party letters of a US legislator's party code ("R-Texas", "(D-Va.)")
_PARTY_LETTERS = frozenset(party_codes())


def party_code_part(view: TextView, i: int, j: int) -> bool:
    """Whether tokens ``[i, j)`` are the party letter or the state of a party code written
    without spaces ("Sen. Ted Cruz, R-Texas," -> "R", "Texas"; "(D-Va.)" -> "D", "Va."): a
    label after a legislator's name, never a speaker."""
    def joined(t: int) -> bool:  # a hyphen at t between two tokens, no spaces
        return 0 < t < view.n - 1 and view.words[t] == "-" and view.ends[t - 1] == view.starts[t] and view.ends[t] == view.starts[t + 1]
    if j - i == 1 and view.words[i] in _PARTY_LETTERS and joined(i + 1):
        return True
    return i >= 2 and joined(i - 1) and view.words[i - 2] in _PARTY_LETTERS and (i < 3 or not view.words[i - 3][:1].isalnum())


#: quantifiers that stand alone as a cue's subject ("several said", "some say"; not "all": the rule
#: was fitted without it)
_LONE_QUANTIFIERS = LONE_QUANTIFIERS - {"all"}
#: words that open a second clause before such a quantifier
_CLAUSE_JOINS = frozenset({"and", "but", "while", "whereas", ",", ";"})


def candidates_for_cue(
    view: TextView,
    mentions: MentionIndex,
    cue_start: int,
    cue_end: int,
    quote_tokens: tuple[int, int] | None,
    blocked: list[tuple[int, int]],
    extra: bool = False,
    skip_ruled: bool = False,
) -> list[Candidate]:
    """Speaker candidates for the cue ``[cue_start, cue_end)``.

    ``quote_tokens`` is the content the cue introduces; ``blocked`` are token ranges inside
    quotation marks, where no speaker can be. ``extra``: also the candidates only the trained
    ranker scores (:data:`RANKER_ONLY_KINDS`), unless ``skip_ruled`` and a candidate of a kind
    chosen by rule (:data:`RULED_KINDS`) decides the cue (the pipeline scores none of its
    candidates then; training keeps them)."""
    sent = view.sent_of[cue_start]
    a, b = view.sent_bounds(sent)
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    blocked = RangeIndex.of(blocked)  # O(log n) queries (the pipeline passes an index)

    def inside_quote(i: int, j: int) -> bool:
        return blocked.covers(i, j)

    def add(np: tuple[int, int, str] | None, kind: str, quoted_ok: bool = False) -> None:
        if np is None:
            return
        i, j, np_type = np
        if (i, j) in seen or (inside_quote(i, j) and not quoted_ok) or party_code_part(view, i, j):
            return
        seen.add((i, j))
        etype = ""
        if np_type == "name":
            inner = mentions.names_in(i, j)
            etype = inner[0].type if inner else "unknown"
        out.append(Candidate(i, j, kind, np_type, etype=etype))

    if cue_end - cue_start == 2 and view.lowers[cue_start] == "according" and view.lowers[cue_start + 1] == "to":
        # (the source ends where the quotation after it starts: "according to the Ministry he died")
        hi = b
        if quote_tokens is not None and cue_end < quote_tokens[0] < b and "," not in view.words[cue_end : quote_tokens[0]]:
            hi = quote_tokens[0]
        src = according_source(view, mentions, cue_end, hi)
        if src is not None:
            add((src[0], src[1], "name" if mentions.name_at(src[1] - 1, src[1]) is not None else "nominal"), "according")
    owner = noun_cue_owner(view, cue_start) if cue_end - cue_start == 1 else None
    if owner is not None and not inside_quote(owner, owner + 1):
        # "Trump's claim that ...", "his promise to ...": the noun's owner speaks, by rule
        if view.lowers[owner] in POSSESSIVE_MARKS:
            add(np_ending_at(view, mentions, owner, a), "owner")
        else:
            add((owner, owner + 1, "pronoun"), "owner")
    elif owner is None and cue_end - cue_start == 1:
        that = agent_then_that(view, cue_start)
        if that is not None and not inside_quote(cue_start + 2, that):
            # "claims by intelligence agencies that ...": the agent claims, by rule
            add(np_ending_at(view, mentions, that - 1 if view.words[that - 1] == "," else that, cue_start + 2), "owner")
    if is_participle_cue(view, cue_start, cue_end, a):
        add(participle_subject(view, mentions, cue_start, blocked), "participle")
    lo = a
    if quote_tokens is not None and quote_tokens[1] <= cue_start:
        lo = max(lo, quote_tokens[1])
    lo = max(lo, blocked.max_end_at_most(cue_start, lo))
    j = skip_left(view, cue_start, lo)
    prev = view.lowers[j - 1] if j - 1 >= lo else ""
    share = proportion_before(view, j, lo)
    if share is not None and share not in seen and not inside_quote(*share):
        # "Twenty-four percent said": the respondents speak, by rule (first: over a participle's subject)
        seen.add(share)
        out.insert(0, Candidate(share[0], share[1], "proportion", "nominal"))
    # gerund cue after "for": "lashed out at Rubio for calling it ..."
    if prev == "for" and view.lowers[cue_start].endswith("ing"):
        add(np_ending_at(view, mentions, j - 1, a), "agent_for")
    if prev in {"and", "but", "or"}:
        # "Graham called both men 'crazy' and said ...": the subject right before the first verb
        # speaks, by rule
        first = clause_subject(view, mentions, sent, j - 1, blocked)
        add(first, "coordinated" if first is not None and verb_after(view, first[1], j - 1) else "subject")
    # (the agent right after the cue, outside quotation marks, even where a mixed quotation's span
    # took it in: 'were described by Johnson as a "historic mandate"')
    by_at = _after_named_quotation(view, cue_end, quote_tokens)
    add(passive_agent(view, mentions, cue_start, by_at, j, b, by_at > cue_end), "agent", quoted_ok=True)
    if prev == "," and j - 1 > lo:
        # "Anderson Cooper, of CNN, one of Vanderbilt's four sons, stated": the sentence's subject
        # whose appositive chain the comma closes speaks, by rule
        owner = appositive_owner(view, mentions, j - 1, lo)
        subj = sentence_subject(view, mentions, a, cue_start, blocked) if owner is not None else None
        if owner is not None and subj is not None and subj[0] <= owner.start < subj[1]:
            add((subj[0], owner.end, "name"), "appositive")
    if prev == ",":
        # appositives after a quotation: '"...," Scott Pruitt, the attorney general of Oklahoma,
        # one of the states suing, said': the first chunk after the quotation
        if quote_tokens is not None and quote_tokens[1] <= cue_start:
            commas = [t for t in range(lo + 1, j - 1) if view.words[t] == ","]
            if commas and j - commas[0] < 40:
                add(np_ending_at(view, mentions, commas[0], lo), "left")
        # appositive: "Kwak Gil Sup, head of One Korea Centre, said"; "The mayor of Paris, Anne
        # Hidalgo, wrote": the person, not the description
        k = j - 2
        while k > lo and view.words[k] != "," and j - k < 20:
            k -= 1
        if k > lo and view.words[k] == ",":
            inner = np_ending_at(view, mentions, j - 1, lo)
            if (inner is not None and inner[0] > k and is_person_name(mentions, inner)
                    and role_before_name(view, k + 1, inner[0])):
                add(inner, "left")
            else:
                add(person_before_appositive(view, mentions, np_ending_at(view, mentions, k, a), a), "left")
    if j - 1 >= lo and view.lowers[j - 1] in _LONE_QUANTIFIERS and (j - 2 < lo or view.lowers[j - 2] in _CLAUSE_JOINS):
        # a quantifier alone opening a second clause: "... and several said ...", "while some say"
        add((j - 1, j, "nominal"), "left")
    left = np_ending_at(view, mentions, j, lo)
    if left is not None and left[2] == "nominal" and left[0] > lo and view.lowers[left[0] - 1] in OBJECT_PREPS:
        left = None  # "in relaying the news to parliament said": an object, not the speaker
    object_name = None  # a name after a preposition that is not the speaker, nor a 'nearest' one
    if left is not None and left[2] == "name" and left[0] > lo:
        p = left[0] - 2 if view.lowers[left[0] - 1] == "the" and left[0] - 2 >= lo else left[0] - 1
        if view.lowers[p] in OBJECT_PREPS:  # (also "speaking to the Washington Post said")
            owner = owner_of_place(view, mentions, left, lo, p)
            if owner is not None and owner[1] <= left[0]:
                object_name = left[0]
            elif view.lowers[p] in OPPOSING_PREPS:
                opposed = mentions.name_at(left[1] - 1, left[1])
                object_name = opposed.start if opposed is not None else left[0]
            left = owner
    if left is not None and left[2] == "name" and left[0] - 1 > lo and view.words[left[0] - 1] == ",":
        place = mentions.name_at(left[1] - 1, left[1])
        if place is not None and place.type == "place" and place.start == left[0]:
            left = None  # "at his golf club outside Washington, D.C. saying": the state after a city is no speaker
    add(left, "left")
    after_quote = quote_tokens is not None and quote_tokens[1] <= cue_start
    if left is None and not any(c.kind == "left" for c in out):
        # '"...," the 46-year-old said'; a clause opened by the phrase: "Several said", "; most said"
        cs = lo if after_quote else max([lo] + [t + 1 for t in range(lo, j) if view.words[t] == ";"])
        add(phrase_beside_quote(view, cs, j), "left")
    addressee = _tells(view, cue_start, cue_end)
    gerund = _gerund(view, cue_start, cue_end)
    if not addressee and not gerund:
        # "told CNN": the one told, never the speaker; "suggesting Joe Scarborough was involved":
        # a participle never stands inverted before its speaker (what follows it is the content)
        right = np_starting_at(view, mentions, cue_end, b)
        if right is None and after_quote and all(view.words[t] in QUOTE_TAIL for t in range(lo, cue_start)):
            e = b - 1 if view.words[b - 1] in (".", "!", "?") else b
            right = phrase_beside_quote(view, cue_end, e)  # '"...," wrote one commenter.'
        add(right, "right")
    if extra and skip_ruled and not RULED_KINDS.isdisjoint([c.kind for c in out]):
        extra = False  # the rule's candidate is the speaker: no ranker candidates needed
    # the clause subject before the cue (looked for once): a fallback, and a ranker candidate
    subject = clause_subject(view, mentions, sent, cue_start, blocked) if not out or extra else None
    if not out:
        add(subject, "subject")
    if extra:
        # more choices for the trained ranker (the rules ignore these kinds): the sentence's
        # subject and the nearest names of the sentence outside quotations
        add(subject, "sent_subject")
        near = sorted(
            (m for m in mentions.names_in(a, b) if m.type in ("person", "organization", "state")),
            key=lambda m: min(abs(m.start - cue_end), abs(cue_start - m.end)),
        )
        # a body before a role and a person ("UCL" in "UCL astronomer Angelos Tsiaras") is not one
        # (not the one told, nor the object or content after a participle: "asking Velk")
        near = [m for m in near if not ((addressee or gerund) and m.start == cue_end) and m.start != object_name]
        # (nor the person of a campaign candidate: "accuse Clinton's campaign" offers the campaign, not Clinton)
        near = [m for m in near if not any(c.np_type == "nominal" and c.start <= m.start and m.end < c.end
                                           and view.lowers[c.end - 1] in CAMPAIGN_NOUNS for c in out)]
        # (nor the possessor in "Huber's longtime tag team partner Erick Rowan")
        near = [m for m in near[:3] if titled_name(view, mentions, m.end, b) is None
                and person_after_possessive(view, mentions, m.end, b) is None
                and not (m.start > 0 and view.lowers[m.start - 1] in ("on", "via"))]  # a medium: "on Twitter"
        for m in near:
            add((m.start, m.end, "name"), "nearest")
    return out


#: lemmas of cues whose object is the one addressed ("told CNN", "reminded voters"), which never
#: stand inverted before their speaker
_ADDRESSEE_LEMMAS = rule_words("addressee_lemmas")


def _tells(view: TextView, cue_start: int, cue_end: int) -> bool:
    """Whether the one-word cue at ``cue_start`` addresses its object ("told", "informs"): the
    noun phrase after it is the addressee, not the speaker."""
    entry = cue_lexicon().verbs.get(view.lowers[cue_start]) if cue_end - cue_start == 1 else None
    return entry is not None and entry[0] in _ADDRESSEE_LEMMAS


def _gerund(view: TextView, cue_start: int, cue_end: int) -> bool:
    """Whether the cue is one -ing word ("saying", "suggesting")."""
    return cue_end - cue_start == 1 and view.lowers[cue_start].endswith("ing") and len(view.lowers[cue_start]) > 4


#: forms of "be" that make a cue passive ("were described by Johnson as")
_BE_FORMS = BE_FORMS - {"'s", "’s"}  # not "it's": as often "has" or a possessive


def _after_named_quotation(view: TextView, cue_end: int, quote_tokens: tuple[int, int] | None) -> int:
    """The token after the quotation in marks that a naming cue's object is, a few tokens after the
    cue, when it is "by" ('has been called "strategic ambiguity" by Hendrick', 'labeled as a "witch
    hunt" by Democrats'), else ``cue_end``: a passive cue's agent may follow its quoted object."""
    if quote_tokens is None or not 0 < quote_tokens[0] - cue_end <= 4:
        return cue_end
    k = quote_tokens[1]
    while k < view.n and k - quote_tokens[1] < 3 and view.words[k] in QUOTE_CHARS | {","}:
        k += 1
    return k if k < view.n and view.lowers[k] == "by" else cue_end


def passive_agent(view: TextView, mentions: MentionIndex, cue_start: int, cue_end: int, j: int,
                  hi: int, after_object: bool = False) -> tuple[int, int, str] | None:
    """The agent of a passive cue, the phrase after "by" ("were described by Johnson as a
    \"historic mandate\"", "has been described by the Daily Hive as"; with ``after_object``, the
    "by" at ``cue_end`` follows the cue's quoted object, which makes it passive without a form of
    "be": 'often labeled as a "witch hunt" by Democrats'): it speaks, not the subject; None when
    the cue is not passive (no form of "be" between the subject's end ``j`` and the cue) or no
    phrase follows "by"."""
    if cue_end + 1 >= hi or view.lowers[cue_end] != "by":
        return None
    if not after_object and not any(view.lowers[t] in _BE_FORMS for t in range(j, cue_start)):
        return None
    return np_starting_at(view, mentions, cue_end + 1, hi)


def pick_by_rules(cands: list[Candidate], view: TextView, cue_start: int, cue_end: int, quote_before: bool) -> Candidate | None:
    """The rules' choice among candidates (used when no trained ranker is loaded)."""
    cands = [c for c in cands if c.kind not in RANKER_ONLY_KINDS]
    if not cands:
        return None
    by_kind: dict[str, Candidate] = {}
    for c in cands:
        by_kind.setdefault(c.kind, c)
    for kind in RULED_ORDER:  # ("colon" candidates never stand among a cue's)
        if kind in by_kind:
            return by_kind[kind]
    if "agent_for" in by_kind:
        return by_kind["agent_for"]
    if "subject" in by_kind and len(by_kind) == 1:
        return by_kind["subject"]
    left, right = by_kind.get("left"), by_kind.get("right")
    if quote_before and right is not None and (left is None or left.end <= cue_start - 3):
        return right
    if "subject" in by_kind and (left is None or left.np_type == "nominal"):
        return by_kind["subject"]
    if left is not None:
        return left
    if right is not None:
        return right
    return cands[0]


def candidate_features(c: Candidate, view: TextView, cue_start: int, cue_end: int, quote_before: bool, cue_lemma: str) -> dict:
    """Features of one candidate for the ranker (all cheap, no Python loops over the document)."""
    dist = c.start - cue_end if c.start >= cue_end else cue_start - c.end
    prev_tok = view.lowers[c.start - 1] if c.start > 0 else "<s>"
    next_tok = view.lowers[c.end] if c.end < view.n else "</s>"
    f = {
        f"kind={c.kind}": 1.0,
        f"np={c.np_type}": 1.0,
        f"kind_np={c.kind}_{c.np_type}": 1.0,
        "dist": min(dist, 20) / 20.0,
        "dist0": 1.0 if dist == 0 else 0.0,
        "quote_before": 1.0 if quote_before else 0.0,
        f"qb_kind={quote_before}_{c.kind}": 1.0,
        "len": min(c.end - c.start, 8) / 8.0,
        f"prev={prev_tok if prev_tok in {',', 'and', 'but', 'for', 'to', 'of', '<s>', 'that', 'by'} else 'other'}": 1.0,
        f"next={next_tok if next_tok in {',', '.', 'said', 'says', 'and', 'who', '</s>'} else 'other'}": 1.0,
        f"cue={cue_lemma}": 1.0,
        "sent_initial": 1.0 if c.start == view.sent_bounds(view.sent_of[c.start])[0] else 0.0,
        "cap": 1.0 if view.words[c.start][:1].isupper() else 0.0,
    }
    if c.etype:
        f[f"etype={c.etype}"] = 1.0
    return f


def group_features(
    cands: list[Candidate], view: TextView, cue_start: int, cue_end: int, quote_before: bool, cue_lemma: str
) -> list[dict]:
    """Features of all candidates of one cue: :func:`candidate_features` plus group context (the
    rules' own pick, the number of candidates, the order within the group)."""
    pick = pick_by_rules(cands, view, cue_start, cue_end, quote_before)
    out = []
    for r, c in enumerate(cands):
        f = candidate_features(c, view, cue_start, cue_end, quote_before, cue_lemma)
        f["rule_pick"] = 1.0 if c is pick else 0.0
        f[f"rule_pick_kind={c.kind}_{c is pick}"] = 1.0
        f["n_cands"] = min(len(cands), 6) / 6.0
        f[f"rank={min(r, 4)}"] = 1.0
        head = view.lowers[c.end - 1]
        if c.np_type in ("pronoun", "nominal"):
            f[f"head={head}"] = 1.0
        c.features = f
        out.append(f)
    return out


__all__ = [
    'CANDIDATE_KINDS', 'RANKER_ONLY_KINDS', 'Candidate', 'np_ending_at', 'time_phrase_at', 'according_source',
    'np_starting_at', 'person_after_possessive', 'titled_name', 'coordinated_persons', 'phrase_beside_quote',
    'clause_subject', 'intro_end', 'is_participle_cue', 'participle_subject', 'sentence_subject', 'colon_introducer',
    'trailing_speaker', 'subject_before_quote', 'previous_sentence_subject', 'candidates_for_cue', 'passive_agent',
    'appositive_owner', 'pick_by_rules', 'candidate_features', 'group_features', 'resolve_candidate',
    'described_referent', 'document_author', 'issuer_named_before', 'spelled_out', 'subject_body_before',
    'defined_in_parentheses',
]
