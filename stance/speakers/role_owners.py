"""The owner of a role: a possessor before the role noun ("its leader", "North Korea's leader",
"Sanders' campaign manager"), a name the role is "of" or "for", the owner of a title and of roles
joined by "and" before a title ("PG&E President and CEO"), a bare "the spokesperson" whose owner
the article named earlier, and the common words opening a sentence that own no role ("Talk show
host").
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from stance.speakers.role_lexicon import (
    CAMPAIGN_NOUNS, DETS, campaign_of, is_field_word, is_role_head, names_campaign, names_office, role_nouns,
    singular_role, title_modifiers_lower,
)
from stance.speakers.role_nominals import describe_nominal
from stance.text.entity_types import entity_lexicons
from stance.text.lexicons import data_rows, description_heads, gazetteer, party_labels, stop_words, time_words, word_set
from stance.text.mentions import Mention, MentionIndex, is_adjective, is_common_noun
from stance.text.verb_forms import is_past_form
from stance.text.view import POSSESSIVE_ENDINGS, TextView


def possessed_role(view: TextView, mentions: MentionIndex, a: int, q: int, e: int) -> tuple[str | None, str | None]:
    """The role at tokens ``q+1 .. e`` of the owner at ``a .. q`` before the possessive ending at
    ``q``: "Stanford University's chancellor" -> (chancellor, Stanford University); a person's
    staff serve the person or their campaign ("Sanders's campaign manager")."""
    role_toks = view.words[q + 1 : e]
    if not role_toks or not view.words[a][:1].isupper() or role_toks[-1].lower() not in role_nouns():
        return None, None
    if not all(t.islower() or t == "-" for t in role_toks):
        return None, None
    role = view.span_text(q + 1, e).replace(" - ", "-")
    owner = mentions.name_at(a, q)
    if owner is not None and owner.start == a and owner.end == q and owner.type == "person":
        return role, side_of(view, mentions, owner, q)
    if owner is not None and owner.start == a and owner.end == q:
        return role, owner.canonical
    return role, view.span_text(a, q)


def side_of(view: TextView, mentions: MentionIndex, person: Mention, i: int) -> str:
    """The affiliation of someone on the staff of ``person`` (named in the sentence of token
    ``i``): the person's campaign when that sentence speaks of a campaign ("Sanders' campaign
    manager" -> "Bernie Sanders campaign") or the article names the person's campaign anywhere
    (:func:`owns_campaign`: "Warren Roe, Mr. Sanders's longtime policy adviser", where the article
    says Roe "now works on Mr. Sanders's presidential campaign"), else the person ("Hagan's former
    spokeswoman" -> "Kay Hagan")."""
    a, b = view.sent_bounds(view.sent_of[i])
    if names_campaign(view.lowers[a:b]) or owns_campaign(view, mentions, person.canonical):
        return campaign_of(person.canonical)
    return person.canonical


def owns_campaign(view: TextView, mentions: MentionIndex, canonical: str) -> bool:
    """Whether the article names the campaign of the person ``canonical``: "campaign" right after
    one of their mentions, a possessive and up to two lowercase words between ("Murphy's campaign",
    "Mr. Sanders's presidential campaign", "the Obama campaign"); not a campaign of someone else in
    a sentence naming them ("the campaign to replace Obama")."""
    for n in mentions.named(canonical):
        if n.type != "person":
            continue
        t = n.end + (1 if n.end < view.n and view.words[n.end] in POSSESSIVE_ENDINGS else 0)
        for k in range(t, min(t + 3, view.n)):
            if view.lowers[k] in CAMPAIGN_NOUNS:
                return True
            if not view.words[k].islower():
                break
    return False


#: words that show a person runs a campaign
_CAMPAIGN_WORDS = word_set("campaign_words.txt")


def runs_campaign(view: TextView, mentions: MentionIndex, canonical: str) -> bool:
    """Whether the article speaks of a campaign in a sentence naming the person ``canonical`` (whose
    staff then serve the campaign: "Tad Devine, a senior adviser to Mr. Sanders")."""
    sents = {view.sent_of[n.start] for n in mentions.named(canonical) if n.type == "person"}
    return any(view.lowers[t] in _CAMPAIGN_WORDS for s in sents for t in range(*view.sent_bounds(s)))


#: how many sentences back a generic owner ("the company's") looks for its organisation
_GENERIC_OWNER_SENTS = 3


def named_owner(view: TextView, mentions: MentionIndex, i: int, q: int) -> str | None:
    """The organisation a lowercase owner at tokens ``i .. q`` ("the community center's") stands
    for: the article's last organisation before it whose name ends in those words ("Clarkston
    Community Center"), when the owner ends in an organisation noun."""
    if view.lowers[q - 1] not in word_set("org_nouns.txt"):
        return None
    body = mentions.resolve_nominal(view.lowers[q - 1], i)
    if body is None and q == i + 1 and description_heads().get(view.lowers[i]) == ("organization", True):
        # "the company's founder": a generic head stands for the organisation named last before
        last = mentions.previous(i, ("organization",), max_sents=_GENERIC_OWNER_SENTS)
        return last.canonical if last is not None else None
    if body is None or body.type != "organization":
        return None
    tail = view.lowers[i:q]
    if [w.lower() for w in body.text.split()[-len(tail):]] != tail:
        return None
    return body.canonical


def _clause_words(view: TextView, j: int, k: int) -> bool:
    """Whether the lowercase words of tokens ``j``..``k - 1`` before a role hold a function word or
    a past-tense verb: the clause of the name before them ("Wikinews spoke with analyst Jane Roe",
    "the agency said that spokesman"), not a field between a body and the role ("Princeton
    University neuroscience professor")."""
    stops = stop_words()
    return any(view.lowers[t] in stops or is_past_form(view.lowers[t]) for t in range(j, k))


#: tokens that open a sentence or a quotation before its first word
OPENERS = frozenset({"“", '"', "‘", "(", "—"})


def opens_phrase(view: TextView, t: int) -> bool:
    """Whether token ``t`` is the first word of its sentence or follows an opening quotation mark,
    bracket or dash."""
    return t == view.sent_bounds(view.sent_of[t])[0] or (t >= 1 and view.words[t - 1] in OPENERS)


def common_opener(view: TextView, t: int) -> bool:
    """Whether token ``t``, capitalised, is a common word that only its place capitalises ("Talk",
    "Early", "Planetary" opening a sentence): WordNet has it lowercased as a common noun, an
    adjective or a person noun (not "Caloundra", "Leeds": the owner of a role after them) and no
    function word; it is no country, demonym, party label or known organisation, and the article does not write it
    capitalised elsewhere after a sentence's first word (as "Microsoft" would be)."""
    w = view.words[t]
    if not (w[:1].isupper() and w[1:].islower() and w.isalpha()):
        return False
    low = w.lower()
    if low in stop_words() or not (is_common_noun(low) or is_adjective(low) or low in role_nouns()):
        return False  # "His": a function word, no part of a role
    gaz = gazetteer()
    if w in gaz.aliases or w in gaz.demonyms or w in party_labels() or w in entity_lexicons().orgs:
        return False
    counts = view.mid_phrase_counts
    if counts is None:  # counted once per article: this is asked for many tokens
        counts = view.mid_phrase_counts = Counter(word for u, word in enumerate(view.words) if not opens_phrase(view, u))
    return counts.get(w, 0) == (0 if opens_phrase(view, t) else 1)


def owner_before(view: TextView, mentions: MentionIndex, k: int) -> str | None:
    """The body a role starting at token ``k`` belongs to, named just before it: "UCL astronomer",
    "Valiant Entertainment editor", "Democrat", "a Russian foreign ministry spokeswoman"."""
    if k < 1:
        return None
    org_nouns = word_set("org_nouns.txt")
    gaz = gazetteer()
    # a lowercase body: "foreign ministry", "provincial police"
    j = k
    while (j - 1 >= 0 and k - j < 3 and view.words[j - 1].islower() and view.words[j - 1].isalpha()
           and view.lowers[j - 1] not in {"and", "or"}):
        j -= 1
    if j < k and view.lowers[k - 1] in org_nouns:
        body = view.span_text(j, k)
        d = view.words[j - 1] if j >= 1 else ""
        if j >= 1 and opens_phrase(view, j - 1) and common_opener(view, j - 1):
            return None  # "Talk show host Jane Roe": a common word opening the sentence, part of the role
        if d in gaz.demonyms:
            return gaz.demonyms[d]  # "a Russian foreign ministry spokeswoman": the state (state_body_before)
        if d in party_labels() and j == k - 1:
            return party_labels()[d]  # "Republican committee member": the party, not a bare "committee"
        if view.lowers[k - 1] in CAMPAIGN_NOUNS:
            # "Carson campaign manager": the candidate's campaign; "presidential campaign rival Marco
            # Roe": no one's campaign is named
            owner = mentions.name_at(j - 1, j) if d[:1].isupper() else None
            if owner is not None and owner.end == j and owner.type == "person":
                return campaign_of(owner.canonical)
            if not d[:1].isupper():
                return None
        return body if j == k - 1 or view.lowers[j] not in DETS else view.span_text(j + 1, k)
    if j < k and j >= 1 and not _clause_words(view, j, k):
        # "Princeton University neuroscience professor": a field between an organisation and the role
        owner = mentions.name_at(j - 1, j)
        if owner is not None and owner.end == j and owner.type in ("organization", "state"):
            return owner.canonical
        # "Republican state representative", "Israeli state prosecutor": a party or a country
        return party_labels().get(view.words[j - 1]) or gaz.demonyms.get(view.words[j - 1])
    owner = mentions.name_at(k - 1, k)
    if owner is None or owner.end != k:
        d = view.words[k - 1]
        return party_labels().get(d) or gaz.demonyms.get(d)
    if owner.type == "state" and names_office(owner.text):
        return owner.text  # "White House press secretary": the office keeps its name, as a title's does
    if owner.type in ("state", "demonym"):
        return owner.canonical
    if owner.text in party_labels():
        return party_labels()[owner.text]
    if (owner.end - owner.start == 1 and owner.start == view.sent_bounds(view.sent_of[owner.start])[0]
            and owner.type != "organization" and (owner.text.lower() in view.distinct or common_opener(view, owner.start))):
        # "Opposition leader X", "Assembly president X", "Early opponent X" opening a sentence: a
        # common word the article also writes lowercase or WordNet knows, capitalised only by its
        # place; no body
        return None
    return owner.text


#: how many name mentions back :func:`place_owner` looks for the place
_PLACE_OWNER_REACH = 40


@lru_cache(maxsize=1)
def _place_owner_nouns() -> dict[str, str]:
    """``place_owner_nouns.tsv``: noun -> kind of place (city, region, island, state)."""
    return {row[0].strip(): row[1].strip() for row in data_rows("place_owner_nouns.tsv")}


def place_owner(view: TextView, mentions: MentionIndex, i: int, q: int) -> str | None:
    """The place a lowercase owner at tokens ``i .. q`` ("the city's", "the province's", "the
    country's") stands for (``place_owner_nouns.tsv``): the nearest place of that kind the article
    named before token ``i``; None for another owner or when the article named none."""
    if q != i + 1 or i < 1 or view.lowers[i - 1] != "the":
        return None
    kind = _place_owner_nouns().get(view.lowers[i])
    if kind is None:
        return None
    regions = entity_lexicons().regions
    k = mentions.index_before(i)
    before = [m for m in mentions.names[max(0, k - _PLACE_OWNER_REACH + 1) : k + 1][::-1] if m.end <= i]
    if kind == "city":
        # a city, or a capital standing for its state ("Paris"); a city that is also a region
        # ("Delhi") when the article names no other
        city = next((m for m in before if (m.type == "place" and m.text not in regions) or (m.type == "state" and m.text != m.canonical)), None)
        city = city or next((m for m in before if m.type == "place"), None)
        return city.text if city is not None else None
    for m in before:
        if kind in ("region", "island") and m.type == "place" and m.text in regions:
            return regions[m.text]
        if kind in ("island", "state") and m.type == "state" and m.text == m.canonical:
            return m.canonical
    return None


def state_body_before(view: TextView, mentions: MentionIndex, k: int) -> tuple[int, str] | None:
    """A state's body written lowercase right before a role starting at token ``k``, after the
    state's demonym or possessive: "Russian foreign ministry" spokeswoman, "Algerian foreign
    affairs ministry" spokesman, "China's foreign ministry" spokesperson -> (the token where the
    body's words start, the state), as an appositive after the name reads it ("Maria Roe, a
    Russian foreign ministry spokeswoman": role "foreign ministry spokeswoman", affiliation
    Russia); None when no state owns such a body there."""
    if k < 2 or view.lowers[k - 1] not in word_set("org_nouns.txt") or not view.words[k - 1].islower():
        return None
    j = k
    while (j - 1 >= 0 and k - j < 3 and view.words[j - 1].islower() and view.words[j - 1].isalpha()
           and view.lowers[j - 1] not in {"and", "or"} and view.lowers[j - 1] not in DETS):
        j -= 1
    if j < 1:
        return None
    d = view.words[j - 1]
    gaz = gazetteer()
    if d in gaz.demonyms:
        return j, gaz.demonyms[d]
    if d in POSSESSIVE_ENDINGS and j >= 2:
        owner = mentions.name_at(j - 2, j - 1)
        if owner is not None and owner.end == j - 1 and owner.type == "state" and not names_office(owner.text):
            return j, owner.canonical
    return None


def owner_of_possessed_body(view: TextView, mentions: MentionIndex, name: str) -> str | None:
    """The owner of a body speaker named with a possessive ("Kasich's campaign", "University of
    Washington's Institute for Health Metrics", "Taiwan's Constitutional Court", "the bank's
    board", "the Democratic nominee's campaign"): the organisation or state the article names so;
    a person's campaign as "FULL NAME campaign", a person's office as the person; the party a
    party label before a role names; the organisation the article named before whose name ends in
    a lowercase owner; None when the name holds no possessive before a body's noun or the owner
    is none of these."""
    for mark in ("'s ", "’s "):
        owner, found, body = name.partition(mark)
        if found:
            break
    else:
        return None
    body_words = body.split()
    org_nouns = word_set("org_nouns.txt")
    if not any(w.lower() in org_nouns for w in body_words):
        return None  # "Institute for Health Metrics", "campaign", "office", "board"
    toks = [t for t in owner.split() if t.lower() not in DETS]
    if not toks:
        return None
    owner = " ".join(toks)
    if toks[0] in party_labels() and len(toks) > 1 and toks[-1].lower() in role_nouns():
        return party_labels()[toks[0]]  # "the Democratic nominee's campaign"
    if len(toks) == 1 and owner.islower():
        named = mentions.resolve_nominal(owner.lower(), view.n)  # "the bank's board"
        return named.canonical if named is not None and named.type == "organization" else None
    if toks[0] in {"Mr.", "Mrs.", "Ms.", "Dr."}:
        toks = toks[1:]
        owner = " ".join(toks)
    hits = [m for m in mentions.names if m.text == owner or m.canonical == owner]
    if not hits:
        return None
    m = hits[0]
    if m.type == "person":
        full = mentions.canonical_person(m.canonical)
        return campaign_of(full) if names_campaign(body_words) else full
    if m.type in ("organization", "state"):
        return m.canonical
    return None


def earlier_owner(view: TextView, canonical: str) -> str | None:
    """The body of a bare "the spokesperson" that the article named with its owner earlier ("an
    Interpol spokesperson stated. The spokesperson added"): the owner of the first description of
    that head noun in the article that has one; None for a description with more words."""
    toks = [t for t in canonical.split() if t.lower() not in DETS]
    if len(toks) != 1:
        return None
    head = toks[0].lower()
    for t in range(1, view.n):
        if view.lowers[t] == head and view.words[t].islower():
            a = view.sent_bounds(view.sent_of[t])[0]
            k = t
            while (k - 1 >= a and t - k < 3 and (view.words[k - 1][:1].isupper() or view.words[k - 1] in POSSESSIVE_ENDINGS)
                   and (view.words[k - 1] in POSSESSIVE_ENDINGS
                        or (view.lowers[k - 1] not in stop_words() and view.lowers[k - 1] not in time_words()))):
                k -= 1  # the owner's words: "an Interpol spokesperson", "Russia's foreign ministry spokeswoman";
                # not "On Thursday officials"
            if k < t:
                _, owner = describe_nominal(view.span_text(k, t + 1))
                if owner:
                    return owner
    return None


def _opens_body(view: TextView, j: int) -> bool:
    """Whether token ``j`` is a lowercase modifier (no determiner, no "-ly" adverb) that opens a
    phrase: no lowercase word before it ("In Ontario, provincial police", "Russian foreign
    ministry")."""
    w = view.words[j]
    if not (w.islower() and w.isalpha()) or view.lowers[j] in DETS or w.endswith("ly"):
        return False
    return j == 0 or not (view.words[j - 1].islower() and view.words[j - 1].isalpha())


def owner_of_title(view: TextView, mentions: MentionIndex, m: Mention) -> str | None:
    """The organisation or state whose possessive stands before the title of ``m`` ("Red Hat's
    Chief Technical Officer Chris Wright" -> Red Hat), or a body written lowercase right before
    it ("provincial police Detective Constable Jane Roe" -> provincial police, as
    :func:`owner_before` reads it); None when there is none."""
    k = m.start
    while k - 1 >= 0 and m.start - k < 5 and view.words[k - 1][:1].isupper():
        k -= 1  # the title's capitalised words
    if (k < m.start and k >= 2 and view.words[k - 1].islower() and view.lowers[k - 1] in word_set("org_nouns.txt")
            and _opens_body(view, k - 2)):
        # a modifier and the body's noun opening a phrase, not a bare "the party Chairman Jane Roe"
        # nor a verb's "would almost certainly force Sen. Jane Roe"
        return owner_before(view, mentions, k)
    return _possessor_before(view, mentions, k) if k < m.start else None


def _possessor_before(view: TextView, mentions: MentionIndex, k: int) -> str | None:
    """The organisation or state whose possessive ending is token ``k - 1`` ("Red Hat's" before a
    title starting at ``k``); None for another owner or none."""
    if k < 2 or view.words[k - 1] not in POSSESSIVE_ENDINGS:
        return None
    owner = mentions.name_at(k - 2, k - 1)
    if owner is None or owner.end != k - 1 or owner.type not in ("organization", "state"):
        return None
    return owner.canonical


def coordinated_title(view: TextView, mentions: MentionIndex, m: Mention) -> tuple[str, str | None] | None:
    """The roles joined by "and" or "&" whose last one is the title the name finder split from the
    name of ``m``, and their owner named before the first of them: "PG&E President and CEO Andy
    Roe" -> ("President and CEO", "PG&E"), "Acme Corp chairman and CEO John Roe" -> ("chairman and
    CEO", "Acme Corp"), "Acme Corporation's President and CEO"; None when no singular role (not a
    kin's or a relation's: "her father and Mayor Jane Roe") ends right before the "and", or the
    title after it is a state's office (``state_offices.txt``: "Conservative Party leader and Prime
    Minister Jane Roe" leads the party but is the state's prime minister)."""
    if not m.role or m.affiliation:
        return None
    words = view.words
    sa = view.sent_bounds(view.sent_of[m.start])[0]
    k = m.start
    while k - 1 > sa and m.start - k < 4 and words[k - 1][:1].isupper():
        k -= 1  # the title's words ("CEO", "Chief Executive Officer")
    if k == m.start or k - 2 < sa or view.lowers[k - 1] not in {"and", "&"}:
        return None
    head = words[k - 2]
    if (not is_role_head(head) or singular_role(head) != head or view.lowers[k - 2] in word_set("kin_nouns.txt")
            or view.lowers[k - 2] in word_set("relation_nouns.txt")):
        return None
    later = " ".join(view.lowers[k : m.start])
    if any(later == o or later.endswith(" " + o) for o in word_set("state_offices.txt")):
        return None
    f = k - 2
    while f - 1 >= sa and k - 2 - f < 2 and (is_role_head(words[f - 1]) or view.lowers[f - 1] in title_modifiers_lower()
                                            or is_field_word(words[f - 1])):
        f -= 1  # the first role's words: "Executive Vice President", "managing director"
    owner = owner_before(view, mentions, f) or _possessor_before(view, mentions, f) or _swallowed_owner(view, mentions, f, k - 1)
    return view.span_text(f, m.start).replace(" - ", "-"), owner


def _swallowed_owner(view: TextView, mentions: MentionIndex, f: int, e: int) -> str | None:
    """The owner of a role at tokens ``f .. e - 1`` that the name finder joined to the role's
    words ("PG&E President" of "PG&E President and CEO Andy Roe"): the words of that name before
    ``f`` when they are no person's name (no given name first), no title or time word; as the
    gazetteer names them."""
    run = mentions.name_at(f, e)
    if run is None or run.start >= f or run.end != e:
        return None
    words = view.words
    if words[run.start] in entity_lexicons().first_names or any(
            view.lowers[t] in time_words() or is_role_head(words[t]) for t in range(run.start, f)):
        return None
    text = view.span_text(run.start, f)
    gaz = gazetteer()
    if text in gaz.demonyms:
        return gaz.demonyms[text]
    hit = gaz.aliases.get(text)
    return hit[0] if hit is not None else party_labels().get(text, text)
