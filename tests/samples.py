"""Handwritten sample articles (fictional countries and people) shared by the tests."""

from stance.artifacts import default_models_dir

#: whether the stance model artifact is shipped (tests then run the default pipeline)
HAS_STANCE = (default_models_dir() / "stance" / "manifest.json").is_file()

ARTICLES = [
    '"We will not accept these tariffs," said Maria Lopez, the trade minister of Freedonia. "Sylvania has behaved like a bully."',
    "Sylvania's prime minister, John Park, said on Tuesday that the talks with Freedonia were productive.\n"
    'Park added that both countries "share a common future."',
    "The weather was mild on Tuesday, and the harbour, for once, was quiet.",
    'Opposition leader Ana Ruiz accused the government of "selling out farmers" to Sylvania. "This deal is a disgrace," Ruiz told reporters.',
]


def stances_with_and_without(text: str, attribute: str, off: object) -> list[tuple[str, str, dict, dict]]:
    """``(quotation text, target, scores with, scores without)`` for every stance of ``text``, read
    by the default pipeline (party filter off) once as shipped and once with the annotator's
    ``attribute`` (a stance prior's offset) set to ``off``; both runs must find the same quotations
    and targets (a prior moves probabilities only)."""
    import stance

    nlp = stance.load(party_filter=False)
    with_prior = nlp(text)
    setattr(nlp.annotator, attribute, off)
    without = nlp(text)
    out = []
    assert len(with_prior.quotes) == len(without.quotes)
    for qa, qb in zip(with_prior.quotes, without.quotes):
        assert qa.quote == qb.quote
        assert [s.target for s in qa.stances] == [s.target for s in qb.stances]
        out += [(qa.quote.text, sa.target, sa.scores, sb.scores) for sa, sb in zip(qa.stances, qb.stances)]
    return out


def roles_by_speaker(nlp, text: str) -> dict[str, tuple[str | None, str | None]]:
    """``{speaker name: (role, affiliation)}`` of the quotations ``nlp`` finds in ``text``."""
    return {q.speaker.name: (q.role, q.affiliation) for q in nlp(text).quotes if q.speaker is not None}
