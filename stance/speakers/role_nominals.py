"""A description that is itself the speaker's name: "a spokesman for the ministry" -> role
spokesman, affiliation the ministry; "the Israeli military" -> Israel; "one of the officials".
"""

from __future__ import annotations

from stance.speakers.role_lexicon import CAMPAIGN_NOUNS, PREPS, QUANTIFIED_DETS, campaign_of, is_field_word, role_nouns, titles_lower
from stance.text.entity_types import entity_lexicons
from stance.text.lexicons import gazetteer, party_labels, role_words, rule_words, stop_words, word_set
from stance.text.view import POSSESSIVE_ENDINGS


_PREPS_WITHIN = PREPS | {"within"}

#: words before a plural description that say how many of the group, not whose ("Other Republicans")
_GROUP_QUANTIFIERS = rule_words("group_quantifiers")


def describe_nominal(name: str) -> tuple[str | None, str | None]:
    """Role and affiliation inside a descriptive speaker: "Israeli spokesman" -> (spokesman,
    Israel); "Sudan's defense minister" -> (defense minister, Sudan); "an Interpol spokesperson"
    -> (spokesperson, Interpol); "a Russian foreign ministry spokeswoman" -> (foreign ministry
    spokeswoman, Russia); "prosecutors" -> (prosecutors, None)."""
    toks = name.replace("’s", " ’s").replace("'s", " 's").split()
    while toks and (toks[0].lower() in QUANTIFIED_DETS or toks[0].lower() in _GROUP_QUANTIFIERS):
        toks = toks[1:]  # "Other Republicans": no owner "Other"
    person_nouns = role_nouns()
    for p in range(1, len(toks) - 1):
        if toks[p].lower() in _PREPS_WITHIN and toks[p - 1].lower() in person_nouns:
            if " ".join(toks[p - 1 :]).lower() in titles_lower():
                return _title_holding_of(toks, p - 1)
            # "representatives from Iran", "sources within the United States Department of Defense"
            role, _ = describe_nominal(" ".join(toks[:p]))
            rest = toks[p + 1 :]
            if rest and rest[0].lower() == "the":
                rest = rest[1:]
            body = " ".join(rest).replace(" ’s", "’s").replace(" 's", "'s")  # (a possessive joined again)
            hit = gazetteer().lookup(body)
            return role, (hit[0] if hit is not None else gazetteer().demonyms.get(body, body)) or None
    if not toks or toks[-1].lower() not in person_nouns:
        return None, None
    if len(toks) >= 2 and toks[-1].lower() in word_set("org_nouns.txt") and all(t[:1].isupper() for t in toks):
        return None, None  # "Royal Canadian Mounted Police": an organisation's name, not a description
    words = role_words()
    r = len(toks) - 1
    while r > 0 and len(toks) - 1 - r < 2 and toks[r - 1].islower() and toks[r - 1] in words:
        r -= 1
    role = " ".join(toks[r:])
    prefix = toks[:r]
    if prefix and prefix[-1] in {"’s", "'s"}:
        prefix = prefix[:-1]
    if not prefix:
        return role, None
    q = next((k for k, t in enumerate(prefix) if t in {"’s", "'s"}), None)
    if q is not None and 0 < q < len(prefix) - 1 and all(t[:1].isupper() for t in prefix[q + 1 :]):
        # "Trump's Indiana chairman": the words after the possessive belong to the role
        role = " ".join(prefix[q + 1 :] + toks[r:])
        prefix = prefix[:q]
    gaz = gazetteer()
    org_nouns = word_set("org_nouns.txt")
    # "Russian foreign ministry": a country word before a lowercase body
    j = len(prefix)
    while j > 0 and prefix[j - 1].islower() and prefix[j - 1] not in POSSESSIVE_ENDINGS:
        j -= 1
    body = " ".join(prefix[j:])
    owned = j > 0 and prefix[j - 1] in POSSESSIVE_ENDINGS  # "Russia's foreign ministry"
    owner = " ".join(prefix[: j - 1] if owned else prefix[:j])
    if body and prefix[-1] in org_nouns:
        if owned and body in CAMPAIGN_NOUNS and owner[:1].isupper():
            return role, campaign_of(owner)  # "Clinton's campaign spokesman": the "Clinton campaign"
        hit = gaz.aliases.get(owner)
        country = gaz.demonyms.get(owner) or (hit[0] if hit is not None and hit[1] == "state" else "")
        if country:
            return f"{body} {role}", country  # "a Russian foreign ministry spokeswoman": the body is part of the role
        return role, f"{hit[0]}'s {body}" if hit is not None else body
    if (owned and j < len(prefix) and owner[:1].isupper() and not owner.split("-")[-1].islower()
            and toks[-1].lower() not in word_set("kin_nouns.txt")):
        role = " ".join(prefix[j:] + toks[r:])  # "Windsor Locks' first selectman": the owner's
    elif (0 < j < len(prefix) and len(prefix) - j <= 2 and not owned and _names_owner(owner)
          and all(is_field_word(t) and t not in person_nouns for t in prefix[j:])):
        role = " ".join(prefix[j:] + toks[r:])  # "North Carolina election officials": the field is the role's
    elif j < len(prefix) or owner.split("-")[-1].islower():
        return role, None  # "the 34-year-old mother", "the Spanish-speaking son": no owner
    owner_toks = owner.split()
    t = len(owner_toks)
    while t > 0 and owner_toks[t - 1][:1].isupper() and owner_toks[t - 1].lower() not in stop_words():
        t -= 1
    if t > 0 and owner_toks[t - 1].lower() not in {"of", "for", "and", "&"}:
        owner = " ".join(owner_toks[t:])  # "misstated the year Pershing Square's founder": the name only
    if owner in gaz.demonyms:
        return role, gaz.demonyms[owner]
    hit = gaz.aliases.get(owner)
    if hit is not None:
        return role, hit[0]
    return role, party_labels().get(owner, owner)


def _names_owner(owner: str) -> bool:
    """Whether ``owner`` (the capitalised words before a description's field and role) names a
    state, a region, a party or a body ("North Carolina", "Israeli", "Democratic", "House"), not
    a common word capitalised at the start of a sentence ("Law enforcement officials")."""
    gaz = gazetteer()
    last = owner.split()[-1] if owner.split() else ""
    return bool(owner) and owner[:1].isupper() and (
        owner in gaz.demonyms or owner in gaz.aliases or owner in party_labels()
        or owner in entity_lexicons().regions.values() or last.lower() in word_set("org_nouns.txt"))


def _title_holding_of(toks: list[str], h: int) -> tuple[str, str | None]:
    """A description ending in a title that holds "of" from token ``h`` ("the former secretary of
    state", "a Tunisian member of parliament"): (the title with the lowercase modifiers before it,
    the state a demonym or state's name before them names, else None); not a body "state"."""
    k = h
    while k > 0 and toks[k - 1].islower() and (toks[k - 1] in role_words() or toks[k - 1] in {"former", "then"}):
        k -= 1
    owner = " ".join(toks[:k])
    gaz = gazetteer()
    hit = gaz.aliases.get(owner)
    return " ".join(toks[k:]), gaz.demonyms.get(owner) or (hit[0] if hit is not None and hit[1] == "state" else None)
