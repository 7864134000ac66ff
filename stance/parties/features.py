"""Features of a proposed target, for the trained party filter (:mod:`stance.parties.filter`).

For every target :func:`stance.parties.finder.parties_of_quotation` proposes, a dict of features
from what the pipeline already knows: the name's shape (tokens, capitalisation, all-caps, digits),
its gazetteer type (country, international body, organisation noun), how the finder found it
(a name, a demonym, a pronoun resolved to a name, a gazetteer alias), whether it is or overlaps
the speaker or the body the speaker speaks for, where it stands (inside the quotation or only in
the reporting frame, sentence-initial, first sentence), its neighbouring words, how often the
name recurs in the article, whether it carries a title or is a speaker elsewhere, and whether the
quotation's other targets overlap it; and, learned from the corpus's ``not_parties``: the kind of
non-party the name usually is (a place, a news outlet, a population: ``data/non_party_names.tsv``),
a one-word name that only ever opens a sentence ("Today"), a headline-case sentence, a country
used as a modifier ("U.S. military personnel"), of a state-agent noun or not ("Chinese military"
against "American people": ``data/org_nouns.txt``, ``data/state_agent_heads.txt``), or identifying a person ("US president Donald
Trump"), and the reference form the finder used (acronym, description, frame object, the
salient reading of a pronoun); for a pronoun's reading, how many sentences back the name was last
written and the person's rank by mentions; for a state, whether the speaker's affiliation is
another state; a person with nothing that shows it is one (no given name, title or gender the
article shows: places and things are typed persons by default); the target's role in its clause
(:func:`grammatical_role`: the preposition or verb of telling before it, "in the Senate", "on
Twitter", "told the Associated Press", ``data/target_prepositions.tsv``; a possessive determiner,
"his Labour Party"; a subject, "Congress will", or a modifier, "Twitter handle"); a name made of
common words ("Leave", "Title Sponsor", "Sometimes": :func:`common_words`; for a pronoun, of the
name it is read as); and pairs of type, rule, place and quotation kind.
Article-level facts are computed once per document (:class:`ArticleContext`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from functools import cached_property, lru_cache
from typing import Any, Iterable, Sequence

from stance.parties.references import ArticleReferences, article_references, non_party_kinds
from stance.quotations.finder import RawQuote
from stance.text.entity_types import entity_lexicons
from stance.text.lexicons import (AUXILIARIES, DETERMINERS, POSSESSIVE_DETERMINERS, data_rows, gazetteer, pronoun_kinds, rule_words,
                                  stop_words, word_set)
from stance.text.mentions import MentionIndex, is_adjective, is_common_noun, sentence_headline_case
from stance.text.verb_forms import is_past_form
from stance.text.view import POSSESSIVE_MARKS, TextView



@lru_cache(maxsize=1)
def target_prepositions() -> dict[str, str]:
    """``data/target_prepositions.tsv``: preposition (or verb of telling) -> place | medium | addressee | other."""
    return {r[0].strip(): r[1].strip() for r in data_rows("target_prepositions.tsv") if len(r) > 1}


#: Words right after a name that make it a clause's subject: the auxiliaries (not the possessive
#: clitic) and the commonest present-tense verbs of speech and thought.
_SUBJECT_NEXT = (AUXILIARIES - POSSESSIVE_MARKS) | rule_words("subject_next_verbs")


def grammatical_role(view: TextView, start: int, end: int, stop: frozenset[str] | None = None) -> dict[str, str]:
    """What the words around a target's tokens ``[start, end)`` show of its role in its clause:
    ``gov``, the preposition or verb of telling before it (determiners and possessives read past),
    by kind ("place": "in the Senate", "at the hospital"; "medium": "on Twitter"; "addressee": "told
    the Associated Press"; or the preposition itself: "of", "against"), or ``gov_noun`` when the
    target only modifies or possesses the noun the preposition governs ("to U.S. interests", "to
    Trump's overture"); ``possessed``, the possessive determiner right before it ("his Labour Party", "our
    coalition": the speaker's own side); ``role``, "subject" before an auxiliary or a past-tense verb
    ("Congress will", "Trump said") or "modifier" before a lowercase common noun ("Twitter handle",
    "Senate seats", "Coalition troops")."""
    lowers, words = view.lowers, view.words
    out: dict[str, str] = {}
    k = start - 1
    if k >= 0 and lowers[k] in POSSESSIVE_DETERMINERS:
        out["possessed"] = lowers[k]
    while k >= 0 and lowers[k] in DETERMINERS:
        k -= 1
    stop = stop if stop is not None else stop_words()
    # a possessor or a modifier ("to Trump's overture", "to U.S. interests") is not what the
    # preposition governs: the noun after it is
    head = True
    if end < view.n:
        w = words[end]
        if lowers[end] in _SUBJECT_NEXT or (w.islower() and is_past_form(w)):
            out["role"] = "subject"
        elif w.isalpha() and w.islower() and w not in stop:
            if is_common_noun(w):
                out["role"] = "modifier"
                head = False
            elif is_adjective(w):  # "the U.S. hostile policy"
                head = False
        elif w in POSSESSIVE_MARKS:
            head = False
    if k >= 0:
        kind = target_prepositions().get(lowers[k])
        if kind is not None:
            out["gov" if head else "gov_noun"] = lowers[k] if kind == "other" else kind
    return out


@lru_cache(maxsize=1 << 16)
def common_words(written: str) -> str | None:
    """Whether the words of a target as written are common words, not a name's: "all" ("Leave",
    "Title Sponsor", "Sometimes", "Common Core": a common noun, an adjective or a stop word
    capitalised, not a given name), "some" ("Stockholm Syndrome", "Team Hillary") or None. Cached
    across documents: names recur."""
    toks = [t for t in written.replace("-", " ").split() if t[:1].isalpha()]
    if not toks:
        return None
    stop = stop_words()
    given = entity_lexicons().first_names
    k = sum(1 for t in toks if t not in given and ((low := t.lower()) in stop or is_common_noun(low) or is_adjective(low)))
    return "all" if k == len(toks) else "some" if k else None


def _bucket(n: int) -> str:
    """A small count as a category: 0, 1, 2, 3-4, 5+."""
    return "0" if n <= 0 else "1" if n == 1 else "2" if n == 2 else "3-4" if n <= 4 else "5+"


class ArticleContext:
    """What the party features need to know about the whole article, computed once.

    Args:
        view: the document's tokens.
        mentions: its name mentions.
        speakers: canonical names of the article's speakers (every quotation's chosen speaker).
    """

    def __init__(self, view: TextView, mentions: MentionIndex, speakers: Iterable[str | None]):
        self.view = view
        self.mentions = mentions
        self.refs: ArticleReferences = article_references(view, mentions)
        self.counts: Counter[str] = Counter(m.canonical for m in mentions.names)
        self.titled: set[str] = {m.canonical for m in mentions.names if m.role}
        self.speakers: set[str] = {s for s in speakers if s}
        self.speaker_tokens: set[str] = {t for s in self.speakers for t in s.lower().split()}
        #: name -> :func:`_name_shape`, filled as the targets are read
        self.name_shapes: dict[str, tuple[Any, ...]] = {}

    @cached_property
    def starts(self) -> dict[str, list[int]]:
        """Canonical name -> the start tokens of its mentions, in order."""
        out: dict[str, list[int]] = {}
        for m in self.mentions.names:
            out.setdefault(m.canonical, []).append(m.start)
        return out

    @cached_property
    def person_rank(self) -> dict[str, int]:
        """Person canonical name -> its rank by mentions in the article (0: the most named)."""
        ranked = Counter(m.canonical for m in self.mentions.names if m.type == "person").most_common()
        return {name: k for k, (name, _) in enumerate(ranked)}

    def sentences_since_named(self, name: str, i: int) -> int | None:
        """Sentences between token ``i`` and the nearest mention of ``name`` starting before it
        (None: not named before)."""
        starts = self.starts.get(name)
        if not starts:
            return None
        k = bisect_left(starts, i) - 1
        if k < 0:
            return None
        sent_of = self.view.sent_of
        return sent_of[min(i, self.view.n - 1)] - sent_of[starts[k]]

    def headline_case(self, s: int) -> bool:
        """Whether sentence ``s`` is written in headline case (most of its words capitalised)."""
        return sentence_headline_case(self.view, s)


def _tokens(name: str) -> set[str]:
    return {t for t in name.lower().replace("-", " ").split() if len(t) > 1}


def _name_shape(name: str, toks: list[str], gaz: Any, org_nouns: frozenset[str]) -> tuple[Any, ...]:
    """What :func:`target_features` reads of a name alone: (all caps, a digit, a lowercase word,
    short, its gazetteer hit, a country, an organisation noun in it)."""
    return (name.isupper() and any(ch.isalpha() for ch in name),
            any(ch.isdigit() for ch in name),
            not all(w[:1].isupper() for w in toks),
            len(toks) == 1 and len(name) <= 3,
            gaz.lookup(name),
            name in gaz.countries,
            not org_nouns.isdisjoint(name.lower().split()))


def target_features(
    ctx: ArticleContext,
    raw: RawQuote,
    targets: Sequence[Any],
    speaker: str | None,
    affiliation: str | None,
) -> list[dict[str, Any]]:
    """One feature dict per target of ``raw`` (``targets`` as the finder returns them: objects with
    ``name``, ``type``, ``start``, ``end``), in order."""
    view, mentions = ctx.view, ctx.mentions
    gaz = gazetteer()
    org_nouns = word_set("org_nouns.txt")
    first_names = entity_lexicons().first_names
    agent_heads = word_set("state_agent_heads.txt")
    pk = pronoun_kinds()
    stop = stop_words()
    words, lowers = view.words, view.lowers
    n = view.n
    spk = _tokens(speaker) if speaker else set()
    aff = _tokens(affiliation) if affiliation else set()
    cue = raw.cue
    name_tokens = [_tokens(t.name) for t in targets]
    out = []
    for k, t in enumerate(targets):
        name = t.name
        toks = name.split()
        f: dict[str, Any] = {
            "bias": 1.0,
            "type": t.type,
            "kind": raw.kind,
            "n_tok": _bucket(len(toks)),
            "n_targets": _bucket(len(targets)),
            "order": _bucket(k),
        }
        shape = ctx.name_shapes.get(name)
        if shape is None:  # once per name and document: names recur across quotations
            shape = ctx.name_shapes[name] = _name_shape(name, toks, gaz, org_nouns)
        all_caps, digit, lower_word, short, hit, country, org_noun = shape
        # shape
        if all_caps:
            f["all_caps"] = 1.0
        if digit:
            f["digit"] = 1.0
        if lower_word:
            f["lower_word"] = 1.0
        if short:
            f["short"] = 1.0
        # gazetteer and lists
        if hit is not None:
            f["gaz"] = hit[1]
        if country:
            f["country"] = 1.0
        if org_noun:
            f["org_noun"] = 1.0
        # how the finder found it
        w0 = lowers[t.start] if t.start < n else ""
        surface = view.span_text(t.start, t.end) if t.end <= n else name
        if t.end - t.start == 1 and w0 in pk:
            f["rule"] = "pronoun"
            f["pronoun"] = w0
        elif surface in gaz.demonyms:
            f["rule"] = "demonym"
        elif surface != name:
            f["rule"] = "alias" if hit is not None else "partial_name"
        else:
            f["rule"] = "name"
        if t.type != "person" and f["rule"] in ("alias", "demonym", "partial_name"):
            f["written"] = surface.lower()  # "America", "U.S.", "GOP", "Republicans", "White House": forms differ
        # the speaker and their side
        tt = name_tokens[k]
        if tt and spk and tt & spk:
            f["speaker_overlap"] = 1.0
        if tt and aff and tt & aff:
            f["affiliation_overlap"] = 1.0
        if affiliation and (affiliation in name or name in affiliation):
            f["affiliation_contains"] = 1.0
        if t.type == "state":  # a country and the speaker's side: another state is often the one addressed
            f["state_vs_affiliation"] = ("none" if not affiliation else "other_state" if affiliation in gaz.countries
                                         else "not_state")
        if name in ctx.speakers:
            f["speaker_elsewhere"] = 1.0
        elif tt and tt & ctx.speaker_tokens:
            f["speaker_tokens_elsewhere"] = 1.0
        if name in ctx.titled:
            f["titled"] = 1.0
        if t.type == "person" and not (first_names.get(toks[0]) in ("m", "f", "mf") or name in ctx.titled
                                       or name in ctx.refs.gender):
            f["person_no_evidence"] = 1.0  # no given name, title or gender: places and things are typed persons by default
        # where it stands
        inside = raw.tok_start <= t.start < raw.tok_end
        f["where"] = "quote" if inside else "frame"
        if inside and raw.tok_end > raw.tok_start:
            rel = (t.start - raw.tok_start) / (raw.tok_end - raw.tok_start)
            f["rel_pos"] = "head" if rel < 0.2 else "tail" if rel > 0.8 else "mid"
        if cue is not None:
            d = t.start - cue.end if t.start >= cue.end else cue.start - t.end
            f["cue_dist"] = _bucket(max(d, 0) // 2)
            f["cue_lemma"] = cue.lemma
            f["cue_frame"] = cue.frame
            if t.start >= cue.end and t.start - cue.end <= 1:
                f["after_cue"] = 1.0
        s = view.sent_of[t.start] if t.start < n else 0
        if t.start == view.sent_starts[s]:
            f["sent_initial"] = 1.0
        if s == 0:
            f["first_sentence"] = 1.0
        prev = lowers[t.start - 1] if t.start > 0 else "<s>"
        nxt = lowers[t.end] if t.end < n else "</s>"
        f["prev"] = prev
        f["next"] = nxt
        if t.end < n and words[t.end] in POSSESSIVE_MARKS:
            f["possessive"] = 1.0
        if f["rule"] != "pronoun" and t.end > t.start:  # its role in the clause: "in the Senate", "his Labour Party", "Trump said"
            f.update(grammatical_role(view, t.start, t.end, stop))
        # words of the name as written, or of the name a pronoun is read as: "Leave", "Title Sponsor",
        # "Sometimes", "Stockholm Syndrome" are common words, no name
        common = common_words(name if f["rule"] == "pronoun" else surface)
        if common is not None:
            f["common_words"] = common
            f["common_type"] = f"{'pronoun' if f['rule'] == 'pronoun' else t.type}|{common}"
        # learned from the not_parties: what kind of non-party the name usually is
        kinds = non_party_kinds()
        kind = kinds.get(surface) or kinds.get(name)
        if kind is not None:
            f["non_party_kind"] = kind
        via = getattr(t, "via", "name")
        if via != "name":
            f["via"] = via
        if f["rule"] == "pronoun":  # which person the pronoun is read as: how far back, how central
            d = ctx.sentences_since_named(name, t.start)
            f["ante_sents"] = "none" if d is None else _bucket(d)
            f["person_rank"] = _bucket(ctx.person_rank.get(name, 9))
        if name in ctx.refs.initial_only:
            f["initial_only"] = 1.0
        if "(" in words[max(t.start - 3, 0):t.start] and ")" in words[t.end:t.end + 3]:
            f["parenthetical"] = 1.0  # "(R-Fla.)", "(D)"
        if ctx.headline_case(s):
            f["headline_case"] = 1.0
        if t.type == "state" and t.end < n and f["rule"] != "pronoun":
            if words[t.end].isalpha() and words[t.end].islower() and lowers[t.end] not in stop:
                f["state_modifier"] = 1.0  # "U.S. military personnel", "American dream"
                # the state acting ("Chinese military", "Iraqi leaders") or not ("American people")
                f["modifies"] = "agent" if lowers[t.end] in org_nouns or lowers[t.end] in agent_heads else "other"
            for k2 in range(t.end, min(t.end + 4, n)):
                nm = mentions.name_at(k2, k2 + 1)
                if nm is not None and nm.type == "person":
                    f["state_before_person"] = 1.0  # "US president Donald Trump"
                    break
                if not (words[k2].isalpha() and (words[k2].islower() or words[k2].istitle())) or lowers[k2] in stop:
                    break  # only a title between: "US president", "U.S. envoy"
        # recurrence
        f["count"] = _bucket(ctx.counts.get(name, 0))
        # pairs a linear model cannot form itself: how it was found, of what type, where
        f["type_rule_where"] = f"{t.type}|{f['rule']}|{f['where']}"
        f["type_kind"] = f"{t.type}|{raw.kind}"
        # other targets
        for j, other in enumerate(name_tokens):
            if j != k and tt and other and tt & other:
                f["overlaps_other"] = 1.0
                break
        out.append(f)
    return out
