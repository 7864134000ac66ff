"""Party labels and codes: the party a role or name gives ("Republican senator"), a party code
after a name ("Senator X (R)"), and the party an affiliation label stands for.
"""

from __future__ import annotations

from stance.text.lexicons import party_codes, party_labels, word_set
from stance.text.mentions import Mention, MentionIndex
from stance.text.view import TextView


def party_named(role: str | None, canonical: str, speaker_mention: Mention | None, mentions: MentionIndex) -> str | None:
    """The party a capitalised party label names in a role ("Republican strategist" opening a
    sentence) or in a speaker that is a party's members or one of them ("Other Republicans", "one
    Republican involved", "a former GOP leadership aide"), not in an organisation's name ("Republican
    National Committee", "the GOP" itself, "Democratic Party"); a label that is also a leaning ("Conservative
    columnist", ``ideology_labels.txt``) only where the article names that party; None when there is
    none."""
    labels = party_labels()
    org_nouns = word_set("org_nouns.txt")
    for text in (role, speaker_mention.text if speaker_mention is not None else canonical):
        if not text:
            continue
        toks = text.replace("’", " ").split()
        if any(t.lower() in org_nouns for t in toks) or text in labels.values() or (len(toks) == 1 and text.isupper()):
            continue
        for k, t in enumerate(toks):
            hit = labels.get(t) or (labels.get(t[:-1]) if t.endswith("s") else None)
            if hit is not None and t[:1].isupper() and not (text is not role and k > 0 and toks[k - 1][:1].isupper()):
                if t.lower().rstrip("s") in word_set("ideology_labels.txt") and not any(m.canonical == hit for m in mentions.names):
                    continue
                return hit  # but not a surname after a given name ("John Tory")
    return None


#: the party letters of a US legislator's "(R-Fla.)" / "(D-Calif.)" after the name
_PARTY_CODES = {letter: party for letter, party in party_codes().items() if party}


def party_code_after(view: TextView, m: Mention) -> tuple[str | None, str | None]:
    """The party a "(R-Fla.)" / "(D-N.Y.)" or ", R-N.Y.," after a person's name gives: (None, the
    party)."""
    i = m.end
    if (m.type == "person" and i + 3 < view.n and view.words[i] in {"(", ","} and view.words[i + 1] in _PARTY_CODES
            and (view.words[i + 2] == "-" or (view.words[i] == "(" and view.words[i + 2] == ")"))):
        return None, _PARTY_CODES[view.words[i + 1]]
    return None, None


def after_party_code(view: TextView, m: Mention) -> int:
    """The token after a parenthesised party code right after a person's name ("Rep. Jane Roe
    (D-Md.), chair of ...": the comma), where a description after the name begins; else the
    name's end."""
    i = m.end
    if i < view.n and view.words[i] == "(" and party_code_after(view, m)[1] is not None:
        for k in range(i + 2, min(i + 10, view.n)):
            if view.words[k] == ")":
                return k + 1
    return i


#: titles of a committee's member, which name the committee before them
_COMMITTEE_MEMBERS = word_set("committee_members.txt")


def committee_of_member(role_words: list[str]) -> str | None:
    """The committee a capitalised member's title names ("Republican National Committeeman" ->
    Republican National Committee, "Democratic State Committeewoman" -> Democratic State
    Committee): the capitalised words before the title and "Committee"; None for another role or
    a lowercase one ("the state's Republican national committeeman" names no body)."""
    if len(role_words) < 2 or role_words[-1].lower() not in _COMMITTEE_MEMBERS or not role_words[-1][:1].isupper():
        return None
    k = len(role_words) - 1
    while k > 0 and role_words[k - 1][:1].isupper() and role_words[k - 1].isalpha():
        k -= 1
    return " ".join([*role_words[k:-1], "Committee"]) if k < len(role_words) - 1 else None


def party_of_label(aff: str | None) -> str | None:
    """``aff``, or the party a party label inside it names when it is no organisation's name: the
    owner words before a role ("Presumptive Republican", "U.S. Democratic", "Indiana GOP", "Maryland
    Republicans") -> Republican Party / Democratic Party; "Republican National Committee" stays."""
    if not aff:
        return aff
    toks = aff.replace("’", " ").replace("”", " ").split()
    if any(t.lower() in word_set("org_nouns.txt") for t in toks):
        return aff
    labels = party_labels()
    for k, t in enumerate(toks):
        hit = labels.get(t) or (labels.get(t[:-1]) if t.endswith("s") else None)
        if hit is not None and not (t in labels and labels[t] == aff):
            if any(_names_a_body(w) for w in toks[:k]):
                return aff  # "Log Cabin Republicans": a body's name, not the party's members
            return hit
    return aff


def _names_a_body(word: str) -> bool:
    """Whether a capitalised word before a party label in an affiliation makes it a body's own name
    ("Log", "Cabin" in "Log Cabin Republicans"): a common noun WordNet knows that is no adjective,
    no place's word and no word of the party's own bodies (``party_body_words.txt``), unlike
    "Maryland", "U.S." or "Presumptive"."""
    from stance.text.lexicons import gazetteer
    from stance.text.mentions import is_adjective, is_common_noun

    w = word.lower()
    if not word[:1].isupper() or not word.isalpha() or w in word_set("party_body_words.txt"):
        return False
    gaz = gazetteer()
    if gaz.lookup(word) is not None or word in gaz.demonyms:
        return False
    return is_common_noun(w) and not is_adjective(w)


def party_over_chamber(canonical: str, aff: str | None) -> str | None:
    """``aff``, or the party a capitalised party label in a described speaker names when ``aff`` is
    only a chamber or a common body word, alone or with that label ("Senate Republican leaders":
    not "Senate Republican"; "A Republican committee aide": not "committee"; "House Democrats": not
    "House"): a party's members speak for the party (the annotators' rule for US politicians:
    the party when stated)."""
    if not aff:
        return aff
    labels = party_labels()
    org_nouns = word_set("org_nouns.txt")

    def label(t: str) -> str | None:
        return labels.get(t) or (labels.get(t[:-1]) if t.endswith("s") else None)

    if not all(t.lower() in org_nouns or label(t) for t in aff.split()):
        return aff
    for t in canonical.replace("’", " ").split():
        hit = label(t)
        if hit is not None and t[:1].isupper():
            return hit
    return aff
